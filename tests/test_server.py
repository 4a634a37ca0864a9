"""The production server as a separate process, used by real clients (SPARQLWrapper, rdflib's
SPARQLStore, Comunica, requests, networkx and igraph reading the exports)."""
import json
import os
import shutil
import signal
import subprocess

import igraph
import networkx as nx
import pytest
import requests
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from conftest import ROOT, kg
from fixture_graph import World
from servers import serving

NKG = Namespace("http://localhost:8000/ontology#")
ENTITY = Namespace("http://localhost:8000/entity/")

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


def test_graphml_export_reads_back_in_networkx_and_igraph(graph_store, tmp_path):
    path = tmp_path / "world.graphml"
    kg("export", "--format", "graphml", "-o", str(path), store=graph_store)
    g = nx.read_graphml(path)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == g.number_of_nodes() == len(World.read().labels())
    assert ig.ecount() == g.number_of_edges()
    assert {"label", "type", "mentions", "documents", "aliases"} <= set(ig.vs.attributes())
    assert {"predicate", "weight", "evidence", "kind"} <= set(ig.es.attributes())
    assert set(ig.es["kind"]) == {"relation", "comention"}


def test_rdflib_sparqlstore_reads_the_endpoint_as_a_graph_and_by_named_graph(server):
    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = graph.query(f"SELECT ?p ?o WHERE {{ ?p <{NKG.leads}> ?o }}")
    assert (ENTITY["ahmad-massoud"], ENTITY["national-resistance-front-of-afghanistan"]) in {tuple(r) for r in rows}
    # the triple-pattern API, turned by rdflib into SPARQL over the protocol
    assert graph.value(ENTITY["taliban"], RDFS.label) == Literal("Taliban")
    assert (ENTITY["taliban"], RDF.type, NKG.Organization) in graph
    # named graphs: each article is a context of the store, and its facts are found in it
    store = SPARQLStore(server + "/sparql", returnFormat="json")
    names = {getattr(c, "identifier", c) for c in store.contexts()}
    docs = sorted(str(n) for n in names if "/doc/" in str(n))
    assert len(docs) == len(World.read().articles), names
    in_article = Graph(store=store, identifier=URIRef(docs[0])).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    everything = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert 100 < int(next(iter(in_article))[0]) < int(next(iter(everything))[0])


def test_comunica_queries_the_sparql_endpoint(server):
    binary = ROOT / "tests" / "clients" / "node_modules" / ".bin" / "comunica-sparql"
    if not (binary.exists() and shutil.which("node")):
        reason = "Comunica is not installed: `make test` installs it with `npm ci --prefix tests/clients`"
        if os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    query = f"SELECT ?l WHERE {{ ?p <{NKG.leads}> ?o ; <{RDFS.label}> ?l }} ORDER BY ?l"
    out = subprocess.run([str(binary), "sparql@" + server + "/sparql", query], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    leaders = [row["l"] for row in json.loads(out.stdout)]
    expected = requests.get(server + "/sparql", headers={"Accept": "application/sparql-results+json"},
                            params={"query": query}).json()["results"]["bindings"]
    assert '"Ahmad Massoud"' in leaders and len(leaders) == len(expected) >= 1


def test_the_server_shuts_down_cleanly_on_term_and_int(graph_store, tmp_path):
    for sig in (signal.SIGTERM, signal.SIGINT):
        log = tmp_path / f"server-{sig.name}.log"
        with serving(graph_store, "--workers", "2", log=log) as (url, proc):
            assert requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                                headers={"Accept": "application/json"}).json()["boolean"] is True
            assert requests.get(url + "/api/entities/taliban").status_code == 200
            proc.send_signal(sig)
            assert proc.wait(30) == 0
        text = log.read_text()
        assert "Shutting down" in text and "SIGSEGV" not in text and "Traceback" not in text, text[-2000:]
