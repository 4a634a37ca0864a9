"""Relations stated by a clause — "X vowed to fight Y", "the Y, which fought against Z",
"X attended Z", "Z, signed between A and B", "the participants of Z were X" — read from the
dependency parse when the pipeline has one, and from a token window otherwise."""
from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as L
from .tokens import DETERMINERS, STOP

DESIGNATE_VERBS = {"name", "designate", "label", "brand", "list", "declare", "call", "classify", "consider",
                   "blacklist", "deem"}
ENEMY_NOUNS = {"terrorist", "terrorists", "terror", "enemy", "enemies", "extremist", "extremists", "threat"}
DELEGATE_NOUNS = {"delegates", "delegation", "delegations", "representatives", "officials", "envoys", "members",
                  "ministers", "leaders", "diplomats", "negotiators", "team"}

# Parts of an event a verb's preposition may name instead of the event ("at the opening of Z").
PART_OF_EVENT = {"opening", "closing", "sidelines", "margins", "session", "start", "end", "launch", "final",
                 "inauguration", "ceremony"}

TRAVEL_VERBS = {"travel", "fly", "arrive", "come", "go", "head", "return", "journey"}


class Clauses:
    """Clause patterns of the relation finder (a mixin of relations._Finder)."""

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
                if lemma == "speak" and self.has_parse:
                    self._body_of(tok, "for")  # "X, speaking for the Health Ministry"
            elif lemma in TRAVEL_VERBS and tok.pos_ == "VERB" and self.has_parse:
                self._travel_for(tok)  # "X traveled to Geneva for the Z"
            elif lemma == "represent" and tok.pos_ == "VERB" and self.has_parse:
                self._body_of(tok, "in")  # "X represented his province in the National Assembly"
            elif lemma in ("lead", "head", "chair", "run", "command", "found") and tok.pos_ == "VERB" and lemma != "found":
                self._verb(tok, "leads", ("PERSON",), ("ORG", "PLACE"), set(), objects_only=True)
            elif lemma == "join" and tok.pos_ == "VERB":
                self._verb(tok, "memberOf", ("PERSON",), ("ORG",), set(), objects_only=True)
            elif lemma in DESIGNATE_VERBS and tok.pos_ == "VERB" and self.has_parse and self._as_enemy(tok):
                # a leader branding others terrorists; an agency's listing is an administrative act
                self._verb(tok, "opposes", ("PERSON",), ("ORG", "PERSON"), set(), objects_only=True,
                           pronoun_subject=True)
        self._signed_between()
        self._participants()

    def _travel_for(self, verb: Token) -> None:
        """participatedIn from a traveller to the event they came 'for' (the parser may hang
        'for Z' from the destination)."""
        found = self._objects(verb, {"for"}, False)
        for c in verb.children:
            if c.dep_ in ("obl", "nmod", "prep"):
                dest = next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "prep" else c
                found += [self.mention_at[g.i] for g in dest.children if g.dep_ in ("nmod", "prep") and (
                    [x.lower_ for x in g.children if x.dep_ == "case"][:1] == ["for"]) and g.i in self.mention_at]
        for o in found:
            if self.type_of(o) != "EVENT":
                continue
            for s in self._subjects(verb):
                if self.type_of(s) in ("PERSON", "ORG"):
                    first = min(self.spans[s].start, self.spans[o].start, verb.i)
                    last = max(self.spans[s].end, self.spans[o].end) - 1
                    self.add(s, "participatedIn", o, None, first, last, "verb-travel-for", 0.7)

    def _body_of(self, verb: Token, prep: str) -> None:
        """memberOf from a person to the body a preposition of the verb names ('speaking for Y',
        'represented P in Y'); the verb's direct object is not the body, nor is a court."""
        direct = set(self._objects(verb, set(), True))
        found = self._objects(verb, {prep}, False)
        for c in verb.children:  # "represented P in Y", the parser hanging "in Y" from P
            if c.dep_ in ("obj", "dobj"):
                found += [self.mention_at[g.i] for g in c.children if g.dep_ in ("nmod", "obl")
                          and g.i in self.mention_at and [x.lower_ for x in g.children if x.dep_ == "case"][:1] == [prep]]
        for o in found:
            if o in direct or any(t.lower_ in ("court", "tribunal", "courts") for t in self.spans[o]):
                continue
            for s in self._subjects(verb):
                if self.type_of(s) == "PERSON" and self.type_of(o) == "ORG":
                    first = min(self.spans[s].start, self.spans[o].start, verb.i)
                    last = max(self.spans[s].end, self.spans[o].end) - 1
                    self.add(s, "memberOf", o, None, first, last, f"verb-{verb.lemma_}-{prep}", 0.7)

    def _as_enemy(self, verb: Token) -> bool:
        """'named A and B as terrorists', 'designated X a terrorist organisation': an enemy
        noun after 'as' or 'a' later in the clause (parsers attach it anywhere)."""
        _, hi = self.sentence_bounds(verb.i)
        for i in range(verb.i + 1, min(hi, verb.i + 30)):
            tok = self.doc[i]
            if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":"):
                return False
            if tok.lower_ in ENEMY_NOUNS and any(t.lower_ in ("as", "a", "an") for t in self.doc[max(verb.i, i - 2):i]):
                return True
        return False

    def _pronoun_subject(self, verb: Token) -> list[int]:
        """'He named ...': the person the previous or same sentence has as its subject."""
        head, subj = verb, []
        for _ in range(3):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj or head.dep_ not in ("conj", "xcomp") or head.head == head:
                break
            head = head.head
        if not subj or subj[0].lower_ not in ("he", "she"):
            return []
        lo, _ = self.sentence_bounds(verb.i)
        prev_lo = self.doc[lo - 1].sent.start if lo > 0 else lo
        if lo - prev_lo < 3 and prev_lo > 0:
            prev_lo = self.doc[prev_lo - 1].sent.start  # a closing quote parsed as a sentence
        for i in range(subj[0].i - 1, prev_lo - 1, -1):
            if i in self.mention_at and self.type_of(self.mention_at[i]) == "PERSON" \
                    and any(self.doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(
                        self.spans[self.mention_at[i]].start, self.spans[self.mention_at[i]].end)):
                return [self.mention_at[i]]
        return []

    def _verb(self, verb: Token, predicate: str, subject_types, object_types, preps: set[str],
              objects_only: bool = False, pronoun_subject: bool = False) -> None:
        subjects = self._subjects(verb) or (self._pronoun_subject(verb) if pronoun_subject else [])
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
            # "the NLF's resistance against ...": a noun's agent is its possessor
            return [self.mention_at[c.i] for c in verb.children
                    if c.dep_ in ("nmod:poss", "poss", "compound") and c.i in self.mention_at]
        if self.has_parse:
            head, hops = verb, 0
            while hops < 3:
                subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "agent")]
                if not subj and head.dep_ in ("acl", "acl:relcl", "relcl") and head.head.i in self.mention_at:
                    return [self.mention_at[head.head.i]]
                if subj:
                    # a run of spaces parsed as the subject, the name hanging from it
                    subj = [next((c for c in s.children if c.i in self.mention_at), s) if s.is_space else s
                            for s in subj]
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
                if c.dep_ in ("obj", "dobj", "attr") or (c.dep_ in ("xcomp", "oprd") and c.i in self.mention_at) or (not objects_only and c.dep_ in ("obl", "nmod", "pobj", "prep")):
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
                    if target.i not in self.mention_at and target.lower_ in PART_OF_EVENT:
                        # "speaking at the opening of Z": the event the part belongs to
                        target = next((g for g in target.children if g.i in self.mention_at and g.dep_ in (
                            "nmod", "pobj", "prep") and any(x.lower_ == "of" for x in g.children)), target)
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
