"""Syntax helpers of the statements stage: subjects, agents, passives and negation of cue verbs,
the spans of speaker phrases and their roles ("the spokesman for X"), contents set off by commas
or moved before their cue. Pure functions over the spaCy parse; ``statements.Stage`` uses them."""
from __future__ import annotations

import re
from typing import Optional

from .base import actor_at, doc_text, place_at
from .datelines import dateline_at
from .statement_lexicon import lexicon

# Quotes shorter than this without a cue are scare quotes or names ("Hezbollah" Brigades).
MIN_STANDALONE_QUOTE_WORDS = 4
# How far back (in sentences) a pronoun or title may look for its speaker.
PRONOUN_WINDOW_SENTS = 3
# Longest reported clause kept (a runaway parse must not swallow the article).
MAX_CONTENT_CHARS = 2000
_RELATIVE = {"who", "which", "that", "whom"}
# "his claim": the possessive stands for the speaker like "he said" does
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}
# Verbs that can stand as a parenthetical "..., X said, ..." around their content
_PARENTHETICAL = {"say", "add", "tell", "note", "write", "argue", "insist", "explain", "claim", "warn"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
# Verbs whose object does not do what the infinitive after them says ("used strong words to
# denounce", "called a meeting to discuss", "needs more appeals to ensure")
_PURPOSE_HEADS = {"use", "call", "need", "make", "take", "have", "give", "hold", "launch", "form", "create",
                  "build", "open", "set", "send", "spend", "raise", "seek", "want"}
# Pronouns that stand for people and quantifiers over groups of them ("many believe ...")
_PEOPLE_PRONOUNS = {"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "others"}
_QUANTIFIERS = {"many", "some", "most", "few", "several", "all", "both", "none", "half", "majority"}
# Verbs of saying whose reported clause the parser may attach as an adverbial clause
_SAY_LIKE = {"say", "tell", "add", "write", "explain", "insist", "argue", "note", "announce", "state"}
# Prepositions whose object is what was said or thought about ("spoke about X", "warned of X")
_TOPIC_PREPS = ("about", "of", "over", "against")


def _clausal_complement(verb) -> bool:
    """A finite reported clause follows the verb, with or without "that" ("polls show the
    race is tied"): then any noun phrase can be what shows or suggests it."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(x.dep_ in _SUBJ for x in c.children)
               for c in verb.children)


# ---------------------------------------------------------------- syntax helpers

def _subtree_span(tok, exclude=()) -> tuple[int, int]:
    toks = [t for t in tok.subtree if not any(t in ex.subtree for ex in exclude)]
    toks = [t for t in toks if not t.is_punct] or [tok]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _is_negated(verb) -> bool:
    doc = verb.doc
    # a "not" cut off from the verb by punctuation belongs to a quote or another clause
    # ("Probably not," she said)
    if any(c.dep_ == "neg" and not any(doc[k].is_punct for k in range(min(c.i, verb.i) + 1, max(c.i, verb.i)))
           for c in verb.children):
        return True
    # "neither confirmed nor denied": both verbs are held back
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children) or \
            verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in verb.head.children):
        return True
    # "No party has claimed", "nobody condemned"
    for c in verb.children:
        if c.dep_ in _SUBJ and (c.lower_ in {"nobody", "none", "noone"}
                                 or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
            return True
    return False


def _is_passive(verb) -> bool:
    # ("who's called for ...": an "'s" the parser took for "is" with an active subject is "has")
    return any(c.dep_ in ("nsubjpass", "csubjpass") or c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s")
               for c in verb.children) or (any(c.dep_ == "auxpass" for c in verb.children)
                                           and not any(c.dep_ == "nsubj" for c in verb.children)) \
        or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "conj")
            and any(c.dep_ == "agent" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)) \
        or _passive_participle_clause(verb)
    # ("when pressed by X about ...", "promoted by X": a participle with a "by" agent is passive)


def _passive_participle_clause(verb) -> bool:
    """A past participle that heads a clause without subject or auxiliary of its own is
    passive: "the firm failed, as predicted" (= as was predicted: the main clause's subject
    predicted nothing) and the absolute "with the mayor expected to visit" (= with the mayor
    being expected: a finite past tense cannot follow "with" + noun, whatever the tagger says)."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.i != verb.i \
            and any(m.dep_ == "mark" and m.lower_ == "as" and m.i == verb.i - 1 for m in verb.children):
        return not any(c.dep_ in _SUBJ for c in verb.children)
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without") \
        and verb.lower_.endswith("ed") and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _as_preposition_subject(verb):
    """"Shirts read 'I can't breathe,' as Ana Ruiz, lying on the road, said before she died":
    the "as" of a comparative clause the parser read as a preposition, with the clause's subject
    as its object and the verb hung elsewhere. A finite verb with no subject of its own that
    follows "as" + noun phrase (directly or after an aside set off by commas) has that noun
    phrase for its subject. ("such as X", "as well as X" and "as ... as" comparisons are no
    clause of this kind.)"""
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children):
        return None
    doc = verb.doc
    as_ = next((t for t in reversed(doc[verb.sent.start:verb.i]) if t.lower_ == "as"), None)
    if as_ is None or as_.dep_ != "prep" or as_.head.pos_ in ("ADJ", "ADV") or \
            (as_.i > 0 and doc[as_.i - 1].lower_ in ("such", "well", "so")):
        return None
    pobj = next((c for c in as_.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "PRON") or pobj.left_edge.i != as_.i + 1:
        return None
    if pobj.lower_ in _RELATIVE or pobj.lower_ in ("it", "this"):
        return None
    between = [t for t in doc[pobj.i + 1:verb.i] if not t.is_space]
    aux = [t for t in between if t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod")]
    between = [t for t in between if t not in aux]
    if between and not (between[0].text == "," and between[-1].text == ","):
        return None
    return pobj


def _agent(verb):
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _cannot_speak(tok) -> bool:
    """Events and measures ("the attack", "the sanctions") are said things, never sayers."""
    lex, lemma = lexicon(), tok.lemma_.lower()
    return lemma in lex["event_nouns"] or lemma in lex["measure_nouns"]


def _object_of_other_subject(subj, subjects) -> bool:
    """Whether this subject follows, with nothing between, an objectless verb of another
    subject's relative clause ("the source which asked not to reveal [his name] said")."""
    before = subj.doc[subj.left_edge.i - 1] if subj.left_edge.i > 0 else None
    return before is not None and before.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "obj", "ccomp") for c in before.children) and any(
        o is not subj and o.i < subj.i and before in o.subtree for o in subjects)


def cue_verb(doc, cue, aux: bool = False):
    """The last verb (or auxiliary, with aux) of a cue span (start, end), or None: "did not
    immediately respond to" -> respond."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    pos = ("VERB", "AUX") if aux else ("VERB",)
    return next((t for t in reversed(list(span or [])) if t.pos_ in pos), None)


def _second_act(verb) -> bool:
    """ "China said it was opposed to the test and warned Pyongyang to ...": a verb of saying
    without a subject, joined by "and" to the clause another verb of saying reports, is that
    speaker's second act (the parser hung it on the reported clause)."""
    clause = verb.head
    entry = lexicon()["cues"].get(verb.lemma_.lower())
    if not (verb.dep_ == "conj" and entry is not None and not entry.get("epistemic")
            and not any(c.dep_ in _SUBJ for c in verb.children) and clause.dep_ == "ccomp" and clause.i < verb.i
            and any(c.dep_ == "cc" and c.i < verb.i for c in clause.children)
            and clause.head.lemma_.lower() in _SAY_LIKE and clause.head.i < clause.i):
        return False
    # only when the clause's own subject is a pronoun for the speaker ("China said it ...", "Smith
    # said he ..."); "the army said militants attacked the post and threatened residents": the
    # militants threatened
    inner = next((c for c in clause.children if c.dep_ in _SUBJ), None)
    outer = next((c for c in clause.head.children if c.dep_ in _SUBJ), None)
    if inner is None or outer is None or inner.lower_ not in ("he", "she", "it", "they", "we"):
        return False
    person = outer.ent_type_ == "PERSON" or outer.lemma_.lower() in lexicon()["titles"] \
        or outer.lemma_.lower() in lexicon()["person_nouns"] or outer.lower_ in ("he", "she")
    return (inner.lower_ in ("he", "she")) == person and (inner.lower_ == outer.lower_ or outer.pos_ != "PRON")


def _subject(verb):
    """The subject of a cue verb, through participles ("..., saying:"), conjunctions and
    relative clauses ("X, who ... blamed")."""
    as_subject = _as_preposition_subject(verb)
    if as_subject is not None:
        return as_subject
    prev = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if verb.dep_ in ("conj", "dep") and verb.tag_ in ("VBP", "VBZ", "VBD") and prev is not None \
            and prev.pos_ in ("NOUN", "PROPN") and prev.dep_ not in _SUBJ and prev.head.i != verb.i \
            and not any(c.dep_ in _SUBJ for c in verb.children) \
            and not any(c.dep_ == "cc" for c in (*verb.children, *verb.head.children) if c.i < verb.i):
        # "the $5 billion analysts say it needs": a finite verb joined to nothing by "and" or a
        # comma, right after a noun, is a relative clause without "that" whose subject is the noun
        return prev
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.dep_ in ("nsubj", "ROOT") and any(c.dep_ in ("dobj", "obj") and c.i > verb.i for c in verb.children) \
            and not any(c.dep_ in _SUBJ for c in verb.children):
        # "The Islah party condemned in a statement the explosion and ...": a participle with a
        # direct object is no passive relative clause; it is the subject's own (main) verb
        return verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and \
            verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in _SUBJ for c in verb.children) and (
                verb.head.ent_type_ in ("PERSON", "ORG") or verb.head.lemma_.lower() in lexicon()["source_nouns"]
                or verb.head.lemma_.lower() in lexicon()["speech_artifacts"]):
        # "footage of Smith asking ...", "a statement announcing ...", "a tweet attacking ...":
        # the noun a present participle modifies is who (or what) speaks
        return verb.head
    tok = verb
    for _ in range(6):
        moved = None
        # (a verb with two subjects is a misparse: the one nearest before it is the speaker,
        # unless it is the missing object of the other one's relative clause: "the source
        # which asked not to reveal his name said ...")
        subjects = [c for c in tok.children if c.dep_ in _SUBJ]
        for c in sorted(tok.children, key=lambda c: (c.i > tok.i, abs(c.i - tok.i))):
            if c.dep_ in _SUBJ and not _object_of_other_subject(c, subjects):
                if c.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    # "X, who said ..." is X; "..., which suggests" is a fact unless X is a
                    # document or a body that can hold a view ("the report, which found ...")
                    head = tok.head
                    if tok is not verb and c.lower_ in ("that", "which") and head.pos_ == "NOUN" \
                            and head.lemma_.lower() not in lexicon()["source_nouns"]:
                        # "X stressed her support of the raid that killed Y and said ...": the
                        # parser joined the cue to the relative clause of a thing; it goes on
                        # the clause that governs the thing
                        gov = head
                        while gov.head.i != gov.i and gov.pos_ not in ("VERB", "AUX"):
                            gov = gov.head
                        if gov.pos_ in ("VERB", "AUX") and gov.i != tok.i:
                            moved = gov
                            break
                        return None
                    if c.lower_ in ("who", "that") or head.lemma_.lower() in lexicon()["source_nouns"] \
                            or head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
                        return head   # "the African Union, which argued that ..."
                    return None
                if tok is not verb and tok.dep_ == "ccomp" and tok.head.i != tok.i \
                        and (tok.head.lemma_.lower() in _SAY_LIKE or _cue_entry(tok.head) is not None) \
                        and _cannot_speak(c):
                    # "a spokesman said the sanctions were worthless and accused Washington of ...":
                    # the parser joined the cue to the reported clause; sanctions accuse no one
                    moved = tok.head
                    break
                return c
        if moved is not None:
            tok = moved
            continue
        if tok.dep_ == "conj":
            rel = _relative_sibling(tok)
            if rel is not None:
                return rel
            if tok is verb and _second_act(verb):
                tok = verb.head.head   # "China said it opposed the test and warned X": China warned
                continue
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i and tok.tag_ in ("VB", "VBG") \
                and tok.head.lemma_.lower() not in _PURPOSE_HEADS:
            # "forced the banker to admit ...", "left many nations feeling that ...": the object
            # of the governing verb is who admits or feels
            obj = next((c for c in tok.head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i
                        and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if obj is not None:
                return obj
        if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.head.i != tok.head.i:
            if any(c.dep_ in _SUBJ and c.lower_ in ("it", "this", "that") for c in tok.head.head.children):
                return None   # "it is worth noting that ...": nobody notes
            tok = tok.head.head   # "was able to tout", "is eager to say"
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ == "as" \
                and tok.head.head.lemma_.lower() in ("quote", "cite"):
            # "the agency quoted the minister as saying ...": the one quoted said it
            quoted = next((c for c in tok.head.head.children if c.dep_ in ("dobj", "obj")), None)
            if quoted is not None:
                return quoted
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
            tok = tok.head.head   # "responded by saying ...", "after saying ..."
            while tok.dep_ in ("advmod", "acomp", "npadvmod") and tok.pos_ in ("ADV", "ADJ") and tok.head.i != tok.i:
                tok = tok.head    # "aside from saying", "stopped short of calling"
            continue
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    root = _verbless_root(verb)
    if root is not None:
        return root
    # inverted "said X" where the parser attached X as dobj/attr after the verb
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr") and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG")) \
                and c.lower_ not in _RELATIVE | {"this", "it", "so", "what", "these", "those"}:
            # ("Having said that, ...": a pronoun object is what was said, never who said it)
            if verb.lemma_ == "say":
                return c
    # "John, still breathing heavily, said ...": the parser gave the subject to the participle
    # set off by commas before the verb
    for c in verb.lefts:
        if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and x.i < c.i
                         and x.pos_ in ("PROPN", "NOUN") and any(t.text == "," for t in verb.doc[x.i + 1:c.i])), None)
            if subj is not None:
                return subj
    # a name right before a finite cue verb that the parser hung elsewhere ("In a meeting with
    # the board of the Post Smith said that ...")
    if verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("ROOT", "ccomp", "conj"):
        i = verb.i - 1
        while i >= verb.sent.start and verb.doc[i].dep_ in ("advmod", "aux", "neg") and verb.doc[i].head.i == verb.i:
            i -= 1
        prev = verb.doc[i] if i >= verb.sent.start else None
        if prev is not None and prev.pos_ in ("PROPN", "PRON") and prev.lower_ not in _RELATIVE \
                and prev.lower_ not in ("it", "this", "that", "there"):
            return prev
    return None


def _idiomatic_saying(verb) -> bool:
    """Set phrases with a verb of saying that report nobody's words: "it goes without saying",
    "left without saying a word", "let's say" (a supposition), "needless to say", "suffice it to
    say". ("Their reaction is to tell voters that ..." does report a stance.)"""
    if verb.lemma_.lower() not in ("say", "tell", "mention"):
        return False
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "without":
        return True
    if head.lemma_.lower() == "let" and head.i < verb.i and any(
            c.lower_ in ("'s", "’s", "us") for c in (*verb.children, *head.children)):
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    before = verb.doc[verb.i - 2].lower_ if verb.i >= 2 else ""
    return infinitive and (head.lower_ == "needless" or head.lemma_.lower() == "suffice"
                           or before in ("needless", "suffice"))


def _verbless_root(verb):
    """ "Jo Lee, the rival of the mayor, called Friday for ...", "One of the nurses who signed
    the letter called him a fraud": after a long subject the parser sometimes hangs the main
    verb on a noun as a participle (acl) and leaves the sentence without a verb. An active
    participle with its own complement, in a sentence whose root is that earlier noun phrase,
    is the main verb and the root its subject."""
    if verb.dep_ != "acl" or _is_passive(verb) or _agent(verb) is not None:
        return None
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN", "NUM") or root.i >= verb.i or verb.head.i == root.i and verb.i == root.i + 1:
        return None   # ("the bill known as ...": a participle right after its noun modifies it)
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") and t.head.i == root.i
           for t in verb.sent if t.i != verb.i):
        return None
    if not any(c.dep_ in ("dobj", "obj", "prep", "ccomp", "oprd", "npadvmod") for c in verb.children):
        return None
    return root


def _outside_speaker(ctx, q, verb):
    """The speaker of a quote when the parser made a quoted word the cue verb's subject: the
    words between a closing mark and the cue ("“...,” Chief Jane Doe said") or right after the
    cue ("“...,” said Jane Doe, a lawyer"), as the top nominal token of those words."""
    doc, text = verb.doc, doc_text(verb.doc)
    sent = verb.sent

    def words(toks):
        toks = [t for t in toks if not t.is_punct and not t.is_space]
        ok = toks and (toks[0].pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM") or toks[0].is_title)
        return toks[:12] if ok else []

    # before the cue: back to the closing mark of a quotation right before the words
    before = []
    for t in reversed(doc[sent.start:verb.i]):
        if ctx.in_quote(t.idx) or t.text in "”\"'’" and t.i < verb.i:
            break
        before.insert(0, t)
    closes = before[0].i - 1 >= sent.start and (before[0].i == sent.start or ctx.in_quote(doc[before[0].i - 1].idx)
                                               or doc[before[0].i - 1].text in "”\"'’") if before else False
    toks = words(before) if closes and not text[before[0].idx:verb.idx].lstrip().startswith(("--", "—")) else []
    if not toks:
        after = []
        for t in doc[verb.i + 1:sent.end]:
            if ctx.in_quote(t.idx) or t.is_space or t.text in ".;:!?\"“”" or t.lower_ == "that":
                break
            after.append(t)
        toks = words(after)
    nominal = {t.i for t in toks if t.pos_ in ("PROPN", "NOUN", "PRON")}
    # (the parser may tag a word of a name as a verb: "Tulsa police Chief ...")
    tops = [doc[i] for i in sorted(nominal) if doc[i].head.i not in nominal or doc[i].head.i == i]
    return tops[0] if tops else None


def _extracted_object(verb) -> Optional[tuple[int, int]]:
    """What a cue verb in a relative or "what"-clause holds when its object was moved before
    it: "the pride that many voters feel" (the noun it modifies), "what the campaign hopes"
    ("what")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "prt", "acomp", "oprd") and c.i > verb.i
           for c in verb.children):
        return None
    what = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "attr") and c.lower_ == "what"
                 and c.i < verb.i), None)
    if what is not None and what.dep_ == "dobj":
        return what.idx, what.idx + len(what)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
            and not any(c.dep_ in _SUBJ and c.lower_ in _RELATIVE for c in verb.children) \
            and not any(c.lower_ in ("where", "when", "why") for c in verb.children):
        return _phrase_span(verb.head)  # (not "the place where they demonstrated": no object moved)
    return None


def _set_off_content(ctx, verb, subj, prep=None) -> Optional[tuple[int, int]]:
    """What a cue verb with no object or clause reports when the parser found none:
    the rest of its sentence around a clause set off by commas ("These workers, Doe explained
    later, were well paid", "Voters, as one adviser pointed out, are tired", "Not yet, he
    said."), or the next paragraph after a cue that ends its own paragraph with a colon
    ("The governor added:" followed by a block quotation)."""
    doc, text = verb.doc, doc_text(verb.doc)
    sent = verb.sent
    lo, hi = ctx.para_bounds(verb.idx)
    end = verb.i + 1
    while end < sent.end and not doc[end].is_space and doc[end].text not in ",.;:!?\"“”":
        end += 1
    after = text[doc[end - 1].idx + len(doc[end - 1]):hi].strip()
    if after == ":" and verb.lemma_.lower() in _SAY_LIKE | _PARENTHETICAL | {"report", "continue"}:
        i = ctx.para_index(verb.idx)
        if i + 1 < len(ctx.paras):
            a, b = ctx.paras[i + 1]
            while a < b and text[a] in " \t\n\xa0":
                a += 1
            while b > a and text[b - 1] in " \t\n\xa0":
                b -= 1
            return (a, min(b, a + MAX_CONTENT_CHARS)) if b - a >= 3 else None
        return None
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i]
    # "People like Scott, he said.": the parser may give the verb a second subject
    subj = max((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), key=lambda c: c.i, default=subj)
    start = min([subj.left_edge.i] + [m.i for m in marks])
    if start <= sent.start or doc[start - 1].text != "," or (end < sent.end and doc[end].text not in ",.!?"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prt", "acomp", "attr", "oprd", "dative")
           and (prep is None or c.i != prep.i) for c in verb.children) \
            or verb.dep_ == "conj":
        return None
    # the reported words on both sides of the aside: one span, the longer side
    sides = [[t for t in sent if t.i < start - 1 and lo <= t.idx < hi and not t.is_space],
             [t for t in sent if t.i > end and lo <= t.idx < hi and not t.is_space]]
    toks = max(sides, key=lambda side: len([t for t in side if not t.is_punct]))
    words = [t for t in toks if not t.is_punct]
    if len(words) < 2 or not any(t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "ADV", "VERB") for t in words):
        return None
    return _trimmed(doc, toks)


def _relative_subject(verb):
    """The relative pronoun that is the cue verb's own subject ("X, who said ...")."""
    # "farmers, who make up most members and see the reform as ...": a conjunct without
    # its own subject shares the relative pronoun
    while verb.dep_ == "conj" and verb.head.i != verb.i and not any(c.dep_ in _SUBJ for c in verb.children):
        verb = verb.head
    if verb.dep_ != "relcl":
        return None
    rel = next((c for c in verb.children if c.dep_ in _SUBJ and c.lower_ in _RELATIVE), None)
    if rel is not None and any(c.dep_ in _SUBJ and rel.i < c.i < verb.i for c in verb.children):
        return None   # "a system which advocates say hurts schools": "which" is the clause's
    return rel


def _relative_sibling(verb):
    """"X, who did not condemn A, but rather blamed B": the parser hangs "blamed" on the main
    clause, but a conjunct that directly follows a who-clause continues it. Returns X."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (doc[i].is_punct or doc[i].dep_ in ("cc", "advmod", "aux", "neg")):
        i -= 1
    if i < verb.sent.start:
        return None
    rel = doc[i]
    while rel.dep_ != "relcl" and rel.head.i != rel.i and verb.sent.start <= rel.head.i < verb.i:
        rel = rel.head
    if rel.dep_ != "relcl" or rel.i > verb.i:
        return None
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if any(c.dep_ in _SUBJ and c.lower_ in ("who", "that") for c in rel.children) and \
            max(t.i for t in rel.subtree) < verb.i:
        head = rel.head
        if any(c.dep_ in _SUBJ and c.lower_ == "that" for c in rel.children) and head.pos_ == "NOUN" \
                and head.lemma_.lower() not in lexicon()["source_nouns"]:
            return None   # "the raid that killed X and said ...": a thing does not speak
        return head
    return None


# "“...” ― Jane Doe, a voter" : a dash after a closing quote, then a short name phrase
_SIGNATURE = re.compile(r"\s*(?P<dash>[―—–]|--)\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")
# "PENCE: ...", "Poll: ...": a paragraph opening with a short name and a colon
_COLON_SPEAKER = re.compile(r"[\"“']?(?P<name>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3}?)\s*(?P<colon>:)\s")
# First words of a headline phrase that does not name a speaker ("A Curious Plan to ...")
_NOT_HEADLINE_SOURCES = {"a", "an", "the", "one", "be", "can", "this", "that", "it", "there", "what", "why",
                         "how", "when", "where", "who", "is", "are", "do", "does", "will", "should", "my", "our"}
# Prepositions that make a paragraph label a heading ("Stealth Over Health:"), not a speaker
_HEADING_PREPS = {"for", "over", "with", "on", "in", "at", "to", "from", "about", "against", "after", "before",
                  "under", "amid", "as", "by", "into", "without"}
# Paragraph labels that are not speakers
_NOT_SPEAKERS = {"update", "note", "editor", "editors", "correction", "related", "watch", "read", "photo",
                 "video", "source", "sources", "q", "a", "question", "answer", "warning", "advertisement",
                 "breaking", "exclusive", "opinion", "analysis", "live", "via", "credit", "image",
                 "clarification", "disclosure", "transcript", "caption", "graphic", "chart", "map"}


_PLACE_DASH = re.compile(r"([A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3})[ \t]+[-–—]{1,2}[ \t]+(?=[A-Z])")


def _without_dateline(text: str, span: tuple[int, int], doc=None) -> tuple[int, int]:
    """A source or content span that opens its paragraph with a dateline ("WASHINGTON --
    President Obama", "KYIV, May 9 - A missile ...") without it: the place line says where the
    report was filed, neither who spoke nor what was said. With the doc, a known place in
    title case before a dash ("Sulaymaniyah - Three persons ...", translated wire copy) too."""
    start, end = span
    para = text.rfind("\n", 0, start) + 1
    if doc is not None and para == start and dateline_at(text, start, end) is None:
        m = _PLACE_DASH.match(text, start, end)
        place = place_at(doc, m.start(1), m.end(1)) if m is not None and m.end() < end else None
        if place is not None and any(p.start == m.start(1) and p.end == m.end(1) for p in place.mentions):
            return m.end(), end
    if para < start:
        # a span that begins inside the dateline ("May 9 - Sudan's army ..." of "EL OBEID,
        # Sudan, May 9 - Sudan's army ...") loses the rest of it
        m = dateline_at(text, para, end)
        if m is not None and start < m.end() < end and text[m.end()].isupper():
            return m.end(), end
        return span
    m = dateline_at(text, start, end)
    if m is None or m.end() >= end or not text[m.end()].isupper():
        return span
    return m.end(), end


def _speaker_prefix(ctx, start: int, end: int) -> bool:
    """The words before a paragraph-opening colon name a speaker: a known actor, all-caps
    name (transcripts), or proper nouns / a source noun ("Poll:")."""
    text = doc_text(ctx.doc)
    words = re.findall(r"[\w'’&.-]+", text[start:end])
    if not words or words[0].lower().strip(".'’") in _NOT_SPEAKERS or words[-1].lower() in _NOT_SPEAKERS:
        return False
    if any(w.lower() in _HEADING_PREPS for w in words[1:]):
        return False   # "Relief for Refugees:", "Frustration with police:": a heading, not a speaker
    label = text[start:end]
    if place_at(ctx.doc, start, end) is not None and not (words == [w.upper() for w in words] and (
            all(w in ctx.speaker_names() for w in words)
            or len(re.findall(r"(?:^|\n)[\"“']?" + re.escape(label) + r":", text)) >= 2)):
        # ("Pakistan: suicide attack kills nine": a country heading a headline is its topic; but a
        # transcript's all-caps label is the speaker named so elsewhere or heading other turns,
        # "WALLACE:", even when a town has that name)
        return False
    actor = actor_at(ctx.doc, start, end)
    if actor is not None:
        # ("Pakistan: suicide attack kills nine": a country heading a headline is its topic)
        return actor.kind != "state"
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    lex = lexicon()
    if all(t.is_upper or t.is_punct for t in span) and len(span) <= 3:
        return True
    if all(w[:1].isupper() for w in words) and all(w in ctx.speaker_names() for w in words):
        return True   # a headline label the tagger missed ("Sanders:"), named elsewhere in the text
    return all(t.pos_ == "PROPN" or t.is_punct for t in span) or \
        (len(span) <= 2 and span[-1].lemma_.lower() in lex["source_nouns"])


def _trimmed(doc, toks) -> Optional[tuple[int, int]]:
    """Character span of tokens without the complementizer and edge punctuation (content is
    the reported proposition), at most MAX_CONTENT_CHARS long."""
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and (toks[0].is_punct or (toks[0].lower_ in ("that", "whether", "if")
                                          and (toks[0].dep_ == "mark" or toks[0].tag_ == "IN"))):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"’»":
        toks = toks[:-1]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return start, min(end, start + MAX_CONTENT_CHARS)


def _object_is_content(obj, entry) -> bool:
    """A plain object is what was said/thought ("acknowledged their uphill battle"), except
    for verbs whose object is the addressee ("told reporters") and bare pronouns ("said it")."""
    if entry.get("needs_object"):
        return True
    if entry.get("object") is False or entry.get("needs_clause"):
        return False
    # "denied it", "doesn't think so": the pronoun stands for what was said (PolNeAR marks
    # it); persons are addressees or topics ("praised him" has its own rule via plover)
    return not (obj.pos_ == "PRON" and obj.lower_ in ("them", "him", "her", "me", "us", "you")) \
        or (entry.get("epistemic") and obj.lower_ in ("them", "him", "her"))


# Any verb with a "that"-clause and a source-like subject reports a thought or finding
# ("the study found that ...", "voters know that ..."); PolNeAR-style attribution.
GENERIC_CUE = {"epistemic": True, "generic": True}


# verbs whose "that"-clause is what they bring about, not what anyone thinks ("to ensure that ...")
_CAUSING = {"ensure", "insure", "cause", "arrange"}
# words that make "that" a subordinator of time, result or reason ("now that", "so ... that")
_THAT_CONJUNCTIONS = {"now", "so", "such", "given", "except", "provided", "providing", "seeing"}


def _generic_cue(tok):
    if tok.pos_ != "VERB" or tok.lemma_.lower() in ("be", "have", "make", "mean", "seem", "appear") \
            or tok.lemma_.lower() in _CAUSING:
        return None
    doc = tok.doc
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i and any(
                m.dep_ == "mark" and m.lower_ == "that"
                and not (m.i > 0 and doc[m.i - 1].lower_ in _THAT_CONJUNCTIONS)
                and not any(doc[k].lower_ in ("so", "such") for k in range(tok.i + 1, m.i))
                for m in c.children):
            return GENERIC_CUE, None
    return None


# "sent a letter", "unleashed a flurry of tweets": a verb whose object is something written or
# said reports what it says (lexicon speech_artifacts); not when the subject only gets or reads it
ARTIFACT_CUE = {"artifact": True}
_NOT_AUTHORING = {"be", "have", "get", "receive", "read", "see", "obtain", "review", "answer", "ignore", "open",
                  "delete", "sign", "cite", "quote", "show", "watch", "find", "like", "follow", "view", "carry",
                  "sort", "erase", "forward", "leak", "hack", "steal", "use"}
_QUANTITY_NOUNS = {"flurry", "series", "barrage", "string", "stream", "volley", "slew", "torrent", "spate", "wave"}


def _artifact_cue(tok):
    if tok.pos_ != "VERB" or tok.lemma_.lower() in _NOT_AUTHORING or _is_passive(tok):
        return None
    artifacts = lexicon()["speech_artifacts"]
    for c in tok.children:
        if c.dep_ != "dobj" or c.i < tok.i:
            continue
        head = c
        if c.lemma_.lower() in _QUANTITY_NOUNS:
            of = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"), None)
            head = next((p for p in of.children if p.dep_ == "pobj"), c) if of is not None else c
        if head.lemma_.lower() in artifacts:
            return ARTIFACT_CUE, None
    return None


def _as_frame(verb) -> Optional[tuple[int, int]]:
    """ "described the protests as riots", "critics see the deal as a betrayal", "a blast that
    X described as an attack": a framing verb's object and its "as" phrase are what was said
    or thought (a relative pronoun object stays out: the "as" phrase alone is the content)."""
    word = verb.lower_
    # (the lemmatizer may cut a silent e: "rated" -> "rat")
    if not {verb.lemma_.lower(), word[:-1], word[:-3] + "e"} & lexicon()["framing_verbs"]:
        return None
    as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i
                    and any(x.dep_ in ("pobj", "pcomp", "amod", "acomp") for x in c.children)), None)
    if as_prep is None:
        return None
    toks = [t for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ not in _RELATIVE
            for t in c.subtree]
    toks += [t for t in as_prep.subtree if t.i != as_prep.i]
    return _trimmed(verb.doc, toks)


def _cue_entry(tok):
    """Lexicon entry when tok is a cue verb (with its required particle/preposition)."""
    if tok.pos_ not in ("VERB", "AUX") and not (tok.tag_.startswith("VB")):
        return None
    cues = lexicon()["cues"]
    entry = cues.get(tok.lemma_.lower())
    if entry is None:
        # the lemmatizer cuts a silent e ("hopes" -> "hop"): try the word minus its ending
        word = tok.lower_
        stem = {"VBZ": word[:-1], "VBD": word[:-1], "VBN": word[:-1], "VBG": word[:-3] + "e"}.get(tok.tag_)
        entry = cues.get(stem) if stem and stem.endswith("e") and stem != tok.lemma_.lower() else None
    if entry is None:
        return None
    preps = entry.get("needs_prep")
    if preps:
        prep = next((c for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps
                     and not _time_phrase(c) and not _setting_phrase(c)), None)
        if prep is None:
            alternatives = entry.get("or_child") or ()
            if any(c.dep_ in alternatives for c in tok.children):
                # "called the plan a disaster": naming, not the speech act of the preposition
                return {**entry, "plover": None, "role": None}, None
            return None
        return entry, prep
    return entry, None


def _time_phrase(prep) -> bool:
    """ "called on Friday", "spoke out in March": the preposition heads a time, not what the
    verb needs ("called on the UN", "spoke out against the war")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


# ---------------------------------------------------------------- speaker roles

def _setting_phrase(prep) -> bool:
    """ "spoke against a backdrop of flags": the preposition heads the scene, not what the verb
    needs ("spoke against the war")."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in ("backdrop", "background") for c in prep.children)


def _is_name(tok) -> bool:
    """A proper name ("Khatibzadeh"), not a title ("the Secretary-General", "spokesman")."""
    return tok.pos_ == "PROPN" and tok.lemma_.lower() not in lexicon()["titles"] \
        and not any(c.dep_ == "det" for c in tok.children)


def _is_role_head(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and not _is_name(tok)


def _phrase_span(tok, exclude=()) -> tuple[int, int]:
    """Character span of a noun phrase without the excluded subtrees, relative clauses and
    edge punctuation (quote marks around a title included)."""
    cut = list(exclude) + [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    return _balanced(tok.doc, _subtree_span(tok, cut))


def _with_modifiers(doc, source: tuple[int, int], cue, content, other_cues=()) -> tuple[int, int]:
    """A source span with the relative clauses and participles that modify its head noun ("Victor
    Okafor, who served as defence attaché", "a poll released last week"): PolNeAR source spans are the
    whole noun phrase. Left out: a modifier that holds or runs into the cue or the content, one
    that reports speech of its own ("Mr. Kamin, who emphasized that ...": other_cues, the
    character offsets of the other cues), an "-ing" participle set off by a comma (it tells the
    circumstances of the act: "Trump, speaking to veterans, said ...") and modifiers of nouns
    inside the phrase."""
    span = doc.char_span(source[0], source[1], alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return source
    text = doc_text(doc)
    start, end = source
    for mod in span.root.children:
        if mod.dep_ not in ("relcl", "acl") or mod.i < span.root.i:
            continue
        m0, m1 = _subtree_span(mod)
        gap = text[end:m0]
        if m0 < end or gap.strip(" ,") or "\n" in gap:
            continue   # only a modifier right after the phrase (or after its comma)
        if any(x is not None and m0 < x[1] and x[0] < m1 for x in (cue, content)) or \
                any(t.is_quote or t.idx in other_cues for t in mod.subtree) or \
                mod.tag_ == "VBG" and "," in gap:
            continue
        end = _balanced(doc, (start, m1))[1]
    return start, end


_DQUOTES = "\"“”"


def _balanced(doc, span: tuple[int, int]) -> tuple[int, int]:
    """A span with an odd quote mark inside takes the closing mark right after it
    ('the leader of "X Y"' rather than 'the leader of "X Y')."""
    text = doc_text(doc)
    start, end = span
    if sum(text.count(q, start, end) for q in _DQUOTES) % 2 == 1 and text[end:end + 1] in _DQUOTES \
            and text[end:end + 1]:
        end += 1
    if text.count("(", start, end) > text.count(")", start, end):
        if text[end:end + 1] == ")":
            end += 1   # "Sen. Jane Doe (D-Ore.)"
        elif text[end:end + 2] == ".)":
            end += 2   # "Sen. Jane Doe (Ore.)": the parser left the abbreviation's period out
    return start, end


# Words between subject and cue verb that belong to the cue ("has also said", "did not comment")
_CUE_MODIFIERS = ("aux", "auxpass", "neg", "advmod")


def _cue_start(tok) -> int:
    """Start of a cue verb's span with its auxiliaries, negation and adverbs right before it."""
    doc, i = tok.doc, tok.i
    while i - 1 >= tok.sent.start:
        prev = doc[i - 1]
        if tok.dep_ == "xcomp" and prev.i == tok.head.i and prev.pos_ in ("VERB", "AUX") and \
                doc[i].lower_ == "to":
            # "declined to comment", "continues to insist": the governing verb is part of the cue
            tok, i = prev, prev.i
            continue
        if prev.head.i != tok.i or prev.dep_ not in _CUE_MODIFIERS or prev.is_punct or \
                prev.lower_ in _RELATIVE or prev.tag_ in ("WRB", "WDT", "WP"):
            break
        i -= 1
    return doc[i].idx


def _in_apposition(tok) -> bool:
    """An apposition, or a conjunct with no "and" before it (the parser's usual misreading of
    "the head of X, Ali Y, who ...")."""
    if tok.dep_ == "appos":
        return True
    return tok.dep_ == "conj" and tok.head.i < tok.i and not any(
        c.dep_ == "cc" and tok.head.i < c.i < tok.i for c in tok.head.children)


def _role_holder(name):
    """The noun a name stands in apposition to, through "of" ("The head of the Media Cell,
    Saad Maan": the parser hangs the name on "Cell"; the role is headed by "head")."""
    x = name.head
    while x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.pos_ in ("NOUN", "PROPN") \
            and x.head.head.i < x.i:
        x = x.head.head
    return x


def _speaker_role(tok) -> Optional[tuple[int, int]]:
    """The role the text gives the speaker named by tok, as a character span:
    "Abu Ali, a security official in X" (a role in apposition to the name),
    "the Secretary-General of X, Abu Ala" (the name in apposition to a role),
    "Foreign Ministry spokesman Saeed K." (a title before the name), "the spokesman" (a title
    alone). Pronouns and bare names give none."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    appos = [c for c in tok.children if c.dep_ == "appos"]
    if _is_name(tok):
        for a in appos:
            if _is_role_head(a):
                return _phrase_span(a)
        if _in_apposition(tok):
            holder = _role_holder(tok)
            if _is_role_head(holder):
                return _phrase_span(holder, [tok] + [c for c in holder.children if c.dep_ in ("conj", "cc")])
        # the title words before the name: up to the last common noun or title
        left = sorted((t for t in tok.subtree if t.i < tok.i and not any(
            t in a.subtree for a in appos)), key=lambda t: t.i)
        titles = lexicon()["titles"]
        last = max((k for k, t in enumerate(left) if t.pos_ == "NOUN" or t.lemma_.lower() in titles), default=None)
        if last is None:
            return None
        toks = [t for t in left[:last + 1] if not t.is_punct]
        while toks and toks[0].dep_ == "det":
            toks = toks[1:]
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1])
    named = [a for a in appos if _is_name(a)]
    if named:
        return _phrase_span(tok, named + [c for c in tok.children if c.dep_ in ("conj", "cc")])
    if tok.lemma_.lower() in lexicon()["titles"]:
        return _phrase_span(tok, [c for c in tok.children if c.dep_ in ("conj", "cc")])
    return None


def _name_token(subj, actor):
    """The token of subj's phrase that names actor (the top one of its mention), else subj."""
    if actor is None:
        return subj
    inside = [t for t in subj.subtree if any(m.start <= t.idx < m.end for m in actor.mentions)]
    tops = [t for t in inside if t.head not in inside or t.head.i == t.i]
    return tops[0] if tops else subj


def _own_phrase(name, subj) -> Optional[tuple[int, int]]:
    """A speaker named inside a larger subject ("Other factions, such as the head of X, Abu
    Ala, and ...") is named by its own noun phrase, not the whole subject: None when the name
    is reached from subj through appositions and "of" only (then the subject names it)."""
    x, detached = name, False
    while x.i != subj.i and x.head.i != x.i:
        # "factions such as X", "groups including X" name X on its own; "a spokeswoman for
        # X" or "advisers to X" are the speakers themselves, named by the whole phrase
        if x.dep_ == "conj" or (x.dep_ == "pobj" and x.head.lower_ in ("as", "including", "like", "among")):
            detached = True
        x = x.head
    if x.i != subj.i or not detached:
        return None
    np = _role_holder(name) if name.dep_ == "appos" else name
    return _conjunct_span(np)


def _conjunct_span(tok) -> tuple[int, int]:
    """One conjunct of a conjoined speaker phrase ("Hana Sato" in "Hana Sato and Ken Ito")."""
    return _phrase_span(tok, [c for c in tok.children if c.dep_ in ("conj", "cc") and not _in_apposition(c)])


def _inverted_subject(verb):
    """The speaker after a finite cue verb that has no subject (verb-first order of translated
    copy): 'Confirmed the Minister of Interior, X, that ...', '"...," declared to our newsroom
    the president of the council, X.' The first object after the verb is the speaker when it is
    a title or a person's name set off by a comma (an addressee's phrase "to our newsroom" the
    parser hung the speaker on is skipped). None otherwise."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and verb.dep_ == "ROOT" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)   # "Affirmed the minister ..."
    if not finite or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    doc, lex = verb.doc, lexicon()
    first = next((t for t in doc[verb.sent.start:verb.i] if not t.is_punct and not t.is_space), None)
    if first is not None and not (first.lower_ in ("and", "also", "then") or verb.i > verb.sent.start
                                  and doc[verb.i - 1].text == "," or doc[verb.i - 1].is_quote):
        return None   # only at the start of the sentence, or right after a quotation
    for c in sorted(verb.children, key=lambda c: c.i):
        if c.i < verb.i:
            continue
        cand = None
        if c.dep_ in ("dobj", "obj"):
            cand = c
        elif c.dep_ == "prep" and c.lower_ in ("to", "before"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            cand = next((a for a in pobj.children if a.dep_ == "appos"), None) if pobj is not None else None
            if cand is None:
                continue
        elif c.dep_ in ("advmod", "npadvmod", "prep", "punct"):
            continue
        if cand is None:
            return None
        person = cand.lemma_.lower() in lex["titles"] or cand.lemma_.lower() in lex["person_nouns"]
        named = any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in cand.children)
        return cand if person and (named or cand.dep_ == "appos") else None
    return None
