"""Markdown report; user text is escaped so it cannot inject markup."""
from __future__ import annotations

from html import escape

from .text import LABELS, ui_lang_for

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#"})


def md(text: str) -> str:
    return escape(text, quote=False).translate(_MD_SPECIAL).replace("\n", " ")


def render_markdown(reports, ui_lang: str | None = None) -> str:
    out = ["# vaktacheck report", ""]
    for r in reports:
        lang = ui_lang_for(r, ui_lang)
        L = LABELS[lang]
        out += [f"## {md(r.path)}", ""]
        if not r.findings:
            out += [L["clean"], ""]
        for f in r.findings:
            line, col = r.position(f.start)
            out += [f"- **{f.severity.name}** `{f.rule_id}` {md(f.name)} ({line}:{col}): {md(f.message.get(lang))}",
                    f"  - {L['try']}: {md(f.suggestion.get(lang))}",
                    f"  - {L['source']}: " + "; ".join(f"{md(s.title)} \\[{s.tag}\\]" for s in f.sources)]
        out.append("")
    return "\n".join(out)
