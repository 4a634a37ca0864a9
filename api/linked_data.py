"""Linked Data: every entity, article and ontology IRI the store mints dereferences here.

Paths map to IRIs through the store's base IRI, whatever host serves them: /entity/<slug> answers
for BASE/entity/<slug>, /doc/<id> for BASE/doc/<id>, /ontology for BASE/ontology and every
BASE/ontology#Term. One URL per resource, answered directly (no 303) in the format Accept asks
for — an HTML page, Turtle (the default), N-Triples, JSON-LD, RDF/XML… — or `?format=ttl|nt|jsonld|
rdf|html`; every answer, errors included, says `Vary: Accept`. Unknown resources are 404: a page
for a browser, the API's JSON error otherwise.
"""
from __future__ import annotations

import pyoxigraph as ox
from urllib.parse import quote

from flask import Blueprint, current_app, redirect, render_template, request

from newskg.graph import describe, lookups

from . import results
from .errors import APIError
from .headers import web_link

bp = Blueprint("linked_data", __name__, template_folder="ld_templates")

OFFERED = ["text/turtle", "text/html", *(t for t in results.GRAPH_TYPES if t != "text/turtle")]
# what the pages offer as links: ?format= name, media type, label
PAGE_FORMATS = [("ttl", "text/turtle", "Turtle"), ("nt", "application/n-triples", "N-Triples"),
                ("jsonld", "application/ld+json", "JSON-LD"), ("rdf", "application/rdf+xml", "RDF/XML")]


def _handle():
    return current_app.extensions["newskg"]


@bp.after_request
def _vary(response):
    # the same URL answers in several formats, so caches must key on Accept — errors included
    response.vary.add("Accept")
    return response


def _page(template: str, status: int = 200, **context):
    store = _handle().get()
    base, root = store.vocab.base, request.script_root + "/"

    def local(iri: str) -> str:
        """Links to what this server describes stay on this server, under any base IRI; any
        other IRI is a link only when it is a web address (never `javascript:`, `data:`...)."""
        return root + iri[len(base):] if iri.startswith(base) else (web_link(iri) or "#")

    context.setdefault("formats", PAGE_FORMATS)
    return render_template(template, root=root, local=local, **context), status


def _missing(mt: str, message: str):
    if mt == "text/html":
        return _page("ld_missing.html", 404, title="Not found", iri=None, formats=[], message=message)
    raise APIError(404, message)


@bp.get("/entity/<slug>")
def entity(slug: str):
    mt = results.negotiate(request, OFFERED)
    store = _handle().get()
    moved = lookups.merged_into(store, slug)
    if moved:
        # merged into another entity: the old IRI keeps answering, for good, where it went
        response = redirect(request.script_root + "/entity/" + quote(moved, safe="-._~")
                            + (f"?{request.query_string.decode()}" if request.query_string else ""), code=301)
        response.headers["Link"] = f'<{store.vocab.entity(moved)}>; rel="canonical"'
        return response
    missing = f"no entity {slug[:100]!r} in this graph; find entities with /api/entities?q=NAME"
    if mt == "text/html":
        detail = lookups.entity_detail(store, slug)
        if detail is None:
            return _missing(mt, missing)
        view = _handle().cached("graph-view", lookups.NeighborIndex.from_store)
        comentions = sorted(((view.nodes[e.target if e.source == slug else e.source], e.weight)
                             for e, _ in view.edges_of(slug, "both") if e.kind == "comention"),
                            key=lambda x: (-x[1], x[0].label))
        return _page("ld_entity.html", title=detail["label"], iri=detail["iri"], e=detail, comentions=comentions)
    triples = describe.entity(store, slug)
    if triples is None:
        return _missing(mt, missing)
    return results.rdf_response(triples, mt, store.vocab.prefixes)


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    mt = results.negotiate(request, OFFERED)
    store = _handle().get()
    missing = f"no article {doc_id[:100]!r} in this graph; list them with /api/documents"
    if mt == "text/html":
        detail = lookups.document_detail(store, doc_id)
        if detail is None:
            return _missing(mt, missing)
        return _page("ld_document.html", title=detail["title"] or detail["id"], iri=detail["iri"], d=detail)
    triples = describe.document(store, doc_id)
    if triples is None:
        return _missing(mt, missing)
    return results.rdf_response(triples, mt, store.vocab.prefixes)


@bp.get("/ontology")
def ontology():
    mt = results.negotiate(request, OFFERED)
    store = _handle().get()
    triples = describe.ontology(store)
    if mt == "text/html":
        return _page("ld_ontology.html", title="The newskg ontology", iri=store.vocab.ontology,
                     terms=_terms(triples, store.vocab))
    return results.rdf_response(triples, mt, store.vocab.prefixes)


RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _terms(triples, vocab) -> list[dict]:
    """The ontology's classes and properties as the page lists them: the ontology first, then
    classes, then properties, each with its label, comment and other statements."""
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)
    names = {iri: name for name, iri in vocab.prefixes.items()}

    def curie(iri: str) -> str:
        for ns, name in sorted(names.items(), key=lambda x: -len(x[0])):
            if iri.startswith(ns) and iri != ns:
                return f"{name}:{iri[len(ns):]}"
        return iri

    def show(term) -> list[tuple[str, str | None]]:
        if isinstance(term, ox.Literal):
            return [(term.value, None)]
        if isinstance(term, ox.BlankNode):  # the ontology's only ones are owl:unionOf lists
            union = [t.object for t in by_subject.get(term, []) if t.predicate.value == OWL + "unionOf"]
            members = []
            node = union[0] if union else None
            while isinstance(node, ox.BlankNode):
                items = by_subject.get(node, [])
                members += [t.object for t in items if t.predicate.value == RDF + "first"]
                rest = [t.object for t in items if t.predicate.value == RDF + "rest"]
                node = rest[0] if rest else None
            return [x for m in members for x in show(m)] if members else [("(anonymous)", None)]
        iri = term.value
        href = "#" + iri.split("#", 1)[1] if iri.startswith(vocab.ns) else iri
        return [(curie(iri), href)]

    terms = []
    for subject, ts in by_subject.items():
        if isinstance(subject, ox.BlankNode):
            continue
        props: dict[str, list] = {}
        label = comment = None
        for t in ts:
            p = t.predicate.value
            if p == RDFS + "label":
                label = t.object.value
            elif p == RDFS + "comment":
                comment = t.object.value
            else:
                props.setdefault(curie(p), []).extend(show(t.object))
        iri = subject.value
        kind = 0 if iri == vocab.ontology else 1 if any(v[0] == "owl:Class" for v in props.get("rdf:type", [])) else 2
        terms.append({"iri": iri, "anchor": iri.split("#", 1)[1] if "#" in iri else "ontology",
                      "curie": curie(iri) if iri != vocab.ontology else iri, "label": label or curie(iri),
                      "comment": comment, "properties": sorted(props.items()), "kind": kind})
    return sorted(terms, key=lambda t: (t["kind"], t["label"].lower()))
