"""Which trigger mentions report an event of their own (event precision rules).

A trigger word is not always an event report. This module sorts the candidates of the events
stage into three kinds before they are merged:

- ``event``:  reports an event (the default);
- ``weak``:   names an event without reporting it -- a heading ("2 Rejection of the plan"),
              the topic of speech ("talked about the attack"), a concession ("despite the
              rejection"); it may add evidence to an event reported elsewhere, never stand alone;
- ``drop``:   no event at all -- a stance in a modifier ("factions opposed to X"), a disposition
              ("was keen to liquidate him"), a future event named by a noun ("the upcoming
              negotiations"), an action that is only spoken about ("referred to confronting").

Anaphoric mentions refer back to an event already reported ("this attack", "if it was a real
targeting", "condemned what it called a cowardly attack", "blamed X for the bombing"):
``attach_mentions`` folds them into it, whatever status their own clause gives them. The
statuses of accused acts ("accused X of shooting ...": alleged) and of events an action answers
("in retaliation for the attack on ...": earlier) are set here too.
"""
from __future__ import annotations

from typing import Optional

# Modifiers that place a nominal event in the future: it has not happened.
FUTURE_MODIFIERS = {"upcoming", "forthcoming", "coming", "next", "future", "planned", "proposed",
                    "prospective", "potential", "possible", "expected", "scheduled", "impending",
                    "anticipated", "intended", "eventual"}
# Verbs whose prepositional complement names a topic, an aim or a demand, not an event that occurred
# ("referred to confronting X", "insisted on holding elections", "talked about attacking").
TOPIC_VERBS = {"refer", "talk", "speak", "mention", "discuss", "insist", "focus", "point", "allude",
               "comment", "address", "emphasize", "emphasise", "stress", "call", "urge", "warn",
               "think", "dream", "argue", "advocate", "vow", "pledge", "promise", "agree", "consider",
               "reflect", "hint", "write", "speculate", "aim", "seek", "plan", "intend", "work"}
# Of those, the verbs that only refer to a named event ("talked about the attack"); "insisted on
# its demands" and "called for talks" report a demand.
REFERENCE_VERBS = {"refer", "talk", "speak", "mention", "discuss", "comment", "allude", "hint", "write",
                   "speculate", "think", "dream", "reflect", "address", "focus", "point"}
# Nouns whose participle tells what the statement or document does ("a declaration demanding X").
SPEECH_NOUNS = {"declaration", "statement", "letter", "resolution", "petition", "communique", "message",
                "note", "memorandum", "report", "motion", "bill", "decree", "order", "appeal", "speech",
                "interview", "post", "video", "tweet", "press", "release", "document", "text"}
TOPIC_NOUNS = {"talk", "speech", "statement", "call", "reference", "debate", "discussion", "idea",
               "question", "issue", "topic", "plan", "proposal", "demand", "need", "possibility",
               "prospect", "threat", "fear", "risk", "danger", "option"}
# Things made or held for an event ("explosives for car bombs"): the event is a purpose, not a report.
PURPOSE_HEADS = {"explosive", "explosives", "material", "materials", "equipment", "device", "devices", "component",
                 "components", "ingredient", "ingredients", "fertilizer", "fertiliser", "chemical", "chemicals",
                 "weapon", "weapons", "ammunition", "fuel", "part", "parts", "detonator", "detonators", "tool", "tools"}
# Nouns whose "of" object is a state to end, not an event reported ("the cessation of hostilities";
# also "an end to attacks").
CESSATION_NOUNS = {"cessation", "suspension", "halt"}
# Prepositions that concede or frame an event as background of the main clause.
CONCESSIVE_PREPS = {"despite", "amid", "notwithstanding", "regardless"}
# (and the verbs of a case against someone: "investigated for involvement in the killings")
ACCUSE_VERBS = {"accuse", "blame", "allege", "charge", "suspect", "implicate", "incriminate", "investigate", "prosecute",
                "indict", "convict"}
REAL = {"occurred", "attempted", "failed", "alleged"}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "such"}
HISTORICAL_MODIFIERS = {"previous", "earlier", "past", "prior", "former", "last", "similar", "first",
                        "second", "third", "other", "another", "new", "recent", "further", "many",
                        "several", "repeated", "frequent", "daily", "numerous"}
PRONOUNS = {"it", "this", "that", "which", "what"}
# Stances and dispositions: in a modifier they describe who someone is, not what happened.
STANCE_TYPES = {"REJECT", "SUPPORT", "AGREE", "ACCUSE", "REQUEST", "COOPERATE", "CONSULT", "THREATEN",
                "CONCEDE", "RETREAT", "AID", ""}
# Nouns that name an event by what it is an instance of: "protest action", "strike campaign".
EVENT_HEADS = {"action", "campaign", "operation", "activity", "event", "wave", "day", "series", "spree",
               "drive", "sit-in", "attempt", "plot", "mission", "effort", "process", "initiative", "bid",
               "round", "session", "meeting", "visit", "trip", "tour"}
GENERAL_SUBTYPES = {None, "Attack", "Armed clash"}
VIOLENT_KINDS = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
COOPERATIVE_INTENT = {"SUPPORT", "AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT", "AGREE"}


def is_heading(sent) -> bool:
    """A line without any verb is a heading or caption: it names events, it does not report them."""
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _topic_head(tok) -> Optional[object]:
    """The verb or noun whose prepositional complement is ``tok`` ("referred to confronting":
    'refer'), or None."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.dep_ != "prep":
        return None
    return tok.head.head


def spoken_topic(tok) -> bool:
    """Is ``tok`` (or the gerund whose object it is) the topic of a verb of speech or aim?"""
    h = tok
    if tok.dep_ == "dobj" and tok.head.tag_ == "VBG":  # "insisted on holding elections"
        h = tok.head
    head = _topic_head(h)
    if head is None:
        return False
    lem = head.lemma_.lower()
    return (head.pos_ == "VERB" and lem in TOPIC_VERBS) or (head.pos_ == "NOUN" and lem in TOPIC_NOUNS)


def in_accusation(tok) -> bool:
    """Is ``tok`` inside what someone is accused of ("accused X of being involved in shooting")?"""
    h, via_prep = tok, False
    for _ in range(8):
        if h.head.i == h.i:
            return False
        if h.dep_ in ("relcl", "advcl") and h.head.lemma_.lower() not in ACCUSE_VERBS:
            return False
        if h.dep_ == "prep" and h.lower_ in ("of", "for", "over", "in"):
            via_prep = True
        prev, h = h, h.head
        if h.lemma_.lower() in ACCUSE_VERBS and h.pos_ == "VERB":
            # "accused X of Y" (the "of" phrase may hang on X) or "accused X that ..."; an
            # adverbial clause with its own conjunction ("..., since the drones were launched
            # from ...") gives the writer's reasons, not what X is accused of
            return via_prep or prev.dep_ in ("ccomp", "xcomp") or (
                prev.dep_ == "advcl" and not any(k.dep_ == "mark" for k in prev.children))
    return False


def describes_accused_act(tok) -> bool:
    """A relative clause after "accused X of ..." in the same sentence describes the people or
    act the accusation is about ("... shooting demonstrators, who gathered to protest"): it tells
    background, whatever the parser attached it to."""
    clause = next((a for a in [tok] + list(tok.ancestors) if a.dep_ in ("relcl", "acl")), None)
    if clause is None or not any(k.lower_ in ("who", "whom", "whose") for k in clause.children):
        return False
    for t in tok.sent if hasattr(tok, "sent") else []:
        if t.i >= clause.i:
            break
        if t.lemma_.lower() in ACCUSE_VERBS and t.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i < clause.i
                for c in list(t.children) + [g for k in t.children if k.dep_ == "dobj" for g in k.children]):
            return True
    return False


ANSWER_NOUNS = {"retaliation", "revenge", "reprisal", "response", "retribution", "vengeance", "punishment",
                "sanction"}
# (also "sanctioned two commanders over attacks on troops": the attacks came first)
ANSWER_VERBS = {"retaliate", "avenge", "respond", "react", "punish", "sanction", "penalize", "penalise"}


def answered_event(tok) -> bool:
    """"in retaliation for the attack on its supporters", "avenging the killing of X": the event
    an action answers happened before it."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("avenge",):
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "to", "against", "over"):
        return False
    head = tok.head.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj") and head.head.lemma_.lower() in ANSWER_VERBS:
        head = head.head  # "sanctioned two figures over attacks": "over" hangs on the object
    if head.pos_ == "VERB" and any(k.dep_ == "dobj" and k.lemma_.lower() in ANSWER_NOUNS for k in head.children):
        return True  # "imposed sanctions on them over attacks"
    if head.lemma_.lower() in ANSWER_NOUNS | ANSWER_VERBS:
        return True
    # a headline the parser breaks up ("US Treasury sanctions X figures over attacks on troops"):
    # an answering word shortly before "over/for" still says what came first
    start = max(tok.sent.start, tok.head.i - 6)
    return any(t.lemma_.lower() in ANSWER_NOUNS | ANSWER_VERBS or t.lower_.rstrip("s") in ANSWER_NOUNS
               for t in tok.doc[start:tok.head.i])


def anaphoric(tok) -> bool:
    """A nominal mention that refers back to an event already told: "the attack", "this act",
    "it was a real targeting" -- not "a previous attack", "another attack", "the 2019 protests"."""
    if tok.pos_ != "NOUN":
        return False
    kids = list(tok.children)
    if any(k.dep_ == "amod" and k.lower_ in HISTORICAL_MODIFIERS for k in kids):
        return False
    if any(k.like_num or k.ent_type_ in ("DATE", "TIME") for k in kids if k.dep_ in ("nummod", "compound", "amod", "npadvmod")):
        return False
    if tok.tag_ == "NNS":
        return False
    if any(k.dep_ == "prep" and k.lower_ in ("of", "on", "against", "by", "in", "at")
           and any(g.dep_ == "pobj" and g.pos_ != "PRON" for g in k.children) for k in kids):
        return False  # "the murder of the minister's daughter" names its own event
    if any(k.dep_ == "det" and k.lower_ in ANAPHORIC_DETS for k in kids):
        return True
    # "(if) it was a real targeting": an event predicated of a pronoun
    return tok.dep_ == "attr" and any(k.dep_ == "nsubj" and k.lower_ in PRONOUNS for k in tok.head.children)


BACK_DETS = {"these", "those"}


def refers_back(tok) -> bool:
    """A mention that points back at events or people already told, whatever its own clause
    says: a plural demonstrative event noun ("responsible for these attacks") or a verb whose
    subject is a demonstrative phrase ("the place where these elements demonstrated"). It
    names the event told before (background or not); it is no new event."""
    if tok.pos_ == "NOUN":
        if tok.tag_ != "NNS":
            return False
        if any(k.dep_ == "det" and k.lower_ in BACK_DETS for k in tok.children):
            return True
        # "The detentions came less than three weeks before the elections": the ones told before
        # "the demonstrations will continue peacefully": the ones under way
        return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("come", "follow", "happen", "occur", "continue",
                                                                   "remain", "persist", "resume", "go") \
            and any(k.dep_ == "det" and k.lower_ == "the" for k in tok.children) \
            and not any(k.dep_ in ("prep", "compound", "amod", "nummod") for k in tok.children)
    if tok.pos_ != "VERB":
        return False
    subj = [k for k in tok.children if k.dep_ in ("nsubj", "nsubjpass")]
    return any(any(k.dep_ == "det" and k.lower_ in BACK_DETS for k in s.children) and s.pos_ == "NOUN"
               for s in subj)


# The people a protest is told by ("the demonstrators"), as singular words.
CROWD_WORDS = {"protester", "protestor", "demonstrator", "marcher", "striker", "rioter"}


def protesters_told_before(tok) -> bool:
    """A protest verb whose subject is "the demonstrators" (or a clause describing them: "the
    demonstrators, who raised flags"): the protest already told, not another one."""
    if tok.pos_ != "VERB":
        return False
    subj = next((k for k in tok.children if k.dep_ == "nsubj"), None)
    if tok.dep_ == "relcl" and (subj is None or subj.lower_ in ("who", "that")):
        subj = tok.head
    return subj is not None and subj.lower_.rstrip("s") in CROWD_WORDS and any(
        k.dep_ == "det" and k.lower_ == "the" for k in subj.children)


def renamed_event(c) -> Optional[object]:
    """The event of the same sentence that an answered-event mention names again: "accused X of
    shooting the group's supporters ..., the bombing was in retaliation for the attack on its
    supporters" -- the attack on the supporters is the shooting told before it."""
    if not answered_event(c.token):
        return None
    words = {w for w in c.target_words if w.isalpha() and len(w) > 3} - {"their", "this", "that", "those", "these"}
    for o in sorted(c.sent_cands, key=lambda o: -o.token.i):
        if o is c or o.token.i > c.token.i or o.plover != c.plover:
            continue
        if words & o.target_words or set(c.targets) & set(o.targets):
            return o
    return None


def names_known_event(tok) -> bool:
    """A noun that names an event someone comments on: "condemned what it called a cowardly
    attack", "blamed the PKK for the car bomb" -- the event already told, not a new one."""
    if tok.pos_ != "NOUN":
        return False
    return (tok.dep_ == "oprd" and naming(tok.head)) or in_accusation(tok)


def demonstrative(tok) -> bool:
    """"this attack", "that assault": the determiner points back to an event already told."""
    if names_known_event(tok):
        return True
    return any(k.dep_ == "det" and k.lower_ in ("this", "that", "these", "those") for k in tok.children) or \
        (tok.dep_ == "attr" and any(k.dep_ == "nsubj" and k.lower_ in PRONOUNS for k in tok.head.children))


def disposition_without_offer(c, lex) -> bool:
    """"ready/keen/willing to X" is an offer (PLOVER AGREE) only when X is something cooperative;
    "was keen to liquidate him" describes a motive."""
    tok = c.token
    if tok.pos_ != "ADJ" or c.plover != "AGREE":
        return False
    comps = [k for k in tok.children if k.dep_ in ("xcomp", "ccomp")]
    comps += [g for k in tok.children if k.dep_ == "prep" for g in k.children if g.dep_ in ("pobj", "pcomp")]
    for k in comps:
        plovers = {e["plover"][0] for e in lex.by_lemma.get(k.lemma_.lower(), [])}
        if plovers & COOPERATIVE_INTENT:
            return False
    return True


def mention_kind(c, lex) -> tuple[str, str]:
    """("event" | "weak" | "drop", reason) for a candidate (see the module docstring)."""
    tok = c.token
    acled_entry = c.entry.get("acled")
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and is_heading(c.sent) and not acled_entry:
        # (violent nouns in a title go through normal merging: titles often tell the event alone)
        return "weak", "heading noun phrase"
    if c.plover in STANCE_TYPES and not acled_entry:
        if tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") \
                and tok.head.lemma_.lower() not in SPEECH_NOUNS \
                and not any(k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for k in tok.children):
            return "drop", "participle modifier describes a stance"
        if tok.dep_ == "amod":
            return "drop", "adjective modifier describes a stance"
        if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_ \
                and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("ROOT", "nsubj", "dobj", "pobj"):
            return "drop", "hyphenated modifier describes a stance ('Turkish-backed factions')"
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.dep_ == "acl" and tok.head.tag_ in ("VBG", "VBN") \
                and not any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.head.children):
            # "a convoy of trucks carrying supplies": what the trucks carry, nobody gives anything
            return "drop", "object of a participle describing a noun"
    if disposition_without_offer(c, lex):
        return "drop", "disposition, not an offer"
    if tok.pos_ == "NOUN" and any(k.dep_ in ("amod", "compound") and k.lower_ in FUTURE_MODIFIERS
                                  for k in tok.children):
        return "drop", "future event named by a noun"
    if spoken_topic(tok):
        if tok.tag_ == "VBG" or tok.dep_ == "dobj":
            return "drop", "action spoken about, not reported"
        if tok.head.head.lemma_.lower() in REFERENCE_VERBS | TOPIC_NOUNS:
            return "weak", "event named as a topic"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" \
            and tok.head.head.lemma_.lower() in PURPOSE_HEADS:
        return "drop", "what a material is for ('explosives for car bombs') is no event"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and any(
            o.token.i in {a.i for _, a in zip(range(3), tok.ancestors)} and o.plover == "COERCE"
            and o.token.pos_ == "VERB" for o in c.sent_cands):
        return "drop", "the operation an arrest was made in ('arrested X in a raid') is the arrest"
    if c.plover == "COERCE" and died_in(tok, lex):
        # the arrest, if any, came before and is not what is told
        return "drop", "where someone died ('the death of X in custody') is no arrest reported"
    if tok.dep_ == "pobj" and (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in CESSATION_NOUNS or
                               tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in ("end", "halt", "stop")):
        return "drop", "what is to stop ('cessation of hostilities') is no event reported"
    if not acled_entry and tok.dep_ == "pobj" and tok.head.lower_ in CONCESSIVE_PREPS:
        return "weak", "conceded background"
    if tok.pos_ == "NOUN" and (tok.dep_ in ("poss", "compound") or tok.dep_ == "nmod" and possessive_mark(tok)) \
            and tok.head.pos_ in ("NOUN", "PROPN") \
            and not lex.by_lemma.get(tok.head.lemma_.lower()) and not hyphenated(tok) \
            and tok.head.lemma_.lower() not in EVENT_HEADS:
        return "weak", "event noun modifying another noun"
    if (not acled_entry or acled_entry == ["Strategic developments", "Other"]) and in_relative_clause(tok):
        return "weak", "relative clause describes, does not report"
    if naming(tok):
        return "drop", "naming verb ('what it called')"
    described = next((o for o in c.sent_cands if o.token.i == tok.head.i and o.plover != c.plover), None) \
        if tok.dep_ == "acl" and tok.pos_ == "VERB" and c.plover in ("ASSAULT", "COERCE") else None
    if described is not None:
        return "drop", f"describes the '{described.token.text}' event"
    governing = content_of(c)
    if governing is not None:
        if not governing.mode and c.mode:
            governing.mode = c.mode
        return "drop", f"content of '{governing.token.text}'"
    return "event", ""


def died_in(tok, lex) -> bool:
    """"died in custody", "the death of a student in detention": the noun says where someone died."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    death = {str(w) for k in ("die_verbs", "dead_words", "kill_verbs") for w in lex.toll[k]}
    h = tok.head.head
    heads = [h] + ([h.head.head] if h.dep_ == "pobj" and h.head.lower_ == "of" else [])
    return any(x.lemma_.lower() in death for x in heads)


def possessive_mark(tok) -> bool:
    """"the October protests’ activists": a possessive the parser took for a modifier."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in ("'", "’", "'s", "’s") and nxt.i < tok.head.i


def naming(tok) -> bool:
    """"what it called a cowardly attack", "a group calling itself X": the verb names, nothing happens."""
    if tok.lemma_.lower() != "call":
        return False
    kids = list(tok.children)
    return any(k.dep_ == "oprd" and k.ent_type_ not in ("DATE", "TIME") for k in kids) or any(k.lower_ == "what" and k.dep_ in ("dobj", "nsubj", "oprd")
                                                     for k in kids) or \
        (tok.dep_ in ("relcl", "ccomp", "pcomp") and any(k.lower_ == "what" for k in tok.head.children if k.dep_ == "dobj"))


def hyphenated(tok) -> bool:
    """"Shoot-outs": the trigger is the first part of a hyphenated word."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and tok.whitespace_ == ""


def in_relative_clause(tok) -> bool:
    """Is the trigger's clause a relative clause ("the forces that won the elections")?"""
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    return h.dep_ == "relcl"


def content_of(c):
    """The candidate whose stated intent ``c`` is ("threatened confrontations", "promised to send
    aid"): a threat or an offer is one event, its content is not another."""
    if not c.intent:
        return None
    ancestors = {a.i for _, a in zip(range(3), c.token.ancestors)}
    return next((o for o in c.sent_cands if o is not c and o.token.i in ancestors and o.plover == c.plover
                 and not o.intent
                 and (o.status == c.status or o.status not in ("historical", "negated", "denied"))), None)


def compatible_roles(a, b, loose: bool = False) -> bool:
    """Could mention ``b`` be about event ``a``? Same PLOVER type, no clash of coded type or roles.
    ``loose``: ``b`` points back ("this attack", "what it called a cowardly attack on the
    security of the city and its people"): the words it adds are a comment, not other victims."""
    if a.plover != b.plover:
        return False
    if a.acled[0] and b.acled[0] and a.acled[0] != b.acled[0] and b.acled[1] not in GENERAL_SUBTYPES:
        return False  # "the attack" (general) may name a drone strike; "the clashes" may not
    if b.acled[0] in VIOLENT_KINDS and a.acled[0] == "Strategic developments":
        return False  # "the strikes targeted depots" names the strike, not the missiles intercepted
    if a.targets and b.targets and not set(a.targets) & set(b.targets) and not loose:
        return False
    if (set(a.targets) & set(b.actors) or set(a.actors) & set(b.targets)) and not (
            set(a.targets) & set(b.targets) or set(a.actors) & set(b.actors)) and not loose:
        return False
    return True


def far_apart(p, q) -> bool:
    """Two places too far apart (> ~25 km) to be one event's location."""
    if p is None or q is None or None in (p.lat, p.lon, q.lat, q.lon) or "country" in (p.feature, q.feature):
        return False
    return abs(p.lat - q.lat) > 0.25 or abs(p.lon - q.lon) > 0.25


def attach_mentions(events: list, pending: list) -> list:
    """Fold weak and anaphoric mentions into the event they refer to: the latest compatible event
    reported before them (else the first after them). Anaphors with no such event are events of
    their own; weak mentions with none are dropped. Returns the leftover anaphors."""
    leftover = []
    pending = sorted(pending, key=lambda p: p[0].token.i)
    for c, kind in pending:
        if kind == "weak" and c.status in ("negated", "hypothetical", "future"):
            continue  # "who did not condemn the attack" is no evidence of a condemnation
        if kind == "renamed":
            host = next((e for e in events if e.absorbed_into is None and
                         any(m is c.renames for m in e.mentions)), None)
            if host is None:
                leftover.append(c)
            else:
                host.mentions.append(c)
                host.notes.append(f"'{c.token.text}' names it again")
            continue
        roles = set(c.actors) | set(c.targets)
        # "this attack" points back whatever place is named near it; so does "the demonstrators raised
        # the flags of X" (X is no target of theirs)
        pointing = demonstrative(c.token) or kind == "retold" or \
            kind == "backref" and c.plover == "PROTEST" and protesters_told_before(c.token)
        # "these attacks", "where these elements demonstrated": background told before counts too
        shut = ("negated",) if kind == "backref" else ("negated", "historical")
        live = [e for e in events if e.absorbed_into is None and e.status not in shut
                and compatible_roles(e, c, loose=pointing)
                # what happened is not the threat or plan of it told before
                and not (c.status in REAL and e.status not in REAL and kind != "backref")
                and (pointing or any(not far_apart(m.place, c.place) for m in e.mentions))
                # a weak mention naming its own participants must share one ("the rejection of X")
                and (kind != "weak" or not roles or roles & (set(e.actors) | set(e.targets)))]
        before = [e for e in live if e.mentions[0].token.i < c.token.i]
        if kind == "backref" and c.token.tag_ == "NNS":
            # "these attacks": the events told as plural before ("the attacks in the capital")
            before = [e for e in before if any(m.token.tag_ == "NNS" for m in e.mentions)] or before
        # "two of the attackers were killed in the clash ... claimed responsibility for the attack":
        # an event told only by a passive toll verb is the toll of another event, not what "the
        # attack" names, when an event told otherwise is there
        told = [e for e in before if not all(_passive_toll(m) for m in e.mentions)]
        before = told or before
        # a weak mention, or one in the title line, may name an event only told after it
        host = max(before, key=lambda e: e.mentions[0].token.i) if before else (
            min(live, key=lambda e: e.mentions[0].token.i) if live and (kind == "weak" or c.sent.start == 0) else None)
        if host is None:
            if kind in ("anaphor", "backref", "retold"):
                leftover.append(c)
            continue
        host.mentions.append(c)
        for src, dst in ((c.targets, host.targets),) if not pointing else ():
            dst.extend(x for x in src if x not in dst)   # (a comment's words name no further victims)
        host.confidence = min(0.95, host.confidence + 0.02)
        if kind in ("anaphor", "backref"):
            host.notes.append(f"'{c.token.text}' refers back to it")
    return leftover


def _passive_toll(m) -> bool:
    """A passive verb mention with no doer ("two of the attackers were killed")."""
    tok = m.token
    return m.plover == "ASSAULT" and tok.pos_ == "VERB" and not m.actors \
        and any(k.dep_ in ("auxpass", "nsubjpass") for k in tok.children)


PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we"}


def retold_by_pronoun(c) -> bool:
    """A verb mention that retells an event its sentence has already named, in someone's account
    of it: "the military confirmed that it had carried out a strike on the village, but said it
    had targeted 'terrorists'". Its subject is a pronoun and its clause is what someone said; the
    words it adds are that side's version, not a second event."""
    tok = c.token
    if tok.pos_ != "VERB" or not any(k.dep_ == "nsubj" and k.lower_ in PERSONAL_PRONOUNS for k in tok.children):
        return False
    if tok.dep_ != "ccomp" or tok.head.pos_ != "VERB":
        return False
    return any(o is not c and o.plover == c.plover and o.token.i < tok.i and o.status not in ("negated",)
               for o in c.sent_cands)


def definite_plural_told_before(c, earlier_types: set) -> bool:
    """"The sanctions were worthless", "the measures freeze any assets": a bare definite plural
    noun naming a kind of event the text has already told is that event again, not a new one.
    Not violence ("the attacks" often names a wider series) and not a noun given its own
    participants, number or kind ("the sanctions on Iran", "the new measures", "the 2019 talks")."""
    tok = c.token
    if c.plover in ("ASSAULT", "FIGHT", "PROTEST") or c.plover not in earlier_types:
        return False
    if tok.pos_ == "VERB":
        # "the measures freeze any assets": what a bare "the measures/steps/move" does is the
        # event told before, doing it
        subj = next((k for k in tok.children if k.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in ACTION_NOUNS and _bare_definite(subj)
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and _bare_definite(tok)


# nouns that name whatever was done, of any kind: "the measures", "the move"
ACTION_NOUNS = {"measure", "step", "move", "action", "decision", "designation", "sanction", "order"}


def _bare_definite(tok) -> bool:
    kids = list(tok.children)
    return any(k.dep_ == "det" and k.lower_ == "the" for k in kids) and not any(
        k.dep_ in ("amod", "compound", "nummod", "poss", "prep", "acl", "relcl") for k in kids)


# Violent kinds a later bare definite noun names again ("the attack", "the strikes", "the blast").
RETOLD_VIOLENCE = {"ASSAULT", "FIGHT", "COERCE"}
# Prepositions whose object gives a nominal event its own participants or place
# ("the attack on the convoy", "the strikes in Idlib"): it may be another event.
OWN_ARGUMENT_PREPS = {"of", "on", "against", "in", "at", "near", "by", "across", "inside", "outside"}


# Kinds of which a later singular "the truce", "the deal" is the one told before.
RETOLD_KINDS = RETOLD_VIOLENCE | {"AGREE"}
# Verbs of asking: what someone is asked to do is the content of the request, not an event.
REQUEST_VERBS = {"call", "urge", "ask", "appeal", "demand", "press", "request", "implore", "exhort", "beg",
                 "encourage", "invite", "petition", "lobby"}


def requested_content(c) -> bool:
    """"called on the UN to impose an arms embargo", "urged the president to withdraw the
    bill", "demanded the immediate release of X": the action asked for (and the noun it takes)
    is what the REQUEST event asks, not an event of its own -- when the asking verb is itself
    coded as an event of its sentence."""
    tok = c.token
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("demand", "request", "seek") \
            and c.plover not in ("ASSAULT", "PROTEST"):
        return any(o is not c and o.token.i == tok.head.i and o.plover == "REQUEST" for o in c.sent_cands)
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    if verb.pos_ != "VERB" or verb.dep_ != "xcomp" or not any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children):
        return False
    asker = verb.head
    if asker.lemma_.lower() not in REQUEST_VERBS:
        return False
    return any(o is not c and o.token.i == asker.i and o.plover == "REQUEST" for o in c.sent_cands)


def definite_retelling(c, earlier_types: set) -> bool:
    """"A drone struck a base ... A US official said the attack was launched by X": a bare
    definite violent noun ("the attack", "the strikes", "the blast") after an event of its kind
    has been told is that event again, not a new one -- whatever place or country its sentence
    names ("launched from Iran", "Iran-backed groups"). So is a verb whose subject is such a noun
    ("The blast struck near the entrance"). Not a noun with its own number, date, kind or
    participants ("the 2019 attack", "the previous strikes", "the attack on the convoy")."""
    if c.plover not in RETOLD_KINDS or c.plover not in earlier_types:
        return False
    tok = c.token
    if c.plover == "AGREE" and (tok.pos_ != "NOUN" or tok.tag_ == "NNS"):
        return False   # ("the talks", "the agreements": plurals of other kinds are told by definite_plural_told_before)
    if tok.pos_ == "VERB":
        subj = next((k for k in tok.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() != tok.lemma_.lower() \
            and _retelling_noun(subj) and any(o is not c and o.token.i == subj.i for o in c.sent_cands)
    return tok.pos_ == "NOUN" and _retelling_noun(tok)


# Heads of "in the fighting" that name a part in an event told before ("took part in the fighting").
PART_IN_HEADS = {"part", "participate", "involve", "involvement", "role", "participation", "join"}


def _retelling_noun(tok) -> bool:
    h = tok.head.head
    part_in = tok.dep_ == "pobj" and tok.head.lower_ == "in" and (h.lemma_.lower() in PART_IN_HEADS or h.lemma_.lower() == "take"
                                                                  and any(k.dep_ == "dobj" and k.lower_ == "part" for k in h.children))
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") and not part_in:
        return False   # "killed in the clash", "during the fight": the frame of a toll or detail told here
    kids = list(tok.children)
    if not any(k.dep_ == "det" and k.lower_ == "the" for k in kids):
        return False
    if any(k.dep_ in ("nummod", "poss") or k.like_num or k.ent_type_ in ("DATE", "TIME")
           or k.dep_ == "amod" and k.lower_ in HISTORICAL_MODIFIERS for k in kids):
        return False
    if any(k.dep_ == "prep" and k.lower_ in OWN_ARGUMENT_PREPS
           and any(g.dep_ == "pobj" and g.pos_ != "PRON" for g in k.children) for k in kids):
        return False
    return True


# Heads under which a "whether" clause is an open question ("it is not clear whether", "did not
# say whether"): what it asks about is not told as an event.
QUESTION_WORDS = {"unclear", "uncertain", "unknown", "clear", "known", "say", "confirm", "disclose", "specify",
                  "know", "tell", "reveal", "indicate", "explain", "comment"}


def open_question(c) -> bool:
    """"It is not clear whether the commanders will respect the truce", "he did not say whether
    they would be charged": an event asked about in an open question is no event."""
    tok = c.token
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass", "nsubj") else tok
    if not any(k.dep_ == "mark" and k.lower_ in ("whether", "if") for k in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    words = {head.lemma_.lower()} | {k.lemma_.lower() for k in head.children if k.dep_ == "acomp"}
    negated = any(k.dep_ == "neg" for k in head.children)
    return bool(words & {"unclear", "uncertain", "unknown"}) or negated and bool(words & QUESTION_WORDS)


def _clause_verb(tok):
    """The verb whose clause a trigger is in: itself, or the verb a noun trigger is the object or
    subject of."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None


QUESTION_MARKS = {"?", "؟"}
# Nouns whose "to"-infinitive is what someone may, must or is pushed to do, not a plan or an
# attempt of the subject's: "will feel pressure to retaliate", "the right to respond".
LICENSE_NOUNS = {"pressure", "need", "right", "temptation", "urge", "reason", "incentive", "capacity",
                 "ability", "means", "power", "chance", "opportunity", "freedom", "licence", "license",
                 "mandate", "authority", "authorization", "authorisation", "permission", "duty", "obligation",
                 "responsibility", "option", "room", "leeway", "motive", "pretext", "excuse", "justification"}


def licensed_act(c) -> bool:
    """"New Delhi will feel pressure to retaliate", "reserves the right to respond": an act a noun
    of need, right or pressure is about is no event (nor a threat made)."""
    tok = c.token
    return tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.tag_ == "VB" and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() in LICENSE_NOUNS and any(k.dep_ == "aux" and k.lower_ == "to" for k in tok.children)


def yes_no_question(c) -> bool:
    """"Did the army attack the village?", "Will they strike again?": a question whose verb
    comes after its auxiliary asks whether the event happened, it does not tell it. (A wh-question
    takes the event as given: "why did the army attack the village?")"""
    tok = c.token
    verb = _clause_verb(tok)
    if verb is None:
        return False
    # the question's own clause ends with a question mark
    end = verb.right_edge.i + 1
    doc = tok.doc
    if not (end < len(doc) and doc[end].text in QUESTION_MARKS or doc[verb.right_edge.i].text in QUESTION_MARKS):
        return False
    # (the subject after the auxiliary: "Q: Did the army ..." may make the label a subject too)
    subjects = [k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass", "expl")]
    aux = [k for k in verb.children if k.dep_ in ("aux", "auxpass") and any(k.i < s.i < verb.i for s in subjects)]
    if not aux:
        return False
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in doc[verb.left_edge.i:verb.i]):
        return False
    return True


QUOTE_OPENERS = {'"', "“", "‘", "'", "«", "‹", ":", "—", "-"}


def quoted_order(c) -> bool:
    """"He told us: 'Burn the houses'": an imperative in quoted speech is an order given, not
    an event that happened."""
    tok = c.token
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "xcomp", "parataxis", "conj"):
        return False
    if any(k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for k in tok.children):
        return False
    if tok.dep_ == "conj" and not quoted_order_head(tok.head):
        return False
    doc = tok.doc
    first = tok.left_edge.i
    while first < tok.i and doc[first].is_punct:
        first += 1
    if first != tok.i or tok.i == 0:
        return False   # the verb opens its clause
    before = [t for t in doc[max(0, tok.i - 3):tok.i] if t.is_punct]
    return any(t.text in QUOTE_OPENERS for t in before) and tok.i > tok.sent.start


def quoted_order_head(verb) -> bool:
    return verb.pos_ == "VERB" and verb.tag_ == "VB" and not any(
        k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for k in verb.children)


# Verbs whose clause gives someone's account of an event ("ISKP said one of its fighters had ...").
ACCOUNT_VERBS = {"say", "claim", "state", "report", "tell", "confirm", "announce", "add", "explain", "write"}


def account_of_told_violence(c, earlier_types: set, toll_verbs: set) -> bool:
    """"A suicide bomber blew himself up ... The group said in a statement that one of its fighters
    had detonated an explosive vest": a past-perfect account, in what someone said, of violence
    already told is that event in their words, not another one. (Kill and injure verbs stay
    toll mentions.)"""
    tok = c.token
    if c.plover not in RETOLD_VIOLENCE or c.plover not in earlier_types or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() in toll_verbs or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in ACCOUNT_VERBS:
        return False
    return any(k.dep_ == "aux" and k.lower_ in ("had", "'d") for k in tok.children)
