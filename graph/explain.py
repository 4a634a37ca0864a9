"""`kg explain ENTITY`: why each form is on a node — which rule, which evidence, which article.

Read from what the build recorded: each article's `nkg:Resolution` of its entities (the rule and
evidence that sent the entity to the node, and why each form joined the entity within the
article), the `nkg:Merge` records of nodes merged into this one, and the analyst's curation.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from . import curation
from .names import normal
from .store import Store, mention_text


class NotFound(LookupError):
    pass


def find(store: Store, name: str) -> str:
    """The node an id, IRI or name stands for (a retired IRI: the node it was merged into)."""
    v = store.vocab
    iri = name if name.startswith(v.base) else v.entity(name)
    rows = store.select(f"SELECT ?new WHERE {{ GRAPH <{v.registry}> {{ <{iri}> owl:sameAs ?new }} }}", union=False)
    if rows:
        return rows[0]["new"]
    if store.select(f"SELECT ?l WHERE {{ GRAPH <{v.registry}> {{ <{iri}> rdfs:label ?l }} }}", union=False):
        return iri
    key = normal(name)
    found = Counter()
    for r in store.select(f"""SELECT ?e ?n ?count WHERE {{ GRAPH <{v.registry}> {{ {{ ?e rdfs:label ?n }} UNION
            {{ ?e skos:altLabel ?n }} ?e nkg:mentionCount ?count }} }}""", union=False):
        if normal(r["n"]) == key:
            found[r["e"]] = r["count"]
    if not found:
        raise NotFound(f"no entity {name!r}: give its id, its IRI or one of its names (kg query entities-named?)")
    return found.most_common(1)[0][0]


def explain(store: Store, name: str) -> dict:
    v = store.vocab
    iri = find(store, name)
    entry = store.select(f"""SELECT ?label ?type ?place WHERE {{ GRAPH <{v.registry}> {{ <{iri}> rdfs:label ?label ;
        a ?type OPTIONAL {{ <{iri}> nkg:place ?place }} }} }}""", union=False)
    counts = Counter()
    for r in store.select(f"""SELECT ?text (COUNT(?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m nkg:refersTo <{iri}> ;
            nkg:start ?s ; nkg:end ?x . ?g nkg:text ?t }} BIND({mention_text(text="?t")} AS ?text) }} GROUP BY ?text""",
                          union=False):
        counts[r["text"]] = r["n"]
    joins = []
    reasons = defaultdict(list)
    for r in store.select(f"""SELECT ?g ?r ?label ?rule ?evidence ?title WHERE {{ GRAPH ?g {{
            ?r nkg:resolvedTo <{iri}> ; rdfs:label ?label ; nkg:rule ?rule ; nkg:evidence ?evidence
            OPTIONAL {{ ?g dcterms:title ?title }} }} }}
            ORDER BY ?g""", union=False):
        joins.append({"article": v.document_id_of(r["g"]), "title": r.get("title"), "label": r["label"],
                      "rule": r["rule"], "evidence": r["evidence"], "forms": [], "within": []})
        reasons[r["r"]].append(joins[-1])
    if joins:
        for r in store.select(f"""SELECT ?r ?form ?why WHERE {{ GRAPH ?g {{ ?r nkg:resolvedTo <{iri}> .
                {{ ?r nkg:form ?form }} UNION {{ ?r nkg:formReason ?why }} }} }}""", union=False):
            for j in reasons[r["r"]]:
                if "form" in r:
                    j["forms"].append(r["form"])
                if "why" in r:
                    j["within"].append(r["why"])
    merges = [{"retired": v.slug_of(r["old"]) or r["old"], "evidence": r.get("evidence", ""),
               "article": v.document_id_of(r["g"]) if r["g"] != v.registry else None}
              for r in store.select(f"""SELECT ?old ?g ?evidence WHERE {{
                 GRAPH <{v.registry}> {{ ?old owl:sameAs <{iri}> }}
                 OPTIONAL {{ GRAPH ?g {{ ?m a nkg:Merge ; nkg:retired ?old ; nkg:into <{iri}> ;
                                           nkg:evidence ?evidence }} }}
                 }}""", union=False)]
    slug = v.slug_of(iri)
    curated = [i.describe() for i in curation.items(store) if slug in (i.entity, i.other)]
    first = entry[0] if entry else {}
    return {"id": slug, "iri": iri, "label": first.get("label"), "type": first.get("type", "").rsplit("#", 1)[-1],
            "place": first.get("place"), "forms": dict(counts.most_common()), "articles": joins,
            "merged": merges, "curation": curated}


def render(x: dict) -> str:
    lines = [f"{x['label']} <{x['id']}> ({x['type']}{', of ' + x['place'] if x['place'] else ''})", "forms: " +
             ", ".join(f"{f} ×{n}" for f, n in x["forms"].items())]
    by_form = defaultdict(list)
    for j in x["articles"]:
        for f in dict.fromkeys(j["forms"]):
            by_form[f].append(j)
    for form in x["forms"]:
        lines.append(f"\n'{form}':")
        for j in by_form.get(form, []):
            within = [w.split(": ", 1)[1] for w in j["within"] if w.split(": ", 1)[0] == form]
            how = f"within the article: {within[0]}; " if within else ""
            lines.append(f"  {j['article']}: {how}the article's '{j['label']}' by {j['rule']}: {j['evidence']}")
    for m in x["merged"]:
        lines.append(f"\nmerged in: <{m['retired']}> ({m['evidence'] or 'no record'})")
    for c in x["curation"]:
        lines.append(f"curation: {c}")
    return "\n".join(lines)
