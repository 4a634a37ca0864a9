"""The store as the app sees it: opened read-only (a folder or a SPARQL server, see
`graph.store.open_store`), reopened after a build publishes; values and whole responses derived
from one store version are kept until the next."""
from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Response

from newskg.graph.store import Store, StoreError, open_store

from .errors import APIError

RESPONSES_BYTES = 64 * 2**20  # per process: enough for thousands of neighbourhoods
RESPONSE_MAX_BYTES = 2 * 2**20  # bigger answers are computed each time


class StoreHandle:
    def __init__(self, path: str, base: str | None = None):
        self.path = path
        self.base = base
        self._store: Store | None = None
        self._cache: dict = {}
        self._responses = _Responses()
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = self._store
        if store is None or store.changed():
            with self._lock:
                if self._store is None or self._store.changed():
                    try:
                        self._store = open_store(self.path, base=self.base)
                    except StoreError as e:
                        raise APIError(503, str(e), "no_store") from None
                    self._cache = {}
                    self._responses = _Responses()
                store = self._store
        return store

    def cached(self, key: str, compute):
        """A value derived from the current store version, computed once per version."""
        store = self.get()
        cache = self._cache
        if key not in cache:
            cache[key] = compute(store)
        return cache[key]

    def response(self, key: str, compute) -> Response:
        """A successful response that is a function of `key` and the store version alone,
        computed once per version (errors are raised each time, never kept)."""
        self.get()
        responses = self._responses  # the version's own: a concurrent switch does not mix them
        kept = responses.get(key)
        if kept is None:
            made = compute()
            if made.status_code != 200 or made.is_streamed:
                return made
            kept = (made.get_data(), made.status_code, list(made.headers.items()))
            responses.put(key, kept)
        body, status, headers = kept
        return Response(body, status=status, headers=headers)


def _cost(key: str, item) -> int:
    """The bytes an entry holds: its key (a query string may be kilobytes), body and headers."""
    body, _, headers = item
    return len(key) + len(body) + sum(len(k) + len(v) for k, v in headers) + 200  # + the objects' own


class _Responses:
    """A least-recently-used map of whole responses, bounded in bytes (keys included)."""

    def __init__(self, budget: int = RESPONSES_BYTES):
        self.budget = budget
        self.size = 0
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.items.get(key)
            if item is not None:
                self.items.move_to_end(key)
            return item

    def put(self, key, item) -> None:
        n = _cost(key, item)
        if n > RESPONSE_MAX_BYTES:
            return
        with self.lock:
            if key in self.items:
                return
            self.items[key] = item
            self.size += n
            while self.size > self.budget and self.items:
                old_key, old = self.items.popitem(last=False)
                self.size -= _cost(old_key, old)
