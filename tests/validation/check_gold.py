"""Check gold files against the guidelines' format and the articles they describe.

usage: python tests/validation/check_gold.py [GOLD_FILE_OR_DIR ...]   (default: both parts)

Every problem is printed with its file; the exit code is 1 when there is any. It checks the
shape (ids, types, predicates, the types each predicate joins), that every label and alias
occurs in the article (headline and text, as `kg build` reads them), and that title values
are written as the guidelines ask (lower case, no article).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {"PERSON", "ORG", "PLACE", "EVENT", "GROUP"}
# predicate -> (subject types, object types); None: a literal value
SIGNATURES = {
    "leads": ({"PERSON"}, {"ORG", "PLACE"}),
    "memberOf": ({"PERSON"}, {"ORG"}),
    "title": ({"PERSON"}, None),
    "childOf": ({"PERSON"}, {"PERSON"}),
    "locatedIn": ({"PLACE", "ORG", "EVENT"}, {"PLACE"}),
    "opposes": ({"PERSON", "ORG"}, {"PERSON", "ORG"}),
    "participatedIn": ({"PERSON", "ORG"}, {"EVENT"}),
}


def articles() -> dict[str, str]:
    """Article id -> the text as `kg build` reads it (the headline on top)."""
    out = {}
    for path in HERE.glob("*/articles.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            text = a["text"]
            if a.get("title") and not text.lstrip().startswith(a["title"].strip()):
                text = a["title"].strip() + "\n\n" + text
            out[a["id"]] = text
    return out


def problems(path: Path, texts: dict[str, str]) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"cannot read: {e}"]
    out = []
    text = texts.get(gold.get("document"))
    if text is None:
        out.append(f"`document` {gold.get('document')!r} is not an article of tests/validation")
    types = {}
    for e in gold.get("entities", []):
        if e.get("id") in types:
            out.append(f"entity id {e.get('id')!r} twice")
        types[e.get("id")] = e.get("type")
        if e.get("type") not in TYPES:
            out.append(f"{e.get('id')}: type {e.get('type')!r} is not one of {sorted(TYPES)}")
        # A label may be a name the article does not use when the file's own forms are its aliases:
        # one real-world thing has one label in every file (GUIDELINES.md).
        names = [*e.get("aliases", [])] + ([e.get("label", "")] if not e.get("aliases") else [])
        if not e.get("label"):
            out.append(f"{e.get('id')}: no label")
        for name in names:
            if not name or (text is not None and name not in text):
                out.append(f"{e.get('id')}: the form {name!r} does not occur in the article")

    for r in gold.get("relations", []):
        p = r.get("predicate")
        if p not in SIGNATURES:
            out.append(f"relation {r}: predicate {p!r} is not one of {sorted(SIGNATURES)}")
            continue
        subjects, objects = SIGNATURES[p]
        if types.get(r.get("subject")) not in subjects:
            out.append(f"relation {r}: the subject must be an entity of type {sorted(subjects)}")
        if objects is None:
            value = r.get("value", "")
            if not value or value != value.lower() or value.split()[0] in ("a", "an", "the"):
                out.append(f"relation {r}: a title value is lower case, without an article")
        elif types.get(r.get("object")) not in objects:
            out.append(f"relation {r}: the object must be an entity of type {sorted(objects)}")
    return out


def main(args: list[str]) -> int:
    texts = articles()
    paths = [Path(a) for a in args] or [HERE / "tune" / "gold", HERE / "report" / "gold"]
    files = [f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    bad = 0
    for f in files:
        for problem in problems(f, texts):
            print(f"{f}: {problem}")
            bad += 1
    print(f"{len(files)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
