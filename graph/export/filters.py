"""Which part of the graph an export holds: entity types, co-mention weight, one kind of edge,
the ego network of one entity, the articles of a date range.

The date range chooses articles (by their published date; an article without one is left
out) and the view is built from them alone; the other filters then cut that view, in the
order the options read: types, kind of edge and weight, ego network, isolated entities.
"""
from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote

from ..records import ENTITY_TYPES
from ..store import Store
from ..view import GraphView, published_day

KINDS = ("relations", "comentions")


class FilterError(ValueError):
    """A filter that cannot be applied; the message says why and what to do."""


@dataclass(frozen=True)
class ExportFilter:
    types: frozenset[str] = frozenset()  # ENTITY_TYPES to keep; empty: all
    only: str | None = None  # "relations" or "comentions"; None: both
    min_weight: int = 1  # co-mentions shared by fewer sentences are dropped; relations never are
    ego: str | None = None  # an entity id: keep its ego network
    depth: int = 1  # steps from `ego`, edges followed either way
    since: date | None = None  # articles published on or after
    until: date | None = None  # articles published on or before
    drop_isolated: bool = False  # drop entities left without an edge

    def __post_init__(self) -> None:
        bad = sorted(set(self.types) - set(ENTITY_TYPES))
        if bad:
            raise FilterError(f"unknown entity type {bad[0]!r}; types are {', '.join(ENTITY_TYPES)}")
        if self.only not in (None, *KINDS):
            raise FilterError(f"'only' must be one of {', '.join(KINDS)}, got {self.only!r}")
        if self.min_weight < 1 or self.depth < 1:
            raise FilterError("the minimum weight and the depth are at least 1")
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"the date range is empty: {self.since} is after {self.until}")

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    @property
    def active(self) -> bool:
        return self != ExportFilter()

    def as_dict(self) -> dict:
        """The filters that are set, for summaries and the files' descriptions."""
        out: dict = {}
        if self.types:
            out["types"] = sorted(self.types)
        if self.only:
            out["only"] = self.only
        if self.min_weight > 1:
            out["min_weight"] = self.min_weight
        if self.ego:
            out.update(ego=self.ego, depth=self.depth)
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        if self.drop_isolated:
            out["drop_isolated"] = True
        return out

    def describe(self) -> str:
        parts = []
        if self.types:
            parts.append("types " + ", ".join(sorted(self.types)))
        if self.only:
            parts.append(f"{self.only} only")
        if self.min_weight > 1:
            parts.append(f"co-mentions of weight {self.min_weight} or more")
        if self.ego:
            parts.append(f"ego network of {self.ego} to depth {self.depth}")
        if self.dated:
            parts.append(f"articles published {self.since or '…'} to {self.until or '…'} (undated ones left out)")
        if self.drop_isolated:
            parts.append("no isolated entities")
        return "; ".join(parts)




def articles_in_range(store: Store, since: date | None, until: date | None) -> tuple[set[str], dict]:
    """The articles (graph IRIs) published within [since, until], and counts: all articles,
    those in range, those left out for having no (readable) published date."""
    rows = store.select("SELECT ?g ?d WHERE { GRAPH ?g { ?g a nkg:Article OPTIONAL { ?g dcterms:date ?d } } }",
                        union=False)
    chosen, undated = set(), 0
    for r in rows:
        day = published_day(r.get("d"))
        if day is None:
            undated += 1
        elif (since is None or day >= since) and (until is None or day <= until):
            chosen.add(r["g"])
    return chosen, {"total": len(rows), "in_range": len(chosen), "without_date": undated}


def find_entity(view: GraphView, text: str, base: str) -> str:
    """The id of the entity `text` names: an id, an entity IRI, or a label or alias that names
    exactly one entity. Otherwise a FilterError with the closest names."""
    if text in view.nodes:
        return text
    prefix = base + "entity/"
    if text.startswith(prefix) and unquote(text[len(prefix):]) in view.nodes:
        return unquote(text[len(prefix):])
    key = text.casefold().strip()
    named = {n.id for n in view.nodes.values() if key in {n.label.casefold(), *(a.casefold() for a in n.aliases)}}
    if len(named) == 1:
        return named.pop()
    if len(named) > 1:
        raise FilterError(f"{text!r} names {len(named)} entities: {', '.join(sorted(named))}; give one id")
    names = {n.label: n.id for n in view.nodes.values()} | {n.id: n.id for n in view.nodes.values()}
    close = list(dict.fromkeys(names[c] for c in difflib.get_close_matches(text, list(names), n=10, cutoff=0.5)))[:5]
    hint = ("; did you mean " + ", ".join(f"{c} ({view.nodes[c].label})" for c in close) + "?") if close else \
        "; ids are the last part of entity IRIs (`kg query entities` lists them)"
    raise FilterError(f"no entity {text!r} in the graph being exported{hint}")


def apply(view: GraphView, f: ExportFilter) -> GraphView:
    """The part of `view` the filter keeps (nodes in the view's order)."""
    nodes = {k: n for k, n in view.nodes.items() if not f.types or n.type in f.types or k == f.ego}
    kind = {"relations": "relation", "comentions": "comention"}.get(f.only or "")
    edges = [e for e in view.edges
             if e.source in nodes and e.target in nodes and (kind is None or e.kind == kind)
             and (e.kind != "comention" or e.weight >= f.min_weight)]
    if f.ego is not None:
        if f.ego not in nodes:
            raise FilterError(f"no entity {f.ego!r} in the graph being exported")
        reached = _within(f.ego, edges, f.depth)
        nodes = {k: n for k, n in nodes.items() if k in reached}
        edges = [e for e in edges if e.source in reached and e.target in reached]
    if f.drop_isolated:
        linked = {e.source for e in edges} | {e.target for e in edges}
        nodes = {k: n for k, n in nodes.items() if k in linked}
    return GraphView(nodes=nodes, edges=edges)


def _within(start: str, edges, depth: int) -> set[str]:
    """Nodes at most `depth` steps from `start`, edges followed either way (as networkx's
    ego_graph with undirected=True: the export keeps every edge among them)."""
    adjacent: dict[str, set[str]] = {}
    for e in edges:
        adjacent.setdefault(e.source, set()).add(e.target)
        adjacent.setdefault(e.target, set()).add(e.source)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] < depth:
            for other in adjacent.get(node, ()):
                if other not in seen:
                    seen[other] = seen[node] + 1
                    queue.append(other)
    return set(seen)
