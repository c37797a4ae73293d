"""The command line as a user meets it: exit codes 0, 1 and 2, JSON schema, errors without tracebacks."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vaktacheck.cli import main

RISKY_HI = "हमारे गांव में पानी की समस्या है।\nये लोग देश के गद्दार हैं।\n"
CLEAN = "सभी देशवासियों को दीपावली की हार्दिक शुभकामनाएं।\nHappy Diwali to every family.\n"


@pytest.fixture
def files(tmp_path):
    risky = tmp_path / "risky.txt"
    risky.write_text(RISKY_HI, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return risky, clean, empty


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_risky_file_exits_1_and_points_at_the_line(capsys, files):
    code, out, err = run(capsys, str(files[0]), "--no-model", "--color", "never")
    assert code == 1
    assert f"{files[0]}:2:1" in out
    assert "VC203" in out and "⟦ये लोग देश के गद्दार⟧" in out


def test_clean_and_empty_files_exit_0(capsys, files):
    for f in files[1:]:
        code, out, err = run(capsys, str(f), "--no-model")
        assert code == 0, out
        assert err == ""


def test_missing_file_is_one_line_exit_2_and_others_still_checked(capsys, files, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nope.txt"), str(files[0]), "--no-model", "--format", "json")
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file" in err and "Traceback" not in err
    data = json.loads(out)
    paths = {f["path"]: f for f in data["files"]}
    assert "error" in paths[str(tmp_path / "nope.txt")]
    assert paths[str(files[0])]["findings"]


def test_directory_and_binary_inputs_are_clear_errors(capsys, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    code, out, err = run(capsys, str(tmp_path), str(binary), "--no-model")
    assert code == 2
    assert "is a directory" in err and "binary" in err


def test_invalid_utf8_names_byte_offset(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("नमस्ते ".encode() + b"\xff\xfe bad")
    code, out, err = run(capsys, str(bad), "--no-model")
    assert code == 2 and "byte 19" in err
    code, out, err = run(capsys, str(bad), "--no-model", "--errors", "replace")
    assert code == 0


def test_utf16_with_bom(capsys, tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(RISKY_HI.encode("utf-16"))
    code, out, err = run(capsys, str(f), "--no-model", "--format", "json")
    assert code == 1
    assert any(x["rule_id"] == "VC203" for x in json.loads(out)["files"][0]["findings"])


def test_usage_error_exits_2(capsys):
    code, out, err = run(capsys, "--format", "nope")
    assert code == 2 and "invalid choice" in err
    code, out, err = run(capsys)
    assert code == 2


def test_json_schema_and_offsets(capsys, files):
    code, out, err = run(capsys, str(files[0]), "--no-model", "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "vaktacheck/1"
    text = files[0].read_text(encoding="utf-8")
    for f in data["files"][0]["findings"]:
        assert text[f["start"]:f["end"]] == f["match"]
        for key in ("rule_id", "category", "severity", "message", "explanation", "suggestion", "sources",
                    "source_kind", "score", "line", "column"):
            assert key in f
        assert set(f["message"]) == {"en", "hi"}
        assert all(s["tag"] in ("TEXT", "REPORTED", "UNVERIFIED") for s in f["sources"])


def test_fail_on_and_min_severity(capsys, files):
    code, _, _ = run(capsys, str(files[0]), "--no-model", "--fail-on", "critical")
    assert code == 1
    code, out, _ = run(capsys, str(files[0]), "--no-model", "--select", "VC7", "--format", "json")
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []
    code, out, _ = run(capsys, str(files[0]), "--no-model", "--ignore", "VC2,VC8", "--format", "json")
    assert code == 0


def test_stdin(monkeypatch, capsys):
    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Ye log desh ke gaddar hain.".encode())))
    code, out, _ = run(capsys, "-", "--no-model", "--format", "concise")
    assert code == 1 and out.startswith("<stdin>:1:1: VC203 [critical]")


def test_no_color_and_force_color(capsys, files, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(capsys, str(files[0]), "--no-model")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, str(files[0]), "--no-model")
    assert "\x1b[" not in out


def test_ui_language(capsys, files):
    _, out, _ = run(capsys, str(files[0]), "--no-model", "--color", "never")
    assert "अति गंभीर" in out  # Hindi draft: Hindi messages by default
    _, out, _ = run(capsys, str(files[0]), "--no-model", "--color", "never", "--ui-lang", "en")
    assert "[critical]" in out and "may raise" in out


def test_rules_and_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines() if line.startswith("VC")]
    assert len(ids) >= 38 and len(set(ids)) == len(ids)
    cats = {line.split()[2] for line in out.splitlines() if line.startswith("VC")}
    assert len(cats) == 8
    code, out, _ = run(capsys, "rule", "VC503")
    assert code == 0 and "[UNVERIFIED]" in out and "## Examples that pass" in out
    code, _, err = run(capsys, "rule", "VC999")
    assert code == 2 and "no rule" in err


def test_every_rule_explains(capsys):
    _, out, _ = run(capsys, "rules", "--format", "json")
    for r in json.loads(out):
        code, text, _ = run(capsys, "rule", r["id"])
        assert code == 0 and r["title"] in text and "## Sources" in text


def test_context_silence_period(capsys, tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("Kal sab log hamare pratyashi ko vote dein.\n", encoding="utf-8")
    inside = ["--publish-at", "2026-04-18T09:00", "--poll-end", "2026-04-19T18:00"]
    outside = ["--publish-at", "2026-04-12T09:00", "--poll-end", "2026-04-19T18:00"]
    _, out, _ = run(capsys, str(post), "--no-model", "--format", "json", *inside)
    assert any(f["rule_id"] == "VC604" for f in json.loads(out)["files"][0]["findings"])
    _, out, _ = run(capsys, str(post), "--no-model", "--format", "json", *outside)
    assert not any(f["rule_id"] == "VC604" for f in json.loads(out)["files"][0]["findings"])
    code, _, err = run(capsys, str(post), "--no-model", "--publish-at", "tomorrow")
    assert code == 2 and "ISO 8601" in err


def test_console_script_and_module_entry_point(files):
    script = Path(sys.executable).parent / "vaktacheck"  # the venv's console script, venv active or not
    for cmd in ([str(script)], [sys.executable, "-m", "vaktacheck"]):
        p = subprocess.run(cmd + [str(files[0]), "--no-model"], capture_output=True, text=True)
        assert p.returncode == 1, p.stderr
        assert "VC203" in p.stdout
