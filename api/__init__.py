"""The newskg web service: a Flask application factory over one on-disk store.

Blueprints: `sparql` (the SPARQL 1.1 endpoint), `entities` (search, neighbors, evidence),
`queries` (named queries), `pages` (HTML), `vendor` (the front-end libraries installed by
npm into web/node_modules). The store is opened by the app, read-only, and
reopened when a build publishes a new version; SPARQL queries (the endpoint and the named
queries) run in a pool of child processes that open it themselves (graph/querypool.py), so
that a query over the timeout can be stopped.

Settings (app config, or the environment variable in brackets):
QUERY_TIMEOUT (KG_QUERY_TIMEOUT, 10 seconds), QUERY_PROCESSES (KG_QUERY_PROCESSES, 4),
MAX_ROWS (KG_MAX_ROWS, 10,000 rows a query may return; graphs ten times as many triples),
MAX_RESULT_BYTES (KG_MAX_RESULT_BYTES, 16 MB a query's answer may hold),
MAX_CONTENT_LENGTH (KG_MAX_BODY, 1 MB a request body may hold), SECRET_KEY (KG_SECRET_KEY, which
signs the neighbours' cursors; random when unset).
"""
from __future__ import annotations

import os
import secrets

from flask import Flask

from graph.querypool import QueryPool

from . import headers, limits
from .errors import register as register_errors
from .state import StoreHandle


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        STORE=os.environ.get("KG_STORE", "kgstore"),
        BASE=os.environ.get("KG_BASE"),  # which graph, when a SPARQL server holds several
        MAX_ROWS=int(os.environ.get("KG_MAX_ROWS", "10000")),
        MAX_RESULT_BYTES=int(os.environ.get("KG_MAX_RESULT_BYTES", str(16 * 2**20))),
        QUERY_TIMEOUT=float(os.environ.get("KG_QUERY_TIMEOUT", "10")),
        QUERY_PROCESSES=int(os.environ.get("KG_QUERY_PROCESSES", "4")),
        MAX_CONTENT_LENGTH=int(os.environ.get("KG_MAX_BODY", str(2**20))),
        # signs the neighbours' cursors; `kg serve` gives all its processes one (a random one per start)
        SECRET_KEY=os.environ.get("KG_SECRET_KEY") or secrets.token_hex(32),
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    # a form's fields may hold as much as the body (Werkzeug's own default is half a megabyte)
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.json.sort_keys = False
    app.extensions["newskg"] = StoreHandle(app.config["STORE"], app.config["BASE"])
    app.extensions["newskg.queries"] = QueryPool(app.config["STORE"], app.config["BASE"],
                                                 size=app.config["QUERY_PROCESSES"],
                                                 timeout=app.config["QUERY_TIMEOUT"])

    register_errors(app)
    limits.register(app)
    headers.register(app)
    from . import entities, fragments, linked_data, openapi, pages, queries, sparql, vendor
    app.register_blueprint(sparql.bp)
    app.register_blueprint(entities.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(vendor.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(fragments.bp)
    app.register_blueprint(openapi.bp)
    return app
