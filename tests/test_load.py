"""Load: 10,000 mixed requests at a concurrency of 32 against the production server (`kg serve`:
gunicorn, its default processes and threads) on loopback, answered without an error and exactly
as the same requests are answered one at a time.

The requests are built from what the store holds (entity ids from /api/entities, article ids
from /api/documents, named queries and their parameters from /api/queries): entity search,
entity detail, neighbourhoods (JSON and GraphML), evidence, relation paths, small SPARQL SELECTs
and ASKs by GET and POST in several result formats, named queries, articles — and a few that are
deliberately bad (unknown entity, malformed query, out-of-range parameter), whose refusals must be
as stable as the answers. Each distinct request is sent once, sequentially, to record its reference
answer (status, content type, body); then the list of 10,000 (the distinct requests repeated,
shuffled with a fixed seed) is sent by 32 threads with a keep-alive connection each, and every
answer must be the reference byte for byte — nothing in these answers legitimately varies.
Throughput and latency percentiles are printed, never asserted.
"""
from __future__ import annotations

import random
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
import requests

from servers import serving

pytestmark = pytest.mark.slow

TOTAL = 10_000
CONCURRENCY = 32


@dataclass(frozen=True)
class Call:
    method: str
    path: str  # with its query string
    body: bytes | None = None
    headers: tuple = ()
    bad: bool = False  # deliberately bad: a 4xx is its right answer

    def send(self, session: requests.Session, base: str) -> tuple[int, str, bytes]:
        r = session.request(self.method, base + self.path, data=self.body, headers=dict(self.headers), timeout=60)
        return r.status_code, r.headers.get("Content-Type", ""), r.content


@dataclass
class Outcome:
    latencies: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # connection errors, timeouts
    mismatches: list = field(default_factory=list)


@pytest.fixture(scope="module")
def production_server(seed_store, tmp_path_factory):
    """`kg serve` with its defaults (gunicorn, 2 processes × 4 threads) over the seeds store."""
    log_path = tmp_path_factory.mktemp("load") / "server.log"
    with serving(seed_store, log=log_path) as (base, proc):
        yield base, proc, log_path


def _q(text: str) -> str:
    return quote(text, safe="")


def distinct_calls(base: str) -> list[Call]:
    """The distinct requests, from what the store holds."""
    s = requests.Session()
    entities = s.get(base + "/api/entities", params={"limit": 200}).json()["results"]
    documents = [d["id"] for d in s.get(base + "/api/documents", params={"limit": 200}).json()["results"]]
    queries = s.get(base + "/api/queries").json()["queries"]
    assert len(entities) >= 20 and documents and queries
    ids = [e["id"] for e in entities]
    top = ids[:24]
    calls: list[Call] = []
    # search: names, prefixes, misspellings, types, pages
    for e in entities[:40]:
        calls.append(Call("GET", f"/api/entities?q={_q(e['label'])}"))
        calls.append(Call("GET", f"/api/entities?q={_q(e['label'][:3])}&limit=5"))
    calls += [Call("GET", f"/api/entities?type={t}&limit=50") for t in ("PERSON", "ORG", "PLACE", "GROUP", "EVENT")]
    calls += [Call("GET", "/api/entities?q=talbian"), Call("GET", "/api/entities?offset=20&limit=20")]
    # one entity, its neighbourhood, its evidence
    for i in top:
        calls.append(Call("GET", f"/api/entities/{i}"))
        calls.append(Call("GET", f"/api/entities/{i}/neighbors"))
        calls.append(Call("GET", f"/api/entities/{i}/neighbors?depth=2&limit=20"))
        calls.append(Call("GET", f"/api/entities/{i}/neighbors?predicate=coMentionedWith&min_weight=2"))
        calls.append(Call("GET", f"/api/entities/{i}/evidence"))
        calls.append(Call("GET", f"/api/entities/{i}/evidence?direction=out"))
    calls += [Call("GET", f"/api/entities/{i}/neighbors?format=graphml") for i in top[:4]]
    calls += [Call("GET", f"/api/paths?from={a}&to={b}") for a, b in zip(top[:8], top[8:16])]
    # small SPARQL queries, by GET and POST, in several formats
    for i in top[:12]:
        iri = f"<{entities[ids.index(i)]['iri']}>"
        select = f"SELECT ?p ?o WHERE {{ {iri} ?p ?o }} ORDER BY ?p ?o LIMIT 20"
        calls.append(Call("GET", f"/sparql?query={_q(select)}"))
        calls.append(Call("GET", f"/sparql?query={_q(select)}", headers=(("Accept", "text/csv"),)))
        calls.append(Call("POST", "/sparql", body=select.encode(),
                          headers=(("Content-Type", "application/sparql-query"),
                                   ("Accept", "application/sparql-results+xml"))))
        calls.append(Call("POST", "/sparql", body=f"query={_q(f'ASK {{ {iri} nkg:leads ?o }}')}".encode(),
                          headers=(("Content-Type", "application/x-www-form-urlencoded"),)))
    calls.append(Call("GET", "/sparql?query=" + _q("SELECT (COUNT(*) AS ?n) WHERE { ?s nkg:leads ?o }")))
    calls.append(Call("GET", "/sparql?query=" + _q("SELECT ?s ?o WHERE { ?s nkg:opposes ?o } ORDER BY ?s ?o"),
                      headers=(("Accept", "text/tab-separated-values"),)))
    # named queries, with their parameters
    for q in queries:
        required = [p["name"] for p in q["parameters"] if p["required"]]
        if required and all(p["type"] == "entity" for p in q["parameters"] if p["required"]):
            calls += [Call("GET", f"/api/queries/{q['name']}?" + "&".join(f"{name}={i}" for name in required))
                      for i in top[:6]]
        else:
            calls.append(Call("GET", f"/api/queries/{q['name']}"))
            calls.append(Call("GET", f"/api/queries/{q['name']}?format=csv"))
    # articles
    calls += [Call("GET", "/api/documents"), Call("GET", "/api/documents?limit=1&offset=1")]
    calls += [Call("GET", f"/api/documents/{d}") for d in documents]
    # deliberately bad
    calls += [Call("GET", "/api/entities/no-such-entity", bad=True),
              Call("GET", "/api/entities/taliban/neighbors?depth=9", bad=True),
              Call("GET", "/api/entities?limit=0", bad=True),
              Call("GET", "/sparql?query=SELEC", bad=True),
              Call("POST", "/sparql", body=b"SELECT * {", headers=(("Content-Type", "application/sparql-query"),),
                   bad=True),
              Call("GET", "/api/queries/no-such-query", bad=True),
              Call("GET", "/api/queries/relations", bad=True),  # its required parameter missing
              Call("GET", "/api/documents/no-such-article", bad=True)]
    return list(dict.fromkeys(calls))  # (prefixes repeat)


def test_ten_thousand_concurrent_requests_answer_as_one_by_one(production_server, capsys):
    base, proc, log_path = production_server
    calls = distinct_calls(base)

    # the reference: each distinct request once, one at a time
    session = requests.Session()
    reference = {c: c.send(session, base) for c in calls}
    wrong = [(c, r[0]) for c, r in reference.items() if (200 <= r[0] < 300) == c.bad]
    assert not wrong, f"unexpected answers one by one: {wrong[:5]}"
    bad = [c for c in calls if c.bad]
    assert all(400 <= reference[c][0] < 500 for c in bad)

    rng = random.Random(6)
    load = [calls[i % len(calls)] for i in range(TOTAL)]
    rng.shuffle(load)
    outcome = Outcome()
    local = threading.local()
    lock = threading.Lock()

    def one(call: Call) -> None:
        s = getattr(local, "session", None)
        if s is None:
            s = local.session = requests.Session()
        started = time.perf_counter()
        try:
            answer = call.send(s, base)
        except requests.RequestException as e:
            with lock:
                outcome.errors.append(f"{call.method} {call.path[:120]}: {type(e).__name__}: {e}")
            return
        elapsed = time.perf_counter() - started
        with lock:
            outcome.latencies.append(elapsed)
            if answer != reference[call]:
                outcome.mismatches.append((call, answer))

    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(one, load))
    wall = time.perf_counter() - started

    lat = sorted(outcome.latencies)
    with capsys.disabled():
        print(f"\nload: {TOTAL} requests ({len(calls)} distinct, {sum(c.bad for c in load)} deliberately bad) "
              f"at concurrency {CONCURRENCY} in {wall:.1f} s: {TOTAL / wall:.0f} req/s; latency "
              f"p50 {1000 * statistics.median(lat):.1f} ms, p99 {1000 * lat[int(0.99 * (len(lat) - 1))]:.1f} ms, "
              f"max {1000 * lat[-1]:.1f} ms; {len(outcome.errors)} errors, {len(outcome.mismatches)} mismatches")
    assert not outcome.errors, f"{len(outcome.errors)} failed requests: {outcome.errors[:5]}"
    assert len(outcome.latencies) == TOTAL
    details = [f"{c.method} {c.path[:150]}: {a[0]} {a[1]} {a[2][:200]!r}\n  one by one: {reference[c][0]} "
               f"{reference[c][1]} {reference[c][2][:200]!r}" for c, a in outcome.mismatches[:5]]
    assert not outcome.mismatches, f"{len(outcome.mismatches)} answers differ from one by one:\n" + "\n".join(details)
    assert proc.poll() is None, "the server died"
    log = log_path.read_text(errors="replace")
    assert "Traceback" not in log and "WORKER TIMEOUT" not in log, log[-3000:]
