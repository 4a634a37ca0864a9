"""Relations a sentence states between the entities it mentions (GUIDELINES.md, "Relations").

The finder walks the article's mentions once and applies three families of patterns, one
module each: descriptions of a name (descriptions.py: appositions, titles before a name,
copulas, reflexives), places (places.py) and clauses (clauses.py, from the parse when there
is one). Every relation keeps its sentence, the character span of its evidence, the
pattern that found it and a confidence; one relation per sentence keeps the best.
"""
from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Span

from ..records import LocalEntity, Relation
from .clauses import Clauses
from .descriptions import Descriptions
from .places import Places
from .tokens import Word


def extract(doc: Doc, spans: list[Span], entity_of: list[int], entities: list[LocalEntity],
            sentence_of: dict[int, int]) -> list[Relation]:
    return _Finder(doc, spans, entity_of, entities, sentence_of).run()


class _Finder(Descriptions, Places, Clauses):
    def __init__(self, doc, spans, entity_of, entities, sentence_of):
        self.doc, self.spans, self.entity_of, self.entities = doc, spans, entity_of, entities
        self.sentence_of = sentence_of
        self.mention_at = {i: m for m, s in enumerate(spans) for i in range(s.start, s.end)}
        self.has_parse = doc.has_annotation("DEP")
        self.found: dict[tuple, Relation] = {}

    # -- helpers -------------------------------------------------------------------------
    def type_of(self, m: int) -> str:
        return self.entities[self.entity_of[m]].type

    def add(self, subject_m: int, predicate: str, obj_m: int | None, value: str | None, first: int, last: int,
            method: str, confidence: float) -> None:
        s = self.entity_of[subject_m]
        o = self.entity_of[obj_m] if obj_m is not None else None
        if o is not None and o == s:
            return
        if not _allowed(predicate, self.entities[s].type, self.entities[o].type if o is not None else None):
            return
        if predicate == "title":
            value = _clean_title(value or "")
            if not value:
                return
        sent = self.sentence_of.get(first, self.sentence_of.get(self.spans[subject_m].start, 0))
        start = min(self.doc[first].idx, self.spans[subject_m].start_char)
        end = max(self.doc[last].idx + len(self.doc[last].text), self.spans[subject_m].end_char)
        key = (s, predicate, o, value, sent)
        if key not in self.found or self.found[key].confidence < confidence:
            self.found[key] = Relation(subject=s, predicate=predicate, object=o, value=value, sentence=sent,
                                       start=start, end=end, method=method, confidence=confidence)

    def organisation_of(self, m: int) -> int | None:
        """An organisation whose name starts with this group's name ('Houthi' → 'Houthi
        movement'); never for a nationality ('Afghan' is not 'Afghan Special Forces')."""
        from .. import gazetteer
        from ..names import normal

        key = normal(self.spans[m].text)
        if key in gazetteer.demonyms():
            return None
        return self.index.org_by_prefix.get(key)

    def last_named(self, head: str, before: int) -> int | None:
        """The last organisation named before token `before` whose name ends in `head`
        ('the committee' → 'House Judiciary Committee')."""
        starts, mentions = self.index.orgs_by_head.get(head, ((), ()))
        i = bisect.bisect_left(starts, before)
        return mentions[i - 1] if i else None

    def country_of(self, m: int) -> int | None:
        """A mention of the country a nationality mention ('Israeli') belongs to, if any."""
        from .. import gazetteer
        from ..names import normal

        country = gazetteer.demonym_countries().get(normal(self.spans[m].text))
        if country is None:
            return None
        found = [k for k in (self.index.place_by_country.get(country), self.index.first_by_name.get(normal(country)))
                 if k is not None]
        return min(found) if found else None

    @functools.cached_property
    def index(self) -> _Index:
        return _Index(self)

    def words(self, start: int, end: int) -> list[Word]:
        """Tokens [start, end) as words: hyphen compounds joined, whitespace dropped."""
        out: list[Word] = []
        i = start
        while i < end:
            tok = self.doc[i]
            if tok.is_space:
                i += 1
                continue
            j = i + 1
            text = tok.text
            while j + 1 < end and self.doc[j].text == "-" and not tok.whitespace_ \
                    and not self.doc[j].whitespace_ and self.doc[j + 1].text[:1].isalpha() \
                    and self.mention_at.get(j + 1) == self.mention_at.get(i):
                text += "-" + self.doc[j + 1].text
                tok = self.doc[j + 1]
                j += 2
            out.append(Word(text, text.lower(), i, j, self.mention_at.get(i)))
            i = j
        return out

    def regnal(self, m: int) -> None:
        """'Pope X', 'Sultan X of Y': the title that is part of a monarch's name, and the
        country he reigns over when it follows."""
        from .lexicon import REGNAL_TITLES

        span = self.spans[m]
        if len(span) < 2 or span[0].lower_ not in REGNAL_TITLES:
            return
        title = span[0].lower_
        if span.start > 0 and self.doc[span.start - 1].lower_ in ("crown", "grand"):
            title = self.doc[span.start - 1].lower_ + " " + title
        self.add(m, "title", None, title, span.start, span.end - 1, "regnal-title", 0.8)
        of = self.of_after(m)
        if of and self.type_of(of[-1].mention) == "PLACE" and title in ("king", "queen", "sultan", "emir",
                                                                         "emperor", "empress", "tsar", "czar", "shah"):
            self.add(m, "leads", of[-1].mention, None, span.start, of[-1].end - 1, "regnal-of", 0.75)

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        sent = self.doc[i].sent
        return sent.start, sent.end

    # -- driver ----------------------------------------------------------------------------
    def run(self) -> list[Relation]:
        for m, span in enumerate(self.spans):
            etype = self.type_of(m)
            if etype in ("PERSON", "PLACE", "ORG"):
                self.apposition(m)
                self.premodifiers(m)
            if etype == "PERSON":
                self.copula(m)
                self.regnal(m)
            if etype in ("ORG", "PLACE"):
                self.whose_role(m)
            if etype in ("PERSON", "ORG"):
                self.anti(m)
            if etype == "PLACE":
                self.place_comma_place(m)
                self.place_in_place(m)
            if etype == "EVENT":
                self.event_place(m)
            if etype == "ORG":
                self.based_in(m)
        self.reflexive_titles()
        self.clauses()
        return sorted(self.found.values(), key=lambda r: (r.start, r.predicate))


class _Index:
    """Where the article's mentions are, by what the rules look them up by: each rule asks in
    constant or logarithmic time what a scan of every mention would tell, so that extraction
    time grows with the article, not with its square."""

    def __init__(self, finder: _Finder):
        from .. import gazetteer
        from ..names import normal

        countries = gazetteer.countries()
        self.org_by_prefix: dict[str, int] = {}     # the first organisation whose name starts with these words
        self.first_by_name: dict[str, int] = {}     # the first mention of each name
        self.place_by_country: dict[str, int] = {}  # the first place mention naming each country
        self.place_by_label_country: dict[str, int] = {}  # ... by its entity's label
        self.places_by_name: dict[str, list[int]] = {}
        heads: dict[str, tuple[list[int], list[int]]] = {}
        for k, span in enumerate(finder.spans):
            name = normal(span.text)
            self.first_by_name.setdefault(name, k)
            kind = finder.type_of(k)
            if kind == "ORG":
                words = name.split()
                for n in range(1, len(words)):
                    self.org_by_prefix.setdefault(" ".join(words[:n]), k)
                starts, mentions = heads.setdefault(span[-1].lower_, ([], []))
                starts.append(span.start)
                mentions.append(k)
            elif kind == "PLACE":
                self.place_by_country.setdefault(countries.get(name, span.text), k)
                label = countries.get(normal(finder.entities[finder.entity_of[k]].label))
                if label is not None:
                    self.place_by_label_country.setdefault(label, k)
                self.places_by_name.setdefault(name, []).append(k)
        self.orgs_by_head = heads


# -- pure helpers ----------------------------------------------------------------------------
def _allowed(predicate: str, subject: str, obj: str | None) -> bool:
    return {
        "leads": subject == "PERSON" and obj in ("ORG", "PLACE"),
        "memberOf": subject == "PERSON" and obj == "ORG",
        "title": subject == "PERSON",
        "childOf": subject == "PERSON" and obj == "PERSON",
        "locatedIn": subject in ("PLACE", "ORG", "EVENT") and obj == "PLACE",
        "opposes": subject in ("PERSON", "ORG") and obj in ("PERSON", "ORG"),
        "participatedIn": subject in ("PERSON", "ORG") and obj == "EVENT",
    }[predicate]


def _clean_title(value: str) -> str:
    value = value.strip().lower().replace("\u2019", "'")
    value = re.sub(r"\s*-\s*", "-", value)
    value = re.sub(r"^(the|a|an)\s+", "", value)
    value = re.sub(r"\s+", " ", value).strip(" ,.;:")
    return value
