"""Exporters: one module per format, each a function from the graph to a file."""
from __future__ import annotations

import sys

import pyoxigraph as ox

from ..store import Store

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


def export(store: Store, fmt: str, output: str) -> dict:
    """Write the store's graph to `output` ('-' is standard output); returns counts."""
    out = sys.stdout.buffer if output == "-" else open(output, "wb")
    try:
        if fmt in RDF_FORMATS:
            store.dump(RDF_FORMATS[fmt], out)
            return {"quads": len(store)}
        from . import view as graph_view
        view = graph_view.load(store)
        if fmt == "graphml":
            from . import graphml
            return graphml.write(view, out)
        if fmt == "gexf":
            from . import gexf
            return gexf.write(view, out)
        raise ValueError(f"unknown export format {fmt!r}; choose one of "
                         f"{', '.join(['graphml', 'gexf', *RDF_FORMATS])}")
    finally:
        if out is not sys.stdout.buffer:
            out.close()
