"""The little language the relation patterns are written in, compiled to regular expressions
over a sentence's unit symbols (units.py).

A shape is a sequence of word classes separated by spaces, each optionally named
(`who:PERSON`) and quantified (`MOD*`, `DET?`, `ROLE+`); parentheses group alternatives
(`(ORG|PLACE)`) or sequences (`(COMMA DET?)`), and a group may be named too
(`role:(MOD* ROLE)`). `^` and `$` anchor at the sentence's start and end, `!` before an atom is
a negative lookahead ("not followed by"), `ANY` any unit but a comma, `<!` a negative lookbehind
("not right after"; of a
fixed number of units). `{1,3}` repeats from one to three times. Repetition is bounded (`*` is
at most 8), so matching stays linear in the sentence's length.

    "owner:(ORG|PLACE) POSS? role:TITLE who:PERSON"   (a title before a name)
"""
from __future__ import annotations

import re
from functools import cache

from .units import SYMBOLS

# Shorthands for phrases many patterns share.
MACROS = {
    # the words of a title, ending in its role word: "former deputy foreign minister" ("anti-war
    # activist", "full-time"; "trade and industry commissioner": a field of two words)
    "TITLE": "((ANTI HYPHEN)|MOD|WORD|ROLE|HYPHEN|PLACE_NOUN|TENURE|FIELD_AND)* ROLE",
    # what may follow a role inside its phrase: "of foreign relations", "for the Middle East"
    "NAME": "(PERSON|ORG|PLACE|EVENT|GROUP)",
}
BOUND = 8
_TOKEN = re.compile(r"\s*(?:(\w+):)?(<!|!|)(\(|\)|\||[A-Z_]+|\^|\$)([?*+]|\{\d+,\d+\}|)")


class ShapeError(ValueError):
    pass


@cache
def compile_shape(shape: str) -> re.Pattern:
    """The regular expression of a shape; it matches at every start position (overlapping
    matches), with the named parts as named groups."""
    for name, text in MACROS.items():
        shape = re.sub(rf"\b{name}\b", f"({text})", shape)
    tokens = _tokens(shape)
    body, rest = _sequence(tokens)
    if rest:
        raise ShapeError(f"unexpected {rest[0]} in shape {shape!r}")
    return re.compile(body)


def _tokens(shape: str) -> list[tuple]:
    out, pos = [], 0
    shape = shape.strip()
    while pos < len(shape):
        m = _TOKEN.match(shape, pos)
        if m is None or m.end() == pos:
            raise ShapeError(f"cannot read the shape {shape!r} at {shape[pos:]!r}")
        out.append((m.group(1), m.group(2), m.group(3), m.group(4)))
        pos = m.end()
        while pos < len(shape) and shape[pos] == " ":
            pos += 1
    return out


def _sequence(tokens: list[tuple]) -> tuple[str, list[tuple]]:
    """Atoms until a ')' or '|' at this level: (regex, remaining tokens)."""
    parts = []
    while tokens and tokens[0][2] not in (")", "|"):
        name, negate, atom, quant = tokens[0]
        tokens = tokens[1:]
        if atom == "(":
            alternatives = []
            while True:
                body, tokens = _sequence(tokens)
                alternatives.append(body)
                if not tokens:
                    raise ShapeError("a '(' without its ')'")
                sep = tokens[0]
                tokens = tokens[1:]
                if sep[2] == ")":
                    quant = sep[3] or quant
                    break
            regex = "(?:" + "|".join(alternatives) + ")"
        elif atom in ("^", "$"):
            regex = {"^": "^", "$": "$"}[atom]
        elif atom == "ANY":  # any unit but a comma: the inside of an apposition
            regex = "[^,]"
        else:
            if atom not in SYMBOLS:
                raise ShapeError(f"unknown word class {atom!r}; the classes are {', '.join(SYMBOLS)}")
            regex = re.escape(SYMBOLS[atom])
        regex += {"": "", "?": "?", "*": f"{{0,{BOUND}}}", "+": f"{{1,{BOUND}}}"}.get(quant, quant)
        if name:
            regex = f"(?P<{name}>{regex})"
        if negate:
            regex = f"(?{negate[:-1]}!{regex})" if negate == "<!" else f"(?!{regex})"
        parts.append(regex)
    return "".join(parts), tokens


def matches(shape: str, symbols: str):
    """Every match of `shape` in a sentence's symbols, overlapping ones included: for each start
    position, the longest match there."""
    pattern = compile_shape(shape)
    start = 0
    # (the first match at or after a position is the match at its start: one search finds it,
    # where trying each position in turn cost a call per unit of the sentence)
    while start < len(symbols) and (m := pattern.search(symbols, start)) is not None:
        if m.end() > m.start():
            yield m
        start = m.start() + 1
