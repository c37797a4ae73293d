"""Our HateCheck-style suite (data/functional/hate-hi.tsv) as a regression test of the rules alone.

The benchmark (benchmarks/functional.py) reports accuracy of the whole system; here the rules must
catch every plainly hateful case and leave every hard negative (negation, counter-speech, profanity at
no group, neutral mention, policy criticism) without a hate finding.
"""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from functional import load_suite  # noqa: E402

from vaktacheck import Checker, Config  # noqa: E402

CASES = load_suite(ROOT / "data" / "functional" / "hate-hi.tsv")
_CHECKER = Checker(Config(model=False))
HATE_RULES = ("enmity", "threat")
MEDIUM = 2


def test_suite_is_well_formed():
    assert len(CASES) >= 100
    assert {c["expected"] for c in CASES} == {"hate", "none"}
    assert {c["lang"] for c in CASES} == {"hi", "hi-Latn"}
    assert len({c["text"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c["expected"] == "hate" and c["functionality"] != "spelling"],
                         ids=lambda c: c["text"][:30])
def test_rules_catch_plain_hate(case):
    found = [f for f in _CHECKER.check(case["text"]).findings if f.category in HATE_RULES and f.severity >= MEDIUM]
    assert found, case


@pytest.mark.parametrize("case", [c for c in CASES if c["expected"] == "none"], ids=lambda c: c["text"][:30])
def test_rules_leave_hard_negatives_alone(case):
    found = [f.rule_id for f in _CHECKER.check(case["text"]).findings if f.category in HATE_RULES and f.severity >= MEDIUM]
    assert not found, (case, found)
