"""GEXF 1.3 for Gephi: attributes as in GraphML, plus `viz` colour by type and size by
mentions, so the graph looks like something as soon as it is opened.

Relations are directed edges and co-mentions undirected ones, in one mixed graph (Gephi and
graphology read it; networkx's GEXF reader refuses mixed graphs — an export of one kind of
edge is a plain directed or undirected graph it reads). Each edge has its GEXF 1.3 `kind`,
so Gephi keeps a relation and a co-mention of the same pair as two edges; there is one edge
per pair and kind, its predicates and counts as attributes.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from xml.etree import ElementTree as ET

from .graphml import counts, edge_default
from ..view import OTHER_COLOUR, TYPE_COLOURS, GraphView, xml_id

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://gexf.net/1.3/gexf.xsd"
NODE_ATTRS = [("type", "string"), ("iri", "string"), ("mentions", "integer"), ("documents", "integer"),
              ("aliases", "string"), ("titles", "string")]
EDGE_ATTRS = [("kind", "string"), ("predicate", "string"), ("evidence", "integer"), ("articles", "integer")]


def node_size(mentions: int) -> float:
    return round(4 + 4 * math.log1p(mentions), 2)


def write(view: GraphView, out, tick: Callable[[int], None] | None = None, description: str | None = None) -> dict:
    ET.register_namespace("", NS)
    ET.register_namespace("viz", VIZ)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.3", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "newskg"
    ET.SubElement(meta, f"{{{NS}}}description").text = "Entities of news articles, their relations and co-mentions" \
        + (f" ({description})" if description else "")
    default = edge_default(view)
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"mode": "static", "defaultedgetype": default})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls})
        for name, typ in attrs:
            ET.SubElement(block, f"{{{NS}}}attribute", {"id": name, "title": name, "type": typ})
    nodes = ET.SubElement(graph, f"{{{NS}}}nodes", {"count": str(len(view.nodes))})
    for n in view.nodes.values():
        node = ET.SubElement(nodes, f"{{{NS}}}node", {"id": xml_id(n.id), "label": n.label})
        values = ET.SubElement(node, f"{{{NS}}}attvalues")
        row = {"type": n.type, "iri": n.iri, "mentions": n.mentions, "documents": n.documents,
               "aliases": "; ".join(n.aliases), "titles": "; ".join(n.titles)}
        for name, _ in NODE_ATTRS:
            ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": str(row[name])})
        r, g, b = TYPE_COLOURS.get(n.type, OTHER_COLOUR)
        ET.SubElement(node, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        ET.SubElement(node, f"{{{VIZ}}}size", {"value": f"{node_size(n.mentions):.2f}"})
        if tick:
            tick(1)
    edges = ET.SubElement(graph, f"{{{NS}}}edges", {"count": str(len(view.edges))})
    for i, e in enumerate(view.edges):
        attrs = {"id": f"e{i}", "source": xml_id(e.source), "target": xml_id(e.target), "kind": e.kind,
                 "weight": f"{float(e.weight)}", "label": ";".join(e.predicates)}
        direction = "directed" if e.directed else "undirected"
        if direction != default:
            attrs["type"] = direction
        edge = ET.SubElement(edges, f"{{{NS}}}edge", attrs)
        values = ET.SubElement(edge, f"{{{NS}}}attvalues")
        row = {"kind": e.kind, "predicate": ";".join(e.predicates), "evidence": e.evidence, "articles": e.articles}
        for name, _ in EDGE_ATTRS:
            ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": str(row[name])})
        if tick:
            tick(1)
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return counts(view)
