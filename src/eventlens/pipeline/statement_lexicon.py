"""The statements lexicon (lexicons/statements.yaml), loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

# Violent event types: "condemned the attack" is about the article's main event of this kind.
VIOLENT_PLOVER = {"ASSAULT", "COERCE", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION"}


def _yaml_word(value) -> str:
    return {True: "on", False: "off"}.get(value, value) if isinstance(value, bool) else value


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = yaml.safe_load(resources.files(__package__).joinpath("lexicons/statements.yaml").read_text("utf-8"))
    for entry in [*data["cues"].values(), *data.get("speech_nouns", {}).values()]:
        for key in ("needs_prep", "preps", "content_prep"):
            prep = entry.get(key)
            if prep is None:
                continue
            # YAML 1.1 reads a bare "on"/"off" as a boolean: a list of words must stay words
            entry[key] = [_yaml_word(p) for p in ([prep] if isinstance(prep, (str, bool)) else prep)]
    data["titles"] = set(data["titles"])
    data["source_nouns"] = set(data["source_nouns"])
    data["event_nouns"] = set(data["event_nouns"])
    data["measure_nouns"] = set(data.get("measure_nouns", ()))
    data["force_nouns"] = set(data.get("force_nouns", ()))
    data["physical_finds"] = set(data.get("physical_finds", ()))
    data["threat_verbs"] = set(data.get("threat_verbs", ()))
    data["reprisal_nouns"] = set(data.get("reprisal_nouns", ()))
    data["raising_passives"] = set(data.get("raising_passives", ()))
    data["licensing_verbs"] = set(data.get("licensing_verbs", ()))
    data["perpetration_verbs"] = set(data.get("perpetration_verbs", ()))
    data["light_verbs"] = set(data.get("light_verbs", ()))
    data["general_evils"] = set(data.get("general_evils", ()))
    data["doer_nouns"] = set(data.get("doer_nouns", ()))
    data["failure_nouns"] = set(data.get("failure_nouns", ()))
    data.setdefault("attitude_adjectives", {})
    data["linking_verbs"] = set(data.get("linking_verbs", ()))
    data["impression_verbs"] = set(data.get("impression_verbs", ()))
    data["appearance_verbs"] = set(data.get("appearance_verbs", ()))
    data.setdefault("speech_nouns", {})
    data["framing_verbs"] = set(data.get("framing_verbs", ()))
    for key in ("label_verbs", "label_use_verbs", "label_nouns", "quoted_as_verbs"):
        data[key] = set(data.get(key, ()))
    data["speech_artifacts"] = set(data.get("speech_artifacts", ()))
    data["attribution_adverbs"] = set(data.get("attribution_adverbs", ()))
    data["experiencer_verbs"] = set(data.get("experiencer_verbs", ()))
    data["group_nouns"] = {str(w).lower() for w in data.get("group_nouns", ())}
    data["organization_words"] = {str(w).lower() for w in data.get("organization_words", ())}
    for key in ("named_body_nouns", "own_doers", "group_parts", "medium_nouns", "rule_nouns"):
        data[key] = {str(w).lower() for w in data.get(key, ())}
    return data
