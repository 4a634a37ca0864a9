"""The web service's limits, on a real `kg serve` over the seed store: the query timeout (a
pathological query is stopped and answered 503 query_timeout within a second of the limit, while
other requests keep being answered), the request-body cap (413), the request-line cap (414) and
the row cap (an explicit error, never a cut result); all in the one JSON error shape.

The server runs with a 2 s query timeout and a 50-row cap, so that the test is quick."""
import threading
import time

import pytest
import requests
from servers import descendants, serving, wait_for

from newskg.api import create_app

TIMEOUT = 2.0
MAX_ROWS = 50
WORKERS, THREADS = 2, 4  # the server's processes and their threads (and query processes: as many)
# Never finishes on any store: the count of a three-way cartesian product of every triple.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Unbounded property paths (any predicate, any length) from every node, joined.
ANY_PATH = ("SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://x/p>|!<http://x/p>)* ?o . "
            "?o (<http://x/p>|!<http://x/p>)* ?t }")
SMALL = "SELECT ?l WHERE { ?e a nkg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 2"


@pytest.fixture(scope="module")
def service(seed_store, tmp_path_factory):
    log = tmp_path_factory.mktemp("limits") / "server.log"
    with serving(seed_store, "--workers", str(WORKERS), "--threads", str(THREADS), "--query-timeout", str(TIMEOUT),
                 env={"KG_MAX_ROWS": str(MAX_ROWS)}, log=log) as (url, proc):
        yield url, proc


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    return body["error"]


def timed(method, url, **kwargs):
    started = time.monotonic()
    response = method(url, timeout=60, **kwargs)
    return response, time.monotonic() - started


def test_pathological_queries_are_stopped_at_the_timeout_while_other_requests_are_answered(service):
    url, proc = service
    # each worker: its query processes, the fork server they come from and multiprocessing's resource tracker
    query_processes = wait_for(lambda: len(descendants(proc.pid)) >= WORKERS * (1 + THREADS + 2)
                               and descendants(proc.pid))
    assert query_processes, "the query processes did not start"
    for _ in range(4 * WORKERS):  # every worker's search index built, every query process's store open
        requests.get(url + "/api/entities", params={"q": "massoud"})
        requests.get(url + "/sparql", params={"query": SMALL})
    answered, failures, stop = [], [], threading.Event()

    def others():
        while not stop.is_set():
            for path, params in (("/api/entities", {"q": "massoud"}), ("/sparql", {"query": SMALL})):
                try:
                    r, seconds = timed(requests.get, url + path, params=params)
                    (answered if r.status_code == 200 else failures).append((path, r.status_code, seconds))
                except requests.RequestException as e:
                    failures.append((path, repr(e)))

    outcomes = {}

    def pathological(name, query, how):
        if how == "GET":
            outcomes[name] = timed(requests.get, url + "/sparql", params={"query": query})
        else:
            outcomes[name] = timed(requests.post, url + "/sparql", data=query,
                                   headers={"Content-Type": "application/sparql-query"})

    background = threading.Thread(target=others)
    background.start()
    try:
        time.sleep(0.3)
        heavy = [threading.Thread(target=pathological, args=("cartesian", CARTESIAN, "POST")),
                 threading.Thread(target=pathological, args=("path", ANY_PATH, "GET"))]
        for t in heavy:
            t.start()
        for t in heavy:
            t.join(30)
        during = len(answered)
    finally:
        stop.set()
        background.join(30)

    for name, (response, seconds) in outcomes.items():
        error = error_of(response, 503)
        assert error["code"] == "query_timeout", (name, error)
        assert f"{TIMEOUT:g} s" in error["message"]
        assert TIMEOUT - 0.1 <= seconds <= TIMEOUT + 1, f"{name} answered after {seconds:.2f} s"
    assert not failures, failures[:5]
    assert during >= 10, f"only {during} other requests were answered while the heavy queries ran"
    assert max(seconds for _, _, seconds in answered) < TIMEOUT, "other requests waited for the heavy ones"
    # the overrunning processes were killed and replaced, none is left computing
    assert wait_for(lambda: descendants(proc.pid) != query_processes and len(descendants(proc.pid))
                    == len(query_processes)), "the killed query processes were not replaced one for one"
    r = requests.get(url + "/sparql", params={"query": SMALL}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 2


def test_a_named_query_over_the_timeout_is_stopped_and_the_next_one_answered(seed_store, tmp_path, monkeypatch):
    from newskg.graph import named_queries as named

    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "everything.rq").write_text("# title: Every triple three times\n" + CARTESIAN + "\n")
    (folder / "people.rq").write_text("# title: People\n" + SMALL + "\n")
    monkeypatch.setattr(named, "folder", lambda: folder)
    app = create_app({"STORE": str(seed_store), "TESTING": True, "QUERY_TIMEOUT": 1.0, "QUERY_PROCESSES": 1})
    pool = app.extensions["newskg.queries"].start()
    try:
        client = app.test_client()
        assert pool.ready(30)
        before = pool.pids()
        started = time.monotonic()
        r = client.get("/api/queries/everything")
        seconds = time.monotonic() - started
        assert r.status_code == 503 and r.get_json()["error"]["code"] == "query_timeout", r.get_data(as_text=True)
        assert 0.9 <= seconds <= 2.0
        assert pool.pids() != before and len(pool.pids()) == 1
        people = client.get("/api/queries/people", headers={"Accept": "application/sparql-results+json"})
        assert people.status_code == 200 and len(people.get_json()["results"]["bindings"]) == 2
    finally:
        pool.close()


def test_a_killed_query_process_is_replaced_and_the_query_answered(seed_store):
    import os
    import signal

    app = create_app({"STORE": str(seed_store), "TESTING": True, "QUERY_PROCESSES": 2})
    pool = app.extensions["newskg.queries"].start()
    try:
        assert pool.ready(30) and len(pool.pids()) == 2
        for pid in pool.pids():
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)
        r = app.test_client().get("/sparql", query_string={"query": SMALL},
                                  headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200 and len(r.get_json()["results"]["bindings"]) == 2
    finally:
        pool.close()


def test_a_query_whose_process_dies_is_answered_503_and_the_next_one_served(seed_store):
    import os
    import signal

    app = create_app({"STORE": str(seed_store), "TESTING": True, "QUERY_PROCESSES": 1, "QUERY_TIMEOUT": 20.0})
    pool = app.extensions["newskg.queries"].start()
    try:
        assert pool.ready(30)
        [pid] = pool.pids()
        killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))  # as the kernel's OOM killer would
        killer.start()
        client = app.test_client()
        r, seconds = timed(lambda url, **kw: client.get(url, query_string={"query": CARTESIAN}), "/sparql")
        assert r.status_code == 503 and r.get_json()["error"]["code"] == "query_aborted", r.get_data(as_text=True)
        assert seconds < 5
        assert pool.pids() != [pid] and len(pool.pids()) == 1
        r = client.get("/sparql", query_string={"query": SMALL}, headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200 and len(r.get_json()["results"]["bindings"]) == 2
    finally:
        pool.close()


def test_an_oversized_request_body_is_answered_413_whether_sized_or_chunked(service):
    url, _ = service
    limit = 2**20

    def padded(n: int) -> bytes:
        return ("ASK { ?s ?p ?o } #" + "x" * n).encode()

    assert requests.post(url + "/sparql", data=padded(limit - 100),
                         headers={"Content-Type": "application/sparql-query"}).status_code == 200
    over = padded(2 * limit)
    for data, content_type in ((over, "application/sparql-query"),
                               (b"query=" + over, "application/x-www-form-urlencoded"),
                               (iter([over[i:i + 65536] for i in range(0, len(over), 65536)]),
                                "application/sparql-query")):  # chunked: no Content-Length
        error = error_of(requests.post(url + "/sparql", data=data, headers={"Content-Type": content_type}), 413)
        assert error["code"] == "too_large" and "1,048,576 bytes" in error["message"]
    # a chunked body just under the cap is read whole, not cut at the cap
    under = padded(limit - 100)
    r = requests.post(url + "/sparql", data=iter([under[:1000], under[1000:]]),
                      headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_a_huge_query_string_or_header_is_answered_414_or_431_and_a_long_one_served(service):
    url, _ = service
    long_query = SMALL + " #" + "x" * 7000  # longer than gunicorn's default request line (4094 bytes)
    assert requests.get(url + "/sparql", params={"query": long_query}).status_code == 200
    error = error_of(requests.get(url + "/sparql", params={"query": SMALL + " #" + "x" * 20000}), 414)
    assert error["code"] == "uri_too_long" and "POST" in error["message"]
    error = error_of(requests.get(url + "/sparql", params={"query": SMALL}, headers={"X-Big": "x" * 20000}), 431)
    assert error["code"] == "headers_too_large"
    assert requests.get(url + "/api/entities", params={"q": "massoud"}).status_code == 200


def test_a_result_over_the_row_cap_is_an_error_never_a_cut_result(service):
    url, _ = service
    json_results = {"Accept": "application/sparql-results+json"}
    rows = "SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {}"
    at_cap = requests.get(url + "/sparql", params={"query": rows.format(MAX_ROWS)}, headers=json_results)
    assert at_cap.status_code == 200 and len(at_cap.json()["results"]["bindings"]) == MAX_ROWS
    for accept in ("application/sparql-results+json", "text/csv", "application/sparql-results+xml"):
        error = error_of(requests.get(url + "/sparql", params={"query": rows.format(MAX_ROWS + 1)},
                                      headers={"Accept": accept}), 400)
        assert error["code"] == "too_many_results" and str(MAX_ROWS) in error["message"]
    graph = "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ " + rows + " }} }}"
    ntriples = {"Accept": "application/n-triples"}
    at_cap = requests.get(url + "/sparql", params={"query": graph.format(MAX_ROWS * 10)}, headers=ntriples)
    assert at_cap.status_code == 200 and len(at_cap.text.strip().splitlines()) == MAX_ROWS * 10
    error = error_of(requests.get(url + "/sparql", params={"query": graph.format(MAX_ROWS * 10 + 1)},
                                  headers=ntriples), 400)
    assert error["code"] == "too_many_results" and str(MAX_ROWS * 10) in error["message"]
    # a named query too (70 entities in the seeds)
    error = error_of(requests.get(url + "/api/queries/entities", headers=json_results), 400)
    assert error["code"] == "too_many_results"


def _rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_result_over_the_byte_cap_is_refused_and_the_worker_stays_small(store_copy, tmp_path):
    """300 literals of 1 MB: refused whole (400 too_many_results), never sent, never held."""
    from conftest import kg

    big = tmp_path / "big.nt"
    with open(big, "w") as f:
        for i in range(300):
            f.write(f'<http://example.org/s{i}> <http://example.org/big> "{chr(97 + i % 26) * 2**20}" .\n')
    kg("load", str(big), "--graph", "http://example.org/big", store=store_copy)
    big.unlink()
    with serving(store_copy, "--workers", "1", "--threads", "2") as (url, proc):
        query = "SELECT ?o WHERE { ?s <http://example.org/big> ?o }"
        requests.get(url + "/api/entities?q=a").raise_for_status()
        worker = min(descendants(proc.pid))  # the gunicorn worker (its query processes come after it)
        before = _rss_mb(worker)
        for accept in ("application/sparql-results+json", "text/csv"):
            error = error_of(requests.post(url + "/sparql", data={"query": query}, headers={"Accept": accept}), 400)
            assert error["code"] == "too_many_results" and "MB" in error["message"]
        small = requests.post(url + "/sparql", data={"query": query + " LIMIT 3"},
                              headers={"Accept": "application/sparql-results+json"})
        assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 3
        after = _rss_mb(worker)
        print(f"web worker: {before:.0f} MB before, {after:.0f} MB after the oversized results")
        assert after - before < 60


def test_head_and_a_nul_in_a_header_get_http_answers_in_the_json_shape(service):
    url, _ = service
    head = requests.head(url + "/sparql", params={"query": SMALL})
    assert head.status_code == 200 and head.headers["Content-Type"].startswith("application/sparql-results+json")
    import socket
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: application/json\x00x\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head_part, _, body = answer.partition(b"\r\n\r\n")
    assert head_part.startswith(b"HTTP/1.1 400") and b"application/json" in head_part
    import json
    error = json.loads(body)["error"]
    assert error["status"] == 400 and error["code"] == "bad_request"


def test_the_response_cache_counts_its_keys():
    from newskg.api.state import _Responses

    cache = _Responses(budget=1_000_000)
    body = b"{}"
    for i in range(1000):  # 8 KB keys, tiny bodies: 8 MB of keys if they were not counted
        cache.put(f"neighbors/x?pad={'k' * 8000}{i}", (body, 200, [("Content-Type", "application/json")]))
    assert cache.size <= 1_000_000 and len(cache.items) < 130
    assert sum(len(k) for k in cache.items) <= 1_000_000
