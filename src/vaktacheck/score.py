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

import numpy as np
import regex

from . import term_cache
from .hate_caps import (affirms_people, aims_at_no_group, answered_no, denies_a_group_slur, group_in_text, head_may_clear_text,
                        may_affirm_people, may_name_a_group, may_praise, names_a_group, pairs_groups, praises_a_group,
                        reports_the_past, speaks_of_society_only)
from .model import group_hate
from .model.corpora import LABELS

# Which labels a rule finding supports, by rule id prefix (most specific first).
RULE_LABELS = (
    # VC304's target is a group by definition (named, or a pronoun standing for one named just before)
    ("VC1", ("hostile", "hate")), ("VC2", ("hostile", "hate")), ("VC304", ("hostile", "hate")), ("VC3", ("hostile",)),
    ("VC401", ("hostile", "abusive")), ("VC402", ("hostile", "abusive")), ("VC403", ("hostile", "abusive")),
    ("VC404", ("hostile", "abusive")), ("VC501", ("hostile", "defamation")), ("VC502", ("defamation",)),
    ("VC701", ("checkworthy",)), ("VC702", ("checkworthy",)), ("VC703", ("checkworthy",)),
    ("VC704", ("checkworthy",)), ("VC705", ("checkworthy",)),
)
DEFAULT_THRESHOLD = 0.5
# A text that condemns or cites the law (counter-speech quoting hate), whose hate-rule match a guard
# suppressed (negated: "they are not traitors"), or that denies a demeaning word of a named group,
# keeps its model hate score this far below the threshold, unless a hate rule still fires: the model
# cannot tell quoting or denying from saying.
COUNTER_SPEECH_CAP = 0.5
# Under this the group-hate head reads a text as no group hate at all: a hate rule's match inside quotation
# marks the speaker does not own is then taken as quoted, not said, with no verb of saying around it ("koi
# chilla raha tha 'X'", "'X' wale memes forward karna band karo", "'X' - yah nafrat hai"). Where the head is
# unsure or says hate, a quotation still needs its frame ("'X' - ab yahi karna padega" is said).
HEAD_QUIET = 0.2
# Labels that a medium rule finding lifts only where there is no model. A medium claim finding (a number with
# no source, a superlative) tells the model nothing it did not see: on dev, the texts such a finding lifted from
# under the model's threshold were check-worthy 2 times in 32 (ClaimBuster, CLEF 2019 and 2020), at or below
# each corpus's base rate (docs/benchmarks.md, section 1, "Session 19"). High and critical findings still lift.
MODEL_KNOWS_MEDIUM = ("checkworthy",)


@dataclass(frozen=True)
class RuleEvidence:
    """What the rules say about one text: (labels, severity value) per rule finding; whether it is
    counter-speech (it condemns or cites the law, a guard suppressed a hate rule's match, or it affirms
    a group); whether it aims only at targets that are not a protected group (trades, officials,
    the addressee, people named by what they do, things; or society, "समाज का"), naming none; whether it reports the past (a year, and a clause in the past
    perfect: "1984 में हज़ारों सिख मारे गए थे"); whether it names two groups side by side with nothing
    demeaning ("punjabi aur tamil dono tarah ka khana"); whether the group-hate head's reading counts
    (it scored the text at or above its threshold, and a group is named in a text that is not English); and
    whether the head clears a romanized or short Hindi text that names a group (group_hate.CLEAR)."""
    hits: tuple = ()
    counter_speech: bool = False
    unprotected_target: bool = False
    past_report: bool = False
    groups_paired: bool = False
    group_hate: bool = False
    head_clears: bool = False  # the head clears a romanized or short Hindi text naming a group (group_hate.CLEAR)

    @property
    def caps_hate(self) -> bool:
        """Whether the classifier's hate score is kept below its threshold (unless a hate rule fires)."""
        return (self.counter_speech or self.unprotected_target or self.past_report or self.groups_paired
                or self.head_clears)


def _labels_for(rule_id: str) -> tuple[str, ...]:
    return next((labels for prefix, labels in RULE_LABELS if rule_id.startswith(prefix)), ())


_SLUR_RULES = ("VC205", "VC208")  # caste and group slurs: some ("छक्के") are found only in context, by the rule


def rule_evidence(report, head_says_hate: bool = False, head_quiet: bool = False, head_clear: bool = False,
                  hate_at_stake: bool = True) -> RuleEvidence:
    """A threat aimed at a group (a group named in its sentence) is hate as well as hostile. A finding
    inside a quotation that its sentence presents as someone's words is a mention: it lends no label,
    and a text whose hate findings are all mentions is counter-speech. `head_says_hate`: the group-hate
    head scored the text at or above its threshold (the group test is run only then); `head_quiet`: it
    scored the text under HEAD_QUIET, so a quoted hate finding needs no verb of saying to be a mention;
    `head_clear`: under group_hate.CLEAR, so in a romanized or short Hindi text naming a group the classifier's
    hate is capped. `hate_at_stake` False (hate_at_stake()): no cap could change the text's hate score, so the
    tests that only cap it are not run and read False (most texts)."""
    from .guards import guard_applies, quoted_mention, speaks_against_doers, speaks_of_callers
    doc = report.document
    # an insult aimed at a trade, an official, the addressee or people named by what they do, where no group is
    # named or slurred ("अपराधी लोग समाज का कचरा हैं"): a hate rule matched the generaliser, not a group
    things = doc.may_match("@thing-target") and any(s.lang in ("hi", "hi-Latn") for s in doc.sentences)
    no_group = (((doc.may_match("@unprotected-target") or things) and aims_at_no_group(doc.view, things))
                or (doc.may_match("@identity-words") and speaks_of_society_only(doc.view)
                    and not any(f.rule_id in _SLUR_RULES for f in report.findings)))   # "ये छक्के समाज पर कलंक हैं"
    hits = []
    mentions = 0
    for f in report.findings:
        if f.source_kind != "rule":
            continue
        labels = _labels_for(f.rule_id)
        if "hate" in labels:
            s = doc.sentence_at(f.start)
            if s is not None and answered_no(doc, s):   # "kya saare X gaddar hain? bilkul nahi"
                mentions += 1
                continue
        unframed = head_quiet and "hate" in labels
        if "reported-speech" in f.guards or unframed:
            s = doc.sentence_at(f.start)
            if s is not None and quoted_mention(s.view, doc.to_view(f.start) - s.vstart, doc.to_view(f.end) - s.vstart,
                                                framed=not unframed):
                mentions += "hate" in labels
                continue
        if no_group:
            labels = tuple(label for label in labels if label != "hate")
        elif f.category == "threat" and "hate" not in labels:
            s = doc.sentence_at(f.start)
            if s is not None and names_a_group(s.view):
                labels = labels + ("hate",)
        hits.append((labels, f.severity.value))
    if not hate_at_stake:
        return RuleEvidence(tuple(hits), unprotected_target=no_group)
    # counter-speech: the text condemns or cites the law, speaks against those who harm a group, or a hate rule
    # matched and was negated or condemned (the gate skips the scans of guards that match nowhere in the text)
    counter = ((mentions and not any("hate" in labels for labels, _ in hits))
               or any("hate" in _labels_for(rid) for rid, _ in doc.guarded)
               or any(guard_applies(g, s.view, 0, 0) for g in ("condemnation", "law-citation")
                      if doc.may_match("@guard-" + g) or g == "condemnation" and speaks_of_callers(doc.view)
                      for s in doc.sentences)
               or speaks_against_doers(doc.view)
               or (doc.may_match("@guard-negation") and may_name_a_group(doc)
                   and any(denies_a_group_slur(s.view) for s in doc.sentences))
               or (may_affirm_people(doc) and any(affirms_people(s.view) for s in doc.sentences))
               or (may_praise(doc) and praises_a_group(doc.view)))
    return RuleEvidence(tuple(hits), counter, no_group,
                        any(reports_the_past(s.view) for s in doc.sentences),
                        pairs_groups(doc.view), head_says_hate and group_in_text(doc),
                        head_clear and head_may_clear_text(doc))


def combine(probs: np.ndarray | None, evidence: RuleEvidence, thresholds: np.ndarray) -> np.ndarray:
    """Model probabilities raised by rule evidence: a critical or high rule finding lifts its labels
    well above the threshold, a medium one just above it (but not MODEL_KNOWS_MEDIUM's labels where
    there is a model); low findings do not count."""
    s = np.zeros(len(LABELS), dtype=np.float64) if probs is None else probs.astype(np.float64).copy()
    hate = LABELS.index("hate")
    if evidence.caps_hate:
        s[hate] = min(s[hate], thresholds[hate] * COUNTER_SPEECH_CAP)
    elif evidence.group_hate:  # as much as a medium rule finding: just above the threshold
        s[hate] = max(s[hate], thresholds[hate] + (1 - thresholds[hate]) * 0.2)
    for labels, severity in evidence.hits:
        if severity < 2:
            continue
        lift = 0.6 if severity >= 3 else 0.2
        for label in labels:
            if severity < 3 and probs is not None and label in MODEL_KNOWS_MEDIUM:
                continue
            j = LABELS.index(label)
            s[j] = max(s[j], thresholds[j] + (1 - thresholds[j]) * lift)
    return s


class _Scorer:
    """Scores chunks of texts: the rules, and the model when there is one. One per worker process."""

    def __init__(self, use_model: bool, model_dir, threads: int):
        from .checker import Checker
        from .config import load_config
        self.checker = Checker(load_config().with_overrides(model=False))
        self.model = None
        if use_model:
            from .model import load_default_classifier
            self.model = load_default_classifier(model_dir, threads=threads)

    def score(self, texts: list[str]) -> list[str]:
        """One output JSON line per text (serialised here, in the worker, where the cores are)."""
        probs, thr, head = model_scores(self.model, texts)
        rules = []
        for i, t in enumerate(texts):
            report = self.checker.check(t)
            reading = head_reading(self.model, head, i)
            at_stake = hate_at_stake(None if probs is None else probs[i], thr[i], reading)
            rules.append((report.findings_dicts(), rule_evidence(report, hate_at_stake=at_stake, **reading)))
        term_cache.save()  # what the checks built (RE2 copies, spelling vocabularies) serves the next run; a no-op after
        return [json.dumps(obj, ensure_ascii=False) for obj in assemble(rules, probs, thr)]


_WORKER: _Scorer | None = None
_WORKER_ERROR: Exception | None = None


def _init_worker(use_model: bool, model_dir) -> None:
    global _WORKER, _WORKER_ERROR
    from .model import ModelError
    try:
        # one inference thread per process: the processes already take one core each
        _WORKER = _Scorer(use_model, model_dir, threads=1)
    except ModelError as e:
        _WORKER_ERROR = e


def _score_in_worker(texts: list[str]) -> list[str]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return _WORKER.score(texts)


def model_scores(model, texts: list[str]):
    """Whole-text probabilities, per-text thresholds, and the group-hate head's probability per text
    (None, 0.5 and None without a model; None for a model without the head)."""
    if model is None:
        return None, np.full((len(texts), len(LABELS)), DEFAULT_THRESHOLD), None
    order = [model.labels.index(l) for l in LABELS]
    probs, head = model.scores(texts)
    return probs[:, order], model.thresholds_for(texts)[:, order], head


def hate_at_stake(probs, thresholds, reading: dict) -> bool:
    """Whether the caps on the classifier's hate (RuleEvidence.caps_hate) can change a text's hate score: its
    model hate is above the cap, or the group-hate head says hate (a cap then stops the head's lift). Without
    a model there is nothing to cap."""
    hate = LABELS.index("hate")
    return (probs is not None and probs[hate] > thresholds[hate] * COUNTER_SPEECH_CAP) or reading.get("head_says_hate", False)


def head_reading(model, head, i: int) -> dict:
    """What the group-hate head says of text i, as rule_evidence's keywords (nothing without a head)."""
    if head is None:
        return {}
    return {"head_says_hate": bool(head[i] >= model.group_hate_threshold), "head_quiet": bool(head[i] < HEAD_QUIET),
            "head_clear": bool(head[i] < group_hate.CLEAR)}


def assemble(rules: list[tuple[list, RuleEvidence]], probs, thr) -> list[dict]:
    out = []
    for i, (findings, evidence) in enumerate(rules):
        s = combine(None if probs is None else probs[i], evidence, thr[i])
        out.append({"scores": {l: round(float(v), 4) for l, v in zip(LABELS, s)},
                    "flagged": [l for l, v, t in zip(LABELS, s, thr[i]) if v >= t],
                    "findings": findings})
    return out


_LONE_SURROGATE = regex.compile("[\ud800-\udfff]")


def _read_lines(fh):
    """(line number, text or None, error or None) for each non-blank input line."""
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"] if isinstance(obj, dict) else None
            if not isinstance(text, str):
                raise KeyError
        except (ValueError, KeyError):
            yield n, None, f"line {n}: not a JSON object with a string 'text' field"
            continue
        lone = _LONE_SURROGATE.search(text)
        if lone:  # JSON can escape half a character ("\ud800"); no output could hold it
            yield n, None, f"line {n}: 'text' holds half of a character (\\u{ord(lone.group()):04x}), not Unicode text"
        else:
            yield n, text, None


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def cmd_score(argv) -> int:
    from collections import deque
    from .config import load_config
    from .model import ModelError
    p = argparse.ArgumentParser(prog="vaktacheck score", description=__doc__.split("\n")[0])
    p.add_argument("file", nargs="?", default="-", help="JSON Lines file, or '-' for standard input")
    p.add_argument("--no-model", action="store_true", help="rules only")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--batch", type=int, default=256, help="texts per chunk handed to a worker")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                   help="worker processes, each scoring whole chunks with rules and model (default: 2)")
    args = p.parse_args(argv)
    cfg = load_config().with_overrides(model=not args.no_model, min_severity=None)
    src = sys.stdin if args.file == "-" else None
    try:
        fh = src or open(args.file, encoding="utf-8")
    except OSError as e:
        print(f"vaktacheck: {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    status = 0
    if args.jobs > 1:
        # imported once here, before the workers fork, so that each worker does not import them again
        from . import checker  # noqa: F401
        if cfg.model:
            import onnxruntime  # noqa: F401
            import tokenizers  # noqa: F401
    # Chunks go to the workers as they are read (a few in flight per worker) and come back in order,
    # so reading, scoring and writing overlap and no core waits for a whole batch to finish.
    pool = ProcessPoolExecutor(max_workers=args.jobs, initializer=_init_worker,
                               initargs=(cfg.model, cfg.model_dir)) if args.jobs > 1 else None
    try:
        local = None if pool else _Scorer(cfg.model, cfg.model_dir, threads=2)
        in_flight: deque = deque()

        def write(chunk, results):
            nonlocal status
            results = iter(results)
            for n, _, err in chunk:
                if err:
                    status = 2
                out.write((json.dumps({"line": n, "error": err}) if err else next(results)) + "\n")

        for chunk in _chunks(_read_lines(fh), args.batch):
            texts = [t for _, t, err in chunk if err is None]
            if pool is None:
                write(chunk, local.score(texts))
                continue
            in_flight.append((chunk, pool.submit(_score_in_worker, texts)))
            while len(in_flight) > 3 * args.jobs:
                done_chunk, fut = in_flight.popleft()
                write(done_chunk, fut.result())
        while in_flight:
            done_chunk, fut = in_flight.popleft()
            write(done_chunk, fut.result())
    except ModelError as e:
        print(f"vaktacheck: {e}", file=sys.stderr)
        return 2
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if out is not sys.stdout:
            out.close()
    return status
