"""Turn rule terms into `regex` patterns over the folded view.

Three term flavours, chosen by the list a term sits in:
- `hi`: Devanagari, matched literally after folding (nukta and chandrabindu folded away);
- `en`: English, literal and case-insensitive;
- `hi-Latn`: romanized Hindi, compiled to a spelling-tolerant pattern, because romanized Hindi
  has no standard spelling (nahi/nahin/nhi, bhrasht/bhrast, zameen/jameen, w/v, aa/a, ee/i).
In every flavour a space matches any run of spaces, `*` at the end of a word allows an inflected
ending, and a term starting with `re:` is a raw regular expression.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .document import fold

# Word edges that understand Devanagari vowel signs (stdlib `re` does not).
_L = r"(?<![\p{L}\p{M}\p{N}])"
_R = r"(?![\p{L}\p{M}\p{N}])"
REGEX_TIMEOUT = 1.0  # seconds per pattern per sentence; guards against catastrophic patterns

_VOWEL_UNITS = [
    ("aa", "a{1,2}"), ("ee", "(?:[iy]{1,2}|ee|ea)"), ("ii", "(?:i{1,2}|ee)"), ("oo", "(?:u{1,2}|o{1,2})"),
    ("uu", "u{1,2}"), ("ai", "(?:ai|ei|ae)"), ("ei", "(?:ai|ei|ae)"), ("au", "(?:au|aw)"),
    ("a", "a{1,2}"), ("i", "(?:[iy]{1,2}|ee)"), ("e", "e{1,2}"), ("o", "o{1,2}"), ("u", "(?:u{1,2}|o{2})"),
]
_CONS_UNITS = [
    ("chh", "c+h{0,2}"), ("kh", "[kq]+h?"), ("jh", "[zj]+h?"), ("sh", "s+h?"), ("ch", "c+h{0,2}"), ("ph", "(?:p+h?|f+)"), ("f", "(?:f+|p+h)"),
    ("w", "[wv]+"), ("v", "[wv]+"), ("z", "[zj]+"), ("j", "[zj]+h?"), ("q", "[qk]+h?"), ("k", "[kq]+h?"),
    ("s", "s+h?"), ("x", "x"),
]
_ASPIRABLE = set("bdgptc")


_DOUBLED = regex.compile(r"([b-df-hj-np-tv-z])\1+")


def _romanized_word(word: str) -> str:
    word = _DOUBLED.sub(r"\1", word)  # every consonant already matches doubled (gaddar/gadar)
    out, i, n = [], 0, len(word)
    while i < n:
        ch = word[i]
        if ch == "*":
            out.append(r"[\p{L}\p{M}]*")
            i += 1
            continue
        if not ch.isalpha():
            out.append(regex.escape(ch))
            i += 1
            continue
        for unit, pat in _VOWEL_UNITS:
            if word.startswith(unit, i):
                # An inner short 'a' is often dropped in chat spelling (nahi/nhi, kar/kr).
                inner = unit == "a" and 0 < i < n - 1 and not word[i - 1] in "aeiou"
                if unit == "e" and i == n - 1:
                    pat = "e{1,2}y?"
                out.append(f"(?:{pat})?" if inner else pat)
                i += len(unit)
                # a final vowel may carry a nasal n (nahi/nahin, mai/main)
                if i == n:
                    out.append("n?")
                break
        else:
            for unit, pat in _CONS_UNITS:
                if word.startswith(unit, i):
                    out.append(pat)
                    i += len(unit)
                    break
            else:
                if ch in _ASPIRABLE:
                    out.append(regex.escape(ch) + "+h?")
                    i += 2 if word.startswith(ch + "h", i) else 1
                elif ch == "n" and i == n - 1 and i > 0 and word[i - 1] in "aeiou":
                    out.append("n?")  # nahin/nahi
                    i += 1
                else:
                    out.append(regex.escape(ch) + "+")
                    i += 1
    return "".join(out)


# Devanagari spellings that vary freely in typed Hindi: short/long i and u (बिहारी/बिहारि, ईसाई/ईसाइ),
# anusvara for a nasal consonant + virama (गंदगी/गन्दगी, हिंदू/हिन्दू), and a dropped final anusvara (हैं/है).
_DEVA_VARIANTS = {"ि": "[िी]", "ी": "[िी]", "ु": "[ुू]", "ू": "[ुू]", "इ": "[इई]", "ई": "[इई]", "उ": "[उऊ]", "ऊ": "[उऊ]"}
_NASAL = "(?:ं|[नमणङञ]्)"
_DEVA_NASAL = regex.compile(r"ं|[नमणङञ]्(?=[क-ह])")


def _devanagari_word(word: str) -> str:
    out, i = [], 0
    while i < len(word):
        m = _DEVA_NASAL.match(word, i)
        if m:
            out.append(_NASAL + ("?" if m.end() == len(word) else ""))
            i = m.end()
            continue
        out.append(_DEVA_VARIANTS.get(word[i]) or regex.escape(word[i]))
        i += 1
    return "".join(out)


def _literal_word(word: str) -> str:
    star = word.endswith("*")
    body = word[:-1] if star else word
    body = _devanagari_word(body) if regex.search(r"\p{Devanagari}", body) else regex.escape(body)
    return body + (r"[\p{L}\p{M}]*" if star else "")


@lru_cache(maxsize=None)
def term_body(term: str, flavour: str) -> str:
    """The regex source for one term, without the word edges."""
    words = fold(term).split()
    if flavour == "hi-Latn":
        return r"[\s\-]*".join(_romanized_word(w) for w in words)
    return r"[\s\-]+".join(_literal_word(w) for w in words)


def term_pattern(term: str, flavour: str) -> str:
    """The regex source for one term (no compilation)."""
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    return f"{_L}(?:{term_body(term, flavour)}){_R}"


_WORDY = regex.compile(r"^\w.*\w\*?$|^\w$", regex.V1)


def compile_terms(terms_by_flavour: dict[str, list[str]]) -> regex.Pattern | None:
    wordy, other, raws = set(), set(), set()
    for flavour, terms in terms_by_flavour.items():
        for t in terms:
            if t.startswith("re:"):
                raws.add(f"(?:{t[3:]})")
            elif _WORDY.match(fold(t)):
                wordy.add(term_body(t, flavour))
            else:  # starts or ends with punctuation: "sec.", "#aigenerated", "100%"
                other.add(term_body(t, flavour))
    if not (wordy or other or raws):
        return None
    # One pair of word edges around all terms (compiling is the slow part of start-up), longer
    # alternatives first so the widest phrase wins. \m and \M are the regex module's Unicode word
    # edges (they keep Devanagari vowel signs inside words) and scan faster than lookarounds.
    parts = []
    if wordy:
        parts.append(r"\m(?:" + "|".join(sorted(wordy, key=len, reverse=True)) + r")\M")
    if other:
        parts.append(f"{_L}(?:" + "|".join(sorted(other, key=len, reverse=True)) + f"){_R}")
    parts.extend(sorted(raws, key=len, reverse=True))
    return regex.compile("|".join(parts), regex.V1 | regex.WORD)


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """`finditer` under a timeout; a pattern that runs away raises TimeoutError."""
    return pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=REGEX_TIMEOUT)
