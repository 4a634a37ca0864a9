"""`kg serve`: the app under gunicorn, a production WSGI server (processes × threads).

Each worker process opens the store read-only, so builds can publish new versions while
the server answers; each has its own pool of query processes (graph/querypool.py), as many as
its threads unless told otherwise, so that no query waits for one."""
from __future__ import annotations

import json
import os
from collections.abc import Callable

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

# The longest request line gunicorn takes (its own maximum but for "unlimited"): SPARQL queries
# by GET are long; longer ones go by POST.
REQUEST_LINE = 8190


class Worker(ThreadWorker):
    """gunicorn's threaded worker, answering a too long request line or header with the app's
    JSON error shape instead of gunicorn's HTML page."""

    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, LimitRequestLine):
            status, reason, code = 414, "URI Too Long", "uri_too_long"
            message = (f"the request line is longer than {self.cfg.limit_request_line} bytes; send a long "
                       "query by POST (application/sparql-query or a form)")
        elif isinstance(exc, LimitRequestHeaders):
            status, reason, code = 431, "Request Header Fields Too Large", "headers_too_large"
            message = f"the request's headers are too large: {exc}"
        else:
            return super().handle_error(req, client, addr, exc)
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
        head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
        try:
            util.write_nonblock(client, head + body)
        except Exception:
            self.log.debug("Failed to send error message.")


class _Server(BaseApplication):
    def __init__(self, options: dict, app_config: dict):
        self.options = options
        self.app_config = app_config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        return create_app(self.app_config)


def run(store: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 2, threads: int = 4,
        timeout: int = 60, on_ready: Callable[[list[tuple]], None] | None = None,
        access_log: str | None = "-", query_timeout: float | None = None,
        query_processes: int | None = None) -> None:
    """Serve until stopped. `on_ready` hears the bound addresses once the sockets listen (port 0
    binds a free port); `access_log` is a file, "-" for standard output, None for standard error.
    `query_timeout` (seconds) and `query_processes` (per worker; default: `threads`) set the
    query pool's, else the app's defaults (KG_QUERY_TIMEOUT…) hold."""
    os.environ["KG_STORE"] = str(store)
    options = {"bind": f"{'[' + host + ']' if ':' in host else host}:{port}", "workers": workers, "threads": threads,
               "worker_class": Worker, "timeout": timeout, "accesslog": access_log or "/dev/stderr",
               "errorlog": "-", "loglevel": "info", "limit_request_line": REQUEST_LINE}
    if on_ready is not None:
        options["when_ready"] = lambda arbiter: on_ready([listener.getsockname() for listener in arbiter.LISTENERS])
    config = {"STORE": store, "QUERY_PROCESSES": query_processes or int(os.environ.get("KG_QUERY_PROCESSES", threads))}
    if query_timeout is not None:
        config["QUERY_TIMEOUT"] = query_timeout
    _Server(options, config).run()
