"""`kg evaluate --coref` and the cross-document gold of tests/validation/coref.

The scorer the project is judged by is ../shared/eval/score_coref.py, run on `kg export --format
nquads`; `kg evaluate --coref` must give the same figures, here on a small corpus: the Wikinews
articles that hold the gold's mentions of a few families and institutions, built for real."""
import gzip
import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, WIKINEWS, kg

GOLD = ROOT / "tests" / "validation" / "coref"
SCORER = SHARED / "eval" / "score_coref.py"


def test_the_gold_is_the_merge_of_its_parts_and_every_mention_reads_true():
    sys.path.insert(0, str(GOLD))
    try:
        import merge
    finally:
        sys.path.pop(0)
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as f:
        corpus = {d["id"]: d["text"] for d in map(json.loads, f)}
    entities, mentions, _ = merge.merge(corpus)
    assert json.loads((GOLD / "entities.json").read_text(encoding="utf-8")) == entities
    assert [json.loads(line) for line in (GOLD / "mentions.jsonl").read_text(encoding="utf-8").splitlines()] == mentions
    assert len(entities) >= 80 and sum(e["why"].startswith("random draw") for e in entities) == 20
    for m in mentions:
        assert corpus[m["doc"]][m["start"]:m["end"]] == m["form"]
    assert not [m for m in mentions if m["entity"] == "us_democratic_party" and m["form"] in ("Democrats", "Democratic")]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A store of the eight articles with the most gold mentions, the gold cut to them."""
    mentions = [json.loads(line) for line in (GOLD / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    counts = {}
    for m in mentions:
        counts[m["doc"]] = counts.get(m["doc"], 0) + 1
    docs = sorted(counts, key=lambda d: (-counts[d], d))[:8]
    folder = tmp_path_factory.mktemp("coref")
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as f:
        lines = [line for line in f if json.loads(line)["id"] in docs]
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")
    gold = folder / "gold"
    gold.mkdir()
    (gold / "entities.json").write_text((GOLD / "entities.json").read_text(encoding="utf-8"), encoding="utf-8")
    (gold / "mentions.jsonl").write_text("".join(json.dumps(m) + "\n" for m in mentions if m["doc"] in docs),
                                         encoding="utf-8")
    store = folder / "store"
    kg("build", str(corpus), "--workers", "2", store=store)
    kg("export", "--format", "nquads", "-o", str(folder / "graph.nq"), store=store)
    return store, corpus, gold, folder / "graph.nq"


def test_kg_evaluate_coref_agrees_with_the_shared_scorer_on_the_export(small):
    store, corpus, gold, nquads = small
    ours = json.loads(kg("evaluate", "--coref", str(gold), "--json", store=store).stdout)
    theirs = json.loads(subprocess.run([sys.executable, str(SCORER), str(nquads), str(corpus), str(gold), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    assert theirs["gold_mentions"] > 300 and theirs["detected"] > 0.8  # a real test: most gold is found
    for key in theirs:
        assert ours[key] == theirs[key], key
    assert len(ours["split_entities"]) == ours["split"] and len(ours["merged_nodes"]) == ours["merged"]


def test_kg_evaluate_coref_lists_splits_and_merges_in_text(small):
    store, _, gold, _ = small
    out = kg("evaluate", "--coref", str(gold), store=store).stdout
    assert "B-cubed" in out and "split" in out and "merged" in out


def test_kg_evaluate_coref_says_what_is_wrong_with_a_bad_gold_folder(small, tmp_path):
    store = small[0]
    (tmp_path / "mentions.jsonl").write_text('{"doc": "x", "start": 1}\n', encoding="utf-8")
    result = kg("evaluate", "--coref", str(tmp_path), store=store, check=False)
    assert result.returncode == 1 and "line 1: missing end, entity" in result.stderr


def test_the_entity_matching_breaks_ties_as_the_reference_scorer_does():
    # two gold entities share a form with two system nodes: the reference scorer takes the gold
    # entities in sorted order and prefers the node of the gold type, then the smaller IRI -
    # whatever the order of the dictionaries (the hash seed used to decide it)
    from newskg.graph.evaluate import _match

    for k in range(20):
        form = f"house {k}"
        gold = {f"b{k}": {"label": f"B{k}", "type": "ORG", "forms": {form}},
                f"a{k}": {"label": f"A{k}", "type": "PLACE", "forms": {form}}}
        nodes = {f"n:org{k}": {"type": "ORG", "names": {form}}, f"n:place{k}": {"type": "PLACE", "names": {form}}}
        matched, _ = _match(gold, nodes)
        assert matched == {f"a{k}": f"n:place{k}", f"b{k}": f"n:org{k}"}, (k, matched)
