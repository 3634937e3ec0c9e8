"""Near-duplicate detection with MinHash LSH."""
from eventlens.ingest import Deduplicator, article_from_text, minhash_bytes

# A made-up wire story, long enough to behave like news (~350 words).
PARAGRAPHS = [
    "Security forces in the northern city of Dorsk arrested twelve people on Tuesday after a night "
    "of clashes between rival groups near the old market, the interior ministry said in a statement.",
    "A ministry spokesman said the detainees were suspected of setting fire to two shops and attacking "
    "a police patrol with stones and petrol bombs, injuring three officers.",
    "Residents said the violence began after a dispute over the control of a parking area and quickly "
    "spread to neighbouring streets, where young men blocked roads with burning tyres.",
    "The governor of the province imposed a curfew from eight in the evening until six in the morning "
    "and ordered schools in the district to stay closed for the rest of the week.",
    "Opposition lawmakers accused the police of using excessive force and called for an independent "
    "inquiry, saying that at least one of the detainees was a teenager who had been filming the clashes.",
    "The ministry rejected the accusation and said officers had acted with restraint in the face of "
    "what it described as organised attacks by groups seeking to destabilise the city before the vote.",
    "Dorsk has seen repeated unrest since the closure of its main factory last year left thousands "
    "without work, and local elections are scheduled for next month.",
    "Community leaders met the governor on Wednesday morning and agreed to form a committee to "
    "mediate between the groups and to compensate the owners of the damaged shops.",
]
ORIGINAL = "\n\n".join(["Twelve arrested after night of clashes in Dorsk", "By Jane Roe"] + PARAGRAPHS)
SYNDICATED = "\n\n".join(
    ["Dorsk police detain 12 after market violence", "By Example Wire staff"]
    + PARAGRAPHS[:4]
    + ["Opposition members of parliament accused the police of using excessive force and called "
       "for an independent inquiry."]
    + PARAGRAPHS[5:])
UNRELATED = ("Delegations from the two neighbouring countries met in Varna on Wednesday to discuss a "
             "ceasefire along their disputed border, the foreign ministry said. " * 3
             + "Talks are expected to resume next week after consultations in both capitals.")


def test_near_duplicate_found_and_unrelated_not():
    dedup = Deduplicator()
    dedup.add("orig", ORIGINAL)
    assert dedup.find(SYNDICATED) == "orig"
    assert dedup.find(UNRELATED) is None
    assert dedup.find(ORIGINAL, exclude="orig") is None


def test_signature_bytes_round_trip():
    sig = minhash_bytes(ORIGINAL)
    assert isinstance(sig, bytes) and len(sig) == 512
    assert minhash_bytes(ORIGINAL) == sig  # deterministic across calls (and processes)
    restored = Deduplicator()
    restored.add_bytes("orig", sig)
    assert restored.find(SYNDICATED) == "orig"
    assert restored.add("orig", ORIGINAL) == sig
    other = Deduplicator()
    other.add_signature("orig", other.signature(ORIGINAL))
    assert other.find(SYNDICATED) == "orig"


def test_readding_is_idempotent_and_most_similar_wins():
    dedup = Deduplicator()
    dedup.add("other", UNRELATED)
    dedup.add("orig", ORIGINAL)
    dedup.add("orig", ORIGINAL)
    assert len(dedup) == 2 and "orig" in dedup
    assert dedup.find(article_from_text(SYNDICATED).text) == "orig"


def test_short_texts():
    dedup = Deduplicator()
    dedup.add("s", "Police arrested two men.")
    assert dedup.find("Police arrested two men.") == "s"
    assert dedup.find("Talks resumed in Varna.") is None
    dedup.add("empty", "")
