"""SPARQL results and RDF graphs in the format the client asks for (Accept, or SPARQLWrapper's
`format`/`output` parameters); queries evaluated by the app's query processes
(api/query_processes.py)."""
from __future__ import annotations

import pyoxigraph as ox
from flask import Response, current_app

from newskg.graph.sparql import GRAPH_TYPES, SOLUTION_TYPES

from .errors import APIError
from .query_processes import QueryFailed

# SPARQLWrapper's returnFormat names and common short names → media types
FORMAT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ttl": "text/turtle", "n3": "text/n3", "nt": "application/n-triples",
                "ntriples": "application/n-triples", "json-ld": "application/ld+json", "jsonld": "application/ld+json",
                "rdf": "application/rdf+xml", "rdf+xml": "application/rdf+xml", "trig": "application/trig",
                "nq": "application/n-quads", "nquads": "application/n-quads", "html": "text/html"}


def negotiate(request, offered: list[str], graph: bool = True) -> str:
    """The media type to answer in: a `format`/`output` parameter when it names one of `offered`,
    else the best match of Accept (the first offered for */* or no Accept); 406 when none fits."""
    name = request.values.get("format") or request.values.get("output")
    if name:
        mt = FORMAT_NAMES.get(name.lower(), name.lower())
        if graph and mt == "application/sparql-results+json":
            mt = "application/ld+json"
        if graph and mt == "application/sparql-results+xml":
            mt = "application/rdf+xml"
        if mt in offered:
            return mt
    accept = request.accept_mimetypes
    if not accept:
        return offered[0]
    best = accept.best_match(offered)
    if best is None:
        raise APIError(406, f"cannot answer in any of the accepted types ({request.headers.get('Accept')}); "
                            f"this result is available as {', '.join(offered)}")
    return best


def evaluate(text: str, request, dataset: tuple[list[str], list[str]] | None = None,
             invalid: tuple[int, str, str] = (400, "malformed_query", "SPARQL syntax error: {}")) -> Response:
    """The response to a query, evaluated in the query pool within the timeout, in the format
    the request asks for. `dataset` is the request's (default and named graph IRIs); `invalid`
    the status, code and message of a syntax error (a client's query: 400)."""
    media_types, refusals = {}, {}
    for k, offered, graph in (("solutions", SOLUTION_TYPES, False), ("graph", list(GRAPH_TYPES), True)):
        try:
            media_types[k] = negotiate(request, offered, graph=graph)
        except APIError as e:
            media_types[k], refusals[k] = None, e
    try:
        body, mt = current_app.extensions["newskg.queries"].run(
            text, media_types, max_rows=current_app.config["MAX_ROWS"],
            max_bytes=current_app.config["MAX_RESULT_BYTES"], dataset=dataset)
    except QueryFailed as e:
        if e.kind == "not_acceptable":
            raise refusals[e.message] from None
        if e.kind == "syntax":
            status, code, message = invalid
            raise APIError(status, message.format(e.message), code) from None
        status, code = QUERY_ERRORS[e.kind]
        raise APIError(status, e.message if e.kind != "failed" else f"query failed: {e.message}", code) from None
    return Response(body, mimetype=mt, headers={"Vary": "Accept"})


# the status and code of each way a query can fail but a syntax error (QueryFailed.kind)
QUERY_ERRORS = {"refused": (400, "refused"), "too_many": (400, "too_many_results"), "failed": (400, "query_failed"),
                "no_store": (503, "no_store"), "timeout": (503, "query_timeout"), "busy": (503, "busy"),
                "crashed": (503, "query_aborted")}


def rdf_response(statements: list, mt: str, prefixes: dict | None = None) -> Response:
    """Triples or quads in the RDF format `mt` (one of GRAPH_TYPES); quads lose their graph in
    the formats without graphs."""
    fmt = GRAPH_TYPES[mt]
    if not fmt.supports_datasets:
        seen, triples = set(), []
        for s in statements:
            t = ox.Triple(s.subject, s.predicate, s.object) if isinstance(s, ox.Quad) else s
            if t not in seen:
                seen.add(t)
                triples.append(t)
        statements = triples
    body = ox.serialize(statements, format=fmt, prefixes=prefixes) if statements or fmt != ox.RdfFormat.JSON_LD \
        else b"[]"
    return Response(body, mimetype=mt, headers={"Vary": "Accept"})


def service_description(store, request) -> Response:
    """SPARQL 1.1 Service Description of this endpoint (Turtle unless asked otherwise)."""
    endpoint = request.base_url
    v = store.vocab
    dataset = (f"The default graph is the union of all named graphs: one per article (named by the article IRI, "
               f"under <{v.base}doc/>), the entity registry <{v.registry}> and the ontology <{v.ontology}>.")
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>, <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
        <http://www.w3.org/ns/formats/SPARQL_Results_CSV>, <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
        <http://www.w3.org/ns/formats/Turtle>, <http://www.w3.org/ns/formats/N-Triples>,
        <http://www.w3.org/ns/formats/JSON-LD>, <http://www.w3.org/ns/formats/RDF_XML> ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [
        a sd:Dataset ;
        dcterms:description "{dataset}" ;
        sd:defaultGraph [ a sd:Graph ]
    ] .
"""
    triples = list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    mt = negotiate(request, list(GRAPH_TYPES), graph=True)
    return Response(ox.serialize(triples, format=GRAPH_TYPES[mt]), mimetype=mt, headers={"Vary": "Accept"})
