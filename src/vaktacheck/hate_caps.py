"""When the classifier's `hate` score is not to be trusted: lines that deny, affirm, report the past or
insult no protected group, which the classifier (trained on corpora where naming a group and a slight
mostly is hate) reads as hate. `score` caps its hate score on such texts; the checker gives their
sentences no model-hate finding (all but the denial test). A hate rule that fires still counts in both, but
where the text insults no protected group (`aims_at_no_group`): there it matched a generaliser ("ये लोग")."""
from __future__ import annotations

from functools import lru_cache

import regex

from .guards import guard_applies, guard_pattern
from .lexicons import load_sets
from .matching import compile_terms, finditer
from .surnames import names_a_person


@lru_cache(maxsize=None)
def _patterns(*names: str) -> tuple:
    """The shared term sets `names`, each compiled as the rules have it (the same interned pattern, so
    nothing is compiled twice: a union of them would be a new, slow compile on a cold start)."""
    sets = load_sets()
    return tuple(compile_terms(sets[name]) for name in names)


def _found(names: tuple, view: str) -> list:
    return [m for p in _patterns(*names) for m in finditer(p, view)]


def _any(names: tuple, view: str) -> bool:
    return any(True for p in _patterns(*names) for _ in finditer(p, view))


_GROUP = ("identity", "identity-words", "protected-group")
_SLUR = ("group-slurs", "caste-insults")
# Words that demean a group when said of it (VC207's traits, VC209's adjectives, VC202's likenings to vermin
# or filth), and hatred declared (VC210's "नफरत करता": "मैं X से नफरत नहीं करता" denies it).
_DEMEANING = ("derogatory-trait", "group-adjective", "hate-emotion", "dehumanising")


def names_a_group(view: str) -> bool:
    """A group word that is not a surname after a given name (surnames.py)."""
    return any(not names_a_person(view, m.start(), m.end()) for m in _found(_GROUP, view))


def may_name_a_group(doc) -> bool:
    """False only when the checker's gate showed that no group word occurs in the text: nine in ten
    texts with a negator name no group, and the denial test's scan of the trait sets is the dearest
    part of `score`'s caps."""
    return any(doc.may_match("@" + name) for name in _GROUP)


# A Hindi negator set inside a verb phrase: "गंदगी नहीं फैलाते" denies "गंदगी फैलाते"; and one that stands
# for the copula at a clause's end: "बोझ नहीं, ताक़त हैं" denies "बोझ हैं".
_INNER_NEGATOR = regex.compile(r"(?<=[\p{L}\p{M}]) (?:नहीं|नही|nahi|nahin|nhi) (?=[\p{L}\p{M}])")
# "इंसान नहीं कीड़े रहते हैं", "insaan nahi keede hain": "not human" is itself the insult, not a denial of one
_NOT_HUMAN = regex.compile(r"(?<![\p{L}\p{M}])(?:इंसान|इन्सान|मनुष्य|insaan|insan|insaan) (?:नहीं|नही|nahi|nahin|nhi)(?![\p{L}\p{M}])")
# "मुसलमान जानवर नहीं हैं", "ye log janwar nahi": the likening denied ("जानवर" alone is too common to be a listed
# demeaning word, so the test below would not see it)
_NOT_ANIMAL = regex.compile(r"(?<![\p{L}\p{M}])(?:जानवर|janwar|jaanwar|janvar) (?:नहीं|नही|nahi|nahin|nhi)(?![\p{L}\p{M}])")
_NEGATED_COPULA = regex.compile(r"(?<=[\p{L}\p{M}]) (?:(नहीं|नही)|nahi|nahin|nhi)(?=\s*(?:[,;:।.!?]|$))")


# "बीमार नहीं होते": a negated habitual drops its copula, which the trait phrase has ("बीमार होते हैं")
# ... and so does any habitual verb ("पत्थर नहीं फेंकते, ..." denies "पत्थर फेंकते हैं")
_BARE_HABITUAL = regex.compile(r"(?<=[\p{L}\p{M}] )(?:([\p{Devanagari}]+(?:ते|ती|ता))|[a-z]+(?:te|ti|ta))(?=\s*(?:[,;:।.!?]|$))")


def _with_copula(m) -> str:
    return m.group() + (" हैं" if m.group(1) else " hain")


def denies_a_group_slur(view: str) -> bool:
    """'मुसलमान आतंकवादी नहीं हैं', 'बिहारी गंदगी नहीं फैलाते': a demeaning word or phrase about a named
    group, negated. The hate rules need more (a generalising word, a trait phrase) to fire, or never see
    the phrase the negator splits, so nothing else records the denial."""
    if not any(True for _ in finditer(guard_pattern("negation"), view)):
        return False  # cheapest test first: most sentences deny nothing
    if _NOT_HUMAN.search(view):
        return False
    found = _found(_DEMEANING + _SLUR, view)   # "दलित अछूत नहीं": a purity word denied too
    denied = any(guard_applies("negation", view, m.start(), m.end()) for m in found)
    if not denied and _NOT_ANIMAL.search(view):  # and nothing demeaning said outright
        denied = all(guard_applies("negation", view, m.start(), m.end()) for m in found)
    if not denied:  # or the negator split the phrase, or stood for its copula, or the copula went with it
        unsplit = _INNER_NEGATOR.sub(" ", view)
        denied = any(variant != view and len(_found(_DEMEANING, variant)) > len(found)
                     for variant in (unsplit, _BARE_HABITUAL.sub(_with_copula, unsplit),
                                     _NEGATED_COPULA.sub(lambda m: " हैं" if m.group(1) else " hain", view)))
    return denied and names_a_group(view)


_QUESTION = regex.compile(r"\?|(?<![\p{L}\p{M}])(?:क्या|kya)(?![\p{L}\p{M}])")


# "koi bhi samaj gaddar nahi hota", "कोई भी धर्म हिंसा नहीं सिखाता": what no community is, said of all of them
_NO_COMMUNITY_IS = regex.compile(
    r"(?<![\p{L}\p{M}])(?:कोई भी|koi bhi) (?:समाज|धर्म|जाति|कौम|क़ौम|मज़हब|मजहब|समुदाय|samaj|samaaj|dharm|dharam|jaati|"
    r"jati|kaum|qaum|mazhab|majhab|samuday|community|religion)(?![\p{L}\p{M}])[^.?!।]{0,40}?"
    r"(?:नहीं|nahi|nahin) (?:होता|होती|होते|सिखाता|सिखाती|hota|hoti|hote|sikhata|sikhati)(?![\p{L}\p{M}])")


def affirms_people(view: str) -> bool:
    """"हिजड़े भी इंसान हैं", "koi bhi samaj gandagi nahi, sab barabar hain": people affirmed as equal or
    accepted, and not asked about ("क्या ये भी इंसान हैं?" doubts it)."""
    return (_any(("humanising",), view) or _NO_COMMUNITY_IS.search(view) is not None) and not _QUESTION.search(view)


def may_affirm_people(doc) -> bool:
    """A cheap gate for affirms_people over a whole document."""
    return doc.may_match("@humanising") or _NO_COMMUNITY_IS.search(doc.view) is not None


# "लेकिन", "sirf": a contrast or a restriction turns praise into the set-up of a slight ("X ka khana achha hai
# lekin ...", "X sirf gaane achhe gaate hain"); "से तो" praises another above the group ("aurton se to gadhe zyada
# samajhdar hote hain")
_CONTRAST = regex.compile(r"(?<![\p{L}\p{M}])(?:लेकिन|मगर|किंतु|परंतु|परन्तु|सिर्फ़|सिर्फ|केवल|से तो|lekin|magar|kintu|parantu|sirf|"
                          r"keval|kewal|but|only|se to|se toh)(?![\p{L}\p{M}])")


def praises_a_group(view: str) -> bool:
    """"आदिवासी गीतों में नदी की बात सुंदर ढंग से आती है", "gujarati ka khana swadisht hota hai": a named group's
    food, songs or people praised, and nothing in the text demeans, slurs, threatens, contrasts or restricts.
    The classifier and the head read a short line naming a group with "... होता है / हैं" as hate, having seen
    the construction mostly in derogation (template probe set J, session 27)."""
    praise = _found(("praising",), view)
    if not praise or all(guard_applies("negation", view, m.start(), m.end()) for m in praise):
        return False
    if _CONTRAST.search(view) or _any(_SLUR + _DEMEANING + ("violent-action",), view):
        return False
    return names_a_group(view)


def may_praise(doc) -> bool:
    """A cheap gate for praises_a_group over a whole document."""
    return doc.may_match("@praising")


# "समाज" followed by a postposition is society as a whole ("समाज का कचरा", "समाज पर बोझ"), not a community
_SOCIETY = regex.compile(r"समाज\s+(?:का|की|के|पर|में|से|को)(?![\p{L}\p{M}])")


# a woman counted as one of all women ("एक भी महिला अफसर ..."): the singular names the group there
_ANY_WOMAN = regex.compile(r"(?<![\p{L}\p{M}])(?:एक भी|कोई भी|हर|ek bhi|koi bhi|har)\s+(?:महिला|स्त्री|mahila|stri)(?![\p{L}\p{M}])",
                           regex.IGNORECASE)


# "kya sach mein saare musalman gaddar hain? bilkul nahi, ..." : a question the next sentence answers "no"
_ANSWER_NO = regex.compile(r"\s*(?:बिल्कुल नहीं|बिलकुल नहीं|कतई नहीं|नहीं|bilkul nahi|bilkul nahin|katai nahi|nahi|nahin|no)"
                           r"(?![\p{L}\p{M}])", regex.IGNORECASE)


def answered_no(doc, sentence) -> bool:
    """The sentence is a question and the next one opens by answering it "no"."""
    if not sentence.view.rstrip().endswith("?") or sentence.index + 1 >= len(doc.sentences):
        return False
    return _ANSWER_NO.match(doc.sentences[sentence.index + 1].view) is not None


def speaks_of_society_only(view: str) -> bool:
    """"शराब पीकर गाड़ी चलाने वाले समाज का कचरा हैं": society ("समाज का") is the only group word, and no slur."""
    if _SOCIETY.search(view) is None:   # cheap, and most texts have no "समाज का"
        return False
    found = _found(_GROUP, view)
    return (bool(found) and all(_SOCIETY.match(view, m.start()) for m in found) and not _any(_SLUR, view)
            and not _ANY_WOMAN.search(view))


def aims_at_no_group(view: str, things: bool = False) -> bool:
    """"ye property dealer sab dhokebaaz hote hain", "tum sab nikamme ho", "अपराधी लोग समाज का कचरा हैं": the
    insult's target is a trade, an official, the addressee or people named by what they do (or, with `things`,
    a thing: a phone, the traffic), and no protected group is named anywhere in the text, nor slurred."""
    return (_any(("unprotected-target", "thing-target") if things else ("unprotected-target",), view)
            and not any(not _SOCIETY.match(view, m.start()) for m in _found(_GROUP, view))
            and not _any(_SLUR, view) and not _ANY_WOMAN.search(view))


# "इन", "those": a demonstrative right before the target word binds it there ("इन अफसरों को देख लेंगे"), so the
# line is not about a group named in the sentence before (which group_in_reach would otherwise let it be).
_DEMONSTRATIVE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:इन|उन|इस|उस|these|those|this|that|in|un|is|us)\s+$")


def points_at_no_group(view: str) -> bool:
    """"नतीजों के बाद इन अफसरों को देख लेंगे": a demonstrative and an unprotected target, and neither a group
    nor a slur in the sentence itself."""
    aimed = any(_DEMONSTRATIVE_BEFORE.search(view[:m.start()]) for m in _found(("unprotected-target",), view))
    return aimed and not names_a_group(view) and not _any(_SLUR, view)


# Two groups named side by side ("punjabi aur tamil", "मुस्लिम और हिंदू किसान"): the classifier reads the pair as
# hate ("shaadi mein punjabi aur tamil dono tarah ka khana tha" 0.94), where lines that join two groups are
# almost always about both together. On the 37 functional sets: 30 must-pass lines name such a pair (6 of
# them flagged by the classifier alone), no hate line does without a demeaning word or a rule. Hindi's "and"
# only: English hate joins groups ("muslims and jews ...") often enough to cost HateXplain 0.002 macro-F1.
_HINDI_AND = r"(?:aur|और|evam|एवं|tatha|तथा)"
# "hindu ho ya musalman", "चाहे सिख हो या ईसाई": either group, said to include both (session 38's 183rd set: "hum
# tractor sabko ek hi rate pe dete hain, hindu ho ya musalman": `score` hate 0.58, lifted by the head)
_EITHER = r"(?:ho|हो)\s+(?:ya|या)"
# all that stands between the two group words ("and", "and some" as in "kuch nepali aur kuch bihari", or a list's
# comma when a share comes before the next: "28% मुस्लिम, 22% दलित और 18% यादव मतदाता"; a bare comma list is as
# common in hate)
_PAIRED = regex.compile(rf"\s*(?:{_HINDI_AND}\s*(?:(?:kuch|kuchh|kai|कुछ|कई)\s+)?(?:\d+(?:\.\d+)?\s*%\s*)?|,\s*\d+(?:\.\d+)?\s*%\s*"
                     rf"|{_EITHER}\s*)$")
_JOINER = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_HINDI_AND}|{_EITHER})(?![\p{{L}}\p{{M}}])")


def pairs_groups(view: str) -> bool:
    """Two group words joined by a Hindi "and" (aur, और) or "either ... or" (ho ya, हो या), and no demeaning word or
    slur anywhere in the text."""
    if not _JOINER.search(view):
        return False  # cheapest test first: scanning every text for group words cost 15% of `score --no-model`
    found = sorted(_found(_GROUP, view), key=lambda m: m.start())
    if not any(_PAIRED.match(view[a.end():b.start()]) for a, b in zip(found, found[1:])):
        return False
    return not _any(_SLUR, view) and not _any(_DEMEANING, view)


_YEAR = regex.compile(r"(?<!\d)(?:1[0-9]\d\d|20[0-2]\d)(?!\d)")
_PAST_PERFECT = regex.compile(r"(?<![\p{L}\p{M}])(?:थे|थी|था|the|thi|tha)\s*(?:[,;:।.!?]|$)")


def reports_the_past(view: str) -> bool:
    """"1947 के बँटवारे में लाखों हिंदू और मुसलमान मारे गए थे": history told, which the classifier reads as
    hate for the groups and the killing it names."""
    return _YEAR.search(view) is not None and _PAST_PERFECT.search(view) is not None


def group_in_reach(doc, sentence) -> bool:
    """Where the group-hate head may raise hate in a checked text: a sentence not in English (the head
    knows only our Hindi and Hinglish sentences) that names a group, or follows one that does ("कुछ मारवाड़ी
    व्यापारी आए हैं। इनसे बच के रहना")."""
    if sentence.lang == "en":
        return False
    before = doc.sentences[sentence.index - 1].view if sentence.index > 0 else ""
    return names_a_group(sentence.view) or (before != "" and names_a_group(before))


def aims_at_nothing(doc, sentence) -> bool:
    """"Zila aspataal mein nayi dialysis machines aa gayi hain" (the classifier's hate 0.97): a Hindi or
    Hinglish sentence that names no group, nor does the one before, and slurs or demeans none. Hate is hostility
    toward a group, and such a finding would point the speaker at nothing; the classifier's hostile or abusive
    may still show. Not English: our lists know too few English group words (HateXplain's dev hate posts would
    lose 176 of their 213 checker findings)."""
    v = sentence.view
    return (sentence.lang != "en" and not group_in_reach(doc, sentence)
            and not _any(_SLUR, v) and not _any(_DEMEANING, v))


def group_in_text(doc) -> bool:
    """The same test for a whole text (`score`): a group named anywhere, and a sentence not in English."""
    return any(s.lang != "en" for s in doc.sentences) and may_name_a_group(doc) and names_a_group(doc.view)


def _romanized_hindi(doc) -> bool:
    """Hindi in Latin letters: a sentence tagged romanized Hindi, in a text of the Latin script (as the
    thresholds read it)."""
    from .model.calibrate import script_of
    return any(s.lang == "hi-Latn" for s in doc.sentences) and script_of(doc.text) == "latn"


def head_may_clear_text(doc) -> bool:
    """Where a group-hate head score under group_hate.CLEAR overrules the classifier's hate (`score`): a
    romanized or short Hindi or Hinglish text that names a group."""
    from .model.group_hate import SHORT
    return (_romanized_hindi(doc) or doc.word_count <= SHORT) and group_in_text(doc)


def _head_may_clear_sentence(doc, sentence) -> bool:
    """The same test for one sentence of a checked text."""
    from .model.group_hate import SHORT
    return ((sentence.lang == "hi-Latn" or len(_WORDS.findall(sentence.view)) <= SHORT)
            and group_in_reach(doc, sentence))


_WORDS = regex.compile(r"\w+")  # as Document.word_count counts


def caps_sentence_hate(doc, sentence, head: float | None = None) -> bool:
    """The same tests for one sentence of a checked text (the checker's model-hate findings): it affirms, its
    text praises a group's things with nothing demeaning, it tells the past, names two groups side by side, or
    insults a trade, an official or the addressee in a text naming no group; it aims at nothing a hate finding
    could name (the checker only: in `score` the same cap cost CONSTRAINT hate on dev 0.719 -> 0.649); or the
    group-hate head (its score `head`) clears it. Not the denial test: the negation guard already lowers a model
    finding a negator precedes, and the denial test compiles the trait sets, a tenth of a second of a cold run."""
    v = sentence.view
    things = sentence.lang in ("hi", "hi-Latn")
    targets = ("unprotected-target", "thing-target") if things else ("unprotected-target",)
    if affirms_people(v) or (may_praise(doc) and praises_a_group(doc.view)) or reports_the_past(v) or pairs_groups(v) \
            or (aims_at_no_group(doc.view, things) and _any(targets, v)) or points_at_no_group(v) \
            or aims_at_nothing(doc, sentence):
        return True
    if head is None:
        return False
    from .model.group_hate import CLEAR
    return head < CLEAR and _head_may_clear_sentence(doc, sentence)
