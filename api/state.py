"""The store as the app sees it: opened read-only, reopened after a build publishes."""
from __future__ import annotations

import threading

from graph.store import Store, StoreError

from .errors import APIError


class StoreHandle:
    def __init__(self, path: str):
        self.path = path
        self._store: Store | None = None
        self._cache: dict = {}
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = self._store
        if store is None or store.changed():
            with self._lock:
                if self._store is None or self._store.changed():
                    try:
                        self._store = Store(self.path)
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
