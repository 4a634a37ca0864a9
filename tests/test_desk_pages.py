"""The analyst's desk without a browser: the article page's marked text, mentions over time,
the neighbourhood of a date range, what is new, and one colour per type in the pages and the
exports (the browser tests, tests/test_web_ui.py, see the same pages drawn)."""
from __future__ import annotations

import re

import pytest
from PIL import Image

from newskg.api import create_app
from newskg.api.pages import marked
from conftest import kg
from newskg.graph.view import TYPE_COLOURS


@pytest.fixture(scope="module")
def client(desk_store):
    return create_app({"STORE": str(desk_store), "TESTING": True}).test_client()


def test_the_text_is_cut_into_runs_of_evidence_holding_mentions():
    text = "Ann Lee, head of Acme, met Bo in Rome."
    mentions = [{"start": 0, "end": 7, "entity": "ann-lee", "type": "PERSON"},
                {"start": 17, "end": 21, "entity": "acme", "type": "ORG"},
                {"start": 27, "end": 29, "entity": "bo", "type": "PERSON"},
                {"start": 33, "end": 37, "entity": "rome", "type": "PLACE"}]
    relations = [{"start": 0, "end": 21}, {"start": 17, "end": 37}]  # overlapping evidence
    runs = marked(text, 0, mentions, relations)
    assert "".join(p.text for r in runs for p in r.pieces) == text
    assert [(r.relations, r.first_of, [(p.text, p.entity) for p in r.pieces]) for r in runs] == [
        ((0,), (0,), [("Ann Lee", "ann-lee"), (", head of ", None)]),
        ((0, 1), (1,), [("Acme", "acme")]),
        ((1,), (), [(", met ", None), ("Bo", "bo"), (" in ", None), ("Rome", "rome")]),
        ((), (), [(".", None)])]
    # from an offset (after the headline), spans before it are left out or cut
    tail = marked(text, 9, mentions, relations)
    assert "".join(p.text for r in tail for p in r.pieces) == text[9:]
    assert tail[0].pieces[0].text == "head of " and tail[0].relations == (0,)


def test_the_article_page_and_api_give_the_mentions_author_and_source(client):
    doc = client.get("/api/documents/harlow-007").get_json()
    assert doc["author"] == "Gazette staff" and doc["date"] == "2024-03-04"
    assert all(doc["text"][m["start"]:m["end"]] for m in doc["mentions"])
    assert {"mira-okafor", "desmond-vale", "harlow-bay"} <= {m["entity"] for m in doc["mentions"]}
    html = client.get("/article/harlow-007").get_data(as_text=True)
    assert html.count('<a class="mention mention-') == sum(m["start"] >= len(doc["title"]) for m in doc["mentions"])
    assert 'href="https://harlowbay-gazette.example/harlow-007"' in html and 'class="evidence"' in html
    missing = client.get("/article/no-such-article")
    assert missing.status_code == 404 and "No article" in missing.get_data(as_text=True)
    # the entity's articles carry their dates, for the entity page's list
    articles = client.get("/api/entities/mira-okafor").get_json()["articles"]
    assert {(a["id"], a["date"]) for a in articles} >= {("harlow-009", "2024-03-08"), ("harlow-005", "2024-02-14")}


def test_mentions_per_week_or_month(client):
    weeks = client.get("/api/entities/mira-okafor/timeline").get_json()
    assert weeks["period"] == "week"
    assert [(p["start"], p["mentions"], p["articles"]) for p in weeks["periods"]] == [
        ("2024-02-12", 1, 1), ("2024-02-19", 0, 0), ("2024-02-26", 0, 0), ("2024-03-04", 11, 3)]
    months = client.get("/api/entities/mira-okafor/timeline?period=month").get_json()
    assert [(p["start"], p["mentions"]) for p in months["periods"]] == [("2024-02-01", 1), ("2024-03-01", 11)]
    undated = client.get("/api/entities/taliban/timeline").get_json()
    assert undated["periods"] == [] and undated["undated"] == {"articles": 2, "mentions": 57}
    assert client.get("/api/entities/mira-okafor/timeline?period=day").status_code == 400
    assert client.get("/api/entities/nobody/timeline").status_code == 404


def test_the_neighbourhood_of_a_date_range(client):
    def ids(query: str) -> set[str]:
        body = client.get(f"/api/entities/mira-okafor/neighbors?{query}").get_json()
        return {n["id"] for n in body["nodes"]}

    everything, march, january = ids(""), ids("since=2024-03-04&until=2024-03-10"), ids("until=2024-01-31")
    assert march <= everything
    assert "quay-street" in march and "harlow-bay-teachers-union" in march
    assert january == {"mira-okafor"}  # not in the news before February: the entity alone
    feb = client.get("/api/entities/mira-okafor/neighbors?since=2024-02-01&until=2024-02-29").get_json()
    assert feb["nodes"][0]["mentions"] == 1 and "quay-street" not in {n["id"] for n in feb["nodes"]}
    for bad in ("since=2024-13-01", "since=yesterday", "since=2024-03-10&until=2024-03-01"):
        r = client.get(f"/api/entities/mira-okafor/neighbors?{bad}")
        assert r.status_code == 400 and r.get_json()["error"]["code"], bad


def test_the_home_page_says_what_is_new(client, seed_store):
    html = client.get("/").get_data(as_text=True)
    new = html[html.index('id="whats-new"'):html.index('id="latest"')]
    assert "week of 2024-03-04" in new
    first = re.search(r'href="/browse/([^"]+)".*?\+(\d+)', new, re.S)
    assert first.groups() == ("mira-okafor", "11")
    assert 'href="/article/harlow-009"' in html
    undated = create_app({"STORE": str(seed_store), "TESTING": True}).test_client().get("/").get_data(as_text=True)
    assert "No article has a publication date" in undated


def test_pages_use_the_exports_colours(client):
    html = client.get("/").get_data(as_text=True)
    declared = dict(re.findall(r"--type-([A-Z]+): (#[0-9a-f]{6})", html))
    assert declared == {t: "#{:02x}{:02x}{:02x}".format(*c) for t, c in TYPE_COLOURS.items()}
    assert len(set(declared.values())) == 5
    css = client.get("/static/site.css").get_data(as_text=True)
    assert not re.search(r"--type-[A-Z]+\s*:", css)  # no copy of its own to drift from the exports'


def test_the_png_keeps_each_types_colour_exactly_even_for_rare_types(seed_store, tmp_path):
    """A graph of 300 entities where events and groups are few: a median cut of the drawing's
    colours gave their nodes the colour of a neighbouring cluster (EVENT came out red)."""
    import io
    import random

    from newskg.graph.export import image
    from newskg.graph.view import EdgeView, GraphView, NodeView

    rng = random.Random(3)
    types = list(TYPE_COLOURS)
    nodes = {f"n{i}": NodeView(f"n{i}", f"http://example.org/n{i}", f"Name {i}",
                               rng.choices(types, [40, 30, 25, 2, 3])[0], mentions=rng.randint(1, 40))
             for i in range(300)}
    edges = [EdgeView(f"n{a}", f"n{b}", rng.choice(["relation", "comention", "comention"]), ["leads"], 1, 1, 1)
             for a, b in ((rng.randrange(300), rng.randrange(300)) for _ in range(1500)) if a != b]
    out = io.BytesIO()
    image.write(GraphView(nodes, edges), out, "png", labels=80)
    drawn = Image.open(io.BytesIO(out.getvalue()))
    assert drawn.mode == "P"  # still a palette PNG
    found = {colour for _, colour in drawn.convert("RGB").getcolors(1 << 16)}
    assert {t for t, c in TYPE_COLOURS.items() if c not in found} == set()
    # and the seeds' picture, through the command line
    kg("export", "-o", str(tmp_path / "seeds.png"), store=seed_store)
    seeds = {colour for _, colour in Image.open(tmp_path / "seeds.png").convert("RGB").getcolors(1 << 16)}
    assert set(TYPE_COLOURS.values()) <= seeds
