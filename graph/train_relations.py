"""Trains the relation model of graph/extract/relations/learned.py from gold articles.

Each pair of names the model would weigh is labelled by the gold of its article: the pair's
two entities are the gold entities sharing a form with them, and the pair is a positive of a
predicate when the gold states that relation between them (distant labels: a pair of names in
a sentence that does not state it is labelled positive too; the model learns which contexts
usually do). One L2-regularised logistic regression per predicate (scikit-learn, at training
time only); the weights are written as JSON and applied in plain Python.

`cross_validate` gives the figures to judge the model by: articles split into folds, each
fold's relations decided by a model trained on the others, scored against the fold's gold."""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import ingest
from .extract import Extractor, relation_pairs
from .extract.relations import learned
from .extract.relations.learned import MODEL_FILE, PREDICATES
from .names import normal
from .records import Article

DEFAULT_GOLD = [Path(__file__).resolve().parent.parent / "tests" / "validation" / "tune"]


@dataclass(frozen=True)
class Example:
    article: str
    predicate: str
    subject: str  # gold entity id, or "" when the name matches no gold entity
    object: str
    features: tuple[str, ...]
    label: bool


class PartError(ValueError):
    """A validation part that cannot be trained on, with what is wrong in it."""


def read_part(folder: Path) -> tuple[list[Article], dict[str, dict]]:
    """A validation part: its articles (articles.jsonl) and gold by article id (gold/*.json);
    PartError when either is missing or an article has no gold."""
    if not (folder / "articles.jsonl").is_file():
        raise PartError(f"{folder}: no articles.jsonl (a validation part holds articles.jsonl and gold/)")
    articles = [a for a in ingest.read([folder / "articles.jsonl"]) if isinstance(a, Article)]
    gold = {}
    for f in sorted((folder / "gold").glob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
            gold[doc["document"]] = doc
        except (ValueError, KeyError, TypeError) as e:
            raise PartError(f"{f}: not a gold file of the guidelines' format ({type(e).__name__}: {e})") from None
    without = [a.id for a in articles if a.id not in gold]
    if not articles or without:
        raise PartError(f"{folder}: " + ("no articles" if not articles else
                                         f"no gold file for {len(without)} article(s), e.g. {without[0]}"))
    return articles, gold


def examples(articles: list[Article], gold: dict[str, dict], model: str | None = None) -> list[Example]:
    extractor = Extractor(model)
    out: list[Example] = []
    for article in articles:
        doc = extractor.nlp(article.text)
        entities, pairs = relation_pairs(article, doc)
        out += label(article.id, entities, pairs, gold[article.id])
    return out


def label(article: str, entities, pairs, gold: dict) -> list[Example]:
    ids = gold_ids(entities, gold)
    stated = {(r["subject"], r["predicate"], r.get("object")) for r in gold["relations"]}
    return [Example(article, p, ids.get(s, ""), ids.get(o, ""), features,
                    (ids.get(s), p, ids.get(o)) in stated)
            for p, s, o, features in pairs]


def gold_ids(entities, gold: dict) -> dict[int, str]:
    """Local entity index → the id of the gold entity one of its forms names."""
    by_form = {}
    for e in gold["entities"]:
        for form in [e["label"], *e.get("aliases", [])]:
            by_form.setdefault(normal(form), e["id"])
    out = {}
    for i, entity in enumerate(entities):
        for form in (entity.label, *entity.forms):
            if normal(form) in by_form:
                out[i] = by_form[normal(form)]
                break
    return out


def fit(train: list[Example], c: float = 0.3, threshold: float = 0.5, min_count: int = 2) -> dict:
    """The model's JSON: per predicate, the weights of the features seen at least `min_count`
    times in training, the bias and the decision threshold."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    weights, bias, thresholds = {}, {}, {}
    for predicate in PREDICATES:
        rows = [e for e in train if e.predicate == predicate]
        counts: dict[str, int] = defaultdict(int)
        for e in rows:
            for f in set(e.features):
                counts[f] += 1
        kept = [{f: 1 for f in e.features if counts[f] >= min_count} for e in rows]
        labels = [e.label for e in rows]
        thresholds[predicate] = threshold
        if not rows or len(set(labels)) < 2:
            weights[predicate], bias[predicate] = {}, -10.0
            continue
        vec = DictVectorizer()
        x = vec.fit_transform(kept)
        clf = LogisticRegression(C=c, max_iter=2000, class_weight=None)
        clf.fit(x, labels)
        weights[predicate] = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
                              if abs(w) >= 1e-4}
        bias[predicate] = round(float(clf.intercept_[0]), 4)
    return {"weights": weights, "bias": bias, "threshold": thresholds}


def cross_validate(parts: list[Path] = DEFAULT_GOLD, k: int = 5, model: str | None = None, log=print,
                   **options) -> dict:
    """Relation P/R/F1 of the patterns alone and of the patterns with a learned model, each
    article's relations decided by a model trained on the other folds' articles. Scored per
    article, an entity being the gold entity that shares a form with it (as the labels are made);
    the learned predicates only (title and childOf are the patterns' in both)."""
    rows, every = article_rows(parts, Extractor(model))
    fold_of = {a: i for i, fold in enumerate(folds([r[0] for r in rows], k)) for a in fold}
    models = {}
    for i in range(k):
        data = fit([e for e in every if fold_of[e.article] != i], **options)
        models[i] = learned.Model(data["weights"], data["bias"], data["threshold"])
    patterns, with_model = [0, 0, 0], [0, 0, 0]
    for article, ids, rules, pairs, stated in rows:
        best: dict[tuple, float] = {}
        for p, s, o, features in pairs:
            best[(s, p, o)] = max(best.get((s, p, o), 0.0), models[fold_of[article]].probability(p, features))
        decided = rules | {key for key, v in best.items()
                                                         if v >= models[fold_of[article]].threshold[key[1]]}
        for found, counts in ((rules, patterns), (decided, with_model)):
            mapped = {(ids.get(s, s), p, ids.get(o, o)) for s, p, o in found}
            counts[0] += len(mapped & stated)
            counts[1] += len(mapped)
            counts[2] += len(stated)
    out = {"articles": len(rows), "folds": k, "patterns": _prf(*patterns), "patterns+model": _prf(*with_model)}
    log(json.dumps(out))
    return out


def article_rows(parts: list[Path], extractor) -> tuple[list[tuple], list[Example]]:
    """Per article of the parts: (id, local entity → gold id, the patterns' relations, the pairs
    the model would weigh, the gold's relations), all of the learned predicates; and the pairs
    as labelled examples."""
    rows, every = [], []
    for part in parts:
        articles, gold = read_part(part)
        for article in articles:
            finder = _finder(extractor, article)
            ids = gold_ids(finder.entities, gold[article.id])
            pairs = [(p, finder.entity_of[x.subject], finder.entity_of[x.object], x.features)
                     for p, x in learned.pairs(finder)]
            rules = {(r.subject, r.predicate, r.object) for r in finder.found.values() if r.predicate in PREDICATES}
            stated = {(r["subject"], r["predicate"], r.get("object")) for r in gold[article.id]["relations"]
                      if r["predicate"] in PREDICATES}
            rows.append((article.id, ids, rules, pairs, stated))
            every += label(article.id, finder.entities, pairs, gold[article.id])
    return rows, every


def _finder(extractor, article: Article):
    from .extract import _names
    from .extract.relations.finder import Finder

    doc = extractor.nlp(article.text)
    _, sentence_of, spans, _, entity_of, entities = _names(article, doc)
    finder = Finder(doc, spans, entity_of, entities, sentence_of)
    finder.run(None)
    return finder


def _prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p, r = tp / n_sys if n_sys else 0.0, tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def folds(articles: list[str], k: int, seed: int = 20261205) -> list[set[str]]:
    order = sorted(articles)
    random.Random(seed).shuffle(order)
    return [set(order[i::k]) for i in range(k)]


def train(parts: list[Path] = DEFAULT_GOLD, output: Path = MODEL_FILE, model: str | None = None,
          log=print, **options) -> dict:
    every: list[Example] = []
    for part in parts:
        articles, gold = read_part(part)
        every += examples(articles, gold, model)
        log(f"{part}: {len(articles)} articles")
    data = fit(every, **options)
    data["trained_on"] = [str(p.name) for p in parts]
    data["examples"] = {p: {"pairs": sum(e.predicate == p for e in every),
                            "positive": sum(e.predicate == p and e.label for e in every)} for p in PREDICATES}
    output.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log(f"relation model written to {output}")
    return data


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Train the relation model, or cross-validate it against the patterns.")
    parser.add_argument("parts", nargs="*", type=Path, default=DEFAULT_GOLD,
                        help="validation parts (folders with articles.jsonl and gold/)")
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("-C", type=float, default=1.0, dest="c")
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    if args.cross_validate:
        cross_validate(args.parts, c=args.c, threshold=args.threshold)
    else:
        train(args.parts, c=args.c, threshold=args.threshold)
