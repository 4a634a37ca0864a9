"""The store as the app sees it: opened read-only (a folder or a SPARQL server, see
`graph.store.open_store`), reopened after a build publishes."""
from __future__ import annotations

import threading

from graph.store import Store, StoreError, open_store

from .errors import APIError


class StoreHandle:
    def __init__(self, path: str, base: str | None = None):
        self.path = path
        self.base = base
        self._store: Store | None = None
        self._cache: dict = {}
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
                store = self._store
        return store

    def cached(self, key: str, compute):
        """A value derived from the current store version, computed once per version."""
        store = self.get()
        cache = self._cache
        if key not in cache:
            cache[key] = compute(store)
        return cache[key]
