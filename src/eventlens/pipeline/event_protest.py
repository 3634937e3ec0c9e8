"""Protest rules of the events stage (ACLED Protests and Riots, PLOVER PROTEST).

- coding a protest trigger: peaceful, with intervention, with excessive force or a violent
  demonstration, from cue phrases that report what happened at this protest (not what it is
  about, not a security force's own act, not another occasion told as the past) in its
  sentence and the two after it;
- relating other mentions to protests: demands voiced by protesters are the protest itself
  (PLOVER), violence a protest is about happened before it;
- folding: demonstrators' own violence makes the protest a riot, and police action against a
  protest is part of the protest event (ACLED codes one event).

Split out of ``events.py``, whose helpers it uses; ``events`` calls these functions.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Optional

from .event_mentions import CROWD_WORDS
from .events import (EARLIER_MARKS, REPORTING_VERBS, Candidate, Lexicon, _ancestors, _in_own_clause, _phrase_lemmas, _phrase_re,
                     _same_area, _subject_of, background_clause, context_sents, has_phrase, sent_hays, told_as_past,
                     unrealised)


def protest_anchors(tok) -> set[int]:
    """Token indices that stand for a protest trigger in the parse: the trigger and, for a noun
    ("staged a protest", "took part in a rally"), the verb that carries it out."""
    out = {tok.i}
    if tok.pos_ in ("NOUN", "PROPN"):
        h = tok.head
        if tok.dep_ == "pobj" and h.dep_ == "prep":
            h = h.head
        if h.pos_ in ("VERB", "AUX") and h.i != tok.i and tok.dep_ in ("dobj", "pobj", "nsubj", "attr"):
            out.add(h.i)
    return out


def about_protest(tok, anchors: set[int]) -> bool:
    """Is ``tok`` inside what a protest is about (its purpose clause, "against the killing of",
    "relatives of a man who was shot") rather than coordinated with it ("gathered and clashed")?"""
    if tok.i in anchors:
        return False
    h, deps, comment = tok, [], False
    for _ in range(10):
        if h.head.i == h.i:
            return False
        deps.append(h.dep_)
        # "..., which implies that the attack ...": the writer's comment, not the grievance
        comment = comment or (h.dep_ == "relcl" and "ccomp" in deps and any(
            k.dep_ == "nsubj" and k.lower_ == "which" for k in h.children))
        if h.dep_ == "relcl" and any(k.lower_ == "where" for k in h.children):
            return False   # "gathered in the square, where police fired tear gas": what happened there
        below = h
        h = h.head
        if h.i in anchors:
            if below.dep_ == "prep" and below.lower_ in ("by", "with", "during", "amid", "while", "using"):
                return False  # how the protest was held ("by burning tyres"), not what it is about
            if comment:
                return False
            return any(d != "conj" for d in deps)
    return False


def _cue_tokens(sents, phrases):
    """(phrase, first token) for every whole-word occurrence of a cue phrase in the sentences."""
    for sent in sents:
        low = sent.text.lower()
        for p in phrases:
            for m in _phrase_re(str(p))[1].finditer(low):
                start = sent.start_char + m.start()
                tok = next((t for t in sent if t.idx <= start < t.idx + max(1, len(t))), None)
                if tok is not None:
                    yield str(p), tok


def protest_cue(c: Candidate, sents, phrases, lex: Lexicon) -> Optional[str]:
    """A cue phrase that reports what happened at this protest: not the background it is about,
    not a security force's own act for violence cues, not a description of some other noun."""
    anchors = protest_anchors(c.token)
    security = {w for w in lex.words["armed_state"]} | {"police", "authorities"}
    for phrase, tok in _cue_tokens(sents, phrases):
        if tok.text[:1].isupper() and not tok.is_sent_start:
            continue  # part of a name ("Burnt Store Isles")
        if any(ch.dep_ == "dobj" and _phrase_lemmas(ch) & lex.words["symbolic_targets"] for ch in tok.children):
            continue  # "burned effigies": the protest's message
        if tok.sent.start == c.sent.start and about_protest(tok, anchors):
            continue
        if tok.dep_ in ("relcl", "acl", "amod") and tok.pos_ == "VERB" and not (
                tok.dep_ == "amod" and " " in phrase and tok.head.i == tok.i + 1):
            continue  # "vegetables damaged by ...": describes a noun, not the protest ("burning tires" is the cue)
        if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i not in anchors and " " not in phrase:
            continue  # "violent demonstrations elsewhere"
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "over", "against", "following", "since"):
            continue
        if unrealised(tok, asked=False, depth=4):
            continue  # "not to be dragged into a clash", "to avoid violence": what should not happen
        verb = tok if tok.pos_ == "VERB" else next((a for a in [tok.head, tok.head.head] if a.pos_ == "VERB"), None)
        if _another_occasion(c, tok, verb, anchors, lex):
            continue  # "rallied after police arrested their leader", "In 2019, police arrested ..."
        if verb is not None:
            subj, passive = _subject_of(verb)
            if subj is not None and not passive and (_phrase_lemmas(subj) & security):
                yield_ok = phrase in lex.words["protest_intervention"] or phrase in lex.words["protest_force"] \
                    or phrase in ("clash", "clashed", "clashes")
                if not yield_ok:
                    continue  # "police erected barricades": not the protesters' violence
        return phrase
    return None


def _another_occasion(c: Candidate, tok, verb, anchors: set[int], lex: Lexicon) -> bool:
    """Does the cue tell another occasion than this protest: a clause of the protest's sentence
    set before it ("marched after police had arrested their leader"), or a clause, in its
    sentence or a later one, that is itself told as the past ("In 2019, police arrested the
    union leader", "Last year riot police dispersed a similar rally")? The protest's own
    clause tells the protest."""
    same = tok.sent.start == c.sent.start
    if same and any(_in_own_clause(tok, tok.doc[a]) for a in anchors):
        return False
    if same:
        h = tok
        while h.i not in anchors and h.head.i != h.i:
            if h.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in EARLIER_MARKS for k in h.children):
                return True
            h = h.head
    verb = verb if verb is not None else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i in anchors:
        return False
    return told_as_past(tok.doc, SimpleNamespace(token=verb, sent=verb.sent, plover="COERCE"), lex.status)


def code_protest(doc, c: Candidate, lex: Lexicon) -> None:
    sents = context_sents(c)
    hays = [h for s in sents for h in sent_hays(s)]
    w = lex.words
    force = protest_cue(c, sents, w["protest_force"], lex)
    violent = protest_cue(c, sents, w["protest_violent"], lex)
    intervention = protest_cue(c, sents, w["protest_intervention"], lex)
    if force and (has_phrase(hays, ["police", "security forces", "forces", "troops", "soldiers", "army", "officers"])):
        c.acled = ("Protests", "Excessive force against protesters")
        c.notes.append(f"'{force}' with security forces -> Excessive force against protesters")
    elif violent:
        c.acled = ("Riots", "Violent demonstration")
        c.plover, c.mode = "PROTEST", "riot"
        c.notes.append(f"'{violent}' -> Violent demonstration")
    elif intervention and has_phrase(hays, lex.security_words):  # someone must intervene
        c.acled = ("Protests", "Protest with intervention")
        c.notes.append(f"'{intervention}' -> Protest with intervention")
    else:
        c.acled = ("Protests", "Peaceful protest")
        c.notes.append("no intervention or violence -> Peaceful protest")


VERBAL = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"}
# Organisations speak through statements; only unorganised crowds demand by demonstrating.
ORGANISED_WORDS = {"group", "faction", "party", "organization", "organisation", "union", "opposition",
                   "association", "movement", "committee", "council", "coalition", "government"}


# Verbs whose purpose clause ("met to demand", "wrote to denounce") is a statement, not a street action
NON_ACTION_HEADS = {"call", "ask", "meet", "write", "issue", "sign", "send", "file", "submit", "hold", "convene",
                    "organize", "organise", "plan", "vote", "decide", "agree", "want", "seek", "try", "need", "work",
                    "intend", "use", "publish", "post", "speak", "appear", "go", "come", "return", "continue"}


def _purpose_of_action(c: Candidate) -> bool:
    """"mothers took over the school to demand repairs", "members protested to demand land": a
    demand that is the purpose of a collective physical action by a plural group is a demonstration."""
    tok = c.token
    if c.plover not in ("REQUEST", "ACCUSE", "REJECT") or tok.dep_ not in ("advcl", "xcomp") or \
            not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
        return False
    head = tok.head
    if head.pos_ != "VERB" or head.lemma_.lower() in REPORTING_VERBS | NON_ACTION_HEADS:
        return False
    subj, passive = _subject_of(head)
    return subj is not None and not passive and subj.tag_ in ("NNS", "NNPS") and \
        subj.lemma_.lower() not in ORGANISED_WORDS


def _in_grievance(tok, anchors: set[int]) -> bool:
    """Is ``tok`` inside the object of a protest ("protested the arrest of those involved in the
    riots", "rallied against the riots"), not a clause telling how the protest went on ("a
    protest that turned into riots", "marched, sparking riots")?"""
    h = tok
    while h.head.i != h.i and h.head.i not in anchors:
        h = h.head
    if h.head.i not in anchors:
        return False
    return h.dep_ == "dobj" or h.dep_ == "prep" and h.lower_ in ("against", "over", "about", "of")


def relate_to_protests(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Apply PLOVER's rule that protests making demands are PROTEST, and mark what a protest is about.

    - a demand/denunciation by protesters is the protest itself (PLOVER REQUEST/ACCUSE notes);
    - a demand that is the purpose clause of a protest trigger is part of that protest;
    - violence a protest is about ("a protest against the killing of ...") happened before it.
    """
    protests = [c for c in cands if c.plover == "PROTEST"]
    # a trigger's own token stands for it before the verb another trigger hangs on ("rallied" of
    # "rallied against the riots" is the rally, not the riots)
    protest_tokens = {i: c for c in protests for i in protest_anchors(c.token)}
    protest_tokens.update({c.token.i: c for c in protests})
    out = []
    for c in cands:
        governing = next((protest_tokens[a.i] for a in _ancestors(c.token) if a.i in protest_tokens
                          and protest_tokens[a.i] is not c), None)
        if governing is not None and not about_protest(c.token, protest_anchors(governing.token)):
            governing = None
        if c.plover in VERBAL and governing is not None:
            governing.notes.append(f"purpose: '{c.token.text}'")
            continue
        # a crowd voicing demands in its main clause, or a demand that is the purpose of a
        # collective action; organisations ("opposition groups demanded") make statements
        crowd_said = c.plover in ("REQUEST", "ACCUSE", "REJECT") and c.status == "occurred" \
            and c.token.pos_ == "VERB" and not c.actor_words & ORGANISED_WORDS and (
                c.actor_crowd and c.token.dep_ in ("ROOT", "conj") or _purpose_of_action(c))
        if c.plover in VERBAL and not c.entry.get("never_protest") and (
                {w.rstrip("s") for w in c.actor_words} & CROWD_WORDS or crowd_said):
            c.plover, c.mode = "PROTEST", "demo"
            c.notes.append("said by protesters -> PROTEST (PLOVER: protests making demands)")
            code_protest(c.sent.doc, c, lex)
        elif (c.plover == "ASSAULT" or c.acled[1] == "Arrests") and governing is not None and c.status == "occurred" \
                and not {w.rstrip("s") for w in c.target_words} & CROWD_WORDS \
                and not {w.rstrip("s") for w in c.actor_words} & CROWD_WORDS:
            # (not "turned violent when protesters threw stones": what the protesters did there)
            c.status = "historical"
            c.notes.append(f"what the protest '{governing.token.text}' is about: earlier event")
        elif c.plover == "PROTEST" and governing is not None and c.status == "occurred" \
                and _in_grievance(c.token, protest_anchors(governing.token)):
            c.status = "historical"   # "rallied to protest the arrest of those involved in the riots"
            c.notes.append(f"what the protest '{governing.token.text}' is about: earlier event")
        out.append(c)
    return out


CROWD_VIOLENCE = {"Mob violence", "Looting/property destruction", "Attack", "Armed clash"}


def fold_protest_violence(events: list[Candidate], lex: Lexicon) -> None:
    """ACLED's Violent demonstration: demonstrators who burn tyres, throw stones or vandalise
    during their protest make the protest a riot; their violence is not an event of its own.

    Violence joins a protest reported in the same sentence, or in the next sentences of the
    paragraph when a crowd or the protesters ("they") commit it. Violence by armed actors,
    and violence the protest is about (already historical), stays apart."""
    protests = [e for e in events if e.plover == "PROTEST" and e.acled[0] in ("Protests", "Riots")
                and e.status == "occurred"]
    if not protests:
        return
    for e in events:
        if e in protests or e.acled[1] not in CROWD_VIOLENCE or e.status != "occurred" or e.absorbed_into:
            continue
        kinds = {m.actor_kind for m in e.mentions}
        if kinds - {"crowd", "protester", ""} or {w.rstrip("s") for w in e.target_words} & CROWD_WORDS:
            continue
        if not kinds & {"crowd", "protester"} and "they" not in e.actor_words and e.actors:
            continue  # someone else's violence
        if e.target_words & lex.words["symbolic_targets"] or all(background_clause(m.token) for m in e.mentions):
            continue  # burning an effigy is a protest's message; "a man who was shot" is its reason
        sents = {m.sent.start for m in e.mentions}
        host = next((p for p in protests if sents & {m.sent.start for m in p.mentions}), None)
        if host is None and (kinds & {"crowd", "protester"} or {"they"} & e.actor_words):
            host = next((p for p in protests if sents & {x.start for m in p.mentions for x in context_sents(m)}), None)
        if host is None:
            continue
        if host.acled[1] != "Excessive force against protesters":
            host.acled = ("Riots", "Violent demonstration")
            host.mode = "riot"
        host.notes.append(f"'{e.token.text}' by the demonstrators -> Violent demonstration")
        host.mentions.extend(e.mentions)
        e.absorbed_into = host
        e.acled = (None, None)
        e.notes.append("ACLED: part of the demonstration")


def fold_protest_actions(events: list[Candidate], lex: Lexicon) -> None:
    """ACLED codes police action against a protest as part of the protest, not as its own event."""
    protests = [e for e in events if e.acled[0] in ("Protests", "Riots") and e.plover == "PROTEST"]
    if not protests:
        return
    for e in events:
        if e in protests or e.acled[0] is None or e.status not in ("occurred", "attempted", "failed", "alleged"):
            continue
        if e.acled[0] in ("Explosions/Remote violence", "Battles", "Riots"):
            continue  # strikes, battles and riots are events of their own, not a police response
            continue
        on_protesters = {w.rstrip("s") for w in e.target_words} & CROWD_WORDS or e.acled[1] == "Excessive force against protesters"
        if e.acled[1] == "Arrests" and not on_protesters and all(
                background_clause(m.token) or m.token.dep_ in ("compound", "amod") for m in e.mentions):
            continue  # "the release of workers who were arrested", "a detention centre": not this protest's arrests
        if e.acled[1] in ("Arrests",) or e.plover == "ASSAULT" and e.mode == "crowd-control" or on_protesters:
            # a protest told as background takes no act reported (or alleged) now
            hosts = [p for p in protests if (p.status == "historical") == (e.status == "historical")
                     # "the protests began in September": a crackdown on another day is not part of it
                     and not (p.explicit_date and e.explicit_date and p.date != e.date)]
            if not hosts:
                continue
            p = min(hosts, key=lambda p: abs(p.sent.start - e.sent.start))
            if abs(p.sent.start - e.sent.start) > 80 and not on_protesters:
                continue
            if e.acled[1] == "Arrests" or e.mode == "crowd-control" or e.acled[1] == "Attack":
                if p.acled[1] == "Peaceful protest":
                    p.acled = ("Protests", "Protest with intervention")
                    p.notes.append(f"'{e.token.text}' against protesters -> Protest with intervention")
            if e.acled[1] == "Excessive force against protesters" or (e.fatalities or 0) > 0 and on_protesters:
                p.acled = ("Protests", "Excessive force against protesters")
                p.notes.append(f"'{e.token.text}' protesters -> Excessive force against protesters")
            e.absorbed_into = p
            if e.plover == "ASSAULT":  # ACLED counts the toll of the crackdown on the protest event
                if e.fatalities:
                    p.fatalities = (p.fatalities or 0) + e.fatalities
                if e.injured:
                    p.injured = (p.injured or 0) + e.injured
            e.notes.append("ACLED: part of the protest event")
            e.acled = (None, None)


def _turned_into(riot, lex: Lexicon) -> Optional[object]:
    """The token of the gathering a riot mention grew out of: "the protest turned into riots"
    (the subject of a turn verb whose "into" object is the riot), "the march sparked riots",
    "marched ..., sparking riots" (the subject, or the verb a participle hangs on)."""
    w = lex.words
    h = riot.head
    if riot.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in ("into", "to"):
        verb, turns = h.head, w["protest_turns"]
    elif riot.dep_ == "dobj":
        verb, turns = h, w["protest_sparks"]
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in turns:
        return None
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        return verb.head   # "marched through the city, sparking riots"
    return None


def fold_turned_riots(events: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """One gathering that turned violent is one event: "the protest turned into riots", "sparking
    riots" -- ACLED codes the riot (the most severe account) with both mentions as evidence."""
    out = [e for e in events]
    for r in events:
        if r not in out or r.plover != "PROTEST" or r.acled[0] != "Riots" or r.status != "occurred":
            continue
        host = None
        for m in r.mentions:
            source = _turned_into(m.token, lex)
            if source is None:
                continue
            host = next((p for p in out if p is not r and p.plover == "PROTEST" and p.status == r.status
                         and p.acled[0] == "Protests" and any(source.i in protest_anchors(x.token) for x in p.mentions)
                         # ("protests in the capital sparked riots in the provinces": two gatherings)
                         and (None in (p.place, r.place) or p.place.id == r.place.id or _same_area(p.place, r.place))),
                        None)
            if host is not None:
                break
        if host is None:
            continue
        acled, mode, fixed = r.acled, r.mode or host.mode, host.fixed or r.fixed
        # the event told first stands for both
        keep, gone = sorted((host, r), key=lambda e: min(m.token.i for m in e.mentions))
        keep.mentions.extend(gone.mentions)
        keep.acled, keep.mode, keep.fixed = acled, mode, fixed
        for src, dst in ((gone.actors, keep.actors), (gone.targets, keep.targets)):
            dst.extend(x for x in src if x not in dst)
        keep.notes.append(f"the gathering turned into a riot ('{m.token.text}') -> {acled[1]}")
        out.remove(gone)
    return out
