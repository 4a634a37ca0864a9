"""The app's SPARQL query processes (graph/querypool.py): a pool of child processes that
evaluate the endpoint's and the named queries, so that one running too long can be killed.

The pool starts when the server's worker process starts (api/server.py), or else on the first
query: never when the app is made, so that making one (a test, a script) starts no process, and
never on import. `graph.querypool` is imported only then, too: importing it replaces a function
of the standard library's multiprocessing (see that module), which an app that runs no query
has no reason to do.
"""
from __future__ import annotations

import threading


class QueryFailed(Exception):
    """A query that got no result; `kind` is one of graph.querypool.KINDS."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class QueryProcesses:
    """`size` processes evaluating queries on the store at `location`, each at most `timeout` seconds."""

    def __init__(self, location: str, base: str | None, size: int, timeout: float):
        self.location = location
        self.base = base
        self.size = size
        self.timeout = timeout
        self.pool = None
        self._querypool = None  # the module, once imported
        self._lock = threading.Lock()

    def start(self):
        """The pool, started now if it has not been."""
        with self._lock:
            if self.pool is None:
                from newskg.graph import querypool  # not on import: see this module's docstring

                self._querypool = querypool
                self.pool = querypool.QueryPool(self.location, self.base, size=self.size, timeout=self.timeout)
            return self.pool

    def run(self, text: str, media_types: dict, max_rows: int, max_bytes: int,
            dataset: tuple[list[str], list[str]] | None = None) -> tuple[bytes, str]:
        """The response body and its media type; QueryFailed when there is none. `media_types`
        says which media type to write each kind of result in ("solutions", "graph")."""
        pool = self.start()
        job = self._querypool.Job(text=text, media_types=media_types, max_rows=max_rows, max_bytes=max_bytes,
                                  dataset=dataset)
        try:
            return pool.run(job)
        except self._querypool.QueryError as e:
            raise QueryFailed(e.kind, e.message) from None

    def close(self) -> None:
        with self._lock:
            if self.pool is not None:
                self.pool.close()
