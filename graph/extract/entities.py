"""The entity layer of a Doc: the statistical NER's spans, repaired and completed by
general rules, then made consistent across the document.

Runs as the spaCy component "newskg_entities" after the pipeline's own NER (if any). In
order: map the NER's labels to the guideline types; fix boundaries (boundaries.py); add
known places and nationalities (gazetteers) and proper-noun runs the NER missed; type names
by head word and context (kinds.py); apply general patterns (patterns.py); and give each
name one type throughout the article. Headlines in title case only keep names the article
confirms elsewhere. `doc.ents` ends with guideline types only; label hints (a dateline's
country code → the country's name) go to `doc.user_data`.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import gazetteer
from ..context import place_of
from ..names import INSTITUTION_HEADS, acronym_of, initials, institution, is_acronym, normal
from .. import lexicon as L
from .boundaries import defined_acronym, field_of_an_office, past_an_office_field, repair, trim
from .kinds import (DEFINED, after_its_kind_of_place, brand_shaped, given_name_first, guess_type, is_storm,
                    place_context, retype, said_kind, vote)
from .patterns import add_patterns, drop_common_words, gazetteer_spans, headline_tokens
from .tokens import (CONNECTORS, PARTICLES, after_prefix, apposition_noun, bracketed_acronym, capitalised, coverage,
                     head_word, is_role, known, match_len, result_sides)

# Label schemes of other pipelines (OntoNotes, CoNLL/UNER, WikiNER) → the guideline types.
LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "PLACE": "PLACE", "NORP": "GROUP", "GROUP": "GROUP", "EVENT": "EVENT", "LAW": "EVENT"}
HINTS = "newskg_label_hints"  # doc.user_data key: (start_char, end_char) → canonical label


@Language.factory("newskg_entities")
def make_entity_layer(nlp: Language, name: str) -> EntityLayer:
    return EntityLayer()


class EntityLayer:
    def __call__(self, doc: Doc) -> Doc:
        hints: dict[tuple[int, int], str] = {}
        headline = headline_tokens(doc)
        spans = [Span(doc, e.start, e.end, label=LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
        spans = [s for s in (repair(s) for s in spans) for s in s]
        spans = self._add_gazetteer(doc, spans, hints)
        person_words = {normal(t.text) for s in spans if s.label_ == "PERSON" for t in s if capitalised(t)}
        spans = self._add_proper_nouns(doc, spans, headline, person_words)
        spans = [retype(s) for s in spans]
        spans = add_patterns(doc, spans)
        spans = list_peers(doc, spans)
        spans = self._consistent(doc, spans, headline)
        spans = drop_common_words(doc, spans, headline)
        spans = regnal_names(doc, spans)
        doc.ents = sorted(filter_spans(spans), key=lambda s: s.start)
        hints.update(state_bodies(doc))
        doc.user_data[HINTS] = {k: v for k, v in hints.items()
                                if any((e.start_char, e.end_char) == k for e in doc.ents)}
        return doc

    def _add_gazetteer(self, doc: Doc, spans: list[Span], hints: dict) -> list[Span]:
        out = list(spans)
        covered = coverage(out)
        for rule_span, strong in gazetteer_spans(doc, hints):
            overlapping = {id(covered[i]): covered[i] for i in range(rule_span.start, rule_span.end) if i in covered}
            if not overlapping:
                out.append(rule_span)
                covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
                continue
            for other in overlapping.values():
                same = (other.start, other.end) == (rule_span.start, rule_span.end)
                inside = other.start <= rule_span.start and rule_span.end <= other.end
                if same and other.label_ != rule_span.label_ and not _given_name_of_someone(other) and (
                        strong or other.label_ in ("PERSON", "GROUP", "EVENT") or _after_place_preposition(rule_span)):
                    # a country or a nationality is never anything else; a city is not a person
                    out[out.index(other)] = rule_span
                    covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
                elif not inside and (strong or other.label_ == rule_span.label_ == "PLACE"
                                     and rule_span.start <= other.start and other.end <= rule_span.end):
                    # the NER cut across a known name ("Hong" | "Kong Post") or short of one ("Rio
                    # Grande" of "Rio Grande do Sul"): the known name wins
                    out.remove(other)
                    for i in range(other.start, other.end):
                        covered.pop(i, None)
                    out.append(rule_span)
                    covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
        return out

    def _add_proper_nouns(self, doc: Doc, spans: list[Span], headline: set[int],
                          person_words: set[str]) -> list[Span]:
        """Runs of proper nouns outside every span become names when their type is clear
        from their head word, their context or the article ("Ali Reza Haidari, the ...")."""
        if not doc.has_annotation("TAG") and not doc.has_annotation("POS"):
            return spans
        out = list(spans)
        covered = coverage(out)
        i = 0
        while i < len(doc):
            tok = doc[i]
            # a run starts at a proper noun, or at any capitalised word inside a sentence (the
            # tagger calls "Popular Mobilization Forces" ADJ NOUN NOUN); such a run must then be
            # typed by its head word or a bracketed acronym below
            common_start = tok.pos_ != "PROPN"
            if i in covered or i in headline or not capitalised(tok) or (
                    common_start and (tok.is_sent_start and not _body_opens_sentence(doc, i, covered)
                                      or tok.pos_ not in ("NOUN", "ADJ", "VERB"))
                    and not is_storm(doc[i:i + 2])):
                i += 1
                continue
            j = _run_end(doc, i, covered)
            name = past_an_office_field(doc, i, j)
            if name > i:  # ('Minister of Information Moammar al-Eryani': the name is the run's rest)
                i, tok = name, doc[name]
                common_start = tok.pos_ != "PROPN"
            if not (is_role(tok.lower_) or tok.lower_.rstrip(".") in L.HONORIFICS or _before_an_office(doc, i, j)
                    or j in covered and covered[j].label_ == "PERSON" and field_of_an_office(doc, j)):
                # ('Director of National Intelligence X': the office's field is no name)
                out = _put_names(out, covered, _typed_run(doc, i, j, common_start, person_words))
                i = max(j, i + 1)
            else:
                i += 1
        return out

    def _consistent(self, doc: Doc, spans: list[Span], headline: set[int]) -> list[Span]:
        """One type per name in the article; its other occurrences (and a person's bare
        surname) are mentions too; a title-case headline keeps only confirmed names."""
        spans = filter_spans(spans)
        body = [s for s in spans if s.start not in headline]
        votes, label_of = _type_votes(doc, spans, headline)
        surnames = _surnames(doc, body, label_of)
        persons = [_persons_body(s, surnames, label_of) for s in spans]
        if any(persons):
            spans = [p or s for p, s in zip(persons, spans)]
            body = [s for s in spans if s.start not in headline]
            votes, label_of = _type_votes(doc, spans, headline)
        confirmed = {normal(s.text) for s in body}
        confirmed |= set(surnames)
        _settle_people(doc, body, label_of, surnames)
        _settle_teams(doc, spans, label_of)
        _settle_places(label_of)
        places_at = {s.start for s in spans if s.label_ == "PLACE"}
        out = []
        for s in spans:
            key = normal(s.text)
            if s.start in headline and key not in confirmed and not known(s):
                continue
            keep = s.label_ == label_of[key] or _place_of_a_place(s, places_at)
            out.append(s if keep else Span(doc, s.start, s.end, label=label_of[key]))
        return out + _other_occurrences(doc, out, label_of, confirmed, surnames)


def _put_names(out: list[Span], covered: dict, names: list[Span]) -> list[Span]:
    """The spans with the names added that overlap none (or only a people's word opening them:
    'British' + 'Geological Survey')."""
    for span in names:
        under = {id(covered[k]): covered[k] for k in range(span.start, span.end) if k in covered}
        if all(_a_peoples_word_before(s, span) for s in under.values()):
            out = [s for s in out if id(s) not in under] + [span]
            covered.update({k: span for k in range(span.start, span.end)})
    return out


def _a_peoples_word_before(word: Span, span: Span) -> bool:
    """'British' of 'British Geological Survey': a people's word the gazetteer found, opening a
    body's longer name."""
    return word.label_ == "GROUP" and len(word) == 1 and word.start == span.start and len(span) > 2 \
        and span.label_ == "ORG"


def _body_opens_sentence(doc: Doc, i: int, covered: dict) -> bool:
    """'Northern Front commander X said': a body's name of capitalised words ending in a body's
    head word opens the sentence (not 'Several Front fighters': a quantity word)."""
    j = _run_end(doc, i, covered)
    return j - i >= 2 and doc[i].lower_ not in L.QUANTITY_WORDS and head_word(doc[i:j]) in L.ORG_HEADS


def _before_an_office(doc: Doc, i: int, j: int) -> bool:
    """'Lord Mayor', 'Acting Chief Justice': words of an office before its role word, no name."""
    return j < len(doc) and is_role(doc[j].lower_) and all(t.lower_ in L.TITLE_MODIFIERS for t in doc[i:j])


def _given_name_of_someone(span: Span) -> bool:
    """'his children Elizabeth and Susan', 'Queen Elizabeth', 'wife Victoria': a given name that
    is also a city's, after a word of kinship or a monarch's title (across a list of names)."""
    doc = span.doc
    if span.label_ != "PERSON" or len(span) != 1 or normal(span.text) not in gazetteer.given_names():
        return False
    i = span.start - 1
    while i >= 0 and (doc[i].text == "," or doc[i].lower_ == "and" or doc[i].is_title and doc[i].pos_ == "PROPN"
                      and doc[i].lower_ not in L.REGNAL_TITLES):
        i -= 1
    return i >= 0 and (doc[i].lower_ in L.KINSHIP or doc[i].lower_ in L.REGNAL_TITLES
                       or doc[i].lower_ in L.RELATIVE_NOUNS)


def state_bodies(doc: Doc) -> dict[tuple[int, int], str]:
    """(start, end) → the name of a state's body written generically: "North Carolina's state
    Senate" is the North Carolina Senate, "the state's Supreme Court" and "the Senate of the
    state" the body of the state the article names most (not the country's, as the bare name
    would be read across articles)."""
    states = Counter(e.text for e in doc.ents if e.label_ == "PLACE" and gazetteer.place_kind(e.text) == "subdivision")
    ends = {e.end: e for e in doc.ents if e.label_ == "PLACE"}
    out = {}
    for e in doc.ents:
        kind = institution(e.text, place_of) if e.label_ == "ORG" and not is_acronym(e.text) else None
        if not kind or kind[1] is not None or kind[0].split(" ")[0] not in INSTITUTION_HEADS:
            continue
        before = [t.lower_ for t in doc[max(0, e.start - 3):e.start]]
        after = [t.lower_ for t in doc[e.end:e.end + 3]]
        place = None
        if before[-2:] == ["'s", "state"] and e.start - 2 in ends:
            place = ends[e.start - 2].text  # "North Carolina's state Senate"
        elif (before[-1:] == ["state"] or before[-2:] == ["state", "'s"] or after == ["of", "the", "state"]) \
                and states:
            place = states.most_common(1)[0][0]
        if place and gazetteer.place_kind(place) == "subdivision":
            name = e.text[4:] if e.text.lower().startswith("the ") else e.text
            out[(e.start_char, e.end_char)] = f"{place} {name}"
    return out


def _place_of_a_place(span: Span, places_at: set[int]) -> bool:
    """'a riot in Washington, D.C.', 'born in Jackson, Mississippi': a known place's name written
    as a city with its state or country after a comma is the place there, also in an article that
    names a person with it for a surname."""
    doc = span.doc
    return span.label_ == "PLACE" and gazetteer.place_kind(span.text) is not None \
        and span.end + 1 < len(doc) and doc[span.end].text == "," and span.end + 1 in places_at


def _after_place_preposition(span: Span) -> bool:
    """'a think tank in Berlin': a known city or state where a preposition of place puts it is
    the place, whatever the recogniser said."""
    return span.label_ == "PLACE" and span.start > 0 and span.doc[span.start - 1].lower_ in ("in", "near", "outside")


def _run_end(doc: Doc, i: int, covered: dict) -> int:
    """Where a run of capitalised words (with name connectors and particles) that starts at i ends."""
    j = i + 1
    while j < len(doc) and j not in covered and not doc[j].is_sent_start and not is_role(doc[j].lower_) \
            and not after_prefix(doc, i) \
            and doc[j].lower_.rstrip(".") not in L.HONORIFICS and (
            (capitalised(doc[j]) and doc[j].pos_ in ("PROPN", "ADJ", "NOUN", "NUM"))
            or (doc[j].lower_ in CONNECTORS | PARTICLES and j + 1 < len(doc)
                and (capitalised(doc[j + 1]) or doc[j + 1].text == "-") and j + 1 not in covered)
            or (doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc)
                and capitalised(doc[j + 1]))
            or _number_inside_a_name(doc, j)):
        j += 1
    return j


def _number_inside_a_name(doc: Doc, j: int) -> bool:
    """'Lost 52 Project', 'Group 4 Securicor': a number between two capitalised words of a name
    (not after a date's word: 'on March 3 Congress voted')."""
    return doc[j].is_digit and 0 < j < len(doc) - 1 and capitalised(doc[j - 1]) and capitalised(doc[j + 1]) \
        and doc[j - 1].lower_ not in L.DATE_WORDS and not doc[j + 1].is_sent_start


def _typed_run(doc: Doc, i: int, j: int, common_start: bool, person_words: set[str]) -> list[Span]:
    """The names of the run [i, j), when its type is clear (repaired), else none."""
    start, end = trim(doc, i, j)
    if start >= end:
        return []
    # (a run the tagger reads as words is a place where its context says so: 'the army entered
    # Tell Tamer', 'the town of Tell Tamer')
    placed = end - start > 1 and place_context(doc, doc[start:end]) >= 4
    if common_start and not (defined_acronym(doc, start, end) or _acronym_in_brackets(doc, start, end) or (
            end - start > 1 and head_word(doc[start:end]) in L.NAME_HEADS)
            or is_storm(doc[start:end]) or placed):
        return []
    if end - start == 1 and doc[start].is_sent_start and not known(doc[start:end]) and not brand_shaped(doc[start]) \
            and apposition_noun(doc, end) is None:  # ("Nordbank, a German lender, said")
        return []
    label = guess_type(doc[start:end], person_words)
    if label is None and (defined_acronym(doc, start, end) or _acronym_in_brackets(doc, start, end)):
        label = "ORG"
    if label is None and placed:
        label = "PLACE"
    return repair(Span(doc, start, end, label=label)) if label else []


def _acronym_in_brackets(doc: Doc, start: int, end: int) -> bool:
    """'the Independent Electoral and Boundaries Commission (IEBC)': an acronym in brackets after
    the name of a body it spells (not 'Universal Basic Income (UBI)')."""
    acronym = bracketed_acronym(doc, start - 1) if end - start == 1 and start >= 2 else None
    if acronym is None or doc[start - 2].lower_ not in L.ORG_HEADS | INSTITUTION_HEADS:
        return False
    for k in range(start - 2, max(-1, start - 10), -1):
        if not (capitalised(doc[k]) or doc[k].lower_ in L.NAME_LINK_WORDS):
            return False
        if acronym_of(acronym, doc[k:start - 1].text):
            return not is_role(doc[k].lower_)  # (not 'Member of Parliament (MP)': an office's)
    return False


def _type_votes(doc: Doc, spans: list[Span], headline: set[int]) -> tuple[dict, dict]:
    """The votes for each name's type (a headline mention counts half; a place's context adds
    to PLACE), and the type each name gets; "the Taliban", "the Northern Alliance": people are
    not named with an article (but stand before a noun that has one)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    with_article: Counter = Counter()
    starts = {s.start for s in spans}
    for s in spans:
        votes[normal(s.text)][s.label_] += 1 if s.start in headline else 2
        place = place_context(doc, s)
        if place and s.label_ != "PLACE":
            votes[normal(s.text)]["PLACE"] += place
        said = said_kind(doc, s)
        if said:
            votes[normal(s.text)][said] += DEFINED
        if s.start > 0 and doc[s.start - 1].lower_ == "the" and not _modifies_what_follows(doc, s, starts):
            with_article[normal(s.text)] += 1
    for key in [k for k in votes if " " in k]:
        # the surname alone, taken for a person, is a vote for the full name being one ("Qasem
        # Soleimani" in a headline taken for a place, "Soleimani" alone a person thrice)
        last = votes.get(key.rsplit(" ", 1)[1], Counter())
        if last["PERSON"] > max((n for t, n in last.items() if t != "PERSON"), default=0):
            votes[key]["PERSON"] += 1
    label_of = {k: vote(c) for k, c in votes.items()}
    for key, label in label_of.items():
        if label == "PERSON" and with_article[key] * 2 >= sum(votes[key].values()) / 2 and with_article[key]:
            label_of[key] = "ORG"
    return votes, label_of


def _modifies_what_follows(doc: Doc, span: Span, starts: set[int]) -> bool:
    """'the James Cagney film', 'the Brett Kavanaugh Supreme Court confirmation hearing': 'the'
    is the noun's after the name, or the next name's (not 'the French Chess' + 'Federation'; a
    name with an acronym or opening with a nationality is no person's: 'the Minetest IRC channels')."""
    if span.end >= len(doc) or any(t.is_upper and len(t) > 1 for t in span) \
            or normal(span[0].text) in gazetteer.demonyms():  # ('the French Chess websites')
        return False
    after = doc[span.end]
    if any(t.lower_ in _PLACE_WORDS for t in doc[span.end:span.end + 2]):
        return False  # 'the Sandy Point area', 'the Zanzar oil field': a place's name
    return (after.pos_ == "NOUN" and after.is_lower) or span.end in starts


_PLACE_WORDS = L.PLACE_NOUNS | L.PLACE_HEADS | {"field"}


def list_peers(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a list of names of which three or more are places (or organisations) and the others
    were taken for people or not found: 'appliances from Dolgellau, Harlech, Barmouth, Bala, and
    Blaenau Ffestiniog', all are places (a person's full name that opens with a given name stays
    a person's)."""
    ordered = sorted(spans, key=lambda s: s.start)
    runs, names, gaps = [], ordered[:1], []  # each run: its names, and the names no span holds
    for s in ordered[1:]:
        between = _list_gap(doc, names[-1].end, s.start)
        if between is None:
            runs.append((names, gaps))
            names, gaps = [s], []
        else:
            names.append(s)
            gaps.extend(between)
    runs.append((names, gaps))
    out = list(spans)
    for names, gaps in runs:
        others = [x for x in names if x.label_ != "PERSON"]
        kind, n = Counter(x.label_ for x in others).most_common(1)[0] if others else ("", 0)
        if n < 3 or kind not in ("PLACE", "ORG") or n != len(others):
            continue
        retyped = {x for x in names if x.label_ == "PERSON" and not given_name_first(x)}
        out = [Span(doc, x.start, x.end, label=kind) if x in retyped else x for x in out]
        out += [Span(doc, a, b, label=kind) for a, b in gaps]
    return out


def _list_gap(doc: Doc, end: int, start: int) -> list[tuple[int, int]] | None:
    """The names no span holds between two names of a list ([(start, end)...]), or None when
    the two are no neighbours in a list."""
    gap, i, found = doc[end:start], 0, []
    while True:
        sep = next((n for n in (2, 1) if i + n <= len(gap) and [t.lower_ for t in gap[i:i + n]] in _LIST_JOINS), 0)
        if not sep:
            return None
        i += sep
        if i == len(gap):
            return found
        j = i
        while j < len(gap) and gap[j].pos_ == "PROPN" and capitalised(gap[j]):
            j += 1
        if j == i:
            return None
        found.append((end + i, end + j))
        i = j


_LIST_JOINS = ([","], ["and"], ["or"], [",", "and"], [",", "or"])


def _surnames(doc: Doc, body: list[Span], label_of: dict) -> Counter:
    """The surnames of the people the article names in full ("al-Muhandis" as well as "Muhandis")."""
    surnames: Counter = Counter()
    for s in body:
        words = [t for t in s if t.text[:1].isupper() and len(t.text) > 2
                 and t.lower_.rstrip(".,") not in L.NAME_SUFFIXES]
        if label_of[normal(s.text)] == "PERSON" and len(words) >= 2:
            last = words[-1]
            forms = {normal(last.text)}
            if last.i >= 2 and doc[last.i - 1].text == "-" and doc[last.i - 2].lower_ in PARTICLES:
                forms.add(normal(doc[last.i - 2:last.i + 1].text))
            for form in forms:
                surnames[form] += 1
    return surnames


def _persons_body(span: Span, surnames: Counter, label_of: dict) -> Span | None:
    """'the Hale campaign', 'the Ford administration': a person's name (the article names the
    person in full) before a body's word in lower case is the person, named as a modifier; the
    campaign is no proper name."""
    last = span[-1]
    if len(span) < 2 or span.label_ == "PERSON" or not (last.is_lower and last.lower_ in L.ORG_HEADS):
        return None
    name = normal(span[:-1].text)
    if name in surnames or label_of.get(name) == "PERSON" and " " in name:
        return Span(span.doc, span.start, span.end - 1, label="PERSON")
    return None


def _settle_people(doc: Doc, body: list[Span], label_of: dict, surnames: Counter) -> None:
    """A bare surname of a person named in full is that person, whatever the NER said (even when
    a city has the name too: only a country or a region outranks it). News introduces people by
    their full name: a one-word "person" the article never names in full ("Reuters reported") is
    an organisation -- unless the article gives the one name a person's role ("security minister
    X", "X, a former general")."""
    for key in surnames:
        if key in label_of and gazetteer.place_kind(key) not in ("country", "region"):
            label_of[key] = "PERSON"
    given = {normal(s[0].text) for s in body if label_of[normal(s.text)] == "PERSON" and len(s) > 1}
    described = {normal(s.text) for s in body if " " not in normal(s.text) and described_as_person(doc, s)}
    for key, label in label_of.items():
        if key in described and label in ("PERSON", "ORG", "PLACE") and not gazetteer.place_kind(key):
            label_of[key] = "PERSON"
        elif label == "PERSON" and " " not in key and key not in surnames and key not in given \
                and key not in gazetteer.given_names():
            label_of[key] = "ORG"


def _settle_places(label_of: dict) -> None:
    """'the Zarin valley' ... 'Zarin had been captured': a name that the article also writes
    with a place's kind after it ('valley', 'province', 'river') is the place's name."""
    for key, label in label_of.items():
        words = key.split()
        if label == "PLACE" and len(words) > 1 and words[-1] in L.PLACE_HEADS | L.PLACE_NOUNS:
            short = " ".join(words[:-1])
            # (not a person's name a place is named after, 'Saint Francis Hospital'; not a body's,
            # 'Parliament Square')
            if label_of.get(short) == "ORG" and gazetteer.place_kind(short) is None \
                    and short.split()[-1] not in L.ORG_HEADS | INSTITUTION_HEADS:
                label_of[short] = "PLACE"


def _settle_teams(doc: Doc, spans: list[Span], label_of: dict) -> None:
    """'Caloundra defeated Maroochydore': names of towns (or of teams) on the two sides of a match's
    result are teams (organisations) throughout the article; a country's or a state's name stays a
    place."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    for tok in doc:
        sides = [at.get(side.i) for side in result_sides(tok)]
        if len(sides) == 2 and all(s is not None and label_of.get(normal(s.text)) in ("PLACE", "ORG")
                                   and gazetteer.place_kind(s.text) not in ("country", "subdivision", "region")
                                   for s in sides):
            for s in sides:
                label_of[normal(s.text)] = "ORG"
        side = at.get(_side_of_a_scored_win(tok))
        if side is not None and label_of.get(normal(side.text)) in ("PLACE", "ORG") \
                and gazetteer.place_kind(side.text) not in ("country", "subdivision", "region"):
            label_of[normal(side.text)] = "ORG"  # 'a 22 points to 10 win over Maroochydore'


def _side_of_a_scored_win(tok) -> int | None:
    """The token of the side named right after a result's noun with a score before it: 'a 22
    points to 10 win over X', 'a 3-1 defeat to X' (by the words: parsers read 'win' there as
    anything)."""
    doc, i = tok.doc, tok.i
    if tok.lower_ not in ("win", "victory", "defeat", "loss") or i + 2 >= len(doc) \
            or doc[i + 1].lower_ not in ("over", "against", "to") or not capitalised(doc[i + 2]) \
            or not any(any(c.isdigit() for c in t.text) for t in doc[max(0, i - 6):i]):
        return None
    return i + 2


def _other_occurrences(doc: Doc, out: list[Span], label_of: dict, confirmed: set[str],
                       surnames: Counter) -> list[Span]:
    """Occurrences of the article's confirmed names (and bare surnames) the NER left out."""
    covered = coverage(out)
    by_first: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for key, label in label_of.items():
        words = key.split()
        if words and key in confirmed:
            by_first[words[0]].append((words, label))
    for key in surnames:
        if key not in label_of:
            by_first[key].append(([key], "PERSON"))
    for s in out:  # ("Israel Defense Forces" ... "IDF spokesman X": the body's initials, undefined)
        if s.label_ == "ORG" and len(s) >= 2:
            for letters in initials(s.text):
                if 3 <= len(letters) <= 6 and letters not in label_of:
                    by_first[letters].append(([letters], "ORG"))
    added = []
    for tok in doc:
        if tok.i in covered or not capitalised(tok):
            continue
        for words, label in sorted(by_first.get(normal(tok.text), []), key=lambda x: -len(x[0])):
            if label == "ORG" and len(words) == 1 and words[0] not in label_of and not tok.is_upper:
                continue  # (initials match only a word in capitals: 'IDF', not 'Idf')
            end = tok.i + match_len(doc, tok.i, words)
            if end > tok.i and not any(i in covered for i in range(tok.i, end)) and _standalone(doc, tok.i, end):
                span = Span(doc, tok.i, end, label=label)
                added.append(span)
                covered.update({i: span for i in range(tok.i, end)})
                break
    return added


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer run of proper nouns."""
    return not (end < len(doc) and capitalised(doc[end]) and doc[end].pos_ == "PROPN" and not doc[end].is_sent_start) \
        and not (start > 0 and capitalised(doc[start - 1]) and doc[start - 1].pos_ == "PROPN"
                 and not doc[start].is_sent_start)


def described_as_person(doc: Doc, span: Span) -> bool:
    """A one-word name the sentence gives a person's role: a lower-case role just before it
    ("security minister X") or an appositive of a role just after it ("X, a former general"),
    nothing but an article and modifiers between."""
    if _no_persons_shape(doc, span):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lower_ not in L.TITLE_MODIFIERS \
            and (is_role(before.lower_) or before.lower_ in L.TRADES_OF_PEOPLE):
        return True
    if before is not None and before.lower_ in L.REGNAL_TITLES and title_case_word(before):
        return True  # "Sultan X", "Pope X": a monarch known by one name
    if before is not None and before.lower_.rstrip(".") in L.PERSONAL_TITLES and before.text[:1].isupper() \
            and not (span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"):
        return True  # "President X", "Senator X", "Dr. X": a title only a person holds (not "Sergeant X vessel")
    if _a_role_named(doc, span.start) or said_kind(doc, span) == "PERSON":
        return True  # "a Polish chef named X", "using the pseudonym X"
    if span.end < len(doc) and doc[span.end].lower_ in L.HELD_BY_A_PERSON and doc[span.end].is_lower \
            and normal(span.text) not in gazetteer.demonyms():
        return True  # "a Biden administration rule", "the Hale campaign": what a person leads
    if span.end + 2 < len(doc) and doc[span.end].text == ",":
        return _role_in_apposition(doc[span.end + 1:span.end + 9])
    return False


def _no_persons_shape(doc: Doc, span: Span) -> bool:
    """'NATO', 'GoFundMe', a word in lower case, 'the capital, X': no person's one name."""
    return is_acronym(span.text) or not span.text[:1].isupper() or brand_shaped(span[0]) \
        or after_its_kind_of_place(doc, span.start)


def _role_in_apposition(words: Span) -> bool:
    """', a former general', ', the Kharaj Front's co-founder': a role, after an article, modifiers
    and a possessor's name."""
    k = 0
    while k < len(words):
        tok = words[k]
        if tok.is_lower and _hyphened_role(words, k):
            return True  # "co-founder"
        if tok.lower_ in ("a", "an", "the") or tok.lower_ in L.TITLE_MODIFIERS and not is_role(tok.lower_):
            k += 1
            continue
        owner = k
        while owner < len(words) and capitalised(words[owner]) and words[owner].pos_ == "PROPN":
            owner += 1
        if owner > k and owner < len(words) and words[owner].text in ("'s", "’s"):
            k = owner + 1
            continue
        return tok.is_lower and is_role(tok.lower_)
    return False


def _hyphened_role(words: Span, k: int) -> bool:
    return k + 2 < len(words) and words[k + 1].text == "-" and is_role(f"{words[k].lower_}-{words[k + 2].lower_}")


def _a_role_named(doc: Doc, start: int) -> bool:
    return start > 1 and doc[start - 1].lower_ in ("named", "called") and doc[start - 2].is_lower \
        and L.role_kind(doc[start - 2].lower_) is not None


def regnal_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A monarch or a pope known by one name carries the title in the name ("Pope Francis",
    "Sultan Qaboos", "Queen Elizabeth"): the title joins a one-word person right after it."""
    covered = coverage(spans)
    out = []
    for s in spans:
        if s.label_ == "PERSON" and len(s) == 1 and s.start > 0 and s.start - 1 not in covered \
                and doc[s.start - 1].lower_ in L.REGNAL_TITLES and title_case_word(doc[s.start - 1]) \
                and not doc[s.start].is_sent_start:
            s = Span(doc, s.start - 1, s.end, label="PERSON")
        out.append(s)
    return out


def title_case_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower()


def modifier_places(spans: list[Span]) -> list[Span]:
    """Countries named as modifiers inside an event's descriptive name ("the 2020 United States
    presidential election", "US presidential elections", "the 2020 US Presidential Election"):
    the event keeps its name, and the country is mentioned there too, as it is in "US
    President". Not inside a proper name whose words are all capitalised ("United States Grand
    Prix"), which is one name."""
    out = []
    for s in spans:
        if s.label_ != "EVENT":
            continue
        k = next((k for k, t in enumerate(s) if not t.like_num), len(s))
        for n in range(min(4, len(s) - k - 1), 0, -1):
            inner = s[k:k + n]
            if capitalised(inner[0]) and gazetteer.place_kind(inner.text) == "country" \
                    and _descriptive(s[k + n:]):
                out.append(Span(s.doc, inner.start, inner.end, label="PLACE"))
                break
    return out


def _descriptive(words: Span) -> bool:
    """Words after a country that describe rather than name: any in lower case, or an election
    noun with its adjectives in title case ("Presidential Election")."""
    lower = [t.lower_ for t in words if t.is_alpha]
    return any(t.is_alpha and t.is_lower for t in words) or bool(lower) and lower[-1] in L.ELECTION_HEADS \
        and all(w in L.ELECTION_HEADS or w in L.ELECTION_ADJECTIVES for w in lower)
