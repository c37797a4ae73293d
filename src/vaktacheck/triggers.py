"""Which term rules could fire in a text, found without running them.

Most rules match nothing in most texts, and the `regex` module scans each rule's alternation
separately (a few microseconds to a hundred per sentence each). The gate asks, for every term set at
once, whether it could match anywhere in the text, and the checker skips a rule unless all its sets
could. It may let too much through, never too little:

- Devanagari: RE2's FilteredRE2 (`re2.Filter`) reduces a looser RE2 copy of each set's Devanagari
  alternation (word edges and lookarounds dropped, whitespace widened) to the literal pieces ("atoms")
  it cannot match without, and finds the atoms of all sets in one pass. A set RE2 cannot copy soundly
  (a raw term with `\\w`, `\\b`, lookarounds ...) is not gated.
- Latin: romanized Hindi has no fixed spelling, so each term gets a key in the text's *skeleton*
  instead (matching.latin_keys: vowels, h, y, w, v dropped, runs collapsed; or a term's first word marked
  as a word's start, where that key is longer), and one RE2 literal set finds every key present. A set
  with a raw regular expression is not gated.

Both answers are loose (short keys such as "mc" are in most Latin texts): a rule they let through
is then asked once more, of each of its sets, by a search with a tighter RE2 copy of the whole set
(word edges kept), compiled on first need; each set is searched at most once per text. A set that
matched nowhere costs the `regex` module a full scan of each sentence, the tighter copy a few
microseconds (measured: docs/benchmarks.md, section 4).
"""
from __future__ import annotations

import re2
import regex

from . import term_cache
from .document import _DEVA_CHAR
from .matching import _L, _LATN_CHAR, _R, TermPattern, key_text

# One token of a regex source: an escape, a character class, or any other character.
_TOKEN = regex.compile(r"\\[pP]\{[^}]*\}|\\.|\[(?:\\.|[^\]\\])*\]|.", regex.DOTALL)
# Escapes RE2 reads as ASCII-only where `regex` reads Unicode (\\s is widened instead), escapes and
# class operators RE2 lacks (checked per token), and groups, flags and quantifiers it lacks.
_UNSAFE = regex.compile(r"\\[wWdDbBSAZGKXRN]|\[\[|--|&&|~~|\|\|")
_UNSAFE_SEQUENCE = regex.compile(r"\(\?[<=!>|P#]|\(\?[a-z]*-|[*+?}][+?]?\+")


# For the tighter copies: characters that are surely word characters for `regex` (Latin letters and
# digits, Devanagari letters, signs and digits, not the dandas); any other character, or the text's
# start or end, stands for a word edge. RE2 has no \m, so the edge character is consumed, which does
# not matter when all that is asked is whether a set matches.
_WORD_CHARS = r"a-zA-Z0-9\x{0900}-\x{0963}\x{0966}-\x{096F}\x{0971}-\x{097F}"
_EDGES = {r"\m": f"(?:^|[^{_WORD_CHARS}])", r"\M": f"(?:$|[^{_WORD_CHARS}])"}


def re2_source(src: str, edges: bool = False) -> str | None:
    """A looser RE2 copy of one of our `regex` sources, or None where no sound copy is made: without
    word edges (for the atoms and keys), or, with `edges`, with them, and any character in place of a
    Unicode property class (which compiles slowly in RE2 and only narrows a match)."""
    src = src.replace(_L, r"\m" if edges else "").replace(_R, r"\M" if edges else "")
    out = []
    for tok in _TOKEN.findall(src):
        if tok in (r"\m", r"\M"):
            out.append(_EDGES[tok] if edges else "")  # dropping an edge only widens the match
            continue
        if edges and (tok.startswith((r"\p", r"\P")) or tok.startswith("[") and ("\\p" in tok or "\\P" in tok)):
            tok = "(?s:.)"
        elif tok == r"\s":  # RE2's \s is ASCII whitespace only; `regex` counts \v and U+0085 too
            tok = r"[\s\p{Z}\x0b\x85]"
        elif tok.startswith("[") and r"\s" in tok:
            tok = tok.replace(r"\s", r"\s\p{Z}\x0b\x85")
        elif _UNSAFE.search(tok):
            return None
        out.append(tok)
    copy = "".join(out)
    return None if _UNSAFE_SEQUENCE.search(copy) else copy


def cached_re2_source(src: str, edges: bool = False) -> str | None:
    """re2_source, kept in the term cache: building the copies a first check needs took 0.07 s of a
    cold run (measured on examples/rally-speech-hi.txt)."""
    return term_cache.cached(("re2-edges:" if edges else "re2:") + src, lambda: re2_source(src, edges))


class Triggers:
    """For each gated rule, the term sets that must all match somewhere in a text for it to fire:
    a terms or pattern rule's one pattern, every set of a co-occurrence rule that RE2 can copy (a pronoun
    standing for its antecedent still needs the antecedent in the sentence before). Named shared sets that code
    consults directly (the analysers', the guards') are gated too, under "@name"."""

    def __init__(self, rules, named_sets: dict[str, TermPattern] | None = None):
        options = re2.Options()
        options.never_capture = True
        options.log_errors = False  # a set RE2 cannot parse is simply left ungated (below)
        self._filter = re2.Filter()
        self._devanagari: dict[str, int] = {}  # RE2 copy -> its index in the filter
        literal = re2.Options()
        literal.literal = True
        self._key_set = re2.Set.SearchSet(literal)
        self._keys: dict[str, int] = {}  # Latin key -> its index in the key set
        gates: dict[tuple, int] = {}  # (Devanagari gate, Latin gate) of a term set -> its bit
        self._needs: dict[str, int] = {}  # rule id -> the bits of its term sets
        self._sets: dict[str, list[TermPattern]] = {}  # rule id or "@name" -> its term sets, for the second look
        self._copies: dict = {}  # term set -> its tighter RE2 copy (None: no sound copy), compiled on first need
        self._options = options
        for rule in rules:
            if rule.kind == "analyser":  # gated on its terms, if it has any; the analyser asks (`may`)
                pats = [rule.pattern] if rule.pattern is not None else []
            else:
                pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
            if not pats or not all(isinstance(p, TermPattern) for p in pats):
                continue
            # a rule fires only where every one of its sets matches, so the sets that can be gated gate it
            # even when one cannot (a raw pattern RE2 cannot copy: VC217's and VC219's verbs)
            pairs = [(p, (self._devanagari_gate(p, options), self._latin_gate(p))) for p in pats]
            gated = [(p, g) for p, g in pairs if None not in g]
            if gated:
                for _, g in gated:
                    gates.setdefault(g, 1 << len(gates))
                self._needs[rule.id] = sum({gates[g] for _, g in gated})
                self._sets[rule.id] = [p for p, _ in gated]
        for name, p in (named_sets or {}).items():
            g = (self._devanagari_gate(p, options), self._latin_gate(p))
            if None not in g:
                self._needs["@" + name] = gates.setdefault(g, 1 << len(gates))
                self._sets["@" + name] = [p]
        if self._devanagari:
            self._filter.Compile()
        self._key_set.Add("")  # matches every text: an empty answer would mean RE2 gave up
        self._key_set.Compile()
        # Which term sets each atom or key found opens, as bits, so a text's answer is a few ORs.
        self._by_atom, self._by_key = [0] * len(self._devanagari), [0] * (len(self._keys) + 1)
        self._latin_always = 0
        for (d, l), bit in gates.items():
            if d is not False:
                self._by_atom[d] |= bit
            if l is True:
                self._latin_always |= bit
            elif l is not False:
                for k in l:
                    self._by_key[k] |= bit

    # A gate is None (not gated: assume it matches), False (no terms in that script: it cannot
    # match), True (matches every text), or the index of its RE2 copy or a frozenset of key indices.
    def _devanagari_gate(self, p: TermPattern, options):
        src = p._sources.get("deva")
        if src is None:
            return False
        copy = cached_re2_source(src)
        if copy is None:
            return None
        if copy not in self._devanagari:
            try:
                self._devanagari[copy] = self._filter.Add(copy, options)
            except re2.error:  # syntax RE2 does not know (a user pack's raw term): not gated
                return None
        return self._devanagari[copy]

    def _latin_gate(self, p: TermPattern):
        if p._sources.get("latn") is None:
            return False
        if p.latin_keys is None:
            return None
        if "" in p.latin_keys:
            return True
        ids = []
        for k in p.latin_keys:
            if k not in self._keys:
                self._keys[k] = self._key_set.Add(k)
            ids.append(self._keys[k])
        return frozenset(ids)

    def possible(self, view: str) -> set[str] | None:
        """Ids of the gated rules whose every term set could match somewhere in `view` (and "@name"
        of the named sets that could); None (nothing ruled out) for a text with letters of neither
        script (digits and emoji match both). Ungated rules and sets are never ruled out: see `may`."""
        opened = self._opened(view)
        return None if opened is None else {rid for rid, bits in self._needs.items() if bits & opened == bits}

    def _opened(self, view: str) -> int | None:
        """The bits of the term sets that could match in `view` (possible's answer before it is read per rule)."""
        deva, latn = _DEVA_CHAR.search(view) is not None, _LATN_CHAR.search(view) is not None
        if not (deva or latn):
            return None
        opened = 0
        if deva and self._devanagari:
            for i in self._filter.Match(view, True) or ():
                opened |= self._by_atom[i]
        if latn:
            keys = self._key_set.Match(key_text(view))
            if keys is None:
                return None
            opened |= self._latin_always
            for i in keys:
                opened |= self._by_key[i]
        return opened

    def gated(self, rule_id: str) -> bool:
        return rule_id in self._needs

    def gate(self, view: str):
        """For one text, a test: could rule `key` (or named set "@name") match in it? `possible`
        answers first; a key it lets through is then asked of each of its sets' tighter copies."""
        opened = self._opened(view)
        if opened is None:
            return _anything
        encoded = view.encode()
        found: dict[TermPattern, bool] = {}  # each set searched at most once per text

        def matches(p: TermPattern) -> bool:
            if p not in found:
                found[p] = any(self._search(q, encoded) for q in getattr(p, "parts", (p,)))
            return found[p]

        def may(key: str) -> bool:
            bits = self._needs.get(key)
            if bits is None:
                return True
            return bits & opened == bits and all(matches(p) for p in self._sets[key])
        return may

    def _search(self, p: TermPattern, encoded: bytes) -> bool:
        if p not in self._copies:
            copy = cached_re2_source(p.pattern, edges=True)
            try:
                self._copies[p] = None if copy is None else re2.compile(copy.encode(), self._options)
            except re2.error:
                self._copies[p] = None
        copy = self._copies[p]
        return copy is None or copy.search(encoded) is not None


def _anything(key: str) -> bool:
    return True

