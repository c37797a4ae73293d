"""One threshold per label and script serves several corpora: how each corpus fares along it, for the system, the
classifier and the n-gram baseline, and whether any threshold puts the system above the baseline's own dev figures
on all of them at once.

    python benchmarks/shared_threshold.py --data ../shared/data [--label hostile] [--script deva]

The baseline is quality.py's (trained in the same run) at its own dev-chosen thresholds, as the issue compares
them; the system and the classifier are swept over the grid for the chosen label and script only. Each corpus is
read by the metric the issue judges it by (CONSTRAINT hostile weighted-F1, ClaimBuster positive-class F1,
macro-F1 elsewhere). A sweep on dev says where the trade-off lies; choosing a threshold by it would fit dev.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import baseline  # noqa: E402
from vaktacheck.model.calibrate import script_of  # noqa: E402
from vaktacheck.model.corpora import LABELS, load_corpora  # noqa: E402
from vaktacheck.model.evaluate import PRIMARY, scores  # noqa: E402


def metric(corpus: str, label: str) -> str:
    if corpus.startswith("constraint") and label == "hostile":
        return "weighted_f1"
    return "f1" if corpus.startswith("claimbuster") else "macro_f1"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--label", default="hostile", choices=LABELS)
    ap.add_argument("--script", default="deva", choices=("deva", "latn"))
    args = ap.parse_args()
    train, dev = load_corpora(Path(args.data))
    bp, bt = baseline(train, dev)
    from vaktacheck import Checker, Config
    from vaktacheck.model import load_default_classifier
    from vaktacheck.score import combine, head_reading, model_scores, rule_evidence
    clf = load_default_classifier(None)
    texts = [r.text for r in dev]
    mp, mt, head = model_scores(clf, texts)
    checker = Checker(Config(model=False))
    evidence = [rule_evidence(checker.check(t), **head_reading(clf, head, i)) for i, t in enumerate(texts)]
    j = LABELS.index(args.label)
    corpus = np.array([r.corpus for r in dev])
    y = np.array([-1 if r.labels[j] is None else r.labels[j] for r in dev])
    ours = np.array([script_of(t) for t in texts]) == args.script
    # the corpora this threshold decides for: most of their texts are in this script
    names = [c for c, labels in PRIMARY.items() if args.label in labels and ((corpus == c) & (y >= 0)).any()
             and ours[(corpus == c)].mean() > 0.5]
    rows = {c: (corpus == c) & (y >= 0) for c in names}
    base = {c: scores(y[k], bp[k, j], bt[k, j])[metric(c, args.label)] for c, k in rows.items()}
    print(f"{args.label}, {args.script}: shipped threshold {mt[ours][0, j]:.2f}; baseline at its own "
          + ", ".join(f"{c} {v:.3f}" for c, v in base.items()))
    print(f"{'t':>5} " + "".join(f"{c[:22]:>24}" for c in names) + "   worst margin (system)")
    best = None
    for t in np.round(np.arange(0.10, 0.91, 0.02), 2):
        thr = mt.copy()
        thr[ours, j] = t
        sys_p = np.array([combine(mp[i], evidence[i], thr[i])[j] for i in range(len(texts))])
        cells, margins = [], []
        for c, k in rows.items():
            s = scores(y[k], sys_p[k], thr[k, j])[metric(c, args.label)]
            m = scores(y[k], mp[k, j], thr[k, j])[metric(c, args.label)]
            cells.append(f"{s:.3f}/{m:.3f} ({s - base[c]:+.3f})")
            margins.append(s - base[c])
        print(f"{t:>5.2f} " + "".join(f"{cell:>24}" for cell in cells) + f"   {min(margins):+.3f}")
        if best is None or min(margins) > best[0]:
            best = (min(margins), t)
    print(f"cells: system/classifier (system minus baseline). Best worst margin {best[0]:+.3f} at {best[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
