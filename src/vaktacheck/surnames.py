"""A caste or community word that is also a surname names one person, not the group, after a given name
("अखिलेश यादव को वोट दो", "Anurag Thakur jhooth bolte hain") or before an honorific or a kinship word ("यादव जी
ने कहा", "meena didi"). Read as the group, a campaign's "vote for <candidate>" was an identity appeal (VC101) and
criticism of one politician a derogation of a caste (VC207), for candidates with such surnames only. No list of
names is kept: any word before the surname is taken for a given name unless it is one that stands before a group
("ये", "सब", "के", "गरीब"; lexicons/surnames.yaml)."""
from __future__ import annotations

import regex

from .lexicons import surname_words

_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)[ \t]+$")
# an honorific or a kinship word after it ("यादव जी", "meena didi"), but not "... bhai log" (people)
_HONORIFIC_AFTER = regex.compile(r"[ \t]+(?:जी|साहब|साहेब|दीदी|भाभी|भैया|भाई|ji|jee|sahab|saheb|saab|didi|bhabhi|bhaiya|bhai)"
                                 r"(?![\p{L}\p{M}])(?![ \t]+(?:लोग|log)(?![\p{L}\p{M}]))")
# "हमारे नए पड़ोसी यादव हैं": a copula right after makes it what someone is, the group
_COPULA_AFTER = regex.compile(r"[ \t]+(?:है|हैं|था|थे|थी|hai|hain|hein|tha|the|thi|is|are|was|were)(?![\p{L}\p{M}])")


def names_a_person(view: str, start: int, end: int) -> bool:
    """Whether the group word at view[start:end] is a surname here."""
    surnames, before_group = surname_words()
    if view[start:end] not in surnames:
        return False
    if _HONORIFIC_AFTER.match(view, end):
        return True
    if _COPULA_AFTER.match(view, end):
        return False
    before = _WORD_BEFORE.search(view, max(0, start - 40), start)
    return before is not None and before.group(1) not in before_group
