"""eventlens: news in, a sourced, queryable record of political events out.

    >>> import eventlens
    >>> result = eventlens.extract("Gunmen killed two police officers in Kirkuk on Monday.",
    ...                            published="2024-03-05")
    >>> result.events[0].plover_type
"""
from __future__ import annotations

__version__ = "0.1.0"

_PIPELINE = None


def get_pipeline():
    """The process-wide default Pipeline (loaded on first use)."""
    global _PIPELINE
    if _PIPELINE is None:
        from .pipeline import Pipeline
        _PIPELINE = Pipeline()
    return _PIPELINE


def extract(text_or_article, published=None, title=None, source=None, url=None):
    """Code one article. ``text_or_article`` is raw text (first line = title, as in .txt
    files, unless ``title`` is given) or an ``eventlens.model.Article``."""
    from .ingest import article_from_text
    from .model import Article
    if isinstance(text_or_article, Article):
        article = text_or_article
    else:
        article = article_from_text(text_or_article, published=published, title=title,
                                    source=source, url=url)
    return get_pipeline().process(article)
