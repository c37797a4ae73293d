"""Robustness to spelling variants, HateCheck-style, through `vaktacheck score`.

    python benchmarks/spelling.py [--no-model] [--show N]

Takes every hate case of the functional sets (data/functional/*.tsv) that the system flags, changes the
longest word of its longest finding in one way at a time, and counts how many changed texts are still
flagged `hate`. Latin words: a letter swapped with its neighbour, an inner vowel dropped, a vowel written
as a digit or symbol, the last letter repeated, the letters spaced out, the space to the next word
dropped. Devanagari words: the first vowel sign dropped, two neighbouring bare consonants
swapped (since session 19), a stray ा after a bare consonant (since session 20), the first consonant typed twice (since session 26), a virama after a bare
consonant before another (since session 27), the last letter repeated, the aksharas spaced out, the space to the next word dropped. The cases are our own writing and the rules were fitted to
them; what this measures is whether a flagged line stays flagged when it is misspelt.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from functional import ROOT, load_suite, run  # noqa: E402

LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"}
_AKSHARA = regex.compile(r"(?:[\u0915-\u0939]\u094d)*[\u0904-\u0939][\u093e-\u094c\u0900-\u0903]*")


def variants(word: str) -> dict[str, str]:
    """Misspellings of one word, by kind."""
    out = {}
    if regex.fullmatch(r"[A-Za-z]+", word):
        inner = [i for i, ch in enumerate(word) if 0 < i < len(word) - 1]
        leet = next((i for i in inner if word[i].lower() in LEET), None)
        if leet is not None:
            out["leet"] = word[:leet] + LEET[word[leet].lower()] + word[leet + 1:]
        if len(word) >= 4:
            out["swap"] = word[0] + word[2] + word[1] + word[3:]
        vowel = next((i for i in inner if word[i] in "aeiou"), None)
        if vowel is not None:
            out["drop_vowel"] = word[:vowel] + word[vowel + 1:]
        out["repeat"] = word + word[-1] * 2
        out["spaced"] = " ".join(word)
    elif regex.search(r"\p{Devanagari}", word):
        sign = regex.search(r"[\u093e-\u094c]", word)
        if sign:
            out["drop_sign"] = word[:sign.start()] + word[sign.end():]
        out["repeat"] = word + word[-1]
        if regex.match(r"[\u0915-\u0939](?!\u094d)", word):  # the first consonant typed twice ("ददलित"; since session 26)
            out["double_first"] = word[0] + word
        aksharas = _AKSHARA.findall(word)
        if "".join(aksharas) == word and len(aksharas) >= 3:
            out["spaced"] = " ".join(aksharas)
            # two neighbouring bare consonants typed in swapped order ("मुलसमान"), after the first akshara, as the
            # Latin swap keeps the first letter
            bare = next((i for i in range(1, len(aksharas) - 1)
                         if regex.fullmatch(r"[\u0915-\u0939]", aksharas[i]) and regex.fullmatch(r"[\u0915-\u0939]", aksharas[i + 1])), None)
            if bare is not None:
                out["swap"] = "".join(aksharas[:bare] + [aksharas[bare + 1], aksharas[bare]] + aksharas[bare + 2:])
            # a stray ा after a bare consonant, after the first akshara ("मुसलामान"; since session 20)
            lone = next((i for i in range(1, len(aksharas) - 1) if regex.fullmatch(r"[\u0915-\u0939]", aksharas[i])), None)
            if lone is not None:
                out["extra_sign"] = "".join(aksharas[:lone] + [aksharas[lone] + "\u093e"] + aksharas[lone + 1:])
            # a virama after a bare consonant before another consonant, after the first akshara: the vowel the word
            # drops when spoken, written as dropped ("मुस्लमान"; since session 27)
            if bare is not None:
                out["virama"] = "".join(aksharas[:bare] + [aksharas[bare] + "\u094d"] + aksharas[bare + 1:])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print this many missed texts per kind")
    args = ap.parse_args()
    cases = [c for f in sorted((ROOT / "data" / "functional").glob("*.tsv")) for c in load_suite(f)
             if c["expected"] == "hate"]
    base = run(cases, args.no_model)
    jobs = []  # (kind, script, changed text)
    for case, out in zip(cases, base):
        if "hate" not in out["flagged"] or not out["findings"]:
            continue
        finding = max(out["findings"], key=lambda f: f["end"] - f["start"])
        words = regex.findall(r"[\p{L}\p{M}]+", finding["match"])
        if not words:
            continue
        word = max(words, key=len)
        script = "deva" if regex.search(r"\p{Devanagari}", word) else "latn"
        text = case["text"]
        for kind, changed in variants(word).items():
            jobs.append((kind, script, text.replace(word, changed, 1)))
        joined = regex.search(regex.escape(word) + r" ([\p{L}\p{M}]+)", text)
        if joined:
            jobs.append(("join_next", script, text[:joined.start()] + word + joined.group(1) + text[joined.end():]))
    outs = run([{"text": t} for _, _, t in jobs], args.no_model)
    kept, missed = defaultdict(list), defaultdict(list)
    for (kind, script, text), out in zip(jobs, outs):
        ok = "hate" in out["flagged"]
        kept[(kind, script)].append(ok)
        if not ok:
            missed[(kind, script)].append(text)
    print(f"{sum('hate' in o['flagged'] for o in base)} of {len(cases)} hate cases flagged; each changed as below")
    print(f"{'change':<12} {'script':<7} {'texts':>6} {'still flagged':>14}")
    for (kind, script), oks in sorted(kept.items()):
        print(f"{kind:<12} {script:<7} {len(oks):>6} {sum(oks) / len(oks):>14.3f}")
    total = [ok for oks in kept.values() for ok in oks]
    print(f"{'all':<12} {'':<7} {len(total):>6} {sum(total) / len(total):>14.3f}")
    for key, texts in missed.items():
        for t in texts[:args.show]:
            print(f"  MISS {key[0]:<12} {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
