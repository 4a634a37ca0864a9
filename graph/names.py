"""How names compare: normal forms, tokens, acronyms, containment and spelling variants.

Shared by the resolution within an article (graph.extract.local_entities) and across articles
(graph.resolve), so both stages agree on when two surface forms can name one thing.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .lexicon import INITIALS_SKIPPED


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Zürich' → 'zurich'; invisible format characters (a
    zero-width joiner pasted into a name) are no part of it."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    return text.casefold()


@lru_cache(maxsize=1 << 16)  # (the same names are compared again and again)
def normal(text: str) -> str:
    """The comparison key of a name: folded, without a leading 'the', a trailing possessive,
    full stops or hyphen spacing ('the U.S.' → 'us', "Taliban's" → 'taliban')."""
    # most names are words of plain letters (and the gazetteers load tens of thousands of them):
    # of all the steps, only the case and a leading 'the' can touch them
    s = _plain_key(text) if _PLAIN.fullmatch(text) else _key(text)
    if "isation" in s:
        s = _ISATION.sub(r"ization\1", s)  # "World Health Organisation" / "Organization"
    return _WORLD_WARS.get(s, s)  # "the Second World War" / "World War II"


def _plain_key(text: str) -> str:
    s = text.lower()
    return s[4:] if s.startswith("the ") else s


def _key(text: str) -> str:
    s = fold(text).strip()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = _POSSESSIVE.sub("", s)
    s = _THE.sub("", s)
    s = s.replace(".", "")
    s = _SUFFIX.sub(r" \1", s)  # "Cyrus R. Vance, Jr." is "Cyrus R. Vance Jr."
    s = _HYPHEN.sub("-", s)
    s = _EL.sub("al-", s)  # the Arabic article transliterated two ways: "el-Sisi" / "al-Sisi"
    return _SPACES.sub(" ", s).strip()


_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_POSSESSIVE = re.compile(r"'s?$")
_THE = re.compile(r"^the\s+")
_SUFFIX = re.compile(r",\s*(jr|sr|ii|iii|iv)$")
_HYPHEN = re.compile(r"\s*-\s*")
_ISATION = re.compile(r"isation(s?)\b")
_EL = re.compile(r"(?<![\w-])el-(?=\w)")
_SPACES = re.compile(r"\s+")
_WORLD_WARS = {"first world war": "world war i", "world war one": "world war i", "world war 1": "world war i",
               "great war": "world war i", "second world war": "world war ii", "world war two": "world war ii",
               "world war 2": "world war ii"}


def tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", normal(text)) if t]


def is_acronym(text: str) -> bool:
    """'NLF', 'U.S.', 'UN' — a short all-capital form, full stops allowed."""
    bare = text.replace(".", "").replace("&", "")
    return 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper()


_NUMERAL = re.compile(r"(?=[IVX]{2})X{0,3}(IX|IV|V?I{0,3})")


def is_numeral(text: str) -> bool:
    """'II', 'XXI': a Roman numeral of two letters or more (a monarch's, a century's, a site's),
    no name and no surname by itself."""
    return bool(_NUMERAL.fullmatch(text))


def initials(text: str) -> set[str]:
    """Acronyms a full name can have: of every content word, and of the words before the
    first preposition ('National Liberation Front of Zanzar' → {'nlfz', 'nlf'})."""
    words = [w for w in re.split(r"[\s\-]+", text.replace(".", "")) if w]
    out = set()
    content = [w for w in words if w.lower() not in INITIALS_SKIPPED]
    if len(content) >= 2:
        out.add("".join(w[0] for w in content).lower())
    head: list[str] = []
    for w in words:
        if w.lower() in INITIALS_SKIPPED:
            break
        head.append(w)
    if len(head) >= 2:
        out.add("".join(w[0] for w in head).lower())
    return out


def acronym_of(short: str, full: str) -> bool:
    """'UN' of 'United Nations' — not 'US' of 'US Senate', a name that opens with the acronym."""
    key = normal(short).replace(" ", "")
    return is_acronym(short) and len(full.split()) >= 2 and key in initials(full) \
        and normal(full).split(" ", 1)[0].replace(" ", "") != key


def contiguous_in(short: list[str], long: list[str]) -> bool:
    """True when `short` appears as a run of consecutive tokens of `long` (and is shorter)."""
    n = len(short)
    if not n or n >= len(long):
        return False
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or limit + 1 once it exceeds `limit` (rapidfuzz: C, about 200
    times the speed of the same loop in Python, which made half of a search's time)."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


VOWELS = set("aeiou")


def spelling_variant(a: str, b: str) -> bool:
    """Two names that differ by transliteration variants of long words ('Abdulleh Karimi' /
    'Abdullah Karimi', 'Usama bin Ladin' / 'Osama bin Laden'): each differing word of five
    letters or more and one edit away (two from nine letters), starting alike (or both with
    a vowel), and at least one long word the same when two words differ."""
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb) or ta == tb:
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    same = [x for x, y in zip(ta, tb) if x == y and len(x) >= 3]
    if len(diff) > 2 or (len(diff) == 2 and not same):
        return False
    for x, y in diff:
        if not (x[0] == y[0] or (x[0] in VOWELS and y[0] in VOWELS)):
            return False
        if min(len(x), len(y)) < 5 or (len(ta) == 1 and min(len(x), len(y)) < 7):
            return False
        if edit_distance(x, y, 2) > (2 if min(len(x), len(y)) >= 9 else 1):
            return False
    return True


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def nickname_of(a: str, b: str) -> bool:
    """Two given names of which one is the other's usual short form, both ways in the curated
    list of the `nicknames` package ('Bill' / 'William', 'Jim' / 'James'; not 'Bill' / 'Robert',
    which it lists one way only)."""
    a, b = normal(a), normal(b)
    if a == b or not a.isalpha() or not b.isalpha():
        return False
    nn = _nicknamer()
    return any(y in nn.nicknames_of(x) and x in nn.canonicals_of(y) for x, y in ((a, b), (b, a)))


def same_but_given_nickname(a: list[str], b: list[str]) -> bool:
    """'Bill Weld' and 'William Weld': the same name but for a given name and its short form."""
    return len(a) == len(b) >= 2 and a[1:] == b[1:] and nickname_of(a[0], b[0])


def by_nickname(form: str) -> str | None:
    """'Spike Cohen' of 'Jeremy "Spike" Cohen': a name by the nickname it gives in quotes."""
    found = _QUOTED_NICKNAME.fullmatch(form)
    return f"{found.group(1)} {found.group(2)}" if found else None


_QUOTED_NICKNAME = re.compile(r'.+?\s["\u201c]([^"\u201c\u201d]+)["\u201d]\s(.+)')


def fullness(form: str) -> tuple[int, int]:
    """Orders forms by how full a name they are: more words, then more letters."""
    return len(form.split()), len(form)


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019.]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:80] or "entity"


# Generic institution names: a body every country (or state) has, named by what it is — "Supreme
# Court", "Senate", "Ministry of Foreign Affairs", "Labour Party". Without its country ("US Senate",
# "Senate of Ruritania") such a name says which kind of body, not which one. General English
# vocabulary of institutions, no name of any particular one.
INSTITUTION_HEADS = {"court", "senate", "congress", "house", "parliament", "assembly", "council", "ministry",
                     "department", "party", "police", "government", "cabinet", "legislature", "commission",
                     "tribunal", "army", "navy", "chamber", "judiciary", "constabulary"}
INSTITUTION_WORDS = INSTITUTION_HEADS | {
    "supreme", "high", "national", "federal", "legislative", "constitutional", "district", "superior", "general",
    "state", "foreign", "affairs", "interior", "internal", "justice", "defence", "defense", "health", "education",
    "finance", "home", "appeals", "appeal", "circuit", "lower", "upper", "representatives", "commons", "lords",
    "deputies", "delegates", "people's", "peoples", "democratic", "republican", "labour", "labor", "liberal",
    "conservative", "green", "greens", "socialist", "communist", "workers", "progressive", "reform", "independent",
    "consultative", "transportation", "transport", "energy", "homeland", "security", "treasury", "emergency",
    "emergencies", "situations", "public", "works", "corrections", "agriculture", "environment", "trade",
    "culture", "sport", "sports", "youth", "information", "economy", "economic", "military", "armed", "forces",
    "criminal", "civil", "family", "county", "city", "municipal", "regional", "provincial", "metropolitan"}
# Words a generic name may have that say nothing of which body: "Ministry of Foreign Affairs" is
# the "Foreign Ministry".
_GENERIC_FILLERS = INITIALS_SKIPPED | {"affairs"}


def institution(form: str, place_of) -> tuple[str, str | None] | None:
    """(kind, place) when `form` is a generic institution's name: the kind as a key that does not
    depend on word order ('department justice' for "Justice Department" and "Department of
    Justice"), and the place its name gives, if any ("US Senate", "Senate of Ruritania",
    "Ruritanian Parliament"). `place_of(words)` says which place a run of words names (None:
    none). None when the name is not generic ("Human Rights Watch", "Senate Bill 5")."""
    words = [w for w in re.split(r"[\s]+", normal(form).replace(",", " ")) if w]
    if not words:
        return None
    place = None
    # the place before the kind ("US Supreme Court") or after "of" ("Supreme Court of Ruritania")
    for n in range(min(4, len(words) - 1), 0, -1):
        found = place_of(" ".join(words[:n]))
        if found:
            place, words = found, words[n:]
            break
    if place is None and "of" in words:
        at = len(words) - 1 - words[::-1].index("of")
        rest = [w for w in words[at + 1:] if w != "the"]
        found = place_of(" ".join(rest)) if rest else None
        if found:
            place, words = found, words[:at]
    content = [w for w in words if w not in _GENERIC_FILLERS]
    if not content or not all(w in INSTITUTION_WORDS or w in _PARTY_PLURALS for w in content):
        return None
    head = next((w for w in content if w in INSTITUTION_HEADS), None)
    if head is None and len(content) > 1 and content[-1] in _PARTY_PLURALS:
        head = content[-1]  # "Liberal Democrats", "Social Democrats": a party of some country
    if head is None:
        return None
    if head in _CHAMBERS:
        # "the Republican Senate": the Senate, whichever party holds it (but "Democratic Party");
        # "the House" of a country is its House of Representatives
        content = [w for w in content if w not in _PARTISAN and not (head == "house" and w == "representatives")] \
            or content
    content = [_SPELLINGS.get(w, w) for w in content]
    return " ".join([head, *sorted(set(content) - {head})]), place


# Parties named by their members in the plural ("Liberal Democrats", "Sweden Democrats").
_PARTY_PLURALS = {"democrats", "republicans", "socialists", "greens", "liberals", "conservatives"}
# A legislature's head words, and the parties' words that may qualify one for its majority.
_CHAMBERS = {"senate", "house", "congress", "parliament", "assembly"}
_PARTISAN = {"democratic", "republican", "labour", "labor", "liberal", "conservative", "green", "greens", "socialist",
             "communist", "progressive", "independent"}


# British and American spellings of one institution word: one kind
_SPELLINGS = {"labour": "labor", "defence": "defense"}
