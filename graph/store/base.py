"""What newskg asks of a store, written once in SPARQL for both backends (graph.store.embedded,
graph.store.remote): which articles it holds, what an article contributes, the direct facts
statements support, and the writes of a batch (drop the replaced articles' graphs, replace the
touched registry entries, insert the new quads). Queries see the union of all graphs as the
default graph unless a request says otherwise.

The store keeps quads and rows: what goes into the registry (entries, direct facts) and the
resolver's state in the version's index are made above it (graph.registry).
"""
from __future__ import annotations

import math
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator

import pyoxigraph as ox

from ..vocab import RDF, RDFS, SKOS, TYPE_OF_CLASS, Vocabulary, default_base
from . import index as version_index

DEFAULT_STORE = "kgstore"
BASE_PREDICATE = "https://w3id.org/newskg/baseIRI"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
# How many terms one VALUES block, and how many quads one INSERT DATA, may hold: some servers'
# parsers (Virtuoso's) run out of stack on longer lists, and nothing is lost by splitting.
VALUES_CHUNK = 400
# Batches at least this big go to the embedded store through Oxigraph's bulk loader (as fast as
# its own bulk load); smaller ones in one ordinary transaction.
BULK_QUADS = 10_000


# what a dump may do to the quads on their way out (they come graph by graph)
Transform = Callable[[Iterator[ox.Quad]], Iterator[ox.Quad]]


class StoreError(RuntimeError):
    pass


def mention_text(start: str = "?s", end: str = "?x", text: str = "?articleText_") -> str:
    """The SPARQL expression of a mention's or sentence's text: a span of its article's text
    (graph.rdf stores the text once; offsets count characters from 0, SUBSTR from 1)."""
    return f"SUBSTR({text}, {start} + 1, {end} - {start})"


def default_path() -> str:
    return os.environ.get("KG_STORE", DEFAULT_STORE)


def is_remote(location: str | os.PathLike | None) -> bool:
    return str(location or "").startswith(REMOTE_SCHEMES)


@dataclass
class Change:
    """One transaction: articles to (re)write and the registry entries they touch, as quads."""
    drop_graphs: list[str]
    quads: list[ox.Quad]  # the articles' own quads (the version's index follows them)
    nodes: list[str]  # entity IRIs whose registry entries are replaced
    registry: list = field(default_factory=list)  # quads of the registry: the new entries and direct triples
    stale: list = field(default_factory=list)  # registry quads of direct triples no article supports any more
    renames: list = field(default_factory=list)  # (retired IRI, IRI it was merged into), in order


@dataclass
class Write:
    """What one change does to the data, in order: drop graphs, delete registry entries
    (`entries`: the node's type, labels and counts; `gone`: everything it says), delete
    direct triples, insert quads."""
    drop_graphs: list[str]
    entries: list[str]
    gone: list[str]
    delete: list[ox.Quad]
    insert: list[ox.Quad]
    renames: list = field(default_factory=list)  # (old IRI, new IRI): every quad naming old names new
    entry_quads: list = field(default_factory=list)  # `entries` and `gone` as the quads they are


class Store:
    """What newskg does with a store, in SPARQL; subclasses say how to reach the data.

    `Store(location, base=None, write=False)` returns the backend that serves `location`."""

    vocab: Vocabulary
    version: str  # changes whenever a writer makes changes visible (the API caches by it)
    write: bool = False
    _reader_index = None
    pending_entries: list[str] = []  # a SPARQL server's: entries an interrupted batch left (graph.registry)
    _index_writer = None  # the index of the version being written (graph.store.index.Writer), if kept

    def __new__(cls, *args, **kwargs):
        if cls is Store:
            location = args[0] if args else kwargs.get("path", kwargs.get("location"))
            # the backends subclass this one (graph.store imports both), so it needs not import them
            cls = next(backend for backend in Store.__subclasses__() if backend.serves(location))
        return super().__new__(cls)

    @classmethod
    def serves(cls, location) -> bool:
        """Whether this backend is the one for `location`."""
        raise NotImplementedError

    # -- what a subclass provides ---------------------------------------------------------------
    def query(self, sparql: str, union: bool = True, **kwargs):
        """Run a query: QuerySolutions, QueryBoolean or an iterator of Triples (pyoxigraph's
        types). The default graph is the union of all graphs unless `union=False` or the call
        names its dataset (`default_graph`, `named_graphs`)."""
        raise NotImplementedError

    def quads_for_pattern(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        raise NotImplementedError

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        raise NotImplementedError

    def load(self, path: str | os.PathLike, graph: str | None = None, fmt: ox.RdfFormat | None = None,
             base_iri: str | None = None, force: bool = False) -> int:
        raise NotImplementedError

    def dump(self, fmt: ox.RdfFormat, output, transform: Transform | None = None) -> None:
        """Write the whole dataset (formats with graphs) or the union of its graphs. The quads come
        graph by graph; `transform`, when given, turns them into the quads to write (graph.rdf.with_implied)."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def changed(self) -> bool:
        """For readers: has a writer made changes visible since this store was opened?"""
        return False

    def publish(self) -> None:
        pass

    def maybe_publish(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- metadata -------------------------------------------------------------------------------
    def _check_base(self, stored: str | None, base: str | None) -> None:
        if stored and base and stored.rstrip("/") != base.rstrip("/"):
            raise StoreError(f"the store at {self._where()} was built with base IRI {stored}; "
                             f"it cannot be extended or served under {base}")
        self.vocab = Vocabulary(stored or base or default_base())

    def _where(self) -> str:
        return str(getattr(self, "path", "?"))

    def _meta_quads(self) -> list[ox.Quad]:
        """The base IRI (in the meta graph) and the ontology (in its own graph)."""
        v = self.vocab
        meta = ox.NamedNode(v.meta)
        quads = [ox.Quad(ox.NamedNode(v.base), ox.NamedNode(BASE_PREDICATE), ox.Literal(v.base), meta)]
        ontology = ox.NamedNode(v.ontology)
        for t in ox.parse(v.ontology_turtle(), format=ox.RdfFormat.TURTLE, base_iri=v.base):
            quads.append(ox.Quad(t.subject, t.predicate, t.object, ontology))
        return quads

    # -- reading ----------------------------------------------------------------------------------
    def select(self, sparql: str, **kwargs) -> list[dict]:
        """Rows of a SELECT as dicts of Python values (str for IRIs and literals, int/float
        for numbers). A row holding a number that is not one ("lots"^^xsd:integer, put there
        by another tool) is left out: readers see the rows they can read, never fail on one."""
        result = self.query(sparql, **kwargs)
        names = [v.value for v in result.variables]
        rows = []
        for row in result:
            values = {n: _py(row[n]) for n in names if row[n] is not None}
            if _ILL_TYPED not in values.values():
                rows.append(values)
        return rows

    def article_hashes(self) -> dict[str, str]:
        rows = self.select("SELECT ?g ?h WHERE { GRAPH ?g { ?g nkg:contentHash ?h } }", union=False)
        return {r["g"]: r["h"] for r in rows}

    def _serialize(self, quads: Iterator[ox.Quad], fmt: ox.RdfFormat, output, transform: Transform | None = None
                   ) -> None:
        """What `dump` writes of the quads (graph by graph): see there."""
        if transform is not None:
            quads = transform(quads)
        if fmt.supports_datasets:
            ox.serialize(quads, output, format=fmt, prefixes=self.vocab.prefixes)
            return
        ox.serialize(_dedupe(ox.Triple(q.subject, q.predicate, q.object) for q in quads), output, format=fmt,
                     prefixes=self.vocab.prefixes)

    # -- the version's index (graph.store.index) ------------------------------------------------
    def resolver_state(self) -> version_index.ResolverState | None:
        """The resolver's state as the version's index keeps it (None: it keeps none)."""
        return None

    def save_resolver_state(self, state: version_index.ResolverState) -> None:
        """Keep the resolver's whole state in the index of the version being written, if it has one."""

    def index(self, build: Callable[[Store, Path], None] | None = None):
        """The version's index for lookups, as an SQLite connection. A store that keeps none (a
        SPARQL server's) has one made by `build(store, path)` (graph.registry.rebuild_index) into
        a temporary file, once per reader."""
        if self._reader_index is None:
            if build is None:
                raise StoreError(f"the store at {self._where()} keeps no index of its version")
            path = Path(tempfile.mkdtemp(prefix="kg-index-")) / version_index.FILE
            build(self, path)
            self._reader_index = version_index.open_reader(path)
        return self._reader_index

    def refresh_index(self, build: Callable[[Store, Path], None]) -> None:
        """For a writer whose index no longer describes its version (a `kg load --force` wrote
        what a build maintains): have it made again by `build(store, path)`."""

    # -- what articles hold -----------------------------------------------------------------------
    def article_counts(self, graph: str) -> dict[str, tuple[Counter, Counter]]:
        """What one article contributes to each node: (forms, types) mention counts."""
        out: dict[str, tuple[Counter, Counter]] = {}
        for r in self.mention_counts(graph):
            forms, types = out.setdefault(self.vocab.slug_of(r["e"]), (Counter(), Counter()))
            forms[r["text"]] += r["n"]
            types[r["type"]] += r["n"]
        return out

    def mention_counts(self, graph: str | None) -> list[dict]:
        """Mentions per (entity, text, type) in one article graph, or in all of them (None)."""
        g = f"<{graph}>" if graph else "?g"
        rows = self.select(f"""SELECT ?e ?text ?t (COUNT(?m) AS ?n) WHERE {{ GRAPH {g} {{
            ?m nkg:refersTo ?e ; nkg:start ?s ; nkg:end ?x ; nkg:mentionType ?t . {g} nkg:text ?articleText_ }}
            BIND({mention_text()} AS ?text) }} GROUP BY ?e ?text ?t""", union=False)
        for r in rows:
            r["type"] = TYPE_OF_CLASS.get(r.pop("t").rsplit("#", 1)[-1], "ORG")
        return rows

    def contribution(self, graphs: list[str]) -> version_index.Contribution:
        """What articles already in the store contribute to the index (before they are replaced)."""
        c = version_index.Contribution()
        v = self.vocab
        slug = v.slug_of
        for chunk in chunks(sorted(graphs), VALUES_CHUNK):
            values = "VALUES ?g { " + " ".join(f"<{g}>" for g in chunk) + " }"
            for r in self.select(f"""SELECT ?g ?s ?p ?o (COUNT(?st) AS ?n) WHERE {{ {values} GRAPH ?g {{
                    ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}
                    GROUP BY ?g ?s ?p ?o""", union=False):
                if r["o"].startswith(v.base + "entity/"):
                    c.add_edge(slug(r["s"]), slug(r["o"]), r["p"].rsplit("#", 1)[-1], r["n"])
                else:
                    c.titles[(slug(r["s"]), r["o"])] += r["n"]
            for r in self.select(f"""SELECT ?g ?s ?o (SUM(?n) AS ?w) WHERE {{ {values} GRAPH ?g {{
                    ?c a nkg:CoMention ; rdf:subject ?s ; rdf:object ?o ; nkg:count ?n }} }} GROUP BY ?g ?s ?o""",
                                 union=False):
                c.add_edge(slug(r["s"]), slug(r["o"]), version_index.COMENTION, r["w"])
            c.articles.update({g: () for g in chunk})
        return c

    # -- writing ------------------------------------------------------------------------------------
    # The registry holds each direct triple (`?x nkg:leads ?y`, `?x nkg:coMentionedWith ?y`) once,
    # however many articles state it. A batch adds the triples its articles state and removes
    # only those that the articles it replaces or removes were the last to support: the work
    # is proportional to the batch, not to how much the store already says about its entities.
    def _fact_queries(self, where: str, statements: str = "", comentions: str = "") -> list[str]:
        """Statements, then co-mentions, as (?s ?p ?o) rows, each query opened by its own
        VALUES; two queries, because one with a UNION makes Oxigraph scan every statement."""
        return [f"""SELECT DISTINCT ?s ?p ?o WHERE {{ {statements} GRAPH ?g {{
                    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; a nkg:Statement }} {where} }}""",
                f"""SELECT DISTINCT ?s ?p ?o WHERE {{ {comentions} GRAPH ?g {{
                    ?c rdf:subject ?s ; rdf:object ?o ; a nkg:CoMention }}
                    BIND(nkg:coMentionedWith AS ?p) {where} }}"""]

    def _facts(self, queries: list[str]) -> set:
        facts = set()
        for q in queries:
            for row in self.query(q, union=False):
                facts.add((row["s"].value, row["p"].value, row["o"]))
        return facts

    @staticmethod
    def _excluding(graphs: list[str]) -> str:
        return f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in graphs)}))" if graphs else ""

    def supported_facts(self, subjects: list[str], exclude_graphs: list[str]) -> set:
        """Every direct triple about `subjects` that statements and co-mentions in the store
        support, outside the graphs about to be replaced."""
        facts = set()
        for chunk in chunks(subjects, VALUES_CHUNK):
            values = "VALUES ?s { " + " ".join(f"<{s}>" for s in chunk) + " }"
            facts |= self._facts(self._fact_queries(self._excluding(exclude_graphs), values, values))
        return facts

    def graph_facts(self, graphs: list[str]) -> set:
        """The direct triples the given article graphs support."""
        facts = set()
        for chunk in chunks(graphs, VALUES_CHUNK):
            values = "VALUES ?g { " + " ".join(f"<{g}>" for g in chunk) + " }"
            facts |= self._facts(self._fact_queries("", values, values))
        return facts

    def unsupported_facts(self, graphs: list[str], keep: set = frozenset()) -> set:
        """Direct triples only `graphs` support (and not `keep`): they go when those graphs go."""
        candidates = sorted(self.graph_facts(graphs) - set(keep), key=str)
        comention = self.vocab.term("coMentionedWith")
        stated = [f for f in candidates if f[1] != comention]
        shared = [f for f in candidates if f[1] == comention]
        supported = set()
        for chunk in chunks(stated, VALUES_CHUNK):
            values = "VALUES (?s ?p ?o) { " + " ".join(f"(<{s}> <{p}> {o})" for s, p, o in chunk) + " }"
            supported |= self._facts(self._fact_queries(self._excluding(graphs), statements=values)[:1])
        for chunk in chunks(shared, VALUES_CHUNK):
            values = "VALUES (?s ?o) { " + " ".join(f"(<{s}> {o})" for s, _, o in chunk) + " }"
            supported |= self._facts(self._fact_queries(self._excluding(graphs), comentions=values)[1:])
        return set(candidates) - supported

    def commit(self, change: Change, nodes: dict, state: version_index.ResolverState | None = None) -> None:
        """Apply one change atomically: `nodes` gives each touched node's new registry entry as
        the index reads it (label, type, counts, aliases; None: the node is gone), whose quads are
        among `change.registry`. `state`, when given, is the resolver's state the index keeps for
        the next build."""
        index = self._index_writer
        if index is not None:
            dropped = self.contribution(list(change.drop_graphs))
        retired = [old for old, _ in change.renames]
        gone = [iri for iri in change.nodes if nodes.get(iri) is None and iri not in retired]
        write = Write(drop_graphs=list(change.drop_graphs), entries=[n for n in change.nodes if n not in gone],
                      gone=gone, delete=list(change.stale), insert=list(change.quads) + list(change.registry),
                      renames=list(change.renames))
        if write.drop_graphs or write.entries or write.gone or write.delete or write.insert or write.renames:
            if index is not None:
                # Before the store's own write (a failure of either leaves the version unpublished):
                # written after Oxigraph's bulk load, the index work left RocksDB's new files
                # uncompressed, twice the space (measured, 300 synthetic articles: 70 vs 41 MB).
                self._index_change(index, change, nodes, dropped, state)
            self._write(write)
            if index is not None and change.renames:
                self._index_renames(index, change.renames)
            self.maybe_publish()

    def _index_change(self, index, change: Change, nodes: dict, dropped, state) -> None:
        try:
            index.apply(change.quads, dropped, nodes, change.renames, state)
        except BaseException as e:
            self._broken = f"{type(e).__name__}: {e}"
            raise

    def _index_renames(self, index, renames: list) -> None:
        try:
            for old, new in renames:  # a merge: the node's edges as the store now has them
                index.forget(old)
                index.set_edges(new, self.node_edges(new))
        except BaseException as e:
            self._broken = f"{type(e).__name__}: {e}"
            raise

    def node_edges(self, iri: str) -> list[tuple]:
        """Every edge of one node as (subject, object, predicate name, statements or sentences,
        articles), from its statements and co-mentions in the articles."""
        out = []
        for end in ("?s", "?o"):
            for r in self.select(f"""SELECT ?s ?p ?o (COUNT(?st) AS ?n) (COUNT(DISTINCT ?g) AS ?a) WHERE {{
                    VALUES {end} {{ <{iri}> }} GRAPH ?g {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
                    rdf:object ?o FILTER(isIRI(?o)) }} }} GROUP BY ?s ?p ?o""", union=False):
                out.append((r["s"], r["o"], r["p"].rsplit("#", 1)[-1], r["n"], r["a"]))
            for r in self.select(f"""SELECT ?s ?o (SUM(?n) AS ?w) (COUNT(DISTINCT ?g) AS ?a) WHERE {{
                    VALUES {end} {{ <{iri}> }} GRAPH ?g {{ ?c a nkg:CoMention ; rdf:subject ?s ; rdf:object ?o ;
                    nkg:count ?n }} }} GROUP BY ?s ?o""", union=False):
                out.append((r["s"], r["o"], "coMentionedWith", r["w"], r["a"]))
        return [e for e in out if e[0] != e[1]]

    def _update_operations(self, write: Write) -> list[str]:
        """The SPARQL Update operations of one write before its inserts, in order."""
        v = self.vocab
        registry = v.registry
        entry = " ".join(f"<{p}>" for p in (RDF + "type", RDFS + "label", SKOS + "altLabel",
                                             v.term("mentionCount"), v.term("documentCount"), v.term("place")))
        ops = [f"DROP SILENT GRAPH <{g}>" for g in write.drop_graphs]
        ops += _delete_data(write.entry_quads)
        for nodes, predicates in ((write.entries, f"VALUES ?p {{ {entry} }}"), (write.gone, "")):
            for chunk in chunks(nodes, VALUES_CHUNK):
                values = " ".join(f"<{iri}>" for iri in chunk)
                ops.append(f"DELETE {{ GRAPH <{registry}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                           f"{predicates} GRAPH <{registry}> {{ ?e ?p ?o }} }}")
        for old, new in write.renames:
            ops += rename_operations(old, new, v)
        return ops + _delete_data(write.delete)

    def _write(self, write: Write) -> None:
        """Carry out one write: all or nothing, as far as readers can tell."""
        raise NotImplementedError


def rename_operations(old: str, new: str, vocab: Vocabulary) -> list[str]:
    """SPARQL Update that makes every quad naming the node `old` name `new` (a merge): its
    mentions, statements, co-mentions and direct triples; then co-mentions and `coMentionedWith`
    put back in IRI order (subject < object), as the rest of the store has them."""
    cmw = vocab.term("coMentionedWith")
    return [f"DELETE {{ GRAPH ?g {{ <{old}> ?p ?o }} }} INSERT {{ GRAPH ?g {{ <{new}> ?p ?o }} }} "
            f"WHERE {{ GRAPH ?g {{ <{old}> ?p ?o }} }}",
            f"DELETE {{ GRAPH ?g {{ ?s ?p <{old}> }} }} INSERT {{ GRAPH ?g {{ ?s ?p <{new}> }} }} "
            f"WHERE {{ GRAPH ?g {{ ?s ?p <{old}> }} }}",
            f"DELETE {{ GRAPH ?g {{ ?c <{RDF}subject> ?x ; <{RDF}object> ?y }} }} "
            f"INSERT {{ GRAPH ?g {{ ?c <{RDF}subject> ?y ; <{RDF}object> ?x }} }} "
            f"WHERE {{ VALUES ?n {{ <{new}> }} "
            f"GRAPH ?g {{ {{ ?c <{RDF}subject> ?n ; <{RDF}object> ?y BIND(?n AS ?x) }} "
            f"UNION {{ ?c <{RDF}object> ?n ; <{RDF}subject> ?x BIND(?n AS ?y) }} "
            f"?c a <{vocab.term('CoMention')}> }} FILTER(STR(?x) > STR(?y)) }}",
            f"DELETE {{ GRAPH <{vocab.registry}> {{ ?x <{cmw}> ?y }} }} INSERT {{ GRAPH <{vocab.registry}> "
            f"{{ ?y <{cmw}> ?x }} }} WHERE {{ VALUES ?n {{ <{new}> }} GRAPH <{vocab.registry}> {{ "
            f"{{ ?n <{cmw}> ?y BIND(?n AS ?x) }} UNION {{ ?x <{cmw}> ?n BIND(?n AS ?y) }} }} "
            f"FILTER(STR(?x) > STR(?y)) }}"]


# The lexical forms of the XSD datatypes a store's readers turn into numbers, truth values and
# dates (XML Schema 1.1 Part 2); a literal of one of them that does not fit is ill-typed.
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = r"[+-]?\d+"
LEXICAL = {XSD + name: re.compile(pattern) for name, pattern in {
    "integer": _INTEGER, "int": _INTEGER, "long": _INTEGER, "short": _INTEGER, "byte": _INTEGER,
    "nonNegativeInteger": r"\+?\d+|-0+", "positiveInteger": r"\+?0*[1-9]\d*", "unsignedInt": r"\+?\d+",
    "unsignedLong": r"\+?\d+", "negativeInteger": r"-0*[1-9]\d*", "nonPositiveInteger": r"-\d+|\+?0+",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN",
    "float": r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN",
    "boolean": r"true|false|1|0",
    "date": r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?",
    "dateTime": r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
}.items()}


def check_loaded(quads: list[ox.Quad], path, vocab, force: bool = False) -> None:
    """StoreError, naming the line, for a file that would make the store lie or break its
    readers: an ill-typed literal ("lots"^^xsd:integer), or — unless `force` — a write into what
    `kg build` maintains (an article's graph, the entity registry, the store's metadata)."""
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal) and o.datatype.value in LEXICAL \
                and not LEXICAL[o.datatype.value].fullmatch(o.value):
            raise StoreError(f"{path}{_line_of(path, o.value)}: ill-typed literal \"{o.value[:80]}\"^^"
                             f"xsd:{o.datatype.value[len(XSD):]}; nothing of this file was loaded")
    if force:
        return
    owned = {vocab.registry: "the entity registry", vocab.meta: "the store's metadata"}
    articles = vocab.document("")
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        what = owned.get(g) or ("an article's graph" if g.startswith(articles) else None)
        if what:
            raise StoreError(f"{path}: writes into {what} (<{g}>), which `kg build` maintains; load it into "
                             "a graph of its own (--graph IRI), or give --force to write there anyway; "
                             "nothing of this file was loaded")


def _line_of(path, lexical: str) -> str:
    """' (line N)': where a lexical form first occurs in the file, when it can be told."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                if lexical in line:
                    return f" (line {n})"
    except OSError:
        pass
    return ""


def parse_file(path: str | os.PathLike, graph: str | None = None, fmt: ox.RdfFormat | None = None,
               base_iri: str | None = None) -> list[ox.Quad]:
    """Every quad of an RDF file, put into `graph` when one is given; StoreError with the
    parser's message when the file is not what it claims."""
    path = Path(path)
    if fmt is None:
        ext = "".join(path.suffixes[-1:]).lstrip(".").lower()
        fmt = ox.RdfFormat.from_extension({"jsonld": "jsonld", "json": "jsonld", "nt": "nt", "owl": "rdf",
                                            "xml": "rdf"}.get(ext, ext))
        if fmt is None:
            raise StoreError(f"{path}: unknown RDF format {path.suffix!r}; use .ttl, .nt, .nq, .trig, .rdf, "
                             ".jsonld or give --format")
    target = ox.NamedNode(graph) if graph else None
    try:
        parsed = ox.parse(path=str(path), format=fmt, base_iri=base_iri or path.resolve().as_uri(),
                          without_named_graphs=False)
        return [ox.Quad(q.subject, q.predicate, q.object, target if target is not None else q.graph_name)
                if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, target
                                                     or ox.DefaultGraph()) for q in parsed]
    except SyntaxError as e:
        raise StoreError(f"{path}: {e.args[0] if e.args else e}; nothing of this file was loaded") from None
    except MemoryError as e:  # the parser's own limit ("Reached the buffer maximal size of 16777216")
        raise StoreError(f"{path}: a term of the file (a literal or an IRI) is longer than the RDF parser takes "
                         f"({e}); nothing of this file was loaded") from None
    except OSError as e:
        raise StoreError(f"{path}: cannot read: {e.strerror or e}") from None


def _delete_data(quads: list[ox.Quad]) -> list[str]:
    return ["DELETE DATA { " + " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}"
                                        for q in chunk) + " }" for chunk in chunks(quads, VALUES_CHUNK)]


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _dedupe(triples: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
    seen = set()
    for t in triples:
        key = str(t)
        if key not in seen:
            seen.add(key)
            yield t


_ILL_TYPED = object()


def _py(term):
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt.endswith(("#integer", "#int", "#long")):
                return int(term.value)
            if dt.endswith(("#decimal", "#double", "#float")):
                number = float(term.value)
                return number if math.isfinite(number) else _ILL_TYPED  # no reader counts in infinities
        except ValueError:
            return _ILL_TYPED
        return term.value
    return term.value
