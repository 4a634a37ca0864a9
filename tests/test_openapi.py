"""The OpenAPI description at /api/openapi.json: valid OpenAPI 3, documents every route of the
app, and the answers of the service match the schemas it declares."""
import re

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from newskg.api import create_app


@pytest.fixture(scope="module")
def app(graph_store):
    return create_app({"STORE": str(graph_store), "TESTING": True})


@pytest.fixture(scope="module")
def spec(app):
    r = app.test_client().get("/api/openapi.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    return r.get_json()


def test_the_description_is_valid_openapi_3(spec):
    validate(spec)
    assert spec["openapi"].startswith("3.") and spec["servers"] == [{"url": "http://localhost"}]


def test_every_route_of_the_app_is_documented(app, spec):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":  # Flask's own static files, not part of the API
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if method.lower() not in spec["paths"].get(path, {}):
                missing.append(f"{method} {path}")
    assert not missing, f"routes missing from api/openapi.json: {', '.join(missing)}"
    documented = {(p, m) for p, ops in spec["paths"].items() for m in ops}
    routes = {(re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", r.rule), m.lower())
              for r in app.url_map.iter_rules() for m in r.methods}
    assert documented <= routes, f"documented but not served: {sorted(documented - routes)}"


def test_every_operation_declares_its_errors_in_the_one_error_shape(spec):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert "200" in op["responses"], (method, path)
            for status, response in op["responses"].items():
                if status.startswith("4") and "$ref" in response:
                    assert response["$ref"].startswith("#/components/responses/")
    error = spec["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["required"] == ["status", "code", "message"]


def _validator(spec, path: str, status: str, mt: str = "application/json"):
    response = spec["paths"][path]["get"]["responses"][status]
    if "$ref" in response:
        response = spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    schema = {**response["content"][mt]["schema"], "components": spec["components"]}
    return OAS30Validator(schema)


@pytest.mark.parametrize("url, path, status", [
    ("/api/entities?q=massoud", "/api/entities", "200"),
    ("/api/entities/ahmad-massoud", "/api/entities/{entity_id}", "200"),
    ("/api/entities/ahmad-massoud/neighbors?depth=2&limit=5", "/api/entities/{entity_id}/neighbors", "200"),
    ("/api/entities/ahmad-massoud/evidence", "/api/entities/{entity_id}/evidence", "200"),
    ("/api/paths?from=ahmad-massoud&to=taliban", "/api/paths", "200"),
    ("/api/paths?from=ahmad-massoud&to=taliban&max=1", "/api/paths", "200"),
    ("/api/documents", "/api/documents", "200"),
    ("/api/documents/resistance", "/api/documents/{doc_id}", "200"),
    ("/api/queries", "/api/queries", "200"),
    ("/api/entities/nobody", "/api/entities/{entity_id}", "404"),
    ("/api/entities/taliban/neighbors?depth=0", "/api/entities/{entity_id}/neighbors", "400"),
    ("/api/paths?from=taliban", "/api/paths", "400"),
    ("/api/documents/nothing", "/api/documents/{doc_id}", "404"),
    ("/entity/nobody", "/entity/{slug}", "404"),
    ("/fragments?subject=%22x%22", "/fragments", "400"),
])
def test_answers_match_the_declared_schemas(app, spec, url, path, status):
    r = app.test_client().get(url)
    assert str(r.status_code) == status and r.mimetype == "application/json"
    errors = sorted(_validator(spec, path, status).iter_errors(r.get_json()), key=str)
    assert not errors, f"{url}: {errors[0].message} at {list(errors[0].absolute_path)}"
