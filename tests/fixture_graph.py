"""A small store made from hand-written extractions (tests/fixtures/graph/extractions.json), for
the tests of what is downstream of extraction — lookups, the API, exports, Linked Data — so
that they test those and not what the model happens to find.

The store is built as `kg build` builds one (ingest, resolution across articles, RDF, the
store), with the model's place taken by `HandWritten`, which answers each article with the
extraction written for it. What the file says — the entities, how often each is mentioned,
the relations — is read back by `World`, so tests compare the store with the file instead of
with numbers copied from it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newskg.graph.pipeline import build
from newskg.graph.records import Article, Extraction, LocalEntity, Mention, Relation, Sentence
from newskg.graph.store import Store

EXTRACTIONS = Path(__file__).resolve().parent / "fixtures" / "graph" / "extractions.json"
MARK = re.compile(r"\[([^\]]+)\]\((\w+)\)")
METHOD = "hand-written"


def plain(sentence: str) -> str:
    """A sentence without its mention marks."""
    return MARK.sub(r"\1", sentence)


class HandWritten:
    """An extractor that answers each article with its hand-written extraction."""

    def __init__(self, articles: list[dict]):
        self.articles = {a["id"]: a for a in articles}

    def extract(self, batch: list[Article]) -> list[Extraction]:
        return [self.extraction(article) for article in batch]

    def extraction(self, article: Article) -> Extraction:
        written = self.articles[article.id]
        keys = list(written["entities"])
        forms: dict[str, list[str]] = {k: [label] for k, (label, _) in written["entities"].items()}
        sentences, mentions = [], []
        at = 0
        for n, marked in enumerate(written["sentences"]):
            text = plain(marked)
            start = article.text.index(text, at)  # the text as read, headline and all
            sentences.append(Sentence(start, start + len(text), text))
            at = start + len(text)
            shift = 0  # characters of marks before the mention
            for m in MARK.finditer(marked):
                form, key = m.group(1), m.group(2)
                begin = start + m.start() - shift
                mentions.append(Mention(begin, begin + len(form), form, written["entities"][key][1], n,
                                        keys.index(key)))
                shift += len(m.group()) - len(form)
                if form not in forms[key]:
                    forms[key].append(form)
        entities = [LocalEntity(label, kind, tuple(forms[k])) for k, (label, kind) in written["entities"].items()]
        relations = []
        for subject, predicate, obj, n in written["relations"]:
            title = predicate == "title"
            relations.append(Relation(keys.index(subject), predicate, None if title else keys.index(obj),
                                      obj if title else None, n, sentences[n].start, sentences[n].end, METHOD, 1.0))
        return Extraction(article, tuple(sentences), tuple(mentions), tuple(entities), tuple(relations))


@dataclass
class World:
    """What the hand-written file says, to compare the store with."""
    articles: list[dict]

    @classmethod
    def read(cls, path: Path = EXTRACTIONS) -> World:
        return cls(json.loads(path.read_text(encoding="utf-8"))["articles"])

    def article(self, article_id: str) -> dict:
        return next(a for a in self.articles if a["id"] == article_id)

    def mentions(self) -> Counter:
        """Label → mentions in all articles."""
        out: Counter = Counter()
        for a in self.articles:
            for sentence in a["sentences"]:
                out.update(a["entities"][key][0] for _, key in MARK.findall(sentence))
        return out

    def labels(self) -> set[str]:
        return {label for a in self.articles for label, _ in a["entities"].values()}

    def text(self, article_id: str) -> str:
        """The article's text as the JSON Lines file given to the build holds it."""
        return "\n".join(plain(s) for s in self.article(article_id)["sentences"])

    def write_articles(self, path: Path) -> Path:
        """The articles as JSON Lines, as `kg build` reads them (text and metadata, no marks)."""
        fields = ("id", "title", "published", "url", "author")
        with open(path, "w", encoding="utf-8") as f:
            for a in self.articles:
                record = {k: a[k] for k in fields if k in a} | {"text": self.text(a["id"])}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path


def build_store(folder: Path, world: World | None = None) -> Path:
    """The store of the hand-written world, built in `folder` (the store is folder/kg)."""
    world = world or World.read()
    articles = world.write_articles(folder / "articles.jsonl")
    with Store(folder / "kg", write=True) as store:
        report = build([articles], store, extractor=HandWritten(world.articles))
    assert report.built == len(world.articles) and not report.skipped, report.as_dict()
    return folder / "kg"
