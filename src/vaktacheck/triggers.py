"""Which term rules could fire in a Devanagari text, from one RE2 pass over it.

Most rules match nothing in most texts, and the `regex` module scans each rule's alternation
separately (a few microseconds to a hundred per sentence each). RE2's FilteredRE2 (`re2.Filter`)
reduces every term set to the literal pieces ("atoms") it cannot match without, and finds all atoms
of all sets in one pass; the checker then skips the rules whose sets cannot all match.

The RE2 patterns are looser copies of the `regex` ones (word edges and lookarounds dropped,
whitespace widened), so they match wherever the originals do, and a set reduced to no atoms always
counts as possible: the gate may let too much through, never too little. A set RE2 cannot copy
soundly (a raw term with `\\w`, `\\b`, lookarounds ...) leaves its rule ungated. Only texts without
Latin letters are gated: the romanized-Hindi spellings are too loose to reduce to atoms, so on Latin
text the gate would let every rule through anyway.
"""
from __future__ import annotations

import re2
import regex

from .matching import _L, _LATN_CHAR, _R, TermPattern

# One token of a regex source: an escape, a character class, or any other character.
_TOKEN = regex.compile(r"\\[pP]\{[^}]*\}|\\.|\[(?:\\.|[^\]\\])*\]|.", regex.DOTALL)
# Escapes RE2 reads as ASCII-only where `regex` reads Unicode (\\s is widened instead), escapes and
# class operators RE2 lacks (checked per token), and groups, flags and quantifiers it lacks.
_UNSAFE = regex.compile(r"\\[wWdDbBSAZGKXRN]|\[\[|--|&&|~~|\|\|")
_UNSAFE_SEQUENCE = regex.compile(r"\(\?[<=!>|P#]|\(\?[a-z]*-|[*+?}][+?]?\+")


def re2_source(src: str) -> str | None:
    """A looser RE2 copy of one of our `regex` sources, or None where no sound copy is made."""
    src = src.replace(_L, "").replace(_R, "")
    out = []
    for tok in _TOKEN.findall(src):
        if tok in (r"\m", r"\M"):  # word edges: dropping them only widens the match
            continue
        if tok == r"\s":  # RE2's \s is ASCII whitespace only
            tok = r"[\s\p{Z}]"
        elif tok.startswith("[") and r"\s" in tok:
            tok = tok.replace(r"\s", r"\s\p{Z}")
        elif _UNSAFE.search(tok):
            return None
        out.append(tok)
    copy = "".join(out)
    return None if _UNSAFE_SEQUENCE.search(copy) else copy


class Triggers:
    """For each gated rule, the term sets that must all match somewhere in a text for it to fire:
    a terms or pattern rule's one pattern, every set of a co-occurrence rule (a pronoun standing for
    its antecedent still needs the antecedent in the sentence before)."""

    def __init__(self, rules):
        self._filter = re2.Filter()
        self._needs: dict[str, list[int]] = {}  # rule id -> the Devanagari copy of each of its term sets
        index: dict[str, int] = {}
        options = re2.Options()
        options.never_capture = True
        for rule in rules:
            if rule.kind == "analyser":
                continue
            pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
            if not all(isinstance(p, TermPattern) for p in pats):
                continue
            copies = [re2_source(p._sources["deva"]) if p._sources.get("deva") else "" for p in pats]
            if None in copies:
                continue  # no sound copy: the rule is not gated
            if "" in copies:
                self._needs[rule.id] = []  # a set with no Devanagari terms: never fires on Devanagari text
                continue
            self._needs[rule.id] = [index[c] if c in index else index.setdefault(c, self._filter.Add(c, options))
                                    for c in copies]
        if index:
            self._filter.Compile()
        else:
            self._needs = {}

    def possible(self, view: str) -> set[str] | None:
        """Ids of the gated rules whose every term set could match somewhere in `view`; None (no rule
        is ruled out) when `view` has Latin letters."""
        if not self._needs or _LATN_CHAR.search(view):
            return None
        hits = set(self._filter.Match(view, True) or ())
        return {rid for rid, ids in self._needs.items() if ids and all(i in hits for i in ids)}

    def gated(self, rule_id: str) -> bool:
        return rule_id in self._needs
