"""Resolution within one article (graph.extract.local_entities), on hand-made mentions."""
from newskg.graph.extract.local_entities import cluster


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


def test_a_surname_the_tagger_took_for_a_place_or_organisation_is_the_person_named_in_full():
    got, entities = labels(("Gloria La Riva", "PERSON"), ("La Riva", "PLACE"), ("Jo Jorgensen", "PERSON"),
                           ("Jorgensen", "ORG"), ("Maria Lopez-Arana", "PERSON"), ("Lopez-Arana", "ORG"))
    assert got == ["Gloria La Riva", "Gloria La Riva", "Jo Jorgensen", "Jo Jorgensen", "Maria Lopez-Arana",
                   "Maria Lopez-Arana"]
    assert all(e.type == "PERSON" for e in entities)
    # a known place stays a place: 'Washington' after 'George Washington'
    got, entities = labels(("George Washington", "PERSON"), ("Washington", "PLACE"))
    assert got == ["George Washington", "Washington"]


def test_father_and_son_sharing_words_stay_apart_and_bare_surname_goes_to_the_one_introduced_first():
    # news names its subject first and a relative sharing the surname later, calling the relative by
    # given name from then on: the bare surname stays the subject's, even right after the relative
    got, entities = labels(("Karim Haidari", "PERSON"), ("Karim Omar Haidari", "PERSON"), ("Haidari", "PERSON"),
                           ("Karim Haidari", "PERSON"), ("Haidari", "PERSON"))
    assert len(entities) == 2
    assert got[2] == got[4] == "Karim Haidari"


def test_father_and_son_the_son_named_first_keeps_the_surname_and_the_father_his_given_name():
    got, entities = labels(("Tomas Verlaine", "PERSON"), ("Verlaine", "PERSON"), ("Anton Verlaine", "PERSON"),
                           ("Anton", "PERSON"), ("Verlaine", "PERSON"))
    assert got == ["Tomas Verlaine", "Tomas Verlaine", "Anton Verlaine", "Anton Verlaine", "Tomas Verlaine"]
    assert dict(entities[1].reasons) == {"Anton": "the given name of 'Anton Verlaine'"}


def test_a_numeral_is_no_surname_the_name_of_a_war_could_hold():
    text = "Queen Margaret II spoke. World War II ended in 1945."
    entity_of, entities = cluster([("Margaret II", "PERSON", 6), ("World War II", "EVENT", 25)], text)
    assert [e.label for e in entities] == ["Margaret II", "World War II"]


def test_a_mention_cut_too_wide_joins_the_name_it_holds_instead_of_founding_an_entity():
    text = ("Ruritania's John Smith spoke. Afterwards Smith left. Former leader of Ruritania John Smith, "
            "Prime Minister Smith and the Smith-Jones ticket. 2020 Ruritania. Mary Jones too.")
    items = [("John Smith", "PERSON"), ("Afterwards Smith", "PERSON"), ("Ruritania", "PLACE"),
             ("Ruritania John Smith", "ORG"), ("Prime Minister Smith", "PERSON"), ("Smith-Jones", "PERSON"),
             ("2020 Ruritania", "PLACE"), ("Mary Jones", "PERSON"), ("Ruritania", "PLACE")]
    positions = [text.index(f) for f, _ in items[:-1]] + [text.rindex("Ruritania")]
    entity_of, entities = cluster([(f, t, p) for (f, t), p in zip(items, positions)], text)
    assert [e.label for e in entities] == ["Ruritania", "John Smith", "Mary Jones"]
    assert [entities[e].label for e in entity_of] == ["John Smith", "John Smith", "Ruritania", "John Smith",
                                                      "John Smith", "John Smith", "Ruritania", "Mary Jones",
                                                      "Ruritania"]
    why = dict(entities[1].reasons)
    assert "after an everyday word opening the sentence" in why["Afterwards Smith"]
    assert "after a place or organisation" in why["Ruritania John Smith"]
    assert "joined to 'Jones'" in why["Smith-Jones"]


def test_an_everyday_word_inside_a_sentence_and_a_given_name_are_part_of_the_name():
    text = "They met Black Smith and later George Smith. Smith spoke."
    items = [("Black Smith", "PERSON"), ("George Smith", "PERSON"), ("Smith", "PERSON")]
    entity_of, entities = cluster([(f, t, text.index(f)) for f, t in items], text)
    assert {e.label for e in entities} == {"Black Smith", "George Smith"}


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


def test_a_name_without_its_middle_name_is_the_person_but_not_beside_a_word_of_kinship():
    text = "Karim Haidari dies at 68\n\nKarim Omar Haidari was born in Zarin. Haidari served for decades."
    items = [("Karim Haidari", "PERSON", 0), ("Karim Omar Haidari", "PERSON", 26), ("Haidari", "PERSON", 65)]
    entity_of, entities = cluster(items, text)
    assert len(entities) == 1 and entities[0].label == "Karim Omar Haidari"
    body = "Zarin news\n\nKarim Haidari, son of Karim Omar Haidari, spoke. Haidari said so."
    entity_of, entities = cluster([("Karim Haidari", "PERSON", 12), ("Karim Omar Haidari", "PERSON", 34),
                                   ("Haidari", "PERSON", 62)], body)
    assert len(entities) == 2
    # a word of kinship in the sentence before is no kin beside the name
    text = "Karim Haidari dies\n\nHaidari was the founding father of Zarin. Karim Omar Haidari was born in 1924."
    items = [("Karim Haidari", "PERSON", 0), ("Haidari", "PERSON", 20), ("Karim Omar Haidari", "PERSON", 62)]
    assert text[62:80] == "Karim Omar Haidari"
    entity_of, entities = cluster(items, text)
    assert len(entities) == 1


def test_a_country_or_state_is_not_its_namesake_city_nor_a_city_its_province():
    got, _ = labels(("Mexico City", "PLACE"), ("Mexico", "PLACE"), ("New York City", "PLACE"), ("New York", "PLACE"),
                    ("Kabul Province", "PLACE"), ("Kabul", "PLACE"), ("Lakeside City", "PLACE"), ("Lakeside", "PLACE"))
    assert got == ["Mexico City", "Mexico", "New York City", "New York", "Kabul Province", "Kabul",
                   "Lakeside City", "Lakeside City"]


def test_a_chamber_by_its_head_word_and_place_is_the_one_named_in_full():
    got, _ = labels(("United States House of Representatives", "ORG"), ("U.S. House", "ORG"))
    assert got == ["United States House of Representatives"] * 2
    got, _ = labels(("UK House of Lords", "ORG"), ("UK House of Commons", "ORG"))
    assert got == ["UK House of Lords", "UK House of Commons"]


def test_a_chamber_without_its_place_is_the_one_the_article_names_with_it():
    got, _ = labels(("U.S. House", "ORG"), ("House of Representatives", "ORG"), ("House", "ORG"))
    assert len(set(got)) == 1, got
    got, _ = labels(("UK House of Lords", "ORG"), ("House of Commons", "ORG"))
    assert got == ["UK House of Lords", "House of Commons"]


def test_two_peoples_that_share_a_word_stay_two():
    got, _ = labels(("North Korean", "GROUP"), ("South Korean", "GROUP"), ("Kurds", "GROUP"), ("Kurdish", "GROUP"))
    assert got[:2] == ["North Korean", "South Korean"] and got[2] == got[3]


def test_a_chambers_word_is_not_one_of_its_committees_without_the_committee():
    got, _ = labels(("House Intelligence Committee", "ORG"), ("House", "ORG"), ("Houthi movement", "ORG"),
                    ("Houthi", "ORG"))
    assert got == ["House Intelligence Committee", "House", "Houthi movement", "Houthi movement"]


def test_an_organisations_word_the_tagger_took_for_a_place_is_the_organisation():
    got, entities = labels(("Houthi movement", "ORG"), ("Houthi", "PLACE"), ("Houthi", "PLACE"),
                           ("Yemen Party", "ORG"), ("Yemen", "PLACE"))
    assert got == ["Houthi movement"] * 3 + ["Yemen Party", "Yemen"] and entities[0].type == "ORG"


def test_a_storms_name_alone_is_the_storm_whatever_its_tag():
    got, entities = labels(("Hurricane Karen", "EVENT"), ("Karen", "PERSON"), ("Karen Hale", "PERSON"))
    assert got == ["Hurricane Karen", "Hurricane Karen", "Karen Hale"] and entities[0].type == "EVENT"


def test_a_bare_chamber_is_the_articles_countrys_not_another_countrys_named_once_in_passing():
    got, _ = labels(("Kenya", "PLACE"), ("Kenya", "PLACE"), ("Kenyan", "GROUP"), ("U.S. Senate", "ORG"),
                    ("Senate", "ORG"), ("Senate", "ORG"))
    assert got[3] == "U.S. Senate" and got[4] == got[5] == "Senate"
    # named so more than once, the other country's body is what the bare name means
    got, _ = labels(("Kenya", "PLACE"), ("Kenya", "PLACE"), ("Kenyan", "GROUP"), ("U.S. Navy", "ORG"),
                    ("U.S. Navy", "ORG"), ("Navy", "ORG"))
    assert got[5] == "U.S. Navy"
    # a state's body is no other country's
    got, _ = labels(("United States", "PLACE"), ("Texas Senate", "ORG"), ("Senate", "ORG"))
    assert got[2] == "Texas Senate"


def test_the_name_a_body_is_for_is_not_the_body():
    got, _ = labels(("Lakeside Centre for Zarko Fest", "ORG"), ("Zarko Fest", "EVENT"))
    assert got == ["Lakeside Centre for Zarko Fest", "Zarko Fest"]


def test_an_acronym_in_brackets_after_a_name_the_recogniser_cut_is_not_the_cut_names():
    text = "The Lakeside Industry Association of Zanzar (LIAZ) sued. The Zarin Front (ZF) fought. Zanzar voted."
    found = [("Zanzar", "PLACE", text.index("Zanzar")), ("LIAZ", "ORG", text.index("LIAZ")),
             ("Zarin Front", "ORG", text.index("Zarin")), ("ZF", "ORG", text.index("ZF")),
             ("Zanzar", "PLACE", text.rindex("Zanzar"))]
    entity_of, entities = cluster(found, text)
    assert entity_of[1] != entity_of[0] and entity_of[3] == entity_of[2]


def test_a_partys_adjective_and_its_members_plural_are_one_group_in_an_article():
    got, entities = labels(("Democratic", "GROUP"), ("Democrats", "GROUP"), ("Republicans", "GROUP"))
    assert got[0] == got[1] != got[2] and len(entities) == 2


def test_a_party_is_not_another_party_with_more_words_nor_a_place_s_party_a_creed_s():
    # a suffix of a party's name is another party; a prefix is the party ('... of Ruritania')
    got, _ = labels(("Christian Democratic Party", "ORG"), ("Democratic Party", "ORG"))
    assert got == ["Christian Democratic Party", "Democratic Party"]
    got, _ = labels(("Democratic Party of Ruritania", "ORG"), ("Democratic Party", "ORG"))
    assert got == ["Democratic Party of Ruritania"] * 2
    got, _ = labels(("US Democratic Party", "ORG"), ("Democratic Party", "ORG"))
    assert got == ["US Democratic Party"] * 2
    # "Texas Party" (a party named after a state) is not the "Democratic Party" of Texas; the
    # state's Senate by its bare name is
    got, _ = labels(("Democratic Party", "ORG"), ("Texas Party", "ORG"), ("Texas State Senate", "ORG"),
                    ("Senate", "ORG"))
    assert got == ["Democratic Party", "Texas Party", "Texas State Senate", "Texas State Senate"]


def test_a_hint_names_the_mention_it_is_given_for_also_when_clustering():
    # "Texas's state Senate" in an article that names the US Senate: the state's, on its own
    entity_of, entities = cluster([("U.S. Senate", "ORG", 0), ("Senate", "ORG", 100), ("Senate", "ORG", 200)],
                                  hints={100: "Texas Senate"})
    assert [entities[e].label for e in entity_of] == ["U.S. Senate", "Texas Senate", "Texas Senate"]


def test_a_short_name_in_brackets_after_a_name_is_that_name_and_of_its_type():
    text = "Researchers from Kharaj State University (Kharaj State) spoke. Kharaj State said so."
    items = [("Kharaj State University", "ORG", 17), ("Kharaj State", "PLACE", 42), ("Kharaj State", "PLACE", 63)]
    assert text[42:54] == text[63:75] == "Kharaj State"
    entity_of, entities = cluster(items, text)
    assert entity_of == [0, 0, 0] and entities[0].type == "ORG"
    # one word of capitalised pieces, each a word's beginning: 'CalFire'
    text = "The Kharaj Department of Forestry and Fire Protection (KharFire) said so. KharFire left."
    items = [("Kharaj Department of Forestry and Fire Protection", "ORG", 4), ("KharFire", "ORG", 55),
             ("KharFire", "ORG", 74)]
    assert text[55:63] == text[74:82] == "KharFire"
    entity_of, entities = cluster(items, text)
    assert entity_of == [0, 0, 0]
    # a place in brackets is no short name: 'Ministry of Health (Samoa)'
    text = "The Ministry of Health (Samoa) said so."
    entity_of, entities = cluster([("Ministry of Health", "ORG", 4), ("Samoa", "PLACE", 24)], text)
    assert len(entities) == 2


def test_a_body_is_not_the_unit_that_is_of_it():
    got, _ = labels(("Zarin Coast Guard", "ORG"), ("Command and Control Centre of the Zarin Coast Guard", "ORG"))
    assert got == ["Zarin Coast Guard", "Command and Control Centre of the Zarin Coast Guard"]


def test_a_body_is_not_the_meeting_named_after_it():
    got, entities = labels(("Zarin Party National Convention", "EVENT"), ("Zarin Party", "ORG"))
    assert got == ["Zarin Party National Convention", "Zarin Party"] and entities[1].type == "ORG"


def test_a_given_name_and_its_short_form_are_one_person_but_two_given_names_are_two():
    got, _ = labels(("William Hale", "PERSON"), ("Bill Hale", "PERSON"), ("Hale", "PERSON"))
    assert got == ["William Hale"] * 3
    got, _ = labels(("William Hale", "PERSON"), ("Hunter Hale", "PERSON"))
    assert got == ["William Hale", "Hunter Hale"]


def test_an_acronym_in_brackets_after_a_known_place_is_its_name_only_when_it_fits():
    text = "KABUL, Afghanistan (AP) said; the United Arab Emirates (UAE) said"
    entity_of, entities = cluster([("KABUL", "PLACE", 0), ("Afghanistan", "PLACE", 7), ("AP", "ORG", 20),
                                   ("United Arab Emirates", "PLACE", 34), ("UAE", "PLACE", 56)], text)
    assert [entities[e].label for e in entity_of] == ["KABUL", "Afghanistan", "AP", "United Arab Emirates",
                                                      "United Arab Emirates"]


def test_a_name_the_article_says_someone_is_known_as_is_theirs_whatever_its_type():
    text = "Omar Haidari, known as Kharaji, leads the front. Fighters loyal to Kharaji said so. Tom Hale called Ford."
    got, _ = labels_at(text, ("Omar Haidari", "PERSON"), ("Kharaji", "PLACE"), ("Kharaji", "PLACE"),
                       ("Tom Hale", "PERSON"), ("Ford", "PERSON"))
    assert got == ["Omar Haidari", "Omar Haidari", "Omar Haidari", "Tom Hale", "Ford"]


def labels_at(text, *items):
    """Mentions at their own offsets in `text` (each the next occurrence of its form)."""
    mentions, pos = [], 0
    for form, etype in items:
        pos = text.index(form, pos)
        mentions.append((form, etype, pos))
        pos += len(form)
    entity_of, entities = cluster(mentions, text)
    return [entities[e].label for e in entity_of], entities


def test_a_person_of_several_names_goes_by_an_inner_one():
    got, _ = labels(("Luiz Inacio Lula da Silva", "PERSON"), ("Lula", "PERSON"), ("Ricardo Rossello Nevares", "PERSON"),
                    ("Rossello", "PERSON"), ("da", "PERSON"))
    assert got[:4] == ["Luiz Inacio Lula da Silva", "Luiz Inacio Lula da Silva", "Ricardo Rossello Nevares",
                       "Ricardo Rossello Nevares"]
    assert got[4] == "da"  # a particle is no name


def test_a_bodys_school_or_department_is_another_body():
    got, _ = labels(("Lakeside University School of Public Health", "ORG"), ("Lakeside University", "ORG"),
                    ("Zarin Institute", "ORG"), ("Zarin", "ORG"))
    assert got == ["Lakeside University School of Public Health", "Lakeside University", "Zarin Institute",
                   "Zarin Institute"]
    # a body's name of several words, whatever its last word, then its library is another body
    got, _ = labels(("House of Kelso Library", "ORG"), ("House of Kelso", "ORG"))
    assert got == ["House of Kelso Library", "House of Kelso"]


def test_a_body_named_after_another_is_not_it():
    # the longer name goes on to a body's own head noun: an agency of the shorter one, not it with a
    # qualifier ('Zarin Alliance of Lakeside' is the alliance, 'Zarin Alliance Group' too)
    got, _ = labels(("Zarin Alliance Educational, Scientific and Cultural Organization", "ORG"),
                    ("Zarin Alliance", "ORG"), ("Kharaj Front of Lakeside", "ORG"), ("Kharaj Front", "ORG"),
                    ("Lakeside Union Security Council", "ORG"), ("Lakeside Union", "ORG"))
    assert got == ["Zarin Alliance Educational, Scientific and Cultural Organization", "Zarin Alliance",
                   "Kharaj Front of Lakeside", "Kharaj Front of Lakeside", "Lakeside Union Security Council",
                   "Lakeside Union"]


def test_a_given_name_that_is_also_a_towns_is_no_place_before_a_surname():
    # a town's name (in the gazetteer, not its given names) used as a given name; the article never
    # names the town
    text = "Omar Zanzari spoke. Zanzari left. His aunt, Tima Zanzari, attended. Zanzari wept."
    items = [("Omar Zanzari", "PERSON"), ("Zanzari", "PERSON"), ("Tima Zanzari", "PERSON"), ("Zanzari", "PERSON")]
    positions = [0, text.index("Zanzari left"), text.index("Tima"), text.rindex("Zanzari")]
    entity_of, entities = cluster([(f, t, p) for (f, t), p in zip(items, positions)], text)
    assert [entities[e].label for e in entity_of][2] == "Tima Zanzari"


def test_a_shorter_name_is_the_entity_last_spoken_of_counting_its_defined_acronym():
    text = ("The Zanzar Court of Justice (ZCJ) ruled. The Supreme Court of Justice of Kharaj asked the ZCJ. "
            "The ZCJ answered. By this ruling, the Court of Justice said more.")
    items = [("Zanzar Court of Justice", "ORG"), ("ZCJ", "ORG"), ("Supreme Court of Justice", "ORG"), ("ZCJ", "ORG"),
             ("ZCJ", "ORG"), ("Court of Justice", "ORG")]
    at, found = 0, []
    for form, etype in items:
        at = text.index(form, at)
        found.append((form, etype, at))
        at += len(form)
    entity_of, entities = cluster(found, text)
    assert entities[entity_of[-1]].label == "Zanzar Court of Justice"


def test_an_acronym_is_the_initials_of_a_name_with_its_country_before_it():
    got, entities = labels(("Kenyan National Intelligence Service", "ORG"), ("NIS", "ORG"),
                           ("United States Defense Logistics Agency", "ORG"), ("DLA", "ORG"))
    assert got == ["Kenyan National Intelligence Service", "Kenyan National Intelligence Service",
                   "United States Defense Logistics Agency", "United States Defense Logistics Agency"]


def test_a_party_by_its_name_alone_is_the_party_but_a_creeds_adjective_is_its_people():
    got, entities = labels(("Labour Party", "ORG"), ("Labour", "GROUP"), ("Republican Party", "ORG"),
                           ("Republican", "GROUP"), ("Kenyan Party", "ORG"), ("Kenyan", "GROUP"))
    assert got[1] == "Labour Party" and entities[0].type == "ORG"
    assert got[3] == "Republican" and got[5] == "Kenyan"


def test_a_company_without_its_legal_form_is_the_company_whatever_type_the_tagger_gave_it():
    got, entities = labels(("Norden Metals AB", "ORG"), ("Norden Metals", "PLACE"), ("Halvorsen ASA", "ORG"),
                           ("Halvorsen", "PERSON"))
    assert got == ["Norden Metals AB", "Norden Metals AB", "Halvorsen ASA", "Halvorsen ASA"]
    assert all(e.type == "ORG" for e in entities)


def test_a_body_by_the_head_word_of_the_name_the_article_gave_it():
    got, _ = labels(("Lakeside Department of Corrections and Parole", "ORG"), ("Department", "ORG"))
    assert got == ["Lakeside Department of Corrections and Parole"] * 2


def test_a_body_is_not_the_event_named_after_it():
    got, _ = labels(("Lakeside Athletics Championships", "EVENT"), ("Lakeside Athletics", "ORG"))
    assert got == ["Lakeside Athletics Championships", "Lakeside Athletics"]
    # (an event's short form the recogniser also took for an event is the event)
    got, _ = labels(("Lakeside Peace Summit", "EVENT"), ("Lakeside Peace", "EVENT"))
    assert got == ["Lakeside Peace Summit", "Lakeside Peace Summit"]


def test_a_step_towards_an_event_is_another_event_but_its_kind_is_not():
    got, _ = labels(("Zarexit referendum", "EVENT"), ("Zarexit", "EVENT"), ("Unite the Lakes rally", "EVENT"),
                    ("Unite the Lakes", "EVENT"))
    assert got == ["Zarexit referendum", "Zarexit", "Unite the Lakes rally", "Unite the Lakes rally"]


def test_a_part_the_text_names_as_a_part_of_a_body_is_not_that_body():
    text = "Lakeside said it would cut jobs. Lakeside Web Services, the cloud unit of Lakeside, was not affected."
    items = [("Lakeside", "ORG", 0), ("Lakeside Web Services", "ORG", text.index("Lakeside Web")),
             ("Lakeside", "ORG", text.rindex("Lakeside"))]
    entity_of, entities = cluster(items, text)
    assert [entities[e].label for e in entity_of] == ["Lakeside", "Lakeside Web Services", "Lakeside"]
    # and by the owner's possessive
    text = "Kharaj reported a loss. Kharaj's wind subsidiary, Kharaj Wind Power, has struggled."
    items = [("Kharaj", "ORG", 0), ("Kharaj", "ORG", text.index("Kharaj's")),
             ("Kharaj Wind Power", "ORG", text.index("Kharaj Wind"))]
    entity_of, entities = cluster(items, text)
    assert [entities[e].label for e in entity_of] == ["Kharaj", "Kharaj", "Kharaj Wind Power"]


def test_a_bare_surname_right_after_a_second_bearer_far_from_the_first_is_the_second():
    text = ("Ann Ford proposed a reform in 1936. Ford lost. " + "Other news followed. " * 100
            + "In 1905, Tom Ford signed the treaty. Ford's efforts earned him a prize. Ann Ford died in 1950.")
    items = [("Ann Ford", "PERSON"), ("Ford", "PERSON"), ("Tom Ford", "PERSON"), ("Ford", "PERSON"),
             ("Ann Ford", "PERSON")]
    positions = [text.index("Ann Ford"), text.index("Ford lost"), text.index("Tom Ford"), text.index("Ford's"),
                 text.rindex("Ann Ford")]
    entity_of, entities = cluster([(f, t, p) for (f, t), p in zip(items, positions)], text)
    assert [entities[e].label for e in entity_of] == ["Ann Ford", "Ann Ford", "Tom Ford", "Tom Ford", "Ann Ford"]
    # the first bearer mentioned a sentence before: the bare surname stays the article's subject's
    text = "Ann Ford proposed a reform. Her father Tom Ford signed the treaty. Ford's efforts earned praise."
    positions = [text.index("Ann Ford"), text.index("Tom Ford"), text.index("Ford's")]
    entity_of, entities = cluster([("Ann Ford", "PERSON", positions[0]), ("Tom Ford", "PERSON", positions[1]),
                                   ("Ford", "PERSON", positions[2])], text)
    assert [entities[e].label for e in entity_of] == ["Ann Ford", "Tom Ford", "Ann Ford"]


def test_a_body_whose_country_is_named_two_ways_is_one():
    got, _ = labels(("US Marines", "ORG"), ("United States Marines", "ORG"), ("UK Parliament", "ORG"),
                    ("United Kingdom Parliament", "ORG"), ("US Open", "EVENT"), ("United Kingdom Open", "EVENT"))
    assert got[0] == got[1] and got[2] == got[3] and got[4] != got[5]


def test_a_partys_state_branch_is_not_the_party_its_bare_name_means():
    got, _ = labels(("Iowa Democratic Party", "ORG"), ("Democratic party", "ORG"), ("Prohibition Party of Illinois", "ORG"),
                    ("Prohibition Party", "ORG"), ("U.S. Libertarian Party", "ORG"), ("Libertarian Party", "ORG"))
    assert got[0] != got[1] and got[2] != got[3] and got[4] == got[5], got
