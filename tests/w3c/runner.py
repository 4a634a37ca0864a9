"""The W3C SPARQL query test suites, run through the HTTP endpoint of a real `kg serve`.

One store folder and one server serve the whole run. Before each evaluation test a writer
empties the store of every graph but newskg's own (meta and ontology), loads the test's
files and publishes; the server opens the new version on its next request. The query then
goes over the SPARQL protocol with its dataset put the standard way:

* a query with FROM / FROM NAMED gets nothing more; each file it names is loaded as the
  named graph of the IRI the query uses;
* otherwise the qt:data files are loaded into one graph, sent as `default-graph-uri`, and
  each qt:graphData file into the graph of its own IRI, sent as `named-graph-uri` — so the
  store's own graphs never reach the results, and a triple present in two data files is
  still one triple of the default graph.

Queries are sent with `BASE <file IRI of the query>` in front, as the suites resolve
relative IRIs against the files' own locations (and so do the data and expected results).
Every result is asked for in each format that can carry it (JSON, XML, TSV and CSV for
solutions; JSON and XML for booleans; N-Triples, Turtle and RDF/XML for graphs) and each
answer is compared with the expected one (CSV, which keeps only lexical forms, with the JSON
answer), so both the engine and the serialisers are tested.

Syntax tests send the query against an empty dataset: a positive one must get 200, a
negative one 400 with the `malformed_query` error.

Each failure is run again in process on an in-memory Oxigraph store, without HTTP or newskg:
if it fails there too it is the engine's own (Oxigraph's), and KNOWN_ENGINE_FAILURES says why.
Update, entailment, federation, protocol and service-description tests are excluded, each
with its reason (manifest.py).

    python -m tests.w3c.runner [--suite 11|10] [--verbose] [--only TEXT]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox
import requests

from newskg.graph.store import Change, Store

from . import manifest as mf
from . import results as rs

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
SUITES = {"11": SHARED / "data" / "w3c-sparql11" / "manifest-all.ttl",
          "10": SHARED / "data" / "w3c-sparql10" / "manifest.ttl"}
TARGETS = {"evaluation": 98.0, "syntax": 100.0}

DEFAULT_GRAPH = "urn:x-newskg:w3c:default"  # where a test's qt:data files go
EMPTY_GRAPH = "urn:x-newskg:w3c:empty"  # never loaded: the dataset of syntax tests

SOLUTION_FORMATS = ["application/sparql-results+json", "application/sparql-results+xml",
                    "text/tab-separated-values", "text/csv"]
BOOLEAN_FORMATS = ["application/sparql-results+json", "application/sparql-results+xml"]
GRAPH_FORMATS = ["application/n-triples", "text/turtle", "application/rdf+xml"]
FORMAT_NAMES = {"application/sparql-results+json": "JSON", "application/sparql-results+xml": "XML",
                "text/tab-separated-values": "TSV", "text/csv": "CSV", "application/n-triples": "N-Triples",
                "text/turtle": "Turtle", "application/rdf+xml": "RDF/XML"}

# Why the engine (Oxigraph 0.5.x) fails these tests on its own, by test IRI. A failure counts as
# the engine's only when the test also fails in process (engine_check), with no HTTP and no
# newskg code in between; this table only explains them, and tells the pytest test which
# failures are expected.
_STORED_VALUES = ("the store keeps literals of the XSD types it knows as values, so their lexical forms "
                  "are lost and value-equal literals become one term")
_S11 = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
_S10 = "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/"
KNOWN_ENGINE_FAILURES: dict[str, str] = {
    _S11 + "aggregates/manifest#agg-groupconcat-04": "GROUP_CONCAT over literals of one language keeps the "
        "language (the SPARQL 1.2 rule); this test expects a simple literal",
    _S11 + "aggregates/manifest#agg-groupconcat-06": "GROUP_CONCAT over literals of one language keeps the "
        "language (the SPARQL 1.2 rule); this test expects a simple literal",
    _S11 + "aggregates/manifest#agg-empty-group-count-graph": "an aggregate subquery without GROUP BY inside "
        "GRAPH ?g is evaluated once over all graphs (one row, ?g unbound) instead of once per named graph",
    _S11 + "bindings/manifest#graph": "VALUES inside GRAPH ?g that binds ?g: the row with ?g UNDEF is not "
        "joined with every named graph",
    _S11 + "csv-tsv-res/manifest#csv03": _STORED_VALUES + ': "1.0E6"^^xsd:double comes back as "1000000", '
        "and CSV shows only lexical forms",
    _S11 + "csv-tsv-res/manifest#tsv03": _STORED_VALUES + ': "-3"^^xsd:negativeInteger comes back as '
        '"-3"^^xsd:integer',
    _S11 + "functions/manifest#bnode01": "BNODE(str) gives the same blank node for the same string in "
        "different solutions; it must be a new one per solution",
    _S11 + "negation/manifest#graph-minus": "inside GRAPH ?g, MINUS counts ?g as shared by its two sides, so "
        "it removes a solution that shares no variable with the right side",
    _S11 + "property-path/manifest#zero_or_more_set_start": "a zero-length path (p*) with a constant end "
        "must match that constant even when it is in no triple; the engine returns nothing",
    _S11 + "property-path/manifest#zero_or_more_set_end": "a zero-length path (p*) with a constant end "
        "must match that constant even when it is in no triple; the engine returns nothing",
    _S11 + "property-path/manifest#zero_or_one_set_start": "a zero-length path (p?) with a constant end "
        "must match that constant even when it is in no triple; the engine returns nothing",
    _S11 + "property-path/manifest#zero_or_one_set_end": "a zero-length path (p?) with a constant end "
        "must match that constant even when it is in no triple; the engine returns nothing",
    _S10 + "open-world/manifest#open-eq-01": _STORED_VALUES + ': "001"^^xsd:integer in the query matches '
        "the other forms of 1 in the data",
    _S10 + "open-world/manifest#date-2": _STORED_VALUES + ': "2006-08-23Z" and "2006-08-23+00:00" are '
        "one xsd:date term",
    _S10 + "open-world/manifest#date-3": _STORED_VALUES + ': "2006-08-23+00:00"^^xsd:date comes back as '
        '"2006-08-23Z"',
    _S10 + "graph/manifest#graph-variable-scope": "the variable of GRAPH ?g is in scope inside its pattern "
        "(BOUND(?g) is true there); the test says it is not",
    _S10 + "graph/manifest#graph-optional": "the variable of GRAPH ?g is used inside a nested OPTIONAL; the "
        "test says it is not in scope there",
    _S10 + "expr-builtin/manifest#dawg-str-1": _STORED_VALUES + ": STR() sees the normalised forms",
    _S10 + "expr-builtin/manifest#dawg-str-2": _STORED_VALUES + ": STR() sees the normalised forms",
    _S10 + "expr-builtin/manifest#sameTerm-simple": _STORED_VALUES + " for sameTerm",
    _S10 + "expr-builtin/manifest#sameTerm-eq": _STORED_VALUES + " for sameTerm",
    _S10 + "expr-builtin/manifest#sameTerm-not-eq": _STORED_VALUES + " for sameTerm",
    _S10 + "expr-builtin/manifest#case-insensitive-booleans": "the parser does not accept the keywords TRUE "
        "and FALSE in upper or mixed case",
    _S10 + "expr-equals/manifest#eq-graph-1": _STORED_VALUES + ": a graph pattern matches other lexical forms",
    _S10 + "expr-equals/manifest#eq-graph-2": _STORED_VALUES + ": a graph pattern matches other lexical forms",
    _S10 + "distinct/manifest#distinct-1": _STORED_VALUES + ": DISTINCT merges them",
    _S10 + "distinct/manifest#distinct-9": _STORED_VALUES + ": DISTINCT merges them",
    _S10 + "syntax-sparql3/manifest#syn-bad-26": "the parser reads `?x<?a&&?b>?y` as two comparisons; by the "
        "longest-token rule `<?a&&?b>` is an IRI, which makes the query malformed",
}


@dataclass
class Outcome:
    test: mf.Test
    status: str  # "passed", "failed" or "excluded"
    reason: str = ""
    engine: str | None = None  # for a failure: why the engine alone fails too (None: it does not)

    @property
    def note(self) -> str:
        return KNOWN_ENGINE_FAILURES.get(self.test.iri, "")


# -- the store -----------------------------------------------------------------------------------------
def init_store(path: Path) -> None:
    """A new, empty store: only newskg's own graphs."""
    Store(path, write=True).close()


class Runner:
    def __init__(self, endpoint: str, store: Path, always_reload: bool = False, by_value: bool = True):
        self.endpoint = endpoint
        self.store = store
        self.always_reload = always_reload
        self.by_value = by_value
        self.session = requests.Session()
        self.state: dict | None = None  # graph IRI → files, as published
        self.reloads = 0
        self.server_errors = 0  # 5xx answers: never right, whatever the test expects

    # -- data ----------------------------------------------------------------------------------
    def prepare(self, graphs: dict[str, list[Path]]) -> None:
        """Publish a store holding exactly `graphs` (besides newskg's own graphs).

        A test whose files are those already published skips the reload: the server is
        read-only, so the published state is what a fresh load would give."""
        wanted = {g: tuple(files) for g, files in graphs.items() if files}
        if wanted == self.state and not self.always_reload:
            return
        self.state = None  # unknown until the new version is published whole
        store = Store(self.store, write=True, publish_every=float("inf"))
        try:
            own = {store.vocab.meta, store.vocab.ontology}
            stale = [g.value for g in store.ox.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in own]
            store.commit(Change(drop_graphs=stale, quads=[], nodes=[]), {})
            with tempfile.TemporaryDirectory() as tmp:
                for i, (graph, files) in enumerate(wanted.items()):
                    for j, path in enumerate(files):
                        store.load(_renamed(path, Path(tmp) / f"{i}-{j}.nt"), graph=graph)
        finally:
            store.close()
        self.state = wanted
        self.reloads += 1

    # -- protocol ------------------------------------------------------------------------------
    def ask(self, query: str, dataset: dict, accept: str) -> requests.Response:
        response = self.session.post(self.endpoint, data={"query": query, **dataset},
                                     headers={"Accept": accept}, timeout=120)
        if response.status_code >= 500:
            self.server_errors += 1
        return response

    # -- tests ---------------------------------------------------------------------------------
    def run(self, test: mf.Test) -> Outcome:
        if test.excluded:
            return Outcome(test, "excluded", test.excluded)
        try:
            if test.kind == "evaluation":
                reason = self._evaluation(test)
            else:
                reason = self._syntax(test)
        except (rs.Unreadable, OSError, SyntaxError, ValueError) as e:
            reason = f"runner: {type(e).__name__}: {e}"
        except requests.RequestException as e:
            reason = f"HTTP: {e}"
        if not reason:
            return Outcome(test, "passed")
        return Outcome(test, "failed", reason, engine_check(test, self.by_value))

    def _syntax(self, test: mf.Test) -> str | None:
        text = query_text(test.query)
        response = self.ask(text, {"default-graph-uri": [EMPTY_GRAPH]},
                            "application/sparql-results+json, application/n-triples;q=0.9")
        if test.kind == "positive syntax":
            return None if response.status_code == 200 else f"expected 200, got {_error(response)}"
        if response.status_code != 400:
            return f"expected 400 (malformed query), got {response.status_code}"
        code = _error_code(response)
        return None if code == "malformed_query" else f"expected the malformed_query error, got {_error(response)}"

    def _evaluation(self, test: mf.Test) -> str | None:
        text = query_text(test.query)
        graphs, dataset = dataset_of(test, text)
        self.prepare(graphs)
        expected = rs.read_file(test.result, mf.uri(test.result))
        from_csv = test.result.suffix.lower() == ".csv"
        formats = {rs.Solutions: SOLUTION_FORMATS, rs.Boolean: BOOLEAN_FORMATS, rs.Graph: GRAPH_FORMATS}
        ordered = has_order_by(text)
        failures = []
        typed = None  # the answer in JSON: what the CSV answer must be a projection of
        for mt in formats[type(expected)]:
            response = self.ask(text, dataset, mt)
            name = FORMAT_NAMES[mt]
            if response.status_code != 200:
                failures.append((name, f"HTTP {_error(response)}"))
                continue
            got = response.headers.get("Content-Type", "").split(";")[0].strip()
            if got != mt:
                failures.append((name, f"asked for {mt}, got {got}"))
                continue
            try:
                actual = rs.parse(response.content, got, base=self.endpoint)
            except rs.Unreadable as e:
                failures.append((name, f"unreadable answer: {e}"))
                continue
            if from_csv and isinstance(actual, rs.Solutions):
                actual = rs.as_csv(actual) if mt != "text/csv" else actual
                reason = rs.compare(expected, actual, ordered, test.lax_cardinality, self.by_value)
            elif mt == "text/csv":
                # CSV keeps lexical forms only, so it is checked against the typed answer
                # (itself checked against the expected one) rather than the expected result
                reason = rs.compare(rs.as_csv(typed or expected), actual, ordered, test.lax_cardinality,
                                    by_value=False)
            else:
                reason = rs.compare(expected, actual, ordered, test.lax_cardinality, self.by_value)
                if typed is None and isinstance(actual, rs.Solutions):
                    typed = actual
            if reason:
                failures.append((name, reason))
        if not failures:
            return None
        names = [n for n, _ in failures]
        everywhere = "every format" if len(failures) == len(formats[type(expected)]) else ", ".join(names)
        return f"[{everywhere}] {failures[0][0]}: {failures[0][1]}"


def engine_check(test: mf.Test, by_value: bool = True) -> str | None:
    """The test run in this process on an in-memory Oxigraph store in the plainest way (data in
    the store's default graph, graph data in named graphs, the query with its base IRI):
    None if the engine passes it there, otherwise how it fails."""
    raw = test.query.read_bytes().decode("utf-8")
    store = ox.Store()
    if test.kind != "evaluation":
        try:
            result = store.query(raw, base_iri=mf.uri(test.query))
            if not isinstance(result, ox.QueryBoolean):
                list(result)
        except SyntaxError as e:
            return None if test.kind == "negative syntax" else f"the engine rejects it: {e}"
        except Exception as e:  # noqa: BLE001 - any refusal other than a syntax error
            return f"the engine fails on it: {type(e).__name__}: {e}"
        return None if test.kind == "positive syntax" else "the engine accepts it"
    try:
        clauses = dataset_clauses(query_text(test.query))
        files = [(ox.NamedNode(iri), mf.path_of(iri)) for _, iri in clauses] if clauses else \
            [(ox.DefaultGraph(), path) for path in test.data] + \
            [(ox.NamedNode(iri), path) for iri, path in test.graph_data]
        for graph, path in files:
            if path is None or not path.is_file():
                continue
            fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
            store.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
                         for t in ox.parse(path=str(path), format=fmt, base_iri=mf.uri(path), rename_blank_nodes=True))
        result = store.query(raw, base_iri=mf.uri(test.query))
        if isinstance(result, ox.QueryBoolean):
            actual = rs.Boolean(bool(result))
        elif isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            actual = rs.Solutions(names, [{n: rs.from_ox(row[n]) for n in names if row[n] is not None}
                                          for row in result])
        else:
            actual = rs.Graph({(rs.from_ox(t.subject), rs.from_ox(t.predicate), rs.from_ox(t.object))
                               for t in result})
        expected = rs.read_file(test.result, mf.uri(test.result))
        if test.result.suffix.lower() == ".csv" and isinstance(actual, rs.Solutions):
            actual = rs.as_csv(actual)
        return rs.compare(expected, actual, has_order_by(raw), test.lax_cardinality, by_value)
    except Exception as e:  # noqa: BLE001 - whatever the engine raises is its failure
        return f"the engine fails on it: {type(e).__name__}: {e}"


def _error(response: requests.Response) -> str:
    try:
        return f"{response.status_code} {response.json()['error']['message']}"
    except (ValueError, KeyError, TypeError):
        return f"{response.status_code} {response.text[:300]}"


def _error_code(response: requests.Response) -> str | None:
    try:
        return response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def _renamed(path: Path, target: Path) -> Path:
    """The file as N-Triples with fresh blank nodes, so that two files never share one
    (Store.load keeps the labels of the file)."""
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in ox.parse(path=str(path), format=fmt, base_iri=mf.uri(path), rename_blank_nodes=True)]
    ox.serialize(triples, str(target), format=ox.RdfFormat.N_TRIPLES)
    return target


# -- reading queries --------------------------------------------------------------------------
def query_text(path: Path) -> str:
    return f"BASE <{mf.uri(path)}>\n" + path.read_bytes().decode("utf-8")


_TOKENS = re.compile(r"""(?P<iri><[^<>"{}|^`\\\s]*>)"""
                     r"""|(?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
                     r"""|(?P<comment>\#[^\n]*)""", re.S)


def _code(text: str) -> str:
    """The query with strings and comments blanked (same length); IRIs kept."""
    return _TOKENS.sub(lambda m: m.group(0) if m.group("iri") else " " * len(m.group(0)), text)


def dataset_clauses(text: str) -> list[tuple[bool, str]]:
    """(named?, absolute IRI) of each FROM / FROM NAMED of the query."""
    code = _code(text)
    base = ""
    for m in re.finditer(r"(?<![\w:?$])BASE\s*<([^>]*)>", code, re.I):
        base = urljoin(base, m.group(1))
    prefixes = {m.group(1): urljoin(base, m.group(2))
                for m in re.finditer(r"(?<![\w:?$])PREFIX\s+([\w.-]*):\s*<([^>]*)>", code, re.I)}
    out = []
    for m in re.finditer(r"(?<![\w:?$])FROM\s+(NAMED\s+)?(?:<([^>]*)>|([\w.-]*):([\w.-]*))", code, re.I):
        iri = urljoin(base, m.group(2)) if m.group(2) is not None else prefixes.get(m.group(3), "") + m.group(4)
        out.append((bool(m.group(1)), iri))
    return out


def has_order_by(text: str) -> bool:
    """Does the query order its solutions (an ORDER BY outside every group pattern)?"""
    code, depth = _code(text), 0
    for m in re.finditer(r"[{}]|(?<![\w:?$])ORDER\s+BY(?![\w:])", code, re.I):
        if m.group(0) == "{":
            depth += 1
        elif m.group(0) == "}":
            depth -= 1
        elif depth == 0:
            return True
    return False


def dataset_of(test: mf.Test, text: str) -> tuple[dict[str, list[Path]], dict[str, list[str]]]:
    """The graphs to load, and the protocol's dataset parameters."""
    clauses = dataset_clauses(text)
    if clauses:
        graphs: dict[str, list[Path]] = {}
        for _, iri in clauses:
            path = mf.path_of(iri)
            graphs[iri] = [path] if path is not None and path.is_file() else []
        return graphs, {}
    graphs = {DEFAULT_GRAPH: list(test.data)}
    for iri, path in test.graph_data:
        graphs.setdefault(iri, []).append(path)
    return graphs, {"default-graph-uri": [DEFAULT_GRAPH], "named-graph-uri": [iri for iri, _ in test.graph_data]}


# -- the run and its report -------------------------------------------------------------------
def group(test: mf.Test) -> str:
    return "evaluation" if test.kind == "evaluation" else "syntax"


@dataclass
class Report:
    suite: str
    outcomes: list[Outcome]
    reloads: int  # store versions published for the run
    server_errors: int  # 5xx answers
    seconds: float

    def rates(self) -> dict[str, tuple[int, int, int]]:
        """Per group (evaluation, syntax): tests passed, tests run, failures that are the engine's."""
        out = {}
        for g in ("evaluation", "syntax"):
            run = [o for o in self.outcomes if group(o.test) == g and o.status != "excluded"]
            out[g] = (sum(o.status == "passed" for o in run), len(run),
                      sum(o.status == "failed" and bool(o.engine) for o in run))
        return out

    def met(self) -> bool:
        """What the pytest test asserts: no 5xx, every failure a known engine failure, and the
        targets reached by the tests the engine passes."""
        return self.server_errors == 0 and not self.unexplained() and all(
            100.0 * passed >= TARGETS[g] * (run - engine) for g, (passed, run, engine) in self.rates().items())

    def unexplained(self) -> list[Outcome]:
        """Failures that are not known failures of the engine: newskg's to fix."""
        return [o for o in self.outcomes if o.status == "failed" and not (o.engine and o.note)]

    def table(self) -> str:
        by_manifest: dict[str, Counter] = {}
        for o in self.outcomes:
            c = by_manifest.setdefault(o.test.manifest, Counter())
            c[o.status] += 1
            c["tests"] += 1
            if o.status == "failed" and o.engine:
                c["engine"] += 1
        width = max([len("sub-suite")] + [len(m) for m in by_manifest]) + 2
        head = f"{'sub-suite':<{width}}{'tests':>6}{'passed':>8}{'failed':>8}{'engine':>8}{'excluded':>10}"
        title = (f"W3C SPARQL {self.suite[0]}.{self.suite[1]} query test suite through kg serve "
                 f"({self.seconds:.0f} s, {self.reloads} store versions published)")
        lines = [title, "", head, "-" * len(head)]
        total: Counter = Counter()
        for m, c in by_manifest.items():
            total.update(c)
            lines.append(f"{m:<{width}}{c['tests']:>6}{c['passed']:>8}{c['failed']:>8}{c['engine'] or '':>8}"
                         f"{c['excluded']:>10}")
        lines.append("-" * len(head))
        lines.append(f"{'total':<{width}}{total['tests']:>6}{total['passed']:>8}{total['failed']:>8}"
                     f"{total['engine'] or '':>8}{total['excluded']:>10}")
        lines.append("(engine: failures that are Oxigraph's own — the test fails the same way in process, "
                     "without HTTP or newskg)")
        lines.append("")
        for g, (passed, run, engine) in self.rates().items():
            pct = 100.0 * passed / run if run else 100.0
            line = f"{g + ' tests:':<18}{passed}/{run} passed = {pct:.2f}% (target {TARGETS[g]:.0f}%)"
            if engine:
                line += (f"; without the {engine} engine failure{'s' if engine != 1 else ''} "
                         f"{passed}/{run - engine} = "
                         f"{100.0 * passed / (run - engine):.2f}%")
            lines.append(line)
        lines.append(f"{'server errors:':<18}{self.server_errors} answers with a 5xx status")
        excluded = Counter(o.reason for o in self.outcomes if o.status == "excluded")
        if excluded:
            lines.append("excluded:")
            lines += [f"  {n:>4}  {reason}" for reason, n in excluded.most_common()]
        return "\n".join(lines)

    def failures(self, verbose: bool = False) -> str:
        failed = [o for o in self.outcomes if o.status == "failed"]
        if not failed:
            return "no failures"
        lines = [f"failures ({len(failed)}):"]
        for o in failed:
            tag = " [engine]" if o.engine else " [newskg]"
            reason = o.reason if verbose else o.reason.splitlines()[0][:200]
            lines.append(f"  {o.test.manifest}/{o.test.name} <{o.test.iri}>{tag}")
            if o.note:
                lines.append(f"    why: {o.note}")
            lines.append("    " + reason.replace("\n", "\n    "))
        return "\n".join(lines)

    def excluded(self) -> str:
        lines = ["excluded tests:"]
        lines += [f"  {o.test.manifest}/{o.test.name} <{o.test.iri}>: {o.reason}"
                  for o in self.outcomes if o.status == "excluded"]
        return "\n".join(lines)


def run_suite(suite: str, endpoint: str, store: Path, only: str | None = None, always_reload: bool = False,
              by_value: bool = True, progress=None) -> Report:
    """Run a suite ("11" or "10") against the server at `endpoint`, which serves `store`."""
    started = time.monotonic()
    tests = mf.load(SUITES[suite])
    if only:
        tests = [t for t in tests if only in t.manifest or only in t.name or only in t.iri]
    runner = Runner(endpoint, store, always_reload, by_value)
    outcomes = []
    for i, test in enumerate(tests):
        outcomes.append(runner.run(test))
        if progress:
            progress(i + 1, len(tests), outcomes[-1])
    return Report(suite, outcomes, runner.reloads, runner.server_errors, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.w3c.runner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", choices=sorted(SUITES), default="11", help="SPARQL 1.1 (default) or 1.0")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="full failure reasons, and every excluded test with its reason")
    parser.add_argument("--only", metavar="TEXT", help="only the tests whose sub-suite, name or IRI contains TEXT")
    parser.add_argument("--always-reload", action="store_true",
                        help="publish a new store version for every evaluation test, even when its files are "
                             "the ones published")
    parser.add_argument("--lexical", action="store_true",
                        help="compare numeric and boolean literals by lexical form, not by value")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    args = parser.parse_args(argv)

    def progress(i, n, outcome):
        print(f"\r{i}/{n} {outcome.test.manifest:<30}", end="", file=sys.stderr, flush=True)

    # outside pytest the tests' folder is not on the path: its servers module starts `kg serve`
    sys.path.insert(0, str(ROOT / "tests"))
    from servers import serving

    tmp = Path(tempfile.mkdtemp(prefix="newskg-w3c-"))
    try:
        store = tmp / "kg"
        init_store(store)
        with serving(store, "--workers", str(args.workers), log=tmp / "w3c-server.log") as (url, _):
            report = run_suite(args.suite, url + "/sparql", store, args.only, args.always_reload, not args.lexical,
                               progress if sys.stderr.isatty() else None)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(report.table())
    print()
    print(report.failures(args.verbose))
    if args.verbose:
        print()
        print(report.excluded())
    return 0 if report.met() else 1


if __name__ == "__main__":
    sys.exit(main())
