"""Training runs end to end on a small seeded sample and produces a loadable, checked model."""
import json
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
pytestmark = pytest.mark.skipif(not (DATA / "constraint2021_hindi").is_dir(), reason="shared/data not present")


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
    assert set(ca["dev_metrics"]) and all(0 < t < 1 for t in ca["thresholds"].values())
