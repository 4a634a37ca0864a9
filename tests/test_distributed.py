"""Extraction on a real Dask cluster (worker processes) builds the same graph as one process."""
import json

import pyoxigraph as ox
import pytest

from conftest import SEEDS, kg
from newskg.graph.pipeline import build
from newskg.graph.store import Store

distributed = pytest.importorskip("dask.distributed", reason="Dask is not installed: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, as `dask worker --nthreads 1` would run them."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  scheduler_port=0, silence_logs=50) as c:
        yield c


def canonical(path) -> list[str]:
    """The store's quads as sorted N-Quads, blank nodes relabelled canonically."""
    dataset = ox.Dataset(Store(path).ox)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return sorted(str(q) for q in dataset)


def test_the_seeds_built_on_a_dask_cluster_give_the_same_quads_as_one_process(cluster, seed_store, tmp_path):
    from newskg.graph.distributed import dask_extractions

    path = tmp_path / "kg"
    with Store(path, write=True) as store:
        report = build([SEEDS], store, extractions=lambda articles: dask_extractions(
            articles, cluster.scheduler_address, batch_size=1))
    assert report.built == 2 and not report.skipped
    quads = canonical(path)
    assert len(quads) > 1000
    assert quads == canonical(seed_store)
    # the workers that took a batch hold one loaded pipeline each, kept for the next batches
    with distributed.Client(cluster.scheduler_address) as client:
        loaded = client.run(lambda: len(__import__("newskg.graph.distributed", fromlist=["_extractors"])._extractors))
    assert sum(loaded.values()) >= 1 and set(loaded.values()) <= {0, 1}


def test_kg_build_with_scheduler_extracts_on_the_cluster(cluster, seed_store, tmp_path):
    out = kg("build", str(SEEDS), "--scheduler", cluster.scheduler_address, "--json", store=tmp_path / "kg")
    assert json.loads(out.stdout)["report"]["built"] == 2
    assert canonical(tmp_path / "kg") == canonical(seed_store)


def test_kg_build_says_when_the_scheduler_cannot_be_reached(tmp_path):
    result = kg("build", str(SEEDS), "--scheduler", "tcp://127.0.0.1:9", store=tmp_path / "kg", check=False)
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
