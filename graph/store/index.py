"""The index written with each store version: what lookups and the resolver need, kept so
that their cost grows with the answer, not with the corpus.

An SQLite file (`index.sqlite`) beside the store's data: the writer updates it with every batch
(from the batch's own quads and nodes, never by scanning the store) and it is published with the
version it describes, so readers open it read-only and never build anything in memory. It holds

* entities: id, label, type, counts, aliases, titles — one row each;
* names: the folded names of each entity, with an FTS5 trigram index (substrings) and a table of
  their words (prefixes, and spelling slips by a bounded edit distance on words of like length);
* edges: for each (subject, object, predicate) the statements or co-mention sentences and the
  articles behind it — a neighbourhood is an indexed read of its nodes' rows;
* articles: title, date, URL and entity count, for the newest-first listing;
* the resolver's state: each node's forms, types and articles, the article numbering and the
  retired ids, so a build starts by reading rows proportional to the nodes, not every mention.

Whatever the writer cannot follow (a `kg load --force` into the graphs a build maintains) drops
the file; it is then made again from the store (graph.registry.rebuild_index, through `build`),
once, by the next one who needs it.

The index keeps rows: the resolver's state is made and read back above the store (graph.registry).
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..names import normal
from ..vocab import DCTERMS, RDF, SCHEMA

FILE = "index.sqlite"

TABLES = """
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, iri TEXT, label TEXT, type TEXT, mentions INTEGER,
    documents INTEGER, aliases TEXT, titles TEXT DEFAULT '[]');
CREATE INDEX IF NOT EXISTS entities_by_mentions ON entities (mentions DESC, label);
CREATE TABLE IF NOT EXISTS keys (id INTEGER PRIMARY KEY, entity TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS keys_by_entity ON keys (entity);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (key);
CREATE VIRTUAL TABLE IF NOT EXISTS names USING fts5 (key, content='keys', content_rowid='id', tokenize='trigram');
CREATE TABLE IF NOT EXISTS words (word TEXT, entity TEXT, PRIMARY KEY (word, entity)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS words_by_entity ON words (entity);
CREATE TABLE IF NOT EXISTS vocab (word TEXT PRIMARY KEY, rev TEXT, len INTEGER, n INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vocab_by_rev ON vocab (rev);
CREATE TABLE IF NOT EXISTS edges (source TEXT, target TEXT, predicate TEXT, statements INTEGER, articles INTEGER,
    PRIMARY KEY (source, target, predicate)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_by_target ON edges (target, source, predicate);
CREATE TABLE IF NOT EXISTS titles (entity TEXT, title TEXT, n INTEGER, PRIMARY KEY (entity, title)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (iri TEXT PRIMARY KEY, id TEXT, title TEXT, date TEXT, url TEXT, entities INTEGER);
CREATE INDEX IF NOT EXISTS articles_by_date ON articles (date DESC, id);
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, state TEXT);
CREATE TABLE IF NOT EXISTS documents (n INTEGER PRIMARY KEY, id TEXT);
CREATE TABLE IF NOT EXISTS retired (id TEXT PRIMARY KEY, into_id TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
COMENTION = "coMentionedWith"


def path_in(folder: str | os.PathLike) -> Path:
    return Path(folder) / FILE


def open_reader(path: str | os.PathLike) -> sqlite3.Connection:
    """A published index: immutable, so SQLite takes no locks and checks nothing on each read."""
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    db.execute("PRAGMA query_only = 1")
    return db


def open_writer(path: str | os.PathLike) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")  # a version half-written is never published (see graph.store.embedded)
    db.execute("PRAGMA synchronous = OFF")  # publishing closes (and so syncs) the file
    db.executescript(TABLES)
    return db


def copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """A new version's index starts as the published one's (SQLite's backup: consistent, quick)."""
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


# -- writing --------------------------------------------------------------------------------------
class Writer:
    """Keeps one version's index in step with the batches written to it."""

    def __init__(self, path: str | os.PathLike, vocab):
        self.path = Path(path)
        self.vocab = vocab
        self.db = open_writer(self.path)

    def close(self) -> None:
        self.db.close()

    def valid(self, what: str) -> bool:
        return self.db.execute("SELECT 1 FROM meta WHERE key = ?", (what,)).fetchone() is not None

    def mark(self, what: str, valid: bool = True) -> None:
        if valid:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (what,))
        else:
            self.db.execute("DELETE FROM meta WHERE key = ?", (what,))

    # one batch: the articles it drops (their contributions, read from the store before they go),
    # the quads it adds, the registry entries it rewrites, the merges it makes
    def apply(self, added: list, dropped: Contribution, nodes: dict, renames: list,
              state: ResolverState | None = None) -> None:
        db = self.db
        db.execute("BEGIN")
        contribution = Contribution.of_quads(added, self.vocab)
        for sign, c in ((-1, dropped), (1, contribution)):
            self._edges(c.edges, sign)
            self._titles(c.titles, sign)
        db.executemany("DELETE FROM articles WHERE iri = ?", [(g,) for g in dropped.articles])
        db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                       [(g, *row) for g, row in contribution.articles.items()])
        touched_titles = {s for s, _ in dropped.titles} | {s for s, _ in contribution.titles}
        for iri, node in nodes.items():
            self._entity(iri, node)
        for s in touched_titles - set(nodes):
            self._entity_titles(s)
        if state is not None:
            self._resolver(state)
        else:
            self.mark("resolver", False)
        db.execute("COMMIT")

    def set_edges(self, node_iri: str, rows: list[tuple]) -> None:
        """Replace every edge of a node (after a merge renamed another into it): rows of
        (source, target, predicate, statements, articles), by IRI."""
        slug = self.vocab.slug_of
        nid = slug(node_iri)
        self.db.execute("DELETE FROM edges WHERE source = ? OR target = ?", (nid, nid))
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)",
                            [(slug(s), slug(o), p, n, a) for s, o, p, n, a in rows if slug(s) and slug(o)])

    def forget(self, node_iri: str) -> None:
        nid = self.vocab.slug_of(node_iri)
        self.db.execute("DELETE FROM edges WHERE source = ? OR target = ?", (nid, nid))

    def _edges(self, edges: Counter, sign: int) -> None:
        self.db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, target, predicate) "
                            "DO UPDATE SET statements = statements + excluded.statements, "
                            "articles = articles + excluded.articles",
                            [(s, o, p, sign * n, sign * a) for (s, o, p), (n, a) in edges.items()])
        self.db.executemany("DELETE FROM edges WHERE source = ? AND target = ? AND predicate = ? AND statements <= 0",
                            list(edges) if sign < 0 else [])

    def _titles(self, titles: Counter, sign: int) -> None:
        self.db.executemany("INSERT INTO titles VALUES (?, ?, ?) ON CONFLICT (entity, title) "
                            "DO UPDATE SET n = n + excluded.n",
                            [(s, t, sign * n) for (s, t), n in titles.items()])
        self.db.executemany("DELETE FROM titles WHERE entity = ? AND title = ? AND n <= 0",
                            list(titles) if sign < 0 else [])

    def _entity(self, iri: str, node) -> None:
        nid = self.vocab.slug_of(iri)
        if nid is None:
            return
        aliases = json.dumps(node.aliases, ensure_ascii=False) if node is not None else None
        row = self.db.execute("SELECT label, aliases FROM entities WHERE id = ?", (nid,)).fetchone()
        if node is not None and row == (node.label, aliases):  # most nodes a batch touches change their counts only
            self.db.execute("UPDATE entities SET type = ?, mentions = ?, documents = ? WHERE id = ?",
                            (node.type, node.mentions, node.documents, nid))
            return
        keys = {normal(name) for name in [node.label, *node.aliases]} - {""} if node is not None else set()
        self._unname(nid)
        self.db.execute("DELETE FROM entities WHERE id = ?", (nid,))
        if node is None:
            return
        self.db.execute("INSERT INTO entities (id, iri, label, type, mentions, documents, aliases) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?)", (nid, iri, node.label, node.type, node.mentions, node.documents,
                                                  aliases))
        self._entity_titles(nid)
        for key in sorted(keys):
            rowid = self.db.execute("INSERT INTO keys (entity, key) VALUES (?, ?)", (nid, key)).lastrowid
            self.db.execute("INSERT INTO names (rowid, key) VALUES (?, ?)", (rowid, key))
        for word in sorted({w for k in keys for w in k.split()}):
            self.db.execute("INSERT OR IGNORE INTO words VALUES (?, ?)", (word, nid))
            self.db.execute("INSERT INTO vocab VALUES (?, ?, ?, 1) ON CONFLICT (word) DO UPDATE SET n = n + 1",
                            (word, word[::-1], len(word)))

    def _unname(self, nid: str) -> None:
        for rowid, key in self.db.execute("SELECT id, key FROM keys WHERE entity = ?", (nid,)).fetchall():
            self.db.execute("INSERT INTO names (names, rowid, key) VALUES ('delete', ?, ?)", (rowid, key))
        self.db.execute("DELETE FROM keys WHERE entity = ?", (nid,))
        words = [w for (w,) in self.db.execute("SELECT word FROM words WHERE entity = ?", (nid,))]
        self.db.execute("DELETE FROM words WHERE entity = ?", (nid,))
        for w in words:
            self.db.execute("UPDATE vocab SET n = n - 1 WHERE word = ?", (w,))
        if words:
            self.db.execute(f"DELETE FROM vocab WHERE n <= 0 AND word IN ({','.join('?' * len(words))})", words)

    def _entity_titles(self, nid: str) -> None:
        titles = [t for (t,) in self.db.execute("SELECT title FROM titles WHERE entity = ? ORDER BY title", (nid,))]
        self.db.execute("UPDATE entities SET titles = ? WHERE id = ?", (json.dumps(titles, ensure_ascii=False), nid))

    # -- the resolver's state -----------------------------------------------------------------
    def _resolver(self, state: ResolverState) -> None:
        db = self.db
        for nid, node in state.nodes.items():
            if node is None:
                db.execute("DELETE FROM nodes WHERE id = ?", (nid,))
            else:
                db.execute("INSERT OR REPLACE INTO nodes VALUES (?, ?)", (nid, node))
        known = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        fresh = list(state.documents.items())[known:]
        db.executemany("INSERT INTO documents VALUES (?, ?)", [(n, doc) for doc, n in fresh])
        db.execute("DELETE FROM retired")
        db.executemany("INSERT INTO retired VALUES (?, ?)", sorted(state.retired.items()))

    def save_resolver(self, state: ResolverState) -> None:
        """The whole state (after the resolver was rebuilt from the store)."""
        db = self.db
        db.execute("BEGIN")
        for table in ("nodes", "documents", "retired"):
            db.execute(f"DELETE FROM {table}")
        db.executemany("INSERT INTO nodes VALUES (?, ?)", list(state.nodes.items()))
        db.executemany("INSERT INTO documents VALUES (?, ?)", [(n, doc) for doc, n in state.documents.items()])
        db.executemany("INSERT INTO retired VALUES (?, ?)", sorted(state.retired.items()))
        self.mark("resolver")
        db.execute("COMMIT")


@dataclass
class ResolverState:
    """The resolver's state as the index keeps it: each node's state as text (graph.registry
    writes and reads it; None: the node is gone), the article numbering, the retired ids."""
    nodes: dict[str, str | None] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)  # article id -> its number
    retired: dict[str, str] = field(default_factory=dict)


def resolver_state(db: sqlite3.Connection) -> ResolverState | None:
    """The resolver's state as the index keeps it (None when it does not hold it)."""
    if db.execute("SELECT 1 FROM meta WHERE key = 'resolver'").fetchone() is None:
        return None
    return ResolverState(nodes=dict(db.execute("SELECT id, state FROM nodes")),
                         documents={doc: n for n, doc in db.execute("SELECT n, id FROM documents ORDER BY n")},
                         retired=dict(db.execute("SELECT id, into_id FROM retired")))


# -- what articles contribute ---------------------------------------------------------------------
class Contribution:
    """What some articles add to the index: edge counts (statements or sentences, articles) per
    (subject, object, predicate) by entity id, title counts per (entity, title), and each
    article's listing row."""

    def __init__(self):
        self.edges: Counter = Counter()
        self.titles: Counter = Counter()
        self.articles: dict[str, tuple] = {}

    def add_edge(self, s, o, p, n, a=1):
        old = self.edges.get((s, o, p), (0, 0))
        self.edges[(s, o, p)] = (old[0] + n, old[1] + a)

    @classmethod
    def of_quads(cls, quads: list, vocab) -> Contribution:
        """From an article's quads as graph.rdf writes them."""
        t = vocab.term
        subject, predicate, obj = RDF + "subject", RDF + "predicate", RDF + "object"
        statement, comention, article = t("Statement"), t("CoMention"), t("Article")
        by_node: dict = defaultdict(dict)
        kinds: dict = {}
        mentions: dict = defaultdict(set)
        meta: dict = defaultdict(dict)
        for q in quads:
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
            if g is None or g == vocab.registry:
                continue
            p = q.predicate.value
            s = q.subject.value
            if p == RDF + "type":
                kinds[(g, s)] = q.object.value
            elif p in (subject, predicate, obj) or p == t("count"):
                by_node[(g, s)][p] = q.object
            elif s == g:
                if p == SCHEMA + "mentions":
                    mentions[g].add(q.object.value)
                elif p in (DCTERMS + "identifier", DCTERMS + "title", DCTERMS + "date", SCHEMA + "url"):
                    meta[g][p] = q.object.value
        c = cls()
        slug = vocab.slug_of
        per_article: Counter = Counter()
        for (g, node), kind in kinds.items():
            parts = by_node.get((g, node), {})
            if kind == statement and subject in parts:
                s, o = slug(parts[subject].value), parts[obj]
                name = parts[predicate].value.rsplit("#", 1)[-1]
                if isinstance(o, ox.NamedNode):
                    if slug(o.value):
                        per_article[(g, s, slug(o.value), name)] += 1
                else:
                    c.titles[(s, o.value)] += 1
            elif kind == comention and subject in parts:
                per_article[(g, slug(parts[subject].value), slug(parts[obj].value), COMENTION)] += \
                    int(parts[t("count")].value) if t("count") in parts else 1
            elif kind == article:
                m = meta.get(node, {})
                c.articles[node] = (m.get(DCTERMS + "identifier"), m.get(DCTERMS + "title"), m.get(DCTERMS + "date"),
                                    m.get(SCHEMA + "url"), len(mentions.get(node, ())))
        for (_g, s, o, p), n in per_article.items():
            if s and o:
                c.add_edge(s, o, p, n)
        return c


def build(path: str | os.PathLike, vocab, entries: Iterable[tuple], edges: Iterable[tuple], titles: Iterable[tuple],
          articles: Iterable[tuple]) -> None:
    """A whole index of lookups at `path`, from rows: entries (IRI, entry with id, label, type,
    counts and aliases), edges (source, target, predicate, statements or sentences, articles),
    titles (entity, title, statements) and articles (IRI, id, title, date, URL, entities). Written
    beside and moved into place, so `path` is whole or as it was."""
    tmp = Path(str(path) + ".tmp")
    tmp.unlink(missing_ok=True)
    writer = Writer(tmp, vocab)
    db = writer.db
    db.execute("BEGIN")
    ids = []
    for iri, entry in entries:
        writer._entity(iri, entry)
        ids.append(entry.id)
    db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)", list(edges))
    db.executemany("INSERT OR REPLACE INTO titles VALUES (?, ?, ?)", list(titles))
    for nid in ids:
        writer._entity_titles(nid)
    db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)", list(articles))
    writer.mark("lookups")
    db.execute("COMMIT")
    writer.close()
    os.replace(tmp, path)
