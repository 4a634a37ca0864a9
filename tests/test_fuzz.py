"""Fuzzing the HTTP API from its OpenAPI description, with schemathesis, against a real server.

`kg serve` (gunicorn) runs over the seeds store on a loopback port; schemathesis reads
/api/openapi.json from it and generates requests for every operation in it — none is left out —
in three passes per operation:

* positive: values the description allows (types, ranges, enums, lengths);
* negative: values it does not (wrong types, out of range, not in the enum, …) — skipped only
  for the operations whose parameters admit no invalid value (free path strings, no parameters),
  which the test reports by name;
* real: positive cases whose ids, names, SPARQL queries, patterns and formats are drawn from the
  store and the service (entity and article ids, named queries with their parameters, small
  queries of every form) with an Accept header drawn from a list, so that the requests reach the
  code behind the 404s.

Every response must: not be a 5xx; have a status code, content type and body the description
declares for the operation (schemathesis's own checks); and, for every 4xx, be the one JSON error
shape `{"error": {"status", "code", "message"}}` with the response's status — except where the
description declares an HTML page for that status (the 404 pages for browsers).

The run is reproducible (`derandomize`: the same requests each time) and counts its requests;
at least 1,000 are sent (about 1,700, in about a minute).

What it found was in the description, each pinned by a fast test at the end: the Linked Data and
fragments answers come as text/plain (N-Triples) and application/json (JSON-LD) too, undeclared;
JSON-LD was declared a string where it is a JSON array; a CONSTRUCT asked for as application/json
is JSON-LD, not SPARQL results JSON; and a request line over the server's limit (valid parameters
can make one) is a 414 no operation declared.
"""
from __future__ import annotations

import collections
import json
import time

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (content_type_conformance, not_a_server_error, response_schema_conformance,
                                 status_code_conformance)
from schemathesis.errors import FailureGroup

from servers import serving

# A direct SPARQL POST is text: without this schemathesis cannot send one, and POST /sparql would
# only ever get form bodies.
schemathesis.serializer.alias("application/sparql-query", "text/plain")

POSITIVE, NEGATIVE, REAL = 35, 25, 40  # examples per operation and pass
MIN_REQUESTS = 1000
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

ACCEPTS = [None, "*/*", "application/json", "text/html", "text/html,application/xhtml+xml,*/*;q=0.8",
           "text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples",
           "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
           "text/tab-separated-values", "application/trig", "application/n-quads", "text/plain",
           "application/xml", "image/png", "text/*", "application/*;q=0.5, text/html;q=0", "", ";;q=x, /",
           "text/turtle;q=0.1, application/json;q=0.9"]
FORMATS = [None, "json", "xml", "csv", "tsv", "turtle", "ttl", "nt", "ntriples", "jsonld", "json-ld", "rdf", "trig",
           "nq", "n3", "html", "HTML", "text/turtle", "application/json", "graphml", "gexf", "png", "", "%"]
QUERIES = [
    "SELECT ?s ?o WHERE { ?s nkg:leads ?o }",
    "SELECT ?e ?label WHERE { ?e a nkg:Person ; rdfs:label ?label } ORDER BY ?label LIMIT 5",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT ?x WHERE { VALUES ?x { 1 2.5 \"three\"@en <http://example.org/four> true } }",
    "SELECT * WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(?l), \"taliban\")) } LIMIT 3",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 0",
    "ASK { ?s nkg:opposes ?o }",
    "ASK { ?s nkg:nothing ?o }",
    "CONSTRUCT { ?s nkg:leads ?o } WHERE { ?s nkg:leads ?o }",
    "CONSTRUCT WHERE { ?s nkg:nothing ?o }",
    "DESCRIBE <http://localhost:8000/entity/taliban>",
    "SELECT ?s WHERE { ?s ?p ?o",  # malformed
    "INSERT DATA { <http://a> <http://b> <http://c> }",  # an update: refused
    "SELECT ?s WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
]
TERMS = [None, "", "?s", "http://localhost:8000/entity/taliban", "http://localhost:8000/ontology#leads",
         "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
         "http://localhost:8000/ontology#Person", '"Taliban"', '"Taliban"@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>',
         "_:b0", "<http://localhost:8000/entity/taliban>", "not an iri", '"unterminated']


@pytest.fixture(scope="module")
def fuzz_server(seed_store, tmp_path_factory):
    """A `kg serve` of its own (default processes and threads), so that its log holds only the
    fuzzer's requests."""
    log_path = tmp_path_factory.mktemp("fuzz") / "server.log"
    with serving(seed_store, log=log_path) as (base, _):
        yield base, log_path


class Data:
    """What the store holds, read through the API: the values the `real` pass draws from."""

    def __init__(self, base: str):
        s = requests.Session()
        self.entities = _all(s, base + "/api/entities", "id")
        self.documents = _all(s, base + "/api/documents", "id")
        self.queries = {q["name"]: q["parameters"] for q in s.get(base + "/api/queries").json()["queries"]}
        from newskg.api.vendor import FILES
        self.vendor = list(FILES)
        # cursors the service gave out (each for its own entity and filters)
        self.cursors = [page["next"] for entity in self.entities[:8] for depth in (1, 2)
                        if (page := s.get(f"{base}/api/entities/{entity}/neighbors",
                                          params={"limit": 2, "depth": depth}).json())["next"]]
        assert self.entities and self.documents and self.queries


def _all(session, url: str, key: str) -> list[str]:
    out, offset = [], 0
    while True:
        page = session.get(url, params={"limit": 200, "offset": offset}).json()
        out += [r[key] for r in page["results"]]
        offset += 200
        if offset >= page["total"]:
            return out


def _ids(data: Data):
    # mostly real ids, sometimes a near miss
    return st.one_of(st.sampled_from(data.entities), st.sampled_from(data.entities).map(lambda i: i + "x"),
                     st.sampled_from(data.entities).map(str.upper))


def _param_value(param: dict, data: Data):
    kind = param["type"]
    if kind == "entity":
        return st.one_of(_ids(data), st.sampled_from(data.entities).map(lambda i: "http://localhost:8000/entity/" + i))
    if kind == "integer":
        return st.one_of(st.integers(-5, 1000).map(str), st.sampled_from(["", "x", "1.5", "9" * 40]))
    return st.text(max_size=20)


def _realistic(op, case, draw, data: Data) -> dict:
    """Replace the generated ids, names, queries and formats of `case` with real ones (in place);
    return the extra headers to send."""
    path, query, headers = case.path_parameters, case.query, {}
    if query is None:
        query = case.query = {}
    for name in ("entity_id", "slug"):
        if path and name in path:
            path[name] = draw(_ids(data))
    if path and "doc_id" in path:
        path["doc_id"] = draw(st.sampled_from(data.documents))
    if op.path == "/api/queries/{name}":
        name = draw(st.sampled_from(sorted(data.queries)))
        path["name"] = name
        query.clear()  # the generated parameters: almost never the query's own
        for p in data.queries[name]:
            if draw(st.booleans()) or p["required"] and draw(st.integers(0, 9)):
                query[p["name"]] = draw(_param_value(p, data))
    if op.path == "/static/vendor/{name}":
        path["name"] = draw(st.sampled_from(data.vendor))
    if op.path == "/api/entities/{entity_id}/neighbors":
        cursor = draw(st.one_of(st.none(), st.sampled_from(data.cursors),
                                st.sampled_from(data.cursors).map(lambda c: c[:-2] + "xx")))
        if cursor is None:
            query.pop("cursor", None)
        else:
            query["cursor"] = cursor
    if op.path == "/api/paths":
        query["from"], query["to"] = draw(_ids(data)), draw(_ids(data))
    if op.path == "/query":
        query["name"] = draw(st.sampled_from([*data.queries, "nothing"]))
    if op.path == "/fragments":
        for position in ("subject", "predicate", "object"):
            term = draw(st.sampled_from(TERMS))
            if term is None:
                query.pop(position, None)
            else:
                query[position] = term
    if op.path in ("/sparql", "/api/queries/{name}", "/entity/{slug}", "/doc/{doc_id}", "/ontology", "/fragments"):
        fmt = draw(st.sampled_from(FORMATS))
        if fmt is None:
            query.pop("format", None)
        else:
            query["format"] = fmt
    if op.path == "/sparql":
        text = draw(st.sampled_from(QUERIES))
        if op.method.upper() == "GET":
            query["query"] = text
            return _accept(headers, draw)
        case.media_type = draw(st.sampled_from(["application/sparql-query", "application/x-www-form-urlencoded"]))
        if case.media_type == "application/x-www-form-urlencoded":
            case.body = {draw(st.sampled_from(["query", "query", "update"])): text}
        else:
            case.body = text
            # a direct POST of another type: refused (415, or 400 for an update)
            content_type = draw(st.sampled_from([None, None, "application/sparql-update", "text/plain",
                                                 "application/json", "application/sparql-query; charset=utf-8"]))
            if content_type:
                headers["Content-Type"] = content_type
    return _accept(headers, draw)


def _accept(headers: dict, draw) -> dict:
    accept = draw(st.sampled_from(ACCEPTS))
    if accept is not None:
        headers["Accept"] = accept
    return headers


def _declared(op, status: int) -> set[str]:
    responses = op.definition.raw.get("responses", {})
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default") or {}
    if "$ref" in response:
        response = op.schema.raw_schema["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return set(response.get("content", {}))


def _media_type(response) -> str:
    # schemathesis's Response: lowercase header names, a list of values each
    return (response.headers.get("content-type") or [""])[0].split(";")[0].strip().lower()


def _error_shape(op, response) -> str | None:
    """Why a 4xx response is not the one JSON error shape (None when it is, or when the
    description declares an HTML page for it)."""
    mt = _media_type(response)
    if mt == "text/html" and "text/html" in _declared(op, response.status_code):
        return None
    if mt != "application/json":
        return f"a {response.status_code} as {mt or 'no content type'}, not the JSON error"
    try:
        body = response.json()
    except ValueError:
        return "a 4xx whose body is not JSON"
    error = body.get("error") if isinstance(body, dict) else None
    if (not isinstance(error, dict) or set(body) != {"error"} or set(error) != {"status", "code", "message"}
            or error["status"] != response.status_code or not isinstance(error["code"], str)
            or not error["code"] or not isinstance(error["message"], str) or not error["message"]):
        return f"not the JSON error shape: {response.text[:300]}"
    return None


@pytest.mark.slow
def test_fuzz_the_api(fuzz_server, capsys):
    base, log_path = fuzz_server
    # from_dict, not from_url: schemathesis leaves out the operation its description came from
    # (GET /api/openapi.json), which is fuzzed like the others here
    schema = schemathesis.openapi.from_dict(requests.get(base + "/api/openapi.json", timeout=30).json())
    data = Data(base)
    session = requests.Session()
    sent: collections.Counter = collections.Counter()
    statuses: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    failures: dict[tuple, tuple[int, str, str]] = {}  # (operation, status, problem) -> (count, example, curl)
    no_negative: list[str] = []

    def check(op, case, response, headers):
        sent[op.label] += 1
        statuses[op.label][response.status_code] += 1
        problems = []
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as group:
            problems += [f"{f.title}: {f.message}" for f in group.exceptions]
        if 400 <= response.status_code < 500:
            why = _error_shape(op, response)
            if why:
                problems.append(why)
        for problem in problems:
            # one line to group by (schemathesis's messages quote the body on later lines)
            key = (op.label, response.status_code, problem.strip().splitlines()[0][:160])
            if key not in failures:
                curl = case.as_curl_command(headers=headers)
                if headers:
                    curl += f" -H {json.dumps(headers)}"  # (as_curl_command leaves out Accept)
                failures[key] = (0, problem[:1500], curl[:800])
            n, text, curl = failures[key]
            failures[key] = (n + 1, text, curl)

    def run(op, strategy, examples, realistic=False):
        @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=strategy, draw=st.data())
        def one(case, draw):
            headers = _realistic(op, case, draw.draw, data) if realistic else {}
            response = case.call(base_url=base, session=session, headers=headers, timeout=60)
            check(op, case, response, headers)

        one()

    started = time.perf_counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == sum(len(ops) for ops in schema.raw_schema["paths"].values())
    for op in operations:
        run(op, op.as_strategy(GenerationMode.POSITIVE), POSITIVE)
        try:
            run(op, op.as_strategy(GenerationMode.NEGATIVE), NEGATIVE)
        except Unsatisfiable:
            no_negative.append(op.label)
        run(op, op.as_strategy(GenerationMode.POSITIVE), REAL, realistic=True)
    elapsed = time.perf_counter() - started

    total = sum(sent.values())
    with capsys.disabled():
        print(f"\nfuzzed {len(operations)} operations with {total} requests in {elapsed:.1f} s "
              f"({total / elapsed:.0f}/s); no invalid input exists for: {', '.join(no_negative) or 'none'}")
        for label in sorted(sent):
            print(f"  {label:45} {sent[label]:4}  " + ", ".join(f"{s}×{n}" for s, n in sorted(statuses[label].items())))
    assert total >= MIN_REQUESTS, f"only {total} requests were generated"
    assert set(sent) == {op.label for op in operations}, "some operations were never called"
    for label in no_negative:  # only operations without a query parameter or a body have no invalid input
        op = next(op for op in operations if op.label == label)
        assert not any(p.location.value == "query" for p in op.iter_parameters()) and not op.body, label
    kinds = "\n".join(f"{label} → {status} ×{n}: {line}\n    {curl}"
                      for (label, status, line), (n, _, curl) in sorted(failures.items()))
    examples = "\n\n".join(text for _, text, _ in list(failures.values())[:3])
    assert not failures, (f"{sum(n for n, _, _ in failures.values())} non-conforming responses of {len(failures)} "
                          f"kinds:\n{kinds}\n\nthe first in full:\n{examples}")
    log = log_path.read_text(errors="replace")
    assert "Traceback" not in log and "unexpected error" not in log, log[-3000:]


# -- what the fuzzer found, each pinned by a fast test ---------------------------------------------------

@pytest.fixture(scope="module")
def app(seed_store):
    from newskg.api import create_app

    return create_app({"STORE": str(seed_store), "TESTING": True})


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/api/openapi.json").get_json()


def _offers():
    from newskg.api import fragments_endpoint, linked_data, results

    ask_leads = "CONSTRUCT { ?s nkg:leads ?o } WHERE { ?s nkg:leads ?o }"
    return [
        ("/entity/taliban", "/entity/{slug}", linked_data.OFFERED),
        ("/doc/000_3ad62285e03f5f79.txt", "/doc/{doc_id}", linked_data.OFFERED),
        ("/ontology", "/ontology", linked_data.OFFERED),
        ("/fragments?predicate=http%3A%2F%2Flocalhost%3A8000%2Fontology%23leads", "/fragments", fragments_endpoint.OFFERED),
        ("/sparql?query=SELECT+*+WHERE+%7B+%3Fs+nkg%3Aleads+%3Fo+%7D", "/sparql", results.SOLUTION_TYPES),
        ("/sparql?query=ASK+%7B+%3Fs+nkg%3Aleads+%3Fo+%7D", "/sparql", results.SOLUTION_TYPES),
        ("/sparql?query=" + requests.utils.quote(ask_leads), "/sparql", list(results.GRAPH_TYPES)),
        ("/sparql?query=CONSTRUCT+WHERE+%7B+%3Fs+nkg%3Anothing+%3Fo+%7D", "/sparql", list(results.GRAPH_TYPES)),
        ("/api/queries/leaders", "/api/queries/{name}", results.SOLUTION_TYPES),
    ]


@pytest.mark.parametrize("url, path, offered", _offers(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_media_type_the_service_negotiates_is_declared(app, spec, url, path, offered):
    """The Linked Data, fragments and SPARQL answers come in every type their content negotiation
    offers — text/plain (N-Triples) and application/json (JSON-LD for graphs) included, which the
    description left out — and JSON-LD is a JSON array, not the string the description said."""
    from openapi_schema_validator import OAS30Validator

    declared = spec["paths"][path]["get"]["responses"]["200"]["content"]
    client = app.test_client()
    for mt in offered:
        r = client.get(url, headers={"Accept": mt})
        assert r.status_code == 200 and r.mimetype == mt, (url, mt, r.status_code, r.mimetype)
        assert mt in declared, f"{path} answers {mt}, which the description does not declare"
        if mt.endswith("json"):
            schema = {**declared[mt]["schema"], "components": spec["components"]}
            errors = sorted(OAS30Validator(schema).iter_errors(r.get_json()), key=str)
            assert not errors, f"{url} as {mt}: {errors[0].message}"


def test_a_request_line_over_the_limit_is_the_declared_414(fuzz_server, spec):
    """A request line over the server's limit is refused before the app sees it; valid parameters
    can make one (a 200-character `q` of 4-byte characters is 2,400 bytes encoded, `type` repeats),
    so every operation declares the 414, in the one error shape."""
    from openapi_schema_validator import OAS30Validator

    base, _ = fuzz_server
    r = requests.get(base + "/api/entities", params={"q": "x" * 9000}, timeout=30)
    assert r.status_code == 414 and r.headers["Content-Type"] == "application/json"
    schema = {**spec["components"]["responses"]["UriTooLong"]["content"]["application/json"]["schema"],
              "components": spec["components"]}
    assert not list(OAS30Validator(schema).iter_errors(r.json())) and r.json()["error"]["code"] == "uri_too_long"
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op["responses"].get("414") == {"$ref": "#/components/responses/UriTooLong"}, (method, path)
