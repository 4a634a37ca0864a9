"""`kg build`: ingest → extract → resolve → RDF → store.

Extraction is per article and runs in worker processes (or on a Dask cluster, see
graph.distributed); resolution is global and runs here, in article order, so a build is
deterministic whatever the parallelism. Articles whose content hash is already in the
store are skipped; changed ones replace their own graph; each batch is one transaction.

Bad input never stops a build: what cannot be read, or cannot be extracted, is reported with
its reason (and kind) and skipped, and so is an article whose file goes away or changes while
the build runs (the input is read twice: once to see what to build, once to build it).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from collections.abc import Callable, Iterable, Iterator

from . import ingest, registry
from .rdf import article_quads, direct_facts, merge_quads
from .records import Article, Extraction
from .store import Change, Store


# Articles per extraction process below which another process costs more (loading its pipeline,
# seconds) than it saves.
SMALL_INPUT = 16


@dataclass
class BuildReport:
    built: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    skipped_kinds: list[str] = field(default_factory=list)  # ingest.KINDS key of each skipped input
    notes: list[tuple[str, str]] = field(default_factory=list)  # (source, note): read, but not as written
    mentions: int = 0
    relations: int = 0
    words: int = 0
    seconds: float = 0.0

    def skip(self, source: str, reason: str, kind: str) -> None:
        self.skipped.append((source, reason))
        self.skipped_kinds.append(kind)

    def skipped_by_kind(self) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for (source, reason), kind in zip(self.skipped, self.skipped_kinds):
            out.setdefault(kind, []).append((source, reason))
        return out

    def as_dict(self) -> dict:
        return {"built": self.built, "replaced": self.replaced, "unchanged": self.unchanged,
                "skipped": [{"source": s, "reason": r, "kind": k} for (s, r), k in zip(self.skipped,
                                                                                    self.skipped_kinds)],
                "notes": [{"source": s, "note": n} for s, n in self.notes],
                "mentions": self.mentions, "relations": self.relations, "words": self.words,
                "seconds": round(self.seconds, 3)}


# -- extraction, in this process or in workers -------------------------------------------------
@dataclass(frozen=True)
class Failed:
    """An article the pipeline could not extract (in the stream of Extractions, in its place)."""
    article: Article
    reason: str


def extract_safely(extractor, batch: list[Article]) -> list[Extraction | Failed]:
    """A batch's extractions; should the batch fail, each of its articles again on its own, so
    one bad article costs only itself."""
    try:
        return list(extractor.extract(batch))
    except Exception:  # noqa: BLE001 - found out below, article by article
        pass
    out: list[Extraction | Failed] = []
    for article in batch:
        try:
            out += list(extractor.extract([article]))
        except Exception as e:  # noqa: BLE001 - whatever the pipeline raises, the article is reported
            out.append(Failed(article, f"extraction failed: {type(e).__name__}: {str(e)[:300]}"))
    return out


_worker_extractor = None
_worker_error: Exception | None = None


def _init_worker(model: str | None) -> None:
    # An initializer that raises makes the pool start another process, which raises again, for
    # ever: the error is kept and raised by the first task, which takes it to the build.
    global _worker_extractor, _worker_error
    from .extract import Extractor, ModelError

    try:
        _worker_extractor = Extractor(model)
    except ModelError as e:
        _worker_error = e


def _extract_batch(articles: list[Article]) -> list[Extraction | Failed]:
    if _worker_error is not None:
        raise _worker_error
    return extract_safely(_worker_extractor, articles)


def extract_all(articles: Iterable[Article], model: str | None = None, workers: int = 1,
                batch_size: int = 8, batch_chars: int = 16_000, extractor=None) -> Iterator[Extraction | Failed]:
    """Extractions in input order, from `workers` processes (1: this process), a `Failed` in
    place of an article that could not be extracted. Articles are read from `articles` as
    extraction needs them, never all at once."""
    if workers <= 1:
        if extractor is None:
            from .extract import Extractor
            extractor = Extractor(model)
        # whole multiples of the pipeline's own batch, so its batches are those of one long stream
        chunk = 8 * getattr(extractor, "batch_size", 16)
        for batch in _batches(articles, chunk):
            yield from extract_safely(extractor, batch)
        return
    yield from _in_processes(articles, model, workers, batch_size, batch_chars)


class ExtractionError(RuntimeError):
    """Extraction processes that die whatever they are given."""


# Articles in a row whose extraction process died before the build gives up: one such article is
# the article (out of memory on it, say); several in a row are the machine.
DEATHS_IN_A_ROW = 3


def _start(workers: int, model: str | None) -> ProcessPoolExecutor:
    # spawned: spaCy and RocksDB threads do not survive fork
    return ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                               initargs=(model,))


def _in_processes(articles: Iterable[Article], model: str | None, workers: int, batch_size: int,
                  batch_chars: int) -> Iterator[Extraction | Failed]:
    """`extract_all` in `workers` processes. Should one die (killed, out of memory), the batches
    it took down are extracted again an article at a time, each in a process of its own, so the
    article that kills its process is the only one lost (`Failed`), and the build goes on."""
    pool = _start(workers, model)
    # Batches of about equal work, and room for several per process: results are taken in
    # order, so a batch holding a book-length article must not leave the other processes idle
    # behind it (with 8 articles a batch and 2 a process, they were, for most of that batch).
    batches = _batches(articles, batch_size, batch_chars)
    in_flight: deque[tuple[list[Article], Future]] = deque()
    try:
        while True:
            for batch in islice(batches, 4 * workers - len(in_flight)):
                in_flight.append((batch, pool.submit(_extract_batch, batch)))
            if not in_flight:
                return
            batch, task = in_flight.popleft()
            try:
                yield from task.result()
            except BrokenProcessPool:
                lost = [batch, *(b for b, _ in in_flight)]
                in_flight.clear()
                pool.shutdown(cancel_futures=True)
                yield from _each_alone([a for b in lost for a in b], model)
                pool = _start(workers, model)
    finally:
        pool.shutdown(cancel_futures=True)


def _each_alone(articles: list[Article], model: str | None) -> Iterator[Extraction | Failed]:
    deaths = 0
    pool = _start(1, model)
    try:
        for article in articles:
            try:
                yield from pool.submit(_extract_batch, [article]).result()
                deaths = 0
            except BrokenProcessPool:
                deaths += 1
                if deaths >= DEATHS_IN_A_ROW:
                    raise ExtractionError(f"the extraction process died on {deaths} articles in a row; what was "
                                          "built before is kept (build again to go on)") from None
                yield Failed(article, "the extraction process died while extracting it (out of memory?)")
                pool.shutdown(cancel_futures=True)
                pool = _start(1, model)
    finally:
        pool.shutdown(cancel_futures=True)


def in_order(tasks: Iterable, window: int, result: Callable[[object], list]) -> Iterator:
    """The results of submitted tasks in submission order, with at most `window` of them in
    flight: `tasks` submits one each time it is advanced; `result` waits for one's list."""
    in_flight: deque = deque()
    for task in tasks:
        in_flight.append(task)
        if len(in_flight) >= window:
            yield from result(in_flight.popleft())
    while in_flight:
        yield from result(in_flight.popleft())


def _batches(items: Iterable, size: int, chars: int | None = None) -> Iterator[list]:
    """Lists of `size` items, or fewer whose texts reach `chars` characters together."""
    batch, length = [], 0
    for item in items:
        batch.append(item)
        length += len(item.text) if chars else 0
        if len(batch) >= size or (chars and length >= chars):
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


# -- the build ------------------------------------------------------------------------------------
def build(paths: Iterable[str], store: Store, model: str | None = None, workers: int | None = 1,
          commit_every: int = 64, progress: Callable[[int, Article], None] | None = None,
          on_skip: Callable[[str, str], None] | None = None, extractor=None,
          extractions: Callable[[list[Article]], Iterator[Extraction]] | None = None,
          on_start: Callable[[int], None] | None = None,
          on_note: Callable[[str, str], None] | None = None) -> BuildReport:
    """`workers` None: one extraction process per core (fewer for a small input: each loads the
    pipeline). `on_start` hears how many articles will be extracted, once the input is read;
    `progress` hears each extracted one; `on_skip` each input skipped (source, reason);
    `on_note` what was read but not as written (source, note)."""
    started = time.perf_counter()
    report = BuildReport()
    with _stdin_spooled(list(paths)) as paths:
        return _build(paths, store, model, workers, commit_every, progress, on_skip, extractor, extractions,
                      on_start, on_note, started, report)


def default_workers() -> int:
    """Extraction processes when none are asked: every core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@contextmanager
def _stdin_spooled(paths: list) -> Iterator[list]:
    """`-` among the paths is standard input, kept in a temporary file for the build (which reads
    its input twice): JSON Lines when it opens with '{', else one plain-text article."""
    if "-" not in [str(p) for p in paths]:
        yield paths
        return
    with tempfile.TemporaryDirectory(prefix="kg-stdin-") as folder:
        data = sys.stdin.buffer
        head = data.read(1 << 16)
        name = "stdin.jsonl" if head.lstrip().startswith(b"{") else "stdin.txt"
        with open(os.path.join(folder, name), "wb") as f:
            f.write(head)
            shutil.copyfileobj(data, f, 1 << 20)
        yield [os.path.join(folder, name) if str(p) == "-" else p for p in paths]


def _build(paths, store, model, workers, commit_every, progress, on_skip, extractor, extractions, on_start,
           on_note, started, report) -> BuildReport:
    known = store.article_hashes()
    vocab = store.vocab

    def skip(source: str, reason: str, kind: str) -> None:
        report.skip(source, reason, kind)
        if on_skip:
            on_skip(source, reason)

    # The input is read twice: once for what needs building (ids and hashes only), then as
    # extraction consumes it, so memory does not grow with the corpus' text.
    wanted: dict[str, tuple[str, str]] = {}  # id -> (content hash, source)
    for item in ingest.read(paths):
        if isinstance(item, ingest.Skipped):
            skip(item.source, item.reason, item.kind)
        elif isinstance(item, ingest.Note):
            report.notes.append((item.source, item.message))
            if on_note:
                on_note(item.source, item.message)
        elif known.get(vocab.document(item.id)) == item.content_hash:
            report.unchanged += 1
        else:
            wanted[item.id] = (item.content_hash, item.source)
    if on_start:
        on_start(len(wanted))
    if workers is None:
        workers = max(1, min(default_workers(), len(wanted) // SMALL_INPUT))
    if not wanted:
        report.seconds = time.perf_counter() - started
        return report

    arrived: set[str] = set()
    unreadable: dict[str, str] = {}  # what the second reading could not read, by source

    def todo() -> Iterator[Article]:
        for item in ingest.read(paths):
            if isinstance(item, Article):
                if wanted.get(item.id, ("",))[0] == item.content_hash and item.id not in arrived:
                    arrived.add(item.id)
                    yield item
            elif isinstance(item, ingest.Skipped):
                unreadable[item.source] = item.reason

    resolver = registry.load_resolver(store)
    source = extractions(todo()) if extractions else extract_all(todo(), model, workers, extractor=extractor)
    pending: list[Extraction] = []

    def flush() -> None:
        drop, quads, touched, facts = [], [], set(), set()
        resolved = []
        for ext in pending:
            graph = vocab.document(ext.article.id)
            if graph in known:
                drop.append(graph)
                for nid, (forms, types) in store.article_counts(graph).items():
                    resolver.remove_counts(nid, forms, types, 1, ext.article.id)
                    touched.add(resolver.current(nid))
                report.replaced += 1
            resolved.append((ext, resolver.resolve(ext), list(resolver.decisions)))
        resolver.revisit_surnames()
        # a later article of the batch may have merged a node an earlier one went to
        merges = resolver.take_merges()
        for ext, ids, decisions in resolved:
            ids = [resolver.current(i) for i in ids]
            touched.update(ids)
            quads.extend(article_quads(ext, ids, vocab, decisions))
            facts.update(direct_facts(ext, ids, vocab))
            report.built += 1
            report.mentions += len(ext.mentions)
            report.relations += len(ext.relations)
            report.words += len(ext.article.text.split())
        for n, merge in enumerate(merges):
            quads.extend(merge_quads(merge, vocab, n))
            touched.update((merge.retired, resolver.current(merge.into)))
        touched = {resolver.current(nid) for nid in touched} | {m.retired for m in merges}
        nodes = {vocab.entity(nid): resolver.nodes.get(nid) for nid in sorted(touched)}
        renames = [(vocab.entity(m.retired), vocab.entity(resolver.current(m.into))) for m in merges]
        # the direct triples only the replaced articles stated go; those of this batch are added
        stale = sorted(store.unsupported_facts(drop, keep=facts), key=str) if drop else []
        registry.commit(store, Change(drop_graphs=drop, quads=quads, nodes=list(nodes), renames=renames), nodes,
                        facts, stale=stale, resolver=resolver)
        pending.clear()

    for n, ext in enumerate(source, 1):
        if progress:
            progress(n, ext.article)
        if isinstance(ext, Failed):
            skip(ext.article.source, ext.reason, "extraction_failed")
            continue
        pending.append(ext)
        if len(pending) >= commit_every:
            flush()
    if pending:
        flush()
    for article_id, (_, where) in wanted.items():
        if article_id not in arrived:  # readable when the build started, not when it came to build it
            file = where if os.path.lexists(where) else where.rsplit(":", 1)[0]  # JSONL: path:line
            why = unreadable.get(where) or unreadable.get(file)
            if not os.path.lexists(file):
                reason = "the file was removed while the build ran (it was there when the build started)"
            elif why:
                reason = f"{why}, when read again to be built (it could be read when the build started); " \
                         "build again once it can be read"
            else:
                reason = "changed while the build ran (read once to see what to build, then again to build it); " \
                         "build again to add it as it is now"
            skip(where, reason, "vanished")
    report.seconds = time.perf_counter() - started
    return report


def stats(store: Store) -> dict:
    """Documents, entities per type, relations per predicate, triples."""
    v = store.vocab
    docs = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a a nkg:Article } }", union=False)
    types = store.select(f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ GRAPH <{v.registry}> {{ ?e a ?t }} }} GROUP BY ?t",
                         union=False)
    preds = store.select("""SELECT ?p (COUNT(*) AS ?n) WHERE {
        SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
        rdf:object ?o } } } GROUP BY ?p""", union=False)
    co = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { "
                      "GRAPH ?g { ?a nkg:coMentionedWith ?b } } }",
                      union=False)
    by_type = Counter({r["t"].rsplit("#", 1)[-1]: r["n"] for r in types})
    return {
        "documents": docs[0].get("n", 0) if docs else 0,
        "entities": sum(by_type.values()),
        "entities_by_type": dict(sorted(by_type.items())),
        "relations_by_predicate": dict(sorted((r["p"].rsplit("#", 1)[-1], r["n"]) for r in preds)),
        "comentions": co[0].get("n", 0) if co else 0,
        "quads": len(store),
    }
