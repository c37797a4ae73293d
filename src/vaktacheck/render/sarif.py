"""SARIF 2.1.0 for editors and code-review tools."""
from __future__ import annotations

import json

_LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}


def render_sarif(reports) -> str:
    from .. import __version__
    rules, index, results = [], {}, []
    for r in reports:
        for f in r.findings:
            if f.rule_id not in index:
                index[f.rule_id] = len(rules)
                rules.append({"id": f.rule_id, "name": f.name or f.rule_id,
                              "shortDescription": {"text": f.message.en[:200]},
                              "fullDescription": {"text": f.explanation},
                              "help": {"text": f.suggestion.en},
                              "properties": {"category": f.category}})
            sl, sc = r.position(f.start)
            el, ec = r.position(f.end)
            results.append({
                "ruleId": f.rule_id, "ruleIndex": index[f.rule_id], "level": _LEVEL[f.severity.name],
                "message": {"text": f.message.en},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": r.path},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.match}}}}],
                "properties": {"severity": f.severity.name, "sources": [s.label() for s in f.sources],
                               "suggestion": f.suggestion.en, **({"score": f.score} if f.score is not None else {})},
            })
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "vaktacheck", "version": __version__,
                                         "informationUri": "https://example.invalid/vaktacheck", "rules": rules}},
                     "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
