"""`kg build` over bad input: every kind reported per file (per line for JSON Lines) and
skipped, the rest built, a summary that says why, and an exit code that says whether anything
was left out — through the command line, as a user runs it."""
import json
import subprocess
import sys

from conftest import ROOT, kg
from newskg.graph.pipeline import build
from newskg.graph.store import Store

GOOD = "Talks resume\n\nThe mayor of Oslo, Kari Nordmann, met envoys from Norway on Monday.\n"


def bad_folder(root):
    """One folder with every kind of bad input, and good articles among them."""
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD)
    (src / "sub" / "page.html").write_text(
        "<html><head><title>Flood</title><script>document.title = 'Evil Name'</script></head><body>"
        + "<div>" * 50_000 + "<p>The governor of Texas, Greg Abbott, visited Houston.</p>" + "</div>" * 50_000
        + "<script>var x = '<p>Hidden Person</p>';</script></body></html>")
    (src / "latin1.txt").write_bytes("Caf\u00e9 in Lyon\n\nThe caf\u00e9 in Lyon opened on Monday.".encode("cp1252"))
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.md").write_text("\n  \n")
    with open(src / "dump.txt", "wb") as f:  # a real 50 MB file
        f.write(b"word " * 10_000_000)
    (src / "image.png").write_bytes(b"\x89PNG")  # in a folder: not an article type, not listed
    lines = [json.dumps({"id": "feed-1", "title": "Storm", "text": "A storm hit Manila on Monday."}),
             "{broken",
             json.dumps({"id": "feed-2"}),
             json.dumps({"id": "feed-1", "text": "The same id again."}),
             json.dumps({"id": "feed-3", "text": "Lone \ud800 surrogate: Angela Merkel spoke in Berlin."}),
             json.dumps({"id": "feed-4", "text": "Cut off"})[:-3]]
    with open(src / "feed.jsonl", "wb") as f:
        f.write("\n".join(lines[:5]).encode() + b"\n")
        f.write(b'{"id": "big", "text": "' + b"x" * 21_000_000 + b'"}\n')  # one line over the 20 MB limit
        f.write(lines[5].encode() + b"\n")
    return src


def test_kg_build_skips_every_kind_of_bad_input_with_a_reason_builds_the_rest_and_exits_1(tmp_path):
    src = bad_folder(tmp_path)
    store = tmp_path / "kg"
    result = kg("build", str(src), str(src / "missing.txt"), "--no-progress", store=store, check=False)
    assert result.returncode == 1, result.stderr
    err = result.stderr
    for line in (f"skipped {src / 'binary.txt'}: binary file", f"skipped {src / 'empty.txt'}: empty file",
                 f"skipped {src / 'blank.md'}: no text", f"skipped {src / 'dump.txt'}: file is 50 MB",
                 f"skipped {src / 'feed.jsonl'}:2: invalid JSON", f"skipped {src / 'feed.jsonl'}:3: missing",
                 f"skipped {src / 'feed.jsonl'}:4: duplicate id 'feed-1'", f"skipped {src / 'feed.jsonl'}:6: line is 21 MB",
                 f"skipped {src / 'feed.jsonl'}:7: invalid JSON", f"skipped {src / 'missing.txt'}: no such file",
                 f"note: {src / 'latin1.txt'}: not valid UTF-8", f"note: {src / 'feed.jsonl'}:5: escaped lone"):
        assert line in err, f"{line!r} not in:\n{err}"
    assert "Traceback" not in err
    # the summary at the end: counts, then why, grouped by kind
    out = result.stdout
    assert "built 5 article(s)" in out and "10 skipped" in out
    summary = out[out.index("skipped 10 input(s)"):]
    for kind in ("invalid JSON line (2)", "no text (2)", "too large (2)", "binary, not text (1)", "duplicate id (1)",
                 "JSON line without a usable id or text (1)", "no such file or folder (1)"):
        assert kind in summary, summary
    # the page nested 50,000 deep is read whole by the scanner, with a note saying so
    assert "built with a note (3)" in summary and "sub/page.html: no main text found" in summary
    ids = {r["i"] for r in Store(store).select("SELECT ?i WHERE { GRAPH ?g { ?g dcterms:identifier ?i } }")}
    assert ids == {"good.txt", "sub/page.html", "latin1.txt", "feed-1", "feed-3"}
    labels = {r["l"] for r in Store(store).select("SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert {"Greg Abbott", "Angela Merkel"} <= labels and "Hidden Person" not in labels


def test_kg_build_json_report_lists_each_skipped_input_with_its_kind_and_the_notes(tmp_path):
    src = bad_folder(tmp_path)
    result = kg("build", str(src), "--json", store=tmp_path / "kg", check=False)
    assert result.returncode == 1 and result.stderr == ""
    report = json.loads(result.stdout)["report"]
    kinds = {s["source"].removeprefix(str(src) + "/"): s["kind"] for s in report["skipped"]}
    assert kinds == {"binary.txt": "binary", "empty.txt": "empty", "blank.md": "empty", "dump.txt": "too_large",
                     "feed.jsonl:2": "invalid_json", "feed.jsonl:3": "invalid_record",
                     "feed.jsonl:4": "duplicate_id", "feed.jsonl:6": "too_large", "feed.jsonl:7": "invalid_json"}
    assert [n["source"].removeprefix(str(src) + "/") for n in report["notes"]] == ["feed.jsonl:5", "latin1.txt",
                                                                                          "sub/page.html"]
    assert report["built"] == 5


def test_kg_build_of_good_input_with_notes_only_exits_0(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "latin1.txt").write_bytes("Caf\u00e9 in Lyon\n\nThe caf\u00e9 opened.".encode("cp1252"))
    result = kg("build", str(src), "--no-progress", store=tmp_path / "kg", check=False)
    assert result.returncode == 0 and "note:" in result.stderr and "built with a note (1)" in result.stdout


VANISH = """
import os, sys
from pathlib import Path
from newskg.graph import ingest
from newskg.cli import main
readings = []
original = ingest.read
def read(paths):
    readings.append(paths)
    if len(readings) == 2:  # after the build has seen what to build, before it reads it again
        Path(sys.argv[1], "b.txt").unlink()
        Path(sys.argv[1], "c.txt").write_text("C changed\\n\\nIt says something else now.")
    return original(paths)
ingest.read = read
main(["--store", sys.argv[2], "build", sys.argv[1], "--no-progress"])
"""


def test_kg_build_reports_files_that_vanish_or_change_during_the_build_and_builds_the_rest(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (src / name).write_text(f"{name} news\n\nThe mayor of Lima spoke about {name}.")
    store = tmp_path / "kg"
    result = subprocess.run([sys.executable, "-c", VANISH, str(src), str(store)], capture_output=True, text=True,
                            cwd=ROOT, timeout=600)
    assert result.returncode == 1, result.stderr
    assert f"skipped {src / 'b.txt'}: the file was removed while the build ran" in result.stderr
    assert f"skipped {src / 'c.txt'}: changed while the build ran" in result.stderr
    assert "gone or changed during the build (2)" in result.stdout and "Traceback" not in result.stderr
    ids = {r["i"] for r in Store(store).select("SELECT ?i WHERE { GRAPH ?g { ?g dcterms:identifier ?i } }")}
    assert ids == {"a.txt", "d.txt"}
    again = kg("build", str(src), "--json", store=store)  # building again adds what was missed
    assert json.loads(again.stdout)["report"]["built"] == 1


class FailsOn:
    """An extractor that fails on articles mentioning a word (and on any batch holding one)."""

    def __init__(self, extractor, word):
        self.extractor, self.word = extractor, word

    def extract(self, articles):
        articles = list(articles)
        if any(self.word in a.text for a in articles):
            raise ValueError(f"cannot handle {self.word!r}")
        return self.extractor.extract(articles)


def test_an_article_the_pipeline_cannot_extract_is_skipped_and_its_batch_is_built(tmp_path, extractor):
    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(["Envoys met in Oslo.", "A POISON article.", "Talks ended in Lima."]):
        (src / f"{i}.txt").write_text(f"Story {i}\n\n{text}")
    with Store(tmp_path / "kg", write=True) as store:
        report = build([src], store, extractor=FailsOn(extractor, "POISON"))
    assert report.built == 2 and report.skipped_kinds == ["extraction_failed"]
    assert report.skipped[0][0].endswith("1.txt") and "cannot handle 'POISON'" in report.skipped[0][1]
