"""Training corpora → spaCy Docs: UD trees (EWT, GUM), GUM named entities, UNER PER/ORG/LOC.

Only `kg train` uses this module. The corpora live in ../shared/data/corpora (see that
folder's README for sources and licences); nothing from them is copied into the project.
"""
from __future__ import annotations

import lzma
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# GUM's entity types that name the guideline classes; the rest (abstract, time, object,
# substance, animal, plant) are never named entities in the guidelines' sense.
GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE", "event": "EVENT"}
UNER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
# Words that may join the capitalised parts of one name ("Bank of England", "Marks & Spencer").
CONNECTORS = {"of", "and", "&", "for", "on", "de", "du", "la", "al", "-", "'s", "the"}


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index in the sentence, or -1 for the root
    dep: str
    space: bool


@dataclass
class Sentence:
    sent_id: str
    doc_id: str
    words: list[Word] = field(default_factory=list)
    # (start, end exclusive, label) over word indices
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def _open(path: Path):
    return lzma.open(path, "rt", encoding="utf-8") if path.suffix == ".xz" else open(path, encoding="utf-8")


def _misc(misc: str) -> dict[str, str]:
    out = {}
    if misc != "_":
        for part in misc.split("|"):
            key, _, value = part.partition("=")
            out[key] = value
    return out


def _entity_events(value: str) -> list[tuple[str, str]]:
    """Split a GUM `Entity=` value into ('open', fields) and ('close', id) events, in order."""
    events = []
    pos = 0
    while pos < len(value):
        if value[pos] == "(":
            end = pos + 1
            while end < len(value) and value[end] not in "()":
                end += 1
            fields = value[pos + 1:end]
            events.append(("open", fields))
            if end < len(value) and value[end] == ")":
                events.append(("close", fields.split("-", 1)[0]))
                end += 1
            pos = end
        else:
            m = re.match(r"(\d+)\)", value[pos:])
            if not m:
                break
            events.append(("close", m.group(1)))
            pos += m.end()
    return events


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file; multi-word tokens become their syntactic words."""
    doc_id = path.stem
    sent: Sentence | None = None
    open_spans: dict[str, list[tuple[int, str]]] = {}
    mwt_end, mwt_space = -1, True
    with _open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# sent_id"):
                sent = Sentence(line.split("=", 1)[1].strip(), doc_id)
                open_spans = {}
                mwt_end = -1
            elif not line:
                if sent is not None and sent.words:
                    yield sent
                sent = None
            elif line.startswith("#") or sent is None:
                continue
            else:
                cols = line.split("\t")
                if "." in cols[0]:
                    continue  # empty nodes of enhanced dependencies
                misc = _misc(cols[9])
                if "-" in cols[0]:
                    mwt_end = int(cols[0].split("-")[1])
                    mwt_space = misc.get("SpaceAfter") != "No"
                    continue
                idx = int(cols[0])
                space = misc.get("SpaceAfter") != "No"
                if idx < mwt_end:
                    space = False
                elif idx == mwt_end:
                    space = mwt_space
                i = len(sent.words)
                sent.words.append(Word(cols[1], cols[2], cols[3], cols[4], cols[5],
                                       int(cols[6]) - 1, cols[7], space))
                for kind, value in _entity_events(misc.get("Entity", "")):
                    if kind == "open":
                        eid, _, rest = value.partition("-")
                        open_spans.setdefault(eid, []).append((i, rest.split("-", 1)[0]))
                    elif open_spans.get(value):
                        start, etype = open_spans[value].pop()
                        if etype in GUM_TYPES:
                            sent.mentions.append((start, i + 1, GUM_TYPES[etype]))


def read_uner(path: Path) -> dict[str, list[str]]:
    """sent_id → IOB2 tags of Universal NER, already in the guideline labels."""
    tags: dict[str, list[str]] = {}
    sent_id = None
    with _open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
                tags[sent_id] = []
            elif line and not line.startswith("#") and sent_id:
                tag = line.split("\t")[2]
                if tag != "O":
                    prefix, label = tag.split("-", 1)
                    tag = f"{prefix}-{UNER_TYPES[label]}"
                tags[sent_id].append(tag)
    return tags


def _head_of(sent: Sentence, start: int, end: int) -> int:
    for i in range(start, end):
        if not start <= sent.words[i].head < end:
            return i
    return start


def _is_core(sent: Sentence, i: int, head: bool = False) -> bool:
    """A word that can be part of a proper name: a proper noun, a capitalised word that is not
    capitalised only for starting the sentence, or (inside a name) a number ("World War 2")."""
    w = sent.words[i]
    if w.upos == "PROPN":
        return True
    if w.form[:1].isupper() and i > 0 and w.upos in {"ADJ", "NOUN", "X", "VERB"}:
        return True
    return not head and w.upos == "NUM"


def named_span(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The proper-name part of a GUM mention, or None for a common-noun or pronoun mention.

    GUM annotates every mention ("the museum", "she"); a named entity is the run of
    capitalised words around the mention's head, with connectors inside it but no
    leading article ("the University of Portsmouth, UK" → "University of Portsmouth").
    """
    head = _head_of(sent, start, end)
    words = sent.words
    if not _is_core(sent, head, head=True):
        return None
    lo = hi = head
    while lo - 1 >= start:
        w = words[lo - 1]
        if _is_core(sent, lo - 1):
            lo -= 1
        elif w.form.lower() in CONNECTORS and w.form != "the" and lo - 2 >= start and _is_core(sent, lo - 2):
            lo -= 2
        else:
            break
    while hi + 1 < end:
        w = words[hi + 1]
        if _is_core(sent, hi + 1):
            hi += 1
        elif w.form.lower() in CONNECTORS and hi + 2 < end and _is_core(sent, hi + 2):
            hi += 2
        elif w.form.lower() in CONNECTORS and hi + 3 < end and words[hi + 2].form == "the" and _is_core(sent, hi + 3):
            hi += 3
        else:
            break
    if words[lo].form.lower() in {"the", "a", "an"}:
        lo += 1
    if lo > hi:
        return None
    return lo, hi + 1


def to_doc(vocab: Vocab, sents: list[Sentence], uner: dict[str, list[str]] | None = None,
           with_ents: bool = True) -> Doc:
    """One Doc of consecutive sentences with gold tags, morphology, lemmas, trees and, when
    the corpus has them, named entities (left unset otherwise, so NER treats them as missing)."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, sent_starts = [], [], [], [], [], [], [], [], []
    ents: list[tuple[int, int, str]] = []
    iob: list[str] = []
    for sent in sents:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append("" if w.feats == "_" else w.feats)
            lemmas.append(w.lemma)
            heads.append(offset + (w.head if w.head >= 0 else i))
            deps.append("ROOT" if w.head < 0 else w.dep)
            sent_starts.append(i == 0)
        if uner is not None:
            sent_tags = uner.get(sent.sent_id)
            iob.extend(sent_tags if sent_tags and len(sent_tags) == len(sent.words) else ["O"] * len(sent.words))
        else:
            spans = []
            for start, end, label in sent.mentions:
                span = named_span(sent, start, end)
                if span:
                    # GUM types peoples ("Persians", "Tarahumara Indians") as person; the
                    # guidelines make a plural proper name of a people a GROUP.
                    if label == "PERSON" and sent.words[span[1] - 1].xpos == "NNPS":
                        label = "GROUP"
                    spans.append((span[0] + offset, span[1] + offset, label))
            # GUM nests mentions; NER needs a flat layer, so the longest name wins.
            spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
            taken: set[int] = set()
            for start, end, label in spans:
                if not taken.intersection(range(start, end)):
                    ents.append((start, end, label))
                    taken.update(range(start, end))
    if spaces:
        spaces[-1] = False
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
              heads=heads, deps=deps, sent_starts=sent_starts)
    if with_ents:
        if uner is not None:
            doc.ents = _iob_spans(doc, iob)
        else:
            doc.ents = [Span(doc, s, e, label=l) for s, e, l in sorted(ents)]
    return doc


def _iob_spans(doc: Doc, iob: list[str]) -> list[Span]:
    spans, start, label = [], None, None
    for i, tag in enumerate(iob + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append(Span(doc, start, i, label=label))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def docs(vocab: Vocab, path: Path, uner_path: Path | None = None, with_ents: bool = True,
         sentences_per_doc: int = 12) -> Iterator[Doc]:
    """Docs of a CoNLL-U file, a few sentences each, never across the corpus's documents."""
    uner = read_uner(uner_path) if uner_path else None
    batch: list[Sentence] = []
    for sent in read_conllu(path):
        if batch and (sent.doc_id != batch[0].doc_id or len(batch) >= sentences_per_doc):
            yield to_doc(vocab, batch, uner, with_ents)
            batch = []
        batch.append(sent)
    if batch:
        yield to_doc(vocab, batch, uner, with_ents)
