"""Peak memory of `kg build` (the command, a process of its own) as the corpus grows."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .corpus import ROOT
from .report import Row


def _hwm_kb(pid: int) -> int:
    """The high-water mark of a process's resident memory (kB), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = {int(k) for k in (task / "children").read_text().split()}
            except (OSError, ValueError):
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def _peak_mb(cmd: list[str], env: dict, log: Path) -> tuple[float, float, int]:
    """Peak resident memory (MB; the command and its worker processes together), wall seconds
    and exit code of a command. Not from wait4's ru_maxrss: Linux carries the parent's high-water
    mark into a forked child across exec, so a child of this (large) process would report this
    process's peak. /proc's VmHWM belongs to the command's own address space; it is read every
    20 ms until the command exits."""
    with open(log, "w") as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        peaks: dict[int, int] = {}
        while proc.poll() is None:
            for pid in {proc.pid} | _descendants(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - t
    return sum(peaks.values()) / 1024, seconds, proc.returncode


def peak_memory(model: str, recs: list[dict], write, scratch: Path, fractions=(0.25, 0.5, 1.0)) -> Row:
    env = {**os.environ, "KG_MODEL": model}
    kg = [sys.executable, "-m", "newskg"]
    model_only, _, _ = _peak_mb([sys.executable, "-c", "from newskg.graph.extract import Extractor; Extractor()"], env,
                                scratch / "model.log")
    parts = []
    for f in fractions:
        # every k-th article, not the first ones: the parts then have the same mix of article
        # lengths, and the peak follows the longest article, not the corpus size
        part = recs[::round(1 / f)]
        source = write(f"part{int(f * 100)}", part)
        store = scratch / f"mem-{int(f * 100)}"
        mb, seconds, code = _peak_mb([*kg, "--store", str(store), "build", str(source), "--json", "--no-progress"],
                                     env, scratch / f"mem-{int(f * 100)}.log")
        if code != 0:
            raise RuntimeError(f"kg build failed: {(scratch / f'mem-{int(f * 100)}.log').read_text()[-2000:]}")
        parts.append({"fraction": f, "articles": len(part), "words": sum(len(r["text"].split()) for r in part),
                      "peak_mb": mb, "seconds": seconds})
    growth = parts[-1]["peak_mb"] / parts[0]["peak_mb"]
    figure = ", ".join(f"{p['fraction']:g}: {p['peak_mb']:,.0f} MB" for p in parts)
    full = parts[-1]
    return Row("peak memory of kg build (the command)", figure,
               f"the model loaded alone: {model_only:,.0f} MB", 1 / growth,
               "flat: full corpus ≤1.15× of 1/4", growth <= 1.15,
               details={"parts": parts, "model_only_mb": model_only,
                        "whole_build_seconds": full["seconds"], "whole_build_words": full["words"]})
