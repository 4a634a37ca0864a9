"""N articles' worth of realistic extractions without the NLP, for the scale benchmark.

Each article is made from its number alone (the same number gives the same article, text and
extraction), at the rates of the Wikinews corpus' real build (`RATES`, measured by
`measure_rates` on a `kg build` of ../shared/data/news): sentences, mentions, entities and their
forms, relations (titles among them) and the share of each entity type. Entity names are drawn
from pools of a million names per type with a Zipf distribution, so a few names are in every
other article and the number of distinct entities keeps growing with N, as in real news. The
text holds every mention at its offsets, so the build stores, serves and exports real articles.
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import replace
from datetime import date, timedelta
from collections.abc import Iterable, Iterator

from newskg.graph.records import Article, Extraction, LocalEntity, Mention, Relation, Sentence

# Measured on the 291 Wikinews articles (`measure_rates`, 2026-12-05): per article, and shares.
RATES = {"chars": 4017, "sentences": 25.9, "mentions": 44.9, "entities": 19.5, "relations": 6.9,
         "title_relations": 3.8, "forms_per_entity": 1.18,
         "types": {"PERSON": 0.368, "PLACE": 0.292, "ORG": 0.258, "GROUP": 0.066, "EVENT": 0.017}}
POOL = 1_000_000  # names per type
ZIPF = 1.1  # the exponent of the names' distribution
FILLER = ("the said on that a of in to and with was for after its by had officials government new report "
          "week talks meeting statement people city country security police forces plan vote court "
          "election minister spokesperson agreement rights public health economy border aid workers "
          "protest leaders held called told reporters announced deal support crisis region local").split()
TITLES = ("minister", "president", "spokesperson", "leader", "mayor", "governor", "chairman", "senator",
          "ambassador", "commander", "director", "secretary", "chief executive", "prime minister")
RELATIONS = {("PERSON", "ORG"): ("leads", "memberOf"), ("PERSON", "PLACE"): ("leads",),
             ("PLACE", "PLACE"): ("locatedIn",), ("ORG", "PLACE"): ("locatedIn",), ("ORG", "ORG"): ("opposes",),
             ("PERSON", "PERSON"): ("opposes", "childOf"), ("PERSON", "EVENT"): ("participatedIn",),
             ("ORG", "EVENT"): ("participatedIn",)}


def measure_rates(store) -> dict:
    """The rates of a store built from real news (what `RATES` holds, measured again)."""
    one = lambda q: store.select(q, union=False)[0]["n"]  # noqa: E731
    count = lambda cls: one(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?x a nkg:{cls} }} }}")  # noqa: E731
    n = count("Article")
    mentions = count("Mention")
    types = {r["t"].rsplit("#", 1)[1]: r["n"] for r in store.select(
        "SELECT ?t (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m nkg:mentionType ?t } } GROUP BY ?t", union=False)}
    named = {"Person": "PERSON", "Place": "PLACE", "Organization": "ORG", "Group": "GROUP", "Event": "EVENT"}
    return {"chars": one("SELECT (SUM(STRLEN(?t)) AS ?n) WHERE { GRAPH ?g { ?g nkg:text ?t } }") / n,
            "sentences": count("Sentence") / n, "mentions": mentions / n, "entities": count("Resolution") / n,
            "relations": count("Statement") / n,
            "title_relations": one("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s rdf:predicate nkg:title } }") / n,
            "forms_per_entity": one("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r nkg:form ?f } }")
            / count("Resolution"),
            "types": {named[k]: v / mentions for k, v in types.items() if k in named}}


class Names:
    """The name of each (type, rank): stable, readable, and as varied as news names are."""

    def __init__(self):
        import faker.providers.address.en_US as address
        import faker.providers.person.en_US as person

        self.given = sorted(set(person.Provider.first_names))
        self.family = sorted(set(person.Provider.last_names))
        self.prefixes = address.Provider.city_prefixes
        self.suffixes = address.Provider.city_suffixes

    def __call__(self, kind: str, rank: int) -> str:
        r = random.Random(f"{kind}:{rank}")
        family = r.choice(self.family)
        if kind == "PERSON":
            return f"{r.choice(self.given)} {family}"
        if kind == "PLACE":
            return f"{family}{r.choice(self.suffixes)}" if r.random() < 0.6 else f"{r.choice(self.prefixes)} {family}"
        if kind == "ORG":
            return f"{family} {r.choice(('Party', 'Front', 'Council', 'Institute', 'Agency', 'Bank', 'Union', 'Movement', 'Foundation', 'Army'))}"
        if kind == "EVENT":
            return f"{2000 + r.randrange(30)} {family} {r.choice(('Summit', 'Conference', 'Games', 'Accord'))}"
        return f"{family}ians"


class Generator:
    def __init__(self, count: int, seed: int = 0, rates: dict | None = None):
        self.count = count
        self.seed = seed
        self.rates = rates or RATES
        self.names = Names()
        # ranks by the inverse of the Zipf CDF over a pool (a table, then a bisection per draw)
        self.cdf = _zipf_cdf(POOL, ZIPF)

    def records(self) -> Iterator[dict]:
        for i in range(self.count):
            yield self._article(i)[0]

    def write(self, path) -> int:
        """The JSON Lines file of the N articles; the bytes of their texts."""
        size = 0
        with open(path, "w", encoding="utf-8") as f:
            for record in self.records():
                size += len(record["text"].encode("utf-8"))
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return size

    def extractions(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """What the NLP would say of each article read back from the file (kg build's `extractions`)."""
        for article in articles:
            _, ext = self._article(int(article.id.rsplit("-", 1)[1]))
            assert ext.article.text == article.text, article.id
            yield replace(ext, article=article)

    def _rank(self, r: random.Random) -> int:
        import bisect

        return bisect.bisect_left(self.cdf, r.random())

    def _article(self, i: int) -> tuple[dict, Extraction]:
        r = random.Random(self.seed * 1_000_003 + i)
        rates = self.rates
        kinds, weights = zip(*rates["types"].items())
        n_entities = max(2, round(r.gauss(rates["entities"], rates["entities"] / 3)))
        entities: list[LocalEntity] = []
        seen = set()
        while len(entities) < n_entities:
            kind = r.choices(kinds, weights)[0]
            label = self.names(kind, self._rank(r))
            if label in seen:
                continue
            seen.add(label)
            forms = (label,)
            if kind == "PERSON" and r.random() < (rates["forms_per_entity"] - 1) * 2:
                forms = (label, label.split()[-1])
            entities.append(LocalEntity(label, kind, forms))
        n_sentences = max(3, round(r.gauss(rates["sentences"], rates["sentences"] / 3)))
        n_mentions = max(n_entities, round(rates["mentions"] * n_entities / rates["entities"]))
        # every entity once, the rest to the article's main entities (the first ones) more often
        who = list(range(n_entities)) + [min(int(r.paretovariate(1.2)) - 1, n_entities - 1)
                                         for _ in range(n_mentions - n_entities)]
        r.shuffle(who)
        where = sorted(r.randrange(n_sentences) for _ in who)
        by_sentence: dict[int, list[int]] = {}
        for e, s in zip(who, where):
            by_sentence.setdefault(s, []).append(e)
        words_per_sentence = max(4, round((rates["chars"] / n_sentences - 14 * n_mentions / n_sentences) / 7))
        text, sentences, mentions = "", [], []
        seen_entity = set()
        for s in range(n_sentences):
            start = len(text)
            parts = [r.choice(FILLER) for _ in range(r.randint(words_per_sentence // 2, words_per_sentence * 3 // 2))]
            spots = sorted(r.randrange(len(parts) + 1) for _ in by_sentence.get(s, ()))
            pieces, placed = [], 0
            for k, word in enumerate(parts + [None]):
                while placed < len(spots) and spots[placed] == k:
                    e = by_sentence[s][placed]
                    ent = entities[e]
                    form = ent.forms[-1] if e in seen_entity and len(ent.forms) > 1 else ent.label
                    seen_entity.add(e)
                    pieces.append((e, form))
                    placed += 1
                if word is not None:
                    pieces.append((None, word))
            sentence = ""
            for e, piece in pieces:
                at = len(text) + len(sentence) + (1 if sentence else 0)
                sentence += (" " if sentence else "") + piece
                if e is not None:
                    mentions.append(Mention(at, at + len(piece), piece, entities[e].type, s, e))
            sentence = sentence[:1].upper() + sentence[1:] + "."
            text += sentence
            sentences.append(Sentence(start, len(text), sentence))
            text += "\n" if s == 0 else " "
        text = text.rstrip()
        relations = self._relations(r, entities, sentences, mentions)
        title = sentences[0].text
        day = date(2025, 1, 1) + timedelta(days=i * 365 // max(self.count, 1))
        record = {"id": f"synthetic-{i:07d}", "title": title, "published": day.isoformat(), "text": text}
        article = Article(id=record["id"], text=text, source="synthetic", title=title, published=record["published"])
        return record, Extraction(article, tuple(sentences), tuple(mentions), tuple(entities), tuple(relations))

    def _relations(self, r, entities, sentences, mentions) -> list[Relation]:
        rates = self.rates
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out = []
        people = [m for m in mentions if m.type == "PERSON"]
        for _ in range(_count(r, rates["title_relations"])):
            if people:
                m = r.choice(people)
                s = sentences[m.sentence]
                out.append(Relation(m.entity, "title", None, r.choice(TITLES), m.sentence, s.start, s.end,
                                    "synthetic-title", 0.8))
        pairs = [(a, b) for ms in by_sentence.values() for a in ms for b in ms
                 if a.entity != b.entity and (a.type, b.type) in RELATIONS]
        for _ in range(_count(r, rates["relations"] - rates["title_relations"])):
            if pairs:
                a, b = r.choice(pairs)
                s = sentences[a.sentence]
                out.append(Relation(a.entity, r.choice(RELATIONS[(a.type, b.type)]), b.entity, None, a.sentence,
                                    s.start, s.end, "synthetic", 0.7))
        return out


def _count(r: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's: the means here are small)."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= r.random()
        if p <= limit:
            return k
        k += 1


def _zipf_cdf(n: int, s: float) -> list[float]:
    import numpy as np

    weights = 1.0 / np.arange(1, n + 1) ** s
    cdf = np.cumsum(weights)
    return (cdf / cdf[-1]).tolist()
