"""Word-level facts the entity rules share: what is capitalised, a title, a role, a known
place; the head word of a name; the word lists of the rules."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..names import is_acronym, normal
from .. import lexicon as L
from ..lexicon import (AGENT_PARTICIPLES, COMPASS, CONNECTORS, CREDIT_WORDS, DETERMINERS, FACILITY_NOUNS, FUNCTION_POS,  # noqa: F401
                       LEADING_JUNK, OCCUPATION_ENDINGS, PARTICLES, PLACE_NOUNS_BEFORE_A_NAME, REPORTING_VERBS,
                       STOP)













def coverage(spans: list[Span]) -> dict[int, Span]:
    return {i: s for s in spans for i in range(s.start, s.end)}


def capitalised(tok) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def is_year(text: str) -> bool:
    """'2019': a year of news (1900-2099), written in four digits."""
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2099


def bracketed_acronym(doc, i: int) -> str | None:
    """The acronym in brackets that opens at token i ('(' 'IEBC' ')'), if one does."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and is_acronym(doc[i + 1].text):
        return doc[i + 1].text
    return None


def title_case(tok) -> bool:
    """'President' but not 'VICE': words in capitals are acronyms or names, not titles."""
    return tok.text[:1].isupper() and not tok.is_upper or len(tok.text) == 1


def titleish(tok) -> bool:
    """A word that is an office or courtesy title rather than part of a name."""
    return tok.lower_.rstrip(".") in L.HONORIFICS or is_role(tok.lower_) or tok.lower_ in L.TITLE_MODIFIERS


def is_role(word: str) -> bool:
    """'leader', 'co-director'."""
    return word in L.LEADER_ROLES or word in L.MEMBER_ROLES or word.split("-")[-1] in L.LEADER_ROLES | L.MEMBER_ROLES


def occupation(word: str) -> bool:
    """A role or trade, plural too: 'senators', 'astronomer', 'businessman' — but not a name
    with the same ending ('Abdurrahman', 'Suleiman')."""
    from ..lexicon import common_words

    word = word.lower()
    if is_role(word) or (word.endswith("s") and is_role(word[:-1])):
        return True
    if not word.endswith(OCCUPATION_ENDINGS) or normal(word) in gazetteer.given_names():
        return False
    for ending in ("woman", "women", "man", "men"):
        if word.endswith(ending):
            return word[:-len(ending)] in common_words()  # "business" + "man", "chair" + "man"
    return True


def words_of(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, lower text) of the words in [start, end), hyphenated pieces joined."""
    out, i = [], start
    while i < end:
        j, text = i + 1, doc[i].lower_
        while j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
            text += "-" + doc[j + 1].lower_
            j += 2
        out.append((i, j, text))
        i = j
    return out


def head_word(span) -> str:
    """The word that says what a name is: the last, or the last before 'of'/'for'/'on'/'against'/
    'without' ('Veterans Against the War' are people, no war) — unless, before 'for', that one is no
    head word and the last is a body's ('Cinema for Peace Foundation')."""
    words = [t for t in span if not t.is_punct]
    for k, t in enumerate(words):
        if k > 0 and t.lower_ in ("of", "for", "on", "against", "without"):
            before = words[k - 1].lower_
            if t.lower_ == "for" and words[-1].lower_ in L.ORG_HEADS \
                    and before not in L.NAME_HEADS:
                return words[-1].lower_
            return before
    if len(words) >= 3 and words[-2].lower_ in L.ORG_HEADS \
            and gazetteer.place_kind(words[-1].text) in ("country", "city"):
        return words[-2].lower_  # 'World Wildlife Fund Mexico', 'University College London': the body's place
    return words[-1].lower_ if words else ""


def known(span) -> bool:
    key = normal(span.text)
    return gazetteer.place_kind(span.text) is not None or key in gazetteer.demonyms()


@lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    import pycountry

    return frozenset(language.name.lower() for language in pycountry.languages if " " not in language.name)


def after_a_source_opener(doc: Doc, start: int) -> bool:
    """'according to X', 'told X', 'published in X': token `start` follows the words that open a
    source (a day between the verb and its preposition too: 'published Wednesday in X')."""
    words = [t.lower_ for t in doc[max(0, start - 3):start] if t.lower_ not in L.DATE_WORDS][-2:]
    before = " ".join(words)
    return any((" " + before).endswith(" " + opener) for opener in L.SOURCE_OPENERS)


def after_prefix(doc: Doc, i: int) -> bool:
    """Is token i the name in 'anti-X' or 'pro-X'? Not after a capitalised 'Anti' inside a sentence:
    'the Anti-Corruption Court' is one name."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro") and not doc[i - 1].whitespace_ \
        and (doc[i - 2].is_lower or doc[i - 2].is_sent_start)


def name_words(span) -> list:
    """The words of a name without initials ('Karim R. Haidari' → Karim, Haidari), or []
    when something other than letters, initials and hyphens is in it."""
    words = []
    for t in span:
        if t.is_alpha:
            words.append(t)
        elif not (len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()) and t.text != "-":
            return []
    return words


def match_len(doc: Doc, start: int, words: list[str]) -> int:
    """How many tokens from `start` spell `words` (names.normal forms), or 0."""
    i, j = start, 0
    while j < len(words) and i < len(doc):
        if doc[i].is_space:
            return 0
        text = normal(doc[i].text)
        if not text:
            i += 1
            continue
        if not words[j].startswith(text):
            return 0
        rest = words[j][len(text):]
        i += 1
        while rest and i < len(doc) and normal(doc[i].text) and rest.startswith(normal(doc[i].text)):
            rest = rest[len(normal(doc[i].text)):]
            i += 1
        if rest:
            return 0
        j += 1
    return i - start if j == len(words) else 0


def result_sides(verb) -> list:
    """The tokens naming the two sides of a match's result ('X defeated Y', 'X beat Y 21-20': the
    name the score's number is parsed under); none for a token that is no verb of a result."""
    if verb.lemma_.lower() not in L.RESULT_VERBS or verb.pos_ != "VERB":
        return []
    out = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "obj", "dobj"):
            continue
        if child.like_num:
            child = next((g for g in child.children if g.dep_ == "compound" and g.pos_ == "PROPN"), child)
        if child.pos_ == "PROPN":  # (not "30 points" of "defeated Y 30 points to 12")
            out.append(child)
    return out


def apposition_noun(doc: Doc, end: int) -> str | None:
    """The head noun of 'X, a(n) [words] NOUN' or 'X, the [words] NOUN' right after a name: the
    first noun that is not a modifier (before another noun, a hyphen or a possessive 's), before a
    preposition, a comma or the sentence's end, up to six words on. A people's word or a place
    with '-based' may stand among the words ('a German lender', 'the Oslo-based shipping firm')."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return None  # ("Patagonia, the south-most region in Chile")
    for tok in doc[end + 2:min(len(doc), end + 8)]:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        hyphened = tok.text == "-" or doc[tok.i - 1].text == "-" or nxt is not None and nxt.text == "-"
        if tok.pos_ == "NOUN" and not hyphened and not (nxt is not None and (
                nxt.pos_ == "NOUN" or nxt.text in ("'s", "\u2019s"))):
            return tok.lower_  # (not "south" of "the south-most region")
        if hyphened or tok.pos_ == "NOUN" or tok.text in ("'s", "\u2019s"):
            continue
        if tok.pos_ in ("ADP", "PUNCT", "VERB") or tok.is_sent_end \
                or tok.pos_ == "PROPN" and normal(tok.text) not in gazetteer.demonyms():
            return None
    return None


def surname_of_one_named_before(doc: Doc, i: int) -> bool:
    """'Judge Sean Jordan ... Jordan, who was appointed': one word that a person named in full before
    (a known given name, then this word) bears as surname, after no place's preposition and
    before no other name's word, is that person, though a place bears the name too."""
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper() or i > 0 and doc[i - 1].lower_ in L.PLACE_PREPOSITIONS:
        return False
    first = doc.user_data.get("newskg_surnames")
    if first is None:  # (each word's first place after a given name, read once per text)
        first = {}
        for k in range(len(doc) - 1, 0, -1):
            given, word = doc[k - 1], doc[k]
            if given.is_title and word.is_title and normal(given.text) in gazetteer.given_names() \
                    and given.lower_ not in L.common_words() and gazetteer.place_kind(given.text) is None \
                    and not {normal(given.text), normal(word.text)} & gazetteer.demonyms().keys() \
                    and word.lower_ not in L.NAME_HEADS and gazetteer.place_kind(doc[k - 1:k + 1].text) is None \
                    and not (k + 1 < len(doc) and doc[k + 1].is_title):  # ('Lincoln County', 'Victoria Park')
                first[word.text] = k
        doc.user_data["newskg_surnames"] = first
    return first.get(doc[i].text, len(doc)) < i
