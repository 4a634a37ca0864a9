"""Relations a sentence states between the entities it mentions (GUIDELINES.md, "Relations").

Two families of patterns:

* Descriptions of a name — an apposition ("X, leader of Y"), the words before it ("Taliban
  spokesperson X", "Qatar's capital Doha"), a copula ("X is the head of Y"), a reflexive
  ("naming himself acting president") — read as token sequences over the entity spans, so
  they hold even where the parse is wrong. A description yields a title, and `leads`,
  `memberOf`, `childOf` or `locatedIn` depending on its role word and how the other
  entity is attached to it.
* Clauses — "X vowed to fight Y", "the Y, which fought against Z", "X attended Z", "Z,
  signed between A and B" — read from the dependency parse when the pipeline has one,
  and from a token window otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..records import LocalEntity, Relation
from . import lexicon as L

STOP = {",", ".", ";", ":", "\u2014", "\u2013", "--", "\"", "\u201c", "\u201d", "?", "!", "|"}
DETERMINERS = {"the", "a", "an"}
ORG_PREPS = {"of", "for", "at", "with", "in"}
TITLE_PREPS = {"of", "on", "to", "for"}
NO_TITLE = {"member", "fighter", "supporter", "ally", "loyalist", "militant", "soldier", "student", "graduate",
            "alumnus", "volunteer", "employee", "worker", "staffer", "recruit", "insider", "player", "partner",
            "associate", "guard", "bodyguard", "intern", "candidate", "nominee", "official", "officer"}
PLACE_ROLES = {"capital", "city", "town", "village", "province", "region", "district", "state", "county",
               "port", "suburb", "neighbourhood", "neighborhood", "area", "valley", "part", "heart", "outskirts"}
SEAT_ROLES = {"stronghold", "base", "headquarters", "home", "heartland", "bastion", "seat", "birthplace"}
COPULAS = {"is", "was", "'s", "has been", "had been", "became", "becomes", "remains", "remained",
           "serves as", "served as", "was named", "was appointed", "was elected", "is named", "was made",
           "who is", "who was", "who has been", "who became", "who serves as", "who served as"}
REFLEXIVE_VERBS = {"name", "naming", "named", "call", "calling", "called", "declare", "declaring", "declared",
                   "proclaim", "proclaiming", "proclaimed", "style", "styling", "styled", "appoint", "appointing",
                   "appointed", "crown", "crowning", "crowned", "install", "installing", "installed"}
ROLES = L.LEADER_ROLES | L.MEMBER_ROLES
DELEGATE_NOUNS = {"delegates", "delegation", "delegations", "representatives", "officials", "envoys", "members",
                  "ministers", "leaders", "diplomats", "negotiators", "team"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
                 "southwestern", "north-east", "north-west", "south-east", "south-west", "north-eastern",
                 "north-western", "south-eastern", "south-western", "upper", "lower"}
PART_WORDS = {"centre", "center", "heart", "middle", "outskirts", "suburbs", "part", "parts", "region", "edge",
              "capital", "city", "town", "province", "district"}


@dataclass
class _Word:
    """A word as the patterns see it: hyphenated pieces joined ('vice-president')."""
    text: str
    lower: str
    start: int  # token indices [start, end)
    end: int
    mention: int | None  # index of the mention this word belongs to


def extract(doc: Doc, spans: list[Span], entity_of: list[int], entities: list[LocalEntity],
            sentence_of: dict[int, int]) -> list[Relation]:
    return _Finder(doc, spans, entity_of, entities, sentence_of).run()


class _Finder:
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
        for k, span in enumerate(self.spans):
            if self.type_of(k) == "ORG" and normal(span.text).startswith(key + " "):
                return k
        return None

    def last_named(self, head: str, before: int) -> int | None:
        """The last organisation named before token `before` whose name ends in `head`
        ('the committee' → 'House Judiciary Committee')."""
        best = None
        for k, span in enumerate(self.spans):
            if span.start >= before:
                break
            if self.type_of(k) == "ORG" and span[-1].lower_ == head:
                best = k
        return best

    def country_of(self, m: int) -> int | None:
        """A mention of the country a nationality mention ('Israeli') belongs to, if any."""
        from .. import gazetteer
        from ..names import normal

        country = gazetteer.demonym_countries().get(normal(self.spans[m].text))
        if country is None:
            return None
        countries = gazetteer.countries()
        key = normal(country)
        for k, span in enumerate(self.spans):
            if self.type_of(k) == "PLACE" and countries.get(normal(span.text), span.text) in (country,) \
                    or normal(span.text) == key:
                return k
        return None

    def words(self, start: int, end: int) -> list[_Word]:
        """Tokens [start, end) as words: hyphen compounds joined, whitespace dropped."""
        out: list[_Word] = []
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
            out.append(_Word(text, text.lower(), i, j, self.mention_at.get(i)))
            i = j
        return out

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

    # -- descriptions ------------------------------------------------------------------------
    def apposition(self, m: int) -> None:
        """'X, leader of Y,' after the name, and 'Y's capital, X' / 'the leader of Y, X' before it."""
        span = self.spans[m]
        lo, hi = self.sentence_bounds(span.start)
        after = span.end
        # "the National Resistance Front of Afghanistan (NRF), the main ...": skip the acronym
        if after + 2 < hi and self.doc[after].text == "(" and after + 1 in self.mention_at \
                and self.doc[self.spans[self.mention_at[after + 1]].end].text == ")":
            after = self.spans[self.mention_at[after + 1]].end + 1
        elif after < hi and self.doc[after].text == ")" and span.start > 0 and self.doc[span.start - 1].text == "(":
            after += 1
        if after + 1 < hi and self.doc[after].text == ",":
            end = _segment_end(self.doc, after + 1, hi)
            words = self.words(after + 1, end)
            words = _strip_lead_in(words)
            if words and not (words[0].mention is not None and self.type_of(words[0].mention) == "PERSON"
                              and self.type_of(m) == "PERSON"):
                self.describe(m, words, "appos", 0.85)
        # Description before the name: "Afghanistan's capital, Kabul", "The stronghold of Y, X"
        if span.start - 2 >= lo and self.doc[span.start - 1].text == ",":
            begin = span.start - 1
            while begin > lo and _in_noun_phrase(self.doc[begin - 1], begin - 1 in self.mention_at):
                begin -= 1
            words = self.words(begin, span.start - 1)
            if words and not any(w.lower in ("and", "or") for w in words):
                self.describe(m, words, "appos-before", 0.75, before=True)

    def premodifiers(self, m: int) -> None:
        """'Taliban spokesperson X', 'U.S. President X', "Qatar's capital Doha", 'defiant vice-president X'."""
        span = self.spans[m]
        lo, _ = self.sentence_bounds(span.start)
        i = span.start
        while i > lo:
            tok = self.doc[i - 1]
            low = tok.lower_
            if tok.is_space or (tok.is_punct and tok.text not in ("-", "'s", "\u2019s")) or low in DETERMINERS:
                break
            if (i - 1) in self.mention_at and self.type_of(self.mention_at[i - 1]) == "PERSON" \
                    and self.mention_at[i - 1] != m:
                break  # a title before a name never reaches past another person
            if (i - 1) in self.mention_at or low in ("'s", "\u2019s", "-") or _roleish(low) \
                    or low in L.TITLE_MODIFIERS or low in PLACE_ROLES or low in L.KINSHIP \
                    or (tok.is_lower and (tok.pos_ in ("NOUN", "ADJ") or tok.tag_ in ("VBN", "VBG"))):
                i -= 1
                continue
            break
        if i == span.start:
            return
        words = self.words(i, span.start)
        # the word right before the name must be a role, a kinship or a place word
        if not words or words[-1].mention is not None:
            if words and words[-1].mention is not None and self.type_of(m) == "PLACE" \
                    and len(words) >= 2 and words[-2].lower in ("'s", "\u2019s"):
                pass  # "Afghanistan's Panjshir valley": possessor place, no role word
            else:
                return
        self.describe(m, words, "premod", 0.8, before=True)

    def copula(self, m: int) -> None:
        """'X is the leader of Y', 'X, who was a spokesman for Y'."""
        span = self.spans[m]
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        if j < hi and self.doc[j].text == ",":
            j += 1
        for size in (3, 2, 1):
            phrase = " ".join(t.lower_ for t in self.doc[j:min(j + size, hi)])
            if phrase in COPULAS and j + size < hi:
                end = _segment_end(self.doc, j + size, hi, stop_at_verbs=True)
                words = self.words(j + size, end)
                if words and (words[0].lower in DETERMINERS or _roleish(words[0].lower)
                              or words[0].lower in L.TITLE_MODIFIERS):
                    self.describe(m, words, "copula", 0.75)
                return

    def whose_role(self, m: int) -> None:
        """'The Syrian Army — whose commander-in-chief is President X —': X holds the role in Y."""
        span = self.spans[m]
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        if j < hi and self.doc[j].text in (",", "\u2014", "\u2013", "-", "(", "--"):
            j += 1
        if j + 3 >= hi or self.doc[j].lower_ != "whose":
            return
        k = j + 1
        while k < hi and self.doc[k].lower_ not in ("is", "was", "are", "were", "has", "had"):
            k += 1
        if k + 1 >= hi or k == j + 1:
            return
        holder = None
        for i in range(k + 1, min(hi, k + 5)):
            if i in self.mention_at and self.type_of(self.mention_at[i]) == "PERSON":
                holder = self.mention_at[i]
                break
        if holder is None:
            return
        role = self.words(j + 1, k)
        of = self.words(span.start, span.end)
        self.role_phrase(holder, [*role, _Word("of", "of", span.start, span.start, None), *of], "whose-role", 0.75,
                         before=False)

    def describe(self, m: int, words: list[_Word], method: str, confidence: float, before: bool = False) -> None:
        """Read one description of mention `m` (split at 'and' between role phrases)."""
        for phrase in _split_coordination(words, self):
            self.role_phrase(m, phrase, method, confidence, before)

    def role_phrase(self, m: int, words: list[_Word], method: str, confidence: float, before: bool) -> None:
        etype = self.type_of(m)
        while words and words[0].lower in DETERMINERS:
            words = words[1:]
        if not words:
            return
        heads = [k for k, w in enumerate(words) if w.mention is None and _role_kind(w.lower, etype)]
        if not heads:
            tail = len(words)
            while tail > 0 and words[tail - 1].mention is None and words[tail - 1].text[:1].islower() \
                    and words[tail - 1].lower not in ("'s", "\u2019s"):
                tail -= 1  # "Saudi Arabia's state-owned Saudi Aramco"
            words = words[:tail]
            if before and len(words) >= 2 and words[-1].lower in ("'s", "\u2019s") and words[-2].mention is not None:
                owner = words[-2].mention
                otype = self.type_of(owner)
                if etype in ("PLACE", "ORG") and otype == "PLACE":
                    # "Afghanistan's Panjshir valley", "Iran's Quds Force"
                    self.add(m, "locatedIn", owner, None, words[-2].start, self.spans[m].end - 1,
                             method + "-possessive", confidence)
                elif etype == "PERSON" and otype == "ORG":
                    # "BBC's Jonathan Marcus": a person of the organisation
                    self.add(m, "memberOf", owner, None, words[-2].start, self.spans[m].end - 1,
                             method + "-possessive", confidence * 0.75)
            return
        # the head is the last role word of a run of role words ("foreign relations chief"):
        # of the first run after the name, or of the last run before it
        h = heads[-1] if before else heads[0]
        while h + 1 < len(words) and words[h + 1].mention is None and _role_kind(words[h + 1].lower, etype):
            h += 1
        head = words[h]
        kind = _role_kind(head.lower, etype)
        if h > 0 and f"{words[h - 1].lower} {head.lower}" in L.LEADER_ROLES and etype == "PERSON" \
                and not any(w.lower.rstrip("-") in L.SUBORDINATE_MODIFIERS for w in words[:h - 1]):
            kind = "leader"  # "prime minister", "secretary general", "chief executive"
        pre, post = words[:h], words[h + 1:]
        # the other entity: in a prepositional phrase after the role, else a possessor or a
        # name before it ("the UN Deputy Secretary-General")
        target, target_words, unit = None, set(), False
        k = 0
        while k < len(post):
            w = post[k]
            if w.lower in ORG_PREPS | TITLE_PREPS | {"to", "against", "in"}:
                nxt = k + 1
                while nxt < len(post) and (post[nxt].lower in DETERMINERS | {"late", "former", "then", "now"}
                                           or post[nxt].lower in ("'s", "\u2019s")):
                    nxt += 1
                if nxt < len(post) and post[nxt].mention is not None:
                    cand = post[nxt].mention
                    # "head of Iran's Quds Force": the possessed name, not the possessor
                    after = nxt
                    while after < len(post) and post[after].mention == cand:
                        after += 1
                    if after + 1 < len(post) and post[after].lower in ("'s", "\u2019s") \
                            and post[after + 1].mention is not None:
                        cand, nxt = post[after + 1].mention, after + 1
                    ctype = self.type_of(cand)
                    if target is None and w.lower in ORG_PREPS and ctype in ("ORG", "PLACE", "PERSON") \
                            and not (kind in ("leader", "member") and w.lower == "in" and ctype == "PLACE"):
                        target = cand
                        target_words = {id(x) for x in post[k:]}
                        break
                elif w.lower == "of" and nxt < len(post):
                    unit = True  # "head of foreign relations": a part of the organisation
            k += 1
        possessor = None
        for k, w in enumerate(pre):
            if w.lower in ("'s", "\u2019s") and k > 0 and pre[k - 1].mention is not None:
                possessor = pre[k - 1].mention
        premod = next((w.mention for w in reversed(pre) if w.mention is not None
                       and self.type_of(w.mention) in ("ORG", "PLACE")), None)
        by_reference = False
        if premod is None:
            # "Israeli Prime Minister X": the nationality's country, when the article names it
            premod = next((self.country_of(w.mention) for w in reversed(pre) if w.mention is not None
                           and self.type_of(w.mention) == "GROUP" and self.country_of(w.mention) is not None), None)
        if premod is None:
            # "Houthi military spokesperson X": a people's name that opens an organisation's name
            premod = next((self.organisation_of(w.mention) for w in reversed(pre) if w.mention is not None
                           and self.type_of(w.mention) == "GROUP" and self.organisation_of(w.mention) is not None),
                          None)
        if premod is None and possessor is None:
            # "committee chairman X", "party spokesman X": the organisation last named with that head
            premod = next((self.last_named(w.lower, self.spans[m].start) for w in reversed(pre)
                           if w.mention is None and w.lower in L.ORG_HEADS
                           and self.last_named(w.lower, self.spans[m].start) is not None), None)
            by_reference = premod is not None
        if target is None:
            target = possessor if possessor is not None else premod
            last_name = max((k for k, w in enumerate(pre) if w.mention is not None), default=-1)
            if target is not None and not by_reference and any(
                    w.mention is None and w.lower not in L.TITLE_MODIFIERS and w.lower not in ("'s", "\u2019s")
                    and not _roleish(w.lower) and w.text[:1].islower() for w in pre[last_name + 1:]):
                unit = True  # "NRF's foreign relations chief": a part of the organisation
        first = min(w.start for w in words)
        last = max(w.end for w in words) - 1
        if kind == "kin":
            if target is not None and self.type_of(target) == "PERSON":
                child, parent = (m, target) if L.KINSHIP[head.lower] == "named" else (target, m)
                if before and target == possessor:  # "X's father Y": Y is X's parent
                    child, parent = (target, m) if L.KINSHIP[head.lower] == "possessor" else (m, target)
                self.add(child, "childOf", parent, None, first, last, method + "-kin", confidence)
            return
        if kind == "place":
            if target is not None and self.type_of(target) == "PLACE":
                self.add(m, "locatedIn", target, None, first, last, method + "-place", confidence)
            return
        if kind == "seat":
            if target is not None and self.type_of(target) == "ORG":
                self.add(target, "locatedIn", m, None, first, last, method + "-seat", confidence)
            return
        if kind == "oppose":
            for w in post:
                if w.mention is not None and self.type_of(w.mention) in ("ORG", "PERSON"):
                    self.add(m, "opposes", w.mention, None, first, last, method + "-oppose", confidence * 0.9)
                    break
            return
        # a person's role
        subordinate = any(w.lower.rstrip("-") in L.SUBORDINATE_MODIFIERS or w.lower.startswith(("vice-", "co-", "deputy"))
                          for w in pre + [head]) or head.lower.startswith(("vice", "co-", "deputy", "under"))
        if target is not None and head.lower not in L.TITLE_ONLY_ROLES:
            ttype = self.type_of(target)
            if kind == "leader" and not subordinate and not unit and ttype in ("ORG", "PLACE"):
                self.add(m, "leads", target, None, first, last, method + "-role", confidence)
            elif ttype == "ORG":
                self.add(m, "memberOf", target, None, first, last, method + "-role", confidence * 0.95)
        if head.lower not in NO_TITLE:
            title = _title_words(pre, head, post, target_words, self)
            if title:
                self.add(m, "title", None, title, first, last, method + "-title", confidence)

    def reflexive_titles(self) -> None:
        """'naming himself acting president', 'X declared herself leader of Y'."""
        for tok in self.doc:
            if tok.lower_ not in ("himself", "herself") or tok.i == 0 or tok.i + 1 >= len(self.doc):
                continue
            verb = self.doc[tok.i - 1]
            if verb.lower_ not in REFLEXIVE_VERBS:
                continue
            lo, hi = self.sentence_bounds(tok.i)
            end = tok.i + 1
            while end < hi and (_roleish(self.doc[end].lower_) or self.doc[end].lower_ in L.TITLE_MODIFIERS
                                or self.doc[end].text == "-"):
                end += 1
            if end == tok.i + 1:
                continue
            title = " ".join(w.lower for w in self.words(tok.i + 1, end))
            subject = self._clause_subject(verb, lo, hi)
            if subject is not None and self.type_of(subject) == "PERSON":
                self.add(subject, "title", None, title, verb.i, end - 1, "reflexive", 0.75)

    def _clause_subject(self, verb: Token, lo: int, hi: int) -> int | None:
        """The person a participle phrase or verb is about: the parse's subject, else the
        first person named after a sentence-initial participle phrase, else the last before."""
        if verb.i == lo or (verb.i > lo and self.doc[verb.i - 1].is_sent_start) or verb.tag_ == "VBG" \
                and verb.i - lo <= 1:
            # "Naming himself acting president after ..., Saleh has ...": the person after the phrase
            comma = next((t.i for t in self.doc[verb.i:hi] if t.text == ","), None)
            if comma is not None and comma + 1 in self.mention_at:
                return self.mention_at[comma + 1]
        if self.has_parse:
            head = verb
            for _ in range(4):
                for child in head.children:
                    if child.dep_.startswith("nsubj") and child.i in self.mention_at:
                        return self.mention_at[child.i]
                if head.head == head:
                    break
                head = head.head
        before = [self.mention_at[i] for i in range(lo, verb.i) if i in self.mention_at]
        return before[-1] if before else None

    # -- small patterns ------------------------------------------------------------------------
    def anti(self, m: int) -> None:
        """'anti-Y X': X opposes Y ('the anti-Taliban Northern Alliance')."""
        span = self.spans[m]
        lo, _ = self.sentence_bounds(span.start)
        i = span.start - 1
        steps = 0
        while i >= lo and steps < 4:
            tok = self.doc[i]
            if tok.i in self.mention_at and i >= 2 and self.doc[i - 1].text == "-" \
                    and self.doc[i - 2].lower_ == "anti":
                target = self.mention_at[i]
                if self.type_of(target) in ("ORG", "PERSON"):
                    self.add(m, "opposes", target, None, i - 2, span.end - 1, "anti-modifier", 0.8)
                return
            if tok.is_punct and tok.text != "-" or tok.lower_ in DETERMINERS:
                return
            if tok.i in self.mention_at:
                i = self.spans[self.mention_at[tok.i]].start - 1
            else:
                i -= 1
            steps += 1

    def place_in_place(self, m: int) -> None:
        """'Maidan Shahr in the centre of Afghanistan's Maidan Wardak province', 'the embassy in
        Baghdad': a place (or facility) in a larger place; 'Northern Syria' is in Syria."""
        from ..names import normal

        span = self.spans[m]
        words = normal(span.text).split()
        if len(words) >= 2 and words[0] in COMPASS_WORDS:
            inner = " ".join(words[1:])
            for k, other in enumerate(self.spans):
                if k != m and self.type_of(k) == "PLACE" and normal(other.text) == inner:
                    self.add(m, "locatedIn", k, None, span.start, span.end - 1, "compass-place", 0.7)
                    break
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        # "took place in Iraq, at Baghdad International Airport": the second place is in the first
        if span.start > 0 and self.doc[span.start - 1].lower_ == "in" and j + 2 < hi and self.doc[j].text == "," \
                and self.doc[j + 1].lower_ in ("at", "in") and (j + 2) in self.mention_at:
            inner = self.mention_at[j + 2]
            if self.type_of(inner) == "PLACE" and self.entity_of[inner] != self.entity_of[m]:
                self.add(inner, "locatedIn", m, None, span.start, self.spans[inner].end - 1, "in-place-at-place", 0.6)
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

    # -- clauses -------------------------------------------------------------------------------
    def clauses(self) -> None:
        """Verb patterns: opposes ('fought against Y'), participatedIn ('attended Z'), leads
        ('X heads Y'), memberOf ('X joined Y')."""
        for tok in self.doc:
            lemma = (tok.lemma_ or tok.lower_).lower()
            if tok.pos_ not in ("VERB", "AUX", "") and lemma not in L.OPPOSE_NOUNS and not self.has_parse is False:
                continue
            if lemma in L.OPPOSE_VERBS or (lemma in ("war", "resistance", "fight", "struggle", "rebellion")
                                            and tok.pos_ == "NOUN"):
                self._verb(tok, "opposes", ("ORG", "PERSON"), ("ORG", "PERSON"), {"against", "on", "with", "to"})
            elif lemma in L.PARTICIPATE_VERBS or tok.lower_ in L.PARTICIPATE_VERBS:
                self._verb(tok, "participatedIn", ("ORG", "PERSON"), ("EVENT",), {"at", "in", "on", "to", "for"})
            elif lemma in ("lead", "head", "chair", "run", "command", "found") and tok.pos_ == "VERB" and lemma != "found":
                self._verb(tok, "leads", ("PERSON",), ("ORG", "PLACE"), set(), objects_only=True)
            elif lemma == "join" and tok.pos_ == "VERB":
                self._verb(tok, "memberOf", ("PERSON",), ("ORG",), set(), objects_only=True)
        self._signed_between()
        self._participants()

    def _verb(self, verb: Token, predicate: str, subject_types, object_types, preps: set[str],
              objects_only: bool = False) -> None:
        subjects = self._subjects(verb)
        objects = self._objects(verb, preps, objects_only)
        for s in subjects:
            if self.type_of(s) not in subject_types:
                continue
            for o in objects:
                if self.type_of(o) in object_types:
                    first = min(self.spans[s].start, self.spans[o].start, verb.i)
                    last = max(self.spans[s].end, self.spans[o].end) - 1
                    self.add(s, predicate, o, None, first, last, f"verb-{verb.lemma_ or verb.lower_}",
                             0.7 if self.has_parse else 0.5)

    def _subjects(self, verb: Token) -> list[int]:
        out: list[int] = []
        if self.has_parse and verb.pos_ == "NOUN":
            # "the NRF's resistance against ...": a noun's agent is its possessor
            return [self.mention_at[c.i] for c in verb.children
                    if c.dep_ in ("nmod:poss", "poss", "compound") and c.i in self.mention_at]
        if self.has_parse:
            head, hops = verb, 0
            while hops < 3:
                subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "agent")]
                if not subj and head.dep_ in ("acl", "acl:relcl", "relcl") and head.head.i in self.mention_at:
                    return [self.mention_at[head.head.i]]
                if subj:
                    for s in subj:
                        if s.lower_ in ("which", "who", "that"):
                            antecedent = self._antecedent(s, head)
                            if antecedent is not None:
                                out.append(antecedent)
                        elif s.i in self.mention_at:
                            out.append(self.mention_at[s.i])
                            out += [self.mention_at[c.i] for c in s.conjuncts if c.i in self.mention_at]
                        elif s.lower_ in DELEGATE_NOUNS:
                            # "delegates from the African Union attended ...": the body they represent
                            out += [self.mention_at[g.i] for g in s.children
                                    if g.i in self.mention_at and g.dep_ in ("nmod", "prep", "pobj")]
                            out += [self.mention_at[gg.i] for g in s.children if g.dep_ == "prep"
                                    for gg in g.children if gg.i in self.mention_at]
                    return out
                # "the UN holding the summit": a gerund right after the name it is about
                if head.tag_ == "VBG" and head.i > 0 and head.i - 1 in self.mention_at:
                    return [self.mention_at[head.i - 1]]
                # "X vowed to fight Y": the subject of the governing verb
                if head.dep_ in ("xcomp", "conj", "advcl") and head.head != head:
                    head, hops = head.head, hops + 1
                    continue
                break
            return out
        # no parse: the nearest entity before the verb in the clause
        lo, _ = self.sentence_bounds(verb.i)
        for i in range(verb.i - 1, max(lo, verb.i - 8) - 1, -1):
            if self.doc[i].text in STOP:
                break
            if i in self.mention_at:
                return [self.mention_at[i]]
        return out

    def _antecedent(self, pronoun: Token, clause: Token) -> int | None:
        """What 'which'/'who' stands for: the name right before the pronoun ('the Northern
        Alliance, which also fought ...') — parsers often attach the clause higher up — else
        the relative clause's head."""
        i = pronoun.i - 1
        if i >= 0 and self.doc[i].text == ",":
            i -= 1
        if i in self.mention_at:
            return self.mention_at[i]
        if clause.dep_ in ("acl:relcl", "relcl") and clause.head.i in self.mention_at:
            return self.mention_at[clause.head.i]
        return None

    def _objects(self, verb: Token, preps: set[str], objects_only: bool) -> list[int]:
        out: list[int] = []
        if self.has_parse:
            for c in verb.children:
                if c.dep_ in ("obj", "dobj", "attr") or (not objects_only and c.dep_ in ("obl", "nmod", "pobj", "prep")):
                    target = c
                    if c.dep_ == "prep":
                        if c.lower_ not in preps:
                            continue
                        target = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if target is None:
                            continue
                    elif c.dep_ in ("obl", "nmod"):
                        case = [g.lower_ for g in c.children if g.dep_ == "case"]
                        if not case or case[0] not in preps:
                            continue
                    if target.i in self.mention_at:
                        out.append(self.mention_at[target.i])
                        out += [self.mention_at[x.i] for x in target.conjuncts if x.i in self.mention_at]
            return out
        _, hi = self.sentence_bounds(verb.i)
        for i in range(verb.i + 1, min(hi, verb.i + 6)):
            if self.doc[i].text in STOP:
                break
            if i in self.mention_at:
                return [self.mention_at[i]]
        return out

    def _signed_between(self) -> None:
        """'Z, signed between A and B' / 'Z, signed by A and B': A and B took part in Z."""
        for m, span in enumerate(self.spans):
            if self.type_of(m) != "EVENT":
                continue
            j = span.end
            _, hi = self.sentence_bounds(span.start)
            if j < hi and self.doc[j].text == ",":
                j += 1
            if j + 1 < hi and self.doc[j].lower_ in ("signed", "agreed", "reached", "brokered", "negotiated") \
                    and self.doc[j + 1].lower_ in ("between", "by", "with"):
                k = j + 2
                while k < hi and (k in self.mention_at or self.doc[k].lower_ in DETERMINERS | {"and", ","}):
                    if k in self.mention_at:
                        p = self.mention_at[k]
                        self.add(p, "participatedIn", m, None, span.start, self.spans[p].end - 1, "signed-between", 0.75)
                        k = self.spans[p].end
                    else:
                        k += 1

    def _participants(self) -> None:
        """'One of the participants of Z was X' / 'X was among the participants in Z'."""
        for tok in self.doc:
            if tok.lower_ not in ("participants", "participant", "attendees", "delegates", "speakers"):
                continue
            lo, hi = self.sentence_bounds(tok.i)
            if tok.i + 1 < hi and self.doc[tok.i + 1].lower_ in ("of", "in", "at"):
                k = tok.i + 2
                while k < hi and self.doc[k].lower_ in DETERMINERS:
                    k += 1
                if k in self.mention_at and self.type_of(self.mention_at[k]) == "EVENT":
                    event = self.mention_at[k]
                    k = self.spans[event].end
                    if k < hi and self.doc[k].lower_ in ("was", "were", "included", "include"):
                        k += 1
                        if k in self.mention_at:
                            p = self.mention_at[k]
                            self.add(p, "participatedIn", event, None, tok.i, self.spans[p].end - 1,
                                     "participants-of", 0.7)


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


def _roleish(word: str) -> bool:
    return word in ROLES or word.split("-")[-1] in ROLES


def _role_kind(word: str, etype: str) -> str | None:
    """What a description's head word says about the thing described."""
    if etype == "PERSON":
        if word in L.KINSHIP:
            return "kin"
        last = word.split("-")[-1]
        if word in L.LEADER_ROLES or (last in L.LEADER_ROLES and not word.startswith(("vice", "co-", "deputy", "under"))):
            return "leader"
        if word in L.MEMBER_ROLES or last in L.MEMBER_ROLES or last in L.LEADER_ROLES:
            return "member"
        return None
    if etype == "PLACE":
        if word in PLACE_ROLES:
            return "place"
        if word in SEAT_ROLES:
            return "seat"
        return None
    if etype == "ORG":
        if word in ("group", "movement", "force", "forces", "front", "alliance", "coalition", "militia",
                    "faction", "organisation", "organization", "party", "army", "rebels", "insurgents"):
            return None
        if word in ("resistance", "opposition", "rival", "rivals", "enemy", "enemies", "opponent", "opponents",
                    "foe", "foes", "critic", "critics"):
            return "oppose"
    return None


def _in_noun_phrase(tok: Token, in_mention: bool) -> bool:
    """Can `tok` be part of the noun phrase before a comma ("the mountainous stronghold of the
    Northern Alliance", "Afghanistan's capital")? Verbs, pronouns and most prepositions end it."""
    if in_mention:
        return True
    if tok.text in STOP or tok.is_space:
        return False
    if tok.lower_ in ("of", "'s", "\u2019s", "-") or tok.lower_ in DETERMINERS:
        return True
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "") and tok.lower_ not in ("himself", "herself")


def _strip_lead_in(words: list[_Word]) -> list[_Word]:
    """'who is the leader of Y', 'known as the leader of Y' → 'the leader of Y'."""
    text = [w.lower for w in words]
    for lead in (("who", "is"), ("who", "was"), ("who", "has", "been"), ("also", "known", "as"), ("known", "as"),
                 ("now",), ("then",), ("currently",)):
        if tuple(text[:len(lead)]) == lead:
            return words[len(lead):]
    for k in range(min(6, len(text) - 1)):
        if text[k:k + 2] == ["known", "as"]:
            return words[k + 2:]
    return words


def _segment_end(doc: Doc, start: int, hi: int, stop_at_verbs: bool = False) -> int:
    """End of an apposition: the next comma, full stop, dash, quote or line break; a
    bracketed acronym '(NRF)' stays inside."""
    depth = 0
    i = start
    while i < hi:
        tok = doc[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (tok.text in STOP or "\n" in tok.text):
            break
        elif stop_at_verbs and depth == 0 and tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "acl") \
                and i > start and tok.tag_ not in ("VBN", "VBG"):
            break
        i += 1
    return i


def _split_coordination(words: list[_Word], finder: _Finder) -> list[list[_Word]]:
    """'the NRF leader and son of the late X' → two role phrases; 'France and Canada' stays one."""
    parts, current = [], []
    for k, w in enumerate(words):
        if w.lower in ("and", "&") and current:
            rest = words[k + 1:]
            j = 0
            while j < len(rest) and (rest[j].lower in DETERMINERS or rest[j].lower in L.TITLE_MODIFIERS
                                     or rest[j].mention is not None or rest[j].lower in ("'s", "\u2019s")
                                     or (rest[j].text.islower() and not _roleish(rest[j].lower) and j + 1 < len(rest)
                                         and rest[j].lower not in L.KINSHIP
                                         and rest[j].lower not in ("of", "for", "to", "in", "at", "on"))):
                j += 1  # "... agent and terrorism specialist X": modifiers before the second role
            if j < len(rest) and (_roleish(rest[j].lower) or rest[j].lower in L.KINSHIP) \
                    and rest[j].mention is None:
                parts.append(current)
                current = []
                continue
        current.append(w)
    if current:
        parts.append(current)
    return parts


def _title_words(pre: list[_Word], head: _Word, post: list[_Word], target_words: set[int],
                 finder: _Finder) -> str:
    """The role as a title: modifiers right before the head, the head, and complements
    ('of foreign relations', 'on Afghanistan', 'to France and Canada') except the phrase
    that names the organisation and time phrases ('at the time')."""
    lead: list[_Word] = []
    for w in reversed(pre):
        if w.mention is not None or w.lower in ("'s", "\u2019s"):
            break
        if w.lower in L.TITLE_MODIFIERS or _roleish(w.lower) or (w.text[:1].islower() and w.lower not in DETERMINERS
                                                                  and not w.lower.endswith(("ed", "ing", "ly"))
                                                                  and w.lower not in {"defiant", "famed", "famous",
                                                                                      "powerful", "influential",
                                                                                      "controversial", "hardline",
                                                                                      "main", "top", "veteran",
                                                                                      "prominent", "notorious"}):
            lead.insert(0, w)
            continue
        break
    # drop descriptive adjectives at the front that are not part of an office
    while lead and lead[0].lower not in L.TITLE_MODIFIERS and not _roleish(lead[0].lower) \
            and not (len(lead) > 1 and not _roleish(lead[0].lower) and lead[0].text[:1].islower()
                     and lead[0].lower not in {"defiant"} and _noun_like(lead[0])):
        lead = lead[1:]
    tail: list[_Word] = []
    k = 0
    while k < len(post):
        w = post[k]
        if id(w) in target_words:
            break
        if w.lower in TITLE_PREPS:
            # keep the complement up to the next preposition that is not part of it
            j = k + 1
            while j < len(post) and id(post[j]) not in target_words and not (
                    post[j].lower in ORG_PREPS | {"at", "since", "during", "from", "until", "after", "before", "who",
                                                  "which", "that"} and post[j].lower not in ("of",)
                    and j > k + 1):
                j += 1
            tail.extend(post[k:j])
            k = j
            continue
        break
    words = [*lead, head, *tail]
    return " ".join(w.text for w in words)


def _noun_like(w: _Word) -> bool:
    return not w.lower.endswith(("ful", "ous", "ive", "ant", "ent", "ic", "al")) or w.lower in L.TITLE_MODIFIERS


def _clean_title(value: str) -> str:
    value = value.strip().lower().replace("\u2019", "'")
    value = re.sub(r"\s*-\s*", "-", value)
    value = re.sub(r"^(the|a|an)\s+", "", value)
    value = re.sub(r"\s+", " ", value).strip(" ,.;:")
    return value
