"""What kind of thing a name names: its head word, the gazetteers, its context in the
sentence ("X, a former ambassador"; "the island X") and the article's own people."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..names import is_acronym, normal
from . import lexicon as L
from .lexicon import common_words
from .tokens import (COMPASS, PARTICLES, PLACE_NOUNS, REPORTING_VERBS, after_prefix, head_word, is_role, known,
                     name_words, occupation)


def people_of_place(text: str) -> bool:
    """'Londoner', 'Hong Kongers': a known place's name with -er(s), a noun for its people."""
    text = text.removesuffix("'s").removesuffix("\u2019s")
    for ending in ("ers", "er"):
        if text.endswith(ending) and len(text) > len(ending) + 3:
            stem = text[:-len(ending)]
            if stem[:1].isupper() and gazetteer.place_kind(stem) is not None:
                return True
    return False


def retype(span: Span) -> Span:
    """The head word decides where it is unambiguous; acronyms are not people."""
    kind = gazetteer.place_kind(span.text)
    words = normal(span.text).split()
    if kind in ("country", "region") or (len(words) > 1 and words[0] in COMPASS
                                          and gazetteer.place_kind(" ".join(words[1:])) is not None):
        # "Eastern Mediterranean", "northern Syria": a part of a known place is a place
        return span if span.label_ == "PLACE" else Span(span.doc, span.start, span.end, label="PLACE")
    head = head_word(span)
    label = span.label_
    if head in L.EVENT_HEADS and label != "EVENT":
        label = "EVENT"
    elif head in L.ORG_HEADS and label in ("PERSON", "PLACE", "GROUP", "EVENT"):
        label = "ORG"
    elif head in L.PLACE_HEADS and label in ("PERSON", "ORG", "GROUP") and len(span) > 1:
        label = "PLACE"
    elif label in ("PERSON", "GROUP") and people_of_place(span.text):
        label = "GROUP"  # "Hong Konger", "Londoners": the people of a known place
    elif label == "PERSON" and len(span) == 1 and is_acronym(span.text):
        label = "ORG"
    elif label in ("ORG", "PERSON") and len(span) == 1 and span[0].tag_ == "NNPS" and span.text.endswith("s") \
            and head not in L.ORG_HEADS and not organisation_context(span):
        label = "GROUP"  # "the Soviets", "Democrats": a people or a political group
    elif label in ("PERSON", "PLACE") and kind is None and len(span) > 1 and span.end < len(span.doc) \
            and span.doc[span.end].lower_ in REPORTING_VERBS \
            and any(t.lower_ in common_words() or known(t) for t in span if t.is_alpha):
        label = "ORG"  # "Kabul Daily Wire reported": an outlet, not a person nor a place
    elif label in ("PLACE", "ORG", "GROUP") and head not in L.ORG_HEADS | L.PLACE_HEADS | L.EVENT_HEADS \
            and 2 <= len(name_words(span)) <= 4 and all(t.text[:1].isupper() for t in span) \
            and (role_follows(span) or role_before(span) or given_name_first(span)):
        label = "PERSON"  # "Ali Reza Haidari, the Head of ...", "Karim Haidari met ..."
    elif label == "GROUP" and normal(span.text) not in gazetteer.demonyms() and not span.text.endswith("s"):
        label = guess_type(span) or "ORG"
    elif label in ("PERSON", "PLACE", "GROUP") and kind not in ("country", "region") \
            and normal(span.text) not in gazetteer.demonyms() and organisation_context(span):
        label = "ORG"  # "state news firm X", "firms including A, B and C", "the X organization"
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


# Common nouns for a company, an outlet or a body: the name right after one, or a list after
# their plural and "including"/"such as", names organisations ("news firm X", "firms including A, B").
ORG_NOUNS = {"firm", "company", "airline", "carrier", "broadcaster", "newspaper", "daily", "tabloid", "magazine",
             "outlet", "agency", "network", "channel", "station", "website", "bank", "manufacturer", "automaker",
             "carmaker", "conglomerate", "insurer", "retailer", "operator", "publisher", "startup", "giant",
             "group", "militia", "organisation", "organization", "movement", "party", "faction"}
# After a name: what only an organisation has ("X founder", "X members", "the X organization").
ORG_AFTER = {"organization", "organisation", "group", "movement", "militia", "network", "faction", "founder",
             "co-founder", "member", "members", "fighters", "militants", "leadership", "affiliate", "affiliates",
             "branch", "cell", "cells", "spokesman", "spokesperson", "spokeswoman"}


def _plural_org_noun(word: str) -> bool:
    return word.endswith("s") and (word[:-1] in ORG_NOUNS or word[:-2] in ORG_NOUNS or word[:-3] + "y" in ORG_NOUNS)


def organisation_context(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_lower and before.lower_ in ORG_NOUNS:
        return True
    if span.label_ == "PLACE" and after is not None and after.is_lower and after.lower_ in ORG_AFTER \
            and gazetteer.place_kind(span.text) is None:
        return True
    # a list after "firms including" / "companies such as"
    i, steps = span.start - 1, 0
    while i >= 0 and steps < 24:
        tok = doc[i]
        if tok.lower_ in ("including", "like") or (tok.lower_ == "as" and i > 0 and doc[i - 1].lower_ == "such"):
            j = i - 1 if tok.lower_ != "as" else i - 2
            if j >= 0 and doc[j].text == ",":
                j -= 1
            return j >= 0 and doc[j].is_lower and _plural_org_noun(doc[j].lower_)
        if not (tok.text in (",", "and", "&") or tok.text[:1].isupper() or tok.text in ("-", "'s", ".")):
            return False
        i -= 1
        steps += 1
    return False


def vote(c: Counter) -> str:
    best = c.most_common()
    top = [t for t, n in best if n == best[0][1]]
    for preferred in ("PLACE", "ORG", "PERSON", "EVENT", "GROUP"):  # ties: the rarer confusions first
        if preferred in top and len(top) > 1:
            return preferred
    return top[0]


def guess_type(span, person_words: set[str] = frozenset()) -> str | None:
    """Type of a proper-noun run the NER did not label: gazetteer, head word, context, and
    the article's people ("Karim Darwish" when "Darwish" is a person elsewhere)."""
    doc = span.doc
    kind = gazetteer.place_kind(span.text)
    key = normal(span.text)
    if kind:
        return "PLACE"
    if key in gazetteer.demonyms():
        return "GROUP"
    head = head_word(span)
    if head in L.EVENT_HEADS:
        return "EVENT"
    if head in L.ORG_HEADS:
        return "ORG"
    if head in L.PLACE_HEADS and len(span) > 1:
        return "PLACE"
    if len(span) > 2 and span[0].is_upper and len(span[0].text) <= 3 and all(
            t.text[:1].isupper() and not t.is_upper and t.is_alpha for t in span[1:]):
        return "PERSON"  # "IM Dorsa Derakhshani": a title in capitals, then a name (repair splits them)
    if is_acronym(span.text) or after_prefix(doc, span.start):
        return "ORG"  # "anti-Houthi": what one is against is mostly a movement or a regime
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    words = [t for t in span if t.is_alpha and not (t.lower_ in PARTICLES and t.is_lower)]
    # "Abdullah al-Jahafi": capitalised words, with name particles and their hyphens between
    person_shaped = 2 <= len(words) <= 4 and all(t.text[:1].isupper() for t in words) and all(
        t.is_alpha or (t.text == "-" and k > 0 and span[k - 1].lower_ in PARTICLES) for k, t in enumerate(span))
    if before is not None and (before.lower_.rstrip(".") in L.HONORIFICS
                               or (before.is_lower and (is_role(before.lower_) or occupation(before.text)))):
        return "PERSON"
    if person_shaped and role_before(span):
        return "PERSON"  # "the city's security chief, X Y"
    if person_shaped and (normal(words[-1].text) in person_words or given_name_first(span)):
        return "PERSON"
    if person_shaped and role_follows(span):
        return "PERSON"
    if after is not None and after.lower_ in L.SPEECH_VERBS and person_shaped:
        return "PERSON"
    if before is not None and before.lower_ in L.PLACE_PREPOSITIONS and len(words) == len(span) and len(span) <= 2 \
            and not person_shaped:
        return "PLACE"
    if person_shaped and len(words) >= 2 and not any(t.lower_ in common_words() or known(t) for t in words) \
            and not span.text.isupper():
        return "PERSON"  # "Abdrabbuh Mansur Hadi": a run of rare capitalised words is most often a name
    return None


def given_name_first(span) -> bool:
    """'Karim Haidari': a known given name, not an everyday word, then more capitalised
    words, none of them a known place."""
    first = span[0]
    return (normal(first.text) in gazetteer.given_names() and first.lower_ not in common_words()
            and not first.is_upper and not any(known(t) for t in span)
            and gazetteer.place_kind(span.text) is None)


def role_before(span) -> bool:
    """"Nigeria's president, Bola Tinubu": a role and a comma just before the name."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and is_role(doc[span.start - 2].lower_)


def role_follows(span) -> bool:
    """'X, a former ambassador', 'X, the NLF leader', 'X, who ...': a person is described."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.end + 1].lower_ == "who":
        return True
    for tok in doc[span.end + 1:min(len(doc), span.end + 6)]:
        if tok.text in (",", ".", ";"):
            return False
        if tok.is_lower and is_role(tok.lower_):
            return True
        if tok.text[:1].isupper() and is_role(tok.lower_) and tok.i > span.end + 1:
            return True
    return False


def place_context(doc: Doc, span: Span) -> int:
    """Votes for a name being a place from its context (a mention's own vote is 2): 'the
    island Crete', 'the city of X' (4), named alongside a known country ('between Crete and
    Cyprus') (2)."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in PLACE_NOUNS:
        return 4
    if span.start > 1 and before is not None and before.lower_ == "of" and doc[span.start - 2].lower_ in PLACE_NOUNS:
        return 4
    for i in (span.start - 2, span.end + 1):
        if 0 <= i < len(doc) and doc[span.start - 1 if i < span.start else span.end].lower_ in ("and", "or"):
            if gazetteer.place_kind(doc[i].text) == "country":
                return 2
    return 0
