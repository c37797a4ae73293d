"""Rules as data: one YAML file per rule, validated on load, compiled once.

A rule's `kind` is one of a small closed set:
- `terms`: any term of the per-language lists matches;
- `pattern`: raw regular expressions (over the folded, lower-cased view);
- `cooccur`: every named term set matches within `within` tokens of each other (the sets listed in
  `clause`, within one clause: no comma, semicolon, colon, danda or dash between them); with `antecedent: SET`,
  a subject pronoun opening the sentence ("they", "वे", "ye log") stands for SET when the previous
  sentence matches SET ("Some X came. They are all ..."); with `topic: SET`, a match of SET that opens
  the sentence as its subject ("ये X", "X लोग") is what a later clause speaks of ("X log ..., dimaag naam ki
  cheez nahi"): the other sets need only match near that clause's start; so is a match of SET in a short
  question just before ("dalit ladka? na baba, ..."), for any clause of the sentence that answers it;
- `analyser`: a named Python analyser (analysers.py) for what data cannot express.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from . import term_cache
from .findings import CATEGORIES, VERIFICATION_TAGS, Message, Severity, SourceRef
from .guards import ACTIONS, GUARD_NAMES
from .lexicons import FLAVOURS, load_sets
from .matching import compile_terms, union

KINDS = ("terms", "pattern", "cooccur", "analyser")
CONTEXT_KEYS = ("mcc_in_force", "speaker_role", "is_paid_ad", "media_is_synthetic",
                "contains_minors_in_media", "official_account", "mode", "ai_drafted")
_ID = regex.compile(r"^VC[1-8]\d\d$")
_OPTIONAL = ("unless", "guards", "mcc", "when", "languages_note", "status", "since")
_REQUIRED = ("id", "name", "title", "category", "severity", "kind", "languages", "match",
             "message", "explanation", "suggestion", "sources", "examples")


class RuleError(ValueError):
    """A rule file is invalid: the message names the file, line and field."""


@dataclass(frozen=True)
class Example:
    lang: str
    text: str
    match: str | None = None
    context: dict = field(default_factory=dict)


@dataclass
class Rule:
    id: str
    name: str
    title: str
    category: str
    severity: Severity
    kind: str
    languages: tuple[str, ...]
    match: dict
    message: Message
    explanation: str
    suggestion: Message
    sources: tuple[SourceRef, ...]
    flag_examples: tuple[Example, ...]
    pass_examples: tuple[Example, ...]
    guards: dict[str, str]
    mcc: bool
    when: dict
    path: str
    languages_note: str = ""
    # compiled
    pattern: Any = None              # terms / pattern kinds
    sets: dict = field(default_factory=dict)   # cooccur kind: name -> pattern
    unless: Any = None
    pronoun: Any = None              # cooccur with `antecedent`: the subject pronouns that may stand for it
    located: str | None = None       # cooccur: the set whose match, followed by a place and "in", names a place
    place: Any = None                # ... and that place pattern (@place-in)

    @property
    def analyser(self) -> str | None:
        return self.match.get("analyser") if self.kind == "analyser" else None


def _fail(path: Path, text: str, fieldname: str, problem: str) -> RuleError:
    key = fieldname.split(".")[0].split("[")[0]
    m = regex.search(rf"(?m)^\s*{regex.escape(key)}\s*:", text)
    line = text.count("\n", 0, m.start()) + 1 if m else 1
    return RuleError(f"{path}:{line}: field '{fieldname}': {problem}")


def _terms(path, text, fieldname, by_lang, sets):
    """Check a term mapping's language keys and compile it: its own terms, and each `@set` it names
    on its own (a set shared by several rules is compiled once; matching.union scans them as one)."""
    if not isinstance(by_lang, dict):
        raise _fail(path, text, fieldname, "must map languages (hi, en, hi-Latn) to term lists")
    own: dict[str, list[str]] = {}
    refs: list[str] = []
    for lang, terms in by_lang.items():
        if lang not in FLAVOURS:
            raise _fail(path, text, f"{fieldname}.{lang}", f"unknown language; use one of {', '.join(FLAVOURS)}")
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise _fail(path, text, f"{fieldname}.{lang}", "must be a list of non-empty strings")
        acc = own.setdefault(lang, [])
        for t in terms:
            if not t.startswith("@"):
                acc.append(t)
            elif t[1:] not in sets:
                raise _fail(path, text, f"{fieldname}.{lang}", f"unknown term set '@{t[1:]}'")
            elif t[1:] not in refs:
                refs.append(t[1:])
    try:
        return union([compile_terms(sets[name]) for name in refs] + [compile_terms(own)])
    except regex.error as e:
        raise _fail(path, text, fieldname, f"bad regular expression: {e}") from None


def _examples(path, text, raw, which, languages) -> tuple[Example, ...]:
    items = raw.get(which) if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise _fail(path, text, f"examples.{which}", "needs a non-empty list")
    out = []
    for i, it in enumerate(items):
        if not isinstance(it, dict) or not isinstance(it.get("text"), str) or it.get("lang") not in FLAVOURS:
            raise _fail(path, text, f"examples.{which}[{i}]", "each example needs 'lang' (hi, en or hi-Latn) and 'text'")
        out.append(Example(it["lang"], it["text"], it.get("match"), dict(it.get("context") or {})))
    return tuple(out)


def _bilingual(path, text, fieldname, value) -> Message:
    """A plain string (used for both languages) or a mapping with 'en' and 'hi'."""
    if isinstance(value, str) and value.strip():
        return Message(en=value.strip(), hi=value.strip())
    if isinstance(value, dict) and value.get("en") and value.get("hi"):
        return Message(en=str(value["en"]).strip(), hi=str(value["hi"]).strip())
    raise _fail(path, text, fieldname, "must be text, or a mapping with 'en' and 'hi'")


def load_rule(path: Path, sets: dict | None = None) -> Rule:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = term_cache.load_yaml(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise RuleError(f"{path}:{line}: invalid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file must be a YAML mapping")
    sets = load_sets() if sets is None else sets
    for key in _REQUIRED:
        if key not in data:
            raise _fail(path, text, key, "is required")
    for key in data:
        if key not in _REQUIRED and key not in _OPTIONAL:
            raise _fail(path, text, str(key), "unknown field; known: " + ", ".join(_REQUIRED + _OPTIONAL))
    rid = str(data["id"])
    if not _ID.match(rid):
        raise _fail(path, text, "id", "must look like VC123 (VC1xx to VC8xx for rules)")
    if not path.name.startswith(rid + "-"):
        raise _fail(path, text, "id", f"file name must start with '{rid}-'")
    if CATEGORIES[int(rid[2])] != data["category"]:
        raise _fail(path, text, "category", f"id block {rid[:3]}xx is category '{CATEGORIES[int(rid[2])]}'")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as e:
        raise _fail(path, text, "severity", str(e)) from None
    kind = data["kind"]
    if kind not in KINDS:
        raise _fail(path, text, "kind", f"unknown kind '{kind}'; use one of {', '.join(KINDS)}")
    languages = tuple(data["languages"] or ())
    if not languages or any(l not in FLAVOURS for l in languages):
        raise _fail(path, text, "languages", f"list some of {', '.join(FLAVOURS)}")
    msg = data["message"]
    if not isinstance(msg, dict) or not msg.get("en") or not msg.get("hi"):
        raise _fail(path, text, "message", "needs both 'en' and 'hi'")
    sources = []
    for i, s in enumerate(data["sources"] or []):
        if not isinstance(s, dict) or "title" not in s or s.get("tag") not in VERIFICATION_TAGS:
            raise _fail(path, text, f"sources[{i}]", f"needs 'title' and 'tag' (one of {', '.join(VERIFICATION_TAGS)})")
        sources.append(SourceRef(str(s["title"]), s["tag"], s.get("url")))
    if not sources:
        raise _fail(path, text, "sources", "needs at least one source")
    guards = data.get("guards") or {}
    for g, action in guards.items():
        if g not in GUARD_NAMES:
            raise _fail(path, text, f"guards.{g}", f"unknown guard; use one of {', '.join(GUARD_NAMES)}")
        if action not in ACTIONS:
            raise _fail(path, text, f"guards.{g}", f"action must be one of {', '.join(ACTIONS)}")
    when = data.get("when") or {}
    for k in when:
        if k not in CONTEXT_KEYS:
            raise _fail(path, text, f"when.{k}", f"unknown context key; use one of {', '.join(CONTEXT_KEYS)}")
    rule = Rule(
        id=rid, name=str(data["name"]), title=str(data["title"]), category=data["category"],
        severity=severity, kind=kind, languages=languages, match=dict(data["match"] or {}),
        message=Message(en=msg["en"].strip(), hi=msg["hi"].strip()),
        explanation=str(data["explanation"]).strip(), suggestion=_bilingual(path, text, "suggestion", data["suggestion"]),
        sources=tuple(sources),
        flag_examples=_examples(path, text, data["examples"], "flag", languages),
        pass_examples=_examples(path, text, data["examples"], "pass", languages),
        guards=dict(guards), mcc=bool(data.get("mcc", False)), when=dict(when), path=str(path),
        languages_note=str(data.get("languages_note", "")),
    )
    m = rule.match
    if kind in ("terms", "pattern"):
        key = "terms" if kind == "terms" else "patterns"
        raw = m.get(key)
        if kind == "pattern" and isinstance(raw, dict):
            raw = {lang: ["re:" + p for p in ps] for lang, ps in raw.items()}
        rule.pattern = _terms(path, text, f"match.{key}", raw, sets)
        if rule.pattern is None:
            raise _fail(path, text, f"match.{key}", "has no terms")
    elif kind == "cooccur":
        raw_sets = m.get("sets")
        if not isinstance(raw_sets, dict) or len(raw_sets) < 2:
            raise _fail(path, text, "match.sets", "cooccur needs at least two named term sets")
        for name, by_lang in raw_sets.items():
            pat = _terms(path, text, f"match.sets.{name}", by_lang, sets)
            if pat is None:
                raise _fail(path, text, f"match.sets.{name}", "has no terms")
            rule.sets[name] = pat
        # smallest pattern (cheapest scan) first: the first set that does not match ends the search
        rule.sets = dict(sorted(rule.sets.items(), key=lambda kv: len(kv[1].pattern)))
        if not isinstance(m.get("within", 15), int):
            raise _fail(path, text, "match.within", "must be a whole number of tokens")
        if "antecedent" in m:
            if m["antecedent"] not in rule.sets:
                raise _fail(path, text, "match.antecedent", "must name one of the rule's sets")
            rule.pronoun = _terms(path, text, "match.antecedent", {"en": ["@subject-pronoun"]}, sets)
        clause = m.get("clause", [])
        if not isinstance(clause, list) or not set(clause) <= set(rule.sets):
            raise _fail(path, text, "match.clause", "must list some of the rule's sets")
        if "topic" in m and m["topic"] not in rule.sets:
            raise _fail(path, text, "match.topic", "must name one of the rule's sets")
        if "located" in m:
            if m["located"] not in rule.sets:
                raise _fail(path, text, "match.located", "must name one of the rule's sets")
            rule.located = m["located"]
            rule.place = _terms(path, text, "match.located", {"en": ["@place-in"]}, sets)
    else:
        from .analysers import ANALYSERS
        if m.get("analyser") not in ANALYSERS:
            raise _fail(path, text, "match.analyser", f"unknown analyser; use one of {', '.join(sorted(ANALYSERS))}")
        for key in ("terms", "sets"):
            if key in m:  # analysers may take term sets as parameters
                if key == "terms":
                    rule.pattern = _terms(path, text, "match.terms", m["terms"], sets)
                else:
                    for name, by_lang in m["sets"].items():
                        rule.sets[name] = _terms(path, text, f"match.sets.{name}", by_lang, sets)
    if data.get("unless"):
        rule.unless = _terms(path, text, "unless", data["unless"], sets)
    return rule


def builtin_pack_dir() -> Path:
    return Path(str(resources.files("vaktacheck") / "packs" / "core"))


def load_pack(folder: Path, min_sureness: int = 1) -> tuple[list[Rule], list[RuleError]]:
    """Load every rule file under a folder; collect errors instead of stopping at the first."""
    rules, errors = [], []
    sets = load_sets(min_sureness)
    for path in sorted(Path(folder).rglob("*.yaml")):
        try:
            rules.append(load_rule(path, sets))
        except RuleError as e:
            errors.append(e)
        except (OSError, UnicodeDecodeError) as e:
            errors.append(RuleError(f"{path}:1: cannot read rule file: {e}"))
    return rules, errors
