"""The group-hate head (model/group_hate.py): how it is stored, that a refit reproduces it, and where the
checker and `score` let it raise hate (a group named, not English, nothing capping the hate score)."""
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file

from vaktacheck import Checker, Config
from vaktacheck.model import ModelError, default_model_dir, file_sha256, load_default_classifier
from vaktacheck.model.classifier import Classifier
from vaktacheck.model.group_hate import HEAD_FILE
from vaktacheck.score import _Scorer

ROOT = Path(__file__).resolve().parents[1]

# Invented for these tests (in no suite or template): a group-derogating line no rule names, and its
# twins that the head must leave alone: the same group in a neutral line, and the same claim of nobody.
DEROGATION = "हमारी कॉलोनी में कुछ असमिया परिवार आए हैं, अब बच्चों को उनसे दूर रखना, इनका रहन-सहन ही ऐसा है।"
NEUTRAL = "हमारी कॉलोनी में कुछ असमिया परिवार आए हैं, उनके बच्चे हमारे बच्चों के साथ स्कूल जाते हैं।"


@pytest.fixture(scope="module")
def clf():
    return load_default_classifier()


@pytest.fixture(scope="module")
def scorer():
    return _Scorer(True, None, threads=2)


def _hate_flagged(scorer, texts):
    return ["hate" in json.loads(line)["flagged"] for line in scorer.score(texts)]


def test_head_is_stored_apart_and_scored_with_the_labels(clf):
    cfg = clf.config
    ng = load_file(str(default_model_dir() / "ngram.safetensors"))
    gh = load_file(str(default_model_dir() / HEAD_FILE))
    assert set(ng) == {"idf", "weight", "bias"} and HEAD_FILE in cfg["sha256"]   # a file of its own
    assert ng["weight"].shape == (len(ng["idf"]), len(cfg["labels"])) and gh["weight"].shape == ng["idf"].shape
    assert 0 < cfg["group_hate"]["threshold"] < 1 and cfg["group_hate"]["suites"]
    probs, head = clf.scores(["x", DEROGATION])
    assert probs.shape == (2, len(cfg["labels"])) and head.shape == (2,)
    assert np.array_equal(probs, clf.predict(["x", DEROGATION]))


def test_refit_reproduces_the_shipped_head(tmp_path, clf):
    """Two refits on one machine give the same file, byte for byte. Refitting on what config.json says the
    head was trained on gives the shipped head's scores on every suite line to within 0.01: not its bytes, since
    lbfgs stops at slightly other weights under other scipy and scikit-learn releases (a new install's refit
    differed by at most 0.003 in a probability, session 34). Once the training sentences change (a new suite, a
    new rule example), the shipped head is an older fit: then only the two refits are compared."""
    from vaktacheck.model.group_hate import load_suite
    from vaktacheck.model.preprocess import clean
    from vaktacheck.train import main as train
    head = clf.config["group_hate"]
    suites = tmp_path / "suites"
    suites.mkdir()
    for name in head["suites"]:
        shutil.copy(ROOT / "data" / "functional" / name, suites / name)
    refit = ["--functional", str(suites), "--authored", str(ROOT / head["templates"]),
             "--mentions", str(ROOT / head["mentions"]) if head.get("mentions") else ""]
    digests = []
    for copy in ("a", "b"):
        shutil.copytree(default_model_dir(), tmp_path / copy)
        assert train(["--refit-group-hate", str(tmp_path / copy)] + refit) == 0
        digests.append(file_sha256(tmp_path / copy / HEAD_FILE))
        # a refit rewrites the head's file only
        assert file_sha256(tmp_path / copy / "ngram.safetensors") == clf.config["sha256"]["ngram.safetensors"]
    assert digests[0] == digests[1]
    if json.loads((tmp_path / "a" / "config.json").read_text(encoding="utf-8"))["group_hate"]["training_sha256"] \
            == head["training_sha256"]:
        lines = [clean(c["text"]) for name in sorted(head["suites"]) for c in load_suite(suites / name)]
        refitted = Classifier.load(tmp_path / "a").ngram_logits(lines)[:, -1]
        shipped = clf.ngram_logits(lines)[:, -1]
        assert np.abs(1 / (1 + np.exp(-refitted)) - 1 / (1 + np.exp(-shipped))).max() < 0.01


def test_score_raises_hate_only_where_a_group_is_named(scorer, clf):
    _, head = clf.scores([DEROGATION, NEUTRAL])
    assert head[0] >= clf.group_hate_threshold > head[1]
    no_rules = Checker(Config(model=False)).check(DEROGATION).findings
    assert not [f for f in no_rules if f.category in ("enmity", "threat")]  # the head, not a rule, finds it
    assert _hate_flagged(scorer, [DEROGATION, NEUTRAL]) == [True, False]


@pytest.mark.parametrize("text, why", [
    ("अब बच्चों को उनसे दूर रखना, इनका रहन-सहन ही ऐसा है।", "no group named"),
    ("Some Assamese families moved into our colony, now we will have to keep everything locked.", "English"),
])
def test_head_alone_does_not_count(clf, text, why):
    """The head scores these high, and the evidence leaves it out: {why}."""
    from vaktacheck.score import rule_evidence
    assert clf.scores([text])[1][0] >= clf.group_hate_threshold
    assert not rule_evidence(Checker(Config(model=False)).check(text), head_says_hate=True).group_hate


def test_what_caps_the_hate_score_caps_the_head(scorer, clf):
    text = "असमिया परिवार भी इंसान हैं, बच्चों को उनसे दूर मत रखो।"  # affirms them; the head reads "दूर रखो"
    assert clf.scores([text])[1][0] >= clf.group_hate_threshold
    assert _hate_flagged(scorer, [text]) == [False]


def test_checker_reports_the_head_with_its_own_explanation():
    r = Checker(Config(model=True)).check(DEROGATION)
    found = [f for f in r.findings if f.rule_id == "VC903"] + [f for f in r.findings if any("VC903" in a for a in f.also)]
    assert found, [f.rule_id for f in r.findings]
    f = next(f for f in r.findings if f.rule_id == "VC903")
    assert "group-hate head" in f.explanation and DEROGATION[f.start:f.end] == f.match


def test_checker_reads_a_pronoun_after_the_group():
    # the group in one sentence, the claim about "them" in the next; alone, the second names no group
    first = "हमारी कॉलोनी में कुछ असमिया परिवार आए हैं।"
    second = "अब बच्चों को उनसे दूर रखना, इनका रहन-सहन ही ऐसा है।"
    checker = Checker(Config(model=True))
    found = [f for f in checker.check(first + " " + second).findings if f.rule_id == "VC903"]
    assert [f.start >= len(first) for f in found] == [True]
    assert not [f for f in checker.check(second).findings if f.rule_id == "VC903"]


def test_a_threat_to_officials_after_a_group_is_named_is_not_group_hate():
    # the README example: "इन" binds to "अफसरों", not to the community named in the sentence before
    first = "सभी यादव भाई एकजुट होकर वोट दें, अपना बेटा मैदान में है।"
    checker = Checker(Config(model=True))
    for second in ("नतीजों के बाद इन अफसरों को देख लेंगे।", "chunav ke baad in afsaron ko dekh lenge."):
        r = checker.check(first + " " + second)
        later = [f for f in r.findings if f.start >= len(first)]
        assert any(f.rule_id == "VC301" for f in later), [f.rule_id for f in later]
        assert not [f for f in later if f.rule_id == "VC903" or any("VC903" in a for a in f.also)]
    # the pronoun alone still reaches back to the group
    r = checker.check(first + " नतीजों के बाद इनको देख लेंगे।")
    assert [f for f in r.findings if f.start >= len(first) and (f.rule_id == "VC903" or any("VC903" in a for a in f.also))]


def test_no_model_hate_where_the_sentence_aims_at_no_group(clf):
    # the classifier reads hate into these; with no group, slur or demeaning word in reach there is nothing to name
    checker = Checker(Config(model=True))
    for text in ("Zila aspataal mein nayi dialysis machines aa gayi hain.",
                 "college ki fees har saal badh rahi hai aur library mein kitaabein hi nahi hain"):
        assert clf.scores([text])[0][0][clf.labels.index("hate")] >= clf.thresholds_for([text])[0][clf.labels.index("hate")]
        assert not [f for f in checker.check(text).findings if f.rule_id == "VC903" or any("VC903" in a for a in f.also)]
    # a group named in the sentence before keeps the reading ("उनके" points back to it)
    r = checker.check("हमारी कॉलोनी में कुछ असमिया परिवार आए हैं। अब बच्चों को उनसे दूर रखना, इनका रहन-सहन ही ऐसा है।")
    assert [f for f in r.findings if f.rule_id == "VC903"]


def test_model_without_the_head_still_loads(tmp_path, clf):
    """A 1.3.0-style folder (five n-gram columns, no `group_hate` in config) loads and scores as before."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from group_hate_forward import strip_head
    folder = tmp_path / "bare"
    shutil.copytree(default_model_dir(), folder)
    strip_head(folder)
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    bare = Classifier.load(folder)
    probs, head = bare.scores([DEROGATION])
    assert head is None and np.allclose(probs, clf.predict([DEROGATION]))
    # and a config that claims a head the weights lack is refused
    cfg["group_hate"] = {"threshold": 0.5}
    (folder / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    with pytest.raises(ModelError):
        Classifier.load(folder)


@pytest.mark.parametrize("text, mention", [
    ("kal bus mein ek aadmi chilla raha tha 'sab kashmiri aatankwadi hain', dukh hua", True),  # no verb of saying
    ("'sab sikh bewakoof' wale memes forward karna band karo", True),
    ("हमारा नारा है 'सब कश्मीरी आतंकवादी हैं'", False),  # the speaker owns the words
    ("sab kashmiri aatankwadi hain", False),              # no quotation at all
])
def test_a_quiet_head_takes_unowned_quoted_hate_as_a_mention(text, mention):
    """Where the head reads no group hate, a hate rule's match in quotation marks the speaker does not own is
    quoted, not said (counter-speech), even with no verb of saying; an unsure head leaves it said."""
    from vaktacheck.score import rule_evidence
    report = Checker(Config(model=False)).check(text)
    assert [f for f in report.findings if f.category == "enmity"], "a hate rule must fire for the test to mean anything"
    assert rule_evidence(report, head_quiet=True).counter_speech is mention
    assert rule_evidence(report).counter_speech is False


def test_everyday_mentions_train_the_head_as_not_hate():
    """Every frame of group-mentions.yaml with every group, each group with its habits, and every people frame
    with every gender group, all labelled not hate."""
    import yaml
    from vaktacheck.model import group_hate
    path = ROOT / "data" / "authored" / "group-mentions.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = group_hate.mention_examples(path)
    expected = sum(len(spec[lang]["groups"]) * (len(spec[lang]["frames"]) + spec["habit_draws"])
                   + len(spec[lang]["people"]) * len(spec[lang]["people_frames"]) + len(spec[lang]["worship"])
                   for lang in ("hi", "hi-Latn"))
    assert len(found) == expected and not [t for t in found if "{" in t]
    assert found == group_hate.mention_examples(path)  # seeded draws
    texts, y = group_hate.training_examples(None, [], keep_rule=lambda rule_id: False, mentions=path)
    assert texts == found and not y.any()


# Invented for this test (in no suite, template or mention): romanized Hindi about a group's everyday habit, which
# the classifier reads as hate and the head clears; its Devanagari twin; and a derogation the rules name.
KANGRI = "kashmiri log sardi mein kangri rakhte hain"


# A plain question whether women or trans people get a benefit, and a derogation of women; in no suite,
# template or mention (the mentions' people frames ask about other benefits in other words).
def test_a_question_about_a_benefit_for_women_is_not_hate(scorer):
    assert _hate_flagged(scorer, ["kya auraton ko bhi is yojana ka labh milega?",
                                  "kya transgender logon ko bhi pension milegi?",
                                  "क्या औरतों को भी इस योजना का पैसा मिलेगा?",
                                  "auraton ko rajneeti mein aane hi mat do, inki akal chhoti hoti hai"]) == [False, False, False, True]


# Christians at church, and threats to a church; in no suite, template or mention (the mentions' worship sentences
# say it in other words). The head had seen "church" only in threats (session 21).
def test_going_to_church_is_not_hate_and_burning_one_is(scorer):
    assert _hate_flagged(scorer, ["christian log christmas pe church jaate hain",
                                  "kristian log sunday ki subah church jaate hain",
                                  "हमारे पड़ोसी क्रिश्चियन हैं।",
                                  "in christian logon ka church phoonk do"]) == [False, False, False, True]


def test_the_head_clears_romanized_or_short_hindi_that_names_a_group(scorer, clf):
    from vaktacheck.model.group_hate import CLEAR
    probs, head = clf.scores([KANGRI])
    hate = clf.labels.index("hate")
    assert probs[0, hate] >= clf.thresholds_for([KANGRI])[0, hate] and head[0] < CLEAR
    assert _hate_flagged(scorer, [KANGRI, "kashmiri log gande hote hain"]) == [False, True]  # a hate rule still counts
    checker = Checker(Config(model=True))
    assert not [f for f in checker.check(KANGRI).findings if f.rule_id == "VC903"]
    from vaktacheck.score import rule_evidence
    report = Checker(Config(model=False)).check(KANGRI)
    assert rule_evidence(report, head_clear=True).head_clears
    short = Checker(Config(model=False)).check("कश्मीरी लोग सर्दी में कांगड़ी रखते हैं")
    assert rule_evidence(short, head_clear=True).head_clears
    # a long Devanagari post is the corpora's ground: there the classifier's reading stands
    long = Checker(Config(model=False)).check("कश्मीरी लोग सर्दी में कांगड़ी रखते हैं और गर्मियों में बगीचों में सेब तोड़ते हैं, "
                                              "फिर शाम को पूरा परिवार साथ बैठकर कहवा पीता है।")
    assert long.document.word_count > 15 and not rule_evidence(long, head_clear=True).head_clears
    english = Checker(Config(model=False)).check("Kashmiri people keep a kangri in winter")
    assert not rule_evidence(english, head_clear=True).head_clears


# Lines that name a group and insult it in words no rule lists, written for this test: the checker shows the
# head's reading exactly where it reaches the display floor (HEAD_FLOOR) and the head's own threshold.
FLOOR_LINES = ["library mein hijdon ko kitaabein mat dena", "office mein naya chamar aaya hai, lunch alag karo",
               "gay couple padosi? apne bachchon ko bigadne se kaise bachaoge", "kashmiri log sardi mein kangri rakhte hain",
               "madrasi teacher ka accent sun ke bachche kya seekhenge",  # added when the head on 73 suites read 0.67
               # added when the head on 179 suites read the others just outside the floor's range (0.649, 0.750)
               "kala akshar bhains barabar, yahi haal saare dalit netaon ka hai"]


def test_the_checker_shows_the_heads_reading_from_its_floor(clf):
    from vaktacheck.model.classifier import HEAD_FLOOR
    checker = Checker(Config(model=True))
    readings = []
    for text in FLOOR_LINES:
        report = checker.check(text)
        # the checker reads the head sentence by sentence ("gay couple padosi? ..." is two)
        _, head = clf.scores([s.text for s in report.document.sentences])
        h = float(max(head))
        readings.append(h)
        shown = [f for f in report.findings if f.rule_id == "VC903" and "group-hate head" in f.explanation]
        assert bool(shown) == (h >= max(HEAD_FLOOR, clf.group_hate_threshold)), (text, h)
    assert any(HEAD_FLOOR <= h < 0.75 for h in readings)  # the lines still test the floor's range
