"""The OpenAPI 3 description of the whole HTTP API, at /api/openapi.json.

The description is a file (api/openapi.json) maintained beside the routes; tests check that
every route of the app is in it and that answers match its schemas. It is read when asked for,
so nothing happens at import time, and the server's own URL is filled in as `servers`."""
from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, jsonify, request

bp = Blueprint("openapi", __name__, url_prefix="/api")

SPEC = Path(__file__).with_name("openapi.json")


def load() -> dict:
    return json.loads(SPEC.read_text(encoding="utf-8"))


@bp.get("/openapi.json")
def description():
    spec = load()
    spec["servers"] = [{"url": request.url_root.rstrip("/") or "/"}]
    return jsonify(spec)
