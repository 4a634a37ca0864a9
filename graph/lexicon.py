"""General English vocabulary the patterns rely on: roles and offices, honorifics, kinship,
meeting nouns. Common words of news English only; no name of any person, group or place."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

COMMON_WORDS_FILE = Path(__file__).parent / "extract" / "common_words.txt"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday English words (common_words.txt, derived by `kg train` from the treebanks)."""
    if not COMMON_WORDS_FILE.exists():
        return frozenset()
    text = COMMON_WORDS_FILE.read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))

# Roles whose holder runs the organisation or place they are "of": a `leads` relation.
LEADER_ROLES = {
    "leader", "chairman", "chairwoman", "chairperson", "chair", "president", "head", "chief", "director",
    "ceo", "commander", "commander-in-chief", "governor", "mayor", "king", "queen", "emir", "amir",
    "sultan", "emperor", "premier", "prime minister", "chancellor", "secretary-general", "secretary general",
    "general secretary", "director-general", "director general", "executive director", "managing director",
    "chief executive", "boss", "ruler", "dictator", "warlord", "supreme leader", "ayatollah", "caliph",
    "speaker", "principal", "rector", "provost", "coordinator", "overseer", "owner", "administrator",
    "publisher", "editor-in-chief", "headmaster", "patriarch", "pope", "chieftain", "president-elect",
    "first minister", "chief minister", "party leader", "taoiseach", "commandant", "abbot",
    "head of state", "head of government", "chief of staff", "general manager",
}
# Roles whose holder works for or belongs to the organisation: `memberOf`.
MEMBER_ROLES = {
    "member", "spokesperson", "spokesman", "spokeswoman", "official", "officer", "fighter",
    "consultant", "researcher", "analyst", "adviser", "advisor", "minister", "secretary", "deputy", "aide",
    "envoy", "ambassador", "representative", "delegate", "negotiator", "diplomat", "correspondent", "reporter",
    "journalist", "editor", "columnist", "photographer", "producer", "staffer", "employee", "worker",
    "volunteer", "activist", "militant", "soldier", "commander", "lieutenant", "colonel", "major", "sergeant",
    "general", "admiral", "marshal", "agent", "operative", "lawyer", "attorney", "counsel", "professor",
    "lecturer", "scholar", "fellow", "economist", "scientist", "expert", "strategist", "lawmaker", "legislator",
    "senator", "congressman", "congresswoman", "congressmember", "assemblyman", "assemblywoman", "assemblymember",
    "councilmember", "mp", "councillor", "councilor", "commissioner", "judge",
    "justice", "prosecutor", "investigator", "inspector", "partner", "associate", "co-founder", "cofounder",
    "co-director", "co-chair", "vice-president", "vice president", "vice-chairman", "vice chairman",
    "undersecretary", "under-secretary", "assistant", "founder", "manager", "coach", "player", "cleric", "imam",
    "mullah", "preacher", "chaplain", "intern", "student", "graduate", "alumnus", "candidate", "nominee",
    "director", "head", "chief", "leader", "president", "chairman", "lobbyist", "campaigner", "organizer",
    "organiser", "insider", "loyalist", "supporter", "ally", "recruit", "guard", "bodyguard", "pilot",
    "commentator", "observer", "monitor", "specialist", "whip", "captain", "dean", "counselor", "counsellor",
    "trustee", "treasurer", "clerk", "auditor", "governor", "steward", "solicitor", "executive",
    "constable", "sheriff", "detective", "superintendent", "trooper", "cto", "cfo", "coo", "cio",
    # news trades: "X TV photojournalist Y", "a presenter for Y"
    "photojournalist", "videojournalist", "cameraman", "camerawoman", "anchor", "presenter", "broadcaster",
    "writer", "author", "contributor", "stringer", "rapporteur",
    # players by position: "Lakeside goalkeeper X" (not those that are surnames too: Striker, Winger,
    # Bowler, Pitcher)
    "goalkeeper", "goaltender", "midfielder", "halfback", "fullback", "quarterback", "linebacker", "shortstop",
    "batsman", "wicketkeeper", "footballer", "cricketer",
    # trades of those who work for someone: "a teacher at Y", "NASA astronaut X"
    "teacher", "tutor", "doctor", "surgeon", "paramedic", "midwife", "firefighter", "architect", "accountant",
    "banker", "trader", "broker", "developer", "designer", "programmer", "mechanic", "historian", "translator",
    "interpreter", "warden", "magistrate", "barrister", "astronaut", "cosmonaut", "taikonaut",
    # officers and officials
    "brigadier", "commodore", "corporal", "registrar", "comptroller", "curator", "coroner", "bailiff", "consul",
    "nuncio", "vicar",
}
# Heads of a title phrase that never lead by themselves ("deputy leader" is a member).
SUBORDINATE_MODIFIERS = {"deputy", "vice", "vice-", "assistant", "associate", "co", "co-", "under", "sub",
                         "acting deputy", "junior", "second"}
# Modifiers of a role held before: "a former president of Y" led Y.
PAST_MODIFIERS = {"former", "ex", "ex-", "then", "late", "outgoing", "previous", "erstwhile"}
# Words that may stand before a role in a title: "former", "acting", "senior", "foreign".
TITLE_MODIFIERS = {
    "former", "acting", "interim", "senior", "chief", "minority", "majority", "deputy", "vice", "assistant", "lord",
    "associate", "executive",
    "general", "foreign", "defence", "defense", "interior", "finance", "justice", "health", "education",
    "prime", "first", "second", "co", "honorary", "founding", "supreme", "current", "incumbent", "then",
    "outgoing", "incoming", "elected", "retired", "late", "longtime", "long-time", "top", "lead", "principal",
    "special", "regional", "national", "provincial", "local", "military", "political", "religious", "spiritual",
    "managing", "de", "facto", "self-proclaimed", "self-declared", "self-styled", "caretaker", "transitional",
    "permanent", "leading", "ex", "vice-", "co-", "head", "state", "district", "party",
    "presidential", "ministerial", "parliamentary", "diplomatic", "personal", "official", "economic",
}
# Courtesy titles and offices that precede a name and are not part of it, even capitalised.
# Words that are also common given names (Amir, Sultan, Dean, Major, Imam) are left out:
# stripping them would cut real names.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "gen", "col", "lt", "capt", "sgt", "adm",
              "rep", "sen", "gov", "pres", "rev", "president", "minister", "senator", "governor", "general",
              "secretary", "ambassador", "chairman", "chairwoman", "spokesperson", "spokesman", "spokeswoman",
              "leader", "chief", "commander", "mayor", "judge", "colonel", "captain", "lieutenant", "sergeant",
              "admiral", "marshal", "detective", "inspector", "professor", "doctor", "chancellor", "premier",
              "prime", "foreign", "former", "deputy", "vice", "acting", "interim", "vice-president", "ayatollah",
              "pope", "bishop", "archbishop", "cardinal", "congressman", "congresswoman", "lawmaker", "envoy",
              "officer", "agent", "director", "founder", "co-founder", "co-director", "head", "coach", "monsignor",
              "monsenor", "monseñor", "comrade", "cde", "taoiseach",
              # forms of address that stand for a name ("advised Her Majesty the Queen")
              "majesty", "highness", "excellency", "holiness"}
# Titles before a name that only a person holds ("President X", "Senator X"; not "General" of
# "General Motors")
PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "president", "senator", "governor", "mayor",
                   "judge", "ayatollah", "congressman", "congresswoman", "ambassador", "chancellor", "premier",
                   "professor", "pope", "sheikh", "imam", "rabbi", "reverend", "mullah", "maulana", "mawlawi",
                   "maulvi", "archbishop", "bishop", "gen", "col", "lt", "capt", "sgt", "adm",
                   "colonel", "lieutenant", "sergeant", "admiral", "taoiseach"}
# Courtesy titles written before a name, abbreviated or short ("Dr Samir Nasser").
HONORIFIC_ABBREVIATIONS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "rev", "hon", "gen", "col",
                           "lt", "capt", "sgt", "adm", "maj", "cpl", "pte", "st", "cde"}
# Courtesy titles written in full before a name, no office of their own ("archbishop Monsignor X").
COURTESY_TITLES = {"monsignor", "monsenor", "monseñor", "reverend", "honourable", "honorable", "comrade"}
# Titles of monarchs and popes that are part of a one-word name ("Pope Francis", "King Abdullah").
REGNAL_TITLES = {"pope", "king", "queen", "sultan", "emir", "emperor", "empress", "prince", "princess", "tsar",
                 "czar", "shah", "tsarina"}
# Monarchs who reign over the country they are "of" ("Sultan X of Oman"; a prince does not).
REIGNING_TITLES = {"king", "queen", "sultan", "emir", "emperor", "empress", "tsar", "czar", "shah", "tsarina"}
KINSHIP = {  # noun → who is the child: the person named ("son") or the person possessing ("father")
    "son": "named", "daughter": "named", "child": "named", "stepson": "named", "stepdaughter": "named",
    "father": "possessor", "mother": "possessor", "parent": "possessor", "dad": "possessor",
    "mom": "possessor", "mum": "possessor", "stepfather": "possessor", "stepmother": "possessor",
    "sons": "named", "daughters": "named", "children": "named", "parents": "possessor",
}
# Nouns of a time in office after a possessive: "his tenure as chairman of Y", "her time as head of Y".
TENURE_NOUNS = {"tenure", "time", "term", "stint", "presidency", "premiership", "spell"}
# Words before a people's name that keep it a people's: "Indigenous Australians", "Native Americans".
PEOPLE_MODIFIERS = {"indigenous", "native", "aboriginal", "ethnic"}
# Plurals whose possessive opens a name rather than naming a possessor: "the People's Liberation Army",
# "Women's March", "Children's Hospital".
PLURALS_IN_NAMES = {"people", "women", "men", "children"}
# Nouns after a surname that name a family, not one of its people: "the Biden family".
FAMILY_NOUNS = {"family", "families", "clan", "dynasty", "household"}
# Verbs whose object is a place, whatever its name looks like: "the army entered Ain Issa".
ENTERING_VERBS = {"enter", "shell", "besiege", "storm", "overrun", "evacuate", "bombard"}
# Bodies of water, by the head word of their names, and the kinds of settlement that lie on their
# shores, not in them: "the Red Sea port town of Mokha" is on the sea ("the Aegean island of X" in it).
WATER_HEADS = {"sea", "ocean", "gulf", "bay", "river", "lake", "strait", "channel", "lagoon", "estuary"}
SETTLEMENT_NOUNS = {"town", "city", "village", "port", "capital", "municipality", "hamlet", "suburb", "harbour",
                    "harbor"}
# Nouns after a person's name that make it a craft's or an instrument's (no entities in the
# guidelines): "the James Webb space telescope", "the Ann Ford spacecraft".
CRAFT_NOUNS = {"telescope", "spacecraft", "satellite", "rover", "probe", "lander", "orbiter", "capsule", "aircraft",
               "ship", "vessel", "submarine", "warship", "destroyer", "frigate", "icebreaker"}
# Relatives who are no parent or child (no childOf), before whose given name a city's is a person's.
RELATIVE_NOUNS = {"wife", "husband", "sister", "brother", "widow", "grandson", "granddaughter"}
# Nouns for meetings and accords that a place name before them makes into an event name.
EVENT_NOUNS = {"summit", "conference", "talks", "meeting", "meetings", "agreement", "accord", "accords", "deal",
               "treaty", "process", "negotiations", "forum", "dialogue", "declaration", "convention",
               "protocol", "peace", "games", "marathon", "festival", "congress", "battle", "siege", "massacre",
               "offensive", "uprising", "bombing", "attack", "attacks", "election", "elections", "referendum"}
# Lower-case nouns that make the names and year before them the name of one event: "the New
# Hampshire Democratic primary", "the 2020 Groom by-election", "the Aegean Sea earthquake".
NAMED_EVENT_HEADS = {"primary", "primaries", "caucus", "caucuses", "election", "elections", "by-election",
                     "referendum", "earthquake", "scandal", "season", "championship", "championships", "tournament",
                     "war", "summit", "conference", "games", "marathon", "festival", "massacre", "olympics"}
# Of these, the ones a party or nationality adjective alone can name ("the Democratic primary").
ELECTION_HEADS = {"primary", "primaries", "caucus", "caucuses", "election", "elections", "by-election", "referendum"}
# Of these, a party's own contests: its contenders are its candidates ("the Democratic primary").
PRIMARY_HEADS = {"primary", "primaries", "caucus", "caucuses"}
# Words that stand between a name or year and an election noun: "the 2020 presidential election".
ELECTION_ADJECTIVES = {"presidential", "parliamentary", "general", "legislative", "gubernatorial", "mayoral",
                       "federal", "state", "local", "regional", "municipal", "midterm", "snap", "special",
                       "national", "provincial", "senate", "congressional", "leadership"}
MEETING_NOUNS = {"summit", "conference", "talks", "meeting", "meetings", "forum", "dialogue", "negotiations",
                 "convention", "congress", "festival", "games", "marathon", "gathering", "rally", "session"}
# Events that are steps towards or about another: "the Brexit referendum" is not Brexit.
STEPS_TO_AN_EVENT = {"referendum", "deal", "talks", "negotiations", "vote"}
# Contests named by their kind alone ("this second Olympiad"): which one is known in its article only.
CONTEST_WORDS = {"olympiad", "championship", "championships", "tournament", "competition", "season", "expo",
                 "symposium", "ceremony", "election", "primary", "primaries", "caucuses", "referendum"}
GROUP_NOUNS = {"tribe", "tribes", "tribesmen", "clan", "clans", "community", "communities", "minority",
               "minorities", "people", "peoples", "ethnicity", "nomads"}
# Generic words after a place name that leave it the same place ("the Zarin valley").
PLACE_GENERICS = {"valley", "province", "district", "region", "city", "county", "governorate", "prefecture",
                  "state", "area", "town", "village", "oblast", "territory", "municipality", "department",
                  "island", "islands", "peninsula", "basin", "plain", "plains", "desert", "mountains",
                  "highlands", "river", "gorge", "pass", "corridor", "strip", "coast", "border", "zone"}
# Of these, the kinds of administrative area, which in lower case after a name are no part of it
# ("Zarin province", "Washington state"; but "the Zarin valley" is the valley's name)
ADMINISTRATIVE_GENERICS = {"province", "district", "county", "governorate", "prefecture", "oblast", "municipality",
                           "region", "state", "territory", "department"}
# Romanised suffixes of Korean and Japanese administrative areas ("Seongbuk-gu", "Jeju-do"), not
# the second syllable of a given name ("Won-soon")
AREA_SYLLABLES = {"gu", "si", "do", "dong", "ri", "gun", "eup", "myeon", "ku", "shi", "machi", "cho", "mura", "ken"}
# A force's word that opens a rank rather than naming a body: "Police Chief X", "Police Senior
# Superintendent X"
FORCE_WORDS = {"police", "gendarmerie", "militia"}
# Words that deny what a pattern's words state ("X was not a candidate", "X has never been its chair")
NEGATIONS = {"not", "n't", "never", "nor"}
# Words that open a question ("Will Lakeside Bank employees be barred?"), whatever a tagger
# makes of them when they are capitalised
QUESTION_OPENERS = {"will", "would", "can", "could", "should", "shall", "may", "might", "must", "did", "does", "do",
                    "is", "are", "was", "were", "has", "have", "had"}
# Verbs of a match's result ("Caloundra defeated Noosa 32-22"): their two sides are teams or
# players, and took part in the competition the article reports
RESULT_VERBS = {"defeat", "beat", "edge", "thrash", "overcome", "outplay", "draw", "tie", "lose", "down", "rout"}
# Head words of a competition's name ("the 2020 Coast Rugby Union season", "the Lakeside Cup")
COMPETITION_HEADS = {"season", "cup", "league", "championship", "championships", "tournament", "series",
                     "games", "olympics", "open", "trophy", "premiership"}
# Bodies named by what they deal with ("Select Committee on Benghazi", "Council on Foreign Relations")
REMIT_HEADS = {"committee", "subcommittee", "commission", "council", "panel", "task force", "caucus"}
# A legislature's own word, which after "the" and capitalised is its name ("passed the House")
CHAMBER_WORDS = {"senate", "house", "congress", "parliament", "assembly", "knesset", "duma", "bundestag"}
# Religions and deities: neither a group of people nor any other entity of the guidelines
# (their followers are: "Muslim", "Christians").
RELIGIONS = {"god", "allah", "islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism", "jainism",
             "zoroastrianism", "shinto", "taoism", "confucianism", "catholicism", "protestantism", "bahaism"}
DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "today", "yesterday", "tomorrow", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "pst",
              "q1", "q2", "q3", "q4", "h1", "h2",  # (a year's quarters and halves: "Q2 2021")
              "bst", "cet", "cest", "cst", "cdt", "mst", "mdt", "pdt", "aest", "aedt", "jst"}  # (time zones)
PRONOUNS = {"i", "he", "she", "it", "we", "they", "you", "me", "him", "her", "us", "them", "his", "its", "our",
            "their", "my", "your", "this", "that", "these", "those", "who", "what", "there", "here", "mr",
            "mrs", "ms", "dr", "one"}
# Verbs and nouns of the opposes/participatedIn patterns (lemmas).
# Attacks and condemnations are events, not a stance: the guidelines' examples of `opposes` are
# resistance, fighting and being "anti-" someone.
OPPOSE_VERBS = {"fight", "oppose", "resist", "battle", "combat", "confront", "defy", "rebel", "revolt", "wage",
                "struggle", "topple", "overthrow"}
OPPOSE_NOUNS = {"resistance", "opposition", "fight", "war", "struggle", "insurgency", "rebellion", "uprising",
                "campaign", "offensive", "battle", "opponent", "enemy", "foe", "rival", "critic"}
PARTICIPATE_VERBS = {"attend", "participate", "join", "host", "hold", "organize", "organise", "convene",
                     "sign", "address", "speak", "chair", "boycott", "negotiate", "broker", "co-host", "cohost",
                     "take part", "present", "compete", "win", "lead", "sponsor", "ratify", "fight", "suffer",
                     "lose", "contest", "run", "vote", "stand", "die", "serve"}


DETERMINERS = {"the", "a", "an"}
POSSESSIVE_DETERMINERS = {"his", "her", "their", "its"}
# Kinds of place: "the city of X", "X, a town in Y", "Y's capital X".
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "county", "state",
               "suburb", "neighbourhood", "neighborhood", "island", "port", "municipality", "governorate",
               "prefecture", "territory", "borough", "hamlet", "community", "commune", "oblast", "canton", "emirate",
               "republic", "country", "nation", "kingdom", "area", "resort", "enclave", "metropolis", "valley"}
# Nouns of a stance against someone ("the main resistance group to the Taliban", "a critic of X").
# Of those, the nouns of a stance that stand before a role as its modifier: "opposition leader",
# "resistance commander" (not "opponent", "critic": people themselves)
STANCE_NOUNS = {"opposition", "resistance"}
OPPOSE_NOUNS_OF_PEOPLE = {"resistance", "opposition", "enemy", "enemies", "foe", "foes", "opponent", "opponents",
                          "critic", "critics", "rival", "rivals", "adversary", "adversaries", "nemesis"}
# Of those, the ones of criticism and electoral rivalry: no opposition ("an outspoken critic of X";
# tests/validation/ANNOTATION.md), though a title stops at them as at the others ("Trump-critic and
# former adviser X").
CRITICISM_NOUNS = {"critic", "critics", "rival", "rivals"}
# Offices whose first word is a part's or a field's that also ends bodies' names ("the White House
# Press Secretary": not "White House Press"; but "Oxford University Press editor").
PART_OFFICES = {"press secretary", "press officer", "press attache", "press attaché", "press spokesman",
                "press spokeswoman", "press spokesperson", "media adviser", "media advisor", "media officer",
                "district attorney"}
# Parts of an organisation a role may head: "foreign relations chief", "head of the media office"
# (the holder is a member of the organisation, not its leader).
PART_WORDS = {"relations", "affairs", "division", "department", "unit", "bureau", "desk", "wing", "section",
              "office", "branch", "operations", "communications", "media", "press", "policy", "research",
              "intelligence", "security", "finance", "marketing", "sales", "youth", "staff",
              "programme", "program", "team", "legal", "political", "military", "editorial", "news", "sports",
              "foreign", "public",
              # a director of one region or country of a body heads a part of it: "its country director"
              "regional", "country", "local", "provincial", "district", "field"}
# Adjectives of parties and movements, which say whose side a person is on, not their office
# ("Republican committee chairman X" is the committee's chairman).
PARTY_ADJECTIVES = {"republican", "democratic", "democrat", "conservative", "labour", "labor", "liberal",
                    "libertarian", "green", "socialist", "communist", "nationalist", "tory", "progressive",
                    "independent", "centrist", "unionist"}
# Of these, the words that name other things as often when capitalised ("The Independent", "Green"), or
# the party itself ("Labour").
PARTY_WORDS_OF_OTHER_THINGS = {"independent", "green", "progressive", "centrist", "labour", "labor"}
# Of these, the words that are a party's own name, not its people's ("Labour MP X": the Labour Party).
PARTY_NAME_WORDS = {"labour", "labor"}
# Prepositions, which a capital at a sentence's start does not make part of a name ("Under Maryland law").
PREPOSITIONS = {"under", "in", "on", "at", "from", "after", "before", "during", "since", "despite", "with",
                "without", "by", "for", "across", "against", "among", "amid", "near", "over", "through",
                "throughout", "toward", "towards", "until", "upon", "within", "into", "outside", "inside", "beyond",
                "unlike", "like", "besides", "per", "via"}
# Nouns for a party's members ("a Democrat", "the Republicans"): a political group.
PARTY_MEMBER_NOUNS = {"democrat", "democrats", "republican", "republicans", "conservatives", "liberals", "tories",
                      "socialists", "communists", "libertarians", "greens", "nationalists", "unionists"}
# Endings of a plural that names a people or a following ("Melbournians", "Houthis", "Islamists", "Shiites",
# "Spaniards"); "-ers" is not one: "Lakers", "49ers" are teams
PEOPLE_PLURAL_ENDINGS = ("ians", "ans", "ists", "ites", "is", "ards")
# The words of one party's people, adjective and nouns: "Democratic", "Democrat", "Democrats" name one group
PARTY_GROUP_WORDS = {w: words for words in (
    ("democratic", "democrat", "democrats"), ("republican", "republicans"), ("libertarian", "libertarians"),
    ("conservative", "conservatives"), ("liberal", "liberals"), ("socialist", "socialists"),
    ("communist", "communists"), ("green", "greens"), ("tory", "tories"), ("nationalist", "nationalists"),
    ("unionist", "unionists")) for w in words}
# A US legislator's party initial before the state ("Tom Hale (R-Ohio)", "D-Ohio").
PARTY_INITIALS = {"R": ("republican",), "D": ("democratic",)}
# Kinds of place that, right before a name, make it a place ("the island Crete", "the city of X"):
# not "state" ("Secretary of State X"), "country" or "area", which stand before other things too.
# "the country's president", "the city's mayor", "the state's governor": which kinds of place the
# gazetteer knows each word says (None: a place it does not know, a town or a city most often).
PLACE_AGAIN_KINDS = {"country": {"country"}, "nation": {"country"}, "kingdom": {"country"}, "republic": {"country"},
                     "state": {"subdivision"}, "province": {"subdivision"}, "region": {"subdivision", "region"},
                     "city": {"city", None}, "capital": {"city", None}, "town": {"city", None},
                     "village": {None}, "county": {"subdivision", None}, "district": {None}}
# Words right before a name that say what it is: "ethnic Ndebele" is a people, "the pseudonym
# Katya" and "the ring name Brodie Lee" a person's.
KIND_BEFORE_A_NAME = {"ethnic": "GROUP", "pseudonym": "PERSON", "alias": "PERSON", "pseudonyms": "PERSON"}
KIND_BEFORE_A_NAME_TWO_WORDS = {("pen", "name"): "PERSON", ("stage", "name"): "PERSON", ("ring", "name"): "PERSON"}
PLACE_NOUNS_BEFORE_A_NAME = {"island", "city", "town", "village", "province", "capital", "region", "district", "port",
                             "county", "governorate", "municipality", "suburb", "neighbourhood", "neighborhood",
                             "valley"}
# The word before a "Center", "Centre" or "Hall" that makes it a venue, a place, not a body: "the
# Mesquite Convention Center", "the ExCeL Exhibition Centre".
VENUE_WORDS = {"convention", "exhibition", "conference", "congress", "events", "event", "shopping", "sports",
               "leisure", "aquatic", "aquatics", "performing"}
# Words for a place that a text names a place after ("a site called X").
SITE_WORDS = {"site", "cave", "shelter", "place", "settlement", "spot", "camp", "base"}
# Places an election is held in, named like a town: "the seat of X", "the electorate of X".
ELECTORAL_PLACE_NOUNS = {"seat", "electorate", "constituency", "riding", "ward", "division"}
# The last word of a political party's name: running for one makes a candidate its member.
PARTY_HEADS = {"party", "democrats", "republicans", "greens", "labour", "labor", "liberals", "conservatives",
               "front", "alliance", "movement", "league", "union", "coalition", "bloc", "congress"}
# The words after a company's own name that say its trade ("Nordvik Energy", "Kharaj Airways"): the
# name alone is the company's.
COMPANY_WORDS = {"energy", "oil", "gas", "petroleum", "airlines", "airways", "motors", "holdings", "group",
                 "industries", "technologies", "systems", "pharmaceuticals", "pharma", "capital", "partners",
                 "media", "telecom", "communications", "steel", "mining", "foods", "financial", "insurance",
                 "shipping", "logistics", "electric", "power", "chemicals", "entertainment", "markets"}
# The word before a road's number ('Route 2', 'Interstate 95'): the two are the road's name; the
# words of its system before it ('U.S. Route 66'); the nouns after a numbered road ('the A496 road')
# and the prepositions before 'the' and one ('off the A496').
ROAD_WORDS = {"route", "highway", "interstate", "motorway", "autobahn", "expressway", "freeway"}
ROAD_SYSTEM_WORDS = {"U.S.", "US", "State", "County"}
ROAD_NOUNS_AFTER = {"road", "motorway"}
ROAD_PREPOSITIONS = {"off", "along", "onto"}
# Endings of a site's domain name ('Znak.com', 'News.com.au').
WEB_DOMAINS = ("com", "org", "net", "info", "news", "tv")
# Words before a party or a body that governs ('the ruling Democratic Rally').
GOVERNING_WORDS = {"ruling", "governing"}
# Surnames' prefixes before a capital ('McArthur', 'DeWine', 'LaHood'): no brand's inner capital.
SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von")
# Players' positions that are surnames too ("Striker", "Winger"): roles only in lower case, after
# a team's name ("Lakeside striker X"); a name before one is a team's.
PLAYER_POSITIONS = {"striker", "winger", "forward", "defender", "pitcher", "bowler", "catcher", "centre-back",
                    "center-back", "fly-half", "scrum-half", "hooker", "flanker"}
# Players' positions a team's name stands before ("Lakeside goalkeeper X").
TEAM_POSITIONS = {"goalkeeper", "goaltender", "midfielder", "halfback", "fullback", "quarterback", "linebacker",
                  "shortstop", "batsman", "wicketkeeper", "captain", "player"}
# What one person leads, named after them: "the Biden administration", "the Hale campaign".
HELD_BY_A_PERSON = {"administration", "presidency", "campaign"}
# Verbs whose "X as Y" is the speaker's label for X, no role: "blasted Biden as a career politician".
LABELLING_VERBS = {"blast", "slam", "criticise", "criticize", "describe", "dismiss", "label", "brand", "attack",
                   "mock", "deride", "portray", "paint", "denounce", "decry", "ridicule", "condemn", "call"}
# A political body's kind after its name: "the Historic Pact coalition" (not "group": "the World Cup group").
POLITICAL_BODY_KINDS = {"party", "coalition", "alliance", "bloc", "faction", "militia"}
# What "his party, X" may say of X: the political body one belongs to (a movement too, no militia).
PARTY_BODY_NOUNS = POLITICAL_BODY_KINDS - {"militia"} | {"movement"}
# The head words of an armed conflict's name ("the Gulf War coalition" is the war's).
CONFLICT_HEADS = {"war", "invasion", "offensive", "uprising", "revolution", "conflict", "insurgency"}
# The last word of a legislature's name: one who represents a district "in" it is a member.
LEGISLATURE_HEADS = {"assembly", "parliament", "congress", "senate", "house", "council", "legislature", "diet",
                     "duma", "knesset", "majlis", "chamber", "sabha", "bundestag", "cortes", "sejm"}
# Offices whose holder leads a country, a region or a city (not only an organisation): "the
# country's president", "Kabul's mayor". Other leader roles lead organisations only ("US Speaker
# X" does not lead the United States).
PLACE_LEADER_ROLES = {
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "amir", "sultan", "emperor",
    "empress", "monarch", "ruler", "leader", "head of state", "head of government", "governor", "mayor",
    "first minister", "chief minister", "dictator", "supreme leader", "president-elect", "taoiseach", "shah",
    "tsar", "czar", "caliph", "lord mayor",
}
# An office whose holder sits in a body the article need not name in the same sentence: "Senator
# X" is a member of the senate the article names ("the Senate"), by the last word of its name.
# Legislators whose title is a national chamber's alone: a congresswoman sits in no state's house.
NATIONAL_LEGISLATORS = {"congressman", "congresswoman", "congressmember"}
IMPLIED_BODIES = {
    "senator": ("senate",), "sen.": ("senate",), "congressman": ("house of representatives", "house", "congress"),
    "congresswoman": ("house of representatives", "house", "congress"),
    "representative": ("house of representatives", "house", "congress"), "rep.": ("house", "congress"),
    "mp": ("house of commons", "parliament", "assembly"), "lawmaker": ("parliament", "congress", "assembly"),
    "legislator": ("legislature", "assembly", "parliament", "congress"), "justice": ("court",),
    "councillor": ("council",), "councilor": ("council",), "councilman": ("council",),
    "councilwoman": ("council",), "councilmember": ("council",), "delegate": ("assembly", "house of delegates"),
    "assemblyman": ("assembly",), "assemblywoman": ("assembly",), "assemblymember": ("assembly",),
}


# Roles of two words or more whose kind is not their head's: "chief of staff" and "minority
# leader" belong to what they are of; they do not run it.
MEMBER_PHRASES = {"chief of staff", "minority leader", "majority leader", "minority whip", "majority whip",
                  "deputy leader", "floor leader", "house leader", "opposition leader", "party whip",
                  "vice president", "vice-president", "vice chairman", "vice chair", "deputy chief"}
# Words that look like a trade by their ending but are none.
NOT_TRADES = {"list", "exist", "assist", "insist", "resist", "persist", "consist", "desist", "twist", "wrist",
              "mist", "fist", "gist", "whilst", "amidst", "midst", "most", "career", "volunteer", "peer", "deer",
              "beer", "cheer", "steer", "sheer", "veer", "leer", "queer", "pioneer", "racist", "sexist", "marxist",
              "islamist", "extremist", "nationalist", "populist", "leftist", "rightist", "socialist", "terrorist",
              "communist", "fascist", "baptist", "zionist", "jihadist", "separatist", "loyalist", "modernist",
              "countryman", "countrywoman", "kinsman", "kinswoman", "catwoman", "superman", "gentleman", "madman",
              "layman", "frontman", "strongman", "boogeyman"}


def plural_role(word: str) -> str | None:
    """The singular of a role in the plural ('senators' → 'senator'), else None."""
    for cut, end in ((3, "y"), (2, ""), (1, "")):  # secretaries, witnesses, senators
        if len(word) > cut + 2 and word.endswith(("ies", "es", "s")[3 - cut]) and role_kind(word[:-cut] + end) \
                and word[:-cut] + end != word:
            return word[:-cut] + end
    return None


def role_kind(word: str) -> str | None:
    """'leader' for a role whose holder runs what it is of, 'member' for one who belongs to it,
    None for a word that is no role; a hyphenated role by its last part ('co-founder'); a trade
    by its ending ('ecologist')."""
    word = word.lower()
    if word in MEMBER_PHRASES:
        return "member"
    if word in LEADER_ROLES:
        return "leader"
    if word in MEMBER_ROLES or word in TRADES:
        return "member"
    last = word.rsplit("-", 1)[-1]
    if last != word and last:
        return role_kind(last)
    if len(word) >= 7 and word.isalpha() and word.endswith(OCCUPATION_ENDINGS + ("eer",)) \
            and not word.endswith(("ists", "men")) and word not in NOT_TRADES:
        return "member"  # a trade by its ending: "ecologist", "astronomer", "engineer", "businessman"
    return None


def is_role_word(word: str) -> bool:
    word = word.lower()
    return word in LEADER_ROLES or word in MEMBER_ROLES or word in TITLE_MODIFIERS - {"the", "de", "state", "party",
                                                                                   "district", "national", "local"}

# A company's legal form after its name ("Halvorsen ASA", "Norden Metals AB", "Acme Inc").
COMPANY_SUFFIXES = {"inc", "ltd", "llc", "plc", "corp", "co", "limited", "incorporated", "gmbh", "ag", "kft", "kft.",
                    "llp", "pty",
                    "pte", "bv", "nv", "spa", "srl", "sarl", "oyj", "asa", "ab"}
# Last words that make a capitalised name an organisation, an event or a place whatever the
# recogniser said ("... Front", "... Conference", "... Valley").
ORG_HEADS = COMPANY_SUFFIXES | {
    "front", "alliance", "watch", "group", "council", "committee", "forces", "force", "post", "news", "times",
    "exchange", "partnership",
    "agency", "organization", "organisation", "party", "movement", "army", "institute", "institution",
    "university", "college", "school", "bank", "company", "corporation",
    "centre", "center", "foundation", "association", "union", "network", "channel", "service", "services",
    "ministry", "department", "commission", "court", "parliament", "assembly", "congress", "senate", "cabinet",
    "government", "administration", "office", "police", "guard", "brigade", "brigades", "battalion", "corps",
    "militia", "taskforce", "federation", "league", "club", "society", "trust", "fund", "board", "bureau",
    "authority", "directorate", "presidency", "secretariat", "mission", "chamber", "academy", "coalition", "caucus",
    "tribunal", "press", "media", "laboratory", "rescue", "survey", "consortium", "cooperative", "conservancy",
    "inspectorate", "syndicate",
    # legislatures by their own languages' words ("Lok Sabha", "Verkhovna Rada", "Wolesi Jirga")
    "sabha", "knesset", "duma", "bundestag", "bundesrat", "majlis", "jirga", "shura", "sejm", "storting", "riksdag",
    "folketing", "rada", "seimas", "saeima", "cortes", "oireachtas", "dail", "seanad",
    "tv", "radio", "television", "broadcasting", "journal", "magazine", "gazette", "herald", "tribune",
    "telegraph", "guardian", "observer", "daily", "weekly", "review", "monitor", "airlines", "airways", "partners",
    "holdings", "industries", "laboratories", "labs", "systems", "technologies", "international",
    "unit", "units", "division", "command", "intelligence", "rebels", "insurgents", "fighters", "navy", "marines",
    "airforce", "jihad", "brotherhood",
    "emirates", "red cross", "crescent", "programme", "program", "initiative", "project", "campaign",
}
# Events named after a country that are the whole nation's, not held at a place in it.
NATIONAL_EVENT_HEADS = {"election", "elections", "primaries", "war", "championship", "championships", "referendum",
                        "census"}
EVENT_HEADS = {
    "conference", "summit", "agreement", "accord", "accords", "treaty", "war", "revolution", "games", "olympics",
    "cup", "championship", "championships", "election", "elections", "talks", "festival", "massacre", "battle",
    "siege", "uprising", "spring", "protests", "crisis", "forum", "convention", "expo", "marathon", "tournament",
    "offensive", "invasion", "ceasefire", "truce", "referendum", "genocide", "holocaust", "pact", "deal",
    "negotiations", "dialogue", "meeting", "symposium", "world cup", "grand prix", "awards",
    "week", "olympiad", "olympiads", "ceremony", "rally", "march", "primary", "primaries", "caucuses",
    "by-election", "earthquake", "competition", "season", "scandal", "open", "invitational", "classic", "derby",
    "regatta",
}
# Heads of names that are no entities of the guidelines: awards ("Nobel Prize", "Bharat Ratna" is
# known by context only), days and holidays ("Labour Day", "Independence Day", "Christmas Eve"), diseases.
NOT_ENTITY_HEADS = {"prize", "prizes", "award", "medal", "day", "eve", "disease", "syndrome", "virus", "fever", "flu"}
# Software, whatever the words before ("Red Hat Enterprise Linux", "Rocky Linux": operating systems, products).
SOFTWARE_HEADS = {"linux"}
# Letters after a person's name that are no part of it: "Durham Hall QC", "Jane Doe MP".
POSTNOMINALS = {"qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "kbe", "dbe", "phd", "md", "esq", "frs"}
# Of those, the letters that follow only a person ("Labour MP", "Baltimore MD", "Harvard PhD" do not).
PERSON_POSTNOMINALS = {"qc", "kc", "obe", "mbe", "cbe", "kbe", "dbe", "esq", "frs"}
# The first word of a storm's name: "Hurricane Dorian", "Typhoon Haiyan" are events.
STORM_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "tropical"}
PLACE_HEADS = {
    "valley", "province", "mountains", "mountain", "mount", "river", "airport", "street", "road", "avenue",
    "square", "island", "islands", "sea", "ocean", "lake", "desert", "region", "district", "city", "county",
    "kingdom", "republic", "emirate", "bridge", "palace", "stadium", "highway",
    "border", "pass", "gorge", "strait", "gulf", "bay", "peninsula", "coast", "plateau", "basin", "park",
    "prison", "camp", "base", "hospital", "mosque", "church", "cathedral", "temple", "embassy", "hotel",
    "territory", "territories", "heights", "hills", "hill", "canyon", "falls", "harbour", "harbor", "port",
    "village", "town", "oblast", "governorate", "prefecture", "canton", "municipality", "enclave", "corridor",
    "complex", "compound", "building", "tower", "plaza", "market", "checkpoint", "crossing", "dam",
    "township", "estuary", "mine", "station", "zone", "museum", "zoo", "cemetery", "aquarium", "arena", "monument",
    "theatre", "theater", "forest", "volcano", "beach", "reef", "glacier", "lagoon", "fort", "castle", "abbey",
    "shrine", "mall", "courthouse", "range",
}
# The head words a body's, a place's or an event's name ends in.
NAME_HEADS = ORG_HEADS | PLACE_HEADS | EVENT_HEADS

# Kinds of place that follow a place's name in lower case ("the Zamzam camp", "the Zarin valley");
# not those a body's name takes too ("the Wagner base", "a CNN station").
PLACE_KINDS_AFTER_A_NAME = {"camp", "valley", "river", "village", "town", "district", "province", "region", "county",
                            "mountains", "desert", "lake", "island", "prison", "airport", "border", "crossing",
                            "checkpoint", "neighbourhood", "neighborhood", "refugee", "governorate", "oasis",
                            "constellation", "galaxy", "nebula", "crater", "volcano", "glacier", "peninsula"}
# The first word after a body's name that makes a part of it: "Boston University School of Public
# Health", "Zarin Ministry Department of ..." (not "university": "Harvard University" is "Harvard").
SUB_UNIT_HEADS = {"school", "department", "faculty", "institute", "college", "division", "centre", "center",
                  "laboratory", "laboratories", "hospital", "library", "museum", "press", "foundation", "branch"}
# The body's word that opens a name in other languages ("Institut Pasteur", "Partido Popular",
# "Universidad de Chile", "Banco Santander").
BODY_FIRST_WORDS = {"institut", "instituto", "istituto", "universidad", "université", "universite", "universität",
                    "universidade", "università", "universita", "banco", "banque", "partido", "parti", "partito",
                    "partei", "ministerio", "ministère", "ministerium", "tribunal", "consejo", "conseil", "comité",
                    "comisión", "frente", "movimiento", "mouvement", "asociación",
                    "fundación", "fondation", "stiftung", "gruppo", "grupo", "groupe", "compagnie", "compañía"}
# Kinds of document: "the X Declaration" names the event or body it comes from, not an entity.
DOCUMENT_HEADS = {"declaration", "report", "statement", "resolution", "communique", "communiqué", "memo",
                  "memorandum", "letter", "charter", "manifesto", "tweet", "video", "op-ed"}
# Laws and constitutions are documents, not entities of the guidelines.
LAW_HEADS = {"act", "law", "constitution", "code", "amendment", "bill"}
SPEECH_VERBS = {"said", "says", "told", "tells", "added", "wrote", "writes", "stated", "explained", "argued",
                "noted", "warned", "claimed", "insisted", "recalled", "tweeted", "posted", "asked", "replied",
                "admitted", "acknowledged", "announced", "urged", "vowed", "called", "described", "believes",
                "thinks", "hopes", "fears", "continued", "concluded", "emphasized", "emphasised", "stressed"}
PLACE_PREPOSITIONS = {"in", "from", "to", "near", "across", "into", "throughout", "outside", "inside", "towards",
                      "toward", "around", "via", "at"}


# -- moved from the modules that used them: one lexicon for every word list --------------------
LEADING_JUNK = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                "those", "former", "late", "then", "acting", "ex", "so", "-", "called", "both", "all", "some",
                "many", "several", "numerous", "various", "most", "every", "each", "no", "any", "another", "other",
                "such", "fellow",
                "two", "three", "four", "dozens", "hundreds", "thousands", "millions", "anti", "pro",
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
                # adverbs and conjunctions that open a sentence or a quotation ('"Tonight Ghana has chosen"',
                # 'Afterwards Smith'); not those that open names or acronyms too ('AS Roma', 'Just Eat',
                # 'NOW', 'Or Yehuda')
                "tonight", "tomorrow", "meanwhile", "afterwards", "later", "earlier", "recently", "there",
                "when", "while", "since", "after", "before", "but", "and", "yet", "still", "also", "only",
                "instead", "however"}
CONNECTORS = {"of", "for", "on", "&"}
# The little words inside a body's name that its acronym skips ("Department of Corrections and Parole").
NAME_LINK_WORDS = CONNECTORS | {"and", "the"}
OCCUPATION_ENDINGS = ("man", "woman", "men", "women", "ist", "ists", "onomer", "ographer", "ologist", "ician")
STOP = {",", ".", ";", ":", "\u2014", "\u2013", "--", "\"", "\u201c", "\u201d", "?", "!", "|"}  # ends a phrase
# Particles of personal and place names ("Bashar al-Assad", "Tahrir al-Sham", "Ludwig van Beethoven"),
# which may start a name too ("al-Qaeda").
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "von", "van", "der", "den", "du", "la", "le", "del", "de",
             "da", "dos", "di", "ul", "ud"}
AGENT_PARTICIPLES = {"designated", "backed", "led", "based", "owned", "funded", "supported", "controlled", "allied",
                     "aligned", "sponsored", "run", "held", "dominated", "brokered", "made", "born"}
BODY_NOUNS = {"movement", "militia", "militias", "rebels", "insurgents", "group", "party", "regime", "government",
             "administration", "army", "forces", "network", "faction", "coalition", "alliance"}
# Words for an organisation's people or units that stand for it as a verb's object: "clashed
# with Y fighters", "attacked Y positions".
# Nouns of a fight between sides: "fighting between A and B", "A is at war with B".
FIGHT_NOUNS = {"fighting", "fight", "clash", "clashes", "war", "battle", "conflict", "hostility", "hostilities",
               "skirmish", "confrontation", "firefight"}
FORCE_NOUNS = {"fighters", "militants", "rebels", "insurgents", "troops", "forces", "soldiers", "members",
               "supporters", "positions", "militia", "militias", "gunmen", "units", "convoy", "convoys",
               "insurgency", "rebellion", "uprising", "base", "bases", "camp", "camps", "checkpoint", "checkpoints",
               "outpost", "outposts", "headquarters", "stronghold", "strongholds", "targets"}
# Nouns of an armed action one side takes against another: "launched an offensive against Y",
# "claimed responsibility for an attack on Y troops", "X's offensive against Y".
ATTACK_NOUNS = {"attack", "attacks", "offensive", "offensives", "assault", "assaults", "airstrike", "airstrikes",
                "strike", "strikes", "raid", "raids", "ambush", "bombing", "bombings", "campaign", "war",
                "operation", "operations", "counteroffensive", "counter-offensive", "insurgency", "jihad"}
# Verbs of taking a side: "supported X against Y" (X and who supports it oppose Y).
SUPPORT_LEMMAS = {"support", "back", "aid", "help", "arm", "assist", "defend", "side", "join", "ally"}
# Of the words by which an article names again an organisation it named before (BODY_AGAIN_NOUNS),
# the ones that name only a body whose own name ends in them ("the commission's chair": of the
# Electoral Commission, not of whichever body the article named last); "party" for a party.
BODY_AGAIN_HEADS = {"commission", "committee", "council", "board", "ministry", "university", "bank", "party",
                    "institute", "foundation", "association", "federation", "society", "department", "college",
                    "academy", "corporation", "court"}
# Words by which an article names again an organisation it named before ("the group's leader,
# X"): not "government" or "army", whose country's is often meant, unnamed.
BODY_AGAIN_NOUNS = {"group", "movement", "militia", "faction", "coalition", "alliance", "organisation",
                    "organization", "company", "firm", "charity", "union", "network", "club", "team",
                    "agency"} | BODY_AGAIN_HEADS
FUNCTION_POS = {"AUX", "VERB", "ADV", "PART", "PRON", "DET", "ADP", "CCONJ", "SCONJ"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
           "southern", "eastern", "western", "central"}
FACILITY_NOUNS = {"airport", "embassy", "consulate", "prison", "jail", "airbase", "stadium", "university",
                  "hospital", "museum", "palace", "port", "harbour", "harbor", "station"}
# Of these, the sites whose name before them is a place's, whatever else it names ("Gillespie
# Field airport"; not "Harvard university", "BBC station")
SITE_NOUNS = {"airport", "airbase", "stadium", "prison", "jail", "palace", "port", "harbour", "harbor"}
CREDIT_WORDS = {"photo", "photos", "photograph", "image", "picture", "credit", "video", "illustration", "source"}
# the words before a name that make it the source of what is said or the title that printed it:
# "according to X", "speaking to X", "published in X"
SOURCE_OPENERS = {"according to", "speaking to", "talking to", "interview with", "told", "reported by",
                  "published in", "writing in", "wrote in", "writing for", "wrote for", "writes for",
                  "contributor to", "columnist for", "correspondent for", "reporter for", "editor of"}
REPORTING_VERBS = {"reported", "reports", "quoted", "cited", "published", "broadcast", "aired", "reporting"}
HEADLINE_SMALL_WORDS = {"into", "from", "with", "over", "amid", "upon", "onto", "than", "that", "this", "after",
                        "about",
                  "against", "before", "during", "under", "while", "says", "said"}
# Common nouns for a company, an outlet or a body: the name right after one, or a list after
# their plural and "including"/"such as", names organisations ("news firm X", "firms including A, B").
ORGANISATION_KIND_NOUNS = {"firm", "company", "airline", "carrier", "broadcaster", "newspaper", "daily", "tabloid",
                           "journal",
                           "magazine",
             "outlet", "agency", "network", "channel", "station", "website", "bank", "manufacturer", "automaker",
             "carmaker", "conglomerate", "insurer", "retailer", "operator", "publisher", "startup", "giant",
             "group", "militia", "organisation", "organization", "movement", "party", "faction"}
# What one holds in a company: "shares in X", "a stake in X" say X is one.
HOLDING_NOUNS = {"shares", "stake", "stakes", "stock", "shareholding", "shareholders"}
# Of those, the ones that are adjectives too ("a daily Aspirin"): no kind of body before a name.
KIND_NOUNS_ALSO_ADJECTIVES = {"daily", "giant"}
# More nouns that say an apposition's name is an organisation ("X, an online supermarket").
BUSINESS_NOUNS = {"supermarket", "chain", "business", "corporation", "charity", "nonprofit", "non-profit", "club",
                  "team", "union", "institute", "foundation", "bank", "lender", "brewery", "studio", "label",
                  "franchise", "subsidiary", "consultancy", "maker", "producer", "developer", "supplier"}
# Roles whose holder runs what they are "of", which is no person ("the manager of X"; not "head", a
# body's part too: "the head of Jesus").
RUNS_WHAT_IT_IS_OF = LEADER_ROLES - {"head"} | {"manager"}
# Common nouns after a name that say the recogniser's "event" is a body: "the French Civil Security
# service", "the EB Games store".
BODY_NOUNS_AFTER_A_NAME = ORGANISATION_KIND_NOUNS | BUSINESS_NOUNS | {"service", "store", "shop"}
# Words after a name and a hyphen that make an adjective of it, not a longer name ("Biden-led").
# What follows a surname without being one: "Robert Downey Jr." is "Downey".
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
HYPHEN_SUFFIXES = {"era", "led", "run", "like", "type", "born", "made", "free", "held", "wide", "fed", "owned", "size",
                   "age", "tied", "old", "area"}
# An office's term, which names no body: "during X's Presidency".
# A state's forces: "army chief X" means the country's army, not whichever "... Army" the article
# named last (a rebel "Liberation Army").
NATIONAL_FORCES = {"army", "navy", "military"}
OFFICE_TERMS = {"presidency", "premiership", "chancellorship", "mayoralty", "governorship", "papacy", "reign",
                "tenure", "chairmanship", "leadership"}
# Letters before a ship's name: "MV Alan Kurdi", "USS Cole".
SHIP_PREFIXES = {"MV", "MS", "SS", "HMS", "USS", "RV", "HMAS", "HMCS", "HMNZS", "INS", "MT", "FV"}
# Words of quantity that open a sentence before a capitalised name without being part of it.
# Words a work's title follows ('an artwork entitled America'): a title quoted is no entity.
TITLE_MARKERS = {"entitled", "titled"}
# Kinds of thing the guidelines make no entity: a name said to be one ("a technology called X",
# "this method X", "the drug X") is none.
THING_NOUNS = {"technology", "technique", "method", "drug", "medicine", "software", "program", "programme", "game",
               "product", "device", "vaccine", "species", "genus", "protein", "gene", "algorithm", "protocol", "tool",
               "compound", "molecule", "mineral"} | CRAFT_NOUNS
QUANTITY_WORDS = {"several", "many", "some", "other", "both", "all", "few", "most", "such", "more", "two", "three",
                  "four", "five", "dozens", "hundreds", "thousands", "numerous", "various", "former", "senior"}
# Participles of a hyphenated word before a name that say whose the thing named is: "state-owned
# X", "family-run X", "Iran-backed X" (an organisation)
OWNED_PARTICIPLES = {"owned", "run", "backed", "funded", "operated", "controlled", "sponsored"}
# After a name: what only an organisation has ("X founder", "X members", "the X organization").
ORGANISATION_AFTER = {"organization", "organisation", "group", "movement", "militia", "network", "faction", "founder",
             "co-founder", "member", "members", "fighters", "militants", "leadership", "affiliate", "affiliates",
             "branch", "cell", "cells", "spokesman", "spokesperson", "spokeswoman", "rebels", "insurgents", "gunmen"}
# Words that do not count for initials: "National Resistance Front of Afghanistan" → NRFA.
INITIALS_SKIPPED = {"of", "the", "for", "and", "on", "in", "at", "to", "de", "du", "des", "la", "le", "al", "el", "&"}
# Prefixes joined to a word by a hyphen that keep their own meaning ("anti-government", "ex-wife",
# "co-founder", "then-president", "now-former"): no part of a hyphened modifier.
HYPHEN_PREFIXES = {"anti", "pro", "ex", "co", "then", "now", "vice", "non", "re", "self", "post", "pre", "former", "de"}
COPULAS = {"is", "am", "was", "are", "were", "been", "be", "become", "becoming", "becomes", "became", "remains",
           "remained",
           "serves",
           "served", "serving", "as", "named", "appointed", "elected", "re-elected"}
ROLE_PREPOSITIONS = {"at", "with"}
# Participles that say where an organisation or a site is: "X, a daily printed in Y", "an
# airport located in Y", "the Y-based X".
PLACING_PARTICIPLES = {"based", "headquartered", "located", "situated", "printed", "published", "held", "staged"}
PERSON_PRONOUNS = {"he", "she", "i"}
# Nouns for one who takes part in an event: "a candidate in the primary", "an Iraq War veteran".
# stretches of history, whose names are events' ("the period known as Prohibition")
PERIOD_NOUNS = {"period", "era", "age", "epoch", "years", "decade", "time", "times"}
# the ranks of a court that name its officers' offices ("a federal district judge", "the circuit judge")
COURT_RANKS = {"federal", "district", "circuit", "magistrate", "appellate", "appeals", "county"}
COURT_OFFICES = {"judge", "judges", "attorney", "attorneys", "justice", "justices"}
# "X worked for Y as an aide": the role after a name these prepositions govern is the subject's
SERVED_UNDER = {"for", "with", "under", "alongside", "beside"}
# the candidates a party puts up together ("nominated a ticket of X for President and Y")
TICKET_NOUNS = {"ticket", "slate"}
# what one does in an event, said of its doer: "X's victory in the Y", "X's campaign in the Y primary"
PARTICIPATION_NOUNS = {"victory", "win", "defeat", "loss", "campaign", "bid", "run", "performance", "appearance",
                       "participation", "debut", "triumph", "candidacy"}
PARTICIPANT_NOUNS = {"candidate", "candidates", "nominee", "nominees", "contender", "contenders", "contestant",
                     "contestants", "participant", "participants", "delegate", "delegates", "competitor",
                     "competitors", "winner", "winners", "runner-up", "veteran", "veterans", "finalist",
                     "finalists", "champion", "champions", "attendee", "attendees", "speaker", "speakers", "guest",
                     "guests", "panelist", "panelists", "panellist", "panellists", "performer", "performers",
                     "exhibitor", "exhibitors", "presenter", "presenters"}
# The part of an event a result is stated in: "defeated Y in round 3 of the season".
EVENT_PART_NOUNS = {"round", "stage", "game", "final", "finals", "semifinal", "semi-final", "quarterfinal",
                    "quarter-final", "leg", "match", "heat", "opening", "edition", "day", "session", "week"}
EVENT_PARTICIPLES = {"speaking", "attending", "addressing", "competing", "participating", "presenting", "appearing"}
AGREEMENT_VERBS = {"signed", "agreed", "reached", "brokered", "negotiated", "concluded", "struck"}
NAMING_WORDS = {"naming", "named", "names", "calling", "called", "calls", "declaring", "declared", "declares",
          "proclaiming", "proclaimed", "styling", "styled", "appointing", "appointed", "crowning", "crowned"}
TRAVEL_WORDS = {"traveled", "travelled", "traveling", "travelling", "flew", "flying", "came", "coming", "went", "going",
          "arrived", "arriving", "headed", "heading", "returned", "returning", "met", "gathered", "convened"}
# Verbs of leaving one post for the next ("X resigned to become the secretary of state"): what
# follows "to become" is a fact, not a wish ("X hopes to become president")
LEFT_FOR_VERBS = {"resigned", "resigns", "quit", "quits"}
# Verbs whose infinitive is no fact (yet): "X plans to attend Y", "X refused to join Y" (a stance
# against someone is one, though: "X vowed to fight Y")
UNREALISED_VERBS = {"want", "plan", "hope", "intend", "wish", "seek", "try", "aim", "expect", "refuse", "decline",
                    "fail", "promise", "consider", "propose", "offer", "threaten", "vow", "pledge", "like", "love"}
# Nouns of an office held, and its holder's title: "during X's presidency" (X was president).
OFFICE_NOUNS = {"presidency": "president", "premiership": "prime minister", "chancellorship": "chancellor",
                "governorship": "governor", "mayoralty": "mayor", "chairmanship": "chairman",
                "vice-presidency": "vice president", "vice presidency": "vice president"}
# Verbs of taking over someone's office: "X succeeded Y as leader of Z" (X holds it now).
SUCCEED_VERBS = {"succeeded", "succeeds", "succeeding", "replaced", "replaces", "replacing"}
OPPOSE_VERB_FORMS = {"fought", "fights", "fighting", "opposed", "opposes", "opposing", "resisted", "resists",
                     "resisting",
                "battled", "battles", "battling", "attacked", "attacks", "sued", "sues", "suing"}
SEAT_NOUNS = {"stronghold", "base", "headquarters", "home", "heartland", "bastion", "seat", "birthplace", "hometown"}
# Roles that give their holder a title but no relation ("the owner of the store", "a member of Y"
# is a memberOf without a title).
# Trades and callings too short to be known by their ending: a title, and no membership of what
# they are "of" or "at".
TRADES = {"actor", "actress", "singer", "songwriter", "driver", "chef", "entrepreneur", "archbishop", "bishop",
          "cardinal", "priest", "rabbi", "pastor", "poet", "author", "artist", "nurse", "farmer", "dancer",
          "rapper", "comedian", "youtuber", "sharecropper", "model", "host", "novelist", "composer", "athlete",
          # (not those that are common surnames or names' words too: Baker, Cook, Boxer, Monk, Sailor)
          "contractor", "investor", "shopkeeper", "plumber", "filmmaker", "playwright", "screenwriter", "sculptor",
          "illustrator", "animator", "cosplayer", "blogger", "vlogger", "influencer", "narrator", "philosopher",
          "inventor", "surveyor", "missionary", "nun", "golfer", "swimmer", "sprinter", "skier", "wrestler",
          "jockey", "referee", "umpire", "veterinarian", "librarian", "labourer", "laborer", "waiter", "waitress",
          "janitor", "cashier", "courier", "herder", "rancher", "trucker", "merchant", "vendor", "headteacher",
          "schoolteacher", "nanny", "caregiver", "carer", "homemaker", "housewife"}
# A role word after another word that makes the two no role ("my role model", "a key driver of growth").
NO_ROLE_PHRASES = {"role model", "business model", "key driver", "main driver", "growth driver"}
TITLE_ONLY = {"owner", "co-owner", "publisher"} | TRADES
# Of the trades, those a company also is ("the contractor Halliburton", "investor SoftBank"): the
# others before a one-word name make it a person's ("fellow rapper Jay-Z").
TRADES_OF_BODIES = {"host", "model", "contractor", "vendor", "investor", "courier", "merchant", "driver"}
TRADES_OF_PEOPLE = TRADES - TRADES_OF_BODIES
NO_TITLE = {"member", "fighter", "supporter", "ally", "loyalist", "militant", "soldier", "student", "graduate",
            "alumnus", "volunteer", "employee", "worker", "staffer", "recruit", "insider", "player", "partner",
            "associate", "guard", "bodyguard", "intern", "official", "officer", "fellow"}
# Of those, the ones no modifier makes a title: a stance, not a post ("an early supporter of
# democracy", "a close ally of X"; but "a senior official" is one).
STANCE_ROLES = {"supporter", "ally", "loyalist"}
# Descriptive words that are not part of an office ("the powerful minister")
NOT_TITLE_WORDS = {"powerful", "influential", "controversial", "hardline", "main", "veteran", "prominent",
                   "notorious", "famous", "famed", "defiant", "popular", "beloved", "embattled", "outspoken",
                   "longtime", "long-time", "late", "fellow", "then", "now", "current", "incumbent", "own", "new"}
# the kind of place each office leads, by the gazetteer's kinds
# Words that count the holders of an office before an infinitive ("the third President to be
# impeached", "the first woman to lead Y"): no office of the subject's.
# Modifiers of a role that make it speculation, no one's role ("potential candidates").
SUPPOSED_MODIFIERS = {"potential", "possible", "would-be", "hypothetical", "prospective"}
COUNTING_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "last", "only", "youngest", "oldest", "latest", "next"}
# Of those, the offices only a place has (not 'president' or 'chancellor', which bodies and
# universities have too).
STATE_OFFICES = {"prime minister", "premier", "mayor", "lord mayor", "first minister", "chief minister", "governor"}
OFFICE_PLACES = {"president": ("country",), "prime minister": ("country",), "premier": ("subdivision", "country"),
                 "chancellor": ("country",), "king": ("country",), "queen": ("country",), "emir": ("country",),
                 "sultan": ("country",), "governor": ("subdivision",), "mayor": ("city",),
                 "lord mayor": ("city",), "first minister": ("subdivision", "country"),
                 "chief minister": ("subdivision",), "president-elect": ("country",)}
# Words before an office whose holder holds it now, however: "the caretaker prime minister". (A
# former, late or acting holder gets the title alone, as in the reference gold of the samples.)
# Words that say when a title was held: one after a noun opens a second title ("Democratic
# challenger former vice president X": the title is "former vice president")
TENSE_MODIFIERS = {"former", "ex", "then", "late", "current", "outgoing", "incoming", "future", "sitting"}
HOLDING_MODIFIERS = {"current", "sitting", "caretaker", "incumbent", "outgoing", "longtime", "long-time"}
INTERVIEW_WORDS = ("interview", "interviews", "tells wikinews", "discusses", "talks about", "speaks to")
# "named both X and Y as terrorists": naming someone an enemy is opposing them
ENEMY_WORDS = {"terrorist", "terrorists", "enemy", "enemies", "threat", "threats", "traitor", "traitors"}
# The past forms of irregular verbs the relation rules read ("X fought Y"), for when the
# lemmatiser leaves a form as it is.
IRREGULAR_VERB_FORMS = {
    "fought": "fight", "won": "win", "ran": "run", "led": "lead", "beat": "beat", "beaten": "beat", "lost": "lose",
    "held": "hold", "took": "take", "taken": "take", "spoke": "speak", "spoken": "speak", "stood": "stand",
    "came": "come", "went": "go", "gone": "go", "flew": "fly", "flown": "fly", "struck": "strike", "hit": "hit",
    "began": "begin", "begun": "begin", "drew": "draw", "drawn": "draw", "rode": "ride", "ridden": "ride",
    "became": "become", "overran": "overrun", "withdrew": "withdraw", "withdrawn": "withdraw", "shot": "shoot",
    "fled": "flee", "sought": "seek", "bombed": "bomb", "chose": "choose", "chosen": "choose",
}
# The past tense of ENTERING_VERBS, for where the tagger takes the verb for a noun ("The army
# entered Tell Tamer").
ENTERED = {form for form, verb in IRREGULAR_VERB_FORMS.items() if verb in ENTERING_VERBS} \
    | {verb + ("d" if verb.endswith("e") else "ed") for verb in ENTERING_VERBS
       if verb not in IRREGULAR_VERB_FORMS.values()}
NAMING_LEMMAS = {"name", "designate", "label", "brand", "call", "declare", "list", "classify"}
