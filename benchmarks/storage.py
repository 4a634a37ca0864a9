"""The store: its writes against pyoxigraph's own bulk load of the same quads, and SPARQL at
≥1M triples against rdflib's in-memory engine on the same data."""
from __future__ import annotations

import dataclasses
import io
import json
import random
import re
import shutil
import statistics
import time
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

from newskg.graph import pipeline
from newskg.graph.store import OxigraphStore, Store

from .report import Row


def store_writes(writes: list, scratch: Path, rounds: int = 3) -> Row:
    """The build's writes replayed into a new store, against one bulk load of the same quads;
    alternately, best of `rounds` each (the machine is shared)."""
    quads = sum(len(w.insert) for w in writes)
    everything = list(chain.from_iterable(w.insert for w in writes))
    ours, theirs = [], []
    for n in range(rounds):
        path = scratch / f"replay{n}"
        store = OxigraphStore(path, write=True)
        t = time.perf_counter()
        for w in writes:
            store._write(w)
        store.close()  # publishes: flush and make the version visible
        ours.append(time.perf_counter() - t)
        shutil.rmtree(path, ignore_errors=True)
        bulk_path = scratch / f"bulk{n}"
        bulk = ox.Store(str(bulk_path))
        t = time.perf_counter()
        bulk.bulk_extend(everything)
        bulk.flush()
        theirs.append(time.perf_counter() - t)
        del bulk
        shutil.rmtree(bulk_path, ignore_errors=True)
    ratio = min(theirs) / min(ours)
    return Row("store writes (kg build's batches)", f"{quads / min(ours):,.0f} quads/s",
               f"pyoxigraph bulk_extend of the same {quads:,} quads at once: {quads / min(theirs):,.0f} quads/s",
               ratio, "≥0.5×", ratio >= 0.5,
               details={"quads": quads, "batches": len(writes), "seconds": ours, "bulk_seconds": theirs})


def file_load(store_path: Path, scratch: Path, rounds: int = 3) -> Row:
    """`kg load` of an N-Quads file against pyoxigraph's bulk_load of the same file."""
    nq = scratch / "dump.nq"
    with open(nq, "wb") as f:
        Store(store_path).dump(ox.RdfFormat.N_QUADS, f)
    ours, theirs, n = [], [], 0
    for k in range(rounds):
        path = scratch / f"kgload{k}"
        store = OxigraphStore(path, write=True)
        t = time.perf_counter()
        n = store.load(nq)
        store.close()
        ours.append(time.perf_counter() - t)
        shutil.rmtree(path, ignore_errors=True)
        bulk_path = scratch / f"bulkload{k}"
        bulk = ox.Store(str(bulk_path))
        t = time.perf_counter()
        bulk.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        bulk.flush()
        theirs.append(time.perf_counter() - t)
        del bulk
        shutil.rmtree(bulk_path, ignore_errors=True)
    ratio = min(theirs) / min(ours)
    return Row("kg load of an N-Quads file", f"{n / min(ours):,.0f} quads/s",
               f"pyoxigraph bulk_load of the same file: {n / min(theirs):,.0f} quads/s", ratio, "≥0.5×", ratio >= 0.5,
               details={"quads": n, "seconds": ours, "bulk_seconds": theirs})


# -- the big store --------------------------------------------------------------------------------
def big_store(extractions: list, recs: list[dict], copies: int, path: Path, corpus_write) -> dict:
    """The corpus `copies` times over (distinct ids, same texts) built into `path`, reusing
    the extractions of one pass: resolution, RDF and store writes run for every copy."""
    by_id = {e.article.id: e for e in extractions}
    source = corpus_write("copies", recs, copies)

    def extract(articles):
        for a in articles:
            original = re.sub(r"^copy\d+/", "", a.id)
            yield dataclasses.replace(by_id[original], article=a)

    shutil.rmtree(path, ignore_errors=True)
    store = OxigraphStore(path, write=True)
    t = time.perf_counter()
    report = pipeline.build([source], store, extractions=extract)
    store.close()
    seconds = time.perf_counter() - t
    quads = len(Store(path))
    info = {"copies": copies, "articles": report.built, "quads": quads, "seconds": seconds}
    (path / "bench.json").write_text(json.dumps(info))
    return info


PREFIXES = """PREFIX nkg: <{ns}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def queries(store: Store) -> dict:
    """The three queries, on entities of this store: the neighbours of many entities, a 2-hop
    join and a group-by aggregate."""
    v = store.vocab
    entities = [r["e"] for r in store.select(f"""SELECT ?e ?m WHERE {{ GRAPH <{v.registry}> {{ ?e nkg:mentionCount ?m }} }}
                                               ORDER BY DESC(?m) ?e""", union=False)]
    hub = entities[0]
    sample = random.Random(7).sample(entities, min(50, len(entities)))
    prefixes = PREFIXES.format(ns=v.ns)
    neighbor = prefixes + ("SELECT ?p ?n WHERE {{ {{ <{e}> ?p ?n }} UNION {{ ?n ?p <{e}> }} "
                           f'FILTER(isIRI(?n) && STRSTARTS(STR(?n), "{v.base}entity/")) }}}}')
    join = prefixes + f"""SELECT ?sentence ?other WHERE {{
        ?m1 nkg:refersTo <{hub}> ; nkg:sentence ?sentence .
        ?m2 nkg:sentence ?sentence ; nkg:refersTo ?other .
        FILTER(?other != <{hub}>) }}"""
    aggregate = prefixes + "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m nkg:refersTo ?e } GROUP BY ?e"
    return {"hub": hub, "sample": sample, "neighbor": neighbor, "join": join, "aggregate": aggregate}


def _rows(result) -> list[tuple]:
    out = []
    for row in result:
        out.append(tuple(_value(x) for x in row))
    return sorted(out)


def _value(term):
    if term is None:
        return None
    if hasattr(term, "toPython"):  # rdflib
        value = term.toPython()
        return int(value) if isinstance(value, int) else str(term)
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#integer"):
        return int(term.value)
    return term.value


def _timed(run, text, repeat):
    times, rows = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        rows = _rows(run(text))
        times.append(time.perf_counter() - t)
    return times, rows


def sparql(path: Path, scratch: Path, rdflib_repeat: int = 2, oxigraph_repeat: int = 20) -> tuple[list[Row], dict]:
    """Oxigraph (the store, on disk) against rdflib's in-memory engine on the same quads, and,
    for reference, Oxigraph's own in-memory store: it tells the engine from the storage."""
    import rdflib

    store = Store(path)
    q = queries(store)
    quads = len(store)
    nq = scratch / "big.nq"
    with open(nq, "wb") as f:
        store.dump(ox.RdfFormat.N_QUADS, f)
    t = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(nq), format="nquads")
    rdflib_load = time.perf_counter() - t
    memory = ox.Store()
    memory.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)

    def ours(text):
        return store.ox.query(text, use_default_graph_as_union=True)

    def in_memory(text):
        return memory.query(text, use_default_graph_as_union=True)

    def theirs(text):
        return dataset.query(text)

    rows, details = [], {"quads": quads, "rdflib_load_seconds": rdflib_load, "hub": q["hub"],
                         "queries": {k: q[k] for k in ("neighbor", "join", "aggregate")}}
    # neighbours: every sampled entity, several times over on Oxigraph
    ox_times, mem_times, rdf_times, same = [], [], [], True
    for e in q["sample"]:
        text = q["neighbor"].format(e=e)
        a, ra = _timed(ours, text, oxigraph_repeat // 4 or 1)
        m, _ = _timed(in_memory, text, oxigraph_repeat // 4 or 1)
        b, rb = _timed(theirs, text, 1)
        ox_times += a
        mem_times += m
        rdf_times += b
        same &= ra == rb
    p50, p99 = statistics.median(ox_times) * 1000, _percentile(ox_times, 99) * 1000
    rdf_p50 = statistics.median(rdf_times) * 1000
    details["neighbor"] = {"p50_ms": p50, "p99_ms": p99, "rdflib_p50_ms": rdf_p50,
                           "in_memory_p50_ms": statistics.median(mem_times) * 1000, "same_answers": same}
    rows.append(Row(f"SPARQL neighbours of an entity ({quads / 1e6:.2f}M quads)",
                    f"p50 {p50:.2f} ms, p99 {p99:.2f} ms", f"rdflib: p50 {rdf_p50:.1f} ms", rdf_p50 / p50,
                    "p50 ≤5 ms", p50 <= 5 and same, "" if same else "the two engines disagree",
                    details={"entities": len(q["sample"]), "same_answers": same}))
    for name, label in (("join", "2-hop join: who shares a sentence with the most mentioned entity"),
                        ("aggregate", "group-by aggregate: mentions of every entity")):
        a, ra = _timed(ours, q[name], oxigraph_repeat)
        m, _ = _timed(in_memory, q[name], oxigraph_repeat)
        b, rb = _timed(theirs, q[name], rdflib_repeat)
        mine, mem, other = statistics.median(a), statistics.median(m), statistics.median(b)
        ratio = other / mine
        same = ra == rb
        details[name] = {"ms": mine * 1000, "in_memory_ms": mem * 1000, "rdflib_ms": other * 1000, "rows": len(ra),
                         "same_answers": same}
        rows.append(Row(f"SPARQL {label}", f"{mine * 1000:,.1f} ms ({len(ra):,} rows)",
                        f"rdflib: {other * 1000:,.0f} ms", ratio, "≥30× faster", ratio >= 30 and same,
                        "" if same else "the two engines disagree",
                        details={"same_answers": same, "rows": len(ra), "oxigraph_in_memory_ms": mem * 1000}))
    return rows, details


def _percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def dump_bytes(store: Store) -> bytes:
    out = io.BytesIO()
    store.dump(ox.RdfFormat.N_QUADS, out)
    return out.getvalue()
