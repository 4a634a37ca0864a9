"""Lookups for other services: entity search, one entity, its neighbourhood (JSON pages or a
GraphML/GEXF file), the evidence of its relations, relation paths between two entities, and the
articles."""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from datetime import date

from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, redirect, request
from itsdangerous import BadSignature, URLSafeSerializer

from newskg.graph import lookups
from newskg.graph.export import gexf, graphml
from newskg.graph import view as graph_view
from newskg.graph.export.filters import articles_in_range
from newskg.graph.view import GraphView
from newskg.graph.records import ENTITY_TYPES, RELATION_PREDICATES

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


def _moved(entity_id: str):
    """A 301 to where a merged (retired) entity went, keeping the rest of the path and the query."""
    moved = lookups.merged_into(_handle().get(), entity_id)
    if not moved:
        return None
    rest = request.path.split("/entities/", 1)[1][len(quote(entity_id, safe="-._~")):]
    target = request.script_root + "/api/entities/" + quote(moved, safe="-._~") + rest
    return redirect(target + (f"?{request.query_string.decode()}" if request.query_string else ""), code=301)


@bp.get("/entities/<entity_id>")
def entity(entity_id: str):
    store = _handle().get()
    moved = _moved(entity_id)
    if moved:
        return moved
    detail = lookups.entity_detail(store, entity_id)
    if detail is None:
        raise APIError(404, f"no entity {entity_id!r}; find ids with /api/entities?q=NAME")
    return jsonify(detail)


def _predicates() -> set[str] | None:
    predicates = [p for raw in request.args.getlist("predicate") for p in raw.split(",") if p]
    allowed = set(RELATION_PREDICATES) | {"coMentionedWith"}
    bad = [p for p in predicates if p not in allowed]
    if bad:
        raise APIError(400, f"unknown predicate {bad[0][:50]!r}; predicates are {', '.join(sorted(allowed))}")
    return set(predicates) or None


def _known(view, entity_id: str) -> None:
    if entity_id not in view.nodes:
        raise APIError(404, f"no entity {entity_id[:100]!r}; find ids with /api/entities?q=NAME")


# A cursor is the offset of the next page, the store version it was cut from and a digest of
# the query, signed with the server's secret key: clients pass it back unread, and one they made
# or changed is refused. Once a build publishes a new version the offsets mean something else,
# so an old cursor is refused (400 stale_cursor) rather than silently skipping or repeating
# nodes; the client starts again without one.
def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="neighbors-cursor")


def _cursor(offset: int, version: str, query: str) -> str:
    return _signer().dumps({"o": offset, "v": version, "q": query})


def _offset(cursor: str | None, version: str, query: str) -> int:
    if not cursor:
        return 0
    try:
        data = _signer().loads(cursor)
        offset, cut_from, for_query = data["o"], data["v"], data["q"]
        if type(offset) is not int or not isinstance(cut_from, str) or not isinstance(for_query, str):
            raise ValueError
    except (BadSignature, ValueError, TypeError, KeyError):
        raise APIError(400, "'cursor' is not a cursor this service gave out; pass the 'next' value of the "
                            "previous page unchanged", "bad_cursor") from None
    if cut_from != version:
        raise APIError(400, "the graph has been rebuilt since this cursor was given out; start again "
                            "without a cursor", "stale_cursor")
    if for_query != query or offset < 0:
        raise APIError(400, "this cursor belongs to another query (other entity, depth, direction or "
                            "filters); start again without a cursor", "bad_cursor")
    return offset


@bp.get("/entities/<entity_id>/neighbors")
def neighbors(entity_id: str):
    moved = _moved(entity_id)
    if moved:
        return moved
    # A neighbourhood page is a function of the entity, the query string and the store version:
    # each is computed once per version and process, then answered from memory.
    return _handle().response(f"neighbors/{entity_id}?{request.query_string.decode('latin-1')}",
                              lambda: _neighbors(entity_id))


def _neighbors(entity_id: str):
    depth = _int("depth", 1, 1, 3)
    limit = _int("limit", 100, 1, 5000)
    min_weight = _int("min_weight", 1, 1, 1_000_000)
    direction = request.args.get("direction", "both")
    if direction not in ("out", "in", "both"):
        raise APIError(400, f"'direction' must be out, in or both, got {direction[:20]!r}")
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "graphml", "gexf"):
        raise APIError(400, f"'format' must be json, graphml or gexf, got {fmt[:20]!r}")
    predicates, types = _predicates(), _type_filter()
    since, until = _day("since"), _day("until")
    if since and until and since > until:
        raise APIError(400, f"'since' ({since}) is after 'until' ({until}): the date range is empty")
    view = _view()
    _known(view, entity_id)
    if since or until:
        view = _view_between(since, until)
        if entity_id not in view.nodes:  # not mentioned in the range: the entity alone
            node = replace(_view().nodes[entity_id], mentions=0, documents=0)
            view = lookups.NeighborIndex(GraphView(nodes={entity_id: node}, edges=[]))
    walk = dict(depth=depth, direction=direction, predicates=predicates, types=types, min_weight=min_weight)
    if fmt != "json":
        return _ego_file(view.ego_view(entity_id, **walk), entity_id, fmt)
    version = _handle().get().version
    query = hashlib.sha256(json.dumps([entity_id, depth, direction, sorted(predicates or []), sorted(types or []),
                                       min_weight, str(since), str(until)]).encode()).hexdigest()[:16]
    offset = _offset(request.args.get("cursor"), version, query)
    page = view.neighbors(entity_id, limit=limit, offset=offset, **walk)
    next_offset = page.pop("next_offset")
    page["next"] = _cursor(next_offset, version, query) if next_offset is not None else None
    return jsonify(page)


def _day(name: str) -> date | None:
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else _bad_day(name, raw)
    except ValueError:
        return _bad_day(name, raw)


def _bad_day(name: str, raw: str):
    raise APIError(400, f"'{name}' must be a day as YYYY-MM-DD, got {raw[:30]!r}")


def _view_between(since: date | None, until: date | None):
    """The graph of what the articles published in the range say. Not kept (the ranges asked
    are many): the response cache keeps each answer for the store version."""
    store = _handle().get()
    chosen, _ = articles_in_range(store, since, until)
    return lookups.NeighborIndex(graph_view.load(store, chosen))


@bp.get("/entities/<entity_id>/timeline")
def timeline(entity_id: str):
    period = request.args.get("period") or None
    if period not in (None, *lookups.PERIODS):
        raise APIError(400, f"'period' must be week or month, got {period[:20]!r}")
    _known(_view(), entity_id)
    return jsonify(lookups.timeline(_handle().get(), entity_id, period))


def _ego_file(sub_view, entity_id: str, fmt: str) -> Response:
    out = io.BytesIO()
    (graphml if fmt == "graphml" else gexf).write(sub_view, out)
    mimetype = "application/graphml+xml" if fmt == "graphml" else "application/gexf+xml"
    return Response(out.getvalue(), mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{entity_id}.{fmt}"'})


@bp.get("/entities/<entity_id>/evidence")
def evidence(entity_id: str):
    moved = _moved(entity_id)
    if moved:
        return moved
    direction = request.args.get("direction", "both")
    if direction not in ("out", "in", "both"):
        raise APIError(400, f"'direction' must be out, in or both, got {direction[:20]!r}")
    predicates = _predicates()
    if predicates and "coMentionedWith" in predicates:
        raise APIError(400, "co-mentions have no evidence statements; predicates are "
                            f"{', '.join(RELATION_PREDICATES)}")
    view = _view()
    _known(view, entity_id)
    node = view.nodes[entity_id]
    found = lookups.relations(_handle().get(), entity_id, predicates=predicates, direction=direction)
    return jsonify({"id": entity_id, "iri": node.iri, "label": node.label, "relations": found,
                    "statements": sum(len(r["evidence"]) for r in found)})


@bp.get("/paths")
def paths():
    source, target = request.args.get("from", ""), request.args.get("to", "")
    if not source or not target:
        raise APIError(400, "'from' and 'to' are required: two entity ids (find them with /api/entities?q=NAME)")
    max_length = _int("max", 4, 1, 6)
    limit = _int("limit", 10, 1, 100)
    view = _view()
    _known(view, source)
    _known(view, target)
    found = view.paths(source, target, max_length=max_length, limit=limit)
    return jsonify({"from": source, "to": target, "max": max_length, **found})


@bp.get("/documents")
def documents():
    limit = _int("limit", 20, 1, 200)
    offset = _int("offset", 0, 0, 10_000_000)
    found = lookups.documents(_handle().get(), limit=limit, offset=offset)
    return jsonify({"results": found["results"], "total": found["total"], "offset": offset, "limit": limit})


@bp.get("/documents/<path:doc_id>")
def document(doc_id: str):
    detail = lookups.document_detail(_handle().get(), doc_id)
    if detail is None:
        raise APIError(404, f"no document {doc_id[:100]!r}; list them with /api/documents")
    return jsonify(detail)
