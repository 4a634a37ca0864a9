"""The server keeps answering while `kg build` adds articles to the store it serves, and serves
them, without a restart, once published: the HTTP-level version of
test_store.py::test_a_reader_never_sees_a_lock_while_a_writer_works.

A real `kg serve` over a copy of the seed store; `kg build` adds short Wikinews articles one
per batch, publishing after each; meanwhile a client sends lookups, SPARQL (through the query
processes) and named queries without pause. Every answer must be a 200, the article counts it
sees may only grow, and the last ones must count every article."""
import json
import subprocess
import threading
import time

import pytest
import requests
from conftest import KG, ROOT, wikinews
from servers import serving, wait_for

NEW_ARTICLES = 4
SEED_ARTICLES = 2
JSON = {"Accept": "application/sparql-results+json"}
ARTICLES = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a nkg:Article } }"


@pytest.fixture
def articles(tmp_path):
    records = wikinews(NEW_ARTICLES, 300, 1500)
    path = tmp_path / "new.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, [r["id"] for r in records]


def test_the_server_answers_every_request_during_a_build_and_serves_its_articles_after(store_copy, articles,
                                                                                        tmp_path):
    source, ids = articles
    with serving(store_copy, "--workers", "2", log=tmp_path / "server.log") as (url, _):
        answers, problems, stop = [], [], threading.Event()
        counts = {0: [], 1: []}  # article counts each client saw, in order
        requests_ = [("/api/entities", {"q": "massoud"}), ("/api/documents", {"limit": 50}),
                     ("/sparql", {"query": ARTICLES}), ("/api/entities/ahmad-massoud/neighbors", {"depth": 2}),
                     ("/api/queries/titles", {}), ("/api/entities/ahmad-massoud", {})]

        def client(seen: list):
            while not stop.is_set():
                for path, params in requests_:
                    try:
                        r = requests.get(url + path, params=params, headers=JSON, timeout=30)
                    except requests.RequestException as e:
                        problems.append((path, repr(e)))
                        continue
                    answers.append(path)
                    if r.status_code != 200:  # a lock, a version gone, a crashed query process…
                        problems.append((path, r.status_code, r.text[:300]))
                    elif path == "/api/documents":
                        seen.append(r.json()["total"])
                    elif path == "/sparql":
                        seen.append(int(r.json()["results"]["bindings"][0]["n"]["value"]))

        threads = [threading.Thread(target=client, args=(counts[i],)) for i in counts]
        for t in threads:
            t.start()
        try:
            build = subprocess.run([*KG, "--store", str(store_copy), "build", str(source), "--batch", "1",
                                    "--publish-every", "0", "--no-progress", "--json"],
                                   cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
            time.sleep(0.5)  # a last round of requests after the last publish
        finally:
            stop.set()
            for t in threads:
                t.join(60)
        assert build.returncode == 0, build.stderr[-2000:]
        assert json.loads(build.stdout)["report"]["built"] == NEW_ARTICLES

        assert not problems, f"{len(problems)} of {len(answers)} requests failed during the build: {problems[:5]}"
        assert len(answers) >= 50, f"only {len(answers)} requests were answered during the build"
        # the clients saw the articles arrive as the build published them, and never fewer than before
        for seen in counts.values():
            assert seen == sorted(seen), f"a client saw the article count go down: {seen}"
            assert seen[0] >= SEED_ARTICLES and seen[-1] == SEED_ARTICLES + NEW_ARTICLES, seen
        progress = set(counts[0]) | set(counts[1])
        assert len(progress) >= 3, f"the server did not show the build's progress: {sorted(progress)}"

        # without a restart, every new article is served, through the lookups and SPARQL alike
        total = requests.get(url + "/api/documents", params={"limit": 50}).json()
        assert total["total"] == SEED_ARTICLES + NEW_ARTICLES
        assert {d["id"] for d in total["results"]} >= set(ids)
        for doc in ids:
            r = requests.get(url + f"/api/documents/{doc}")
            assert r.status_code == 200 and r.json()["text"], doc
        assert wait_for(lambda: requests.get(url + "/sparql", params={"query": ARTICLES}, headers=JSON).json()
                        ["results"]["bindings"][0]["n"]["value"] == str(SEED_ARTICLES + NEW_ARTICLES), 5)
