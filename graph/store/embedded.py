"""The embedded on-disk store, `OxigraphStore` (Oxigraph on RocksDB): a folder of versions,
each a complete Oxigraph database with its index (graph.store.index), and a `CURRENT` file
naming the published one.

Readers (the server's workers, `kg query`, `kg export`) open the published version read-only,
so any number of them run beside a build and none ever sees a lock. A writer (`kg build`,
`kg load`) takes the folder's write lock, copies the published version (hard links, so it
costs no space), writes into the copy and publishes it by replacing `CURRENT` atomically —
every few seconds and at the end. A killed writer leaves the published version untouched:
whole articles only.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..vocab import RDF, RDFS, SKOS
from . import index as version_index
from .base import BASE_PREDICATE, BULK_QUADS, Store, StoreError, Write, check_loaded, default_path, is_remote, \
    parse_file


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
        self._index_writer = None
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

    @classmethod
    def serves(cls, location) -> bool:
        return not is_remote(location)

    # -- the version's index (graph.store.index) ------------------------------------------------
    def _open_index(self, new: bool) -> None:
        """The index of the version being written: the published one's copy, kept in step with
        every batch (made again by `refresh_index` when the published version has none)."""
        self._index_writer = version_index.Writer(version_index.path_in(self.path / self.version), self.vocab)
        if new:
            self._index_writer.mark("lookups")
            self._index_writer.mark("resolver")  # an empty store's resolver is an empty one

    def refresh_index(self, build) -> None:
        if self._index_writer is None or self._index_writer.valid("lookups"):
            return
        path = version_index.path_in(self.path / self.version)
        self._index_writer.close()
        build(self, path)
        self._index_writer = version_index.Writer(path, self.vocab)

    def _published_index(self):
        path = version_index.path_in(self.path / self.version)
        return version_index.open_reader(path) if path.exists() else None

    def resolver_state(self) -> version_index.ResolverState | None:
        db = self._index_writer.db if self._index_writer is not None else self._published_index()
        return version_index.resolver_state(db) if db is not None else None

    def save_resolver_state(self, state: version_index.ResolverState) -> None:
        if self._index_writer is not None:
            self._index_writer.save_resolver(state)

    def index(self, build=None):
        """The writer's own index (made again first when it no longer describes the version), or
        the published version's (read-only, opened as is; made into a temporary file when the
        version has none, once per reader)."""
        if self._index_writer is not None:
            if build is not None:
                self.refresh_index(build)
            return self._index_writer.db
        if self._reader_index is None:
            db = self._published_index()
            if db is not None and db.execute("SELECT 1 FROM meta WHERE key = 'lookups'").fetchone() is None:
                db = None
            self._reader_index = db
        return super().index(build)

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
        if version_index.path_in(self.path / source).exists():
            version_index.copy(version_index.path_in(self.path / source), version_index.path_in(self.path / target))

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
        if self._index_writer is not None:
            self._index_writer.close()
        tmp = self.path / "CURRENT.tmp"
        tmp.write_text(done + "\n")
        os.replace(tmp, self.path / "CURRENT")
        self._collect_garbage(keep={done})
        self.version = self._next_version()
        ox.Store.read_only(str(self.path / done)).backup(str(self.path / self.version))
        self._copy_index(done, self.version)
        self.ox = self._open(self.version, read_only=False)
        self._index_writer = version_index.Writer(version_index.path_in(self.path / self.version), self.vocab)
        self._dirty = False
        self._published_at = time.monotonic()

    def compact(self) -> tuple[int, int]:
        """Write the version being written anew through the bulk loader, which writes its data in
        its final, compressed form; batches written one after another stay as written (RocksDB
        moves them down without compressing them again). Returns the bytes before and after."""
        folder = self.path / self.version
        before = _bytes(folder)
        fresh = self.path / (self.version + ".compact")
        shutil.rmtree(fresh, ignore_errors=True)
        target = ox.Store(str(fresh))
        target.bulk_extend(self.ox.quads_for_pattern(None, None, None, None))
        target.flush()
        del target
        self._index_writer.close()
        os.replace(version_index.path_in(folder), version_index.path_in(fresh))
        del self.ox
        shutil.rmtree(folder)
        os.replace(fresh, folder)
        self.ox = self._open(self.version, read_only=False)
        self._index_writer = version_index.Writer(version_index.path_in(folder), self.vocab)
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
                if self._index_writer is not None:
                    self._index_writer.close()
                    self._index_writer = None
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
        if force and self._index_writer is not None:
            # what a build maintains was written by hand: the index is rebuilt by the next who needs it
            self._index_writer.mark("lookups", False)
            self._index_writer.mark("resolver", False)
        try:
            self._write(Write(drop_graphs=[], entries=[], gone=[], delete=[], insert=quads))
        except OSError as e:
            raise StoreError(f"{path}: the store could not be written ({e}); nothing of this file was "
                             "loaded") from None
        return len(quads)

    def dump(self, fmt: ox.RdfFormat, output, transform=None) -> None:
        self._serialize(self.ox.quads_for_pattern(None, None, None, None), fmt, output, transform)


def _bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file())


