"""The same CLI and API on a SPARQL 1.1 server (Virtuoso Open Source, Debian's package) as on
the embedded store: same graph, same scores, same answers to every named query.

Virtuoso is started on loopback by the fixture (tests/virtuoso.py). Without it these tests
skip and say how to install it, unless CI is set: then they fail.
"""
import io
import json
import os
import re
import subprocess
import time

import pyoxigraph as ox
import pytest
import requests

from conftest import KG, ROOT, SEEDS, SHARED, free_port, kg
from newskg.graph import named_queries as named
from newskg.graph.evaluate import evaluate
from newskg.graph.pipeline import build
from newskg.graph.registry import prepare_writer
from newskg.graph.sparql import run_text
from newskg.graph.store import Store, StoreError, open_store
from newskg.graph.store.remote import VERSION_PREDICATE, RemoteStore
import virtuoso as vt

BASE = "http://localhost:8000/"  # the seed store's


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    reason = vt.available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with vt.Virtuoso(tmp_path_factory.mktemp("virtuoso")) as v:
        yield v


@pytest.fixture(scope="module")
def remote(server):
    """The seeds built by `kg build` into the Virtuoso server, under the default base IRI."""
    report = json.loads(kg("--base", BASE, "build", str(SEEDS), "--json", store=server.location).stdout)
    assert report["report"]["built"] == 2
    return server.location


def canonical(store) -> list[str]:
    """Every quad of the store's graphs as sorted N-Quads, blank nodes relabelled canonically;
    without the remote store's version stamp, which the embedded store has no need of."""
    out = io.BytesIO()
    store.dump(ox.RdfFormat.N_QUADS, out)
    dataset = ox.Dataset(q for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)
                         if q.predicate.value != VERSION_PREDICATE)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in dataset)


def test_the_seeds_on_virtuoso_are_the_same_quads_as_in_the_embedded_store(remote, seed_store):
    store = open_store(remote, base=BASE)
    assert isinstance(store, RemoteStore)
    quads = canonical(store)
    assert len(quads) > 1000
    assert quads == canonical(Store(seed_store))


def test_the_seeds_on_virtuoso_score_the_same_on_the_dev_gold(remote, seed_store):
    remote_scores = evaluate(open_store(remote, base=BASE), [SHARED / "eval" / "dev"])
    assert remote_scores["entities"]["tp"] > 0
    assert remote_scores == evaluate(Store(seed_store), [SHARED / "eval" / "dev"])


def _answers(store, query):
    values = {"org": "national-resistance-front-of-afghanistan", "b": "taliban"}
    params = {p.name: values.get(p.name, "ahmad-massoud") for p in query.params if p.required}
    result = run_text(store, query.text, query.bindings(params, store.vocab))
    names = [v.value for v in result.variables]
    return names, [tuple(str(row[n]) if row[n] is not None else "" for n in names) for row in result]


@pytest.mark.parametrize("name", sorted(named.catalogue()))
def test_every_named_query_gives_the_same_answers_on_virtuoso(remote, seed_store, name):
    query = named.get(name)
    names, here = _answers(Store(seed_store), query)
    _, there = _answers(open_store(remote, base=BASE), query)
    assert here, f"{name} answers nothing on the seeds"
    assert sorted(there) == sorted(here)
    # the same order, as far as ORDER BY decides it (servers may break ties differently)
    order = re.search(r"ORDER BY(.*)", query.text, re.S)
    keys = [names.index(k) for k in re.findall(r"\?(\w+)", order.group(1)) if k in names] if order else []
    assert [tuple(r[k] for k in keys) for r in there] == [tuple(r[k] for k in keys) for r in here]


def test_a_changed_article_replaces_its_facts_on_virtuoso(server, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Flood in Dhaka\n\nThe mayor of Dhaka, Rahim Uddin, said the river rose.")
    location = server.location
    base = "http://replace.example/"
    kg("--base", base, "build", str(src), store=location)
    (src / "a.txt").write_text("Flood in Dhaka\n\nRahim Uddin, the mayor of Dhaka, said the water fell.")
    (src / "b.txt").write_text("Aid arrives\n\nThe Red Crescent sent aid to Dhaka on Monday.")
    report = json.loads(kg("--base", base, "build", str(src), "--json", store=location).stdout)["report"]
    assert (report["built"], report["replaced"]) == (2, 1)
    store = open_store(location, base=base)
    texts = [r["t"] for r in store.select(
        "SELECT ?t WHERE { GRAPH ?g { ?s a nkg:Sentence ; nkg:start ?a ; nkg:end ?b . ?g nkg:text ?x } "
        "BIND(SUBSTR(?x, ?a + 1, ?b - ?a) AS ?t) }")]
    assert any("water fell" in t for t in texts) and not any("river rose" in t for t in texts)
    graphs = {r["g"] for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a nkg:Article } }")}
    assert graphs == {store.vocab.document("a.txt"), store.vocab.document("b.txt")}


def test_an_interrupted_batch_is_repaired_by_the_next_writer(server, tmp_path, extractor):
    """Virtuoso applies the operations of a failed update request up to the failing one; the
    journal lets the next writer put the store back as it was before that batch."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Talks\n\nRahim Uddin, the leader of the Green Coast Party, spoke in Dhaka.\n")
    base = "http://crash.example/"
    location = server.location
    with open_store(location, base=base, write=True) as store:
        build([src], store, extractor=extractor)
    before = canonical(open_store(location, base=base))
    (src / "b.txt").write_text("Storm\n\nMaria Costa, the president of the Harbour Union, visited Lisbon.\n")

    class Crash(RemoteStore):
        """Fails a batch after its inserts, before it clears its journal."""
        def _update(self, ops):
            end = next((i for i, op in enumerate(ops) if "#pending> ?p ?o" in op), None)
            if end is not None:
                ops = [*ops[:end], "DROP GRAPH <http://crash.example/never-created>", *ops[end:]]
            super()._update(ops)

    with pytest.raises(StoreError, match="refused an update"):
        build([src], Crash(location, base=base, write=True), extractor=extractor)
    half = open_store(location, base=base)
    # Virtuoso kept the operations before the failing one, the journal among them
    assert bool(half.query(f"ASK {{ GRAPH <{half.vocab.meta}> {{ <{half.vocab.meta}#pending> ?p ?o }} }}"))
    assert canonical(half) != before
    writer = open_store(location, base=base, write=True)
    assert writer.recovered == [writer.vocab.document("b.txt")]
    prepare_writer(writer)  # the registry entries, which take resolving
    assert canonical(open_store(location, base=base)) == before
    with writer:
        report = build([src], writer, extractor=extractor)
    assert report.built == 1  # b.txt again; a.txt unchanged
    assert len(open_store(location, base=base).select("SELECT ?p WHERE { ?p nkg:leads ?o }")) == 2


def test_kg_load_goes_through_the_graph_store_protocol_and_refuses_bad_files_whole(server, tmp_path):
    location = server.location
    base = "http://load.example/"
    good = tmp_path / "curated.ttl"
    good.write_text("@prefix ex: <http://load.example/x#> .\nex:a ex:p \"Zürich\" , [ ex:q 1 ] .\n")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://load.example/x#b> <http://load.example/x#p> \"ok\" .\n<oops\n")
    result = kg("--base", base, "load", str(good), str(bad), "--graph", "http://load.example/curated", "--json",
                store=location, check=False)
    assert result.returncode == 1
    out = json.loads(result.stdout)
    assert out["loaded"] == {str(good): 3} and str(bad) in out["failed"]
    store = open_store(location, base=base)
    rows = store.select("SELECT ?o WHERE { GRAPH <http://load.example/curated> { ?s ?p ?o } }")
    assert "Zürich" in [r["o"] for r in rows]
    assert len(rows) == 3  # nothing of bad.ttl


def test_the_web_service_answers_from_virtuoso_as_from_the_embedded_store(remote, server_url_pair):
    embedded, on_virtuoso = server_url_pair
    for path in ("/api/entities?q=massoud", "/api/entities/ahmad-massoud", "/api/entities/ahmad-massoud/evidence",
                 "/api/documents"):
        assert requests.get(on_virtuoso + path, timeout=30).json() == requests.get(embedded + path, timeout=30).json()
    here = requests.get(embedded + "/api/entities/ahmad-massoud/neighbors?depth=2", timeout=30).json()
    there = requests.get(on_virtuoso + "/api/entities/ahmad-massoud/neighbors?depth=2", timeout=30).json()
    assert there["nodes"] == here["nodes"] and there["edges"] == here["edges"] and len(here["nodes"]) > 3
    query = {"query": "SELECT ?o WHERE { entity:ahmad-massoud nkg:leads ?o }"}
    accept = {"Accept": "application/sparql-results+json"}
    rows = requests.post(on_virtuoso + "/sparql", data=query, headers=accept, timeout=30).json()["results"]["bindings"]
    assert rows and rows == requests.post(embedded + "/sparql", data=query, headers=accept,
                                          timeout=30).json()["results"]["bindings"]
    bad = requests.post(on_virtuoso + "/sparql", data={"query": "SELECT ?x WHERE { ?x"}, timeout=30)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "malformed_query"
    turtle = requests.get(on_virtuoso + "/entity/ahmad-massoud", headers={"Accept": "text/turtle"}, timeout=30)
    assert turtle.status_code == 200 and "Ahmad Massoud" in turtle.text


@pytest.fixture(scope="module")
def server_url_pair(remote, server, seed_store):
    """`kg serve` over the embedded seeds and over the Virtuoso store, side by side."""
    urls, procs = [], []
    for location in (str(seed_store), remote):
        port = free_port()
        proc = subprocess.Popen([*KG, "--store", location, "--base", BASE, "serve",
                                 "--port", str(port), "--workers", "1"],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(proc)
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url, proc in zip(urls, procs):
            deadline = time.time() + 60
            while True:
                try:
                    if requests.get(url + "/api/entities?q=a", timeout=5).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                assert proc.poll() is None and time.time() < deadline, f"kg serve at {url} did not start"
                time.sleep(0.3)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)
