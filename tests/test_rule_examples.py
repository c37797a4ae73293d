"""Every rule's own flag and pass examples, in every language it claims (house style: proselint)."""
import pytest

from vaktacheck import Checker, Config
from vaktacheck.context import Context

_CHECKER = Checker(Config(model=False))
CASES = []
for rule in _CHECKER.all_rules:
    for i, ex in enumerate(rule.flag_examples):
        CASES.append(pytest.param(rule.id, "flag", ex, id=f"{rule.id}-flag-{ex.lang}-{i}"))
    for i, ex in enumerate(rule.pass_examples):
        CASES.append(pytest.param(rule.id, "pass", ex, id=f"{rule.id}-pass-{ex.lang}-{i}"))


@pytest.mark.parametrize("rule_id,which,example", CASES)
def test_rule_example(rule_id, which, example):
    report = _CHECKER.check(example.text, context=Context.from_mapping(example.context))
    hits = [f for f in report.findings if f.rule_id == rule_id]
    for f in report.findings:
        assert example.text[f.start:f.end] == f.match
    if which == "flag":
        assert hits, f"{rule_id} should flag: {example.text!r}; got {[f.rule_id for f in report.findings]}"
        if example.match:
            assert any(f.match == example.match for f in hits), [f.match for f in hits]
    else:
        assert not hits, f"{rule_id} should pass: {example.text!r}; flagged {[(f.match, f.guards) for f in hits]}"


@pytest.mark.parametrize("rule", _CHECKER.all_rules, ids=lambda r: r.id)
def test_examples_cover_every_claimed_language(rule):
    for lang in rule.languages:
        flags = [e for e in rule.flag_examples if e.lang == lang]
        passes = [e for e in rule.pass_examples if e.lang == lang]
        assert len(flags) >= 3, f"{rule.id}: {len(flags)} flag examples in {lang}"
        assert len(passes) >= 3, f"{rule.id}: {len(passes)} pass examples in {lang}"


@pytest.mark.parametrize("rule", _CHECKER.all_rules, ids=lambda r: r.id)
def test_message_templates_render(rule):
    for tmpl in (rule.message.en, rule.message.hi):
        tmpl.format_map(_Any())


class _Any(dict):
    def __missing__(self, key):
        return "x"
