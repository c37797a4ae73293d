"""Dev metrics per corpus, label and language: F1, macro-F1, weighted-F1, average precision."""
from __future__ import annotations

import numpy as np

from .corpora import LABELS

# The label each corpus is judged on (its own task), as in the held-out evaluation.
PRIMARY = {
    "constraint2021_hindi": ["hostile", "hate", "abusive", "defamation"],
    "hasoc2019_hindi": ["hostile"], "hasoc2020_hindi": ["hostile"], "macd_hindi": ["abusive"],
    "trac1_hindi_codemixed": ["hostile"], "trac1_english": ["hostile"],
    "political_aggression_indian_politicians": ["hostile"], "olid_offenseval2019": ["abusive"],
    "hatexplain_sold_resplit": ["hostile", "hate"], "claimbuster_two_class": ["checkworthy"],
    "clef2019_checkworthiness": ["checkworthy"], "clef2020_task1_tweets": ["checkworthy"],
}


def scores(y: np.ndarray, p: np.ndarray, t) -> dict:
    """t: one threshold, or one per example."""
    from sklearn.metrics import average_precision_score, f1_score
    pred = (p >= t).astype(int)
    out = {"n": int(len(y)), "positives": int(y.sum()),
           "f1": float(f1_score(y, pred, zero_division=0)),
           "macro_f1": float(f1_score(y, pred, average="macro", zero_division=0)),
           "weighted_f1": float(f1_score(y, pred, average="weighted", zero_division=0))}
    out["ap"] = float(average_precision_score(y, p)) if 0 < y.sum() < len(y) else None
    return out


def report_metrics(records, probs: np.ndarray, thresholds: np.ndarray, extra: dict | None = None,
                   printer=print) -> dict:
    """thresholds: shape (n_records, n_labels), e.g. calibrate.threshold_matrix."""
    result = {}
    for corpus, labels in PRIMARY.items():
        idx = [i for i, r in enumerate(records) if r.corpus == corpus]
        if not idx:
            continue
        for name in labels:
            j = LABELS.index(name)
            y = np.array([records[i].labels[j] for i in idx], dtype=object)
            known = np.array([v is not None for v in y])
            if not known.any():
                continue
            yi = y[known].astype(int)
            rows = np.array(idx)[known]
            key = f"{corpus}/{name}"
            result[key] = {"system": scores(yi, probs[rows, j], thresholds[rows, j])}
            for ename, ep in (extra or {}).items():
                result[key][ename] = scores(yi, ep[rows, j], thresholds[rows, j])
            s = result[key]["system"]
            printer(f"{key:<52} n={s['n']:>5} F1={s['f1']:.3f} macroF1={s['macro_f1']:.3f} "
                    f"weightedF1={s['weighted_f1']:.3f} AP={(s['ap'] or 0):.3f}")
    return result
