"""Every relation pattern on its own example (graph/extract/relations/rules.py and verbs.py):
the example is parsed by the pipeline, its names are set by hand (so the test does not depend on
what the recogniser finds), and the relations the finder states must include the example's."""
import re

import pytest
from spacy.tokens import Span

from graph.extract import aliases, relations
from graph.extract.relations.rules import RULES
from graph.extract.relations.shapes import ShapeError, compile_shape
from graph.extract.relations.verbs import VERB_RULES

MARKUP = re.compile(r"\[([^\]|]+)\|([A-Z]+)\]")


def facts(nlp, example: str) -> set[str]:
    """What the relation finder states for a marked-up sentence ("[Name|TYPE] ...")."""
    text, names, pos = "", [], 0
    for m in MARKUP.finditer(example):
        text += example[pos:m.start()]
        names.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += example[pos:]
    with nlp.select_pipes(disable=[p for p in ("ner", "newskg_entities") if p in nlp.pipe_names]):
        doc = nlp(text)
    doc.ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in names]
    spans = list(doc.ents)
    sentence_of = {tok.i: k for k, sent in enumerate(doc.sents) for tok in sent}
    entity_of, entities = aliases.cluster([(e.text, e.label_, e.start_char) for e in spans], text)
    found = relations.extract(doc, spans, entity_of, entities, sentence_of)
    return {f"{entities[r.subject].label} {r.predicate} "
            f"{entities[r.object].label if r.object is not None else r.value}" for r in found}


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_pattern_states_what_its_example_says(nlp, rule):
    found = facts(nlp, rule.example)
    missing = set(rule.states) - found
    assert not missing, f"{rule.name}: {missing} not found in {sorted(found)}"


@pytest.mark.parametrize("rule", VERB_RULES, ids=[f"{r.predicate}-{sorted(r.lemmas)[0]}" for r in VERB_RULES])
def test_each_verb_rule_states_what_its_example_says(nlp, rule):
    first, second = [m.group(1) for m in MARKUP.finditer(rule.example)][:2]
    assert f"{first} {rule.predicate} {second}" in facts(nlp, rule.example)


@pytest.mark.parametrize("sentence, wrong", [
    # peers in a list are not in one another
    ("Primaries were held in [Florida|PLACE], [Illinois|PLACE], [Ohio|PLACE], and [Arizona|PLACE].",
     {"Illinois locatedIn Ohio", "Florida locatedIn Illinois"}),
    # a title before a name does not reach past another person
    ("Guests included [Ann Bottoms|PERSON], former adviser [Susan Rice|PERSON], and [New Mexico|PLACE] governor "
     "[Michelle Grisham|PERSON].", {"Ann Bottoms title former adviser", "Susan Rice leads New Mexico"}),
    # a speaker of a chamber leads the chamber, not the country
    ("[US|PLACE] Speaker [Nancy Pelosi|PERSON] announced an inquiry.", {"Nancy Pelosi leads US"}),
    # a role word before a name says nothing of an organisation named earlier
    ("The [Senate|ORG] confirmed judge [Amy Barrett|PERSON].", {"Amy Barrett memberOf Senate"}),
])
def test_patterns_do_not_state_what_the_sentence_does_not_say(nlp, sentence, wrong):
    assert not wrong & facts(nlp, sentence)


def test_shapes_are_checked_when_compiled():
    with pytest.raises(ShapeError, match="unknown word class"):
        compile_shape("who:PERSN COMMA")
    with pytest.raises(ShapeError):
        compile_shape("(ORG|PLACE")
    assert compile_shape("who:PERSON COMMA? role:TITLE").match("P,R")
