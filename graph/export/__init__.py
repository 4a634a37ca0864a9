"""Exporters: one module per format, each a function from the graph to a file.

Graph formats (GraphML, GEXF, PNG, SVG) are written from the graph view, cut by filters
(filters.py); RDF formats are the whole dataset, as stored — a subset of the RDF is a
SPARQL CONSTRUCT (`kg query`), so filters are refused for them rather than half applied.
"""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable

import pyoxigraph as ox

from .. import view as graph_view
from ..rdf import with_implied
from ..store import Store
from .filters import ExportFilter, FilterError, apply, articles_in_range, find_entity

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
GRAPH_FORMATS = ("graphml", "gexf")
IMAGE_FORMATS = ("png", "svg")
FORMATS = (*GRAPH_FORMATS, *IMAGE_FORMATS, *RDF_FORMATS)
EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf", ".png": "png", ".svg": "svg", ".ttl": "turtle",
              ".turtle": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".jsonld": "jsonld"}

# progress(description, total or None, unit) -> a function called with each step's size
Progress = Callable[[str, "int | None", str], Callable[[int], None]]


def _quiet(description: str, total: int | None, unit: str) -> Callable[[int], None]:
    return lambda n: None


def format_of(path: str) -> str | None:
    """The format a file name's extension names, if any."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def export(store: Store, fmt: str, output: str, filters: ExportFilter | None = None,
           progress: Progress | None = None, labels: int = 20, max_nodes: int = 300) -> dict:
    """Write the store's graph to `output` ('-' is standard output); returns what was written.

    The file appears whole or not at all: it is written beside the target and renamed."""
    if fmt not in FORMATS:
        raise FilterError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    filters = filters or ExportFilter()
    progress = progress or _quiet
    summary: dict = {"format": fmt}
    if fmt in RDF_FORMATS:
        if filters.active:
            raise FilterError(f"filters apply to {', '.join(GRAPH_FORMATS + IMAGE_FORMATS)}; a {fmt} export is the "
                              "whole dataset (for part of it, run a CONSTRUCT query with `kg query`)")

        def write(out):
            return _rdf(store, RDF_FORMATS[fmt], out, progress)
    else:
        view, filters = _view(store, filters, summary)
        graph_format = fmt in GRAPH_FORMATS
        tick = progress(f"writing {fmt}", len(view.nodes) + len(view.edges) if graph_format else 3,
                        "item" if graph_format else "step")

        def write(out):
            return _write_view(view, fmt, out, tick, filters.describe() or None, labels, max_nodes)
    if output == "-":
        summary.update(write(sys.stdout.buffer))
        sys.stdout.buffer.flush()
    else:
        summary.update(_atomically(output, write))
        summary["output"] = output
    if filters.active:
        summary["filters"] = filters.as_dict()
    return summary


def _write_view(view, fmt: str, out, tick, description: str | None, labels: int, max_nodes: int) -> dict:
    if fmt == "graphml":
        from . import graphml
        return graphml.write(view, out, tick, description)
    if fmt == "gexf":
        from . import gexf
        return gexf.write(view, out, tick, description)
    from . import image
    return image.write(view, out, fmt, labels, max_nodes, tick, description)


def _view(store: Store, filters: ExportFilter, summary: dict):
    """The filtered view, and the filters with the ego entity's id for the name given."""
    if filters.dated:
        chosen, summary["articles"] = articles_in_range(store, filters.since, filters.until)
        view = graph_view.load(store, chosen)
    else:
        view = graph_view.load(store)
    if filters.ego is not None:
        filters = replace(filters, ego=find_entity(view, filters.ego, store.vocab.base))
    return apply(view, filters), filters


def _atomically(output: str, write: Callable) -> dict:
    target = Path(output)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as out:
            result = write(out)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


class _Counting:
    """A binary stream that reports the bytes written through it."""

    def __init__(self, out, tick: Callable[[int], None]):
        self.out, self.tick = out, tick

    def write(self, data) -> int:
        self.tick(len(data))
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()


def _rdf(store: Store, fmt: ox.RdfFormat, out, progress: Progress) -> dict:
    # each article's graph with what it implies written out, for readers of the whole contract
    store.dump(fmt, _Counting(out, progress(f"writing {fmt.name}", None, "B")),
               transform=lambda quads: with_implied(quads, store.vocab))
    return {"quads": len(store)}
