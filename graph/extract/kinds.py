"""What kind of thing a name names: its head word, the gazetteers, its context in the
sentence ("X, a former ambassador"; "the island X") and the article's own people."""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..context import place_of
from ..names import institution, is_acronym, normal
from .. import lexicon as L
from ..lexicon import common_words
from .tokens import (COMPASS, PARTICLES, PLACE_NOUNS_BEFORE_A_NAME, REPORTING_VERBS, after_a_source_opener,
                     after_prefix, apposition_noun, head_word, is_role, is_year, known, name_words, occupation,
                     surname_of_one_named_before)


def people_of_place(text: str) -> bool:
    """'Londoner', 'Hong Kongers', 'Montanans', 'Ohioans', 'Bostonians': a known place's name with
    -er(s), or in the plural with -ns, -ans or -ians, a noun for its people."""
    text = text.removesuffix("'s").removesuffix("\u2019s")
    if gazetteer.place_kind(text) is not None:
        return False  # ("Athens", "New Orleans": a place's own name)
    for ending, ends in (("ers", ("",)), ("er", ("",)), ("ians", ("", "a")), ("ans", ("", "e")), ("ns", ("",))):
        if text.endswith(ending) and len(text) > len(ending) + 3:
            stem = text[:-len(ending)]
            if stem[:1].isupper() and any(gazetteer.place_kind(stem + e) is not None for e in ends):
                return True
    return False


def retype(span: Span) -> Span:
    """The head word decides where it is unambiguous; acronyms are not people: the first rule
    of RETYPES that applies gives the span's type."""
    if len(span) == 1 and span.label_ in ("PLACE", "ORG") and surname_of_one_named_before(span.doc, span.start):
        return Span(span.doc, span.start, span.end, label="PERSON")
    kind = gazetteer.place_kind(span.text)
    words = normal(span.text).split()
    if kind in ("country", "region") or " ".join(words) in gazetteer.CELESTIAL_BODIES or (
            len(words) > 1 and words[0] in COMPASS and gazetteer.place_kind(" ".join(words[1:])) is not None):
        # "Eastern Mediterranean", "northern Syria": a part of a known place is a place
        return span if span.label_ == "PLACE" else Span(span.doc, span.start, span.end, label="PLACE")
    head = head_word(span)
    label = next((new for _, rule in RETYPES if (new := rule(span, span.label_, head, kind))), span.label_)
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


def _the_sun(span, label, head, kind):
    """'cooler than the Sun', 'orbits the Sun': the star is a place. Not the newspaper, which is
    'The Sun' or a source ('told the Sun', 'the Sun reported', 'the Sun newspaper')."""
    doc, i = span.doc, span.start
    if label == "PLACE" or span.text != "Sun" or i == 0 or doc[i - 1].text != "the":
        return None
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    named_as_source = after in L.REPORTING_VERBS | L.ORGANISATION_KIND_NOUNS | {"said", "says"}
    return None if after_a_source_opener(doc, i - 1) or named_as_source else "PLACE"


def _political_body_after(span, label, head, kind):
    """'the Historic Pact coalition', 'the Zanzar Unity party': a name its political body's kind
    follows is that body's (but 'the Gulf War coalition' is a war's)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return "ORG" if after is not None and after.is_lower and after.lower_ in L.POLITICAL_BODY_KINDS \
        and (label in ("EVENT", "ORG") or label == "PLACE" and kind is None) and head not in L.CONFLICT_HEADS \
        else None


def _body_a_role_is_of(span, label, head, kind):
    """'the president of World Athletics': an event to the recogniser, but an office is of a body
    (not of a name with an event's head word: 'chairman of the Tokyo Games'); 'the manager of
    Barmouth Publicity': no one leads or manages a person (but 'a supporter of X', 'an ally of X')."""
    doc, i = span.doc, span.start - 1
    if label not in ("EVENT", "PERSON") or head in L.EVENT_HEADS or i < 1 or label == "PERSON" and kind:
        return None
    if doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("of", "for"):
        return None
    role = doc[i - 1].lower_
    if label == "EVENT":
        return "ORG" if is_role(role) else None
    # (a faith is no body: 'the leader of Catholic Christianity'; 'the head of Jesus' is his head)
    if doc[i].lower_ != "of" or role not in L.RUNS_WHAT_IT_IS_OF \
            or any(t.lower_ in L.RELIGIONS for t in span):
        return None
    return "PLACE" if role in ("mayor", "governor") else "ORG"  # ('the mayor of Esperanza': a town)


def _state_of_a_known_place(span, label, head, kind):
    """'the State of Virginia', 'the Commonwealth of Massachusetts': a known state by its formal name."""
    words = normal(span.text).split(" of ", 1)
    return "PLACE" if label != "PLACE" and len(words) == 2 and words[0] in ("state", "commonwealth") \
        and gazetteer.place_kind(words[1]) in ("subdivision", "country") else None


def _ruling_body(span, label, head, kind):
    """'the ruling Democratic Rally', 'the governing National Front': what rules is a party or a
    body, whatever its head word."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return "ORG" if before is not None and before.lower_ in L.GOVERNING_WORDS \
        and before.is_lower and (before.dep_ == "amod" or before.pos_ in ("ADJ", "VERB")) and kind is None else None


def _brand_retype(span, label, head, kind):
    return "ORG" if label in ("PERSON", "PLACE") and kind is None and len(span) == 1 and brand_shaped(span[0]) \
        else None


def _event_head(span, label, head, kind):
    return "EVENT" if head in L.EVENT_HEADS and label != "EVENT" else None


def _org_head(span, label, head, kind):
    # (not a river's bank by its side: 'West Bank', 'South Bank'; but 'Central Bank')
    if len(span) > 1 and head == "bank" and all(t.lower_ in L.COMPASS - {"central"} for t in span[:-1]):
        return None
    return "ORG" if head in L.ORG_HEADS and label in ("PERSON", "PLACE", "GROUP", "EVENT") and not _venue(span) \
        else None


def _venue(span) -> bool:
    """'the Mesquite Convention Center': a centre or a hall for events, a place."""
    return len(span) > 2 and span[-1].lower_ in ("center", "centre", "hall") and span[-2].lower_ in L.VENUE_WORDS


def _an_exit(span, label, head, kind):
    """'Brexit', 'Grexit': a country's exit blended into one word names the event of its leaving."""
    word = span.text
    return "EVENT" if len(span) == 1 and len(word) >= 5 and word[:1].isupper() and word[1:].islower() \
        and word.endswith("xit") else None


def _named_for_a_body_noun(span, label, head, kind):
    """'the French Civil Security service', 'the EB Games store': what the recogniser took for an
    event is the body the common noun after it says."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return "ORG" if label == "EVENT" and after is not None and after.is_lower \
        and after.lower_ in L.BODY_NOUNS_AFTER_A_NAME else None


def _company_word(span, label, head, kind):
    """'World Wrestling Entertainment', 'Zarin Holdings': a trade's word ends a company's name (not
    'Samantha Power', a given name then a surname)."""
    return "ORG" if len(span) > 1 and span[-1].is_title and head in L.COMPANY_WORDS and (
        label == "EVENT" or label == "PERSON" and not given_name_first(span)) else None


def _body_by_its_first_word(span, label, head, kind):
    """'Institut Pasteur', 'Partido Popular', 'Universidad de Chile': names of other languages
    open with the body's word."""
    return "ORG" if len(span) > 1 and label in ("PERSON", "PLACE", "GROUP", "EVENT") \
        and span[0].lower_ in L.BODY_FIRST_WORDS and span[0].text[:1].isupper() else None


def _legislature(span, label, head, kind):
    """'United States House of Representatives', 'Republican Senate': a legislature named by its
    generic words is an organisation (not 'the White House', 'Sydney Opera House')."""
    if label in ("PERSON", "PLACE", "EVENT") and head in L.CHAMBER_WORDS:
        found = institution(span.text, place_of)
        return "ORG" if found and found[0].split()[0] in L.CHAMBER_WORDS else None
    return None


def _dated_name(span, label, head, kind):
    """'Anime North 2019', 'Expo 2020': a name that ends in a year is an event's (an edition); so is
    a caucus or congress a year opens ('2020 Iowa Democratic caucus', not the 'Iowa Democratic Caucus')."""
    if len(span) > 2 and is_year(span[0].text) and head in ("caucus", "caucuses", "congress"):
        return "EVENT"  # (kept an event when the recogniser said so: not the body of its head word)
    if len(span) < 2 or label not in ("PERSON", "ORG", "PLACE"):
        return None
    last = span[-1].text
    return "EVENT" if is_year(last) and span[-2].text[:1].isupper() else None


def _before_letters(span, label, head, kind):
    doc = span.doc
    return "PERSON" if label != "PERSON" and kind is None and span.end < len(doc) and doc[span.end].is_upper \
        and doc[span.end].lower_.replace(".", "") in L.PERSON_POSTNOMINALS else None


def _place_head(span, label, head, kind):
    # (not a person whose surname is a place's word: "Darrell Castle", "Bruce Arena"; but no one's
    # surname is an administrative area's: "Shan State")
    if label == "PERSON" and _administrative_area(span):
        return "PLACE"
    return "PLACE" if (head in L.PLACE_HEADS or _venue(span)) and label in ("PERSON", "ORG", "GROUP", "EVENT") \
        and len(span) > 1 \
        and not (label == "PERSON" and len(span) == 2 and given_name_first(span)) else None


def _administrative_area(span) -> bool:
    """'Shan State', 'Lakeside County': a name that ends in an administrative area's word."""
    return len(span) > 1 and span[-1].is_title and span[-1].lower_ in L.ADMINISTRATIVE_GENERICS


def _team_of_a_place(span, label, head, kind):
    """'the Los Angeles Lakers', 'the Chicago Bulls': a known place's name, then one capitalised
    plural that is no place's word ('Niagara Falls', 'Palm Springs') nor a people's, is a team."""
    if label != "PLACE" or len(span) < 2:
        return None
    last = span[-1]
    return "ORG" if last.text[:1].isupper() and last.lower_.endswith("s") \
        and last.tag_ in ("NNPS", "NNP") and head not in L.PLACE_HEADS and last.lower_[:-1] not in L.PLACE_HEADS \
        and last.lower_ not in common_words() and not known(span[-1:]) and known(span[:-1]) \
        and normal(last.text) not in gazetteer.demonyms() and not _people_plural(last.text) else None


def _police_body(span, label, head, kind):
    """'the Paris Police Prefecture', 'Lakeside Police District': a police force's office, named by an
    administrative word, is a body (the prefecture of a police, not a prefecture of a country)."""
    words = [t.lower_ for t in span if not t.is_punct]
    return "ORG" if len(words) > 1 and words[-1] == head and head in L.ADMINISTRATIVE_GENERICS \
        and words[-2] in L.FORCE_WORDS else None


def _kind_of_place_after(span, label, head, kind):
    """'the Zamzam camp', 'the Zarin valley', 'Kalma village': a name before a place's kind in lower
    case is the place's (the tagger reads a bare unknown word as a person's or a body's)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return "PLACE" if label in ("PERSON", "ORG") and after is not None and after.is_lower \
        and after.lower_ in L.PLACE_KINDS_AFTER_A_NAME and not (label == "PERSON" and len(span) > 1) \
        and not (span.end + 1 < len(doc) and doc[span.end + 1].text in ("'s", "\u2019s")) else None


def is_storm(span) -> bool:
    """'Hurricane Dorian', 'Tropical Storm Karen'."""
    return len(span) > 1 and span[0].lower_ in L.STORM_WORDS and span[0].text[:1].isupper()


def _storm(span, label, head, kind):
    return "EVENT" if label != "EVENT" and is_storm(span) else None


def _people_of_a_place(span, label, head, kind):
    return "GROUP" if label in ("PERSON", "GROUP", "PLACE") and people_of_place(span.text) else None


def _conference_of_members(span, label, head, kind):
    """'the National Conference of State Legislatures', 'the Conference of Mayors', 'the Catholic
    Bishops' Conference': a conference of its members, in the plural, is a standing body, not a
    meeting."""
    words = [t for t in span if not t.is_punct]
    k = next((k for k, t in enumerate(words) if t.lower_ == "of"), None)
    if head in ("conference", "congress") and any(t.text in ("'", "\u2019") and t.i > span.start
                                                  and span.doc[t.i - 1].lower_.endswith("s") for t in span):
        return "ORG"  # "the Catholic Bishops' Conference": its members' conference, a body
    if head not in ("conference", "congress") or k is None or k + 1 >= len(words):
        return None
    members = [t for t in words[k + 1:] if t.lower_ != "the"]
    last = members[-1] if members else None
    return "ORG" if last is not None and last.text[:1].isupper() and last.lower_.endswith("s") \
        and (last.tag_ in ("NNS", "NNPS") or last.lower_[:-1] in common_words()) else None


def _acronym_person(span, label, head, kind):
    return "ORG" if label == "PERSON" and len(span) == 1 and is_acronym(span.text) else None


def _plural_people(span, label, head, kind):
    # ('recaptured from Houthis', taken for a place: its singular names an armed group elsewhere,
    # 'Houthi rebels', or a people)
    if len(span) != 1:
        return None
    singular = _singular_used(span) if label == "PLACE" and not known(span) else None
    plural = span[0].tag_ == "NNPS" and label in ("ORG", "PERSON") or singular is not None \
        or label == "PLACE" and not known(span) and span[0].dep_ == "nsubj"  # ('the Houthis fired')
    if not (plural and _people_plural(span.text) and head not in L.ORG_HEADS and not organisation_context(span)):
        return None
    return "ORG" if singular else "GROUP"


def _singular_used(span) -> bool | None:
    """'Houthis' where the article also writes 'Houthi', capitalised: True when before a word of an
    organisation's people ('Houthi rebels'), False elsewhere only; None when it does not."""
    singular = span.text[:-1]
    if not span.text.endswith("s"):
        return None
    uses = [t for t in span.doc if t.text == singular]
    if not uses:
        return None
    return any(t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in L.ORGANISATION_AFTER for t in uses)


def _people_plural(word: str) -> bool:
    """'Soviets', 'Melbournians', 'Houthis', 'Islamists': a plural with a people's ending or a party's
    word; a firm's or a team's name that ends in s ('Woolworths', 'Lakers', '49ers') is none."""
    lower = word.lower()
    return lower in L.PARTY_MEMBER_NOUNS or normal(word).removesuffix("s") in gazetteer.demonyms() \
        or lower.endswith(L.PEOPLE_PLURAL_ENDINGS)


def _party_word(span, label, head, kind):
    if len(span) != 1 or not span[0].text[:1].isupper():
        return None
    if span[0].lower_ in L.PARTY_NAME_WORDS:
        return "ORG"
    party_people = span[0].lower_ in L.PARTY_ADJECTIVES | L.PARTY_MEMBER_NOUNS
    return "GROUP" if label in ("PERSON", "ORG", "PLACE") and party_people else None


def _place_of_an_office(span, label, head, kind):
    doc = span.doc
    return "PLACE" if label == "PERSON" and kind and span.start > 1 and doc[span.start - 1].lower_ == "of" \
        and is_role(doc[span.start - 2].lower_) else None


def _person_after_a_personal_title(span, label, head, kind):
    """'under President Valéry Giscard d'Estaing', taken for a body: a name opening with a given
    name right after a title only a person holds is a person's."""
    doc = span.doc
    return "PERSON" if label in ("ORG", "PLACE") and span.start > 0 and kind is None \
        and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].lower_.rstrip(".") in L.PERSONAL_TITLES \
        and len(span) >= 2 and given_name_first(span) and head not in L.NAME_HEADS else None


def _named_after_a_role(span, label, head, kind):
    """'City manager Pep Guardiola', 'the striker Erling Haaland': two or three capitalised words
    right after a lower-case role word, no known place and no body's, place's or event's head
    word, are a person's name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return "PERSON" if label in ("PLACE", "ORG") and before is not None and before.is_lower \
        and is_role(before.lower_) and 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) \
        and kind is None and not any(known(t) for t in span) and head not in L.NAME_HEADS else None


def _team_before_a_position(span, label, head, kind):
    """'Manchester City striker X', 'Caloundra half back X': a name no gazetteer knows before a
    player's position and a name is a team's."""
    doc, end = span.doc, span.end
    if label not in ("PLACE", "GROUP", "ORG") or kind is not None or end + 1 >= len(doc):
        return None
    word = doc[end].lower_
    position = word in L.PLAYER_POSITIONS or word in L.TEAM_POSITIONS \
        or word == "half" and doc[end + 1].lower_ == "back"
    return "ORG" if position and doc[end].is_lower and doc[end + 1 + (word == "half")].is_title else None


def _reporting_person(span, label, head, kind):
    # a place only when the gazetteer does not know it: the retrained NER tags an outlet by its
    # first word's place ("Kabul Daily Wire")
    shaped = label == "PERSON" or (label == "PLACE" and kind is None and len(span) > 1)
    return "ORG" if shaped and span.end < len(span.doc) and span.doc[span.end].lower_ in REPORTING_VERBS \
        and any(t.lower_ in common_words() or known(t) for t in span if t.is_alpha) else None


def _described_as_person(span, label, head, kind):
    return "PERSON" if label in ("PLACE", "ORG", "GROUP") and head not in L.NAME_HEADS \
        and not _administrative_area(span) \
        and 2 <= len(name_words(span)) <= 4 and all(t.text[:1].isupper() or _syllable(t) for t in span) \
        and normal(span.text) not in gazetteer.demonyms() \
        and (role_follows(span) or role_before(span) or given_name_first(span)) else None


def _people_words(span, label, head, kind):
    """'Argentine', 'Islamic' (an adjective alone), 'Chinese-American', 'Eastern Europeans', 'Liberal
    Democrat', 'Indigenous Australians': a people's or a party's words, not a body or a place."""
    if label == "GROUP" or kind:
        return None
    words = [t for t in span if t.text not in ("-", "\u2013")]
    if len(span) == 1 and span[0].pos_ == "ADJ" and span[0].text[:1].isupper() and not is_acronym(span.text):
        return "GROUP"
    demonyms = gazetteer.demonyms()
    people = [normal(t.text) in demonyms or normal(t.text).rstrip("s") in demonyms or t.lower_ in COMPASS
              or t.lower_ in L.PARTY_ADJECTIVES or t.lower_ in L.PARTY_MEMBER_NOUNS
              or k + 1 < len(words) and t.lower_ in L.PEOPLE_MODIFIERS for k, t in enumerate(words)]
    return "GROUP" if len(words) > 1 and all(people) and not all(t.lower_ in COMPASS for t in words) else None


def _syllabic_given_name(span, label, head, kind):
    """'Park Won-soon', 'Ban Ki-moon': a family name, then a given name of two syllables joined by
    a hyphen, the second in lower case (romanised Korean and Chinese names)."""
    if label == "PERSON" or len(span) != 4 or kind:
        return None
    family, first, hyphen, second = span
    return "PERSON" if family.text[:1].isupper() and first.text[:1].isupper() and family.is_alpha and first.is_alpha \
        and hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_ and second.is_lower \
        and second.is_alpha and second.lower_ not in L.AREA_SYLLABLES else None


def _unknown_group(span, label, head, kind):
    if label == "GROUP" and normal(span.text) not in gazetteer.demonyms() and not span.text.endswith("s") \
            and not (len(span) == 1 and span[0].lower_ in L.PARTY_ADJECTIVES):  # "the Libertarian candidate"
        return guess_type(span) or "ORG"
    return None


def _place_by_context(span, label, head, kind):
    """'towns including X and Y', 'the cities X and Y': places by the list they are in."""
    return "PLACE" if label in ("PERSON", "ORG", "PLACE") and _in_a_list_of(span.doc, span.start, _plural_place_noun) \
        else None


def _place_after_its_kind(span, label, head, kind):
    return "PLACE" if label in ("PERSON", "ORG") and after_its_kind_of_place(span.doc, span.start) else None


def after_its_kind_of_place(doc: Doc, i: int) -> bool:
    """'in the capital, Naypyitaw, ...': a name in apposition to a kind of place is a place (though
    a role follows it: '..., state broadcaster X reported')."""
    return i >= 3 and doc[i - 1].text == "," and doc[i - 2].lower_ in PLACE_NOUNS_BEFORE_A_NAME \
        and doc[i - 3].lower_ in ("the", "its", "their") \
        and not (i >= 4 and doc[i - 4].lower_ in ("of", "for"))  # ('the governor of the region, X': a person)


def _a_legislators_seat(span, label, head, kind):
    """'the Labour MP for York Central', 'the member for X': the seat a legislator holds is a place."""
    doc, i = span.doc, span.start
    return "PLACE" if label in ("PERSON", "ORG", "PLACE") and i >= 2 and doc[i - 1].lower_ == "for" \
        and (doc[i - 2].lower_ in L.IMPLIED_BODIES or doc[i - 2].lower_ == "member") else None


def _organisation_by_context(span, label, head, kind):
    return "ORG" if label in ("PERSON", "PLACE", "GROUP") and kind not in ("country", "region") \
        and normal(span.text) not in gazetteer.demonyms() and organisation_context(span) else None


# How a name's type is corrected, in order (the first that applies): (example, rule).
RETYPES = [
    ("Hurricane Dorian: an event", _storm),
    ("Manchester City striker X: a team", _team_before_a_position),
    ("the Historic Pact coalition: the body its kind after it names", _political_body_after),
    ("the State of Virginia: a place", _state_of_a_known_place),
    ("the Conference of Mayors: a body of its members", _conference_of_members),
    ("the ruling Democratic Rally: a party, whatever its head", _ruling_body),
    ("SpaceX, GoFundMe: a brand's one word", _brand_retype),
    ("the Doha Conference: an event", _event_head),
    ("the president of World Athletics: a body", _body_a_role_is_of),
    ("Anime North 2019: an event's edition", _dated_name),
    ("Durham Hall QC: a person's name before letters only a person has", _before_letters),
    ("the Human Rights Watch: an organisation", _org_head),
    ("Brexit: the event of a country's exit", _an_exit),
    ("World Wrestling Entertainment: a company by its trade's word", _company_word),
    ("the French Civil Security service: a body by the noun after it", _named_for_a_body_noun),
    ("Institut Pasteur, Partido Popular: an organisation by its first word", _body_by_its_first_word),
    ("the United States House of Representatives: an organisation", _legislature),
    ("the Paris Police Prefecture: a police body", _police_body),
    ("the Los Angeles Lakers: a team", _team_of_a_place),
    ("cooler than the Sun: the star, a place", _the_sun),
    ("Zarin Valley: a place", _place_head),
    ("the Zamzam camp, the Zarin valley: a place by its kind after it", _kind_of_place_after),
    ("Hong Konger, Londoners: the people of a known place", _people_of_a_place),
    ("NATO: not a person", _acronym_person),
    ("the Soviets, Democrats: a people or a political group", _plural_people),
    ("a fellow Republican, a Democrat: a party's people (Labour MP X: the party)", _party_word),
    ("Argentine, Chinese-American, Eastern Europeans, Liberal Democrat: a people's words", _people_words),
    ("Mayor of London: the office's place", _place_of_an_office),
    ("President Valéry Giscard d'Estaing: a person after a person's title", _person_after_a_personal_title),
    ("Kabul Daily Wire reported: an outlet, not a person or place", _reporting_person),
    ("in the capital, Naypyitaw: a place", _place_after_its_kind),
    ("the MP for York Central: a place", _a_legislators_seat),
    ("towns including A and B: places", _place_by_context),
    ("Ali Reza Haidari, the Head of ...: a person", _described_as_person),
    ("City manager Pep Guardiola: a person", _named_after_a_role),
    ("Park Won-soon, Ban Ki-moon: a person by the shape of the given name", _syllabic_given_name),
    ("an unknown nationality: by its shape", _unknown_group),
    ("state news firm X, firms including A, B and C: organisations", _organisation_by_context),
]




def _plural_org_noun(word: str) -> bool:
    kinds = L.ORGANISATION_KIND_NOUNS
    return word.endswith("s") and (word[:-1] in kinds or word[:-2] in kinds or word[:-3] + "y" in kinds)


def organisation_context(span: Span) -> bool:
    """'state news firm X', 'state-owned X', 'shares in X', 'X members' (a name no gazetteer knows as a
    place), a list after 'firms including': the context says the name is an organisation's."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_lower and before.lower_ in L.ORGANISATION_KIND_NOUNS:
        return True
    if before is not None and before.lower_ in ("in", "of") and span.start >= 2 \
            and doc[span.start - 2].lower_ in L.HOLDING_NOUNS and gazetteer.place_kind(span.text) is None:
        return True  # "shares in X", "a stake in X"
    if before is not None and before.lower_ in L.OWNED_PARTICIPLES and span.start >= 2 \
            and doc[span.start - 2].text == "-":
        return True  # "state-owned X"
    if span.label_ == "PLACE" and gazetteer.place_kind(span.text) is None and _member_of_before(doc, span.start):
        return True  # "a member of the Rajya Sabha"
    if span.label_ == "PLACE" and after is not None and after.is_lower and after.lower_ in L.ORGANISATION_AFTER \
            and gazetteer.place_kind(span.text) is None:
        return True
    return _in_a_list_of_organisations(doc, span.start)


def _member_of_before(doc: Doc, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in ("member", "members")


def _in_a_list_of_organisations(doc: Doc, start: int) -> bool:
    """A list after "firms including" / "companies such as", back from token `start`."""
    return _in_a_list_of(doc, start, _plural_org_noun)


def _plural_place_noun(word: str) -> bool:
    return word.endswith("s") and (word[:-1] in L.PLACE_NOUNS or word[:-3] + "y" in L.PLACE_NOUNS)


def _in_a_list_of(doc: Doc, start: int, plural_kind) -> bool:
    """A list after "<kinds> including" / "<kinds> such as" / "<kinds> of" ("firms including", "towns
    -- including", "the provinces of A and B"), back from token `start`, where `plural_kind` says the
    noun names such things."""
    i, steps = start - 1, 0
    while i >= 0 and steps < 24:
        tok = doc[i]
        if doc[i + 1].is_sent_start:
            return False  # (the sentence before is no part of the list)
        if tok.lower_ == "of" and i > 0 and doc[i - 1].is_lower:
            return plural_kind(doc[i - 1].lower_)
        if tok.is_lower and tok.pos_ == "NOUN" and plural_kind(tok.lower_) and i > 0 and doc[i - 1].is_lower:
            return _names_joined(doc, i + 1)  # 'the cities New Rochelle and Yonkers' (not 'the states Trump won')
        if tok.lower_ in ("including", "like") or (tok.lower_ == "as" and i > 0 and doc[i - 1].lower_ == "such"):
            j = i - 1 if tok.lower_ != "as" else i - 2
            if j >= 0 and doc[j].text in (",", "\u2014", "\u2013", "-", "--"):
                j -= 1
            return j >= 0 and doc[j].is_lower and plural_kind(doc[j].lower_)
        if not (tok.text in (",", "and", "&") or tok.text[:1].isupper() or tok.text in ("-", "'s", ".")):
            return False
        i -= 1
        steps += 1
    return False


def _names_joined(doc: Doc, i: int) -> bool:
    """Two or more capitalised names, joined by commas and 'and', start at token i."""
    j, names = i, 0
    while j < len(doc) and doc[j].text[:1].isupper():
        while j < len(doc) and doc[j].text[:1].isupper():
            j += 1
        names += 1
        if j < len(doc) and doc[j].lower_ in (",", "and", "or"):
            j += 2 if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("and", "or") else 1
    return names >= 2


def vote(c: Counter) -> str:
    best = c.most_common()
    top = [t for t, n in best if n == best[0][1]]
    for preferred in ("PLACE", "ORG", "PERSON", "EVENT", "GROUP"):  # ties: the rarer confusions first
        if preferred in top and len(top) > 1:
            return preferred
    return top[0]


def guess_type(span, person_words: set[str] = frozenset()) -> str | None:
    """Type of a proper-noun run the NER did not label: gazetteer, head word, context, and
    the article's people ("Karim Darwish" when "Darwish" is a person elsewhere): the first of
    GUESSES that knows."""
    doc = span.doc
    words = [t for t in span if t.is_alpha and not (t.lower_ in PARTICLES and t.is_lower)]
    # "Abdullah al-Jahafi": capitalised words, with name particles and their hyphens between
    # ("Tak-Sing Wong", "Jean-Pierre Roux": a hyphen inside a given name, no space around it)
    shaped = 2 <= len(words) <= 4 and all(t.text[:1].isupper() for t in words) and all(
        t.is_alpha or (t.text == "-" and k > 0 and (span[k - 1].lower_ in PARTICLES or (
            not span[k - 1].whitespace_ and not t.whitespace_ and k + 1 < len(span) and span[k + 1].is_title)))
        for k, t in enumerate(span))
    facts = {"head": head_word(span), "words": words, "person_shaped": shaped, "person_words": person_words,
             "before": doc[span.start - 1] if span.start > 0 else None,
             "after": doc[span.end] if span.end < len(doc) else None}
    return next((kind for _, guess in GUESSES if (kind := guess(span, facts))), None)


def _by_gazetteer(span, f):
    if len(span) == 1 and surname_of_one_named_before(span.doc, span.start):
        return None  # (a person's, by the article's people)
    if gazetteer.place_kind(span.text):
        return "PLACE"
    return "GROUP" if normal(span.text) in gazetteer.demonyms() else None


def _by_head(span, f):
    head = f["head"]
    if head in L.EVENT_HEADS or is_storm(span):
        return "EVENT"
    if head in L.ORG_HEADS and not _venue(span):
        return "ORG"
    return "PLACE" if head in L.PLACE_HEADS and len(span) > 1 else None


def _capital_title_then_name(span, f):
    # "IM Dorsa Derakhshani": a title in capitals, then a name (repair splits them)
    return "PERSON" if len(span) > 2 and span[0].is_upper and len(span[0].text) <= 3 and all(
        t.text[:1].isupper() and not t.is_upper and t.is_alpha for t in span[1:]) else None


def _acronym_or_prefixed(span, f):
    # "anti-Houthi": what one is against is mostly a movement or a regime
    return "ORG" if is_acronym(span.text) or after_prefix(span.doc, span.start) else None


def _after_a_title(span, f):
    before = f["before"]
    return "PERSON" if before is not None and (before.lower_.rstrip(".") in L.HONORIFICS or (
        before.is_lower and (is_role(before.lower_) or occupation(before.text)))
        or f["person_shaped"] and before.text[:1].isupper() and is_role(before.lower_)) else None


def _by_its_kind(span, f):
    """'Anime North, a fan-run convention', 'Lakeside Herald, a daily tabloid', 'Nordbank, a German
    lender', 'Expo 2030': what the apposition after the name says it is, or a year after it (an
    edition)."""
    after = f["after"]
    if after is not None and after.text.isdigit() and len(after.text) == 4 and 1900 <= int(after.text) <= 2099:
        return "EVENT"
    head = apposition_noun(span.doc, span.end)
    if head in L.EVENT_HEADS or head in L.EVENT_NOUNS:
        return "EVENT"
    return "ORG" if head in L.ORGANISATION_KIND_NOUNS or head in L.BUSINESS_NOUNS else None


def _person_by_context(span, f):
    """'the city's security chief, X Y'; a surname the article gives a person; 'X Y, a former
    ambassador'; 'X Y said'."""
    if not f["person_shaped"]:
        return None
    words, after = f["words"], f["after"]
    if role_before(span) or normal(words[-1].text) in f["person_words"] or given_name_first(span) \
            or role_follows(span) or (after is not None and after.lower_ in L.SPEECH_VERBS):
        return "PERSON"
    return None


def _after_a_place_preposition(span, f):
    before = f["before"]
    return "PLACE" if before is not None and before.lower_ in L.PLACE_PREPOSITIONS \
        and len(f["words"]) == len(span) and len(span) <= 2 and not f["person_shaped"] else None


def _rare_capitalised_words(span, f):
    # "Abdrabbuh Mansur Hadi": a run of rare capitalised words is most often a name
    words = f["words"]
    return "PERSON" if f["person_shaped"] and len(words) >= 2 \
        and not any(t.lower_ in common_words() or known(t) for t in words) and not span.text.isupper() else None


# How an unlabelled proper-noun run is typed, in order (the first that knows): (example, guess).
def _people_by_their_plural(span, f):
    """'the Houthis', 'the Alawites', 'the Yazidis': a plural with a people's ending after 'the', no
    known place and no everyday word: a group the tagger did not know (not 'the Guardians')."""
    before = f["before"]
    return "GROUP" if len(span) == 1 and before is not None and before.lower_ == "the" \
        and span[0].text[:1].isupper() and span[0].lower_.endswith(("is", "ites")) and not known(span) \
        and span[0].lower_ not in common_words() else None  # ('-ians' of a known place is a demonym already)


def _organisation_by_its_context(span, f):
    """'the journal Nature', 'state news firm X', 'shares in X': no known place, and not after
    'daily' or 'giant', adjectives too ('a daily Aspirin')."""
    before = f["before"]
    return "ORG" if organisation_context(span) and gazetteer.place_kind(span.text) is None \
        and not (before is not None and before.lower_ in L.KIND_NOUNS_ALSO_ADJECTIVES) else None


def _owner_of_a_role(span, f):
    """'World Athletics president X', 'Lakeside Rowing chairman X': names right before a role in
    lower case and the role's holder are what the role is of, a body (a known place is a place,
    found before; not a person's given name and surname: 'Trump adviser X' has one word)."""
    doc, after = span.doc, f["after"]
    if after is None or not after.is_lower or not is_role(after.lower_) or len(span) < 2 or given_name_first(span):
        return None
    j = after.i + 1
    while j < len(doc) and doc[j].is_lower and is_role(doc[j].lower_):
        j += 1
    return "ORG" if j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN" else None


def brand_shaped(tok) -> bool:
    """'SpaceX', 'RealClearPolitics', 'GoFundMe': one word with a capital inside it after a lower-case
    letter is a company's or a site's name (not a surname's prefix: 'McArthur', 'DeWine', 'LaHood';
    not a hashtag or a handle)."""
    text = tok.text
    return len(text) >= 5 and text[0].isupper() and text.isalpha() and not text.isupper() \
        and re.search(r"[a-z][A-Z]", text) is not None and _SURNAME_PREFIX.match(text) is None \
        and not (tok.i > 0 and tok.doc[tok.i - 1].text in ("#", "@"))


_SURNAME_PREFIX = re.compile(rf"(?:{'|'.join(L.SURNAME_PREFIXES)})[A-Z]")


def _brand(span, f):
    return "ORG" if len(span) == 1 and brand_shaped(span[0]) else None


GUESSES = [
    ("Kabul; Afghan", _by_gazetteer),
    ("the Lakeside Conference; the Crisis Group; the Zarin Valley", _by_head),
    ("IM Dorsa Derakhshani", _capital_title_then_name),
    ("NATO; anti-Houthi", _acronym_or_prefixed),
    ("SpaceX, GoFundMe: a brand's one word", _brand),
    ("Dr X; spokesperson X; House Speaker X Y", _after_a_title),
    ("Anime North, a fan-run convention; Lakeside Herald, a daily tabloid; Expo 2030", _by_its_kind),
    ("World Athletics president X", _owner_of_a_role),
    ("the journal Nature, state news firm X, shares in X", _organisation_by_its_context),
    ("the Houthis, the Alawites", _people_by_their_plural),
    ("X Y, a former ambassador; X Y said", _person_by_context),
    ("in Zarin", _after_a_place_preposition),
    ("Abdrabbuh Mansur Hadi", _rare_capitalised_words),
]


def given_name_first(span) -> bool:
    """'Karim Haidari': a known given name, not an everyday word, then more capitalised
    words, none of them a known place."""
    first = span[0]
    # a given name that is also a place's ('Nancy', 'Florence') leads a person's name when no
    # word after it is known and the last is no place's, body's or event's head word
    place_as_given_name = len(span) >= 2 and head_word(span) not in L.NAME_HEADS
    return (normal(first.text) in gazetteer.given_names() and first.lower_ not in common_words()
            and first.lower_ not in L.COMPASS
            and not first.is_upper and not any(known(t) for t in span[1:])
            and (place_as_given_name or not known(first))
            and gazetteer.place_kind(span.text) is None)


def role_before(span) -> bool:
    """"Nigeria's president, Bola Tinubu": a role and a comma just before the name."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and is_role(doc[span.start - 2].lower_)


def _syllable(tok) -> bool:
    """A lower-case syllable of a given name after a hyphen, or that hyphen ('Won-soon')."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return tok.text == "-" and not tok.whitespace_ and after is not None and after.is_lower and after.is_alpha \
        or tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and tok.is_lower \
        and tok.is_alpha


def role_follows(span) -> bool:
    """'X, a former ambassador', 'X, the NLF leader', 'X, who ...': a person is described."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.end + 1].lower_ == "who":
        return True
    for tok in doc[span.end + 1:min(len(doc), span.end + 6)]:
        if tok.text in (",", ".", ";"):
            return False
        if tok.is_lower and is_role(tok.lower_):
            return True
        if tok.text[:1].isupper() and is_role(tok.lower_) and tok.i > span.end + 1:
            return True
    return False


def _entered(span: Span) -> bool:
    """The object of a verb of entering or shelling, or one joined to it by 'and' (not the owner
    of what is: 'shelled X's home')."""
    doc, root = span.doc, span.root
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return False
    obj = root.head if root.dep_ == "conj" else root
    parsed = obj.dep_ in ("obj", "dobj") and obj.head.pos_ == "VERB" and obj.head.lemma_.lower() in L.ENTERING_VERBS
    return (parsed or _right_after_entering(span)) \
        and head_word(span) not in L.NAME_HEADS - L.PLACE_HEADS  # (not 're-entering the Paris Climate Accord')


def _right_after_entering(span: Span) -> bool:
    """By the words, where the parse goes astray ('The army entered Tell Tamer and Ain Issa': a
    noun 'entered' with 'Tell' a verb): a name right after a verb of entering in the past, or
    after 'and' after such a name."""
    doc, i = span.doc, span.start
    while i >= 2 and doc[i - 1].lower_ == "and" and doc[i - 2].text[:1].isupper():
        i -= 2
        while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ not in L.ENTERED:
            i -= 1
    return i > 0 and doc[i - 1].lower_ in L.ENTERED


# The votes of a name the text defines as a place's ('a site called X'): more than any number of the
# recogniser's guesses in one article.
DEFINED = 1000


def said_kind(doc: Doc, span: Span) -> str | None:
    """The type the words right before a name give it ('ethnic Ndebele', 'using the pseudonym
    Katya', 'the ring name Brodie Lee'): the text says what the name is."""
    if span.start == 0 or not doc[span.start - 1].is_lower:
        return None
    kind = L.KIND_BEFORE_A_NAME.get(doc[span.start - 1].lower_)
    if kind is None and span.start > 1:
        kind = L.KIND_BEFORE_A_NAME_TWO_WORDS.get((doc[span.start - 2].lower_, doc[span.start - 1].lower_))
    return kind


def place_context(doc: Doc, span: Span) -> int:
    """Votes for a name being a place from its context (a mention's own vote is 2): 'the
    island Crete', 'the city of X' (4), named alongside a known country ('between Crete and
    Cyprus') (2), unless it opens with a given name ('Nigeria and Patrice Talon'); the object of a
    verb of entering or shelling ('the army entered Ain Issa') (4)."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in PLACE_NOUNS_BEFORE_A_NAME:
        return 4
    if span.start > 1 and before is not None and before.lower_ == "of" \
            and doc[span.start - 2].lower_ in PLACE_NOUNS_BEFORE_A_NAME:
        return 4
    if _entered(span):
        return 4  # 'the army entered Ain Issa', 'shelled X and Y': a place
    if span.start > 1 and doc[span.start - 1].lower_ in ("called", "named") \
            and doc[span.start - 2].lower_ in L.PLACE_NOUNS | PLACE_NOUNS_BEFORE_A_NAME | L.SITE_WORDS:
        return DEFINED  # 'a site called Abri Peyrony': the text says what the name is
    if given_name_first(span):
        return 0
    for i in (span.start - 2, span.end + 1):
        if 0 <= i < len(doc) and doc[span.start - 1 if i < span.start else span.end].lower_ in ("and", "or"):
            if gazetteer.place_kind(doc[i].text) == "country":
                return 2
    return 0
