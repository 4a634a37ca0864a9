"""Resolution within one article (graph.extract.aliases), on hand-made mentions."""
from graph.extract.aliases import cluster


def mentions(*items):
    pos, out = 0, []
    for text, etype in items:
        out.append((text, etype, pos))
        pos += 100
    return out


def labels(*items, **kw):
    entity_of, entities = cluster(mentions(*items), **kw)
    return [entities[e].label for e in entity_of], entities


def test_surname_joins_the_full_name():
    got, entities = labels(("Karim Haidari", "PERSON"), ("Haidari", "PERSON"))
    assert got == ["Karim Haidari", "Karim Haidari"] and entities[0].forms == ("Karim Haidari", "Haidari")


def test_father_and_son_sharing_words_stay_apart_and_bare_surname_goes_to_the_recent_one():
    got, entities = labels(("Karim Haidari", "PERSON"), ("Karim Omar Haidari", "PERSON"), ("Haidari", "PERSON"),
                           ("Karim Haidari", "PERSON"), ("Haidari", "PERSON"))
    assert len(entities) == 2
    assert got[2] == "Karim Omar Haidari" and got[4] == "Karim Haidari"


def test_acronym_and_qualifier_forms_join_the_organisation():
    got, entities = labels(("Popular Liberation Front of Ruritania", "ORG"), ("Popular Liberation Front", "ORG"),
                           ("PLF", "ORG"))
    assert len(entities) == 1 and entities[0].label == "Popular Liberation Front of Ruritania"


def test_place_with_a_generic_word_is_the_same_place_but_a_facility_is_not():
    got, entities = labels(("Helmand valley", "PLACE"), ("Helmand", "PLACE"), ("Helmand airport", "PLACE"))
    assert got[0] == got[1] == "Helmand valley" and got[2] == "Helmand airport"


def test_two_people_sharing_a_given_name_stay_apart():
    _, entities = labels(("Fatima Mohammad", "PERSON"), ("Mohammad Reza Akbari", "PERSON"))
    assert len(entities) == 2


def test_parenthetical_acronym_is_defined_by_the_name_before_it():
    text = "the Islamic Movement (IMX) said"
    entity_of, entities = cluster([("Islamic Movement", "ORG", 4), ("IMX", "ORG", 22)], text)
    assert entity_of == [0, 0]


def test_label_hint_names_a_country_written_as_a_code():
    entity_of, entities = cluster([("TH", "PLACE", 10)], hints={10: "Thailand"})
    assert entities[0].label == "Thailand" and "TH" in entities[0].forms


def test_given_name_taken_for_a_place_joins_the_person_but_a_known_place_does_not():
    got, entities = labels(("Tarek Mansour", "PERSON"), ("Tarek", "PLACE"), ("Tarek", "PLACE"))
    assert len(entities) == 1 and entities[0].type == "PERSON" and got == ["Tarek Mansour"] * 3
    got, entities = labels(("Chad Miller", "PERSON"), ("Chad", "PLACE"))
    assert len(entities) == 2 and entities[1].type == "PLACE"


def test_outlet_acronym_without_its_outlet_word_is_the_outlet():
    got, entities = labels(("KTV News", "ORG"), ("KTV", "ORG"))
    assert len(entities) == 1 and entities[0].label == "KTV News"
    got, entities = labels(("KTV Holdings", "ORG"), ("KTV", "ORG"))
    assert len(entities) == 2


def test_a_peoples_noun_and_adjective_are_one_group():
    got, entities = labels(("Vandish", "GROUP"), ("Vands", "GROUP"), ("Vandish", "GROUP"))
    assert len(entities) == 1


def test_plural_of_a_movements_name_is_the_movement_but_a_peoples_plural_is_not():
    got, entities = labels(("Zuwari movement", "ORG"), ("Zuwaris", "EVENT"), ("Zuwaris", "EVENT"))
    assert len(entities) == 1 and entities[0].type == "ORG" and entities[0].label == "Zuwari movement"
    got, entities = labels(("Afghan Army", "ORG"), ("Afghans", "GROUP"))
    assert len(entities) == 2


def test_hyphenated_surname_taken_for_an_organisation_joins_the_person():
    got, entities = labels(("Teodor Valsky-Brenner", "PERSON"), ("Valsky-Brenner", "ORG"),
                           ("Valsky-Brenner", "ORG"))
    assert len(entities) == 1 and entities[0].type == "PERSON" and got == ["Teodor Valsky-Brenner"] * 3
    got, entities = labels(("Teodor Valsky", "PERSON"), ("Valsky-Brenner", "ORG"))
    assert len(entities) == 2 and entities[1].type == "ORG"
