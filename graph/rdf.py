"""Extractions and resolved entities → RDF quads (pyoxigraph terms).

An article's facts go into the named graph of the article's IRI: the article itself, its
sentences, its mentions (text, offsets, the node they refer to), one `nkg:Statement` per
relation with its evidence, and one `nkg:CoMention` per pair with its count. The entity
registry graph holds what is global about each node: type, canonical label, aliases,
counts, and the direct triples (`?x nkg:leads ?y`, `?x nkg:coMentionedWith ?y`) that at
least one statement supports — stored once, so the union default graph has no duplicates
however many articles state a fact.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from .records import Extraction
from .resolve import Node
from .vocab import DCTERMS, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, Vocabulary

_INT = NamedNode(XSD + "integer")
_DEC = NamedNode(XSD + "decimal")
_DATE = NamedNode(XSD + "date")
_DATETIME = NamedNode(XSD + "dateTime")
_TYPE = NamedNode(RDF + "type")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=_INT)


def _date(value: str) -> Literal:
    """xsd:date or xsd:dateTime when the text is one, a plain literal otherwise."""
    import re

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=_DATE)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?", value):
        return Literal(value, datatype=_DATETIME)
    return Literal(value)


def article_quads(ext: Extraction, ids: list[str], vocab: Vocabulary, decisions: list | None = None) -> list[Quad]:
    a = ext.article
    doc = vocab.document(a.id)
    g = NamedNode(doc)
    t = vocab.term
    q: list[Quad] = []

    def add(s, p, o):
        q.append(Quad(s, NamedNode(p), o, g))

    art = NamedNode(doc)
    add(art, RDF + "type", NamedNode(t("Article")))
    if a.title:
        add(art, DCTERMS + "title", Literal(a.title))
    add(art, DCTERMS + "identifier", Literal(a.id))
    add(art, t("sourcePath"), Literal(a.source))
    add(art, t("contentHash"), Literal(a.content_hash))
    if a.url:
        add(art, SCHEMA + "url", Literal(a.url))
    if a.published:
        add(art, DCTERMS + "date", _date(a.published))
    if a.author:
        add(art, SCHEMA + "author", Literal(a.author))
    add(art, t("text"), Literal(a.text))

    # Sentences and mentions are spans of the article's one text: their own text is not stored again
    # (SUBSTR(?text, ?start + 1, ?end - ?start) gives it; the API and `kg export` write it out), and
    # the article a sentence is in is its graph, its position its IRI.
    sentences = [NamedNode(f"{doc}#s{i}") for i in range(len(ext.sentences))]
    for node, s in zip(sentences, ext.sentences):
        add(node, RDF + "type", NamedNode(t("Sentence")))
        add(node, t("start"), _int(s.start))
        add(node, t("end"), _int(s.end))

    entity_iris = [NamedNode(vocab.entity(i)) for i in ids]
    for i, m in enumerate(ext.mentions):
        node = NamedNode(f"{doc}#m{i}")
        add(node, RDF + "type", NamedNode(t("Mention")))
        add(node, t("refersTo"), entity_iris[m.entity])
        add(node, t("start"), _int(m.start))
        add(node, t("end"), _int(m.end))
        add(node, t("sentence"), sentences[m.sentence])
        add(node, t("mentionType"), NamedNode(vocab.cls(m.type)))
    for e in range(len(ext.entities)):
        add(art, SCHEMA + "mentions", entity_iris[e])
    for e, decision in enumerate(decisions or ()):
        if decision is None:
            continue
        ent = ext.entities[e]
        node = NamedNode(f"{doc}#e{e}")  # an nkg:Resolution by nkg:resolvedTo's domain
        add(node, t("resolvedTo"), entity_iris[e])
        add(node, RDFS + "label", Literal(ent.label))
        add(node, t("rule"), Literal(decision.rule))
        add(node, t("evidence"), Literal(decision.evidence))
        for form in ent.forms:
            add(node, t("form"), Literal(form))
        for form, reason in ent.reasons:
            add(node, t("formReason"), Literal(f"{form}: {reason}"))

    for i, r in enumerate(ext.relations):
        subject = entity_iris[r.subject]
        predicate = t(r.predicate)
        obj = entity_iris[r.object] if r.object is not None else Literal(r.value or "")
        node = NamedNode(f"{doc}#r{i}")
        add(node, RDF + "type", NamedNode(t("Statement")))
        add(node, RDF + "subject", subject)
        add(node, RDF + "predicate", NamedNode(predicate))
        add(node, RDF + "object", obj)  # derived from the article whose graph holds it
        add(node, t("sentence"), sentences[r.sentence])
        add(node, t("start"), _int(r.start))
        add(node, t("end"), _int(r.end))
        add(node, t("method"), Literal(r.method))
        add(node, t("confidence"), Literal(f"{r.confidence:.2f}", datatype=_DEC))

    for i, ((a_, b_), n) in enumerate(sorted(ext.comentions().items())):
        x, y = sorted((entity_iris[a_], entity_iris[b_]), key=lambda n_: n_.value)
        if x == y:
            continue
        node = NamedNode(f"{doc}#c{i}")
        add(node, RDF + "type", NamedNode(t("CoMention")))
        add(node, RDF + "subject", x)
        add(node, RDF + "object", y)
        add(node, t("count"), _int(n))
    return q


def materialise(quads: list[Quad], vocab: Vocabulary) -> list[Quad]:
    """What one article's graph implies and does not store (see `article_quads`), for exports
    that carry the whole contract: each sentence's and mention's text, a sentence's article and
    index, the type of resolutions, and the article every statement and co-mention
    is derived from."""
    t = vocab.term
    text = None
    spans: dict = {}
    out: list[Quad] = []
    for q in quads:
        p = q.predicate.value
        if p == t("text") and q.subject == q.graph_name:
            text = q.object.value
        elif p in (t("start"), t("end")):
            spans.setdefault(q.subject, {})[p] = int(q.object.value)
        elif p == t("resolvedTo"):
            out.append(Quad(q.subject, _TYPE, NamedNode(t("Resolution")), q.graph_name))
        elif p == RDF + "type" and q.object.value in (t("Statement"), t("CoMention")):
            out.append(Quad(q.subject, NamedNode(PROV + "wasDerivedFrom"), q.graph_name, q.graph_name))
        elif p == RDF + "type" and q.object.value == t("Sentence"):
            index = q.subject.value.rsplit("#s", 1)[-1]
            out.append(Quad(q.subject, NamedNode(t("inArticle")), q.graph_name, q.graph_name))
            if index.isdigit():
                out.append(Quad(q.subject, NamedNode(t("index")), _int(int(index)), q.graph_name))
    if text is not None:
        for q in quads:
            if q.predicate.value == t("refersTo") or (q.predicate.value == RDF + "type"
                                                     and q.object.value == t("Sentence")):
                span = spans.get(q.subject, {})
                if t("start") in span and t("end") in span:
                    out.append(Quad(q.subject, NamedNode(t("text")), Literal(text[span[t("start")]:span[t("end")]]),
                                    q.graph_name))
    return out


def with_implied(quads: Iterable[Quad], vocab: Vocabulary) -> Iterator[Quad]:
    """The quads, each article graph's followed by what it implies (`materialise`); quads of one
    graph must come together (as the stores give them: graph by graph)."""
    articles = vocab.document("")
    graph, held = None, []
    for q in quads:
        if q.graph_name != graph:
            if held:
                yield from materialise(held, vocab)
            graph, held = q.graph_name, []
        if isinstance(q.graph_name, NamedNode) and q.graph_name.value.startswith(articles):
            held.append(q)
        yield q
    if held:
        yield from materialise(held, vocab)


Fact = tuple[str, str, object]  # (subject IRI, predicate IRI, object term)


def direct_facts(ext: Extraction, ids: list[str], vocab: Vocabulary) -> set[Fact]:
    """The direct triples an article supports: its relations and its co-mentioned pairs."""
    iris = [vocab.entity(i) for i in ids]
    facts: set[Fact] = set()
    for r in ext.relations:
        obj = NamedNode(iris[r.object]) if r.object is not None else Literal(r.value or "")
        facts.add((iris[r.subject], vocab.term(r.predicate), obj))
    for a, b in ext.comentions():
        x, y = sorted((iris[a], iris[b]))
        if x != y:
            facts.add((x, vocab.term("coMentionedWith"), NamedNode(y)))
    return facts


def merge_quads(merge, vocab: Vocabulary, n: int) -> list[Quad]:
    """A merge: `retired owl:sameAs into` in the registry (the retired IRI keeps answering), and
    the record of why, in the graph of the article that showed it (or the registry's)."""
    reg = NamedNode(vocab.registry)
    gone, into = NamedNode(vocab.entity(merge.retired)), NamedNode(vocab.entity(merge.into))
    g = NamedNode(vocab.document(merge.article)) if merge.article else reg
    record = NamedNode(f"{vocab.document(merge.article)}#merge{n}" if merge.article
                       else f"{vocab.registry}#merge-{merge.retired}")
    return [Quad(gone, NamedNode(OWL + "sameAs"), into, reg),
            Quad(record, _TYPE, NamedNode(vocab.term("Merge")), g),
            Quad(record, NamedNode(vocab.term("retired")), gone, g),
            Quad(record, NamedNode(vocab.term("into")), into, g),
            Quad(record, NamedNode(vocab.term("evidence")), Literal(merge.evidence), g)]


def fact_quad(fact: Fact, vocab: Vocabulary) -> Quad:
    """A direct triple as the registry graph holds it."""
    s, p, o = fact
    return Quad(NamedNode(s), NamedNode(p), o, NamedNode(vocab.registry))


def node_quads(node: Node, vocab: Vocabulary, facts: set[Fact] = frozenset()) -> list[Quad]:
    """What the registry graph says of one entity, its direct triples included."""
    g = NamedNode(vocab.registry)
    s = NamedNode(vocab.entity(node.id))
    q = [Quad(s, _TYPE, NamedNode(vocab.cls(node.type)), g),
         Quad(s, NamedNode(RDFS + "label"), Literal(node.label), g)]
    q += [Quad(s, NamedNode(SKOS + "altLabel"), Literal(alias), g) for alias in node.aliases]
    if node.place:
        q.append(Quad(s, NamedNode(vocab.term("place")), Literal(node.place), g))
    q.append(Quad(s, NamedNode(vocab.term("mentionCount")), _int(node.mentions), g))
    q.append(Quad(s, NamedNode(vocab.term("documentCount")), _int(node.documents), g))
    q += [Quad(s, NamedNode(p), o, g) for _, p, o in sorted(facts, key=str)]
    return q
