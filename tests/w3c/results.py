"""Query results read from every format the suites and the endpoint use, and compared.

Results are parsed here, not by the engine under test: SPARQL XML and JSON with the standard
library, CSV with `csv`, TSV term by term as Turtle (the TSV format's own term syntax), RDF
graphs and RDF-encoded result sets (the `rs:` vocabulary of the 1.0 suite) with pyoxigraph's
parsers. Terms become plain tuples, so results from different formats compare equal.

Comparison follows the suites' rules: solutions are a bag (a sequence when the query orders
them), blank nodes match up to a consistent one-to-one renaming, graphs compare as sets up to
blank-node isomorphism, and REDUCED tests (`mf:LaxCardinality`) accept any cardinality
between the distinct and the full answer. Literals of the XSD numeric types and xsd:boolean
compare by datatype and value ("1.0"^^xsd:decimal is "1"^^xsd:decimal), as Oxigraph's own
harness does (it passes both sides through a store, which keeps such literals as values): the
lexical form of a computed or stored number is the engine's choice. `by_value=False` compares
lexical forms.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import struct
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
SRX = "{http://www.w3.org/2005/sparql-results#}"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# A term: ("uri", iri) | ("bnode", id) | ("literal", lexical form, datatype, language or "")
Term = tuple


def uri_term(value: str) -> Term:
    return ("uri", value)


def literal(value: str, datatype: str | None = None, lang: str | None = None) -> Term:
    if lang:
        return ("literal", value, LANG_STRING, lang.lower())  # language tags are case-insensitive
    return ("literal", value, datatype or XSD_STRING, "")


def from_ox(t) -> Term:
    if isinstance(t, ox.NamedNode):
        return uri_term(t.value)
    if isinstance(t, ox.BlankNode):
        return ("bnode", t.value)
    if isinstance(t, ox.Literal):
        return literal(t.value, t.datatype.value, t.language)
    raise ValueError(f"unsupported term {t!r}")


def show(t: Term | None) -> str:
    if t is None:
        return "UNDEF"
    if t[0] == "uri":
        return f"<{t[1]}>"
    if t[0] == "bnode":
        return f"_:{t[1]}"
    if t[0] == "csv":
        return json.dumps(t[1])
    text = json.dumps(t[1], ensure_ascii=False) if isinstance(t[1], str) else f"value:{t[1]}"
    return text + (f"@{t[3]}" if t[3] else "" if t[2] == XSD_STRING else f"^^<{t[2]}>")


@dataclass
class Solutions:
    variables: list[str]
    rows: list[dict[str, Term]]
    ordered: bool = True  # False when the source cannot say (an rs: result set without indexes)


@dataclass
class Boolean:
    value: bool


@dataclass
class Graph:
    triples: set[tuple[Term, Term, Term]]


class Unreadable(ValueError):
    """A result that does not parse in the format it claims."""


# -- reading ----------------------------------------------------------------------------------
def read_file(path: Path, base: str) -> Solutions | Boolean | Graph:
    """An expected result, by file extension."""
    ext = path.suffix.lower()
    data = path.read_bytes()
    if ext == ".srx":
        return parse_xml(data)
    if ext == ".srj":
        return parse_json(data)
    if ext == ".tsv":
        return parse_tsv(data)
    if ext == ".csv":
        return parse_csv(data)
    fmt = ox.RdfFormat.from_extension(ext.lstrip("."))
    return from_rdf(data, fmt, base)


def parse(body: bytes, media_type: str, base: str | None = None) -> Solutions | Boolean | Graph:
    """A response body, by its media type."""
    mt = media_type.split(";")[0].strip().lower()
    if mt in ("application/sparql-results+xml", "application/xml"):
        return parse_xml(body)
    if mt in ("application/sparql-results+json", "application/json"):
        return parse_json(body)
    if mt == "text/tab-separated-values":
        return parse_tsv(body)
    if mt == "text/csv":
        return parse_csv(body)
    fmt = ox.RdfFormat.from_media_type(mt)
    if fmt is None:
        raise Unreadable(f"unexpected media type {media_type}")
    return graph_from_rdf(body, fmt, base)


def parse_xml(data: bytes) -> Solutions | Boolean:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise Unreadable(f"not well-formed XML: {e}") from None
    if root.tag != SRX + "sparql":
        raise Unreadable(f"the root element is {root.tag}, not sparql")
    head = root.find(SRX + "head")
    if head is None:
        raise Unreadable("no <head>")
    boolean = root.find(SRX + "boolean")
    if boolean is not None:
        if boolean.text not in ("true", "false"):
            raise Unreadable(f"<boolean> is {boolean.text!r}")
        return Boolean(boolean.text == "true")
    variables = [v.get("name") for v in head.findall(SRX + "variable")]
    results = root.find(SRX + "results")
    if results is None:
        raise Unreadable("neither <results> nor <boolean>")
    rows = []
    for result in results.findall(SRX + "result"):
        row = {}
        for binding in result.findall(SRX + "binding"):
            name = binding.get("name")
            if name in row:
                raise Unreadable(f"variable {name} bound twice in one result")
            row[name] = _xml_term(binding)
        rows.append(row)
    return Solutions(variables, rows)


def _xml_term(binding) -> Term:
    children = list(binding)
    if len(children) != 1:
        raise Unreadable(f"a binding of {binding.get('name')} with {len(children)} terms")
    el = children[0]
    text = el.text or ""
    if el.tag == SRX + "uri":
        return uri_term(text)
    if el.tag == SRX + "bnode":
        return ("bnode", text)
    if el.tag == SRX + "literal":
        return literal(text, el.get("datatype"), el.get("{http://www.w3.org/XML/1998/namespace}lang"))
    raise Unreadable(f"unknown term element {el.tag}")


def parse_json(data: bytes) -> Solutions | Boolean:
    try:
        doc = json.loads(data)
    except ValueError as e:
        raise Unreadable(f"not JSON: {e}") from None
    if not isinstance(doc, dict) or "head" not in doc:
        raise Unreadable("no head")
    if "boolean" in doc:
        if not isinstance(doc["boolean"], bool):
            raise Unreadable(f"boolean is {doc['boolean']!r}")
        return Boolean(doc["boolean"])
    try:
        variables = doc["head"].get("vars", [])
        rows = [{name: _json_term(v) for name, v in b.items()} for b in doc["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError) as e:
        raise Unreadable(f"malformed results: {e!r}") from None
    return Solutions(variables, rows)


def _json_term(v: dict) -> Term:
    kind = v["type"]
    if kind == "uri":
        return uri_term(v["value"])
    if kind == "bnode":
        return ("bnode", v["value"])
    if kind in ("literal", "typed-literal"):  # typed-literal: the pre-recommendation name
        return literal(v["value"], v.get("datatype"), v.get("xml:lang"))
    raise Unreadable(f"unknown term type {kind!r}")


def parse_tsv(data: bytes) -> Solutions:
    text = data.decode("utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise Unreadable("no header line")
    header = lines[0].rstrip("\r").split("\t") if lines[0].rstrip("\r") else []
    if any(not re.fullmatch(r"[?$]\w+", h) for h in header):
        raise Unreadable(f"bad header {lines[0]!r}")
    variables = [h[1:] for h in header]
    rows = []
    for line in lines[1:]:
        cells = line.rstrip("\r").split("\t") if variables else []
        if not variables and line.rstrip("\r"):
            raise Unreadable(f"a value in a row of no variables: {line!r}")
        if len(cells) != len(variables):
            raise Unreadable(f"{len(cells)} cells for {len(variables)} variables in {line!r}")
        rows.append({v: _tsv_term(c) for v, c in zip(variables, cells) if c != ""})
    return Solutions(variables, rows)


def _tsv_term(cell: str) -> Term:
    """A TSV cell is a Turtle term (numbers and booleans may be abbreviated)."""
    if cell.startswith("_:"):
        return ("bnode", cell[2:])
    doc = f"<urn:s> <urn:p> {cell} ."
    try:
        triples = list(ox.parse(doc, format=ox.RdfFormat.TURTLE))
    except SyntaxError as e:
        raise Unreadable(f"bad TSV term {cell!r}: {e}") from None
    if len(triples) != 1:
        raise Unreadable(f"bad TSV term {cell!r}")
    return from_ox(triples[0].object)


def parse_csv(data: bytes) -> Solutions:
    """CSV keeps only the text of terms: the values are ("csv", text) terms, blank nodes
    excepted (`_:label`), so that they can still be matched up to renaming."""
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    try:
        table = list(reader)
    except csv.Error as e:
        raise Unreadable(f"bad CSV: {e}") from None
    if not table:
        raise Unreadable("no header line")
    variables = table[0] if table[0] != [""] else []
    rows = []
    for cells in table[1:]:
        if cells == [] and len(variables) <= 1:  # an empty line: nothing bound
            cells = [""] * len(variables)
        if len(cells) != len(variables):
            raise Unreadable(f"{len(cells)} cells for {len(variables)} variables in {cells!r}")
        rows.append({v: (("bnode", c[2:]) if c.startswith("_:") else ("csv", c))
                     for v, c in zip(variables, cells) if c != ""})
    return Solutions(variables, rows)


def as_csv(result: Solutions) -> Solutions:
    """What the CSV format keeps of a result: the lexical forms."""
    def cell(t: Term) -> Term | None:
        if t[0] == "bnode":
            return t
        return None if t[0] == "literal" and t[1] == "" else ("csv", t[1])

    rows = [{v: c for v, t in row.items() if (c := cell(t)) is not None} for row in result.rows]
    return Solutions(result.variables, rows, result.ordered)


def from_rdf(data: bytes, fmt: ox.RdfFormat, base: str) -> Solutions | Boolean | Graph:
    """An RDF file: a result set in the rs: vocabulary, or a graph result."""
    graph = graph_from_rdf(data, fmt, base)
    sets = [t[0] for t in graph.triples if t[1] == uri_term(RDF_TYPE) and t[2] == uri_term(RS + "ResultSet")]
    if not sets:
        return graph
    by_subject: dict = {}
    for s, p, o in graph.triples:
        by_subject.setdefault(s, {}).setdefault(p[1][len(RS):] if p[1].startswith(RS) else p[1], []).append(o)
    rs = by_subject[sets[0]]
    if "boolean" in rs:
        return Boolean(rs["boolean"][0][1] == "true")
    variables = sorted(v[1] for v in rs.get("resultVariable", []))
    indexed = []
    for solution in rs.get("solution", []):
        props = by_subject.get(solution, {})
        row = {}
        for b in props.get("binding", []):
            bp = by_subject[b]
            row[bp["variable"][0][1]] = bp["value"][0]
        index = props.get("index")
        indexed.append((int(index[0][1]) if index else None, row))
    ordered = bool(indexed) and all(i is not None for i, _ in indexed)
    if ordered:
        indexed.sort(key=lambda x: x[0])
    return Solutions(variables, [row for _, row in indexed], ordered)


def graph_from_rdf(data: bytes, fmt: ox.RdfFormat, base: str | None) -> Graph:
    try:
        triples = {(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                   for t in ox.parse(data, format=fmt, base_iri=base)}
    except SyntaxError as e:
        raise Unreadable(f"not valid {fmt.name}: {e}") from None
    return Graph(triples)


# -- comparing --------------------------------------------------------------------------------
INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                   "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong",
                                   "unsignedInt", "unsignedShort", "unsignedByte")}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_DOUBLE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN")


def value_of(t: Term | None) -> Term | None:
    """The term with its lexical form replaced by its value, for the types compared by value;
    ill-formed literals keep their lexical form."""
    if t is None or t[0] != "literal":
        return t
    text, datatype = t[1].strip(), t[2]
    try:
        if datatype in INTEGER_TYPES and _INTEGER.fullmatch(text):
            return ("literal", int(text), datatype, "")
        if datatype == XSD + "decimal" and _DECIMAL.fullmatch(text):
            return ("literal", Decimal(text), datatype, "")
        if datatype in (XSD + "double", XSD + "float") and _DOUBLE.fullmatch(text):
            number = float(text.replace("INF", "inf"))
            if math.isnan(number):
                return ("literal", "NaN", datatype, "")
            if datatype == XSD + "float":
                number = struct.unpack("f", struct.pack("f", number))[0]
            return ("literal", number, datatype, "")
        if datatype == XSD + "boolean" and text in ("true", "false", "1", "0"):
            return ("literal", text in ("true", "1"), datatype, "")
    except (InvalidOperation, OverflowError, ValueError):
        pass
    return t


def compare(expected, actual, ordered: bool = False, lax: bool = False, by_value: bool = True) -> str | None:
    """None when `actual` is the expected result; otherwise why not."""
    if by_value and not isinstance(expected, Boolean):
        expected, actual = _by_value(expected), _by_value(actual)
    if type(expected) is not type(actual):
        return f"expected {_kind(expected)}, got {_kind(actual)}"
    if isinstance(expected, Boolean):
        return None if expected.value == actual.value else f"expected {expected.value}, got {actual.value}"
    if isinstance(expected, Graph):
        if isomorphic(list(expected.triples), list(actual.triples)):
            return None
        return _diff([tuple(t) for t in expected.triples], [tuple(t) for t in actual.triples], "triple")
    if set(expected.variables) != set(actual.variables):
        return f"variables: expected {sorted(expected.variables)}, got {sorted(actual.variables)}"
    names = sorted(expected.variables)
    exp = [tuple(r.get(n) for n in names) for r in expected.rows]
    act = [tuple(r.get(n) for n in names) for r in actual.rows]
    if lax:
        if not len(set(exp)) <= len(act) <= len(exp):
            return f"REDUCED: expected between {len(set(exp))} and {len(exp)} rows, got {len(act)}"
        exp, act = list(dict.fromkeys(exp)), list(dict.fromkeys(act))
    if ordered and expected.ordered:
        if len(exp) == len(act) and _same_sequence(exp, act):
            return None
        if len(exp) == len(act) and isomorphic(exp, act):
            return "the right solutions in the wrong order:\n" + _listing("expected", exp, names) + \
                "\n" + _listing("got", act, names)
    elif isomorphic(exp, act):
        return None
    return _diff(exp, act, "row", names)


def _by_value(result):
    if isinstance(result, Graph):
        return Graph({tuple(value_of(t) for t in triple) for triple in result.triples})
    if isinstance(result, Solutions):
        return Solutions(result.variables, [{v: value_of(t) for v, t in row.items()} for row in result.rows],
                         result.ordered)
    return result


def _kind(result) -> str:
    return {Solutions: "solutions", Boolean: "a boolean", Graph: "a graph"}[type(result)]


def _same_sequence(exp: list[tuple], act: list[tuple]) -> bool:
    mapping: dict = {}
    used: dict = {}
    for e_row, a_row in zip(exp, act):
        for e, a in zip(e_row, a_row):
            if e is not None and e[0] == "bnode":
                if a is None or a[0] != "bnode" or mapping.setdefault(e, a) != a or used.setdefault(a, e) != e:
                    return False
            elif e != a:
                return False
    return True


def _bnodes(row: tuple) -> list:
    return [t for t in row if t is not None and t[0] == "bnode"]


def isomorphic(exp: list[tuple], act: list[tuple]) -> bool:
    """Equal as bags, up to a one-to-one renaming of blank nodes."""
    if len(exp) != len(act):
        return False
    ground_e = Counter(r for r in exp if not _bnodes(r))
    ground_a = Counter(r for r in act if not _bnodes(r))
    if ground_e != ground_a:
        return False
    exp = [r for r in exp if _bnodes(r)]
    act = [r for r in act if _bnodes(r)]
    if not exp:
        return True
    colour_e, colour_a = _colours(exp), _colours(act)
    if Counter(colour_e.values()) != Counter(colour_a.values()):
        return False
    target = Counter(act)
    order = sorted(colour_e, key=lambda b: sum(1 for c in colour_e.values() if c == colour_e[b]))
    candidates = {b: [a for a in colour_a if colour_a[a] == colour_e[b]] for b in order}
    rows_of: dict = {}
    for r in exp:
        for b in set(_bnodes(r)):
            rows_of.setdefault(b, []).append(r)

    def mapped(row, mapping):
        return tuple(mapping.get(t, t) if t is not None and t[0] == "bnode" else t for t in row)

    def search(i: int, mapping: dict, taken: set) -> bool:
        if i == len(order):
            return Counter(mapped(r, mapping) for r in exp) == target
        b = order[i]
        for a in candidates[b]:
            if a in taken:
                continue
            mapping[b] = a
            ok = all(mapped(r, mapping) in target for r in rows_of[b] if all(x in mapping for x in _bnodes(r)))
            if ok and search(i + 1, mapping, taken | {a}):
                return True
            del mapping[b]
        return False

    return search(0, {}, set())


def _colours(rows: list[tuple]) -> dict:
    """Blank nodes coloured by their neighbourhoods (colour refinement), so that only blank
    nodes that may correspond are ever paired."""
    colour = {b: 0 for r in rows for b in _bnodes(r)}
    count = 1
    for _ in range(len(colour) + 1):
        signature = {b: [] for b in colour}
        for r in rows:
            for b in set(_bnodes(r)):
                signature[b].append(tuple(
                    ("self",) if t == b else ("bnode", colour[t]) if t is not None and t[0] == "bnode" else t
                    for t in r))
        new = {b: hash(tuple(sorted(map(repr, sig)))) for b, sig in signature.items()}
        distinct = len(set(new.values()))
        colour = new
        if distinct == count:
            break
        count = distinct
    return colour


def _diff(exp: list[tuple], act: list[tuple], what: str, names: list[str] | None = None) -> str:
    missing = list((Counter(exp) - Counter(act)).elements())
    extra = list((Counter(act) - Counter(exp)).elements())
    head = f"expected {len(exp)} {what}s, got {len(act)}"
    if any(_bnodes(r) for r in exp + act):
        head += " (blank nodes compared up to renaming; the lists below do not rename)"
    return "\n".join([head, _listing("missing", missing, names), _listing("unexpected", extra, names)])


def _listing(label: str, rows: list[tuple], names: list[str] | None, limit: int = 8) -> str:
    if not rows:
        return f"  {label}: none"
    lines = [f"  {label}:"]
    for r in rows[:limit]:
        cells = [f"{n}={show(t)}" for n, t in zip(names, r)] if names else [show(t) for t in r]
        lines.append("    " + "  ".join(cells))
    if len(rows) > limit:
        lines.append(f"    … and {len(rows) - limit} more")
    return "\n".join(lines)
