"""Sentence segmentation for Devanagari and Latin text, on original offsets."""
from __future__ import annotations

import regex

# Abbreviations that end with a full stop but do not end a sentence.
ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "sh", "shri", "smt", "st", "no", "nos", "vs", "etc", "e.g", "i.e",
    "prof", "hon", "gen", "col", "lt", "capt", "rs", "sr", "jr", "govt", "dept", "approx", "art",
    "sec", "para", "vol", "pp", "inc", "ltd", "co", "u.s", "u.k", "ft", "km", "kg", "mt",
    "डॉ", "श्री", "श्रीमती", "सु", "कु", "प्रो", "पं", "स्व", "मा", "रु", "डा", "ई",
}
# Strong enders, then closing quotes/brackets. A "!" with a Latin letter straight after is a letter typed as a
# symbol ("musl!m"), not an end; leet is a Latin habit, so before a Devanagari letter it still ends one.
_END = regex.compile(r"""[.!?]+["'”’)\]]*(?=\s)|[।॥]+["'”’)\]]*|\?+|!+(?!\p{Latin})""")
_WORD_BEFORE = regex.compile(r"(\w[\w.]*)\.$")
_BULLET = regex.compile(r"^\s*(?:[-*•●▪–]|\d{1,3}[.)]|[०-९]{1,3}[.)])\s+")
_LINE = regex.compile(r"[^\r\n]+")


def _split_line(line: str, base: int) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _END.finditer(line):
        end = m.end()
        if line[m.start()] == ".":
            w = _WORD_BEFORE.search(line, 0, m.start() + 1)
            if w:
                word = w.group(1).lower()
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
        if line[start:end].strip():
            spans.append((start, end))
        start = end
    if line[start:].strip():
        spans.append((start, len(line)))
    out = []
    for a, b in spans:
        seg = line[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        out.append((base + a + lead, base + b - trail))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans. Every line break ends a sentence; bullets are not part of it."""
    out = []
    for m in _LINE.finditer(text):
        line, base = m.group(), m.start()
        b = _BULLET.match(line)
        skip = b.end() if b else 0
        out.extend(_split_line(line[skip:], base + skip))
    return out
