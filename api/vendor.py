"""Front-end libraries under /static/vendor/<package path>, straight from web/node_modules.

`make setup` installs them with `npm ci --prefix web` (versions pinned by
web/package-lock.json); nothing is fetched from a CDN and no third-party file is copied into
the repository. Only the files listed here are served, so no request can reach anything else
on disk. Without node_modules the pages still load and say to run `make setup`.
The folder is web/node_modules beside the package (an editable install, as `make setup`
does), or the app's WEB_MODULES setting, or KG_WEB_MODULES.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, current_app, send_file

from .errors import APIError

bp = Blueprint("vendor", __name__, url_prefix="/static/vendor")

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "web" / "node_modules"

# URL path under /static/vendor/ (the path inside node_modules) -> media type
FILES = {
    "cytoscape/dist/cytoscape.min.js": "text/javascript",
    "@zazuko/yasgui/build/yasgui.min.js": "text/javascript",
    "@zazuko/yasgui/build/yasgui.min.css": "text/css",
}


def modules_dir() -> Path:
    return Path(current_app.config.get("WEB_MODULES") or os.environ.get("KG_WEB_MODULES") or DEFAULT_DIR)


def available() -> bool:
    """Whether every vendored file is installed (the pages load them only then)."""
    root = modules_dir()
    return all((root / name).is_file() for name in FILES)


@bp.get("/<path:name>")
def asset(name: str):
    if name not in FILES:
        raise APIError(404, f"no vendor file {name[:100]!r}; served: {', '.join(FILES)}")
    path = modules_dir() / name
    if not path.is_file():
        raise APIError(404, f"{name} is not installed: run `make setup` (npm ci --prefix web)", "not_installed")
    return send_file(path, mimetype=FILES[name], max_age=3600)
