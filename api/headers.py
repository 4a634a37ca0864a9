"""Headers every response carries, and which URLs may become links in the pages.

The pages run only their own script files: the Content-Security-Policy of every HTML response
forbids inline script, `javascript:` URLs and eval, so a name, title, sentence or URL from an
article can never run as script, even where a page shows it unescaped by mistake; and
`nosniff` keeps browsers from running a response as anything but its declared type."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response

from newskg.graph.view import TYPE_COLOURS

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    # the SPARQL editor (YASGUI) and the graph (Cytoscape.js) set styles from script
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def web_link(url: str | None) -> str | None:
    """`url` when it is a web address (http or https), a path on this server or a place on the
    same page (#fragment, ?query), else None: only these become links."""
    if not url:
        return None
    url = url.strip()
    if url.startswith(("#", "?")):
        return url
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    if not parts.scheme and not parts.netloc and url.startswith("/") and not url.startswith("//"):
        return url
    return None


def register(app: Flask) -> None:
    app.jinja_env.globals["web_link"] = web_link
    # the exports' colours, so that a type has one colour everywhere
    app.jinja_env.globals["type_colours"] = {t: "#{:02x}{:02x}{:02x}".format(*c) for t, c in TYPE_COLOURS.items()}

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response
