"""The plain records that flow between stages: documents → mentions → entities and relations.

Nothing here knows about spaCy, RDF or the store. Offsets are character offsets into
`Article.text`; sentence and entity references are indices into the lists of the same
`Extraction`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "EVENT", "GROUP")
RELATION_PREDICATES = ("leads", "memberOf", "title", "childOf", "locatedIn", "opposes", "participatedIn")


@dataclass(frozen=True)
class Article:
    """One news article as read from disk; `text` starts with the headline when there is one."""
    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, when the source gives one
    author: str | None = None  # the byline, as the source writes it

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        # the author only when there is one, so that the hashes of articles stored before
        # authors were read stay the same
        for part in (self.title or "", self.text, self.url or "", self.published or "",
                     *((self.author,) if self.author else ())):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES, as recognised at this mention
    sentence: int
    entity: int  # index into Extraction.entities


@dataclass(frozen=True)
class LocalEntity:
    """All mentions of one thing within one article (within-document resolution)."""
    label: str  # the fullest proper name used in the article
    type: str
    forms: tuple[str, ...]  # every surface form, label included
    # why each form other than the founding one joined the entity: (form, reason), for `kg explain`
    reasons: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Relation:
    subject: int  # index into Extraction.entities
    predicate: str  # one of RELATION_PREDICATES
    object: int | None  # index into Extraction.entities, or None for `title`
    value: str | None  # the title text for `title`
    sentence: int
    start: int  # evidence span in Article.text
    end: int
    method: str  # which pattern produced it, e.g. "appos-role-of"
    confidence: float


@dataclass(frozen=True)
class Extraction:
    """What one article says: its sentences, mentions, entities and relations."""
    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    entities: tuple[LocalEntity, ...]
    relations: tuple[Relation, ...]

    def comentions(self) -> dict[tuple[int, int], int]:
        """Pairs of local entities mentioned in the same sentence → number of such sentences."""
        by_sentence: dict[int, set[int]] = {}
        for m in self.mentions:
            by_sentence.setdefault(m.sentence, set()).add(m.entity)
        counts: dict[tuple[int, int], int] = {}
        for ents in by_sentence.values():
            ordered = sorted(ents)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
        return counts

