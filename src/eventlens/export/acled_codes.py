"""ACLED coding tables used by the acled-csv exporter (data, not logic).

Sources: the ACLED codebook's actor type codes (inter1/inter2) and its event categories.
Sector codes are PLOVER/CAMEO style, as in ``Actor.sector``.
"""
from __future__ import annotations

# inter1/inter2: ACLED actor types.
INTER_LABELS = {
    0: "No actor",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

# Sectors of state institutions: state forces (1) at home, external forces (8) abroad.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "POL", "SPY", "JUD", "LEG"})
STATE_FORCES, EXTERNAL_FORCES = 1, 8

# Other sectors: (inter as the acting side, inter as the target side). Unarmed sectors are
# civilians when targeted; opposition, parties and communal groups that act violently are
# militias.
SECTOR_INTER: dict[str, tuple[int, int]] = {
    "REB": (2, 2), "INS": (2, 2), "SEP": (2, 2),
    "UAF": (3, 3), "CRM": (3, 3), "MLT": (3, 3),
    "OPP": (3, 7), "PTY": (3, 7), "ACT": (3, 7),
    "ETH": (4, 7), "REL": (4, 7),
    "CVL": (7, 7), "JRN": (7, 7), "MED": (7, 7), "EDU": (7, 7), "HLH": (7, 7),
    "HRI": (7, 7), "REF": (7, 7), "LAB": (7, 7), "BUS": (7, 7), "AGR": (7, 7),
    "ELI": (7, 7), "NGO": (8, 7), "MNC": (8, 7),
    "IGO": (8, 8), "UNO": (8, 8), "PKO": (8, 8),
}

# ACLED's demonstrator types, by the KB id of the generic actor ("fra-protesters" or the
# country-less "protesters"): protesters and rioters are types 6 and 5 on either side
# ("Excessive force against protesters" has protesters as actor2), whatever their sector.
COLLECTIVE_ID_INTER = {"protesters": 6, "rioters": 5}

# Who the acting side is, by event type, when its sector does not say (non-state actors).
EVENT_TYPE_ACTOR_INTER = {
    "Protests": 6,
    "Riots": 5,
    "Battles": 3,
    "Explosions/Remote violence": 3,
    "Violence against civilians": 3,
    "Strategic developments": 8,
}
# Who the targeted side is when its sector does not say: civilians, except in battles
# (both sides are armed by definition).
EVENT_TYPE_TARGET_INTER = {"Battles": 3}
DEFAULT_TARGET_INTER = 7
DEFAULT_ACTOR_INTER = 8

# ACLED's conventional names for collective actors of these types: "Protesters (France)".
COLLECTIVE_NAMES = {5: "Rioters", 6: "Protesters", 7: "Civilians"}

# ACLED codes every event with an actor1 (and civilian victims as actor2): when the text names
# none, its convention is an unnamed collective actor of the type the event implies.
UNNAMED_ACTOR1 = {
    "Protests": (6, "Protesters"),
    "Riots": (5, "Rioters"),
    "Battles": (3, "Unidentified Armed Group"),
    "Explosions/Remote violence": (3, "Unidentified Armed Group"),
    "Violence against civilians": (3, "Unidentified Armed Group"),
}
UNNAMED_ACTOR2 = {
    "Violence against civilians": (7, "Civilians"),
}

# disorder_type from the event categories: (political violence?, demonstrations?).
SUB_EVENT_DISORDER = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
    "Violent demonstration": "Demonstrations",
}
EVENT_TYPE_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# Statuses of events that did not (yet) happen: ACLED does not code them.
NOT_CODED_STATUSES = frozenset({"hypothetical", "future", "negated"})

# The ACLED export columns, in ACLED's order.
COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
