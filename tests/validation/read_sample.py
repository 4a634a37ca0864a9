"""Draw the samples of a built corpus that are judged by reading (the closing notes of the
validation issues): random relation triples with an evidence sentence each, the most mentioned
entities and random entities with their type, names and two sentences that mention them.

usage: python tests/validation/read_sample.py EXPORT.nq OUT_DIR [--seed N] [--n 100]

EXPORT.nq is `kg export --format nquads` of the build. Each sample is a TSV with an empty
`judgement` column for the reader: `ok` or `wrong: why`; `summarise` counts them."""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

NKG = "http://localhost:8000/ontology#"
TYPES = {"Person": "PERSON", "Organization": "ORG", "Place": "PLACE", "Event": "EVENT", "Group": "GROUP"}

RELATIONS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nkg: <NKG>
SELECT ?s ?sl ?p ?o ?ol ?text ?method WHERE {
  GRAPH ?g { ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; nkg:sentence ?sent ;
             nkg:method ?method . ?sent nkg:text ?text . }
  ?s rdfs:label ?sl . OPTIONAL { ?o rdfs:label ?ol }
}""".replace("NKG", NKG)

ENTITIES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nkg: <NKG>
SELECT ?e ?label ?type ?n WHERE { ?e rdfs:label ?label ; a ?type ; nkg:mentionCount ?n . }""".replace("NKG", NKG)

MENTIONS = """
PREFIX nkg: <NKG>
SELECT ?e ?mtext ?text WHERE { GRAPH ?g { ?m nkg:refersTo ?e ; nkg:text ?mtext ; nkg:sentence ?s . ?s nkg:text ?text } }
""".replace("NKG", NKG)


def load(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def rows(store: ox.Store, query: str):
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for solution in result:
        yield {name: (solution[name].value if solution[name] is not None else "") for name in names}


def draw(export: Path, out: Path, seed: int, n: int) -> None:
    store = load(export)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    triples: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows(store, RELATIONS):
        predicate = r["p"].rsplit("#", 1)[-1]
        if predicate != "coMentionedWith":
            triples[(r["s"], predicate, r["o"])].append(r)
    keys = sorted(triples)
    sample = rng.sample(keys, min(n, len(keys)))
    with open(out / "relations.tsv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["subject", "predicate", "object", "method", "evidence", "judgement"])
        for key in sample:
            r = rng.choice(triples[key])
            w.writerow([r["sl"], key[1], r["ol"] or r["o"], r["method"], " ".join(r["text"].split()), ""])
    entities = {}
    for r in rows(store, ENTITIES):
        kind = TYPES.get(r["type"].rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        if kind:
            entities[r["e"]] = (r["label"], kind, int(r["n"]))
    contexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows(store, MENTIONS):
        contexts[r["e"]].append((r["mtext"], " ".join(r["text"].split())))
    ranked = sorted(entities, key=lambda e: (-entities[e][2], e))
    random_pick = rng.sample(sorted(entities), min(n, len(entities)))
    for name, chosen in (("entities_top.tsv", ranked[:n]), ("entities_random.tsv", random_pick)):
        with open(out / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter="\t")
            w.writerow(["label", "type", "mentions", "forms", "context 1", "context 2", "judgement"])
            for e in chosen:
                label, kind, count = entities[e]
                seen = contexts.get(e, [])
                picks = rng.sample(seen, min(2, len(seen)))
                forms = sorted({m for m, _ in seen})[:6]
                w.writerow([label, kind, count, " | ".join(forms), *[t for _, t in picks], *[""] * (2 - len(picks)), ""])
    print(f"wrote {out}/relations.tsv, entities_top.tsv, entities_random.tsv")


def summarise(folder: Path) -> None:
    for name in ("relations.tsv", "entities_top.tsv", "entities_random.tsv"):
        path = folder / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            judged = [row for row in csv.DictReader(f, delimiter="\t") if row["judgement"]]
        ok = sum(row["judgement"].strip().lower().startswith("ok") for row in judged)
        line = f"{name}: {ok}/{len(judged)} right ({ok / max(1, len(judged)):.0%})"
        if name == "relations.tsv":
            by = defaultdict(lambda: [0, 0])
            for row in judged:
                by[row["predicate"]][1] += 1
                by[row["predicate"]][0] += row["judgement"].strip().lower().startswith("ok")
            line += "; " + ", ".join(f"{p} {a}/{b}" for p, (a, b) in sorted(by.items()))
        print(line)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="kg export --format nquads of the build, or with --summarise the folder")
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--summarise", action="store_true", help="count the judgements of a folder of samples")
    args = parser.parse_args()
    if args.summarise:
        summarise(args.export)
    elif args.out is None:
        sys.exit("an output folder is needed")
    else:
        draw(args.export, args.out, args.seed, args.n)
