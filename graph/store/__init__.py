"""The store: where the graph lives, for the CLI and the API alike.

`Store(location)` opens the store a location names (`open_store` is the same factory):

* a folder — the embedded on-disk store (graph.store.embedded: Oxigraph on RocksDB, a version
  per publication, readers never locked out by a writer);
* `sparql+http(s)://host:port/path` — a SPARQL 1.1 server (graph.store.remote: queries over the
  SPARQL protocol, writes as SPARQL Update, files through the Graph Store Protocol).

Both answer what newskg asks of a store as graph.store.base writes it, once, in SPARQL; the
index written with each version of the embedded store is graph.store.index.
"""
from __future__ import annotations

import os

from .base import (BASE_PREDICATE, DEFAULT_STORE, VALUES_CHUNK, Change, Store, StoreError, default_path, is_remote,
                   mention_text)
from .embedded import OxigraphStore, published_version
from .remote import RemoteStore


def open_store(location: str | os.PathLike | None = None, base: str | None = None, write: bool = False,
               **kwargs) -> Store:
    """The store at `location` (default: KG_STORE, else ./kgstore): a folder or a SPARQL server."""
    location = location or default_path()
    if is_remote(location):
        return RemoteStore(str(location), base=base, write=write, **kwargs)
    return OxigraphStore(location, base=base, write=write, **kwargs)


__all__ = ["BASE_PREDICATE", "DEFAULT_STORE", "VALUES_CHUNK", "Change", "OxigraphStore", "RemoteStore", "Store",
           "StoreError", "default_path", "is_remote", "mention_text", "open_store", "published_version"]
