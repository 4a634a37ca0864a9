"""Where things are: "Kabul, Afghanistan", "Maidan Shahr in the centre of X", "Northern
Syria", events named after their place or held in one, "the Kabul-based Y"."""
from __future__ import annotations

from . import lexicon as L
from .descriptions import PLACE_ROLES
from .tokens import DETERMINERS

COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
                 "southwestern", "north-east", "north-west", "south-east", "south-west", "north-eastern",
                 "north-western", "south-eastern", "south-western", "upper", "lower"}
PART_WORDS = {"centre", "center", "heart", "middle", "outskirts", "suburbs", "part", "parts", "region", "edge",
              "capital", "city", "town", "province", "district"}


class Places:
    """Place patterns of the relation finder (a mixin of relations._Finder)."""

    def place_in_place(self, m: int) -> None:
        """'Maidan Shahr in the centre of Afghanistan's Maidan Wardak province', 'the embassy in
        Baghdad': a place (or facility) in a larger place; 'Northern Syria' is in Syria."""
        from ..names import normal

        span = self.spans[m]
        words = normal(span.text).split()
        if len(words) >= 2 and words[0] in COMPASS_WORDS:
            inner = " ".join(words[1:])
            k = next((k for k in self.index.places_by_name.get(inner, ()) if k != m), None)
            if k is not None:
                self.add(m, "locatedIn", k, None, span.start, span.end - 1, "compass-place", 0.7)
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        # "took place in Iraq, at Baghdad International Airport": the second place is in the first
        if span.start > 0 and self.doc[span.start - 1].lower_ == "in" and j + 2 < hi and self.doc[j].text == "," \
                and self.doc[j + 1].lower_ in ("at", "in") and (j + 2) in self.mention_at:
            inner = self.mention_at[j + 2]
            if self.type_of(inner) == "PLACE" and self.entity_of[inner] != self.entity_of[m]:
                self.add(inner, "locatedIn", m, None, span.start, self.spans[inner].end - 1, "in-place-at-place", 0.6)
        if j + 1 < hi and self.doc[j].text == "," and self.doc[j + 1].lower_ == "in" \
                and (j + 2 >= hi or self.doc[j + 2].lower_ not in ("which", "whom", "what")):
            j += 1  # "Mosul, in northern Iraq"
        if j >= hi or self.doc[j].lower_ != "in":
            return
        k = j + 1
        # "in the centre of", "in northern": a part of the place
        while k < hi and (self.doc[k].lower_ in DETERMINERS or self.doc[k].lower_ in COMPASS_WORDS | PART_WORDS
                          or self.doc[k].lower_ == "of"):
            k += 1
        target = None
        while k < hi:
            if k in self.mention_at and self.type_of(self.mention_at[k]) == "PLACE":
                target = self.mention_at[k]
                k = self.spans[target].end
                if k < hi and self.doc[k].lower_ in ("'s", "\u2019s"):
                    k += 1
                    continue
            break
        if target is not None and self.entity_of[target] != self.entity_of[m]:
            self.add(m, "locatedIn", target, None, span.start, self.spans[target].end - 1, "place-in-place", 0.65)

    def place_comma_place(self, m: int) -> None:
        """'Kabul, Afghanistan' and datelines 'Bangkok, TH': a place, then the country it is in."""
        from .. import gazetteer

        span = self.spans[m]
        if span.end + 1 >= len(self.doc) or self.doc[span.end].text != "," or span.end + 1 not in self.mention_at:
            return
        other = self.mention_at[span.end + 1]
        ospan = self.spans[other]
        if ospan.start != span.end + 1 or self.type_of(other) != "PLACE":
            return
        outer = self.entities[self.entity_of[other]].label
        if gazetteer.place_kind(outer) not in ("country", "subdivision") or gazetteer.place_kind(span.text) == "country":
            return
        after = self.doc[ospan.end] if ospan.end < len(self.doc) else None
        if after is not None and (after.lower_ in ("and", "or") or (after.text == "," and ospan.end + 1 < len(self.doc)
                                  and (ospan.end + 1) in self.mention_at
                                  and self.type_of(self.mention_at[ospan.end + 1]) == "PLACE")):
            return  # a list of places, not "city, country"
        self.add(m, "locatedIn", other, None, span.start, ospan.end - 1, "place-comma-place", 0.7)

    def event_place(self, m: int) -> None:
        """An event named after where it met ('the Doha summit') or said to be 'in'/'held in' a place."""
        span = self.spans[m]
        if span[-1].lower_ in L.MEETING_NOUNS and span.end - span.start >= 2:
            for e, ent in enumerate(self.entities):
                if ent.type == "PLACE" and any(f == span[0].text for f in ent.forms):
                    obj = next((k for k, x in enumerate(self.entity_of) if x == e), None)
                    if obj is not None:
                        self.add(m, "locatedIn", obj, None, span.start, span.end - 1, "event-name", 0.6)
                    break
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        if j + 1 < hi and self.doc[j].lower_ in ("was", "is", "will") and self.doc[j + 1].lower_ in ("held", "be"):
            j += 2 if self.doc[j + 1].lower_ == "held" else 3
        if j < hi and self.doc[j].lower_ in ("in", "at"):
            k = j + 1
            last_place = None
            while k < hi:
                if k in self.mention_at and self.type_of(self.mention_at[k]) == "PLACE":
                    last_place = self.mention_at[k]
                    k = self.spans[last_place].end
                    continue
                if self.doc[k].lower_ in DETERMINERS | {"'s", "\u2019s"} | PLACE_ROLES:
                    k += 1
                    continue
                break
            if last_place is not None:
                self.add(m, "locatedIn", last_place, None, span.start, k - 1, "event-in-place", 0.65)

    def based_in(self, m: int) -> None:
        """'the Kabul-based Y', 'Y, based in Doha': an organisation and where it sits."""
        span = self.spans[m]
        i = span.start
        if i >= 3 and self.doc[i - 1].lower_ == "based" and self.doc[i - 2].text == "-" and (i - 3) in self.mention_at:
            place = self.mention_at[i - 3]
            if self.type_of(place) == "PLACE":
                self.add(m, "locatedIn", place, None, i - 3, span.end - 1, "based-in", 0.75)
        j = span.end
        if j + 1 < len(self.doc) and self.doc[j].text == ",":
            j += 1
        if j + 2 < len(self.doc) and self.doc[j].lower_ in ("based", "headquartered") and self.doc[j + 1].lower_ == "in" \
                and (j + 2) in self.mention_at and self.type_of(self.mention_at[j + 2]) == "PLACE":
            self.add(m, "locatedIn", self.mention_at[j + 2], None, span.start, j + 2, "based-in", 0.75)
