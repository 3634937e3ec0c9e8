"""Language identification with py3langid (model loaded once per process, on first use)."""
from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 20          # below this any guess is noise
SAMPLE_CHARS = 4000     # the opening of an article identifies its language; keeps long inputs cheap
MIN_CONFIDENCE = 0.5    # a weaker guess is reported as unknown rather than wrong


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short or too uncertain to tell."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS].strip()
    if sum(1 for ch in sample if ch.isalpha()) < MIN_CHARS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= MIN_CONFIDENCE else None
