"""The `kg` command line, run as a subprocess against real stores."""
import json
import re

import networkx as nx
import rdflib

from conftest import SEEDS, kg


def test_build_reports_and_rebuild_changes_nothing(tmp_path):
    out = kg("build", str(SEEDS), "--json", store=tmp_path / "kg")
    report = json.loads(out.stdout)
    assert report["report"]["built"] == 2 and report["stats"]["documents"] == 2
    again = json.loads(kg("build", str(SEEDS), "--json", store=tmp_path / "kg").stdout)
    assert again["report"]["built"] == 0 and again["report"]["unchanged"] == 2
    assert again["stats"]["quads"] == report["stats"]["quads"]


def test_build_with_bad_input_skips_it_reports_it_and_exits_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Talks resume\n\nEnvoys from Norway met in Oslo on Monday.")
    (src / "bad.txt").write_bytes(b"\x00\x00binary")
    result = kg("build", str(src), store=tmp_path / "kg", check=False)
    assert result.returncode == 1
    assert "skipped" in result.stderr and "bad.txt" in result.stderr and "binary" in result.stderr
    assert "built 1 article" in result.stdout


def test_store_location_comes_from_the_environment(tmp_path):
    kg("build", str(SEEDS / "000_3ad62285e03f5f79.txt"), env={"KG_STORE": str(tmp_path / "envstore")})
    stats = json.loads(kg("stats", "--json", env={"KG_STORE": str(tmp_path / "envstore")}).stdout)
    assert stats["documents"] == 1


def test_stats_lists_types_predicates_and_quads(graph_store):
    stats = json.loads(kg("stats", "--json", store=graph_store).stdout)
    assert stats["documents"] == 3 and stats["quads"] > 1000
    assert stats["entities_by_type"] == {"Organization": 3, "Person": 4, "Place": 7}  # as the world has them
    assert stats["relations_by_predicate"]["leads"] == 1  # Ahmad Massoud leads the NRF (said twice)


def test_query_runs_named_queries_with_parameters_and_files(graph_store, tmp_path):
    listing = kg("queries", store=graph_store).stdout
    assert "leaders" in listing and "relations" in listing
    rows = json.loads(kg("query", "relations", "--param", "entity=ahmad-massoud", "--format", "json",
                         store=graph_store).stdout)["results"]["bindings"]
    assert any(r["predicate"]["value"] == "leads" for r in rows)
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT (COUNT(?p) AS ?n) WHERE { ?p a nkg:Person }")
    csv = kg("query", str(rq), "--format", "csv", store=graph_store).stdout
    assert csv.splitlines() == ["n", "4"]
    table = kg("query", "SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 3", store=graph_store).stdout
    assert "(3 rows)" in table


def test_query_errors_say_what_is_wrong(graph_store):
    bad = kg("query", "SELECT ?x WHERE { ?x", store=graph_store, check=False)
    assert bad.returncode != 0 and "query failed" in bad.stderr
    missing = kg("query", "relations", store=graph_store, check=False)
    assert missing.returncode != 0 and "needs parameter 'entity'" in missing.stderr
    unknown = kg("query", "no-such-query", store=graph_store, check=False)
    assert "no named query" in unknown.stderr and "leaders" in unknown.stderr


def test_export_graphml_is_gephi_ready_and_rdf_formats_parse(graph_store, tmp_path):
    gml = tmp_path / "g.graphml"
    kg("export", "--format", "graphml", "-o", str(gml), store=graph_store)
    g = nx.read_graphml(gml)
    node = next(d for _, d in g.nodes(data=True) if d["label"] == "Ahmad Massoud")
    assert (node["type"], node["mentions"], node["documents"]) == ("PERSON", 5, 3)
    kinds = {d["kind"] for *_, d in g.edges(data=True)}
    assert kinds == {"relation", "comention"}
    assert all({"predicate", "weight", "evidence"} <= set(d) for *_, d in g.edges(data=True))
    for fmt, parser in (("turtle", "turtle"), ("ntriples", "nt")):
        path = tmp_path / f"g.{fmt}"
        kg("export", "--format", fmt, "-o", str(path), store=graph_store)
        assert len(rdflib.Graph().parse(path, format=parser)) > 1000
    for fmt, parser in (("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")):
        path = tmp_path / f"g.{fmt}"
        kg("export", "--format", fmt, "-o", str(path), store=graph_store)
        ds = rdflib.Dataset()
        ds.parse(path, format=parser)
        assert len(list(ds.graphs())) >= 4  # the articles, the registry, the ontology


def test_export_ntriples_is_scorable_by_the_evaluation_script(seed_store, tmp_path):
    import subprocess
    import sys

    from conftest import SHARED
    nt = tmp_path / "out.nt"
    kg("export", "--format", "ntriples", "-o", str(nt), store=seed_store)
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(nt), str(SHARED / "eval" / "dev"),
                             "--json"], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)["entities"]["tp"] > 40


VERBS = {"build", "load", "serve", "query", "queries", "export", "stats", "evaluate", "explain", "curate", "train", "compact",
         "doctor"}


def test_help_lists_every_verb_with_what_it_does():
    out = kg("--help").stdout
    listed = dict(re.findall(r"^  (\S+) +(\S.*)$", out.split("Commands:", 1)[1], re.MULTILINE))
    assert set(listed) == VERBS and all(listed.values())  # each verb by its name, each with its line


def _relation_gold_part(folder):
    """A validation part of two hand-made articles, each stating one leads relation."""
    folder.mkdir()
    (folder / "gold").mkdir()
    lines = []
    for n, (person, body) in enumerate([("Tom Hale", "Kharaj Front"), ("Ann Ford", "Zanzar Union")]):
        text = f"{person}, the leader of the {body}, spoke in Lakeside on Monday. {person.split()[1]} met reporters."
        lines.append(json.dumps({"id": f"a{n}", "text": text}))
        (folder / "gold" / f"a{n}.json").write_text(json.dumps({
            "document": f"a{n}",
            "entities": [{"id": "p", "type": "PERSON", "label": person, "aliases": [person.split()[1]]},
                         {"id": "b", "type": "ORG", "label": body, "aliases": []},
                         {"id": "l", "type": "PLACE", "label": "Lakeside", "aliases": []}],
            "relations": [{"subject": "p", "predicate": "leads", "object": "b"}]}))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_train_relations_writes_a_model_a_build_can_use_and_cross_validates(tmp_path):
    part = _relation_gold_part(tmp_path / "part")
    out = json.loads(kg("train", "--relations", str(part), "--output", str(tmp_path / "model"), "--json").stdout)
    assert out["examples"]["leads"]["positive"] == 2
    model = json.loads((tmp_path / "model" / "relations.json").read_text())
    assert set(model["weights"]) == {"leads", "memberOf", "locatedIn", "opposes", "participatedIn"}
    kg("build", str(SEEDS / "000_3ad62285e03f5f79.txt"), store=tmp_path / "kg",
       env={"KG_RELATION_MODEL": str(tmp_path / "model" / "relations.json")})
    scores = json.loads(kg("train", "--relations", str(part), "--cross-validate", "--json").stdout)
    assert scores["articles"] == 2 and scores["patterns"]["r"] == 1.0  # the patterns state both


def test_train_relations_without_scikit_learn_says_what_to_install(tmp_path):
    fake = tmp_path / "site" / "sklearn"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('scikit-learn is not installed')\n")
    result = kg("train", "--relations", str(_relation_gold_part(tmp_path / "part")), check=False,
                env={"PYTHONPATH": str(tmp_path / "site")})
    assert result.returncode == 1 and "pip install 'newskg[train]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_train_relations_on_a_part_without_its_gold_says_what_is_missing(tmp_path):
    part = _relation_gold_part(tmp_path / "part")
    (part / "gold" / "a1.json").unlink()
    result = kg("train", "--relations", str(part), "--cross-validate", check=False)
    assert result.returncode == 1 and "no gold file for 1 article(s), e.g. a1" in result.stderr
    assert "Traceback" not in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = kg("train", "--relations", str(empty), check=False)
    assert result.returncode == 1 and "no articles.jsonl" in result.stderr and "Traceback" not in result.stderr
