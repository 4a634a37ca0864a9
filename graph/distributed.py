"""Extraction on a Dask cluster: `kg build --scheduler tcp://host:8786`.

Batches of articles go to the cluster's workers as tasks; each worker process loads the spaCy
pipeline once (on its first batch) and keeps it; extractions come back in input order, so the
build that resolves and writes them is the same as a local one. Only a bounded number of
batches is in flight at a time, so neither this process nor the scheduler holds the whole
corpus. Workers need newskg installed and the model available under the same name or path
(`--model`, KG_MODEL, else their own default pipeline).

Start a cluster with `dask scheduler` and `dask worker tcp://host:8786 --nthreads 1` on each
machine (one thread per worker process: spaCy holds the GIL, so more threads add nothing).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from .pipeline import _batches, in_order
from .records import Article, Extraction

class ClusterError(RuntimeError):
    pass


BATCH = 8  # articles per task: small enough to spread, big enough for nlp.pipe to batch
_extractors: dict = {}
_loading = threading.Lock()


def _extractor(model: str | None):
    """This worker process's pipeline, loaded on first use."""
    with _loading:
        if model not in _extractors:
            from .extract import Extractor  # spaCy: only the workers load it, not the process that sends them work

            _extractors[model] = (Extractor(model), threading.Lock())
        return _extractors[model]


def extract_batch(articles: list[Article], model: str | None) -> list[Extraction]:
    extractor, lock = _extractor(model)
    with lock:  # one pipeline per process; threads of one worker take turns
        return list(extractor.extract(articles))


def dask_extractions(articles: Iterable[Article], scheduler_address: str, model: str | None = None,
                     batch_size: int = BATCH, window: int | None = None) -> Iterator[Extraction]:
    """Extractions of `articles`, in input order, computed on the cluster at `scheduler_address`."""
    try:  # Dask is optional (newskg[scale])
        from dask.distributed import Client
    except ImportError:
        raise ClusterError("extracting on a Dask cluster needs Dask: pip install 'newskg[scale]'") from None

    try:
        client = Client(scheduler_address, set_as_default=False, timeout=10)
    except (OSError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler_address}: {e}") from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        # pure=False: two identical batches are still two tasks (no caching by content)
        tasks = (client.submit(extract_batch, batch, model, pure=False) for batch in _batches(articles, batch_size))
        yield from in_order(tasks, window or 2 * threads, _take)


def _take(future) -> list[Extraction]:
    try:
        return future.result()
    finally:
        future.release()


__all__ = ["dask_extractions", "extract_batch", "ClusterError"]
