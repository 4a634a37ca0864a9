"""The index written with each store version (graph/store/index.py): the resolver's state and the
lookups' tables are kept in step batch by batch, and equal what they would be if built at once."""
import json
import sqlite3

import pytest

from conftest import ROOT, SEEDS
from newskg.graph import registry
from newskg.graph.pipeline import build
from newskg.graph.registry import index, load_resolver
from newskg.graph.store import Store
from newskg.graph.store import index as version_index

HARLOW = ROOT / "tests" / "fixtures" / "news" / "harlow-bay.jsonl"


def resolver_state(resolver) -> dict:
    """What a resolver knows, with its article numbers read as article ids."""
    ids = {n: doc for doc, n in resolver.documents.items()}
    return {"nodes": {n.id: (dict(n.forms), dict(+n.types), sorted(ids[d] for d in n.docs), n.documents, n.place,
                             n.label, n.type, sorted(ids[d] for d in n.acronym_docs))
                      for n in resolver.nodes.values()},
            "retired": dict(resolver.retired)}


def index_rows(path) -> dict:
    db = sqlite3.connect(path)
    out = {table: sorted(map(tuple, db.execute(f"SELECT {columns} FROM {table}")))
           for table, columns in (("entities", "id, iri, label, type, mentions, documents, aliases, titles"),
                                  ("keys", "entity, key"), ("words", "word, entity"), ("vocab", "word, len, n"),
                                  ("edges", "*"), ("titles", "*"), ("articles", "*"))}
    out["search"] = sorted(db.execute("SELECT k.entity FROM names JOIN keys k ON k.id = names.rowid "
                                      "WHERE names MATCH '\"bay\"'"))
    db.close()
    return out


@pytest.fixture(scope="module")
def two_ways(tmp_path_factory, extractor):
    """The seeds and the Harlow Bay articles built in one go, in two builds (the first four
    articles, then all), and in two builds of which the second changes an article of the first."""
    tmp = tmp_path_factory.mktemp("two-ways")
    lines = HARLOW.read_text().splitlines(keepends=True)
    changed = json.loads(lines[1])
    changed["text"] += " Desmond Vale met the fishermen on Friday."
    for name, text in (("first", lines[:4]), ("all", lines), ("changed", [lines[0], json.dumps(changed) + "\n",
                                                                        *lines[2:]])):
        (tmp / name).mkdir()
        (tmp / name / "a.jsonl").write_text("".join(text))
    once, twice, replaced = tmp / "once", tmp / "twice", tmp / "replaced"
    with Store(once, write=True) as store:
        build([SEEDS, tmp / "all"], store, extractor=extractor)
    for path, second in ((twice, "all"), (replaced, "changed")):
        with Store(path, write=True) as store:
            build([SEEDS, tmp / "first"], store, extractor=extractor)
        with Store(path, write=True) as store:
            report = build([SEEDS, tmp / second], store, extractor=extractor)
        assert report.built == 5 + (second == "changed") and report.replaced == (second == "changed")
    return once, twice, replaced


def test_a_build_in_two_parts_leaves_the_resolver_one_build_leaves_and_the_mentions_give(two_ways):
    once, twice, _ = two_ways
    loaded = load_resolver(Store(twice))
    assert resolver_state(loaded) == resolver_state(load_resolver(Store(once)))
    from_mentions = registry.resolver_from_mentions(Store(twice))
    assert resolver_state(loaded)["nodes"] == resolver_state(from_mentions)["nodes"]
    assert len(loaded.nodes) > 50 and loaded.by_key and loaded.by_surname
    for name in registry.INDEXES:  # the resolver's indexes are as the mentions give them
        def held(resolver, name=name):
            # a person under the initials of its name (which loading from the mentions leaves in
            # when the name came before the type) never joins anything: an acronym is no person's
            return {k: {i for i in ids if name != "by_initials" or resolver.nodes[i].type != "PERSON"}
                    for k, ids in getattr(resolver, name).items()}
        assert {k: ids for k, ids in held(loaded).items() if ids} == \
            {k: ids for k, ids in held(from_mentions).items() if ids}, name


def test_the_resolver_is_read_from_the_index_not_rebuilt_from_the_mentions(two_ways, monkeypatch):
    _, twice, _ = two_ways
    store = Store(twice)
    assert version_index.path_in(store.path / store.version).exists()

    def refuse(store):
        raise AssertionError("the resolver was rebuilt from every mention")
    monkeypatch.setattr(registry, "resolver_from_mentions", refuse)
    assert load_resolver(store).nodes


def test_the_index_kept_batch_by_batch_equals_one_built_from_the_store(two_ways, tmp_path):
    _, _, replaced = two_ways
    store = Store(replaced)
    kept = version_index.path_in(store.path / store.version)
    registry.rebuild_index(store, tmp_path / "rebuilt.sqlite")
    rows = index_rows(kept)
    assert rows == index_rows(tmp_path / "rebuilt.sqlite")
    assert rows["edges"] and rows["titles"] and len(rows["articles"]) == 11 and rows["search"]


def test_neighbourhoods_from_the_index_are_those_of_the_graph_view(desk_store):
    from newskg.graph.view import load
    from newskg.graph.lookups import NeighborIndex

    store = Store(desk_store)
    indexed, in_memory = NeighborIndex.from_store(store), NeighborIndex(load(store))
    assert set(in_memory.nodes) and all(n in indexed.nodes for n in in_memory.nodes)
    for node in in_memory.nodes:
        for direction in ("both", "out"):
            assert indexed.neighbors(node, depth=2, direction=direction) == \
                in_memory.neighbors(node, depth=2, direction=direction)
    some = sorted(in_memory.nodes)[:10]
    assert [indexed.paths(a, b) for a in some for b in some] == [in_memory.paths(a, b) for a in some for b in some]


def test_a_search_finds_names_by_an_index_not_by_scanning_every_name(seed_store):
    # a scan of every name made a search cost grow with the corpus (4 of its 6 ms at 30,000 articles)
    db = index(Store(seed_store))
    plan = db.execute("EXPLAIN QUERY PLAN SELECT entity FROM keys WHERE key >= 'kab' AND key < 'kab' || char(1114111)"
                      ).fetchall()
    assert not any(row[-1].startswith("SCAN keys") for row in plan), plan


def test_a_store_without_an_index_gets_one_built_and_kg_load_force_drops_it(store_copy, tmp_path):
    store = Store(store_copy)
    (store.path / store.version / version_index.FILE).unlink()
    from newskg.graph.lookups import SearchIndex
    assert SearchIndex.from_store(Store(store_copy)).search("taliban")["results"][0]["label"] == "Taliban"
    with Store(store_copy, write=True) as writer:  # a writer builds it from the store, once
        assert index(writer).execute("SELECT COUNT(*) FROM entities").fetchone()[0] > 20
    extra = tmp_path / "x.nq"
    registry = Store(store_copy).vocab.registry
    extra.write_text(f'<{Store(store_copy).vocab.entity("taliban")}> <http://www.w3.org/2004/02/skos/core#altLabel> '
                     f'"Students" <{registry}> .\n')
    with Store(store_copy, write=True) as writer:
        writer.load(extra, force=True)
    assert SearchIndex.from_store(Store(store_copy)).search("students")["results"][0]["label"] == "Taliban"


def test_the_store_keeps_each_text_once_and_the_export_writes_them_all_out(seed_store, tmp_path):
    """Sentences and mentions are spans of the article's text in the store; `kg export` writes
    their texts, the mentions' types and each statement's article out, as the reference scorers read."""
    import subprocess
    import sys

    import pyoxigraph as ox

    from conftest import SHARED, kg

    store = Store(seed_store)
    v = store.vocab
    stored = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s nkg:text ?t } }", union=False)[0]["n"]
    assert stored == 2  # the two articles' texts, and nothing else
    out = tmp_path / "graph.nq"
    kg("export", "--format", "nquads", "-o", str(out), store=seed_store)
    quads = list(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    texts = {q.subject.value: q.object.value for q in quads if q.predicate.value == v.term("text")}
    spans = {}
    for q in quads:
        if q.predicate.value in (v.term("start"), v.term("end")):
            spans.setdefault(q.subject.value, {})[q.predicate.value] = int(q.object.value)
    mentions = {q.subject.value for q in quads if q.predicate.value == v.term("refersTo")}
    typed = lambda cls: {q.subject.value for q in quads  # noqa: E731
                         if q.predicate.value.endswith("#type") and q.object == ox.NamedNode(v.term(cls))}
    sentences = typed("Sentence")
    assert len(mentions) > 100 and len(sentences) > 20
    for node in mentions | sentences:
        article = texts[node.split("#")[0]]
        assert texts[node] == article[spans[node][v.term("start")]:spans[node][v.term("end")]]
    derived = {q.subject.value for q in quads if q.predicate.value == "http://www.w3.org/ns/prov#wasDerivedFrom"}
    statements = typed("Statement")
    assert statements and statements <= derived and mentions == typed("Mention")
    breaks = subprocess.run([sys.executable, str(SHARED / "eval" / "sentence_breaks.py"), str(out)],
                            capture_output=True, text=True, check=True).stdout
    assert f"sentences={len(sentences)} " in breaks
