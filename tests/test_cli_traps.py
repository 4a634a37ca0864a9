"""The command line without traps, as a new user meets it: the global options after the verb,
every hint runnable as printed, a busy port named, long inline queries, unknown entity
parameters, cut table cells marked, unknown export extensions refused; and an install that
asks only for what it needs and prints no warnings."""
from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import sys
import time
import tomllib

from click.testing import CliRunner
import pytest

from conftest import KG, ROOT, kg
from newskg.cli import main

ARTICLE = "Talks resume in Oslo\n\nThe mayor of Oslo, Kari Nordmann, met envoys from Norway on Monday.\n"


def test_store_and_base_work_after_the_verb_and_every_verb_documents_them(tmp_path):
    src = tmp_path / "talks.txt"
    src.write_text(ARTICLE)
    store = tmp_path / "after"
    built = subprocess.run([*KG, "build", str(src), "--store", str(store), "--base", "http://news.example/",
                            "--no-progress"], capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr
    stats = json.loads(subprocess.run([*KG, "stats", "--json", "--store", str(store)], capture_output=True,
                                      text=True, cwd=ROOT, check=True).stdout)
    assert stats["documents"] == 1 and stats["entities"] >= 2
    before = json.loads(subprocess.run([*KG, "--store", str(store), "doctor", "--json"], capture_output=True,
                                       text=True, cwd=ROOT).stdout)
    assert before["store"]["base"] == "http://news.example/"
    # the same value in both places is fine; two different ones are refused
    same = subprocess.run([*KG, "--store", str(store), "stats", "--store", str(store)], capture_output=True,
                          text=True, cwd=ROOT)
    assert same.returncode == 0
    twice = subprocess.run([*KG, "--store", str(store), "stats", "--store", str(tmp_path / "other")],
                           capture_output=True, text=True, cwd=ROOT)
    assert twice.returncode == 2 and "--store is given twice" in twice.stderr
    for name in main.commands:
        help_text = CliRunner().invoke(main, [name, "--help"], prog_name="kg").output
        assert "--store PATH" in help_text and "--base IRI" in help_text, name


def _hints(text: str) -> list[str]:
    return re.findall(r"`(kg [^`]+)`", text)


def test_every_hint_runs_as_printed(tmp_path):
    """The commands that errors and `kg doctor` advise, run exactly as printed (with PATH...
    replaced by an article), do what they say."""
    src = tmp_path / "talks.txt"
    src.write_text(ARTICLE)
    store = tmp_path / "kg"
    missing = kg("stats", store=store, check=False)
    doctor = kg("doctor", store=store, check=False)
    assert missing.returncode == 1 and doctor.returncode == 1
    hints = _hints(missing.stderr) + _hints(doctor.stdout)
    assert len(hints) >= 2 and all(h.startswith("kg build PATH... --store") for h in hints), hints
    for hint in dict.fromkeys(hints):
        args = shlex.split(hint)[1:]
        args[args.index("PATH...")] = str(src)
        ran = subprocess.run([*KG, *args, "--no-progress"], capture_output=True, text=True, cwd=ROOT)
        assert ran.returncode == 0, (hint, ran.stderr)
    assert kg("doctor", store=store).returncode == 0
    assert json.loads(kg("stats", "--json", store=store).stdout)["documents"] == 1
    # the export's hint for an unknown entity names a query that lists the ids
    unknown = kg("export", "-o", str(tmp_path / "x.graphml"), "--ego", "qqqqqqqq", store=store, check=False)
    (listing,) = _hints(unknown.stderr)
    listed = subprocess.run([*KG, *shlex.split(listing)[1:], "--store", str(store)], capture_output=True, text=True,
                            cwd=ROOT)
    assert listed.returncode == 0 and "/entity/kari-nordmann" in listed.stdout


def test_serve_on_a_busy_port_names_it_and_suggests_another(graph_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = kg("serve", "--port", str(port), store=graph_store, check=False)
        seconds = time.monotonic() - started
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines  # no gunicorn retries
    assert f"port {port} on 127.0.0.1 is in use" in lines[0] and f"--port {port + 1}" in lines[0]
    assert "--port 0" in lines[0] and seconds < 20


def test_query_takes_inline_text_longer_than_a_file_name(graph_store):
    text = ("SELECT DISTINCT ?label WHERE { ?e rdfs:label ?label FILTER(CONTAINS(?label, 'Massoud')) } ORDER BY ?label "
            + "# " + "a long comment " * 30)
    assert len(text) > 255
    result = kg("query", text, "--format", "csv", store=graph_store)
    assert result.stdout.splitlines() == ["label", "Ahmad Massoud", "Ahmad Shah Massoud"]


def test_query_with_an_unknown_entity_suggests_close_names_and_takes_a_name(graph_store):
    typo = kg("query", "evidence", "-p", "entity=ahmed-masood", store=graph_store, check=False)
    assert typo.returncode == 1 and "Traceback" not in typo.stderr
    assert "no entity 'ahmed-masood'" in typo.stderr and "did you mean ahmad-massoud (Ahmad Massoud)" in typo.stderr
    by_id = json.loads(kg("query", "evidence", "-p", "entity=ahmad-massoud", "--json", store=graph_store).stdout)
    by_name = json.loads(kg("query", "evidence", "-p", "entity=Ahmad Massoud", "--json", store=graph_store).stdout)
    assert by_id["results"]["bindings"] and by_name == by_id


def test_query_table_marks_cut_values_and_says_how_to_see_them_whole(graph_store):
    table = kg("query", "evidence", "-p", "entity=ahmad-massoud", store=graph_store).stdout
    rows = table.splitlines()
    assert any("…" in row for row in rows[2:-1])
    assert "cut" in rows[-1] and "--format csv" in rows[-1]
    whole = kg("query", "evidence", "-p", "entity=ahmad-massoud", "--format", "tsv", store=graph_store).stdout
    assert "…" not in whole and max(len(cell) for row in whole.splitlines() for cell in row.split("\t")) > 60


def test_export_to_an_unknown_extension_is_refused_with_the_known_ones(graph_store, tmp_path):
    for name in ("graph.xyz", "graph"):
        result = kg("export", "-o", str(tmp_path / name), store=graph_store, check=False)
        assert result.returncode == 2 and "cannot tell the format" in result.stderr
        assert ".gexf" in result.stderr and "--format" in result.stderr
    assert not list(tmp_path.iterdir())
    kg("export", "-o", str(tmp_path / "graph.xyz"), "--format", "gexf", store=graph_store)
    assert (tmp_path / "graph.xyz").read_text().startswith("<?xml") and "<gexf" in (tmp_path / "graph.xyz").read_text()


def _bounds(spec: str) -> tuple:
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    found = {s.operator: Version(s.version) for s in SpecifierSet(spec)}
    return found[">="], found["<"]


def test_the_spacy_requirement_is_the_one_the_model_needs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (spacy,) = [d for d in project["project"]["dependencies"] if re.match(r"spacy\b", d)]
    meta = json.loads((ROOT / "graph" / "model" / "en_newskg" / "meta.json").read_text())
    assert _bounds(spacy.removeprefix("spacy")) == _bounds(meta["spacy_version"])


def test_make_run_installs_the_runtime_only_and_make_test_the_test_tools(tmp_path):
    def dry(target: str) -> str:
        return subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], capture_output=True, text=True,
                              cwd=ROOT, check=True).stdout

    run, test = dry("run"), dry("test")
    assert "pip install --quiet -e .\n" in run and "[test]" not in run
    assert "-e '.[test]'" in test
    readme = (ROOT / "README.md").read_text()
    assert ".venv/bin/kg" in readme and "source .venv/bin/activate" in readme


LINKS = {"newskg/graph", "newskg/api", "newskg/queries"}


def test_the_package_builds_without_a_warning_and_installs_everything_under_one_name(tmp_path):
    """What pip prints while installing: the build backend's warnings included."""
    import shutil

    source = tmp_path / "src"  # a copy: pip builds in the folder it is given
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "build", "kgstore", "tests", "benchmarks", "*.egg-info", "__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                            str(source)], capture_output=True, text=True, timeout=600)
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("the build tools could not be fetched from PyPI")
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stdout + built.stderr, (built.stdout + built.stderr)[:3000]
    import zipfile

    (wheel,) = tmp_path.glob("newskg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "ls-files", "graph", "api", "queries", "newskg"], capture_output=True, text=True,
                             cwd=ROOT, check=True).stdout.split()
    # everything under the one name newskg: graph/ is newskg/graph/ (newskg/graph is a link to it)
    installed = [f if f.startswith("newskg/") else "newskg/" + f for f in tracked if f not in LINKS]
    assert len(installed) > 100 and not [f for f in installed if f not in names]
    assert {n.split("/")[0] for n in names} == {"newskg", wheel.name.split("-py3")[0] + ".dist-info"}
