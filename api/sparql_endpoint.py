"""The SPARQL 1.1 Protocol query endpoint at /sparql (read-only).

The default graph is the union of every article's named graph (plus the registry and
ontology graphs); each article is a named graph of its own IRI. `default-graph-uri` and
`named-graph-uri` (and FROM / FROM NAMED) choose among graphs already in the store. As the
protocol says, a request that names graphs names the whole dataset: with only
`default-graph-uri` there are no named graphs, with only `named-graph-uri` the default graph is
empty; and the request's graphs replace the query's FROM / FROM NAMED.

Queries run in the app's query pool (graph/querypool.py): stopped after the timeout
(QUERY_TIMEOUT), refused whole over the row cap (MAX_ROWS).
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request

from . import results
from .errors import APIError

bp = Blueprint("sparql", __name__)

QUERY_TYPES = {"application/sparql-query"}
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def _params() -> tuple[str | None, list[str], list[str]]:
    """The query and dataset parameters, from the URL, a form body or a direct POST."""
    if request.method in ("GET", "HEAD"):
        args = request.args
        return args.get("query"), args.getlist("default-graph-uri"), args.getlist("named-graph-uri")
    mimetype = request.mimetype
    if mimetype in QUERY_TYPES:
        body = request.get_data(as_text=True)
        return body, request.args.getlist("default-graph-uri"), request.args.getlist("named-graph-uri")
    if mimetype in FORM_TYPES:
        if "update" in request.form:
            raise APIError(400, "updates are not accepted: this endpoint is read-only", "update_refused")
        return (request.form.get("query"), request.form.getlist("default-graph-uri"),
                request.form.getlist("named-graph-uri"))
    if mimetype == "application/sparql-update":
        raise APIError(400, "updates are not accepted: this endpoint is read-only", "update_refused")
    raise APIError(415, f"unsupported Content-Type {mimetype or '(none)'} for a SPARQL query; use "
                        "application/sparql-query or application/x-www-form-urlencoded")


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    query, default_graphs, named_graphs = _params()
    if query is None:
        if request.method in ("GET", "HEAD"):
            return results.service_description(current_app.extensions["newskg"].get(), request)
        raise APIError(400, "missing the 'query' parameter")
    dataset = None
    if default_graphs or named_graphs:
        try:
            for g in default_graphs + named_graphs:
                ox.NamedNode(g)
        except ValueError as e:
            raise APIError(400, f"bad graph IRI in default-graph-uri / named-graph-uri: {e}") from None
        dataset = (default_graphs, named_graphs)
    return results.evaluate(query, request, dataset)


__all__ = ["bp", "Response"]
