"""Resolution within one article: which mentions name the same thing.

Fuller names come first and found the entities; shorter forms then join the entity they
can only be a form of — a surname, an acronym, a name without its qualifier ("National
Resistance Front" of "... of Afghanistan"), "Zarin" of "the Zarin valley". Names that
merely share words stay apart ("Karim Darwish" is not "Karim Aziz Darwish": not a run of
its words). A bare name that fits several people goes to the one the article introduced first
(news names its subject first and calls a relative sharing the surname by given name: "Hunter"
beside "Biden"), unless the article has just named the other in full and left the first for
paragraphs ("Theodore Roosevelt ... Roosevelt's efforts" after "Franklin Roosevelt" long before);
any other short form that fits several entities goes to the one mentioned last before it.

A mention the entity layer cut too wide never founds an entity of its own: "Afterwards Smith",
"Ruritania John Smith", "Prime Minister Smith", "Smith-Jones" (two people) are the mention of
"Smith" or "John Smith" the article names elsewhere, with an everyday word, a place or a title
before it, or a second name after it (see `_boundary_cores`).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import gazetteer
from ..context import article_countries, country_names, place_of, without_country
from ..names import (INSTITUTION_HEADS, acronym_of, by_nickname, contiguous_in, fullness, initials, is_acronym,
                     is_numeral, institution, normal, same_but_given_nickname, spelling_variant, tokens)
from ..records import LocalEntity
from ..lexicon import (BODY_NOUNS, COMPANY_SUFFIXES, COMPANY_WORDS, EVENT_HEADS, HONORIFICS, INITIALS_SKIPPED, KINSHIP,
                       LEADER_ROLES, LEADING_JUNK, MEETING_NOUNS, MEMBER_ROLES, NAME_LINK_WORDS, NAME_SUFFIXES,
                       ORG_HEADS, PARTY_ADJECTIVES, PARTY_GROUP_WORDS, PARTY_HEADS, PARTY_WORDS_OF_OTHER_THINGS,
                       PLACE_GENERICS, REGNAL_TITLES, STEPS_TO_AN_EVENT, STORM_WORDS, SUB_UNIT_HEADS,
                       SUBORDINATE_MODIFIERS, common_words)


@dataclass
class _Cluster:
    forms: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    types: Counter = field(default_factory=Counter)
    positions: list[int] = field(default_factory=list)
    hint: str | None = None
    founder_type: str = ""  # type of the form that founded the entity: breaks ties in the vote
    surface: list[str] = field(default_factory=list)  # mention texts, where they differ from forms
    reasons: dict[str, str] = field(default_factory=dict)  # form → why it joined
    full: list[int] = field(default_factory=list)  # where a name of several words was used for it, in order
    defined: set = field(default_factory=set)  # forms defined after its name (brackets, 'known as'): of its type

    @property
    def label(self) -> str:
        return self.hint or max(self.forms, key=lambda f: (fullness(f), -self.forms.index(f)))

    @property
    def type(self) -> str:
        best = self.types.most_common()
        top = [t for t, n in best if n == best[0][1]]
        if len(top) == 1:
            return top[0]
        return self.founder_type if self.founder_type in top else top[0]


def cluster(mentions: list[tuple[str, str, int]], text: str = "",
            hints: dict[int, str] | None = None) -> tuple[list[int], list[LocalEntity]]:
    """Group mentions (surface text, type, start offset) into entities.

    Returns the entity index of each mention and the entities, in order of first mention.
    `hints` maps a mention's start offset to a canonical label (a dateline's country code).
    """
    return _Clustering(mentions, text, hints or {}).run()


class _Clustering:
    """One article's mentions grouped: fuller names first, each later form joining the entity
    it can only be a form of (see the module)."""

    def __init__(self, mentions: list[tuple[str, str, int]], text: str, hints: dict[int, str]):
        self.mentions, self.text, self.hints = mentions, text, hints
        self.cores = _boundary_cores(mentions, text)
        self.defined = _parenthetical_definitions(mentions, text)
        # where each name defined in brackets is used ('the ZLF' after 'Zanzar Liberation Front
        # (ZLF)'), by the mention defining it: short, those uses are clustered last, yet they say
        # which of two entities the text spoke of last
        self.defined_used: dict[int, list[int]] = defaultdict(list)
        definer = {normal(mentions[b][0]): a for b, a in self.defined.items()}
        for form, _, p in mentions:
            if normal(form) in definer:
                self.defined_used[definer[normal(form)]].append(p)
        self.known_as = _known_as(mentions, text)
        self.parts = {pair for part in _parts(mentions, text) for pair in (part, part[::-1])}
        self.clusters: list[_Cluster] = []
        self.assigned: dict[int, int] = {}
        # A name repeats many times in an article; whether it joins a cluster depends only on
        # the cluster's forms and its leading type, so the answer is kept until one changes.
        self.known: dict[tuple, str] = {}
        # Only clusters that share a lookup key with a form can take it (_lookup_keys), so a
        # mention is compared with a few clusters, not with every cluster of the article.
        self.by_key: dict[str, set[int]] = defaultdict(set)

    def matched_form(self, i: int) -> str:
        """The form a mention is clustered by: the name a hint gives it (a dateline's code, a
        state's body), the core of a boundary-junk form, or its text."""
        if self.mentions[i][2] in self.hints:
            return self.hints[self.mentions[i][2]]
        return self.cores[i][0] if i in self.cores else self.mentions[i][0]

    def same(self, form: str, etype: str, c: int) -> str:
        cl = self.clusters[c]
        key = (form, etype, c, len(cl.forms), cl.types.most_common(1)[0][0])
        if key not in self.known:
            self.known[key] = _same(form, etype, cl)
        return self.known[key]

    def run(self) -> tuple[list[int], list[LocalEntity]]:
        def fullest_first(i: int) -> tuple:
            words, letters = fullness(self.matched_form(i))[:2]
            return -words, -letters, self.mentions[i][2]

        order = sorted(range(len(self.mentions)), key=fullest_first)
        for i in order:
            text_form, etype, pos = self.mentions[i]
            form, reason = text_form, ""
            if i in self.cores:
                form, etype, reason = self.cores[i]
            if pos in self.hints:
                form, reason = self.hints[pos], f"'{text_form}' here is '{self.hints[pos]}'"
            target, why = self.target(i, form, etype, pos)
            reason = "; ".join(r for r in (reason, why) if r)
            if target is None:
                self.clusters.append(_Cluster(founder_type=etype))
                target = len(self.clusters) - 1
            self.join(i, target, form, text_form, etype, reason)
        self.merge_short_names()
        return self.entities()

    def target(self, i: int, form: str, etype: str, pos: int) -> tuple[int | None, str]:
        """The cluster a mention joins, and why; None for a new one."""
        if i in self.defined and self.defined[i] in self.assigned:
            return self.assigned[self.defined[i]], f"defined in brackets after '{self.mentions[self.defined[i]][0]}'"
        if i in self.known_as and self.known_as[i] in self.assigned:
            return self.assigned[self.known_as[i]], f"what '{self.mentions[self.known_as[i]][0]}' is known as"
        near = set().union(*(self.by_key.get(k, ()) for k in _lookup_keys(form, probe=True)))
        candidates = [c for c in sorted(near) if self.same(form, etype, c) and not self.another_countrys(form, c)
                      and not self._named_after_it(form, etype, c, pos)
                      and not any((normal(form), normal(f)) in self.parts for f in self.clusters[c].forms)]
        if not candidates:
            return None, ""
        clusters = self.clusters
        if len(candidates) > 1 and " " not in form.strip() \
                and all(clusters[c].types.most_common(1)[0][0] == "PERSON" for c in candidates) \
                and all(clusters[c].full for c in candidates):
            # a bare name of several people: the one the article introduced first, unless the
            # article has left that one for the other it has just named in full
            target = min(candidates, key=lambda c: clusters[c].full[0])
            target = self._just_named(candidates, target, pos)
        else:
            # the nearest mention before this one decides between several candidates
            def recency(c: int) -> tuple[int, int]:
                positions = sorted(clusters[c].positions + [p for a, used in self.defined_used.items()
                                                            if self.assigned.get(a) == c for p in used])
                before = bisect.bisect_left(positions, pos)
                return (positions[before - 1] if before else -1, len(positions))
            target = max(candidates, key=recency)
        return target, self.same(form, etype, target)

    def _just_named(self, candidates: list[int], first: int, pos: int) -> int:
        """'... as President Franklin Roosevelt proposed. [paragraphs on] In 1905, President
        Theodore Roosevelt mediated a peace. Roosevelt's efforts earned him ...': a bare surname
        right after a second bearer's full name, far from any mention of the first, is the second."""
        def last_before(c: int) -> int:
            positions = self.clusters[c].positions
            return positions[bisect.bisect_left(positions, pos) - 1] if positions and positions[0] < pos else -1

        latest = max(candidates, key=last_before)  # (the only cluster with a mention at its position)
        named = last_before(latest)
        if latest == first or named < 0 or pos - named > JUST_NAMED or pos - last_before(first) < LEFT_BEHIND \
                or named not in self.clusters[latest].full:
            return first
        return latest

    def _named_after_it(self, form: str, etype: str, c: int, pos: int) -> bool:
        """'Zanzar's state-owned Zanzar Oil': a place named before the company named after it is
        the place; the company's name without its trade word stands for it only after it."""
        return self.same(form, etype, c).endswith(TRADE_WORD) and min(self.clusters[c].positions, default=pos) > pos

    def another_countrys(self, form: str, c: int) -> bool:
        """'the Senate' in an article about Ruritania that names the 'U.S. Senate' once in passing:
        a body by its bare name is the article's country's, not the one another country's name
        qualifies once (resolution across articles finds which). A body the article names so more
        than once, or in its headline, is what its bare name means ('the U.S. Navy' in an article
        on a wreck off Japan)."""
        kind = institution(form, place_of) if not is_acronym(form) else None
        cl = self.clusters[c]
        if not kind or kind[1] is not None or len(cl.positions) > 1:
            return False
        places = {found[1] for o in cl.forms if not is_acronym(o) and (found := institution(o, place_of)) and found[1]}
        return bool(places) and places <= country_names() and self.country not in places | {None} \
            and not places & self.headline_places  # (a state's body, "Texas Senate", is no other country's)

    @functools.cached_property
    def headline_end(self) -> int:
        return self.text.find("\n") if "\n" in self.text else 0

    @functools.cached_property
    def headline_places(self) -> set[str]:
        """The places that qualify a body the headline names ('U.S. House issues ...'): a body of
        theirs is what the article is about, whatever its place names count."""
        return {found[1] for t, _, p in self.mentions if p < self.headline_end and not is_acronym(t)
                and (found := institution(t, place_of)) and found[1]}

    @functools.cached_property
    def country(self) -> str | None:
        ranked = article_countries([(t, e, p < self.headline_end) for t, e, p in self.mentions])
        return ranked[0] if ranked else None

    def join(self, i: int, target: int, form: str, text_form: str, etype: str, reason: str) -> None:
        pos = self.mentions[i][2]
        cl = self.clusters[target]
        if i in self.defined and self.assigned.get(self.defined[i]) == target \
                or i in self.known_as and self.assigned.get(self.known_as[i]) == target:
            cl.defined.add(form)
        etype = cl.types.most_common(1)[0][0] if form in cl.defined else _joined_type(form, etype, cl)
        if form not in cl.forms:
            cl.forms.append(form)
            for k in _lookup_keys(form, probe=False):
                self.by_key[k].add(target)
        if text_form != form and text_form not in cl.surface:
            cl.surface.append(text_form)
        for f in (form, text_form):
            if reason and f not in cl.reasons and len(cl.positions):
                cl.reasons[f] = reason
        cl.keys.add(normal(form))
        cl.types[etype] += 1
        bisect.insort(cl.positions, pos)
        if len(tokens(form)) > 1:
            bisect.insort(cl.full, pos)
        if pos in self.hints:
            cl.hint = self.hints[pos]
        self.assigned[i] = target

    def merge_short_names(self) -> None:
        full_at: dict[int, list[int]] = defaultdict(list)
        for i, c in self.assigned.items():
            if len(tokens(self.matched_form(i))) > 1:
                full_at[c].append(self.mentions[i][2])
        for short, full in _short_names(self.clusters, full_at, self.text).items():
            into = self.clusters[full]
            for form in self.clusters[short].forms:
                into.forms.append(form)
                into.reasons[form] = f"'{into.label}' without a middle name"
            into.types.update(self.clusters[short].types)
            into.positions = sorted(into.positions + self.clusters[short].positions)
            self.assigned = {i: full if c == short else c for i, c in self.assigned.items()}
            self.clusters[short].positions = []

    def entities(self) -> tuple[list[int], list[LocalEntity]]:
        """Entities numbered by first mention, so output is stable and reads in text order."""
        clusters, assigned = self.clusters, self.assigned
        first = sorted((c for c in range(len(clusters)) if clusters[c].positions),
                       key=lambda c: min(clusters[c].positions))
        renumber = {old: new for new, old in enumerate(first)}
        first_at: dict[tuple[int, str], int] = {}
        for j, (m, _, p) in enumerate(self.mentions):
            for key in ((assigned[j], m), (assigned[j], self.matched_form(j))):
                first_at[key] = min(p, first_at.get(key, p))
        entities = []
        for old in first:
            cl = clusters[old]
            forms = sorted(cl.forms + cl.surface, key=lambda f: first_at[(old, f)])
            label = cl.label
            # ('Spike Cohen', the name by its nickname, though the article writes it only inside the full one)
            nicknamed = {nick: f"'{f}' by the nickname it gives" for f in forms
                         if cl.type == "PERSON" and (nick := by_nickname(f)) and nick not in forms}
            entities.append(LocalEntity(label=label, type=cl.type,
                                        forms=tuple(dict.fromkeys([label, *forms, *nicknamed])),
                                        reasons=tuple((f, r) for f, r in {**cl.reasons, **nicknamed}.items()
                                                      if f != label)))
        return [renumber[assigned[i]] for i in range(len(self.mentions))], entities


def _joined_type(form: str, etype: str, cl: _Cluster) -> str:
    """The type a form counts for in the entity it joins, when the tagger's is the entity's
    name's mistyped."""
    if not cl.types:
        return etype
    ctype = cl.types.most_common(1)[0][0]
    if ctype == "PERSON" and etype in ("PLACE", "ORG"):
        return "PERSON"  # a person's given name the tagger took for a place
    if _plural_of_movement(normal(form), etype, cl, ctype):
        return ctype  # "Houthis" of the "Houthi movement": its type
    if ctype == "EVENT" and _storm_name(_Form(form, etype, normal(form), tokens(form), "EVENT"), cl):
        return "EVENT"  # "Dorian" of "Hurricane Dorian", which the tagger took for a person
    if etype == "PLACE" and ctype == "ORG" and any(_without_body_noun(form, other) for other in cl.forms):
        return "ORG"  # "Houthi" of the "Houthi movement", which the tagger took for a place
    if etype == "GROUP" and _party_by_its_name(_Form(form, etype, normal(form), tokens(form), ctype), cl) \
            or _company_without_its_legal_form(_Form(form, etype, normal(form), tokens(form), ctype), cl):
        return "ORG"  # "Labour" of the "Labour Party", which the tagger took for a group; a company
    return etype


def _lookup_keys(form: str, probe: bool) -> set[str]:
    """Keys under which a cluster holding `form` is found (probe=False), or under which to look
    for clusters that `form` may join (probe=True). Every way `_same` can join a form to a
    cluster relates it to one of the cluster's forms through a shared key: a word (or a part of
    a hyphenated word), a plural's stem, the country or people it names, an acronym's letters."""
    key = normal(form)
    words = key.split()
    out = set(words) | {part for w in words for part in w.split("-") if part}
    if key.endswith("s"):
        out.add(key[:-1])
    country = gazetteer.countries().get(key)
    if country:
        out.add("country:" + country)
    out.add("people:" + _people_stem(key, gazetteer.demonyms()))
    letters = key.replace(" ", "")
    if is_acronym(form):
        out.add(("acronym:" if probe else "expansion:") + letters)
    for letters in initials(form):
        out.add(("expansion:" if probe else "acronym:") + letters)
    bare = without_country(form) if not probe else None
    for letters in initials(bare[1]) if bare else ():
        out.add("acronym:" + letters)
    return out


@dataclass(frozen=True)
class _Form:
    """A form being compared with an entity of the article: its text, type, normal key and words,
    and the entity's type."""
    text: str
    type: str
    key: str
    words: list[str]
    ctype: str


def _same(form: str, etype: str, cl: _Cluster) -> str:
    """Why `form` (of type `etype`) names the entity `cl` holds — a reason a reader can check —
    or "" when it does not: the first rule of SAME_NAME_RULES that decides."""
    f = _Form(form, etype, normal(form), tokens(form), cl.types.most_common(1)[0][0])
    for _, _, rule in SAME_NAME_RULES:
        reason = rule(f, cl)
        if reason is not None:
            return reason
    return ""


# Each rule returns a reason (the same thing), "" (certainly not: stop) or None (no say).

def _defined_name(f: _Form, cl: _Cluster) -> str | None:
    """A name the article defined as the entity's ('X, known as Hemedti', 'Y (ZLF)'), again,
    whatever the tagger typed it this time (not a known place's name)."""
    if f.key in {normal(d) for d in cl.defined} and gazetteer.place_kind(f.text) is None:
        return "a name the article gave it"
    return None


def _given_name_mistyped(f: _Form, cl: _Cluster) -> str | None:
    if f.ctype == "PERSON" and f.type in ("PLACE", "ORG") and " " not in f.key \
            and any(" " in o and normal(o.split(" ", 1)[0]) == f.key for o in cl.forms) \
            and not is_acronym(f.text) and gazetteer.place_kind(f.text) is None and f.key not in gazetteer.demonyms():
        return f"the given name of '{_first(cl.forms, lambda o: ' ' in o and normal(o.split(' ', 1)[0]) == f.key)}'"
    return None


def _storm_name(f: _Form, cl: _Cluster) -> str | None:
    """'Dorian' after 'Hurricane Dorian', whatever type the tagger gave it: the storm."""
    if f.ctype != "EVENT" or len(f.words) != 1:
        return None
    full = next((o for o in cl.forms if len(tokens(o)) >= 2 and tokens(o)[-1] == f.key
                 and all(w in STORM_WORDS for w in tokens(o)[:-1])), None)
    return f"the name of the storm '{full}'" if full else None


def _surname_mistyped(f: _Form, cl: _Cluster) -> str | None:
    """The last word or words of a person the article names in full, which the tagger took for a
    place or an organisation ('Jorgensen' after 'Jo Jorgensen', 'La Riva' after 'Gloria La Riva')."""
    if not (f.ctype == "PERSON" and f.type in ("PLACE", "ORG")) or is_acronym(f.text) \
            or gazetteer.place_kind(f.text) is not None or f.key in gazetteer.demonyms():
        return None
    n = len(f.words)
    full = next((o for o in cl.forms if len(tokens(o)) > n and tokens(o)[-n:] == f.words), None)
    return f"the surname of '{full}'" if full else None


def _members_plural(f: _Form, cl: _Cluster) -> str | None:
    if _plural_of_movement(f.key, f.type, cl, f.ctype):
        return f"the plural of '{_first(cl.forms, lambda o: normal(o).split(' ')[0] == f.key[:-1])}', its members"
    return None


def _movement_of_its_members(f: _Form, cl: _Cluster) -> str | None:
    """'Houthi' (an organisation: 'Houthi rebels') and the 'Houthis' the article named first: the
    movement its members' plural names (not a people's word: 'Afghan' and 'Afghans' are a group)."""
    if f.type == "ORG" and len(f.words) == 1 and f.key + "s" in cl.keys and f.ctype in ("GROUP", "PLACE", "ORG") \
            and f.key not in gazetteer.demonyms() and f.key + "s" not in PARTY_GROUP_WORDS:
        return f"the movement of the '{_first(cl.forms, lambda o: normal(o) == f.key + 's')}'"
    return None


def _party_by_its_name(f: _Form, cl: _Cluster) -> str | None:
    """'Labour' after 'the Labour Party', which the tagger took for a group: the party by its
    name alone, when that is no people's word or creed's adjective ('Republican', 'Kenyan')."""
    if f.type == "GROUP" and f.ctype == "ORG" and len(f.words) == 1 and _party_word(f.key) \
            and any(normal(o) == f.key + " party" for o in cl.forms):
        return f"the party '{f.text} Party' by its name"
    return None


def _company_without_its_legal_form(f: _Form, cl: _Cluster) -> str | None:
    """'Norden Metals' after 'Norden Metals AB', whatever type the tagger gave it: the company."""
    if f.ctype != "ORG" or f.type == "ORG":
        return None
    for other in cl.forms:
        words = tokens(other)
        if len(words) == len(f.words) + 1 and words[:-1] == f.words and words[-1] in COMPANY_SUFFIXES:
            return f"'{other}' without its legal form"
    return None


def _party_word(key: str) -> bool:
    return key not in gazetteer.demonyms() and key not in PARTY_ADJECTIVES - PARTY_WORDS_OF_OTHER_THINGS


def _same_key(f: _Form, cl: _Cluster) -> str | None:
    if f.key not in cl.keys:
        return None
    same_type = f.type == f.ctype or {f.type, f.ctype} <= {"ORG", "PLACE"}
    return f"the same name as '{_first(cl.forms, lambda o: normal(o) == f.key)}'" if same_type else ""


def _same_country(f: _Form, cl: _Cluster) -> str | None:
    country = gazetteer.countries().get(f.key)
    if country and f.type == f.ctype == "PLACE" and any(gazetteer.countries().get(k) == country for k in cl.keys):
        return f"another name of the country {country} (gazetteer)"
    return None


def _country_named_otherwise(f: _Form, cl: _Cluster) -> str | None:
    """'US Marines' and 'United States Marines': one body, its country named two ways."""
    mine = _with_country_named_once(f.key)
    if mine is None or f.type != f.ctype:
        return None
    other = next((o for o in cl.forms if _with_country_named_once(normal(o)) == mine), None)
    return f"'{other}' with the country named otherwise (gazetteer)" if other else None


def _with_country_named_once(key: str) -> str | None:
    """A key that opens with a country's name, that name replaced by the country's own ('us
    marines' → 'United States marines'); None for a key that opens with none."""
    words = key.split()
    for k in (3, 2, 1):
        country = gazetteer.countries().get(" ".join(words[:k])) if len(words) > k else None
        if country:
            return " ".join([country, *words[k:]])
    return None


def _surname_typed_as_organisation(f: _Form, cl: _Cluster) -> str | None:
    if not (f.type == f.ctype == "ORG" and " " not in f.key and not is_acronym(f.text)):
        return None
    full = _first(cl.forms, lambda o: len(tokens(o)) > 1 and tokens(o)[-1] == f.key
                  and tokens(o)[0] in gazetteer.given_names() and institution(o, place_of) is None)
    return f"the surname of '{full}'" if full and tokens(full)[-1] == f.key else None


def _institution_in_other_words(f: _Form, cl: _Cluster) -> str | None:
    kind = institution(f.text, place_of) if f.type == f.ctype == "ORG" and not is_acronym(f.text) else None
    if not kind:
        return None
    for other in cl.forms:
        other_kind = institution(other, place_of) if not is_acronym(other) else None
        if not other_kind or other_kind[0].split(" ")[0] != kind[0].split(" ")[0]:
            continue
        # "U.S. House" and "United States House of Representatives": a chamber by its head word
        # alone is the one of that place the article names in full (not "House of Lords" and
        # "House of Commons", which differ in more than the head word)
        # (not a party: "Unity Party" is no "Democratic Party" of Unity — parties are named by
        # their creed, not by their head word and a place)
        same_kind = other_kind[0] == kind[0] or kind[0] in _BARE_HEADS or other_kind[0] in _BARE_HEADS
        if kind[1] and other_kind[1] == kind[1] and same_kind:
            return f"'{other}' in other words (the same {kind[0].split(' ')[0]} of {kind[1]})"
        if kind[0].split(" ")[0] == "party" and kind[1] is None and other_kind[1] \
                and gazetteer.place_kind(other_kind[1]) == "subdivision":
            continue  # "the Democratic Party" is not the "Iowa Democratic Party", its state's branch
        if kind[1] is None and kind[0] in INSTITUTION_HEADS or same_kind and None in (kind[1], other_kind[1]) \
                and (kind[1] or other_kind[1]):
            return f"the {kind[0]} the article named in full, '{other}'"
    return None


_BARE_HEADS = INSTITUTION_HEADS - {"party"}

# A bare surname is the bearer named in full at most JUST_NAMED characters before it (about the
# sentence before) rather than the article's first bearer only when that one was last mentioned
# at least LEFT_BEHIND characters before it (a few paragraphs: the story has moved on).
JUST_NAMED, LEFT_BEHIND = 400, 1500


def _body_by_its_head_word(f: _Form, cl: _Cluster) -> str | None:
    """'the Department' after 'the California Department of Corrections and Rehabilitation': a
    body by the head word of the name the article gave it (one the generic names do not know)."""
    if len(f.words) != 1 or f.type != "ORG" or f.ctype != "ORG" or f.words[0] not in _BARE_HEADS:
        return None
    for other in cl.forms:
        words = tokens(other)
        cut = next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))
        if 1 < cut < len(words) and words[cut - 1] == f.words[0]:
            return f"'{other}' by its head word"
    return None


def _person_and_not_person(f: _Form, cl: _Cluster) -> str | None:
    return "" if (f.type == "PERSON") != (f.ctype == "PERSON") else None


def _by_its_nickname(f: _Form, cl: _Cluster) -> str | None:
    """'Eddie Van Halen' and 'Edward Lodewijk "Eddie" Van Halen': a person by the nickname the full
    name gives in quotes."""
    if not f.type == f.ctype == "PERSON":
        return None
    mine = by_nickname(f.text)
    for other in cl.forms:
        theirs = by_nickname(other)
        if theirs and normal(theirs) == f.key or mine and normal(mine) == normal(other):
            return f"'{other}' by the nickname it gives" if theirs else f"'{other}' with the nickname it goes by"
    return None


def _initials_or_spelling(f: _Form, cl: _Cluster) -> str | None:
    if not (f.type == f.ctype == "PERSON" and len(f.words) > 1):
        return None
    bare = _without_initials(f.words)
    for other in cl.forms:
        other_bare = _without_initials(tokens(other))
        if len(bare) > 1 and bare == other_bare:
            return f"'{other}' without or with initials"
        if len(bare) > 1 and spelling_variant(" ".join(bare), " ".join(other_bare)):
            return f"a spelling of '{other}'"
        if same_but_given_nickname(bare, other_bare):
            return f"'{other}' with the given name's short form (nicknames)"
    return None


def _short_names(clusters: list[_Cluster], full_at: dict[int, list[int]], text: str) -> dict[int, int]:
    """'Elijah Cummings' and 'Elijah Eugene Cummings', 'John Conyers' and 'John James Conyers Jr.'
    in one article: the same first and last names are one person, when exactly one person has the
    fuller name, unless a word of kinship stands beside either ('Karim Haidari, son of Karim Omar
    Haidari'). `full_at`: where each cluster is named by a name of several words. Cluster → the
    cluster it joins."""
    out: dict[int, int] = {}
    if not text:
        return out  # without the text, no telling a son from his father
    people = [c for c, cl in enumerate(clusters) if cl.types.most_common(1)[0][0] == "PERSON" and full_at.get(c)]
    cores = {c: [_without_suffix(_without_initials(tokens(f))) for f in clusters[c].forms if len(tokens(f)) > 1]
             for c in people}
    by_ends: dict[tuple[str, str], set[int]] = defaultdict(set)  # (first, last name) → clusters
    for c in people:
        for core in cores[c]:
            if len(core) > 1:
                by_ends[(core[0], core[-1])].add(c)
    for c in people:
        near = set().union(*(by_ends[(core[0], core[-1])] for core in cores[c] if len(core) > 1))
        fits = {o for o in near if o != c and any(_fuller(core, other) for core in cores[c] for other in cores[o])}
        if len(fits) == 1 and not any(_kin_beside(text, p) for p in full_at[c] + full_at[next(iter(fits))]):
            out[c] = fits.pop()
    return out


def _kin_beside(text: str, pos: int) -> bool:
    """A word of kinship near the name, in its own sentence ('Mugabe was the founding father of
    Zimbabwe. Robert Gabriel Mugabe was born ...' is no father beside the name)."""
    start, end = max(0, pos - 40), pos + 80
    for brk in _SENTENCE_BREAK.finditer(text, start, min(end, len(text))):
        if brk.end() <= pos:
            start = brk.end()
        elif brk.start() > pos:
            end = brk.start()
            break
    window = text[start:end].lower()
    return any(re.search(rf"\b{word}\b", window) for word in KINSHIP)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“])|\n")


def _fuller(short: list[str], full: list[str]) -> bool:
    return 1 < len(short) < len(full) and short[0] == full[0] and short[-1] == full[-1] and set(short) <= set(full)


def _monarch(f: _Form, cl: _Cluster) -> str | None:
    if f.type != "PERSON" or f.ctype != "PERSON":
        return None
    name = _regnal_name(f.words)
    for other in cl.forms:
        other_words = tokens(other)
        other_name = _regnal_name(other_words)
        if name and other_name is None and len(other_words) > 1 and other_words[0] == name:
            return f"the title and given name of '{other}'"
        if other_name and name is None and len(f.words) > 1 and f.words[0] == other_name:
            return f"the full name of '{other}'"
    return None


def _same_people(f: _Form, cl: _Cluster) -> str | None:
    if f.type != "GROUP" and f.ctype != "GROUP":
        return None
    d = gazetteer.demonyms()
    if f.type == f.ctype:
        other = next((o for o in cl.forms if _people_stem(normal(o), d) == _people_stem(f.key, d)), None)
        if other:  # (not "South Korean" and "North Korean", which share a word only)
            return f"the same people as '{other}'"
    return ""


def _part_of_a_name(f: _Form, cl: _Cluster) -> str | None:
    """A meeting by another word, an acronym, a surname or given name, a name without its
    generic word or qualifier."""
    for other in cl.forms:
        if f.type == f.ctype == "EVENT" and _same_meeting(f.words, tokens(other)):
            return f"the meeting '{other}' by another word"
        if acronym_of(f.text, other):
            return f"the initials of '{other}'" if f.type != "PERSON" else ""
        if f.type != "PERSON" and is_acronym(f.text) and (bare := without_country(other)) \
                and acronym_of(f.text, bare[1]):
            return f"the initials of '{other}' without its country"  # 'CIA' of 'United States Central ...'
        if acronym_of(other, f.text):
            return f"'{other}' written out" if f.type != "PERSON" else ""
        other_words = tokens(other)
        reason = _shorter_form(f, other, other_words) if contiguous_in(f.words, other_words) else None
        if reason is not None:
            return reason
    return None


def _shorter_form(f: _Form, other: str, other_words: list[str]) -> str | None:
    words = f.words
    other_words = _without_suffix(other_words)
    if f.type == "PERSON":
        return _part_of_a_persons_name(words, other, other_words)
    if f.type == "PLACE" and f.ctype in ("PLACE", "ORG"):
        return _place_form(f, other, other_words)
    if not (f.type == f.ctype or {f.type, f.ctype} <= {"ORG", "EVENT"}):
        return None
    if _body_and_event(f, words, other_words):
        return None
    # a name without its qualifier: a prefix, or a run of at least two words — but a country is
    # the qualifier itself ("Ruritania" of "Ruritania Democratic Party")
    if _a_part_of(words, other_words):
        return None  # "House" is not "House Intelligence Committee": another body, the House's own
    if _what_it_is_for(words, other_words) and (f.type != f.ctype or words[-1] in ORG_HEADS | INSTITUTION_HEADS):
        # "Anime North" is not "Congress Centre for Anime North": what the centre is for; "the Coast
        # Guard" is not "the Command and Control Centre of the Coast Guard": a body of its own
        return None
    if _another_thing(words, other_words) or _a_branch_of(words, other_words) \
            or _part_of_an_event(f, words, other_words):
        return None
    if (other_words[:len(words)] == words or len(words) >= 2) and not gazetteer.countries().get(f.key):
        if is_acronym(f.text) and other_words[:len(words)] == words and len(other_words) == len(words) + 1 \
                and other_words[-1] in OUTLET_WORDS:
            return f"'{other}' without its outlet word"  # "NBC" of "NBC News"
        if not is_acronym(f.text) or acronym_of(f.text, other):
            return f"'{other}' without its qualifier"
        return ""
    return None


def _part_of_an_event(f: _Form, words: list[str], other_words: list[str]) -> bool:
    """'Brexit' is not its 'Brexit referendum': an event's name and a word for a step towards it
    name another event (but 'Unite the Right rally', 'South Carolina primary election': the kind of
    the event named)."""
    return f.type == f.ctype == "EVENT" and len(other_words) == len(words) + 1 \
        and other_words[:len(words)] == words and other_words[-1] in STEPS_TO_AN_EVENT


def _body_and_event(f: _Form, words: list[str], other_words: list[str]) -> bool:
    """'World Athletics' is not its 'World Athletics Championships', 'Prohibition' (the period) not
    the 'Prohibition Party': a body and an event named one after the other."""
    if len(other_words) <= len(words) or other_words[:len(words)] != words:
        return False
    return f.type == "ORG" and f.ctype == "EVENT" and other_words[-1] in EVENT_HEADS \
        or f.type == "EVENT" and f.ctype == "ORG" and other_words[-1] in ORG_HEADS


def _a_branch_of(words: list[str], other_words: list[str]) -> bool:
    """'Iowa Democratic Party', 'Prohibition Party of Illinois': a party's state or city branch is
    not the party its bare name means ('the Democratic Party'; but 'U.S. Prohibition Party' is)."""
    if not words or words[-1] not in PARTY_HEADS or len(other_words) <= len(words):
        return False
    if other_words[-len(words):] == words:
        rest = other_words[:-len(words)]
    elif other_words[:len(words)] == words:
        rest = [w for w in other_words[len(words):] if w not in ("of", "in", "the")]
    else:
        return False
    return bool(rest) and gazetteer.place_kind(" ".join(rest)) == "subdivision"


def _part_of_a_persons_name(words: list[str], other: str, other_words: list[str]) -> str | None:
    """One word joins a person only as their surname or given name, or as the first of two
    surnames ('Boric' of 'Gabriel Boric Font') or the name a person of several names goes by
    ('Lula' of 'Luiz Inacio Lula da Silva')."""
    if len(words) > 1:
        return f"part of the name '{other}'"
    if words[0] == other_words[-1]:
        return f"the surname of '{other}'"
    if words[0] == other_words[0]:
        return f"the given name of '{other}'"
    inner = [w for w in other_words[1:-1] if w not in PARTICLES and len(w) > 2]
    return f"the name '{other}' goes by" if words[0] in inner else None


def _place_form(f: _Form, other: str, other_words: list[str]) -> str | None:
    """A place's name without its generic word ('Zarin' of 'Zarin Valley'); an
    organisation's, which the tagger took for a place, without its body noun ('Houthi' of 'the
    Houthi movement')."""
    if f.ctype == "ORG":
        if _without_body_noun(f.text, other):
            return f"'{other}' without its body noun"
        # 'Nordvik' of 'Nordvik Energy' (only after it: see _Clustering._named_after_it)
        return f"'{other}' {TRADE_WORD}" if _without_body_noun(f.text, other, COMPANY_WORDS) else None
    extra = [w for w in other_words if w not in f.words]
    if not extra or not all(w in PLACE_GENERICS for w in extra) or _another_place(f.text, extra):
        return None
    return f"'{other}' without its generic word"


def _what_it_is_for(words: list[str], other_words: list[str]) -> bool:
    """The words after the longer name's last 'for' or 'of'."""
    cut = max((i for i, w in enumerate(other_words) if w in ("for", "of")), default=-1)
    return cut >= 0 and [w for w in other_words[cut + 1:] if w != "the"] == words


def _another_thing(words: list[str], other_words: list[str]) -> bool:
    """'Democratic Party' is not 'Christian Democratic Party' (but 'US Democratic Party' is): a
    party's words make another party; 'Constitution Party' is not the 'Constitution Party National
    Convention': a body is not the meeting named after it, nor the school or department named
    after it."""
    if words[-1] == "party" and other_words[:len(words)] != words and not _place_before(words, other_words):
        return True
    if other_words[:len(words)] == words and len(other_words) > len(words) \
            and (words[-1] in ORG_HEADS or len(words) >= 2) and other_words[len(words)] in SUB_UNIT_HEADS:
        return True  # 'Boston University' is not its 'School of Public Health', nor 'House of Commons' its Library
    rest = other_words[len(words):] if other_words[:len(words)] == words else []
    if len(rest) >= 2 and rest[0].rstrip(",").isalpha() and rest[0] not in NAME_LINK_WORDS | {"in", "at", "to"} \
            and rest[-1] in ORG_HEADS and rest[-1] != words[-1]:
        return True  # 'United Nations' is not its 'Educational, Scientific and Cultural Organization'
    return words[-1] in ORG_HEADS and other_words[-1] in EVENT_HEADS - ORG_HEADS


def _place_before(words: list[str], other_words: list[str]) -> bool:
    """The longer name is the shorter one with a place before it."""
    n = len(other_words) - len(words)
    return n > 0 and other_words[n:] == words and place_of(" ".join(other_words[:n])) is not None


def _a_part_of(words: list[str], other_words: list[str]) -> bool:
    """A chamber's word before the name of one of its bodies ('House' of 'House Intelligence
    Committee')."""
    return len(words) == 1 and words[0] in INSTITUTION_HEADS and other_words[-1] != words[0] \
        and other_words[-1] in ORG_HEADS | INSTITUTION_HEADS


def _without_body_noun(short: str, name: str, nouns: set[str] = BODY_NOUNS) -> bool:
    """'Houthi' of 'Houthi movement': an organisation's name less the body noun that ends it, no
    known place."""
    words, name_words = tokens(short), tokens(name)
    return len(name_words) > len(words) and name_words[:len(words)] == words \
        and all(w in nouns for w in name_words[len(words):]) and gazetteer.place_kind(short) is None


TRADE_WORD = "without its trade word"


def _another_place(short: str, generic: list[str]) -> bool:
    """'Mexico' and 'Mexico City', 'New York' and 'New York City', 'Kabul' and 'Kabul Province':
    the short name is a known place of another kind than the generic word says."""
    if "city" in generic:
        return gazetteer.place_kind(short) in ("country", "subdivision")
    return bool(set(generic) & {"province", "county", "district", "region"}) and normal(short) in gazetteer.cities()


def _surname_after_particle(f: _Form, cl: _Cluster) -> str | None:
    if not (f.type == f.ctype == "PERSON" and len(f.words) == 1):
        return None
    for other in cl.forms:
        other_words = tokens(other)
        if len(other_words) > 1 and "-" in other_words[-1] and other_words[-1].split("-", 1)[1] == f.words[0]:
            return f"the surname of '{other}' without its particle"
    return None


# When a form names an entity the article already has, in order: (name, example, rule).
SAME_NAME_RULES = [
    ("a name it was given", "'Hemedti' after 'Mohamed Hamdan Dagalo, known as Hemedti'", _defined_name),
    ("given name mistyped", "'Jamal' after 'Jamal Khashoggi', tagged a place", _given_name_mistyped),
    ("a storm's name", "'Dorian' after 'Hurricane Dorian', tagged a person", _storm_name),
    ("surname mistyped", "'Jorgensen' after 'Jo Jorgensen', 'La Riva' after 'Gloria La Riva'", _surname_mistyped),
    ("members' plural", "'Houthis' and the 'Houthi movement'", _members_plural),
    ("a movement by its members' plural", "'Houthi rebels' after 'the Houthis'", _movement_of_its_members),
    ("a party by its name", "'Labour' after 'the Labour Party', tagged a group", _party_by_its_name),
    ("a company without its legal form", "'Norden Metals' after 'Norden Metals AB', tagged a place",
     _company_without_its_legal_form),
    ("same name", "'the Kharaj' and 'Kharaj'", _same_key),
    ("same country", "'USA' and 'United States' (gazetteer)", _same_country),
    ("country named otherwise", "'US Marines' and 'United States Marines' (gazetteer)", _country_named_otherwise),
    ("surname tagged an organisation", "'Smith said' after 'John Smith'", _surname_typed_as_organisation),
    ("institution in other words", "'the Court' after 'the Supreme Court of Ruritania'", _institution_in_other_words),
    ("a body by its head word", "'the Department' after 'the Lakeside Department of Corrections and Parole'",
     _body_by_its_head_word),
    ("a person and not a person", "'Jordan' (the country) and 'Michael Jordan'", _person_and_not_person),
    ("a nickname", "'Spike Cohen' / 'Jeremy \"Spike\" Cohen'", _by_its_nickname),
    ("initials or spelling", "'John R. Bolton' / 'John Bolton', 'bin Ladin' / 'bin Laden', 'Bill Weld' / "
     "'William Weld'", _initials_or_spelling),
    ("monarch", "'Sultan Qaboos' and 'Qaboos bin Said'", _monarch),
    ("same people", "'Kurds' and 'Kurdish'", _same_people),
    ("part of a name", "'ZLF' / 'Zanzar Liberation Front'; 'Smith' of 'John Smith'", _part_of_a_name),
    ("surname after a particle", "'Assad' of 'Bashar al-Assad'", _surname_after_particle),
]


def _first(forms: list[str], test) -> str:
    return next((f for f in forms if test(f)), forms[0] if forms else "")


# Name particles: a word before one of them is part of a surname ("De La Fuente", "bin Salman").
PARTICLES = {"de", "la", "le", "du", "des", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den",
             "al", "el", "bin", "ibn", "bint", "abu", "ben"}
# Titles a name can be cut from; a monarch's or pope's title is part of a one-word name ("Pope X").
_TITLE_WORDS = (HONORIFICS | LEADER_ROLES | MEMBER_ROLES | SUBORDINATE_MODIFIERS) - REGNAL_TITLES


def _boundary_cores(mentions: list[tuple[str, str, int]], text: str) -> dict[int, tuple[str, str, str]]:
    """Mentions the entity layer cut too wide, each → (the name it is, that name's type, why).

    Only a name the article uses on its own elsewhere counts, so a real name is never cut:
    - a person's name after a place or organisation the article names, after a title, or after
      a capitalised everyday word that opens the sentence ("Ruritania John Smith", "House Mary
      Jones", "Prime Minister Smith", "Afterwards Smith");
    - a name after a year ("2020 Ruritania") or with a title or lower-case words after it
      ("Ruritania Vice", "Ruritania president(s");
    - two names joined ("Smith-Jones", "Smith and Jones"): the first, since one mention can
      only name one thing.
    """
    known: dict[str, Counter] = defaultdict(Counter)
    for form, etype, _ in mentions:
        known[normal(form)][etype] += 1
    for key, types in list(known.items()):
        if "PERSON" in types and " " in key:
            known.setdefault(key.rsplit(" ", 1)[1], Counter())["PERSON"] += 0  # a surname the article uses
    out = {}
    for i, (form, etype, pos) in enumerate(mentions):
        words = form.split()
        if gazetteer.place_kind(form) is not None:
            continue
        found = _joined_names(form, known) or (len(words) > 1 and (
            _prefixed_name(words, known, _opens_sentence(text, pos)) or _suffixed_name(words, known)))
        if found:
            core, why = found
            types = known.get(normal(core)) or Counter({etype: 1})
            out[i] = (core, "PERSON" if "PERSON" in types else types.most_common(1)[0][0],
                      f"'{form}' is '{core}' {why} (the mention was cut too wide)")
    return out


def _named_alone(form: str, known: dict[str, Counter]) -> bool:
    return sum(known.get(normal(form), Counter()).values()) > 0


def _joined_names(form: str, known: dict[str, Counter]) -> tuple[str, str] | None:
    parts = re.split(r"\s+(?:and|&)\s+|\s*[-\u2013\u2014/]\s*", form)
    if len(parts) == 2 and all(parts) and all(normal(p) in known for p in parts) \
            and normal(parts[0]) != normal(parts[1]):
        return parts[0], f"joined to '{parts[1]}'"
    return None


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\n"


def _prefixed_name(words: list[str], known: dict[str, Counter], opens_sentence: bool) -> tuple[str, str] | None:
    i, what = 0, []
    while i < len(words) - 1:
        # the longest run of words that is a place or organisation the article names, or a known
        # place above a town: a town's name the article does not use on its own is as often a
        # given name ('Tima Kurdi')
        run = next((j for j in range(len(words) - 1, i, -1)
                    if (known.get(normal(" ".join(words[i:j])), Counter()).keys() & {"PLACE", "ORG"}
                        or gazetteer.place_kind(" ".join(words[i:j])) not in (None, "city"))
                    and not (j == i + 1 and normal(words[i]) in gazetteer.given_names())), None)
        if run:
            what.append("place")
            i = run
            continue
        low = words[i].lower().strip(".,")
        if low in _TITLE_WORDS:
            what.append("title")
        elif re.fullmatch(r"\d{4}", low):
            what.append("year")
        elif words[i][:1].isupper() and low in common_words() and low not in gazetteer.given_names() \
                and low not in PARTICLES and normal(low) not in gazetteer.GENERIC_PLACE_WORDS:
            what.append("word")
        else:
            break
        i += 1
    if not what or words[i - 1].lower() in PARTICLES:
        return None
    rest = " ".join(words[i:])
    if is_numeral(rest):
        return None  # 'World War II' is no 'II' of 'Elizabeth II'
    types = known.get(normal(rest))
    if not types:
        return _year_before_place(words)
    alone = sum(types.values()) > 0  # not only the surname of a full name the article uses
    if "PERSON" in types and (alone or "place" not in what) and (set(what) != {"word"} or opens_sentence):
        return rest, "after " + _kinds(what)
    if set(what) <= {"year"}:
        return rest, "after a year"
    return None


def _year_before_place(words: list[str]) -> tuple[str, str] | None:
    """'2020 Ruritania': a year, then a country or place the gazetteer knows."""
    if len(words) > 1 and re.fullmatch(r"\d{4}", words[0]) and gazetteer.place_kind(" ".join(words[1:])):
        return " ".join(words[1:]), "after a year"
    return None


def _suffixed_name(words: list[str], known: dict[str, Counter]) -> tuple[str, str] | None:
    """'Ruritania Vice', 'Ruritania president(s', 'Ruritania of 2001': a name, then titles,
    numbers, little words or broken ones, which are no part of a name ('Helmand valley' is one)."""
    for j in range(len(words) - 1, 0, -1):
        tail = words[j:]
        if not all(w.lower().strip(".,") in _TITLE_WORDS or w.isdigit() or w in INITIALS_SKIPPED
                   or re.search(r"[^\w.'\u2019-]", w) for w in tail):
            return None
        head = " ".join(words[:j])
        if _named_alone(head, known):
            return head, "with '" + " ".join(tail) + "' after it"
    return None


def _kinds(what: list[str]) -> str:
    names = {"place": "a place or organisation", "title": "a title", "year": "a year",
             "word": "an everyday word opening the sentence"}
    return " and ".join(dict.fromkeys(names[w] for w in what))


def _regnal_name(words: list[str]) -> str | None:
    """The given name of "Pope X", "Crown Prince X": the one word after a monarch's title."""
    if len(words) >= 2 and all(w in REGNAL_TITLES or w == "crown" for w in words[:-1]) and words[-2] in REGNAL_TITLES:
        return words[-1]
    return None


# Words that end a news outlet's name and may be left off it ("NBC" for "NBC News").
OUTLET_WORDS = {"news", "tv", "television", "radio", "network", "channel", "online"}


def _plural_of_movement(key: str, etype: str, cl: _Cluster, ctype: str) -> bool:
    """'Xs' and an organisation named 'X movement' / 'X rebels', or 'X' alone, in one article: its
    members, the same organisation (not for peoples: 'Afghans' is no 'Afghan Army')."""
    if ctype != "ORG" or etype == "PERSON" or not key.endswith("s") or len(key) < 5 \
            or " " in key or key in gazetteer.demonyms() or etype == "GROUP" and key in PARTY_GROUP_WORDS:
        return False
    stem = key[:-1]
    return any(k == stem or k.split(" ")[0] == stem and " " in k for k in cl.keys)


def _people_stem(key: str, demonyms: dict[str, str]) -> str:
    """'kurds', 'kurdish' → 'kurd'; 'afghans' → 'afghan': one people's noun and adjective;
    'democrats', 'democratic' → 'democratic': one party's people."""
    if key in PARTY_GROUP_WORDS:
        return PARTY_GROUP_WORDS[key][0]
    key = normal(demonyms.get(key, key))
    if key.endswith("ish") and len(key) > 5:
        return key[:-3]
    return key[:-1] if key.endswith("s") else key


def _without_initials(words: list[str]) -> list[str]:
    return [w for w in words if len(w.rstrip(".")) > 1]


def _without_suffix(words: list[str]) -> list[str]:
    return words[:-1] if len(words) > 2 and words[-1].rstrip(".,") in NAME_SUFFIXES else words


def _same_meeting(a: list[str], b: list[str]) -> bool:
    """'the Doha meeting' and 'the Doha summit' in one article: one meeting, named by place."""
    return len(a) == len(b) >= 2 and a[:-1] == b[:-1] and a[-1] != b[-1] \
        and a[-1] in MEETING_NOUNS and b[-1] in MEETING_NOUNS


def _parenthetical_definitions(mentions: list[tuple[str, str, int]], text: str) -> dict[int, int]:
    """'Islamic State (ISIS)': the bracketed mention is defined by the one just before it."""
    out = {}
    if not text:
        return out
    by_pos = sorted(range(len(mentions)), key=lambda i: mentions[i][2])
    for a, b in zip(by_pos, by_pos[1:]):
        form_a, _, pos_a = mentions[a]
        form_b, type_b, pos_b = mentions[b]
        between = text[pos_a + len(form_a):pos_b]
        if re.fullmatch(r"\s*\(\s*", between) and text[pos_b + len(form_b):pos_b + len(form_b) + 1] == ")" \
                and type_b != "PERSON" and (is_acronym(form_b) and not _cut_name_before(text[:pos_a])
                                            and not _agency_after_a_place(form_b, form_a)
                                            or _short_name_of(form_b, form_a)):
            out[b] = a
    return out


# (after a comma or a bracket, as an apposition: not "Trump called Stone's sentence unjust")
_KNOWN_AS = re.compile(r"\s*[,(]\s*(?:also |better |popularly |widely |commonly )?(?:known as|nicknamed|alias|"
                       r"a\.k\.a\.?|aka)\s+(?:the\s+)?[\"'\u201c\u2018]?\s*", re.IGNORECASE)


_PART_WORDS = r"(?:unit|subsidiary|division|arm|affiliate|branch|wing|offshoot)"
_PART_OF = re.compile(rf",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,3}}{_PART_WORDS}\s+of\s+(?:the\s+)?")
_OWNERS_PART = re.compile(rf"['\u2019]s?\s+(?:[\w-]+\s+){{0,3}}{_PART_WORDS},\s+(?:the\s+)?")


def _parts(mentions: list[tuple[str, str, int]], text: str) -> set[tuple[str, str]]:
    """'Amazon Web Services, the cloud unit of Amazon', 'Siemens's wind subsidiary, Siemens Gamesa':
    (the part's name, its owner's name) -- two things, however much of a name they share."""
    out: set[tuple[str, str]] = set()
    by_pos = sorted(range(len(mentions)), key=lambda i: mentions[i][2])
    for a, b in zip(by_pos, by_pos[1:]):
        (form_a, _, pos_a), (form_b, _, pos_b) = mentions[a], mentions[b]
        between = text[pos_a + len(form_a):pos_b]
        if _PART_OF.fullmatch(between):
            out.add((normal(form_a), normal(form_b)))
        elif _OWNERS_PART.fullmatch(between):
            out.add((normal(form_b), normal(form_a)))
    return out


def _known_as(mentions: list[tuple[str, str, int]], text: str) -> dict[int, int]:
    """'Mohamed Hamdan Dagalo, known as Hemedti', 'X (also known as Y)': the second name is
    another name of the first, whatever the tagger typed it."""
    out: dict[int, int] = {}
    if not text:
        return out
    by_pos = sorted(range(len(mentions)), key=lambda i: mentions[i][2])
    for a, b in zip(by_pos, by_pos[1:]):
        (form_a, _, pos_a), (form_b, _, pos_b) = mentions[a], mentions[b]
        if _KNOWN_AS.fullmatch(text[pos_a + len(form_a):pos_b]) \
                and not re.match(r"\s+of\b", text[pos_b + len(form_b):]):  # ('the Kim Kardashian of Pakistan')
            out[b] = a
    return out


def _agency_after_a_place(acronym: str, name: str) -> bool:
    """'LIMA, Peru (AP) --': a dateline's place and the news agency in brackets after it.
    A known place's acronym in brackets is its initials or its country's code ('United Arab
    Emirates (UAE)'), nothing else."""
    countries = gazetteer.countries()
    return gazetteer.place_kind(name) is not None and not acronym_of(acronym, name) \
        and (countries.get(normal(acronym)) is None or countries.get(normal(acronym)) != countries.get(normal(name)))


def _short_name_of(short: str, name: str) -> bool:
    """'Pennsylvania State University (Penn State)', 'California Department of Forestry and Fire
    Protection (CalFire)': a bracketed name of two words or more (or one word of capitalised pieces),
    each the beginning of a word of the name before, in its order (not a place: 'Ministry of Health
    (Samoa)')."""
    words, name_words = tokens(short), tokens(name)
    pieces = re.findall(r"[A-Z][a-z]+", short)
    if len(words) == 1 and len(pieces) > 1 and "".join(pieces) == short:
        words = [p.lower() for p in pieces]
    k = 0
    for w in words:
        while k < len(name_words) and not name_words[k].startswith(w):
            k += 1
        if k == len(name_words):
            return False
        k += 1
    return 1 < len(words) < len(name_words)


# "Recording Industry Association of America (RIAA)": the mention before the brackets is the end
# of a longer name the recogniser cut, and the acronym is that name's, not the mention's
_CUT_NAME_BEFORE = re.compile(r"([A-Z][\w'\u2019-]*) (?:(?:of|for|and)(?: the)? )?$")


def _cut_name_before(text: str) -> bool:
    found = _CUT_NAME_BEFORE.search(text)
    return found is not None and found.group(1).lower() not in LEADING_JUNK
