"""Legacy Hindi fonts (KrutiDev/Devlys): converted for review, findings reported in the original."""
import hinlegacy
import pytest

import vaktacheck
from vaktacheck.legacy import looks_legacy

RISKY = "हमारे गांव में पानी नहीं है। ये लोग देश के गद्दार हैं।"


def test_krutidev_text_is_converted_and_mapped_back():
    legacy = hinlegacy.encode(RISKY, "krutidev_010")
    r = vaktacheck.check(legacy)
    ids = [f.rule_id for f in r.findings]
    assert "VC005" in ids and "VC203" in ids
    f = next(f for f in r.findings if f.rule_id == "VC203")
    assert legacy[f.start:f.end] == f.match and f.match.startswith(";s yksx")
    assert "ये लोग देश के गद्दार" in f.context


@pytest.mark.parametrize("text", [
    "This is plain English text about roads and water.",
    "Yeh sarkar bhrasht hai aur janta pareshan hai.",
    "Hamare gaon mein paani ki samasya bahut purani hai.",
    "ये लोग देश के गद्दार हैं।",
    "ok",
])
def test_english_hinglish_and_unicode_are_not_converted(text):
    assert not looks_legacy(text)
    assert "VC005" not in [f.rule_id for f in vaktacheck.check(text).findings]
