"""The on-disk store: Oxigraph (RocksDB) datasets shared by the CLI and the API.

A store is a folder of versions, each a complete Oxigraph database, and a `CURRENT` file
naming the published one. Readers (the server's workers, `kg query`, `kg export`) open
the published version read-only, so any number of them run beside a build and none ever
sees a lock. A writer (`kg build`, `kg load`) takes the folder's write lock, copies the
published version (hard links, so it costs no space), writes its transactions into the
copy and publishes it by replacing `CURRENT` atomically — every few seconds and at the
end. A killed writer leaves the published version untouched: whole articles only.

Writes are SPARQL updates, so each is one transaction: an article's named graph and the
registry entries of the entities it touches are replaced together or not at all.
Queries see the union of all graphs as the default graph unless a request says otherwise.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .resolve import Node, Resolver
from .vocab import SCHEMA, Vocabulary, default_base

DEFAULT_STORE = "kgstore"
BASE_PREDICATE = "https://w3id.org/newskg/baseIRI"


class StoreError(RuntimeError):
    pass


def default_path() -> str:
    return os.environ.get("KG_STORE", DEFAULT_STORE)


@dataclass
class Change:
    """One transaction: articles to (re)write and the registry entries they touch."""
    drop_graphs: list[str]
    quads: list[ox.Quad]
    nodes: list[str]  # entity IRIs whose registry entries are replaced


def published_version(root: Path) -> str | None:
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return name if re.fullmatch(r"v\d{6}", name) and (root / name).is_dir() else None


class Store:
    """One version of a store: the published one read-only, or a private copy to write."""

    def __init__(self, path: str | os.PathLike | None = None, base: str | None = None, write: bool = False,
                 publish_every: float = 30.0):
        self.path = Path(path or default_path())
        self.write = write
        self.publish_every = publish_every
        self._lock = None
        self._dirty = False
        if write:
            self._open_writer()
        else:
            self.version = published_version(self.path)
            if self.version is None:
                raise StoreError(f"no graph at {self.path} yet: build one with `kg build PATH... --store {self.path}`")
            self.ox = self._open(self.version, read_only=True)
        stored = self._stored_base()
        if stored and base and stored.rstrip("/") != base.rstrip("/"):
            raise StoreError(f"the store at {self.path} was built with base IRI {stored}; "
                             f"it cannot be extended or served under {base}")
        self.vocab = Vocabulary(stored or base or default_base())
        if not stored and write:
            self._init_meta()
        self._published_at = time.monotonic()

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
        self.ox = self._open(self.version, read_only=False)

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
        self.ox.flush()
        done = self.version
        del self.ox  # close the database before readers may open it
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(done + "\n")
        os.replace(tmp, self.path / "CURRENT")
        self._collect_garbage(keep={done})
        self.version = self._next_version()
        ox.Store.read_only(str(self.path / done)).backup(str(self.path / self.version))
        self.ox = self._open(self.version, read_only=False)
        self._dirty = False
        self._published_at = time.monotonic()

    def maybe_publish(self) -> None:
        if self._dirty and time.monotonic() - self._published_at >= self.publish_every:
            self.publish()

    def close(self) -> None:
        """Writers publish and release the lock; the unpublished copy is removed."""
        if self.write and self._lock is not None:
            self.publish()
            unpublished = self.version
            del self.ox
            shutil.rmtree(self.path / unpublished, ignore_errors=True)
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def changed(self) -> bool:
        """For readers: has a newer version been published since this one was opened?"""
        return published_version(self.path) != self.version

    # -- metadata -------------------------------------------------------------------------
    def _stored_base(self) -> str | None:
        for q in self.ox.quads_for_pattern(None, ox.NamedNode(BASE_PREDICATE), None, None):
            return q.object.value
        return None

    def _init_meta(self) -> None:
        v = self.vocab
        meta = ox.NamedNode(v.meta)
        quads = [ox.Quad(ox.NamedNode(v.base), ox.NamedNode(BASE_PREDICATE),
                         ox.Literal(v.base), meta)]
        ontology = ox.NamedNode(v.ontology)
        for t in ox.parse(v.ontology_turtle(), format=ox.RdfFormat.TURTLE, base_iri=v.base):
            quads.append(ox.Quad(t.subject, t.predicate, t.object, ontology))
        self.ox.extend(quads)
        self._dirty = True

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str, union: bool = True, **kwargs):
        return self.ox.query(sparql, use_default_graph_as_union=union and "default_graph" not in kwargs,
                             prefixes=self.vocab.prefixes, **kwargs)

    def select(self, sparql: str, **kwargs) -> list[dict]:
        """Rows of a SELECT as dicts of Python values (str for IRIs and literals, int/float
        for numbers)."""
        result = self.query(sparql, **kwargs)
        names = [v.value for v in result.variables]
        return [{n: _py(row[n]) for n in names if row[n] is not None} for row in result]

    def article_hashes(self) -> dict[str, str]:
        rows = self.select("SELECT ?g ?h WHERE { GRAPH ?g { ?g nkg:contentHash ?h } }")
        return {r["g"]: r["h"] for r in rows}

    def load_resolver(self) -> Resolver:
        """The resolver's index as the store holds it: every node's forms, types and counts."""
        resolver = Resolver()
        for r in self._mention_counts(None):
            resolver.add_counts(self.vocab.slug_of(r["e"]), Counter({r["text"]: r["n"]}),
                                Counter({r["type"]: r["n"]}), 0)
        for r in self.select("SELECT ?e (COUNT(DISTINCT ?g) AS ?d) WHERE { GRAPH ?g { ?a schema:mentions ?e } } "
                             "GROUP BY ?e"):
            node = resolver.nodes.get(self.vocab.slug_of(r["e"]))
            if node:
                node.documents = r["d"]
        for r in self.select(f"SELECT ?e ?l WHERE {{ GRAPH <{self.vocab.registry}> {{ ?e rdfs:label ?l }} }}",
                             union=False):
            node = resolver.nodes.get(self.vocab.slug_of(r["e"]))
            if node and r["l"] not in node.forms:
                node.hint = r["l"]
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
            ?m nkg:refersTo ?e ; nkg:text ?text ; nkg:mentionType ?t }} }} GROUP BY ?e ?text ?t""", union=False)
        from .vocab import TYPE_OF_CLASS
        for r in rows:
            r["type"] = TYPE_OF_CLASS.get(r.pop("t").rsplit("#", 1)[-1], "ORG")
        return rows

    def __len__(self) -> int:
        return len(self.ox)

    # -- writing --------------------------------------------------------------------------------
    def supported_facts(self, subjects: list[str], exclude_graphs: list[str]) -> set:
        """Direct triples about `subjects` that statements and co-mentions in the store
        support, outside the graphs about to be replaced."""
        if not subjects:
            return set()
        values = " ".join(f"<{s}>" for s in subjects)
        exclude = f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in exclude_graphs)}))" if exclude_graphs else ""
        facts = set()
        for row in self.query(f"""SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }}
                {{ GRAPH ?g {{ ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}
                UNION {{ GRAPH ?g {{ ?c a nkg:CoMention ; rdf:subject ?s ; rdf:object ?o }}
                         BIND(nkg:coMentionedWith AS ?p) }} {exclude} }}""", union=False):
            facts.add((row["s"].value, row["p"].value, row["o"]))
        return facts

    def commit(self, change: Change, nodes: dict[str, Node | None], facts: set = frozenset()) -> None:
        """Apply one change atomically; `nodes` gives each touched node's new registry entry
        (None: the node is gone) and `facts` the direct triples the store supports for them."""
        from .rdf import node_quads

        registry = self.vocab.registry
        parts = [f"DROP SILENT GRAPH <{g}>" for g in change.drop_graphs]
        if change.nodes:
            values = " ".join(f"<{iri}>" for iri in change.nodes)
            parts.append(f"DELETE {{ GRAPH <{registry}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
                         f"GRAPH <{registry}> {{ ?e ?p ?o }} }}")
        quads = list(change.quads)
        by_subject: dict[str, set] = {}
        for fact in facts:
            by_subject.setdefault(fact[0], set()).add(fact)
        for iri, node in nodes.items():
            if node is not None:
                quads += node_quads(node, self.vocab, by_subject.get(iri, set()))
        if quads:
            parts.append("INSERT DATA { " + _quads_text(quads) + " }")
        if parts:
            self.ox.update(" ;\n".join(parts))
            self._dirty = True
            self.maybe_publish()

    def load(self, path: str | os.PathLike, graph: str | None = None, fmt: ox.RdfFormat | None = None,
             base_iri: str | None = None) -> int:
        """Import an RDF file (any format pyoxigraph reads) in one transaction: into `graph`,
        or, without one, the file's own graphs (default graph for triple formats). The whole
        file is parsed before anything is written, so a syntax error writes nothing."""
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
            quads = [ox.Quad(q.subject, q.predicate, q.object, target if target is not None else q.graph_name)
                     if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object, target
                                                          or ox.DefaultGraph()) for q in parsed]
        except SyntaxError as e:
            raise StoreError(f"{path}: {e.args[0] if e.args else e}; nothing of this file was loaded") from None
        except OSError as e:
            raise StoreError(f"{path}: cannot read: {e.strerror or e}") from None
        self.ox.extend(quads)
        self._dirty = True
        return len(quads)

    def remove_articles(self, graphs: Iterable[str], resolver: Resolver) -> int:
        """Delete articles and their contributions to the registry, in one transaction."""
        touched: dict[str, Node | None] = {}
        graphs = list(graphs)
        for g in graphs:
            for nid, (forms, types) in self.article_counts(g).items():
                resolver.remove_counts(nid, forms, types, 1)
                touched[self.vocab.entity(nid)] = resolver.nodes.get(nid)
        facts = self.supported_facts(list(touched), graphs)
        self.commit(Change(drop_graphs=graphs, quads=[], nodes=list(touched)), touched, facts)
        return len(graphs)

    def dump(self, fmt: ox.RdfFormat, output) -> None:
        """Write the whole dataset (formats with graphs) or the union of its graphs."""
        if fmt.supports_datasets:
            self.ox.dump(output, format=fmt, prefixes=self.vocab.prefixes)
            return
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in self.ox.quads_for_pattern(None, None, None))
        ox.serialize(_dedupe(triples), output, format=fmt, prefixes=self.vocab.prefixes)


def _dedupe(triples: Iterator[ox.Triple]) -> Iterator[ox.Triple]:
    seen = set()
    for t in triples:
        key = str(t)
        if key not in seen:
            seen.add(key)
            yield t


def _quads_text(quads: list[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH {g} {{ {' '.join(lines)} }}" for g, lines in by_graph.items())


def _py(term):
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    return term.value


__all__ = ["Store", "StoreError", "Change", "default_path", "SCHEMA"]
