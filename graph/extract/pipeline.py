"""Which spaCy pipeline runs, and the newskg components added to it.

The model is, in order: the `model` argument, the KG_MODEL environment variable, the
pipeline the project ships in graph/model/en_newskg (rebuilt by `kg train`). It may be an
installed package name (en_core_web_trf) or a path. Entity labels of other schemes
(OntoNotes, CoNLL) are mapped to the guideline types by the entity layer.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.attrs import SENT_START, SPACY
from spacy.tokens import Doc

from . import entities  # noqa: F401  (registers the "newskg_entities" factory)

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "model" / "en_newskg"


class ModelError(RuntimeError):
    pass


SENTENCE_END = {".", "!", "?", "\u2026", "...", ":", ";"}
CLOSERS = {"\"", "'", "\u201d", "\u2019", ")", "]"}


@Language.component("newskg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines, captions and paragraphs never run together),
    and within a line a sentence starts only after sentence-final punctuation (looking past
    closing quotes and brackets, and past runs of spaces: 'said.  The'), never at a closing
    quote or bracket glued to that punctuation ('"We won."'). Runs before the parser (or
    senter), which keeps these boundaries and decides the rest."""
    # one pass over the tokens' texts, and the boundaries set as one array: spaCy's Token
    # objects cost microseconds each, which added up to 7% of extraction
    n = len(doc)
    if n < 2:
        return doc
    texts = [t.text for t in doc]
    spaced = doc.to_array([SPACY])  # whether a token is followed by a space
    starts = numpy.zeros((n, 1), dtype="int64")  # 1: starts a sentence, -1: does not, 0: the parser decides
    last = texts[0]  # the last token before this one that is neither whitespace nor a closing quote or bracket
    for i in range(1, n):
        prev, text = texts[i - 1], texts[i]
        if i > 1 and prev not in CLOSERS and not prev.isspace():
            last = prev
        prev_newline = prev.isspace() and "\n" in prev
        is_space = text.isspace()
        if prev_newline:
            starts[i, 0] = -1 if is_space and "\n" in text else 1
        elif is_space or last not in SENTENCE_END or (text in CLOSERS and not spaced[i - 1] and not prev.isspace()):
            starts[i, 0] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy reads the -1 back from its two's complement
    return doc


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("KG_MODEL") or str(DEFAULT_MODEL)


def load(model: str | None = None) -> Language:
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        if name == str(DEFAULT_MODEL):
            raise ModelError(f"the default model is missing at {DEFAULT_MODEL}; rebuild it with "
                             "`kg train` or set KG_MODEL to an installed spaCy pipeline") from e
        raise ModelError(f"cannot load spaCy model {name!r}: not an installed package or a pipeline "
                         f"folder. Install it (e.g. `pip install {name}`), or unset KG_MODEL to use "
                         "newskg's default pipeline") from e
    first = next((p for p in ("parser", "senter", "tagger", "ner") if p in nlp.pipe_names), None)
    if first:
        nlp.add_pipe("newskg_paragraphs", before=first)
    else:
        nlp.add_pipe("newskg_paragraphs", first=True)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", after="newskg_paragraphs")
    nlp.add_pipe("newskg_entities", last=True)
    _split_abbreviation_hyphens(nlp)
    return nlp


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """'U.S.-designated', 'U.K.-based': split the hyphen after an abbreviation as spaCy already
    does between letters, so the country and the participle are separate words."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
