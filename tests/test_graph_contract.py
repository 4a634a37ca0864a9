"""What the graph says, as the contract every client relies on: the RDF that the build makes of
the hand-written world's extractions (tests/fixtures/graph)."""
import rdflib

from newskg.graph.store import Store

from fixture_graph import World


def select(store_path, query):
    return Store(store_path).select(query)


def test_entities_have_type_canonical_label_and_aliases(graph_store):
    rows = select(graph_store, """SELECT ?label ?class (GROUP_CONCAT(?alt; separator="|") AS ?alts) WHERE {
        ?e a ?class ; rdfs:label ?label . ?class rdfs:subClassOf nkg:Entity OPTIONAL { ?e skos:altLabel ?alt } }
        GROUP BY ?label ?class""")
    by_label = {r["label"]: r for r in rows}
    assert by_label["Ahmad Massoud"]["class"].endswith("#Person")
    assert by_label["Ahmad Massoud"]["alts"].split("|") == ["Massoud"]
    assert by_label["National Resistance Front of Afghanistan"]["class"].endswith("#Organization")
    assert "NRF" in by_label["National Resistance Front of Afghanistan"]["alts"].split("|")
    assert all(r["label"] not in r.get("alts", "").split("|") for r in rows)


def test_entity_iris_are_readable_slugs_under_the_base(graph_store):
    store = Store(graph_store)
    iris = [r["e"] for r in store.select("SELECT ?e WHERE { ?e a nkg:Person }")]
    assert store.vocab.entity("ahmad-massoud") in iris
    assert all(iri.startswith(store.vocab.base + "entity/") for iri in iris)


def test_every_relation_keeps_article_sentence_offsets_method_and_confidence(graph_store):
    store = Store(graph_store)
    rows = store.select("""SELECT ?st ?article ?text ?start ?end ?method ?conf ?atext WHERE {
        GRAPH ?article { ?st a nkg:Statement ; nkg:sentence ?s ; nkg:start ?start ;
            nkg:end ?end ; nkg:method ?method ; nkg:confidence ?conf . ?s nkg:start ?ss ; nkg:end ?se .
            ?article nkg:text ?atext } BIND(SUBSTR(?atext, ?ss + 1, ?se - ?ss) AS ?text) }""", union=False)
    assert len(rows) == sum(len(a["relations"]) for a in World.read().articles)
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(r["atext"])
        assert r["atext"][r["start"]:r["end"]] in r["text"]  # the evidence lies in its sentence
        assert 0 < r["conf"] <= 1 and r["method"]


def test_leads_relation_is_a_direct_triple_with_its_statement(graph_store):
    store = Store(graph_store)
    ask = store.query("""ASK { ?p rdfs:label "Ahmad Massoud" ; nkg:leads ?o . ?o rdfs:label ?l .
        ?st rdf:subject ?p ; rdf:predicate nkg:leads ; rdf:object ?o . FILTER(CONTAINS(?l, "Resistance Front")) }""")
    assert bool(ask)


def test_comentions_carry_counts_and_articles(graph_store):
    rows = select(graph_store, """SELECT ?a ?b ?n ?article WHERE { ?c a nkg:CoMention ; rdf:subject ?a ;
        rdf:object ?b ; nkg:count ?n . GRAPH ?article { ?c a nkg:CoMention } ?a nkg:coMentionedWith ?b }""")
    assert rows and all(r["n"] >= 1 and "/doc/" in r["article"] for r in rows)
    assert all(r["a"] < r["b"] for r in rows)


def test_articles_carry_title_source_and_hash(graph_store):
    rows = select(graph_store, """SELECT ?a ?title ?path ?hash WHERE { GRAPH ?a { ?a a nkg:Article ;
        dcterms:title ?title ; nkg:sourcePath ?path ; nkg:contentHash ?hash } }""")
    assert sorted(r["title"] for r in rows) == sorted(a["title"] for a in World.read().articles)
    assert all(len(r["hash"]) == 64 and r["path"].rsplit(":", 1)[0].endswith("articles.jsonl") for r in rows)


def test_ontology_declares_classes_and_predicates_with_alignments():
    from newskg.graph.vocab import ONTOLOGY_FILE, Vocabulary
    g = rdflib.Graph().parse(data=ONTOLOGY_FILE.read_text(), format="turtle", publicID=Vocabulary().base)
    ns = rdflib.Namespace(Vocabulary().ns)
    OWL, SCHEMA = rdflib.OWL, rdflib.Namespace("http://schema.org/")
    for cls in ("Person", "Organization", "Place", "Event", "Group"):
        assert (ns[cls], rdflib.RDF.type, OWL.Class) in g
    for pred in ("leads", "memberOf", "title", "childOf", "locatedIn", "opposes", "participatedIn",
                 "coMentionedWith"):
        assert (ns[pred], rdflib.RDFS.label, None) in g
    assert (ns.Person, OWL.equivalentClass, SCHEMA.Person) in g
    assert (ns.memberOf, rdflib.RDFS.subPropertyOf, SCHEMA.memberOf) in g
    assert (ns.coMentionedWith, rdflib.RDF.type, OWL.SymmetricProperty) in g
