"""Places stage: find toponyms, resolve them against the offline gazetteer, and say
where an event happened.

Toponyms come from spaCy GPE/LOC/FAC entities and from matching gazetteer names over
capitalised token runs (spaCy misses "Al-Tanf" and tags "Erbil" as ORG). Each one is
resolved to the candidate that best fits the article: countries named or implied by
demonyms ("Iraqi") and by actors, a following ", Region" qualifier, population, and
curated project places first. Output: ``doc._.places`` (list[Place], merged by id).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..kb.places import Candidate, Gazetteer, distance_km, gazetteer, norm
from ..model import Place, Span
from .base import doc_text, overlaps

NER_LABELS = {"GPE", "LOC", "FAC"}
CURATED = {"district", "site", "airport", "base", "crossing", "camp", "region"}
REGION_WORDS = {"province", "governorate", "state", "region", "oblast", "county", "district",
                "prefecture", "department", "parish"}
# words that may sit inside a multi-word name without being capitalised
CONNECTORS = {"of", "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "de", "del", "la",
              "bin", "ibn", "abu", "bani", "beni", "sur", "upon"}
# lower-case words that end a curated name ("Erbil airport", "Mosul old city")
SUFFIX_WORDS = {"airport", "air", "base", "airbase", "camp", "crossing", "district", "old", "city",
                "garrison", "square", "border", "refugee", "mosque", "compound", "strip", "bank"}
MAX_NAME_TOKENS = 6
MIN_GAZ_ONLY_POPULATION = 5000   # towns found only by the gazetteer (not NER) need this much
BIG_TOWN = 100_000               # ... or this much when the text names no country of theirs
_PLACE_CUES = (
    # (regex over the text just before the mention, geo precision for a town)
    (re.compile(r"\b(?:on the )?(?:outskirts|edge|suburbs?|environs) of (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:near|outside|close to|nearby|around|north of|south of|east of|west of|"
                r"(?:north|south|east|west)(?:east|west)?(?:ern)? of|km (?:from|of)|"
                r"kilometres (?:from|of)|miles (?:from|of)) (?:the )?$", re.I), 2),
    (re.compile(r"\b(?:in|at|inside|within|on|into|to|across|throughout|in central|in northern|"
                r"in southern|in eastern|in western) (?:the )?$", re.I), 1),
)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    source: str                       # "ner" or "gazetteer"
    label: str = ""
    hint: Optional[Candidate] = None  # "X, Region" qualifier that follows the mention
    region_word: bool = False         # "X province"
    candidates: list[Candidate] = field(default_factory=list)
    chosen: Optional[Candidate] = None
    why: str = ""


class PlacesStage:
    attr = "places"

    def __init__(self, gaz: Gazetteer | None = None):
        self._gaz = gaz

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer()
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    # ------------------------------------------------------------ finding

    def find(self, doc: Doc) -> list[Mention]:
        gaz = self.gaz
        blocked = _actor_spans(doc)
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            start, end, text = _trim(doc, ent.start_char, ent.end_char)
            if end <= start:
                continue
            key = norm(text)
            if not key or key in gaz.demonyms:
                continue
            if _blocked(blocked, start, end, allow_places=True):
                continue
            mentions.append(Mention(start, end, doc_text(doc)[start:end], key, "ner", ent.label_))
            taken.append((ent.start_char, ent.end_char))
        for start, end in self._gazetteer_spans(doc, taken, blocked):
            mentions.append(Mention(start, end, doc_text(doc)[start:end], norm(doc_text(doc)[start:end]),
                                    "gazetteer"))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            m.candidates = gaz.lookup_key(m.key)
            if not m.candidates and m.source == "ner":
                # "Baghdad's Karrada district" / "the city of Mosul": try the inner name
                m.candidates = self._inner_candidates(m)
            after = doc_text(doc)[m.end:m.end + 20].lstrip().lower().split(" ", 1)
            m.region_word = bool(after) and after[0].strip(",.;") in REGION_WORDS
        self._named = self._named_countries(mentions)
        mentions = [m for m in mentions if self._plausible(doc, m)]
        _link_qualifiers(doc, mentions)
        self._resolve(doc, mentions)
        return mentions

    def _inner_candidates(self, m: Mention) -> list[Candidate]:
        words = m.text.split()
        for n in range(len(words) - 1, 0, -1):
            for i in range(0, len(words) - n + 1):
                key = norm(" ".join(words[i:i + n]))
                if len(key) >= 4 and self.gaz.has_key(key):
                    return self.gaz.lookup_key(key)
        return []

    def _gazetteer_spans(self, doc: Doc, taken, blocked) -> Iterable[tuple[int, int]]:
        """Longest gazetteer names over runs of capitalised tokens not already found by NER."""
        gaz = self.gaz
        for run in _name_runs(doc):
            i = 0
            while i < len(run):
                found = None
                for j in range(min(len(run), i + MAX_NAME_TOKENS), i, -1):
                    first, last = run[i], run[j - 1]
                    if last.lower_ in CONNECTORS or last.text in "-'’":
                        continue
                    if first.is_stop and not _glued(first):
                        continue
                    start, end = first.idx, last.idx + len(last.text)
                    key = norm(doc_text(doc)[start:end])
                    if len(key) >= 2 and gaz.has_key(key):
                        found = (start, end, j)
                        break
                if found is None:
                    i += 1
                    continue
                start, end, j = found
                if not any(overlaps(start, end, a, b) for a, b in taken) and \
                        not _blocked(blocked, start, end, allow_places=False):
                    yield start, end
                i = j

    def _plausible(self, doc: Doc, m: Mention) -> bool:
        """Keep NER places (even unknown ones after a locative cue); gazetteer-only matches
        must look like names and not be common words that happen to be towns."""
        if m.source == "ner":
            if m.candidates:
                return True
            return m.label == "GPE" and _cue_precision(doc_text(doc), m.start) is not None
        if not m.candidates:
            return False
        best = m.candidates[0]
        strong = any(c.feature in CURATED | {"country", "admin1"} for c in m.candidates)
        ent = _ent_at(doc, m.start, m.end)
        if ent is not None and ent.label_ in {"NORP", "DATE", "TIME", "MONEY", "CARDINAL"}:
            return False
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            # a whole ORG/PERSON that is in fact a well-known place (spaCy tags "Erbil" ORG)
            if ent.start_char < m.start - 4 or ent.end_char > m.end:
                return False
            return strong or best.population >= 100_000
        tokens = doc.char_span(m.start, m.end, alignment_mode="expand")
        if len(m.key) < 4 and not (strong and m.text.isupper() or "." in m.text):
            return False
        if tokens is not None and len(tokens) == 1:
            tok = tokens[0]
            if tok.pos_ not in ("PROPN",) and not strong:
                return False
            if tok.is_sent_start and tok.lower_ in doc.vocab.strings and not strong and \
                    best.population < 100_000:
                return False
        if strong:
            return True
        # a town found only by the gazetteer: its own name (not an obscure alternate
        # such as "Google" for Topeka) and either large or in a country the text names
        named = [c for c in m.candidates if c.feature == "city" and norm(c.name) == m.key]
        return any(c.population >= BIG_TOWN or (c.population >= MIN_GAZ_ONLY_POPULATION and
                                                 self._named.get(c.country, 0) >= 2)
                   for c in named)

    # ------------------------------------------------------------ resolving

    def _named_countries(self, mentions: list[Mention]) -> Counter:
        """Countries the text names outright, directly or through a region of theirs."""
        named: Counter = Counter()
        for m in mentions:
            for c in m.candidates[:1]:
                if c.feature == "country":
                    named[c.country] += 2
                elif c.feature == "admin1" and norm(c.name) == m.key:
                    named[c.country] += 2
        return named

    def _context(self, doc: Doc, mentions: list[Mention]) -> tuple[Counter, set]:
        """Country weights (named 2, demonym/actor 0.5 each) and admin1 regions named."""
        ctx: Counter = Counter(self._named_countries(mentions))
        regions = {(m.candidates[0].country, m.candidates[0].admin1) for m in mentions
                   if m.candidates and m.candidates[0].feature == "admin1"
                   and norm(m.candidates[0].name) == m.key}
        for tok in doc:
            if tok.is_title or tok.is_upper:
                iso3 = self.gaz.demonyms.get(norm(tok.text))
                if iso3:
                    ctx[iso3] += 0.5
        for actor in doc._.actors or []:
            if getattr(actor, "country", None):
                ctx[actor.country] += 0.5 * (len(actor.mentions) or 1)
        return ctx, regions

    def _resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        ctx, regions = self._context(doc, mentions)
        for _ in range(2):  # second pass: towns already placed vote for their countries
            towns: Counter = Counter()
            for m in mentions:
                m.chosen, m.why = _choose(m, ctx, regions)
                if m.chosen is not None and m.chosen.feature != "country" and m.chosen.country:
                    towns[m.chosen.country] += 1
            ctx = ctx + Counter({k: v * 0.5 for k, v in towns.items()})

    # ------------------------------------------------------------ output

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        places: dict[str, Place] = {}
        trace = []
        for m in mentions:
            c = m.chosen
            pid = c.id if c is not None else "text:" + _SLUG.sub("-", m.key).strip("-")
            if pid not in places:
                if c is None:
                    places[pid] = Place(id=pid, name=m.text)
                else:
                    places[pid] = Place(id=pid, name=c.name, country=c.country, admin1=c.admin1,
                                        lat=c.lat, lon=c.lon, geonames_id=c.geonames_id,
                                        feature=c.feature)
            places[pid].mentions.append(Span.of(doc_text(doc), m.start, m.end))
            trace.append(f"{m.text!r} [{m.source}] -> {pid} ({m.why})")
        doc._.places = list(places.values())
        if doc._.trace is not None:
            doc._.trace["places"] = trace


# ---------------------------------------------------------------- helpers

def _choose(m: Mention, ctx: Counter, regions: set) -> tuple[Optional[Candidate], str]:
    if not m.candidates:
        return None, "not in gazetteer"
    cities_here = {(c.country, c.admin1) for c in m.candidates if c.feature == "city"}
    best, best_score = None, -math.inf
    for c in m.candidates:
        s = 1.2 * math.log10(c.population + 10)
        if norm(c.name) == m.key:
            s += 1.0
        if c.country in ctx:
            s += min(3.0, 1.0 + 0.5 * ctx[c.country])
        if c.feature != "admin1" and (c.country, c.admin1) in regions:
            s += 2.0
        if c.feature in CURATED:
            s += 4.0
        elif c.feature == "country":
            s += 3.0
        elif c.feature == "admin1":
            # "Baghdad" means the city unless the text says "Baghdad province"
            if m.region_word:
                s += 4.0
            elif (c.country, c.admin1) in cities_here:
                s -= 3.0
        if m.hint is not None:
            h = m.hint
            if h.feature == "country" and c.country == h.country:
                s += 4.0
            elif h.feature == "admin1" and c.country == h.country and c.admin1 == h.admin1:
                s += 6.0
        if s > best_score:
            best, best_score = c, s
    why = f"{len(m.candidates)} candidates, score {best_score:.1f}"
    if best.country in ctx:
        why += f", context {best.country}"
    return best, why


def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """'Alexandria, Louisiana' / 'Erbil, Iraq': the second name qualifies the first."""
    for a, b in zip(mentions, mentions[1:]):
        gap = doc_text(doc)[a.end:b.start]
        if gap.strip() in (",", "") and len(gap) <= 2:
            for c in b.candidates:
                if c.feature in ("country", "admin1"):
                    a.hint = c
                    break


def _name_runs(doc: Doc) -> Iterable[list]:
    """Runs of tokens that can form a name: capitalised words, glued hyphens/apostrophes,
    and lower-case connectors inside ("Ain al-Asad", "Gulf of Aden")."""
    run: list = []
    for tok in doc:
        ok = False
        if tok.text[:1].isupper() and tok.is_alpha or (tok.text[:1].isupper() and "." in tok.text):
            ok = True
        elif run and (tok.lower_ in CONNECTORS or tok.lower_ in SUFFIX_WORDS):
            ok = True
        elif run and tok.text in ("-", "'", "’") and not run[-1].whitespace_:
            ok = True
        if ok and run and run[-1].whitespace_ == "" and run[-1].text not in ("-", "'", "’") and \
                tok.text not in ("-", "'", "’") and tok.is_punct:
            ok = False
        if ok and run and run[-1].i != tok.i - 1:
            ok = False
        if ok and run and run[-1].whitespace_ and "\n" in run[-1].whitespace_:
            ok = False
        if ok:
            run.append(tok)
        else:
            if run:
                yield run
            run = [tok] if tok.text[:1].isupper() and tok.is_alpha else []
    if run:
        yield run


def _glued(tok) -> bool:
    """'Al' in 'Al-Tanf' (article glued with a hyphen), not a free-standing stop word."""
    doc = tok.doc
    return tok.whitespace_ == "" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    text = doc_text(doc)[start:end]
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            start += len(prefix)
            text = text[len(prefix):]
    for suffix in ("'s", "’s", "'"):
        if text.endswith(suffix):
            end -= len(suffix)
            text = text[: -len(suffix)]
    return start, end, text


def _actor_spans(doc: Doc) -> list[tuple[int, int, str]]:
    spans = [(e.start_char, e.end_char, "ner-person") for e in doc.ents if e.label_ == "PERSON"]
    for actor in doc._.actors or []:
        if actor.kind in ("person", "organization", "group"):
            spans += [(s.start, s.end, actor.kind) for s in actor.mentions]
    return spans


def _blocked(spans, start: int, end: int, allow_places: bool) -> bool:
    """Inside a person's name (spaCy's PERSON only when strictly inside: it tags some towns
    as persons), or strictly inside an organisation's name (the place words
    of "Iraqi Hezbollah Brigades" are not places)."""
    for s, e, kind in spans:
        if not overlaps(s, e, start, end):
            continue
        if kind == "person":
            return True
        if kind == "ner-person" and (s, e) != (start, end):
            return True
        if (s, e) != (start, end) and not allow_places:
            return True
    return False


def _ent_at(doc: Doc, start: int, end: int):
    for ent in doc.ents:
        if overlaps(ent.start_char, ent.end_char, start, end):
            return ent
    return None


def _cue_precision(text: str, start: int) -> Optional[int]:
    before = text[max(0, start - 40):start]
    for pattern, precision in _PLACE_CUES:
        if pattern.search(before):
            return precision
    return None


def _sentence_bounds(doc: Doc, start: int) -> tuple[int, int]:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or not doc.has_annotation("SENT_START"):
        return 0, len(doc_text(doc))
    sent = tok[0].sent
    return sent.start_char, sent.end_char


def _precision(place: Place, cue: Optional[int]) -> int:
    if place.feature in ("country", "admin1", "region"):
        return 3
    return cue or 1


def event_place(doc: Doc, start: int, end: int) -> tuple[Optional[Place], Optional[int]]:
    """Where the event at [start, end) happened, with ACLED geo_precision:
    the nearest place in the same sentence introduced by a locative cue (in/at 1,
    near/outside/outskirts of 2, regions and countries 3), else the nearest place in the
    sentence, else the article's most mentioned town (precision 2), else None."""
    places = doc._.places or []
    if not places:
        return None, None
    s0, s1 = _sentence_bounds(doc, start)
    in_sentence = []
    for p in places:
        for m in p.mentions:
            if s0 <= m.start < s1:
                cue = _cue_precision(doc_text(doc), m.start)
                dist = min(abs(m.start - end), abs(start - m.end))
                located = p.lat is not None
                in_sentence.append((cue is None, not located, p.feature == "country", dist, p, cue))
    if in_sentence:
        _, _, _, _, p, cue = min(in_sentence, key=lambda x: x[:4])
        return p, _precision(p, cue)
    towns = [p for p in places if p.lat is not None and p.feature not in ("country", "admin1", "region")]
    if towns:
        best = max(towns, key=lambda p: (len(p.mentions), -p.mentions[0].start))
        return best, 2
    regions = [p for p in places if p.lat is not None]
    if regions:
        best = max(regions, key=lambda p: (p.feature != "country", len(p.mentions)))
        return best, 3
    return None, None


def score(predicted: list[list[tuple[int, int, Optional[float], Optional[float]]]],
          gold: list[list[tuple[int, int, float, float]]], km: float = 161.0) -> dict:
    """Toponym recognition and resolution against gold (per document lists of
    (start, end, lat, lon)): precision/recall/F1 of overlapping spans, accuracy within
    ``km`` of resolved matches, median error in km."""
    tp = n_pred = n_gold = 0
    errors: list[float] = []
    for pred_doc, gold_doc in zip(predicted, gold):
        n_pred += len(pred_doc)
        n_gold += len(gold_doc)
        used = set()
        for gs, ge, glat, glon in gold_doc:
            for i, (ps, pe, plat, plon) in enumerate(pred_doc):
                if i in used or not overlaps(ps, pe, gs, ge):
                    continue
                used.add(i)
                tp += 1
                errors.append(distance_km(plat, plon, glat, glon) if plat is not None
                              else 20_000.0)
                break
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    errors.sort()
    return {
        "precision": precision, "recall": recall, "f1": f1,
        f"accuracy@{km:g}km": sum(e <= km for e in errors) / len(errors) if errors else 0.0,
        "median_error_km": errors[len(errors) // 2] if errors else None,
        "matched": tp, "predicted": n_pred, "gold": n_gold,
    }


@Language.factory("eventlens_places")
def make_stage(nlp, name):
    return PlacesStage()


Stage = PlacesStage
