"""Slow clients starve nothing (THREAT-MODEL.md, "Bounded requests"): a request is read whole in
the worker's event loop before a thread takes it, so connections that send part of a request and
then nothing hold no thread, and are closed (408) when their time is up."""
import resource
import socket
import time

import requests

from newskg.api.server import request_state
from servers import serving

SLOW = 500  # connections, bounded in count (and time: the server's timeouts below)


def test_five_hundred_slow_connections_leave_lookups_answered_fast(seed_store):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4 * SLOW:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8 * SLOW), hard))
    env = {"KG_HEADER_TIMEOUT": "8", "KG_BODY_TIMEOUT": "8"}
    with serving(seed_store, "--workers", "2", "--threads", "4", env=env) as (base, _):
        port = int(base.rsplit(":", 1)[1])
        requests.get(base + "/api/entities?q=taliban", timeout=10).raise_for_status()
        slow = []
        for i in range(SLOW):
            s = socket.create_connection(("127.0.0.1", port))
            # half stop inside the request line, half inside a body they announced
            s.send(b"GET /api/entities?q=tal" if i % 2 else
                   b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nquery=SELECT")
            slow.append(s)
        opened = time.monotonic()
        latencies = []
        with requests.Session() as session:
            while time.monotonic() - opened < 5:
                started = time.perf_counter()
                r = session.get(base + "/api/entities", params={"q": "taliban"}, timeout=5)
                latencies.append((time.perf_counter() - started) * 1000)
                assert r.status_code == 200
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99)]
        print(f"{SLOW} slow connections held open; {len(latencies)} lookups meanwhile: "
              f"p50 {latencies[len(latencies) // 2]:.1f} ms, p99 {p99:.1f} ms")
        assert p99 < 100, p99
        # their time up, each is answered 408 in the JSON error shape and closed
        answers = []
        for s in slow:
            s.settimeout(max(0.1, opened + 12 - time.monotonic()))
            try:
                answers.append(s.recv(4096))
            except OSError:
                answers.append(None)
            s.close()
        timed_out = [a for a in answers if a and a.startswith(b"HTTP/1.1 408") and b'"request_timeout"' in a]
        assert len(timed_out) == SLOW, f"{len(timed_out)} of {SLOW} answered 408"


def test_a_request_sent_in_pieces_is_answered_once_it_is_all_there(seed_store):
    with serving(seed_store, "--workers", "1", "--threads", "1") as (base, _):
        port = int(base.rsplit(":", 1)[1])
        body = b"query=" + requests.utils.quote("ASK { ?s ?p ?o }").encode()
        request = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
                   b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                   + str(len(body)).encode() + b"\r\n\r\n" + body)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            for i in range(0, len(request), 7):
                s.send(request[i:i + 7])
                time.sleep(0.01)
            answer = b""
            while b"boolean" not in answer and (chunk := s.recv(65536)):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200") and b"true" in answer.split(b"boolean", 1)[1]
        # the one thread was free all along: a slow request did not hold it
        with socket.create_connection(("127.0.0.1", port)) as idle:
            idle.send(b"GET /api/ent")
            assert requests.get(base + "/api/entities?q=taliban", timeout=5).status_code == 200


def test_request_state_says_how_much_of_a_request_has_arrived():
    def state(data: bytes) -> str:
        return request_state(data, max_body=100, max_head=200)

    assert state(b"") == "head"
    assert state(b"GET /api/entities?q=a HTTP/1.1\r\nHost: x\r\n") == "head"
    assert state(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n") == "complete"
    post = b"POST /sparql HTTP/1.1\r\nContent-Length: 10\r\n\r\n"
    assert state(post + b"query") == "body"
    assert state(post + b"query=ASK1") == "complete"
    chunked = b"POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
    assert state(chunked + b"5\r\nquery\r\n") == "body"
    assert state(chunked + b"5\r\nquery\r\n0\r\n\r\n") == "complete"
    # what the parser refuses anyway goes to it at once, to be answered
    assert state(b"POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n") == "complete"  # 413
    assert state(chunked + b"ff\r\n" + b"x" * 10) == "complete"  # 413
    assert state(b"POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n") == "complete"  # 400
    assert state(b"GET /" + b"a" * 300) == "complete"  # 414
