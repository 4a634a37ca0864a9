"""HTML pages: home (search, what is new, the latest articles), an entity's page with its
timeline and neighbourhood graph, an article's page with its mentions and evidence marked, and
the SPARQL editor. The entity page and the editor are shells whose scripts (api/static) read the
JSON API; the home and article pages are rendered here."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, current_app, render_template

from newskg.graph import lookups, named_queries
from newskg.graph.pipeline import stats
from newskg.graph.records import ENTITY_TYPES, RELATION_PREDICATES
from newskg.graph.vocab import CLASS_OF_TYPE, TYPE_OF_CLASS

from . import vendor

bp = Blueprint("pages", __name__)


def _handle():
    return current_app.extensions["newskg"]


@bp.get("/")
def home():
    summary = _handle().cached("stats", stats)
    # the same cache entry as /api/entities uses
    top = _handle().cached("search-index", lookups.SearchIndex.from_store).search("", limit=12)["results"]
    new = _handle().cached("trending", lookups.trending)
    latest = _handle().cached("latest-articles", lambda store: lookups.documents(store, limit=8))
    return render_template("home.html", stats=summary, top=top, new=new, latest=latest,
                           queries=named_queries.catalogue().values(), base=_handle().get().vocab.base,
                           type_of=TYPE_OF_CLASS, class_of=CLASS_OF_TYPE)


@bp.get("/browse/<entity_id>")
def entity(entity_id: str):
    # the same cache entry as /api/entities/<id>/neighbors uses
    node = _handle().cached("graph-view", lookups.NeighborIndex.from_store).nodes.get(entity_id)
    if node is None:
        return render_template("missing.html", what="entity", name=entity_id), 404
    return render_template("entity.html", node=node, types=ENTITY_TYPES, relations=RELATION_PREDICATES,
                           vendor_ok=vendor.available())


@bp.get("/article/<path:doc_id>")
def article(doc_id: str):
    found = lookups.document_detail(_handle().get(), doc_id)
    if found is None:
        return render_template("missing.html", what="article", name=doc_id), 404
    text, offset = found["text"], _body_start(found["text"], found["title"])
    runs = marked(text, offset, found["mentions"], found["relations"])
    labels = {e["id"]: e["label"] for e in found["entities"]}
    return render_template("article.html", doc=found, runs=runs, labels=labels, types=ENTITY_TYPES)


@bp.get("/query")
def query():
    return render_template("query.html", prefixes=_handle().get().vocab.prefixes, vendor_ok=vendor.available())


def _body_start(text: str, title: str | None) -> int:
    """Where the text goes on after its headline (shown as the page's heading), else 0."""
    if title and text.startswith(title):
        return len(title) + len(text[len(title):]) - len(text[len(title):].lstrip())
    return 0


@dataclass
class Piece:
    text: str
    entity: str | None = None  # the id of the entity a mention here names
    type: str | None = None


@dataclass
class Run:
    """Consecutive pieces under the same relations' evidence (none: plain text)."""
    relations: tuple[int, ...]
    pieces: list[Piece] = field(default_factory=list)
    first_of: tuple[int, ...] = ()  # the relations whose evidence starts in this run


def marked(text: str, offset: int, mentions: list[dict], relations: list[dict]) -> list[Run]:
    """The text from `offset`, cut wherever a mention or a relation's evidence begins or ends:
    runs of evidence (by relation index) holding pieces of plain text or mentions. One sweep
    over the sorted bounds, so a long article with many mentions costs (n log n)."""
    end = len(text)
    spans = [(m["start"], m["end"], ("m", m)) for m in mentions] + \
            [(r["start"], r["end"], ("r", i)) for i, r in enumerate(relations)]
    spans = [(max(a, offset), min(b, end), what) for a, b, what in spans if b > offset and a < end and a < b]
    bounds = sorted({offset, end, *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    starts: dict[int, list] = {}
    for a, b, what in spans:
        starts.setdefault(a, []).append((b, what))
    open_mentions: list[tuple[int, dict]] = []
    open_relations: dict[int, int] = {}  # relation index -> end
    runs: list[Run] = []
    seen: set[int] = set()
    for a, b in zip(bounds, bounds[1:]):
        for stop, what in starts.get(a, ()):
            if what[0] == "m":
                open_mentions.append((stop, what[1]))
            else:
                open_relations[what[1]] = stop
        open_mentions = [(stop, m) for stop, m in open_mentions if stop > a]
        open_relations = {i: stop for i, stop in open_relations.items() if stop > a}
        mention = open_mentions[-1][1] if open_mentions else None
        key = tuple(sorted(open_relations))
        if not runs or runs[-1].relations != key:
            runs.append(Run(key, first_of=tuple(i for i in key if i not in seen)))
            seen.update(key)
        runs[-1].pieces.append(Piece(text[a:b], mention["entity"] if mention else None,
                                     mention["type"] if mention else None))
    return runs
