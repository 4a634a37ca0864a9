"""Lookups over a store version: name search, one entity's facts and the evidence of its
relations, neighbourhoods, relation paths, articles.

Search, neighbourhoods, paths and the article list read the index written with each store
version (graph.store.index); entity and article details are SPARQL queries.
"""
from __future__ import annotations

import json
from collections import deque
from dataclasses import replace
from datetime import date, timedelta

from .view import EdgeView, GraphView, NodeView, published_day
from .names import edit_distance, fold, normal
from .registry import index
from .store import Store, mention_text
from .store.index import COMENTION, open_reader
from .vocab import TYPE_OF_CLASS


class SearchIndex:
    """Case- and accent-insensitive search over labels and aliases: exact, prefix, word
    prefix, substring, then spelling-tolerant matches; ties go to the most mentioned.

    Answered from the version's index (graph.store.index): the candidates come from its text
    indexes — names holding the query (FTS5 trigrams), names with words starting with each query
    word, names with words a spelling slip away (words of like length sharing the first or the
    last letters) — and only they are scored, so a search costs what it finds."""

    def __init__(self, db):
        self.db = db

    @classmethod
    def from_store(cls, store: Store) -> SearchIndex:
        return cls(_Connection(index(store)))

    def search(self, q: str, types: set[str] | None = None, limit: int = 20, offset: int = 0) -> dict:
        key = _key(q)
        db = self.db.get()
        if not key:
            return self._top(db, types, limit, offset)
        keys: dict[str, list[str]] = {}
        candidates = _candidates(db, key)
        for i in range(0, len(candidates), 500):
            chunk = candidates[i:i + 500]
            for entity, k in db.execute(f"SELECT entity, key FROM keys WHERE entity IN ({','.join('?' * len(chunk))})",
                                        chunk):
                keys.setdefault(entity, []).append(k)
        scored = []
        for entity, names in keys.items():
            score = _score(key, names)
            if score:
                scored.append((score, entity))
        rows = _entity_rows(db, [e for _, e in scored])
        found = [(score, rows[e]) for score, e in scored if e in rows and (not types or rows[e]["type"] in types)]
        found.sort(key=lambda x: (-x[0], -x[1]["mentions"], x[1]["label"]))
        page = found[offset:offset + limit]
        return {"total": len(found), "results": [{**row, "score": score} for score, row in page]}

    def _top(self, db, types, limit, offset) -> dict:
        where = f"WHERE type IN ({','.join('?' * len(types))})" if types else ""
        params = sorted(types or ())
        total = db.execute(f"SELECT COUNT(*) FROM entities {where}", params).fetchone()[0]
        rows = db.execute(f"SELECT {_ENTITY_COLUMNS} FROM entities {where} ORDER BY mentions DESC, label "
                          "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return {"total": total, "results": [{**_entity(r), "score": 1} for r in rows]}


# Candidates of a search: names holding the query (three letters or more), names opening with it,
# and names with, for every query word, a word opening with it or a slip away from it.
_WORDS = """SELECT entity FROM (
        SELECT w.key AS qi, words.entity FROM json_each(:words) AS w
            JOIN words ON words.word >= w.value AND words.word < w.value || char(1114111)
        UNION SELECT c.value ->> 0, words.entity FROM json_each(:close) AS c JOIN words ON words.word = c.value ->> 1)
    GROUP BY entity HAVING COUNT(DISTINCT qi) = :n"""


def _candidates(db, key: str) -> list[str]:
    words = key.split()
    close = [[i, c] for i, w in enumerate(words) for c in _close_words(db, w)] if len(key) >= 4 else []
    params = {"key": key, "words": json.dumps(words), "close": json.dumps(close), "n": len(words)}
    sql = f"SELECT entity FROM keys WHERE key >= :key AND key < :key || char(1114111) UNION {_WORDS}"
    if len(key) >= 3:
        params["phrase"] = '"' + key.replace('"', '""') + '"'
        sql += " UNION SELECT k.entity FROM names JOIN keys k ON k.id = names.rowid WHERE names MATCH :phrase"
    return [e for (e,) in db.execute(sql, params)]


def _close_words(db, word: str) -> list[str]:
    """Words of the index a spelling slip away from `word` (as `_close` says): one edit changes
    either the first or the last letters of a word, so those of like length that share one end
    hold every slip of one edit, and of two edits not both at the ends."""
    if len(word) < 3:
        return []
    end = 2 if len(word) < 7 else 3
    lo, hi = len(word) - 2, len(word) + 2
    head, tail = word[:end], word[::-1][:end]
    rows = db.execute("SELECT word FROM vocab WHERE word >= ? AND word < ? AND len BETWEEN ? AND ? "
                      "UNION SELECT word FROM vocab WHERE rev >= ? AND rev < ? AND len BETWEEN ? AND ?",
                      (head, head + "\U0010ffff", lo, hi, tail, tail + "\U0010ffff", lo, hi)).fetchall()
    return [w for (w,) in rows if w != word and _close(word, w)]


_ENTITY_COLUMNS = "id, iri, label, type, aliases, mentions, documents, titles"


def _entity(row) -> dict:
    import json

    return {"id": row[0], "iri": row[1], "label": row[2], "type": row[3], "aliases": json.loads(row[4]),
            "mentions": row[5]}


def _entity_rows(db, ids: list[str]) -> dict[str, dict]:

    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in db.execute(f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id IN ({','.join('?' * len(chunk))})",
                            chunk):
            out[r[0]] = _entity(r)
    return out


class _Connection:
    """One SQLite connection per thread onto a version's index (the server's threads share none)."""

    def __init__(self, db):
        import threading

        self.path = db.execute("PRAGMA database_list").fetchone()[2]
        self.first = db
        self.local = threading.local()

    def get(self):
        db = getattr(self.local, "db", None)
        if db is None:
            db = self.local.db = open_reader(self.path) if self.path else self.first
        return db


def _key(text: str) -> str:
    # no name holds a NUL, and SQLite's text index reads one as the end of the query
    return normal(text.replace("\x00", ""))


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
        ?m nkg:refersTo <{v.entity(entity_id)}> ; nkg:start ?s ; nkg:end ?x .
        ?article dcterms:identifier ?id ; nkg:text ?articleText OPTIONAL {{ ?article dcterms:title ?title }} }}
        BIND({mention_text(text="?articleText")} AS ?text) }} GROUP BY ?text ?id ?title""", union=False)
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
    # the entity bound at one end (both: a union), so the store reads its statements only
    ends = {"out": [f"VALUES ?s {{ <{iri}> }}"], "in": [f"VALUES ?o {{ <{iri}> }}"]}.get(
        direction, [f"VALUES ?s {{ <{iri}> }}", f"VALUES ?o {{ <{iri}> }}"])
    rows = []
    for end in ends:
        rows += store.select(f"""SELECT ?st ?s ?p ?o ?sentence ?article ?title ?method ?confidence ?start ?end WHERE {{
            {end} GRAPH ?article {{ ?st rdf:subject ?s ; rdf:object ?o ; a nkg:Statement ; rdf:predicate ?p ;
              nkg:sentence ?sent ; nkg:method ?method ; nkg:confidence ?confidence ; nkg:start ?start ; nkg:end ?end .
              ?sent nkg:start ?ss ; nkg:end ?se . ?article nkg:text ?articleText
              OPTIONAL {{ ?article dcterms:title ?title }} }}
            BIND({mention_text("?ss", "?se", "?articleText")} AS ?sentence) }}""", union=False)
    seen = set()
    rows = [r for r in rows if r["st"] not in seen and not seen.add(r["st"])]
    rows.sort(key=lambda r: (r["p"], r["article"], r["start"]))
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
    """Articles, newest first (undated last), with how many entities each mentions (from the
    version's index: a page costs its rows)."""
    db = index(store)
    total = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    rows = db.execute("SELECT iri, id, title, date, url, entities FROM articles ORDER BY date DESC, id "
                      "LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    return {"total": total, "results": [{"id": i, "iri": g, "title": t, "date": d, "url": u, "entities": n}
                                        for g, i, t, d, u, n in rows]}


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
            ?sent nkg:start ?ss ; nkg:end ?se . <{g}> nkg:text ?articleText }}
            BIND({mention_text("?ss", "?se", "?articleText")} AS ?sentence) }} ORDER BY ?start ?p""", union=False)
    labels = {e["e"]: e.get("label", e["e"]) for e in entities}
    types = {e["e"]: TYPE_OF_CLASS.get(e.get("class", "").rsplit("#", 1)[-1]) for e in entities}
    mentions = store.select(f"""SELECT ?e ?start ?end ?type WHERE {{ GRAPH <{g}> {{
            ?m nkg:refersTo ?e ; nkg:start ?start ; nkg:end ?end
            OPTIONAL {{ ?m nkg:mentionType ?type }} }} }} ORDER BY ?start ?end""", union=False)

    def end(term: str) -> dict:
        if term.startswith(v.base + "entity/"):
            return {"entity": {"id": v.slug_of(term), "iri": term, "label": labels.get(term, term)}}
        return {"value": term}

    return {
        "id": r["id"], "iri": g, "title": r.get("title"), "date": _text(r.get("date")), "url": r.get("url"),
        "author": r.get("author"), "source": r.get("source"), "content_hash": r.get("hash"), "sentences": sentences,
        "text": r["text"],
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

    dated = {g: published_day(d) for g, d in index(store).execute("SELECT iri, date FROM articles")}
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
    """Neighbourhood walks and path searches over a graph view's adjacency (for a view of some
    articles: a date range); `from_store` answers the same from the version's index."""

    def __init__(self, view: GraphView):
        self.nodes = view.nodes
        self.out: dict[str, list] = {}
        self.inc: dict[str, list] = {}
        for e in view.edges:
            self.out.setdefault(e.source, []).append(e)
            self.inc.setdefault(e.target, []).append(e)

    @classmethod
    def from_store(cls, store: Store) -> NeighborIndex:
        return IndexedNeighbors(_Connection(index(store)))

    def _out(self, node: str) -> list[EdgeView]:
        return self.out.get(node, [])

    def _views(self, ids: list[str]) -> list[NodeView]:
        return [self.nodes[n] for n in ids]

    def _inc(self, node: str) -> list[EdgeView]:
        return self.inc.get(node, [])

    def edges_of(self, node: str, direction: str):
        if direction in ("out", "both"):
            for e in self._out(node):
                yield e, e.target
        if direction in ("in", "both"):
            for e in self._inc(node):
                yield e, e.source
        if direction != "both":
            # co-mentions have no direction: they count for "out" and "in" alike
            other = self._inc(node) if direction == "out" else self._out(node)
            for e in other:
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
        views = self._views(page)
        nodes = [{"id": v.id, "iri": v.iri, "label": v.label, "type": v.type, "mentions": v.mentions,
                  "depth": seen[v.id]} for v in views]
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
        for e in self._out(node):
            if e.kind == "relation":
                yield e.target
        for e in self._inc(node):
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
                    for e in self._out(a) + self._out(b)
                    if e.kind == "relation" and {e.source, e.target} == {a, b}]
            steps.append({"from": a, "to": b, "relations": rels})
        return {"length": len(steps),
                "nodes": [{"id": v.id, "iri": v.iri, "label": v.label, "type": v.type} for v in self._views(nodes)],
                "steps": steps}


class IndexedNeighbors(NeighborIndex):
    """The same walks, each node's edges read from the version's index when the walk reaches it."""

    def __init__(self, db: _Connection):
        self.db = db
        self.nodes = _IndexedNodes(db)

    def _out(self, node: str) -> list[EdgeView]:
        return self._edges("source", "target", node)

    def _views(self, ids: list[str]) -> list[NodeView]:
        found = self.nodes.many(ids, brief=True)
        return [found[n] for n in ids]

    def _inc(self, node: str) -> list[EdgeView]:
        return self._edges("target", "source", node)

    def _edges(self, end: str, other: str, node: str) -> list[EdgeView]:
        # relations first, then co-mentions, each by the other end, predicates in name order: the
        # order graph.view gives, so that walks break ties alike
        rows = self.db.get().execute(
            f"SELECT e.source, e.target, e.predicate, e.statements, e.articles FROM edges e "
            f"JOIN entities n ON n.id = e.{other} WHERE e.{end} = ? AND e.{other} != e.{end} "
            f"ORDER BY e.predicate = '{COMENTION}', e.{other}, e.predicate", (node,)).fetchall()
        edges: list[EdgeView] = []
        for s, t, p, n, a in rows:
            kind = "comention" if p == COMENTION else "relation"
            if not edges or (edges[-1].source, edges[-1].target, edges[-1].kind) != (s, t, kind):
                edges.append(EdgeView(s, t, kind, [], 0, 0, 0))
            e = edges[-1]
            e.predicates.append(p)
            e.by_predicate[p] = (n, a)
            e.weight += n
            e.evidence += n
            e.articles = max(e.articles, a)
        return edges


class _IndexedNodes:
    """The entities of the index as a read-only mapping of id → NodeView, read as asked."""

    def __init__(self, db: _Connection):
        self.db = db

    def get(self, node_id: str, default=None):
        row = self.db.get().execute(f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id = ?", (node_id,)).fetchone()
        return default if row is None else _node_view(row)

    def many(self, ids: list[str], brief: bool = False) -> dict[str, NodeView]:
        """Several nodes in one query; `brief`: without aliases and titles (a page of neighbours)."""
        out = {}
        db = self.db.get()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            if brief:
                rows = db.execute(f"SELECT id, iri, label, type, mentions FROM entities WHERE id IN ({marks})", chunk)
                out.update((r[0], NodeView(id=r[0], iri=r[1], label=r[2], type=r[3], mentions=r[4])) for r in rows)
            else:
                out.update((r[0], _node_view(r)) for r in db.execute(
                    f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id IN ({marks})", chunk))
        return out

    def __getitem__(self, node_id: str):
        node = self.get(node_id)
        if node is None:
            raise KeyError(node_id)
        return node

    def __contains__(self, node_id) -> bool:
        return self.db.get().execute("SELECT 1 FROM entities WHERE id = ?", (node_id,)).fetchone() is not None


def _node_view(row) -> NodeView:
    import json

    return NodeView(id=row[0], iri=row[1], label=row[2], type=row[3], aliases=json.loads(row[4]), mentions=row[5],
                    documents=row[6], titles=json.loads(row[7]))


def _only(e: EdgeView, predicates: list[str]) -> EdgeView:
    """The edge with only some of its predicates, weighed by their statements alone."""
    counts = [e.by_predicate.get(p, (0, 0)) for p in predicates]
    weight = sum(n for n, _ in counts)
    return replace(e, predicates=predicates, weight=weight, evidence=weight,
                   articles=max((a for _, a in counts), default=0),
                   by_predicate={p: e.by_predicate[p] for p in predicates if p in e.by_predicate})


__all__ = ["SearchIndex", "NeighborIndex", "entity_detail", "relations", "documents", "document_detail", "timeline",
           "trending", "fold"]
