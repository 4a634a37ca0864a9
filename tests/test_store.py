"""The on-disk store: published versions, readers beside a writer, whole articles."""
import pytest

from newskg.graph.pipeline import build
from newskg.graph.store import Store, StoreError


def write_article(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text)


def test_a_reader_sees_the_published_version_while_a_writer_writes_and_the_new_one_after(graph_copy, tmp_path):
    extra = tmp_path / "extra.nq"
    extra.write_text("".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" <http://example.org/g> .\n'
                             for i in range(3)))
    reader = Store(graph_copy)
    before = len(reader)
    writer = Store(graph_copy, write=True)
    try:
        assert writer.load(extra) == 3 and len(writer) == before + 3  # written, not yet published
        late = Store(graph_copy)  # a reader opened while the writer holds its lock
        assert len(late) == len(reader) == before and not reader.changed()
    finally:
        writer.close()  # publishes
    assert reader.changed() and len(Store(graph_copy)) == before + 3
    assert len(reader) == before  # an open reader keeps the version it opened until it reopens


def test_two_writers_are_refused_with_a_clear_message(graph_copy):
    writer = Store(graph_copy, write=True)
    try:
        with pytest.raises(StoreError, match="another newskg process is writing"):
            Store(graph_copy, write=True)
    finally:
        writer.close()


def test_opening_a_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        Store(tmp_path / "nothing")


def test_a_store_keeps_its_base_iri(graph_copy):
    base = Store(graph_copy).vocab.base
    with pytest.raises(StoreError, match="base IRI"):
        Store(graph_copy, base="http://elsewhere.example/", write=True)
    assert Store(graph_copy, base=base).vocab.base == base


def test_rebuilding_the_same_input_changes_nothing(store_copy, extractor):
    from conftest import SEEDS
    before = sorted(str(q) for q in Store(store_copy).ox)
    with Store(store_copy, write=True) as store:
        report = build([SEEDS], store, extractor=extractor)
    assert report.built == 0 and report.unchanged == 2
    assert sorted(str(q) for q in Store(store_copy).ox) == before


def test_a_changed_article_replaces_its_own_facts_and_a_new_one_is_added(tmp_path, extractor):
    src = tmp_path / "in"
    write_article(src, "a.txt", "Flood in Dhaka\n\nThe mayor of Dhaka, Rahim Uddin, said the river rose.")
    path = tmp_path / "kg"
    with Store(path, write=True) as store:
        build([src], store, extractor=extractor)
    write_article(src, "a.txt", "Flood in Dhaka\n\nRahim Uddin, the mayor of Dhaka, said the water fell.")
    write_article(src, "b.txt", "Aid arrives\n\nThe Red Crescent sent aid to Dhaka on Monday.")
    with Store(path, write=True) as store:
        report = build([src], store, extractor=extractor)
    assert (report.built, report.replaced) == (2, 1)
    store = Store(path)
    texts = [r["t"] for r in store.select(
        "SELECT ?t WHERE { GRAPH ?g { ?s a nkg:Sentence ; nkg:start ?a ; nkg:end ?b . ?g nkg:text ?x } "
        "BIND(SUBSTR(?x, ?a + 1, ?b - ?a) AS ?t) }")]
    assert any("water fell" in t for t in texts) and not any("river rose" in t for t in texts)
    graphs = {r["g"] for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a nkg:Article } }")}
    assert graphs == {store.vocab.document("a.txt"), store.vocab.document("b.txt")}


def test_a_fact_stated_by_two_articles_appears_once_and_goes_with_its_last_article(tmp_path, extractor):
    src = tmp_path / "in"
    text = "Talks\n\nRahim Uddin, the leader of the Green Coast Party, spoke in Dhaka on Monday.\n"
    write_article(src, "a.txt", text)
    write_article(src, "b.txt", text.replace("Monday", "Tuesday"))
    path = tmp_path / "kg"
    with Store(path, write=True) as store:
        build([src], store, extractor=extractor)
    query = "SELECT ?p ?o WHERE { ?p nkg:leads ?o }"
    assert len(Store(path).select(query)) == 1
    write_article(src, "a.txt", "Talks\n\nNothing was said.\n")
    with Store(path, write=True) as store:
        build([src], store, extractor=extractor)
    assert len(Store(path).select(query)) == 1  # b.txt still states it
    write_article(src, "b.txt", "Talks\n\nNothing was said either.\n")
    with Store(path, write=True) as store:
        build([src], store, extractor=extractor)
    assert Store(path).select(query) == []
