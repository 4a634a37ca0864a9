"""The graph as people look at it: one node per entity, one edge per related pair.

Relation edges are directed, one per (subject, object) pair, with every predicate that
links them and how many sentences state them; co-mention edges are undirected, one per
pair, weighted by the sentences the two share. Exporters and the API's graph lookups
read this view, not the RDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .store import Store
from .vocab import TYPE_OF_CLASS

# One colour per entity type (RGB, 0-255), everywhere: GEXF's viz, the PNG and SVG drawings and
# the web pages (api/templates/base.html sets them as CSS variables).
TYPE_COLOURS = {"PERSON": (59, 111, 182), "ORG": (224, 123, 36), "PLACE": (58, 154, 74), "EVENT": (200, 64, 58),
                "GROUP": (138, 92, 184)}
OTHER_COLOUR = (127, 127, 127)


@dataclass
class NodeView:
    id: str
    iri: str
    label: str
    type: str
    mentions: int = 0
    documents: int = 0
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)


@dataclass
class EdgeView:
    source: str
    target: str
    kind: str  # "relation" or "comention"
    predicates: list[str]
    weight: int  # sentences stating it (relations) or shared (co-mentions)
    evidence: int  # statements (relations) or sentences (co-mentions)
    articles: int
    # statements and articles per predicate, so a view keeping only some predicates can weigh them
    by_predicate: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def directed(self) -> bool:
        return self.kind == "relation"


@dataclass
class GraphView:
    nodes: dict[str, NodeView]
    edges: list[EdgeView]


def load(store: Store, articles: set[str] | None = None) -> GraphView:
    """The view of the whole store, or of what the given articles (graph IRIs) say: then only
    the entities they mention, counted in them alone, and the edges they state."""
    v = store.vocab
    # `within` restricts a query's ?g to the chosen articles; the registry still names and types
    within = "VALUES ?g { " + " ".join(f"<{g}>" for g in sorted(articles)) + " }" if articles is not None else ""
    nodes: dict[str, NodeView] = {}
    for r in store.select(f"""SELECT ?e ?class ?label ?m ?d (GROUP_CONCAT(?alt; separator="\\u001f") AS ?alts) WHERE {{
            GRAPH <{v.registry}> {{ ?e a ?class ; rdfs:label ?label ; nkg:mentionCount ?m ; nkg:documentCount ?d
                                   OPTIONAL {{ ?e skos:altLabel ?alt }} }} }}
            GROUP BY ?e ?class ?label ?m ?d""", union=False):
        slug = v.slug_of(r["e"])
        if not slug:  # an entry another tool put in the registry, not an entity of this graph
            continue
        nodes[slug] = NodeView(id=slug, iri=r["e"], label=r["label"],
                               type=TYPE_OF_CLASS.get(r["class"].rsplit("#", 1)[-1], "ORG"),
                               mentions=r["m"], documents=r["d"],
                               aliases=sorted(a for a in r.get("alts", "").split("\u001f") if a))
    if articles is not None:
        counts = {v.slug_of(r["e"]): r for r in store.select(f"""SELECT ?e (COUNT(?m) AS ?n) (COUNT(DISTINCT ?g) AS ?d)
                WHERE {{ {within} GRAPH ?g {{ ?m nkg:refersTo ?e }} }} GROUP BY ?e""", union=False)}
        nodes = {k: n for k, n in nodes.items() if k in counts}
        for k, n in nodes.items():
            n.mentions, n.documents = counts[k]["n"], counts[k]["d"]
    # titles from the statements in the articles (the registry holds them too, but for all articles)
    for r in store.select(f"""SELECT ?s (GROUP_CONCAT(DISTINCT ?t; separator="\\u001f") AS ?ts) WHERE {{ {within}
            GRAPH ?g {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate nkg:title ; rdf:object ?t }} }}
            GROUP BY ?s""", union=False):
        slug = v.slug_of(r["s"])
        if slug in nodes:
            nodes[slug].titles = sorted(r["ts"].split("\u001f"))
    edges: list[EdgeView] = []
    by_pair: dict[tuple[str, str], EdgeView] = {}
    for r in store.select(f"""SELECT ?s ?p ?o (COUNT(?st) AS ?n) (COUNT(DISTINCT ?g) AS ?a) WHERE {{ {within}
            GRAPH ?g {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                FILTER(isIRI(?o)) }} }}
            GROUP BY ?s ?p ?o ORDER BY ?s ?o ?p""", union=False):
        s, o = v.slug_of(r["s"]), v.slug_of(r["o"])
        if s not in nodes or o not in nodes:
            continue
        edge = by_pair.get((s, o))
        if edge is None:
            edge = by_pair[(s, o)] = EdgeView(s, o, "relation", [], 0, 0, 0)
            edges.append(edge)
        edge.predicates.append(r["p"].rsplit("#", 1)[-1])
        edge.by_predicate[edge.predicates[-1]] = (r["n"], r["a"])
        edge.weight += r["n"]
        edge.evidence += r["n"]
        edge.articles = max(edge.articles, r["a"])
    for r in store.select(f"""SELECT ?s ?o (SUM(?n) AS ?w) (COUNT(DISTINCT ?g) AS ?a) WHERE {{ {within}
            GRAPH ?g {{ ?c a nkg:CoMention ; rdf:subject ?s ; rdf:object ?o ; nkg:count ?n }} }}
            GROUP BY ?s ?o ORDER BY ?s ?o""", union=False):
        s, o = v.slug_of(r["s"]), v.slug_of(r["o"])
        if s in nodes and o in nodes:
            edges.append(EdgeView(s, o, "comention", ["coMentionedWith"], r["w"], r["w"], r["a"],
                                  {"coMentionedWith": (r["w"], r["a"])}))
    return GraphView(nodes=nodes, edges=edges)


_NAME_CHAR = re.compile(r"[^A-Za-z0-9.-]")


def xml_id(node_id: str) -> str:
    """The node's id as an XML name token (GraphML's NMTOKEN): minted slugs are one already;
    anything else (ids of loaded data) has its other characters, '_' included, written as
    `_hex_`, so distinct ids stay distinct."""
    if node_id and not _NAME_CHAR.search(node_id):
        return node_id
    return _NAME_CHAR.sub(lambda m: f"_{ord(m.group()):x}_", node_id) or "_"


# an article's published date as a day ('2021-09-06', '2021-09-06T10:00:00Z'): None when unreadable
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def published_day(value: str | None) -> date | None:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
