"""The relation patterns: how a sentence states who holds which role where, who is in what
place, who took part in or fought what. Each is a shape over the sentence's units (shapes.py:
names by type, other words by class) with the parts it binds, what it states, an example and
what the example states (tests/test_relation_rules.py checks every one; in an example, a name
is written [Name|TYPE]), and a confidence.

What each `act` does with the bound parts (finder.py):
  role        `who` holds the role in `role` (and `comp`): a title, and `leads` or `memberOf`
              what the role is of (`of`, else `owner`) by the role's kind (roles.py); a `region`
              of the owner ("Y's Americas director") makes it a member's role; a `side` is a party's
              word between the owner and the role ("Maryland's Republican Governor X"), no other group;
              an `its` must be 'its' or 'their' ("Y named X its president", not "X the best driver")
  role_affiliated  as `role`, for a body named after the holder: an office of state before the name
              makes the body the holder's own ("President X of the Y Party": a member), any
              other role is of the body ("leader X of the Y Party")
  role_of_place  `who` holds the role of the place of the kind `place` names ("the country's
              president") the article named last before
  role_each   each of `who` and `others` holds a role named in the plural ("senators X and Y"); a
              holder's own place after its name (`own`, for the first) is what its role is of
  role_of_body  `who` holds the role of the organisation the article named last before, when
              `body` is a word for an organisation ("the group's leader, X")
  office_held `who` held the office `office` names ("X's presidency": the title "president")
  role_of_them  each person the sentence before named holds the plural role ("Both are members of Y")
  member      `who` is a member of the organisation `org`
  seat_holder `who` is a member of the chamber `org` whose seat (`seat`) the text says is theirs
  kin         `child` is a child of `parent` (the other way round for "father", "mother")
  kin_of_pronoun  `named` (and `others`) are children of whom "his" or "her" stands for (its
              parents, for "father", "parents")
  party_of_pronoun  whom "his" or "her" stands for is a member of `org`, when `body` is a word for a
              party or a movement ("her party, One Cebu") or, with no `body`, the name is a party's
              ("his Labour Party"); its leader when a leader's title stands right before the
              person's name ("opposition leader X said his Y Party")
  located     `inner` is in `outer` (for a place after a place, only a larger one)
  located_each  each organisation of `inner` and `last` is in `outer`
  opposes     `subject` opposes `object`
  takes_part  `subject` (and `other`) took part in `event`
  contends    `subject` took part in `event`, when `part` is a word for a participant ("candidate")
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    shape: str
    act: str
    example: str
    states: tuple[str, ...]  # what the example states: "Subject predicate Object-or-title"
    confidence: float = 0.8


# the complement of a role that is part of its title: "head of foreign relations", "co-director of
# the women's rights division", "commissioner of the New York police" (a place's name before a
# noun is what the noun is of), "consultant on Afghanistan", "ambassador to France and Canada", "envoy
# to the African Union"; not
# the words before a name ("head of the ruling [Sovereign Council]": what the role is of)
COMP = ("comp:((OF DET? (WORD|MOD|ROLE|POSS|HYPHEN|PLACE_NOUN)* (WORD|MOD|ROLE|HYPHEN|PLACE_NOUN) "
        "!((WORD|MOD|ROLE|HYPHEN|PLACE_NOUN)* (POSS|ORG|PLACE|EVENT))) "
        "| (OF DET? (PLACE|GROUP) PLACE_NOUN? WORD (WORD|PLACE_NOUN)*) "
        "| (OF DET? GROUP PLACE_NOUN !OF) "
        "| (ON_TO DET? (PLACE|ORG|WORD|MOD|HYPHEN)+ (AND (PLACE|ORG))? !POSS))?")
# what a role is of, after it: "leader of the Front", "spokesman for the army", "professor at Y",
# "director of Argentina's Amnesty International", "CEO of Virginia-based Y", "a member of the
# movement's Supreme Political Council"
# ("governor of the Moquegua region", "mayor of the Polish city of Gdansk": the place's kind after or
# before its name)
# "chairman of Sudan's ruling Sovereign Council", "head of NATO's Military Committee": the body after a possessive
OF = ("(rel:(OF|PREP|FOR|FROM|IN) DET? MOD* (OPPOSE_NOUN|WORD)? ((PLACE|WORD|ORG|PERSON) POSS MOD* WORD?)? "
      "(PLACE HYPHEN BASED)? "
      "(GROUP (MOD|WORD)* PLACE_NOUN OF)? of:(ORG|PLACE|GROUP) (<!(ORG|GROUP) PLACE_NOUN)?)?")
# one role, or two joined by "and": "president and chief executive officer of Y"
ROLES = "role:(TITLE (AND DET? MOD* TITLE)?)"
# after a name and its comma, a list of roles ending in "and" is one person's: "X, a lawyer,
# activist and radio host" (before a name it may be several people's: "the mayor, police chief and
# senator X")
ROLE_LIST = "role:(TITLE ((COMMA DET? MOD* TITLE)* COMMA? AND DET? MOD* TITLE)?)"
# the inside of an apposition, up to a conjunct: no comma, no other person
NOT_A_NAME = "(!PERSON ANY)*"
# a title's match starts at its first word: "<!" keeps a match from also starting inside it
AT_TITLE_START = "<!(MOD|WORD|ROLE|HYPHEN|PLACE_NOUN|ANTI|FIELD_AND)"

RULES = [
    # -- roles -------------------------------------------------------------------------------
    Rule("title-before-name", f"<!MOD pre:MOD* owner:(ORG|PLACE|GROUP) (POSS side:GROUP?)? role:TITLE {COMP} "
         "who:PERSON", "role",
         "[Kharaj|ORG] spokesperson [Omar Haidari|PERSON] said they would stay.",
         ("Omar Haidari memberOf Kharaj", "Omar Haidari title spokesperson"), 0.85),
    # (each holder's own place after its name: "Presidents X of Kharaj and Y of Zanzar")
    Rule("plural-title-before-names", f"{AT_TITLE_START} pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? "
         "role:((MOD|WORD|HYPHEN|PLACE_NOUN)* PLURAL_ROLE) who:PERSON (OF own:PLACE)? "
         "others:((COMMA PERSON (OF PLACE)?)* COMMA? AND PERSON (OF PLACE)?)", "role_each",
         "[Ruritania|PLACE]'s senators [Tom Hale|PERSON] and [Ann Ford|PERSON] proposed term limits.",
         ("Tom Hale title senator", "Ann Ford title senator"), 0.8),
    # ("two former presidents, X and Y, attended": the role, then its holders in apposition)
    Rule("plural-title-then-names", f"{AT_TITLE_START} WORD? pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? "
         "role:((MOD|HYPHEN|PLACE_NOUN)* PLURAL_ROLE) COMMA who:PERSON (COMMA IN OTHER)? "
         "others:((COMMA PERSON (COMMA IN OTHER)?)* COMMA? AND PERSON) (COMMA IN OTHER)? COMMA", "role_each",
         "Two former senators, [Tom Hale|PERSON] and [Ann Ford|PERSON], proposed term limits.",
         ("Tom Hale title former senator", "Ann Ford title former senator"), 0.75),
    # (the role alone: "Republican members of the House X and Y" are members, their party aside)
    Rule("plural-role-of-body-before-names", f"{AT_TITLE_START} (MOD|WORD|HYPHEN|GROUP)* role:PLURAL_ROLE OF DET? "
         "of:ORG who:PERSON others:((COMMA PERSON)* COMMA? AND PERSON)", "role_each",
         "Senior members of the [National Assembly|ORG] [Tom Hale|PERSON] and [Ann Ford|PERSON] voted against it.",
         ("Tom Hale memberOf National Assembly", "Ann Ford memberOf National Assembly"), 0.8),
    Rule("names-then-plural-role", "who:PERSON others:((COMMA PERSON)* COMMA? AND PERSON) COMMA OTHER? DET? pre:MOD* "
         "role:PLURAL_ROLE OF DET? of:ORG", "role_each",
         "[Tom Hale|PERSON] and [Ann Ford|PERSON], both members of the [National Assembly|ORG], voted against it.",
         ("Tom Hale memberOf National Assembly", "Ann Ford memberOf National Assembly"), 0.75),
    # ("X and Y were sharecroppers", "X and Y, both lawyers, ...": each holds the role)
    Rule("names-are-plural-role", "who:PERSON others:((COMMA PERSON)* COMMA? AND PERSON) "
         "((COMMA? COPULA+ DET?)|(COMMA OTHER DET?)) pre:(MOD|WORD|HYPHEN)* "
         f"role:PLURAL_ROLE {COMP} {OF} !(PERSON|POSS)", "role_each",
         "[Tom Hale|PERSON] and [Ann Ford|PERSON] were tenant farmers in the valley.",
         ("Tom Hale title tenant farmer", "Ann Ford title tenant farmer"), 0.7),
    Rule("pair-then-plural-role", "^ them:(OTHER|DET) COPULA+ DET? pre:MOD* role:PLURAL_ROLE (OF|PREP) DET? of:ORG",
         "role_of_them", "[Tom Hale|PERSON] and [Ann Ford|PERSON] met. Both are members of the [Zarin Party|ORG].",
         ("Tom Hale memberOf Zarin Party", "Ann Ford memberOf Zarin Party"), 0.7),
    # ("the group's leader, X", "the rebel group's negotiator, X": the organisation the article named last;
    # a party, for "the party's")
    Rule("role-of-the-body-before-name",
         f"DET (WORD|MOD|HYPHEN)* body:(WORD|MOD) POSS pre:MOD* {ROLES} {COMP} COMMA? who:PERSON",
         "role_of_body",
         "The [Zarin Front|ORG] said that the group's leader, [Karim Haidari|PERSON], had been killed.",
         ("Karim Haidari leads Zarin Front", "Karim Haidari title leader"), 0.7),
    # ("a spokesman for the group, X said", "the leader of the movement, X": the organisation the
    # article named last)
    Rule("role-for-the-body-before-name",
         f"{AT_TITLE_START} DET pre:MOD* role:TITLE (FOR|OF|PREP) DET (WORD|MOD|HYPHEN)* body:(WORD|MOD) COMMA "
         "who:PERSON", "role_of_body",
         "The [Zarin Front|ORG] took the town, a spokesman for the group, [Omar Haidari|PERSON], said.",
         ("Omar Haidari memberOf Zarin Front", "Omar Haidari title spokesman"), 0.7),
    # (not "X, the party's leader": 'party' is a word of titles too, read by apposition-after-name)
    Rule("role-of-the-body-after-name", f"who:PERSON COMMA DET body:WORD POSS pre:MOD* {ROLES} {COMP}",
         "role_of_body",
         "The [Zarin Front|ORG] seized the town, said [Omar Haidari|PERSON], the group's military spokesman.",
         ("Omar Haidari memberOf Zarin Front", "Omar Haidari title military spokesman"), 0.7),
    # ("the country's president, X": the country the article named last)
    Rule("role-of-the-place-before-name", f"DET place:PLACE_NOUN POSS pre:MOD* {ROLES} {COMP} COMMA? who:PERSON",
         "role_of_place",
         "Voters in [Chile|PLACE] went to the polls. The country's president, [Tom Hale|PERSON], voted.",
         ("Tom Hale leads Chile", "Tom Hale title president"), 0.7),
    Rule("role-of-the-place-after-name", f"who:PERSON COMMA DET place:PLACE_NOUN POSS pre:MOD* {ROLES} {COMP}",
         "role_of_place",
         "Floods hit [Lakeside|PLACE]. [Ann Ford|PERSON], the city's mayor, said so.",
         ("Ann Ford leads Lakeside", "Ann Ford title mayor"), 0.7),
    Rule("role-named", f"DET pre:(MOD|WORD|GROUP)* {ROLES} NAMING who:PERSON", "role",
         "Another, a Polish chef named [Tomasz Wolny|PERSON], held him back.",
         ("Tomasz Wolny title chef",), 0.75),
    # (the body after the name is what the role is of: "Polish leader X of the Y Party"; not after a
    # place's or body's name, whose the role is: "US President X of the Republican Party")
    Rule("title-before-name-of-body", f"<!(PLACE|ORG|POSS) {AT_TITLE_START} pre:MOD* owner:GROUP? role:TITLE "
         "who:PERSON COMMA? OF DET? (MOD|WORD)* of:ORG", "role_affiliated",
         "Former leader [Tom Hale|PERSON] of the conservative [Green Unity Party|ORG] declared his plans.",
         ("Tom Hale leads Green Unity Party", "Tom Hale title former leader"), 0.75),
    # (a place after the name is what the role is of, as for each of several holders: "President X of
    # Y said"; not a place that is a modifier: "Representative X of Y's seventh district")
    Rule("title-before-name-of-place", f"<!(PLACE|ORG|POSS) {AT_TITLE_START} pre:MOD* role:TITLE who:PERSON "
         "OF of:PLACE !(POSS|PLACE_NOUN|HYPHEN)", "role",
         "President [Ann Ford|PERSON] of [Zanzar|PLACE] said the talks had failed.",
         ("Ann Ford leads Zanzar", "Ann Ford title president"), 0.8),
    # (the same after another title of the holder: "AU chairperson President X of Y said")
    Rule("second-title-before-name-of-place", "ROLE role:ROLE who:PERSON OF of:PLACE !(POSS|PLACE_NOUN|HYPHEN)",
         "role", "[Lakeside Union|ORG] chairperson President [Ann Ford|PERSON] of [Zanzar|PLACE] said so.",
         ("Ann Ford leads Zanzar", "Ann Ford title president"), 0.8),
    Rule("bare-title-before-name", f"{AT_TITLE_START} role:TITLE {COMP} who:PERSON", "role",
         "The senators confirmed judge [Amy Barrett|PERSON] on Monday.",
         ("Amy Barrett title judge",), 0.8),
    # (not after "the" or a preposition: "talks between the prime minister and opposition leader X",
    # "X for president and rapper Y for vice president")
    Rule("two-bare-titles-before-name", "<!(MOD|WORD|ROLE|HYPHEN|PLACE_NOUN|ANTI|DET|BETWEEN|OF|FOR|PREP|IN|ON_TO) "
         "role:(TITLE AND TITLE) who:PERSON", "role",
         "Amateur researcher and systems engineer [Tom Hale|PERSON] found the records.",
         ("Tom Hale title amateur researcher", "Tom Hale title systems engineer"), 0.75),
    Rule("title-of-before-name", f"{AT_TITLE_START} pre:MOD* role:TITLE {OF} HONORIFIC* who:PERSON", "role",
         "President of [Ukraine|PLACE] [Volodymyr Zelenskyy|PERSON] said it was a crime.",
         ("Volodymyr Zelenskyy leads Ukraine", "Volodymyr Zelenskyy title president"), 0.85),
    Rule("two-titles-before-name",
         "pre:MOD* owner:(ORG|PLACE|GROUP) POSS? role:TITLE AND (ORG|PLACE|GROUP)? POSS? TITLE who:PERSON", "role",
         "Former [Rhode Island|PLACE] governor and [US|PLACE] Senator [Tom Hale|PERSON] may run.",
         ("Tom Hale leads Rhode Island", "Tom Hale title former governor"), 0.8),
    # (a role followed by a name is that name's title: "X, former adviser Y, ...")
    Rule("apposition-after-name",
         f"who:PERSON COMMA (WHICH COPULA+)? ((OTHER? DET?)|(MOD DET)) pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? "
         f"{ROLE_LIST} {COMP} {OF} "
         "!(PERSON|(OPEN ANY* CLOSE PERSON))", "role",
         "[Karim Darwish|PERSON], the head of foreign relations for the [National Front|ORG], said so.",
         ("Karim Darwish memberOf National Front", "Karim Darwish title head of foreign relations"), 0.85),
    # (a role of another person's: a title, of no body: "X, then-Governor Y's deputy chief of staff")
    Rule("apposition-of-a-persons-role",
         f"who:PERSON COMMA (MOD|HYPHEN|PLACE|GROUP|ORG|ROLE|WORD|DET){{0,6}} PERSON POSS pre:MOD* {ROLES} {COMP} "
         "!(PERSON|POSS)", "role",
         "[Ann Ford|PERSON], then-Governor [Tom Hale|PERSON]'s deputy chief of staff, was convicted.",
         ("Ann Ford title deputy chief of staff",), 0.75),
    # (not the apposition of the name before: "X, the mayor of Y, Z, the governor of W")
    Rule("apposition-before-name",
         f"{AT_TITLE_START} <!POSS <!(PERSON COMMA) <!(PERSON COMMA DET) "
         f"DET? (owner:(ORG|PLACE|GROUP) (POSS region:(PLACE|GROUP))? POSS?)? {ROLES} {COMP} "
         f"{OF} COMMA HONORIFIC* (MOD* ROLE HONORIFIC*)? "
         "who:PERSON",
         "role",
         "A member of the [Zanzari Parliament|ORG], [Karim Haidari|PERSON], said it was right.",
         ("Karim Haidari memberOf Zanzari Parliament",), 0.8),
    # ("X, a Tunisian national, was a columnist for Y": past an apposition, but not "X, the son of
    # Y, who was ...": a relative clause after an apposition is about the name in it)
    Rule("copula", f"who:(PERSON|PRONOUN) (((COMMA (DET|WHICH) ANY{{0,16}})? COMMA) | (COMMA? WHICH))? "
         "(OTHER{1,3}|(LEFT_FOR ON_TO?)|(TRAVEL ON_TO ON_TO))? COPULA+ "
         "(OTHER{1,2} IN? COPULA+)? ((OTHER|NAMING) COPULA?)? DET? "
         f"pre:MOD* "
         f"owner:(ORG|PLACE|GROUP)? POSS? "
         f"{ROLES} {COMP} {OF}", "role",
         "[Ann Ford|PERSON] is also a professor at the [University of Kharaj|ORG].",
         ("Ann Ford memberOf University of Kharaj", "Ann Ford title professor"), 0.75),
    # (a body that names someone to its own office: "Y named X its president", without "as")
    Rule("named-its-role", f"(ORG|PLACE) OTHER{{0,2}} (COPULA|NAMING) who:PERSON its:DET pre:MOD* {ROLES} {COMP} {OF}",
         "role", "[Harbourview Bank|ORG] named [Tom Hale|PERSON] its president in 2019.",
         ("Tom Hale leads Harbourview Bank", "Tom Hale title president"), 0.75),
    # (the second of two roles, each with its own place: "X has served as mayor of Y and governor of Z")
    Rule("copula-later-role", "who:(PERSON|PRONOUN) OTHER{0,2} COPULA+ DET? MOD* ((ORG|PLACE|GROUP) POSS?)? TITLE "
         "(OF|PREP|IN) DET? (ORG|PLACE) AND DET? pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? "
         f"{ROLES} {COMP} {OF} !PERSON", "role",
         "[Tom Hale|PERSON] has served as mayor of [Lakeside|PLACE] and governor of [Zanzar|PLACE].",
         ("Tom Hale leads Zanzar", "Tom Hale title governor"), 0.7),
    # (a role of another person's: a title, of no body: "X served as Y's chief of staff")
    Rule("copula-of-a-persons-role", "who:(PERSON|PRONOUN) (COMMA (OTHER? COMMA)?)? OTHER{0,2} COPULA+ "
         f"PERSON POSS pre:MOD* {ROLES} {COMP} !(POSS|OF|PREP)", "role",
         "[Ann Ford|PERSON] previously served as [Tom Hale|PERSON]'s chief of staff.",
         ("Ann Ford title chief of staff",), 0.7),
    # ("the Zarin Front, whose leader is X", "the army — whose commander-in-chief is President X —")
    Rule("whose-role-is", "of:(ORG|PLACE) (COMMA|OTHER)? WHOSE pre:MOD* role:TITLE COPULA+ DET? (MOD|ROLE|HONORIFIC)* "
         "who:PERSON", "role",
         "The [Zarin Front|ORG], whose leader is [Tom Hale|PERSON], seized the town.",
         ("Tom Hale leads Zarin Front", "Tom Hale title leader"), 0.75),
    # ("the Zarin Front, whose leader X vowed ...": the role before the name)
    Rule("whose-role-before-name", "of:(ORG|PLACE) COMMA WHOSE pre:MOD* role:TITLE HONORIFIC* who:PERSON", "role",
         "The attack was claimed by the [Zarin Front|ORG], whose leader [Tom Hale|PERSON] vowed to fight on.",
         ("Tom Hale leads Zarin Front", "Tom Hale title leader"), 0.75),
    Rule("whose-body", "who:PERSON COMMA WHOSE org:ORG !(WORD|ROLE|MOD|PLURAL_ROLE)", "member",
         "Prime Minister [Tom Hale|PERSON], whose [Zanzar Unity Party|ORG] leads the government, declined.",
         ("Tom Hale memberOf Zanzar Unity Party",), 0.75),
    Rule("party-member-apposition", "who:PERSON COMMA DET party:GROUP !(WORD|ROLE|MOD|PLURAL_ROLE|CONTENDER|HYPHEN)",
         "party_member", "The [Liberal Party|ORG] met. [Tom Hale|PERSON], a [Liberal|GROUP] from Lakeside, spoke.",
         ("Tom Hale memberOf Liberal Party",), 0.75),
    Rule("party-member-before-name", "<!(MOD|WORD|DET|ROLE|HYPHEN) party:GROUP who:PERSON !POSS", "party_member",
         "The [Liberal Party|ORG] met. [Liberal|GROUP] [Tom Hale|PERSON] spoke.",
         ("Tom Hale memberOf Liberal Party",), 0.75),
    Rule("party-and-state", "who:PERSON COMMA? OPEN? letter:(OTHER|WORD) HYPHEN PLACE", "party_member",
         "The [Republican Party|ORG] met. [Tom Hale|PERSON] (R-[Ohio|PLACE]) spoke.",
         ("Tom Hale memberOf Republican Party",), 0.75),
    Rule("office-held", "who:PERSON POSS office:OFFICE", "office_held",
         "The garment was banned during [Tom Hale|PERSON]'s presidency.", ("Tom Hale title president",), 0.7),
    Rule("succeeded-as", f"who:PERSON COMMA? WHICH? (OTHER|COPULA){{0,2}} SUCCEED DET? (MOD|WORD|ROLE)* PERSON COMMA? "
         f"(OTHER|COPULA)* COPULA DET? pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? {ROLES} {COMP} {OF}", "role",
         "[Tom Hale|PERSON] replaced [Ann Ford|PERSON] as leader of the [Zarin Party|ORG] in May.",
         ("Tom Hale leads Zarin Party", "Tom Hale title leader"), 0.75),
    # ("the board named X director": a body names, appoints or elects someone to its office; not to
    # an office of something else: "the Y Front appointed X as governor of Z")
    Rule("named-to-office",
         f"owner:ORG (COPULA|NAMING) who:PERSON (COPULA DET?)? pre:MOD* {ROLES} {COMP} !(PERSON|ORG|POSS|OF)", "role",
         "The [Kharaj Trust|ORG] named [Ann Ford|PERSON] director in 2010.",
         ("Ann Ford leads Kharaj Trust", "Ann Ford title director"), 0.7),
    # ("his tenure as chairman of Y": 'his' is the person the sentence before is about)
    Rule("tenure-as", f"who:DET TENURE COPULA DET? pre:MOD* owner:(ORG|PLACE|GROUP)? POSS? {ROLES} {COMP} {OF}", "role",
         "[Tom Hale|PERSON] retired. During his tenure as chairman of [Kharaj Bank|ORG], profits rose.",
         ("Tom Hale leads Kharaj Bank", "Tom Hale title chairman"), 0.7),
    # (the relative clause of an apposition without a closing comma is about the person too)
    Rule("relative-clause-of-apposition", f"who:PERSON COMMA DET (MOD|WORD|ROLE)* WHICH COPULA+ DET? pre:MOD* "
         f"owner:(ORG|PLACE|GROUP)? POSS? {ROLES} {COMP} {OF}", "role",
         "[Tom Hale|PERSON], a career politician who served as president of [Zanzar|PLACE], died.",
         ("Tom Hale leads Zanzar", "Tom Hale title president"), 0.7),
    Rule("role-in-a-later-conjunct", f"who:PERSON COMMA {NOT_A_NAME} (DET|ROLE) {NOT_A_NAME} AND DET? pre:MOD* "
         f"owner:(ORG|PLACE|GROUP)? "
         f"POSS? role:TITLE {COMP} {OF} !PERSON", "role",
         "[Omar Shah|PERSON], known as the hero of [Zanzar|PLACE] and the leader of the [Northern Front|ORG], died.",
         ("Omar Shah leads Northern Front",), 0.75),
    Rule("speaking-for", "who:PERSON COMMA? COPULA? AT_EVENT FOR DET? (PLACE_NOUN POSS)? (MOD|WORD)* org:ORG",
         "member", "[Tomas Varga|PERSON], speaking for the country's [Fisheries Ministry|ORG], said so.",
         ("Tomas Varga memberOf Fisheries Ministry",), 0.7),
    Rule("naming-oneself", "NAMING SELF role:TITLE ANY* COMMA who:PERSON", "role",
         "Naming herself interim president after the coup, [Leila Ahmed|PERSON] addressed the nation.",
         ("Leila Ahmed title interim president",), 0.75),
    # (past an apposition: "X, the country's first vice-president, declared himself acting president")
    Rule("named-oneself", f"who:(PERSON|PRONOUN) ((COMMA WHICH)|(COMMA ANY{{1,12}} COMMA))? (OTHER|COPULA){{0,2}} "
         f"NAMING SELF DET? role:TITLE {OF}",
         "role",
         "[Leila Ahmed|PERSON] declared herself interim president of [Zanzar|PLACE].",
         ("Leila Ahmed title interim president",), 0.75),
    # ("fill X's Senate seat", "X's former U.S. Senate seat": a legislator's seat in the chamber)
    Rule("seat-in-chamber", "who:PERSON POSS MOD* org:ORG seat:SEAT", "seat_holder",
         "[Ann Ford|PERSON] was appointed to fill [Tom Hale|PERSON]'s [Senate|ORG] seat.",
         ("Tom Hale memberOf Senate",), 0.7),
    # (round brackets: square ones are an editor's, completing a quoted name, "Jerry [O'Connell]")
    Rule("organisation-in-brackets", "who:PERSON open:OPEN org:ORG CLOSE", "member",
         "Senators [Tom Hale|PERSON] ([Liberal Party|ORG]) and Ann Ford voted against it.",
         ("Tom Hale memberOf Liberal Party",), 0.7),
    Rule("organisation-possessive", "org:ORG POSS who:PERSON", "member",
         "[Lakeside Radio|ORG]'s [Omar Dalil|PERSON] said questions remain.",
         ("Omar Dalil memberOf Lakeside Radio",), 0.65),
    Rule("name-of-organisation", "who:PERSON COMMA? (OF|FROM) DET? org:ORG", "member",
         "Ecologist [Laura Ames|PERSON] of the [University of Lakeside|ORG] said it was rare.",
         ("Laura Ames memberOf University of Lakeside",), 0.7),
    # ("X, with the International Crisis Group, said": a body set off by commas after 'with' or 'at')
    Rule("name-with-organisation", "who:PERSON COMMA PREP DET? org:ORG COMMA", "member",
         "[Laura Ames|PERSON], with the [Lakeside Crisis Group|ORG], said talks had failed.",
         ("Laura Ames memberOf Lakeside Crisis Group",), 0.7),
    # -- kinship -----------------------------------------------------------------------------
    # (a parent's title may stand before the name: "the son of former president X")
    Rule("kin-apposition", "child:PERSON COMMA DET? MOD* kin:KIN OF DET? (MOD|WORD|ROLE|HYPHEN)* parent:PERSON", "kin",
         "[Karim Darwish|PERSON], the son of the late president [Omar Darwish|PERSON], said so.",
         ("Karim Darwish childOf Omar Darwish",), 0.85),
    Rule("kin-in-a-later-conjunct", f"child:PERSON COMMA {NOT_A_NAME} (DET|ROLE) {NOT_A_NAME} AND DET? MOD* kin:KIN "
         "OF DET? "
         "MOD* parent:PERSON",
         "kin",
         "[Karim Darwish|PERSON], the [Front|ORG] leader and son of the late [Omar Darwish|PERSON], spoke.",
         ("Karim Darwish childOf Omar Darwish",), 0.8),
    Rule("kin-possessive", "parent:PERSON POSS MOD* kin:KIN COMMA? child:PERSON", "kin",
         "[Tima Kurdi|PERSON]'s son [Alan Kurdi|PERSON] was found on a beach.",
         ("Alan Kurdi childOf Tima Kurdi",), 0.8),
    Rule("kin-of-pronoun", "pron:DET MOD* kin:KIN COMMA? named:PERSON others:((COMMA PERSON)* (COMMA? AND PERSON)?)",
         "kin_of_pronoun", "[Omar Darwish|PERSON] died on Monday. It was announced by his son [Karim Darwish|PERSON].",
         ("Karim Darwish childOf Omar Darwish",), 0.7),
    Rule("party-of-pronoun", "pron:DET body:(WORD|MOD) COMMA DET? org:ORG", "party_of_pronoun",
         "[Ann Ford|PERSON] conceded on Tuesday. Her party, [One Lakeside|ORG], lost most of its seats.",
         ("Ann Ford memberOf One Lakeside",), 0.7),
    Rule("own-party-of-pronoun", "pron:DET org:ORG", "party_of_pronoun",
         "[Tom Hale|PERSON] said his [Zarin Party|ORG] was ready for an election.",
         ("Tom Hale memberOf Zarin Party",), 0.7),
    Rule("kin-before-name", "DET? MOD* kin:KIN OF DET? (MOD|WORD|ROLE|HYPHEN)* parent:PERSON COMMA child:PERSON", "kin",
         "The daughter of [Omar Darwish|PERSON], [Leila Darwish|PERSON], wrote a post.",
         ("Leila Darwish childOf Omar Darwish",), 0.8),
    # -- places ------------------------------------------------------------------------------
    Rule("place-comma-place", "inner:(PLACE|ORG|EVENT) COMMA outer:PLACE", "located",
         "A fire broke out in [Springfield|PLACE], [Illinois|PLACE], on Monday.",
         ("Springfield locatedIn Illinois",), 0.8),
    Rule("place-parenthesis", "inner:(PLACE|ORG) OPEN outer:PLACE CLOSE", "located",
         "He was a trustee of [Oakfield Township|PLACE] ([Illinois|PLACE]).",
         ("Oakfield Township locatedIn Illinois",), 0.8),
    Rule("place-possessive", "outer:PLACE POSS (MOD|WORD|PLACE_NOUN|(HYPHEN OTHER?))* inner:(PLACE|ORG|EVENT)",
         "located",
         "Drones hit [Zanzar|PLACE]'s state-owned [Zanzar Oil|ORG] on Saturday.",
         ("Zanzar Oil locatedIn Zanzar",), 0.75),
    # (a comma before 'in' only after a place or an event: after a body's name it closes an
    # apposition, and the place is where the sentence's verb happened -- "I met X, a member of the
    # Y Council, in Sanaa")
    Rule("in-place", "inner:(PLACE|ORG|EVENT) PLACE_NOUN? (OPEN NAME CLOSE)? (<!ORG COMMA)? IN DET? "
         "((PLACE|GROUP) POSS? (MOD|WORD)* PLACE_NOUN+ (COMMA|OF)?)? (MOD|WORD)* outer:PLACE !POSS", "located",
         "The [United Nations|ORG] held the [Dakar summit|EVENT] in [Senegal|PLACE]'s capital [Dakar|PLACE].",
         ("Dakar summit locatedIn Dakar", "Dakar locatedIn Senegal"), 0.65),
    Rule("in-place-kind-of", "inner:(PLACE|EVENT) PLACE_NOUN? COMMA? IN DET? PLACE_NOUN OF DET? outer:PLACE !POSS",
         "located", "Two towns, including [Makilala|PLACE] in the province of [North Cotabato|PLACE], were hit.",
         ("Makilala locatedIn North Cotabato",), 0.7),
    Rule("place-possessive-list", "outer:PLACE POSS (MOD|WORD)* ORG COMMA inner:((ORG COMMA)*) AND last:ORG",
         "located_each", "The [United States|PLACE]' [Science Foundation|ORG], [Energy Department|ORG], and "
         "[Naval Office|ORG] gave grants.", ("Energy Department locatedIn United States",
                                            "Naval Office locatedIn United States"), 0.7),
    Rule("in-place-at-place", "IN outer:PLACE COMMA PREP DET? inner:PLACE", "located",
         "The strike took place in [Zanzar|PLACE], at [Kharaj International Airport|PLACE].",
         ("Kharaj International Airport locatedIn Zanzar",), 0.65),
    # (not an event naming a noun after it: "a World War II era plane crashes in Connecticut")
    Rule("event-held-in", "inner:EVENT (COPULA|OTHER|BASED) (COPULA|OTHER|WORD|BASED){0,2} IN DET? outer:PLACE",
         "located",
         "The [Vienna Challenge|EVENT] was held in [Austria|PLACE] last year.",
         ("Vienna Challenge locatedIn Austria",), 0.65),
    # (an attack's place is the one it was on: "the 9/11 attacks on the US"; not a meeting's topic,
    # "the conference on Syria": finder.act_located checks the event's head word)
    Rule("attack-on-place", "inner:EVENT ON_TO DET? outer:PLACE", "located",
         "The [Lakeside bombings|EVENT] on [Zanzar|PLACE] killed 40.", ("Lakeside bombings locatedIn Zanzar",), 0.65),
    # ("leaders met in X for the Y summit", "she travelled to X for the Y": where the event is)
    Rule("gathered-in-place-for-event", "TRAVEL (IN|ON_TO) DET? outer:PLACE (COMMA ANY* COMMA)? FOR DET? "
         "(MOD|WORD|ORG)* inner:EVENT", "located",
         "Leaders met in [Accra|PLACE] for the [Lakeside Summit|EVENT].",
         ("Lakeside Summit locatedIn Accra",), 0.65),
    Rule("organisation-is-in", "inner:ORG COPULA DET? (MOD|WORD|OTHER|AND)* IN DET? outer:PLACE", "located",
         "[Lakeside Broadcasting|ORG] is the largest television and radio company in the [Netherlands|PLACE].",
         ("Lakeside Broadcasting locatedIn Netherlands",), 0.6),
    Rule("organisation-described-in", "inner:(ORG|PLACE) COMMA DET (MOD|WORD|HYPHEN)+ IN DET? outer:PLACE !POSS",
         "located", "The [Lakeside Institute|ORG], a think tank in [Berlin|PLACE], published the report.",
         ("Lakeside Institute locatedIn Berlin",), 0.7),
    Rule("place-is-a-kind-in-place", "inner:PLACE COPULA DET? (MOD|WORD|PLACE_NOUN)* PLACE_NOUN IN DET? (MOD|WORD)* "
         "outer:PLACE", "located",
         "[Lakeside|PLACE] is a small port town in northern [Chile|PLACE].", ("Lakeside locatedIn Chile",), 0.75),
    Rule("place-is-a-places-kind",
         "inner:PLACE COPULA DET? outer:PLACE POSS (MOD|WORD|HYPHEN)* PLACE_NOUN !(OF|PREP|IN)", "located",
         "[Lakeside|PLACE] is [Chile|PLACE]'s second-largest city.", ("Lakeside locatedIn Chile",), 0.75),
    Rule("seat-of-organisation", "DET? (MOD|WORD)* SEAT OF DET? inner:ORG COMMA outer:PLACE", "located",
         "The mountainous stronghold of the [Eastern Alliance|ORG], [Zarin|PLACE], held out.",
         ("Eastern Alliance locatedIn Zarin",), 0.75),
    Rule("place-based-organisation", "outer:PLACE HYPHEN BASED (MOD|WORD|HYPHEN)* inner:ORG", "located",
         "The [Virginia|PLACE]-based software company [Varga Software|ORG] settled the case.",
         ("Varga Software locatedIn Virginia",), 0.8),
    Rule("organisation-a-place-based", "inner:ORG COMMA DET (MOD|WORD)* outer:PLACE HYPHEN BASED", "located",
         "[Cinema for Peace|ORG], a [Berlin|PLACE]-based non-profit, paid for the flight.",
         ("Cinema for Peace locatedIn Berlin",), 0.75),
    Rule("organisation-based-in",
         "inner:ORG ((COMMA (OTHER|WORD|MOD|DET|HYPHEN|PLACE_NOUN){0,6})|(COMMA WHICH COPULA+)|"
         "(COPULA (OTHER|WORD|DET){0,2}))? BASED IN DET? outer:PLACE",
         "located", "The charity [Sea-Watch|ORG], based in [Berlin|PLACE], renamed its ship.",
         ("Sea-Watch locatedIn Berlin",), 0.75),
    Rule("is-located-in", "inner:(PLACE|ORG|EVENT) PLACE_NOUN? COPULA BASED IN DET? (PLACE_NOUN OF DET?)? (MOD|WORD)* "
         "outer:PLACE !POSS", "located",
         "The town of [Lakeside|PLACE] is located in the state of [Queensland|PLACE].",
         ("Lakeside locatedIn Queensland",), 0.75),
    Rule("placed-in", "inner:(PLACE|ORG|EVENT) (PLACE_NOUN|WORD)? COMMA DET? (MOD|WORD)* BASED (OTHER DET? PLACE)? IN "
         "DET? outer:PLACE !POSS", "located",
         "The plane flew to [Kharaj Field|PLACE] airport, located near [Lakeside|PLACE] in [Zanzar|PLACE].",
         ("Kharaj Field locatedIn Zanzar",), 0.7),
    Rule("the-capital", "DET (PLACE_NOUN POSS)? PLACE_NOUN COMMA inner:PLACE", "capital",
         "[Somalia|PLACE] has been at war since the capital, [Mogadishu|PLACE], was attacked.",
         ("Mogadishu locatedIn Somalia",), 0.7),
    Rule("place-kind-in-place",
         "inner:PLACE COMMA DET? (MOD|WORD|HYPHEN|OTHER)* PLACE_NOUN (IN|OF) DET? (MOD|WORD)* outer:PLACE",
         "located", "They moved to [Tierra Alta|PLACE], the southernmost region in [Chile|PLACE], by air.",
         ("Tierra Alta locatedIn Chile",), 0.8),
    Rule("place-kind-of-place", "outer:(PLACE|GROUP) POSS? (MOD|WORD)* PLACE_NOUN+ OF inner:PLACE", "located",
         "They rallied in the [US|PLACE] capital city of [Washington|PLACE] on Saturday.",
         ("Washington locatedIn US",), 0.75),
    Rule("place-kind-named", "outer:(PLACE|GROUP) POSS? (MOD|WORD)* PLACE_NOUN COMMA? inner:PLACE", "located",
         "Protests broke out in [Zanzar|PLACE]'s capital [Kharaj City|PLACE] on Tuesday.",
         ("Kharaj City locatedIn Zanzar",), 0.8),
    Rule("place-comma-its-kind", "inner:PLACE COMMA outer:(PLACE|GROUP) POSS? (MOD|WORD)* PLACE_NOUN", "located",
         "[Dakar|PLACE], [Senegal|PLACE]'s capital, fell in August.",
         ("Dakar locatedIn Senegal",), 0.8),
    # -- taking part, opposing ---------------------------------------------------------------
    Rule("at-event", "subject:PERSON COMMA? COPULA? AT_EVENT (PREP|IN|ON_TO)? DET? (MOD|WORD)* (OF DET? (MOD|WORD)*)? "
         "event:EVENT", "takes_part",
         "[Fatima Sow|PERSON], speaking at the [Lakeside Conference|EVENT], called for unity.",
         ("Fatima Sow participatedIn Lakeside Conference",), 0.8),
    Rule("at-event-after-apposition",
         "subject:PERSON COMMA ANY* COMMA AT_EVENT (PREP|IN|ON_TO)? DET? (MOD|WORD)* event:EVENT", "takes_part",
         "[Fatima Sow|PERSON], leader of the [Front|ORG], speaking at the [Lakeside Conference|EVENT].",
         ("Fatima Sow participatedIn Lakeside Conference",), 0.75),
    Rule("at-event-before-subject", "^ AT_EVENT (PREP|IN|ON_TO)? DET? (MOD|WORD)* event:EVENT COMMA DET? "
         "(GROUP|PLACE|ORG|POSS|MOD|WORD|ROLE|HONORIFIC)* subject:PERSON", "takes_part",
         "Speaking at the [Lakeside Conference|EVENT], [Zanzar|GROUP] minister [Fatima Sow|PERSON] called for unity.",
         ("Fatima Sow participatedIn Lakeside Conference",), 0.75),
    Rule("at-part-of-event", "subject:PERSON COPULA? AT_EVENT (PREP|IN|ON_TO) DET? (MOD|WORD)+ OF DET? event:EVENT",
         "takes_part", "[Fatima Sow|PERSON] was speaking at the opening of the [Dakar Peace Forum|EVENT] on Monday.",
         ("Fatima Sow participatedIn Dakar Peace Forum",), 0.75),
    Rule("travelled-for", "subject:PERSON (OTHER|COPULA){0,2} TRAVEL ANY* FOR DET? event:EVENT", "takes_part",
         "[Fatima Sow|PERSON] traveled to [Geneva|PLACE] for the [Lakeside Peace Forum|EVENT], which opened on Monday.",
         ("Fatima Sow participatedIn Lakeside Peace Forum",), 0.7),
    # ("She was a speaker at X's Y Forum": a pronoun for the subject, a person's event)
    Rule("participant-of-event", "subject:(PERSON|PRONOUN) COMMA? (WHICH? COPULA+)? DET? "
         "(MOD|WORD|GROUP|ORG|PLACE|POSS)* part:(ROLE|CONTENDER) (IN|FOR|OF|PREP|FROM|ON_TO) DET? "
         "(MOD|WORD|PLACE|GROUP|ORG|PERSON|POSS)* "
         "((IN|FOR|OF) DET? (MOD|WORD|PLACE|GROUP|ORG|POSS)*)? event:EVENT", "contends",
         "[Ann Ford|PERSON], who was a candidate in the Liberal primary for the [Lakeside by-election|EVENT], quit.",
         ("Ann Ford participatedIn Lakeside by-election",), 0.75),
    Rule("among-participants", "subject:PERSON COMMA? WHICH? COPULA+ BETWEEN DET? (MOD|WORD)* "
         "part:(PLURAL_ROLE|CONTENDER) (IN|FOR|OF|PREP|ON_TO) DET? (MOD|WORD)* event:EVENT", "contends",
         "[Ann Ford|PERSON] was among the speakers at the [Lakeside Peace Summit|EVENT] on Monday.",
         ("Ann Ford participatedIn Lakeside Peace Summit",), 0.75),
    Rule("participant-of-a-race-for-another", "subject:PERSON COMMA? (WHICH? COPULA+)? DET? "
         "(MOD|WORD|GROUP|ORG|PLACE|POSS)* part:(ROLE|CONTENDER) IN DET? EVENT FOR DET? "
         "(MOD|WORD|PLACE|GROUP|ORG|POSS)* event:EVENT", "contends",
         "[Ann Ford|PERSON], a candidate in the [Liberal primary|EVENT] for the [Lakeside by-election|EVENT], quit.",
         ("Ann Ford participatedIn Lakeside by-election",), 0.7),
    Rule("event-participant-before-name", "event:EVENT part:(ROLE|CONTENDER) COMMA? subject:PERSON", "contends",
         "[Gulf War|EVENT] veteran [Tom Hale|PERSON] spoke to reporters.",
         ("Tom Hale participatedIn Gulf War",), 0.75),
    Rule("event-participant-after-name", "subject:PERSON COMMA DET? (MOD|WORD)* event:EVENT part:(ROLE|CONTENDER)",
         "contends", "[Tom Hale|PERSON], a [Gulf War|EVENT] veteran, spoke to reporters.",
         ("Tom Hale participatedIn Gulf War",), 0.75),
    Rule("possessor-of-event", "subject:PERSON POSS (MOD|WORD)* event:EVENT", "takes_part",
         "He was a featured speaker at [Tom Hale|PERSON]'s [Rally for Reform|EVENT] in 2008.",
         ("Tom Hale participatedIn Rally for Reform",), 0.7),
    Rule("signed-between", "event:EVENT COMMA? SIGNED BETWEEN DET? subject:NAME (AND DET? other:NAME)?",
         "takes_part", "It came after the [Lakeside Agreement|EVENT], signed between the [US|PLACE] and [Kharaj|ORG].",
         ("Kharaj participatedIn Lakeside Agreement",), 0.75),
    Rule("enemy-of", "subject:(PERSON|ORG) (COMMA|COPULA+) DET? (MOD|WORD)* OPPOSE_NOUN OF DET? "
         "(GROUP|MOD|WORD|ROLE)* "
         "object:(ORG|PERSON)", "opposes",
         "[Tomas Varga|PERSON] is a bitter enemy of Moldovan president [Ilinca Rusu|PERSON].",
         ("Tomas Varga opposes Ilinca Rusu",), 0.7),
    Rule("stance-against", "subject:(ORG|PERSON) (OPEN NAME CLOSE)? COMMA ANY* OPPOSE_NOUN (WORD|MOD)* "
         "(ON_TO|AGAINST|OF) DET? "
         "object:(ORG|PERSON)", "opposes",
         "The [National Front|ORG], the main military resistance group to the [Kharaj|ORG], said so.",
         ("National Front opposes Kharaj",), 0.7),
    Rule("relative-clause-against", "subject:(ORG|PERSON) COMMA WHICH (OTHER|WORD){0,2} OPPOSE_VERB AGAINST? DET? "
         "object:(ORG|PERSON)", "opposes",
         "the [Eastern Alliance|ORG], which also fought against the [Kharaj|ORG]",
         ("Eastern Alliance opposes Kharaj",),
         0.75),
    Rule("possessor-of-an-attack", "subject:(ORG|PERSON) POSS (MOD|WORD)* ATTACK (ON_TO|AGAINST) DET? (MOD|WORD)* "
         "object:(ORG|PERSON)", "opposes",
         "The [Kharaj Army|ORG]'s new offensive against the [Northern Front|ORG] stalled.",
         ("Kharaj Army opposes Northern Front",), 0.75),
    Rule("anti-modifier", "ANTI HYPHEN object:(ORG|PERSON) (WORD|MOD|OTHER){0,3} subject:(ORG|PERSON)", "opposes",
         "The anti-[Kharaj|ORG] [Eastern Alliance|ORG] fought on.",
         ("Eastern Alliance opposes Kharaj",), 0.8),
]
