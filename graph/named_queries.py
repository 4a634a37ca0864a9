"""Named SPARQL queries: the `.rq` files of the `queries` folder.

Each file declares itself in header comments:

    # title: Who leads what
    # description: Every `leads` relation with the number of sentences stating it.
    # param: entity entity -- the entity (its id or IRI)
    # param: type string = Person -- a class name
    # param: min integer[1..1000] = 2 -- an integer within bounds (either may be left out)

and refers to a parameter as a variable of the same name (`?entity`). Values are bound
as RDF terms (SPARQL 1.1 VALUES semantics), never pasted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .vocab import XSD, Vocabulary

PARAM_TYPES = ("entity", "iri", "string", "integer", "decimal", "boolean", "date")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")


class QueryError(ValueError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    description: str = ""
    minimum: int | None = None
    maximum: int | None = None

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description,
                "parameters": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                                "description": p.description,
                                **({"minimum": p.minimum} if p.minimum is not None else {}),
                                **({"maximum": p.maximum} if p.maximum is not None else {})} for p in self.params],
                "query": self.text}

    def bindings(self, values: dict[str, str], vocab: Vocabulary) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
        """RDF terms for the given parameter values (defaults filled in), checked by type."""
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            raise QueryError(f"unknown parameter(s) {', '.join(sorted(unknown))} for query {self.name!r}; "
                             f"it takes: {', '.join(p.name for p in self.params) or 'none'}")
        out = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name!r} needs parameter {p.name!r} ({p.type}): {p.description}")
            out[ox.Variable(p.name)] = term(p, str(value), vocab)
        return out


def term(p: Param, value: str, vocab: Vocabulary) -> ox.NamedNode | ox.Literal:
    if len(value) > 2000:
        raise QueryError(f"parameter {p.name!r} is too long ({len(value)} characters, at most 2000)")
    try:
        if p.type == "entity":
            return ox.NamedNode(value if re.match(r"^[a-z][a-z0-9+.-]*:", value) else vocab.entity(value))
        if p.type == "iri":
            return ox.NamedNode(value)
        if p.type == "integer":
            number = int(value)
            if (p.minimum is not None and number < p.minimum) or (p.maximum is not None and number > p.maximum):
                raise QueryError(f"parameter {p.name!r} must be an integer from {_bound(p.minimum)} to "
                                 f"{_bound(p.maximum)}, got {number}")
            return ox.Literal(str(number), datatype=ox.NamedNode(XSD + "integer"))
        if p.type == "decimal":
            return ox.Literal(str(float(value)), datatype=ox.NamedNode(XSD + "decimal"))
        if p.type == "boolean":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return ox.Literal("true" if value.lower() in ("true", "1") else "false",
                              datatype=ox.NamedNode(XSD + "boolean"))
        if p.type == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
        return ox.Literal(value)
    except QueryError:
        raise
    except ValueError as e:
        raise QueryError(f"parameter {p.name!r} must be {p.type}, got {value!r}") from e


def _bound(value: int | None) -> str:
    return "any" if value is None else str(value)


def parse(name: str, text: str) -> NamedQuery:
    title, description, params = name, "", []
    for line in text.splitlines():
        m = re.match(r"^#\s*(title|description|param)\s*:\s*(.*)$", line.strip())
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        else:
            pm = re.match(r"^(\w+)\s+(\w+)(?:\[(-?\d*)\.\.(-?\d*)\])?(?:\s*=\s*(\S+))?(?:\s*--\s*(.*))?$", value)
            if not pm or pm.group(2) not in PARAM_TYPES or (pm.group(3) is not None and pm.group(2) != "integer"):
                raise QueryError(f"{name}.rq: bad parameter declaration {value!r}; expected "
                                 f"'NAME TYPE [= DEFAULT] [-- description]' with TYPE one of {', '.join(PARAM_TYPES)} "
                                 "(an integer may have bounds: integer[1..100])")
            low, high = (int(b) if b else None for b in (pm.group(3), pm.group(4)))
            params.append(Param(pm.group(1), pm.group(2), pm.group(5), (pm.group(6) or "").strip(), low, high))
    return NamedQuery(name=name, title=title, description=description, text=text, params=tuple(params))


def folder() -> Path:
    return Path(str(resources.files("newskg.queries")))


def catalogue(path: Path | None = None) -> dict[str, NamedQuery]:
    path = path or folder()
    return {p.stem: parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.rq"))}


def get(name: str, path: Path | None = None) -> NamedQuery:
    """A named query; the name is checked before any file is touched (no path tricks)."""
    if not NAME.match(name):
        raise QueryError(f"invalid query name {name!r}: use letters, digits, '-' and '_'")
    queries = catalogue(path)
    if name not in queries:
        raise KeyError(f"no named query {name!r}; available: {', '.join(queries) or 'none'}")
    return queries[name]
