"""The newskg web service: a Flask application factory over one on-disk store.

Blueprints: `sparql` (the SPARQL 1.1 endpoint), `entities` (search, neighbors, evidence),
`queries` (named queries), `pages` (HTML), `vendor` (the front-end libraries installed by
npm into web/node_modules). The store is opened by the app, read-only, and
reopened when a build publishes a new version.
"""
from __future__ import annotations

import os

from flask import Flask

from .errors import register as register_errors
from .state import StoreHandle


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        STORE=os.environ.get("KG_STORE", "kgstore"),
        BASE=os.environ.get("KG_BASE"),  # which graph, when a SPARQL server holds several
        MAX_ROWS=int(os.environ.get("KG_MAX_ROWS", "10000")),
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False
    app.extensions["newskg"] = StoreHandle(app.config["STORE"], app.config["BASE"])

    register_errors(app)
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
