"""A picture of the graph (PNG or SVG): ForceAtlas2 layout (Gephi's), colour by type, size
by mentions, labels on the most mentioned entities; relations as dark arrows, co-mentions
as light lines. Drawn with networkx and matplotlib's Agg backend (no display needed).

A layout is quadratic in the number of nodes and a picture of thousands is a blur, so only
the `max_nodes` most mentioned entities are drawn (the summary says how many were left out);
filters choose a part worth drawing.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # no display; must come before anything imports pyplot

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from ..view import OTHER_COLOUR, TYPE_COLOURS, GraphView  # noqa: E402

TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "EVENT": "event", "GROUP": "group"}
LAYOUT_SEED = 7  # the same graph gives the same picture


def _colour(entity_type: str) -> tuple[float, float, float]:
    return tuple(c / 255 for c in TYPE_COLOURS.get(entity_type, OTHER_COLOUR))


def write(view: GraphView, out, fmt: str, labels: int = 20, max_nodes: int = 300,
          tick: Callable[[int], None] | None = None, description: str | None = None) -> dict:
    import networkx as nx

    tick = tick or (lambda n: None)
    ranked = sorted(view.nodes.values(), key=lambda n: (-n.mentions, n.id))
    shown = {n.id: n for n in ranked[:max_nodes]}
    edges = [e for e in view.edges if e.source in shown and e.target in shown]
    g = nx.Graph()
    g.add_nodes_from(shown)
    for e in edges:  # the layout pulls harder on heavier ties, whatever their kind
        w = g.edges[e.source, e.target]["weight"] if g.has_edge(e.source, e.target) else 0
        g.add_edge(e.source, e.target, weight=w + e.weight)
    # strong gravity keeps the small components and lone entities near the big one
    pos = nx.forceatlas2_layout(g, seed=LAYOUT_SEED, max_iter=300, weight="weight", strong_gravity=True,
                                scaling_ratio=10.0) if len(g) > 1 else {n: (0.0, 0.0) for n in g}
    tick(1)

    fig = Figure(figsize=(10, 7.5), dpi=100)
    ax = fig.add_axes((0.17, 0.04, 0.82, 0.95))  # the legend on the left, the caption below
    ax.set_axis_off()
    order = list(shown)
    sizes = [30 + 45 * math.log1p(shown[n].mentions) for n in order]
    co = [(e.source, e.target) for e in edges if e.kind == "comention"]
    rel = [(e.source, e.target) for e in edges if e.kind == "relation"]
    if co:
        nx.draw_networkx_edges(g, pos, edgelist=co, ax=ax, edge_color="#bbbbbb", alpha=0.5, arrows=False,
                               width=[0.4 + 0.5 * math.log1p(g.edges[a, b]["weight"]) for a, b in co])
    if rel:
        directed = nx.DiGraph(rel)
        directed.add_nodes_from(order)
        nx.draw_networkx_edges(directed, pos, edgelist=rel, ax=ax, edge_color="#444444", width=1.1, arrows=True,
                               arrowstyle="-|>", arrowsize=9, nodelist=order, node_size=sizes)
    if order:
        nx.draw_networkx_nodes(g, pos, nodelist=order, ax=ax, node_size=sizes,
                               node_color=[_colour(shown[n].type) for n in order], edgecolors="white", linewidths=0.6)
        named = {n.id: n.label for n in ranked[:min(labels, max_nodes)]}
        if named:  # above their nodes, which keep their colour
            ys = [y for _, y in pos.values()]
            lift = 0.025 * ((max(ys) - min(ys)) or 1)
            nx.draw_networkx_labels(g, {n: (x, y + lift) for n, (x, y) in pos.items() if n in named}, labels=named,
                                    ax=ax, font_size=8, verticalalignment="bottom",
                                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
    else:
        ax.text(0.5, 0.5, "no entities to draw", ha="center", va="center", transform=ax.transAxes)
    present = sorted({n.type for n in shown.values()}, key=lambda t: list(TYPE_COLOURS).index(t)
                     if t in TYPE_COLOURS else 99)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=_colour(t),
                      label=f"{TYPE_NAMES.get(t, t.lower())} ({sum(n.type == t for n in shown.values())})")
               for t in present]
    handles += [Line2D([], [], color="#444444", lw=1.1, label=f"relation ({len(rel)})"),
                Line2D([], [], color="#bbbbbb", lw=1.5, label=f"co-mention ({len(co)})")]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, 0.99), fontsize=8, frameon=False)
    caption = f"{len(shown)} entities" + (f" (the most mentioned of {len(view.nodes)})" if len(shown) < len(view.nodes)
                                          else "")
    caption += f", {len(rel)} relations, {len(co)} co-mentions" + (f" — {description}" if description else "")
    fig.text(0.01, 0.012, caption, fontsize=7, color="#555555")
    tick(1)

    if fmt == "png":
        _save_png(fig, out)
    else:
        with matplotlib.rc_context({"svg.hashsalt": "newskg", "svg.fonttype": "none"}):
            # no date in the file (the same graph gives the same bytes); labels stay text
            fig.savefig(out, format="svg", metadata={"Date": None})
    tick(1)
    return {"nodes": len(shown), "edges": len(edges), "relations": len(rel), "comentions": len(co),
            "entities_left_out": len(view.nodes) - len(shown), "labelled": min(labels, len(shown))}


def _save_png(fig: Figure, out) -> None:
    """A palette PNG: a third of the size of matplotlib's RGBA one, and no visible difference
    for flat colours, thin lines and text."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    rgb = image.convert("RGB")
    # A median cut alone merges the type colours with their neighbours (EVENT's orange-red came
    # out as ORG's red): the palette is the type colours, exactly, and the cut's other colours.
    fixed = [*TYPE_COLOURS.values(), OTHER_COLOUR]
    cut = rgb.quantize(colors=256 - len(fixed), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    found = cut.getpalette()[:3 * len(cut.getcolors())]
    palette = Image.new("P", (1, 1))
    palette.putpalette([c for colour in fixed for c in colour] + found)
    rgb.quantize(palette=palette, dither=Image.Dither.NONE).save(out, format="PNG", optimize=True)
