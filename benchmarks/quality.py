"""Quality on every dev set in shared/data, side by side with a char n-gram TF-IDF + LR baseline.

    python benchmarks/quality.py --data ../shared/data [--model models/vakta-clf] [--out docs/quality.json]

The baseline is trained here, in the same run, on the same training data and label mapping as the
shipped model (one logistic regression per label on char_wb 2-5 TF-IDF), with thresholds chosen on
dev the same way. Reported per corpus and label, and per language: F1 of the positive class,
macro-F1, weighted-F1, average precision. "system" is `vaktacheck score` (model + rules);
"model" is the classifier alone; "rules" is the rules alone.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from vaktacheck.model.corpora import LABELS, load_corpora  # noqa: E402
from vaktacheck.model.evaluate import PRIMARY, scores  # noqa: E402
from vaktacheck.model.calibrate import choose_thresholds, script_of, threshold_matrix  # noqa: E402
from vaktacheck.train import label_matrix  # noqa: E402


def baseline(train, dev):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=500000)
    Xtr = vec.fit_transform([r.text for r in train])
    Xdv = vec.transform([r.text for r in dev])
    Ytr, Ydv = label_matrix(train), label_matrix(dev)
    probs = np.zeros((len(dev), len(LABELS)))
    for j in range(len(LABELS)):
        known = Ytr[:, j] >= 0
        clf = LogisticRegression(C=4.0, max_iter=300, solver="liblinear").fit(Xtr[known], Ytr[known, j])
        probs[:, j] = clf.predict_proba(Xdv)[:, 1]
    # the same threshold policy as the shipped model: per label and script, chosen on dev
    texts = [r.text for r in dev]
    table = choose_thresholds(probs, Ydv, [script_of(t) for t in texts], [r.corpus for r in dev])
    return probs, threshold_matrix(table, texts)


def evaluate(dev, systems: dict, group_by_lang: bool = False):
    rows = {}
    for corpus, labels in PRIMARY.items():
        idx_all = [i for i, r in enumerate(dev) if r.corpus == corpus]
        langs = sorted({dev[i].lang for i in idx_all}) if group_by_lang else [None]
        for lang in langs:
            idx = [i for i in idx_all if lang is None or dev[i].lang == lang]
            for name in labels:
                j = LABELS.index(name)
                known = [i for i in idx if dev[i].labels[j] is not None]
                if len(known) < 20:
                    continue
                y = np.array([dev[i].labels[j] for i in known])
                if y.sum() == 0:
                    continue
                key = f"{corpus}/{name}" + (f"/{lang}" if lang else "")
                rows[key] = {s: scores(y, p[known, j], t[known, j]) for s, (p, t) in systems.items()}
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--out", default=None, help="write all figures as JSON here")
    args = ap.parse_args()
    t0 = time.time()
    train, dev = load_corpora(Path(args.data))
    print(f"train {len(train)} / dev {len(dev)} records", flush=True)
    bp, bt = baseline(train, dev)
    print(f"baseline trained and scored in {time.time() - t0:.0f}s", flush=True)
    from vaktacheck import Checker, Config
    from vaktacheck.model import load_default_classifier
    from vaktacheck.score import combine, head_reading, model_scores, rule_evidence
    clf = load_default_classifier(args.model)
    t1 = time.time()
    texts = [r.text for r in dev]
    mp, mt, head = model_scores(clf, texts)
    checker = Checker(Config(model=False))
    checked = [checker.check(t) for t in texts]
    sp = np.array([combine(mp[i], rule_evidence(r, **head_reading(clf, head, i)), mt[i]) for i, r in enumerate(checked)])
    half = np.full((len(dev), len(LABELS)), 0.5)
    # the rules alone, as `score --no-model` has them: without the group-hate head's reading
    rp = np.array([combine(None, rule_evidence(r), half[i]) for i, r in enumerate(checked)])
    print(f"system scored {len(dev)} dev texts in {time.time() - t1:.0f}s", flush=True)
    systems = {"system": (sp, mt), "model": (mp, mt), "rules": (rp, half), "baseline": (bp, bt)}
    by_corpus = evaluate(dev, systems)
    by_lang = evaluate(dev, systems, group_by_lang=True)
    hdr = f"{'corpus/label':<50} {'metric':<12}" + "".join(f"{s:>10}" for s in systems)
    for title, rows in (("By corpus", by_corpus), ("By corpus and language", by_lang)):
        print(f"\n{title}\n{hdr}")
        for key, res in rows.items():
            for metric in ("f1", "macro_f1", "weighted_f1", "ap"):
                vals = "".join(f"{(res[s][metric] or 0):>10.3f}" for s in systems)
                print(f"{key:<50} {metric:<12}{vals}")
    macro = {s: float(np.mean([r[s]["macro_f1"] for r in by_corpus.values()])) for s in systems}
    print("\nmean macro-F1 over corpus/label rows: " + ", ".join(f"{s} {v:.3f}" for s, v in macro.items()))
    if args.out:
        Path(args.out).write_text(json.dumps({"by_corpus": by_corpus, "by_language": by_lang, "mean_macro_f1": macro},
                                             indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
