"""The JSON lookups: search, neighbourhoods a page at a time or as a Gephi file, the evidence of
relations, relation paths and the articles — on the test client and on a real server, over the
hand-written world (tests/fixtures/graph)."""
import base64
import json
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
import requests

from newskg.api import create_app
from newskg.graph.store import Store

from fixture_graph import World


@pytest.fixture(scope="module")
def client(graph_store):
    return create_app({"STORE": str(graph_store), "TESTING": True}).test_client()


def error_of(response):
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


def labels(client, q: str, **params) -> list[str]:
    return [r["label"] for r in client.get("/api/entities", query_string={"q": q, **params}).get_json()["results"]]


# -- search --------------------------------------------------------------------------------------------

def test_search_ignores_case_accents_and_word_order_and_tolerates_typos(client):
    assert labels(client, "TALIBAN")[0] == "Taliban"
    assert labels(client, "Kábul")[0] == "Kabul"
    assert labels(client, "talib")[0] == "Taliban"  # prefix
    assert labels(client, "massoud ahmad")[0] == "Ahmad Massoud"  # any word order
    assert labels(client, "Ahmad Masoud")[0] == "Ahmad Massoud"  # a spelling slip
    assert labels(client, "pansjir")[0] == "Panjshir"
    assert labels(client, "zzzzqqq") == []


def test_search_for_a_name_with_a_nul_in_it_finds_the_name(client):
    # SQLite's text index reads a NUL as the end of the query ("unterminated string": a 500)
    found = client.get("/api/entities?q=Ka%00bul")
    assert found.status_code == 200 and "Kabul" in [r["label"] for r in found.get_json()["results"]]


def test_search_ranks_exact_before_prefix_and_filters_and_pages(client):
    found = client.get("/api/entities?q=kabul").get_json()
    assert [r["label"] for r in found["results"]][:2] == ["Kabul", "Kabul airport"]
    assert found["results"][0]["score"] > found["results"][1]["score"]
    places = client.get("/api/entities?q=afghan&type=PLACE").get_json()["results"]
    assert places[0]["label"] == "Afghanistan" and {r["type"] for r in places} == {"PLACE"}
    every = client.get("/api/entities?q=a&limit=200").get_json()
    pages = [r["id"] for off in range(0, every["total"], 4)
             for r in client.get(f"/api/entities?q=a&limit=4&offset={off}").get_json()["results"]]
    # a letter or two match the start of a word (a substring needs three letters, as the text index has them)
    words_with_a = {label for label in World.read().labels() if any(w.lower().startswith("a") for w in label.split())}
    assert pages == [r["id"] for r in every["results"]] and every["total"] == len(words_with_a)
    assert error_of(client.get("/api/entities?q=a&type=ANIMAL"))["status"] == 400


# -- neighbourhoods ----------------------------------------------------------------------------------

def test_neighbor_pages_by_cursor_add_up_to_the_whole_neighbourhood(client):
    whole = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&limit=5000").get_json()
    assert whole["next"] is None and whole["total_nodes"] == len(whole["nodes"]) > 10
    nodes, edges, cursor, pages = [], [], None, 0
    while True:
        page = client.get("/api/entities/ahmad-massoud/neighbors", query_string={
            "depth": 2, "limit": 3, **({"cursor": cursor} if cursor else {})}).get_json()
        pages += 1
        assert len(page["nodes"]) <= 4 and page["total_nodes"] == whole["total_nodes"]
        nodes += page["nodes"]
        edges += page["edges"]
        ids = {n["id"] for n in nodes}
        assert all(e["source"] in ids and e["target"] in ids for e in page["edges"])  # never ahead of the nodes
        cursor = page["next"]
        if cursor is None:
            break
    assert nodes == whole["nodes"] and sorted(map(json.dumps, edges)) == sorted(map(json.dumps, whole["edges"]))
    assert pages > 3
    edge = whole["edges"][0]
    assert {"source", "target", "kind", "predicates", "weight", "evidence", "directed"} <= set(edge)


def test_a_cursor_is_opaque_and_refused_for_another_query_or_a_tampered_value(client):
    cursor = client.get("/api/entities/taliban/neighbors?limit=3").get_json()["next"]
    assert cursor and "taliban" not in cursor
    other = client.get(f"/api/entities/taliban/neighbors?limit=3&depth=2&cursor={cursor}")
    assert other.status_code == 400 and error_of(other)["code"] == "bad_cursor"
    assert error_of(client.get("/api/entities/taliban/neighbors?cursor=not-a-cursor"))["code"] == "bad_cursor"
    forged = base64.urlsafe_b64encode(b'{"o":3}').decode()
    assert error_of(client.get(f"/api/entities/taliban/neighbors?cursor={forged}"))["code"] == "bad_cursor"


def test_a_cursor_from_before_a_rebuild_is_stale(graph_copy, tmp_path):
    client = create_app({"STORE": str(graph_copy), "TESTING": True}).test_client()
    cursor = client.get("/api/entities/taliban/neighbors?limit=3").get_json()["next"]
    extra = tmp_path / "note.ttl"
    extra.write_text('<http://example.org/x> <http://example.org/note> "a new version" .\n')
    with Store(graph_copy, write=True) as store:
        store.load(extra)
    stale = client.get(f"/api/entities/taliban/neighbors?limit=3&cursor={cursor}")
    assert stale.status_code == 400 and error_of(stale)["code"] == "stale_cursor"
    assert "again" in error_of(stale)["message"]


def test_neighbors_filter_by_predicates_weight_and_type(client):
    both = client.get("/api/entities/ahmad-massoud/neighbors?predicate=leads&predicate=childOf").get_json()
    assert {p for e in both["edges"] for p in e["predicates"]} == {"leads", "childOf"}
    comentions = client.get("/api/entities/taliban/neighbors?predicate=coMentionedWith").get_json()["edges"]
    heavy = client.get("/api/entities/taliban/neighbors?min_weight=2").get_json()["edges"]
    assert {e["kind"] for e in comentions} == {"comention"}
    assert any(e["weight"] < 2 for e in comentions)
    assert all(e["weight"] >= 2 for e in heavy if e["kind"] == "comention")
    assert any(e["kind"] == "relation" and e["weight"] < 2 for e in heavy)  # relations are never thresholded
    places = client.get("/api/entities/taliban/neighbors?type=PLACE").get_json()["nodes"]
    assert {n["type"] for n in places[1:]} == {"PLACE"}
    for bad in ("min_weight=0", "predicate=knows", "direction=up", "format=pdf", "depth=4"):
        assert error_of(client.get(f"/api/entities/taliban/neighbors?{bad}"))["status"] == 400


def test_neighbourhood_as_graphml_and_gexf_files_gephi_opens(client, tmp_path):
    whole = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&limit=5000").get_json()
    r = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&format=graphml")
    assert r.status_code == 200 and r.mimetype == "application/graphml+xml"
    assert "ahmad-massoud.graphml" in r.headers["Content-Disposition"]
    (tmp_path / "ego.graphml").write_bytes(r.data)
    g = nx.read_graphml(tmp_path / "ego.graphml")
    assert set(g.nodes) == {n["id"] for n in whole["nodes"]}
    assert g.number_of_edges() == len(whole["edges"])
    assert g.nodes["ahmad-massoud"]["label"] == "Ahmad Massoud"
    r = client.get("/api/entities/ahmad-massoud/neighbors?depth=2&format=gexf&predicate=leads")
    assert r.status_code == 200 and r.mimetype == "application/gexf+xml"
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.fromstring(r.data)
    edges = root.findall(".//g:edge", ns)
    assert edges and all(e.get("label") == "leads" for e in edges)


# -- evidence, paths, documents --------------------------------------------------------------------

def test_evidence_gives_the_sentences_behind_each_relation(client):
    found = client.get("/api/entities/ahmad-massoud/evidence").get_json()
    assert found["label"] == "Ahmad Massoud" and found["statements"] == sum(len(r["evidence"])
                                                                            for r in found["relations"])
    leads = [r for r in found["relations"] if r["predicate"] == "leads"]
    assert leads[0]["entity"]["id"] == "national-resistance-front-of-afghanistan"
    for ev in leads[0]["evidence"]:
        assert "Massoud" in ev["sentence"] and ev["document"] and ev["title"] and ev["end"] > ev["start"]
    only = client.get("/api/entities/taliban/evidence?predicate=opposes&direction=in").get_json()["relations"]
    assert only and all(r["predicate"] == "opposes" and r["direction"] == "in" for r in only)
    assert client.get("/api/entities/nobody/evidence").status_code == 404


def test_paths_are_the_shortest_chains_of_stated_relations(client):
    found = client.get("/api/paths?from=ahmad-massoud&to=taliban").get_json()
    assert found["length"] == 2 and found["paths"]
    for path in found["paths"]:
        ids = [n["id"] for n in path["nodes"]]
        assert ids[0] == "ahmad-massoud" and ids[-1] == "taliban" and path["length"] == len(path["steps"]) == 2
        for step, (a, b) in zip(path["steps"], zip(ids, ids[1:])):
            assert (step["from"], step["to"]) == (a, b) and step["relations"]
            assert all({r["subject"], r["object"]} == {a, b} for r in step["relations"])
    assert "national-resistance-front-of-afghanistan" in {n["id"] for p in found["paths"] for n in p["nodes"]}
    too_short = client.get("/api/paths?from=ahmad-massoud&to=taliban&max=1").get_json()
    assert too_short["paths"] == [] and too_short["length"] is None


def small_graph():
    """a leads b (2 sentences) and is a member of it (1); a -> c -> d and b -> d; a and d co-mentioned."""
    from newskg.graph.view import EdgeView, GraphView, NodeView
    from newskg.graph.lookups import NeighborIndex

    nodes = {n: NodeView(n, "http://x/entity/" + n, n.upper(), "PERSON" if n == "a" else "ORG") for n in "abcde"}
    edges = [EdgeView("a", "b", "relation", ["leads", "memberOf"], 3, 3, 1, {"leads": (2, 1), "memberOf": (1, 1)}),
             EdgeView("a", "c", "relation", ["memberOf"], 1, 1, 1, {"memberOf": (1, 1)}),
             EdgeView("c", "d", "relation", ["opposes"], 1, 1, 1, {"opposes": (1, 1)}),
             EdgeView("d", "b", "relation", ["opposes"], 1, 1, 1, {"opposes": (1, 1)}),
             EdgeView("a", "d", "comention", ["coMentionedWith"], 1, 1, 1, {"coMentionedWith": (1, 1)}),
             EdgeView("a", "e", "comention", ["coMentionedWith"], 4, 4, 2, {"coMentionedWith": (4, 2)})]
    return NeighborIndex(GraphView(nodes, edges))


def test_a_predicate_filter_weighs_an_edge_by_the_kept_predicates_only():
    index = small_graph()
    edges = index.neighbors("a", predicates={"leads"})["edges"]
    assert [(e["target"], e["predicates"], e["weight"], e["evidence"]) for e in edges] == [("b", ["leads"], 2, 2)]
    heavy = index.neighbors("a", min_weight=2)["edges"]
    assert {(e["target"], e["kind"]) for e in heavy} == {("b", "relation"), ("c", "relation"), ("e", "comention")}
    ego = index.ego_view("a", depth=1, predicates={"memberOf"})
    assert set(ego.nodes) == {"a", "b", "c"} and {(e.target, e.weight) for e in ego.edges} == {("b", 1), ("c", 1)}


def test_paths_follow_relations_either_way_never_co_mentions_and_report_truncation():
    index = small_graph()
    both = index.paths("a", "d")  # a-b-d (b is the object of d opposes b) and a-c-d; the co-mention a-d is no path
    assert both["length"] == 2 and not both["truncated"]
    assert [[n["id"] for n in p["nodes"]] for p in both["paths"]] == [["a", "b", "d"], ["a", "c", "d"]]
    assert both["paths"][0]["steps"][1]["relations"] == [{"subject": "d", "predicates": ["opposes"], "object": "b",
                                                          "evidence": 1}]
    one = index.paths("a", "d", limit=1)
    assert one["truncated"] and len(one["paths"]) == 1
    assert index.paths("a", "e")["paths"] == [] and index.paths("a", "d", max_length=1)["length"] is None
    assert index.paths("a", "a")["paths"][0]["length"] == 0


def test_paths_refuse_bad_parameters(client):
    assert error_of(client.get("/api/paths?from=ahmad-massoud&to=nobody"))["status"] == 404
    assert error_of(client.get("/api/paths?from=nobody&to=taliban"))["code"] == "not_found"
    for bad in ("from=ahmad-massoud", "to=taliban", "from=ahmad-massoud&to=taliban&max=7",
                "from=ahmad-massoud&to=taliban&max=x", "from=ahmad-massoud&to=taliban&limit=0"):
        assert error_of(client.get(f"/api/paths?{bad}"))["status"] == 400


def test_documents_list_and_detail_with_entities_and_relations(client):
    world = World.read()
    listing = client.get("/api/documents").get_json()
    assert listing["total"] == 3 and [d["id"] for d in listing["results"]] == ["resistance", "rights", "talks"]  # newest first, the undated last
    doc = listing["results"][0]
    written = world.article("resistance")
    assert doc["title"] == written["title"] and doc["entities"] == len(written["entities"])
    assert doc["iri"].endswith("/doc/" + doc["id"])
    assert client.get("/api/documents?limit=1&offset=1").get_json()["results"] == listing["results"][1:2]
    detail = client.get("/api/documents/" + doc["id"]).get_json()
    assert detail["title"] == doc["title"] and detail["sentences"] == len(written["sentences"])
    assert detail["text"] == world.text("resistance") and len(detail["entities"]) == doc["entities"]
    counts = [e["mentions"] for e in detail["entities"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 4  # Kabul, the NRF and the Taliban, four times each
    nrf = "national-resistance-front-of-afghanistan"
    assert any(r["predicate"] == "leads" and r["subject"]["id"] == "ahmad-massoud" and r["object"]["entity"]["id"] == nrf
               for r in detail["relations"])
    assert error_of(client.get("/api/documents/nope.txt"))["code"] == "not_found"
    assert error_of(client.get("/api/documents?limit=500"))["status"] == 400


def test_lookups_over_a_real_server(server):
    found = requests.get(server + "/api/paths", params={"from": "ahmad-massoud", "to": "taliban"}).json()
    assert found["length"] == 2
    page = requests.get(server + "/api/entities/taliban/neighbors", params={"limit": 4}).json()
    second = requests.get(server + "/api/entities/taliban/neighbors", params={"limit": 4, "cursor": page["next"]})
    assert second.status_code == 200
    assert not {n["id"] for n in page["nodes"]} & {n["id"] for n in second.json()["nodes"]}
    docs = requests.get(server + "/api/documents").json()["results"]
    detail = requests.get(server + "/api/documents/" + docs[0]["id"]).json()
    assert detail["id"] == docs[0]["id"] and detail["entities"]
    evidence = requests.get(server + "/api/entities/ahmad-massoud/evidence").json()
    assert evidence["statements"] == 4  # he leads the NRF (twice), is a member of it and the son of his father
