"""The Checker: rules (and, when enabled, the classifier) over a Document, into a Report."""
from __future__ import annotations

import threading
from pathlib import Path

import regex

from .analysers import ANALYSERS, GATED_SETS, LATE, Hit, shared_set
from .config import Config
from .context import Context
from .document import Document
from .findings import Finding, Message, Severity
from .guards import CLAUSE_BREAK, GUARD_NAMES, guard_applies, guard_pattern, in_quotation, quotations
from .hate_caps import caps_sentence_hate, group_in_reach
from .lexicons import allowed_names
from .matching import REGEX_TIMEOUT, finditer
from .meta import META, meta_finding
from .report import Report
from .rules import Rule, RuleError, builtin_pack_dir, load_pack
from .surnames import names_a_person
from . import suppress as suppression
from . import term_cache
from .triggers import Triggers


class _Missing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


# Building the gate costs as much as checking a few thousand characters without it (about 0.3 s on
# this project's machine, RE2 copies included), so it is built only once a checker has read this many:
# the one-draft run starts faster, and `score` and `batch` gain from the gate from then on.
GATE_AFTER = 5000


def _selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    if select and not any(rule_id.startswith(p) for p in select):
        return False
    return not any(rule_id.startswith(p) for p in ignore)


class Checker:
    """Load rule packs once, then check many texts. Safe to share between threads:
    `check` keeps all its state in local variables."""

    def __init__(self, config: Config | None = None, **overrides):
        self.config = (config or Config()).with_overrides(**overrides)
        rules, errors = load_pack(builtin_pack_dir(), self.config.profanity_sureness)
        if errors:  # a broken built-in pack is a bug in vaktacheck itself
            raise RuleError("; ".join(str(e) for e in errors))
        self.pack_errors: list[RuleError] = []
        for folder in self.config.packs:
            if not Path(folder).is_dir():
                self.pack_errors.append(RuleError(f"{folder}: rule pack folder not found"))
                continue
            extra, errs = load_pack(Path(folder), self.config.profanity_sureness)
            self.pack_errors.extend(errs)
            ids = {r.id for r in rules}
            for r in extra:
                if r.id in ids:
                    self.pack_errors.append(RuleError(f"{r.path}:1: field 'id': {r.id} is already a built-in rule"))
                else:
                    rules.append(r)
        self.all_rules = sorted(rules, key=lambda r: r.id)
        self.rules = [r for r in self.all_rules if _selected(r.id, self.config.select, self.config.ignore)]
        self._known_ids = {r.id for r in self.all_rules} | set(META)
        # analysers that read other rules' findings run last
        self._run_order = [r for r in self.rules if r.analyser not in LATE] + [r for r in self.rules if r.analyser in LATE]
        self._triggers: Triggers | None = None  # built once enough text has come (`triggers`)
        self._read = 0  # characters checked without it
        self._building = threading.Lock()
        term_cache.save()  # the next process starts without rebuilding the term patterns
        self._model = None
        self._model_error: str | None = None

    # -- the classifier plugs in as one more detector -----------------------------------
    @property
    def model(self):
        if self._model is None and self._model_error is None and self.config.model:
            from .model import load_default_classifier, ModelError
            try:
                self._model = load_default_classifier(self.config.model_dir)
            except ModelError as e:
                self._model_error = str(e)
        return self._model

    @property
    def triggers(self) -> Triggers:
        """The gate that skips rules which cannot match (triggers.py), built on first use."""
        with self._building:
            if self._triggers is None:
                self._triggers = Triggers(self._run_order, {**{n: shared_set(n) for n in GATED_SETS},
                                                            **{f"guard-{g}": guard_pattern(g) for g in GUARD_NAMES}})
                term_cache.save()
        return self._triggers

    @property
    def model_error(self) -> str | None:
        return self._model_error

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id.upper()), None)

    # -- checking -------------------------------------------------------------------------
    def check(self, text: str, path: str = "<string>", context: Context | dict | None = None,
              ai_drafted: bool | None = None) -> Report:
        ctx = context if isinstance(context, Context) else (
            self.config.context if context is None else Context.from_mapping(context))
        if ai_drafted is not None:
            ctx = ctx.merged(ai_drafted=ai_drafted)
        notices: list[Finding] = []
        from .legacy import convert_if_legacy
        converted = convert_if_legacy(text)
        doc = Document(converted.text if converted else text, path)
        if converted:
            notices.append(meta_finding("VC005", 0, 0, text, converted.font))
        findings = self._run_rules(doc, ctx)
        if self.config.model and self.model is not None:
            try:
                model_findings = self.model.findings(doc, no_hate=lambda s, head: caps_sentence_hate(doc, s, head),
                                                     group_near=lambda s: group_in_reach(doc, s))
                findings = merge_model_findings(doc, findings, guard_model_findings(doc, model_findings))
            except Exception as e:  # a broken model must never cost the user the rule findings
                self._model_error = f"classifier failed ({type(e).__name__}: {e})"
                self._model = None
        findings = self._apply_suppressions(doc, findings)
        if converted:
            findings = [converted.map_back(f, text) for f in findings]
        findings = notices + findings
        findings = [f for f in findings if _selected(f.rule_id, self.config.select, self.config.ignore)
                    and (f.category == "meta" or f.severity >= self.config.min_severity)]
        findings.sort(key=lambda f: (f.start, -f.severity, f.rule_id))
        return Report(text=text, path=path, findings=findings, document=doc,
                      model_used=self.config.model and self._model is not None,
                      model_error=self._model_error if self.config.model else None)

    def _run_rules(self, doc: Document, ctx: Context) -> list[Finding]:
        findings: list[Finding] = []
        timed_out: list[str] = []
        if self._triggers is None and self._read < GATE_AFTER:
            self._read += len(doc.view)  # all rules run: without the gate, the cost of building it is saved
        else:
            doc.gate = self.triggers.gate(doc.view)
        for rule in self._run_order:
            if rule.kind != "analyser" and not doc.may_match(rule.id):
                continue  # one of its term sets matches nowhere in the text
            try:
                if rule.kind == "analyser":
                    hits = ANALYSERS[rule.analyser](doc, rule, ctx, findings)
                else:
                    hits = self._data_hits(doc, rule)
                if hits:  # most rules match nothing in most sentences
                    findings.extend(self._to_findings(doc, rule, ctx, hits))
            except TimeoutError:  # every pattern runs under a time limit (matching.REGEX_TIMEOUT)
                timed_out.append(rule.id)
        findings += [meta_finding("VC006", 0, 0, doc.text, rid) for rid in timed_out]
        return findings

    def _data_hits(self, doc: Document, rule: Rule) -> list[Hit]:
        if len(doc.sentences) > 1:
            # one scan of the whole text first: most rules match nowhere in most drafts
            pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())[:1]
            if not any(p.search(doc.view, timeout=REGEX_TIMEOUT) for p in pats):
                return []
        hits = []
        if rule.kind in ("terms", "pattern"):
            names = allowed_names()
            for s in doc.sentences:
                matches = (m for m in finditer(rule.pattern, s.view) if m.group().strip() not in names)
                m = next(matches, None)
                if m is not None and in_quotation(s.view, m.start(), m.end()):
                    # one finding a sentence: the words used outside quotation marks before those quoted
                    m = next((x for x in matches if not in_quotation(s.view, x.start(), x.end())), m)
                if m:
                    hits.append(Hit(s, m.start(), m.end()))
            return hits
        for s in doc.sentences:
            span = _cooccur(s.view, rule)
            if span is None and rule.pronoun is not None:
                span = _cooccur_by_reference(doc, s, rule)
            if span is None and "topic" in rule.match:
                span = _cooccur_by_topic(s.view, rule)
            if span is None and "topic" in rule.match and s.index > 0:
                span = _cooccur_after_question(doc.sentences[s.index - 1].view, s.view, rule)
            if span:
                hits.append(Hit(s, *span))
        return hits

    def _to_findings(self, doc: Document, rule: Rule, ctx: Context, hits: list[Hit]) -> list[Finding]:
        out = []
        seen = set()
        for h in hits:
            s = h.sentence
            if (s.index, rule.id) in seen and rule.kind != "analyser":
                continue
            if rule.when and not all(getattr(ctx, k, None) == v for k, v in rule.when.items()):
                continue
            if rule.unless is not None and any(True for _ in finditer(rule.unless, s.view)):
                continue
            lowered = []
            suppressed = False
            nxt = doc.sentences[s.index + 1].view if s.index + 1 < len(doc.sentences) else ""
            for g, action in rule.guards.items():
                # a condemnation often follows in the next sentence ("X called them traitors. That is shameful.")
                if guard_applies(g, s.view, h.vstart, h.vend) or (g == "condemnation" and nxt
                                                                   and guard_applies(g, nxt, 0, 0)):
                    if action == "suppress":
                        suppressed = True
                        break
                    lowered.append(g)
            if suppressed:
                doc.guarded.append((rule.id, g))  # `score` reads these: the rules saw and discounted a risky line
                continue
            sev = rule.severity
            if rule.mcc and ctx.mcc_in_force:
                sev = sev.raised()
            sev = Severity(max(Severity.low, min(Severity.critical, sev + h.severity_delta)))
            if lowered:
                sev = sev.lowered()
            start, end = doc.to_original(s.vstart + h.vstart, s.vstart + h.vend)
            match = doc.text[start:end]
            params = _Missing(match=match, **h.params)
            out.append(Finding(
                rule_id=rule.id, category=rule.category, severity=sev, start=start, end=end, match=match,
                message=Message(rule.message.en.format_map(params), rule.message.hi.format_map(params)),
                explanation=rule.explanation, suggestion=rule.suggestion, sources=rule.sources,
                name=rule.name, guards=tuple(lowered), context=h.context))
            seen.add((s.index, rule.id))
        return out

    def _apply_suppressions(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        if not doc.directives:
            return findings
        sups, problems = suppression.parse(doc.text, self._known_ids)
        kept = []
        for f in findings:
            hit = next((s for s in sups if s.covers(f.rule_id, f.start)), None)
            if hit:
                hit.used = True
            else:
                kept.append(f)
        for s in sups:
            if not s.used:
                kept.append(meta_finding("VC001", *s.directive, doc.text, "nothing it names fires in its range"))
        for p in problems:
            kept.append(meta_finding(p.rule_id, p.start, p.end, doc.text, p.detail))
        return kept


_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# What may stand before a pronoun that opens a sentence or a clause: spaces and quotes, after anything up
# to a comma, semicolon, colon, danda, spaced dash (the view has folded typographic quotes and dashes) or
# the conjunction कि ("X इतने ... हैं कि इन्हें ..."), and a speaker's aside that opens it ("honestly they are ...",
# "sach kahun to ye log ...").
_CLAUSE_OPENS = regex.compile(r"""(?:.*(?:[,;:।]|\s-+\s|\sकि(?=\s)))?[\s"']*"""
                              r"(?:(?:honestly|frankly|seriously|basically|sach mein|sach kahun to|sach kahoon to|सच में|"
                              r"सच कहूँ तो|सच कहूं तो)\s*,?\s*)?", regex.DOTALL)
_GAP = regex.compile(r"\s+")


def _cooccur(view: str, rule: Rule, given: dict | None = None) -> tuple[int, int] | None:
    """The tightest span in which every set matches within `within` tokens, or None. `given` supplies
    the matches of some sets (a pronoun standing for its antecedent)."""
    within = int(rule.match.get("within", 15))
    clause = rule.match.get("clause")
    per_set = []
    for name, pat in rule.sets.items():  # cheapest first (rules.load_rule orders them)
        ms = list(given[name]) if given and name in given else [(m.start(), m.end()) for m in finditer(pat, view)]
        if name == rule.located:
            ms = [m for m in ms if not _names_a_place(view, m[1], rule.place)]
        if name in ("group", "identity"):  # "अखिलेश यादव": a surname after a given name is no caste
            ms = [m for m in ms if not names_a_person(view, *m)]
        if not ms:
            return None
        per_set.append(ms)
    best = None
    group_at = list(rule.sets).index("group") if "group" in rule.sets else None
    quotes = quotations(view) if ('"' in view or "'" in view or "«" in view) else ()
    # a pronoun standing for a group may open the phrase said of it ("इनका कोई भरोसा नहीं")
    pronouns = {m for ms in given.values() for m in ms} if given else set()
    for a in per_set[0]:
        chosen = [a]
        for others in per_set[1:]:
            # a set's match inside another's longer phrase does not count: "समाज" is a group noun, but
            # in "नशा समाज की बीमारी है" it is part of the disease phrase, not a group said to be one
            # (the same word matching two sets, as "never" is a negator too, still counts)
            apart = [o for o in others if o == a or o[1] <= a[0] or o[0] >= a[1]
                     or (a in pronouns and o[0] <= a[0] and a[1] <= o[1])
                     or (o in pronouns and a[0] <= o[0] and o[1] <= a[1])]
            if not apart:
                break
            chosen.append(min(apart, key=lambda o: abs(o[0] - a[0])))
        if len(chosen) < len(per_set):
            continue
        if group_at is not None and _said_of_another(view, chosen[group_at], chosen):
            continue
        # one part inside quotation marks and another outside: someone's words and the speaker's, not one claim
        # ('kisi ne likha "marwari ...", itni ghatiya soch': the group is quoted, "ghatiya" is said of the thought)
        if any(0 < sum(q0 < c0 and c1 < q1 for c0, c1 in chosen) < len(chosen) for q0, q1 in quotes):
            continue
        if clause:
            inner = [c for c, name in zip(chosen, rule.sets) if name in clause]
            if CLAUSE_BREAK.search(view, min(c[0] for c in inner), max(c[1] for c in inner)):
                continue
        lo, hi = min(c[0] for c in chosen), max(c[1] for c in chosen)
        tokens = len(_TOKEN.findall(view, lo, hi))
        if tokens <= within + sum(1 for _ in chosen) and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi)
    return best


# "that" opening what someone says or thinks: "X कहते हैं कि ...", "X bolte hain ki ..."
_THAT = regex.compile(r"(?<![\p{L}\p{M}])(?:कि|ki|that)(?![\p{L}\p{M}])")


def _said_of_another(view: str, group: tuple[int, int], chosen: list) -> bool:
    """"हमारे मुसलमान पड़ोसी कहते हैं कि सारे नेता चोर होते हैं": the group is who says it, and what follows
    "that" is said of an official or a trade (no protected group), not of the group (template probe K)."""
    end = max(c[1] for c in chosen)
    if group[1] >= end:
        return False
    that = _THAT.search(view, group[1], end)
    if that is None:
        return False
    target = next(iter(finditer(shared_set("unprotected-target"), view[that.end():end])), None)
    return target is not None


def _names_a_place(view: str, end: int, place) -> bool:
    """A group word directly followed by a place and "in" ("दलित बस्तियों में फैला नशा ...") says where
    something is; what the sentence then compares is that thing, not the group."""
    gap = _GAP.match(view, end)
    if gap is None:
        return False
    m = place.search(view, gap.end(), min(len(view), gap.end() + 40), timeout=REGEX_TIMEOUT)
    return m is not None and m.start() == gap.end()


def _cooccur_by_reference(doc: Document, s, rule: Rule) -> tuple[int, int] | None:
    """"Some X came. They are all ...": a subject pronoun opens this sentence or one of its clauses
    ("Beware of them, they ...") and the rule's antecedent set matched before it, in the sentence
    before or in an earlier clause of this one ("X grab land everywhere, their nature is ..."), so the
    pronoun stands for it."""
    name = rule.match["antecedent"]
    before = doc.sentences[s.index - 1].view if s.index > 0 else ""
    antecedent = rule.sets[name].search(before, timeout=REGEX_TIMEOUT) is not None
    for m in finditer(rule.pronoun, s.view):
        if not _CLAUSE_OPENS.fullmatch(s.view, 0, m.start()):
            continue
        if antecedent or rule.sets[name].search(s.view, 0, m.start(), timeout=REGEX_TIMEOUT) is not None:
            span = _cooccur(s.view, rule, {name: ((m.start(), m.end()),)})
            if span:
                return span
    return None


# A group that opens a sentence as its subject: nothing but a demonstrative before it ("ये X"), or
# "लोग"/"sab" after it ("X लोग"), so not "दलित छात्रों के साथ ..." (an object) nor a surname mid-sentence.
_TOPIC_BEFORE = regex.compile(r"""[\s"']*(?:(?:ये|यह|वे|वो|इन|उन|these|those|ye|yeh|wo|woh|in|un)\s+)?""")
_TOPIC_AFTER = regex.compile(r"\s+(?:लोग|सब|सारे|log|sab|saare|people)(?![\p{L}\p{M}])")


def _cooccur_by_topic(view: str, rule: Rule) -> tuple[int, int] | None:
    """"X log sirf lathi samajhte hain, dimaag naam ki cheez nahi": Hindi drops the subject of a later
    clause that speaks of the one before. When the sentence opens with a match of the topic set as its
    subject, the other sets may match near the start of a later clause that names no such group of its
    own; the span is that clause's part."""
    name = rule.match["topic"]
    for m in finditer(rule.sets[name], view):  # "ये" may itself be in the set: "ये X लोग"
        if not _TOPIC_BEFORE.fullmatch(view, 0, m.start()):
            return None
        if view[:m.start()].strip(" \"'") or _TOPIC_AFTER.match(view, m.end()):
            break
    else:
        return None
    return _clause_on_topic(view, rule, (cut.end() for cut in CLAUSE_BREAK.finditer(view, m.end())))


def _clause_on_topic(view: str, rule: Rule, starts) -> tuple[int, int] | None:
    """The first clause (from one of `starts`) in which the rule's other sets match near its start, the
    topic standing there, or None; None too when that clause names people of its own."""
    name = rule.match["topic"]
    for start in starts:
        span = _cooccur(view[start:], rule, {name: ((0, 0),)})
        if span is None:
            continue
        if _names_a_subject(view, rule, name, start, start + span[1]):
            return None
        return start + span[0], start + span[1]
    return None


_ASKED_MAX_TOKENS = 8


def _cooccur_after_question(before: str, view: str, rule: Rule) -> tuple[int, int] | None:
    """"shaadi ke liye dalit ladka? na baba, khandaan ki izzat mitti mein mil jayegi": a short question that
    names a group sets the topic of the sentence that answers it, as a sentence-opening group sets the
    topic of its later clauses: the other sets may match near the start of one of this sentence's clauses
    that names no people of its own."""
    if not before.rstrip().endswith("?") or len(_TOKEN.findall(before)) > _ASKED_MAX_TOKENS:
        return None
    if next(finditer(rule.sets[rule.match["topic"]], before), None) is None:
        return None
    return _clause_on_topic(view, rule, [0] + [cut.end() for cut in CLAUSE_BREAK.finditer(view)])


_SUBJECT_WORD = regex.compile(r"(?<![\p{L}\p{M}])(?:लोग|वाले|log|wale|waale|people)(?![\p{L}\p{M}])")


def _names_a_subject(view: str, rule: Rule, topic: str, start: int, end: int) -> bool:
    """Does [start, end) name people of its own ("..., ठेकेदार लोग जाहिल हैं") or another group, outside
    the rule's other phrases (a trait may say "gande log" or "ghamandi kaum")?"""
    phrases = [(x.start(), x.end()) for n, pat in rule.sets.items() if n != topic
               for x in finditer(pat, view, start, end)]
    words = [(w.start(), w.end()) for w in _SUBJECT_WORD.finditer(view, start, end)]
    words += [(g.start(), g.end()) for g in finditer(rule.sets[topic], view, start, end)]
    return any(not any(a <= ws and we <= b for a, b in phrases) for ws, we in words)


_RISK = {"identity-appeal", "enmity", "threat", "personal-attack", "allegation"}
# The classifier cannot tell condemning or quoting the law from the thing itself, so the shared
# guards apply to its findings too.
_MODEL_GUARDS = {"law-citation": "suppress", "condemnation": "suppress", "reported-speech": "lower", "negation": "lower"}


def guard_model_findings(doc: Document, model_findings: list[Finding]) -> list[Finding]:
    from dataclasses import replace
    out = []
    for f in model_findings:
        s = doc.sentence_at(f.start)
        if f.rule_id == "VC905" or s is None:
            out.append(f)
            continue
        a = doc.to_view(f.start) - s.vstart
        b = doc.to_view(f.end) - s.vstart
        held = [g for g in _MODEL_GUARDS if guard_applies(g, s.view, a, b)]
        if any(_MODEL_GUARDS[g] == "suppress" for g in held):
            continue
        out.append(replace(f, severity=f.severity.lowered(), guards=tuple(held)) if held else f)
    return out


def merge_model_findings(doc: Document, rule_findings: list[Finding], model_findings: list[Finding]) -> list[Finding]:
    """When a rule and the model fire on the same sentence, keep one finding with both reasons
    (risk labels join risk rules; check-worthiness joins claims rules)."""
    from dataclasses import replace
    out = list(rule_findings)
    for mf in model_findings:
        wanted = {"claims"} if mf.rule_id == "VC905" else _RISK
        sent = doc.sentence_at(mf.start)
        overlap = next((i for i, rf in enumerate(out) if rf.source_kind == "rule" and rf.category in wanted
                        and doc.sentence_at(rf.start) is sent), None)
        if overlap is None:
            out.append(mf)
        else:
            rf = out[overlap]
            out[overlap] = replace(rf, score=max(rf.score or 0.0, mf.score),
                                   also=rf.also + (f"{mf.rule_id} {mf.name} (model score {mf.score:.2f})",))
    return out
