"""Article → Extraction: sentences, entity mentions, entities within the article, relations.

The only part of newskg that imports spaCy (with `graph.train`); everything downstream
sees the plain records of `graph.records`.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..records import Article, Extraction, Mention, Relation, Sentence
from . import aliases, relations
from .entities import HINTS
from .pipeline import ModelError, load, model_name

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
            for article, doc in zip(batch, self.nlp.pipe((a.text for a in batch), batch_size=len(batch))):
                yield from_doc(article, doc)

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
        return from_doc(article, self.nlp(article.text))


def from_doc(article: Article, doc) -> Extraction:
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
    entity_of, entities = aliases.cluster([(e.text, e.label_, e.start_char) for e in spans], article.text, hints)
    # a name the tagger took for a place or organisation that joined a person is the person's
    # (a given name, a hyphenated surname): its mention says so, for the graph's type vote
    mentions = tuple(Mention(start=e.start_char, end=e.end_char, text=e.text,
                             type="PERSON" if entities[entity_of[i]].type == "PERSON" and e.label_ in ("PLACE", "ORG")
                             else e.label_,
                             sentence=sentence_of[e.start], entity=entity_of[i]) for i, e in enumerate(spans))
    found: list[Relation] = relations.extract(doc, spans, entity_of, entities, sentence_of)
    return Extraction(article=article, sentences=tuple(sentences), mentions=mentions,
                      entities=tuple(entities), relations=tuple(found))
