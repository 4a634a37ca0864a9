"""Extraction quality on the dev gold (../shared/eval/dev): the targets of the quality issue.

The figures come from `kg evaluate`'s scorer, which follows the guidelines' scoring rules
(it agrees with ../shared/eval/score.py, checked below on the same store)."""
import json
import subprocess
import sys

import pytest

from conftest import SHARED, kg
from newskg.graph.evaluate import evaluate
from newskg.graph.store import Store

TARGETS = {"entities": 0.95, "entities_typed": 0.92, "relations": 0.80}


@pytest.fixture(scope="module")
def scores(seed_store):
    return evaluate(Store(seed_store), [SHARED / "eval" / "dev"])


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_dev_f1_meets_target(scores, measure):
    assert scores[measure]["f1"] >= TARGETS[measure], json.dumps(scores, indent=1)


def test_dev_resolution_neither_splits_nor_merges(scores):
    assert scores["resolution"]["split_gold"] == 0, scores["resolution"]
    assert scores["resolution"]["merged_system"] == 0, scores["resolution"]


def test_own_scorer_agrees_with_the_shared_script(seed_store, scores, tmp_path):
    nt = tmp_path / "out.nt"
    kg("export", "--format", "ntriples", "-o", str(nt), store=seed_store)
    shared = json.loads(subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(nt),
                                        str(SHARED / "eval" / "dev"), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    for measure in ("entities", "entities_typed", "groups", "relations"):
        assert shared[measure]["f1"] == scores[measure]["f1"], measure


def test_the_scores_count_only_what_the_gold_articles_say(store_copy, scores):
    """With other articles in the store, the dev gold is scored on the seeds' own nodes and
    relations: the same figures as on a store of the seeds alone."""
    from conftest import wikinews

    extra = store_copy.parent / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in wikinews(3, 1000, 2500)))
    kg("build", str(extra), "--no-progress", store=store_copy)
    again = evaluate(Store(store_copy), [SHARED / "eval" / "dev"])
    for measure in ("entities", "entities_typed", "groups", "relations"):
        assert again[measure]["f1"] == scores[measure]["f1"], measure
