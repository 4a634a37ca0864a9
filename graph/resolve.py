"""Resolution across articles: each article's entities → graph nodes, one per real-world thing.

The `Resolver` is the global index of the graph's entities (their forms, types and
mention counts). It is loaded from the store when a build starts and updated article by
article, so adding articles never re-resolves the ones already built; an entity's IRI
never changes once minted, while its label follows the fullest name seen so far.

A local entity joins a node when one of its names is a name of the node (after
`names.normal`), when it is the node's acronym or the node is its acronym, when a person's
full name runs inside the other's ("Ashraf Ghani" / "Mohammad Ashraf Ghani Ahmadzai"), when
the two spell one long word differently ("Abdulleh" / "Abdullah"), or when both are the same
country by the gazetteer ("US" / "United States"). A person's bare surname never links
across articles: which "Darwish" is meant is only known inside the article.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import gazetteer
from .names import acronym_of, contiguous_in, fullness, initials, is_acronym, normal, slug, spelling_variant, tokens
from .records import Extraction, LocalEntity

COMPATIBLE = {frozenset({"ORG", "PLACE"})}


@dataclass
class Node:
    """A graph entity as the resolver knows it."""
    id: str
    forms: Counter = field(default_factory=Counter)  # surface form → mentions
    types: Counter = field(default_factory=Counter)  # recognised type → mentions
    documents: int = 0
    hint: str | None = None

    @property
    def label(self) -> str:
        """The fullest name, among the forms that do not start with an everyday word
        ('Afterwards Trump', 'The United Kingdom' lose to 'Donald Trump', 'United Kingdom')."""
        if self.hint:
            return self.hint
        if not self.forms:
            return self.id
        return max(self.forms, key=lambda f: (_clean_start(f), fullness(f), self.forms[f], f))

    @property
    def type(self) -> str:
        return max(self.types, key=lambda t: (self.types[t], t == "PERSON", t)) if self.types else "ORG"

    @property
    def aliases(self) -> list[str]:
        label = self.label
        return sorted(f for f in self.forms if f != label)

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())


def _clean_start(form: str) -> bool:
    from .lexicon import common_words

    first = form.split()[0].lower() if form.split() else ""
    return first not in common_words() or len(form.split()) == 1


def _bare(words: list[str]) -> list[str]:
    """A person's name without its initials ('John R. Bolton' → john, bolton)."""
    return [w for w in words if len(w.rstrip(".")) > 1]


class Resolver:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)  # normal form → node ids
        self.by_initials: dict[str, set[str]] = defaultdict(set)  # acronym of a full name → node ids
        self.by_word: dict[str, set[str]] = defaultdict(set)  # each word of a multi-word name → node ids
        self.by_surname: dict[str, set[str]] = defaultdict(set)  # last word of a person's full name → node ids

    # -- the index -----------------------------------------------------------------------
    def _index(self, node: Node, form: str) -> None:
        key = normal(form)
        self.by_key[key].add(node.id)
        country = gazetteer.countries().get(key)
        if country:
            self.by_key["country:" + normal(country)].add(node.id)
        for acronym in initials(form):
            self.by_initials[acronym].add(node.id)
        words = tokens(form)
        if len(words) >= 2:
            for w in words:
                self.by_word[w].add(node.id)
            self.by_surname[words[-1]].add(node.id)

    def _unindex(self, node: Node, form: str) -> None:
        key = normal(form)
        if any(normal(f) == key for f in node.forms):
            return  # another form with the same key still holds the entry
        self.by_key[key].discard(node.id)
        country = gazetteer.countries().get(key)
        if country:
            self.by_key["country:" + normal(country)].discard(node.id)
        for acronym in initials(form):
            self.by_initials[acronym].discard(node.id)
        for w in tokens(form):
            self.by_word[w].discard(node.id)
        if tokens(form):
            self.by_surname[tokens(form)[-1]].discard(node.id)

    def add_counts(self, node_id: str, forms: Counter, types: Counter, documents: int) -> Node:
        """Record mentions of a node (new or known); used when loading from the store too."""
        node = self.nodes.get(node_id)
        if node is None:
            node = self.nodes[node_id] = Node(node_id)
        for form, n in forms.items():
            if form not in node.forms:
                node.forms[form] = 0
                self._index(node, form)
            node.forms[form] += n
        node.types.update(types)
        node.documents += documents
        return node

    def remove_counts(self, node_id: str, forms: Counter, types: Counter, documents: int) -> None:
        """Forget an article's mentions of a node (the article changed or was removed)."""
        node = self.nodes.get(node_id)
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
        if not node.forms:
            del self.nodes[node_id]

    # -- matching --------------------------------------------------------------------------
    def candidates(self, ent: LocalEntity) -> list[str]:
        """Nodes this article's entity can be, best first."""
        found: Counter = Counter()
        bare_person = ent.type == "PERSON" and len(tokens(ent.label)) == 1
        for form in ent.forms:
            words = tokens(form)
            if ent.type == "PERSON" and len(words) < 2:
                continue  # which person a bare surname means is known inside its article only
            key = normal(form)
            for nid in self.by_key.get(key, ()):
                found[nid] += 3
            country = gazetteer.countries().get(key)
            if country and ent.type in ("PLACE", "ORG"):
                for nid in self.by_key.get("country:" + normal(country), ()):
                    found[nid] += 3
            if is_acronym(form) and ent.type != "PERSON":
                # "UN" for "United Nations": the node's own label must spell it, and the type agree
                for nid in self.by_initials.get(key.replace(" ", ""), ()):
                    node = self.nodes[nid]
                    if node.type == ent.type and acronym_of(form, node.label):
                        found[nid] += 2
        if not found and bare_person:
            # an article that names someone by surname alone ("President Trump"): the one person
            # the graph knows by that surname, if there is exactly one; else the node of that
            # bare surname, so ambiguous mentions at least stay together
            surname = tokens(ent.label)[0]
            people = [nid for nid in self.by_surname.get(surname, ()) if self.nodes[nid].type == "PERSON"]
            if len(people) == 1:
                found[people[0]] += 1
            else:
                for nid in self.by_key.get(surname, ()):
                    if self.nodes[nid].type == "PERSON" and len(tokens(self.nodes[nid].label)) == 1:
                        found[nid] += 1
        if not found:
            for form in ent.forms:
                for nid in self._near(form, ent.type):
                    found[nid] += 1
        out = [nid for nid, _ in found.most_common() if self._compatible(ent, self.nodes[nid])]
        return sorted(out, key=lambda nid: (-found[nid], -self.nodes[nid].mentions, nid))

    def _near(self, form: str, etype: str) -> set[str]:
        """Nodes whose names are acronyms of `form`, contain it as a run of words (persons),
        or spell it differently."""
        words = tokens(form)
        out: set[str] = set()
        if len(words) >= 2:
            # "United Nations" for a node known only as "UN" — never for a node that has a
            # full name already ("Underappreciated Sports Anime" is not the "USA" of "United States")
            for acronym in initials(form):
                for nid in self.by_key.get(acronym, ()):
                    node = self.nodes[nid]
                    if node.type == etype and all(is_acronym(f) for f in node.forms):
                        out.add(nid)
            pool: set[str] = set()
            for w in words:
                pool |= self.by_word.get(w, set())
            for nid in pool:
                for f in self.nodes[nid].forms:
                    fw = tokens(f)
                    if etype == "PERSON" and len(fw) >= 2 and (contiguous_in(words, fw) or contiguous_in(fw, words)
                                                               or _bare(words) == _bare(fw)):
                        out.add(nid)  # "Ashraf Ghani" in "Mohammad Ashraf Ghani Ahmadzai"; "John R. Bolton"
                    elif spelling_variant(form, f):
                        out.add(nid)
        elif len(words) == 1 and len(words[0]) >= 7:
            for key in (k for k in self.by_key if k[:1] == words[0][:1] and " " not in k):
                if spelling_variant(form, key):
                    out |= self.by_key[key]
        return out

    @staticmethod
    def _compatible(ent: LocalEntity, node: Node) -> bool:
        return ent.type == node.type or frozenset({ent.type, node.type}) in COMPATIBLE

    # -- one article -----------------------------------------------------------------------
    def resolve(self, extraction: Extraction) -> list[str]:
        """Node id of each of the article's entities; the index now counts its mentions."""
        forms_of = [Counter() for _ in extraction.entities]
        types_of = [Counter() for _ in extraction.entities]
        for m in extraction.mentions:
            forms_of[m.entity][m.text] += 1
            types_of[m.entity][m.type] += 1
        order = sorted(range(len(extraction.entities)),
                       key=lambda e: (-fullness(extraction.entities[e].label)[0], e))
        taken: set[str] = set()
        ids: list[str | None] = [None] * len(extraction.entities)
        for e in order:
            ent = extraction.entities[e]
            # two entities of one article stay two nodes: the article told them apart
            nid = next((c for c in self.candidates(ent) if c not in taken), None)
            if nid is None:
                nid = self.mint(ent.label)
            taken.add(nid)
            ids[e] = nid
            node = self.add_counts(nid, forms_of[e], types_of[e], 1)
            hint_form = ent.label if ent.label not in ent.forms[1:] and ent.label not in forms_of[e] else None
            if hint_form and not node.hint:
                node.hint = hint_form
        return ids  # type: ignore[return-value]

    def mint(self, label: str) -> str:
        base = slug(label)
        candidate, n = base, 1
        while candidate in self.nodes:
            n += 1
            candidate = f"{base}-{n}"
        self.nodes[candidate] = Node(candidate)
        return candidate
