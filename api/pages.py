"""HTML pages: home (search and counts), an entity's page with its neighborhood graph, and
the SPARQL editor. The pages are shells; their scripts (api/static) read the JSON API."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template

from graph import lookups
from graph import queries as named
from graph.records import ENTITY_TYPES, RELATION_PREDICATES
from graph.vocab import CLASS_OF_TYPE, TYPE_OF_CLASS

from . import vendor

bp = Blueprint("pages", __name__)


def _handle():
    return current_app.extensions["newskg"]


@bp.get("/")
def home():
    from graph.pipeline import stats
    summary = _handle().cached("stats", stats)
    # the same cache entry as /api/entities uses
    top = _handle().cached("search-index", lookups.SearchIndex.from_store).search("", limit=12)["results"]
    return render_template("home.html", stats=summary, top=top, queries=named.catalogue().values(),
                           base=_handle().get().vocab.base, type_of=TYPE_OF_CLASS, class_of=CLASS_OF_TYPE)


@bp.get("/browse/<entity_id>")
def entity(entity_id: str):
    # the same cache entry as /api/entities/<id>/neighbors uses
    node = _handle().cached("graph-view", lookups.NeighborIndex.from_store).nodes.get(entity_id)
    if node is None:
        return render_template("missing.html", entity_id=entity_id), 404
    return render_template("entity.html", node=node, types=ENTITY_TYPES, relations=RELATION_PREDICATES,
                           vendor_ok=vendor.available())


@bp.get("/query")
def query():
    return render_template("query.html", prefixes=_handle().get().vocab.prefixes, vendor_ok=vendor.available())
