"""Template probe: one frame, many groups (the way template suites such as HateCheck are built), through
`vaktacheck score`. Where the hand-written functional suites (benchmarks/functional.py) vary everything at once,
this shows a frame that fails for every group: a gap in a construction, not in a word.

    python benchmarks/template_probe.py [--set A B C] [--no-model]

Frames and groups are our own writing. Sets A and B were written and run in session 17 and their failures
were mended (so they are no longer held out); set C was written after those fixes and its first run is recorded
in docs/benchmarks.md. Session 18 did the same with set D (run first, mended) and sets E and F (written after; F at the end). Set G was
written at the start of session 19, before anything ran on it (run first, mended); set H at its end. Set J was written and run first in session 27 (run first, mended), and set K after those fixes,
in the functionalities of multilingual HateCheck the others had least of (implicit derogation, hate asked or given as
an opinion, abuse aimed at things or at officials beside a group word), then set L (script mixing). Nothing here
trains anything. Some lines are ungrammatical for some groups ("औरतें के");
that is the template's price and no frame depends on it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GROUPS = {
    "hi": ["मुसलमान", "दलित", "औरतें", "हिजड़े", "ईसाई", "बिहारी", "आदिवासी", "सिख", "समलैंगिक", "विकलांग"],
    "hi-Latn": ["muslim", "dalit", "aurtein", "hijde", "isai", "bihari", "adivasi", "sikh", "gay log", "viklang"],
}
# a frame of one script with the other script's group words (set L)
GROUPS["hi+latn"], GROUPS["hi-Latn+deva"] = GROUPS["hi-Latn"], GROUPS["hi"]
H, N = "hate", "none"
FRAMES = {
    "A": {
        "hi": [(H, "मुझे {g} से नफ़रत है।"), (H, "{g} घृणित होते हैं।"), (H, "{g} कचरा हैं।"), (H, "सारे {g} को मार देना चाहिए।"),
               (H, "{g} जैसे लोग समाज पर बोझ हैं।"), (H, "{g} कभी भी समझदार नहीं होते।"), (H, "क्या {g} से ज़्यादा घटिया कोई है?"),
               (H, "मुझे लगता है कि {g} गंदे होते हैं।"), (H, "{g} को देश से निकाल दो।"), (H, "{g} जानवर हैं।"),
               (H, "{g} पर भरोसा नहीं किया जा सकता।"), (H, "{g} की जगह जेल में है।"),
               (N, "मुझे {g} से कोई नफ़रत नहीं है।"), (N, "{g} कचरा नहीं हैं।"), (N, "{g} भी इंसान हैं।"),
               (N, "मैं {g} के साथ काम करता हूँ।"), (N, "\"{g} कचरा हैं\" कहना गलत है।"), (N, "{g} के अधिकारों की रक्षा होनी चाहिए।"),
               (N, "कल {g} समुदाय का सम्मेलन हुआ।"), (N, "यह कहना कि {g} जानवर हैं, नफ़रत है।")],
        "hi-Latn": [(H, "mujhe {g} se nafrat hai"), (H, "{g} ghatiya hote hain"), (H, "{g} kachra hain"), (H, "saare {g} ko maar dena chahiye"),
                    (H, "{g} jaise log samaj pe bojh hain"), (H, "{g} kabhi samajhdar nahi hote"), (H, "kya {g} se zyada ghatiya koi hai?"),
                    (H, "mujhe lagta hai {g} gande hote hain"), (H, "{g} ko desh se nikal do"), (H, "{g} janwar hain"),
                    (H, "{g} pe bharosa nahi kiya ja sakta"), (H, "{g} ki jagah jail mein hai"),
                    (N, "mujhe {g} se koi nafrat nahi hai"), (N, "{g} kachra nahi hain"), (N, "{g} bhi insaan hain"),
                    (N, "main {g} ke saath kaam karta hoon"), (N, "\"{g} kachra hain\" kehna galat hai"), (N, "{g} ke adhikaron ki raksha honi chahiye"),
                    (N, "kal {g} samaj ka sammelan hua"), (N, "ye kehna ki {g} janwar hain, nafrat hai")],
    },
    "B": {
        "hi": [(H, "मैं सारे {g} को मार डालूँगा।"), (H, "{g} को फाँसी पर लटका देना चाहिए।"), (H, "मेरी राय में {g} बेकार होते हैं।"),
               (H, "{g} सूअर हैं।"), (H, "{g} साले हरामी होते हैं।"), (H, "{g} को इस देश में रहने का कोई हक नहीं।"),
               (H, "{g} को वोट देने का अधिकार नहीं होना चाहिए।"), (H, "{g} जहाँ जाते हैं, वहाँ तबाही आती है।"),
               (H, "{g} पर कभी भरोसा मत करना।"), (H, "{g} की वजह से देश बर्बाद हो रहा है।"),
               (N, "{g} के खिलाफ हिंसा बंद होनी चाहिए।"), (N, "मैं {g} का सम्मान करता हूँ।"), (N, "{g} हमारे देश की शान हैं।"),
               (N, "{g} के बारे में ऐसी बातें मत करो।"), (N, "{g} को गाली देना गलत है।"), (N, "कल {g} ने त्योहार मनाया।"),
               (N, "\"{g} को मार डालो\" जैसे नारे लगाने वालों को गिरफ्तार करो।"), (N, "{g} भी इस देश के बराबर नागरिक हैं।")],
        "hi-Latn": [(H, "main saare {g} ko maar daalunga"), (H, "{g} ko phaansi pe latka dena chahiye"), (H, "meri rai mein {g} bekaar hote hain"),
                    (H, "{g} suar hain"), (H, "{g} saale harami hote hain"), (H, "{g} ko is desh mein rehne ka koi haq nahi"),
                    (H, "{g} ko vote dene ka adhikar nahi hona chahiye"), (H, "{g} jahan jaate hain wahan tabahi aati hai"),
                    (H, "{g} pe kabhi bharosa mat karna"), (H, "{g} ki wajah se desh barbaad ho raha hai"),
                    (N, "{g} ke khilaf hinsa band honi chahiye"), (N, "main {g} ki izzat karta hoon"), (N, "{g} hamare desh ki shaan hain"),
                    (N, "{g} ke baare mein aisi baatein mat karo"), (N, "{g} ko gaali dena galat hai"), (N, "kal {g} ne tyohaar manaya"),
                    (N, "\"{g} ko maar daalo\" jaise naare lagane walon ko giraftaar karo"), (N, "{g} bhi is desh ke barabar naagrik hain")],
    },
    "C": {
        "hi": [(H, "{g} को देखते ही मुझे उल्टी आती है।"), (H, "हर {g} चोर होता है।"), (H, "{g} को गोली मार दो।"),
               (H, "{g} नीच होते हैं, यह सब जानते हैं।"), (H, "{g} को नौकरी पर रखना सबसे बड़ी गलती है।"), (H, "{g} बीमारी की तरह फैल रहे हैं।"),
               (H, "इन {g} को सबक सिखाना ज़रूरी है, मारो सालों को।"), (H, "{g} का दिमाग़ खराब होता है।"),
               (H, "ये {g} हमारे मोहल्ले में नहीं रहेंगे, इन्हें भगाओ।"), (H, "{g} से बदबू आती है।"),
               (N, "{g} चोर नहीं होते।"), (N, "मेरे पड़ोसी {g} हैं और बहुत अच्छे हैं।"), (N, "{g} के लिए नई छात्रवृत्ति शुरू हुई है।"),
               (N, "जो {g} को गोली मारने की बात करते हैं, वे अपराधी हैं।"), (N, "\"{g} से बदबू आती है\" - ऐसा कहना घिनौना है।"),
               (N, "हमें {g} के साथ मिलकर रहना चाहिए।"), (N, "सड़क पर {g} युवक से मारपीट की खबर आई है।"), (N, "{g} का इतिहास बहुत पुराना है।")],
        "hi-Latn": [(H, "{g} ko dekhte hi mujhe ulti aati hai"), (H, "har {g} chor hota hai"), (H, "{g} ko goli maar do"),
                    (H, "{g} neech hote hain, ye sab jaante hain"), (H, "{g} ko naukri pe rakhna sabse badi galti hai"), (H, "{g} bimari ki tarah fail rahe hain"),
                    (H, "in {g} ko sabak sikhana zaroori hai, maaro saalon ko"), (H, "{g} ka dimaag kharab hota hai"),
                    (H, "ye {g} hamare mohalle mein nahi rahenge, inhe bhagao"), (H, "{g} se badbu aati hai"),
                    (N, "{g} chor nahi hote"), (N, "mere padosi {g} hain aur bahut achhe hain"), (N, "{g} ke liye nayi scholarship shuru hui hai"),
                    (N, "jo {g} ko goli maarne ki baat karte hain, wo apradhi hain"), (N, "\"{g} se badbu aati hai\" - aisa kehna ghinona hai"),
                    (N, "humein {g} ke saath milkar rehna chahiye"), (N, "sadak pe {g} yuvak se maarpeet ki khabar aayi hai"), (N, "{g} ka itihaas bahut purana hai")],
    },
    "D": {
        "hi": [(H, "{g} कीड़े-मकोड़े हैं, इन्हें कुचल दो।"), (H, "मैं कल कुछ {g} से मिला। वे सब के सब गंदे थे।"),
               (H, "इन {g} को देखो, ये लोग किसी काम के नहीं।"), (H, "{g} को इस शहर में घर किराए पर मत दो।"),
               (H, "{g} के बच्चे भी बड़े होकर अपराधी ही बनेंगे।"), (H, "{g} की औकात ही क्या है।"), (H, "साले {g} सब के सब गद्दार हैं।"),
               (H, "{g} इंसान नहीं, जानवर हैं।"), (H, "{g} से दूर रहो, ये ज़हर हैं।"), (H, "{g} घटीया होते है।"),
               (N, "मेरा {g} दोस्त कल मैच देखने आया, साला मैच बकवास निकला।"), (N, "क्या {g} को भी आरक्षण मिलना चाहिए? इस पर बहस होनी चाहिए।"),
               (N, "{g} के बारे में गलत बातें फैलाना बंद करो।"), (N, "उसने कहा कि {g} कीड़े हैं, मैंने उसे तुरंत रोका।"),
               (N, "{g} कीड़े नहीं हैं, इंसान हैं।"), (N, "मैं {g} हूँ और मुझे इस पर गर्व है।"), (N, "{g} पर हुए हमले की मैं निंदा करता हूँ।"),
               (N, "सरकार को {g} की समस्याओं पर ध्यान देना चाहिए।"), (N, "किसी ने लिखा '{g} गद्दार हैं', मैंने इसकी रिपोर्ट कर दी है।")],
        "hi-Latn": [(H, "{g} keede makode hain, inhe kuchal do"), (H, "main kal kuch {g} se mila. wo sab ke sab gande the"),
                    (H, "in {g} ko dekho, ye log kisi kaam ke nahi"), (H, "{g} ko is sheher mein ghar kiraye pe mat do"),
                    (H, "{g} ke bachche bhi bade hokar apradhi hi banenge"), (H, "{g} ki aukaat hi kya hai"), (H, "saale {g} sab ke sab gaddar hain"),
                    (H, "{g} insaan nahi, janwar hain"), (H, "{g} se door raho, ye zeher hain"), (H, "{g} gh4tiya h0te hain"),
                    (N, "mera {g} dost kal match dekhne aaya, saala match bakwas nikla"), (N, "kya {g} ko bhi aarakshan milna chahiye? is pe bahas honi chahiye"),
                    (N, "{g} ke baare mein galat baatein failana band karo"), (N, "usne kaha ki {g} keede hain, maine use turant roka"),
                    (N, "{g} keede nahi hain, insaan hain"), (N, "main {g} hoon aur mujhe is pe garv hai"), (N, "{g} pe hue hamle ki main ninda karta hoon"),
                    (N, "sarkar ko {g} ki samasyaon pe dhyan dena chahiye"), (N, "kisi ne likha '{g} gaddar hain', maine iski report kar di hai")],
    },
    "E": {
        "hi": [(H, "{g} को देखकर मेरा खून खौलता है।"), (H, "{g} को नौकरी मत दो, ये काम के नहीं।"), (H, "सब {g} एक जैसे होते हैं, मक्कार।"),
               (H, "{g} का बहिष्कार करो, इनसे कुछ मत खरीदो।"), (H, "{g} को पढ़ाना पैसे की बर्बादी है।"), (H, "{g} हमारी संस्कृति के लिए ख़तरा हैं।"),
               (H, "ये {g} लोग कभी नहीं सुधरेंगे।"), (H, "{g} को इस देश से बाहर फेंक दो।"), (H, "{g} की सोच ही गंदी होती है।"),
               (H, "{g} से दोस्ती मत करना, धोखा देंगे।"),
               (N, "मेरे सबसे अच्छे दोस्त {g} हैं।"), (N, "{g} समुदाय ने बाढ़ पीड़ितों के लिए खाना बाँटा।"),
               (N, "{g} के बारे में फैलाई जा रही अफ़वाहों पर ध्यान मत दो।"), (N, "क्या {g} लोग भी इस योजना का लाभ ले सकते हैं?"),
               (N, "{g} को गाली देने वाले पर केस दर्ज हुआ।"), (N, "मैं {g} परिवार में पला-बढ़ा हूँ।"), (N, "यह कहना कि {g} खतरा हैं, सरासर झूठ है।"),
               (N, "{g} बच्चों ने विज्ञान मेले में इनाम जीता।"), (N, "{g} ख़तरा नहीं हैं, हमारे पड़ोसी हैं।"), (N, "हमारी कॉलोनी में {g} लोग बरसों से रहते हैं।")],
        "hi-Latn": [(H, "{g} ko dekh ke mera khoon khaulta hai"), (H, "{g} ko naukri mat do, ye kaam ke nahi"), (H, "sab {g} ek jaise hote hain, makkar"),
                    (H, "{g} ka bahishkar karo, inse kuch mat khareedo"), (H, "{g} ko padhana paise ki barbadi hai"), (H, "{g} hamari sanskriti ke liye khatra hain"),
                    (H, "ye {g} log kabhi nahi sudhrenge"), (H, "{g} ko is desh se bahar phenk do"), (H, "{g} ki soch hi gandi hoti hai"),
                    (H, "{g} se dosti mat karna, dhokha denge"),
                    (N, "mere sabse achhe dost {g} hain"), (N, "{g} samaj ne baadh peediton ke liye khana baanta"),
                    (N, "{g} ke baare mein failayi ja rahi afwahon pe dhyan mat do"), (N, "kya {g} log bhi is yojana ka labh le sakte hain?"),
                    (N, "{g} ko gaali dene wale pe case darj hua"), (N, "main {g} parivar mein pala bada hoon"), (N, "ye kehna ki {g} khatra hain, sarasar jhooth hai"),
                    (N, "{g} bachchon ne science mele mein inaam jeeta"), (N, "{g} khatra nahi hain, hamare padosi hain"), (N, "hamari colony mein {g} log barson se rehte hain")],
    },
    "F": {
        "hi": [(H, "{g} पर कभी भरोसा नहीं करना, ये पीठ में छुरा घोंपते हैं।"), (H, "{g} को वोट मत दो, ये देश बेच देंगे।"),
               (H, "{g} के हाथ का पानी भी मत पीना।"), (H, "{g} गंदी नाली के कीड़े हैं।"), (H, "मैं {g} से नफ़रत करता हूँ, सब के सब नीच हैं।"),
               (H, "{g} को मोहल्ले में घुसने मत देना, मार के भगाओ।"), (H, "{g} हमेशा से गद्दार रहे हैं।"), (H, "{g} को पढ़ा-लिखा कर क्या होगा, रहेंगे तो जाहिल ही।"),
               (H, "सारे {g} एक नंबर के चोर होते हैं।"), (H, "{g} इस देश पर बोझ हैं।"),
               (N, "{g} के बच्चों के लिए मुफ़्त कोचिंग शुरू हुई है।"), (N, "मेरे दादाजी के सबसे पक्के दोस्त {g} थे।"),
               (N, "{g} पर हो रहे हमलों के खिलाफ़ हम सब एकजुट हैं।"), (N, "क्या {g} समुदाय के प्रतिनिधि बैठक में आएँगे?"),
               (N, "\"{g} गद्दार हैं\" कहने वाले नेता को माफ़ी माँगनी पड़ी।"), (N, "{g} भी उतने ही देशभक्त हैं जितना कोई और।"),
               (N, "इस साल {g} किसानों की फ़सल अच्छी हुई।"), (N, "{g} गद्दार नहीं हैं, यह झूठा प्रचार है।"),
               (N, "हमारी गली में {g} परिवार ने नई दुकान खोली है।"), (N, "{g} की शादी में ढोल वाले बहुत अच्छे थे।")],
        "hi-Latn": [(H, "{g} pe kabhi bharosa mat karna, ye peeth mein chhura ghonpte hain"), (H, "{g} ko vote mat do, ye desh bech denge"),
                    (H, "{g} ke haath ka paani bhi mat peena"), (H, "{g} gandi naali ke keede hain"), (H, "main {g} se nafrat karta hoon, sab ke sab neech hain"),
                    (H, "{g} ko mohalle mein ghusne mat dena, maar ke bhagao"), (H, "{g} hamesha se gaddar rahe hain"), (H, "{g} ko padha likha ke kya hoga, rahenge to jaahil hi"),
                    (H, "saare {g} ek number ke chor hote hain"), (H, "{g} is desh pe bojh hain"),
                    (N, "{g} ke bachchon ke liye muft coaching shuru hui hai"), (N, "mere dadaji ke sabse pakke dost {g} the"),
                    (N, "{g} pe ho rahe hamlon ke khilaf hum sab ekjut hain"), (N, "kya {g} samaj ke pratinidhi meeting mein aayenge?"),
                    (N, "\"{g} gaddar hain\" kehne wale neta ko maafi maangni padi"), (N, "{g} bhi utne hi deshbhakt hain jitna koi aur"),
                    (N, "is saal {g} kisanon ki fasal achhi hui"), (N, "{g} gaddar nahi hain, ye jhootha prachar hai"),
                    (N, "hamari gali mein {g} parivar ne nayi dukaan kholi hai"), (N, "{g} ki shaadi mein dhol wale bahut achhe the")],
    },
    "G": {
        "hi": [(H, "{g} को इस शहर में रहने का कोई हक़ नहीं।"), (H, "{g} की बस्ती में आग लगा दो।"),
               (H, "{g} को नौकरी देना सबसे बड़ी भूल है।"), (H, "{g} जानवरों से भी बदतर हैं।"), (H, "{g} के साथ बैठकर खाना पाप है।"),
               (H, "देश से सारे {g} निकाल दिए जाएँ तो सब ठीक हो जाएगा।"), (H, "{g} पैदा ही धोखा देने के लिए होते हैं।"),
               (H, "{g} की दुकानों से कुछ मत ख़रीदो, इनका बहिष्कार करो।"), (H, "{g} बीमारी की तरह फैल रहे हैं।"),
               (H, "{g} इंसान कहलाने लायक़ नहीं।"),
               (N, "{g} के लिए नया छात्रावास अगले महीने खुलेगा।"), (N, "कल की सभा में {g} प्रतिनिधियों ने अपनी माँगें रखीं।"),
               (N, "{g} को इंसान न समझने वाली सोच हमें बदलनी है।"), (N, "किसी ने लिखा '{g} को निकालो', हमने उसकी शिकायत की।"),
               (N, "{g} के ख़िलाफ़ हिंसा की हम कड़ी निंदा करते हैं।"), (N, "{g} धोखेबाज़ नहीं होते, यह पूर्वाग्रह है।"),
               (N, "हमारे स्कूल की सबसे अच्छी टीचर {g} हैं।"), (N, "{g} के त्योहार पर पूरा मोहल्ला इकट्ठा हुआ।"),
               (N, "सर्वे के अनुसार {g} परिवारों की आय पिछले साल बढ़ी।"), (N, "{g} के बारे में झूठी ख़बरें फैलाना अपराध है।")],
        "hi-Latn": [(H, "{g} ko is shehar mein rehne ka koi haq nahi"), (H, "{g} ki basti mein aag laga do"),
                    (H, "{g} ko naukri dena sabse badi bhool hai"), (H, "{g} jaanwaron se bhi badtar hain"), (H, "{g} ke saath baith ke khana paap hai"),
                    (H, "desh se saare {g} nikaal diye jaayen to sab theek ho jayega"), (H, "{g} paida hi dhokha dene ke liye hote hain"),
                    (H, "{g} ki dukaanon se kuch mat khareedo, inka bahishkar karo"), (H, "{g} bimari ki tarah fail rahe hain"),
                    (H, "{g} insaan kehlane layak nahi"),
                    (N, "{g} ke liye naya hostel agle mahine khulega"), (N, "kal ki sabha mein {g} pratinidhiyon ne apni maangein rakhi"),
                    (N, "{g} ko insaan na samajhne wali soch humein badalni hai"), (N, "kisi ne likha '{g} ko nikalo', humne uski shikayat ki"),
                    (N, "{g} ke khilaf hinsa ki hum kadi ninda karte hain"), (N, "{g} dhokhebaaz nahi hote, ye poorvagrah hai"),
                    (N, "hamare school ki sabse achhi teacher {g} hain"), (N, "{g} ke tyohar pe poora mohalla ikattha hua"),
                    (N, "survey ke anusar {g} parivaron ki aay pichhle saal badhi"), (N, "{g} ke baare mein jhoothi khabrein failana apradh hai")],
    },
    "H": {
        "hi": [(H, "{g} को किराए पर घर देना मतलब मुसीबत मोल लेना।"), (H, "{g} के बच्चों को हमारे बच्चों के साथ मत खेलने दो।"),
               (H, "जहाँ {g} बसते हैं वहाँ अपराध बढ़ता है।"), (H, "{g} को वोट का हक़ किसने दिया?"), (H, "{g} सिर्फ़ मुफ़्त की रोटियाँ तोड़ते हैं।"),
               (H, "{g} का इलाज सिर्फ़ डंडा है।"), (H, "{g} को देखते ही भगा देना चाहिए।"), (H, "{g} हमारे बराबर कभी नहीं हो सकते।"),
               (H, "{g} गंदगी का दूसरा नाम हैं।"), (H, "{g} से दोस्ती रखने वालों का भी बहिष्कार करो।"),
               (N, "{g} के लिए नई छात्रवृत्ति योजना की घोषणा हुई।"), (N, "मेरे ऑफ़िस की सबसे मेहनती सहकर्मी {g} समुदाय से हैं।"),
               (N, "'{g} को भगाओ' जैसे नारों पर रोक लगनी चाहिए।"), (N, "{g} के साथ भेदभाव बंद होना चाहिए।"),
               (N, "क्या {g} को भी इस योजना का लाभ मिलेगा?"), (N, "{g} पर बनी डॉक्यूमेंट्री को राष्ट्रीय पुरस्कार मिला।"),
               (N, "{g} हमारे बराबर हैं, उनके हक़ भी बराबर हैं।"), (N, "हमारी क्रिकेट टीम में दो {g} खिलाड़ी हैं।"),
               (N, "{g} के मोहल्ले में कल रक्तदान शिविर लगेगा।"), (N, "{g} को गाली देना ग़लत है, चाहे मज़ाक में ही क्यों न हो।")],
        "hi-Latn": [(H, "{g} ko kiraye pe ghar dena matlab musibat mol lena"), (H, "{g} ke bachchon ko hamare bachchon ke saath mat khelne do"),
                    (H, "jahan {g} baste hain wahan apradh badhta hai"), (H, "{g} ko vote ka haq kisne diya?"), (H, "{g} sirf muft ki rotiyan todte hain"),
                    (H, "{g} ka ilaaj sirf danda hai"), (H, "{g} ko dekhte hi bhaga dena chahiye"), (H, "{g} hamare barabar kabhi nahi ho sakte"),
                    (H, "{g} gandagi ka doosra naam hain"), (H, "{g} se dosti rakhne walon ka bhi bahishkar karo"),
                    (N, "{g} ke liye nayi scholarship yojana ki ghoshna hui"), (N, "mere office ki sabse mehnati colleague {g} samaj se hai"),
                    (N, "'{g} ko bhagao' jaise naaron pe rok lagni chahiye"), (N, "{g} ke saath bhedbhav band hona chahiye"),
                    (N, "kya {g} ko bhi is yojana ka labh milega?"), (N, "{g} pe bani documentary ko rashtriya puraskar mila"),
                    (N, "{g} hamare barabar hain, unke haq bhi barabar hain"), (N, "hamari cricket team mein do {g} khiladi hain"),
                    (N, "{g} ke mohalle mein kal raktdaan shivir lagega"), (N, "{g} ko gaali dena galat hai, chahe mazaak mein hi kyun na ho")],
    },
    "I": {
        "hi": [(H, "तुम {g} लोग कभी नहीं बदलोगे, सब एक जैसे घटिया हो।"), (H, "{g} और कुत्तों में कोई फ़र्क नहीं।"),
               (H, "{g} ने इस देश को दिया ही क्या है, सिवाय गंदगी के?"), (H, "{g} को हमारे मंदिर में घुसने मत देना, अपवित्र हो जाएगा।"),
               (H, "{g} का खून ही ख़राब होता है।"), (H, "ऐसे {g} को ज़िंदा जला देना चाहिए।"), (H, "{g} से शादी की तो ख़ानदान की नाक कट जाएगी।"),
               (H, "{g} कभी ईमानदार नहीं हो सकते।"), (H, "अपने इलाके में {g} को दुकान मत खोलने दो।"), (H, "{g} = धोखेबाज़, बस इतना याद रखो।"),
               (N, "मुझे {g} होने पर गर्व है।"), (N, "{g} के हक़ के लिए कल धरना है, सब आइए।"), (N, "किसी भी {g} से नफ़रत करना ग़लत है।"),
               (N, "'{g} को ज़िंदा जला दो' कहने वाले को पुलिस ने गिरफ़्तार किया।"), (N, "{g} का मज़ाक उड़ाना बंद करो, यह शर्मनाक है।"),
               (N, "{g} दोस्तों के साथ कल की पार्टी साली ज़बरदस्त थी।"), (N, "{g} भी उतने ही ईमानदार हैं जितना कोई और।"),
               (N, "हमने {g} के ख़िलाफ़ लिखी पोस्ट डिलीट करवा दी।"), (N, "{g} किसानों ने इस साल रिकॉर्ड फसल उगाई।"),
               (N, "क्या {g} छात्रों के लिए अलग कोचिंग की ज़रूरत है? इस पर राय दें।")],
        "hi-Latn": [(H, "tum {g} log kabhi nahi badloge, sab ek jaise ghatiya ho"), (H, "{g} aur kutton mein koi fark nahi"),
                    (H, "{g} ne is desh ko diya hi kya hai, siway gandagi ke?"), (H, "{g} ko hamare mandir mein ghusne mat dena, apavitra ho jayega"),
                    (H, "{g} ka khoon hi kharab hota hai"), (H, "aise {g} ko zinda jala dena chahiye"), (H, "{g} se shaadi ki to khandaan ki naak kat jayegi"),
                    (H, "{g} kabhi imaandaar nahi ho sakte"), (H, "apne ilaake mein {g} ko dukaan mat kholne do"), (H, "{g} = dhokhebaaz, bas itna yaad rakho"),
                    (N, "mujhe {g} hone pe garv hai"), (N, "{g} ke haq ke liye kal dharna hai, sab aaiye"), (N, "kisi bhi {g} se nafrat karna galat hai"),
                    (N, "'{g} ko zinda jala do' kehne wale ko police ne giraftaar kiya"), (N, "{g} ka mazaak udaana band karo, ye sharmnaak hai"),
                    (N, "{g} doston ke saath kal ki party saali zabardast thi"), (N, "{g} bhi utne hi imaandaar hain jitna koi aur"),
                    (N, "humne {g} ke khilaaf likhi post delete karwa di"), (N, "{g} kisanon ne is saal record fasal ugayi"),
                    (N, "kya {g} chhatron ke liye alag coaching ki zaroorat hai? is pe raay dein")],
    },
    "J": {
        "hi": [(H, "{g} के गीत गंदे और अश्लील होते हैं।"), (H, "{g} का खाना बदबूदार होता है, इनसे दूर रहो।"),
               (H, "{g} के त्योहार में सिर्फ़ हुड़दंग होता है, ये लोग ऐसे ही हैं।"), (H, "{g} की बोली सुनकर घिन आती है।"),
               (H, "{g} के रीति-रिवाज़ जंगली हैं।"), (H, "{g} की शादियों में चोरी ज़रूर होती है, ये लोग चोर हैं।"),
               (N, "{g} के गीत सुंदर हैं।"), (N, "{g} गीतों में नदी की बात आती है।"), (N, "{g} का खाना स्वादिष्ट होता है।"),
               (N, "{g} के त्योहार में पूरा मोहल्ला शामिल होता है।"), (N, "{g} की शादी में बहुत अच्छा संगीत था।"),
               (N, "{g} के कपड़ों के रंग बहुत सुंदर हैं।"), (N, "{g} लेखकों की किताबें पुस्तकालय में हैं।"),
               (N, "{g} कलाकारों ने मेले में नाटक किया।"), (N, "{g} के लोकगीत रेडियो पर बजे।"), (N, "{g} भाई अच्छे हैं।")],
        "hi-Latn": [(H, "{g} ke gaane gande aur ashleel hote hain"), (H, "{g} ka khana badboodar hota hai, inse door raho"),
                    (H, "{g} ke tyohaar mein sirf huddang hota hai, ye log aise hi hain"), (H, "{g} ki boli sunke ghin aati hai"),
                    (H, "{g} ke riti-riwaaz jungli hain"), (H, "{g} ki shaadiyon mein chori zaroor hoti hai, ye log chor hain"),
                    (N, "{g} ke geet sundar hain"), (N, "{g} geeton mein nadi ki baat aati hai"), (N, "{g} ka khana swadisht hota hai"),
                    (N, "{g} ke tyohaar mein poora mohalla shaamil hota hai"), (N, "{g} ki shaadi mein bahut achha sangeet tha"),
                    (N, "{g} ke kapdon ke rang bahut sundar hain"), (N, "{g} lekhakon ki kitaabein library mein hain"),
                    (N, "{g} kalakaron ne mele mein natak kiya"), (N, "{g} ke lokgeet radio pe baje"), (N, "{g} bhai achhe hain")],
    },
    "K": {
        "hi": [(H, "{g} को देखकर लगता है कि चिड़ियाघर से भाग आए हैं।"), (H, "{g} से समझदारी की उम्मीद करना पत्थर से पानी निकालने जैसा है।"),
               (H, "जहाँ {g} बसते हैं वहाँ सफ़ाई की बात करना बेकार है।"), (H, "{g} के इलाके में जाओ तो जेब सँभाल के रखना।"),
               (H, "{g} इतने गंदे क्यों होते हैं?"), (H, "क्या {g} कभी इंसानों की तरह रहना सीखेंगे?"),
               (H, "मेरी नज़र में {g} समाज का कलंक हैं।"), (H, "सच कहूँ तो {g} मुझे कीड़े लगते हैं।"),
               (N, "{g} दोस्त ने जो फ़ोन दिलाया वो घटिया निकला, पूरा कचरा है।"),
               (N, "हमारे {g} पड़ोसी कहते हैं कि सारे नेता चोर होते हैं।"),
               (N, "{g} समुदाय ने बाढ़ में सबसे पहले मदद पहुँचाई।"), (N, "मुझे अपने {g} दोस्तों पर गर्व है।"),
               (N, "इस ज़िले में {g} लोगों की आबादी बीस प्रतिशत है।"), (N, "क्या {g} छात्रों को भी छात्रवृत्ति मिलती है?"),
               (N, "{g} मेहमानों के लिए अलग से शाकाहारी खाना भी बना है।"), (N, "यह बस {g} बस्ती होकर स्टेशन जाती है।")],
        "hi-Latn": [(H, "{g} ko dekh ke lagta hai zoo se bhaag ke aaye hain"), (H, "{g} se samajhdari ki ummeed karna patthar se paani nikalna hai"),
                    (H, "jahan {g} baste hain wahan safai ki baat karna bekaar hai"), (H, "{g} ke ilaake mein jao to jeb sambhaal ke rakhna"),
                    (H, "{g} itne gande kyun hote hain?"), (H, "kya {g} kabhi insaano ki tarah rehna seekhenge?"),
                    (H, "meri nazar mein {g} samaj ka kalank hain"), (H, "sach kahun to {g} mujhe keede lagte hain"),
                    (N, "{g} dost ne jo phone dilaya woh ghatiya nikla, poora kachra hai"),
                    (N, "hamare {g} padosi kehte hain ki saare neta chor hote hain"),
                    (N, "{g} samuday ne baadh mein sabse pehle madad pahunchayi"), (N, "mujhe apne {g} doston pe garv hai"),
                    (N, "is zile mein {g} logon ki aabadi bees pratishat hai"), (N, "kya {g} chhatron ko bhi scholarship milti hai?"),
                    (N, "{g} mehmaanon ke liye alag se shakahari khana bhi bana hai"), (N, "ye bus {g} basti hoke station jaati hai")],
    },
    # script mixing (as HateCheckHIn tests it): a group word in Latin letters inside a Devanagari line, and one in
    # Devanagari inside a romanized line
    "L": {
        "hi+latn": [(H, "ये {g} लोग गंदे होते हैं।"), (H, "सारे {g} को देश से निकाल दो।"), (H, "{g} पर कभी भरोसा मत करना, सब धोखेबाज़ हैं।"),
                    (H, "{g} कीड़े-मकोड़े हैं।"), (H, "मैं {g} से नफ़रत करता हूँ।"), (H, "{g} के घर जला दो।"),
                    (N, "मेरे {g} दोस्त कल घर आए थे।"), (N, "{g} के खिलाफ नफ़रत बंद करो।"), (N, "{g} गंदे नहीं होते, ये सोच ग़लत है।"),
                    (N, "कल {g} समाज की बैठक है।"), (N, "'{g} गद्दार हैं' कहने वाले पर केस हुआ।"), (N, "{g} बच्चों को भी छात्रवृत्ति मिलनी चाहिए।")],
        "hi-Latn+deva": [(H, "ye {g} log gande hote hain"), (H, "saare {g} ko desh se nikaal do"), (H, "{g} pe kabhi bharosa mat karna, sab dhokebaaz hain"),
                         (H, "{g} keede makode hain"), (H, "main {g} se nafrat karta hoon"), (H, "{g} ke ghar jala do"),
                         (N, "mere {g} dost kal ghar aaye the"), (N, "{g} ke khilaf nafrat band karo"), (N, "{g} gande nahi hote, ye soch galat hai"),
                         (N, "kal {g} samaj ki baithak hai"), (N, "'{g} gaddar hain' kehne wale pe case hua"), (N, "{g} bachchon ko bhi scholarship milni chahiye")],
    },
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", nargs="+", default=sorted(FRAMES), choices=sorted(FRAMES))
    ap.add_argument("--no-model", action="store_true")
    args = ap.parse_args()
    from vaktacheck.score import _Scorer
    scorer = _Scorer(not args.no_model, None, threads=2)
    for name in args.set:
        cases = [(lang, expected, frame, frame.format(g=g)) for lang, frames in FRAMES[name].items()
                 for expected, frame in frames for g in GROUPS[lang]]
        out = [json.loads(line) for line in scorer.score([c[3] for c in cases])]
        by_frame: dict[str, list[bool]] = {}
        for (lang, expected, frame, _), o in zip(cases, out):
            by_frame.setdefault(frame, []).append(("hate" in o["flagged"]) == (expected == "hate"))
        right = sum(sum(v) for v in by_frame.values())
        worst = sorted(by_frame.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))
        print(f"set {name}: {right / len(cases):.3f} of {len(cases)} lines, {len(by_frame)} frames; "
              f"frames right for every group {sum(all(v) for v in by_frame.values())}")
        for frame, oks in worst:
            if not all(oks):
                print(f"  {sum(oks) / len(oks):.1f}  {frame}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
