"""Named term sets shared by rules (`@name` in a rule's term list).

`sets.yaml` holds small vocabularies (voting verbs, identity nouns, source markers...).
Each other file is a reviewed lexicon (slurs, profanity, ableist terms...) whose entries carry
a sureness level (0 = often harmless, 1 = usually offensive, 2 = always offensive), as alex does.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import term_cache

FLAVOURS = ("hi", "en", "hi-Latn")


class LexiconError(ValueError):
    pass


def _lexicon_dir() -> Path:
    return Path(str(resources.files("vaktacheck") / "lexicons"))


@lru_cache(maxsize=None)
def load_sets(min_sureness: int = 1) -> dict[str, dict[str, list[str]]]:
    sets: dict[str, dict[str, list[str]]] = {}
    for path in sorted(_lexicon_dir().glob("*.yaml")):
        data = term_cache.load_yaml(path.read_text(encoding="utf-8")) or {}
        if "sets" in data:
            for name, by_lang in data["sets"].items():
                _check_langs(path, name, by_lang)
                sets[name] = {k: list(v) for k, v in by_lang.items()}
        if "entries" in data:
            name = data.get("name") or path.stem
            merged: dict[str, list[str]] = {f: [] for f in FLAVOURS}
            for i, e in enumerate(data["entries"]):
                if not isinstance(e, dict) or "term" not in e or e.get("lang") not in FLAVOURS:
                    raise LexiconError(f"{path.name}: entries[{i}]: needs 'term' and 'lang' (one of {FLAVOURS})")
                if int(e.get("sureness", 1)) >= min_sureness:
                    merged[e["lang"]].append(str(e["term"]))
            sets[name] = merged
    return sets


@lru_cache(maxsize=1)
def digest() -> str:
    """A fingerprint of the lexicon files, for what is built from them and cached on disk (term_cache)."""
    import hashlib
    h = hashlib.sha256()
    for path in sorted(_lexicon_dir().glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=None)
def allowed_names() -> frozenset[str]:
    """Common Indian personal and place names that must never be flagged as abuse."""
    data = term_cache.load_yaml((_lexicon_dir() / "names-allowlist.yaml").read_text(encoding="utf-8"))
    from .document import fold
    return frozenset(fold(n) for n in data.get("names", []))


@lru_cache(maxsize=1)
def surname_words() -> tuple[frozenset[str], frozenset[str]]:
    """(caste and community words that are also surnames, words that stand before a group word), folded
    (surnames.yaml; read by surnames.py)."""
    data = term_cache.load_yaml((_lexicon_dir() / "surnames.yaml").read_text(encoding="utf-8"))
    from .document import fold
    return (frozenset(fold(str(w)) for words in data["surnames"].values() for w in words),
            frozenset(fold(str(w)) for words in data["before-a-group"] for w in words))


def _check_langs(path: Path, name: str, by_lang) -> None:
    if not isinstance(by_lang, dict) or any(k not in FLAVOURS for k in by_lang):
        raise LexiconError(f"{path.name}: set '{name}': keys must be among {FLAVOURS}")
