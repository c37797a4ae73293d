"""Shared false-positive guards (rules catalogue section 0.3) that every rule may consult.

Each guard is a term set in lexicons/sets.yaml named `guard-<name>`. A rule lists the guards it
honours and what each does: `suppress` drops the finding, `lower` lowers it one severity level;
the finding records which guards lowered it.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicons import load_sets
from .matching import compile_terms, finditer

GUARD_NAMES = (
    "law-citation",      # quotes or cites a law, order or advisory
    "condemnation",      # condemns or rejects what is said
    "reported-speech",   # reports someone else's words
    "negation",          # the matched claim is negated
    "hypothetical",      # framed as a hypothetical or question
    "historical",        # history or academic discussion
    "policy-criticism",  # criticises a government's policy or action
    "policy-promise",    # a public-policy promise to all who are eligible
    "self-reference",    # about the speaker's own conduct or conscience
    "satire-label",      # labelled satire or parody
)
ACTIONS = ("suppress", "lower")
_NEAR_TOKENS = 6  # negation must sit this close to the match
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A disclaimer that goes before the claim ("koi bura na maane par ...", "मैं जातिवादी नहीं हूँ लेकिन ...") denies
# nothing of it: "but" ends the negator's reach, and "बुरा न मानें" (no offence meant) is no negator at all
_BUT = regex.compile(r"(?<![\p{L}\p{M}])(?:लेकिन|मगर|किंतु|किन्तु|परंतु|परन्तु|lekin|lekinn|magar|kintu|parantu|but)(?![\p{L}\p{M}])")
_DISCLAIMER = regex.compile(r"(?<![\p{L}\p{M}])(?:बुरा|bura|buraa)\s+(?:न|ना|मत|na|naa|mat)\s+(?:मान|maan|man)[\p{L}\p{M}]*")

# "क्या ये सच नहीं कि X ...?", "kya ye sahi nahi ki X": a question that asserts X ("ये सच नहीं कि X" alone denies it)
_ASKING = r"(?<![\p{L}\p{M}])(?:क्या|kya)\s+(?:(?:ये|यह|ye|yeh|yah)\s+)?"
_TRUE = regex.compile(r"सच|सही|sach|sahi")
# "ye kehna galat nahi ki X ...", "यह झूठ नहीं कि ...": what is "not wrong" or "no lie" is affirmed; so is what a
# question calls "not true"
_NOT_WRONG = regex.compile(rf"(?:(?<![\p{{L}}\p{{M}}])(?:गलत|झूठ|galat|ghalat|jhooth|jhoot|jhuth|wrong)|{_ASKING}(?:{_TRUE.pattern}))\s*$")


def _in_disclaimer(view: str, pos: int) -> bool:
    return any(d.start() < pos < d.end() for d in _DISCLAIMER.finditer(view, max(0, pos - 12), pos + 30))


_HINDI_NEG = regex.compile(r"(?<![\p{L}\p{M}])(?:नहीं|नही|ना|न|nahi|nahin|nhi|na)(?![\p{L}\p{M}])")


# "X को Y कहने वाले", "X ko Y bolne wale", "X को Y बताने वाली बात": those who call a group something, spoken of by
# someone else. A pattern, not a term of guard-condemnation: any word may stand for Y, and a raw pattern would keep the set
# from the gate (triggers.py). Bare "बोलने वाले" would not do: "मराठी न बोलने वालों" names a group by its language.
# A quotation spoken of the same way ('"ladkiyan khel nahi sakti" bolne walon ko ...') is theirs too.
_CALLERS = regex.compile(r"(?:(?<![\p{L}\p{M}])(?:को|ko)\s+[\p{L}\p{M}]+|[\"'])\s+(?:बोलने|कहने|लिखने|बताने|bolne|kehne|likhne|batane)\s+"
                         r"(?:वाले|वालों|वाली|wale|walon|wali)(?![\p{L}\p{M}])")


# What others say or believe of a group, or do to it in words, spoken of ("जो लोग कहते हैं कि ...", "jo log X ko Y
# kehte hain", "jo log X ko maarne ki baat karte hain", "जो लोग X को बदनाम / ट्रोल करते, भड़काते हैं",
# "jo log X ko gaali dete hain", "jo log X ka mazaak udate hain", "जो लोग X के धर्म पर सवाल उठाते हैं"), and a
# saying held up to be judged ("यह कहना कि ...", "ye kehna ki ...")
_SAYERS = regex.compile(r"(?<![\p{L}\p{M}])(?:(?:जो|jo)\s+(?:लोग|log)\s+(?:[^\s,;।]+\s+){0,10}?"
                        r"(?:कहते|बोलते|बुलाते|पुकारते|चिढ़ाते|चिढाते|लिखते|मानते|समझते|kehte|kahte|bolte|bulate|bulaate|pukarte|chidhate|chidate|chidhaate|likhte|maante|mante|samajhte"
                        r"|(?:की|ki)\s+(?:बात|बातें|baat|baatein|baaten)\s+(?:करते|karte)"
                        r"|भड़काते|भडकाते|bhadkaate|bhadkate|bhadakte|(?:ट्रोल|troll)\s+(?:करते|karte)|(?:बदनाम|badnaam|badnam)\s+(?:करते|karte)|(?:गाली|गालियां|gaali|gali|gaaliyan)\s+(?:देते|dete)"
                        r"|(?:सवाल|sawal|sawaal|savaal)\s+(?:उठाते|uthate|uthaate)"
                        r"|(?:मज़ाक|मजाक|mazaak|mazak|majak|majaak)\s+(?:उड़ाते|उडाते|udate|udaate)|(?:ताने|ताना|taane|tane|taana)\s+(?:मारते|देते|maarte|marte|dete))"
                        r"\s+(?:हैं|hain|hai|he)"
                        # ... perhaps judged first ("ye kehna bakwaas hai ki ...", "यह कहना बेबुनियाद है कि"): not where the
                        # judgment is that it is right, true or fair, or not wrong
                        r"|(?:यह|ये|ऐसा|ye|yeh|aisa)\s+(?:कहना|बोलना|kehna|kahna|bolna)\s+"
                        r"(?:(?!(?:[^\s,।]+\s+){0,2}?(?:सही|ठीक|सच|उचित|नहीं|नही|sahi|theek|thik|sach|uchit|nahi|nahin|nhi)(?![\p{L}\p{M}]))"
                        r"(?:[^\s,।]+\s+){1,2}?(?:है|hai)\s+)?(?:कि|ki))(?![\p{L}\p{M}])")
# "जो लोग दलित दूल्हे को घोड़ी से उतारते हैं, उन्हें जेल भेजो": punishment asked for those who do something to someone
_DOERS_PUNISHED = regex.compile(
    r"(?<![\p{L}\p{M}])(?:जो|jo)\s+(?:लोग|log)\s+(?:[^\s,;।]+\s+){0,8}?(?:को|ko)\s+(?:[^\s,;।]+\s+){1,6}?(?:हैं|hain|hai|he)"
    r"\s*,?\s*(?:उन्हें|उनको|उन पर|उनपर|उनके खिलाफ|unhe|unhein|unko|un par|unpar|unke khilaf)\s+(?:[^\s,;।]+\s+){0,3}?"
    r"(?:सजा|जेल|गिरफ्तार|मुकदमा|केस|एफआईआर|कार्रवाई|saza|sazaa|saja|jail|giraftar|giraftaar|mukadma|case|fir|karwai|"
    r"karwaai|karyavahi|action)(?![\p{L}\p{M}])")
# "X को पीटने वालों को जेल हो", "ghodi se utaarne walon ko saza": punishment asked for those who did something
_CULPRITS = regex.compile(r"[\p{L}\p{M}]+(?:ने|ne)\s+(?:वाले|वालों|वालो|wale|walon|walo)(?:\s+[\p{L}\p{M}]+){0,2}?\s+"
                          r"(?:को|पर|पे|की|के|ko|par|pe|ki|ke)\s+(?:[\p{L}\p{M}]+\s+)?"
                          r"(?:सजा|जेल|गिरफ्तारी|मुकदमा|केस|एफआईआर|कार्रवाई|saza|sazaa|saja|jail|giraftari|giraftaari|"
                          r"mukadma|case|fir|karwai|karwaai|karyavahi|action)(?![\p{L}\p{M}])")


# The word that takes up "जो लोग ..." again ("..., वो गलत हैं", "..., unki report karo")
_CORRELATIVE = regex.compile(r"(?<![\p{L}\p{M}])(?:वो|वे|वह|उन्हें|उनको|उनकी|उनका|उनके|wo|woh|ve|unhe|unhein|unko|unki|unka|unke)"
                             r"(?![\p{L}\p{M}])")


def _doers_named_as_group(view: str, end: int) -> bool:
    """"जो लोग देश को बदनाम करते हैं वो सब मुसलमान ...": what is said of the doers names a group, so the line
    pins the deed on the group rather than speaking against those who do it."""
    from .hate_caps import names_a_group  # hate_caps imports this module
    m = _CORRELATIVE.search(view, end)
    return m is not None and names_a_group(view[m.end():])


# "jo log ... dharm dekh ke saamaan lete hain", "जो लोग जाति पूछकर ...": those who treat people by their faith or caste
_DISCRIMINATORS = regex.compile(
    r"(?<![\p{L}\p{M}])(?:जो|jo)\s+(?:लोग|log)\s+(?:[^\s,;।]+\s+){0,8}?(?:धर्म|धरम|जाति|जात|मजहब|dharm|dharam|jaati|jati|"
    r"jaat|mazhab|majhab)\s+(?:देखकर|देख कर|देख के|पूछकर|पूछ कर|पूछ के|dekhkar|dekh kar|dekh ke|poochkar|pooch kar|pooch ke|"
    r"puchh ke|puchhkar)\s+(?:[^\s,;।]+\s+){0,4}?(?:हैं|hain|hai|he)(?![\p{L}\p{M}])")


def speaks_of_callers(view: str) -> bool:
    """Others' words against a group, spoken of: those who call it names, those who say or believe
    something of it, those who treat people by their faith or caste."""
    if _CALLERS.search(view) is not None:
        return True
    m = _SAYERS.search(view) or _DISCRIMINATORS.search(view)
    return m is not None and not _doers_named_as_group(view, m.end())


# "जो X को गोली मारने की बात करते हैं, ...": those who talk of doing something to a group, with no "लोग"; or
# "X ko bhagane ki baat karne wale ...", the same people named by the talk
_TALKERS = regex.compile(r"(?<![\p{L}\p{M}])(?:(?:जो|jo)\s+(?:[^\s,;।]+\s+){1,8}?(?:की|ki)\s+(?:बात|बातें|baat|baatein|baaten)"
                         r"\s+(?:करते|karte)\s+(?:हैं|hain|hai|he)|(?:की|ki)\s+(?:बात|बातें|baat|baatein|baaten)\s+(?:करने|karne)\s+"
                         r"(?:वाले|वालों|wale|walon))(?![\p{L}\p{M}])")


def speaks_against_doers(view: str) -> bool:
    """Punishment asked for those who did something, or those who talk of doing it spoken of. Counter-speech
    when the deed is against a group, so it caps the classifier's hate (score.py); not a guard on rules, since
    such a line may still swear ("... बनाने वाले को जेल में डाल देना चाहिए साला") or insult ("... jo pak ko
    apna baap mante he")."""
    return any(p.search(view) is not None for p in (_CULPRITS, _TALKERS, _DOERS_PUNISHED))


@lru_cache(maxsize=None)
def guard_pattern(name: str) -> regex.Pattern:
    sets = load_sets()
    return compile_terms(sets[f"guard-{name}"])


# "इन्हें इंसान मानना ही गलत है", "insaan kehna bhi galat hai", "दलितों को मंदिर में घुसने देना गलत है": what is
# called wrong is letting a group in or counting it human, so the "wrong" condemns the group, not what was said of it
_WRONG_TO_ALLOW = regex.compile(
    r"(?:(?:इंसान|इन्सान|insaan|insan) (?:मानना|समझना|कहना|maanna|manna|samajhna|kehna|kahna)|(?:घुसने|आने|रहने|बसने|बैठने|पढ़ने|पढने|"
    r"खेलने|ghusne|aane|rehne|basne|baithne|padhne|khelne) (?:देना|dena))\s+(?:(?:ही|भी|hi|bhi)\s+)?$")
# "मुसलमानों की आबादी पर रोक लगनी चाहिए": a curb asked on a group's numbers is a demand against the group, not the
# condemnation that "ऐसे बयानों पर रोक लगनी चाहिए" is
_CURB_ON_NUMBERS = regex.compile(r"(?:आबादी|जनसंख्या|तादाद|aabadi|abadi|jansankhya|population)\s+(?:पर|par|pe)\s+$")


_ASKED = regex.compile(_ASKING + "$")


def _asks_if_true(view: str, m) -> bool:
    """The condemnation term `m` ("सच नहीं कि") is asked, not stated: it affirms what follows."""
    return _TRUE.match(m.group()) is not None and _ASKED.search(view, 0, m.start()) is not None


def guard_applies(name: str, view: str, mstart: int, mend: int) -> bool:
    """Does guard `name` hold for a match at [mstart, mend) of a sentence view?"""
    pat = guard_pattern(name)
    if name == "reported-speech":
        return any(True for _ in finditer(pat, view)) or quoted_mention(view, mstart, mend)
    if name == "condemnation":
        return speaks_of_callers(view) or any(not _WRONG_TO_ALLOW.search(view, 0, m.start())
                                              and not _CURB_ON_NUMBERS.search(view, 0, m.start())
                                              and not _asks_if_true(view, m)
                                              for m in finditer(pat, view))
    if name != "negation":
        return any(True for _ in finditer(pat, view))
    if _corrected_inside(view, mstart, mend):
        return True
    # A negator inside the match is part of the claim ("cannot be trusted"), not a denial of it.
    # Before the match it negates it ("we will never call ... traitors") within its clause: one that
    # a comma or a dash closes first ("शरणार्थी नहीं, ये दीमक हैं": not refugees, these are termites;
    # "कुछ नहीं समझते, जाहिल कौम है") corrects or says something else. After the match, it negates
    # when it follows at once or goes with a verb of saying (Hindi puts the verb last: "... गद्दार नहीं कहेंगे").
    lo = _token_bound(view, mstart, -_NEAR_TOKENS)
    if any(not CLAUSE_BREAK.search(view, m.end(), mstart) and not _BUT.search(view, m.end(), mstart)
           and not _in_disclaimer(view, m.start()) and not _NOT_WRONG.search(view, 0, m.start())
           and not _between_twins(view, m.start(), m.end()) and not _question_tag(view, m)
           for m in finditer(pat, view, lo, mstart)):
        return True
    after = _HINDI_NEG.search(view, mend, _clause_end(view, mend, _token_bound(view, mend, 2)))
    if after is not None and not _question_tag(view, after):
        return True  # Hindi negates after the noun: "... प्रदर्शन नहीं होगा", not across a comma
    hi = _token_bound(view, mend, 4)
    for m in finditer(pat, view, mend, hi):
        around = view[m.start():_token_bound(view, m.end(), 3)]
        if any(True for _ in finditer(guard_pattern("speech-verb"), around)):
            return True
    return False


# "दलित गंदे नहीं, मेहनती लोग हैं": inside the match, a demeaning word, a negator, then a comma: the word is denied
# and corrected, though the match runs on to the cue of the next clause. Not a group word so denied ("शरणार्थी
# नहीं, ये दीमक हैं": not refugees, termites), which the word before the negator tells apart.
_DENIED_THEN_BREAK = regex.compile(r"([\p{L}\p{M}]+)\s+(?:नहीं|नही|nahi|nahin)\s*[,;।-]")


@lru_cache(maxsize=1)
def _demeaning_patterns() -> tuple:
    sets = load_sets()
    return tuple(compile_terms(sets[n]) for n in ("group-adjective", "derogatory-trait", "dehumanising"))


def _corrected_inside(view: str, mstart: int, mend: int) -> bool:
    return any(t.end() == m.end(1)   # a demeaning term (of one word or more) ends at the word before the negator
               for m in _DENIED_THEN_BREAK.finditer(view, mstart, mend)
               for p in _demeaning_patterns() for t in finditer(p, view, max(0, m.start(1) - 40), m.end(1)))


# "ना"/"na" as a question's tag ("sab gaddar hain na?": aren't they?) negates nothing
_QUESTION_TAG = regex.compile(r"\s*\?")


def _question_tag(view: str, negator) -> bool:
    return negator.group().lower() in ("ना", "न", "na") and _QUESTION_TAG.match(view, negator.end()) is not None


# "कोई न कोई", "kabhi na kabhi": a word, "न", the same word is "some ... or other", no negation
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)\s+$")
_WORD_AFTER = regex.compile(r"\s+([\p{L}\p{M}]+)")


def _between_twins(view: str, start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(view, max(0, start - 30), start)
    after = _WORD_AFTER.match(view, end)
    return before is not None and after is not None and before.group(1).lower() == after.group(1).lower()


# A stretch in quotation marks (the view has folded typographic quotes to ' and "); a single quote opens
# and closes only away from letters, so the apostrophes of "don't" or "Kiran's" pair with nothing.
_QUOTED = regex.compile(r"""["][^"\n]+["]|«[^»\n]+»|(?<![\p{L}\p{M}\p{N}])'[^'\n]+'(?![\p{L}\p{M}\p{N}])""")


def quoted_mention(view: str, mstart: int, mend: int, framed: bool = True) -> bool:
    """Is the match inside quotation marks that the rest of its sentence presents as someone's words
    ("'X' जैसे भाषण पर FIR हो", "'X' कहना नस्लवाद है", "usne tweet kiya 'X'")? Then it is mentioned, not said.
    Not when the speaker owns or endorses the words ("हमारा नारा है 'X'", "'X', यह सच है"). With `framed`
    False, a quotation the speaker does not own is enough: for a caller with other evidence that the
    words are not the speaker's."""
    q = _quotation_around(view, mstart, mend)
    if q is None:
        return False
    outside = view[:q.start()] + " | " + view[q.end():]
    return ((not framed or any(True for _ in finditer(guard_pattern("quote-frame"), outside)))
            and not any(True for _ in finditer(guard_pattern("quote-owned"), outside)))


def quotations(view: str) -> list[tuple[int, int]]:
    """The spans of the view's quotations, marks included."""
    return [(q.start(), q.end()) for q in _QUOTED.finditer(view)]


def in_quotation(view: str, mstart: int, mend: int) -> bool:
    return _quotation_around(view, mstart, mend) is not None


def _quotation_around(view: str, mstart: int, mend: int):
    return next((q for q in _QUOTED.finditer(view) if q.start() < mstart and mend < q.end()), None)


def _clause_end(view: str, pos: int, end: int) -> int:
    """Where the clause that runs on at `pos` stops, at `end` at the latest."""
    m = CLAUSE_BREAK.search(view, pos, end)
    return m.start() if m else end


CLAUSE_BREAK = regex.compile(r"[,;:।]|\s-+\s")  # the view has folded dashes to "-"


def _token_bound(view: str, pos: int, count: int) -> int:
    if count < 0:
        starts = [m.start() for m in _TOKEN.finditer(view, 0, pos)]
        return starts[count] if len(starts) >= -count else 0
    ends = [m.end() for m in _TOKEN.finditer(view, pos)]
    return ends[count - 1] if len(ends) >= count else len(view)
