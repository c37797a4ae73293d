"""`vaktacheck practice FILE`: the trainee marks the risky lines, then the checker reveals its own.

Interactive on a terminal, or scripted: `--answers 2,5,7` (and optionally `--why 2=enmity,5=claims`).
A sentence counts as risky when the checker has a finding of medium severity or above in it.
Rules only by default, so every trainee sees the same findings as the answer key (examples/*.answers.yaml).
"""
from __future__ import annotations

import argparse
import sys

from .findings import Severity

TEXTS = {
    "en": {"title": "Practice: which sentences are risky?", "ask": "Numbers of the risky sentences (e.g. 2,5,7; blank for none): ",
           "why": "Category for sentence {n} (blank to skip; one of: {cats}): ", "score": "Your score",
           "found": "found", "missed": "missed", "false": "false alarms", "cats": "right category",
           "reveal": "What the checker found", "none": "The checker found nothing risky in this draft."},
    "hi": {"title": "अभ्यास: कौन-से वाक्य जोखिम भरे हैं?", "ask": "जोखिम भरे वाक्यों की संख्या लिखें (जैसे 2,5,7; कोई नहीं तो खाली छोड़ें): ",
           "why": "वाक्य {n} की श्रेणी (छोड़ने के लिए खाली; इनमें से: {cats}): ", "score": "आपका स्कोर",
           "found": "सही पहचाने", "missed": "छूट गए", "false": "गलत चेतावनी", "cats": "सही श्रेणी",
           "reveal": "चेकर ने क्या पाया", "none": "चेकर को इस मसौदे में कोई जोखिम नहीं मिला।"},
}
CATEGORIES = ("identity-appeal", "enmity", "threat", "personal-attack", "allegation", "campaign-conduct", "claims",
              "attribution-and-context", "model")


def _numbers(s: str, limit: int) -> list[int]:
    out = []
    for part in s.replace(" ", ",").split(","):
        if part.strip():
            n = int(part)
            if not 1 <= n <= limit:
                raise ValueError(f"sentence {n} does not exist (1 to {limit})")
            out.append(n)
    return sorted(set(out))


def cmd_practice(argv) -> int:
    from .checker import Checker
    from .config import load_config
    from .inputs import InputError, read_input
    p = argparse.ArgumentParser(prog="vaktacheck practice", description=__doc__.split("\n")[0])
    p.add_argument("file")
    p.add_argument("--answers", help="scripted answer: sentence numbers, e.g. 2,5,7 (or 'none')")
    p.add_argument("--why", help="scripted categories, e.g. 2=enmity,5=claims")
    p.add_argument("--ui-lang", choices=("hi", "en"))
    p.add_argument("--model", action="store_true",
                   help="also use the classifier (off by default so the class sees the answer key's findings)")
    args = p.parse_args(argv)
    try:
        text = read_input(args.file)
    except InputError as e:
        print(f"vaktacheck: {e}", file=sys.stderr)
        return 2
    checker = Checker(load_config().with_overrides(model=args.model))
    report = checker.check(text, path=args.file)
    lang = args.ui_lang or ("hi" if report.lang == "hi" else "en")
    T = TEXTS[lang]
    sents = report.document.sentences
    print(T["title"] + "\n")
    for s in sents:
        print(f"{s.index + 1:>3}. {s.text}")
    print()
    truth: dict[int, set[str]] = {}
    for f in report.findings:
        s = report.document.sentence_at(f.start)
        if s is not None and f.category != "meta" and f.severity >= Severity.medium:
            truth.setdefault(s.index + 1, set()).add(f.category)
    try:
        if args.answers is not None:
            marked = [] if args.answers.strip().lower() == "none" else _numbers(args.answers, len(sents))
            why = {}
            for part in (args.why or "").split(","):
                if "=" in part:
                    n, c = part.split("=", 1)
                    why[int(n)] = c.strip()
        else:
            marked = _numbers(input(T["ask"]), len(sents))
            why = {}
            for n in marked:
                c = input(T["why"].format(n=n, cats=", ".join(CATEGORIES[:-1]))).strip()
                if c:
                    why[n] = c
    except (ValueError, EOFError) as e:
        print(f"vaktacheck: {e or 'no answer given'}", file=sys.stderr)
        return 2
    found = [n for n in marked if n in truth]
    missed = [n for n in truth if n not in marked]
    false = [n for n in marked if n not in truth]
    right_cat = [n for n, c in why.items() if c in truth.get(n, ())]
    print(f"\n{T['score']}: {T['found']} {len(found)}/{len(truth)}, {T['missed']} {len(missed)} "
          f"{sorted(missed) if missed else ''}, {T['false']} {len(false)} {false if false else ''}"
          + (f", {T['cats']} {len(right_cat)}/{len(why)}" if why else ""))
    print(f"\n{T['reveal']}:")
    if not truth:
        print(T["none"])
    for f in report.findings:
        s = report.document.sentence_at(f.start)
        if s is None or f.category == "meta" or f.severity < Severity.medium:
            continue
        mark = "✓" if (s.index + 1) in marked else "✗"
        print(f"\n{mark} {s.index + 1}. [{f.severity.name}] {f.rule_id} {f.category}: “{f.match}”")
        print(f"   {f.message.get(lang)}")
        print(f"   Why: {f.explanation}")
        print(f"   Try: {f.suggestion.get(lang)}")
        print("   Source: " + "; ".join(x.label() for x in f.sources[:2]))
    return 0
