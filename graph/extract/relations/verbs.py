"""Relations a verb states between its subject and its object, read from the parse: "X attended
the Y summit", "X fought the Y", "X joined the Y party", "X heads the Y". One row per family of
verbs: the predicate, the verbs (lemmas), where the object hangs ("dobj", or a preposition),
and which type the object must be; an example for the tests. A row may read its object as the
relation's subject ("the Y Party nominated X": X memberOf Y; "the Y, attended by X").

Both labelling schemes of English parsers are read: Universal Dependencies (newskg's own model:
obj, obl + case, nsubj:pass, acl:relcl) and ClearNLP (spaCy's OntoNotes models: dobj, prep +
pobj, nsubjpass, relcl)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile

from spacy.tokens import Span, Token

from ... import lexicon as L


@dataclass(frozen=True)
class VerbRule:
    predicate: str
    lemmas: frozenset
    objects: frozenset  # "dobj", or "prep:<preposition>"
    object_types: frozenset
    example: str
    title: str = ""  # a title the verb gives its subject ("founder")
    confidence: float = 0.7
    passive: bool = False  # the subject of the passive ("X was elected to Y") is who it is said of
    object_heads: frozenset = frozenset()  # the object's name must end in one of these words
    both_sides: bool = False  # the verb's direct object took part too ("X defeated Y in the Cup")
    subject_types: frozenset = frozenset()  # the subject must be of one of these types (none: any)
    object_words: frozenset = frozenset()  # the verb's direct object must be one of these words ("war")
    subject_heads: frozenset = frozenset()  # the subject's name must end in one of these words
    reverse: bool = False  # the object is the relation's subject ("the Y party nominated X": X memberOf Y)


def _rule(predicate, lemmas, objects, object_types, example, title="", confidence=0.7, passive=False,
          object_heads=(), both_sides=False, subject_types="", object_words=(), subject_heads=(),
          reverse=False) -> VerbRule:
    return VerbRule(predicate, frozenset(lemmas.split()), frozenset(objects.split()), frozenset(object_types.split()),
                    example, title, confidence, passive, frozenset(object_heads), both_sides,
                    frozenset(subject_types.split()), frozenset(object_words), frozenset(subject_heads), reverse)


VERB_RULES = [
    _rule("participatedIn", "attend participate compete contest win host hold boycott enter headline address "
          "join speak present perform take", "dobj prep:in prep:at prep:for", "EVENT",
          "The senator [Ann Ford|PERSON] attended the [Munich Security Conference|EVENT]."),
    _rule("participatedIn", "defeat beat play face draw tie lose", "prep:in prep:at", "EVENT",
          "[Caloundra|ORG] defeated Noosa in round 3 of the [Coast Cup|EVENT].", both_sides=True),
    _rule("participatedIn", "run stand lose", "prep:in prep:for dobj", "EVENT",
          "[Ann Ford|PERSON] ran in the [Democratic primaries|EVENT] last year."),
    _rule("participatedIn", "concede", "prep:in dobj", "EVENT",
          "[Ann Ford|PERSON] conceded defeat in the [2019 Zanzar presidential election|EVENT] on Monday."),
    _rule("participatedIn", "elect re-elect reelect", "prep:in", "EVENT",
          "[Tom Hale|PERSON] was re-elected in the [2020 Lakeside Senate election|EVENT] with 60 percent.",
          passive=True),
    _rule("participatedIn", "finish place rank", "prep:in prep:at", "EVENT",
          "[Ann Ford|PERSON] finished second in the [Lakeside Marathon|EVENT]."),
    _rule("participatedIn", "sign ratify negotiate broker", "dobj", "EVENT",
          "The [Zarin Front|ORG] signed the [Lakeside Accord|EVENT] in 2019."),
    # the authors of an attack or an uprising took part in it
    _rule("participatedIn", "orchestrate mastermind perpetrate plot organise organize", "dobj", "EVENT",
          "[Tom Hale|PERSON] orchestrated the [Lakeside bombings|EVENT] of 2001."),
    _rule("opposes", "fight oppose resist attack sue battle combat confront defy target threaten ambush bomb "
          "raid shell bombard storm strike", "dobj prep:against", "ORG PERSON",
          "The [Northern Front|ORG] fought the [Islamic State|ORG] for years."),
    _rule("opposes", "launch wage stage mount begin start lead continue intensify escalate renew carry conduct "
          "claim order", "prep:against attack:on", "ORG PERSON",
          "The [Northern Front|ORG] launched an offensive against the [Kharaj Army|ORG] on Monday.",
          subject_types="ORG PERSON PLACE"),
    # a physical attack on a person, or holding an attacker down ("attacks", "fighting": ANNOTATION.md)
    _rule("opposes", "stab shoot kill murder assassinate assault tackle subdue restrain overpower disarm punch",
          "dobj", "PERSON", "[Tom Hale|PERSON] tackled [Usman Zarin|PERSON] on the bridge.",
          subject_types="PERSON ORG"),
    _rule("opposes", "stab shoot kill murder assassinate assault tackle subdue restrain overpower disarm punch",
          "prep:by", "PERSON ORG", "[Usman Zarin|PERSON] was shot by the [Kharaj Front|ORG] on Sunday.",
          passive=True, subject_types="PERSON", reverse=True),
    _rule("opposes", "clash skirmish", "prep:with", "ORG",
          "The [Kharaj Army|ORG] clashed with the [Northern Front|ORG] on Monday.", subject_types="ORG"),
    _rule("opposes", "kill attack capture ambush shell bomb target", "prep:of", "ORG",
          "The [Kharaj Army|ORG] killed 20 fighters of the [Northern Front|ORG] on Monday.", subject_types="ORG"),
    _rule("opposes", "kill wound capture ambush", "dobj", "ORG",
          "The [Kharaj Army|ORG] killed ten [Northern Front|ORG] fighters on Monday.", subject_types="ORG",
          object_words=L.FORCE_NOUNS),
    _rule("opposes", "capture seize retake recapture wrest", "prep:from", "ORG PERSON",
          "The [Kharaj Army|ORG] captured the town from the [Northern Front|ORG] on Monday.",
          subject_types="ORG PERSON"),
    _rule("opposes", "declare", "prep:on", "ORG PERSON",
          "The [Northern Front|ORG] declared war on the [Kharaj Army|ORG].", subject_types="ORG PERSON PLACE",
          object_words=("war",)),
    _rule("opposes", "fight oppose attack ambush target threaten bomb raid shell bombard storm", "prep:by",
          "ORG PERSON", "The [Zarin Brigade|ORG] was attacked by the [Kharaj Front|ORG] on Sunday.", passive=True,
          subject_types="ORG PERSON", reverse=True),
    _rule("memberOf", "join", "dobj", "ORG", "[Tom Hale|PERSON] joined the [Conservative Party|ORG] in 1990."),
    _rule("memberOf", "speak", "prep:for", "ORG",
          "[Omar Haidari|PERSON], who speaks for the [Kharaj Front|ORG], denied the report.", subject_types="PERSON"),
    _rule("memberOf", "work serve", "prep:for prep:at prep:with prep:on prep:in", "ORG",
          "[Ann Ford|PERSON] worked for [Human Rights Watch|ORG] until 2019."),
    _rule("leads", "lead head chair run manage", "dobj", "ORG",
          "Since 2019 [Ann Ford|PERSON] has led the [Green Party|ORG]."),
    _rule("memberOf", "lead head chair run manage direct", "part", "ORG",
          "[Ann Ford|PERSON] heads the [Zarin Front|ORG]'s political office in Lakeside."),
    _rule("leads", "govern rule", "dobj", "PLACE",
          "[Ann Ford|PERSON], who has governed [Lakeside|PLACE] since 2019, conceded.", subject_types="PERSON"),
    _rule("memberOf", "found co-found cofound establish", "dobj", "ORG",
          "[Tom Hale|PERSON] founded the [Center for Migration Studies|ORG] in 1990.", title="founder"),
    _rule("memberOf", "elect re-elect appoint name", "prep:to", "ORG",
          "[Ann Ford|PERSON] was first elected to [Congress|ORG] in 1996.", passive=True),
    _rule("memberOf", "play score sign", "prep:for", "ORG",
          "[Tom Hale|PERSON], who plays for [Lakeside United|ORG], scored twice.", subject_types="PERSON"),
    _rule("memberOf", "win hold take lose", "prep:in", "ORG",
          "[Ann Ford|PERSON] won a seat in the [National Assembly|ORG] in 2019.",
          object_heads=L.LEGISLATURE_HEADS, object_words=("seat",)),
    _rule("memberOf", "represent", "prep:in", "ORG",
          "[Ilinca Rusu|PERSON] had represented the district in the [National Assembly|ORG] since 2009.",
          object_heads=L.LEGISLATURE_HEADS),
    _rule("participatedIn", "serve fight command lead", "prep:in prep:during", "EVENT",
          "[Tom Hale|PERSON] served in the [Gulf War|EVENT] as a pilot."),
    _rule("participatedIn", "travel fly come go arrive head return", "prep:for", "EVENT",
          "[Fatima Sow|PERSON] flew to Geneva for the [Lakeside Peace Forum|EVENT] on Monday."),
    _rule("locatedIn", "hit strike reach batter ravage devastate lash pound rock", "dobj", "PLACE",
          "[Hurricane Karen|EVENT] hit the [Bahamas|PLACE] on Sunday.", subject_types="EVENT"),
    _rule("locatedIn", "landfall", "prep:in prep:on prep:near", "PLACE",
          "[Hurricane Karen|EVENT] made landfall in the [Bahamas|PLACE].", subject_types="EVENT"),
    _rule("memberOf", "run stand", "prep:for", "ORG",
          "[Tom Hale|PERSON] is running for the [Liberal Democrats|ORG] again.",
          object_heads=L.PARTY_HEADS - L.LEGISLATURE_HEADS),  # one runs for Congress to sit in it
    _rule("memberOf", "win seek secure clinch lose accept earn receive capture", "dobj", "ORG",
          "[Tom Hale|PERSON] won the [Liberal Democrats|ORG]' nomination for mayor.",
          object_heads=L.PARTY_HEADS - L.LEGISLATURE_HEADS, object_words=("nomination",)),
    _rule("memberOf", "nominate pick choose select field", "dobj", "PERSON",
          "The [Green Party|ORG] nominated [Ann Ford|PERSON] for mayor of Lakeside.",
          subject_types="ORG", subject_heads=L.PARTY_HEADS - L.LEGISLATURE_HEADS, reverse=True),
    _rule("participatedIn", "attend", "prep:by", "PERSON ORG",
          "The [Lakeside Peace Forum|EVENT], attended by [Ann Ford|PERSON], ended on Monday.", passive=True,
          subject_types="EVENT", reverse=True),
    _rule("memberOf", "nominate pick choose select field", "prep:by", "ORG",
          "[Ann Ford|PERSON] was nominated by the [Green Party|ORG] for mayor.", passive=True,
          subject_types="PERSON", object_heads=L.PARTY_HEADS - L.LEGISLATURE_HEADS),
]
BY_LEMMA: dict[str, list[VerbRule]] = {}
for _r in VERB_RULES:
    for _lemma in _r.lemmas:
        BY_LEMMA.setdefault(_lemma, []).append(_r)




def facts(sent: Span, finder):
    """(subject, predicate, object, value, first token, last token, method, confidence) for
    each verb of the sentence that states a relation between names."""
    names = _Names(finder)
    yield from _named_enemies(sent, names, finder)
    yield from _sides_of_a_fight(sent, names, finder)
    yield from _sides_against(sent, names, finder)
    yield from _led_by(sent, names, finder)
    yield from _person_led(sent, names, finder)
    yield from _at_an_event(sent, names, finder)
    yield from _ones_part(sent, names, finder)
    yield from _participants_included(sent, names, finder)
    yield from _where_at_an_event(sent, names, finder)
    for tok in sent:
        rules = BY_LEMMA.get(verb_lemma(tok))
        tok = _stating_verb(tok) if rules else None
        for rule in rules if tok is not None else ():
            yield from _rule_facts(tok, rule, names, finder)


def _rule_facts(tok: Token, rule: VerbRule, names, finder):
    """What one verb rule states of the verb `tok`: its subjects, the rule's predicate, its objects."""
    type_of = finder.type_of
    subject = _subject(tok, names, finder.referent, rule.passive)
    if subject is None or not _fits(tok, rule, subject, finder) \
            or rule.predicate != "opposes" and tok.dep_ == "xcomp" and verb_lemma(tok.head) in L.UNREALISED_VERBS:
        return
    if rule.reverse:
        yield from _reverse_facts(tok, rule, subject, names, type_of)
        return
    subjects = [subject, *_subject_conjuncts(tok, subject, names, rule.passive)]
    if rule.predicate == "opposes" and _each_other(tok):  # "A and B fought each other"
        yield from ((a, "opposes", b, None, tok.i, tok.i, "verb-opposes", rule.confidence)
                    for a in subjects for b in subjects if a != b)
    objects = _stated_objects(tok, rule, subjects, names, finder)
    paired = _respective(tok, subjects, objects, names)
    if paired:
        yield from _paired_facts(tok, rule, paired, type_of)
        return
    for obj, where in objects:
        if type_of(obj) in rule.object_types and obj not in subjects and (
                not rule.object_heads or finder.label_of(obj).lower().split()[-1] in rule.object_heads):
            lo, hi = min(tok.i, where), max(tok.i, where)
            for who in subjects:
                yield who, rule.predicate, obj, None, lo, hi, f"verb-{rule.predicate}", rule.confidence
                if rule.title:
                    yield who, "title", None, rule.title, lo, hi, f"verb-{rule.predicate}", rule.confidence
            for other in _other_side(tok, names) if rule.both_sides else ():
                if type_of(other) in ("PERSON", "ORG") and other not in subjects:
                    yield other, rule.predicate, obj, None, lo, hi, f"verb-{rule.predicate}", rule.confidence


def _stated_objects(verb: Token, rule: VerbRule, subjects: list[int], names, finder) -> list:
    objects = list(_objects(verb, rule, names))
    if objects or rule.predicate != "opposes" or "dobj" not in rule.objects:
        return objects
    return list(_attacked_pronoun(verb, subjects, names, finder))


def _attacked_pronoun(verb: Token, subjects: list[int], names, finder):
    """'Y ran onto the bridge. X tackled him': whom 'him' or 'her', the object of a verb of
    fighting whose own subject is a name, stands for (with a pronoun for the subject too, 'he
    could make money by attacking him', the two are too often read the wrong way round)."""
    if not any(c.dep_ == "nsubj" and c.i in names for c in verb.children):
        return
    for child in verb.children:
        if child.dep_ in ("obj", "dobj"):
            m = finder.object_pronoun(child, subjects)
            if m is not None:
                yield m, child.i


def _paired_facts(tok: Token, rule: VerbRule, paired: list, type_of):
    for who, (obj, where) in paired:
        if type_of(obj) in rule.object_types:
            yield who, rule.predicate, obj, None, min(tok.i, where), max(tok.i, where), f"verb-{rule.predicate}", \
                rule.confidence


def _respective(verb: Token, subjects: list[int], objects: list, names) -> list | None:
    """'A and B attended X and Y respectively': each subject with its own object, in order (None
    when the objects do not pair off: one name for both, 'the Democratic and Republican X
    primaries', is both's)."""
    if len(subjects) < 2 or not any(t.lower_ == "respectively" for t in verb.subtree):
        return None
    paired = [(one, where) for obj, where in objects
              for one in dict.fromkeys(_with_conjuncts(verb.doc[where], names) if where in names else [obj])]
    return list(zip(subjects, paired)) if len(paired) == len(subjects) else None


def _reverse_facts(tok: Token, rule: VerbRule, subject: int, names, type_of):
    """A rule whose objects are the relation's subjects: each object (and each name joined to it
    by 'and': "attended by X and Y"), the predicate, the verb's subject."""
    for obj, where in _objects(tok, rule, names):
        for one in [obj, *_with_conjuncts(tok.doc[where], names)[1:]]:
            if type_of(one) in rule.object_types:
                yield one, rule.predicate, subject, None, min(tok.i, where), max(tok.i, where), \
                    f"verb-{rule.predicate}", rule.confidence


def _fits(verb: Token, rule: VerbRule, subject: int, finder) -> bool:
    """The subject is of the rule's types and head words; the verb's object is one of its words; a
    person who 'attacked' someone 'for' or 'as' something criticised them (ANNOTATION.md: no
    opposition)."""
    return not (rule.subject_types and finder.type_of(subject) not in rule.subject_types
                or rule.subject_heads and finder.label_of(subject).lower().split()[-1] not in rule.subject_heads
                or rule.object_words and not any(c.dep_ in ("obj", "dobj") and c.lower_ in rule.object_words
                                                 for c in verb.children)
                or rule.predicate == "opposes" and verb_lemma(verb) == "attack" and finder.type_of(subject) == "PERSON"
                and _in_words(verb))


def _in_words(verb: Token) -> bool:
    """A person 'attacked' someone in words: with no weapon ('with a knife'), or 'for' or 'as'
    something ('attacked the mayor on Twitter', 'attacked Y for his record')."""
    near = [g for c in verb.children for g in (c, *c.children)]
    armed = any(g.lower_ == "with" and g.dep_ in ("case", "prep") for g in near)
    return not armed or any(g.lower_ in ("for", "as") and g.dep_ in ("case", "mark", "prep") for g in near)


def _each_other(verb: Token) -> bool:
    """'fought each other', 'fought against one another': the verb's object, or its preposition's."""
    near = [*verb.children, *(g for c in verb.children for g in c.children)]
    return any(c.dep_ in ("obj", "dobj", "obl", "pobj") and c.lower_ in ("each", "one")
               and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("other", "another") for c in near)


def _stating_verb(tok: Token) -> Token | None:
    """The verb a rule's lemma stands for ('made landfall': 'made'), unless it is denied ('X did
    not attend Y', 'X never joined Y')."""
    if tok.pos_ not in ("VERB", "AUX") and not _landfall(tok):
        return None
    tok = tok.head if _landfall(tok) else tok
    return None if any(c.lower_ in L.NEGATIONS for c in tok.children) else tok


def verb_lemma(tok: Token, verbs=BY_LEMMA) -> str:
    """The token's lemma, or, when the lemmatiser left a form of one of `verbs` unlemmatised
    ('fought', 'chaired', 'competed'), that verb."""
    lemma = tok.lemma_.lower()
    if lemma in verbs or tok.pos_ not in ("VERB", "AUX"):
        return lemma
    low = tok.lower_
    if low in L.IRREGULAR_VERB_FORMS:
        return L.IRREGULAR_VERB_FORMS[low]
    # regular endings: "chaired" → "chair", "competed" → "compete", "planned" → "plan", "carries" → "carry"
    for ending, additions in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")),
                              ("es", ("", "e")), ("s", ("",))):
        if low.endswith(ending):
            stem = low[:-len(ending)]
            for candidate in [stem + a for a in additions] + [stem[:-1]]:
                if candidate in verbs:
                    return candidate
    return lemma


def _landfall(tok: Token) -> bool:
    """'made landfall in Y': the noun that says where, an object of 'make'."""
    return tok.lower_ == "landfall" and tok.dep_ in ("obj", "dobj") and tok.head.lemma_.lower() == "make"


class _Names:
    """Token index → the mention it names (a dict's `in` and `[]` over Finder.name_at)."""

    def __init__(self, finder):
        self.finder = finder

    def __contains__(self, i: int) -> bool:
        return self.finder.name_at(self.finder.doc[i]) is not None

    def __getitem__(self, i: int) -> int:
        return self.finder.name_at(self.finder.doc[i])


def _subject(verb: Token, mention_at, pronoun, passive: bool = False) -> int | None:
    """The name the verb is said of: its subject, the subject of the verb it is joined to or
    depends on ('X ran ..., joining Y'), or the name a relative or participle clause hangs from
    ('X, who joined Y')."""
    subjects = ("nsubj", "nsubjpass", "nsubj:pass") if passive else ("nsubj",)
    head = verb
    for _ in range(3):
        found = [c for c in head.children if c.dep_ in subjects and c.lower_ not in ("which", "who", "that")]
        if found:
            return _named_subject(found, mention_at, pronoun)
        if (named := _name_before_who(head, mention_at)) is not None:
            return named
        if head.dep_ in ("relcl", "acl", "acl:relcl") and head.head.i in mention_at:
            return mention_at[head.head.i]
        if head.dep_ in ("relcl", "acl:relcl") and any(c.lower_ == "who" for c in head.children):
            return _described(head.head, mention_at)
        if _infinitive_of_a_predicate(head):
            head = head.head  # "X became the first woman to lead Y": the predicate noun's subject
            continue
        if head.dep_ not in ("conj", "advcl", "xcomp") or head.head == head:
            break
        if head.dep_ == "xcomp" and (told := _told(head.head)) is not None:
            # "X asked Y to attend Z": the one asked does it
            return mention_at[told.i] if told.i in mention_at else None
        head = head.head
    return None


def _name_before_who(verb: Token, mention_at) -> int | None:
    """'X, who is running for Y': the person named right before ', who', wherever the parser
    hung the clause."""
    who = next((c for c in verb.children if c.lower_ == "who" and c.dep_ == "nsubj"), None)
    if who is None or who.i < 2 or who.doc[who.i - 1].text != "," or who.doc[who.i - 2].ent_type_ != "PERSON":
        return None
    return mention_at[who.i - 2] if who.i - 2 in mention_at else None


def _named_subject(found: list, mention_at, pronoun) -> int | None:
    """The name of the first subject, or of what it is of ("Delegates from the African Union
    attended ..."), or what the pronoun stands for."""
    named = [mention_at[c.i] for c in found if c.i in mention_at] or \
        [mention_at[g.i] for c in found for g in c.children
         if g.dep_ in ("nmod", "compound", "appos", "flat", "prep") and g.i in mention_at]
    return named[0] if named else pronoun(found[0])


def _told(verb: Token) -> Token | None:
    """The direct object of a verb that has one ('asked Y', 'persuaded Y')."""
    return next((c for c in verb.children if c.dep_ in ("obj", "dobj", "iobj")), None)


def _infinitive_of_a_predicate(verb: Token) -> bool:
    """'the first woman to lead Y' after 'X became' or 'X is': an infinitive hanging from a noun
    that is said of the subject (not 'met the man to lead Y')."""
    noun = verb.head
    return verb.dep_ == "acl" and any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in verb.children) \
        and noun.pos_ in ("NOUN", "ADJ") \
        and (noun.dep_ in ("xcomp", "attr") or any(c.dep_ == "cop" for c in noun.children))


def _described(noun: Token, mention_at) -> int | None:
    """The name an apposition describes, from a noun in it: 'who' after 'X, a former head of the
    commission who now leads Y' is X (the parser hangs the clause on the nearest noun, here a
    body's, which no 'who' is; after 'X, the son of a farmer who ...' it is the farmer)."""
    if noun.dep_ != "appos" and noun.lower_ not in L.ORG_HEADS | L.ORGANISATION_KIND_NOUNS:
        return None
    for _ in range(3):
        if noun.dep_ == "appos" and noun.head.i in mention_at:
            return mention_at[noun.head.i]
        if noun.dep_ not in ("nmod", "pobj", "prep", "appos") or noun.head == noun:
            return None
        noun = noun.head
    return None


def _subject_conjuncts(verb: Token, subject: int, mention_at, passive: bool = False) -> list[int]:
    """The names joined by 'and' to the verb's own named subject ("X and Y attended Z")."""
    deps = ("nsubj", "nsubjpass", "nsubj:pass") if passive else ("nsubj",)
    for child in verb.children:
        if child.dep_ in deps and child.i in mention_at and mention_at[child.i] == subject:
            return [mention_at[c.i] for c in child.conjuncts if c.i in mention_at and mention_at[c.i] != subject]
    return []


def _objects(verb: Token, rule: VerbRule, mention_at):
    """(mention, token) of each name the verb has as an object of the rule."""
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and "dobj" in rule.objects:
            if child.i in mention_at:
                yield mention_at[child.i], child.i
            elif child.lower_ == "part":  # "took part in Y"
                yield from _prepositional(verb, {"prep:in"}, mention_at)
            elif child.lower_ == "nomination":  # "won the Y nomination", "the Y's nomination"
                yield from _before(child, mention_at)
            elif rule.reverse and child.lower_ in L.TICKET_NOUNS:  # "nominated a ticket of X and Y"
                yield from _on_the_ticket(child, mention_at)
            elif child.pos_ == "NOUN" and any(g.dep_ == "appos" and g.i in mention_at for g in child.children):
                # "picked activist X", "fought the militant group Y": the name the noun is in apposition to
                yield from ((mention_at[g.i], g.i) for g in child.children if g.dep_ == "appos" and g.i in mention_at)
            else:
                yield from _force_of(child, mention_at)
        if child.dep_ in ("obj", "dobj") and "attack:on" in rule.objects:
            yield from _attacked(child, mention_at)
        if child.dep_ in ("obj", "dobj") and "part" in rule.objects and child.lower_ in L.PART_WORDS - {"team"}:
            # "heads the Y's political office", "runs the Y press office": leads a part of Y, a member
            yield from _before(child, mention_at)
    yield from _prepositional(verb, rule.objects, mention_at)
    for child in verb.children:  # "represented the district in the Assembly": parsed under the object
        if child.dep_ in ("obj", "dobj"):
            yield from _prepositional(child, rule.objects, mention_at)


def _on_the_ticket(ticket: Token, mention_at):
    """The names a ticket is made of ('a ticket of X for president and Y for vice president', 'the
    X/Y ticket'), not those of a clause about it ('the ticket to assist Z's re-election')."""
    for tok in ticket.subtree:
        between = takewhile(lambda a: a != ticket, tok.ancestors)
        if tok.i in mention_at and tok != ticket and not any(a.pos_ in ("VERB", "AUX") for a in between):
            yield mention_at[tok.i], tok.i


def _with_conjuncts(tok: Token, mention_at) -> list[int]:
    """The name at `tok` and those joined to it by 'and' ("attended by X and Y")."""
    return [mention_at[tok.i], *(mention_at[c.i] for c in tok.conjuncts if c.i in mention_at)]


def _attacked(noun: Token, mention_at):
    """Whom an armed action the verb's object names is against: 'launched airstrikes on Y
    positions', 'claimed responsibility for an attack on Y'."""
    if noun.lower_ == "responsibility":
        for child in noun.children:
            of = child if child.dep_ == "nmod" else next((g for g in child.children if g.dep_ == "pobj"), None) \
                if child.dep_ == "prep" and child.lower_ == "for" else None
            if of is not None and of.lower_ in L.ATTACK_NOUNS:
                yield from _prepositional(of, {"prep:on", "prep:against"}, mention_at)
    elif noun.lower_ in L.ATTACK_NOUNS:
        yield from _prepositional(noun, {"prep:on", "prep:against"}, mention_at)


def _other_side(verb: Token, mention_at):
    """The names that are the verb's direct objects ("defeated Y")."""
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and child.i in mention_at:
            yield mention_at[child.i]


def _prepositional(verb: Token, preps, mention_at):
    """The names hanging from the verb by one of `preps` ("prep:for"), or from a part of an event
    hanging so ("in round 3 of the Cup")."""
    for child in verb.children:
        if child.dep_ in ("obl", "nmod", "obl:agent"):  # UD: the preposition is the name's case
            # (the preposition may hang from a word before the noun: "in the 2019 Lakeside by-election")
            case = next((g.lower_ for g in child.subtree if g.dep_ == "case" and g.i < child.i), None)
            if case and f"prep:{case}" in preps:
                yield from _named_or_part_of(child, mention_at)
        elif child.dep_ == "prep" and f"prep:{child.lower_}" in preps:  # ClearNLP: prep → pobj
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield from _named_or_part_of(grand, mention_at)


def _force_of(tok: Token, mention_at):
    """'Y fighters', 'Y's positions': the name whose people or units the word is."""
    if tok.lower_ in L.FORCE_NOUNS:
        yield from _before(tok, mention_at)


def _before(tok: Token, mention_at):
    """The names that modify a noun before it ('Y fighters', 'the Y's nomination')."""
    for child in tok.children:
        if child.i < tok.i and child.i in mention_at and child.dep_ in ("compound", "nmod", "nmod:poss", "poss",
                                                                         "amod", "flat"):
            yield mention_at[child.i], child.i


def _named_or_part_of(tok: Token, mention_at):
    if tok.i in mention_at:
        yield mention_at[tok.i], tok.i
        return
    if tok.lower_ == "nomination":  # "running for the Y Party nomination", "for the Y's nomination"
        yield from _before(tok, mention_at)
        return
    yield from _force_of(tok, mention_at)
    if tok.lower_ in L.EVENT_PART_NOUNS or tok.like_num and any(c.lower_ in L.EVENT_PART_NOUNS for c in tok.children):
        parts = [tok]
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.like_num and tok.lower_ in L.EVENT_PART_NOUNS:
            parts.append(after)  # "in round 3 of the Cup", the number parsed apart from "round"
        for child in (c for part in parts for c in part.children):
            of = _of_object(child)
            if of is not None and of.i in mention_at:
                yield mention_at[of.i], of.i


def _of_object(child: Token) -> Token | None:
    """What an 'of' phrase hanging from a word names: UD's nmod with case 'of', ClearNLP's prep → pobj."""
    if child.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "of" for g in child.children):
        return child
    if child.dep_ == "prep" and child.lower_ == "of":
        return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _sides_of_a_fight(sent: Span, names, finder):
    """'Fighting between A and B', 'clashes between A troops and B fighters', 'A is at war with B':
    the sides oppose each other."""
    doc = finder.doc
    for tok in sent:
        if tok.lemma_.lower() not in L.FIGHT_NOUNS and tok.lower_ not in L.FIGHT_NOUNS:
            continue
        nxt = doc[tok.i + 1:min(tok.i + 4, sent.end)]
        if tok.i > 0 and doc[tok.i - 1].lower_ == "at" and tok.lower_ == "war":  # "A is at war with B"
            sides = [_subject(tok.head if tok.dep_ != "ROOT" else tok, names, finder.referent),
                     *_coordinated_after(doc, tok.i + 2, sent.end, names)[:1]] \
                if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "with" else []
        else:
            at = next((t.i for t in nxt if t.lower_ == "between"), None)
            sides = _coordinated_after(doc, at + 1, sent.end, names) if at is not None else []
        sides = [m for m in dict.fromkeys(sides) if m is not None and finder.type_of(m) in ("ORG", "PERSON")]
        for a in sides:
            for b in sides:
                if finder.entity_of[a] != finder.entity_of[b]:
                    yield a, "opposes", b, None, tok.i, tok.i, "sides-of-a-fight", 0.65


def _coordinated_after(doc, i: int, end: int, names) -> list[int]:
    """The names from token i on, joined by commas and 'and' ('the A army and B fighters')."""
    found = []
    while i < end:
        while i < end and doc[i].lower_ == "the":
            i += 1
        if i >= end or i not in names:
            break
        found.append(names[i])
        while i < end and i in names and names[i] == found[-1]:
            i += 1
        while i < end and doc[i].lower_ in L.FORCE_NOUNS:
            i += 1
        if i < end and doc[i].lower_ in (",", "and"):
            i += 1
            if i < end and doc[i].lower_ == "and":
                i += 1
        else:
            break
    return found


def _named_enemies(sent: Span, names, finder):
    """'She named both A and B as terrorists': the subject opposes A and B."""
    for tok in sent:
        if verb_lemma(tok, L.NAMING_LEMMAS) not in L.NAMING_LEMMAS or tok.pos_ != "VERB":
            continue
        if not any(t.lower_ in L.ENEMY_WORDS and any(c.lower_ == "as" for c in t.children) or t.lower_ in L.ENEMY_WORDS
                   and t.i > 0 and finder.doc[t.i - 1].lower_ == "as" for t in tok.subtree):
            continue
        subject = _subject(tok, names, finder.referent)
        if subject is None:
            continue
        for obj in tok.children:
            if obj.dep_ not in ("obj", "dobj", "xcomp"):  # (a parser may read "named X as Y" as a complement)
                continue
            for part in [obj, *obj.conjuncts]:
                target = names[part.i] if part.i in names else None
                if target is not None and finder.type_of(target) in ("ORG", "PERSON") and target != subject:
                    yield subject, "opposes", target, None, tok.i, part.i, "verb-names-as-enemy", 0.65


def _sides_against(sent: Span, names, finder):
    """'Y supported the government of X against the Z rebellion': X, and Y, oppose Z."""
    for tok in sent:
        if verb_lemma(tok, L.SUPPORT_LEMMAS) not in L.SUPPORT_LEMMAS or tok.pos_ != "VERB":
            continue
        enemies = [m for m, _ in _prepositional(tok, {"prep:against"}, names)
                   if finder.type_of(m) in ("ORG", "PERSON")]
        if not enemies:
            continue
        sides = [_subject(tok, names, finder.referent)]
        for obj in (c for c in tok.children if c.dep_ in ("obj", "dobj")):
            if obj.i in names:
                sides.append(names[obj.i])
            elif obj.lower_ in L.BODY_NOUNS:  # "the government of X"
                of = next((_of_object(c) for c in obj.children if _of_object(c) is not None), None)
                sides.append(names[of.i] if of is not None and of.i in names else None)
        for side in sides:
            if side is None or finder.type_of(side) not in ("ORG", "PERSON"):
                continue
            for enemy in enemies:
                if enemy != side:
                    yield side, "opposes", enemy, None, tok.i, tok.i, "verb-sides-against", 0.65


def _led_by(sent: Span, names, finder):
    """'The Zarin Party is led by X', 'the Zarin Party, headed by X, ...': the agent of a passive
    'lead', 'head' or 'chair' leads its subject, or the name the participle describes; of a passive
    'found' or 'establish' ('It was founded in 2015 by X') is its founder, a member."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in ("lead", "head", "chair", "found", "co-found", "establish") or tok.tag_ != "VBN":
            continue
        for body in (b for b in _passive_subjects(tok, names, finder) if finder.type_of(b) == "ORG"):
            for person in (a for a in _agents(tok, names) if finder.type_of(a) == "PERSON"):
                if lemma in ("lead", "head", "chair"):
                    yield person, "leads", body, None, tok.i, tok.i, "verb-led-by", 0.7
                else:
                    yield person, "memberOf", body, None, tok.i, tok.i, "verb-founded-by", 0.7
                    yield person, "title", None, "founder", tok.i, tok.i, "verb-founded-by", 0.7


def _person_led(sent: Span, names, finder):
    """'the Haidari-led Zarin Front': the person before '-led' leads the body the participle
    modifies (not 'the Saudi-led coalition': no person)."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in ("led", "headed", "chaired") or tok.i < sent.start + 2 \
                or doc[tok.i - 1].text not in ("-", "\u2013") or tok.i - 2 not in names or tok.head.i not in names:
            continue
        person, body = names[tok.i - 2], names[tok.head.i]
        if finder.type_of(person) == "PERSON" and finder.type_of(body) == "ORG":
            yield person, "leads", body, None, tok.i - 2, tok.head.i, "verb-led-by", 0.7


def _passive_subjects(tok: Token, names, finder) -> list[int]:
    """The names a passive participle is said of: its subject ('it' as the organisation just
    named), or the name it describes ('the Zarin Party, headed by X')."""
    bodies = [names[c.i] if c.i in names else finder.referent(c) for c in tok.children
              if c.dep_ in ("nsubjpass", "nsubj:pass") and (c.i in names or c.lower_ == "it")]
    if tok.dep_ in ("acl", "acl:relcl"):
        head = tok.head
        described = names[head.i] if head.i in names else _described(head, names)
        bodies.append(described if described is not None else _apposed(head, names))
    return [b for b in bodies if b is not None]


def _apposed(noun: Token, names) -> int | None:
    """The name right before 'X, a rebel group ...' when the parser took the kind noun for
    something else than X's apposition (the subject of the sentence's verb, at times)."""
    start = noun.left_edge.i
    if noun.lower_ not in L.ORGANISATION_KIND_NOUNS or start < 2 or noun.doc[start - 1].text != ",":
        return None
    return names[start - 2] if start - 2 in names else None


def _agents(tok: Token, names) -> list[int]:
    """The names of a passive's by-phrase (the parser makes "by General X" an oblique at times)."""
    agents = [names[c.i] for c in tok.children
              if c.i in names and (c.dep_ == "obl:agent" or c.dep_ == "obl" and c.left_edge.lower_ == "by")]
    return agents + [names[g.i] for c in tok.children if c.dep_ == "agent"
                     for g in c.children if g.dep_ == "pobj" and g.i in names]


def _ones_part(sent: Span, names, finder):
    """'X's victory in the Y', 'X's campaign in the Y primary', 'X announced his candidacy for the
    Y': whose win, run or bid in or for a named event it is took part in it ('his' after a verb:
    the verb's subject)."""
    for tok in sent:
        if tok.lower_ not in L.PARTICIPATION_NOUNS:
            continue
        owners = [names[c.i] for c in tok.children if c.dep_ in ("nmod:poss", "poss") and c.i in names]
        if not owners and tok.dep_ in ("obj", "dobj") and any(
                c.dep_ in ("nmod:poss", "poss") and c.lower_ in ("his", "her", "their") for c in tok.children):
            owner = _subject(tok.head, names, finder.referent)
            owners = [owner] if owner is not None else []
        events = [m for m, _ in _prepositional(tok, {"prep:in", "prep:at", "prep:for"}, names)
                  if finder.type_of(m) == "EVENT"]
        for who in (o for o in owners if finder.type_of(o) in ("PERSON", "ORG")):
            for event in events:
                yield who, "participatedIn", event, None, tok.i, tok.i, "ones-part-in-event", 0.65


def _participants_included(sent: Span, names, finder):
    """'Speakers at the Y included A, B and C', 'Candidates in the Y include A': each name the
    participants of a named event include took part in it; 'Contenders for the Y Party's nomination
    include A and B': each is a member of the party."""
    for tok in sent:
        if verb_lemma(tok) != "include" or tok.pos_ != "VERB":
            continue
        nouns = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in L.PARTICIPANT_NOUNS]
        events = [m for n in nouns for m, _ in _prepositional(n, {"prep:at", "prep:in"}, names)
                  if finder.type_of(m) == "EVENT"]
        parties = [m for n in nouns for m, _ in _prepositional(n, {"prep:for"}, names) if finder.type_of(m) == "ORG"
                   and finder.label_of(m).lower().split()[-1] in L.PARTY_HEADS - L.LEGISLATURE_HEADS]
        for obj in (c for c in tok.children if c.dep_ in ("obj", "dobj") and c.i in names):
            for who in _with_conjuncts(obj, names):
                if finder.type_of(who) in ("PERSON", "ORG"):
                    yield from ((who, "participatedIn", e, None, tok.i, tok.i, "participants-include", 0.65)
                                for e in events)
                if finder.type_of(who) == "PERSON":
                    yield from ((who, "memberOf", p, None, tok.i, tok.i, "participants-include", 0.65)
                                for p in parties)


def _where_at_an_event(sent: Span, names, finder):
    """'the Y summit, where on Sunday Presidents A and B signed the agreement': the names that
    open the clause saying what happened at a named event (those before its first verb: its
    subjects, however the parser hung them) took part in it."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ != "where" or tok.i < sent.start + 2:
            continue
        before = doc[tok.i - 2] if doc[tok.i - 1].text == "," else doc[tok.i - 1]
        event = names[before.i] if before.i in names else None
        if event is None or finder.type_of(event) != "EVENT":
            continue
        verb = next((t for t in doc[tok.i + 1:sent.end] if t.pos_ in ("VERB", "AUX")), None)
        who = dict.fromkeys(names[t.i] for t in doc[tok.i + 1:verb.i] if t.i in names) if verb is not None else {}
        for m in (m for m in who if finder.type_of(m) in ("PERSON", "ORG")):
            yield m, "participatedIn", event, None, tok.i, verb.i, "where-at-event", 0.6


def _titled_person_after(body: int, names, finder) -> int:
    """'AU chairperson President X of Egypt said', the parser's subject the body: the person its
    titles name, when only title words stand between them."""
    doc, j = finder.doc, finder.spans[body].end
    while j < len(doc) and (L.role_kind(doc[j].lower_) or doc[j].lower_ in L.TITLE_MODIFIERS
                            or doc[j].lower_.rstrip(".") in L.HONORIFICS):
        j += 1
    return names[j] if j > finder.spans[body].end and j in names and finder.type_of(names[j]) == "PERSON" else body


def _at_an_event(sent: Span, names, finder):
    """'X held a panel at Anime North', 'X was arrested at the Y rally': whoever does something at
    a named event took part in it."""
    for tok in sent:
        if tok.pos_ != "VERB" or any(r.predicate == "participatedIn" for r in BY_LEMMA.get(verb_lemma(tok), ())):
            continue  # (the verbs of VERB_RULES for taking part say it their own way)
        # (or at its object: "gave a speech at Y", "held a panel at Y")
        events = [m for head in [tok, *(c for c in tok.children if c.dep_ in ("obj", "dobj"))]
                  for m, _ in _prepositional(head, {"prep:at"}, names) if finder.type_of(m) == "EVENT"]
        subject = _subject(tok, names, finder.referent, passive=tok.tag_ == "VBN") if events else None
        if subject is not None and finder.type_of(subject) == "ORG":
            subject = _titled_person_after(subject, names, finder)
        if subject is not None and finder.type_of(subject) in ("PERSON", "ORG"):
            for event in events:
                yield subject, "participatedIn", event, None, tok.i, tok.i, "verb-at-event", 0.65
