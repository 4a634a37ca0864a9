"""`kg build`: ingest → extract → resolve → RDF → store.

Extraction is per article and runs in worker processes (or on a Dask cluster, see
graph.distributed); resolution is global and runs here, in article order, so a build is
deterministic whatever the parallelism. Articles whose content hash is already in the
store are skipped; changed ones replace their own graph; each batch is one transaction.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from . import ingest
from .rdf import article_quads, direct_facts
from .records import Article, Extraction
from .store import Change, Store


@dataclass
class BuildReport:
    built: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    mentions: int = 0
    relations: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped

    def as_dict(self) -> dict:
        return {"built": self.built, "replaced": self.replaced, "unchanged": self.unchanged,
                "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
                "mentions": self.mentions, "relations": self.relations, "words": self.words,
                "seconds": round(self.seconds, 3)}


# -- extraction, in this process or in workers -------------------------------------------------
_worker_extractor = None


def _init_worker(model: str | None) -> None:
    global _worker_extractor
    from .extract import Extractor

    _worker_extractor = Extractor(model)


def _extract_batch(articles: list[Article]) -> list[Extraction]:
    return list(_worker_extractor.extract(articles))


def extract_all(articles: Iterable[Article], model: str | None = None, workers: int = 1,
                batch_size: int = 8, extractor=None) -> Iterator[Extraction]:
    """Extractions in input order, from `workers` processes (1: this process). Articles are
    read from `articles` as extraction needs them, never all at once."""
    if workers <= 1:
        if extractor is None:
            from .extract import Extractor
            extractor = Extractor(model)
        # whole multiples of the pipeline's own batch, so its batches are those of one long stream
        chunk = 8 * getattr(extractor, "batch_size", 16)
        for batch in _batches(articles, chunk):
            yield from extractor.extract(batch)
        return
    ctx = mp.get_context("spawn")  # spaCy and RocksDB threads do not survive fork
    with ctx.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        tasks = (pool.apply_async(_extract_batch, (batch,)) for batch in _batches(articles, batch_size))
        yield from in_order(tasks, 2 * workers, lambda task: task.get())


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


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- the build ------------------------------------------------------------------------------------
def build(paths: Iterable[str], store: Store, model: str | None = None, workers: int = 1,
          commit_every: int = 64, progress: Callable[[int, Article], None] | None = None,
          on_skip: Callable[[str, str], None] | None = None, extractor=None,
          extractions: Callable[[list[Article]], Iterator[Extraction]] | None = None,
          on_start: Callable[[int], None] | None = None) -> BuildReport:
    """`on_start` hears how many articles will be extracted, once the input is read;
    `progress` hears each extracted one."""
    started = time.perf_counter()
    report = BuildReport()
    paths = list(paths)
    known = store.article_hashes()
    vocab = store.vocab
    # The input is read twice: once for what needs building (ids and hashes only), then as
    # extraction consumes it, so memory does not grow with the corpus' text.
    wanted: dict[str, str] = {}
    for item in ingest.read(paths):
        if isinstance(item, ingest.Skipped):
            report.skipped.append((item.source, item.reason))
            if on_skip:
                on_skip(item.source, item.reason)
        elif known.get(vocab.document(item.id)) == item.content_hash:
            report.unchanged += 1
        else:
            wanted[item.id] = item.content_hash
    if on_start:
        on_start(len(wanted))
    if not wanted:
        report.seconds = time.perf_counter() - started
        return report

    def todo() -> Iterator[Article]:
        for item in ingest.read(paths):
            if isinstance(item, Article) and wanted.get(item.id) == item.content_hash:
                yield item

    resolver = store.load_resolver()
    source = extractions(todo()) if extractions else extract_all(todo(), model, workers, extractor=extractor)
    pending: list[Extraction] = []

    def flush() -> None:
        drop, quads, touched, facts = [], [], set(), set()
        for ext in pending:
            graph = vocab.document(ext.article.id)
            if graph in known:
                drop.append(graph)
                for nid, (forms, types) in store.article_counts(graph).items():
                    resolver.remove_counts(nid, forms, types, 1)
                    touched.add(nid)
                report.replaced += 1
            ids = resolver.resolve(ext)
            touched.update(ids)
            quads.extend(article_quads(ext, ids, vocab))
            facts.update(direct_facts(ext, ids, vocab))
            report.built += 1
            report.mentions += len(ext.mentions)
            report.relations += len(ext.relations)
            report.words += len(ext.article.text.split())
        nodes = {vocab.entity(nid): resolver.nodes.get(nid) for nid in sorted(touched)}
        # the direct triples only the replaced articles stated go; those of this batch are added
        stale = sorted(store.unsupported_facts(drop, keep=facts), key=str) if drop else []
        store.commit(Change(drop_graphs=drop, quads=quads, nodes=list(nodes), stale_facts=stale), nodes, facts)
        pending.clear()

    for n, ext in enumerate(source, 1):
        pending.append(ext)
        if progress:
            progress(n, ext.article)
        if len(pending) >= commit_every:
            flush()
    if pending:
        flush()
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
    co = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { GRAPH ?g { ?a nkg:coMentionedWith ?b } } }",
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
