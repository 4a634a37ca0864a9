"""`python -m benchmarks --scale 10000,30000,100000`: what a year of news costs on one machine.

For each size N, and for 1,000 articles as the baseline of the same run: N synthetic articles'
extractions (benchmarks/synthetic.py: Wikinews rates, Zipf-distributed names) go through the real
build path — ingest of a JSON Lines file, resolution, RDF, the store and its index, publishing —
in a process of its own (its peak memory is the build's); then the store is served by the real
`kg serve` (2 processes × 4 threads) and measured under wrk at 32 connections: neighbourhoods of
entities drawn at random and searches for their names (prefixes, words in another order, spelling
slips), each request distinct so that no answer comes from the response cache. Every figure is
given beside the same figure at 1,000 articles; growth is the ratio. Sizes not run are fitted
(a power law through the sizes that were: the exponent says how the figure grows with N).
"""
from __future__ import annotations

import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests

from .corpus import ROOT
from .http import Server, wrk
from .report import Row, load

BASELINE = 1000
CONNECTIONS = 32
SECONDS = 15
TARGETS = {  # figure: (target at 100k, how to read it)
    "ready_s": "≤ 1 s after a publish", "neighbors_p99_ms": "≤ 25 ms, ≤ 2× the 1k figure",
    "search_p99_ms": "≤ 50 ms, ≤ 2× the 1k figure", "worker_rss_mb": "≤ 300 MB, flat in N",
    "resolver_s": "≤ 2 s", "write_quads_s": "≥ 50,000 quads/s", "build_peak_mb": "flat in N",
    "size_ratio": "≤ 30× the text", "size_ratio_compact": "≤ 30× the text",
}


# -- one size ------------------------------------------------------------------------------------------
def measure(n: int, scratch: Path, keep: bool = False) -> dict:
    from .synthetic import Generator

    folder = scratch / f"scale-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    jsonl = folder / "articles.jsonl"
    text_bytes = Generator(n).write(jsonl)
    store = folder / "kg"
    out = {"articles": n, "text_bytes": text_bytes}
    out.update(_child(["build", str(n), str(jsonl), str(store)]))
    out["store_bytes"] = _du(store / (store / "CURRENT").read_text().strip())
    out["size_ratio"] = out["store_bytes"] / text_bytes
    out.update(_child(["resolver", str(store)]))
    out.update(serve(store, folder, n))
    out.update(_child(["compact", str(store)]))  # last: what is served is what builds leave
    out["size_ratio_compact"] = _du(store / (store / "CURRENT").read_text().strip()) / text_bytes
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def _child(args: list[str]) -> dict:
    """One step in a process of its own (`python -m benchmarks.scale STEP …`): its JSON answer
    and its peak resident memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-m", "benchmarks.scale", *args], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if result.returncode:
        raise RuntimeError(f"benchmarks.scale {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    found = json.loads(result.stdout.strip().splitlines()[-1])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if args[0] == "build":
        found["build_peak_mb"] = peak / 1024 if peak > before else found.get("build_peak_mb")
    return found


def _du(path: Path) -> int:
    return int(subprocess.run(["du", "-s", "-B1", "--count-links", str(path)], capture_output=True,
                              text=True).stdout.split()[0])


def build_step(n: int, jsonl: str, location: str) -> dict:
    """kg build's path, timed: the whole build, the store's writes and the generator's own share."""
    from newskg.graph.pipeline import build
    from newskg.graph.store import OxigraphStore, Store

    from .synthetic import Generator

    spent = {"write": 0.0, "quads": 0, "generator": 0.0}
    write = OxigraphStore._write

    def timed_write(self, w):
        t = time.perf_counter()
        write(self, w)
        spent["write"] += time.perf_counter() - t
        spent["quads"] += len(w.insert) + len(w.delete)
    OxigraphStore._write = timed_write
    gen = Generator(n)

    def extractions(articles):
        it = gen.extractions(articles)
        while True:
            t = time.perf_counter()
            ext = next(it, None)
            spent["generator"] += time.perf_counter() - t
            if ext is None:
                return
            yield ext
    t = time.perf_counter()
    with Store(location, write=True) as store:
        report = build([jsonl], store, extractions=extractions)
    seconds = time.perf_counter() - t
    assert report.built == n and not report.skipped, report.skipped[:3]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    quads = len(Store(location))
    return {"build_s": seconds - spent["generator"], "generator_s": spent["generator"], "quads": quads,
            "articles_s": n / (seconds - spent["generator"]), "write_quads_s": spent["quads"] / spent["write"],
            "build_peak_mb": peak}


def compact_step(location: str) -> dict:
    from newskg.graph.store import Store

    t = time.perf_counter()
    with Store(location, write=True) as store:
        store.compact()
    return {"compact_s": time.perf_counter() - t}


def resolver_step(location: str) -> dict:
    """What a build does before its first article: open the store to write, load the resolver."""
    from newskg.graph.registry import load_resolver
    from newskg.graph.store import Store

    t = time.perf_counter()
    store = Store(location, write=True)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    resolver = load_resolver(store)
    seconds = time.perf_counter() - t
    nodes = len(resolver.nodes)
    store._dirty = False  # nothing to publish
    store.close()
    return {"resolver_s": seconds, "writer_open_s": opened, "entities": nodes}


# -- serving ---------------------------------------------------------------------------------------------
def serve(store: Path, folder: Path, n: int) -> dict:
    import sqlite3

    from newskg.graph.store import Store, index

    version = Store(store).version
    db = sqlite3.connect(index.path_in(store / version))
    r = random.Random(n)
    ids = [i for (i,) in db.execute("SELECT id FROM entities ORDER BY id")]
    names = [label for (label,) in db.execute("SELECT label FROM entities ORDER BY id")]
    db.close()
    picks = [ids[r.randrange(len(ids))] for _ in range(2000)]
    queries = [_query(r, names[r.randrange(len(names))]) for _ in range(2000)]
    server = Server(store, 2, 4, folder / "serve.log")
    out = {}
    try:
        t = time.perf_counter()
        requests.get(f"{server.url}/api/entities/{picks[0]}/neighbors", timeout=600).raise_for_status()
        out["first_answer_s"] = time.perf_counter() - t
        out["ready_s"] = _after_publish(server, store, n, picks)
        from urllib.parse import quote

        neighbours = [f"/api/entities/{quote(p)}/neighbors?limit=100" for p in picks]
        searches = [f"/api/entities?q={quote(q)}" for q in queries]
        for name, paths in (("neighbors", neighbours), ("search", searches)):
            result = wrk(server.url + "/", SECONDS, CONNECTIONS, _rotation(paths, folder / f"{name}.lua"))
            out[f"{name}_rps"] = result["rps"]
            out[f"{name}_p50_ms"] = result["p50"]
            out[f"{name}_p99_ms"] = result["p99"]
            out[f"{name}_errors"] = result["non_2xx"]
        out["worker_rss_mb"] = max(_rss(pid) for pid in _workers(server.proc.pid)) / 1024
    finally:
        server.stop()
    return out


def _query(r: random.Random, label: str) -> str:
    """What a person types for a name: all of it, a prefix, its words the other way round, or a slip."""
    words = label.split()
    kind = r.randrange(4)
    if kind == 1:
        return label[:max(3, len(label) // 2)]
    if kind == 2 and len(words) > 1:
        return " ".join(reversed(words))
    if kind == 3 and len(label) > 5:
        i = r.randrange(1, len(label) - 1)
        return label[:i] + label[i + 1:]
    return label


def _after_publish(server, store: Path, n: int, picks: list[str]) -> float:
    """Seconds from a build publishing a new version to the server answering from it: a writer
    adds an article and publishes; then each server process's first neighbourhood (a miss of
    every cache) is timed."""
    from newskg.graph.pipeline import build
    from newskg.graph.store import Store

    from .synthetic import Generator

    gen = Generator(n + 1)
    extra = store.parent / "extra.jsonl"
    extra.write_text(json.dumps(next(iter([gen._article(n)[0]]))) + "\n")
    with Store(store, write=True) as writer:
        build([extra], writer, extractions=gen.extractions)
    slowest = 0.0
    for i in range(8):  # enough to reach both processes
        t = time.perf_counter()
        requests.get(f"{server.url}/api/entities/{picks[i + 1]}/neighbors?fresh={i}", timeout=600).raise_for_status()
        slowest = max(slowest, time.perf_counter() - t)
    return slowest


def _rotation(paths: list[str], script: Path) -> Path:
    """A wrk script sending each path in turn, each with a parameter of its own (no cached answer)."""
    script.write_text("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                      "i = 0\nrequest = function()\n  i = i + 1\n"
                      "  local p = paths[(i % #paths) + 1]\n"
                      "  local sep = string.find(p, '?') and '&' or '?'\n"
                      "  return wrk.format(\"GET\", p .. sep .. \"r=\" .. i)\nend\n")
    return script


def _workers(pid: int) -> list[int]:
    """The server's worker processes: the children of `kg serve` (gunicorn's arbiter); the query
    processes are theirs."""
    try:
        return [int(c) for t in os.listdir(f"/proc/{pid}/task")
                for c in open(f"/proc/{pid}/task/{t}/children").read().split()] or [pid]
    except OSError:
        return [pid]


def _rss(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# -- the table ---------------------------------------------------------------------------------------------
FIGURES = [  # key, label, unit, higher is better
    ("build_s", "kg build (without the generator's own time)", "s", False),
    ("articles_s", "build throughput", "articles/s", True),
    ("write_quads_s", "store writes, sustained over the build", "quads/s", True),
    ("build_peak_mb", "peak memory of the build", "MB", False),
    ("resolver_s", "resolver start (read from the version's index)", "s", False),
    ("size_ratio", "store size / input text", "×", False),
    ("size_ratio_compact", "store size / input text after kg compact", "×", False),
    ("compact_s", "kg compact", "s", False),
    ("ready_s", "server answering after a publish (slowest first request of 8)", "s", False),
    ("neighbors_p99_ms", "neighbours p99 at 32 connections", "ms", False),
    ("neighbors_p50_ms", "neighbours p50", "ms", False),
    ("neighbors_rps", "neighbours throughput", "req/s", True),
    ("search_p99_ms", "search p99 at 32 connections", "ms", False),
    ("search_p50_ms", "search p50", "ms", False),
    ("search_rps", "search throughput", "req/s", True),
    ("worker_rss_mb", "resident memory per server process", "MB", False),
]


def check(key: str, value: float, base: float, n: int) -> bool | None:
    if n < 100_000 and key not in ("write_quads_s", "resolver_s", "worker_rss_mb", "ready_s"):
        return None  # the targets are for 100k articles
    return {"ready_s": value <= 1, "neighbors_p99_ms": value <= 25 and value <= 2 * base,
            "search_p99_ms": value <= 50 and value <= 2 * base, "worker_rss_mb": value <= 300 and value <= 1.5 * base,
            "resolver_s": value <= 2, "write_quads_s": value >= 50_000, "build_peak_mb": value <= 1.5 * base,
            "size_ratio": value <= 30, "size_ratio_compact": value <= 30}.get(key)


def fit(points: dict[int, float]) -> tuple[float, float] | None:
    """(a, b) of value = a·N^b by least squares on the logarithms; None for fewer than two sizes."""
    xs = [(math.log(n), math.log(v)) for n, v in points.items() if v and v > 0]
    if len(xs) < 2:
        return None
    mx = sum(x for x, _ in xs) / len(xs)
    my = sum(y for _, y in xs) / len(xs)
    b = sum((x - mx) * (y - my) for x, y in xs) / (sum((x - mx) ** 2 for x, _ in xs) or 1)
    return math.exp(my - b * mx), b


def rows(results: dict[int, dict], sizes: list[int], extrapolate: list[int]) -> tuple[list[Row], list[str]]:
    base = results[BASELINE]
    out, curve = [], []
    for key, label, unit, _ in FIGURES:
        fitted = fit({n: r[key] for n, r in results.items() if r.get(key) is not None})
        for n in sizes:
            value = results[n].get(key)
            if value is None:
                continue
            ratio = value / base[key] if base.get(key) else None
            out.append(Row(f"{label}, {n:,} articles", f"{_fmt(value)} {unit}", f"1,000 articles: {_fmt(base[key])} {unit}",
                           ratio, TARGETS.get(key, ""), check(key, value, base[key], n)))
        if fitted and 100_000 not in sizes and base.get(key):
            a, b = fitted
            value = a * 100_000 ** b
            out.append(Row(f"{label}, 100,000 articles (fitted: ∝ N^{b:.2f})", f"{_fmt(value)} {unit}",
                           f"1,000 articles: {_fmt(base[key])} {unit}", value / base[key], TARGETS.get(key, ""),
                           check(key, value, base[key], 100_000)))
        if fitted:
            a, b = fitted
            guesses = ", ".join(f"{m:,}: {_fmt(a * m ** b)} {unit}" for m in extrapolate)
            curve.append(f"{label}: ∝ N^{b:.2f}" + (f" — fitted {guesses}" if guesses else ""))
    return out, curve


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}" if abs(v) < 10 else f"{v:,.1f}"


def run(sizes: list[int], scratch: Path, bench: Path) -> tuple[list[Row], dict]:
    results: dict[int, dict] = {}
    for n in sorted({BASELINE, *sizes}):
        print(f"[scale] {n:,} articles … ({load()})", flush=True)
        started = time.time()
        results[n] = measure(n, scratch)
        results[n]["wall_s"] = time.time() - started
        print(f"[scale] {n:,}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in results[n].items()
                                              if isinstance(v, (int, float))), flush=True)
        (bench / "scale.json").write_text(json.dumps(results, indent=1))
    ran = max(sizes)
    extrapolate = [m for m in (100_000, 300_000, 1_000_000) if m > ran]
    table, curve = rows(results, sorted(sizes), extrapolate)
    return table, {"results": results, "curve": curve}


def main(argv: list[str]) -> int:
    step = argv[0]
    if step == "build":
        print(json.dumps(build_step(int(argv[1]), argv[2], argv[3])))
    elif step == "resolver":
        print(json.dumps(resolver_step(argv[1])))
    elif step == "compact":
        print(json.dumps(compact_step(argv[1])))
    else:
        raise SystemExit(f"unknown step {step!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
