"""`vaktacheck score`: JSON Lines in, one line out per input, in order."""
import json

import pytest

from vaktacheck.cli import main
from vaktacheck.model.corpora import LABELS


def test_score_lines(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    rows = [{"text": "Ye log desh ke gaddar hain", "id": 1}, {"text": "Happy Diwali to every family"},
            "not an object", {"text": "You are an idiot"}]
    src.write_text("\n".join(json.dumps(r) if not isinstance(r, str) else r for r in rows) + "\n", encoding="utf-8")
    code = main(["score", str(src)])
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert code == 2  # one bad line
    assert len(lines) == 4
    assert "error" in lines[2] and lines[2]["line"] == 3
    for obj in (lines[0], lines[1], lines[3]):
        assert set(obj["scores"]) == set(LABELS)
        assert all(0 <= v <= 1 for v in obj["scores"].values())
        assert set(obj["flagged"]) <= set(LABELS)
        assert isinstance(obj["findings"], list)
    assert "hostile" in lines[0]["flagged"] and lines[1]["flagged"] == []
    assert any(f["rule_id"] == "VC203" for f in lines[0]["findings"])


def test_score_no_model(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Ye log desh ke gaddar hain"}\n{"text": "Namaste"}\n', encoding="utf-8")
    assert main(["score", str(src), "--no-model"]) == 0
    a, b = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert "hate" in a["flagged"] and b["flagged"] == [] and b["scores"]["hate"] == 0


def _score(tmp_path, capsys, texts, *extra):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    assert main(["score", str(src), *extra]) == 0
    return [json.loads(l) for l in capsys.readouterr().out.splitlines()]


def test_threat_against_a_group_is_hate_and_against_a_person_is_not(tmp_path, capsys):
    group, person = _score(tmp_path, capsys, ["ek ek dalit ko sabak sikhayenge, ghar jala denge.",
                                               "Chunav ke baad tumhe sabak sikhayenge, ghar jala denge."], "--no-model")
    assert {"hostile", "hate"} <= set(group["flagged"])
    assert "hostile" in person["flagged"] and "hate" not in person["flagged"]


def test_threat_against_a_pronoun_for_a_group_named_before_is_hate(tmp_path, capsys):
    (out,) = _score(tmp_path, capsys, ["मोहल्ले में कुछ बिहारी परिवार आए हैं। इन लोगों को यहाँ से खदेड़ो।"], "--no-model")
    assert [f["rule_id"] for f in out["findings"]] == ["VC304"]
    assert {"hostile", "hate"} <= set(out["flagged"])


def test_counter_speech_keeps_model_hate_below_threshold(tmp_path, capsys):
    from vaktacheck.score import COUNTER_SPEECH_CAP, RuleEvidence, combine
    import numpy as np
    thr = np.full(len(LABELS), 0.4)
    probs = np.full(len(LABELS), 0.9)
    hate = LABELS.index("hate")
    assert combine(probs, RuleEvidence((), True), thr)[hate] == 0.4 * COUNTER_SPEECH_CAP
    assert combine(probs, RuleEvidence((), False), thr)[hate] == 0.9
    # a hate rule that survived its own guards still lifts the label
    assert combine(probs, RuleEvidence(((("hostile", "hate"), 3),), True), thr)[hate] > 0.4
    condemn, = _score(tmp_path, capsys, ["Kal kisi ne kaha ki musalman sab gaddar hote hain — hum iski ninda karte hain."])
    assert "hate" not in condemn["flagged"]


def test_worker_processes_give_the_same_lines_in_order(tmp_path, capsys):
    texts = ["Ye log desh ke gaddar hain", "Happy Diwali to every family", "ये लोग देश के गद्दार हैं।",
             "You are an idiot", "सब ठीक है", "Mixed line: ये लोग gaddar हैं"]
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    rows.insert(3, "not json")
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        assert main(["score", str(src), "--jobs", jobs, "--batch", "2"]) == 2  # the bad line
        outs.append(capsys.readouterr().out.splitlines())
    assert outs[0] == outs[1] and len(outs[0]) == 7
    assert json.loads(outs[0][3]) == {"line": 4, "error": "line 4: not a JSON object with a string 'text' field"}


def test_damaged_model_stops_score_with_a_clear_error(tmp_path, capsys, monkeypatch, damaged_model_config):
    damaged_model_config("model.onnx")
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "Namaste"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for jobs in ("1", "2"):
        assert main(["score", str(src), "--jobs", jobs]) == 2
        captured = capsys.readouterr()
        assert "sha256" in captured.err and "--no-model" in captured.err and captured.out == ""


@pytest.mark.parametrize("text,denies", [
    ("सिख गद्दार नहीं हैं, उन्होंने सरहद पर खून बहाया है।", True),
    ("Biharis are not thieves, they built this city.", True),
    ("sikh gaddar nahi hain, unhone sarhad pe khoon bahaya hai", True),
    ("सिख गद्दार हैं।", False),                       # no denial
    ("चोर नहीं पकड़ा गया, पुलिस खोज रही है।", False),     # a denial, but of no group
    ("सिखों के बारे में कुछ नहीं कहा गया।", False),       # a group and a denial, but no demeaning word
    ("पहाड़ी गंदगी नहीं फैलाते, ये शहर उन्हीं का है।", True),  # the negator inside the phrase it denies
    ("bihari gandagi nahi failate, unhone ye sheher banaya", True),
    ("पहाड़ी गंदगी फैलाते हैं, कोई नहीं रोकता।", False),  # the phrase whole, a negator elsewhere
    ("मैं मुसलमानों से नफरत नहीं करता।", True),            # hatred denied
    ("पहाड़ी लोग समाज पर बोझ नहीं, हमारी ताक़त हैं।", True),   # the negator standing for the copula
    ("पहाड़ी लोग समाज पर बोझ हैं, कोई शक नहीं।", False),
    ("मैं मुसलमानों से नफरत करता हूँ, कोई नहीं रोक सकता।", False),
    ("ईसाई कचरा नहीं हैं।", True),                        # a likening to filth, denied
    ("gujarati kachra nahi hain", True),
    ("उस बस्ती में इंसान नहीं, कीड़े रहते हैं, सारे दलित।", False),   # "not human" is the insult
    ("समलैंगिक लोग बीमार नहीं होते", True),              # the negated habitual has lost its copula
    ("gay log bimar nahi hote, ye ek pehchaan hai", True),
    ("समलैंगिक लोग बीमार होते हैं, कोई नहीं मानता।", False),
    ("मुसलमान जानवर नहीं हैं, इंसान हैं।", True),            # a likening to animals, denied
    ("ye log janwar nahi, hamare jaise insaan hain, sab dalit", True),
    ("मुसलमान जानवर नहीं, गद्दार हैं।", False),               # the likening denied, a worse word said outright
    ("मुसलमान जुलूस पर पत्थर नहीं फेंकते, कुछ उपद्रवी हर समुदाय में होते हैं।", True),   # a habitual verb denied
    ("bihari log patthar nahi phenkte, ye afwaah hai", True),
    ("मुसलमान पत्थर फेंकते हैं, कोई नहीं रोकता।", False),
    ("dalit log bheekh nahi maangte, apna haq maangte hain", True),   # the classifier alone: hate 0.77
    ("jaat log sirf lath nahi chalate, padhai mein bhi aage sain", True),   # the classifier alone: hate 0.95
])
def test_denying_a_demeaning_word_of_a_group_counts_as_counter_speech(text, denies):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is denies


def test_half_a_character_is_a_clear_line_error_not_a_traceback(tmp_path, capsys):
    # JSON may escape a lone surrogate; no UTF-8 output (nor RE2) can hold it
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "\\ud800 ye log gaddar hain"}\n{"text": "pair \\ud83d\\ude00 ok"}\n', encoding="utf-8")
    assert main(["score", str(src), "--no-model"]) == 2
    bad, good = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert bad == {"line": 1, "error": "line 1: 'text' holds half of a character (\\ud800), not Unicode text"}
    assert good["flagged"] == []


@pytest.mark.parametrize("text,mention", [
    ("'मुल्लों को औकात दिखा देंगे' जैसे भाषण कल की रैली में हुए।", True),
    ("'चिंकी' कहना आम बात हो गई है, पूर्वोत्तर के छात्र बताते हैं।", True),
    ("usne tweet kiya 'dalit gande hote hain', aur wo viral ho gaya", True),
    ("kuch log 'mulle' likhte hain, unki ginti badh rahi hai", True),  # ("jo log" would be a sayers guard)
    ("The post said “Muslims are termites” and was shared 2,000 times.", True),  # typographic quotes
    ("'दलित गंदे होते हैं' वाली सोच पर सेमिनार हुआ।", True),            # a way of thinking, named
    ("'biharion ko maar maar kar bhagao' wala audio police tak pahuncha", True),
    ("'chinki' bolna aam baat ho gayi hai, students batate hain", True),
    ("'bihari matlab chor' jaisa hashtag trend hua", True),
    ("'बिहारी चोर होते हैं' दीवार पर लिखी थी, नगर निगम ने मिटवा दी", True),  # written up: "likhi", not "like"
    ("'चिंकी लोग चीट करते हैं' जैसे कमेंट्स हर ग्रुप में भरे पड़े हैं।", True),  # comments, in Devanagari letters
    ("ये 'चिंकी' हमारी सोसाइटी में नहीं रहेंगे।", False),          # quotes, but no one else's words
    ("हमारा नारा है: 'मुल्लों को औकात दिखा देंगे'", False),         # the speaker's own slogan
    ("उसने कहा 'दलित गंदे होते हैं' और ये सच है।", False),           # endorsed
    ("'चिंकी' शब्द पर बहस हुई, पर ये चिंकी लोग सुधरेंगे नहीं।", False),  # the slur used again outside the quotes
])
def test_hate_quoted_as_someone_elses_words_is_a_mention(text, mention):
    # none of these condemns what it quotes (that the condemnation guard handles): only the quotation decides
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    report = Checker(Config(model=False)).check(text)
    evidence = rule_evidence(report)
    assert any(f.category in ("enmity", "threat") for f in report.findings)  # the rules saw the words either way
    assert evidence.counter_speech is mention
    assert any("hate" in labels for labels, _ in evidence.hits) is not mention


@pytest.mark.parametrize("text,affirms", [
    ("hijde bhi insaan hain, unka mazaak mat udao", True),
    ("मुझे समलैंगिक लोगों से कोई दिक्कत नहीं, सबको अपनी ज़िंदगी का हक है।", True),
    ("Muslims are human too.", True),
    ("kinnar bhi hamari tarah insaan hain", True),
    ("मुसलमान हमारे देश की शान हैं।", True),               # the classifier alone: hate 0.21, the head 0.80
    ("dalit hamare desh ki shaan hain", True),
    ("हर मुसलमान, हर हिंदू, हर सिख, हर ईसाई हमारा भाई है।", True),   # the classifier alone: hate 0.97
    ("ye musalman hamare bhai nahi hain", False),    # denied, not affirmed
    ("क्या ये लोग भी इंसान हैं?", False),          # asked: doubts what the other lines affirm
    ("ये लोग इंसान नहीं, जानवर हैं।", False),
    ("हिजड़े भी उतने ही देशभक्त हैं जितना कोई और।", True),
    ("aurtein bhi utne hi deshbhakt hain jitna koi aur", True),
    ("मुसलमान उतने ही देशभक्त नहीं हैं जितना कोई और।", False),   # denied
    ("लड़कियों को पढ़ाओ, इनमें अक्ल की कोई कमी नहीं।", True),       # the head alone: 0.94
    ("इनमें गद्दारों की कोई कमी नहीं, ये सब एक जैसे हैं।", False),   # no shortage of a vice
    ("सिख भाई हमारे पड़ोसी हैं, उनसे डरने की कोई बात नहीं।", True),
    ("हिजड़े हमारे बराबर हैं, उनके हक़ भी बराबर हैं।", True),        # the head alone: 0.52
    ("हिजड़े कभी हमारे बराबर नहीं हो सकते।", False),               # denied
    ("क्या हिजड़े हमारे बराबर हैं?", False),                      # asked
    ("koi bhi samaj gaddar nahi hota, gaddari insaan karta hai", True),   # what no community is (classifier 0.94)
    ("कोई भी धर्म हिंसा नहीं सिखाता।", True),
    ("koi bhi samaj ke log yahan nahi rahenge", False),             # no "is": a threat to every community
])
def test_affirming_people_as_equal_counts_as_counter_speech(text, affirms):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is affirms


@pytest.mark.parametrize("text,counter", [
    ("kashmiri dukaandaron ko dhamki dene walon ki giraftari ki maang", True),   # action demanded against attackers
    ("'भील तो जंगल के जानवर हैं' कहने वाले अफ़सर को निलंबित किया गया।", True),  # action taken against the speaker
    ("विकलांगों को बोझ बताने वाली तुम्हारी बात घिनौनी है।", True),   # a saying that calls a group names, judged
    ("troll ne 'mulle' likha tha, twitter ne use suspend kar diya", True),
    ("yadav log booth nahi lootte, ye ek ghatiya stereotype hai", True),   # the trope named a stereotype
    # a quotation spoken of as what its callers say
    ("\"ladkiyan khel nahi sakti\" bolne walon ko aaj ki jeet dekhni chahiye", True),
    ("\"ladkiyan khel nahi sakti\", sab jaante hain", False),
    # a claim asked about in order to deny it
    ("किसने कहा कि बिहारी गंदे होते हैं? मेरे रूममेट से साफ़ कोई नहीं।", True),
    ("kaun kehta hai ki tamil log ghamandi hote hain?", True),
    # what others say of a group, spoken of; punishment asked for those who did something to it
    ("jo log punjabiyon ko nashedi kehte hain, unhe sharam aani chahiye", True),
    ("जो लोग मानते हैं कि औरतें कमज़ोर होती हैं, वे इतिहास पढ़ें।", True),
    ("जो लोग हार के बाद खिलाड़ियों के धर्म पर सवाल उठाते हैं, वे खेल के दुश्मन हैं।", True),
    ("sikh dukaandar ko peetne walon ko jail honi chahiye", True),
    ("आदिवासी लड़की को धमकाने वालों पर मुकदमा हो।", True),
    ("ye galat soch hai ki bengali kaamchor hote hain", True),
    ("हम कभी नहीं कहेंगे कि सारे ईसाई एक जैसे हैं।", True),
    ("यह कहना कि पहाड़ी लोग गंदे होते हैं, सरासर नफ़रत है।", True),
    ("dalit logon ko gandi naali bolna band karo", True),
    ("ईसाइयों के बारे में ऐसी बातें मत करो।", True),
    ("jo sikhon ko bhagane ki baat karte hain, unhe desh ka itihaas padhna chahiye", True),
    ("जो लोग पहाड़ी बच्चों को नेपाली कहकर चिढ़ाते हैं, वे गलत हैं।", True),
    ("सड़क पर एक दलित युवक से मारपीट की खबर आई है।", True),
    ("humein muslim padosiyon ke saath milkar rehna chahiye", True),
    ("jo log daliton ko badnaam karte hain, unki pol kholni chahiye", True),
    ("जो लोग मुसलमानों को गाली देते हैं, उन्हें ग्रुप से निकालो।", True),
    ("जो लोग त्योहार पर ईसाइयों के खिलाफ भीड़ को भड़काते हैं, उन पर मुकदमा हो।", True),
    ("jo log cricketers ko unki jaati ke naam par troll karte hain, wo khel ke dushman hain", True),
    ("jo log hostel mein north east ke ladkon ko unki shakal par chidhate hain, unhe nikalo", True),  # ten words between
    ("jo log dalit doolhe ko ghodi se utaarte hain, unhe jail bhejo", True),   # what they do to someone, punished
    ("jo log masjid jaate hain, unhe jail bhejo", False),   # ... not what they do for themselves
    # English-heavy Hinglish condemning
    ("people who call biharis thieves should be reported", True),
    ("it's a myth that tamils are arrogant, har insaan alag hota hai", True),
    # a court's sentence reported
    ("जातिसूचक गाली देकर अपमान करने पर अदालत ने आरोपी को दो साल की सज़ा सुनाई।", True),
    ("court ne jaati ki gaali dene wale ko do saal ki saza sunayi", True),
    # a saying judged before its content
    ("ye kehna bakwaas hai ki jain log sab ke sab lalchi hote hain", True),
    ("यह कहना बेबुनियाद है कि जैन लोग लालची होते हैं।", True),
    ("ye kehna sahi hai ki jain log sab ke sab lalchi hote hain", False),
    ("ye kehna galat nahi hai ki jain log sab ke sab lalchi hote hain", False),
    ("jo log yahan rehte hain sab gande hain", False),   # "jo log" with no saying
    # ... or the doers named as a group: the deed is pinned on it
    ("जो लोग कहते हैं कि देश खतरे में है वो सब मुसलमान गद्दार हैं", False),
    ("jo log desh ko badnaam karte hain wo sab musalman gaddar hain", False),
    ("कश्मीरी दुकानदारों को धमकाओ, दुकानें बंद करवाओ।", False),
    # the practice named for what it is
    ("राशन की दुकान पर वाल्मीकि औरतों को सबसे बाद में गेहूँ देना अन्याय है, हम डीलर की शिकायत करेंगे।", True),
    ("bank manager muslim grahakon ko locker nahi deta, ye bhedbhav hai", True),
    # ... or the speaker's promise to fight it (the head alone read hate 0.67)
    ("agar mandi mein adivasi auraton ki sabzi aadhe daam pe li jaati hai to hum iske khilaaf andolan karenge", True),
    ("अगर मंडी में आदिवासी औरतों की सब्ज़ी आधे दाम पर ली जाती है तो हम इसके ख़िलाफ़ आंदोलन करेंगे।", True),
    ("mandi mein adivasi auraton ki sabzi hum aadhe daam pe lete hain", False),
    # "saying such a thing" judged (VC211 drops a line that reports saying, so no guard recorded it)
    ("\"कोई भी ईसाई देशभक्त नहीं हो सकता\" जैसी बात कहना हज़ारों ईसाई सैनिकों का अपमान है।", True),
    ("'koi bhi isai deshbhakt nahi ho sakta' jaisi baat kehna sainikon ka apmaan hai", True),
    # the speaker arrested for it (the classifier alone: hate 0.38)
    ("उसने कहा \"होली पर मुसलमानों को नाली में फेंक देंगे\", पुलिस ने उसे गिरफ़्तार कर लिया।", True),
    ("usne kaha 'holi pe musalmanon ko naali mein phenk denge', police ne use giraftar kar liya", True),
    # the thought itself judged, after denying it (VC207 read "घिनौनी है" as said of women)
    ("औरतें घिनौनी नहीं होतीं, यह सोच ही घिनौनी है।", True),
    ("इन मुसलमानों की सोच ही गंदी है।", False),
    ('RT pe dekha "muzlims = terrorists", seriously? ye nafrat band karo yaar', True),
])
def test_an_action_against_hate_or_its_speaker_counts_as_counter_speech(text, counter):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is counter


@pytest.mark.parametrize("text,unprotected", [
    ("ye property dealer sab dhokebaaz hote hain", True),
    ("पार्षद जी ने पाँच साल में कुछ नहीं किया, निकम्मे हैं।", True),
    ("andhbhakt log kuch bhi forward kar dete hain, sab bewakoof", True),   # supporters called names, not a group
    ("पार्टी के चमचे सोशल मीडिया पर झूठ फैलाते हैं।", True),
    ("sattadhari dal ke log ghamandi ho gaye hain, janta sabak sikhayegi", True),   # a party's people
    ("tum ek ghatiya insaan ho", True),                       # the addressee
    ("mujhe balatkariyon se nafrat hai", True),               # rapists: no protected group
    ("आतंकियों को कड़ी सज़ा मिलनी चाहिए, वे कायर हैं।", True),   # militants spoken of
    ("कश्मीरी सब आतंकवादी हैं।", False),
    ("ये कटु ए सब आतंकवादी हैं", False),   # "terrorists" said of a group: no target of its own
    ("tum ek muslim ho, ghatiya insaan", False),              # a group named
    ("tum sab nikamme ho, ek kaam dhang se nahi hota", True),
    ("tujhse to gadha bhi zyada samajhdar hai, ek kaam dhang se nahi hota", True),   # the classifier alone: hate 0.89
    ("tujhe to mulle pasand hain, tu bhi unke jaisa hai", False),                      # a slur too
    ("ये टीवी एंकर सब बिके हुए हैं।", True),
    ("ward ka safai inspector ek number ka kaamchor hai", True),
    ("ye wedding planner log sab chor hote hain", True),
    ("ye landlord log sab kiraya badhane mein lage rehte hain", True),
    ("भेड़ियों की तरह ये बिल्डर ग़रीबों की ज़मीन हड़प रहे हैं।", True),   # builders (the classifier alone: hate 0.69)
    ("पंचायत सचिव ने हैंडपंप का पैसा खा लिया, इसकी जाँच होनी चाहिए।", True),   # the classifier alone: hate 0.91
    ("ye patwari bina rishwat ke kaam nahi karta", True),
    ("dhabe pe truck drivers ko raat mein khana aadhe daam mein dete hain", True),   # a trade (the classifier alone: hate 0.81)
    ("ये ड्राइवर लोग सब नशे में गाड़ी चलाते हैं।", True),
    ("बिहारी ड्राइवर सब नशे में गाड़ी चलाते हैं।", False),       # a protected group named too
    ("RWA ke chunav mein har flat ke maalik ko ek vote milta hai, kirayedar ko nahi", True),   # tenants (0.72 alone)
    ("ये किराएदार लोग कभी समय पर किराया नहीं देते।", True),
    ("muslim kirayedar sab gande hote hain", False),         # a protected group named too
    ("the driver was a beaner too", False),                   # no romanized "driver": an English slur our lists lack
    ("ye vakeel log sab lutere hote hain, tareekh pe tareekh", True),          # the classifier alone: hate 0.83
    ("सरपंच ने दलितों का पैसा खा लिया", False),              # a protected group named too
    ("ye bihari dealer sab dhokebaaz hote hain", False),   # a protected group named too
    ("ये लोग सब बिके हुए हैं।", False),                      # no target named
    ("mujhe chor aur lutere logon se nafrat hai", True),      # people named by what they do (hate 0.99 alone)
    ("इस पार्टी ने पाँच साल में एक भी वादा पूरा नहीं किया, इन्हें वोट मत दो।", True),   # a party (hate 0.71 alone)
    ("मुझे चोरों और हत्यारों से नफ़रत है।", True),
    ("अपराधी लोग समाज का कचरा हैं।", True),                 # "समाज का": society, not a community
    ("pakistani log hote hi dhokebaaz hain", False),          # "dhokebaaz" a predicate, not a target
    ("यह बेकार फ़ोन हर दिन हैंग होता है।", True),            # a thing (the classifier alone: hate 0.91)
    ("ye traffic kabhi khatam nahi hota, saala", True),
    ("ye kabadi wala ek number ka chor hai, taraazu mein dandi maarta hai", True),   # a trade (the classifier: 0.80)
    ("ये ऑटो वाले सब लुटेरे हैं, मीटर से कभी नहीं चलते।", True),
    ("ye bihari auto wale sab chor hote hain", False),     # a protected group named too
    ("jewelry kike perverts gassed me on fake phone accounts", False),   # things count in Hindi and Hinglish only
    ("एक भी महिला मैनेजर ऐसी नहीं जो ढंग से टीम संभाल सके।", False),   # any woman: the group
])
def test_insults_aimed_only_at_trades_officials_or_the_addressee_are_not_hate(text, unprotected):
    import numpy as np
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import combine, rule_evidence
    evidence = rule_evidence(Checker(Config(model=False)).check(text))
    assert evidence.unprotected_target is unprotected
    thr = np.full(len(LABELS), 0.3)
    hate = LABELS.index("hate")
    assert bool(combine(np.full(len(LABELS), 0.9), evidence, thr)[hate] < 0.3) is (unprotected or evidence.counter_speech)


@pytest.mark.parametrize("text", ["अपराधी लोग समाज का कचरा हैं।", "पत्रकार लोग समाज का कचरा हैं।", "नशेड़ी लोग समाज पर बोझ हैं।",
                                  "शराब पीकर गाड़ी चलाने वाले समाज का कचरा हैं।"])   # society the only group word
def test_a_hate_rule_that_matched_a_generaliser_lends_no_hate_where_no_group_is_named(text):
    # the rule still reports its finding (a generaliser and a likening to filth), but `hate` is a group's
    import numpy as np
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import combine, rule_evidence
    report = Checker(Config(model=False)).check(text)
    assert any(f.rule_id.startswith("VC2") for f in report.findings)
    evidence = rule_evidence(report)
    assert evidence.hits and all("hate" not in labels for labels, _ in evidence.hits)
    thr = np.full(len(LABELS), 0.3)
    assert combine(None, evidence, thr)[LABELS.index("hate")] < 0.3


@pytest.mark.parametrize("text,past", [
    ("1984 ke dangon mein dilli mein hazaron sikh maare gaye the", True),
    ("1947 के बँटवारे में लाखों हिंदू और मुसलमान मारे गए थे।", True),
    ("2024 में मुसलमान मारे जाएंगे।", False),       # a year, but the future
    ("दंगों में हज़ारों सिख मारे गए थे।", False),      # the past, but no year: nothing dates it
])
def test_history_told_with_a_year_caps_the_classifiers_hate(text, past):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).past_report is past


@pytest.mark.parametrize("text,counter", [
    ("उन्हें गद्दार मानना ही गलत है।", True),                     # what was said of them is wrong
    ("दलितों को मंदिर में घुसने न देना गलत है।", True),            # keeping them out is wrong
    ("दलितों को मंदिर में घुसने देना ही गलत है।", False),          # letting them in is "wrong": that is the slight
    ("किन्नर समाज पर बोझ हैं, इन्हें इंसान मानना ही गलत है।", False),
    ("ye hijde prakriti ki galti hain, insaan kehna bhi galat hai", False),   # calling them human is what is "wrong"
    ("inko basti mein rehne dena hi galat hai", False),
    ("ऐसे नारों पर रोक लगनी चाहिए।", True),                         # a curb on what is said
    ("मुसलमानों की आबादी पर रोक लगनी चाहिए, ये देश को निगल जाएँगे।", False),   # a curb on a group's numbers
    ("inki aabadi pe rok lagni chahiye", False),
])
def test_calling_it_wrong_to_let_a_group_in_is_not_condemnation(text, counter):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is counter


@pytest.mark.parametrize("text,praises", [
    ("gujarati ka khana swadisht hota hai", True),            # the classifier read such lines as hate, the head too
    ("मराठी लावणी के गीत बहुत सुरीले होते हैं।", True),
    ("punjabi shaadiyon ka sangeet kamaal ka hai", True),
    ("गुजराती खाना स्वादिष्ट नहीं होता।", False),              # denied
    ("bihari gaane achhe hain lekin ye log gande hain", False),   # a contrast, and a demeaning word
    ("मुसलमानों का खाना अच्छा है पर इन्हें मोहल्ले में मत आने दो, सब गद्दार हैं", False),   # a demeaning word
    ("tamil log sirf khana achha banate hain", False),        # a restriction: praise as the set-up of a slight
    ("ye khana bahut swadisht hai", False),                   # no group named
    ("south indian log bht hardworking hote h", True),          # people praised for their work, typed as on a phone
    ("कश्मीरी मुसलमान जवान ने आतंकियों से लड़ते हुए जान दी, देश उसे सलाम करता है।", True),   # saluted
    ("बिहारी मज़दूर बहुत मेहनती होते हैं।", True),
    ("bihari mehnati hote hain par sab chor hain", False),      # a contrast
    ("meri bhabhi tamil hain aur ghar ki sabse samajhdar insaan wahi hain", True),   # wise (the classifier: 0.97)
    ("aurton se to gadhe zyada samajhdar hote hain", False),  # another praised above the group
    ("dalit authors ki ye 5 books zaroor padho, life changing hain #reading", True),   # English praise in Hinglish
    ("dalit authors ki books life changing hain lekin inke neta chor hain", False),
    ("mujhe lagta hai north east ke log sabse zyada tameezdaar hote hain", True),   # well-mannered
    ("hamari cook bengali hai, uski machhli curry ka koi jawab nahi", True),   # unmatched (the classifier: 0.58)
    ("बंगाली रसोइयों की मछली करी का कोई जवाब नहीं।", True),
    ("बंगाली रसोइये गंदे होते हैं, इनकी मक्कारी का कोई जवाब नहीं।", False),   # a demeaning word
])
def test_praise_of_a_groups_food_or_songs_caps_the_classifiers_hate(text, praises):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is praises


@pytest.mark.parametrize("text,paired", [
    ("shaadi mein punjabi aur tamil dono tarah ka khana tha", True),
    ("पंजाबी और गुजराती व्यापारियों ने मिलकर धर्मशाला बनवाई।", True),
    ("इस सीट पर 28% मुस्लिम, 22% दलित और 18% यादव मतदाता हैं, मुकाबला कड़ा है।", True),   # shares of a seat
    ("हिन्दू, जैन, सिख, ईसाई, पारसी सबको नागरिकता मिलेगी पर ये लोग विरोध कर रहे हैं", False),   # a bare list
    ("muslim aur isai dono desh ke gaddar hain", False),   # a demeaning word: the pair does not excuse it
    ("muslims and jews came to the meeting", False),      # Hindi's "and" only (English hate joins groups so)
    ("punjabi khana aur tamil gaane", False),             # not side by side
    ("hum tractor sabko ek hi rate pe dete hain, hindu ho ya musalman", True),   # either (`score` hate 0.58, from the head)
    ("hostel mein north east ke ladke aur marathi ladke ek hi mess mein khate hain", True),   # a region's boys are a group
    ("चाहे सिख हो या ईसाई, हमारे स्कूल में सबकी फ़ीस एक है।", True),
    ("musalman ho ya isai, ye sab desh ke gaddar hain", False),   # a demeaning word: "either" does not excuse it
])
def test_two_groups_named_side_by_side_cap_the_classifiers_hate(text, paired):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).groups_paired is paired


def test_a_medium_claim_finding_lifts_checkworthy_only_without_a_model():
    from vaktacheck.score import RuleEvidence, combine
    import numpy as np
    thr = np.full(len(LABELS), 0.4)
    cw = LABELS.index("checkworthy")
    medium, high = RuleEvidence(((("checkworthy",), 2),)), RuleEvidence(((("checkworthy",), 3),))
    assert combine(None, medium, thr)[cw] > 0.4                           # rules only: the finding is all there is
    assert combine(np.full(len(LABELS), 0.1), medium, thr)[cw] == 0.1     # the model read the same numbers
    assert combine(np.full(len(LABELS), 0.1), high, thr)[cw] > 0.4        # a high finding still lifts
    hostile = LABELS.index("hostile")                                      # other labels: medium still lifts
    assert combine(np.full(len(LABELS), 0.1), RuleEvidence(((("hostile",), 2),)), thr)[hostile] > 0.4


@pytest.mark.parametrize("text", ["हिजड़े समाज का कचरा हैं।", "ये छक्के समाज पर कलंक हैं।", "ईसाई लोग समाज का कचरा हैं।"])
def test_a_group_or_a_slur_beside_society_keeps_the_rules_hate(text):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    evidence = rule_evidence(Checker(Config(model=False)).check(text))
    assert not evidence.unprotected_target
    assert any("hate" in labels for labels, _ in evidence.hits)


@pytest.mark.parametrize("text,counter", [
    ("हाईकोर्ट ने कहा, धर्म के आधार पर राशन कार्ड रद्द करना असंवैधानिक है।", True),   # a ruling stated (VC302 fired)
    ("मजबूरन मुझे चंडीगढ़ हाई कोर्ट की सहारा लेनी पड़ी, मुसलमानों को देश से निकालो।", False),   # a court named, no ruling
    # violence against people called a crime (the classifier: hate 0.28)
    ("स्टेशन पर बांग्लादेशी कहकर लोगों को पीटने के वीडियो आए हैं। किसी को भी भीड़ का शिकार बनाना अपराध है।", True),
    ("kisi ko bhi dharm ke naam pe peetna apradh hai, chahe wo muslim ho ya hindu", True),
    ("मुसलमानों को सरकारी नौकरी देना गद्दारी नहीं, उनका संवैधानिक अधिकार है।", True),   # the constitution cited (0.46)
])
def test_a_ruling_stated_cites_the_law(text, counter):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech is counter


@pytest.mark.parametrize("text,mention", [
    ('बिल्कुल सही, "मुसलमान कभी वफ़ादार नहीं होते", मैं भी यही मानता हूँ।', False),   # quoted and agreed with
    ('@rohit sahi bola "bihari sab chor hote hain"', False),
    ('"मुसलमान कभी वफ़ादार नहीं होते" - रैली के भाषण का यह हिस्सा वायरल है।', True),   # quoted, not owned
])
def test_a_reply_that_agrees_with_quoted_hate_owns_it(text, mention):
    # with the head quiet, a quotation the speaker does not own is a mention even without a verb of saying
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    evidence = rule_evidence(Checker(Config(model=False)).check(text), head_quiet=True)
    assert any("hate" in labels for labels, _ in evidence.hits) is not mention


def test_asking_the_admin_to_remove_a_slur_is_counter_speech():
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    text = "ऊपर किसी ने कश्मीरियों को साँप लिखा है, एडमिन कृपया हटाएँ।"
    assert rule_evidence(Checker(Config(model=False)).check(text)).counter_speech


@pytest.mark.parametrize("text,counter", [
    ("kya sach mein saare musalman gaddar hain? bilkul nahi, ye propaganda hai", True),
    ("क्या सारे दलित गंदे होते हैं? बिल्कुल नहीं।", True),
    ("kya sach mein saare musalman gaddar hain? haan, sab ke sab", False),   # answered "yes"
])
def test_a_question_answered_no_is_counter_speech(text, counter):
    from vaktacheck.checker import Checker
    from vaktacheck.config import Config
    from vaktacheck.score import rule_evidence
    evidence = rule_evidence(Checker(Config(model=False)).check(text))
    assert evidence.counter_speech is counter
    assert any("hate" in labels for labels, _ in evidence.hits) is not counter


def test_skipping_the_caps_where_no_cap_could_matter_changes_no_score():
    # `score` runs the cap tests only where the model's hate is above the cap or the head says hate
    # (hate_at_stake); every text must score as it does with all the tests run
    from pathlib import Path
    from vaktacheck.model.group_hate import load_suite
    from vaktacheck.score import _Scorer, assemble, head_reading, model_scores, rule_evidence
    scorer = _Scorer(True, None, threads=2)
    suite = Path(__file__).resolve().parents[1] / "data" / "functional"
    texts = [c["text"] for name in ("hate-hi.tsv", "hate-hi-holdout100.tsv") for c in load_suite(suite / name)]
    texts += ["Happy Diwali to every family", "Ye log desh ke gaddar hain", "मुसलमान गद्दार नहीं हैं"]
    probs, thr, head = model_scores(scorer.model, texts)
    reports = [scorer.checker.check(t) for t in texts]
    skipped = [json.loads(line) for line in scorer.score(texts)]
    full = assemble([(r.findings_dicts(), rule_evidence(r, **head_reading(scorer.model, head, i)))
                     for i, r in enumerate(reports)], probs, thr)
    assert len(skipped) == len(texts) > 150
    assert [(o["scores"], o["flagged"]) for o in skipped] == [(o["scores"], o["flagged"]) for o in full]
