"""The web pages in a real browser: headless Chromium (Debian's) driven by Playwright, on the
real `kg serve` over the seed store.

Search an entity and open its page; see its facts, evidence and the Cytoscape graph; click a
node; run SPARQL in YASGUI. Every request must stay on the server: the front-end libraries
come from web/node_modules, never from a CDN. Screenshots go to build/screenshots/.

Without Chromium, Playwright or the npm libraries (`make setup`) the browser tests skip on a
developer machine and fail under CI (the CI environment variable set).
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from newskg.api import create_app, vendor

from servers import serving

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]


def _chromium() -> str | None:
    candidates = [os.environ.get("KG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                  shutil.which("chromium-browser")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if _chromium() is None:
        return "Chromium is not installed (apt-get install chromium, or set KG_CHROMIUM)"
    modules = Path(os.environ.get("KG_WEB_MODULES") or vendor.DEFAULT_DIR)  # what the server will serve
    missing = [name for name in vendor.FILES if not (modules / name).is_file()]
    if missing:
        return f"the front-end libraries are not installed ({missing[0]}): run make setup"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=_chromium(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(seed_server):
    """The pages are tested the whole way, on the sample articles as the model reads them."""
    return seed_server


@pytest.fixture
def page(browser, server):
    """A fresh page that refuses (and records) any request leaving the server, and records
    script errors and static files not served; the test fails on any."""
    yield from _guarded_page(browser, server)


def _guarded_page(browser, server):
    # the tests read the page's state with Playwright's evaluate, which the pages' policy (no
    # eval) would refuse; the hostile-input test below runs with the policy enforced
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    outside, errors, unserved = [], [], []

    def guard(route):
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("response", lambda r: unserved.append(f"{r.status} {r.url}")
           if r.status >= 400 and "/static/" in r.url else None)
    yield tab
    context.close()
    assert not outside, f"the page fetched from outside the server: {outside}"
    assert not errors, f"script errors: {errors}"
    assert not unserved, f"static files not served: {unserved}"


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def wait_for_graph(page, at_least: int = 2) -> int:
    page.wait_for_function("n => window.cy && window.cy.nodes().length >= n", arg=at_least)
    return page.evaluate("window.cy.nodes().length")


def test_search_opens_an_entity_page_with_facts_evidence_articles_and_graph(page, server):
    page.goto(server + "/")
    page.fill("#q", "massoud")
    page.locator("#results a", has_text=re.compile(r"^\s*PERSON\s+Ahmad Massoud$")).wait_for()
    shot(page, "home-search")
    page.locator("#results a", has_text=re.compile(r"^\s*PERSON\s+Ahmad Massoud$")).click()
    page.wait_for_url(server + "/browse/ahmad-massoud")

    page.locator("dd[data-fact=label]", has_text="Ahmad Massoud").wait_for()
    assert page.inner_text("dd[data-fact=type]") == "PERSON"
    assert page.inner_text("dd[data-fact=titles]") not in ("", "—")
    relations = page.locator("#relations li.relation")
    assert relations.count() >= 2
    assert page.locator("li.relation[data-predicate=leads] blockquote").first.inner_text().strip()
    assert page.locator("#articles li").count() >= 1

    nodes = wait_for_graph(page)
    assert page.locator("#graph canvas").count() >= 1
    assert page.get_attribute("#graph", "data-nodes") == str(nodes)
    assert page.evaluate("window.cy.getElementById('ahmad-massoud').hasClass('root')")
    # relations are labelled by predicate; co-mentions are dashed and unlabelled
    assert page.evaluate("window.cy.edges('.relation').map(e => e.data('label')).join(' ')") != ""
    assert page.evaluate("window.cy.edges('.comention').length") > 0
    assert page.evaluate("window.cy.edges('.comention')[0].style('line-style')") == "dashed"
    assert page.evaluate("window.cy.edges('.relation')[0].style('line-style')") == "solid"
    # nodes of different types get different colours
    colours = page.evaluate("[...new Set(window.cy.nodes().map(n => n.style('background-color')))]")
    assert len(colours) >= 2
    shot(page, "entity")


def test_graph_controls_redraw_and_clicking_a_node_opens_that_entity(page, server):
    page.goto(server + "/browse/ahmad-massoud")
    near = wait_for_graph(page)  # depth 1: the entity and what touches it
    assert page.evaluate("window.cy.nodes().every(n => n.hasClass('root') || "
                         "n.edgesWith(window.cy.getElementById('ahmad-massoud')).length > 0)")
    page.select_option("select[name=depth]", "2")
    page.wait_for_function("n => window.cy.nodes().length > n", arg=near)
    page.uncheck("input[name=comentions]")
    page.wait_for_function("window.cy.edges('.comention').length === 0 && window.cy.edges('.relation').length > 0")

    page.locator("#graph").scroll_into_view_if_needed()
    # the node clicked is the visible one farthest from the others, so that the click cannot land
    # on a neighbour drawn over it; the page may still be settling (scrolling, fitting the view)
    # when the first click comes, so a click that opened nothing is tried again
    for attempt in range(3):
        target = page.evaluate("""() => {
            const cy = window.cy, w = cy.width(), h = cy.height();
            const all = cy.nodes().map(n => ({id: n.id(), root: n.hasClass('root'), at: n.renderedPosition()}));
            let best = null, room = -1;
            for (const n of all) {
                if (n.root || n.at.x < 20 || n.at.y < 20 || n.at.x > w - 20 || n.at.y > h - 20) continue;
                const gap = Math.min(...all.filter(o => o !== n).map(o => Math.hypot(o.at.x - n.at.x, o.at.y - n.at.y)));
                if (gap > room) { best = n; room = gap; }
            }
            return {id: best.id, x: best.at.x, y: best.at.y};
        }""")
        box = page.locator("#graph").bounding_box()
        page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
        try:
            page.wait_for_url(f"{server}/browse/{target['id']}", timeout=4_000)
            break
        except Exception:
            if attempt == 2:
                raise
    wait_for_graph(page, 1)
    assert page.evaluate(f"window.cy.getElementById({target['id']!r}).hasClass('root')")


def test_sparql_editor_runs_a_typed_query_and_shows_results(page, server):
    page.goto(server + "/query")
    page.wait_for_function("window.yasgui && document.querySelector('.CodeMirror')")
    # the query the page runs on opening is let finish first: running another aborts it, and a
    # loaded machine is slow enough for that to happen
    page.locator("#examples button.example").first.wait_for()
    page.wait_for_function("!window.yasgui.getTab().getYasqe().req && document.querySelector('.yasr table tbody tr')")
    page.evaluate("""window.yasgui.getTab().getYasqe().setValue(
        'SELECT ?leader ?led WHERE { ?l nkg:leads ?o ; rdfs:label ?leader . ?o rdfs:label ?led } ORDER BY ?leader')""")
    page.click(".yasqe_queryButton")
    page.locator(".yasr table thead", has_text="led").wait_for()
    table = page.locator(".yasr table tbody")
    table.locator("tr").first.wait_for()
    assert "Ahmad Massoud" in table.inner_text()
    shot(page, "query")


def test_named_queries_are_examples_that_bind_parameters_and_run(page, server):
    page.goto(server + "/query?name=evidence&entity=ahmad-massoud")
    page.wait_for_function("window.yasgui && window.yasgui.getTab().getQuery().includes('VALUES ?entity')")
    text = page.evaluate("window.yasgui.getTab().getQuery()")
    assert "entity:ahmad-massoud" in text and "PREFIX nkg:" in text
    page.locator(".yasr table tbody tr").first.wait_for()
    assert "Ahmad Massoud" in page.inner_text(".yasr table tbody")

    examples = page.locator("#examples button.example")
    assert examples.count() >= 5
    page.click("#examples button.example[data-name=leaders]")
    page.wait_for_function("window.yasgui.getTab().getQuery().includes('nkg:leads')")
    page.locator(".yasr table thead", has_text="leaderLabel").wait_for()
    assert "Ahmad Massoud" in page.inner_text(".yasr table tbody")
    # each example opens in its own tab: the first one is still there
    tabs = page.get_by_role("tab").all_inner_texts()
    assert any("Evidence" in t for t in tabs) and any("Who leads what" in t for t in tabs), tabs
    shot(page, "query-example")


def test_sparql_page_opens_on_a_newskg_example_with_values_not_datatypes_and_no_leftover_tab(page, server):
    page.goto(server + "/query")
    page.locator(".yasr table tbody tr").first.wait_for()
    query = page.evaluate("window.yasgui.getTab().getQuery()")
    assert "nkg:mentionCount" in query and "?sub ?pred ?obj" not in query
    assert [t.split("\n")[0] for t in page.get_by_role("tab").all_inner_texts()] == ["Most mentioned entities"]
    first_row = page.locator(".yasr table tbody tr").first.inner_text()
    assert "Taliban" in first_row and "57" in first_row
    cells = page.inner_text(".yasr table tbody")
    assert "^^" not in cells and "xsd:" not in cells and '"57"' not in cells
    shot(page, "query-first")
    # an example opens in the untouched first tab instead of beside it
    page.goto(server + "/query?name=leaders")
    page.wait_for_function("window.yasgui.getTab().getQuery().includes('nkg:leads')")
    assert [t.split("\n")[0] for t in page.get_by_role("tab").all_inner_texts()] == ["Who leads what"]


def test_relation_labels_in_the_graph_are_level_opaque_and_readable_at_any_zoom(page, server):
    page.goto(server + "/browse/taliban")
    page.select_option("select[name=depth]", "2")
    page.wait_for_function("window.cy && window.cy.nodes().length > 20")
    page.wait_for_timeout(300)
    labels = page.evaluate("""window.cy.edges('.relation').map(e => ({
        size: parseFloat(e.style('font-size')) * window.cy.zoom(), rotation: e.style('text-rotation'),
        ground: parseFloat(e.style('text-background-opacity')), label: e.data('label')}))""")
    assert labels and all(x["label"] for x in labels)
    assert min(x["size"] for x in labels) >= 11.5, labels[:3]  # pixels on screen
    assert {x["rotation"] for x in labels} == {"none"} and {x["ground"] for x in labels} == {1}
    shot(page, "entity-depth-2")
    page.evaluate("window.cy.zoom(window.cy.zoom() / 2)")
    assert page.evaluate("parseFloat(window.cy.edges('.relation')[0].style('font-size')) * window.cy.zoom()") >= 11.5


def test_each_type_has_the_exports_colour_in_badges_mentions_and_graph(page, server):
    from newskg.graph.view import TYPE_COLOURS

    rgb = {t: "rgb({}, {}, {})".format(*c) for t, c in TYPE_COLOURS.items()}
    page.goto(server + "/browse/taliban")
    wait_for_graph(page)
    nodes = page.evaluate("Object.fromEntries(window.cy.nodes().map(n => [n.data('type'), n.style('background-color')]))")
    assert len(nodes) >= 4 and all(colour.replace(" ", "") == rgb[t].replace(" ", "") for t, colour in nodes.items())
    for t in TYPE_COLOURS:
        badge = page.locator(f".legend .type-{t}").first
        assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == rgb[t]
    page.goto(server + "/article/000_3ad62285e03f5f79.txt")
    for t in ("PERSON", "ORG", "PLACE"):
        mention = page.locator(f"#text a.mention-{t}").first
        assert mention.evaluate("a => getComputedStyle(a).borderBottomColor") == rgb[t]


# -- the analyst's desk: pages over dated articles -------------------------------------------------------

@pytest.fixture(scope="module")
def desk_server(desk_store):
    """`kg serve` over the seeds and an invented town's dated news (conftest.desk_store)."""
    with serving(desk_store) as (url, _):
        yield url


@pytest.fixture
def desk_page(browser, desk_server):
    yield from _guarded_page(browser, desk_server)


def test_home_page_shows_what_is_new_and_the_latest_articles(desk_page, desk_server):
    page = desk_page
    page.goto(desk_server + "/")
    new = page.locator("#whats-new li")
    assert "week of 2024-03-04" in page.inner_text("#whats-new")
    assert re.fullmatch(r"PERSON\s+Mira Okafor\s+\+11", new.first.inner_text().strip())
    assert new.first.locator("a").get_attribute("href") == "/browse/mira-okafor"
    latest = page.locator("#latest li a")
    assert latest.first.inner_text() == "Poll puts Okafor ahead in Harlow Bay"
    shot(page, "home-whats-new")
    latest.first.click()
    page.wait_for_url(desk_server + "/article/harlow-009")
    assert page.inner_text("h1") == "Poll puts Okafor ahead in Harlow Bay"


def test_article_page_links_every_mention_and_marks_the_evidence(desk_page, desk_server):
    import requests as http

    page = desk_page
    doc = http.get(desk_server + "/api/documents/harlow-007").json()
    page.goto(desk_server + "/article/harlow-007")
    assert page.inner_text("h1") == "Mira Okafor announces run for mayor of Harlow Bay"
    assert page.inner_text("#article-date") == "2024-03-04" and page.inner_text("#article-author") == "by Gazette staff"
    assert page.get_attribute("#article-source a", "href") == "https://harlowbay-gazette.example/harlow-007"
    # every mention after the headline is a link to its entity, tinted by its type
    body = [m for m in doc["mentions"] if m["start"] >= len(doc["title"])]
    links = page.locator("#text a.mention")
    assert links.count() == len(body) >= 6
    for i, m in enumerate(body):
        link = links.nth(i)
        assert link.inner_text() == doc["text"][m["start"]:m["end"]]
        assert link.get_attribute("href") == f"/browse/{m['entity']}"
        assert f"mention-{m['type']}" in link.get_attribute("class")
    # the text reads as the article does, marks and links included
    assert page.inner_text("#text") == doc["text"][len(doc["title"]):].lstrip()
    marks = page.locator("#text mark.evidence")
    assert marks.count() >= 1
    marked = " ".join(marks.all_inner_texts())
    assert "Mira Okafor, the leader of the Harlow Bay Teachers Union" in marked
    relations = page.locator("#relations li")
    assert relations.count() == len(doc["relations"])
    relations.first.locator("a").click()
    assert page.evaluate("location.hash") == "#ev0" and page.locator("#ev0").count() == 1
    shot(page, "article")
    page.click("#text a.mention-PERSON >> nth=0")
    page.wait_for_url(desk_server + "/browse/mira-okafor")


def test_entity_page_charts_mentions_per_week_and_filters_the_graph_by_date(desk_page, desk_server):
    page = desk_page
    page.goto(desk_server + "/browse/mira-okafor")
    page.wait_for_function("document.querySelectorAll('#timeline rect.bar').length > 0 && window.cy")
    bars = page.locator("#timeline rect.bar")
    assert page.get_attribute("#timeline", "data-period") == "week"
    starts = [bars.nth(i).get_attribute("data-start") for i in range(bars.count())]
    assert starts == ["2024-02-12", "2024-02-19", "2024-02-26", "2024-03-04"]
    assert [bars.nth(i).get_attribute("data-mentions") for i in range(bars.count())] == ["1", "0", "0", "11"]
    assert bars.last.evaluate("b => getComputedStyle(b).fill") == "rgb(59, 111, 182)"  # PERSON's colour
    page.select_option("#timeline-controls select[name=period]", "month")
    page.wait_for_function("document.querySelector('#timeline').dataset.period === 'month'")
    assert page.locator("#timeline rect.bar").count() == 2
    # the article list links to the article pages, newest first
    first = page.locator("#articles li a").first
    assert first.inner_text() == "Poll puts Okafor ahead in Harlow Bay" and first.get_attribute("href") == \
        "/article/harlow-009"
    all_nodes = wait_for_graph(page)
    # a bar shows its period's graph: the last week's
    page.locator("#timeline rect.bar").last.click()
    page.wait_for_function("document.querySelector('#graph').dataset.range === '2024-03-01..2024-03-31'")
    assert page.input_value("input[name=since]") == "2024-03-01"
    week = page.evaluate("window.cy.nodes().map(n => n.id())")
    assert "tomas-brannigan" in week
    shot(page, "entity-timeline")
    # January: Mira Okafor is not in the news yet
    page.fill("input[name=since]", "2024-01-01")
    page.fill("input[name=until]", "2024-01-31")
    page.dispatch_event("input[name=until]", "change")
    page.wait_for_function("document.querySelector('#graph').dataset.range === '2024-01-01..2024-01-31' && "
                           "window.cy.nodes().length === 1")
    assert "No article published from 2024-01-01 to 2024-01-31 mentions Mira Okafor" in \
        page.inner_text("#graph-status")
    page.click("#all-dates")
    page.wait_for_function("n => window.cy.nodes().length === n && document.querySelector('#graph').dataset.range === ''",
                           arg=all_nodes)


# -- hostile input: stored script never runs ------------------------------------------------------------

HOSTILE_ARTICLES = [
    {"id": "hostile-1", "url": "javascript:alert('url')",
     "title": "<script>alert('title')</script> Mayor \"><img src=x onerror=alert('title-img')> speaks",
     "text": "Mayor Alice Brown\"><script>alert('sentence')</script> met Governor Robert Green"
             "<img src=x onerror=alert('sentence-img')> in Springfield, Illinois, on Monday.\n\n"
             "\"<svg onload=alert('quote')>\", said Alice Brown, the mayor of Springfield. "
             "Robert Green is the governor of Illinois."},
    {"id": "hostile-2\"><img src=x onerror=alert('id')>", "url": " JaVaScRiPt:alert('url2')",
     "title": "javascript:alert('title-link')", "text": "Alice Brown visited Chicago, Illinois, with Robert Green."},
]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """A store built from articles whose url, title, names and sentences carry script, plus
    entries loaded (with --force) whose labels and IRIs do, served by `kg serve`."""
    import json as json_

    from conftest import kg
    root = tmp_path_factory.mktemp("hostile")
    articles = root / "articles.jsonl"
    articles.write_text("".join(json_.dumps(a) + "\n" for a in HOSTILE_ARTICLES))
    store = root / "kg"
    kg("build", str(articles), store=store)
    base, ns = "http://localhost:8000/", "http://localhost:8000/ontology#"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    entries = root / "entries.nq"
    registry = f"<{base}graph/entities>"
    lines = []
    for iri, label in ((f"<{base}entity/evil-label>", "<img src=x onerror=alert('label')>"),
                       ("<javascript:alert('iri')>", "javascript:alert('iri-label')")):
        lines += [f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{ns}Person> {registry} .",
                  f"{iri} <http://www.w3.org/2000/01/rdf-schema#label> {json_.dumps(label)} {registry} .",
                  f"{iri} <http://www.w3.org/2004/02/skos/core#altLabel> \"<b onmouseover=alert('alt')>x</b>\" {registry} .",
                  f"{iri} <{ns}mentionCount> \"3\"^^<{xsd}integer> {registry} .",
                  f"{iri} <{ns}documentCount> \"1\"^^<{xsd}integer> {registry} ."]
    entries.write_text("\n".join(lines) + "\n")
    kg("load", "--force", str(entries), store=store)
    with serving(store) as (url, _):
        yield url


def test_no_page_runs_script_from_the_graph(browser, hostile_server):
    """Every page, with the pages' own policy in force: no dialog ever opens, no link is a
    `javascript:` URL, and every HTML response carries the policy and nosniff."""
    import requests as http

    server = hostile_server
    dialogs, bad_headers = [], []
    context = browser.new_context()  # the policy enforced: no bypass
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def check(response):
        if response.url.startswith(server) and response.headers.get("content-type", "").startswith("text/html"):
            csp = response.headers.get("content-security-policy", "")
            if "script-src 'self'" not in csp or response.headers.get("x-content-type-options") != "nosniff":
                bad_headers.append(response.url)

    page.on("response", check)
    found = http.get(server + "/api/entities", params={"q": "", "limit": 200}).json()["results"]
    ids = [r["id"] for r in found]
    assert "evil-label" in ids and len(ids) >= 4
    documents = [d["id"] for d in http.get(server + "/api/documents").json()["results"]]
    urls = ["/", "/query", "/ontology?format=html", "/query?name=evidence&entity=alice-brown"]
    urls += [f"/browse/{requests_quote(i)}" for i in ids]
    urls += [f"/entity/{requests_quote(i)}?format=html" for i in ids]
    urls += [f"/doc/{requests_quote(d, safe='')}?format=html" for d in documents]
    urls += [f"/article/{requests_quote(d, safe='')}" for d in documents]
    for url in urls:
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
        links = page.locator("a[href]")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], (url, hrefs)
    # search for the hostile names and open the results; type a query returning them into the editor
    page.goto(server + "/")
    page.fill("#q", "alert")
    page.wait_for_timeout(1000)
    page.goto(server + "/query")
    # (the query the page runs on opening is let finish first, or its table replaces this one's)
    page.locator(".yasr table tbody tr").first.wait_for()
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT ?s ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'alert') || CONTAINS(STR(?s), 'alert')) }")
    page.click(".yasqe_queryButton")
    page.locator(".yasr table tbody", has_text="alert").wait_for()
    from playwright.sync_api import Error as PlaywrightError

    clicked = 0
    for link in page.locator(".yasr table tbody a").all()[:20]:
        # (a link the results table has since redrawn is gone: clicking it proves nothing, and
        # under a loaded machine's timing it made this test fail now and then -- also between the
        # check that it is shown and the click)
        if not link.is_visible():
            continue
        try:
            link.click(modifiers=["Control"], force=True, timeout=3000)  # where a link would run script, the policy stops it
        except PlaywrightError:
            continue
        clicked += 1
    assert clicked
    # the document pages' and article pages' links, clicked
    for d in documents:
        page.goto(f"{server}/doc/{requests_quote(d, safe='')}?format=html")
        for link in page.locator("main a, dd a").all():
            link.click(modifiers=["Control"], force=True)
        page.goto(f"{server}/article/{requests_quote(d, safe='')}")
        assert page.locator("h1").count() == 1
        for link in page.locator("main a").all():
            link.click(modifiers=["Control"], force=True)
    shot(page, "hostile-article")
    page.wait_for_timeout(500)
    shot(page, "hostile-document")
    context.close()
    assert dialogs == [], f"script from the graph ran: {dialogs}"
    assert bad_headers == [], f"HTML without the security headers: {bad_headers}"


def requests_quote(text: str, safe: str = "") -> str:
    from urllib.parse import quote

    return quote(text, safe=safe)


# Without a browser: the pages when the npm libraries are missing, and the vendor whitelist.

@pytest.fixture(scope="module")
def client_without_libraries(seed_store, tmp_path_factory):
    empty = tmp_path_factory.mktemp("no-node-modules")
    return create_app({"STORE": str(seed_store), "TESTING": True, "WEB_MODULES": str(empty)}).test_client()


def test_pages_without_the_npm_libraries_load_and_say_run_make_setup(client_without_libraries):
    client = client_without_libraries
    for url in ("/browse/ahmad-massoud", "/query"):
        page = client.get(url)
        assert page.status_code == 200 and b"make setup" in page.data and b"/static/vendor/" not in page.data
    missing = client.get("/static/vendor/cytoscape/dist/cytoscape.min.js")
    assert missing.status_code == 404 and "make setup" in missing.get_json()["error"]["message"]
    assert client.get("/api/entities/ahmad-massoud").status_code == 200


def test_vendor_route_serves_only_its_whitelist(seed_store, tmp_path):
    (tmp_path / "cytoscape" / "dist").mkdir(parents=True)
    (tmp_path / "cytoscape" / "dist" / "cytoscape.min.js").write_text("/* cytoscape */")
    (tmp_path / "cytoscape" / "package.json").write_text("{}")
    client = create_app({"STORE": str(seed_store), "TESTING": True, "WEB_MODULES": str(tmp_path)}).test_client()
    served = client.get("/static/vendor/cytoscape/dist/cytoscape.min.js")
    assert served.status_code == 200 and served.mimetype == "text/javascript" and served.data == b"/* cytoscape */"
    for url in ("/static/vendor/cytoscape/package.json", "/static/vendor/../../pyproject.toml",
                "/static/vendor/%2e%2e/%2e%2e/pyproject.toml", "/static/vendor/cytoscape/dist/../../../../README.md"):
        assert client.get(url).status_code == 404, url
    assert client.get("/browse/no-such-entity").status_code == 404
