"""One JSON error shape for every endpoint: {"error": {"status", "code", "message"}}."""
from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException


class APIError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                             406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
                             503: "unavailable"}.get(status, "error")


def error_response(status: int, code: str, message: str):
    response = jsonify({"error": {"status": status, "code": code, "message": message}})
    response.status_code = status
    return response


def register(app: Flask) -> None:
    @app.errorhandler(APIError)
    def api_error(e: APIError):
        return error_response(e.status, e.code, e.message)

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        code = (e.name or "error").lower().replace(" ", "_")
        response = error_response(e.code or 500, code, e.description or e.name)
        if e.code == 405 and getattr(e, "valid_methods", None):
            response.headers["Allow"] = ", ".join(e.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(e: Exception):
        app.logger.exception("unexpected error")
        return error_response(500, "internal_error", "the server failed to answer; the error is logged")
