"""Relations read from a description of a name: an apposition ("X, leader of Y"), the words
before it ("Taliban spokesperson X", "Qatar's capital Doha"), a copula ("X is the head of
Y"), "Y, whose ROLE is X", a reflexive ("naming himself acting president"), "anti-Y X".
Read as token sequences over the entity spans, so they hold where the parse is wrong. A
description yields a title and `leads`, `memberOf`, `childOf`, `locatedIn` or `opposes`,
depending on its role word and how the other entity is attached to it."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from . import lexicon as L
from .tokens import DETERMINERS, STOP, Word

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


class Descriptions:
    """Description patterns of the relation finder (a mixin of relations._Finder)."""

    def apposition(self, m: int) -> None:
        """'X, leader of Y,' after the name, and 'Y's capital, X' / 'the leader of Y, X' before it."""
        span = self.spans[m]
        lo, hi = self.sentence_bounds(span.start)
        after = span.end
        # "the National Liberation Front of Zanzar (NLF), the main ...": skip the acronym
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
        comma = span.start - 1
        # "the general manager of Y, Dr X": a courtesy title between the comma and the name
        while comma - 1 > lo and self.doc[comma].lower_.rstrip(".") in L.HONORIFICS and comma not in self.mention_at \
                and self.doc[comma].text[:1].isupper():
            comma -= 1
        if comma - 1 >= lo and self.doc[comma].text == "," and not self.country_after_place(m, comma):
            begin = comma
            while begin > lo and _in_noun_phrase(self.doc[begin - 1], begin - 1 in self.mention_at):
                begin -= 1
            words = self.words(begin, comma)
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
            if low == "of" and i - 2 >= lo and i in self.mention_at and self.type_of(self.mention_at[i]) in ("ORG", "PLACE") \
                    and (_roleish(self.doc[i - 2].lower_) or self.doc[i - 2].lower_ in DETERMINERS and i - 3 >= lo
                         and _roleish(self.doc[i - 3].lower_)):
                # "the President of Ukraine X": a role of a place or body right before the name
                i -= 1
                continue
            if (i - 1) in self.mention_at or low in ("'s", "\u2019s", "-") or _roleish(low) \
                    or low in L.TITLE_MODIFIERS or low in PLACE_ROLES or low in L.KINSHIP \
                    or (tok.is_lower and (tok.pos_ in ("NOUN", "ADJ") or tok.tag_ in ("VBN", "VBG"))):
                i -= 1
                continue
            break
        of = self.of_after(m) if self.type_of(m) == "PERSON" else []
        if i == span.start:
            if of and self.type_of(of[-1].mention) == "ORG":
                # "Martin Smith of Y", "X, of Y": one of the organisation's people
                self.add(m, "memberOf", of[-1].mention, None, span.start, of[-1].end - 1, "name-of-org", 0.7)
            return
        words = self.words(i, span.start)
        # the word right before the name must be a role, a kinship or a place word
        if not words or words[-1].mention is not None:
            if words and words[-1].mention is not None and self.type_of(m) == "PLACE" \
                    and len(words) >= 2 and words[-2].lower in ("'s", "\u2019s"):
                pass  # "Zanzar's Zarin valley": possessor place, no role word
            elif len(words) >= 3 and words[-2].lower in DETERMINERS | {"of"} and any(
                    w.lower == "of" and _roleish(words[k - 1].lower) for k, w in enumerate(words[1:], 1)):
                pass  # "the President of Ukraine X"
            else:
                return
        elif of and not any(w.mention is not None or w.lower in L.ORG_HEADS for w in words):
            words = words + of  # "Crown Prince X of Saudi Arabia", "Chief Inspector X of the police"
        self.describe(m, words, "premod", 0.8, before=True)

    def capital_country(self, m: int) -> int | None:
        """A mention of the country the gazetteer says `m` is the capital of, if the article names it."""
        from .. import gazetteer
        from ..names import normal

        country = gazetteer.capitals().get(normal(self.entities[self.entity_of[m]].label))
        if country is None:
            return None
        return self.index.place_by_label_country.get(country)

    def country_after_place(self, m: int, comma: int) -> bool:
        """'the port town of Mokha, Yemen': a country after a place is where that place is,
        not the thing the words before the comma describe."""
        from .. import gazetteer

        return self.type_of(m) == "PLACE" and (comma - 1) in self.mention_at \
            and self.type_of(self.mention_at[comma - 1]) == "PLACE" \
            and gazetteer.place_kind(self.entities[self.entity_of[m]].label) in ("country", "subdivision")

    def of_after(self, m: int) -> list[Word]:
        """'X of Y' / 'X, of Y' right after a person's name: ['of', Y's words], else []."""
        span = self.spans[m]
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        if j < hi and self.doc[j].text == ",":
            j += 1
        if j + 1 >= hi or self.doc[j].lower_ != "of":
            return []
        k = j + 1
        if self.doc[k].lower_ in DETERMINERS:
            k += 1
        if k not in self.mention_at or self.type_of(self.mention_at[k]) not in ("ORG", "PLACE") \
                or self.spans[self.mention_at[k]].start != k:
            return []
        target = self.spans[self.mention_at[k]]
        if target.end < hi and self.doc[target.end].lower_ in ("'s", "\u2019s", "-"):
            return []  # "X of the Y's Z": the possessed thing is not named here
        return [Word("of", "of", j, j + 1, None), *self.words(k, target.end)]

    def copula(self, m: int) -> None:
        """'X is the leader of Y', 'X, who was a spokesman for Y'."""
        span = self.spans[m]
        _, hi = self.sentence_bounds(span.start)
        j = span.end
        if j < hi and self.doc[j].text == ",":
            j += 1
            if j < hi and self.doc[j].lower_ in ("a", "an", "the"):
                # "X, a Saudi national, was a columnist for Y": past an apposition to the copula
                k = next((k for k in range(j + 1, min(j + 9, hi)) if self.doc[k].text in (",", ";", ":", "(", ")")
                          or self.doc[k].pos_ in ("VERB", "AUX")), None)
                if k is not None and self.doc[k].text == "," and k + 1 < hi \
                        and self.doc[k + 1].lower_ not in ("who", "which", "that", "whose"):
                    j = k + 1  # ("X, the son of Y, who ...": the clause is Y's)
        for size in (3, 2, 1):
            phrase = " ".join(t.lower_ for t in self.doc[j:min(j + size, hi)])
            if phrase in COPULAS and j + size < hi:
                end = _segment_end(self.doc, j + size, hi, stop_at_verbs=True)
                words = self.words(j + size, end)
                if phrase in ("'s", "\u2019s") and not (words and words[0].lower in DETERMINERS):
                    return  # "X's spokesperson, Y": a possessive, not "X is"
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
        self.role_phrase(holder, [*role, Word("of", "of", span.start, span.start, None), *of], "whose-role", 0.75,
                         before=False)

    def describe(self, m: int, words: list[Word], method: str, confidence: float, before: bool = False) -> None:
        """Read one description of mention `m` (split at 'and' between role phrases)."""
        for phrase in _split_coordination(words):
            self.role_phrase(m, phrase, method, confidence, before)

    def role_phrase(self, m: int, words: list[Word], method: str, confidence: float, before: bool) -> None:
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
                    # "Zanzar's Zarin valley", "Iran's Quds Force"
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
                unit = True  # "NLF's foreign relations chief": a part of the organisation
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
            elif target is None and any(w.lower == "capital" for w in words):
                # "the capital, Sanaa", "Tehran, the capital": the country whose capital it is
                country = self.capital_country(m)
                if country is not None:
                    self.add(m, "locatedIn", country, None, first, last, method + "-capital", confidence * 0.9)
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
            title = _title_words(pre, head, post, target_words)
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
            # "Naming himself acting president after ..., Darwish has ...": the person after the phrase
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


def _roleish(word: str) -> bool:
    return word in ROLES or word.split("-")[-1] in ROLES


def _role_kind(word: str, etype: str) -> str | None:
    """What a description's head word says about the thing described."""
    if etype == "PERSON":
        if word in L.KINSHIP:
            return "kin"
        if word in ("critic", "opponent", "foe", "enemy", "adversary", "nemesis", "arch-enemy", "archenemy"):
            return "oppose"
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


def _strip_lead_in(words: list[Word]) -> list[Word]:
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
    bracketed acronym '(NLF)' stays inside."""
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


def _split_coordination(words: list[Word]) -> list[list[Word]]:
    """'the NLF leader and son of the late X' → two role phrases; 'France and Canada' stays one."""
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


def _title_words(pre: list[Word], head: Word, post: list[Word], target_words: set[int]) -> str:
    """The role as a title: modifiers right before the head, the head, and complements
    ('of foreign relations', 'on Afghanistan', 'to France and Canada') except the phrase
    that names the organisation and time phrases ('at the time')."""
    lead: list[Word] = []
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
    tail: list[Word] = []
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


def _noun_like(w: Word) -> bool:
    return not w.lower.endswith(("ful", "ous", "ive", "ant", "ent", "ic", "al")) or w.lower in L.TITLE_MODIFIERS
