"""What a store keeps that resolution and the graph view make: the entity registry's entries and
direct triples, the resolver's state in the version's index, and the index itself.

The store keeps quads and rows (graph.store); this module, above it, turns a resolver into them
and back: `load_resolver` reads the resolver a store holds (with the analyst's curation),
`commit` writes a batch with the registry quads of the nodes it touches, `prepare_writer`
finishes what a writer could not on its own (an interrupted batch's registry entries on a SPARQL
server, an index a `kg load --force` left out of date), `index` is the version's index for
lookups, made from the graph view when a store keeps none.
"""
from __future__ import annotations

import json
import weakref
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from . import curation
from .rdf import fact_quad, node_quads
from .names import is_acronym
from .resolve import Node, Resolver
from .store import Change, Store
from .store.base import mention_text
from .store import index as version_index
from .view import load as load_view

# The resolver's indexes a node is in, by name (Resolver._index fills them from a node's forms)
INDEXES = ("by_key", "by_surname", "by_word", "by_kind", "by_initials")

# Per resolver, node id -> (its forms and place, the index keys they give): a node's keys are
# worked out again only when its forms change (most nodes a batch touches change their counts only).
_keys_known: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# -- the resolver ---------------------------------------------------------------------------------
def load_resolver(store: Store) -> Resolver:
    """The resolver as the store holds it: read from the version's index (rows proportional to
    the nodes) when it has the resolver's state, else rebuilt from every mention (and then kept
    in the index of a version being written); the curation items applied."""
    store.refresh_index(rebuild_index)
    resolver = _stored_resolver(store)
    if store.pending_entries:
        _repair_entries(store, resolver)
    return resolver


def prepare_writer(store: Store) -> None:
    """What a writer finishes before anything else: the registry entries an interrupted batch
    left (on a SPARQL server) and the version's index (see the module's docstring)."""
    if store.pending_entries:
        load_resolver(store)
    elif store.write:
        store.refresh_index(rebuild_index)


def _stored_resolver(store: Store) -> Resolver:
    state = store.resolver_state()
    resolver = resolver_of(state) if state is not None else None
    if resolver is None:
        resolver = resolver_from_mentions(store)
        store.save_resolver_state(state_of(resolver))
    curation.apply_to(resolver, store)
    return resolver


def resolver_from_mentions(store: Store) -> Resolver:
    resolver = Resolver()
    v = store.vocab
    slug = v.slug_of
    registry = v.registry
    # generic institutions' places first: their names are indexed by kind and place
    for r in store.select(f"SELECT ?e ?p WHERE {{ GRAPH <{registry}> {{ ?e nkg:place ?p }} }}", union=False):
        resolver.nodes.setdefault(slug(r["e"]), Node(slug(r["e"]))).place = r["p"]
    for r in store.mention_counts(None):
        resolver.add_counts(slug(r["e"]), Counter({r["text"]: r["n"]}), Counter({r["type"]: r["n"]}), 0)
    for r in store.select("SELECT ?g ?e WHERE { GRAPH ?g { ?g schema:mentions ?e } }", union=False):
        node = resolver.nodes.get(slug(r["e"]))
        doc = v.document_id_of(r["g"])
        if node and doc is not None:
            node.docs.add(resolver.document(doc))
    for node in resolver.nodes.values():
        node.documents = len(node.docs)
    texts: dict[tuple, set] = defaultdict(set)  # (node, article) → the texts naming it there
    for r in store.select(f"""SELECT DISTINCT ?g ?e ?text WHERE {{ GRAPH ?g {{ ?m nkg:refersTo ?e ; nkg:start ?s ;
            nkg:end ?x . ?g nkg:text ?articleText_ }} BIND({mention_text()} AS ?text) }}""", union=False):
        texts[(slug(r["e"]), v.document_id_of(r["g"]))].add(r["text"])
    for (nid, doc), named in texts.items():
        if nid in resolver.nodes and doc is not None and all(is_acronym(t) for t in named):
            resolver.nodes[nid].acronym_docs.add(resolver.document(doc))
    for r in store.select(f"SELECT ?e ?l WHERE {{ GRAPH <{registry}> {{ ?e rdfs:label ?l }} }}", union=False):
        node = resolver.nodes.get(slug(r["e"]))
        if node and r["l"] not in node.forms:
            node.hint = r["l"]
    for r in store.select(f"SELECT ?old ?new WHERE {{ GRAPH <{registry}> {{ ?old owl:sameAs ?new }} }}",
                          union=False):
        if slug(r["old"]) and slug(r["new"]):
            resolver.retired[slug(r["old"])] = slug(r["new"])
    for nid in [n for n, node in resolver.nodes.items() if not node.forms]:
        del resolver.nodes[nid]  # a place left by an entry whose mentions are gone
    return resolver


# -- the resolver's state, as the index keeps it ------------------------------------------------
def node_state(node: Node, known: dict | None = None) -> str:
    """A node as the resolver knows it, with the keys it is indexed under: loading puts the node
    back under them without working them out again (names, gazetteers) for every form."""
    what = (frozenset(node.forms), node.place, node.type == "PERSON")
    held = known.get(node.id) if known is not None else None
    if held is not None and held[0] == what:
        keys = held[1]
    else:
        scratch = Resolver()
        for form in node.forms:
            scratch._index(node, form)
        keys = [[name, key] for name in INDEXES for key in getattr(scratch, name)]
        if known is not None:
            known[node.id] = (what, keys)
    return json.dumps({"f": node.forms, "t": node.types, "n": node.documents, "d": sorted(node.docs),
                       "a": sorted(node.acronym_docs), "h": node.hint, "p": node.place, "k": keys},
                      ensure_ascii=False, separators=(",", ":"))


def state_of(resolver: Resolver, nodes: dict[str, Node | None] | None = None) -> version_index.ResolverState:
    """The state of some nodes (by id; None: gone) and the resolver's numbering and retired ids;
    without `nodes`, of them all."""
    if nodes is None:
        states = {n.id: node_state(n) for n in resolver.nodes.values()}
    else:
        known = _keys_known.setdefault(resolver, {})
        states = {nid: node_state(n, known) if n is not None else None for nid, n in nodes.items()}
    return version_index.ResolverState(nodes=states, documents=resolver.documents, retired=resolver.retired)


def resolver_of(state: version_index.ResolverState) -> Resolver:
    resolver = Resolver()
    resolver.documents.update(state.documents)
    for nid, text in state.nodes.items():
        s = json.loads(text)
        node = resolver.nodes[nid] = Node(nid, place=s["p"], hint=s["h"], documents=s["n"])
        node.types = Counter(s["t"])
        node.docs = set(s["d"])
        node.acronym_docs = set(s.get("a", ()))  # (not kept by the index before)
        node.forms = Counter(s["f"])
        for name, key in s["k"]:
            getattr(resolver, name)[key if name != "by_kind" else tuple(key)].add(nid)
    resolver.retired = dict(state.retired)
    return resolver


# -- writing --------------------------------------------------------------------------------------
def commit(store: Store, change: Change, nodes: dict[str, Node | None], facts: set = frozenset(),
           stale: list = (), resolver: Resolver | None = None) -> None:
    """Write one change with the registry as resolution leaves it: `nodes` gives each touched
    node's new entry (None: the node is gone), `facts` the direct triples to have in the
    registry (those the change's articles state; more is harmless), `stale` those to remove.
    `resolver`, when given, is the state the index keeps for the next build."""
    v = store.vocab
    registry = [q for node in nodes.values() if node is not None for q in node_quads(node, v)]
    registry += [fact_quad(f, v) for f in sorted(facts, key=str)]
    change = replace(change, registry=registry, stale=[fact_quad(f, v) for f in stale])
    state = state_of(resolver, {v.slug_of(iri): n for iri, n in nodes.items()}) if resolver is not None else None
    store.commit(change, nodes, state)


def _repair_entries(store: Store, resolver: Resolver) -> None:
    """The registry entries an interrupted batch touched, recomputed from what the store holds;
    writing them clears the batch's journal."""
    v = store.vocab
    pending = list(store.pending_entries)
    touched = {n: resolver.nodes.get(v.slug_of(n)) for n in pending}
    facts = store.supported_facts(pending, [])
    commit(store, Change(drop_graphs=[], quads=[], nodes=pending), touched, facts,
           stale=store.unsupported_registry_facts(pending, facts))
    store.pending_entries = []


# -- the version's index for lookups --------------------------------------------------------------
def index(store: Store):
    """The version's index for lookups (graph.store.index), as an SQLite connection: made from
    the graph view for a store that keeps none, once per reader."""
    return store.index(rebuild_index)


def rebuild_index(store: Store, path: str | Path) -> None:
    """The whole index of lookups of a store, from the store (for one written without it, or by a
    SPARQL server): proportional to the store, so done once per version and only when missing."""
    view = load_view(store)
    v = store.vocab
    edges = [(e.source, e.target, p, count, articles)
             for e in view.edges for p, (count, articles) in e.by_predicate.items()]
    titles = [(v.slug_of(r["s"]), r["t"], r["n"]) for r in store.select(
        """SELECT ?s ?t (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st a nkg:Statement ;
            rdf:subject ?s ; rdf:predicate nkg:title ; rdf:object ?t } } GROUP BY ?s ?t""", union=False)
        if v.slug_of(r["s"]) in view.nodes]
    articles = [(r["g"], r["id"], r.get("title"), _text(r.get("date")), r.get("url"), r.get("entities", 0))
                for r in store.select("""SELECT ?g ?id ?title ?date ?url (COUNT(DISTINCT ?e) AS ?entities) WHERE {
            GRAPH ?g { ?g a nkg:Article ; dcterms:identifier ?id OPTIONAL { ?g dcterms:title ?title }
              OPTIONAL { ?g dcterms:date ?date } OPTIONAL { ?g schema:url ?url } OPTIONAL { ?g schema:mentions ?e } } }
            GROUP BY ?g ?id ?title ?date ?url""", union=False)]
    version_index.build(path, v, [(n.iri, n) for n in view.nodes.values()], edges, titles, articles)


def _text(value):
    return None if value is None else str(value)
