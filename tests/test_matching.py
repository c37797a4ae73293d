"""Romanized Hindi has no standard spelling: one listed spelling must match the usual variants."""
import pytest
import regex

from vaktacheck.matching import compile_terms, finditer, term_pattern

VARIANTS = [
    ("nahi", ["nahi", "nahin", "nhi", "nahee"]),
    ("bhrasht", ["bhrasht", "bhrast", "bhrashth"]),
    ("zameen", ["zameen", "jameen", "zamin", "jamin"]),
    ("vote", ["vote", "wote"]),
    ("paap lagega", ["paap lagega", "pap lagega", "paap lgega", "paaplagega"]),
    ("dekh lenge", ["dekh lenge", "dekhlenge", "dekh lengey"]),
    ("gaddar", ["gaddar", "gadar", "gaddaar"]),
    ("dhokhebaaz", ["dhokhebaaz", "dhokhhebaaz", "dhokebaz"]),  # an aspirate's h typed twice
    ("musalmaan", ["musalmaan", "musalmaann", "musalman"]),  # a final n typed twice
]




def test_word_edges_respect_devanagari_vowel_signs():
    pat = regex.compile(term_pattern("किता", "hi"))
    assert not pat.search("किताब")
    assert regex.compile(term_pattern("अच", "hi")).search("अच्छी") is None


def test_romanized_does_not_match_inside_words():
    pat = regex.compile(term_pattern("chor", "hi-Latn"))
    assert not pat.search("chorus")
    assert pat.search("ye chor hai")


@pytest.mark.parametrize("term,said", [
    ("अक्ल नहीं", "अक्ल ही नहीं"), ("गोली मारो", "गोली ही मारो"), ("मार देंगे", "मार ही देंगे"),
])
def test_the_emphatic_particle_between_the_words_of_a_devanagari_term(term, said):
    assert regex.compile(term_pattern(term, "hi")).fullmatch(said)


def test_no_particle_that_changes_the_sense_and_none_outside_devanagari():
    assert not regex.compile(term_pattern("देख लेंगे", "hi")).search("देख भी लेंगे")  # "also"
    assert not regex.compile(term_pattern("नहीं छोड़ेंगे", "hi")).search("नहीं तो छोड़ेंगे")  # "or else"
    assert not regex.compile(term_pattern("are liars", "en")).search("are hi liars")
    assert not regex.compile(term_pattern("akal nahi", "hi-Latn")).search("akal hi nahi")


def test_raw_regex_terms():
    assert regex.compile(term_pattern(r"re:\d+ guna", "hi-Latn")).search("3 guna")


DEVANAGARI_VARIANTS = [
    ("गंदगी", ["गंदगी", "गन्दगी"]),           # anusvara or nasal consonant + virama
    ("हिन्दू", ["हिन्दू", "हिंदू", "हिंदु"]),    # both ways, and short/long u
    ("बिहारी", ["बिहारी", "बिहारि"]),          # short/long i
    ("ईसाई", ["ईसाई", "ईसाइ"]),               # independent vowels too
    ("बोझ हैं", ["बोझ हैं", "बोझ है"]),        # a dropped final anusvara
]


@pytest.mark.parametrize("flavour,term,variants", [("hi-Latn", *v) for v in VARIANTS] +
                         [("hi", *v) for v in DEVANAGARI_VARIANTS])
def test_one_listed_spelling_matches_the_usual_variants(flavour, term, variants):
    pat = regex.compile(term_pattern(term, flavour))
    for v in variants:
        assert pat.fullmatch(v), (term, v, pat.pattern)


def test_devanagari_variants_stay_whole_words():
    assert not regex.compile(term_pattern("गंदे", "hi")).search("गंदेपन")
    assert not regex.compile(term_pattern("हैं", "hi")).search("हैंगर")
    assert not regex.compile(term_pattern("बिहारी", "hi")).search("बहारी")


def test_mixed_script_text_finds_both_scripts_in_order():
    from vaktacheck.matching import compile_terms
    pat = compile_terms({"hi": ["गद्दार"], "hi-Latn": ["gaddar"], "en": ["traitor", "100%"]})
    text = "gaddar और गद्दार, traitor 100%"
    assert [m.group() for m in pat.finditer(text)] == ["gaddar", "गद्दार", "traitor", "100%"]
    assert pat.search("सिर्फ़ गद्दार").group() == "गद्दार" and pat.search("only traitor").group() == "traitor"
    assert pat.search("कुछ नहीं") is None and pat.search("100%").group() == "100%"
    mixed = compile_terms({"hi": ["BJP की"]})  # a term in both scripts still matches
    assert mixed.search("यह bjp की रैली").group() == "bjp की"  # (rules match on the case-folded view)


@pytest.mark.parametrize("term,flavour,forms,not_forms", [
    ("चूहा+", "hi", ["चूहा", "चूहे", "चूहों"], ["चूहादानी"]),
    ("बिहारी+", "hi", ["बिहारी", "बिहारियों", "बिहारियां"], ["बिहारीपन"]),
    ("जानवर+", "hi", ["जानवर", "जानवरों"], ["जानवरपन"]),
    ("ईसाई+", "hi", ["ईसाई", "ईसाइयों", "ईसाईयों", "ईसाईओं"], ["ईसाईपन"]),   # a final independent ई
    ("brahman+", "hi-Latn", ["brahman", "brahmano", "brahmanon"], ["brahmanical"]),
    ("dalit+", "hi-Latn", ["dalit", "dalito", "daliton"], ["dalitness"]),
])
def test_plus_marks_a_noun_with_its_plural_and_oblique_forms(term, flavour, forms, not_forms):
    pat = regex.compile(term_pattern(term, flavour))
    for f in forms:
        assert pat.fullmatch(f), (term, f)
    for f in not_forms:
        assert not pat.search(f), (term, f)


def test_a_union_of_term_sets_matches_as_their_one_alternation_would():
    from vaktacheck.matching import compile_terms, union
    a = {"hi": ["मुसलमान", "हिंदू"], "hi-Latn": ["musalman"], "en": ["muslims"]}
    b = {"hi": ["गद्दार", "हिंदू धर्म"], "hi-Latn": ["gaddar"], "en": ["traitors", "muslims are"]}
    one = compile_terms({k: a.get(k, []) + b.get(k, []) for k in ("hi", "hi-Latn", "en")})
    both = union([compile_terms(a), compile_terms(b)])
    for text in ["मुसलमान गद्दार हैं", "हिंदू धर्म और हिंदू", "musalman gaddar", "muslims are traitors, muslims",
                 "गद्दार musalman", "कुछ नहीं"]:
        assert [m.span() for m in both.finditer(text)] == [m.span() for m in one.finditer(text)], text
    assert union([None, compile_terms(a)]) is compile_terms(a) and union([None]) is None


def test_rules_share_one_compiled_pattern_per_term_set():
    # the group nouns are named by nine rules in five combinations: compiled once, not five times
    from vaktacheck.rules import builtin_pack_dir, load_pack
    rules = {r.id: r for r in load_pack(builtin_pack_dir())[0]}
    parts = [set(r.sets["group"].parts) for r in (rules["VC201"], rules["VC207"], rules["VC209"])]
    assert parts[0] & parts[1] & parts[2]


def test_an_exact_devanagari_term_keeps_its_vowel_signs():
    from vaktacheck.matching import compile_terms
    pat = compile_terms({"hi": ["=सिख", "जाट"]})
    assert pat.search("सिख किसान").group() == "सिख" and pat.search("सही सीख मिली") is None
    assert compile_terms({"hi": ["सिख"]}).search("सही सीख मिली") is not None  # the usual variants


@pytest.mark.parametrize("text", [
    "बच्चे जल्दी सो जाते हैं", "उसे सुरक्षा दी जाती है", "इससे सही सीख मिली", "कुछ नया सीखो",
    "saare kaam ho jaate hain", "kuch naya seekho", "ek baat samaj nahi aati", "wo roz marti hai",
    "gaadi band ho jati hai", "Jatin ne phone kiya", "stubborn as a mule"])
def test_everyday_words_are_not_read_as_group_names(text):
    # romanized and vowel-sign variants once made these read as Sikhs, Jats, Marathis, caste (जाति) ...
    from vaktacheck.document import Document
    from vaktacheck.lexicons import load_sets
    from vaktacheck.matching import compile_terms, union
    sets = load_sets()
    groups = union([compile_terms(sets[n]) for n in ("identity", "identity-words", "protected-group")])
    assert [m.group() for m in groups.finditer(Document(text).view)] == []


@pytest.mark.parametrize("name,text", [
    ("group-generaliser", "isko share karo"), ("group-generaliser", "hinsa bhi bhari padi hai"),
    ("generalising-cue", "share chat band karo"), ("generalising-cue", "sbi ka khata"),
    ("group-adjective", "qatar airways ki flight"), ("subject-pronoun", "we won the match"),
    ("first-person", "ghar mein baitho"), ("ableist", "aaj ghar ka khana khaya"), ("ableist", "Andy ate an anda"),
    ("ableist", "kal aandhi aayi thi"), ("ableist", "Gitesh Khanna bhi aaye")])
def test_everyday_words_are_not_read_as_cue_words(name, text):
    from vaktacheck.lexicons import load_sets
    from vaktacheck.matching import compile_terms
    assert [m.group() for m in compile_terms(load_sets()[name]).finditer(text)] == []


def test_terms_that_share_leading_tokens_are_merged_under_them():
    from vaktacheck.matching import _factored
    assert _factored(["ab", "ac", "a"]) == "a(?:b|c|)"
    assert _factored(["x[yz]+p", "x[yz]+q", "w"]) == "x[yz]+(?:p|q)|w"
    # the noun forms of a "+" term share its stem: the stem is read once, not once per form
    from vaktacheck.matching import compile_terms
    src = compile_terms({"hi-Latn": ["kashmiri+"]})._sources["latn"]
    assert src.count("[kq]+h{0,2}") == 1 and src.count("m+") == 1


def test_the_merged_alternation_matches_where_the_plain_one_does():
    # At every word start of every rule example, the factored pattern of the largest term sets matches
    # exactly where the plain longest-first alternation of the same terms matches.
    from vaktacheck.document import Document
    from vaktacheck.lexicons import load_sets
    from vaktacheck.matching import _FLAGS, compile_terms, term_body
    from vaktacheck.rules import builtin_pack_dir, load_pack
    texts = [Document(e.text).view for r in load_pack(builtin_pack_dir())[0]
             for e in r.flag_examples + r.pass_examples]
    sets = load_sets()
    for name in ("derogatory-trait", "protected-group", "violent-action", "dehumanising"):
        terms = sets[name]
        bodies = {term_body(t, flavour) for flavour, ts in terms.items() for t in ts if not t.startswith("re:")}
        # a word's end, or a term that itself ends in punctuation ("और शराफ़त?"), after which \M cannot match
        plain = regex.compile(r"\m(?:" + "|".join(sorted(bodies, key=lambda b: (-len(b), b))) + r")(?:\M|(?<=[?!.]))",
                              _FLAGS)
        merged = compile_terms({f: [t for t in ts if not t.startswith("re:")] for f, ts in terms.items()})
        for view in texts:
            for w in regex.finditer(r"\m", view):
                p = w.start()
                got = any(m.start() == p for m in merged.finditer(view, p, len(view)))
                assert got == (plain.match(view, p) is not None), (name, view[p:p + 30])


@pytest.mark.parametrize("view,word,person", [
    ("अखिलेश यादव को वोट दो", "यादव", True),       # a given name before it
    ("akhilesh yadav jhoothe hain", "yadav", True),
    ("यादव जी ने कहा", "यादव", True),                # an honorific after it
    ("meena didi ne kaha", "meena", True), ("yadav bhai log aaye", "yadav", False),  # a kinship word; people
    ("यादव झूठे होते हैं", "यादव", False),            # nothing before it
    ("गांव के ठाकुर झूठे होते हैं", "ठाकुर", False),     # a postposition before it
    ("ये यादव लोग", "यादव", False), ("sirf yadav ko vote do", "yadav", False),
    ("रमेश मुसलमान है", "मुसलमान", False),            # no surname
    ("naye padosi yadav hain", "yadav", False), ("वो लोग असल में ठाकुर थे", "ठाकुर", False),  # what someone is
    ("agar jatav mohalle se koi nikla", "jatav", False),   # a conjunction before it, not a given name
    ("उन्होंने कहा कि यादव समाज आगे है", "यादव", False),
    ("virat koli ne century maari", "koli", True), ("interview mein koli ladka aaya tha", "koli", False),
])
def test_a_caste_surname_after_a_given_name_names_a_person(view, word, person):
    from vaktacheck.surnames import names_a_person
    a = view.index(word)
    assert names_a_person(view, a, a + len(word)) is person


def test_a_number_in_a_term_matches_any_figure_and_keys_no_letter():
    p = compile_terms({"en": ["<n>%"], "hi": ["<n> में से <n>"], "hi-Latn": ["<n> mein se <n>"]})
    for text, found in [("delhi mein 70% log", "70%"), ("हिजडे १००% भीख", "१००%"), ("12.5% hi", "12.5%"),
                        ("हर 10 में से 9 लोग", "10 में से 9"), ("100 mein se 99 aurtein", "100 mein se 99")]:
        assert [m.group() for m in finditer(p, text)] == [found]
    for text in ["abc%", "x70% y", "n% log", "<n>% log", "10 mein 9"]:
        assert not list(finditer(p, text)), text
    # the gate's keys hold no "n" from the placeholder: a figure is typed in digits
    assert all("n" not in k for k in compile_terms({"en": ["<n>%"], "hi-Latn": ["<n> mein se <n>"]}).latin_keys)


@pytest.mark.parametrize("text,named", [
    ("kuki logon ko manipur se bhagao", True),            # the plural oblique, not only "kuki log"
    ("college mein do trans students aaye hain", True),
    ("sardarji jokes band karo", True),
    ("interview mein koli ladka aaya tha", True),
    ("virat koli ne century maari", False),               # a surname after a given name
    ("school ki fees har saal badh jaati hai", False),
])
def test_bare_group_words_name_a_group(text, named):
    from vaktacheck.document import Document
    from vaktacheck.hate_caps import names_a_group
    assert names_a_group(Document(text, "<t>").sentences[0].view) is named
