"""Deterministic generator of news-length synthetic articles for the benchmark.

    articles = generate_corpus(500, seed=7)   # same list for the same (n, seed)

Each article is a dict with id, title, text (body only, 400-700 words), published
(YYYY-MM-DD), source, url and words (len(text.split())). Articles are assembled from
templates and slot vocabularies written for eventlens: an event lede, details, quotes,
reactions and background paragraphs, so the text has the entity, date and trigger
density of real conflict reporting (which is what makes the pipeline stages work).
Nothing here is copied from real articles.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

MIN_WORDS = 400
MAX_WORDS = 700

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Per country: places, government/security actors, armed groups, officials (name, role), outlet.
REGIONS = {
    "Iraq": dict(
        places=["Baghdad", "Erbil", "Mosul", "Kirkuk", "Basra", "Fallujah", "Ramadi", "Samarra",
                "Diyala", "Tikrit", "Najaf", "Karbala", "Sulaymaniyah", "Duhok"],
        forces=["Iraqi security forces", "the Iraqi army", "the federal police",
                "the Counter-Terrorism Service", "Kurdish Peshmerga forces"],
        groups=["Islamic State fighters", "Kataib Hezbollah", "Asa'ib Ahl al-Haq",
                "the Popular Mobilization Forces", "an armed faction"],
        officials=[("Mohammed Shia al-Sudani", "the prime minister"),
                   ("Yahya Rasool", "the military spokesman"),
                   ("Fuad Hussein", "the foreign minister"),
                   ("Masrour Barzani", "the Kurdistan Region's prime minister")],
    ),
    "Syria": dict(
        places=["Idlib", "Aleppo", "Deir ez-Zor", "Raqqa", "Hasakah", "Homs", "Hama", "Daraa",
                "Manbij", "Qamishli", "Latakia", "Damascus"],
        forces=["Syrian government forces", "the Syrian army", "the Syrian Democratic Forces",
                "Russian warplanes", "Turkish-backed factions"],
        groups=["Hayat Tahrir al-Sham", "Islamic State cells", "the Syrian National Army",
                "local gunmen", "an armed group"],
        officials=[("Farhad Shami", "an SDF spokesman"),
                   ("Faisal Mekdad", "the foreign minister"),
                   ("Raed al-Saleh", "the head of the Syrian Civil Defence")],
    ),
    "Yemen": dict(
        places=["Sanaa", "Aden", "Taiz", "Marib", "Hodeidah", "Saada", "Shabwa", "Abyan",
                "Lahij", "Mukalla"],
        forces=["government forces", "the Saudi-led coalition", "Houthi forces",
                "the Southern Transitional Council's forces"],
        groups=["the Houthis", "al-Qaeda in the Arabian Peninsula", "tribal gunmen",
                "Ansar Allah"],
        officials=[("Yahya Saree", "the Houthi military spokesman"),
                   ("Rashad al-Alimi", "the head of the Presidential Leadership Council"),
                   ("Mohammed Abdulsalam", "the Houthi chief negotiator")],
    ),
    "Lebanon": dict(
        places=["Beirut", "Tyre", "Sidon", "Nabatieh", "Tripoli", "Baalbek", "Bint Jbeil",
                "Marjayoun"],
        forces=["the Lebanese army", "the Internal Security Forces", "Israeli forces"],
        groups=["Hezbollah", "Hamas members", "armed men", "protesters"],
        officials=[("Najib Mikati", "the caretaker prime minister"),
                   ("Nabih Berri", "the parliament speaker"),
                   ("Andrea Tenenti", "a UNIFIL spokesman")],
    ),
    "Iran": dict(
        places=["Tehran", "Isfahan", "Mashhad", "Tabriz", "Shiraz", "Zahedan", "Sanandaj",
                "Ahvaz", "Kermanshah"],
        forces=["Iranian security forces", "the Revolutionary Guards", "riot police",
                "the Basij militia"],
        groups=["protesters", "Jaish al-Adl", "Kurdish armed groups", "gunmen"],
        officials=[("Hossein Amir-Abdollahian", "the foreign minister"),
                   ("Nasser Kanaani", "the foreign ministry spokesman"),
                   ("Ahmad Vahidi", "the interior minister")],
    ),
    "Turkey": dict(
        places=["Istanbul", "Ankara", "Diyarbakir", "Gaziantep", "Sanliurfa", "Hakkari",
                "Mardin", "Izmir"],
        forces=["Turkish police", "the Turkish army", "gendarmerie units",
                "Turkish drones"],
        groups=["the PKK", "PKK militants", "Islamic State suspects", "protesters"],
        officials=[("Hakan Fidan", "the foreign minister"),
                   ("Ali Yerlikaya", "the interior minister"),
                   ("Yasar Guler", "the defence minister")],
    ),
    "Libya": dict(
        places=["Tripoli", "Benghazi", "Misrata", "Sirte", "Zawiya", "Sabha", "Derna",
                "Ajdabiya"],
        forces=["the Libyan National Army", "forces of the Government of National Unity",
                "the Special Deterrence Force", "the 444th Brigade"],
        groups=["rival militias", "armed groups", "smuggling gangs", "gunmen"],
        officials=[("Abdulhamid Dbeibah", "the prime minister"),
                   ("Khalifa Haftar", "the eastern commander"),
                   ("Abdoulaye Bathily", "the UN envoy")],
    ),
    "Sudan": dict(
        places=["Khartoum", "Omdurman", "El Fasher", "Nyala", "El Geneina", "Wad Madani",
                "Port Sudan", "El Obeid", "Kadugli"],
        forces=["the Sudanese Armed Forces", "the army", "the Rapid Support Forces",
                "police"],
        groups=["the RSF", "Arab militias", "armed men", "the SPLM-North"],
        officials=[("Abdel Fattah al-Burhan", "the army chief"),
                   ("Mohamed Hamdan Dagalo", "the RSF commander"),
                   ("Volker Perthes", "the UN envoy")],
    ),
    "Mali": dict(
        places=["Bamako", "Mopti", "Gao", "Timbuktu", "Kidal", "Menaka", "Segou", "Bandiagara",
                "Djenne"],
        forces=["the Malian army", "Malian soldiers", "Russian paramilitaries",
                "the UN peacekeeping mission"],
        groups=["JNIM fighters", "Islamic State Sahel fighters", "Tuareg rebels", "gunmen",
                "Dozo hunters"],
        officials=[("Assimi Goita", "the transitional president"),
                   ("Abdoulaye Diop", "the foreign minister"),
                   ("Abdoulaye Maiga", "the government spokesman")],
    ),
    "Burkina Faso": dict(
        places=["Ouagadougou", "Djibo", "Dori", "Kaya", "Fada N'Gourma", "Ouahigouya",
                "Bobo-Dioulasso", "Arbinda"],
        forces=["the army", "soldiers", "the Volunteers for the Defence of the Homeland",
                "gendarmes"],
        groups=["jihadist fighters", "JNIM militants", "Islamic State fighters", "gunmen"],
        officials=[("Ibrahim Traore", "the transitional president"),
                   ("Apollinaire Kyelem de Tambela", "the prime minister"),
                   ("Rimtalba Jean Emmanuel Ouedraogo", "the government spokesman")],
    ),
    "Somalia": dict(
        places=["Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Balcad", "Jowhar", "Galkayo",
                "Bosaso", "Afgoye"],
        forces=["Somali forces", "the Somali National Army", "African Union troops",
                "clan militias"],
        groups=["al-Shabaab", "al-Shabaab fighters", "Islamic State in Somalia", "gunmen"],
        officials=[("Hassan Sheikh Mohamud", "the president"),
                   ("Hamza Abdi Barre", "the prime minister"),
                   ("Abdirahman Yusuf Al-Adala", "the deputy information minister")],
    ),
    "Afghanistan": dict(
        places=["Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Kunduz",
                "Panjshir", "Ghazni"],
        forces=["Taliban forces", "Taliban fighters", "the Taliban's intelligence service",
                "police"],
        groups=["Islamic State Khorasan", "the National Resistance Front", "gunmen",
                "women protesters"],
        officials=[("Zabihullah Mujahid", "the Taliban spokesman"),
                   ("Amir Khan Muttaqi", "the acting foreign minister"),
                   ("Abdul Mateen Qani", "the interior ministry spokesman")],
    ),
    "Myanmar": dict(
        places=["Yangon", "Mandalay", "Naypyitaw", "Sagaing", "Magway", "Lashio", "Myawaddy",
                "Loikaw", "Sittwe"],
        forces=["the Myanmar military", "junta troops", "the air force", "police"],
        groups=["People's Defence Forces", "the Arakan Army", "the Kachin Independence Army",
                "resistance fighters"],
        officials=[("Min Aung Hlaing", "the junta leader"),
                   ("Zaw Min Tun", "the junta spokesman"),
                   ("Duwa Lashi La", "the acting president of the National Unity Government")],
    ),
    "Ukraine": dict(
        places=["Kyiv", "Kharkiv", "Odesa", "Zaporizhzhia", "Dnipro", "Kherson", "Mykolaiv",
                "Bakhmut", "Sumy", "Lviv"],
        forces=["Russian forces", "Ukrainian forces", "Ukraine's air defences",
                "the Russian army"],
        groups=["Russian troops", "the Wagner group", "saboteurs", "Ukrainian drones"],
        officials=[("Volodymyr Zelensky", "the president"),
                   ("Dmytro Kuleba", "the foreign minister"),
                   ("Yuriy Ihnat", "the air force spokesman")],
    ),
}

OUTLETS = ["Tigris Wire", "Levant Desk", "Sahel Monitor", "Horn Daily", "Black Sea Courier",
           "Nile Valley Times", "Irrawaddy Line", "Hindu Kush Herald", "Cedar Bulletin",
           "Anatolian Plateau News", "Maghreb Ledger", "Arabian Relief Report"]

WITNESSES = ["a resident", "a local official", "a medical source", "a security source",
             "a witness", "a hospital director", "an aid worker", "a tribal elder"]

NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"]

# Event kinds: headline, lede, details. Slots: {actor} {target} {place} {day} {n} {m} {official}
# {role} {country} {group} {forces} {witness}.
EVENTS = {
    "drone_strike": dict(
        headlines=["Drone strike kills {n} in {place}", "Drone attack hits {target} near {place}"],
        ledes=["A drone strike killed {n} people and wounded {m} others near {place} on {day}, "
               "{witness} said, in an attack that {country}'s authorities blamed on {actor}.",
               "{actor} launched explosive-laden drones at {target} near {place} on {day}, "
               "killing {n} people, officials said."],
        details=["The drone hit a vehicle on the main road outside {place} shortly after dawn, "
                 "{witness} told our correspondent, adding that the bodies were taken to the "
                 "local hospital.",
                 "Air defences shot down {m} of the drones, but at least one struck a building "
                 "used by {target}, setting it on fire, according to {forces}."]),
    "ied": dict(
        headlines=["Roadside bomb kills {n} soldiers near {place}",
                   "Bomb hits convoy on road to {place}"],
        ledes=["A roadside bomb exploded under a military vehicle near {place} on {day}, "
               "killing {n} soldiers and wounding {m}, {witness} said.",
               "An improvised explosive device struck a convoy of {forces} on the road to "
               "{place} on {day}, killing {n} people."],
        details=["The device had been buried under the asphalt and was detonated remotely as "
                 "the convoy passed, a security source said.",
                 "Bomb disposal teams later found a second device a few hundred metres away and "
                 "defused it, {forces} said in a statement."]),
    "rocket_attack": dict(
        headlines=["Rockets hit base near {place}", "Rocket attack targets {target} in {place}"],
        ledes=["At least {m} rockets struck a military base near {place} on {day}, wounding "
               "{n} people, {forces} said.",
               "{actor} fired rockets at positions of {target} near {place} late on {day}, "
               "killing {n} people, according to {witness}."],
        details=["The launch pad was found on a truck in an orchard a few kilometres from the "
                 "base, with several rockets that had failed to fire.",
                 "Sirens sounded across {place} and residents said they heard at least {m} "
                 "loud explosions."]),
    "armed_clash": dict(
        headlines=["Heavy fighting between {actor} and {target} in {place}",
                   "Clashes in {place} leave {n} dead"],
        ledes=["Fighting broke out between {actor} and {target} in {place} on {day}, killing "
               "at least {n} people and wounding {m}, {witness} said.",
               "{actor} and {target} clashed with heavy weapons in and around {place} on "
               "{day}, leaving {n} fighters dead, according to {forces}."],
        details=["Residents said the fighting started at dawn and continued until the evening, "
                 "with mortar rounds falling on residential neighbourhoods.",
                 "Both sides claimed to have taken control of several checkpoints on the "
                 "outskirts of {place}, claims that could not be verified."]),
    "airstrike": dict(
        headlines=["Airstrike kills {n} in {place}", "Warplanes bomb {place}, killing {n}"],
        ledes=["An airstrike by {actor} hit a residential area in {place} on {day}, killing "
               "{n} civilians, including children, {witness} said.",
               "Warplanes of {actor} bombed positions of {target} near {place} on {day}, "
               "killing {n} people, according to {witness}."],
        details=["Rescue workers searched the rubble of a collapsed building for survivors "
                 "late into the night, {witness} said.",
                 "The strike destroyed a market and several homes, and {m} people were taken "
                 "to hospital with serious injuries."]),
    "protest": dict(
        headlines=["Thousands protest in {place}", "Police fire tear gas at protesters in {place}"],
        ledes=["Thousands of people demonstrated in {place} on {day} against rising prices and "
               "power cuts, in the largest protest in the city this year.",
               "{forces} fired tear gas and water cannon on {day} to disperse hundreds of "
               "protesters who tried to reach government buildings in {place}."],
        details=["The protesters chanted slogans against corruption and carried banners "
                 "demanding jobs and services, {witness} said.",
                 "{m} protesters were treated for breathing difficulties and {n} were "
                 "detained, according to a rights group."]),
    "arrest": dict(
        headlines=["{n} suspects arrested in {place}", "Security forces detain activists in {place}"],
        ledes=["{forces} arrested {n} people suspected of belonging to {actor} in a raid in "
               "{place} on {day}, officials said.",
               "{forces} detained {n} activists and a journalist in {place} on {day}, their "
               "families and lawyers said."],
        details=["Weapons, explosives and communication equipment were seized during the "
                 "operation, according to a statement.",
                 "The prosecutor's office said the detainees were suspected of inciting unrest "
                 "and of contacts with foreign parties."]),
    "meeting": dict(
        headlines=["{official} meets envoys in {place}", "Talks held in {place} on security"],
        ledes=["{official}, {role}, met a visiting delegation in {place} on {day} to discuss "
               "security cooperation and the situation in the region.",
               "Officials from {country} and neighbouring states held talks in {place} on "
               "{day} on border security and the return of displaced people."],
        details=["The two sides agreed to form a joint committee to follow up on the issues "
                 "discussed, a statement issued after the meeting said.",
                 "The talks lasted several hours and were described by one participant as "
                 "frank and constructive."]),
    "agreement": dict(
        headlines=["Ceasefire agreed in {place}", "Prisoner exchange completed near {place}"],
        ledes=["{actor} and {target} agreed to a ceasefire in {place} on {day} after days of "
               "fighting, mediators said.",
               "{actor} and {target} exchanged {n} prisoners near {place} on {day} in a deal "
               "mediated by local elders."],
        details=["Under the agreement, fighters are to withdraw from the city centre and "
                 "checkpoints are to be handed to a neutral force.",
                 "The released detainees were handed over at a crossing point under the "
                 "supervision of the Red Cross."]),
    "accusation": dict(
        headlines=["{country} accuses {actor} of attack in {place}",
                   "{actor} reject{actor_s} blame for {place} bombing"],
        ledes=["The government accused {actor} on {day} of carrying out a bombing in {place} "
               "that killed {n} people, a charge the group denied.",
               "{official}, {role}, blamed {actor} for an attack in {place} that wounded {m} "
               "people, but the group rejected the accusation."],
        details=["In a statement, the group said it had nothing to do with the attack and "
                 "accused the authorities of seeking a pretext for a crackdown.",
                 "No evidence was presented to support the accusation, and no other group "
                 "claimed responsibility."]),
    "threat": dict(
        headlines=["{actor} threaten{actor_s} to escalate",
                   "{actor} warn{actor_s} of response after {place} raid"],
        ledes=["{actor} threatened on {day} to step up attacks on {target} if operations "
               "around {place} continue, in a statement read on television.",
               "{actor} warned on {day} that it would respond to any new strikes on {place} "
               "and said {target} would bear the consequences."],
        details=["The statement gave a deadline of one week and did not say what form a "
                 "response would take.",
                 "Analysts said the threat was aimed mainly at a domestic audience, but "
                 "could not be dismissed."]),
    "sanctions": dict(
        headlines=["New sanctions target {actor}", "{country} officials hit with sanctions"],
        ledes=["The United States and the European Union imposed sanctions on {day} on {n} "
               "leaders of {actor}, accusing them of abuses in {place}.",
               "Washington announced sanctions on {day} against {actor} and {n} companies "
               "accused of financing its operations in {place}."],
        details=["The measures freeze any assets held in the United States and Europe and bar "
                 "citizens from doing business with those named.",
                 "{actor} called the sanctions meaningless and said they would not change "
                 "{actor_its} policy."]),
    "aid": dict(
        headlines=["Aid convoy reaches {place}", "First food deliveries in months arrive in {place}"],
        ledes=["A convoy of {m} trucks carrying food and medicine reached {place} on {day}, "
               "the World Food Programme said, the first delivery in months.",
               "Aid agencies delivered food, water and medical supplies to {place} on {day} "
               "after a road closed for weeks was reopened."],
        details=["The supplies are enough for about {k},000 people for one month, a UN "
                 "official said.",
                 "Aid workers said the situation in the area remained critical, with hospitals "
                 "short of fuel and medicine."]),
}

QUOTES = [
    '"We will not allow anyone to threaten the security of our people," {official}, {role}, '
    'told reporters in {place} on {day}.',
    '"What happened in {place} is a crime and those responsible will be held to account," '
    '{official} said in a statement.',
    '"The situation is very difficult. People are afraid to leave their homes," {witness} said '
    'by telephone from {place}.',
    '{official}, {role}, said the government was "following the situation closely" and '
    'would announce further measures in the coming days.',
    '"We call on all sides to exercise restraint and to protect civilians," a United Nations '
    'spokesman said.',
    '{official} said on {day} that the events in {place} showed "the need for a political '
    'solution and not a military one".',
]

REACTIONS = [
    "The United Nations condemned the violence and called for an independent investigation. "
    "The European Union said it was deeply concerned by the situation in {place}.",
    "Neighbouring countries called for calm, and the Arab League said it was following "
    "developments in {country} with concern.",
    "Human rights groups said the incident was part of a pattern of abuses against civilians "
    "in {country}, and urged the authorities to allow independent monitors into the area.",
    "The foreign ministry summoned the ambassador of a neighbouring country over the incident, "
    "state media reported.",
    "Local officials declared three days of mourning and schools in {place} were closed.",
]

FILLER = [
    "{place} has seen repeated violence in recent months, with residents complaining that "
    "neither {forces} nor local officials have been able to provide basic security. Markets "
    "close early and many families have sent their children to relatives in other towns.",
    "The economy of {country} has been badly hit by years of conflict. Prices of food and fuel "
    "have risen sharply, the currency has lost much of its value and the United Nations says "
    "millions of people need humanitarian assistance.",
    "Analysts say the latest incident reflects a wider struggle for influence between regional "
    "powers, which back rival forces on the ground and have so far shown little interest in a "
    "negotiated settlement.",
    "Diplomats have tried for months to revive talks between the parties, but previous rounds "
    "ended without agreement on key issues such as the withdrawal of fighters, the release of "
    "prisoners and the sharing of revenues.",
    "Aid agencies say access to the area around {place} is restricted by checkpoints and "
    "insecurity, making it difficult to deliver assistance or to verify reports of casualties.",
    "Journalists face serious risks in {country}, and independent reporting from the area is "
    "limited. Figures given by the different sides often cannot be confirmed.",
    "The violence has forced thousands of people to leave their homes. Many are staying in "
    "schools and mosques or with host families, and the International Organization for "
    "Migration says the number of displaced people has grown in recent weeks.",
    "Opposition politicians accused the government of failing to protect civilians and called "
    "for a parliamentary inquiry. Officials say the security forces are stretched across "
    "several fronts.",
    "The area around {place} is strategically important because it lies on the main road "
    "linking the capital with the border, a route used for trade as well as for smuggling "
    "weapons and fuel.",
    "{group} {group_has} carried out similar attacks in the past, often targeting checkpoints and "
    "convoys at night, according to a report published last year by a research institute.",
    "Local leaders have tried to mediate between the communities, but tensions over land, "
    "water and grazing routes have repeatedly turned violent, residents say.",
    "The health system is under severe pressure. Doctors in {place} said they lacked blood "
    "supplies, anaesthetics and electricity, and that the wounded often had to be transferred "
    "to hospitals hours away.",
    "Earlier this year {official}, {role}, promised a new strategy to restore security, "
    "including the recruitment of local forces and more development projects in neglected "
    "areas. Critics say little has changed on the ground.",
    "Telephone and internet connections in parts of {country} were cut for several hours, "
    "according to monitoring groups, making it harder for residents to contact relatives.",
    "Security experts say the use of drones by armed groups has increased sharply in the "
    "region, because they are cheap, easy to obtain and difficult to detect.",
    "The incident came days before a scheduled visit by a senior United Nations official, who "
    "is expected to meet government ministers and representatives of civil society.",
    "Farmers in the countryside around {place} say they have been unable to reach their fields "
    "for weeks, raising fears of food shortages later in the year.",
    "Human rights organisations have documented arbitrary arrests, enforced disappearances and "
    "the torture of detainees by several of the parties to the conflict.",
    "The government has announced several ceasefires in the past, but none lasted more than a "
    "few weeks, and each side blames the other for breaking them.",
    "Residents said the price of bread had doubled since the start of the year, and that many "
    "families now eat only one meal a day.",
    "{forces} have set up additional checkpoints on the roads leading into {place}, and a "
    "curfew was imposed from ten in the evening until six in the morning.",
    "Religious leaders in {place} appealed for calm in Friday sermons and urged young men not "
    "to join armed groups.",
    "According to a tally kept by a monitoring group, more than {k}00 people have been killed "
    "in {country} since the start of the year, most of them civilians.",
    "Schools in several districts of {place} have been closed since the violence began, and "
    "teachers say many pupils have not returned.",
]


def _fill(template: str, slots: dict) -> str:
    return template.format(**slots)


def _plural(name: str) -> bool:
    """'Islamic State fighters' take plural verbs, 'al-Shabaab' and 'the PKK' singular ones."""
    last = name.split()[-1]
    return last.endswith("s") and not last.endswith("ss")


def _slots(rng: random.Random, country: str, event_day: dt.date, published: dt.date) -> dict:
    region = REGIONS[country]
    official, role = rng.choice(region["officials"])
    actor, target = rng.sample(region["groups"] + region["forces"], 2)
    # "on Monday" for an event in the past week, otherwise a date (as news wires write it)
    day = (WEEKDAYS[event_day.weekday()] if (published - event_day).days < 7
           else f"{event_day.day} {event_day.strftime('%B')}")
    group = rng.choice(region["groups"])
    return dict(
        country=country, place=rng.choice(region["places"]), actor=actor, target=target,
        group=group, forces=rng.choice(region["forces"]),
        actor_s="" if _plural(actor) else "s", actor_its="their" if _plural(actor) else "its",
        group_has="have" if _plural(group) else "has", k=rng.randint(2, 40),
        official=official, role=role, witness=rng.choice(WITNESSES), day=day,
        n=rng.choice(NUMBER_WORDS[:6] + [str(k) for k in range(13, 60, 7)]),
        m=rng.choice(NUMBER_WORDS[2:] + [str(k) for k in range(14, 90, 9)]),
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def generate_article(rng: random.Random, index: int) -> dict:
    country = rng.choice(sorted(REGIONS))
    kind = rng.choice(sorted(EVENTS))
    spec = EVENTS[kind]
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
    event_day = published - dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 9]))
    slots = _slots(rng, country, event_day, published)
    target_words = rng.randint(MIN_WORDS + 40, MAX_WORDS - 40)

    paragraphs = [_fill(rng.choice(spec["ledes"]), slots)]
    paragraphs += [_fill(t, slots) for t in rng.sample(spec["details"], len(spec["details"]))]
    quotes = rng.sample(QUOTES, len(QUOTES))
    paragraphs += [_fill(quotes.pop(), slots) for _ in range(2)]
    paragraphs.append(_fill(rng.choice(REACTIONS), slots))
    # Background paragraphs: drawn without replacement, each with fresh slots so places and
    # names vary inside the article as they do in real reporting.
    fillers = rng.sample(FILLER, len(FILLER))
    words = sum(len(p.split()) for p in paragraphs)
    while words < target_words and fillers:
        extra = _slots(rng, country, event_day, published)
        template = quotes.pop() if quotes and rng.random() < 0.25 else fillers.pop()
        para = _fill(template, extra)
        if words + len(para.split()) > MAX_WORDS:
            break
        paragraphs.append(para)
        words += len(para.split())
    paragraphs = [_capitalise(p) for p in paragraphs]
    text = "\n\n".join(paragraphs) + "\n"
    title = _capitalise(_fill(rng.choice(spec["headlines"]), slots))
    outlet = rng.choice(OUTLETS)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return dict(
        id=f"bench-{index:05d}", title=title, text=text, published=published.isoformat(),
        source=outlet, url=f"https://bench.example.org/{published:%Y/%m/%d}/{slug}",
        kind=kind, country=country, words=len(text.split()),
    )


def generate_corpus(n: int = 500, seed: int = 7) -> list[dict]:
    """n synthetic articles, identical for the same (n, seed)."""
    rng = random.Random(seed)
    return [generate_article(rng, i) for i in range(n)]


def to_txt(article: dict) -> str:
    """The article in the demo corpus .txt layout: front matter, blank line, title, body."""
    return (f"published: {article['published']}\nsource: {article['source']}\n"
            f"url: {article['url']}\n\n{article['title']}\n\n{article['text']}")


def write_corpus(articles: list[dict], folder: str | Path) -> Path:
    """Write the articles as .txt files, e.g. to benchmark `eventlens ingest` itself."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        (folder / f"{a['id']}.txt").write_text(to_txt(a), encoding="utf-8")
    return folder


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="write the synthetic benchmark corpus as .txt files")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="bench-out/corpus")
    args = parser.parse_args()
    print(write_corpus(generate_corpus(args.n, args.seed), args.out))
