"""Training corpora → spaCy Docs: UD trees (EWT, GUM), GUM named entities, UNER PER/ORG/LOC,
and the IOB named-entity corpora (CrossNER politics, wikigold, BTC, WNUT-17).

Only `kg train` uses this module. The corpora live in ../shared/data/corpora (see that
folder's README for sources and licences); nothing from them is copied into the project.

Label mappings onto the guideline types (PERSON, ORG, PLACE, EVENT, GROUP). A corpus label
mapped to None is *missing*: its tokens carry no NER annotation at all, so the model is
neither taught that they are an entity nor that they are not (spaCy's "-" IOB value), and a
scorer ignores predictions on them.

- Universal NER: PER → PERSON, ORG → ORG, LOC → PLACE. The pre-release draft of the train
  file also has OTH (nationalities, products ...) and one stray `B-O` per document; both
  become O, as the final release does (its dev/test agree with the final ones at span F1
  0.99 / 0.96). A draft sentence whose tokens differ from UD EWT's is left without NER
  annotation (14 of 12,543).
- CrossNER politics: politician, person → PERSON; organisation, politicalparty → ORG;
  country, location → PLACE; election, event → EVENT; misc (ideologies, nationalities,
  party members, some agreements) → missing.
- wikigold: PER, ORG, LOC → PERSON, ORG, PLACE; MISC → missing. IO tags: a run of one
  type is one mention.
- BTC: PER, ORG, LOC → PERSON, ORG, PLACE; the lone `@` of a user mention is O.
- WNUT-17: person → PERSON, corporation, group → ORG, location → PLACE; product and
  creative-work → missing.
"""
from __future__ import annotations

import lzma
import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# GUM's entity types that name the guideline classes; the rest (abstract, time, object,
# substance, animal, plant) are never named entities in the guidelines' sense.
GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE", "event": "EVENT"}
UNER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "OTH": "O", "O": "O"}
CROSSNER_TYPES = {"politician": "PERSON", "person": "PERSON", "organisation": "ORG", "politicalparty": "ORG",
                  "country": "PLACE", "location": "PLACE", "election": "EVENT", "event": "EVENT", "misc": None}
WIKIGOLD_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": None}
BTC_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
WNUT_TYPES = {"person": "PERSON", "corporation": "ORG", "group": "ORG", "location": "PLACE",
              "product": None, "creative-work": None}
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
    newpar: bool = False  # the sentence starts a paragraph (CoNLL-U `# newpar`)
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
    newpar = False
    with _open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
                newpar = True
            elif line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# sent_id"):
                sent = Sentence(line.split("=", 1)[1].strip(), doc_id, newpar=newpar)
                newpar = False
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


def read_uner(path: Path, oth: str | None = "O") -> dict[str, list[tuple[str, str]]]:
    """sent_id → (token, IOB2 tag) of Universal NER, in the guideline labels; the draft
    train file's OTH and stray B-O tags become O (then an I- after them becomes B-), or with
    `oth=None` OTH spans become missing annotation."""
    tags: dict[str, list[tuple[str, str]]] = {}
    sent_id = None
    with _open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
                tags[sent_id] = []
            elif line and not line.startswith("#") and sent_id:
                cols = line.split("\t")
                tag = cols[2].strip()
                if tag != "O":
                    prefix, label = tag.split("-", 1)
                    label = oth if label == "OTH" else UNER_TYPES[label]
                    tag = "O" if label == "O" else f"{prefix}-{label}"
                tags[sent_id].append((cols[1], tag))
    for seq in tags.values():
        for i, (token, tag) in enumerate(seq):
            if tag.startswith("I-") and (i == 0 or seq[i - 1][1][2:] != tag[2:] or seq[i - 1][1] == "O"):
                seq[i] = (token, "B-" + tag[2:])
    return tags


def uner_docs(vocab: Vocab, path: Path, sentences_per_doc: int = 12, oth: str | None = "O") -> Iterator[Doc]:
    """Docs of a Universal NER file by itself (its own tokens, spacing from its `# text`
    lines), a few sentences each, never across EWT's documents: the NER data of `kg train`
    and the UNER test set, with none of its entities lost to EWT's later retokenisations."""
    sents: list[tuple[str, list[tuple[str, str]], list[bool]]] = []
    text_of: dict[str, str] = {}
    sent_id = None
    with _open(path) as f:
        for line in f:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text") and sent_id:
                text_of[sent_id] = line.split("=", 1)[1].strip()
    for sid, seq in read_uner(path, oth).items():
        text, pos, spaces = text_of.get(sid, ""), 0, []
        for token, _ in seq:
            found = text.find(token, pos)
            if found < 0:  # not found verbatim: assume a space
                spaces.append(True)
                continue
            pos = found + len(token)
            spaces.append(pos < len(text) and text[pos].isspace())
        sents.append((sid, seq, spaces))

    def make(batch) -> Doc:
        return _sentences_doc(vocab, [(seq, sp) for _, seq, sp in batch])

    batch: list = []
    for item in sents:
        if not item[1]:
            continue
        if batch and (item[0].rsplit("-", 1)[0] != batch[0][0].rsplit("-", 1)[0] or len(batch) >= sentences_per_doc):
            yield make(batch)
            batch = []
        batch.append(item)
    if batch:
        yield make(batch)


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


def to_doc(vocab: Vocab, sents: list[Sentence], uner: dict[str, list[tuple[str, str]]] | None = None,
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
            if sent_tags and [t for t, _ in sent_tags] == [w.form for w in sent.words]:
                iob.extend(tag for _, tag in sent_tags)
            else:  # not in UNER or tokenised otherwise: no NER annotation for this sentence
                iob.extend("-" * len(sent.words))
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
            _set_iob(doc, iob)
        else:
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in sorted(ents)]
    return doc


def _set_iob(doc: Doc, iob: list[str]) -> None:
    """Set the entities of IOB2 tags; a tag "-" (or a span of a label mapped to None) leaves
    its tokens without NER annotation (missing), every other token is O."""
    spans, missing, start, label = [], [], None, None
    for i, tag in enumerate(list(iob) + ["O"]):
        if start is not None and not tag.startswith("I-"):
            (spans if label else missing).append(Span(doc, start, i, label=label or ""))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:] if tag[2:] != "None" else None
        elif tag == "-":
            missing.append(Span(doc, i, i + 1))
    doc.set_ents(spans, missing=missing, default="outside")


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


# ---- IOB named-entity corpora (CrossNER, wikigold, BTC, WNUT-17) ----

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll",
                   "'d", "'m", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "@"}


def detokenised_spaces(tokens: list[str]) -> list[bool]:
    """Whether each token of a space-separated corpus is followed by a space in plain text
    ("Russia , the" → "Russia, the"): not before closing punctuation and clitics, not after
    opening brackets; straight double quotes alternate between opening and closing."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, t in enumerate(tokens):
        if t in NO_SPACE_AFTER:
            spaces[i] = False
        if t == '"':
            if quote_open and i > 0:
                spaces[i - 1] = False
            elif not quote_open:
                spaces[i] = False
            quote_open = not quote_open
        if i > 0 and t in NO_SPACE_BEFORE:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def read_iob(path: Path, types: dict[str, str | None], io: bool = False) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a token-per-line IOB file as (token, tag) with the labels mapped onto the
    guideline types ('B-None' for a label mapped to None, i.e. missing). Columns are split on
    tabs, else on the last space; `-DOCSTART-` lines end a document and yield an empty list.
    With `io`, the file has IO tags (wikigold): the first of a run of one type becomes B-."""
    sent: list[tuple[str, str]] = []
    with _open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            token, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
            token, tag = token.strip(), tag.strip()
            if not token:
                continue
            if token == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
                yield []
                continue
            if tag != "O":
                prefix, label = tag.split("-", 1)
                mapped = types[label]
                if io and prefix == "I" and not (sent and sent[-1][1][2:] == str(mapped)):
                    prefix = "B"
                tag = f"{prefix}-{mapped}"
            sent.append((token, tag))
    if sent:
        yield sent


def _sentences_doc(vocab: Vocab, sentences: list[tuple[list[tuple[str, str]], list[bool]]]) -> Doc:
    """One Doc of (token, IOB tag) sentences with their spacing; a space between sentences."""
    words, spaces, tags, starts = [], [], [], []
    for seq, sp in sentences:
        words.extend(t for t, _ in seq)
        spaces.extend([*sp[:-1], True])
        tags.extend(tag for _, tag in seq)
        starts.extend([True] + [False] * (len(seq) - 1))
    spaces[-1] = False
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    _set_iob(doc, tags)
    return doc


def iob_docs(vocab: Vocab, sentences, sentences_per_doc: int = 12, fix=None) -> Iterator[Doc]:
    """Docs of a few consecutive sentences of `read_iob` (never across a `-DOCSTART-`), with
    plain-text spacing restored. `fix` may rewrite a sentence's (token, tag) list first."""
    batch: list[list[tuple[str, str]]] = []

    def make() -> Doc:
        return _sentences_doc(vocab, [(sent, detokenised_spaces([t for t, _ in sent])) for sent in batch])

    for sent in sentences:
        if fix is not None and sent:
            sent = fix(sent)
        if not sent:
            if batch:
                yield make()
            batch = []
            continue
        batch.append(sent)
        if len(batch) >= sentences_per_doc:
            yield make()
            batch = []
    if batch:
        yield make()


def btc_fix(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """BTC splits a user mention into '@' and the name and often tags both: the '@' is O and
    the name starts the mention."""
    out = []
    for token, tag in sent:
        if token == "@" and tag != "O":
            tag = "O"
        elif tag.startswith("I-") and (not out or out[-1][1] == "O"):
            tag = "B-" + tag[2:]
        out.append((token, tag))
    return out
