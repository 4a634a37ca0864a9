"""An analyst explains and corrects resolution on a real store: kg explain says why each form is
on a node, kg curate merges two nodes (the retired IRI answers with owl:sameAs and a 301 from its
Linked Data URL and the lookups), labels and types survive a rebuild, never/split keep apart."""
import json

import pytest

from newskg.api import create_app
from conftest import kg, wikinews


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("curation")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in wikinews(6, 1500, 3500)), encoding="utf-8")
    store = folder / "store"
    kg("build", str(corpus), store=store)
    return store, corpus


def _top(store, n=2, type_=None):
    rows = json.loads(kg("query", "SELECT ?e ?t ?m WHERE { GRAPH ?g { ?e nkg:mentionCount ?m ; a ?t } } "
                                  "ORDER BY DESC(?m) ?e", "--json", store=store).stdout)["results"]["bindings"]
    ids = [r["e"]["value"].rsplit("/", 1)[1] for r in rows if not type_ or r["t"]["value"].endswith(type_)]
    return ids[:n]


def test_explain_says_which_rule_evidence_and_article_put_each_form_on_the_node(built):
    store, _ = built
    (top,) = _top(store, 1)
    out = json.loads(kg("explain", top, "--json", store=store).stdout)
    assert out["id"] == top and out["forms"] and out["articles"]
    assert all(a["rule"] in ("same-name", "institution", "name-variant", "surname", "new") and a["evidence"]
               and a["article"] for a in out["articles"])
    text = kg("explain", out["label"], store=store).stdout  # a name finds it too
    assert f"<{top}>" in text and "by new:" in text
    assert kg("explain", "no such thing at all", store=store, check=False).returncode == 1


def test_curated_merge_retires_the_iri_which_keeps_answering(built):
    store, _ = built
    a, b = _top(store, 2)
    out = kg("curate", "merge", a, b, store=store).stdout
    assert f"merge {b} into {a}" in out
    same = json.loads(kg("query", f"SELECT ?n WHERE {{ entity:{b} owl:sameAs ?n }}", "--json",
                         store=store).stdout)["results"]["bindings"]
    assert [r["n"]["value"].rsplit("/", 1)[1] for r in same] == [a]
    left = json.loads(kg("query", f"SELECT (COUNT(*) AS ?n) WHERE {{ ?m nkg:refersTo entity:{b} }}", "--json",
                         store=store).stdout)["results"]["bindings"]
    assert left[0]["n"]["value"] == "0"  # every mention now refers to the node it was merged into
    client = create_app({"STORE": str(store), "TESTING": True}).test_client()
    moved = client.get(f"/entity/{b}", headers={"Accept": "text/turtle"})
    assert moved.status_code == 301 and moved.headers["Location"].endswith(f"/entity/{a}")
    api = client.get(f"/api/entities/{b}/neighbors?limit=5")
    assert api.status_code == 301 and api.headers["Location"].endswith(f"/api/entities/{a}/neighbors?limit=5")
    page = client.get(f"/entity/{a}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and b"Names and the articles that use them" in page.data
    explained = json.loads(kg("explain", b, "--json", store=store).stdout)
    assert explained["id"] == a and [m["retired"] for m in explained["merged"]] == [b]
    assert any("merge" in c for c in explained["curation"])


def test_curated_label_and_type_survive_rebuilding_the_articles(built, tmp_path):
    store, corpus = built
    (person,) = _top(store, 1, "Person")
    kg("curate", "label", person, "An Analyst's Label", store=store)
    kg("curate", "type", person, "group", store=store)
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps({**json.loads(line), "text": json.loads(line)["text"] + "\n\nUpdated."})
                               + "\n" for line in corpus.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    kg("build", str(changed), store=store)  # every article replaced: resolution runs again
    detail = json.loads(kg("explain", person, "--json", store=store).stdout)
    assert detail["label"] == "An Analyst's Label" and detail["type"] == "Group"
    listed = kg("curate", "list", store=store).stdout
    assert "label" in listed and "type of" in listed


def test_curate_refuses_unknown_entities_and_types_with_the_valid_options(built):
    store, _ = built
    (top,) = _top(store, 1)
    bad = kg("curate", "merge", top, "no-such-entity-anywhere", store=store, check=False)
    assert bad.returncode == 1 and "no entity" in bad.stderr
    bad = kg("curate", "type", top, "planet", store=store, check=False)
    assert bad.returncode == 2 and "person" in bad.stderr
