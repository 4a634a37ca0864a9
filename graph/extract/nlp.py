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
# After one of these, a space and a capitalised word, a sentence starts (unless the stop ends an
# abbreviation below); after the other SENTENCE_END marks the statistical model decides.
FULL_STOPS = {".", "!", "?"}
OPENERS = {"\"", "'", "\u201c", "\u2018", "("}
REFERENCE_SEPARATORS = {",", "-", "\u2013", "\u2014", " "}
# Abbreviations whose full stop spaCy's tokenizer splits off ("Sgt." → "Sgt", ".") and that stand
# before a capitalised word without ending a sentence: titles, and the short forms of a
# number's or an address's noun ("No. 10", "Fifth Ave."). Single letters (initials) also.
ABBREVIATIONS = {"sr", "no", "nos", "col", "lt", "sgt", "ft", "approx", "capt", "maj", "cmdr", "pres", "hon", "ave",
                 "blvd", "rd", "op", "fig", "figs", "vol", "vols", "pp", "dept", "univ", "assn", "est", "ex", "msgr",
                 "fr", "sec", "supt", "det", "insp", "cpl", "pvt", "spc", "atty", "gen", "adm", "rev", "prof",
                 "dr", "sen", "rep", "reps", "gov", "st", "mt", "ste", "brig", "cdr", "cmdt", "comdr", "lieut",
                 "pfc", "ens", "amb", "hwy", "rt", "mr", "mrs", "ms", "jr", "bros", "co", "corp", "inc",
                 "ltd", "vs", "etc", "al", "ca", "cf", "ch", "art", "sect", "para", "cl"}
# ... of which these also in lower case (the rest only capitalised: 'said no. The', 'modern art. It')
LOWER_ABBREVIATIONS = {"approx", "vs", "etc", "al", "ca", "cf", "pp", "op", "fig", "figs", "vol", "vols"}


@Language.component("newskg_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Sentence boundaries that need no statistics, set before the parser (or senter), which
    keeps them and decides the rest:
    - a line break ends a sentence (headlines, captions and paragraphs never run together);
    - within a line a sentence starts only after sentence-final punctuation (looking past
      closing quotes and brackets, runs of spaces and numbered references: 'said.  The',
      'in 1821. [22] His'), never at a closing quote or bracket glued to that punctuation
      ('"We won."');
    - after a full stop, '!' or '?', then a space, a capitalised word (or an opening quote or
      bracket before one) starts a sentence, unless the stop ends an abbreviation or an
      initial ('Sgt. Smith', 'J. Smith'); after a list number that opens the line ('2. The
      ...') none does."""
    # one pass over the tokens' texts, and the boundaries set as one array: spaCy's Token
    # objects cost microseconds each, which added up to 7% of extraction
    n = len(doc)
    if n < 2:
        return doc
    texts = [t.text for t in doc]
    spaced = doc.to_array([SPACY])  # whether a token is followed by a space
    starts = numpy.zeros((n, 1), dtype="int64")  # 1: starts a sentence, -1: does not, 0: the model decides
    last = 0  # the last token before this one that is neither whitespace nor a closing quote or bracket
    line_start = 0
    for i in range(1, n):
        prev, text = texts[i - 1], texts[i]
        if i > 1 and prev not in CLOSERS and not prev.isspace():
            last = i - 1
        elif prev == "]":  # a numbered reference after the stop ('... in 1821. [22] His') hides nothing
            last = _before_reference(texts, i, last)
        if prev.isspace() and "\n" in prev:
            starts[i, 0] = -1 if text.isspace() and "\n" in text else 1
            line_start = i
        else:
            starts[i, 0] = _start_within_line(texts, spaced, i, last, line_start)
    doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy reads the -1 back from its two's complement
    return doc


def _before_reference(texts: list[str], i: int, last: int) -> int:
    """The token before a numbered reference ('[22]', '[3, 4]') that ends at i - 1, or `last`."""
    j = i - 2
    while j > 0 and j > i - 8 and (texts[j][:1].isdigit() or texts[j] in REFERENCE_SEPARATORS):
        j -= 1
    if not (j < i - 2 and texts[j] == "[" and j > 0):
        return last
    k = j - 1
    while k > 0 and (texts[k].isspace() or texts[k] in CLOSERS):
        k -= 1
    return k


def _start_within_line(texts: list[str], spaced, i: int, last: int, line_start: int) -> int:
    """1 when token i starts a sentence, -1 when it cannot, 0 when the model decides."""
    prev, text, end = texts[i - 1], texts[i], texts[last]
    if text.isspace() or end not in SENTENCE_END or (text in CLOSERS and not spaced[i - 1] and not prev.isspace()):
        return -1
    if end not in FULL_STOPS or not (spaced[i - 1] or prev.isspace()):
        return 0
    word = texts[i + 1] if text in OPENERS and i + 1 < len(texts) else text
    before = texts[last - 1] if last > 0 else ""
    if end == "." and before.isdigit() and len(before) <= 2 and last - 1 == line_start:
        return -1  # a list number opens the line: '2. The ...'
    if end == "." and _abbreviation_or_initial(before):
        # 'Robert Cummings Sr. and Ruth Cummings': a lower-case word after an abbreviation goes on
        return -1 if word[:1].islower() else 0
    return 1 if word[:1].isupper() else 0


def _abbreviation_or_initial(word: str) -> bool:
    return (word.lower() in ABBREVIATIONS and (word[:1].isupper() or word in LOWER_ABBREVIATIONS)) \
        or (len(word) == 1 and word.isalpha())


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
    # before whichever of the senter and the parser comes first (both keep the boundaries it
    # sets), also a disabled senter, so that enabling it later keeps the order
    first = next((p for p in nlp.component_names if p in ("senter", "parser")), None) or \
        next((p for p in ("tagger", "ner") if p in nlp.pipe_names), None)
    if first:
        nlp.add_pipe("newskg_paragraphs", before=first)
    else:
        nlp.add_pipe("newskg_paragraphs", first=True)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", after="newskg_paragraphs")
    nlp.add_pipe("newskg_entities", last=True)
    _split_abbreviation_hyphens(nlp)
    return nlp


ZERO_WIDTH = "[\u200b\u200c\u200d\u2060\ufeff]"


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """'U.S.-designated', 'U.K.-based': split the hyphen after an abbreviation as spaCy already
    does between letters, so the country and the participle are separate words. 'Ann
    FordImage: her campaign': a picture's caption label glued to the name before it (web pages
    copied as text lose the line break between them) is a word of its own."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[a-z])", r"(?<=[a-z])(?=Image$)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a zero-width joiner or space glued to a word (web text keeps them) is a token of its own,
    # which trimming then leaves out of a name ('\u200dTylko', 'Saudi Arabia\u200d')
    nlp.tokenizer.prefix_search = compile_prefix_regex([ZERO_WIDTH, *nlp.Defaults.prefixes]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([ZERO_WIDTH, *nlp.Defaults.suffixes]).search
