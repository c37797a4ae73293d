"""Document model: the user's original text, a folded view for matching, and an offset map.

Every finding is found in the folded view and reported in the original text: the view is
built one grapheme cluster at a time, so a match in the view always maps back to whole
clusters of the original (precomposed nukta letters, ZWJ/ZWNJ, CRLF and emoji included).
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

# Removed from the view: nukta (spelling varies, ज़मीन/जमीन), ZWJ/ZWNJ and soft hyphen (invisible).
_DROP = str.maketrans({"\u093c": None, "\u200d": None, "\u200c": None, "\u00ad": None, "\ufeff": None})
# One-to-one folds: chandrabindu/anusvara vary freely; typographic quotes and dashes.
_FOLD = str.maketrans({
    "\u0901": "\u0902", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ",
    # half a character (a lone surrogate, which only an API caller or a JSON escape can pass in) is no
    # letter: the replacement character keeps offsets and lets the view be encoded (RE2 needs UTF-8)
    **{chr(c): "\ufffd" for c in range(0xD800, 0xE000)},
})
_DROP_RE = regex.compile("[\u093c\u200d\u200c\u00ad\ufeff]")
# Obfuscated spellings folded in the view: letters spaced out ("d-a-l-i-t", "m u s l i m") lose their
# separators, and digits or symbols standing in for letters inside or at the end of a Latin word ("musl1m",
# "b1har1") become letters.
_SPACED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Latin}([ .\-_*])\p{Latin}(?:\1\p{Latin})+(?![\p{L}\p{M}\p{N}])")
_SPELLED_MAX = 20  # a spelled-out word is short; longer runs are left alone (and cannot bloat the offset map)
# ... or cut into syllables by a dot, hyphen, underscore or asterisk ("af.ri.can", "mus-lim"), the same one throughout:
# joined only where the whole spells a listed group noun or slur ("bit.ly", "e-mail" stay)
_CHUNKED = regex.compile(r"(?<![\p{L}\p{M}\p{N}.\-_*])\p{Latin}{1,4}([.\-_*])\p{Latin}{1,4}(?:\1\p{Latin}{1,4})*(?![\p{L}\p{M}\p{N}]|[.\-_*]\p{L})")
# inside a word only, "!" is an i too ("musl!m"); at a word's end it is punctuation
_LEET = regex.compile(r"(?<=\p{Latin})[013457@$!](?=\p{Latin})")
# "11" inside a word is a doubled l ("mu11e", "ki11"): a doubled i is rare in romanized Hindi, ll common
_LEET_LL = regex.compile(r"(?<=\p{Latin})11(?=\p{Latin})")
# ... and at a word's end only where the word has one inside too ("Rs5" and "INR1,000" stay numbers), or,
# after three letters or more, where another word of the text has one inside ("musl1m sab aatank1")
_LEET_END = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Latin}+(?:[013457@$]\p{Latin}+)+([013457@$])(?![\p{L}\p{M}\p{N}])")
_LEET_END_LOOSE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Latin}{3,}([013457@$])(?![\p{L}\p{M}\p{N}])")
# ... and at a word's start only where that spells a listed group or hate word ("5ikh", "@chhoot"): "4th",
# "3rd", "5g" and "7up" stay
_LEET_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}])([013457@$])(\p{Latin}{2,})(?![\p{L}\p{M}\p{N}])")
# a letter stretched for emphasis ("chamaaaar", "gandeeee", "katuonnn", "sikhhh") keeps one of its run:
# romanized terms read a as aa and any consonant doubled, and a vowel run of two would make other words
# ("shalaaaa", a cow shelter, read as the insult "saala"). No word has a letter three times running; "www"
# of an address stays.
_STRETCH = regex.compile(r"([a-vx-z])\1{2,}", regex.IGNORECASE)
# a Devanagari vowel sign or anusvara typed twice or more for emphasis ("निकालोो", "कटुओंं") keeps one: no
# word repeats one
_SIGN_RUN = regex.compile(r"([\u0902\u0903\u093e-\u094c])\1+")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
_CLUSTER = regex.compile(r"\X", regex.DOTALL)
_DEVA_CHAR = regex.compile(r"\p{Devanagari}")
_WORDS = regex.compile(r"\w+")
_NEWLINE = regex.compile(r"\r\n|\r|\n")
_DIRECTIVE = regex.compile(r"<!--\s*vaktacheck\s*:.*?-->", regex.DOTALL | regex.IGNORECASE)


# A Devanagari word spelled out one akshara at a time ("मु स ल मा न"). Hindi has many one-akshara words
# (है, को, से, जो), so a run is joined only where three or more of its letters spell a word the lexicons use
# (a group noun or slur, or a trait: "ना सू र", "ग द्दा र").
_AKSHARA = r"(?:[\u0915-\u0939\u0958-\u095f]\u093c?\u094d)*[\u0904-\u0939\u0958-\u0961]\u093c?[\u093e-\u094c\u0962\u0963]?[\u0900-\u0903]?"
# ... or with a dot, hyphen, underscore or asterisk between them ("द.लि.त"), the same one throughout
_DEVA_SPACED = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){_AKSHARA}([ .\-_*]){_AKSHARA}(?:\1{_AKSHARA})+(?![\p{{L}}\p{{M}}\p{{N}}])")
_AKSHARA_RUN = regex.compile(rf"{_AKSHARA}")


def _spelled_out_words() -> frozenset[str]:
    """Folded Devanagari group nouns and slurs (and their plural/oblique forms) from the lexicons."""
    return _devanagari_words(_GROUP_SETS)  # cached there


@lru_cache(maxsize=4)
def _devanagari_words(names: tuple[str, ...]) -> frozenset[str]:
    """The folded one-word Devanagari terms of the sets `names`, with the noun forms of "+" terms."""
    from .lexicons import load_sets
    from .matching import _noun_forms
    sets = load_sets()
    words = set()
    for name in names:
        for term in sets.get(name, {}).get("hi", []):
            if " " in term or term.startswith(("@", "re:")):
                continue
            base = fold(term.lstrip("=").rstrip("*+"))  # "=सिख": an exact spelling, a group noun all the same
            if term.endswith("+"):
                words.update(fold(f) for f in _noun_forms(base, "hi"))
            else:
                words.add(base)
    return frozenset(w for w in words if len(w) >= 3)


def _spelled_devanagari(text: str, out: dict[int, str]) -> None:
    for m in _DEVA_SPACED.finditer(text):
        if len(m.group()) > 4 * _SPELLED_MAX:
            continue
        tokens = [(t.start(), t.end()) for t in _AKSHARA_RUN.finditer(text, m.start(), m.end())]
        words, loose = _lexicon_words(), _loose_groups()  # built on first need: most texts have no spaced run
        i = 0
        while i < len(tokens) - 2:  # the longest listed word that starts at token i, of 3 aksharas or more
            j, meant = None, None
            for k in range(len(tokens), i + 2, -1):
                joined = fold("".join(text[a:b] for a, b in tokens[i:k]))
                meant = joined if joined in words else loose.get(joined.translate(_LOOSE))
                if meant is not None:
                    j = k
                    break
            if j is None:
                i += 1
                continue
            out.update({b: "" for _, b in tokens[i:j - 1]})  # drop the spaces between its aksharas
            if meant != joined:  # a vowel's length or a nasal spelt otherwise ("द ली तों"): the word put right whole
                out.update({c: "" for c in range(tokens[i][0], tokens[j - 1][1]) if c not in out})
                out[tokens[i][0]] = meant
            i = j


@lru_cache(maxsize=1)
def _loose_groups() -> dict[str, str]:
    """The Devanagari group nouns and slurs by their loose spelling (long and short vowels alike, no nasal); of
    two with one loose spelling, the shorter (so every process reads the same)."""
    out = {}
    for w in sorted(_spelled_out_words(), key=lambda w: (len(w), w)):
        out.setdefault(w.translate(_LOOSE), w)
    return out


# Words typed without the spaces between them ("मुसलमानगद्दार हैं", "दलितोंकोगांवसेनिकालो"). Long Devanagari
# words are common (मुख्यमंत्री, प्रतिनिधित्व), so a word is split only where all of it splits into words the
# lexicons use, one of them a group noun or slur; the view then has the spaces the writer left out. A word of
# five or six code points splits only into a group word and joiners ("भंगीकी", "चमारको").
_DEVA_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f]{5,}")
_JOINERS = ("को", "से", "ने", "का", "की", "के", "में", "है", "हैं", "था", "थे", "सब", "ये", "वो", "और", "भी",
            "तो", "ही", "इन", "उन", "लोग", "होते", "होती", "होता", "फिर", "अब", "हर")


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """_build_lexicon_words, kept in the term cache (building it took 40 ms of every cold run)."""
    from . import term_cache
    from .lexicons import digest
    return frozenset(term_cache.cached("lexicon-words:" + digest(), lambda: sorted(_build_lexicon_words())))


def _build_lexicon_words() -> set[str]:
    """Every folded Devanagari word of the shared term sets and lexicons, with the noun forms of "+" terms."""
    from .lexicons import load_sets
    from .matching import _noun_forms
    words = set(_JOINERS)
    for flavours in load_sets().values():
        for term in flavours.get("hi", []):
            if term.startswith(("@", "re:")):
                continue
            for w in term.lstrip("=").split():
                base = fold(w.rstrip("*+"))
                if len(base) < 2 or not _DEVA_CHAR.search(base):
                    continue
                if w.endswith("+"):
                    words.update(fold(f) for f in _noun_forms(base, "hi"))
                else:
                    words.add(base)
    return words


# Vowel lengths and a nasal sign, as the term patterns take them either way ("दलीत" is read as दलित,
# "बिहारियो" as बिहारियों): a fused word is split by words compared in this loose spelling.
_LOOSE = str.maketrans({"\u0940": "\u093f", "\u0942": "\u0941", "\u0908": "\u0907", "\u090a": "\u0909",
                        "\u0902": None, "\u0901": None})


@lru_cache(maxsize=1)
def _loose_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lexicons' words, the group nouns and slurs, and the joiners, in the loose spelling."""
    return tuple(frozenset(w.translate(_LOOSE) for w in ws)
                 for ws in (_lexicon_words(), _spelled_out_words(), _JOINERS))


def _split_fused(clusters: list[str], short: bool = False) -> list[int] | None:
    """Indices of the clusters after which a space goes, or None: the fewest words from the lexicons
    that spell all of `clusters`, at least one of them a group noun or slur, or else two: a listed word and
    a joiner after it. A `short` word ("भंगीकी", "चमारको") splits only into a group word and joiners: verbs
    end in "ने" and "के" too ("देखने"), and short words spell others ("सीखो" + "गे")."""
    words, groups, joiners = _loose_words()
    n = len(clusters)
    best: list[tuple[int, bool, int] | None] = [None] * (n + 1)  # (pieces, has a group word, previous cut)
    best[0] = (0, False, -1)
    for i in range(n):  # forward from the positions a word reaches: most long words stop at i = 0
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 12) + 1):
            typed = "".join(clusters[i:j])
            piece = typed.translate(_LOOSE)
            # of a short word: a group word of four code points or more as typed ("सीखने" reads सिख + ने loosely)
            if (piece in joiners or (piece in groups and len(typed) >= 4)) if short else piece in words:
                cand = (best[i][0] + 1, best[i][1] or piece in groups, i)
                if best[j] is None or (cand[1], -cand[0]) > (best[j][1], -best[j][0]):
                    best[j] = cand
    if best[n] is None or best[n][0] < 2 or (short and not best[n][1]):
        return None
    cuts, j = [], n
    while j > 0:
        j = best[j][2]
        if j > 0:
            cuts.append(j - 1)
    cuts.sort()
    # with no group word in it, only a listed word run into one postposition or copula ("धोखेबाजहै")
    if not best[n][1] and (len(cuts) > 1 or "".join(clusters[cuts[0] + 1:]).translate(_LOOSE) not in joiners):
        return None
    return cuts


# A word's last consonant typed twice for emphasis ("चोरर", "पूर्वोत्तरर"): the second is dropped where the word
# without it is one the lexicons use (Hindi words do not end in a doubled bare consonant, but a few names
# might, so the lexicons decide).
_DEVA_DOUBLED_END = regex.compile(r"(?<![\p{L}\p{M}\p{N}])([\u0900-\u0963]*([\u0915-\u0939]))\2(?![\p{L}\p{M}\p{N}])")


def _doubled_devanagari(text: str, out: dict[int, str]) -> None:
    for m in _DEVA_DOUBLED_END.finditer(text):
        if fold(m.group(1)) in _lexicon_words():
            out[m.end() - 1] = ""


def _after_a_slur(clusters: list[str]) -> list[int] | None:
    """A slur run into any word ("चिंकीछोरी"): a cut after its clusters, where two or more follow. Slurs name
    no other thing; in the corpora only "मुल्लोंको" starts with one."""
    for k in range(len(clusters) - 2, 1, -1):
        if "".join(clusters[:k]) in _devanagari_words(("group-slurs",)):
            return [k - 1]
    return None


def _fused_devanagari(text: str, out: dict[int, str]) -> None:
    for m in _DEVA_WORD.finditer(text):
        for k, cluster in _fused_cuts(m.group()):
            out[m.start() + k] = out.get(m.start() + k, cluster) + " "


@lru_cache(maxsize=20_000)
def _fused_cuts(word: str) -> tuple[tuple[int, str], ...]:
    """(offset in the word, its cluster folded) of each cluster after which a space goes; () for most words."""
    spelt = fold(word)
    if spelt in _REAL_WORDS:
        return ()
    whole = spelt.translate(_LOOSE)
    words = _loose_words()[0]
    if not any(whole[:k] in words for k in range(2, min(len(whole), 30))):
        return ()  # cheap first test: a split needs a listed word at the start
    spans = [(c.start(), c.end()) for c in _CLUSTER.finditer(word)]
    folded = [fold(word[a:b]) for a, b in spans]
    cuts = _split_fused(folded, short=len(word) < 7) or _after_a_slur(folded)
    return tuple((spans[k][0], folded[k]) for k in cuts or ())


# Misspelt group words, repaired in the view only where the repair is a group noun, slur or word said of groups
# that we list, so the rules see what the writer meant. Latin: two neighbouring letters swapped ("msualmano", "dlaito"; the first
# letter is kept, typists rarely miss it), and a group word fused with the word after it ("katuonko",
# "marwarisab"; the group word of five letters or more: "sikhne" is "to learn"), and an inner vowel left out of
# a group noun of six letters or more ("muslms"), unless that spells a word of its own (_REAL_WORDS: "bhari",
# heavy, is "bihari" without its i). Devanagari: an inner vowel sign left out ("दलतों", "हंदुओं"; a final one is
# never restored: बिहारी without it is बिहार, a place).

# Words of their own that a listed word with two letters swapped or a vowel left out would spell; found by
# matching every such misspelling against the words of the corpora, and written here by us.
_REAL_WORDS = frozenset({
    "bhari", "asli", "marathon", "menon", "hijran", "kashmirs", "bengals", "means", "mens", "paris", "odisa",
    "christina", "christinas", "casts", "janis", "hinds", "dalton", "banas", "whits", "shudder",
    "samajne",  # "to understand" (samajhne), not "samaj ne"
    # ... and that a group word run into a known one spells (_fused_latin)
    "pakisthan", "pakishan", "hindusthan", "samajlena",
    # ... and that a slur with two letters swapped spells ("chinki", "pakis")
    "chikni", "paksi",
    "madrason",  # madrasas, not "madrasion" less its i
    "katwa", "katon",  # cut, cuts: "katuwa", "katuon" less their u
    # कर्मी (a worker) is कुर्मी (a caste) less its u, गुजरती (passes) गुजराती less its aa, संधियों (treaties) सिंधियों
    "कर्मी", "कर्मियों", "कर्मियो", "गुजरती", "संधियों", "संधियो",
    "कत्ते",  # "कितने" (how many) in speech, not कुत्ते less its u
    # words of their own that a short group noun less an inner sign spells (बड़ों, elders, is बोडों less its o)
    "समज", "गंड", "धरम", "बडो", "बडों", "जनों", "बनया", "चंकी",
    # ... and that a listed word with a stray ा spells (बहारों, springs, is बहरों plus one; असामियों, tenants, असमियों)
    "बहारों", "बहारे", "असामियों", "असामिये", "असामिया",
    # ... or, with the nasal of "-ों" left out as well: समजो ("understand"), भलो, कमो
    "समजो", "भलो", "कमो",
    # ... and that a listed word run into a group word spells (_fused_cuts): innate is not "जन्म जात"; Vemula is a
    # name, not "वे मुल्ला"
    "जन्मजात", "वेमुल्ला"})
_LATIN_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[A-Za-z]{4,}(?![\p{L}\p{M}\p{N}])")
_LATIN_JOINERS = ("log", "logon", "sab", "sb", "ko", "ki", "ke", "ka", "ne", "se", "hai", "hain", "hote", "hoti", "par", "pe",
                  "mein", "aur", "bhi", "to", "hi", "kabhi")
# three letters up: a four-letter group noun less a vowel sign ("दलत")
_DEVA_TOKEN = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\u0900-\u0963]{3,}(?![\p{L}\p{M}\p{N}])")
# a consonant with no sign or virama after it (and not the first half of a nukta form)
_LONE_CONSONANT = regex.compile(r"[\u0915-\u0939](?![\u093c-\u094d])")


_GROUP_SETS = ("identity", "identity-words", "protected-group", "group-slurs")
# the words said of a group: a swap in them is repaired too ("gdadar", "dohkebaaz")
_TRAIT_SETS = ("derogatory-trait", "group-adjective", "dehumanising", "profanity")
_LETTER_RUN = regex.compile(r"(.)\1+")
_VOWELS = regex.compile("[aeiou]")
_CONSONANT_RUN = regex.compile(r"([b-df-hj-np-tv-z])\1+")


@lru_cache(maxsize=1)
def _latin_vocabulary():
    """_build_latin_vocabulary, kept in the term cache (building it took 20 ms of every cold run)."""
    from . import term_cache
    from .lexicons import digest
    groups, words, swaps, english, english_written = term_cache.cached("latin-vocabulary:" + digest(),
                                                                       _build_latin_vocabulary)
    return frozenset(groups), frozenset(words), swaps, english, frozenset(english_written)


def _build_latin_vocabulary():
    """(the Latin group nouns and slurs, every listed group or hate word, {misspelling: the word it
    misspells}), all with doubled letters written once (as the romanized terms read them); and the English
    group nouns as listed, by that spelling ({"sikhon": "sikhon"}: English terms match only as written). Plain
    sets, no pattern: a compiled alternation of these words cost a third of a second on every cold start."""
    from .lexicons import load_sets
    from .matching import _noun_forms
    sets = load_sets()
    groups, words, swappable, groups_written, english_groups, slurs = set(), set(), set(), set(), set(), set()
    for name in _GROUP_SETS + _TRAIT_SETS:
        for flavour in ("en", "hi-Latn"):
            for term in sets.get(name, {}).get(flavour, []):
                base = term.rstrip("*+").lower()
                if " " in base or not base.isalpha():
                    continue
                forms = _noun_forms(base, flavour) if term.endswith("+") else [base]
                words.update(_LETTER_RUN.sub(r"\1", f) for f in forms)
                if name in _GROUP_SETS:
                    groups.update(_LETTER_RUN.sub(r"\1", f) for f in forms)
                    groups_written.update(forms)
                    if flavour == "en" and name != "group-slurs":  # "pakki" (sure) is no "paki"
                        english_groups.update(forms)
                swappable.update(forms)  # slurs too: of their swaps, only "chikni" and "paksi" are corpus words
                if name == "group-slurs":
                    slurs.update(forms)
    swaps = {}
    for w in sorted(w for w in swappable if len(w) >= 5):  # sorted: the same repair in every process
        once = _LETTER_RUN.sub(r"\1", w)
        for i in range(1, len(w) - 1):
            swapped = _LETTER_RUN.sub(r"\1", w[:i] + w[i + 1] + w[i] + w[i + 2:])
            # not a swap that makes a double letter: "kashmiir" would read "kashmir"
            if len(swapped) >= len(once) and swapped not in words and swapped not in _REAL_WORDS:
                swaps.setdefault(swapped, w)
    # an inner vowel left out of a group noun of six letters or more ("muslms", "msalmano"), except where
    # that spells a word of its own; of a slur, only where five letters are left ("kattua" less its u is
    # "kata", cut)
    for w in sorted(w for w in swappable & groups_written if len(w) >= 6):
        for i in range(1, len(w) - 1):
            if w[i] in "aeiou":
                short = _LETTER_RUN.sub(r"\1", w[:i] + w[i + 1:])
                if w in slurs and len(short) < 5:
                    continue
                if short not in words and short not in _REAL_WORDS:
                    swaps.setdefault(short, w)
    # every inner vowel left out, as phones type ("mslm", "gnde", "trrst"): first and last letters kept, four letters
    # or more left and a consonant first ("isai" less its vowels is "isi"); where two words fit, only if both are
    # group words or both are not. None of what this spells is a word of the corpora (checked in session 31).
    from .langid import ENGLISH_WORDS, HINGLISH_WORDS
    bare = {}
    for w in sorted(swappable):
        once = _LETTER_RUN.sub(r"\1", w)
        if len(once) < 5 or once[0] in "aeiou":
            continue
        short = _LETTER_RUN.sub(r"\1", once[0] + _VOWELS.sub("", once[1:-1]) + once[-1])
        if len(short) >= 4 and short != once:
            bare.setdefault(short, []).append(w)
    # ... nor what a common word less its vowels spells ("katwa", to have cut, is "ktwa" as "katuwa" is)
    common = {_LETTER_RUN.sub(r"\1", w[0] + _VOWELS.sub("", w[1:-1]) + w[-1])
              for w in _REAL_WORDS | ENGLISH_WORDS | HINGLISH_WORDS if w.isascii() and len(w) >= 3}
    for short, meant in bare.items():
        if (short in words or short in _REAL_WORDS or short in ENGLISH_WORDS or short in HINGLISH_WORDS
                or short in common or len({m in groups_written for m in meant}) > 1):
            continue
        swaps.setdefault(short, meant[0])
    english = {}
    for w in sorted(english_groups):
        english.setdefault(_LETTER_RUN.sub(r"\1", w), w)
    return sorted(groups), sorted(words), swaps, english, sorted(english_groups)  # lists: JSON keeps them


# the nouns for a community in general, which take an English plural as words do ("religions")
_GENERIC_GROUP_NOUNS = frozenset({"religion", "caste", "comunity", "community", "dharm", "mazhab", "biradari", "jati",
                                  "jaati", "samaj", "samuday", "kaum", "qaum"})


@lru_cache(maxsize=20_000)
def _latin_repair(word: str) -> str | None:
    """What a misspelt group or hate word meant, in the view's spelling ("katuon ko" for a fused one);
    None for any other word."""
    groups, words, swaps, english, english_written = _latin_vocabulary()
    lower = word.lower()
    once = _LETTER_RUN.sub(r"\1", lower)
    if lower in _REAL_WORDS:
        return None
    if once in words:  # a consonant doubled in an English group noun, which matches only as listed: "sikhhon"
        # (not a vowel: "samaaj" is how romanized Hindi writes a long one, and "samaj" is listed for society)
        typo = (lower != once and once in english and lower not in english_written
                and _CONSONANT_RUN.sub(r"\1", lower) == once)
        return english[once] if typo else None
    meant = swaps.get(once)
    if meant is not None:
        return meant
    # an English plural's s or z on a romanized group word ("musalmans", "hinduz"), five letters before it; not on
    # the nouns for a community in general ("religions" stays as written)
    if len(lower) >= 6 and lower[-1] in "sz":
        stem = _LETTER_RUN.sub(r"\1", lower[:-1])
        if stem in groups and stem not in _GENERIC_GROUP_NOUNS:
            return lower[:-1]
    lower = _STRETCH.sub(r"\1", lower)  # "musalmaaaansab": a fused word's stretch goes with its half
    for joiner in _LATIN_JOINERS:
        cut = len(lower) - len(joiner)
        if cut >= 5 and lower.endswith(joiner):
            head = _LETTER_RUN.sub(r"\1", lower[:cut])
            if head in groups:
                return lower[:cut] + " " + joiner
            if swaps.get(head) in groups:  # misspelt and fused: "muslmaansab", "biharyonko"
                return swaps[head] + " " + joiner
    return _fused_latin(lower)


# people and places a group word is often run into ("muslimladke", "kashmiristudents", "dalitbasti")
_PEOPLE_WORDS = frozenset({"ladke", "ladka", "ladki", "ladkiyan", "ladkon", "munde", "launde", "aadmi", "aurat",
                           "bachche", "students", "student", "parivar", "family", "neta", "basti", "mohalla", "camp",
                           "wale", "walon", "waale", "waalon", "mazdoor"})


def _known_latin(word: str) -> bool:
    """A word the lists know: a listed group or hate word, a common Hindi or English function word, or a word for
    people or a place (_PEOPLE_WORDS)."""
    from .langid import ENGLISH_WORDS, HINGLISH_WORDS
    return (word in HINGLISH_WORDS or word in ENGLISH_WORDS or word in _PEOPLE_WORDS
            or _LETTER_RUN.sub(r"\1", word) in _latin_vocabulary()[1])


def _fused_latin(lower: str) -> str | None:
    """A group noun or slur of five letters or more run into a known word of three letters or more, or a known
    word run into one ("bhangihamare", "musalmansuar", "saalemulle"). Both halves must be known: a group word
    starts "pakistan", "hindustan", "samajhte" and "yadavakhilesh" too (the corpora's fused words, checked)."""
    groups = _latin_vocabulary()[0]
    for cut in range(3, len(lower) - 2):
        head, tail = lower[:cut], lower[cut:]
        if ((len(head) >= 5 and _LETTER_RUN.sub(r"\1", head) in groups and _known_latin(tail))
                or (len(tail) >= 5 and _LETTER_RUN.sub(r"\1", tail) in groups and _known_latin(head))):
            return head + " " + tail
    return None


@lru_cache(maxsize=1)
def _deva_misspellings() -> dict[str, tuple[int, int, str]]:
    """_build_deva_misspellings, kept in the term cache (building it took 30 ms of every cold run)."""
    from . import term_cache
    from .lexicons import digest
    built = term_cache.cached("deva-misspellings:" + digest(), _build_deva_misspellings)
    return {k: tuple(v) for k, v in built.items()}  # JSON keeps the tuples as lists


def _build_deva_misspellings() -> dict[str, tuple[int, int, str]]:
    """{a group noun, slur or word said of groups as it is often misspelt: (where, how many letters were
    typed there, what was meant)}: one inner vowel sign left out (none typed, the sign), its श or ष typed
    स, as it is often said ("कस्मीरी": one typed, the letter), or two letters typed in swapped order (two typed,
    the two letters as they should stand)."""
    out = {}
    groups = _spelled_out_words()
    for w in sorted(groups | _devanagari_words(_TRAIT_SETS)):  # sorted: alike in every process
        # six letters or more; a group noun from four ("दलत", "चमर"), where the short words it would spell
        # were checked against the corpora's words (_REAL_WORDS)
        shortest = 4 if w in groups else 6
        for m in regex.finditer(r"[\u093e-\u094d]", w):  # a vowel sign, or the virama of a cluster ("ब्राहमण")
            if m.end() < len(w) and len(w) >= shortest:
                out.setdefault(w[:m.start()] + w[m.end():], (m.start(), 0, m.group()))
        for m in regex.finditer("[शष]", w):
            if len(w) >= 5:
                out.setdefault(w[:m.start()] + "स" + w[m.end():], (m.start(), 1, m.group()))
        # a short vowel sign put on the neighbouring consonant ("मसुलमान", "दिलत"): two letters typed in swapped
        # order, where the sign's consonant and its neighbour stand alone (no virama, no other sign); the long ा too
        # ("मुसलामन", "हारमी"), in words of five letters or more: in shorter ones it spells words of the corpora
        # (जता, नाग, समजा; checked in session 31)
        for m in regex.finditer(r"(?<=[\u0915-\u0939])[\u093f\u0941\u093e]", w):
            i = m.start()
            if m.group() == "\u093e" and len(w) < 5:
                continue
            if i + 1 < len(w) and _LONE_CONSONANT.match(w, i + 1):
                out.setdefault(w[:i] + w[i + 1] + w[i] + w[i + 2:], (i, 2, w[i:i + 2]))
            if i >= 2 and _LONE_CONSONANT.match(w, i - 2):
                out.setdefault(w[:i - 1] + w[i] + w[i - 1] + w[i + 1:], (i - 1, 2, w[i - 1:i + 1]))
        # two neighbouring bare consonants typed in swapped order ("मुलसमान", "यावद"), the first letter kept and no
        # conjunct split; none of what they spell is a word of the corpora (checked in session 19)
        for i in range(1, len(w) - 1):
            if (w[i - 1] != "\u094d" and w[i] != w[i + 1] and _LONE_CONSONANT.match(w, i)
                    and _LONE_CONSONANT.match(w, i + 1)):
                out.setdefault(w[:i] + w[i + 1] + w[i] + w[i + 2:], (i, 2, w[i:i + 2]))
        # a stray ा after an inner bare consonant ("मुसालमान", "सरादार"), in words of five letters or more;
        # none of what this spells is a word of the corpora (checked in session 20)
        for i in range(1, len(w) - 1):
            if len(w) >= 5 and w[i - 1] != "\u094d" and _LONE_CONSONANT.match(w, i):
                out.setdefault(w[:i + 1] + "\u093e" + w[i + 1:], (i + 1, 1, ""))
        # a consonant typed twice, the first one bare ("ददलित", "मुसलममान"), in words of four letters or more
        # and not in a conjunct; what this spells was checked against the corpora's words (session 26)
        for i in range(len(w) - 1):
            if len(w) >= 4 and "\u0915" <= w[i] <= "\u0939" and (i == 0 or w[i - 1] != "\u094d") and w[i + 1] != "\u094d":
                out.setdefault(w[:i] + w[i] + w[i:], (i + 1, 1, ""))  # the second typed goes: the span keeps the first
        # a virama typed after an inner bare consonant before another ("मुस्लमान", "दिल्त"): the vowel the word drops
        # when spoken, written as dropped; what this spells was checked against the corpora's words (session 27)
        for i in range(1, len(w) - 1):
            if len(w) >= 4 and w[i - 1] != "\u094d" and _LONE_CONSONANT.match(w, i) and "\u0915" <= w[i + 1] <= "\u0939":
                out.setdefault(w[:i + 1] + "\u094d" + w[i + 1:], (i + 1, 1, ""))
    return {k: v for k, v in out.items() if k not in _lexicon_words() and k not in _REAL_WORDS}


def _misspelt_groups(text: str, out: dict[int, str], latin: bool, deva: bool) -> None:
    # the repairs are worked out once per word (_latin_edits, _deva_edits): words repeat from text to text
    if latin:
        for m in _LATIN_WORD.finditer(text):
            for k, f in _latin_edits(m.group()):
                out[m.start() + k] = f
    if deva:
        for m in _DEVA_TOKEN.finditer(text):
            for k, f in _deva_edits(m.group()):
                out[m.start() + k] = f


@lru_cache(maxsize=20_000)
def _latin_edits(word: str) -> tuple[tuple[int, str], ...]:
    """(offset in the word, replacement) that put a misspelt Latin group or hate word right; () for others."""
    if len(word) == 4 and _VOWELS.search(word.lower(), 1, 3):
        return ()  # four letters: only a word typed without its inner vowels ("mslm"); "badh" is no "bauddh"
    meant = _latin_repair(word)
    if meant is None:
        return ()
    # the whole word is replaced: its first letter's place holds what was meant
    return tuple((i, "") for i in range(1, len(word))) + ((0, meant),)


@lru_cache(maxsize=20_000)
def _deva_edits(word: str) -> tuple[tuple[int, str], ...]:
    """(offset in the word, replacement) that put a misspelt Devanagari group or hate word right; () for others."""
    misspelt = _deva_misspellings()
    repair = misspelt.get(word)
    # an oblique plural's nasal left out as well ("मुसलामानो"); not "े": ठाकरे, जने are words
    if repair is None and word.endswith("ो") and word not in _REAL_WORDS:
        repair = misspelt.get(word + "ं")
    if repair is None:
        return _folded_edits(word, misspelt)
    where, typed, meant = repair
    clusters = [(c.start(), c.end()) for c in _CLUSTER.finditer(word)]
    if typed == 2:  # two letters swapped, across two clusters: the whole word is put right in its first
        return tuple((a, "") for a, _ in clusters) + ((0, fold(word[:where] + meant + word[where + 2:])),)
    # the cluster holding the letter typed, or for a sign left out the letter before it ("हं")
    a, b = next((a, b) for a, b in clusters if a < where + typed <= b)
    k = where - a
    return ((a, fold(word[a:a + k] + meant + word[a + k + typed:b])),)


_FOLDED_AWAY = regex.compile(r"[\u093c\u0901]|([\u0902\u0903\u093e-\u094c])\1")  # what fold() changes in a word


def _folded_edits(word: str, misspelt: dict) -> tuple[tuple[int, str], ...]:
    """A misspelt word with a nukta or chandrabindu ("पहड़ी", "वधवाएँ"): the misspellings are keyed by the folded
    spelling, so the word is looked up folded and put right whole, in its first cluster."""
    if not _FOLDED_AWAY.search(word):
        return ()  # cheapest test first: most words have nothing the fold changes
    folded = fold(word)
    repair = misspelt.get(folded)
    if repair is None:
        return ()
    where, typed, meant = repair
    return (tuple((c.start(), "") for c in _CLUSTER.finditer(word))
            + ((0, folded[:where] + meant + folded[where + typed:]),))


# a Devanagari word with a symbol typed for a letter or two ("मु$लिम", "हि*दू", "म_स्लिम"), as Latin leet hides "mu$lim"
_DEVA_MASKED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])([\u0900-\u0963]+)[$*@#%_]{1,2}([\u0900-\u0963]+)(?![\p{L}\p{M}\p{N}])")


def _masked_devanagari(text: str, out: dict[int, str]) -> None:
    """Read a masked word as a group noun or slur it can be: the symbol stands for one to three code points
    (a letter with its virama or sign) between what was typed before and after it."""
    groups = _spelled_out_words()
    for m in _DEVA_MASKED.finditer(text):
        head, tail = fold(m.group(1)), fold(m.group(2))
        meant = {w for w in groups if w.startswith(head) and w.endswith(tail)
                 and 1 <= len(w) - len(head) - len(tail) <= 3}
        if meant:  # the whole word put right in its first cluster, as for swapped letters; of spellings of
            # one word ("मु**लमानों": मुसलमानों, मुस्लमानों) the shortest, so every process reads the same
            out.update({c.start(): "" for c in _CLUSTER.finditer(text, m.start(), m.end())})
            out[m.start()] = min(meant, key=lambda w: (len(w), w))


# ... and a Latin word with asterisks for some of its letters ("m*sl*m", "d*l*t"), one letter a star
_LATIN_MASKED = regex.compile(r"(?<![\p{L}\p{M}\p{N}*])\p{Latin}+(?:\*\p{Latin}+)+\*?(?![\p{L}\p{M}\p{N}*])"
                              r"|(?<![\p{L}\p{M}\p{N}*])\p{Latin}+\*(?![\p{L}\p{M}\p{N}*])")


def _masked_latin(text: str, out: dict[int, str]) -> None:
    """Read a Latin word with stars for letters as a group noun or slur it can be, letter for letter (of several,
    the first in order, so every process reads the same); at most half its letters starred ("f**k" is none).
    The vocabulary writes doubled letters once, so a word typed with one ("m*ll*") is left as it is."""
    groups = _latin_vocabulary()[0]
    for m in _LATIN_MASKED.finditer(text):
        word = m.group().lower()
        if word.count("*") * 2 > len(word):
            continue
        shape = regex.compile(regex.escape(word).replace(r"\*", "[a-z]"))
        meant = sorted(w for w in groups if len(w) == len(word) and shape.fullmatch(w))
        if meant:
            out.update({i: meant[0][i - m.start()] for i in range(m.start(), m.end()) if text[i] == "*"})


def _obfuscation_folds(text: str) -> dict[int, str]:
    """Original offset -> replacement in the view ("" drops it) for obfuscated spellings."""
    out = {}
    # each fold needs letters of its script, the leet folds a digit or symbol: most texts need few of them
    latin, deva = _LATIN_CHAR.search(text) is not None, _DEVA_CHAR.search(text) is not None
    if latin:
        _spaced_latin(text, out)
    if "*" in text:
        _masked_latin(text, out)
    if deva:
        if " " in text:
            _spelled_devanagari(text, out)
        _fused_devanagari(text, out)
        _doubled_devanagari(text, out)
        _masked_devanagari(text, out)
    if latin and _LEET_CHAR.search(text):
        _leet(text, out)
    if latin:
        for m in _STRETCH.finditer(text):
            out.update({i: "" for i in range(m.start() + 1, m.end())})
    _misspelt_groups(text, out, latin, deva)
    if " " in text:
        _split_group_words(text, out)
    if latin:
        _phone_shorthand(text, out)
    _dialect_words(text, out)
    if "#" in text:
        _hashtag_words(text, out)
    return out


_LATIN_CHAR = regex.compile(r"\p{Latin}")
_LEET_CHAR = regex.compile(r"[013457@$!]")


def _spaced_latin(text: str, out: dict[int, str]) -> None:
    for m in _SPACED.finditer(text):
        if (m.end() - m.start() + 1) // 2 <= _SPELLED_MAX:  # one separator throughout (\1): "a.b c" stays
            out.update({i: "" for i in range(m.start() + 1, m.end(), 2)})
    for m in _CHUNKED.finditer(text):
        sep = m.group(1)
        if _LETTER_RUN.sub(r"\1", m.group().replace(sep, "").lower()) in _latin_vocabulary()[0]:
            out.update({i: "" for i in range(m.start(), m.end()) if text[i] == sep})


def _leet(text: str, out: dict[int, str]) -> None:
    inner = {m.start(): _LEET_MAP[m.group()] for m in _LEET.finditer(text)}
    inner.update({i: "l" for m in _LEET_LL.finditer(text) for i in (m.start(), m.start() + 1)})
    if any(text[i] == "1" for i in inner):
        _one_for_l(text, inner)
    out.update(inner)
    for pattern in (_LEET_END, _LEET_END_LOOSE) if inner else (_LEET_END,):
        out.update({m.start(1): _LEET_MAP[m.group(1)] for m in pattern.finditer(text)})
    for m in _LEET_START.finditer(text):
        meant = _LEET_MAP[m.group(1)] + m.group(2).lower()
        if _LETTER_RUN.sub(r"\1", meant) in _latin_vocabulary()[1]:
            out[m.start()] = _LEET_MAP[m.group(1)]
    if "0" in text:
        _zero_for_u(text, out)


# "0" is typed for u as well as o ("m0ll@", "m0ll3"): read as u where only that spells a listed group word
_ZERO_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{Latin}013457@$]*0[\p{Latin}013457@$]*(?![\p{L}\p{M}\p{N}])")


def _zero_for_u(text: str, out: dict[int, str]) -> None:
    groups = _latin_vocabulary()[0]
    for m in _ZERO_WORD.finditer(text):
        span = range(m.start(), m.end())
        zeros = {i for i in span if text[i] == "0" and out.get(i) == "o"}
        if not zeros:
            continue
        as_o = "".join(out.get(i, text[i]) for i in span).lower()
        as_u = "".join("u" if i in zeros else out.get(i, text[i]) for i in span).lower()
        if _LETTER_RUN.sub(r"\1", as_o) not in groups and _LETTER_RUN.sub(r"\1", as_u) in groups:
            out.update(dict.fromkeys(zeros, "u"))


# A group noun or slur cut in two or three by spaces ("au rte n", "mus lim", "बिहा री"): pieces of five letters or
# fewer that are no words of their own (_joins_into_group_word: "bhai ya", "men as" stay two words).


@lru_cache(maxsize=1)
def _join_targets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(the Latin group words as listed and with doubled letters once, the Latin slurs so, the Devanagari group
    words as the text spells them): a cheap first test for every pair of short pieces."""
    from .lexicons import load_sets
    latin = set(_latin_vocabulary()[0]) | set(_latin_vocabulary()[4])
    slurs = load_sets()["group-slurs"]
    slur_words = frozenset(_LETTER_RUN.sub(r"\1", t.rstrip("*+").lower()) for fl in ("en", "hi-Latn") for t in slurs.get(fl, []))
    return frozenset(w for w in latin if len(w) >= 5), slur_words, _spelled_out_words()


def _split_group_words(text: str, out: dict[int, str]) -> None:
    # the text cut at single spaces (str.split is several times cheaper than a regex scan on every text); a piece
    # is a whole token of one to five letters of one script
    pieces, pos = [], 0
    for token in text.split(" "):
        core = _as_piece(token)
        if core is not None and (pieces or len(core) == len(token)):   # "S IKHS," ends a run; no run starts "X,"
            pieces.append((pos, pos + len(core), core))
        pos += len(token) + 1
    if len(pieces) < 2:
        return
    latin, _, deva = _join_targets()
    words = [_piece_form(t) for _, _, t in pieces]
    i = 0
    while i < len(pieces) - 1:
        for k in (3, 2):
            if i + k > len(pieces):
                continue
            joined = "".join(words[i:i + k])
            if joined not in latin and joined not in deva:
                continue
            run = pieces[i:i + k]
            if any(b[0] != a[1] + 1 or a[1] in out for a, b in zip(run, run[1:])):   # next to each other
                continue
            if _joins_into_group_word(words[i:i + k]):
                out.update({end: "" for _, end, _ in run[:-1]})
                i += k - 1
                break
        i += 1


_TRAILING = ".,!?;:।\"'"


@lru_cache(maxsize=16384)
def _as_piece(token: str) -> str | None:
    """The token less its trailing punctuation where that is a piece; None for most tokens (one cached test per
    token: a text's short words repeat in every text)."""
    core = token.rstrip(_TRAILING)
    if 0 < len(core) <= 5 and _is_piece(core) and _may_be_a_piece(core):
        return core
    return None


def _is_piece(token: str) -> bool:
    return (token.isascii() and token.isalpha()) or all("\u0900" <= c <= "\u0963" for c in token)


@lru_cache(maxsize=16384)
def _piece_form(word: str) -> str:
    """A piece as the join targets spell it (Hindi's short words repeat in every text: folded once)."""
    return word.lower() if word.isascii() else fold(word)


def _may_be_a_piece(word: str) -> bool:
    """A cheap first test (cached per token by _as_piece): a Latin piece that is no word of its own, a Devanagari one
    that is no joiner (most words of a text are neither, and need no further look)."""
    if word.isascii():
        from .langid import ENGLISH_WORDS, HINGLISH_WORDS
        w = word.lower()
        return w not in ENGLISH_WORDS and w not in HINGLISH_WORDS and w not in _latin_vocabulary()[1]
    return word not in _JOINERS


def _joins_into_group_word(parts: list[str]) -> bool:
    """The pieces (lower-cased) join into a listed group word. Latin: none of them is a word of its own (English,
    Hinglish, listed) or a group word ("katua aa" is "katua" and "aa", come; "pak is" stays). Devanagari: no joiner
    ("मौला ने"), a lone consonant only last, not all of them listed words, none a group word."""
    from .langid import ENGLISH_WORDS, HINGLISH_WORDS
    joined = "".join(parts)
    if joined.isascii():
        groups, words = _latin_vocabulary()[0], _latin_vocabulary()[1]
        pieces = [_LETTER_RUN.sub(r"\1", p) for p in parts]
        known = lambda p: p in ENGLISH_WORDS or p in HINGLISH_WORDS or p in words
        if any(known(p) or p in groups for p in pieces):   # "i say i" is no "isai", "men as" no "meenas"
            return False
        # a slur only from pieces too short to be words run together ("rice bag" is two words, a sack of rice)
        return _LETTER_RUN.sub(r"\1", joined) not in _join_targets()[1] or not all(len(p) >= 3 for p in pieces)
    if any(not _DEVA_CHAR.match(p) for p in parts):
        return False
    # a lone consonant only as the word's tail ("दलि त"; "दुआ की चू त मिल जाये" has no "तमिल")
    return (not any(p in _JOINERS for p in parts) and not any(_LONE_CONSONANT.fullmatch(p) for p in parts[:-1])
            and not all(p in _lexicon_words() for p in parts) and not any(p in _spelled_out_words() for p in parts))


# Romanized Hindi as phones type it: the short forms of words the rules' phrases are made of ("hote h", "ek b",
# "ni krte"), written out, so that "bihari sb chor h" reads as "bihari sab chor hai" does. Only forms that stand
# for one word; not "m" (mein, or metres) or "r" (are, or a letter).
_SHORTHAND = {"h": "hai", "hn": "hain", "k": "ke", "b": "bhi", "ni": "nahi", "nhi": "nahi", "nai": "nahi", "sb": "sab",
              "bht": "bahut", "bhot": "bahut", "kbhi": "kabhi", "krte": "karte", "krta": "karta", "krti": "karti",
              "lgte": "lagte", "lgta": "lagta", "hte": "hote", "hta": "hota", "q": "kyun", "kyu": "kyun", "mt": "mat",
              "jb": "jab", "tb": "tab", "pr": "par", "yr": "yaar", "ppl": "people", "jst": "just", "agr": "agar",
              "sbko": "sabko", "sbk": "sabko", "dkhe": "dikhe"}
# a word standing alone between spaces, or before punctuation that ends a word ("f**k", "b.sc." hold none)
_SHORT_WORD = regex.compile(r"(?<!\S)[A-Za-z]{1,4}(?=\s|[.,!?;:।)\"]+(?:\s|$)|$)")


def _phone_shorthand(text: str, out: dict[int, str]) -> None:
    for m in _SHORT_WORD.finditer(text):
        full = _SHORTHAND.get(m.group().lower())
        # not a letter of a word spelt out ("b i h a r i"), whose spaces the view has dropped
        if (full is not None and full != m.group().lower() and m.start() not in out
                and out.get(m.start() - 1) != "" and out.get(m.end()) != ""):
            out.update({i: "" for i in range(m.start() + 1, m.end())})
            out[m.start()] = full


# Dialect copulas and negators written as standard Hindi ("दलित गंदे कोनी" reads "दलित गंदे नहीं", "chor naahi
# baadan" "chor nahi hain"), so that a denial or a trait is read in Haryanvi, Rajasthani and Bhojpuri turns. Only
# words that are nothing else: not "से"/"se" (also "from") nor "बा" (also a mother).
_DIALECT = {"सैं": "हैं", "सै": "है", "छै": "है", "बाड़न": "हैं", "बाडन": "हैं", "कोनी": "नहीं", "नाहीं": "नहीं",
            "sain": "hain", "konya": "nahi", "koni": "nahi", "naahi": "nahi", "baadan": "hain"}   # not "badan": the body
_DIALECT_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(sorted(_DIALECT, key=len, reverse=True))
                              + r")(?![\p{L}\p{M}\p{N}])", regex.IGNORECASE)


def _dialect_words(text: str, out: dict[int, str]) -> None:
    for m in _DIALECT_WORD.finditer(text):
        if any(i in out for i in range(m.start(), m.end())):
            continue
        out.update({i: "" for i in range(m.start() + 1, m.end())})
        out[m.start()] = _DIALECT[m.group().lower()]


_HASHTAG = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])#[\p{L}\p{M}\p{N}_]+")
_CAMEL_STEP = regex.compile(r"(?<=\p{Ll})\p{Lu}")


def _hashtag_words(text: str, out: dict[int, str]) -> None:
    """A hashtag's words apart, as the rules read words: "#BoycottBiharis" and "#boycott_biharis" read "boycott
    biharis" ("_" becomes a space, and so does each step from a small letter to a capital)."""
    for m in _HASHTAG.finditer(text):  # a reading already there ("#d_a_l_i_t" spaced out, leet) stands
        for i in range(m.start() + 1, m.end()):
            if text[i] == "_":
                out.setdefault(i, " ")
        for c in _CAMEL_STEP.finditer(text, m.start() + 1, m.end()):
            out.setdefault(c.start(), " " + fold(c.group()))


_LEET_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{Latin}013457@$]*\p{Latin}1[\p{Latin}013457@$]*(?![\p{L}\p{M}\p{N}])")


def _one_for_l(text: str, inner: dict[int, str]) -> None:
    """A "1" inside a word reads as "i" ("musl1m"), but as "l" where only that spells a listed group or hate
    word ("mus1im" is muslim, not "musiim")."""
    vocabulary = _latin_vocabulary()[1]
    for m in _LEET_WORD.finditer(text):
        reading = [inner.get(i, c) for i, c in enumerate(m.group(), m.start())]
        as_i = "".join(reading).lower()
        ones = [k for k, c in enumerate(m.group()) if c == "1" and reading[k] == "i"]
        as_l = "".join("l" if k in ones else c for k, c in enumerate(reading)).lower()
        if _LETTER_RUN.sub(r"\1", as_l) in vocabulary and _LETTER_RUN.sub(r"\1", as_i) not in vocabulary:
            inner.update({m.start() + k: "l" for k in ones})


def fold(s: str) -> str:
    """The folding applied to text and to rule terms alike."""
    s = unicodedata.normalize("NFC", s).casefold().translate(_FOLD)
    if len(s) > 2:  # only a cluster of three or more can repeat a vowel sign
        s = _SIGN_RUN.sub(r"\1", s)
    return s.translate(_DROP)


# the view is built one cluster at a time wherever a text has a nukta, a fold or a sign to drop (most Hindi texts):
# a script's clusters are few and repeat, so each is folded once
_fold_cluster = lru_cache(maxsize=65536)(fold)


@dataclass
class Sentence:
    index: int
    start: int   # original offsets
    end: int
    vstart: int  # view offsets
    vend: int
    lang: str = "en"
    text: str = ""
    view: str = ""


class Document:
    def __init__(self, text: str, path: str = "<string>"):
        self.text = text
        self.path = path
        self.directives = [(m.start(), m.end()) for m in _DIRECTIVE.finditer(text)]
        self.guarded: list[tuple[str, str]] = []  # (rule id, guard) of matches a guard suppressed
        self.gate = None  # set by the checker: rule id or "@set" -> could it match in this text?
        self._build_view()
        self.sentences = self._segment()
        from .langid import tag_sentence
        for s in self.sentences:
            s.lang = tag_sentence(s.text)

    # -- view and offsets -------------------------------------------------------------
    def _build_view(self) -> None:
        text = self.text
        folded = text.casefold()
        obfuscated = _obfuscation_folds(text)
        if (not obfuscated and len(folded) == len(text) and not _DROP_RE.search(text) and not _SIGN_RUN.search(text)
                and unicodedata.is_normalized("NFC", text)):
            # Fast path: casefold only grows strings, so equal length means one-to-one.
            view = folded.translate(_FOLD)
            n = len(text)
            self._v2o = None  # identity
            self.view = view
            self._n = n
        else:
            parts, v2o_s, v2o_e = [], [], []
            for m in _CLUSTER.finditer(text):
                f = obfuscated.get(m.start()) if m.start() in obfuscated else _fold_cluster(m.group())
                if not f and v2o_e:  # a dropped letter belongs to the one before it: "katuonnn" is one word
                    v2o_e[-1] = m.end()
                parts.append(f)
                v2o_s.extend([m.start()] * len(f))
                v2o_e.extend([m.end()] * len(f))
            self.view = "".join(parts)
            self._v2o = (v2o_s, v2o_e)
        if self.directives:  # mask directives with spaces so no rule matches inside them
            chars = list(self.view)
            for a, b in self.directives:
                va, vb = self.to_view(a), self.to_view(b)
                chars[va:vb] = " " * (vb - va)
            self.view = "".join(chars)

    def to_original(self, vstart: int, vend: int) -> tuple[int, int]:
        """Map a half-open view span to a half-open span of whole clusters in the original."""
        if self._v2o is None:
            return vstart, vend
        starts, ends = self._v2o
        if vend <= vstart:
            o = starts[vstart] if vstart < len(starts) else len(self.text)
            return o, o
        return starts[vstart], ends[vend - 1]

    def to_view(self, ostart: int) -> int:
        """First view index whose cluster starts at or after an original offset."""
        if self._v2o is None:
            return ostart
        return bisect.bisect_left(self._v2o[0], ostart)

    # -- sentences ------------------------------------------------------------------
    def _segment(self) -> list[Sentence]:
        from .segment import split_sentences
        out = []
        for a, b in split_sentences(self.text):
            va, vb = self.to_view(a), self.to_view(b)
            out.append(Sentence(len(out), a, b, va, vb, text=self.text[a:b], view=self.view[va:vb]))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def may_match(self, key: str) -> bool:
        """False only when the checker's gate (triggers.py) showed that rule `key`, or shared set
        "@name", matches nowhere in this text: a cheap way to skip a scan, never a reason to report."""
        return self.gate is None or self.gate(key)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    # -- positions ------------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for m in _NEWLINE.finditer(self.text):
            starts.append(m.end())
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (columns count code points)."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    @property
    def word_count(self) -> int:
        return len(_WORDS.findall(self.view))
