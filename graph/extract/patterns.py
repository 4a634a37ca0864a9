"""General patterns that name things the NER misses or mislabels: known places and
nationalities, photo credits, news sources, 'the Doha summit', 'the Pashtun tribe', title-case
headlines, and capitalised everyday words."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..names import INSTITUTION_HEADS, acronym_of, is_acronym, is_numeral, normal
from .. import lexicon as L
from ..lexicon import common_words
from .kinds import given_name_first, guess_type
from .boundaries import field_of_an_office, person_run_at
from ..lexicon import BODY_NOUNS, CREDIT_WORDS, FACILITY_NOUNS, HEADLINE_SMALL_WORDS, REPORTING_VERBS
from .tokens import (after_a_source_opener, after_prefix, apposition_noun, bracketed_acronym, capitalised, coverage,
                     head_word, is_role, known, result_sides, surname_of_one_named_before, title_case, titleish)


class _Spans:
    """The entity spans being completed, and which span covers each token."""

    def __init__(self, spans: list[Span]):
        self.out = list(spans)
        self.covered = coverage(self.out)

    def inside(self, start: int, end: int) -> dict[int, Span]:
        return {id(self.covered[k]): self.covered[k] for k in range(start, end) if k in self.covered}

    def put(self, span: Span, replacing=()) -> None:
        for old in list(replacing):
            self.out.remove(old)
            for k in range(old.start, old.end):
                if self.covered.get(k) is old:
                    del self.covered[k]
        self.out.append(span)
        self.covered.update({k: span for k in range(span.start, span.end)})


def add_patterns(doc: Doc, spans: list[Span]) -> list[Span]:
    """The general patterns of PATTERNS, in order, over the spans the recogniser found."""
    found = _Spans(spans)
    for _, _, pattern in PATTERNS:
        pattern(doc, found)
    return found.out


def _credits(doc: Doc, found: _Spans) -> None:
    for person, agency in credits(doc):
        for span in (person, agency):
            if span is not None:
                found.put(span, found.inside(span.start, span.end).values())


def _sources(doc: Doc, found: _Spans) -> None:
    """'Reuters reported', 'according to NPR': a news outlet, unless it is a person's name."""
    for start, end in sources(doc, found.covered):
        label = "PERSON" if given_name_first(doc[start:end]) and end - start > 1 else "ORG"
        found.put(Span(doc, start, end, label=label))


def _according_to(doc: Doc, found: _Spans) -> None:
    """'according to Agence Nouvelle, which ...', 'speaking to the Lakeside Courier', 'the Kharaj
    Herald reported': a source that no gazetteer knows as a place is a body that reports,
    whatever the tagger's guess."""
    for k, span in enumerate(found.out):
        if span.label_ == "PLACE" and _as_a_source(doc, span) \
                and not known(span) and span[-1].lower_ not in L.PLACE_HEADS \
                and not given_name_first(span):
            found.out[k] = Span(doc, span.start, span.end, label="ORG")
            found.covered.update({i: found.out[k] for i in range(span.start, span.end)})


def _as_a_source(doc: Doc, span: Span) -> bool:
    return after_a_source_opener(doc, _with_the(doc, span)) \
        or span.end < len(doc) and doc[span.end].lower_ in L.REPORTING_VERBS


def _with_the(doc: Doc, span: Span) -> int:
    """Where the span starts with the 'the' before it, if any."""
    return span.start - (1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else 0)


def _dated(tokens) -> bool:
    return any(t.lower_ in L.DATE_WORDS for t in tokens)


def _place_in_a_known_place(doc: Doc, found: _Spans) -> None:
    """'in Randolph, New Hampshire', 'landfall in Elbow Cay, Bahamas': a name after a preposition
    of place and before a comma and a known country, state or region is a place, whatever the
    tagger's guess."""
    for k, span in enumerate(found.out):
        after = span.end
        if span.label_ not in ("ORG", "PERSON") or span.start == 0 or after + 1 >= len(doc) \
                or doc[span.start - 1].lower_ not in L.PLACE_PREPOSITIONS or doc[after].text != ",":
            continue
        following = found.covered.get(after + 1)
        if following is not None and following.start == after + 1 and following.label_ == "PLACE" \
                and gazetteer.place_kind(following.text) in ("country", "subdivision", "region") \
                and not (following.end < len(doc) and doc[following.end].lower_ in ("-", "'s", "\u2019s")):
            # (not "from Ford, Michigan-based maker of cars": what the place qualifies follows it)
            found.out[k] = Span(doc, span.start, span.end, label="PLACE")
            found.covered.update({i: found.out[k] for i in range(span.start, span.end)})


def _one_of_a_list_of_people(doc: Doc, found: _Spans) -> None:
    """'identified as Ann Ford, Desma Oakes, Tom Hale and ...': a name of two words or more
    between two people in a list, that no gazetteer knows, is a person too."""
    spans = sorted(found.out, key=lambda x: x.start)
    for k in range(1, len(spans) - 1):
        span, before, after = spans[k], spans[k - 1], spans[k + 1]
        if span.label_ in ("PLACE", "ORG") and len(span) >= 2 and before.label_ == after.label_ == "PERSON" \
                and _listed(doc, before.end, span.start) and _listed(doc, span.end, after.start) \
                and not known(span) and head_word(span) not in L.ORG_HEADS | L.PLACE_HEADS \
                and all(t.text[:1].isupper() and t.is_alpha for t in span):
            i = found.out.index(span)
            found.out[i] = Span(doc, span.start, span.end, label="PERSON")
            found.covered.update({j: found.out[i] for j in range(span.start, span.end)})


def _described_after(doc: Doc, found: _Spans) -> None:
    """'Drexel Burnham Lambert, an investment bank', 'Harlech, a town in Wales': the noun of an
    apposition says what a name is the tagger was unsure of (an organisation or a place)."""
    for k, span in enumerate(found.out):
        noun = apposition_noun(doc, span.end)
        if noun is None or known(span) or after_a_source_opener(doc, _description_start(doc, span.start)):
            continue  # ('According to X, the movement was able to ...': the next clause's subject)
        label = "ORG" if noun in (L.ORGANISATION_KIND_NOUNS | L.BUSINESS_NOUNS) - {"station", "giant"} else \
            "PLACE" if noun in L.PLACE_NOUNS - {"community", "area", "nation", "state"} else None
        if label and span.label_ != label and span.label_ in ("ORG", "PLACE", "PERSON") \
                and not (span.label_ == "PERSON" and given_name_first(span)):
            found.out[k] = Span(doc, span.start, span.end, label=label)
            found.covered.update({i: found.out[k] for i in range(span.start, span.end)})


def _description_start(doc: Doc, start: int) -> int:
    """Where the words that describe a name before it start ('Samoa Observer editor X')."""
    i = start
    while i > 0 and start - i < 6 and (doc[i - 1].is_title or is_role(doc[i - 1].lower_)) \
            and not doc[i - 1].is_sent_start:
        i -= 1
    return i


def _listed(doc: Doc, end: int, start: int) -> bool:
    """Only a list's separator between two names: ',' or 'and' or ', and'."""
    return 0 < start - end <= 2 and [t.lower_ for t in doc[end:start]] in ([","], ["and"], [",", "and"])


def _purpose_names(doc: Doc, found: _Spans) -> None:
    """'Committee to Protect Journalists', 'Coalition to End Hunger': a body named by its aim."""
    for start, end in purpose_names(doc):
        inside = found.inside(start, end)
        if all(start <= x.start and x.end <= end for x in inside.values()):
            found.put(Span(doc, start, end, label="ORG"), inside.values())


def _the_place_and(doc: Doc, found: _Spans, tok, label: str) -> None:
    """'the <place> <noun>': the place and the noun are one name of type `label`."""
    prev = found.covered.get(tok.i - 1)
    if prev is not None and prev.label_ == "PLACE" and prev.end == tok.i and prev.start > 0 \
            and doc[prev.start - 1].lower_ == "the":
        joined = Span(doc, prev.start, tok.i + 1, label=label)
        found.out[found.out.index(prev)] = joined
        found.covered.update({i: joined for i in range(joined.start, joined.end)})


def _place_facility_or_event(doc: Doc, found: _Spans, tok) -> None:
    """'the Zanzar airport' (but not 'the Zanzar Sea port town', where the noun only modifies
    another), 'the Zanzar summit'."""
    modifies = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and doc[tok.i + 1].is_lower
    if tok.lower_ in FACILITY_NOUNS and tok.i > 1 and tok.i not in found.covered and not modifies:
        _the_place_and(doc, found, tok, "PLACE")
    if tok.lower_ in L.EVENT_NOUNS and tok.i > 0 and tok.i not in found.covered and not modifies:
        _the_place_and(doc, found, tok, "EVENT")


def _name_and_body_noun(doc: Doc, found: _Spans, tok) -> None:
    """'the Houthi movement', 'the Wagner group': a name and a common noun for a body."""
    if not (tok.lower_ in BODY_NOUNS and tok.i > 1 and tok.i not in found.covered and doc[tok.i - 1].pos_ == "PROPN"
            and capitalised(doc[tok.i - 1]) and not known(doc[tok.i - 1:tok.i])
            and normal(doc[tok.i - 1].text) not in gazetteer.demonyms()):
        return
    j = tok.i - 1
    while j > 0 and capitalised(doc[j - 1]) and (doc[j - 1].pos_ == "PROPN" or doc[j - 1].tag_ == "NNP") \
            and not doc[j].is_sent_start:
        j -= 1  # (and a word the tagger made an adjective of, though a proper noun's: 'Black Lives Matter')
    inside = found.inside(j, tok.i)
    # (an organisation's one word too: "the Houthi movement", whose members are "the Houthis")
    if all((x.start, x.end) == (j, tok.i) and (x.label_ != "ORG" or len(x) == 1 and not x[0].is_upper)
           for x in inside.values()) \
            and tok.lower_ in ("movement", "militia", "group", "network"):
        found.put(Span(doc, j, tok.i + 1, label="ORG"), inside.values())


def _name_and_people_noun(doc: Doc, found: _Spans, tok) -> None:
    """'the Pashtun tribe', 'the Yazidi community': a name before a noun for a people is a group."""
    if tok.lower_ not in L.GROUP_NOUNS or tok.i == 0 or doc[tok.i - 1].lower_ in INSTITUTION_HEADS \
            or tok.i + 1 < len(doc) and is_role(doc[tok.i + 1].lower_):
        return  # "the Senate minority leader": an office, not a people
    j = tok.i
    while j > 0 and capitalised(doc[j - 1]) and not doc[j - 1].is_sent_start:
        j -= 1
    if j < tok.i:
        inside = [found.covered[k] for k in range(j, tok.i) if k in found.covered]
        if all((s.start, s.end) == (j, tok.i) for s in inside):
            found.put(Span(doc, j, tok.i, label="GROUP"), {id(s): s for s in inside}.values())


def _named_event(doc: Doc, found: _Spans) -> None:
    """'the New Hampshire Democratic primary', 'the 2020 Groom by-election', 'the Aegean Sea
    earthquake', 'the 2020 presidential election': the names (places, bodies, events; a party or
    nationality adjective before an election noun), election adjectives and year before a
    lower-case event noun are one event's name."""
    for tok in doc:
        head = tok.lower_
        if head not in L.NAMED_EVENT_HEADS or not tok.is_lower or tok.i in found.covered \
                or tok.i + 1 < len(doc) and doc[tok.i + 1].is_lower and doc[tok.i + 1].pos_ == "NOUN":
            continue  # "the election campaign": the noun only modifies another
        first = tok.i - 2 if head == "election" and tok.i >= 2 and doc[tok.i - 2:tok.i].text.lower() == "by-" else tok.i
        start, names = _event_name_start(doc, found, first, head in L.ELECTION_HEADS)
        year = start > 0 and _is_year(doc[start - 1])
        if year:
            start -= 1
        if not names and not (year and head in L.ELECTION_HEADS):
            continue
        inside = found.inside(start, tok.i)
        if all(start <= x.start for x in inside.values()):
            found.put(Span(doc, start, tok.i + 1, label="EVENT"), inside.values())


# a day of the year written as numbers ('9/11', '7/7', '26/11')
DAY_OF_THE_YEAR = re.compile(r"\d{1,2}/\d{1,2}")


def _attacks_of_a_day(doc: Doc, found: _Spans) -> None:
    """'the 9/11 attacks', 'the 7/7 bombings': attacks named by their day are one event."""
    for tok in doc[2:]:
        i = tok.i
        if tok.lower_ in L.ATTACK_NOUNS and tok.is_lower and DAY_OF_THE_YEAR.fullmatch(doc[i - 1].text) \
                and doc[i - 2].lower_ == "the" and i not in found.covered and i - 1 not in found.covered:
            found.put(Span(doc, i - 1, i + 1, label="EVENT"))


def _event_name_start(doc: Doc, found: _Spans, i: int, election: bool) -> tuple[int, int]:
    """Where the words of an event's name before token `i` start, and how many names they hold."""
    kinds = {"PLACE", "ORG", "EVENT"} | ({"GROUP"} if election else set())
    names = 0
    while i > 0:
        span = found.covered.get(i - 1)
        if span is not None and span.end == i and span.label_ in kinds:
            i, names = span.start, names + 1
        elif election and doc[i - 1].lower_ in L.ELECTION_ADJECTIVES and doc[i - 1].is_lower:
            i -= 1
        elif election and span is None and doc[i - 1].is_title and not doc[i - 1].is_sent_start and (
                doc[i - 1].lower_ in L.PARTY_ADJECTIVES or doc[i - 1].pos_ == "PROPN" and _year_before(doc, i - 1)):
            # "the Democratic primary", "the 2019 Lakeside by-election": a party's word, or a
            # place no gazetteer knows after the year
            i, names = i - 1, names + 1
        elif not election and span is None and doc[i - 1].is_title and not doc[i - 1].is_sent_start \
                and doc[i - 1].pos_ in ("PROPN", "ADJ") and doc[i - 1].lower_ not in L.DATE_WORDS \
                and doc[i - 1].lower_ not in common_words():
            # "the Bridgegate scandal", "the Olympic games": a word of its own before the event noun
            i, names = i - 1, names + 1
        else:
            break
    return i, names


def _year_before(doc: Doc, i: int) -> bool:
    """Does a year stand before the capitalised words that end at token i?"""
    j = i
    while j > 0 and doc[j - 1].is_title and doc[j - 1].pos_ == "PROPN":
        j -= 1
    return j > 0 and _is_year(doc[j - 1])


def _is_year(tok) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4 and 1800 < int(tok.text) < 2100


def _body_before_office(doc: Doc, found: _Spans) -> None:
    """'Senate Minority Whip Dick Durbin', 'House Speaker Nancy Pelosi': the institution whose
    office a title names is a name of its own (the tagger leaves it in the title)."""
    for tok in doc:
        if tok.i in found.covered or tok.lower_ not in INSTITUTION_HEADS or not tok.text[:1].isupper() \
                or tok.is_upper or tok.lower_ in L.FORCE_WORDS:
            continue  # ("Police Senior Superintendent X": a rank of a force the word does not name)
        j = tok.i + 1
        while j < len(doc) and doc[j].lower_ in L.TITLE_MODIFIERS and doc[j].text[:1].isupper():
            j += 1
        if j < len(doc) and doc[j].text[:1].isupper() and is_role(doc[j].lower_) and j not in found.covered:
            found.put(Span(doc, tok.i, tok.i + 1, label="ORG"))


def _by_noun(doc: Doc, found: _Spans) -> None:
    for tok in doc:
        for pattern in (_place_facility_or_event, _name_and_body_noun, _name_and_people_noun):
            pattern(doc, found, tok)


# The patterns in the order they run: (name, an example, the pattern).
def _prefixed_name(doc: Doc, found: _Spans) -> None:
    """'anti-Houthi forces', 'pro-Kharaj militias': the capitalised word after 'anti-' or 'pro-' is
    a name (a people's word is a group; else what it is known as, or an organisation)."""
    for tok in doc:
        if after_prefix(doc, tok.i) and capitalised(tok) and tok.i not in found.covered and tok.is_alpha \
                and tok.lower_ not in L.RELIGIONS and not tok.lower_.endswith(("ism", "itic", "ist", "ists")):
            # (not "anti-Semitic", "anti-Islam", "pro-Zionist": a creed, no name)
            span = doc[tok.i:tok.i + 1]
            found.put(Span(doc, tok.i, tok.i + 1, label=guess_type(span) or "ORG"))


def _chamber_by_its_word(doc: Doc, found: _Spans) -> None:
    """'passed the House on Monday', 'the Speaker of the House Nancy Dalil': a legislature's
    capitalised word after 'the' is its name (before a lower-case word, or a person's name)."""
    for tok in doc:
        i = tok.i
        if tok.lower_ in L.CHAMBER_WORDS and title_case(tok) and i > 0 and doc[i - 1].lower_ == "the" \
                and i not in found.covered and not tok.is_sent_start \
                and (i + 1 == len(doc) or not capitalised(doc[i + 1]) or person_run_at(doc, i + 1)):
            found.put(Span(doc, i, i + 1, label="ORG"))


def _name_of_a_site(doc: Doc, found: _Spans) -> None:
    """'flying to Gillespie Field airport', 'held at Lakeside stadium': a name the tagger took for
    a person or a body, before the lower-case noun of a site, is the site's: a place."""
    for k, span in enumerate(found.out):
        after = doc[span.end] if span.end < len(doc) else None
        if span.label_ in ("PERSON", "ORG") and after is not None and after.is_lower \
                and after.lower_ in L.SITE_NOUNS and not known(span) \
                and not (after.i + 1 < len(doc) and doc[after.i + 1].pos_ == "NOUN"):
            found.out[k] = Span(doc, span.start, span.end, label="PLACE")
            found.covered.update({i: found.out[k] for i in range(span.start, span.end)})


def _sides_of_a_result(doc: Doc, found: _Spans) -> None:
    """'Kallina defeated Morwell 30 to 12': a capitalised name on a side of a match's result that
    the recogniser left out is a team."""
    for tok in doc:
        for side in result_sides(tok):
            if side.pos_ == "PROPN" and capitalised(side) and side.i not in found.covered \
                    and not known(doc[side.i:side.i + 1]) and side.lower_ not in common_words() \
                    and not side.is_sent_start:
                start = side.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == side \
                        and capitalised(doc[start - 1]) and start - 1 not in found.covered:
                    start -= 1
                found.put(Span(doc, start, side.i + 1, label="ORG"))


def _case_name(doc: Doc, found: _Spans) -> None:
    """'Kelly v. United States', 'Roe v Wade': a court case is named by its parties, one event."""
    for tok in doc:
        i = tok.i
        if tok.text not in ("v.", "v", "vs.") or i == 0 or i + 1 >= len(doc) or not capitalised(doc[i - 1]) \
                or not capitalised(doc[i + 1]):
            continue
        left, right = found.covered.get(i - 1), found.covered.get(i + 1)
        start = left.start if left is not None else i - 1
        end = right.end if right is not None else i + 2
        while right is None and end < len(doc) and capitalised(doc[end]) and not doc[end].is_sent_start:
            end += 1
        found.put(Span(doc, start, end, label="EVENT"), found.inside(start, end).values())


def _road(doc: Doc, found: _Spans) -> None:
    """'on Route 2 in Randolph', 'Interstate 95', 'the A496 road', 'off the A496': a road named by
    its number is a place (the recogniser drops the number, or the whole name)."""
    for tok in doc:
        i = tok.i
        if tok.lower_ in L.ROAD_WORDS and tok.is_title and i + 1 < len(doc) and _ROAD_NUMBER.fullmatch(doc[i + 1].text):
            start, end = i, i + 2
        elif tok.text[:1] in ("A", "M", "B") and _UK_ROAD.fullmatch(tok.text) and (
                i + 1 < len(doc) and doc[i + 1].lower_ in L.ROAD_NOUNS_AFTER
                or i > 1 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in L.ROAD_PREPOSITIONS):
            start, end = i, i + 1  # (not 'the A300 and 747': an aircraft)
        else:
            continue
        while start > 0 and doc[start - 1].text in L.ROAD_SYSTEM_WORDS and not doc[start - 1].is_sent_start:
            start -= 1
        found.put(Span(doc, start, end, label="PLACE"), found.inside(start, end).values())


_ROAD_NUMBER = re.compile(r"[0-9]{1,4}[A-Z]?")
_UK_ROAD = re.compile(r"[AMB][0-9]{1,4}")


def _web_name(doc: Doc, found: _Spans) -> None:
    """'Znak.com', 'Domain.com, a real estate site', 'News.com.au': a site named by its capitalised
    domain name is the company or the outlet (not a link in lower case, 'chess.com/news')."""
    for tok in doc:
        if "." in tok.text and _WEB_NAME.fullmatch(tok.text) and tok.i not in found.covered \
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "/"):
            found.put(Span(doc, tok.i, tok.i + 1, label="ORG"))


_WEB_NAME = re.compile(rf"[A-Z][A-Za-z0-9-]*\.(?:{'|'.join(L.WEB_DOMAINS)})(?:\.[a-z]{{2}})?")


def _coordinated_chamber(doc: Doc, found: _Spans) -> None:
    """'the Senate and House': a chamber's capitalised head word joined by 'and' to another
    chamber's name is a name too."""
    for span in list(found.out):
        if span.label_ != "ORG" or len(span) != 1 or span[0].lower_ not in INSTITUTION_HEADS:
            continue
        for other, link in ((span.end + 1, span.end), (span.start - 2, span.start - 1)):
            if 0 <= other < len(doc) and doc[link].lower_ in ("and", "&") and other not in found.covered \
                    and doc[other].lower_ in INSTITUTION_HEADS and title_case(doc[other]) \
                    and not doc[other].is_sent_start and not (other + 1 < len(doc) and capitalised(doc[other + 1])):
                found.put(Span(doc, other, other + 1, label="ORG"))


def _period_named(doc: Doc, found: _Spans) -> None:
    """'the period known as Prohibition', 'an era called the Troubles': the name of a stretch of
    history is an event's, whatever the tagger's guess."""
    for k, span in enumerate(found.out):
        i = _with_the(doc, span)
        words = [t.lower_ for t in doc[max(0, i - 3):i]]
        known_as = len(words) == 3 and words[0] in L.PERIOD_NOUNS and words[1:] == ["known", "as"]
        called = len(words) >= 2 and words[-2] in L.PERIOD_NOUNS and words[-1] == "called"
        if span.label_ != "EVENT" and (known_as or called):
            found.out[k] = Span(doc, span.start, span.end, label="EVENT")
            found.covered.update({j: found.out[k] for j in range(span.start, span.end)})


PATTERNS = [
    ("photo credit", "Photo: Bradley Secker / Getty Images", _credits),
    ("news source", "Reuters reported; according to NPR; told National Geographic; published in Nature", _sources),
    ("according to a body", "according to Agence Nouvelle, which ...", _according_to),
    ("a place in a known place", "in Randolph, New Hampshire", _place_in_a_known_place),
    ("one of a list of people", "Ann Ford, Desma Oakes, Tom Hale", _one_of_a_list_of_people),
    ("described after", "Drexel Burnham Lambert, an investment bank", _described_after),
    ("a body named by its aim", "Committee to Protect Journalists", _purpose_names),
    ("a chamber by its word", "passed the House on Monday", _chamber_by_its_word),
    ("the name of a site", "flying to Gillespie Field airport", _name_of_a_site),
    ("a side of a result", "Kallina defeated Morwell 30 to 12", _sides_of_a_result),
    ("a court case", "Kelly v. United States", _case_name),
    ("a road by its number", "on Route 2 in Randolph; the A496 road", _road),
    ("a site by its domain name", "Znak.com claims; according to News.com.au", _web_name),
    ("chambers joined by and", "the Senate and House", _coordinated_chamber),
    ("a name after anti- or pro-", "the anti-Houthi Southern Transitional Council", _prefixed_name),
    ("body before an office", "Senate Minority Whip Dick Durbin", _body_before_office),
    ("named event", "the New Hampshire Democratic primary; the 2020 Groom by-election", _named_event),
    ("attacks named by their day", "the 9/11 attacks; the 7/7 bombings", _attacks_of_a_day),
    ("a period by its name", "the period known as Prohibition", _period_named),
    ("place + noun, name + body noun, name + people noun", "the Doha summit; the Houthi movement; the Pashtun tribe",
     _by_noun),
]


def purpose_names(doc: Doc):
    """(start, end) of names of the form ORG-HEAD 'to' VERB OBJECT, all capitalised:
    'Committee to Protect Journalists', 'Global Coalition to Defeat ISIS'."""
    for tok in doc:
        i = tok.i
        if tok.lower_ != "to" or i < 1 or i + 2 >= len(doc) or doc[i - 1].lower_ not in L.ORG_HEADS \
                or not title_case(doc[i - 1]) or not title_case(doc[i + 1]) or doc[i + 1].is_sent_start:
            continue
        verb = doc[i + 1]
        if verb.lower_ not in common_words() or known(verb) or verb.lower_ in L.ORG_HEADS \
                or not capitalised(doc[i + 2]) or doc[i + 2].is_sent_start:
            continue
        start = i - 1
        while start > 0 and capitalised(doc[start - 1]) and not doc[start].is_sent_start \
                and doc[start - 1].lower_ != "the":
            start -= 1
        end = i + 2
        while end < len(doc) and capitalised(doc[end]) and not doc[end].is_sent_start:
            end += 1
        if end - start <= 7:
            yield start, end


def sources(doc: Doc, covered: dict):
    """Capitalised words the NER left out that report news: '(X) reported', 'according to X', 'told X',
    'published in X'."""
    for tok in doc:
        if tok.i in covered or not capitalised(tok) or tok.is_sent_start and tok.pos_ != "PROPN":
            continue
        if tok.i > 0 and capitalised(doc[tok.i - 1]) and not tok.is_sent_start:
            continue  # not the start of a run
        opened = not tok.is_sent_start and after_a_source_opener(doc, tok.i)
        end = _capitalised_run_end(doc, tok.i, covered, modifiers=opened)
        if end == tok.i or end - tok.i > 4:
            continue
        after = doc[end].lower_ if end < len(doc) else ""
        if opened and not _name_goes_on(doc, end) or after in REPORTING_VERBS:
            if _a_source_name(doc[tok.i:end], opened):
                yield tok.i, end


def _a_source_name(span: Span, opened: bool) -> bool:
    """Not a date, nor a known place; everyday words only after an opener, where capitals make them
    a title ('told National Geographic', 'published in Nature')."""
    words = [t for t in span if t.is_alpha]
    named = opened and (len(words) > 1 or span[0].pos_ == "PROPN")
    return bool(words) and (named or not all(t.lower_ in common_words() for t in words)) \
        and not _dated(words) and not known(span)


def _capitalised_run_end(doc: Doc, start: int, covered: dict, modifiers: bool = False) -> int:
    """The end of the capitalised words from `start`, no office's or courtesy title's among them;
    with `modifiers`, words that qualify an office may be a name's ('National Geographic') when
    no office follows them ('National Security Adviser')."""
    end = start
    while end < len(doc) and end not in covered and capitalised(doc[end]) \
            and (not titleish(doc[end]) or modifiers and doc[end].lower_ in L.TITLE_MODIFIERS) \
            and (end == start or not doc[end].is_sent_start):
        end += 1
    if modifiers and end < len(doc) and titleish(doc[end]) and capitalised(doc[end]):
        return start
    return end


def credits(doc: Doc):
    """'Photo: Bradley Secker / Getty Images': a photographer (PERSON) and an agency (ORG)."""
    for tok in doc:
        if tok.lower_ not in CREDIT_WORDS or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":":
            continue
        i = tok.i + 2
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1  # "Photo:\u00a0NAME": a non-breaking space is a token of its own
        j = i
        while j < len(doc) and capitalised(doc[j]) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j - i < 2 or j >= len(doc) or doc[j].text not in ("/", "via", "for", "|"):
            continue
        k = j + 1
        while k < len(doc) and (capitalised(doc[k]) or doc[k].text in ("-", "&")) \
                and "\n" not in doc[k - 1].whitespace_:
            k += 1
        agency = Span(doc, j + 1, k, label="ORG") if k > j + 1 else None
        yield Span(doc, i, j, label="PERSON"), agency


def drop_common_words(doc: Doc, spans: list[Span], headline: set[int] = frozenset()) -> list[Span]:
    """A one-word 'name' the article also writes in lower case ('a Tweet' / 'in one tweet'),
    or a phrase in capitals made of such words ('JOIN THE RESISTANCE'), is not a name: the
    spans that COMMON_WORD_RULES do not drop. A word after a capitalised 'The' inside a sentence
    is a title's ('according to The Times'), and the name keeps its 'The'."""
    context = {"lower": {t.lower_ for t in doc if t.is_lower and t.is_alpha},
               "people": {normal(t.text) for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s},
               "common": common_words()}
    # an everyday word the article names as a place ('the electoral district of Groom'): a place's
    # name wherever the article writes it
    places = {normal(s.text) for s in spans if len(s) == 1 and _after_kind_of_place(doc, s)}
    no_names = _acronyms_of_no_name(doc, spans) | _acronyms_of_no_entity(doc, spans, context) | _things(doc, spans)
    out = []
    for s in spans:
        if _speaker_mark(doc, s) or _work_title(doc, s) or _named_illness(doc, s) or _named_craft(doc, s) \
                or s.text in no_names:
            continue
        if normal(s.text) in places:
            out.append(s if s.label_ == "PLACE" else Span(doc, s.start, s.end, label="PLACE"))
        elif not _NOT_A_NAME.match(s.text) and not is_numeral(s.text):  # (no name: 'HIV', 'XXI')
            kept = _kept(doc, s, context, headline)
            if kept is not None:
                out.append(kept)
    return out


def _acronyms_of_no_entity(doc: Doc, spans: list[Span], context: dict) -> set[str]:
    """'Red Hat Enterprise Linux (RHEL)': the acronym a name that is no entity defines is none either."""
    return {short for s in spans if (short := bracketed_acronym(doc, s.end)) and acronym_of(short, s.text)
            and _no_entity_kind(doc, s, _words(s), context)}


def _acronyms_of_no_name(doc: Doc, spans: list[Span]) -> set[str]:
    """'Universal Basic Income (UBI)': the acronym the article defines by words that are no name
    (no span ends before the bracket, no word of a body's, place's or event's name among them,
    no known place) is none either."""
    ends = {s.end for s in spans}
    out = set()
    for tok in doc:
        short = doc[tok.i + 1].text if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")" else None
        if not short or not is_acronym(short) or tok.i in ends:
            continue
        full = next((doc[tok.i - k:tok.i] for k in range(2, min(tok.i, 8) + 1)
                     if acronym_of(short, doc[tok.i - k:tok.i].text)), None)
        if full is not None and not any(t.lower_ in L.NAME_HEADS for t in full) \
                and not any(known(full[a:b]) for a in range(len(full))
                            for b in range(a + 1, min(a + 3, len(full)) + 1)):
            out.add(short)
    return out


def _words(s: Span) -> list:
    return [t for t in s if t.is_alpha]


def _kept(doc: Doc, s: Span, context: dict, headline: set[int]) -> Span | None:
    """The span, the span with the capitalised 'The' before it, or None (a common word)."""
    words = _words(s)
    if known(s) or s.label_ == "PLACE" and normal(s.text) in gazetteer.CELESTIAL_BODIES \
            or is_acronym(s.text) and len(s) == 1 and s.text.lower() not in context["lower"] \
            or _institution(doc, s, context) or s.label_ == "ORG" and _named_by_its_kind(doc, s) \
            or _source_by_title(doc, s) or s.label_ == "EVENT" and DAY_OF_THE_YEAR.fullmatch(s[0].text):
        return s  # (the last: 'the 9/11 attacks', a name of no capital letter)
    if not any(rule(doc, s, words, context) for _, rule in COMMON_WORD_RULES):
        return s
    if _after_capital_the(doc, s, headline) and not _office_alone(doc, s, words, context):
        return Span(doc, s.start - 1, s.end, label=s.label_)
    return None


def _source_by_title(doc: Doc, s: Span) -> bool:
    """'told National Geographic', 'published in Nature': everyday words after an opener of a
    source inside a sentence (not a date's, not a part of a longer name) are a title."""
    return s.label_ == "ORG" and not s[0].is_sent_start and after_a_source_opener(doc, s.start) \
        and not _dated(s) and not _name_goes_on(doc, s.end)


def _name_goes_on(doc: Doc, end: int) -> bool:
    """'Notes from Poland', 'Proceedings of the National Academy': the words are a longer name's."""
    return end + 1 < len(doc) and doc[end].lower_ in ("of", "from", "for") \
        and (capitalised(doc[end + 1]) or doc[end + 1].lower_ == "the")


def _named_by_its_kind(doc: Doc, s: Span) -> bool:
    """'the journal Nature', 'the newspaper Times': an everyday word right after the kind of body
    it names is that body's name."""
    return s.start > 0 and doc[s.start - 1].is_lower and doc[s.start - 1].lower_ in L.ORGANISATION_KIND_NOUNS \
        and doc[s.start - 1].lower_ not in {"group", "party", "movement"} | L.KIND_NOUNS_ALSO_ADJECTIVES


def _after_capital_the(doc: Doc, s: Span, headline: set[int]) -> bool:
    """'told The Guardian': 'The' capitalised where no sentence, quotation or headline starts."""
    if len(s) != 1 or s.label_ != "ORG" or s.start < 2 or s.start - 1 in headline:
        return False
    the, before = doc[s.start - 1], doc[s.start - 2]
    return the.text == "The" and not the.is_sent_start and (before.is_alpha or before.text == ",") \
        and "\n" not in before.whitespace_


def _after_kind_of_place(doc: Doc, s: Span) -> bool:
    """'the town of Hope', 'the seat of Groom': a capitalised word after a kind of place and 'of'."""
    return s.start >= 2 and doc[s.start - 1].lower_ == "of" and s[0].is_title and not s[0].is_sent_start \
        and doc[s.start - 2].lower_ in L.PLACE_NOUNS_BEFORE_A_NAME | L.ELECTORAL_PLACE_NOUNS


def _named_illness(doc: Doc, s: Span) -> bool:
    """'Alzheimer's disease', 'Down's syndrome': an illness named after its discoverer; 'the
    Powassan virus', 'the Streisand effect': a virus or an effect named after a place or a person
    no other word of the sentence names (not 'the Wuhan virus', a known place)."""
    if s.end + 1 < len(doc) and doc[s.end].text in ("'s", "\u2019s") \
            and doc[s.end + 1].lower_ in ("disease", "syndrome", "disorder", "palsy"):
        return True
    return s.end < len(doc) and doc[s.end].lower_ in ("virus", "effect", "bacterium", "fever") \
        and gazetteer.place_kind(s.text) is None


def _named_craft(doc: Doc, s: Span) -> bool:
    """'NASA's James Webb space telescope': a person's name before a craft's or an instrument's
    noun in lower case (after at most one more word) names the craft."""
    after = [t for t in doc[s.end:s.end + 2] if t.is_lower]
    return s.label_ == "PERSON" and bool(after) and after[0].i == s.end \
        and any(t.lower_ in L.CRAFT_NOUNS for t in after)


def _things(doc: Doc, spans: list[Span]) -> set[str]:
    """The names said to be things of no entity's kind, and the acronyms in brackets after them."""
    things = [s for s in spans if _said_to_be_a_thing(doc, s)]
    return {s.text for s in things} | {short for s in things if (short := bracketed_acronym(doc, s.end))}


def _said_to_be_a_thing(doc: Doc, s: Span) -> bool:
    """'a technology called non-destructive Zooarchaeology by Mass Spectrometry', 'this method
    ZooMS', 'the drug Remdesivir': the text says the name is of a kind of thing that is no entity
    (lexicon.THING_NOUNS)."""
    before = doc[s.start - 1] if s.start > 0 else None
    if before is not None and before.is_lower and before.lower_ in L.THING_NOUNS:
        return True
    for k in range(s.start - 1, max(0, s.start - 9), -1):
        if doc[k].lower_ in ("called", "named"):
            return doc[k - 1].is_lower and doc[k - 1].lower_ in L.THING_NOUNS
        if doc[k].is_punct and doc[k].text != "-":
            return False
    return False


def _work_title(doc: Doc, s: Span) -> bool:
    """'an artwork entitled America', 'a film titled "Ann Ford"': the title of a work, quoted,
    whatever names it holds (GUIDELINES: works by title alone are no entities)."""
    i = s.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    return i >= 0 and doc[i].lower_ in L.TITLE_MARKERS


def _speaker_mark(doc: Doc, s: Span) -> bool:
    """'((WN)) Thank you': the initials in double brackets that mark who speaks in a transcript
    are no name in the text."""
    return is_acronym(s.text) and s.start >= 2 and s.end + 1 < len(doc) \
        and [t.text for t in doc[s.start - 2:s.start]] == ["(", "("] \
        and [t.text for t in doc[s.end:s.end + 2]] == [")", ")"]


def _institution(doc: Doc, s: Span, context: dict) -> bool:
    """'House' in 'House Speaker X' or 'the Senate and House': an institution named by its head
    word, capitalised where the article never writes it in lower case, or before its office."""
    if len(s) != 1 or s.label_ != "ORG" or s[0].lower_ not in INSTITUTION_HEADS:
        return False
    j = s.end
    while j < len(doc) and doc[j].lower_ in L.TITLE_MODIFIERS:
        j += 1
    return j < len(doc) and is_role(doc[j].lower_) or not s[0].is_sent_start and s[0].lower_ not in context["lower"]


def _family_name(doc: Doc, s: Span, words: list, context: dict) -> bool:
    return s.label_ == "PERSON" and len(words) == 1 and s.end < len(doc) and doc[s.end].lower_ in L.FAMILY_NOUNS


def _all_lower_case(doc: Doc, s: Span, words: list, context: dict) -> bool:
    """'the 2020 presidential campaign', 'his 2008 presidential nomination': no capital letter, so
    no proper name -- but for an election or a contest named by its year and kind ('the 2018
    midterm elections'), which news and the guidelines treat as the event's name."""
    return bool(words) and not any(any(c.isupper() for c in t.text) for t in s) \
        and s[-1].lower_ not in L.NAMED_EVENT_HEADS


def _office_alone(doc, s, words, c) -> bool:
    """One word that is an office, its holders or its term, not a body's name ('House' stays)."""
    if len(words) != 1 or s[0].lower_ in INSTITUTION_HEADS or normal(s.text) in c["people"]:
        return False  # ('Mayor' after 'Michel Mayor': the surname)
    word = words[0].lower_
    return L.role_kind(word) is not None or L.plural_role(word) is not None or word in L.OFFICE_TERMS


def _field_before_its_holder(doc, s, words, c) -> bool:
    """'Director of National Intelligence Ann Ford': the everyday words an office is of, right
    before its holder's name, name no body."""
    return s.label_ != "PERSON" and s.start > 0 and doc[s.start - 1].lower_ == "of" and s.end < len(doc) \
        and normal(doc[s.end].text) in c["people"] and field_of_an_office(doc, s.end)


def _no_entity_kind(doc, s, words, c) -> bool:
    """'the Nobel Prize', 'Labour Day', 'COVID-19', 'SARS-CoV-2', 'GBP738', 'LGBT activists': awards,
    days, diseases, sums of money and the letters of a cause are no entities of the guidelines."""
    text = s.text
    if words and words[-1].lower_ in L.SOFTWARE_HEADS:
        return True
    if s.label_ == "PERSON" and len(words) == 2 and given_name_first(s):
        return False  # ('Doris Day'; not 'Martin Luther King Jr. Day')
    return len(s) > 1 and bool(words) and words[-1].lower_ in L.NOT_ENTITY_HEADS or bool(_NOT_A_NAME.match(text))


_NOT_A_NAME = re.compile(r"^(COVID(-19)?|SARS(-CoV(-2)?)?|MERS(-CoV)?|H\d+N\d+|HIV|AIDS|Ebola|"
                               r"LGBTQ?I?A?\+?|(USD|GBP|EUR|JPY|AUD|CAD|INR|CNY|RUB)\s?\d[\d,.]*)$")


def _also_lower_case(doc, s, words, c) -> bool:
    return len(words) == 1 and words[0].lower_ in c["lower"] and (not words[0].is_upper or len(words[0]) > 5)


def _everyday_word(doc, s, words, c) -> bool:
    # (a party's member capitalised inside a sentence is a group: "X, a Democrat from Ohio")
    return len(words) == 1 and len(s) == 1 and words[0].lower_ in c["common"] and normal(s.text) not in c["people"] \
        and not words[0].is_upper and not (words[0].lower_ in L.PARTY_MEMBER_NOUNS and not words[0].is_sent_start)


def _noun_starting_a_sentence(doc, s, words, c) -> bool:
    # (a kind of place, however tagged: "County sheriff X told ...", the county named before; a
    # quotation opens a sentence too: 'They reported, "Macroalgae are ...')
    return len(s) == 1 and (s[0].is_sent_start or _opens_a_quotation(doc, s.start)) and (
        s[0].pos_ == "NOUN" and s[0].tag_ in ("NNS", "NN")
        or s[0].lower_ in L.PLACE_GENERICS and s.end < len(doc) and doc[s.end].is_lower) \
        and normal(s.text) not in c["people"]


def _opens_a_quotation(doc: Doc, i: int) -> bool:
    """The word right after a quotation mark that opens a sentence or follows ',' or ':'."""
    return i >= 1 and doc[i - 1].text in ('"', "\u201c") and (
        doc[i - 1].is_sent_start or i >= 2 and doc[i - 2].text in (",", ":"))


def _shouted(doc, s, words, c) -> bool:
    return s.text.isupper() and len(words) > 1 and (len(words) >= 3 or any(t.is_stop for t in words))


def _after_a(doc, s, words, c) -> bool:
    return len(words) == 1 and s.start > 0 and doc[s.start - 1].lower_ in ("a", "an") and s.label_ != "GROUP" \
        and not (s.end < len(doc) and doc[s.end].pos_ in ("NOUN", "PROPN"))


# Capitalised words that are no names: (an example, the test).
COMMON_WORD_RULES = [
    ("a Tweet / tweet; JOIN THE RESISTANCE / resistance", _also_lower_case),
    ("the Economy: an everyday word, capitalised", _everyday_word),
    ("Clips on social media show ...: a common noun starting the sentence", _noun_starting_a_sentence),
    ("JOIN THE RESISTANCE: a shouted phrase", _shouted),
    ("a Tweet by ... (but 'a YouTube video' names YouTube)", _after_a),
    ("the Nobel Prize, Labour Day, COVID-19, GBP738: no entities", _no_entity_kind),
    ("two different Presidents, during X's Presidency: an office, not a name", _office_alone),
    ("the Vanderbilt family: a family by its surname, no mention of a person", _family_name),
    ("Director of National Intelligence Ann Ford: the field of an office before its holder", _field_before_its_holder),
    ("the 2020 presidential campaign: no capital letter (but the 2018 midterm elections)", _all_lower_case),
]


def headline_tokens(doc: Doc) -> set[int]:
    """Tokens of title-case lines (headlines), where capitals say nothing about names: a whole
    line whose longer words are all capitalised but for a few function words, with at least
    two everyday words among them (so a line of names, such as a caption, is no headline)."""
    common = {t.lower_ for t in doc if t.is_lower and t.is_alpha} | common_words()
    out: set[int] = set()
    line: list = []
    for tok in list(doc) + [None]:
        if tok is None or (tok.is_space and "\n" in tok.text) or (line and "\n" in line[-1].whitespace_):
            if _title_case_line(line, common):
                out.update(t.i for t in line)
            line = []
            if tok is None or tok.is_space:
                continue
        line.append(tok)
    return out


def _title_case_line(line: list, common: set[str]) -> bool:
    if not line:
        return False
    words = [t for t in line if t.is_alpha and len(t.text) > 3 and t.i != line[0].i]
    lower = [t for t in words if t.is_lower and t.lower_ not in HEADLINE_SMALL_WORDS]
    # (an office before a name is capitalised in a sentence too: "Kenyan Foreign Minister X met ...")
    capital_common = [t for t in words if t.text[:1].isupper() and t.lower_ in common and not L.is_role_word(t.lower_)]
    return len(words) >= 3 and len(lower) <= 0.05 * len(words) and len(capital_common) >= 2


def gazetteer_spans(doc: Doc, hints: dict):
    """(span, strong) for every known place or nationality written as a proper name; a
    dateline's country code ('Bangkok, TH') gives its country as a label hint."""
    codes = gazetteer.country_codes()
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.lower_ == "the":
            i += 1  # "The United Kingdom": the article is not part of the name
            continue
        found = _dateline_place(doc, i)
        if found:  # its name as a reader writes it ('EL GENEINA' is El Geneina)
            hints[(found[0].start_char, found[0].end_char)] = found[0].text.title()
        found = found or _known_place_at(doc, i)
        # Dateline: "Bangkok, TH" — a place, a comma, an ISO country code ending the line.
        if (found is None and len(tok.text) == 2 and tok.text.isupper() and tok.text in codes and i >= 2
                and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper()
                and (i + 1 == n or "\n" in doc[i].whitespace_ + doc[i + 1].text)):
            found = (Span(doc, i, i + 1, label="PLACE"), True)
            hints[(tok.idx, tok.idx + len(tok.text))] = codes[tok.text]
        if found:
            yield found
            i = found[0].end
        else:
            i += 1


_DASHES = {"—", "–", "-", "--"}


def _dateline_place(doc: Doc, i: int) -> tuple[Span, bool] | None:
    """A wire story's dateline: a place in capitals opening a line, before its country or state,
    the agency in brackets or the dash ('EL GENEINA, Sudan (AFP) —', 'BEIRUT —'), whatever
    the tagger made of the capitals (it reads them as an organisation's)."""
    if i > 0 and "\n" not in doc[i - 1].whitespace_ + doc[i - 1].text:
        return None
    j = i
    while j < len(doc) and j - i < 4 and doc[j].is_upper and (doc[j].is_alpha or doc[j].text.rstrip(".").isalpha()):
        j += 1
    if j == i or j >= len(doc) - 1 or max(len(t.text) for t in doc[i:j]) < 3 or "\n" in doc[i:j].text:
        return None
    # up to the dash, only its country or state, a date and the agency: no word in lower case
    for k in range(j, min(j + 12, len(doc))):
        if doc[k].text in _DASHES and doc[k - 1].whitespace_:  # (not the hyphen of 'NATO Secretary-General')
            return (Span(doc, i, j, label="PLACE"), True) if k > j or doc[j].text in _DASHES else None
        if doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in _NAME_LINKS \
                or "\n" in doc[k].text + doc[k].whitespace_:
            return None  # (but for the little words of a country's name: 'Republic of Congo')
    return None


_NAME_LINKS = {"of", "the", "and", "de", "du", "del", "do", "da", "upon"}


def _known_place_at(doc: Doc, i: int) -> tuple[Span, bool] | None:
    """The longest known country, region, nationality, subdivision or city starting at token i
    (up to four words; little words in lower case inside: 'Rio Grande do Sul', 'Newcastle upon
    Tyne')."""
    countries, demonyms = gazetteer.countries(), gazetteer.demonyms()
    subdivisions, cities = gazetteer.subdivisions(), gazetteer.cities()
    if surname_of_one_named_before(doc, i):
        return None
    for length in range(min(4, len(doc) - i), 0, -1):
        span = doc[i:i + length]
        if not span[-1].text[:1].isupper() and not span[-1].text[:1].isdigit():
            continue
        if any(t.is_sent_start for t in span[1:]) or any(t.is_space for t in span):
            continue
        key = normal(span.text)
        if (key in countries and (len(key) > 4 or span.text.replace(".", "").isupper() or _short_country(span, key))) \
                or key in gazetteer.REGIONS:
            return Span(doc, i, i + length, label="PLACE"), True
        if key in demonyms and length <= 2 and not in_name(doc, i, i + length):
            return Span(doc, i, i + length, label="GROUP"), True
        if length == 1 and _party_word_at(doc, i):
            # "the Libertarian candidate", "Republican lawmakers", "Republican Representative X": a
            # party's word is its people
            return Span(doc, i, i + 1, label="GROUP"), False
        if (key in subdivisions or key in cities or key in gazetteer.CELESTIAL_BODIES) and _proper_words(span) \
                and not in_name(doc, i, i + length):
            return Span(doc, i, _with_its_generic_word(doc, i + length), label="PLACE"), False
    return None


def _short_country(span: Span, key: str) -> bool:
    """'Mali', 'Peru': a country's own short name, which is no given name ('Chad') and no other
    word for it ('Mann', 'Thai')."""
    return gazetteer.countries()[key] == span.text and key not in gazetteer.given_names()


def _proper_words(span: Span) -> bool:
    """Proper nouns, with little words in lower case inside ('Rio Grande do Sul')."""
    return all(t.pos_ in ("PROPN", "") or 0 < k < len(span) - 1 and t.is_lower and t.is_alpha and len(t) <= 4
               for k, t in enumerate(span))


def _with_its_generic_word(doc: Doc, end: int) -> int:
    """'Riverside County', 'Kandahar Province': a capitalised generic word after a known place is
    the name's (not the first word of an office after it: 'Manhattan' + 'District Attorney')."""
    if end < len(doc) and doc[end].is_title and doc[end].lower_ in L.PLACE_GENERICS and not doc[end].is_sent_start \
            and not (end + 1 < len(doc) and f"{doc[end].lower_} {doc[end + 1].lower_}" in L.PART_OFFICES):
        return end + 1
    return end


def _party_word_at(doc: Doc, i: int) -> bool:
    """A party's capitalised word before a lower-case word or an office, inside a sentence."""
    tok = doc[i]
    if normal(tok.text) not in L.PARTY_ADJECTIVES - L.PARTY_WORDS_OF_OTHER_THINGS or not tok.is_title \
            or i + 1 == len(doc) or in_name(doc, i, i + 1):
        return False
    office = is_role(doc[i + 1].lower_) or bool(L.plural_role(doc[i + 1].lower_))
    # (opening a sentence, only before an office: "Democratic candidate X", not "Conservative estimates")
    return office if tok.is_sent_start else doc[i + 1].is_lower or office


def in_name(doc: Doc, start: int, end: int) -> bool:
    """True when the words around are capitalised too, so the match is part of a longer name
    ('American University', 'Georgia Tech') rather than a place or nationality by itself."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None

    def cap(t):
        return t is not None and capitalised(t) and t.pos_ in ("PROPN", "")

    return (cap(before) and not doc[start].is_sent_start and before.lower_.rstrip(".") not in L.HONORIFICS
            and not is_role(before.lower_)) or \
        (cap(after) and not after.is_sent_start and after.lower_ not in L.PLACE_GENERICS
         # "Iranian President X", "Republican Senators X and Y": an office after a people is no name of theirs
         and not (is_role(after.lower_) or L.plural_role(after.lower_) or after.lower_.rstrip(".") in L.HONORIFICS))
