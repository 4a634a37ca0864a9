"""Resolution across articles: each article's entities → graph nodes, one per real-world thing.

The `Resolver` is the global index of the graph's nodes (their forms, types, the articles that
mention them). It is loaded from the store when a build starts and updated article by article,
so adding articles never re-resolves the ones already built; a node's IRI never changes once
minted (a node merged into another is retired: its IRI then says `owl:sameAs` the other).

An article's entity joins a node only on evidence, and each join records its rule and
evidence (`kg explain`):
- `same-name`: a full name of the node ("Karim Haidari", "Ruritanian Army", "Wuhan"), an
  acronym the node is known by ("UNHCR", once an article has used it for the node), or the
  same country by the gazetteer ("US" / "United States");
- `institution`: a generic institution's name ("Supreme Court", "Senate", "Labour Party")
  joins only the body of the same place: the place its name gives ("US Senate", "Senate of
  Ruritania"), else the country the article is about (graph.context); with no place it stays
  apart;
- `name-variant`: a person's name with or without middle names or initials, a run of another's
  words ("Ashraf Ghani" / "Mohammad Ashraf Ghani Ahmadzai"), or the surname spelt differently
  under the same given name — and only when the context agrees: the node is mentioned with
  some of the entities this article mentions;
- `acronym`, `country-qualified`: an acronym and its name ("UN" / "United Nations"), a name and
  the same name with its country before it ("US White House" / "White House"), either way round,
  when the context agrees (and, for the second, no name of the node puts another country first);
- `surname`: a person the article names by surname alone joins the person of that surname whose
  context agrees clearly better than any other's; without context only when the article gives
  the name a title ("President Smith") and one person of that surname named in full is far more
  often in the graph than any other (PROMINENT_ARTICLES, PROMINENCE_RATIO);
- `given-name`: a person named by given name alone joins the one person named in full with that
  given name and the surname of a person the article names ("his wife Melania" beside Donald
  Trump), when the context agrees.
An acronym never joins across articles on its letters alone, nor a person's bare name (but for
the two rules above) or an event named by its kind alone ("Olympiad", "Summit"), and different given names never
merge by spelling distance. When in doubt the entity gets a node of its own: two nodes are
better than one wrong merge. An article whose entity has the full names of two nodes shows they
are one ("Islamic Front of Ruritania (IFR)" with a node "IFR" and one "Islamic Front of
Ruritania"): they merge, unless some article told them apart or an analyst said never.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import gazetteer
from .context import article_countries, place_of, without_country
from .names import (acronym_of, contiguous_in, fullness, initials, institution, is_acronym, normal, slug,
                    same_but_given_nickname, spelling_variant, tokens)
from .lexicon import (COMPASS, CONTEST_WORDS, ELECTION_ADJECTIVES, EVENT_HEADS, MEETING_NOUNS, ORG_HEADS, PARTICLES,
                      PARTY_GROUP_WORDS, PLACE_HEADS, TITLE_MODIFIERS)
from .records import Extraction, LocalEntity

COMPATIBLE = {frozenset({"ORG", "PLACE"})}
# How much context a weak name needs: the summed weight of the article's other entities that the
# node was mentioned with before (an entity in every article weighs little: 1 / log2(2 + articles)).
MIN_CONTEXT = 0.4
# A bare surname goes to the best-supported person only when the next one has at most this share.
SURNAME_MARGIN = 0.5
# A bare surname with a title ("President Smith") and no context in common with anyone goes to the
# person of that surname named in at least this many articles, and this many times as many as any
# other person of that surname.
PROMINENT_ARTICLES = 3
PROMINENCE_RATIO = 5


@dataclass
class Node:
    """A graph entity as the resolver knows it."""
    id: str
    forms: Counter = field(default_factory=Counter)  # surface form → mentions
    types: Counter = field(default_factory=Counter)  # recognised type → mentions
    documents: int = 0
    docs: set = field(default_factory=set)  # the articles that mention it (resolver's own numbers)
    # those of them that name it by acronyms only: such an article has not told it apart from
    # another node it names (see Resolver._apart)
    acronym_docs: set = field(default_factory=set)
    hint: str | None = None  # a label no mention has (a dateline's country code written out)
    place: str | None = None  # a generic institution's place ("Supreme Court" of "United States")
    fixed_label: str | None = None  # an analyst's (kg curate label)
    fixed_type: str | None = None  # an analyst's (kg curate type)

    @property
    def label(self) -> str:
        """The most frequent full proper name: not an acronym when a name is written out, not a
        bare surname when a full name is known, not a form opening with an everyday word
        ('Afterwards Smith') or a number; a generic institution's name with its place."""
        if self.fixed_label:
            return self.fixed_label
        if not self.forms:
            return self.hint or self.id
        clean = [f for f in self.forms if _clean_start(f, self.forms) and not f[:1].isdigit()] or list(self.forms)
        full = [f for f in clean if not is_acronym(f)] or clean
        if self.type == "PERSON":
            full = [f for f in full if len(f.split()) > 1] or full
            # 'La Fuente' is the surname of 'Rocky De La Fuente', not a full name of its own
            full = [f for f in full if f.split()[0].lower() not in PARTICLES
                    or not any(o.endswith(" " + f) for o in full)] or full
        if self.place:
            placed = [f for f in full if (institution(f, place_of) or ("", None))[1]]
            if placed:
                full = placed
            else:
                bare = max(full, key=lambda f: (self.forms[f], fullness(f), f))
                return f"{bare} ({self.place})"
        if self.hint and not any(" " in f for f in full):
            return self.hint
        return max(full, key=lambda f: (self.forms[f], fullness(f), f))

    @property
    def type(self) -> str:
        if self.fixed_type:
            return self.fixed_type
        return max(self.types, key=lambda t: (self.types[t], t == "PERSON", t)) if self.types else "ORG"

    @property
    def aliases(self) -> list[str]:
        """Every other form, and a generic institution's names with its country written out
        ('United States House of Representatives' for 'U.S. House of Representatives'), the name
        a reader or a gold standard uses."""
        label = self.label
        spelled = {s for f in self.forms if self.place and (s := _place_spelled_out(f, self.place))}
        return sorted(({f for f in self.forms} | spelled) - {label})

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())


def _place_spelled_out(form: str, place: str) -> str | None:
    """'U.S. House of Representatives' with 'United States' written out; None for a form not
    opened by a short name or code of its country."""
    found = _country_written_out(form, after_a_year=False)
    return found[1] if found and found[0] == place else None


def _clean_start(form: str, forms=()) -> bool:
    """Not an everyday word before another of the node's names ('Afterwards Smith' of 'Smith'; but
    'Park Won-soon', whose 'Won-soon' is no name of its own)."""
    from .lexicon import common_words

    words = form.split()
    return len(words) <= 1 or words[0].lower() not in common_words() \
        or bool(forms) and " ".join(words[1:]) not in forms \
        and not any(f == words[-1] or f.endswith(" " + words[-1]) for f in forms if f != form)


@dataclass
class Decision:
    """Why an article's entity went to its node: the rule and the evidence (see the module)."""
    rule: str
    evidence: str


@dataclass
class Merge:
    """Two nodes found to be one: `retired` now answers as `into`."""
    retired: str
    into: str
    evidence: str
    article: str | None = None


class Resolver:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.retired: dict[str, str] = {}  # retired node id → the node it was merged into
        self.by_key: dict[str, set[str]] = defaultdict(set)  # normal form → node ids
        self.by_surname: dict[str, set[str]] = defaultdict(set)  # last word of a person's full name
        self.by_word: dict[str, set[str]] = defaultdict(set)  # each word of a person's full name
        self.by_kind: dict[tuple[str, str], set[str]] = defaultdict(set)  # (institution kind, place)
        self.by_initials: dict[str, set[str]] = defaultdict(set)  # initials of a written-out name
        self.by_unqualified: dict[str, set[str]] = defaultdict(set)  # a name without its country before it
        self.documents: dict[str, int] = {}  # article id → the resolver's number for it
        self.never: set[frozenset] = set()  # node pairs an analyst said are never one
        self.split_forms: dict[str, set[str]] = {}  # node → normal forms an analyst split off it
        # an analyst's label and type of a node (kg curate), kept apart from the node: a rebuild
        # may empty the node and fill it again
        self.fixed: dict[str, dict[str, str]] = {}
        self.merges: list[Merge] = []  # merges not yet written to the store (take_merges)
        # bare surnames with a title this build minted nodes for ("President Smith" before the
        # graph knew Smith well): `revisit_surnames` joins them once one person of that name is
        # prominent
        self.titled_surnames: dict[str, str] = {}

    # -- the index -----------------------------------------------------------------------
    def _index(self, node: Node, form: str) -> None:
        key = normal(form)
        self.by_key[key].add(node.id)
        spelled = _country_spelled(form)
        if spelled:
            self.by_key["spelled:" + spelled].add(node.id)
        country = gazetteer.countries().get(key)
        if country:
            self.by_key["country:" + normal(country)].add(node.id)
        words = tokens(form)
        if len(words) >= 2:
            for name in _surnames(words):
                self.by_surname[name].add(node.id)
            for w in words:
                self.by_word[w].add(node.id)
        for kind in self._kinds(node, form):
            self.by_kind[kind].add(node.id)
        if node.type != "PERSON" and not is_acronym(form):
            for key in initials(form):
                self.by_initials[key].add(node.id)
        qualified = without_country(form)
        if qualified:
            self.by_unqualified[qualified[1]].add(node.id)

    def _unindex(self, node: Node, form: str) -> None:
        key = normal(form)
        spelled = _country_spelled(form)
        if spelled and not any(spelled in (normal(f), _country_spelled(f)) for f in node.forms):
            self.by_key["spelled:" + spelled].discard(node.id)
        if any(normal(f) == key for f in node.forms):
            return  # another form with the same key still holds the entry
        self.by_key[key].discard(node.id)
        country = gazetteer.countries().get(key)
        if country:
            self.by_key["country:" + normal(country)].discard(node.id)
        words = tokens(form)
        if len(words) >= 2:
            for name in _surnames(words):
                self.by_surname[name].discard(node.id)
            for w in words:
                self.by_word[w].discard(node.id)
        for kind in self._kinds(node, form):
            self.by_kind[kind].discard(node.id)
        if not is_acronym(form):
            for initial in initials(form):
                self.by_initials[initial].discard(node.id)
        qualified = without_country(form)
        if qualified and not any((without_country(f) or ("", ""))[1] == qualified[1] for f in node.forms):
            self.by_unqualified[qualified[1]].discard(node.id)

    @staticmethod
    def _kinds(node: Node, form: str) -> list[tuple[str, str]]:
        if node.place is None or is_acronym(form):
            return []  # only the nodes of generic names are found by kind
        found = institution(form, place_of)
        if not found:
            return []
        place = found[1] or node.place
        return [(found[0], place)] if place else []

    def document(self, article_id: str) -> int:
        return self.documents.setdefault(article_id, len(self.documents))

    def add_counts(self, node_id: str, forms: Counter, types: Counter, documents: int,
                   doc: str | None = None) -> Node:
        """Record mentions of a node (new or known); used when loading from the store too."""
        node = self.nodes.get(node_id) or self._new_node(node_id)
        for form, n in forms.items():
            if form not in node.forms:
                node.forms[form] = 0
                self._index(node, form)
            node.forms[form] += n
        node.types.update(types)
        node.documents += documents
        if doc is not None:
            node.docs.add(self.document(doc))
            if forms and all(is_acronym(f) for f in forms):
                node.acronym_docs.add(self.document(doc))
        return node

    def remove_counts(self, node_id: str, forms: Counter, types: Counter, documents: int,
                      doc: str | None = None) -> None:
        """Forget an article's mentions of a node (the article changed or was removed)."""
        node = self.nodes.get(self.current(node_id))
        if node is None:
            return
        for form, n in forms.items():
            if form in node.forms:
                node.forms[form] -= n
                if node.forms[form] <= 0:
                    del node.forms[form]
                    self._unindex(node, form)
        node.types.subtract(types)
        node.types = +node.types
        node.documents = max(0, node.documents - documents)
        if doc is not None and doc in self.documents:
            node.docs.discard(self.documents[doc])
            node.acronym_docs.discard(self.documents[doc])
        if not node.forms:
            del self.nodes[node.id]

    def current(self, node_id: str) -> str:
        """The node a (possibly retired) id stands for now."""
        seen = set()
        while node_id in self.retired and node_id not in seen:
            seen.add(node_id)
            node_id = self.retired[node_id]
        return node_id

    # -- context ---------------------------------------------------------------------------
    def _weight(self, node_id: str) -> float:
        node = self.nodes.get(node_id)
        return 1.0 / math.log2(2 + len(node.docs)) if node else 0.0

    def support(self, node_id: str, context: list[str]) -> float:
        """How strongly the article's other entities (`context`, node ids) point to a node: the
        weight of each that was mentioned with it in some article."""
        docs = self.nodes[node_id].docs
        return sum(self._weight(c) for c in set(context)
                   if c != node_id and c in self.nodes and not docs.isdisjoint(self.nodes[c].docs))

    def _apart(self, a: str, b: str) -> bool:
        """Some article told the two apart (named both), or an analyst said they are never one.
        An article that names one of them by an acronym it does not spell out tells nothing:
        news uses 'ZLF' and 'Zanzar Front' for one group without saying they are one."""
        if frozenset((a, b)) in self.never:
            return True
        na, nb = self.nodes[a], self.nodes[b]
        shared = na.docs & nb.docs
        if not shared:
            return False
        # (unless its letters spell the other's name: then the article kept them apart knowingly)
        silent = {d for one, other in ((na, nb), (nb, na)) if not _spells(one, other) for d in one.acronym_docs}
        return bool(shared - silent)

    # -- matching --------------------------------------------------------------------------
    def _compatible(self, etype: str, node: Node) -> bool:
        return etype == node.type or frozenset({etype, node.type}) in COMPATIBLE

    def _generic(self, ent: LocalEntity, country: str | None,
                 counts: Counter | None = None) -> tuple[set, str | None, bool] | None:
        """(kinds, place, whether a name gives the place) of an entity named by generic
        institution names — more than half of its mentions (`counts`, by form) are — its place the
        one its names give, else the article's country; None for any other entity."""
        kinds, places, generic, other = set(), Counter(), 0, 0
        for form in ent.forms:
            if is_acronym(form):
                continue
            n = counts.get(form, 1) if counts else 1
            found = institution(form, place_of)
            if not found:
                if any(normal(o).startswith(normal(form) + " ") and institution(o, place_of) for o in ent.forms):
                    generic += n  # 'Labour' of the 'Labour Party': the generic name without its head
                else:
                    other += n
                continue
            generic += n
            kinds.add(found[0])
            if found[1]:
                places[found[1]] += n
        if not kinds or generic <= other:
            return None
        if places:
            return kinds, places.most_common(1)[0][0], True
        return kinds, country, False

    def candidates(self, ent: LocalEntity, context: list[str] = (), countries: list[str] = (),
                   taken: set[str] = frozenset(), counts: Counter | None = None,
                   names_only: bool = False, titled: bool = False) -> list[tuple[str, Decision]]:
        """Nodes this article's entity can be, best first, each with the evidence. `countries`:
        those the article is about, most voted first (graph.context); `names_only`: only by a
        name, not by a variant that needs the context."""
        person_name = _person_name(ent)
        keys = {normal(f) for f in ent.forms}

        def usable(nid: str, full_name: str | None = None) -> bool:
            node = self.nodes[nid]
            # the tagger types a person's full name as an organisation or a place at times: a full
            # name that opens with a given name, or that could be a person's full name and no
            # place's or body's, is evidence enough that both are the person (whichever came first)
            typed = self._compatible(ent.type, node) or (person_name and {ent.type, node.type} & {"PERSON"}
                                                         and node.type != "GROUP" and ent.type != "GROUP") \
                or (full_name is not None and {ent.type, node.type} in ({"PERSON", "ORG"}, {"PERSON", "PLACE"})
                    and _persons_full_name(full_name))
            return nid not in taken and bool(typed) and not any(frozenset((nid, t)) in self.never for t in taken) \
                and not keys & self.split_forms.get(nid, set())

        generic = self._generic(ent, countries[0] if countries else None, counts)
        if generic is not None:
            kinds, place, named = generic
            # the place the name gives, else the article's country; else another country the
            # article is about, when the body of that country was mentioned with its entities
            # (a body of another country the article is about whose context agrees clearly better
            # than the first country's body wins: "the House" of an article on Ukraine and a US
            # impeachment, once the US House has been mentioned with its people)
            options = []
            for n, where in enumerate([place] if named else countries):
                found: Counter = Counter()
                for kind in kinds:
                    for nid in self.by_kind.get((kind, where), ()):
                        if usable(nid) and (n == 0 or self.support(nid, context) >= MIN_CONTEXT):
                            found[nid] += 1
                if found:
                    ranked = sorted(found, key=lambda x: (-found[x], -self.support(x, context),
                                                          -self.nodes[x].mentions, x))
                    options.append((n, where, ranked))
            if options:
                n, where, ranked = options[0]
                best = self.support(ranked[0], context)
                for m, other, others in options[1:]:
                    if self.support(others[0], context) > max(2 * best, MIN_CONTEXT):
                        n, where, ranked, best = m, other, others, self.support(others[0], context)
                how = "named in it" if named else ("the article's country" if n == 0 else
                                                  "a country the article is about, and the context agrees")
                return [(nid, Decision("institution", f"'{ent.label}' is a generic name; the "
                                                      f"{' / '.join(sorted(kinds))} of {where} ({how})"))
                        for nid in ranked]
            return []
        if not names_only and ent.type == "ORG" and len(tokens(ent.label)) == 1 \
                and all(not is_acronym(f) for f in ent.forms) \
                and not gazetteer.place_kind(ent.label) and tokens(ent.label)[0] in self.by_surname:
            # a surname the tagger took for an organisation ("Smith said"): the person, when the
            # context agrees
            person = self._person_variants(LocalEntity(ent.label, "PERSON", ent.forms), context,
                                           lambda nid: nid not in taken and not keys & self.split_forms.get(nid, set()))
            if person:
                return person
        strong: dict[str, str] = {}
        by_name: set[str] = set()  # matched by a written-out name, not only by an acronym
        for form in ent.forms:
            words = tokens(form)
            if ent.type == "PERSON" and len(words) < 2:
                continue  # which person a bare name means is known inside its article only
            if ent.type == "EVENT" and words[-1] in CONTEST_WORDS | MEETING_NOUNS \
                    and all(w in ELECTION_ADJECTIVES for w in words[:-1]):
                continue  # and which 'Olympiad', 'Summit' or 'National Convention' a bare kind of event means
            if not is_acronym(form) and (institution(form, place_of) or ("", "?"))[1] is None:
                continue  # "Democratic Party" names a party of any country: no evidence by itself
            key = normal(form)
            # a country's other name in a body's or an event's name; not in a facility's ('US
            # Embassy'), which names one of many
            pool = set(self.by_key.get(key, ()))
            if ent.type in ("ORG", "EVENT"):
                pool |= self.by_key.get("spelled:" + key, set()) | self.by_key.get(_country_spelled(form) or key, set())
            if ent.type in ("ORG", "EVENT") and not is_acronym(form):
                for other, (short, full) in sorted(self._acronym_written_otherwise(form).items()):
                    for nid in sorted(self.by_key.get(other, ())):
                        if nid not in strong and usable(nid, form) and not self._generic_node(nid):
                            by_name.add(nid)
                            strong[nid] = (f"the name '{form}' with '{short}' written '{full}': a node of the "
                                           f"graph has both names")
            for nid in sorted(pool):
                if _spelt_out(form, ent.forms) and self._spelt_otherwise(nid, form, keys):
                    continue  # 'RNC' the article spells out, of a node that spells it otherwise
                if usable(nid, form) and not self._generic_node(nid):
                    if not is_acronym(form):
                        by_name.add(nid)
                    if nid not in strong:
                        what = "the acronym" if is_acronym(form) else "the name"
                        strong[nid] = f"{what} '{form}', a name of the node"
            country_name = gazetteer.countries().get(key)
            if country_name and ent.type in ("PLACE", "ORG"):
                for nid in self.by_key.get("country:" + normal(country_name), ()):
                    if usable(nid) and nid not in strong:
                        strong[nid] = f"'{form}' names the country {country_name} (gazetteer)"
            for other in _people_number(key) if ent.type == "GROUP" else ():
                for nid in self.by_key.get(other, ()):
                    if usable(nid) and self.nodes[nid].type == "GROUP" and nid not in strong:
                        strong[nid] = f"'{form}' and '{other}' name one people or one party's people"
        if strong:
            ranked = sorted(strong, key=lambda n: (n not in by_name, -self.support(n, context),
                                                   -self.nodes[n].mentions, n))
            return [(nid, Decision("same-name", strong[nid])) for nid in ranked]
        if ent.type != "PERSON" and not names_only:
            qualified = self._country_qualified(ent, context, usable)
            if qualified:
                return qualified
        if ent.type == "PERSON" and not names_only:
            return self._person_variants(ent, context, usable, titled)
        if not names_only:
            return self._acronym_variants(ent, context, usable)
        return []

    def _acronym_written_otherwise(self, form: str) -> dict[str, tuple[str, str]]:
        """Keys of `form` with the acronym that opens it written out, or the name that opens it
        written as its acronym, where one node of the graph has both ('UN' and 'United Nations':
        'UN General Assembly' is 'United Nations General Assembly'), each → (what was written, how)."""
        words = form.split()
        out: dict[str, tuple[str, str]] = {}
        for k in range(1, len(words)):
            opening, rest = " ".join(words[:k]), words[k:]
            if k == 1 and not is_acronym(opening) or k > 1 and is_acronym(opening):
                continue
            for nid in self.by_key.get(normal(opening), ()):
                for other in self.nodes[nid].forms:
                    if is_acronym(other) != is_acronym(opening) \
                            and (acronym_of(other, opening) if is_acronym(other) else acronym_of(opening, other)):
                        out[normal(" ".join([other, *rest]))] = (opening, other)
        return out

    def _country_qualified(self, ent: LocalEntity, context: list[str], usable) -> list[tuple[str, Decision]]:
        """'US White House', 'United States Commission on Presidential Debates': a name of a node
        with its country before it, or the other way round, when the article's context agrees and
        no name of the node puts another country before it."""
        for form in ent.forms:
            found = without_country(form)
            # the node of the name without the country, or a node of the name with one
            country, rest = found if found else (None, normal(form))
            pool = self.by_key.get(rest, ()) if found else self.by_unqualified.get(rest, ())
            for nid in sorted(pool):
                countries = {c for c, _ in filter(None, (without_country(o) for o in self.nodes[nid].forms))}
                named = countries | {country} - {None}
                if usable(nid) and not self._generic_node(nid) and len(named) == 1 \
                        and self.support(nid, context) >= MIN_CONTEXT:
                    return [(nid, Decision("country-qualified", f"'{form}' and '{self.nodes[nid].label}' are one "
                                                                f"name, one with its country ({named.pop()}) before "
                                                                "it; the context agrees"))]
        return []

    def _acronym_variants(self, ent: LocalEntity, context: list[str], usable) -> list[tuple[str, Decision]]:
        """An acronym ('UN') and a name it abbreviates ('United Nations'), either way round,
        when the article's context agrees: letters alone are not evidence."""
        found: dict[str, str] = {}
        for form in ent.forms:
            if _spelt_out(form, ent.forms):
                continue  # 'USC' defined as 'University of Southern California': not 'United States Coast'
            if is_acronym(form):
                pool = self.by_initials.get(normal(form).replace(" ", ""), set())
                def hit(nid, f=form):
                    return next((o for o in self.nodes[nid].forms if acronym_of(f, o)), None)
            else:
                pool = {nid for key in initials(form) for nid in self.by_key.get(key, ())
                        if all(is_acronym(o) for o in self.nodes[nid].forms)}
                def hit(nid, f=form):
                    return next((o for o in self.nodes[nid].forms if acronym_of(o, f)), None)
            for nid in pool:
                other = hit(nid) if nid not in found and usable(nid) else None
                if other:
                    found[nid] = f"'{form}' and '{other}' are an acronym and its name"
        scored = sorted(((self.support(nid, context), nid) for nid in found), key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < MIN_CONTEXT or len(scored) > 1 and scored[1][0] > SURNAME_MARGIN * scored[0][0]:
            return []
        nid = scored[0][1]
        return [(nid, Decision("acronym", f"{found[nid]}; the context agrees"))]

    def _spelt_otherwise(self, nid: str, acronym: str, keys: set[str]) -> bool:
        return any(not is_acronym(o) and acronym_of(acronym, o) and normal(o) not in keys
                   for o in self.nodes[nid].forms)

    def _generic_node(self, nid: str) -> bool:
        return self.nodes[nid].place is not None

    def _person_variants(self, ent: LocalEntity, context: list[str], usable,
                         titled: bool = False) -> list[tuple[str, Decision]]:
        full = [f for f in ent.forms if len(tokens(f)) >= 2 and not is_acronym(f)]
        found: dict[str, str] = {}
        if full:
            for form in full:
                words = tokens(form)
                pool = set(self.by_surname.get(words[-1], ()))
                for w in words:
                    pool |= self.by_word.get(w, set())
                for nid in pool:
                    if nid in found or not usable(nid) or self.nodes[nid].type != "PERSON":
                        continue
                    for other in self.nodes[nid].forms:
                        why = _person_variant(words, tokens(other))
                        if why:
                            found[nid] = f"'{form}' is '{other}' {why}"
                            break
            rule = "name-variant"
        else:
            name = tokens(ent.label)[0] if tokens(ent.label) else ""
            for nid in self.by_surname.get(name, set()) | self.by_word.get(name, set()) | self.by_key.get(name, set()):
                node = self.nodes[nid]
                if not usable(nid) or node.type != "PERSON":
                    continue
                # (a bare given name is not joined across articles by itself: 'Elizabeth' in an
                # obituary's list of children is not the senator another article names in full)
                if nid in self.by_surname.get(name, ()):
                    found[nid] = f"'{ent.label}' is the surname of '{node.label}'"
                elif len(tokens(node.label)) == 1:
                    found[nid] = f"'{ent.label}' is the name of '{node.label}'"
            rule = "surname"
            if not found:
                found, rule = self._given_name_in_family(name, context, usable), "given-name"
        scored = sorted(((self.support(nid, context), nid) for nid in found), key=lambda x: (-x[0], x[1]))
        if rule == "surname" and titled and found and (not scored or scored[0][0] < MIN_CONTEXT):
            # "President Smith" in an article that shares no context with any Smith: the one
            # person of that name the graph knows from many articles, when no other comes close
            # (among people named in full: a node of the bare name alone is no other person)
            by_docs = sorted((n for n in found if len(tokens(self.nodes[n].label)) > 1),
                             key=lambda n: (-len(self.nodes[n].docs), n))
            top = len(self.nodes[by_docs[0]].docs) if by_docs else 0
            runner = len(self.nodes[by_docs[1]].docs) if len(by_docs) > 1 else 0
            if top >= PROMINENT_ARTICLES and top >= PROMINENCE_RATIO * runner:
                return [(by_docs[0], Decision("surname", f"{found[by_docs[0]]}; the article gives '{ent.label}' a "
                                                         f"title, and the graph knows no other person of that "
                                                         f"name from nearly as many articles ({top})"))]
        if not scored or scored[0][0] < MIN_CONTEXT:
            return []
        if rule == "surname" and len(scored) > 1 and scored[1][0] > SURNAME_MARGIN * scored[0][0]:
            return []  # two people of that name fit about as well: a node of its own
        best, nid = scored[0]
        shared = sorted((self.nodes[c].label for c in set(context) if c != nid and c in self.nodes
                         and not self.nodes[nid].docs.isdisjoint(self.nodes[c].docs)), key=str)[:5]
        return [(nid, Decision(rule, f"{found[nid]}; mentioned before with {', '.join(repr(s) for s in shared)}"))]

    def _given_name_in_family(self, name: str, context: list[str], usable) -> dict[str, str]:
        """'his wife Melania' in an article that names Donald Trump: the one person named in full
        elsewhere with that given name and the surname of a person this article names (still
        subject to the context's support)."""
        if name not in gazetteer.given_names():
            return {}
        families = {tokens(self.nodes[c].label)[-1]: self.nodes[c].label for c in set(context)
                    if c in self.nodes and self.nodes[c].type == "PERSON" and len(tokens(self.nodes[c].label)) >= 2}
        found = {}
        for nid in self.by_word.get(name, set()):
            words = tokens(self.nodes[nid].label)
            if usable(nid) and self.nodes[nid].type == "PERSON" and len(words) >= 2 and words[0] == name \
                    and words[-1] in families and normal(self.nodes[nid].label) != normal(families[words[-1]]):
                found[nid] = f"'{name}' is the given name of '{self.nodes[nid].label}', and the article names " \
                             f"'{families[words[-1]]}' of that family"
        return found if len(found) == 1 else {}

    # -- one article -----------------------------------------------------------------------
    def resolve(self, extraction: Extraction) -> list[str]:
        """Node id of each of the article's entities; the index now counts its mentions. The
        decisions (rule and evidence of each) are in `self.decisions` until the next article."""
        doc = extraction.article.id
        forms_of = [Counter() for _ in extraction.entities]
        types_of = [Counter() for _ in extraction.entities]
        for m in extraction.mentions:
            forms_of[m.entity][m.text] += 1
            types_of[m.entity][m.type] += 1
        headline = extraction.sentences[0].end if extraction.sentences else 0
        countries = article_countries([(m.text, m.type, m.start < headline) for m in extraction.mentions])
        order = sorted(range(len(extraction.entities)), key=lambda e: (_strength(extraction.entities[e]),
                                                                      -fullness(extraction.entities[e].label)[0], e))
        taken: set[str] = set()
        context: list[str] = []
        ids: list[str | None] = [None] * len(extraction.entities)
        self.decisions: list[Decision | None] = [None] * len(extraction.entities)

        def assign(e: int, nid: str, decision: Decision) -> None:
            ent = extraction.entities[e]
            taken.add(nid)
            context.append(nid)
            ids[e] = nid
            self.decisions[e] = decision
            node = self.add_counts(nid, forms_of[e], types_of[e], 1, doc)
            hint_form = ent.label if ent.label not in ent.forms[1:] and ent.label not in forms_of[e] else None
            if hint_form and not node.hint:
                node.hint = hint_form

        # names first; what needs context (a variant of a name, a bare surname) once the names
        # have given the article's context
        deferred = []
        for e in order:
            ent = extraction.entities[e]
            # two entities of one article stay two nodes: the article told them apart
            found = self.candidates(ent, context, countries, taken, forms_of[e], names_only=True)
            if found:
                nid, decision = found[0]
                nid = self._merge_revealed(ent, nid, found[1:], doc)
                assign(e, nid, decision)
            else:
                deferred.append(e)
        titled = {r.subject for r in extraction.relations if r.predicate == "title"}
        for e in deferred:
            ent = extraction.entities[e]
            found = self.candidates(ent, context, countries, taken, forms_of[e], titled=e in titled)
            if found:
                assign(e, found[0][0], found[0][1])
                continue
            generic = self._generic(ent, countries[0] if countries else None, forms_of[e])
            nid = self.mint(ent.label)
            if generic is not None:
                self.nodes[nid].place = generic[1]
            if e in titled and ent.type == "PERSON" and len(tokens(ent.label)) == 1:
                self.titled_surnames[nid] = tokens(ent.label)[0]
            assign(e, nid, Decision("new", _new_reason(ent, generic)))
        return [self.current(i) for i in ids]  # type: ignore[arg-type]

    def revisit_surnames(self) -> None:
        """A titled bare surname minted as a node of its own before the graph knew a person of
        that name from many articles joins the one it now knows so (the rule `_person_variants`
        applies to such a surname when the person is known first), so that the order of the
        articles does not decide."""
        for nid, surname in list(self.titled_surnames.items()):
            nid = self.current(nid)
            node = self.nodes.get(nid)
            if node is None or len(tokens(node.label)) > 1:
                del self.titled_surnames[nid]
                continue
            people = sorted((n for n in self.by_surname.get(surname, ()) if n != nid and n in self.nodes
                             and self.nodes[n].type == "PERSON" and len(tokens(self.nodes[n].label)) > 1),
                            key=lambda n: (-len(self.nodes[n].docs), n))
            top = len(self.nodes[people[0]].docs) if people else 0
            runner = len(self.nodes[people[1]].docs) if len(people) > 1 else 0
            if top >= PROMINENT_ARTICLES and top >= PROMINENCE_RATIO * runner and not self._apart(nid, people[0]):
                self.merge(nid, people[0], f"'{node.label}', given a title, is the surname of "
                                           f"'{self.nodes[people[0]].label}', the one person of that name the "
                                           f"graph knows from many articles ({top})")
                self.titled_surnames.pop(nid, None)

    def _merge_revealed(self, ent: LocalEntity, nid: str, others: list[tuple[str, Decision]], doc: str) -> str:
        """Other nodes this entity has a full name of are the same thing: merge them with `nid`;
        the node that remains."""
        for other, decision in others:
            other = self.current(other)
            if other == nid or decision.rule != "same-name" or self._apart(nid, other) \
                    or self.nodes[other].place != self.nodes[nid].place:
                continue
            if self.nodes[other].type == "PLACE" and self.nodes[nid].type == "PLACE" \
                    and not any("country" in d for d in (decision.evidence,)):
                continue  # a place and a place inside it share words ("Ruritania City", "Ruritania")
            keep, gone = (other, nid) if self.nodes[other].mentions > self.nodes[nid].mentions else (nid, other)
            self.merge(gone, keep, f"one entity of article '{doc}' has names of both "
                                   f"('{ent.label}'; {decision.evidence})", doc)
            nid = keep
        return nid

    def merge(self, gone: str, into: str, evidence: str, article: str | None = None) -> None:
        """Retire `gone` into `into` (its forms, types and articles move); the store is told by
        `take_merges`."""
        a, b = self.nodes[into], self.nodes[gone]
        for form, n in b.forms.items():
            if form not in a.forms:
                a.forms[form] = 0
                self._index(a, form)
            a.forms[form] += n
        for form in list(b.forms):
            self._unindex_all(b, form)
        a.types.update(b.types)
        a.acronym_docs = (a.acronym_docs - b.docs) | (b.acronym_docs - a.docs) | (a.acronym_docs & b.acronym_docs)
        a.docs |= b.docs
        a.documents = len(a.docs) or a.documents + b.documents
        a.hint = a.hint or b.hint
        del self.nodes[gone]
        self.retired[gone] = into
        for old, new in list(self.retired.items()):
            if new == gone:
                self.retired[old] = into
        self.merges.append(Merge(gone, into, evidence, article))

    def _unindex_all(self, node: Node, form: str) -> None:
        for index in (self.by_key, self.by_surname, self.by_word, self.by_kind):
            for ids in index.values():
                ids.discard(node.id)

    def take_merges(self) -> list[Merge]:
        out, self.merges = self.merges, []
        return out

    def mint(self, label: str) -> str:
        base = slug(label)
        candidate, n = base, 1
        while candidate in self.nodes or candidate in self.retired:
            n += 1
            candidate = f"{base}-{n}"
        self._new_node(candidate)
        return candidate

    def _new_node(self, node_id: str) -> Node:
        node = self.nodes[node_id] = Node(node_id)
        node.fixed_label = self.fixed.get(node_id, {}).get("label")
        node.fixed_type = self.fixed.get(node_id, {}).get("type")
        return node


def _spells(node: Node, other: Node) -> bool:
    """An acronym of `node` is the initials of a written-out name of `other`."""
    return any(is_acronym(f) and acronym_of(f, o) for f in node.forms for o in other.forms if not is_acronym(o))


def _person_name(ent: LocalEntity) -> bool:
    """A full name that opens with a given name (gazetteer): a person's, whatever the tagger said."""
    words = tokens(ent.label)
    return len(words) >= 2 and words[0] in gazetteer.given_names() and not is_acronym(ent.label) \
        and institution(ent.label, place_of) is None


def _persons_full_name(form: str) -> bool:
    """Could this form be a person's full name: two words or more, no acronym, no known place, no
    generic institution, no body's, place's or event's head word at its end, no direction or
    office's modifier first ('Qasem Soleimani', not 'George Washington University', 'South Lawn',
    'National Security')."""
    words = tokens(form)
    return len(words) >= 2 and not is_acronym(form) and gazetteer.place_kind(form) is None \
        and institution(form, place_of) is None and words[-1] not in ORG_HEADS | PLACE_HEADS | EVENT_HEADS \
        and words[0] not in COMPASS | TITLE_MODIFIERS


def _strength(ent: LocalEntity) -> int:
    """Entities with full names resolve first and give the others their context."""
    words = len(tokens(ent.label))
    if ent.type == "PERSON":
        return 0 if words > 1 else 2
    return 1 if is_acronym(ent.label) or institution(ent.label, place_of) else 0


def _surnames(words: list[str]) -> list[str]:
    """The ways a full name's last word is used alone: 'al-assad' and 'assad'."""
    last = words[-1]
    parts = last.split("-", 1)
    if len(parts) == 2 and parts[0] in ("al", "el", "bin", "ibn", "abu", "ben") and parts[1]:
        return [last, parts[1]]
    return [last]


def _person_variant(a: list[str], b: list[str]) -> str:
    """How two full names of one person can differ: initials or middle names, one a run of the
    other's words, or the surname spelt otherwise under the same given name ('' if none)."""
    bare_a = [w for w in a if len(w.rstrip(".")) > 1]
    bare_b = [w for w in b if len(w.rstrip(".")) > 1]
    if len(bare_a) > 1 and bare_a == bare_b:
        return "without or with initials"
    if a[0] == b[0] and a[-1] == b[-1] and (_subsequence(a, b) or _subsequence(b, a)):
        return "without or with a middle name"
    if len(a) >= 2 and len(b) >= 2 and (contiguous_in(a, b) or contiguous_in(b, a)):
        return "as a run of its words"
    if a[0] == b[0] and len(a) == len(b) and spelling_variant(" ".join(a), " ".join(b)):
        return "spelt otherwise, with the same given name"
    if same_but_given_nickname(bare_a, bare_b):
        return "with the given name's short form (nicknames)"
    return ""


def _country_spelled(form: str) -> str | None:
    """The key of a name with the short name or code of the country that opens it (after a year)
    written out: '2020 US presidential election' → '2020 united states presidential election', the
    key of the name as other articles write it; None when no country's other name opens it."""
    found = _country_written_out(form)
    return normal(found[1]) if found else None


def _country_written_out(form: str, after_a_year: bool = True) -> tuple[str, str] | None:
    """(the country, the form with it written out) of a name of two words or more that a short
    name or code of a country opens ('U.S. House', '2020 US presidential election')."""
    words = form.split()
    at = 1 if after_a_year and words and words[0].isdigit() else 0
    for k in (2, 1):
        if at + k >= len(words):
            continue
        prefix = normal(" ".join(words[at:at + k]))
        country = gazetteer.countries().get(prefix)
        if country and normal(country) != prefix:
            return country, " ".join(words[:at] + [country] + words[at + k:])
    return None


def _people_number(key: str) -> list[str]:
    """A people's word in the other number ('americans' → 'american', 'kurd' → 'kurds'), when the
    gazetteer knows one of the two as a people's; a party's people by its other words ('democrats'
    → 'democrat', 'democratic')."""
    if key in PARTY_GROUP_WORDS:
        return [w for w in PARTY_GROUP_WORDS[key] if w != key]
    other = key[:-1] if key.endswith("s") else key + "s"
    return [other] if " " not in key and (key in gazetteer.demonyms() or other in gazetteer.demonyms()) else []


def _spelt_out(form: str, forms) -> bool:
    """An acronym one of the entity's own written-out names abbreviates."""
    return is_acronym(form) and any(not is_acronym(f) and acronym_of(form, f) for f in forms)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)


def key_name(keys: set) -> str:
    return " / ".join(sorted({k for k, _ in keys})) or "body"


def _new_reason(ent: LocalEntity, generic) -> str:
    if generic is not None and generic[1] is None:
        return f"'{ent.label}' is a generic institution name and the article's country is unknown: kept apart"
    if ent.type == "PERSON" and len(tokens(ent.label)) < 2:
        return f"no person named '{ent.label}' is known with this article's context"
    return f"no node is named '{ent.label}'"


def acronym_evidence(short: str, full: str) -> bool:
    return acronym_of(short, full)
