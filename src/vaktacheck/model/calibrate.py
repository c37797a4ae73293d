"""Blend weights and decision thresholds, chosen on dev data and stored with the model.

Thresholds are per label and per script (Devanagari or Latin): the Hindi corpora and the
romanized/English ones have very different base rates (TRAC Hinglish is 81% aggressive,
CONSTRAINT 46% hostile), so one pooled threshold fits neither. A script group with too few
labelled dev examples falls back to the pooled threshold.
"""
from __future__ import annotations

import numpy as np
import regex

from .corpora import LABELS

_DEVA = regex.compile(r"\p{Devanagari}")
_LATN = regex.compile(r"\p{Latin}")
SCRIPTS = ("deva", "latn")
GRID = np.round(np.linspace(0.05, 0.95, 91), 2)
MIN_EXAMPLES = 50


def script_of(text: str) -> str:
    return "deva" if len(_DEVA.findall(text)) >= len(_LATN.findall(text)) and _DEVA.search(text) else "latn"


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def f1_at(y, p, t) -> float:
    pred = p >= t
    tp = np.sum(pred & (y == 1))
    fp = np.sum(pred & (y == 0))
    fn = np.sum(~pred & (y == 1))
    return 2 * tp / max(1, 2 * tp + fp + fn)


def macro_f1_at(y, p, t) -> float:
    return (f1_at(y, p, t) + f1_at(1 - y, 1 - p, 1 - t + 1e-12)) / 2


def best_threshold(y, p, groups=None) -> float:
    """The grid threshold with the best macro-F1 (both classes), averaged over corpora when `groups`
    names each example's corpus: pooled, the largest corpus (MACD, 6,728 dev posts) would decide for all."""
    groups = np.zeros(len(y), dtype=int) if groups is None else np.asarray(groups)
    parts = [(y[groups == g], p[groups == g]) for g in np.unique(groups)]
    # a corpus counts when it has both classes in some number (a few stray posts would swing it)
    parts = [(yg, pg) for yg, pg in parts if 10 <= yg.sum() <= len(yg) - 10] or \
        [(yg, pg) for yg, pg in parts if 0 < yg.sum() < len(yg)]
    if not parts:
        return 0.5
    return float(GRID[int(np.argmax([np.mean([macro_f1_at(yg, pg, t) for yg, pg in parts]) for t in GRID]))])


def choose_blend(dev_ng, dev_tf, Y) -> list[float]:
    """Per label, the transformer weight (0, .25, .5, .75, 1) with the best dev average precision."""
    from sklearn.metrics import average_precision_score
    blend = []
    for j in range(len(LABELS)):
        known = Y[:, j] >= 0
        scores = [(average_precision_score(Y[known, j], sigmoid(w * dev_tf[known, j] + (1 - w) * dev_ng[known, j])), -w)
                  for w in (0.0, 0.25, 0.5, 0.75, 1.0)]
        blend.append(-max(scores)[1])
    return blend


def choose_thresholds(probs, Y, scripts, corpora) -> dict:
    """{"all": {label: t}, "deva": {...}, "latn": {...}} maximising mean per-corpus F1 on dev data."""
    scripts, corpora = np.asarray(scripts), np.asarray(corpora)
    table = {"all": {}}
    for j, label in enumerate(LABELS):
        known = Y[:, j] >= 0
        table["all"][label] = best_threshold(Y[known, j], probs[known, j], corpora[known])
        for s in SCRIPTS:
            k = known & (scripts == s)
            ys = Y[k, j]
            if k.sum() >= MIN_EXAMPLES and 0 < ys.sum() < k.sum():
                table.setdefault(s, {})[label] = best_threshold(ys, probs[k, j], corpora[k])
            else:
                table.setdefault(s, {})[label] = table["all"][label]
    return table


def threshold_matrix(table: dict, texts) -> np.ndarray:
    """One row of per-label thresholds for each text, by its script."""
    rows = {s: np.array([table.get(s, table["all"])[l] for l in LABELS], dtype=np.float32) for s in ("all",) + SCRIPTS}
    return np.array([rows[script_of(t)] for t in texts], dtype=np.float32).reshape(len(texts), len(LABELS))
