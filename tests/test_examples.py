"""The practice drafts in examples/ and their answer keys stay true against the current checker."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from vaktacheck import Checker, Config, Severity
from vaktacheck.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEYS = sorted(EXAMPLES.glob("*.answers.yaml"))
_CHECKER = Checker(Config(model=False))


def test_there_are_at_least_twelve_drafts_with_keys():
    assert len(KEYS) >= 12
    for k in KEYS:
        assert (EXAMPLES / yaml.safe_load(k.read_text(encoding="utf-8"))["draft"]).is_file()


@pytest.mark.parametrize("key", KEYS, ids=lambda p: p.stem)
def test_answer_key_matches_checker(key):
    data = yaml.safe_load(key.read_text(encoding="utf-8"))
    r = _CHECKER.check((EXAMPLES / data["draft"]).read_text(encoding="utf-8"))
    got = {}
    for f in r.findings:
        s = r.document.sentence_at(f.start)
        if s is not None and f.category != "meta" and f.severity >= Severity.medium:
            got.setdefault(s.index + 1, set()).add(f.category)
    want = {i["sentence"]: set(i["categories"]) for i in data["risky"]}
    assert got == want
    for i in data["risky"]:
        assert r.document.sentences[i["sentence"] - 1].text == i["text"]


@pytest.mark.parametrize("draft", ["rally-speech-hi.txt", "post-en.md", "post-hinglish.txt"])
def test_json_offsets_on_examples(draft, capsys):
    main([str(EXAMPLES / draft), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    text = (EXAMPLES / draft).read_text(encoding="utf-8")
    assert data["schema"] == "vaktacheck/1" and data["files"][0]["findings"]
    for f in data["files"][0]["findings"]:
        assert text[f["start"]:f["end"]] == f["match"]


def test_practice_scripted(capsys):
    code = main(["practice", str(EXAMPLES / "tweet-hi.txt"), "--answers", "2,4", "--why", "2=personal-attack"])
    out = capsys.readouterr().out
    assert code == 0
    assert "सही पहचाने 1/2" in out and "छूट गए 1" in out and "गलत चेतावनी 1" in out and "सही श्रेणी 1/1" in out
    assert "VC301" in out and "VC402" in out


def test_practice_interactive_under_a_terminal():
    p = subprocess.run([sys.executable, "-m", "vaktacheck", "practice", str(EXAMPLES / "tweet-hi.txt"), "--ui-lang", "en"],
                       input="2,3\nthreat\nthreat\n", capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "found 2/2" in p.stdout and "right category 1/2" in p.stdout


def test_batch_folder(tmp_path):
    drafts = tmp_path / "class"
    drafts.mkdir()
    for i, src in enumerate(sorted(EXAMPLES.glob("*.txt"))[:4]):
        (drafts / f"trainee{i}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (drafts / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "report"
    p = subprocess.run([sys.executable, "-m", "vaktacheck", "batch", str(drafts), "--out", str(out), "--no-model"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 2  # one unreadable draft, the others still reviewed
    assert "broken.txt" in p.stderr and "4 drafts reviewed" in p.stdout
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "trainee0.txt.html" in index and "Most common categories" in index
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["files"]) == 4 and "broken.txt" in summary["errors"]
