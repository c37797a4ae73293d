"""The one result type every detector (rule or model) produces."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional


class Severity(enum.IntEnum):
    low = 1
    medium = 2
    high = 3
    critical = 4

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().lower()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; expected one of: low, medium, high, critical") from None

    def lowered(self, steps: int = 1) -> "Severity":
        return Severity(max(Severity.low, self - steps))

    def raised(self, steps: int = 1) -> "Severity":
        return Severity(min(Severity.critical, self + steps))


# Category slug for each id block (VC0xx ... VC9xx). Ids are never reused.
CATEGORIES = {
    0: "meta",
    1: "identity-appeal",
    2: "enmity",
    3: "threat",
    4: "personal-attack",
    5: "allegation",
    6: "campaign-conduct",
    7: "claims",
    8: "attribution-and-context",
    9: "model",
}

VERIFICATION_TAGS = ("TEXT", "REPORTED", "UNVERIFIED")


def category_for_id(rule_id: str) -> str:
    return CATEGORIES[int(rule_id[2])]


@dataclass(frozen=True)
class SourceRef:
    """A citation behind a rule, with how far it was verified (shown to users)."""
    title: str
    tag: str = "TEXT"
    url: Optional[str] = None

    def label(self) -> str:
        return f"{self.title} [{self.tag}]"


@dataclass(frozen=True)
class Message:
    en: str
    hi: str

    def get(self, lang: str) -> str:
        return self.hi if lang == "hi" else self.en


@dataclass(frozen=True)
class Finding:
    rule_id: str
    category: str
    severity: Severity
    start: int          # code-point offset into the ORIGINAL text
    end: int
    match: str          # original[start:end]
    message: Message
    explanation: str
    suggestion: Message   # a safer rewrite strategy, in English and Hindi
    sources: tuple[SourceRef, ...] = ()
    source_kind: str = "rule"      # "rule" or "model"
    score: Optional[float] = None  # model findings only
    name: str = ""
    guards: tuple[str, ...] = ()   # shared guards that lowered this finding
    context: str = ""              # e.g. the sentence as it would read clipped
    also: tuple[str, ...] = ()     # other detectors that agreed on this span

    def to_dict(self) -> dict:
        # built field by field (dataclasses.asdict deep-copies, and `score` calls this per finding)
        return {
            "rule_id": self.rule_id, "category": self.category, "severity": self.severity.name,
            "start": self.start, "end": self.end, "match": self.match,
            "message": {"en": self.message.en, "hi": self.message.hi}, "explanation": self.explanation,
            "suggestion": {"en": self.suggestion.en, "hi": self.suggestion.hi},
            "sources": [{"title": s.title, "tag": s.tag, "url": s.url} for s in self.sources],
            "source_kind": self.source_kind, "score": self.score, "name": self.name,
            "guards": list(self.guards), "context": self.context, "also": list(self.also),
        }
