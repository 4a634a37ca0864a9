"""Named queries over HTTP: /api/queries lists them, /api/queries/<name>?param=… runs one."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from newskg.graph import named_queries
from newskg.graph import sparql as sq

from . import results
from .errors import APIError

bp = Blueprint("queries", __name__, url_prefix="/api/queries")


@bp.get("")
def index():
    return jsonify({"queries": [q.as_dict() for q in named_queries.catalogue().values()]})


@bp.get("/<name>")
def run(name: str):
    try:
        query = named_queries.get(name)
    except named_queries.QueryError as e:
        raise APIError(400, str(e), "bad_query_name") from None
    except KeyError as e:
        raise APIError(404, str(e).strip('"'), "not_found") from None
    store = current_app.extensions["newskg"].get()
    values = {k: v for k, v in request.args.items() if k not in ("format", "output")}
    try:
        text = sq.bind(query.text, query.bindings(values, store.vocab))
    except named_queries.QueryError as e:
        raise APIError(400, str(e), "bad_parameter") from None
    except SyntaxError as e:
        raise APIError(500, f"named query {name!r} is invalid: {e}", "invalid_named_query") from None
    return results.evaluate(text, request,
                            invalid=(500, "invalid_named_query", f"named query {name!r} is invalid: {{}}"))
