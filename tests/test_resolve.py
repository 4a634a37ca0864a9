"""Resolution across articles (graph.resolve), on hand-made extractions."""
from graph.records import Article, Extraction, LocalEntity, Mention
from graph.resolve import Resolver


def extraction(doc_id, *entities):
    """entities: (label, type, [forms]) — one mention per form."""
    local, mentions = [], []
    for e, (label, etype, forms) in enumerate(entities):
        local.append(LocalEntity(label=label, type=etype, forms=tuple(dict.fromkeys([label, *forms]))))
        for f in [label, *forms]:
            mentions.append(Mention(start=0, end=len(f), text=f, type=etype, sentence=0, entity=e))
    return Extraction(article=Article(id=doc_id, text="", source=doc_id), sentences=(), mentions=tuple(mentions),
                      entities=tuple(local), relations=())


def test_same_name_in_two_articles_is_one_node_with_a_stable_readable_id():
    r = Resolver()
    (a,) = r.resolve(extraction("1", ("Karim Haidari", "PERSON", [])))
    (b,) = r.resolve(extraction("2", ("Karim Haidari", "PERSON", ["Haidari"])))
    assert a == b == "karim-haidari"
    assert r.nodes[a].documents == 2 and r.nodes[a].aliases == ["Haidari"]


def test_fuller_name_in_a_later_article_becomes_the_label_but_not_the_id():
    r = Resolver()
    (a,) = r.resolve(extraction("1", ("Ashraf Karimi", "PERSON", [])))
    (b,) = r.resolve(extraction("2", ("Mohammad Ashraf Karimi Zada", "PERSON", [])))
    assert a == b == "ashraf-karimi"
    assert r.nodes[a].label == "Mohammad Ashraf Karimi Zada"


def test_spelling_variants_and_abbreviations_merge_across_articles():
    r = Resolver()
    ids1 = r.resolve(extraction("1", ("Abdulrahman Yousef", "PERSON", []), ("United Nations", "ORG", []),
                                ("United States", "PLACE", [])))
    ids2 = r.resolve(extraction("2", ("Abdulrahmen Yousef", "PERSON", []), ("UN", "ORG", []),
                                ("U.S.", "PLACE", [])))
    assert ids1 == ids2


def test_people_sharing_words_and_bare_surnames_do_not_merge_across_articles():
    r = Resolver()
    (a,) = r.resolve(extraction("1", ("Karim Haidari", "PERSON", [])))
    (b,) = r.resolve(extraction("2", ("Karim Omar Haidari", "PERSON", [])))
    (c,) = r.resolve(extraction("3", ("Haidari", "PERSON", [])))
    assert len({a, b, c}) == 3


def test_two_entities_of_one_article_never_share_a_node():
    r = Resolver()
    r.resolve(extraction("1", ("Omar Nadir", "PERSON", [])))
    ids = r.resolve(extraction("2", ("Omar Nadir", "PERSON", []), ("Omar Nadiri", "PERSON", [])))
    assert len(set(ids)) == 2


def test_removing_an_article_forgets_its_mentions():
    r = Resolver()
    ext = extraction("1", ("Karim Haidari", "PERSON", ["Haidari"]))
    (a,) = r.resolve(ext)
    from collections import Counter
    r.remove_counts(a, Counter({"Karim Haidari": 1, "Haidari": 1}), Counter({"PERSON": 2}), 1)
    assert a not in r.nodes and not r.candidates(ext.entities[0])


def test_a_full_name_whose_initials_spell_a_known_acronym_is_not_that_thing():
    r = Resolver()
    (us,) = r.resolve(extraction("1", ("United States", "PLACE", ["USA"])))
    (anime,) = r.resolve(extraction("2", ("Underappreciated Sports Anime", "ORG", [])))
    (usc,) = r.resolve(extraction("3", ("USC", "ORG", [])))
    assert len({us, anime, usc}) == 3
    assert r.nodes[us].label == "United States"


def test_an_acronym_joins_the_node_whose_label_spells_it_and_a_full_name_an_acronym_only_node():
    r = Resolver()
    (un,) = r.resolve(extraction("1", ("UNHCR", "ORG", [])))
    (full,) = r.resolve(extraction("2", ("United Nations High Commissioner for Refugees", "ORG", [])))
    assert un == full


def test_a_surname_alone_joins_the_only_person_known_by_it_but_not_one_of_two():
    r = Resolver()
    (full,) = r.resolve(extraction("1", ("Karim Haidari", "PERSON", [])))
    (bare,) = r.resolve(extraction("2", ("Haidari", "PERSON", [])))
    assert bare == full
    r.resolve(extraction("3", ("Omar Haidari", "PERSON", [])))
    (ambiguous,) = r.resolve(extraction("4", ("Haidari", "PERSON", [])))
    assert ambiguous not in (full,) and r.nodes[ambiguous].label == "Haidari"
