"""What a role phrase says: its head role, whether its holder leads or belongs to what it is
of, and the title it gives ("former deputy foreign minister", "head of foreign relations")."""
from __future__ import annotations

import re

from dataclasses import dataclass

from ... import lexicon as L
from ...lexicon import common_words
from ...names import INSTITUTION_HEADS
from .units import SYMBOLS, Unit

ROLE, MOD, WORD, HYPHEN = SYMBOLS["ROLE"], SYMBOLS["MOD"], SYMBOLS["WORD"], SYMBOLS["HYPHEN"]
PLACE_NOUN = SYMBOLS["PLACE_NOUN"]



@dataclass(frozen=True)
class Role:
    kind: str  # "leader", "member" or "title" (a title only)
    head: str  # the role word ("minister")
    phrase: str  # the full role phrase, lower-case ("prime minister")
    title: str  # the title to state ("" for none)
    leads_places: bool  # an office that can lead a country, region or city
    part: bool = False  # of a part of what it is of: "head of foreign relations (for Y)"
    words: tuple[str, ...] = ()  # the phrase's other words ("committee" of "committee chairman")


def read_roles(units: list[Unit], complement: list[Unit]) -> list[Role]:
    """The roles of a title phrase, one or two joined by 'and' ("president and chief executive")
    or a lower-case role then a capitalised one ("lead author Professor", "presidential candidate
    Senator"); the complement belongs to the last."""
    cuts = [k for k, u in enumerate(units) if u.symbol in (SYMBOLS["AND"], SYMBOLS["COMMA"])]
    if cuts:
        pieces = [units[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(units)])]
        roles = [read_role(p, complement if k == len(pieces) - 1 else []) for k, p in enumerate(pieces) if p]
        return [r for r in roles if r]
    cut = next((k for k in range(1, len(units)) if _office_after_a_trade(units, k)), None)
    if cut is None:
        return [r for r in [read_role(units, complement)] if r]
    first, second = read_role(units[:cut], []), read_role(units[cut:], complement)
    return [r for r in (first, second) if r]


def _office_after_a_trade(units: list[Unit], k: int) -> bool:
    """Whether a second title opens at units[k]: a capitalised title only a person is addressed by,
    right after a role word in lower case ("lead author | Professor X", "presidential candidate |
    Senator X"; not "solicitor General", "deputy Lord Mayor")."""
    before, u = units[k - 1], units[k]
    return before.symbol == ROLE and before.mention is None and not before.capital \
        and before.lower not in L.TITLE_MODIFIERS | L.SUBORDINATE_MODIFIERS \
        and u.capital and u.mention is None and u.symbol == ROLE and u.lower.rstrip(".") in L.PERSONAL_TITLES \
        and not L.role_kind(f"{before.lower} {u.lower}")


def read_role(units: list[Unit], complement: list[Unit]) -> Role | None:
    """The role of the units of a title phrase (ending in its role word) and its complement."""
    words = _joined([u for u in units if u.mention is None and u.symbol != SYMBOLS["DET"]])
    heads = [k for k, u in enumerate(words) if u.symbol in (ROLE, SYMBOLS["PLURAL_ROLE"])]
    if not heads:
        return None
    h = heads[-1]
    word = words[h].lower
    head = word if L.role_kind(word) else L.plural_role(word) or word  # (a player's position: "striker")
    words = words[:h] + [Unit(ROLE, words[h].start, words[h].end, None, head)] + words[h + 1:]
    two = f"{words[h - 1].lower} {head}" if h > 0 else ""
    modifiers = {u.lower.rstrip("-") for u in words[:h]}
    if modifiers & L.SUPPOSED_MODIFIERS:
        return None  # "as potential candidates", "a possible successor": speculation, no role
    kind = _kind(head, two, modifiers, " ".join([head, *(u.lower for u in complement)]))
    phrase = two if two in L.LEADER_ROLES | L.MEMBER_ROLES else head
    leads_places = phrase in L.PLACE_LEADER_ROLES or head in L.PLACE_LEADER_ROLES
    title = "" if head in L.NO_TITLE and not modifiers or head in L.STANCE_ROLES else _title(words, h, complement)
    part = bool(complement) and complement[0].symbol == SYMBOLS["OF"] \
        or any(u.lower in L.PART_WORDS for u in words[:h] if u.symbol in (WORD, MOD, PLACE_NOUN))
    return Role(kind=kind, head=head, phrase=phrase, title=title, leads_places=leads_places, part=part,
                words=tuple(u.lower for u in words[:h]))


def _joined(words: list[Unit]) -> list[Unit]:
    """Hyphenated words as one: 'Secretary - General' → 'secretary-general', 'commander - in -
    chief' → 'commander-in-chief' (a ROLE if the last part or the whole is one)."""
    out: list[Unit] = []
    k = 0
    while k < len(words):
        j = k
        while j + 2 < len(words) and words[j + 1].symbol == HYPHEN and words[j + 1].start == words[j].end \
                and words[j + 2].start == words[j + 1].end:
            j += 2
        if j == k:
            out.append(words[k])
        elif j - k >= 4 and words[k].symbol == SYMBOLS["MOD"]:
            out += words[k:k + 2]  # 'then-prime-minister': a modifier, then the office
            k += 2
            continue
        else:
            whole = "-".join(u.lower for u in words[k:j + 1:2])
            if not L.role_kind(whole) and L.role_kind(whole.replace("-", " ")):
                whole = whole.replace("-", " ")  # 'then-prime-minister': the office is 'prime minister'
            symbol = ROLE if L.role_kind(whole) or words[j].symbol == ROLE else words[j].symbol
            out.append(Unit(symbol, words[k].start, words[j].end, None, whole))
        k = j + 1
    return out


def _kind(head: str, two: str, modifiers: set[str], with_complement: str) -> str:
    """'leader', 'member' or 'title' for a role head word, the two last words of its phrase,
    the words before it and the head with its complement ("chief of staff")."""
    if head in L.TITLE_ONLY or head.rsplit("-", 1)[-1] in L.TITLE_ONLY:  # "co-owner", "co-inventor"
        return "title"
    if two in L.MEMBER_PHRASES or with_complement in L.MEMBER_PHRASES or modifiers & L.SUBORDINATE_MODIFIERS \
            or head.startswith(("vice", "deputy", "co-", "under", "assistant")):
        return "member"
    if two in L.LEADER_ROLES:
        return "leader"
    return L.role_kind(head) or "member"


def _title(words: list[Unit], h: int, complement: list[Unit]) -> str:
    """The role words as a title: the run of modifiers and role words that ends in the head, and
    a complement naming no entity ("of foreign relations")."""
    start = h
    while start > 0 and words[start - 1].symbol in (ROLE, MOD, WORD, HYPHEN, PLACE_NOUN, SYMBOLS["TENURE"],
                                                    SYMBOLS["FIELD_AND"]) \
            and not set(words[start - 1].lower.split("-")) & L.NOT_TITLE_WORDS \
            and not _end_of_a_missed_name(words[start - 1]) \
            and not (words[start].lower in L.TENSE_MODIFIERS and words[start - 1].symbol in (ROLE, WORD)):
        # ("then-new owner"; "challenger | former vice president": a second title opens at 'former')
        start -= 1
    while start < h and (words[start].lower in L.PARTY_ADJECTIVES or words[start].lower in _demonyms()) \
            and words[start].lower not in L.TITLE_MODIFIERS:
        start += 1  # "Republican committee chairman", "Israeli prime minister": whose, not what
    while words[start].symbol == SYMBOLS["FIELD_AND"]:
        start += 1  # ('Police and Crime Commissioner': the capitalised 'Police' is a name's word)
    parts = [u.lower for u in words[start:h + 1]]
    if not _missed_name(complement):
        # (a name is part of it after "on" or "to", or before a noun: "consultant on Afghanistan",
        # "ambassador to France", "commissioner of the New York police")
        about = bool(complement) and complement[0].symbol == SYMBOLS["ON_TO"]
        kept = _ending_in_a_noun(complement)
        parts += [u.lower for k, u in enumerate(kept) if u.mention is None or about
                  or k + 1 < len(kept) and kept[k + 1].symbol in (WORD, PLACE_NOUN)]
    text = " ".join(parts).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return re.sub(r" (['\u2019]s?)\b", r"\1", text)  # "the party's youth wing", not "party 's"


def _end_of_a_missed_name(u: Unit) -> bool:
    """'Zanzar Prime Minister', 'Lakeside Research Institute Director': a capitalised word before
    the office that is no everyday word, or a body's head word, ends a name, not the title."""
    return u.capital and u.symbol == WORD and (u.lower not in common_words() or u.lower in L.ORG_HEADS
                                               or u.lower in INSTITUTION_HEADS)


def _ending_in_a_noun(complement: list[Unit]) -> list[Unit]:
    """'author of the current economic [and political challenges]': a complement cut after an
    adjective is no part of the title ('author')."""
    end = len(complement)
    while end and (complement[end - 1].adjective or complement[end - 1].symbol in (SYMBOLS["DET"], SYMBOLS["OF"])):
        end -= 1
    return complement[:end] if end > 1 else []


def _missed_name(complement: list[Unit]) -> bool:
    """'director of the Learning Together event': capitalised words before a lower-case noun are a
    name the recogniser missed, no part of a title ('head of Foreign Relations' is one)."""
    caps = [k for k, u in enumerate(complement) if u.capital and u.symbol == WORD
            and not (k + 1 < len(complement) and complement[k + 1].symbol == HYPHEN)]  # ('X-ray binaries')
    return bool(caps) and any(u.symbol == WORD and not u.capital for u in complement[caps[0] + 1:])


def _demonyms() -> dict:
    from ... import gazetteer

    return gazetteer.demonyms()
