"""What the store says about one IRI, for Linked Data dereferencing: an entity, an article, the
ontology. Each function returns pyoxigraph triples (None when the store does not know the IRI);
the API serialises them in the format the client asks for.

An entity's description is what the registry graph says of it (type, labels, counts, the
direct relation and co-mention triples, both ways) and which articles mention it; the
sentences behind its relations are in those articles' descriptions. An article's description is
its named graph. The ontology's is the ontology graph, which also answers for every
`BASE/ontology#Term` (a fragment never reaches the server).
"""
from __future__ import annotations

import pyoxigraph as ox

from .store import Store
from .vocab import DCTERMS, SCHEMA

_MENTIONS = ox.NamedNode(SCHEMA + "mentions")
_TITLE = ox.NamedNode(DCTERMS + "title")


def _triples(quads) -> list[ox.Triple]:
    seen, out = set(), []
    for q in quads:
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def entity(store: Store, slug: str) -> list[ox.Triple] | None:
    iri = ox.NamedNode(store.vocab.entity(slug))
    registry = ox.NamedNode(store.vocab.registry)
    about = list(store.quads_for_pattern(iri, None, None, registry))
    if not about:
        return None
    reverse = list(store.quads_for_pattern(None, None, iri, registry))
    articles = [q for q in store.quads_for_pattern(None, _MENTIONS, iri, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.subject == q.graph_name]
    # the title lets a client label the link without fetching the article
    titles = [q for a in articles for q in store.quads_for_pattern(a.subject, _TITLE, None, a.graph_name)]
    return _triples(about + reverse + articles + titles)


def document(store: Store, doc_id: str) -> list[ox.Triple] | None:
    graph = ox.NamedNode(store.vocab.document(doc_id))
    triples = _triples(store.quads_for_pattern(None, None, None, graph))
    return triples or None


def ontology(store: Store) -> list[ox.Triple]:
    return _triples(store.quads_for_pattern(None, None, None, ox.NamedNode(store.vocab.ontology)))

