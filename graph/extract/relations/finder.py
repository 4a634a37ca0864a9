"""Runs the relation patterns over an article and states what they find as Relations.

Per sentence: the patterns of rules.py over its units, and the verbs of verbs.py over its
parse. Then what the article as a whole settles (document.py): which body a "Senator" sits in,
which country an unqualified "President" leads. Every relation keeps its sentence, its
evidence span, the rule that found it and a confidence; of several findings of one fact in one
sentence the surest is kept."""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ... import gazetteer
from ... import lexicon as L
from ...context import place_of
from ...names import institution, normal

from ...records import LocalEntity, Relation
from ..tokens import is_role
from . import document, learned, verbs
from .roles import read_roles
from .rules import RULES
from .shapes import matches
from .units import SYMBOLS, Unit, sentence_units, symbols

def institution_place(label: str) -> str | None:
    """The place a generic institution's name gives ('U.S. Senate' → 'united states'), if any."""
    found = institution(label, place_of)
    return normal(found[1]) if found and found[1] else None


ALLOWED = {
    "leads": ({"PERSON"}, {"ORG", "PLACE"}),
    "memberOf": ({"PERSON"}, {"ORG"}),
    "title": ({"PERSON"}, None),
    "childOf": ({"PERSON"}, {"PERSON"}),
    "locatedIn": ({"PLACE", "ORG", "EVENT"}, {"PLACE"}),
    "opposes": ({"PERSON", "ORG"}, {"PERSON", "ORG"}),
    "participatedIn": ({"PERSON", "ORG"}, {"EVENT"}),
}


class Finder:
    def __init__(self, doc: Doc, spans: list[Span], entity_of: list[int], entities: list[LocalEntity],
                 sentence_of: dict[int, int]):
        self.doc, self.spans, self.entity_of, self.entities = doc, spans, entity_of, entities
        self.sentence_of = sentence_of
        self.mention_at = {i: m for m, s in enumerate(spans) for i in range(s.start, s.end)}
        self.found: dict[tuple, Relation] = {}
        self.last_person: int | None = None  # the first person named in the last sentence that named one
        self.last_people: list[int] = []  # the people the last sentence named, when it named two or three
        self.people_here: list[tuple[int, int]] = []  # (token, mention) of the people of this sentence
        self.qualified: set[int] = set()  # people whose role some sentence says is of a named body or place
        self.affiliated: set[int] = set()  # people an office of state and their party name ("President X of Y")
        self.national: set[int] = set()  # people whose role some sentence says is of a country ("US Senator X")

    # -- the driver --------------------------------------------------------------------------
    def run(self, model=None) -> list[Relation]:
        """The relations of the article; with a learned model (learned.py), the model decides
        the pairs of names a sentence holds."""
        for sent in self.doc.sents:
            units = sentence_units(self.doc, sent.start, sent.end, self.mention_at, self.spans, self.type_of,
                                   self.events)
            if not units:
                continue
            row = symbols(units)
            self.people_here = [(u.start, u.mention) for u in units
                                if u.mention is not None and self.type_of(u.mention) == "PERSON"]
            for rule in RULES:
                for match in matches(rule.shape, row):
                    parts = _parts(match, units)
                    if not any(u.lower in L.NEGATIONS for u in parts["_all"]):
                        getattr(self, "act_" + rule.act)(parts, rule)
            for fact in verbs.facts(sent, self):
                self.add(*fact)
            self._remember_person(units, sent)
        for fact in document.facts(self):
            self.add(*fact)
        for fact in document.regnal_titles(self):
            self.add(*fact)
        for fact in document.event_places(self):
            self.add(*fact)
        for fact in document.competition_sides(self):
            self.add(*fact)
        for fact in document.case_parties(self):
            self.add(*fact)
        for fact in document.named_enemies(self):
            self.add(*fact)
        for fact in document.primary_parties(self):
            self.add(*fact)
        if model is not None:
            learned.decide(self, model)
        led = {(r.subject, r.object) for r in self.found.values() if r.predicate == "leads"}
        return sorted((r for r in self.found.values() if r.predicate != "memberOf" or (r.subject, r.object) not in led),
                      key=lambda r: (r.start, r.predicate))  # (a leader is not also a member)

    def _remember_person(self, units: list[Unit], sent) -> None:
        """Who 'he' or 'she' in the next sentence most likely is: the person the sentence is about
        (the subject of its main verb: 'When X resigned, Y joined the race' is about Y), else the
        first person it names."""
        people = [u for u in units if u.mention is not None and self.type_of(u.mention) == "PERSON"
                  and not self._answer_mark(u.mention)]
        subjects = {c.i for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")}
        about = [u.mention for u in people if subjects & set(range(u.start, u.end))]
        if people:
            self.last_person = about[0] if about else people[0].mention
            named = list(dict.fromkeys(self.entity_of[u.mention] for u in people))
            self.last_people = [next(u.mention for u in people if self.entity_of[u.mention] == e) for e in named] \
                if 2 <= len(named) <= 3 else []

    def _answer_mark(self, m: int) -> bool:
        """'((Ann Ford)) My colleague X is ...': the interview's mark of who answers, no name the
        sentence says anything of."""
        start = self.spans[m].start  # (the tokens before it: Doc.text would join the whole text again)
        return "".join(t.text for t in self.doc[max(0, start - 2):start]).endswith("((")

    # -- what a match states -----------------------------------------------------------------
    def act_role(self, parts: dict, rule) -> None:
        who = self._person(parts.get("who"))
        if rule.name == "copula" and self._served_under(parts.get("who")):
            who = self._clause_subject(parts["who"])  # "X worked for Senator Y as an aide": X's role
        parts = self._owner_before_a_possessive(parts)
        role_units = parts.get("pre", []) + parts.get("role", [])
        comp = parts.get("comp", [])
        if comp and (self._name_follows(comp[-1].end, parts.get("who")) or self._cut_in_a_missed_name(comp[-1].end)):
            comp = []  # "lead guitarist of US rock band Van Halen": the of-phrase is cut before a name
        body = self._body_again_in(comp)
        if body is not None:
            comp = []  # "a senior leader of the party": of the party the article named last
        roles = read_roles(role_units, comp)
        if who is None or not roles:
            return
        first, last = _extent(parts)
        if self._not_stated(rule, parts, role_units):
            return
        # "President X of the Y Party": an office of state, and the party the holder belongs to
        affiliated = bool(parts.get("affiliated")) and any(r.leads_places and r.head != "leader" for r in roles)
        target, roles = self._role_target(parts, roles, role_units, affiliated)
        target = body if target is None else target
        self._partys_too(who, parts, target, first, last, rule)
        if affiliated:
            self.affiliated.add(self.entity_of[who])
        elif target is not None:
            self.qualified.add(self.entity_of[who])  # its office is of something named: not the article's place
            if self.type_of(target) == "PLACE" and gazetteer.place_kind(self.label_of(target)) == "country":
                self.national.add(self.entity_of[who])
        for role in roles:
            if role.title:
                self.add(who, "title", None, role.title, first, last, rule.name, rule.confidence)
            # of two roles, the first is of what stands before both ("the party's chair and
            # spokesman"), the last of what follows ("president and CEO of Y"): both, here -- unless
            # the first names its own field ("a union leader and co-founder of Y")
            if role is roles[0] and len(roles) == 2 and parts.get("of") and _own_field(role):
                continue
            self._role_relation(who, role, target, parts.get("rel"), first, last, rule)

    def _holder_after(self, role_units: list[Unit]) -> bool:
        """A person's name right after the role: 'He had served Iran's Supreme Leader Ali Khamenei'
        names the role's holder, who is not the subject."""
        after = role_units[-1].end if role_units else len(self.doc)
        m = self.name_at(self.doc[after]) if after < len(self.doc) else None
        return m is not None and self.type_of(m) == "PERSON"

    def _partys_too(self, who: int, parts: dict, target: int | None, first: int, last: int, rule) -> None:
        """'X, the former Democratic dean of the House': a party's word before a role of something
        else makes X a member of the party too."""
        owner = self._mention(parts.get("owner"))
        if owner is None or target is None or owner == target or self.type_of(owner) != "GROUP" \
                or normal(self.spans[owner].text) not in L.PARTY_ADJECTIVES:
            return
        party = self.organisation_of(owner)
        if party is not None and party != target and self.type_of(party) == "ORG":
            self.add(who, "memberOf", party, None, first, last, rule.name, rule.confidence * 0.9)

    def _served_under(self, units: list[Unit] | None) -> bool:
        """The name is the object of 'for', 'with' or 'under' and an 'as' phrase follows it."""
        if not units or units[0].mention is None:
            return False
        name = self.doc[units[0].start:units[-1].end].root
        after = self.doc[units[-1].end] if units[-1].end < len(self.doc) else None
        return after is not None and after.lower_ == "as" and name.dep_ in ("obl", "nmod", "pobj") \
            and any(c.dep_ == "case" and c.lower_ in L.SERVED_UNDER for c in name.children)

    def _clause_subject(self, units: list[Unit]) -> int | None:
        """The person the verb the name hangs from is said of."""
        verb = self.doc[units[0].start:units[-1].end].root.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        m = self.name_at(subject)
        if m is not None:
            return m if self.type_of(m) == "PERSON" else None
        return self.pronoun(subject)

    def _body_again_in(self, comp: list[Unit]) -> int | None:
        """The organisation 'of the party', 'for the group' after a role stands for."""
        if len(comp) == 3 and comp[0].symbol in (SYMBOLS["OF"], SYMBOLS["PREP"], SYMBOLS["FOR"]) \
                and comp[1].lower == "the" and comp[2].lower in L.BODY_AGAIN_NOUNS:
            return self.body_again(comp[2].lower, comp[0].start)
        return None

    def _not_stated(self, rule, parts: dict, role_units: list) -> bool:
        """The match states no role: no apposition, a party's word that is not the party's, a role
        counted or supposed, an 'its' that is no possessive ("named X the best driver"), a role after a
        copula that is another person's ("had served Iran's Supreme Leader Y")."""
        first, last = _extent(parts)
        return self._no_apposition(rule.name, first, last) or self._not_a_partys(parts) \
            or self._counted_or_supposed(parts, role_units) \
            or bool(parts.get("its")) and parts["its"][0].lower not in ("its", "their") \
            or rule.name == "copula" and not parts.get("comp") and self._holder_after(role_units) \
            or rule.name == "copula" and self._subject_of_a_clause_on_a_noun(parts)

    def _subject_of_a_clause_on_a_noun(self, parts: dict) -> bool:
        """'The first book that I read was The Atheist Muslim': the name (or pronoun) is the subject
        of a clause on the noun the copula is about, not the copula's (but 'a parliament during which
        he served as prime minister': the clause's verb is the copula)."""
        if not parts.get("who"):
            return False
        tok = self.doc[parts["who"][-1].end - 1]
        copulas = {i for u in parts["_all"] if u.symbol == SYMBOLS["COPULA"] for i in range(u.start, u.end)}
        return tok.dep_.startswith("nsubj") and tok.head.pos_ == "VERB" and tok.head.dep_ in ("acl:relcl", "acl") \
            and tok.head.i not in copulas

    def _role_target(self, parts: dict, roles: list, role_units: list, affiliated: bool) -> tuple[int | None, list]:
        """What the roles are of: the of-phrase's name, else the owner before the role, else what an
        'its' or a party's word stands for; the roles marked as of a part of it where the text says so."""
        target = self._mention(parts.get("of"))
        owner = self._mention(parts.get("owner"))
        if target is not None and owner is not None and self.type_of(target) == "PLACE" \
                and self.type_of(owner) == "ORG" and not any(r.kind == "leader" and r.leads_places for r in roles):
            # "the UN envoy for Sudan", "Y's CEO for Central Europe": the UN's, sent to the place;
            # the head of Y's part there, a member of Y
            target = None
            roles = [dataclasses.replace(r, part=True) for r in roles]
        if target is not None and (self._possessed_after(parts["of"][-1].end) or self.type_of(target) == "ORG"
                                   and self._part_named_after(parts["of"][-1].end)) or parts.get("region") \
                or self._one_of_several(self._phrase_start(parts, role_units), roles) \
                or affiliated:
            # "head of the party's youth wing", "head of the UN mission", "Amnesty's Americas
            # director": of a part of what is named; "a leader of Y", "a director of Y": one of its
            # leaders, a member; "President X of the Y Party": the president's party
            roles = [dataclasses.replace(r, part=True) for r in roles]
        if target is None and not self._of_a_body_after(parts, owner, roles):
            target = owner
        if target is None:
            target = self._its_owner(role_units[0].start, any(r.leads_places for r in roles))
        if target is None:
            target = self._party_of_word(role_units)
        return target, roles

    def _of_a_body_after(self, parts: dict, owner: int | None, roles: list) -> bool:
        """'Polish leader X of the Law and Justice Party': a role that is no office of state, of
        the body named after the holder, is not of the country of the people before it."""
        if owner is None or self.type_of(owner) != "GROUP" or not parts.get("who") \
                or any(r.phrase in L.OFFICE_PLACES for r in roles):
            return False
        doc, i = self.doc, parts["who"][-1].end
        if i >= len(doc) or doc[i].lower_ != "of":
            return False
        j = i + 1
        while j < len(doc) and j - i < 5 and self.name_at(doc[j]) is None and doc[j].is_alpha:
            j += 1
        body = self.name_at(doc[j]) if j < len(doc) else None
        return body is not None and self.type_of(body) == "ORG"

    @staticmethod
    def _phrase_start(parts: dict, role_units: list[Unit]) -> int:
        """Where the role's phrase starts: at its modifiers or its owner before it ('a Taliban
        commander': the article is before the owner)."""
        before = [p[0].start for p in (parts.get("pre"), parts.get("owner")) if p and p[0].start < role_units[0].start]
        return min(before, default=role_units[0].start)

    def _one_of_several(self, i: int, roles) -> bool:
        """'a' or 'an' before a role held now: one of several holders ('a former president' is a
        past holder of the one office)."""
        return i > 0 and self.doc[i - 1].lower_ in ("a", "an") \
            and not any(set(r.words) & L.PAST_MODIFIERS for r in roles)

    def _not_a_partys(self, parts: dict) -> bool:
        """'Kenya's Muslim leader X': a group's word between the owner and the role that is no
        party's makes the role the group's."""
        side = parts.get("side")
        return bool(side) and side[0].lower not in L.PARTY_ADJECTIVES | L.PARTY_MEMBER_NOUNS

    def _counted_or_supposed(self, parts: dict, role_units: list[Unit]) -> bool:
        """'the third President to be impeached': an ordinal and an infinitive after the role count
        holders of something else, no office; 'if he were president': a supposition."""
        doc = self.doc
        end = role_units[-1].end
        counted = end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].pos_ in ("VERB", "AUX") \
            and any(doc[u.start].tag_ in ("JJ", "JJS", "RB") and doc[u.start].lower_ in L.COUNTING_WORDS
                    or doc[u.start].lower_ in L.COUNTING_WORDS for u in role_units)
        # "A third president, X, would have faced ...": one more of a count, no office's rank
        start = role_units[0].start
        counted = counted or start > 0 and doc[start - 1].lower_ in ("a", "an", "another") \
            and doc[start].lower_ in L.COUNTING_WORDS and start + 1 < len(doc) and is_role(doc[start + 1].lower_)
        who = parts.get("who")
        # ('unless I was a mayor there, it may not happen')
        supposed = bool(who) and who[0].start > 0 and doc[who[0].start - 1].lower_ in ("if", "unless") \
            and (doc[who[0].start - 1].lower_ == "unless" or any(t.lower_ == "were" for t in doc[who[0].start:end]))
        return counted or supposed

    def _no_apposition(self, rule_name: str, first: int, last: int) -> bool:
        """'According to his publicist, X died', 'Encouraged by a psychotherapist, X took lessons':
        the source of the news or the agent of a participle, not X's role; 'Prime Minister X, the
        Queen suspended parliament': the subject of the next clause."""
        verb_after = last + 1 < len(self.doc) and self.doc[last + 1].tag_ in ("VBD", "VBZ", "VBP", "MD")
        return verb_after and (rule_name == "apposition-after-name"
                               or rule_name == "apposition-before-name" and self._attributed(first, ("by",)))

    def _role_relation(self, who: int, role, target: int | None, rel, first: int, last: int, rule) -> None:
        if target is not None:
            target = self._through_group(target, role.kind)
        if target is None:
            # "committee chairman X": the committee the article last named
            target = next((self.last_named(w, first) for w in role.words
                           if self.last_named(w, first) is not None), None)
        if target is None:
            return
        ttype = self.type_of(target)
        if rel and rel[0].lower == "in" and ttype != "ORG":
            return  # "the governor in Texas": where, not of what
        if role.kind == "leader" and (role.part or rel and rel[0].lower == "in"):
            # "head of foreign relations for Y": heads a part of Y; "the party's leader in the
            # Senate": leads a group inside the Senate, one of its members
            role_kind = "member"
        else:
            role_kind = role.kind
        if role_kind == "leader" and (ttype == "ORG" or ttype == "PLACE" and role.leads_places):
            self.add(who, "leads", target, None, first, last, rule.name, rule.confidence)
        elif role_kind in ("leader", "member") and ttype == "ORG":
            self.add(who, "memberOf", target, None, first, last, rule.name, rule.confidence * 0.95)

    def _owner_before_a_possessive(self, parts: dict) -> dict:
        """'X, the party's nominee': a word before a possessive is whose the role is, no part of
        its title; a word for a body stands for the one the article named last."""
        pre = parts.get("pre", [])
        cut = next((k for k in range(len(pre) - 1, -1, -1) if self._possessed_after(pre[k].end)), None)
        if cut is None:
            return parts
        word = pre[cut]
        named = self.body_again(word.lower, word.start) if word.lower in L.BODY_AGAIN_NOUNS else None
        owner = {"owner": [Unit(SYMBOLS["ORG"], 0, 0, named, "")]} if named is not None and not parts.get("owner") \
            else {}
        return parts | {"pre": pre[cut + 1:]} | owner

    def _possessed_after(self, i: int) -> bool:
        doc = self.doc
        return i + 1 < len(doc) and doc[i].text in ("'s", "\u2019s", "'", "\u2019") and doc[i + 1].is_lower \
            and doc[i + 1].pos_ in ("NOUN", "ADJ")

    def _part_named_after(self, i: int) -> bool:
        """'head of the UN mission in Y': a noun after an organisation's name (ending before token
        i) that the name modifies names a part of it, unless it is a word for the body itself
        ('leader of the Y movement')."""
        doc = self.doc
        return i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i - 1].dep_ == "compound" \
            and doc[i - 1].head.i == i and doc[i].lower_ not in L.BODY_NOUNS | L.BODY_AGAIN_NOUNS

    def _cut_in_a_missed_name(self, i: int) -> bool:
        """'director of the Learning Together event': a complement that ends on a capitalised word
        the next capitalised word (no name the recogniser found) continues."""
        return 0 < i < len(self.doc) and self.doc[i - 1].is_title and self.doc[i].is_title \
            and self.name_at(self.doc[i]) is None

    def _name_follows(self, i: int, who: list[Unit] | None) -> bool:
        """A name other than the role's holder at token i, or after a few lower-case words from i
        ('rock band' + 'Van Halen')."""
        j = i
        while j < min(i + 3, len(self.doc)) and self.doc[j].is_lower and self.doc[j].pos_ in ("NOUN", "ADJ"):
            j += 1
        holder = who[0].start if who else -1
        return j < len(self.doc) and j != holder and self.name_at(self.doc[j]) is not None

    def _party_of_word(self, units: list[Unit]) -> int | None:
        """'Democratic presidential candidate X', 'X, a Democratic senator': the party the article
        names whose name a capitalised party word in the title opens ('Democratic Party')."""
        for u in units:
            if u.mention is None and u.lower in L.PARTY_ADJECTIVES and self.doc[u.start].is_title:
                return next((m for m, s in enumerate(self.spans) if self.type_of(m) == "ORG"
                             and normal(s.text).split()[0] == u.lower
                             and normal(s.text).split()[-1] in L.PARTY_HEADS), None)
        return None

    def _its_owner(self, i: int, of_places: bool = True) -> int | None:
        """'Y named X as its chief executive', 'X, Y's chair, and Z, its treasurer', 'Y met on
        Monday. Its leader, X, ...': what an 'its' before the role at token i stands for, the last
        thing this sentence or the one before named that is no person, when it is an organisation;
        for a role no place has ('chairman'), the last organisation ('Y, which is based in
        Lakeside, grew. Its chairman, X, ...')."""
        if i == 0 or self.doc[i - 1].lower_ != "its":
            return None
        sent = self.doc[i].sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        before = [m for m, s in enumerate(self.spans) if start <= s.start and s.end < i and self.type_of(m) != "PERSON"
                  and (of_places or self.type_of(m) == "ORG")]
        last = max(before, key=lambda m: self.spans[m].end) if before else None
        if last is None or self.type_of(last) != "ORG":
            return None
        if i - 1 == sent.start and sent.start > 0:
            # 'Its' opening a sentence: of two organisations, the subject of the sentence before
            # ('The X Government, formed by members of the Y League, welcomed it. Its ...')
            subject = self._subject_of(self.doc[sent.start - 1].sent)
            if subject is not None and self.type_of(subject) == "ORG":
                return subject
        return last

    def _subject_of(self, sent) -> int | None:
        """The name that is the subject of a sentence's main verb."""
        for tok in sent.root.children:
            if tok.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
                return self.name_at(tok)
        return None

    def act_role_affiliated(self, parts: dict, rule) -> None:
        self.act_role(parts | {"affiliated": [True]}, rule)

    def act_role_each(self, parts: dict, rule) -> None:
        holders = [(parts["who"], parts.get("own"))]
        others = parts.get("others", [])
        for k, unit in enumerate(others):
            if unit.symbol == SYMBOLS["PERSON"]:
                after = others[k + 1:k + 3]
                holders.append(([unit], after[1:] if len(after) == 2 and after[0].symbol == SYMBOLS["OF"] else None))
        for who, own in holders:
            self.act_role(parts | {"who": who} | ({"of": own} if own else {}), rule)

    def act_role_of_body(self, parts: dict, rule) -> None:
        body = parts.get("body")
        if not body or body[0].lower not in L.BODY_AGAIN_NOUNS:
            return
        named = self.body_again(body[0].lower, parts["_all"][0].start)
        if named is not None:
            self.act_role(parts | {"owner": [Unit(SYMBOLS["ORG"], 0, 0, named, "")]}, rule)

    def act_role_of_place(self, parts: dict, rule) -> None:
        place = parts.get("place")
        kinds = L.PLACE_AGAIN_KINDS.get(place[0].lower) if place else None
        if not kinds:
            return
        start = parts["_all"][0].start
        named = [m for m in range(len(self.spans)) if self.type_of(m) == "PLACE" and self.spans[m].end <= start
                 and gazetteer.place_kind(self.label_of(m)) in kinds]
        if named:
            self.act_role(parts | {"owner": [Unit(SYMBOLS["PLACE"], 0, 0, named[-1], "")]}, rule)

    def body_again(self, word: str, before: int) -> int | None:
        """The organisation 'the group', 'the party' or 'the commission' stands for before token
        `before`: the last the article named (for a word that names only bodies ending in it, the
        last of those: 'the commission' is the Electoral Commission)."""
        heads = L.PARTY_HEADS if word == "party" else {word}

        def named_so(m: int) -> bool:  # ('Communist Party of Nepal' is a party too)
            words = self.label_of(m).lower().split()
            return word not in L.BODY_AGAIN_HEADS or words[-1] in heads or word in words

        named = [m for m in range(len(self.spans)) if self.type_of(m) == "ORG" and self.spans[m].end <= before
                 and named_so(m)]
        return named[-1] if named else None

    def referent(self, tok) -> int | None:
        """The name a subject that is no name stands for: a pronoun's person, or the organisation
        'the group' or 'the party' is ('The group has been at war with Y since April')."""
        if tok.lower_ in L.BODY_AGAIN_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("nmod", "prep", "acl", "acl:relcl", "appos") for c in tok.children):
            return self.body_again(tok.lower_, tok.i)  # (not 'the group of protesters', 'the group that ...')
        if tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
            return self._its_organisation(tok)
        return self.pronoun(tok)

    def _its_organisation(self, tok) -> int | None:
        """'The Zarin Front is based in Kandahar. It was founded in 2015 by X': 'it' as a subject is
        the one organisation this sentence (before it) and the one before name, if one only."""
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        orgs = {self.entity_of[m]: m for m, s in enumerate(self.spans)
                if start <= s.start and s.end <= tok.i and self.type_of(m) == "ORG"}
        return next(iter(orgs.values())) if len(orgs) == 1 else None

    def act_member(self, parts: dict, rule) -> None:
        who, org = self._person(parts.get("who")), self._mention(parts.get("org"))
        if parts.get("open") and parts["open"][0].lower == "[":
            return
        if who is not None and org is not None:
            self.add(who, "memberOf", org, None, *_extent(parts), rule.name, rule.confidence)

    def act_seat_holder(self, parts: dict, rule) -> None:
        org = self._mention(parts.get("org"))
        if parts["seat"][0].lower == "seat" and org is not None \
                and self.label_of(org).lower().split()[-1] in L.LEGISLATURE_HEADS:
            self.act_member(parts, rule)

    def act_role_of_them(self, parts: dict, rule) -> None:
        """'X and Y met. Both are members of Z': the people the sentence before named."""
        them = parts.get("them")
        if not them or them[0].lower not in ("both", "they") or not self.last_people:
            return
        for m in self.last_people:
            span = self.spans[m]
            self.act_role(parts | {"who": [Unit(SYMBOLS["PERSON"], span.start, span.end, m, "")]}, rule)

    def act_office_held(self, parts: dict, rule) -> None:
        who, office = self._person(parts.get("who")), parts.get("office")
        if who is not None and office:
            self.add(who, "title", None, L.OFFICE_NOUNS[office[0].lower], *_extent(parts), rule.name, rule.confidence)

    def act_party_member(self, parts: dict, rule) -> None:
        """`who` is a member of the party the article names whose people `party` names ("a
        Democrat", "Labour's"), or whose initial `letter` stands in "(R-Ohio)"."""
        who = self._person(parts.get("who"))
        party = parts.get("party") or []
        letter = parts.get("letter") or []
        if party:
            words = L.PARTY_GROUP_WORDS.get(party[0].lower, (party[0].lower,))
        elif letter:
            words = L.PARTY_INITIALS.get(self.doc[letter[0].start].text, ())
        else:
            words = ()
        if who is None or not set(words) & (L.PARTY_ADJECTIVES | L.PARTY_MEMBER_NOUNS):
            return
        org = next((m for w in words if (m := self.index.get(("org-prefix", w))) is not None
                    and normal(self.spans[m].text).split()[-1] in L.PARTY_HEADS), None)
        if org is not None:
            self.add(who, "memberOf", org, None, *_extent(parts), rule.name, rule.confidence)

    def act_kin(self, parts: dict, rule) -> None:
        child, parent = self._mention(parts.get("child")), self._mention(parts.get("parent"))
        kin = parts.get("kin")
        if child is None or parent is None or not kin:
            return
        if L.KINSHIP.get(kin[0].lower) == "possessor":  # "X, father of Y": X is the parent
            child, parent = parent, child
        self.add(child, "childOf", parent, None, *_extent(parts), rule.name, rule.confidence)

    def act_kin_of_pronoun(self, parts: dict, rule) -> None:
        pron, kin = parts.get("pron"), parts.get("kin")
        if not pron or not kin or pron[0].lower not in ("his", "her"):
            return
        referent = self.pronoun(self.doc[pron[0].start])
        named = [u.mention for u in parts.get("named", []) + parts.get("others", []) if u.mention is not None]
        for person in named if referent is not None else ():
            child, parent = (person, referent) if L.KINSHIP.get(kin[0].lower) == "named" else (referent, person)
            self.add(child, "childOf", parent, None, *_extent(parts), rule.name, rule.confidence)

    def act_party_of_pronoun(self, parts: dict, rule) -> None:
        pron, body, org = parts.get("pron"), parts.get("body"), self._mention(parts.get("org"))
        # 'her party, One Cebu' names the party by a word for one; 'his Labour Party' by its own name
        party = org is not None and (body[0].lower in L.PARTY_BODY_NOUNS if body
                                     else self.label_of(org).lower().split()[-1] in L.PARTY_HEADS - L.LEGISLATURE_HEADS)
        if not pron or not party or pron[0].lower not in ("his", "her"):
            return
        referent = self.pronoun(self.doc[pron[0].start])
        if referent is not None:
            start = self.spans[referent].start
            titled = start > 0 and self.doc[start - 1].lower_ in L.LEADER_ROLES
            self.add(referent, "leads" if titled else "memberOf", org, None, *_extent(parts), rule.name,
                     rule.confidence)

    def act_located(self, parts: dict, rule) -> None:
        inner, outer = self._mention(parts.get("inner")), self._mention(parts.get("outer"))
        if inner is None or outer is None:
            return
        if self.type_of(outer) == "GROUP":
            outer = self.country_of(outer)
            if outer is None:
                return
        if rule.name == "place-kind-of-place" and self._larger_place(inner, outer):
            inner, outer = outer, inner  # "the Rakhine state of Myanmar": the state is the country's
        if rule.name in ("place-comma-place", "place-parenthesis", "place-is-a-kind-in-place") \
                and not self._contains(outer, inner) \
                or rule.name == "place-comma-place" and self._not_its_place(inner, outer):
            return
        if self.label_of(outer).lower().split()[-1] in L.WATER_HEADS \
                and any(u.lower in L.SETTLEMENT_NOUNS for u in parts["_all"] if u.mention is None):
            return  # "the Red Sea port town of Mokha": on the sea's shore, not in it
        if rule.name == "attack-on-place" and self.label_of(inner).lower().split()[-1] not in L.ATTACK_NOUNS:
            return
        if rule.name == "in-place" and self._near_a_place_elsewhere(inner, outer):
            return  # "an airport near San Diego in El Cajon": where the airport is, not San Diego
        if self.type_of(inner) == "ORG" \
                and institution_place(self.label_of(inner)) not in (None, normal(self.label_of(outer))):
            return  # "ran for the U.S. Senate in Arizona": a body of another place
        if rule.name == "in-place" and self.type_of(inner) == "ORG" \
                and (self._where_a_verb_happens(outer) or self._a_meeting_of(inner)):
            return  # "to resist the Kharaj Front in the Zarin valley": where the resisting is; "the
            # annual meeting of the Y Society in Orlando": where the meeting is
        self.add(inner, "locatedIn", outer, None, *_extent(parts), rule.name, rule.confidence)

    def _near_a_place_elsewhere(self, inner: int, outer: int) -> bool:
        """'near X in Y': two known places, X not in Y."""
        start = self.spans[inner].start
        return start > 0 and self.doc[start - 1].lower_ in ("near", "outside") \
            and all(gazetteer.place_kind(self.label_of(m)) for m in (inner, outer)) and not self._contains(outer, inner)

    def _larger_place(self, larger: int, part: int) -> bool:
        """`larger` names a country or a state and `part` a smaller place ('the San Francisco
        area of California'), or one the gazetteer does not know."""
        ranks = [_PLACE_RANKS.get(gazetteer.place_kind(self.spans[m].text), 0) for m in (larger, part)]
        return self.type_of(part) == "PLACE" and ranks[0] >= 2 and ranks[0] > ranks[1]

    def _a_meeting_of(self, m: int) -> bool:
        """The name follows 'the meeting of' (or another meeting's noun): the meeting's name."""
        i = self.spans[m].start
        while i > 0 and self.doc[i - 1].lower_ in L.DETERMINERS:
            i -= 1
        return i >= 2 and self.doc[i - 1].lower_ == "of" and self.doc[i - 2].lower_ in L.MEETING_NOUNS

    def _where_a_verb_happens(self, outer: int) -> bool:
        """The 'in' phrase of the place hangs from a verb or a noun of fighting ('resist X in Y', 'the
        fight against X in Y'), not from the name before it: where the fight is, not where its side is."""
        head = self.spans[outer].root
        verb = head.head.head if head.head.dep_ == "prep" else head.head
        if head.dep_ == "nmod" and head.head.lower_ in L.FIGHT_NOUNS and head.head.i < self.spans[outer].start:
            return True  # "our fight against ISIS in Syria": the fight's place
        return head.dep_ in ("obl", "prep", "pobj") and verb.pos_ == "VERB" \
            and any(r.predicate == "opposes" for r in verbs.BY_LEMMA.get(verbs.verb_lemma(verb), ()))

    def _attributed(self, i: int, also: tuple[str, ...] = ()) -> bool:
        """Token i (after a determiner or two) follows 'according to' (or one of the words `also`)."""
        while i > 0 and self.doc[i - 1].lower_ in L.DETERMINERS | L.POSSESSIVE_DETERMINERS:
            i -= 1
        return i >= 2 and self.doc[i - 1].lower_ == "to" and self.doc[i - 2].lower_ == "according" \
            or i >= 1 and self.doc[i - 1].lower_ in also

    def _not_its_place(self, inner: int, outer: int) -> bool:
        """'According to the AP, Iran has ...', 'the Coalition for Men, U.S. District Judge X ruled':
        the place after the comma opens the next clause; 'Florida, Georgia, Kansas': peers of a list."""
        doc, after = self.doc, self.spans[outer].end
        if after >= len(doc):
            return False
        if (self.type_of(inner) == "ORG" or self._attributed(self.spans[inner].start)) \
                and doc[after].tag_ in ("VBD", "VBZ", "VBP", "MD") \
                or doc[after].is_title and (L.role_kind(doc[after].lower_) or doc[after].lower_ in L.TITLE_MODIFIERS):
            return True
        if doc[after].is_title and doc[after].pos_ in ("PROPN", "ADJ", "NOUN") and self.name_at(doc[after]) is None \
                and doc[after].lower_ not in L.DATE_WORDS:
            return True  # 'Western Native Voice, Montana Native Vote, ...': the first word of another name
        nxt = self.name_at(doc[after + 1]) if after + 1 < len(doc) and doc[after].text in (",", "and", "or") else None
        return nxt is not None and self.type_of(nxt) == "PLACE" \
            and gazetteer.place_kind(self.label_of(nxt)) == gazetteer.place_kind(self.label_of(inner))

    def act_located_each(self, parts: dict, rule) -> None:
        outer = self._mention(parts.get("outer"))
        for unit in parts.get("inner", []) + parts.get("last", []):
            if unit.mention is not None and outer is not None:
                self.add(unit.mention, "locatedIn", outer, None, *_extent(parts), rule.name, rule.confidence)

    def act_capital(self, parts: dict, rule) -> None:
        """'the capital, X': the country the gazetteer says X is the capital of, if the article names it."""
        inner = self._mention(parts.get("inner"))
        if inner is None or self.type_of(inner) != "PLACE":
            return
        country = gazetteer.capitals().get(normal(self.label_of(inner)))
        outer = self.index.get(("country", country)) if country else None
        if outer is not None:
            self.add(inner, "locatedIn", outer, None, *_extent(parts), rule.name, rule.confidence)

    def act_opposes(self, parts: dict, rule) -> None:
        subject, obj = self._mention(parts.get("subject")), self._mention(parts.get("object"))
        if subject is None or obj is None:
            return
        lo, hi = parts["object"][-1].end, parts["subject"][0].start
        if lo < hi and any(t.pos_ in ("VERB", "AUX") for t in self.doc[lo:hi]):
            return  # "anti-Biden memes showed 'Dementia Joe'": the name of another clause
        if any(u.symbol == SYMBOLS["OPPOSE_NOUN"] and u.lower in L.CRITICISM_NOUNS for u in parts["_all"]):
            return
        self.add(subject, "opposes", obj, None, *_extent(parts), rule.name, rule.confidence)

    def act_takes_part(self, parts: dict, rule) -> None:
        event = self._mention(parts.get("event"))
        for side in ("subject", "other"):
            # (a pronoun for the subject: "She was a keynote speaker at Y")
            subject = self._mention(parts.get(side)) if parts.get(side) else None
            if subject is None and parts.get(side):
                subject = self._person(parts.get(side))
            if subject is not None and event is not None:
                self.add(subject, "participatedIn", event, None, *_extent(parts), rule.name, rule.confidence)

    def act_contends(self, parts: dict, rule) -> None:
        part = parts.get("part")
        if part and part[-1].lower in L.PARTICIPANT_NOUNS:
            self.act_takes_part(parts, rule)

    # -- helpers -----------------------------------------------------------------------------
    def name_at(self, tok) -> int | None:
        """The mention a token is part of, or the article's one event a bare meeting noun names
        ("held a closed-door summit" for the article's "Doha summit")."""
        m = self.mention_at.get(tok.i)
        if m is None and tok.is_lower and tok.lower_ in self.events and tok.tag_ != "NNS":
            return self.events[tok.lower_]
        return m

    def type_of(self, m: int) -> str:
        return self.entities[self.entity_of[m]].type

    def label_of(self, m: int) -> str:
        return self.entities[self.entity_of[m]].label

    def _mention(self, units: list[Unit] | None) -> int | None:
        return next((u.mention for u in units or () if u.mention is not None), None)

    def _person(self, units: list[Unit] | None) -> int | None:
        """The person a part names, or the one a pronoun there stands for."""
        m = self._mention(units)
        if m is not None:
            return m if self.type_of(m) == "PERSON" else None
        if not units or self._quoted(units[0].start) and self.doc[units[0].start].lower_ != "i":
            return None  # "he was the helmsman," said X: a quoted 'he' is someone the speaker means
        return self.pronoun(self.doc[units[0].start])

    def _quoted(self, i: int) -> bool:
        """Token i stands inside a quotation opened earlier in its paragraph (a quotation may go on
        over several sentences: '"He was an orator [...] For the party, he was the helmsman."')."""
        plain = opening = closing = 0
        j = i - 1
        while j >= 0 and i - j < 400 and "\n" not in self.doc[j].text and "\n" not in self.doc[j].whitespace_:
            text = self.doc[j].text
            plain, opening, closing = plain + text.count('"'), opening + text.count("\u201c"), \
                closing + text.count("\u201d")
            j -= 1
        return plain % 2 == 1 or opening > closing

    def pronoun(self, tok) -> int | None:
        """The person 'he' or 'she' most likely is (the first named in the sentence before),
        and 'I' in an interview (the person interviewed)."""
        if tok.lower_ in ("he", "she", "his", "her"):
            # (not a man's given name for 'her': 'survived by two sons, A and Christopher, and by
            # her son X' is the subject's son)
            return next(self._people_before(tok, "m" if tok.lower_ in ("he", "his") else "f"), None)
        if tok.lower_ == "i":
            found = document.speaker(self, tok.i)
            return found if found is not None else self._quoted_speaker(tok)
        return None

    def object_pronoun(self, tok, besides: list[int]) -> int | None:
        """The person 'him' or 'her' as an object most likely is: the last named before it in the
        sentence, or the first of the sentence before, that is not the verb's subject ('X tackled
        him': not X)."""
        if tok.lower_ not in ("him", "her"):
            return None
        own = {self.entity_of[m] for m in besides}
        return next((m for m in self._people_before(tok, "m" if tok.lower_ == "him" else "f")
                     if self.entity_of[m] not in own), None)

    def _people_before(self, tok, gender: str) -> Iterator[int]:
        """Whom a pronoun of `gender` at `tok` may stand for, most likely first: the people named
        before it in the sentence, the last first, then the first of the sentence before."""
        before = [m for i, m in self.people_here if i < tok.i]
        return (m for m in [*reversed(before), self.last_person] if m is not None and self._may_be(m, gender))

    def _may_be(self, m: int, gender: str) -> bool:
        """Whether the person of mention m may be a 'he' ("m") or a 'she' ("f"): a given name of one
        of its full names (of two words or more) that is not known as the other's only."""
        forms = self.entities[self.entity_of[m]].forms
        firsts = [normal(f.split(" ", 1)[0]) for f in forms if " " in f] or [normal(f) for f in forms]
        genders = gazetteer.given_name_genders()
        return any(genders.get(first, gender) == gender for first in firsts)

    def _quoted_speaker(self, tok) -> int | None:
        """'"I am the director of Y," Ann Ford said': who says the quotation 'I' stands in, when
        the sentence names the speaker right after it (or right before: 'Ann Ford said: "I ..."')."""
        sent, quotes = tok.sent, ('"', "\u201c", "\u201d")
        marks = [t.i for t in sent if t.text in quotes]
        opening = [i for i in marks if i < tok.i]
        closing = [i for i in marks if i > tok.i]
        if len(opening) % 2 == 0 or not closing:
            return None  # not inside a quotation
        after = [t for t in self.doc[closing[0] + 1:min(closing[0] + 6, sent.end)] if t.text != ","]
        before = [t for t in self.doc[max(sent.start, opening[-1] - 6):opening[-1]] if t.text not in (",", ":")]
        for words in (after, list(reversed(before))):
            people = [self.mention_at[t.i] for t in words if t.i in self.mention_at
                      and self.type_of(self.mention_at[t.i]) == "PERSON"]
            if people and any(t.lower_ in L.SPEECH_VERBS for t in words[:4]):
                return people[0]
        return None

    def _through_group(self, m: int, kind: str) -> int | None:
        """What a nationality or party adjective before a role stands for: 'Israeli Prime
        Minister X' leads Israel (when the article names it), 'Houthi spokesperson X' speaks for
        the Houthi movement."""
        if self.type_of(m) != "GROUP":
            return m
        return self.country_of(m) if kind == "leader" else self.organisation_of(m)

    def _contains(self, outer: int, inner: int) -> bool:
        """'Springfield, Illinois': a country, state or region after a smaller place (not two
        peers of a list: 'Florida, Illinois')."""
        kinds = {"country": 3, "region": 3, "subdivision": 2, "city": 1}
        outer_kind = kinds.get(gazetteer.place_kind(self.label_of(outer)) or "", 0)
        inner_kind = kinds.get(gazetteer.place_kind(self.label_of(inner)) or "", 1)
        return outer_kind > inner_kind

    def country_of(self, m: int) -> int | None:
        """A mention of the country a nationality mention ('Israeli') belongs to, if any."""
        country = gazetteer.demonym_countries().get(normal(self.spans[m].text))
        if country is None:
            return None
        # the index knows a country by the gazetteer's name for it ("Russia": "Russian Federation")
        return self.index.get(("country", gazetteer.countries().get(normal(country), country)))

    def organisation_of(self, m: int) -> int | None:
        """An organisation whose name starts with this group's name ('Houthi' → 'Houthi
        movement'); never for a nationality ('Afghan' is not 'Afghan Special Forces')."""
        key = normal(self.spans[m].text)
        if key in gazetteer.demonyms():
            return None
        return self.index.get(("org-prefix", key))

    def last_named(self, head: str, before: int) -> int | None:
        """The last organisation named before token `before` whose name ends in `head`."""

        if head not in L.ORG_HEADS:
            return None
        found = [m for m in self.orgs_by_head.get(head, ()) if self.spans[m].start < before
                 and (head not in L.NATIONAL_FORCES or _national(self.spans[m]))]
        return found[-1] if found else None

    @functools.cached_property
    def orgs_by_head(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for m, span in enumerate(self.spans):
            if self.type_of(m) == "ORG":
                out.setdefault(span[-1].lower_, []).append(m)
        return out

    @functools.cached_property
    def events(self) -> dict[str, int]:
        """Meeting noun → a mention of the article's one event named with it ("the summit" → the
        "Doha summit"); a noun two events share names neither."""

        found: dict[str, set[int]] = {}
        first: dict[int, int] = {}
        for m in range(len(self.spans)):
            if self.type_of(m) == "EVENT":
                e = self.entity_of[m]
                first.setdefault(e, m)
                for word in self.spans[m].text.lower().split():
                    if word in L.MEETING_NOUNS:
                        found.setdefault(word, set()).add(e)
        return {noun: first[next(iter(es))] for noun, es in found.items() if len(es) == 1}

    @functools.cached_property
    def index(self) -> dict[tuple, int]:
        """The first mention of each country, organisation name prefix, and entity label."""
        countries = gazetteer.countries()
        out: dict[tuple, int] = {}
        for k, span in enumerate(self.spans):
            kind, name = self.type_of(k), normal(span.text)
            if kind == "PLACE":
                out.setdefault(("country", countries.get(name, span.text)), k)
                out.setdefault(("country", countries.get(normal(self.label_of(k)), self.label_of(k))), k)
            elif kind == "ORG":
                words = name.split()
                for n in range(1, len(words)):
                    out.setdefault(("org-prefix", " ".join(words[:n])), k)
        return out

    def add(self, subject_m: int, predicate: str, obj_m: int | None, value: str | None, first: int, last: int,
            method: str, confidence: float) -> None:
        """State a relation found at tokens [first, last] (both inclusive)."""
        s = self.entity_of[subject_m]
        o = self.entity_of[obj_m] if obj_m is not None else None
        if o is not None and o == s:
            return
        subjects, objects = ALLOWED[predicate]
        if self.entities[s].type not in subjects or (objects is not None and self.entities[o].type not in objects):
            return
        if predicate == "title":
            value = clean_title(value or "")
            if not value:
                return
        sent = self.sentence_of.get(first, self.sentence_of.get(self.spans[subject_m].start, 0))
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text)
        subject = self.spans[subject_m]
        if self.sentence_of.get(subject.start) == sent:  # the evidence covers the subject's name when it is there
            start, end = min(start, subject.start_char), max(end, subject.end_char)
        key = (s, predicate, o, value, sent)
        if key not in self.found or self.found[key].confidence < confidence:
            self.found[key] = Relation(subject=s, predicate=predicate, object=o, value=value, sentence=sent,
                                       start=start, end=end, method=method, confidence=confidence)


def _parts(match: re.Match, units: list[Unit]) -> dict[str, list[Unit]]:
    return {name: units[match.start(name):match.end(name)] for name, text in match.groupdict().items()
            if text is not None and match.start(name) < match.end(name)} | \
        {"_all": units[match.start():match.end()]}


def _own_field(role) -> bool:
    """'union leader': a noun before the role word that says what it is of (not 'former', 'deputy')."""
    return any(w not in L.TITLE_MODIFIERS and w not in L.SUBORDINATE_MODIFIERS and not w.endswith("-")
               for w in role.words)


_PLACE_RANKS = {"city": 1, "subdivision": 2, "country": 3}  # (a region may lie in a country or hold it)


def _extent(parts: dict) -> tuple[int, int]:
    every = parts["_all"]
    return every[0].start, every[-1].end - 1


def clean_title(value: str) -> str:
    value = value.strip().lower().replace("\u2019", "'")
    value = re.sub(r"\s*-\s*", "-", value)
    value = re.sub(r"^(the|a|an)\s+", "", value)
    value = re.sub(r"^(then|now)?\s*-\s*", "", value)  # "then-governor": the role, not when it was held
    value = re.sub(r"\s+", " ", value).strip(" ,.;:")
    return value


def _national(span) -> bool:
    """'the Sudanese Army', 'Nigerian Army': a force named by its country or people, which 'army
    chief X' can mean; not a rebel 'Liberation Army' named earlier in the article."""
    words = span[:-1].text
    return bool(words) and (gazetteer.place_kind(words) == "country" or normal(words) in gazetteer.demonyms())
