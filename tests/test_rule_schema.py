"""Rule files are validated on load; a bad file names file, line and field. Ids are stable and unique."""
from pathlib import Path

import pytest

from vaktacheck import Checker, Config
from vaktacheck.cli import main
from vaktacheck.findings import CATEGORIES
from vaktacheck.rules import RuleError, builtin_pack_dir, load_rule

GOOD = Path(builtin_pack_dir()) / "threat" / "VC303-home-protest-call.yaml"


def test_ids_unique_file_names_and_blocks(checker):
    ids = [r.id for r in checker.all_rules]
    assert len(ids) == len(set(ids))
    for r in checker.all_rules:
        assert Path(r.path).name.startswith(r.id + "-")
        assert CATEGORIES[int(r.id[2])] == r.category


def test_catalogue_coverage(checker):
    assert len(checker.all_rules) >= 40
    assert {r.category for r in checker.all_rules} == set(list(CATEGORIES.values())[1:9])


def test_pass_sets_include_a_law_or_condemnation_case_where_guarded(checker):
    for r in checker.all_rules:
        if "law-citation" in r.guards or "condemnation" in r.guards:
            texts = " ".join(e.text.lower() for e in r.pass_examples)
            assert any(k in texts for k in ("धारा", "section", "dhara", "निंदा", "condemn", "ninda", "गलत", "galat",
                                            "wrong", "शर्मनाक", "sharmnaak", "अफवाह", "afwah", "fake", "false",
                                            "आचार संहिता", "mcc", "eci", "आयोग", "aayog", "atrocities", "अधिनियम",
                                            "rpa", "bns", "unacceptable", "shameful", "reject", "अस्वीकार्य",
                                            "court", "कोर्ट")), r.id


@pytest.mark.parametrize("mutation,field", [
    (lambda t: t.replace("severity: high", "severity: severe"), "severity"),
    (lambda t: t.replace("kind: cooccur", "kind: magic"), "kind"),
    (lambda t: t.replace("category: threat", "category: enmity"), "category"),
    (lambda t: t.replace("  law-citation: suppress", "  wishful: suppress"), "guards.wishful"),
    (lambda t: t + "\ncolour: red\n", "colour"),
    (lambda t: t.replace("within: 8", "within: eight"), "match.within"),
    (lambda t: t.replace("within: 8", "within: 8\n  antecedent: crowd"), "match.antecedent"),
    (lambda t: t.replace("within: 8", "within: 8\n  located: crowd"), "match.located"),
    (lambda t: t.replace("within: 8", "within: 8\n  topic: crowd"), "match.topic"),
    (lambda t: t.replace("within: 8", "within: 8\n  clause: [group, crowd]"), "match.clause"),
])
def test_bad_rule_names_file_line_and_field(tmp_path, mutation, field):
    p = tmp_path / GOOD.name
    p.write_text(mutation(GOOD.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule(p)
    msg = str(e.value)
    assert str(p) in msg and f"field '{field}'" in msg
    assert msg.split(":")[1].isdigit()  # a line number


def test_invalid_yaml_names_line(tmp_path):
    p = tmp_path / "VC901-x.yaml"
    p.write_text("id: VC901\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"VC901-x.yaml:\d+: invalid YAML"):
        load_rule(p)


def test_broken_user_pack_is_reported_and_builtins_still_run(tmp_path, capsys):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "VC888-broken.yaml").write_text("id: VC888\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("ये लोग देश के गद्दार हैं।", encoding="utf-8")
    code = main([str(draft), "--no-model", "--packs", str(pack), "--format", "concise"])
    out = capsys.readouterr()
    assert code == 2
    assert "VC888-broken.yaml" in out.err and "VC203" in out.out


def test_user_pack_rule_runs(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    text = GOOD.read_text(encoding="utf-8").replace("id: VC303", "id: VC399")
    (pack / "VC399-my-home-rule.yaml").write_text(text, encoding="utf-8")
    c = Checker(Config(model=False, packs=(pack,)))
    assert not c.pack_errors
    assert any(f.rule_id == "VC399" for f in c.check("Let us picket outside her house.").findings)
