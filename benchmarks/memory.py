"""Peak memory of `kg build` (the command, a process of its own) as the corpus grows."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from .corpus import ROOT
from .report import Row


def _peak_mb(cmd: list[str], env: dict, log: Path) -> tuple[float, float, int]:
    """Peak resident memory (MB), wall seconds and exit code of a command."""
    with open(log, "w") as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, seconds, proc.returncode


def peak_memory(model: str, recs: list[dict], write, scratch: Path, fractions=(0.25, 0.5, 1.0)) -> Row:
    env = {**os.environ, "KG_MODEL": model}
    kg = [sys.executable, "-m", "graph.cli"]
    model_only, _, _ = _peak_mb([sys.executable, "-c", "from graph.extract import Extractor; Extractor()"], env,
                                scratch / "model.log")
    parts = []
    for f in fractions:
        part = recs[:max(1, round(len(recs) * f))]
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
