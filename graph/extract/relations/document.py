"""What an article as a whole settles about a relation one sentence leaves open.

- A legislator's body: "Senator X" sits in the senate the article names ("the Senate"), when it
  names one (IMPLIED_BODIES of the lexicon: the words a role implies its body's name ends in).
- The place an unqualified office leads: "President X", "Governor X", "Mayor X" lead the
  country, state or city the article is about (its most mentioned one of that kind), when the
  sentence names none.
- Who "I" is in an interview: the person the headline says is interviewed.
- Where a named event is: the place its name opens with ("the New Hampshire primaries", "the
  Aegean Sea earthquake"), when the article names it.
- Who took part in a competition: the sides of each result the article reports ("Caloundra
  defeated Wynnum"), when its headline names the competition ("... of the 2020 Coast Rugby
  season").
- Who took part in a court case: the parties its name gives ("Kelly v. United States": the
  person the article names whose surname is Kelly).
- Whom a body's name says it fights: "the Global Coalition to Defeat ISIS" opposes the ISIS the
  article names (by a name or an acronym of it).
- Whose candidate a contender in a party's primary is: "X won the Democratic primary" makes X a
  member of the Democratic Party the article names.
"""
from __future__ import annotations

import re
from collections import Counter

from ... import gazetteer
from ...names import acronym_of, normal
from ... import lexicon as L
from ..tokens import result_sides



def facts(finder):
    titles: dict[int, list] = {}
    related: dict[int, set[str]] = {}
    for r in finder.found.values():
        if r.predicate == "title":
            titles.setdefault(r.subject, []).append(r)
        elif r.predicate in ("leads", "memberOf"):
            related.setdefault(r.subject, set()).add(f"{r.predicate}:{finder.entities[r.object].type}")
    mention_of = _first_mentions(finder)
    bodies = _bodies(finder)
    places = _main_places(finder)
    for person, found in titles.items():
        for r in found:
            words = r.value.split()
            for body in next((bodies[w] for w in words if w in bodies), ()):
                if _sits_in(finder, person, words, body) and "memberOf:ORG" not in related.get(person, ()):
                    yield (mention_of[person], "memberOf", body, None, *_tokens(finder, r), "implied-body", 0.6)
            office = _office(words)
            if office and not _of_something_else(finder, person, office, related) \
                    and not _after_an_unread_name(finder, r, words):
                place = next((places[k] for k in L.OFFICE_PLACES[office] if k in places), None)
                named = _countries_in_sentence(finder, _tokens(finder, r)[0])
                if named and (place is None or finder.entity_of[place] not in named):
                    # "President X declared Russians would...": the country the sentence names
                    only = next(iter(named.values())) if len(named) == 1 else None
                    place = only if "country" in L.OFFICE_PLACES[office] else None
                if place is not None:
                    yield (mention_of[person], "leads", place, None, *_tokens(finder, r), "office-of-article-place",
                           0.55)


def _sits_in(finder, person: int, words: list[str], body: int) -> bool:
    """Whether a legislator of this title sits in the body: a "state representative" in the
    state's house, not in Congress; a "US Senator" or a congresswoman in no state's chamber."""
    state_body = _state_body(finder.label_of(body))
    national = person in finder.national or bool(set(words) & L.NATIONAL_LEGISLATORS)
    return (state_body or "state" not in words) and not (state_body and national)


def _countries_in_sentence(finder, token: int) -> dict[int, int]:
    """Entity → a mention of each country the sentence of `token` names, by its name or its
    people's ('Russians': Russia; None for a country the article does not name)."""
    sent = finder.doc[token].sent
    out: dict = {}
    for m in range(len(finder.spans)):
        if not sent.start <= finder.spans[m].start < sent.end:
            continue
        if finder.type_of(m) == "GROUP":
            people = gazetteer.demonym_countries().get(normal(finder.spans[m].text))
            country = finder.country_of(m)
            if country is None and people:
                out.setdefault(("unnamed", people), None)
                continue
        else:
            country = m
        if country is not None and gazetteer.place_kind(finder.label_of(country)) == "country":
            out.setdefault(finder.entity_of[country], country)
    return out


def _state_body(label: str) -> bool:
    """A state's legislature by its name: 'State Senate', 'New Hampshire House of Representatives'."""
    return "state" in label.lower().split() or any(
        gazetteer.place_kind(" ".join(label.split()[:k])) == "subdivision" for k in (1, 2, 3))


def _of_something_else(finder, person: int, office: str, related: dict) -> bool:
    """Whether the person's office is of something the text names rather than of the article's
    place: a role of a named body or place, or a relation to one -- but a party the holder of an
    office of state belongs to ('President X of the Y Party'), and a party or body a prime minister
    or a mayor also leads or sits in ('Prime Minister X ... X, who heads the Y Congress'), say
    nothing of where the office is."""
    own = related.get(person, set()) - ({"memberOf:ORG"} if person in finder.affiliated else set())
    if office in L.STATE_OFFICES:
        own -= {"leads:ORG", "memberOf:ORG"}
    return bool(own) or person in finder.qualified


def _after_an_unread_name(finder, relation, words: list[str]) -> bool:
    """'World Athletics president X': capitalised words the recogniser did not take for a name
    stand right before the title -- the office is of them, not of the article's country."""
    first, last = _tokens(finder, relation)
    doc = finder.doc
    at = next((t.i for t in doc[first:last + 1] if t.lower_ == words[0]), None)
    if at is None or at == 0:
        return False
    before = doc[at - 1]
    return before.text[:1].isupper() and before.is_alpha and before.pos_ == "PROPN" and not before.is_sent_start \
        and finder.name_at(before) is None and before.lower_.rstrip(".") not in L.HONORIFICS \
        and not L.is_role_word(before.lower_)


def _tokens(finder, relation) -> tuple[int, int]:
    first = finder.doc.char_span(relation.start, relation.end, alignment_mode="expand")
    return (first.start, first.end - 1) if first is not None else (0, 0)


def _office(words: list[str]) -> str | None:
    """The office a title is, when it is one of those that lead a place, held without a
    subordinate word: 'president', 'former president' (not 'vice president', 'president of X')."""
    phrase = " ".join(w for w in words if w not in L.HOLDING_MODIFIERS)
    return phrase if phrase in L.OFFICE_PLACES else None


def _bodies(finder) -> dict[str, list[int]]:
    """Role word → a mention of the body it implies, of the most specific kind the article names
    one of (IMPLIED_BODIES lists them most specific first); one Senate of two is no answer."""
    found: dict[tuple[str, str], set[int]] = {}
    first: dict[int, int] = {}
    for m in range(len(finder.spans)):
        if finder.type_of(m) != "ORG":
            continue
        entity = finder.entity_of[m]
        first.setdefault(entity, m)
        name = normal(finder.entities[entity].label)
        for role, endings in L.IMPLIED_BODIES.items():
            ending = next((e for e in endings if name == e or name.endswith(" " + e)), None)
            if ending is not None:
                # ("house of representatives" and "house" are one kind: the House)
                kind = "house" if ending.startswith("house") and "commons" not in ending else ending
                found.setdefault((role, kind), set()).add(entity)
    out: dict[str, list[int]] = {}
    for (role, _), entities in sorted(found.items(), key=lambda item: _specificity(*item[0])):
        if len(entities) == 1 and role not in out:
            # the most specific body the article names: a congressman named with both the House and
            # Congress sits in the House (the one the sentence would name)
            out[role] = [first[next(iter(entities))]]
    return out


def _specificity(role: str, kind: str) -> tuple[str, int]:
    endings = L.IMPLIED_BODIES[role]
    return role, next(k for k, e in enumerate(endings) if e == kind or kind == "house" and e.startswith("house"))


def _main_places(finder) -> dict[str, int]:
    """Kind of place → a mention of the article's most mentioned place of that kind (a place
    mentioned at least twice, or the only one of its kind; a people's word counts for its
    country)."""
    counts: Counter = Counter()
    first: dict[int, int] = {}
    dateline = _dateline_country(finder)
    if dateline is not None:
        # a wire story's dateline ('KYIV, Ukraine (AP) —') says whose president 'President X' is
        counts[finder.entity_of[dateline]] += DATELINE_WEIGHT
        first[finder.entity_of[dateline]] = dateline
    for m in range(len(finder.spans)):
        if finder.type_of(m) == "GROUP":
            # "Russians", "Iraqi leaders": a people's word counts for its country, when the
            # article names the country (not "Philippine President X": whose office, said there)
            if _before_an_office(finder, m):
                continue
            m = finder.country_of(m)
            if m is None:
                continue
        if finder.type_of(m) == "PLACE":
            e = finder.entity_of[m]
            counts[e] += 1
            first.setdefault(e, m)
    out: dict[str, int] = {}
    by_kind: dict[str, list[int]] = {}
    for e, _ in counts.most_common():
        kind = gazetteer.place_kind(finder.entities[e].label)
        if kind:
            by_kind.setdefault(kind, []).append(e)
    for kind, entities in by_kind.items():
        top = entities[0]
        if counts[top] >= 2 or len(entities) == 1:
            if len(entities) == 1 or counts[top] > counts[entities[1]]:
                out[kind] = first[top]
    return out


DATELINE_WEIGHT = 3


def _dateline_country(finder) -> int | None:
    """The country of a dateline: the place after the place in capitals that opens a line, before
    the agency in brackets or a dash ('KYIV, Ukraine (AP) —')."""
    doc = finder.doc
    for m, span in enumerate(finder.spans):
        i = span.start
        if (i == 0 or "\n" in doc[i - 1].whitespace_ + doc[i - 1].text) and span.text.isupper() \
                and finder.type_of(m) == "PLACE" and span.end + 1 < len(doc) and doc[span.end].text == ",":
            after = finder.mention_at.get(span.end + 1)
            if after is not None and finder.type_of(after) == "PLACE" \
                    and gazetteer.place_kind(finder.label_of(after)) == "country":
                return after
    return None


def _before_an_office(finder, m: int) -> bool:
    """'Philippine President X', 'Iraqi Ana Reyes': a people's word qualifying a person or a
    capitalised office."""
    end = finder.spans[m].end
    doc = finder.doc
    return end < len(doc) and (doc[end].text[:1].isupper() and L.role_kind(doc[end].lower_) is not None
                               or end in finder.mention_at and finder.type_of(finder.mention_at[end]) == "PERSON")


def regnal_titles(finder):
    """'Pope X', 'Sultan X of Y', 'Crown Prince X': a monarch's title that is part of the name
    is the person's title too, and a monarch 'of' a country leads it."""
    for m, span in enumerate(finder.spans):
        if finder.type_of(m) != "PERSON" or len(span) < 2 or span[0].lower_ not in L.REGNAL_TITLES:
            continue
        title = span[0].lower_
        before = span.start - 1
        if before >= 0 and finder.doc[before].lower_ in ("crown", "grand"):
            title = f"{finder.doc[before].lower_} {title}"
        yield m, "title", None, title, span.start, span.end - 1, "regnal-title", 0.8
        end = span.end
        if title in L.REIGNING_TITLES and end + 1 < len(finder.doc) and finder.doc[end].lower_ == "of":
            place = finder.mention_at.get(end + 1)
            if place is not None and finder.type_of(place) == "PLACE":
                yield m, "leads", place, None, span.start, finder.spans[place].end - 1, "regnal-of", 0.75


def speaker(finder, token: int) -> int | None:
    """In an interview, 'I' outside the interviewer's lines is the person the headline names."""
    headline = next(iter(finder.doc.sents), None)
    if headline is None or not any(w in headline.text.lower() for w in L.INTERVIEW_WORDS):
        return None
    line_start = finder.doc.text.rfind("\n", 0, finder.doc[token].idx) + 1
    mark = re.match(r"\s*\(\((.+?)\)\)", finder.doc.text[line_start:line_start + 80])
    if mark:
        # "((Ann Ford)) I am ...": the person the mark names; "((WN)) ...": the interviewer's question
        named = [m for m in range(len(finder.spans)) if finder.type_of(m) == "PERSON"
                 and finder.spans[m].start_char == line_start + mark.start(1)]
        return named[0] if named else None
    people = [m for m in range(len(finder.spans)) if finder.spans[m].end <= headline.end
              and finder.type_of(m) == "PERSON"]
    return people[-1] if people else None


def event_places(finder):
    """(event, "locatedIn", place, ...) for each event named by a place and an event noun: the
    place opens the name, after a year or a party's word ("the 2020 Groom by-election", "the
    Republican Iowa caucuses"); not what it is about ("Conference on Afghanistan"), nor a
    country whose whole nation's election or war it names ("the Iraq War", "the 2020 United
    States presidential election": the validation corpus' readers never placed those; but "the
    Gibraltar Chess Tournament")."""
    places: dict[str, int] = {}
    for m, span in enumerate(finder.spans):
        if finder.type_of(m) == "PLACE":
            places.setdefault(normal(span.text), m)
    seen = set()
    for m, span in enumerate(finder.spans):
        if finder.type_of(m) != "EVENT" or finder.entity_of[m] in seen:
            continue
        seen.add(finder.entity_of[m])
        words = normal(span.text).split()
        if len(words) < 2 or words[-1] not in L.NAMED_EVENT_HEADS:
            continue
        start = 0
        while start < len(words) - 1 and (words[start].isdigit() or words[start] in L.PARTY_ADJECTIVES):
            start += 1
        found = max((" ".join(words[start:j]) for j in range(start + 1, len(words))
                     if " ".join(words[start:j]) in places), key=len, default=None)
        if found is not None and not (words[-1] in L.NATIONAL_EVENT_HEADS and gazetteer.place_kind(found) == "country"):
            yield m, "locatedIn", places[found], None, span.start, span.end - 1, "place-in-event-name", 0.7


def competition_sides(finder):
    """(side, "participatedIn", competition, ...) for each team or player on a side of a result
    ('X defeated Y') anywhere in an article whose headline names one competition."""
    headline = next(iter(finder.doc.sents), None)
    if headline is None:
        return
    competitions = {finder.entity_of[m] for m, span in enumerate(finder.spans)
                    if finder.type_of(m) == "EVENT" and span.end <= headline.end
                    and normal(span.text).split()[-1] in L.COMPETITION_HEADS}
    if len(competitions) != 1:
        return
    event = next(m for m in range(len(finder.spans)) if finder.entity_of[m] in competitions)
    for tok in finder.doc:
        for child in result_sides(tok):
            side = finder.mention_at.get(child.i)
            if side is not None and finder.type_of(side) in ("ORG", "PERSON"):
                yield side, "participatedIn", event, None, tok.i, tok.i, "competition-side", 0.6


def case_parties(finder):
    """(party, "participatedIn", case, ...) for each case named 'A v. B' and each person or body
    of the article that A or B names (a person by surname)."""
    for m, span in enumerate(finder.spans):
        if finder.type_of(m) != "EVENT":
            continue
        sides = re.split(r"\s+v(?:s)?\.?\s+", span.text)
        if len(sides) != 2:
            continue
        for side in (normal(x) for x in sides):
            for other in range(len(finder.spans)):
                label = normal(finder.label_of(other))
                if finder.type_of(other) == "PERSON" and label.split()[-1:] == side.split()[-1:] \
                        and len(side.split()) == 1 or finder.type_of(other) == "ORG" and label == side:
                    yield other, "participatedIn", m, None, span.start, span.end - 1, "case-party", 0.6
                    break


_AGAINST_IN_A_NAME = re.compile(r"\b(?:to|for)\s+(?:defeat|fight|counter|combat|oppose|stop|end|resist)\s+"
                                r"(?:the\s+)?(.+)$", re.IGNORECASE)


def named_enemies(finder):
    """(body, "opposes", enemy, ...) for each organisation whose name says whom it fights ('the
    Global Coalition to Defeat ISIS'), when the article names that one (by a name or an acronym)."""
    for m, span in enumerate(finder.spans):
        found = _AGAINST_IN_A_NAME.search(span.text) if finder.type_of(m) == "ORG" else None
        if not found:
            continue
        enemy = found.group(1).strip()
        for other, o in enumerate(finder.spans):
            if finder.type_of(other) in ("ORG", "PERSON") and finder.entity_of[other] != finder.entity_of[m] and (
                    normal(o.text) == normal(enemy) or acronym_of(o.text, enemy) or acronym_of(enemy, o.text)):
                yield m, "opposes", other, None, span.start, span.end - 1, "enemy-in-name", 0.6
                break


def primary_parties(finder):
    """(person, "memberOf", party, ...) for each person who took part in a primary or caucus named
    by a party's word ('the Democratic primary', 'the Republican Iowa caucuses'), when the article
    names that party ('the Democratic Party')."""
    parties: dict[str, int] = {}
    for m, span in enumerate(finder.spans):
        words = normal(span.text).split()
        if finder.type_of(m) == "ORG" and len(words) == 2 and words[1] == "party" and words[0] in L.PARTY_GROUP_WORDS:
            parties.setdefault(words[0], m)
    if not parties:
        return
    mention_of = _first_mentions(finder)
    for r in list(finder.found.values()):  # (a snapshot: the finder adds what this yields)
        if r.predicate != "participatedIn" or finder.entities[r.subject].type != "PERSON":
            continue
        words = normal(finder.entities[r.object].label).split()
        if not words or words[-1] not in L.PRIMARY_HEADS:
            continue
        side = next((parties[w] for w in words if w in parties), None)
        if side is not None:
            yield mention_of[r.subject], "memberOf", side, None, *_tokens(finder, r), "party-of-a-primary", 0.6


def _first_mentions(finder) -> dict[int, int]:
    """Entity → its first mention, the one a fact about the entity is stated by."""
    mention_of: dict[int, int] = {}
    for m, e in enumerate(finder.entity_of):
        mention_of.setdefault(e, m)
    return mention_of
