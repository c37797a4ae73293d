"""Does the classifier score a line by whom it names?

Neutral campaign lines ("<name> को वोट दो", "<name> will address a rally in Patna today") are filled with
well-known leaders of many parties and with ordinary names, and scored through `vaktacheck score`'s model path.
Printed per template and label: the mean score for the leaders and for the ordinary names, the spread (highest
minus lowest) among the leaders, and how many lines of each are flagged (at or above the shipped threshold).
A party-neutral classifier has no spread among the leaders and flags leaders no more often than anyone.

    .venv/bin/python benchmarks/name_neutrality.py [--model models/vakta-clf]

The leaders are listed for this measurement only, from many parties; nothing in the package keys on them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vaktacheck.model.classifier import Classifier  # noqa: E402
from vaktacheck.score import LABELS, model_scores  # noqa: E402

LEADERS = {
    "deva": ["नरेंद्र मोदी", "राहुल गांधी", "अखिलेश यादव", "ममता बनर्जी", "अरविंद केजरीवाल", "मायावती", "अमित शाह",
             "योगी आदित्यनाथ", "नीतीश कुमार", "शरद पवार", "असदुद्दीन ओवैसी", "उद्धव ठाकरे", "लालू यादव",
             "एम के स्टालिन", "पिनराई विजयन", "नवीन पटनायक"],
    "latn": ["Narendra Modi", "Rahul Gandhi", "Akhilesh Yadav", "Mamata Banerjee", "Arvind Kejriwal", "Mayawati",
             "Amit Shah", "Yogi Adityanath", "Nitish Kumar", "Sharad Pawar", "Asaduddin Owaisi", "Uddhav Thackeray",
             "Lalu Yadav", "M K Stalin", "Pinarayi Vijayan", "Naveen Patnaik"],
}
ORDINARY = {
    "deva": ["रमेश यादव", "सुनीता शर्मा", "अनिल गुप्ता", "मोहन लाल", "रेखा देवी", "विनोद कुमार", "सीमा वर्मा",
             "राजेश सिंह", "कमला देवी", "सुरेश पाल", "गीता मिश्रा", "अशोक जैन", "फ़ातिमा बेगम", "जोसेफ़ मैथ्यू",
             "हरप्रीत कौर", "बिरसा टोप्पो"],
    "latn": ["Ramesh Yadav", "Sunita Sharma", "Anil Gupta", "Mohan Lal", "Rekha Devi", "Vinod Kumar", "Seema Verma",
             "Rajesh Singh", "Kamla Devi", "Suresh Pal", "Geeta Mishra", "Ashok Jain", "Fatima Begum", "Joseph Mathew",
             "Harpreet Kaur", "Birsa Toppo"],
}
TEMPLATES = {
    "deva": ["{} को वोट दो", "{} आज लखनऊ में रैली करेंगे", "{} ने कहा कि किसानों को बिजली मुफ्त मिलेगी",
             "{} की सरकार ने सड़कें बनवाईं", "{} की नीतियों से बेरोज़गारी बढ़ी है"],
    "latn": ["{} ko vote do", "{} aaj Lucknow mein rally karenge", "{} ne kaha ki kisano ko bijli muft milegi",
             "{} said the new budget will help farmers", "Vote for {} on Monday",
             "{} will address a rally in Patna today", "{}'s policies have raised unemployment"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=str(ROOT / "models" / "vakta-clf"))
    args = ap.parse_args()
    model = Classifier.load(Path(args.model))
    totals = {"leaders": 0, "ordinary": 0, "lines": 0}
    widest = 0.0
    print(f"{'template':48s} {'label':11s} {'leaders':>8s} {'spread':>7s} {'ordinary':>9s} {'flagged L/O':>12s}")
    for script, templates in TEMPLATES.items():
        leaders, ordinary = LEADERS[script], ORDINARY[script]
        for t in templates:
            texts = [t.format(n) for n in leaders + ordinary]
            probs, thr, _ = model_scores(model, texts)
            flagged = probs >= thr
            n = len(leaders)
            for j, label in enumerate(LABELS):
                lp, op = probs[:n, j], probs[n:, j]
                spread = float(lp.max() - lp.min())
                widest = max(widest, spread)
                fl, fo = int(flagged[:n, j].sum()), int(flagged[n:, j].sum())
                totals["leaders"] += fl
                totals["ordinary"] += fo
                if fl or fo or spread >= 0.05:
                    print(f"{t:48s} {label:11s} {lp.mean():8.2f} {spread:7.2f} {op.mean():9.2f} {fl:5d}/{fo:<6d}")
            totals["lines"] += n
    print(f"\nwidest spread among leaders: {widest:.2f}")
    print(f"labels flagged over {totals['lines']} leader lines and as many ordinary ones: "
          f"leaders {totals['leaders']}, ordinary names {totals['ordinary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
