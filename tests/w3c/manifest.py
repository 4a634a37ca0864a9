"""The tests of a W3C SPARQL test suite, from its manifests, with what is out of scope.

Manifests are Turtle; each lists its tests (`mf:entries`) or includes other manifests
(`mf:include`). File references are resolved against the manifest, so every IRI the runner
and the expected results use is a `file:` IRI of the suite's own files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

EVALUATION = {"QueryEvaluationTest", "CSVResultFormatTest"}
POSITIVE_SYNTAX = {"PositiveSyntaxTest", "PositiveSyntaxTest11"}
NEGATIVE_SYNTAX = {"NegativeSyntaxTest", "NegativeSyntaxTest11"}
UPDATE_TYPES = {"UpdateEvaluationTest", "PositiveUpdateSyntaxTest11", "NegativeUpdateSyntaxTest11"}
UPDATE_MANIFESTS = {"add", "basic-update", "clear", "copy", "delete", "delete-data", "delete-insert",
                    "delete-where", "drop", "move", "update-silent", "syntax-update-1", "syntax-update-2"}

UPDATE = "SPARQL Update: out of scope, the endpoint is read-only (it answers 400 to any update)"
ENTAILMENT = "entailment regime (RDF/RDFS/D/OWL/RIF): the endpoint evaluates under simple entailment only"
FEDERATION = "federated query (SERVICE): the endpoint refuses SERVICE by design, with 400 before execution"
PROTOCOL = "protocol test (HTTP exchanges, most of them updates or graph-store writes): not a query test"
SERVICE_DESCRIPTION = "service description test: not a query test"


@dataclass
class Test:
    iri: str
    name: str
    type: str  # the mf: class, e.g. QueryEvaluationTest
    manifest: str  # the sub-suite: the manifest's folder within the suite
    query: Path | None = None
    data: list[Path] = field(default_factory=list)
    graph_data: list[tuple[str, Path]] = field(default_factory=list)  # (graph IRI, file)
    result: Path | None = None
    lax_cardinality: bool = False
    excluded: str | None = None  # why the test is not run

    @property
    def kind(self) -> str:
        if self.type in EVALUATION:
            return "evaluation"
        if self.type in POSITIVE_SYNTAX:
            return "positive syntax"
        if self.type in NEGATIVE_SYNTAX:
            return "negative syntax"
        return "other"


def uri(path: Path) -> str:
    """The IRI of a suite file: what data, queries and expected results are resolved against."""
    return Path(path).resolve().as_uri()


def path_of(iri: str) -> Path | None:
    if not iri.startswith("file://"):
        return None
    from urllib.parse import unquote, urlparse
    return Path(unquote(urlparse(iri).path))


class _Graph:
    """A parsed manifest: objects by subject and predicate, and RDF lists."""

    def __init__(self, path: Path):
        self.index: dict = {}
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=uri(path)):
            self.index.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)

    def values(self, subject, predicate: str) -> list:
        return self.index.get(subject, {}).get(predicate, [])

    def value(self, subject, predicate: str):
        values = self.values(subject, predicate)
        return values[0] if values else None

    def items(self, head) -> list:
        out = []
        while head is not None and head != ox.NamedNode(RDF + "nil"):
            out.append(self.value(head, RDF + "first"))
            head = self.value(head, RDF + "rest")
        return out


def load(entry: Path) -> list[Test]:
    """Every test reachable from the entry manifest, in manifest order, each manifest once."""
    tests: list[Test] = []
    seen: set[Path] = set()
    root = entry.resolve().parent

    def walk(path: Path) -> None:
        path = path.resolve()
        if path in seen or not path.exists():
            return
        seen.add(path)
        g = _Graph(path)
        manifest = path.parent.relative_to(root).as_posix() if path.parent != root else path.stem
        for m in [s for s, p in g.index.items() if ox.NamedNode(MF + "Manifest") in p.get(RDF + "type", [])]:
            for lst in g.values(m, MF + "include"):
                for included in g.items(lst):
                    walk(path_of(included.value))
            for lst in g.values(m, MF + "entries"):
                for entry_node in g.items(lst):
                    tests.append(_test(g, entry_node, manifest))

    walk(entry)
    return tests


def _test(g: _Graph, node, manifest: str) -> Test:
    type_ = g.value(node, RDF + "type")
    name = g.value(node, MF + "name")
    test = Test(iri=node.value, name=name.value if name is not None else node.value,
                type=type_.value.rsplit("#", 1)[-1] if type_ is not None else "?", manifest=manifest)
    action = g.value(node, MF + "action")
    if isinstance(action, ox.NamedNode):  # syntax tests: the action is the query itself
        test.query = path_of(action.value)
    elif action is not None:
        q = g.value(action, QT + "query")
        test.query = path_of(q.value) if q is not None else None
        test.data = [path_of(d.value) for d in g.values(action, QT + "data")]
        for gd in g.values(action, QT + "graphData"):
            if isinstance(gd, ox.NamedNode):
                test.graph_data.append((gd.value, path_of(gd.value)))
            else:  # [ qt:graph <file> ; rdfs:label "graph name" ]
                file, label = g.value(gd, QT + "graph"), g.value(gd, RDFS + "label")
                test.graph_data.append((label.value if label is not None else file.value, path_of(file.value)))
    result = g.value(node, MF + "result")
    test.result = path_of(result.value) if result is not None else None
    test.lax_cardinality = g.value(node, MF + "resultCardinality") == ox.NamedNode(MF + "LaxCardinality")
    test.excluded = _exclusion(test)
    return test


def _exclusion(test: Test) -> str | None:
    top = test.manifest.split("/", 1)[0]
    if top == "entailment":
        return ENTAILMENT
    if top in ("service", "syntax-fed"):
        return FEDERATION
    if test.type in UPDATE_TYPES or top in UPDATE_MANIFESTS or (test.query and test.query.suffix == ".ru"):
        return UPDATE
    if test.type == "ServiceDescriptionTest":
        return SERVICE_DESCRIPTION
    if test.kind == "other":
        return PROTOCOL
    return None
