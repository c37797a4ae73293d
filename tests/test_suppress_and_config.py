"""One suppression grammar with required reasons; config from vaktacheck.toml or pyproject.toml."""

from vaktacheck import Checker, Config
from vaktacheck.cli import main
from vaktacheck.config import load_config

RISKY = "ये लोग देश के गद्दार हैं।"


def ids(report):
    return [f.rule_id for f in report.findings]


def test_ignore_next_paragraph_with_reason(checker):
    text = f"<!-- vaktacheck: ignore VC203, VC8 -- quoted in the training handout -->\n{RISKY}\n\n{RISKY}"
    r = checker.check(text)
    hits = [f for f in r.findings if f.rule_id == "VC203"]
    assert len(hits) == 1 and hits[0].start > text.index("\n\n")
    assert "VC001" not in ids(r)


def test_disable_enable_range_and_prefix(checker):
    text = f"<!-- vaktacheck: disable VC2 -- classroom example -->\n{RISKY}\n<!-- vaktacheck: enable VC2 -->\n{RISKY}"
    r = checker.check(text)
    assert len([f for f in r.findings if f.rule_id == "VC203"]) == 1


def test_meta_findings_for_bad_suppressions(checker):
    r = checker.check("<!-- vaktacheck: ignore VC203 -->\nHappy Diwali.\n<!-- vaktacheck: ignore VC777 -- x -->\n"
                      "<!-- vaktacheck: silence VC203 -->")
    got = ids(r)
    assert "VC003" in got  # no reason
    assert "VC001" in got  # unused
    assert "VC002" in got  # unknown id
    assert "VC004" in got  # unreadable verb
    for f in r.findings:
        assert r.text[f.start:f.end] == f.match


def test_directive_text_is_not_matched(checker):
    r = checker.check("<!-- vaktacheck: ignore VC203 -- ये लोग देश के गद्दार हैं -->\nनमस्ते।")
    assert "VC203" not in ids(r)


def test_config_file(tmp_path, monkeypatch):
    (tmp_path / "vaktacheck.toml").write_text('ignore = ["VC2"]\nfail-on = "critical"\nui-lang = "en"\n'
                                              '[context]\nmcc-in-force = true\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    cfg = load_config(start=sub)
    assert cfg.ignore == ("VC2",) and cfg.fail_on.name == "critical" and cfg.context.mcc_in_force
    r = Checker(cfg.with_overrides(model=False)).check("Vote for us and get a free phone.")
    assert [f.severity.name for f in r.findings if f.rule_id == "VC606"] == ["critical"]


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.vaktacheck]\nselect = "VC7"\n', encoding="utf-8")
    assert load_config(start=tmp_path).select == ("VC7",)


def test_bad_config_is_exit_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "vaktacheck.toml").write_text('colour = "red"\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("hello", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["d.txt", "--no-model"]) == 2
    assert "unknown setting" in capsys.readouterr().err


def test_mcc_raises_severity(checker):
    plain = Checker(Config(model=False))
    text = "उसकी शादी टूट गई, ऐसा आदमी जनता को कैसे संभालेगा?"
    base = [f for f in plain.check(text).findings if f.rule_id == "VC401"][0].severity
    raised = [f for f in plain.check(text, context={"mcc_in_force": True}).findings if f.rule_id == "VC401"][0].severity
    assert raised == base.raised()
