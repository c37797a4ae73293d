"""`vaktacheck score`: JSON Lines in, one line out per input, in order."""
import json

from vaktacheck.cli import main
from vaktacheck.model.corpora import LABELS


def test_score_lines(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    rows = [{"text": "Ye log desh ke gaddar hain", "id": 1}, {"text": "Happy Diwali to every family"},
            "not an object", {"text": "You are an idiot"}]
    src.write_text("\n".join(json.dumps(r) if not isinstance(r, str) else r for r in rows) + "\n", encoding="utf-8")
    code = main(["score", str(src)])
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert code == 2  # one bad line
    assert len(lines) == 4
    assert "error" in lines[2] and lines[2]["line"] == 3
    for obj in (lines[0], lines[1], lines[3]):
        assert set(obj["scores"]) == set(LABELS)
        assert all(0 <= v <= 1 for v in obj["scores"].values())
        assert set(obj["flagged"]) <= set(LABELS)
        assert isinstance(obj["findings"], list)
    assert "hostile" in lines[0]["flagged"] and lines[1]["flagged"] == []
    assert any(f["rule_id"] == "VC203" for f in lines[0]["findings"])


def test_score_no_model(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Ye log desh ke gaddar hain"}\n{"text": "Namaste"}\n', encoding="utf-8")
    assert main(["score", str(src), "--no-model"]) == 0
    a, b = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert "hate" in a["flagged"] and b["flagged"] == [] and b["scores"]["hate"] == 0
