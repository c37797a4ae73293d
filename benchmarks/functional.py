"""Functional test suite for Hindi and Hinglish hate (HateCheck-style), through `vaktacheck score`.

    python benchmarks/functional.py [--suite data/functional/hate-hi.tsv] [--no-model] [--show-errors]

Each case is run exactly as an analyst would: one JSON line per case into `vaktacheck score`; a case
counts as "hate" when `hate` is in `flagged`. Prints accuracy per functionality, per language and
overall. The suite is our own writing (data/functional/), so it checks behaviour we designed for;
an independent held-out suite will be harder. Since classifier 1.4.0 the model's group-hate head is
trained on the suites it lists in config.json, so for those suites this is an in-sample figure;
benchmarks/group_hate_forward.py measures the head on suites it was not trained on.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck.model.group_hate import load_suite  # noqa: E402  (the tests import it from here too)


def run(cases: list[dict], no_model: bool) -> list[dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for c in cases:
            fh.write(json.dumps({"text": c["text"]}, ensure_ascii=False) + "\n")
    cmd = [sys.executable, "-m", "vaktacheck", "score", fh.name] + (["--no-model"] if no_model else [])
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    Path(fh.name).unlink()
    if p.returncode != 0:
        raise SystemExit(f"vaktacheck score failed:\n{p.stderr[-2000:]}")
    return [json.loads(l) for l in p.stdout.splitlines()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", default=str(ROOT / "data" / "functional" / "hate-hi.tsv"))
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    cases = load_suite(Path(args.suite))
    out = run(cases, args.no_model)
    by_func, by_lang = defaultdict(list), defaultdict(list)
    for c, o in zip(cases, out):
        said = "hate" if "hate" in o["flagged"] else "none"
        ok = said == c["expected"]
        by_func[c["functionality"]].append(ok)
        by_lang[c["lang"]].append(ok)
        if args.show_errors and not ok:
            print(f"  MISS {c['functionality']:<20} {c['lang']:<8} expected {c['expected']:<5} "
                  f"hate={o['scores']['hate']:.2f} {c['text']}")
    print(f"{'functionality':<22} {'cases':>5} {'accuracy':>9}")
    for name, oks in by_func.items():
        print(f"{name:<22} {len(oks):>5} {sum(oks) / len(oks):>9.3f}")
    for name, oks in by_lang.items():
        print(f"{'lang ' + name:<22} {len(oks):>5} {sum(oks) / len(oks):>9.3f}")
    allok = [ok for oks in by_func.values() for ok in oks]
    print(f"{'overall':<22} {len(allok):>5} {sum(allok) / len(allok):>9.3f}")
    print(f"lowest functionality: {min(sum(o) / len(o) for o in by_func.values()):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
