"""Shared fixtures: stores and real servers over them.

`graph_store` is the hand-written world (tests/fixtures/graph, tests/fixture_graph.py): what
the lookups, the API, the exports and Linked Data are tested on, built in a second without the
model. `seed_store` is the sample articles as the model extracts them, for the tests that run
the whole way from articles to answers. Tests that only read share one store of each; `server`
is `kg serve` over the hand-written world (tests/servers.py starts every server).
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from fixture_graph import build_store
from servers import KG, ROOT, serving

SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
WIKINEWS = SHARED / "data" / "news" / "wikinews_en_2019_2020" / "wikinews_en_2019_2020.jsonl.gz"


def wikinews(count: int, shortest: int = 0, longest: int = 10**9) -> list[dict]:
    """The first `count` articles of the Wikinews corpus in ../shared whose text length lies
    between `shortest` and `longest` characters (short ones keep builds to seconds)."""
    if not WIKINEWS.exists():
        pytest.fail(f"the Wikinews corpus is missing at {WIKINEWS}: ../shared must be beside the clone")
    records = []
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if shortest < len(record["text"]) < longest:
                records.append(record)
                if len(records) == count:
                    break
    return records


def kg(*args: str, store: Path | None = None, check: bool = True, env: dict | None = None,
       input: str | None = None) -> subprocess.CompletedProcess:
    """Run the `kg` command line in a subprocess, as a user would."""
    cmd = [*KG, *(["--store", str(store)] if store else []), *args]
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=full_env, input=input, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def extractor():
    from newskg.graph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, extractor) -> Path:
    """The seeds, built once into an on-disk store (read-only for the tests that use it)."""
    from newskg.graph.pipeline import build
    from newskg.graph.store import Store

    path = tmp_path_factory.mktemp("seed-store") / "kg"
    with Store(path, write=True) as store:
        report = build([SEEDS], store, extractor=extractor)
    assert report.built == 2 and not report.skipped
    return path


@pytest.fixture(scope="session")
def desk_store(tmp_path_factory, extractor) -> Path:
    """The seeds and nine dated articles of an invented town's news (January to March 2024, in
    tests/fixtures/news/harlow-bay.jsonl), in which Mira Okafor, mentioned once before, is the
    news of the last week (read-only for the tests that use it)."""
    from newskg.graph.pipeline import build
    from newskg.graph.store import Store

    path = tmp_path_factory.mktemp("desk-store") / "kg"
    with Store(path, write=True) as store:
        report = build([SEEDS, ROOT / "tests" / "fixtures" / "news" / "harlow-bay.jsonl"], store, extractor=extractor)
    assert report.built == 11 and not report.skipped
    return path


@pytest.fixture
def store_copy(seed_store, tmp_path) -> Path:
    """A private copy of the seed store, for tests that write."""
    target = tmp_path / "kg"
    shutil.copytree(seed_store, target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def graph_store(tmp_path_factory) -> Path:
    """The hand-written world (tests/fixtures/graph/extractions.json) built into a store
    (read-only for the tests that use it)."""
    return build_store(tmp_path_factory.mktemp("graph-store"))


@pytest.fixture
def graph_copy(graph_store, tmp_path) -> Path:
    """A private copy of the hand-written world's store, for tests that write."""
    target = tmp_path / "kg"
    shutil.copytree(graph_store, target)
    return target


@pytest.fixture(scope="session")
def server(graph_store):
    """`kg serve` over the hand-written world, on loopback; yields its base URL."""
    with serving(graph_store, "--workers", "2") as (url, _):
        yield url


@pytest.fixture(scope="session")
def seed_server(seed_store):
    """`kg serve` over the sample articles; yields its base URL."""
    with serving(seed_store, "--workers", "2") as (url, _):
        yield url
