"""The request-body cap (MAX_CONTENT_LENGTH): a bigger body is answered 413 in the app's JSON
error shape, whether it says its length or comes in chunks.

Werkzeug refuses a body whose Content-Length is over the cap before reading it, but reads a
chunked body (no Content-Length) up to the cap and silently stops there: a long query would be
cut, not refused. So a chunked body is read here first, whole or refused, and handed on as a
body of known length."""
from __future__ import annotations

import io
import json

from werkzeug.exceptions import RequestEntityTooLarge

from .errors import error_response


def too_large_message(limit: int) -> str:
    return (f"the request body is larger than {limit:,} bytes, the limit (KG_MAX_BODY); "
            "a SPARQL query that long is best split or stored as a named query")


class ChunkedBody:
    """WSGI middleware: a chunked request body read up to `limit` bytes, or 413."""

    def __init__(self, app, limit: int | None):
        self.app = app
        self.limit = limit

    def __call__(self, environ, start_response):
        if self.limit is not None and "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            stream, chunks, size = environ["wsgi.input"], [], 0
            while size <= self.limit:
                chunk = stream.read(min(65536, self.limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > self.limit:
                body = json.dumps({"error": {"status": 413, "code": "too_large",
                                             "message": too_large_message(self.limit)}}).encode()
                start_response("413 Request Entity Too Large", [("Content-Type", "application/json"),
                                                                 ("Content-Length", str(len(body))),
                                                                 ("Connection", "close")])
                return [body]
            environ["wsgi.input"] = io.BytesIO(b"".join(chunks))
            environ["CONTENT_LENGTH"] = str(size)
            del environ["HTTP_TRANSFER_ENCODING"]
        return self.app(environ, start_response)


def register(app) -> None:
    app.wsgi_app = ChunkedBody(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(e):
        return error_response(413, "too_large", too_large_message(app.config["MAX_CONTENT_LENGTH"]))
