"""Which spaCy pipeline runs, and the newskg components added to it.

The model is, in order: the `model` argument, the KG_MODEL environment variable, the
pipeline the project ships in graph/model/en_newskg (rebuilt by `kg train`). It may be an
installed package name (en_core_web_trf) or a path. Entity labels of other schemes
(OntoNotes, CoNLL) are mapped to the guideline types by the entity layer.
"""
from __future__ import annotations

import os
from pathlib import Path

import spacy
from spacy.language import Language
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
    and within a line a sentence starts only after sentence-final punctuation. Runs before
    the parser, which keeps these boundaries and decides the rest."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = not tok.is_space or "\n" not in tok.text
        elif tok.is_space:
            tok.is_sent_start = False
        else:
            k = tok.i - 1
            while k > 0 and doc[k].text in CLOSERS:
                k -= 1
            if doc[k].text not in SENTENCE_END:
                tok.is_sent_start = False
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
