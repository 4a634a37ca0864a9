"""Generated news-like prose of a chosen length, for checking that extraction time grows linearly.

Each kind stresses one thing a rule could do once per mention pair instead of once per mention:
a nationality word repeated through the article, long lists of names, many quotes with their
speakers, and one huge paragraph with no line break. The same (kind, characters, seed) gives the
same text."""
from __future__ import annotations

import random

KINDS = ("nationalities", "names", "quotes", "paragraph")

_NATIONALITIES = ["German", "French", "Italian", "Spanish", "Polish", "Turkish", "Brazilian", "Mexican",
                  "Japanese", "Kenyan", "Egyptian", "Canadian", "Swedish", "Indian", "Chilean", "Greek"]
_ROLES = ["chancellor", "foreign minister", "prime minister", "president", "ambassador", "defence minister",
          "trade envoy", "finance minister", "spokesperson", "opposition leader"]
_CITIES = ["Berlin", "Paris", "Rome", "Madrid", "Warsaw", "Ankara", "Brasilia", "Nairobi", "Cairo", "Ottawa",
           "Stockholm", "Athens", "Santiago", "Tokyo", "Lima", "Oslo"]
_GIVEN = ["Anna", "Marek", "Lucia", "Tomas", "Ingrid", "Kofi", "Amira", "Diego", "Yuki", "Elena", "Omar",
          "Sofia", "Henrik", "Priya", "Jonas", "Leila", "Mateo", "Nadia", "Pavel", "Rosa"]
_FAMILY = ["Kowalski", "Moreau", "Rossi", "Okafor", "Lindqvist", "Haddad", "Tanaka", "Petrov", "Alvarez",
           "Novak", "Mensah", "Schulz", "Costa", "Nakamura", "Berg", "Farouk", "Ivanova", "Duarte", "Weber", "Sato"]
_ORGS = ["National Farmers Union", "Coastal Development Bank", "Green Future Alliance", "Northern Rail Company",
         "Civic Rights Council", "United Dockworkers Federation", "Institute for Water Research"]
_VERBS = ["said", "told reporters", "added", "warned", "explained"]
_QUOTES = ["We will not accept this decision", "The talks went better than expected",
           "Nobody told us about the plan", "This is a matter for the courts",
           "Our members want answers", "The numbers speak for themselves"]


def text(kind: str, characters: int, seed: int = 0) -> str:
    """About `characters` characters of `kind` prose (one of KINDS)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    rng = random.Random(f"{kind}-{seed}")
    sentence = {"nationalities": _nationality, "names": _names, "quotes": _quote, "paragraph": _any}[kind]
    out, size, in_paragraph = [], 0, 0
    while size < characters:
        s = sentence(rng)
        in_paragraph += 1
        sep = " " if kind == "paragraph" or in_paragraph % 4 else "\n\n"
        out.append(s + sep)
        size += len(s) + len(sep)
    return "".join(out).strip() + "\n"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"


def _nationality(rng: random.Random) -> str:
    a, b = rng.sample(_NATIONALITIES, 2)
    return (f"The {a} {rng.choice(_ROLES)} {_person(rng)} met the {b} {rng.choice(_ROLES)} in "
            f"{rng.choice(_CITIES)} on Monday, and {a} officials said the {b} side had asked for more time.")


def _names(rng: random.Random) -> str:
    people = [_person(rng) for _ in range(rng.randint(8, 16))]
    return f"The delegation to {rng.choice(_CITIES)} included {', '.join(people[:-1])} and {people[-1]}."


def _quote(rng: random.Random) -> str:
    return (f"\u201c{rng.choice(_QUOTES)},\u201d {rng.choice(_VERBS)} {_person(rng)}, the {rng.choice(_ROLES)} "
            f"of the {rng.choice(_ORGS)}. \u201c{rng.choice(_QUOTES)}.\u201d")


def _any(rng: random.Random) -> str:
    return rng.choice([_nationality, _names, _quote])(rng)
