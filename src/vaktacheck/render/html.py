"""One self-contained HTML report: highlighted draft, a card per finding, summary, legend.

No network: system fonts with Devanagari fallbacks, inline CSS and a few lines of inline JS.
Everything from the user (text, file names, user-pack messages) goes through html.escape.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from .text import LABELS, ui_lang_for

_CSS = """
:root{--critical:#b00020;--high:#d84315;--medium:#f9a825;--low:#0277bd;--bg:#fff;--fg:#1a1a1a}
body{font-family:"Noto Sans","Noto Sans Devanagari","Mangal","Nirmala UI","Lohit Devanagari",system-ui,sans-serif;
 color:var(--fg);background:var(--bg);margin:0 auto;max-width:70rem;padding:1rem;line-height:1.7}
body.large{font-size:150%}
h1{font-size:1.4em} .file{border-top:2px solid #ddd;margin-top:2rem}
.draft{white-space:pre-wrap;border:1px solid #ccc;border-radius:6px;padding:1rem;background:#fafafa}
mark{background:none;border-bottom:3px solid;padding:0 1px;cursor:pointer}
mark.critical{border-color:var(--critical);background:#fde7ea} mark.high{border-color:var(--high);background:#fff0e6}
mark.medium{border-color:var(--medium);background:#fff8e1} mark.low{border-color:var(--low);background:#e7f3fb}
.sev{font-weight:bold;padding:0 .4em;border-radius:3px;color:#fff}
.sev.critical{background:var(--critical)} .sev.high{background:var(--high)} .sev.medium{background:var(--medium);color:#000}
.sev.low{background:var(--low)}
details.card{border:1px solid #ddd;border-left:6px solid #999;border-radius:6px;margin:.5rem 0;padding:.3rem .8rem}
details.card.critical{border-left-color:var(--critical)} details.card.high{border-left-color:var(--high)}
details.card.medium{border-left-color:var(--medium)} details.card.low{border-left-color:var(--low)}
details.card[open]{background:#fcfcfc} .tag{font-size:.8em;color:#555}
.summary table{border-collapse:collapse} .summary td,.summary th{border:1px solid #ccc;padding:.2rem .6rem}
.legend span{margin-right:1rem} .tools{float:right}
@media print{.tools{display:none} details.card{break-inside:avoid} details.card>*{display:block}
 body{font-size:11pt;max-width:none} mark{border-bottom-width:2px}}
"""
_JS = """
document.addEventListener('click',function(e){var m=e.target.closest('mark[data-f]');if(!m)return;
m.getAttribute('data-f').split(' ').forEach(function(id){var c=document.getElementById(id);if(c){c.open=true;
c.scrollIntoView({behavior:'smooth',block:'center'});}});});
document.getElementById('large').addEventListener('change',function(e){document.body.classList.toggle('large',e.target.checked);});
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
"""


def _highlighted(r, prefix: str) -> str:
    """The draft with each finding span in a <mark>; overlapping spans merge into one mark."""
    text = r.text
    spans = []
    for i, f in enumerate(r.findings):
        if f.end > f.start:
            spans.append([f.start, f.end, f.severity, [f"{prefix}-{i}"]])
    spans.sort(key=lambda s: (s[0], -s[1]))
    merged = []
    for s in spans:
        if merged and s[0] < merged[-1][1]:
            m = merged[-1]
            m[1], m[2], m[3] = max(m[1], s[1]), max(m[2], s[2]), m[3] + s[3]
        else:
            merged.append(s)
    out, pos = [], 0
    for a, b, sev, ids in merged:
        out.append(escape(text[pos:a]))
        out.append(f'<mark class="{sev.name}" data-f="{" ".join(ids)}" title="{escape(sev.name)}">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _card(r, f, fid: str, lang: str) -> str:
    L = LABELS[lang]
    line, col = r.position(f.start)
    sources = "".join(f"<li>{escape(s.title)} <span class=tag>[{escape(s.tag)}]</span>"
                      + (f' <a href="{escape(s.url)}">{escape(s.url)}</a>' if s.url else "") + "</li>" for s in f.sources)
    extra = ""
    if f.context:
        extra += f"<p>{escape(f.context)}</p>"
    if f.guards:
        extra += f"<p class=tag>{escape(L['lowered'])} {escape(', '.join(f.guards))}</p>"
    if f.also:
        extra += f"<p class=tag>{escape(L['also'])}: {escape('; '.join(f.also))}</p>"
    score = f" · score {f.score:.2f}" if f.score is not None else ""
    return (f'<details class="card {f.severity.name}" id="{fid}"><summary><span class="sev {f.severity.name}">'
            f'{escape(L["sev"][f.severity.name])}</span> {escape(f.rule_id)} {escape(f.name)} '
            f'<span class=tag>({line}:{col}{score})</span> — {escape(f.message.get(lang))}</summary>'
            f'<p><b>{escape(L["why"])}:</b> {escape(f.explanation)}</p>'
            f'<p><b>{escape(L["try"])}:</b> {escape(f.suggestion.get(lang))}</p>{extra}'
            f'<p><b>{escape(L["source"])}:</b></p><ul>{sources}</ul></details>')


def render_html(reports, ui_lang: str | None = None) -> str:
    parts = []
    totals: Counter = Counter()
    cats: Counter = Counter()
    for k, r in enumerate(reports):
        lang = ui_lang_for(r, ui_lang)
        prefix = f"f{k}"
        totals.update(f.severity.name for f in r.findings)
        cats.update(f.category for f in r.findings)
        cards = "".join(_card(r, f, f"{prefix}-{i}", lang) for i, f in enumerate(r.findings))
        counts = ", ".join(f"{n} {LABELS[lang]['sev'][s]}" for s, n in r.counts().items() if n) or LABELS[lang]["clean"]
        parts.append(f'<section class="file"><h2>{escape(r.path)}</h2><p>{escape(counts)}</p>'
                     f'<div class="draft" lang="{escape(r.lang)}">{_highlighted(r, prefix)}</div>{cards}</section>')
    rows = "".join(f"<tr><td>{escape(s)}</td><td>{totals.get(s, 0)}</td></tr>" for s in ("critical", "high", "medium", "low"))
    catrows = "".join(f"<tr><td>{escape(c)}</td><td>{n}</td></tr>" for c, n in cats.most_common())
    legend = "".join(f'<span><mark class="{s}">{s}</mark></span>' for s in ("critical", "high", "medium", "low"))
    return ("<!DOCTYPE html><html lang=\"hi\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>vaktacheck report</title><style>{_CSS}</style></head><body>"
            "<div class=tools><label><input type=checkbox id=large> Large type / बड़े अक्षर</label></div>"
            "<h1>vaktacheck report · वक्ता-चेक रिपोर्ट</h1>"
            f"<div class=summary><table><tr><th>severity</th><th>findings</th></tr>{rows}</table>"
            f"<table><tr><th>category</th><th>findings</th></tr>{catrows}</table></div>"
            f"<p class=legend>{legend} · click a highlight to open its card</p>"
            + "".join(parts) +
            "<p class=tag>A line \"may raise\" an issue; this is a training aid, not legal advice.</p>"
            f"<script>{_JS}</script></body></html>\n")
