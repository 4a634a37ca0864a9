"""Exports for Gephi and graph tools, read back by independent readers: schema validation
(lxml, newskg's own GraphML and GEXF 1.3 schemas in tests/schemas), networkx, igraph and
graphology (node, tests/clients); filters checked against networkx's own subgraph and ego
functions; the pictures. On the hand-written world (tests/fixtures/graph)."""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import igraph
import networkx as nx
import pytest
from lxml import etree

from conftest import ROOT, kg
from fixture_graph import World

from newskg.graph.export import ExportFilter, FilterError, export
from newskg.graph.export.gexf import node_size
from newskg.graph.view import TYPE_COLOURS
from newskg.graph.store import Store

SCHEMAS = ROOT / "tests" / "schemas"
CLIENTS = ROOT / "tests" / "clients"
GML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
GRAPHML_TYPES = {"int": int, "long": int, "double": float, "float": float, "string": str,
                 "boolean": lambda v: {"true": True, "false": False}[v]}
GEXF_TYPES = {"integer": int, "long": int, "double": float, "float": float, "string": str,
              "boolean": lambda v: {"true": True, "false": False}[v]}


@pytest.fixture(scope="module")
def store(graph_store) -> Store:
    return Store(graph_store)


@pytest.fixture(scope="module")
def files(store, tmp_path_factory) -> dict[str, Path]:
    """The world exported whole, and by kind of edge."""
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for name, fmt, filters in (("graphml", "graphml", None), ("gexf", "gexf", None),
                               ("relations.gexf", "gexf", ExportFilter(only="relations")),
                               ("comentions.gexf", "gexf", ExportFilter(only="comentions")),
                               ("comentions.graphml", "graphml", ExportFilter(only="comentions"))):
        out[name] = folder / f"world.{name}"
        export(store, fmt, str(out[name]), filters)
    return out


@pytest.fixture(scope="module")
def whole(files) -> nx.MultiDiGraph:
    """The whole graph as networkx reads the GraphML: the reference the filters are checked against."""
    return nx.read_graphml(files["graphml"])


def validate(path: Path, schema: str) -> etree._ElementTree:
    doc = etree.parse(str(path))
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    assert xsd.validate(doc), "\n".join(str(e) for e in xsd.error_log)[:3000]
    return doc


def graphology(path: Path) -> dict:
    """The file as graphology (graphology-graphml / graphology-gexf) reads it, through node."""
    modules = CLIENTS / "node_modules"
    missing = [m for m in ("graphology", "graphology-graphml", "graphology-gexf")
               if not (modules / m / "package.json").is_file()]
    if missing or not shutil.which("node"):
        reason = (f"graphology is not installed ({', '.join(missing) or 'node'} missing): `make test` installs it with "
                  "`npm ci --prefix tests/clients` (needs node and npm)")
        if os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    out = subprocess.run(["node", str(CLIENTS / "read-graph.js"), str(path)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


# -- the formats ------------------------------------------------------------------------------------

def test_graphml_validates_against_the_schema_with_typed_keys_name_token_ids_and_iris(files, store):
    for name in ("graphml", "comentions.graphml"):
        doc = validate(files[name], "graphml.xsd")
        keys = {k.get("id"): k for k in doc.getroot().iter(GML + "key")}
        assert all(k.get("attr.type") and k.get("attr.name") for k in keys.values())
        for data in doc.getroot().iter(GML + "data"):
            key = keys[data.get("key")]
            assert key.get("for") == etree.QName(data.getparent()).localname
            GRAPHML_TYPES[key.get("attr.type")](data.text or "")  # the value is of the declared type
        nodes = doc.getroot().findall(f".//{GML}node")
        assert len(nodes) == len(World.read().labels())
        for node in nodes:
            values = {keys[d.get("key")].get("attr.name"): d.text for d in node.findall(GML + "data")}
            assert values["label"] and values["iri"] == store.vocab.entity(node.get("id"))
        for edge in doc.getroot().findall(f".//{GML}edge"):
            values = {keys[d.get("key")].get("attr.name"): d.text for d in edge.findall(GML + "data")}
            assert float(values["weight"]) >= 1 and values["kind"] in ("relation", "comention")
    graph = etree.parse(str(files["graphml"])).find(GML + "graph")
    assert graph.get("edgedefault") == "directed"  # mixed: directed, co-mentions marked by kind
    assert etree.parse(str(files["comentions.graphml"])).find(GML + "graph").get("edgedefault") == "undirected"


def test_gexf_is_valid_gexf_1_3_coloured_by_type_and_sized_by_mentions(files):
    for name in ("gexf", "relations.gexf", "comentions.gexf"):
        doc = validate(files[name], "gexf.xsd")
        root = doc.getroot()
        assert root.get("version") == "1.3"
        declared = {a.getparent().get("class"): {} for a in root.iter(GEXF + "attribute")}
        for a in root.iter(GEXF + "attribute"):
            declared[a.getparent().get("class")][a.get("id")] = a.get("type")
        for cls in ("node", "edge"):
            for element in root.iter(GEXF + cls):
                for value in element.iter(GEXF + "attvalue"):
                    GEXF_TYPES[declared[cls][value.get("for")]](value.get("value"))
    root = etree.parse(str(files["gexf"])).getroot()
    sizes = []
    for node in root.iter(GEXF + "node"):
        values = {v.get("for"): v.get("value") for v in node.iter(GEXF + "attvalue")}
        colour = node.find(VIZ + "color")
        assert (int(colour.get("r")), int(colour.get("g")), int(colour.get("b"))) == TYPE_COLOURS[values["type"]]
        size = float(node.find(VIZ + "size").get("value"))
        assert size == pytest.approx(node_size(int(values["mentions"])), abs=0.01)
        sizes.append((int(values["mentions"]), size))
    assert [s for _, s in sorted(sizes)] == sorted(s for _, s in sizes)  # more mentions, bigger node
    assert root.find(GEXF + "graph").get("defaultedgetype") == "directed"
    for edge in root.iter(GEXF + "edge"):
        assert edge.get("kind") in ("relation", "comention") and float(edge.get("weight")) >= 1
        assert edge.get("type") == ("undirected" if edge.get("kind") == "comention" else None)


def test_one_edge_per_pair_and_kind_with_the_predicates_and_counts_the_store_holds(whole, store):
    kinds = Counter((u, v, d["kind"]) for u, v, d in whole.edges(data=True))
    assert max(kinds.values()) == 1
    pairs = Counter(frozenset((u, v)) for u, v, d in whole.edges(data=True) if d["kind"] == "comention")
    assert max(pairs.values()) == 1  # a co-mention is one edge, whichever way it is stored
    stated: dict[tuple, dict] = {}
    for r in store.select("""SELECT ?s ?p ?o (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st a nkg:Statement ;
            rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o FILTER(isIRI(?o)) } } GROUP BY ?s ?p ?o""", union=False):
        key = (store.vocab.slug_of(r["s"]), store.vocab.slug_of(r["o"]))
        stated.setdefault(key, {})[r["p"].rsplit("#", 1)[-1]] = r["n"]
    relations = {(u, v): d for u, v, d in whole.edges(data=True) if d["kind"] == "relation"}
    assert relations and set(relations) == set(stated)
    parallel = [pair for pair, preds in stated.items() if len(preds) > 1]
    for pair, d in relations.items():
        assert sorted(d["predicate"].split(";")) == sorted(stated[pair])
        assert d["evidence"] == d["weight"] == sum(stated[pair].values())
    assert all(";" in relations[p]["predicate"] for p in parallel)


# -- independent readers -------------------------------------------------------------------------

def test_graphml_reads_back_alike_in_networkx_igraph_and_graphology(files, whole):
    assert whole.number_of_nodes() == len(World.read().labels()) and whole.number_of_edges() > 20
    massoud = whole.nodes["ahmad-massoud"]
    assert (massoud["label"], massoud["type"], massoud["mentions"]) == \
        ("Ahmad Massoud", "PERSON", World.read().mentions()["Ahmad Massoud"])
    edges = Counter((u, v, d["kind"], d["weight"]) for u, v, d in whole.edges(data=True))

    ig = igraph.Graph.Read_GraphML(str(files["graphml"]))
    assert ig.is_directed() and ig.vcount() == whole.number_of_nodes()
    ids = ig.vs["id"]
    assert set(ids) == set(whole.nodes)
    assert {v["id"]: (v["label"], v["type"], int(v["mentions"])) for v in ig.vs} == \
        {n: (d["label"], d["type"], d["mentions"]) for n, d in whole.nodes(data=True)}
    assert Counter((ids[e.source], ids[e.target], e["kind"], e["weight"]) for e in ig.es) == edges

    gy = graphology(files["graphml"])
    assert gy["type"] == "directed" and gy["order"] == whole.number_of_nodes() and gy["size"] == len(whole.edges)
    assert gy["nodes"]["ahmad-massoud"]["mentions"] == massoud["mentions"]  # typed: a number, not a string
    assert Counter((e["source"], e["target"], e["attributes"]["kind"], e["attributes"]["weight"])
                   for e in gy["edges"]) == edges

    undirected = nx.read_graphml(files["comentions.graphml"])
    assert not undirected.is_directed()
    assert undirected.number_of_edges() == sum(1 for *_, d in whole.edges(data=True) if d["kind"] == "comention")
    assert graphology(files["comentions.graphml"])["type"] == "undirected"


def test_gexf_reads_in_graphology_as_a_mixed_graph_and_in_networkx_one_kind_at_a_time(files, whole):
    relations = sum(1 for *_, d in whole.edges(data=True) if d["kind"] == "relation")
    comentions = whole.number_of_edges() - relations
    gy = graphology(files["gexf"])
    assert gy["type"] == "mixed" and gy["order"] == whole.number_of_nodes()
    assert (gy["directedSize"], gy["undirectedSize"]) == (relations, comentions)
    assert all(e["undirected"] == (e["attributes"]["kind"] == "comention") for e in gy["edges"])
    node = gy["nodes"]["ahmad-massoud"]
    assert node["color"] == "rgb({},{},{})".format(*TYPE_COLOURS["PERSON"]) and node["size"] > node_size(0)
    # networkx refuses mixed GEXF; each kind alone is a plain directed or undirected graph
    directed = nx.read_gexf(files["relations.gexf"])
    assert directed.is_directed() and directed.number_of_edges() == relations
    assert {d["kind"] for *_, d in directed.edges(data=True)} == {"relation"}
    undirected = nx.read_gexf(files["comentions.gexf"])
    assert not undirected.is_directed() and undirected.number_of_edges() == comentions
    assert undirected.nodes["ahmad-massoud"]["label"] == "Ahmad Massoud"
    assert graphology(files["comentions.gexf"])["type"] == "undirected"


# -- filters --------------------------------------------------------------------------------------

def read(store, tmp_path, filters: ExportFilter) -> tuple[nx.MultiDiGraph, dict]:
    path = tmp_path / "part.graphml"
    summary = export(store, "graphml", str(path), filters)
    validate(path, "graphml.xsd")
    return nx.read_graphml(path, force_multigraph=True), summary


def edge_keys(g) -> Counter:
    """Edges as (source, target, kind); a co-mention's ends in order, as it has no direction."""
    return Counter((*(sorted((u, v)) if d["kind"] == "comention" else (u, v)), d["kind"])
                   for u, v, d in g.edges(data=True))


def test_type_weight_and_kind_filters_keep_what_networkx_keeps(store, whole, tmp_path):
    people = {n for n, d in whole.nodes(data=True) if d["type"] in ("PERSON", "ORG")}
    part, summary = read(store, tmp_path, ExportFilter(types=frozenset({"PERSON", "ORG"})))
    assert set(part.nodes) == people and edge_keys(part) == edge_keys(whole.subgraph(people))
    assert summary["filters"] == {"types": ["ORG", "PERSON"]}

    heavy, _ = read(store, tmp_path, ExportFilter(min_weight=2))
    kept = edge_keys(nx.MultiDiGraph([(u, v, d) for u, v, d in whole.edges(data=True)
                                      if d["kind"] == "relation" or d["weight"] >= 2]))
    assert edge_keys(heavy) == kept and set(heavy.nodes) == set(whole.nodes)
    assert any(d["kind"] == "relation" and d["weight"] < 2 for *_, d in heavy.edges(data=True))

    for only, kind in (("relations", "relation"), ("comentions", "comention")):
        part, _ = read(store, tmp_path, ExportFilter(only=only, drop_isolated=True))
        expected = Counter(k for k in edge_keys(whole) if k[2] == kind)
        assert edge_keys(part) == expected
        assert set(part.nodes) == {n for u, v, _ in expected for n in (u, v)}  # no isolated entity left


def test_ego_network_is_networkx_ego_graph_followed_either_way(store, whole, tmp_path):
    undirected = nx.Graph(whole.to_undirected())
    for depth in (1, 2):
        part, summary = read(store, tmp_path, ExportFilter(ego="Ahmad Massoud", depth=depth))
        expected = set(nx.ego_graph(undirected, "ahmad-massoud", radius=depth))
        assert set(part.nodes) == expected and summary["filters"]["ego"] == "ahmad-massoud"
        assert edge_keys(part) == edge_keys(whole.subgraph(expected))
    assert 1 < len(nx.ego_graph(undirected, "ahmad-massoud", radius=1)) < len(expected) < len(whole)
    # filters compose: the ego network within the kept types and edges
    part, _ = read(store, tmp_path, ExportFilter(ego="taliban", depth=2, only="relations"))
    relations = nx.Graph([(u, v) for u, v, d in whole.edges(data=True) if d["kind"] == "relation"])
    assert set(part.nodes) == set(nx.ego_graph(relations, "taliban", radius=2))
    with pytest.raises(FilterError, match="did you mean ahmad-massoud"):
        export(store, "graphml", str(tmp_path / "x.graphml"), ExportFilter(ego="Ahmad Masud"))
    assert not (tmp_path / "x.graphml").exists()


def test_date_range_keeps_what_the_articles_of_the_range_say_and_leaves_undated_ones_out(store, graph_store,
                                                                                           tmp_path):
    # the world's articles: "rights" of 2021-08-20, "resistance" of 2021-09-06, "talks" undated
    def mentioned(doc: str) -> Counter:
        rows = store.select(f"SELECT ?e (COUNT(?m) AS ?n) WHERE {{ GRAPH <{store.vocab.document(doc)}> "
                            "{ ?m nkg:refersTo ?e } } GROUP BY ?e", union=False)
        return Counter({store.vocab.slug_of(r["e"]): r["n"] for r in rows})

    august, september, undated = mentioned("rights"), mentioned("resistance"), mentioned("talks")
    assert august and september and undated
    part, summary = read(store, tmp_path, ExportFilter(until=date(2021, 8, 31)))
    assert summary["articles"] == {"total": 3, "in_range": 1, "without_date": 1}
    assert {n: d["mentions"] for n, d in part.nodes(data=True)} == dict(august)  # counted in that article alone
    assert all(d["documents"] == 1 for _, d in part.nodes(data=True))
    everything, summary = read(store, tmp_path, ExportFilter(since=date(2020, 1, 1)))
    assert summary["articles"]["in_range"] == 2
    assert set(everything.nodes) == set(august) | set(september)  # what only the undated article says is left out
    only_undated = set(undated) - set(august) - set(september)
    assert only_undated == {"doha", "qatar"} and not only_undated & set(everything.nodes)
    # the CLI says so
    result = kg("export", "-o", str(tmp_path / "dated.gexf"), "--since", "2021-09-01", store=graph_store)
    assert "1 article(s) without a published date were left out" in result.stderr
    validate(tmp_path / "dated.gexf", "gexf.xsd")


def test_filters_are_refused_for_rdf_formats_and_the_help_says_which_formats_they_apply_to(graph_store, tmp_path):
    result = kg("export", "--format", "turtle", "-o", str(tmp_path / "g.ttl"), "--type", "person", store=graph_store,
                check=False)
    assert result.returncode == 1 and "filters apply to graphml, gexf, png, svg" in result.stderr
    assert "CONSTRUCT" in result.stderr and not (tmp_path / "g.ttl").exists()
    helptext = " ".join(kg("export", "--help").stdout.split())
    assert "Filters (--type, --min-weight, --only, --ego/--depth, --since/--until, --no-isolated) apply to graphml, " \
           "gexf, png and svg" in helptext
    assert "articles without a published date are left out" in helptext


def test_cli_export_combines_filters_picks_the_format_from_the_extension_and_reports_json(graph_store, whole,
                                                                                         tmp_path):
    out = tmp_path / "people.graphml"
    summary = json.loads(kg("export", "-o", str(out), "--type", "person", "--type", "Organization", "--ego", "taliban",
                            "--depth", "2", "--min-weight", "2", "--json", store=graph_store).stdout)
    assert summary["format"] == "graphml" and summary["filters"]["types"] == ["ORG", "PERSON"]
    kept = {n for n, d in whole.nodes(data=True) if d["type"] in ("PERSON", "ORG")}
    g = nx.Graph([(u, v) for u, v, d in whole.subgraph(kept).edges(data=True)
                  if d["kind"] == "relation" or d["weight"] >= 2])
    g.add_node("taliban")
    expected = set(nx.ego_graph(g, "taliban", radius=2))
    part = nx.read_graphml(out)
    assert set(part.nodes) == expected and summary["nodes"] == len(expected)
    assert summary["relations"] + summary["comentions"] == summary["edges"] == part.number_of_edges()


# -- pictures -------------------------------------------------------------------------------------

def test_png_and_svg_draw_the_graph_coloured_by_type_with_the_biggest_entities_labelled(store, whole, tmp_path):
    summary = export(store, "png", str(tmp_path / "g.png"))
    data = (tmp_path / "g.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 750) and summary["nodes"] == whole.number_of_nodes()
    export(store, "svg", str(tmp_path / "g.svg"), labels=5)
    svg = etree.parse(str(tmp_path / "g.svg"))
    texts = {t.xpath("string()").strip() for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    biggest = sorted(whole.nodes(data=True), key=lambda x: (-x[1]["mentions"], x[0]))[:5]
    assert {d["label"] for _, d in biggest} <= texts
    assert not {d["label"] for _, d in sorted(whole.nodes(data=True), key=lambda x: x[1]["mentions"])[:3]} & texts
    assert any(t.startswith("person (") for t in texts) and any(t.startswith("co-mention (") for t in texts)
    export(store, "svg", str(tmp_path / "again.svg"), labels=5)
    assert (tmp_path / "again.svg").read_bytes() == (tmp_path / "g.svg").read_bytes()  # same graph, same file
    few = export(store, "png", str(tmp_path / "few.png"), max_nodes=10)
    assert few["nodes"] == 10 and few["entities_left_out"] == whole.number_of_nodes() - 10
