"""SPARQL queries evaluated in child processes, so that one running too long can be stopped.

Oxigraph cannot cancel a query in process, but a process can be killed. A QueryPool keeps a
few children, started with it and forked from multiprocessing's fork server (a clean,
single-threaded process that has imported pyoxigraph and this module), never from the
threaded web worker. Each child opens the store read-only itself and follows its published
version (CURRENT) as the web worker does. A job is a query, its dataset, the media type to
write each kind of result in and the row cap; the child evaluates the query *and* writes the
response body — pyoxigraph's results are lazy, reading them is the evaluation — so all of a
query's cost falls under the timeout. A child that overruns is killed (SIGKILL) and replaced
by a new one, which costs a few milliseconds; the answer comes within some 30 ms of the limit.
The price is two process switches per query: about 0.3 ms, and on two cores some 30% fewer
trivial queries a second at saturation (measured with wrk: ~1,200 → ~820 req/s).

A store on a SPARQL server (`sparql+http://…`) goes through the pool the same way: the child's
HTTP client waits at most the timeout, and killing the child drops the connection.
"""
from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.spawn
import os
import queue
import signal
import sys
import threading
import time
import weakref
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import sparql as sq
from .sandbox import deny_network
from .store import StoreError, is_remote, open_store

KINDS = ("refused", "syntax", "failed", "too_many", "no_store", "not_acceptable", "timeout", "busy", "crashed")


class QueryError(Exception):
    """A query that got no result; `kind` is one of KINDS."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Job:
    text: str
    # the media type to write each kind of result in ("solutions" — booleans too — and "graph");
    # None: the client accepts none of them
    media_types: dict = field(default_factory=dict)
    max_rows: int = 10_000
    max_bytes: int = 16 * 2**20
    # the request's dataset (default graph IRIs, named graph IRIs), replacing the query's own
    dataset: tuple[list[str], list[str]] | None = None


CHILD_NAME = "newskg-query"


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


# multiprocessing makes every child import the parent's main module again (as __mp_main__): a
# script, a test runner, or nothing importable at all (python - < file). A query process needs
# none of it: it runs this module's code only.
_preparation_data = multiprocessing.spawn.get_preparation_data


def _without_main(name):
    data = _preparation_data(name)
    if name == CHILD_NAME:
        data.pop("init_main_from_name", None)
        data.pop("init_main_from_path", None)
    return data


multiprocessing.spawn.get_preparation_data = _without_main


class QueryPool:
    """`size` children evaluating queries on the store at `location`, each at most `timeout` seconds."""

    def __init__(self, location: str, base: str | None = None, size: int = 4, timeout: float = 10.0):
        if size < 1:
            raise ValueError("a query pool needs at least one process")
        if not timeout > 0:
            raise ValueError("the query timeout must be a positive number of seconds")
        self.location = str(location)
        self.base = base
        self.size = size
        self.timeout = float(timeout)
        self._ctx = _context()
        self._idle: queue.LifoQueue = queue.LifoQueue()  # the last used first: its store is open and warm
        self._children: set = set()
        self._lock = threading.Lock()
        self._closed = False
        self._started = threading.Event()
        _POOLS.add(self)
        # started now, beside the web worker's own start (a first query waits for one)
        threading.Thread(target=self._fill, name="newskg-query-start", daemon=True).start()

    def _fill(self) -> None:
        try:
            for _ in range(self.size):
                if self._closed:
                    return
                self._idle.put(self._start())
        finally:
            self._started.set()

    def ready(self, timeout: float | None = None) -> bool:
        """Wait until every process of the pool has started."""
        return self._started.wait(timeout)

    def _start(self) -> _Child:
        parent, child = self._ctx.Pipe()
        http_timeout = self.timeout + 5 if is_remote(self.location) else None
        process = self._ctx.Process(target=_serve, args=(child, self.location, self.base, http_timeout),
                                    name=CHILD_NAME, daemon=True)
        with _PROCESSES:
            process.start()
        child.close()
        started = _Child(process, parent)
        with self._lock:
            self._children.add(started)
            closed = self._closed
        if closed:  # closed while this one started
            self._discard(started)
        return started

    def _discard(self, child: _Child) -> None:
        child.kill()
        with self._lock:
            self._children.discard(child)

    def run(self, job: Job) -> tuple[bytes, str]:
        """The response body and its media type; QueryError when there is none."""
        deadline = time.monotonic() + self.timeout
        for _ in range(2):
            child = self._acquire(deadline)
            try:
                child.conn.send(job)
            except (OSError, ValueError):  # it died while idle (killed from outside): use another
                self._replace(child)
                continue
            break
        else:
            raise QueryError("crashed", "the query processes keep dying; see the server's log")
        try:
            if not child.conn.poll(max(0.0, deadline - time.monotonic())):
                overrun, child = child, None
                self._replace(overrun)
                raise QueryError("timeout", f"the query was stopped after {self.timeout:g} s, the limit "
                                            "(KG_QUERY_TIMEOUT); narrow it or add a LIMIT")
            reply = child.conn.recv()
        except (EOFError, OSError):
            dead, child = child, None
            self._replace(dead)
            raise QueryError("crashed", "the process evaluating the query died (out of memory?); "
                                        "narrow the query") from None
        finally:
            if child is not None:
                self._idle.put(child)
        if reply[0] == "ok":
            return reply[1], reply[2]
        raise QueryError(reply[1], reply[2])

    def _acquire(self, deadline: float) -> _Child:
        if self._closed:
            raise QueryError("busy", "the query pool is closed: the server is stopping")
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise QueryError("busy", f"every query process stayed busy for {self.timeout:g} s; "
                                     "try again later") from None

    def _replace(self, child: _Child) -> None:
        self._discard(child)
        if not self._closed:
            self._idle.put(self._start())

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(c.process.pid for c in self._children)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            children = list(self._children)
            self._children.clear()
        for child in children:
            child.kill()


class _Child:
    def __init__(self, process, conn):
        self.process = process
        self.conn = conn

    def kill(self) -> None:
        try:
            with _PROCESSES:
                self.process.kill()
                self.process.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        self.conn.close()


# multiprocessing's bookkeeping of children is not thread-safe: starts and joins one at a time
_PROCESSES = threading.Lock()
_POOLS: weakref.WeakSet[QueryPool] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for pool in list(_POOLS):
        pool.close()


# -- the child ----------------------------------------------------------------------------------------
def _serve(conn, location: str, base: str | None, http_timeout: float | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ^C stops the server, which stops its children
    _die_with_parent()
    kwargs = {"timeout": http_timeout} if http_timeout else {}
    store = None

    def current():
        nonlocal store
        if store is None or store.changed():
            store = None  # close the old version before opening the new one
            store = open_store(location, base=base, **kwargs)
        return store

    try:
        current()  # open it now, not on the first query
    except StoreError:
        pass
    # The second wall: a query process of an embedded store has no use for the network. (One
    # of a SPARQL-server store must reach that server; the parse-tree check is its only wall.)
    sandboxed = False
    if not is_remote(location):
        why = deny_network()
        sandboxed = why is None
        if why:
            print(f"newskg: query processes can open network connections here: {why}", file=sys.stderr, flush=True)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            opened = current()
        except StoreError as e:  # no store there (yet), or the server is unreachable
            reply = ("error", "no_store", str(e))
        else:
            reply = _reply(opened, job, sandboxed)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def _reply(store, job: Job, sandboxed: bool = False) -> tuple:
    """("ok", body, media type) or ("error", kind, message)."""
    try:
        return ("ok", *_answer(store, job))
    except sq.Refused as e:
        return ("error", "refused", str(e))
    except sq.Unreadable as e:
        return ("error", *_unreadable(e, sandboxed))
    except sq.TooManyResults as e:
        return ("error", "too_many", str(e))
    except QueryError as e:
        return ("error", e.kind, e.message)
    except SyntaxError as e:
        return ("error", "syntax", str(e))
    except OSError as e:
        # the engine's input/output errors (a network error among them) say nothing a client may
        # know; the server's log keeps them
        print(f"newskg: query failed: {e}", file=sys.stderr, flush=True)
        return ("error", "failed", "the query could not be evaluated: an input/output error of the store "
                                   "(see the server's log)")
    except (ValueError, RuntimeError, TypeError) as e:  # a SPARQL server's error answer too
        return ("error", "failed", str(e))
    except MemoryError:
        return ("error", "failed", "the query needs more memory than the server has; narrow it")


def _unreadable(e: sq.Unreadable, sandboxed: bool) -> tuple[str, str]:
    """A query the safety check cannot read is malformed — then the engine's parser, whose
    messages are the better ones, says so — or uses a syntax only the engine reads, which is
    refused. Asking the engine evaluates the query (on an empty store), so it is only asked
    where the network is walled off."""
    if not sandboxed:
        return "syntax", str(e)
    try:
        ox.Store().query(e.text)
    except SyntaxError as engine:
        return "syntax", str(engine)
    except (OSError, RuntimeError, ValueError):
        pass
    return "refused", (f"{e}; the query uses a syntax that cannot be checked against SERVICE and is refused "
                       "(write it in plain SPARQL 1.1)")


def _answer(store, job: Job) -> tuple[bytes, str]:
    kwargs = {}
    if job.dataset is not None:
        default, named = job.dataset
        kwargs = {"default_graph": [ox.NamedNode(g) for g in default],
                  "named_graphs": [ox.NamedNode(g) for g in named]}
    result = sq.run_text(store, job.text, **kwargs)
    k = "graph" if sq.kind(result) == "graph" else "solutions"
    mt = job.media_types.get(k)
    if mt is None:
        raise QueryError("not_acceptable", k)
    return sq.write(result, mt, job.max_rows, job.max_bytes), mt


def _die_with_parent() -> None:
    """Be killed when the fork server exits, which it does when the web worker that started it
    is gone: a query nobody waits for must not run on (Linux; elsewhere the timeout's kill and
    the closed pipe stop it)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent was already gone
            os._exit(0)
    except (OSError, AttributeError):
        pass


__all__ = ["KINDS", "Job", "QueryError", "QueryPool"]
