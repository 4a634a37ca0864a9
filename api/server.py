"""`kg serve`: the app under gunicorn, a production WSGI server (processes × threads).

Each worker process opens the store read-only, so builds can publish new versions while
the server answers."""
from __future__ import annotations

import os
from typing import Callable

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict, store: str):
        self.options = options
        self.store = store
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        return create_app({"STORE": self.store})


def run(store: str, host: str = "127.0.0.1", port: int = 8000, workers: int = 2, threads: int = 4,
        timeout: int = 60, on_ready: Callable[[list[tuple]], None] | None = None,
        access_log: str | None = "-") -> None:
    """Serve until stopped. `on_ready` hears the bound addresses once the sockets listen (port 0
    binds a free port); `access_log` is a file, "-" for standard output, None for standard error."""
    os.environ["KG_STORE"] = str(store)
    options = {"bind": f"{'[' + host + ']' if ':' in host else host}:{port}", "workers": workers, "threads": threads,
               "worker_class": "gthread", "timeout": timeout, "accesslog": access_log or "/dev/stderr",
               "errorlog": "-", "loglevel": "info"}
    if on_ready is not None:
        options["when_ready"] = lambda arbiter: on_ready([listener.getsockname() for listener in arbiter.LISTENERS])
    _Server(options, store).run()
