"""Sizes and counts beyond the death toll: participants, weapons, arrests.

"dozens of protesters", "around 300 people marched" -> size; "three drones", "two of them
shot down" -> weapons_count; "police arrested 12 protesters", "six were detained" ->
arrested. Vague quantities follow ACLED's conservative reading (the ``toll.vague`` table of
the events lexicon: "dozens" -> 12, "hundreds" -> 100). The Event model has no fields for
these yet; :func:`event_counts` returns them so the stage can fill them when it does.
"""
from __future__ import annotations

from typing import Optional

NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "both": 2, "dozen": 12, "couple": 2,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
WEAPON_NOUNS = {"drone", "uav", "missile", "rocket", "shell", "mortar", "grenade", "bomb", "ied", "mine",
                "landmine", "projectile", "airstrike", "strike", "explosive", "device", "bullet", "round"}
PEOPLE_NOUNS = {"protester", "protestor", "demonstrator", "marcher", "people", "person", "resident",
                "villager", "student", "worker", "farmer", "teacher", "supporter", "member", "activist",
                "rioter", "youth", "driver", "trader", "woman", "man", "citizen", "participant", "striker",
                "employee", "nurse", "doctor", "mother", "parent", "local", "cadre", "fighter", "militant"}
ARREST_VERBS = {"arrest", "detain", "apprehend", "nab", "round", "hold"}


def number_of(tok, vague: dict) -> Optional[int]:
    """The number a token spells: "12", "1,200", "twelve", "twenty-five", "dozens", "a few"."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in vague:
        return int(vague[text])
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    if "-" in text:
        parts = [NUMBER_WORDS.get(p) for p in text.split("-")]
        if all(p is not None for p in parts):
            return sum(parts)
    return None


def quantity(head, vague: dict) -> Optional[int]:
    """How many ``head`` denotes: "300 people", "around 2,400 people", "dozens of protesters"
    (head "dozens"), "hundreds of students", "two thousand workers"; None when not counted."""
    n = number_of(head, vague) if head.pos_ in ("NUM", "NOUN", "ADJ", "PRON") else None
    if n is not None and head.lower_ not in ("a", "an", "one") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return n  # "dozens of protesters", "hundreds of people"
    for c in head.children:
        if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and c.lower_ in vague):
            m = number_of(c, vague)
            if m is None:
                continue
            for g in c.children:  # "two thousand", "1.5 million"
                if g.dep_ in ("compound", "quantmod", "nummod") and g.lower_ in MULTIPLIERS:
                    m *= MULTIPLIERS[g.lower_]
            if c.lower_ in MULTIPLIERS:
                inner = next((number_of(g, vague) for g in c.children if number_of(g, vague)), None)
                m = (inner or 1) * MULTIPLIERS[c.lower_]
            return m
    return None


def _of_object(tok):
    """"dozens of protesters" -> the token "protesters"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def event_counts(sents, vague: dict) -> dict[str, Optional[int]]:
    """``size`` (participants), ``weapons_count`` and ``arrested`` reported in an event's
    sentences: the largest count of each kind found (None when none is reported)."""
    size: list[int] = []
    weapons: list[int] = []
    arrested: list[int] = []
    for sent in sents:
        for tok in sent:
            lem = tok.lemma_.lower()
            noun = _of_object(tok) if number_of(tok, vague) is not None else None
            counted = noun if noun is not None else tok
            clem = counted.lemma_.lower()
            if clem in PEOPLE_NOUNS or clem in WEAPON_NOUNS:
                n = quantity(tok, vague)
                if n is not None:
                    (weapons if clem in WEAPON_NOUNS else size).append(n)
            if tok.pos_ == "VERB" and lem in ARREST_VERBS and (lem != "round" or any(
                    c.lower_ == "up" for c in tok.children)):
                passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
                deps = ("nsubjpass",) if passive else ("dobj",)
                for c in tok.children:
                    if c.dep_ in deps:
                        n = quantity(c, vague) if c.pos_ != "NUM" else number_of(c, vague)
                        if n is None and c.tag_ in ("NN", "NNP") and c.lemma_.lower() not in ("people", "police"):
                            n = 1  # "a man was arrested"
                        if n is not None:
                            arrested.append(n)
    # people counted as arrested are not the crowd's size unless the crowd is also counted
    return {"size": max(size) if size else None,
            "weapons_count": max(weapons) if weapons else None,
            "arrested": max(arrested) if arrested else None}
