"""The SPARQL protocol's dataset rules and the result formats' details, on a small store of two
named graphs (test client; the W3C suites run the same endpoint as a real server in
test_w3c_sparql.py)."""
import csv
import io
import json
from xml.etree import ElementTree

import pytest

from newskg.api import create_app
from newskg.graph.store import Store

G1, G2 = "http://example.org/g1", "http://example.org/g2"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("protocol")
    one, two = root / "one.ttl", root / "two.ttl"
    one.write_text('<http://example.org/a> <http://example.org/p> "one\\r\\nline\\ttab, \\"quoted\\"" .\n')
    two.write_text("<http://example.org/b> <http://example.org/p> 2 .\n")
    with Store(root / "kg", write=True) as store:
        store.load(one, graph=G1)
        store.load(two, graph=G2)
    return create_app({"STORE": str(root / "kg"), "TESTING": True}).test_client()


def select(client, query, accept="application/sparql-results+json", **params):
    r = client.post("/sparql", data={"query": query, **params}, headers={"Accept": accept})
    assert r.status_code == 200, r.get_data(as_text=True)
    return r


def subjects(client, query, **params):
    bindings = select(client, query, **params).get_json()["results"]["bindings"]
    return sorted(b["s"]["value"].rsplit("/", 1)[-1] for b in bindings if "s" in b)


def test_the_querys_from_replaces_the_union_default_graph(client):
    assert subjects(client, "SELECT ?s { ?s <http://example.org/p> ?o }") == ["a", "b"]
    assert subjects(client, f"SELECT ?s FROM <{G2}> {{ ?s <http://example.org/p> ?o }}") == ["b"]
    assert subjects(client, f"SELECT ?s FROM NAMED <{G2}> {{ ?s <http://example.org/p> ?o }}") == []
    assert subjects(client, f"SELECT ?s FROM NAMED <{G2}> {{ GRAPH ?g {{ ?s ?p ?o }} }}") == ["b"]


def test_request_graphs_name_the_whole_dataset_and_win_over_from(client):
    graph_query = "SELECT ?s { GRAPH ?g { ?s ?p ?o } }"
    assert subjects(client, graph_query, **{"default-graph-uri": G1}) == []
    assert subjects(client, "SELECT ?s { ?s ?p ?o }", **{"named-graph-uri": G1}) == []
    assert subjects(client, graph_query, **{"named-graph-uri": G1}) == ["a"]
    assert subjects(client, f"SELECT ?s FROM <{G2}> {{ ?s ?p ?o }}", **{"default-graph-uri": G1}) == ["a"]
    r = client.post("/sparql", data={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "bad_request"


def test_an_unknown_function_is_an_evaluation_error_not_a_server_error(client):
    r = select(client, "SELECT ?s (<http://example.org/nope>(?o) AS ?x) { ?s <http://example.org/p> ?o }")
    rows = r.get_json()["results"]["bindings"]
    assert len(rows) == 2 and all("x" not in row for row in rows)
    assert subjects(client, "SELECT ?s { ?s ?p ?o FILTER(<http://example.org/nope>(?o)) }") == []


def test_literals_survive_every_results_format(client):
    query = f"SELECT ?o FROM <{G1}> {{ ?s ?p ?o }}"
    value = 'one\r\nline\ttab, "quoted"'
    xml = ElementTree.fromstring(select(client, query, "application/sparql-results+xml").data)
    assert xml.find(f"{SRX}results/{SRX}result/{SRX}binding/{SRX}literal").text == value
    assert json.loads(select(client, query).data)["results"]["bindings"][0]["o"]["value"] == value
    table = list(csv.reader(io.StringIO(select(client, query, "text/csv").get_data(as_text=True), newline="")))
    assert table == [["o"], [value]]
    tsv = select(client, query, "text/tab-separated-values").get_data(as_text=True)
    assert tsv == '?o\n"one\\r\\nline\\ttab, \\"quoted\\""\n'


def test_boolean_and_empty_results_in_every_format(client):
    for accept, body in [("application/sparql-results+json", '"boolean": true'),
                         ("application/sparql-results+xml", "<boolean>true</boolean>"), ("text/csv", "true")]:
        assert body in select(client, "ASK { ?s ?p ?o }", accept).get_data(as_text=True)
    empty = "SELECT ?s { ?s <http://example.org/none> ?o }"
    assert select(client, empty).get_json() == {"head": {"vars": ["s"]}, "results": {"bindings": []}}
    assert select(client, empty, "text/csv").get_data(as_text=True) == "s\r\n"
    assert select(client, empty, "text/tab-separated-values").get_data(as_text=True) == "?s\n"
