"""The Flask app over the hand-written world (test client; the real server is in test_server.py)."""
import csv
import io
import json
import re
from xml.etree import ElementTree

import pytest

from newskg.api import create_app
from newskg.graph.pipeline import stats
from newskg.graph.store import Store

from fixture_graph import World

SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def client(graph_store):
    return create_app({"STORE": str(graph_store), "TESTING": True}).test_client()


def error_of(response):
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_search_finds_by_alias_ignoring_case_and_accents_best_first(client):
    results = client.get("/api/entities?q=nrf").get_json()["results"]
    assert results[0]["label"] == "National Resistance Front of Afghanistan"
    assert set(results[0]) >= {"id", "iri", "label", "type", "aliases", "mentions"}
    assert results[0]["iri"].endswith("/" + results[0]["id"])
    people = client.get("/api/entities?q=massoud&type=PERSON").get_json()["results"]
    assert {r["label"] for r in people} == {"Ahmad Massoud", "Ahmad Shah Massoud"}
    assert people[0]["label"] == "Ahmad Massoud"  # the most mentioned first


def test_entity_detail_has_relations_both_ways_with_evidence_and_articles(client):
    detail = client.get("/api/entities/ahmad-massoud").get_json()
    assert detail["type"] == "PERSON" and detail["label"] == "Ahmad Massoud"
    leads = [r for r in detail["relations"] if r["predicate"] == "leads"]
    assert leads and leads[0]["direction"] == "out" and leads[0]["evidence"][0]["sentence"]
    assert len(detail["articles"]) == 3
    nrf = client.get("/api/entities/" + leads[0]["entity"]["id"]).get_json()
    assert any(r["predicate"] == "leads" and r["direction"] == "in" for r in nrf["relations"])


def test_neighbors_by_depth_predicate_and_direction(client):
    one = client.get("/api/entities/ahmad-massoud/neighbors").get_json()
    # those he shares a sentence with in the hand-written articles
    assert one["root"] == "ahmad-massoud" and {n["id"] for n in one["nodes"]} == {
        "ahmad-massoud", "national-resistance-front-of-afghanistan", "taliban", "ahmad-shah-massoud", "panjshir"}
    assert all({"source", "target", "predicates", "weight", "directed"} <= set(e) for e in one["edges"])
    leads = client.get("/api/entities/ahmad-massoud/neighbors?predicate=leads&direction=out").get_json()
    assert leads["edges"] and all(e["predicates"] == ["leads"] for e in leads["edges"])
    two = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&limit=500").get_json()
    assert len(two["nodes"]) > len(one["nodes"])


def test_named_queries_list_and_run_with_bound_parameters(client):
    names = {q["name"] for q in client.get("/api/queries").get_json()["queries"]}
    assert {"leaders", "relations", "comentions", "titles"} <= names
    r = client.get("/api/queries/titles", headers={"Accept": "application/sparql-results+json"})
    titles = {b["title"]["value"] for b in r.get_json()["results"]["bindings"]}
    assert r.status_code == 200 and titles == {"spokesman", "associate director of women's rights"}
    injected = client.get('/api/queries/relations?entity=x> } } SELECT * WHERE { ?s ?p ?o')
    assert injected.status_code == 200 and injected.get_json()["results"]["bindings"] == []


def test_named_queries_answer_members_and_what_two_entities_share(client):
    json_results = {"Accept": "application/sparql-results+json"}
    members = client.get("/api/queries/members?org=human-rights-watch", headers=json_results).get_json()
    assert {b["label"]["value"] for b in members["results"]["bindings"]} == {"Heather Barr"}
    shared = client.get("/api/queries/shared?a=taliban&b=united-states", headers=json_results).get_json()
    rows = {b["label"]["value"]: b for b in shared["results"]["bindings"]}
    assert "Afghanistan" in rows and "Taliban" not in rows and "United States" not in rows
    assert all(int(b["articlesWithA"]["value"]) >= 1 and int(b["articlesWithB"]["value"]) >= 1 for b in rows.values())


def test_an_integer_parameter_outside_its_declared_bounds_is_a_400_naming_them(client):
    listed = {q["name"]: q for q in client.get("/api/queries").get_json()["queries"]}
    (param,) = listed["strongest-comentions"]["parameters"]
    assert (param["type"], param["minimum"], param["maximum"]) == ("integer", 1, 100000)
    for bad in ("0", "100001", "two"):
        r = client.get("/api/queries/strongest-comentions", query_string={"min": bad})
        assert r.status_code == 400 and "min" in error_of(r)["message"], bad
    assert client.get("/api/queries/strongest-comentions", query_string={"min": "3"}).status_code == 200


def test_sparql_select_in_every_results_format(client):
    q = "SELECT ?e ?l ?n WHERE { ?e a nkg:Person ; rdfs:label ?l ; nkg:mentionCount ?n } ORDER BY ?l"

    def ask(accept):
        r = client.get("/sparql", query_string={"query": q}, headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept
        return r.get_data(as_text=True)

    people = sorted((label, n) for label, n in World.read().mentions().items()
                    if label in {"Ahmad Massoud", "Ahmad Shah Massoud", "Heather Barr", "Zabihullah Mujahid"})
    bindings = json.loads(ask("application/sparql-results+json"))["results"]["bindings"]
    rows = [(b["e"]["value"], b["l"]["value"], b["n"]["value"]) for b in bindings]
    assert [(label, int(n)) for _, label, n in rows] == people  # the world's people, and how often each is named
    # every format holds the same rows, each as its specification writes them
    xml = ElementTree.fromstring(ask("application/sparql-results+xml"))
    assert [v.get("name") for v in xml.find(f"{SRX}head")] == ["e", "l", "n"]
    assert [(r.find(f"{SRX}binding[@name='e']/{SRX}uri").text, r.find(f"{SRX}binding[@name='l']/{SRX}literal").text,
             r.find(f"{SRX}binding[@name='n']/{SRX}literal").text) for r in xml.find(f"{SRX}results")] == rows
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    assert {r.find(f"{SRX}binding[@name='n']/{SRX}literal").get("datatype") for r in xml.find(f"{SRX}results")} \
        == {integer}
    assert list(csv.reader(io.StringIO(ask("text/csv"), newline=""))) == [["e", "l", "n"], *map(list, rows)]
    tsv = [line.split("\t") for line in ask("text/tab-separated-values").splitlines()]
    assert tsv == [["?e", "?l", "?n"], *([f"<{e}>", f'"{label}"', f'"{n}"^^<{integer}>'] for e, label, n in rows)]


def test_sparql_construct_in_rdf_formats(client):
    q = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a nkg:Place ; rdfs:label ?l }"
    for accept in ("text/turtle", "application/n-triples", "application/ld+json"):
        r = client.post("/sparql", data=q, content_type="application/sparql-query", headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept and b"Kabul" in r.data


def test_errors_have_one_json_shape(client):
    bad = client.get("/sparql", query_string={"query": "SELECT ?x WHERE {"})
    assert bad.status_code == 400 and "syntax" in error_of(bad)["message"].lower()
    assert error_of(client.get("/api/entities/no-such-entity")).get("code") == "not_found"
    assert client.get("/api/entities/no-such-entity/neighbors").status_code == 404
    assert error_of(client.get("/api/entities/ahmad-massoud/neighbors?depth=9"))["status"] == 400
    assert error_of(client.get("/api/queries/nope"))["status"] == 404
    assert error_of(client.get("/api/queries/..%2Fetc"))["status"] in (400, 404)
    update = client.post("/sparql", data={"update": "DROP ALL"})
    assert update.status_code == 400 and error_of(update)["code"] == "update_refused"
    assert error_of(client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }"
                                                        }))["code"] == "refused"
    assert client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"}).status_code == 406


def test_home_page_shows_the_stores_counts(client, graph_store):
    page = client.get("/")
    assert page.status_code == 200
    counts = re.search(r'<p class="counts">(.*?)</p>', page.get_data(as_text=True), re.DOTALL).group(1)
    words = " ".join(re.sub(r"<[^>]+>", "", counts).split())
    world = World.read()
    s = stats(Store(graph_store))
    assert s["documents"] == len(world.articles) and s["entities"] == len(world.labels())  # not the empty store's
    by_type = ", ".join(f"{t} {n}" for t, n in s["entities_by_type"].items())
    assert words == f"{s['documents']} articles · {s['entities']} entities ({by_type}) · {s['quads']} quads"
