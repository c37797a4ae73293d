"""A Report: the findings for one text, with the document they point into."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .findings import Finding, Severity

SCHEMA = "vaktacheck/1"


@dataclass
class Report:
    text: str
    path: str
    findings: list[Finding]
    document: object = None
    model_used: bool = False
    model_error: str | None = None

    @property
    def lang(self) -> str:
        """The draft's main language: the tag covering the most characters."""
        c = Counter()
        for s in self.document.sentences if self.document else []:
            c[s.lang] += s.end - s.start
        return c.most_common(1)[0][0] if c else "en"

    def max_severity(self) -> Severity | None:
        risk = [f.severity for f in self.findings if f.category != "meta"]
        return max(risk) if risk else None

    def counts(self) -> dict[str, int]:
        c = Counter(f.severity.name for f in self.findings)
        return {s.name: c.get(s.name, 0) for s in sorted(Severity, reverse=True)}

    def by_category(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.category, []).append(f)
        return out

    def position(self, offset: int) -> tuple[int, int]:
        return self.document.line_col(offset)

    def findings_dicts(self) -> list[dict]:
        """The findings as in --format json (with line and column)."""
        findings = []
        for f in self.findings:
            d = f.to_dict()
            d["line"], d["column"] = self.position(f.start)
            findings.append(d)
        return findings

    def to_dict(self) -> dict:
        findings = self.findings_dicts()
        return {
            "path": self.path,
            "language": self.lang,
            "sentences": [{"start": s.start, "end": s.end, "lang": s.lang} for s in self.document.sentences],
            "word_count": self.document.word_count,
            "model_used": self.model_used,
            "summary": self.counts(),
            "findings": findings,
        }

    def __str__(self) -> str:
        from .render.text import render_text
        return render_text([self], color=False)

    def _repr_html_(self) -> str:
        from .render.html import render_html
        return render_html([self])
