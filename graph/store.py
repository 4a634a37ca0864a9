"""The store: where the graph lives, for the CLI and the API alike.

`Store(location)` opens the store a location names (`open_store` is the same factory):

* a folder — the embedded on-disk store, `OxigraphStore` (Oxigraph on RocksDB): a folder of
  versions, each a complete Oxigraph database, and a `CURRENT` file naming the published
  one. Readers (the server's workers, `kg query`, `kg export`) open the published version
  read-only, so any number of them run beside a build and none ever sees a lock. A writer
  (`kg build`, `kg load`) takes the folder's write lock, copies the published version (hard
  links, so it costs no space), writes into the copy and publishes it by replacing `CURRENT`
  atomically — every few seconds and at the end. A killed writer leaves the published version
  untouched: whole articles only.
* `sparql+http(s)://host:port/path` — a SPARQL 1.1 server (`graph.remote.RemoteStore`):
  queries over the SPARQL protocol, writes as SPARQL Update, files through the Graph Store
  Protocol.

What newskg asks of a store is written once, here, in SPARQL: which articles it holds, the
resolver's index, what an article contributes, the direct facts statements support, and the
writes of a batch (drop the replaced articles' graphs, replace the touched registry entries,
insert the new quads). Queries see the union of all graphs as the default graph unless a
request says otherwise.
"""
from __future__ import annotations

import fcntl
import math
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from .resolve import Node, Resolver
from .vocab import RDF, RDFS, SCHEMA, SKOS, TYPE_OF_CLASS, Vocabulary, default_base

DEFAULT_STORE = "kgstore"
BASE_PREDICATE = "https://w3id.org/newskg/baseIRI"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
# How many terms one VALUES block, and how many quads one INSERT DATA, may hold: some servers'
# parsers (Virtuoso's) run out of stack on longer lists, and nothing is lost by splitting.
VALUES_CHUNK = 400
# Batches at least this big go to the embedded store through Oxigraph's bulk loader (as fast as
# its own bulk load); smaller ones in one ordinary transaction.
BULK_QUADS = 10_000


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


def open_store(location: str | os.PathLike | None = None, base: str | None = None, write: bool = False,
               **kwargs) -> Store:
    """The store at `location` (default: KG_STORE, else ./kgstore): a folder or a SPARQL server."""
    location = location or default_path()
    if is_remote(location):
        from .remote import RemoteStore
        return RemoteStore(str(location), base=base, write=write, **kwargs)
    return OxigraphStore(location, base=base, write=write, **kwargs)


@dataclass
class Change:
    """One transaction: articles to (re)write and the registry entries they touch."""
    drop_graphs: list[str]
    quads: list[ox.Quad]
    nodes: list[str]  # entity IRIs whose registry entries are replaced
    stale_facts: list = field(default_factory=list)  # direct triples no article supports any more
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

    `Store(location, base=None, write=False)` returns the right subclass for `location`."""

    vocab: Vocabulary
    version: str  # changes whenever a writer makes changes visible (the API caches by it)
    write: bool = False

    def __new__(cls, *args, **kwargs):
        if cls is Store:
            location = args[0] if args else kwargs.get("path", kwargs.get("location"))
            if is_remote(location):
                from .remote import RemoteStore
                cls = RemoteStore
            else:
                cls = OxigraphStore
        return super().__new__(cls)

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

    def dump(self, fmt: ox.RdfFormat, output) -> None:
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

    def load_resolver(self) -> Resolver:
        """The resolver as the store holds it: read from the version's index (rows proportional
        to the nodes) when it has the resolver's state, else rebuilt from every mention (and then
        kept in the index of a version being written)."""
        from .curation import apply_to
        from .sidecar import load_resolver

        db = self._resolver_db()
        resolver = load_resolver(db) if db is not None else None
        if resolver is None:
            resolver = self._resolver_from_mentions()
            if getattr(self, "_sidecar", None) is not None:
                self._sidecar.save_resolver(resolver)
        apply_to(resolver, self)
        return resolver

    def _resolver_db(self):
        """The version's index when it may hold the resolver's state (None: the store keeps none)."""
        return None

    def index(self):
        """The version's index for lookups (graph.sidecar), as an SQLite connection: for a store
        that keeps none, built once per reader from the store into a temporary file."""
        if getattr(self, "_reader_index", None) is None:
            self._reader_index = _temporary_index(self)
        return self._reader_index

    def _resolver_from_mentions(self) -> Resolver:
        from .resolve import Node

        resolver = Resolver()
        slug = self.vocab.slug_of
        registry = self.vocab.registry
        # generic institutions' places first: their names are indexed by kind and place
        for r in self.select(f"SELECT ?e ?p WHERE {{ GRAPH <{registry}> {{ ?e nkg:place ?p }} }}", union=False):
            resolver.nodes.setdefault(slug(r["e"]), Node(slug(r["e"]))).place = r["p"]
        for r in self._mention_counts(None):
            resolver.add_counts(slug(r["e"]), Counter({r["text"]: r["n"]}), Counter({r["type"]: r["n"]}), 0)
        for r in self.select("SELECT ?g ?e WHERE { GRAPH ?g { ?g schema:mentions ?e } }", union=False):
            node = resolver.nodes.get(slug(r["e"]))
            doc = self.vocab.document_id_of(r["g"])
            if node and doc is not None:
                node.docs.add(resolver.document(doc))
        for node in resolver.nodes.values():
            node.documents = len(node.docs)
        for r in self.select(f"SELECT ?e ?l WHERE {{ GRAPH <{registry}> {{ ?e rdfs:label ?l }} }}", union=False):
            node = resolver.nodes.get(slug(r["e"]))
            if node and r["l"] not in node.forms:
                node.hint = r["l"]
        for r in self.select(f"SELECT ?old ?new WHERE {{ GRAPH <{registry}> {{ ?old owl:sameAs ?new }} }}",
                             union=False):
            if slug(r["old"]) and slug(r["new"]):
                resolver.retired[slug(r["old"])] = slug(r["new"])
        for nid in [n for n, node in resolver.nodes.items() if not node.forms]:
            del resolver.nodes[nid]  # a place left by an entry whose mentions are gone
        return resolver

    def article_counts(self, graph: str) -> dict[str, tuple[Counter, Counter]]:
        """What one article contributes to each node: (forms, types) mention counts."""
        out: dict[str, tuple[Counter, Counter]] = {}
        for r in self._mention_counts(graph):
            forms, types = out.setdefault(self.vocab.slug_of(r["e"]), (Counter(), Counter()))
            forms[r["text"]] += r["n"]
            types[r["type"]] += r["n"]
        return out

    def _mention_counts(self, graph: str | None) -> list[dict]:
        g = f"<{graph}>" if graph else "?g"
        rows = self.select(f"""SELECT ?e ?text ?t (COUNT(?m) AS ?n) WHERE {{ GRAPH {g} {{
            ?m nkg:refersTo ?e ; nkg:start ?s ; nkg:end ?x ; nkg:mentionType ?t . {g} nkg:text ?articleText_ }}
            BIND({mention_text()} AS ?text) }} GROUP BY ?e ?text ?t""", union=False)
        for r in rows:
            r["type"] = TYPE_OF_CLASS.get(r.pop("t").rsplit("#", 1)[-1], "ORG")
        return rows

    def _materialised(self, quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
        """The quads, each article graph's followed by what it implies (graph.rdf.materialise);
        quads of one graph must come together (as the stores give them: graph by graph)."""
        from .rdf import materialise

        articles = self.vocab.document("")
        graph, held = None, []
        for q in quads:
            if q.graph_name != graph:
                if held:
                    yield from materialise(held, self.vocab)
                graph, held = q.graph_name, []
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(articles):
                held.append(q)
            yield q
        if held:
            yield from materialise(held, self.vocab)

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
        for chunk in _chunks(subjects, VALUES_CHUNK):
            values = "VALUES ?s { " + " ".join(f"<{s}>" for s in chunk) + " }"
            facts |= self._facts(self._fact_queries(self._excluding(exclude_graphs), values, values))
        return facts

    def graph_facts(self, graphs: list[str]) -> set:
        """The direct triples the given article graphs support."""
        facts = set()
        for chunk in _chunks(graphs, VALUES_CHUNK):
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
        for chunk in _chunks(stated, VALUES_CHUNK):
            values = "VALUES (?s ?p ?o) { " + " ".join(f"(<{s}> <{p}> {o})" for s, p, o in chunk) + " }"
            supported |= self._facts(self._fact_queries(self._excluding(graphs), statements=values)[:1])
        for chunk in _chunks(shared, VALUES_CHUNK):
            values = "VALUES (?s ?o) { " + " ".join(f"(<{s}> {o})" for s, _, o in chunk) + " }"
            supported |= self._facts(self._fact_queries(self._excluding(graphs), comentions=values)[1:])
        return set(candidates) - supported

    def commit(self, change: Change, nodes: dict[str, Node | None], facts: set = frozenset(),
               resolver: Resolver | None = None) -> None:
        """Apply one change atomically: `nodes` gives each touched node's new registry entry
        (None: the node is gone), `facts` the direct triples to have in the registry (those the
        change's articles state; more is harmless) and `change.stale_facts` those to remove.
        `resolver`, when given, is the state the index keeps for the next build."""
        from .rdf import fact_quad, node_quads

        sidecar = getattr(self, "_sidecar", None)
        if sidecar is not None:
            from .sidecar import Contribution
            dropped = Contribution.of_graphs(self, list(change.drop_graphs))

        quads = list(change.quads)
        for _iri, node in nodes.items():
            if node is not None:
                quads += node_quads(node, self.vocab)
        quads += [fact_quad(f, self.vocab) for f in sorted(facts, key=str)]
        retired = [old for old, _ in change.renames]
        gone = [iri for iri in change.nodes if nodes.get(iri) is None and iri not in retired]
        write = Write(drop_graphs=list(change.drop_graphs), entries=[n for n in change.nodes if n not in gone],
                      gone=gone, delete=[fact_quad(f, self.vocab) for f in change.stale_facts], insert=quads,
                      renames=list(change.renames))
        if write.drop_graphs or write.entries or write.gone or write.delete or write.insert or write.renames:
            if sidecar is not None:
                # Before the store's own write (a failure of either leaves the version unpublished):
                # written after Oxigraph's bulk load, the index work left RocksDB's new files
                # uncompressed, twice the space (measured, 300 synthetic articles: 70 vs 41 MB).
                self._index_change(sidecar, change, nodes, dropped, resolver)
            self._write(write)
            if sidecar is not None and change.renames:
                self._index_renames(sidecar, change.renames)
            self.maybe_publish()

    def _index_change(self, sidecar, change: Change, nodes: dict, dropped, resolver) -> None:
        try:
            sidecar.apply(change.quads, dropped, nodes, change.renames, resolver)
        except BaseException as e:
            self._broken = f"{type(e).__name__}: {e}"
            raise

    def _index_renames(self, sidecar, renames: list) -> None:
        try:
            for old, new in renames:  # a merge: the node's edges as the store now has them
                sidecar.forget(old)
                sidecar.set_edges(new, self.node_edges(new))
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
            for chunk in _chunks(nodes, VALUES_CHUNK):
                values = " ".join(f"<{iri}>" for iri in chunk)
                ops.append(f"DELETE {{ GRAPH <{registry}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                           f"{predicates} GRAPH <{registry}> {{ ?e ?p ?o }} }}")
        for old, new in write.renames:
            ops += rename_operations(old, new, v)
        return ops + _delete_data(write.delete)

    def _write(self, write: Write) -> None:
        """Carry out one write: all or nothing, as far as readers can tell."""
        raise NotImplementedError

    def remove_articles(self, graphs: Iterable[str], resolver: Resolver) -> int:
        """Delete articles and their contributions to the registry, in one transaction."""
        touched: dict[str, Node | None] = {}
        graphs = list(graphs)
        for g in graphs:
            for nid, (forms, types) in self.article_counts(g).items():
                resolver.remove_counts(nid, forms, types, 1)
                touched[self.vocab.entity(nid)] = resolver.nodes.get(nid)
        stale = self.unsupported_facts(graphs)
        self.commit(Change(drop_graphs=graphs, quads=[], nodes=list(touched), stale_facts=sorted(stale, key=str)),
                    touched, resolver=resolver)
        return len(graphs)


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


# -- the embedded store ------------------------------------------------------------------------------
def published_version(root: Path) -> str | None:
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return name if re.fullmatch(r"v\d{6}", name) and (root / name).is_dir() else None


class OxigraphStore(Store):
    """One version of an on-disk store: the published one read-only, or a private copy to write."""

    def __init__(self, path: str | os.PathLike | None = None, base: str | None = None, write: bool = False,
                 publish_every: float = 30.0):
        self.path = Path(path or default_path())
        self.write = write
        self.publish_every = publish_every
        self._lock = None
        self._dirty = False
        self._broken: str | None = None
        self._sidecar = None
        self._reader_index = None
        if write:
            self._open_writer()
        else:
            self.version = published_version(self.path)
            if self.version is None:
                raise StoreError(f"no graph at {self.path} yet: build one with `kg build PATH... --store {self.path}`")
            self.ox = self._open(self.version, read_only=True)
        stored = self._stored_base()
        self._check_base(stored, base)
        if not stored and write:
            self.ox.extend(self._meta_quads())
            self._dirty = True
        if write:
            self._open_index(new=not stored)
        self._published_at = time.monotonic()

    # -- the version's index (graph.sidecar) ---------------------------------------------
    def _open_index(self, new: bool) -> None:
        """The index of the version being written: the published one's copy, kept in step with
        every batch; built from the store once when the published version has none."""
        from . import sidecar

        path = sidecar.path_in(self.path / self.version)
        self._sidecar = sidecar.Writer(path, self.vocab)
        if new:
            self._sidecar.mark("lookups")
            self._sidecar.mark("resolver")  # an empty store's resolver is an empty one
        elif not self._sidecar.valid("lookups"):
            self._sidecar.close()
            sidecar.rebuild(self, path)
            self._sidecar = sidecar.Writer(path, self.vocab)

    def _resolver_db(self):
        from . import sidecar

        if self._sidecar is not None:
            return self._sidecar.db
        path = sidecar.path_in(self.path / self.version)
        return sidecar.open_reader(path) if path.exists() else None

    def index(self):
        """The writer's own index, or the published version's (read-only, opened as is; built
        into a temporary file when the version has none, once per reader)."""
        from . import sidecar

        if self._sidecar is not None:
            return self._sidecar.db
        if self._reader_index is None:
            path = sidecar.path_in(self.path / self.version)
            db = sidecar.open_reader(path) if path.exists() else None
            if db is not None and db.execute("SELECT 1 FROM meta WHERE key = 'lookups'").fetchone() is None:
                db = None
            self._reader_index = db or _temporary_index(self)
        return self._reader_index

    # -- versions -------------------------------------------------------------------------
    def _open(self, version: str, read_only: bool) -> ox.Store:
        try:
            return ox.Store.read_only(str(self.path / version)) if read_only else ox.Store(str(self.path / version))
        except OSError as e:
            raise StoreError(f"cannot open the store at {self.path / version}: {e}") from e

    def _open_writer(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.path / "write.lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            self._lock = None
            raise StoreError(f"another newskg process is writing to {self.path} (a build or a load); "
                             "wait for it to finish") from None
        current = published_version(self.path)
        self._collect_garbage(keep={current} if current else set())
        self.version = self._next_version()
        if current:
            ox.Store.read_only(str(self.path / current)).backup(str(self.path / self.version))
            self._copy_index(current, self.version)
        self.ox = self._open(self.version, read_only=False)

    def _copy_index(self, source: str, target: str) -> None:
        from . import sidecar

        if sidecar.path_in(self.path / source).exists():
            sidecar.copy(sidecar.path_in(self.path / source), sidecar.path_in(self.path / target))

    def _next_version(self) -> str:
        numbers = [int(p.name[1:]) for p in self.path.glob("v[0-9]*") if re.fullmatch(r"v\d{6}", p.name)]
        return f"v{max(numbers, default=0) + 1:06d}"

    def _collect_garbage(self, keep: set[str]) -> None:
        """Remove versions nobody can be reading: all but the published one and the one before."""
        versions = sorted(p.name for p in self.path.glob("v[0-9]*") if re.fullmatch(r"v\d{6}", p.name))
        current = published_version(self.path)
        if current:
            previous = [v for v in versions if v < current]
            keep = keep | {current} | set(previous[-1:])
        for v in versions:
            if v not in keep:
                shutil.rmtree(self.path / v, ignore_errors=True)

    def publish(self) -> None:
        """Make everything written so far visible to readers; keep writing on a new copy."""
        if not self.write or not self._dirty:
            return
        if self._broken:
            raise StoreError(f"not publishing {self.path / self.version}: a write failed ({self._broken}); "
                             "the published version is unchanged")
        self.ox.flush()
        done = self.version
        del self.ox  # close the database before readers may open it
        if self._sidecar is not None:
            self._sidecar.close()
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(done + "\n")
        os.replace(tmp, self.path / "CURRENT")
        self._collect_garbage(keep={done})
        self.version = self._next_version()
        ox.Store.read_only(str(self.path / done)).backup(str(self.path / self.version))
        self._copy_index(done, self.version)
        self.ox = self._open(self.version, read_only=False)
        from . import sidecar
        self._sidecar = sidecar.Writer(sidecar.path_in(self.path / self.version), self.vocab)
        self._dirty = False
        self._published_at = time.monotonic()

    def compact(self) -> tuple[int, int]:
        """Write the version being written anew through the bulk loader, which writes its data in
        its final, compressed form; batches written one after another stay as written (RocksDB
        moves them down without compressing them again). Returns the bytes before and after."""
        from . import sidecar

        folder = self.path / self.version
        before = _bytes(folder)
        fresh = self.path / (self.version + ".compact")
        shutil.rmtree(fresh, ignore_errors=True)
        target = ox.Store(str(fresh))
        target.bulk_extend(self.ox.quads_for_pattern(None, None, None, None))
        target.flush()
        del target
        self._sidecar.close()
        os.replace(sidecar.path_in(folder), sidecar.path_in(fresh))
        del self.ox
        shutil.rmtree(folder)
        os.replace(fresh, folder)
        self.ox = self._open(self.version, read_only=False)
        self._sidecar = sidecar.Writer(sidecar.path_in(folder), self.vocab)
        self._dirty = True
        return before, _bytes(folder)

    def maybe_publish(self) -> None:
        if self._dirty and time.monotonic() - self._published_at >= self.publish_every:
            self.publish()

    def close(self) -> None:
        """Writers publish and release the lock; the unpublished copy is removed (a copy a
        failed write left half-written is never published)."""
        if self.write and self._lock is not None:
            try:
                if not self._broken:
                    self.publish()
            finally:
                unpublished = self.version
                del self.ox
                if self._sidecar is not None:
                    self._sidecar.close()
                    self._sidecar = None
                shutil.rmtree(self.path / unpublished, ignore_errors=True)
                fcntl.flock(self._lock, fcntl.LOCK_UN)
                self._lock.close()
                self._lock = None

    def changed(self) -> bool:
        # Asked on every API request: a stat of CURRENT (publishing replaces the file) instead
        # of reading it, unless it changed since the last look.
        try:
            seen = os.stat(self.path / "CURRENT")
            seen = (seen.st_ino, seen.st_mtime_ns)
        except FileNotFoundError:
            seen = None
        if seen is not None and seen == getattr(self, "_current_stat", None):
            return False
        if published_version(self.path) != self.version:
            return True  # and stays so: nothing is recorded
        self._current_stat = seen
        return False

    def _stored_base(self) -> str | None:
        for q in self.ox.quads_for_pattern(None, ox.NamedNode(BASE_PREDICATE), None, None):
            return q.object.value
        return None

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, union: bool = True, **kwargs):
        return self.ox.query(sparql, use_default_graph_as_union=union and "default_graph" not in kwargs,
                             prefixes=self.vocab.prefixes, **kwargs)

    def quads_for_pattern(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        return self.ox.quads_for_pattern(subject, predicate, obj, graph)

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (g for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.ox)

    # -- writing ------------------------------------------------------------------------------------
    def _write(self, write: Write) -> None:
        # Readers only ever see published versions, and a version is published between
        # changes, never within one: so a change need not be one Oxigraph transaction, and a big
        # batch can go through the bulk loader (which writes sorted files instead of logging
        # every quad). Should a write fail half-way, this copy is marked broken and never
        # published.
        write = self._exact_entries(write)
        ops = self._update_operations(write)
        try:
            if ops:
                self.ox.update(" ;\n".join(ops))
            if len(write.insert) >= BULK_QUADS:
                self.ox.bulk_extend(write.insert)
            elif write.insert:
                self.ox.extend(write.insert)
        except BaseException as e:
            self._broken = f"{type(e).__name__}: {e}"
            raise
        self._dirty = True

    def _exact_entries(self, write: Write) -> Write:
        """The registry entries to replace as the quads they are: Oxigraph deletes listed quads
        some thirty times faster than it matches a pattern joined with VALUES."""
        if not write.entries and not write.gone:
            return write
        registry = ox.NamedNode(self.vocab.registry)
        v = self.vocab
        entry = [ox.NamedNode(p) for p in (RDF + "type", RDFS + "label", SKOS + "altLabel", v.term("mentionCount"),
                                           v.term("documentCount"), v.term("place"))]
        held = []
        for iri in write.entries:
            node = ox.NamedNode(iri)
            for p in entry:
                held += self.ox.quads_for_pattern(node, p, None, registry)
        for iri in write.gone:
            held += self.ox.quads_for_pattern(ox.NamedNode(iri), None, None, registry)
        return Write(drop_graphs=write.drop_graphs, entries=[], gone=[], delete=write.delete, insert=write.insert,
                     renames=write.renames, entry_quads=held)

    def load(self, path: str | os.PathLike, graph: str | None = None, fmt: ox.RdfFormat | None = None,
             base_iri: str | None = None, force: bool = False) -> int:
        """Import an RDF file (any format pyoxigraph reads): into `graph`, or, without one,
        the file's own graphs (default graph for triple formats). The whole file is parsed and
        checked (see `check_loaded`) before anything is written, so a bad file writes nothing;
        a big file then goes through the bulk loader (see `_write`: readers see it whole or not
        at all)."""
        quads = parse_file(path, graph, fmt, base_iri)
        check_loaded(quads, path, self.vocab, force)
        if force and self._sidecar is not None:
            # what a build maintains was written by hand: the index is rebuilt by the next who needs it
            self._sidecar.mark("lookups", False)
            self._sidecar.mark("resolver", False)
        try:
            self._write(Write(drop_graphs=[], entries=[], gone=[], delete=[], insert=quads))
        except OSError as e:
            raise StoreError(f"{path}: the store could not be written ({e}); nothing of this file was "
                             "loaded") from None
        return len(quads)

    def dump(self, fmt: ox.RdfFormat, output) -> None:
        """Write the whole dataset (formats with graphs) or the union of its graphs, each
        article's graph with what it implies written out (graph.rdf.materialise)."""
        quads = self._materialised(self.ox.quads_for_pattern(None, None, None, None))
        if fmt.supports_datasets:
            ox.serialize(quads, output, format=fmt, prefixes=self.vocab.prefixes)
            return
        ox.serialize(_dedupe(ox.Triple(q.subject, q.predicate, q.object) for q in quads), output, format=fmt,
                     prefixes=self.vocab.prefixes)


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
                                        for q in chunk) + " }" for chunk in _chunks(quads, VALUES_CHUNK)]


def _bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file())


def _temporary_index(store: Store):
    import tempfile

    from . import sidecar

    folder = Path(tempfile.mkdtemp(prefix="kg-index-"))
    sidecar.rebuild(store, folder / sidecar.FILE)
    return sidecar.open_reader(folder / sidecar.FILE)


def _chunks(items: list, size: int) -> Iterator[list]:
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


__all__ = ["Store", "OxigraphStore", "open_store", "StoreError", "Change", "default_path", "is_remote", "SCHEMA"]
