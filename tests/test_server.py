"""The production server as a separate process, used by real clients (SPARQLWrapper,
requests, networkx and igraph reading the exports)."""
import igraph
import networkx as nx
import requests
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

PREFIX = "PREFIX nkg: <http://localhost:8000/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def test_sparqlwrapper_select_in_json_xml_and_csv(server):
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery(PREFIX + "SELECT ?label WHERE { ?e a nkg:Organization ; rdfs:label ?label } ORDER BY ?label")
    sw.setReturnFormat(JSON)
    labels = [b["label"]["value"] for b in sw.queryAndConvert()["results"]["bindings"]]
    assert "Taliban" in labels and "Human Rights Watch" in labels
    sw.setReturnFormat(XML)
    assert sw.queryAndConvert().getElementsByTagName("result").length == len(labels)
    sw.setReturnFormat(CSV)
    assert sw.queryAndConvert().decode().splitlines()[0] == "label"


def test_sparqlwrapper_ask_construct_and_post(server):
    sw = SPARQLWrapper(server + "/sparql")
    sw.setMethod("POST")
    sw.setQuery(PREFIX + 'ASK { ?p nkg:leads ?o ; rdfs:label "Ahmad Massoud" }')
    sw.setReturnFormat(JSON)
    assert sw.queryAndConvert()["boolean"] is True
    sw.setQuery(PREFIX + "CONSTRUCT { ?p nkg:leads ?o } WHERE { ?p nkg:leads ?o }")
    sw.setReturnFormat(TURTLE)
    graph = sw.queryAndConvert()
    assert b"leads" in graph if isinstance(graph, bytes) else len(graph) >= 3


def test_lookups_over_http(server):
    found = requests.get(server + "/api/entities", params={"q": "human rights"}).json()["results"]
    assert found[0]["label"] == "Human Rights Watch"
    detail = requests.get(server + "/api/entities/" + found[0]["id"]).json()
    assert any(r["predicate"] == "memberOf" for r in detail["relations"])
    hood = requests.get(server + f"/api/entities/{found[0]['id']}/neighbors", params={"depth": 2}).json()
    assert len(hood["nodes"]) > 2
    missing = requests.get(server + "/api/entities/nobody")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_graphml_export_reads_back_in_networkx_and_igraph(seed_store, tmp_path):
    from conftest import kg
    path = tmp_path / "seeds.graphml"
    kg("export", "--format", "graphml", "-o", str(path), store=seed_store)
    g = nx.read_graphml(path)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == g.number_of_nodes() > 50
    assert ig.ecount() == g.number_of_edges()
    assert {"label", "type", "mentions", "documents", "aliases"} <= set(ig.vs.attributes())
    assert {"predicate", "weight", "evidence", "kind"} <= set(ig.es.attributes())
    assert set(ig.es["kind"]) == {"relation", "comention"}
