"""The eventlens pipeline: a spaCy ``Language`` plus eventlens stages, assembled from one config.

    pipe = Pipeline()                       # loads the model once
    result = pipe.process(article)          # -> eventlens.model.Result
    for result in pipe.pipe(articles): ...  # batched, same results

Stages (one module each, registered as spaCy factories):
actors -> places -> dates -> events -> event_days -> statements -> claims.
"""
from __future__ import annotations

import importlib
import logging
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from .. import __version__
from ..config import FALLBACK_MODELS, Config
from ..model import Article, Result
from .base import ensure_extensions
from .chunks import chunk_articles, merge_results

# Importing the stage modules registers their factories with spaCy.
from . import paragraphs, actors, places, dates, events, event_days, statements, claims  # noqa: F401,E402
from . import event_classifier  # noqa: F401,E402  (optional stage, see config.py)

log = logging.getLogger(__name__)

# Articles longer than this are stored but not coded: at about 35,000 characters a
# second they would hold a batch for minutes, and nothing this long is a news article.
# Shorter long articles are coded in chunks (see chunks.py).
MAX_ARTICLE_CHARS = 5_000_000


class ArticleTooLong(ValueError):
    pass


def load_model(name: str) -> Language:
    """Load the configured spaCy pipeline; fall back to any installed English one."""
    tried = []
    for candidate in [name] + [m for m in FALLBACK_MODELS if m != name]:
        try:
            return spacy.load(candidate)
        except (OSError, ImportError) as exc:
            tried.append(f"{candidate}: {exc.__class__.__name__}")
    raise RuntimeError("no spaCy English pipeline is installed (tried " + "; ".join(tried) + ")")


def build_nlp(config: Config | None = None) -> Language:
    config = config or Config.load()
    ensure_extensions()
    nlp = load_model(config.model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventlens_paragraphs", before="parser")
    for stage in config.stages:
        nlp.add_pipe(stage, config=config.stage_config.get(stage, {}))
    return nlp


class Pipeline:
    """Turns Articles into Results. Load once, reuse: model loading is the slow part."""

    def __init__(self, config: Config | None = None, nlp: Language | None = None):
        self.config = config or Config.load()
        self.nlp = nlp or build_nlp(self.config)

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        version = f"eventlens-{__version__}+{meta.get('name', '?')}-{meta.get('version', '?')}"
        if "eventlens_event_classifier" in self.nlp.pipe_names:  # results depend on a user's model
            version += "+trained-events"
        return version

    @staticmethod
    def codes(article: Article) -> bool:
        """Whether the pipeline codes this article: empty and non-English articles are
        stored and reported, not coded."""
        return bool(article.text.strip()) and article.language in (None, "en")

    def _should_code(self, article: Article) -> bool:
        if not self.codes(article):
            return False
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise ArticleTooLong(f"article has {len(article.text):,} characters; the limit for coding is "
                                 f"{MAX_ARTICLE_CHARS:,}")
        return True

    def _make_doc(self, article: Article):
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        doc._.trace = {}
        return doc

    def process(self, article: Article) -> Result:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Result]:
        """Results in input order. Uncodable articles (non-English, empty) get empty results."""
        pending: list[tuple[Article, bool]] = []
        for article in articles:
            pending.append((article, self._should_code(article)))
            if len(pending) >= batch_size:
                yield from self._run(pending, batch_size)
                pending = []
        if pending:
            yield from self._run(pending, batch_size)

    def _run(self, pending, batch_size):
        chunked = [chunk_articles(a) if code else [] for a, code in pending]
        docs = [self._make_doc(chunk) for chunks in chunked for _, chunk in chunks]
        done = iter(self.nlp.pipe(docs, batch_size=batch_size)) if docs else iter(())
        for (article, code), chunks in zip(pending, chunked):
            if not code:
                yield Result(article=article, pipeline_version=self.version)
            elif len(chunks) == 1:
                yield doc_to_result(next(done), self.version)
            else:
                parts = [(offset, doc_to_result(next(done))) for offset, _ in chunks]
                yield merge_results(article, parts, self.version)


def doc_to_result(doc, version: str | None = None) -> Result:
    """Collect what the stages left on ``doc._`` into the output contract."""
    return Result(
        article=doc._.article,
        actors=doc._.actors or [],
        places=doc._.places or [],
        events=doc._.events or [],
        statements=doc._.statements or [],
        claims=doc._.claims or [],
        pipeline_version=version,
    )


def get_stage(name: str):
    return importlib.import_module(f"{__name__}.{name}")
