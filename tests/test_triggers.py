"""The RE2 gate may let too many rules through, never too few."""
import re2
import regex
import pytest

from vaktacheck import Checker, Config
from vaktacheck.document import Document
from vaktacheck.matching import _FLAGS, TermPattern, compile_terms, finditer
from vaktacheck.triggers import Triggers, re2_source

_CHECKER = Checker(Config(model=False))
_EXAMPLES = [ex for r in _CHECKER.all_rules for ex in r.flag_examples + r.pass_examples]


def _term_sets():
    for rule in _CHECKER.all_rules:
        pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
        for p in pats:
            if isinstance(p, TermPattern) and p._sources.get("deva"):
                yield rule.id, p


@pytest.mark.parametrize("rule_id,pattern", list(_term_sets()), ids=lambda x: x if isinstance(x, str) else "")
def test_re2_copy_matches_wherever_the_original_does(rule_id, pattern):
    copy = re2_source(pattern._sources["deva"])
    assert copy is not None, f"{rule_id}: a built-in Devanagari term set has no RE2 copy"
    original, loose = regex.compile(pattern._sources["deva"], _FLAGS), re2.compile(copy)
    for ex in _EXAMPLES:
        view = Document(ex.text, "<t>").view
        for m in original.finditer(view):
            assert loose.search(m.group()), (rule_id, m.group())


def test_gate_lets_every_flagged_rule_through():
    for rule in _CHECKER.all_rules:
        for ex in rule.flag_examples:
            view = Document(ex.text, "<t>").view
            possible = _CHECKER._triggers.possible(view)
            if possible is not None and _CHECKER._triggers.gated(rule.id):
                assert rule.id in possible, (rule.id, ex.text)


def test_gate_rules_out_sets_that_cannot_match():
    possible = _CHECKER._triggers.possible(Document("आज मौसम अच्छा है और बाज़ार खुले हैं।", "<t>").view)
    assert possible is not None and "VC304" not in possible  # no violent verb, no group


def test_latin_text_is_not_gated():
    assert _CHECKER._triggers.possible("kal rally hai, sab aana") is None


@pytest.mark.parametrize("source", [r"\bराम\b", r"(?<!क)राम", r"\w+राम", r"राम(?=\s)", r"[\w]", r"\d+"])
def test_no_copy_where_re2_would_read_it_differently(source):
    assert re2_source(source) is None


def test_copy_widens_word_edges_and_whitespace():
    assert re2_source(r"\m(?:राम\s+राज)\M") == r"(?:राम[\s\p{Z}]+राज)"
    assert re2_source(r"[\s\-]+") == r"[\s\p{Z}\-]+"


def test_a_user_pack_with_unsafe_raw_terms_is_simply_not_gated():
    pat = compile_terms({"hi": [r"re:(?<!न)हिंसा"]})

    class Rule:
        id, kind, pattern, sets = "X1", "terms", pat, {}
    triggers = Triggers([Rule])
    assert not triggers.gated("X1")
    assert list(finditer(pat, "हिंसा"))  # the rule itself still matches
