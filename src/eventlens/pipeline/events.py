"""Events stage: trigger lexicon + dependency rules -> PLOVER and ACLED coded events.

A transparent rule layer, in five steps (each step's rules are data in
``lexicons/events.yaml``; this module only applies them):

1. triggers  - tokens whose lemma is in the lexicon, filtered by the entry's conditions;
2. roles     - actors/targets from the dependency parse (subject, passive agent, object,
               "on/against X", "of X", "X was subjected to an attack"), mapped to actor ids;
3. coding    - PLOVER type/mode and ACLED type/sub-type (weapon cues from the event's own clause
               first, armed vs civilian targets; protest rules in event_protest), status cues,
               toll (fatalities, injured);
4. merging   - one record per real event: mentions that report no event are dropped and
               mentions that only name or refer back to one join it (event_mentions); mentions
               of the same event are merged, damage an attack did is part of the attack, police
               action against a protest is folded into the protest (ACLED codes one event);
5. salience  - the article's main event first.

Every event carries its trigger, evidence sentences and a one-line explanation of the rules
that fired, so a code can always be traced back to the text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

import yaml
from spacy.language import Language

from ..model import Event
from .base import accused_doer, actor_at, dates_in, doc_text, place_at, published, span_of
from .dates import MONTHS, is_duration
from .event_mentions import (RETOLD_VIOLENCE, anaphoric, far_apart, answered_event, attach_mentions, demonstrative, describes_accused_act,
                             in_accusation, mention_kind, names_known_event, protesters_told_before, refers_back,
                             renamed_event, requested_content, open_question, retold_by_pronoun, yes_no_question, quoted_order, licensed_act, account_of_told_violence, definite_plural_told_before,
                             definite_retelling)
from .event_roles import add_generic_participants, rehome_generic_actors, separate_sides
from .event_toll import event_counts

VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
GENERAL_SUBTYPES = {None, "Attack", "Armed clash"}
AGREEMENT_NOUNS = {"ceasefire", "cease-fire", "truce", "agreement", "accord", "deal", "treaty"}
NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "both": 2, "dozen": 12,
}
# "a ninth person died later": the ordinal is the running total, not one more
ORDINAL_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                 "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                 "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "punct", "parataxis", "prep_skip"}
# Verbs whose object noun is an event carried out by the subject ("militants carried out an attack").
PERFORM_VERBS = {"carry", "launch", "conduct", "stage", "mount", "perpetrate", "commit", "hold",
                 "organize", "organise", "lead", "execute", "claim", "orchestrate", "plan", "make",
                 "start", "begin", "call", "join", "undertake", "unleash", "resume", "continue"}
# Verbs whose subject undergoes the event named by their object ("X survived an attack").
UNDERGO_VERBS = {"subject", "survive", "suffer", "face", "undergo", "escape", "experience",
                 "endure", "expose", "sustain"}
PROMINENCE_WEIGHT = 0.75  # per half clause level (see clause_depth / set_depths)
LEAD_WEIGHT = 1.0  # bonus for the event told in the main clause of the first sentence
STATUS_RANK = {"occurred": 5, "attempted": 5, "failed": 4, "alleged": 3, "denied": 1,
               "future": 0, "hypothetical": 0, "negated": -1, "historical": -2}


# --------------------------------------------------------------------------- lexicon

@dataclass
class Lexicon:
    triggers: list[dict]
    by_lemma: dict[str, list[dict]]
    weapon_cues: list[dict]
    assault_modes: list[dict]
    words: dict[str, set[str]]
    status: dict[str, list[str]]
    toll: dict
    territory: dict
    security_words: list[str]


@lru_cache(maxsize=None)
def load_lexicon(name: str = "events.yaml") -> Lexicon:
    """Load and index the trigger lexicon once per process."""
    text = resources.files("eventlens.pipeline").joinpath("lexicons", name).read_text("utf-8")
    data = yaml.safe_load(text)
    by_lemma: dict[str, list[dict]] = {}
    for entry in data["triggers"]:
        for lemma in entry["lemmas"]:
            by_lemma.setdefault(str(lemma).lower(), []).append(entry)
    words = {k: {str(w).lower() for w in data[k]}
             for k in ("armed_state", "armed_nonstate", "civilian", "mob", "protest_violent",
                       "protest_force", "protest_intervention", "protester_words", "property_targets",
                       "crowd_people", "crowd_collective", "symbolic_targets", "crowd_weapons",
                       "non_civilian_targets", "protest_turns", "protest_sparks", "labour_strike")}
    return Lexicon(security_words=data["security_words"], triggers=data["triggers"], by_lemma=by_lemma, weapon_cues=data["weapon_cues"],
                   assault_modes=data["assault_modes"], words=words, status=data["status"],
                   toll=data["toll"], territory=data["territory"])


@lru_cache(maxsize=8192)
def _phrase_re(phrase: str) -> tuple[str, re.Pattern]:
    low = phrase.lower()
    return low, re.compile(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])")


def has_phrase(haystacks: Iterable[str], phrases: Iterable[str]) -> Optional[str]:
    """The first phrase found as a whole word in any haystack (lowercased text or lemmas)."""
    hays = list(haystacks)
    for p in phrases:
        low, rx = _phrase_re(str(p))
        # (a plain substring test first: most phrases are in no haystack at all)
        if any(low in h for h in hays) and any(rx.search(h) for h in hays):
            return str(p)
    return None


def sent_hays(sent) -> tuple[str, str]:
    """Lowercased sentence text and its lemma string, for cue matching.

    Capitalised proper nouns inside the sentence are left out: "Shell" (the company) and
    "Grad Street" must not fire weapon cues."""
    toks = [t for t in sent if not (t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start)]
    return " ".join(t.lower_ for t in toks), " ".join(t.lemma_.lower() for t in toks)


def sentences(doc) -> list:
    """spaCy sentences cut at line breaks: headings and captions are not part of the next sentence."""
    cached = doc.user_data.get("eventlens_sentences")
    if cached is not None:
        return cached
    out = []
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    out.append(doc[start:t.i])
                start = t.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    out = [s for s in out if any(not (t.is_space or t.is_punct) for t in s)]
    doc.user_data["eventlens_sentences"] = out
    return out


# --------------------------------------------------------------------------- candidates

@dataclass
class Candidate:
    token: object                      # spaCy Token (the trigger)
    sent: object                       # spaCy Span (its sentence)
    entry: dict
    plover: str
    mode: str = ""
    acled: tuple = (None, None)
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actor_words: set = field(default_factory=set)   # head lemmas of the agent phrase
    target_words: set = field(default_factory=set)  # head lemmas of the target phrase
    actor_crowd: bool = False          # the agent is a crowd of unorganised people ("residents", "a group of people")
    target_crowd: bool = False         # the other side is one ("a clash between supporters of two parties")
    counts: dict = field(default_factory=dict)      # size / weapons_count / arrested (event_toll)
    crowd_heads: list = field(default_factory=list)  # agent tokens naming a crowd ("residents")
    actor_kind: str = ""               # classify() of the agent: state, nonstate, crowd, protester, civilian or ""
    target_kind: str = ""              # classify() of the target
    status: str = "occurred"
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    confidence: float = 0.5
    notes: list[str] = field(default_factory=list)
    mentions: list = field(default_factory=list)   # merged Candidates (evidence)
    absorbed_into: Optional["Candidate"] = None
    place: object = None
    geo_precision: Optional[int] = None
    site: object = None               # a village without coordinates named as the place (places.locate_event)
    date: Optional[dt.date] = None
    time_precision: Optional[int] = None
    explicit_date: bool = False
    fixed: bool = False                 # ACLED sub-type set by the trigger entry itself
    intent: bool = False                # recoded as a stated intention (AGREE/THREATEN): the statement occurred
    accused_act: bool = False           # what someone is accused of: not reported as having occurred
    renames: Optional["Candidate"] = None  # the earlier mention of its sentence it names again
    depth: int = 0                      # clause embedding of the trigger (0 = the sentence's main clause)
    sent_cands: list = field(default_factory=list, repr=False)  # all candidates of its sentence

    @property
    def family(self) -> str:
        return self.plover

    @property
    def acled_coded(self) -> bool:
        return self.acled[0] is not None


def _dep_lemmas(tok, deps: set[str]) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in deps}


def _phrase_lemmas(tok, limit: int = 8) -> set[str]:
    toks = sorted(phrase_tokens(tok), key=lambda t: abs(t.i - tok.i))[:limit]
    return {t.lemma_.lower() for t in toks}


def _arg_lemmas(tok) -> set[str]:
    """Lemmas of the trigger's arguments: objects, subjects, compounds, prepositional objects."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound", "amod", "attr", "oprd", "npadvmod", "advmod"):
            out |= _phrase_lemmas(c)
        elif c.dep_ in ("prep", "agent", "prt"):
            out.add(c.lemma_.lower())
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    out |= _phrase_lemmas(g)
    # "soldiers were wounded and evacuated": a conjoined verb without a subject shares its head's
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        for c in tok.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out |= _phrase_lemmas(c)
    # "X was hit/attacked": a noun trigger's head verb and "two of them" style objects
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.add(tok.head.lemma_.lower())
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and not (
            tok.dep_ == "dobj" and any(k.dep_ == "oprd" for k in tok.head.children)):
        out.add(tok.head.lemma_.lower())  # (not "called the strike a heinous act": a naming verb)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        out.add(tok.head.head.lemma_.lower())   # "a note of protest": the noun the event is "of"
    return out


def _told_about_a_person(tok) -> bool:
    """A surrender told only to place or describe someone: a past-perfect "after/when he had
    surrendered" (the circumstance of another act: "accused the police of executing him after he
    had surrendered"), or a relative clause about the speaker of the sentence ("said a former
    fighter of the group, who surrendered on Monday"). Neither is the event the text reports."""
    if tok.pos_ != "VERB":
        return False
    if tok.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ in ("had", "'d") for k in tok.children) \
            and any(k.dep_ == "mark" and k.lower_ in ("after", "when", "once", "before", "until", "since") for k in tok.children):
        return True
    if tok.dep_ == "relcl" and any(k.dep_ == "nsubj" and k.lower_ == "who" for k in tok.children):
        person = tok.head
        if person.dep_ == "pobj" and person.head.lower_ == "of" and person.head.head.pos_ == "NOUN":
            person = person.head.head   # "a former fighter of the ADF, who ...": the fighter
        return person.dep_ == "nsubj" and person.head.lemma_.lower() in REPORTING_VERBS
    return False


def _match_entry(tok, entry: dict, hays: tuple[str, str]) -> bool:
    if tok.pos_ not in entry.get("pos", ["VERB", "NOUN"]):
        return False
    if "needs_prt" in entry:
        prts = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "advmod", "acomp", "oprd")
                or c.dep_ in ("ccomp", "xcomp") and c.pos_ == "ADJ"}   # "found them guilty"
        if not prts & set(entry["needs_prt"]):
            return False
    if "needs_prt_or_prep" in entry:
        preps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "prep")}
        if not preps & set(entry["needs_prt_or_prep"]):
            return False
    if "needs_compound" in entry:
        mods = _dep_lemmas(tok, {"compound", "amod", "nmod", "npadvmod", "poss"})
        if not mods & {str(x) for x in entry["needs_compound"]}:
            return False
    if "unless_compound" in entry and _dep_lemmas(tok, {"compound", "amod"}) & set(entry["unless_compound"]):
        return False
    if "needs_obj_ent" in entry and not any(
            ch.dep_ == "dobj" and (ch.ent_type_ in entry["needs_obj_ent"] or "PLACE" in entry["needs_obj_ent"]
                                   and place_at(tok.doc, ch.idx, ch.idx + len(ch)) is not None)
            for ch in tok.children):
        return False
    if "unless_dobj" in entry and _dep_lemmas(tok, {"dobj", "ccomp"}) & set(entry["unless_dobj"]):
        return False
    if "unless_text" in entry:
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if {tok.lower_, f"{tok.lower_} {nxt}"} & set(entry["unless_text"]):
            return False
    if "needs_dobj" in entry and not _dep_lemmas(tok, {"dobj"}) & {str(x) for x in entry["needs_dobj"]}:
        return False
    if "unless_xcomp" in entry and _dep_lemmas(tok, {"xcomp"}) & {str(x) for x in entry["unless_xcomp"]}:
        return False
    if entry.get("unless_about_person") and _told_about_a_person(tok):
        return False
    if entry.get("dobj_in_args") and "needs_arg" in entry:
        # a direct object must itself be one of the arguments asked for (or a place): "regained
        # strength in the coastal districts" takes no ground
        wanted = {str(x) for x in entry["needs_arg"]}
        words = load_lexicon().words   # (people taken are told as before: "captured two soldiers")
        wanted = wanted | words["armed_state"] | words["armed_nonstate"] | words["civilian"]
        for ch in tok.children:
            own = {ch.lemma_.lower()} | _dep_lemmas(ch, {"compound", "amod"}) | {
                g.lemma_.lower() for k in ch.children if k.dep_ == "prep" and k.lower_ == "of" for g in k.children}
            if ch.dep_ == "dobj" and not (own & wanted) and ch.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP") \
                    and ch.pos_ == "NOUN" and not ch.like_num and not any(k.like_num for k in ch.children) \
                    and place_at(tok.doc, ch.idx, ch.idx + len(ch)) is None:
                return False
    if "unless_pobj" in entry and any(
            g.dep_ == "pobj" and g.lemma_.lower() in entry["unless_pobj"]
            for c in tok.children if c.dep_ == "prep" for g in c.children):
        return False
    if "needs_governor" in entry and not _governors(tok) & {str(x) for x in entry["needs_governor"]}:
        return False
    if "needs_dep" in entry and not any(ch.dep_ in entry["needs_dep"] for ch in tok.children):
        return False
    if entry.get("needs_ccomp_before") and not any(
            ch.dep_ in ("ccomp", "parataxis") and ch.i < tok.i for ch in tok.children):
        return False
    if "needs_ccomp_aux" in entry and not any(
            (ch.dep_ == "ccomp" or tok.pos_ == "NOUN" and ch.dep_ == "acl")   # "a reminder that it must ..."
            and any(a.dep_ == "aux" and a.lower_ in entry["needs_ccomp_aux"] for a in ch.children)
            for ch in tok.children):
        return False
    args = None
    if "needs_arg" in entry:
        args = _arg_lemmas(tok)
        if not args & {str(x) for x in entry["needs_arg"]}:
            return False
    if "unless_arg" in entry:
        args = args if args is not None else _arg_lemmas(tok)
        if args & {str(x) for x in entry["unless_arg"]}:
            return False
    if "unless_subject" in entry and tok.pos_ == "VERB":
        subj, passive = _subject_of(tok)
        subj = subj if subj is not None else accused_doer(tok)   # "accused Washington of occupying Iraq"
        if subj is not None and not passive and (
                _phrase_lemmas(subj) & {str(x) for x in entry["unless_subject"]}
                or "GPE" in entry["unless_subject"] and subj.ent_type_ == "GPE"):
            return False
    if "needs_sentence" in entry and not has_phrase(hays, entry["needs_sentence"]):
        return False
    if "unless_sentence" in entry and has_phrase(hays, entry["unless_sentence"]):
        return False
    if "unless_context" in entry and has_phrase(context_hays(tok, entry.get("context_before", 0)),
                                                entry["unless_context"]):
        return False
    if "needs_context" in entry and not has_phrase(context_hays(tok, entry.get("context_before", 0)),
                                                    entry["needs_context"]):
        return False
    return True


def _governors(tok) -> set[str]:
    """Lemmas of the verb a noun is the object of, directly or through a preposition ("accused
    X of a strike", "denied the strike"), with the verbs coordinated with it ("neither confirmed
    nor denied the strike")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass", "attr"):
        return set()
    if head.pos_ not in ("VERB", "AUX") or head is tok:
        return set()
    verbs = [head, *[k for k in head.children if k.dep_ == "conj"]]
    if head.dep_ == "conj":
        verbs.append(head.head)
    return {v.lemma_.lower() for v in verbs}


def context_hays(tok, before: int = 0) -> list[str]:
    """Text and lemmas of the trigger's sentence, the next two sentences of its paragraph and
    ``before`` sentences before it ("... carried out a strike on the village. The opposition
    called the strike a heinous act": the strike told before)."""
    allsents = sentences(tok.doc)
    idx = next((i for i, s in enumerate(allsents) if s.start <= tok.i < s.end), None)
    if idx is None:
        return []
    probe = Candidate(token=tok, sent=allsents[idx], entry={}, plover="")
    return [h for s in allsents[max(0, idx - before):idx] + context_sents(probe) for h in sent_hays(s)]


def _misparsed_modifier(tok) -> bool:
    """"in support of 15 illegally detained farmers": a participle between a number or determiner
    and its noun that the parser made a coordinated verb (no "and", no comma, no subject)."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBN", "VBD") or any(
            k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for k in tok.children):
        return False
    if any(k.dep_ in ("cc", "punct") and k.i < tok.i for k in tok.head.children if k.i > tok.head.i):
        return False
    start = min([tok.i] + [k.i for k in tok.children if k.dep_ == "advmod" and k.i < tok.i])
    if start == 0:
        return False
    prev = tok.doc[start - 1]
    return prev.pos_ in ("NUM", "DET") and prev.dep_ in ("pobj", "dobj", "nummod", "det") and prev.i > tok.head.i


def find_triggers(doc, lex: Lexicon) -> list[Candidate]:
    out = []
    for sent in sentences(doc):
        hays = None
        for tok in sent:
            entries = None
            if tok.i + 2 < sent.end and tok.nbor(1).text == "-":  # "shoot-out", "drive-by"
                entries = lex.by_lemma.get(f"{tok.lower_}-{tok.nbor(2).lower_}")
            entries = entries or lex.by_lemma.get(tok.lemma_.lower()) or lex.by_lemma.get(tok.lower_)
            if not entries or tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
                continue
            if tok.pos_ == "VERB" and (tok.dep_ == "amod" or _misparsed_modifier(tok)):
                continue  # "a destroyed vehicle" describes a state, it does not report an event
            if tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") \
                    and any(k.dep_ == "det" for k in tok.children):
                continue  # "evacuated the wounded": the people it names, not an event
            hays = hays or sent_hays(sent)
            for entry in entries:
                if _match_entry(tok, entry, hays):
                    plover, mode = entry["plover"]
                    out.append(Candidate(token=tok, sent=sent, entry=entry, plover=plover,
                                         mode=mode or "", confidence=float(entry.get("weight", 0.5))))
                    break
    _military_strikes(out, lex)
    # "a ceasefire agreement violated", "an assassination attempt": a modifier the head's entry asked
    # for (needs_compound) is part of the head's event, not one of its own
    heads = {c.token.i: c for c in out}
    return [c for c in out if not (
        c.token.dep_ == "compound" and c.token.head.i in heads
        and c.token.lemma_.lower() in {str(x) for x in heads[c.token.head.i].entry.get("needs_compound", ())})]


def _military_strikes(cands: list[Candidate], lex: Lexicon) -> None:
    """In an article that tells a military strike ("An air strike hit a depot"), another bare
    "strike" ("Israel silent on strike", "neither confirmed nor denied the strike") is that kind
    too, unless its context speaks of work stoppages (workers, unions, wages)."""
    if not any(c.plover == "ASSAULT" and c.token.lemma_.lower() in ("strike", "airstrike") for c in cands):
        return
    violent = next((e for e in lex.by_lemma.get("strike", []) if e["plover"][0] == "ASSAULT"
                    and "NOUN" in e.get("pos", ()) and "needs_governor" in e), None)
    if violent is None:
        return
    labour = lex.words["labour_strike"]
    for c in cands:
        if c.plover == "PROTEST" and c.mode == "strike" and c.token.pos_ == "NOUN" \
                and not has_phrase(context_hays(c.token, 2), labour):
            c.entry, c.plover, c.mode = violent, "ASSAULT", ""
            c.confidence = float(violent.get("weight", 0.5))
            c.notes.append("a strike in an article about military strikes -> ASSAULT")


def verb_of_argument(c: Candidate) -> Optional[Candidate]:
    """"an investigation would be opened", "launched a probe": the verb trigger whose entry asked
    for this noun as its argument (needs_arg); the noun names the verb's event, told with the
    verb's status."""
    if c.token.dep_ not in ("dobj", "nsubjpass"):
        return None
    return next((h for h in c.sent_cands if h is not c and h.token.i == c.token.head.i and h.token.pos_ == "VERB"
                 and h.plover == c.plover and c.token.lemma_.lower() in {str(x) for x in h.entry.get("needs_arg", ())}),
                None)


def _undergoer(tok) -> bool:
    """What the head verb acts on: its object, a passive subject, or the subject of a headline's
    bare participle ("Peace deal signed")."""
    return tok.dep_ in ("dobj", "nsubjpass") or tok.dep_ == "nsubj" and tok.head.tag_ == "VBN" and not any(
        k.dep_ == "aux" and k.lemma_.lower() == "have" for k in tok.head.children) or (
        tok.dep_ == "nsubj" and tok.head.tag_ == "VBD" and tok.head.dep_ == "ROOT" and _title_line_tok(tok)
        and not any(k.dep_ == "dobj" for k in tok.head.children))


def _title_line_tok(tok) -> bool:
    return tok.sent.start == 0 and "\n" in doc_text(tok.doc)[tok.sent.start_char:tok.sent.end_char + 3]


def named_by_verb(c: Candidate) -> bool:
    """"signed a peace agreement": the verb trigger whose entry asked for this noun as its
    argument and that the noun codes for ACLED (an agreement signed) reports the one event; the
    noun is its object, not a second event of its own type (PLOVER codes the signing, SUPPORT)."""
    noun = c.token.head if c.token.dep_ == "compound" else c.token   # ("a ceasefire agreement")
    if c.acled[0] is None:
        return False
    # its verb: the one it is the object of, or a participle describing it ("Peace deal signed")
    verbs = {noun.head.i} if _undergoer(noun) else set()
    verbs |= {k.i for k in noun.children if k.dep_ == "acl" and k.tag_ == "VBN"}
    return any(h is not c and h.token.i in verbs and h.token.pos_ == "VERB" and h.plover != c.plover
               and h.acled == c.acled and h.status == c.status
               and c.token.lemma_.lower() in {str(x) for x in h.entry.get("needs_arg", ())} for h in c.sent_cands)


# --------------------------------------------------------------------------- roles

def phrase_tokens(tok, bounds=None) -> list:
    """The token's noun phrase without attached clauses, inside its line-clipped sentence."""
    if bounds is None:
        sent = next((s for s in sentences(tok.doc) if s.start <= tok.i < s.end), None)
        bounds = (sent.start, sent.end) if sent is not None else (0, len(tok.doc))
    out = [tok]
    for c in tok.children:
        if c.dep_ in CLAUSE_DEPS or c.is_space or not (bounds[0] <= c.i < bounds[1]):
            continue
        out.extend(phrase_tokens(c, bounds))
    return out


LOCATIVE_PREPS = {"in", "near", "at", "on", "across", "along", "outside", "inside", "around", "off"}


def _where(tok) -> set[int]:
    """Place names in the locative phrases inside ``tok``'s phrase ("violence in central Mali", "port
    facilities on the Danube"): they say where, they name no participant."""
    out = set()
    for p in tok.subtree:
        if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS and p.i != tok.i:
            objs = [g for g in p.children if g.dep_ == "pobj"]
            if objs and all(_is_place(g) or g.pos_ == "NOUN" and any(_is_place(k) for k in g.subtree)
                            for g in objs):
                out |= {x.i for x in p.subtree if _is_place(x)}
    return out


def _site(tok) -> bool:
    """"attacked port facilities on the Danube": a river, coast or site, not a country, says where."""
    if tok.ent_type_ in ("LOC", "FAC"):
        return True
    place = place_at(tok.doc, tok.idx, tok.idx + len(tok)) if tok.pos_ == "PROPN" else None
    return place is not None and place.feature not in ("country", "admin1", "admin2", None)


def _is_place(tok) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.pos_ == "PROPN" and \
        place_at(tok.doc, tok.idx, tok.idx + len(tok)) is not None


def actors_in(doc, tok) -> list[str]:
    """Actor ids whose mentions overlap the phrase headed by ``tok`` (head first); places named
    in a locative phrase inside it are left out."""
    ids = []
    head = actor_at(doc, tok.idx, tok.idx + len(tok))
    if head is not None:
        ids.append(head.id)
    where = _where(tok)
    for t in sorted(phrase_tokens(tok), key=lambda t: t.i):
        if t.i in where:
            continue
        a = actor_at(doc, t.idx, t.idx + len(t))
        if a is not None and a.id not in ids:
            ids.append(a.id)
    return ids


def _conj_heads(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conj_heads(c))
    return out


def _is_date_word(tok) -> bool:
    """A date parsed as a subject ("On 2 May 2022, rioters attacked": "May" as nsubj) -- not an
    ordinal or counted subject ("the third managed to carry out the attack")."""
    if tok.ent_type_ == "ORDINAL" or any(c.dep_ == "det" for c in tok.children):
        return False
    return tok.ent_type_ in ("DATE", "TIME") or tok.like_num


def _has_object(verb) -> bool:
    """A verb, or a verb coordinated with it, taking a direct object."""
    return any(c.dep_ == "dobj" for v in [verb] + [c for c in verb.children if c.dep_ == "conj"]
               for c in v.children)


def _subject_of(verb):
    """Active subject of a verb, inherited through conj/xcomp chains."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        real = [c for c in subj if not _is_date_word(c)]
        if real:
            before = [c for c in real if c.i < v.i]
            return (before[-1] if before else real[0]), False
        subjp = [c for c in v.children if c.dep_ == "nsubjpass"]
        if subjp:
            return subjp[0], True
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a group of people tortured and buried seven people": a parse of an active
            # clause as a reduced relative; a passive participle takes no direct object
            return v.head, v.tag_ == "VBN" and not _has_object(v)
        break
    return None, False


def is_crowd(tok, lex: "Lexicon") -> bool:
    """An unorganised group of people: a plural people noun ("residents", "students") or a
    collective ("a mob", "a group of people") -- ACLED's rioters when they turn violent."""
    lem = tok.lemma_.lower()
    if lem in lex.words["crowd_collective"]:
        return True
    of = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if lem in ("group", "section", "number", "band", "gang", "handful", "dozen", "hundred", "thousand", "score") \
            and of or tok.like_num:
        return any(is_crowd(g, lex) for g in of)
    return lem in lex.words["crowd_people"] and tok.tag_ in ("NNS", "NNPS")


WEAPON_AGENTS = {"drone", "missile", "rocket", "bomb", "plane", "aircraft", "gunfire"}


def find_roles(doc, c: Candidate, lex: "Lexicon" = None) -> None:
    lex = lex or load_lexicon()
    tok = c.token
    agents, patients = [], []
    if tok.pos_ == "VERB":
        passive = any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children)
        # "shot four traders at a checkpoint": with civilian victims told, "at" says where, not at
        # whom (not "fired tear gas at protesters")
        told_whom = any(ch.dep_ == "dobj" and ch.lemma_.lower() in lex.words["civilian"] for ch in tok.children)
        subj, subj_passive = _subject_of(tok)
        if subj is not None:
            (patients if (passive or subj_passive) else agents).append(subj)
        for ch in tok.children:
            if ch.dep_ == "dobj":
                patients.append(ch)
            elif ch.dep_ == "agent":
                agents.extend(g for g in ch.children if g.dep_ == "pobj")
            elif ch.dep_ == "prep" and ch.lower_ in ("on", "against", "upon", "at"):
                for g in ch.children:
                    if g.dep_ == "pobj" and not (ch.lower_ == "at" and (g.ent_type_ in ("GPE", "LOC", "FAC") or told_whom)) \
                            and not (ch.lower_ == "on" and _site(g)):
                        patients.append(g)
            elif ch.dep_ == "prep" and ch.lower_ == "with" and c.plover in ("ASSAULT", "CONSULT", "AGREE", "COOPERATE"):
                partners = [g for g in ch.children if g.dep_ == "pobj"]
                if c.entry.get("acled") in (["Battles", "Armed clash"], "clash") or c.plover != "ASSAULT":
                    (patients if c.plover == "ASSAULT" else agents).extend(partners)
    else:
        victim_nouns = {"assassination", "killing", "murder", "arrest", "abduction", "kidnapping",
                        "detention", "release", "execution", "targeting"}
        victim_poss = bool(({tok.lemma_.lower()} | _dep_lemmas(tok, {"compound", "amod"})) & victim_nouns)
        for ch in tok.children:
            if ch.dep_ == "poss":
                (patients if victim_poss else agents).append(ch)
            elif ch.dep_ == "prep":
                objs = [g for g in ch.children if g.dep_ == "pobj"]
                if ch.lower_ in ("on", "against", "upon", "targeting"):
                    patients.extend(objs)
                elif ch.lower_ == "by":
                    agents.extend(o for o in objs if o.lemma_.lower() not in
                                  {"drone", "missile", "rocket", "bomb", "plane", "aircraft", "gunfire"})
                elif ch.lower_ == "of":
                    (agents if c.plover in ("PROTEST", "CONSULT", "MOBILIZE", "COOPERATE") else patients).extend(objs)
                elif ch.lower_ in ("with", "between") and c.plover in ("CONSULT", "AGREE", "ASSAULT"):
                    (agents if c.plover != "ASSAULT" else patients).extend(objs)
            elif ch.dep_ == "compound" and ch.pos_ == "PROPN":
                agents.append(ch)
            elif ch.dep_ == "acl":  # "the attack carried out by drones on X's residence"
                for g in ch.children:
                    if g.dep_ == "prep" and g.lower_ in ("on", "against", "upon"):
                        patients.extend(x for x in g.children if x.dep_ == "pobj")
                    elif g.dep_ == "agent":
                        for x in g.children:
                            if x.dep_ != "pobj":
                                continue
                            if x.lemma_.lower() not in WEAPON_AGENTS:
                                agents.append(x)
                            else:  # "carried out by drones on X's residence": "on" hangs off the weapon
                                patients.extend(y for p in x.children if p.dep_ == "prep" and p.lower_ in
                                                ("on", "against", "upon") for y in p.children if y.dep_ == "pobj")
        if c.entry.get("acled") == "clash" and tok.dep_ in ("nsubj", "pobj"):
            # "clashes erupted between two families", "killed in a clash between X and Y"
            verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
            if verb.i != tok.i and not any(ch.dep_ == "prep" and ch.lower_ in ("between", "with") for ch in tok.children):
                patients.extend(g for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"
                                for g in p.children if g.dep_ == "pobj")
        head = tok.head
        # "X was subjected to / survived an attack" -> X is the target
        verb = head.head if tok.dep_ == "pobj" and head.dep_ == "prep" else head
        if verb.pos_ in ("VERB", "AUX") and verb.i != tok.i:
            subj, subj_passive = _subject_of(verb)
            vl = verb.lemma_.lower()
            if subj is not None:
                if vl in UNDERGO_VERBS:
                    patients.append(subj)
                elif tok.dep_ == "dobj" and vl in PERFORM_VERBS and not subj_passive \
                        and not any(k.dep_ == "oprd" for k in verb.children):
                    agents.append(subj)  # not "X called the strike a heinous act": X names it
            if tok.dep_ in ("nsubj",) and vl in {"target", "hit", "strike", "kill", "injure", "wound", "destroy", "damage"} \
                    and c.entry.get("acled") != "clash":
                # ("clashes killed 20 people": those killed in fighting are its toll, not a side of it)
                patients.extend(ch for ch in verb.children if ch.dep_ == "dobj")
    heads = [h for g in agents for h in _conj_heads(g)]
    c.actor_crowd = any(is_crowd(h, lex) for h in heads)
    c.target_crowd = any(is_crowd(h, lex) for g in patients for h in _conj_heads(g))
    c.crowd_heads = [h for h in heads if is_crowd(h, lex) or h.lemma_.lower() in lex.words["protester_words"]
                     or h.lower_ in lex.words["protester_words"]]
    for group, words, ids in ((agents, c.actor_words, c.actors), (patients, c.target_words, c.targets)):
        for g in group:
            for h in _conj_heads(g):
                words.add(h.lemma_.lower())
                words |= _phrase_lemmas(h)
                if "armed" in {x.lower_ for x in h.children}:
                    words.add("armed")
                if h.lower_ == "them" or h.lemma_.lower() in ("of",):
                    continue
                head_actor = actor_at(h.doc, h.idx, h.idx + len(h))
                for aid in actors_in(h.doc, h):
                    if aid not in ids and (ids is c.targets or _may_act(h.doc, aid, head_actor)):
                        ids.append(aid)
    # an actor never targets itself in one mention (parser slips on apposition)
    c.targets[:] = [t for t in c.targets if t not in c.actors] or c.targets


SPEAKER_RUN_ACTS = {("ACCUSE", "investigate")}   # acts a speaker announces for its own side


def _reporting_verb(tok, depth: int = 5, through=None):
    """The reporting verb whose content clause the trigger is in ("said an investigation would be
    opened"), or None. ``through``: the only relations the climb to that clause may pass."""
    h, said = tok, False
    for _ in range(depth):
        if h.dep_ in ("ccomp", "parataxis"):
            said = True
        elif through is not None and h.dep_ not in through:
            return None
        if h.head.i == h.i:
            return None
        h = h.head
        if said and h.pos_ in ("VERB", "AUX"):
            return h if h.lemma_.lower() in REPORTING_VERBS else None
    return None


def speakers_side(doc, c: Candidate) -> None:
    """"The army said an investigation would be opened": an inquiry announced with no one named to
    open it is opened by the speaker's side (an organisation the speaker is named with, else the
    speaker). A pronoun speaker ("He added that ...") is the speaker of the sentence before."""
    if (c.plover, c.mode) not in SPEAKER_RUN_ACTS or c.actors or c.actor_words:
        return
    verb = _reporting_verb(c.token)
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None) if verb is not None else None
    if subj is not None and subj.pos_ == "PRON":
        allsents = sentences(doc)
        n = next((i for i, x in enumerate(allsents) if x.start <= subj.i < x.end), 0)
        before = allsents[n - 1] if n > 0 else None
        root = before.root if before is not None else None
        subj = next((k for k in root.children if k.dep_ == "nsubj" and k.pos_ != "PRON"), None) \
            if root is not None and root.lemma_.lower() in REPORTING_VERBS else None
    if subj is None:
        return
    ids = actors_in(doc, subj)
    # "the army spokesman": the organisation a modifier names, as the text names it elsewhere
    for mod in (k for k in subj.children if k.dep_ in ("compound", "poss", "amod")):
        ids.extend(a.id for a in doc._.actors or [] if a.kind != "person" and a.id not in ids
                   and mod.lower_ in {x.lower() for x in a.aliases_seen})
    kinds = {aid: getattr(_actor_by_id(doc, aid), "kind", None) for aid in ids}
    side = next((aid for aid in ids if kinds[aid] != "person"), ids[0] if ids else None)
    if side is not None:
        c.actors.append(side)
        c.notes.append("announced by its side: the speaker's side opens it")


# Actor links that only say where someone is from ("Iraqi", "in Baghdad") or that an unnamed
# civilian owner exists ("houses"): weak evidence of who acted.
WEAK_LINKS = {"place", "demonym"}


def _may_act(doc, aid: str, head_actor) -> bool:
    """Can actor ``aid``, found in an agent phrase, be the acting side? Implied civilians never;
    a state known only from a place name or demonym only when it heads the phrase (the subject
    itself: "Iraq expelled ...", not "Iraqi Prime Minister X")."""
    actor = _actor_by_id(doc, aid)
    if actor is None:
        return True
    if actor.link == "implied":
        return False
    if actor.link in WEAK_LINKS:
        return head_actor is not None and head_actor.id == aid
    return True


# --------------------------------------------------------------------------- coding

def _actor_by_id(doc, aid):
    for a in doc._.actors or []:
        if a.id == aid:
            return a
    return None


# CRM: gangs and cartels, which ACLED codes as armed (political militia) actors
ARMED_SECTORS = {"MIL", "COP", "POL", "SPY", "REB", "INS", "MLT", "UAF", "PRM", "IMG", "CRM"}

STATE_SECTORS = {"MIL", "COP", "POL", "SPY"}
# Words in the name of an organisation the knowledge base does not know that make it armed
ARMED_NAME_WORDS = {"army", "force", "forces", "militia", "brigade", "brigades", "battalion", "liberation",
                    "defense", "defence", "front", "guerrilla", "mujahideen", "jihad", "cartel", "gang", "commando"}
ARMED = {"state", "nonstate"}


def classify(doc, words: set[str], ids: list[str], lex: Lexicon, crowd: bool = False, agent: bool = False) -> str:
    """'state', 'nonstate', 'crowd', 'protester', 'civilian' or '' for an argument.

    Linked actors' sectors decide first; then the phrase's words. ``crowd`` (an unorganised
    group of people as the agent) wins over the civilian nouns it is made of. A named person
    or group of unknown sector is a civilian only as a target: the one who attacks is
    unknown ("the Yoma Tiger ambushed a patrol")."""
    for aid in ids:
        a = _actor_by_id(doc, aid)
        if a is None:
            continue
        if a.sector in STATE_SECTORS:
            return "state"
        if a.sector in ARMED_SECTORS:
            return "nonstate"
        if a.sector is None and a.kind in ("organization", "group") and \
                set(re.findall(r"[a-z]+", a.name.lower())) & ARMED_NAME_WORDS:
            return "nonstate"  # an unknown "... Defense Force", "... Liberation Army": an armed group
    w = lex.words
    if words & w["protester_words"] - {"activist", "activists", "supporters", "crowd"}:
        return "protester"
    if words & w["armed_state"]:
        return "state"
    if words & w["armed_nonstate"]:
        return "nonstate"
    if crowd or words & w["mob"]:
        return "crowd"
    if words & w["civilian"]:
        return "civilian"
    for aid in ids:
        a = _actor_by_id(doc, aid)
        if a is not None and a.kind in ("person",) and not agent:
            return "civilian"
    return ""


def _sides(doc, c: Candidate, lex: Lexicon) -> tuple[str, str]:
    c.actor_kind = classify(doc, c.actor_words, c.actors, lex, crowd=c.actor_crowd, agent=True)
    c.target_kind = classify(doc, c.target_words, c.targets, lex)
    if c.target_kind == "state" and ({"off-duty", "retired"} & c.target_words or {"off", "duty"} <= c.target_words):
        c.target_kind = "civilian"  # ACLED: off-duty and retired security personnel are civilians
    if c.target_kind in ARMED and {"former", "ex", "ex-", "demobilized", "demobilised", "retired"} & c.target_words:
        c.target_kind = "civilian"  # former members of a force or an armed group are civilians now
    plural = c.actor_words | {w + "s" for w in c.actor_words}
    if c.actor_kind == "crowd" and not plural & lex.words["mob"] and \
            has_phrase(clause_hays(c.token), lex.assault_modes[0]["cues"]):
        # "members of a group opened fire": people who use guns are an armed group, not a mob
        c.actor_kind = "nonstate"
        c.notes.append("armed with guns -> armed group")
    return c.actor_kind, c.target_kind


def context_sents(c: Candidate, after: int = 2) -> list:
    """The trigger's sentence and up to ``after`` following sentences of the same paragraph."""
    doc = c.sent.doc
    allsents = sentences(doc)
    idx = next((i for i, s in enumerate(allsents) if s.start == c.sent.start), None)
    if idx is None:
        return [c.sent]
    sents = [c.sent]
    for nxt in allsents[idx + 1: idx + 1 + after]:
        if "\n" in doc_text(doc)[sents[-1].end_char:nxt.start_char]:
            break
        sents.append(nxt)
    return sents


def code_acled(doc, c: Candidate, lex: Lexicon) -> None:
    rule = c.entry.get("acled")
    hays = sent_hays(c.sent)
    if isinstance(rule, list):
        c.acled = tuple(rule)
        c.fixed = True
        c.notes.append(f"ACLED rule: fixed {rule[1]}")
    elif rule is None:
        c.acled = (None, None)
    elif rule == "violence":
        _code_violence(doc, c, lex, hays)
    elif rule == "protest":
        _protest.code_protest(doc, c, lex)
    elif rule == "protest_force":
        c.acled = ("Protests", "Protest with intervention")
    elif rule == "clash":
        _code_clash(doc, c, lex)
    elif rule == "property":
        victims = c.target_words
        if victims & lex.words["symbolic_targets"] and not victims & lex.words["property_targets"]:
            # "burned an effigy / the party flag": a protest's message, not property destruction
            c.plover, c.mode = "PROTEST", "demo"
            c.acled = ("Protests", "Peaceful protest")  # other mentions of the protest may say more
            c.notes.append("symbolic burning -> PROTEST")
        elif victims & lex.words["civilian"] - lex.words["property_targets"] or has_phrase(hays, ["killed", "injured", "wounded"]):
            c.plover, c.mode = "ASSAULT", c.mode or ""
            _code_violence(doc, c, lex, hays)
        elif c.actor_crowd and (c.actor_words | {w + "s" for w in c.actor_words}) & lex.words["mob"]:
            c.acled = ("Riots", "Mob violence")
            c.notes.append("ACLED rule: property destroyed by a mob -> Mob violence")
        else:
            c.acled = ("Strategic developments", "Looting/property destruction")
            c.notes.append("ACLED rule: property destroyed, nobody harmed")
    elif rule == "agreement":
        # the agreement itself ("a truce"), or signing one ("signed a peace deal"): its object names it
        named = {c.token.lemma_.lower()} | ({k.lemma_.lower() for k in c.token.children if _undergoer(k)}
                                            if c.token.pos_ == "VERB" else set())
        c.acled = ("Strategic developments", "Agreement") if named & AGREEMENT_NOUNS else (None, None)
    elif rule == "territory":
        kind, _ = _sides(doc, c, lex)
        back = c.token.lemma_.lower() in lex.territory["regain_verbs"]
        if has_phrase([h for x in context_sents(c, 2) for h in sent_hays(x)], lex.territory["nonviolent_cues"]):
            key = "nonviolent"
        elif kind == "state" and foreign_forces(doc, c):
            key = "nonstate"  # ACLED: a foreign state's forces gaining ground count as the non-state side
            kind = "foreign state"
        elif kind == "state" or (back and kind != "nonstate"):
            key = "government"  # "regain" says the territory is coming back to its government
        else:
            key = "nonstate"
        c.acled = tuple(lex.territory[key])
        c.fixed = True
        c.notes.append(f"ACLED rule: territory {key} ({kind or 'unknown'} actor)")


def foreign_forces(doc, c: Candidate) -> bool:
    """Are the acting state forces from another country than the place taken?"""
    place, _, _ = _place_for(doc, c)
    where = getattr(place, "country", None) or (place.id[8:] if place is not None and place.id.startswith("country:") else None)
    actors = [_actor_by_id(doc, aid) for aid in c.actors]
    countries = {a.country for a in actors if a is not None and a.country}
    return bool(where and countries) and where not in countries


def _code_clash(doc, c: Candidate, lex: Lexicon) -> None:
    """Two-sided fighting: armed sides -> Armed clash; protesters -> riot; unarmed crowds -> mob."""
    sides = set(_sides(doc, c, lex))
    if c.target_crowd and c.target_kind in ("", "civilian"):
        # "a clash between supporters of two parties": both sides are crowds
        c.target_kind = "crowd"
        sides = {c.actor_kind, c.target_kind}
    if any(ch.lower_ == "armed" for ch in c.token.children):
        sides.add("nonstate")  # "an armed clash broke out between villagers"
    c.fixed = bool(sides - {""})  # an unspecified "fighting" does not override a more specific code
    if "protester" in sides and not sides & ARMED:
        c.plover, c.mode = "PROTEST", "riot"
        c.acled = ("Riots", "Violent demonstration")
        c.notes.append("clash involving protesters -> Violent demonstration")
    elif "protester" in sides:
        c.plover, c.mode = "PROTEST", "riot"
        c.acled = ("Riots", "Violent demonstration")
        c.notes.append("protesters clashing with armed forces -> Violent demonstration")
    elif "crowd" in sides and "nonstate" not in sides:
        c.acled = ("Riots", "Mob violence")
        c.mode = "beat" if c.mode in ("", "firearms") else c.mode
        c.notes.append("a crowd fighting security forces or another crowd -> Mob violence")
    elif sides & ARMED or not (sides - {""}):
        c.acled = ("Battles", "Armed clash")
        c.mode = c.mode or "firearms"
        c.notes.append("clash between armed or unidentified sides -> Armed clash")
    else:
        c.acled = ("Riots", "Mob violence")
        c.mode = "beat" if c.mode in ("", "firearms") else c.mode
        c.notes.append("clash between unorganised groups of people -> Mob violence")


def own_weapon(tok, lex: Lexicon) -> Optional[str]:
    """The mode the trigger word itself names ("shooting" -> firearms, "stabbed" -> primitive)."""
    for group in lex.assault_modes:
        if has_phrase((tok.lower_, tok.lemma_.lower()), group["cues"]):
            return group["mode"]
    return None


def cue_scopes(c: Candidate, lex: Lexicon, hays) -> list:
    """Where the weapon of a violent event is looked for, nearest first: the event's own clause
    and phrase ("was subjected to an attempt by three drones", "the attack carried out by
    drones"); then the rest of the sentence, unless the trigger word names its weapon itself
    ("accused X of shooting demonstrators ..., since the drones were launched from ...": the
    drones are another event's)."""
    own = event_hays(c.token)
    return [own] if own_weapon(c.token, lex) else [own, _without_other_events(c, lex)]


def _without_other_events(c: Candidate, lex: Lexicon) -> tuple[str, str]:
    """The sentence without the clauses that tell another event ("the attack came a week after a
    drone struck near the base": the drone is that earlier event's weapon)."""
    tok = c.token
    mine = {tok.i} | {a.i for a in tok.ancestors}
    drop = set()
    for t in c.sent:
        clause = t.dep_ in ("advcl", "relcl", "ccomp", "pcomp", "acl") or t.dep_ == "conj" and any(
            k.dep_ in ("nsubj", "nsubjpass") for k in t.children)  # "... and that some were killed by X"
        if clause and t.i not in mine and (t.head.i != tok.i or t.dep_ == "conj") \
                and t.pos_ == "VERB" and lex.by_lemma.get(t.lemma_.lower()):
            drop |= {x.i for x in t.subtree}
    # (names are no weapons; but a capital after a dateline dash starts the report: "BAGHDAD,
    # May 9 - Rockets hit ...")
    toks = [t for t in c.sent if t.i not in drop and not (
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start
        and not (t.i > 0 and t.nbor(-1).text in ("-", "–", "—")))]
    return " ".join(t.lower_ for t in toks), " ".join(t.lemma_.lower() for t in toks)


def _weapon_group(lex: Lexicon, scopes: list):
    for scope in scopes:
        for group in lex.weapon_cues:
            cue = has_phrase(scope, group["cues"])
            if cue and group.get("unless") and has_phrase(scope, group["unless"]):
                continue
            if cue:
                return group, cue
    return None, None


def _code_violence(doc, c: Candidate, lex: Lexicon, hays) -> None:
    scopes = cue_scopes(c, lex, hays)
    group, cue = _weapon_group(lex, scopes)
    if group is not None:
        if group["acled"] == "protest_force":
            c.mode = "crowd-control"
            c.acled = ("Protests", "Protest with intervention")
            c.notes.append(f"'{cue}' -> crowd control (intervention in a protest)")
            return
        c.mode = c.mode if c.mode in ("assassinate",) and group["mode"] in ("explosives",) else (
            group["mode"] if c.mode in ("", "explosives", "aerial", "firearms") or group["mode"] == "drone" else c.mode)
        c.acled = tuple(group["acled"])
        c.notes.append(f"'{cue}' -> {group['acled'][1]}")
        if c.acled[1] == "Remote explosive/landmine/IED" and _counted_explosions(c.token, lex) \
                and cue in ("explosion", "explosions", "blast", "blasts", "explosive"):
            c.mode, c.acled = "heavy-weapons", ("Explosions/Remote violence", "Shelling/artillery/missile attack")
            c.notes.append("many explosions, no device named -> fire from a distance (shelling)")
        if c.mode == "assassinate":
            c.notes.append("mode kept: targeted assassination")
        _sides(doc, c, lex)
        return
    if not c.mode:
        c.mode = next((g["mode"] for scope in scopes for g in lex.assault_modes
                       if has_phrase(scope, g["cues"])), c.mode)
    actor, target = _sides(doc, c, lex)
    if actor in ("", "civilian", "state") and {"mob", "lynch"} & _dep_lemmas(c.token, {"compound", "amod", "nmod"}):
        actor = c.actor_kind = "crowd"  # "a mob justice attack", "mob attack"
        c.notes.append("mob attack -> crowd")
    elif actor in ("", "civilian") and has_phrase(clause_hays(c.token), lex.words["crowd_weapons"]):
        actor = c.actor_kind = "crowd"  # "locals pelted stones at the police": a mob, not an armed group
        c.notes.append("stones and sticks -> crowd")
    c.acled = violence_subtype(actor, target, hays)
    c.notes.append(f"ACLED rule: {actor or 'unspecified'} actor, {target or 'unspecified'} target -> {c.acled[1]}")


def _counted_explosions(tok, lex: Lexicon) -> bool:
    """"a total of 20 explosions": many explosions counted by an observer."""
    if tok.lemma_.lower() not in ("explosion", "blast") or tok.tag_ != "NNS":
        return False
    nums = [parse_number(ch, lex) for ch in tok.children if ch.dep_ in ("nummod", "quantmod")]
    return any(n is not None and n >= 3 for n in nums)  # one or two blasts are usually devices


def violence_subtype(actor: str, target: str, hays=()) -> tuple[str, str]:
    """ACLED's split of direct violence by who acts on whom (codebook: Battles are between
    organised armed groups; Violence against civilians is by them on unarmed people; Riots /
    Mob violence is by unorganised crowds; force against demonstrators is a Protests type)."""
    if target == "protester" and actor not in ("crowd", "civilian"):
        return ("Protests", "Excessive force against protesters")
    if actor in ("crowd", "protester"):
        return ("Riots", "Mob violence")
    if target in ARMED and actor in ARMED | {""}:
        return ("Battles", "Armed clash")
    if actor in ARMED and not target and has_phrase(hays, ["clash", "exchange of fire", "gunbattle", "gun battle",
                                                           "exchanged fire", "shoot-out", "shootout", "firefight"]):
        return ("Battles", "Armed clash")
    return ("Violence against civilians", "Attack")


TERRITORY_SUBTYPES = {"Government regains territory", "Non-state actor overtakes territory"}


def fold_into_territory(events: list[Candidate]) -> list[Candidate]:
    """"Troops clashed with rebels and regained the hill": ACLED codes the territorial change,
    with the fighting that won it as part of the same event."""
    out = []
    territory = [t for t in events if t.acled[1] in TERRITORY_SUBTYPES and t.status in ("occurred", "alleged")]
    for e in events:
        host = None
        if e not in territory and e.acled[0] in ("Battles", "Explosions/Remote violence") and e.status == "occurred":
            # the same sentence, or a takeover told right after the fighting ("... clashed. They captured the town.")
            sents = {x.start for m in e.mentions for x in context_sents(m, 1)}
            host = next((t for t in territory if sents & {m.sent.start for m in t.mentions}), None)
        if host is None:
            out.append(e)
            continue
        host.mentions.extend(e.mentions)
        host.notes.append(f"fighting '{e.token.text}' won the territory: one event")
        for src, dst in ((e.actors, host.actors), (e.targets, host.targets)):
            dst.extend(x for x in src if x not in dst)
    return out


VIOLENCE_SUBTYPES = {"Attack", "Armed clash", "Mob violence", "Excessive force against protesters"}


HARM_LEMMAS = {"kill", "murder", "shoot", "beat", "torture", "injure", "wound", "stab", "behead", "execute",
               "hack", "bury", "slay", "maim"}


def recode_violence(events: list[Candidate], lex: Lexicon) -> None:
    """Decide armed clash / attack / mob violence on the whole event, not one mention:
    "Gunmen fired on a patrol. Police returned fire, killing one of them" is one clash."""
    for e in events:
        if e.acled[1] == "Abduction/forced disappearance" and any(
                m.token.lemma_.lower() in HARM_LEMMAS and m.status == "occurred" for m in e.mentions):
            # ACLED: an abduction with killings or beatings is coded as the attack
            e.acled = ("Violence against civilians", "Attack")
            e.notes.append("abduction with physical harm -> Attack")
            continue
        if e.acled[0] == "Explosions/Remote violence" and any(
                m.entry.get("acled") == "clash" and m.acled[1] == "Armed clash" and m.status == "occurred"
                and m.token.dep_ not in ("compound", "amod") for m in e.mentions):  # not "a combat operation"
            # "fighting broke out ... the military fired artillery": remote weapons used in a
            # battle where both sides fight are part of the armed clash
            e.acled = ("Battles", "Armed clash")
            e.notes.append("fighting reported: weapons used in an armed clash -> Armed clash")
            continue
        if e.acled[1] not in VIOLENCE_SUBTYPES or len(e.mentions) < 2 or e.fixed and e.acled[1] != "Attack":
            continue
        crowd_event = e.acled[1] == "Mob violence" or any(
            m.actor_kind == "crowd" or m.entry.get("acled") == "clash" and m.target_kind == "crowd" for m in e.mentions)
        told = [m for m in e.mentions if not _another_version(m, e)]
        if len(told) < len(e.mentions):
            e.notes.append("armed sides told only in a speaker's later version: civilians' deaths stand")
        if e.acled[1] != "Armed clash" and not crowd_event and any(
                m.acled[1] == "Armed clash" and m.status == "occurred" and not _toll_only(m, lex) and (
                    m.entry.get("acled") == "clash" or {m.actor_kind, m.target_kind} & ARMED) for m in told):
            e.notes.append("a mention reports fighting between armed sides -> Armed clash")
            e.acled = ("Battles", "Armed clash")
            continue
        if crowd_event and e.acled[1] == "Mob violence":
            continue  # a crowd fight stays one even when an officer is among the injured
        actors = {m.actor_kind for m in told if m.acled[1] in VIOLENCE_SUBTYPES} - {""}
        targets = {m.target_kind for m in told if m.acled[1] in VIOLENCE_SUBTYPES} - {""}
        if not actors and not targets:
            continue
        actor = next((k for k in ("crowd", "state", "nonstate", "protester", "civilian") if k in actors), "")
        target = next((k for k in ("protester", "state", "nonstate", "crowd", "civilian") if k in targets), "")
        if actor not in ("crowd", "protester") and len((actors | targets) & ARMED) and actors & ARMED and targets & ARMED:
            target = next(iter(targets & ARMED))
        new = violence_subtype(actor, target)
        if new != e.acled and not (new[1] == "Attack" and e.acled[1] != "Attack"):
            e.notes.append(f"event-level sides {actor or '?'} vs {target or '?'} -> {new[1]}")
            e.acled = new


_CLAUSE_PATH = {"conj", "xcomp", "advcl", "dobj", "nsubj", "nsubjpass", "pobj", "prep"}


def _reported(tok) -> bool:
    """Is the trigger's clause what a speaker says ("the army said the operation targeted
    gangs"), as opposed to the narrator's own account?"""
    return _reporting_verb(tok, depth=4, through=_CLAUSE_PATH) is not None


def _another_version(m: Candidate, e: Candidate) -> bool:
    """A speaker's later version of an attack already told as killing or harming civilians ("12
    civilians were killed when soldiers raided the village ... The governor said the operation
    targeted gangs"): the party's account of whom it fought does not recode the attack."""
    if m.target_kind not in ARMED and m.entry.get("acled") != "clash":
        return False  # only an armed other side is another version of who was attacked
    if not _reported(m.token):
        return False
    return any(k.sent.start < m.sent.start and k.target_kind == "civilian" and k.status == "occurred"
               and k.acled == ("Violence against civilians", "Attack") for k in e.mentions)


def code_status(doc, c: Candidate, lex: Lexicon) -> None:
    tok = c.token
    st = lex.status
    hays = sent_hays(c.sent)
    local = {x.lemma_.lower() for x in tok.children} | {tok.head.lemma_.lower()}
    chain = []
    h = tok
    for _ in range(4):  # the governing verbs (xcomp/ccomp/pcomp chain)
        if h.head.i == h.i:
            break
        h = h.head
        chain.append(h)
    chain_lemmas = {x.lemma_.lower() for x in chain}
    aux = {x.lower_ for x in tok.children if x.dep_ in ("aux", "auxpass")}
    neg = any(x.dep_ == "neg" for x in tok.children) or (
        # "reflected ethnic tensions, not a fight for independence"
        tok.dep_ in ("appos", "conj") and any(x.dep_ == "neg" and tok.head.i < x.i < tok.i for x in tok.head.children)) or (
        tok.dep_ in ("pcomp",) and tok.head.lower_ == "without") or (
        # "without causing damage"
        tok.dep_ == "dobj" and tok.head.dep_ == "pcomp" and tok.head.head.lower_ == "without") or (
        # "clashes were not reported", "no clashes were reported"
        tok.pos_ == "NOUN" and (any(x.dep_ == "det" and x.lower_ == "no" for x in tok.children) or
                                tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in ("report", "occur", "record", "take")
                                and any(x.dep_ == "neg" for x in tok.head.children)))
    if neg:
        c.status = "negated"
    elif tok.dep_ == "xcomp" and "to" in aux and tok.head.lemma_.lower() in st["future_heads"] \
            and not any(k.dep_ == "neg" for k in tok.head.children):
        # "has promised since the coup to retake territory": what is promised is still to come,
        # however long ago the promise was made
        c.status = "future"
    elif aux & {"may", "might", "could"} and not aux & {"have", "'ve"} and tok.tag_ == "VB":
        # "he may boycott the October elections": a possibility, whatever date it names
        c.status = "hypothetical"
    elif told_as_past(doc, c, st):
        c.status = "historical"
    elif _called_off(tok, st):
        c.status = "negated"   # "agreed to postpone the demonstration": it did not take place (yet)
    elif _denied_scope(tok) and not local & {"condemn"}:
        c.status = "denied"
    elif _awaited(tok):
        c.status = "hypothetical"   # "will remain in force until the officials step down": awaited, not told
    elif _ahead_of(tok):
        c.status = "future"   # "a message to Washington ahead of the talks": the talks are to come
    elif "would" in aux and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS \
            and not _conditional(tok):
        c.status = "future"  # "said they would boycott": reported future, not a hypothesis
    elif aux & {"would", "could", "might", "may"} or _conditional(tok) or _modal_cause(tok) or _generic_doer(tok) \
            or unrealised(tok):
        c.status = "hypothetical"
    elif tok.dep_ in ("advcl", "xcomp") and "to" in aux and tok.head.lemma_.lower() in st.get("purpose_heads", ()):
        c.status = "hypothetical"   # "recruited by the army to fight jihadists": what it is for
    elif aux & {"will", "shall"} or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in st["future_heads"]) \
            or (tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("plan", "threat", "call")) \
            or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in st["future_heads"]
                and not any(k.dep_ == "oprd" for k in tok.head.children)):  # "called the strike a heinous act"
        c.status = "future"
    elif c.plover in ("ASSAULT", "COERCE") and tok.lemma_.lower() not in st["failed"] and (
            # ("an assassination attempt": the attempt noun is the trigger itself; "foiled a plot":
            # the foiling happened, the plot is what failed)
            (local | ({tok.lemma_.lower()} if tok.pos_ == "NOUN" else set())) & set(st["attempt"])
            or (chain[:2] and chain[0].lemma_.lower() in ("attempt", "try", "bid", "plot"))
            or (len(chain) > 1 and chain[0].lower_ == "to" and chain[1].lemma_.lower() in ("attempt", "try"))):
        c.status = "attempted"
    elif _hedged(tok) or \
            (chain_lemmas & {"accuse", "allege", "suspect", "blame"} and tok.dep_ in ("pcomp", "pobj", "ccomp", "xcomp")):
        c.status = "alleged"
    elif _predicted(tok):
        c.status = "hypothetical"   # "the insurgents are likely to step up attacks": a forecast, not a threat
    elif _infinitive_of_noun(tok):
        # "will feel pressure to retaliate", "the right to respond": what the noun is about, not
        # something that happened ("an attempt to storm the base" is told as attempted above)
        c.status = "future" if _under_future(tok) else "hypothetical"
    if c.status in ("attempted", "occurred") and has_phrase(hays, st["failed"]) and c.plover == "ASSAULT":
        c.status = "failed" if c.status == "attempted" or has_phrase(hays, ["foiled", "thwarted", "averted"]) else c.status
    if c.status == "occurred" and c.plover == "ASSAULT" and _disarmed(tok, st):
        c.status = "failed"   # "police defused a bomb", "air defences shot down the drone": it did not strike
    if c.status != "occurred":
        c.notes.append(f"status {c.status}")


PREDICTING_ADJS = {"likely", "unlikely", "poised", "set", "due", "bound", "expected", "certain", "sure"}


def _predicted(tok) -> bool:
    """"are likely to step up attacks", "is poised to launch an offensive": what a forecast says
    will happen (the trigger, or the noun it takes, under "ADJ to V")."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    if verb.pos_ != "VERB" or verb.dep_ != "xcomp" or not any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children):
        return False
    if any(k.dep_ == "aux" and k.lower_ in ("have",) for k in verb.children):
        return False   # "likely to have taken part": told as past
    head = verb.head
    return head.lower_ in PREDICTING_ADJS and head.pos_ in ("ADJ", "VERB")


def _infinitive_of_noun(tok) -> bool:
    """A "to"-infinitive that completes a noun ("pressure to retaliate", "a plan to attack")."""
    return tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.tag_ == "VB" \
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in tok.children)


def _under_future(tok, depth: int = 3) -> bool:
    """Is the clause that governs the noun told in the future ("will feel pressure to ...")?"""
    h = tok
    for _ in range(depth):
        if h.head.i == h.i or h.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            return False
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return any(k.dep_ == "aux" and k.lower_ in ("will", "shall", "'ll") for k in h.children)
    return False


HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly"}


def _hedged(tok) -> bool:
    """"Police allegedly shot a protester", "the attack was reportedly carried out by X": the
    hedge covers its own clause, not a clause coordinated with it ("condemned the bombing and said
    the attacker had allegedly received help": the condemnation is told as fact)."""
    for adv in tok.sent:
        if adv.lower_ in HEDGE_ADVERBS:
            head = adv.head if adv.head.i != adv.i else adv
            if tok.i in {t.i for t in head.subtree if not (t.dep_ == "conj" and t.head.i == head.i)} \
                    and not any(c.dep_ == "conj" and tok.i in {x.i for x in c.subtree} for c in head.children):
                return True
    return False


DENIED_PART_NOUNS = {"role", "involvement", "responsibility", "link", "part", "hand", "connection",
                     "participation", "complicity"}


def _denied_scope(tok, depth: int = 4) -> bool:
    """Is ``tok`` inside what a denial denies? Not a clause coordinated with the denial ("denied
    that officers had fired live bullets and said 87 people had been arrested": the arrests are
    told, not denied)."""
    h = tok
    for _ in range(depth):
        if h.head.i == h.i:
            return False
        if h.dep_ == "conj" and h.pos_ in ("VERB", "AUX") and h.head.lemma_.lower() in ("deny", "denial"):
            return False   # a verb coordinated with the denial ("... and said")
        h = h.head
        if h.lemma_.lower() in DENIED_PART_NOUNS:
            return False   # "denied any role in the attack": a part in it is denied, not that it happened
        if h.lemma_.lower() in ("deny", "denial"):
            return True
    return False


def _disarmed(tok, st) -> bool:
    """Is the weapon trigger what a disarming verb took out ("defused a bomb", "the drone was shot down")?"""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = tok.head
    return verb.lemma_.lower() in st.get("disarming_verbs", ()) or verb.lemma_.lower() in ("shoot", "bring") and any(
        k.dep_ == "prt" and k.lower_ == "down" for k in verb.children)


# Verbs under which what they govern does not happen ("avoid fighting") and verbs of asking.
AVOID_VERBS = {"avoid", "prevent", "refrain", "stop"}
ASKING_VERBS = {"call", "urge", "ask", "appeal", "warn", "demand", "tell"}


def unrealised(tok, asked: bool = True, depth: int = 5) -> bool:
    """Is ``tok`` under a negated or avoiding verb ("not to be dragged into clashes", "to avoid
    fighting")? ``asked``: only when that is itself asked for ("called on them not to ..."), since
    "X did not condemn the attack" says nothing against the attack."""
    negated = False
    for h in _ancestors(tok, depth):
        if h.pos_ not in ("VERB", "AUX"):
            continue
        negated = negated or any(k.dep_ == "neg" for k in h.children) or h.lemma_.lower() in AVOID_VERBS
        if negated and (not asked or h.lemma_.lower() in ASKING_VERBS):
            return True
    return False


def _generic_doer(tok) -> bool:
    """"those who attack our personnel will be held accountable", "anyone who protests": a kind of
    act named to warn or promise, not an event that happened."""
    return tok.pos_ == "VERB" and (tok.dep_ == "relcl" and tok.head.lower_ in (
        "those", "anyone", "anybody", "whoever", "everyone", "all") or any(
        # "whoever accuses us must present evidence": a free relative subject in the present
        # (but "whoever attacked the convoy" did attack it)
        k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in ("whoever", "whomever", "whatever") for k in tok.children)
        and tok.tag_ in ("VBZ", "VBP"))


def _modal_cause(tok) -> bool:
    """"some could have been killed by explosions": the cause of a possible event is possible too."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ != "by":
        return False
    verb = tok.head.head
    return verb.pos_ == "VERB" and any(k.dep_ == "aux" and k.lower_ in ("would", "could", "might", "may")
                                       for k in verb.children)


def _repeated(tok) -> bool:
    """"had been targeted at least four times", "was repeatedly attacked": a series of earlier
    events told as background, not one event of this report."""
    # "frequently carries out bombings": the habit is told on the verb that carries the noun out
    heads = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PERFORM_VERBS else [])
    for k in (k for h in heads for k in h.children):
        if k.lemma_.lower() == "time" and k.tag_ == "NNS" and any(g.like_num or g.lower_ in ("several", "many", "multiple", "numerous") for g in k.subtree):
            return True
        if k.dep_ == "advmod" and k.lower_ in ("repeatedly", "frequently", "regularly", "often"):
            return True
    return False


def _years_ago(tok) -> bool:
    """"an offensive launched last year", "attacks two years ago", "has fought the government for
    fifteen years": told with a time long past (on the trigger or the participle describing it)."""
    scope = [tok] + [k for k in tok.children if k.dep_ in ("acl", "relcl") and k.pos_ == "VERB"] if tok.pos_ == "NOUN" else [tok]
    for h in scope:
        perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in h.children)
        for k in h.children:
            if k.dep_ == "npadvmod" and k.lemma_.lower() in ("year", "decade") and any(
                    g.lower_ in ("last", "previous", "past") for g in k.children):
                return True
            if k.dep_ == "advmod" and k.lower_ == "ago" and any(g.lemma_.lower() in ("year", "decade") for g in k.subtree):
                return True
            if k.dep_ == "prep" and k.lower_ in ("for", "over") and perfect and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in ("year", "decade") and g.tag_ == "NNS" for g in k.children):
                return True
    return False


SEQUENCE_VERBS = {"come", "follow", "happen", "occur", "take"}


def _since_long_ago(doc, tok) -> bool:
    """"Violence has killed thousands since 2015": a toll over a period, not one event."""
    pub = published(doc)
    verb = tok if tok.pos_ == "VERB" else tok.head
    # "since the exchanges of fire began": the conflict's start and the toll counted since then
    if tok.dep_ == "nsubj" and _since_began(verb) or any(k.dep_ == "advcl" and _since_began(k) for k in verb.children):
        return True
    for p in [k for k in verb.children if k.dep_ == "prep" and k.lower_ == "since"]:
        for g in p.children:
            if g.dep_ == "pobj" and g.like_num and len(g.text) == 4 and g.text.isdigit() and pub is not None \
                    and int(g.text) < pub.year:
                return True
    return False


LONG_UNITS = {"month", "year", "decade"}
PERIOD_PREPS = {"over", "in", "during", "throughout", "within"}
CONFLICT_START = {"begin", "start", "erupt", "break", "escalate"}


def _period_toll(doc, tok) -> bool:
    """"Fighting has killed 300 people over the past three months", "have been killed this year",
    "the conflict, which began in 2014, has killed thousands": what happened over a period of months
    or years, told in the present perfect -- a running toll, background to the report's events."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("nsubj", "nsubjpass") else \
        tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None   # "killed in attacks"
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not any(
            a.dep_ in ("aux", "auxpass") and a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP") for a in verb.children):
        return False
    for k in verb.children:
        if k.dep_ == "prep" and k.lower_ in PERIOD_PREPS:
            units = [g for g in k.children if g.dep_ == "pobj" and g.lemma_.lower() in LONG_UNITS]
        elif k.dep_ == "npadvmod" and k.lemma_.lower() in LONG_UNITS and any(
                m.lower_ in ("this", "past") for m in k.children):
            units = [k]   # "this year", "the past month" -- not "last month", a point in time
        elif k.dep_ == "prep" and k.lower_ == "since":
            # "since the start of the year", "since the beginning of the war"
            if any(g.dep_ == "pobj" and g.lemma_.lower() in ("start", "beginning", "outbreak") for g in k.children):
                return True
            continue
        else:
            continue
        if any(m.lower_ in ("past", "last", "previous", "recent", "this") or m.like_num or m.lower_ in NUMBER_WORDS
               for u in units for m in u.children):
            return True
    # the subject is a conflict that began long ago
    pub = published(doc)
    subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else next(
        (k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or pub is None:
        return False
    for cl in (k for k in subj.children if k.dep_ in ("relcl", "acl") and k.lemma_.lower() in CONFLICT_START):
        s0, s1 = cl.left_edge.idx, cl.right_edge.idx + len(cl.right_edge)
        if any(d.date is not None and (pub - d.date).days > 60 for d in dates_in(doc, s0, s1)) or any(
                t.like_num and len(t.text) == 4 and t.text.isdigit() and int(t.text) < pub.year for t in cl.subtree):
            return True
    return False


WAVE_DAYS = 7   # a wave that began more than a week before publication is told as its background


def _wave_began(doc, tok) -> bool:
    """"The protests began on 17 September after ..., and scores have been killed": the start of a
    wave of protests, told as the background of the day's report -- dated more than a week before
    publication, or followed by what has happened since (a present perfect clause)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or tok.tag_ not in ("NNS", "NNPS") or verb.lemma_.lower() not in CONFLICT_START:
        return False
    pub = published(doc)
    s0, s1 = verb.sent.start_char, verb.sent.end_char
    if pub is not None and any(d.date is not None and (pub - d.date).days > WAVE_DAYS and not _duration(
            [t for t in verb.sent if d.span.start <= t.idx < d.span.end])
            and any(_in_own_clause(t, verb) for t in verb.sent if d.span.start <= t.idx < d.span.end)
            for d in dates_in(doc, s0, s1)):
        return True
    return any(k.dep_ == "conj" and k.pos_ in ("VERB", "AUX") and _present_perfect(k) for k in verb.children)


def _present_perfect(verb) -> bool:
    return any(a.dep_ in ("aux", "auxpass") and a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP")
               for a in verb.children)


def _toll_since_wave(tok) -> bool:
    """"The protests began in September, and scores have been killed": what has happened since a
    wave began (a present perfect clause joined to its start) is a running toll, not one event."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    start = verb.head
    return verb.dep_ == "conj" and _present_perfect(verb) and start.lemma_.lower() in CONFLICT_START and any(
        k.dep_ == "nsubj" and k.tag_ in ("NNS", "NNPS") for k in start.children)


def _since_began(verb) -> bool:
    return verb.lemma_.lower() in ("begin", "start", "erupt", "break") and \
        any(k.dep_ == "mark" and k.lower_ == "since" for k in verb.children)


# Subordinators of a clause told as before the one it is set against ("after", "since").
EARLIER_MARKS = {"after", "since"}


def _earlier_clause(tok) -> bool:
    """An "after"/"since" clause: what it tells came before the clause it hangs on."""
    return tok.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in EARLIER_MARKS for k in tok.children)


def _earlier_event(tok) -> bool:
    """"The attack came a week after a drone struck near the base": the event the reported one
    is dated against happened before it."""
    return _earlier_clause(tok) and (tok.head.lemma_.lower() in SEQUENCE_VERBS or _long_ago_unit(tok))


def _long_ago_unit(verb) -> bool:
    return any(k.dep_ == "npadvmod" and k.lemma_.lower() in LONG_UNITS for k in verb.children)


def _long_before(verb) -> bool:
    """"exploded on Sunday, a year after a similar blast killed 30 people": a clause told as months
    or years before the event it is set against."""
    return _earlier_clause(verb) and _long_ago_unit(verb)


def told_as_past(doc, c, st) -> bool:
    """Is the mention told as the past, background to the report ("previous", an old date in its
    clause, a running toll, "these operations, whether in ...")? The "historical" test of
    code_status, also asked of other clauses (event_protest)."""
    tok = c.token
    mods = {x.lower_ for x in tok.children if x.dep_ in ("amod", "compound", "advmod", "det")}
    return bool(mods & set(st["historical_modifiers"]) or _past_perfect(tok) or _old_date(doc, c) or _repeated(tok) or
                _earlier_event(tok) or _since_long_ago(doc, tok) or _years_ago(tok) or
                (c.plover in ("ASSAULT", "COERCE", "PROTEST") and _period_toll(doc, tok)) or
                (c.plover == "PROTEST" and _wave_began(doc, tok)) or
                (c.plover in ("ASSAULT", "COERCE", "PROTEST") and _toll_since_wave(tok)) or
                _historical_frame(tok, st) or _example_of_background(tok, st) or has_phrase(
                time_hays(tok), [h for h in st["historical"] if not (c.plover == "PROTEST" and h in COMMEMORATION)]))


def _example_of_background(tok, st) -> bool:
    """The trigger is an example in a "whether in A, B or C" clause that lists what a clause
    about past events covers ("responsible for these operations, whether in the attacks in
    Baghdad, the attack on Erbil airport ..."): the examples are past too."""
    for a in tok.ancestors:
        if a.dep_ in ("advcl", "conj", "appos") and a.left_edge.lower_ == "whether":
            head = [t for t in _clause_tokens(a.head, describing=False) if not (a.left_edge.i <= t.i <= a.right_edge.i)]
            return bool(has_phrase(_hays(head), st["historical"]))
    return False


def _historical_frame(tok, st) -> bool:
    """A trigger inside a clause governed by a main clause that frames it as the past
    ("Historical precedents confirm that the parties that were targeting X ...")."""
    root = tok.sent.root if hasattr(tok, "sent") else None
    if root is None or root.i == tok.i or not any(a.i == root.i for a in tok.ancestors):
        return False
    main = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "advmod", "npadvmod", "prep")]
    hays = _hays([x for m in main for x in m.subtree if not _describes_participant(x, tok)])
    return has_phrase(hays, st["historical_frame"]) is not None


# A demonstration on an anniversary commemorates the past; it happens now.
COMMEMORATION = {"anniversary", "history", "recalled", "historical"}
REPORTING_VERBS = {"say", "announce", "confirm", "tell", "state", "declare", "report", "add", "insist", "indicate",
                   "reply", "write", "warn", "promise", "claim"}


def _awaited(tok) -> bool:
    """Is the trigger the "until" clause of a verb told in the future or vowed ("will stay until
    the officials step down")?"""
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    if h.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in h.children):
        return False
    head = h.head
    return any(k.dep_ == "aux" and k.lower_ in ("will", "shall", "'ll") for k in head.children) or \
        head.dep_ == "xcomp" and head.head.lemma_.lower() in ("vow", "swear", "pledge", "promise", "threaten", "plan")


def _ahead_of(tok) -> bool:
    """A noun trigger after "ahead of" / "in the run-up to" names what is still to come."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ == "of" and prep.head.lower_ == "ahead" or \
        prep.lower_ == "to" and prep.head.lower_ == "run" and any(k.lower_ == "up" for k in prep.head.children)


def _conditional(tok) -> bool:
    """Is the trigger itself under "if" (not merely governing a condition on something else)?"""
    if any(x.lower_ in ("if", "unless") and x.dep_ == "mark" for x in tok.children):
        return True
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    return h.dep_ == "advcl" and any(x.lower_ in ("if", "unless") and x.dep_ == "mark" for x in h.children)


def _clause_tokens(tok, describing: bool) -> list:
    """The trigger's own clause without the relative and subordinate clauses inside it;
    ``describing``: keep the clauses that describe a noun trigger itself ("the attack carried out
    by drones") and leave out coordinated clauses with their own subject."""
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    if tok.dep_ in ("relcl", "acl", "advcl", "ccomp"):
        h = tok
    keep = []
    for t in h.subtree:
        a, inside = t, False
        while a.i != h.i:
            sub = a.dep_ in ("relcl", "acl", "advcl", "ccomp") and (a.head.i != tok.i or not describing)
            own = describing and a.dep_ == "conj" and any(k.dep_ in ("nsubj", "nsubjpass") for k in a.children)
            if (sub or own) and tok.i not in {x.i for x in a.subtree}:
                inside = True
                break
            a = a.head
        if not inside:
            keep.append(t)
    return keep


def _hays(toks) -> tuple[str, str]:
    return " ".join(t.lower_ for t in toks), " ".join(t.lemma_.lower() for t in toks)


def _describes_participant(t, tok) -> bool:
    """A modifier of another word than the trigger ("former president", "previously unannounced"):
    it dates or qualifies a participant, not the event."""
    if t.head.i == tok.i:
        return False
    if t.dep_ == "amod" and t.lower_ in ("former", "ex", "erstwhile", "onetime", "one-time"):
        return t.head.pos_ in ("NOUN", "PROPN")   # "former president": what the person was
    return t.dep_ == "advmod" and (t.head.pos_ == "ADJ" or t.head.dep_ == "amod")   # "previously unannounced"


def time_hays(tok) -> tuple[str, str]:
    """``clause_hays`` without the modifiers of participants and the words about other events
    the trigger is compared or sequenced with, for the cues that date the event."""
    return _hays([t for t in _clause_tokens(tok, describing=False)
                  if not _describes_participant(t, tok) and not _about_other_events(t, tok)])


# Prepositions that set an event against others ("after a series of attacks", "the deadliest since
# the previous attack", "worse than past attacks") and words comparing it with them.
SEQUENCE_PREPS = {"after", "since", "following", "than", "like", "unlike"}
COMPARING = {"similar", "compare", "comparable", "reminiscent"}


def _about_other_events(t, tok) -> bool:
    """Is ``t`` in a phrase about other events than the trigger: the predicate saying what the
    trigger was ("Sunday's bombing was the latest in a series of attacks", "was similar to previous
    attacks") or a phrase it is sequenced or compared with ("came after a series of attacks")?"""
    above = {tok.i} | {a.i for a in tok.ancestors}
    a = t
    while a.i not in above and a.head.i != a.i:
        if a.dep_ in ("attr", "acomp") and a.head.lemma_ == "be" and tok.head.i == a.head.i \
                and tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if a.dep_ == "prep" and (a.lower_ in SEQUENCE_PREPS and not any(k.lower_ == "then" for k in a.children)
                                 or a.head.lemma_.lower() in COMPARING):
            return True
        a = a.head
    return False


def _called_off(tok, st) -> bool:
    """"postponed the demonstration", "called off the strike": the event named is not one that
    happened (status ``call_off_verbs``)."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    return lemma in st["call_off_verbs"] or lemma == "call" and any(
        k.dep_ in ("prt", "advmod") and k.lower_ == "off" for k in verb.children)


def event_hays(tok) -> tuple[str, str]:
    """Lowercased text and lemmas of the event's own clause (``clause_hays``) together with the
    clauses that describe a noun trigger ("the attack carried out by drones on X")."""
    keep = _clause_tokens(tok, describing=True)
    return _hays([t for t in keep if not (t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start)])


def clause_hays(tok) -> tuple[str, str]:
    """Lowercased text and lemmas of the trigger's own clause, without the relative and
    subordinate clauses inside it ("relatives of a man who was killed last year demonstrated")."""
    return _hays(_clause_tokens(tok, describing=False))


INTENT_HEADS = {"offer", "promise", "pledge", "agree", "commit", "ready", "willing", "prepared", "prepare",
                "consent", "decide", "intend", "plan"}
THREAT_HEADS = {"threaten", "warn", "vow", "swear"}
# A decision is itself the act decided ("the court decided to allow ..."), not an offer.
DECISION_HEADS = {"decide"}
# Preparing to use force is a rise in readiness (PLOVER MOBILIZE), not the force itself.
PREPARE_HEADS = {"prepare", "gear"}
COOPERATIVE = {"SUPPORT", "AID", "COOPERATE", "RETREAT", "CONCEDE", "CONSULT"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def code_intent(c: Candidate, lex: Optional[Lexicon] = None) -> None:
    """PLOVER codes stated intentions by what they promise: an offer or promise to cooperate
    is AGREE ("will provide aid", "offered to hand over"), a stated intent to harm is THREATEN
    ("threatened to attack", "will impose sanctions"). ACLED codes neither."""
    heads = {a.lemma_.lower() for a in list(_ancestors(c.token, 3))}
    aux = {x.lower_ for x in c.token.children if x.dep_ == "aux"}
    if c.plover in COOPERATIVE | {"AGREE"} and c.status == "occurred" \
            and _failed_to_reach(c.token, (lex or load_lexicon()).status):
        # "failed to reach an agreement": no agreement; the parties turned each other down
        c.notes.append(f"failed to reach {c.plover} -> REJECT")
        c.plover, c.mode, c.acled, c.intent = "REJECT", c.plover.lower(), (None, None), True
    elif c.plover in HOSTILE | {"REJECT"} and c.status in ("future", "hypothetical") and _consequence_of_condition(c.token):
        # "will pull out its force unless ...", "may halt talks if ...": a coercive conditional
        c.notes.append(f"conditional {c.plover} -> THREATEN (PLOVER: coercive warnings)")
        c.plover, c.mode, c.acled, c.intent = "THREATEN", c.plover.lower(), (None, None), True
    elif c.plover == "ASSAULT" and c.status in ("occurred", "future") and not c.token.dep_.startswith("nsubj") \
            and any(a.lemma_.lower() in PREPARE_HEADS and a.pos_ == "VERB" and a.dep_ != "acomp"
                    and not any(k.dep_ == "auxpass" or k.lemma_.lower() == "be" and k.dep_ == "aux" and a.tag_ == "VBN"
                                for k in a.children)
                    for a in _ancestors(c.token, 3)):
        # "the army prepared to resume shelling" (not "is prepared to use force": a stated willingness)
        c.notes.append("preparing to use force -> MOBILIZE (PLOVER: readiness short of the use of force)")
        c.plover, c.mode, c.acled, c.intent = "MOBILIZE", "troops", (None, None), True
    elif c.status == "negated" and c.plover in COOPERATIVE | {"AGREE"} and c.token.pos_ == "VERB" \
            and (aux & {"will", "would", "shall", "can", "could"} or heads & {"refuse", "decline", "fail"}):
        # "will not accept", "would not meet": a stated refusal (PLOVER REJECT) that did occur
        c.notes.append(f"refusal to {c.plover} -> REJECT")
        c.plover, c.mode, c.acled, c.intent, c.status = "REJECT", c.plover.lower(), (None, None), True, "occurred"
    elif c.plover in COOPERATIVE and (c.status == "future" or heads & (INTENT_HEADS - DECISION_HEADS)):
        c.notes.append(f"intent to {c.plover} -> AGREE (PLOVER: offers and promises)")
        c.plover, c.mode, c.acled, c.intent = "AGREE", c.plover.lower(), (None, None), True
    elif c.plover in HOSTILE and (heads & THREAT_HEADS and not _threatens(c.token) or c.status == "future"):
        c.notes.append(f"intent to {c.plover} -> THREATEN (PLOVER: stated intent to harm)")
        c.plover, c.mode, c.acled, c.intent = "THREATEN", c.plover.lower(), (None, None), True
    elif c.plover in ("SANCTION", "COERCE") and heads & INTENT_HEADS and c.status == "occurred" \
            and c.token.pos_ == "VERB":
        # "is prepared to impose martial law": a stated readiness to coerce is a threat
        c.notes.append(f"readiness to {c.plover} -> THREATEN")
        c.plover, c.mode, c.acled, c.intent = "THREATEN", c.plover.lower(), (None, None), True


def _failed_to_reach(tok, st) -> bool:
    """"failed to reach an agreement", "failed to agree": the cooperation did not come about
    (status ``reach_verbs``)."""
    h = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    return h.pos_ == "VERB" and h.lemma_.lower() in st["reach_verbs"] and h.dep_ == "xcomp" and h.head.lemma_.lower() == "fail" \
        and not any(k.dep_ == "neg" for k in h.head.children)


def _consequence_of_condition(tok) -> bool:
    """Is the trigger's verb the consequence of an "if"/"unless" clause (not inside it)?"""
    if _conditional(tok):
        return False
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    for v in [h] + ([h.head] if h.dep_ in ("xcomp", "conj") else []):
        if any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in k.children)
               for k in v.children):
            return True
    return False


VOW_VERBS = {"vow", "swear"}


def promises_kept_apart(cands: list[Candidate]) -> None:
    """"vowed to release the prisoners": a vow is a threat only when what is vowed is hostile;
    a vow to cooperate is a promise (PLOVER AGREE)."""
    for c in cands:
        if c.plover != "THREATEN" or c.token.lemma_.lower() not in VOW_VERBS:
            continue
        vowed = [d for d in cands if d is not c and any(a.i == c.token.i for a in d.token.ancestors)]
        if any(d.intent and d.plover == "AGREE" for d in vowed) and not any(
                d.plover in HOSTILE | {"THREATEN"} for d in vowed):
            c.plover, c.mode = "AGREE", ""
            c.notes.append("vowed to cooperate -> AGREE (PLOVER: promises)")


def _threatens(tok) -> bool:
    """"These attacks threaten the region": the event is what poses the danger, not a threat's content."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in THREAT_HEADS


# Verbs whose clause complement is told in the pluperfect by tense backshift, not as background.
BACKSHIFT_VERBS = {"deny", "admit", "acknowledge", "allege", "believe", "suspect", "reveal", "learn", "know",
                   "accuse", "assert", "stress", "explain", "note", "specify", "show", "prove"}


def _past_perfect(tok) -> bool:
    """A pluperfect verb tells background ("had attacked before"), unless it is what someone
    reports ("said it had expelled two diplomats")."""
    clause = tok
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head   # "said only 23 had been kidnapped and that teams had been deployed"
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS | BACKSHIFT_VERBS:
        return False   # ("denied that its troops had shelled the village": the denial's status decides)
    return tok.tag_ == "VBN" and any(x.lower_ == "had" and x.dep_ == "aux" for x in tok.children)


def _old_date(doc, c: Candidate) -> bool:
    """A date in the trigger's own clause (or a clause above it) more than 60 days before
    publication -> background event. Not a date told in another clause of the sentence ("shelled
    the town, which they seized in March 2020"), nor a length of time ("under siege for 3 months",
    "a two-week siege"): a duration does not say when the event happened."""
    pub = published(doc)
    if pub is None:
        return False
    old = pub - dt.timedelta(days=60)
    for d in dates_in(doc, c.sent.start_char, c.sent.end_char):
        if d.date is None or d.date >= old:
            continue
        toks = [t for t in c.sent if d.span.start <= t.idx < d.span.end]
        if toks and any(_in_own_clause(t, c.token) for t in toks) and not _duration(toks):
            return True
    if _same_time_as_before(doc, c.token, old):
        return True
    # a bare year the dates stage leaves alone: "In 2014 the group seized the town"
    return any(t.dep_ == "pobj" and t.head.lower_ in ("in", "during") and len(t.text) == 4 and t.text.isdigit()
               and 1900 < int(t.text) and dt.date(int(t.text), 12, 31) < old and _in_own_clause(t, c.token)
               for t in c.sent)


def _same_time_as_before(doc, tok, old: dt.date) -> bool:
    """"killings of demonstrators during the same year", "later that year": the time told last
    before the trigger dates it; is that long before publication?"""
    words = [t for t in tok.sent if t.lemma_.lower() in ("year", "month") and _in_own_clause(t, tok)
             and any(k.lower_ in ("same", "that") for k in t.children)]
    if not words:
        return False
    at = words[0].idx
    years = [(t.idx, dt.date(int(t.text), 12, 31)) for t in doc[:words[0].i]
             if len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < 2100]
    dates = [(d.span.start, d.date) for d in doc._.dates or [] if d.date is not None and d.span.end <= at]
    told = max(years + dates, default=None, key=lambda x: x[0])
    return told is not None and told[1] < old


# Clauses of a sentence that tell something else than the trigger's own clause.
OTHER_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "pcomp", "parataxis", "csubj"}
DURATION_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"}


def _in_own_clause(t, tok) -> bool:
    """Is ``t`` in the trigger's clause or a clause the trigger depends on, and not in a relative or
    subordinate clause of its own ("the town, which they seized in 2014")? A clause describing a
    noun trigger is its own ("the offensive launched in 2020")."""
    above = {tok.i} | {a.i for a in tok.ancestors}
    a = t
    while a.i not in above:
        if a.head.i == a.i:
            return False
        if a.dep_ in OTHER_CLAUSE_DEPS and a.head.i != tok.i:
            return False
        if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and any(k.dep_ in ("nsubj", "nsubjpass") for k in a.children):
            return False
        a = a.head
    return True


def _duration(toks) -> bool:
    """A length of time ("for 3 months", "a two-week siege", "three months long"), not a point
    in time: no "ago", "last", "past" or "since" dates it."""
    words = [t.lower_ for t in toks]
    if "ago" in words or set(words) & {"last", "past", "previous", "this", "since", "earlier"}:
        return False
    nxt = toks[-1].nbor(1) if toks[-1].i + 1 < len(toks[-1].doc) else None
    if nxt is not None and nxt.lower_ in ("ago", "earlier", "before"):
        return False
    prev = toks[0].nbor(-1) if toks[0].i > 0 else None
    if prev is not None and prev.lower_ in ("for", "throughout", "lasting", "long"):
        return True
    units = [w for w in words if w.strip("-") in DURATION_UNITS or w.split("-")[-1] in DURATION_UNITS]
    # a quantity of units, however hedged (dates.is_duration: "nearly two months", "a few days"),
    # or units alone ("days", "the week")
    return bool(units) and (is_duration(toks[0].doc[toks[0].i:toks[-1].i + 1].text) or all(
        t.lower_ in ("a", "an", "-", "the") or t.lower_ in units for t in toks))


# --------------------------------------------------------------------------- toll

def parse_number(tok, lex: Lexicon) -> Optional[int]:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    vague = lex.toll["vague"]
    if text in vague:
        return int(vague[text])
    if "-" in text:
        parts = [NUMBER_WORDS.get(p) for p in text.split("-")]
        if all(p is not None for p in parts):
            return sum(parts)
    return None


def count_np(tok, lex: Lexicon) -> Optional[int]:
    """How many people a noun phrase denotes: "three civilians", "two of them", "a soldier"."""
    if tok.lower_ in ("no", "none", "nobody", "anyone", "anybody", "noone") or tok.lower_ == "one" and \
            any(c.lower_ == "no" for c in tok.children):
        return 0
    total = None
    ordinal = next((ORDINAL_WORDS[c.lower_] for c in tok.children
                    if c.dep_ in ("amod", "nummod") and c.lower_ in ORDINAL_WORDS), None)
    if ordinal is not None and tok.tag_ in ("NN", "NNP"):
        return ordinal   # "a ninth victim": the total so far
    n = parse_number(tok, lex) if tok.pos_ in ("NUM", "ADJ", "NOUN", "PRON", "DET") else None
    if n is not None and tok.lemma_.lower() not in ("a", "an"):
        total = n
    else:
        for ch in tok.children:
            # ("Eleven soldiers" opening a sentence: the parser makes the capitalised number a compound)
            if ch.ent_type_ in ("DATE", "TIME"):
                continue   # ("LAGOS, May 9 - Gunmen shot ...": the dateline's day is no count)
            if ch.dep_ in ("nummod", "quantmod") or (ch.dep_ == "amod" and ch.lower_ in lex.toll["vague"]) \
                    or (ch.dep_ == "compound" and ch.like_num and ch.i < tok.i):
                m = parse_number(ch, lex)
                if m is not None:
                    # "the 3 million residents" style quantmods multiply; keep it simple and conservative
                    total = m
                    break
            if ch.dep_ == "det" and ch.lower_ in ("no",):
                return 0
        if total is None:
            for ch in tok.children:  # "dozens of people"
                if ch.dep_ == "prep" and ch.lower_ == "of" and tok.lower_ in lex.toll["vague"]:
                    total = int(lex.toll["vague"][tok.lower_])
            if total is None and tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() not in (
                    "people", "police", "toll", "number", "family", "crowd", "group"):
                total = 1
            if total is None and tok.lower_ in ("he", "she", "him", "her"):
                total = 1
    for ch in tok.children:
        if ch.dep_ == "conj" and ch.pos_ in ("NOUN", "PROPN", "NUM", "PRON") \
                and ch.lemma_.lower() not in lex.words["property_targets"] \
                and ch.lower_ not in lex.words["property_targets"]:
            # (not "found eight bodies and several burned-out vehicles": things are no victims)
            extra = count_np(ch, lex)
            if extra is not None:
                total = (total or 0) + extra
    return total


def toll_in_sentence(sent, lex: Lexicon) -> tuple[Optional[int], Optional[int]]:
    """(fatalities, injured) reported in one sentence, None when not mentioned."""
    t = lex.toll
    hays = sent_hays(sent)
    dead: dict[int, int] = {}
    hurt: dict[int, int] = {}
    zero_dead = has_phrase(hays, t["zero"]) is not None
    zero_hurt = has_phrase(hays, t["zero_injured"]) is not None
    kill, die, injure = set(t["kill_verbs"]), set(t["die_verbs"]), set(t["injure_verbs"])
    for tok in sent:
        lem = tok.lemma_.lower()
        if tok.pos_ == "VERB" and (_long_before(tok) or _years_ago(tok)):
            continue   # the toll of an event long past ("a year after a blast killed 30 people")
        negated = any(c.dep_ == "neg" for c in tok.children) or tok.head.lower_ == "without"
        victims = []
        bucket = None
        if tok.pos_ == "VERB" and (lem in kill or lem in injure or
                                   (lem == "shoot" and any(c.lower_ == "dead" for c in tok.children)) or
                                   (lem == "gun" and any(c.lower_ == "down" for c in tok.children))):
            bucket = hurt if lem in injure else dead
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            if passive or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "conj")):
                victims = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
                if not victims and tok.dep_ in ("acl", "amod"):
                    victims = [tok.head]
                if not victims and tok.dep_ == "conj":
                    victims = [c for c in tok.head.children if c.dep_ in ("nsubjpass",)]
            elif tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children) \
                    and any(c.dep_ == "nsubj" and c.pos_ == "NUM" for c in tok.children):
                # "19 dead and more than 30 wounded": a number told with a bare participle
                victims = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NUM"]
            else:
                victims = [c for c in tok.children if c.dep_ == "dobj"]
        elif tok.pos_ == "VERB" and lem in die:
            bucket = dead
            victims = [c for c in tok.children if c.dep_ == "nsubj"]
        elif lem in ("dead", "injured", "wounded") and tok.pos_ in ("ADJ", "VERB", "NOUN"):
            bucket = dead if lem == "dead" else hurt
            nums = [c for c in tok.children if c.dep_ in ("nummod", "npadvmod", "nsubj") and c.pos_ in ("NUM", "NOUN", "PRON")]
            if nums:
                victims = nums
            elif tok.dep_ in ("amod",):
                victims = [tok.head]
            elif tok.dep_ in ("acomp", "oprd") and not (tok.head.lemma_.lower() in kill | {"shoot"}
                                                        and tok.head.pos_ == "VERB"):
                # (not "shot dead four traders": the verb has counted its victims)
                victims = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        elif lem in ("death", "fatality", "body", "casualty") and tok.pos_ == "NOUN":
            nums = [c for c in tok.children if c.dep_ in ("nummod",)]
            if nums:
                bucket, victims = dead, [tok]
        elif lem == "toll":
            nums = [x for x in sent if x.i > tok.i and x.like_num]
            if nums:
                n = parse_number(nums[0], lex)
                if n is not None:
                    dead[-1] = max(dead.get(-1, 0), n)
            continue
        if bucket is None:
            continue
        if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and not any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "the attempt to assassinate X" reports an aim, not a death
        for v in victims:
            if v.ent_type_ in ("DATE", "TIME") or v.lower_ in MONTHS and v.pos_ == "PROPN":
                continue  # "22 January 2022 ... was killed": a date parsed as the victim
            if v.ent_type_ in ("GPE", "LOC", "FAC") or _dateline_word(v):
                # "CULIACAN, May 9 - Nine people were killed": the dateline is no victim; "Oaxaca,
                # the director of the board, was killed" (a misparse): the apposition is
                v = next((k for k in v.children if k.dep_ == "appos" and k.ent_type_ not in ("GPE", "LOC", "FAC")), None)
                if v is None:
                    continue
            n = 0 if negated else count_np(v, lex)
            if v.lower_ in ("anyone", "anybody", "no", "nobody", "none"):
                n = 0
            if n is not None:
                bucket[v.i] = n
    if has_phrase(hays, t["revised"]) is not None:
        # "police initially said six had been killed and 13 wounded, but later raised the toll to
        # 19 dead and 30 wounded": the last figure told replaces the earlier ones
        dead = {k: v for k, v in dead.items() if k == -1} or ({max(dead): dead[max(dead)]} if dead else {})
        hurt = {max(hurt): hurt[max(hurt)]} if hurt else {}
    fatal = (max(dead.values()) if -1 in dead else sum(dead.values())) if dead else (0 if zero_dead else None)
    injured = sum(hurt.values()) if hurt else (0 if zero_hurt else None)
    return fatal, injured


def _dateline_word(tok) -> bool:
    """An upper-case place name opening a dateline ("KABUL, May 9 - ...")."""
    return tok.is_upper and len(tok) > 3 and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "," \
        and (tok.i == 0 or tok.nbor(-1).is_space or tok.nbor(-1).is_punct)


def additional_toll(sent) -> bool:
    """A toll told as an addition to one told before ("two more people died", "another soldier
    was killed", "also killed"), not "more than 30 wounded" (a hedge on the figure)."""
    for tok in sent:
        low = tok.lower_
        if low in ("also", "another", "additional", "further"):
            return True
        if low == "more" and not (tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in ("than", "then")) \
                and not any(c.dep_ == "quantmod" or c.lower_ == "than" for c in tok.head.children):
            return True
    return False


# --------------------------------------------------------------------------- protests and toll mentions

def _ancestors(tok, depth: int = 6):
    h = tok
    for _ in range(depth):
        if h.head.i == h.i:
            return
        h = h.head
        yield h


def _toll_only(c: Candidate, lex: Lexicon) -> bool:
    """A passive/agentless kill/injure/die mention: it reports a toll rather than a new event."""
    lem = c.token.lemma_.lower()
    verbs = set(lex.toll["kill_verbs"]) | set(lex.toll["injure_verbs"]) | set(lex.toll["die_verbs"]) | {"shoot"}
    return c.plover == "ASSAULT" and lem in verbs and not c.actors and not (
        c.actor_words - {"one", "two", "people", "person"}) and not c.fixed


SHUT_STATUSES = {"historical", "negated", "hypothetical", "future"}


def absorb_toll_mentions(events: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Militants attacked a post. Two soldiers were killed." is one event (ACLED counts the toll)."""
    keep: list[Candidate] = []
    for e in events:
        host = None
        if all(_toll_only(m, lex) and not m.accused_act for m in e.mentions) and e.status not in SHUT_STATUSES:
            # (a toll of the past or of what did not happen -- "where he was shot dead 3 years ago" --
            # is no toll of the events reported)
            first = min(m.sent.start for m in e.mentions)
            # "three people were injured in a clash between ...": the clash of the same sentence
            same = [k for k in events if k is not e and k.acled_coded and k.status not in ("historical", "negated")
                    and k.acled[0] in VIOLENT_ACLED and any(m.sent.start == first for m in k.mentions)
                    and not all(_toll_only(m, lex) for m in k.mentions)]
            if same:
                host = same[0]
                host.mentions.extend(e.mentions)
                host.target_words |= e.target_words
                host.targets.extend(t for t in e.targets if t not in host.targets)
                host.notes.append(f"toll mention '{e.token.text}' attached")
                continue
            earlier = [k for k in keep if k.acled_coded and k.status not in ("historical", "negated")
                       and min(m.sent.start for m in k.mentions) <= first]
            same_para = [k for k in earlier if "\n\n" not in doc_text(e.token.doc)[
                max(m.sent.end_char for m in k.mentions if m.sent.start <= first):e.mentions[0].sent.start_char]]
            if same_para:
                host = max(same_para, key=lambda k: max(m.sent.start for m in k.mentions if m.sent.start <= first))
        if host is not None:
            host.mentions.extend(e.mentions)
            host.target_words |= e.target_words
            host.targets.extend(t for t in e.targets if t not in host.targets)
            host.notes.append(f"toll mention '{e.token.text}' attached")
        else:
            keep.append(e)
    return keep


# --------------------------------------------------------------------------- merging

# Types whose PLOVER modes name different acts (an inquiry, an accusation, a rebuke): mentions of
# two modes told in different sentences are two events.
ACT_MODES = {"ACCUSE"}


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.plover != b.plover:
        return False
    if (a.acled[1] in TERRITORY_SUBTYPES) != (b.acled[1] in TERRITORY_SUBTYPES):
        return False  # fold_into_territory decides; the territory event must survive
    if (a.status == "historical") != (b.status == "historical"):
        return False
    if a.status in ("negated", "hypothetical", "future", "denied") or b.status in ("negated", "hypothetical", "future", "denied"):
        return a.status == b.status and a.sent.start == b.sent.start
    if a.status == "historical" and a.sent.start != b.sent.start:
        return False  # background events are only merged within one sentence
    if a.plover in ACT_MODES and a.mode and b.mode and a.mode != b.mode and a.sent.start != b.sent.start:
        return False  # "an investigation was opened ... X blamed the army": an inquiry is not an accusation
    if a.status == "historical" and a.place is not None and b.place is not None and a.place.id != b.place.id \
            and not _same_area(a.place, b.place):
        return False  # "the attacks in Baghdad, the attack on Erbil airport": a list of past events
    if any(_linked(m.token, b.token) for m in (a.mentions or [a])):
        return True  # "opened fire on them, killing two": one clause chain, one event
    if a.sent.start == b.sent.start and _conceded(a.token) != _conceded(b.token):
        return False  # "carries out bombings despite an offensive by the army": two sides, two events
    if a.acled[0] and b.acled[0] and a.acled != b.acled:
        if (a.fixed or a.acled[1] not in GENERAL_SUBTYPES) and (b.fixed or b.acled[1] not in GENERAL_SUBTYPES):
            return False
        if _violent(a) != _violent(b):
            return False
        if "Strategic developments" in (a.acled[0], b.acled[0]):
            return False
    if a.targets and b.targets and not set(a.targets) & set(b.targets):
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors) and a.plover not in ("ASSAULT",):
        return False
    if (set(a.targets) & set(b.actors) or set(a.actors) & set(b.targets)) and not (
            set(a.targets) & set(b.targets) or set(a.actors) & set(b.actors)):
        return False  # roles reversed: X attacking Y is not Y attacking X
    shared = set(a.targets) & set(b.targets) or set(a.actors) & set(b.actors)
    # Places named near a mention are weak evidence; the same target is strong evidence.
    if not shared and a.place is not None and b.place is not None and a.place.id != b.place.id \
            and a.sent.start != b.sent.start and not _same_area(a.place, b.place) \
            and not _unplaced_same_kind(a, b) and not (_title_line(a) and any(
                m.place is not None and (m.place.id == b.place.id or _same_area(m.place, b.place))
                for m in a.mentions[1:])):  # an event first named in the headline: its reported places
        return False
    if a.explicit_date and b.explicit_date and a.date != b.date:
        return False
    if a.sent.start != b.sent.start and any(_told_as_another(m.token) for m in (a.mentions or [a])) \
            or _told_as_another(b.token):
        return False   # "a separate accord between Congo and Rwanda": not the deal told before
    return True


def _told_as_another(tok) -> bool:
    return tok.pos_ == "NOUN" and any(k.dep_ in ("amod", "det") and k.lower_ in ("separate", "different", "another")
                                      for k in tok.children)


def fold_headline_events(events: list[Candidate], lede_end: int) -> list[Candidate]:
    """An event told only in the headline ("Eleven soldiers killed in ambush in Mali") is the
    event of its kind the lead paragraph reports ("Suspected jihadists ambushed an army convoy
    near Gao on Thursday ..."): the headline's terse wording gives rough places, no date and
    often swapped roles, so it joins that event as a mention and adds none of its own roles."""
    def headline(e):   # told first in the headline, and otherwise only in the lead paragraph
        first = min(e.mentions, key=lambda m: m.token.i)
        # (a first line that ends as a sentence does is a report of its own, not a headline)
        return _title_line(first) and not first.sent.text.rstrip().endswith(".") \
            and all(_title_line(m) or m.token.idx < lede_end for m in e.mentions)

    def same_country(e, f):
        countries = {m.place.country for m in (e, f) if m.place is not None and m.place.country}
        return len(countries) < 2
    body = [e for e in events if not headline(e)]
    if not body:
        # (every event is told first in the headline: the one the lead tells too is the lead's
        # report, a host for an event told only in the headline -- "12 killed in an attack blamed
        # on X" / "... were killed ... in an attack attributed to X militiamen")
        body = [e for e in events if not all(_title_line(m) for m in e.mentions)]
    if len(body) == len(events):
        return events
    out = []
    for e in events:
        if e in body or e.status in ("negated", "historical"):
            out.append(e)
            continue
        # (a headline noun naming a development, "Deal", is the act the lead reports of it,
        # "signed a peace agreement", whatever PLOVER calls the act; its own kind first)
        named = (e.token.pos_ in ("NOUN", "PROPN") or e.token.lemma_.lower() in AGREEMENT_NOUNS) \
            and e.acled[0] == "Strategic developments"
        host = next((f for f in sorted(body, key=lambda f: (f.plover != e.plover, f.mentions[0].token.i))
                     if (f.plover == e.plover or named and e.acled == f.acled)
                     and f.status not in ("negated", "historical")
                     and any(m.token.idx < lede_end for m in f.mentions) and same_country(e, f)
                     and not (e.explicit_date and f.explicit_date and e.date != f.date)
                     and (e.acled[0] is None or f.acled[0] is None or e.acled[0] == f.acled[0]
                          or _violent(e) and _violent(f))), None)
        if host is None:
            out.append(e)
            continue
        host.mentions.extend(e.mentions)
        if host.acled[0] is None or host.plover == "PROTEST" and \
                PROTEST_SEVERITY.get(e.acled[1], -1) > PROTEST_SEVERITY.get(host.acled[1], 99):
            host.acled, host.mode = e.acled, host.mode or e.mode   # (its body mention told the police intervention)
        host.notes.append(f"headline '{e.token.text}' names it")
    return out


def _unplaced_same_kind(a: Candidate, b: Candidate) -> bool:
    """A village the gazetteer cannot place (or the headline's rough place) is no evidence of
    another event when both mentions report the same specific kind of strike ("an aircraft
    bombed a gathering in X township ... a fighter jet dropped bombs on the site in the village
    of Y"; "Rockets strike base in western Iraq" ... "the attack on the base")."""
    if a.status == "historical":
        return False
    if _title_line(a) or _title_line(b):
        # the headline's place is rough, but not in another country ("... in Idlib" then "near Kirkuk")
        other_country = None not in (a.place.country, b.place.country) and a.place.country != b.place.country
        return _violent(a) and _violent(b) and not other_country and (
            a.acled == b.acled or a.acled[1] in GENERAL_SUBTYPES or b.acled[1] in GENERAL_SUBTYPES)
    return None in (a.place.lat, b.place.lat) and a.acled == b.acled and a.acled[1] not in GENERAL_SUBTYPES \
        and a.acled[0] == "Explosions/Remote violence"  # (protests often are several, in several streets)


def _title_line(c: Candidate) -> bool:
    """The headline: its place is often the nearest big city ("... on highway south of Baghdad")."""
    doc = c.sent.doc
    return c.sent.start == 0 and "\n" in doc_text(doc)[c.sent.end_char:c.sent.end_char + 3]


def _quoted(tok) -> bool:
    """Inside a direct quotation of its sentence (an odd number of quote marks before it)."""
    before = doc_text(tok.doc)[tok.sent.start_char:tok.idx] if hasattr(tok, "sent") else ""
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _conceded(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in ("despite", "notwithstanding")


def _violent(c: Candidate) -> bool:
    """Direct violence, including ACLED's force against protesters (a Protests sub-type)."""
    return c.acled[0] in VIOLENT_ACLED or c.acled[1] == "Excessive force against protesters"


def _same_area(p, q) -> bool:
    """Places that may name the same event location: a place and its country, or within ~25 km."""
    if p.feature == "country" or q.feature == "country":
        return (p.country or p.id) == (q.country or q.id) or p.id.endswith(str(q.country)) or q.id.endswith(str(p.country))
    if None not in (p.lat, p.lon, q.lat, q.lon):
        return abs(p.lat - q.lat) < 0.25 and abs(p.lon - q.lon) < 0.25
    return False


def best_place(e: Candidate):
    """The merged event's place: the most precise, then most often chosen, among its mentions."""
    counts: dict[str, list] = {}
    # a mention whose sentence names no place took the article's main town ("Gunmen attack
    # village" / "LAGOS, May 9 - ... in Kano state"): the places its sentences name come first
    placed = [m for m in e.mentions if m.place is not None]
    told = [m for m in placed if any(m.sent.start_char <= pm.start < m.sent.end_char for pm in m.place.mentions)]
    for m in told or placed:
        counts.setdefault(m.place.id, [m.place, m.geo_precision or 3, 0])[2] += 1
    if not counts:
        return None, None
    # a precise place in another country than most mentions is a stray ("the US Embassy" placed abroad)
    by_country: dict[str, int] = {}
    for place, _, n in counts.values():
        if place.country:
            by_country[place.country] = by_country.get(place.country, 0) + n
    if len(by_country) > 1:
        top, n_top = max(by_country.items(), key=lambda kv: kv[1])
        if n_top * 2 > sum(by_country.values()):
            counts = {k: v for k, v in counts.items() if v[0].country in (top, None)} or counts
    # (at equal precision a province says more than its country)
    place, precision, _ = min(counts.values(), key=lambda x: (x[1], x[0].feature == "country", -x[2]))
    return place, precision


def _linked(x, y) -> bool:
    """Triggers joined by a participial/coordinated clause or a compound ("killing", "attacked and killed")."""
    return (x.head.i == y.i and x.dep_ in ("advcl", "conj", "compound", "xcomp")) or \
           (y.head.i == x.i and y.dep_ in ("advcl", "conj", "compound", "xcomp"))


def _specificity(c: Candidate) -> int:
    s = 0
    if c.acled[1] not in GENERAL_SUBTYPES or c.fixed:
        s += 2
    if c.mode:
        s += 1
    return s


PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Violent demonstration": 2,
                    "Excessive force against protesters": 3}


def merge(cands: list[Candidate], events: Optional[list[Candidate]] = None) -> list[Candidate]:
    """Merge candidate mentions into events (appending to ``events`` when given)."""
    events = events if events is not None else []
    for c in cands:
        for e in events:
            if _compatible(e, c):
                e.mentions.append(c)
                if e.acled[0] is None and c.acled[0] is not None and not (c.intent or e.intent):
                    # a mention ACLED does not code ("violated the truce") names the event a coded one reports
                    e.acled, e.fixed, e.mode = c.acled, c.fixed, c.mode or e.mode
                    e.notes = e.notes + c.notes[-1:] + ["merged mentions"]
                elif e.plover == "PROTEST" and PROTEST_SEVERITY.get(c.acled[1], -1) > PROTEST_SEVERITY.get(e.acled[1], 99):
                    # mentions of one demonstration: the most severe report decides its code
                    e.acled, e.mode = c.acled, c.mode or e.mode
                    e.notes = e.notes + c.notes[-1:] + ["merged mentions"]
                elif _specificity(c) > _specificity(e) and _specificity(c) // 2 > _specificity(e) // 2:
                    e.acled, e.mode = c.acled, c.mode or e.mode
                    e.notes = c.notes + ["merged mentions"]
                elif not e.mode and c.mode or _specificity(c) > _specificity(e):
                    e.mode = c.mode or e.mode
                for src, dst in ((c.actors, e.actors), (c.targets, e.targets)):
                    dst.extend(x for x in src if x not in dst)
                e.actor_words |= c.actor_words
                e.target_words |= c.target_words
                if STATUS_RANK[c.status] > STATUS_RANK[e.status] and e.status not in ("attempted", "failed"):
                    e.status = c.status
                if c.status in ("attempted", "failed") and e.status == "occurred" and not _quoted(c.token):
                    e.status = c.status  # (not "'the enemy is trying to strike at food security,' he wrote")
                if e.place is None and c.place is not None:
                    e.place, e.geo_precision, e.site = c.place, c.geo_precision, c.site
                if not e.explicit_date and c.explicit_date:
                    e.date, e.time_precision, e.explicit_date = c.date, c.time_precision, True
                e.confidence = min(0.95, max(e.confidence, c.confidence) + 0.05)
                break
        else:
            c.mentions = [c]
            events.append(c)
    return events


BACKGROUND_MARKS = {"after", "since", "before", "because", "following", "as", "when", "until"}
BACKGROUND_PREPS = {"after", "following", "over", "against", "since", "before", "for", "about", "of"}


def background_clause(tok) -> bool:
    """Is the trigger told as background: in a relative clause or participle ("a man who was
    shot", "buildings demolished in 2019"), an "after/since" clause or an "after/over X"
    phrase ("after a clash", "over the killing")?"""
    h = tok
    for _ in range(8):
        if h.dep_ in ("relcl", "acl"):
            return True
        if h.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in h.children):
            return True
        if h.dep_ in ("pobj", "pcomp") and h.head.lower_ in BACKGROUND_PREPS:
            return True
        if h.head.i == h.i:
            return False
        h = h.head
    return False


DAMAGE = ("Strategic developments", "Looting/property destruction")
ATTACK_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _told_right_after(a: Candidate, e: Candidate, window: int = 3) -> bool:
    """Is ``e`` told within ``window`` sentences after a mention of ``a`` (its places then are
    the goods' destinations or owners, not another site)?"""
    starts = [s.start for s in sentences(e.sent.doc)]
    idx = {st: i for i, st in enumerate(starts)}
    first = min(idx.get(m.sent.start, 0) for m in e.mentions)
    return any(0 <= first - idx.get(m.sent.start, -99) <= window for m in a.mentions)


def fold_damage_into_attacks(events: list[Candidate]) -> list[Candidate]:
    """Property damage reported with an attack is what the attack did ("rockets struck the
    base, damaging a hangar", "gunmen killed villagers and set houses on fire"): ACLED codes
    the attack; Looting/property destruction is destruction with no other violence. Damage
    joins the nearest attack told before it (or in its sentence) unless other people did it."""
    attacks = [e for e in events if e.acled[0] in ATTACK_TYPES and e.absorbed_into is None
               and e.status in ("occurred", "attempted", "failed")]
    out = []
    for e in events:
        host = None
        if e.acled == DAMAGE and e.absorbed_into is None and e.actor_kind not in ("crowd", "protester") \
                and e.status not in ("negated", "hypothetical", "future"):
            start = min(m.sent.start for m in e.mentions)
            # "destroyed the memorial of the massacre": an event named in what was damaged is no attack now
            damaged = {t.i for m in e.mentions for k in m.token.children
                       if k.dep_ in ("dobj", "nsubjpass", "pobj", "prep") for t in k.subtree}
            near = [a for a in attacks if min(m.sent.start for m in a.mentions) <= start
                    and any(m.token.i not in damaged for m in a.mentions if m.sent.start <= start)
                    and not (a.actors and e.actors and not set(a.actors) & set(e.actors))
                    and (_told_right_after(a, e) or
                         not any(far_apart(m.place, x.place) for m in a.mentions[:1] for x in e.mentions[:1]))]
            if near:
                host = max(near, key=lambda a: max(m.sent.start for m in a.mentions if m.sent.start <= start))
        if host is None:
            out.append(e)
            continue
        host.mentions.extend(e.mentions)
        if {m.sent.start for m in e.mentions} & {m.sent.start for m in host.mentions[:-len(e.mentions)]}:
            # (owners named in the attack's own sentence; not "grain destined for X had been damaged")
            host.targets.extend(t for t in e.targets if t not in host.targets and t not in host.actors)
        host.notes.append(f"damage '{e.token.text}' is part of the attack")
    return out


# --------------------------------------------------------------------------- place and date

def _place_for(doc, c: Candidate):
    try:
        from .places import locate_event  # provided by the places stage when available
        # relative clauses telling another event ("a cell that was preparing to launch missiles
        # towards northern Israel"): their places are that event's
        # (not a clause on this very trigger, "a ceasefire agreed by Russia and Turkey", nor one
        # telling an event of its kind, "custody of X, who had been arrested in Tehran")
        others = [_clause_span(o.token) for o in c.sent_cands if o is not c and o.plover != c.plover]
        mine = _clause_span(c.token)
        fenced = [x[:2] for x in others if x is not None and x[2] != c.token.i
                  and not (mine is not None and x[0] <= mine[0] < x[1]) and not x[0] <= c.token.idx < x[1]]
        found = locate_event(doc, c.token.idx, c.token.idx + len(c.token), fenced)
        c.site = found.site
        return found.place, found.precision, True
    except (ImportError, AttributeError, TypeError):
        pass
    places = doc._.places or []
    best, best_dist = None, None
    for p in places:
        for m in p.mentions:
            if c.sent.start_char <= m.start < c.sent.end_char:
                d = abs(m.start - c.token.idx)
                if best_dist is None or d < best_dist:
                    best, best_dist = p, d
    precision = 1
    if best is None:  # nearest earlier mention in the text (ACLED notes put the place up front)
        earlier = [(m.start, p) for p in places for m in p.mentions if m.start < c.sent.start_char]
        if earlier:
            best = max(earlier, key=lambda x: x[0])[1]
            precision = 2
    if best is not None:
        feature = (best.feature or "").lower()
        if feature in ("country",):
            precision = 3
        elif feature in ("admin1", "region", "province", "state"):
            precision = max(precision, 3 if feature == "admin1" else 2)
    return best, (precision if best is not None else None), False


def _clause_span(tok) -> Optional[tuple[int, int, int]]:
    """Character span of the relative clause or noun-modifying clause a trigger is in, if any,
    and the token index of the noun it modifies."""
    h = tok
    for _ in range(6):
        if h.dep_ in ("relcl", "acl"):
            return h.left_edge.idx, h.right_edge.idx + len(h.right_edge), h.head.i
        if h.head.i == h.i or h.dep_ in ("ccomp", "ROOT"):
            return None
        h = h.head
    return None


def _clause(tok):
    """The clause a trigger belongs to: its own subtree for verbs, its governing verb's for nouns."""
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    sub = list(h.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def _date_in_clause(doc, c: Candidate) -> bool:
    """Only a date in the trigger's own clause separates it from other mentions of an event.

    A coordinated verb shares its head's time adverbials: "went to Baghdad on November 8
    and met the prime minister"."""
    s0, s1 = _clause(c.token)
    if any(True for _ in dates_in(doc, s0, s1)):
        return True
    h = c.token
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    if h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX"):
        for ch in h.head.children:
            if ch.dep_ in ("prep", "npadvmod", "advmod") and ch.i < h.i:
                sub = list(ch.subtree)
                if any(True for _ in dates_in(doc, sub[0].idx, sub[-1].idx + len(sub[-1]))):
                    return True
    return False


def _own_clause_date(doc, c: Candidate, d, precision):
    """The sentence's date nearest the trigger may belong to another clause ("held a rally where
    he was killed 4 years ago") or be a length of time ("for 3 months"): a point in time in the
    trigger's own clause dates it instead."""
    own, chosen_ok, chosen_duration = [], False, False
    for m in dates_in(doc, c.sent.start_char, c.sent.end_char):
        if m.date is None or m.flag is not None:
            continue
        toks = [t for t in c.sent if m.span.start <= t.idx < m.span.end]
        duration = bool(toks) and _duration(toks)
        chosen = m.date == d and m.precision == precision
        if toks and any(_in_own_clause(t, c.token) for t in toks) and not duration:
            own.append(m)
            chosen_ok = chosen_ok or chosen
        chosen_duration = chosen_duration or (chosen and duration)
    if chosen_ok:
        return d, precision
    if own:
        best = min(own, key=lambda m: abs(m.span.start - c.token.idx))
        return best.date, best.precision
    pub = published(doc)
    if chosen_duration or (pub is not None and d is not None and (pub - d).days > 60 and c.status != "historical"):
        return None, None   # no date of its own in the sentence: not the other clause's
    return d, precision


def _undated(doc, c: Candidate):
    """No date in the trigger's sentence dates it: the paragraph's last date before it, else the
    report's date (the event happened that day or shortly before it)."""
    if c.status == "historical":
        return None, None, False
    p0 = doc_text(doc).rfind("\n\n", 0, c.sent.start_char) + 1
    earlier = [d for d in doc._.dates or [] if d.date is not None and d.flag is None
               and p0 <= d.span.start and d.span.end <= c.sent.start_char]
    if earlier:
        return earlier[-1].date, earlier[-1].precision, False
    pub = published(doc)
    return (pub, 2, False) if pub is not None else (None, None, False)


# Speech acts: what was said in one sentence is not dated by an event the sentence before told
# ("Gunmen attacked a post on Thursday. The opposition accused the government of ...").
SPEECH_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}
# Verbs whose own time adverbial dates the saying, not the event named as their object ("claimed
# on Friday an attack on an army post").
SPEECH_DATE_VERBS = {"claim", "deny", "condemn", "denounce", "confirm", "report", "announce", "acknowledge",
                     "admit", "reject", "blame"}


def _date_anchor(tok):
    """The token a trigger's date is looked up from: a noun in a prepositional phrase of a verb
    ("were killed during the night of Wednesday to Thursday ... in an attack") is dated as the
    verb is -- one clause, one time."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    return tok


def _dated_by_speech(doc, c: Candidate) -> bool:
    """Is the noun trigger the object of a verb of claiming or denying whose date it took
    (no date inside the noun's own phrase)?"""
    tok = c.token
    if tok.pos_ != "NOUN":
        return False
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "for" and verb.head.dep_ == "dobj":
        verb = verb.head.head   # "claimed responsibility for the attack"
    elif tok.dep_ != "dobj":
        return False
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_DATE_VERBS:
        return False
    sub = list(tok.subtree)
    return not any(True for _ in dates_in(doc, sub[0].idx, sub[-1].idx + len(sub[-1])))


def _date_for(doc, c: Candidate):
    d, precision, explicit = _date_for_anchor(doc, c)
    if explicit and _dated_by_speech(doc, c):
        explicit = False   # the claim's date: a later mention of the event may date it
    return d, precision, explicit


def _date_for_anchor(doc, c: Candidate):
    try:
        from .dates import event_date  # provided by the dates stage when available
        anchor = _date_anchor(c.token)
        d, precision, how = event_date(doc, anchor.idx, anchor.idx + len(anchor))
        if str(how).startswith("paragraph") and c.plover in SPEECH_TYPES and c.acled[0] is None \
                and c.token.pos_ == "VERB" and c.status != "historical":
            pub = published(doc)
            if pub is not None:
                return pub, 2, False
        if str(how).startswith("sentence"):
            d, precision = _own_clause_date(doc, c, d, precision)
            if d is None:
                return _undated(doc, c)
        if c.status == "historical" and not str(how).startswith("sentence"):
            return None, None, False  # the publication date is not a background event's date
        return d, precision, str(how).startswith("sentence") and _date_in_clause(doc, c)
    except (ImportError, AttributeError, TypeError):
        pass
    in_sent = [d for d in dates_in(doc, c.sent.start_char, c.sent.end_char) if d.date is not None]
    if in_sent:
        d = min(in_sent, key=lambda d: abs(d.span.start - c.token.idx))
        return d.date, d.precision, _date_in_clause(doc, c)
    earlier = [d for d in doc._.dates or [] if d.date is not None and d.span.end <= c.sent.start_char]
    if earlier:
        d = max(earlier, key=lambda d: d.span.start)
        return d.date, d.precision, True
    pub = published(doc)
    if pub is not None and c.status != "historical":
        # The report's date; the event happened that day or shortly before it.
        return pub, 2, False
    return None, None, False


# --------------------------------------------------------------------------- salience and output

# Dependencies that open an embedded clause: events reported there (relative clauses, reasons,
# reported content, purposes) are background to the event of the clause above them.
EMBEDDING_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "csubj", "parataxis"}


def clause_depth(tok) -> int:
    """How many clauses the trigger is embedded in below its sentence's root.

    A stated intention's content ("offered to send troops") counts at its head's level: the
    intention is the event. A noun trigger governed by a trigger verb ("lifted the curfew",
    "will provide aid") is what that verb acts on, so it ranks below the verb."""
    depth, h = 0, tok
    for _ in range(12):
        if h.head.i == h.i:
            break
        if h.dep_ in EMBEDDING_DEPS and not (h.dep_ == "xcomp" and h.head.lemma_.lower() in INTENT_HEADS | THREAT_HEADS):
            depth += 1
        h = h.head
    return depth


CONCESSIVE_PREPS = {"despite", "notwithstanding"}


def set_depths(cands: list[Candidate]) -> None:
    triggers = {c.token.i for c in cands}
    for c in cands:
        c.depth = clause_depth(c.token) * 2
        if c.token.pos_ == "VERB":
            continue
        # a noun inside another trigger's argument is what that trigger acts on or is about
        # ("signed a treaty", "lifted the curfew", "rejected an offer of talks")
        h = c.token
        for _ in range(6):
            if h.head.i == h.i:
                break
            h = h.head
            if h.i in triggers:
                c.depth += 2
                break
            if h.pos_ == "ADP" and h.lower_ in CONCESSIVE_PREPS:
                c.depth += 2   # "failed to agree despite hours of talks": the talks are background
                break
            if h.pos_ in ("VERB", "AUX"):
                break


def prominence(e: Candidate) -> float:
    """0 for an event told in its sentence's main clause, negative below other events' clauses."""
    best = None
    for m in e.mentions:
        top = min(x.depth for x in (m.sent_cands or [m]))
        rel = top - m.depth
        best = rel if best is None else max(best, rel)
    return float(best or 0)


def salience(doc, e: Candidate, first_para_end: int) -> float:
    """Main-event score: lead position, repetition, ACLED-codeable violence, real over background,
    and the main clause over embedded ones."""
    s = prominence(e) * PROMINENCE_WEIGHT
    if e.intent:
        s += 0.2  # what is promised or threatened says more than "promised" or "threatened"
    starts = [m.token.idx for m in e.mentions]
    if any(x < first_para_end for x in starts):
        s += 2.5
    if min(starts) < len(doc_text(doc)) * 0.25:
        s += 1.0
    lead = sentences(doc)[0].start if sentences(doc) else 0
    if any(m.sent.start == lead and m.depth == min(x.depth for x in (m.sent_cands or [m])) and
           not background_clause(m.token) for m in e.mentions):
        s += LEAD_WEIGHT  # the lead sentence's main clause tells the story
    s += min(len(e.mentions), 6) * 0.5
    if e.acled[0] in VIOLENT_ACLED:
        s += 1.5
    elif e.acled[1] == "Other":
        s += 0.3  # background security measures rarely are the story
    elif e.acled[0] is not None:
        s += 1.0
    # a promise or threat is itself the event that occurred, whatever its content's tense
    s += STATUS_RANK["occurred" if e.intent and e.status in ("future", "hypothetical") else e.status] * 0.6
    if e.fatalities:
        s += 0.5
    return s


def _first_para_end(doc) -> int:
    """End of the title + lead paragraph (the first two non-empty blocks)."""
    blocks = [m.end() for m in re.finditer(r"[^\n]+", doc_text(doc))]
    if not blocks:
        return 0
    art = doc._.article
    k = 2 if (art is not None and art.title and doc_text(doc).lstrip().startswith(art.title.strip()[:30])) else 1
    k = min(k + 1, len(blocks))
    return blocks[k - 1]


def explain(c: Candidate) -> str:
    pos = "verb" if c.token.pos_ == "VERB" else "noun"
    head = f"trigger '{c.token.text}' ({pos}) -> {c.plover}" + (f"/{c.mode}" if c.mode else "")
    parts = [head] + c.notes
    if len(c.mentions) > 1:
        parts.append(f"{len(c.mentions)} mentions merged")
    return "; ".join(dict.fromkeys(parts))


def after_hosts(events: list[Candidate]) -> list[Candidate]:
    """Events folded into another (police action in a protest) come right after their host: the
    host is the record that reports what happened."""
    present = {id(e) for e in events}
    out = [e for e in events if e.absorbed_into is None or id(e.absorbed_into) not in present]
    for e in events:
        if e.absorbed_into is not None and id(e.absorbed_into) in present:
            at = next(i for i, x in enumerate(out) if x is e.absorbed_into) + 1
            while at < len(out) and out[at].absorbed_into is e.absorbed_into:
                at += 1
            out.insert(at, e)
    return out


class EventsStage:
    attr = "events"

    def __init__(self, lexicon: str = "events.yaml"):
        self.lexicon_name = lexicon

    @property
    def lex(self) -> Lexicon:
        return load_lexicon(self.lexicon_name)

    def __call__(self, doc):
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc) -> list[Candidate]:
        lex = self.lex
        cands = find_triggers(doc, lex)
        for c in cands:
            find_roles(doc, c, lex)
            speakers_side(doc, c)
            code_status(doc, c, lex)
            code_acled(doc, c, lex)
            code_intent(c, lex)
            c.date, c.time_precision, c.explicit_date = _date_for(doc, c)
        promises_kept_apart(cands)
        set_depths(cands)
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sent.setdefault(c.sent.start, []).append(c)
        for c in cands:
            c.sent_cands = by_sent[c.sent.start]
            c.place, c.geo_precision, _ = _place_for(doc, c)
        for c in cands:
            verb = verb_of_argument(c)
            if verb is not None and verb.status != c.status:
                c.status = verb.status
                c.notes.append(f"argument of '{verb.token.text}' -> status {verb.status}")
        cands = [c for c in cands if not named_by_verb(c)]
        cands, pending = self._sort_mentions(cands, lex)
        # Toll verbs that are negated or hypothetical ("without injuring anyone") are toll, not events.
        toll_verbs = set(lex.toll["kill_verbs"]) | set(lex.toll["injure_verbs"])
        cands = [c for c in cands if not (c.status in ("negated",) and c.token.lemma_.lower() in toll_verbs)]
        cands = _protest.relate_to_protests(cands, lex)
        events = merge(cands)
        events = merge(attach_mentions(events, pending), events)
        events = absorb_toll_mentions(events, lex)
        recode_violence(events, lex)
        events = fold_into_territory(events)
        events = fold_headline_events(events, _first_para_end(doc))
        for e in events:
            e.place, e.geo_precision = best_place(e) if len(e.mentions) > 1 else (e.place, e.geo_precision)
            # the village told with the place chosen, if any mention names one
            e.site = next((m.site for m in [e, *e.mentions] if m.site is not None and m.place is not None
                           and e.place is not None and m.place.id == e.place.id), None)
        _protest.fold_protest_violence(events, lex)
        events = _protest.fold_turned_riots(events, lex)
        events = fold_damage_into_attacks(events)
        self._assign_toll(doc, events, lex)
        _protest.fold_protest_actions(events, lex)
        rehome_generic_actors(doc, [e for e in events if e.absorbed_into is None])
        add_generic_participants(doc, [e for e in events if e.absorbed_into is None])
        separate_sides([e for e in events if e.absorbed_into is None])
        for e in events:
            if e.acled[0] is not None:  # sizes ready for Event fields size/weapons_count/arrested
                e.counts = event_counts(sorted({m.sent for m in e.mentions}, key=lambda s: s.start),
                                        lex.toll["vague"])
        self._assign_toll(doc, [e for e in events if e.acled[0] is None and e.absorbed_into is None and e.plover == "ASSAULT"], lex, only_missing=True)
        first_end = _first_para_end(doc)
        events.sort(key=lambda e: (-salience(doc, e, first_end), e.mentions[0].token.i))
        return after_hosts(events)

    @staticmethod
    def _sort_mentions(cands: list[Candidate], lex: Lexicon) -> tuple[list[Candidate], list]:
        """Event reports go on to merging; weak and anaphoric mentions wait to be attached
        to the event they name (event_mentions); mentions that report no event are dropped."""
        keep, pending = [], []
        told: set = set()   # PLOVER types of the event reports already read
        toll_verbs = {str(v) for v in (*lex.toll["kill_verbs"], *lex.toll["injure_verbs"], *lex.toll["die_verbs"])}
        for c in cands:
            if in_accusation(c.token) and c.status in ("occurred", "attempted", "alleged"):
                if c.status != "alleged":
                    c.notes.append("what someone is accused of -> alleged")
                c.status, c.accused_act = "alleged", True
            elif answered_event(c.token) and c.status in ("occurred", "alleged"):
                c.status = "historical"
                c.notes.append("the event an action answers -> earlier (historical)")
            elif describes_accused_act(c.token) and c.status in ("occurred", "alleged"):
                c.status, c.accused_act = "historical", True
                c.notes.append("describes what an accusation is about -> background")
            kind, why = mention_kind(c, lex)
            if kind == "drop":
                continue
            if requested_content(c) or open_question(c):
                continue   # "called on the UN to impose an embargo": what the request asks for
            if yes_no_question(c) or quoted_order(c) or licensed_act(c):
                continue   # "Did the army attack the village?", "told us: 'Burn the houses'", "pressure to retaliate"
            if why:
                c.notes.append(why)
            renames = renamed_event(c)
            if kind == "weak":
                pending.append((c, "weak"))
            elif renames is not None:
                c.renames = renames
                pending.append((c, "renamed"))
            elif (refers_back(c.token) or c.plover == "PROTEST" and protesters_told_before(c.token)) \
                    and c.status != "negated" and not c.explicit_date:
                pending.append((c, "backref"))
            elif names_known_event(c.token) and c.status != "negated":
                pending.append((c, "anaphor"))
            elif (retold_by_pronoun(c) or definite_plural_told_before(c, told)) and c.status != "negated":
                pending.append((c, "retold"))
            elif definite_retelling(c, told) and c.status != "negated" and not c.explicit_date \
                    and not c.accused_act:
                # "said the attack was launched from X": the violent event told before; "the blast
                # injured two boys": that event again, with what it did
                pending.append((c, "retold" if c.token.pos_ == "NOUN" else "anaphor"))
            elif account_of_told_violence(c, told, toll_verbs) and c.status != "negated" and not c.explicit_date:
                pending.append((c, "retold"))
            elif c.status == "denied" and c.plover in told and c.plover in RETOLD_VIOLENCE and not c.explicit_date:
                # "Moscow denied targeting civilians": a denial of the violence told before, not a
                # second event (statements put the denier on it)
                pending.append((c, "retold"))
            elif anaphoric(c.token) and not c.explicit_date and not c.accused_act and not answered_event(c.token) \
                    and (c.status in ("hypothetical", "historical", "alleged", "denied")
                         or c.status != "negated" and demonstrative(c.token)
                         # "did not condemn the assassination attempt": an attempt of the kind
                         # already told is that one
                         or c.status == "attempted" and c.plover in told):
                # "if it was a real targeting", "this attack": the event told before, not a new one
                pending.append((c, "anaphor"))
            else:
                keep.append(c)
                if c.status not in ("negated", "hypothetical", "future"):
                    told.add(c.plover)
        return keep, pending

    def _assign_toll(self, doc, events: list[Candidate], lex: Lexicon, only_missing: bool = False) -> None:
        """Toll sentences go to the coded event mentioned in them, else to the nearest earlier one."""
        coded = [e for e in events if e.acled[0] is not None or e.plover == "ASSAULT"]
        if not coded:
            return
        by_sent: dict[int, list[Candidate]] = {}
        for e in coded:
            for m in e.mentions:
                by_sent.setdefault(m.sent.start, []).append(e)
        per_event: dict[int, list[tuple[Optional[int], Optional[int], bool]]] = {}
        for sent in sentences(doc):
            fatal, injured = toll_in_sentence(sent, lex)
            if fatal is None and injured is None:
                continue
            here = by_sent.get(sent.start)
            if here:
                target = max(here, key=lambda e: (e.acled[0] in VIOLENT_ACLED, e.status != "historical"))
            else:
                earlier = [e for e in coded if min(m.sent.start for m in e.mentions) < sent.start
                           and e.status not in ("historical", "negated")]
                if not earlier:
                    continue
                target = max(earlier, key=lambda e: (max(m.sent.start for m in e.mentions if m.sent.start < sent.start)))
                # only the next few sentences report on an event's toll
                last = max(m.sent.end for m in target.mentions if m.sent.start < sent.start)
                if sent.start - last > 60:
                    continue
            also = additional_toll(sent) and has_phrase(sent_hays(sent), lex.toll["revised"]) is None
            per_event.setdefault(id(target), []).append((fatal, injured, also))
            target._toll_sents = getattr(target, "_toll_sents", []) + [sent]
        for e in coded:
            if only_missing and e.fatalities is not None:
                continue
            rows = per_event.get(id(e), [])
            fat = _combine([(r[0], r[2]) for r in rows])
            inj = _combine([(r[1], r[2]) for r in rows])
            if e.acled[0] is not None:
                # ACLED records 0 when no death is reported
                e.fatalities = fat if fat is not None else 0
            else:
                e.fatalities = fat
            e.injured = inj
            if fat:
                e.notes.append(f"{fat} killed")

    def set_annotations(self, doc, found: list[Candidate]):
        out = []
        for n, e in enumerate(found, 1):
            evidence, seen = [], set()
            for m in sorted(e.mentions, key=lambda m: m.sent.start):
                if m.sent.start not in seen:
                    seen.add(m.sent.start)
                    evidence.append(span_of(doc, m.sent.start_char, m.sent.end_char))
            t = e.token
            conf = e.confidence
            if e.targets or e.actors:
                conf += 0.05
            if e.status in ("hypothetical", "future", "negated"):
                conf -= 0.1
            out.append(Event(
                id=f"e{n}",
                plover_type=e.plover or None,
                plover_mode=e.mode or None,
                acled_event_type=e.acled[0],
                acled_sub_event_type=e.acled[1],
                actors=list(e.actors),
                targets=[x for x in e.targets if x not in e.actors] or list(e.targets),
                place=e.place.id if e.place is not None else None,
                site=e.site.id if e.site is not None else None,
                geo_precision=e.geo_precision,
                date=e.date,
                time_precision=e.time_precision,
                fatalities=e.fatalities,
                injured=e.injured,
                arrested=e.counts.get("arrested"),
                size=e.counts.get("size"),
                weapons_count=e.counts.get("weapons_count"),
                status=e.status,
                evidence=evidence,
                confidence=round(max(0.05, min(0.99, conf)), 2),
                trigger=span_of(doc, t.idx, t.idx + len(t)),
                explanation=explain(e),
            ))
        doc._.events = out
        if doc._.trace is not None:
            doc._.trace["events"] = [f"{ev.id}: {ev.explanation}" for ev in out]
        return doc


def _combine(rows: list[tuple[Optional[int], bool]]) -> Optional[int]:
    """Toll across sentences: the largest report, plus reports introduced as additional."""
    vals = [(v, also) for v, also in rows if v is not None]
    if not vals:
        return None
    base = max(v for v, also in vals if not also) if any(not a for _, a in vals) else 0
    return base + sum(v for v, also in vals if also)


# Kept for the pipeline's stage convention (pipeline/<stage>.Stage).
Stage = EventsStage


@Language.factory("eventlens_events", default_config={"lexicon": "events.yaml"})
def make_stage(nlp, name, lexicon: str):
    return EventsStage(lexicon=lexicon)


# --------------------------------------------------------------------------- evaluation

def score(examples) -> dict:
    """Score main events against gold rows.

    ``examples``: iterable of (Result, gold) where gold is a dict with any of
    ``event_type``/``acled_event_type``, ``sub_event_type``/``acled_sub_event_type``,
    ``fatalities``, ``event_date``/``date``. The predicted main event is the first ACLED-coded
    event of the Result (falling back to the first event). Returns accuracies, macro and
    weighted F1 over sub-event types and a confusion table {(gold, predicted): count}.
    """
    n = 0
    hits = {"event_type": 0, "sub_event_type": 0, "fatalities": 0, "date": 0}
    counted = {"fatalities": 0, "date": 0}
    confusion: dict[tuple[str, str], int] = {}
    pairs = []
    errors = []
    for result, gold in examples:
        n += 1
        events = list(result.events)
        main = next((e for e in events if e.acled_event_type), events[0] if events else None)
        g_type = gold.get("acled_event_type", gold.get("event_type"))
        g_sub = gold.get("acled_sub_event_type", gold.get("sub_event_type"))
        p_type = main.acled_event_type if main else None
        p_sub = main.acled_sub_event_type if main else None
        hits["event_type"] += int(_norm(g_type) == _norm(p_type))
        hits["sub_event_type"] += int(_norm(g_sub) == _norm(p_sub))
        pairs.append((_norm(g_sub), _norm(p_sub)))
        key = (str(g_sub), str(p_sub))
        confusion[key] = confusion.get(key, 0) + 1
        if gold.get("fatalities") not in (None, ""):
            counted["fatalities"] += 1
            hits["fatalities"] += int(main is not None and main.fatalities is not None
                                      and int(float(gold["fatalities"])) == main.fatalities)
        g_date = gold.get("event_date", gold.get("date"))
        if g_date not in (None, ""):
            counted["date"] += 1
            hits["date"] += int(main is not None and main.date is not None and str(main.date) == str(g_date)[:10])
        if _norm(g_sub) != _norm(p_sub) and len(errors) < 50:
            errors.append({"gold": g_sub, "predicted": p_sub,
                           "explanation": main.explanation if main else None})
    macro, weighted = _f1(pairs)
    return {
        "n": n,
        "event_type_accuracy": hits["event_type"] / n if n else 0.0,
        "sub_event_type_accuracy": hits["sub_event_type"] / n if n else 0.0,
        "sub_event_type_macro_f1": macro,
        "sub_event_type_weighted_f1": weighted,
        "fatalities_exact": hits["fatalities"] / counted["fatalities"] if counted["fatalities"] else None,
        "date_exact": hits["date"] / counted["date"] if counted["date"] else None,
        "confusion": confusion,
        "errors": errors,
    }


def _norm(x) -> Optional[str]:
    if x is None:
        return None
    return str(x).strip().lower().replace("protestors", "protesters") or None


def _f1(pairs: list[tuple[Optional[str], Optional[str]]]) -> tuple[float, float]:
    labels = {g for g, _ in pairs if g is not None}
    if not labels:
        return 0.0, 0.0
    macro, weighted, total = 0.0, 0.0, 0
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        support = tp + fn
        macro += f1
        weighted += f1 * support
        total += support
    return macro / len(labels), weighted / total if total else 0.0


# Protest rules live in their own module, which imports helpers from this one.
from . import event_protest as _protest  # noqa: E402
