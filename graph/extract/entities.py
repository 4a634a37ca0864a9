"""The entity layer of a Doc: the statistical NER's spans, cleaned, completed from gazetteers
and general patterns, and made consistent across the document.

Runs as the spaCy component "newskg_entities" after the pipeline's own NER (if any); it
leaves `doc.ents` holding only guideline types (PERSON, ORG, PLACE, EVENT, GROUP) and
records label hints (a dateline's country code → the country's name) in `doc.user_data`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import gazetteer
from ..names import normal
from .lexicon import (DATE_WORDS, EVENT_NOUNS, GROUP_NOUNS, HONORIFICS, PLACE_GENERICS, PRONOUNS, is_role_word)

# Label schemes of other pipelines (OntoNotes, CoNLL/UNER, WikiNER) → the guideline types.
LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "PLACE": "PLACE", "NORP": "GROUP", "GROUP": "GROUP", "EVENT": "EVENT", "LAW": "EVENT"}
HINTS = "newskg_label_hints"  # doc.user_data key: (start_char, end_char) → canonical label
LEADING_JUNK = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                "those", "former", "late", "then", "acting", "ex", "self", "so", "-", "called"}


@Language.factory("newskg_entities")
def make_entity_layer(nlp: Language, name: str) -> "EntityLayer":
    return EntityLayer()


class EntityLayer:
    def __call__(self, doc: Doc) -> Doc:
        hints: dict[tuple[int, int], str] = {}
        spans = [s for s in (self._clean(Span(doc, e.start, e.end, label=LABELS[e.label_]))
                             for e in doc.ents if e.label_ in LABELS) if s is not None]
        spans = self._add_rule_spans(doc, spans, hints)
        spans = self._consistent(doc, spans)
        doc.ents = sorted(filter_spans(spans), key=lambda s: s.start)
        doc.user_data[HINTS] = {k: v for k, v in hints.items()
                                if any((e.start_char, e.end_char) == k for e in doc.ents)}
        return doc

    # -- cleaning -----------------------------------------------------------------------
    @staticmethod
    def _clean(span: Span) -> Span | None:
        """Trim articles, titles and possessives off a span; None when no name is left."""
        doc, start, end, label = span.doc, span.start, span.end, span.label_
        # A title and anything before it is not part of a person's name:
        # "Taliban spokesperson Zabihullah Mujahid", "former President Hamid Karzai".
        if label == "PERSON":
            for i in range(end - 2, start - 1, -1):
                word = doc[i]
                if word.lower_.rstrip(".") in HONORIFICS or (word.is_lower and is_role_word(word.text)):
                    start = i + 1
                    break
        while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].is_punct or doc[start].is_space
                               or doc[start].lower_ in ("'s", "\u2019s")):
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_space
                               or (doc[end - 1].is_punct and doc[end - 1].text not in (")", "."))):
            end -= 1
        if end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
            end -= 1
        if start >= end:
            return None
        text = doc[start:end].text
        first = doc[start]
        if not any(c.isupper() for c in text) and not any(c.isdigit() for c in text):
            return None  # a name is capitalised somewhere; all-lower spans are common nouns
        if end - start == 1 and (first.lower_ in DATE_WORDS or first.lower_ in PRONOUNS or len(text) < 2
                                 or is_role_word(first.lower_) or first.like_num):
            return None
        if all(t.lower_ in DATE_WORDS or t.like_num or t.is_punct for t in doc[start:end]):
            return None
        return Span(doc, start, end, label=label)

    # -- gazetteers and patterns ----------------------------------------------------------
    def _add_rule_spans(self, doc: Doc, spans: list[Span], hints: dict) -> list[Span]:
        covered = _coverage(spans)
        out = list(spans)
        for rule_span, strong in self._gazetteer_spans(doc, hints):
            overlapping = {covered[i] for i in range(rule_span.start, rule_span.end) if i in covered}
            if not overlapping:
                out.append(rule_span)
                for i in range(rule_span.start, rule_span.end):
                    covered[i] = rule_span
                continue
            for other in overlapping:
                same = (other.start, other.end) == (rule_span.start, rule_span.end)
                inside = other.start <= rule_span.start and rule_span.end <= other.end
                if same and strong and other.label_ != rule_span.label_:
                    # a country or a nationality is never anything else
                    out[out.index(other)] = rule_span
                    for i in range(rule_span.start, rule_span.end):
                        covered[i] = rule_span
                elif not inside and strong and rule_span.end - rule_span.start > other.end - other.start:
                    out.remove(other)
                    out.append(rule_span)
                    for i in range(other.start, other.end):
                        covered.pop(i, None)
                    for i in range(rule_span.start, rule_span.end):
                        covered[i] = rule_span
        out = self._pattern_spans(doc, out)
        return out

    @staticmethod
    def _gazetteer_spans(doc: Doc, hints: dict):
        """(span, strong) for every known place or nationality written as a proper name."""
        countries, demonyms = gazetteer.countries(), gazetteer.demonyms()
        subdivisions, cities = gazetteer.subdivisions(), gazetteer.cities()
        codes = gazetteer.country_codes()
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if not tok.text[:1].isupper():
                i += 1
                continue
            found = None
            for length in range(min(4, n - i), 0, -1):
                span = doc[i:i + length]
                if not span[-1].text[:1].isupper() and not span[-1].text[:1].isdigit():
                    continue
                if any(t.is_sent_start for t in span[1:]) or any(t.is_space for t in span):
                    continue
                key = normal(span.text)
                if key in countries or key in gazetteer.REGIONS:
                    found = (Span(doc, i, i + length, label="PLACE"), True)
                elif key in demonyms and length == 1 and not _in_name(doc, i, i + 1):
                    found = (Span(doc, i, i + length, label="GROUP"), True)
                elif (key in subdivisions or key in cities) and all(t.pos_ in ("PROPN", "") for t in span) \
                        and not _in_name(doc, i, i + length):
                    found = (Span(doc, i, i + length, label="PLACE"), False)
                if found:
                    break
            # Dateline: "Bangkok, TH" — a place, a comma, an ISO country code ending the line.
            if (found is None and len(tok.text) == 2 and tok.text.isupper() and tok.text in codes and i >= 2
                    and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper()
                    and (i + 1 == n or "\n" in doc[i].whitespace_ + doc[i + 1].text)):
                found = (Span(doc, i, i + 1, label="PLACE"), True)
                hints[(tok.idx, tok.idx + len(tok.text))] = codes[tok.text]
            if found:
                yield found
                i = found[0].end
            else:
                i += 1

    @staticmethod
    def _pattern_spans(doc: Doc, spans: list[Span]) -> list[Span]:
        """General patterns the NER misses: 'the Doha summit' (a place + a meeting noun) is an
        event; 'the Pashtun tribe' names a group."""
        out = list(spans)
        by_start = {s.start: s for s in spans}
        covered = _coverage(spans)
        for tok in doc:
            # <the> PLACE <meeting noun>: "the Geneva talks", "the Paris agreement"
            if tok.lower_ in EVENT_NOUNS and tok.i > 0 and tok.i not in covered:
                prev = covered.get(tok.i - 1)
                if prev is not None and prev.label_ == "PLACE" and prev.end == tok.i and prev.start > 0 \
                        and doc[prev.start - 1].lower_ == "the":
                    event = Span(doc, prev.start, tok.i + 1, label="EVENT")
                    out[out.index(prev)] = event
                    for i in range(event.start, event.end):
                        covered[i] = event
            # Capitalised word(s) + a people noun: "the Hazara community", "Kuchi nomads"
            if tok.lower_ in GROUP_NOUNS and tok.i > 0:
                j = tok.i
                while j > 0 and doc[j - 1].text[:1].isupper() and not doc[j - 1].is_sent_start \
                        and doc[j - 1].pos_ in ("PROPN", "ADJ", "NOUN", ""):
                    j -= 1
                if j < tok.i and not any(i in covered for i in range(j, tok.i)):
                    group = Span(doc, j, tok.i, label="GROUP")
                    out.append(group)
                    for i in range(j, tok.i):
                        covered[i] = group
        del by_start
        return out

    # -- document consistency ---------------------------------------------------------
    @staticmethod
    def _consistent(doc: Doc, spans: list[Span]) -> list[Span]:
        """A name has one type throughout the article, and its other occurrences (and a
        person's bare surname) are mentions too."""
        spans = filter_spans(spans)
        votes: dict[str, Counter] = defaultdict(Counter)
        for s in spans:
            votes[normal(s.text)][s.label_] += 1
        person_parts: dict[str, Counter] = defaultdict(Counter)
        for s in spans:
            words = [t for t in s if t.text[:1].isupper() and len(t.text) > 2]
            if s.label_ == "PERSON" and len(words) >= 2:
                person_parts[normal(words[-1].text)]["PERSON"] += 1
        label_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
        out = [Span(doc, s.start, s.end, label=label_of[normal(s.text)]) for s in spans]
        covered = _coverage(out)
        # Other occurrences of the same name, unlabelled by the NER.
        by_first: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
        for key, label in label_of.items():
            words = key.split()
            if words:
                by_first[words[0]].append((words, label))
        for key, c in person_parts.items():
            if key not in label_of:
                by_first[key].append(([key], "PERSON"))
        for tok in doc:
            if tok.i in covered or not tok.text[:1].isupper():
                continue
            for words, label in sorted(by_first.get(normal(tok.text), []), key=lambda x: -len(x[0])):
                end = tok.i + _match_len(doc, tok.i, words)
                if end > tok.i and not any(i in covered for i in range(tok.i, end)) \
                        and not (end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN"):
                    span = Span(doc, tok.i, end, label=label)
                    out.append(span)
                    for i in range(tok.i, end):
                        covered[i] = span
                    break
        return out


def _coverage(spans: list[Span]) -> dict[int, Span]:
    return {i: s for s in spans for i in range(s.start, s.end)}


def _match_len(doc: Doc, start: int, words: list[str]) -> int:
    """How many tokens from `start` spell `words` (names.normal forms), or 0."""
    i, j = start, 0
    while j < len(words) and i < len(doc):
        if doc[i].is_space:
            return 0
        text = normal(doc[i].text)
        if not text:
            i += 1
            continue
        if words[j].startswith(text) and text:
            rest = words[j][len(text):]
            i += 1
            if rest:
                # a word split by the tokenizer ("co-director"); consume the pieces
                while rest and i < len(doc) and rest.startswith(normal(doc[i].text)) and normal(doc[i].text):
                    rest = rest[len(normal(doc[i].text)):]
                    i += 1
                if rest:
                    return 0
            j += 1
        else:
            return 0
    return i - start if j == len(words) else 0


def _in_name(doc: Doc, start: int, end: int) -> bool:
    """True when the words around are capitalised too, so the match is part of a longer name
    ('American University', 'Georgia Tech') rather than a place or nationality by itself."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    def cap(t):
        return t is not None and t.text[:1].isupper() and not t.is_punct and t.pos_ in ("PROPN", "")
    return (cap(before) and not before.is_sent_start and before.lower_ not in HONORIFICS) or \
        (cap(after) and after.lower_ not in PLACE_GENERICS)
