"""The benchmark table: one row per figure, beside its baseline, with the ratio and the target."""
from __future__ import annotations

import json
import os
import platform
import textwrap
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    name: str
    figure: str  # what newskg does
    baseline: str  # what it is measured against, in the same run
    ratio: float | None  # newskg / baseline, oriented so that higher is better
    target: str
    ok: bool | None  # None: reported, no pass/fail
    why: str = ""  # when it misses: why, and what would fix it
    details: dict = field(default_factory=dict)


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpus} CPUs ({model or platform.machine()}), {mem:.0f} GiB, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def load() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return ""


def table(rows: list[Row]) -> str:
    header = ("benchmark", "newskg", "baseline (same run)", "ratio", "target", "")
    cells = [header] + [(r.name, r.figure, r.baseline, f"{r.ratio:.2f}×" if r.ratio is not None else "–", r.target,
                         {True: "ok", False: "MISS", None: ""}[r.ok]) for r in rows]
    widths = [min(48, max(len(line) for c in cells for line in [c[i]])) for i in range(len(header))]
    out = []
    for n, c in enumerate(cells):
        wrapped = [textwrap.wrap(text, w) or [""] for text, w in zip(c, widths)]
        for k in range(max(len(w) for w in wrapped)):
            out.append(" | ".join((w[k] if k < len(w) else "").ljust(width) for w, width in zip(wrapped, widths)).rstrip())
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    misses = [r for r in rows if r.ok is False or (r.why and r.ok is None)]
    for r in misses:
        out.append("")
        out.append(textwrap.fill(f"{r.name} — {'MISS: ' if r.ok is False else ''}{r.why}", 100,
                                 subsequent_indent="    "))
    return "\n".join(out)


def markdown(rows: list[Row]) -> str:
    lines = ["| benchmark | newskg | baseline (same run) | ratio | target | |", "|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        lines.append(f"| {r.name} | {r.figure} | {r.baseline} | {ratio} | {r.target} | "
                     f"{ {True: 'ok', False: '**miss**', None: ''}[r.ok] } |")
    return "\n".join(lines)


def save(rows: list[Row], path, meta: dict) -> None:
    with open(path, "w") as f:
        json.dump({"meta": meta, "rows": [asdict(r) for r in rows]}, f, indent=1, default=str)
