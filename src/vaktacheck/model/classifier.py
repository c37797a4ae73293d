"""Run the shipped classifier: ONNX transformer + hashed n-gram linear model, blended per label.

Loading checks the sha256 of every file against config.json and never unpickles anything
(safetensors and ONNX only). Always batch in, batch out.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import regex

from . import ModelError, file_sha256
from . import ngrams
from .corpora import LABELS
from .group_hate import HEAD_FILE
from .preprocess import clean
from ..findings import Finding, Message, Severity, SourceRef

# Model findings, most specific first; one per sentence for the risk labels, plus check-worthiness.
FINDING_IDS = {"hate": "VC903", "defamation": "VC904", "abusive": "VC902", "hostile": "VC901", "checkworthy": "VC905"}
_NAMES = {"VC901": "model-hostile", "VC902": "model-abusive", "VC903": "model-hate", "VC904": "model-defamation",
          "VC905": "model-checkworthy"}
_MESSAGES = {
    "hostile": Message("The classifier reads this sentence as hostile or aggressive (score {score:.2f}); “{match}” weighs most.",
                       "क्लासिफ़ायर इस वाक्य को शत्रुतापूर्ण या आक्रामक मानता है (स्कोर {score:.2f}); “{match}” का असर सबसे ज़्यादा है।"),
    "abusive": Message("The classifier reads this sentence as abusive or offensive (score {score:.2f}); “{match}” weighs most.",
                       "क्लासिफ़ायर इस वाक्य को अपमानजनक मानता है (स्कोर {score:.2f}); “{match}” का असर सबसे ज़्यादा है।"),
    "hate": Message("The classifier reads this sentence as hostile to a group (score {score:.2f}); “{match}” weighs most.",
                    "क्लासिफ़ायर इस वाक्य को किसी समुदाय के प्रति नफ़रत भरा मानता है (स्कोर {score:.2f}); “{match}” का असर सबसे ज़्यादा है।"),
    "defamation": Message("The classifier reads this sentence as an allegation against an identifiable person (score {score:.2f}); “{match}” weighs most.",
                          "क्लासिफ़ायर इस वाक्य को किसी पहचाने जा सकने वाले व्यक्ति पर आरोप मानता है (स्कोर {score:.2f}); “{match}” का असर सबसे ज़्यादा है।"),
    "checkworthy": Message("The classifier reads this sentence as a factual claim worth verifying (score {score:.2f}).",
                           "क्लासिफ़ायर इस वाक्य को जांचने लायक तथ्यात्मक दावा मानता है (स्कोर {score:.2f})।"),
}
_SUGGESTION = {
    "checkworthy": Message("Keep the source and date of this claim next to the line, or soften it.",
                           "इस दावे का स्रोत और तारीख पंक्ति के साथ रखें, या दावा नरम करें।"),
}
_DEFAULT_SUGGESTION = Message("Rephrase the line to criticise specific acts, with facts, and without insult.",
                              "पंक्ति दोबारा लिखें: अपमान के बिना, तथ्यों के साथ, किसी खास काम की आलोचना करें।")
_CATEGORY_OF = {"hostile": "model", "abusive": "model", "hate": "model", "defamation": "model", "checkworthy": "model"}
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
# The checker shows a risk label only from this score up (and as medium only from 0.85): the
# shipped thresholds are tuned for F1 on social-media corpora, where most posts are hostile, and
# would flag ordinary political speech.
DISPLAY_FLOOR = 0.6
HOSTILE_FLOOR = 0.8   # "hostile" alone (mostly aggression corpora) needs more to be worth a reread
# The group-hate head reads one sentence of a draft with less context than `score` gives it (the whole
# text): in the checker it speaks from 0.65 up. Measured (session 20, `benchmarks/group_hate_forward.py --from 36
# --checker --data`): from 0.75 the checker found hate on 601 of 714 unseen hate lines, from 0.65 on 625
# (must-pass lines with a hate finding 50 -> 52 of 694); on 2,500 dev texts labelled not hostile the head spoke on 11 -> 15.
HEAD_FLOOR = 0.65
OCCLUSION_FROM = Severity.medium  # low findings span their sentence: occlusion costs a model call per word


class Classifier:
    def __init__(self, folder: Path, config: dict, session, tokenizer, idf, weight, bias, head=None):
        self.folder = folder
        self.config = config
        self.labels = tuple(config["labels"])
        self.thresholds = np.array([config["thresholds"][l] for l in self.labels], dtype=np.float32)
        self._table = {"all": config["thresholds"], **config.get("thresholds_by_script", {})}
        self.blend = np.array([config["blend_transformer"][l] for l in self.labels], dtype=np.float32)
        self.max_len = int(config["max_len"])
        self._session = session
        self._tok = tokenizer
        self._idf, self._w, self._b = idf, weight, bias
        # the group-hate head (group_hate.py): (weight column, bias) over the same features, from 1.4.0
        self._head = head
        self.group_hate_threshold = float(config["group_hate"]["threshold"]) if head is not None else None
        self._lock = threading.Lock()  # tokenizers' truncation setting is shared state

    @classmethod
    def load(cls, folder: Path, threads: int = 2) -> "Classifier":
        folder = Path(folder)
        cfg_path = folder / "config.json"
        if not cfg_path.is_file():
            raise ModelError(f"no model at {folder} (config.json missing); run with --no-model, or reinstall")
        try:
            config = json.loads(cfg_path.read_text(encoding="utf-8"))
            expected = config["sha256"]
            for key in ("labels", "thresholds", "blend_transformer", "max_len"):
                config[key]
        except (ValueError, KeyError) as e:
            raise ModelError(f"{cfg_path}: unreadable model config ({e}); use --no-model") from None
        for name, digest in expected.items():
            p = folder / name
            if not p.is_file():
                raise ModelError(f"model file {p} is missing; reinstall vaktacheck or use --no-model")
            if file_sha256(p) != digest:
                raise ModelError(f"model file {p} does not match its sha256 (truncated or tampered); "
                                 f"reinstall vaktacheck or use --no-model")
        try:
            import onnxruntime as ort
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            # idle inference threads must not spin: in `score` and `batch` other processes need the cores
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            session = ort.InferenceSession(str(folder / "model.onnx"), opts, providers=["CPUExecutionProvider"])
            tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
            ng = load_file(str(folder / "ngram.safetensors"))
            # the group-hate head has a file of its own, listed in config.json with the rest
            gh = load_file(str(folder / HEAD_FILE)) if "group_hate" in config else None
        except Exception as e:  # a missing or corrupt file that still matches its hash; say so plainly
            raise ModelError(f"cannot load the model in {folder}: {e}; use --no-model") from None
        tok.enable_truncation(int(config["max_len"]))
        n = ng["idf"].shape[0]
        if not (ng["weight"].shape == (n, len(config["labels"])) and (gh is None or gh["weight"].shape == (n,))):
            raise ModelError(f"{folder}: n-gram weights do not match the config; reinstall or use --no-model")
        head = None if gh is None else (gh["weight"][:, None], gh["bias"])
        # The n-gram weights stay float16 as stored: numpy widens the few rows a batch gathers to float32
        # exactly (the same scores), where widening all 2**20 rows took 0.08 s of a cold run and 21 MB.
        return cls(folder, config, session, tok, ng["idf"].astype(np.float32), ng["weight"],
                   ng["bias"].astype(np.float32), head)

    # -- scoring ----------------------------------------------------------------------------
    def transformer_logits(self, cleaned: list[str], batch_size: int = 32) -> np.ndarray:
        # Small batches of length-sorted texts: padding, not batch overhead, is the cost (attention is
        # quadratic in length); 32 took half the time of 128 on chunks of 256 sentences here.
        out = np.zeros((len(cleaned), len(self.labels)), dtype=np.float32)
        if not cleaned:
            return out
        with self._lock:
            encs = [e.ids for e in self._tok.encode_batch(cleaned)]
        order = sorted(range(len(encs)), key=lambda i: len(encs[i]))
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            L = max(len(encs[i]) for i in idx)
            x = np.zeros((len(idx), L), dtype=np.int64)
            m = np.zeros((len(idx), L), dtype=np.int64)
            for r, i in enumerate(idx):
                x[r, :len(encs[i])] = encs[i]
                m[r, :len(encs[i])] = 1
            out[idx] = self._session.run(["logits"], {"input_ids": x, "attention_mask": m})[0]
        return out

    def ngram_logits(self, cleaned: list[str]) -> np.ndarray:
        """The n-gram logits, one column per label, then the group-hate head's column where there is one
        (both linear models read one computation of the features)."""
        feats = ngrams.batch_features(cleaned, self._idf)
        out = ngrams.apply(feats, self._w, self._b)
        return out if self._head is None else np.column_stack([out, ngrams.apply(feats, *self._head)])

    def thresholds_for(self, texts: list[str]) -> np.ndarray:
        """Per-label decision thresholds for each text (they differ by script; see calibrate.py)."""
        from .calibrate import threshold_matrix
        order = [LABELS.index(l) for l in self.labels]
        return threshold_matrix(self._table, texts)[:, order]

    def scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """Probabilities, one row per text, one column per label (self.labels); and the group-hate head's
        probability per text (None for a model without the head). The head shares the n-gram pass."""
        cleaned = [clean(t) for t in texts]
        ng = self.ngram_logits(cleaned)
        n = len(self.labels)
        z = self.blend * self.transformer_logits(cleaned) + (1 - self.blend) * ng[:, :n]
        head = 1.0 / (1.0 + np.exp(-ng[:, n])) if ng.shape[1] > n else None
        return 1.0 / (1.0 + np.exp(-z)), head

    def predict(self, texts: list[str]) -> np.ndarray:
        """Probabilities, one row per text, one column per label (self.labels)."""
        return self.scores(texts)[0]

    # -- findings --------------------------------------------------------------------------
    def findings(self, doc, no_hate=None, group_near=None) -> list[Finding]:
        """Model findings for a document: per sentence, the first of hate, defamation, abusive, hostile
        above its threshold (not hate where `no_hate(sentence, head score)` says the score is not to be trusted), and
        check-worthiness for English sentences. Hate also comes from the group-hate head, where
        `group_near(sentence)` says a group is named in reach (and then its probability is the score)."""
        sents = [s for s in doc.sentences if len(_WORD.findall(s.text)) >= 3]
        if not sents:
            return []
        texts = [s.text for s in sents]
        probs, head = self.scores(texts)
        thr = self.thresholds_for(texts)
        n = len(self.labels)
        flagged = []  # (sentence, label, score, whole-sentence span?, column the score comes from)
        for k, (s, p, t) in enumerate(zip(sents, probs, thr)):
            for label in ("hate", "defamation", "abusive", "hostile"):
                j = self.labels.index(label)
                floor = HOSTILE_FLOOR if label == "hostile" else DISPLAY_FLOOR
                score, column = (float(p[j]), j) if p[j] >= max(t[j], floor) else (0.0, None)
                if (label == "hate" and head is not None and head[k] >= max(self.group_hate_threshold, HEAD_FLOOR)
                        and head[k] > score and group_near is not None and group_near(s)):
                    score, column = float(head[k]), n
                if column is not None:
                    if label == "hate" and no_hate is not None and no_hate(s, None if head is None else float(head[k])):
                        continue  # asked only where hate would be shown: its term sets compile on first use
                    flagged.append((s, label, score, self._severity(label, score) < OCCLUSION_FROM, column))
                    break
            j = self.labels.index("checkworthy")
            # check-worthiness is trained on English data only (model/corpora.py)
            if s.lang == "en" and p[j] >= max(t[j], 0.5):
                flagged.append((s, "checkworthy", float(p[j]), True, j))
        spans = self._occlusion_spans([(s, label, score, column) for s, label, score, whole, column in flagged if not whole])
        return [self._finding(doc, s, label, score, (s.start, s.end) if whole else spans[(s.index, label)], column == n)
                for s, label, score, whole, column in flagged]

    @staticmethod
    def _severity(label: str, score: float) -> Severity:
        # Model findings stay advisory unless the model is confident: benign political text must not
        # draw medium findings from a classifier tuned for F1 on social-media corpora.
        if label in ("checkworthy", "hostile"):
            # "hostile" is mostly trained on aggression corpora: alone it is a prompt to reread, not a finding
            return Severity.low
        if label == "hate":
            return Severity.high if score >= 0.9 else Severity.medium if score >= 0.75 else Severity.low
        return Severity.medium if score >= 0.85 else Severity.low

    def _finding(self, doc, s, label: str, score: float, span: tuple[int, int], from_head: bool = False) -> Finding:
        a, b = span
        match = doc.text[a:b]
        rid = FINDING_IDS[label]
        sev = self._severity(label, score)
        msg = _MESSAGES[label]
        if (a, b) == (s.start, s.end) and "; “" in msg.en:  # no single word singled out: drop "weighs most"
            msg = Message(msg.en.split("; “")[0] + ".", msg.hi.split("; “")[0] + "।")
        fmt = {"score": score, "match": match}
        if from_head:
            why = (f"vaktacheck's group-hate head (a linear model over character n-grams, trained only on this project's "
                   f"own Hindi and Hinglish sentences about groups; see models/vakta-clf/MODEL_CARD.md) scores this "
                   f"sentence at {score:.2f}, a group being named in it or just before it; its threshold is "
                   f"{self.group_hate_threshold:.2f}.")
        else:
            why = (f"vaktacheck's own classifier (a small transformer blended with character n-grams, trained on "
                   f"public Hindi, Hinglish and English corpora; see models/vakta-clf/MODEL_CARD.md) scores the "
                   f"'{label}' label at {score:.2f}; its threshold is {self.thresholds[self.labels.index(label)]:.2f}.")
        return Finding(
            rule_id=rid, category="model", severity=sev, start=a, end=b, match=match,
            message=Message(msg.en.format(**fmt), msg.hi.format(**fmt)),
            explanation=(why + " For medium and higher findings the span is the word whose removal lowers the score "
                         "most (low ones span the sentence). A model can be wrong: read the line as a listener would."),
            suggestion=_SUGGESTION.get(label, _DEFAULT_SUGGESTION),
            sources=(SourceRef("vaktacheck classifier model card (models/vakta-clf/MODEL_CARD.md)", "TEXT"),),
            source_kind="model", score=round(score, 4), name=_NAMES[rid])

    def _occlusion_spans(self, items) -> dict:
        """For each (sentence, label, score, column): the word (or two adjacent words) whose removal lowers
        the score most (column: a label's, or the group-hate head's after them). All variants of all
        sentences go through the model in one batch."""
        plans, variants = [], []
        for s, label, score, column in items:
            words = list(_WORD.finditer(s.text))
            plans.append((s, label, score, column, words, len(variants)))
            variants += [s.text[:w.start()] + s.text[w.end():] for w in words]
        if variants:
            probs, head = self.scores(variants)
            if head is not None:
                probs = np.column_stack([probs, head])
        spans = {}
        for s, label, score, column, words, k0 in plans:
            if len(words) < 2:
                spans[(s.index, label)] = (s.start, s.end)
                continue
            drops = score - probs[k0:k0 + len(words), column]
            best = int(np.argmax(drops))
            a, b = words[best].start(), words[best].end()
            for k in (best - 1, best + 1):
                if 0 <= k < len(words) and drops[k] >= 0.6 * drops[best] > 0:
                    a, b = min(a, words[k].start()), max(b, words[k].end())
            spans[(s.index, label)] = (s.start + a, s.start + b)
        return spans
