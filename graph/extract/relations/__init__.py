"""Relations a sentence (or an article) states between the entities it mentions
(GUIDELINES.md, "Relations"): patterns over the sentence's words and names (rules.py), the
verbs of its parse (verbs.py), and what the article as a whole settles (document.py)."""
from __future__ import annotations

from . import learned
from .finder import Finder


def extract(doc, spans, entity_of, entities, sentence_of):
    return Finder(doc, spans, entity_of, entities, sentence_of).run(learned.default_model())


def pairs(doc, spans, entity_of, entities, sentence_of) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(predicate, subject entity, object entity, features) of each pair of names the relation
    model would weigh, after the patterns alone."""
    finder = Finder(doc, spans, entity_of, entities, sentence_of)
    finder.run(None)
    return [(p, entity_of[pair.subject], entity_of[pair.object], pair.features) for p, pair in learned.pairs(finder)]
