"""Hostile input: Unicode edge cases, HTML payloads, catastrophic patterns, threads."""
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vaktacheck
from vaktacheck import Checker, Config
from vaktacheck.render.html import render_html
from vaktacheck.render.markdown import render_markdown

_CHECKER = Checker(Config(model=False))
ALPHABET = st.sampled_from(list(
    "ये लोग देश के गद्दार हैं। abc XYZ ज़क़ड़\u093c\u094d\u0902\u0901\u200d\u200c\u200f\u202e\r\n\t\x00\x07"
    "👍🏽👨‍👩‍👧 \u0915\u094d\u0937 ١٢٣ عربى \"'«» ₹ 40% ०१२३ chor nahi gaddar vote"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=200).map("".join))
def test_pipeline_never_crashes_and_spans_are_exact(text):
    r1 = _CHECKER.check(text)
    for f in r1.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.match
    r2 = _CHECKER.check(text)
    assert [f.to_dict() for f in r1.findings] == [f.to_dict() for f in r2.findings]


def test_very_long_line_and_combining_marks():
    text = ("ये लोग देश के गद्दार हैं " * 400) + "\u093c" * 500 + "a" * 5000
    r = _CHECKER.check(text)
    assert all(text[f.start:f.end] == f.match for f in r.findings)


def test_threads_give_the_same_results_as_sequential():
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("examples").glob("*")) if p.is_file()] * 3
    seq = [[f.to_dict() for f in _CHECKER.check(t).findings] for t in texts]
    with ThreadPoolExecutor(max_workers=4) as ex:
        par = list(ex.map(lambda t: [f.to_dict() for f in _CHECKER.check(t).findings], texts))
    assert seq == par


PAYLOAD = 'ये लोग देश के गद्दार हैं <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))'


def test_html_escapes_user_text_and_file_names():
    r = _CHECKER.check(PAYLOAD, path='<img src=x onerror=alert(4)>.txt')
    html = render_html([r])
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only our own


def test_markdown_escapes_user_text():
    md = render_markdown([_CHECKER.check(PAYLOAD, path="a|b.md")])
    assert "<script>" not in md and "javascript:alert" not in md.replace("\\", "") or "](" not in md


def test_every_rule_is_fast_on_adversarial_text():
    nasty = ["a" * 2000, "ये " * 700, "aaaa-" * 400, "\u093c" * 2000, "nahi " * 400, '"' * 1000 + "x",
             "1,0" * 700, ("₹" + "9" * 30 + " ") * 60]
    for text in nasty:
        t0 = time.perf_counter()
        _CHECKER.check(text)
        per_kb = (time.perf_counter() - t0) / (len(text.encode()) / 1024)
        assert per_kb < 1.0, (text[:20], per_kb)


def test_catastrophic_user_pattern_is_reported_not_hung(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    base = next(Path(vaktacheck.__file__).parent.glob("packs/core/threat/VC303-*.yaml")).read_text(encoding="utf-8")
    rule = base.replace("id: VC303", "id: VC398").replace("kind: cooccur", "kind: pattern").replace(
        "match:\n  within: 8", "match:\n  patterns:\n    en: ['(w|ww)+$']\n  within: 8")
    # keep the examples valid for loading; the pattern is what matters here
    (pack / "VC398-slow.yaml").write_text(rule, encoding="utf-8")
    c = Checker(Config(model=False, packs=(pack,)))
    assert not c.pack_errors, c.pack_errors
    t0 = time.perf_counter()
    r = c.check("w" * 40 + "!")  # the matching view shortens other stretched letters; "www" it keeps
    assert time.perf_counter() - t0 < 10
    assert any(f.rule_id == "VC006" and "VC398" in f.message.en for f in r.findings)
