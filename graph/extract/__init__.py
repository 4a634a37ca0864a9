"""Article → Extraction: sentences, entity mentions, entities within the article, relations.

The only part of newskg that imports spaCy (with `graph.train`); everything downstream
sees the plain records of `graph.records`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..records import Article, Extraction, Mention, Relation, Sentence
from . import local_entities, relations
from .entities import HINTS, modifier_places
from .nlp import ModelError, load, model_name

__all__ = ["Extractor", "ModelError", "model_name"]


class Extractor:
    """Holds one loaded pipeline; `extract` streams Extractions in input order."""

    def __init__(self, model: str | None = None, batch_size: int = 16, batch_chars: int = 40_000):
        self.nlp = load(model)
        self.batch_size = batch_size
        self.batch_chars = batch_chars

    @property
    def description(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        # spaCy holds a whole batch's activations at once, so a batch is bounded in characters
        # as well as articles: sixteen long articles together took 800 MB, one at a time 340
        for batch in self._batches(articles):
            short = [a for a in batch if len(a.text) <= CHUNK_CHARS]
            docs = iter(self.nlp.pipe((a.text for a in short), batch_size=max(len(short), 1)))
            for article in batch:
                doc = next(docs) if len(article.text) <= CHUNK_CHARS else self._parse_long(article.text)
                yield from_doc(article, doc)

    def _parse_long(self, text: str) -> Doc:
        """A long text parsed a piece at a time, the pieces cut between paragraphs (or after a
        sentence's end), then joined and given to the entity layer whole. The statistical
        components cost more than linearly on one huge Doc (about 14x the time for 10x the
        text); pieces of bounded size keep extraction linear in the article's length."""
        pieces = chunks(text, CHUNK_CHARS)
        with self.nlp.select_pipes(disable=["newskg_entities"]):
            parsed = list(self.nlp.pipe(pieces, batch_size=1))
        doc = Doc.from_docs(parsed, ensure_whitespace=False)
        return self.nlp.get_pipe("newskg_entities")(doc)

    def _batches(self, articles: Iterable[Article]) -> Iterator[list[Article]]:
        batch: list[Article] = []
        chars = 0
        for article in articles:
            if batch and (len(batch) == self.batch_size or chars + len(article.text) > self.batch_chars):
                yield batch
                batch, chars = [], 0
            batch.append(article)
            chars += len(article.text)
        if batch:
            yield batch

    def extract_one(self, article: Article) -> Extraction:
        return next(self.extract([article]))


# Texts longer than this are parsed in pieces of about this many characters (see _parse_long).
CHUNK_CHARS = 10_000
_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])")


def chunks(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most about `size` characters that join back into it: after
    the last paragraph break before the limit, else a line break, else a sentence's end (a
    paragraph without either is cut at the limit)."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for pattern in (_PARAGRAPH, _LINE, _SENTENCE):
            found = [m.end() for m in pattern.finditer(text, start + size // 2, end)]
            if found:
                cut = found[-1]
                break
        cut = cut or end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def from_doc(article: Article, doc) -> Extraction:
    sentences, sentence_of, spans, inner, entity_of, entities = _names(article, doc)
    # a name the tagger took for a place or organisation that joined a person is the person's
    # (a given name, a hyphenated surname), and one it took for a place that joined an
    # organisation the organisation's ("Houthi" of the "Houthi movement"): its mention says so,
    # for the graph's type vote
    mentions = tuple(Mention(start=e.start_char, end=e.end_char, text=e.text,
                             type=_mention_type(e.label_, entities[entity_of[i]].type),
                             sentence=sentence_of[e.start], entity=entity_of[i])
                     for i, e in sorted(enumerate(spans + inner), key=lambda x: (x[1].start, x[1].end)))
    found: list[Relation] = relations.extract(doc, spans, entity_of, entities, sentence_of)
    return Extraction(article=article, sentences=tuple(sentences), mentions=mentions,
                      entities=tuple(entities), relations=tuple(found))


def relation_pairs(article: Article, doc) -> tuple[list, list]:
    """The article's entities and the pairs of names the relation model weighs, with their
    features, as the patterns alone leave them (for `kg train --relations`)."""
    _, sentence_of, spans, _, entity_of, entities = _names(article, doc)
    return entities, relations.pairs(doc, spans, entity_of, entities, sentence_of)


def _names(article: Article, doc) -> tuple:
    """Sentences, the token → sentence map, the name spans, the names nested in them
    (`modifier_places`: mentions, but no part of the relation patterns' input), and the
    entities they all resolve to (the spans' first in `entity_of`)."""
    sentences: list[Sentence] = []
    sentence_of: dict[int, int] = {}
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        start = sent.start_char + lead
        sentences.append(Sentence(start=start, end=start + len(text), text=text))
        for tok in sent:
            sentence_of[tok.i] = len(sentences) - 1
    spans = [e for e in doc.ents if e.start in sentence_of]
    hints = {start: label for (start, _), label in doc.user_data.get(HINTS, {}).items()}
    inner = modifier_places(spans)
    entity_of, entities = local_entities.cluster([(e.text, e.label_, e.start_char) for e in spans + inner],
                                                 article.text, hints)
    return sentences, sentence_of, spans, inner, entity_of, entities


def _mention_type(label: str, entity_type: str) -> str:
    if entity_type == "PERSON" and label in ("PLACE", "ORG") or entity_type == "ORG" and label == "PLACE" \
            or entity_type == "EVENT" and label == "PERSON":  # ("Dorian" of "Hurricane Dorian")
        return entity_type
    return label
