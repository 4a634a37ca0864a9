"""Merge the two annotated parts (parts/people.*, parts/institutions.*) into the gold that
`kg evaluate --coref` and ../shared/eval/score_coref.py read: entities.json and mentions.jsonl.

usage: python tests/validation/coref/merge.py [CORPUS.jsonl[.gz]]
       (default: ../shared/data/news/wikinews_en_2019_2020/wikinews_en_2019_2020.jsonl.gz)

The parts were annotated separately and overlap on a few entities (the same ids). The merge
applies one convention wherever they differ (README.md, "Conventions"), checks that every
mention's form is the corpus text at its offsets and that no two mentions overlap, and
writes the files in a stable order, so running it again gives the same bytes.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT_CORPUS = HERE.parents[2] / ".." / "shared" / "data" / "news" / "wikinews_en_2019_2020" / \
    "wikinews_en_2019_2020.jsonl.gz"
PARTS = ("people", "institutions")

# A party's adjective and its members' noun name a GROUP (tests/validation/ANNOTATION.md), not the
# party: these forms are not mentions of the party ORG. Short names of a party that are nouns
# naming the party itself ("Labour", "Labor", "Liberal National", "Greens") and "GOP" stay.
PARTY_GROUP_FORMS = {"Democratic", "Democrat", "Democrats", "Republican", "Republicans", "Libertarian",
                     "Libertarians", "Conservative", "Conservatives", "Liberal", "Liberals"}
PARTY_ENTITIES = {"us_democratic_party", "us_republican_party", "us_libertarian_party", "uk_conservative_party",
                  "liberal_party_of_australia", "liberal_party_of_canada"}

# Where the parts' entity descriptions differ, the merged one (the same real-world thing).
WHY = {
    "united_states": "acronym/variant: US / U.S. / USA / United States / United States of America / America",
    "victoria_park_hk": "other meaning of 'Victoria' and of 'Park'",
    "us_park_police": "police force (country prefix inside the name); other meaning of 'Park'",
}


def read_corpus(path: Path) -> dict[str, str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return {d["id"]: d["text"] for d in map(json.loads, f)}


def merge(corpus: dict[str, str]) -> tuple[list[dict], list[dict], list[str]]:
    entities: dict[str, dict] = {}
    mentions: list[dict] = []
    for part in PARTS:
        for e in json.loads((HERE / "parts" / f"{part}.entities.json").read_text(encoding="utf-8")):
            known = entities.get(e["id"])
            if known and (known["type"], known["label"].split(" (")[0]) != (e["type"], e["label"].split(" (")[0]):
                raise SystemExit(f"entity {e['id']}: the parts disagree on what it is: {known} / {e}")
            if not known or len(e["label"]) > len(known["label"]):  # the qualified label
                entities[e["id"]] = {**e, "why": (known or e)["why"]}
        with open(HERE / "parts" / f"{part}.mentions.jsonl", encoding="utf-8") as f:
            mentions += [{**json.loads(line), "part": part} for line in f if line.strip()]
    for eid, why in WHY.items():
        entities[eid]["why"] = why
    notes = []
    dropped = Counter()
    kept = []
    for m in mentions:
        if m["entity"] in PARTY_ENTITIES and m["form"] in PARTY_GROUP_FORMS:
            dropped[m["form"]] += 1
            continue
        kept.append(m)
    notes.append("dropped party adjectives and members' nouns (GROUPs): "
                 + ", ".join(f"{f} {n}" for f, n in sorted(dropped.items())))
    kept = _reconcile(kept, notes)
    for m in kept:
        text = corpus.get(m["doc"])
        if text is None:
            raise SystemExit(f"{m['doc']}: not in the corpus")
        if text[m["start"]:m["end"]] != m["form"]:
            raise SystemExit(f"{m['doc']} {m['start']}-{m['end']}: the text says "
                             f"{text[m['start']:m['end']]!r}, not {m['form']!r}")
        if m["entity"] not in entities:
            raise SystemExit(f"{m['doc']} {m['start']}: unknown entity {m['entity']}")
    kept.sort(key=lambda m: (m["doc"], m["start"], m["end"]))
    for a, b in zip(kept, kept[1:]):
        if a["doc"] == b["doc"] and b["start"] < a["end"]:
            raise SystemExit(f"{a['doc']}: mentions overlap: {a} / {b}")
    used = {m["entity"] for m in kept}
    unused = sorted(set(entities) - used)
    if unused:
        raise SystemExit(f"entities without a mention: {unused}")
    out_entities = [{k: e[k] for k in ("id", "label", "type", "why")} for e in entities.values()]
    out_mentions = [{k: m[k] for k in ("doc", "start", "end", "form", "entity", "type")} for m in kept]
    return out_entities, out_mentions, notes


def _reconcile(mentions: list[dict], notes: list[str]) -> list[dict]:
    """One mention per span: identical ones once; overlapping ones by the conventions."""
    by_doc: dict[str, list[dict]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc"], []).append(m)
    out = []
    for doc, ms in by_doc.items():
        ms.sort(key=lambda m: (m["start"], -m["end"]))
        for m in ms:
            prev = out[-1] if out and out[-1]["doc"] == doc else None
            if prev is None or m["start"] >= prev["end"]:
                out.append(m)
                continue
            if (prev["start"], prev["end"], prev["entity"]) == (m["start"], m["end"], m["entity"]):
                continue  # both parts annotated it alike
            if prev["entity"] == m["entity"]:
                # one thing, two spans ("US Park Police" / "Park Police"): the longer span
                longer = max((prev, m), key=lambda x: x["end"] - x["start"])
                notes.append(f"{doc} {m['start']}: kept the longer span {longer['form']!r} of {m['entity']}")
                out[-1] = longer
                continue
            # the same span read as two things: a place's name is the place, also where it stands for
            # the government seated there ("calls on Washington to remain neutral")
            place = [x for x in (prev, m) if x["type"] == "PLACE" and x["entity"] != "united_states"]
            if len(place) != 1 or (prev["start"], prev["end"]) != (m["start"], m["end"]):
                raise SystemExit(f"{doc}: the parts disagree and no convention decides: {prev} / {m}")
            notes.append(f"{doc} {m['start']}: {m['form']!r} is {place[0]['entity']} (the named place), not "
                         f"{[x for x in (prev, m) if x is not place[0]][0]['entity']}")
            out[-1] = place[0]
    return out


def main() -> None:
    corpus = read_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
    entities, mentions, notes = merge(corpus)
    (HERE / "entities.json").write_text(json.dumps(entities, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(HERE / "mentions.jsonl", "w", encoding="utf-8") as f:
        for m in mentions:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    for n in notes:
        print(n)
    print(f"{len(entities)} entities, {len(mentions)} mentions in {len({m['doc'] for m in mentions})} articles")


if __name__ == "__main__":
    main()
