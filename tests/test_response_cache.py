"""Neighbourhoods are answered from memory within a store version, never across versions, and
an error is never kept."""
import pytest
from flask import Response

from newskg.api import create_app
from newskg.graph.store import Store

CO_MENTION = """@prefix nkg: <{ns}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<{base}doc/extra> {{
  <{base}doc/extra#c0> a nkg:CoMention ; rdf:subject <{base}entity/ahmad-massoud> ;
      rdf:object <{base}entity/taliban> ; nkg:count 40 ; prov:wasDerivedFrom <{base}doc/extra> .
}}
"""


def _weight(page, a, b):
    return sum(e["weight"] for e in page["edges"] if {e["source"], e["target"]} == {a, b} and e["kind"] == "comention")


def test_a_cached_neighbourhood_changes_when_a_build_publishes(graph_copy, tmp_path):
    client = create_app({"STORE": str(graph_copy), "TESTING": True}).test_client()
    url = "/api/entities/ahmad-massoud/neighbors?limit=500"
    first = client.get(url).get_json()
    assert client.get(url).get_json() == first  # the same answer, from memory
    assert client.get(url + "&depth=2").get_json() != first  # another query string is another answer
    vocab = Store(graph_copy).vocab
    extra = tmp_path / "extra.trig"
    extra.write_text(CO_MENTION.format(ns=vocab.ns, base=vocab.base))
    with Store(graph_copy, write=True) as store:
        store.load(extra, force=True)  # a new article, as a build would write it
    after = client.get(url).get_json()
    assert _weight(after, "ahmad-massoud", "taliban") == _weight(first, "ahmad-massoud", "taliban") + 40


def test_errors_are_not_kept_and_answers_are(graph_store):
    app = create_app({"STORE": str(graph_store), "TESTING": True})
    handle = app.extensions["newskg"]
    # the same request answered 503 (the store was busy, say), then 200, then from memory
    answers = iter([Response("busy", status=503), Response("ok", status=200)])
    with app.test_request_context():
        assert handle.response("key", lambda: next(answers)).status_code == 503
        assert handle.response("key", lambda: next(answers)).get_data() == b"ok"  # computed again
        kept = handle.response("key", lambda: pytest.fail("a kept answer was computed again"))
        assert (kept.status_code, kept.get_data()) == (200, b"ok")
    # over HTTP: a refused request is answered again, not from memory
    client = app.test_client()
    for _ in range(2):
        assert client.get("/api/entities/nobody-at-all/neighbors").status_code == 404
        assert client.get("/api/entities/ahmad-massoud/neighbors?depth=9").status_code == 400
