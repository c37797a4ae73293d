"""Terminal report: findings grouped by sentence, the span marked, severity in colour and words."""
from __future__ import annotations

from collections import Counter

from .color import SEVERITY_COLOR, paint

LABELS = {
    "en": {"why": "Why", "try": "Try", "source": "Source", "clean": "no findings", "lowered": "lowered because",
           "also": "also", "files": "files", "sev": {"critical": "critical", "high": "high", "medium": "medium", "low": "low"}},
    "hi": {"why": "क्यों", "try": "सुझाव", "source": "स्रोत", "clean": "कोई समस्या नहीं मिली", "lowered": "गंभीरता घटाई गई:",
           "also": "साथ में", "files": "फ़ाइलें", "sev": {"critical": "अति गंभीर", "high": "गंभीर", "medium": "मध्यम", "low": "हल्का"}},
}


def ui_lang_for(report, ui_lang: str | None) -> str:
    return ui_lang or ("hi" if report.lang == "hi" else "en")


def render_text(reports, color: bool = False, ui_lang: str | None = None, explain: bool = False) -> str:
    out = []
    for r in reports:
        lang = ui_lang_for(r, ui_lang)
        L = LABELS[lang]
        doc = r.document
        groups: dict[int, list] = {}
        for f in r.findings:
            s = doc.sentence_at(f.start) if doc else None
            groups.setdefault(s.index if s else -1, []).append(f)
        for idx, fs in groups.items():
            s = doc.sentences[idx] if idx >= 0 else None
            line, col = r.position(fs[0].start)
            out.append(paint(f"{r.path}:{line}:{col}", "1", color))
            if s is not None:
                out.append("  " + _marked(doc.text, s.start, s.end, fs, color))
            for f in fs:
                sev = f.severity.name
                tag = paint(f"[{L['sev'][sev]}]", SEVERITY_COLOR[sev], color)
                l2, c2 = r.position(f.start)
                score = f" score {f.score:.2f}" if f.score is not None else ""
                out.append(f"  {tag} {f.rule_id} {f.name}{score} ({l2}:{c2})")
                out.append(f"    {f.message.get(lang)}")
                if f.context:
                    out.append(f"    {f.context}")
                if explain:
                    out.append(f"    {L['why']}: {f.explanation}")
                out.append(f"    {L['try']}: {f.suggestion.get(lang)}")
                if f.sources:
                    out.append(f"    {L['source']}: " + "; ".join(x.label() for x in f.sources[:3 if not explain else None]))
                if f.guards:
                    out.append(f"    ({L['lowered']} {', '.join(f.guards)})")
                if f.also:
                    out.append(f"    ({L['also']}: {'; '.join(f.also)})")
            out.append("")
        out.append(summary_line(r, color, lang))
        if r.model_error:
            out.append(f"  note: classifier not used: {r.model_error}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def summary_line(r, color: bool, lang: str) -> str:
    L = LABELS[lang]
    if not r.findings:
        return f"{r.path}: " + paint(L["clean"], "32", color)
    counts = r.counts()
    parts = [paint(f"{n} {L['sev'][k]}", SEVERITY_COLOR[k], color) for k, n in counts.items() if n]
    cats = Counter(f.category for f in r.findings)
    return f"{r.path}: " + ", ".join(parts) + "  |  " + ", ".join(f"{c} {n}" for c, n in cats.most_common())


def _marked(text: str, a: int, b: int, findings, color: bool) -> str:
    """The sentence with each finding's span bracketed (and highlighted on colour terminals)."""
    merged: list[list] = []
    for s, e, sev in sorted((max(f.start, a), min(f.end, b), f.severity) for f in findings if f.end > f.start):
        if merged and s < merged[-1][1]:  # overlapping spans: one mark, the worst severity
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] = max(merged[-1][2], sev)
        else:
            merged.append([s, e, sev])
    out, pos = [], a
    for s, e, sev in merged:
        sev = sev.name
        out.append(text[pos:s])
        out.append(paint("⟦" + text[s:e] + "⟧", SEVERITY_COLOR[sev], color))
        pos = e
    out.append(text[pos:b])
    return "".join(out).replace("\r", " ").replace("\n", " ")


def render_concise(reports) -> str:
    lines = []
    for r in reports:
        for f in r.findings:
            line, col = r.position(f.start)
            lines.append(f"{r.path}:{line}:{col}: {f.rule_id} [{f.severity.name}] {f.message.en}")
    return "\n".join(lines) + ("\n" if lines else "")
