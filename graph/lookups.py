"""Lookups over a store version: name search, one entity's facts and the evidence of its
relations, neighbourhoods, relation paths, articles.

The search and neighbor indexes are built once per store version (the API caches them)
from the registry and the graph view; entity and article details are SPARQL queries.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .export.view import EdgeView, GraphView, load as load_view
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


def _close(a: str, b: str) -> bool:
    """A spelling slip: one edit in a short word, two in a long one."""
    return edit_distance(a, b, 2) <= (1 if len(b) < 7 else 2)


def _score(q: str, keys: list[str]) -> int:
    best = 0
    qwords = q.split()
    for k in keys:
        if k == q:
            return 100
        words = k.split()
        if k.startswith(q):
            best = max(best, 80)
        elif any(w.startswith(q) for w in words):
            best = max(best, 60)
        elif len(qwords) > 1 and all(any(w.startswith(x) for w in words) for x in qwords):
            best = max(best, 50)  # every word, in any order: "darwish karim"
        elif q in k:
            best = max(best, 40)
        elif len(q) >= 4:
            if len(qwords) == len(words) and all(_close(a, b) for a, b in zip(qwords, words)):
                best = max(best, 30)
            elif len(qwords) > 1 and all(any(_close(x, w) or w.startswith(x) for w in words) for x in qwords):
                best = max(best, 25)
            elif len(qwords) == 1 and any(_close(q, w) for w in words):
                best = max(best, 20)
    return best


def merged_into(store: Store, entity_id: str) -> str | None:
    """The id of the entity a retired one was merged into (owl:sameAs in the registry), if any."""
    v = store.vocab
    rows = store.select(f"SELECT ?new WHERE {{ GRAPH <{v.registry}> {{ <{v.entity(entity_id)}> owl:sameAs ?new }} }}",
                        union=False)
    return v.slug_of(rows[0]["new"]) if rows else None


def forms(store: Store, entity_id: str) -> list[dict]:
    """Each name the entity is mentioned by, with the articles that use it (most mentions first)."""
    v = store.vocab
    rows = store.select(f"""SELECT ?text ?id ?title (COUNT(?m) AS ?n) WHERE {{ GRAPH ?article {{
        ?m nkg:refersTo <{v.entity(entity_id)}> ; nkg:text ?text . ?article dcterms:identifier ?id
        OPTIONAL {{ ?article dcterms:title ?title }} }} }} GROUP BY ?text ?id ?title""", union=False)
    out: dict[str, dict] = {}
    for r in rows:
        f = out.setdefault(r["text"], {"form": r["text"], "mentions": 0, "articles": []})
        f["mentions"] += r["n"]
        f["articles"].append({"id": r["id"], "iri": v.document(r["id"]), "title": r.get("title"), "mentions": r["n"]})
    for f in out.values():
        f["articles"].sort(key=lambda a: (-a["mentions"], a["id"]))
    return sorted(out.values(), key=lambda f: (-f["mentions"], f["form"]))


def entity_detail(store: Store, entity_id: str) -> dict | None:
    v = store.vocab
    iri = v.entity(entity_id)
    rows = store.select(f"""SELECT ?class ?label ?m ?d (GROUP_CONCAT(?alt; separator="\\u001f") AS ?alts) WHERE {{
        GRAPH <{v.registry}> {{ <{iri}> a ?class ; rdfs:label ?label ; nkg:mentionCount ?m ; nkg:documentCount ?d
        OPTIONAL {{ <{iri}> skos:altLabel ?alt }} }} }} GROUP BY ?class ?label ?m ?d""", union=False)
    if not rows:
        return None
    r = rows[0]
    documents = store.select(f"""SELECT ?article ?id ?title ?date (COUNT(?m) AS ?mentions) WHERE {{
        GRAPH ?article {{ ?m nkg:refersTo <{iri}> . ?article dcterms:identifier ?id
          OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article dcterms:date ?date }} }} }}
        GROUP BY ?article ?id ?title ?date ORDER BY DESC(?mentions) ?id""", union=False)
    return {
        "id": entity_id, "iri": iri, "label": r["label"], "type": TYPE_OF_CLASS.get(r["class"].rsplit("#", 1)[-1]),
        "aliases": sorted(a for a in r.get("alts", "").split("\u001f") if a),
        "mentions": r["m"], "documents": r["d"],
        "relations": relations(store, entity_id),
        "articles": [{"iri": d["article"], "id": d["id"], "title": d.get("title"), "date": _text(d.get("date")),
                      "mentions": d["mentions"]} for d in documents],
        "forms": forms(store, entity_id),
    }


def relations(store: Store, entity_id: str, predicates: set[str] | None = None,
              direction: str = "both") -> list[dict]:
    """The entity's relations, one per (predicate, direction, other end), each with the
    statements behind it: article, sentence, offsets, method, confidence."""
    v = store.vocab
    iri = v.entity(entity_id)
    ends = {"out": f"?s = <{iri}>", "in": f"?o = <{iri}>"}.get(direction, f"?s = <{iri}> || ?o = <{iri}>")
    rows = store.select(f"""SELECT ?st ?s ?p ?o ?sentence ?article ?title ?method ?confidence ?start ?end WHERE {{
            GRAPH ?article {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              nkg:sentence ?sent ; nkg:method ?method ; nkg:confidence ?confidence ; nkg:start ?start ; nkg:end ?end .
              ?sent nkg:text ?sentence .
              OPTIONAL {{ ?article dcterms:title ?title }}
              FILTER({ends}) }} }} ORDER BY ?p ?article ?start""", union=False)
    rows = [x for x in rows if predicates is None or x["p"].rsplit("#", 1)[-1] in predicates]
    labels = _labels(store, {x["s"] for x in rows} | {x["o"] for x in rows if x["o"].startswith(v.base)})
    grouped: dict[tuple, dict] = {}
    for s in rows:
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
                                "title": s.get("title"), "sentence": s["sentence"], "start": s["start"],
                                "end": s["end"], "method": s["method"], "confidence": s["confidence"]})
    return list(grouped.values())


def _labels(store: Store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    rows = store.select(f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} GRAPH <{store.vocab.registry}> "
                        "{ ?e rdfs:label ?l } }", union=False)
    return {r["e"]: r["l"] for r in rows}


# -- documents ----------------------------------------------------------------------------------

def documents(store: Store, limit: int = 20, offset: int = 0) -> dict:
    """Articles, newest first (undated last), with how many entities each mentions."""
    total = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a nkg:Article } }", union=False)[0]["n"]
    rows = store.select(f"""SELECT ?g ?id ?title ?date ?url (COUNT(DISTINCT ?e) AS ?entities) WHERE {{
            GRAPH ?g {{ ?g a nkg:Article ; dcterms:identifier ?id
              OPTIONAL {{ ?g dcterms:title ?title }} OPTIONAL {{ ?g dcterms:date ?date }}
              OPTIONAL {{ ?g schema:url ?url }} OPTIONAL {{ ?g schema:mentions ?e }} }} }}
            GROUP BY ?g ?id ?title ?date ?url ORDER BY DESC(?date) ?id LIMIT {limit} OFFSET {offset}""", union=False)
    return {"total": total, "results": [{"id": r["id"], "iri": r["g"], "title": r.get("title"), "date": r.get("date"),
                                         "url": r.get("url"), "entities": r.get("entities", 0)} for r in rows]}


def document_detail(store: Store, doc_id: str) -> dict | None:
    """One article: its metadata, the entities it mentions (most mentioned first) and the
    relations it states, each with its sentence."""
    v = store.vocab
    g = v.document(doc_id)
    rows = store.select(f"""SELECT ?id ?title ?date ?url ?author ?source ?hash ?text WHERE {{ GRAPH <{g}> {{
            <{g}> a nkg:Article ; dcterms:identifier ?id ; nkg:text ?text
            OPTIONAL {{ <{g}> dcterms:title ?title }} OPTIONAL {{ <{g}> dcterms:date ?date }}
            OPTIONAL {{ <{g}> schema:author ?author }}
            OPTIONAL {{ <{g}> schema:url ?url }} OPTIONAL {{ <{g}> nkg:sourcePath ?source }}
            OPTIONAL {{ <{g}> nkg:contentHash ?hash }} }} }}""", union=False)
    if not rows:
        return None
    r = rows[0]
    sentences = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s a nkg:Sentence }} }}",
                             union=False)[0]["n"]
    entities = store.select(f"""SELECT ?e ?label ?class (COUNT(?m) AS ?n) WHERE {{
            GRAPH <{g}> {{ ?m nkg:refersTo ?e }}
            OPTIONAL {{ GRAPH <{v.registry}> {{ ?e rdfs:label ?label ; a ?class }} }} }}
            GROUP BY ?e ?label ?class ORDER BY DESC(?n) ?label""", union=False)
    statements = store.select(f"""SELECT ?s ?p ?o ?sentence ?start ?end ?method ?confidence WHERE {{ GRAPH <{g}> {{
            ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; nkg:sentence ?sent ;
                nkg:start ?start ; nkg:end ?end ; nkg:method ?method ; nkg:confidence ?confidence .
            ?sent nkg:text ?sentence }} }} ORDER BY ?start ?p""", union=False)
    labels = {e["e"]: e.get("label", e["e"]) for e in entities}
    types = {e["e"]: TYPE_OF_CLASS.get(e.get("class", "").rsplit("#", 1)[-1]) for e in entities}
    mentions = store.select(f"""SELECT ?e ?start ?end ?type WHERE {{ GRAPH <{g}> {{
            ?m a nkg:Mention ; nkg:refersTo ?e ; nkg:start ?start ; nkg:end ?end
            OPTIONAL {{ ?m nkg:mentionType ?type }} }} }} ORDER BY ?start ?end""", union=False)

    def end(term: str) -> dict:
        if term.startswith(v.base + "entity/"):
            return {"entity": {"id": v.slug_of(term), "iri": term, "label": labels.get(term, term)}}
        return {"value": term}

    return {
        "id": r["id"], "iri": g, "title": r.get("title"), "date": _text(r.get("date")), "url": r.get("url"),
        "author": r.get("author"), "source": r.get("source"), "content_hash": r.get("hash"), "sentences": sentences, "text": r["text"],
        "entities": [{"id": v.slug_of(e["e"]), "iri": e["e"], "label": e.get("label", e["e"]),
                      "type": TYPE_OF_CLASS.get(e.get("class", "").rsplit("#", 1)[-1]), "mentions": e["n"]}
                     for e in entities],
        "relations": [{"subject": end(x["s"])["entity"], "predicate": x["p"].rsplit("#", 1)[-1], "object": end(x["o"]),
                       "sentence": x["sentence"], "start": x["start"], "end": x["end"], "method": x["method"],
                       "confidence": x["confidence"]} for x in statements],
        # where the text names each entity: the spans the article page highlights
        "mentions": [{"start": m["start"], "end": m["end"], "entity": v.slug_of(m["e"]),
                      "type": TYPE_OF_CLASS.get(m.get("type", "").rsplit("#", 1)[-1]) or types.get(m["e"])}
                     for m in mentions if isinstance(m["start"], int) and isinstance(m["end"], int)],
    }


def _text(value) -> str | None:
    """A stored date as its text (an xsd:date a reader gave as a date object, or the literal)."""
    return None if value is None else str(value)


# -- time: mentions per week or month -----------------------------------------------------------

PERIODS = ("week", "month")


def period_start(day: date, period: str) -> date:
    """The first day of the week (Monday) or month holding `day`."""
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _next_period(start: date, period: str) -> date:
    if period == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def choose_period(first: date, last: date) -> str:
    """Weeks for half a year or less, months beyond: a chart of at most about 26 bars, or of
    months."""
    return "week" if (last - first).days <= 183 else "month"


def timeline(store: Store, entity_id: str, period: str | None = None) -> dict:
    """The entity's mentions in the articles of each week or month (every period between its
    first and last dated mention, empty ones included); mentions in articles without a date
    are counted apart. `period` None: weeks or months, by the span (choose_period)."""
    from .export.filters import published_day

    iri = store.vocab.entity(entity_id)
    rows = store.select(f"""SELECT ?g ?date (COUNT(?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m nkg:refersTo <{iri}>
            OPTIONAL {{ ?g dcterms:date ?date }} }} }} GROUP BY ?g ?date""", union=False)
    days, undated = [], {"articles": 0, "mentions": 0}
    for r in rows:
        day = published_day(r.get("date"))
        if day is None:
            undated["articles"] += 1
            undated["mentions"] += r["n"]
        else:
            days.append((day, r["n"]))
    if not days:
        return {"id": entity_id, "period": period or "month", "periods": [], "undated": undated}
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    period = period or choose_period(first, last)
    counts: dict[date, list[int]] = {}
    for day, n in days:
        slot = counts.setdefault(period_start(day, period), [0, 0])
        slot[0] += n
        slot[1] += 1
    periods, at = [], period_start(first, period)
    while at <= last:
        mentions, articles = counts.get(at, (0, 0))
        periods.append({"start": at.isoformat(), "mentions": mentions, "articles": articles})
        at = _next_period(at, period)
    return {"id": entity_id, "period": period, "periods": periods, "undated": undated}


def trending(store: Store, limit: int = 10) -> dict:
    """What is new: the entities whose mentions rose most from the period before the latest to
    the latest (the week, or the month when the articles span more than half a year, holding
    the newest dated article)."""
    from .export.filters import published_day

    dated = {r["g"]: published_day(r.get("d")) for r in store.select(
        "SELECT ?g ?d WHERE { GRAPH ?g { ?g a nkg:Article OPTIONAL { ?g dcterms:date ?d } } }", union=False)}
    days = [d for d in dated.values() if d is not None]
    if not days:
        return {"period": None, "latest": None, "previous": None, "articles": 0, "results": []}
    period = choose_period(min(days), max(days))
    latest = period_start(max(days), period)
    previous = period_start(latest - timedelta(days=1), period)
    slot = {g: (0 if period_start(d, period) == latest else 1 if period_start(d, period) == previous else None)
            for g, d in dated.items() if d is not None}
    chosen = [g for g, k in slot.items() if k is not None]
    counts: dict[str, list[int]] = {}
    if chosen:
        values = " ".join(f"<{g}>" for g in sorted(chosen))
        for r in store.select(f"""SELECT ?g ?e (COUNT(?m) AS ?n) WHERE {{ VALUES ?g {{ {values} }}
                GRAPH ?g {{ ?m nkg:refersTo ?e }} }} GROUP BY ?g ?e""", union=False):
            counts.setdefault(r["e"], [0, 0])[slot[r["g"]]] += r["n"]
    rising = sorted(((now - before, now, e) for e, (now, before) in counts.items() if now > before),
                    key=lambda x: (-x[0], -x[1], x[2]))[:limit]
    labels = _labels(store, {e for _, _, e in rising})
    types = {r["e"]: TYPE_OF_CLASS.get(r["c"].rsplit("#", 1)[-1]) for r in store.select(
        f"SELECT ?e ?c WHERE {{ VALUES ?e {{ {' '.join(f'<{e}>' for _, _, e in rising)} }} "
        f"GRAPH <{store.vocab.registry}> {{ ?e a ?c }} }}", union=False)} if rising else {}
    return {"period": period, "latest": latest.isoformat(), "previous": previous.isoformat(),
            "articles": sum(1 for k in slot.values() if k == 0),
            "results": [{"id": store.vocab.slug_of(e), "label": labels.get(e, e), "type": types.get(e),
                         "mentions": now, "before": now - rise, "rise": rise} for rise, now, e in rising]}


# -- the graph view: neighbourhoods and paths -----------------------------------------------------

class NeighborIndex:
    """Adjacency of the graph view, for neighborhood walks and path searches."""

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

    def walk(self, start: str, depth: int = 1, direction: str = "both", predicates: set[str] | None = None,
             types: set[str] | None = None, min_weight: int = 1) -> tuple[dict[str, int], list[EdgeView]]:
        """Breadth first from `start`: every node reached (in the order reached, with its
        depth) and every edge followed, reduced to the predicates the filter keeps. Heavier
        edges are followed first, so the order puts the closest ties first."""
        seen = {start: 0}
        edges, queue = [], deque([start])
        edge_ids = set()
        while queue:
            node = queue.popleft()
            if seen[node] >= depth:
                continue
            for e, other in sorted(self.edges_of(node, direction), key=lambda x: (-x[0].weight, x[1])):
                preds = [p for p in e.predicates if predicates is None or p in predicates]
                # the weight threshold is for co-mentions; a stated relation counts once stated
                if not preds or (e.kind == "comention" and e.weight < min_weight):
                    continue
                if types and self.nodes[other].type not in types:
                    continue
                if other not in seen:
                    seen[other] = seen[node] + 1
                    queue.append(other)
                key = (e.source, e.target, e.kind)
                if key not in edge_ids:
                    edge_ids.add(key)
                    edges.append(e if preds == e.predicates else _only(e, preds))
        return seen, edges

    def neighbors(self, start: str, depth: int = 1, direction: str = "both", predicates: set[str] | None = None,
                  types: set[str] | None = None, limit: int = 100, min_weight: int = 1, offset: int = 0) -> dict:
        """One page of the neighbourhood: `limit` nodes after the first `offset` (the root
        comes first, on the first page), and the edges whose later end is on this page — so the
        pages together are the whole neighbourhood, each edge once. `next_offset` is None on
        the last page."""
        seen, edges = self.walk(start, depth, direction, predicates, types, min_weight)
        order = list(seen)  # the root, then the other nodes in the order reached
        position = {n: i for i, n in enumerate(order)}
        lo, hi = offset + 1, offset + 1 + limit  # positions of this page's non-root nodes
        page = ([start] if offset == 0 else []) + order[lo:hi]
        nodes = [{"id": n, "iri": self.nodes[n].iri, "label": self.nodes[n].label, "type": self.nodes[n].type,
                  "mentions": self.nodes[n].mentions, "depth": seen[n]} for n in page]
        out = []
        for e in edges:
            later = max(position[e.source], position[e.target])
            if lo <= later < hi:
                out.append({"source": e.source, "target": e.target, "kind": e.kind, "predicates": e.predicates,
                            "directed": e.directed, "weight": e.weight, "evidence": e.evidence,
                            "articles": e.articles})
        return {"root": start, "nodes": nodes, "edges": out, "total_nodes": len(order),
                "next_offset": offset + limit if hi < len(order) else None}

    def ego_view(self, start: str, **walk) -> GraphView:
        """The whole neighbourhood as a graph view of its own, for the GraphML and GEXF writers."""
        seen, edges = self.walk(start, **walk)
        return GraphView(nodes={n: self.nodes[n] for n in seen}, edges=edges)

    def _relation_neighbours(self, node: str):
        for e in self.out.get(node, ()):
            if e.kind == "relation":
                yield e.target
        for e in self.inc.get(node, ()):
            if e.kind == "relation":
                yield e.source

    def paths(self, source: str, target: str, max_length: int = 4, limit: int = 10) -> dict:
        """The shortest paths of stated relations (followed either way, co-mentions never)
        between two entities, at most `max_length` steps, at most `limit` of them."""
        level = {source: 0}
        parents: dict[str, list[str]] = {source: []}
        frontier = [source]
        while frontier and target not in level and level[frontier[0]] < max_length:
            reached: dict[str, set[str]] = {}
            for node in frontier:
                for other in self._relation_neighbours(node):
                    if other not in level:
                        reached.setdefault(other, set()).add(node)
            for node, via in reached.items():
                level[node] = level[frontier[0]] + 1
                parents[node] = sorted(via)
            frontier = sorted(reached)
        length = level.get(target)
        found: list[list[str]] = []
        if length is not None:
            self._unwind(parents, target, [target], found, limit + 1)
        truncated = len(found) > limit
        return {"length": length, "truncated": truncated,
                "paths": [self._path(list(reversed(p))) for p in found[:limit]]}

    def _unwind(self, parents, node, suffix, found, limit) -> None:
        if len(found) >= limit:
            return
        if not parents[node]:
            found.append(list(suffix))
            return
        for parent in parents[node]:
            self._unwind(parents, parent, suffix + [parent], found, limit)

    def _path(self, nodes: list[str]) -> dict:
        steps = []
        for a, b in zip(nodes, nodes[1:]):
            rels = [{"subject": e.source, "predicates": list(e.predicates), "object": e.target,
                     "evidence": e.evidence}
                    for e in self.out.get(a, []) + self.out.get(b, [])
                    if e.kind == "relation" and {e.source, e.target} == {a, b}]
            steps.append({"from": a, "to": b, "relations": rels})
        return {"length": len(steps),
                "nodes": [{"id": n, "iri": self.nodes[n].iri, "label": self.nodes[n].label, "type": self.nodes[n].type}
                          for n in nodes],
                "steps": steps}


def _only(e: EdgeView, predicates: list[str]) -> EdgeView:
    """The edge with only some of its predicates, weighed by their statements alone."""
    counts = [e.by_predicate.get(p, (0, 0)) for p in predicates]
    weight = sum(n for n, _ in counts)
    return replace(e, predicates=predicates, weight=weight, evidence=weight,
                   articles=max((a for _, a in counts), default=0),
                   by_predicate={p: e.by_predicate[p] for p in predicates if p in e.by_predicate})


__all__ = ["SearchIndex", "NeighborIndex", "entity_detail", "relations", "documents", "document_detail", "timeline",
           "trending", "fold"]
