"""News as people save it: web pages saved from news sites (their article, not their menus,
banners, related lists and comments), web archives (WARC), and the documented JSONL fields."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, kg
from newskg.graph import ingest
from newskg.graph.records import Article
from newskg.graph.store import Store
from news_fixtures import (ARTICLE_NAMES, BOILERPLATE, HARBOUR, HARBOUR_URL, UNDATED_FETCHED, UNDATED_URL, VALLEY,
                           VALLEY_URL, write_warc)


def read(*paths):
    items = list(ingest.read(paths))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ingest.Skipped)],
            [i for i in items if isinstance(i, ingest.Note)])


def test_a_saved_page_gives_its_article_and_metadata_without_the_page_around_it():
    (harbour, valley), skipped, notes = read(HARBOUR, VALLEY)
    assert not skipped and not notes
    assert harbour.title == "Port authority approves Eastgate dredging plan"
    assert harbour.text.startswith(harbour.title + "\n\nThe Wexmouth Port Authority voted on Tuesday")
    assert harbour.published == "2024-03-12" and harbour.author == "Rosalind Pemberton-Shaw"
    assert harbour.url == "https://harbourledger.example/news/2024/03/12/port-authority-approves-eastgate-dredging"
    # the metadata of a page that gives it as JSON-LD and a canonical link
    assert valley.title == "Rail strike ends as union accepts pay offer" and valley.published == "2023-11-06"
    assert valley.author == "Henrietta Saltonstall" and valley.url == VALLEY_URL
    for article in (harbour, valley):
        paragraphs = article.text.split("\n\n")
        assert len(paragraphs) >= 5 and all(p.strip() == p and p for p in paragraphs)
    text = harbour.text + valley.text
    assert all(name in text for name in ARTICLE_NAMES)
    assert [name for name in BOILERPLATE if name in text] == []
    for words in ("cookies", "Advertisement", "Comments", "Most read", "Sign up", "ALSO READ", "Subscribe"):
        assert words not in text, words


def test_no_name_from_around_the_article_reaches_the_graph(tmp_path):
    store = tmp_path / "kg"
    kg("build", str(HARBOUR), str(VALLEY), "--no-progress", store=store)
    names = {r["n"] for r in Store(store).select(
        "SELECT DISTINCT ?n WHERE { { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n } UNION "
        "{ GRAPH ?g { ?m nkg:refersTo ?e ; nkg:start ?a ; nkg:end ?b . ?g nkg:text ?x } "
        "BIND(SUBSTR(?x, ?a + 1, ?b - ?a) AS ?n) } }")}
    assert {"Imogen Castellane", "Tobias Wrenfield", "Fitzgerald Obuya", "Marisol Undergrove"} <= names
    leaked = [b for b in BOILERPLATE if any(part in n for n in names for part in b.split() if len(part) > 5)]
    assert leaked == [], leaked
    rows = Store(store).select("SELECT ?t ?d ?u ?a WHERE { GRAPH ?g { ?g dcterms:title ?t ; dcterms:date ?d ; "
                               "schema:url ?u ; schema:author ?a } } ORDER BY ?d")
    assert [(r["t"], r["d"], r["a"]) for r in rows] == [
        ("Rail strike ends as union accepts pay offer", "2023-11-06", "Henrietta Saltonstall"),
        ("Port authority approves Eastgate dredging plan", "2024-03-12", "Rosalind Pemberton-Shaw")]


def test_a_page_too_deep_or_too_large_for_the_main_text_reader_is_read_whole_with_a_note(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 5_000 + "<p>Envoys met in Oslo.</p>"
                                        + "</div>" * 5_000 + "</body></html>")
    (tmp_path / "huge.html").write_text("<html><body><h1>Talks</h1><p>Envoys met in Lima.</p>"
                                        + "<span>x</span>" * (ingest.MAX_MAIN_TEXT_TAGS + 1) + "</body></html>")
    articles, skipped, notes = read(tmp_path)
    assert not skipped
    text = {a.id: a.text for a in articles}
    assert "Envoys met in Oslo." in text["deep.html"] and text["huge.html"].startswith("Talks\n\nEnvoys met in Lima.")
    said = {n.source.rsplit("/", 1)[1]: n.message for n in notes}
    assert "no main text found" in said["deep.html"] and "read all of the page's visible text" in said["deep.html"]
    assert f"{ingest.MAX_MAIN_TEXT_TAGS + 5:,} elements" in said["huge.html"]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_web_archive_gives_one_article_per_html_response_with_its_url_and_date(tmp_path, name):
    archive = write_warc(tmp_path / name)
    articles, skipped, notes = read(tmp_path)
    assert not skipped and not notes
    assert [a.id for a in articles] == [f"{name}#{HARBOUR_URL}", f"{name}#{VALLEY_URL}", f"{name}#{UNDATED_URL}"]
    harbour, valley, undated = articles
    assert harbour.url == HARBOUR_URL and valley.url == VALLEY_URL  # the record's URL, as fetched
    assert harbour.published == "2024-03-12" and valley.published == "2023-11-06"  # the pages' own dates
    assert undated.published == UNDATED_FETCHED  # no date in the page: the record's
    assert harbour.author == "Rosalind Pemberton-Shaw"
    assert [a.source for a in articles] == [f"{archive}:3", f"{archive}:9", f"{archive}:13"]  # record numbers
    # the server's charset (Windows-1252) decodes the page; the related link is not the article
    assert "Ren\u00e9e Vasquez-Lindqvist" in undated.text and "Jasper Ollivant" not in undated.text
    assert not any(b in a.text for a in articles for b in BOILERPLATE)


def test_kg_build_reads_a_web_archive_into_the_store(tmp_path):
    archive = write_warc(tmp_path / "crawl.warc.gz")
    store = tmp_path / "kg"
    result = kg("build", str(archive), "--no-progress", "--json", store=store)
    report = json.loads(result.stdout)["report"]
    assert report["built"] == 3 and report["skipped"] == []
    docs = {r["id"]: r for r in Store(store).select(
        "SELECT ?id ?u ?d WHERE { GRAPH ?g { ?g dcterms:identifier ?id ; schema:url ?u ; dcterms:date ?d } }")}
    assert docs[f"crawl.warc.gz#{UNDATED_URL}"]["d"] == UNDATED_FETCHED
    labels = {r["l"] for r in Store(store).select("SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert {"Anselm Kettering", "Imogen Castellane"} <= labels
    again = json.loads(kg("build", str(archive), "--no-progress", "--json", store=store).stdout)["report"]
    assert again["built"] == 0 and again["unchanged"] == 3


def test_a_damaged_or_empty_archive_is_reported_and_what_came_before_the_damage_is_kept(tmp_path):
    archive = write_warc(tmp_path / "whole.warc.gz")
    whole = archive.read_bytes()
    cut = len(whole) - 700  # inside the third page's record: the first two are whole
    (tmp_path / "cut.warc.gz").write_bytes(whole[:cut])
    plain = write_warc(tmp_path / "plain.warc")
    (tmp_path / "cut.warc").write_bytes(plain.read_bytes()[:plain.read_bytes().index(b"Anselm Kettering")])
    plain.unlink()
    archive.unlink()
    (tmp_path / "notwarc.warc").write_text("<html><body>Not an archive</body></html>")
    (tmp_path / "images.warc").write_bytes(b"")
    articles, skipped, _ = read(tmp_path)
    assert [a.url for a in articles] == [HARBOUR_URL, VALLEY_URL] * 2
    reasons = {s.source.rsplit("/", 1)[1]: (s.kind, s.reason) for s in skipped}
    for cut in ("cut.warc", "cut.warc.gz"):
        assert reasons[cut][0] == "invalid_archive" and "the pages before the damage were read" in reasons[cut][1]
    assert reasons["notwarc.warc"][0] == "invalid_archive"
    assert reasons["images.warc"][0] == "empty"


def test_the_readme_documents_every_input_format_and_jsonl_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Input formats"):]
    section = section[:section.index("\n## ")]
    for suffix in sorted(ingest.SUFFIXES):
        assert f"`{suffix}`" in section, suffix
    for field in ingest.JSONL_FIELDS:
        assert f"`{field}`" in section, field
    assert set(ingest.JSONL_FIELDS) == {"id", "text", "title", "url", "published", "date", "author"}
