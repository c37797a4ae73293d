"""The shipped classifier: integrity checks, the ONNX form against the torch reference, the tokenizer."""
import shutil
import sys

import numpy as np
import pytest

from vaktacheck import Checker, Config
from vaktacheck.model import ModelError, default_model_dir, load_default_classifier
from vaktacheck.model.corpora import LABELS, _map
from vaktacheck.model.preprocess import clean

SENTENCES = ["ये लोग देश के गद्दार हैं", "Happy Diwali to every family", "You are an idiot and a liar",
             "Unemployment rose 40% in 2023 according to CMIE", "Mantri ji chor hain, sab loot liya",
             "सभी को ईद मुबारक", "x"]


@pytest.fixture(scope="module")
def clf():
    return load_default_classifier()


def test_config_is_complete(clf):
    cfg = clf.config
    assert tuple(cfg["labels"]) == LABELS
    assert set(cfg["thresholds"]) == set(LABELS) and all(0 < t < 1 for t in cfg["thresholds"].values())
    assert cfg["version"] and cfg["sha256"] and "model.safetensors" in cfg["sha256"]


def test_size_limit():
    total = sum(p.stat().st_size for p in default_model_dir().iterdir())
    assert total <= 25 * 1024 * 1024, total


def test_batch_in_batch_out(clf):
    p = clf.predict(SENTENCES)
    assert p.shape == (len(SENTENCES), len(LABELS))
    assert ((p >= 0) & (p <= 1)).all()
    assert np.allclose(p, clf.predict(SENTENCES))  # deterministic
    assert clf.predict([]).shape == (0, len(LABELS))


def test_scores_make_sense(clf):
    p = clf.predict(["You are an idiot and a liar", "Happy Diwali to every family"])
    j = LABELS.index("abusive")
    assert p[0, j] > 0.5 > p[1, j]


def _reference_sentences() -> list[str]:
    """Our own sentences: the examples, the functional suites and the tests' list (never corpus text)."""
    from vaktacheck.segment import split_sentences
    root = default_model_dir().parents[1]
    out = list(SENTENCES)
    for p in sorted((root / "examples").glob("*.txt")) + sorted((root / "examples").glob("*.md")):
        text = p.read_text(encoding="utf-8")
        out += [text[a:b] for a, b in split_sentences(text)]
    from vaktacheck.model.group_hate import load_suite
    for p in sorted((root / "data" / "functional").glob("*.tsv")):
        out += [c["text"] for c in load_suite(p)]
    return out


def test_onnx_matches_torch_reference(clf):
    """The ONNX form gives the torch transformer's scores (float32, weights stored in float16), so the
    classifier stays well within the 0.01 the project allows (the n-gram half is shared)."""
    torch = pytest.importorskip("torch")
    from vaktacheck.train import load_reference
    model = load_reference(default_model_dir(), clf.config["bert"])
    texts = _reference_sentences()
    assert len(texts) > 300
    cleaned = [clean(s) for s in texts]
    onnx = clf.transformer_logits(cleaned)
    enc = [e.ids for e in clf._tok.encode_batch(cleaned)]
    with torch.no_grad():
        ref = np.stack([model(input_ids=torch.tensor([ids])).logits[0].numpy() for ids in enc])
    sig = lambda z: 1 / (1 + np.exp(-z))
    assert np.abs(sig(onnx) - sig(ref)).max() < 1e-3
    blended_ref = sig(clf.blend * ref + (1 - clf.blend) * clf.ngram_logits(cleaned)[:, :len(LABELS)])
    assert np.abs(clf.predict(texts) - blended_ref).max() < 1e-3


def test_tokenizer_keeps_hindi_vowel_signs(clf):
    for word in ("मैं", "किताब", "हूँ", "पढ़ाई"):
        toks = clf._tok.encode(clean(word)).tokens
        joined = "".join(t.replace("##", "") for t in toks if t not in ("[CLS]", "[SEP]"))
        assert joined == clean(word), toks


@pytest.mark.parametrize("damage", ["truncate", "tamper", "delete", "config"])
def test_damaged_model_gives_clear_error(tmp_path, damage):
    folder = tmp_path / "m"
    shutil.copytree(default_model_dir(), folder)
    target = folder / "model.onnx"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:1000])
    elif damage == "tamper":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "delete":
        target.unlink()
    else:
        (folder / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError) as e:
        load_default_classifier(folder)
    assert "--no-model" in str(e.value)
    # the checker keeps working on rules and says why the model is missing
    c = Checker(Config(model=True, model_dir=folder))
    r = c.check("ये लोग देश के गद्दार हैं।")
    assert any(f.rule_id == "VC203" for f in r.findings) and r.model_error


def test_cli_damaged_model_exit_and_message(tmp_path, capsys, damaged_model_config):
    from vaktacheck.cli import main
    config = damaged_model_config("ngram.safetensors")
    draft = tmp_path / "d.txt"
    draft.write_text("Happy Diwali.", encoding="utf-8")
    code = main([str(draft), "--config", str(config)])
    err = capsys.readouterr().err
    assert "sha256" in err and "--no-model" in err and "Traceback" not in err
    assert code == 0


def test_model_findings_carry_score_and_a_word_span(clf):
    c = Checker(Config(model=True))
    text = "You are a stupid idiot and a liar, sir."
    r = c.check(text)
    model = [f for f in r.findings if f.source_kind == "model"] + [f for f in r.findings if f.also]
    assert model
    for f in r.findings:
        assert text[f.start:f.end] == f.match
    assert all(f.score is not None for f in model)


@pytest.mark.parametrize("text", [
    "mujhe gay logon se koi dikkat nahi, sabko apni zindagi ka haq hai",  # affirms
    "ye property dealer sab dhokebaaz hote hain",                         # no protected group
    "1984 ke dangon mein dilli mein hazaron sikh maare gaye the",          # history with a year
    "shaadi mein punjabi aur tamil dono tarah ka khana tha",               # two groups side by side
])
def test_no_model_hate_finding_where_score_caps_the_hate_score(clf, text):
    # the classifier reads each of these as hate (0.89-0.99); the checker agrees with `score` (hate_caps.py)
    assert clf.predict([text])[0][clf.labels.index("hate")] > 0.5
    findings = Checker(Config(model=True)).check(text).findings
    assert not [f for f in findings if f.rule_id == "VC903"]


def test_rules_only_path_never_imports_torch():
    import subprocess, sys
    code = ("import sys, vaktacheck; vaktacheck.check('ये लोग देश के गद्दार हैं।'); "
            "assert 'torch' not in sys.modules and 'onnxruntime' not in sys.modules, sorted(m for m in sys.modules if 'torch' in m)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_label_mapping_table():
    assert _map("constraint2021_hindi", ["fake"]) == (1, 0, 0, 0, None)
    assert _map("hasoc2019_hindi", ["HOF", "OFFN"]) == (1, 1, 0, None, None)
    assert _map("olid_offenseval2019", ["NOT"]) == (0, 0, 0, None, None)
    assert _map("claimbuster_two_class", ["1"]) == (None, None, None, None, 1)


def test_batch_ngram_logits_match_the_training_features():
    # training fits on tfidf_rows; inference computes the same values batch-wise (ngrams.logits)
    from vaktacheck.model import ngrams
    rng = np.random.default_rng(0)
    idf = rng.uniform(1, 5, 2 ** 12).astype(np.float32)
    weight = rng.normal(size=(2 ** 12, 5)).astype(np.float32)
    bias = rng.normal(size=5).astype(np.float32)
    texts = ["ये लोग गद्दार हैं", "", "a a a b", "Vote for us, vote for us!", "   ", "जो है सो है"]
    expected = np.array([vals @ weight[ids] + bias if ids.size else bias for ids, vals in ngrams.tfidf_rows(texts, idf)])
    assert np.allclose(ngrams.logits(texts, idf, weight, bias), expected, atol=1e-5)
