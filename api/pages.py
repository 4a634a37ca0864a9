"""HTML pages: the home page (search, entity pages, the SPARQL editor)."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template

from graph import queries as named

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    store = current_app.extensions["newskg"].get()
    from graph.pipeline import stats
    summary = current_app.extensions["newskg"].cached("stats", stats)
    return render_template("home.html", stats=summary, queries=named.catalogue().values(), base=store.vocab.base)
