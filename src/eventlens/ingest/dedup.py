"""Near-duplicate detection (syndicated copies, re-edited versions) with MinHash LSH.

Exact duplicates are found by content hash elsewhere; this finds articles whose word
5-gram sets overlap strongly (estimated Jaccard >= threshold), e.g. the same wire story
under another headline, byline, or with one sentence changed.

Why 0.7 and not 0.8: in a 300-500 word story a new headline, byline and one rewritten
sentence already change 15-25% of the 5-grams, and the 128-permutation estimate has a
standard error of about 0.04, so at 0.8 such copies are missed about half the time.
Different stories on the same event share far fewer 5-grams (typically < 0.2).

Signatures serialise to 512 bytes (``minhash_bytes``) so a store can persist them and
rebuild the index with ``add_bytes`` without re-reading article texts.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7                  # estimated Jaccard that makes a near-duplicate
LSH_THRESHOLD = 0.6              # candidate recall margin below THRESHOLD for the estimate's noise
SCHEME = "affine32"              # datasketch's default: uint32 hash values
MAX_SHINGLES = 50_000            # a news article has far fewer; bounds time on huge inputs
_BATCH = 4096
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """Permutations are generated once and shared: creating them is the slow part."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME)


def shingles(text: str, n: int = SHINGLE_WORDS) -> list[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return [" ".join(words).encode()] if words else []
    count = min(len(words) - n + 1, MAX_SHINGLES)
    return [" ".join(words[i:i + n]).encode() for i in range(count)]


def minhash(text: str) -> MinHash:
    t = _template()
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=t.permutations)
    sh = shingles(text)
    for i in range(0, len(sh), _BATCH):
        mh.update_batch(sh[i:i + _BATCH])
    return mh


def minhash_bytes(text: str) -> bytes:
    """The signature of ``text`` as bytes, for storage."""
    return minhash(text).hashvalues.astype("<u4").tobytes()


def minhash_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    if len(values) != NUM_PERM:
        raise ValueError(f"signature has {len(values)} values, expected {NUM_PERM}")
    return MinHash(scheme=SCHEME, hashvalues=values, permutations=_template().permutations)


class Deduplicator:
    """An in-memory LSH index of article signatures.

        dedup = Deduplicator()
        dedup.add("a1", text1)
        dedup.find(text2)   # -> "a1" if text2 is a near-duplicate of text1, else None
    """

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(LSH_THRESHOLD, threshold), num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._sigs

    def add_minhash(self, article_id: str, mh: MinHash) -> None:
        if article_id in self._sigs:
            return  # re-adding the same article is a no-op, so re-runs are idempotent
        self._sigs[article_id] = mh
        self._lsh.insert(article_id, mh)

    def add(self, article_id: str, text: str) -> bytes:
        """Index ``text`` under ``article_id``; returns its signature bytes for storage."""
        mh = minhash(text)
        self.add_minhash(article_id, mh)
        return mh.hashvalues.astype("<u4").tobytes()

    def add_bytes(self, article_id: str, data: bytes) -> None:
        self.add_minhash(article_id, minhash_from_bytes(data))

    def signature(self, text: str) -> bytes:
        """Signature bytes of ``text`` (not indexed), for storage."""
        return minhash_bytes(text)

    # the name the store-facing code uses for add_bytes
    add_signature = add_bytes

    def find_minhash(self, mh: MinHash, exclude: str | None = None) -> str | None:
        best, best_sim = None, -1.0
        # LSH only proposes candidates; the signature estimate confirms them. Sorting makes
        # the choice between equally similar articles stable.
        for cand in sorted(self._lsh.query(mh)):
            if cand == exclude:
                continue
            sim = self._sigs[cand].jaccard(mh)
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = cand, sim
        return best

    def find(self, text: str, exclude: str | None = None) -> str | None:
        """Id of an indexed near-duplicate of ``text`` (the most similar), or None."""
        return self.find_minhash(minhash(text), exclude=exclude)
