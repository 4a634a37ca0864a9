"""Neighbourhoods are answered from memory within a store version, and never across versions."""
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


def test_a_cached_neighbourhood_changes_when_a_build_publishes(store_copy, tmp_path):
    client = create_app({"STORE": str(store_copy), "TESTING": True}).test_client()
    url = "/api/entities/ahmad-massoud/neighbors?limit=500"
    first = client.get(url).get_json()
    assert client.get(url).get_json() == first  # the same answer, from memory
    assert client.get(url + "&depth=2").get_json() != first  # another query string is another answer
    vocab = Store(store_copy).vocab
    extra = tmp_path / "extra.trig"
    extra.write_text(CO_MENTION.format(ns=vocab.ns, base=vocab.base))
    with Store(store_copy, write=True) as store:
        store.load(extra, force=True)  # a new article, as a build would write it
    after = client.get(url).get_json()
    assert _weight(after, "ahmad-massoud", "taliban") == _weight(first, "ahmad-massoud", "taliban") + 40


def test_errors_are_not_kept(store_copy):
    client = create_app({"STORE": str(store_copy), "TESTING": True}).test_client()
    assert client.get("/api/entities/nobody-at-all/neighbors").status_code == 404
    assert client.get("/api/entities/nobody-at-all/neighbors").status_code == 404
    assert client.get("/api/entities/ahmad-massoud/neighbors?depth=9").status_code == 400
