"""Extraction work grows linearly with an article's length: ten times the text of one kind
costs at most fifteen times the work (THREAT-MODEL.md, "Hostile input"). Each kind of generated
prose stresses a rule that could compare every mention with every other one. Work is counted as
the calls of newskg's own functions during extraction (cProfile's call counts): a count does not
vary with the machine's load, as a time does; `make bench` ("linear") has the times."""
import cProfile
import pstats
from pathlib import Path

import pytest

from benchmarks import prose
from newskg.graph.extract import CHUNK_CHARS, chunks
from newskg.graph.records import Article

SHORT = 6_000  # characters; the long text is ten times as long
BUDGET = 15.0
ROOT = Path(__file__).resolve().parent.parent
OWN = (str(ROOT / "graph"), str(ROOT / "newskg" / "graph"))  # newskg/graph links to graph/


def calls(extractor, text: str) -> int:
    """Calls of functions in graph/ while extracting `text` (spaCy's own work is linear: long
    texts are parsed in pieces)."""
    profile = cProfile.Profile()
    profile.enable()
    extractor.extract_one(Article(id="generated", text=text, source="generated"))
    profile.disable()
    stats = pstats.Stats(profile).stats
    return sum(count for (filename, _, _), (_, count, *_rest) in stats.items() if filename.startswith(OWN))


@pytest.mark.parametrize("kind", prose.KINDS)
def test_ten_times_the_text_takes_at_most_fifteen_times_the_work(extractor, kind):
    calls(extractor, prose.text(kind, 500))  # warm the pipeline's caches
    short = calls(extractor, prose.text(kind, SHORT))
    long = calls(extractor, prose.text(kind, SHORT * 10))
    print(f"{kind}: {short:,} -> {long:,} calls ({long / short:.1f}x)")
    assert long / short <= BUDGET, f"{kind}: {long / short:.1f}x the work for 10x the text ({short:,} -> {long:,} calls)"


def test_a_long_text_is_parsed_in_pieces_that_join_back_into_it():
    for kind in prose.KINDS:
        text = prose.text(kind, 5 * CHUNK_CHARS)
        pieces = chunks(text, CHUNK_CHARS)
        assert "".join(pieces) == text
        assert len(pieces) >= 5 and max(map(len, pieces)) <= CHUNK_CHARS
    # a paragraph break is preferred to a sentence's end, which is preferred to the limit
    text = "A sentence. " * 600 + "\n\n" + "B sentence. " * 600
    assert chunks(text, 10_000)[0].endswith("A sentence. \n\n")
    assert chunks("x" * 25_000, 10_000) == ["x" * 10_000, "x" * 10_000, "x" * 5_000]


def test_an_article_parsed_in_pieces_keeps_its_offsets_and_names(extractor):
    text = prose.text("quotes", 3 * CHUNK_CHARS)
    found = extractor.extract_one(Article(id="long", text=text, source="generated"))
    assert found.mentions and all(text[m.start:m.end] == m.text for m in found.mentions)
    assert all(text[s.start:s.end] == s.text for s in found.sentences)
    last_third = [m for m in found.mentions if m.start > 2 * CHUNK_CHARS]
    assert any(m.type == "PERSON" for m in last_third)
