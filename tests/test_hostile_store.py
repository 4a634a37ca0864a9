"""What a client or another tool can put in front of the service: forged cursors, bad values in
the store, files `kg load` must refuse (THREAT-MODEL.md, "Hostile input")."""
import base64
import json
import shutil

import pyoxigraph as ox
import pytest

from newskg.api import create_app
from conftest import kg
from fixture_graph import World

XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "http://localhost:8000/"


def error_of(response) -> dict:
    body = response.get_json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return body["error"]


def test_a_forged_or_altered_cursor_is_refused(graph_store):
    client = create_app({"STORE": str(graph_store), "TESTING": True}).test_client()
    page = client.get("/api/entities/taliban/neighbors?limit=3").get_json()
    assert page["next"] and client.get(f"/api/entities/taliban/neighbors?limit=3&cursor={page['next']}").status_code == 200
    version = client.get("/api/entities/taliban/neighbors?limit=3").get_json()
    for fields in ({"o": 1e400}, {"o": "5"}, {"o": True}, {"o": 3}, {"o": -1, "v": "v000001", "q": "x"}):
        forged = base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")
        response = client.get(f"/api/entities/taliban/neighbors?limit=3&cursor={forged}")
        assert response.status_code == 400 and error_of(response)["code"] == "bad_cursor", fields
    # a cursor this service signed, with one character changed, is not one it gave out
    altered = ("A" if page["next"][0] != "A" else "B") + page["next"][1:]  # the payload changed, not its signature
    assert error_of(client.get(f"/api/entities/taliban/neighbors?limit=3&cursor={altered}"))["code"] == "bad_cursor"
    assert version["next"] == page["next"]


@pytest.fixture
def damaged_store(graph_store, tmp_path):
    """A copy of the hand-written world's store into which another tool wrote numbers that are not numbers."""
    path = tmp_path / "kg"
    shutil.copytree(graph_store, path)
    version = (path / "CURRENT").read_text().strip()
    raw = ox.Store(str(path / version))
    registry = ox.NamedNode(BASE + "graph/entities")
    for slug, predicate, value, datatype in (("taliban", "mentionCount", "lots", "integer"),
                                             ("taliban", "documentCount", "1e400", "double"),
                                             ("kabul", "mentionCount", "", "integer")):
        raw.add(ox.Quad(ox.NamedNode(BASE + "entity/" + slug), ox.NamedNode(BASE + "ontology#" + predicate),
                        ox.Literal(value, datatype=ox.NamedNode(XSD + datatype)), registry))
    raw.flush()
    del raw
    return path


def test_the_lookups_and_pages_survive_a_bad_value_in_the_store(damaged_store):
    client = create_app({"STORE": str(damaged_store), "TESTING": True}).test_client()
    for url in ("/", "/api/entities?q=tal", "/api/entities/taliban", "/api/entities/taliban/neighbors",
                "/api/entities/taliban/neighbors?format=graphml", "/api/entities/taliban/evidence",
                "/api/entities/kabul", "/browse/taliban", "/entity/taliban?format=html", "/entity/kabul",
                "/api/paths?from=taliban&to=kabul", "/api/documents"):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.get_data(as_text=True)[:300])
        if response.is_json:
            json.loads(response.get_data(as_text=True))  # no NaN or Infinity: valid JSON
    taliban = client.get("/api/entities/taliban").get_json()
    assert isinstance(taliban["mentions"], int) and taliban["mentions"] == World.read().mentions()["Taliban"]


def test_kg_load_refuses_ill_typed_literals_with_their_line_and_writes_nothing(graph_copy, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(f"@prefix nkg: <{BASE}ontology#> .\n@prefix xsd: <{XSD}> .\n"
                   f"<{BASE}curated/a> nkg:note \"fine\" .\n"
                   f"<{BASE}curated/a> nkg:mentionCount \"lots\"^^xsd:integer .\n")
    before = kg("stats", "--json", store=graph_copy).stdout
    done = kg("load", str(bad), store=graph_copy, check=False)
    assert done.returncode == 1
    assert "ill-typed literal \"lots\"^^xsd:integer" in done.stderr and "(line 4)" in done.stderr
    assert "Traceback" not in done.stderr
    assert kg("stats", "--json", store=graph_copy).stdout == before


def test_kg_load_writes_into_the_registry_or_an_article_only_with_force(graph_copy, tmp_path):
    into_registry = tmp_path / "registry.nq"
    into_registry.write_text(f"<{BASE}entity/taliban> <{BASE}ontology#note> \"curated\" <{BASE}graph/entities> .\n")
    into_article = tmp_path / "article.nq"
    into_article.write_text(f"<{BASE}entity/taliban> <{BASE}ontology#note> \"x\" <{BASE}doc/resistance> .\n")
    for path, what in ((into_registry, "the entity registry"), (into_article, "an article's graph")):
        done = kg("load", str(path), store=graph_copy, check=False)
        assert done.returncode == 1 and what in done.stderr and "--force" in done.stderr
    assert "loaded 1 quads" in kg("load", "--force", str(into_registry), store=graph_copy).stdout
    own = tmp_path / "own.ttl"
    own.write_text(f"<{BASE}curated/a> <{BASE}ontology#note> \"curated\" .\n")
    assert "loaded 1 quads" in kg("load", str(own), "--graph", BASE + "graph/curated", store=graph_copy).stdout
