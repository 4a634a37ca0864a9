"""Choose the validation corpus from the Wikinews articles and split it into tune and report.

Run once, before any annotation or tuning (`python tests/validation/select.py`); it writes
tune/articles.jsonl and report/articles.jsonl. The seed, the quotas and the split are fixed
here so that anyone can check the choice was random: the same inputs give the same files.

categories.tsv gives each of the 291 articles one category, read off its title (and its first
paragraph where the title left it open) before any article was chosen.
"""
from __future__ import annotations

import csv
import gzip
import json
import random
from pathlib import Path

SEED = 20261205
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news" / "wikinews_en_2019_2020" / \
    "wikinews_en_2019_2020.jsonl.gz"
# Longer articles (the monthly campaign diaries, most interviews) would take a day each to annotate.
MAX_CHARACTERS = 6000
# Articles per category: every kind of news the issue names, conflict and interviews oversampled
# (the project follows conflicts; interviews state roles in answers, where recall is lowest).
QUOTAS = {"politics": 16, "conflict": 8, "disaster": 7, "interview": 6, "business": 5, "science": 5,
          "crime": 5, "sport": 4, "health": 4, "obituary": 4, "society": 3}
TUNE_SHARE = 2 / 3


def main() -> None:
    here = Path(__file__).parent
    with open(here / "categories.tsv", encoding="utf-8") as f:
        categories = {row["id"]: row["category"] for row in csv.DictReader(f, delimiter="\t")}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    rng = random.Random(SEED)
    parts: dict[str, list[dict]] = {"tune": [], "report": []}
    for category, quota in QUOTAS.items():
        pool = [a for a in articles if categories[a["id"]] == category and len(a["text"]) <= MAX_CHARACTERS]
        chosen = rng.sample(pool, quota)
        cut = round(quota * TUNE_SHARE)
        parts["tune"] += chosen[:cut]
        parts["report"] += chosen[cut:]
    for part, chosen in parts.items():
        (here / part).mkdir(exist_ok=True)
        with open(here / part / "articles.jsonl", "w", encoding="utf-8") as f:
            for a in sorted(chosen, key=lambda a: a["date"] + a["id"]):
                f.write(json.dumps({**a, "category": categories[a["id"]]}, ensure_ascii=False) + "\n")
        print(part, len(chosen))


if __name__ == "__main__":
    main()
