"""Reading articles: formats, ids, and every kind of bad input reported and skipped."""
import json

from newskg.graph import ingest
from newskg.graph.records import Article


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


# -- every kind of bad input: reported with its kind, skipped, the rest read ----------------------
import signal  # noqa: E402
from contextlib import contextmanager  # noqa: E402


def read_all(*paths):
    """Articles, Skipped and Notes, by kind."""
    items = list(ingest.read(paths))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ingest.Skipped)],
            [i for i in items if isinstance(i, ingest.Note)])


@contextmanager
def no_hang(seconds=60):
    """Fail (instead of hanging CI) if the block does not finish: a guard against input that
    makes a parser quadratic, not a speed target."""
    def stop(*_):
        raise AssertionError(f"did not finish within {seconds} s: quadratic (or worse) in its input")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_each_kind_of_bad_file_is_skipped_with_its_kind_and_the_good_ones_are_read(tmp_path):
    (tmp_path / "good.txt").write_text("Fine\n\nA fine article.")
    (tmp_path / "nul.txt").write_bytes(b"PK\x03\x04\x00\x00 zip data")
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 9)) * 100)  # binary without a NUL
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n")
    (tmp_path / "scripts.html").write_text("<html><body>" + "<script>var name = 'Evil Name';</script>" * 50
                                           + "<style>p {}</style></body></html>")
    with open(tmp_path / "huge.txt", "wb") as f:  # sparse: 50 MB on paper, nothing to write
        f.truncate(50_000_000)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    articles, skipped, notes = read_all(tmp_path, tmp_path / "notes.pdf", tmp_path / "missing.txt")
    assert [a.id for a in articles] == ["good.txt"] and not notes
    kinds = {s.source.rsplit("/", 1)[-1]: s.kind for s in skipped}
    assert kinds == {"nul.txt": "binary", "controls.txt": "binary", "empty.txt": "empty", "blank.md": "empty",
                     "scripts.html": "empty", "huge.txt": "too_large", "notes.pdf": "unsupported",
                     "missing.txt": "not_found"}
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "50 MB, over the 20 MB limit" in reasons["huge.txt"] and "JSON Lines" in reasons["huge.txt"]
    assert ".txt" in reasons["notes.pdf"]  # the valid types are listed


def test_a_text_over_the_pipelines_limit_is_skipped_not_fatal(tmp_path):
    (tmp_path / "long.txt").write_text("Long\n\n" + "word " * 250_000)  # 1.25 M characters in 1.25 MB
    (tmp_path / "ok.txt").write_text("Short\n\nA short one.")
    articles, skipped, _ = read_all(tmp_path)
    assert [a.id for a in articles] == ["ok.txt"]
    assert skipped[0].kind == "too_large" and "1,000,000" in skipped[0].reason


def test_undecodable_bytes_are_decoded_where_possible_and_noted_without_skipping_the_article(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes("Caf\u00e9 opens\n\nThe caf\u00e9 \u201cLe Lyon\u201d opened.".encode("cp1252"))
    (tmp_path / "stray.txt").write_bytes("Z\u00fcrich talks\n\nDelegates met in Z\u00fcrich".encode() + b" \xff\xfe.")
    (tmp_path / "utf16.txt").write_bytes("Kyiv talks\n\nEnvoys met in Kyiv.".encode("utf-16"))
    (tmp_path / "utf16-nobom.txt").write_bytes("Oslo talks\n\nEnvoys met in Oslo.".encode("utf-16-le"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfLima talks\n\nEnvoys met in Lima.")
    articles, skipped, notes = read_all(tmp_path)
    assert not skipped
    text = {a.id: a.text for a in articles}
    assert "The caf\u00e9 \u201cLe Lyon\u201d opened." in text["cp1252.txt"]
    assert "Delegates met in Z\u00fcrich \ufffd\ufffd." in text["stray.txt"]  # the good UTF-8 kept, two bytes lost
    assert text["utf16.txt"].startswith("Kyiv talks") and text["utf16-nobom.txt"].startswith("Oslo talks")
    assert text["bom.txt"].startswith("Lima talks")
    said = {n.source.rsplit("/", 1)[-1]: n.message for n in notes}
    assert set(said) == {"cp1252.txt", "stray.txt", "utf16.txt", "utf16-nobom.txt"}
    assert "Windows-1252" in said["cp1252.txt"] and "2 undecodable bytes replaced" in said["stray.txt"]
    assert "UTF-16" in said["utf16.txt"]


def test_deeply_nested_and_script_laden_html_is_read_in_one_pass(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div><span>" * 200_000 + "<p>Envoys met in Oslo.</p>"
                                        + "</span></div>" * 200_000 + "</body></html>")
    (tmp_path / "scripts.html").write_text(
        "<html><head><title>Talks</title><script>document.write('<p>Not this</p>')</script></head><body>"
        + "<script>var x = '</div><p>nor this</p>';</script>" * 2_000 + "<p title='a > b'>Envoys met.</p>"
        + "<style>p::before { content: 'no' }</style><noscript>Enable scripts</noscript></body></html>")
    # shapes that make Python's html.parser (and naive regular expressions) quadratic
    (tmp_path / "hostile.html").write_text("<p>Talks in Lima.</p>" + "<a" * 300_000 + "</" * 300_000
                                           + "<!x" * 100_000 + "\u3000" * 300_000 + "\n" + " b" * 100_000)
    (tmp_path / "hostile.md").write_text("Links\n\n" + "[" * 300_000 + "](" * 100_000)
    with no_hang():
        articles, skipped, _ = read_all(tmp_path)
    text = {a.id: a.text for a in articles}
    assert "Envoys met in Oslo." in text["deep.html"]
    assert text["scripts.html"] == "Talks\n\nEnvoys met."
    assert text["hostile.html"].startswith("Talks in Lima.") and text["hostile.md"].startswith("Links")
    assert not skipped


def test_jsonl_reports_each_bad_line_by_number_and_reads_the_rest(tmp_path):
    lines = [json.dumps({"id": "n1", "text": "First story."}),
             "{not json",
             json.dumps({"id": "n2", "title": "T"}),  # no text
             json.dumps(["id", "text"]),
             json.dumps({"id": True, "text": "A boolean id."}),
             json.dumps({"id": "n3", "text": 42}),
             "[" * 100_000,  # deeper than the JSON parser recurses
             json.dumps({"id": "n4", "text": "Lone \ud800 surrogate in Berlin."}),
             json.dumps({"id": "x" * 5000, "text": "A huge id."}),
             json.dumps({"id": "n5", "text": "   "}),
             "",
             json.dumps({"id": "n6", "text": "Last story."})[:-5]]  # cut off mid-write
    raw = "\n".join(lines).encode() + b"\n" + b'{"id": "n7", "text": "Bad byte \xff in Rome."}\n'
    (tmp_path / "feed.jsonl").write_bytes(raw)
    articles, skipped, notes = read_all(tmp_path)
    assert [a.id for a in articles] == ["n1", "n4", "n7"]
    assert "\ufffd surrogate" in articles[1].text and "Bad byte \ufffd in Rome." in articles[2].text
    by_line = {int(s.source.rsplit(":", 1)[1]): (s.kind, s.reason) for s in skipped}
    assert {n: k for n, (k, _) in by_line.items()} == {
        2: "invalid_json", 3: "invalid_record", 4: "invalid_record", 5: "invalid_record", 6: "invalid_record",
        7: "invalid_json", 9: "invalid_record", 10: "empty", 12: "invalid_json"}
    assert "nested too deeply" in by_line[7][1] and "incomplete" in by_line[12][1]
    assert "not an array" in by_line[4][1] and "1000" in by_line[9][1]
    assert {n.source.rsplit(":", 1)[1] for n in notes} == {"8", "13"}


def test_a_jsonl_line_over_the_limit_is_skipped_unread_and_the_file_goes_on(tmp_path):
    with open(tmp_path / "big.jsonl", "wb") as f:
        f.write(json.dumps({"id": "a", "text": "Before."}).encode() + b"\n")
        f.write(b'{"id": "huge", "text": "' + b"x" * (ingest.MAX_FILE_BYTES + 10) + b'"}\n')
        f.write(json.dumps({"id": "b", "text": "After."}).encode() + b"\n")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    articles, skipped, _ = read_all(tmp_path)
    assert [a.id for a in articles] == ["a", "b"]
    assert [(s.source.rsplit("/", 1)[1], s.kind) for s in skipped] == [("big.jsonl:2", "too_large"),
                                                                      ("empty.jsonl", "empty")]


def test_duplicate_ids_across_files_name_where_the_first_came_from(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "same", "text": "A."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "same", "text": "B."}) + "\n")
    articles, skipped, _ = read_all(tmp_path)
    assert [a.text for a in articles] == ["A."]
    assert skipped[0].kind == "duplicate_id" and skipped[0].source.endswith("b.jsonl:1")
    assert "a.jsonl:1" in skipped[0].reason


def test_a_file_removed_after_the_folder_was_listed_is_reported_and_the_rest_read(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name}\n\nText of {name}.")
    items = ingest.read([tmp_path])
    first = next(items)
    (tmp_path / "b.txt").unlink()
    rest = list(items)
    assert first.id == "a.txt" and [i.id for i in rest if isinstance(i, Article)] == ["c.txt"]
    (gone,) = [i for i in rest if isinstance(i, ingest.Skipped)]
    assert gone.source.endswith("b.txt") and "gone" in gone.reason


def test_compressed_jsonl_and_text_files_are_read_as_they_decompress(tmp_path):
    import bz2
    import gzip
    import lzma

    import zstandard

    def line(n):
        return json.dumps({"id": f"r{n}", "title": f"Story {n}", "text": f"Story {n}\n\nBody {n}."}) + "\n"
    with gzip.open(tmp_path / "a.jsonl.gz", "wt") as f:
        f.write(line(1) + line(2))
    (tmp_path / "b.jsonl.xz").write_bytes(lzma.compress(line(3).encode()))
    (tmp_path / "c.ndjson.bz2").write_bytes(bz2.compress(line(4).encode()))
    (tmp_path / "d.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(line(5).encode()))
    (tmp_path / "note.txt.zst").write_bytes(zstandard.ZstdCompressor().compress(b"A note\n\nRead whole."))
    (tmp_path / "page.md.gz").write_bytes(gzip.compress(b"# A page\n\nText of the page."))
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(line(6).encode() * 50)[:-40])
    articles, skipped = read(tmp_path)
    by_id = {a.id: a for a in articles}
    assert set(by_id) >= {"r1", "r2", "r3", "r4", "r5", "note.txt", "page.md"}
    assert by_id["note.txt"].title == "A note" and by_id["page.md"].text.startswith("A page")
    assert [s.source for s in skipped if "damaged" in s.reason] == [str(tmp_path / "broken.jsonl.gz")]


def test_standard_input_is_read_as_jsonl_or_one_text(tmp_path, monkeypatch):
    import io
    import sys

    from newskg.graph.pipeline import _stdin_spooled

    for data, expected in ((b'{"id": "s1", "text": "Body one."}\n{"id": "s2", "text": "Body two."}\n', ["s1", "s2"]),
                           (b"Headline\n\nA plain story.", ["stdin.txt"])):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        with _stdin_spooled(["-"]) as paths:
            found = [a.id for a in ingest.read(paths) if isinstance(a, Article)]
            again = [a.id for a in ingest.read(paths) if isinstance(a, Article)]  # a build reads its input twice
        assert found == again == expected
