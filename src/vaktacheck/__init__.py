"""vaktacheck: review Hindi, English and Hinglish drafts for risky phrasing and missing context.

    import vaktacheck
    report = vaktacheck.check("ये लोग देश के गद्दार हैं।")
    for f in report.findings: print(f.rule_id, f.severity.name, f.match)
"""
from __future__ import annotations

__version__ = "0.1.0"

from .findings import Finding, Severity, SourceRef, Message
from .context import Context
from .config import Config, load_config
from .checker import Checker
from .report import Report

_default: Checker | None = None


def check(text: str, *, model: bool = False, context=None, ai_drafted: bool | None = None, **config) -> Report:
    """Check one text with the built-in rules (and the classifier when model=True)."""
    global _default
    if config or model:
        return Checker(Config(model=model).with_overrides(**config)).check(text, context=context, ai_drafted=ai_drafted)
    if _default is None:
        _default = Checker(Config(model=False))
    return _default.check(text, context=context, ai_drafted=ai_drafted)


__all__ = ["check", "Checker", "Config", "Context", "Finding", "Message", "Report", "Severity", "SourceRef",
           "load_config", "__version__"]
