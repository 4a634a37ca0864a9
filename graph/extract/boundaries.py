"""Where a name begins and ends: articles, titles, possessives and dates trimmed off; the
capitalised neighbours the NER left out joined on; an office and its holder told apart."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import gazetteer
from ..names import normal
from . import lexicon as L
from .kinds import given_name_first, guess_type, retype
from .lexicon import common_words
from .tokens import (AGENT_PARTICIPLES, COMPASS, CONNECTORS, FUNCTION_POS, LEADING_JUNK, PARTICLES, after_prefix,
                     capitalised, head_word, is_role, known, languages, occupation, title_case, titleish, words_of)


def repair(span: Span) -> list[Span]:
    """The name part of a span, or nothing: titles, articles, possessives and trailing
    dates off; its capitalised neighbours on; a document title reduced to what it names;
    an office and its holder ("US Secretary of State Mike Pompeo") split in two."""
    span = retype(span)
    doc, start, end, label = span.doc, span.start, span.end, span.label_
    for i in range(start, end):
        if start < i < end - 1 and doc[i].lower_ in ("'s", "\u2019s"):
            # "the Democratic Party's Nevada caucuses": a possessor and another name
            parts = [Span(doc, start, i, label=label), Span(doc, i + 1, end, label=guess_type(doc[i + 1:end]) or label)]
            return [r for part in parts for r in repair(part)]
        if start < i < end - 1 and doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            # "Ali Karimi met Fatima Sow": a verb between two names
            parts = [Span(doc, start, i, label=label), Span(doc, i + 1, end, label=label)]
            return [r for part in parts for r in repair(part)]
        if doc[i].text in ("[", "]", "(", ")", "/", ";") and end - start > 1:
            # "[Bashir al] Assad", "PKK-YPG / SDF": brackets and slashes separate names
            parts = [Span(doc, a, b, label=label) for a, b in ((start, i), (i + 1, end)) if b > a]
            return [r for part in parts for r in repair(part)]
        if doc[i].text == "-" and i + 1 < end and doc[i + 1].lower_ in AGENT_PARTICIPLES:
            # "U.S.-designated Foreign Terrorist Organization": who designated, then what
            parts = [Span(doc, start, i, label=guess_type(doc[start:i]) or label)]
            if i + 2 < end:
                parts.append(Span(doc, i + 2, end, label=label))
            return [r for part in parts for r in repair(part)]
    if end - start > 2:
        for k in range(start + 1, end - 1):
            prefix = doc[start:k]
            if label == "PERSON" and not (start > 0 and doc[start - 1].lower_ in ("to", "for", "of", "in")
                                          and gazetteer.place_kind(prefix.text) in ("country", "region")):
                continue  # "Envoy for Iceland Brian Kettle", but "Jordan Peterson" is one name
            if person_run_at(doc, k) and all(capitalised(t) for t in doc[k:end]) and (
                    known(prefix) or doc[k - 1].tag_ == "NNPS" or head_word(prefix) in L.ORG_HEADS):
                # "Ambassador to the United Nations Nikki Haley": a body or place, then a person
                person = [Span(doc, max(k, p.start), p.end, label="PERSON")
                          for p in repair(Span(doc, k, end, label="PERSON")) if p.end > k]
                return repair(Span(doc, start, k, label=label)) + person
    if end - start > 2 and doc[start].is_upper and 2 <= len(doc[start].text) <= 4 and doc[start].is_alpha \
            and (given_name_first(doc[start + 1:end]) or (label == "PERSON" and all(
                t.text[:1].isupper() and not t.is_upper for t in doc[start + 1:end]))):
        # "told NPR Hamza bin Laden", "IM Dorsa Derakhshani": an acronym, then a person
        return [Span(doc, start, start + 1, label="ORG")] + \
            repair(Span(doc, start + 1, end, label="PERSON"))
    if end - start > 1 and after_prefix(doc, start) and capitalised(doc[start + 1]):
        # "anti-Houthi Southern Transitional Council": two names
        first = Span(doc, start, start + 1, label=guess_type(doc[start:start + 1]) or "ORG")
        return [first] + repair(Span(doc, start + 1, end, label=label))
    # "Taliban on February 29": a date after a preposition is not part of the name
    for i in range(start + 1, end):
        if doc[i].lower_ in ("on", "in", "at", "since") and i + 1 < end and (
                doc[i + 1].lower_ in L.DATE_WORDS or doc[i + 1].like_num):
            end = i
            break
    # "US Chairman of the House Foreign Affairs Committee": an office of an organisation
    words = words_of(doc, start, end)
    for k, (_, _, w) in enumerate(words[:-2]):
        if is_role(w) and words[k + 1][2] == "of" and words[k + 2][2] == "the" and k + 3 < len(words) \
                and capitalised(doc[words[k + 3][0]]):
            return repair(Span(doc, words[k + 3][0], end, label="ORG" if label == "PERSON" else label))
    # "Sultan Barakat of Zanzar", "Crown Prince Ali of Zanzar": a monarch, then the country
    first = start + (1 if doc[start].lower_ in ("crown", "grand") else 0)
    if end - first >= 4 and doc[first].lower_ in L.REGNAL_TITLES and doc[first].text[:1].isupper():
        cut = next((i for i in range(first + 2, end - 1) if doc[i].lower_ == "of"), None)
        if cut is not None and gazetteer.place_kind(doc[cut + 1:end].text) in ("country", "region") \
                and all(capitalised(t) for t in doc[first + 1:cut]):
            return [Span(doc, first + 1, cut, label="PERSON"), Span(doc, cut + 1, end, label="PLACE")]
    # "Doug Collins of Georgia": a person's name does not run on with "of"
    if label == "PERSON" or given_name_first(doc[start:end]):
        cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "of"), None)
        if cut is not None and not titleish(doc[cut - 1]):
            rest = Span(doc, cut + 1, end, label=guess_type(doc[cut + 1:end]) or "PLACE")
            return repair(Span(doc, start, cut, label="PERSON")) + repair(rest)
    # "United States President Donald Trump", "Hong Kong Chief Executive Carrie Lam",
    # "US Secretary of State Mike Pompeo": a place or body, an office, a person
    tail = end
    while tail - 1 > start and capitalised(doc[tail - 1]) and not titleish(doc[tail - 1]) \
            and doc[tail - 1].lower_ != "of":
        tail -= 1
    titles = [i for i in range(start, tail) if title_case(doc[i])
              and (is_role(doc[i].lower_) or doc[i].lower_.rstrip(".") in L.HONORIFICS - L.TITLE_MODIFIERS)]
    if titles and doc[tail - 1].lower_ == "of" and end - tail >= 3:
        tail = end - 2  # "Secretary of State Mike Pompeo": the office's object, then the name
    if titles and (end - tail >= 2 or titles[-1] == tail - 1) and doc[tail - 1].lower_ != "of" \
            and label in ("PERSON", "ORG", "PLACE") \
            and head_word(doc[tail:end]) not in L.ORG_HEADS | L.EVENT_HEADS | L.PLACE_HEADS:
        first = titles[0]
        while first > start and title_case(doc[first - 1]) and doc[first - 1].lower_ in L.TITLE_MODIFIERS:
            first -= 1
        left = [Span(doc, start, first, label=guess_type(doc[start:first]) or "ORG")] if first > start else []
        return [s for part in left for s in repair(part)] + \
            repair(Span(doc, tail, end, label="PERSON"))
    # "UN Deputy Secretary-General", "U.S. President": a name followed by an office
    words = words_of(doc, start, end)
    while len(words) > 1 and words[-1][2] in CONNECTORS | {"to", "the"}:
        words.pop()  # "US Special Representative for": the NER took the office's preposition
    k = len(words)
    while k > 1 and (is_role(words[k - 1][2]) or words[k - 1][2] in L.TITLE_MODIFIERS) \
            and not doc[words[k - 1][0]].is_upper:
        k -= 1
    if k < len(words) and is_role(words[-1][2]) and words[k - 1][2] not in CONNECTORS | {"the"}:
        end = words[k - 1][1]
        label = "ORG" if label == "PERSON" else label
        if all(t.pos_ == "ADJ" for t in doc[start:end]) and not known(doc[start:end]):
            return []  # "Special Presidential Envoy": an office
    # "Secretary of | State Mike Pompeo": the object of an office before a person's name
    if end - start >= 3 and start >= 2 and doc[start - 1].lower_ == "of" \
            and titleish(doc[start - 2]) and all(capitalised(t) for t in doc[end - 2:end]) \
            and head_word(doc[start:end]) not in L.ORG_HEADS | L.EVENT_HEADS | L.PLACE_HEADS:
        start, label = end - 2, "PERSON"
    # "Taliban spokesperson Omar Haidari", "former President Hamid Karzai": a title and
    # anything before it are not part of a person's name
    left: list[Span] = []
    if label == "PERSON":
        for i in range(end - 2, start - 1, -1):
            word = doc[i]
            if title_case(word) and (word.lower_.rstrip(".") in L.HONORIFICS or occupation(word.text)) or (
                    word.is_lower and L.is_role_word(word.text)):
                first = i
                while first > start and (titleish(doc[first - 1]) or doc[first - 1].text == "-"):
                    first -= 1
                if first > start and known(doc[start:first]):
                    # "Syrian President Bashar al-Assad": the nationality or country stays a name
                    left = [Span(doc, start, first, label=guess_type(doc[start:first]) or "PLACE")]
                start = i + 1  # "Astronomer Anthony Boccaletti", "Senators Kamala Harris"
                break
    start, end = trim(doc, start, end)
    if start >= end:
        return left
    # "Head of Foreign Relations", "Prime Minister of Iraq": an office, not a name
    k = start
    while k < end - 1 and doc[k].lower_ in L.TITLE_MODIFIERS and not is_role(doc[k].lower_):
        k += 1
    if is_role(doc[k].lower_) and not known(doc[start:end]):
        if k == end - 1 or doc[k + 1].lower_ in ("of", "for") or (k + 1 < end and is_role(doc[k + 1].lower_)
                                                                  and (k + 2 == end or doc[k + 2].lower_ == "of")):
            return left
    start, end = expand(doc, start, end, label)
    # "the Second Geneva Conference Declaration": the declaration names the conference
    if end - start > 1 and doc[end - 1].lower_ in L.DOCUMENT_HEADS:
        end -= 1
    if start >= end or not looks_like_name(doc, start, end):
        return left
    return left + [retype(Span(doc, start, end, label=label))]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ in ("'s", "\u2019s") or doc[start].lower_ in CONNECTORS
                           or (doc[start].lower_ in PARTICLES and not (start + 1 < end and doc[start + 1].text == "-"))):
        if doc[start].text == "-" and start > 0 and doc[start - 1].lower_ in PARTICLES:
            break
        start += 1
    # "northern Iraq": a direction's adjective in lower case before a place is not part of its
    # name (but "east Asia" may be "East Asia" in lower case)
    if end - start > 1 and doc[start].is_lower and doc[start].lower_ in COMPASS and doc[start].lower_.endswith("ern"):
        start += 1
    # "East of the Euphrates": a direction from a place is not the place's name
    if end - start > 3 and doc[start].lower_ in COMPASS and doc[start + 1].lower_ == "of":
        start += 2
        while start < end and doc[start].lower_ in ("the", "a"):
            start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_space
                           or doc[end - 1].lower_ in CONNECTORS | PARTICLES | {"the", "and"}
                           or (doc[end - 1].is_punct and doc[end - 1].text not in (")", "."))
                           or (doc[end - 1].is_lower and doc[end - 1].pos_ in FUNCTION_POS)):
        end -= 1  # ... and "the House Judiciary Committee do not": a name does not end in a verb
    if end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    if end > start and doc[end - 1].text == "." and not (end - start == 1 or len(doc[end - 2].text) <= 2
                                                         or doc[end - 1].whitespace_ == ""):
        end -= 1
    return start, end


def expand(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Join capitalised neighbours the NER left out ('VICE' + 'World News'), never across a
    sentence start, a title, or a word capitalised only because it starts the sentence. A
    nationality joins only an event's or organisation's name ('Arab Spring', 'Afghan
    Special Forces'), not 'Afghan' + 'Taliban'."""
    head = head_word(doc[start:end])
    takes_adjective = label == "EVENT" or head in L.ORG_HEADS or head in L.EVENT_HEADS
    while start > 0:
        prev = doc[start - 1]
        if after_prefix(doc, start) or after_prefix(doc, start - 1):
            break  # "anti-Houthi Southern Transitional Council": the prefixed word is another name
        if prev.text == "-" and start > 1 and doc[start - 2].lower_ in PARTICLES and not prev.whitespace_:
            start -= 2  # "al-Masirah TV"
            continue
        if label == "PERSON" and prev.lower_ in ("bin", "ibn", "bint") and prev.is_lower and start > 1 \
                and capitalised(doc[start - 2]) and doc[start - 2].lower_ not in common_words() \
                and not (title_case(doc[start - 2]) and (doc[start - 2].lower_.rstrip(".") in L.HONORIFICS
                                                          or is_role(doc[start - 2].lower_))):
            start -= 2  # "Karim" + "bin Tariq Al Nouri": the given name the tagger left out
            continue
        if prev.text == "\u2013" and start > 1 and capitalised(doc[start - 2]) and not prev.whitespace_ \
                and not doc[start - 2].whitespace_ and takes_adjective:
            start -= 2  # "Iran–" + "Iraq War"
            continue
        if (capitalised(prev) and not doc[start].is_sent_start
                and (not prev.is_sent_start or (prev.pos_ == "PROPN" and prev.lower_ not in common_words()
                                                and not occupation(prev.text)))
                and prev.lower_ not in LEADING_JUNK
                and (prev.pos_ in ("PROPN", "ADJ", "NOUN", "") or prev.is_upper)
                and not (title_case(prev) and (prev.lower_.rstrip(".") in L.HONORIFICS or is_role(prev.lower_)
                                                or (label == "PERSON" and titleish(prev))))
                and gazetteer.place_kind(prev.text) != "country" and "\n" not in prev.whitespace_
                and (takes_adjective or normal(prev.text) not in gazetteer.demonyms())):
            start -= 1
        else:
            break
    while end < len(doc):
        nxt = doc[end]
        if doc[end - 1].text in (",", ".") or "\n" in doc[end - 1].whitespace_:
            break
        if capitalised(nxt) and not nxt.is_sent_start and (nxt.pos_ in ("PROPN", "") or nxt.is_upper) \
                and not is_role(nxt.lower_) and nxt.lower_ not in L.DOCUMENT_HEADS:
            if (label != "PERSON" or gazetteer.place_kind(doc[start:end].text) in ("country", "region")) \
                    and person_run_at(doc, end):
                break  # "Ambassador to Germany Richard Grenell": the place, then its envoy's name
            end += 1
        elif nxt.lower_ in PARTICLES and nxt.is_lower and end + 1 < len(doc) and capitalised(doc[end + 1]) \
                and label in ("PERSON", "ORG"):
            end += 2  # "Usama" + "bin Ladin", "Tahrir" + "al-Sham" (the hyphen follows)
        elif nxt.text in ("-", "\u2013") and not doc[end - 1].whitespace_ and not nxt.whitespace_ \
                and end + 1 < len(doc) and capitalised(doc[end + 1]) \
                and not (nxt.text == "\u2013" and known(doc[start:end])
                         and not (end + 2 < len(doc) and doc[end + 2].lower_ in L.EVENT_HEADS | L.ORG_HEADS)):
            end += 2  # "Abdul" + "-Mahdi", "Iran" + "–Iraq War"
        elif nxt.lower_ == "and" and end + 1 < len(doc) and capitalised(doc[end + 1]) \
                and doc[end + 1].pos_ in ("PROPN", "") and any(t.lower_ in ("of", "for") for t in doc[start:end]) \
                and not (end + 2 < len(doc) and doc[end + 2].text == ","):
            end += 2  # "Islamic State of Iraq" + "and Syria", "Center for Systems Science" + "and Engineering"
        elif nxt.lower_ == "and" and end + 2 < len(doc) and doc[end + 1].lower_ == "the" \
                and any(t.lower_ == "of" for t in doc[start:end]) and gazetteer.place_kind(doc[end - 1].text) \
                and capitalised(doc[end + 2]) and gazetteer.place_kind(doc[end + 2].text) == "region" \
                and not (end + 3 < len(doc) and capitalised(doc[end + 3])):
            end += 3  # "Islamic State of Iraq" + "and the Levant": a body of a country and a region
        elif nxt.lower_ == "of" and end + 1 < len(doc) and capitalised(doc[end + 1]) \
                and doc[end + 1].pos_ in ("PROPN", "") and head_word(doc[start:end]) in L.ORG_HEADS | L.EVENT_HEADS \
                and not is_role(doc[end + 1].lower_):
            end += 2  # "Chamber" + "of Commerce", "Battle" + "of Raqqa"
        elif nxt.text in ("'", "\u2019") and doc[end - 1].text.endswith("s") and end + 1 < len(doc) \
                and capitalised(doc[end + 1]) and head_word(doc[end + 1:end + 2]) in L.ORG_HEADS:
            end += 2  # "Kurdistan Workers' Party"
        else:
            break
    return start, end


def person_run_at(doc: Doc, i: int) -> bool:
    """Does a person's name start at token i: two or more capitalised proper nouns led by a
    known given name ("... for Iran Brian Hook said")?"""
    j = i
    while j < len(doc) and capitalised(doc[j]) and doc[j].pos_ == "PROPN" and (j == i or not doc[j].is_sent_start):
        j += 1
    return 2 <= j - i <= 4 and given_name_first(doc[i:j])


def looks_like_name(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    text = span.text
    if not any(c.isupper() for c in text) and not any(c.isdigit() for c in text):
        return False
    first = doc[start]
    if end - start == 1:
        if first.lower_ in L.DATE_WORDS or first.lower_ in L.PRONOUNS or len(text) < 2 or first.like_num \
                or first.lower_ in L.RELIGIONS \
                or is_role(first.lower_) or first.lower_ in L.HONORIFICS:
            return False
        if first.lower_ in languages() and normal(text) not in gazetteer.demonyms():
            return False  # languages are not entities in the guidelines
    if all(t.lower_ in L.DATE_WORDS or t.like_num or t.is_punct for t in span):
        return False
    if end - start > 1 and (head_word(span) in L.LAW_HEADS or doc[end - 1].lower_ in L.LAW_HEADS):
        return False  # "the Tenure of Office Act": a law, not an entity of the guidelines
    if text.isupper() and end - start > 3:
        return False  # a shouted phrase ("JOIN THE RESISTANCE"), not a name
    return True


def defined_acronym(doc: Doc, start: int, end: int) -> bool:
    """'Popular Mobilization Forces (PMF)': the words are followed by their own acronym."""
    from ..names import acronym_of

    return end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
        and acronym_of(doc[end + 1].text, doc[start:end].text)
