"""The RE2 gate may let too many rules through, never too few."""
from pathlib import Path

import pytest
import re2
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaktacheck import Checker, Config, checker
from vaktacheck.document import Document
from vaktacheck.matching import _FLAGS, TermPattern, compile_terms, finditer, key_text, latin_keys
from vaktacheck.triggers import Triggers, re2_source

_CHECKER = Checker(Config(model=False))
_GATE = _CHECKER.triggers  # built now, not after the first few thousand characters
_EXAMPLES = [ex for r in _CHECKER.all_rules for ex in r.flag_examples + r.pass_examples]


def _term_sets():
    for rule in _CHECKER.all_rules:
        pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
        for p in pats:
            if isinstance(p, TermPattern) and p._sources.get("deva"):
                yield rule.id, p


def _term_sets_all():
    for rule in _CHECKER.all_rules:
        pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
        for p in pats:
            for q in getattr(p, "parts", (p,)):
                if isinstance(q, TermPattern):
                    yield rule.id, q


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
            possible = _GATE.possible(view)
            if possible is None or not _GATE.gated(rule.id):
                continue
            if rule.kind == "analyser" and rule.pattern.search(view) is None:
                continue  # an analyser is gated on its own terms only; VC601 also fires on a context flag
            assert rule.id in possible, (rule.id, ex.text)
            assert _GATE.gate(view)(rule.id), (rule.id, ex.text)  # the second look too


def test_gate_lets_through_every_named_set_that_matches():
    from vaktacheck.analysers import GATED_SETS, shared_set
    from vaktacheck.guards import GUARD_NAMES, guard_pattern
    named = {**{n: shared_set(n) for n in GATED_SETS}, **{f"guard-{g}": guard_pattern(g) for g in GUARD_NAMES}}
    gated = [n for n in named if _GATE.gated("@" + n)]
    assert "ai-media-strong" in gated and "guard-condemnation" in gated
    seen = set()
    # the rules' examples, and lines for the sets only `score` reads
    texts = [ex.text for rule in _CHECKER.all_rules for ex in rule.flag_examples + rule.pass_examples]
    texts += ["hijde bhi insaan hain", "मुझे समलैंगिक लोगों से कोई दिक्कत नहीं", "ye property dealer sab dhokebaaz hote hain",
              "ये टीवी एंकर सब बिके हुए हैं।", "Muslims are human too."]
    # and the functional suites, whose group words (misspelt, inflected, fused) `score`'s group tests gate on
    from vaktacheck.model.group_hate import load_suite
    texts += [c["text"] for p in sorted(Path(__file__).parents[1].joinpath("data", "functional").glob("*.tsv"))
              for c in load_suite(p)]
    for text in texts:
        view = Document(text, "<t>").view
        may = _GATE.gate(view)
        for n in gated:
            if named[n].search(view) is not None:
                seen.add(n)
                assert may("@" + n), (n, text)
    assert len(seen) >= len(gated) - 1  # the examples exercise (nearly) every gated set


def test_gate_rules_out_sets_that_cannot_match():
    possible = _GATE.possible(Document("आज मौसम अच्छा है और बाज़ार खुले हैं।", "<t>").view)
    assert possible is not None and "VC304" not in possible  # no violent verb, no group


def test_text_without_letters_is_not_gated():
    assert _GATE.possible("100 % 🔪 !!") is None


@pytest.mark.parametrize("source", [r"\bराम\b", r"(?<!क)राम", r"\w+राम", r"राम(?=\s)", r"[\w]", r"\d+"])
def test_no_copy_where_re2_would_read_it_differently(source):
    assert re2_source(source) is None


def test_copy_widens_word_edges_and_whitespace():
    assert re2_source(r"\m(?:राम\s+राज)\M") == r"(?:राम[\s\p{Z}\x0b\x85]+राज)"
    assert re2_source(r"[\s\-]+") == r"[\s\p{Z}\x0b\x85\-]+"


def test_the_tighter_copy_keeps_word_edges_and_matches_wherever_the_original_does():
    original = compile_terms({"hi-Latn": ["chor"], "hi": ["चोर"], "en": ["thief*"]})
    tight = re2.compile(re2_source(original.pattern, edges=True))
    for text in ["ye chor hai", "chor", "चोर है", "(चोर)", "thiefdom! all", "a\u0085chor", "x\u000bchor"]:
        assert original.search(text) and tight.search(text), text
    for text in ["chorus line", "चोरी हुई", "achor", "chor1", "चोरों"]:
        assert not original.search(text) and not tight.search(text), text


@pytest.mark.parametrize("rule_id,pattern", list(_term_sets_all()), ids=lambda x: x if isinstance(x, str) else "")
def test_tighter_copy_matches_wherever_the_original_does(rule_id, pattern):
    copy = re2_source(pattern.pattern, edges=True)
    assert copy is not None, f"{rule_id}: a built-in term set has no tighter RE2 copy"
    tight = re2.compile(copy)
    for ex in _EXAMPLES:
        view = Document(ex.text, "<t>").view
        if pattern.search(view):
            assert tight.search(view), (rule_id, view)


def test_a_user_pack_with_unsafe_raw_terms_is_simply_not_gated():
    pat = compile_terms({"hi": [r"re:(?<!न)हिंसा"]})

    class Rule:
        id, kind, pattern, sets = "X1", "terms", pat, {}
    triggers = Triggers([Rule])
    assert not triggers.gated("X1")
    Rule.pattern = compile_terms({"hi": [r"re:\p{Script=Devanagari}+ंसा"]})  # valid for regex, not for RE2
    assert not Triggers([Rule]).gated("X1")
    assert list(finditer(pat, "हिंसा"))  # the rule itself still matches


def test_a_cooccurrence_rule_is_gated_on_the_sets_re2_can_copy():
    # one set a raw pattern RE2 cannot copy, another plain terms: the rule still needs the plain set
    class Rule:
        id, kind, pattern = "X2", "cooccur", None
        sets = {"verb": compile_terms({"hi": [r"re:(?<!न)करते हैं"]}), "group": compile_terms({"hi": ["किसान"]})}
    triggers = Triggers([Rule])
    assert triggers.gated("X2")
    assert not triggers.gate("आज बाज़ार में भीड़ है।")("X2")
    assert triggers.gate("किसान खेती करते हैं।")("X2")
    assert _GATE.gated("VC217") and _GATE.gated("VC219")   # their verb sets are such raw patterns


def _latin_sets():
    for rule in _CHECKER.all_rules:
        pats = [rule.pattern] if rule.kind in ("terms", "pattern") else list(rule.sets.values())
        for p in pats:
            if isinstance(p, TermPattern) and p._sources.get("latn") and p.latin_keys is not None:
                yield rule.id, p


@pytest.mark.parametrize("rule_id,pattern", list(_latin_sets()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_latin_match_holds_one_of_its_keys(rule_id, pattern):
    original = regex.compile(pattern._sources["latn"], _FLAGS)
    for ex in _EXAMPLES:
        for m in original.finditer(Document(ex.text, "<t>").view):
            assert any(k in key_text(m.group()) for k in pattern.latin_keys), (rule_id, m.group())


@pytest.mark.parametrize("term,spellings", [
    ("nahi", ["nahi", "nahin", "nhi", "nahee"]), ("bhrasht", ["bhrasht", "bhrast", "bhrashth"]),
    ("zameen", ["zameen", "jameen", "zamin", "jamin"]), ("vote", ["vote", "wote"]),
    ("paap lagega", ["paap lagega", "pap lagega", "paap lgega", "paaplagega"]),
    ("mai hoon", ["main hoon", "mai hun"]), ("kaun hai", ["kawn hai", "kon hai"]),
    ("phir", ["fir", "phhir"]), ("gaddar+", ["gaddaron", "gadar", "gaddaaro"]), ("chuha+", ["chuhe", "chuhon"]),
    ("jaann", ["jaa", "jaan"]), ("desh*drohi", ["deshdrohi", "desh ke drohi"]),
    ("babu", ["babu", "baabu", "babun", "babbu"]), ("ahir+", ["ahir", "aheer", "ahiron"]),
    ("odiya", ["odiya", "odiyaa", "odiyan"]), ("wahabi+", ["wahabi", "vahaabi", "wahabiyon"]),
    ("hote", ["hote", "hotey", "hoten"]), ("ye", ["ye", "yeh", "yen"]),
])
def test_a_romanized_term_key_is_in_every_spelling_it_matches(term, spellings):
    keys = latin_keys(term, "hi-Latn")
    source = compile_terms({"hi-Latn": [term]})._sources["latn"]
    for s in spellings:
        if regex.search(source, s, _FLAGS):
            assert any(k in key_text(s) for k in keys), (term, keys, s)


def test_latin_gate_rules_out_sets_that_cannot_match():
    possible = _GATE.possible(Document("Good morning, the school opens at nine.", "<t>").view)
    assert possible is not None and "VC208" not in possible and "VC201" not in possible


def test_a_terms_first_word_is_keyed_at_a_words_start():
    # a skeleton of one letter ("odia" is "d", "babu" "b") is in nearly every Latin text; a word that starts
    # (and here ends) as the term does is in few
    assert latin_keys("odia", "en") == (" odia ",) and latin_keys("why are", "en") == (" why",)
    assert latin_keys("babu", "hi-Latn") == (" b ", " bn ") and latin_keys("odiya", "hi-Latn")[0] == " Vd "

    class Rule:
        id, kind, pattern, sets = "X1", "terms", compile_terms({"en": ["odia"], "hi-Latn": ["babu", "tu ek"]}), {}
    triggers = Triggers([Rule])
    for text in ("daddy said a bus was late", "a bubble in a cab", "studio audio", "return back"):
        assert "X1" not in triggers.possible(Document(text, "<t>").view), text
    for text in ("(odia) songs", "baabun ne kaha", "tuek", "tu-ek", "BABBU"):
        assert "X1" in triggers.possible(Document(text, "<t>").view), text
        assert list(finditer(Rule.pattern, Document(text, "<t>").view)), text


def test_raw_terms_leave_a_set_without_latin_keys():
    assert compile_terms({"en": [r"re:\bfoo\b"]}).latin_keys is None
    assert latin_keys("re:x+", "en") is None


def test_a_devanagari_raw_term_keeps_the_sets_latin_gate():
    # a raw term in the `hi` list with no Latin letter cannot match Latin text: the set keeps its Latin keys
    # and its Latin alternation (without them VC203's set was scanned in every Latin text, 20% of `score`)
    p = compile_terms({"hi": [r"re:इलाज\s+(?:[^\s,।]+\s+){0,4}?मत\s+करो", "घर मत दो"], "hi-Latn": ["ghar mat do"]})
    assert p.latin_keys is not None and "इलाज" not in p._sources["latn"] and "इलाज" in p._sources["deva"]
    assert [m.group() for m in finditer(p, "इनका इलाज अस्पताल में मत करो")] == ["इलाज अस्पताल में मत करो"]
    # ... but one in a Latin list, or one with Latin letters, still opens the gate
    assert compile_terms({"hi-Latn": [r"re:ilaaj\s+mat"]}).latin_keys is None
    assert compile_terms({"hi": [r"re:इलाज\s+(?:mat|मत)"]}).latin_keys is None


# Property: the gate never changes what the rules find. Texts are the rules' own examples (so the rules
# have something to find), respelt the ways romanized Hindi is (long and short vowels, v/w, z/j, ph/f,
# doubled letters, a dropped final n), joined in pairs, with negators, particles and noise put in.
_RESPELL = [("aa", "a"), ("a", "aa"), ("ee", "i"), ("i", "ee"), ("v", "w"), ("w", "v"), ("z", "j"), ("ph", "f"),
            ("sh", "s"), ("kh", "k"), ("n ", " "), ("d", "dd"), ("t", "tt"), ("r", "rr"), (" ", "  "), (" ", "-"),
            ("e", "ai"), ("u", "oo"), ("o", "u"), ("ि", "ी"), ("ं", "न्")]
_NOISE = ["नहीं", "not", "nahi", ",", "।", "—", "ही", "hi", "\u00a0", "4", "@", "\n"]


@st.composite
def _respelt_examples(draw):
    text = " ".join(draw(st.lists(st.sampled_from([ex.text for ex in _EXAMPLES]), min_size=1, max_size=2)))
    for a, b in draw(st.lists(st.sampled_from(_RESPELL), max_size=4)):
        at = text.find(a, draw(st.integers(0, len(text))))
        if at >= 0:
            text = text[:at] + b + text[at + len(a):]
    words = text.split(" ")
    for noise in draw(st.lists(st.sampled_from(_NOISE), max_size=2)):
        words.insert(draw(st.integers(0, len(words))), noise)
    return " ".join(words)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_respelt_examples())
def test_the_gate_never_changes_what_the_rules_find(text):
    gated = [f.to_dict() for f in _CHECKER.check(text).findings]
    assert _CHECKER._triggers is _GATE
    ungated = [f.to_dict() for f in _UNGATED.check(text).findings]
    assert _UNGATED._triggers is None
    assert gated == ungated


_UNGATED = Checker(Config(model=False))
_UNGATED._read = -10 ** 12  # so that it never builds the gate


def test_a_checker_builds_its_gate_once_it_has_read_enough():
    c = Checker(Config(model=False))
    text = "ये लोग गद्दार हैं। " * 40
    findings = []
    while c._triggers is None:
        findings.append([f.to_dict() for f in c.check(text).findings])
    ungated = len(findings) - 1  # the last check built the gate
    assert ungated * len(text) >= checker.GATE_AFTER > (ungated - 1) * len(text)
    assert findings[0] and [f.to_dict() for f in c.check(text).findings] == findings[0]


def test_re2_copies_are_kept_in_the_term_cache(monkeypatch):
    # a cold run reuses the gate's RE2 copies from disk; "no sound copy" (None) is kept too
    from vaktacheck import term_cache, triggers
    monkeypatch.setattr(term_cache, "_entries", {})
    monkeypatch.setattr(term_cache, "_new", False)
    calls = []
    monkeypatch.setattr(triggers, "re2_source", lambda src, edges=False: calls.append((src, edges)) or (None if "?<" in src else src + "!"))
    for _ in range(2):
        assert triggers.cached_re2_source("गद्दार", edges=True) == "गद्दार!"
        assert triggers.cached_re2_source("(?<!x)y") is None
    assert triggers.cached_re2_source("गद्दार") == "गद्दार!"  # edges or not: two entries
    assert calls == [("गद्दार", True), ("(?<!x)y", False), ("गद्दार", False)]
    assert term_cache._new


@pytest.mark.parametrize("name", ["identity", "identity-words", "protected-group", "derogatory-trait", "group-adjective",
                                  "violent-action", "dehumanising", "unprotected-target"])
def test_the_group_sets_hold_no_raw_latin_pattern(name):
    """A raw pattern leaves a Latin set ungated, and these sets serve most enmity rules: one such pattern in
    @protected-group once cut rules-only scoring from 3,450 to 882 sentences a second (docs/benchmarks.md, section 4)."""
    from vaktacheck.lexicons import load_sets
    terms = load_sets()[name]
    raw = [t for flavour in ("en", "hi-Latn") for t in terms.get(flavour, []) if t.startswith("re:")]
    assert not raw, raw
