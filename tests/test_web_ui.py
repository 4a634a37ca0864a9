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

from api import create_app, vendor

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


@pytest.fixture
def page(browser, server):
    """A fresh page that refuses (and records) any request leaving the server, and records
    script errors and static files not served; the test fails on any."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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
    # on a neighbour drawn over it
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
    page.wait_for_url(f"{server}/browse/{target['id']}")
    wait_for_graph(page, 1)
    assert page.evaluate(f"window.cy.getElementById({target['id']!r}).hasClass('root')")


def test_sparql_editor_runs_a_typed_query_and_shows_results(page, server):
    page.goto(server + "/query")
    page.wait_for_function("window.yasgui && document.querySelector('.CodeMirror')")
    page.evaluate("""window.yasgui.getTab().getYasqe().setValue(
        'SELECT ?leader ?led WHERE { ?l nkg:leads ?o ; rdfs:label ?leader . ?o rdfs:label ?led } ORDER BY ?leader')""")
    page.click(".yasqe_queryButton")
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
