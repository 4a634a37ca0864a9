"""`python -m benchmarks [--quick] [--only extraction,build,store,sparql,http,memory]`

Prints the table of figures, baselines and ratios (and why a figure misses), and writes it to
build/bench/results.json and results.md. A full run takes 20–40 minutes on 2 cores; --quick
runs everything on a small part of the corpus in a few minutes (its figures are indicative
only, and its store does not reach 1M triples).
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time

from . import corpus, report
from .corpus import ROOT

SECTIONS = ("extraction", "linear", "build", "store", "sparql", "http", "memory")
BENCH = ROOT / "build" / "bench"  # git-ignored


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a small part of the corpus: minutes, not half an hour")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of: {', '.join(SECTIONS)}")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the extraction measures (best counts)")
    parser.add_argument("--copies", type=int, default=None,
                        help="corpus copies in the SPARQL/HTTP store (default: enough for 1M quads)")
    parser.add_argument("--reuse-store", action="store_true",
                        help="reuse build/bench/store-1m from an earlier run instead of building it again")
    parser.add_argument("--workers", type=int, default=None, help="kg serve processes for the HTTP load "
                        "(default: kg serve's own default)")
    parser.add_argument("--threads", type=int, default=None, help="kg serve threads per process for the HTTP load")
    parser.add_argument("--scale", metavar="N[,N…]", default=None,
                        help="the scale benchmark instead: N synthetic articles' extractions through the build, "
                             "served and measured, beside 1,000 articles in the same run (benchmarks/scale.py)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections of the HTTP load "
                        "(default 8: at 1,500 req/s and a few ms each, about what 2 cores keep busy)")
    args = parser.parse_args(argv)
    if args.scale:
        return scale_main(args.scale)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")

    from . import extraction

    BENCH.mkdir(parents=True, exist_ok=True)
    scratch = corpus.tmp()
    model, model_source = extraction.model()
    os.environ["KG_MODEL"] = model  # the commands run here use the same pipeline
    recs = corpus.records()
    if args.quick:
        recs = recs[::6]
    full_path = corpus.write("corpus", recs)
    arts = corpus.articles(full_path)
    sample = arts[::3] if not args.quick else arts[::2][:12]
    started = time.time()
    meta = {"machine": report.machine(), "model": model, "model_source": model_source, "quick": args.quick,
            "articles": len(arts), "words": corpus.words(arts), "command": " ".join(["python -m benchmarks", *sys.argv[1:]]),
            "started": time.strftime("%Y-%m-%d %H:%M:%S"), "load_before": report.load()}
    print(f"newskg benchmarks — {meta['machine']}", flush=True)
    print(f"model: {model} ({model_source}); corpus: {len(arts)} articles, {meta['words']:,} words; "
          f"{report.load()}", flush=True)
    rows: list[report.Row] = []

    def step(name):
        print(f"[{time.time() - started:6.0f}s] {name} …", flush=True)

    if "extraction" in only:
        step(f"extraction: bare spaCy, 1 process, 2 processes on {len(sample)} articles × {args.rounds} rounds")
        found, _ = extraction.throughput(model, sample, args.rounds)
        step("extraction: where the time goes")
        split = extraction.breakdown(model, sample[:20])
        hot = extraction.hotspots(model, sample[:8])
        parts = ", ".join(f"{k} {v / split['seconds']:.0%}" for k, v in split["parts"].items())
        found[0].details["breakdown"] = split
        found[0].details["hotspots"] = hot
        if not found[0].ok:
            found[0].why = (f"newskg adds its own components and the work after the pipeline to spaCy's; time split: "
                            f"{parts}. Hotspots in graph/extract (not the store's code; reported to its owners): "
                            + "; ".join(hot[:4]))
        else:
            found[0].why = f"time split: {parts}"
        if not found[1].ok:
            found[1].why = (f"two processes share 2 cores with everything else on this machine ({report.load()}); "
                            "the ratio needs two idle cores. Each worker loads its own pipeline (not counted).")
        rows += found

    if "linear" in only:
        from newskg.graph.extract import Extractor

        from . import prose

        step("linear: extraction of 10,000 and 100,000 characters of generated prose of each kind")
        rows += extraction.linear(Extractor(model), prose)

    extractions = writes = None
    corpus_store = BENCH / "store-corpus"
    if {"build", "store"} & only or ({"sparql", "http"} & only and not args.reuse_store):
        from newskg.graph.extract import Extractor

        step(f"build: extraction alone, then kg build's pipeline, on the {len(arts)} articles")
        built, extractions, writes = extraction.build_against_extraction(Extractor(model), arts, full_path,
                                                                          corpus_store)
        if "build" in only:
            if not built.ok:
                built.why = ("resolution (graph/resolve.py), RDF and store writes run in the same process after "
                             "extraction; overlapping them with extraction (a worker process) would hide them")
            rows.append(built)

    if "store" in only:
        from . import storage

        step("store: kg build's writes replayed, against pyoxigraph's bulk load")
        rows.append(storage.store_writes(writes, scratch))
        rows.append(storage.file_load(corpus_store, scratch))
        for r in rows[-2:]:
            if not r.ok:
                r.why = ("kg load parses the whole file into Python objects first, so a syntax error writes "
                         "nothing" if "load" in r.name else
                         "each batch also deletes the registry entries it replaces (a SPARQL DELETE), and one bulk "
                         "load of everything at once pays its fixed costs once; bigger batches (commit_every) "
                         "close the gap")

    big = BENCH / "store-1m"
    if {"sparql", "http"} & only:
        from . import storage
        from newskg.graph.store import Store

        if not (args.reuse_store and (big / "bench.json").exists()):
            per_copy = len(Store(corpus_store))
            copies = args.copies or max(1, math.ceil(1_050_000 / per_copy)) if not args.quick else 1
            step(f"sparql: building {copies} copies of the corpus ({per_copy:,} quads each) into {big}")
            info = storage.big_store(extractions, recs, copies, big, corpus.write)
            meta["big_store"] = info
        if "sparql" in only:
            step("sparql: Oxigraph against rdflib on the same quads")
            found, details = storage.sparql(big, scratch)
            meta["sparql"] = details
            for r in found:
                mem = r.details.get("oxigraph_in_memory_ms")
                if not r.ok and not r.why and mem is not None:
                    r.why = (f"the same query on Oxigraph's in-memory store takes {mem:,.1f} ms: the time goes to "
                             "RocksDB, where every join step is an index lookup and every term returned a "
                             "dictionary read, while rdflib's indexes are Python dicts in memory. It would take "
                             "an in-memory replica of the published version for reads (memory grows with the "
                             "graph), or a server built for joins (QLever, Virtuoso) through --store sparql+http://")
            rows += found

    if "http" in only:
        from . import http, storage
        from newskg.graph.store import Store

        reason = http.available()
        if reason:
            rows.append(report.Row("HTTP load", "not run", "", None, "≥1,500 req/s, p99 ≤25 ms", None, reason))
        else:
            store = Store(big)
            q = storage.queries(store)
            entities = [r["e"] for r in store.select(f"""SELECT ?e WHERE {{ GRAPH <{store.vocab.registry}> {{
                ?e nkg:mentionCount ?m }} }} ORDER BY DESC(?m) ?e LIMIT 200""", union=False)]
            workers = args.workers or 2
            threads = args.threads or 4
            step(f"http: kg serve ({workers} processes × {threads} threads) under wrk")
            found, details = http.run(big, q["hub"], entities, store.vocab.base, scratch, workers, threads,
                                      connections=args.connections)
            meta["http"] = details
            for r in found:
                if r.ok is False:
                    r.why = (f"wrk and the server share the 2 cores with everything else ({details['load']}); each "
                             "request still runs gunicorn's and Flask's Python under the GIL (pages come from "
                             "memory), so the tail follows the machine's other load")
            rows += found

    if "memory" in only:
        from . import memory

        step("memory: kg build of every 4th, every 2nd and every article of the corpus")
        mem = memory.peak_memory(model, recs, corpus.write, scratch)
        if not mem.ok:
            mem.why = ("the peak follows the longest article spaCy holds at once (spaCy needs about 1 GB per "
                       "100,000 characters of one text) and the resolver's index, "
                       "which grows with the entities seen")
        rows.append(mem)
        full = mem.details["parts"][-1]
        rows.append(report.Row("whole kg build of the news corpus (the command, model load included)",
                               f"{full['seconds']:.1f} s, {full['words'] / full['seconds']:,.0f} words/s", "", None,
                               "", None))

    meta["seconds"] = round(time.time() - started)
    meta["load_after"] = report.load()
    print()
    print(report.table(rows))
    print()
    print(f"{meta['command']} — {meta['machine']}; {meta['load_before']} before, {meta['load_after']} after; "
          f"{meta['seconds']} s")
    report.save(rows, BENCH / "results.json", meta)
    (BENCH / "results.md").write_text(report.markdown(rows) + "\n")
    print(f"written to {BENCH / 'results.json'} and results.md")
    return 0 if all(r.ok is not False for r in rows) else 1


def scale_main(sizes: str) -> int:
    from . import http, scale

    BENCH.mkdir(parents=True, exist_ok=True)
    reason = http.available()
    if reason:
        raise SystemExit(f"the scale benchmark serves under load: {reason}")
    started = time.time()
    meta = {"machine": report.machine(), "command": " ".join(["python -m benchmarks", *sys.argv[1:]]),
            "started": time.strftime("%Y-%m-%d %H:%M:%S"), "load_before": report.load()}
    print(f"newskg scale benchmark — {meta['machine']}", flush=True)
    rows, details = scale.run([int(n.replace("_", "")) for n in sizes.split(",") if n.strip()], corpus.tmp(), BENCH)
    meta.update(details, seconds=round(time.time() - started), load_after=report.load())
    print()
    print(report.table(rows))
    print()
    print("growth (power law fitted through every size run):")
    for line in details["curve"]:
        print("  " + line)
    report.save(rows, BENCH / "scale-results.json", meta)
    (BENCH / "scale-results.md").write_text(report.markdown(rows) + "\n\n" + "\n".join(f"* {c}" for c in details["curve"])
                                            + "\n")
    print(f"written to {BENCH / 'scale-results.json'} and scale-results.md")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
