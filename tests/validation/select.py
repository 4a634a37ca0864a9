"""Choose the validation corpus from the Wikinews articles and split it into tune and report.

Run once per round, before that round's annotation (`python tests/validation/select.py`); it
writes tune/articles.jsonl and report/articles.jsonl. The seeds, the quotas and the split are
fixed here so that anyone can check the choice was random: the same inputs give the same files.

Round 1 (2026-12-05) chose 67 articles before any tuning. Round 2 (2026-12-07) chose 15 more
among the articles round 1 left, conflict and politics oversampled (the project follows
conflicts, and the relations found least are theirs), so that the tune part shows forms the
rules were not written from and the report part has more text never tuned on; each article was
annotated before newskg was run on it. Earlier rounds' choices never change.

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
ROUND_2_SEED = 20261207
ROUND_2_QUOTAS = {"politics": 5, "conflict": 4, "interview": 1, "disaster": 1, "crime": 1, "business": 1,
                  "science": 1, "obituary": 1}


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
    _round_2(articles, categories, parts)
    for part, chosen in parts.items():
        (here / part).mkdir(exist_ok=True)
        with open(here / part / "articles.jsonl", "w", encoding="utf-8") as f:
            for a in sorted(chosen, key=lambda a: a["date"] + a["id"]):
                f.write(json.dumps({**a, "category": categories[a["id"]]}, ensure_ascii=False) + "\n")
        print(part, len(chosen))


def _round_2(articles: list[dict], categories: dict[str, str], parts: dict[str, list[dict]]) -> None:
    """Adds round 2's articles to `parts`: a category's quota of two or more is cut as round 1's;
    the categories of one article each are pooled, shuffled and cut the same way."""
    taken = {a["id"] for chosen in parts.values() for a in chosen}
    rng = random.Random(ROUND_2_SEED)
    singles = []
    for category, quota in ROUND_2_QUOTAS.items():
        pool = [a for a in articles
                if categories[a["id"]] == category and len(a["text"]) <= MAX_CHARACTERS and a["id"] not in taken]
        chosen = rng.sample(pool, quota)
        if quota == 1:
            singles += chosen
            continue
        cut = round(quota * TUNE_SHARE)
        parts["tune"] += chosen[:cut]
        parts["report"] += chosen[cut:]
    rng.shuffle(singles)
    cut = round(len(singles) * TUNE_SHARE)
    parts["tune"] += singles[:cut]
    parts["report"] += singles[cut:]


if __name__ == "__main__":
    main()
