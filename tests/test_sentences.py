"""newskg_paragraphs, the sentence boundaries set before the parser: what each rule decides,
on made-up text, without a statistical model (1: starts a sentence, -1: does not, 0: the
parser or senter decides)."""
import pytest
import spacy

import newskg.graph.extract.nlp  # noqa: F401  (registers newskg_paragraphs)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("newskg_paragraphs")
    return nlp


def decision(nlp, text: str, word: str, nth: int = 0) -> int:
    doc = nlp(text)
    token = [t for t in doc if t.text == word][nth]
    return {True: 1, False: -1, None: 0}[token.is_sent_start]


@pytest.mark.parametrize("text, word, expected", [
    ("Talks ended on Monday.  The minister left.", "The", 1),  # a double space after the stop
    ("Talks ended on Monday. The minister left.", "The", 1),
    ('Talks ended on Monday. "We tried," she said.', '"', 1),  # an opening quote before a capital
    ('"We tried." She left.', "She", 1),
    ("Talks ended on Monday.\n\nthe minister left.", "the", 1),  # a line break
    ("Headline without a stop\nThe body starts here.", "The", 1),
    ("Talks ended on Monday. the minister left.", "the", 0),  # no capital: the parser decides
    ("Talks ended: The minister left.", "The", 0),  # a colon: the parser decides
    ("He met Sgt. Rivera on Monday.", "Rivera", 0),  # an abbreviation the tokenizer splits off
    ("His parents, Tom Hale Sr. and Ann Hale, farmed.", "and", -1),  # a lower-case word after one goes on
    ("He met J. Rivera on Monday.", "Rivera", -1),  # an initial (one token with its stop)
    ("The road was closed in 1821. [22] His work began.", "His", 1),  # a reference after the stop
    ("1. The first point.", "The", -1),  # a list number
    ("She said no. Then she left.", "Then", 1),  # a lower-case word is no abbreviation
    ("The minister said that the talks ended on Monday.", "the", -1),  # no stop before
])
def test_rule_decides(nlp, text, word, expected):
    assert decision(nlp, text, word) == expected


def test_closing_quote_glued_to_the_stop_ends_the_sentence(nlp):
    doc = nlp('"We won." The crowd cheered.')
    assert [t.is_sent_start for t in doc if t.text == '"'][1] is False
    assert decision(nlp, '"We won." The crowd cheered.', "The") == 1


def test_space_tokens_never_start_a_sentence(nlp):
    doc = nlp("Talks ended.   The minister left.")
    assert all(t.is_sent_start is False for t in doc if t.is_space)
