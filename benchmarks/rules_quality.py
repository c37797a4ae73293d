"""Rule precision on external dev sets, and false alarms on clean text we wrote.

    python benchmarks/rules_quality.py --data ../shared/data [--model]

1. For each external dev set with a hostility label (CONSTRAINT dev `hostile`, political-aggression dev
   `hostile` (OAG/CAG), MACD dev `abusive`, TRAC-1 Hinglish dev carve `hostile`): for every rule, the
   posts it fires on at severity medium or above, and the share of those labelled positive (precision
   at post level); overall precision and recall of "any risk rule fires".
2. On data/benign (33 clean speeches and posts in hi, en and hi-Latn that we wrote: development,
   festivals, condolences, policy criticism, history, sourced figures, condemnation, a labelled AI
   video): findings of severity medium or above per 1,000 words (goal < 1), and missing-context
   findings (VC7xx, VC8xx, any severity) per 1,000 words.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck import Checker, Config, Severity  # noqa: E402
from vaktacheck.model.corpora import LABELS, load_corpora  # noqa: E402

RISK = {"identity-appeal", "enmity", "threat", "personal-attack", "allegation"}
SETS = {"constraint2021_hindi": "hostile", "political_aggression_indian_politicians": "hostile",
        "macd_hindi": "abusive", "trac1_hindi_codemixed": "hostile"}


def external(checker, data):
    _, dev = load_corpora(Path(data), corpora=tuple(SETS))
    for corpus, label in SETS.items():
        j = LABELS.index(label)
        recs = [r for r in dev if r.corpus == corpus and r.labels[j] is not None]
        fired = defaultdict(list)
        any_hit = []
        for r in recs:
            rep = checker.check(r.text)
            ids = {f.rule_id for f in rep.findings if f.category in RISK and f.severity >= Severity.medium}
            for rid in ids:
                fired[rid].append(r.labels[j])
            any_hit.append((bool(ids), r.labels[j]))
        pos = sum(y for _, y in any_hit)
        tp = sum(1 for h, y in any_hit if h and y)
        hits = sum(1 for h, _ in any_hit if h)
        print(f"\n{corpus} dev ({len(recs)} posts, {pos} labelled {label}):")
        print(f"  any risk rule (medium+): fires on {hits} posts, precision {tp / max(1, hits):.3f}, "
              f"recall {tp / max(1, pos):.3f}")
        for rid, ys in sorted(fired.items(), key=lambda kv: -len(kv[1])):
            print(f"  {rid}: fires on {len(ys):>4} posts, precision {sum(ys) / len(ys):.3f}")


def benign(checker, label):
    words = 0
    medium = Counter()
    context = 0
    for p in sorted((ROOT / "data" / "benign").glob("*.txt")):
        rep = checker.check(p.read_text(encoding="utf-8"), path=p.name)
        words += rep.document.word_count
        for f in rep.findings:
            if f.severity >= Severity.medium:
                medium[(p.name, f.rule_id, f.match)] += 1
            if f.rule_id[:3] in ("VC7", "VC8"):
                context += 1
    n = sum(medium.values())
    print(f"\nbenign texts ({label}): {words} words; findings of medium or above: {n} "
          f"= {1000 * n / words:.2f} per 1,000 words; missing-context findings: {context} "
          f"= {1000 * context / words:.2f} per 1,000 words")
    for (name, rid, match), k in sorted(medium.items()):
        print(f"  {name}: {rid} “{match}”")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--model", action="store_true", help="also run the benign check with the classifier")
    args = ap.parse_args()
    rules = Checker(Config(model=False))
    benign(rules, "rules only")
    if args.model:
        benign(Checker(Config(model=True)), "rules and model")
    external(rules, args.data)


if __name__ == "__main__":
    main()
