"""The typed document model that flows through eventlens.

Every stage reads and writes these objects; the JSON output contract
(``Result.model_dump(mode="json")``) is defined here and nowhere else.
All offsets are character offsets into ``Article.text`` (the cleaned text
that is stored), so ``article.text[s.start:s.end] == s.text`` for every Span.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organization", "state", "group", "generic"]
EventStatus = Literal["occurred", "attempted", "failed", "alleged", "denied", "hypothetical",
                      "future", "historical", "negated"]
StatementKind = Literal["direct", "indirect", "mixed"]
Certainty = Literal["asserted", "probable", "possible", "speculative"]
Precision = Literal[1, 2, 3]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A piece of evidence: offsets into Article.text and the exact text there."""
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Build a span from the article text so offsets and text always agree."""
        return cls(start=start, end=end, text=text[start:end])


class Removed(_Model):
    """A piece of the raw input that cleaning dropped, and why."""
    text: str
    reason: str


class Article(_Model):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None
    text: str = ""
    removed: list[Removed] = Field(default_factory=list)
    duplicate_of: Optional[str] = None
    # Not part of the minimal contract but useful to every consumer.
    content_hash: Optional[str] = None
    input_path: Optional[str] = None
    input_format: Optional[str] = None


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind = "generic"
    country: Optional[str] = None           # ISO 3166-1 alpha-3
    sector: Optional[str] = None            # PLOVER/CAMEO style: GOV, MIL, REB, OPP, JRN ...
    kb_id: Optional[str] = None
    aliases_seen: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    link: Optional[str] = None              # why it resolved: exact-alias, phonetic, coref, ner-new ...
    confidence: float = 1.0


class Place(_Model):
    id: str
    name: str
    country: Optional[str] = None           # ISO3
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    feature: Optional[str] = None           # city, country, admin1, site ...
    mentions: list[Span] = Field(default_factory=list)
    # adjectival/demonym references to the place ("Iraqi", "Turkish", "Americans"): evidence
    # spans, kept apart from ``mentions`` so the event stage never picks a place from an
    # adjective ("Iraqi forces shelled X" happened in X, not in Iraq). A place may have only these.
    references: list[Span] = Field(default_factory=list)


class DateMention(_Model):
    """A time expression resolved against the publication date."""
    span: Span
    date: Optional[dt.date] = None          # the resolved day (mid-point for week/month)
    end: Optional[dt.date] = None           # last day of a range, if any
    precision: Precision = 1                # ACLED time_precision: 1 day, 2 week, 3 month
    flag: Optional[str] = None              # impossible, after-publication ...


class Attribution(_Model):
    """Who claimed, was accused of, or denied an event, and the statement that says so."""
    actor: str                              # actor id
    relation: Literal["claimed", "accused", "denied"]
    statement: Optional[str] = None         # statement id, when a statement carries it
    evidence: list[Span] = Field(default_factory=list)


class Event(_Model):
    id: str
    plover_type: Optional[str] = None
    plover_mode: Optional[str] = None
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    actors: list[str] = Field(default_factory=list)     # actor ids
    targets: list[str] = Field(default_factory=list)    # actor ids
    place: Optional[str] = None                         # place id
    # a more specific place the text names where it happened that has no coordinates (a village,
    # a neighbourhood): `place` is then the known place it lies in or near (ACLED precision 2)
    site: Optional[str] = None                          # place id
    geo_precision: Optional[Precision] = None
    date: Optional[dt.date] = None
    time_precision: Optional[Precision] = None
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    arrested: Optional[int] = None
    size: Optional[int] = None              # participants ("dozens of protesters" -> 12, ACLED's rule)
    weapons_count: Optional[int] = None     # "three drones" -> 3
    status: EventStatus = "occurred"
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = 0.5
    trigger: Optional[Span] = None
    explanation: Optional[str] = None
    claimed_by: list[str] = Field(default_factory=list)  # actor ids
    accused: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)  # the evidence for the three lists


class Statement(_Model):
    id: str
    speaker: Optional[str] = None           # actor id
    source: Optional[Span] = None           # the words that name the speaker here ("the spokesman")
    speaker_role: Optional[Span] = None     # the role the text gives the speaker ("Foreign Ministry spokesman")
    cue: Optional[Span] = None
    content: Span
    kind: StatementKind = "direct"
    plover_type: Optional[str] = None
    target: Optional[str] = None            # actor id
    date: Optional[dt.date] = None
    evidence: list[Span] = Field(default_factory=list)
    event: Optional[str] = None             # event id the statement is about


class Claim(_Model):
    id: str
    # "author", the speaker's actor id, or "source": a speaker no actor stands for ("analysts
    # suggest", a quote nobody is named for); then `source` holds the words naming them, if any
    holder: str = "author"
    certainty: Certainty = "asserted"
    hedges: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    proposition: Optional[Span] = None      # the clause that is claimed, when it can be cut out
    statement: Optional[str] = None         # id of the statement whose words make the claim
    source: Optional[Span] = None           # who holds it, as the text says ("analysts")


class Result(_Model):
    """Everything eventlens knows about one article: the JSON output contract."""
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    pipeline_version: Optional[str] = None

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")

    def spans(self):
        """Yield (where, span) for every span, for checks and highlighting."""
        for kind in ("actors", "places"):
            for x in getattr(self, kind):
                for s in x.mentions + getattr(x, "references", []):
                    yield f"{kind}:{x.id}", s
        for e in self.events:
            for s in e.evidence:
                yield f"events:{e.id}", s
            for att in e.attributions:
                for s in att.evidence:
                    yield f"events:{e.id}", s
        for st in self.statements:
            yield f"statements:{st.id}", st.content
            for s in (st.source, st.speaker_role):
                if s is not None:
                    yield f"statements:{st.id}", s
            for s in st.evidence:
                yield f"statements:{st.id}", s
        for c in self.claims:
            for s in c.evidence + ([c.proposition] if c.proposition else []):
                yield f"claims:{c.id}", s
