"""A store on a SPARQL 1.1 server: `--store sparql+http://host:port/path[?update=…&gsp=…]`.

Queries go over the SPARQL 1.1 Protocol and come back as pyoxigraph's own result types
(`parse_query_results`, `parse`), so the CLI and the API treat them as the embedded store's.
Writes are SPARQL 1.1 Update, one request per batch; files are loaded through the Graph Store
Protocol. The location's URL is the query endpoint; its parameters (removed before use):

  update=URL   the update endpoint (default: the query endpoint), relative to the query endpoint
  gsp=URL      the Graph Store Protocol endpoint (default: none; loads then go as SPARQL Update)
  auth=digest  HTTP Digest instead of Basic for the credentials in the URL's user:password@
               (or KG_STORE_USER / KG_STORE_PASSWORD)
  chunk=N      quads per INSERT DATA operation (default 1000; Virtuoso's parser refuses ~5,000)

One server may hold several newskg graphs, each under its own base IRI (`--base` chooses;
a build with a new one starts another). The server must make its default graph the union of
its named graphs (Virtuoso, GraphDB and
QLever do by default; Fuseki with `unionDefaultGraph`), as the embedded store does.

A batch is one update request, but not every server applies a request as one transaction:
Virtuoso commits its operations one by one, and a request that fails half-way leaves the
first ones applied. So each batch first writes a journal into the meta graph (the article
graphs and entities it touches) and removes it as its last operation; a writer that finds a
journal left behind drops those article graphs (a later build adds them again) and
recomputes the registry entries of those entities from what the store holds (graph.registry,
which resolves: `pending_entries` names them until then, and the journal stays).
"""
from __future__ import annotations

import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox
import requests

from ..sparql import _mask
from ..vocab import RDF, RDFS, SKOS
from .base import BASE_PREDICATE, VALUES_CHUNK, Store, StoreError, Write, check_loaded, chunks, is_remote, parse_file

VERSION_PREDICATE = "https://w3id.org/newskg/version"
PENDING_GRAPH = "https://w3id.org/newskg/pendingGraph"
PENDING_NODE = "https://w3id.org/newskg/pendingNode"

ENTRY = {RDF + "type", RDFS + "label", SKOS + "altLabel"}  # with the counts: a node's entry, not a fact
ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/sparql-results+xml;q=0.7, application/rdf+xml;q=0.5")
RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                  "application/json": ox.QueryResultsFormat.JSON,
                  "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                  "application/xml": ox.QueryResultsFormat.XML,
                  "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
                 "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML,
                 "application/ld+json": ox.RdfFormat.JSON_LD, "application/n-quads": ox.RdfFormat.N_QUADS,
                 "application/trig": ox.RdfFormat.TRIG}
_VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*"|<bnode>)nodeID://')
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


class RemoteStore(Store):
    @classmethod
    def serves(cls, location) -> bool:
        return is_remote(location)

    def __init__(self, location: str, base: str | None = None, write: bool = False, timeout: float = 600,
                 poll: float = 2.0):
        self.location = location
        self.write = write
        self.timeout = timeout
        self.poll = poll
        self._parse_location(location)
        self._local = threading.local()
        self.recovered: list[str] = []
        self.pending_entries: list[str] = []  # entities whose registry entries an interrupted batch left
        stored, self.version = self._stored_meta(base)
        if stored is None and not write:
            raise StoreError(f"no graph at {self._where()} yet: build one with "
                             f"`kg build PATH... --store {self._where()}`")
        self._check_base(stored, base)
        if stored is None:
            self._init_meta()
        self._checked_at = time.monotonic()
        if write:
            self._recover()

    # -- the location ---------------------------------------------------------------------------
    def _parse_location(self, location: str) -> None:
        parts = urlsplit(location[len("sparql+"):])
        if not parts.hostname:
            raise StoreError(f"{location!r} is not a SPARQL store location; write "
                             "sparql+http://host:port/path (the server's query endpoint)")
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        own = {k: params.pop(k) for k in ("update", "gsp", "auth", "chunk") if k in params}
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        self.query_url = urlunsplit((parts.scheme, netloc, parts.path or "/", urlencode(params), ""))
        self.update_url = urljoin(self.query_url, own["update"]) if own.get("update") else self.query_url
        self.gsp_url = urljoin(self.query_url, own["gsp"]) if own.get("gsp") else None
        try:
            self.chunk = max(1, int(own.get("chunk", 1000)))
        except ValueError:
            raise StoreError(f"chunk={own['chunk']!r} in the store location must be a number") from None
        user = unquote(parts.username) if parts.username else os.environ.get("KG_STORE_USER")
        password = unquote(parts.password) if parts.password else os.environ.get("KG_STORE_PASSWORD", "")
        self.auth = None
        if user:
            self.auth = (requests.auth.HTTPDigestAuth(user, password) if own.get("auth") == "digest"
                         else requests.auth.HTTPBasicAuth(user, password))

    def _where(self) -> str:
        return "sparql+" + self.query_url

    # -- HTTP -------------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.auth = self.auth
        return session

    def _http(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            return self._session().request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as e:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {e}") from None

    def _prologue(self, text: str, base_iri: str | None = None) -> str:
        """PREFIX lines for newskg's prefixes the query does not declare itself."""
        declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(_mask(text))}
        lines = [f"BASE <{base_iri}>"] if base_iri else []
        prefixes = self.vocab.prefixes if hasattr(self, "vocab") else {}  # none before the base IRI is known
        lines += [f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items() if name not in declared]
        return "\n".join(lines) + "\n" if lines else ""

    # -- reading ------------------------------------------------------------------------------------
    def query(self, sparql: str, union: bool = True, default_graph=None, named_graphs=None,
              base_iri: str | None = None, **kwargs):
        # `union` needs nothing: the server's default graph is the union of its graphs (see the
        # module's docstring), and newskg's own union=False queries all name their graphs.
        if kwargs:
            raise TypeError(f"unsupported query options for a SPARQL server: {', '.join(kwargs)}")
        form = [("query", self._prologue(sparql, base_iri) + sparql)]
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, (list, tuple)) else [default_graph]
            form += [("default-graph-uri", g.value) for g in graphs if isinstance(g, ox.NamedNode)]
        if named_graphs is not None:
            form += [("named-graph-uri", g.value) for g in named_graphs if isinstance(g, ox.NamedNode)]
        response = self._http("POST", self.query_url, data=form, headers={"Accept": ACCEPT})
        return self._results(response)

    def _results(self, response: requests.Response):
        if response.status_code == 400:
            raise SyntaxError(_message(response))
        if response.status_code >= 300:
            raise StoreError(f"the SPARQL server answered {response.status_code}: {_message(response)}")
        # Servers that cut answers say so in headers (Virtuoso: ResultSetMaxRows, timeouts);
        # a cut answer would silently lose facts, so it is an error.
        if "X-SPARQL-MaxRows" in response.headers or response.headers.get("X-SQL-State"):
            raise StoreError("the SPARQL server returned a partial answer "
                             f"({response.headers.get('X-SQL-Message') or 'row limit reached'}); "
                             "lift its result limits (Virtuoso: [SPARQL] ResultSetMaxRows = 0, "
                             "MaxQueryExecutionTime = 0)")
        mt = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if mt in RESULT_FORMATS:
            # Virtuoso names blank nodes nodeID://b123, which is no blank node label
            body = _VIRTUOSO_BNODE.sub(rb"\1", response.content)
            return ox.parse_query_results(body, RESULT_FORMATS[mt])
        if mt in GRAPH_FORMATS:
            parsed = ox.parse(response.content, format=GRAPH_FORMATS[mt])
            return (ox.Triple(q.subject, q.predicate, q.object) for q in parsed)
        raise StoreError(f"the SPARQL server answered in {mt or 'an unnamed format'}, which newskg cannot read")

    def quads_for_pattern(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        s = str(subject) if subject is not None else "?s"
        p = str(predicate) if predicate is not None else "?p"
        o = str(obj) if obj is not None else "?o"
        g = str(graph) if isinstance(graph, ox.NamedNode) else "?g"
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH {g} {{ {s} {p} {o} }} }}")
        return iter([ox.Quad(subject or r["s"], predicate or r["p"], obj or r["o"],
                             graph if isinstance(graph, ox.NamedNode) else r["g"]) for r in rows])

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return (r["g"] for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def _own_graphs_filter(self) -> str:
        return f'FILTER(STRSTARTS(STR(?g), "{self.vocab.base}"))'

    def __len__(self) -> int:
        """Quads in the store's own graphs (those under its base IRI): a server may hold others."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs_filter()} }}")
        return rows[0]["n"] if rows else 0

    def dump(self, fmt: ox.RdfFormat, output, transform=None) -> None:
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs_filter()} }} "
                          "ORDER BY ?g")  # graph by graph, as `transform` may need
        self._serialize((ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows), fmt, output, transform)

    def changed(self) -> bool:
        """Asks the server at most every `poll` seconds."""
        if time.monotonic() - self._checked_at < self.poll:
            return False
        self._checked_at = time.monotonic()
        return self._stored_meta(self.vocab.base)[1] != self.version

    def _stored_meta(self, base: str | None) -> tuple[str | None, str]:
        """The base IRI and version of the newskg graph at this location. A server may hold
        several, each under its own base IRI: `base` chooses (and a writer with a new one
        starts another); without it, the only one there is."""
        rows = self.query(f"""SELECT ?b ?v WHERE {{ GRAPH ?g {{ ?s <{BASE_PREDICATE}> ?b
                              OPTIONAL {{ ?s <{VERSION_PREDICATE}> ?v }} }} }}""")
        found = {r["b"].value: (r["v"].value if r["v"] is not None else "v0") for r in rows}
        if base is not None:
            for stored, version in found.items():
                if stored.rstrip("/") == base.rstrip("/"):
                    return stored, version
            if found and not self.write:
                raise StoreError(f"no newskg graph with base IRI {base} at {self._where()}; it holds "
                                 f"{', '.join(sorted(found))} (choose with --base / KG_BASE)")
            return None, "v0"
        if len(found) > 1:
            raise StoreError(f"{self._where()} holds several newskg graphs (base IRIs {', '.join(sorted(found))}); "
                             "choose one with --base / KG_BASE")
        return next(iter(found.items())) if found else (None, "v0")

    # -- writing ------------------------------------------------------------------------------------
    def _update(self, ops: list[str]) -> None:
        if not ops:
            return
        body = (" ;\n".join(ops)).encode("utf-8")
        response = self._http("POST", self.update_url, data=body,
                              headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        if response.status_code >= 300:
            raise StoreError(f"the SPARQL server refused an update ({response.status_code}): {_message(response)}")

    def _insert_ops(self, quads: list[ox.Quad]) -> list[str]:
        """INSERT DATA operations of at most `chunk` quads each; quads with blank nodes stay
        together (their labels mean one node only within one operation)."""
        plain = [q for q in quads if not _has_blank(q)]
        blank = [q for q in quads if _has_blank(q)]
        ops = [f"INSERT DATA {{ {_quads_text(chunk)} }}" for chunk in chunks(plain, self.chunk)]
        if blank:
            ops.append(f"INSERT DATA {{ {_quads_text(blank)} }}")
        return ops

    def _version_ops(self) -> list[str]:
        self.version = uuid.uuid4().hex[:12]
        v = self.vocab
        return [f"DELETE {{ GRAPH <{v.meta}> {{ <{v.base}> <{VERSION_PREDICATE}> ?v }} }} "
                f"WHERE {{ GRAPH <{v.meta}> {{ <{v.base}> <{VERSION_PREDICATE}> ?v }} }}",
                f'INSERT DATA {{ GRAPH <{v.meta}> {{ <{v.base}> <{VERSION_PREDICATE}> "{self.version}" }} }}']

    def _write(self, write: Write) -> None:
        v = self.vocab
        pending = ox.NamedNode(v.meta + "#pending")
        meta = ox.NamedNode(v.meta)
        graphs = sorted(set(write.drop_graphs) | {q.graph_name.value for q in write.insert
                                                   if isinstance(q.graph_name, ox.NamedNode)
                                                   and q.graph_name.value != v.registry})
        journal = [ox.Quad(pending, ox.NamedNode(PENDING_GRAPH), ox.NamedNode(g), meta) for g in graphs]
        journal += [ox.Quad(pending, ox.NamedNode(PENDING_NODE), ox.NamedNode(n), meta)
                    for n in write.entries + write.gone]
        ops = self._insert_ops(journal) if journal else []
        ops += self._update_operations(write)
        ops += self._insert_ops(write.insert)
        ops.append(f"DELETE {{ GRAPH <{v.meta}> {{ {pending} ?p ?o }} }} "
                   f"WHERE {{ GRAPH <{v.meta}> {{ {pending} ?p ?o }} }}")
        ops += self._version_ops()
        self._update(ops)

    def _recover(self) -> None:
        """Finish what an interrupted batch left that needs no resolving: drop its article graphs;
        the registry entries it touched are left to graph.registry (see the module's docstring)."""
        v = self.vocab
        rows = self.query(f"SELECT ?p ?x WHERE {{ GRAPH <{v.meta}> {{ <{v.meta}#pending> ?p ?x }} }}")
        graphs, nodes = [], []
        for r in rows:
            (graphs if r["p"].value == PENDING_GRAPH else nodes).append(r["x"].value)
        if not graphs and not nodes:
            return
        self._update([f"DROP SILENT GRAPH <{g}>" for g in graphs])
        self.pending_entries = nodes
        self.recovered = [g for g in graphs if v.document_id_of(g) is not None]

    def unsupported_registry_facts(self, nodes: list[str], facts: set) -> list:
        """The direct triples the registry holds about `nodes` that are not among `facts`."""
        v = self.vocab
        held = set()
        for chunk in chunks(nodes, VALUES_CHUNK):
            values = " ".join(f"<{n}>" for n in chunk)
            held |= {(r["s"].value, r["p"].value, r["o"]) for r in self.query(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} GRAPH <{v.registry}> {{ ?s ?p ?o }} }}")}
        entry = ENTRY | {v.term("mentionCount"), v.term("documentCount")}
        return sorted((f for f in held - facts if f[1] not in entry), key=str)

    def _init_meta(self) -> None:
        quads = self._meta_quads()
        ontology = self.vocab.ontology
        if self.gsp_url:
            self._put_graph(ontology, [q for q in quads if q.graph_name.value == ontology])
            quads = [q for q in quads if q.graph_name.value != ontology]
        self._update(self._insert_ops(quads) + self._version_ops())

    def _put_graph(self, graph: str | None, quads: list[ox.Quad], replace: bool = True) -> None:
        """Graph Store Protocol: PUT (replace) or POST (add) one graph's triples."""
        body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                            format=ox.RdfFormat.N_TRIPLES)
        params = {"graph": graph} if graph else {"default": ""}
        response = self._http("PUT" if replace else "POST", self.gsp_url, params=params, data=body,
                              headers={"Content-Type": "application/n-triples"})
        if response.status_code >= 300:
            raise StoreError(f"the Graph Store Protocol endpoint {self.gsp_url} refused "
                             f"{'PUT' if replace else 'POST'} {graph or 'default graph'} "
                             f"({response.status_code}): {_message(response)}")

    def load(self, path, graph: str | None = None, fmt: ox.RdfFormat | None = None,
             base_iri: str | None = None, force: bool = False) -> int:
        """Import an RDF file: parsed and checked whole first (a bad file writes nothing; see
        graph.store.base.check_loaded), then sent in one request — a Graph Store Protocol POST when it
        fills one named graph, else SPARQL Update."""
        quads = parse_file(path, graph, fmt, base_iri)
        check_loaded(quads, path, self.vocab, force)
        targets = {q.graph_name for q in quads}
        if self.gsp_url and len(targets) == 1 and isinstance(next(iter(targets)), ox.NamedNode):
            self._put_graph(next(iter(targets)).value, quads, replace=False)
            self._update(self._version_ops())
        else:
            self._update(self._insert_ops(quads) + self._version_ops())
        return len(quads)


def _has_blank(q: ox.Quad) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


def _quads_text(quads: list[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return " ".join(f"GRAPH {g} {{ {' '.join(lines)} }}" if g != "DEFAULT" else " ".join(lines)
                    for g, lines in by_graph.items())


def _message(response: requests.Response) -> str:
    text = response.text.strip()
    return re.sub(r"\s+", " ", text)[:1000] or response.reason


__all__ = ["RemoteStore"]
