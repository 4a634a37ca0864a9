"""GEXF 1.3 for Gephi: attributes as in GraphML, plus `viz` colour by type and size by
mentions, so the graph looks like something as soon as it is opened."""
from __future__ import annotations

import math
from xml.etree import ElementTree as ET

from .view import GraphView

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
COLOURS = {"PERSON": (31, 119, 180), "ORG": (214, 39, 40), "PLACE": (44, 160, 44), "EVENT": (255, 127, 14),
           "GROUP": (148, 103, 189)}
NODE_ATTRS = [("type", "string"), ("iri", "string"), ("mentions", "integer"), ("documents", "integer"),
              ("aliases", "string"), ("titles", "string")]
EDGE_ATTRS = [("kind", "string"), ("predicate", "string"), ("evidence", "integer"), ("articles", "integer")]


def write(view: GraphView, out) -> dict:
    ET.register_namespace("", NS)
    ET.register_namespace("viz", VIZ)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "newskg"
    ET.SubElement(meta, f"{{{NS}}}description").text = "Entities of news articles, their relations and co-mentions"
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"mode": "static", "defaultedgetype": "directed"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls})
        for name, typ in attrs:
            ET.SubElement(block, f"{{{NS}}}attribute", {"id": name, "title": name, "type": typ})
    nodes = ET.SubElement(graph, f"{{{NS}}}nodes")
    for n in view.nodes.values():
        node = ET.SubElement(nodes, f"{{{NS}}}node", {"id": n.id, "label": n.label})
        values = ET.SubElement(node, f"{{{NS}}}attvalues")
        row = {"type": n.type, "iri": n.iri, "mentions": n.mentions, "documents": n.documents,
               "aliases": "; ".join(n.aliases), "titles": "; ".join(n.titles)}
        for name, _ in NODE_ATTRS:
            ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": str(row[name])})
        r, g, b = COLOURS.get(n.type, (127, 127, 127))
        ET.SubElement(node, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        ET.SubElement(node, f"{{{VIZ}}}size", {"value": f"{4 + 4 * math.log1p(n.mentions):.2f}"})
    edges = ET.SubElement(graph, f"{{{NS}}}edges")
    for i, e in enumerate(view.edges):
        attrs = {"id": f"e{i}", "source": e.source, "target": e.target, "weight": f"{float(e.weight)}",
                 "label": ";".join(e.predicates)}
        attrs["type"] = "directed" if e.directed else "undirected"
        edge = ET.SubElement(edges, f"{{{NS}}}edge", attrs)
        values = ET.SubElement(edge, f"{{{NS}}}attvalues")
        row = {"kind": e.kind, "predicate": ";".join(e.predicates), "evidence": e.evidence, "articles": e.articles}
        for name, _ in EDGE_ATTRS:
            ET.SubElement(values, f"{{{NS}}}attvalue", {"for": name, "value": str(row[name])})
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return {"nodes": len(view.nodes), "edges": len(view.edges)}
