"""Triple Pattern Fragments (https://linkeddatafragments.org/specification/triple-pattern-fragments/)
over the union of all graphs: the triples matching one pattern, a page at a time, with the
count, the search form and the page links a TPF client (Comunica) needs.

Pages are cut from `SELECT DISTINCT` in the engine's own order, which is fixed for a store
version (versions are immutable), so consecutive pages neither repeat nor skip a triple.
The metadata goes into a graph of its own, `<fragment#metadata>`, marked by
`foaf:primaryTopic <fragment>`: that is how clients tell controls from data in TriG and
N-Quads (as the reference server, Server.js, writes them).
"""
from __future__ import annotations

import pyoxigraph as ox

from .store import Store

PAGE_SIZE = 100

HYDRA = "http://www.w3.org/ns/hydra/core#"
VOID = "http://rdfs.org/ns/void#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF_PRIMARY_TOPIC = "http://xmlns.com/foaf/0.1/primaryTopic"


class BadTerm(ValueError):
    pass


def parse_term(text: str | None, position: str):
    """A pattern term in the hydra:ExplicitRepresentation the search form declares: an IRI as
    is, a literal in quotes with `@lang` or `^^datatype-IRI` after it. Empty, `?var` and
    `_:label` are wildcards (None): a client cannot name a blank node of the server."""
    if text is None or text == "" or text.startswith(("?", "_:")):
        return None
    try:
        if text.startswith('"'):
            if position != "object":
                raise BadTerm(f"the {position} cannot be a literal")
            close = text.rfind('"')
            if close == 0:
                raise BadTerm(f"unterminated literal {text[:60]!r}")
            value, rest = text[1:close], text[close + 1:]
            if rest.startswith("@"):
                return ox.Literal(value, language=rest[1:])
            if rest.startswith("^^"):
                return ox.Literal(value, datatype=ox.NamedNode(rest[2:].strip("<>")))
            if rest:
                raise BadTerm(f"unexpected {rest[:30]!r} after the literal; use \"text\", \"text\"@lang or "
                              "\"text\"^^datatype-IRI")
            return ox.Literal(value)
        return ox.NamedNode(text.strip("<>") if text.startswith("<") else text)
    except ValueError as e:
        if isinstance(e, BadTerm):
            raise
        raise BadTerm(f"bad {position} {text[:80]!r}: {e}") from None


def pattern_text(s, p, o) -> str:
    return f"{s if s is not None else '?s'} {p if p is not None else '?p'} {o if o is not None else '?o'}"


def page(store: Store, s, p, o, number: int, size: int = PAGE_SIZE) -> tuple[list[ox.Triple], bool]:
    """The triples of page `number` (from 1) and whether another page follows."""
    rows = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ {pattern_text(s, p, o)} }} "
                       f"OFFSET {(number - 1) * size} LIMIT {size + 1}")
    triples = [ox.Triple(s if s is not None else r["s"], p if p is not None else r["p"],
                         o if o is not None else r["o"]) for r in rows]
    return triples[:size], len(triples) > size


def count(store: Store, s, p, o) -> int:
    """How many distinct triples match (exact; the caller caches the unbound pattern's)."""
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                       f"{pattern_text(s, p, o)} }} }}")
    return int(next(iter(rows))["n"].value)


def controls(dataset: str, template: str, fragment: str, page_url: str, total: int, size: int,
             first: str, previous: str | None, next_: str | None, pattern: str) -> list[ox.Quad]:
    """The fragment's metadata and hypermedia controls, in the graph `<fragment#metadata>`."""
    g = ox.NamedNode(fragment + "#metadata")
    out: list[ox.Quad] = []

    def add(s, p, o):
        out.append(ox.Quad(s if not isinstance(s, str) else ox.NamedNode(s), ox.NamedNode(p),
                           o if not isinstance(o, str) else ox.NamedNode(o), g))

    integer = ox.NamedNode(XSD + "integer")
    add(g, FOAF_PRIMARY_TOPIC, fragment)
    add(dataset, RDF + "type", VOID + "Dataset")
    add(dataset, RDF + "type", HYDRA + "Collection")
    add(dataset, VOID + "subset", fragment)
    # IRIs beside the dataset's, not blank nodes: they cannot clash with blank nodes of the data
    search = ox.NamedNode(dataset.split("#", 1)[0] + "#triplePattern")
    add(dataset, HYDRA + "search", search)
    add(search, HYDRA + "template", ox.Literal(template))
    add(search, HYDRA + "variableRepresentation", HYDRA + "ExplicitRepresentation")
    for name, prop in (("subject", RDF + "subject"), ("predicate", RDF + "predicate"), ("object", RDF + "object")):
        mapping = ox.NamedNode(dataset.split("#", 1)[0] + "#" + name)
        add(search, HYDRA + "mapping", mapping)
        add(mapping, HYDRA + "variable", ox.Literal(name))
        add(mapping, HYDRA + "property", prop)
    # Clients take the subject of the last `void:subset <page>` as the fragment: this comes last.
    add(fragment, VOID + "subset", page_url)
    add(page_url, RDF + "type", HYDRA + "PartialCollectionView")
    add(page_url, DCTERMS + "title", ox.Literal("Triple Pattern Fragment of newskg", language="en"))
    add(page_url, DCTERMS + "description",
        ox.Literal(f"The triples of the newskg graph (all graphs, without duplicates) matching {{ {pattern} }}.",
                   language="en"))
    add(page_url, DCTERMS + "source", dataset)
    add(page_url, HYDRA + "totalItems", ox.Literal(str(total), datatype=integer))
    add(page_url, VOID + "triples", ox.Literal(str(total), datatype=integer))
    add(page_url, HYDRA + "itemsPerPage", ox.Literal(str(size), datatype=integer))
    add(page_url, HYDRA + "first", first)
    if previous:
        add(page_url, HYDRA + "previous", previous)
    if next_:
        add(page_url, HYDRA + "next", next_)
    return out
