"""How often does `vaktacheck score` flag everyday political lines that are none of its labels?

Two sets, both written by this project and none of them training data:
- data/benign/lines-holdout*.tsv: single lines (vote appeals, rally notices, thanks, promises, policy criticism
  without insult, questions to a government), in Hindi, romanized Hindi and English;
- data/benign/*.txt: the 33 clean speeches and posts of benchmarks/rules_quality.py, one line at a time.

Printed per language: lines with any harm label (hostile, abusive, hate, defamation) flagged by `score` (model and
rules, as shipped), each label's count, and lines on which the checker reports a model finding for one of them
(VC901-VC904). Every line here should have none. `checkworthy` is counted but is no error: a promise or a record
("we built 300 schools") is a claim worth checking.

    .venv/bin/python benchmarks/everyday_politics.py [--model DIR] [--show]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck.score import LABELS, _Scorer  # noqa: E402

HARM = ("hostile", "abusive", "hate", "defamation")
HARM_FINDINGS = ("VC901", "VC902", "VC903", "VC904")  # the checker's model findings for them


def held_out_lines() -> list[tuple[str, str, str]]:
    """(set, lang, text) for every line of both sets."""
    out = []
    for p in sorted((ROOT / "data" / "benign").glob("lines-holdout*.tsv")):
        rows = [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
        out += [("lines", *r.split("\t", 1)) for r in rows[1:]]
    for p in sorted((ROOT / "data" / "benign").glob("*.txt")):
        lang = {"hi": "hi", "en": "en", "hl": "hi-Latn"}[p.name.split("-")[1]]
        out += [("speeches", lang, l.strip()) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--show", action="store_true", help="print every flagged line")
    args = ap.parse_args()
    from vaktacheck import Checker, Config
    rows = held_out_lines()
    scorer = _Scorer(True, args.model, threads=2)
    outs = [json.loads(s) for s in scorer.score([t for _, _, t in rows])]
    checker = Checker(Config(model=True, model_dir=Path(args.model) if args.model else None))
    table = defaultdict(Counter)
    for (name, lang, text), out in zip(rows, outs):
        key = (name, lang)
        model_findings = [f.rule_id for f in checker.check(text).findings if f.rule_id in HARM_FINDINGS]
        table[key]["lines"] += 1
        harm = [l for l in out["flagged"] if l in HARM]
        table[key]["any"] += bool(harm)
        table[key].update(out["flagged"])
        table[key]["checker"] += bool(model_findings)
        if args.show and (harm or model_findings):
            print(f"  {lang:8s} {','.join(out['flagged']) or '-':28s} {','.join(model_findings) or '-':14s} {text}")
    print(f"{'set':9s} {'lang':8s} {'lines':>5s} {'flagged':>8s} " + " ".join(f"{l:>11s}" for l in LABELS)
          + f" {'VC901-4':>7s}")
    total = Counter()
    for (name, lang), c in sorted(table.items()):
        total.update(c)
        print(f"{name:9s} {lang:8s} {c['lines']:5d} {c['any']:8d} " + " ".join(f"{c[l]:11d}" for l in LABELS)
              + f" {c['checker']:7d}")
    print(f"all: {total['any']} of {total['lines']} lines flagged hostile, abusive, hate or defamation by score; "
          f"{total['checker']} with such a model finding in the checker")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
