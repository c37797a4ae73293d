"""The classifier: a small transformer trained by this project, run with onnxruntime.

The rules-only path never imports this package's heavy parts; torch is used only for training.
"""
from __future__ import annotations

from pathlib import Path


class ModelError(Exception):
    """The model cannot be loaded; the message says why and suggests --no-model."""


def file_sha256(path: Path) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def default_model_dir() -> Path:
    """models/vakta-clf next to the package (editable install) or inside it (wheel)."""
    here = Path(__file__).resolve()
    for cand in (here.parents[3] / "models" / "vakta-clf", here.parent.parent / "data" / "vakta-clf"):
        if (cand / "config.json").is_file():
            return cand
    return here.parents[3] / "models" / "vakta-clf"


def load_default_classifier(model_dir: Path | None = None, threads: int | None = None):
    import os
    from .classifier import Classifier
    # one inference thread per worker process when a batch already runs one process per core
    threads = threads or int(os.environ.get("VAKTACHECK_THREADS", "2"))
    if threads == 1:  # ... and then the tokenizer's own thread pool would compete for the cores too
        os.environ["TOKENIZERS_PARALLELISM"] = "false"
    return Classifier.load(Path(model_dir) if model_dir else default_model_dir(), threads=threads)
