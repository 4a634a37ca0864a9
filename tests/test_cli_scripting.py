"""The `kg` command line for people and scripts: complete help, --json on every verb, progress
bars and summaries, `kg doctor`, and errors that say what to do."""
from __future__ import annotations

import json
import sys
import os
import subprocess
from importlib import metadata

import click
import requests
from click.testing import CliRunner

from conftest import KG, ROOT, SHARED, kg

from newskg.cli import main


def test_every_verb_and_every_option_has_help_and_the_overview_lists_every_verb():
    assert {"build", "load", "serve", "query", "queries", "export", "stats", "evaluate", "train", "doctor"} <= \
        set(main.commands)
    undocumented = [f"{name} {'/'.join(p.opts)}" for name, command in [("kg", main), *main.commands.items()]
                    for p in command.params if isinstance(p, click.Option) and not p.help]
    assert not undocumented
    assert all(command.help for command in main.commands.values())
    overview = kg("--help").stdout
    runner = CliRunner()
    for name in main.commands:
        assert f"  {name} " in overview
        result = runner.invoke(main, [name, "--help"], prog_name="kg")
        assert result.exit_code == 0 and result.output.startswith(f"Usage: kg {name}")


def test_every_verb_takes_json_and_prints_json(seed_store, store_copy, tmp_path):
    assert all(any(isinstance(p, click.Option) and "--json" in p.opts for p in command.params)
               for command in main.commands.values())
    # build: tests/test_cli.py; serve: below; train takes an hour — its --json is checked above
    ttl = tmp_path / "extra.ttl"
    ttl.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    runs = {
        "stats": kg("stats", "--json", store=seed_store),
        "queries": kg("queries", "--json", store=seed_store),
        "query": kg("query", "leaders", "--json", store=seed_store),
        "export": kg("export", "-o", str(tmp_path / "g.gexf"), "--json", store=seed_store),
        "load": kg("load", str(ttl), "--json", store=store_copy),
        "evaluate": kg("evaluate", str(SHARED / "eval" / "dev"), "--json", store=seed_store),
        "doctor": kg("doctor", "--json", store=seed_store),
    }
    out = {verb: json.loads(run.stdout) for verb, run in runs.items()}
    assert out["stats"]["documents"] == 2 and out["load"]["loaded"] == {str(ttl): 1}
    assert any(q["name"] == "leaders" for q in out["queries"]) and out["query"]["results"]["bindings"]
    assert out["export"]["format"] == "gexf" and out["export"]["nodes"] > 50
    assert out["evaluate"]["entities"]["tp"] > 0 and out["doctor"]["store"]["counts"]["documents"] == 2
    # with the file on standard output, the summary goes to standard error
    piped = kg("export", "--format", "graphml", "-o", "-", "--json", store=seed_store)
    assert piped.stdout.startswith("<?xml") and json.loads(piped.stderr)["nodes"] > 50


def test_serve_json_says_where_it_listens_and_keeps_serving(seed_store):
    proc = subprocess.Popen([*KG, "--store", str(seed_store), "serve", "--port", "0", "--workers", "1", "--json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        bound = json.loads(line)
        assert bound["host"] == "127.0.0.1" and bound["port"] > 0 and bound["store"] == str(seed_store.resolve())
        assert bound["url"] == f"http://127.0.0.1:{bound['port']}/" and bound["version"].startswith("v")
        r = requests.get(bound["url"] + "api/entities", params={"q": "taliban"}, timeout=60)
        assert r.status_code == 200 and r.json()["results"][0]["id"] == "taliban"
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(15)


def test_build_shows_a_progress_bar_with_rates_and_a_summary_table(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "oslo.txt").write_text("Talks resume\n\nEnvoys from Norway met Ahmad Massoud in Oslo on Monday.")
    result = kg("build", str(src), "--progress", store=tmp_path / "kg")
    assert "extracting" in result.stderr and "words/s" in result.stderr and "1/1" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("built 1 article(s)")
    header = next(line for line in lines if "this build" in line)
    assert header.split() == ["this", "build", "in", "the", "store"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[lines.index(header) + 1:]}
    assert rows["articles"] == ["1", "1"] and rows["entities"] and rows["time"][0].endswith("s")
    assert "Place" in rows and "co-mention" in rows and "quads" in rows
    export = kg("export", "-o", str(tmp_path / "g.graphml"), "--progress", store=tmp_path / "kg")
    assert "writing graphml" in export.stderr and "item/s" in export.stderr
    assert "wrote" in export.stderr and "entities" in export.stderr


def test_doctor_says_which_pipeline_store_and_settings_are_in_use(seed_store, tmp_path):
    report = json.loads(kg("doctor", "--json", store=seed_store, env={"KG_BASE": ""}).stdout)
    model = report["model"]
    assert model["path"] and os.path.isdir(model["path"]) and "ner" in model["components"]
    assert model["name"] and model["version"] and model["added_by_newskg"][-1] == "newskg_entities"
    store = report["store"]
    assert store["exists"] and store["base"] == "http://localhost:8000/" and store["version"].startswith("v")
    assert store["bytes"] > 100_000 and store["counts"]["entities"] > 50
    assert set(report["settings"]) == {"KG_STORE", "KG_BASE", "KG_MODEL"}
    assert report["packages"]["spacy"] == metadata.version("spacy")
    assert report["packages"]["pyoxigraph"] == metadata.version("pyoxigraph")
    assert report["packages"]["Flask"] == metadata.version("Flask") and report["problems"] == []
    # the query processes' second wall (the threat model): on Linux they cannot reach the network
    assert report["query_processes"]["network"] == ("blocked" if sys.platform.startswith("linux") else "open")
    text = kg("doctor", store=seed_store).stdout
    for heading in ("spaCy pipeline", "store", "query processes", "settings", "packages", "no problems found"):
        assert heading in text
    assert model["path"] in text and store["base"] in text
    missing = kg("doctor", store=tmp_path / "none", check=False)
    assert missing.returncode == 1 and "problem: no graph at" in missing.stdout and "kg build" in missing.stdout
    no_model = json.loads(kg("doctor", "--json", "--model", str(tmp_path / "nomodel"), store=seed_store,
                             check=False).stdout)
    assert no_model["model"]["path"] is None and "KG_MODEL" in no_model["problems"][0]


def test_errors_say_what_to_do(seed_store, tmp_path):
    def error(*args, store=seed_store) -> str:
        result = kg(*args, store=store, check=False)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        return result.stderr

    assert "build one with `kg build PATH... --store" in error("stats", store=tmp_path / "none")
    assert "build one with `kg build" in error("export", "-o", str(tmp_path / "x.gexf"), store=tmp_path / "none")
    bad_format = error("export", "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert all(f in bad_format for f in ("graphml", "gexf", "png", "svg", "turtle", "nquads", "jsonld"))
    assert "did you mean ahmad-massoud (Ahmad Massoud)" in error("export", "-o", str(tmp_path / "x.graphml"),
                                                                 "--ego", "Ahmad Masud")
    assert "--depth needs --ego" in error("export", "-o", str(tmp_path / "x.graphml"), "--depth", "2")
    assert "check that its folder exists" in error("export", "-o", str(tmp_path / "no" / "such" / "x.graphml"))
    assert "'person'" in error("export", "-o", str(tmp_path / "x.graphml"), "--type", "robot")
    assert "the date range is empty" in error("export", "-o", str(tmp_path / "x.graphml"), "--since", "2024-01-02",
                                              "--until", "2024-01-01")
    assert not list(tmp_path.glob("*.graphml")) and not list(tmp_path.glob(".*.part"))


def test_readme_documents_every_verb():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"`kg {name}" in readme, name
    assert (ROOT / "docs" / "seeds-graph.png").is_file() and "(docs/seeds-graph.png)" in readme


def test_a_pipeline_that_cannot_load_is_one_clear_error_in_one_process_or_several(tmp_path):
    # with several processes, each one's failing start used to start another, for ever
    for workers in ("1", "2"):
        result = subprocess.run([*KG, "--store", str(tmp_path / f"s{workers}"), "build", "-j", workers,
                                 "--model", str(tmp_path / "nomodel"), str(ROOT / "seeds")],
                                capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 1 and "Traceback" not in result.stderr, workers
        assert "cannot load spaCy model" in result.stderr and "KG_MODEL" in result.stderr, workers
