"""The web service under load: `kg serve` over the big store, wrk (Debian's `wrk`) as the load
generator in a process of its own, on loopback."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import requests

from .corpus import ROOT
from .report import Row, load


def available() -> str | None:
    return None if shutil.which("wrk") else "wrk is not installed (apt-get install wrk)"


class Server:
    def __init__(self, store: Path, workers: int, threads: int, log: Path):
        self.log = open(log, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "newskg", "--store", str(store), "serve", "--port", "0",
                                      "--workers", str(workers), "--threads", str(threads), "--json"],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"kg serve did not start: {Path(log).read_text()[-2000:]}")
        self.url = json.loads(line)["url"].rstrip("/")

    def stop(self) -> None:
        # gunicorn's arbiter stops its workers within its graceful timeout (30 s); killing it
        # sooner would leave them running
        self.proc.terminate()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int, connections: int, script: Path | None = None, headers: dict | None = None) -> dict:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for k, v in (headers or {}).items():
        cmd += ["-H", f"{k}: {v}"]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconds + 60).stdout
    percentiles = {int(p): float(v) * _UNITS[u] for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if rps is None:
        raise RuntimeError(f"wrk said: {out}")
    return {"rps": float(rps.group(1)), "p50": percentiles.get(50), "p99": percentiles.get(99),
            "non_2xx": int(bad.group(1)) if bad else 0, "socket_errors": errors.group(0) if errors else "",
            "raw": out}


def rotation_script(paths: list[str], folder: Path) -> Path:
    script = folder / "rotate.lua"
    script.write_text("paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                      "i = 0\nrequest = function()\n  i = i + 1\n"
                      "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
    return script


def neighbor_query(base: str, entity: str) -> str:
    return (f"SELECT ?p ?n ?label WHERE {{ {{ <{entity}> ?p ?n }} UNION {{ ?n ?p <{entity}> }} "
            f'?n <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(STRSTARTS(STR(?n), "{base}entity/")) }}')


def run(store: Path, hub: str, entities: list[str], base: str, scratch: Path, workers: int, threads: int,
        seconds: int = 15, connections: int = 8) -> tuple[list[Row], dict]:
    server = Server(store, workers, threads, scratch / "serve.log")
    try:
        slug = hub.rsplit("/", 1)[-1]
        paths = [f"/api/entities/{e.rsplit('/', 1)[-1]}/neighbors" for e in entities]
        # every worker builds its neighbour index on its first request: warm them all up
        t = time.perf_counter()
        requests.get(server.url + f"/api/entities/{slug}/neighbors", timeout=600).raise_for_status()
        cold = time.perf_counter() - t
        for _ in range(4 * workers):
            requests.get(server.url + f"/api/entities/{slug}/neighbors", timeout=600).raise_for_status()
        for p in paths:
            requests.get(server.url + p, timeout=60).raise_for_status()
        sparql_url = server.url + "/sparql?query=" + quote(neighbor_query(base, hub))
        accept = {"Accept": "application/sparql-results+json"}
        requests.get(sparql_url, headers=accept, timeout=60).raise_for_status()
        results = {
            "neighbors_hub": wrk(server.url + f"/api/entities/{slug}/neighbors", seconds, connections),
            "neighbors_rotating": wrk(server.url + "/", seconds, connections, rotation_script(paths, scratch)),
            "sparql_hub": wrk(sparql_url, seconds, connections, headers=accept),
        }
    finally:
        server.stop()
    details = {k: {x: v for x, v in r.items() if x != "raw"} for k, r in results.items()}
    details.update(workers=workers, threads=threads, connections=connections, seconds=seconds, load=load(),
                   hub=hub, entities=len(entities), first_request_seconds=cold)
    rows = []
    sparql = results["sparql_hub"]
    for key, label in (("neighbors_hub", "the most mentioned entity"),
                       ("neighbors_rotating", f"{len(entities)} entities in turn")):
        r = results[key]
        ok = r["rps"] >= 1500 and r["p99"] is not None and r["p99"] <= 25 and not r["non_2xx"]
        rows.append(Row(f"GET /api/entities/<id>/neighbors, {label} ({connections} connections)",
                        f"{r['rps']:,.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms",
                        f"/sparql, same neighbour query: {sparql['rps']:,.0f} req/s, p99 {sparql['p99']:.1f} ms",
                        r["rps"] / sparql["rps"], "≥1,500 req/s and p99 ≤25 ms", ok, details=details))
    rows.append(Row("first neighbours request of a server process (it builds the neighbour index)",
                    f"{cold:.1f} s", "", None, "", None,
                    "each process builds the neighbour index of a version on its first request "
                    "(graph/view.py: GROUP BY over every statement and co-mention); later ones answer "
                    "from it, and the pages from memory"))
    return rows, details
