"""Where a name begins and ends: articles, titles, possessives and dates trimmed off; the
capitalised neighbours the NER left out joined on; an office and its holder told apart."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..names import INSTITUTION_HEADS, INSTITUTION_WORDS, acronym_of, fold, normal
from .. import lexicon as L
from .kinds import given_name_first, guess_type, is_storm, retype
from ..lexicon import common_words
from .tokens import (AGENT_PARTICIPLES, COMPASS, CONNECTORS, FUNCTION_POS, LEADING_JUNK, PARTICLES, after_prefix,
                     bracketed_acronym, capitalised, head_word, is_role, is_year, known, languages, occupation,
                     title_case, titleish, words_of)


@dataclass
class _Name:
    """A span being repaired: where it starts and ends, its type, and the names already cut off
    its left ("Syrian" of "Syrian President Bashar al-Assad")."""
    doc: Doc
    start: int
    end: int
    label: str
    left: list[Span] = field(default_factory=list)

    def span(self, start: int, end: int, label: str) -> Span:
        return Span(self.doc, start, end, label=label)


def repair(span: Span) -> list[Span]:
    """The name part of a span, or nothing: titles, articles, possessives and trailing
    dates off; its capitalised neighbours on; a document title reduced to what it names;
    an office and its holder ("US Secretary of State Mike Pompeo") split in two.

    The repairs are tried in the order of REPAIRS; one that splits the span returns its parts
    (each repaired in turn), one that narrows it lets the next ones go on."""
    span = retype(span)
    name = _Name(span.doc, span.start, span.end, span.label_)
    for _, _, step in REPAIRS:
        parts = step(name)
        if parts is not None:
            return parts
    if _ship(name) is not None:
        return name.left  # "USS" + "Ronald Reagan": the ship's prefix was a neighbour taken on
    return name.left + [retype(Span(name.doc, name.start, name.end, label=name.label))]


def _parts(*spans: Span) -> list[Span]:
    return [r for part in spans for r in repair(part)]


def _name_the_body(n: _Name) -> list[Span] | None:
    """'making Ferraro the Democratic Party's first candidate': a lower-case 'the' straight after the
    surname of a person the recogniser found opens another name (not 'Ivan the Terrible', a
    person's epithet; not 'Stop the Steal' or 'Veterans Against the War')."""
    doc, start, end = n.doc, n.start, n.end
    if n.label == "PERSON":
        return None
    for i in range(start + 1, end - 1):
        if doc[i].text == "the" and capitalised(doc[i - 1]) and capitalised(doc[i + 1]) \
                and doc[i - 1].text in _surnames_named_in_full(doc):
            return _parts(n.span(start, i, guess_type(doc[start:i]) or n.label), n.span(i + 1, end, n.label))
    return None


def _place_for_a_person(n: _Name) -> list[Span] | None:
    """'the AP also called Nevada for Biden': a known place, 'for', and a person the text names in
    full are two names."""
    doc, start, end = n.doc, n.start, n.end
    for i in range(start + 1, end - 1):
        if doc[i].lower_ == "for" and gazetteer.place_kind(doc[start:i].text) is not None \
                and doc[end - 1].text in _surnames_named_in_full(doc):
            return _parts(n.span(start, i, "PLACE"), n.span(i + 1, end, "PERSON"))
    return None


def _separators(n: _Name) -> list[Span] | None:
    """A possessive, a verb, a bracket or an agent participle inside a span separates names."""
    doc, start, end, label = n.doc, n.start, n.end, n.label
    for i in range(start, end):
        if start < i < end - 1 and _possessor_then_name(doc, start, i, end):
            # "the Democratic Party's Nevada caucuses": a possessor and another name
            return _parts(n.span(start, i, label), n.span(i + 1, end, guess_type(doc[i + 1:end]) or label))
        if start < i < end - 1 and doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            # "Ali Karimi met Fatima Sow": a verb between two names
            return _parts(n.span(start, i, label), n.span(i + 1, end, label))
        if start < i < end - 2 and doc[i].lower_ in ("and", "&") and doc[i + 1].text == "The":
            # "The Progressive and The New York Times": a capitalised article opens another name
            return _parts(n.span(start, i, label), n.span(i + 1, end, guess_type(doc[i + 1:end]) or label))
        if start < i < end - 2 and _and_the_body(doc, i, start, end):
            # "the Ministry of Defence and the Army": two bodies (but "the Front of Chad and the Sahel")
            return _parts(n.span(start, i, label), n.span(i + 2, end, label))
        if (doc[i].text in ("[", "]", "(", ")", "/", ";") or doc[i].lower_ in ("or", "and/or")) and end - start > 1:
            # "[Bashir al] Assad", "PKK-YPG / SDF", "House and/or Senate": brackets, slashes and
            # "or" separate names
            return _parts(*[n.span(a, b, label) for a, b in ((start, i), (i + 1, end)) if b > a])
        if doc[i].text == "-" and i + 1 < end and doc[i + 1].lower_ in AGENT_PARTICIPLES:
            # "U.S.-designated Foreign Terrorist Organization": who designated, then what
            parts = [n.span(start, i, guess_type(doc[start:i]) or label)]
            if i + 2 < end:
                parts.append(n.span(i + 2, end, label))
            return _parts(*parts)
    return None


_BODY_HEADS = L.ORG_HEADS | INSTITUTION_HEADS


def _possessor_then_name(doc: Doc, start: int, i: int, end: int) -> bool:
    """Token i is a possessive between a possessor and another name ("the Democratic Party's
    Nevada caucuses"), not inside one name ("Women's March", "St Mary's Hospital")."""
    return doc[i].lower_ in ("'s", "\u2019s") and doc[i - 1].lower_ not in L.PLURALS_IN_NAMES \
        and not _named_for_a_saint_or_monarch(doc, start, i, end)


def _named_for_a_saint_or_monarch(doc: Doc, start: int, i: int, end: int) -> bool:
    """'St Mary's Hospital', 'St. John's Episcopal Church', 'Queen's University': a saint's or a
    monarch's possessive opens the name of what is named after them, not a possessor and a name."""
    first = doc[start].lower_
    saint = first in ("st", "st.", "saint") and 1 <= i - start - 1 <= 2
    monarch = first in ("queen", "king") and i - start == 1
    return (saint or monarch) and doc[end - 1].lower_ in L.NAME_HEADS


def _two_peoples_words(n: _Name) -> list[Span] | None:
    """'the Democratic and Republican parties / New Hampshire primaries': two parties' (or
    peoples') words, then what is theirs; 'the Conservatives and Labour Party': a party's people,
    then a name."""
    doc, start, end = n.doc, n.start, n.end
    if not (end - start >= 3 and doc[start + 1].lower_ == "and"
            and (_peoples_word(doc[start]) or doc[start].lower_ in L.PARTY_MEMBER_NOUNS)):
        return None
    if doc[start].lower_ in L.PARTY_MEMBER_NOUNS or not _peoples_word(doc[start + 2]):
        # "the Conservatives and Labour Party": a party's people, then another name
        return [n.span(start, start + 1, "GROUP")] + _parts(n.span(start + 2, end, n.label))
    words = [n.span(start, start + 1, "GROUP"), n.span(start + 2, start + 3, "GROUP")]  # (as they are: no joins)
    rest = doc[start + 3:end]
    if len(rest) > 1 or len(rest) == 1 and rest[0].lower_ not in L.PARTY_HEADS | {"parties"}:
        return words + _parts(n.span(start + 3, end, guess_type(rest) or n.label))
    return words


def _peoples_word(tok) -> bool:
    """'Democratic', 'Republican', 'Kurdish': a party's or a people's word, capitalised."""
    return tok.is_title and (tok.lower_ in L.PARTY_ADJECTIVES or normal(tok.text) in gazetteer.demonyms())


def _and_the_body(doc: Doc, i: int, start: int, end: int) -> bool:
    return doc[i].lower_ in ("and", "&") and doc[i + 1].lower_ == "the" and doc[i + 2].is_title \
        and {head_word(doc[start:i]), head_word(doc[i + 2:end])} <= _BODY_HEADS


def _ship(n: _Name) -> list[Span] | None:
    """'MV Alan Kurdi', 'HMS Queen Elizabeth': a ship, no entity of the guidelines (and not the
    person it is named after)."""
    doc = n.doc
    if doc[n.start].text in L.SHIP_PREFIXES and (n.end - n.start >= 2 or n.end < len(doc) and doc[n.end].is_title):
        return []
    return None


def _body_then_person(n: _Name) -> list[Span] | None:
    """'Ambassador to the United Nations Nikki Haley': a body or place, then a person."""
    doc, start, end, label = n.doc, n.start, n.end, n.label
    if end - start <= 2 or _name_and_letters(doc, start, end):
        return None
    for k in range(start + 1, end - 1):
        prefix = doc[start:k]
        country_first = _country_first(prefix)
        if label == "PERSON" and not _place_after_preposition(doc, prefix) and not country_first \
                and not (k - start >= 2 and head_word(prefix) in L.ORG_HEADS) \
                and not (k - start == 1 and doc[start].lower_ in INSTITUTION_HEADS):
            # "Envoy for Iceland Brian Kettle", "Iranian Chess Federation X", "Speaker of the House
            # Nancy Pelosi"; but "Jordan Peterson" is one name
            continue
        if (person_run_at(doc, k) or _rare_words_after_a_body(doc, prefix, k, end)) \
                and all(capitalised(t) or t.lower_ in ("and", "&") for t in doc[k:end]) \
                and head_word(doc[k:end]) not in L.NAME_HEADS and not known(doc[k - 1:k + 1]) and (
                known(prefix) or doc[k - 1].tag_ == "NNPS" or head_word(prefix) in L.ORG_HEADS | INSTITUTION_HEADS):
            person = [Span(doc, max(k, p.start), p.end, label="PERSON")
                      for p in repair(n.span(k, end, "PERSON")) if p.end > k]
            body = "PLACE" if country_first else "ORG" if label == "PERSON" else label
            return repair(n.span(start, k, body)) + person
    return None


def _rare_words_after_a_body(doc: Doc, prefix: Span, k: int, end: int) -> bool:
    """'Iranian Chess Federation + Mehrdad Pahlavanzadeh': two or three proper nouns, no everyday
    words, after a body's name that ends in its head word are a person's name (a given name the
    gazetteer does not know)."""
    return len(prefix) >= 2 and head_word(prefix) in L.ORG_HEADS and _rare_name_end(doc, k) == end


def _rare_name_end(doc: Doc, i: int) -> int | None:
    """The end of two or three proper nouns from i, none an everyday word or a known name, and no
    capitalised word after them."""
    j = i
    while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].is_alpha \
            and doc[j].lower_ not in common_words() and not known(doc[j:j + 1]) \
            and (j == i or not doc[j].is_sent_start):
        j += 1
    return j if 2 <= j - i <= 3 and not (j < len(doc) and capitalised(doc[j])) else None


def _place_after_preposition(doc: Doc, prefix: Span) -> bool:
    return prefix.start > 0 and doc[prefix.start - 1].lower_ in ("to", "for", "of", "in") \
        and gazetteer.place_kind(prefix.text) in ("country", "region", "subdivision", "city")


def _country_first(prefix: Span) -> bool:
    """'United States Joe Biden': a country of two words or more, then a person ('Vermont Bernie
    Sanders' too, but a place that is also a given name may be one: 'Georgia Anne Smith')."""
    return gazetteer.place_kind(prefix.text) in ("country", "subdivision") \
        and (len(prefix) >= 2 or normal(prefix.text) not in gazetteer.given_names())


def _name_and_letters(doc: Doc, start: int, end: int) -> bool:
    """'Durham Hall QC': letters after a name follow a person's whole name."""
    return end - start == 3 and doc[end - 1].lower_.replace(".", "") in L.POSTNOMINALS


def _country_then_person(n: _Name) -> list[Span] | None:
    """'President of Ukraine Volodymyr Zelenskyy': a country's or state's name run together with
    the two or three capitalised words after it, none of them an everyday word, a known place, a
    role or a body's, place's or event's head word: those words are a person's name."""
    doc, start, end = n.doc, n.start, n.end
    for k in range(start + 1, min(end, start + 3) + 1):
        prefix = doc[start:k]
        if gazetteer.place_kind(prefix.text) not in ("country", "subdivision") \
                or k - start == 1 and normal(prefix.text) in gazetteer.given_names():
            continue  # ('Georgia Anne Smith' may be one name)
        j = k
        while j < len(doc) and j - k < 4 and _unknown_proper_word(doc[j]):
            j += 1
        if 2 <= j - k <= 3 and j >= end and (k < end or j > end) \
                and head_word(doc[k:j]) not in L.NAME_HEADS \
                and not (j < len(doc) and capitalised(doc[j])) and not defined_acronym(doc, k, j):
            # (the person's own repairs may not take the place back)
            return [n.span(start, k, "PLACE")] + [Span(doc, max(k, p.start), p.end, label=p.label_)
                                                  for p in repair(n.span(k, j, "PERSON")) if p.end > k]
    return None


def _unknown_proper_word(tok) -> bool:
    return capitalised(tok) and tok.pos_ == "PROPN" and tok.is_alpha and not tok.is_sent_start \
        and tok.lower_ not in common_words() and not known(tok.doc[tok.i:tok.i + 1]) and not is_role(tok.lower_)


def _two_bodies(n: _Name) -> list[Span] | None:
    """'the Senate and House': two institutions named by their head words; 'Austria and
    Hungary': two known places."""
    doc, start, end = n.doc, n.start, n.end
    if end - start == 3 and doc[start + 1].lower_ in ("and", "&") and all(
            capitalised(doc[i]) and doc[i].lower_ in INSTITUTION_HEADS for i in (start, start + 2)):
        return [n.span(start, start + 1, "ORG"), n.span(start + 2, end, "ORG")]
    cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"), None)
    if cut is not None and gazetteer.place_kind(doc[start:cut].text) in ("country", "subdivision", "region") \
            and gazetteer.place_kind(doc[cut + 1:end].text) in ("country", "subdivision", "region"):
        return [n.span(start, cut, "PLACE"), n.span(cut + 1, end, "PLACE")]
    return None


def _two_people(n: _Name) -> list[Span] | None:
    """'Biden and Harris', 'Joe Biden and Kamala Harris': two people the tagger took for one; 'the
    Trump-Ukraine affair', 'the Biden-Harris ticket': names joined by a hyphen, each of which the
    article also uses alone (a hyphenated surname, 'Ocasio-Cortez', appears whole)."""
    doc, start, end = n.doc, n.start, n.end
    if end - start < 3:
        return None
    for i in range(start + 1, end - 1):
        left, right = doc[start:i], doc[i + 1:end]
        if not all(capitalised(t) and t.is_alpha for t in (*left, *right)):
            continue
        # (not 'Bill and Melinda Gates': one word, then a full name; but 'Neil Hamburger and
        # Heidecker' when the article names a Heidecker in full)
        if n.label == "PERSON" and doc[i].lower_ in ("and", "&") \
                and (len(left) == len(right) == 1 or min(len(left), len(right)) >= 2
                     or len(left) >= 2 and len(right) == 1 and right.text in _surnames_named_in_full(doc)):
            return repair(n.span(start, i, "PERSON")) + repair(n.span(i + 1, end, "PERSON"))
        if doc[i].text in ("-", "\u2013") and not doc[i].whitespace_ and not doc[i - 1].whitespace_ \
                and len(left) == len(right) == 1 and {left.text, right.text} <= _used_alone(doc):
            return [n.span(start, i, guess_type(left) or "PERSON"), n.span(i + 1, end, guess_type(right) or "PERSON")]
    return None


def _used_alone(doc: Doc) -> set[str]:
    """The capitalised words of a text that stand without a hyphen beside them somewhere."""
    if "newskg_used_alone" not in doc.user_data:
        doc.user_data["newskg_used_alone"] = {
            t.text for t in doc if t.is_alpha and t.text[:1].isupper()
            and not (t.i > 0 and doc[t.i - 1].text in ("-", "\u2013") and not doc[t.i - 1].whitespace_)
            and not (t.i + 1 < len(doc) and doc[t.i + 1].text in ("-", "\u2013") and not t.whitespace_)}
    return doc.user_data["newskg_used_alone"]


def _side_then_person(n: _Name) -> list[Span] | None:
    """'Democrat Chuck Schumer', 'Republican Larry Hogan', 'Ethiopians X Y': a party's or nation's
    word, then a person (any name after a nation's plural: its people named)."""
    doc, start, end = n.doc, n.start, n.end
    first = doc[start].lower_
    people = gazetteer.demonyms().get(first)
    rest = doc[start + 1:end]
    named = all(t.text[:1].isupper() and t.is_alpha for t in rest)
    plural = people is not None and normal(people) != first and not any(t.is_stop for t in rest) \
        and head_word(rest) not in L.NAME_HEADS
    if end - start >= 3 and capitalised(doc[start]) and (first in L.PARTY_ADJECTIVES or people) \
            and (given_name_first(rest) or named and (n.label == "PERSON" or plural)):
        return [n.span(start, start + 1, "GROUP")] + repair(n.span(start + 1, end, "PERSON"))
    return None


def _acronym_then_person(n: _Name) -> list[Span] | None:
    """'told NPR Hamza bin Laden', 'IM Dorsa Derakhshani': an acronym, then a person."""
    doc, start, end = n.doc, n.start, n.end
    named = all((t.text[:1].isupper() and not t.is_upper) or t.lower_ in PARTICLES for t in doc[start + 1:end])
    if end - start > 2 and doc[start].is_upper and 2 <= len(doc[start].text) <= 4 and doc[start].is_alpha \
            and (given_name_first(doc[start + 1:end]) or named and (
                n.label == "PERSON" or doc[end - 1].text in _surnames_named_in_full(doc))):
        if is_role(doc[start].lower_):
            return repair(n.span(start + 1, end, "PERSON"))  # "CEO Carlo Katigbak": a title, not a body
        return [n.span(start, start + 1, "ORG")] + repair(n.span(start + 1, end, "PERSON"))
    if end - start == 2 and doc[start].is_upper and 2 <= len(doc[start].text) <= 6 and doc[start].is_alpha \
            and not is_role(doc[start].lower_) and doc[start + 1].text in _surnames_named_in_full(doc):
        # "told MSNBC Cummings": an acronym, then the surname of a person the article names in full
        return [n.span(start, start + 1, "ORG"), n.span(start + 1, end, "PERSON")]
    return None


def _full_name_at(doc: Doc, i: int) -> bool:
    """Does a person's full name the recogniser found elsewhere in the article start at token i?"""
    j = i
    while j < len(doc) and (capitalised(doc[j]) or doc[j].lower_ in PARTICLES and j > i) and not doc[j].is_upper:
        j += 1
    return j - i >= 2 and doc[j - 1].text in _surnames_named_in_full(doc)


def _surnames_named_in_full(doc: Doc) -> set[str]:
    """The last words of the people's names of two words or more the recogniser found."""
    if "newskg_full_surnames" not in doc.user_data:
        doc.user_data["newskg_full_surnames"] = {
            e[-1].text for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) >= 2 and not e[0].is_upper}
    return doc.user_data["newskg_full_surnames"]


def _prefixed_then_name(n: _Name) -> list[Span] | None:
    """'anti-Houthi Southern Transitional Council': two names (the recogniser's span may hold the
    prefix too)."""
    doc, start, end = n.doc, n.start, n.end
    if end - start > 3 and doc[start].lower_ in ("anti", "pro") and doc[start + 1].text == "-" \
            and after_prefix(doc, start + 2):
        start = start + 2
    if end - start > 1 and after_prefix(doc, start) and capitalised(doc[start + 1]):
        first = n.span(start, start + 1, guess_type(doc[start:start + 1]) or "ORG")
        return [first] + repair(n.span(start + 1, end, n.label))
    return None


def _year_then_person(n: _Name) -> list[Span] | None:
    """'from 1965 Rosa Parks worked for him', 'In 1982 Cummings was elected': a year is no part of
    the person's name after it (a full name, or the surname of one the article names in full)."""
    doc, start, end = n.doc, n.start, n.end
    if end - start >= 2 and doc[start].text.isdigit() and len(doc[start].text) == 4 \
            and (end - start >= 3 and given_name_first(doc[start + 1:end])
                 or end - start == 2 and doc[end - 1].text in _surnames_named_in_full(doc)) \
            and head_word(doc[start + 1:end]) not in L.EVENT_HEADS | L.ORG_HEADS | L.PLACE_HEADS \
            and not is_role(doc[end - 1].lower_):  # ("2020 Melbourne Lord Mayor": a year's office)
        return repair(n.span(start + 1, end, "PERSON"))
    return None


def _year_then_body(n: _Name) -> list[Span] | None:
    """"Biden's 2008 US Senate opponent": a year before a body's name is no part of it (the
    year's race is an event only by its own word: "the 2008 US Senate election")."""
    doc, start, end = n.doc, n.start, n.end
    if end - start >= 2 and doc[start].text.isdigit() and len(doc[start].text) == 4 \
            and head_word(doc[start + 1:end]) in INSTITUTION_HEADS - L.EVENT_HEADS:
        return repair(n.span(start + 1, end, "ORG"))
    return None


def _year_then_a_modifier(n: _Name) -> list[Span] | None:
    """'the 2018 Marvel superhero film': a year and a name that is no event's, before the common
    noun they both modify -- the year is the noun's, the name a maker's or a brand's (the
    recogniser's 'event' was the year's)."""
    doc, start, end = n.doc, n.start, n.end
    if n.label != "EVENT" or end - start < 2 or not is_year(doc[start].text) or end >= len(doc) \
            or not (doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ")) \
            or head_word(doc[start + 1:end]) in L.EVENT_HEADS or is_storm(doc[start + 1:end]) \
            or end - start > 2 and given_name_first(doc[start + 1:end]) \
            or doc[end - 1].text in _surnames_named_in_full(doc):
        return None
    rest = doc[start + 1:end]
    return repair(n.span(start + 1, end, guess_type(rest) or "ORG"))


def _date_after_preposition(n: _Name) -> None:
    """'Taliban on February 29': a date after a preposition is not part of the name."""
    doc = n.doc
    for i in range(n.start + 1, n.end):
        if doc[i].lower_ in ("on", "in", "at", "since") and i + 1 < n.end and (
                doc[i + 1].lower_ in L.DATE_WORDS or doc[i + 1].like_num):
            n.end = i
            break


def _office_opens_at_the_end(n: _Name) -> None:
    """'the White House Press | Secretary': the last word is the first of the office after it."""
    doc = n.doc
    if n.end - n.start >= 2 and n.end < len(doc) and f"{doc[n.end - 1].lower_} {doc[n.end].lower_}" in L.PART_OFFICES:
        n.end -= 1


def _office_of_organisation(n: _Name) -> list[Span] | None:
    """'US Chairman of the House Foreign Affairs Committee': an office of an organisation."""
    doc = n.doc
    words = words_of(doc, n.start, n.end)
    for k, (_, _, w) in enumerate(words[:-2]):
        if is_role(w) and words[k + 1][2] == "of" and words[k + 2][2] == "the" and k + 3 < len(words) \
                and capitalised(doc[words[k + 3][0]]):
            return repair(n.span(words[k + 3][0], n.end, "ORG" if n.label == "PERSON" else n.label))
    return None


def _monarch_of_country(n: _Name) -> list[Span] | None:
    """'Sultan Barakat of Zanzar', 'Crown Prince Ali of Zanzar': a monarch, then the country."""
    doc, start, end = n.doc, n.start, n.end
    first = start + (1 if doc[start].lower_ in ("crown", "grand") else 0)
    if end - first >= 4 and doc[first].lower_ in L.REGNAL_TITLES and doc[first].text[:1].isupper():
        cut = next((i for i in range(first + 2, end - 1) if doc[i].lower_ == "of"), None)
        if cut is not None and gazetteer.place_kind(doc[cut + 1:end].text) in ("country", "region") \
                and all(capitalised(t) for t in doc[first + 1:cut]):
            return [n.span(first + 1, cut, "PERSON"), n.span(cut + 1, end, "PLACE")]
    return None


def _person_of_place(n: _Name) -> list[Span] | None:
    """'Doug Collins of Georgia': a person's name does not run on with 'of'. The name before 'of'
    may be a person's by its given name alone when a known place follows ('Presidents X of Nigeria
    and Patrice Talon of Benin', taken whole for a place)."""
    doc, start, end = n.doc, n.start, n.end
    cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "of"), None)
    if cut is None or titleish(doc[cut - 1]):
        return None
    if n.label == "PERSON" or given_name_first(doc[start:end]) \
            or cut - start >= 2 and given_name_first(doc[start:cut]) and known(doc[cut + 1:end]):
        rest = n.span(cut + 1, end, guess_type(doc[cut + 1:end]) or "PLACE")
        return repair(n.span(start, cut, "PERSON")) + repair(rest)
    return None


def _kind_of_place_of(n: _Name) -> list[Span] | None:
    """'the Philippine province of Cebu': a people's word and a lower-case kind of place before 'of'
    are no part of the place's name (the people's word is a name of its own)."""
    doc, start, end = n.doc, n.start, n.end
    cut = next((i for i in range(start + 1, end - 2) if doc[i].is_lower and doc[i].lower_ in L.PLACE_NOUNS
                and doc[i + 1].lower_ == "of" and capitalised(doc[i + 2])), None)
    if cut is None or n.label not in ("PLACE", "ORG"):
        return None
    people = doc[start:cut]
    left = [n.span(start, cut, "GROUP")] if normal(people.text) in gazetteer.demonyms() else []
    return left + repair(n.span(cut + 2, end, "PLACE"))


def _surname_like_a_role(doc: Doc, start: int, end: int) -> bool:
    """'Stephen King', 'John Major', 'Martin Luther King Jr.': a known given name (no place's), maybe
    a middle name, and a capitalised role word (maybe a suffix after it) with no name after it is a
    person's full name, not a name and an office."""
    last = end - 1
    if last > start and doc[last].lower_.rstrip(".") in L.NAME_SUFFIXES:
        last -= 1
    first, role = doc[start], doc[last]
    return 2 <= last - start + 1 <= 3 and all(t.is_title and t.is_alpha for t in doc[start:last + 1]) \
        and normal(first.text) in gazetteer.given_names() and gazetteer.place_kind(first.text) is None \
        and is_role(role.lower_) and not any(titleish(t) for t in doc[start:last]) \
        and not (end < len(doc) and capitalised(doc[end]) and doc[end].lower_.rstrip(".") not in L.NAME_SUFFIXES) \
        and not (start > 0 and capitalised(doc[start - 1])
                                                                     and not doc[start - 1].is_sent_start)


def _office_and_holder(n: _Name) -> list[Span] | None:
    """'United States President Donald Trump', 'US Secretary of State Mike Pompeo': a place or
    body, an office, a person."""
    doc, start, end, label = n.doc, n.start, n.end, n.label
    if _surname_like_a_role(doc, start, end):
        return None
    tail, titles = _holder_start(doc, start, end)
    if tail is None or tail == end and _body_of_a_role(doc, end):
        return None
    if not (titles and (end - tail >= 2 or titles[-1] == tail - 1) and doc[tail - 1].lower_ != "of"
            and label in ("PERSON", "ORG", "PLACE", "EVENT")
            and head_word(doc[tail:end]) not in L.NAME_HEADS):
        return None
    first = titles[0]
    while first > start and title_case(doc[first - 1]) and doc[first - 1].lower_ in L.TITLE_MODIFIERS:
        first -= 1
    # (what is before the office is a name, unless it is in lower case, "archbishop Monsenor X",
    # or the office's field: "National Security Advisor")
    before = doc[start:first]
    left = [n.span(start, first, guess_type(before) or "ORG")] \
        if first > start and not all(t.is_lower for t in before) and not (_field_words(before) and not known(before)) \
        else []
    return _parts(*left) + repair(n.span(tail, end, "PERSON"))


def _holder_start(doc: Doc, start: int, end: int) -> tuple[int | None, list[int]]:
    """Where the holder's name starts in a span of an office and a holder, and the office words
    before it; None for a span that names an office and no holder."""
    tail = end
    while tail - 1 > start and capitalised(doc[tail - 1]) and not titleish(doc[tail - 1]) \
            and doc[tail - 1].lower_ != "of" and not _first_lady(doc, tail - 1):
        tail -= 1
    # (a role word after "of" is what a body is of: "Department of Justice", "Ministry of Defence")
    titles = [i for i in range(start, tail) if _office_word(doc, i, start)]
    if titles and doc[tail - 1].lower_ == "of" and end - tail >= 3:
        tail = end - 2  # "Secretary of State Mike Pompeo": the office's object, then the name
    if titles and doc[tail - 1].lower_ in ("for", "on", "to"):
        # "Minister for Foreign Affairs Simon Coveney": the office's remit, then the holder; "the UN
        # High Commissioner for Human Rights": the office's own name, no holder
        return next((k for k in range(tail, end - 1) if person_run_at(doc, k)), None), titles
    return tail, titles


def _office_word(doc: Doc, i: int, start: int) -> bool:
    """A capitalised word of an office ('President', 'Secretary', 'First Lady'), not one after
    'of' ('Department of Justice': what a body is of)."""
    return title_case(doc[i]) and not (i > start and doc[i - 1].lower_ == "of") and (
        is_role(doc[i].lower_) or doc[i].lower_.rstrip(".") in L.HONORIFICS - L.TITLE_MODIFIERS or _first_lady(doc, i))


def _tenure_of_a_person(n: _Name) -> list[Span] | None:
    """'the Presidency of Karim Haidari', 'the Administration of Ann Ford': a time in office
    is no body; the name in it is the person's."""
    doc, start, end = n.doc, n.start, n.end
    if end - start > 3 and doc[start].lower_ in L.HELD_BY_A_PERSON and doc[start + 1].lower_ == "of" \
            and given_name_first(doc[start + 2:end]):
        return n.left + repair(n.span(start + 2, end, "PERSON"))
    return None


def _office_after_name(n: _Name) -> list[Span] | None:
    """'UN Deputy Secretary-General', 'U.S. President': a name followed by an office."""
    doc = n.doc
    if _surname_like_a_role(doc, n.start, n.end):
        return None
    words = words_of(doc, n.start, n.end)
    while len(words) > 1 and words[-1][2] in CONNECTORS | {"to", "the"}:
        words.pop()  # "US Special Representative for": the NER took the office's preposition
    k = len(words)
    while k > 1 and (is_role(words[k - 1][2]) or words[k - 1][2] in L.TITLE_MODIFIERS) \
            and not doc[words[k - 1][0]].is_upper and not (k < len(words) and _body_of_a_role(doc, words[k - 1][1])):
        k -= 1  # (not past a body's role word: 'Coast Guard | Commandant')
    if k < len(words) and is_role(words[-1][2]) and words[k - 1][2] not in CONNECTORS | {"the"} \
            and not _body_of_a_role(doc, words[-1][1]):
        n.end = words[k - 1][1]
        n.label = "ORG" if n.label == "PERSON" else n.label
        if _field_words(doc[n.start:n.end]) and not known(doc[n.start:n.end]):
            return []  # "Special Presidential Envoy", "Lord Mayor", "National Security Advisor": an office
    return None


def _body_of_a_role(doc: Doc, end: int) -> bool:
    """'the Coast Guard', 'the Samoa Observer': a name ending in a role word that is a body's head
    word too names the body."""
    return doc[end - 1].lower_ in L.ORG_HEADS and doc[end - 1].is_title


def _field_words(words: Span) -> bool:
    """Adjectives, words of a title or everyday words that name no body ('National Security'),
    as an office's field is made of."""
    return all(t.pos_ == "ADJ" or t.lower_ in L.TITLE_MODIFIERS
               or t.lower_ in common_words() and t.lower_ not in L.NAME_HEADS | INSTITUTION_HEADS for t in words)


def _object_of_office(n: _Name) -> None:
    """'Secretary of | State Mike Pompeo', 'Director of | National Intelligence Karim al-Zanzari':
    the object of an office before a person's name."""
    doc, start, end = n.doc, n.start, n.end
    if start < 2 or doc[start - 1].lower_ != "of" or not titleish(doc[start - 2]) \
            or head_word(doc[start:end]) in L.NAME_HEADS:
        return
    name = past_an_office_field(doc, start, end)
    if start < name < end - 1:
        n.start, n.label = name, "PERSON"
    elif end - start >= 3 and all(capitalised(t) for t in doc[end - 2:end]):
        n.start, n.label = end - 2, "PERSON"


def _title_before_person(n: _Name) -> None:
    """'Kharaj spokesperson Omar Haidari', 'former President Hamid Karzai': a title and anything
    before it are not part of a person's name (a country or nationality before it stays a name)."""
    if n.label != "PERSON" or _surname_like_a_role(n.doc, n.start, n.end):
        return
    doc, start = n.doc, n.start
    for i in range(n.end - 2, start - 1, -1):
        if _title_word(doc, i, start):
            of = next((t.i for t in doc[start + 1:i + 2] if t.lower_ == "of"), None)
            if of is not None and not known(doc[of + 1:n.end]):
                # 'Minister of Foreign Affairs': an office and its field, left whole to be seen as one
                # (but 'Archbishop of Gdańsk' names a place)
                return
            first = i
            while first > start and (titleish(doc[first - 1]) or doc[first - 1].text == "-"):
                first -= 1
            if first > start and known(doc[start:first]):
                n.left = [n.span(start, first, guess_type(doc[start:first]) or "PLACE")]
            elif first > start and all(t.is_upper or t.text == "-" for t in doc[start:first]):
                n.left = [n.span(start, first, "ORG")]  # "ABC CEO X": an acronym's office
            n.start = i + 1  # "Astronomer Anthony Boccaletti", "Senators Kamala Harris"
            return


def _person_after_a_noun(n: _Name) -> list[Span] | None:
    """'Turkish national Hatice Cengiz', taken whole for a body: a common noun in lower case inside
    a name, then a person's name by its given name, is no part of it; a people's word or a known
    place before it is a name of its own."""
    doc, start, end = n.doc, n.start, n.end
    k = next((i for i in range(start + 1, end - 2) if doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ")
              and doc[i].lower_ not in PARTICLES), None)
    if k is None or not given_name_first(doc[k + 1:end]):
        return None
    left = doc[start:k]
    kept = [n.span(start, k, "GROUP" if normal(left.text) in gazetteer.demonyms() else "PLACE")] if known(left) else []
    return kept + repair(n.span(k + 1, end, "PERSON"))


def _title_word(doc: Doc, i: int, start: int) -> bool:
    """A title's word inside a person's span opening at `start` ("archbishop Monsenor X",
    "YouTuber X": a trade opening the span)."""
    word = doc[i]
    return title_case(word) and (word.lower_.rstrip(".") in L.HONORIFICS or occupation(word.text)) or (
        word.is_lower and (L.is_role_word(word.text) or word.lower_ in L.HONORIFICS)) \
        or (word.is_upper and is_role(word.lower_)) or word.lower_ in L.TRADES and i == start \
        or _first_lady(doc, i)


def _first_lady(doc: Doc, i: int) -> bool:
    """'First Lady': an office of two words, neither of them one by itself ('Lady Gaga')."""
    return doc[i].lower_ in ("lady", "gentleman") and i > 0 and doc[i - 1].lower_ == "first"


def _trimmed(n: _Name) -> list[Span] | None:
    n.start, n.end = trim(n.doc, n.start, n.end)
    return n.left if n.start >= n.end else None


def _hyphened_role_first(n: _Name) -> list[Span] | None:
    """'Co-author Jing-Shan Zhao said', 'Co-founder X': a role written with a hyphen, which the
    tokens split in three, opens no name; what follows it is a person's."""
    doc, start, end = n.doc, n.start, n.end
    if end - start < 3 or doc[start + 1].text != "-" or doc[start].whitespace_ or doc[start + 1].whitespace_ \
            or not is_role(f"{doc[start].lower_}-{doc[start + 2].lower_}"):
        return None
    rest = doc[start + 3:end]
    if not rest or not all(capitalised(t) or t.text == "-" for t in rest):
        return n.left if not rest else None
    return n.left + repair(n.span(start + 3, end, "PERSON"))


def _office_not_name(n: _Name) -> list[Span] | None:
    """'Head of Foreign Relations', 'Prime Minister of Iraq', 'the Prime Ministers of Belgium': an
    office, not a name."""
    doc, start, end = n.doc, n.start, n.end
    k = start
    while k < end - 1 and doc[k].lower_ in L.TITLE_MODIFIERS and not is_role(doc[k].lower_):
        k += 1
    if _role_or_roles(doc[k].lower_) and not known(doc[start:end]) and not (k > start and _body_of_a_role(doc, end)):
        if k == end - 1 or doc[k + 1].lower_ in ("of", "for") or (k + 1 < end and _role_or_roles(doc[k + 1].lower_)
                                                                  and (k + 2 == end or doc[k + 2].lower_ == "of")):
            return n.left
    # ('Wormley Early Career Professor of Engineering': a named chair, an office of its holder)
    inner = next((i for i in range(start + 1, end - 1) if is_role(doc[i].lower_) and doc[i + 1].lower_ == "of"), None)
    if inner is not None and all(capitalised(t) for t in doc[start:inner]) and not known(doc[start:inner]) \
            and head_word(doc[start:inner]) not in L.NAME_HEADS and not given_name_first(doc[start:end]):
        return n.left
    return None


def _role_or_roles(word: str) -> bool:
    return is_role(word) or L.plural_role(word) is not None


def _expanded(n: _Name) -> list[Span] | None:
    """The capitalised neighbours joined on (`expand`); 'the Second Geneva Conference
    Declaration': the declaration names the conference; what is left must look like a name."""
    start, end = n.start, n.end
    n.start, n.end = expand(n.doc, n.start, n.end, n.label)
    if end - start == 1 and n.start == start - 1 and n.end == end and n.label in ("ORG", "PLACE") \
            and _given_name_joined(n.doc, n.start):
        n.label = "PERSON"  # 'Faith' + 'Kipyegon' (an organisation to the recogniser): a person's name
    if n.end - n.start > 1 and n.doc[n.end - 1].lower_ in L.DOCUMENT_HEADS:
        n.end -= 1
    if n.start >= n.end or not looks_like_name(n.doc, n.start, n.end):
        return n.left
    return None


def _person_then_body(n: _Name) -> list[Span] | None:
    """'former Bill Clinton White House Press Secretary X': the recogniser's person ('Bill
    Clinton White') ends in the first word of the body named after it ('White House')."""
    doc, start, end = n.doc, n.start, n.end
    if n.label != "PERSON" or end - start < 3 or end >= len(doc) or not title_case(doc[end]) \
            or doc[end].lower_ not in INSTITUTION_HEADS or not title_case(doc[end - 1]) \
            or normal(doc[end - 1].text) in gazetteer.given_names():
        return None
    # (not repaired again: each would take the other's words back on)
    return n.left + [n.span(start, end - 1, "PERSON"), retype(n.span(end - 1, end + 1, "ORG"))]


def _given_name_joined(doc: Doc, i: int) -> bool:
    """A known given name inside a sentence (an everyday word too: 'Faith', 'Hope') before one
    word no gazetteer knows and that is no head of a body's, place's or event's name."""
    given, word = doc[i], doc[i + 1]
    return not given.is_sent_start and normal(given.text) in gazetteer.given_names() and given.is_title \
        and not known(word) and word.lower_ not in L.NAME_HEADS and gazetteer.place_kind(given.text) is None


def _narrowing(step):
    """A repair that only narrows the span (returns nothing), as a step of REPAIRS."""
    def run(n: _Name) -> None:
        step(n)
        return None
    return run


# The repairs in the order they are tried: (name, an example, the repair).
REPAIRS = [
    ("a ship", "MV Alan Kurdi", _ship),
    ("two peoples' words", "the Democratic and Republican Party", _two_peoples_words),
    ("separators", "the Democratic Party's Nevada caucuses; Ali Karimi met Fatima Sow", _separators),
    ("country then person", "President of Ukraine Volodymyr Zelenskyy", _country_then_person),
    ("a person's tenure", "the Presidency of Donald Trump", _tenure_of_a_person),
    ("body then person", "Ambassador to the United Nations Nikki Haley", _body_then_person),
    ("acronym then person", "told NPR Hamza bin Laden", _acronym_then_person),
    ("a name, 'the', a body", "making Ferraro the Democratic Party's first candidate", _name_the_body),
    ("a place for a person", "the AP called Nevada for Biden", _place_for_a_person),
    ("two bodies", "the Senate and House", _two_bodies),
    ("two people", "Biden and Harris; the Trump-Ukraine affair", _two_people),
    ("a side then a person", "Democrat Chuck Schumer", _side_then_person),
    ("prefixed name then name", "anti-Houthi Southern Transitional Council", _prefixed_then_name),
    ("a year then a person", "from 1965 Rosa Parks worked for him", _year_then_person),
    ("a year then a body", "Biden's 2008 US Senate opponent", _year_then_body),
    ("a year and a name before a noun", "the 2018 Marvel superhero film", _year_then_a_modifier),
    ("date after a preposition", "Taliban on February 29", _narrowing(_date_after_preposition)),
    ("an office's first word", "the White House Press | Secretary", _narrowing(_office_opens_at_the_end)),
    ("office of an organisation", "US Chairman of the House Foreign Affairs Committee", _office_of_organisation),
    ("monarch of a country", "Sultan Barakat of Zanzar", _monarch_of_country),
    ("person of a place", "Doug Collins of Georgia", _person_of_place),
    ("a kind of place of", "the Philippine province of Cebu", _kind_of_place_of),
    ("office and holder", "US Secretary of State Mike Pompeo", _office_and_holder),
    ("office after a name", "UN Deputy Secretary-General", _office_after_name),
    ("object of an office", "Secretary of | State Mike Pompeo", _narrowing(_object_of_office)),
    ("title before a person", "Kharaj spokesperson Omar Haidari", _narrowing(_title_before_person)),
    ("trimmed", "the Taliban's", _trimmed),
    ("a hyphened role first", "Co-author Jing-Shan Zhao", _hyphened_role_first),
    ("office, not a name", "Head of Foreign Relations", _office_not_name),
    ("person then a body", "former Bill Clinton White | House Press Secretary", _person_then_body),
    ("expanded", "VICE + World News", _expanded),
    ("a person after a common noun", "Turkish national Hatice Cengiz", _person_after_a_noun),
]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name without the articles, possessives, connectors and punctuation at its ends; 'East
    of the Euphrates': a direction from a place is not the place's name."""
    while start < end and _junk_first(doc, start, end):
        if doc[start].text == "-" and start > 0 and doc[start - 1].lower_ in PARTICLES:
            break
        start += 1
    start = _without_what_opens_a_place(doc, start, end)
    while end > start and _junk_last(doc[end - 1]):
        end -= 1  # ... and "the House Judiciary Committee do not": a name does not end in a verb
    end = _without_a_lower_case_tail(doc, start, _without_what_follows_a_name(doc, start, end))
    if end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    if end > start and doc[end - 1].text == "." and not (end - start == 1 or len(doc[end - 2].text) <= 2
                                                         or doc[end - 1].whitespace_ == ""):
        end -= 1
    return start, end


def _without_what_opens_a_place(doc: Doc, start: int, end: int) -> int:
    """The start of a name after a direction's adjective in lower case ('northern | Iraq'; but 'east
    Asia' may be 'East Asia' in lower case) or a direction before a country's name ('southwest |
    France', not 'north Korea'), a place's kind in lower case and 'of' ('the province of | North
    Cotabato'), a direction from a place ('East of the | Euphrates')."""
    if end - start > 1 and doc[start].is_lower and doc[start].lower_ in COMPASS and (
            doc[start].lower_.endswith("ern") or gazetteer.place_kind(doc[start + 1:end].text) == "country"
            and gazetteer.place_kind(doc[start:end].text) is None):
        start += 1
    if end - start > 2 and doc[start].is_lower and doc[start].lower_ in L.PLACE_NOUNS and doc[start + 1].lower_ == "of":
        start += 2
    if end - start > 3 and doc[start].lower_ in COMPASS and doc[start + 1].lower_ == "of":
        start += 2
        while start < end and doc[start].lower_ in ("the", "a"):
            start += 1
    return start


def _without_a_lower_case_tail(doc: Doc, start: int, end: int) -> int:
    """The end of a name before a quantity ('The Council | for two years refused'), before 'of' and
    words in lower case ('Associated Press | of bank robberies') or a kind of administrative area
    in lower case ('Zarin | province')."""
    cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ in ("for", "of") and (
        _a_quantity(doc[i + 1:end]) or all(t.is_lower and t.is_alpha for t in doc[i + 1:end]))), None)
    if cut is not None:
        end = cut  # (and before 'of' and lower-case words only: 'Associated Press | of bank robberies')
    if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in L.ADMINISTRATIVE_GENERICS:
        end -= 1
    else:  # 'Ithaca | undergrad', 'the Y Party | presidential nomination': common words the name qualifies
        end = _before_common_words(doc, start, end)
    return end


def _before_common_words(doc: Doc, start: int, end: int) -> int:
    """The end of a name before the lower-case words that end the span after a capitalised word,
    none of them a head word a name can end in (a body's, a place's, an event's, a people's or a
    kind of place)."""
    i = end
    while i - start > 1 and _common_word(doc[i - 1]):
        i -= 1
    return i if i < end and capitalised(doc[i - 1]) else end


def _common_word(tok) -> bool:
    return tok.is_lower and tok.is_alpha and len(tok.text) > 2 and tok.lower_ not in _NAME_ENDS


_NAME_ENDS = (L.NAME_HEADS | INSTITUTION_HEADS | L.PLACE_KINDS_AFTER_A_NAME
              | L.PLACE_GENERICS | L.GROUP_NOUNS | L.BODY_NOUNS | L.STORM_WORDS | PARTICLES)


def _a_quantity(words: Span) -> bool:
    return (words[0].like_num or words[0].pos_ in ("NUM", "DET")) and all(t.is_lower or t.like_num for t in words)


def _without_what_follows_a_name(doc: Doc, start: int, end: int) -> int:
    """The end of a name before an office's first word ('Senate Minority | Leader'), a caption's
    label ('Thomas Knapp Image: ...'), letters after a name ('Durham Hall QC'), a score ('Noosa
    32–22')."""
    # (not "Department of State spokesperson": the name's own last word)
    k = end
    while k - start > 1 and end < len(doc) and is_role(doc[end].lower_) and doc[k - 2].lower_ != "of" \
            and _of_the_office(doc[k - 1], doc[end]) and not _party_named_in_full(doc, start, k):
        k -= 1  # ... and 'United States Federal District | Judge': all the words of the office
    end = k
    if end - start > 1 and end < len(doc) and doc[end - 1].text in ("Image", "Photo", "Video") and doc[end].text == ":":
        end -= 1
    while end - start > 2 and doc[end - 1].lower_.replace(".", "") in L.POSTNOMINALS \
            and doc[end - 1].text[:1].isupper():
        end -= 1
    if end - start > 1 and _SCORE.match(doc[end - 1].text):
        end -= 1
    elif end - start > 1 and doc[end - 1].like_num and end + 1 < len(doc) and doc[end].text in ("-", "\u2013") \
            and doc[end + 1].like_num:
        end -= 1  # "Warragul 21-20": the score's first number
    elif end - start > 3 and doc[end - 1].like_num and doc[end - 2].text in ("-", "\u2013") and doc[end - 3].like_num:
        end -= 3
    return end


def _party_named_in_full(doc: Doc, start: int, end: int) -> bool:
    """'Liberal National' + 'MP' where the recogniser found the 'Liberal National Party' too: the
    party's name without its head word, not words of an office."""
    return any(e.end - e.start == end - start + 1 and e[-1].lower_ in L.PARTY_HEADS
               and [t.lower_ for t in e[:-1]] == [t.lower_ for t in doc[start:end]] for e in doc.ents)


_SCORE = re.compile(r"^\d+[\u2013\u2014-]\d+$")


def _office_starts(doc: Doc, i: int) -> bool:
    """The first word of an office: "Senate" + "Minority Leader", "US" + "Vice-President"; after a
    country, a court's rank: "United States" + "District judge" (not "Coös County" + "attorney")."""
    after = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "-" else i + 1
    if after >= len(doc):
        return False
    if f"{doc[i].lower_} {doc[after].lower_}" in L.PART_OFFICES:
        return True  # "White House" + "Press Secretary", "Manhattan" + "District Attorney"
    if doc[i].lower_ in L.COURT_RANKS and doc[after].lower_ in L.COURT_OFFICES:
        return doc[i].lower_ not in L.PLACE_GENERICS or _country_before(doc, i)
    return _office_opener(doc[i]) and is_role(doc[after].lower_)


def _country_before(doc: Doc, i: int) -> bool:
    """A country's name of up to three words ends right before token i."""
    return any(gazetteer.place_kind(doc[j:i].text) == "country" for j in range(max(0, i - 3), i))


def _of_the_office(tok, role) -> bool:
    """'Minority' before 'Leader', 'District' before 'Judge': a word of the office's name."""
    return _office_opener(tok) or tok.lower_ in L.COURT_RANKS and role.lower_ in L.COURT_OFFICES


def _office_opener(tok) -> bool:
    """'Minority' of 'Minority Leader' (not 'Party' of 'Party leader', which ends a name)."""
    return tok.lower_ in L.TITLE_MODIFIERS and tok.lower_ not in L.ORG_HEADS | INSTITUTION_HEADS | L.PLACE_HEADS


def _junk_first(doc: Doc, start: int, end: int) -> bool:
    tok = doc[start]
    return (tok.lower_ in LEADING_JUNK and not _number_in_a_name(doc, start, end) or tok.is_punct or _zero_width(tok)
            or not any(c.isalnum() for c in tok.text)  # "██ Labour Party": a chart's legend mark
            or (tok.pos_ == "ADP" and tok.lower_ in L.PREPOSITIONS)
            # "Afterwards Trump": an everyday adverb capitalised only because it opens the sentence
            or (tok.is_sent_start and tok.pos_ == "ADV" and end - start > 1 and tok.lower_ in common_words())
            # "Will Red Hat employees be barred?": the modal that opens a question
            or (_question_opener(tok) and end - start > 1)
            or tok.is_space or tok.lower_ in ("'s", "\u2019s")
            or tok.lower_ in CONNECTORS
            or (tok.lower_ in PARTICLES and not (start + 1 < end and doc[start + 1].text == "-")))


def _number_in_a_name(doc: Doc, start: int, end: int) -> bool:
    """'the Three Brotherhood Alliance': a number word capitalised inside a sentence opens a
    body's or an event's name (not 'Three soldiers died', which opens the sentence)."""
    tok = doc[start]
    return tok.like_num and tok.is_title and not tok.is_sent_start and end - start > 1 \
        and head_word(doc[start:end]) in L.ORG_HEADS | L.EVENT_HEADS


def _question_opener(tok) -> bool:
    return (tok.tag_ == "MD" or _opens_clause(tok) and tok.lower_ in L.QUESTION_OPENERS) \
        and _last_word(tok.sent).text == "?"


def _opens_clause(tok) -> bool:
    """The first word of a sentence, or of what a speaker's mark or a quotation opens ('((WN))
    Will ...?')."""
    return tok.is_sent_start or tok.i > 0 and (tok.doc[tok.i - 1].text in (")", ":", "\"", "\u201c")
                                                or tok.doc[tok.i - 1].is_space)


def _last_word(sent: Span):
    return next((t for t in reversed(sent) if not t.is_space), sent[-1])


def _zero_width(tok) -> bool:
    return not tok.is_space and not fold(tok.text)  # only invisible format characters


def _junk_last(tok) -> bool:
    return (tok.lower_ in ("'s", "\u2019s", "'", "\u2019") or tok.is_space or _zero_width(tok)
            or tok.lower_ in CONNECTORS | PARTICLES | {"the", "and"}
            or (tok.is_punct and tok.text not in (")", "."))
            or (tok.is_lower and tok.pos_ in FUNCTION_POS)
            or _full_stop(tok))


def _full_stop(tok) -> bool:
    """'fought in the Second World War.': the stop that ends a paragraph after a word (not the
    stop of an abbreviation or an initial: 'Acme Co.', 'Tom R.')."""
    doc, i = tok.doc, tok.i
    paragraph_end = i + 1 == len(doc) or "\n" in tok.whitespace_ or doc[i + 1].is_space and "\n" in doc[i + 1].text
    return tok.text == "." and i > 0 and paragraph_end and doc[i - 1].is_alpha \
        and len(doc[i - 1]) > 1 and doc[i - 1].lower_ not in L.COMPANY_SUFFIXES | L.HONORIFIC_ABBREVIATIONS \
        and doc[i - 1].lower_ not in ("jr", "sr", "st")


def expand(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Join capitalised neighbours the NER left out ('VICE' + 'World News'), never across a
    sentence start, a title, or a word capitalised only because it starts the sentence. A
    nationality joins only an event's or organisation's name ('Arab Spring', 'Afghan
    Special Forces'), not 'Afghan' + 'Taliban'. The joins are those of JOIN_LEFT and
    JOIN_RIGHT, tried in order until none applies."""
    head = head_word(doc[start:end])
    takes_adjective = label == "EVENT" or head in L.ORG_HEADS or head in L.EVENT_HEADS
    start = _spelled_by_its_acronym(doc, start, end)
    while start > 0 and not (after_prefix(doc, start) or after_prefix(doc, start - 1)):
        # (a prefixed word is another name: "anti-Houthi Southern Transitional Council")
        moved = next((s for _, _, join in JOIN_LEFT if (s := join(doc, start, label, takes_adjective)) is not None),
                     None)
        if moved is None:
            break
        start = moved
    while end < len(doc) and not (doc[end - 1].text in (",", ".") or "\n" in doc[end - 1].whitespace_):
        moved = next((e for _, _, join in JOIN_RIGHT if (e := join(doc, start, end, label)) is not None), None)
        if moved is None:
            break
        end = moved
    return start, end


def _spelled_by_its_acronym(doc: Doc, start: int, end: int) -> int:
    """'Independent Electoral and' + 'Boundaries Commission (IEBC)': the words before a name that
    the acronym in brackets after it spells with it are the name's."""
    acronym = bracketed_acronym(doc, end)
    if acronym is None or acronym_of(acronym, doc[start:end].text):
        return start
    for k in range(start - 1, max(-1, start - 7), -1):
        tok = doc[k]
        if not (capitalised(tok) or tok.lower_ in L.NAME_LINK_WORDS) or is_role(tok.lower_):
            break  # (not 'Member of' + 'Parliament (MP)': an office's acronym)
        if capitalised(tok) and acronym_of(acronym, doc[k:end].text):
            return k
        if tok.is_sent_start:
            break
    return start


def _particle_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    prev = doc[start - 1]
    if prev.text == "-" and start > 1 and doc[start - 2].lower_ in PARTICLES and not prev.whitespace_:
        return start - 2
    return None


def _given_name_before_bin(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    prev = doc[start - 1]
    if label == "PERSON" and prev.lower_ in ("bin", "ibn", "bint") and prev.is_lower and start > 1 \
            and capitalised(doc[start - 2]) and doc[start - 2].lower_ not in common_words() \
            and not (title_case(doc[start - 2]) and (doc[start - 2].lower_.rstrip(".") in L.HONORIFICS
                                                      or is_role(doc[start - 2].lower_))):
        return start - 2
    return None


def _word_and_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    """'Law and' + 'Justice Party', 'Justice and' + 'Development Party', 'Bread and' + 'Roses Party':
    a body named by two words joined by 'and' (one word, no people's, party's or place's word,
    no plural: not 'the Conservatives and' + 'Labour Party')."""
    if start < 2 or doc[start - 1].lower_ != "and" or label != "ORG":
        return None
    word = doc[start - 2]
    j = start
    while j < len(doc) and capitalised(doc[j]) and not doc[j].is_sent_start:
        j += 1
    if word.is_title and word.is_alpha and not word.lower_.endswith("s") and j - start <= 3 \
            and doc[j - 1].lower_ in L.PARTY_HEADS | L.ORG_HEADS and word.lower_ not in L.PARTY_ADJECTIVES \
            and normal(word.text) not in gazetteer.demonyms() and not known(word) \
            and not (start > 2 and (capitalised(doc[start - 3]) and not doc[start - 3].is_sent_start
                                    or doc[start - 3].lower_ == "of")) \
            and word.ent_iob_ not in ("B", "I"):  # (not the end of another name: "University of Kharaj and")
        return start - 2
    return None


def _number_word_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    """'the Three' + 'Brotherhood Alliance': a number word capitalised inside a sentence before a
    body's or an event's name opens it."""
    prev = doc[start - 1]
    if takes_adjective and label != "PERSON" and prev.like_num and prev.is_alpha and prev.is_title \
            and not prev.is_sent_start and start > 1 and doc[start - 2].lower_ == "the":
        return start - 1
    return None


def _ordinal_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    """'the 93rd' + 'Mechanized Brigade', 'the 101st' + 'Airborne Division': an ordinal in figures
    before a unit's name is its number (not before an institution's: 'the 116th' + 'Congress' is a
    session of the one Congress)."""
    end = start + 1
    while end < len(doc) and end - start < 6 and (capitalised(doc[end]) or doc[end].lower_ in ("of", "the")):
        end += 1
    if label == "ORG" and _ORDINAL.fullmatch(doc[start - 1].text) and not doc[start - 1].is_sent_start \
            and not {t.lower_ for t in doc[start:end]} & (INSTITUTION_HEADS | L.LEGISLATURE_HEADS):
        return start - 1
    return None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _capital_prefix_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    """'the Anti- + Corruption Court', 'the Pro- + Democracy Party': a capitalised prefix inside a
    sentence opens a body's name (a prefix in lower case makes another name: 'anti-Houthi X')."""
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and doc[start - 2].text in ("Anti", "Pro") and not doc[start - 2].is_sent_start and label != "PERSON":
        return start - 2
    return None


def _dash_joined_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    prev = doc[start - 1]
    if prev.text == "\u2013" and start > 1 and capitalised(doc[start - 2]) and not prev.whitespace_ \
            and not doc[start - 2].whitespace_ and takes_adjective:
        return start - 2
    if prev.text == "-" and start > 1 and doc[start].is_upper and doc[start - 2].is_upper and doc[start - 2].is_alpha \
            and not prev.whitespace_ and not doc[start - 2].whitespace_:
        return start - 2  # "ABS-" + "CBN": one acronym
    if label == "PERSON" and prev.text == "-" and start > 1 and title_case(doc[start - 2]) and doc[start - 2].is_alpha \
            and not prev.whitespace_ and not doc[start - 2].whitespace_ and doc[start].is_title \
            and not {doc[start - 2].text, doc[start].text} <= _used_alone(doc):
        return start - 2  # "Tak-" + "Sing Wong": a hyphenated given name (not "Trump-" + "Biden")
    return None


def _capitalised_before(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    prev = doc[start - 1]
    if (capitalised(prev) and not doc[start].is_sent_start
            and (not prev.is_sent_start or _name_word_opening_a_sentence(doc, start, takes_adjective))
            and prev.lower_ not in LEADING_JUNK and prev.lower_ not in L.PREPOSITIONS and not _question_opener(prev)
            and (prev.pos_ in ("PROPN", "ADJ", "NOUN", "") or prev.is_upper)
            and not _a_title_before(prev, label)
            and not (label == "PERSON" and (_no_part_of_a_persons_name(doc, start) or _first_lady(doc, start - 1)))
            and gazetteer.place_kind(prev.text) != "country" and "\n" not in prev.whitespace_
            and (takes_adjective or normal(prev.text) not in gazetteer.demonyms())
            and not _end_of_another_name(doc, start)
            and not (prev.lower_ in L.PARTY_ADJECTIVES and gazetteer.place_kind(doc[start].text) == "country")):
        return start - 1
    return None


def _given_name_opening_a_sentence(doc: Doc, start: int, label: str, takes_adjective: bool) -> int | None:
    """'Hope + Hicks said', 'Grace + Meng spoke': a given name that is an everyday word too, opening
    the sentence before the person's surname the recogniser found (not the auxiliary 'Will')."""
    prev = doc[start - 1]
    if label == "PERSON" and prev.is_sent_start and title_case(prev) and prev.is_alpha and prev.pos_ != "AUX" \
            and not titleish(prev) \
            and not doc[start].is_sent_start and normal(prev.text) in gazetteer.given_names() \
            and normal(doc[start].text) not in gazetteer.given_names():
        return start - 1
    return None


def _name_word_opening_a_sentence(doc: Doc, start: int, takes_adjective: bool) -> bool:
    """A capitalised word opening the sentence that is a name's, not capitalised for opening it:
    a proper noun of no everyday word or trade; "Interior Ministry spokesman X said": the
    ministry's own word; "African Export–Import Bank": a people's word opening a body's name."""
    prev = doc[start - 1]
    return (prev.pos_ == "PROPN" and prev.lower_ not in common_words() and not occupation(prev.text)) \
        or (prev.lower_ in INSTITUTION_WORDS and doc[start].lower_ in INSTITUTION_HEADS) \
        or (takes_adjective and normal(prev.text) in gazetteer.demonyms())


def _end_of_another_name(doc: Doc, start: int) -> bool:
    """'the United Nations' + 'Nikki Haley': the word before is an everyday word that ends a
    longer name the recogniser found, and taking it would cut that name in two (not 'Zine El
    Abidine' + 'Ben Ali', one person's name the recogniser cut in two); 'Kamloops' + 'RCMP': an
    acronym does not take a known place before it (but 'London' + 'Stock Exchange' is one name); a
    body of state's name does not take the person's name before it."""
    prev = doc[start - 1]
    if doc[start].ent_iob_ == "I" or prev.ent_iob_ not in ("B", "I"):
        return False
    if prev.ent_iob_ == "I" and {prev.lower_, prev.lemma_.lower()} & common_words():
        return True
    if prev.ent_type_ == "PERSON" and doc[start].lower_ in INSTITUTION_WORDS:
        return True  # 'the Brett Kavanaugh' + 'Supreme Court confirmation': no body of state is named after him
    first = start - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return doc[start].is_upper and gazetteer.place_kind(doc[first:start].text) is not None


def _a_title_before(prev, label: str) -> bool:
    """'President' + 'X', and before a person 'YouTuber' + 'X': a title, no part of the name."""
    return title_case(prev) and (prev.lower_.rstrip(".") in L.HONORIFICS or is_role(prev.lower_) or (
        label == "PERSON" and (titleish(prev) or prev.lower_ in L.TRADES)))


def _no_part_of_a_persons_name(doc: Doc, start: int) -> bool:
    """The capitalised word before a person's name that is a party's word ('Republican'), the
    place of an office ('Mayor of London' + 'Sadiq Khan'), an office in capitals ('CEO') or
    in the plural ('Senators'), the everyday word an office is of ('Minister of Information' + 'Tom
    Hale'), or the end of a country's name ('United States' + 'Joe Biden')."""
    prev = doc[start - 1]
    return (prev.lower_ in L.PARTY_ADJECTIVES or prev.lower_ in L.PARTY_MEMBER_NOUNS
            or prev.lower_ in _BODY_HEADS and start > 1 and doc[start - 2].lower_ in ("the", "of")
            or start > 1 and doc[start - 2].lower_ == "of" and bool(gazetteer.place_kind(prev.text))
            or field_of_an_office(doc, start)
            or prev.is_upper and is_role(prev.lower_) or bool(L.plural_role(prev.lower_))
            or any(gazetteer.place_kind(doc[j:start].text) in ("country", "subdivision")
                   for j in range(max(0, start - 3), start - 1)))


def field_of_an_office(doc: Doc, start: int) -> bool:
    """'Minister of Information', 'Minister of Foreign Affairs' right before `start`: everyday
    words after an office's 'of' (an office in capitals: not 'the head of Human Rights Watch')."""
    j = start - 1
    while j > start - 4 and j > 0 and capitalised(doc[j]) \
            and ({doc[j].lower_, doc[j].lemma_.lower()} & common_words() or doc[j].lower_ in L.TITLE_MODIFIERS):
        j -= 1
    return j < start - 1 and j > 0 and doc[j].lower_ == "of" and titleish(doc[j - 1]) and doc[j - 1].is_title


def past_an_office_field(doc: Doc, i: int, j: int) -> int:
    """Where a name starts in the words [i, j) that begin with the everyday words an office is of
    ('Minister of Information' + 'Moammar al-Eryani'): at the first word that is no everyday
    one; i when there is none ('head of Human Rights Watch')."""
    for k in range(i + 1, min(j, i + 4)):
        if not {doc[k].lower_, doc[k].lemma_.lower()} & common_words():
            return k if field_of_an_office(doc, k) else i
    return i


def _capitalised_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    if nxt.text == "I" and end + 1 < len(doc) and doc[end + 1].is_lower and doc[end + 1].pos_ in ("VERB", "AUX") \
            and label != "EVENT" and (normal(doc[end - 1].text) not in gazetteer.given_names()
                                      or doc[end - 1].lower_ in L.DATE_WORDS):
        # "if I am in Iran I should go", "In June I will": the pronoun (but "World War I was", "Elizabeth I was")
        return None
    if nxt.lower_ in L.DATE_WORDS and gazetteer.place_kind(doc[start:end].text):
        return None  # "in Kabul, Afghanistan Monday": a known place, then the day
    if capitalised(nxt) and not nxt.is_sent_start and (nxt.pos_ in ("PROPN", "") or nxt.is_upper) \
            and not is_role(nxt.lower_) and nxt.lower_ not in L.DOCUMENT_HEADS | L.POSTNOMINALS \
            and not _office_starts(doc, end):
        return None if _another_name_follows(doc, start, end, label) else end + 1
    return None


def _another_name_follows(doc: Doc, start: int, end: int, label: str) -> bool:
    """A name of its own starts at `end`, right after the name [start, end)."""
    nxt, place = doc[end], bool(gazetteer.place_kind(doc[start:end].text))
    return ((label != "PERSON" or place) and person_run_at(doc, end)
            # "Ambassador to Germany Richard Grenell": the place, then its envoy's name
            or nxt.ent_iob_ == "B" and doc[end - 1].ent_iob_ in ("B", "I") and place
            # "President of India" + "Pranab Mukherjee": a known place, then a name of its own
            or nxt.ent_iob_ == "B" and nxt.ent_type_ == "PERSON" and field_of_an_office(doc, end)
            # "Director of National Intelligence" + "Karim al-Zanzari": the office's field, then its holder
            or doc[start:end].text.isupper() and _full_name_at(doc, end)
            # "told NPR" + "Hamza bin Laden": an acronym, then a person the article names in full
            or label != "PERSON" and end - start >= 2 and head_word(doc[start:end]) in L.ORG_HEADS
            and _rare_name_end(doc, end) is not None)
            # "Iranian Chess Federation" + "Mehrdad Pahlavanzadeh": a body's name, then a person's


def _capitalised_to_a_head(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'NASA' + 'Jet Propulsion Laboratory', 'Israel Defense' + 'Forces': capitalised words after
    a body's or a place's name, whatever the tagger made of them, up to a body's head word: a part
    of the body, or a body named with its place's name."""
    if label not in ("ORG", "PLACE") or any(t.lower_ in ("and", "&") for t in doc[start:end]):
        return None  # (nor after 'X of Y and': the start of another body's name, maybe)
    j = end
    while j < len(doc) and j - end < 4 and capitalised(doc[j]) and not doc[j].is_sent_start \
            and not is_role(doc[j].lower_) and doc[j].ent_iob_ not in ("B", "I"):
        if doc[j].lower_ in L.ORG_HEADS or j > end and doc[j].lower_ in L.EVENT_HEADS - L.DATE_WORDS - {"week"}:
            return j + 1  # (or a body's event: 'MTV' + 'Video Music Awards'; not 'Kamloops' + 'This Week')
        j += 1
    return None


def _edition_year_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Anime North' + '2019', 'Expo' + '2020': a year right after a name that is no person's nor a
    known place's is an event's edition (graph.extract.kinds then types it an event)."""
    if label == "PERSON" or not is_year(doc[end].text) or gazetteer.place_kind(doc[start:end].text) is not None \
            or doc[end - 1].is_digit:
        return None
    after = doc[end + 1] if end + 1 < len(doc) else None
    return end + 1 if after is None or not capitalised(after) else None


def _to_its_acronym(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'California Department' + 'of Corrections and Rehabilitation (CDCR)', 'Institute of
    Epidemiology' + ', Disease Control and Research (IEDCR)': the words up to an acronym in
    brackets that the whole spells."""
    if label == "PERSON":
        return None
    k = end
    while k < len(doc) and k - end < 8 and (capitalised(doc[k]) or doc[k].lower_ in L.NAME_LINK_WORDS
                                            or doc[k].text == "," and k + 1 < len(doc) and capitalised(doc[k + 1])) \
            and not doc[k].is_sent_start:
        k += 1
    acronym = bracketed_acronym(doc, k)
    # (a body's name: not 'Universal Basic Income (UBI)')
    if k > end and acronym and capitalised(doc[k - 1]) and acronym_of(acronym, doc[start:k].text) \
            and not acronym_of(acronym, doc[start:end].text) \
            and head_word(doc[start:k]) in L.ORG_HEADS | INSTITUTION_HEADS:
        return k
    return None


def _nickname_then_surname(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Jeremy' + '"Spike" Cohen': a nickname in quotes between a person's names is the name's."""
    if label != "PERSON" or end + 3 >= len(doc) or doc[end].text not in _QUOTES or doc[end + 2].text not in _QUOTES \
            or not capitalised(doc[end + 1]) or not capitalised(doc[end + 3]) or doc[end + 3].is_sent_start:
        return None
    return end + 4


_QUOTES = {'"', "\u201c", "\u201d"}


def _given_name_and_foundation(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Bill' + 'and Melinda Gates Foundation': a foundation named after a couple."""
    if end - start == 1 and end + 2 < len(doc) and doc[end].lower_ in ("and", "&") \
            and normal(doc[start].text) in gazetteer.given_names():
        j = end + 1
        while j < len(doc) and j - end <= 5 and capitalised(doc[j]):
            if doc[j].lower_ in L.ORG_HEADS:
                return j + 1
            j += 1
    return None


def _particle_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Abdel Fattah' + 'al-Burhan', 'Karim' + 'de Souza'."""
    nxt = doc[end]
    if nxt.lower_ not in PARTICLES or not nxt.is_lower or label not in ("PERSON", "ORG"):
        return None
    after = end + 1
    if after + 1 < len(doc) and doc[after].text == "-" and not nxt.whitespace_ and not doc[after].whitespace_:
        after += 1
    return after + 1 if after < len(doc) and capitalised(doc[after]) else None


def _hyphen_joined_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    if nxt.text in ("-", "\u2013") and not doc[end - 1].whitespace_ and not nxt.whitespace_ \
            and end + 1 < len(doc) and capitalised(doc[end + 1]) \
            and not (nxt.text == "\u2013" and known(doc[start:end]) and not _head_after(doc, end + 2)) \
            and not ({doc[end - 1].text, doc[end + 1].text} <= _used_alone(doc)  # "the Trump-Ukraine affair"
                     and not (_head_after(doc, end + 2) and capitalised(doc[end + 2]))):
        return end + 2
    return None


def _syllable_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    # (a place of two words no gazetteer knows: the tagger takes 'Park Won' of 'Park Won-soon' for one)
    if (label == "PERSON" or label == "ORG" and end - start >= 2
            or label == "PLACE" and end - start == 2 and not any(known(t) for t in doc[start:end])) \
            and nxt.text == "-" and not doc[end - 1].whitespace_ \
            and not nxt.whitespace_ and end + 1 < len(doc) and doc[end + 1].is_lower and doc[end + 1].is_alpha \
            and len(doc[end + 1].text) <= 4 and doc[end + 1].lower_ not in L.HYPHEN_SUFFIXES | L.AREA_SYLLABLES:
        return end + 2
    return None


def _head_after(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in L.EVENT_HEADS | L.ORG_HEADS


def _and_after_of_or_for(doc: Doc, start: int, end: int, label: str) -> int | None:
    # ('National Institute of Allergy + and Infectious Diseases': a capitalised adjective too)
    nxt = doc[end]
    if nxt.lower_ == "and" and end + 1 < len(doc) and capitalised(doc[end + 1]) \
            and doc[end + 1].pos_ in ("PROPN", "", "ADJ") and any(t.lower_ in ("of", "for") for t in doc[start:end]) \
            and not (end + 2 < len(doc) and doc[end + 2].text == ",") and not _organisation_of_its_own(doc, end + 1) \
            and not person_run_at(doc, end + 1) and doc[end + 1].ent_type_ != "PERSON":
        return end + 2  # (not 'the University of Miami + and Chris Fallows': a person next)
    return None


def _organisation_of_its_own(doc: Doc, i: int) -> bool:
    """Does the recogniser find an organisation's whole name at token i ('the University of Kharaj
    and Lakeside University': two universities)?"""
    if doc[i].ent_iob_ != "B":
        return False
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j - i >= 2 and (doc[i].ent_type_ == "ORG" or head_word(doc[i:j]) in L.ORG_HEADS)


def _and_a_shared_head(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'House Oversight + and Reform Committee', 'Nevada Test + and Training Range', 'Baylor Scott
    + & White Medical Center', 'World Rapid + and Blitz Championship': the head word after 'and' or
    '&' is the whole name's (after a person's name, one that opens with a given name, only after '&')."""
    heads = L.NAME_HEADS
    if doc[end].lower_ not in ("and", "&") \
            or label == "PERSON" and doc[end].text != "&" and normal(doc[start].text) in gazetteer.given_names() \
            and not gazetteer.place_kind(doc[start].text) \
            or head_word(doc[start:end]) in heads | INSTITUTION_HEADS \
            or end + 1 < len(doc) and doc[end + 1].text == "The":  # "... and The Times": another name
        return None
    j = end + 1
    while j < len(doc) and j - end <= 3 and doc[j].is_title and not doc[j].is_sent_start:
        j += 1
    if j - end >= 2 and doc[j - 1].lower_ in heads \
            and (doc[end].text == "&" or not _organisation_of_its_own(doc, end + 1)) \
            and not gazetteer.place_kind(doc[start:end].text):
        return j
    return None


def _and_the_region(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    if nxt.lower_ == "and" and end + 2 < len(doc) and doc[end + 1].lower_ == "the" \
            and any(t.lower_ == "of" for t in doc[start:end]) and gazetteer.place_kind(doc[end - 1].text) \
            and capitalised(doc[end + 2]) and gazetteer.place_kind(doc[end + 2].text) == "region" \
            and not (end + 3 < len(doc) and capitalised(doc[end + 3])):
        return end + 3
    return None


def _of_after_head(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    if nxt.lower_ == "of" and end + 1 < len(doc) and capitalised(doc[end + 1]) \
            and doc[end + 1].pos_ in ("PROPN", "") and head_word(doc[start:end]) in L.ORG_HEADS | L.EVENT_HEADS \
            and not is_role(doc[end + 1].lower_):
        return end + 2
    return None


def _for_after_head(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Tunisian League + for the Defence of Human Rights', 'Center + for Strategic Studies': what
    a body is for, in capitals, is part of its name (not after a company's legal form: 'Blues
    Incorporated' + 'for The Rolling Stones')."""
    if doc[end].lower_ != "for" or head_word(doc[start:end]) not in L.ORG_HEADS - L.COMPANY_SUFFIXES:
        return None
    j = end + 1 + (1 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else 0)
    taken = 0
    while j < len(doc) and not doc[j].is_sent_start:
        if doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in L.DATE_WORDS:
            j, taken = j + 1, taken + 1
        elif taken and doc[j].lower_ in ("of", "and", "the") and j + 1 < len(doc) and (
                doc[j + 1].is_title or doc[j + 1].lower_ == "the"):
            j += 1
        else:
            break
    while j > end + 1 and doc[j - 1].lower_ in ("of", "and", "the"):
        j -= 1
    return j if taken else None


def _at_after_university(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'University of Colorado + at Boulder', 'University of California + , San Diego': a
    university's campus is part of its name (after a comma, a known city's name ending there or
    before a possessive: 'University of California, San Diego's chancellor')."""
    if doc[end].lower_ not in ("at", ",") or doc[start].lower_ not in ("university", "college") or "of" not in \
            [t.lower_ for t in doc[start:end]]:
        return None
    j = end + 1
    while j < len(doc) and j - end <= 3 and capitalised(doc[j]) and doc[j].is_alpha and not doc[j].is_sent_start:
        j += 1
    if doc[end].text == "," and not (gazetteer.place_kind(doc[end + 1:j].text) == "city"
                                     and (j == len(doc) or doc[j].is_punct or doc[j].lower_ in ("'s", "\u2019s"))):
        return None
    return j if j > end + 1 else None


def _name_suffix_after_comma(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Cyrus R. Vance + , Jr.': a person's generation after a comma is part of the name."""
    if label != "PERSON" or doc[end].text != "," or end + 1 >= len(doc) \
            or doc[end + 1].lower_.rstrip(".") not in L.NAME_SUFFIXES or not doc[end + 1].text[:1].isupper():
        return None
    return end + 3 if end + 2 < len(doc) and doc[end + 2].text == "." and not doc[end + 1].whitespace_ else end + 2


def _on_after_head(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'Select Committee + on Benghazi', 'Council + on Foreign Relations': what a committee is on,
    in capitals, is part of its name (not 'the Committee + on Monday')."""
    if doc[end].lower_ != "on" or head_word(doc[start:end]) not in L.REMIT_HEADS:
        return None
    j = end + 1
    while j < len(doc) and j - end <= 4 and capitalised(doc[j]) and not doc[j].is_sent_start \
            and doc[j].lower_ not in L.DATE_WORDS:
        j += 1
    return j if j > end + 1 else None


def _plural_possessive_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    nxt = doc[end]
    if nxt.text in ("'", "\u2019") and doc[end - 1].text.endswith("s") and end + 1 < len(doc) \
            and capitalised(doc[end + 1]) and head_word(doc[end + 1:end + 2]) in L.NAME_HEADS | {"hall"}:
        return end + 2  # (and an event's word: 'Catholic Bishops' + "' Conference")
    return None


def _saints_possessive_after(doc: Doc, start: int, end: int, label: str) -> int | None:
    """'St. John' + 's Episcopal Church': a saint's or monarch's possessive and the capitalised
    words up to a head word after it are the name of what is named after them."""
    if end >= len(doc) or doc[end].lower_ not in ("'s", "\u2019s"):
        return None
    heads = [j for j in range(end + 1, min(end + 4, len(doc))) if capitalised(doc[j])
             and all(capitalised(t) for t in doc[end + 1:j + 1]) and doc[j].lower_ in L.NAME_HEADS]
    return heads[-1] + 1 if heads and _named_for_a_saint_or_monarch(doc, start, end, heads[-1] + 1) else None


# Neighbours a name takes on, tried in order: (name, an example, the join).
JOIN_LEFT = [
    ("particle", "al-Masirah TV", _particle_before),
    ("given name before bin", "Karim + bin Tariq Al Nouri", _given_name_before_bin),
    ("a capitalised prefix", "the Anti- + Corruption Court", _capital_prefix_before),
    ("en dash, or a hyphen between capitals", "Iran– + Iraq War, ABS- + CBN", _dash_joined_before),
    ("a word and", "Law and + Justice Party", _word_and_before),
    ("a number word", "the Three + Brotherhood Alliance", _number_word_before),
    ("an ordinal", "the 93rd + Mechanized Brigade", _ordinal_before),
    ("a given name opening the sentence", "Hope + Hicks said", _given_name_opening_a_sentence),
    ("capitalised word", "VICE + World News", _capitalised_before),
]
JOIN_RIGHT = [
    ("capitalised word", "Human Rights + Watch", _capitalised_after),
    ("capitalised words to a body's head", "NASA + Jet Propulsion Laboratory", _capitalised_to_a_head),
    ("words up to its acronym", "California Department + of Corrections and Rehabilitation (CDCR)", _to_its_acronym),
    ("a year", "Anime North + 2019, Expo + 2020", _edition_year_after),
    ("particle", "Usama + bin Ladin", _particle_after),
    ("a couple's foundation", "Bill + and Melinda Gates Foundation", _given_name_and_foundation),
    ("a nickname then the surname", 'Jeremy + "Spike" Cohen', _nickname_then_surname),
    ("hyphen or dash", "Abdul + -Mahdi, Iran + –Iraq War", _hyphen_joined_after),
    ("a given name's second syllable", "Moon Jae + -in, Ban Ki + -moon", _syllable_after),
    ("and after of/for", "Islamic State of Iraq + and Syria", _and_after_of_or_for),
    ("and the region", "Islamic State of Iraq + and the Levant", _and_the_region),
    ("and a shared head word", "House Oversight + and Reform Committee", _and_a_shared_head),
    ("of after a head word", "Chamber + of Commerce, Battle + of Raqqa", _of_after_head),
    ("for after a head word", "Tunisian League + for the Defence of Human Rights", _for_after_head),
    ("on after a committee", "Select Committee + on Benghazi", _on_after_head),
    ("a campus after a university", "University of Colorado + at Boulder, University of California + , San Diego",
     _at_after_university),
    ("a generation after a comma", "Cyrus R. Vance + , Jr.", _name_suffix_after_comma),
    ("plural possessive", "Kurdistan Workers + ' Party, Fishmongers + ' Hall", _plural_possessive_after),
    ("a saint's possessive", "St. John + 's Episcopal Church, Queen + 's University", _saints_possessive_after),
]


def person_run_at(doc: Doc, i: int) -> bool:
    """Does a person's name start at token i: two or more capitalised proper nouns led by a
    known given name ("... for Iran Brian Hook said")?"""
    j = i
    while j < len(doc) and capitalised(doc[j]) and doc[j].pos_ == "PROPN" and (j == i or not doc[j].is_sent_start):
        j += 1
    return 2 <= j - i <= 4 and given_name_first(doc[i:j])


def looks_like_name(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    text = span.text
    if not any(c.isupper() for c in text) and not any(c.isdigit() for c in text):
        return False
    if end - start == 1 and not _a_word_that_may_be_a_name(doc[start]):
        return False
    if all(t.lower_ in L.DATE_WORDS or t.like_num or t.is_punct for t in span):
        return False
    # "Republic Act No. 3846", "the Health Care Reform Bill 2019": the law's word before its number or year
    last = end - 2 if end - start > 2 and (doc[end - 1].text in ("No", "Nos") or is_year(doc[end - 1].text)) \
        else end - 1
    if end - start > 1 and (head_word(span) in L.LAW_HEADS or doc[last].lower_ in L.LAW_HEADS):
        return False  # "the Tenure of Office Act": a law, not an entity of the guidelines
    if text.isupper() and end - start > 3:
        return False  # a shouted phrase ("JOIN THE RESISTANCE"), not a name
    return True


def _acronym_plural(word: str) -> bool:
    """'PCs', 'ATMs', 'NGOs': an acronym in the plural is a common noun's."""
    return len(word) >= 3 and word.endswith("s") and word[:-1].isupper() and word[:-1].isalpha()


def _a_word_that_may_be_a_name(tok) -> bool:
    """Not a date, pronoun, number, religion, role or title, not a language (not entities in the
    guidelines), not an adverb opening a sentence ('Presently, ...'). A pronoun in capitals of three
    letters or more is an acronym ('WHO')."""
    pronoun = tok.lower_ in L.PRONOUNS and not (tok.is_upper and len(tok.text) >= 3)
    if tok.lower_ in L.DATE_WORDS or pronoun or len(tok.text) < 2 or tok.like_num or _acronym_plural(tok.text) \
            or tok.lower_ in L.RELIGIONS or is_role(tok.lower_) or tok.lower_ in L.HONORIFICS:
        return False
    if tok.lower_ in languages() and normal(tok.text) not in gazetteer.demonyms() and not tok.is_upper:
        return False  # (but 'AU' is an acronym, not the language Au)
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return not (tok.is_sent_start and tok.pos_ == "ADV" and following is not None and following.text == ",")


def defined_acronym(doc: Doc, start: int, end: int) -> bool:
    """'Popular Mobilization Forces (PMF)': the words are followed by their own acronym."""
    acronym = bracketed_acronym(doc, end)
    return acronym is not None and acronym_of(acronym, doc[start:end].text)
