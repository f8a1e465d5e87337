"""The plain script a researcher writes first, the baseline `bench_score.py --versus-plain` times.

Split each article into sentences, call VADER's `polarity_scores` and
`TextBlob(s).sentiment` per sentence, average per article, write a CSV:

    python benchmarks/plain_sentiment.py ARTICLES.jsonl OUT.csv
"""

import csv
import json
import re
import sys

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()
with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["id", "vader", "textblob", "subjectivity"])
    for line in source:
        article = json.loads(line)
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", article["text"] or "") if s.strip()] or [""]
        vader = [analyzer.polarity_scores(s)["compound"] for s in sentences]
        blobs = [TextBlob(s).sentiment for s in sentences]
        writer.writerow(
            [
                article["id"],
                sum(vader) / len(vader),
                sum(b.polarity for b in blobs) / len(blobs),
                sum(b.subjectivity for b in blobs) / len(blobs),
            ]
        )
