"""Running SPARQL on the store and writing its results, for the CLI and the API alike."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

if TYPE_CHECKING:  # the store calls this module (the SPARQL server's store masks query text with it)
    from .store import Store

# The parse tree's nodes that would make the engine reach outside the store.
_OUTBOUND = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
# FROM and FROM NAMED occur only in a query's dataset clause, never in a pattern.
_DATASET = re.compile(r"(?<![\w?$:])FROM(?![\w:])", re.IGNORECASE)
# How Oxigraph (0.5) refuses a query calling a function it does not know.
_UNKNOWN_FUNCTION = re.compile(r"custom function <([^>]*)> is not supported")


class Refused(ValueError):
    """A query the service will not run: it would fetch from elsewhere."""


class Unreadable(ValueError):
    """A query the safety check's parser cannot read; `parser_message` says where it stopped.
    Either the query is malformed (the engine's own parser then says so) or it uses a syntax
    only the engine reads, which cannot be checked and is refused."""

    def __init__(self, parser_message: str, text: str = ""):
        super().__init__("the query could not be checked: newskg's SPARQL parser stopped here: " + parser_message)
        self.parser_message = parser_message
        self.text = text


class TooManyResults(ValueError):
    """A result over the row cap: refused whole, never cut."""


def check(text: str) -> None:
    """Raise Refused for a query whose parse has a SERVICE (anywhere: subqueries, OPTIONAL,
    MINUS, EXISTS...) or that is an update (LOAD...), and Unreadable for one the parser cannot
    read, before anything runs.

    The decision is made on the parse tree, never by scanning the text: a text scan and the
    engine's parser read comments, escapes and glued keywords differently (a comment ended by
    a carriage return hid a SERVICE from the scan). The parser is rdflib's, which follows the
    SPARQL grammar; where it and the engine could still differ, the query processes cannot
    open network connections at all (graph/sandbox.py)."""
    tree = _parse(text)
    for name in _nodes(tree):
        if name in _OUTBOUND:
            raise Refused(f"{_OUTBOUND[name]} is not allowed: this endpoint answers from its own store only")


# Comments end at a carriage return as at a line feed (SPARQL 1.1, 19.6); rdflib's parser only
# ends them at a line feed, so it reads the query with both as line feeds, as the engine does.
_LINE_ENDS = str.maketrans({"\r": "\n"})


def _parse(text: str):
    normalised = text.translate(_LINE_ENDS)
    try:
        return parseQuery(normalised)
    except (ParseBaseException, RecursionError, ValueError, TypeError) as e:
        problem = e
    try:
        update = parseUpdate(normalised)
    except (ParseBaseException, RecursionError, ValueError, TypeError):
        raise Unreadable(_parser_message(problem), text) from None
    if any(name == "Load" for name in _nodes(update)):
        raise Refused("LOAD is not allowed: this endpoint answers from its own store only")
    raise Refused("updates are not accepted: this endpoint is read-only")


def _parser_message(e: Exception) -> str:
    if isinstance(e, RecursionError):
        return "the query is nested too deeply"
    return str(e).splitlines()[0][:300]


def _nodes(tree):
    """The names of every node of a parse tree."""
    stack = [tree]
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if isinstance(name, str):
            yield name
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)


def bind(text: str, bindings: dict) -> str:
    """The query with `VALUES ?name { term }` opening its WHERE pattern, one per binding.

    Terms are pyoxigraph terms, whose N-Triples form is validated and escaped, so a value can
    never change the query's structure."""
    if not bindings:
        return text
    bare = _mask(text)
    m = re.search(r"\bWHERE\s*\{", bare, re.IGNORECASE) or re.search(r"\{", bare)
    if m is None:
        raise SyntaxError("the query has no WHERE pattern to bind parameters in")
    values = " ".join(f"VALUES ?{var.value} {{ {term} }}" for var, term in bindings.items())
    return text[:m.end()] + " " + values + " " + text[m.end():]


# The terminals of the SPARQL grammar that may hold any character: comments, IRIs (with their
# \u escapes), the four kinds of strings (with their escapes; an unterminated one runs to the
# end), and an escaped character of a prefixed name (`ex:a\#b`, which starts no comment).
_OPAQUE = re.compile("|".join([
    r"#[^\n]*",
    r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>",
    r'"""(?:\\.|(?!""")[^\\])*(?:"""|\Z)',
    r"'''(?:\\.|(?!''')[^\\])*(?:'''|\Z)",
    r'"(?:\\.|[^"\\])*(?:"|\Z)',
    r"'(?:\\.|[^'\\])*(?:'|\Z)",
    r"\\.?"]), re.DOTALL)
_SPECIAL = re.compile(r"""[#<"'\\]""")


def _mask(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), so keywords and
    braces found in it are the query's own."""
    out, i = [], 0
    while (m := _SPECIAL.search(text, i)) is not None:
        found = _OPAQUE.match(text, m.start())
        if found is None:  # a '<' that is an operator
            out.append(text[i:m.end()])
            i = m.end()
            continue
        out.append(text[i:m.start()])
        out.append(" " * (found.end() - m.start()))
        i = found.end()
    out.append(text[i:])
    return "".join(out)


def has_dataset(text: str) -> bool:
    """Does the query choose its own dataset (FROM / FROM NAMED)?"""
    return _DATASET.search(_mask(text)) is not None


def run_text(store: Store, text: str, bindings: dict | None = None, **kwargs):
    """Run a query; its own FROM / FROM NAMED, when it has them, replace the union default graph
    unless the caller chose the dataset (`default_graph` / `named_graphs`, which win).
    Refused or Unreadable (see `check`) before anything runs."""
    text = bind(text, bindings or {})
    check(text)
    if "default_graph" not in kwargs and "named_graphs" not in kwargs and has_dataset(text):
        kwargs.setdefault("union", False)
    # A function the engine does not know is an evaluation error, as for any function given
    # arguments it cannot take: its expression is unbound (a FILTER on it fails), and the rest of
    # the query runs. Oxigraph refuses such queries instead, one unknown IRI at a time.
    unknown: dict = {}
    while True:
        try:
            return store.query(text, **({"custom_functions": unknown} if unknown else {}), **kwargs)
        except RuntimeError as e:
            m = _UNKNOWN_FUNCTION.search(str(e))
            if m is None or len(unknown) >= 100:
                raise
            unknown[ox.NamedNode(m.group(1))] = _error


def _error(*args) -> None:
    return None


def kind(result) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    return "graph"


def term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


# The media types results are written in (by `write`)
SOLUTION_TYPES = ["application/sparql-results+json", "application/json", "application/sparql-results+xml",
                  "application/xml", "text/csv", "text/tab-separated-values", "text/plain"]
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
               "text/n3": ox.RdfFormat.N3, "text/plain": ox.RdfFormat.N_TRIPLES,
               "application/json": ox.RdfFormat.JSON_LD}


def write(result, mt: str, max_rows: int, max_bytes: int = 16 * 2**20) -> bytes:
    """A query result as a response body in media type `mt` (one of SOLUTION_TYPES for solutions
    and booleans, of GRAPH_TYPES for graphs). Reading a result is what evaluates it: this is
    where a query spends its time. More than `max_rows` solutions (ten times as many triples),
    or a body over `max_bytes`, raise TooManyResults: an answer is whole or refused, and the
    memory a query's answer takes is bounded."""
    k = kind(result)
    size = 0

    def count(terms) -> None:
        nonlocal size
        size += sum(len(t.value) for t in terms if t is not None) + 16
        if size > max_bytes:
            raise TooManyResults(f"the result is larger than {max_bytes // 2**20} MB (the limit, KG_MAX_RESULT_BYTES); "
                                 "select fewer or shorter values, or add a LIMIT")

    if k == "graph":
        triples = []
        for t in result:
            triples.append(t)
            count((t.subject, t.predicate, t.object))
            if len(triples) > max_rows * 10:
                raise TooManyResults(f"the graph result has more than {max_rows * 10} triples (the limit); "
                                     "narrow the query")
        if not triples and GRAPH_TYPES[mt] == ox.RdfFormat.JSON_LD:
            return b"[]"
        body = ox.serialize(triples, format=GRAPH_TYPES[mt])
    elif k == "boolean":
        return _boolean(bool(result), mt).encode("utf-8")
    else:
        names = [v.value for v in result.variables]
        rows = []
        for row in result:
            values = [row[n] for n in names]
            rows.append(values)
            count(values)
            if len(rows) > max_rows:
                raise TooManyResults(f"the query returns more than {max_rows} rows (the limit); add a LIMIT or "
                                     "narrow it")
        body = _solutions(names, rows, mt).encode("utf-8")
    if len(body) > max_bytes:  # escaping can grow a body past the values' own size
        raise TooManyResults(f"the result is larger than {max_bytes // 2**20} MB (the limit, KG_MAX_RESULT_BYTES); "
                             "select fewer or shorter values, or add a LIMIT")
    return body


def _boolean(value: bool, mt: str) -> str:
    if "xml" in mt:
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n")
    if mt in ("text/csv", "text/tab-separated-values", "text/plain"):
        return "true\n" if value else "false\n"
    return json.dumps({"head": {}, "boolean": value})


def _solutions(names: list[str], rows: list[list], mt: str) -> str:
    if "json" in mt:
        bindings = [{n: term_json(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)
    if "xml" in mt:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            for n, t in zip(names, row):
                if t is None:
                    continue
                out.append(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "".join(out)
    buf = io.StringIO()
    if mt == "text/csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value)
                        for t in row])
        return buf.getvalue()
    buf.write("\t".join("?" + n for n in names) + "\n")
    for row in rows:
        buf.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buf.getvalue()


# XML parsers turn a raw carriage return into a line feed; a character reference survives.
_XML_TEXT = {"\r": "&#13;"}


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    value = escape(t.value, _XML_TEXT)
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{value}</literal>"
    if t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(t.datatype.value)}>{value}</literal>"
    return f"<literal>{value}</literal>"


# `kg query --format` → the media type `write` writes
CLI_FORMATS = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}


def render_cli(result, fmt: str) -> str:
    """Results as a table, or in SPARQL 1.1 JSON, CSV or TSV written by `write`, as the API writes
    them (a boolean in a table is `true` or `false`); graphs as Turtle. Nothing is capped."""
    k = kind(result)
    if k == "graph" or fmt in CLI_FORMATS or k == "boolean":
        mt = "text/turtle" if k == "graph" else CLI_FORMATS.get(fmt, "text/plain")
        body = write(result, mt, max_rows=sys.maxsize, max_bytes=sys.maxsize).decode("utf-8")
        return body if body.endswith("\n") else body + "\n"
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, TABLE_WIDTH) for w in widths]
    cut = False

    def fit(text: str, width: int) -> str:
        nonlocal cut
        text = " ".join(text.split())  # a line break inside a value would break the table's rows
        if len(text) > width:
            cut = True
            text = text[:width - 1] + "…"
        return text.ljust(width)

    line = "  ".join(n.ljust(w) for n, w in zip(names, widths))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(fit(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
               + (f"; values longer than {TABLE_WIDTH} characters are cut at …: --format csv, tsv or json shows "
                  "them whole)" if cut else ")"))
    return "\n".join(out) + "\n"


TABLE_WIDTH = 60  # characters of a column in `kg query`'s table


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value

