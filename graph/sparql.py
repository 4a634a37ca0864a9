"""Running SPARQL on the store and writing its results, for the CLI and the API alike."""
from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox

from .store import Store

# Keywords that would make the engine reach outside the store. (Updates need no check: the
# query parser rejects them.)
_OUTBOUND = re.compile(r"(?<![\w?$:])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)
# FROM and FROM NAMED occur only in a query's dataset clause, never in a pattern.
_DATASET = re.compile(r"(?<![\w?$:])FROM(?![\w:])", re.IGNORECASE)
# How Oxigraph (0.5) refuses a query calling a function it does not know.
_UNKNOWN_FUNCTION = re.compile(r"custom function <([^>]*)> is not supported")


class Refused(ValueError):
    """A query the service will not run: it would fetch from elsewhere."""


def check(text: str) -> None:
    """Raise Refused for SERVICE or LOAD, before anything runs."""
    m = _OUTBOUND.search(_mask(text))
    if m:
        raise Refused(f"{m.group(1).upper()} is not allowed: this endpoint answers from its own store only")


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


def _mask(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), so keywords and
    braces found in it are the query's own."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif c == "<" and re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:]):
            j = i + re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:]).end()
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('\"\"\"', "'''") else c
            j = i + len(quote)
            while j < n and text[j:j + len(quote)] != quote:
                j += 2 if text[j] == "\\" else 1
            j = min(n, j + len(quote))
        else:
            i += 1
            continue
        out[i:j] = " " * (j - i)
        i = j
    return "".join(out)


def has_dataset(text: str) -> bool:
    """Does the query choose its own dataset (FROM / FROM NAMED)?"""
    return _DATASET.search(_mask(text)) is not None


def run_text(store: Store, text: str, bindings: dict | None = None, **kwargs):
    """Run a query; its own FROM / FROM NAMED, when it has them, replace the union default graph
    unless the caller chose the dataset (`default_graph` / `named_graphs`, which win)."""
    check(text)
    text = bind(text, bindings or {})
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


def render_cli(result, fmt: str) -> str:
    """Results as a table, JSON (SPARQL 1.1 JSON for solutions), CSV or TSV; graphs as Turtle."""
    k = kind(result)
    if k == "boolean":
        return json.dumps({"head": {}, "boolean": bool(result)}) + "\n" if fmt == "json" else f"{bool(result)}\n"
    if k == "graph":
        return ox.serialize(result, format=ox.RdfFormat.TURTLE).decode("utf-8")
    if fmt in ("json", "csv", "tsv"):
        f = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
             "tsv": ox.QueryResultsFormat.TSV}[fmt]
        return result.serialize(format=f).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c[:w].ljust(w) for c, w in zip(r, widths)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value


def rows_csv(names: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(names)
    w.writerows(rows)
    return buf.getvalue()
