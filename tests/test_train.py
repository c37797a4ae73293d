"""Training runs end to end on a small seeded sample and produces a loadable, checked model."""
import json
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.skipif(not (DATA / "constraint2021_hindi").is_dir(), reason="shared/data not present")
def test_small_training_run_is_reproducible_and_loads(tmp_path):
    from vaktacheck.model.classifier import Classifier
    from vaktacheck.train import main
    args = ["--data", str(DATA), "--limit", "600", "--epochs", "1", "--mlm-epochs", "1", "--hidden", "32",
            "--layers", "1", "--heads", "2", "--vocab", "600", "--threads", "1"]
    main(args + ["--out", str(tmp_path / "a")])
    # The WordPiece trainer's tie-breaking varies between processes; with the same tokenizer the
    # seeded run is bit-for-bit the same.
    main(args + ["--out", str(tmp_path / "b"), "--tokenizer", str(tmp_path / "a" / "tokenizer.json")])
    ca = json.loads((tmp_path / "a" / "config.json").read_text())
    cb = json.loads((tmp_path / "b" / "config.json").read_text())
    assert ca["sha256"] == cb["sha256"]  # same seed, same weights
    clf = Classifier.load(tmp_path / "a")
    p = clf.predict(["ये लोग देश के गद्दार हैं", "Happy Diwali"])
    assert p.shape == (2, 5) and np.isfinite(p).all()
    # the group-hate head is fitted by the same command, on our sentences only
    assert ca["group_hate"]["examples"] > 10000
    assert np.isfinite(clf.scores(["ये लोग देश के गद्दार हैं"])[1]).all()
    assert set(ca["dev_metrics"]) and all(0 < t < 1 for t in ca["thresholds"].values())
    # --refit-ngrams: new n-gram model, head and thresholds; the transformer and tokenizer stay as they were
    main(["--data", str(DATA), "--limit", "600", "--refit-ngrams", str(tmp_path / "b"), "--speech", ""])
    cr = json.loads((tmp_path / "b" / "config.json").read_text())
    for f in ("model.safetensors", "model.onnx", "tokenizer.json"):
        assert cr["sha256"][f] == ca["sha256"][f]
    assert cr["sha256"]["ngram.safetensors"] != ca["sha256"]["ngram.safetensors"]  # fitted without --speech
    assert cr["training"]["speech"] == "" and cr["training"]["ngrams_refitted"]
    assert Classifier.load(tmp_path / "b").predict(["Happy Diwali"]).shape == (1, 5)
    # --keep-thresholds: the model's blend and thresholds stay as they were
    main(["--data", str(DATA), "--limit", "300", "--refit-ngrams", str(tmp_path / "b"), "--keep-thresholds"])
    ck = json.loads((tmp_path / "b" / "config.json").read_text())
    assert ck["sha256"]["ngram.safetensors"] != cr["sha256"]["ngram.safetensors"]
    for key in ("thresholds", "thresholds_by_script", "blend_transformer"):
        assert ck[key] == cr[key]


def test_authored_templates_pair_every_group_with_hate_and_non_hate():
    # the template design: neither the group word nor the insult alone may carry the label
    from vaktacheck.model.corpora import LABELS, authored_records
    path = Path(__file__).resolve().parents[1] / "data" / "authored" / "hate-templates.yaml"
    recs = authored_records(path)
    assert [r.text for r in recs] == [r.text for r in authored_records(path)]  # seeded, same order
    assert len({r.text for r in recs}) == len(recs)
    hate = LABELS.index("hate")
    import yaml
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for lang in ("hi", "hi-Latn"):
        for g in spec[lang]["groups"]:
            labels = {r.labels[hate] for r in recs if r.lang == lang and g in r.text.split()}
            assert labels == {0, 1}, (lang, g)
    assert all(r.corpus == "vakta_authored" and r.split == "train" for r in recs)


def test_authored_contempt_for_an_unprotected_group_is_not_hate():
    # "{O} sab chor hain" (officials, trades) is the hate frame's twin: same words, a target that is not protected
    import yaml
    from vaktacheck.model.corpora import LABELS, authored_records
    path = Path(__file__).resolve().parents[1] / "data" / "authored" / "hate-templates.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    hate = LABELS.index("hate")
    recs = authored_records(path)
    for lang in ("hi", "hi-Latn"):
        for o in spec[lang]["O"]:
            labels = {r.labels[hate] for r in recs if r.lang == lang and r.text.startswith(o + " ")}
            assert labels == {0}, (lang, o, labels)


def test_political_speech_is_seeded_labelled_not_harmful_and_apart_from_the_held_out_lines():
    from vaktacheck.model.corpora import speech_records
    root = Path(__file__).resolve().parents[1]
    path = root / "data" / "authored" / "political-speech.yaml"
    recs = speech_records(path)
    assert [r.text for r in recs] == [r.text for r in speech_records(path)]  # seeded, same order
    assert {r.lang for r in recs} == {"hi", "hi-Latn", "en"} and len(recs) > 500
    assert {r.labels for r in recs} == {(0, 0, 0, None, None)}  # defamation, checkworthy unknown (corpora.py)
    assert not any("{" in r.text for r in recs)  # every slot filled
    # the held-out measure (benchmarks/everyday_politics.py) shares no line with the training sentences
    held_out = {line.split("\t", 1)[1] for p in (root / "data" / "benign").glob("lines-holdout*.tsv")
                for line in p.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line and line[0] != "#"}
    assert held_out and not held_out & {r.text for r in recs}


def test_misspell_changes_one_word_and_is_seeded():
    import random
    from vaktacheck.model.corpora import misspell
    a = [misspell("ye log bahut imaandar hote hain", "hi-Latn", random.Random(s)) for s in range(20)]
    assert a == [misspell("ye log bahut imaandar hote hain", "hi-Latn", random.Random(s)) for s in range(20)]
    changed = [x for x in a if x != "ye log bahut imaandar hote hain"]
    assert changed and all(len(set(x.split()) - set("ye log bahut imaandar hote hain".split())) <= 1
                           or " " in x for x in changed)
    hi = {misspell("मुसलमानों को नौकरी दीजिए", "hi", random.Random(s)) for s in range(20)}
    assert "मुसलमानो को नौकरी दीजिए" in hi or "मुसलमानों को नौकरी दिजिए" in hi
    assert misspell("a b", "hi-Latn", random.Random(1)) == "a b"  # no word long enough to misspell


def test_nb_averaging_changes_only_its_labels_and_not_the_random_state():
    # fit_ngrams averages an NB-scaled regression into the named labels' columns only; the extra fits carry
    # their own seed, so what training draws next (the transformer's masks and batches) is as without them
    from vaktacheck.train import fit_ngrams
    texts = ["ये लोग गद्दार हैं", "आज मौसम अच्छा है", "tum sab chor ho", "chai peene chalo",
             "ye log desh ke dushman", "kal match dekhenge"] * 5
    Y = np.tile(np.array([[1, 1, 1, 0, 0], [0, 0, 0, 0, 1], [1, 1, 0, 1, 0], [0, 0, 0, 0, 0], [1, 0, 1, 0, 1],
                          [0, 0, 0, 0, 0]], dtype=np.float32), (5, 1))
    Y[:3, 3] = -1  # a label some examples say nothing about
    np.random.seed(0)
    _, w_plain, _ = fit_ngrams(texts, Y, 4.0)
    after_plain = np.random.random()
    np.random.seed(0)
    _, w_nb, _ = fit_ngrams(texts, Y, 4.0, nb_labels=("hostile",))
    assert np.random.random() == after_plain
    assert not np.allclose(w_plain[:, 0], w_nb[:, 0])
    assert np.array_equal(w_plain[:, 1:], w_nb[:, 1:])


def test_a_label_with_one_class_in_the_sample_gets_no_weights():
    # a small --limit sample may hold no positive of a label; liblinear refuses a one-class fit
    from vaktacheck.model.corpora import LABELS
    from vaktacheck.train import fit_ngrams
    texts = ["ये लोग गद्दार हैं", "happy diwali to all", "sarkar ne sadak banayi", "tum sab chor ho"]
    Y = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
    Y[[0, 3], 0] = 1                     # the first label has both classes; every other has only 0
    idf, W, b = fit_ngrams(texts, Y, 1.0, None, (), 1.0, 1.0)
    assert np.abs(W[:, 0]).sum() > 0
    assert not W[:, 1:].any() and (b[1:] < 0).all()
