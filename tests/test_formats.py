"""SARIF 2.1.0 (validated with sarif-pydantic's models of the 2.1.0 schema), Markdown, notebook display."""
import json
from pathlib import Path

import pytest

from vaktacheck import Checker, Config
from vaktacheck.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("draft", ["post-en.md", "rally-speech-hi.txt", "post-hinglish.txt"])
def test_sarif_validates(draft, capsys):
    sarif_pydantic = pytest.importorskip("sarif_pydantic")
    main([str(EXAMPLES / draft), "--format", "sarif", "--no-model"])
    doc = json.loads(capsys.readouterr().out)
    log = sarif_pydantic.Sarif.model_validate(doc)
    assert log.version == "2.1.0" and log.runs[0].results
    text = (EXAMPLES / draft).read_text(encoding="utf-8")
    for r in doc["runs"][0]["results"]:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]


def test_markdown_and_concise(capsys):
    main([str(EXAMPLES / "tweet-hi.txt"), "--format", "markdown", "--no-model"])
    out = capsys.readouterr().out
    assert out.startswith("# vaktacheck report") and "`VC301`" in out
    main([str(EXAMPLES / "tweet-hi.txt"), "--format", "concise", "--no-model"])
    out = capsys.readouterr().out
    assert any(l.split(": ", 1)[0].endswith("tweet-hi.txt:3:" + l.split(":")[2]) and "VC301 [critical]" in l
               for l in out.splitlines())


def test_notebook_display_and_api():
    r = Checker(Config(model=False)).check((EXAMPLES / "tweet-hi.txt").read_text(encoding="utf-8"))
    html = r._repr_html_()
    assert "<mark" in html and "VC301" in html
    assert "VC301" in str(r)
    assert {"personal-attack", "threat"} <= set(r.by_category())
    assert all(f.category == c for c, fs in r.by_category().items() for f in fs)
    assert r.to_dict()["findings"][0]["rule_id"]
