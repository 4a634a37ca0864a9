"""A learned decision over the pairs of names a sentence holds.

The patterns see a fixed window; "X, who has chaired the party's finance committee since 2010,
..." or "Y's deputy leader X" are stated in more ways than a table can list. For each ordered
pair of names in a sentence whose types allow a predicate, a logistic model per predicate
weighs what lies between them and around them (words, word classes, the dependency path, the
patterns that fired) and gives the pair a probability. An entity pair's probability is the
highest over the sentences that name both; above the predicate's threshold it is a relation,
with the sentence of that highest pair as its evidence.

The model is a JSON file of feature weights (graph/model/relations.json, rebuilt by `kg train
--relations` from the validation corpus' tune part, graph/train_relations.py); applying it is
plain Python. It adds to what the patterns state; it does not overrule them.

Measured on the validation corpus' tune part (55 articles, 5-fold cross-validation by article,
`kg train --relations tests/validation/tune --cross-validate`, scikit-learn from newskg[train]), the
model does not beat the patterns alone: F1 0.783 for the patterns (P 0.931 R 0.676 on the learned
predicates), 0.781-0.787 with a model over thresholds 0.6-0.9 and C 0.3-3. Most relations the
patterns miss have a name the recogniser missed or are stated across sentences, and a
sentence-pair model sees neither. So newskg ships no relation model; set KG_RELATION_MODEL to a
model trained on your own gold to use one."""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from ... import lexicon as L

MODEL_FILE = Path(__file__).resolve().parents[2] / "model" / "relations.json"
PREDICATES = ("leads", "memberOf", "locatedIn", "opposes", "participatedIn")
TYPES = {  # the (subject, object) types each predicate allows, as the guidelines say
    "leads": ({"PERSON"}, {"ORG", "PLACE"}),
    "memberOf": ({"PERSON"}, {"ORG"}),
    "locatedIn": ({"PLACE", "ORG", "EVENT"}, {"PLACE"}),
    "opposes": ({"PERSON", "ORG"}, {"PERSON", "ORG"}),
    "participatedIn": ({"PERSON", "ORG"}, {"EVENT"}),
}
MAX_TOKENS_APART = 40  # farther apart in one sentence, two names are almost never related
MAX_BETWEEN_WORDS = 12  # the words between two names, one feature each, up to this many
MAX_PATH = 7  # dependency paths longer than this are one feature, "long"


@dataclass(frozen=True)
class Pair:
    subject: int  # mention indices
    object: int
    sentence: int
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    weights: dict[str, dict[str, float]]  # predicate → feature → weight
    bias: dict[str, float]
    threshold: dict[str, float]

    @classmethod
    def load(cls, path: Path) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["threshold"])

    def probability(self, predicate: str, features: tuple[str, ...]) -> float:
        w = self.weights[predicate]
        z = self.bias[predicate] + sum(w.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_loaded: dict[str, Model | None] = {}


def default_model() -> Model | None:
    """The model named by KG_RELATION_MODEL ("none" for patterns alone), else the shipped one."""
    name = os.environ.get("KG_RELATION_MODEL") or str(MODEL_FILE)
    if name not in _loaded:
        path = Path(name)
        _loaded[name] = Model.load(path) if name != "none" and path.is_file() else None
    return _loaded[name]


def pairs(finder) -> list[tuple[str, Pair]]:
    """(predicate, pair) for every ordered pair of names of one sentence that the predicate's
    types allow, with the pair's features."""
    by_sentence: dict[int, list[int]] = {}
    for m, span in enumerate(finder.spans):
        by_sentence.setdefault(finder.sentence_of[span.start], []).append(m)
    hits = _pattern_hits(finder)
    out = []
    for sentence, mentions in by_sentence.items():
        for a in mentions:
            for b in mentions:
                if finder.entity_of[a] == finder.entity_of[b]:
                    continue
                if abs(finder.spans[a].start - finder.spans[b].start) > MAX_TOKENS_APART:
                    continue
                allowed = [p for p in PREDICATES
                           if finder.type_of(a) in TYPES[p][0] and finder.type_of(b) in TYPES[p][1]]
                if not allowed:
                    continue
                shared = features(finder, a, b, mentions)
                for p in allowed:
                    own = _hit_features(hits, finder, a, p, b, sentence)
                    out.append((p, Pair(a, b, sentence, shared + own)))
    return out


def features(finder, a: int, b: int, mentions: list[int]) -> tuple[str, ...]:
    """What a classifier may know of the pair (a, b): types, order, distance, the words and names
    between, the words around, the dependency path, roles beside the subject."""
    doc, spans = finder.doc, finder.spans
    sa, sb = spans[a], spans[b]
    forward = sa.start < sb.start
    left, right = (sa, sb) if forward else (sb, sa)
    d = "f" if forward else "b"
    f = [f"types={finder.type_of(a)}>{finder.type_of(b)}", f"order={d}"]
    gap = right.start - left.end
    f.append(f"gap={_bucket(gap)}")
    between_names = [m for m in mentions if left.end <= spans[m].start and spans[m].end <= right.start]
    f.append(f"names_between={min(len(between_names), 3)}")
    inside = {i for m in between_names for i in range(spans[m].start, spans[m].end)}
    words = []
    for tok in doc[left.end:right.start]:
        if tok.is_space:
            continue
        words.append(f"T:{finder.type_of(finder.mention_at[tok.i])}" if tok.i in inside else _word(tok))
    words = _squeeze(words)
    if len(words) <= MAX_BETWEEN_WORDS:
        f += [f"{d}:bw={w}" for w in words]
        f.append(f"{d}:between=" + " ".join(words))
        if len(words) <= 3:
            f += [f"{d}:bw_first={words[0] if words else '-'}", f"{d}:bw_last={words[-1] if words else '-'}"]
    else:
        f.append("between=long")
    f.append(f"before={_word(doc[left.start - 1]) if left.start > 0 else '^'}")
    f.append(f"after={_word(doc[right.end]) if right.end < len(doc) else '$'}")
    f.append(f"before_subject={_word(doc[sa.start - 1]) if sa.start > 0 else '^'}")
    f.append(f"after_object={_word(doc[sb.end]) if sb.end < len(doc) else '$'}")
    f += _roles_near(doc, sa, "s")
    f += _roles_near(doc, sb, "o")
    f += _path(sa.root, sb.root)
    if finder.type_of(a) == "PLACE" and finder.type_of(b) == "PLACE" and finder._contains(b, a):
        f.append("gazetteer_contains")
    return tuple(f)


def _word(tok) -> str:
    low = tok.lower_
    if tok.is_punct:
        return low
    kind = L.role_kind(low)
    if kind:
        return f"ROLE_{kind}"
    if tok.like_num:
        return "NUM"
    return tok.lemma_.lower() if tok.pos_ in ("VERB", "AUX") else low


def _squeeze(words: list[str]) -> list[str]:
    """Runs of one name type are one word: a list of names counts as a list, not its length."""
    out: list[str] = []
    for w in words:
        if not (out and w.startswith("T:") and out[-1] == w):
            out.append(w)
    return out


def _roles_near(doc, span, side: str) -> list[str]:
    out = []
    for tok in list(doc[max(span.start - 3, 0):span.start]) + list(doc[span.end:span.end + 3]):
        kind = L.role_kind(tok.lower_)
        if kind:
            out += [f"{side}_role={kind}", f"{side}_role_word={tok.lower_}"]
    return out


def _path(x, y) -> list[str]:
    """The dependency path between two names' heads: the labels up from x to where they meet,
    that word, the labels down to y."""
    up_x = [x] + list(x.ancestors)
    up_y = [y] + list(y.ancestors)
    common = next((t for t in up_x if t in up_y), None)
    if common is None:
        return ["path=none"]
    left = up_x[:up_x.index(common)]
    right = up_y[:up_y.index(common)]
    if len(left) + len(right) > MAX_PATH:
        return ["path=long"]
    top = common.lemma_.lower() if common not in (x, y) else "*"
    labels = [f"{t.dep_}^" for t in left] + [top] + [f"v{t.dep_}" for t in reversed(right)]
    return ["path=" + " ".join(labels), "path_top=" + top,
            "path_labels=" + " ".join(lab for lab in labels if lab != top)]


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def _pattern_hits(finder) -> dict[tuple, list[str]]:
    """(subject entity, predicate, object entity, sentence) → the rules that stated it."""
    out: dict[tuple, list[str]] = {}
    for r in finder.found.values():
        if r.object is not None:
            out.setdefault((r.subject, r.predicate, r.object, r.sentence), []).append(r.method)
    return out


def _hit_features(hits, finder, a: int, predicate: str, b: int, sentence: int) -> tuple[str, ...]:
    s, o = finder.entity_of[a], finder.entity_of[b]
    f = []
    for method in hits.get((s, predicate, o, sentence), ()):
        f += ["rule", f"rule={method}"]
    for p in PREDICATES:
        if p != predicate and (s, p, o, sentence) in hits:
            f.append(f"other_rule={p}")
        if (o, p, s, sentence) in hits:
            f.append(f"inverse_rule={p}")
    return tuple(f)


def decide(finder, model: Model) -> None:
    """Add to the patterns' facts those the model finds: an entity pair whose surest pair of names
    in some sentence clears the predicate's threshold. (Letting the model also overrule the
    patterns lost more than it gained on the validation corpus: see train_relations.py.)"""
    best: dict[tuple, tuple[float, Pair]] = {}
    for predicate, pair in pairs(finder):
        p = model.probability(predicate, pair.features)
        key = (finder.entity_of[pair.subject], predicate, finder.entity_of[pair.object])
        if key not in best or best[key][0] < p:
            best[key] = (p, pair)
    for (_, predicate, _), (p, pair) in best.items():
        if p >= model.threshold[predicate]:
            first = min(finder.spans[pair.subject].start, finder.spans[pair.object].start)
            last = max(finder.spans[pair.subject].end, finder.spans[pair.object].end) - 1
            finder.add(pair.subject, predicate, pair.object, None, first, last, "learned", round(p, 3))
