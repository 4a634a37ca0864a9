"""Entity lookups for other services: search, one entity, its neighbors, its evidence."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from graph import lookups
from graph.records import ENTITY_TYPES, RELATION_PREDICATES

from .errors import APIError

bp = Blueprint("entities", __name__, url_prefix="/api")


def _handle():
    return current_app.extensions["newskg"]


def _int(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise APIError(400, f"'{name}' must be an integer between {lo} and {hi}, got {raw[:50]!r}") from None
    if not lo <= value <= hi:
        raise APIError(400, f"'{name}' must be between {lo} and {hi}, got {value}")
    return value


def _type_filter() -> set[str] | None:
    types = [t.upper() for raw in request.args.getlist("type") for t in raw.split(",") if t]
    bad = [t for t in types if t not in ENTITY_TYPES]
    if bad:
        raise APIError(400, f"unknown type {bad[0]!r}; types are {', '.join(ENTITY_TYPES)}")
    return set(types) or None


def _index():
    return _handle().cached("search-index", lookups.SearchIndex.from_store)


def _view():
    return _handle().cached("graph-view", lookups.NeighborIndex.from_store)


@bp.get("/entities")
def search():
    q = request.args.get("q", "")
    if len(q) > 200:
        raise APIError(400, "'q' is too long (at most 200 characters)")
    limit = _int("limit", 20, 1, 200)
    offset = _int("offset", 0, 0, 100_000)
    found = _index().search(q, types=_type_filter(), limit=limit, offset=offset)
    return jsonify({"query": q, "results": found["results"], "total": found["total"], "offset": offset,
                    "limit": limit})


@bp.get("/entities/<entity_id>")
def entity(entity_id: str):
    store = _handle().get()
    detail = lookups.entity_detail(store, entity_id)
    if detail is None:
        raise APIError(404, f"no entity {entity_id!r}; find ids with /api/entities?q=NAME")
    return jsonify(detail)


@bp.get("/entities/<entity_id>/neighbors")
def neighbors(entity_id: str):
    depth = _int("depth", 1, 1, 3)
    limit = _int("limit", 100, 1, 5000)
    direction = request.args.get("direction", "both")
    if direction not in ("out", "in", "both"):
        raise APIError(400, f"'direction' must be out, in or both, got {direction[:20]!r}")
    predicates = [p for raw in request.args.getlist("predicate") for p in raw.split(",") if p]
    allowed = set(RELATION_PREDICATES) | {"coMentionedWith"}
    bad = [p for p in predicates if p not in allowed]
    if bad:
        raise APIError(400, f"unknown predicate {bad[0]!r}; predicates are {', '.join(sorted(allowed))}")
    view = _view()
    if entity_id not in view.nodes:
        raise APIError(404, f"no entity {entity_id!r}; find ids with /api/entities?q=NAME")
    return jsonify(view.neighbors(entity_id, depth=depth, direction=direction, predicates=set(predicates) or None,
                                  types=_type_filter(), limit=limit))
