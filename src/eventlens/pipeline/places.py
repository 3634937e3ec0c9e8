"""Places stage: find toponyms, resolve them against the offline gazetteer, and say
where an event happened.

Toponyms come from spaCy GPE/LOC/FAC entities and from matching gazetteer names over
capitalised token runs (spaCy misses "Al-Tanf" and tags "Erbil" as ORG). Each one is
resolved to the candidate that best fits the article: countries named or implied by
demonyms ("Iraqi") and by actors, a following ", Region" qualifier, population, and
curated project places first. Output: ``doc._.places`` (list[Place], merged by id).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..kb.places import Candidate, Gazetteer, distance_km, gazetteer, norm
from ..model import Place, Span
from .base import doc_text, overlaps

NER_LABELS = {"GPE", "LOC", "FAC"}
CURATED = {"district", "site", "airport", "base", "crossing", "camp", "region"}
REGION_WORDS = {"province", "governorate", "state", "region", "oblast", "county", "district",
                "prefecture", "department", "parish"}
# words that may sit inside a multi-word name without being capitalised
CONNECTORS = {"of", "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "de", "del", "la",
              "bin", "ibn", "abu", "bani", "beni", "sur", "upon"}
# lower-case words that end a curated name ("Erbil airport", "Mosul old city")
SUFFIX_WORDS = {"airport", "air", "base", "airbase", "camp", "crossing", "district", "old", "city",
                "garrison", "square", "border", "refugee", "mosque", "compound", "strip", "bank"}
# words that are never a place on their own inside a longer name ("South" of "South Ossetia")
GENERIC_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                 "central", "new", "old", "upper", "lower", "greater", "city", "county", "state",
                 "republic", "union", "united", "great", "little", "high", "mount", "lake", "river",
                 "park", "saint", "st", "fort", "port", "bay", "valley", "island", "islands",
                 # common words that are also the names of small towns
                 "university", "college", "metro", "delta", "hope", "spring", "justice", "supreme",
                 "commerce", "superior", "celebration", "liberty", "independence", "unity",
                 "victory", "freedom", "national", "federal", "general", "royal", "grand", "golden",
                 "titan", "energy", "home", "security", "police", "social", "community", "health",
                 "mercy", "providence", "harmony", "paradise", "enterprise", "progress", "reform"}
# words around a name that say it is a place, not a person ("of Mansfield", "Alexandria police")
PLACE_BEFORE = {"in", "of", "from", "at", "to", "near", "outside", "into", "across", "around",
                "toward", "towards", "through", "throughout", "visit", "visited", "downtown"}
PLACE_AFTER = {"police", "man", "woman", "men", "women", "resident", "residents", "area", "city",
               "county", "council", "school", "schools", "native", "officials", "mayor", "voters",
               "community", "neighborhood", "neighborhoods", "region", "district", "township",
               "village", "town", "airport", "streets", "officers", "firefighters", "family"}
# a word before a name that makes it a person's ("Mr Reading", "Sen. Lincoln")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
          "judge", "justice", "sgt", "lt", "capt", "col", "gen", "officer", "deputy", "det",
          "detective", "coach", "rev", "father", "sir", "lord", "lady", "prince", "king", "queen",
          "mayor", "minister", "prof", "professor", "chief", "sheriff", "trooper", "pastor"}
TOWN_FEATURES = {"city", "admin1", "admin2", "country", "region"}
# words that say what kind of place a name is ("Loikaw town", "Twantay township (...)")
DESCRIPTORS = REGION_WORDS | {"village", "villages", "town", "township", "city", "municipality", "commune",
                              "ward", "neighborhood", "neighbourhood", "area", "locality", "sector",
                              "subdistrict", "sub-district", "block", "tehsil", "taluk", "payam", "kebele",
                              "woreda", "barangay", "territory", "chiefdom", "circle", "quarter", "suburb",
                              "settlement", "camp", "zone", "division", "locality", "rural", "urban",
                              "hromada", "raion", "rayon", "governorate", "canton", "the", "of"}
MAX_NAME_TOKENS = 6
MIN_GAZ_ONLY_POPULATION = 5000   # towns found only by the gazetteer (not NER) need this much
BIG_TOWN = 100_000               # ... or this much when the text names no country of theirs
_PLACE_CUES = (
    # (regex over the text just before the mention, geo precision for a town)
    (re.compile(r"\b(?:on the )?(?:outskirts|edge|suburbs?|environs) of (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:near|outside|close to|nearby|around|north of|south of|east of|west of|"
                r"(?:north|south|east|west)(?:east|west)?(?:ern)? of|km (?:from|of)|"
                r"kilometres (?:from|of)|miles (?:from|of)) (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:in|at|inside|within|on|into|to|across|throughout|in central|in northern|"
                r"in southern|in eastern|in western) (?:the )?$", re.I), 1),
)
_SLUG = re.compile(r"[^a-z0-9]+")
_PARTS = re.compile(r"\s+[-–—]\s*|\s*[(),;]\s*")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    source: str                       # "ner" or "gazetteer"
    label: str = ""
    hint: Optional[Candidate] = None  # "X, Region" qualifier that follows the mention
    region_word: bool = False         # "X province"
    in_org: bool = False              # the first words of an organisation's name ("Ohio Supreme Court")
    quals: list["Mention"] = field(default_factory=list)  # "X (A district, B state)" -> A, B
    candidates: list[Candidate] = field(default_factory=list)
    chosen: Optional[Candidate] = None
    why: str = ""


class PlacesStage:
    attr = "places"

    def __init__(self, gaz: Gazetteer | None = None):
        self._gaz = gaz

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer()
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    # ------------------------------------------------------------ finding

    def find(self, doc: Doc) -> list[Mention]:
        gaz = self.gaz
        text = doc_text(doc)
        blocked = _actor_spans(doc)
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        # persons spaCy/actors made of town names ("Alexandria police", "of Mansfield")
        for start, end in self._person_places(doc, blocked):
            blocked = [b for b in blocked if not overlaps(b[0], b[1], start, end)]
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "person"))
            taken.append((start, end))
        kb_orgs = {(m.start, m.end) for a in doc._.actors or [] if a.kb_id and a.kind in ("organization", "group")
                   for m in a.mentions}
        for ent_start, ent_end, label in _ner_spans(doc):
            start, end, etext = _trim(doc, ent_start, ent_end)
            if end <= start or any(overlaps(start, end, a, b) for a, b in taken):
                continue
            key = norm(etext)
            if not key or key in gaz.demonyms or (start, end) in kb_orgs or gaz.abbreviation(etext):
                continue
            if _blocked(blocked, start, end, allow_places=True):
                continue
            mentions.append(Mention(start, end, text[start:end], key, "ner", label))
            taken.append((ent_start, ent_end))
        for start, end in self._abbreviation_spans(doc, taken):
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "abbrev",
                                    candidates=[gaz.abbreviation(text[start:end])]))
            taken.append((start, end))
        for start, end in self._org_places(doc, taken):
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "org", in_org=True))
            taken.append((start, end))
        for start, end in self._gazetteer_spans(doc, taken + sorted(kb_orgs), blocked):
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "gazetteer"))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            if m.source != "abbrev":
                m.candidates = gaz.lookup_key(m.key)
            if not m.candidates and m.source == "ner":
                # "Baghdad's Karrada district" / "the city of Mosul": try the inner name
                m.candidates = self._inner_candidates(m)
            after = doc_text(doc)[m.end:m.end + 20].lstrip().lower().split(" ", 1)
            m.region_word = bool(after) and after[0].strip(",.;") in REGION_WORDS
        self._named = self._named_countries(mentions)
        self._regions = Counter(_named_regions(mentions))
        _link_qualifiers(doc, mentions)
        mentions = [m for m in mentions if self._plausible(doc, m)]
        _link_qualifiers(doc, mentions)
        self._resolve(doc, mentions)
        return mentions

    def _inner_candidates(self, m: Mention) -> list[Candidate]:
        # "Seoul City - Jung", "Maceio (Alagoas": each part names a place of its own
        strict = m.label in ("GPE", "LOC")
        for part in _PARTS.split(m.text):
            words = part.split()
            for n in range(len(words), 0, -1):
                for i in range(0, len(words) - n + 1):
                    key = norm(" ".join(words[i:i + n]))
                    if len(key) < 4 or key in GENERIC_WORDS or not self.gaz.has_key(key):
                        continue
                    # In a span spaCy calls a place, extra name words make a longer unknown place
                    # ("Kone" of "Kone Chan village" is not the village); in an organisation's or
                    # facility's name the place is part of it ("Hounslow Council") and still a toponym.
                    if strict and (not _descriptive(words[:i], before=True)
                                   or not _descriptive(words[i + n:], before=False)):
                        continue
                    named = [c for c in self.gaz.lookup_key(key) if norm(c.name) == key]
                    if named:
                        return named
        return []

    def _person_places(self, doc: Doc, blocked) -> Iterable[tuple[int, int]]:
        """PERSON spans that are a town or region name standing alone: spaCy tags many US
        towns as persons ("Alexandria police"). Not when a title precedes, when the word is
        a surname of a fuller name in the text, or when the actor is a known person."""
        text = doc_text(doc)
        kb_people = {(m.start, m.end) for a in doc._.actors or [] if a.kb_id and a.kind == "person"
                     for m in a.mentions}
        surnames = _surnames(doc)
        seen = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end, name = _trim(doc, ent.start_char, ent.end_char)
            key = norm(name)
            if not key or key in surnames or (start, end) in seen or len(name.split()) > 2:
                continue
            if any(overlaps(start, end, s, e) for s, e in kb_people):
                continue
            prev = doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and (prev.lower_.rstrip(".") in TITLES or
                                     prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start):
                continue
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if not (prev is not None and prev.lower_ in PLACE_BEFORE or
                    nxt is not None and (nxt.lower_ in PLACE_AFTER or nxt.text == "," and
                                         ent.end + 1 < len(doc) and self._is_region(doc[ent.end + 1].text)) or
                    name != ent.text):  # "Mansfield's"
                continue
            if any(_names_place(c, key) for c in self.gaz.lookup_key(key)):
                seen.add((start, end))
                yield start, end

    def _is_region(self, word: str) -> bool:
        return self.gaz.abbreviation(word) is not None or any(
            c.feature in ("admin1", "country") for c in self.gaz.lookup(word))

    def _org_places(self, doc: Doc, taken) -> Iterable[tuple[int, int]]:
        """The place an organisation's name starts with or ends on ("Ohio Supreme Court",
        "University of Georgia"): a reference to that place, though not where events happen."""
        text = doc_text(doc)
        spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"}
        for a in doc._.actors or []:
            if a.kind in ("organization", "group"):
                spans.update((m.start, m.end) for m in a.mentions)
        found = set()
        surnames = _surnames(doc)
        for s0, e0 in sorted(spans):
            org = doc.char_span(s0, e0, alignment_mode="expand")
            if org is None or len(org) < 2:
                continue
            toks = [t for t in org if not (t.i == org.start and t.lower_ == "the")]
            leading = [toks[:n] for n in range(min(4, len(toks) - 1), 0, -1)]
            trailing = [toks[-1:]] if len(toks) >= 3 and toks[-2].lower_ == "of" else []
            for group in (leading, trailing):
                for piece in group:
                    start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
                    key = norm(text[start:end])
                    if not key or key in GENERIC_WORDS or key in self.gaz.demonyms or key in surnames or \
                            not piece[0].text[:1].isupper() or (start, end) in found or \
                            any(overlaps(start, end, a, b) for a, b in taken):
                        continue
                    if any(_names_place(c, key) for c in self.gaz.lookup_key(key)):
                        found.add((start, end))
                        yield start, end
                        break

    def _abbreviation_spans(self, doc: Doc, taken) -> Iterable[tuple[int, int]]:
        """US state abbreviations in datelines: after "Town," ("Huntington, W.Va."), or
        anywhere when they cannot be a word ("D.C.", "N.Y.")."""
        text = doc_text(doc)
        for ab in self.gaz.abbreviations:
            i = text.find(ab)
            while i >= 0:
                j = i + len(ab)
                ok_edges = (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalpha())
                after_town = re.search(r"[A-Z][\w.'’-]*,\s?$", text[max(0, i - 40):i]) is not None
                if ok_edges and (after_town or ab.count(".") >= 2) and \
                        not any(overlaps(i, j, a, b) for a, b in taken):
                    yield i, j
                i = text.find(ab, j)

    def _gazetteer_spans(self, doc: Doc, taken, blocked) -> Iterable[tuple[int, int]]:
        """Longest gazetteer names over runs of capitalised tokens not already found by NER."""
        gaz = self.gaz
        for run in _name_runs(doc):
            i = 0
            while i < len(run):
                found = None
                for j in range(min(len(run), i + MAX_NAME_TOKENS), i, -1):
                    first, last = run[i], run[j - 1]
                    if last.lower_ in CONNECTORS or last.text in "-'’":
                        continue
                    if first.is_stop and not _glued(first) or not first.is_alpha:
                        continue  # "-South" of "Shan-South"
                    start, end = first.idx, last.idx + len(last.text)
                    key = norm(doc_text(doc)[start:end])
                    if len(key) >= 2 and key not in GENERIC_WORDS and gaz.has_key(key):
                        found = (start, end, j)
                        break
                if found is None:
                    i += 1
                    continue
                start, end, j = found
                if not any(overlaps(start, end, a, b) for a, b in taken) and \
                        not _blocked(blocked, start, end, allow_places=False):
                    yield start, end
                i = j

    def _plausible(self, doc: Doc, m: Mention) -> bool:
        """Keep NER places (even unknown ones after a locative cue); gazetteer-only matches
        must look like names and not be common words that happen to be towns."""
        if m.source == "ner":
            if m.candidates:
                return True
            return m.label == "GPE" and _cue_precision(doc_text(doc), m.start) is not None
        if not m.candidates:
            return False
        if m.source == "abbrev":
            return True
        best = m.candidates[0]
        if m.source in ("person", "org"):
            # a name spaCy gave to a person or an organisation: only a place that fits the
            # text (its country or state named) or is well known
            for c in m.candidates:
                if not _names_place(c, m.key) or m.key in GENERIC_WORDS:
                    continue
                if c.feature in ("country", "admin1", "region", "admin2") or c.population >= BIG_TOWN:
                    return True
                if self._named.get(c.country, 0) >= 2 or (c.country, c.admin1) in self._regions:
                    return True
            return False
        strong = any(c.feature in CURATED | {"country", "admin1"} or
                     c.feature == "admin2" and norm(c.name) == m.key for c in m.candidates)
        ent = _ent_at(doc, m.start, m.end)
        if ent is not None and ent.label_ in {"NORP", "DATE", "TIME", "MONEY", "CARDINAL"}:
            return False
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            # a whole ORG/PERSON that is in fact a well-known place (spaCy tags "Erbil" ORG)
            if ent.start_char < m.start - 4 or ent.end_char > m.end:
                return False
            return strong or best.population >= 100_000
        tokens = doc.char_span(m.start, m.end, alignment_mode="expand")
        if len(m.key) < 4 and not (strong and m.text.isupper() or "." in m.text):
            return False
        if tokens is not None and len(tokens) == 1:
            tok = tokens[0]
            if tok.pos_ not in ("PROPN",) and not strong:
                return False
            if tok.is_sent_start and tok.lower_ in doc.vocab.strings and not strong and \
                    best.population < 100_000:
                return False
        if strong:
            return True
        named = [c for c in m.candidates if c.feature in ("city", "admin2") and norm(c.name) == m.key]
        if any(_fits_quals(c, m.quals) for c in named):
            return True  # "Cisternino (Brindisi, Puglia)": its own region vouches for it
        if named and _cue_precision(doc_text(doc), m.start) is not None and tokens is not None and \
                all(t.pos_ == "PROPN" for t in tokens) and max(c.population for c in named) >= 1000:
            return True  # "protested in Denain"
        # a town found only by the gazetteer: its own name (not an obscure alternate
        # such as "Google" for Topeka) and either large or in a country the text names
        named = [c for c in m.candidates if c.feature in ("city", "admin2") and norm(c.name) == m.key]
        return any(c.population >= BIG_TOWN or c.feature == "admin2" and len(m.text.split()) >= 2 or
                   (c.population >= MIN_GAZ_ONLY_POPULATION and self._named.get(c.country, 0) >= 2) or
                   (c.population >= 1000 and (c.country, c.admin1) in self._regions)
                   for c in named)

    # ------------------------------------------------------------ resolving

    def _named_countries(self, mentions: list[Mention]) -> Counter:
        """Countries the text names outright, directly or through a region of theirs."""
        named: Counter = Counter()
        for m in mentions:
            for c in m.candidates[:1]:
                if c.feature == "country":
                    named[c.country] += 2
                elif c.feature in ("admin1", "admin2") and (norm(c.name) == m.key or m.source == "abbrev"):
                    named[c.country] += 2
        return named

    def _context(self, doc: Doc, mentions: list[Mention]) -> tuple[Counter, Counter]:
        """Country weights (named 2, demonym/actor 0.5 each) and how often each admin1
        region is named (the article's "home region")."""
        ctx: Counter = Counter(self._named_countries(mentions))
        regions = Counter(_named_regions(mentions))
        for tok in doc:
            if tok.is_title or tok.is_upper:
                iso3 = self.gaz.demonyms.get(norm(tok.text))
                if iso3:
                    ctx[iso3] += 0.5
        spans = [(m.start, m.end) for m in mentions]
        for actor in doc._.actors or []:
            # an organisation named after a town ("Paris Police Department") says nothing new
            if getattr(actor, "country", None) and not any(
                    overlaps(a.start, a.end, s, e) for a in actor.mentions for s, e in spans):
                ctx[actor.country] += 0.5 * (len(actor.mentions) or 1)
        return ctx, regions

    def _resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        ctx0, regions0 = self._context(doc, mentions)
        ctx, regions, near = ctx0, regions0, []
        own_votes: dict = {}
        for _ in range(3):
            next_votes: dict = {}  # later passes: places already resolved vote for their country,
            towns: Counter = Counter()  # region, and neighbourhood (once per name: a town
            homes: Counter = Counter()  # repeated must not outvote the others)
            voted = set()
            for i, m in enumerate(mentions):
                others = [p for j, p in near if mentions[j].key != m.key]
                own = own_votes.get(m.key)
                own_ctx = ctx - Counter({own[0]: 0.5}) if own else ctx  # a name is no evidence for itself
                own_regions = regions - Counter({own[1]: 0.5}) if own and own[1] else regions
                m.chosen, m.why = _choose(m, own_ctx, own_regions, others)
                c = m.chosen
                if c is not None and c.feature not in ("country", "region") and c.country and m.key not in voted:
                    voted.add(m.key)
                    towns[c.country] += 1
                    home = None
                    if c.admin1 and c.feature != "admin1":
                        home = (c.country, c.admin1)
                        homes[home] += 0.5
                    next_votes[m.key] = (c.country, home)
            own_votes = next_votes
            near = [(i, m.chosen) for i, m in enumerate(mentions) if m.chosen is not None and
                    m.chosen.feature == "city" or m.chosen is not None and m.chosen.feature in CURATED]
            ctx = ctx0 + Counter({k: v * 0.5 for k, v in towns.items()})
            regions = regions0 + homes
        _drop_strays(mentions, ctx0)
        for m in mentions:
            if m.chosen is not None and m.chosen.feature == "admin2":
                _place_county(m, mentions)


    # ------------------------------------------------------------ output

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        places: dict[str, Place] = {}
        trace = []
        for m in mentions:
            c = m.chosen
            pid = c.id if c is not None else "text:" + _SLUG.sub("-", m.key).strip("-")
            if pid not in places:
                if c is None:
                    places[pid] = Place(id=pid, name=m.text)
                else:
                    places[pid] = Place(id=pid, name=c.name, country=c.country, admin1=c.admin1,
                                        lat=c.lat, lon=c.lon, geonames_id=c.geonames_id,
                                        feature=c.feature)
            places[pid].mentions.append(Span.of(doc_text(doc), m.start, m.end))
            trace.append(f"{m.text!r} [{m.source}] -> {pid} ({m.why})")
        doc._.places = list(places.values())
        if doc._.trace is not None:
            doc._.trace["places"] = trace


# ---------------------------------------------------------------- helpers

def _drop_strays(mentions: list[Mention], ctx: Counter) -> None:
    """A small town abroad that nothing else in the text points to ("Kone" in New Caledonia
    for a Myanmar village, "Sanjo" in Japan for a Tanzanian one) is more likely an unknown
    local place of the same name: leave it unresolved rather than put the event abroad."""
    support: Counter = Counter({k: v for k, v in ctx.items() if v > 0})
    by_key: dict[str, set] = {}
    for m in mentions:
        if m.chosen is not None and m.chosen.country:
            by_key.setdefault(m.chosen.country, set()).add(m.key)
    for m in mentions:
        c = m.chosen
        if c is None or c.feature != "city" or c.population >= BIG_TOWN or m.hint is not None or c.capital:
            continue
        own = support[c.country] + len(by_key.get(c.country, set()) - {m.key})
        if own == 0 and any(v >= 1 for k, v in support.items() if k != c.country) or \
                own == 0 and any(len(keys - {m.key}) >= 2 for k, keys in by_key.items() if k != c.country):
            m.chosen, m.why = None, f"{m.why}; dropped {c.name} ({c.country}): nothing else points there"


def _place_county(m: Mention, mentions: list[Mention]) -> None:
    """Counties have no coordinates of their own (the state's centre stands in): take the
    town of the same state mentioned nearest to it in the text, when there is one."""
    c = m.chosen
    towns = [(abs(o.start - m.start), o.chosen) for o in mentions
             if o.chosen is not None and o.chosen.feature == "city" and o.chosen.country == c.country
             and o.chosen.admin1 == c.admin1]
    if towns:
        town = min(towns, key=lambda t: t[0])[1]
        m.chosen = replace(c, lat=town.lat, lon=town.lon)
        m.why += f"; county centre taken from {town.name}"


def _descriptive(words: list[str], before: bool) -> bool:
    """Words around an inner name that only describe it ("the city of", "district",
    "Baghdad's"): not more of a longer unknown name ("Chan" of "Kone Chan village")."""
    for k, w in enumerate(words):
        if w[:1].islower() or norm(w) in DESCRIPTORS or norm(w) in REGION_WORDS:
            continue
        if before and k == len(words) - 1 - (words[-1:] == ["of"]) and w.endswith(("'s", "’s")):
            continue  # "Baghdad's Karrada district"
        return False
    return True


def _names_place(c: Candidate, key: str) -> bool:
    """The candidate's own name (or any name of a country/region): not one of the odd
    alternate names GeoNames lists for towns."""
    return c.feature in ("country", "admin1", "region") or (c.feature in TOWN_FEATURES and norm(c.name) == key)


def _surnames(doc: Doc) -> set[str]:
    """Later words of multi-word person names ("Lincoln" of "Abraham Lincoln")."""
    found = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            found.update(norm(t.text) for t in ent[1:])
    for a in doc._.actors or []:
        if a.kind == "person":
            for m in a.mentions:
                parts = m.text.split()
                if len(parts) >= 2:
                    found.update(norm(p) for p in parts[1:])
    return found


def _named_regions(mentions: list[Mention]) -> Iterable[tuple[str, str]]:
    for m in mentions:
        for c in m.candidates[:2]:
            if c.feature == "admin1" and (norm(c.name) == m.key or m.source == "abbrev"):
                yield c.country, c.admin1
                break


def _choose(m: Mention, ctx: Counter, regions: Counter, near: list[Candidate] = ()
            ) -> tuple[Optional[Candidate], str]:
    """Best candidate: population, exact name, the article's countries and home region,
    closeness to places already resolved, feature class, and an ", Region" qualifier."""
    if not m.candidates:
        return None, "not in gazetteer"
    cities_here = {(c.country, c.admin1) for c in m.candidates if c.feature == "city" and norm(c.name) == m.key}
    total = sum(v for v in ctx.values() if v > 0) or 1.0
    has_capital = any(c.capital for c in m.candidates)
    best, best_score = None, -math.inf
    for c in m.candidates:
        s = 1.2 * math.log10(c.population + 10)
        if norm(c.name) == m.key:
            s += 1.0
        if c.country in ctx:
            # by the country's share of the article: a US local paper is all about the US,
            # an article on Iraq that mentions Americans is not
            s += 0.5 + 3.5 * ctx[c.country] / total
        if c.feature != "admin1" and (c.country, c.admin1) in regions:
            s += 2.0 + min(2.0, 0.5 * regions[(c.country, c.admin1)])
        if c.capital:
            s += 1.0
        if c.feature in CURATED:
            s += 4.0
        elif c.feature == "country":
            s += 2.0
        elif c.feature == "admin2":
            s += 6.0 if norm(c.name) == m.key else -2.0
        elif c.feature == "admin1":
            # "Baghdad" means the city unless the text says "Baghdad province"
            if m.region_word:
                s += 4.0
            elif (c.country, c.admin1) in cities_here:
                s -= 3.0
            elif has_capital:
                s -= 2.0
        if c.feature == "admin2" and any(p.country == c.country and p.admin1 == c.admin1 for p in near):
            s += 3.0  # a county in the state of the towns around it
        elif near and c.lat is not None and c.feature not in ("country", "region", "admin1"):
            d = min(distance_km(c.lat, c.lon, p.lat, p.lon) for p in near)
            s += 2.0 if d < 100 else 1.0 if d < 300 else 0.0
        if m.hint is not None:
            h = m.hint
            if h.feature == "country" and c.country == h.country:
                s += 6.0
            elif h.feature == "admin1" and c.country == h.country and c.admin1 == h.admin1:
                s += 10.0
        if m.quals and c.feature not in ("admin1", "country") and _fits_quals(c, m.quals):
            s += 6.0
        if s > best_score:
            best, best_score = c, s
    why = f"{len(m.candidates)} candidates, score {best_score:.1f}"
    if best.country in ctx:
        why += f", context {best.country}"
    return best, why


_QUAL_GAP = re.compile(r"^(?:\s+[a-z][\w-]*){0,3}\s*(?:,|\(|-)\s*(?:(?:in|of) )?$")
_QUAL_NEXT = re.compile(r"^(?:[\s-]*[a-z][\w-]*){0,3}\s*(?:,|and)?\s*(?:(?:in|of) )?$")


def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """'Alexandria, Louisiana' / 'Erbil, Iraq' / 'Loikaw town (Loikaw district, Kayah State)':
    the names that follow qualify the first (and each one the names after it)."""
    text = doc_text(doc)
    for m in mentions:
        m.hint, m.quals = None, []
    for i, a in enumerate(mentions):
        prev_end, paren, started = a.end, False, False
        for b in mentions[i + 1:]:
            gap = text[prev_end:b.start]
            if not started:
                started = True
                if not _QUAL_GAP.match(gap) or len(gap) > 40:
                    break
                paren = "(" in gap
            elif ")" in gap or not (paren and _QUAL_NEXT.match(gap)) and not \
                    (not paren and gap.strip() == ","):
                break
            if b.key != a.key:
                a.quals.append(b)
            prev_end = b.end
        for b in a.quals:
            for c in b.candidates:
                if c.feature in ("country", "admin1") and (a.hint is None or a.hint.feature == "country"):
                    a.hint = c
                    break


def _fits_quals(c: Candidate, quals: list[Mention]) -> bool:
    """The candidate lies in a region (or next to a town) its qualifiers name."""
    for q in quals:
        for h in q.candidates:
            if h.feature == "admin1" and h.country == c.country and h.admin1 == c.admin1:
                return True
            if h.feature in ("city", "admin2") and norm(h.name) == q.key and h.lat is not None and \
                    c.lat is not None and distance_km(c.lat, c.lon, h.lat, h.lon) < 60:
                return True
    return False


def _name_runs(doc: Doc) -> Iterable[list]:
    """Runs of tokens that can form a name: capitalised words, glued hyphens/apostrophes,
    and lower-case connectors inside ("Ain al-Asad", "Gulf of Aden")."""
    run: list = []
    for tok in doc:
        ok = False
        if tok.text[:1].isupper() and tok.is_alpha or (tok.text[:1].isupper() and "." in tok.text):
            ok = True
        elif run and (tok.lower_ in CONNECTORS or tok.lower_ in SUFFIX_WORDS):
            ok = True
        elif run and tok.text in ("-", "'", "’") and not run[-1].whitespace_:
            ok = True
        if ok and run and run[-1].whitespace_ == "" and run[-1].text not in ("-", "'", "’") and \
                tok.text not in ("-", "'", "’") and tok.is_punct:
            ok = False
        if ok and run and run[-1].i != tok.i - 1:
            ok = False
        if ok and run and run[-1].whitespace_ and "\n" in run[-1].whitespace_:
            ok = False
        if ok:
            run.append(tok)
        else:
            if run:
                yield run
            run = [tok] if tok.text[:1].isupper() and tok.is_alpha else []
    if run:
        yield run


def _ner_spans(doc: Doc) -> Iterable[tuple[int, int, str]]:
    """spaCy place entities, split where a bracket opens or closes inside one
    ("Maceio (Alagoas" is two names)."""
    text = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start = ent.start_char
        for piece in re.split(r"([()])", text[ent.start_char:ent.end_char]):
            stripped = piece.strip(" ,")
            if stripped and piece not in "()":
                s = start + piece.index(stripped)
                yield s, s + len(stripped), ent.label_
            start += len(piece)


def _glued(tok) -> bool:
    """'Al' in 'Al-Tanf' (article glued with a hyphen), not a free-standing stop word."""
    doc = tok.doc
    return tok.whitespace_ == "" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    text = doc_text(doc)[start:end]
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            start += len(prefix)
            text = text[len(prefix):]
    for suffix in ("'s", "’s", "'"):
        if text.endswith(suffix):
            end -= len(suffix)
            text = text[: -len(suffix)]
    return start, end, text


def _actor_spans(doc: Doc) -> list[tuple[int, int, str]]:
    spans = [(e.start_char, e.end_char, "ner-person") for e in doc.ents if e.label_ == "PERSON"]
    for actor in doc._.actors or []:
        if actor.kind in ("person", "organization", "group"):
            spans += [(s.start, s.end, actor.kind) for s in actor.mentions]
    return spans


def _blocked(spans, start: int, end: int, allow_places: bool) -> bool:
    """Inside a person's name (spaCy's PERSON only when strictly inside: it tags some towns
    as persons), or strictly inside an organisation's name (the place words
    of "Iraqi Hezbollah Brigades" are not places)."""
    for s, e, kind in spans:
        if not overlaps(s, e, start, end):
            continue
        if kind == "person":
            return True
        if kind == "ner-person" and (s, e) != (start, end):
            return True
        if (s, e) != (start, end) and not allow_places:
            return True
    return False


def _ent_at(doc: Doc, start: int, end: int):
    for ent in doc.ents:
        if overlaps(ent.start_char, ent.end_char, start, end):
            return ent
    return None


def _cue_precision(text: str, start: int) -> Optional[int]:
    before = text[max(0, start - 40):start]
    for pattern, precision in _PLACE_CUES:
        if pattern.search(before):
            return precision
    return None


def _sentence_bounds(doc: Doc, start: int) -> tuple[int, int]:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or not doc.has_annotation("SENT_START"):
        return 0, len(doc_text(doc))
    sent = tok[0].sent
    return sent.start_char, sent.end_char


_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)


def _cue_rank(text: str, m: Span, cue: Optional[int]) -> int:
    """How strongly a mention says "here it happened": after a locative cue (in, near,
    outskirts of ...), then without one, last an origin or owner ("a driver from Abidjan", "Caracas' newspaper",
    "Syria's Aleppo province" -> Aleppo)."""
    before = text[max(0, m.start - 12):m.start]
    after = text[m.end:m.end + 3]
    if after.startswith(("'s", "’s", "' ", "’ ")) or _ORIGIN.search(before) and cue is None:
        return 2
    return 0 if cue is not None else 1


def _org_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
    for a in doc._.actors or []:
        if a.kind in ("organization", "group"):
            spans += [(m.start, m.end) for m in a.mentions]
    return spans


def _precision(place: Place, cue: Optional[int]) -> int:
    if place.feature in ("country", "admin1", "region"):
        return 3
    return cue or 1


_AREA_AFTER = re.compile(r"\s+(?:township|district|area|areas|municipality|county|block|territory|"
                         r"region|province|commune|sub-?district|tehsil|woreda|payam|locality)\b", re.I)
# "X (Region)", "X town (District, State)": how ACLED and wire copy say where a thing happened
_ANCHOR = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s*\(\s*[A-Z]")


def _qualifiers(text: str, m: Span, spans: list) -> list[Place]:
    """Places that qualify the mention: 'X (A district, B state)', 'X, A, B'."""
    found: list[Place] = []
    prev_end, paren, started = m.end, False, False
    for s, e, p in spans:
        if s < m.end:
            continue
        gap = text[prev_end:s]
        if not started:
            started = True
            if not _QUAL_GAP.match(gap) or len(gap) > 40:
                break
            paren = "(" in gap
        elif ")" in gap or not (paren and _QUAL_NEXT.match(gap)) and not (not paren and gap.strip() == ","):
            break
        if norm(p.name) != norm(m.text):
            found.append(p)
        prev_end = e
    return found


def event_place(doc: Doc, start: int, end: int) -> tuple[Optional[Place], Optional[int]]:
    """Where the event at [start, end) happened, with ACLED geo_precision:
    the nearest place in the same sentence introduced by a locative cue (in/at 1,
    near/outside/outskirts of 2, regions and countries 3), else the nearest place in the
    sentence, else the article's most mentioned town (precision 2), else None."""
    places = doc._.places or []
    if not places:
        return None, None
    text = doc_text(doc)
    s0, s1 = _sentence_bounds(doc, start)
    orgs = _org_spans(doc)
    spans = sorted((m.start, m.end, p) for p in places for m in p.mentions)
    in_sentence = []
    for p in places:
        for m in p.mentions:
            if any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in orgs):
                continue  # "the Ohio Supreme Court": not where things happen
            if s0 <= m.start < s1:
                cue = _cue_precision(text, m.start)
                dist = min(abs(m.start - end), abs(start - m.end))
                quals = _qualifiers(text, m, spans)
                located = p.lat is not None or any(q.lat is not None for q in quals)
                anchored = bool(quals) or _ANCHOR.match(text, m.end) is not None
                in_sentence.append((_cue_rank(text, m, cue), not anchored, not located, p.feature == "country",
                                    dist, p, cue, quals, m.end))
    if in_sentence:
        *_, p, cue, quals, m_end_ = min(in_sentence, key=lambda x: x[:5])
        if p.lat is None:
            # a village the gazetteer lacks: its district or region (ACLED codes such events
            # to the nearest known place, precision 2)
            q = next((q for q in quals if q.lat is not None), None)
            if q is not None:
                return q, 3 if q.feature in ("country", "admin1", "region") else 2
        precision = _precision(p, cue)
        if precision == 1 and _AREA_AFTER.match(text, m_end_):
            precision = 2  # "Twantay township", "Jajarkot district": an area, not a point
        return p, precision
    places = [p for p in places if any(not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end)
                                               for s, e in orgs) for m in p.mentions)]
    towns = [p for p in places if p.lat is not None and p.feature not in ("country", "admin1", "region")]
    if towns:
        best = max(towns, key=lambda p: (len(p.mentions), -p.mentions[0].start))
        return best, 2
    regions = [p for p in places if p.lat is not None]
    if regions:
        best = max(regions, key=lambda p: (p.feature != "country", len(p.mentions)))
        return best, 3
    return None, None


def score(predicted: list[list[tuple[int, int, Optional[float], Optional[float]]]],
          gold: list[list[tuple[int, int, float, float]]], km: float = 161.0) -> dict:
    """Toponym recognition and resolution against gold (per document lists of
    (start, end, lat, lon)): precision/recall/F1 of overlapping spans, accuracy within
    ``km`` of resolved matches, median error in km."""
    tp = n_pred = n_gold = 0
    errors: list[float] = []
    for pred_doc, gold_doc in zip(predicted, gold):
        n_pred += len(pred_doc)
        n_gold += len(gold_doc)
        used = set()
        for gs, ge, glat, glon in gold_doc:
            for i, (ps, pe, plat, plon) in enumerate(pred_doc):
                if i in used or not overlaps(ps, pe, gs, ge):
                    continue
                used.add(i)
                tp += 1
                errors.append(distance_km(plat, plon, glat, glon) if plat is not None
                              else 20_000.0)
                break
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    errors.sort()
    return {
        "precision": precision, "recall": recall, "f1": f1,
        f"accuracy@{km:g}km": sum(e <= km for e in errors) / len(errors) if errors else 0.0,
        "median_error_km": errors[len(errors) // 2] if errors else None,
        "matched": tp, "predicted": n_pred, "gold": n_gold,
    }


@Language.factory("eventlens_places")
def make_stage(nlp, name):
    return PlacesStage()


Stage = PlacesStage
