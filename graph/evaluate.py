"""`kg evaluate`: score the store against gold files in the guidelines' format.

The scoring follows GUIDELINES.md ("Scoring"): gold entities pooled across files by label;
a system entity matches a gold one when they share a name (label or alias, case-folded,
without a leading "the", a trailing possessive or full stops), each gold entity matched at
most once (a maximum bipartite matching); typed scores also need the same type; GROUP is
scored on its own. Relations match when both ends match and the predicate is the same;
titles when their words overlap by half, near-duplicate wordings of one person's title
counting once on either side. Breakdowns by type and predicate, and the lists of misses
and spurious items, show where the extractor errs.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .names import normal
from .store import Store
from .vocab import TYPE_OF_CLASS

TITLE_STOP = {"the", "a", "an", "of", "for", "to", "at", "in", "on", "and"}
PREDICATES = ("leads", "memberOf", "childOf", "locatedIn", "opposes", "participatedIn")


def _key(name: str) -> str:
    return normal(name)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in TITLE_STOP)


def parts(paths: list[Path]) -> dict[str, list[Path]]:
    """The gold to score, by part: a folder of gold files is one part; a folder with no gold
    files of its own but parts inside (`tune/gold`, `report/gold`, as tests/validation has) is
    one part per subfolder, named after it. Files given one by one form one part."""
    out: dict[str, list[Path]] = {}
    for p in paths:
        if p.is_dir() and not any(p.glob("*.json")):
            # a folder of mention-level gold (mentions.jsonl, for --coref) is not a part
            folders = {f.parent for f in p.glob("*/gold/*.json")} | {f.parent for f in p.glob("*/*.json")}
            inner = sorted(f for f in folders
                           if not (f / "mentions.jsonl").exists())
            for folder in inner:
                name = folder.parent.name if folder.name == "gold" else folder.name
                out.setdefault(name, []).append(folder)
            if inner:
                continue
        out.setdefault(p.stem if p.is_dir() else "gold", []).append(p)
    return out


def load_gold(paths: list[Path]) -> tuple[dict, set, list[Path]]:
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.json")) if p.is_dir() else [p]
    entities: dict[str, dict] = {}
    relations: set[tuple] = set()
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        local = {}
        for e in doc["entities"]:
            key = _key(e["label"])
            local[e["id"]] = key
            ent = entities.setdefault(key, {"label": e["label"], "type": e["type"], "forms": set()})
            ent["forms"] |= {key, *(_key(a) for a in e.get("aliases", []))}
        for r in doc["relations"]:
            s = local.get(r["subject"])
            if s is None:
                continue
            if r["predicate"] == "title":
                relations.add((s, "title", r["value"]))
            elif r.get("object") in local:
                relations.add((s, r["predicate"], local[r["object"]]))
    return entities, relations, files


def system_view(store: Store, documents: list[str] | None = None) -> tuple[dict, set]:
    """The graph as a user sees it: nodes (names, type) and relations; with `documents` (article
    ids), what those articles say — the nodes they mention and the relations they state."""
    v = store.vocab
    within = ""
    if documents is not None:
        within = "VALUES ?g { " + " ".join(f"<{v.document(d)}>" for d in documents) + " }"
    mentioned = None
    if documents is not None:
        mentioned = {r["e"] for r in store.select(f"""SELECT DISTINCT ?e WHERE {{ {within}
            GRAPH ?g {{ ?m nkg:refersTo ?e }} }}""", union=False)}
    nodes: dict[str, dict] = {}
    for r in store.select(f"""SELECT ?e ?class ?label (GROUP_CONCAT(?alt; separator="\\u001f") AS ?alts) WHERE {{
            GRAPH <{v.registry}> {{ ?e a ?class ; rdfs:label ?label OPTIONAL {{ ?e skos:altLabel ?alt }} }} }}
            GROUP BY ?e ?class ?label""", union=False):
        if mentioned is not None and r["e"] not in mentioned:
            continue
        names = {_key(r["label"]), *(_key(a) for a in r.get("alts", "").split("\u001f") if a)}
        nodes[r["e"]] = {"type": TYPE_OF_CLASS.get(r["class"].rsplit("#", 1)[-1], "ORG"), "names": names,
                         "label": r["label"]}
    relations = set()
    for r in store.select(f"""SELECT DISTINCT ?s ?p ?o WHERE {{ {within} GRAPH ?g {{ ?st a nkg:Statement ;
            rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}""", union=False):
        relations.add((r["s"], r["p"].rsplit("#", 1)[-1], r["o"]))
    return nodes, relations


def _match(gold: dict, nodes: dict) -> tuple[dict, dict]:
    """Maximum matching gold key → node IRI over shared names (augmenting paths), exact
    labels tried first; also returns every candidate pair."""
    by_name = defaultdict(list)
    for iri, n in nodes.items():
        for name in n["names"]:
            by_name[name].append(iri)
    # the reference scorer's order, so that ties go the same way whatever the hash seed: exact
    # labels first, then nodes of the gold type, then by IRI; gold entities in sorted order
    candidates = {k: sorted({iri for f in e["forms"] for iri in by_name.get(f, [])},
                            key=lambda iri: (_key(gold[k]["label"]) not in nodes[iri]["names"],
                                             gold[k]["type"] != nodes[iri]["type"], str(iri)))
                  for k, e in gold.items()}
    owner: dict[str, str] = {}

    def augment(k: str, seen: set) -> bool:
        for iri in candidates[k]:
            if iri in seen:
                continue
            seen.add(iri)
            if iri not in owner or augment(owner[iri], seen):
                owner[iri] = k
                return True
        return False

    for k in sorted(gold):
        augment(k, set())
    return {k: iri for iri, k in owner.items()}, candidates


def _prf(tp: int, sys: int, gold: int) -> dict:
    p = tp / sys if sys else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "sys": sys, "gold": gold}


def _clusters(pairs: list[tuple]) -> list[tuple]:
    """Near-duplicate title wordings of one subject grouped: (subject, [word sets], [wordings])."""
    out: list[tuple] = []
    for subject, value in sorted(pairs, key=lambda p: (str(p[0]), p[1])):
        w = _words(value)
        for c in out:
            if c[0] == subject and any(len(w & x) / max(len(w), len(x), 1) >= 0.5 for x in c[1]):
                c[1].append(w)
                c[2].append(value)
                break
        else:
            out.append((subject, [w], [value]))
    return out


def evaluate(store: Store, gold_paths: list[Path]) -> dict:
    """Scores of the store against gold files. When the store holds the articles the gold
    describes and others besides, only what those articles say is scored."""
    gold, gold_rels, files = load_gold(gold_paths)
    documents = [json.loads(f.read_text(encoding="utf-8")).get("document") for f in files]
    held = set(store.article_hashes())
    scoped = [d for d in documents if d and store.vocab.document(d) in held]
    nodes, sys_rels = system_view(store, scoped if scoped and len(held) > len(scoped) else None)
    core = {k: e for k, e in gold.items() if e["type"] != "GROUP"}
    groups = {k: e for k, e in gold.items() if e["type"] == "GROUP"}
    core_nodes = {i: n for i, n in nodes.items() if n["type"] != "GROUP"}
    group_nodes = {i: n for i, n in nodes.items() if n["type"] == "GROUP"}
    matched, candidates = _match(core, core_nodes)
    matched_groups, _ = _match(groups, group_nodes)
    out: dict = {"documents": len(files)}
    out["entities"] = _prf(len(matched), len(core_nodes), len(core))
    out["entities_typed"] = _prf(sum(core[k]["type"] == core_nodes[i]["type"] for k, i in matched.items()),
                                 len(core_nodes), len(core))
    out["groups"] = _prf(len(matched_groups), len(group_nodes), len(groups))
    by_type = {}
    for t in ("PERSON", "ORG", "PLACE", "EVENT"):
        tp = sum(1 for k, i in matched.items() if core[k]["type"] == t == core_nodes[i]["type"])
        by_type[t] = _prf(tp, sum(n["type"] == t for n in core_nodes.values()),
                          sum(e["type"] == t for e in core.values()))
    out["entities_by_type"] = by_type
    hits = defaultdict(set)
    for k, iris in candidates.items():
        for iri in iris:
            hits[iri].add(k)
    splits = sum(1 for iris in candidates.values() if len(iris) > 1)
    merges = sum(1 for ks in hits.values() if len(ks) > 1)
    out["resolution"] = {"split_gold": splits, "merged_system": merges,
                         "no_split_rate": round(1 - splits / max(1, len(core)), 3),
                         "no_merge_rate": round(1 - merges / max(1, len(hits)), 3)}
    # relations, over all entities (groups included) mapped to gold keys
    all_matched, _ = _match(gold, nodes)
    gold_of = {i: k for k, i in {**all_matched, **matched}.items()}
    mapped, titles = set(), []
    for s, p, o in sys_rels:
        if p == "title":
            titles.append((gold_of.get(s, ("node", s)), o))  # an unmatched node's titles match nothing
        else:
            mapped.add((gold_of.get(s, s), p, gold_of.get(o, o)))
    gold_plain = {r for r in gold_rels if r[1] != "title"}
    g_titles = _clusters([(s, v) for s, p, v in gold_rels if p == "title"])
    s_titles = _clusters(titles)
    used, found_titles, title_tp = set(), set(), 0
    for n, (subject, ws, _) in enumerate(s_titles):
        for i, (gs, gws, _) in enumerate(g_titles):
            if i not in used and subject is not None and gs == subject and any(
                    a and b and len(a & b) / max(len(a), len(b)) >= 0.5 for a in ws for b in gws):
                used.add(i)
                found_titles.add(n)
                title_tp += 1
                break
    tp = len(mapped & gold_plain)
    out["relations"] = _prf(tp + title_tp, len(mapped) + len(s_titles), len(gold_plain) + len(g_titles))
    per = {p: _prf(len({r for r in mapped if r[1] == p} & gold_plain), sum(r[1] == p for r in mapped),
                   sum(r[1] == p for r in gold_plain)) for p in PREDICATES}
    per["title"] = _prf(title_tp, len(s_titles), len(g_titles))
    out["relations_by_predicate"] = per
    label = {k: e["label"] for k, e in gold.items()}
    node_label = {i: n["label"] for i, n in nodes.items()}
    out["missed_entities"] = sorted(core[k]["label"] + f" ({core[k]['type']})" for k in core if k not in matched)
    out["spurious_entities"] = sorted(n["label"] + f" ({n['type']})" for i, n in core_nodes.items()
                                      if i not in set(matched.values()))
    out["mistyped_entities"] = sorted(f"{core[k]['label']}: {core_nodes[i]['type']} for {core[k]['type']}"
                                      for k, i in matched.items() if core[k]["type"] != core_nodes[i]["type"])
    out["missed_relations"] = sorted(f"{label[s]} {p} {label.get(o, o)}" for s, p, o in gold_plain - mapped)
    out["spurious_relations"] = sorted(f"{label.get(s, node_label.get(s, s))} {p} {label.get(o, node_label.get(o, o))}"
                                       for s, p, o in mapped - gold_plain)
    # titles: each gold title no system wording matched, each system title no gold wording did
    out["missed_relations"] += sorted(f"{label[s]} title {' / '.join(values)}"
                                      for i, (s, _, values) in enumerate(g_titles) if i not in used)
    out["spurious_relations"] += sorted(f"{label[s] if s in label else node_label.get(s[1], s[1])} title "
                                        f"{' / '.join(values)}"
                                        for n, (s, _, values) in enumerate(s_titles) if n not in found_titles)
    return out


def _row(name: str, r: dict) -> str:
    return f"  {name:14} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  ({r['tp']}/{r['sys']}, {r['gold']} gold)"


def render(result: dict) -> str:
    lines = [f"{result['documents']} gold document(s)"]
    for k in ("entities", "entities_typed", "groups", "relations"):
        r = result[k]
        lines.append(f"{k:16} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f}  ({r['tp']}/{r['sys']} system, "
                     f"{r['gold']} gold)")
    lines.append("by type:")
    for t, r in result["entities_by_type"].items():
        lines.append(_row(t, r))
    lines.append("by predicate:")
    for p, r in result["relations_by_predicate"].items():
        lines.append(_row(p, r))
    res = result["resolution"]
    lines.append(f"resolution: {res['split_gold']} gold entities split ({res['no_split_rate']:.1%} not split), "
                 f"{res['merged_system']} system entities merged ({res['no_merge_rate']:.1%} not merged)")
    for key in ("missed_entities", "spurious_entities", "mistyped_entities", "missed_relations", "spurious_relations"):
        if result[key]:
            lines.append(f"{key.replace('_', ' ')} ({len(result[key])}):")
            lines += [f"  {x}" for x in result[key]]
    return "\n".join(lines)


# -- cross-document resolution against mention-level gold (kg evaluate --coref) ---------------------
def evaluate_coref(store: Store, gold_dir: Path) -> dict:
    """B-cubed precision, recall and F over gold mentions (mentions.jsonl: doc, start, end, form,
    entity; offsets into the corpus line's `text`), as ../shared/eval/score_coref.py computes them
    on `kg export --format nquads`: a gold mention is matched to the mention of the same article
    whose span overlaps it most, and that mention's node is its cluster. Also the gold entities
    split over several nodes and the nodes holding several gold entities, with both lists."""
    path = Path(gold_dir) / "mentions.jsonl"
    try:
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        raise ValueError(f"{path}: cannot read the gold mentions: {e}") from None
    for n, gm in enumerate(gold, 1):
        missing = [k for k in ("doc", "start", "end", "entity") if k not in gm]
        if missing:
            raise ValueError(f"{path}, line {n}: missing {', '.join(missing)}")
    v = store.vocab
    docs = sorted({gm["doc"] for gm in gold})
    texts, spans = {}, defaultdict(list)
    for chunk in (docs[i:i + 200] for i in range(0, len(docs), 200)):
        values = " ".join(f"<{v.document(d)}>" for d in chunk)
        for r in store.select(f"SELECT ?g ?text ?title WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ "
                              f"?g nkg:text ?text OPTIONAL {{ ?g dcterms:title ?title }} }} }}", union=False):
            texts[v.document_id_of(r["g"])] = (r["text"], r.get("title"))
        for r in store.select(f"SELECT ?g ?s ?e ?node WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ "
                              f"?m a nkg:Mention ; nkg:start ?s ; nkg:end ?e ; nkg:refersTo ?node }} }}", union=False):
            spans[v.document_id_of(r["g"])].append((r["s"], r["e"], r["node"]))
    shifts = {doc: _shift(texts[doc], [gm for gm in gold if gm["doc"] == doc]) for doc in texts}
    matched, missed = [], []
    for gm in gold:
        if gm["doc"] not in texts:
            missed.append(gm)
            continue
        s, e = gm["start"] + shifts[gm["doc"]], gm["end"] + shifts[gm["doc"]]
        best, overlap = None, 0
        for ms, me, node in spans[gm["doc"]]:
            o = min(e, me) - max(s, ms)
            if o > overlap:
                best, overlap = node, o
        (matched.append((gm["entity"], best)) if best else missed.append(gm))
    gold_of, sys_of = defaultdict(list), defaultdict(list)
    for i, (ge, node) in enumerate(matched):
        gold_of[ge].append(i)
        sys_of[node].append(i)
    p = r = 0.0
    for ge, node in matched:
        inter = len(set(gold_of[ge]) & set(sys_of[node]))
        p += inter / len(sys_of[node])
        r += inter / len(gold_of[ge])
    n = len(matched) or 1
    P, R = p / n, r / n
    F = 2 * P * R / (P + R) if P + R else 0.0
    split = {ge: Counter(matched[i][1] for i in idx) for ge, idx in gold_of.items()
             if len({matched[i][1] for i in idx}) > 1}
    merged = {node: Counter(matched[i][0] for i in idx) for node, idx in sys_of.items()
              if len({matched[i][0] for i in idx}) > 1}
    labels = _labels(store, set(sys_of))
    return {
        "gold_mentions": len(gold), "detected": round(len(matched) / max(len(gold), 1), 3),
        "b3_p": round(P, 3), "b3_r": round(R, 3), "b3_f": round(F, 3),
        "gold_entities": len(gold_of), "split": len(split), "split_rate": round(len(split) / max(len(gold_of), 1), 3),
        "system_nodes": len(sys_of), "merged": len(merged),
        "merge_rate": round(len(merged) / max(len(sys_of), 1), 3),
        "split_entities": [{"entity": ge, "nodes": [{"id": v.slug_of(nd) or nd, "label": labels.get(nd, nd),
                                                     "mentions": k} for nd, k in c.most_common()]}
                           for ge, c in sorted(split.items(), key=lambda x: (-sum(x[1].values()), x[0]))],
        "merged_nodes": [{"id": v.slug_of(nd) or nd, "label": labels.get(nd, nd),
                          "entities": [{"entity": ge, "mentions": k} for ge, k in c.most_common()]}
                         for nd, c in sorted(merged.items(), key=lambda x: (-sum(x[1].values()), x[0]))],
    }


def _shift(stored: tuple[str, str | None], gold: list[dict]) -> int:
    """Where the corpus line's `text` starts in the stored text: 0, or after the headline that
    `kg build` puts on top of a JSONL line's text — whichever makes the gold forms read true."""
    text, title = stored
    options = [0]
    if title and text.startswith(title.strip() + "\n\n"):
        options.append(len(title.strip()) + 2)
    return max(options, key=lambda k: (sum(text[g["start"] + k:g["end"] + k] == g.get("form") for g in gold), k))


def _labels(store: Store, iris: set) -> dict:
    out = {}
    items = sorted(iris)
    for chunk in (items[i:i + 400] for i in range(0, len(items), 400)):
        values = " ".join(f"<{i}>" for i in chunk)
        for r in store.select(f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} GRAPH <{store.vocab.registry}> "
                              f"{{ ?e rdfs:label ?l }} }}", union=False):
            out[r["e"]] = r["l"]
    return out


def render_coref(result: dict, show: int = 20) -> str:
    lines = [f"{result['gold_mentions']} gold mentions, detected {result['detected']:.1%}",
             f"B-cubed  P={result['b3_p']:.3f} R={result['b3_r']:.3f} F={result['b3_f']:.3f}",
             f"split    {result['split']} of {result['gold_entities']} gold entities ({result['split_rate']:.1%}) "
             "have mentions on several nodes",
             f"merged   {result['merged']} of {result['system_nodes']} nodes ({result['merge_rate']:.1%}) "
             "hold mentions of several gold entities"]
    if result["split_entities"]:
        lines.append(f"split gold entities ({len(result['split_entities'])}, gold entity: node ×mentions):")
        lines += ["  " + s["entity"] + ": " + ", ".join(f"{n['label']} <{n['id']}> ×{n['mentions']}"
                                                         for n in s["nodes"])
                  for s in result["split_entities"][:show]]
    if result["merged_nodes"]:
        lines.append(f"merged nodes ({len(result['merged_nodes'])}, node: gold entity ×mentions):")
        lines += [f"  {m['label']} <{m['id']}>: " + ", ".join(f"{e['entity']} ×{e['mentions']}" for e in m["entities"])
                  for m in result["merged_nodes"][:show]]
    if len(result["split_entities"]) > show or len(result["merged_nodes"]) > show:
        lines.append(f"(the first {show} of each; --json lists all)")
    return "\n".join(lines)
