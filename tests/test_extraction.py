"""The extractor on made-up sentences, one general pattern each (no name of the sample
articles: these check that patterns generalise)."""
import pytest

from newskg.graph.records import Article


def extract(extractor, text):
    e = extractor.extract_one(Article(id="t", text=text, source="t"))
    entities = {(x.label, x.type) for x in e.entities}
    relations = {(e.entities[r.subject].label, r.predicate,
                  e.entities[r.object].label if r.object is not None else r.value) for r in e.relations}
    return entities, relations, e


CASES = [
    ("Ann Ford, who was a candidate in the Republican primary for the 2022 United States Senate election, "
     "withdrew on Monday.", {("Ann Ford", "participatedIn", "2022 United States Senate election")}),
    ("Tom Hale, who fought in the Gulf War, spoke on Monday.", {("Tom Hale", "participatedIn", "Gulf War")}),
    ("Amina Hassan, leader of the Sahel Freedom Party, said on Monday that talks would resume.",
     {("Amina Hassan", "leads", "Sahel Freedom Party"), ("Amina Hassan", "title", "leader")}),
    ("Sahel Freedom Party leader Amina Hassan criticised the plan on Tuesday.",
     {("Amina Hassan", "leads", "Sahel Freedom Party")}),
    ("Nigeria's president, Bola Tinubu, arrived in Abuja on Friday.",
     {("Bola Tinubu", "leads", "Nigeria"), ("Bola Tinubu", "title", "president")}),
    ("Karim Darwish, a spokesman for the Free Coast Movement, denied the claims.",
     {("Karim Darwish", "memberOf", "Free Coast Movement"), ("Karim Darwish", "title", "spokesman")}),
    ("The rally was led by Karim Darwish, son of the late Omar Darwish, who founded the movement.",
     {("Karim Darwish", "childOf", "Omar Darwish")}),
    ("Mogadishu, Somalia's capital, was calm on Sunday.", {("Mogadishu", "locatedIn", "Somalia")}),
    ("The anti-Houthi Southern Transitional Council seized the port.",
     {("Southern Transitional Council", "opposes", "Houthi")}),
    ("The Coast Liberation Front vowed to fight the National Army until the end.",
     {("Coast Liberation Front", "opposes", "National Army")}),
    ("The Free Coast Movement, which has fought against the National Army since 2015, rejected the deal.",
     {("Free Coast Movement", "opposes", "National Army")}),
    ("Fatima Sow, speaking at the Dakar Peace Forum, called for a ceasefire.",
     {("Fatima Sow", "participatedIn", "Dakar Peace Forum")}),
    ("Delegates from the African Union attended the Dakar Peace Forum in Senegal's capital Dakar.",
     {("African Union", "participatedIn", "Dakar Peace Forum"), ("Dakar", "locatedIn", "Senegal")}),
    ("Naming herself interim president after the coup, Leila Ahmed addressed the nation.",
     {("Leila Ahmed", "title", "interim president")}),
    ("UN Secretary-General Antonio Guterres called for restraint.",
     {("Antonio Guterres", "leads", "UN"), ("Antonio Guterres", "title", "secretary-general")}),
    ("Ali Karimi, the chairman of the Kabul Chamber of Commerce, said prices were rising.",
     {("Ali Karimi", "leads", "Kabul Chamber of Commerce")}),
    ("Israeli Prime Minister Benjamin Netanyahu met officials in Israel on Monday.",
     {("Benjamin Netanyahu", "leads", "Israel")}),
    # "X of Y", "X, of Y" after a name; a role "of" a place before it
    ("Speaking to Tomas Varga of Meridian Radio, she said the talks had failed.",
     {("Tomas Varga", "memberOf", "Meridian Radio")}),
    ("President of Moldova Ilinca Rusu said the border would stay open.",
     {("Ilinca Rusu", "leads", "Moldova"), ("Ilinca Rusu", "title", "president")}),
    ("Chief Inspector Laila Haddad of the Coastal Police said two people died.",
     {("Laila Haddad", "memberOf", "Coastal Police"), ("Laila Haddad", "title", "chief inspector")}),
    # a courtesy title between the description and the name; news trades are roles
    ("The general manager of Orbit Media Group, Dr Samir Nasser, blamed the rebels.",
     {("Samir Nasser", "leads", "Orbit Media Group"), ("Samir Nasser", "title", "general manager")}),
    ("The blast killed Sahel TV photojournalist Idrissa Kone near the market.",
     {("Idrissa Kone", "memberOf", "Sahel TV"), ("Idrissa Kone", "title", "photojournalist")}),
    # places: "A, in northern B", "the capital, X" (the gazetteer knows whose capital)
    ("No protests were reported in Kirkuk, in northern Iraq.", {("Kirkuk", "locatedIn", "Iraq")}),
    ("Somalia has been at war since the capital, Mogadishu, was attacked in 2006.",
     {("Mogadishu", "locatedIn", "Somalia")}),
    ("Fatima Sow was speaking at the opening of the Dakar Peace Forum on Monday.",
     {("Fatima Sow", "participatedIn", "Dakar Peace Forum")}),
    ("Fatima Sow traveled to Geneva for the Lakeside Peace Forum, which opened on Monday.",
     {("Fatima Sow", "participatedIn", "Lakeside Peace Forum")}),
    ("Karim Darwish, a Tunisian national, was a columnist for the Coastal Herald until 2018.",
     {("Karim Darwish", "memberOf", "Coastal Herald"), ("Karim Darwish", "title", "columnist")}),
    # memberOf of a body a verb's preposition names: "speaking for Y", "represented P in Y"
    ("Tomas Varga, speaking for the country's Fisheries Ministry, said the quota would fall.",
     {("Tomas Varga", "memberOf", "Fisheries Ministry")}),
    ("Ilinca Rusu had represented the Northern District in the National Assembly since 2009.",
     {("Ilinca Rusu", "memberOf", "National Assembly")}),
    # both parents after a generation suffix's stop
    ("Ann Ford was born in Lakeside in 1951. Her parents, Tom Hale Sr. and Mary Ellen Hale, were farmers.",
     {("Ann Ford", "childOf", "Tom Hale Sr"), ("Ann Ford", "childOf", "Mary Ellen Hale")}),
    # a courtesy title between a role and a name leaves the role the name's
    ("The law was criticised by archbishop Monsignor Karim Haidari. The bill was opposed by senator Dr. Ann Ford.",
     {("Karim Haidari", "title", "archbishop"), ("Ann Ford", "title", "senator")}),
    # a pronoun is the participant a role at an event names
    ("Ann Ford supported the plan. She was a keynote speaker at the Kharaj Economic Forum.",
     {("Ann Ford", "participatedIn", "Kharaj Economic Forum")}),
    # a contender in a party's primary is the party's member, when the article names the party
    ("Hale wins primary\n\nThe Republican Party held its primary in Lakeside on Tuesday. Tom Hale won the "
     "Republican primary with 40% of the vote.", {("Tom Hale", "memberOf", "Republican Party")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_relation_pattern(extractor, text, expected):
    _, relations, _ = extract(extractor, text)
    assert expected <= relations, relations


def test_office_and_holder_are_split_and_typed(extractor):
    entities, relations, _ = extract(extractor, "US Secretary of State Mike Pompeo posted a message.")
    assert ("Mike Pompeo", "PERSON") in entities and ("US", "PLACE") in entities


def test_headline_in_title_case_keeps_only_confirmed_names(extractor):
    text = ("Rebels Will Take The Valley As Talks Collapse In Geneva\n\n"
            "Talks between the government and rebels collapsed in Geneva on Friday, officials said.")
    entities, _, _ = extract(extractor, text)
    labels = {label for label, _ in entities}
    assert "Geneva" in labels and not any("Valley" in label or "Rebels" in label for label in labels)


def test_a_paragraph_of_one_sentence_of_offices_and_names_is_no_headline(extractor):
    text = ("Talks resume\n\nKenyan President Tom Hale met Ugandan Foreign Minister Ann Ford in Nairobi.\n\n"
            "They discussed trade.")
    entities, relations, _ = extract(extractor, text)
    assert {("Tom Hale", "PERSON"), ("Ann Ford", "PERSON")} <= entities
    assert ("Ann Ford", "title", "foreign minister") in relations


def test_the_initials_that_mark_a_speaker_in_a_transcript_are_no_name(extractor):
    text = ("Ann Ford talks about her work\n\n((JKL)) Thank you for the talk, Ann Ford.\n\n"
            "((Ann Ford)) It was a pleasure to talk to Zanzar News.")
    entities, _, _ = extract(extractor, text)
    labels = {label for label, _ in entities}
    assert "JKL" not in labels and "Ann Ford" in labels


def test_the_title_of_a_work_is_no_name_whatever_names_it_holds(extractor):
    text = ("Toilet stolen\n\nThe toilet is an artwork entitled America, made by Tom Hale. A film titled "
            "\"Ann Ford\" was shown in Kenya.")
    entities, _, _ = extract(extractor, text)
    labels = {label for label, _ in entities}
    assert "Tom Hale" in labels and "Kenya" in labels and not labels & {"America", "United States", "Ann Ford"}


def test_an_unqualified_office_leads_the_country_its_sentence_names_not_the_articles(extractor):
    text = ("Schools close\n\nKenya reported new cases on Monday. Kenya closed its schools. Nationally, President "
            "Tom Hale declared Ugandans would continue to be paid.")
    _, relations, _ = extract(extractor, text)
    assert ("Tom Hale", "leads", "Kenya") not in relations
    _, relations, _ = extract(extractor, text.replace("Kenya closed its schools.", "Kenya closed its schools. "
                                                                                    "Uganda closed its borders."))
    assert ("Tom Hale", "leads", "Uganda") in relations and ("Tom Hale", "leads", "Kenya") not in relations


def test_a_premier_leads_the_state_or_province_the_article_names_before_its_country(extractor):
    text = ("Bill passes in Queensland\n\nQueensland's parliament in Australia passed the bill on Monday. "
            "Premier Ann Ford was not present at the final vote. Queensland is the third most populous state.")
    _, relations, _ = extract(extractor, text)
    assert ("Ann Ford", "leads", "Queensland") in relations and ("Ann Ford", "leads", "Australia") not in relations


def test_in_an_interview_i_is_the_person_the_answer_mark_names(extractor):
    text = ("Wikinews interviews Ann Ford, director of Lakeside Relief\n\n((WN)) What do you do?\n\n"
            "((Ann Ford)) I have worked for the Zarin Foundation since 2010. I joined the Green Unity Party in 2001.")
    _, relations, _ = extract(extractor, text)
    assert {("Ann Ford", "memberOf", "Zarin Foundation"), ("Ann Ford", "memberOf", "Green Unity Party")} <= relations


def test_a_role_named_x_makes_x_a_person_with_that_title(extractor):
    text = "Attack foiled\n\nPassers-by confronted him, and another, a Polish chef named Zorvan, held him back."
    entities, relations, _ = extract(extractor, text)
    assert ("Zorvan", "PERSON") in entities and ("Zorvan", "title", "chef") in relations


def test_photo_credit_names_a_photographer_and_an_agency(extractor):
    entities, _, _ = extract(extractor, "Police patrol the market. Photo: Maria Lopez / Getty Images\n\nText.")
    assert ("Maria Lopez", "PERSON") in entities and ("Getty Images", "ORG") in entities


def test_nationality_is_a_group_and_country_is_a_place(extractor):
    entities, _, _ = extract(extractor, "Afghan refugees crossed into Iran, where Iranian officials met them.")
    assert {("Afghan", "GROUP"), ("Iran", "PLACE"), ("Iranian", "GROUP")} <= entities


def test_a_country_with_a_short_name_is_a_place_the_recogniser_missed_or_not(extractor):
    # the recogniser misses 'Mali' here; a short name that is also a given name ('Chad') is left to it
    for country in ("Mali", "Peru"):
        entities, relations, _ = extract(extractor, f"Tom Hale was sworn in as president of {country} on Friday.")
        assert (country, "PLACE") in entities
        assert ("Tom Hale", "leads", country) in relations
    entities, _, _ = extract(extractor, "Chad Hale was sworn in as president on Friday.")
    assert ("Chad Hale", "PERSON") in entities


def test_the_stop_that_ends_a_paragraph_is_no_part_of_the_name_before_it(extractor):
    entities, _, _ = extract(extractor, "Tom Hale fought in the Second World War.")
    assert ("Second World War", "EVENT") in entities
    entities, _, _ = extract(extractor, "Airbus opened a factory in Gyula.\n\nTom Hale said so.")
    assert "Gyula" in {name for name, _ in entities}


def test_a_courts_rank_after_a_country_is_the_offices_not_the_countrys(extractor):
    text = "The move came after Tom Hale, a United States District judge, ordered a recount."
    entities, relations, _ = extract(extractor, text)
    assert ("United States", "PLACE") in entities and ("Tom Hale", "title", "district judge") in relations
    # (a county's name stays whole before its attorney)
    entities, _, _ = extract(extractor, "Lakeside County attorney Tom Hale said so.")
    assert ("Lakeside County", "PLACE") in entities


def test_the_everyday_words_of_an_office_name_no_body(extractor):
    # the recogniser takes 'National Security Advisor' for an organisation; its field is no body
    entities, _, _ = extract(extractor, "I will be naming a new National Security Advisor next week.")
    assert not entities
    entities, relations, _ = extract(extractor, "Former National Security Advisor Tom Hale disagreed.")
    assert {name for name, _ in entities} == {"Tom Hale"}
    assert ("Tom Hale", "title", "former national security advisor") in relations


def test_the_first_word_of_an_office_after_a_body_is_the_offices(extractor):
    text = ("The announcement came on Monday. White House Press Secretary Ann Ford said the president "
            "would sign the bill.")
    entities, relations, _ = extract(extractor, text)
    assert ("White House", "ORG") in entities and ("Ann Ford", "memberOf", "White House") in relations
    # (but a body's name that ends in the same word keeps it)
    entities, _, _ = extract(extractor, "The book came out on Monday. Oxford University Press editor Tom Hale said so.")
    assert ("Oxford University Press", "ORG") in entities


def test_names_of_a_rescue_service_a_campus_and_olympiads_are_whole(extractor):
    entities, _, _ = extract(extractor, "The firm said on Monday that Lakeside Fire and Rescue had put out the fire.")
    assert ("Lakeside Fire and Rescue", "ORG") in entities
    text = "The statement came on Monday. \"He was brilliant,\" said University of Kharaj, San Diego's chancellor, Tom Hale."
    entities, relations, _ = extract(extractor, text)
    assert ("Tom Hale", "leads", "University of Kharaj, San Diego") in relations
    entities, _, _ = extract(extractor, "He won gold at the Chess Olympiads in 2016 and later coached the team.")
    assert ("Chess Olympiads", "EVENT") in entities


def test_a_name_with_a_comma_that_its_acronym_spells_is_whole(extractor):
    text = "Zanzar's Institute of Hydrology, Water Control and Research (IHWCR) reported the floods."
    entities, _, _ = extract(extractor, text)
    assert "Institute of Hydrology, Water Control and Research" in {name for name, _ in entities}


def test_a_nickname_in_quotes_is_part_of_the_name_and_a_name_of_its_own(extractor):
    text = ('Zarin Party nominee Ann Ford picked podcast host Jeremy "Spike" Hale as her running mate. '
            "Spike Hale thanked her on Monday.")
    entities, relations, e = extract(extractor, text)
    people = [x for x in e.entities if x.type == "PERSON" and "Hale" in x.label]
    assert len(people) == 1 and {'Jeremy "Spike" Hale', "Spike Hale"} <= set(people[0].forms)
    assert (people[0].label, "title", "podcast host") in relations
    # (an article that writes only the full name still gives the name by the nickname, for other articles)
    _, _, e = extract(extractor, 'Podcast host Jeremy "Spike" Hale thanked the party on Monday.')
    assert "Spike Hale" in next(x for x in e.entities if x.type == "PERSON").forms


def test_an_event_named_after_a_whole_country_is_not_placed_in_it(extractor):
    text = "Tom Hale, who fought in the Iraq War, now lives in Iraq. He won the 2019 Gibraltar Chess Tournament."
    _, relations, _ = extract(extractor, text)
    assert ("Iraq War", "locatedIn", "Iraq") not in relations
    _, relations, _ = extract(extractor, "He lives in Gibraltar. He won the 2019 Gibraltar Chess Tournament.")
    assert ("2019 Gibraltar Chess Tournament", "locatedIn", "Gibraltar") in relations


def test_a_common_noun_opening_a_quotation_is_no_name(extractor):
    entities, _, _ = extract(extractor, 'They reported, "Macroalgae are suggested to disrupt coral growth," in the paper.')
    assert not entities
    entities, _, _ = extract(extractor, 'She added, "Google has not replied," on Monday.')
    assert ("Google", "ORG") in entities


def test_a_quarter_of_a_year_is_a_date(extractor):
    entities, _, _ = extract(extractor, "The vote was on Monday. We expect it near the end of Q1 or beginning of Q2 2021.")
    assert not entities


def test_a_virus_or_an_effect_named_after_someone_or_somewhere_is_no_entity(extractor):
    entities, _, _ = extract(extractor, "The vote was on Monday. Ann Ford was infected with the Powassan virus after "
                                        "a tick bite. The Streisand effect made it famous.")
    assert entities == {("Ann Ford", "PERSON")}


def test_a_direction_before_a_countrys_name_is_no_part_of_it(extractor):
    entities, _, _ = extract(extractor, "The cave lies in southwest France, near the river.")
    assert entities == {("France", "PLACE")}


@pytest.mark.parametrize("text, named", [
    # 'Labour' alone is the party's own one-word name; 'Republican lawmakers' names a party's people
    ("Speakers at the rally included Labour MP Tom Hale and Ann Ford.", ("Labour", "ORG")),
    ("Republican lawmakers and Tom Hale met on Monday.", ("Republican", "GROUP")),
    # a body's head word after a place's name, which the tagger made a common noun
    ("Soldiers of the Israel Defense Forces entered Tyre.", ("Israel Defense Forces", "ORG")),
    ("Fighting in Kabul Province continued on Monday.", ("Kabul Province", "PLACE")),
    # an ordinal in figures before a unit's name (a session of a legislature is the legislature)
    ("Zanzar's 93rd Mechanized Brigade said it had repelled an assault.", ("93rd Mechanized Brigade", "ORG")),
    ("He sat in the 43rd Canadian Parliament until 2021.", ("Canadian Parliament", "ORG")),
    # a name ending in an administrative area's word, though it opens with a given name
    ("The army lost control of Shan State to the alliance on Monday.", ("Shan State", "PLACE")),
    # a head word after 'and' or '&', where the recogniser or the run of capitals stopped
    ("Area 51 is a facility within the Air Force's Nevada Test and Training Range, officials said.",
     ("Nevada Test and Training Range", "PLACE")),
    ("She was treated at Carlow Scott & White Medical Center in Dallas.", ("Carlow Scott & White Medical Center", "ORG")),
    # a name in a list a plural place noun opens, which the recogniser took for a body's
    ("The county is also home to the cities New Rochelle and Yonkers which formed the epicenter of the outbreak.",
     ("Yonkers", "PLACE")),
    ("Ann Ford flipped three of the states Tom Hale won in 2016.", ("Tom Hale", "PERSON")),  # (no list: a clause)
    # a body's name, then capitalised words up to an event's head: the body's event
    ("The event played host to the Zarin League WGN North American Championship, with a prize of C$10,000.",
     ("Zarin League WGN North American Championship", "EVENT")),
    # 'and' after a body's 'of' joins no person's name to the body's
    ("The study was a project between Ann Ford of the School of Marine Science at the University of Kharaj and "
     "Tom Hale of Zarin Shark Expeditions, a company.", ("University of Kharaj", "ORG")),
    # the side after a result's noun with a score is a team, though named after a town
    ("In Australian rugby, University kept top spot on the ladder with a 22 points to 10 win over Maroochydore at "
     "Cotton Tree on Saturday.", ("Maroochydore", "ORG")),
    # a trade before a name is no part of it
    ("The vote was on Monday. Cosmonaut Ivan Zarkov, the first man to walk in space, died on Friday.",
     ("Ivan Zarkov", "PERSON")),
    # a plural possessive before a conference: its members' standing body
    ("He died in a hospital, according to the Zarin Bishops' Conference on Monday.", ("Zarin Bishops' Conference", "ORG")),
    # a centre for events is a venue, a place
    ("The rally took place at the Zarin Convention Center in Texas on Friday.", ("Zarin Convention Center", "PLACE")),
    # a name the text defines as a place's, though the recogniser takes it for a person's
    ("Four of these tools were found in a site called Abri Peyrony, and Abri Peyrony gave more.",
     ("Abri Peyrony", "PLACE")),
    # a body's word before the city it is in is the name's head: no person's name, whatever role follows
    ("Ships went dark. Ann Ford of University College London, a researcher, said so.",
     ("University College London", "ORG")),
    # a nation's plural before a name: its people named ('Ethiopians X'), not a body ('Kenyans Against Y')
    ("The race was fast. He was followed by Ethiopians Dejene Debela, 2:05:46, and others.",
     ("Dejene Debela", "PERSON")),
    ("The race was fast. He said Kenyans Against Corruption agreed.", ("Kenyans Against Corruption", "ORG")),
    # an event's head word after 'and' is the whole name's, as a body's is
    ("The game went on. In 2017, the Zarin Rapid and Blitz Championship was held in Riyadh.",
     ("Zarin Rapid and Blitz Championship", "EVENT")),
    # what rules is a party, whatever its head word
    ("The pipeline was signed. In Cyprus, the ruling Zarin Rally hailed the pipeline.", ("Zarin Rally", "ORG")),
    # a road named by its number is a place
    ("The crash was bad. It happened on Route 2 in Lakeside on Friday.", ("Route 2", "PLACE")),
    ("The crash was bad. It happened near Interstate 95 and Highway 61 on Monday.", ("Highway 61", "PLACE")),
    ("The crash was bad. The A496 road was closed for hours.", ("A496", "PLACE")),
    # one word with a capital inside it is a company's or a site's name, wherever it stands
    ("The launch went well. ZarinSpace, backed by Ann Ford, is a private company.", ("ZarinSpace", "ORG")),
    ("The crash was bad. A GoZarin campaign was set up to pay for the funerals.", ("GoZarin", "ORG")),
    # (not a surname's prefix)
    ("The vote was held. Governor Tom DeZarin spoke on Monday.", ("Tom DeZarin", "PERSON")),
    # a survey's name is a body's; a people's word opening it is part of it
    ("The quake was big. The US Geological Survey reported it was of 7.0 magnitude.", ("US Geological Survey", "ORG")),
    ("The find was big. The British Geological Survey said so on Monday.", ("British Geological Survey", "ORG")),
    # a body named by its members' role ('guard' is a body's head word too), no office
    ("The ship sank. Wikinews is awaiting responses from the Coast Guard.", ("Coast Guard", "ORG")),
    ("The storm came. He has 3000 of the National Guard available.", ("National Guard", "ORG")),
    ("The ship sank. The order came from Coast Guard Commandant Admiral Tom Hale.", ("Coast Guard", "ORG")),
    # a number between two words of a name (a verb to the tagger) is the name's; not after a date's word
    # rare proper nouns after a body's head word are a person's name the gazetteer does not know
    ("The ban came. What was the President of the Zarin Chess Federation Mehrdad Kharazadeh like?",
     ("Mehrdad Kharazadeh", "PERSON")),
    ("The ban came. What was the President of the Zarin Chess Federation Mehrdad Kharazadeh like?",
     ("Zarin Chess Federation", "ORG")),
    # a people's plural the recogniser took for a place, doing something (the recogniser's guess is the point)
    ("The war went on. The Houthis fired missiles at the town on Monday.", ("Houthis", "GROUP")),
    # a given name that is an everyday word too, opening the sentence (not the auxiliary 'Will')
    ("The talks went on. Hope Zarinski said so on Monday.", ("Hope Zarinski", "PERSON")),
    # a person whose surname is a holiday's word
    ("The singer died. US singer and actor Doris Day died on Monday at her home.", ("Doris Day", "PERSON")),
    ("The wreck was found. The Lost 52 Project announced on Sunday that it had found a submarine.",
     ("Lost 52 Project", "ORG")),
    ("The bill was long. On March 3 Congress voted on it.", ("Congress", "ORG")),
    # a site named by its capitalised domain name
    ("The boom ended. One news site, Zarinka.com, claims it was so.", ("Zarinka.com", "ORG")),
    # a country's name in its own language that is an English word ('Island', Iceland) is no name
    ("The voyage was long. The ship reached Easter Island on Monday.", ("Easter Island", "PLACE")),
    # a company's legal form ends its name, and takes no 'for' after it
    ("The band split. In 1962 Charlie Watts was leaving Blues Incorporated for The Rolling Stones.",
     ("Blues Incorporated", "ORG")),
    # a trade before a one-word name makes it a person's (not a trade a company has: 'the contractor X')
    ("It was said. Cosplay model and professional singer Zorya attended the convention on Saturday.",
     ("Zorya", "PERSON")),
    ("It was said. West was joined on stage by rapper Zayq on Friday.", ("Zayq", "PERSON")),
    ("It was said. West was joined on stage by fellow rapper Zay-Q on Friday.", ("Zay-Q", "PERSON")),
    # the words right before a name say what it is
    ("The raid was at night. At least ten ethnic Zarini were killed.", ("Zarini", "GROUP")),
    ("Crowds gathered. A protester using the pseudonym Kavra told reporters she was afraid.", ("Kavra", "PERSON")),
    # a place, then an office whose first word is a place's generic word
    ("The case went on. Kelso District Attorney Tom Hale said it was closed.", ("Kelso", "PLACE")),
    # attacks named by their day: an event, though no word of it has a capital
    ("Tom Hale orchestrated the 9/11 attacks on the US of 2001.", ("9/11 attacks", "EVENT")),
    # what an army entered is a place, though the tagger reads its name's first word as a verb
    # ('Tell') and the parse goes astray
    ("The Syrian Army entered Tell Tamer and Ain Issa yesterday, state media said.", ("Tell Tamer", "PLACE")),
    ("The Syrian Army entered Tell Tamer and Ain Issa yesterday, state media said.", ("Ain Issa", "PLACE")),
])
def test_the_name_is_whole_and_typed(extractor, text, named):
    entities, _, _ = extract(extractor, text)
    assert named in entities, entities


def test_sentences_never_cross_a_line_break(extractor):
    _, _, e = extract(extractor, "Kabul under curfew\nResidents stayed home on Sunday.")
    assert [s.text for s in e.sentences] == ["Kabul under curfew", "Residents stayed home on Sunday."]


def test_every_mention_lies_in_its_sentence_and_spells_its_text(extractor):
    text = "Ali Karimi met Fatima Sow in Dakar.\n\nKarimi later flew to Abuja, Nigeria's capital."
    _, _, e = extract(extractor, text)
    assert len(e.mentions) >= 5
    for m in e.mentions:
        s = e.sentences[m.sentence]
        assert text[m.start:m.end] == m.text and s.start <= m.start < m.end <= s.end
    karimi = {m.entity for m in e.mentions if "Karimi" in m.text}
    assert len(karimi) == 1


def test_a_name_with_and_without_initial_is_one_person(extractor):
    _, _, e = extract(extractor, "Officials said Karim R. Haidari resigned on Monday.\n\n"
                                 "Karim Haidari later denied it, and Haidari left the country.")
    assert len({m.entity for m in e.mentions if "Haidari" in m.text}) == 1


def test_a_news_outlet_that_reports_is_an_organisation(extractor):
    entities, _, _ = extract(extractor, "The strike killed six people, Kabul Daily Wire reported on Monday.")
    assert ("Kabul Daily Wire", "ORG") in entities


def test_a_person_named_of_a_place_is_two_names(extractor):
    entities, _, _ = extract(extractor, "Yesterday, President Karim Haidari of Moldova met the press.")
    assert ("Karim Haidari", "PERSON") in entities and ("Moldova", "PLACE") in entities


def test_a_title_before_a_name_does_not_reach_back_past_another_person(extractor):
    _, relations, _ = extract(extractor, "Ruritanian president Omar Dalil fires security adviser Karim Haidari.")
    assert not any(r[0] == "Karim Haidari" and r[1] == "leads" for r in relations), relations


def test_a_trade_then_a_title_one_is_addressed_by_are_two_titles(extractor):
    _, relations, _ = extract(extractor, "\"It matters,\" said lead author Professor Ann Ford. Former presidential "
                                         "candidate Senator Tom Hale agreed, and solicitor General Karim Haidari did not.")
    titles = {(who, value) for who, p, value in relations if p == "title"}
    assert {("Ann Ford", "lead author"), ("Ann Ford", "professor"), ("Tom Hale", "former presidential candidate"),
            ("Tom Hale", "senator")} <= titles, titles
    assert ("Karim Haidari", "general") not in titles, titles  # one office in another case


def test_a_role_after_by_is_the_agents_not_the_name_after_the_comma(extractor):
    _, relations, _ = extract(extractor, "Encouraged to paint by a psychotherapist, Ann Ford took lessons. The mayor "
                                         "of Lakeside, Tom Hale, agreed. It was issued by the current president, "
                                         "Omar Haidari, in May.")
    assert ("Ann Ford", "title", "psychotherapist") not in relations, relations
    assert {("Tom Hale", "title", "mayor"), ("Omar Haidari", "title", "president")} <= relations, relations


def test_a_name_opened_by_a_saints_or_monarchs_possessive_is_one_name(extractor):
    entities, relations, _ = extract(extractor, "Tom Hale studied at Queen's University and was treated at St Mary's "
                                                "Hospital. Fire hit St. John's Episcopal Church near Lakeside Square.")
    names = {name for name, _ in entities}
    assert {"Queen's University", "St Mary's Hospital", "St. John's Episcopal Church"} <= names, entities
    assert not any(r[1] == "locatedIn" and r[2] == "St. John" for r in relations), relations
    # (the recogniser stops at a curly apostrophe's possessive: the name takes on what follows)
    entities, _, _ = extract(extractor, "During a riot near the palace, rioters set fire to St. John\u2019s Episcopal "
                                        "Church at Lakeside Square, which suffered damage.")
    assert "St. John\u2019s Episcopal Church" in {name for name, _ in entities}, entities


def test_a_title_one_gives_oneself_past_an_apposition_is_the_subjects(extractor):
    _, relations, _ = extract(extractor, "Omar Haidari, the son of Karim Haidari, declared himself interim "
                                         "leader on Monday.")
    assert ("Omar Haidari", "title", "interim leader") in relations, relations
    assert ("Karim Haidari", "title", "interim leader") not in relations, relations


def test_striking_a_sides_targets_opposes_it(extractor):
    _, relations, _ = extract(extractor, "The Kharaj Army said it had struck Northern Front targets near the border. "
                                         "The Kharaj Army struck a deal with the Lakeside Trust.")
    assert ("Kharaj Army", "opposes", "Northern Front") in relations, relations
    assert ("Kharaj Army", "opposes", "Lakeside Trust") not in relations, relations


def test_an_office_named_with_its_remit_and_no_holder_is_one_name(extractor):
    entities, _, _ = extract(extractor, "The Office of the UN High Commissioner for Human Rights said civilians died.")
    assert ("UN High Commissioner for Human Rights", "ORG") in entities, entities
    assert not any(name in ("UN High", "Human Rights") for name, _ in entities), entities


def test_an_envoy_to_a_place_is_not_glued_to_the_place(extractor):
    entities, _, _ = extract(extractor, "Ruritanian Ambassador to Norway Michael Dalby said the talks failed.")
    assert ("Michael Dalby", "PERSON") in entities and ("Norway", "PLACE") in entities
    entities, _, _ = extract(extractor, "At a press conference in the capital, the Special Envoy for Iceland Brian Kettle said no.")
    assert ("Brian Kettle", "PERSON") in entities


def test_an_office_with_its_preposition_is_not_an_organisation(extractor):
    entities, _, _ = extract(extractor, "Yesterday US Special Representative for Peru Brian Kettle said it was over.")
    assert not any("Representative" in label for label, _ in entities), entities


def test_a_one_word_name_with_a_persons_role_is_a_person(extractor):
    text = ("Ruritania's security minister Dalmoro was attacked on Monday.\n\n"
            "Dalmoro, a former general, survived. Reporters said Dalmoro was in hospital.")
    entities, _, _ = extract(extractor, text)
    assert ("Dalmoro", "PERSON") in entities, entities


def test_religions_are_not_entities(extractor):
    entities, _, _ = extract(extractor, "He said he had served God and studied Islam in Qom for years.")
    assert not any(label in ("God", "Islam") for label, _ in entities), entities


def test_a_nationality_before_an_office_and_a_name_is_kept(extractor):
    text = "Troops entered Chile on Monday. They were sent by Chilean President Omar Dalil."
    entities, relations, _ = extract(extractor, text)
    assert ("Chilean", "GROUP") in entities and ("Omar Dalil", "leads", "Chile") in relations, relations
    text = "Norway closed the border. Norwegian Minister Karim Haidari said, \"We had to.\""
    entities, relations, _ = extract(extractor, text)
    assert ("Norwegian", "GROUP") in entities and ("Karim Haidari", "title", "minister") in relations, relations


def test_a_possessive_is_not_a_copula(extractor):
    _, relations, _ = extract(extractor, "Norway's Prime Minister Karim Haidari's spokesperson, Fatima Sow, said no.")
    assert not any(r[0] == "Karim Haidari" and r[2] == "spokesperson" for r in relations), relations


def test_names_with_particles_after_a_role_are_people(extractor):
    text = ("A bomb killed the station's cameraman Ziyad al-Marwani in the port. "
            "The town's police chief, Hamdi al-Sulaifi, said three men were held.")
    entities, _, _ = extract(extractor, text)
    assert ("Ziyad al-Marwani", "PERSON") in entities and ("Hamdi al-Sulaifi", "PERSON") in entities, entities


def test_a_name_the_recogniser_cut_before_its_article_particle_goes_on(extractor):
    entities, relations, _ = extract(extractor, "Abdel Karim al-Haidari, the army chief, visited troops.")
    assert ("Abdel Karim al-Haidari", "PERSON") in entities, entities
    assert ("Abdel Karim al-Haidari", "title", "army chief") in relations, relations


def test_a_name_a_political_bodys_kind_follows_is_that_bodys(extractor):
    entities, relations, _ = extract(extractor, "Ann Ford is a member of the Historic Pact coalition.")
    assert ("Historic Pact", "ORG") in entities, entities
    assert ("Ann Ford", "memberOf", "Historic Pact") in relations, relations
    entities, _, _ = extract(extractor, "The Gulf War coalition was formed in 1990.")
    assert ("Gulf War", "EVENT") in entities, entities


def test_a_company_named_without_its_trade_word_is_the_company(extractor):
    entities, _, e = extract(extractor, "Shares of Nordvik Energy fell on Thursday. Nordvik's largest shareholder "
                                        "is the state.")
    assert ("Nordvik Energy", "ORG") in entities and not any(label == "Nordvik" for label, _ in entities), entities


def test_a_country_director_heads_a_part_of_the_body_not_the_body(extractor):
    _, relations, _ = extract(extractor, "The Kharaj Relief Fund appealed for aid. Its country director, Ann Ford, "
                                         "called for calm.")
    assert ("Ann Ford", "memberOf", "Kharaj Relief Fund") in relations, relations
    assert ("Ann Ford", "leads", "Kharaj Relief Fund") not in relations, relations


def test_names_after_a_plural_kind_of_place_and_of_are_places(extractor):
    entities, _, _ = extract(extractor, "Most deaths were in the provinces of Al Haouz and Taroudant. The University "
                                        "of Zanzar and the Kharaj Institute sent teams.")
    assert {("Al Haouz", "PLACE"), ("Taroudant", "PLACE"), ("University of Zanzar", "ORG")} <= entities, entities


def test_a_persons_surname_that_a_country_bears_too_is_the_person(extractor):
    entities, relations, _ = extract(extractor, "District Judge Sean Jordan ruled on Friday that the rule was void. "
                                                "Jordan, who was appointed by President Tom Hale in 2019, has ruled "
                                                "against the government before.")
    assert ("Jordan", "PLACE") not in entities, entities
    assert not any(r[2] == "Jordan" for r in relations), relations


def test_one_name_before_an_administration_is_the_person_who_leads_it(extractor):
    entities, _, _ = extract(extractor, "A federal judge blocked a Biden administration rule on overtime pay.")
    assert entities == {("Biden", "PERSON")}, entities


def test_the_pronoun_after_a_month_is_no_regnal_number(extractor):
    entities, _, _ = extract(extractor, "In June I will present our results at the symposium. Elizabeth I was queen.")
    assert entities == {("Elizabeth I", "PERSON")}, entities


def test_he_in_an_answer_is_the_person_the_answer_names_not_the_one_who_answers(extractor):
    text = ("Wikinews interviews biologist Ann Ford\n\n((Wikinews)) Who works with you?\n\n((Ann Ford)) My "
            "colleague Karim Darwish is a postdoctoral researcher from Kharaj University. He has been our field "
            "coordinator since 2019.")
    _, relations, _ = extract(extractor, text)
    assert ("Karim Darwish", "title", "field coordinator") in relations, relations
    assert ("Ann Ford", "title", "field coordinator") not in relations, relations


def test_the_initials_of_a_body_the_article_names_are_that_body_though_never_defined(extractor):
    text = ("The Zanzar Defense Forces said it had hit a command centre. ZDF spokesman Karim Darwish told reporters "
            "the strikes were over.")
    entities, relations, _ = extract(extractor, text)
    assert ("Karim Darwish", "memberOf", "Zanzar Defense Forces") in relations, (entities, relations)


def test_a_peoples_word_after_a_word_that_is_also_a_given_name_is_no_surname(extractor):
    text = ("The first bomb went off within the Roman Catholic cathedral in Zanzar. Zanzar is a Catholic majority "
            "nation.")
    entities, _, _ = extract(extractor, text)
    assert ("Catholic", "GROUP") in entities, entities


def test_a_body_named_by_its_aim_is_one_organisation(extractor):
    entities, _, _ = extract(extractor, "The Campaign to Protect Rivers said on Monday that the Alliance to End "
                                        "Drought had joined it.")
    assert ("Campaign to Protect Rivers", "ORG") in entities and ("Alliance to End Drought", "ORG") in entities, entities


def test_a_facility_noun_modifying_another_noun_is_not_part_of_the_name(extractor):
    entities, _, _ = extract(extractor, "The blast hit the Baltic Sea port town of Kettlewick on Monday.")
    assert not any(label.endswith("port") for label, _ in entities), entities
    entities, _, _ = extract(extractor, "Crowds gathered at the Kabul airport on Monday.")
    assert ("Kabul airport", "PLACE") in entities, entities


def test_country_after_a_described_place_is_where_the_place_is(extractor):
    _, relations, _ = extract(extractor, "A bomb killed two in the Gulf port town of Berbera, Somalia.")
    assert ("Berbera", "locatedIn", "Somalia") in relations
    assert ("Somalia", "locatedIn", "Berbera") not in relations


def test_a_representatives_state_does_not_replace_the_committee(extractor):
    _, relations, _ = extract(extractor, "The Senate Rules Committee met. Republican committee chairman Dale Porter of Ohio "
                                         "said the vote would wait.")
    assert ("Dale Porter", "leads", "Senate Rules Committee") in relations


def test_names_after_an_organisation_noun_or_in_a_list_of_firms_are_organisations(extractor):
    entities, _, _ = extract(extractor, "Several Dutch firms including Varnhold Logistik, Brekker Telekom, "
                                        "and Ostwinds have left the market.")
    assert {("Varnhold Logistik", "ORG"), ("Brekker Telekom", "ORG")} <= entities
    entities, _, _ = extract(extractor, "The claim was repeated by state news firm Kavala on Monday.")
    assert ("Kavala", "ORG") in entities


def test_a_long_organisation_name_runs_on_over_and(extractor):
    entities, _, _ = extract(extractor, "The attack was claimed by the Islamic Front of Chad and the Sahel, officials said.")
    assert ("Islamic Front of Chad and the Sahel", "ORG") in entities, entities
    entities, _, _ = extract(extractor, "Data from the Varga Center for Ocean Science and Engineering showed a rise.")
    assert ("Varga Center for Ocean Science and Engineering", "ORG") in entities, entities
    entities, _, _ = extract(extractor, "The Ministry of Defence and the Army said nothing.")
    assert ("Ministry of Defence", "ORG") in entities, entities


def test_a_monarch_or_pope_known_by_one_name_keeps_the_title(extractor):
    entities, relations, e = extract(extractor, "Condemnation came from Pope Leo and Prime Minister Ana Duarte. "
                                                "Leo called the attack cowardly.")
    assert ("Pope Leo", "PERSON") in entities and ("Pope Leo", "title", "pope") in relations
    assert len([x for x in e.entities if x.type == "PERSON"]) == 2
    entities, relations, _ = extract(extractor, "Sultan Barakat of Brunei died on Friday. Barakat had ruled since 1970.")
    assert ("Sultan Barakat", "PERSON") in entities and ("Brunei", "PLACE") in entities, entities
    assert {("Sultan Barakat", "leads", "Brunei"), ("Sultan Barakat", "title", "sultan")} <= relations
    entities, relations, _ = extract(extractor, "Crown Prince Faisal of Jordan met the envoy.")
    assert ("Prince Faisal", "title", "crown prince") in relations


def test_a_monarch_named_by_title_and_given_name_is_the_person_of_that_given_name(extractor):
    for text in ("King Matthias of Zanzar died on Friday. Matthias Edvard Rosen had ruled the country since 1970.",
                 "Matthias Edvard Rosen died on Friday, aged 79. King Matthias had ruled since 1970.",
                 "Pope Leo met the president. Leo Marcus Ferrand, 70, was elected last year."):
        _, _, e = extract(extractor, text)
        people = [x for x in e.entities if x.type == "PERSON"]
        assert len(people) == 1, [(x.label, x.aliases) for x in people]


def test_an_enemy_or_opponent_of_someone_opposes_them_a_critic_or_rival_not(extractor):
    _, relations, _ = extract(extractor, "Tomas Varga is a bitter enemy of Moldovan president Ilinca Rusu, "
                                         "and his associates agreed.")
    assert ("Tomas Varga", "opposes", "Ilinca Rusu") in relations, relations
    _, relations, _ = extract(extractor, "Karim Darwish, an opponent of the Free Coast Movement, spoke.")
    assert ("Karim Darwish", "opposes", "Free Coast Movement") in relations, relations
    # criticism and electoral rivalry are no opposition (tests/validation/ANNOTATION.md)
    _, relations, _ = extract(extractor, "Tomas Varga is an outspoken critic of Moldovan president Ilinca Rusu, "
                                         "and his associates agreed.")
    assert ("Tomas Varga", "opposes", "Ilinca Rusu") not in relations, relations
    _, relations, _ = extract(extractor, "Karim Darwish, a rival of the Free Coast Movement, spoke.")
    assert ("Karim Darwish", "opposes", "Free Coast Movement") not in relations, relations


def test_a_leader_who_names_groups_as_terrorists_opposes_them(extractor):
    _, relations, _ = extract(extractor, 'Ilinca Rusu said the invasion was "to prevent the creation of a corridor '
                                         'across our border." She named it "Operation Dawn" and named both the '
                                         "Coast Workers' Party (CWP) and Delta Protection Units (DPU) as terrorists.")
    assert {("Ilinca Rusu", "opposes", "Coast Workers' Party"),
            ("Ilinca Rusu", "opposes", "Delta Protection Units")} <= relations, relations
    _, relations, _ = extract(extractor, "Tomas Varga named Ilinca Rusu as his successor.")
    assert not any(p == "opposes" for _, p, _ in relations), relations


def test_a_represented_client_in_a_court_is_no_membership(extractor):
    _, relations, _ = extract(extractor, "Ilinca Rusu represented the Meridian Bank in the Supreme Court of Moldova.")
    assert not {r for r in relations if r[1] == "memberOf"}, relations


def test_a_given_name_before_bin_joins_the_persons_name(extractor):
    text = ("After the funeral, his cousin, Rashed bin Khalifa Al Nouri, attended prayers in the capital. "
            "Rashed said he would keep the policies.")
    entities, _, _ = extract(extractor, text)
    assert ("Rashed bin Khalifa Al Nouri", "PERSON") in entities, entities
    assert not {e for e in entities if e[0] in ("Rashed", "Khalifa Al Nouri")}, entities


def test_a_source_after_according_to_is_no_unknown_place(extractor):
    entities, _, _ = extract(extractor, "According to Agence Meridional-Presse, which cited sources close to "
                                        "the inquiry, the man had worked there for years. According to Kenya, "
                                        "the border stayed open.")
    assert ("Agence Meridional-Presse", "ORG") in entities, entities
    assert ("Kenya", "PLACE") in entities, entities


def test_a_relative_clause_after_an_apposition_is_not_the_first_persons(extractor):
    _, relations, _ = extract(extractor, "Omar Darwish, the son of Karim Darwish, who served as Prime Minister "
                                         "until 2010, was arrested on Monday.")
    assert ("Omar Darwish", "title", "prime minister") not in relations, relations


def test_a_known_places_name_with_er_is_its_people_not_a_person(extractor):
    from newskg.graph.extract.kinds import people_of_place
    assert people_of_place("Londoners") and people_of_place("New Yorker's")
    assert people_of_place("Montanans") and people_of_place("Ohioans") and people_of_place("Bostonians")
    assert not people_of_place("Athens") and not people_of_place("Milan")
    assert not people_of_place("Walker") and not people_of_place("Tomas Parker")
    entities, _, _ = extract(extractor, "The protests now focus on the rights of Lagos-born Londoners and of "
                                        "Hong Kongers in the city.")
    assert not {e for e in entities if e[1] == "PERSON"}, entities


@pytest.mark.parametrize("text, name", [
    ("Voters in Ruritania chose Ann Ford in the Lakeside Democratic primary on Tuesday.", "Lakeside Democratic primary"),
    ("Tom Hale stood in the 2021 Lakeside by-election as an independent.", "2021 Lakeside by-election"),
    ("Rescuers searched the coast after the Aegean Sea earthquake on Friday.", "Aegean Sea earthquake"),
    ("Ann Ford conceded the 2020 presidential election on Sunday.", "2020 presidential election"),
])
def test_names_year_and_election_words_before_an_event_noun_are_one_event(extractor, text, name):
    entities, _, _ = extract(extractor, "Votes\n\n" + text)
    assert (name, "EVENT") in entities


def test_an_election_noun_modifying_another_noun_makes_no_event(extractor):
    entities, _, _ = extract(extractor, "Votes\n\nThe Lakeside election campaign opened on Monday.")
    assert not any(t == "EVENT" for _, t in entities)


def test_a_chamber_before_its_office_is_a_name_and_the_holder_its_member(extractor):
    entities, relations, _ = extract(extractor, "Votes\n\nIn a meeting that lasted for hours on Monday, Senate Minority Whip Tom Hale and House Speaker Ann Ford agreed on the budget.")
    assert {("Senate", "ORG"), ("House", "ORG"), ("Tom Hale", "PERSON"), ("Ann Ford", "PERSON")} <= entities
    assert {("Tom Hale", "memberOf", "Senate"), ("Ann Ford", "leads", "House")} <= relations


def test_an_organisation_name_ends_before_the_first_word_of_an_office(extractor):
    entities, relations, _ = extract(extractor, "Votes\n\nThe Senate Minority Leader, Tom Hale, said on Friday it would pass.")
    assert ("Senate", "ORG") in entities and ("Tom Hale", "memberOf", "Senate") in relations


def test_two_chambers_named_by_their_head_words_are_two_names(extractor):
    entities, _, _ = extract(extractor, "Votes\n\nThey proposed term limits for the Senate and House on Thursday.")
    assert {("Senate", "ORG"), ("House", "ORG")} <= entities


def test_a_party_word_before_a_persons_name_is_not_part_of_it(extractor):
    entities, _, _ = extract(extractor, "Votes\n\nDemocrat Karim Haidari told reporters he was a great man.")
    assert ("Karim Haidari", "PERSON") in entities


def test_what_a_member_is_member_of_is_an_organisation(extractor):
    _, relations, _ = extract(extractor, "Votes\n\nKarim Haidari, a member of the Zarin Sabha, said so.")
    assert ("Karim Haidari", "memberOf", "Zarin Sabha") in relations


def test_a_nationality_before_an_office_leads_the_country_by_any_of_its_names(extractor):
    _, relations, _ = extract(extractor, "Talks\n\nKarim Haidari is a critic of Russian president Omar Darwish, "
                                         "who visited Russia last week.")
    assert ("Omar Darwish", "leads", "Russia") in relations


def test_an_office_in_capitals_before_a_name_is_a_title_and_the_acronym_before_it_the_body(extractor):
    entities, relations, _ = extract(extractor, "Talks\n\nABS-CBN CEO Carlo Katigbak said refunds were offered.")
    assert {("ABS-CBN", "ORG"), ("Carlo Katigbak", "PERSON")} <= entities
    assert ("Carlo Katigbak", "leads", "ABS-CBN") in relations


def test_a_role_in_a_conjunct_after_a_possessive(extractor):
    _, relations, _ = extract(extractor, "Talks\n\nIn a statement, Ann Ford, his wife and the current chairwoman "
                                         "of the Lakeside Green Party, said he worked until his last breath.")
    assert ("Ann Ford", "leads", "Lakeside Green Party") in relations


def test_an_event_is_in_the_place_its_name_holds(extractor):
    _, relations, _ = extract(extractor, "Votes\n\nAnn Ford won the Ohio Democratic primary. Voters in Ohio came early.")
    assert ("Ohio Democratic primary", "locatedIn", "Ohio") in relations


def test_a_partys_word_alone_is_a_group(extractor):
    entities, _, _ = extract(extractor, "Votes\n\nOn Thursday, Senator Tom Hale and fellow Republican "
                                        "Representative Ann Ford proposed term limits.")
    assert ("Republican", "GROUP") in entities and ("Republican", "PERSON") not in entities


def test_a_holidays_eve_is_no_entity(extractor):
    entities, _, _ = extract(extractor, "Holidays\n\nOn Christmas Eve, Tom Hale visited Lakeside.")
    assert not any(name == "Christmas Eve" for name, _ in entities)


def test_a_valleys_name_alone_is_the_valley(extractor):
    entities, _, _ = extract(extractor, "War\n\nFighters resisted the Kharaj Front in the Zarin valley on Monday. "
                                        "Its spokesman said that Zarin had been completely captured.")
    assert ("Zarin valley", "PLACE") in entities and ("Zarin", "ORG") not in entities


def test_a_partys_member_after_an_article_is_a_group_and_the_person_a_member(extractor):
    # ('democrat' is an everyday word in lower case; capitalised inside a sentence it names the party's people)
    entities, relations, _ = extract(extractor, "Votes\n\nThe Democratic Party met on Monday. Lakeside governor "
                                                "Tom Hale, a Democrat, said he would stay.")
    assert ("Democrat", "GROUP") in entities
    assert ("Tom Hale", "memberOf", "Democratic Party") in relations


@pytest.mark.parametrize("text, name, kind", [
    ("Storms\n\nHurricane Zelda made landfall in the Bahamas on Monday.", "Hurricane Zelda", "EVENT"),
    ("Storms\n\nOn Monday Typhoon Zelda hit the coast.", "Typhoon Zelda", "EVENT"),
    ("Markets\n\nShares fell on the Lakeside Stock Exchange on Monday.", "Lakeside Stock Exchange", "ORG"),
    ("Towns\n\nHe was a trustee of Lakeside Township in the 1990s.", "Lakeside Township", "PLACE"),
    # (a conference of its members in the plural is a standing body; a Londoner one of a place's people)
    ("Primaries\n\nThe National Conference of State Legislatures said the next primary is in March.",
     "National Conference of State Legislatures", "ORG"),
    ("Attack\n\nTom Hale, a Londoner, said so.", "Londoner", "GROUP"),
    # (what a body is against is no head word: a group of veterans, not a war)
    ("Protest\n\nAfter his service he joined Kharaj Veterans Against the War and marched.",
     "Kharaj Veterans Against the War", "ORG"),
])
def test_a_names_first_or_head_word_says_its_type(extractor, text, name, kind):
    entities, _, _ = extract(extractor, text)
    assert (name, kind) in entities


def test_a_police_prefecture_is_a_body_and_its_name_without_the_place_is_it_again(extractor):
    entities, _, _ = extract(extractor, "Attack\n\nFour people were killed at the Lakeside Police Prefecture on "
                                        "Thursday. The mayor said: \"Lakeside mourns after this attack on the Police "
                                        "Prefecture.\"")
    assert ("Lakeside Police Prefecture", "ORG") in entities, entities
    assert not any(name == "Police Prefecture" for name, _ in entities), entities


@pytest.mark.parametrize("text, not_a_name", [
    ("Prizes\n\nShe won the Nobel Prize in 2019 and spoke about it.", "Nobel Prize"),
    ("Holidays\n\nThe parade on Labour Day drew crowds, as it does every year.", "Labour Day"),
    # (nor a part of a holiday's name: the name a role word and a suffix end is a person's, 'King Jr.')
    ("Holidays\n\nStarting in 1968, he spent 15 years fighting for Martin Luther King Jr. Day to be a federal "
     "holiday; the bill became law in 1983.", "Martin Luther"),
    ("Health\n\nCases of COVID-19 rose in the city on Monday.", "COVID-19"),
    ("Crowds\n\nThe nearest town is Rachel in Lakeside County. County sheriff Tom Hale said it would be too much.",
     "County"),
    ("The network stopped.\n\nRepublic Act No. 3846, also known as the \"Radio Control Law\", states that no person "
     "shall operate a station without a franchise.", "Republic Act No"),
    ("The vote was on Monday. The senate passed the Reproductive Health Care Reform Bill 2019 on Friday.",
     "Reproductive Health Care Reform Bill 2019"),
    # software, and the acronym defined by its name
    ("The release came. Zarin Linux is compatible with Kharaj Enterprise Linux (KEL) and KEL users like it.",
     "Zarin Linux"),
    ("The release came. Zarin Linux is compatible with Kharaj Enterprise Linux (KEL) and KEL users like it.",
     "KEL"),
    # a name the text says is a technique, a drug, a game or a species, and its acronym
    ("It was found. They used a technology called non-destructive Zarinology by Kelso Spectrometry (ZKS).",
     "Kelso Spectrometry"),
    ("It was found. They used a technology called non-destructive Zarinology by Kelso Spectrometry (ZooKS). So we "
     "applied this method ZooKS to the bones. Frido is the ZooKS expert.", "ZooKS"),
    ("It was found. Fans dressed as the Pokemon species Zorizard on Saturday. Zorizard was popular.", "Zorizard"),
])
def test_awards_days_and_diseases_are_no_names(extractor, text, not_a_name):
    entities, _, _ = extract(extractor, text)
    assert not any(label == not_a_name for label, _ in entities)


def test_letters_after_a_name_a_score_and_a_plural_title_before_it_are_no_part_of_it(extractor):
    entities, _, _ = extract(extractor, "Courts\n\nJudge Tom Hale QC spoke after Lakeside 32–22 lost, "
                                        "and Senators Ann Ford and Omar Darwish agreed.")
    labels = {label for label, _ in entities}
    assert {"Tom Hale", "Ann Ford", "Omar Darwish"} <= labels
    assert not labels & {"Tom Hale QC", "Lakeside 32–22", "Senators Ann Ford"}


def test_a_preposition_a_party_word_and_the_place_of_an_office_stay_out_of_names(extractor):
    entities, relations, _ = extract(extractor, "News\n\nUnder Maryland state law, Republican Tom Hale, the current "
                                                "governor, has until October 28. \"We are safe,\" tweeted Mayor of "
                                                "London Ann Ford on Friday.")
    assert {("Tom Hale", "PERSON"), ("London", "PLACE"), ("Ann Ford", "PERSON")} <= entities
    assert not any(label.startswith(("Under", "Republican", "London ")) for label, _ in entities)
    assert ("Ann Ford", "leads", "London") in relations


@pytest.mark.parametrize("text, wrong", [
    # a role someone's possessive owns is not the title of the name after the comma
    ("News\n\nAnn Hale served two terms. According to Sadie Weiner, Hale's former spokeswoman, Hale died on Monday.",
     ("Ann Hale", "title", "former spokeswoman")),
    # a bracketed aside does not make the next person's office the last one's
    ("News\n\nSpeakers included Ann Ford, Labour MP (Member of Parliament) Omar Darwish, and Tom Hale.",
     ("Ann Ford", "title", "mp")),
    # a quoted 'he' is whom the speaker means
    ("News\n\nTom Hale praised Ann Ford. Omar Darwish said, \"For the party, he was the helmsman.\"",
     ("Tom Hale", "title", "helmsman")),
    # the body based somewhere is the one the apposition is about, not the one inside it
    ("News\n\nLakeside Trust, a member of the Ruritania League, is based in Paris.",
     ("Ruritania League", "locatedIn", "Paris")),
    # a country's institution is not in the state where one runs for it
    ("News\n\nTom Hale ran for the U.S. Senate in Arizona in 2014.", ("U.S. Senate", "locatedIn", "Arizona")),
])
def test_relations_not_stated(extractor, text, wrong):
    _, relations, _ = extract(extractor, text)
    assert wrong not in relations


def test_a_caption_label_and_a_couples_foundation(extractor):
    entities, relations, _ = extract(extractor, "News\n\nTom Hale Image: a photograph.\n\nKarim Haidari of the Bill "
                                                "and Melinda Gates Foundation noted the ingredients.")
    assert ("Tom Hale", "PERSON") in entities
    assert ("Karim Haidari", "memberOf", "Bill and Melinda Gates Foundation") in relations


@pytest.mark.parametrize("text, title", [
    ("News\n\nGuests included actor Tom Hale, who stayed at the hall.", ("Tom Hale", "title", "actor")),
    ("News\n\nThe driver was identified as commercial driver Tom Hale.", ("Tom Hale", "title", "commercial driver")),
    ("News\n\nThree candidates withdrew: Tom Hale, an entrepreneur, and Ann Ford.", ("Tom Hale", "title", "entrepreneur")),
    ("News\n\nRuritania's Secretary of State Tom Hale posted a message.", ("Tom Hale", "title", "secretary of state")),
])
def test_trades_and_offices_of_state_are_titles(extractor, text, title):
    _, relations, _ = extract(extractor, text)
    assert title in relations


def test_a_peoples_or_partys_words_are_a_group(extractor):
    entities, _, _ = extract(extractor, "News\n\nThe minister met Philippine officials, as did Eastern Europeans "
                                        "and the Liberal Democrat candidate.")
    assert {("Philippine", "GROUP"), ("Eastern Europeans", "GROUP"), ("Liberal Democrat", "GROUP")} <= entities


def test_no_junk_around_a_persons_name_mints_a_form(extractor):
    # a sentence-opening adverb or preposition, two people joined by a hyphen or an 'and', a
    # country before the name: each person is named alone
    text = ("Karim Haidari and Omar Dalil met in Kabul on Monday. Afterwards Haidari spoke about the "
            "Haidari-Dalil pact. Haidari said Dalil was right. Unlike Dalil, Haidari signed it.\n\n"
            "Haidari and Dalil then left. United States Brian Kettle welcomed the deal. Vermont Laura Ames "
            "agreed with Jordan Peterson.")
    entities, _, e = extract(extractor, text)
    forms = {m.text for m in e.mentions}
    assert not forms & {"Afterwards Haidari", "Haidari-Dalil", "Unlike Dalil", "Haidari and Dalil",
                        "United States Brian Kettle", "States Brian Kettle",
                        "Vermont Laura Ames"}, forms
    assert {("Karim Haidari", "PERSON"), ("Omar Dalil", "PERSON"), ("Brian Kettle", "PERSON"),
            ("Laura Ames", "PERSON"), ("Jordan Peterson", "PERSON")} <= entities


def test_a_war_between_two_countries_stays_one_name(extractor):
    entities, _, _ = extract(extractor, "Iran and Iraq fought the Iran–Iraq War for eight years. Iran lost men.")
    assert ("Iran–Iraq War", "EVENT") in entities


def test_two_organisations_joined_by_and_or_named_after_an_office_are_apart(extractor):
    # each name the recogniser finds whole after 'and' (or opened by a capitalised 'The') is its
    # own organisation; an office after a body or an institution's head word ends the body's name
    text = ("Scientists from the University of Kharaj and Lakeside University reported a rise on Monday. "
            "She wrote for The Lakeside Courier and The Kharaj Times. "
            "On Tuesday the Speaker of the House Nancy Dalil met KSA Administrator Brian Kettle. "
            "Lakeside Police Constable Omar Haidari said nothing.")
    entities, relations, e = extract(extractor, text)
    forms = {m.text for m in e.mentions}
    assert {("University of Kharaj", "ORG"), ("Lakeside University", "ORG"), ("Nancy Dalil", "PERSON"),
            ("Brian Kettle", "PERSON"), ("Omar Haidari", "PERSON")} <= entities, entities
    assert not {f for f in forms if " and " in f or "House Nancy" in f or "Administrator" in f
                or "Constable" in f}, forms
    assert {("Nancy Dalil", "leads", "House"), ("Brian Kettle", "leads", "KSA")} <= relations, relations


def test_a_caption_label_a_questions_modal_and_a_pronoun_after_a_place_are_no_part_of_a_name(extractor):
    text = ("Ann FordImage: Ann Ford for President.\n\n"
            "Will Lakeside Bank employees be barred from the project? Nobody knows.\n\n"
            "If I am in Kharaj I should get out, she said of Kharaj.\n\n"
            "Will Ames said so. He served in World War I as a pilot. Elizabeth I ruled England.")
    entities, _, e = extract(extractor, text)
    forms = {m.text for m in e.mentions}
    assert not {f for f in forms if "Image" in f or f.startswith("Will L") or f.endswith(" I")} - {
        "World War I", "Elizabeth I"}, forms
    assert {("Ann Ford", "PERSON"), ("Lakeside Bank", "ORG"), ("Will Ames", "PERSON"), ("World War I", "EVENT"),
            ("Elizabeth I", "PERSON")} <= entities, entities


def test_a_countrys_adjective_or_a_caretaker_office_leads_the_country(extractor):
    # 'Philippine', 'Saudi', 'Argentine': adjectives the demonym gazetteer lacks; a caretaker
    # holds the office now, so leads the country the article is about (a former holder does not)
    text = ("Manila is tense. Philippine President Ana Reyes threatened the network, the Philippines' largest.\n\n"
            "In Iraq, Karim Haidari, the caretaker Prime Minister, spoke. Omar Dalil, a former Prime Minister, "
            "did not. Iraq votes soon.")
    _, relations, _ = extract(extractor, text)
    assert {("Ana Reyes", "leads", "Philippines"), ("Karim Haidari", "leads", "Iraq")} <= relations, relations
    assert ("Omar Dalil", "leads", "Iraq") not in relations


def test_every_name_of_a_coordinated_subject_is_what_the_verb_says(extractor):
    _, relations, _ = extract(extractor, "Laura Ames and Omar Dalil attended the Lakeside Peace Forum in Geneva. "
                                         "Tom Hale and Ann Ford founded the Kharaj Institute in 1990.")
    assert {("Laura Ames", "participatedIn", "Lakeside Peace Forum"), ("Omar Dalil", "participatedIn", "Lakeside Peace Forum"),
            ("Tom Hale", "memberOf", "Kharaj Institute"), ("Ann Ford", "memberOf", "Kharaj Institute"),
            ("Ann Ford", "title", "founder")} <= relations, relations


def test_a_bodys_name_ends_at_its_own_last_word_and_before_the_people_it_names(extractor):
    # 'Department of State spokesperson': 'State' is the name's, not the office's; 'members of
    # the Assembly X and Y': the body, then two people, each a member
    text = ("Following the vote, a Zanzar Department of State spokesperson, Laura Ames, was disappointed. "
            "Some pressured the minister, including Liberal members of the National Assembly Tom Hale and Ann Ford.")
    entities, relations, _ = extract(extractor, text)
    assert {("Zanzar Department of State", "ORG"), ("National Assembly", "ORG"), ("Tom Hale", "PERSON"),
            ("Ann Ford", "PERSON")} <= entities, entities
    assert {("Laura Ames", "memberOf", "Zanzar Department of State"), ("Tom Hale", "memberOf", "National Assembly"),
            ("Ann Ford", "memberOf", "National Assembly")} <= relations, relations


def test_planets_are_places_but_a_persons_name_ending_in_one_is_a_person(extractor):
    entities, _, _ = extract(extractor, "Simple animals could live on Mars, scientists say. The probe will reach "
                                        "Jupiter in 2030.")
    assert {("Mars", "PLACE"), ("Jupiter", "PLACE")} <= entities, entities
    entities, _, _ = extract(extractor, "Bruno Mars sang on Saturday.")
    assert ("Bruno Mars", "PERSON") in entities, entities


def test_a_source_spoken_to_or_reporting_is_no_unknown_place(extractor):
    text = ("The process had not been announced, according to the Kharaj Herald. Speaking to Agence Meridional-"
            "Presse, the minister said so. A spokesman told the Lakeside Courier that Peru was calm.")
    entities, _, _ = extract(extractor, text)
    assert {("Kharaj Herald", "ORG"), ("Agence Meridional-Presse", "ORG"), ("Lakeside Courier", "ORG"),
            ("Peru", "PLACE")} <= entities, entities
    # a title one writes for; a journal that printed findings, a day between the verb and 'in'
    entities, _, _ = extract(extractor, 'Ann Ford of Lakeside University and contributor to Harbourview wrote, "a '
                                        'single country could demand it".')
    assert ("Harbourview", "ORG") in entities, entities
    entities, _, _ = extract(extractor, "In findings published Wednesday in Harbourview, researchers reported that "
                                        "deaths rose.")
    assert ("Harbourview", "ORG") in entities, entities


def test_a_title_told_or_printing_is_an_outlet_though_its_words_are_everyday(extractor):
    text = ("\"We were surprised,\" Ann Ford told National Geographic. The model was published in Nature on "
            "October 22. The paper was published in January. According to Notes from Norway, stores opened. She told National Security Adviser Tom "
            "Hale that it failed.")
    entities, _, _ = extract(extractor, text)
    assert {("National Geographic", "ORG"), ("Nature", "ORG")} <= entities, entities
    names = {n for n, _ in entities}
    assert not names & {"January", "Notes", "National Security Adviser", "National"}, entities
    entities, _, _ = extract(extractor, "The study, published in Nature Sustainability, found a decline.")
    assert ("Nature Sustainability", "ORG") in entities, entities


def test_a_period_of_history_is_an_event_apart_from_the_party_named_after_it(extractor):
    text = ("The Zarin Party backed the amendment that resulted in the period known as Prohibition (1919–33). "
            "Since the repeal of Prohibition in 1933, the Zarin Party has declined.")
    entities, _, _ = extract(extractor, text)
    assert {("Zarin Party", "ORG"), ("Prohibition", "EVENT")} <= entities, entities
    ext = extractor.extract_one(Article(id="t", source="t", text="The Prohibition Party backed the amendment that "
                                        "resulted in the period known as Prohibition. The Prohibition Party has declined."))
    assert sorted(e.label for e in ext.entities) == ["Prohibition", "Prohibition Party"], ext.entities


def test_a_days_name_after_a_known_place_is_no_part_of_it(extractor):
    entities, relations, _ = extract(extractor, "Ten people died in Lakeside, Norway Monday.")
    assert ("Norway", "PLACE") in entities and not any("Monday" in n for n, _ in entities), entities


def test_a_role_word_after_of_is_what_the_body_is_of(extractor):
    entities, _, _ = extract(extractor, "Yesterday the Zanzar Department of Justice unsealed further charges "
                                        "against him, and the Kharaj Ministry of Justice agreed.")
    assert {("Zanzar Department of Justice", "ORG"), ("Kharaj Ministry of Justice", "ORG")} <= entities, entities


def test_a_name_in_a_known_place_is_a_place(extractor):
    entities, relations, _ = extract(extractor, "Two cars collided on Route 2 in Randolph, New Hampshire, on Friday. "
                                                "The storm made landfall in Elbow Cay, Bahamas, on Sunday.")
    assert {("Randolph", "PLACE"), ("Elbow Cay", "PLACE")} <= entities, entities
    assert {("Randolph", "locatedIn", "New Hampshire"), ("Elbow Cay", "locatedIn", "Bahamas")} <= relations


def test_a_name_between_people_in_a_list_is_a_person(extractor):
    entities, _, _ = extract(extractor, "The victims were identified as Michael Ferazzi, Albert Mazza, Desma Oakes, "
                                        "Aaron Perry, and Daniel Pereira. Flights from Paris, Lyon and Nice stopped.")
    assert ("Desma Oakes", "PERSON") in entities and ("Lyon", "PLACE") in entities, entities


def test_an_apposition_says_whether_a_name_is_a_body_or_a_place(extractor):
    text = ("Milken pled guilty to charges related to his time at Drexel Burnham Lambert, an investment bank. "
            "The order came from Ocado, a British online supermarket, on Monday. He grew up in Harlech, a small "
            "town in north Wales. He met Karim Haidari, a local farmer.")
    entities, _, _ = extract(extractor, text)
    assert {("Drexel Burnham Lambert", "ORG"), ("Ocado", "ORG"), ("Harlech", "PLACE"),
            ("Karim Haidari", "PERSON")} <= entities, entities


def test_a_given_names_second_syllable_and_a_two_word_nationality(extractor):
    # 'Jae-in', 'Ki-moon': a syllable after a hyphen is the name's ('Biden-led' is not); 'North
    # Korean' before an office is a people, not a person
    text = ("North Korean leader Kim Jong-un met South Korean President Moon Jae-in on Friday. Former UN chief "
            "Ban Ki-moon spoke. Joe Biden-led talks went on.")
    entities, relations, _ = extract(extractor, text)
    assert {("Moon Jae-in", "PERSON"), ("Ban Ki-moon", "PERSON"), ("Joe Biden", "PERSON"), ("North Korean", "GROUP"),
            ("South Korean", "GROUP")} <= entities, entities
    assert ("Moon Jae-in", "title", "president") in relations


def test_a_role_held_then_in_an_apposition(extractor):
    _, relations, _ = extract(extractor, "Karim Darwish, then the deputy director of the National Front, said so. "
                                         "Laura Ames, former Kharaj researcher at Lakeside Watch, agreed.")
    assert {("Karim Darwish", "memberOf", "National Front"), ("Karim Darwish", "title", "deputy director"),
            ("Laura Ames", "title", "former researcher")} <= relations, relations


def test_a_hyphenated_given_name_the_recogniser_missed_is_a_person(extractor):
    entities, relations, _ = extract(extractor, "Study co-author Tak-Sing Wong said so. Jean-Pierre Roux, a "
                                                "former ambassador, agreed.")
    assert {("Tak-Sing Wong", "PERSON"), ("Jean-Pierre Roux", "PERSON")} <= entities, entities
    assert ("Tak-Sing Wong", "title", "study co-author") in relations


def test_an_office_its_holders_or_its_term_alone_is_no_name(extractor):
    text = ("He took part in the hearings of two different Presidents, Karim Haidari and Omar Dalil. The veil was "
            "banned during Haidari's Presidency, officials said. Solicitor General Laura Ames filed a petition. "
            "The Senate and House agreed.")
    entities, relations, _ = extract(extractor, text)
    names = {name for name, _ in entities}
    assert not names & {"Presidents", "Presidency", "Solicitor"}, entities
    assert {"Senate", "House", "Laura Ames"} <= names and ("Laura Ames", "title", "solicitor general") in relations


def test_a_storm_is_where_it_strikes_but_an_army_is_not(extractor):
    _, relations, _ = extract(extractor, "Hurricane Karen strengthened and made landfall in the Bahamas on Sunday. "
                                         "Tropical Storm Omar hit Jamaica. The Kharaj Army hit Zarin on Monday.")
    assert {("Hurricane Karen", "locatedIn", "Bahamas"), ("Tropical Storm Omar", "locatedIn", "Jamaica")} <= relations
    assert not {r for r in relations if r[0] == "Kharaj Army" and r[1] == "locatedIn"}, relations


def test_a_known_places_generic_word_after_it_is_part_of_its_name(extractor):
    entities, relations, _ = extract(extractor, "Yesterday in California's Riverside County criminal court, Judge "
                                                "Ann Ford sentenced the couple.")
    assert ("Riverside County", "PLACE") in entities and ("Riverside County", "locatedIn", "California") in relations


def test_a_hyphenated_given_name_is_one_person_whatever_the_tagger_said(extractor):
    text = ("Seoul city Mayor Park Won-soon found dead, police confirm\n\nPark Won-soon, the mayor of Seoul, was "
            "found dead, police said. Park was 64 years old. The coup placed Prayuth Chan-o-cha in office; the "
            "party would not run against Chan-o-cha. Speaking to Agence France-Presse, the president of the league "
            "agreed.")
    _, _, e = extract(extractor, text)
    of = {m.text: (e.entities[m.entity].label, m.type) for m in e.mentions}
    assert of["Park Won-soon"] == of["Park"] == ("Park Won-soon", "PERSON"), of
    assert of["Chan-o-cha"] == ("Prayuth Chan-o-cha", "PERSON"), of
    assert of["Agence France-Presse"][1] == "ORG", of


@pytest.mark.parametrize("text, expected", [
    ("Omar Dalil, chief executive of Lakeside Bank, said so.",
     {("Omar Dalil", "leads", "Lakeside Bank"), ("Omar Dalil", "title", "chief executive")}),
    ("Omar Dalil was appointed head of the Central Bank on Monday.", {("Omar Dalil", "leads", "Central Bank")}),
    ("Omar Dalil was named head of the Central Bank on Monday.", {("Omar Dalil", "leads", "Central Bank")}),
    ("The Liberal Party elected Omar Dalil as its leader on Monday.", {("Omar Dalil", "title", "leader")}),
    ("Interior Ministry spokesman Karim Haidari said the attack killed four.",
     {("Karim Haidari", "memberOf", "Interior Ministry"), ("Karim Haidari", "title", "spokesman")}),
])
def test_roles_named_appointed_or_opening_a_sentence(extractor, text, expected):
    _, relations, _ = extract(extractor, text)
    assert expected <= relations and not {r for r in relations if r[1] == "title" and "monday" in r[2]}, relations


def test_taking_part_a_delegate_to_an_event_and_a_city_after_in(extractor):
    text = ("Ann Ford took part in the Lakeside Peace Forum. Tom Hale was a delegate to the Lakeside Peace Forum. "
            "The Varga Institute, a think tank in Berlin, published the report.")
    entities, relations, _ = extract(extractor, text)
    assert ("Berlin", "PLACE") in entities, entities
    assert {("Ann Ford", "participatedIn", "Lakeside Peace Forum"), ("Tom Hale", "participatedIn", "Lakeside Peace Forum"),
            ("Varga Institute", "locatedIn", "Berlin")} <= relations, relations


def test_an_offensive_against_or_war_on_someone_opposes_them(extractor):
    text = ("The Northern Front launched an offensive against the Kharaj Army on Monday. The Eastern Alliance "
            "declared war on the Kharaj Army. The Kharaj Army declared a ceasefire on Lakeside Radio.")
    _, relations, _ = extract(extractor, text)
    assert {("Northern Front", "opposes", "Kharaj Army"), ("Eastern Alliance", "opposes", "Kharaj Army")} <= relations
    assert ("Kharaj Army", "opposes", "Lakeside Radio") not in relations


def test_killing_a_groups_fighters_opposes_the_group(extractor):
    _, relations, _ = extract(extractor, "The Kharaj Army killed 20 fighters of the Northern Front on Monday. The "
                                         "Lakeside Police arrested the leader of the Eastern Alliance.")
    assert ("Kharaj Army", "opposes", "Northern Front") in relations, relations
    assert ("Lakeside Police", "opposes", "Eastern Alliance") not in relations


def test_a_role_in_a_relative_clause_after_the_name(extractor):
    _, relations, _ = extract(extractor, "Ann Ford, who is the governor of Texas, declared an emergency.")
    assert {("Ann Ford", "leads", "Texas"), ("Ann Ford", "title", "governor")} <= relations, relations


def test_a_partys_primary_and_a_by_election_of_an_unknown_place_are_events(extractor):
    entities, relations, _ = extract(extractor, "Ann Ford won the Democratic primary in New Hampshire on Tuesday. "
                                                "Tom Hale ran in the 2019 Lakeside by-election.")
    assert {("Democratic primary", "EVENT"), ("2019 Lakeside by-election", "EVENT")} <= entities, entities
    assert {("Ann Ford", "participatedIn", "Democratic primary"),
            ("Tom Hale", "participatedIn", "2019 Lakeside by-election")} <= relations, relations


def test_peoples_of_a_region_or_of_several_countries_are_groups(extractor):
    entities, _, _ = extract(extractor, "The Welsh government said so. African American voters and Latin American "
                                        "migrants were polled. The decree was in Farsi and English. The Islamic "
                                        "State claimed it.")
    assert {("Welsh", "GROUP"), ("African American", "GROUP"), ("Latin American", "GROUP")} <= entities, entities
    assert not {e for e in entities if e[0] in ("English", "Islamic")}, entities


def test_a_partys_word_before_a_noun_is_a_group(extractor):
    entities, _, _ = extract(extractor, "The Libertarian candidate objected, and Democratic senators agreed. The "
                                        "Independent reported it, and Green Party members protested.")
    assert {("Libertarian", "GROUP"), ("Democratic", "GROUP")} <= entities, entities
    assert not {e for e in entities if e[0] in ("Independent", "Green")}, entities


def test_a_given_name_that_is_also_a_citys_is_a_person_after_kin(extractor):
    entities, _, _ = extract(extractor, "We extend our condolences to his children Elizabeth and Susan, officials "
                                        "said.")
    assert ("Elizabeth", "PERSON") in entities, entities
    entities, _, _ = extract(extractor, "The storm hit Elizabeth, New Jersey, on Monday.")
    assert ("Elizabeth", "PLACE") in entities, entities


def test_a_ship_is_no_entity_nor_the_person_it_is_named_after(extractor):
    _, _, e = extract(extractor, "Their ship, MV Laura Ames, was previously MV Professor Tom Hale. The nurse Laura "
                                 "Ames died in 2015.")
    forms = [m.text for m in e.mentions]
    assert "MV" not in forms and forms.count("Laura Ames") == 1, forms


def test_two_known_places_joined_by_and_and_zero_width_characters_at_a_names_ends(extractor):
    entities, _, e = extract(extractor, "News\n\nThe deal between Austria and Hungary was signed, and Bosnia and "
                                        "Herzegovina agreed. The newspaper \u200dLakeside Courier said Saudi "
                                        "Arabia\u200d agreed.")
    assert {("Austria", "PLACE"), ("Hungary", "PLACE"), ("Bosnia and Herzegovina", "PLACE"),
            ("Saudi Arabia", "PLACE")} <= entities and "Lakeside Courier" in {n for n, _ in entities}, entities
    assert not [m.text for m in e.mentions if "\u200d" in m.text]


def test_a_body_opening_a_sentence_before_an_office_and_a_party_in_brackets(extractor):
    entities, relations, _ = extract(extractor, "News\n\nNorthern Front spokesman Karim Haidari denied it on Monday. "
                                                "Several Front fighters died. Senator Tom Hale (Liberal Party) "
                                                "objected.")
    assert ("Northern Front", "ORG") in entities and not {e for e in entities if e[0].startswith("Several")}
    assert {("Karim Haidari", "memberOf", "Northern Front"), ("Tom Hale", "memberOf", "Liberal Party")} <= relations


def test_a_place_and_its_kind_in_a_larger_place(extractor):
    _, relations, _ = extract(extractor, "The attack took place in Kunduz province in northern Afghanistan.")
    assert ("Kunduz", "locatedIn", "Afghanistan") in relations, relations


def test_a_state_representative_is_no_member_of_the_national_congress(extractor):
    _, relations, _ = extract(extractor, "Contenders include New Hampshire state representative Max Abramson and "
                                         "Representative Ann Ford. Congress has not acted.")
    assert ("Max Abramson", "memberOf", "Congress") not in relations
    assert ("Ann Ford", "memberOf", "Congress") in relations, relations


def test_a_head_word_after_and_is_the_whole_names(extractor):
    entities, _, _ = extract(extractor, "He chaired the House Oversight and Reform Committee until his death, and "
                                        "Lakeside Bank and Kharaj Trust merged.")
    assert ("House Oversight and Reform Committee", "ORG") in entities, entities
    assert ("Lakeside Bank", "ORG") in entities, entities


def test_a_word_of_its_own_before_an_event_noun_names_the_event(extractor):
    entities, _, _ = extract(extractor, "The Bridgegate scandal ended his career. The Monday summit was cancelled.")
    assert ("Bridgegate scandal", "EVENT") in entities and not {e for e in entities if "Monday" in e[0]}, entities


def test_what_a_body_is_for_in_capitals_is_part_of_its_name(extractor):
    entities, _, _ = extract(extractor, "A researcher at the Lakeside Institute for the Study of Conflict and Peace "
                                        "said so on Monday. The Council for two years refused.")
    assert ("Lakeside Institute for the Study of Conflict and Peace", "ORG") in entities, entities
    assert ("Council", "ORG") in entities, entities


def test_a_body_head_word_at_the_end_of_a_name_with_for_says_its_type(extractor):
    entities, _, _ = extract(extractor, "News\n\nOn Monday, Cinema for Peace Foundation, a Berlin-based non-profit, "
                                        "provided the flight.")
    assert ("Cinema for Peace Foundation", "ORG") in entities, entities


def test_a_companys_legal_form_says_it_is_an_organisation(extractor):
    entities, _, _ = extract(extractor, "Zarin Védelmi Ipari Kft. signed the deal, and Lakeside Holdings GmbH agreed.")
    assert {("Lakeside Holdings GmbH", "ORG")} <= entities and any(n.startswith("Zarin Védelmi") and t == "ORG"
                                                                    for n, t in entities), entities


def test_a_legislature_named_in_its_own_language_is_an_organisation(extractor):
    entities, _, _ = extract(extractor, "He was elected to the Lok Sabha in 2004. The Verkhovna Rada passed the law, "
                                        "and the Wolesi Jirga objected.")
    assert {("Lok Sabha", "ORG"), ("Verkhovna Rada", "ORG"), ("Wolesi Jirga", "ORG")} <= entities, entities


def test_an_organisations_word_joins_it_and_counts_as_the_organisation(extractor):
    text = ("Drones hit oil plants\n\nThe Yemen-based Houthi movement claimed responsibility. Speaking on al-Masirah TV in Yemen, "
            "Houthi military spokesperson Yahya Sarea said it had carried out the attack.")
    _, relations, e = extract(extractor, text)
    houthi = next(k for k, x in enumerate(e.entities) if x.label == "Houthi movement")
    assert {m.type for m in e.mentions if m.entity == houthi} == {"ORG"}, [(m.text, m.type) for m in e.mentions]
    assert ("Yahya Sarea", "memberOf", "Houthi movement") in relations, relations


def test_where_an_organisation_or_a_site_is_from_its_description(extractor):
    _, relations, _ = extract(extractor, "News\n\nThe Lakeside Peace Fund, a Berlin-based non-profit, paid for it.")
    assert ("Lakeside Peace Fund", "locatedIn", "Berlin") in relations, relations


def test_a_name_the_apposition_calls_a_region_is_a_place(extractor):
    _, relations, _ = extract(extractor, "News\n\nThey were moved to Patagonia, the south-most region in Chile, "
                                         "where doctors saw them.")
    assert ("Patagonia", "locatedIn", "Chile") in relations, relations


def test_a_site_is_a_place_and_where_it_is_is_not_where_its_neighbour_is(extractor):
    # a place near another in a third: where the first thing is, not the place it is near
    entities, relations, _ = extract(extractor, "News\n\nThe plane was flying to Gillespie Field airport, located "
                                                "near San Diego in El Cajon, California.")
    assert ("Gillespie Field", "PLACE") in entities, entities
    assert ("San Diego", "locatedIn", "El Cajon") not in relations, relations


def test_a_congressman_sits_in_the_most_specific_chamber_the_article_names(extractor):
    # (the validation gold gives a representative the House alone when the article names both)
    text = ("Votes\n\nCongressman Tom Hale of Ohio spoke. The United States House of Representatives voted on "
            "Monday, and Congress adjourned.")
    _, relations, _ = extract(extractor, text)
    assert ("Tom Hale", "memberOf", "United States House of Representatives") in relations, relations
    assert ("Tom Hale", "memberOf", "Congress") not in relations, relations


def test_the_sides_of_a_result_are_teams_and_took_part_in_the_competition_the_headline_names(extractor):
    text = ("Kallina defeat Morwell in round 2 of 2021 Eastern Rugby Union season\n\n"
            "On Saturday, Kallina defeated Morwell 30 points to 12 at home. In other results, Traralgon beat "
            "Warragul 21-20. \"We played well\", Kallina coach Tom Hale said.")
    entities, relations, _ = extract(extractor, text)
    assert {("Kallina", "ORG"), ("Morwell", "ORG"), ("Traralgon", "ORG"), ("Warragul", "ORG")} <= entities, entities
    assert {(team, "participatedIn", "2021 Eastern Rugby Union season")
            for team in ("Kallina", "Morwell", "Traralgon", "Warragul")} <= relations, relations
    assert ("Tom Hale", "memberOf", "Kallina") in relations, relations


def test_a_peoples_word_counts_for_its_country_in_what_an_article_is_about(extractor):
    text = ("Iraqi lawmakers vote on troops\n\nIraqi lawmakers voted on Sunday. Iraqi officials said the United "
            "States had been told. Omar Dalil, the caretaker Prime Minister, backed the vote in Iraq. Iraqi "
            "protesters cheered. The United States said nothing.")
    _, relations, _ = extract(extractor, text)
    assert ("Omar Dalil", "leads", "Iraq") in relations and ("Omar Dalil", "leads", "United States") not in relations, \
        relations


def test_the_countrys_capital_named_after_it_is_in_that_country(extractor):
    _, relations, _ = extract(extractor, "News\n\nNorway banned it. This comes after protests took place in the "
                                         "country's capital, Oslo, last month.")
    assert ("Oslo", "locatedIn", "Norway") in relations, relations


def test_a_place_in_a_role_phrase_is_part_of_the_title(extractor):
    _, relations, _ = extract(extractor, "News\n\nTom Hale, a former commissioner of the Oslo police, was convicted. "
                                         "Ann Ford, a consultant on Norway, said so.")
    assert {("Tom Hale", "title", "former commissioner of the oslo police"),
            ("Ann Ford", "title", "consultant on norway")} <= relations, relations


def test_fighting_continued_or_clashes_are_opposition(extractor):
    _, relations, _ = extract(extractor, "News\n\nThe Northern Front continued its resistance against the Taliban. "
                                         "The Kharaj Army clashed with the Northern Front on Monday.")
    assert {("Northern Front", "opposes", "Taliban"), ("Kharaj Army", "opposes", "Northern Front")} <= relations, \
        relations


def test_a_court_case_is_named_by_its_parties_who_took_part_in_it(extractor):
    text = ("Court overturns convictions\n\nThe Supreme Court overturned the convictions of Ann Kelly and Tom Baroni "
            "in Kelly v. United States on Thursday. Kelly was a deputy chief of staff.")
    entities, relations, _ = extract(extractor, text)
    assert ("Kelly v. United States", "EVENT") in entities, entities
    assert ("Ann Kelly", "participatedIn", "Kelly v. United States") in relations, relations


def test_a_body_whose_name_says_whom_it_fights_opposes_that_one_when_the_article_names_it(extractor):
    _, relations, _ = extract(extractor, "The Global Coalition to Defeat ZLF said the Zarin Liberation Front (ZLF) "
                                         "had lost ground. The ZLF denied it.")
    assert ("Global Coalition to Defeat ZLF", "opposes", "Zarin Liberation Front") in relations
    _, relations, _ = extract(extractor, "The Lakeside Alliance to End Hunger met on Monday.")
    assert not {r for r in relations if r[1] == "opposes"}


def test_a_country_as_a_modifier_in_an_events_descriptive_name_is_a_mention_of_the_country(extractor):
    text = ("Ann Ford ends her bid\n\nAnn Ford, a candidate in the 2020 United States presidential election, "
            "withdrew on Monday. She had said the 2020 US Presidential Election was her goal. "
            "Tom Hale won the United States Grand Prix in Austin.")
    entities, _, e = extract(extractor, text)
    nested = [(m.text, e.entities[m.entity].label) for m in e.mentions
              if any(o.start <= m.start and m.end <= o.end and o != m for o in e.mentions)]
    # the events keep their names; the country is mentioned too, and its mentions are one entity
    assert nested == [("United States", "United States"), ("US", "United States")], nested
    assert ("2020 US Presidential Election", "EVENT") in entities, entities
    assert [m.start for m in e.mentions] == sorted(m.start for m in e.mentions)


def test_a_persons_name_before_a_bodys_word_in_lower_case_is_the_person(extractor):
    entities, _, e = extract(extractor, "Ann Ford spoke on Monday. The Ford campaign criticized Hale for not "
                                        "denouncing violence.")
    assert ("Ford campaign", "ORG") not in entities, entities  # 'campaign' in lower case: no proper name
    assert [m.text for m in e.mentions if e.entities[m.entity].label == "Ann Ford"] == ["Ann Ford", "Ford"]
    entities, _, _ = extract(extractor, "The Zarin network attacked the town on Monday.")
    assert ("Zarin network", "ORG") in entities, entities  # no person of that name: the body's name


def test_a_phrase_without_a_capital_letter_is_no_name_but_an_election_by_its_year_is(extractor):
    entities, _, _ = extract(extractor, "Tom Hale won the 2020 presidential nomination and lost the 2020 "
                                        "presidential race after his 2020 presidential campaign ended, before the "
                                        "2018 midterm elections.")
    assert {label for label, _ in entities} == {"Tom Hale", "2018 midterm elections"}, entities


def test_a_wire_storys_dateline_names_a_place_and_the_agency_in_brackets_is_no_name_of_it(extractor):
    entities, relations, e = extract(extractor, "Rebels seize town\n\nEL GENEINA, Sudan (Reuters) — Fighters seized "
                                                "the town on Tuesday.\n\nBEIRUT — Strikes hit southern Lebanon.")
    assert {("El Geneina", "PLACE"), ("Sudan", "PLACE"), ("Reuters", "ORG"), ("Beirut", "PLACE")} <= entities, entities
    assert ("El Geneina", "locatedIn", "Sudan") in relations
    entities, _, _ = extract(extractor, "KABUL, Afghanistan (AP) — Gunmen attacked a mosque on Friday.")
    assert ("AP", "ORG") in entities, entities  # not a name of Afghanistan defined in brackets
    entities, _, _ = extract(extractor, "NATO, Russia agree to talks\n\nNATO (the alliance) said it would act.")
    assert ("NATO", "ORG") in entities, entities  # a headline, no dateline


def test_army_chief_x_is_of_the_countrys_army_not_of_a_rebel_army_named_before(extractor):
    _, relations, _ = extract(extractor, "The Zarin Liberation Army seized the town on Tuesday. President Tom Hale "
                                         "met army chief General Omar Haidari on Wednesday.")
    assert not {r for r in relations if r[1] == "memberOf"}, relations
    _, relations, _ = extract(extractor, "The Sudanese Army said on Monday that the attack was repelled. Army chief "
                                         "General Omar Haidari visited the troops.")
    assert ("Omar Haidari", "memberOf", "Sudanese Army") in relations, relations


def test_a_bodys_envoy_or_officer_for_a_place_is_a_member_of_the_body(extractor):
    _, relations, _ = extract(extractor, "The United Nations envoy for Sudan, Lena Voss, urged both sides to talk. "
                                         "Tom Hale, the Lakeside Bank's chief executive for Europe, agreed.")
    assert {("Lena Voss", "memberOf", "United Nations"), ("Lena Voss", "title", "envoy"),
            ("Tom Hale", "memberOf", "Lakeside Bank")} <= relations, relations
    assert not {r for r in relations if r[1] == "leads"}, relations  # the head of a part


def test_the_groups_spokesman_after_a_name_is_of_the_body_the_article_named(extractor):
    _, relations, _ = extract(extractor, "The Zarin Liberation Army seized the town. \"We control it,\" said Omar "
                                         "Haidari, the group's military spokesman.")
    assert {("Omar Haidari", "memberOf", "Zarin Liberation Army"),
            ("Omar Haidari", "title", "military spokesman")} <= relations, relations


def test_a_role_in_a_relative_clause_after_the_name_is_the_names(extractor):
    _, relations, _ = extract(extractor, "Tom Hale, who stepped down as chief executive of Lakeside Bank in March, "
                                         "will remain an adviser.")
    assert {("Tom Hale", "leads", "Lakeside Bank"), ("Tom Hale", "title", "chief executive")} <= relations, relations
    _, relations, _ = extract(extractor, "Tom Hale, who met the chief executive of Lakeside Bank, said so.")
    assert not relations, relations


def test_an_apposition_or_a_holding_says_an_unknown_name_is_a_company(extractor):
    text = ("Nordbank, a German lender, said profits fell. Profits at Vestra, the Oslo-based shipping company, rose. "
            "Shares in Kelmar fell 4% on Monday. Tom Hale, the company's founder, said so.")
    entities, relations, _ = extract(extractor, text)
    assert {("Nordbank", "ORG"), ("Vestra", "ORG"), ("Kelmar", "ORG"), ("Tom Hale", "PERSON")} <= entities, entities
    assert ("Vestra", "locatedIn", "Oslo") in relations, relations


def test_an_adverb_opening_a_quotation_is_no_part_of_the_name_after_it(extractor):
    entities, _, _ = extract(extractor, "\"Tonight Ghana has chosen change,\" Ama Owusu said.")
    assert ("Ghana", "PLACE") in entities, entities


def test_a_party_described_before_its_name_and_a_bodys_chair_named_by_the_bodys_word(extractor):
    _, relations, _ = extract(extractor, "Ama Owusu, leader of the opposition Progressive Alliance, won the vote. "
                                         "The Zarin Front and the Electoral Commission met. The commission's "
                                         "chairwoman, Grace Asante, said so.")
    assert {("Ama Owusu", "leads", "Progressive Alliance"), ("Grace Asante", "leads", "Electoral Commission")} \
        <= relations, relations
    _, relations, _ = extract(extractor, "The Zarin Front met on Monday. The commission's chairwoman, Grace "
                                         "Asante, said so.")
    assert not {r for r in relations if r[1] in ("leads", "memberOf")}, relations


def test_president_x_of_a_party_is_the_partys_member_and_leads_the_articles_country(extractor):
    _, relations, _ = extract(extractor, "Ghana votes\n\nVoters in Ghana went to the polls. Incumbent President Kofi "
                                         "Mensah of the National Unity Party conceded on Sunday. Former leader Tom "
                                         "Hale of the Green Unity Party declared his plans.")
    assert {("Kofi Mensah", "memberOf", "National Unity Party"), ("Kofi Mensah", "leads", "Ghana"),
            ("Tom Hale", "leads", "Green Unity Party")} <= relations, relations
    assert ("Kofi Mensah", "leads", "National Unity Party") not in relations


def test_led_by_a_general_after_a_bracketed_acronym(extractor):
    _, relations, _ = extract(extractor, "The Zarin Rapid Forces (ZRF), led by General Mohamed Hamdan Haidari, "
                                         "besieged the city.")
    assert ("Mohamed Hamdan Haidari", "leads", "Zarin Rapid Forces") in relations, relations


def test_an_editors_square_brackets_complete_a_name_and_state_no_membership(extractor):
    _, relations, _ = extract(extractor, "The show was over. \"Jerry [O'Connell] and I are talking to NBC at the "
                                         "moment,\" she said.")
    assert not any(p == "memberOf" for _, p, _ in relations), relations


def test_the_group_as_a_verbs_subject_is_the_organisation_the_article_named_last(extractor):
    _, relations, _ = extract(extractor, "The Zarin Front seized the town on Monday. The paramilitary group later "
                                         "attacked the Lakeside Army.")
    assert ("Zarin Front", "opposes", "Lakeside Army") in relations, relations
    _, relations, _ = extract(extractor, "The Zarin Front seized the town on Monday. The group of protesters later "
                                         "attacked the Lakeside Army.")
    assert not relations, relations


def test_a_name_before_a_places_kind_in_lower_case_is_the_place(extractor):
    entities, _, _ = extract(extractor, "Fighters stormed the Zamzam camp south of the city last week. The Kalma "
                                        "village was burned.")
    assert {("Zamzam", "PLACE"), ("Kalma", "PLACE")} <= entities, entities


def test_the_countrys_president_and_the_citys_mayor_are_of_the_place_the_article_named(extractor):
    _, relations, _ = extract(extractor, "Turkey held elections. The country's president, Tom Hale, voted. Floods "
                                         "hit Porto Alegre. The river rose, according to the city's mayor, Ann Ford. "
                                         "The country's foreign minister, Omar Haidari, voted.")
    assert {("Tom Hale", "leads", "Turkey"), ("Ann Ford", "leads", "Porto Alegre"),
            ("Omar Haidari", "title", "foreign minister")} <= relations, relations
    assert not {r for r in relations if r[0] == "Omar Haidari" and r[1] == "leads"}


def test_a_known_place_with_little_words_inside_is_one_name(extractor):
    entities, _, _ = extract(extractor, "Heavy rain caused flooding in the state of Rio Grande do Sul on Friday.")
    assert ("Rio Grande do Sul", "PLACE") in entities, entities


def test_an_office_after_capitalised_words_no_name_was_made_of_leads_no_country(extractor):
    _, relations, _ = extract(extractor, "Kenya's Ann Ford wins\n\nAnn Ford of Kenya set a record in Paris. World "
                                         "Athletics president Tom Hale congratulated her.")
    assert ("Tom Hale", "title", "president") in relations, relations
    assert not {r for r in relations if r[0] == "Tom Hale" and r[1] == "leads"}, relations


def test_names_before_a_role_and_its_holder_are_the_body_the_role_is_of(extractor):
    _, relations, _ = extract(extractor, "World Athletics president Tom Hale congratulated her. Meanwhile, Lakeside "
                                         "Rowing chairman Omar Haidari resigned.")
    assert {("Tom Hale", "leads", "World Athletics"), ("Omar Haidari", "leads", "Lakeside Rowing")} <= relations, \
        relations


def test_a_comma_after_a_bodys_name_ends_it_and_the_place_after_is_the_verbs(extractor):
    _, relations, _ = extract(extractor, "I met Omar Haidari, a member of the Zarin Political Council, in Sanaa last "
                                         "month. Ann Ford flew to Kandahar, in Afghanistan.")
    assert ("Zarin Political Council", "locatedIn", "Sanaa") not in relations, relations
    assert ("Kandahar", "locatedIn", "Afghanistan") in relations, relations


def test_a_member_of_the_movements_council_and_a_title_with_a_possessive(extractor):
    _, relations, _ = extract(extractor, "I met Omar Haidari, a member of the movement's Supreme Political Council, "
                                         "in Sanaa. Tom Hale, head of the party's youth wing, spoke.")
    assert {("Omar Haidari", "memberOf", "Supreme Political Council"),
            ("Tom Hale", "title", "head of the party's youth wing")} <= relations, relations


def test_a_peoples_plural_after_the_is_a_group_the_tagger_did_not_know(extractor):
    entities, _, _ = extract(extractor, "The Kharajis control the port. The Zarinites fled. Ann Ford starred in Rise "
                                        "of the Guardians.")
    assert {("Kharajis", "GROUP"), ("Zarinites", "GROUP")} <= entities, entities
    assert not {e for e in entities if e[0] == "Guardians"}, entities


def test_a_prime_minister_who_heads_a_party_leads_the_country_and_a_leader_of_the_party(extractor):
    text = ("Nepal votes\n\nLawmakers in Nepal approved a government led by Prime Minister Tom Hale on Sunday. Hale, "
            "who heads the Nepali Congress, won. The Communist Party of Nepal opposed him. \"This is illegal,\" said "
            "Ann Ford, a senior leader of the party.")
    _, relations, _ = extract(extractor, text)
    assert {("Tom Hale", "leads", "Nepal"), ("Tom Hale", "leads", "Nepali Congress"),
            ("Ann Ford", "memberOf", "Communist Party of Nepal"), ("Ann Ford", "title", "senior leader")} \
        <= relations, relations


def test_a_generation_after_a_comma_and_a_campus_after_a_comma_are_part_of_the_names(extractor):
    entities, relations, _ = extract(extractor, "Prosecutor Thomas R. Hale, Jr. said so. Hale added more. Ann "
                                                "Ford, chancellor of the University of California, San Diego, agreed. "
                                                "Omar Haidari, an expert on X-ray binaries, spoke.")
    assert {("Thomas R. Hale, Jr.", "PERSON"), ("University of California, San Diego", "ORG")} <= entities, entities
    assert not {e for e in entities if e[0] == "Hale"}, entities
    assert {("Ann Ford", "leads", "University of California, San Diego"),
            ("Omar Haidari", "title", "expert on x-ray binaries")} <= relations, relations


def test_the_letters_of_a_disease_or_a_cause_are_no_name(extractor):
    entities, relations, _ = extract(extractor, "Tom Hale, an LGBT activist, tested positive for HIV in 2017.")
    assert entities == {("Tom Hale", "PERSON")}, entities
    assert not {r for r in relations if r[1] == "memberOf"}, relations


def test_a_counted_holder_and_a_supposed_office_are_no_title(extractor):
    _, relations, _ = extract(extractor, "Tom Hale spoke. Hale became the third President to be impeached by the "
                                         "House. Ann Ford said that if she were president, she would act.")
    assert not {r for r in relations if r[1] == "title"}, relations
    _, relations, _ = extract(extractor, "Tom Hale was the first president of the Zarin Party.")
    assert ("Tom Hale", "leads", "Zarin Party") in relations, relations


def test_and_inside_a_bodys_name_and_a_surname_joined_to_a_full_name(extractor):
    entities, _, _ = extract(extractor, "The Zarin Institute of Allergy and Infectious Diseases said so. Tim "
                                        "Heidecker and Gregg Turkington star. Neil Hamburger and Heidecker appeared "
                                        "together.")
    assert {("Zarin Institute of Allergy and Infectious Diseases", "ORG"), ("Neil Hamburger", "PERSON")} \
        <= entities, entities
    assert not {e for e in entities if " and " in e[0] and e[1] == "PERSON"}, entities


def test_of_and_words_in_lower_case_end_a_name(extractor):
    entities, _, _ = extract(extractor, "The suspect was reported by The Guardian as convicted of assaults and by "
                                        "Associated Press of bank robberies. The Bank of England agreed.")
    assert {("Associated Press", "ORG"), ("Bank of England", "ORG")} <= entities, entities


def test_founded_by_in_the_passive_and_it_as_the_organisation_just_named(extractor):
    _, relations, _ = extract(extractor, "The Zarin Front is based in Kandahar. It was founded in 2015 by Omar "
                                         "Haidari. The Lakeside Foundation, established by Ann Ford in 1990, gives "
                                         "grants.")
    assert {("Omar Haidari", "memberOf", "Zarin Front"), ("Omar Haidari", "title", "founder"),
            ("Ann Ford", "memberOf", "Lakeside Foundation")} <= relations, relations
    _, relations, _ = extract(extractor, "The Zarin Front and the Lakeside Party met. It was founded in 2015 by "
                                         "Omar Haidari.")
    assert not {r for r in relations if r[1] == "memberOf"}, relations  # which one 'it' is, unknown


def test_a_capitalised_prefix_inside_a_sentence_opens_a_bodys_name(extractor):
    entities, relations, _ = extract(extractor, "Judge Ann Ford of the Anti-Corruption Court said Tom Hale had "
                                                "abused his office.")
    assert ("Anti-Corruption Court", "ORG") in entities, entities
    assert not {r for r in relations if r[1] == "opposes"}, relations


def test_a_prefixed_name_inside_the_recognisers_span_is_a_name_of_its_own(extractor):
    entities, relations, _ = extract(extractor, "The Kharajis seized Kabul in August. The anti-Kharaji Northern "
                                                "Front fought on in the Zarin valley.")
    assert ("Northern Front", "ORG") in entities, entities
    assert not {e for e in entities if e[0].startswith("Kharaji ")}, entities


def test_an_acronym_that_is_also_a_pronoun_is_a_name(extractor):
    _, relations, e = extract(extractor, "The Lakeside Health Organization (WHO) declared the end of the outbreak. "
                                         "WHO Director-General Tom Hale praised health workers.")
    assert "WHO" in {m.text for m in e.mentions}
    assert ("Tom Hale", "leads", "Lakeside Health Organization") in relations, relations


def test_the_journal_nature_is_an_organisation_named_by_an_everyday_word(extractor):
    entities, _, _ = extract(extractor, "Their findings were published in the journal Nature on Monday. Tom Hale "
                                        "takes a daily Aspirin.")
    assert ("Nature", "ORG") in entities, entities
    assert not {e for e in entities if e[0] == "Aspirin"}, entities


def test_the_moon_is_a_place_though_the_article_writes_moon_in_lower_case_too(extractor):
    entities, _, _ = extract(extractor, 'Tom Hale wrote, "Today we went to the Moon and came back." The moon was full '
                                        'that night.')
    assert ("Moon", "PLACE") in entities, entities


def test_the_sun_is_a_place_and_the_newspaper_a_source(extractor):
    entities, _, _ = extract(extractor, "Its star is cooler than the Sun, but the planet's orbit is much closer.")
    assert ("Sun", "PLACE") in entities, entities
    entities, _, _ = extract(extractor, "Tom Hale told the Sun that he would resign.")
    assert ("Sun", "PLACE") not in entities, entities


def test_a_bodys_branch_named_with_its_country_after_the_head_word_is_the_body(extractor):
    entities, _, _ = extract(extractor, "The Relief Fund Kenya said it would help.")
    assert ("Relief Fund Kenya", "ORG") in entities, entities


def test_a_name_in_another_language_opening_with_the_bodys_word_is_an_organisation(extractor):
    entities, relations, _ = extract(extractor, "Researchers at the Institut Pasteur in Paris sequenced the virus.")
    assert ("Institut Pasteur", "ORG") in entities, entities
    assert ("Institut Pasteur", "locatedIn", "Paris") in relations, relations


def test_a_datelines_place_before_a_country_named_with_little_words_is_in_it(extractor):
    text = ("Rebels seize town\n\nGOMA, Democratic Republic of Congo (Reuters) - Fighters captured the town of "
            "Rubaya on Tuesday, a spokesman said.")
    entities, relations, _ = extract(extractor, text)
    assert ("Goma", "PLACE") in entities
    assert ("Goma", "locatedIn", "Democratic Republic of Congo") in relations


def test_an_acronym_in_brackets_after_a_bodys_name_is_its_mention(extractor):
    text = ("Opposition wins\n\nThe Independent Electoral and Boundaries Commission (IEBC) said on Friday that turnout "
            "was 61 percent. IEBC chairman Tom Hale told reporters in Nairobi.")
    entities, relations, _ = extract(extractor, text)
    assert ("Independent Electoral and Boundaries Commission", "ORG") in entities
    assert ("Tom Hale", "leads", "Independent Electoral and Boundaries Commission") in relations


def test_an_unqualified_president_in_a_wire_story_is_the_datelines_countrys(extractor):
    text = ("Drone strikes hit city\n\nKYIV, Ukraine (AP) — Russian drones struck buildings overnight, killing three "
            "people, a regional official said. Ukraine's air force said it shot down most of the drones launched from "
            "Russia's Kursk region. President Tom Hale renewed his appeal for air defence. Russia's Defence Ministry said "
            "Russian forces had taken a village.")
    _, relations, _ = extract(extractor, text)
    assert ("Tom Hale", "leads", "Ukraine") in relations and ("Tom Hale", "leads", "Russia") not in relations


def test_a_hyphen_inside_a_word_after_capitals_is_no_datelines_dash(extractor):
    text = "Allies meet\n\nNATO Secretary-General Tom Hale, speaking in Brussels, said the alliance would help."
    entities, relations, _ = extract(extractor, text)
    assert ("NATO", "ORG") in entities and ("Tom Hale", "leads", "NATO") in relations


def test_a_persons_name_before_a_noun_or_another_name_keeps_the_article_of_what_follows(extractor):
    # 'the' is the film's or the court's: neither makes the person an organisation, and the
    # court's name does not take the person's before it
    entities, _, _ = extract(extractor, "Zarin praised her role in the Tom Hale film Lakeside Nights. Critics "
                                        "recalled the Ann Ford Supreme Court confirmation hearing in Washington.")
    assert ("Tom Hale", "PERSON") in entities and ("Ann Ford", "PERSON") in entities
    assert ("Supreme Court", "ORG") in entities
    entities, _, _ = extract(extractor, "Rescuers reached the Sandy Point area of Zanzar on Monday.")
    assert ("Sandy Point", "PERSON") not in entities


def test_a_persons_time_in_office_is_no_body_but_names_the_person(extractor):
    # the recogniser's 'the Presidency of Karim Haidari' (an ORG) is the person's name
    from spacy.tokens import Span
    from newskg.graph.extract.boundaries import repair
    with extractor.nlp.select_pipes(disable=["newskg_entities"]):
        doc = extractor.nlp("Zarin spoke of the Lakeside Party, the Presidency of Karim Haidari, and his goals.")
    start = [t.text for t in doc].index("Presidency")
    assert [(s.text, s.label_) for s in repair(Span(doc, start, start + 4, label="ORG"))] == \
        [("Karim Haidari", "PERSON")]


def test_a_person_the_recogniser_ran_into_the_body_named_after_it_is_two_names(extractor):
    from spacy.tokens import Span
    from newskg.graph.extract.boundaries import repair
    with extractor.nlp.select_pipes(disable=["newskg_entities"]):
        doc = extractor.nlp("Reporter and former Karim Haidari White House Press Secretary Tom Hale said so.")
    start = [t.text for t in doc].index("Karim")
    assert [(s.text, s.label_) for s in repair(Span(doc, start, start + 3, label="PERSON"))] == \
        [("Karim Haidari", "PERSON"), ("White House", "ORG")]


def test_each_holder_of_a_plural_office_leads_the_place_after_its_own_name(extractor):
    # the recogniser took 'Ann Ford of Ghana' whole for a place; and the second president is
    # Ghana's, not the first one's country
    text = ("Leaders met in Nairobi on Sunday, where Presidents Tomas Varga of Kenya and Ann Ford of Ghana "
            "signed the agreement.")
    entities, relations, _ = extract(extractor, text)
    assert ("Ann Ford", "PERSON") in entities
    assert {("Tomas Varga", "leads", "Kenya"), ("Ann Ford", "leads", "Ghana")} <= relations
    assert ("Ann Ford", "leads", "Kenya") not in relations
    _, relations, _ = extract(extractor, "Senators Tom Hale of Ohio and Ann Ford voted against it.")
    assert ("Ann Ford", "leads", "Ohio") not in relations and ("Ann Ford", "memberOf", "Ohio") not in relations


def test_the_field_of_an_office_before_its_holder_is_no_part_of_the_name(extractor):
    for office in ("Minister of Information", "Minister of Foreign Affairs", "Minister of Health"):
        entities, relations, _ = extract(extractor, f"The plan was criticised by {office} Tom Hale on Monday.")
        assert {name for name, _ in entities} == {"Tom Hale"}, entities
        assert ("Tom Hale", "title", office.lower()) in relations, relations


def test_the_field_of_an_office_is_cut_from_a_name_the_recogniser_missed(extractor):
    # a run of capitalised words the recogniser did not take ('Information Karim al-Zanzari'),
    # and a body it made of the field ('National Intelligence'), before the holder's name
    for office in ("Minister of Information", "Director of National Intelligence"):
        text = f"The bomb was left outside a restaurant, stated {office} Karim al-Zanzari, and went off."
        entities, relations, _ = extract(extractor, text)
        assert {name for name, _ in entities} == {"Karim al-Zanzari"}, entities
        assert ("Karim al-Zanzari", "title", office.lower()) in relations, relations


def test_a_role_word_as_the_field_of_an_office_is_no_title_of_its_own(extractor):
    _, relations, _ = extract(extractor, "Minister of Justice Ann Ford resigned on Tuesday.")
    assert {r for r in relations if r[1] == "title"} == {("Ann Ford", "title", "minister of justice")}
    _, relations, _ = extract(extractor, "He was an adviser of President Tom Hale for a year.")
    assert {r for r in relations if r[1] == "title"} == {("Tom Hale", "title", "president")}


def test_a_relative_clause_after_a_name_is_said_of_it_however_it_is_parsed(extractor):
    # the parser hangs this 'who' clause on 'spoke', not on the name before it
    text = ("Wikinews spoke to one of the four candidates running in the by-election, Clara Jeffcote, "
            "who is running for the Zarin party.")
    _, relations, _ = extract(extractor, text)
    assert ("Clara Jeffcote", "memberOf", "Zarin party") in relations


def test_a_role_in_a_relative_clause_without_a_comma_is_the_names(extractor):
    _, relations, _ = extract(extractor, "Ann Ford often disagreed with Tom Hale who is the secretary of state.")
    assert ("Tom Hale", "title", "secretary of state") in relations


def test_an_office_of_hyphenated_words_is_one_title(extractor):
    _, relations, _ = extract(extractor, "Tom Hale, the commander-in-chief of the Kharaj Army, said so.")
    assert ("Tom Hale", "title", "commander-in-chief") in relations
    assert ("Tom Hale", "leads", "Kharaj Army") in relations
    _, relations, _ = extract(extractor, "The Kharaj Army, whose commander-in-chief is President Tom Hale, entered the town.")
    assert ("Tom Hale", "title", "commander-in-chief") in relations
    entities, relations, _ = extract(extractor, "Zarin travelled to Ireland with Taoiseach Tom Hale.")
    assert ("Tom Hale", "PERSON") in entities and ("Tom Hale", "title", "taoiseach") in relations


def test_an_acronym_in_capitals_is_no_language_and_a_field_of_two_words_is_one_title(extractor):
    # 'AU' is also the name of a language; 'trade and industry' is one field of one office
    _, relations, _ = extract(extractor, "Leaders of the African Union (AU) met in Accra. AU trade and industry "
                                         "commissioner Tom Hale announced Ghana would join.")
    assert ("Tom Hale", "memberOf", "African Union") in relations
    assert ("Tom Hale", "title", "trade and industry commissioner") in relations
    _, relations, _ = extract(extractor, "Ann Ford, a civil and environmental engineering professor at Lakeside "
                                         "University, said so.")
    assert ("Ann Ford", "title", "civil and environmental engineering professor") in relations


def test_an_acronym_the_article_defines_by_words_that_are_no_name_is_none(extractor):
    entities, _, _ = extract(extractor, "The study showed the importance of the anterior cingulate cortex (ACC) "
                                        "region of the rat's brain for harm aversion. Tom Hale said the ACC was "
                                        "deactivated.")
    assert {name for name, _ in entities} == {"Tom Hale"}, entities


def test_a_peoples_word_opening_a_sentence_and_a_bodys_name_is_part_of_the_name(extractor):
    entities, relations, _ = extract(extractor, "Kenyan Export–Import Bank president Tom Hale said the loans would "
                                                "go on.")
    assert ("Kenyan Export–Import Bank", "ORG") in entities
    assert ("Tom Hale", "leads", "Kenyan Export–Import Bank") in relations


def test_a_persons_name_before_a_crafts_noun_names_the_craft_not_a_person(extractor):
    entities, relations, _ = extract(extractor, "Astronomers hope that NASA's Tom Hale space telescope will see the "
                                                "planet. The Ann Ford spacecraft was launched in 2020.")
    assert {name for name, _ in entities} == {"NASA"}, entities
    assert not relations


def test_everyday_trades_are_titles(extractor):
    _, relations, _ = extract(extractor, "According to her website, Ann Ford is a veterinarian and farmer, who "
                                         "studied in Lakeside.")
    assert {("Ann Ford", "title", "veterinarian"), ("Ann Ford", "title", "farmer")} <= relations


def test_a_body_an_envoy_is_sent_to_is_part_of_the_title(extractor):
    _, relations, _ = extract(extractor, "Tom Hale, the special envoy to the African Union, arrived in Accra.")
    assert ("Tom Hale", "title", "special envoy to the african union") in relations
    assert ("Tom Hale", "memberOf", "African Union") not in relations


def test_who_opens_the_clause_of_what_happened_at_an_event_took_part_in_it(extractor):
    _, relations, _ = extract(extractor, "Leaders met in Accra for the Lakeside Summit, where on Sunday Presidents "
                                         "Tom Hale of Kenya and Ann Ford of Ghana signed the agreement.")
    assert {("Tom Hale", "participatedIn", "Lakeside Summit"), ("Ann Ford", "participatedIn", "Lakeside Summit"),
            ("Lakeside Summit", "locatedIn", "Accra")} <= relations
    _, relations, _ = extract(extractor, "Fighting broke out at the Lakeside Summit, where police arrested Tom Hale.")
    assert ("Tom Hale", "participatedIn", "Lakeside Summit") not in relations


def test_an_armed_movement_and_its_members_plural_are_one_organisation(extractor):
    # the recogniser took the plural for a place; its singular before 'rebels' names the movement
    entities, _, _ = extract(extractor, "Officials blamed Zarini rebels for the bombing. The port was recaptured "
                                        "from Zarinis in 2017. Tom Hale said the Zarinis had attacked journalists.")
    assert entities == {("Zarinis", "ORG"), ("Tom Hale", "PERSON")}, entities


def test_a_common_noun_between_a_peoples_word_and_a_persons_name_parts_them(extractor):
    # the recogniser took 'Turkish national Hatice Ford' whole for an organisation
    entities, _, _ = extract(extractor, "He sought documents allowing him to marry Turkish national Hatice Ford.")
    assert entities == {("Turkish", "GROUP"), ("Hatice Ford", "PERSON")}, entities


def test_her_is_no_man_named_before_it(extractor):
    # 'her' stands for the woman the sentence is about, not the last man it named
    _, relations, _ = extract(extractor, "Ann Ford is survived by two sons with Omar Haidari, Karim and "
                                         "Christopher, and by her son Tom Hale.")
    assert ("Tom Hale", "childOf", "Ann Ford") in relations
    assert not {r for r in relations if r[:2] == ("Tom Hale", "childOf") and r[2] != "Ann Ford"}, relations


def test_a_known_places_name_then_a_capitalised_plural_is_a_team(extractor):
    entities, _, _ = extract(extractor, "The Hornets traded him to the Los Angeles Lakers in 1996. Tourists "
                                        "visited Niagara Falls.")
    assert ("Los Angeles Lakers", "ORG") in entities and ("Niagara Falls", "PLACE") in entities, entities


def test_a_named_chair_is_an_office_not_a_body(extractor):
    entities, relations, _ = extract(extractor, "Tom Hale is Lakeside University's Wormley Early Career Professor of "
                                                "Engineering and an associate professor of mechanical engineering.")
    assert {name for name, _ in entities} == {"Tom Hale", "Lakeside University"}, entities
    assert ("Tom Hale", "memberOf", "Lakeside University") in relations


def test_a_name_opening_with_a_given_name_after_a_persons_title_is_a_person(extractor):
    # the recogniser took the name for an organisation
    entities, _, _ = extract(extractor, "He served as prime minister, first under President Valéry Giscard "
                                        "d'Estaing in the seventies.")
    assert ("Valéry Giscard d'Estaing", "PERSON") in entities, entities


def test_a_town_on_a_seas_shore_is_not_in_the_sea(extractor):
    _, relations, _ = extract(extractor, "A bomb went off in the Red Sea port town of Mokha on Monday.")
    assert ("Mokha", "locatedIn", "Red Sea") not in relations
    _, relations, _ = extract(extractor, "A bomb went off in Yemen's port town of Mokha on Monday.")
    assert ("Mokha", "locatedIn", "Yemen") in relations


def test_who_speaks_at_an_event_is_the_titled_person_not_the_body_before_the_titles(extractor):
    # (the parser makes 'AU' the subject of 'said')
    _, relations, _ = extract(extractor, "At the opening of the AU summit, AU chairperson President Abdel Fattah "
                                         "Haidari of Egypt said, \"The success of the deal will be the real test\".")
    participants = {r[0] for r in relations if r[1:] == ("participatedIn", "AU summit")}
    assert participants == {"Abdel Fattah Haidari"}, relations


def test_what_troops_enter_or_shell_is_a_place(extractor):
    # names shaped like people's, typed by what is done to them; not the owner of what is shelled
    entities, _, _ = extract(extractor, "Government forces shelled Omar Abad and Karim Kot overnight.")
    assert entities == {("Omar Abad", "PLACE"), ("Karim Kot", "PLACE")}, entities
    entities, _, _ = extract(extractor, "Rebels shelled Tom Hale's home.")
    assert entities == {("Tom Hale", "PERSON")}, entities


def test_a_numeral_alone_is_no_name(extractor):
    entities, _, _ = extract(extractor, "Tom Hale dug the sites II, III, IV, and V near Lakeside in 2019.")
    assert not {e for e in entities if e[0] in ("II", "III", "IV")}, entities
