"""The Flask app over the seed store (test client; the real server is in test_server.py)."""
import json

import pytest

from newskg.api import create_app


@pytest.fixture(scope="module")
def client(seed_store):
    return create_app({"STORE": str(seed_store), "TESTING": True}).test_client()


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
    assert {r["label"] for r in people} >= {"Ahmad Massoud", "Ahmad Shah Massoud"}
    assert people[0]["label"] == "Ahmad Massoud"  # the most mentioned first


def test_entity_detail_has_relations_both_ways_with_evidence_and_articles(client):
    detail = client.get("/api/entities/ahmad-massoud").get_json()
    assert detail["type"] == "PERSON" and detail["label"] == "Ahmad Massoud"
    leads = [r for r in detail["relations"] if r["predicate"] == "leads"]
    assert leads and leads[0]["direction"] == "out" and leads[0]["evidence"][0]["sentence"]
    assert len(detail["articles"]) == 2
    nrf = client.get("/api/entities/" + leads[0]["entity"]["id"]).get_json()
    assert any(r["predicate"] == "leads" and r["direction"] == "in" for r in nrf["relations"])


def test_neighbors_by_depth_predicate_and_direction(client):
    one = client.get("/api/entities/ahmad-massoud/neighbors").get_json()
    assert one["root"] == "ahmad-massoud" and len(one["nodes"]) > 5
    assert all({"source", "target", "predicates", "weight", "directed"} <= set(e) for e in one["edges"])
    leads = client.get("/api/entities/ahmad-massoud/neighbors?predicate=leads&direction=out").get_json()
    assert leads["edges"] and all(e["predicates"] == ["leads"] for e in leads["edges"])
    two = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&limit=500").get_json()
    assert len(two["nodes"]) > len(one["nodes"])


def test_named_queries_list_and_run_with_bound_parameters(client):
    names = {q["name"] for q in client.get("/api/queries").get_json()["queries"]}
    assert {"leaders", "relations", "comentions", "titles"} <= names
    r = client.get("/api/queries/titles", headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.get_json()["results"]["bindings"]
    injected = client.get('/api/queries/relations?entity=x> } } SELECT * WHERE { ?s ?p ?o')
    assert injected.status_code == 200 and injected.get_json()["results"]["bindings"] == []


def test_named_queries_answer_members_and_what_two_entities_share(client):
    json_results = {"Accept": "application/sparql-results+json"}
    members = client.get("/api/queries/members?org=human-rights-watch", headers=json_results).get_json()
    assert "Heather Barr" in {b["label"]["value"] for b in members["results"]["bindings"]}
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
    q = "SELECT ?l WHERE { ?e a nkg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 2"
    for accept, check in (("application/sparql-results+json", lambda b: json.loads(b)["results"]["bindings"]),
                          ("application/sparql-results+xml", lambda b: b"<sparql" in b),
                          ("text/csv", lambda b: b.splitlines()[0] == b"l"),
                          ("text/tab-separated-values", lambda b: b.splitlines()[0] == b"?l")):
        r = client.get("/sparql", query_string={"query": q}, headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept and check(r.data)


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


def test_home_page_shows_counts(client):
    page = client.get("/")
    assert page.status_code == 200 and b"entities" in page.data
