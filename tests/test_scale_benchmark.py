"""A smoke test of the scale benchmark's path (the benchmark itself runs in `make bench`): the
synthetic articles are consistent and go through the real build, and the table fits its curve."""
import json

from benchmarks import scale
from benchmarks.synthetic import RATES, Generator
from newskg.graph.store import Store


def test_synthetic_articles_hold_their_mentions_and_build_like_real_ones(tmp_path):
    gen = Generator(40)
    size = gen.write(tmp_path / "a.jsonl")
    records = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert len(records) == 40 and size == sum(len(r["text"].encode()) for r in records)
    assert Generator(40)._article(7)[0] == records[7]  # an article is made from its number alone
    _, ext = gen._article(3)
    text = ext.article.text
    assert all(text[m.start:m.end] == m.text for m in ext.mentions)
    assert all(text[s.start:s.end] == s.text for s in ext.sentences)
    mentions = sum(len(gen._article(i)[1].mentions) for i in range(40)) / 40
    assert abs(mentions - RATES["mentions"]) < RATES["mentions"] / 3
    found = scale.build_step(40, str(tmp_path / "a.jsonl"), str(tmp_path / "kg"))
    assert found["quads"] > 40 * 300 and found["write_quads_s"] > 0
    store = Store(tmp_path / "kg")
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a nkg:Article } }")[0]["n"] == 40
    assert scale.resolver_step(str(tmp_path / "kg"))["entities"] > 100


def test_the_table_gives_each_size_beside_1k_and_fits_the_growth():
    results = {1000: {"build_s": 10.0, "neighbors_p99_ms": 20.0}, 10000: {"build_s": 100.0, "neighbors_p99_ms": 20.0},
               30000: {"build_s": 300.0, "neighbors_p99_ms": 22.0}}
    rows, curve = scale.rows(results, [10000, 30000], [100000])
    build = [r for r in rows if r.name.startswith("kg build")]
    assert [r.ratio for r in build[:2]] == [10.0, 30.0]
    assert "fitted" in build[2].name and abs(build[2].ratio - 100) < 1  # linear: ∝ N^1.00
    assert any(line.startswith("kg build") and "N^1.00" in line for line in curve)
