"""`kg serve`: the app under gunicorn, a production WSGI server (processes × threads).

Each worker process opens the store read-only, so builds can publish new versions while
the server answers; each has its own pool of query processes (api/query_processes.py), as many
as its threads unless told otherwise, so that no query waits for one, started with the worker
(a first query would otherwise wait for them).

A request is read whole — request line, headers and body — by the worker's event loop before
a thread is given to it, within KG_HEADER_TIMEOUT seconds for the head (10) and KG_BODY_TIMEOUT
for the body (30), so that clients that send slowly, or send part of a request and nothing
more, hold no thread: with gunicorn's own threaded worker eight such connections stopped the
service."""
from __future__ import annotations

import json
import os
import secrets
import selectors
import time
from collections.abc import Callable
from functools import partial

from gunicorn import http, util
from gunicorn.app.base import BaseApplication
from gunicorn.http.errors import ExpectationFailed, LimitRequestHeaders, LimitRequestLine, ParseException
from gunicorn.workers.gthread import ThreadWorker

from . import create_app

# The longest request line gunicorn takes (its own maximum but for "unlimited"): SPARQL queries
# by GET are long; longer ones go by POST.
REQUEST_LINE = 8190


class Worker(ThreadWorker):
    """gunicorn's threaded worker, with requests read whole in the event loop before a thread
    takes them, and a too long request line or header answered in the app's JSON error shape
    instead of gunicorn's HTML page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.head_timeout = float(os.environ.get("KG_HEADER_TIMEOUT", "10"))
        self.body_timeout = float(os.environ.get("KG_BODY_TIMEOUT", "30"))
        self.max_body = int(os.environ.get("KG_MAX_BODY", str(2**20)))
        # past this many bytes without the headers' end the parser, in a thread, answers 414/431
        self.max_head = self.cfg.limit_request_line + self.cfg.limit_request_fields * (
            self.cfg.limit_request_field_size + 2) + 4
        self.reading: dict = {}  # connection -> deadline, while its request arrives
        self._swept = 0.0

    def enqueue_req(self, conn):
        """Give the connection to a thread once its request is all there; until then wait for
        it in the event loop."""
        if conn.is_http2 or self.cfg.is_ssl:
            return super().enqueue_req(conn)
        if conn.parser is None:  # made here rather than in the thread, to hold what arrives
            conn.parser = http.get_parser(self.cfg, conn.sock, conn.client)
        state = request_state(conn.parser.unreader.buf.getvalue(), self.max_body, self.max_head)
        if state == "complete":
            self.reading.pop(conn, None)
            conn.data_ready = True
            return super().enqueue_req(conn)
        if conn not in self.reading:
            self.reading[conn] = time.monotonic() + self.head_timeout
            conn.sock.setblocking(False)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._readable, conn))
        elif state == "body" and not getattr(conn, "body_deadline", False):
            conn.body_deadline = True
            self.reading[conn] = time.monotonic() + self.body_timeout
        return None

    def _readable(self, conn, sock):
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client is gone
            self._drop(conn)
            return
        buf = conn.parser.unreader.buf
        buf.seek(0, os.SEEK_END)
        buf.write(data)
        if request_state(buf.getvalue(), self.max_body, self.max_head) == "complete":
            self.poller.unregister(conn.sock)
            conn.sock.setblocking(True)
            self.enqueue_req(conn)
        else:
            self.enqueue_req(conn)  # moves the deadline on once the headers are in

    def _drop(self, conn, answer: bytes = b""):
        self.reading.pop(conn, None)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass
        if answer:
            try:
                conn.sock.send(answer)
            except OSError:
                pass
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        if now - self._swept < 0.25:
            return
        self._swept = now
        late = [conn for conn, deadline in self.reading.items() if deadline <= now]
        for conn in late:
            self._drop(conn, _error(408, "Request Timeout", "request_timeout",
                                    "the request did not arrive in time; send it whole"))

    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, LimitRequestLine):
            status, reason, code = 414, "URI Too Long", "uri_too_long"
            message = (f"the request line is longer than {self.cfg.limit_request_line} bytes; send a long "
                       "query by POST (application/sparql-query or a form)")
        elif isinstance(exc, LimitRequestHeaders):
            status, reason, code = 431, "Request Header Fields Too Large", "headers_too_large"
            message = f"the request's headers are too large: {exc}"
        elif isinstance(exc, ExpectationFailed):
            status, reason, code = 417, "Expectation Failed", "expectation_failed"
            message = f"the request's Expect header asks for what the server does not do: {exc}"
        elif isinstance(exc, ParseException):  # a NUL in a header, a bad request line, a bad chunk size...
            status, reason, code = 400, "Bad Request", "bad_request"
            message = f"the request is not valid HTTP/1.1: {exc}"
        else:
            return super().handle_error(req, client, addr, exc)
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, _error(status, reason, code, message))
        except Exception:
            self.log.debug("Failed to send error message.")


def _error(status: int, reason: str, code: str, message: str) -> bytes:
    """A whole HTTP response in the app's JSON error shape, for the server's own refusals."""
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
    return head + body


def request_state(data: bytes, max_body: int, max_head: int) -> str:
    """How much of the request at the start of `data` has arrived: "head" (not all its headers),
    "body" (not all its body) or "complete". A request the parser will refuse anyway — headers
    or a body over the limits, a malformed length — counts as complete, so that the refusal is
    sent at once."""
    end = data.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = data.find(b"\n\n"), 2
    if end < 0:
        return "complete" if len(data) > max_head else "head"
    length, chunked = None, False
    for line in data[:end].split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return "complete"
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    body = data[end + sep:]
    if chunked:
        return _chunked_state(body, max_body)
    if length is None or length > max_body or len(body) >= length:
        return "complete"
    return "body"


def _chunked_state(body: bytes, max_body: int) -> str:
    at, total = 0, 0
    while True:
        line_end = body.find(b"\r\n", at)
        if line_end < 0:
            return "complete" if len(body) - at > 1024 else "body"
        try:
            size = int(body[at:line_end].split(b";", 1)[0].strip() or b"x", 16)
        except ValueError:
            return "complete"  # the parser refuses it
        total += size
        if total > max_body:
            return "complete"  # answered 413
        if size == 0:  # the last chunk: then trailers, ended by an empty line
            rest = body[line_end + 2:]
            return "complete" if rest.startswith(b"\r\n") or b"\r\n\r\n" in rest else "body"
        at = line_end + 2 + size + 2
        if at > len(body):
            return "body"


class _Server(BaseApplication):
    def __init__(self, options: dict, app_config: dict):
        self.options = options
        self.app_config = app_config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app(self.app_config)


def _start_query_processes(worker) -> None:
    worker.wsgi.extensions["newskg.queries"].start()


def run(store: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 2, threads: int = 4,
        timeout: int = 60, on_ready: Callable[[list[tuple]], None] | None = None,
        access_log: str | None = "-", query_timeout: float | None = None,
        query_processes: int | None = None) -> None:
    """Serve until stopped. `on_ready` hears the bound addresses once the sockets listen (port 0
    binds a free port); `access_log` is a file, "-" for standard output, None for standard error.
    `query_timeout` (seconds) and `query_processes` (per worker; default: `threads`) set the
    query pool's, else the app's defaults (KG_QUERY_TIMEOUT…) hold."""
    os.environ["KG_STORE"] = str(store)
    # one key for every worker process, so that a cursor one gave out is good at any other
    os.environ.setdefault("KG_SECRET_KEY", secrets.token_hex(32))
    options = {"bind": f"{'[' + host + ']' if ':' in host else host}:{port}", "workers": workers, "threads": threads,
               "worker_class": Worker, "timeout": timeout, "accesslog": access_log or "/dev/stderr",
               "errorlog": "-", "loglevel": "info", "limit_request_line": REQUEST_LINE,
               "post_worker_init": _start_query_processes}
    if on_ready is not None:
        options["when_ready"] = lambda arbiter: on_ready([listener.getsockname() for listener in arbiter.LISTENERS])
    config = {"STORE": store, "QUERY_PROCESSES": query_processes or int(os.environ.get("KG_QUERY_PROCESSES", threads))}
    if query_timeout is not None:
        config["QUERY_TIMEOUT"] = query_timeout
    _Server(options, config).run()
