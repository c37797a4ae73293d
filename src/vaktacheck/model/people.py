"""Every person's name reads the same to the classifier.

The political corpora name a few leaders in most of their hostile posts, so a classifier trained on them learns
the names: "<leader> को वोट दो" scored `hostile`, and for some leaders `hate`, where the same line with an ordinary
name did not. A party-neutral tool cannot score a line by whom it names. So, in training and in use alike, a
person's name is replaced by one fixed name (lexicons/person-names.yaml says which words make a name).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

PLACEHOLDER = {"deva": "रमेश कुमार", "latn": "ramesh kumar"}

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
# Latin initials before a name ("m k stalin", "n. chandrababu naidu") belong to it; one letter without a dot is
# no initial ("a modi government", "i think modi")
_INITIALS_BEFORE = regex.compile(r"(?:(?<![\p{L}\p{M}])\p{Latin}\.? ?)+$")
# ... and Hindi ones ("एम के स्टालिन"), two or more, or one with a dot; not starting with a letter-name that is also
# a word (के "of", जी, ओ, ई)
_DEVA_LETTER = "(?:ए|बी|सी|डी|एफ|एच|आई|जे|एल|एम|एन|पी|आर|एस|टी|यू|वी|डब्ल्यू|वाई)"
_DEVA_INITIALS_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}]){_DEVA_LETTER}\.? ?(?:(?:{_DEVA_LETTER}|के|जी)\.? ?)*$")
_NUKTA = "\u093c"  # "जोसेफ़" and "जोसेफ" are one name; the normaliser keeps the nukta
_HONORIFIC = regex.compile(r" (?:जी|साहब|साहेब|ji|jee|sahab|saheb|saab)(?![\p{L}\p{M}])")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, surnames, words that alone are no name, any name word), cleaned as the text they are looked
    up in."""
    from .. import term_cache
    from .preprocess import normalise
    path = resources.files("vaktacheck") / "lexicons" / "person-names.yaml"
    data = term_cache.load_yaml(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(str(w)).replace(_NUKTA, "") for by_script in data[key].values() for w in by_script)
    given, surnames = words("given-names"), words("surnames")
    return given, surnames, words("alone-not-a-name"), given | surnames


def _key(m) -> str:
    return m.group().replace(_NUKTA, "")


def mask_people(text: str) -> str:
    """`text` (already normalised) with each person's name replaced by the placeholder.

    A run of name words is a name when one of them is a name even alone ("modi", "मायावती") or a given name comes
    before a surname in it ("vijay kumar"); one word that alone is no name ("yadav", "kamal") is one before an
    honorific ("yadav ji"). So lists of castes ("yadav thakur") and words like "hari om" stay."""
    given, surnames, ambiguous, named = _lists()
    words = [m for m in _WORD.finditer(text) if _key(m) in named]
    if not words:
        return text
    runs, run = [], [words[0]]
    for m in words[1:]:
        if m.start() == run[-1].end() + 1 and text[run[-1].end()] == " ":
            run.append(m)
        else:
            runs.append(run)
            run = [m]
    runs.append(run)
    out, pos = [], 0
    for run in runs:
        names = [_key(m) for m in run]
        is_name = (any(w not in ambiguous for w in names)
                   or any(w in given and any(v in surnames for v in names[i + 1:]) for i, w in enumerate(names))
                   or _HONORIFIC.match(text, run[-1].end()) is not None)
        if is_name:
            script = "deva" if _DEVANAGARI.match(names[0]) else "latn"
            start = run[0].start()
            initials = (_INITIALS_BEFORE if script == "latn" else _DEVA_INITIALS_BEFORE).search(text, pos, start)
            if initials is not None and ("." in initials.group() or len(initials.group().split()) > 1):
                start = initials.start()
            out += [text[pos:start], PLACEHOLDER[script]]
            pos = run[-1].end()
    return "".join(out) + text[pos:] if out else text
