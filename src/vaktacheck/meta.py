"""Meta findings (VC0xx): notices about the input and about suppressions."""
from __future__ import annotations

from .findings import Finding, Message, Severity, SourceRef

_HOUSE = (SourceRef("vaktacheck suppression grammar (README, 'Suppressing a finding')", "TEXT"),)

META = {
    "VC001": ("unused-suppression", Severity.low,
              Message("This suppression is not used: {detail}.", "यह छूट इस्तेमाल नहीं हुई: {detail}."),
              "A suppression that silences nothing hides future findings without a reason. Remove it.",
              "Delete the directive, or point it at the rule that actually fires here."),
    "VC002": ("unknown-rule-in-directive", Severity.low,
              Message("Directive problem: {detail}.", "निर्देश में समस्या: {detail}."),
              "A directive that names a rule id that does not exist suppresses nothing.",
              "Check the id with `vaktacheck rules`."),
    "VC003": ("suppression-without-reason", Severity.low,
              Message("Suppression without a reason: {detail}.", "बिना कारण की छूट: {detail}."),
              "Trainers and communication leads audit suppressions; each needs a short reason after '--'.",
              "Write the reason: <!-- vaktacheck: ignore VC701 -- source in footnote 3 -->"),
    "VC004": ("unreadable-directive", Severity.low,
              Message("Unreadable directive: {detail}.", "निर्देश पढ़ा नहीं जा सका: {detail}."),
              "Only ignore, disable and enable are understood.",
              "Use <!-- vaktacheck: ignore VC123 -- reason -->."),
    "VC006": ("rule-timed-out", Severity.low,
              Message("Rule {detail} took too long on this text and was skipped.",
                      "नियम {detail} इस पाठ पर बहुत धीमा चला, इसलिए छोड़ दिया गया।"),
              "Every rule pattern runs under a time limit, so a catastrophic pattern in a user rule pack cannot hang a review.",
              "Fix the rule's pattern (avoid nested repetition such as (a+)+), or report the text to the maintainers."),
    "VC005": ("legacy-font-converted", Severity.low,
              Message("This text was typed in a legacy Hindi font ({detail}) and converted to Unicode before review.",
                      "यह पाठ पुराने हिंदी फ़ॉन्ट ({detail}) में टाइप था; जाँच से पहले इसे यूनिकोड में बदला गया।"),
              "Legacy fonts such as KrutiDev store Hindi as Latin letters; search engines, screen readers and "
              "fact-checkers see gibberish, and a converted copy may differ from what you meant.",
              "Type in Unicode (Google Input Tools, the Windows Hindi keyboard, or the InScript layout) and re-check."),
}


def meta_finding(rule_id: str, start: int, end: int, text: str, detail: str) -> Finding:
    name, sev, msg, expl, sugg = META[rule_id]
    return Finding(rule_id=rule_id, category="meta", severity=sev, start=start, end=end,
                   match=text[start:end], message=Message(msg.en.format(detail=detail), msg.hi.format(detail=detail)),
                   explanation=expl, suggestion=Message(sugg, sugg), sources=_HOUSE, name=name)
