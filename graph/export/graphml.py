"""GraphML for Gephi, yEd, networkx and igraph: typed keys and every attribute Gephi can
filter on. Edges are written directed (networkx and igraph cannot read mixed graphs);
co-mentions are told apart by `kind` = "comention" — GEXF carries them as undirected."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from .view import GraphView

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = [("label", "string"), ("type", "string"), ("iri", "string"), ("mentions", "int"),
             ("documents", "int"), ("aliases", "string"), ("titles", "string")]
EDGE_KEYS = [("kind", "string"), ("predicate", "string"), ("weight", "double"), ("evidence", "int"),
             ("articles", "int")]


def write(view: GraphView, out) -> dict:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for name, typ in NODE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": typ})
    for name, typ in EDGE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "newskg", "edgedefault": "directed"})
    for n in view.nodes.values():
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": n.id})
        values = {"label": n.label, "type": n.type, "iri": n.iri, "mentions": n.mentions, "documents": n.documents,
                  "aliases": "; ".join(n.aliases), "titles": "; ".join(n.titles)}
        for name, _ in NODE_KEYS:
            ET.SubElement(node, f"{{{NS}}}data", {"key": f"n_{name}"}).text = str(values[name])
    for i, e in enumerate(view.edges):
        attrs = {"id": f"e{i}", "source": e.source, "target": e.target}
        edge = ET.SubElement(graph, f"{{{NS}}}edge", attrs)
        values = {"kind": e.kind, "predicate": ";".join(e.predicates), "weight": float(e.weight),
                  "evidence": e.evidence, "articles": e.articles}
        for name, _ in EDGE_KEYS:
            ET.SubElement(edge, f"{{{NS}}}data", {"key": f"e_{name}"}).text = str(values[name])
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return {"nodes": len(view.nodes), "edges": len(view.edges)}
