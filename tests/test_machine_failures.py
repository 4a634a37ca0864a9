"""When the machine fails the command — a full disk, a file size limit, a read-only folder, a
file where the store's folder should be, a term too big for the RDF parser — `kg` says what went
wrong and what to do, never shows a traceback, and leaves the published store as it was."""
import os
import resource
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import KG, ROOT, SEEDS, kg


def no_traceback(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    return done.stderr


@pytest.fixture
def tmpfs(tmp_path):
    """A small file system of its own (tmpfs, mounted as root: CI runs as root)."""
    mounted = []

    def mount(size: str, read_only: bool = False) -> Path:
        point = tmp_path / f"fs-{uuid.uuid4().hex[:6]}"
        point.mkdir()
        options = f"size={size}" + (",ro" if read_only else "")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True)
        if done.returncode != 0:
            if os.environ.get("CI"):
                pytest.fail(f"cannot mount a tmpfs under CI: {done.stderr.decode()}")
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], capture_output=True)


def test_a_store_path_that_is_a_file(tmp_path):
    path = tmp_path / "kgstore"
    path.write_text("not a store")
    for args in (["build", str(SEEDS)], ["stats"], ["query", "ASK { ?s ?p ?o }"]):
        err = no_traceback(kg(*args, store=path, check=False))
        assert f"{path} is not a folder" in err or f"{path} exists and is not a folder" in err, err
    assert path.read_text() == "not a store"


def test_a_full_disk_stops_the_build_with_advice_and_publishes_nothing_half_written(tmpfs):
    store = tmpfs("3m") / "kg"
    err = no_traceback(kg("build", str(SEEDS), store=store, check=False))
    assert "the disk is full" in err and "--store" in err
    assert not (store / "CURRENT").exists()  # nothing published: readers see no half store


def test_a_read_only_folder(tmpfs):
    store = tmpfs("1m", read_only=True) / "kg"
    err = no_traceback(kg("build", str(SEEDS), store=store, check=False))
    assert "read-only file system" in err and "--store" in err


def test_a_file_size_limit_fails_the_load_and_leaves_the_store_as_it_was(store_copy, tmp_path):
    big = tmp_path / "big.nt"
    big.write_text('<http://example.org/a> <http://example.org/p> "' + "a" * 8_000_000 + '" .\n')
    before = kg("stats", "--json", store=store_copy).stdout

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4_000_000, 4_000_000))

    done = subprocess.run([*KG, "--store", str(store_copy), "load", "--graph", "http://example.org/g", str(big)],
                          capture_output=True, text=True, cwd=ROOT, preexec_fn=limit, timeout=300)
    err = no_traceback(done)
    assert "could not be written" in err and "File too large" in err and "nothing of this file" in err
    assert kg("stats", "--json", store=store_copy).stdout == before


def test_a_literal_too_long_for_the_parser(store_copy, tmp_path):
    big = tmp_path / "huge.nt"
    with open(big, "w") as f:
        f.write('<http://example.org/a> <http://example.org/p> "')
        f.write("a" * 50_000_000)
        f.write('" .\n')
    err = no_traceback(kg("load", str(big), store=store_copy, check=False))
    assert "longer than the RDF parser takes" in err and "nothing of this file was loaded" in err
    big.unlink()
    shutil.rmtree(store_copy)
