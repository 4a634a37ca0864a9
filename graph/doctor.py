"""`kg doctor`: what newskg would use — the spaCy pipeline, the store, the settings and the
package versions — and what stands in the way, each problem with what to do about it.

Nothing is loaded that need not be: the pipeline is described from its meta.json (no spaCy
model is loaded), the store is opened read-only.
"""
from __future__ import annotations

import json
import os
import platform
from importlib import metadata, util
from pathlib import Path

from .pipeline import stats
from .sandbox import probe
from .store import Store, StoreError, is_remote, published_version

ENV_VARS = ("KG_STORE", "KG_BASE", "KG_MODEL")
PACKAGES = ("newskg", "spacy", "pyoxigraph", "Flask", "gunicorn", "rdflib", "networkx", "matplotlib", "click", "tqdm")


def report(store_path: str, base: str | None, model: str | None) -> dict:
    problems: list[str] = []
    found = {
        "model": describe_model(model, problems),
        "store": describe_store(store_path, base, problems),
        "query_processes": describe_sandbox(store_path),
        "settings": {name: os.environ.get(name) for name in ENV_VARS},
        "packages": {"python": platform.python_version(), **{p: _version(p) for p in PACKAGES}},
    }
    found["problems"] = problems
    return found


def describe_sandbox(store_path: str) -> dict:
    """Whether the processes that evaluate SPARQL queries can open network connections."""
    if is_remote(store_path):
        return {"network": "open", "why": "the store is a SPARQL server, which the query processes must reach; "
                                          "SERVICE is refused on the parsed query"}
    why = probe()
    if why is None:
        return {"network": "blocked", "why": "a seccomp filter denies them every socket but local ones"}
    return {"network": "open", "why": f"{why}; SERVICE is still refused on the parsed query"}


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def describe_model(model: str | None, problems: list[str]) -> dict:
    # here, not above: it imports spaCy (a second), which `kg doctor` needs only to describe the pipeline
    from .extract.nlp import DEFAULT_MODEL, model_name

    name = model_name(model)
    source = "--model" if model and model != os.environ.get("KG_MODEL") else \
        "KG_MODEL" if os.environ.get("KG_MODEL") else "newskg's default"
    out: dict = {"name": None, "version": None, "components": [], "path": None, "requested": name, "source": source}
    path = Path(name)
    if not path.exists():
        spec = util.find_spec(name) if name.isidentifier() else None
        path = Path(spec.origin).parent if spec and spec.origin else None
    meta_file = _meta_file(path) if path else None
    if meta_file is None:
        if name == str(DEFAULT_MODEL):
            advice = "rebuild it with `kg train`, or set KG_MODEL to an installed spaCy pipeline or a pipeline folder"
        elif os.sep in name or name.startswith("."):
            advice = ("no pipeline folder (config.cfg and meta.json) there: train one with "
                      f"`kg train --output {name}`, point KG_MODEL at another folder, or unset KG_MODEL for the "
                      "default")
        else:
            advice = (f"not an installed package: install it (`pip install {name}`), point KG_MODEL at a pipeline "
                      "folder, or unset KG_MODEL for the default")
        problems.append(f"no spaCy pipeline at {name!r}: {advice}")
        return out
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    components = list(meta.get("pipeline") or meta.get("components") or [])
    # what graph/extract/nlp.py adds when it loads the pipeline
    added = ["newskg_paragraphs"] + ([] if {"parser", "senter"} & set(components) else ["sentencizer"]) + \
        ["newskg_entities"]
    out.update(name=f"{meta.get('lang', '?')}_{meta.get('name', '?')}", version=meta.get("version"),
               components=components, added_by_newskg=added, path=str(meta_file.parent.resolve()),
               spacy_version=meta.get("spacy_version"))
    if "ner" not in components:
        problems.append(f"the spaCy pipeline at {out['path']} has no 'ner' component: newskg needs one "
                        "(train one with `kg train`)")
    return out


def _meta_file(path: Path) -> Path | None:
    """A pipeline folder's meta.json, or an installed package's (it sits in a versioned subfolder)."""
    if (path / "meta.json").is_file() and (path / "config.cfg").is_file():
        return path / "meta.json"
    for sub in sorted(path.glob("*/meta.json")):
        if (sub.parent / "config.cfg").is_file():
            return sub
    return None


def describe_store(store_path: str, base: str | None, problems: list[str]) -> dict:
    root = Path(store_path)
    out: dict = {"path": str(root.resolve()), "exists": False}
    version = published_version(root)
    if version is None:
        problems.append(f"no graph at {root} yet: build one with `kg build PATH... --store {root}` "
                        "(or set KG_STORE to the folder of a built store)")
        return out
    try:
        store = Store(root)
    except StoreError as e:
        problems.append(str(e))
        return out
    out.update(exists=True, base=store.vocab.base, version=version, bytes=_size(root / version),
               counts=stats(store))
    if base and base.rstrip("/") != store.vocab.base.rstrip("/"):
        problems.append(f"KG_BASE/--base is {base} but the store was built with {store.vocab.base}; the store's "
                        "own base is used (unset KG_BASE, or build a new store)")
    return out


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
