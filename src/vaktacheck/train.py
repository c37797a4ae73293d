"""Train the shipped classifier from the corpora in shared/data, reproducibly, on a laptop CPU.

    python -m vaktacheck.train --data ../shared/data --out models/vakta-clf

Steps: clean text; train a WordPiece tokenizer (no accent stripping: it deletes Hindi vowel signs);
fit the hashed n-gram linear model (for hostile and abusive averaged with an NB-scaled one);
train a small BERT-style transformer from scratch with a masked multi-label loss; pick, per label on
dev data, the blend of the two and a threshold; export safetensors + ONNX + tokenizer + config (with
sha256 of every file); print dev metrics.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import time
from pathlib import Path

import numpy as np

from .model.corpora import LABELS, TRAIN_WEIGHT, authored_records, load_corpora, speech_records
from .model.calibrate import script_of
from .model.preprocess import clean
from .model import file_sha256, group_hate, ngrams
from .model.group_hate import HEAD_FILE

MODEL_VERSION = "1.7.25"


def set_seed(seed: int) -> None:
    import torch
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train_tokenizer(texts, vocab_size: int, path: Path):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers, decoders
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    # NFC + lowercase only: BERT's accent stripping would delete Devanagari vowel signs (मैं -> म).
    tok.normalizer = normalizers.Sequence([normalizers.NFC(), normalizers.Lowercase()])
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=3,
                                        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator(texts, trainer=trainer)
    from tokenizers.processors import TemplateProcessing
    tok.post_processor = TemplateProcessing(single="[CLS] $A [SEP]", special_tokens=[
        ("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))])
    tok.save(str(path))
    return tok


def label_matrix(records) -> np.ndarray:
    """-1 where a corpus says nothing about a label."""
    return np.array([[(-1 if v is None else v) for v in r.labels] for r in records], dtype=np.float32)


# -- n-gram model ----------------------------------------------------------------------------
def nb_ratio(X, y, weight, alpha: float) -> np.ndarray:
    """Per feature, the log ratio of its share of the positive examples' tf-idf mass to its share of the
    negatives' (NB-SVM, Wang and Manning 2012), smoothed by alpha."""
    p = alpha + np.asarray(X[y == 1].multiply(weight[y == 1][:, None]).sum(0)).ravel()
    q = alpha + np.asarray(X[y == 0].multiply(weight[y == 0][:, None]).sum(0)).ravel()
    return np.log(p / p.sum()) - np.log(q / q.sum())


def fit_ngrams(texts, Y, C: float, corpora=None, nb_labels=(), nb_C: float = 16.0, nb_alpha: float = 0.1):
    """One logistic regression per label over the hashed tf-idf features. For `nb_labels`, the average of
    that and a second one fitted on the features scaled by their NB log-count ratio: both are linear in the
    same features, so the average is one weight column and inference is unchanged."""
    from sklearn.linear_model import LogisticRegression
    raw = [np.unique(np.asarray(ngrams.feature_ids(t), dtype=np.int64), return_counts=True) for t in texts]
    df = np.zeros(ngrams.N_FEATURES, dtype=np.float64)
    for ids, _ in raw:
        df[ids] += 1
    n = len(texts)
    idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
    X = ngrams.tfidf_matrix(texts, idf)
    W = np.zeros((ngrams.N_FEATURES, len(LABELS)), dtype=np.float32)
    b = np.zeros(len(LABELS), dtype=np.float32)
    corpora = np.asarray(corpora if corpora is not None else [""] * len(texts))
    for j, name in enumerate(LABELS):
        known = Y[:, j] >= 0
        Xk, yk = X[known], Y[known, j]
        if len(np.unique(yk)) < 2:
            # a small --limit sample may hold one class of a label: nothing to learn, so no weights and the
            # smoothed log-odds of what was seen (liblinear refuses a one-class fit)
            b[j] = np.log((yk.sum() + 1) / (len(yk) - yk.sum() + 1))
            print(f"  n-gram model: '{name}' has one class in this sample; its weights stay zero", flush=True)
            continue
        weight = np.array([TRAIN_WEIGHT.get((c, name), 1.0) for c in corpora[known]])
        clf = LogisticRegression(C=C, max_iter=300, solver="liblinear")
        clf.fit(Xk, yk, sample_weight=weight)
        W[:, j] = clf.coef_[0]
        b[j] = clf.intercept_[0]
        if name in nb_labels:
            r = nb_ratio(Xk, yk, weight, nb_alpha)
            # its own seed, so this fit leaves the global random state (and all that follows) as it was
            nb = LogisticRegression(C=nb_C, max_iter=300, solver="liblinear", random_state=0)
            nb.fit(Xk.multiply(r).tocsr(), yk, sample_weight=weight)
            W[:, j] = (W[:, j] + nb.coef_[0] * r) / 2
            b[j] = (b[j] + nb.intercept_[0]) / 2
        print(f"  n-gram {name}: {known.sum()} examples{' (with NB)' if name in nb_labels else ''}", flush=True)
    return idf, W, b


# -- transformer ------------------------------------------------------------------------------
def build_model(vocab_size: int, hidden: int, layers: int, heads: int, max_len: int):
    from transformers import BertConfig, BertForSequenceClassification
    cfg = BertConfig(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers,
                     num_attention_heads=heads, intermediate_size=hidden * 4, max_position_embeddings=max_len,
                     type_vocab_size=1, num_labels=len(LABELS), hidden_dropout_prob=0.1,
                     attention_probs_dropout_prob=0.1, problem_type="multi_label_classification")
    cfg._attn_implementation = "eager"  # traces cleanly to ONNX
    return BertForSequenceClassification(cfg)


def optimiser(params, lr: float, steps: int):
    """AdamW with linear warm-up (5%) and linear decay: the schedule of both training stages."""
    import torch
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    warm = max(1, int(0.05 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    return opt, sched


def step(opt, sched, loss, params) -> None:
    import torch
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    opt.step()
    sched.step()


def pretrain_mlm(model, ids, vocab_size, epochs, batch_size, lr, seed, mask_id, special_ids, device="cpu"):
    """Masked-language-model pretraining of the encoder on the training texts (no labels)."""
    import torch
    from transformers import BertForMaskedLM
    mlm = BertForMaskedLM(model.config)
    mlm.bert.load_state_dict(model.bert.state_dict(), strict=False)
    mlm.to(device)
    rng = random.Random(seed)
    gen = torch.Generator().manual_seed(seed)
    steps = max(1, epochs * math.ceil(len(ids) / batch_size))
    opt, sched = optimiser(mlm.parameters(), lr, steps)
    special = torch.tensor(sorted(special_ids))
    mlm.train()
    done, t0 = 0, time.time()
    for ep in range(epochs):
        for batch in batches(ids, range(len(ids)), batch_size, True, rng):
            x, m = pad(ids, batch)
            labels = x.clone()
            prob = torch.full(x.shape, 0.15)
            prob[torch.isin(x, special) | (m == 0)] = 0.0
            chosen = torch.bernoulli(prob, generator=gen).bool()
            labels[~chosen] = -100
            r = torch.rand(x.shape, generator=gen)
            x = x.clone()
            x[chosen & (r < 0.8)] = mask_id
            rand_tok = chosen & (r >= 0.8) & (r < 0.9)
            x[rand_tok] = torch.randint(len(special_ids), vocab_size, (int(rand_tok.sum()),), generator=gen)
            # masks are drawn on the CPU whatever the device, so a seed gives the same masks everywhere
            loss = mlm(input_ids=x.to(device), attention_mask=m.to(device), labels=labels.to(device)).loss
            step(opt, sched, loss, mlm.parameters())
            done += 1
            if done % 200 == 0:
                print(f"  mlm epoch {ep + 1} step {done}/{steps} loss {loss.item():.3f} ({time.time() - t0:.0f}s)", flush=True)
    model.bert.load_state_dict(mlm.bert.state_dict(), strict=False)


def encode(tok, texts, max_len):
    tok.enable_truncation(max_len)
    return [e.ids for e in tok.encode_batch(texts)]


def batches(ids, idx, batch_size, shuffle, rng):
    """Length-bucketed batches: sort by length in chunks so padding stays small."""
    idx = list(idx)
    if shuffle:
        rng.shuffle(idx)
    chunk = batch_size * 50
    out = []
    for k in range(0, len(idx), chunk):
        part = sorted(idx[k:k + chunk], key=lambda i: len(ids[i]))
        out += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    if shuffle:
        rng.shuffle(out)
    return out


def pad(ids, batch):
    import torch
    L = max(len(ids[i]) for i in batch)
    x = torch.zeros((len(batch), L), dtype=torch.long)
    m = torch.zeros((len(batch), L), dtype=torch.long)
    for r, i in enumerate(batch):
        x[r, :len(ids[i])] = torch.tensor(ids[i])
        m[r, :len(ids[i])] = 1
    return x, m


def train_transformer(model, ids, Y, epochs, batch_size, lr, seed, log_every=200, device="cpu"):
    import torch
    model.to(device)
    rng = random.Random(seed)
    steps = epochs * math.ceil(len(ids) / batch_size)
    opt, sched = optimiser(model.parameters(), lr, steps)
    Yt = torch.tensor(Y)
    done, t0 = 0, time.time()
    model.train()
    for ep in range(epochs):
        for batch in batches(ids, range(len(ids)), batch_size, True, rng):
            x, m = pad(ids, batch)
            y = Yt[batch].to(device)
            logits = model(input_ids=x.to(device), attention_mask=m.to(device)).logits
            mask = (y >= 0).float()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y.clamp(min=0), weight=mask,
                                                                        reduction="sum") / mask.sum().clamp(min=1)
            step(opt, sched, loss, model.parameters())
            done += 1
            if done % log_every == 0:
                print(f"  epoch {ep + 1} step {done}/{steps} loss {loss.item():.4f} ({time.time() - t0:.0f}s)", flush=True)
    model.eval()


def predict_transformer(model, ids, batch_size=256):
    import torch
    out = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    with torch.no_grad():
        for batch in batches(ids, range(len(ids)), batch_size, False, None):
            x, m = pad(ids, batch)
            out[batch] = model(input_ids=x, attention_mask=m).logits.numpy()
    return out


# -- choosing blend and thresholds on dev --------------------------------------------------
def dev_metrics(dev, blend, table, dev_ng, dev_tf) -> dict:
    """Print and return the dev metrics of a blend and threshold table."""
    from .model.calibrate import sigmoid, threshold_matrix
    from .model.evaluate import report_metrics
    probs = sigmoid(np.array(blend) * dev_tf + (1 - np.array(blend)) * dev_ng)
    return report_metrics(dev, probs, threshold_matrix(table, [r.text for r in dev]),
                          extra={"transformer": sigmoid(dev_tf), "ngram": sigmoid(dev_ng)})


def calibrate(dev, dev_ng, dev_tf):
    """Blend and per-script thresholds chosen on dev; print and return the dev metrics."""
    from .model.calibrate import choose_blend, choose_thresholds, sigmoid
    Ydev = label_matrix(dev)
    blend = choose_blend(dev_ng, dev_tf, Ydev)
    probs = sigmoid(np.array(blend) * dev_tf + (1 - np.array(blend)) * dev_ng)
    texts = [r.text for r in dev]
    table = choose_thresholds(probs, Ydev, [script_of(t) for t in texts], [r.corpus for r in dev])
    metrics = dev_metrics(dev, blend, table, dev_ng, dev_tf)
    print(f"blend (transformer weight) {dict(zip(LABELS, blend))}")
    print("thresholds " + json.dumps({g: {l: round(t, 2) for l, t in v.items()} for g, v in table.items()}))
    return blend, table, metrics


def store_calibration(cfg: dict, blend, table: dict, metrics: dict) -> None:
    """Put blend, thresholds and dev metrics into a model's config (a dict read from config.json)."""
    cfg.update({"blend_transformer": dict(zip(LABELS, blend)), "thresholds": table["all"],
                "thresholds_by_script": {k: v for k, v in table.items() if k != "all"}, "dev_metrics": metrics})


def recalibrate(folder: Path, data: Path) -> int:
    """Re-choose blend and thresholds of a trained model on dev data, updating its config.json."""
    from .model.classifier import Classifier
    clf = Classifier.load(folder)
    _, dev = load_corpora(data)
    cleaned = [clean(r.text) for r in dev]
    order = [clf.labels.index(l) for l in LABELS]
    blend, table, metrics = calibrate(dev, clf.ngram_logits(cleaned)[:, order], clf.transformer_logits(cleaned)[:, order])
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    store_calibration(cfg, blend, table, metrics)
    write_config(folder, cfg)
    print(f"updated {folder / 'config.json'}")
    return 0


def onnx_float16_weights(path: Path) -> None:
    """Store the ONNX graph's large weights in float16 with a Cast to float32 in front of each: half
    the file, and the same function, since the weights were rounded to float16 before export
    (onnxruntime folds the casts when it loads the graph)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    m = onnx.load(str(path))
    casts, halves = [], []
    for init in list(m.graph.initializer):
        arr = numpy_helper.to_array(init)
        if init.data_type != TensorProto.FLOAT or arr.size < 1024:
            continue
        half = arr.astype(np.float16)
        if not np.array_equal(half.astype(np.float32), arr):
            continue  # not exactly representable: keep it in float32
        halves.append(numpy_helper.from_array(half, init.name + "__fp16"))
        casts.append(helper.make_node("Cast", [init.name + "__fp16"], [init.name], to=TensorProto.FLOAT,
                                      name=init.name + "__cast"))
        m.graph.initializer.remove(init)
    m.graph.initializer.extend(halves)
    nodes = list(m.graph.node)
    del m.graph.node[:]
    m.graph.node.extend(casts + nodes)  # casts first: the graph must stay in topological order
    onnx.checker.check_model(m)
    onnx.save(m, str(path))


def write_onnx(model, path: Path) -> None:
    """The ONNX form for fast CPU inference; the torch model stays the reference (tests compare the two).

    Float32 throughout, its weights stored in float16 (they were rounded to float16 before export, so
    nothing is lost). The 160-wide model of version 1.0.0 ran its matrix products in int8 (dynamic
    quantization: 0.48 -> 0.27 ms a sentence, scores within 0.0072); at width 96 int8 saved only 7% of
    the transformer's time and moved the classifier's scores by up to 0.0118 on 10,000 dev sentences,
    over the 0.01 the project allows, so the float graph ships (same scores as torch)."""
    import tempfile
    import torch
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        x = torch.ones((2, 8), dtype=torch.long)
        torch.onnx.export(model, (x, torch.ones_like(x)), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["logits"], dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                                                                 "attention_mask": {0: "batch", 1: "seq"}},
                          opset_version=17, dynamo=False)
        shutil.copyfile(fp32, path)
    onnx_float16_weights(path)


def write_config(folder: Path, cfg: dict) -> None:
    (folder / "config.json").write_text(json.dumps(cfg, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def load_reference(folder: Path, bert_config: dict):
    """The torch transformer of a trained model (float32, eval mode): the reference the ONNX form is checked against."""
    from safetensors.torch import load_file
    from transformers import BertConfig, BertForSequenceClassification
    bert = BertConfig.from_dict(bert_config)
    bert._attn_implementation = "eager"
    model = BertForSequenceClassification(bert)
    model.load_state_dict({k: v.float() for k, v in load_file(str(folder / "model.safetensors")).items()})
    return model.eval()


def reexport(folder: Path) -> int:
    """Rewrite model.onnx of a trained model from its model.safetensors (and its sha256 in config.json)."""
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    write_onnx(load_reference(folder, cfg["bert"]), folder / "model.onnx")
    cfg["sha256"]["model.onnx"] = file_sha256(folder / "model.onnx")
    write_config(folder, cfg)
    print(f"rewrote {folder / 'model.onnx'}")
    return 0


def group_hate_config(args, suites, texts, y) -> dict:
    """What config.json records of the group-hate head: its threshold and what it was trained on."""
    return {"threshold": args.group_hate_threshold, "C": args.group_hate_C, "examples": len(texts),
            "templates": args.authored or None, "mentions": args.mentions or None, "suites": [p.name for p in suites], "rule_examples": True,
            "training_sha256": group_hate.digest(texts, y)}


def fit_group_hate(args, idf) -> tuple[np.ndarray, float, dict]:
    """The group-hate head (model/group_hate.py) on the rules' examples, our templates and every functional suite."""
    suites = sorted(Path(args.functional).glob("*.tsv")) if args.functional else []
    texts, y = group_hate.training_examples(args.authored or None, suites, mentions=args.mentions or None)
    w, b = group_hate.fit([clean(t) for t in texts], y, idf, args.group_hate_C)
    print(f"  group-hate head: {len(texts)} of our sentences ({int(y.sum())} hate), {len(suites)} suites", flush=True)
    return w, b, group_hate_config(args, suites, texts, y)


def refit_group_hate(folder: Path, args) -> int:
    """Refit only the group-hate head of a trained model (seconds), updating group_hate.safetensors and config.json."""
    from safetensors.numpy import load_file
    idf = load_file(str(folder / "ngram.safetensors"))["idf"].astype(np.float32)
    write_group_hate(folder, *fit_group_hate(args, idf))
    print(f"updated {folder / HEAD_FILE} and {folder / 'config.json'}")
    return 0


def training_records(args) -> tuple[list, list]:
    """The corpora's train and dev records, with our own sentences (--authored, --speech) added to train;
    with --limit, a seeded sample of train."""
    train, dev = load_corpora(Path(args.data))
    if args.authored:
        train += authored_records(Path(args.authored))
    if args.speech:
        train += speech_records(Path(args.speech))
    if args.limit:
        random.Random(args.seed).shuffle(train)
        train = train[:args.limit]
    return train, dev


def fit_ngram_model(args, train, cleaned) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The n-gram model of the full command: idf (rounded as shipped), weights and biases."""
    idf, W, b = fit_ngrams(cleaned, label_matrix(train), args.C, [r.corpus for r in train],
                           tuple(filter(None, args.nb_labels.split(","))), args.nb_C, args.nb_alpha)
    return idf.astype(np.float16).astype(np.float32), W, b


def refit_ngrams(folder: Path, args) -> int:
    """Refit the n-gram model of a trained model on the current training data, then its group-hate head
    (it reads the same idf), then blend and thresholds on dev: every stage of the full command but the
    tokenizer and the transformer, whose weights stay (minutes instead of twenty)."""
    from safetensors.numpy import save_file
    from .model.classifier import Classifier
    clf = Classifier.load(folder)
    train, dev = training_records(args)
    print(f"train {len(train)} dev {len(dev)}", flush=True)
    dv_text = [clean(r.text) for r in dev]
    order = [clf.labels.index(l) for l in LABELS]
    dev_tf = clf.transformer_logits(dv_text)[:, order]
    print("n-gram model ...", flush=True)
    idf, W, b = fit_ngram_model(args, train, [clean(r.text) for r in train])
    dev_ng = ngrams.logits(dv_text, idf, W.astype(np.float16).astype(np.float32), b)
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if args.keep_thresholds:  # the model's own, and what the refitted n-gram model gives with them
        blend = [cfg["blend_transformer"][l] for l in LABELS]
        table = {"all": cfg["thresholds"], **cfg["thresholds_by_script"]}
        metrics = dev_metrics(dev, blend, table, dev_ng, dev_tf)
    else:
        blend, table, metrics = calibrate(dev, dev_ng, dev_tf)
    save_file(ngram_tensors(idf, W, b), str(folder / "ngram.safetensors"))
    store_calibration(cfg, blend, table, metrics)
    for key in ("C", "nb_labels", "nb_C", "nb_alpha", "authored", "speech", "limit", "keep_thresholds"):
        cfg["training"][key] = getattr(args, key)
    cfg["training"]["ngrams_refitted"] = ("the n-gram model and head refitted on this transformer, "
                                          + ("blend and thresholds kept" if args.keep_thresholds else
                                             "blend and thresholds re-chosen on dev"))
    cfg["sha256"]["ngram.safetensors"] = file_sha256(folder / "ngram.safetensors")
    write_config(folder, cfg)
    write_group_hate(folder, *fit_group_hate(args, idf))
    print(f"updated {folder / 'ngram.safetensors'}, {folder / HEAD_FILE} and {folder / 'config.json'}")
    return 0


def write_group_hate(folder: Path, w: np.ndarray, b: float, info: dict) -> None:
    """Put a group-hate head into a trained model's folder (replacing any), and its sha256 into config.json."""
    from safetensors.numpy import save_file
    cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    save_file(head_tensors(w, b), str(folder / HEAD_FILE))
    cfg["version"] = MODEL_VERSION
    cfg["group_hate"] = info
    cfg["sha256"][HEAD_FILE] = file_sha256(folder / HEAD_FILE)
    write_config(folder, cfg)


def ngram_tensors(idf, W, b) -> dict:
    """ngram.safetensors: idf and the labels' weights in float16, the biases in float32."""
    return {"idf": idf.astype(np.float16), "weight": W.astype(np.float16), "bias": b.astype(np.float32)}


def head_tensors(w, b) -> dict:
    """group_hate.safetensors: the head's weight column in float16 and its bias."""
    return {"weight": w.astype(np.float16), "bias": np.array([b], dtype=np.float32)}


def export(out: Path, model, tok_path, idf, W, b, blend, table, args, max_len, metrics, head):
    import torch
    from safetensors.numpy import save_file as save_np
    from safetensors.torch import save_file as save_torch
    out.mkdir(parents=True, exist_ok=True)
    # Weights ship in float16 (half the size); the ONNX graph is exported from the same rounded
    # weights, so the torch reference and the ONNX form compute the same function.
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    state = {k: v.contiguous().half() if v.is_floating_point() else v.contiguous() for k, v in model.state_dict().items()}
    save_torch(state, str(out / "model.safetensors"))
    head_w, head_b, head_info = head
    save_np(ngram_tensors(idf, W, b), str(out / "ngram.safetensors"))
    save_np(head_tensors(head_w, head_b), str(out / HEAD_FILE))
    write_onnx(model, out / "model.onnx")
    files = ["model.safetensors", "ngram.safetensors", HEAD_FILE, "model.onnx", "tokenizer.json"]
    cfg = {
        "name": "vakta-clf", "version": MODEL_VERSION, "labels": list(LABELS),
        "thresholds": table["all"], "thresholds_by_script": {k: v for k, v in table.items() if k != "all"},
        "blend_transformer": dict(zip(LABELS, blend)),
        "max_len": max_len, "ngram": {"n_features": ngrams.N_FEATURES, "char_n": list(ngrams.CHAR_N)},
        "group_hate": head_info,
        "bert": model.config.to_dict(), "training": vars(args) | {"data": "shared/data (not shipped)"},
        "dev_metrics": metrics, "sha256": {f: file_sha256(out / f) for f in files},
    }
    write_config(out, cfg)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vaktacheck.train", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data", help="folder of the corpora (default ../shared/data)")
    ap.add_argument("--out", default="models/vakta-clf")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--vocab", type=int, default=8000)
    ap.add_argument("--hidden", type=int, default=96)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--mlm-epochs", type=int, default=2, help="masked-LM pretraining epochs before fine-tuning")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularisation of the n-gram model")
    ap.add_argument("--nb-labels", default="hostile,abusive",
                    help="labels whose n-gram weights average in an NB-scaled regression ('' for none, as 1.4.0)")
    ap.add_argument("--nb-C", type=float, default=16.0, help="inverse regularisation of the NB-scaled regression")
    ap.add_argument("--nb-alpha", type=float, default=0.1, help="smoothing of the NB log-count ratios")
    ap.add_argument("--tokenizer", help="reuse this tokenizer.json instead of training one (bit-for-bit reruns)")
    ap.add_argument("--authored", metavar="YAML", default="data/authored/hate-templates.yaml",
                    help="our own group-hate template sentences, added to the training data (default: %(default)s; "
                    "'' for none)")
    ap.add_argument("--speech", metavar="YAML", default="data/authored/political-speech.yaml",
                    help="our everyday political speech, none of it hostile, added to the training data (default: "
                    "%(default)s; '' for none)")
    ap.add_argument("--mentions", metavar="YAML", default="data/authored/group-mentions.yaml",
                    help="everyday mentions of groups, none hateful: training data of the group-hate head only "
                    "(default: %(default)s; '' for none)")
    ap.add_argument("--functional", metavar="DIR", default="data/functional",
                    help="our functional suites (*.tsv), training data of the group-hate head only ('' for none)")
    ap.add_argument("--group-hate-C", type=float, default=16.0, help="inverse regularisation of the group-hate head")
    ap.add_argument("--group-hate-threshold", type=float, default=0.5,
                    help="the group-hate head raises hate from this probability up (chosen on suites 30-41 with "
                    "the head trained on 1-29: benchmarks/group_hate_forward.py, docs/benchmarks.md)")
    ap.add_argument("--refit-group-hate", metavar="MODEL_DIR",
                    help="only refit the group-hate head of a trained model on --authored and --functional")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N records only (smoke runs)")
    ap.add_argument("--device", default="cpu", help="torch device for the transformer (e.g. cuda); the "
                    "shipped model is trained on the CPU, and a GPU run gives close, not identical, weights")
    ap.add_argument("--threads", type=int, default=max(1, os.cpu_count() or 1))
    ap.add_argument("--refit-ngrams", metavar="MODEL_DIR",
                    help="refit a trained model's n-gram model, group-hate head, blend and thresholds; keep its "
                    "tokenizer and transformer")
    ap.add_argument("--keep-thresholds", action="store_true",
                    help="with --refit-ngrams: keep the model's blend and thresholds instead of re-choosing them")
    ap.add_argument("--recalibrate", metavar="MODEL_DIR",
                    help="only re-choose blend and thresholds of a trained model on the dev data")
    ap.add_argument("--reexport", metavar="MODEL_DIR", help="only rewrite model.onnx from model.safetensors")
    args = ap.parse_args(argv)
    if args.reexport:
        return reexport(Path(args.reexport))
    if args.recalibrate:
        return recalibrate(Path(args.recalibrate), Path(args.data))
    if args.refit_group_hate:
        return refit_group_hate(Path(args.refit_group_hate), args)
    if args.refit_ngrams:
        return refit_ngrams(Path(args.refit_ngrams), args)
    import torch
    torch.set_num_threads(args.threads)
    set_seed(args.seed)
    t0 = time.time()
    train, dev = training_records(args)
    print(f"train {len(train)} dev {len(dev)}", flush=True)
    tr_text = [clean(r.text) for r in train]
    dv_text = [clean(r.text) for r in dev]
    Ytr = label_matrix(train)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print("n-gram model ...", flush=True)
    idf, W, b = fit_ngram_model(args, train, tr_text)
    dev_ng = ngrams.logits(dv_text, idf, W.astype(np.float16).astype(np.float32), b)
    head = fit_group_hate(args, idf)
    print(f"tokenizer ... ({time.time() - t0:.0f}s)", flush=True)
    if args.tokenizer:
        # The WordPiece trainer breaks ties between equally frequent merges differently from one process
        # to the next, so reuse a saved tokenizer when a bit-for-bit rerun is needed.
        from tokenizers import Tokenizer
        tok = Tokenizer.from_file(args.tokenizer)
        tok.save(str(out / "tokenizer.json"))
    else:
        tok = train_tokenizer(tr_text, args.vocab, out / "tokenizer.json")
    max_len = args.max_len
    tr_ids, dv_ids = encode(tok, tr_text, max_len), encode(tok, dv_text, max_len)
    print(f"transformer ... ({time.time() - t0:.0f}s)", flush=True)
    model = build_model(tok.get_vocab_size(), args.hidden, args.layers, args.heads, max_len)
    if args.mlm_epochs:
        print(f"masked-LM pretraining ... ({time.time() - t0:.0f}s)", flush=True)
        specials = {tok.token_to_id(t) for t in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")}
        pretrain_mlm(model, tr_ids, tok.get_vocab_size(), args.mlm_epochs, args.batch, args.lr, args.seed,
                     tok.token_to_id("[MASK]"), specials, args.device)
    print(f"fine-tuning ... ({time.time() - t0:.0f}s)", flush=True)
    train_transformer(model, tr_ids, Ytr, args.epochs, args.batch, args.lr, args.seed, device=args.device)
    import torch
    model.to("cpu")  # export and evaluation run on the CPU, as inference does
    with torch.no_grad():  # evaluate the float16-rounded weights that will ship
        for p in model.parameters():
            p.copy_(p.half().float())
    dev_tf = predict_transformer(model, dv_ids)
    blend, table, metrics = calibrate(dev, dev_ng, dev_tf)
    export(out, model, out / "tokenizer.json", idf, W, b, blend, table, args, max_len, metrics, head)
    print(f"saved to {out} in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
