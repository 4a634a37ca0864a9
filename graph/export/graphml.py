"""GraphML for Gephi, yEd, networkx, igraph and graphology: keys with explicit types and
readable names, node ids that are XML name tokens (the IRI is the `iri` attribute), a `label`
on every node and a `weight` on every edge.

A graph holding both kinds of edge is written directed, co-mentions told apart by `kind` =
"comention": networkx refuses an edge with directed="false" in a directed graph, and igraph
and graphology ignore the attribute, so a mixed graph would not survive. A graph of
co-mentions only is written undirected. GEXF carries mixed graphs (see gexf.py).
"""
from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree as ET

from ..view import GraphView, xml_id

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
NODE_KEYS = [("label", "string"), ("type", "string"), ("iri", "string"), ("mentions", "int"),
             ("documents", "int"), ("aliases", "string"), ("titles", "string")]
EDGE_KEYS = [("label", "string"), ("kind", "string"), ("predicate", "string"), ("weight", "double"),
             ("evidence", "int"), ("articles", "int")]


def edge_default(view: GraphView) -> str:
    return "undirected" if view.edges and all(e.kind == "comention" for e in view.edges) else "directed"


def write(view: GraphView, out, tick: Callable[[int], None] | None = None, description: str | None = None) -> dict:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{NS}}}graphml", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    for name, typ in NODE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": typ})
    for name, typ in EDGE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "newskg", "edgedefault": edge_default(view)})
    if description:
        ET.SubElement(graph, f"{{{NS}}}desc").text = description
    for n in view.nodes.values():
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": xml_id(n.id)})
        values = {"label": n.label, "type": n.type, "iri": n.iri, "mentions": n.mentions, "documents": n.documents,
                  "aliases": "; ".join(n.aliases), "titles": "; ".join(n.titles)}
        for name, _ in NODE_KEYS:
            ET.SubElement(node, f"{{{NS}}}data", {"key": f"n_{name}"}).text = str(values[name])
        if tick:
            tick(1)
    for i, e in enumerate(view.edges):
        edge = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{i}", "source": xml_id(e.source),
                                                      "target": xml_id(e.target)})
        values = {"label": ";".join(e.predicates), "kind": e.kind, "predicate": ";".join(e.predicates),
                  "weight": float(e.weight), "evidence": e.evidence, "articles": e.articles}
        for name, _ in EDGE_KEYS:
            ET.SubElement(edge, f"{{{NS}}}data", {"key": f"e_{name}"}).text = str(values[name])
        if tick:
            tick(1)
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return counts(view)


def counts(view: GraphView) -> dict:
    relations = sum(e.kind == "relation" for e in view.edges)
    return {"nodes": len(view.nodes), "edges": len(view.edges), "relations": relations,
            "comentions": len(view.edges) - relations}
