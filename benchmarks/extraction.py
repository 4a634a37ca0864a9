"""Extraction throughput: newskg's pipeline against the same spaCy pipeline run bare, two
processes against one, and the whole build against extraction alone."""
from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import statistics
import time
from pathlib import Path

from newskg.graph import pipeline
from newskg.graph.extract import Extractor
from newskg.graph.extract.nlp import DEFAULT_MODEL
from newskg.graph.store import OxigraphStore

from .corpus import words
from .report import Row, load


def model() -> tuple[str, str]:
    """The model the benchmarks run: the default one when it is there."""
    if DEFAULT_MODEL.exists():
        return str(DEFAULT_MODEL), "the default model"
    if os.environ.get("KG_MODEL"):
        return os.environ["KG_MODEL"], f"KG_MODEL (the default model is missing at {DEFAULT_MODEL})"
    raise SystemExit(f"no spaCy pipeline: the default model is missing at {DEFAULT_MODEL} and KG_MODEL is unset")


class _Timed:
    """A pipeline component that adds up the time until it hands each doc on. spaCy chains
    the components' generators, so this includes the components before it: the time of
    one component is the difference with the one before."""

    def __init__(self, proc):
        self.proc, self.seconds = proc, 0.0

    def __call__(self, doc):
        t = time.perf_counter()
        try:
            return self.proc(doc)
        finally:
            self.seconds += time.perf_counter() - t

    def pipe(self, docs, **kwargs):
        it = self.proc.pipe(docs, **kwargs) if hasattr(self.proc, "pipe") else (self.proc(d) for d in docs)
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - t
            yield doc


def breakdown(model_name: str, arts) -> dict:
    """Where one process's extraction time goes: each pipeline component (the first with the
    tokenizer), then the rest of `Extractor.extract` (within-article resolution, relations,
    records)."""
    ex = Extractor(model_name)
    list(ex.extract(arts[:2]))
    timed = []
    for i, (name, proc) in enumerate(ex.nlp._components):  # spaCy keeps (name, component) pairs here
        wrapper = _Timed(proc)
        ex.nlp._components[i] = (name, wrapper)
        timed.append((name, wrapper))
    t = time.perf_counter()
    list(ex.extract(arts))
    total = time.perf_counter() - t
    parts, before = {}, 0.0
    for n, (name, w) in enumerate(timed):
        parts[name if n else f"tokenizer + {name}"] = w.seconds - before
        before = w.seconds
    parts["after the pipeline (aliases, relations, records)"] = total - before
    return {"seconds": total, "words": words(arts), "parts": parts}


def _ready(pid_sleep: float) -> int:
    time.sleep(pid_sleep)
    return os.getpid()


def throughput(model_name: str, arts, rounds: int) -> tuple[list[Row], dict]:
    """Bare spaCy, newskg's extraction in this process, and in two worker processes, one after
    the other in each round; the best of the rounds counts (the machine is shared)."""
    import spacy

    texts = [a.text for a in arts]
    n_words = words(arts)
    bare = spacy.load(model_name)
    ex = Extractor(model_name)
    list(bare.pipe(texts[:2]))
    list(ex.extract(arts[:2]))
    ctx = mp.get_context("spawn")
    times = {"bare": [], "one": [], "two": []}
    with ctx.Pool(2, initializer=pipeline._init_worker, initargs=(model_name,)) as pool:
        while len(set(pool.map(_ready, [0.5, 0.5], chunksize=1))) < 2:  # both workers have loaded the model
            pass
        for _ in range(rounds):
            t = time.perf_counter()
            list(bare.pipe(texts, batch_size=16))
            times["bare"].append(time.perf_counter() - t)
            t = time.perf_counter()
            list(pipeline.extract_all(arts, extractor=ex))
            times["one"].append(time.perf_counter() - t)
            t = time.perf_counter()
            tasks = (pool.apply_async(pipeline._extract_batch, (b,)) for b in pipeline._batches(arts, 8))
            list(pipeline.in_order(tasks, 4, lambda task: task.get()))
            times["two"].append(time.perf_counter() - t)
    best = {k: min(v) for k, v in times.items()}
    wps = {k: n_words / v for k, v in best.items()}
    overhead = wps["one"] / wps["bare"]
    scaling = wps["two"] / wps["one"]
    details = {"words": n_words, "articles": len(arts), "seconds": times, "words_per_second": wps, "load": load()}
    rows = [
        Row("extraction, 1 process", f"{wps['one']:,.0f} words/s", f"bare spaCy nlp.pipe: {wps['bare']:,.0f} words/s",
            overhead, "≥0.80× (overhead ≤1.25×)", overhead >= 0.8, details=details),
        Row("extraction, 2 processes", f"{wps['two']:,.0f} words/s", f"1 process: {wps['one']:,.0f} words/s",
            scaling, "≥1.7×", scaling >= 1.7, details=details),
    ]
    return rows, details


def hotspots(model_name: str, arts, top: int = 8) -> list[str]:
    """The functions of graph/extract with the most time of their own (cProfile)."""
    import cProfile
    import pstats

    ex = Extractor(model_name)
    list(ex.extract(arts[:1]))
    prof = cProfile.Profile()
    prof.enable()
    list(ex.extract(arts))
    prof.disable()
    stats = pstats.Stats(prof).stats
    total = sum(v[2] for v in stats.values())
    mine = [(v[2], v[3], f"{Path(f).name}:{line} {fn}") for (f, line, fn), v in stats.items() if "/graph/extract/" in f]
    mine.sort(reverse=True)
    return [f"{name} — own {own / total:.0%}, with callees {cum / total:.0%}" for own, cum, name in mine[:top]]


def build_against_extraction(ex: Extractor, arts, corpus_path: Path, store_path: Path) -> tuple[Row, list, list]:
    """`build` of the full corpus (extract, resolve, write) into a new store, with extraction
    timed inside it: the two are measured side by side, article by article, whatever else the
    machine does meanwhile. Returns the row, the extractions and the store's writes."""
    extractions, writes = [], []
    extract_seconds = 0.0

    def timed(articles):
        nonlocal extract_seconds
        it = pipeline.extract_all(articles, extractor=ex)
        while True:
            t = time.perf_counter()
            try:
                e = next(it)
            except StopIteration:
                return
            finally:
                extract_seconds += time.perf_counter() - t
            extractions.append(e)
            yield e

    shutil.rmtree(store_path, ignore_errors=True)  # a new store: every article is built
    store = OxigraphStore(store_path, write=True)
    original = store._write

    def recording(write):
        writes.append(write)
        original(write)

    store._write = recording
    t = time.perf_counter()
    report = pipeline.build([corpus_path], store, extractions=timed)
    store.close()
    build_seconds = time.perf_counter() - t
    ratio = extract_seconds / build_seconds  # oriented: ≥ 1/1.3 passes
    n = words(arts)
    row = Row("kg build of the news corpus, 1 process", f"{build_seconds:.1f} s ({n / build_seconds:,.0f} words/s)",
              f"its extraction alone: {extract_seconds:.1f} s ({n / extract_seconds:,.0f} words/s)", ratio,
              "build ≤1.3× extraction (ratio ≥0.77)", ratio >= 1 / 1.3,
              details={"articles": report.built, "words": n, "extract_seconds": extract_seconds,
                       "build_seconds": build_seconds, "build_over_extraction": build_seconds / extract_seconds})
    return row, extractions, writes


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def linear(extractor, prose, short: int = 10_000) -> list[Row]:
    """Extraction time of ten times the text, against the text, for each kind of generated prose
    (benchmarks/prose.py): linear is 10x; the target is at most 15x."""
    from newskg.graph.records import Article

    def seconds(text: str, rounds: int) -> float:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            extractor.extract_one(Article(id="generated", text=text, source="generated"))
            best = min(best, time.perf_counter() - started)
        return best

    seconds(prose.text("paragraph", 1000), 1)
    rows = []
    for kind in prose.KINDS:
        base = seconds(prose.text(kind, short), 3)
        long = seconds(prose.text(kind, short * 10), 1)
        growth = long / base
        rows.append(Row(f"extraction time, 10x the text: {kind}", f"{short * 10:,} chars: {long:.2f} s",
                        f"{short:,} chars: {base:.2f} s", round(10 / growth, 2), "time ≤ 15x (ratio ≥ 0.67)",
                        growth <= 15, details={"short_s": base, "long_s": long, "growth": growth}))
    return rows
