"""Romanized terms must not swallow everyday words that mean something else.

A romanized Hindi term is matched spelling-tolerantly (matching._romanized_word): an inner short "a" may
drop, a final nasal "n" may drop, aspiration is optional. Together they can turn a term into a short,
frequent word: "baadh" (flood) read "baad" (after), "bayan" (statement) read "by", "booth" read "but",
"kooch" (march) read "kuch", "bhil" (a tribe) read "bill". In a trigger list that fires a rule on
ordinary text; in an `unless` list or a guard it silently hides findings. Such a term belongs under
`en`, which matches literally (README, "Rules"). The words below are our own list of everyday English
and romanized-Hindi words.
"""
from pathlib import Path

import pytest
import regex
import yaml

from vaktacheck.document import fold
from vaktacheck.matching import _FLAGS, term_pattern

ROOT = Path(__file__).resolve().parents[1] / "src" / "vaktacheck"

EVERYDAY = sorted(set("""
a an the by but both bot butt bill bills mine mines talk talks sale shall st ain gab bad book books plan pal
pos bus bs so to do go no on in is it at as be me my we he she his her him our us you your they them their
this that these those what when where who why how all any some can will would should could may might must
have has had was were are am been not now then than there here with for from of off up out over under about
into just only also very more most less many much good new old big day time year man men woman people way
say get got make made take see know think come want give use find tell ask work call try feel leave put mean
keep let seem help show hear play run move live bring write sit stand lose pay meet set learn change lead
watch follow stop speak read spend grow open walk win offer love buy wait serve die send build stay fall cut
reach remain raise pass sell report decide pull salon wars war africa gold fire hit shine seen sin son sun
hai hain tha thi ho hoga hogi ke ki ka ko se mein par pe aur ya bhi hi kya kab jab tab ab ye yeh wo woh koi
kuch kuchh sirf bahut bhut kal aaj din raat desh baat kaam naam paisa bol kar kr de le ja aa raha rahe rahi
gaya gayi diya liya kiya hua hui wala wale wali apna apne hum tum aap lekin magar phir jo ek teen char baad
bas gali khan kahan yahan wahan kha khana seena sal bhasha log sab sabhi kaise kyun kyunki jaise waise pehle
abhi kabhi saath bina tak taraf upar neeche andar bahar paas door achha bura bada chhota naya purana sach
sahi galat hafta mahina baje samay waqt pani khet gaon shehar sadak mata pita bhai behen dost yaar sahab
bhaiya didi chacha beta beti kahe bole bola suna dekha dekho chalo aao jao karo dena lena milna chahiye sakta
sakte wapas mila bana pata socha samjha laga lagta chal ruk baith uth khaya aaya gaye mann man dil jaan
mule sham nyc grant dong acute shady ghana nigeria merry lab imma mullen devin like likes liked
after again against also always another back because before being best better between bring came
come could does done down each even every first found give going gone great hand high home house just keep
kind last late later leave left less life line little long look made make many mean means might more much
must name near need never next night none nothing often once open other over part place point put right
same saw seem side since small some soon still such sure take tell than thank that them then there thing
think those though three today told took true turn under upon used very want week well went what while
whole whose wife will wish with within without woman women word work world would write wrong year yes yet
young able ago air also area away baby bank bed bit body book boy bus call car case cat child city class
close cold cost country course court cover dark data dead deal dear death deep door dream drive drop dry
early east easy eat end enough face fact fail fair fall family far fast fear feel field fight fill final
fine fish five floor fly food foot force form four free friend front full fun game girl glad god gold
good green ground group grow guy hair half hall hang happy hard head heal heart heat heavy hell help here
hide hill hold hole holy hope hot hour huge idea ill job join joke jump kid kill king kiss knee knew land
large laugh law lay lead lie light list live load lock lord lose lost loud low luck mad mail main man map
mark mass meat meet mind miss mom moon most move mum nice nine noise nose note now number odd oil old
page pain pair paper pass past path peace pick plan play pool poor pray pull push race rain rate read
real rest rich ride ring rise road rock role room rule run safe sail salt sand save say sea seat sell
send shop shot show shut sick sign sing sir sit six skin sky sleep slow snow soft son song sort soul
speak spend star stay step stop story street strong sun table talk tall team tear test text thin tie
till time tiny top town tree trip try two type unit upset vote wait wake walk wall war warm wash watch
water wave wear west wheel wide wild win wind wine wise wood yard zoo
chutti chhutti chuttiyan chhuttiyan chuttiyaan chhuttiyaan chuttiyon chhuttiyon
kathua ghada ghade ghadon ghado
chhor chhod chhoro joote jute juta joota khuda kashi shant nitin macron nasa jandhan
hatya nikla
""".split()))  # some words stand in two lines


def _romanized_terms():
    """(term, where) for every romanized term of every rule and lexicon."""
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("lang") == "hi-Latn" and isinstance(node.get("term"), str):
                found.append((node["term"], where))
            for key, value in node.items():
                if key == "hi-Latn" and isinstance(value, list):
                    found.extend((t, where) for t in value if isinstance(t, str))
                elif key != "examples":
                    walk(value, where)
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    for path in sorted(ROOT.glob("packs/**/*.yaml")) + sorted(ROOT.glob("lexicons/*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    return [(t, w) for t, w in found if not t.startswith(("re:", "@"))]


TERMS = _romanized_terms()


def test_the_terms_are_found():
    assert len(TERMS) > 1500


# Clashes we keep, each for a reason.
KEPT = {
    ("saale", "sale"),  # साले is spelt "sale" as often as "saale"; VC402's `unless` keeps an English sale out
}


def test_no_romanized_term_reads_as_an_everyday_word():
    clashes = []
    for term, where in TERMS:
        pattern = regex.compile(term_pattern(term, "hi-Latn"), _FLAGS)
        own = fold(term).replace("*", "").replace("+", "")
        clashes += [f"{where}: {term!r} matches {word!r}" for word in EVERYDAY
                    if word != own and (term, word) not in KEPT and pattern.fullmatch(word)]
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("term,word", [("baadh", "baad"), ("bayan", "by"), ("booth", "but"), ("kaha", "khan")])
def test_the_tolerance_itself_is_what_makes_these_clash(term, word):
    # why the terms above live under `en`: the romanized pattern really does read the everyday word
    assert regex.compile(term_pattern(term, "hi-Latn"), _FLAGS).fullmatch(word)


@pytest.mark.parametrize("text,rule", [
    ("Muslims are filthy by nature.", "VC207"),           # "bayan" (a statement) read "by": reported speech
    ("ye log jhooth bolte hain, sikh log aise hi hote hain", "VC207"),  # a bare "jhooth" read as a rebuttal
])
def test_an_everyday_word_does_not_lower_or_hide_a_finding(text, rule):
    import vaktacheck
    findings = vaktacheck.check(text).findings
    assert [f.severity.name for f in findings if f.rule_id == rule] == ["high"]
    assert not [f for f in findings if f.rule_id == "VC804"]  # no "rebut the quoted words" advice either
