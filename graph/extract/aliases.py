"""Resolution within one article: which mentions name the same thing.

Fuller names come first and found the entities; shorter forms then join the entity they
can only be a form of — a surname, an acronym, a name without its qualifier ("National
Resistance Front" of "... of Afghanistan"), "Zarin" of "the Zarin valley". Names that
merely share words stay apart ("Karim Darwish" is not "Karim Aziz Darwish": not a run of
its words). A short form that fits several entities goes to the one mentioned last before it.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import gazetteer
from ..names import acronym_of, contiguous_in, fullness, initials, is_acronym, normal, spelling_variant, tokens
from ..records import LocalEntity
from ..lexicon import MEETING_NOUNS, PLACE_GENERICS, REGNAL_TITLES


@dataclass
class _Cluster:
    forms: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    types: Counter = field(default_factory=Counter)
    positions: list[int] = field(default_factory=list)
    hint: str | None = None
    founder_type: str = ""  # type of the form that founded the entity: breaks ties in the vote

    @property
    def label(self) -> str:
        return self.hint or max(self.forms, key=lambda f: (fullness(f), -self.forms.index(f)))

    @property
    def type(self) -> str:
        best = self.types.most_common()
        top = [t for t, n in best if n == best[0][1]]
        if len(top) == 1:
            return top[0]
        return self.founder_type if self.founder_type in top else top[0]


def cluster(mentions: list[tuple[str, str, int]], text: str = "",
            hints: dict[int, str] | None = None) -> tuple[list[int], list[LocalEntity]]:
    """Group mentions (surface text, type, start offset) into entities.

    Returns the entity index of each mention and the entities, in order of first mention.
    `hints` maps a mention's start offset to a canonical label (a dateline's country code).
    """
    hints = hints or {}
    order = sorted(range(len(mentions)), key=lambda i: (-fullness(mentions[i][0])[0],
                                                        -fullness(mentions[i][0])[1], mentions[i][2]))
    clusters: list[_Cluster] = []
    assigned: dict[int, int] = {}
    defined = _parenthetical_definitions(mentions, text)
    # A name repeats many times in an article; whether it joins a cluster depends only on the
    # cluster's forms and its leading type, so the answer is kept until one of them changes.
    known: dict[tuple, bool] = {}
    # Only clusters that share a lookup key with a form can take it (_lookup_keys), so a mention
    # is compared with a few clusters, not with every cluster of the article.
    by_key: dict[str, set[int]] = defaultdict(set)

    def same(form: str, etype: str, c: int, cl: _Cluster) -> bool:
        key = (form, etype, c, len(cl.forms), cl.types.most_common(1)[0][0])
        if key not in known:
            known[key] = _same(form, etype, cl)
        return known[key]

    for i in order:
        form, etype, pos = mentions[i]
        target = None
        if i in defined and defined[i] in assigned:
            target = assigned[defined[i]]
        else:
            near = set().union(*(by_key.get(k, ()) for k in _lookup_keys(form, probe=True)))
            candidates = [c for c in sorted(near) if same(form, etype, c, clusters[c])]
            if candidates:
                # the nearest mention before this one decides between several candidates
                def recency(c: int) -> tuple[int, int]:
                    positions = clusters[c].positions
                    before = bisect.bisect_left(positions, pos)
                    return (positions[before - 1] if before else -1, len(positions))
                target = max(candidates, key=recency)
        if target is None:
            clusters.append(_Cluster(founder_type=etype))
            target = len(clusters) - 1
        cl = clusters[target]
        if cl.types and cl.types.most_common(1)[0][0] == "PERSON" and etype in ("PLACE", "ORG"):
            etype = "PERSON"  # a person's given name the tagger took for a place
        elif cl.types and _plural_of_movement(normal(form), etype, cl, cl.types.most_common(1)[0][0]):
            etype = cl.types.most_common(1)[0][0]  # "Houthis" of the "Houthi movement": its type
        if form not in cl.forms:
            cl.forms.append(form)
            for k in _lookup_keys(form, probe=False):
                by_key[k].add(target)
        cl.keys.add(normal(form))
        cl.types[etype] += 1
        bisect.insort(cl.positions, pos)
        if pos in hints:
            cl.hint = hints[pos]
        assigned[i] = target
    # number entities by first mention, so output is stable and reads in text order
    first = sorted(range(len(clusters)), key=lambda c: min(clusters[c].positions))
    renumber = {old: new for new, old in enumerate(first)}
    first_at: dict[tuple[int, str], int] = {}
    for j, (m, _, p) in enumerate(mentions):
        key = (assigned[j], m)
        first_at[key] = min(p, first_at.get(key, p))
    entities = []
    for old in first:
        cl = clusters[old]
        forms = sorted(cl.forms, key=lambda f: first_at[(old, f)])
        label = cl.label
        entities.append(LocalEntity(label=label, type=cl.type,
                                    forms=tuple(dict.fromkeys([label, *forms]))))
    return [renumber[assigned[i]] for i in range(len(mentions))], entities


def _lookup_keys(form: str, probe: bool) -> set[str]:
    """Keys under which a cluster holding `form` is found (probe=False), or under which to look
    for clusters that `form` may join (probe=True). Every way `_same` can join a form to a
    cluster relates it to one of the cluster's forms through a shared key: a word (or a part of
    a hyphenated word), a plural's stem, the country or people it names, an acronym's letters."""
    key = normal(form)
    words = key.split()
    out = set(words) | {part for w in words for part in w.split("-") if part}
    if key.endswith("s"):
        out.add(key[:-1])
    country = gazetteer.countries().get(key)
    if country:
        out.add("country:" + country)
    out.add("people:" + _people_stem(key, gazetteer.demonyms()))
    letters = key.replace(" ", "")
    if is_acronym(form):
        out.add(("acronym:" if probe else "expansion:") + letters)
    for letters in initials(form):
        out.add(("expansion:" if probe else "acronym:") + letters)
    return out


def _same(form: str, etype: str, cl: _Cluster) -> bool:
    key = normal(form)
    ctype = cl.types.most_common(1)[0][0]
    if ctype == "PERSON" and etype in ("PLACE", "ORG") and " " not in key \
            and any(" " in f and normal(f.split(" ", 1)[0]) == key for f in cl.forms) \
            and not is_acronym(form) and gazetteer.place_kind(form) is None and key not in gazetteer.demonyms():
        return True  # "Jamal" after "Jamal Khashoggi", mistyped as a place: the person's given name
    if ctype == "PERSON" and etype in ("PLACE", "ORG") and " " not in key and "-" in key.strip("-") \
            and any(" " in f and tokens(f)[-1] == key for f in cl.forms) \
            and not is_acronym(form) and gazetteer.place_kind(form) is None:
        return True  # "Lopez-Arana" after "Maria Lopez-Arana", mistyped: a hyphenated surname alone
    if _plural_of_movement(key, etype, cl, ctype):
        return True
    if key in cl.keys:
        return etype == ctype or {etype, ctype} <= {"ORG", "PLACE"}
    country = gazetteer.countries().get(key)
    if country and etype == ctype == "PLACE" and any(gazetteer.countries().get(k) == country for k in cl.keys):
        return True  # "USA" and "United States"
    if (etype == "PERSON") != (ctype == "PERSON"):
        return False
    words = tokens(form)
    if etype == ctype == "PERSON" and len(words) > 1:
        # "John R. Bolton" / "John Bolton", "Hamza bin Ladin" / "Hamza bin Laden": one person
        bare = _without_initials(words)
        for other in cl.forms:
            other_bare = _without_initials(tokens(other))
            if len(bare) > 1 and (bare == other_bare or spelling_variant(" ".join(bare), " ".join(other_bare))):
                return True
    if etype == ctype == "PERSON":
        # "Sultan X" and "X bin Y": a monarch named by title and given name is the person whose name
        # begins with it, whichever form comes first
        name = _regnal_name(words)
        for other in cl.forms:
            other_words = tokens(other)
            other_name = _regnal_name(other_words)
            if name and other_name is None and len(other_words) > 1 and other_words[0] == name:
                return True
            if other_name and name is None and len(words) > 1 and words[0] == other_name:
                return True
    if etype == "GROUP" or ctype == "GROUP":
        d = gazetteer.demonyms()
        return etype == ctype and any(_people_stem(key, d) == _people_stem(k, d) for k in cl.keys)
    for other in cl.forms:
        if etype == ctype == "EVENT" and _same_meeting(words, tokens(other)):
            return True
        if acronym_of(form, other) or acronym_of(other, form):
            return etype != "PERSON"
        other_words = tokens(other)
        if not contiguous_in(words, other_words):
            continue
        if etype == "PERSON":
            # one word joins a person only as their surname or given name
            if len(words) > 1 or words[0] in (other_words[-1], other_words[0]):
                return True
        elif etype == ctype == "PLACE":
            extra = [w for w in other_words if w not in words]
            if extra and all(w in PLACE_GENERICS for w in extra):
                return True
        elif etype == ctype or {etype, ctype} <= {"ORG", "EVENT"}:
            # a name without its qualifier: a prefix, or a run of at least two words
            if other_words[:len(words)] == words or len(words) >= 2:
                if is_acronym(form) and other_words[:len(words)] == words and len(other_words) == len(words) + 1 \
                        and other_words[-1] in OUTLET_WORDS:
                    return True  # "NBC" of "NBC News"
                return not is_acronym(form) or acronym_of(form, other)
    if etype == ctype == "PERSON" and len(words) == 1:
        # "Assad" of "Bashar al-Assad": a surname with its particle
        for other in cl.forms:
            other_words = tokens(other)
            if len(other_words) > 1 and "-" in other_words[-1] and other_words[-1].split("-", 1)[1] == words[0]:
                return True
    return False


def _regnal_name(words: list[str]) -> str | None:
    """The given name of "Pope X", "Crown Prince X": the one word after a monarch's title."""
    if len(words) >= 2 and all(w in REGNAL_TITLES or w == "crown" for w in words[:-1]) and words[-2] in REGNAL_TITLES:
        return words[-1]
    return None


# Words that end a news outlet's name and may be left off it ("NBC" for "NBC News").
OUTLET_WORDS = {"news", "tv", "television", "radio", "network", "channel", "online"}


def _plural_of_movement(key: str, etype: str, cl: _Cluster, ctype: str) -> bool:
    """'Xs' and an organisation named 'X movement' / 'X rebels' in one article: its members,
    the same organisation (not for peoples: 'Afghans' is no 'Afghan Army')."""
    if ctype != "ORG" or etype in ("PERSON", "GROUP") or not key.endswith("s") or len(key) < 5 \
            or " " in key or key in gazetteer.demonyms():
        return False
    stem = key[:-1]
    return any(k.split(" ")[0] == stem and " " in k for k in cl.keys)


def _people_stem(key: str, demonyms: dict[str, str]) -> str:
    """'kurds', 'kurdish' → 'kurd'; 'afghans' → 'afghan': one people's noun and adjective."""
    key = normal(demonyms.get(key, key))
    if key.endswith("ish") and len(key) > 5:
        return key[:-3]
    return key[:-1] if key.endswith("s") else key


def _without_initials(words: list[str]) -> list[str]:
    return [w for w in words if len(w.rstrip(".")) > 1]


def _same_meeting(a: list[str], b: list[str]) -> bool:
    """'the Doha meeting' and 'the Doha summit' in one article: one meeting, named by place."""
    return len(a) == len(b) >= 2 and a[:-1] == b[:-1] and a[-1] != b[-1] \
        and a[-1] in MEETING_NOUNS and b[-1] in MEETING_NOUNS


def _parenthetical_definitions(mentions: list[tuple[str, str, int]], text: str) -> dict[int, int]:
    """'Islamic State (ISIS)': the bracketed mention is defined by the one just before it."""
    out = {}
    if not text:
        return out
    by_pos = sorted(range(len(mentions)), key=lambda i: mentions[i][2])
    for a, b in zip(by_pos, by_pos[1:]):
        form_a, _, pos_a = mentions[a]
        form_b, type_b, pos_b = mentions[b]
        between = text[pos_a + len(form_a):pos_b]
        if re.fullmatch(r"\s*\(\s*", between) and text[pos_b + len(form_b):pos_b + len(form_b) + 1] == ")" \
                and is_acronym(form_b) and type_b != "PERSON":
            out[b] = a
    return out
