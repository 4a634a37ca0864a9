"""SPARQL results and RDF graphs in the format the client asks for (Accept, or SPARQLWrapper's
`format`/`output` parameters)."""
from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from flask import Response

from graph.sparql import kind, term_json

from .errors import APIError

SOLUTION_TYPES = ["application/sparql-results+json", "application/json", "application/sparql-results+xml",
                  "application/xml", "text/csv", "text/tab-separated-values", "text/plain"]
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
               "text/n3": ox.RdfFormat.N3, "text/plain": ox.RdfFormat.N_TRIPLES,
               "application/json": ox.RdfFormat.JSON_LD}
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


def respond(result, request, max_rows: int) -> Response:
    k = kind(result)
    if k == "graph":
        mt = negotiate(request, list(GRAPH_TYPES), graph=True)
        triples = []
        for t in result:
            triples.append(t)
            if len(triples) > max_rows * 10:
                raise APIError(400, f"the graph result has more than {max_rows * 10} triples (the limit); "
                                    "narrow the query", "too_many_results")
        body = ox.serialize(triples, format=GRAPH_TYPES[mt]) if triples or GRAPH_TYPES[mt] != ox.RdfFormat.JSON_LD \
            else b"[]"
        return Response(body, mimetype=mt, headers={"Vary": "Accept"})
    mt = negotiate(request, SOLUTION_TYPES, graph=False)
    if k == "boolean":
        return Response(_boolean(bool(result), mt), mimetype=mt, headers={"Vary": "Accept"})
    names = [v.value for v in result.variables]
    rows = []
    for row in result:
        rows.append([row[n] for n in names])
        if len(rows) > max_rows:
            raise APIError(400, f"the query returns more than {max_rows} rows (the limit); add a LIMIT or "
                                "narrow it", "too_many_results")
    return Response(_solutions(names, rows, mt), mimetype=mt, headers={"Vary": "Accept"})


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


def _boolean(value: bool, mt: str) -> str:
    if "xml" in mt:
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n")
    if mt in ("text/csv", "text/tab-separated-values", "text/plain"):
        return "true\n" if value else "false\n"
    return json.dumps({"head": {}, "boolean": value})


def _solutions(names: list[str], rows: list[list], mt: str) -> str:
    if "json" in mt:
        bindings = [{n: term_json(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)
    if "xml" in mt:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            for n, t in zip(names, row):
                if t is None:
                    continue
                out.append(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "".join(out)
    buf = io.StringIO()
    if mt == "text/csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value)
                        for t in row])
        return buf.getvalue()
    buf.write("\t".join("?" + n for n in names) + "\n")
    for row in rows:
        buf.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buf.getvalue()


# XML parsers turn a raw carriage return into a line feed; a character reference survives.
_XML_TEXT = {"\r": "&#13;"}


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    value = escape(t.value, _XML_TEXT)
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{value}</literal>"
    if t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(t.datatype.value)}>{value}</literal>"
    return f"<literal>{value}</literal>"


def service_description(store, request) -> Response:
    """SPARQL 1.1 Service Description of this endpoint (Turtle unless asked otherwise)."""
    endpoint = request.base_url
    v = store.vocab
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
        dcterms:description "The default graph is the union of all named graphs: one per article (named by the article IRI, under <{v.base}doc/>), the entity registry <{v.registry}> and the ontology <{v.ontology}>." ;
        sd:defaultGraph [ a sd:Graph ]
    ] .
"""
    triples = list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    mt = negotiate(request, list(GRAPH_TYPES), graph=True)
    return Response(ox.serialize(triples, format=GRAPH_TYPES[mt]), mimetype=mt, headers={"Vary": "Accept"})
