"""Reading articles: formats, ids, and every kind of bad input reported and skipped."""
import gzip
import json

from graph import ingest
from graph.records import Article


def read(*paths):
    items = list(ingest.read(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ingest.Skipped)]


def test_text_file_headline_is_first_line_and_id_is_relative_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Storm hits coast\n\nThe storm hit the coast on Monday.\n")
    articles, skipped = read(tmp_path)
    assert not skipped
    assert articles[0].id == "sub/a.txt"
    assert articles[0].title == "Storm hits coast"
    assert articles[0].text.startswith("Storm hits coast")


def test_markdown_is_stripped_of_markup(tmp_path):
    (tmp_path / "a.md").write_text("# Big *news* today\n\nRead [the report](http://x.org) **now**.\n")
    (article,), _ = read(tmp_path)
    assert article.title == "Big news today"
    assert "Read the report now." in article.text


def test_html_keeps_visible_text_and_drops_scripts(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>T</title><meta property='article:published_time' content='2021-08-20'>"
        "<script>var x = 'Secret Name';</script></head><body><nav>Home | About</nav>"
        "<h1>Protests spread to Kabul</h1><p>Crowds gathered.</p><p>Police watched.</p></body></html>")
    (article,), _ = read(tmp_path)
    assert article.title == "Protests spread to Kabul"
    assert article.published == "2021-08-20"
    assert "Crowds gathered." in article.text and "Police watched." in article.text
    assert "Secret Name" not in article.text and "About" not in article.text


def test_jsonl_reads_each_line_and_reports_bad_lines(tmp_path):
    lines = [json.dumps({"id": "n1", "title": "One", "text": "First story.", "published": "2020-01-02"}),
             "{not json",
             json.dumps({"id": "n2"}),
             json.dumps({"id": "n3", "text": "Third story.", "url": "http://x.org/3"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, skipped = read(tmp_path)
    assert [a.id for a in articles] == ["n1", "n3"]
    assert articles[0].text.startswith("One\n\nFirst story.")
    assert articles[1].url == "http://x.org/3"
    reasons = {s.source.rsplit(":", 1)[1]: s.reason for s in skipped}
    assert "invalid JSON" in reasons["2"] and "text" in reasons["3"]


def test_compressed_wikinews_style_fields_are_understood(tmp_path):
    record = {"id": "enwikinews:X", "title": "X", "date": "2019-01-04", "text": "Body."}
    (tmp_path / "f.jsonl").write_text(json.dumps(record) + "\n")
    (article,), _ = read(tmp_path)
    assert article.published == "2019-01-04"


def test_bad_files_are_skipped_with_a_reason_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("Fine\n\nA fine article.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opens\n\nThe caf\xe9 opened.".encode("latin-1"))
    articles, skipped = read(tmp_path, tmp_path / "missing.txt")
    assert {a.id for a in articles} == {"good.txt", "latin1.txt"}
    assert "Café" in next(a for a in articles if a.id == "latin1.txt").text
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "binary" in reasons["binary.txt"]
    assert "no text" in reasons["empty.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_duplicate_ids_are_skipped(tmp_path):
    line = json.dumps({"id": "same", "text": "A."})
    (tmp_path / "a.jsonl").write_text(line + "\n" + line + "\n")
    articles, skipped = read(tmp_path)
    assert len(articles) == 1 and "duplicate id" in skipped[0].reason


def test_content_hash_changes_with_text_only():
    a = Article(id="x", text="Hello.", source="s")
    assert a.content_hash == Article(id="x", text="Hello.", source="elsewhere").content_hash
    assert a.content_hash != Article(id="x", text="Hello!", source="s").content_hash
