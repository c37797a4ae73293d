"""People's names read the same to the classifier (model/people.py), so it cannot score a line by whom it names."""
import pytest

from vaktacheck.model import load_default_classifier
from vaktacheck.model.people import PLACEHOLDER, _lists, mask_people
from vaktacheck.model.preprocess import clean, normalise

DEVA, LATN = PLACEHOLDER["deva"], PLACEHOLDER["latn"]


@pytest.mark.parametrize("text, masked", [
    # leaders of many parties and ordinary people alike
    ("अखिलेश यादव को वोट दो", f"{DEVA} को वोट दो"),
    ("नरेंद्र मोदी को वोट दो", f"{DEVA} को वोट दो"),
    ("ममता बनर्जी को वोट दो", f"{DEVA} को वोट दो"),
    ("सुनीता शर्मा को वोट दो", f"{DEVA} को वोट दो"),
    ("Rahul Gandhi ne kaha", f"{LATN} ne kaha"),
    ("Naveen Patnaik will address a rally", f"{LATN} will address a rally"),
    ("Mohan Lal said so", f"{LATN} said so"),
    ("Akhilesh aur Mayawati", f"{LATN} aur {LATN}"),
    ("kejriwal sarkar", f"{LATN} sarkar"),             # a surname alone that is no other word
    ("मोदी जी ने कहा", f"{DEVA} जी ने कहा"),
    ("yadav ji ne kaha", f"{LATN} ji ne kaha"),        # a caste word before an honorific is a person
    ("M K Stalin ne kaha", f"{LATN} ne kaha"),          # initials belong to the name ...
    ("N. Chandrababu Naidu said", f"{LATN} said"),
    ("vote for a Modi government", f"vote for a {LATN} government"),  # ... a lone article does not
    ("एम के स्टालिन को वोट दो", f"{DEVA} को वोट दो"),     # Hindi initials too, two or more or with a dot,
    ("एन. चंद्रबाबू नायडू ने कहा", f"{DEVA} ने कहा"),
    ("एन चंद्रबाबू नायडू ने कहा", f"एन {DEVA} ने कहा"),
    ("दिल्ली के मोदी समर्थक", f"दिल्ली के {DEVA} समर्थक"),  # ... and "के" (of) starts none
    ("राजेंद्र प्रसाद यादव को वोट दें", f"{DEVA} को वोट दें"),  # common given names added in session 24
    ("Jaswinder Kaur ne kaha", f"{LATN} ne kaha"),
    ("मीना कुमारी आएंगी", f"{DEVA} आएंगी"),
    # what stays: groups, lists of castes, everyday words, gods and the Prophet
    ("ye yadav log", "ye yadav log"),
    ("yadav thakur brahmin sab ek hain", "yadav thakur brahmin sab ek hain"),
    ("गरीबी रेखा के नीचे", "गरीबी रेखा के नीचे"),
    ("seema par jawan tainat hain", "seema par jawan tainat hain"),
    ("kamal ka phool", "kamal ka phool"),
    ("ममता सरकार", "ममता सरकार"),
    ("hari om", "hari om"),
    ("मंदिर में प्रसाद बंटा", "मंदिर में प्रसाद बंटा"),   # an offering, a martyr, a goddess: no names alone
    ("shahid bhagat singh amar rahe", "shahid bhagat singh amar rahe"),
    ("saraswati puja ki taiyari", "saraswati puja ki taiyari"),
    ("गुलाम मानसिकता", "गुलाम मानसिकता"),
    ("पैगंबर मोहम्मद का अपमान", "पैगंबर मोहम्मद का अपमान"),
])
def test_names_are_masked_and_other_words_stay(text, masked):
    assert clean(text) == masked


def test_only_listed_words_are_named_alone():
    given, surnames, alone_not, _ = _lists()
    assert alone_not <= given | surnames  # each entry of alone-not-a-name qualifies a listed word
    assert mask_people("") == ""


def test_masking_runs_in_training_and_use_alike():
    # train.py and the classifier both read clean(): the normalised text with names masked
    assert clean("  Rahul   GANDHI  ") == LATN
    assert normalise("  Rahul   GANDHI  ") == "rahul gandhi"


def test_the_classifier_scores_a_line_the_same_whoever_it_names():
    clf = load_default_classifier()
    lines = [t.format(n) for t in ("{} को वोट दो", "{} ने कहा कि किसानों को बिजली मुफ्त मिलेगी")
             for n in ("नरेंद्र मोदी", "राहुल गांधी", "अखिलेश यादव", "मायावती", "रमेश यादव")]
    probs = clf.predict(lines)
    for k in range(0, len(lines), 5):
        assert (probs[k:k + 5] == probs[k]).all(), lines[k:k + 5]
