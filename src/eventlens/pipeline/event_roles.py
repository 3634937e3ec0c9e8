"""ACLED-style generic actors for events whose participants are not named.

ACLED always names both sides of a demonstration: "Protesters (Country)" for protests and
"Rioters (Country)" for riots and mob violence, even when a report only says "residents
blocked the road". The actor stage links named generic nouns ("protesters") to the KB's
generated per-country records; this module fills the gap for events with no linked actor:
it reuses an Actor already in ``doc._.actors`` when one fits and otherwise creates one from
the KB record (kind "generic"), with the crowd noun's span as its mention when the text
names the crowd ("residents", "a group of people") and no mention when it does not.
"""
from __future__ import annotations

from typing import Optional

from ..model import Actor
from .base import doc_text, span_of

# ACLED event type -> generated KB record suffix of the generic participant
GENERIC_FOR_TYPE = {"Protests": "protesters", "Riots": "rioters"}
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
# Event types whose unnamed doer is an armed group, and the generated records that stand for one.
ARMED_TYPES = {VIOLENCE_AGAINST_CIVILIANS, "Explosions/Remote violence", "Battles"}
UNNAMED_ARMED = ("unidentified-armed-group", "gang")


def _kb():
    from ..kb.actors import default_kb
    return default_kb()


def event_country(doc, place) -> Optional[str]:
    """ISO3 of the event's place, else the country the article is mostly about."""
    if place is not None and getattr(place, "country", None):
        return place.country
    try:
        from .actors import doc_country
        return doc_country(doc, _kb())
    except (ImportError, AttributeError, TypeError):
        return None


def _fits(actor: Actor, suffix: str, country: Optional[str]) -> bool:
    rid = (actor.kb_id or actor.id.split(":", 1)[-1]).lower()   # "kb:irq-civilians", "new:civilians"
    if rid == suffix or rid.endswith("-" + suffix):
        return country is None or actor.country in (None, country)
    return False


def generic_actor(doc, suffix: str, country: Optional[str], crowd_tokens=()) -> Optional[Actor]:
    """The Actor for ``suffix`` ("protesters", "rioters") in ``country``: an existing one in
    ``doc._.actors`` if it fits, else a new one (added to ``doc._.actors``) built from the KB."""
    actors = list(doc._.actors or [])
    existing = next((a for a in actors if _fits(a, suffix, country)), None)
    if existing is not None:
        return existing
    kb = _kb()
    rec = (kb.by_id(f"{country.lower()}-{suffix}") if country else None) or kb.by_id(suffix)
    if rec is None:
        return None
    mentions = []
    for tok in crowd_tokens:
        span = span_of(doc, tok.idx, tok.idx + len(tok))
        if span is not None and all(m.start != span.start for m in mentions):
            mentions.append(span)
    actor = Actor(id=f"kb:{rec.id}", name=rec.name, kind="generic", country=rec.country,
                  sector=rec.sector, kb_id=rec.id, aliases_seen=[m.text for m in mentions],
                  mentions=mentions, link="event-generic", confidence=0.5)
    existing = next((a for a in actors if a.id == actor.id), None)
    if existing is not None:
        return existing
    actors.append(actor)
    actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else len(doc_text(doc)) + 1, a.id))
    doc._.actors = actors
    return actor


def add_generic_participants(doc, events) -> None:
    """Give protest and riot events with no named participant their ACLED generic actor.

    ``events``: the stage's merged candidates (with ``acled``, ``actors``, ``targets``,
    ``place`` and ``mentions`` carrying ``crowd_heads``)."""
    for e in events:
        if e.status in ("negated", "hypothetical", "future"):
            continue   # no one took part (yet); a past ("historical") event had its participants
        by_id = {a.id: a for a in doc._.actors or []}
        if e.acled[0] in ARMED_TYPES and not e.actors:
            # "a man was shot dead", "a shoot-out between unknown shooters": the unnamed armed
            # side the actor stage found (an Unidentified Armed Group, or Gang) carries it out
            perp = next((a for a in by_id.values() if any(_fits(a, s, None) for s in UNNAMED_ARMED)), None)
            if perp is not None and perp.id not in e.targets:
                e.actors.append(perp.id)
                e.notes.append(f"unnamed perpetrators -> {perp.name}")
                if e.acled[0] == "Battles" and not e.targets:
                    e.targets.append(perp.id)   # unknown shooters on both sides
        if e.acled[0] == VIOLENCE_AGAINST_CIVILIANS:
            # by ACLED's definition the side acted upon is Civilians (Country), whoever else is named,
            # unless what was struck is named and is no one ("a strike hit the port", nobody hurt)
            if not things_struck(e) and not any(t in by_id and _fits(by_id[t], "civilians", None) for t in e.targets):
                actor = generic_actor(doc, "civilians", event_country(doc, e.place))
                if actor is not None and actor.id not in e.targets and actor.id not in e.actors:
                    e.targets.append(actor.id)
                    e.notes.append(f"unnamed victims -> {actor.name}")
            continue
        suffix = GENERIC_FOR_TYPE.get(e.acled[0])
        if suffix is None:
            continue
        if e.acled[1] == "Excessive force against protesters" and e.plover != "PROTEST":
            # the crackdown itself (shooting, beating): the protesters are the side acted upon
            if not any(t in by_id and _fits(by_id[t], suffix, None) for t in e.targets):
                crowd = [t for m in e.mentions for t in getattr(m, "crowd_heads", [])]
                actor = generic_actor(doc, suffix, event_country(doc, e.place), crowd)
                if actor is not None and actor.id not in e.targets:
                    e.targets.append(actor.id)
                    e.notes.append(f"unnamed targets -> {actor.name}")
            continue
        # "residents blocked the road": generic civilians acting as a crowd are ACLED's protesters
        civilians = [aid for aid in e.actors if _fits(by_id[aid], "civilians", None)] if all(
            aid in by_id for aid in e.actors) else []
        if any(aid in by_id and _fits(by_id[aid], suffix, None) for aid in e.actors):
            continue   # the crowd is named already
        # "the union staged a protest", "police officers protested over pay": ACLED names the
        # demonstrators all the same, the organisation beside them (an associated actor)
        for aid in civilians:
            e.actors.remove(aid)
        crowd = [t for m in e.mentions for t in getattr(m, "crowd_heads", [])]
        actor = generic_actor(doc, suffix, event_country(doc, e.place), crowd)
        if actor is not None:
            e.actors.append(actor.id)
            e.notes.append(f"unnamed participants -> {actor.name}")


def things_struck(e) -> bool:
    """The event's named targets are things, not people, and no one was killed or hurt ("a
    missile strike hit the port of X"): there are no victims to name as Civilians."""
    if e.fatalities or e.injured:
        return False
    from .events import load_lexicon
    words = load_lexicon().words
    named = [m for m in e.mentions if m.target_words]
    return bool(named) and all(m.target_kind in ("", "state", "nonstate") for m in e.mentions) \
        and any(m.target_words & words["non_civilian_targets"] for m in named) \
        and not any(m.target_words & words["civilian"] for m in named)


def rehome_generic_actors(doc, events) -> None:
    """Unnamed sides take the country of the event's place, as ACLED names them: the actor stage
    gives "gunmen" the article's country, but in "a drone struck Aleppo ... gunmen attacked a
    checkpoint near Mosul" the gunmen are an Unidentified Armed Group (Iraq). A country the text
    gives the people themselves ("Syrian civilians") is kept. Only in reports of events in several
    countries, and only to move a side from another event's country: where all events are placed
    in one country, a place in another is more often a misread town ("Christchurch" taken for the
    English one) than a foreign event."""
    from ..kb.actors import demonym_index
    demonyms = demonym_index()
    kb = _kb()
    placed = [e for e in events if e.place is not None and e.place.feature != "country" and e.place.country]
    countries = {e.place.country for e in placed}
    if len(countries) < 2:
        return
    moved_from: set[str] = set()
    for e in placed:
        country = e.place.country
        if e.status in ("historical", "negated", "hypothetical", "future"):
            continue
        by_id = {a.id: a for a in doc._.actors or []}
        sents = [(m.sent.start_char, m.sent.end_char) for m in e.mentions]
        # countries of the places named with the event ("in Havana ... the Colon Cemetery": Cuba stays)
        named_here = {p.country for p in doc._.places or [] for m in p.mentions if any(s <= m.start < t for s, t in sents)}
        for roles in (e.actors, e.targets):
            for n, aid in enumerate(list(roles)):
                actor = by_id.get(aid)
                rid = (actor.kb_id or "") if actor is not None else ""
                if actor is None or actor.kind != "generic" or actor.country not in countries - named_here \
                        or not rid.startswith(actor.country.lower() + "-"):
                    continue
                if any(demonyms.get(w.lower()) == actor.country for alias in actor.aliases_seen
                       for w in alias.replace("-", " ").split()):
                    continue
                suffix = rid.split("-", 1)[1]
                if kb.by_id(f"{country.lower()}-{suffix}") is None:
                    continue
                here = [m for m in actor.mentions if any(s <= m.start < t for s, t in sents)]
                new = generic_actor(doc, suffix, country)
                if new is None or new.id == aid:
                    continue
                for m in here:
                    if m not in new.mentions:
                        new.mentions.append(m)
                    if m.text not in new.aliases_seen:
                        new.aliases_seen.append(m.text)
                new.mentions.sort(key=lambda m: m.start)
                roles[n] = new.id
                e.notes.append(f"{actor.name} -> {new.name} (where the event happened)")
                # the mentions told with this event now name the new actor
                actor.mentions = [m for m in actor.mentions if m not in here]
                moved_from.add(aid)
    # a side whose every mention moved, and that no event has left, is gone
    used = {a for ev in events for a in (*ev.actors, *ev.targets)}
    doc._.actors = [a for a in doc._.actors or [] if not (a.id in moved_from and not a.mentions and a.id not in used)]


def separate_sides(events) -> None:
    """One side per role: "Russian forces engaged in an offensive but were repulsed by Ukrainian
    forces" gathers both forces as actors and the Russians as the target of the repulse too. When
    a side is in both lists and another side is named, the initiator (the first actor) stays the
    actor, the other sides become targets and the duplicate goes. (Unidentified armed groups on
    both sides of a clash, the only side named, stay as they are.)"""
    for e in events:
        both = [a for a in e.actors if a in e.targets]
        if not both or len(set(e.actors) | set(e.targets)) < 2:
            continue
        first = e.actors[0]
        if first in both:
            others = [a for a in e.actors[1:] if a != first]
            e.actors[:] = [first]
            e.targets[:] = list(dict.fromkeys(t for t in others + e.targets if t != first))
        else:
            e.actors[:] = [a for a in e.actors if a not in both]
        e.notes.append("a side named as both actor and target -> one side per role")
