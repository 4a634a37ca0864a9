"""An analyst's corrections to resolution, kept in the store and applied on every build.

The curation graph (`{base}graph/curation`) holds one item per correction, each an `nkg:Curation`
with its action, the entities it names and when it was made:
  merge A B     B is A: B is merged into A now, and stays merged (its IRI says owl:sameAs A)
  never A B     A and B are never one node: no later article merges them
  split A FORM  mentions of FORM never join A: they go to a node of their own (from the next
                build of the articles that use it; `kg curate split` rebuilds them at once)
  label A TEXT  A's label is TEXT, whatever the mentions say
  type A TYPE   A's type is TYPE
Items are read by `graph.registry.load_resolver`, so every build resolves under them; `kg curate`
writes them and applies what it can at once (the `kg curate` command).
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import pyoxigraph as ox

from .names import normal
from .records import ENTITY_TYPES
from .vocab import DCTERMS, RDF

ACTIONS = ("merge", "never", "split", "label", "type")


class CurationError(ValueError):
    pass


@dataclass(frozen=True)
class Item:
    n: int
    action: str
    entity: str  # slug
    other: str | None = None  # slug (merge, never)
    value: str | None = None  # form (split), label, type
    created: str = ""

    def describe(self) -> str:
        return {"merge": f"merge {self.other} into {self.entity}",
                "never": f"never join {self.entity} and {self.other}",
                "split": f"split the form {self.value!r} off {self.entity}",
                "label": f"label {self.entity} {self.value!r}", "type": f"type of {self.entity} is {self.value}"}[
            self.action]


def graph_iri(vocab) -> str:
    return vocab.base + "graph/curation"


def items(store) -> list[Item]:
    v = store.vocab
    rows = store.select(f"""SELECT ?c ?action ?entity ?other ?value ?created WHERE {{ GRAPH <{graph_iri(v)}> {{
        ?c a nkg:Curation ; nkg:action ?action ; nkg:entity ?entity
        OPTIONAL {{ ?c nkg:other ?other }} OPTIONAL {{ ?c nkg:value ?value }} OPTIONAL {{ ?c dcterms:created ?created }}
        }} }}""", union=False)
    out = []
    for r in rows:
        try:
            n = int(r["c"].rsplit("/", 1)[1])
        except (ValueError, IndexError):
            continue
        out.append(Item(n, r["action"], v.slug_of(r["entity"]) or r["entity"],
                        v.slug_of(r["other"]) if r.get("other") else None, r.get("value"), r.get("created", "")))
    return sorted(out, key=lambda i: i.n)


def quads(item: Item, vocab) -> list[ox.Quad]:
    g = ox.NamedNode(graph_iri(vocab))
    c = ox.NamedNode(f"{graph_iri(vocab)}/{item.n}")
    out = [ox.Quad(c, ox.NamedNode(RDF + "type"), ox.NamedNode(vocab.term("Curation")), g),
           ox.Quad(c, ox.NamedNode(vocab.term("action")), ox.Literal(item.action), g),
           ox.Quad(c, ox.NamedNode(vocab.term("entity")), ox.NamedNode(vocab.entity(item.entity)), g),
           ox.Quad(c, ox.NamedNode(DCTERMS + "created"), ox.Literal(item.created), g)]
    if item.other:
        out.append(ox.Quad(c, ox.NamedNode(vocab.term("other")), ox.NamedNode(vocab.entity(item.other)), g))
    if item.value is not None:
        out.append(ox.Quad(c, ox.NamedNode(vocab.term("value")), ox.Literal(item.value), g))
    return out


def make(store, action: str, entity: str, other: str | None = None, value: str | None = None) -> Item:
    """A new item, checked against the store: the entities exist, the type is one of the five."""
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r}; one of: {', '.join(ACTIONS)}")
    if action == "type" and value not in ENTITY_TYPES:
        raise CurationError(f"unknown type {value!r}; one of: {', '.join(ENTITY_TYPES)}")
    if action in ("label", "split") and not (value or "").strip():
        raise CurationError(f"{action} needs a non-empty text")
    if action in ("merge", "never") and (not other or other == entity):
        raise CurationError(f"{action} needs two different entities")
    n = max((i.n for i in items(store)), default=0) + 1
    return Item(n, action, entity, other, value, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


def apply_to(resolver, store) -> None:
    """Put the store's curation into a resolver: labels, types, never-pairs and split forms."""
    for item in items(store):
        apply_to_item(resolver, item)


def apply_to_item(resolver, item: Item) -> None:
    """Put one item into a resolver (merge: merge now; the store is told by take_merges)."""
    entity = resolver.current(item.entity)
    node = resolver.nodes.get(entity)
    if item.action in ("label", "type"):
        resolver.fixed.setdefault(entity, {})[item.action] = item.value
        if node:
            setattr(node, f"fixed_{item.action}", item.value)
    elif item.action == "never" and item.other:
        resolver.never.add(frozenset((entity, resolver.current(item.other))))
    elif item.action == "split" and item.value:
        resolver.split_forms.setdefault(entity, set()).add(normal(item.value))
    elif item.action == "merge" and item.other and node:
        other = resolver.current(item.other)
        if other != entity and other in resolver.nodes:
            resolver.merge(other, entity, f"an analyst's curation (item {item.n})")
