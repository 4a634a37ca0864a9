"""How `kg build -j N` hands articles to its extraction processes (graph.pipeline)."""
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import KG, ROOT, kg

from newskg.graph.pipeline import _batches, in_order
from newskg.graph.records import Article


def article(n: int, words: int) -> Article:
    return Article(id=f"a{n}", text="word " * words, source=f"a{n}.txt")


def test_a_batch_ends_once_its_texts_are_long_enough_not_only_after_eight_articles():
    # a process holding a batch of eight with a 10,000-word article in it kept the other idle
    # behind it, results being taken in order
    articles = [article(0, 300), article(1, 10_000), article(2, 300), article(3, 300), article(4, 300)]
    batches = [[a.id for a in b] for b in _batches(articles, 8, 16_000)]
    assert batches == [["a0", "a1"], ["a2", "a3", "a4"]]
    assert [[a.id for a in b] for b in _batches(articles, 2)] == [["a0", "a1"], ["a2", "a3"], ["a4"]]


def test_results_come_in_submission_order_with_the_window_of_tasks_in_flight():
    submitted = []

    def tasks():
        for n in range(5):
            submitted.append(n)
            yield n

    seen = []
    for value in in_order(tasks(), 3, lambda n: [n]):
        seen.append((value, len(submitted)))
    # the first result is taken once three are in flight; the rest as each is submitted
    assert seen == [(0, 3), (1, 4), (2, 5), (3, 5), (4, 5)]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the processes through /proc")
def test_a_build_whose_extraction_process_is_killed_goes_on_and_stores_the_same_graph(tmp_path):
    # a killed process (the kernel's out-of-memory killer, say) left the build waiting for ever
    # (both parts: enough work that a process is still extracting past 4 s of CPU on a fast machine)
    articles = [ROOT / "tests" / "validation" / part / "articles.jsonl" for part in ("tune", "report")]
    build = subprocess.Popen([*KG, "--store", str(tmp_path / "killed"), "build", "-j", "2", "--json",
                              *map(str, articles)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=ROOT)
    victim, deadline = None, time.monotonic() + 300
    while victim is None and build.poll() is None and time.monotonic() < deadline:
        # past its pipeline's loading (about 3 s of CPU): it is extracting
        victim = next((child for child in _children(build.pid) if _cpu_seconds(child) > 4), None)
        time.sleep(0.05)
    assert victim, "no extraction process got to work"
    os.kill(victim, signal.SIGKILL)
    out, err = build.communicate(timeout=600)
    assert build.returncode == 0 and "Traceback" not in err, err
    report = json.loads(out)["report"]
    assert report["built"] == sum(len(a.read_text().splitlines()) for a in articles) and not report["skipped"]
    kg("build", "-j", "1", *map(str, articles), store=tmp_path / "whole")
    counts = [json.loads(kg("stats", "--json", store=tmp_path / name).stdout) for name in ("killed", "whole")]
    assert counts[0]["quads"] == counts[1]["quads"] and counts[0]["entities"] == counts[1]["entities"]
