"""The newskg web service: a Flask application factory over one on-disk store.

Blueprints: `sparql_endpoint` (the SPARQL 1.1 endpoint), `entities` (search, neighbours,
evidence, paths, articles), `named_queries_endpoint` (the named queries), `pages` (HTML),
`linked_data` (entity, article and ontology IRIs), `fragments_endpoint` (Triple Pattern
Fragments), `openapi` (the API's description) and `vendor` (the front-end libraries installed by
npm into web/node_modules). The store is opened by the app, read-only, and reopened when a build
publishes a new version; SPARQL queries (the endpoint and the named queries) run in a pool of
child processes that open it themselves (api/query_processes.py), so that a query over the
timeout can be stopped. Making the app starts no process: the server starts the pool as each of
its processes starts, and a test client's app on its first query.

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

from . import (entities, fragments_endpoint, headers, limits, linked_data, named_queries_endpoint, openapi, pages,
               sparql_endpoint, vendor)
from .errors import register as register_errors
from .query_processes import QueryProcesses
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
    app.extensions["newskg.queries"] = QueryProcesses(app.config["STORE"], app.config["BASE"],
                                                      size=app.config["QUERY_PROCESSES"],
                                                      timeout=app.config["QUERY_TIMEOUT"])

    register_errors(app)
    limits.register(app)
    headers.register(app)
    for blueprint in (sparql_endpoint.bp, entities.bp, named_queries_endpoint.bp, pages.bp, vendor.bp,
                      linked_data.bp, fragments_endpoint.bp, openapi.bp):
        app.register_blueprint(blueprint)
    return app
