"""A sentence as the relation patterns read it: a row of units, each name one unit of its
entity type, each other word one unit of its word class ("spokesperson" a ROLE, "former" a
MOD, "of" OF...). Patterns (rules.py) are written over these classes, so that one pattern
holds for any name and any of the many words of a class."""
from __future__ import annotations

from dataclasses import dataclass

from ... import lexicon as L

# Word classes and the one-character symbols the compiled patterns match.
SYMBOLS = {
    "PERSON": "P", "ORG": "O", "PLACE": "L", "EVENT": "E", "GROUP": "G",
    "ROLE": "R",      # a role or office: spokesperson, president, senator
    "KIN": "K",       # son, daughter, father, mother
    "MOD": "M",       # a word that can stand in a title before its role: former, acting, deputy, foreign
    "WORD": "w",      # any other lower-case noun or adjective (a role's field: "criminology professor")
    "DET": "D",       # a, an, the
    "POSS": "S",      # 's
    "COMMA": ",",
    "OF": "o",
    "PREP": "f",      # for, at, with: what a role is of ("spokesman for", "professor at")
    "ON_TO": "u",     # on, to: a role's field or posting ("consultant on Iran", "ambassador to France")
    "AGAINST": "g",
    "OPPOSE_NOUN": "r",  # resistance, opposition, enemy, critic: a stance towards someone
    "SIGNED": "y",    # signed, agreed, reached, brokered (an agreement)
    "BETWEEN": "t",   # between, by, among
    "SEAT": "k",      # stronghold, base, headquarters: where an organisation is
    "OPPOSE_VERB": "j",  # fought, opposed, resisted (in "X, which fought against Y")
    "WHICH": "q",     # which, who, that: a relative clause about the name before it
    "WHOSE": "W",     # whose: what the name before has ("X, whose Y Party leads the government")
    "FOR": "F",       # for ("speaking for the ministry")
    "HONORIFIC": "H",  # Mr, Dr, Prof (between a description and a name)
    "NAMING": "e",    # naming, calling, declaring (oneself something)
    "SELF": "l",      # himself, herself
    "TRAVEL": "T",    # traveled, flew, came (somewhere for an event)
    "IN": "i",        # in, inside
    "FROM": "b",
    "COPULA": "c",    # is, was, became, served as, was elected
    "AND": "&",
    "ANTI": "a",      # anti- ("the anti-Taliban alliance")
    "HYPHEN": "-",
    "BASED": "z",     # based, headquartered, located, printed ("Virginia-based", "a daily printed in Y")
    "PRONOUN": "h",   # he, she, I: a person named earlier
    "AT_EVENT": "v",  # speaking, attending (participles that put a person at an event)
    "PLACE_NOUN": "n",  # city, capital, province: a place's kind ("the city of X", "X, a town in Y")
    "OPEN": "(",      # ( [
    "CLOSE": ")",     # ) ]
    "PLURAL_ROLE": "Y",  # senators, ministers: a role named for several people
    "CONTENDER": "C",  # candidates, winner, veteran: who takes part in an event (not a role: see ROLE)
    "LEFT_FOR": "m",  # resigned, quit (to become the next thing)
    "SUCCEED": "d",   # succeeded, replaced (someone as something)
    "ATTACK": "A",    # attack, offensive, airstrikes: an armed action against someone
    "OFFICE": "Q",    # presidency, premiership: an office held ("X's presidency")
    "TENURE": "U",    # tenure, time, term, career ("his tenure as chairman of Y")
    "FIELD_AND": "J",  # and, inside a role's field: "trade and industry commissioner"
    "OTHER": "x",
}
MENTION_TYPES = ("PERSON", "ORG", "PLACE", "EVENT", "GROUP")



@dataclass(frozen=True)
class Unit:
    symbol: str
    start: int  # token indices [start, end)
    end: int
    mention: int | None  # the mention this unit is, if it is a name
    lower: str  # the unit's text, lower-case
    capital: bool = False  # a word capitalised inside its sentence (part of a name the recogniser missed?)
    adjective: bool = False  # an adjective ("of the current economic ...": no end of a title)


def sentence_units(doc, lo: int, hi: int, mention_at: dict[int, int], spans, type_of,
                   events: dict[str, int] | None = None) -> list[Unit]:
    """The units of tokens [lo, hi) of `doc`; `mention_at` maps a token to its mention, `type_of`
    a mention to its entity type. `events` maps a meeting noun to the one event of the article it
    names when it is used alone ("the summit" for the article's "Doha summit")."""
    units: list[Unit] = []
    i = lo
    while i < hi:
        m = mention_at.get(i)
        if m is not None:
            span = spans[m]
            end = min(span.end, hi)
            units.append(Unit(SYMBOLS[type_of(m)], i, end, m, span.text.lower()))
            i = end
            continue
        tok = doc[i]
        i += 1
        if tok.is_space or not tok.text.strip(_ZERO_WIDTH) or _stop_of_a_name_suffix(doc, tok, units):
            continue  # (zero-width joiners of the source's markup are no words; nor is the stop of "Sr.")
        if _age_after_name(doc, tok, units, hi):
            i += 1  # "X, 54, a lawyer": the age and its comma stand in no pattern
            continue
        if events and tok.lower_ in events and tok.is_lower and units and units[-1].symbol in ("D", "M", "w") \
                and tok.tag_ not in ("NNS",):
            units.append(Unit(SYMBOLS["EVENT"], tok.i, tok.i + 1, events[tok.lower_], tok.lower_))
            continue
        units.append(Unit(word_symbol(tok), tok.i, tok.i + 1, None, tok.lower_,
                          tok.is_title and not tok.is_sent_start, tok.pos_ == "ADJ"))
    return units


def _stop_of_a_name_suffix(doc, tok, units: list[Unit]) -> bool:
    """'Robert Cummings Sr. and Ruth Cummings': the full stop of a generation suffix that ends a
    name is part of the name, not a unit between it and what follows."""
    return tok.text == "." and bool(units) and units[-1].mention is not None and units[-1].end == tok.i \
        and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].lower_ in L.NAME_SUFFIXES


def _age_after_name(doc, tok, units: list[Unit], hi: int) -> bool:
    return tok.text.isdigit() and len(tok.text) <= 3 and len(units) >= 2 and units[-1].symbol == "," \
        and units[-2].symbol == SYMBOLS["PERSON"] and tok.i + 1 < hi and doc[tok.i + 1].text == ","


# Word classes given by the word itself, in the order they are tried.
_BY_WORD = [
    (L.DETERMINERS | L.POSSESSIVE_DETERMINERS, "DET"), ({"'s", "\u2019s"}, "POSS"), ({","}, "COMMA"), ({"of"}, "OF"),
    ({"in", "inside"}, "IN"),
    ({"from"}, "FROM"), ({"and", "&"}, "AND"), ({"(", "["}, "OPEN"), ({")", "]"}, "CLOSE"), ({"on", "to"}, "ON_TO"),
    ({"against"}, "AGAINST"), ({"between", "by", "among", "amongst"}, "BETWEEN"), ({"for"}, "FOR"),
    ({"himself", "herself", "themselves"}, "SELF"), ({"anti"}, "ANTI"), ({"-"}, "HYPHEN"),
    (L.PLACING_PARTICIPLES, "BASED"), (L.ROLE_PREPOSITIONS, "PREP"), (L.PERSON_PRONOUNS, "PRONOUN"),
    (L.EVENT_PARTICIPLES, "AT_EVENT"), (L.KINSHIP, "KIN"), (L.PLACE_NOUNS, "PLACE_NOUN"),
    (L.OPPOSE_NOUNS_OF_PEOPLE, "OPPOSE_NOUN"), (L.AGREEMENT_VERBS, "SIGNED"), (L.SEAT_NOUNS, "SEAT"),
    (L.NAMING_WORDS, "NAMING"), (L.TRAVEL_WORDS, "TRAVEL"), (L.LEFT_FOR_VERBS, "LEFT_FOR"),
    (L.SUCCEED_VERBS, "SUCCEED"), (L.OFFICE_NOUNS, "OFFICE"),
    (L.OPPOSE_VERB_FORMS, "OPPOSE_VERB"), ({"which", "who", "that"}, "WHICH"), ({"whose"}, "WHOSE"),
    (L.TENURE_NOUNS, "TENURE"),
]


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def _possessive(tok) -> bool:
    """An apostrophe the tagger took for a possessive, or a plural's: "the Workers' Party",
    "Wikinews' reporter" (right after a word in -s and before a capitalised word or a noun,
    however the tagger took it)."""
    if tok.tag_ == "POS":
        return True
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or not tok.whitespace_:
        return False
    j = tok.i - 1
    while j > 0 and not doc[j].text.strip(_ZERO_WIDTH) and not doc[j].whitespace_:
        j -= 1
    before, after = doc[j], doc[tok.i + 1]
    return not before.whitespace_ and before.text.endswith("s") \
        and (after.text[:1].isupper() or after.pos_ == "NOUN")


def _re_verb(tok) -> bool:
    """A part of 're-elected', 're-appointed' that the tokenizer split in three."""
    low = tok.lower_
    offset = 0 if low == "re" else 1 if low == "-" else 2 if low in L.COPULAS else None
    if offset is None or tok.i < offset:
        return False
    words = tok.doc[tok.i - offset:tok.i - offset + 3]
    return len(words) == 3 and words[0].lower_ == "re" and words[1].text == "-" and words[2].lower_ in L.COPULAS


def _stance_before_role(tok) -> bool:
    """'opposition leader': what the role is in, not a stance against a name."""
    return tok.lower_ in L.STANCE_NOUNS and tok.i + 1 < len(tok.doc) and bool(L.role_kind(tok.doc[tok.i + 1].lower_))


def _no_role_phrase(tok) -> bool:
    """'my role model': a role word that the word before makes no role."""
    return tok.i > 0 and f"{tok.doc[tok.i - 1].lower_} {tok.lower_}" in L.NO_ROLE_PHRASES


def _attack_on(tok) -> bool:
    """'offensive against', 'attacks on': an armed action and whom it is against (but 'anti-war
    activist', 'campaign manager': a title's words)."""
    return tok.lower_ in L.ATTACK_NOUNS and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("on", "against")


def _position_back(tok) -> bool:
    """'half back', 'full back', 'running back': a player's position in two words."""
    return tok.lower_ == "back" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("half", "full", "running") \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_title


_TIME_NOUNS = {"year", "years", "week", "weeks", "month", "months", "decade", "season", "spring", "summer", "autumn",
               "fall", "winter", "night", "morning", "evening", "weekend"}


def _time_phrase(tok) -> bool:
    """'last year', 'next week', 'this spring': when, no part of a title ('chair of the committee
    last year')."""
    doc, i = tok.doc, tok.i
    if tok.lower_ in ("last", "next", "this", "that", "every"):
        return i + 1 < len(doc) and doc[i + 1].lower_ in _TIME_NOUNS
    return tok.lower_ in _TIME_NOUNS and i > 0 and doc[i - 1].lower_ in ("last", "next", "this", "that", "every")


def _as_a_label(tok) -> bool:
    """'Trump blasted Biden as a career politician': what a verb of calling or criticising names
    someone as is its speaker's label, no role the text gives."""
    return tok.lower_ == "as" and any(t.lemma_.lower() in L.LABELLING_VERBS for t in (tok.head, tok.head.head))


def _inside_a_compound(tok) -> bool:
    """'in' of 'commander-in-chief': a lower-case word between two hyphens, no space around them."""
    doc, i = tok.doc, tok.i
    return tok.is_lower and 0 < i < len(doc) - 1 and doc[i - 1].text == "-" and doc[i + 1].text == "-" \
        and not doc[i - 1].whitespace_ and not tok.whitespace_


def _part_of_a_hyphened_modifier(tok) -> bool:
    """'high-ranking', 'long-time', 'well-known' before a noun or a name: both words are one modifier
    ('a high-ranking member of Y', 'the long-time Y Party leader'), not a role's or a prefix's
    ('co-founder', 'anti-government')."""
    doc = tok.doc
    first = _hyphened_pair(tok)
    if first is None:
        return False
    last = first + 2
    after = doc[last + 1] if last + 1 < len(doc) else None
    # (before a name, not a count's or an age's: 'a two-time Artist of Y champion', 'a 54-year-old Y sergeant')
    before_a_name = after is not None and not after.is_space and (after.is_title or after.pos_ == "PROPN") \
        and not doc[first].like_num and not (first > 0 and doc[first - 1].text == "-")
    return doc[first].is_lower and doc[last].is_lower and doc[first].lower_ not in L.HYPHEN_PREFIXES \
        and not L.role_kind(doc[first].lower_) and not L.role_kind(doc[last].lower_) \
        and after is not None and (after.is_lower and after.pos_ == "NOUN" or before_a_name)


def _hyphened_pair(tok) -> int | None:
    """Where the two words joined by a hyphen (no space around it) that `tok` is part of start."""
    doc, i = tok.doc, tok.i
    if tok.text != "-" and not (i + 1 < len(doc) and doc[i + 1].text == "-") and not (i > 0 and doc[i - 1].text == "-"):
        return None  # (most words: no hyphen next to them)
    return next((k for k in (i, i - 1, i - 2) if 0 <= k and k + 2 < len(doc) and doc[k + 1].text == "-"
                 and not doc[k].whitespace_ and not doc[k + 1].whitespace_), None)


def _and_inside_a_field(tok) -> bool:
    """'and' of 'trade and industry commissioner': the word before it modifies a noun after it
    (not 'the hotel chain and property developer X', two nouns joined)."""
    doc, i = tok.doc, tok.i
    return tok.lower_ == "and" and i > 0 and doc[i - 1].is_lower and doc[i - 1].dep_ in ("compound", "amod") \
        and doc[i - 1].head.i > i + 1 \
        and not L.role_kind(doc[i - 1].lower_) and not L.plural_role(doc[i - 1].lower_) \
        and doc[i - 1].lower_ not in L.TRADES


def _field_of_an_office(tok) -> bool:
    """'Minister of Justice X': a capitalised role word after a capitalised office's 'of' is
    that office's field, no title of its own (not 'an adviser of President X')."""
    doc, i = tok.doc, tok.i
    return tok.is_title and i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].is_title \
        and bool(L.role_kind(doc[i - 2].lower_)) and bool(L.role_kind(tok.lower_))


def _of_before_a_title(tok) -> bool:
    """'an adviser of President X': the 'of' between a role and the title of whom it serves
    joins no complement to the role."""
    doc, i = tok.doc, tok.i
    return tok.lower_ == "of" and 0 < i < len(doc) - 2 and doc[i - 1].is_lower \
        and bool(L.role_kind(doc[i - 1].lower_)) and doc[i + 1].is_title and bool(L.role_kind(doc[i + 1].lower_)) \
        and doc[i + 2].is_title


# Word classes given by the word in its place, tried first: an apostrophe that marks a possessive,
# "was re-elected governor" (parsed as "re", "-", "elected": one verb), "opposition leader".
_BY_CONTEXT = [
    (lambda tok: tok.lower_ in ("'", "\u2019") and _possessive(tok), "POSS"),
    (_re_verb, "COPULA"),
    (_stance_before_role, "WORD"),
    (_no_role_phrase, "OTHER"),
    (_attack_on, "ATTACK"),
    (_position_back, "ROLE"),
    (_time_phrase, "OTHER"),
    (_inside_a_compound, "WORD"),
    (_field_of_an_office, "WORD"),
    (_of_before_a_title, "OTHER"),
    (_part_of_a_hyphened_modifier, "MOD"),
    (_and_inside_a_field, "FIELD_AND"),
    (_as_a_label, "OTHER"),
    (lambda tok: tok.text == "." and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
     and tok.doc[tok.i - 1].lower_ in L.HONORIFIC_ABBREVIATIONS, "HONORIFIC"),  # "Lt. Gen.": the stop of "Lt"
]


def word_symbol(tok) -> str:
    """The word class of a token that is not part of a name."""
    low = tok.lower_
    for test, name in _BY_CONTEXT:
        if test(tok):
            return SYMBOLS[name]
    for words, name in _BY_WORD:
        if low in words:
            return SYMBOLS[name]
    if low.rstrip(".") in L.HONORIFIC_ABBREVIATIONS:
        return SYMBOLS["HONORIFIC"]
    if low in L.PLAYER_POSITIONS and tok.is_lower and tok.pos_ == "NOUN":  # (not "looking forward")
        return SYMBOLS["ROLE"]
    if L.role_kind(low):
        following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.pos_ == "ADJ" and following is not None and following.pos_ == "NOUN" and following.is_lower:
            return SYMBOLS["MOD"]  # "a general discharge", "chief executive": an adjective, no role itself
        return SYMBOLS["ROLE"]
    if tok.is_title and low in L.COURTESY_TITLES:
        return SYMBOLS["HONORIFIC"]  # "archbishop Monsenor X": a courtesy title, no role of its own
    if L.plural_role(low):
        return SYMBOLS["PLURAL_ROLE"]
    if low in L.PARTICIPANT_NOUNS:
        return SYMBOLS["CONTENDER"]
    if low in L.COPULAS:
        # "was elected mayor": the office is "mayor" (but "the elected mayor": a modifier)
        after_be = tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "be"
        return SYMBOLS["MOD"] if low in L.TITLE_MODIFIERS and not after_be else SYMBOLS["COPULA"]
    if low in L.TITLE_MODIFIERS:
        return SYMBOLS["MOD"]
    return _plain_word_symbol(tok)


def _plain_word_symbol(tok) -> str:
    """A word of no class of its own: a WORD if a noun or an adjective, else OTHER."""
    if tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("amod", "compound") and tok.is_lower \
            and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_title:
        return SYMBOLS["WORD"]  # "the ruling Sovereign Council": a participle before a name, its adjective
    if tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN") and (tok.is_lower or tok.is_title) \
            and tok.lower_ not in L.DATE_WORDS and not _verb_taken_for_a_noun(tok):
        return SYMBOLS["WORD"]  # ("as its leader on Monday": a date is no part of a title)
    return SYMBOLS["OTHER"]


def _verb_taken_for_a_noun(tok) -> bool:
    """'Trump ousts national security advisor X': a 'noun' with a subject and an object is the
    clause's verb (a headline's, tagged as a noun), no word of the title after it."""
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and bool(deps & {"nsubj", "nsubj:pass"}) and bool(deps & {"obj", "dobj"}) \
        and "cop" not in deps


def symbols(units: list[Unit]) -> str:
    return "".join(u.symbol for u in units)
