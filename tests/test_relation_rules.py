"""Every relation pattern on its own example (graph/extract/relations/rules.py and verbs.py):
the example is parsed by the pipeline, its names are set by hand (so the test does not depend on
what the recogniser finds), and the relations the finder states must include the example's."""
import json
import re

import pytest

from newskg.graph.extract import local_entities, relations
from newskg.graph.extract.relations.rules import RULES
from newskg.graph.extract.relations.shapes import ShapeError, compile_shape
from newskg.graph.extract.relations.verbs import VERB_RULES
from newskg.graph.records import Article

MARKUP = re.compile(r"\[([^\]|]+)\|([A-Z]+)\]")


def facts(nlp, example: str) -> set[str]:
    """What the relation finder states for a marked-up sentence ("[Name|TYPE] ...")."""
    text, names, pos = "", [], 0
    for m in MARKUP.finditer(example):
        text += example[pos:m.start()]
        names.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += example[pos:]
    with nlp.select_pipes(disable=[p for p in ("ner", "newskg_entities") if p in nlp.pipe_names]):
        doc = nlp(text)
    doc.ents = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in names]
    spans = list(doc.ents)
    sentence_of = {tok.i: k for k, sent in enumerate(doc.sents) for tok in sent}
    entity_of, entities = local_entities.cluster([(e.text, e.label_, e.start_char) for e in spans], text)
    found = relations.extract(doc, spans, entity_of, entities, sentence_of)
    return {f"{entities[r.subject].label} {r.predicate} "
            f"{entities[r.object].label if r.object is not None else r.value}" for r in found}


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_pattern_states_what_its_example_says(nlp, rule):
    found = facts(nlp, rule.example)
    missing = set(rule.states) - found
    assert not missing, f"{rule.name}: {missing} not found in {sorted(found)}"


@pytest.mark.parametrize("rule", VERB_RULES, ids=[f"{r.predicate}-{sorted(r.lemmas)[0]}" for r in VERB_RULES])
def test_each_verb_rule_states_what_its_example_says(nlp, rule):
    first, second = [m.group(1) for m in MARKUP.finditer(rule.example)][:2]
    if rule.reverse:  # the verb's object is the relation's subject (and not the other way round)
        first, second = second, first
        assert f"{second} {rule.predicate} {first}" not in facts(nlp, rule.example)
    assert f"{first} {rule.predicate} {second}" in facts(nlp, rule.example)


def test_both_sides_of_a_result_took_part_in_the_event(nlp):
    found = facts(nlp, "[Caloundra|ORG] defeated [Noosa|ORG] in round 3 of the [Coast Cup|EVENT].")
    assert {"Caloundra participatedIn Coast Cup", "Noosa participatedIn Coast Cup"} <= found


@pytest.mark.parametrize("sentence, stated", [
    # an armed action the subject takes, against whom it is
    ("Fighters from the [Kharaj Front|ORG] attacked a [Zanzar Army|ORG] base.", {"Kharaj Front opposes Zanzar Army"}),
    ("The [Kharaj Front|ORG] claimed responsibility for an attack on [Zanzar Army|ORG] troops.",
     {"Kharaj Front opposes Zanzar Army"}),
    ("The [Zanzar Army|ORG] launched airstrikes on [Kharaj Front|ORG] positions.", {"Zanzar Army opposes Kharaj Front"}),
    ("The [Kharaj Front|ORG] and the [Zanzar Army|ORG] have fought each other for years.",
     {"Kharaj Front opposes Zanzar Army", "Zanzar Army opposes Kharaj Front"}),
    # 'its' before a role: the organisation the sentence before named last (no place in between)
    ("The [Zarin Party|ORG] met on Monday. [Tom Hale|PERSON] has been its chair since 2012.",
     {"Tom Hale leads Zarin Party"}),
    # 'I' in a quotation is its speaker, named right after it or right before
    ('"I am the director of the [Lakeside Institute|ORG]," [Ann Ford|PERSON] said.',
     {"Ann Ford leads Lakeside Institute", "Ann Ford title director"}),
    ('[Ann Ford|PERSON] said: "I am a senior fellow at the [Lakeside Institute|ORG]."',
     {"Ann Ford memberOf Lakeside Institute"}),
    # ranks between an apposition and its name; a self-declared office in a relative clause
    ("[Zanzar|PLACE]'s intelligence chief, Lt. Gen. [Tom Hale|PERSON], visited [Lakeside|PLACE].",
     {"Tom Hale title intelligence chief"}),
    ("Former vice president [Ann Ford|PERSON], who declared herself acting president, stayed.",
     {"Ann Ford title acting president"}),
    ("According to the [Kharaj Front|ORG]'s spokesman, [Tom Hale|PERSON], the talks failed.",
     {"Tom Hale memberOf Kharaj Front", "Tom Hale title spokesman"}),
    # a complement 'to Y' cut by a possessive is of another's office: the title stops before it
    ("[Ron Gunz|PERSON] serves as senior advisor to [Zanzar|PLACE]'s Governor [Tom Hale|PERSON].",
     {"Ron Gunz title senior advisor"}),
    # an event held somewhere, said in a participle's apposition
    ("The 2024 [Kharaj Marathon|EVENT], held in [Lakeside|PLACE], drew 5,000 runners.",
     {"Kharaj Marathon locatedIn Lakeside"}),
    ("[Tom Hale|PERSON], a leader of the [Kharaj Front|ORG], was killed.", {"Tom Hale memberOf Kharaj Front"}),
    ("[Tom Hale|PERSON], a former president of [Zanzar|PLACE], died.", {"Tom Hale title former president"}),
    # a party's word between a place's possessive and the office
    ("He advises [Zanzar|PLACE]'s [Republican|GROUP] Governor [Tom Hale|PERSON].", {"Tom Hale leads Zanzar"}),
    ("[Ann Ford|PERSON] and [Tom Hale|PERSON] won the prize. They are professors at [Kharaj University|ORG].",
     {"Ann Ford memberOf Kharaj University", "Tom Hale memberOf Kharaj University", "Tom Hale title professor"}),
    # a body's regional office: the holder is a member of the body
    ("[Amnesty International|ORG]'s [Americas|PLACE] director, [Ann Ford|PERSON], urged restraint.",
     {"Ann Ford memberOf Amnesty International", "Ann Ford title director"}),
    # the place's kind after or before the name of the place an office is of
    ("[Tom Hale|PERSON] was governor of the [Moquegua|PLACE] region until 2014.",
     {"Tom Hale leads Moquegua", "Tom Hale title governor"}),
    ("[Tom Hale|PERSON], mayor of the [Polish|GROUP] city of [Gdansk|PLACE], was stabbed.",
     {"Tom Hale leads Gdansk", "Tom Hale title mayor"}),
    # the head of a part of a body (named by the body's possessive) is a member of the body
    ("[Ann Ford|PERSON] serves as the head of the [Zarin Party|ORG]'s youth wing.", {"Ann Ford memberOf Zarin Party"}),
    # who succeeds someone as a role holds it now (the one succeeded held it before)
    ("[Tom Hale|PERSON], who succeeded [Ann Ford|PERSON] as chair of the [Zarin Party|ORG] in 2019, resigned.",
     {"Tom Hale leads Zarin Party", "Ann Ford leads Zarin Party"}),
    # who runs or manages an organisation leads it (who runs a race takes part in it)
    ("[Ann Ford|PERSON], who has run [Zarin Corp|ORG] since 2015, said profits rose.",
     {"Ann Ford leads Zarin Corp"}),
    ("[Tom Hale|PERSON] ran the [Lakeside Marathon|EVENT] and managed [Lakeside United|ORG] for a year.",
     {"Tom Hale leads Lakeside United", "Tom Hale participatedIn Lakeside Marathon"}),
    # a stance's noun before a role is what the role is in, not a stance against a name
    ("[Tom Hale|PERSON], an opposition politician, was arrested.", {"Tom Hale title opposition politician"}),
    ("Resistance commander [Tom Hale|PERSON] was arrested.", {"Tom Hale title resistance commander"}),
    # a participle that places: the site is where the participle puts it
    ("The plane flew to [Kharaj Field|PLACE], located near [Lakeside|PLACE] in [Zanzar|PLACE].",
     {"Kharaj Field locatedIn Zanzar"}),
    ("An edition of the [Lakeside Herald|ORG], a daily printed in [Zanzar|PLACE], was recalled.",
     {"Lakeside Herald locatedIn Zanzar"}),
    ("A fire broke out at [Kharaj Hall|PLACE], a hotel in [Zanzar|PLACE], on Monday.", {"Kharaj Hall locatedIn Zanzar"}),
    # the relative clause of an apposition, no comma after it, is about the person
    ("[Tom Hale|PERSON], a career politician who served as president of [Zanzar|PLACE] for five years, died.",
     {"Tom Hale leads Zanzar", "Tom Hale title president"}),
    # "was elected mayor": the office is "mayor"
    ("[Ann Ford|PERSON], who was elected mayor of [Lakeside|PLACE] in 2010, spoke.",
     {"Ann Ford leads Lakeside", "Ann Ford title mayor"}),
    # an age between commas stands in no pattern
    ("[Tom Hale|PERSON], 54, a lawyer with [Kharaj Capital|ORG], resigned.",
     {"Tom Hale memberOf Kharaj Capital", "Tom Hale title lawyer"}),
    ("[Tom Hale|PERSON], 54, is the president of the [Zarin Party|ORG].", {"Tom Hale leads Zarin Party"}),
    ("[Tom Hale|PERSON] was sworn in as president of [Zanzar|PLACE] on Monday.", {"Tom Hale leads Zanzar"}),
    # an organisation's fighters or positions stand for it as a verb's object
    ("The [Kharaj Army|ORG] clashed with [Zarin|ORG] fighters near the border.", {"Kharaj Army opposes Zarin"}),
    ("The [Kharaj Army|ORG] shelled [Zarin|ORG] positions on Monday.", {"Kharaj Army opposes Zarin"}),
    # the sides of a fight oppose each other
    ("Clashes broke out between [Kharaj Army|ORG] troops and [Zarin Front|ORG] fighters.",
     {"Kharaj Army opposes Zarin Front", "Zarin Front opposes Kharaj Army"}),
    ("The [Zarin Front|ORG] has been at war with the [Kharaj Army|ORG] since 2014.",
     {"Kharaj Army opposes Zarin Front", "Zarin Front opposes Kharaj Army"}),
    # taking a side against someone
    ("In 2015, [Kharaj|ORG] started supporting the government of [Tom Hale|PERSON] against the [Zarin|ORG] "
     "rebellion.", {"Tom Hale opposes Zarin", "Kharaj opposes Zarin"}),
    ("[Tom Hale|PERSON] and [Ann Ford|PERSON], both members of the [National Assembly|ORG], voted against it.",
     {"Tom Hale memberOf National Assembly", "Ann Ford memberOf National Assembly"}),
    ("He was a featured speaker at [Tom Hale|PERSON]'s [Rally for Reform|EVENT] in 2008.",
     {"Tom Hale participatedIn Rally for Reform"}),
    # 'he' is the person the sentence before is about, the subject of its main verb
    ("When [Tom Hale|PERSON] announced his resignation in 1995, [Karim Haidari|PERSON] joined the race. He was "
     "also a member of the [Zarin Party|ORG].", {"Karim Haidari memberOf Zarin Party"}),
    # a title ends in a noun; a capitalised word of a name the recogniser missed is no part of it
    ("[Tom Hale|PERSON] is the author of the current economic and political challenges.", {"Tom Hale title author"}),
    ("Lakeside Research Institute Director [Ann Ford|PERSON] said so.", {"Ann Ford title director"}),
    # the agent of a passive 'lead' leads its subject
    ("The [Zarin Party|ORG] is led by [Tom Hale|PERSON].", {"Tom Hale leads Zarin Party"}),
    ("The [Zarin Party|ORG], headed by [Tom Hale|PERSON], won.", {"Tom Hale leads Zarin Party"}),
    # whoever does something at a named event took part in it
    ("At the [Lakeside Convention|EVENT] on June 20, the [Zarin Party|ORG] nominated its ticket.",
     {"Zarin Party participatedIn Lakeside Convention"}),
    ("[Tom Hale|PERSON] was arrested at the [Lakeside Peace Rally|EVENT].",
     {"Tom Hale participatedIn Lakeside Peace Rally"}),
    ("[Tom Hale|PERSON] gave a keynote address at the [Lakeside Peace Rally|EVENT] on Monday.",
     {"Tom Hale participatedIn Lakeside Peace Rally"}),
    # (also with a verb that states other things: "received ... nomination")
    ("At the [Lakeside Convention|EVENT], [Ann Ford|PERSON] received 400 votes for the party's nomination.",
     {"Ann Ford participatedIn Lakeside Convention"}),
    # a party's nomination won or sought: its candidate
    ("[Tom Hale|PERSON] is seeking the [Zarin Party|ORG] nomination.", {"Tom Hale memberOf Zarin Party"}),
    # an organisation named again by its kind: the one the article named last (a party for "the party's")
    ("The [Zarin Front|ORG] said that the group's leader, [Karim Haidari|PERSON], had been killed.",
     {"Karim Haidari leads Zarin Front"}),
    ("The [Green Unity Party|ORG] met the [Kharaj Trust|ORG]; the party's spokesman, [Tom Hale|PERSON], spoke.",
     {"Tom Hale memberOf Green Unity Party"}),
    # trades: of those who work for someone, a membership; of others, a title only
    ("[Tom Hale|PERSON], a teacher at [Lakeside School|ORG], spoke.",
     {"Tom Hale memberOf Lakeside School", "Tom Hale title teacher"}),
    ("[Lakeside Space Agency|ORG] astronaut [Ann Ford|PERSON] flew.",
     {"Ann Ford memberOf Lakeside Space Agency", "Ann Ford title astronaut"}),
    ("[Tom Hale|PERSON], a filmmaker, spoke.", {"Tom Hale title filmmaker"}),
    # 're-elected', split in three by the tokenizer, is one verb before the office
    ("[Ann Ford|PERSON] was re-elected governor of [Texas|PLACE].", {"Ann Ford title governor", "Ann Ford leads Texas"}),
    # an honorific that makes an office of the role after it
    ("Under the interim Lord Mayor [Ann Ford|PERSON] the city grew.", {"Ann Ford title interim lord mayor"}),
    # an of-phrase cut before a name is no part of the title; a hyphen left of a dropped 'now-' neither
    ("[Tom Hale|PERSON], lead guitarist of [US|PLACE] rock band [Kharaj|ORG], died.", {"Tom Hale title lead guitarist"}),
    ("The now-former governor [Tom Hale|PERSON] was sworn in.", {"Tom Hale title former governor"}),
    # 'then-' says when the role was held: no part of it
    ("The aide of then-Governor [Tom Hale|PERSON] resigned.", {"Tom Hale title governor"}),
    # 'anti-' opens the title it stands in
    ("The party picked anti-alcohol activist [Ann Ford|PERSON] as its nominee.", {"Ann Ford title anti-alcohol activist"}),
    # a player by position
    ("[Lakeside United|ORG] goalkeeper [Tom Hale|PERSON] saved twice.", {"Tom Hale memberOf Lakeside United"}),
    # leaving one post for the next: the next is a fact
    ("In 2009 [Tom Hale|PERSON] resigned to become the chairman of the [Lakeside Bank|ORG].",
     {"Tom Hale leads Lakeside Bank", "Tom Hale title chairman"}),
    ("[Ann Ford|PERSON] went on to become the mayor of [Kharaj|PLACE].", {"Ann Ford title mayor"}),
    # two words before 'as': past holders lead too
    ("[Ann Ford|PERSON] stepped down as chairman of the [Lakeside Bank|ORG].", {"Ann Ford leads Lakeside Bank"}),
    # a second title opens at 'former' after a noun
    ("Green challenger former governor [Tom Hale|PERSON] led the polls.", {"Tom Hale title former governor"}),
    # a capitalised party word in a title: the party the article names
    ("The [Socialist Party|ORG] met. Socialist presidential candidate [Tom Hale|PERSON] spoke on Monday.",
     {"Tom Hale memberOf Socialist Party"}),
    ("The [Liberal Party|ORG] met. Liberal candidate [Tom Hale|PERSON] spoke on Monday.",
     {"Tom Hale memberOf Liberal Party"}),
    # a plural's possessive, however the tagger took the apostrophe
    ("[Lakeside News|ORG]' [Nick Moreau|PERSON] photographed the event.", {"Nick Moreau memberOf Lakeside News"}),
    # (a zero-width joiner of the source's markup between the name and its apostrophe)
    ("[Lakeside News|ORG]\u200d' [Nick Moreau|PERSON] photographed it.", {"Nick Moreau memberOf Lakeside News"}),
    # 'its' before a role: the organisation the sentence named last before it
    ("[Lakeside Bank|ORG] appointed [Ann Ford|PERSON] as its chief executive on Monday.",
     {"Ann Ford leads Lakeside Bank"}),
    ("[Ann Ford|PERSON], [Lakeside Bank|ORG]'s chief executive, and [Tom Hale|PERSON], its chairman, resigned.",
     {"Tom Hale leads Lakeside Bank"}),
    # a place said to be situated in another, however far its kind and direction come between
    ("[Elbow Cay|PLACE] is situated in the [Bahamas|PLACE].", {"Elbow Cay locatedIn Bahamas"}),
    ("[Kharaj|PLACE] is located in northern [Zanzar|PLACE].", {"Kharaj locatedIn Zanzar"}),
    # 'its' before a role no place has: the organisation named last, past the places of a clause
    ("[Norden Metals AB|ORG], which is based in [Lulea|PLACE] in northern [Sweden|PLACE], employs 6,000 people. "
     "Its chairman, [Anders Lindqvist|PERSON], backed the offer.",
     {"Norden Metals AB locatedIn Lulea", "Anders Lindqvist leads Norden Metals AB"}),
    # 'Its' opening a sentence: the subject of the sentence before, not the body named last in it
    ("The [Lakeside Unity Council|ORG], formed by members of the [Zanzar League|ORG], welcomed the gains. Its "
     "acting president, [Tom Hale|PERSON], called for calm.", {"Tom Hale leads Lakeside Unity Council"}),
    # what a person's 'whose' has: a body he belongs to
    ("[Tom Hale|PERSON], whose [Zanzar Unity Party|ORG] leads a minority government, declined to comment.",
     {"Tom Hale memberOf Zanzar Unity Party"}),
    # 'who' after a body's noun in an apposition: the name the apposition describes
    ("[Ann Ford|PERSON], a former head of the electoral commission who now leads the [Lakeside Alliance|ORG], "
     "spoke.", {"Ann Ford leads Lakeside Alliance"}),
    # 'led by' said of the kind noun of an apposition: of the name it describes
    ("Fighters of the [Zanzar Liberation Front|ORG], a rebel group led by [Omar Haidari|PERSON], attacked the town.",
     {"Omar Haidari leads Zanzar Liberation Front"}),
    ("The [Zarin Party|ORG], a faction that is headed by [Ann Ford|PERSON], won.", {"Ann Ford leads Zarin Party"}),
    # an adjective or a place's possessive between the role's 'of' and the body it is of
    ("[Omar Haidari|PERSON], head of the ruling [Sovereign Council|ORG], visited troops.",
     {"Omar Haidari leads Sovereign Council", "Omar Haidari title head"}),
    ("[Omar Haidari|PERSON], chairman of [Zanzar|PLACE]'s ruling [Sovereign Council|ORG], visited troops.",
     {"Omar Haidari leads Sovereign Council"}),
    ("[Omar Haidari|PERSON], the head of [NATO|ORG]'s [Military Committee|ORG], spoke.",
     {"Omar Haidari leads Military Committee"}),
    # the body named again by its kind, with words before the kind
    ("The [Zarin Front|ORG] agreed. The rebel group's chief negotiator, [Karim Haidari|PERSON], said so.",
     {"Karim Haidari memberOf Zarin Front", "Karim Haidari title chief negotiator"}),
    ("[Kharaj Oil|ORG], the state-controlled oil company based in [Lakeside|PLACE], said so.",
     {"Kharaj Oil locatedIn Lakeside"}),
    # a director of a region or a country of a body: a member of it, heading a part of it
    ("The [Zarin Crescent|ORG]'s regional director, [Tom Hale|PERSON], said so.",
     {"Tom Hale memberOf Zarin Crescent"}),
    # a player's position after a team's name (positions that are surnames too, in lower case)
    ("[Lakeside City|ORG] striker [Tom Hale|PERSON] was named player of the season.",
     {"Tom Hale memberOf Lakeside City", "Tom Hale title striker"}),
    ("[Kharaj|ORG] half back [Tom Hale|PERSON] enjoyed the win.", {"Tom Hale memberOf Kharaj", "Tom Hale title half back"}),
    # a body after a person's possessive: "a senior member of X's Y party"
    ("[Ann Ford|PERSON], a senior member of [Tom Hale|PERSON]'s [Zarin Unity|ORG] party, was arrested.",
     {"Ann Ford memberOf Zarin Unity"}),
    # a time after a title is no part of it
    ("[Ann Ford|PERSON] was elected chair of the scientific committee last year.",
     {"Ann Ford title chair of the scientific committee"}),
    # a role of another person's, after a copula: a title
    ("[Ann Ford|PERSON], 30, previously served as [Tom Hale|PERSON]'s chief of staff.",
     {"Ann Ford title chief of staff"}),
    # a party's nominees are its members: named on a ticket, or by 'the party'
    ("In 2018, the [Zarin Party|ORG] nominated a ticket of [Ann Ford|PERSON] for President and [Karim Haidari|PERSON] "
     "for Vice President.", {"Ann Ford memberOf Zarin Party", "Karim Haidari memberOf Zarin Party"}),
    ("The [Zarin Party|ORG] met in [Lakeside|PLACE]. The party picked activist [Tom Hale|PERSON] as its running mate.",
     {"Tom Hale memberOf Zarin Party"}),
    # the subject of an infinitive: of the noun said of someone; the one asked
    ("[Ann Ford|PERSON] became the first woman to lead the [Lakeside Institute|ORG].", {"Ann Ford leads Lakeside Institute"}),
    ("[Tom Hale|PERSON] asked [Ann Ford|PERSON] to attend the [Lakeside Peace Forum|EVENT].",
     {"Ann Ford participatedIn Lakeside Peace Forum"}),
    ("The [Northern Front|ORG] vowed to fight the [Kharaj Army|ORG].", {"Northern Front opposes Kharaj Army"}),
    # an ordinal before another word than the role: part of the title
    ("One is [Tom Hale|PERSON], a sixth year student at [Lakeside University|ORG].",
     {"Tom Hale title sixth year student", "Tom Hale memberOf Lakeside University"}),
    # a plural role, then its holders in apposition, a year after each
    ("He took part in the hearings of two different Presidents, [Tom Hale|PERSON], in 1972, and [Ann Ford|PERSON], "
     "in 1998.", {"Tom Hale title president", "Ann Ford title president"}),
    # a person before '-led' leads the body; taking a place from a side opposes it
    ("The [Haidari|PERSON]-led [Zarin Front|ORG] vowed to resist.", {"Haidari leads Zarin Front"}),
    ("[Kharaj Army|ORG] fighters seized the town from the [Zarin Front|ORG] on Monday.",
     {"Kharaj Army opposes Zarin Front"}),
    # whose win, run or bid in a named event it is took part in it
    ("[Ann Ford|PERSON]'s victory in the [Lakeside Marathon|EVENT] surprised many.",
     {"Ann Ford participatedIn Lakeside Marathon"}),
    ("The [Lakeside Peace Forum|EVENT], attended by [Ann Ford|PERSON] and [Tom Hale|PERSON], ended on Monday.",
     {"Ann Ford participatedIn Lakeside Peace Forum", "Tom Hale participatedIn Lakeside Peace Forum"}),
    ("Speakers at the [Lakeside Peace Forum|EVENT] included [Ann Ford|PERSON], [Tom Hale|PERSON] and "
     "[Karim Haidari|PERSON].", {"Ann Ford participatedIn Lakeside Peace Forum", "Tom Hale participatedIn Lakeside "
                                 "Peace Forum", "Karim Haidari participatedIn Lakeside Peace Forum"}),
    # a party's word before a role of something else: the party's member too
    ("The [Democratic Party|ORG] won. [Tom Hale|PERSON], the former [Democratic|GROUP] dean of the [House of "
     "Representatives|ORG], was 90.", {"Tom Hale memberOf Democratic Party", "Tom Hale memberOf House of Representatives"}),
    # a role after one worked for: the worker's
    ("[Ann Ford|PERSON] worked for three years for Representative [Tom Hale|PERSON] as an aide.",
     {"Ann Ford title aide"}),
    # an appointment 'as' the office ("was appointed as the new governor of Y")
    ("[Tom Hale|PERSON] was appointed as the new governor of [Kandahar|PLACE] province on Monday.",
     {"Tom Hale leads Kandahar", "Tom Hale title governor"}),
    # 'a' before the owner of a role: one of its holders, a member ("a Taliban commander")
    ("[Omar Haidari|PERSON], a [Kharaj Front|ORG] commander, was killed on Sunday.",
     {"Omar Haidari memberOf Kharaj Front", "Omar Haidari title commander"}),
    # the head of a part named by a noun after the body's name is a member of the body; a noun for the
    # body itself is no part ("the Y movement")
    ("[Ann Ford|PERSON], head of the [Kharaj Union|ORG] mission in [Norway|PLACE], spoke on Monday.",
     {"Ann Ford memberOf Kharaj Union"}),
    ("[Tom Hale|PERSON] is the leader of the [Zarin Front|ORG] movement.", {"Tom Hale leads Zarin Front"}),
    # killing or capturing a side's fighters, soldiers or members is fighting that side
    ("[Zarin Front|ORG] militants killed five [Kharaj Army|ORG] soldiers near [Lakeside|PLACE].",
     {"Zarin Front opposes Kharaj Army"}),
    # a place said to be a kind of place in another, or the other's
    ("[Mombasa|PLACE] is a port city in [Kenya|PLACE].", {"Mombasa locatedIn Kenya"}),
    ("[Karachi|PLACE] is [Pakistan|PLACE]'s largest city.", {"Karachi locatedIn Pakistan"}),
    ("The talks were attended by [Ann Ford|PERSON], the mayor of [Nairobi|PLACE], [Tom Hale|PERSON], the governor "
     "of [Texas|PLACE], and [Omar Haidari|PERSON], the leader of the [Kharaj Front|ORG].",
     {"Ann Ford leads Nairobi", "Tom Hale leads Texas", "Omar Haidari leads Kharaj Front"}),
    # a body's word before a possessive is whose the role is: the body the article named last
    ("The [Zarin Party|ORG] met on Monday. [Ann Ford|PERSON], the party's candidate for governor, spoke.",
     {"Ann Ford memberOf Zarin Party", "Ann Ford title candidate"}),
    # "his" or "her" before a party's name: the person's own party, led when a leader's title is theirs
    ("Opposition leader [Tom Hale|PERSON] said his [Zarin Party|ORG] was ready for an election.",
     {"Tom Hale leads Zarin Party"}),
    ("[Ann Ford|PERSON] and her [Zarin Party|ORG] won the vote.", {"Ann Ford memberOf Zarin Party"}),
    # a hyphened modifier before the role is part of its title
    ("[Ann Ford|PERSON], a high-ranking member of the [Kharaj Front|ORG], was killed on Sunday.",
     {"Ann Ford memberOf Kharaj Front", "Ann Ford title high-ranking member"}),
    ("[Tom Hale|PERSON], a long-time member of the [Zarin Party|ORG], died.", {"Tom Hale memberOf Zarin Party"}),
    # who speaks for a body is its member
    ("[Omar Haidari|PERSON], who speaks for the [Kharaj Front|ORG], said the town had fallen.",
     {"Omar Haidari memberOf Kharaj Front"}),
    # the place after the holder's name is what the office is of
    ("On Monday, Prime Minister [Tom Hale|PERSON] of [Zanzar|PLACE] met reporters in [Lakeside|PLACE].",
     {"Tom Hale leads Zanzar", "Tom Hale title prime minister"}),
    # a bid for an event, by its owner or by the subject of the verb before 'his'
    ("[Tom Hale|PERSON] announced his candidacy for the [2024 Zanzar presidential election|EVENT] on Monday.",
     {"Tom Hale participatedIn 2024 Zanzar presidential election"}),
    ("[Tom Hale|PERSON]'s campaign for the [2024 Zanzar presidential election|EVENT] began on Monday.",
     {"Tom Hale participatedIn 2024 Zanzar presidential election"}),
    # a role left or to be left ('will step down as', 'is stepping down as')
    ("[Tom Hale|PERSON] will step down as chief executive of [Harbourview Bank|ORG] next year.",
     {"Tom Hale leads Harbourview Bank", "Tom Hale title chief executive"}),
    ("[Tom Hale|PERSON] is stepping down as chief executive of [Harbourview Bank|ORG].",
     {"Tom Hale leads Harbourview Bank"}),
    # an attack in the passive: who attacked whom
    ("[Ann Ford|PERSON] was threatened by the [Kharaj Front|ORG] for her reporting.", {"Kharaj Front opposes Ann Ford"}),
    # a rank or an office before the name of an apposition does not hide it
    ("The [Kharaj Front|ORG]'s leader, General [Tom Hale|PERSON], said the siege would go on.",
     {"Tom Hale leads Kharaj Front", "Tom Hale title leader"}),
    # (but a president's country stays his)
    ("[Poland|PLACE] votes on Sunday. [Polish|GROUP] President [Tom Hale|PERSON] of the [Zarin Party|ORG] spoke.",
     {"Tom Hale leads Poland", "Tom Hale memberOf Zarin Party"}),
    # a place's kind between it and a country: the place is the country's
    ("Fighting broke out in the [Kharaj|PLACE] region of [Sudan|PLACE] on Monday.", {"Kharaj locatedIn Sudan"}),
    ("Power was cut for customers in the [San Francisco|PLACE] area of [California|PLACE].",
     {"San Francisco locatedIn California"}),
    # a physical attack on a person, and holding an attacker down
    ("The [Kharaj Front|ORG] killed [Tom Hale|PERSON] in an ambush on Sunday.", {"Kharaj Front opposes Tom Hale"}),
    ("[Ann Ford|PERSON] subdued [Usman Zarin|PERSON] with a fire extinguisher.", {"Ann Ford opposes Usman Zarin"}),
    # the author of an attack took part in it
    ("[Tom Hale|PERSON] masterminded the [Lakeside bombings|EVENT] in 2001.", {"Tom Hale participatedIn Lakeside bombings"}),
    ("[Tom Hale|PERSON] planned the [Lakeside bombings|EVENT] on [Zanzar|PLACE] in 2001.",
     {"Lakeside bombings locatedIn Zanzar"}),
    # a head of state's office after another title: the place after the name is the office's
    ("At the summit, [African Union|ORG] chairperson President [Ann Ford|PERSON] of [Zanzar|PLACE] spoke.",
     {"Ann Ford leads Zanzar", "Ann Ford leads African Union"}),
    ("[Tom Hale|PERSON] attacked [Usman Zarin|PERSON] with a knife on the bridge.", {"Tom Hale opposes Usman Zarin"}),
    # 'him' as the object of such a verb: the person named before who is not its subject
    ("[Usman Zarin|PERSON] ran onto the bridge. [Tom Hale|PERSON] tackled him there.",
     {"Tom Hale opposes Usman Zarin"}),
    # a complement cut inside a name the recogniser missed is no part of the title
    ("A post by [Ann Ford|PERSON], director of the Learning Together event, said so.", {"Ann Ford title director"}),
    # a hyphened modifier before the body's name is the title's ('the long-time Y Party leader')
    ("[Ann Ford|PERSON], the long-time [Zarin Party|ORG] leader, was killed.",
     {"Ann Ford leads Zarin Party", "Ann Ford title long-time leader"}),
    # a body named by its members' role, then its head's office
    ("The order came from the [Zarin Coast Guard|ORG] Commandant [Tom Hale|PERSON] on Monday.",
     {"Tom Hale leads Zarin Coast Guard", "Tom Hale title commandant"}),
    # a guest or a panellist at an event took part in it
    ("It was said. [Tom Hale|PERSON], a guest at the [Kelso Summit|EVENT], spoke.", {"Tom Hale participatedIn Kelso Summit"}),
    ("It was said. Panelists at the [Kelso Summit|EVENT] included [Tom Hale|PERSON] and [Ann Ford|PERSON].",
     {"Tom Hale participatedIn Kelso Summit", "Ann Ford participatedIn Kelso Summit"}),
    # the contenders for a party's nomination are its members
    ("It was said. Candidates for the [Zarin Party|ORG] nomination include [Ann Ford|PERSON] and [Tom Hale|PERSON].",
     {"Ann Ford memberOf Zarin Party", "Tom Hale memberOf Zarin Party"}),
    # running for a party's nomination is running for the party
    ("It was said. [Tom Hale|PERSON] ran unsuccessfully for the [Zarin Party|ORG]'s 2008 presidential nomination.",
     {"Tom Hale memberOf Zarin Party"}),
    # 'respectively' pairs the subjects with the objects in order
    ("It was said. [Tom Hale|PERSON] and [Ann Ford|PERSON] attended the [Kelso Summit|EVENT] and the "
     "[Zarin Forum|EVENT] respectively.", {"Tom Hale participatedIn Kelso Summit", "Ann Ford participatedIn Zarin Forum"}),
    # a clause whose verb is the copula ('during which he served as')
    ("[Tom Hale|PERSON] was born in Kelso. From 1967 to 1995 he was a member of the [Zarin Parliament|ORG] during "
     "which he twice served as prime minister.", {"Tom Hale memberOf Zarin Parliament", "Tom Hale title prime minister"}),
    # a headline's verb the tagger took for a noun is no word of the title after it
    ("[Trump|PERSON] ousts national security advisor [Ann Ford|PERSON]\n\nTuesday, September 10, 2019\n\n"
     "President Trump fired Ann Ford on Tuesday.", {"Ann Ford title national security advisor"}),
    # a list of roles after a name, ending in 'and', is the person's; names in the list are others'
    ("[Tom Hale|PERSON], a lawyer, activist and radio host, spoke.",
     {"Tom Hale title lawyer", "Tom Hale title activist", "Tom Hale title radio host"}),
    ("[Tom Hale|PERSON], a lawyer, [Ann Ford|PERSON], a doctor, and [Joe Bloggs|PERSON], an activist, spoke.",
     {"Tom Hale title lawyer", "Ann Ford title doctor", "Joe Bloggs title activist"}),
    # what the organisation is, between the place it is based in and its name
    ("The [Texas|PLACE]-based software company [Varga Software|ORG] settled the case.",
     {"Varga Software locatedIn Texas"}),
    # the body named again by its head word, not only 'the party' or 'the commission'
    ("The [Farlow Institute|ORG] published a report. The institute's director, [Ann Ford|PERSON], said so.",
     {"Ann Ford leads Farlow Institute", "Ann Ford title director"}),
    ("[Acme Corp|ORG] and the [Kelso Football Association|ORG] met. [Ann Ford|PERSON], the association's president,"
     " said so.", {"Ann Ford leads Kelso Football Association", "Ann Ford title president"}),
])
def test_patterns_state_what_the_sentence_says(nlp, sentence, stated):
    assert stated <= facts(nlp, sentence)


@pytest.mark.parametrize("sentence, wrong", [
    # 'a director of Y', 'a leader of Y': one of several, a member (but 'a former president' led)
    ("[Tom Hale|PERSON], a leader of the [Kharaj Front|ORG], was killed.", {"Tom Hale leads Kharaj Front"}),
    ("[Tom Hale|PERSON] was also an original director of the [Lakeside Foundation|ORG].",
     {"Tom Hale leads Lakeside Foundation"}),
    ("[Zanzar|PLACE]'s [Muslim|GROUP] leader [Tom Hale|PERSON] spoke.", {"Tom Hale leads Zanzar"}),
    # 'both' / 'they' stand for the people of the sentence before only when it named two or three
    ("[Tom Hale|PERSON] met reporters. They are members of the [Zarin Party|ORG].",
     {"Tom Hale memberOf Zarin Party"}),
    # a first role that names its own field is not of what the second's of-phrase names
    ("[Tom Hale|PERSON], a union leader and co-founder of the [Green Party|ORG], spoke.",
     {"Tom Hale leads Green Party"}),
    # "according to X, ...": the news' source, then the main clause's subject
    ("According to his publicist, [Tom Hale|PERSON] died of a stroke.", {"Tom Hale title publicist"}),
    # (the news source typed as a place, as the tagger does at times)
    ("According to [Lakeside Daily|PLACE], [Turkey|PLACE] has two million refugees.", {"Lakeside Daily locatedIn Turkey"}),
    # where a fight is, not where its side is
    ("They vowed to resist the [Kharaj Front|ORG] in the [Zarin valley|PLACE].", {"Kharaj Front locatedIn Zarin valley"}),
    ('"He is the director of the [Lakeside Institute|ORG]," [Ann Ford|PERSON] said.',
     {"Ann Ford leads Lakeside Institute"}),
    ("The [Zarin Party|ORG] won in [Zanzar|PLACE]. Its president, [Tom Hale|PERSON], resigned.",
     {"Tom Hale leads Zarin Party"}),
    # who condemns an attack is not its author
    ("[Tom Hale|PERSON] condemned the attack on the [Kharaj Front|ORG].", {"Tom Hale opposes Kharaj Front"}),
    # a people's name is no party's, even when a body's name starts with it
    ("The [Kharaj Front|ORG] met. [Tom Hale|PERSON], a [Kharaj|GROUP] from Lakeside, spoke.",
     {"Tom Hale memberOf Kharaj Front"}),
    ("[Ann Ford|PERSON] serves as the head of the [Zarin Party|ORG]'s youth wing.", {"Ann Ford leads Zarin Party"}),
    # peers in a list are not in one another
    ("Primaries were held in [Florida|PLACE], [Illinois|PLACE], [Ohio|PLACE], and [Arizona|PLACE].",
     {"Illinois locatedIn Ohio", "Florida locatedIn Illinois"}),
    ("Primaries were held in [Florida|PLACE], [Georgia|PLACE], [Kansas|PLACE] and [Ohio|PLACE].",
     {"Florida locatedIn Georgia"}),
    ("In a case of the [Lakeside Coalition|ORG], [U.S.|PLACE] District Judge [Tom Hale|PERSON] ruled.",
     {"Lakeside Coalition locatedIn U.S."}),
    # a title before a name does not reach past another person
    ("Guests included [Ann Bottoms|PERSON], former adviser [Susan Rice|PERSON], and [New Mexico|PLACE] governor "
     "[Michelle Grisham|PERSON].", {"Ann Bottoms title former adviser", "Susan Rice leads New Mexico"}),
    # a speaker of a chamber leads the chamber, not the country
    ("[US|PLACE] Speaker [Nancy Pelosi|PERSON] announced an inquiry.", {"Nancy Pelosi leads US"}),
    # a role word before a name says nothing of an organisation named earlier
    ("The [Senate|ORG] confirmed judge [Amy Barrett|PERSON].", {"Amy Barrett memberOf Senate"}),
    # the subject of the next clause is no apposition
    ("Per request of Prime Minister [Tom Hale|PERSON], the Queen suspended parliament.", {"Tom Hale title queen"}),
    ("Lakeside Research Institute Director [Ann Ford|PERSON] said so.",
     {"Ann Ford title lakeside research institute director", "Ann Ford title institute director"}),
    ("[Tom Hale|PERSON] is the author of the current economic and political challenges.",
     {"Tom Hale title author of the current economic"}),
    # an event's name before a noun says when, not where it was held
    ("A [Gulf War|EVENT] era plane crashed in [Zanzar|PLACE] on Monday.", {"Gulf War locatedIn Zanzar"}),
    # a role a place's name owns is not of the body after the name
    ("Incumbent [Ruritania|PLACE] President [Tom Hale|PERSON] of the [Green Unity Party|ORG] trailed.",
     {"Tom Hale leads Green Unity Party"}),
    # a wish is no fact
    ("[Tom Hale|PERSON] hopes to become the chairman of the [Lakeside Bank|ORG].", {"Tom Hale leads Lakeside Bank"}),
    # what the sentence denies
    ("[Ann Ford|PERSON] was not a candidate in the [Lakeside by-election|EVENT].",
     {"Ann Ford title candidate", "Ann Ford participatedIn Lakeside by-election"}),
    ("[Tom Hale|PERSON] has never been a member of the [Zarin Front|ORG].", {"Tom Hale memberOf Zarin Front"}),
    ("[Ann Ford|PERSON] did not attend the [Lakeside Peace Summit|EVENT].",
     {"Ann Ford participatedIn Lakeside Peace Summit"}),
    ("[Tom Hale|PERSON] never joined the [Zarin Front|ORG].", {"Tom Hale memberOf Zarin Front"}),
    ("Talks between the [Kharaj Army|ORG] and the [Zarin Front|ORG] resumed.", {"Kharaj Army opposes Zarin Front"}),
    ("[Tom Hale|PERSON] did not win the [Zarin Party|ORG] nomination.", {"Tom Hale memberOf Zarin Party"}),
    ("Talks between the prime minister and opposition leader [Tom Hale|PERSON] failed.",
     {"Tom Hale title prime minister"}),
    ("They nominated [Ann Ford|PERSON] for president and rapper [Tom Hale|PERSON] for vice president.",
     {"Tom Hale title president"}),
    ("[Tom Hale|PERSON], co-inventor of the [Kharaj|ORG] code, spoke.", {"Tom Hale memberOf Kharaj"}),
    # 'who' after a kin's or a trade's noun in an apposition is that person, not the name
    ("[Tom Hale|PERSON], the son of a farmer who leads the [Zanzar Front|ORG], spoke.",
     {"Tom Hale leads Zanzar Front"}),
    # a leader is not also a member
    ("[Ann Ford|PERSON], the founder and chief executive of the [Kharaj Trust|ORG], spoke.",
     {"Ann Ford memberOf Kharaj Trust"}),
    # a place after an organisation and a comma may open the next clause
    ("According to the [Lakeside Herald|ORG], [Kenya|PLACE] has increased its trade.",
     {"Lakeside Herald locatedIn Kenya"}),
    # ('forward' as an adverb is no position)
    ("[Ann Ford|PERSON] said she is looking forward to it.", {"Ann Ford title forward"}),
    # what a verb of calling or criticising names someone as is a label, no title
    ("[Tom Hale|PERSON] blasted [Ann Ford|PERSON] as a career politician.", {"Ann Ford title career politician"}),
    # a party's leader in a chamber leads the party's members there, not the chamber
    ("Its leader in the [Senate|ORG], [Ann Ford|PERSON], said so.", {"Ann Ford leads Senate"}),
    # capitalised words before a name are the name's, not a title's complement
    ("It is a crisis, said [Tom Hale|PERSON], director of Youth Forum [Zanzar|PLACE].",
     {"Tom Hale title director of youth"}),
    # ("a head of X's army": a part of a place's, no leadership of the place)
    ("[Omar Haidari|PERSON], head of [Zanzar|PLACE]'s army, visited troops.", {"Omar Haidari leads Zanzar"}),
    # a clause about a ticket names no one on it; a body that confirms a nominee is not a party
    ("The [Zarin Party|ORG] nominated the ticket to assist President [Tom Hale|PERSON]'s re-election.",
     {"Tom Hale memberOf Zarin Party"}),
    ("The [Senate|ORG] confirmed [Ann Ford|PERSON], whom [Tom Hale|PERSON] had nominated.", {"Ann Ford memberOf Senate"}),
    # who is asked does it, not who asks; a plan or a refusal is no fact
    ("[Tom Hale|PERSON] asked [Ann Ford|PERSON] to attend the [Lakeside Peace Forum|EVENT].",
     {"Tom Hale participatedIn Lakeside Peace Forum"}),
    ("[Tom Hale|PERSON] met the man to lead the [Lakeside Institute|ORG].", {"Tom Hale leads Lakeside Institute"}),
    ("[Tom Hale|PERSON] refused to play for [Lakeside United|ORG].", {"Tom Hale memberOf Lakeside United"}),
    ("[Ann Ford|PERSON] plans to attend the [Lakeside Peace Forum|EVENT].", {"Ann Ford participatedIn Lakeside Peace Forum"}),
    ("[Ann Ford|PERSON] worked for three years for Representative [Tom Hale|PERSON] as an aide.",
     {"Tom Hale title aide"}),
    # one more of a count is no office; a place that opens another name of a list is no one's place; a
    # name of another clause is not what an 'anti-' modifies
    ("A third president, [Tom Hale|PERSON], would have faced impeachment but resigned.", {"Tom Hale title third president"}),
    ("The plaintiffs were listed as [Zarin Native Voice|ORG], [Norway|PLACE] Native Vote and others.",
     {"Zarin Native Voice locatedIn Norway"}),
    ('An analysis of anti-[Zarin|ORG] memes showed "[Lakeside Joe|PERSON]" as a popular characterization.',
     {"Lakeside Joe opposes Zarin"}),
    ("[Omar Haidari|PERSON], a [Kharaj Front|ORG] leader, was killed on Sunday.", {"Omar Haidari leads Kharaj Front"}),
    ("[Ann Ford|PERSON], head of the [Kharaj Union|ORG] mission in [Norway|PLACE], spoke on Monday.",
     {"Ann Ford leads Kharaj Union"}),
    # in a list of names each with its apposition, a role after one name is not the next name's
    ("The talks were attended by [Ann Ford|PERSON], the mayor of [Nairobi|PLACE], [Tom Hale|PERSON], the governor "
     "of [Texas|PLACE], and [Omar Haidari|PERSON], the leader of the [Kharaj Front|ORG].",
     {"Tom Hale leads Nairobi", "Tom Hale title mayor", "Omar Haidari leads Texas", "Omar Haidari title governor"}),
    ("[Ann Ford|PERSON], the party's nominee for vice president, spoke.", {"Ann Ford title party nominee"}),
    ("[Tom Hale|PERSON] praised his [Lakeside Institute|ORG] colleagues.", {"Tom Hale memberOf Lakeside Institute"}),
    ("[Tom Hale|PERSON] spoke for two hours at the [Lakeside Institute|ORG].", {"Tom Hale memberOf Lakeside Institute"}),
    # a role word that the word before makes no role
    ("[Tom Hale|PERSON], who founded the [Lakeside Food Bank|ORG], is my role model.", {"Tom Hale title role model"}),
    # a body that names someone something that is not its own office
    ("[Harbourview Bank|ORG] named [Tom Hale|PERSON] the best driver of the year.",
     {"Tom Hale leads Harbourview Bank", "Tom Hale title best driver of the year"}),
    # a leader of the party named after the holder is not the country's leader
    ("[Poland|PLACE] votes on Sunday. [Polish|GROUP] leader [Tom Hale|PERSON] of the conservative [Zarin Party|ORG] "
     "promised money.", {"Tom Hale leads Poland"}),
    # (not the country in the place)
    ("Fighting broke out in the [Kharaj|PLACE] region of [Sudan|PLACE] on Monday.", {"Sudan locatedIn Kharaj"}),
    # a person who 'attacked' another 'for' or 'as' something criticised them
    ("[Tom Hale|PERSON] attacked [Ann Ford|PERSON] for accumulating wealth.", {"Tom Hale opposes Ann Ford"}),
    ("[Tom Hale|PERSON] attacked [Ann Ford|PERSON] as a consistent opponent.", {"Tom Hale opposes Ann Ford"}),
    # a role right before another person's name is that person's
    ("[Tom Hale|PERSON] was an adviser. He had served [Iran|PLACE]'s Supreme Leader [Ann Ford|PERSON] since 2017.",
     {"Tom Hale leads Iran", "Tom Hale title supreme leader"}),
    # the place of a body's meeting is the meeting's, not the body's
    ("Studies were presented at the annual meeting of the [Zarin Society|ORG] in [Orlando|PLACE] on Monday.",
     {"Zarin Society locatedIn Orlando"}),
    # a body that appoints someone to an office of something else does not make them its own head
    ("The [Kharaj Front|ORG] appointed [Tom Hale|PERSON] as governor of [Kandahar|PLACE].",
     {"Tom Hale leads Kharaj Front"}),
    # a place after a holder's name that modifies another word is not what the role is of
    ("Governor [Tom Hale|PERSON] of [Zanzar|PLACE]'s northern province resigned.", {"Tom Hale leads Zanzar"}),
    # a quoted 'he' is someone the speaker means, also in a quotation's second sentence
    ('[Tom Hale|PERSON], a member of the [Lakeside Council|ORG], said, "He was an excellent orator [...] For the '
     '[Zarin Party|ORG], he was the helmsman."', {"Tom Hale title helmsman"}),
    # 'respectively' pairs the subjects with the objects in order, not crosswise
    ("It was said. [Tom Hale|PERSON] and [Ann Ford|PERSON] attended the [Kelso Summit|EVENT] and the "
     "[Zarin Forum|EVENT] respectively.", {"Tom Hale participatedIn Zarin Forum", "Ann Ford participatedIn Kelso Summit"}),
    # the place of a fight against a body is the fight's
    ("The Kurds were instrumental in our successful fight against [ISIS|ORG] in [Syria|PLACE].",
     {"ISIS locatedIn Syria"}),
    # the subject of a clause on the noun a copula is about is not the copula's
    ("[Tom Hale|PERSON] spoke on Monday. The first book that he read was The Atheist Muslim by Ali Rizvi.",
     {"Tom Hale title atheist"}),
    ("[Tom Hale|PERSON] spoke on Monday. The first job he took was the mayor's aide.", {"Tom Hale title mayor"}),
    # a stance is no post, whatever its modifiers
    ("It was said. [Tom Hale|PERSON] was an early supporter of democracy, and has been mayor since 1998.",
     {"Tom Hale title early supporter of democracy"}),
    ("It was said. [Tom Hale|PERSON], a close ally of [Ann Ford|PERSON], spoke.", {"Tom Hale title close ally"}),
    # a role supposed, or spoken of as a prospect, is no one's
    ("[Tom Hale|PERSON] spoke. He said that unless he was the mayor, it would not happen.", {"Tom Hale title mayor"}),
    ("[Ann Ford|PERSON] emerged as a contender, joining Senators [Tom Hale|PERSON] and [Joe Bloggs|PERSON] as "
     "potential candidates.", {"Tom Hale title potential candidate", "Joe Bloggs title potential candidate"}),
    # ... not when its subject is a pronoun too ('he' and 'him' are read the wrong way round)
    ("[Tom Hale|PERSON] hired [Usman Zarin|PERSON]. He got rich by attacking him.",
     {"Tom Hale opposes Usman Zarin", "Usman Zarin opposes Tom Hale"}),
    # a person who 'attacked' another with no weapon did it in words: criticism, no opposition
    ("[Ann Ford|PERSON] attacked [Tom Hale|PERSON] during the debates on Tuesday.", {"Ann Ford opposes Tom Hale"}),
    # a meeting 'on' a country is about it, not in it
    ("Leaders attended the [Lakeside Conference|EVENT] on [Zanzar|PLACE] last week.",
     {"Lakeside Conference locatedIn Zanzar"}),
])
def test_patterns_do_not_state_what_the_sentence_does_not_say(nlp, sentence, wrong):
    assert not wrong & facts(nlp, sentence)


def test_shapes_are_checked_when_compiled():
    with pytest.raises(ShapeError, match="unknown word class"):
        compile_shape("who:PERSN COMMA")
    with pytest.raises(ShapeError):
        compile_shape("(ORG|PLACE")
    assert compile_shape("who:PERSON COMMA? role:TITLE").match("P,R")


def test_a_learned_model_adds_the_pairs_it_is_sure_of_and_nothing_else(nlp, monkeypatch, tmp_path):
    """graph/extract/relations/learned.py: a model whose one weight is 'the words between the two
    names are "has long advised"' states memberOf for that pair only, with its probability."""
    from newskg.graph.extract.relations import learned

    sentence = "[Tom Hale|PERSON] has long advised the [Lakeside Trust|ORG], and [Ann Ford|PERSON] visited the [Ruritania Club|ORG]."
    assert "Tom Hale memberOf Lakeside Trust" not in facts(nlp, sentence)  # no pattern says so
    weights = {p: {} for p in learned.PREDICATES}
    weights["memberOf"] = {"f:between=have long advise the": 8.0}
    model = tmp_path / "relations.json"
    model.write_text(json.dumps({"weights": weights, "bias": {p: -4.0 for p in learned.PREDICATES},
                                 "threshold": {p: 0.5 for p in learned.PREDICATES}}))
    monkeypatch.setenv("KG_RELATION_MODEL", str(model))
    found = facts(nlp, sentence)
    assert "Tom Hale memberOf Lakeside Trust" in found
    assert "Ann Ford memberOf Ruritania Club" not in found and "Ann Ford memberOf Lakeside Trust" not in found


def test_the_training_rows_of_a_gold_part_hold_the_patterns_relations_by_gold_id(extractor, tmp_path):
    """graph/train_relations.py reads a validation part (articles.jsonl, gold/) into what
    cross-validation and training weigh: the patterns' relations and the gold's, by gold id."""
    from newskg.graph import train_relations

    text = "Tom Hale, the leader of the Kharaj Front, spoke in Lakeside. Ann Ford visited Zanzar."
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "a1", "text": text}) + "\n")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a1.json").write_text(json.dumps({
        "document": "a1",
        "entities": [{"id": "hale", "type": "PERSON", "label": "Tom Hale", "aliases": ["Hale"]},
                     {"id": "front", "type": "ORG", "label": "Kharaj Front", "aliases": []},
                     {"id": "ford", "type": "PERSON", "label": "Ann Ford", "aliases": []}],
        "relations": [{"subject": "hale", "predicate": "leads", "object": "front"},
                      {"subject": "hale", "predicate": "title", "value": "leader"}]}))
    rows, examples = train_relations.article_rows([tmp_path], extractor)
    (article, ids, rules, pairs, stated), = rows
    assert article == "a1" and stated == {("hale", "leads", "front")}
    assert {(ids.get(s), p, ids.get(o)) for s, p, o in rules} == {("hale", "leads", "front")}
    assert any(e.label and (e.subject, e.predicate, e.object) == ("hale", "leads", "front") for e in examples)


def test_running_for_a_legislature_is_no_membership_of_it(extractor):
    # one runs for a party as its member, but for Congress to sit in it
    e = extractor.extract_one(Article(id="t", text="Tom Hale, a veteran, spoke. Hale ran for the US Congress in 2010 "
                                                   "and later ran for the Liberal Democrats.", source="t"))
    got = {(e.entities[r.subject].label, r.predicate, e.entities[r.object].label) for r in e.relations
           if r.object is not None}
    assert ("Tom Hale", "memberOf", "US Congress") not in got


def test_a_states_body_named_generically_is_the_states_and_a_us_senator_sits_in_no_states_senate(extractor):
    e = extractor.extract_one(Article(id="t", text="In 1998, Ann Ford ran for a seat in Texas's state Senate. In 2008 "
                                                   "she defeated US Senator Tom Hale.", source="t"))
    labels = {x.label for x in e.entities}
    got = {(e.entities[r.subject].label, r.predicate, e.entities[r.object].label) for r in e.relations
           if r.object is not None}
    assert "Texas Senate" in labels and ("Tom Hale", "memberOf", "Texas Senate") not in got


def test_a_representative_sits_in_the_most_specific_chamber_the_article_names(extractor):
    e = extractor.extract_one(Article(id="t", text="Representative Ann Ford spoke on Monday. The United States "
                                                   "Congress met, and the United States House of Representatives "
                                                   "voted.", source="t"))
    got = {(e.entities[r.subject].label, r.predicate, e.entities[r.object].label) for r in e.relations
           if r.object is not None}
    assert ("Ann Ford", "memberOf", "United States House of Representatives") in got
    assert ("Ann Ford", "memberOf", "United States Congress") not in got


def test_a_congresswoman_sits_in_no_states_house(extractor):
    e = extractor.extract_one(Article(id="t", text="Congresswoman Ann Ford spoke in Lansing. The Michigan House of "
                                                   "Representatives voted on Monday.", source="t"))
    got = {(e.entities[r.subject].label, r.predicate, e.entities[r.object].label) for r in e.relations
           if r.object is not None}
    assert not any(p == "memberOf" and "Michigan" in o for _, p, o in got)


def test_a_shape_matches_at_every_start_the_longest_there_overlapping_ones_included():
    # (matches() finds them by searching from each match's start on: a refactor that must keep
    # what trying every position gave)
    from newskg.graph.extract.relations.shapes import SYMBOLS, matches
    person, role, org = SYMBOLS["PERSON"], SYMBOLS["ROLE"], SYMBOLS["ORG"]
    found = [(m.start(), m.end()) for m in matches("PERSON+ ROLE?", person + person + org + person + role)]
    assert found == [(0, 2), (1, 2), (3, 5)]
    assert [m.group("who") for m in matches("who:PERSON ROLE", org + person + role + person)] == [person]
