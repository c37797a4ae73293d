"""Peers that run offline here, on the English dev sets they apply to: F1 and speed, same texts for all.

    python benchmarks/peers.py --data ../shared/data [--alex-dir DIR]

Peers: alt-profanity-check (pip install alt-profanity-check; flags at probability 0.5), and alex, the
English insensitive-writing linter, through Node (npm install alex@11 in DIR; flags when one of its
`retext-profanities` messages fires). Both only say "profane or not", so they are compared on the
English sets whose label is closest: OLID offensive, TRAC-1 English aggression, HateXplain
hate-or-offensive, political aggression. "vaktacheck" is `vaktacheck score` (rules and model) with the
label each corpus is judged on. Speed is texts per second over the same texts, process start-up
included for every tool (both peers run in one process each, as ours does).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck.model.corpora import LABELS, load_corpora  # noqa: E402
from vaktacheck.model.evaluate import PRIMARY  # noqa: E402

SETS = ("olid_offenseval2019", "trac1_english", "hatexplain_sold_resplit", "political_aggression_indian_politicians")
ALEX_SCRIPT = """import {text as alexText} from 'alex'
import {createInterface} from 'node:readline'
for await (const line of createInterface({input: process.stdin})) {
  const msgs = alexText(JSON.parse(line).text).messages
  process.stdout.write((msgs.some(m => m.source === 'retext-profanities') ? '1' : '0') + '\\n')
}
"""


def f1s(y: np.ndarray, pred: np.ndarray) -> tuple[float, float]:
    from sklearn.metrics import f1_score
    return float(f1_score(y, pred, zero_division=0)), float(f1_score(y, pred, average="macro", zero_division=0))


def run_lines(cmd, texts, cwd=None) -> tuple[list[str], float]:
    payload = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, input=payload, capture_output=True, text=True, cwd=cwd)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    return p.stdout.splitlines(), time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--alex-dir", help="folder where `npm install alex@11` was run")
    args = ap.parse_args()
    _, dev = load_corpora(Path(args.data))
    rows = []  # (corpus, label index, record)
    for r in dev:
        if r.corpus in SETS:
            j = LABELS.index(PRIMARY[r.corpus][0])
            if r.labels[j] is not None:
                rows.append((r.corpus, j, r))
    texts = [r.text for _, _, r in rows]
    y = np.array([r.labels[j] for _, j, r in rows])
    corpora = np.array([c for c, _, _ in rows])
    preds, speeds = {}, {}

    out, secs = run_lines([sys.executable, "-m", "vaktacheck", "score", "-"], texts, cwd=ROOT)
    objs = [json.loads(l) for l in out]
    preds["vaktacheck"] = np.array([LABELS[j] in o["flagged"] for (_, j, _), o in zip(rows, objs)], dtype=int)
    speeds["vaktacheck"] = len(texts) / secs
    try:
        code = ("import sys, json, time\nfrom profanity_check import predict_prob\n"
                "texts = [json.loads(l)['text'] for l in sys.stdin]\n"
                "print('\\n'.join('1' if p >= 0.5 else '0' for p in predict_prob(texts)))\n")
        out, secs = run_lines([sys.executable, "-c", code], texts)
        preds["alt-profanity-check"] = np.array([int(x) for x in out])
        speeds["alt-profanity-check"] = len(texts) / secs
    except SystemExit as e:
        print(f"alt-profanity-check skipped: {str(e).splitlines()[0]}")
    if args.alex_dir:
        script = Path(args.alex_dir) / "vakta-peer.mjs"
        script.write_text(ALEX_SCRIPT, encoding="utf-8")
        out, secs = run_lines(["node", str(script)], texts, cwd=args.alex_dir)
        preds["alex"] = np.array([int(x) for x in out])
        speeds["alex"] = len(texts) / secs

    names = list(preds)
    print(f"{len(texts)} English dev texts; F1 of the positive class / macro-F1\n")
    print(f"{'dev set (label)':<52}" + "".join(f"{n:>24}" for n in names))
    for c in SETS:
        k = corpora == c
        label = PRIMARY[c][0]
        cells = "".join("{:>24}".format("%.3f / %.3f" % f1s(y[k], preds[n][k])) for n in names)
        print(f"{c + ' (' + label + ')':<52}{cells}")
    print(f"{'texts per second (start-up included)':<52}" + "".join(f"{speeds[n]:>24.0f}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
