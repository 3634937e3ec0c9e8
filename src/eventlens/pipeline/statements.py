"""Statements stage: who said what about whom (direct, indirect and mixed reported speech).

find(doc) returns ``Found`` records (cue, content and source character spans plus the
resolved speaker); set_annotations turns them into ``Statement`` objects on ``doc._.statements``
and writes responsibility attribution (claimed_by / accused / denied_by) onto the events
(statement_events). Cues: speech, thought and attitude verbs, speech nouns, attitude
adjectives ("X is sure that"), impressions ("seemed"), "according to", attribution adverbs
("allegedly"), verbs of sending something written ("sent a letter"), headline verbs the tagger
misread and punctuation (statement_lexicon / lexicons/statements.yaml); the parse helpers they
share (subjects, passives, speaker phrases and roles) are in statement_syntax. ``score()``
(statement_scoring) compares spans with gold attributions (PolNeAR-style source/cue/content).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language

from ..model import Actor, Statement
from .base import accused_doer, actor_at, dates_in, doc_text, overlaps, span_of
from .quotemarks import Quote, find_quotes, paragraphs
from .statement_events import _attribute_responsibility, _linked_event
from ..kb.places import fold
from .statement_lexicon import VIOLENT_PLOVER, lexicon
from .statement_scoring import found_as_spans, predicted_spans, score
from .statement_syntax import (  # the parse helpers the stage uses
    MIN_STANDALONE_QUOTE_WORDS, PRONOUN_WINDOW_SENTS, MAX_CONTENT_CHARS, _RELATIVE,
    _POSSESSIVE_PRONOUNS, _PARENTHETICAL, _SUBJ, _PEOPLE_PRONOUNS, _QUANTIFIERS, _SAY_LIKE,
    _TOPIC_PREPS, _clausal_complement, _subtree_span, _is_negated, _is_passive, _agent, _subject,
    _outside_speaker, _extracted_object, _cannot_speak, _set_off_content, _relative_subject, _SIGNATURE,
    _COLON_SPEAKER, cue_verb, _NOT_HEADLINE_SOURCES, _HEADING_PREPS, _speaker_prefix, _trimmed,
    _object_is_content, _generic_cue, _artifact_cue, _as_frame, _cue_entry, _phrase_span, _balanced,
    _cue_start, _speaker_role, _name_token, _own_phrase, _conjunct_span, _idiomatic_saying,
    _with_modifiers, _without_dateline, _passive_participle_clause, _time_phrase, _inverted_subject)

# scoring and the lexicon live in their own modules; these names stay importable from here
__all__ = ["Found", "Stage", "make_stage", "lexicon", "VIOLENT_PLOVER", "score", "predicted_spans",
           "found_as_spans"]


# a source's wish to stay unnamed ("requested not to be named", "refused to reveal his identity")
_ANONYMITY = re.compile(r"\bbe (?:named|identified)\b|\b(?:reveal|give|disclose|publish|use)\w* (?:his|her|their|its) "
                        r"(?:name|identity)\b|\banonymity\b", re.I)

# words opening an adverbial clause ("..., when Y criticized him"): its verb frames no quote before it
_SUBORDINATORS = {"when", "as", "after", "because", "while", "if", "before", "since", "until", "although", "though"}

# closing marks of a quotation nested at the end of another ("... he said, '... are off.'")
_NESTED_CLOSERS = "'\u2019\u201d\" "


@dataclass
class Found:
    """One reported statement as character spans (before it becomes a Statement)."""
    content: tuple[int, int]
    kind: str
    sentence: tuple[int, int]
    cue: Optional[tuple[int, int]] = None
    cue_lemma: Optional[str] = None
    source: Optional[tuple[int, int]] = None    # the speaker expression in the text
    role: Optional[tuple[int, int]] = None      # the role the text gives the speaker
    speaker: Optional[str] = None               # actor id
    speaker_kind: Optional[str] = None
    plover_type: Optional[str] = None
    target: Optional[str] = None
    how: str = ""                               # why this speaker (debugging / trace)
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- the stage

# marks of adverbial clauses that time or motivate an act ("as he left", "after the vote")
_TIME_MARKS = {"as", "when", "while", "after", "before", "because", "since", "until"}


class Stage:
    attr = "statements"

    def __init__(self, max_quote_chars: int = 2000):
        self.max_quote_chars = max_quote_chars

    def __call__(self, doc):
        self.set_annotations(doc, self.find(doc))
        return doc

    # -- finding -----------------------------------------------------------------
    def find(self, doc) -> list[Found]:
        text = doc_text(doc)
        quotes = [q for q in find_quotes(text) if not _excerpt_block(text, q)]
        sents = list(doc.sents)
        ctx = _Context(doc, sents, quotes)
        found: list[Found] = []
        used_cues: set[int] = set()
        used_quotes: set[int] = set()

        # 1. cue words, pass by pass (a later pass skips tokens an earlier one used as cues;
        # speech reported inside a quotation belongs to the quote):
        passes = (
            # indirect speech and mixed quotes: cue verbs with a reported clause / object
            (False, lambda si, tok: self._indirect(ctx, si, tok)),
            # nominal cues: "X's claim that ...", "a warning about ...", "the decision to ..."
            (True, lambda si, tok: self._nominal(ctx, tok, used_cues, found)),
            # attitudes and impressions: "X is sure that ...", "X seemed weaker"
            (True, lambda si, tok: self._attitude(ctx, tok) or self._impression(ctx, tok, used_cues)
             or self._experiencer(ctx, tok)),
            # quoted predicates: "labeled “False”", "used the phrase “...”", "pounding X as a “fraud”"
            (True, lambda si, tok: self._quoted_label(ctx, tok)),
        )
        for skip_used, find_at in passes:
            for si, sent in enumerate(sents):
                for tok in sent:
                    if ctx.in_quote(tok.idx) or skip_used and tok.i in used_cues:
                        continue
                    f = find_at(si, tok)
                    if f is not None:
                        found.append(f)
                        used_cues.add(tok.i)
                        self._merge_quotes(ctx, f, tok, used_quotes)

        # 2. direct quotes, each with its nearest cue
        for qi, q in enumerate(quotes):
            if qi in used_quotes:
                continue
            f = self._direct(ctx, q, used_cues)
            if f is not None:
                found.append(f)

        # 3. punctuation cues: "“...” ― Name" signatures and "Name: ..." transcripts/headlines
        self._punctuation_cues(ctx, found)
        # 4. a headline the tagger misread ("Senator Vows To Fight Tax Plan")
        self._headline(ctx, found)

        _split_conjoined(doc, found)
        _author_asides(doc, found)
        _nested_adverb_cues(found)
        _participle_contents(ctx.doc, found)
        found.sort(key=lambda f: (f.content[0], f.content[1]))
        _inherit_speech_acts(found, doc._.actors or [])
        _threats(doc, found)
        # 3. speakers through pronouns, titles and continuations, in reading order
        self._resolve_references(ctx, found)
        _rejected_speakers(ctx, found)
        _headline_speakers(ctx, found)
        return found

    def _punctuation_cues(self, ctx, found: list[Found]) -> None:
        text = doc_text(ctx.doc)
        for p0, p1 in ctx.paras:
            signed = False
            for q in ctx.quotes:
                # the dash and a name follow the closing mark, and end the paragraph (or go on
                # with ", a voter ...")
                if q.close_at is None or not p0 <= q.open_at < p1:
                    continue
                m = _SIGNATURE.match(text, q.outer[1], p1)
                if m is not None and (not text[m.end("name"):p1].strip() or text[m.end("name")] in ",(."):
                    self._add_punct(ctx, found, (q.start, q.end), (m.start("dash"), m.end("dash")),
                                    (m.start("name"), m.end("name")), "direct")
                    signed = True
            if signed:
                continue
            m = _COLON_SPEAKER.match(text, p0, p1)
            if m is None or not _speaker_prefix(ctx, m.start("name"), m.end("name")):
                continue
            c0 = m.end()
            while c0 < p1 and text[c0] in " \t“\"‘'":
                c0 += 1
            c1 = min(p1, c0 + MAX_CONTENT_CHARS)
            while c1 > c0 and text[c1 - 1] in " \t”\"’'":
                c1 -= 1
            if c1 - c0 >= 3:
                self._add_punct(ctx, found, (c0, c1), (m.start("colon"), m.end("colon")),
                                (m.start("name"), m.end("name")), "direct")

    def _headline(self, ctx, found: list[Found]) -> None:
        def w_title(words) -> bool:   # Title Case: most words capitalized
            return sum(x.group(0)[:1].isupper() for x in words) * 2 > len(words)

        """The article's first line is its headline, often in Title Case, where the tagger
        takes verbs for names: a word that is a form of a cue verb (not the first word) is
        the cue, the words before it the source and the rest the content, unless a statement
        was already found there."""
        text = doc_text(ctx.doc)
        if not ctx.paras:
            return
        h0, h1 = ctx.paras[0]
        if any(f.cue and h0 <= f.cue[0] < h1 for f in found):
            return
        cues = lexicon()["cues"]
        words = list(re.finditer(r"[A-Za-z][\w'’-]*", text[h0:h1]))
        if not 3 <= len(words) <= 25:
            return
        start = 0
        for k, m in enumerate(words):
            before = text[h0 + words[k - 1].end():h0 + m.start()] if k else ""
            if any(p in before for p in ":—―,;"):
                start = k   # "Analysis: Mayor Vows ...": the source starts after the label
            if k - start < 1 or k + 1 >= len(words):
                continue
            tok = ctx.doc.char_span(h0 + m.start(), h0 + m.end(), alignment_mode="expand")
            if tok is None or tok[0].pos_ in ("VERB", "AUX") and m.group(0).islower() and tok[0].dep_ != "compound" \
                    or tok[0].ent_iob_ == "I" and not m.group(0).endswith("s"):
                continue   # the tagger saw the verb (the verb passes had their chance), or a name goes on
            named = actor_at(ctx.doc, h0 + m.start(), h0 + m.end())
            if named is not None and any(x.start < h0 + m.start() < x.end for x in named.mentions):
                continue   # "Islamic State claims ...": a word of an actor's name ("State") is no cue
            if tok[0].dep_ == "nsubj" and tok[0].head.i > tok[0].i and tok[0].head.tag_ != "VB" \
                    and tok[0].head.sent == tok[0].sent:
                continue   # "Fishing Quota Rules Meet Stiff Resistance": the subject of the verb that follows
            src_words = [x.group(0) for x in words[start:k]]
            # (a sentence-case headline may name its source in lower case: "Federal court rules ...")
            acronym = src_words[0].isupper() and len(src_words[0]) > 1 and not text[h0:h1].isupper()   # "IS claims ..."
            if src_words[0].lower() in _NOT_HEADLINE_SOURCES and not acronym or not src_words[0][:1].isupper() \
                    or not all(x[:1].isupper() for x in src_words) and (
                        len(src_words) > 3 or w_title(words)
                        or any(x.lower() in _HEADING_PREPS or x.lower() in ("the", "a", "an") for x in src_words)) \
                    or src_words[-1].endswith(("'s", "’s")):
                continue   # "A Curious Plan", "One Tweet", "the Council's Record": no speaker
            w = m.group(0).lower()
            forms = [w] + ([w[:-1]] if w.endswith("s") else []) + ([w[:-2]] if w.endswith("es") else []) \
                + ([w[:-3] + "y"] if w.endswith("ies") else [])
            lemma = next((f for f in forms if f in cues and not cues[f].get("as_only")), None)
            if lemma is None or w in ("says", "said", "say") and k - start > 6:
                continue
            cue_end = h0 + m.end()
            nxt = words[k + 1].group(0).lower()
            if nxt in (cues[lemma].get("needs_prep") or ()) or nxt in ("up", "out", "on", "for", "against", "to"):
                cue_end = h0 + words[k + 1].end()
            source = (h0 + words[start].start(), h0 + words[k - 1].end())
            c0 = cue_end
            while c0 < h1 and not text[c0].isalnum():
                c0 += 1
            c1 = h1
            while c1 > c0 and not text[c1 - 1].isalnum():
                c1 -= 1
            if c1 - c0 < 3 or k - start > 6:
                return
            f = Found(content=(c0, c1), kind="indirect", sentence=(h0, h1), cue=(h0 + m.start(), cue_end),
                      cue_lemma=lemma, source=source, how="headline")
            f.speaker = self._actor_id(ctx, source)
            found.append(f)
            return

    def _add_punct(self, ctx, found, content, cue, source, kind) -> None:
        """A statement from a punctuation cue; an already found uncued quote with this content
        gets the cue and source instead of a second statement."""
        for f in found:
            if overlaps(*f.content, *content):
                if f.cue is None:
                    if f.content[0] <= source[0]:
                        # a quote mark opening the paragraph ran over the speaker label
                        # ('"SMITH: ...'): the turn is the paragraph after the label
                        f.content, f.sentence = content, ctx.para_bounds(content[0])
                    f.cue, f.source, f.how = cue, source, "punctuation"
                    f.speaker = self._actor_id(ctx, source)
                    return
                if not content[0] <= f.cue[0] < content[1]:
                    return
                # a statement reported inside the speaker's turn ("PENCE: Clinton thinks ...")
                # does not replace the turn itself
        f = Found(content=content, kind=kind, sentence=(ctx.para_bounds(content[0])), cue=cue,
                  source=source, how="punctuation")
        f.speaker = self._actor_id(ctx, source)
        found.append(f)

    def _actor_id(self, ctx, source) -> Optional[str]:
        actor = actor_at(ctx.doc, *source)
        if actor is None:
            # a transcript label by surname ("Patino: ..."), the person named in full before
            word = fold(doc_text(ctx.doc)[source[0]:source[1]].strip()).lower()
            people = [a for a in ctx.doc._.actors or [] if a.kind == "person" and word
                      and any(m.start < source[0] for m in a.mentions)
                      and fold(a.name).lower().split()[-1:] == [word]]
            actor = people[0] if len(people) == 1 else None
        return actor.id if actor is not None else None

    def _merge_quotes(self, ctx, f: Found, cue, used_quotes: set) -> None:
        """A reported clause that is really a quotation becomes a direct quote; one that
        contains a quoted fragment is a mixed quote."""
        c0, c1 = f.content
        text = doc_text(ctx.doc)
        for qi, q in enumerate(ctx.quotes):
            o0, o1 = q.outer
            if not overlaps(o0, o1, c0, c1):
                continue
            frame = self._own_frame(ctx, cue, q)
            if frame is not None:
                # the quote has its own cue ("... before asking her, “...”"), which the content ends before
                end = len(text[:_cue_start(frame)].rstrip(" ,"))
                if f.content[0] < end < f.content[1]:
                    f.content = (f.content[0], end)
                continue
            used_quotes.add(qi)
            if c0 >= o0 and c1 > o1 and cue.idx < o0 and text[o1:c1].lstrip().startswith(",") \
                    and text[cue.idx + len(cue):o0].strip() in (":", ","):
                # 'declared: « ... », before adding that ...': the words the cue sets off end at
                # the closing mark; what follows the comma is the sentence's, not the quotation's
                c1 = o1
                f.content = (c0, c1)
            # (not when the clause goes on past the quote: 'that "rioters" had attacked ...')
            if o0 <= c0 and c1 <= o1 + 1 or (q.start <= c0 + 2 and c1 >= q.end and not text[o1:c1].strip(_CLOSING)):
                # the clause is the quotation (possibly with trailing punctuation outside it)
                f.content = (q.start, q.end)
                f.kind = "direct" if self._quote_is_separate(ctx, q, cue) else "mixed"
            elif cue.idx >= o1 and c0 < o0 and text[c0:o0].rstrip().endswith(":") and c1 <= o1 + 1:
                # "X scolded him: “...,” she said": the words before the colon frame the quote
                # themselves; the cue after it reports the quotation alone
                f.content, f.kind = (q.start, q.end), "direct"
            else:
                f.kind = "mixed"
                # a clause opening with the quote keeps its opening mark ('"rioters" had ...')
                start = o0 if o0 <= c0 <= q.start else min(c0, q.start)
                f.content = (start, max(c1, q.end))

    def _own_frame(self, ctx, cue, q: Quote):
        """A quote set off by a comma or colon after a verb of saying or asking of its own that
        stands between another cue and the quote ("X sings to Y before asking her, “...”", "the
        ad ends with footage of X saying, “...”"): the quote is that verb's (returned), not the first cue's."""
        text, doc = doc_text(ctx.doc), ctx.doc
        o0 = q.outer[0]
        if cue.idx >= o0 or text[:o0].rstrip()[-1:] not in (",", ":"):
            return None
        lex = lexicon()
        for t in doc[cue.i + 1:cue.sent.end]:
            if t.idx >= o0:
                break
            between = doc[t.i + 1:doc.char_span(o0, o0 + 1, alignment_mode="expand").start]
            if t.lemma_.lower() in _SAY_LIKE | {"ask"} and t.pos_ == "VERB" and not ctx.in_quote(t.idx) \
                    and t.lemma_.lower() in lex["cues"] and not any(
                        x.is_quote or x.pos_ in ("VERB", "AUX") or x.lower_ in ("that", "whether", "if")
                        for x in between):
                return t   # (not "X said Y was right when he said that under Z, “...”": a clause of its own)
        return None

    def _indirect(self, ctx, si, tok) -> Optional[Found]:
        doc, lex = ctx.doc, lexicon()
        sent = ctx.sents[si]
        if tok.lower_ in lex["according_to"] and any(c.lower_ == "to" for c in tok.children):
            return self._according_to(ctx, sent, tok)
        if tok.lower_ in ("in", "by") and tok.dep_ == "prep":
            return self._in_source(ctx, tok)
        if tok.lower_ in lex["attribution_adverbs"] and tok.pos_ == "ADV":
            return self._adverb_cue(ctx, tok)
        hit = _cue_entry(tok) or _generic_cue(tok) or _artifact_cue(tok)
        if hit is None:
            return None
        entry, prep = hit
        if _idiomatic_saying(tok):
            return None   # "it goes without saying that ...", "let's say ...": nobody's words
        if tok.lemma_.lower() in ("quote", "cite") and any(
                c.dep_ == "prep" and c.lower_ == "as" and any(_cue_entry(p) for p in c.children if p.dep_ == "pcomp")
                for c in tok.children):
            return None   # "quoted the minister as saying ...": the minister's statement (the participle)
        if any(a.lower_ == "to" and a.head.lower_ in lex["according_to"] for a in tok.ancestors):
            return None   # "according to what he said": the source of the according-to phrase
        if tok.lemma_.lower() not in ("say", "tell") and _ANONYMITY.search(
                " ".join(t.text for c in tok.children if c.dep_ in ("xcomp", "dobj", "ccomp", "prep") for t in c.subtree)):
            return None   # "who requested not to be named", "refused to reveal his name": a condition, no speech
        if tok.lemma_.lower() == "find" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex["physical_finds"]
                                                for c in tok.children):
            return None   # "soldiers found the bodies": a discovery, not a finding
        if entry.get("not_objects") and any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in entry["not_objects"]
                                                                         or c.lower_ in entry["not_objects"])
                                            for c in tok.children):
            return None   # "will respect the truce": keeping to it, not an attitude
        if entry.get("needs_quote") and not any(c.dep_ in ("dobj", "obj") and (
                c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ == "PRON") for c in tok.children) \
                and any(e.plover_type in ("ASSAULT", "FIGHT") and e.trigger is not None
                        and e.trigger.start <= tok.idx < e.trigger.end
                        and (e.plover_mode or e.fatalities or e.injured) for e in doc._.events or []):
            return None   # "gunmen attacked the convoy": force (but "attacked Smith" may be words)
        if accused_doer(tok) is not None and (_cue_entry(tok.head.head) or (None, None))[0] is not None:
            return None   # "accused X of seeking to ...": the act X is accused of, not X's words
        if tok.lemma_.lower() in lex["experiencer_verbs"] and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return None   # "the plan worries them": the object feels it (_experiencer)
        as_clause = tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children)
        if entry.get("as_only") and not as_clause:
            return None   # "put" reports speech only in "as X put it"
        if entry.get("needs_quote") and not (entry.get("person_subject") and (
                self._person_subject(ctx, tok) or _as_frame(tok) is not None)):
            return None   # ("attacked her rival as a fraud": the "as" phrase is what was said)
        if tok.dep_ == "xcomp" and (_cue_entry(tok.head) or (None, None))[0] is not None and \
                not _cue_entry(tok.head)[0].get("needs_quote") and not _is_passive(tok.head) \
                and tok.head.lemma_.lower() not in lex["licensing_verbs"]:
            return None   # "wants to release X", "called on Y to reject": the head's content
        if entry.get("epistemic") and tok.dep_ == "xcomp" and tok.tag_ == "VB" and _cue_entry(tok.head) is None \
                and tok.head.lemma_.lower() not in lex["impression_verbs"] and not _clausal_complement(tok) \
                and not any(c.dep_ in ("dobj", "obj") and c.i < tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")
                            for c in tok.head.children):
            # "need to find money", "struggles to deliver a line": no stance is reported (but "led
            # the journalist to fear a pact" tells what its object came to think)
            return None
        nouns = lexicon()["speech_nouns"]
        if tok.lemma_.lower() in lexicon()["light_verbs"] and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in nouns
                and self._nominal_content(c, nouns[c.lemma_.lower()])[0] is not None for c in tok.children):
            return None   # "issued a warning that ...": the noun is the cue (nominal pass)
        # "X did not say whether ...", "did not immediately respond": still reported speech
        # (PolNeAR annotates it), but no speech act: a negated condemnation is no ACCUSE
        negated = _is_negated(tok)
        content = self._reported_content(tok, prep, entry)
        passive = _is_passive(tok)
        if not passive and "oprd" in (entry.get("or_child") or ()) and tok.tag_ in ("VBN", "VBD") \
                and tok.i > 0 and doc[tok.i - 1].text == "," \
                and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in tok.children) \
                and not any(c.dep_ in ("dobj", "obj", "dative", "aux", "auxpass", "prep") for c in tok.children):
            # "His group, called the Liberty Fund, will ...": a naming verb set off by a comma with
            # a name but no one named is the passive participle (= which is called)
            passive = True
        if not passive and tok.tag_ in ("VBN", "VBD") and tok.lemma_.lower() in lex["raising_passives"] \
                and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" \
                and not any(c.dep_ in ("dobj", "obj", "aux") for c in tok.children) \
                and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in tok.children):
            # "armed men believed to belong to X", "a man said to be": a reduced passive (the
            # parser may make it the main verb); who believes or says it is not told
            passive = True
        if passive and entry.get("active_only"):
            return None
        if entry.get("needs_complement") and not any(
                c.dep_ in ("dobj", "obj", "xcomp", "ccomp") or c.dep_ == "advcl" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children):
            return None   # "sales have declined sharply": falling, not refusing (vs "declined to comment")
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.pos_ == "VERB" and tok.head.i < tok.i \
                and tok.head.lemma_.lower() in lex["licensing_verbs"]:
            return self._licensed(ctx, tok)   # "a law requiring firms to disclose ...": not yet said
        if _naming_participle(tok) or _unrealized_decree(tok, entry):
            return None
        subj = _subject(tok)
        if subj is not None and not entry.get("epistemic") and _nobody(subj):
            # "No group has claimed responsibility": nobody said anything ("no one expected X"
            # still tells a belief everyone lacked)
            return None
        if passive and (tok.lower_ in lex["attitude_adjectives"] or tok.lemma_.lower() in lex["experiencer_verbs"]) \
                and _agent(tok) is None and any(c.dep_ == "ccomp" for c in tok.children):
            # "Protesters were frustrated that ...": a participle of feeling; its subject holds it
            passive = False
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and ctx.in_quote(subj.idx):
            # a quoted word is no speaker: the phrase outside the quotation next to the cue is
            q = next(q for q in ctx.quotes if q.outer[0] < subj.idx < q.outer[1])
            if not q.outer[0] < tok.idx < q.outer[1]:
                subj = _outside_speaker(ctx, q, tok) or _framing_speaker(ctx, tok)
        if passive:
            # "X was accused of ...", "X is supported by Y": the speaker is only the agent
            # (or nobody named); what was said is about the passive subject
            subj = _agent(tok)
            if subj is None and not entry.get("epistemic") and _passive_participle_clause(tok):
                # "as stated in the report, ...": the text it was stated in speaks
                subj = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i
                             for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
            patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
            if patient is None and subj is not None and tok.tag_ == "VBN" and tok.head.i != tok.i \
                    and (not entry.get("epistemic") or entry.get("needs_source")):
                # "a view echoed by X", "the rules, criticized by X as ...": what the participle's
                # agent said is the noun (or the clause's subject) it modifies (verbs of saying
                # only: "PACs supported by X", "a forum viewed by X" report no one's words)
                if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
                    patient = tok.head
                elif tok.dep_ == "advcl":
                    patient = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                    and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")), None)
            if patient is not None and patient.lower_ not in ("it", "this", "that", "which", "who", "there"):
                span = _subtree_span(patient, [c for c in patient.children if c.dep_ in ("relcl", "acl")])
                content = (min(span[0], content[0]), max(span[1], content[1])) if content else span
            elif entry.get("generic"):
                return None   # "It is noted that ...": the author's own remark
            if content is not None and content[1] - content[0] > MAX_CONTENT_CHARS:
                content = (content[0], content[0] + MAX_CONTENT_CHARS)
        if subj is None and not passive:
            subj = _stranded_subject(tok)
        if subj is None and not passive and _inverted_subject(tok) is not None:
            # "Confirmed the minister, X, that ...": the speaker follows the verb; what was
            # said is the clause after it, not the speaker's phrase
            subj = _inverted_subject(tok)
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > subj.i), None)
            content = _trimmed(doc, list(clause.subtree)) if clause is not None else None
        if content is None and subj is not None and not passive:
            content = _extracted_object(tok)
        if content is None and subj is not None and not passive and not entry.keys() & {
                "needs_object", "needs_clause", "needs_as", "epistemic"}:
            content = _set_off_content(ctx, tok, subj, prep)
        if content is None:
            return None
        if subj is None and (not passive or entry.get("needs_source")):
            return None
        if entry.get("rule_subject"):
            # "the charter allows sanctions", "a law requiring candidates to ...": what a rule
            # allows or requires is its provision (rules only: "the rain allowed ..." tells none)
            holder = tok.head if subj is not None and subj.lower_ in _RELATIVE and tok.dep_ == "relcl" else subj
            if holder is None or holder.lemma_.lower() not in lex["rule_nouns"]:
                return None
        if subj is not None and ctx.in_dateline(subj.right_edge.idx):
            return None   # "WASHINGTON, May 3 (Reuters) - ...": the dateline is nobody's subject
        if subj is not None:
            if entry.get("generic") and subj.lower_ in ("it", "this", "that", "there", "which", "what", "one"):
                return None   # "It turned out that ...": no one holds the thought
            tops = ctx.in_paragraph(subj, tok.idx)
            if entry.get("epistemic") and (subj.lower_ in _RELATIVE or not tops
                                           or not self._is_source_like(ctx, tops[0], _clausal_complement(tok))):
                return None
        cue_end = (prep.idx + len(prep)) if prep is not None and prep.i == tok.i + 1 else tok.idx + len(tok)
        if prep is None and tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "prep" and \
                doc[tok.i + 1].head.i == tok.i and (doc[tok.i + 1].lower_ in _TOPIC_PREPS
                                               or doc[tok.i + 1].lower_ in entry.get("content_prep", ())):
            cue_end = doc[tok.i + 1].idx + len(doc[tok.i + 1])   # "spoke about", "complained of"
        plover = None if negated else entry.get("plover")
        no_comment = _no_comment(tok, negated)
        if plover is not None and (no_comment or entry.get("role") == "disapprove" and _general_condemnation(tok)):
            # "declined to comment": no stance taken; "condemned all forms of terrorism": no one
            # accused of anything (PolNeAR still reports both)
            plover = None
        if plover is None and not negated and _condemns_by_naming(tok):
            plover, entry = "ACCUSE", {**entry, "plover": "ACCUSE", "role": "disapprove"}
        if plover is None and not negated and tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG":
            # "X mocked the attempt, saying: ..." -- the saying is the mocking
            head = _cue_entry(tok.head)
            plover = head[0].get("plover") if head else None
        f = Found(content=ctx.clip(content, tok.idx), kind="indirect", sentence=ctx.sentence_of(tok.idx),
                  cue=(_cue_start(tok), cue_end), cue_lemma=tok.lemma_.lower(), plover_type=plover)
        if subj is not None:
            self._set_source(ctx, f, subj)
            rel = _relative_subject(tok)
            if rel is not None and f.source is not None:
                # the text names the speaker by the relative pronoun ("an aide, who said ..."):
                # the speaker is resolved, the source span stays the pronoun (PolNeAR)
                f.source, f.extra["co_sources"] = (rel.idx, rel.idx + len(rel)), []
                if rel.lower_ == "which" and f.speaker_kind == "person":
                    # "their hatred for the prime minister, which suggests ...": a person is "who";
                    # "which" stands for the fact told, and nobody holds what it suggests
                    f.speaker, f.speaker_kind = None, None
        if no_comment:
            f.extra["no_comment"] = True
        if negated:
            f.extra["negated"] = True
            return f
        f.target = self._target(ctx, tok, entry)
        if entry.get("role") == "allege":
            f.extra["co_targets"] = self._co_targets(ctx, tok, f.target)
        f.extra["role"] = entry.get("role")
        return f

    def _licensed(self, ctx, tok) -> Optional[Found]:
        """ "the charter allows clubs to name a deputy", "a law requiring firms to disclose their
        donors": what one is required or allowed to say is not said; the rule or law that
        requires or allows it says so (cue: the licensing verb, content: its object and the
        infinitive). Nothing in the passive ("firms are required to")."""
        head = tok.head
        subj = _subject(head)
        if _is_passive(head) or subj is not None and subj.lower_ in _RELATIVE:
            return None
        toks = [t for c in head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i for t in c.subtree]
        content = _trimmed(ctx.doc, toks + [t for t in tok.subtree])
        if content is None:
            return None
        f = Found(content=ctx.clip(content, head.idx), kind="indirect", sentence=ctx.sentence_of(head.idx),
                  cue=(_cue_start(head), head.idx + len(head)), cue_lemma=head.lemma_.lower())
        f.how = "licensing"
        if subj is not None:   # ("..., in effect daring him to say ...": nobody named)
            self._set_source(ctx, f, subj)
        return f

    def _quoted_label(self, ctx, tok) -> Optional[Found]:
        """A verb that names, labels or words something with a quotation (label_verbs: "it was
        labeled “Mostly False”", "a memo titled “How to ...”", "had typed “acute distress”";
        label_use_verbs: "has used the phrase “...”") or casts a person "as" a quoted label
        (quoted_as_verbs: "has been pounding X as a “fraud”", "went after X as “unfit”"): the
        quotation is what was said, the verb the cue. Only when a quotation opens inside the
        verb's object, complement or "as" phrase (or right after the verb)."""
        if tok.pos_ != "VERB" or _is_negated(tok) or not ctx.quotes or tok.dep_ == "amod" \
                or tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "so-"):
            return None   # ("the so-called “Red Brigade”": the writer's distance, nobody's words)
        if tok.lemma_.lower() in ("call", "name", "dub", "nickname") and (
                tok.tag_ == "VBN" and _agent(tok) is None and not any(c.dep_ == "nsubjpass" for c in tok.children)
                or any(c.dep_ in ("dobj", "obj") and c.lower_ in ("itself", "themselves", "himself", "herself")
                       for c in tok.children)):
            return None   # "a militia called “Red Brigade”", "a group calling itself “...”": a name
        doc, lex, text = ctx.doc, lexicon(), doc_text(ctx.doc)
        word = tok.lower_
        lemmas = {tok.lemma_.lower(), word[:-1], word[:-2], word[:-3] + "e"}   # (a cut silent e)
        parts, cue_end = [], tok.idx + len(tok)
        labelling = bool(lemmas & lex["label_verbs"])
        if labelling:
            parts = [c for c in tok.children if c.i > tok.i and c.dep_ in (
                "dobj", "obj", "oprd", "attr", "xcomp", "ccomp", "appos", "dative", "npadvmod")]
        elif lemmas & lex["label_use_verbs"]:
            noun = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > tok.i
                         and c.lemma_.lower() in lex["label_nouns"]), None)
            if noun is None:
                return None
            parts, cue_end = [noun], noun.idx + len(noun)
        elif lemmas & lex["quoted_as_verbs"]:
            s0, s1 = tok.sent.start_char, tok.sent.end_char
            if any(e.plover_type in VIOLENT_PLOVER and e.trigger is not None
                   and s0 <= e.trigger.start < s1 for e in doc._.events or []):
                return None   # force, not words ("jets pounded the city as “retaliation”, killing 20")
            preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
            target = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > tok.i), None)
            after = next((p for p in preps if p.lower_ in ("after", "at", "on")), None)
            if target is None and after is not None:
                target = next((c for c in after.children if c.dep_ == "pobj"), None)
                cue_end = after.idx + len(after)   # "has gone after"
            as_prep = next((p for p in preps if p.lower_ == "as"), None)
            if target is None or as_prep is None or not (
                    target.pos_ in ("PROPN", "PRON") or target.ent_type_ in ("PERSON", "ORG", "NORP")):
                return None
            parts = [target, as_prep]
        if not parts and not labelling:
            return None
        toks = sorted((t for c in parts for t in c.subtree), key=lambda t: t.i)
        while len(toks) > 1 and (toks[-1].dep_ == "cc" or toks[-1].is_punct and not toks[-1].is_quote):
            toks.pop()   # "as “unfit” or poking ...": the conjunction goes with the next verb
        # (a label the parser did not hang on the verb counts when the quotation follows it right away)
        lo = min(t.idx for t in toks) if toks else cue_end
        hi = max(t.idx + len(t) for t in toks) if toks else cue_end
        quote = next((q for q in ctx.quotes if (lo <= q.open_at < hi or not text[cue_end:q.open_at].strip())
                      and q.open_at >= cue_end and ctx.sent_index(q.open_at) == ctx.sent_index(tok.idx)), None)
        if quote is None:
            return None
        passive = _is_passive(tok) or tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and not any(
            c.dep_ in ("nsubj", "aux") for c in tok.children)
        subj = _agent(tok) if passive else None if tok.dep_ == "pcomp" else _subject(tok)
        if subj is not None and (ctx.in_quote(subj.idx) or subj.lower_ in ("which", "that")):
            return None
        content = ctx.clip((min(lo, quote.open_at), max(hi, quote.outer[1])), tok.idx)
        f = Found(content=content, kind="mixed", sentence=ctx.sentence_of(tok.idx),
                  cue=(_cue_start(tok), cue_end), cue_lemma=tok.lemma_.lower(), how="quoted label")
        if subj is not None:
            self._set_source(ctx, f, subj)
            rel = _relative_subject(tok)
            if rel is not None and f.source is not None:
                f.source, f.extra["co_sources"] = (rel.idx, rel.idx + len(rel)), []   # "who", as in _indirect
        return f

    def _person_subject(self, ctx, verb) -> bool:
        """The verb's subject names a person ("Smith attacked the plan"), not a group or a
        thing (armed groups and bombs attack places: that is an event, not a statement)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or _is_passive(verb):
            return False
        if subj.lower_ in ("he", "she"):
            return True
        # (the phrase's own head or apposition: "armed men believed to belong to the faction led
        # by Guzman" are armed men, whoever is named further inside)
        actor = ctx.actor_in(subj, deep=False)
        return actor.kind == "person" if actor is not None else subj.ent_type_ == "PERSON"

    def _attitude(self, ctx, adj) -> Optional[Found]:
        """ "X is sure (that) ...", "X was critical of Y", "X is determined to ...": an attitude
        adjective after a linking verb, with its clause or prepositional object as content and
        the linking verb's subject as source; "it is clear that ..." has no source."""
        lex = lexicon()
        entry = lex["attitude_adjectives"].get(adj.lower_)
        if entry is None:
            return None
        if adj.dep_ in ("acomp", "oprd") and adj.head.lemma_.lower() in lex["linking_verbs"]:
            verb = adj.head
        elif adj.pos_ == "ADJ" and adj.dep_ == "advcl" and any(c.dep_ == "nsubj" and c.i < adj.i for c in adj.children):
            # "with party leaders increasingly worried about ...": the adjective has its own
            # subject (a clause without a verb)
            verb = adj
        elif entry.get("made") and adj.head.lemma_.lower() == "make" and adj.head.i < adj.i:
            # "X made it clear (that) ...": what X made clear is X's statement
            verb = adj.head
        else:
            return None
        made = verb.lemma_.lower() == "make"
        clause = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None) or \
            next((c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i), None) or \
            next((c for c in adj.children if made and c.dep_ == "advcl" and c.i > adj.i
                  and not any(m.dep_ == "mark" and m.lower_ != "that" for m in c.children)), None)
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i
                     and any(p.dep_ in ("pobj", "pcomp") for p in c.children)), None)
        if clause is not None:
            content = _trimmed(adj.doc, list(clause.subtree))
        elif prep is not None:
            content = _trimmed(adj.doc, [t for t in prep.subtree if t.i != prep.i])
        else:
            return None
        if content is None:
            return None
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        impersonal = subj is None or subj.lower_ in ("it", "this", "that")
        if clause is not None and clause.dep_ == "xcomp" and entry.get("perfect_passive") and verb.lemma_ == "be" \
                and any(a.dep_ == "aux" and a.lower_ == "have" for a in clause.children):
            # "the country was determined to have supported ...": with a perfect infinitive the
            # participle of a verb of finding is a passive (was found to have), held by nobody
            # named; the attitude ("was determined to win") looks ahead. What was found is the
            # subject with the infinitive, as with "X was said to have ..."
            impersonal = True
            if subj is not None:
                content = (min(content[0], _subtree_span(subj)[0]), content[1])
        elif made and (impersonal or clause is None):
            return None
        elif not made and (bool(entry.get("impersonal")) != impersonal or (impersonal and clause is None)):
            return None
        if not impersonal and not self._is_source_like(ctx, subj):
            return None
        cue_end = prep.idx + len(prep) if prep is not None and clause is None and prep.i == adj.i + 1 else adj.idx + len(adj)
        f = Found(content=ctx.clip(content, adj.idx), kind="indirect", sentence=ctx.sentence_of(adj.idx),
                  cue=(_cue_start(verb), cue_end), cue_lemma=adj.lower_, plover_type=entry.get("plover"))
        f.how = "attitude"
        if not impersonal:
            self._set_source(ctx, f, subj)
            if f.source is None:
                return None
        if _is_negated(verb):
            f.plover_type = None
            f.extra["negated"] = True
        return f

    def _impression(self, ctx, verb, used_cues) -> Optional[Found]:
        """ "His voice seemed weaker", "it appears that ...": an impression nobody is named for;
        the subject and its complement are the content."""
        lemma, lex = verb.lemma_.lower(), lexicon()
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if lemma in lex["impression_verbs"]:
            deps = ("xcomp", "acomp", "oprd", "ccomp", "attr")
        elif lemma in lex["appearance_verbs"]:
            deps = ("acomp", "oprd")   # "that looks unlikely", not "looked at the file"
        else:
            return None
        comp = next((c for c in verb.children if c.i > verb.i and (c.dep_ in deps
                     or (c.dep_ == "prep" and c.lower_ == "like"))), None)
        if comp is None or comp.i in used_cues or any(c.i in used_cues for c in comp.subtree):
            return None
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        toks = list(comp.subtree)
        if (subj is not None and subj.lower_ in _RELATIVE) or len([t for t in toks if not t.is_punct]) < 2 \
                and comp.pos_ not in ("ADJ", "ADV"):
            return None   # "..., which seems to be": nothing is said to seem
        if subj is not None and subj.lower_ not in ("it", "there"):
            toks += list(subj.subtree)
        elif comp.dep_ != "ccomp":
            return None
        content = _trimmed(verb.doc, toks)
        if content is None:
            return None
        return Found(content=ctx.clip(content, verb.idx), kind="indirect", sentence=ctx.sentence_of(verb.idx),
                     cue=(_cue_start(verb), verb.idx + len(verb)), cue_lemma=verb.lemma_.lower(), how="impression")

    def _experiencer(self, ctx, verb) -> Optional[Found]:
        """ "That worries environmentalists", "the plan angered party leaders": a verb of feeling
        whose object feels it (lexicon experiencer_verbs); the object is the source and what
        causes the feeling (the subject) the content."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon()["experiencer_verbs"] or _is_passive(verb):
            return None
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if obj is None or subj is None or obj.pos_ not in ("NOUN", "PROPN") or not self._is_source_like(ctx, obj):
            return None
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            if verb.head.i > verb.i:
                return None
            content = _phrase_span(verb.head)   # "something that concerns X"
        else:
            content = _phrase_span(subj)
        f = Found(content=ctx.clip(content, verb.idx), kind="indirect", sentence=ctx.sentence_of(verb.idx),
                  cue=(_cue_start(verb), verb.idx + len(verb)), cue_lemma=verb.lemma_.lower(), how="experiencer")
        self._set_source(ctx, f, obj)
        return f if f.source is not None else None

    def _nominal(self, ctx, noun, used_cues, found) -> Optional[Found]:
        """A speech or thought noun with its content ("that"-clause, "to"-clause or topic
        phrase) and source (possessive, "by/from X", a name compound, or the subject of a light
        verb: "X made the claim that ...")."""
        # the tagger sometimes calls "remarks" a verb even where it parses it as a noun phrase
        if noun.pos_ != "NOUN" and not any(c.dep_ in ("poss", "det") for c in noun.children):
            return None
        entry = lexicon()["speech_nouns"].get(noun.lemma_.lower())
        if entry is None or entry.get("singular") and noun.tag_ in ("NNS", "NNPS"):
            return None
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr") and head.i in used_cues:
            return None   # "denied the accusation that ...": the verb's statement covers it
        if noun.dep_ == "pobj" and head.lower_ in ("in", "through", "via") and head.head.i in used_cues:
            return None   # "said in a statement that ...": the medium of the verb's statement
        if any(f.cue and f.content[0] <= noun.idx < f.content[1] and f.cue[0] <= head.idx < f.cue[1]
               for f in found):
            return None
        medium = self._medium_statement(ctx, noun, entry)
        if medium is not None:
            return medium
        content, prep, that = self._nominal_content(noun, entry)
        if content is None:
            return None
        if prep is not None and prep.lower_ == "of" and entry.get("verb") in ("ask", "question") and any(
                p.dep_ == "pobj" and (p.ent_type_ == "PERSON" or p.lemma_.lower() in lexicon()["person_nouns"]
                                      or p.lemma_.lower() in lexicon()["titles"]) for p in prep.children):
            return None   # "Question of a journalist:": whose question, not what it is about
        src = self._nominal_source(noun, ctx)
        if src is None and entry.get("epistemic") and not entry.get("open"):
            return None   # "a plan for the city": a thought needs its holder
        if src is None and not entry.get("open") and not that and prep is None:
            return None   # "a plan for the city", "the report on jobs": no one is said to speak
        verb = lexicon()["cues"].get(entry.get("verb"), {})
        # attitudes ("her willingness to ...", "support for ...") are no speech acts
        attitude = bool(entry.keys() & {"epistemic", "open", "holder"})
        cue_end = noun.idx + len(noun)
        if prep is not None and prep.i == noun.i + 1:
            cue_end = prep.idx + len(prep)   # "claims of", "demand for"
        f = Found(content=ctx.clip(content, noun.idx), kind="indirect", sentence=ctx.sentence_of(noun.idx),
                  cue=(noun.idx, cue_end), cue_lemma=noun.lemma_.lower(),
                  plover_type=None if attitude else verb.get("plover"))
        f.how = "nominal"
        f.extra["nominal"] = True
        f.extra["role"] = None if attitude else verb.get("role")
        if src is not None:
            self._nominal_set_source(ctx, f, src)
            if f.source is not None and f.source[0] < noun.left_edge.idx < f.source[1]:
                # "Ken Ito, a critic of X": the holder's phrase ends before the noun's own
                end = noun.left_edge.idx
                text = doc_text(ctx.doc)
                while end > f.source[0] and text[end - 1] in " ,":
                    end -= 1
                f.source = (f.source[0], end)
        return f

    def _medium_statement(self, ctx, noun, entry) -> Optional[Found]:
        """ "In a statement issued Tuesday, the senator was more cautious": a speech noun heading
        an "in" phrase of a clause whose verb reports nothing itself; the clause's subject is
        the source and the rest of the clause what the statement says."""
        head = noun.head
        verb = head.head
        if noun.dep_ != "pobj" or head.lower_ != "in" or head.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") \
                or noun.lemma_.lower() not in lexicon()["medium_nouns"] or ctx.in_quote(verb.idx) \
                or not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > head.i), None)
        if subj is None or subj.lower_ in _RELATIVE or not self._is_source_like(ctx, subj):
            return None
        skip = {t.i for t in head.subtree} | {t.i for t in subj.subtree}
        toks = [t for t in verb.subtree if t.i not in skip and t.i > subj.i]
        content = _trimmed(noun.doc, toks)
        if content is None:
            return None
        det = next((c for c in noun.children if c.dep_ in ("det", "poss") and c.i < noun.i), None)
        f = Found(content=ctx.clip(content, noun.idx), kind="indirect", sentence=ctx.sentence_of(noun.idx),
                  cue=((det or noun).idx, noun.idx + len(noun)), cue_lemma=noun.lemma_.lower(), how="nominal")
        f.extra["nominal"] = True
        self._set_source(ctx, f, subj)
        return f if f.source is not None else None

    @staticmethod
    def _nominal_content(noun, entry):
        """(content span, its preposition, whether it is a "that"-clause) of a speech noun."""
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl", "appos", "xcomp") and c.i > noun.i:
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and c.pos_ in ("VERB", "AUX"):
                    return _trimmed(noun.doc, list(c.subtree)), None, True
                # ("The campaign plans to ...": the tagger took the verb for a noun heading the sentence)
                if entry.get("infinitive") and (c.dep_ in ("acl", "relcl") or c.dep_ == "xcomp" and noun.dep_ == "ROOT") \
                        and c.pos_ == "VERB" and any(
                        a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children):
                    return _trimmed(noun.doc, list(c.subtree)), None, False
        for c in noun.children:
            if c.dep_ == "prep" and c.i > noun.i and c.lower_ in entry.get("preps", ()):
                if _of_holder(c):
                    continue   # "the accusations of the Americans": whose they are, not what they say
                toks = [t for t in c.subtree if t.i != c.i]
                if any(t.dep_ in ("pobj", "pcomp") for t in c.children):
                    return _trimmed(noun.doc, toks), c, False
        for c in noun.children:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in entry.get("preps", ())), None)
            if c.dep_ in ("advcl", "acl") and c.i > noun.i and mark is not None and mark.i < c.i:
                # "a call for the rebels to accept ...": the parser made the preposition the
                # mark of an infinitive clause with its own subject
                # (an adverbial clause on its verb, "as he issued a statement", is the writer's)
                cut = [a for a in c.children if a.dep_ == "advcl" and a.i > c.i and any(
                    m.dep_ == "mark" and m.lower_ in _TIME_MARKS for m in a.children)]
                return _trimmed(noun.doc, [t for t in c.subtree if t.i != mark.i
                                           and not any(t in a.subtree for a in cut)]), mark, False
        if entry.get("predicate") and any(c.dep_ == "poss" for c in noun.children):
            # "Under Smith's plan, taxes would fall": the clause the plan governs is what it proposes
            head = noun.head
            if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
                toks = [t for t in head.head.subtree if t.i > noun.i and t.sent == noun.sent]
                return _trimmed(noun.doc, toks), None, False
        return None, None, False

    def _nominal_source(self, noun, ctx=None):
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        if lexicon()["speech_nouns"][noun.lemma_.lower()].get("holder"):
            # the noun names its holder: "X is a critic of Y", "X, a supporter of Y"
            if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                return next((c for c in noun.head.children if c.dep_ in _SUBJ), None)
            if noun.dep_ == "appos":
                return noun.head
            return next((c for c in noun.children if c.dep_ == "appos"), None)
        for c in noun.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") and c.i > noun.i or _of_holder(c):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for c in noun.children:
            if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.lemma_.lower() in lexicon()["source_nouns"]
                                         or c.lower_ in lexicon()["source_nouns"]   # ("media": lemma "medium")
                                         or ctx is not None and ctx.actor_in(c, deep=False) is not None):
                # "a White House statement", "the Trump plan", "police statements" (a known actor
                # the tagger took for a common noun too: "Trump charges that ...")
                return c
        for c in noun.children:
            if c.dep_ == "amod" and c.i < noun.i and c.ent_type_ == "NORP" and c.pos_ == "ADJ":
                # "American commitments to ...", "the European reluctance to ...": a nationality
                # adjective names the holder (the nation or its people)
                return c
        head = noun.head
        if noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in lexicon()["light_verbs"] and head.pos_ == "VERB" \
                and not _is_passive(head):
            return _subject(head)
        return None

    def _nominal_set_source(self, ctx, f: Found, src) -> None:
        lex = lexicon()
        refer = _POSSESSIVE_PRONOUNS.get(src.lower_)
        if refer is not None:
            f.source = (src.idx, src.idx + len(src))
            f.extra["refer"] = refer
            return
        if src.lower_ == "who" and src.dep_ in _SUBJ and src.head.dep_ == "relcl" and src.head.head.i < src.i:
            # "a cleric who is a fierce opponent of ...": the relative pronoun is the source
            # span (PolNeAR), the person it refers to the speaker
            f.source = (src.idx, src.idx + len(src))
            actor = ctx.actor_in(src.head.head)
            if actor is not None:
                f.speaker, f.speaker_kind, f.how = actor.id, actor.kind, "subject"
            return
        if src.lower_ in _RELATIVE or src.lower_ == "whose" or (src.pos_ == "PRON" and src.lower_ not in lex["pronouns"]):
            return
        self._set_source(ctx, f, src)
        if f.source is not None:
            # "Smith's claim": the speaker is the name, without the possessive ending
            s0, s1 = f.source
            text = doc_text(ctx.doc)
            if text[s0:s1].endswith(("'s", "’s")) and s1 - s0 > 2:
                s1 -= 2
            elif text[s0:s1].endswith(("'", "’")) and s1 - s0 > 1:
                s1 -= 1
            f.source = (s0, s1)

    def _reported_content(self, verb, prep, entry) -> Optional[tuple[int, int]]:
        """The reported clause or object of a cue verb, as a character span."""
        doc = verb.doc
        frame = _as_frame(verb)
        if frame is not None:
            return frame
        if entry.get("needs_as"):
            return None
        as_clause = verb.dep_ == "advcl" and verb.head.i != verb.i and \
            any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children)
        if entry.get("needs_clause") and not as_clause:
            # "saw that ..." reports a finding; "see taxes go up" does not
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and
                           any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            return _trimmed(verb.doc, list(clause.subtree)) if clause is not None else None
        parts = []
        clausal = any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "obj", "dative") and entry.get("plover")) \
                    or (c.dep_ in ("dobj", "obj") and c.i > verb.i and not clausal and _object_is_content(c, entry)):
                parts.append(c)
            elif c.dep_ == "oprd" and c.i > verb.i and "oprd" in (entry.get("or_child") or ()):
                parts.append(c)   # "called the plan a disaster": the naming is the content
            elif c.dep_ == "prt" and prep is not None and c.i == prep.i and any(p.dep_ == "pobj" for p in c.children):
                parts.append(c)   # "called on their help": the parser took the preposition for a particle
            elif c.dep_ == "prep" and c.i > verb.i and not _time_phrase(c) and ((prep is not None and c.i == prep.i) or c.lower_ in _TOPIC_PREPS or (c.lower_ in entry.get("content_prep", ()) and not _answers_with_force(c)) or (
                    entry.get("plover") and c.lower_ in ("of", "for", "on", "against", "with", "to"))):
                parts.append(c)
            elif c.dep_ == "advcl" and c.i > verb.i and c.lemma_ == "describe":
                parts.append(c)  # "condemned X, describing it as ..."
        if not clausal and entry.get("object") is False:
            # "told his players at a meeting to prepare": the parser hung the infinitive on the verb
            # as an adverbial
            parts += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            clausal = bool(parts) and any(p.dep_ == "advcl" for p in parts)
        if not clausal and (entry.get("object") is False or not parts):
            # "told a meeting of leaders that ...", "tweeted in the early hours that ...": the
            # parser hung the clause on the addressee or on a time or place phrase
            objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            objs += [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
                     for p in c.children if p.dep_ == "pobj"]
            for obj in objs:
                # (the parser may read the complementizer as a relative pronoun: tag IN says not)
                clause = next((t for t in obj.subtree if t.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.lower_ == "that" and (m.dep_ == "mark" or m.tag_ == "IN") for m in t.children)), None)
                if clause is not None:
                    parts.append(clause)
                    break
        if not parts and not clausal:
            # "doesn't think so", "said so", "said as much", "said yes"
            parts += [c for c in verb.children if c.i > verb.i and (
                c.dep_ == "advmod" and (c.lower_ == "so" or c.lower_ == "much" and any(a.lower_ == "as" for a in c.children))
                or c.dep_ in ("intj", "dobj", "advmod") and c.lower_ in ("yes", "no") and verb.lemma_ in _SAY_LIKE)]
        if not parts and not clausal and (entry.get("plover") or entry.get("epistemic")):
            # "has threatened for weeks to launch ...", "vowed on Monday to ...": the parser hung
            # the infinitive on the verb as an adverbial
            parts += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                      and not any(a.dep_ in _SUBJ for a in c.children)]
        if not parts and not clausal:
            # "said after the meeting he would ...": the parser took the clause for an adverbial
            clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                           and (verb.lemma_ in _SAY_LIKE or c.left_edge.lower_ == "that")
                           and any(x.dep_ in _SUBJ for x in c.children)
                           and not any(m.dep_ == "mark" and m.lower_ not in ("that", "whether", "if") for m in c.children)), None)
            if clause is not None:
                parts.append(clause)
        if any(p.i > verb.i and p.dep_ in ("dobj", "obj", "ccomp", "xcomp") for p in parts):
            # "While he conceded X, he blamed Y": a clause before a verb whose object or
            # complement follows it is not what the verb reports (a quotation there is: the
            # words on both sides of "..., Jordan said, and ..." are the speaker's)
            parts = [p for p in parts if not (p.dep_ == "ccomp" and p.i < verb.i and not any(
                t.is_quote for t in doc[max(p.left_edge.i - 1, 0):p.right_edge.i + 2]))]
        as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i
                        and not any(x.dep_ in ("pobj", "pcomp") for x in c.children)
                        and c.i > verb.sent.start and doc[c.i - 1].text == ","), None)
        if as_prep is not None and not [p for p in parts if p.pos_ != "PRON"] and any(
                x.dep_ in _SUBJ and as_prep.i < x.i < verb.i for x in verb.children):
            # "Hawaii, as one adviser pointed out, rarely gets ...": the parser read the "as" of
            # the aside as a preposition and made the aside the main clause; what was pointed
            # out is the rest of the sentence around it
            last = max([verb.i] + [c.i for c in verb.children if c.dep_ in ("prt", "advmod") and c.i > verb.i
                                   and c.i == verb.i + 1])
            toks = [t for t in verb.sent if not t.is_space and (t.i < as_prep.i or t.i > last)]
            sides = [[t for t in toks if t.i < as_prep.i], [t for t in toks if t.i > last]]
            return _trimmed(doc, max(sides, key=lambda side: len([t for t in side if not t.is_punct])))
        if not parts and not clausal and verb.dep_ == "advcl" and verb.head.i > verb.i \
                and any(m.dep_ == "mark" for m in verb.children):
            # "While she admitted supplies were short, she ...": the parser made the reported
            # clause, which follows the verb without a comma, the head of the verb's clause
            head = verb.head
            after = max(t.i for t in verb.subtree) + 1
            subj = next((c for c in head.children if c.dep_ in _SUBJ), None)
            if subj is not None and subj.left_edge.i == after and not doc[after - 1].is_punct:
                return _trimmed(doc, [t for t in head.subtree if t.i >= after and t.sent == verb.sent
                                      and not any(t in c.subtree for c in head.children if c.i > head.i
                                                  and c.dep_ == "punct" and c.text == ",")])
        if not [p for p in parts if p.pos_ != "PRON"] and verb.dep_ == "advcl" and verb.head.i != verb.i and \
                any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children):
            # "As X pointed out, the plan is flawed": the main clause is what X pointed out
            head = verb.head
            aside = list(verb.subtree)
            toks = [t for t in head.subtree if t not in set(aside) and t.sent == verb.sent and not t.is_space]
            # the words on the longer side of the aside ("After all, as we saw, banks can ...")
            sides = [[t for t in toks if t.i < aside[0].i], [t for t in toks if t.i > aside[-1].i]]
            return _trimmed(doc, max(sides, key=lambda side: len([t for t in side if not t.is_punct])))
        if not parts and verb.lemma_ in _PARENTHETICAL and verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") \
                and verb.head.i != verb.i and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            # "The talks, the envoy said, are a first step."
            head = verb.head
            toks = [t for t in head.subtree if t not in set(verb.subtree) and not t.is_space]
            toks = [t for t in toks if t.sent == verb.sent]
            while toks and toks[0].is_punct:
                toks = toks[1:]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1])
        if verb.dep_ == "parataxis" and verb.head.i < verb.i:
            # "The attack was cowardly, the minister said."
            head = verb.head
            toks = [t for t in head.subtree if t.i < verb.i and not any(t in s.subtree for s in head.children if s.i > verb.i)]
            toks = [t for t in toks if not t.is_punct and not (t in verb.subtree)]
            if toks:
                return toks[0].idx, toks[-1].idx + len(toks[-1])
        # "..., that he really wants to release them": what comes before the verb's own "that"
        # is not part of its clause (the parser may hang the governing clause on it)
        that = next((m for m in verb.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < verb.i), None)
        if that is not None:
            parts = [p for p in parts if p.i > that.i]
        if not parts and not clausal:
            # "The general continues to claim, most recently on television, that he wants ...":
            # the parser made the reported clause the root and hung the cue's clause on it
            gov = verb
            while gov.dep_ == "xcomp" and gov.head.i != gov.i:
                gov = gov.head
            head = gov.head
            mark = next((m for m in head.children if m.dep_ == "mark" and m.lower_ == "that"
                         and verb.i < m.i < head.i), None) if gov.dep_ == "ccomp" and head.i > verb.i else None
            if mark is not None:
                return _trimmed(doc, [t for t in head.subtree if t.i > mark.i and t not in set(gov.subtree)])
        if not parts:
            return None
        toks = [t for p in parts for t in p.subtree if t.i != (prep.i if prep is not None else -1)]
        if verb.dep_ == "relcl" and any(t.i > verb.i for t in toks):
            # "a tax which he said would hurt firms": the extracted relative pronoun sits before
            # the cue; the content is the clause after it
            toks = [t for t in toks if t.i > verb.i]
        # a trailing ", who is 70" describes the object; it is not part of what was said
        aside = {t.i for p in parts if p.pos_ in ("NOUN", "PROPN", "PRON")
                 for r in p.subtree if r.dep_ == "relcl" and r.head.pos_ in ("NOUN", "PROPN")
                 and r.left_edge.i > 0 and doc[r.left_edge.i - 1].text == ","
                 for t in r.subtree}
        if aside and max(t.i for t in toks) in aside:
            toks = [t for t in toks if t.i not in aside]
        # "..., a claim the government rejected": a comment on what was said, not part of it
        remark = {t.i for p in parts for r in p.subtree if r.dep_ == "appos" and r.i > verb.i
                  and r.lemma_.lower() in lexicon()["speech_nouns"] and r.left_edge.i > 0
                  and doc[r.left_edge.i - 1].text == "," and r.right_edge.i >= max(t.i for t in toks)
                  for t in [doc[r.left_edge.i - 1], *r.subtree]}
        if remark and len(remark) < len(toks):
            toks = [t for t in toks if t.i not in remark]
        aside = {t.i for p in parts if _aside_in_clause_of(p) is not None for t in _aside_in_clause_of(p).subtree}
        if aside:
            toks = [t for t in toks if t.i not in aside]
        when = _leading_time(verb, parts)
        if when:
            toks = [t for t in toks if t.i not in when]
        return _trimmed(doc, toks)

    def _in_source(self, ctx, prep) -> Optional[Found]:
        """ "X leads in the latest polls", "the plan is unfair in their view", "by his own
        admission, the returns are thick": the poll (or the holder's view, admission or account)
        is the source of the clause or phrase the "in"/"by" phrase modifies."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        holders = lexicon()["in_sources"] if prep.lower_ == "in" else lexicon().get("by_sources", {})
        word = pobj.lower_ if pobj is not None and pobj.lower_ in holders else pobj.lemma_.lower() if pobj is not None else None
        if word not in holders:
            return None
        of_holder = next((o for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj" and (
                              o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or ctx.actor_in(o, deep=False) is not None
                              or o.lemma_.lower() in lexicon()["titles"])), None)
        if holders[word] == "poss" and not any(c.dep_ == "poss" for c in pobj.children) and of_holder is None:
            return None   # "in view of", "in the eyes of the law": no holder named
        head = prep.head
        inside = set(prep.subtree)
        toks = [t for t in head.subtree if t not in inside and t.sent == prep.sent and not t.is_space]
        if not toks or any(t.i != head.i and _cue_entry(t) for t in toks) or _cue_entry(head):
            return None   # "in the poll, 40% said ...": the speech verb reports it
        content = _trimmed(ctx.doc, toks)
        if content is None or content[1] - content[0] < 3:
            return None
        cue = (prep.idx, prep.idx + len(prep))
        if prep.lower_ == "by":
            # the cue is the noun phrase without its holder ("own admission" in "by Trump's own admission")
            words = [t for t in pobj.subtree if not any(t in c.subtree for c in pobj.children if c.dep_ == "poss")]
            cue = (words[0].idx, pobj.idx + len(pobj))
        f = Found(content=ctx.clip(content, prep.idx), kind="indirect", sentence=ctx.sentence_of(prep.idx),
                  cue=cue, cue_lemma=prep.lower_, how="in-source")
        # ("in their view" names its source as a whole; "by Trump's own admission", its holder)
        holder = next((c for c in pobj.children if c.dep_ == "poss"), None)
        f.source = _phrase_span(holder if prep.lower_ == "by" and holder is not None else pobj)
        if of_holder is not None and holder is None:
            f.source = _phrase_span(of_holder)   # "in the eyes of the minister"
        return f

    def _adverb_cue(self, ctx, adv) -> Optional[Found]:
        """ "He allegedly brandished a pistol", "Reportedly, the deal is off": the clause the
        adverb modifies is said by someone the text does not name."""
        head = adv.head if adv.head.i != adv.i else None
        if head is None:
            toks = [t for t in adv.sent if t.i != adv.i and not t.is_space]
        else:
            toks = [t for t in head.subtree if t.i != adv.i and t.sent == adv.sent and not t.is_space]
        if len([t for t in toks if not t.is_punct]) < 2:
            return None
        content = _trimmed(ctx.doc, toks)
        if content is None:
            return None
        return Found(content=ctx.clip(content, adv.idx), kind="indirect", sentence=ctx.sentence_of(adv.idx),
                     cue=(adv.idx, adv.idx + len(adv)), cue_lemma=adv.lower_, how="adverb")

    def _according_to(self, ctx, sent, tok) -> Optional[Found]:
        to = next(c for c in tok.children if c.lower_ == "to")
        # "according to show insiders": the tagger may read the source as a verb phrase
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
            next((c for c in to.children if c.dep_ == "pcomp"), None)
        if pobj is None:
            return None
        phrase = sorted(tok.subtree, key=lambda t: t.i)
        ps, pe = phrase[0].i, phrase[-1].i
        # "According to X, the move reeks of fear": the parser may hang the clause on X; the
        # phrase ends at the first comma after X when it opens the sentence
        comma = next((t for t in phrase if t.i > pobj.i and t.text == ","), None)
        cut = comma is not None and ps == sent.start and pe - comma.i >= 3
        if cut:
            pe = comma.i
        if _channel_aside(ctx.doc, sent, ps, pe):
            return None   # "X continued, according to the agency: “...”": X's words (_direct)
        lo, hi = ctx.para_bounds(tok.idx)
        # ("According to the ministry, X, according to what a source said": each phrase is its
        # own frame, not part of what the other reports)
        others = {t.i for a in sent if a.i != tok.i and a.lower_ in lexicon()["according_to"]
                  and any(c.lower_ == "to" for c in a.children) for t in a.subtree}
        toks = [t for t in sent if (t.i < ps or t.i > pe) and not t.is_space and lo <= t.idx < hi and t.i not in others]
        # trim punctuation at both edges ("According to X, ...", "..., according to X.")
        while toks and toks[0].is_punct:
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        clause = _aside_in_clause(tok)
        if clause is not None:
            # "X said, according to what the agency quoted from him, that ...": the phrase
            # reports what X said, not X's saying it
            toks = [t for t in clause.subtree if t.i > pe and not (t.is_punct and t.i == pe + 1)
                    and not (t.dep_ == "mark" and t.head.i == clause.i and t.i < clause.i)]
            while toks and toks[-1].is_punct and toks[-1].text not in "”\"’»":
                toks = toks[:-1]
        if not toks:
            return None
        f = Found(content=(toks[0].idx, toks[-1].idx + len(toks[-1])), kind="indirect",
                  sentence=ctx.sentence_of(tok.idx), cue=(tok.idx, to.idx + len(to)),
                  cue_lemma="according to")
        said = next((v for v in pobj.subtree if v.pos_ == "VERB" and _cue_entry(v) is not None
                     and any(c.dep_ in ("dobj", "nsubj", "dative") and c.lower_ == "what" for c in v.children)), None) \
            if pobj.lower_ == "what" or any(t.lower_ == "what" for t in pobj.subtree) else None
        holder = _subject(said) if said is not None else None
        if holder is not None and holder.lower_ != "what":
            # "according to what he said", "according to what the ministry stated": the one who
            # said it is the source, not the words "what he said"; the verb is the cue (the
            # phrase only points to it)
            pobj = holder
            f.cue, f.cue_lemma = (_cue_start(said), said.idx + len(said)), said.lemma_.lower()
        self._set_source(ctx, f, pobj)
        if cut and f.source is not None:
            f.source = (f.source[0], min(f.source[1], comma.idx))
        return f

    def _direct(self, ctx, q: Quote, used_cues) -> Optional[Found]:
        text = doc_text(ctx.doc)
        o_start, o_end = q.outer
        si = ctx.sent_index(q.open_at)
        sj = ctx.sent_index(max(q.open_at, o_end - 1))
        cands = []
        regions = [ctx.sents[si], ctx.sents[sj]]
        before = text[:o_start].rstrip()
        if before.endswith(":") and si > 0:
            regions.append(ctx.sents[si - 1])   # "X said:\n\n“...”"
        if si > 0 and ctx.sents[si].start_char >= o_start - 1:
            # quote opens its sentence: "X said: “...”" may be parsed as two sentences
            prev = ctx.sents[si - 1]
            if text[prev.start_char:o_start].rstrip().endswith((":", ",")):
                regions.append(prev)
        if sj + 1 < len(ctx.sents) and text[q.end - 1:q.end] in "?!." and \
                not text[o_end:ctx.sents[sj + 1].start_char].strip() and "\n" not in text[o_end:ctx.sents[sj + 1].start_char]:
            # "“Why now?” Clinton said." -- the parser ends the sentence inside the quote
            nxt = ctx.sents[sj + 1]
            if len(nxt) > 25:
                # a long sentence going on after the cue ("“Ready?” she said, but Kevin was ..."):
                # only its opening words up to the first comma can hold the quote's cue
                comma = next((t.i for t in nxt if t.text in (",", ";")), None)
                if comma is not None and comma - nxt.start <= 6:
                    nxt = ctx.doc[nxt.start:comma]
            if len(nxt) <= 25 and not any(t.dep_ in ("ccomp", "dobj") and t.head.lemma_ in lexicon()["cues"]
                                          and t.i < nxt.end for t in nxt.root.sent if t.head.i in range(nxt.start, nxt.end)):
                regions.append(nxt)
        seen = set()
        for sent in regions:
            for tok in sent:
                if tok.i in seen or ctx.in_quote(tok.idx):
                    continue
                seen.add(tok.i)
                hit = _cue_entry(tok)
                if hit is None and tok.lower_ in lexicon()["according_to"]:
                    hit = ({}, None)
                if hit is None or _is_negated(tok):
                    continue
                dist = o_start - (tok.idx + len(tok)) if tok.idx < o_start else tok.idx - o_end
                cands.append((abs(dist), tok, hit))
        cands = [c for c in cands if not _in_channel_aside(ctx.doc, c[1])]
        words = len(text[q.start:q.end].split())
        sent = ctx.sents[si]
        f = None
        dash = self._dash_before(ctx, q) if words >= MIN_STANDALONE_QUOTE_WORDS else None
        colon = self._colon_before(ctx, q)
        if cands and colon is not None:
            best = min(cands, key=lambda c: c[0])[1]
            if best.idx < colon[1].idx and colon[1] not in best.subtree \
                    and ctx.sent_index(best.idx) != ctx.sent_index(colon[1].idx):
                # "... consider the cost. The problem is shown by this finding: “...”": the noun
                # phrase before the colon introduces the quote, not a cue of an earlier sentence
                cands = []
        if dash is not None:
            # "including the former governor Jane Doe -- “It is ...” --": the dash sets off the
            # words of the person named before it
            dash_tok, name = dash
            cs = ctx.sentence_of(q.open_at)
            f = Found(content=(q.start, q.end), kind="direct", sentence=(min(cs[0], name.start_char), max(cs[1], o_end)),
                      cue=(dash_tok.idx, dash_tok.idx + len(dash_tok)), cue_lemma="--", how="dash")
            f.source = (name.start_char, name.end_char)
            f.speaker = self._actor_id(ctx, f.source)
        elif cands:
            _, tok, (entry, prep) = min(cands, key=lambda c: c[0])
            if tok.idx > o_end and text[:o_start].rstrip()[-1:] in ",:" and any(
                    c.dep_ in ("mark", "advmod") and c.i < tok.i and c.lower_ in _SUBORDINATORS for c in tok.children):
                # "X saying, “...,” when Y criticized him": the cue of a clause after the quote
                # that opens with "when"/"as" is no frame of it; a verb of saying before it is
                before_q = [c for c in cands if c[1].idx < o_start and c[1].lemma_.lower() in _SAY_LIKE | {"ask"}]
                if before_q:
                    _, tok, (entry, prep) = min(before_q, key=lambda c: c[0])
            subj = _subject(tok)
            if tok.lower_ in lexicon()["according_to"]:
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                subj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                cue = (tok.idx, (to.idx + len(to)) if to is not None else tok.idx + len(tok))
            else:
                cue_end = (prep.idx + len(prep)) if prep is not None and prep.i == tok.i + 1 else tok.idx + len(tok)
                if cue_end < len(text) and text[cue_end] == ":":
                    cue_end += 1
                cue = (_cue_start(tok), cue_end)
            if subj is not None and o_start <= subj.idx < o_end and tok.lower_ not in lexicon()["according_to"]:
                # the parser took a word of the quotation for the speaker ("“..., we will,”
                # Chief Jane Doe said"): the speaker is the phrase outside the quote next to the cue
                subj = _outside_speaker(ctx, q, tok)
                if subj is None:
                    return None
            inverted = None
            if subj is None and tok.lemma_.lower() in _SAY_LIKE and tok.lower_ not in lexicon()["according_to"]:
                inverted = _outside_speaker(ctx, q, tok)   # "Said Jane Doe: “...”"
            if subj is None and inverted is None and tok.lower_ not in lexicon()["according_to"]:
                inverted = _inverted_subject(tok)   # "“...,” declared to our newsroom the president, X"
            if subj is not None and subj.idx <= q.open_at < _subtree_span(subj)[1]:
                return None   # a quoted name inside the speaker's description
            if not self._quote_is_separate(ctx, q, tok):
                return None   # quoted terms inside a clause are mixed quotes (indirect pass) or names
            gap = text[min(tok.idx, o_end):max(tok.idx, o_end)] if tok.idx >= o_end else text[tok.idx + len(tok):o_start]
            if words < MIN_STANDALONE_QUOTE_WORDS and (len(gap) > 40 or re.search(r"[.;!?]", gap)):
                return None   # a short quote counts only next to its cue ("Yes," he said)
            if entry.get("epistemic") and (subj is None or not self._is_source_like(ctx, subj)):
                return None
            kind = "direct"
            cs = ctx.sentence_of(tok.idx)
            f = Found(content=(q.start, q.end), kind=kind, sentence=(min(cs[0], o_start), max(cs[1], o_end)), cue=cue,
                      cue_lemma=tok.lemma_.lower() if tok.lower_ != "according" else "according to",
                      plover_type=entry.get("plover"))
            f.extra["role"] = entry.get("role")
            if subj is not None:
                self._set_source(ctx, f, subj)
            elif inverted is not None:
                toks = [t for t in inverted.subtree if tok.i < t.i and (t.idx < o_start or o_start < tok.idx)
                        and not ctx.in_quote(t.idx) and not t.is_punct] or [inverted]
                f.source = (min(t.idx for t in toks), max(t.idx + len(t) for t in toks))
                f.speaker = self._actor_id(ctx, f.source)
            f.target = self._target(ctx, tok, entry) if entry else None
            used_cues.add(tok.i)
        elif colon is not None:
            # "A lesson from Jane Doe: “...”": the colon introduces the words of the phrase before it
            colon, src = colon
            cs = ctx.sentence_of(q.open_at)
            cue = (colon.idx, colon.idx + 1)
            lex = lexicon()
            verb = src.head
            if src.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and verb.i < src.i and not _is_passive(verb) \
                    and (src.lemma_.lower() in lex["speech_nouns"] or src.lemma_.lower() in lex["speech_artifacts"]) \
                    and _subject(verb) is not None:
                # "X made the following comment: “...”", "she posted this message: “...”": the
                # words are the comment; who made it is the verb's subject
                src, cue = _subject(verb), (_cue_start(verb), colon.idx + 1)
            f = Found(content=(q.start, q.end), kind="direct", sentence=(min(cs[0], cue[0]), max(cs[1], o_end)),
                      cue=cue, cue_lemma=":", how="colon")
            self._set_source(ctx, f, src)
            if f.source is not None:
                f.source = (f.source[0], min(f.source[1], colon.idx))
                # the speaker is who the words before the colon name, not someone named in the
                # quotation the parser hung on them ("Patino: “The President will ...”")
                named = self._actor_id(ctx, f.source)
                actors = {a.id: a for a in ctx.doc._.actors or []}
                if named is not None or f.speaker in actors and not any(
                        f.source[0] <= m.start < f.source[1] for m in actors[f.speaker].mentions):
                    f.speaker = named
                    f.speaker_kind = actors[named].kind if named in actors else None
        elif words >= MIN_STANDALONE_QUOTE_WORDS and self._standalone(ctx, q):
            # a quote on its own: continues the previous speaker's quote, or speaker unknown
            cs = ctx.sentence_of(q.open_at)
            f = Found(content=(q.start, q.end), kind="direct", sentence=(min(cs[0], o_start), max(cs[1], o_end)))
            f.how = "standalone"
        if f is not None and q.truncated:
            f.extra["truncated"] = True
        return f

    def _colon_before(self, ctx, q: Quote):
        """(colon token, the noun before it) when a quote follows "<noun phrase>:" inside its
        paragraph, with no verb between the phrase and the colon."""
        doc = ctx.doc
        span = doc.char_span(q.outer[0], q.outer[0] + 1, alignment_mode="expand")
        if span is None or span[0].i < 2:
            return None
        colon = doc[span[0].i - 1]
        if colon.is_space and colon.i > 1:
            colon = doc[colon.i - 1]   # "X made this comment:" ending the paragraph before the quote
        noun = doc[colon.i - 1]
        if colon.text != ":" or noun.pos_ not in ("NOUN", "PROPN") or ctx.in_quote(noun.idx) \
                or ctx.para_index(noun.idx) not in (ctx.para_index(q.open_at), ctx.para_index(q.open_at) - 1):
            return None
        if ctx.para_index(noun.idx) != ctx.para_index(q.open_at) and not (
                noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB"):
            return None   # a label ending the paragraph before ("Partial transcript:") heads it, speaks no words
        lo, _ = ctx.para_bounds(noun.idx)
        if any(t.pos_ in ("VERB", "AUX") for t in doc[noun.left_edge.i:colon.i] if t.idx >= lo):
            return None
        return colon, noun

    def _dash_before(self, ctx, q: Quote):
        """(dash token, person name span) when a quote follows "<person's name> --" (or an em or
        en dash) in its sentence: the name speaks the words the dash sets off."""
        doc = ctx.doc
        span = doc.char_span(q.outer[0], q.outer[0] + 1, alignment_mode="expand")
        if span is None or span[0].i < 2:
            return None
        dash = doc[span[0].i - 1]
        if dash.text not in ("--", "—", "–", "―") or ctx.in_quote(dash.idx):
            return None
        name = doc[dash.i - 1]
        ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
        if ent is None or ent.label_ != "PERSON" or ent.end != name.i + 1 or ent.start < ctx.sents[
                ctx.sent_index(q.open_at)].start or ctx.in_quote(ent.start_char):
            return None
        return dash, ent

    def _quote_is_separate(self, ctx, q: Quote, cue) -> bool:
        """A direct quote is set off by punctuation (X said: “...” / “...,” X said) or fills
        its own sentence; otherwise it is a fragment inside reported speech (mixed)."""
        text = doc_text(ctx.doc)
        o_start, o_end = q.outer
        before = text[:o_start].rstrip()
        if not before or before[-1] in ":.!?" or "\n" in text[len(before):o_start]:
            return True
        # the quotation's last mark, past a nested quotation closing with it ("... are off.'")
        last = text[q.start:q.end].rstrip(_NESTED_CLOSERS)[-1:]
        if before[-1] == "," and (last and last in ".!?," or text[q.end:q.end + 1] == ","):
            return True   # X said, “We will fight.” / X said, “We will fight,” when ...
        # "“...,” said X" / "“...” He added"
        return cue.idx >= o_end and (text[q.end:q.end + 1] == "," or bool(last) and last in ".!?,")

    def _standalone(self, ctx, q: Quote) -> bool:
        """The quote is (nearly) a whole sentence or paragraph by itself."""
        text = doc_text(ctx.doc)
        o_start, o_end = q.outer
        line_start = text.rfind("\n", 0, o_start) + 1
        prefix = text[line_start:o_start].strip()
        prev_sent_end = max(prefix.rfind(". "), prefix.rfind("? "), prefix.rfind("! "))
        return not prefix or prefix[-1] in ".!?" or prev_sent_end >= 0 and not prefix[prev_sent_end + 2:].strip()

    def _is_source_like(self, ctx, subj, that_clause: bool = False) -> bool:
        """Can subj hold a thought or finding? An actor, a name, a person pronoun, a title or
        source noun; with a "that"-clause any noun phrase ("the video shows that ...")."""
        lex = lexicon()
        if subj.lower_ in ("i", "you", "we") or subj.lower_ in _PEOPLE_PRONOUNS:
            return True
        if subj.lower_ in _QUANTIFIERS:
            # "many of his supporters", "some in the party": the group quantified over
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "among")), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return pobj is None or self._is_source_like(ctx, pobj, that_clause)
        if ctx.actor_in(subj) is not None:
            return True
        if _cannot_speak(subj):
            return False   # "the raid may signal an offensive": an event is what is judged, not a judge
        if that_clause and subj.pos_ in ("NOUN", "PROPN", "NUM"):
            return True
        if subj.pos_ in ("NOUN", "NUM"):
            return True   # PolNeAR attributes stances to any group or thing named ("companies seek", "40 percent back")
        return (subj.pos_ == "PROPN" or subj.lower_ in lex["pronouns"] or subj.lemma_.lower() in lex["titles"]
                or subj.lower_ in lex["source_nouns"] or subj.lemma_.lower() in lex["source_nouns"]
                or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))

    def _set_source(self, ctx, f: Found, subj) -> None:
        if ctx.in_dateline(subj.idx):
            # "EL OBEID, Sudan, May 9 - Sudan's army and the RSF both claimed": the parser took
            # the dateline's place for the subject and hung the real one on it
            subj = next((c for c in subj.children if c.dep_ in ("appos", "conj") and not ctx.in_dateline(c.idx)
                         and c.pos_ in ("NOUN", "PROPN")), subj)
        tops = ctx.in_paragraph(subj, f.cue[0] if f.cue else subj.idx)
        if not tops and f.cue:
            tops = ctx.left_phrase(f.cue[0])
        if not tops:
            return
        subj = tops[0]
        exclude = [c for c in subj.children if c.dep_ in ("relcl", "acl") and c.i > subj.i]
        # "Trump this week said", "a panel in 2001 ruled": a time phrase at the end of the
        # subject dates the act; it does not describe the speaker
        last = max(t.i for t in subj.subtree)
        exclude += [t for t in subj.subtree if t.i > subj.i and max(x.i for x in t.subtree) == last and (
            t.dep_ == "npadvmod" and t.ent_type_ in ("DATE", "TIME")
            or t.dep_ == "prep" and t.lower_ in ("in", "on", "during", "at", "since", "until", "before", "after")
            and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in t.children))]
        f.source = ctx.clip(_balanced(ctx.doc, _subtree_span(subj, exclude)), subj.idx)
        cut = min((c.idx for c in exclude if f.source[0] < c.idx < f.source[1] and c.i > subj.i), default=None)
        if cut is not None:
            # a clause left out of the phrase still lies inside its span ("The party condemned ...
            # and described": the words after it are the parse's leftovers, not the speaker)
            text = doc_text(ctx.doc)
            while cut > f.source[0] and text[cut - 1] in " ,":
                cut -= 1
            f.source = (f.source[0], cut)
        if f.cue and f.source[0] < f.cue[0] < f.source[1]:
            # a source phrase ends before its cue (a misparse may hang the verb inside it)
            end = f.cue[0]
            text = doc_text(ctx.doc)
            while end > f.source[0] and text[end - 1] in " ,":
                end -= 1
            f.source = (f.source[0], end)
        f.role = next((r for r in (_speaker_role(t) for t in tops) if r is not None), None)
        if len(tops) > 1:
            # the parser split the subject after joining a heading: the speaker phrase is
            # everything of it in this paragraph ("The leader of X, Muqtada al-Sadr")
            f.source = (f.source[0], max(f.source[1], ctx.clip(_subtree_span(tops[-1]), tops[-1].idx)[1]))
            actors = [a for a in (ctx.actor_in(t) for t in tops) if a is not None]
            actor = next((a for a in actors if a.kind == "person"), actors[0] if actors else None)
            if actor is not None:
                f.speaker, f.speaker_kind, f.how = actor.id, actor.kind, "subject"
                name = next((n for n in (_name_token(t, actor) for t in tops) if n.i not in {t.i for t in tops}), None)
                if name is not None:
                    f.role = _speaker_role(name) or f.role
                return
        f.extra["subj"] = subj
        lex = lexicon()
        if ctx.actor_in(subj) is None and _group_description(subj):
            # "the group said", "a spokesman for the group said": the organisation told of before
            f.extra["refer"] = "group"
            return
        if subj.lower_ in lex["pronouns"] or (subj.lemma_.lower() in lex["titles"] and ctx.actor_in(subj) is None
                                              and any(c.lower_ in ("the", "this", "that") for c in subj.children)):
            f.extra["refer"] = subj.lower_ if subj.lower_ in lex["pronouns"] else "title"
            return
        actor = ctx.actor_in(subj)
        if actor is not None:
            f.speaker, f.speaker_kind, f.how = actor.id, actor.kind, "subject"
            name = _name_token(subj, actor)
            if name.i != subj.i:
                f.role = _speaker_role(name) or f.role
                own = _own_phrase(name, subj)
                if own is not None:
                    f.source = own
            # "X and Y accused ...": every conjoined speaker makes the statement
            co, co_sources, co_roles = [], [], []
            for c in subj.conjuncts:
                a = ctx.actor_in(c)
                # (a person and a body are not conjoined speakers of one act: "the minister and
                # the ministry"; an army and a militia are: "the army and the RSF both claimed")
                if a is not None and a.id != actor.id and a.id not in co \
                        and (a.kind == "person") == (actor.kind == "person"):
                    co.append(a.id)
                    co_sources.append(_conjunct_span(c))
                    co_roles.append(_speaker_role(_name_token(c, a)) or _speaker_role(c))
            if co:
                # each conjoined speaker is named by its own conjunct
                f.extra.update(co_speakers=co, co_sources=co_sources, co_roles=co_roles)
                if name.i == subj.i:
                    f.source = _conjunct_span(subj)
        if f.role is not None:
            f.role = ctx.clip(f.role, f.source[0])

    def _target(self, ctx, verb, entry) -> Optional[str]:
        """Object of accuse/blame ("accused X of ..."), of blame ... on X, or the actor a
        condemnation is directed at when the object is an actor."""
        if not entry or not entry.get("plover"):
            return None
        role = entry.get("role")
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")]
        if verb.lemma_ == "blame":
            # "blamed the attack on X": the parser may hang "on X" on the object, or chain
            # "on" phrases ("the attempt on Y's life on X"): the last one names the blamed
            ons = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "on"
                   and not any(a.dep_ == "relcl" for a in t.ancestors if a.i > verb.i)]
            if ons:
                objs = [c for c in ons[-1].children if c.dep_ == "pobj"] or objs
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "to") and verb.lemma_ in ("call", "appeal"):
                objs += [c for c in prep.children if c.dep_ == "pobj"]
        for o in objs:
            if o.pos_ == "VERB" or any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i < o.i for c in o.children):
                continue   # "denied killing civilians": the act denied, whose victims are no target
            actor = ctx.actor_in(o, deep=False)
            if actor is not None:
                return actor.id
        if role == "allege" and objs and (verb.lemma_ == "blame" or objs[0].tag_ in ("NNS", "NNPS")):
            # the blamed or accused party is a noun phrase no actor stage knows ("foreign think
            # tanks", "accused outlaw groups of ...")
            return ctx.np_actor(objs[0])
        return None

    def _co_targets(self, ctx, verb, target: Optional[str]) -> list[str]:
        """Further accused parties joined to the target ("accused the PKK and its Syrian
        offshoot, the YPG, of ..."): conjuncts and appositions of the object."""
        if target is None:
            return []
        out = []
        todo = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        while todo:
            for t in todo.pop().children:
                if t.dep_ in ("conj", "appos"):
                    todo.append(t)
                    actor = ctx.actor_in(t, deep=False)
                    if actor is not None and actor.id != target and actor.id not in out:
                        out.append(actor.id)
        return out

    # -- reference resolution ----------------------------------------------------------
    def _resolve_references(self, ctx, found: list[Found]) -> None:
        lex = lexicon()
        last: Optional[Found] = None
        last_any: Optional[Found] = None   # the latest statement with a source, resolved or not
        for f in found:
            refer = f.extra.get("refer")
            if f.speaker is None and refer in ("they", "he", "she", "it") and (
                    outer := _reporting_source(ctx, f, found, refer, lex)) is not None:
                # "The officials said they suspected X": the pronoun subject of a clause reported
                # by someone it can stand for is that reporter, named or not
                f.speaker, f.speaker_kind, f.how = outer.speaker, outer.speaker_kind, f"{refer}->reporting source"
                f.role = f.role or outer.role
            elif f.speaker is None and refer in lex["pronouns"] and (
                    gov := _governing_subject(ctx, f, lex["pronouns"][refer], found)) is not None:
                # "Israel has carried out strikes in Syria against what it says are ...": the
                # subject of the author's clause governing the pronoun's, before any name since
                f.speaker, f.speaker_kind, f.how = gov.id, gov.kind, f"{refer}->governing subject"
            elif f.speaker is None and (refer or f.how == "standalone"):
                kinds = _REFER_KINDS.get(refer) or lex["pronouns"].get(refer, ["person"])
                prev_subj = last_any.extra.get("subj") if last_any is not None else None
                if f.how != "standalone" and refer in ("he", "she", "it") and prev_subj is not None \
                        and ctx.near(last_any, f) and (prev_subj.lower_ == refer or _same_referent(prev_subj, refer, lex)):
                    # (the same pronoun again goes on with whoever the first one was, even nobody)
                    # "An RSF commander said ..., and he said ...": the pronoun goes on with the
                    # speaker just told of, whatever the actor standing for them (the commander's
                    # group) or none ("SANA said ... It did not say ...": not some other actor)
                    if last_any.speaker:
                        f.speaker, f.speaker_kind = last_any.speaker, last_any.speaker_kind
                        f.how = f"{refer}->previous source"
                        f.role = f.role or last_any.role
                    last_any = f
                    continue
                if f.how == "standalone":
                    # only a quote right after the previous statement continues it
                    if last_any is not None and not last_any.speaker and last_any.source is not None \
                            and (last is None or last_any.content[0] > last.content[0]) \
                            and ctx.near(last_any, f, max_paragraphs=1):
                        # '"It was a heavy blow," the source said. "The attackers came on
                        # motorbikes."': the same unnamed source goes on (its words name it)
                        f.source, f.how, f.role = last_any.source, "continuation", last_any.role
                    elif last is not None and last.speaker and ctx.near(last, f, max_paragraphs=1):
                        f.speaker, f.speaker_kind, f.how = last.speaker, last.speaker_kind, "continuation"
                        f.role = f.role or last.role
                elif refer == "title" and (same := _same_title_before(ctx, found, f)) is not None:
                    # "a local official told X ... the official said": the official told of
                    # before, named or not (not some other person named in between)
                    f.speaker, f.speaker_kind = same.speaker, same.speaker_kind
                    f.how = "title->same title" if same.speaker else f.how
                    f.role = f.role or same.role
                elif last is not None and last.speaker and ctx.near(last, f) and \
                        (last.speaker_kind in kinds or last.speaker_kind is None
                         or _name_taken_for_organization(ctx.doc, last.speaker, kinds)):
                    f.speaker, f.speaker_kind, f.how = last.speaker, last.speaker_kind, f"{refer}->previous speaker"
                    # "he added": the role the text gave this speaker a moment ago still holds
                    f.role = f.role or last.role
                else:
                    actor = ctx.recent_actor(f.cue[0] if f.cue else f.content[0], kinds)
                    subj = f.extra.get("subj")
                    if refer == "group" and subj is not None and subj.lemma_.lower() in lex["named_body_nouns"]:
                        # "the mission said", "the commission affirmed": the body told of before
                        # whose name says it is one ("the UN Support Mission"), else nobody
                        word = subj.lemma_.lower()
                        actor = next((a for a in reversed(ctx.doc._.actors or []) if any(
                            re.search(rf"\b{word}", n.lower()) for n in (a.name, *a.aliases_seen))
                            and any(m.start < subj.idx for m in a.mentions)), None)
                    if actor is not None:
                        f.speaker, f.speaker_kind, f.how = actor.id, actor.kind, f"{refer}->recent actor"
            if f.speaker:
                last = f
            if f.source is not None and f.how != "standalone":
                last_any = f

    # -- output --------------------------------------------------------------------------
    def set_annotations(self, doc, found: list[Found]) -> None:
        text = doc_text(doc)
        events = doc._.events or []
        statements = []
        cue_starts = {f.cue[0] for f in found if f.cue}
        for f in found:
            s0, s1 = f.sentence
            # a date inside what was said dates the reported act, not the saying
            c0, c1 = f.content
            date = next((d.date for d in dates_in(doc, s0, s1) if d.date is not None
                         and not overlaps(d.span.start, d.span.end, c0, c1)), None)
            # (a no-comment is about nothing: "did not respond to a request for comment")
            event = None if f.extra.get("no_comment") else _linked_event(doc, f.extra.get("act_of", f), events)
            if event is None and f.extra.get("rejects") is not None:
                event = f.extra["rejects"].extra.get("event")
            if event is None and f.extra.get("role") == "claim" and re.fullmatch(
                    r"(?:the\s+)?(?:responsibility|credit)(?!\s+(?:for|of|over)\b)(?:\s+(?:in|on|via|through|by|with)\b.*)?",
                    text[f.content[0]:f.content[1]].strip(), re.I | re.S):
                # "X claimed responsibility." with no "for ...", or only how ("in a message sent to
                # journalists", "on Telegram"): the violent event told before
                event = next((e.id for e in events if e.plover_type in VIOLENT_PLOVER and e.trigger is not None
                              and e.trigger.start < f.content[0] and e.status not in ("historical", "future",
                                                                                       "hypothetical", "negated")), None)
            if f.target is None and event is not None and f.plover_type == "ACCUSE" \
                    and (f.extra.get("act_of") or f).extra.get("role") == "disapprove":
                ev = next((e for e in events if e.id == event), None)
                f.target = _perpetrator(ev, f.speaker, doc._.actors or []) if ev is not None else None
            f.extra["event"] = event
            f.extra["ids"] = []
            speakers = [f.speaker] + f.extra.get("co_speakers", [])
            sources = [f.source] + f.extra.get("co_sources", [])
            sources += [f.source] * (len(speakers) - len(sources))
            roles = [f.role] + f.extra.get("co_roles", [])
            roles += [None] * (len(speakers) - len(roles))
            for speaker, source, role in zip(speakers, sources, roles):
                if source:
                    source = _without_dateline(text, _with_modifiers(doc, source, f.cue, f.content, cue_starts))
                sid = f"s{len(statements) + 1}"
                f.extra["ids"].append(sid)
                statements.append(Statement(
                    id=sid, speaker=speaker, source=span_of(doc, *source) if source else None,
                    speaker_role=span_of(doc, *role) if role else None,
                    cue=span_of(doc, *f.cue) if f.cue else None,
                    content=span_of(doc, *_closed_quote(text, _without_dateline(text, f.content, doc))), kind=f.kind, plover_type=f.plover_type,
                    target=f.target, date=date, evidence=[span_of(doc, s0, s1)], event=event))
            f.extra["id"] = f.extra["ids"][0]
        doc._.statements = statements
        _attribute_responsibility(doc, found, events)
        trace = doc._.trace if doc._.trace is not None else {}
        trace["statements"] = [f"{f.extra['id']}: {f.kind} cue={text[f.cue[0]:f.cue[1]] if f.cue else None!r} "
                               f"speaker={f.speaker} ({f.how or 'none'}){' [nominal]' if f.extra.get('nominal') else ''}"
                               for f in found]
        doc._.trace = trace


# What a title or a description refers back to ("the spokesman": a person; "the group": an organisation)
_REFER_KINDS = {"title": ["person"], "group": ["organization", "group"]}


def _same_title_before(ctx, found: list[Found], f: Found) -> Optional[Found]:
    """The latest statement before f, close by, whose speaker was described with the same
    title noun ("a local official" ... "the official")."""
    subj = f.extra.get("subj")
    if subj is None:
        return None
    lemma = subj.lemma_.lower()
    before = [g for g in found if g is not f and g.source is not None and g.source[0] < f.source[0]
              and g.extra.get("subj") is not None and g.extra["subj"].lemma_.lower() == lemma]
    if not before:
        return None
    latest = max(before, key=lambda g: g.source[0])
    return latest if ctx.near(latest, f) else None


_CLOSING = " \t\n.,;:!?\"'”’»"


# modals under which a decree is only wished for or supposed ("Parliament should enact a law",
# "the plan would impose a levy"): no body has enacted anything
_UNREAL_MODALS = {"should", "would", "could", "might", "may", "must", "ought", "can", "ca"}


def _unrealized_decree(verb, entry) -> bool:
    """A decree verb (needs_source: enact, impose, ban, ...) under should/would/could/...: a
    proposal or a supposition of the writer's, no pronouncement."""
    return bool(entry.get("needs_source")) and any(
        c.dep_ == "aux" and c.lower_ in _UNREAL_MODALS for c in verb.children)


def _naming_participle(verb) -> bool:
    """ "a scheme called Green Roots", "a group dubbed X": a participle naming the noun it
    modifies, with no one naming it (one predicate and nothing else: "the letter called the
    director a fraud" names two, "..., called Friday for new rules" is a call for something)."""
    oprd = [c for c in verb.children if c.dep_ == "oprd"]
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and len(oprd) == 1 \
        and oprd[0].ent_type_ not in ("DATE", "TIME") and not any(
            c.dep_ in ("agent", "dobj", "obj", "dative", "prep", "prt", "ccomp", "xcomp") for c in verb.children)


def _answers_with_force(prep) -> bool:
    """ "responded with airstrikes", "replied with sanctions": an answer in force or measures,
    not in words (statements lexicon force_nouns, measure_nouns)."""
    lex = lexicon()
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "with" and bool(objs) and all(
        o.lemma_.lower() in lex["force_nouns"] or o.lemma_.lower() in lex["measure_nouns"] for o in objs)


# what a no-comment refuses or leaves unanswered: "declined to comment", "did not respond to
# requests for comment", "did not immediately reply to a message seeking comment"
_NO_COMMENT_VERBS = {"comment", "respond", "reply", "elaborate", "answer", "speak", "react"}
_NO_COMMENT_REQUEST = re.compile(
    r"\b(?:requests?|calls?|messages?|e-?mails?|queries|inquir(?:y|ies)|questions?)\s+(?:for|seeking)\s+"
    r"(?:a\s+|further\s+|immediate\s+)?(?:comments?|responses?|reactions?)\b", re.I)


def _no_comment(verb, negated: bool) -> bool:
    """ "A spokesman declined to comment", "The office did not respond to a request for comment":
    a refusal or silence that says nothing and takes no stance (no PLOVER type, no event). A
    refusal to speak about something ("declined to comment on whether ...") is still one."""
    lemma = verb.lemma_.lower()
    if lemma in ("decline", "refuse") and not negated:
        inf = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
               and c.lemma_.lower() in _NO_COMMENT_VERBS]
        return bool(inf) and not any(
            c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "pobj") or c.dep_ == "prep" and c.lower_ not in ("to",)
            for c in inf[0].children)
    if lemma in _NO_COMMENT_VERBS and negated:
        words = " ".join(t.text for c in verb.children if c.dep_ in ("prep", "dobj", "obj") for t in c.subtree)
        return not words or _NO_COMMENT_REQUEST.search(words) is not None
    return False


# what a general condemnation names: "all forms of terrorism", "violence in all its forms"
_KINDS_OF = {"form", "kind", "type", "manifestation"}


def _general_condemnation(verb) -> bool:
    """ "condemned all forms of terrorism", "condemns terrorism in all its forms", "condemned
    extremism": disapproving of an evil in general (lexicon general_evils) accuses no one of
    anything told (no PLOVER ACCUSE). "condemned the violence", "condemned Houthi terrorism",
    "condemned violence against protesters" are about acts told."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in _KINDS_OF and any(c.dep_ in ("det", "predet", "amod") and c.lower_ in ("all", "any")
                                               for c in obj.children):
        return True
    if obj.lemma_.lower() not in lexicon()["general_evils"]:
        return False
    after = " ".join(t.lower_ for t in verb.subtree if t.i > obj.i)
    if re.search(r"\b(?:in|of) (?:all|any) (?:its|their|of its) (?:forms|manifestations)\b|\bin any form\b", after):
        return True
    return not any(c.dep_ in ("det", "poss", "nummod", "compound", "prep", "relcl", "acl", "appos", "conj")
                   for c in obj.children)


def _group_description(subj) -> bool:
    """"the group", "the militia", "a spokesman for the group": a definite description of an
    organisation the text has named before. Not "a group of protesters", nor "the group" after
    "a group of farmers": the same noun naming people a few sentences before."""
    lex = lexicon()
    noun = subj
    if subj.lemma_.lower() in lex["titles"]:
        noun = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                     for p in c.children if p.dep_ == "pobj"), None)
        if noun is None:
            return False
    def of_phrase(t):
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    # a singular "group" with no determiner at all is headline style ("PKK blamed; group
    # denies role"), unless a name heads it ("Wagner Group")
    headline = noun.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss") or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)
    if noun.lemma_.lower() not in lex["group_nouns"] or of_phrase(noun) or not headline and not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    return not any(t.lemma_ == noun.lemma_ and of_phrase(t) for t in noun.doc[max(0, noun.i - 80):noun.i])


def _excerpt_block(text: str, q: Quote) -> bool:
    """A passage copied from another article, each paragraph opened by a straight mark that
    never closes, with its own curly quotations inside ('"The first time she saw him, ... what
    she called a “rant,” ...'): narrative to read for its own statements, not one quotation."""
    return q.close_at is None and text[q.open_at] == '"' and (q.open_at == 0 or text[q.open_at - 1] == "\n") \
        and "\u201c" in text[q.start:q.end] and _COLON_SPEAKER.match(text, q.open_at) is None   # (a transcript's turns stay quotes)


def _channel_aside(doc, sent, ps: int, pe: int) -> bool:
    """Tokens ps..pe are an according-to phrase set off between a verb of saying and the colon
    that opens its quotation ("The minister continued, according to what the agency quoted from
    him: “...”"): it names the channel the words came through, the verb before it frames them."""
    if ps < 2 or pe + 2 >= len(doc) or doc[ps - 1].text != "," or doc[pe + 1].text != ":":
        return False
    nxt = doc[pe + 2] if not doc[pe + 2].is_space else (doc[pe + 3] if pe + 3 < len(doc) else None)
    if nxt is None or not nxt.is_quote and nxt.text not in "“«\"‘'":
        return False
    verb = doc[ps - 2]
    return verb.i >= sent.start and verb.pos_ == "VERB" and _cue_entry(verb) is not None


def _in_channel_aside(doc, tok) -> bool:
    """tok lies inside such a channel aside (the aside's own "according" or "quoted")."""
    lex = lexicon()
    for a in doc[max(0, tok.i - 12):tok.i + 1]:
        if a.lower_ in lex["according_to"] and any(c.lower_ == "to" for c in a.children):
            phrase = sorted(a.subtree, key=lambda t: t.i)
            if phrase[0].i <= tok.i <= phrase[-1].i and _channel_aside(doc, a.sent, phrase[0].i, phrase[-1].i):
                return True
    return False


def _aside_in_clause(tok):
    """'X said, according to what the agency quoted from him, that ...': the clause an
    according-to phrase set off before its "that" reports, or None."""
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.i > tok.i or _cue_entry(clause.head) is None:
        return None
    if not any(m.dep_ == "mark" and m.lower_ == "that" and m.i > tok.i for m in clause.children):
        return None
    return clause


def _aside_in_clause_of(clause):
    """The according-to phrase set off inside a reported clause before its "that", or None."""
    lex = lexicon()
    return next((c for c in clause.children if c.lower_ in lex["according_to"] and c.i < clause.i
                 and _aside_in_clause(c) == clause), None) if clause.dep_ == "ccomp" else None


_LOCATIVE = ("in", "near", "at", "across", "around", "inside", "outside", "throughout")


def _where_phrases(tok) -> set:
    """'A gang coalition in Haiti', 'a resident in Goma': a place in a locative phrase tells where
    a group or a person is, not who speaks (a state's officials are another matter: "officials
    in Kabul"). Returns the token indices of such phrases under a group or person noun."""
    lex = lexicon()
    word = tok.lemma_.lower()
    if not (word in lex["group_nouns"] and word not in lex["named_body_nouns"] or word in lex["person_nouns"]):
        return set()
    return {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE and c.i > tok.i
            for t in c.subtree}


def _leading_time(verb, parts) -> set:
    """'X said on Friday it attacked ...', 'said Sunday its troops ...': a time phrase right
    after the cue, before the subject of a clause with no "that", dates the saying; the parser
    may hang it on the clause. Returns the token indices to leave out of the content."""
    out = set()
    for p in parts:
        if p.dep_ != "ccomp" or p.i < verb.i or any(m.dep_ == "mark" for m in p.children):
            continue
        subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        nxt = verb.i + 1
        for c in sorted(p.children, key=lambda c: c.i):
            if c.i >= subj.i or c.left_edge.i != nxt:
                break
            if not (c.dep_ == "prep" and _time_phrase(c) or c.dep_ in ("npadvmod", "advmod") and c.ent_type_ in ("DATE", "TIME")):
                break
            out |= {t.i for t in c.subtree}
            nxt = c.right_edge.i + 1
    return out


def _framing_speaker(ctx, verb):
    """'X declared: « We will ... », before adding that ...': the parser hung the participle on
    the quotation's verb, whose subject is a quoted word; the speaker is the subject of the cue
    outside the quotation that frames it."""
    for a in verb.ancestors:
        if ctx.in_quote(a.idx) or _cue_entry(a) is None:
            continue
        subj = _subject(a)
        if subj is not None and not ctx.in_quote(subj.idx):
            return subj
        return None
    return None


def _stranded_subject(verb):
    """"..., the capital of North Darfur state, residents and medical sources said.": after a
    long sentence the parser may leave the final verb of saying with no subject, its speakers
    read as a list going on from the sentence. The noun phrase between the last comma and the
    verb is its subject."""
    doc = verb.doc
    if verb.lemma_.lower() not in _SAY_LIKE or any(c.dep_ not in ("punct", "ccomp") for c in verb.children):
        return None
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.text not in (".", "!", "?") and not nxt.is_space:
        return None
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].text != ",":
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "PRON") or doc[i].is_space:
            return None
        i -= 1
    phrase = doc[i + 1:verb.i]
    if i < verb.sent.start or not len(phrase) or not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    heads = [t for t in phrase if not (phrase.start <= t.head.i < phrase.end)]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") else None


def _name_taken_for_organization(doc, actor_id: str, kinds) -> bool:
    """"Oleh Kiper said ... 'The enemy ...,' he wrote": the small model's NER often tags an
    unknown person's name ORG. An actor the KB does not know, named like a person (two to
    four capitalised words, none an organisation word), may be what "he"/"she" points back to."""
    if kinds != ["person"] or not actor_id.startswith("new:"):
        return False
    actor = next((a for a in doc._.actors or [] if a.id == actor_id), None)
    if actor is None or actor.kind != "organization":
        return False
    words = actor.name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha()
                                        for w in words) \
        and not any(w.lower() in lexicon()["organization_words"] for w in words)


class _Context:
    """Per-document lookups shared by the finding steps."""

    def __init__(self, doc, sents, quotes):
        self.doc, self.sents, self.quotes = doc, sents, quotes
        self.paras = paragraphs(doc_text(doc))
        self._starts = [s.start_char for s in sents]
        self._quote_ranges = [q.outer for q in quotes]
        self._speaker_names = None

    def speaker_names(self) -> set:
        """Words of person and organisation names in the text (places excluded: "Iraq: ..."
        is a dateline, not a speaker)."""
        if self._speaker_names is None:
            self._speaker_names = {t.text for t in self.doc if t.ent_type_ in ("PERSON", "ORG")}
        return self._speaker_names

    def in_quote(self, idx: int) -> bool:
        return any(a < idx < b for a, b in self._quote_ranges)

    def sent_index(self, idx: int) -> int:
        import bisect
        return max(0, bisect.bisect_right(self._starts, idx) - 1)

    def in_paragraph(self, tok, anchor: int):
        """tok, or the top token of its phrase inside anchor's paragraph (the parser sometimes
        makes a heading the subject of the next paragraph's verb)."""
        lo, hi = self.para_bounds(anchor)
        if lo <= tok.idx < hi:
            return [tok]
        inside = [t for t in tok.subtree if lo <= t.idx < hi and not t.is_punct and not t.is_space]
        return [t for t in inside if t.head not in inside]

    def left_phrase(self, idx: int):
        """The words right before a cue, back to the last comma in its paragraph: the speaker
        when the parser took a heading for the subject ("..., spokesman X announced")."""
        lo, _ = self.para_bounds(idx)
        toks = []
        for t in reversed(list(self.doc.char_span(lo, idx, alignment_mode="contract") or [])):
            if t.is_punct and t.text not in "-'’" or t.is_space:
                break
            toks.insert(0, t)
        return toks[-1:] if toks and toks[-1].pos_ in ("PROPN", "NOUN", "PRON") else []

    def para_bounds(self, idx: int) -> tuple[int, int]:
        a, b = self.paras[self.para_index(idx)] if self.paras else (0, len(doc_text(self.doc)))
        return a, b

    def clip(self, span: tuple[int, int], anchor: int) -> tuple[int, int]:
        """A span cut to the paragraph of anchor (the parser runs headings into sentences)."""
        a, b = self.para_bounds(anchor)
        start, end = max(span[0], a), min(span[1], b)
        return (start, end) if end > start else span

    def sentence_of(self, idx: int) -> tuple[int, int]:
        sent = self.sents[self.sent_index(idx)]
        return self.clip((sent.start_char, sent.end_char), idx)

    def para_index(self, idx: int) -> int:
        for i, (a, b) in enumerate(self.paras):
            if idx < b:
                return i
        return len(self.paras) - 1

    def near(self, a: Found, b: Found, max_paragraphs: int = 1) -> bool:
        sa, sb = self.sent_index(a.content[0]), self.sent_index(b.sentence[0])
        pa, pb = self.para_index(a.sentence[0]), self.para_index(b.sentence[0])
        return sb - sa <= PRONOUN_WINDOW_SENTS and pb - pa <= max_paragraphs

    def actor_in(self, tok, deep: bool = True):
        """Actor named by a noun phrase: its head, then appositions, then name parts, then
        the rest of the phrase (first match, left to right)."""
        doc = self.doc
        actor = actor_at(doc, tok.idx, tok.idx + len(tok))
        if actor is not None:
            return actor
        for c in tok.children:
            if c.dep_ == "appos":
                a = actor_at(doc, *_subtree_span(c))
                if a is not None:
                    return a
        for c in tok.children:
            if c.dep_ in ("compound", "flat", "amod", "poss", "nmod"):
                a = actor_at(doc, c.idx, c.idx + len(c))
                if a is not None:
                    return a
        if not deep:
            return None
        lo, hi = self.para_bounds(tok.idx)
        seen = []
        where = _where_phrases(tok)
        for t in tok.subtree:
            if t.dep_ in ("relcl",):
                break
            if not lo <= t.idx < hi or t.i in where:
                continue
            a = actor_at(doc, t.idx, t.idx + len(t))
            if a is not None:
                seen.append(a)
        # "The head of the Media Cell, Saad Maan": the person speaks for the organisation
        return next((a for a in seen if a.kind == "person"), seen[0] if seen else None)

    def np_actor(self, tok) -> Optional[str]:
        """An actor for a group noun phrase that names no known actor: added to the doc's
        actors as "new:<slug>" (kind group) so statements and events can point at it."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in lexicon()["event_nouns"]:
            return None
        if tok.lemma_.lower() in lexicon()["force_nouns"]:
            # "blamed army drones for the deaths": whose weapons they are is who is blamed (the
            # actor an earlier mention of "army" stands for), never the weapons themselves
            owner = next((c for c in tok.children if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i), None)
            if owner is None:
                return None
            actor = actor_at(self.doc, owner.idx, owner.idx + len(owner)) or self._named_before(owner)
            return actor.id if actor is not None else None
        # ("both gangs and police": each conjunct is its own party, _co_targets)
        cut = [c for c in tok.children if c.dep_ in ("relcl", "acl", "prep", "appos", "conj", "cc") and c.i > tok.i]
        toks = [t for t in tok.subtree if not any(t in c.subtree for c in cut)]
        toks = [t for t in toks if not t.is_punct and not t.is_space and t.dep_ not in ("det", "preconj")]
        if not toks or toks[-1].i - toks[0].i > 6 or "\n" in doc_text(self.doc)[toks[0].idx:toks[-1].idx]:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = doc_text(self.doc)[start:end]
        aid = "new:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actors = self.doc._.actors if self.doc._.actors is not None else []
        mention = span_of(self.doc, start, end)
        existing = next((a for a in actors if a.id == aid), None)
        if existing is None:
            actors.append(Actor(id=aid, name=name, kind="group", mentions=[mention], aliases_seen=[name],
                                link="statement-np", confidence=0.5))
            self.doc._.actors = actors
        elif all(m.start != start for m in existing.mentions):
            existing.mentions.append(mention)
        return aid

    def _named_before(self, word):
        """The actor whose most recent mention before this word contains the word ("army" in
        "army drones" after "Sudan's army"), or None."""
        best, best_pos = None, -1
        for actor in self.doc._.actors or []:
            for m in actor.mentions:
                if m.start < word.idx and m.start > best_pos and re.search(
                        rf"\b{re.escape(word.lower_)}\b", m.text.lower()):
                    best, best_pos = actor, m.start
        return best

    def recent_actor(self, idx: int, kinds):
        """Most recent actor mention before idx, within the window, of a compatible kind (never
        civilians: "it said", "they claimed" speak for a body, not for the victims)."""
        si = self.sent_index(idx)
        floor = self._starts[max(0, si - PRONOUN_WINDOW_SENTS)]
        best, best_pos = None, -1
        for actor in self.doc._.actors or []:
            if kinds and actor.kind not in kinds or actor.sector == "CVL":
                continue
            for m in actor.mentions:
                if floor <= m.start < idx and m.start > best_pos and not self.in_quote(m.start) \
                        and not self.in_dateline(m.start):
                    best, best_pos = actor, m.start
        return best

    def in_dateline(self, idx: int) -> bool:
        """idx lies in a paragraph's opening dateline ("KHARTOUM, May 3 (Reuters) -"): the
        agency filing the report is nobody "the group" or "it" refers back to."""
        text = doc_text(self.doc)
        start = text.rfind("\n", 0, idx) + 1
        return _without_dateline(text, (start, len(text)))[0] > idx


def _cue_tag(doc, cue) -> Optional[str]:
    verb = cue_verb(doc, cue, aux=True)
    return verb.tag_ if verb is not None else None


def _split_conjoined(doc, found: list[Found]) -> None:
    """ "X called on police to act and called on people to stay calm": the parser may hang the
    second cue verb inside the first one's content; each conjoined act with the same speaker
    is its own statement, so the first content ends before the second cue."""
    text = doc_text(doc)
    for f in found:
        if f.cue is None or f.source is None:
            continue
        cut = None
        for g in found:
            if g is f or g.cue is None or not f.content[0] < g.cue[0] < f.content[1]:
                continue
            tok = doc.char_span(g.cue[0], g.cue[1], alignment_mode="expand")
            verb = next((t for t in tok or [] if t.pos_ in ("VERB", "AUX")), None)
            own = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None) \
                if verb is not None and verb.dep_ == "conj" and g.source is not None else None
            if own is not None and f.content[0] < own.left_edge.idx and g.cue_lemma in _SAY_LIKE | {"accuse", "blame"}:
                # "X said A and Democrats accused Y": the second speaker's clause is not X's
                cut = own.left_edge.idx if cut is None else min(cut, own.left_edge.idx)
                continue
            if verb is None or any(c.dep_ in _SUBJ for c in verb.children):
                continue
            # "..., arguing that ...", "..., citing ...": a participle after a comma adds a
            # second act of the same speaker
            participle = verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and \
                verb.i > 0 and doc[verb.i - 1].text == ","
            # "X said he would order a review and warned against ...": a finite verb cannot
            # be coordinated with "would order"; in the tense of the first cue it is a second
            # act of the same speaker
            sibling = verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ != verb.tag_ \
                and verb.head.tag_.startswith("VB") and _cue_tag(doc, f.cue) == verb.tag_
            participle = participle or sibling
            if not participle and (verb.dep_ != "conj" or g.source != f.source):
                continue
            if participle and g.source != f.source:
                g.source, g.extra["subj"] = f.source, f.extra.get("subj")
                g.speaker, g.speaker_kind, g.role = f.speaker, f.speaker_kind, f.role
                g.extra.pop("refer", None)
                if f.extra.get("refer"):
                    g.extra["refer"] = f.extra["refer"]
            cut = g.cue[0] if cut is None else min(cut, g.cue[0])
        if cut is None:
            continue
        end = cut
        while end > f.content[0] and (text[end - 1] in " ,;\n" or text[max(f.content[0], end - 4):end].lower() == " and"):
            end = end - 4 if text[max(f.content[0], end - 4):end].lower() == " and" else end - 1
        if end - f.content[0] >= 3:
            f.content = (f.content[0], end)


def _inherit_speech_acts(found: list[Found], actors=()) -> None:
    """"The spokesman announced that Tehran condemns the attack": a neutral report whose content
    opens with a speech act takes that act's PLOVER type and event (the spokesman condemns) --
    when the act is the reporter's own side's, not a third party's ("a relative said the
    kidnappers demanded a ransom" is no demand of the relative's)."""
    cues = lexicon()["cues"]
    countries = {a.id: a.country for a in actors}
    for f in found:
        if f.plover_type is not None or f.kind != "indirect" or not f.cue:
            continue
        if (cues.get(f.cue_lemma) or {}).get("epistemic"):
            continue   # "sought to limit X, as he refused Y": a wish or thought reports no act
        for g in found:
            if g is not f and g.plover_type and g.cue and f.content[0] <= g.cue[0] < f.content[1] \
                    and g.cue[0] - f.content[0] <= 80 and _same_side(f, g, countries):
                f.plover_type = g.plover_type
                f.extra["act_of"] = g
                break


@Language.factory("eventlens_statements", default_config={"max_quote_chars": 2000})
def make_stage(nlp, name, max_quote_chars: int):
    return Stage(max_quote_chars=max_quote_chars)


# what a rejection can reject that someone else said ("rejected the accusation", "denied the
# reports"): the rejected statement's speaker is the rejection's target
_SAID_THINGS_VERBS = {"say", "state", "claim", "accuse", "allege", "report", "assert", "announce", "charge"}


# what names an accusation already made ("rejected the allegations")
_ACCUSATION_NOUNS = {"allegation", "accusation", "charge", "claim", "accusations", "allegations", "charges", "claims"}


def _rejected_speakers(ctx, found: list[Found]) -> None:
    """"The RSF rejected the accusation": a rejection of something said, with no actor named
    in it, answers the last other speaker before it (within a few sentences)."""
    nouns = lexicon()["speech_nouns"]
    for i, f in enumerate(found):
        if f.plover_type != "REJECT" or f.target is not None or not f.speaker or f.kind == "direct":
            continue
        span = ctx.doc.char_span(*f.content, alignment_mode="expand")
        if span is None or len(span) > 6:
            continue
        root = span.root
        entry = nouns.get(root.lemma_.lower())
        if root.pos_ != "NOUN" or not entry or entry.get("verb") not in _SAID_THINGS_VERBS \
                or any(actor_at(ctx.doc, t.idx, t.idx + len(t)) is not None for t in span):
            continue
        own = {f.speaker, *f.extra.get("co_speakers", [])}
        # what is rejected was said about the rejecter: its content names them, or they are its
        # target ("the accusation against it" after words about someone else answers no one)
        actors = {a.id: a for a in ctx.doc._.actors or []}
        named = [m for aid in own if aid in actors for m in actors[aid].mentions]
        states = {actors[aid].country for aid in own if aid in actors and actors[aid].kind == "state"} - {None}

        # ("rejected that claim": the claim just told, whoever it was about)
        pointed = any(t.lower_ in ("that", "this", "these", "those") and t.dep_ == "det" for t in span)

        def about_them(p) -> bool:
            if actors.get(p.speaker) is not None and actors[p.speaker].country in states:
                return False   # a state does not reject what its own officials said
            if pointed:
                return True
            return p.target in own or bool(own & set(p.extra.get("co_targets", []))) or any(
                p.content[0] <= m.start and m.end <= p.content[1] for m in named)
        # (the words may run on over the rejection: "X referred to confronting the weapons of
        # the militias, all of which are messages rejected by Iran and the militias")
        start = f.cue[0] if f.cue else f.content[0]
        # (an accuser no actor stands for, "Officials accused al-Shabaab of ...", still made the
        # accusation the rejection answers: it takes that statement's event, with no target)
        prev = next((p for p in reversed(found[:i]) if (p.speaker or p.source) and p.speaker not in own
                     and p.content[0] < start and (p.content[1] <= f.content[0] or p.cue is not None
                                                   and p.cue[1] <= start) and ctx.near(p, f, max_paragraphs=2)
                     and about_them(p)), None)
        if prev is None and root.lemma_.lower() in _ACCUSATION_NOUNS and any(
                t.lower_ == "the" and t.dep_ == "det" for t in root.children):
            # "India blamed the group for the attack. Pakistan rejected the allegations": "the
            # allegations" are the accusation just told, whoever it named (the latest statement
            # before, an accusation by someone else in this or the previous sentence)
            last = next((p for p in reversed(found[:i]) if p.content[0] < start and p is not f), None)
            if last is not None and (last.speaker or last.source) and last.speaker not in own \
                    and (last.extra.get("role") == "allege" or last.plover_type == "ACCUSE") \
                    and ctx.sent_index(start) - ctx.sent_index(last.cue[0] if last.cue else last.content[0]) <= 1:
                prev = last
        if prev is not None:
            f.target = prev.speaker
            f.extra["rejects"] = prev   # and it is about what those words were about


def _content_words(doc, span: tuple[int, int]) -> set[str]:
    sp = doc.char_span(*span, alignment_mode="expand")
    return {t.lemma_.lower() for t in sp or [] if t.like_num or (
        t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop)}


def _headline_speakers(ctx, found: list[Found]) -> None:
    """"Rights group says 12 killed in raid": a headline's generic source is the speaker the
    lede names for the same report ("..., the Darfur Bar Association said"): the first later
    statement of a speaker of the same kind (person or body) saying some of the same things."""
    if len(ctx.paras) < 2:
        return
    h0, h1 = ctx.paras[0]
    lex = lexicon()
    for f in found:
        if f.speaker or not f.source or not h0 <= f.content[0] < h1:
            continue
        subj = f.extra.get("subj")
        if subj is None or subj.lower_ in lex["pronouns"] or subj.pos_ == "PRON":
            continue
        person = subj.lemma_.lower() in lex["titles"]
        words = _content_words(ctx.doc, f.content)
        for g in found:
            if not g.speaker or g.content[0] < h1 or ctx.para_index(g.sentence[0]) > 3:
                continue
            if (g.speaker_kind == "person") != person:
                continue
            if len(words & _content_words(ctx.doc, g.content)) >= 2:
                f.speaker, f.speaker_kind, f.how = g.speaker, g.speaker_kind, "headline->lede speaker"
                break


# a clause opened by one of these after "X, police said," is the writer's aside, not the source's
_ASIDE = re.compile(r"\s*,?\s*(?:although|though|even though|but|while|whereas)\b", re.I)


def _author_asides(doc, found: list[Found]) -> None:
    """"Gunmen killed five people, police said, although this could not be confirmed": the
    content the parser ran past its own cue ends at the source; the concession is the author's."""
    text = doc_text(doc)
    for f in found:
        if f.cue is None or not f.content[0] < f.cue[0] < f.content[1]:
            continue
        if not _ASIDE.match(text, f.cue[1]):
            continue
        cut = min(f.cue[0], f.source[0]) if f.source else f.cue[0]
        end = cut
        while end > f.content[0] and text[end - 1] in " ,":
            end -= 1
        if end - f.content[0] >= 3:
            f.content = (f.content[0], end)


def _nested_adverb_cues(found: list[Found]) -> None:
    """"The kidnappers have allegedly demanded a ransom, a relative said": inside what a named
    source says, "allegedly" is that source's hedge, not another report by nobody."""
    adverbs = set(lexicon()["attribution_adverbs"])
    drop = [f for f in found if f.source is None and f.cue_lemma in adverbs and any(
        g is not f and g.source and g.content[0] <= f.cue[0] < g.content[1] for g in found)]
    for f in drop:
        found.remove(f)


def _participle_contents(doc, found: list[Found]) -> None:
    """ "“...,” the envoy said, proposing a few steps: “...”": a participle of saying after
    the cue is the speaker's next act with its own content, not what the first verb reported (the
    parser may hang the participle inside the next quotation's clause). A reported content that
    begins with another statement's participle cue, by the same source, is dropped."""
    text = doc_text(doc)
    cues = {f.cue[0]: f for f in found if f.cue is not None and f.kind in ("indirect", "mixed")
            and text[f.cue[0]:f.cue[1]].split()[-1].lower().endswith("ing")}
    drop = []
    for f in found:
        g = cues.get(f.content[0])
        if g is not None and g is not f and f.kind in ("indirect", "mixed") and f.cue is not None \
                and f.cue[1] <= f.content[0] and g.source == f.source and "," in text[f.cue[1]:g.cue[0]]:
            drop.append(f)
    for f in drop:
        found.remove(f)


def _condemns_by_naming(verb) -> bool:
    """"called the attack 'barbaric'", "described the strike as a war crime": naming an act with
    a word of condemnation condemns it (PLOVER ACCUSE, disapproval)."""
    if verb.lemma_.lower() not in ("call", "describe", "term", "label", "brand", "dub"):
        return False
    lex = lexicon()
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    # ("condemned the strike and called it a violation of sovereignty")
    if obj is None or obj.lemma_.lower() not in lex["event_nouns"] and obj.lower_ not in ("it", "this", "them"):
        return False
    named = [t for c in verb.children if c.dep_ in ("oprd", "prep", "ccomp", "xcomp", "acomp") and c.i > obj.i
             for t in c.subtree]
    # ("called the detentions arbitrary and politically motivated": the parser may hang the
    # naming adjective on the noun, after it)
    named += [t for c in obj.rights if c.dep_ == "amod" for t in c.subtree]
    words = " ".join(t.lower_ for t in named)
    return any(re.search(r"\b" + re.escape(w) + r"\b", words) for w in lex["condemning_words"])


def _perpetrator(event, speaker: Optional[str], actors: list[Actor]) -> Optional[str]:
    """Whom condemning an event condemns: its first doer that is not the speaker (nor, for
    a state, the state's own forces)."""
    by_id = {a.id: a for a in actors}
    own = by_id.get(speaker)
    for aid in event.actors:
        a = by_id.get(aid)
        if aid == speaker or a is None or a.sector == "CVL":
            continue
        if own is not None and own.kind == "state" and a.country == own.country:
            continue
        return aid
    return None


def _closed_quote(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """'called the attack "barbaric': a content that opens a quotation and stops right before
    its closing mark takes the mark (the offsets stay on the article text)."""
    a, b = span
    inner = text[a:b]
    opened = inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1
    if opened and b < len(text) and text[b] in "”\"":
        return a, b + 1
    return span


def _governing_subject(ctx, f: Found, kinds, found: list[Found]):
    """The actor that is the subject of a clause governing a pronoun speaker's cue, before the
    pronoun, of a kind the pronoun can stand for (or None). Only in the author's own words: in
    someone's reported words ("X said Israel struck the base, which it said was empty") the
    pronoun may be the reporter."""
    if f.cue is None or f.source is None:
        return None
    span = ctx.doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" and c.idx < f.source[0]:
                if any(g is not f and g.content[0] <= c.idx < g.content[1] for g in found):
                    return None
                actor = ctx.actor_in(c, deep=False)
                return actor if actor is not None and (not kinds or actor.kind in kinds) else None
    return None


def _reporting_source(ctx, f: Found, found: list[Found], pronoun: str, lex) -> Optional[Found]:
    """The statement whose reported clause is f's cue verb ("The officials said [they suspected
    X]") when its source can be what f's pronoun subject refers to: plural for "they", a person
    for "he"/"she", a body or document for "it" (the same pronoun too). Else None."""
    if f.cue is None:
        return None
    inner = ctx.doc.char_span(*f.cue, alignment_mode="expand")
    if inner is None:
        return None
    verb = inner.root
    for g in found:
        if g is f or g.cue is None or g.source is None or not g.content[0] <= f.cue[0] < g.content[1]:
            continue
        outer = ctx.doc.char_span(*g.cue, alignment_mode="expand")
        subj = g.extra.get("subj")
        if outer is None or subj is None or verb.head.i != outer.root.i or verb.dep_ not in ("ccomp", "xcomp"):
            continue
        if subj.lower_ == pronoun or pronoun == "they" and subj.tag_ in ("NNS", "NNPS") \
                or pronoun != "they" and _same_referent(subj, pronoun, lex):
            return g
    return None


def _nobody(subj) -> bool:
    """ "No group", "no one", "nobody", "neither side": a subject that says no one did it."""
    words = lexicon()["nobody_words"]
    if subj.lower_ in words or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children):
        return True
    return subj.i > 0 and f"{subj.doc[subj.i - 1].lower_} {subj.lower_}" in words


def _same_referent(subj, pronoun: str, lex) -> bool:
    """Could this subject of the last statement be what the pronoun refers to? "he"/"she": a
    person named or described by a title; "it": a singular name of a body or a document."""
    if subj.pos_ == "PRON":
        return False
    person = subj.ent_type_ == "PERSON" or subj.lemma_.lower() in lex["titles"] \
        or subj.lemma_.lower() in lex["person_nouns"]
    if pronoun in ("he", "she"):
        return person
    return not person and (subj.tag_ == "NNP" or subj.tag_ == "NN" and subj.lemma_.lower() in lex["source_nouns"])


_WARNING_CUES = {"warn", "caution"}


def _threats(doc, found: list[Found]) -> None:
    """PLOVER THREATEN from what is said: a statement saying what will be done to someone is a
    threat whatever its cue ("said it reserved the right to respond"); a warning that names no
    one warned and says nothing of the kind foresees, it threatens no one ("Analysts cautioned
    that previous truces had collapsed")."""
    text = doc_text(doc)
    rx = re.compile("|".join(f"(?:{p})" for p in lexicon()["threat_phrases"]), re.I)
    for f in found:
        said = text[f.content[0]:f.content[1]]
        if f.plover_type is None and not f.extra.get("negated") and f.source and rx.search(said):
            f.plover_type = "THREATEN"
        elif f.plover_type == "THREATEN" and f.cue_lemma in _WARNING_CUES and f.target is None \
                and not rx.search(said) and not _warns_someone(doc, f) and not _force_to_come(doc, f):
            f.plover_type = None


def _warns_someone(doc, f: Found) -> bool:
    """"warned Israel that ...", "warned against an offensive", "warned of retaliation": a
    warning with an addressee or a thing warned against (not just a clause foreseen)."""
    verb = cue_verb(doc, f.cue)
    if verb is None:
        return True
    force = lexicon()["force_nouns"] | lexicon()["reprisal_nouns"]
    return any(c.dep_ in ("dobj", "dative", "obj") or c.dep_ == "prep" and (c.lower_ == "against" or c.lower_ == "of" and any(
        p.lemma_.lower() in force for p in c.children if p.dep_ == "pobj")) for c in verb.children)



def _force_to_come(doc, f: Found) -> bool:
    """What is warned of is a measure or force to come: a threat verb under will/would/shall."""
    verbs = lexicon()["threat_verbs"]
    span = doc.char_span(*f.content, alignment_mode="expand")
    return any(t.lemma_.lower() in verbs and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll", "’ll")
                                                for a in t.children) for t in span or [])


def _of_holder(prep) -> bool:
    """"the accusations of the Americans", "claims of the army": an "of" whose object is a body,
    a people or a person names who holds the words (no gerund, no clause: "of firing" is content)."""
    if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < prep.head.i:
        return False
    entry = lexicon()["speech_nouns"].get(prep.head.lemma_.lower()) or {}
    # ("the refusal of the rebels to withdraw": an act with its infinitive after names its doer)
    infinitive = entry.get("infinitive") and any(c.dep_ in ("acl", "relcl") and c.i > prep.i and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in prep.head.children)
    if entry.get("verb") not in _SAID_THINGS_VERBS and not infinitive:
        return False   # "criticism of Smith", "praise of X": the one criticised or praised
    kids = list(prep.children)
    pobj = next((k for k in kids if k.dep_ == "pobj"), None)
    if pobj is None or any(k.dep_ == "pcomp" for k in kids) or any(t.pos_ == "VERB" for t in pobj.subtree):
        return False
    return pobj.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or pobj.lemma_.lower() in {
        "army", "military", "government", "police", "militia", "rebel", "group", "ministry", "authority"}


def _same_side(reporter: Found, act: Found, countries: dict) -> bool:
    """Is the act in what the reporter says their own (a pronoun, the same speaker, or an actor of
    the same country), or can nothing tell (no speaker known for either)?"""
    if act.extra.get("refer") or act.speaker is None or act.speaker == reporter.speaker:
        return True
    if reporter.speaker is None:
        return act.speaker_kind == "state"   # "officials said Tehran condemns": a state's stance
    a, b = countries.get(reporter.speaker), countries.get(act.speaker)
    return a is not None and a == b

