"""Statement spans for evaluation: PolNeAR-style source/cue/content spans of a processed doc
and their exact and overlap precision/recall/F1 against gold attributions."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .base import doc_text, overlaps
from .statement_syntax import _second_act as second_act, cue_verb

if TYPE_CHECKING:
    from .statements import Found


_TRIM = " \t\n\xa0\"“”„«»‘’'.,:;"


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding quote marks, punctuation, spaces or a leading "that"."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if text[start:start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end


def score(text: str, predicted: Iterable[dict], gold: Iterable[dict]) -> dict:
    """Precision/recall/F1 for source, cue and content spans, exact and overlap.

    predicted/gold: dicts with optional "source", "cue", "content" keys, each a list of
    (start, end) fragments (gold spans may be discontinuous). Exact match compares spans after
    trimming quote marks, edge punctuation and a leading "that" (the model stores content
    without quote marks); a predicted span matches a gold span exactly when it equals one of
    its fragments or its whole extent. Returns counts too, so corpora can be micro-averaged.
    """
    predicted, gold = list(predicted), list(gold)
    out = {}
    for role in ("source", "cue", "content"):
        p_spans = _unique([a[role] for a in predicted if a.get(role)])
        g_spans = _unique([a[role] for a in gold if a.get(role)])
        for mode in ("exact", "overlap"):
            match = _match_exact if mode == "exact" else _match_overlap
            tp_p = sum(1 for p in p_spans if any(match(text, p, g) for g in g_spans))
            tp_g = sum(1 for g in g_spans if any(match(text, p, g) for p in p_spans))
            out[f"{role}_{mode}"] = _prf(tp_p, len(p_spans), tp_g, len(g_spans))
    return out


def _unique(spans):
    seen, out = set(), []
    for s in spans:
        key = tuple(tuple(x) for x in s)
        if key not in seen:
            seen.add(key)
            out.append([tuple(x) for x in s])
    return out


def _match_exact(text, p, g) -> bool:
    ps = _norm(text, p[0][0], p[-1][1])
    cands = [_norm(text, a, b) for a, b in g] + [_norm(text, g[0][0], g[-1][1])]
    return ps in cands


def _match_overlap(text, p, g) -> bool:
    return any(overlaps(a, b, c, d) for a, b in p for c, d in g)


def _prf(tp_p, n_p, tp_g, n_g) -> dict:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp_pred": tp_p, "pred": n_p, "tp_gold": tp_g, "gold": n_g}


def predicted_spans(doc, univocal: bool = True) -> list[dict]:
    """The statements on a processed doc in the shape score() takes (source spans included).

    univocal: leave out statements reported inside another statement's content, as
    PolNeAR-style annotation does (each token takes part in at most one attribution), except
    those that stay their own attribution there (_own_clause)."""
    statements = doc._.statements or []
    text = doc_text(doc)
    if univocal:
        # (a quotation before the other's content is no part of it: in "“Ready?” she said, but ..."
        # the parser may take "she said" into the next clause a later cue reports)
        statements = [st for st in statements if st.cue is None or _own_clause(doc, st) or not any(
            o is not st and o.content.start <= st.cue.start and st.cue.end <= o.content.end
            and not _in_source_phrase(o, st) and not _second_act(doc, o, st)
            and st.content.end > o.content.start for o in statements)]
    # conjoined speakers ("X and Y accused ...") make one attribution with one source phrase
    groups: dict[tuple, list] = {}
    for st in statements:
        key = ((st.cue.start, st.cue.end) if st.cue else None, st.content.start, st.content.end)
        groups.setdefault(key, []).append(st)
    out = []
    for (cue, c0, c1), sts in groups.items():
        srcs = [s.source for s in sts if s.source is not None]
        s0, s1 = (min(s.start for s in srcs), max(s.end for s in srcs)) if srcs else (0, 0)
        source = [(s0, _with_possessive(text, s0, s1))] if srcs else None
        out.append({"source": source, "cue": [cue] if cue else None, "content": [(c0, c1)]})
    return out


def _in_source_phrase(outer, st) -> bool:
    """Whether the outer statement is told inside st's own source phrase ("One of the doctors
    who signed the letter called him a fraud": the signing describes the speaker of the calling,
    which is no part of what was signed)."""
    return outer.cue is not None and st.source is not None \
        and st.source.start <= outer.cue.start and outer.cue.end <= st.source.end


def _second_act(doc, outer, st) -> bool:
    """ "China said it opposed the test and warned Pyongyang to refrain ...": a verb of saying
    joined by "and" to what another one reports, without a subject of its own, is a second act
    of that speaker (statement_syntax._second_act), not part of what it said."""
    if outer.cue is None:
        return False
    verb = cue_verb(doc, (st.cue.start, st.cue.end))
    return verb is not None and second_act(verb) and outer.cue.start <= verb.head.head.idx < outer.cue.end


# Verbs of saying that keep their own attribution inside another statement's content: in a
# relative clause ("... donations, which he said were favors") or, with the accusing ones, in a
# coordinated clause with its own speaker ("X said A and Democrats accused Y of B")
_SAYING = {"say", "tell", "add", "write", "report", "cite", "claim", "argue", "insist", "warn", "note",
           "explain", "state", "announce", "declare"}
_ACCUSING = {"accuse", "blame", "condemn", "criticize", "deny", "reject", "urge", "demand", "praise"}
_CONCESSIVE = {"though", "although"}


def _own_clause(doc, st) -> bool:
    """Whether a statement reported inside another one's content is its own attribution (see
    _SAYING): PolNeAR annotates these instead of leaving them in the outer content."""
    verb = cue_verb(doc, (st.cue.start, st.cue.end))
    if verb is None:
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.children):
        # "X said A, though she noted B": a concession with its own subject is a second act
        # the writer sets against the first, not part of what X said
        return True
    lemma = verb.lemma_.lower()
    if lemma not in _SAYING | _ACCUSING and not _speech_verb(lemma):
        return False
    if verb.dep_ == "relcl" or _extracted_complement(verb):
        return lemma in _SAYING
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by":
        # "X responded to the critics by saying ...": the saying is the act that tells the words
        # ("by adding a few towns" adds no words)
        return lemma in _SAYING and lemma != "add"
    # "X said the plan failed, and Democrats accused Y of ...", "..., and when pressed, the mother
    # replied, “...”": a coordinated clause with its own named speaker is that speaker's statement,
    # not part of X's (also when the parser hung the clause after "and" on X's verb as a
    # complement: a reported clause never begins with "and")
    if verb.dep_ == "conj":
        return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in verb.children)
    if lemma not in _SAYING | _ACCUSING:
        return False
    source = doc.char_span(st.source.start, st.source.end, alignment_mode="expand") if st.source else None
    return verb.dep_ == "ccomp" and source is not None and source.end <= verb.i and source.start > 0 \
        and source.root.pos_ in ("PROPN", "NOUN") and doc[source.start - 1].lower_ in ("and", "but")


def _speech_verb(lemma: str) -> bool:
    """A cue verb of saying (not of thinking or wanting: those stay inside what was said)."""
    from .statement_lexicon import lexicon
    entry = lexicon()["cues"].get(lemma)
    return entry is not None and not entry.get("epistemic")


def _extracted_complement(verb) -> bool:
    """ "what the senators said was gerrymandering", "the meddling the congressman said is meant
    to ...": a verb of saying whose reported clause lacks its subject (it was extracted to the
    front, "what"/the modified noun) is a relative attribution inside a noun phrase, even when
    the parser did not label it a relative clause. "X said Y was ..." has the clause's own subject."""
    if not any(c.dep_ == "nsubj" and c.i < verb.i and c.lower_ not in ("what", "which", "who", "that")
               for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX"):
            subjects = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
            return not subjects or all(x.i < verb.i and x.lower_ in ("what", "which", "who") for x in subjects)
    return False


_PRONOUNS = {"he", "she", "it", "that", "there", "who", "what", "this", "they", "we", "you", "i"}


def _with_possessive(text: str, start: int, end: int) -> int:
    """PolNeAR source spans keep the possessive ending ("Smith's" in "Smith's claim"); after a
    pronoun "'s" is "is" ("He's said ...")."""
    if text[start:end].lower() in _PRONOUNS:
        return end
    for ending in ("'s", "’s", "'", "’"):
        if text.startswith(ending, end) and (end + len(ending) == len(text) or not text[end + len(ending)].isalnum()):
            return end + len(ending)
    return end


def found_as_spans(found: list[Found]) -> list[dict]:
    """Found records in the shape score() takes."""
    out = []
    for f in found:
        out.append({"source": [f.source] if f.source else None, "cue": [f.cue] if f.cue else None,
                    "content": [f.content]})
    return out
