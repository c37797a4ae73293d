"""The group-hate head measured forward: trained on the functional suites written before suite K (and the
templates), scored on the suites written from K on, which it has not seen.

    python benchmarks/group_hate_forward.py [--from 20 30 36] [--model models/vakta-clf] [--threshold T] [--mentions Y]
                                            [--rule-folds] [--checker [--data ../shared/data]]

The shipped head is trained on every suite, so benchmarks/functional.py is no longer a held-out figure for
the system with the model; this is. For each K it refits the head of a copy of the shipped model with the
real training code (`python -m vaktacheck.train --refit-group-hate`, suites 1..K-1 only), then runs the
suites K.. through `vaktacheck score`'s own scorer twice: with that head, and with no head (the system as it
was before the head). Caveat: the rules were mended against every suite after its first run, so "no head"
is better on these suites than it was on their first runs; what the head adds is the honest part.
With --checker it also reads the same suites as a speaker sees them, through `vaktacheck draft.txt`'s checker
with that head: the hate lines with a hate finding (an enmity rule, VC304 or VC903, alone or shown with another
rule's finding on the same span), and the must-pass lines
with one (the checker shows hate it quotes, lowered, so counter-speech lines count here too).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck.model.group_hate import load_suite  # noqa: E402


def suite_number(path: Path) -> int:
    """Suites in the order they were written: hate-hi.tsv is the first, hate-hi-holdout.tsv the second,
    hate-hi-holdoutN.tsv the (N+1)th."""
    tail = path.stem.removeprefix("hate-hi").removeprefix("-holdout")
    return 1 if path.stem == "hate-hi" else 2 if tail == "" else int(tail) + 1


def strip_head(folder: Path) -> None:
    """Turn a model folder into the same model without the group-hate head (as 1.3.0 shipped)."""
    from vaktacheck.model.group_hate import HEAD_FILE
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / HEAD_FILE).unlink()
    cfg.pop("group_hate", None)
    cfg["sha256"].pop(HEAD_FILE)
    (folder / "config.json").write_text(json.dumps(cfg), encoding="utf-8")


_HATE_FINDINGS = ("VC2", "VC304", "VC903")


def checker_reading(model: Path, cases) -> str:
    from vaktacheck import Checker, Config
    checker = Checker(Config(model_dir=str(model)))
    found = {"hate": [0, 0], "none": [0, 0]}
    for c in cases:
        # a model finding on a rule's span is shown inside it ("with: VC903 model-hate"): it counts
        hit = any(f.rule_id.startswith(_HATE_FINDINGS) or any(a.startswith("VC903") for a in f.also)
                  for f in checker.check(c["text"]).findings)
        found[c["expected"]][0] += 1
        found[c["expected"]][1] += hit
    return (f"  checker with the head: a hate finding on {found['hate'][1]} of {found['hate'][0]} hate lines, "
            f"on {found['none'][1]} of {found['none'][0]} must-pass lines")


def checker_on_dev(data: str, n: int = 2500) -> str:
    """The shipped head's findings in the checker on dev texts labelled not hostile, in Hindi or Hinglish
    (seeded sample): what a speaker would be shown that the corpora call harmless."""
    import random
    from vaktacheck import Checker, Config
    from vaktacheck.model.corpora import LABELS, load_corpora
    _, dev = load_corpora(Path(data))
    h = LABELS.index("hostile")
    pool = [r.text for r in dev if r.lang in ("hi", "hi-Latn") and r.labels[h] is not None and r.labels[h] < 0.5]
    random.Random(0).shuffle(pool)
    checker = Checker(Config())
    shown = sum(any(f.rule_id == "VC903" and "group-hate head" in f.explanation for f in checker.check(t).findings)
                for t in pool[:n])
    return f"checker, shipped head: a head finding on {shown} of {min(n, len(pool))} dev texts labelled not hostile (hi, hi-Latn)"


def accuracy(scorer, cases) -> list[bool]:
    out = [json.loads(l) for l in scorer.score([c["text"] for c in cases])]
    return [("hate" in o["flagged"]) == (c["expected"] == "hate") for c, o in zip(cases, out)]


def rule_folds(model_dir: str, mentions: str) -> None:
    """The rules' Hindi and Hinglish examples in two folds by rule (odd and even ids): the head trained
    without one fold's examples (with the templates and every suite), and that fold's pass examples (hard
    negatives) and hate-rule flag examples scored with that head and without any."""
    from vaktacheck.model import group_hate
    from vaktacheck.model.preprocess import clean
    from vaktacheck.rules import builtin_pack_dir, load_pack
    from vaktacheck.score import _Scorer
    from vaktacheck.train import write_group_hate
    from safetensors.numpy import load_file
    suites = sorted((ROOT / "data" / "functional").glob("*.tsv"))
    templates = ROOT / "data" / "authored" / "hate-templates.yaml"
    rules = load_pack(builtin_pack_dir())[0]
    shipped = json.loads((Path(model_dir) / "config.json").read_text(encoding="utf-8"))["group_hate"]
    counts = {"pass": [0, 0, 0], "flag": [0, 0, 0]}  # examples, hate flagged without the head, with it
    for fold in (0, 1):
        held = lambda rule_id: int(rule_id[2:]) % 2 == fold
        texts, y = group_hate.training_examples(templates, suites, keep_rule=lambda rule_id: not held(rule_id),
                                                mentions=mentions or None)
        with tempfile.TemporaryDirectory() as tmp:
            model, bare = Path(tmp, "model"), Path(tmp, "bare")
            shutil.copytree(model_dir, model)
            shutil.copytree(model_dir, bare)
            strip_head(bare)
            idf = load_file(str(model / "ngram.safetensors"))["idf"].astype("float32")
            w, b = group_hate.fit([clean(t) for t in texts], y, idf, shipped["C"])
            write_group_hate(model, w, b, {"threshold": shipped["threshold"]})
            with_head, without = _Scorer(True, model, threads=2), _Scorer(True, bare, threads=2)
            for kind in counts:
                cases = [{"text": e.text, "expected": "hate" if kind == "flag" else "none"}
                         for r in rules if held(r.id) and (kind == "pass" or r.id.startswith(("VC2", "VC304")))
                         for e in (r.pass_examples if kind == "pass" else r.flag_examples) if e.lang in ("hi", "hi-Latn")]
                said_without = [not ok if kind == "pass" else ok for ok in accuracy(without, cases)]
                said_with = [not ok if kind == "pass" else ok for ok in accuracy(with_head, cases)]
                counts[kind] = [counts[kind][0] + len(cases), counts[kind][1] + sum(said_without),
                                counts[kind][2] + sum(said_with)]
    for kind, (n, a, b) in counts.items():
        what = "pass examples (hard negatives)" if kind == "pass" else "flag examples of the hate rules"
        print(f"rule {what}, Hindi and Hinglish, head trained without their rules: {n}; "
              f"hate flagged without the head {a}, with it {b}")


def main() -> int:
    from vaktacheck.score import _Scorer
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="starts", type=int, nargs="+", default=[20, 30, 36])
    ap.add_argument("--model", default=str(ROOT / "models" / "vakta-clf"))
    ap.add_argument("--threshold", type=float, help="the head's threshold (default: the shipped one)")
    ap.add_argument("--mentions", default=str(ROOT / "data" / "authored" / "group-mentions.yaml"),
                    help="the head's everyday mentions of groups ('' for none, as before session 18)")
    ap.add_argument("--rule-folds", action="store_true",
                    help="also: the rules' examples, two folds by rule, with a head trained without them")
    ap.add_argument("--checker", action="store_true", help="also: the checker's hate findings on the same suites")
    ap.add_argument("--data", help="with --checker: also the shipped head's checker findings on dev texts labelled "
                                   "not hostile (the shared data folder)")
    args = ap.parse_args()
    suites = sorted((ROOT / "data" / "functional").glob("*.tsv"), key=suite_number)
    for k in args.starts:
        with tempfile.TemporaryDirectory() as tmp:
            model, bare, seen = Path(tmp, "model"), Path(tmp, "bare"), Path(tmp, "suites")
            shutil.copytree(args.model, model)
            shutil.copytree(args.model, bare)
            strip_head(bare)
            seen.mkdir()
            for p in suites:
                if suite_number(p) < k:
                    shutil.copy(p, seen / p.name)
            threshold = [] if args.threshold is None else ["--group-hate-threshold", str(args.threshold)]
            subprocess.run([sys.executable, "-m", "vaktacheck.train", "--refit-group-hate", str(model),
                            "--functional", str(seen), "--mentions", args.mentions] + threshold,
                           check=True, cwd=ROOT, capture_output=True)
            with_head = _Scorer(True, model, threads=2)
            without = _Scorer(True, bare, threads=2)
            rows, total, by_function, unseen = [], {"with": [], "without": []}, {}, []
            for p in suites:
                if suite_number(p) < k:
                    continue
                cases = load_suite(p)
                unseen += cases
                a, b = accuracy(with_head, cases), accuracy(without, cases)
                total["with"] += a
                total["without"] += b
                for c, ok_with, ok_without in zip(cases, a, b):
                    by_function.setdefault(c["functionality"], []).append((ok_without, ok_with))
                rows.append(f"  suite {suite_number(p):>2} ({p.name}): {sum(b) / len(b):.3f} -> {sum(a) / len(a):.3f}")
            if args.checker:
                rows.append(checker_reading(model, unseen))
        w, wo = total["with"], total["without"]
        print(f"head trained on suites 1-{k - 1}; suites {k}-{suite_number(suites[-1])}, {len(w)} cases: "
              f"system without the head {sum(wo) / len(wo):.3f}, with it {sum(w) / len(w):.3f}")
        print("\n".join(rows))
        # the second goal: no functionality below 0.75
        for name, oks in sorted(by_function.items(), key=lambda kv: sum(w for _, w in kv[1]) / len(kv[1])):
            print(f"  {name:<20} {len(oks):>4} cases: {sum(o for o, _ in oks) / len(oks):.3f} -> "
                  f"{sum(w for _, w in oks) / len(oks):.3f}")
    if args.checker and args.data:
        print(checker_on_dev(args.data))
    if args.rule_folds:
        rule_folds(args.model, args.mentions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
