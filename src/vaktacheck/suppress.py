"""One inline suppression grammar, in HTML comments (works in .txt and .md alike):

    <!-- vaktacheck: ignore VC123, VC205 -- reason -->   the next paragraph
    <!-- vaktacheck: disable VC123 -- reason -->         from here ...
    <!-- vaktacheck: enable VC123 -->                    ... to here (or the end of the text)

A reason is required for ignore and disable; `all` must be spelled out. Meta findings (VC0xx)
keep suppressions honest: unused, unknown id, missing reason, unreadable directive.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_DIRECTIVE = regex.compile(
    r"<!--\s*vaktacheck\s*:\s*(?P<verb>\w+)\s*(?P<ids>[^>]*?)\s*(?:--\s*(?P<reason>.*?))?\s*-->",
    regex.DOTALL | regex.IGNORECASE)
_ANY = regex.compile(r"<!--\s*vaktacheck\s*:.*?-->", regex.DOTALL | regex.IGNORECASE)
_ID = regex.compile(r"^(?:VC\d{1,3}|all)$", regex.IGNORECASE)


@dataclass
class Suppression:
    start: int
    end: int           # region covered (original offsets)
    ids: tuple[str, ...]
    reason: str
    directive: tuple[int, int]
    used: bool = False

    def covers(self, rule_id: str, offset: int) -> bool:
        return self.start <= offset < self.end and any(
            i == "all" or rule_id.startswith(i) for i in self.ids)


@dataclass
class Problem:
    rule_id: str
    start: int
    end: int
    detail: str


def parse(text: str, known_ids: set[str]) -> tuple[list[Suppression], list[Problem]]:
    sups: list[Suppression] = []
    problems: list[Problem] = []
    open_ranges: dict[str, Suppression] = {}
    for raw in _ANY.finditer(text):
        m = _DIRECTIVE.fullmatch(raw.group())
        span = (raw.start(), raw.end())
        if not m or m.group("verb").lower() not in ("ignore", "disable", "enable"):
            problems.append(Problem("VC004", *span, "unreadable directive; use ignore, disable or enable"))
            continue
        verb = m.group("verb").lower()
        ids = tuple(i.strip().upper() if i.strip().lower() != "all" else "all"
                    for i in regex.split(r"[,\s]+", m.group("ids")) if i.strip())
        reason = (m.group("reason") or "").strip()
        if not ids:
            problems.append(Problem("VC002", *span, "a directive must name rule ids (or 'all')"))
            continue
        bad = [i for i in ids if not _ID.match(i) or (i != "all" and not any(k.startswith(i) for k in known_ids))]
        if bad:
            problems.append(Problem("VC002", *span, "unknown rule id " + ", ".join(bad)))
            ids = tuple(i for i in ids if i not in bad)
            if not ids:
                continue
        if verb in ("ignore", "disable") and not reason:
            problems.append(Problem("VC003", *span, "a suppression needs a reason after '--'"))
        if verb == "ignore":
            para_end = regex.compile(r"\n\s*\n").search(text, raw.end())
            # covers the next paragraph: skip blank lines straight after the directive
            nxt = regex.compile(r"\S").search(text, raw.end())
            start = nxt.start() if nxt else raw.end()
            para_end = regex.compile(r"\n[ \t]*\n").search(text, start)
            sups.append(Suppression(raw.start(), para_end.start() if para_end else len(text), ids, reason, span))
        elif verb == "disable":
            s = Suppression(raw.start(), len(text), ids, reason, span)
            sups.append(s)
            for i in ids:
                open_ranges[i] = s
        else:
            for i in ids:
                s = open_ranges.pop(i, None)
                if s is None:
                    problems.append(Problem("VC001", *span, f"enable {i} without a matching disable"))
                else:
                    s.end = raw.start()
    return sups, problems
