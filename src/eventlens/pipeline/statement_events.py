"""Statements about events: which event a statement concerns, and who claimed, denied or is
accused of an event (Event.claimed_by / accused / denied_by with their evidence)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..model import Attribution
from .base import doc_text, overlaps, span_of
from .quotemarks import paragraphs
from .statement_lexicon import VIOLENT_PLOVER, lexicon

if TYPE_CHECKING:
    from .statements import Found


def _linked_event(doc, f: Found, events) -> Optional[str]:
    """The event a statement is about: one whose evidence/trigger overlaps the content, else the
    article's main violent event when the content refers to an attack, attempt, act ..."""
    if f.cue is not None:
        # (a statement is not about its own speech act: "the bombing was blamed on X" is about the bombing)
        events = [e for e in events if e.trigger is None or not overlaps(e.trigger.start, e.trigger.end, *f.cue)]
    if not events:
        return None
    c0, c1 = f.content
    e = _event_in(doc, events, c0, c1)
    if e is not None:
        return e.id
    if f.extra.get("role") == "allege":
        # "accused X and its ally, Y, of carrying out the attack": what X is accused of
        # follows "of"/"for", after any commas in the accused's description
        m = re.search(r"\b(?:of|for)\b", doc_text(doc)[c0:c1])
        if m is not None:
            e = _event_in(doc, events, c0 + m.end(), c1)
            if e is not None:
                return e.id
            if _practice(doc, c0 + m.end(), c1):
                return None   # "accused both gangs and police of extrajudicial killings": a practice
    for e in events:
        if any(overlaps(ev.start, ev.end, c0, c1) for ev in e.evidence) and e.plover_type in VIOLENT_PLOVER:
            return e.id
    return None


def _practice(doc, start: int, end: int) -> bool:
    """What someone is accused of is a practice, not an act told: a bare plural noun ("of
    extrajudicial killings", "for attacks on civilians"), with no determiner, possessive or
    number (those point at acts told: "for the killings", "of its attacks", "of two killings")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    noun = span[0]
    while noun.dep_ in ("amod", "compound", "advmod") and noun.head.i > noun.i and noun.head.i < span.end:
        noun = noun.head
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


@lru_cache(maxsize=1)
def _event_reference():
    nouns = "|".join(sorted(lexicon()["event_nouns"], key=len, reverse=True))
    return re.compile(r"\b(?:the|this|that|these|those|its|such an?)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b" % nouns, re.I)


@lru_cache(maxsize=1)
def _doer_reference():
    """ "the attackers", "the gunmen": the doers of the act told (lexicon doer_nouns)."""
    doers = [re.escape(n) + ("" if n.endswith("men") else "s?") for n in lexicon()["doer_nouns"]]
    return re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:%s)\b" % "|".join(doers), re.I)


def _refers_to_event(text: str) -> bool:
    """An anaphoric mention of an event ("the attack", "this act", "the assassination attempt")
    in the first clause of a reported content (later clauses are usually about other things)."""
    first = re.split(r"[,;:]", text, maxsplit=1)[0]
    return _event_reference().search(first) is not None


def _attribute_responsibility(doc, found: list[Found], events) -> None:
    """claimed_by / accused / denied_by on events, each with an Attribution carrying its
    evidence: from statements (their id and sentence) and from responsibility phrases
    ("X is the main suspect behind the attempt", the clause as evidence)."""
    if not events:
        return
    by_id = {e.id: e for e in events}
    lex = lexicon()["responsibility"]
    lists = {"claimed": "claimed_by", "accused": "accused", "denied": "denied_by"}

    def add(event, relation, actor_id, evidence, statement=None):
        if not actor_id:
            return
        lst = getattr(event, lists[relation])
        if actor_id not in lst:
            lst.append(actor_id)
        if not any(a.actor == actor_id and a.relation == relation and a.statement == statement
                   for a in event.attributions):
            event.attributions.append(Attribution(actor=actor_id, relation=relation, statement=statement,
                                                  evidence=[evidence]))

    text = doc_text(doc)
    for f in found:
        e = by_id.get(f.extra.get("event"))
        if e is None:
            continue
        content = text[f.content[0]:f.content[1]].lower()
        role = f.extra.get("role")
        evidence = span_of(doc, *f.sentence)
        speakers = [f.speaker] + f.extra.get("co_speakers", [])
        self_claim = role is None and _claims_own_act(doc, f, e)
        for sid, speaker in zip(f.extra.get("ids", []), speakers):
            if role == "claim" and (re.search(r"responsib|\bcredit\b", content) or _claims_an_act(doc, f)) \
                    or self_claim:
                add(e, "claimed", speaker, evidence, sid)
            elif role == "deny" and not _denies_a_description(doc, f) and not _denies_a_claim(doc, f) \
                    or _rejects_own_accusation(f, speaker, e):
                add(e, "denied", speaker, evidence, sid)
        if role == "allege" and f.target and _alleges_the_act(doc, f, e):
            for accused in [f.target, *f.extra.get("co_targets", [])]:
                add(e, "accused", accused, evidence, f.extra.get("id"))
    _responsibility_phrases(doc, events, lex, add, found)
    _claimants_as_actors(events)


# a speaker naming itself: "it", "we"; its own doers: "its fighters" (lexicon own_doers)
_SELF = {"it", "we"}
_SELF_POSS = {"its", "our"}


def _claims_own_act(doc, f: Found, event) -> bool:
    """ "JNIM said it had killed more than 100 soldiers in the attack", "the group said its
    fighters carried out the bombing": a speaker telling of its own doing of the event it is
    linked to claims it. The reported clause's subject is the speaker itself ("it", "we") or
    its own doers ("its fighters", "our forces"), and its verb is a verb of doing such acts
    (lexicon perpetration_verbs) or the event's trigger."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None or not f.speaker:
        return False
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    own = subj.lower_ in _SELF or subj.lemma_.lower() in lexicon()["own_doers"] and any(
        c.dep_ == "poss" and c.lower_ in _SELF_POSS for c in subj.children)
    if not own:
        return False
    lemma = root.lemma_.lower()
    if lemma in ("be", "have", "do") or not ({lemma, lemma + "e"} & lexicon()["perpetration_verbs"]):
        return False   # "said it was committed to the truce"
    # the act told is the event's own: its trigger is the verb or what it carried out ("carried
    # out a strike"), not a later word of the clause ("struck positions that were preparing
    # attacks", "fired rockets in response to the shelling")
    trigger = event.trigger.text.lower() if event.trigger is not None else ""
    if not trigger:
        return False
    objects = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    # ("carried out the attack", "killed 100 soldiers in the attack": a definite event noun
    # refers back to the event told)
    objects += [p for c in root.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                for p in c.children if p.dep_ == "pobj"]
    told = [o for o in objects if o.lemma_.lower() in lexicon()["event_nouns"]
            and any(d.lower_ in ("the", "this", "that") for d in o.children)]
    return bool(told) or root.lower_ in trigger.split() or root.lemma_.lower() in trigger.split() or any(
        trigger.endswith(o.lower_) or o.lemma_.lower() in trigger.split() for o in objects)


def _claims_an_act(doc, f: Found) -> bool:
    """ "Islamic State claimed on Friday an attack on an army post", "the group claimed the
    bombing": a claim whose object is an act (lexicon event_nouns) claims doing it. "Claimed
    the attack killed 20" (a clause) or "claimed victory" claim something else."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    return span is not None and span.root.pos_ == "NOUN" and span.root.lemma_.lower() in lexicon()["event_nouns"] \
        and span.root.dep_ in ("dobj", "obj", "ROOT", "npadvmod", "appos")


def _names_a_part(doc, actor_id: str, start: int, end: int) -> bool:
    """ "fighters of its Somalia province were behind the attack": a country named only as the
    modifier of a part of something else (a province, branch or wing of a group) is not who
    is held responsible."""
    actor = next((a for a in doc._.actors or [] if a.id == actor_id), None)
    if actor is None or actor.kind != "state":
        return False
    inside = [(m.start, m.end) for m in actor.mentions if start <= m.start < end]
    text = doc_text(doc)
    for name in {actor.name, *actor.aliases_seen}:   # (names _actors_between found unmarked)
        if len(name) > 2:
            inside += [(start + x.start(), start + x.end())
                       for x in re.finditer(r"\b" + re.escape(name) + r"\b", text[start:end])]
    if not inside:
        return False
    for a, b in inside:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("compound", "amod", "nmod") or span.root.head.pos_ != "NOUN" \
                or span.root.head.lemma_.lower() not in lexicon()["group_parts"]:
            return False
    return True



def _denies_a_claim(doc, f: Found) -> bool:
    """ "it denied the claim of the TTP": denying someone else's claim to the attack disputes
    who did it, not that it happened or the denier's part in it."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in ("claim", "claims")


def _denies_a_description(doc, f: Found) -> bool:
    """ "denied that the strike targeted civilians": a denial whose clause is about the event
    itself ("the strike" did something) denies what it was, not that the speaker's side did it."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root.pos_ in ("VERB", "AUX") else None
    return subj is not None and subj.lemma_.lower() in lexicon()["event_nouns"]


def _rejects_own_accusation(f: Found, speaker, event) -> bool:
    """"X accused the RSF of the killings ... The RSF rejected the accusation": rejecting an
    accusation of this event made against oneself denies it."""
    prev = f.extra.get("rejects")
    return prev is not None and f.plover_type == "REJECT" and prev.extra.get("role") == "allege" \
        and prev.extra.get("event") == event.id and speaker in [prev.target, *prev.extra.get("co_targets", [])]


def _alleges_the_act(doc, f: Found, event) -> bool:
    """Whether an accusation says the accused did the event ("accused X of carrying out the
    attack", "blamed X for the bombing"), not something else about it ("accused X of using the
    attack as a pretext"): the first verb of what X is accused of must be a verb of doing
    such things (lexicon perpetration_verbs) or the event's own trigger."""
    span = doc.char_span(f.content[0], f.content[1], alignment_mode="expand")
    if span is None:
        return True
    verb = next((t for t in span if t.pos_ in ("VERB", "AUX") and t.i > span.start
                 and t.nbor(-1).lower_ in ("of", "for")), None)
    if verb is None:
        # ("accused the army of passivity": a failing, not the act; lexicon failure_nouns)
        prep = next((t for t in span if t.i > span.start and t.lower_ in ("of", "for")), None)
        noun = next((t for t in span if prep is not None and t.i > prep.i and t.pos_ == "NOUN"), None)
        return noun is None or noun.lemma_.lower() not in lexicon()["failure_nouns"]
    if verb.lower_ == "having" and verb.head.pos_ == "VERB":
        verb = verb.head   # "of having carried out"
    trigger = event.trigger.text.lower() if event.trigger is not None else ""
    lemma = verb.lemma_.lower()
    # (the lemmatizer may cut a silent e: "staged" -> "stag")
    return bool({lemma, lemma + "e"} & lexicon()["perpetration_verbs"]) or verb.lower_ == trigger \
        or lemma in trigger.split()


def _claimants_as_actors(events) -> None:
    """ACLED codes the group that claimed an event as its actor1 when the report names no
    perpetrator otherwise: an event with no actors of its own gets its claimants (the claim
    stays in claimed_by/attributions as the evidence). Accusations and denials never do."""
    for e in events:
        if e.actors or len(e.claimed_by) != 1:
            continue   # (two groups claiming one attack: which did it stays open)
        e.actors.extend(a for a in e.claimed_by
                        if a not in e.targets and a not in e.denied_by and a not in e.actors)


def _responsibility_phrases(doc, events, lex, add, found=()) -> None:
    """ "X (and behind it Y) is the main suspect behind the attack", "X claimed responsibility
    for the attack", "the attack was carried out by X", "the bombing bore the hallmarks of X":
    surface patterns inside one clause, so they survive a bad parse. A phrase naming the side
    before it must follow the clause's verb (predicate position): "the perpetrator of the attack
    was ..." names nobody; a phrase naming it after ("..._object" in the lexicon) is about the
    event told before it in its clause. Inside a reported statement, the statement is the
    evidence."""
    text = doc_text(doc)
    paras = paragraphs(text)
    main = next((e for e in events if e.plover_type in VIOLENT_PLOVER), None)
    relation = {"claim": "claimed", "deny": "denied", "accuse": "accused",
                "claim_object": "claimed", "accuse_object": "accused", "doer_object": "accused"}
    for p0, p1 in paras:
        low = text[p0:p1].lower()
        for kind in relation:
            for phrase in lex.get(kind, ()):
                for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
                    at, after = p0 + m.start(), p0 + m.end()
                    w0 = _clause_start(text, p0, at)
                    window = doc.char_span(w0, at, alignment_mode="contract")
                    if window is None or _negated_window(window):
                        continue
                    if kind.endswith("_object"):
                        # ("the attackers belonged to X": the event whose doers the clause is about)
                        event = (main if _names_the_doers(doc, w0, at) else None) if kind == "doer_object" \
                            else _event_in(doc, events, w0, at)
                        w1 = _named_side_end(doc, after, p1)
                        actors = _actors_between(doc, after, w1) or _named_group(doc, after, w1)
                    else:
                        event = _event_after(doc, events, main, None, at, p1)
                        if not any(t.pos_ in ("AUX", "VERB") for t in window):
                            continue
                        actors = _actors_between(doc, w0, at)
                        w1 = after
                    if event is None:
                        continue
                    # "The governor accused the Houthis of standing behind the blast": who says
                    # it is not whom it names
                    speakers = [f for f in found if f.content[0] <= at < f.content[1]]
                    speaking = {sp for f in speakers for sp in (f.speaker, *f.extra.get("co_speakers", [])) if sp}
                    # (nor whom the speaker's own description names: "A Somali intelligence official
                    # said the attack bore the hallmarks of al-Shabaab")
                    speaking |= {a for f in speakers if f.source is not None
                                 for a in _actors_between(doc, f.source[0], f.source[1])}
                    actors = [a for a in actors if a not in speaking and not _names_a_part(doc, a, w0, at)]
                    inner = min(speakers, key=lambda f: f.content[1] - f.content[0], default=None)
                    statement = inner.extra.get("id") or next(iter(inner.extra.get("ids") or ()), None) \
                        if inner is not None else None
                    for a in actors:
                        add(event, relation[kind], a, span_of(doc, w0, w1), statement)


def _names_the_doers(doc, start: int, end: int) -> bool:
    """ "the attackers", "the gunmen who stormed the post": a definite mention of doers of the
    violent act told (lexicon doer_nouns) in text[start:end]."""
    span = doc.char_span(start, end, alignment_mode="contract")
    nouns = lexicon()["doer_nouns"]
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in span or []
               if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some", "no") for c in t.children))


def _named_group(doc, start: int, end: int) -> list[str]:
    """A name no actor stands for right after a responsibility phrase ("belonged to Lashkar-e-Taiba",
    "attributed to the Kashmir Tigers"): a group actor "new:<slug>" for it, as the statements
    stage makes for accused parties it does not know (Context.np_actor)."""
    from ..model import Actor
    span = doc.char_span(start, end, alignment_mode="contract")
    toks = [t for t in span or [] if not (t.dep_ == "det" and t.i == span.start)]
    if not toks or len(toks) > 6 or not all(t.pos_ == "PROPN" or t.text in "-'’" for t in toks) \
            or not toks[0].text[:1].isupper():
        return []
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    name = doc_text(doc)[a:b]
    aid = "new:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    actors = doc._.actors if doc._.actors is not None else []
    if not any(x.id == aid for x in actors):
        actors.append(Actor(id=aid, name=name, kind="group", mentions=[span_of(doc, a, b)], aliases_seen=[name],
                            link="statement-np", confidence=0.5))
        doc._.actors = actors
    return [aid]


def _named_side_end(doc, after: int, end: int) -> int:
    """Where the side named after a "..._object" phrase ends: at the clause's punctuation, or
    at the next verb ("An attack attributed to the ADF killed 14 civilians": not the victims)."""
    text = doc_text(doc)
    stop = after + len(re.split(r"[,;:.]", text[after:end], maxsplit=1)[0])
    span = doc.char_span(after, stop, alignment_mode="contract")
    verb = next((t for t in span or [] if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" and t.dep_ not in ("amod", "compound")), None)
    if verb is None:
        return stop
    stop = verb.idx
    while stop > after and text[stop - 1] in " ,":
        stop -= 1
    return stop


_CLAUSE_START = re.compile(r"\b(?:that|which|who|whether|while|but)\b|[;:.!?]")


def _clause_start(text: str, lo: int, at: int) -> int:
    last = lo
    for m in _CLAUSE_START.finditer(text, lo, at):
        last = m.end()
    return last


def _negated_window(window) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in ("no", "nobody", "none", "not", "never") for t in window)


def _event_after(doc, events, main, nouns, at, end):
    """The event referred to right after a responsibility phrase (same clause)."""
    tail = re.split(r"[,;:.\n]", doc_text(doc)[at:end], maxsplit=1)[0]
    return _event_in(doc, events, at, at + len(tail))


def _event_in(doc, events, start: int, end: int):
    """The event text[start:end] is about. A definite mention ("the attack", "this act",
    "the attempt to assassinate ...") is the article's main violent event (events are ordered
    by salience), even when the events stage also coded that mention as an event of its own;
    otherwise the first event whose trigger lies in the span."""
    main = next((e for e in events if e.plover_type in VIOLENT_PLOVER), None)
    hits = sorted((e.trigger.start, i) for i, e in enumerate(events)
                  if e.trigger is not None and overlaps(e.trigger.start, e.trigger.end, start, end))
    hit = events[hits[0][1]] if hits else None
    if main is not None and _refers_to_event(doc_text(doc)[start:end]) and \
            (hit is None or hit.plover_type == main.plover_type):
        return main
    if hit is None and main is not None and _doer_reference().search(
            re.split(r"[,;:]", doc_text(doc)[start:end], maxsplit=1)[0]):
        # "officials said the attackers belonged to X": about the act whose doers they are
        return main
    return hit


def _actors_between(doc, start: int, end: int, clause_only: bool = False) -> list[str]:
    if clause_only:
        end = start + len(re.split(r"[,;:.]", doc_text(doc)[start:end], maxsplit=1)[0])
    ids = []
    window = doc_text(doc)[start:end]
    for actor in doc._.actors or []:
        if any(start <= m.start and m.end <= end for m in actor.mentions):
            ids.append(actor.id)
        elif actor.kind in ("state", "organization", "group") and any(
                len(n) > 2 and re.search(r"\b" + re.escape(n) + r"\b", window) for n in {actor.name, *actor.aliases_seen}):
            # a name of an actor of this article that the actors stage left unmarked here
            ids.append(actor.id)
    return list(dict.fromkeys(ids))
