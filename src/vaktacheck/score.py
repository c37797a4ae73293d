"""`vaktacheck score`: JSON Lines in, one JSON line out per input, in order.

Each input line is an object with a `text` field (other fields are ignored). Each output line has
`scores` (hostile, abusive, hate, defamation, checkworthy, each 0..1: rules and model combined),
`flagged` (labels at or above the shipped threshold) and `findings` (as in --format json).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

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
# A text that condemns or cites the law (counter-speech quoting hate), or whose hate-rule match a guard
# suppressed (negated: "they are not traitors"), keeps its model hate score this far below the
# threshold, unless a hate rule still fires: the model cannot tell quoting or denying from saying.
COUNTER_SPEECH_CAP = 0.5


@dataclass(frozen=True)
class RuleEvidence:
    """What the rules say about one text: (labels, severity value) per rule finding, and whether the
    text condemns or cites the law somewhere (the shared guards of rules catalogue 0.3)."""
    hits: tuple = ()
    counter_speech: bool = False


def _labels_for(rule_id: str) -> tuple[str, ...]:
    return next((labels for prefix, labels in RULE_LABELS if rule_id.startswith(prefix)), ())


@lru_cache(maxsize=1)
def _group_pattern():
    from .lexicons import load_sets
    from .matching import compile_terms
    sets = load_sets()
    merged: dict[str, list[str]] = {}
    for name in ("identity", "protected-group"):
        for flavour, terms in sets[name].items():
            merged.setdefault(flavour, []).extend(terms)
    return compile_terms(merged)


def rule_evidence(report) -> RuleEvidence:
    """A threat aimed at a group (a group named in its sentence) is hate as well as hostile."""
    from .guards import guard_applies
    from .matching import finditer
    doc = report.document
    hits = []
    for f in report.findings:
        if f.source_kind != "rule":
            continue
        labels = _labels_for(f.rule_id)
        if f.category == "threat":
            s = doc.sentence_at(f.start)
            if s is not None and any(True for _ in finditer(_group_pattern(), s.view)):
                labels = labels + ("hate",)
        hits.append((labels, f.severity.value))
    # counter-speech: the text condemns or cites the law, or a hate rule matched and was negated or condemned
    counter = (any("hate" in _labels_for(rid) for rid, _ in doc.guarded)
               or any(guard_applies(g, s.view, 0, 0) for s in doc.sentences for g in ("condemnation", "law-citation")))
    return RuleEvidence(tuple(hits), counter)


def combine(probs: np.ndarray | None, evidence: RuleEvidence, thresholds: np.ndarray) -> np.ndarray:
    """Model probabilities raised by rule evidence: a critical or high rule finding lifts its labels
    well above the threshold, a medium one just above it; low findings do not count."""
    s = np.zeros(len(LABELS), dtype=np.float64) if probs is None else probs.astype(np.float64).copy()
    hate = LABELS.index("hate")
    if evidence.counter_speech:
        s[hate] = min(s[hate], thresholds[hate] * COUNTER_SPEECH_CAP)
    for labels, severity in evidence.hits:
        if severity < 2:
            continue
        lift = 0.6 if severity >= 3 else 0.2
        for label in labels:
            j = LABELS.index(label)
            s[j] = max(s[j], thresholds[j] + (1 - thresholds[j]) * lift)
    return s


_WORKER = None


def _init_worker():
    global _WORKER
    from .checker import Checker
    from .config import load_config
    _WORKER = Checker(load_config().with_overrides(model=False))


def _rules_for(texts: list[str]) -> list[tuple[list, RuleEvidence]]:
    """In a worker: each text's findings (as JSON objects) and its rule evidence."""
    out = []
    for t in texts:
        report = _WORKER.check(t)
        out.append((report.to_dict()["findings"], rule_evidence(report)))
    return out


def model_scores(model, texts: list[str]):
    """Whole-text probabilities and per-text thresholds (None and 0.5 without a model)."""
    if model is None:
        return None, np.full((len(texts), len(LABELS)), DEFAULT_THRESHOLD)
    order = [model.labels.index(l) for l in LABELS]
    return model.predict(texts)[:, order], model.thresholds_for(texts)[:, order]


def assemble(rules: list[tuple[list, RuleEvidence]], probs, thr) -> list[dict]:
    out = []
    for i, (findings, evidence) in enumerate(rules):
        s = combine(None if probs is None else probs[i], evidence, thr[i])
        out.append({"scores": {l: round(float(v), 4) for l, v in zip(LABELS, s)},
                    "flagged": [l for l, v, t in zip(LABELS, s, thr[i]) if v >= t],
                    "findings": findings})
    return out


def cmd_score(argv) -> int:
    from .config import load_config
    p = argparse.ArgumentParser(prog="vaktacheck score", description=__doc__.split("\n")[0])
    p.add_argument("file", nargs="?", default="-", help="JSON Lines file, or '-' for standard input")
    p.add_argument("--no-model", action="store_true", help="rules only")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--batch", type=int, default=512)
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                   help="processes for the rules (default: 2, this project's laptop cores)")
    args = p.parse_args(argv)
    cfg = load_config().with_overrides(model=not args.no_model, min_severity=None)
    # Rules run in worker processes; the model scores whole texts in batches here, meanwhile.
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

    if args.jobs > 1:
        pool = ProcessPoolExecutor(max_workers=args.jobs, initializer=_init_worker)
    else:
        _init_worker()
        pool = None

    def flush():
        texts = [t for _, t, err in pending if err is None]
        futures = []
        if pool is not None and texts:
            k = max(1, -(-len(texts) // args.jobs))
            futures = [pool.submit(_rules_for, texts[i:i + k]) for i in range(0, len(texts), k)]
        probs, thr = model_scores(model, texts)  # overlaps with the workers' rules
        rules = [r for f in futures for r in f.result()] if pool is not None else _rules_for(texts)
        results = iter(assemble(rules, probs, thr))
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
    if pool is not None:
        pool.shutdown()
    if out is not sys.stdout:
        out.close()
    return status
