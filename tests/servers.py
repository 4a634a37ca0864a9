"""How every test starts a server: `kg serve` as a separate process (the production gunicorn
server, not a test client) on a free loopback port, which it picks itself and names on its
first line of output (`--port 0 --json`), so no port is guessed and nothing is polled. The W3C
runner (tests/w3c/runner.py) uses it too, in and outside pytest; so this module needs no other
of the tests'."""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "newskg"]


@contextmanager
def serving(store: Path, *options: str, env: dict | None = None, log: Path | None = None):
    """`kg serve --port 0 --json` over `store` with `options`; yields (base URL, the process).
    The access and error logs go to `log` (default: server.log beside the store)."""
    log = log or Path(store).parent / "server.log"
    with open(log, "w") as err:
        proc = subprocess.Popen([*KG, "--store", str(store), "serve", "--port", "0", "--json", *options],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True,
                                env={**os.environ, **(env or {})})
        try:
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            line = proc.stdout.readline() if ready else ""
            if not line:
                proc.kill()
                raise RuntimeError(f"kg serve did not start within 60 s:\n{log.read_text()}")
            yield f"http://127.0.0.1:{json.loads(line)['port']}", proc
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def descendants(pid: int) -> set[int]:
    """The processes under `pid` (Linux /proc), at any depth."""
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                children = {int(c) for c in (task / "children").read_text().split()}
            except (FileNotFoundError, ProcessLookupError):
                continue
            todo += children - found
            found |= children
    return found


def wait_for(predicate, seconds: float = 10.0, every: float = 0.1):
    """Poll `predicate` until it returns something true (returned) or `seconds` pass (None)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    return None
