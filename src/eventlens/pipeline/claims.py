"""Claims stage: epistemic judgements by the author and by sources, graded by certainty.

A sentence makes a claim when it carries an epistemic marker (lexicons/claims.yaml):
boosters ("it has been proven", "clearly", "confirm") or hedges ("likely", "may",
"suggests", "perhaps", "it is strange that"). The holder is the speaker when the marker
sits inside a reported statement (its id in `statement`; "source" when no actor stands for
the speaker, with the words that name them in `source`), else the author.

A source's statement makes its claim even without a marker: a statement of fact with a cue of
saying or alleging is asserted ("the army said it killed 40 fighters"), one with a cue of
believing is graded by the verb ("observers believe ..." -> probable); see _asserts.

Grading: boosters alone -> asserted. With hedges, the weakest hedge sets the level
(probable > possible > speculative) and a second, separate hedge moves it one step down
(hedges stack: "some analyses indicate ... may" is weaker than either alone). Boosters do
not lift a hedged sentence ("perhaps what confirms ..." stays hedged).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language

from ..model import Claim
from .base import doc_text, span_of
from .statement_lexicon import lexicon as statement_lexicon
from .statement_syntax import cue_verb

LEVELS = ["asserted", "probable", "possible", "speculative"]
_GROUP_LEVEL = {"boosters": 0, "probable": 1, "possible": 2, "speculative": 3}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = yaml.safe_load(resources.files(__package__).joinpath("lexicons/claims.yaml").read_text("utf-8"))
    patterns = []
    for group, level in _GROUP_LEVEL.items():
        for phrase in data[group]:
            rx = r"\s+".join(re.escape(w).replace(r"\*", r"\w*").replace(r"\?", "?") for w in phrase.split())
            patterns.append((re.compile(r"(?<![\w-])" + rx + r"(?![\w-])", re.I), level))
    data["patterns"] = patterns
    data["modals"] = set(data["modals"])
    return data


# a booster right after a negation asserts nothing ("could not be confirmed", "neither ... nor")
_NEGATED = re.compile(r"(?:\b(?:not|never|neither|nor|cannot)|n[’']t)(?:\s+(?:be|been|yet|independently|immediately|officially))*\s+$", re.I)


@dataclass
class Marker:
    start: int
    end: int
    level: int      # index into LEVELS


@dataclass
class FoundClaim:
    sentence: tuple[int, int]
    markers: list[Marker]
    certainty: str
    holder: str
    statement: object = None    # the Statement whose words carry the markers, if any
    proposition: tuple[int, int] | None = None   # set when it is not cut from the sentence


def grade(levels: list[int]) -> str:
    """Certainty from marker levels (0 = booster ... 3 = speculative)."""
    hedges = [lv for lv in levels if lv > 0]
    if not hedges:
        return LEVELS[0]
    level = max(hedges) + (1 if len(hedges) > 1 else 0)
    return LEVELS[min(level, len(LEVELS) - 1)]


def find_markers(doc, start: int, end: int) -> list[Marker]:
    """Epistemic markers in doc.text[start:end]; overlapping matches keep the longest."""
    lex = lexicon()
    text = doc_text(doc)[start:end]
    cands = []
    for rx, level in lex["patterns"]:
        for m in rx.finditer(text):
            if m.group(0).lower() in lex["modals"]:
                continue  # modals are checked on tokens below
            if level == 0 and _NEGATED.search(text[max(0, m.start() - 40):m.start()]):
                level = _GROUP_LEVEL["possible"]   # "not confirmed", "neither confirmed nor denied"
            cands.append(Marker(start + m.start(), start + m.end(), level))
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if tok.lower_ in lex["modals"] and tok.tag_ == "MD" and not _optative(tok) and not _past_inability(tok):
            cands.append(Marker(tok.idx, tok.idx + len(tok), _GROUP_LEVEL["possible"]))
    cands.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Marker] = []
    for m in cands:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _past_inability(tok) -> bool:
    """ "A spokesman could not be reached for comment", "troops could not enter the town": what
    was not possible then, no doubt about what is said."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "could" and nxt is not None and nxt.lower_ in ("not", "n't", "never")


def _optative(tok) -> bool:
    """ "May God's curse be on you": a wish, not a hedge (first word of a sentence or quote)."""
    if tok.i == tok.sent.start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_quote or prev.is_punct and prev.text in ":“\"‘«"


def _pieces(doc):
    """Sentences, cut at line breaks (the parser runs headings into the next sentence)."""
    text = doc_text(doc)
    for sent in doc.sents:
        pos = sent.start_char
        for part in re.split(r"(\n+)", text[sent.start_char:sent.end_char]):
            a, b = pos, pos + len(part)
            pos = b
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                yield a, b


class Stage:
    attr = "claims"

    def __call__(self, doc):
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc) -> list[FoundClaim]:
        statements = doc._.statements or []
        found = []
        for a, b in _pieces(doc):
            markers = find_markers(doc, a, b)
            disclaimer = _DISCLAIMER.search(doc_text(doc), a, b)
            if not markers and disclaimer is None:
                continue
            refs = _disclaimed(doc, statements, a, disclaimer) if disclaimer is not None else []
            if refs:
                # "The claim could not be independently verified": the author's judgement is on
                # what the statement before said, not on the words "the claim"
                d = Marker(disclaimer.start(), disclaimer.end(), _GROUP_LEVEL["possible"])
                found.extend(FoundClaim((a, b), [d], LEVELS[d.level], "author", st,
                                        (st.content.start, st.content.end)) for st in refs)
                markers = [m for m in markers if m.end <= d.start or m.start >= d.end]
                if not markers:
                    continue
            elif disclaimer is not None and not any(m.start < disclaimer.end() and disclaimer.start() < m.end
                                                    for m in markers):
                # "The toll could not be independently verified": doubt on the sentence itself
                markers.append(Marker(disclaimer.start(), disclaimer.end(), _GROUP_LEVEL["possible"]))
            # One claim per holder in a sentence: the author's markers and each statement's.
            groups: dict = {}   # statement id (None: the author) -> (statement, its markers)
            for m in markers:
                st = _statement_of(statements, m)
                if _speaker_states(doc, st) and st.cue.start <= m.start and m.end <= st.cue.end:
                    continue   # "the rebels indicated that ...": a named speaker's verb of saying, no hedge
                groups.setdefault(st.id if st is not None else None, (st, []))[1].append(m)
            for st, ms in groups.values():
                holder = "author" if st is None or _impersonal(st) else (st.speaker or "source")
                found.append(FoundClaim((a, b), ms, grade([m.level for m in ms]), holder, st))
        # (the author's disclaimer on a statement does not stop its speaker from claiming it)
        claimed = {id(f.statement) for f in found if f.statement is not None and f.holder != "author"}
        for st in statements:
            level = _asserts(doc, st) if id(st) not in claimed else None
            if level is not None:
                sentence = st.evidence[0] if st.evidence else st.content
                found.append(FoundClaim((sentence.start, sentence.end), [], level, st.speaker or "source", st,
                                        _trim(doc_text(doc), st.content.start, st.content.end)))
        return found

    def set_annotations(self, doc, found: list[FoundClaim]) -> None:
        text = doc_text(doc)
        claims = []
        for n, f in enumerate(found, 1):
            # the marker that introduces a "that"-clause names the proposition best
            lead = next((m for m in f.markers if _THAT.match(text, m.end, f.sentence[1])),
                        f.markers[0] if f.markers else None)
            st = f.statement
            if lead is not None and st is not None and f.proposition is None \
                    and lead.start < st.content.start and (
                        st.source is not None and st.source.start <= lead.start < st.source.end
                        or st.cue is not None and st.cue.start <= lead.start < st.cue.end):
                # the hedge is in the words naming the source, or is the cue itself ("Confirmed
                # the minister, X, that ..."): what is claimed is what they say
                f.proposition = _trim(text, st.content.start, st.content.end)
            prop = f.proposition or (proposition(doc, f.sentence, lead) if lead is not None else None)
            if f.proposition is None and prop is not None and f.statement is not None \
                    and lead.start >= f.statement.content.start:
                # what a speaker holds ends where their words end (", an official said")
                c = f.statement.content
                prop = _trim(text, max(prop[0], c.start), min(prop[1], c.end)) if prop[0] < c.end else None
            claims.append(Claim(
                id=f"c{n}", holder=f.holder, certainty=f.certainty,
                hedges=[text[m.start:m.end] for m in f.markers],
                evidence=[span_of(doc, *f.sentence)] + [span_of(doc, m.start, m.end) for m in f.markers],
                proposition=span_of(doc, *prop) if prop else None,
                statement=f.statement.id if f.statement is not None else None,
                source=f.statement.source if f.holder == "source" else None))
        doc._.claims = claims


_THAT = re.compile(r"\s*,?\s*(?:that\s+)", re.I)
_EDGE = " \t,;:.!?\"“”‘’'"


def proposition(doc, sentence: tuple[int, int], marker: Marker) -> tuple[int, int] | None:
    """The clause the marker grades: what follows "... that" ("It has been proven that X",
    "indicators suggest that X"), the rest of the sentence after an opening adverb
    ("Perhaps X"), else the clause of the verb the marker modifies ("X may be Y")."""
    text = doc_text(doc)
    a, b = sentence
    m = _THAT.match(text, marker.end, b)
    if m is not None:
        return _trim(text, m.end(), b)
    if not text[a:marker.start].strip(_EDGE):
        return _trim(text, marker.end, b)
    span = doc.char_span(marker.start, marker.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    verb = tok if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") else tok.head
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    toks = list(comp.subtree) if comp is not None else [t for t in verb.subtree if t.i not in range(span.start, span.end)]
    toks = [t for t in toks if a <= t.idx < b]
    if not toks:
        return None
    while toks and toks[0].dep_ == "mark":
        toks = toks[1:]
    if not toks:
        return None
    return _trim(text, toks[0].idx, toks[-1].idx + len(toks[-1]))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end - start >= 3 else None


# "could not be independently verified", "has not been confirmed", "cannot be corroborated"
_DISCLAIMER = re.compile(
    r"\b(?:could|can|cannot|has|have|had|was|were|is|are)\s+(?:not\s+)?(?:yet\s+)?(?:be\s+|been\s+)?"
    r"(?:independently\s+|immediately\s+|officially\s+)?(?:verified|confirmed|corroborated)\b"
    # the active form: "Reuters could not independently verify the figures"
    r"|\b(?:could|can|did|has|have)\s*(?:not|n[’']t)\s+(?:yet\s+)?(?:been\s+able\s+to\s+)?"
    r"(?:independently\s+|immediately\s+)?(?:verify|confirm|corroborate)\b"
    r"|\b(?:was|were|is|are)\s+unable\s+to\s+(?:independently\s+)?(?:verify|confirm|corroborate)\b", re.I)
_NOT = re.compile(r"\bnot\b|\bcannot\b|n[’']t\b|\bunable\b", re.I)
_SEVERAL = re.compile(r"\b(?:neither|both|either|none|all|claims|figures|reports|accounts|versions|tolls)\b", re.I)


def _disclaimed(doc, statements, sentence_start: int, m) -> list:
    """The statements a verification disclaimer speaks of: the last one said before it in the
    same or the previous paragraph ("The claim could not be verified"), or the last two
    speakers' when it speaks of several ("Neither side's claims could be verified")."""
    text = doc_text(doc)
    if not _NOT.search(m.group(0)) and not re.search(r"\b(?:neither|none|no)\b", text[sentence_start:m.start()], re.I):
        return []
    para = text.rfind("\n\n", 0, sentence_start)   # the start of this paragraph, then of the one before
    floor = text.rfind("\n\n", 0, para) if para >= 0 else -1
    before = [st for st in statements if floor <= st.content.start and st.content.end <= m.start()
              and not (st.cue is not None and st.cue.start < m.end() and m.start() < st.cue.end)]
    before.sort(key=lambda st: st.content.end)
    if not before:
        return []
    if not _SEVERAL.search(text[sentence_start:m.start()]):
        return [before[-1]]
    out, speakers = [], set()
    for st in reversed(before):
        if st.speaker not in speakers:
            out.append(st)
            speakers.add(st.speaker)
        if len(out) == 2:
            break
    return out


def _asserts(doc, st) -> str | None:
    """The certainty of a statement's claim when it carries no epistemic marker, or None when
    it makes none: a named or described source, a cue of saying or alleging (assertion_cues in
    lexicons/claims.yaml: asserted) or of believing (belief_cues: as graded there) that is not
    negated ("did not say whether"), and a content stating something."""
    if st.cue is None or st.speaker is None and st.source is None:
        return None
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    verbs = [t for t in cue or [] if t.pos_ in ("VERB", "AUX") or t.lower_ == "according"]
    lemma = verbs[-1].lemma_.lower() if verbs else None
    level = LEVELS[0] if lemma in lexicon()["assertion_cues"] or _speaker_states(doc, st) \
        else lexicon()["belief_cues"].get(lemma)
    if level is None or any(c.dep_ == "neg" for v in verbs for c in v.children):
        return None
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if content is None or st.content.text.rstrip(_EDGE + " ").endswith("?") or doc_text(doc)[
            st.content.start:st.content.end].rstrip(" \"”’'").endswith("?"):
        return None
    finite = ("VBD", "VBZ", "VBP", "MD") + (("VBG", "VBN") if st.plover_type == "ACCUSE" else ())
    if not any(t.tag_ in finite for t in content):
        return None
    # "said Tehran condemns the attack", "said it would retaliate": a speech act told in other
    # words (condemning, asking, threatening, promising, praising, refusing) claims no fact
    entry = statement_lexicon()["cues"].get(content.root.lemma_.lower()) or {}
    if entry.get("plover") in _ACTS or entry.get("role") == "disapprove":
        return None
    # "Russia must be held accountable": what ought to be is a demand, not a fact
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("must", "should", "ought") for c in content.root.children):
        return None
    return level


_ACTS = {"REQUEST", "THREATEN", "AGREE", "SUPPORT", "REJECT"}


def _speaker_states(doc, st) -> bool:
    """A named speaker's cue from speaker_assertion_cues ("the rebels indicated"): a statement,
    not a hedge."""
    if st is None or not st.speaker or st.cue is None:
        return False
    verb = cue_verb(doc, (st.cue.start, st.cue.end), aux=True)
    return verb is not None and verb.lemma_.lower() in lexicon()["speaker_assertion_cues"]


def _names_people(words: str) -> bool:
    lex = statement_lexicon()
    people = set(lex["person_nouns"]) | set(lex["titles"])
    return any(w.rstrip("s") in people or w in people for w in re.findall(r"[a-z]+", words.lower()))


def _impersonal(st) -> bool:
    """ "It is unclear who ...", "Reportedly, ...": reported with no one reporting it (no
    speaker, no source words, no quotation). The author makes that judgement."""
    return st.speaker is None and st.source is None and st.kind != "direct"


def _statement_of(statements, m: Marker):
    """The statement whose content or cue holds the marker (its speaker holds the claim, not
    the author), or None. The innermost one when statements nest."""
    # a marker in a cue is the speaker's own only as the cue's verb ("analysts suggested");
    # "have allegedly demanded" is someone else's allegation about the demand
    # ("Some analysts believe ...": a hedge in the words naming people as the source is
    # theirs; "Many indicators suggest ..." names no one, the judgement is the author's)
    holding = [st for st in statements
               if st.content.start <= m.start and m.end <= st.content.end
               or st.cue is not None and st.cue.start <= m.start and m.end == st.cue.end
               or st.source is not None and st.source.start <= m.start and m.end <= st.source.end
               and _names_people(st.source.text)]
    holding.sort(key=lambda st: st.content.end - st.content.start)
    inner = holding[0] if holding else None
    if inner is not None and inner.speaker is None and inner.cue is not None:
        # "Observers believe the timing suggests ...": a thing "suggesting" inside someone's
        # statement is how that someone reasons; the belief is theirs
        outer = next((st for st in holding[1:] if st.content.start <= inner.cue.start
                      and inner.cue.end <= st.content.end), None)
        if outer is not None:
            return outer
    return inner


def score(predicted: list[Claim], gold: list[dict]) -> dict:
    """Accuracy of certainty and holder for gold claims ({"start", "end", "certainty", "holder"})
    matched to predicted claims by evidence overlap; plus detection precision/recall."""
    matched, certainty_ok, holder_ok = 0, 0, 0
    used = set()
    for g in gold:
        for i, c in enumerate(predicted):
            ev = c.evidence[0] if c.evidence else None
            if ev is not None and i not in used and ev.start < g["end"] and g["start"] < ev.end:
                used.add(i)
                matched += 1
                certainty_ok += c.certainty == g.get("certainty")
                holder_ok += c.holder == g.get("holder", "author")
                break
    n_p, n_g = len(predicted), len(gold)
    return {"precision": matched / n_p if n_p else 0.0, "recall": matched / n_g if n_g else 0.0,
            "certainty_accuracy": certainty_ok / matched if matched else 0.0,
            "holder_accuracy": holder_ok / matched if matched else 0.0}


@Language.factory("eventlens_claims")
def make_stage(nlp, name):
    return Stage()
