"""Named analysers for what term lists cannot express: missing context, quotes, timing.

An analyser takes (doc, rule, ctx, prior findings) and returns Hits on sentence views. The
checker applies the rule's `unless`, guards, `when` and severity the same way as for data rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

import regex

from .context import Context
from .guards import guard_pattern
from .lexicons import load_sets
from .matching import compile_terms, finditer


# Hindi for the {missing} placeholder of the missing-context messages.
MISSING_HI = {
    "source and date": "स्रोत और तारीख", "source": "स्रोत", "date or period": "वर्ष या अवधि",
    "speaker": "वक्ता", "date or occasion": "तारीख या मौका", "speaker and date or occasion": "वक्ता और तारीख या मौका",
    "named source": "नामित स्रोत", "printer and publisher line": "मुद्रक और प्रकाशक की पंक्ति",
    "MCMC pre-certification reference": "एमसीएमसी पूर्व-प्रमाणन का संदर्भ",
}


@dataclass
class Hit:
    sentence: object
    vstart: int   # offsets inside the sentence view
    vend: int
    params: dict = field(default_factory=dict)
    context: str = ""
    severity_delta: int = 0

    def __post_init__(self):
        m = self.params.get("missing")
        if m is not None and "missing_hi" not in self.params:
            self.params["missing_hi"] = MISSING_HI.get(m, m)


# The shared sets whose absence lets an analyser, or `score`'s caps on the classifier, stop early (the
# checker's gate knows them as "@name").
GATED_SETS = ("ai-media-strong", "media-noun", "ai-mention", "person-cue", "anonymous-source", "poll-term",
              "humanising", "praising", "unprotected-target", "thing-target", "identity", "identity-words",
              "protected-group")


@lru_cache(maxsize=None)
def shared_set(name: str):
    return compile_terms(load_sets()[name])


@lru_cache(maxsize=4096)  # several analysers ask the same set about the same sentence
def _first(name: str, view: str):
    """(start, end) of the first match of shared set `name` in `view`, or None."""
    m = next(iter(finditer(shared_set(name), view)), None)
    return None if m is None else m.span()


def _has(name: str, view: str) -> bool:
    return _first(name, view) is not None


def _neighbour_views(doc, s, before=0, after=1) -> str:
    i = s.index
    return " ".join(x.view for x in doc.sentences[max(0, i - before): i + after + 1])


# -- statistics ----------------------------------------------------------------------
_NUM = r"[0-9०-९]+(?:[,.][0-9०-९]+)*"
_QUANTITY = regex.compile(
    rf"""(?:(?:₹|rs\.?|inr|रु\.?|रुपये)\s*{_NUM}(?:\s*(?:lakh|lac|crore|cr|million|billion|लाख|करोड़|करोड|हज़ार|हजार|hazaar|hazar))?
       |{_NUM}\s*(?:%|percent|per\ cent|प्रतिशत|फीसदी|फ़ीसदी|pratishat|fisadi)
       |{_NUM}\s*(?:lakh|lac|crore|cr|million|billion|thousand|लाख|करोड़|करोड|हज़ार|हजार|hazaar|hazar|arab|अरब)(?:\s*(?:rupees|रुपये|rupaye|tonnes|people|लोग|log))?
       |{_NUM}\s*(?:guna|गुना|times|x)(?![\p{{L}}])
       |(?<![\p{{L}}])(?:doubled|tripled|halved|दोगुना|दोगुनी|तिगुना|आधा|आधी|आधे|dogunа|doguna|double)(?![\p{{L}}])
       |(?<![0-9०-९:/\-.])[0-9०-९]{{1,3}}(?:,[0-9०-९]{{2,3}})+(?![0-9०-९])
       |(?<![0-9०-९:/\-.])(?!(?:19|20|१९|२०)[0-9०-९]{{2}}(?![0-9०-९]))[0-9०-९]{{3,}}(?![0-9०-९:/])
    )""", regex.X | regex.V1)
_NOT_QUANTITY_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}])(?:ward|booth|no|number|phase|section|sec|article|page|p|pin|phone|mobile|helpline|धारा|वार्ड|बूथ|नंबर|क्रमांक|अनुच्छेद|फोन|मोबाइल|हेल्पलाइन|चरण)\W{0,3}$")
_YEAR = regex.compile(r"(?<![0-9०-९])(?:19|20|१९|२०)[0-9०-९]{2}(?![0-9०-९])")
_DIGIT = regex.compile(r"[0-9०-९]")
_SPECIFIC = regex.compile(r"(?:" + _QUANTITY.pattern + r"|" + _YEAR.pattern + r")", regex.X | regex.V1)


@lru_cache(maxsize=4096)  # VC701 and VC702 both ask about every sentence
def _first_quantity(view: str):
    m = next((m for m in finditer(_QUANTITY, view)
              if not _NOT_QUANTITY_BEFORE.search(view[max(0, m.start() - 12):m.start()])), None)
    return None if m is None else m.span()


def statistic(doc, rule, ctx: Context, prior) -> list[Hit]:
    """Quantities with no source (VC701) or with a source but no date or period (VC702)."""
    want = rule.match.get("params", {}).get("report", "unsourced")
    hits = []
    for s in doc.sentences:
        m = _first_quantity(s.view)
        if not m:
            continue
        if _has("promise-cue", s.view):
            continue  # the speaker's own promise: VC608 asks how it is funded
        window = _neighbour_views(doc, s)
        nxt = doc.sentences[s.index + 1].view if s.index + 1 < len(doc.sentences) else ""
        # the next sentence sources this one only if it makes no claim of its own and is not anonymous
        nxt_sources = bool(nxt) and _has("source-marker", nxt) and not _has("anonymous-source", nxt) \
            and not _QUANTITY.search(nxt)
        sourced = _has("source-marker", s.view) or nxt_sources
        dated = bool(_YEAR.search(window)) or _has("period-marker", window)
        if want == "unsourced" and not sourced:
            missing = "source and date" if not dated else "source"
            hits.append(Hit(s, *m, {"missing": missing}))
        elif want == "undated" and sourced and not dated:
            hits.append(Hit(s, *m, {"missing": "date or period"}))
        elif want == "undated" and sourced and dated and _has("present-cue", s.view):
            years = [int(y.translate(str.maketrans("०१२३४५६७८९", "0123456789"))) for y in _YEAR.findall(window)]
            now = (ctx.publish_at or datetime.now()).year
            if years and now - max(years) > 2:
                y = max(years)
                hits.append(Hit(s, *m, {"missing": f"recent figure (latest year cited is {y})",
                                                         "missing_hi": f"ताज़ा आंकड़ा (सबसे नया वर्ष {y} है)"}))
    return hits


# -- quotations ------------------------------------------------------------------------
_QUOTE = regex.compile(r'"([^"\n]{8,}?)"|«([^»\n]{8,}?)»|(?<![\p{L}])\'([^\'\n]{12,}?)\'(?![\p{L}])')


def _quotes(doc):
    for m in _QUOTE.finditer(doc.view):
        s = doc.sentence_at(doc.to_original(m.start(), m.start() + 1)[0])
        if s is None:
            continue
        yield s, m.start() - s.vstart, min(m.end(), s.vend) - s.vstart, (m.group(1) or m.group(2) or m.group(3))


def unattributed_quote(doc, rule, ctx, prior) -> list[Hit]:
    hits = []
    for s, a, b, inner in _quotes(doc):
        if len(inner.split()) < 3:
            continue
        window = _neighbour_views(doc, s, before=1, after=0)
        speaker = _has("speaker-cue", window)
        dated = bool(_YEAR.search(window)) or _has("occasion-marker", window)
        if speaker and dated:
            continue
        missing = " and ".join(x for x, ok in (("speaker", speaker), ("date or occasion", dated)) if not ok)
        hits.append(Hit(s, a, b, {"missing": missing}))
    for s in doc.sentences if doc.may_match("@anonymous-source") else ():  # "sources say", सूत्रों के अनुसार
        m = next(iter(finditer(shared_set("anonymous-source"), s.view)), None)
        if m:
            hits.append(Hit(s, m.start(), m.end(), {"missing": "named source"}))
    return hits


def paraphrased_quote(doc, rule, ctx, prior) -> list[Hit]:
    hits = []
    for s, a, b, inner in _quotes(doc):
        if _has("translation-marker", s.view):
            continue
        if _has("paraphrase-cue", inner) and _has("speaker-cue", s.view):
            hits.append(Hit(s, a, b))
    return hits


# -- clip risk and amplification --------------------------------------------------------
def clip_risk(doc, rule, ctx, prior) -> list[Hit]:
    hits = []
    if not doc.may_match(rule.id):
        return hits
    for s in doc.sentences:
        m = next(iter(finditer(rule.pattern, s.view)), None) if rule.pattern else None
        if not m:
            continue
        risky_here = any(f.category in _RISK_CATEGORIES and doc.sentence_at(f.start) is s for f in prior)
        hits.append(Hit(s, m.start(), m.end(), context=f"Clipped, this line reads: \u201c{s.text}\u201d",
                        severity_delta=1 if risky_here else 0))
    return hits


_RISK_CATEGORIES = {"identity-appeal", "enmity", "threat", "personal-attack", "allegation"}


def amplified_speech(doc, rule, ctx, prior) -> list[Hit]:
    hits = []
    condemn = guard_pattern("condemnation")
    for f in prior:
        if f.category not in _RISK_CATEGORIES or "reported-speech" not in f.guards:
            continue
        s = doc.sentence_at(f.start)
        if s is None:
            continue
        near = _neighbour_views(doc, s, before=2, after=2)
        if any(True for _ in finditer(condemn, near)):
            continue
        hits.append(Hit(s, doc.to_view(f.start) - s.vstart, doc.to_view(f.end) - s.vstart,
                        {"underlying": f.rule_id}))
    return hits


# -- synthetic media -------------------------------------------------------------------
def _may_name_ai_media(doc) -> bool:
    return doc.may_match("@ai-media-strong") or (doc.may_match("@media-noun") and doc.may_match("@ai-mention"))


def synthetic_unlabelled(doc, rule, ctx: Context, prior) -> list[Hit]:
    if not (ctx.media_is_synthetic or _may_name_ai_media(doc)) or _has("ai-label", doc.view):
        return []
    for s in doc.sentences:
        span = _first("ai-media-strong", s.view)
        if span is None and _has("media-noun", s.view):
            span = _first("ai-mention", s.view)
        if span:
            return [Hit(s, *span)]
    if ctx.media_is_synthetic and doc.sentences:
        s = doc.sentences[0]
        return [Hit(s, 0, len(s.view), {"why": "media marked synthetic"})]
    return []


def deepfake(doc, rule, ctx: Context, prior) -> list[Hit]:
    hits = []
    if not doc.may_match("@person-cue") or not (ctx.media_is_synthetic or _may_name_ai_media(doc)):
        return hits
    for s in doc.sentences:
        media = _first("ai-media-strong", s.view) or \
            (_first("ai-mention", s.view) if _has("media-noun", s.view) else None)
        synthetic = media is not None or bool(ctx.media_is_synthetic)
        if synthetic and _has("person-cue", s.view) and not _has("consent-marker", s.view):
            hits.append(Hit(s, *(media or (0, len(s.view)))))
    return hits


# -- timing and context ----------------------------------------------------------------
def silence_period(doc, rule, ctx: Context, prior) -> list[Hit]:
    if not (ctx.publish_at and ctx.poll_end):
        return []
    if not (ctx.poll_end - timedelta(hours=48) <= ctx.publish_at < ctx.poll_end):
        return []
    for s in doc.sentences:
        m = next(iter(finditer(shared_set("election-matter"), s.view)), None)
        if m:
            left = ctx.poll_end - ctx.publish_at
            hours = int(left.total_seconds() // 3600)
            return [Hit(s, m.start(), m.end(), {"hours": hours})]
    return []


def poll_result(doc, rule, ctx: Context, prior) -> list[Hit]:
    if ctx.publish_at and ctx.poll_end and ctx.publish_at >= ctx.poll_end + timedelta(minutes=30):
        return []
    hits = []
    if not doc.may_match("@poll-term"):
        return hits
    for s in doc.sentences:
        m = next(iter(finditer(shared_set("poll-term"), s.view)), None)
        if m and (_has("seat-or-share", s.view) or _DIGIT.search(s.view)):
            hits.append(Hit(s, m.start(), m.end()))
    return hits


def official_publicity(doc, rule, ctx: Context, prior) -> list[Hit]:
    office = (ctx.speaker_role or "") in {"minister", "office-holder", "chief-minister", "mla", "mp", "official"}
    if not ctx.mcc_in_force or not (office or ctx.official_account):
        return []
    hits = []
    if not doc.may_match(rule.id):
        return hits
    for s in doc.sentences:
        m = next(iter(finditer(rule.pattern, s.view)), None)
        if m:
            hits.append(Hit(s, m.start(), m.end()))
    return hits


def missing_imprint(doc, rule, ctx: Context, prior) -> list[Hit]:
    if not doc.sentences:
        return []
    s = doc.sentences[0]
    if (ctx.mode or "") in ("poster", "pamphlet", "handbill") and not _has("imprint-marker", doc.view):
        if _has("meeting-notice", doc.view) and not _has("election-matter", doc.view):
            return []
        return [Hit(s, 0, len(s.view), {"missing": "printer and publisher line"})]
    if ctx.is_paid_ad and not _has("precert-marker", doc.view):
        return [Hit(s, 0, len(s.view), {"missing": "MCMC pre-certification reference"})]
    return []


def context_flag(doc, rule, ctx: Context, prior) -> list[Hit]:
    """Term hits, plus a whole-text hit when a context flag says so (e.g. minors in media)."""
    hits = []
    for s in doc.sentences if doc.may_match(rule.id) else ():  # else only the context flag can fire
        m = next(iter(finditer(rule.pattern, s.view)), None) if rule.pattern else None
        if m and (not rule.sets or all(any(True for _ in finditer(p, s.view)) for p in rule.sets.values())):
            hits.append(Hit(s, m.start(), m.end()))
    key = rule.match.get("params", {}).get("context_key")
    if key and getattr(ctx, key, None) and not hits and doc.sentences:
        s = doc.sentences[0]
        hits.append(Hit(s, 0, len(s.view), {"why": key}))
    return hits


def ai_drafted(doc, rule, ctx: Context, prior) -> list[Hit]:
    if not ctx.ai_drafted:
        return []
    hits = []
    for s in doc.sentences:
        m = next(iter(finditer(_SPECIFIC, s.view)), None) or next(iter(finditer(shared_set("named-report"), s.view)), None)
        if m is None:
            q = _QUOTE.search(s.view)
            m = q
        if m:
            hits.append(Hit(s, m.start(), m.end()))
    return hits


ANALYSERS = {
    "statistic": statistic,
    "unattributed-quote": unattributed_quote,
    "paraphrased-quote": paraphrased_quote,
    "clip-risk": clip_risk,
    "amplified-speech": amplified_speech,
    "synthetic-unlabelled": synthetic_unlabelled,
    "deepfake": deepfake,
    "silence-period": silence_period,
    "poll-result": poll_result,
    "official-publicity": official_publicity,
    "missing-imprint": missing_imprint,
    "context-flag": context_flag,
    "ai-drafted": ai_drafted,
}
# Analysers that read other rules' findings run last.
LATE = {"clip-risk", "amplified-speech"}
