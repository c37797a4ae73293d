"""Turn rule terms into `regex` patterns over the folded view.

Three term flavours, chosen by the list a term sits in:
- `hi`: Devanagari, matched literally after folding (nukta and chandrabindu folded away);
- `en`: English, literal and case-insensitive;
- `hi-Latn`: romanized Hindi, compiled to a spelling-tolerant pattern, because romanized Hindi
  has no standard spelling (nahi/nahin/nhi, bhrasht/bhrast, zameen/jameen, w/v, aa/a, ee/i).
In every flavour a space matches any run of spaces, `*` at the end of a word allows an inflected
ending, `+` at the end of a term marks a noun whose plural and oblique forms match too
(चूहा/चूहे/चूहों), `<n>` stands for a number in any digits ("<n>%", "<n> में से <n>"), and a term
starting with `re:` is a raw regular expression.
"""
from __future__ import annotations

import heapq
from functools import lru_cache

import regex

from . import term_cache
from .document import _DEVA_CHAR, fold

# Word edges that understand Devanagari vowel signs (stdlib `re` does not).
_L = r"(?<![\p{L}\p{M}\p{N}])"
_R = r"(?![\p{L}\p{M}\p{N}])"
REGEX_TIMEOUT = 1.0  # seconds per pattern per sentence; guards against catastrophic patterns
_LATN_CHAR = regex.compile(r"\p{Latin}")

_VOWEL_UNITS = [
    ("aa", "a{1,2}"), ("ee", "(?:[iy]{1,2}|ee|ea)"), ("ii", "(?:i{1,2}|ee)"), ("oo", "(?:u{1,2}|o{1,2})"),
    ("uu", "u{1,2}"), ("ai", "(?:a{1,2}i|ei|ae)"), ("ei", "(?:a{1,2}i|ei|ae)"), ("au", "(?:au|aw)"),
    ("a", "a{1,2}"), ("i", "(?:[iy]{1,2}|ee)"), ("e", "e{1,2}"), ("o", "o{1,2}"), ("u", "(?:u{1,2}|o{2})"),
]
# an aspirate's h may be typed twice ("sikhh"), as a consonant may (every consonant matches doubled)
_CONS_UNITS = [
    ("chh", "c+h{0,2}"), ("kh", "[kq]+h{0,2}"), ("jh", "[zj]+h{0,2}"), ("sh", "s+h{0,2}"), ("ch", "c+h{0,2}"), ("ph", "(?:p+h{0,2}|f+)"), ("f", "(?:f+|p+h)"),
    ("w", "[wv]+"), ("v", "[wv]+"), ("z", "[zj]+"), ("j", "[zj]+h{0,2}"), ("q", "[qk]+h{0,2}"), ("k", "[kq]+h{0,2}"),
    ("s", "s+h{0,2}"), ("x", "x"),
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
                    out.append("n{0,2}")
                break
        else:
            for unit, pat in _CONS_UNITS:
                if word.startswith(unit, i):
                    out.append(pat)
                    i += len(unit)
                    break
            else:
                if ch in _ASPIRABLE:
                    out.append(regex.escape(ch) + "+h{0,2}")
                    i += 2 if word.startswith(ch + "h", i) else 1
                elif ch == "n" and i == n - 1 and i > 0 and word[i - 1] in "aeiou":
                    out.append("n{0,2}")  # nahin/nahi (and typed twice, as a consonant may be: "bihariyonn")
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
    body = _devanagari_word(body) if _DEVA_CHAR.search(body) else regex.escape(body)
    return body + (r"[\p{L}\p{M}]*" if star else "")


def _noun_forms(word: str, flavour: str) -> list[str]:
    """A noun and its plural and oblique forms (चूहा/चूहे/चूहों, brahman/brahmano, pig/pigs): a
    term ending in "+" matches all of them, since Hindi nouns inflect where group names are used."""
    if flavour == "hi":
        stem, last = word[:-1], word[-1]
        if last in "ाे":  # चूहा/चूहे/चूहों, and ाओं where the word does not change (रोहिंग्याओं, राजाओं)
            return [word, stem + "े", stem + "ा", stem + "ों", stem + "ाओं"]
        if last in "ीि":
            return [word, stem + "ियों", stem + "ियां"]
        if last == "ई":  # ईसाई/ईसाइयों, and the often typed ईसाईओं
            return [word, stem + "इयों", stem + "इयां", stem + "ईओं"]
        if last in "ूु":
            return [word, stem + "ुओं"]
        if last in "ंँ":
            return [word]
        return [word, word + "ों", word + "ें"]
    if flavour == "hi-Latn":
        if word.endswith("a"):
            return [word, word[:-1] + "e", word[:-1] + "on", word[:-1] + "o", word + "on"]
        if word.endswith(("i", "u", "o")):
            return [word, word + "on", word + "yon", word + "o", word + "yo"]
        return [word, word + "on", word + "o", word + "en", word + "ein"]
    return [word, word + "s", word + "es"]


def _exact(term: str, flavour: str) -> bool:
    """A Devanagari term written "=सिख" matches that spelling only: the usual ि/ी, ु/ू and nasal
    variants would make it another word (सीख, a lesson)."""
    return flavour == "hi" and term.startswith("=")


# A number as figures are typed: ASCII or Devanagari digits, with a decimal or thousands separator.
# A term's `<n>` is matched so, and not spelt by its flavour (a raw term would take its set out of the gate).
NUMBER = "<n>"
_NUMBER = "[0-9०-९]+(?:[.,][0-9०-९]+)*"  # the digits as written, not escaped: RE2's copies read no \u


def _with_numbers(word: str, to_regex) -> str:
    return _NUMBER.join(to_regex(piece) if piece else "" for piece in word.split(NUMBER))


@lru_cache(maxsize=None)
def term_body(term: str, flavour: str) -> str:
    """The regex source for one term, without the word edges (and without the "=" of an exact term)."""
    exact = _exact(term, flavour)
    words = fold(term[1:] if exact else term).split()
    to_regex = regex.escape if exact else _romanized_word if flavour == "hi-Latn" else _literal_word
    parts = [_with_numbers(w, regex.escape if flavour == "hi-Latn" else to_regex) if NUMBER in w else to_regex(w)
             for w in words]
    if words and words[-1].endswith("+") and len(words[-1]) > 1:
        forms = _noun_forms(words[-1][:-1], flavour)
        parts[-1] = "(?:" + "|".join(dict.fromkeys(to_regex(f) for f in sorted(forms, key=len, reverse=True))) + ")"
    return _SEPARATORS.get(flavour, r"[\s\-]+").join(parts)


# Between the words of a Devanagari term the emphatic particle ही may stand without changing what is
# said ("अक्ल नहीं" / "अक्ल ही नहीं"). Not भी ("also": "देख लेंगे" is a threat, "देख भी लेंगे" mostly is not)
# nor तो ("नहीं छोड़ेंगे" threatens, "नहीं तो छोड़ेंगे" is "or else ... leave"). Romanized terms list the
# "hi" forms they need: a particle slot in every romanized term made their scans 16% slower.
_SEPARATORS = {"hi": r"[\s\-]+(?:ही[\s\-]+)?", "hi-Latn": r"[\s\-]*"}


def term_pattern(term: str, flavour: str) -> str:
    """The regex source for one term (no compilation)."""
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    return f"{_L}(?:{term_body(term, flavour)}){_R}"


# Skeletons, for the Latin gate in triggers.py: lower-case text without the letters romanized Hindi
# spells freely (vowels, y, h, w, v; also spaces and hyphens), with k/q, j/z and p/f merged and runs
# of a letter collapsed. Every spelling _romanized_word accepts for a word (nahi/nhi/nahee,
# bhrasht/bhrast, zameen/jameen, w/v, ph/f, doubled letters) has the same skeleton, and so does every
# case of a literal English word, so a term can match only where its key occurs in the text's skeleton.
_SKELETON = str.maketrans({**dict.fromkeys("aeiouyhwv-"), "q": "k", "z": "j", "f": "p"})
_RUNS = regex.compile(r"(.)\1+", regex.DOTALL)
_NOT_KEYED = regex.compile(r"[^a-z0-9]")  # anything else ends a key piece: it may be spelt otherwise


def skeleton(text: str) -> str:
    # str.split() drops every character the patterns' \s can match (and a few more, which is harmless)
    return _RUNS.sub(r"\1", "".join(text.split()).translate(_SKELETON))


_KEYED_RUN = regex.compile(r"[a-z0-9]+")
# what a romanized word's first letter is, where the skeleton drops it: a vowel or y (every vowel a romanized
# term starts with is typed as one of these), h, or w/v
_KINDS = {**dict.fromkeys("aeiouy", "V"), "h": "H", "w": "W", "v": "W"}
_RUN_START = regex.compile(r" ([aeiouyhwv])")


def key_text(view: str) -> str:
    """What the Latin gate looks for keys in: the view's skeleton; then each run of Latin letters and digits
    after a space, as written and as a skeleton led by its first letter's kind (_KINDS). A term matches from a
    word's start (no letter, sign or digit before it), which is always a run's start, so latin_keys can mark
    a term's first word as starting a run (" odia" for an English term, " Vd" for a romanized one): a
    skeleton of one letter ("d") is in nearly every Latin text."""
    runs = _KEYED_RUN.findall(view)
    if not runs:
        return skeleton(view)
    written = " " + " ".join(runs) + " "
    kinds = _RUN_START.sub(lambda m: " " + _KINDS[m.group(1)] + m.group(1), written)
    return skeleton(view) + written + _RUNS.sub(r"\1", kinds.translate(_SKELETON))


@lru_cache(maxsize=None)  # shared term sets reach compile_terms once per rule that uses them
def latin_keys(term: str, flavour: str) -> tuple[str, ...] | None:
    """Keys as key_text spells them, one of which every match of a Latin term contains: a piece of its
    skeleton ("" when none is sure), or its first word marked (_first_word_keys); None for a raw regular
    expression (no key can be read from it)."""
    if term.startswith("re:"):
        return None
    words = fold(term.replace(NUMBER, "#")).split()  # a number's digits are not keyed: "#" splits the pieces
    if words and words[-1].endswith("+") and len(words[-1]) > 1:
        words[-1] = words[-1][:-1]  # the noun forms only add letters after the stem
    if flavour == "hi":
        pieces = words  # ही may stand between Devanagari words (term_body) and stays in a skeleton
    else:  # English and romanized words stay joined: spaces leave no skeleton
        pieces, current = [], ""
        for w in words:
            loose_end = False
            if flavour == "hi-Latn":
                w = _DOUBLED.sub(r"\1", w)  # as _romanized_word reads it
                loose_end = w[-1] in "aeioun"
                if len(w) > 1 and w[-1] == "n" and w[-2] in "aeiou":
                    w = w[:-1]  # nahin/nahi: a final nasal n is optional
            current += w
            if loose_end:  # a word ending in a vowel may gain an n (mai/main): the piece ends here
                pieces.append(current)
                current = ""
        pieces.append(current)
    pieces = [p for w in pieces for p in _NOT_KEYED.split(w.replace("*", "#"))]
    longest = max(map(skeleton, pieces), key=len)
    heads = _first_word_keys(words[0], flavour, alone=len(words) == 1 and not term.endswith("+")) if words else ()
    return heads if heads and len(heads[0]) > len(longest) else (longest,)


def _first_word_keys(word: str, flavour: str, alone: bool) -> tuple[str, ...]:
    """A term's first word as key_text marks a run's start (none where it starts with no letter or digit):
    an English (literal) word as written, a romanized one as its first letter's kind and its skeleton (" Vd"
    for "odia": a skeleton of one letter is in nearly every Latin text, a word starting so in far fewer).
    Where the word is the whole term, with no "*" or "+", its end is marked too (" hate ", " b " for
    "babu"); a romanized word ending in a vowel or a nasal n may be typed with or without the n (" bn ")."""
    if flavour == "hi-Latn":
        word = _DOUBLED.sub(r"\1", word)
        if len(word) > 1 and word[-1] == "n" and word[-2] in "aeiou":
            word = word[:-1]  # as latin_keys reads a final nasal n
    piece = _NOT_KEYED.split(word.replace("*", "#"))[0]
    if not piece:
        return ()
    whole = alone and piece == word
    if flavour != "hi-Latn":
        return (" " + piece + (" " if whole else ""),)
    key = " " + _KINDS.get(piece[0], "") + skeleton(piece)
    if not whole:
        return (key,)
    return tuple(dict.fromkeys((key + " ", _RUNS.sub(r"\1", key + "n") + " ") if word[-1] in "aeiou" else (key + " ",)))


_WORDY = regex.compile(r"^\w.*\w[*+]?$|^\w$", regex.V1)


_FLAGS = regex.V1 | regex.WORD


@lru_cache(maxsize=4096)
def _scripts(text: str) -> str:
    """'deva' or 'latn' when a text holds letters of one of the two scripts only, else 'all'
    (both, or neither: digits and emoji are scanned with both)."""
    deva, latn = _DEVA_CHAR.search(text) is not None, _LATN_CHAR.search(text) is not None
    return "deva" if deva and not latn else "latn" if latn and not deva else "all"


class TermPattern:
    """A term list compiled into one alternation per script (Devanagari, Latin), each on first use.

    A sentence in one script is scanned only with that script's terms (and the script-neutral ones:
    emoji, digits, raw patterns): scanning is the rules' main cost and most sentences use one script.
    A mixed sentence is scanned with both and the matches merged in order. Compiling on first use also
    keeps start-up short: a Hindi draft never compiles the Latin terms. Same interface as the `regex`
    pattern methods the rules use (`finditer`, `search`, `pattern`).
    """
    __slots__ = ("pattern", "_sources", "_compiled", "_by_scripts", "latin_keys")

    def __init__(self, sources: dict[str, str | None], latin_keys: frozenset[str] | None = None):
        self.pattern = sources["all"]  # the source, for sizing; never compiled
        self._sources = sources
        self.latin_keys = latin_keys  # see latin_keys; None: no key for some term (triggers.py)
        self._compiled: dict[str, regex.Pattern | None] = {}
        self._by_scripts: dict[str, list] = {}  # _scripts() key -> the compiled patterns to scan with

    def _get(self, key: str):
        try:
            return self._compiled[key]
        except KeyError:
            src = self._sources[key]
            pat = self._compiled[key] = term_cache.compiled_regex(src, _FLAGS) if src else None
            return pat

    def _patterns(self, text: str) -> list:
        key = _scripts(text)
        try:
            return self._by_scripts[key]
        except KeyError:
            keys = ("deva", "latn") if key == "all" else (key,)
            pats = self._by_scripts[key] = [p for p in map(self._get, keys) if p is not None]
            return pats

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, timeout=None):
        end = len(text) if endpos is None else endpos
        pats = self._patterns(text)
        if len(pats) < 2:
            return pats[0].finditer(text, pos, end, timeout=timeout) if pats else iter(())
        found = [list(p.finditer(text, pos, end, timeout=timeout)) for p in pats]
        if not found[0] or not found[1]:
            return iter(found[0] or found[1])
        return _merged(found)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, timeout=None):
        return next(iter(self.finditer(text, pos, endpos, timeout)), None)


class TermUnion(TermPattern):
    """Term patterns scanned as one: a rule's own terms beside the shared `@set`s it names. Each shared
    set is compiled once however many rules combine it (one alternation per combination compiled the
    group nouns five times over: a third of the regex compilation in each worker). The sources are joined for the gate
    (triggers.py) and for sizing; they are never compiled here."""
    __slots__ = ("parts",)

    def __init__(self, parts: tuple[TermPattern, ...]):
        sources = {key: "|".join(p._sources[key] for p in parts if p._sources[key]) or None
                   for key in ("all", "deva", "latn")}
        keys = None if any(p.latin_keys is None for p in parts) else frozenset().union(*(p.latin_keys for p in parts))
        super().__init__(sources, keys)
        self.parts = parts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, timeout=None):
        found = [ms for ms in (list(p.finditer(text, pos, endpos, timeout)) for p in self.parts) if ms]
        if len(found) < 2:
            return iter(found[0] if found else ())
        return _merged(found)


def union(parts) -> TermPattern | None:
    """One pattern for several (None where there is nothing to match)."""
    parts = tuple(dict.fromkeys(p for p in parts if p is not None))
    return None if not parts else parts[0] if len(parts) == 1 else TermUnion(parts)


def _merged(match_lists):
    """Matches of several patterns in text order, without overlaps (the longer wins at one start),
    as one alternation's finditer would give them."""
    last_end = -1
    for m in heapq.merge(*match_lists, key=lambda m: (m.start(), -m.end())):
        if m.start() >= last_end:
            last_end = m.end()
            yield m


# One token of a term body's regex source: a group (nested groups inside), a character class, an escape
# or a character, with its quantifier. The sources are our own (term_body), so this suffices.
_BODY_TOKEN = regex.compile(r"""
    (?: (?P<group> \( (?: \\. | \[(?:\\.|[^\]\\])*\] | [^()\[\\] | (?&group) )* \) )
      | \[(?:\\.|[^\]\\])*\] | \\[pP]\{[^}]*\} | \\. | . )
    (?: (?:[+*?]|\{\d*,?\d*\}) [?+]? )?""", regex.VERBOSE | regex.DOTALL)


@lru_cache(maxsize=None)  # each body appears in two or three alternations (all, deva, latn)
def _tokens(src: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _BODY_TOKEN.finditer(src))


def _spelled_out(body: str) -> list[tuple[str, ...]]:
    """A body's tokens; one token list per form where the body ends in a plain group of forms
    ("brahman(?:|o|on)", the noun forms of a "+" term), so that the forms' shared stem is factored."""
    tokens = _tokens(body)
    if "|" in tokens:  # not made by term_body: kept whole
        return [(f"(?:{body})",)]
    last = tokens[-1] if tokens else ""
    if not (last.startswith("(?:") and last.endswith(")")):
        return [tokens]
    forms: list[list[str]] = [[]]
    for t in _tokens(last[3:-1]):
        if t == "|":
            forms.append([])
        else:
            forms[-1].append(t)
    return [tokens[:-1] + tuple(f) for f in forms]


def _trie(seqs: list[tuple[str, ...]]) -> str:
    """The alternation of token lists, in their order, with those that share a first token merged under it."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        groups.setdefault(seq[0] if seq else "", []).append(seq[1:])
    parts = []
    for head, rests in groups.items():
        rests = list(dict.fromkeys(rests))
        if len(rests) == 1:
            parts.append(head + "".join(rests[0]))
            continue
        shared = 0  # tokens every rest begins with: one group after them, not one per token
        while all(len(r) > shared and r[shared] == rests[0][shared] for r in rests):
            shared += 1
        parts.append(head + "".join(rests[0][:shared]) + f"(?:{_trie([r[shared:] for r in rests])})")
    return "|".join(parts)


def _factored(bodies) -> str:
    """The alternation of `bodies`, longest first (ties by text, so every process builds the same
    pattern), as a tree: alternatives that share leading tokens are merged under them, the noun
    forms of a term too ("[kq]+h{0,2}aa|[kq]+h{0,2}i" becomes "[kq]+h{0,2}(?:aa|i)"). At each word start the
    engine then reads a shared stem once instead of once per term and form. Measured: see
    docs/benchmarks.md, section 4."""
    seqs = [s for b in bodies for s in _spelled_out(b)]
    return _trie(sorted(dict.fromkeys(seqs), key=lambda s: (-len("".join(s)), "".join(s))))


def _alternation(wordy, other, raws) -> str | None:
    # One pair of word edges around all terms (compiling is the slow part of start-up), longer
    # alternatives first so the widest phrase wins. \m and \M are the regex module's Unicode word
    # edges (they keep Devanagari vowel signs inside words) and scan faster than lookarounds.
    parts = []
    if wordy:
        parts.append(r"\m(?:" + _factored(wordy) + r")\M")
    if other:
        parts.append(f"{_L}(?:" + _factored(other) + f"){_R}")
    parts.extend(sorted(raws, key=lambda r: (-len(r), r)))
    return "|".join(parts) or None


def compile_terms(terms_by_flavour: dict[str, list[str]]) -> TermPattern | None:
    """Raises regex.error for a bad raw (`re:`) term, so packs are checked when they load."""
    key = tuple((flavour, tuple(terms)) for flavour, terms in terms_by_flavour.items())
    if key not in _BY_TERMS:  # a shared set is asked for by every rule that names it
        disk_key = term_cache.key(terms_by_flavour)
        built = term_cache.get(disk_key)
        if built is None:
            built = _build(terms_by_flavour)
            term_cache.put(disk_key, built)
        sources, keys = built
        # Rules that share a term set (the group nouns of six hate rules) share one pattern, compiled once.
        _BY_TERMS[key] = None if sources is None else _INTERNED.setdefault(
            tuple(sources.items()), TermPattern(sources, None if keys is None else frozenset(keys)))
    return _BY_TERMS[key]


def _build(terms_by_flavour: dict[str, list[str]]) -> tuple[dict | None, list | None]:
    """The regex sources of a term set (by script: all, deva, latn) and its gate keys (None: some term has none)."""
    buckets = {key: (set(), set()) for key in ("all", "deva", "latn")}  # (wordy, other)
    raws = {key: set() for key in buckets}
    keys: set[str] | None = set()
    for flavour, terms in terms_by_flavour.items():
        for t in terms:
            if t.startswith("re:"):
                regex.compile(t[3:], _FLAGS)
                # one in the Devanagari list, with no Latin letter, leaves the Latin alternation and its gate
                # keys alone: otherwise the whole set would be scanned in every Latin text
                deva_only = flavour == "hi" and _deva_only(t[3:])
                for key in ("all", "deva") if deva_only else buckets:
                    raws[key].add(f"(?:{t[3:]})")
                if not deva_only:
                    keys = None
                continue
            folded = fold(t[1:] if _exact(t, flavour) else t)
            body = term_body(t, flavour)
            which = 0 if _WORDY.match(folded) else 1  # starts or ends with punctuation: "sec.", "100%"
            letters = folded.replace(NUMBER, "")
            deva, latn = bool(_DEVA_CHAR.search(letters)), bool(_LATN_CHAR.search(letters))
            # a one-script term joins its script's alternation; a mixed or script-less one joins both
            for key in ("all",) + (() if latn and not deva else ("deva",)) + (() if deva and not latn else ("latn",)):
                buckets[key][which].add(body)
            if keys is not None and not (deva and not latn):
                keys.update(latin_keys(t, flavour))
    if not any(raws.values()) and not any(w or o for w, o in buckets.values()):
        return None, None
    return ({key: _alternation(w, o, raws[key]) for key, (w, o) in buckets.items()},
            None if keys is None else sorted(keys))


# A raw term's escapes and property classes ("\s", "\p{L}") hold Latin letters that match none
_ESCAPES = regex.compile(r"\\[pP]\{[^}]*\}|\\.")


def _deva_only(src: str) -> bool:
    """Whether a raw term names Devanagari letters and no Latin ones (its escapes aside): written for
    Devanagari text, as the terms of a `hi` list are."""
    plain = _ESCAPES.sub("", src)
    return bool(_DEVA_CHAR.search(plain)) and not _LATN_CHAR.search(plain)


_INTERNED: dict[tuple, TermPattern] = {}
_BY_TERMS: dict[tuple, TermPattern | None] = {}


def finditer(pattern, text: str, pos: int = 0, endpos: int | None = None):
    """`finditer` under a timeout; a pattern that runs away raises TimeoutError."""
    return pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=REGEX_TIMEOUT)
