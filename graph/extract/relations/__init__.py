"""Relations a sentence (or an article) states between the entities it mentions
(GUIDELINES.md, "Relations"): patterns over the sentence's words and names (rules.py), the
verbs of its parse (verbs.py), and what the article as a whole settles (document.py)."""
from __future__ import annotations

from .finder import Finder


def extract(doc, spans, entity_of, entities, sentence_of):
    return Finder(doc, spans, entity_of, entities, sentence_of).run()
