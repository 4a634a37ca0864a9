"""`kg build` killed (SIGKILL) at random points — while Python and the spaCy pipeline load,
while batches are written, while versions are published — leaves a store that opens and
holds whole articles only, each the same as a clean build makes it, with a registry that
accounts for exactly those articles; building again completes the store to the same quads as
a build that was never interrupted.

The input is a slice of the Wikinews corpus in ../shared (short articles, so that a build
takes seconds), written one article per batch and published after every batch, so that kills
land between and during publishes.
"""
import json
import random
import shutil
import subprocess
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from conftest import KG, ROOT, wikinews
from newskg.graph.store import Store

ARTICLES = 14
BASE_ARTICLES = 3  # built before the trials: every trial starts from a store that exists
CHAINS, KILLS_PER_CHAIN = 4, 6  # each chain: killed builds one after another, then one that completes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The first short articles of the corpus, as JSON Lines (the base ones in a file of their own)."""
    records = wikinews(ARTICLES, longest=1800)
    folder = tmp_path_factory.mktemp("wikinews")
    (folder / "in").mkdir()
    with open(folder / "in" / "a.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records[:BASE_ARTICLES])
    with open(folder / "in" / "b.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records[BASE_ARTICLES:])
    return folder / "in"


def kg_build(store: Path, source: Path, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen([*KG, "--store", str(store), "build", *map(str, paths or [source]), "--batch", "1",
                             "--publish-every", "0", "--no-progress", "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return json.loads(out)["report"]


def nquads(store: Path) -> list[str]:
    return sorted(str(q) for q in Store(store).ox)


def by_graph(store: Store) -> dict[str, set[str]]:
    graphs = defaultdict(set)
    for q in store.ox:
        graphs[str(q.graph_name)].add(str(q))
    return graphs


def check_whole_articles(store_path: Path, clean: dict[str, set[str]], vocab) -> int:
    """The store opens; each article graph in it is exactly the clean build's; the registry
    describes exactly the entities those articles mention, with the counts they add up to, and
    holds exactly the direct facts they state. Returns how many articles it holds."""
    store = Store(store_path)  # opens (read-only, the published version)
    graphs = by_graph(store)
    articles = [g for g in graphs if g.startswith(f"<{vocab.base}doc/")]
    for g in articles:
        assert graphs[g] == clean[g], f"article graph {g} differs from a clean build's"
    mentions, documents = Counter(), defaultdict(set)
    for r in store.select("SELECT ?g ?e WHERE { GRAPH ?g { ?m nkg:refersTo ?e } }", union=False):
        mentions[r["e"]] += 1
        documents[r["e"]].add(r["g"])
    registry = {r["e"]: r for r in store.select(f"""SELECT ?e ?t ?l ?n ?d WHERE {{ GRAPH <{vocab.registry}> {{
        ?e a ?t ; rdfs:label ?l ; nkg:mentionCount ?n ; nkg:documentCount ?d }} }}""", union=False)}
    assert set(registry) == set(mentions), "the registry and the articles' mentions disagree on the entities"
    for e, r in registry.items():
        assert (r["n"], r["d"]) == (mentions[e], len(documents[e])), f"counts of {e}"
    stated = {(r["s"], r["p"], r["o"]) for r in store.select(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?st a nkg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; "
        "rdf:object ?o } }", union=False)}
    stated |= {(r["s"], vocab.term("coMentionedWith"), r["o"]) for r in store.select(
        "SELECT ?s ?o WHERE { GRAPH ?g { ?c a nkg:CoMention ; rdf:subject ?s ; rdf:object ?o } }", union=False)}
    predicates = " ".join(f"<{vocab.term(p)}>" for p in ("leads", "memberOf", "title", "childOf", "locatedIn",
                                                         "opposes", "participatedIn", "coMentionedWith"))
    direct = {(r["s"], r["p"], r["o"]) for r in store.select(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} GRAPH <{vocab.registry}> {{ ?s ?p ?o }} }}",
        union=False)}
    assert direct == stated, "the registry's direct facts are not exactly those the articles state"
    return len(articles)


def published(store: Path) -> str | None:
    try:
        return (store / "CURRENT").read_text()
    except FileNotFoundError:
        return None


def wait_for_publishes(store: Path, proc: subprocess.Popen, n: int) -> float:
    """Wait until the build has published `n` new versions (or ended); seconds waited."""
    started, last, seen = time.monotonic(), published(store), 0
    while seen < n and proc.poll() is None:
        now = published(store)
        if now != last:
            seen, last = seen + 1, now
        time.sleep(0.002)
    return time.monotonic() - started


def test_kg_build_killed_at_random_points_loses_nothing_published_and_a_rerun_completes_it(corpus, tmp_path):
    rng = random.Random(20240611)
    base = tmp_path / "base"
    finish(kg_build(base, corpus, corpus / "a.jsonl"))
    clean_path = tmp_path / "clean"
    shutil.copytree(base, clean_path)
    proc = kg_build(clean_path, corpus)
    startup = wait_for_publishes(clean_path, proc, 1)  # start-up and the pipeline's loading, to the first write
    report = finish(proc)
    assert report["built"] == ARTICLES - BASE_ARTICLES and not report["skipped"]
    clean_store = Store(clean_path)
    clean, vocab, expected = by_graph(clean_store), clean_store.vocab, nquads(clean_path)
    assert check_whole_articles(clean_path, clean, vocab) == ARTICLES
    del clean_store

    kills, chains, phases, seen = 0, 0, Counter(), Counter()
    while kills < CHAINS * KILLS_PER_CHAIN:
        assert chains < 3 * CHAINS, "builds keep finishing before they are killed"
        store = tmp_path / f"chain{chains}"
        shutil.copytree(base, store)
        chains += 1
        held = BASE_ARTICLES
        for _ in range(KILLS_PER_CHAIN):
            if held == ARTICLES:
                break
            proc = kg_build(store, corpus)
            phase = rng.choice(["loading", "writing", "writing"])
            if phase == "loading":  # Python, the packages, the store, the spaCy pipeline
                time.sleep(rng.uniform(0, startup))
            else:  # right after some publish, while the next batch is written or published
                wait_for_publishes(store, proc, rng.randint(1, ARTICLES - held))
                time.sleep(rng.uniform(0, 0.05))
            if proc.poll() is not None:
                break  # it finished first: this chain is complete
            proc.kill()
            proc.communicate(timeout=60)
            kills += 1
            now = check_whole_articles(store, clean, vocab)
            phases[phase if now == held or phase == "loading" else "writing"] += 1
            seen[now] += 1
            held = now
        final = finish(kg_build(store, corpus))  # the rerun, never interrupted
        assert final["built"] + final["unchanged"] == ARTICLES and not final["skipped"]
        assert nquads(store) == expected, f"chain {chains}: the completed store differs from an uninterrupted build"
    print(f"{kills} builds killed ({dict(phases)}) in {chains} chains; articles in the store after a kill: "
          f"{dict(sorted(seen.items()))}; the pipeline is ready {startup:.1f} s after the start")
    assert phases["loading"] >= 3 and phases["writing"] >= 10
    assert len(seen) >= 5  # the kills left the store at many different points
