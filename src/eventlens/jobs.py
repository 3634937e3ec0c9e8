"""Jobs that join the edges: read inputs -> code them -> keep them in the store.

This is the only module that touches readers, the pipeline and the store together;
stages stay free of IO and the store stays free of NLP.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .ingest import InputError, IngestError, RawInput, build_article, iter_inputs
from .ingest.dedup import Deduplicator
from .model import Article, Result

log = logging.getLogger(__name__)


@dataclass
class JobReport:
    stored: int = 0          # new or re-coded articles written to the store
    unchanged: int = 0       # same content already stored: nothing to do
    duplicates: int = 0      # near-duplicates linked with duplicate_of (also stored)
    not_coded: int = 0       # stored but not coded (non-English, empty, too long)
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0


def _where(path: str, index: Optional[int]) -> str:
    return f"{path}:{index + 1}" if index is not None else path


def _code(pipeline, articles: list[Article]) -> list[tuple[Article, Optional[Result], Optional[str]]]:
    """Code a batch; if the batch fails, code one by one so one bad article can't sink the rest."""
    try:
        return [(a, r, None) for a, r in zip(articles, pipeline.pipe(articles))]
    except Exception:  # noqa: BLE001 - isolate the culprit below
        out = []
        for a in articles:
            try:
                out.append((a, pipeline.process(a), None))
            except Exception as exc:  # noqa: BLE001
                out.append((a, None, f"{exc.__class__.__name__}: {exc}"))
        return out


def ingest(paths: Iterable[str], store, pipeline, published=None, text_column=None,
           batch_size: int = 16, force: bool = False,
           on_error: Callable[[str], None] = lambda msg: None,
           on_progress: Callable[[str], None] = lambda path: None) -> JobReport:
    """Read, clean, code and store every input. Never raises for bad input."""
    report = JobReport()
    dedup = Deduplicator()
    for article_id, sig in store.minhashes():
        dedup.add_signature(article_id, sig)

    batch: list[tuple[Article, RawInput]] = []

    def fail(path, index, message):
        report.failed += 1
        line = f"{_where(path, index)}: {message}"
        report.errors.append(line)
        store.record_failure(path, index, message)
        on_error(line)

    def flush():
        coded = _code(pipeline, [a for a, _ in batch])
        for (article, raw), (_, result, error) in zip(batch, coded):
            if error is not None:
                fail(raw.path, raw.index, f"could not be coded ({error}); the article is stored uncoded")
                store.save_result(Result(article=article), raw=raw.raw, raw_format=raw.format,
                                  status="error", error=error)
                continue
            coded_anything = pipeline.codes(article)
            if not coded_anything:
                report.not_coded += 1
            store.save_result(result, raw=raw.raw, raw_format=raw.format,
                              status="coded" if coded_anything else "not-coded",
                              minhash=dedup.signature(article.text))
            report.stored += 1
        batch.clear()

    for item in iter_inputs(list(paths), text_column=text_column):
        if isinstance(item, InputError):
            fail(item.path, item.index, item.message)
            continue
        on_progress(_where(item.path, item.index))
        try:
            article = build_article(item, published=published)
        except IngestError as exc:
            fail(item.path, item.index, str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            fail(item.path, item.index, f"unexpected {exc.__class__.__name__}: {exc}")
            continue
        if not force and (store.find_by_hash(article.content_hash) or
                          any(a.content_hash == article.content_hash for a, _ in batch)):
            report.unchanged += 1
            continue
        if article.duplicate_of is None and article.text.strip():
            dup = dedup.find(article.text)
            if dup and dup != article.id:
                article.duplicate_of = dup
                report.duplicates += 1
        dedup.add(article.id, article.text)
        batch.append((article, item))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report


def reprocess(store, pipeline, article_ids: Optional[list[str]] = None,
              on_error: Callable[[str], None] = lambda msg: None) -> JobReport:
    """Re-code stored articles from their stored raw input with the current pipeline."""
    report = JobReport()
    ids = article_ids or [row["id"] for row in store.articles(limit=None)]
    for article_id in ids:
        old = store.get_result(article_id)
        if old is None:
            report.failed += 1
            msg = f"{article_id}: no such article"
            report.errors.append(msg)
            on_error(msg)
            continue
        raw, raw_format = store.get_raw(article_id)
        article = old.article
        if raw is not None and raw_format is not None:
            try:
                rebuilt = build_article(RawInput.from_stored(raw, raw_format, article), published=article.published)
                article = rebuilt.model_copy(update={"id": article.id, "duplicate_of": article.duplicate_of})
            except Exception as exc:  # noqa: BLE001 - keep the stored text if the raw can't be re-read
                log.warning("%s: raw input could not be re-read (%s); re-coding the stored text", article_id, exc)
        (a, result, error), = _code(pipeline, [article])
        if error:
            report.failed += 1
            report.errors.append(f"{article_id}: {error}")
            on_error(f"{article_id}: {error}")
            continue
        store.save_result(result, raw=raw, raw_format=raw_format,
                          status="coded" if pipeline.codes(article) else "not-coded")
        report.stored += 1
    return report
