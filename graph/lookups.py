"""Lookups over a store version: name search, one entity's facts, neighborhoods.

The search and neighbor indexes are built once per store version (the API caches them)
from the registry and the graph view; entity details are SPARQL queries.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .export.view import GraphView, load as load_view
from .names import edit_distance, fold, normal
from .store import Store
from .vocab import TYPE_OF_CLASS


@dataclass
class _Entry:
    id: str
    iri: str
    label: str
    type: str
    aliases: list[str]
    mentions: int
    keys: list[str]  # folded names


class SearchIndex:
    """Case- and accent-insensitive search over labels and aliases: exact, prefix, word
    prefix, substring, then spelling-tolerant matches; ties go to the most mentioned."""

    def __init__(self, entries: list[_Entry]):
        self.entries = entries

    @classmethod
    def from_store(cls, store: Store) -> "SearchIndex":
        view = load_view(store)
        return cls([_Entry(n.id, n.iri, n.label, n.type, n.aliases, n.mentions,
                           [_key(n.label), *(_key(a) for a in n.aliases)]) for n in view.nodes.values()])

    def search(self, q: str, types: set[str] | None = None, limit: int = 20, offset: int = 0) -> dict:
        key = _key(q)
        scored = []
        for e in self.entries:
            if types and e.type not in types:
                continue
            score = _score(key, e.keys) if key else 1
            if score:
                scored.append((score, e.mentions, e))
        scored.sort(key=lambda x: (-x[0], -x[1], x[2].label))
        page = scored[offset:offset + limit]
        return {"total": len(scored),
                "results": [{"id": e.id, "iri": e.iri, "label": e.label, "type": e.type, "aliases": e.aliases,
                             "mentions": e.mentions, "score": s} for s, _, e in page]}


def _key(text: str) -> str:
    return normal(text)


def _score(q: str, keys: list[str]) -> int:
    best = 0
    for k in keys:
        if k == q:
            return 100
        if k.startswith(q):
            best = max(best, 80)
        elif any(w.startswith(q) for w in k.split()):
            best = max(best, 60)
        elif q in k:
            best = max(best, 40)
        elif len(q) >= 4:
            words = k.split()
            qwords = q.split()
            if len(qwords) == len(words) and all(edit_distance(a, b, 2) <= (1 if len(b) < 7 else 2)
                                                 for a, b in zip(qwords, words)):
                best = max(best, 30)
            elif len(qwords) == 1 and any(edit_distance(q, w, 2) <= (1 if len(w) < 7 else 2) for w in words):
                best = max(best, 20)
    return best


def entity_detail(store: Store, entity_id: str) -> dict | None:
    v = store.vocab
    iri = v.entity(entity_id)
    rows = store.select(f"""SELECT ?class ?label ?m ?d (GROUP_CONCAT(?alt; separator="\\u001f") AS ?alts) WHERE {{
        GRAPH <{v.registry}> {{ <{iri}> a ?class ; rdfs:label ?label ; nkg:mentionCount ?m ; nkg:documentCount ?d
        OPTIONAL {{ <{iri}> skos:altLabel ?alt }} }} }} GROUP BY ?class ?label ?m ?d""", union=False)
    if not rows:
        return None
    r = rows[0]
    relations = []
    for s in store.select(f"""SELECT ?st ?s ?p ?o ?sentence ?article ?method ?confidence ?start ?end WHERE {{
            GRAPH ?article {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              nkg:sentence ?sent ; nkg:method ?method ; nkg:confidence ?confidence ; nkg:start ?start ; nkg:end ?end .
              ?sent nkg:text ?sentence .
              FILTER(?s = <{iri}> || ?o = <{iri}>) }} }} ORDER BY ?p ?article ?start""", union=False):
        relations.append(s)
    labels = _labels(store, {x["s"] for x in relations} | {x["o"] for x in relations if x["o"].startswith(v.base)})
    grouped: dict[tuple, dict] = {}
    for s in relations:
        out = s["s"] == iri
        other = s["o"] if out else s["s"]
        pred = s["p"].rsplit("#", 1)[-1]
        is_entity = other.startswith(v.base + "entity/")
        key = (pred, "out" if out else "in", other)
        rel = grouped.setdefault(key, {
            "predicate": pred, "direction": "out" if out else "in",
            **({"entity": {"id": v.slug_of(other), "iri": other, "label": labels.get(other, other)}}
               if is_entity else {"value": other}),
            "evidence": []})
        rel["evidence"].append({"article": s["article"], "document": v.document_id_of(s["article"]),
                                "sentence": s["sentence"], "start": s["start"], "end": s["end"],
                                "method": s["method"], "confidence": s["confidence"]})
    documents = store.select(f"""SELECT ?article ?id ?title (COUNT(?m) AS ?mentions) WHERE {{
        GRAPH ?article {{ ?m nkg:refersTo <{iri}> . ?article dcterms:identifier ?id OPTIONAL {{ ?article dcterms:title ?title }} }} }}
        GROUP BY ?article ?id ?title ORDER BY DESC(?mentions) ?id""", union=False)
    return {
        "id": entity_id, "iri": iri, "label": r["label"], "type": TYPE_OF_CLASS.get(r["class"].rsplit("#", 1)[-1]),
        "aliases": sorted(a for a in r.get("alts", "").split("\u001f") if a),
        "mentions": r["m"], "documents": r["d"],
        "relations": list(grouped.values()),
        "articles": [{"iri": d["article"], "id": d["id"], "title": d.get("title"), "mentions": d["mentions"]}
                     for d in documents],
    }


def _labels(store: Store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    rows = store.select(f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} GRAPH <{store.vocab.registry}> "
                        "{ ?e rdfs:label ?l } }", union=False)
    return {r["e"]: r["l"] for r in rows}


class NeighborIndex:
    """Adjacency of the graph view, for neighborhood walks."""

    def __init__(self, view: GraphView):
        self.nodes = view.nodes
        self.out: dict[str, list] = {}
        self.inc: dict[str, list] = {}
        for e in view.edges:
            self.out.setdefault(e.source, []).append(e)
            self.inc.setdefault(e.target, []).append(e)

    @classmethod
    def from_store(cls, store: Store) -> "NeighborIndex":
        return cls(load_view(store))

    def edges_of(self, node: str, direction: str):
        if direction in ("out", "both"):
            for e in self.out.get(node, ()):
                yield e, e.target
        if direction in ("in", "both"):
            for e in self.inc.get(node, ()):
                yield e, e.source
        if direction != "both":
            # co-mentions have no direction: they count for "out" and "in" alike
            other = self.inc if direction == "out" else self.out
            for e in other.get(node, ()):
                if e.kind == "comention":
                    yield e, (e.source if e.target == node else e.target)

    def neighbors(self, start: str, depth: int = 1, direction: str = "both", predicates: set[str] | None = None,
                  types: set[str] | None = None, limit: int = 100, min_weight: int = 1) -> dict:
        seen = {start: 0}
        edges, queue = [], deque([start])
        edge_ids = set()
        while queue:
            node = queue.popleft()
            if seen[node] >= depth:
                continue
            for e, other in sorted(self.edges_of(node, direction), key=lambda x: (-x[0].weight, x[1])):
                preds = [p for p in e.predicates if predicates is None or p in predicates]
                if not preds or e.weight < min_weight:
                    continue
                if types and self.nodes[other].type not in types:
                    continue
                if other not in seen:
                    if len(seen) > limit:
                        continue
                    seen[other] = seen[node] + 1
                    queue.append(other)
                key = (e.source, e.target, e.kind)
                if key not in edge_ids:
                    edge_ids.add(key)
                    edges.append({"source": e.source, "target": e.target, "kind": e.kind, "predicates": preds,
                                  "directed": e.directed, "weight": e.weight, "evidence": e.evidence,
                                  "articles": e.articles})
        nodes = [{"id": n, "iri": self.nodes[n].iri, "label": self.nodes[n].label, "type": self.nodes[n].type,
                  "mentions": self.nodes[n].mentions, "depth": d} for n, d in seen.items()]
        kept = {n["id"] for n in nodes}
        return {"root": start, "nodes": nodes,
                "edges": [e for e in edges if e["source"] in kept and e["target"] in kept]}


__all__ = ["SearchIndex", "NeighborIndex", "entity_detail", "fold"]
