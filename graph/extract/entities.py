"""The entity layer of a Doc: the statistical NER's spans, repaired and completed by
general rules, then made consistent across the document.

Runs as the spaCy component "newskg_entities" after the pipeline's own NER (if any). In
order: map the NER's labels to the guideline types; fix boundaries (articles, titles and
dates trimmed; a name's capitalised neighbours joined); add known places and
nationalities (gazetteers) and proper-noun runs the NER missed; type names by their head
word ("... Front" is an organisation, "... Conference" an event); apply general patterns
("the Doha summit", "the Pashtun tribe"); and give each name one type throughout the
article. Headlines in title case only keep names the article confirms elsewhere.
`doc.ents` ends with guideline types only; label hints (a dateline's country code → the
country's name) go to `doc.user_data`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import gazetteer
from ..names import is_acronym, normal
from . import lexicon as L
from .lexicon import common_words

# Label schemes of other pipelines (OntoNotes, CoNLL/UNER, WikiNER) → the guideline types.
LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
          "PLACE": "PLACE", "NORP": "GROUP", "GROUP": "GROUP", "EVENT": "EVENT", "LAW": "EVENT"}
HINTS = "newskg_label_hints"  # doc.user_data key: (start_char, end_char) → canonical label
LEADING_JUNK = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                "those", "former", "late", "then", "acting", "ex", "so", "-", "called", "both", "all", "some",
                "many", "several", "most", "every", "each", "no", "any", "another", "other", "such", "fellow",
                "two", "three", "four", "dozens", "hundreds", "thousands", "millions", "anti", "pro"}
CONNECTORS = {"of", "for", "on", "&"}
# Particles of personal and place names ("Bashar al-Assad", "Tahrir al-Sham", "Ludwig van Beethoven"),
# which may start a name too ("al-Qaeda").
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "von", "van", "der", "den", "du", "la", "le", "del", "de",
             "da", "dos", "di", "ul", "ud"}


@Language.factory("newskg_entities")
def make_entity_layer(nlp: Language, name: str) -> "EntityLayer":
    return EntityLayer()


class EntityLayer:
    def __call__(self, doc: Doc) -> Doc:
        hints: dict[tuple[int, int], str] = {}
        headline = _headline_tokens(doc)
        spans = [Span(doc, e.start, e.end, label=LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
        spans = [s for s in (self._repair(s) for s in spans) for s in s]
        spans = self._add_gazetteer(doc, spans, hints)
        person_words = {normal(t.text) for s in spans if s.label_ == "PERSON" for t in s if _capitalised(t)}
        spans = self._add_proper_nouns(doc, spans, headline, person_words)
        spans = [self._retype(s) for s in spans]
        spans = self._patterns(doc, spans)
        spans = self._consistent(doc, spans, headline)
        spans = _drop_common_words(doc, spans)
        doc.ents = sorted(filter_spans(spans), key=lambda s: s.start)
        doc.user_data[HINTS] = {k: v for k, v in hints.items()
                                if any((e.start_char, e.end_char) == k for e in doc.ents)}
        return doc

    # -- boundaries -------------------------------------------------------------------------
    def _repair(self, span: Span) -> list[Span]:
        """The name part of a span, or nothing: titles, articles, possessives and trailing
        dates off; its capitalised neighbours on; a document title reduced to what it names;
        an office and its holder ("US Secretary of State Mike Pompeo") split in two."""
        span = self._retype(span)
        doc, start, end, label = span.doc, span.start, span.end, span.label_
        for i in range(start, end):
            if start < i < end - 1 and doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                # "Ali Karimi met Fatima Sow": a verb between two names
                parts = [Span(doc, start, i, label=label), Span(doc, i + 1, end, label=label)]
                return [r for part in parts for r in self._repair(part)]
            if doc[i].text in ("[", "]", "(", ")", "/", ";") and end - start > 1:
                # "[Bashir al] Assad", "PKK-YPG / SDF": brackets and slashes separate names
                parts = [Span(doc, a, b, label=label) for a, b in ((start, i), (i + 1, end)) if b > a]
                return [r for part in parts for r in self._repair(part)]
            if doc[i].text == "-" and i + 1 < end and doc[i + 1].lower_ in AGENT_PARTICIPLES:
                # "U.S.-designated Foreign Terrorist Organization": who designated, then what
                parts = [Span(doc, start, i, label=_guess_type(doc[start:i]) or label)]
                if i + 2 < end:
                    parts.append(Span(doc, i + 2, end, label=label))
                return [r for part in parts for r in self._repair(part)]
        if end - start > 2 and doc[start].is_upper and len(doc[start].text) >= 2 and doc[start].is_alpha \
                and _given_name_first(doc[start + 1:end]):
            # "told NPR Hamza bin Laden": an acronym, then a person
            return [Span(doc, start, start + 1, label="ORG")] + \
                self._repair(Span(doc, start + 1, end, label="PERSON"))
        if end - start > 1 and _after_prefix(doc, start) and _capitalised(doc[start + 1]):
            # "anti-Houthi Southern Transitional Council": two names
            first = Span(doc, start, start + 1, label=_guess_type(doc[start:start + 1]) or "ORG")
            return [first] + self._repair(Span(doc, start + 1, end, label=label))
        # "Taliban on February 29": a date after a preposition is not part of the name
        for i in range(start + 1, end):
            if doc[i].lower_ in ("on", "in", "at", "since") and i + 1 < end and (
                    doc[i + 1].lower_ in L.DATE_WORDS or doc[i + 1].like_num):
                end = i
                break
        # "US Chairman of the House Foreign Affairs Committee": an office of an organisation
        words = _words(doc, start, end)
        for k, (_, _, w) in enumerate(words[:-2]):
            if _is_role(w) and words[k + 1][2] == "of" and words[k + 2][2] == "the" and k + 3 < len(words) \
                    and _capitalised(doc[words[k + 3][0]]):
                return self._repair(Span(doc, words[k + 3][0], end, label="ORG" if label == "PERSON" else label))
        # "Doug Collins of Georgia": a person's name does not run on with "of"
        if label == "PERSON" or _given_name_first(doc[start:end]):
            cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "of"), None)
            if cut is not None and not _titleish(doc[cut - 1]):
                rest = Span(doc, cut + 1, end, label=_guess_type(doc[cut + 1:end]) or "PLACE")
                return self._repair(Span(doc, start, cut, label="PERSON")) + self._repair(rest)
        # "United States President Donald Trump", "Hong Kong Chief Executive Carrie Lam",
        # "US Secretary of State Mike Pompeo": a place or body, an office, a person
        tail = end
        while tail - 1 > start and _capitalised(doc[tail - 1]) and not _titleish(doc[tail - 1]) \
                and doc[tail - 1].lower_ != "of":
            tail -= 1
        titles = [i for i in range(start, tail) if _title_case(doc[i])
                  and (_is_role(doc[i].lower_) or doc[i].lower_.rstrip(".") in L.HONORIFICS - L.TITLE_MODIFIERS)]
        if titles and doc[tail - 1].lower_ == "of" and end - tail >= 3:
            tail = end - 2  # "Secretary of State Mike Pompeo": the office's object, then the name
        if titles and (end - tail >= 2 or titles[-1] == tail - 1) and doc[tail - 1].lower_ != "of" \
                and label in ("PERSON", "ORG", "PLACE") \
                and _head_word(doc[tail:end]) not in L.ORG_HEADS | L.EVENT_HEADS | L.PLACE_HEADS:
            first = titles[0]
            while first > start and _title_case(doc[first - 1]) and doc[first - 1].lower_ in L.TITLE_MODIFIERS:
                first -= 1
            left = [Span(doc, start, first, label=_guess_type(doc[start:first]) or "ORG")] if first > start else []
            return [s for part in left for s in self._repair(part)] + \
                self._repair(Span(doc, tail, end, label="PERSON"))
        # "UN Deputy Secretary-General", "U.S. President": a name followed by an office
        words = _words(doc, start, end)
        k = len(words)
        while k > 1 and (_is_role(words[k - 1][2]) or words[k - 1][2] in L.TITLE_MODIFIERS) \
                and not doc[words[k - 1][0]].is_upper:
            k -= 1
        if k < len(words) and _is_role(words[-1][2]) and words[k - 1][2] not in CONNECTORS | {"the"}:
            end = words[k - 1][1]
            label = "ORG" if label == "PERSON" else label
            if all(t.pos_ == "ADJ" for t in doc[start:end]) and not _known(doc[start:end]):
                return []  # "Special Presidential Envoy": an office
        # "Secretary of | State Mike Pompeo": the object of an office before a person's name
        if end - start >= 3 and start >= 2 and doc[start - 1].lower_ == "of" \
                and _titleish(doc[start - 2]) and all(_capitalised(t) for t in doc[end - 2:end]) \
                and _head_word(doc[start:end]) not in L.ORG_HEADS | L.EVENT_HEADS | L.PLACE_HEADS:
            start, label = end - 2, "PERSON"
        # "Taliban spokesperson Zabihullah Mujahid", "former President Hamid Karzai": a title and
        # anything before it are not part of a person's name
        if label == "PERSON":
            for i in range(end - 2, start - 1, -1):
                word = doc[i]
                if _title_case(word) and word.lower_.rstrip(".") in L.HONORIFICS or (
                        word.is_lower and L.is_role_word(word.text)):
                    start = i + 1
                    break
        start, end = _trim(doc, start, end)
        if start >= end:
            return []
        # "Head of Foreign Relations", "Prime Minister of Iraq": an office, not a name
        k = start
        while k < end - 1 and doc[k].lower_ in L.TITLE_MODIFIERS and not _is_role(doc[k].lower_):
            k += 1
        if _is_role(doc[k].lower_) and not _known(doc[start:end]):
            if k == end - 1 or doc[k + 1].lower_ in ("of", "for") or (k + 1 < end and _is_role(doc[k + 1].lower_)
                                                                      and (k + 2 == end or doc[k + 2].lower_ == "of")):
                return []
        start, end = _expand(doc, start, end, label)
        # "the Second Vienna Conference Declaration": the declaration names the conference
        if end - start > 1 and doc[end - 1].lower_ in L.DOCUMENT_HEADS:
            end -= 1
        if start >= end or not _looks_like_name(doc, start, end):
            return []
        return [self._retype(Span(doc, start, end, label=label))]

    # -- gazetteers ---------------------------------------------------------------------------
    def _add_gazetteer(self, doc: Doc, spans: list[Span], hints: dict) -> list[Span]:
        out = list(spans)
        covered = _coverage(out)
        for rule_span, strong in _gazetteer_spans(doc, hints):
            overlapping = {id(covered[i]): covered[i] for i in range(rule_span.start, rule_span.end) if i in covered}
            if not overlapping:
                out.append(rule_span)
                covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
                continue
            for other in overlapping.values():
                same = (other.start, other.end) == (rule_span.start, rule_span.end)
                inside = other.start <= rule_span.start and rule_span.end <= other.end
                if same and other.label_ != rule_span.label_ and (strong or other.label_ in ("PERSON", "GROUP", "EVENT")):
                    # a country or a nationality is never anything else; a city is not a person
                    out[out.index(other)] = rule_span
                    covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
                elif not inside and strong:
                    # the NER cut across a known name ("Hong" | "Kong Post"): the known name wins
                    out.remove(other)
                    for i in range(other.start, other.end):
                        covered.pop(i, None)
                    out.append(rule_span)
                    covered.update({i: rule_span for i in range(rule_span.start, rule_span.end)})
        return out

    # -- proper nouns the NER missed ---------------------------------------------------------
    def _add_proper_nouns(self, doc: Doc, spans: list[Span], headline: set[int],
                          person_words: set[str]) -> list[Span]:
        """Runs of proper nouns outside every span become names when their type is clear
        from their head word, their context or the article ("Ali Maisam Nazary, the ...")."""
        if not doc.has_annotation("TAG") and not doc.has_annotation("POS"):
            return spans
        out = list(spans)
        covered = _coverage(out)
        i = 0
        while i < len(doc):
            tok = doc[i]
            # a run starts at a proper noun, or at any capitalised word inside a sentence (the
            # tagger calls "Popular Mobilization Forces" ADJ NOUN NOUN); such a run must then be
            # typed by its head word or a bracketed acronym below
            common_start = tok.pos_ != "PROPN"
            if i in covered or i in headline or not _capitalised(tok) or (
                    common_start and (tok.is_sent_start or tok.pos_ not in ("NOUN", "ADJ"))):
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j not in covered and not doc[j].is_sent_start and not _is_role(doc[j].lower_) \
                    and not _after_prefix(doc, i) \
                    and doc[j].lower_.rstrip(".") not in L.HONORIFICS and (
                    (_capitalised(doc[j]) and doc[j].pos_ in ("PROPN", "ADJ", "NOUN", "NUM"))
                    or (doc[j].lower_ in CONNECTORS | PARTICLES and j + 1 < len(doc)
                        and (_capitalised(doc[j + 1]) or doc[j + 1].text == "-") and j + 1 not in covered)
                    or (doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc)
                        and _capitalised(doc[j + 1]))):
                j += 1
            if _is_role(tok.lower_) or tok.lower_.rstrip(".") in L.HONORIFICS:
                i += 1
                continue
            start, end = _trim(doc, i, j)
            if common_start and start < end and not (_defined_acronym(doc, start, end) or (
                    end - start > 1 and _head_word(doc[start:end]) in L.ORG_HEADS | L.EVENT_HEADS | L.PLACE_HEADS)):
                i = max(j, i + 1)
                continue
            if start < end and not (end - start == 1 and doc[start].is_sent_start and not _known(doc[start:end])):
                label = _guess_type(doc[start:end], person_words)
                if label is None and _defined_acronym(doc, start, end):
                    label = "ORG"
                for span in self._repair(Span(doc, start, end, label=label)) if label else []:
                    if not any(k in covered for k in range(span.start, span.end)):
                        out.append(span)
                        covered.update({k: span for k in range(span.start, span.end)})
            i = max(j, i + 1)
        return out

    # -- types ------------------------------------------------------------------------------------
    @staticmethod
    def _retype(span: Span) -> Span:
        """The head word decides where it is unambiguous; acronyms are not people."""
        kind = gazetteer.place_kind(span.text)
        words = normal(span.text).split()
        if kind in ("country", "region") or (len(words) > 1 and words[0] in COMPASS
                                              and gazetteer.place_kind(" ".join(words[1:])) is not None):
            # "Eastern Mediterranean", "northern Syria": a part of a known place is a place
            return span if span.label_ == "PLACE" else Span(span.doc, span.start, span.end, label="PLACE")
        head = _head_word(span)
        label = span.label_
        if head in L.EVENT_HEADS and label != "EVENT":
            label = "EVENT"
        elif head in L.ORG_HEADS and label in ("PERSON", "PLACE", "GROUP", "EVENT"):
            label = "ORG"
        elif head in L.PLACE_HEADS and label in ("PERSON", "ORG", "GROUP") and len(span) > 1:
            label = "PLACE"
        elif label == "PERSON" and len(span) == 1 and is_acronym(span.text):
            label = "ORG"
        elif label in ("ORG", "PERSON") and len(span) == 1 and span[0].tag_ == "NNPS" and span.text.endswith("s") \
                and head not in L.ORG_HEADS:
            label = "GROUP"  # "the Soviets", "Democrats": a people or a political group
        elif label == "PERSON" and span.end < len(span.doc) and span.doc[span.end].lower_ in REPORTING_VERBS \
                and any(t.lower_ in common_words() or _known(t) for t in span if t.is_alpha):
            label = "ORG"  # "Kabul Daily Wire reported": an outlet, not a person
        elif label in ("PLACE", "ORG", "GROUP") and head not in L.ORG_HEADS | L.PLACE_HEADS | L.EVENT_HEADS \
                and 2 <= len(_name_words(span)) <= 4 and all(t.text[:1].isupper() for t in span) \
                and (_role_follows(span) or _role_before(span) or _given_name_first(span)):
            label = "PERSON"  # "Ali Maisam Nazary, the Head of ...", "Karim Haidari met ..."
        elif label == "GROUP" and normal(span.text) not in gazetteer.demonyms() and not span.text.endswith("s"):
            label = _guess_type(span) or "ORG"
        return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)

    # -- patterns -------------------------------------------------------------------------------
    @staticmethod
    def _patterns(doc: Doc, spans: list[Span]) -> list[Span]:
        """General patterns: 'the Doha summit' (a place + a meeting noun) is an event; 'the
        Pashtun tribe' names a group."""
        out = list(spans)
        covered = _coverage(out)
        for person, agency in _credits(doc):
            for span in (person, agency):
                if span is not None:
                    for other in {id(covered[k]): covered[k] for k in range(span.start, span.end) if k in covered}.values():
                        out.remove(other)
                    out.append(span)
                    covered.update({k: span for k in range(span.start, span.end)})
        for start, end in _sources(doc, covered):
            # "Reuters reported", "according to NPR": a news outlet, unless it is a person's name
            label = "PERSON" if _given_name_first(doc[start:end]) and end - start > 1 else "ORG"
            source = Span(doc, start, end, label=label)
            out.append(source)
            covered.update({k: source for k in range(start, end)})
        for tok in doc:
            # "the Kabul airport": a facility named after its place is a place of its own
            if tok.lower_ in FACILITY_NOUNS and tok.i > 1 and tok.i not in covered:
                prev = covered.get(tok.i - 1)
                if prev is not None and prev.label_ == "PLACE" and prev.end == tok.i and prev.start > 0 \
                        and doc[prev.start - 1].lower_ == "the":
                    facility = Span(doc, prev.start, tok.i + 1, label="PLACE")
                    out[out.index(prev)] = facility
                    covered.update({i: facility for i in range(facility.start, facility.end)})
            if tok.lower_ in L.EVENT_NOUNS and tok.i > 0 and tok.i not in covered:
                prev = covered.get(tok.i - 1)
                if prev is not None and prev.label_ == "PLACE" and prev.end == tok.i and prev.start > 0 \
                        and doc[prev.start - 1].lower_ == "the":
                    event = Span(doc, prev.start, tok.i + 1, label="EVENT")
                    out[out.index(prev)] = event
                    covered.update({i: event for i in range(event.start, event.end)})
            # "the Houthi movement", "the Wagner group": a name and a common noun for a body
            if tok.lower_ in ORG_NOUNS and tok.i > 1 and tok.i not in covered and doc[tok.i - 1].pos_ == "PROPN" \
                    and _capitalised(doc[tok.i - 1]) and not _known(doc[tok.i - 1:tok.i]) \
                    and normal(doc[tok.i - 1].text) not in gazetteer.demonyms():
                j = tok.i - 1
                while j > 0 and _capitalised(doc[j - 1]) and doc[j - 1].pos_ == "PROPN" and not doc[j].is_sent_start:
                    j -= 1
                inside = {id(covered[k]): covered[k] for k in range(j, tok.i) if k in covered}
                if all((x.start, x.end) == (j, tok.i) and x.label_ != "ORG" for x in inside.values()) \
                        and tok.lower_ in ("movement", "militia", "group", "network"):
                    body = Span(doc, j, tok.i + 1, label="ORG")
                    for x in inside.values():
                        out.remove(x)
                    out.append(body)
                    covered.update({k: body for k in range(j, tok.i + 1)})
            if tok.lower_ in L.GROUP_NOUNS and tok.i > 0:
                j = tok.i
                while j > 0 and _capitalised(doc[j - 1]) and not doc[j - 1].is_sent_start:
                    j -= 1
                if j < tok.i:
                    group = Span(doc, j, tok.i, label="GROUP")
                    inside = [covered[k] for k in range(j, tok.i) if k in covered]
                    if all((s.start, s.end) == (j, tok.i) for s in inside):
                        for s in {id(s): s for s in inside}.values():
                            out.remove(s)
                        out.append(group)
                        covered.update({k: group for k in range(j, tok.i)})
        return out

    # -- document consistency ------------------------------------------------------------------
    @staticmethod
    def _consistent(doc: Doc, spans: list[Span], headline: set[int]) -> list[Span]:
        """One type per name in the article; its other occurrences (and a person's bare
        surname) are mentions too; a title-case headline keeps only confirmed names."""
        spans = filter_spans(spans)
        body = [s for s in spans if s.start not in headline]
        votes: dict[str, Counter] = defaultdict(Counter)
        for s in spans:
            votes[normal(s.text)][s.label_] += 1 if s.start in headline else 2
            place = _place_context(doc, s)
            if place and s.label_ != "PLACE":
                votes[normal(s.text)]["PLACE"] += place
        label_of = {k: _vote(c) for k, c in votes.items()}
        # "the Taliban", "the Northern Alliance": people are not named with an article
        with_article: Counter = Counter()
        for s in spans:
            if s.start > 0 and doc[s.start - 1].lower_ == "the":
                with_article[normal(s.text)] += 1
        for key, label in label_of.items():
            if label == "PERSON" and with_article[key] * 2 >= sum(votes[key].values()) / 2 and with_article[key]:
                label_of[key] = "ORG"
        confirmed = {normal(s.text) for s in body}
        surnames: dict[str, int] = Counter()
        for s in body:
            words = [t for t in s if t.text[:1].isupper() and len(t.text) > 2]
            if label_of[normal(s.text)] == "PERSON" and len(words) >= 2:
                last = words[-1]
                forms = {normal(last.text)}
                if last.i >= 2 and doc[last.i - 1].text == "-" and doc[last.i - 2].lower_ in PARTICLES:
                    forms.add(normal(doc[last.i - 2:last.i + 1].text))  # "al-Muhandis" as well as "Muhandis"
                for form in forms:
                    surnames[form] += 1
                    confirmed.add(form)
        for key in surnames:
            # a bare surname of a person named in full is that person, whatever the NER said
            # (even when a city has the name too: only a country or a region outranks it)
            if key in label_of and gazetteer.place_kind(key) not in ("country", "region"):
                label_of[key] = "PERSON"
        given = {normal(s[0].text) for s in body if label_of[normal(s.text)] == "PERSON" and len(s) > 1}
        for key, label in label_of.items():
            # news introduces people by their full name: a one-word "person" the article never
            # names in full ("Reuters reported") is an organisation
            if label == "PERSON" and " " not in key and key not in surnames and key not in given \
                    and key not in gazetteer.given_names():
                label_of[key] = "ORG"
        out = []
        for s in spans:
            key = normal(s.text)
            if s.start in headline and key not in confirmed and not _known(s):
                continue
            out.append(s if s.label_ == label_of[key] else Span(doc, s.start, s.end, label=label_of[key]))
        covered = _coverage(out)
        by_first: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
        for key, label in label_of.items():
            words = key.split()
            if words and key in confirmed:
                by_first[words[0]].append((words, label))
        for key in surnames:
            if key not in label_of:
                by_first[key].append(([key], "PERSON"))
        for tok in doc:
            if tok.i in covered or not _capitalised(tok):
                continue
            for words, label in sorted(by_first.get(normal(tok.text), []), key=lambda x: -len(x[0])):
                end = tok.i + _match_len(doc, tok.i, words)
                if end > tok.i and not any(i in covered for i in range(tok.i, end)) \
                        and not (end < len(doc) and _capitalised(doc[end]) and doc[end].pos_ == "PROPN"
                                 and not doc[end].is_sent_start) \
                        and not (tok.i > 0 and _capitalised(doc[tok.i - 1]) and doc[tok.i - 1].pos_ == "PROPN"
                                 and not tok.is_sent_start):
                    span = Span(doc, tok.i, end, label=label)
                    out.append(span)
                    covered.update({i: span for i in range(tok.i, end)})
                    break
        return out


# -- helpers -----------------------------------------------------------------------------------------
AGENT_PARTICIPLES = {"designated", "backed", "led", "based", "owned", "funded", "supported", "controlled", "allied",
                     "aligned", "sponsored", "run", "held", "dominated", "brokered", "made", "born"}
PLACE_NOUNS = {"island", "city", "town", "village", "province", "capital", "region", "district", "port", "county",
               "governorate", "municipality", "suburb", "neighbourhood", "neighborhood", "valley"}
ORG_NOUNS = {"movement", "militia", "militias", "rebels", "insurgents", "group", "party", "regime", "government",
             "administration", "army", "forces", "network", "faction", "coalition", "alliance"}
FUNCTION_POS = {"AUX", "VERB", "ADV", "PART", "PRON", "DET", "ADP", "CCONJ", "SCONJ"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
           "southern", "eastern", "western", "central"}
FACILITY_NOUNS = {"airport", "embassy", "consulate", "prison", "jail", "airbase", "stadium", "university",
                  "hospital", "museum", "palace", "port", "harbour", "harbor", "station"}
CREDIT_WORDS = {"photo", "photos", "photograph", "image", "picture", "credit", "video", "illustration", "source"}


REPORTING_VERBS = {"reported", "reports", "quoted", "cited", "published", "broadcast", "aired", "reporting"}


def _sources(doc: Doc, covered: dict):
    """Capitalised words the NER left out that report news: '(X) reported', 'according to X'."""
    for tok in doc:
        if tok.i in covered or not _capitalised(tok) or tok.is_sent_start and tok.pos_ != "PROPN":
            continue
        if tok.i > 0 and _capitalised(doc[tok.i - 1]) and not tok.is_sent_start:
            continue  # not the start of a run
        end = tok.i
        while end < len(doc) and end not in covered and _capitalised(doc[end]) and not _titleish(doc[end]) \
                and (end == tok.i or not doc[end].is_sent_start):
            end += 1
        if end == tok.i or end - tok.i > 4:
            continue
        after = doc[end].lower_ if end < len(doc) else ""
        before = doc[tok.i - 2:tok.i].text.lower() if tok.i >= 2 else ""
        if after in REPORTING_VERBS or before == "according to":
            words = [t for t in doc[tok.i:end] if t.is_alpha]
            if words and not all(t.lower_ in common_words() for t in words) and not _known(doc[tok.i:end]):
                yield tok.i, end


def _credits(doc: Doc):
    """'Photo: Bradley Secker / Getty Images': a photographer (PERSON) and an agency (ORG)."""
    for tok in doc:
        if tok.lower_ not in CREDIT_WORDS or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":":
            continue
        i = tok.i + 2
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1  # "Photo:\u00a0NAME": a non-breaking space is a token of its own
        j = i
        while j < len(doc) and _capitalised(doc[j]) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j - i < 2 or j >= len(doc) or doc[j].text not in ("/", "via", "for", "|"):
            continue
        k = j + 1
        while k < len(doc) and (_capitalised(doc[k]) or doc[k].text in ("-", "&")) and "\n" not in doc[k - 1].whitespace_:
            k += 1
        agency = Span(doc, j + 1, k, label="ORG") if k > j + 1 else None
        yield Span(doc, i, j, label="PERSON"), agency



def _drop_common_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word 'name' the article also writes in lower case ('a Tweet' / 'in one tweet'),
    or a phrase in capitals made of such words ('JOIN THE RESISTANCE'), is not a name."""
    lower = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    people = {normal(t.text) for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}
    common = common_words()
    out = []
    for s in spans:
        words = [t for t in s if t.is_alpha]
        if _known(s) or is_acronym(s.text) and len(s) == 1 and s.text.lower() not in lower:
            out.append(s)
        elif len(words) == 1 and words[0].lower_ in lower and (not words[0].is_upper or len(words[0]) > 5):
            continue  # "a Tweet" / "tweet", "JOIN THE RESISTANCE" / "resistance"
        elif len(words) == 1 and len(s) == 1 and words[0].lower_ in common and normal(s.text) not in people \
                and not words[0].is_upper:
            continue  # "the Economy": an everyday word, capitalised
        elif len(s) == 1 and s[0].is_sent_start and s[0].pos_ == "NOUN" and s[0].tag_ in ("NNS", "NN") \
                and normal(s.text) not in people:
            continue  # "Clips on social media show ...": a common noun starting the sentence
        elif s.text.isupper() and len(words) > 1 and (len(words) >= 3 or any(t.is_stop for t in words)):
            continue  # a shouted phrase ("JOIN THE RESISTANCE")
        elif len(words) == 1 and s.start > 0 and doc[s.start - 1].lower_ in ("a", "an") and s.label_ != "GROUP" \
                and not (s.end < len(doc) and doc[s.end].pos_ in ("NOUN", "PROPN")):
            continue  # "a Tweet by ...": a common noun (but "a YouTube video" names YouTube)
        else:
            out.append(s)
    return out



def _vote(c: Counter) -> str:
    best = c.most_common()
    top = [t for t, n in best if n == best[0][1]]
    for preferred in ("PLACE", "ORG", "PERSON", "EVENT", "GROUP"):  # ties: the rarer confusions first
        if preferred in top and len(top) > 1:
            return preferred
    return top[0]


def _coverage(spans: list[Span]) -> dict[int, Span]:
    return {i: s for s in spans for i in range(s.start, s.end)}


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _title_case(tok) -> bool:
    """'President' but not 'VICE': words in capitals are acronyms or names, not titles."""
    return tok.text[:1].isupper() and not tok.is_upper or len(tok.text) == 1


def _titleish(tok) -> bool:
    """A word that is an office or courtesy title rather than part of a name."""
    return tok.lower_.rstrip(".") in L.HONORIFICS or _is_role(tok.lower_) or tok.lower_ in L.TITLE_MODIFIERS


def _is_role(word: str) -> bool:
    return word in L.LEADER_ROLES or word in L.MEMBER_ROLES or word.split("-")[-1] in L.LEADER_ROLES | L.MEMBER_ROLES


def _words(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
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


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ in ("'s", "\u2019s") or doc[start].lower_ in CONNECTORS
                           or (doc[start].lower_ in PARTICLES and not (start + 1 < end and doc[start + 1].text == "-"))):
        if doc[start].text == "-" and start > 0 and doc[start - 1].lower_ in PARTICLES:
            break
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


def _expand(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Join capitalised neighbours the NER left out ('VICE' + 'World News'), never across a
    sentence start, a title, or a word capitalised only because it starts the sentence. A
    nationality joins only an event's or organisation's name ('Arab Spring', 'Afghan
    Special Forces'), not 'Afghan' + 'Taliban'."""
    head = _head_word(doc[start:end])
    takes_adjective = label == "EVENT" or head in L.ORG_HEADS or head in L.EVENT_HEADS
    while start > 0:
        prev = doc[start - 1]
        if _after_prefix(doc, start) or _after_prefix(doc, start - 1):
            break  # "anti-Houthi Southern Transitional Council": the prefixed word is another name
        if prev.text == "-" and start > 1 and doc[start - 2].lower_ in PARTICLES and not prev.whitespace_:
            start -= 2  # "al-Masirah TV"
            continue
        if prev.text == "\u2013" and start > 1 and _capitalised(doc[start - 2]) and not prev.whitespace_ \
                and not doc[start - 2].whitespace_ and takes_adjective:
            start -= 2  # "Iran–" + "Iraq War"
            continue
        if (_capitalised(prev) and not doc[start].is_sent_start and (not prev.is_sent_start or prev.pos_ == "PROPN")
                and prev.lower_ not in LEADING_JUNK
                and (prev.pos_ in ("PROPN", "ADJ", "NOUN", "") or prev.is_upper)
                and not (_title_case(prev) and (prev.lower_.rstrip(".") in L.HONORIFICS or _is_role(prev.lower_)
                                                or (label == "PERSON" and _titleish(prev))))
                and gazetteer.place_kind(prev.text) != "country" and "\n" not in prev.whitespace_
                and (takes_adjective or normal(prev.text) not in gazetteer.demonyms())):
            start -= 1
        else:
            break
    while end < len(doc):
        nxt = doc[end]
        if doc[end - 1].text in (",", ".") or "\n" in doc[end - 1].whitespace_:
            break
        if _capitalised(nxt) and not nxt.is_sent_start and (nxt.pos_ in ("PROPN", "") or nxt.is_upper) \
                and not _is_role(nxt.lower_) and nxt.lower_ not in L.DOCUMENT_HEADS:
            end += 1
        elif nxt.lower_ in PARTICLES and nxt.is_lower and end + 1 < len(doc) and _capitalised(doc[end + 1]) \
                and label in ("PERSON", "ORG"):
            end += 2  # "Usama" + "bin Ladin", "Tahrir" + "al-Sham" (the hyphen follows)
        elif nxt.text in ("-", "\u2013") and not doc[end - 1].whitespace_ and not nxt.whitespace_ \
                and end + 1 < len(doc) and _capitalised(doc[end + 1]) \
                and not (nxt.text == "\u2013" and _known(doc[start:end])
                         and not (end + 2 < len(doc) and doc[end + 2].lower_ in L.EVENT_HEADS | L.ORG_HEADS)):
            end += 2  # "Abdul" + "-Mahdi", "Iran" + "–Iraq War"
        elif nxt.lower_ == "and" and end + 1 < len(doc) and _capitalised(doc[end + 1]) \
                and doc[end + 1].pos_ in ("PROPN", "") and any(t.lower_ == "of" for t in doc[start:end]) \
                and not (end + 2 < len(doc) and doc[end + 2].text == ","):
            end += 2  # "Islamic State of Iraq" + "and Syria", "Department of Health and Human Services"
        elif nxt.lower_ == "of" and end + 1 < len(doc) and _capitalised(doc[end + 1]) \
                and doc[end + 1].pos_ in ("PROPN", "") and _head_word(doc[start:end]) in L.ORG_HEADS | L.EVENT_HEADS \
                and not _is_role(doc[end + 1].lower_):
            end += 2  # "Chamber" + "of Commerce", "Battle" + "of Raqqa"
        elif nxt.text in ("'", "\u2019") and doc[end - 1].text.endswith("s") and end + 1 < len(doc) \
                and _capitalised(doc[end + 1]) and _head_word(doc[end + 1:end + 2]) in L.ORG_HEADS:
            end += 2  # "Kurdistan Workers' Party"
        else:
            break
    return start, end


def _place_context(doc: Doc, span: Span) -> int:
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


def _defined_acronym(doc: Doc, start: int, end: int) -> bool:
    """'Popular Mobilization Forces (PMF)': the words are followed by their own acronym."""
    from ..names import acronym_of

    return end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
        and acronym_of(doc[end + 1].text, doc[start:end].text)


def _after_prefix(doc: Doc, i: int) -> bool:
    """Is token i the name in 'anti-X' or 'pro-X'?"""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro") and not doc[i - 1].whitespace_


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    text = span.text
    if not any(c.isupper() for c in text) and not any(c.isdigit() for c in text):
        return False
    first = doc[start]
    if end - start == 1:
        if first.lower_ in L.DATE_WORDS or first.lower_ in L.PRONOUNS or len(text) < 2 or first.like_num \
                or _is_role(first.lower_) or first.lower_ in L.HONORIFICS:
            return False
        if first.lower_ in _languages() and normal(text) not in gazetteer.demonyms():
            return False  # languages are not entities in the guidelines
    if all(t.lower_ in L.DATE_WORDS or t.like_num or t.is_punct for t in span):
        return False
    if end - start > 1 and (_head_word(span) in L.LAW_HEADS or doc[end - 1].lower_ in L.LAW_HEADS):
        return False  # "the Tenure of Office Act": a law, not an entity of the guidelines
    if text.isupper() and end - start > 3:
        return False  # a shouted phrase ("JOIN THE RESISTANCE"), not a name
    return True


def _known(span) -> bool:
    key = normal(span.text)
    return gazetteer.place_kind(span.text) is not None or key in gazetteer.demonyms()


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(l.name.lower() for l in pycountry.languages if " " not in l.name)


def _head_word(span) -> str:
    """The word that says what a name is: the last, or the last before 'of'/'for'/'on'."""
    words = [t for t in span if not t.is_punct]
    for k, t in enumerate(words):
        if k > 0 and t.lower_ in ("of", "for", "on"):
            return words[k - 1].lower_
    return words[-1].lower_ if words else ""


def _guess_type(span, person_words: set[str] = frozenset()) -> str | None:
    """Type of a proper-noun run the NER did not label: gazetteer, head word, context, and
    the article's people ("Ahmad Massoud" when "Massoud" is a person elsewhere)."""
    doc = span.doc
    kind = gazetteer.place_kind(span.text)
    key = normal(span.text)
    if kind:
        return "PLACE"
    if key in gazetteer.demonyms():
        return "GROUP"
    head = _head_word(span)
    if head in L.EVENT_HEADS:
        return "EVENT"
    if head in L.ORG_HEADS:
        return "ORG"
    if head in L.PLACE_HEADS and len(span) > 1:
        return "PLACE"
    if is_acronym(span.text) or _after_prefix(doc, span.start):
        return "ORG"  # "anti-Houthi": what one is against is mostly a movement or a regime
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    words = [t for t in span if t.is_alpha]
    person_shaped = 2 <= len(words) <= 4 and len(words) == len(span) and all(t.text[:1].isupper() for t in words)
    if before is not None and (before.lower_.rstrip(".") in L.HONORIFICS or (before.is_lower and _is_role(before.lower_))):
        return "PERSON"
    if person_shaped and (normal(words[-1].text) in person_words or _given_name_first(span)):
        return "PERSON"
    if person_shaped and _role_follows(span):
        return "PERSON"
    if after is not None and after.lower_ in L.SPEECH_VERBS and person_shaped:
        return "PERSON"
    if before is not None and before.lower_ in L.PLACE_PREPOSITIONS and len(words) == len(span) and len(span) <= 2 \
            and not person_shaped:
        return "PLACE"
    if person_shaped and len(words) >= 2 and not any(t.lower_ in common_words() or _known(t) for t in words) \
            and not span.text.isupper():
        return "PERSON"  # "Abdrabbuh Mansur Hadi": a run of rare capitalised words is most often a name
    return None


def _name_words(span) -> list:
    """The words of a name without initials ('Karim R. Haidari' → Karim, Haidari), or []
    when something other than letters, initials and hyphens is in it."""
    words = []
    for t in span:
        if t.is_alpha:
            words.append(t)
        elif not (len(t.text) == 2 and t.text[1] == "." and t.text[0].isupper()) and t.text != "-":
            return []
    return words


def _given_name_first(span) -> bool:
    """'Karim Haidari': a known given name, not an everyday word, then more capitalised
    words, none of them a known place."""
    first = span[0]
    return (normal(first.text) in gazetteer.given_names() and first.lower_ not in common_words()
            and not first.is_upper and not any(_known(t) for t in span)
            and gazetteer.place_kind(span.text) is None)


def _role_before(span) -> bool:
    """"Nigeria's president, Bola Tinubu": a role and a comma just before the name."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and _is_role(doc[span.start - 2].lower_)


def _role_follows(span) -> bool:
    """'X, a former ambassador', 'X, the NRF leader', 'X, who ...': a person is described."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.end + 1].lower_ == "who":
        return True
    for tok in doc[span.end + 1:min(len(doc), span.end + 6)]:
        if tok.text in (",", ".", ";"):
            return False
        if tok.is_lower and _is_role(tok.lower_):
            return True
        if tok.text[:1].isupper() and _is_role(tok.lower_) and tok.i > span.end + 1:
            return True
    return False


FUNCTION_WORDS = {"into", "from", "with", "over", "amid", "upon", "onto", "than", "that", "this", "after", "about",
                  "against", "before", "during", "under", "while", "says", "said"}


def _headline_tokens(doc: Doc) -> set[int]:
    """Tokens of title-case lines (headlines), where capitals say nothing about names: a whole
    line whose longer words are all capitalised but for a few function words, with at least
    two everyday words among them (so a line of names, such as a caption, is no headline)."""
    common = {t.lower_ for t in doc if t.is_lower and t.is_alpha} | common_words()
    out: set[int] = set()
    line: list = []
    for tok in list(doc) + [None]:
        if tok is None or (tok.is_space and "\n" in tok.text) or (line and "\n" in line[-1].whitespace_):
            words = [t for t in line if t.is_alpha and len(t.text) > 3 and t.i != line[0].i]
            lower = [t for t in words if t.is_lower and t.lower_ not in FUNCTION_WORDS]
            capital_common = [t for t in words if t.text[:1].isupper() and t.lower_ in common]
            if len(words) >= 3 and len(lower) <= 0.05 * len(words) and len(capital_common) >= 2:
                out.update(t.i for t in line)
            line = []
            if tok is None or tok.is_space:
                continue
        line.append(tok)
    return out


def _gazetteer_spans(doc: Doc, hints: dict):
    """(span, strong) for every known place or nationality written as a proper name."""
    countries, demonyms = gazetteer.countries(), gazetteer.demonyms()
    subdivisions, cities = gazetteer.subdivisions(), gazetteer.cities()
    codes = gazetteer.country_codes()
    i, n = 0, len(doc)
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
            if (key in countries and (len(key) > 4 or span.text.replace(".", "").isupper())) \
                    or key in gazetteer.REGIONS:
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


def _in_name(doc: Doc, start: int, end: int) -> bool:
    """True when the words around are capitalised too, so the match is part of a longer name
    ('American University', 'Georgia Tech') rather than a place or nationality by itself."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None

    def cap(t):
        return t is not None and _capitalised(t) and t.pos_ in ("PROPN", "")

    return (cap(before) and not doc[start].is_sent_start and before.lower_.rstrip(".") not in L.HONORIFICS
            and not _is_role(before.lower_)) or \
        (cap(after) and not after.is_sent_start and after.lower_ not in L.PLACE_GENERICS)
