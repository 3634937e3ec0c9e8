"""Places stage: find toponyms, resolve them against the offline gazetteer, and say
where an event happened.

Toponyms come from spaCy GPE/LOC/FAC entities and from matching gazetteer names over
capitalised token runs (spaCy misses "Al-Tanf" and tags "Erbil" as ORG), plus local-news
forms: county lists ("Clay and Wilkin counties", "Platte Co."), party tags ("D-Kanawha"),
streets and numbered roads (kept without coordinates), and towns in the slots local news
puts them ("a Roselle man", "Doe, 41, of Grovetown", "Litchfield, Winsted and ..."). Each one is
resolved to the candidate that best fits the article: countries named or implied by
demonyms ("Iraqi") and by actors, a following ", Region" qualifier, population, and
curated project places first. Demonyms and country adjectives that name a country
("Iraqi forces", "the Americans") are kept as that country's ``references``, apart from its
``mentions``: evidence that the text speaks of the country, never where an event happened.
Output: ``doc._.places`` (list[Place], merged by id; a place may have references only).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Iterable, NamedTuple, Optional

import yaml

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
              "bin", "ibn", "abu", "bani", "beni", "sur", "upon",
              # "San Pedro del Pinatar", "Sao Jose dos Campos", "Pieve di Soligo", "Bergen op Zoom"
              "da", "das", "do", "dos", "di", "du", "des", "della", "delle", "dei", "degli", "le", "les",
              "los", "las", "y", "von", "van", "der", "den", "op", "aan", "am", "im", "en", "sul", "sur"}
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
                 "mercy", "providence", "harmony", "paradise", "enterprise", "progress", "reform",
                 "arab", "post", "homeland", "fatherland", "motherland"}
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
                              "hromada", "raion", "rayon", "governorate", "canton", "the", "of",
                              # "Northeast Georgia", "South Arlington": a part of the place
                              "north", "south", "east", "west", "northeast", "northwest", "southeast",
                              "southwest", "northern", "southern", "eastern", "western", "central",
                              "downtown", "greater", "upstate", "downstate", "metro"}
# features named after a place without being in it
NAMED_AFTER = {"street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
               "way", "creek", "river", "lake", "bridge", "highway", "court", "place", "parkway", "pike",
               "trail", "circle", "terrace", "run", "branch", "bayou"}
# offices and services a county or town has ("X County Sheriff", "X Fire Chief")
# (not "City"/"County": "Kansas" of "Kansas City Power" is no place of its own)
OFFICE_AFTER = {"sheriff", "sheriffs", "fire", "police", "township", "mayor", "school",
                "schools", "coroner", "judge", "commissioner", "commissioners", "clerk", "prosecutor",
                "attorney", "council", "crimestoppers", "emergency", "ems", "parks", "health", "board"}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
           "southeastern", "southwestern", "upstate", "downstate", "metro", "greater"}
# the rest of a facility's or office's name after the place it serves ("X County Jail")
FACILITY_WORDS = {"jail", "court", "courthouse", "courts", "clerk", "circuit", "district", "superior",
                  "common", "pleas", "probate", "juvenile", "detention", "correctional", "center",
                  "centre", "facility", "hospital", "fairgrounds", "library", "libraries", "commission",
                  "commissioners", "sheriff", "sheriff's", "sheriff’s", "office", "fire", "rescue",
                  "department", "dept", "schools", "road", "rd", "highway", "jail's", "inn", "suites",
                  "landfill", "airport", "board", "election", "elections", "health", "coroner",
                  "prosecutor", "prosecutor's", "treasurer", "assessor", "recorder", "of", "deeds"}
CIVIC_WORDS = {"jail", "court", "courthouse", "courts", "clerk", "circuit", "district", "superior", "common",
               "probate", "juvenile", "detention", "correctional", "sheriff", "sheriff's", "sheriff’s",
               "fire", "coroner", "prosecutor", "prosecutor's", "treasurer", "assessor", "recorder"}
# the word for a name's kind after it ("East Java province", "Bekasi regency")
KIND_WORDS = REGION_WORDS | {"regency", "city", "town", "village", "municipality", "territory",
                             "emirate", "division", "oblast", "krai", "raion", "rayon"}
# kind words that stay region words when capitalised ("Lampung Province")
_FORMAL_KINDS = {"province", "governorate", "oblast", "regency", "prefecture", "department", "region",
                 "district", "emirate", "krai", "raion", "rayon", "county", "parish"}
MAX_NAME_TOKENS = 6
MIN_GAZ_ONLY_POPULATION = 5000   # towns found only by the gazetteer (not NER) need this much
BIG_TOWN = 100_000               # ... or this much when the text names no country of theirs
# the place a force takes or strikes ("captured Knin", "shelled Huliaipole")
_TAKEN_BEFORE = re.compile(r"\b(?:captured|recaptured|seized|shelled|bombed|bombarded|stormed|overran|liberated|"
                           r"besieged|raided|retook|occupied|took control of|regained control of|took over|entered|"
                           r"evacuated from|withdrew from|pulled out of) (?:the )?$", re.I)
_PLACE_CUES = (
    # (regex over the text just before the mention, geo precision for a town)
    (re.compile(r"\b(?:on the )?(?:outskirts|edge|suburbs?|environs) of (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:near|outside|close to|nearby|around|north of|south of|east of|west of|"
                r"(?:in )?the direction of|direction of|vicinity of|(?:the )?area of|areas of|"
                r"countryside of|environs of|surroundings of|"
                r"(?:north|south|east|west)(?:east|west)?(?:ern)? of|km (?:from|of)|"
                r"kilometres (?:from|of)|miles (?:from|of)) (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:in|at|inside|within|on|into|to|across|through|throughout|in central|in northern|"
                r"in southern|in eastern|in western) (?:the )?$", re.I), 1),
    (re.compile(r"\b(?:city|town|village|hamlet|port|capital|settlement|suburb|municipality|commune|"
                r"neighbou?rhood|district|province|governorate|region|state|county|"
                r"cities|towns|villages|hamlets|settlements|suburbs|municipalities|communes) of (?:the )?$", re.I), 1),
    # the place a force takes or strikes ("captured Knin", "shelled Huliaipole")
    (_TAKEN_BEFORE, 1),
)
_SLUG = re.compile(r"[^a-z0-9]+")
_ADMINISTERED = re.compile(r"\b[A-Z][a-z]+-(?:administered|controlled|held|occupied)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' ]{0,18}?)?\s*(?:\((?:AP|Reuters|AFP|UPI)\)|—|–|--|-\s|:\s)")
_PARTS = re.compile(r"\s+[-–—]\s*|\s*[(),;]\s*")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    source: str                       # "ner", "gazetteer", "site", "street", ...
    label: str = ""                   # NER label; for a site, its kind ("village")
    hint: Optional[Candidate] = None  # "X, Region" qualifier that follows the mention
    region_word: bool = False         # "X province"
    cue: bool = False                 # after a locative cue ("in X", "near X")
    town_word: bool = False           # "X city", "X town"
    in_org: bool = False              # the first words of an organisation's name ("Ohio Supreme Court")
    quals: list["Mention"] = field(default_factory=list)  # "X (A district, B state)" -> A, B
    candidates: list[Candidate] = field(default_factory=list)
    chosen: Optional[Candidate] = None
    why: str = ""
    reference: bool = False           # a demonym/adjective ("Iraqi"): Place.references, not mentions
    inner: bool = False               # candidates for a part of the name only ("Pura" of "Ranbir Singh Pura")


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
        self._doc = doc
        self._facility_names: set = set()
        self._surnames = _surnames(doc)   # asked of every candidate name: once per text
        self._text_cues = self._text_context(doc)   # _context runs several times per text
        blocked = _actor_spans(doc)
        # countries the text points to before any place is found (demonyms, KB actors, locale)
        self._pointed = self._context(doc, [])[0]
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        # "Clarke, Madison and Oconee counties", "Platte Co.": each name is a county's
        for start, end, key in self._county_names(text):
            blocked = [b for b in blocked if not overlaps(b[0], b[1], start, end)]
            mentions.append(Mention(start, end, text[start:end], key, "county"))
            taken.append((start, end))
        # a legislator's home town or county after a party tag ("Rep. Ann Lee, D-Marshall,")
        for start, end, cands in self._party_homes(text):
            if any(overlaps(start, end, a, b) for a, b in taken):
                continue
            blocked = [b for b in blocked if not overlaps(b[0], b[1], start, end)]
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "party", candidates=cands))
            taken.append((start, end))
        kb_orgs = {(m.start, m.end) for a in doc._.actors or [] if a.kb_id and a.kind in ("organization", "group")
                   for m in a.mentions}
        # villages and neighbourhoods named as such ("the village of Ashmi",
        # "Khanasir town", "the al-Atebaa neighbourhood"), whatever NER called the name: places
        # of their own without coordinates, where events are placed
        # (a name NER calls a place takes the usual way; a nationality is no place: "the Kurdish
        # neighbourhood")
        not_sites = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NER_LABELS | {"NORP"}]
        self._site_kinds: list[tuple[int, int, str]] = []   # every name said to be a village etc.
        for start, end, kind in _site_spans(text):
            key = norm(text[start:end])
            if not key or key in gaz.demonyms or key in GENERIC_WORDS or key in _MONTHS:
                continue
            self._site_kinds.append((start, end, kind))
            if any(overlaps(start, end, a, b) for a, b in taken + not_sites) or (start, end) in kb_orgs:
                continue
            blocked = [b for b in blocked if not overlaps(b[0], b[1], start, end)]
            mentions.append(Mention(start, end, text[start:end], key, "site", kind))
            taken.append((start, end))
        # persons spaCy/actors made of town names ("Alexandria police", "of Mansfield")
        for start, end in self._person_places(doc, blocked):
            if any(overlaps(start, end, a, b) for a, b in taken):
                continue
            blocked = [b for b in blocked if not overlaps(b[0], b[1], start, end)]
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "person"))
            taken.append((start, end))
        # streets and numbered roads ("420 Augusta St.", "Highway 19"): places of their own,
        # without coordinates (not a mention of the town a street is named after)
        for start, end in _street_spans(text):
            first = text[start:end].split()[0]
            if norm(first) not in GENERIC_WORDS and any(c.feature in ("admin1", "country") and norm(c.name) == norm(first)
                                                       for c in gaz.lookup(first)):
                continue  # "Florida Highway 19": the state is a toponym of its own
            if not any(overlaps(start, end, a, b) for a, b in taken):
                mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "street"))
                taken.append((start, end))
        # "Pakistan-administered Kashmir": one gazetteer name (an admin1's alias), not the
        # country and the region apart
        for m in _ADMINISTERED.finditer(text):
            key = norm(m.group())
            if gaz.has_key(key) and not any(overlaps(m.start(), m.end(), a, b) for a, b in taken):
                blocked = [b for b in blocked if not overlaps(b[0], b[1], m.start(), m.end())]
                mentions.append(Mention(m.start(), m.end(), m.group(), key, "ner", "GPE"))
                taken.append((m.start(), m.end()))
        for ent_start, ent_end, label in _ner_spans(doc):
            start, end, etext = _trim(doc, ent_start, ent_end)
            if end <= start or any(overlaps(start, end, a, b) for a, b in taken):
                continue
            key = norm(etext)
            if not key or key in gaz.demonyms or (start, end) in kb_orgs or gaz.abbreviation(etext):
                continue
            if key in GENERIC_WORDS and not any(self._pointed.get(c.country, 0) > 0 for c in gaz.lookup_key(key)):
                continue  # "South" of "Akure South" is not Lebanon's South governorate
            if _blocked(blocked, start, end, allow_places=True):
                continue
            lead = self._facility_lead(doc, start, end)
            if lead is not None:
                end, key = lead  # "Henderson County" of "Henderson County Jail"
            longer = _LONGER_NAME.match(text, end)
            if longer and _KIND_AFTER.match(text, longer.end()):
                # "Nyaung" of "Nyaung Lay Pin village": the village's own (unknown) name
                end = longer.end()
                key = norm(text[start:end])
            mentions.append(Mention(start, end, text[start:end], key, "ner", label))
            taken.append((ent_start, ent_end))
        for start, end in self._abbreviation_spans(doc, taken):
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "abbrev",
                                    candidates=[gaz.abbreviation(text[start:end])]))
            taken.append((start, end))
        for start, end in self._org_places(doc, taken):
            mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "org", in_org=True))
            taken.append((start, end))
        for start, end in self._gazetteer_spans(doc, sorted(kb_orgs), blocked):
            inside = [m for m in mentions if overlaps(start, end, m.start, m.end)]
            if not inside:
                mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "gazetteer"))
            elif all(start <= m.start and m.end <= end and (m.start, m.end) != (start, end) and
                     m.source in ("ner", "org") for m in inside) and not (
                    len(inside) == 1 and inside[0].start == start and
                    text[inside[0].end:end].strip() in KIND_WORDS):
                # (not "Jammu city" for "Jammu": a kind word after the name, which GeoNames
                # keeps as an alternate name)
                # a longer gazetteer name around what NER found ("Sao Jose" of "Sao Jose dos Campos")
                for m in inside:
                    mentions.remove(m)
                mentions.append(Mention(start, end, text[start:end], norm(text[start:end]), "gazetteer"))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            if m.source not in ("abbrev", "party", "street"):
                m.candidates = gaz.lookup_key(m.key)
            if not m.candidates and m.source in ("ner", "gazetteer"):
                # "East Java province", "Kutai regency": the region's own name
                m.candidates = self._without_kind(m)
            if not m.candidates and m.source == "ner":
                # "Baghdad's Karrada district" / "the city of Mosul": try the inner name
                m.candidates = self._inner_candidates(m)
                m.inner = bool(m.candidates)
            after = doc_text(doc)[m.end:m.end + 20].lstrip().lower().split(" ", 1)
            m.region_word = bool(after) and after[0].strip(",.;") in REGION_WORDS or \
                _REGION_OF.search(text[max(0, m.start - 30):m.start]) is not None
            last_word = m.text.split()[-1].lower() if len(m.text.split()) > 1 else ""
            m.region_word = m.region_word or last_word in REGION_WORDS
            m.town_word = bool(after) and after[0].strip(",.;") in ("city", "town") or last_word in ("city", "town")
            m.cue = _cue_precision(text, m.start, verbs=False) is not None
            m.region_word = m.region_word or _STATE_AFTER.match(text, m.end) is not None
        _state_lists(text, mentions)
        self._named = self._named_countries(mentions)
        self._pointed = self._context(doc, mentions)[0]
        self._regions = Counter(_named_regions(mentions))
        _link_qualifiers(doc, mentions)
        # a part of a longer unknown name is that place only in a country the text points to or
        # names other places of ("Pura" of "Ranbir Singh Pura city (Jammu district)" is no town of
        # the Philippines, "Hong" of "Hong Lim Park in Singapore" none of Nigeria)
        pointed = {k for k, v in self._pointed.items() if v > 0}
        for m in mentions:
            known = pointed | {c.country for o in mentions if not o.inner and o.key != m.key
                               for c in o.candidates[:3] if c.country}
            if m.inner and known and not any(c.country in known for c in m.candidates) and \
                    not _descriptive_extra(m):
                m.candidates = []
        plausible = [self._plausible(doc, m) for m in mentions]
        self._coordinated(doc, mentions, plausible)
        # one sense per text: a name accepted once ("WINONA --" dateline) is the same place
        # where it stands alone ("a Winona man")
        # (only names spaCy itself called places, and never a surname or a month: "Moore said")
        accepted = {m.key for m, ok in zip(mentions, plausible)
                    if ok and m.candidates and (m.label in ("GPE", "LOC") or m.text.isupper())}
        accepted -= self._surnames | _MONTHS
        mentions = [m for m, ok in zip(mentions, plausible) if ok or
                    m.source == "gazetteer" and m.key in accepted and m.text[:1].isupper() and
                    _proper_noun(doc, m)]
        _link_qualifiers(doc, mentions)
        self._resolve(doc, mentions)
        mentions += self._references(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _county_names(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Names listed before "counties"/"parishes" ("in Harvey, Harper and Kingman
        counties") and names abbreviated "X Co.": spans with the key of "X County"/"X Parish"
        when the gazetteer knows such a county."""
        for lst in _COUNTY_LIST.finditer(text):
            kind = "parish" if lst.group("kind").lower().startswith("parish") else "county"
            for name in _COUNTY_NAME.finditer(lst.group("names")):
                words = name.group().split()
                # "Northeast Georgia Barrow": the last words that make a county's name
                for k in range(len(words)):
                    key = norm(" ".join(words[k:])) + " " + kind
                    if self.gaz.has_key(key) and any(c.feature == "admin2" for c in self.gaz.lookup_key(key)):
                        start = lst.start("names") + name.start() + len(" ".join(words[:k])) + (1 if k else 0)
                        yield start, lst.start("names") + name.end(), key
                        break
        for ab in _COUNTY_ABBREV.finditer(text):
            words = ab.group(1).split()
            for k in range(len(words)):
                key = norm(" ".join(words[k:])) + " county"
                if self.gaz.has_key(key) and any(c.feature == "admin2" for c in self.gaz.lookup_key(key)):
                    yield ab.end(1) - len(" ".join(words[k:])), ab.end(), key
                    break

    def _party_homes(self, text: str) -> Iterable[tuple[int, int, list[Candidate]]]:
        """"R-Marshall", "DFL-Cook", "D-Kanawha", "(R-Texas)": the name after a US party tag is
        the legislator's home town, county or state. Candidates: towns by their own name,
        counties of that name, states."""
        for tag in _PARTY_TAG.finditer(text):
            words = tag.group(1).split()
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                key = norm(name)
                ab = self.gaz.abbreviation(name)
                if ab is not None:  # "D-Pa."
                    yield tag.start(1), tag.start(1) + len(name), [ab]
                    break
                if key in GENERIC_WORDS or len(key) < 3:
                    continue
                cands = [c for c in self.gaz.lookup_key(key) if _names_place(c, key)] + \
                    [c for c in self.gaz.lookup_key(key + " county") if c.feature == "admin2"]
                if cands:
                    yield tag.start(1), tag.start(1) + len(name), cands
                    break

    def _facility_lead(self, doc: Doc, start: int, end: int) -> Optional[tuple[int, str]]:
        """A facility or office named after the place it serves ("Henderson County Jail",
        "Greene County Common Pleas Court", "Otter Tail County Road 4"): the end and key of
        that leading place name, when the rest is only facility words."""
        if self.gaz.has_key(norm(doc_text(doc)[start:end])):
            return None  # a known place of its own ("Erbil airport")
        words = list(re.finditer(r"[\w.'’&-]+", doc_text(doc)[start:end]))
        for n in range(len(words) - 1, 0, -1):
            tail = [w.group().lower().rstrip(".") for w in words[n:]]
            if len(tail) == 1 and tail[0] in DESCRIPTORS:
                continue  # "Kathua district" is the district, not the town
            if tail[0] not in FACILITY_WORDS or not all(t in FACILITY_WORDS or t.isdigit() or t == "&" for t in tail):
                continue
            if tail[0] in NAMED_AFTER and words[n - 1].group().lower() != "county":
                continue  # "Madison Street" is named after a place, "County Road 4" belongs to one
            lead_end = start + words[n - 1].end()
            key = norm(doc_text(doc)[start:lead_end])
            # a town's name before "Center" or "Inn" is more often a person's ("Webb Center")
            civic = tail[0] in CIVIC_WORDS
            if key not in GENERIC_WORDS and any(_names_place(c, key) and (c.feature in ("admin2", "admin1") or
                                                                          civic and c.feature == "city")
                                                for c in self.gaz.lookup_key(key)):
                return lead_end, key
        return None

    def _without_kind(self, m: Mention) -> list[Candidate]:
        """Candidates for a name that ends in the word for its kind ("East Java province",
        "Kuta regency", "Surabaya city"): the region or town named without that word; a
        region word keeps regions, a town word keeps towns."""
        words = m.text.split()
        if len(words) < 2 or words[-1].lower().strip(".,") not in KIND_WORDS:
            return []
        kind = words[-1].lower().strip(".,")
        if not words[-1].islower() and kind not in _FORMAL_KINDS:
            return []  # "Fargo City Commission", "San Diego State": an institution's name
        key = norm(" ".join(words[:-1]))
        if len(key) < 3 or key in GENERIC_WORDS:
            return []
        cands = [c for c in self.gaz.lookup_key(key) if norm(c.name) == key or c.feature == "admin1"]
        if kind in ("city", "town", "village", "municipality"):
            return [c for c in cands if c.feature == "city"]
        return [c for c in cands if c.feature in ("admin1", "admin2")] or cands

    def _inner_candidates(self, m: Mention) -> list[Candidate]:
        # "Seoul City - Jung", "Maceio (Alagoas": each part names a place of its own
        if m.text.split()[-1].lower().rstrip(".") in NAMED_AFTER:
            return []  # "Cooper Street", "Madison Creek": named after a place, not in it
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
                    if len(words) > n and i + n < len(words) and words[-1][:1].isupper() and \
                            _KIND_AFTER.match(doc_text(self._doc), m.end):
                        continue  # "Shan" of "Shan Dut village"
                    every = self.gaz.lookup_key(key)
                    named = [c for c in every if norm(c.name) == key]
                    if named:
                        # and a big city known by that name ("Ciudad de Mexico" for Mexico City)
                        return named + [c for c in every if c not in named and c.feature == "city" and
                                        (c.population >= 100_000 or c.capital)]
        return []

    def _person_places(self, doc: Doc, blocked) -> Iterable[tuple[int, int]]:
        """PERSON spans that are a town or region name standing alone: spaCy tags many US
        towns as persons ("Alexandria police"). Not when a title precedes, when the word is
        a surname of a fuller name in the text, or when the actor is a known person."""
        kb_people = {(m.start, m.end) for a in doc._.actors or [] if a.kb_id and a.kind == "person"
                     for m in a.mentions}
        surnames = self._surnames
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
            if any(_names_place(c, key) or c.feature == "city" and c.population >= 1000 and
                   prev is not None and prev.lower_ in PLACE_BEFORE and self._pointed.get(c.country, 0) > 0
                   for c in self.gaz.lookup_key(key)):
                seen.add((start, end))
                yield start, end
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and len(ent) >= 2:
                lead = self._office_lead(ent)
                if lead is not None and lead not in seen:
                    seen.add(lead)
                    yield lead

    def _office_lead(self, ent) -> Optional[tuple[int, int]]:
        """'Anderson County Sheriff Greg Taylor', 'Huntsville Fire Chief Tom Grisham': a county
        or town named before an office of its own, inside a person's (or body's) name."""
        toks = list(ent)
        if toks[0].lower_ == "the":
            toks = toks[1:]
        for n in range(min(4, len(toks) - 1), 0, -1):
            piece, nxt = toks[:n], toks[n]
            if nxt.lower_.rstrip("'’s") not in OFFICE_AFTER or not all(t.text[:1].isupper() for t in piece):
                continue
            start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
            key = norm(doc_text(ent.doc)[start:end])
            if key in GENERIC_WORDS or key in self.gaz.demonyms:
                continue
            county = piece[-1].lower_ in ("county", "parish")
            if any(c.feature == "admin2" and norm(c.name) == key if county else
                   _names_place(c, key) and (c.feature != "city" or self._pointed.get(c.country, 0) > 0)
                   for c in self.gaz.lookup_key(key)):
                return start, end
        return None

    def _is_region(self, word: str) -> bool:
        return self.gaz.abbreviation(word) is not None or any(
            c.feature in ("admin1", "country") for c in self.gaz.lookup(word))

    def _org_places(self, doc: Doc, taken) -> Iterable[tuple[int, int]]:
        """The place an organisation's name starts with or ends on ("Ohio Supreme Court",
        "University of Georgia"): a reference to that place, though not where events happen."""
        text = doc_text(doc)
        spans = {(e.start_char, e.end_char) for e in _ent_pieces(doc) if e.label_ == "ORG"}
        # a known organisation's home country: "Quds Force" (Iran) is named after Jerusalem,
        # not based there, so a place in its name must lie in its own country to count
        home: list[tuple[int, int, str]] = []
        for a in doc._.actors or []:
            if a.kind in ("organization", "group"):
                spans.update((m.start, m.end) for m in a.mentions)
                if a.kb_id and a.country:
                    home += [(m.start, m.end, a.country) for m in a.mentions]
        found = set()
        surnames = self._surnames
        for s0, e0 in sorted(spans):
            org = doc.char_span(s0, e0, alignment_mode="expand")
            if org is None or len(org) < 2 or _KIND_AFTER.match(text, e0):
                continue  # "Nyaung Lay Pin village": an unknown village, not the town "Nyaung"
            toks = [t for t in org if not (t.i == org.start and t.lower_ == "the")]
            leading = [toks[:n] for n in range(min(4, len(toks) - 1), 0, -1)]
            trailing = [toks[-1:]] if len(toks) >= 3 and toks[-2].lower_ == "of" else []
            groups = [leading, trailing]
            # "Northern Illinois University", "Western Pennsylvania Kennel Association",
            # "University of Kentucky Medical Center": the place after a compass word or "of"
            for k, t in enumerate(toks[:-1]):
                if t.lower_ == "of" and k + 2 < len(toks) or t.lower_ in COMPASS and (k == 0 or toks[k - 1].lower_ == "of"):
                    groups.append([toks[k + 1:k + 1 + n] for n in range(min(3, len(toks) - k - 1), 0, -1)])
            for group in groups:
                for piece in group:
                    if piece[-1].is_punct:
                        continue  # "Volta Redonda (" of "Volta Redonda (Rio de Janeiro"
                    start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
                    key = norm(text[start:end])
                    if not key or key in GENERIC_WORDS or key in self.gaz.demonyms or key in surnames or \
                            not piece[0].text[:1].isupper() or (start, end) in found or \
                            any(overlaps(start, end, a, b) for a, b in taken):
                        continue
                    countries = {c for s1, e1, c in home if s1 <= start and end <= e1}
                    if any(_names_place(c, key) and (not countries or c.country in countries)
                           for c in self.gaz.lookup_key(key)):
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
                # "a Ga. pastor", "Mass. legislators", "held in a Ky. jail", "moved to Fla."
                # (not "Ind. voters", "Ill. man": those that are also words need a preposition)
                used = ab.endswith(".") and len(ab) >= 3 and (
                    ab not in _WORDLIKE_ABBREVS and re.match(r"\s+[a-z]", text[j:j + 2]) is not None or
                    _ABBREV_BEFORE.search(text[max(0, i - 12):i]) is not None)
                if ok_edges and (after_town or used or ab.count(".") >= 2) and \
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
                if _part_of_unknown_name(doc, run, i, j):
                    i = len(run)
                    continue
                # a known name before "air base"/"airport"/"camp" is that place, whatever NER
                # or the actors stage made of it ("Ain al-Asad" tagged as a person)
                # (a capitalised "Crossing"/"Base" after a plain town is another name: "Glen
                # Crossing" mall; the project's own bases and camps are known either way)
                after = _FACILITY_AFTER.match(doc_text(doc), end) or _FACILITY_END.search(doc_text(doc)[start:end])
                facility = after is not None and any(
                    c.feature in CURATED and c.feature != "region" or
                    c.feature == "city" and after.group().strip().islower() for c in gaz.lookup_key(key))
                # so is a region's name in the brackets after a place ("Barcelona (Anzoategui)",
                # "Kalo (Djugu, Ituri)"), where spaCy often sees a person
                qual_slot = not facility and _QUAL_SLOT.search(doc_text(doc)[max(0, start - 80):start]) is not None \
                    and any(c.feature in ("admin1", "country") and norm(c.name) == key for c in gaz.lookup_key(key))
                facility = facility or qual_slot
                if not any(overlaps(start, end, a, b) for a, b in taken) and \
                        (facility or not _blocked(blocked, start, end, allow_places=False)):
                    if facility:
                        self._facility_names.add((start, end))
                    yield start, end
                i = j

    def _site_kind_of(self, m: Mention) -> Optional[str]:
        """The kind of place the text says the name is ("village", "district"), if it says."""
        return m.label if m.source == "site" else next(
            (k for a, b, k in self._site_kinds if a <= m.start and m.end <= b), None)

    def _plausible(self, doc: Doc, m: Mention) -> bool:
        """Keep NER places (even unknown ones after a locative cue); gazetteer-only matches
        must look like names and not be common words that happen to be towns."""
        if m.source in ("street", "site"):
            return True
        if m.source == "ner":
            if m.candidates and m.key in self._surnames and _cue_precision(doc_text(doc), m.start, verbs=False) is None \
                    and all(c.population < BIG_TOWN for c in m.candidates):
                return False  # "coach Ripley" after "coach Darren Ripley": the person, not a town
            if m.candidates or self._site_kind_of(m):
                return True   # (or a name the text says is a village, a district ...)
            if m.label in ("FAC", "LOC", "GPE") and len(m.text.split()) > 1 and \
                    m.text.split()[-1].lower().rstrip(".") in NAMED_AFTER:
                return True  # "North Cooper Street": a place of its own, left without coordinates
            return m.label == "GPE" and _cue_precision(doc_text(doc), m.start, verbs=False) is not None
        if not m.candidates:
            return False
        if m.source in ("abbrev", "county", "party", "street"):
            return True
        if self._demonym(m.text) and m.hint is None and not m.quals:
            return False  # "the Canadian capital": the country's adjective, not Canadian, Texas
        if m.source == "gazetteer" and (m.start, m.end) in self._facility_names and m.candidates:
            return True  # "Ain al-Asad air base"
        if m.source in ("gazetteer", "person") and self._slot_place(doc, m):
            return True
        best = m.candidates[0]
        if m.source in ("person", "org"):
            # a name spaCy gave to a person or an organisation: only a place that fits the
            # text (its country or state named) or is well known
            cue = _cue_precision(doc_text(doc), m.start, verbs=False) is not None
            for c in m.candidates:
                if m.key in GENERIC_WORDS:
                    continue
                if not _names_place(c, m.key):
                    # a transliteration ("Avdiivka" for Avdiyivka) after a locative cue
                    if cue and c.feature == "city" and c.population >= 1000 and self._pointed.get(c.country, 0) > 0:
                        return True
                    continue
                if c.feature in ("country", "admin1", "region", "admin2") and not c.id.startswith("sub:") or \
                        c.population >= BIG_TOWN:
                    return True
                if self._pointed.get(c.country, 0) >= 2 or (c.country, c.admin1) in self._regions or \
                        c.population >= 1000 and _fits_quals(c, m.quals) or \
                        cue and c.population >= 1000 and self._pointed.get(c.country, 0) > 0 or \
                        cue and c.population >= 20_000 and not any(v > 0 for v in self._pointed.values()):
                    return True
            return False
        # (a region known only by name, "Flores", is no evidence against a surname)
        strong = any(c.feature in CURATED | {"country", "admin1"} and (not c.id.startswith("sub:") or m.region_word) or
                     c.feature == "admin2" and norm(c.name) == m.key for c in m.candidates)
        ent = _ent_at(doc, m.start, m.end)
        if m.text.isupper() and len(m.key) >= 4 and _DATELINE_AFTER.match(doc_text(doc), m.end) and \
                (ent is None or ent.label_ in ("ORG", "PERSON", "GPE", "LOC", "FAC")) and \
                any(c.feature == "city" and norm(c.name) == m.key for c in m.candidates):
            return True  # "COVINGTON, Ky. (AP) —", "PORTLAND —": a dateline (spaCy often calls it ORG)
        if ent is not None and ent.label_ == "NORP" and (m.region_word or _cue_precision(doc_text(doc), m.start, verbs=False)):
            # "demonstrated in Vasteras" (tagged NORP): a town after a locative cue
            return any(c.feature == "city" and c.population >= 1000 and
                       (norm(c.name) == m.key or self._pointed.get(c.country, 0) > 0) for c in m.candidates)
        if ent is not None and ent.label_ == "NORP" and m.key not in self.gaz.demonyms and \
                ent.start_char >= m.start - 1 and ent.end_char <= m.end + 1 and any(
                    c.feature in ("admin1", "country") and norm(c.name) == m.key for c in m.candidates):
            return True  # "rebels attacked Kidal" (tagged NORP): a province's own name, no people's
        if ent is not None and ent.label_ in {"NORP", "DATE", "TIME", "MONEY", "CARDINAL"}:
            return False
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            # a whole ORG/PERSON that is in fact a well-known place (spaCy tags "Erbil" ORG)
            if ent.start_char < m.start - 4 or ent.end_char > m.end:
                return False
            # (a big town by its own name or another of several words, "Den Haag": one word that
            # is only an old name of it is more often a person's, "Mason" for Glendale)
            if strong or any((_spelled_like(c, m.key) or " " in m.key) and c.population >= 100_000
                             for c in m.candidates):
                return True
            if m.town_word and any(c.feature == "city" and _spelled_like(c, m.key) and
                                   self._pointed.get(c.country, 0) > 0 for c in m.candidates):
                return True  # "coded as Suri city" (tagged PERSON): the text says it is a town
            # spaCy tags many small towns ORG ("demonstrated in Bethune"): a town after a
            # locative cue, in a country the text points to
            # (or a spelling of its name, "Kafr Kila" for Kfar Kila)
            if _TAKEN_BEFORE.search(doc_text(doc), max(0, m.start - 30), m.start) and m.key not in self._surnames \
                    and any(c.feature == "city" and norm(c.name) == m.key and c.population >= MIN_GAZ_ONLY_POPULATION
                            and self._pointed.get(c.country, 0) > 0 for c in m.candidates):
                return True  # "troops captured Knin" (tagged PERSON): a town of a country the text points to
            if ent.label_ != "ORG" or _cue_precision(doc_text(doc), m.start, verbs=False) is None:
                return False
            if any(c.feature == "city" and (norm(c.name) == m.key or " " in m.key and _spelled_like(c, m.key)) and
                   (c.population >= 1000 and (self._pointed.get(c.country, 0) > 0 or c.population >= 20_000) or
                    c.population == 0 and self._pointed.get(c.country, 0) > 0)  # GeoNames: size unknown
                   for c in m.candidates):
                return True
            # "demonstrated in Kamenz" in a text that points to no country at all: a town of
            # that very name, in one country only
            own = [c for c in m.candidates if c.feature == "city" and norm(c.name) == m.key and c.population >= 1000]
            # (not "outside the Court": a name after "the" is a common noun's)
            return bool(own) and not any(v > 0 for v in self._pointed.values()) and \
                len({c.country for c in own}) == 1 and m.key not in self._surnames and \
                not re.search(r"\bthe\s+$", doc_text(doc)[max(0, m.start - 5):m.start], re.I)
        tokens = doc.char_span(m.start, m.end, alignment_mode="expand")
        if len(m.key) < 4 and not (strong and m.text.isupper() or "." in m.text):
            return False
        if m.text.isupper() and len(m.text) <= 5 and not any(c.feature in ("country", "admin1") for c in m.candidates):
            return False  # an acronym ("SWAT team"), not the Swat valley
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
        if m.text[:1].isupper() and tokens is not None and all(t.pos_ == "PROPN" for t in tokens) and any(
                c.feature == "city" and c.population >= 1000 and _spelled_like(c, m.key) and _fits_quals(c, m.quals)
                for c in m.candidates):
            return True  # "Huliaipole, Zaporizhia" (GeoNames: Hulyaypole): a spelling of a town in that region
        if named and _cue_precision(doc_text(doc), m.start) is not None and tokens is not None and \
                all(t.pos_ == "PROPN" or t.lower_ in CONNECTORS and t.i > tokens.start for t in tokens) and \
                max(c.population for c in named) >= 1000:
            return True  # "protested in Denain", "in Bad Neustadt an der Saale"
        if _cue_precision(doc_text(doc), m.start) is not None and tokens is not None and \
                all(t.pos_ == "PROPN" for t in tokens) and any(
                c.feature == "city" and c.population >= 1000 and self._pointed.get(c.country, 0) > 0
                for c in m.candidates):
            return True  # "near Avdiivka" (GeoNames: Avdiyivka) in a text about Ukraine
        # a town found only by the gazetteer: its own name (not an obscure alternate
        # such as "Google" for Topeka) and either large or in a country the text names;
        # a small one not when it is a surname of the text's people ("Mary Lombard")
        named = [c for c in m.candidates if c.feature in ("city", "admin2") and norm(c.name) == m.key]
        if m.key in self._surnames:
            named = [c for c in named if c.population >= BIG_TOWN]
        return any(c.population >= BIG_TOWN or c.feature == "admin2" and len(m.text.split()) >= 2 or
                   (c.population >= MIN_GAZ_ONLY_POPULATION and self._pointed.get(c.country, 0) >= 2) or
                   (c.population >= 1000 and (c.country, c.admin1) in self._regions)
                   for c in named)

    def _coordinated(self, doc: Doc, mentions: list[Mention], plausible: list[bool]) -> None:
        """A town's own name listed with towns already accepted ("Harwinton, Litchfield and
        Winsted", "Ann Arbor and Oscoda") is a town too, when it lies in a state (region) one
        of them may lie in, in a country the text points to. Marks ``plausible`` in place."""
        text = doc_text(doc)
        surnames = self._surnames
        changed = True
        while changed:
            changed = False
            for i, m in enumerate(mentions):
                if plausible[i] or m.source not in ("gazetteer", "person") or m.key in GENERIC_WORDS or \
                        m.key in surnames or m.key in _MONTHS or len(m.key) < 4 or not m.text[:1].isupper():
                    continue
                mine = {(c.country, c.admin1) for c in m.candidates if c.feature == "city" and norm(c.name) == m.key
                        and c.population >= 500 and self._pointed.get(c.country, 0) > 0}
                if not mine:
                    continue
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(mentions) or not plausible[j]:
                        continue
                    a, b = (mentions[j], m) if j < i else (m, mentions[j])
                    if not _LIST_GAP.match(text[a.end:b.start]):
                        continue
                    other = mentions[j]
                    theirs = {(c.country, c.admin1) for c in other.candidates
                              if c.feature in ("city", "admin2") and _names_place(c, other.key) or
                              c.feature == "admin1"}
                    if mine & theirs:
                        plausible[i] = changed = True
                        break

    def _slot_place(self, doc: Doc, m: Mention) -> bool:
        """A town's own name where local news puts places: after "in"/"near"/"from" or
        ", 41, of" / "residents of", or before "man", "police", "residents" ("a Roselle
        man", "Sears, 41, of Grovetown"), when the town lies in a country (or region) the
        text points to, or is sizeable (20,000) and the text points nowhere. Not a
        surname of the text's people, nor after a title ("Mr Lombard")."""
        text = doc_text(doc)
        if m.key in GENERIC_WORDS or m.key in _MONTHS or m.key in self._surnames or len(m.key) < 4 or \
                m.key in self.gaz.demonyms:
            return False  # (not "a Canadian ship")
        before = text[max(0, m.start - 40):m.start]
        prev = re.search(r"([\w.]+)\s+$", before)
        if prev and prev.group(1).lower().rstrip(".") in TITLES:
            return False
        slot_before = _SLOT_BEFORE.search(before) is not None
        slot_after = _SLOT_AFTER.match(text, m.end) is not None or (
            # "their Grovetown home", "an Alton funeral director": a town before a common noun
            _DETERMINER_BEFORE.search(before) is not None and
            (nxt := re.match(r"\s+([a-z]{3,})\b", text[m.end:m.end + 30])) is not None and
            nxt.group(1) in _LOCAL_HEAD_NOUNS)
        if not (slot_before or slot_after):
            return False
        if not slot_after and re.match(r"\s+(?:[A-Z]|of\b|&)", text[m.end:m.end + 4]):
            return False  # "in Lombard Street", "from Mason & Sons": part of a longer name
        points = any(v > 0 for v in self._pointed.values())
        for c in m.candidates:
            if c.feature != "city" or norm(c.name) != m.key:
                continue
            if c.population >= 1000 and (self._pointed.get(c.country, 0) > 0 or (c.country, c.admin1) in self._regions):
                return True
            if c.population >= 20_000 and slot_before and not points:
                return True
        return False

    # ------------------------------------------------------------ resolving

    def _named_countries(self, mentions: list[Mention]) -> Counter:
        """Countries the text names outright, directly or through a region of theirs."""
        named: Counter = Counter()
        seen = set()
        for m in mentions:
            if m.key in seen:
                continue  # a name repeated ten times is still one piece of evidence
            seen.add(m.key)
            for c in m.candidates[:1]:
                if c.feature == "country" or \
                        c.feature in ("admin1", "admin2") and (norm(c.name) == m.key or m.source == "abbrev"):
                    # "Georgia", "Jordan", "Lebanon" also name US states and towns: weak evidence
                    ambiguous = any(o is not c and norm(o.name) == m.key and o.country != c.country and
                                    (o.feature in ("admin1", "country") or o.population >= 3000)
                                    for o in m.candidates)
                    named[c.country] += 0.5 if ambiguous else 2
        return named

    def _context(self, doc: Doc, mentions: list[Mention]) -> tuple[Counter, Counter]:
        """Country weights (named 2, demonym/actor 0.5 each) and how often each admin1
        region is named (the article's "home region")."""
        ctx: Counter = Counter(self._named_countries(mentions))
        regions = Counter(_named_regions(mentions))
        ctx.update(self._text_cues)   # (set by find for this doc)
        spans = [(m.start, m.end) for m in mentions]
        for actor in doc._.actors or []:
            # an organisation named after a town ("Paris Police Department") says nothing new;
            # nor does an actor whose country is only the actors stage's guess of the article's
            # country (made from these same names): only actors known to the KB count
            # generic actors count when named ("FARDC"), not when only described ("people")
            named_actor = actor.kind != "generic" or any(m.text.isupper() and len(m.text) >= 2 for m in actor.mentions)
            if getattr(actor, "country", None) and getattr(actor, "kb_id", None) and named_actor and not any(
                    overlaps(a.start, a.end, s, e) for a in actor.mentions for s, e in spans):
                ctx[actor.country] += 0.5 * min(3, len(actor.mentions) or 1)
        return ctx, regions

    def _text_context(self, doc: Doc) -> Counter:
        """The country weights the words of the text give, whatever places are found: local-news
        conventions (US, UK) and demonyms (0.5 each)."""
        ctx: Counter = Counter()
        us_cues = _us_locale_cues(doc_text(doc))
        uk_cues = _uk_locale_cues(doc_text(doc))
        if us_cues >= 2 and us_cues > uk_cues:
            ctx["USA"] += min(3.0, us_cues)
        if uk_cues >= 2 and uk_cues > us_cues:
            ctx["GBR"] += min(3.0, uk_cues)
        # (over the text's capitalised words, not the tokens: the same words, much faster)
        for word in _CAPITALISED.findall(doc_text(doc)):
            if word.istitle() or word.isupper():
                iso3 = self.gaz.demonyms.get(_norm_word(word))
                if iso3:
                    ctx[iso3] += 0.5
        return ctx

    def _resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        ctx0, regions0 = self._context(doc, mentions)
        ctx, regions, near = ctx0, regions0, []
        cooc = _cooccurrence(mentions)
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
                m.chosen, m.why = _choose(m, own_ctx, own_regions, others, cooc)
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


    # ------------------------------------------------------------ references

    def _references(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Demonyms and country adjectives that refer to a country ("Iraqi forces", "the
        Americans", "South Korean officials"), resolved to that country's place (the same id
        as the country named) and marked ``reference``: set_annotations keeps them in
        ``Place.references``, so no event is ever placed by an adjective. Region and continent
        demonyms ("Texans", "South Ossetian", "European") likewise, to that region.

        Capitalised words only ("Polish", not "polish"), never a verb. Not: a word of a
        found place name ("Indian Ocean"), of a person's name ("Monica French") or a surname
        used alone ("French said"); part of a longer ethnonym or name ("Native American",
        "African-American", "American Indians", "Cambridge Italian community"); a cuisine,
        language or style ("Italian food", "spoke only French", lexicons/places.yaml). A
        demonym whose country shares its name with a region of another country ("Georgian")
        is that region's when the text is about the region's country (a US local paper);
        one with a common other sense ("Indian") needs a place of that country named."""
        lex = _lexicon()
        gaz = self.gaz
        taken = [(m.start, m.end) for m in mentions]
        found: list[tuple[int, int, str, str]] = []   # start, end, key, ISO3 (a region's id)
        first = gaz.demonym_first_words
        i = 0
        while i < len(doc):
            tok = doc[i]
            # (most tokens: not a capitalised word a demonym starts with; checked cheaply first)
            if not (tok.is_alpha and tok.text[:1].isupper()) or _norm_word(tok.text) not in first:
                i += 1
                continue
            match = None
            for n in (3, 2, 1):
                span = doc[i:i + n]
                if len(span) < n or not all(t.is_alpha and t.text[:1].isupper() for t in span) or \
                        any(t.whitespace_ != " " for t in span[:-1]) or span[0].lower_ == "the":
                    continue
                key = norm(span.text)
                iso3 = gaz.demonyms.get(key) or gaz.region_demonyms.get(key)
                if iso3:
                    match = (span, iso3)
                    break
            if match is None:
                i += 1
                continue
            span, iso3 = match
            i = span.end
            if self._reference_ok(doc, span, lex, taken):
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and nxt.lower_ in lex["territory_nouns"]:
                    # "on Iraqi territory", "in Syrian airspace": the country as a location
                    found.append((span.start_char, nxt.idx + len(nxt), norm(span.text), iso3))
                else:
                    found.append((span.start_char, span.end_char, norm(span.text), iso3))
        if not found:
            return []
        # the text's countries without the demonyms' own weight (a word is no evidence for itself)
        ctx = self._context(doc, mentions)[0]
        for _s, _e, key, iso3 in found:
            if key in gaz.demonyms:
                ctx[iso3] -= 0.5
        resolved = {m.key: m.chosen for m in mentions if m.chosen is not None}
        named = {c.country for c in resolved.values()}
        out = []
        text = doc_text(doc)
        for start, end, key, iso3 in found:
            if key in lex["other_sense"] and iso3 not in named:
                continue  # "Indian gaming" in a text that names no place in India
            if key not in gaz.demonyms:
                cand, why = gaz.get(iso3), "region demonym"
            else:
                cand, why = self._reference_place(iso3, ctx, resolved)
            if cand is None:
                continue
            territory = norm(text[start:end]) != key
            out.append(Mention(start, end, text[start:end], key, "demonym", chosen=cand,
                               why=why + (", its territory" if territory else ""), reference=not territory))
        return out

    def _reference_ok(self, doc: Doc, span, lex: dict, taken) -> bool:
        """The demonym at ``span`` is used as a reference to its country (see _references)."""
        start, end = span.start_char, span.end_char
        if any(overlaps(start, end, a, b) for a, b in taken):
            return False
        last = span[-1]
        if last.pos_ in ("VERB", "AUX"):
            return False  # "Polish the silver"
        nxt = doc[span.end] if span.end < len(doc) else None
        prev = doc[span.start - 1] if span.start > 0 else None
        key = norm(span.text)
        nominal = nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and nxt.text not in ("-", "–")
        if key in self._surnames and nominal:
            return False  # "Monica French ... French said"
        if prev is not None and not prev.whitespace_ and prev.text in ("-", "–") and prev.i > 0 and \
                doc[prev.i - 1].lower_ in lex["ethnonym_prefixes"]:
            return False  # "African-American", "Anglo-Americans" (not "Arab-Israeli", "Russian-Georgian")
        if prev is not None and prev.is_alpha and prev.text[:1].isupper() and prev.whitespace_ == " ":
            # after a capitalised word that is more of a name: "Native American", "Latin American",
            # "Cambridge Italian community", "Monica French", "American Indians" (not "The",
            # "Many", "Two" starting a sentence)
            if prev.lower_ in lex["ethnonym_prefixes"]:
                return False
            if not (prev.is_stop or prev.pos_ in _FUNCTION_POS or prev.is_sent_start and prev.pos_ != "PROPN"):
                return False
        if nxt is not None and last.whitespace_ == " " and nxt.is_alpha and nxt.text[:1].isupper() and \
                self._demonym(nxt.text):
            return False  # "American Indians", "Mexican American"
        if nxt is not None and not last.whitespace_ and nxt.text in ("-", "–") and key in lex["ethnonym_prefixes"]:
            return False  # "African" of "African-American"
        if nxt is not None and last.whitespace_ and nxt.lower_ in lex["style_heads"]:
            return False  # "Italian food", "French class"
        if nominal and not key.endswith("s"):
            # a language: "spoke only French", "fluent in Russian", "in English and Spanish"
            head = last
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            words = {head.head.lower_} | {t.lower_ for t in doc[max(0, head.i - 3):head.i]}
            if words & lex["language_words"]:
                return False
        return True

    def _demonym(self, word: str) -> bool:
        key = norm(word)
        return key in self.gaz.demonyms or key in self.gaz.region_demonyms

    def _reference_place(self, iso3: str, ctx: Counter,
                         resolved: dict) -> tuple[Optional[Candidate], str]:
        """The place a demonym of ``iso3`` refers to: the country, or a region of another
        country that shares the country's name ("Georgian": the US state in a text about the
        US), following how the text's own mention of that name was resolved, else the text's
        countries."""
        country = self.gaz.country(iso3)
        if country is None:
            return None, "no such country"
        key = norm(country.name)
        if any(c.country == iso3 for k, c in resolved.items() if k != key):
            return country, "demonym (the text names places there)"  # "Georgian ... Gori"
        same = resolved.get(key)
        if same is not None and same.feature in ("country", "admin1"):
            return same, f"demonym, as {country.name!r} in the text"
        regions = [c for c in self.gaz.lookup_key(key)
                   if c.feature == "admin1" and c.country != iso3 and norm(c.name) == key]
        for r in regions:
            if ctx.get(r.country, 0) > max(0.0, ctx.get(iso3, 0)):
                return r, f"demonym, region of {r.country} (text about {r.country})"
        return country, "demonym"

    # ------------------------------------------------------------ output

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        places: dict[str, Place] = {}
        trace = []
        for m in mentions:
            c = m.chosen
            pid = c.id if c is not None else "text:" + _SLUG.sub("-", m.key).strip("-")
            if pid not in places:
                if c is None:
                    places[pid] = Place(id=pid, name=m.text, feature="street" if m.source == "street" else
                                        self._site_kind_of(m))
                else:
                    places[pid] = Place(id=pid, name=c.name, country=c.country, admin1=c.admin1,
                                        lat=c.lat, lon=c.lon, geonames_id=c.geonames_id,
                                        feature=c.feature)
            span = Span.of(doc_text(doc), m.start, m.end)
            (places[pid].references if m.reference else places[pid].mentions).append(span)
            trace.append(f"{m.text!r} [{m.source}] -> {pid} ({m.why})")
        doc._.places = list(places.values())
        if doc._.trace is not None:
            doc._.trace["places"] = trace


# ---------------------------------------------------------------- helpers

_FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "AUX", "PART"}


_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][^\W\d_]*(?![\w])")


@lru_cache(maxsize=65536)
def _norm_word(word: str) -> str:
    return norm(word)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, set[str]]:
    """lexicons/places.yaml: word lists as lower-case sets."""
    data = yaml.safe_load(resources.files("eventlens.pipeline").joinpath("lexicons", "places.yaml")
                          .read_text("utf-8"))
    return {k: {str(w).lower() for w in v} for k, v in data.items()}


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}


def _proper_noun(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in span) and \
        not any(e.label_ in ("PERSON", "ORG", "NORP", "DATE") for e in span.ents)


def _drop_strays(mentions: list[Mention], ctx: Counter) -> None:
    """A small town abroad that nothing else in the text points to ("Kone" in New Caledonia
    for a Myanmar village, "Sanjo" in Japan for a Tanzanian one) is more likely an unknown
    local place of the same name: leave it unresolved rather than put the event abroad."""
    support: Counter = Counter({k: v for k, v in ctx.items() if v > 0})
    by_key: dict[str, set] = {}
    towns_abroad: Counter = Counter()
    for m in mentions:
        if m.chosen is not None and m.chosen.country:
            by_key.setdefault(m.chosen.country, set()).add(m.key)
            if m.chosen.feature != "country":
                towns_abroad[m.chosen.country] += 1
    for m in mentions:
        c = m.chosen
        if c is None or c.feature != "city" or (c.population >= BIG_TOWN or c.capital) and m.source != "site" or \
                m.hint is not None and m.hint.country == c.country:
            continue  # (a qualifier naming another country does not vouch for it; a village or
            # neighbourhood of that name abroad is no better than an unknown one here)
        own = support[c.country] + len(by_key.get(c.country, set()) - {m.key})
        if own == 0 and m.cue and norm(c.name) == m.key and c.population >= 20_000 and \
                not any(v for k, v in towns_abroad.items() if k != c.country):
            continue  # "demonstrated in Lorient ... against the war in Ukraine": only a topic is abroad
        if own == 0 and any(v >= 1 for k, v in support.items() if k != c.country) or \
                own == 0 and any(len(keys - {m.key}) >= 2 for k, keys in by_key.items() if k != c.country):
            m.chosen, m.why = None, f"{m.why}; dropped {c.name} ({c.country}): nothing else points there"


def _place_county(m: Mention, mentions: list[Mention]) -> None:
    """A county the gazetteer knows no towns of has no coordinates of its own (the state's
    centre stands in): take the town of the same state mentioned nearest to it in the text,
    when there is one."""
    c = m.chosen
    if c.population > 0:
        return  # the middle of its own towns
    towns = [(abs(o.start - m.start), o.chosen) for o in mentions
             if o.chosen is not None and o.chosen.feature == "city" and o.chosen.country == c.country
             and o.chosen.admin1 == c.admin1]
    if towns:
        town = min(towns, key=lambda t: t[0])[1]
        m.chosen = replace(c, lat=town.lat, lon=town.lon)
        m.why += f"; county centre taken from {town.name}"


# what only a state or province has ("the New York border", "New York's governor")
_STATE_AFTER = re.compile(r"(?:['’]s)?\s+(?:border|line|governor|legislature|lawmakers|state\s+(?:police|troopers?|"
                          r"senate|senator|assembly|legislature|line)|attorney general|general assembly)\b")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s+$")


def _only_region(m: Mention) -> bool:
    """The name is a region's and no sizeable town's ("New Jersey", "Missouri")."""
    named = [c for c in m.candidates if norm(c.name) == m.key]
    return any(c.feature == "admin1" for c in named) and \
        not any(c.feature == "city" and c.population >= 50_000 for c in named)


def _state_lists(text: str, mentions: list[Mention]) -> None:
    """A name listed with regions is a region too: "New York and New Jersey", "Missouri,
    New York, North Carolina" mean the states, not the city."""
    for a, b in zip(mentions, mentions[1:]):
        if a.key == b.key or not _LIST_GAP.match(text[a.end:b.start]):
            continue  # "Port of Spain, Port of Spain": the town, then its region
        if _only_region(a) and any(c.feature == "admin1" for c in b.candidates):
            b.region_word = True
        if _only_region(b) and any(c.feature == "admin1" for c in a.candidates):
            a.region_word = True


# where local news puts a town: "in X", "near X", "Sears, 41, of X", "residents of X"
_SLOT_BEFORE = re.compile(r"(?:\b(?:in|near|outside|from|into|around|throughout|downtown)\s+|"
                          r",\s*(?:\d{1,3},\s*)?of\s+|"
                          r"\b(?:residents?|natives?|mayor|people|town|city|village|suburb|outskirts) of\s+|"
                          # an address: "1935 Orchard St., Alexandria", "Holm Way, Bicester"
                          r"\b(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Drive|Dr|Close|Crescent|Blvd)\.?,\s+)$")
# "a Roselle man", "Alexandria police", "Grovetown residents"
_SLOT_AFTER = re.compile(r"-based\b|(?:['’]s)?\s+(?:man|woman|men|women|couple|teen|teens|teenager|teenagers|boy|girl|"
                         r"residents?|natives?|police|officers?|firefighters|family|families|voters|"
                         r"homeowners|neighborhoods?|city council|town council|council|mayor|"
                         r"police department|fire department|school district|businesses|high school)\b", re.I)
# state abbreviations that are also words or other abbreviations (independent, ill, mass, Miss)
_WORDLIKE_ABBREVS = {"Ind.", "Ill.", "Mass.", "Miss.", "Pa.", "Wash.", "Del.", "Me.", "La.", "Ore.", "Mo.",
                     "Col.", "Cal.", "Ida.", "Ok.", "Wis.", "Ala.", "Md.", "Conn."}
_ABBREV_BEFORE = re.compile(r"\b(?:in|to|from|of|another|a|an|the)\s+$")
_PARTY_TAG = re.compile(r"(?<![\w-])(?:R|D|I|DFL)-([A-Z][\w'’.]*(?:\s[A-Z][\w'’]*){0,2})(?=\s*[,;)]|\s+[-–—])")
_STREET_WORD = r"(?:[A-Z][a-z]+(?:['’][A-Z][a-z]+)?|\d+(?:st|nd|rd|th))"  # not "Augusta's"
_STREET = re.compile(
    r"(?:\b\d{1,5}\s+)?(?:(?:[NSEW]\.|North|South|East|West)\s+)?"
    rf"{_STREET_WORD}(?:\s+{_STREET_WORD}){{0,2}}\s+"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Pkwy|Parkway|Pike|Hwy|Highway)\b\.?"
    r"|\b\d{1,5}\s+[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?\s+(?:Court|Ct|Way|Circle|Cir|Terrace|Trail|Place)\b\.?")
# (not "U.S. 27": a toponym "U.S." of its own for some annotators; not "Otter Tail County Road 4",
# whose county comes first)
_ROUTE = re.compile(r"\b(?:(?:State|County|Interstate|State Route|Route|"
                    r"Highway|Hwy\.?|FM|SR|I)[\s-]?(?:Road|Route|Highway)?\s?\d{1,4}[A-Z]?)\b")
# words that make a "street" an institution's name ("Supreme Court Drive" aside)
_INSTITUTION_WORDS = {"School", "Elementary", "Middle", "High", "Neighborhood", "Association", "Church", "Baptist",
                      "Methodist", "Center", "Centre", "Apartments", "Mall", "Plaza", "Station", "Hospital",
                      "Library", "Academy", "Project", "Partners", "Group", "Company",
                      "Patrol"}  # "Eight Florida Highway Patrol troopers": a police force, not a road
_NOT_STREET = {"national", "international", "interstate", "the", "a", "an", "and", "school", "university",
               "county", "city", "state", "federal", "united", "superintendent", "in", "on", "at", "of"}


# A place name: capitalised words (Arabic article and name particles allowed inside),
# hyphenated parts included ("Tel Hamis", "Dahiyat al-Assad", "al-Atebaa", "Umm al-Fahm")
_PARTICLE = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ad-|bin|ibn|abu|umm|beit|bayt|deir|tal|tel)[- ])?"
_NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_SITE_NAME = _PARTICLE + _NAME_WORD + r"(?:\s" + _PARTICLE + _NAME_WORD + r"){0,3}"
# (lower case: "Water District", "Town Election" are names; and not a modifier of a noun after
# it: "district office", "town hall", "area cities")
_SITE_KINDS = r"(?:villages?|town|hamlet|neighbou?rhoods?|suburbs?|quarter|settlements?|township|locality|refugee\s+camp|camp|sub-?district|district|area)"
_SITE_AFTER = re.compile(r"\b(" + _SITE_NAME + r")\s+(" + _SITE_KINDS + r")\b(?![-’'])"
                         r"(?=\s*(?:$|[^\w\s]|(?:in|of|near|on|at|outside|inside|north|south|east|west|and|or|"
                         r"where|which|that|was|were|is|are|has|had|after|before|when|while|late|early|last|"
                         r"this|on|from|to|by|with|during|about|some)\b))")
_SITE_OF = re.compile(r"\b(?:(?i:the)|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?((?i:villages?|towns?|hamlets?|neighbou?rhoods?|suburbs?|"
                      r"settlements?|localities|locality|districts?|camps?))\s+of\s+")
_SITE_LIST = re.compile(r"(" + _SITE_NAME + r")(?:\s*\([^()]{1,40}\))?(?:,\s*|\s+and\s+|,\s+and\s+|$)?")
# the kinds of place a site is said to be (Place.feature of a site without coordinates)
SITE_FEATURES = {"village", "town", "hamlet", "neighbourhood", "suburb", "quarter", "settlement", "township",
                 "locality", "camp", "district", "area"}


def _site_kind(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower())
    w = {"neighborhood": "neighbourhood", "neighborhoods": "neighbourhood", "localities": "locality",
         "refugee camp": "camp", "sub-district": "district", "subdistrict": "district"}.get(w, w)
    return w[:-1] if w.endswith("s") and w[:-1] in SITE_FEATURES else w


# capitalised words that open a sentence or name no place ("The", "Monday", "Police")
_NOT_SITE_START = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                   "in", "on", "at", "of", "for", "from", "by", "with", "and", "but", "or", "as", "after",
                   "before", "during", "near", "outside", "inside", "into", "every", "each", "some", "one",
                   "he", "she", "they", "we", "it", "i", "monday", "tuesday", "wednesday", "thursday",
                   "friday", "saturday", "sunday", "police", "army", "security", "border", "government",
                   "residential", "industrial", "military", "rural", "urban", "old", "new", "local"}


def _site_spans(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, kind) of names a text gives as villages, neighbourhoods, districts or
    camps: "<Name> village", "the village(s) of <Name>(, <Name> and <Name>)"."""
    def clean(start: int, end: int) -> Optional[tuple[int, int]]:
        words = text[start:end].split()
        while words and (words[0].lower().strip("-") in _NOT_SITE_START or
                         re.fullmatch(r"[A-Z][\w'’]*-[a-z][\w-]*", words[0])):   # "Kurdish-majority"
            start += len(words[0]) + 1
            words = words[1:]
        return (start, end) if words and words[0][:1].isupper() or (words and "-" in words[0]) else None
    for m in _SITE_AFTER.finditer(text):
        span = clean(m.start(1), m.end(1))
        if span is not None:
            yield (*span, _site_kind(m.group(2)))
    for m in _SITE_OF.finditer(text):
        pos, kind = m.end(), _site_kind(m.group(1))
        for _ in range(8):   # "the settlements of Arbin, Hawsh Nasri, Bakhariya and Jobar"
            n = _SITE_LIST.match(text, pos)
            if n is None or n.end(1) <= pos:
                break
            span = clean(n.start(1), n.end(1))
            if span is not None:
                yield (*span, kind)
            if n.end() == n.end(1) or "." in text[n.end(1):n.end()]:
                break
            pos = n.end()


def _street_spans(text: str) -> Iterable[tuple[int, int]]:
    """Streets ("420 Augusta St.", "North Lumpkin Street") and numbered roads ("Highway 19",
    "Interstate 45", "U.S. 287"); not "Dr." before a name ("Superintendent Dr. Smith")."""
    for m in _STREET.finditer(text):
        words = m.group().split()
        if any(w.lower().strip(".") in _NOT_STREET for w in words[:-1]):
            continue
        if words[-1].startswith("Dr") and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
            continue
        if m.start() > 0 and text[m.start() - 1] in "-–":
            continue
        start, end = m.start(), m.end()
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[end:end + 20])
        if nxt and nxt.group(1) in _INSTITUTION_WORDS:
            continue  # "Pleasant Lane School": an institution named after the street
        number = re.match(r"\d+\s+", m.group())
        if number:
            start += number.end()  # the street, not the house
        if text[end - 1] == "." and words[-1].rstrip(".") in ("Street", "Avenue", "Road", "Drive", "Lane",
                                                              "Boulevard", "Parkway", "Pike", "Highway", "Court",
                                                              "Way", "Circle", "Terrace", "Trail", "Place"):
            end -= 1  # a full stop, not an abbreviation's
        yield start, end
    for m in _ROUTE.finditer(text):
        prev = re.search(r"(\S+)\s$", text[max(0, m.start() - 20):m.start()])
        if prev and prev.group(1)[:1].isupper() and not (prev.group(1).endswith(".") and
                                                        prev.group(1).count(".") == 1 and len(prev.group(1)) > 3):
            continue  # "Otter Tail County Road 4", "U.S. Highway 1": a place's road
        yield m.start(), m.end()


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|their|his|her|its|our|rural)\s+$", re.I)
# lower-case words after a name that are not a noun it modifies
# nouns a town's name modifies in local news ("their Grovetown home", "a Chiefland bar"; not
# "a Bradley armored vehicle", "the Abidjan accord")
_LOCAL_HEAD_NOUNS = {"home", "homes", "house", "houses", "apartment", "apartments", "residence", "store", "stores",
                     "shop", "shops", "bar", "restaurant", "church", "churches", "business", "businesses",
                     "hospital", "neighborhood", "neighbourhood", "street", "streets", "park", "funeral",
                     "newspaper", "firefighter", "firefighters", "resident", "residents", "area", "school",
                     "schools", "library", "landfill", "plant", "mall", "hotel", "motel", "farm", "office"}
_COUNTY_NAME_RE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_COUNTY_NAME = re.compile(_COUNTY_NAME_RE)
# "Becker, Clay and Wilkin counties", "Navarro, Henderson, or Ellis counties", "Geauga and Medina counties"
_COUNTY_LIST = re.compile(rf"(?P<names>{_COUNTY_NAME_RE}(?:\s*,\s*(?:(?:and|or)\s+)?{_COUNTY_NAME_RE})*"
                          rf"\s*,?\s+(?:and|or|&)\s+{_COUNTY_NAME_RE})\s+(?P<kind>counties|parishes)\b")
# "Platte Co." (not "Ford Motor Co.": only a county the gazetteer knows by the whole name)
_COUNTY_ABBREV = re.compile(r"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+Co\.(?=\s|$)")
_REGION_OF = re.compile(r"\b(?:state|province|governorate|region|department|oblast|county) of (?:the )?$", re.I)
_FACILITY_AFTER = re.compile(r"\s+(?:air\s*base|airbase|air\s*field|airfield|airport|military\s+base|base|"
                             r"camp|garrison|border\s+crossing|crossing)\b", re.I)
_QUAL_SLOT = re.compile(r"[A-Z][\w'’.-]*\s*\((?:[^()]{0,60},\s*)?$")
_FACILITY_END = re.compile(r"\s(?:air\s*base|airbase|airfield|airport|base|camp|garrison)$", re.I)
_LONGER_NAME = re.compile(r"(?:[ -][A-Z][\w'’]*){1,3}")
_KIND_AFTER = re.compile(r"\s*(?:village|villages|town|township|ward|district|locality|sub-?county|"
                         r"groupement|neighbou?rhood|quarter|camp|area|commune|municipality)\b", re.I)


def _part_of_unknown_name(doc: Doc, run: list, i: int, j: int) -> bool:
    """A known name that is only a part of a longer capitalised name the text says is a
    village or district ("Nyaung" of "Nyaung Lay Pin village", "Shan" of "Shan Dut village"):
    that place is unknown, not the known one."""
    if i == 0 and j == len(run):
        return False
    rest = [t for t in run[:i] + run[j:] if t.text[:1].isupper() and t.is_alpha]
    if not rest:
        return False
    last = run[-1]
    return _KIND_AFTER.match(doc_text(doc), last.idx + len(last.text)) is not None


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


def _descriptive_extra(m: Mention) -> bool:
    """The words of the name beyond its candidates' own only say what kind or part of the place
    it is ("Rustavi City", "Northern Nicosia"), not another name ("Ranbir Singh Pura")."""
    own = {w for c in m.candidates for w in norm(c.name).split()}
    extra = [w for w in m.text.split() if norm(w) and norm(w) not in own]
    return all(w.lower().strip(".,") in DESCRIPTORS | KIND_WORDS | COMPASS for w in extra)


def _names_place(c: Candidate, key: str) -> bool:
    """The candidate's own name (or any name of a country/region): not one of the odd
    alternate names GeoNames lists for towns."""
    return c.feature in ("country", "admin1", "region") or (c.feature in TOWN_FEATURES and norm(c.name) == key)


def _spelled_like(c: Candidate, key: str) -> bool:
    """The candidate's own name or a spelling of it ("Birgunj" for Birganj), not an unrelated
    old or alternate name ("Mason" for Glendale)."""
    own = norm(c.name)
    return c.feature in ("country", "admin1", "region") or own == key or \
        SequenceMatcher(None, own, key).ratio() >= 0.75


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
    seen = set()
    for m in mentions:
        if m.key in seen:
            continue
        seen.add(m.key)
        for c in m.candidates[:2]:
            if c.feature == "admin1" and (norm(c.name) == m.key or m.source == "abbrev"):
                yield c.country, c.admin1
                break


# conventions of US local news: sheriffs, counties, dollars, miles, street addresses,
# interstates, party-state tags ("R-Texas"), a.m./p.m.
_US_CUES = (
    re.compile(r"\b[Ss]heriff"),
    re.compile(r"\b[A-Z][a-z]+ (?:County|Parish)\b"),
    re.compile(r"\$\d"),
    re.compile(r"\b\d+ (?:miles?|mph)\b|\bmiles? (?:north|south|east|west|from)\b"),
    re.compile(r"\b\d+ (?:[NSEW]\. )?[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr|Lane|Street|Avenue|Road|Drive)\b"),
    re.compile(r"\b(?:Interstate|I-)\s?\d+|\bU\.?S\.? (?:Highway|Route) \d+|\b[Hh]ighway \d+"),
    re.compile(r"\([RD]-[A-Z]"),
    re.compile(r"\b\d{1,2}(?::\d\d)? [ap]\.m\."),
    re.compile(r"\b(?:City Council|township|[Ss]tate [Rr]ep\.|[Ss]tate [Ss]en\.|Gov\.)"),
    re.compile(r"\b(?:Board of Education|[Ss]chool [Bb]oard|[Ss]uperintendent|[Cc]ounty [Cc]ommission)"),
    # "Fire Department" (British: fire brigade), elementary schools, county courts, party tags
    re.compile(r"\b(?:Police|Fire) Department\b|\b(?:Elementary|Middle) School\b|\b[Ss]chool [Dd]istrict\b"),
    re.compile(r"\b(?:Superior|Circuit|Municipal|Probate) Court\b|(?:^|[\s,(])(?:R|D|DFL)-[A-Z][a-z]"),
)


# conventions of British local news: pounds, councillors, magistrates' and crown courts,
# "Mr Smith" without a full stop, postcodes, borough councils, NHS, Crimestoppers
_UK_CUES = (
    re.compile(r"£\s?\d"),
    re.compile(r"\b[Cc]ouncill?ors?\b"),
    re.compile(r"\b(?:Magistrates|Crown)['’]? Court\b"),
    re.compile(r"\b(?:Mr|Mrs|Ms|Dr) [A-Z][a-z]+"),
    re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b"),
    re.compile(r"\bBorough Council\b|\bNHS\b|\bCrimestoppers\b|\bMP\b"),
)


def _uk_locale_cues(text: str) -> int:
    """How many kinds of British local-news conventions the text uses (each kind once)."""
    return sum(1 for cue in _UK_CUES if cue.search(text))


def _us_locale_cues(text: str) -> int:
    """How many kinds of US local-news conventions the text uses (each kind once)."""
    return sum(1 for cue in _US_CUES if cue.search(text))


def _regions_of(m: Mention) -> set:
    """The admin1 regions a name may lie in (towns and counties of that very name, or the region itself)."""
    return {(c.country, c.admin1) for c in m.candidates if c.admin1 and c.country and
            (c.feature in ("city", "admin2") and norm(c.name) == m.key or c.feature == "admin1")}


def _counties_of(m: Mention) -> set:
    """The counties a name may lie in (towns of that very name, or the county itself)."""
    return {(c.country, c.admin1, c.admin2) for c in m.candidates if c.admin2 and
            (c.feature == "admin2" or c.feature == "city" and norm(c.name) == m.key)}


def _cooccurrence(mentions: list[Mention]) -> tuple[Counter, dict, Counter, dict]:
    """How many of the text's distinct names could lie in each admin1 region, each name
    spreading one vote over its possible regions ("Alexandria", "Brandon", "Albany" and
    "Douglas County" together point to Minnesota). Names found in very many regions
    ("Washington") say nothing. The same for counties ("Huntsville" and "Walker County"
    meet in one county of Texas)."""
    def tally(sets: dict) -> Counter:
        votes: Counter = Counter()
        for regs in sets.values():
            if 0 < len(regs) <= 12:
                for r in regs:
                    votes[r] += 1.0 / len(regs)
        return votes

    by_key: dict = {}
    counties: dict = {}
    for m in mentions:
        if m.key not in by_key:
            by_key[m.key] = _regions_of(m)
            counties[m.key] = _counties_of(m)
    return tally(by_key), by_key, tally(counties), counties


@lru_cache(maxsize=1)
def _shared_names() -> dict[str, tuple[str, ...]]:
    """Country short names two countries share ("Congo"), by gazetteer key, the default first."""
    from ..kb.actors import ambiguous_country_names
    return {norm(k): v for k, v in ambiguous_country_names().items()}


def _choose(m: Mention, ctx: Counter, regions: Counter, near: list[Candidate] = (),
            cooc: Optional[tuple[Counter, dict]] = None) -> tuple[Optional[Candidate], str]:
    """Best candidate: population, exact name, the article's countries and home region,
    closeness to places already resolved, feature class, and an ", Region" qualifier."""
    if not m.candidates:
        return None, "not in gazetteer"
    # towns of that name (a big city also by an alternate name: "Ciudad de Mexico")
    exact_city = any(c.feature == "city" and norm(c.name) == m.key for c in m.candidates)
    cities_here = {(c.country, c.admin1) for c in m.candidates if c.feature == "city" and
                   (norm(c.name) == m.key or not exact_city and (c.population >= 100_000 or c.capital))}
    total = sum(v for v in ctx.values() if v > 0) or 1.0
    has_capital = any(c.capital for c in m.candidates)
    own_regs = cooc[1].get(m.key, set()) if cooc else set()
    exact_exists = any(norm(c.name) == m.key for c in m.candidates)
    best, best_score = None, -math.inf
    for c in m.candidates:
        # the project's own regions and seas carry no population: rate them as a large town
        pop = max(c.population, 100_000) if c.feature == "region" and c.id.startswith("kb:") else c.population
        if c.id.startswith("sub:") and m.region_word:
            pop = 100_000  # a region known without its towns, named as a region ("Guaira department")
        s = 1.2 * math.log10(pop + 10)
        if norm(c.name) == m.key:
            s += 1.0
        elif c.feature == "city" and exact_exists and (exact_city or c.population < 100_000 and not c.capital):
            s -= 4.0  # an odd alternate name ("Athens" for Lemont, "Minnesota" for Minneota)
        if cooc and c.feature in ("city", "admin2") and c.admin1:
            reg = (c.country, c.admin1)
            others = cooc[0].get(reg, 0.0) - (1.0 / len(own_regs) if reg in own_regs and len(own_regs) <= 12 else 0.0)
            s += min(3.0, 2.0 * others)
        if cooc and c.feature in ("city", "admin2") and c.admin2:
            # another name of the text lies in the same county ("Huntsville ... Walker County")
            reg3 = (c.country, c.admin1, c.admin2)
            own3 = cooc[3].get(m.key, set())
            others = cooc[2].get(reg3, 0.0) - (1.0 / len(own3) if reg3 in own3 and len(own3) <= 12 else 0.0)
            if others > 0.01:
                s += min(3.0, 1.5 + 3.0 * others)
        if c.country in ctx:
            # by the country's share of the article: a US local paper is all about the US,
            # an article on Iraq that mentions Americans is not
            # (squared: a text all about one country outweighs a world capital's population)
            s += 0.5 + 5.0 * (ctx[c.country] / total) ** 2
        if c.feature != "admin1" and (c.country, c.admin1) in regions:
            s += 2.0 + min(2.0, 0.5 * regions[(c.country, c.admin1)])
        if c.capital:
            s += 1.0
        if c.feature == "country" and _shared_names().get(m.key, ("",))[0] == c.country:
            s += 2.0   # "Congo": the Republic unless the article points to the DRC (actors_demonyms.yaml)
        if c.feature in CURATED:
            s += 4.0
        elif c.feature == "country":
            s += 2.0
        elif c.feature == "admin2":
            s += 6.0 if norm(c.name) == m.key else -0.5 if m.source == "party" else -2.0
        elif c.feature == "admin1":
            # "Baghdad" means the city unless the text says "Baghdad province"
            if m.region_word:
                s += 4.0
            elif m.town_word:
                s -= 6.0  # "Almaty city"
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
            elif h.feature == "admin1" and c.country == h.country and c.feature != "admin1" and \
                    (h.id.startswith("sub:") or not c.admin1):
                # a region of the town's country, its own region unknown or named otherwise
                # ("Barcelona (Anzoategui)": Venezuela's Barcelona, not Spain's)
                s += 5.0
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
        elif run and run[-1].text == "-" and not run[-1].whitespace_ and tok.is_alpha and len(tok) <= 3:
            ok = True  # "Mazar-e-Sharif", "Ras-ul-Ain"
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


@dataclass(frozen=True)
class _Ent:
    start_char: int
    end_char: int
    label_: str


def _ent_pieces(doc: Doc) -> list[_Ent]:
    """spaCy entities split where a bracket opens or closes, a comma falls inside one or a
    spaced dash joins two names: "Maceio (Alagoas" is two names, and neither "Remedios
    (Antioquia", "Silao de la Victoria, Guanajuato" nor "Santiago - Providencia" (a town and
    its district) tagged ORG is an organisation's name."""
    cached = doc.user_data.get("eventlens_ent_pieces")
    if cached is not None and cached[0] == len(doc.ents):
        return cached[1]
    text = doc_text(doc)
    pieces = []
    for ent in doc.ents:
        start = ent.start_char
        for piece in re.split(r"([()\[\]]|,\s|\s[-–—]\s)", text[ent.start_char:ent.end_char]):
            stripped = piece.strip(" ,")
            if stripped and piece not in "()[]" and not re.fullmatch(r",\s|\s[-–—]\s", piece):
                s = start + piece.index(stripped)
                pieces.append(_Ent(s, s + len(stripped), ent.label_))
            start += len(piece)
    doc.user_data["eventlens_ent_pieces"] = (len(doc.ents), pieces)
    return pieces


def _ner_spans(doc: Doc) -> Iterable[tuple[int, int, str]]:
    """spaCy place entities (split at brackets)."""
    for ent in _ent_pieces(doc):
        if ent.label_ in NER_LABELS:
            yield ent.start_char, ent.end_char, ent.label_


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
    spans = [(e.start_char, e.end_char, "ner-person") for e in _ent_pieces(doc) if e.label_ == "PERSON"]
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
    for ent in _ent_pieces(doc):
        if overlaps(ent.start_char, ent.end_char, start, end):
            return ent
    return None


def _cue_precision(text: str, start: int, verbs: bool = True) -> Optional[int]:
    """ACLED precision a locative cue before ``start`` gives; ``verbs``: also a verb that takes
    or strikes a place ("captured X"), whose object may as well be a person's name."""
    before = text[max(0, start - 40):start]
    for pattern, precision in _PLACE_CUES:
        if not verbs and pattern is _TAKEN_BEFORE:
            continue
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


# "Amara, south of Baghdad", "Kakata, 60 kilometers (40 miles) northeast of Monrovia",
# "Dunya Pur, a small town about 100 km from the city of Multan": the second place only
# says where the first one is
_REFERENCE_GAP = re.compile(
    r"^(?:\s+[a-z]+){0,2}\s*,\s*(?:[\w.()-]+\s+){0,8}?"
    r"(?:(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:\([^)]*\)\s+)?"
    r"(?:(?:to the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|from|outside(?:\s+of)?)|"
    r"(?:to the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:(?:city|town|capital|village|provincial capital)\s+of\s+)?$", re.I)
# the owner in a possessive ("Syria's Aleppo province"; some feeds lose the apostrophe: "Syria   s")
_POSSESSIVE_AFTER = re.compile(r"^(?:['’]s?\b|\s{2,}s\b)")


# ACLED notes say where they put an event: "in Bolivar state (coded to Ciudad Bolivar)"
_CODED = re.compile(r"\b(?:geo-?)?coded\s+(?:to|as|at|in)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|across|throughout|to|into)\s+(?:the\s+)?$", re.I)


def _coded_precision(text: str, m: Span, spans: list) -> int:
    """A stand-in town for a whole region or country the event is said to be in ("arrived in
    Slovakia [coded to X]") is precision 3; for anything smaller ("X community, Sumy (coded
    to Y)", "between A and B (coded to C)") 2."""
    bracket = max(text.rfind("(", 0, m.start), text.rfind("[", 0, m.start))
    prev = [(s, e, p) for s, e, p in spans if e <= bracket and bracket - e <= 12]
    if prev:
        s, e, p = max(prev, key=lambda x: x[1])
        if p.feature in ("country", "admin1") and _LOCATIVE_BEFORE.search(text[max(0, s - 20):s]):
            return 3
        return 2
    # "the Greek government (coded to Athens)": a national matter put at the capital
    own = [p for s, e, p in spans if s == m.start]
    if own and own[0].id.startswith("gn:"):
        c = gazetteer().get(own[0].id)
        if c is not None and c.capital:
            return 3
    return 2


_CONTAINER_GAP = re.compile(r"^(?:\s+[a-z]+){0,2}\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|town|village) of\s+)?$")


def _contained(text: str, m: Span, spans: list, limit: int) -> bool:
    """The mention names a spot inside the town named right after it ("Saint-Michel square
    in Paris", "Rocha neighbourhood of Sao Goncalo")."""
    nxt = [(s, p) for s, e, p in spans if m.end < s < min(limit, m.end + 40)]
    if not nxt:
        return False
    s, p = min(nxt, key=lambda x: x[0])
    return p.lat is not None and p.feature in ("city", "district") and _CONTAINER_GAP.match(text[m.end:s]) is not None


def _is_reference(text: str, m: Span, spans: list) -> bool:
    """The mention only locates the place named just before it."""
    prev = [e for s, e, _ in spans if e <= m.start and m.start - e <= 90]
    return bool(prev) and _REFERENCE_GAP.match(text[max(prev):m.start]) is not None


def _modifier(doc: Doc, m: Span) -> bool:
    """A country or region used as a modifier or as an actor, not as a location:
    "a U.S. patrol", "US-led forces", "Eritrea captured Badme"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i and root.head.pos_ == "NOUN" \
            and root.head.lemma_.lower() not in DESCRIPTORS:
        return True
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB"


def _owner(doc: Doc, m: Span) -> bool:
    """A country as the owner of a thing that is no place ("Mexico's army", "Syria's
    conflict"; not "Syria's Aleppo province")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "poss" and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() not in DESCRIPTORS | _PLACE_KIND_NOUNS


def _locates_noun(doc: Doc, m: Span) -> bool:
    """The noun the name modifies or owns says where ("a Hong Kong hotel", "Venezuela's oil
    installations"): lexicons/places.yaml located_nouns."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.head.lower_ in _lexicon()["located_nouns"]


TOWN_OR_LARGER = (None, "city", "town", "village", "country", "admin1", "admin2", "region")
_COUNTRY_QUALIFIES = re.compile(r"\s*(?:,|\bin)\s*(?:the\s+)?$")


def _trigger_phrase(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Character range of a noun trigger's own phrase (its subtree), or None for verbs,
    whose clause is the sentence's business."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "ROOT":
        return None
    # its own words, not those of events coordinated with it ("the attacks in Basra or the
    # attack on Erbil airport")
    sub, todo = [], [tok]
    while todo:
        t = todo.pop()
        sub.append(t)
        todo += [c for c in t.children if c.dep_ not in ("conj", "cc")]
    first, last = min(sub, key=lambda t: t.i), max(sub, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


_PLACE_KIND_NOUNS = SITE_FEATURES | {"city", "province", "region", "island", "port", "capital", "county",
                                     "governorate", "state", "territory", "outskirts", "centre", "center"}
# verbs whose object place is where they happen not ("fled Aleppo", "left Kabul" happen elsewhere)
_AWAY_VERBS = {"leave", "flee", "depart", "exit", "evacuate", "quit", "abandon", "escape", "return"}


def _acted_on(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the head words naming what a verb trigger acts on: its object ("captured
    Badme"), the subject of its passive ("Seoul was captured"), their conjuncts and "of"
    complements ("the cities of Palmyra and Quaryatayn"); not appositions ("Goma, the capital
    of North Kivu") nor relative clauses."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    verb = span.root
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _AWAY_VERBS:
        return []
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    out, seen = [], set()
    while heads:
        h = heads.pop()
        if h.i in seen:
            continue
        seen.add(h.i)
        out.append((h.idx, h.idx + len(h)))   # the head word: "a US soldier" acts on no US
        if any(c.dep_ == "cc" for c in h.children):   # "A and B", not "A, Region"
            heads += [c for c in h.children if c.dep_ == "conj"]
        if h.lemma_.lower() in _PLACE_KIND_NOUNS:   # "the cities of A and B", not "the building of A"
            heads += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
    return out


def _cue_rank(text: str, m: Span, cue: Optional[int]) -> int:
    """How strongly a mention says "here it happened": after a locative cue (in, near,
    outskirts of ...), then without one, last an origin or owner ("a driver from Abidjan", "Caracas' newspaper",
    "Syria's Aleppo province" -> Aleppo)."""
    before = text[max(0, m.start - 12):m.start]
    after = text[m.end:m.end + 4]
    if _POSSESSIVE_AFTER.match(after) or _ORIGIN.search(before) and cue is None:
        return 2
    return 0 if cue is not None else 1


_CITY_NAME = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? City")


def _org_spans(doc: Doc) -> list[tuple[int, int]]:
    """Organisation names (NER and actors): asked for every event, so kept on the doc while
    its actors are the same."""
    actors = doc._.actors or []
    key = ("eventlens_org_spans", len(actors))
    if key not in doc.user_data:
        text = doc_text(doc)
        # (not "Seoul City" of "(Seoul City - Yeongdeungpo)": a town by its formal name)
        spans = [(e.start_char, e.end_char) for e in _ent_pieces(doc) if e.label_ == "ORG"
                 and not _CITY_NAME.fullmatch(text, e.start_char, e.end_char)]
        for a in actors:
            if a.kind in ("organization", "group"):
                spans += [(m.start, m.end) for m in a.mentions]
        doc.user_data[key] = spans
    return doc.user_data[key]


def _precision(place: Place, cue: Optional[int]) -> int:
    if place.feature in ("country", "admin1", "region"):
        return 3
    return cue or 1


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+(?:villages|towns|cities|localities)\s+of\s+)?$|"
                      r"\bbetween\b[^.;]*\band\s+(?:the\s+)?$|\bfrom\s+[^.;]{1,60}\bto\s+(?:the\s+)?$", re.I)
_ROAD_AFTER = re.compile(r"(?:-[\w ]{2,30}?)?\s+(?:highway|road|route|axis)\b", re.I)


def _stretch(text: str, start: int, end: int, s0: int) -> bool:
    """The mention is an end of a stretch ("between A and B", "from A to B", "the A-B
    highway"): the event happened somewhere along it (ACLED precision 2)."""
    before = text[max(s0, start - 80):start]
    if _BETWEEN.search(before) or re.search(r"\b(?:highway|road|route|axis)\s*[(\[]\s*$", before, re.I):
        return True
    if re.search(r"\bfrom\s+(?:the\s+)?$", before) and re.match(r"[^.;]{0,40}?\bto\b", text[end:end + 45]):
        return True
    return bool(_ROAD_AFTER.match(text, end)) or (before.endswith("-") and bool(_ROAD_AFTER.match(text, end)))


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


# sites that are points, not areas (a township or district is coded to its town, precision 2)
_POINT_SITES = {"village", "hamlet", "neighbourhood", "suburb", "quarter", "settlement", "town", "camp"}
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|around|close to|vicinity|outskirts|between|from)\b", re.I)


class EventLocation(NamedTuple):
    place: Optional[Place]       # where the event is coded, with coordinates when known
    precision: Optional[int]     # ACLED geo_precision
    site: Optional[Place] = None  # the more specific place the text names, when it has no coordinates


def event_place(doc: Doc, start: int, end: int,
                fenced: Iterable[tuple[int, int]] = ()) -> tuple[Optional[Place], Optional[int]]:
    """Where the event at [start, end) happened and the ACLED geo_precision (see locate_event)."""
    found = locate_event(doc, start, end, fenced)
    return found.place, found.precision


def locate_event(doc: Doc, start: int, end: int, fenced: Iterable[tuple[int, int]] = ()) -> EventLocation:
    """Where the event at [start, end) happened, with ACLED geo_precision:
    the nearest place in the same sentence introduced by a locative cue (in/at 1,
    near/outside/outskirts of 2, regions and countries 3), else the nearest place in the
    sentence, else the article's most mentioned town (precision 2), else None.
    ``fenced``: character spans (clauses telling other events) whose places are not this
    event's."""
    places = doc._.places or []
    if not places:
        return EventLocation(None, None)
    text = doc_text(doc)
    s0, s1 = _sentence_bounds(doc, start)
    orgs = _org_spans(doc)
    spans = sorted((m.start, m.end, p) for p in places for m in p.mentions)
    own = _trigger_phrase(doc, start, end)
    acted_on = _acted_on(doc, start, end)
    headline = s0 == 0 and "\n" in text[s0:s1 + 2]
    in_sentence = []
    aside: set[int] = set()
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
                rank = _cue_rank(text, m, cue)
                coded = _CODED.search(text[max(0, m.start - 25):m.start]) is not None
                if coded:
                    rank, cue = -2, _coded_precision(text, m, spans)
                elif any(m.start <= a and b <= m.end for a, b in acted_on) and \
                        (p.lat is not None or p.feature in SITE_FEATURES) and \
                        not any(e <= m.start and not text[e:m.start].strip(" ,") for _s, e, _p in spans):
                    # (not the region of "shelled Luparevo, Mykolaiv", the parser's object)
                    rank = -1   # "captured Badme", "shelled the villages of A and B": the place acted on
                elif rank < 2 and not p.id.startswith("kb:") and _contained(text, m, spans, s1):
                    rank = 2  # "Alexandra Park in Hastings": the town is where it happened
                elif _is_reference(text, m, spans):
                    rank = 3
                elif rank < 2 and p.feature in ("country", "admin1") and _modifier(doc, m):
                    rank = 2
                if p.feature in ("country", "admin1") and cue is None and not coded and \
                        (_modifier(doc, m) or _owner(doc, m)) and not _locates_noun(doc, m):
                    aside.add(m.start)   # "U.S. forces captured ...", "Mexico's army": no place of the event
                elif headline and p.feature in ("country", "admin1") and cue is None and not coded and rank >= 0 \
                        and not text.startswith(":", m.end):
                    # "Israel silent on strike", "Iran denies role in blast": a headline names a
                    # country with no "in" or "near" as who speaks or acts, not where it happened
                    aside.add(m.start)
                in_sentence.append((rank, not anchored, not located, p.feature == "country",
                                    dist, p, cue, quals, m.end, m.start))
    # a village named as such, in or near a known place, is as good as located: the event is
    # coded to that place and the village kept as its site
    in_sentence = [x[:2] + (False,) + x[3:] if x[2] and x[5].feature in SITE_FEATURES and
                   _container(text, x[-2], in_sentence) is not None else x for x in in_sentence]
    if fenced:
        in_sentence = [x for x in in_sentence if not any(a <= x[-1] < b for a, b in fenced)]
    if own is not None:
        # a noun trigger's own phrase names the site it hit ("the targeting of the Al-Tanf base
        # in Syria"): towns elsewhere in the sentence belong to other events listed with it
        mine = [x for x in in_sentence if own[0] <= x[-1] and x[-2] <= own[1]
                and x[5].feature not in TOWN_OR_LARGER]
        in_sentence = mine or in_sentence
    # "the Al-Tanf base in Syria": the country says where the named place is
    inner = [(x[-1], x[-2]) for x in in_sentence if x[5].feature not in ("country", "admin1") and x[5].lat is not None]
    in_sentence = [(3,) + x[1:] if x[5].feature == "country" and any(
        _COUNTRY_QUALIFIES.match(text[e:x[-1]]) for _s, e in inner if e <= x[-1]) else x
                   for x in in_sentence]
    if all(x[-1] in aside for x in in_sentence):
        in_sentence = []   # only the countries of the actors: the sentence says not where
    if in_sentence:
        *_, p, cue, quals, m_end_, m_start_ = min(in_sentence, key=lambda x: x[:5])
        if p.lat is None:
            # a village the gazetteer lacks: its district or region (ACLED codes such events
            # to the nearest known place, precision 2), the town it is said to be near, or the
            # place it is said to lie in ("the village of X in the countryside of Y"); the
            # village stays the event's site
            q = next((q for q in quals if q.lat is not None), None)
            if q is None:
                refs = [x for x in in_sentence if x[0] == 3 and x[5].lat is not None and x[5].feature not in
                        ("country", "admin1", "region")]
                q = min(refs, key=lambda x: x[4])[5] if refs else None
            if q is None:
                q = _container(text, m_end_, in_sentence)
            if q is not None:
                # (ACLED's precision says how exactly the text places the event, not how
                # exactly we can: "in X village (Y township)" is 1 though coded to Y's town)
                # (only with the qualifiers that conflict monitors write after the places they know,
                # "X village (A township, B region)"; "X in the countryside of Y" stays 2)
                exact = cue == 1 and p.feature in _POINT_SITES and q in quals and \
                    not _stretch(text, m_start_, m_end_, s0) and not _NEAR_BEFORE.search(text, max(s0, m_start_ - 30), m_start_)
                return EventLocation(q, 3 if q.feature in ("country", "admin1", "region") else 1 if exact else 2, p)
        precision = _precision(p, cue)
        if precision == 1 and _AREA_AFTER.match(text, m_end_):
            precision = 2  # "Twantay township", "Jajarkot district": an area, not a point
        elif precision == 1 and _stretch(text, m_start_, m_end_, s0):
            precision = 2  # "between A and B", "from A to B", "the A-B highway": somewhere along it
        return EventLocation(p, precision)
    places = [p for p in places if any(not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end)
                                               for s, e in orgs) and m.start not in aside for m in p.mentions)]
    towns = [p for p in places if p.lat is not None and p.feature not in ("country", "admin1", "region")]
    if towns:
        best = max(towns, key=lambda p: (len(p.mentions), -p.mentions[0].start))
        return EventLocation(best, 2)
    regions = [p for p in places if p.lat is not None]
    if regions:
        best = max(regions, key=lambda p: (p.feature != "country", len(p.mentions)))
        return EventLocation(best, 3)
    return EventLocation(None, None)


# "X in the (western) countryside of Y", "X near Y", "X, south of Y", "X outside Y": what lies
# between a place without coordinates and the known place it is in or near
_LIES_IN_GAP = re.compile(r"^(?:\s+(?:village|town|neighbou?rhood|district|area|camp|suburb|settlement|quarter))?"
                          r"\s*(?:\([^()]*\))?\s*,?\s*(?:(?:in|inside|near|outside|of|at|on|off|close to|"
                            r"north|south|east|west|northeast|northwest|southeast|southwest|"
                            r"(?:some\s+)?\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)(?:\s*\([^()]*\))?)\b[^.;:]{0,60})?$", re.I)


def _container(text: str, after: int, in_sentence: list) -> Optional[Place]:
    """The nearest known place after a place without coordinates that the text says it lies
    in or near, a town before a region and a region before a country."""
    near = sorted((x for x in in_sentence if x[-1] >= after and x[5].lat is not None
                   and _LIES_IN_GAP.match(text[after:x[-1]])), key=lambda x: x[-1])
    for kinds in ((lambda f: f not in ("country", "admin1", "region")), (lambda f: f != "country"), (lambda f: True)):
        hit = next((x[5] for x in near if kinds(x[5].feature)), None)
        if hit is not None:
            return hit
    return None


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
