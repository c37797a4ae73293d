"""The language tagger on 304 sentences we wrote (tests/data/langid.tsv), across the four tags."""
from collections import Counter
from pathlib import Path

from vaktacheck.langid import tag_sentence

ROWS = [line.rstrip("\n").split("\t", 1)
        for line in (Path(__file__).parent / "data" / "langid.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]


def test_labelled_set_is_large_and_balanced():
    counts = Counter(tag for tag, _ in ROWS)
    assert len(ROWS) >= 300
    assert set(counts) == {"hi", "en", "hi-Latn", "mixed"}
    assert min(counts.values()) >= 70


def test_accuracy_at_least_95_percent():
    wrong = [(tag, tag_sentence(text), text) for tag, text in ROWS if tag_sentence(text) != tag]
    accuracy = 1 - len(wrong) / len(ROWS)
    print(f"language-tag accuracy {accuracy:.3f} on {len(ROWS)} sentences")
    assert accuracy >= 0.95, wrong[:10]


def test_deterministic():
    assert [tag_sentence(t) for _, t in ROWS] == [tag_sentence(t) for _, t in ROWS]


def test_no_letters_is_english_not_an_error():
    assert tag_sentence("123 456 !!! 🙏") == "en"


def test_langdetect_loads_latin_profiles_only_and_still_tells_english():
    # only Latin-script profiles are loaded (start-up); English must still come back as English
    from vaktacheck import langid
    factory = langid._detector_factory()
    assert "en" in factory.langlist and "hi" not in factory.langlist and len(factory.langlist) == len(langid._LATIN_PROFILES)
    assert langid._langdetect("The committee will publish the full budget report for every district next week") == "en"
    assert langid._langdetect("Ce rapport sera publié la semaine prochaine pour chaque district") != "en"
    assert langid._langdetect("12345 !!!") is None  # no features: no error
