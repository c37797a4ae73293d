"""Sentence language tags: hi (Devanagari Hindi), en, hi-Latn (romanized Hindi), mixed.

langdetect cannot recognise romanized Hindi, so Latin-script sentences are decided by a
function-word lexicon first and character statistics second; langdetect (seeded, so it is
deterministic) is consulted only when neither gives any evidence.
"""
from __future__ import annotations

from functools import lru_cache

import regex

_DEVA = regex.compile(r"\p{Devanagari}")
_LATN = regex.compile(r"\p{Latin}")
_WORDS = regex.compile(r"[\p{Latin}']+")

# Frequent romanized-Hindi function words and very common verbs (with usual spellings).
HINGLISH_WORDS = frozenset("""
hai hain he hei ho hoga hogi honge hua hui hue tha thi the thay raha rahi rahe rha rhi rhe
ka ki ke ko se me mein mai main mujhe mujhko mera meri mere hum hm hamara hamari hamare humara
humari tum tumhara tumhari aap aapka aapki aapke apna apni apne unka unki unke uska uski uske
inka inki inke iska iski iske yeh ye yah yahan woh wo vo voh vah wahan kya kyu kyun kyon kyunki
kaise kaisa kaisi kab kahan kaun koi kuch sab sabhi sabko bhi bahut bohot bahot nahi nahin nhi
na mat aur ya lekin par pe tak liye lie wala wali wale kar karo karna karke karte karta karti
kiya kiye kiya diya diye dena dete deta do de lo le lena leke liya gaya gayi gaye jaa ja jana
jao jayega jaenge jayenge rahenge chahiye sakte sakta sakti hota hoti hote hamesha abhi ab phir
fir toh to jab tab agar magar kyunki isliye bas sirf bilkul accha acha achha thik theek bhai
ji haan han hum log logon logo desh sarkar janta yahi wahi waha yaha inhe unhe inko unko jaisa
jaise waisa unhone inhone humne maine tumne aapne bol bolo bola bole kaha kehte kehna dekho
dekh dekhiye suno suniye chalo chal raha
""".split())

# Romanized Hindi content words with no English reading: insults, curses and commands that short comments are
# made of ("dalit = gandagi", "chinki go back"), where there is no function word to go by.
HINGLISH_CONTENT_WORDS = frozenset("""
gandagi gande ganda gandi gaddar gaddaar chor saanp keede keeda nikal nikalo bhaag bhago bhagao maaro maro kaato
jalao saale saala kutte kamine kamina harami haramkhor pagal bewakoof jahil jaahil ganwar ganwaar nalayak
aatankwadi atankwadi deshdrohi dhokebaaz chhakke hijde hijda bhosdike bhosdiwale madarchod behenchod chutiya
""".split())
# what counts as Hinglish evidence here; the view (document.py) reads HINGLISH_WORDS alone as known function words
_HINGLISH_EVIDENCE = HINGLISH_WORDS | HINGLISH_CONTENT_WORDS

ENGLISH_WORDS = frozenset("""
the a an is are was were be been being am of and or to in on at for with from by as that this
these those it its he she they we you i me my our your their his her them us not no do does did
have has had will would shall should can could may might must which who whom whose what when
where why how than then there here all any some every each very more most also just only but if
so because about into over under after before while during against between through up down out
new one two first last people government today today's said says
""".split())

# Overlaps that are also English words carry no Hinglish evidence on their own.
_AMBIGUOUS = frozenset({"to", "me", "main", "do", "par", "he", "the", "ho", "log", "bas", "may", "a", "i",
                        "is", "han", "na", "ban", "hum", "bhai", "ji", "pe", "ya", "far", "fir", "jab", "tab", "bol", "mat", "de"})

# Letter patterns far more common in romanized Hindi than in English.
_HINGLISH_CHARS = regex.compile(r"(?:aa|ee|oo|kh|bh|dh|jh|gh|chh|sh(?=[aeiou])|[aeiou]n$|iy|ai$|[aiu]$)")


def _latin_tag(text: str) -> str:
    words = [w.lower() for w in _WORDS.findall(text)]
    if not words:
        return "en"
    hi = sum(1 for w in words if w in _HINGLISH_EVIDENCE and w not in _AMBIGUOUS)
    en = sum(1 for w in words if w in ENGLISH_WORDS and w not in _AMBIGUOUS)
    if hi or en:
        # Romanized Hindi borrows English content words freely, but rarely English function words.
        if hi >= 1 and hi >= en * 0.6:
            return "hi-Latn"
        if en > hi:
            return "en"
    # No function-word evidence: character statistics of the words.
    score = sum(len(_HINGLISH_CHARS.findall(w)) for w in words) / len(words)
    if score >= 0.9:
        return "hi-Latn"
    if score < 0.3:
        return "en"
    if len(words) >= 8:  # ambiguous letters in a long sentence: ask langdetect (slow, so only here)
        lang = _langdetect(text)
        if lang == "en":
            return "en"
    return "hi-Latn" if score >= 0.6 else "en"


# langdetect only has to tell English from other Latin-script languages here (romanized Hindi lands
# on one of those), so load the Latin-script profiles only: loading all 55 took ~0.5 s per process.
_LATIN_PROFILES = ("af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw "
                   "tl tr vi").split()


@lru_cache(maxsize=1)
def _detector_factory():
    from pathlib import Path
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    factory = DetectorFactory()
    factory.load_json_profile([(Path(PROFILES_DIRECTORY) / name).read_text(encoding="utf-8")
                               for name in _LATIN_PROFILES])
    factory.seed = 0  # langdetect is nondeterministic unless seeded
    return factory


def _langdetect(text: str) -> str | None:
    try:
        detector = _detector_factory().create()
        detector.append(text)
        return detector.detect()
    except Exception:  # langdetect raises on text with no features
        return None


def tag_sentence(text: str) -> str:
    deva = len(_DEVA.findall(text))
    latn = len(_LATN.findall(text))
    total = deva + latn
    if total == 0:
        return "en"
    if deva and latn:
        share = deva / total
        if 0.15 <= share <= 0.85:
            return "mixed"
    if deva >= latn:
        return "hi"
    return _latin_tag(text)


def tag_text(text: str) -> str:
    """A whole-text tag: the majority script decides, as for one sentence."""
    return tag_sentence(text)
