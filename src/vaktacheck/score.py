"""`vaktacheck score`: JSON Lines in, one JSON line out per input, in order.

Each input line is an object with a `text` field (other fields are ignored). Each output line has
`scores` (hostile, abusive, hate, defamation, checkworthy, each 0..1: rules and model combined),
`flagged` (labels at or above the shipped threshold) and `findings` (as in --format json).
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from .model.corpora import LABELS

# Which labels a rule finding supports, by rule id prefix (most specific first).
RULE_LABELS = (
    ("VC1", ("hostile", "hate")), ("VC2", ("hostile", "hate")), ("VC3", ("hostile",)),
    ("VC401", ("hostile", "abusive")), ("VC402", ("hostile", "abusive")), ("VC403", ("hostile", "abusive")),
    ("VC404", ("hostile", "abusive")), ("VC501", ("hostile", "defamation")), ("VC502", ("defamation",)),
    ("VC701", ("checkworthy",)), ("VC702", ("checkworthy",)), ("VC703", ("checkworthy",)),
    ("VC704", ("checkworthy",)), ("VC705", ("checkworthy",)),
)
DEFAULT_THRESHOLD = 0.5


def _labels_for(rule_id: str) -> tuple[str, ...]:
    return next((labels for prefix, labels in RULE_LABELS if rule_id.startswith(prefix)), ())


def combine(probs: np.ndarray | None, findings, thresholds: np.ndarray) -> np.ndarray:
    """Model probabilities raised by rule evidence: a critical or high rule finding lifts its labels
    well above the threshold, a medium one just above it; low findings do not count."""
    s = np.zeros(len(LABELS), dtype=np.float64) if probs is None else probs.astype(np.float64).copy()
    for f in findings:
        if f.source_kind != "rule" or f.severity.value < 2:
            continue
        lift = 0.6 if f.severity.value >= 3 else 0.2
        for label in _labels_for(f.rule_id):
            j = LABELS.index(label)
            s[j] = max(s[j], thresholds[j] + (1 - thresholds[j]) * lift)
    return s


def score_texts(checker, model, texts: list[str]) -> list[dict]:
    """Rules from `checker` (run without its own classifier), whole-text scores from `model` (or None)."""
    thr = np.full((len(texts), len(LABELS)), DEFAULT_THRESHOLD)
    probs = None
    if model is not None:
        order = [model.labels.index(l) for l in LABELS]
        thr = model.thresholds_for(texts)[:, order]
        probs = model.predict(texts)[:, order]
    out = []
    for i, t in enumerate(texts):
        report = checker.check(t)
        findings = [f for f in report.findings if f.source_kind == "rule"]
        thresholds = thr[i]
        s = combine(None if probs is None else probs[i], findings, thresholds)
        out.append({
            "scores": {l: round(float(v), 4) for l, v in zip(LABELS, s)},
            "flagged": [l for l, v, t in zip(LABELS, s, thresholds) if v >= t],
            "findings": report.to_dict()["findings"],
        })
    return out


def cmd_score(argv) -> int:
    from .checker import Checker
    from .config import Config, load_config
    p = argparse.ArgumentParser(prog="vaktacheck score", description=__doc__.split("\n")[0])
    p.add_argument("file", nargs="?", default="-", help="JSON Lines file, or '-' for standard input")
    p.add_argument("--no-model", action="store_true", help="rules only")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--batch", type=int, default=256)
    args = p.parse_args(argv)
    cfg = load_config().with_overrides(model=not args.no_model, min_severity=None)
    # Rules run without the classifier's sentence findings: the model scores whole texts in batches.
    checker = Checker(cfg.with_overrides(model=False))
    model = None
    if not args.no_model:
        from .model import ModelError, load_default_classifier
        try:
            model = load_default_classifier(cfg.model_dir)
        except ModelError as e:
            print(f"vaktacheck: {e}", file=sys.stderr)
            return 2
    src = sys.stdin if args.file == "-" else None
    try:
        fh = src or open(args.file, encoding="utf-8")
    except OSError as e:
        print(f"vaktacheck: {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    status = 0
    pending: list[tuple[int, str | None, str | None]] = []

    def flush():
        texts = [t for _, t, err in pending if err is None]
        results = iter(score_texts(checker, model, texts)) if texts else iter(())
        for n, t, err in pending:
            obj = {"line": n, "error": err} if err else next(results)
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        pending.clear()

    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"] if isinstance(obj, dict) else None
            if not isinstance(text, str):
                raise KeyError
            pending.append((n, text, None))
        except (ValueError, KeyError):
            pending.append((n, None, f"line {n}: not a JSON object with a string 'text' field"))
            status = 2
        if len(pending) >= args.batch:
            flush()
    flush()
    if out is not sys.stdout:
        out.close()
    return status
