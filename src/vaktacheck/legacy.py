"""Legacy Hindi fonts (KrutiDev 010, Devlys, Chanakya): detect, convert, map findings back.

Office Hindi typed in these fonts reaches us as Latin-looking text ("Hkkjr" for भारत).
The converter is `hinlegacy`; it guesses a font for any Latin text at all, so we only call it
when our own gate sees the function words of legacy-typed Hindi. Legacy text keeps its spaces,
so each word is converted on its own and maps one to one onto a word of the original.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

# The commonest Hindi words as KrutiDev/Devlys keystrokes (है, का, के, की, को, में, से, और, कि, ...).
_SIGNATURE = frozenset("""gS gSa dk ds dh dks esa ls vkSj fd ;g og Fkk Fkh Fks ugha Hkh rks ij gh ,d dj
x;k fy, tks tk gks gksxk gSaA gSA Hkkjr ljdkj yksx ge vki mudk mlds muds bl ml""".split())
_WORD = regex.compile(r"\S+")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")


@dataclass
class Converted:
    text: str
    font: str
    words: list[tuple[int, int, int, int]]  # (conv_start, conv_end, orig_start, orig_end)

    def map_back(self, finding, original: str):
        if finding.category == "meta" and finding.rule_id == "VC005":
            return finding
        starts = [w[0] for w in self.words]
        i = max(0, bisect.bisect_right(starts, finding.start) - 1)
        j = max(i, bisect.bisect_right(starts, max(finding.start, finding.end - 1)) - 1)
        a, b = self.words[i][2], self.words[j][3]
        return replace(finding, start=a, end=b, match=original[a:b],
                       context=(finding.context + " " if finding.context else "")
                       + f"Converted from legacy font: \u201c{self.text[self.words[i][0]:self.words[j][1]]}\u201d")


def looks_legacy(text: str) -> bool:
    words = [w.strip(".,;:!?\"'()") for w in _WORD.findall(text[:20000])]
    if len(words) < 3 or _DEVANAGARI.search(text, 0, 20000):
        return False
    hits = sum(1 for w in words if w in _SIGNATURE)
    return hits >= 2 and hits / len(words) >= 0.12


def convert_if_legacy(text: str) -> Converted | None:
    if not looks_legacy(text):
        return None
    try:
        import hinlegacy
        font = hinlegacy.detect(text).font_slug
        parts, words, pos, length = [], [], 0, 0
        for m in _WORD.finditer(text):
            gap = text[pos:m.start()]
            conv = hinlegacy.decode(m.group(), font)
            parts += [gap, conv]
            length += len(gap)
            words.append((length, length + len(conv), m.start(), m.end()))
            length += len(conv)
            pos = m.end()
        parts.append(text[pos:])
    except Exception:  # hinlegacy raises on text it cannot classify: review it as it is
        return None
    return Converted("".join(parts), font, words)
