"""The news corpus of ../shared as `kg build` reads it, in parts and repeated with distinct ids.

The corpus is read from ../shared and never copied into the project: the JSON Lines files
`kg build` is given are written to a temporary folder and removed at exit.
"""
from __future__ import annotations

import atexit
import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path

from newskg.graph import ingest
from newskg.graph.records import Article

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "news" / "wikinews_en_2019_2020" / "wikinews_en_2019_2020.jsonl.gz"
_TMP: Path | None = None


def tmp() -> Path:
    """A scratch folder outside the project, removed at exit."""
    global _TMP
    if _TMP is None:
        _TMP = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
        atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
    return _TMP


def records() -> list[dict]:
    if not CORPUS.exists():
        raise SystemExit(f"the news corpus is missing at {CORPUS}: the benchmarks need ../shared beside the clone "
                         "(or KG_SHARED)")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write(name: str, recs: list[dict], copies: int = 1) -> Path:
    """A JSON Lines file of `recs`, `copies` times over (copy k > 1 has ids prefixed `copyk/`)."""
    path = tmp() / f"{name}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for k in range(1, copies + 1):
            for r in recs:
                f.write(json.dumps({**r, "id": r["id"] if k == 1 else f"copy{k}/{r['id']}"}, ensure_ascii=False) + "\n")
    return path


def articles(path: Path) -> list[Article]:
    items = list(ingest.read([path]))
    skipped = [i for i in items if isinstance(i, ingest.Skipped)]
    if skipped:
        raise SystemExit(f"the corpus did not read cleanly: {skipped[:3]}")
    return items


def words(arts: list[Article]) -> int:
    return sum(len(a.text.split()) for a in arts)
