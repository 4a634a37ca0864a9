"""A Triple Pattern Fragments interface at /fragments?subject=&predicate=&object=&page=, for
Linked Data Fragments clients such as Comunica: the union of all graphs, without duplicates,
100 triples a page, with the count, the search form and first/previous/next links (graph/triple_pattern_fragments.py).

TriG (the default) and N-Quads keep the metadata in its own graph, as clients expect;
Turtle, N-Triples, JSON-LD and RDF/XML mix it with the data.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, current_app, request

from newskg.graph import triple_pattern_fragments as tpf

from . import results
from .errors import APIError

bp = Blueprint("fragments", __name__)

OFFERED = ["application/trig", "application/n-quads", "text/turtle", "application/n-triples", "application/ld+json",
           "application/rdf+xml", "text/n3", "text/plain", "application/json"]
MAX_PAGE = 1_000_000


@bp.after_request
def _vary(response):
    response.vary.add("Accept")
    return response


def _page_number() -> int:
    raw = request.args.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_PAGE:
        raise APIError(400, f"'page' must be an integer between 1 and {MAX_PAGE}, got {raw[:30]!r}")
    return number


@bp.get("/fragments")
def fragment():
    mt = results.negotiate(request, OFFERED)
    try:
        s = tpf.parse_term(request.args.get("subject"), "subject")
        p = tpf.parse_term(request.args.get("predicate"), "predicate")
        o = tpf.parse_term(request.args.get("object"), "object")
    except tpf.BadTerm as e:
        raise APIError(400, str(e), "bad_pattern") from None
    number = _page_number()
    handle = current_app.extensions["newskg"]
    store = handle.get()
    triples, more = tpf.page(store, s, p, o, number)
    if s is None and p is None and o is None:
        total = handle.cached("fragments-total", lambda st: tpf.count(st, None, None, None))
    else:
        total = tpf.count(store, s, p, o)

    # Clients match the metadata to the URL they fetched, byte for byte: build every URL from
    # the raw query string, changing nothing but the page parameter.
    here = request.base_url
    kept = [part for part in request.query_string.decode("latin-1").split("&")
            if part and part.split("=", 1)[0] != "page"]
    fragment_url = here + ("?" + "&".join(kept) if kept else "")

    def page_url(n: int) -> str:
        return fragment_url if n == 1 else fragment_url + ("&" if kept else "?") + f"page={n}"

    raw = request.query_string.decode("latin-1")
    this_page = here + ("?" + raw if raw else "")
    meta = tpf.controls(dataset=here + "#dataset", template=here + "{?subject,predicate,object}",
                        fragment=fragment_url, page_url=this_page, total=total, size=tpf.PAGE_SIZE,
                        first=page_url(1), previous=page_url(number - 1) if number > 1 else None,
                        next_=page_url(number + 1) if more else None, pattern=tpf.pattern_text(s, p, o))
    data = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return results.rdf_response(data + meta, mt, store.vocab.prefixes)
