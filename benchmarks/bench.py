"""Benchmark: the full eventlens pipeline against bare spaCy (same model, same texts).

    .venv/bin/python benchmarks/bench.py [--n 500] [--out bench-out/] [--stage-n 60]

The corpus is generated deterministically (benchmarks/generate.py). Every measurement runs
in its own fresh process so that peak memory (ru_maxrss) belongs to that measurement alone.
Model loading and a short warm-up are timed separately and excluded from throughput.

Measurements:
  bare    spacy.load(model); list(nlp.pipe(texts, batch_size))
  full    eventlens.pipeline.Pipeline(); list(pipe.pipe(articles))
  stages  on the first --stage-n articles: the spaCy model once, then each eventlens stage
          timed on its own, to show what share of the total each stage takes.
Results are printed as tables and written to OUT/bench.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_corpus, to_txt  # noqa: E402


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def build_articles(n: int, seed: int):
    """Articles as `eventlens ingest` builds them from .txt files, plus the build time."""
    from eventlens.ingest import article_from_text

    t0 = time.perf_counter()
    articles = [article_from_text(to_txt(raw)).model_copy(update={"id": raw["id"]})
                for raw in generate_corpus(n, seed)]
    return articles, time.perf_counter() - t0


def _config(model: str | None):
    from eventlens.config import Config

    cfg = Config.load()
    if model:
        cfg.model = model
    return cfg


def _throughput(seconds: float, cpu_seconds: float, docs: int, words: int) -> dict:
    # CPU time is reported next to wall time: on a shared machine it is the steadier number.
    return dict(seconds=round(seconds, 3), cpu_seconds=round(cpu_seconds, 3),
                articles_per_s=round(docs / seconds, 2), words_per_s=round(words / seconds, 1))


def measure_bare(opts: dict) -> dict:
    import spacy

    articles, _ = build_articles(opts["n"], opts["seed"])
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    model = opts["model"] or _config(None).model
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(nlp.pipe(texts[: opts["warmup"]], batch_size=opts["batch_size"]))
    warmup_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=opts["batch_size"]))
    run_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
    return dict(model=model, pipes=list(nlp.pipe_names), load_s=round(load_s, 3),
                warmup_s=round(warmup_s, 3), articles=len(docs), words=words,
                peak_rss_mb=round(_peak_rss_mb(), 1), **_throughput(run_s, cpu_s, len(docs), words))


def measure_full(opts: dict) -> dict:
    from eventlens.pipeline import Pipeline

    articles, ingest_s = build_articles(opts["n"], opts["seed"])
    words = sum(len(a.text.split()) for a in articles)
    t0 = time.perf_counter()
    pipe = Pipeline(_config(opts["model"]))
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(pipe.pipe(articles[: opts["warmup"]], batch_size=opts["batch_size"]))
    warmup_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    results = list(pipe.pipe(articles, batch_size=opts["batch_size"]))
    run_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
    found = {kind: sum(len(getattr(r, kind)) for r in results)
             for kind in ("actors", "places", "events", "statements", "claims")}
    meta = pipe.nlp.meta
    return dict(model=f"{meta.get('lang')}_{meta.get('name')}", pipes=list(pipe.nlp.pipe_names),
                load_s=round(load_s, 3), warmup_s=round(warmup_s, 3),
                ingest_s=round(ingest_s, 3), articles=len(results),
                # only English articles are coded; anything else would flatter the timing
                coded=sum(1 for a in articles if pipe._should_code(a)),
                words=words, found=found, peak_rss_mb=round(_peak_rss_mb(), 1),
                **_throughput(run_s, cpu_s, len(results), words))


def measure_stages(opts: dict) -> dict:
    """Time each eventlens stage on its own, in pipeline order, over the same docs.

    The spaCy part runs once with the eventlens stages disabled; then each stage is applied
    to all docs in turn, so its time is exactly its own (no re-running the model per step,
    which would be slower and noisier than timing Config(stages=stages[:k]) cumulatively).
    """
    from eventlens.pipeline import Pipeline, doc_to_result

    articles, _ = build_articles(opts["stage_n"], opts["seed"])
    articles = [a for a in articles if a.text.strip()]
    words = sum(len(a.text.split()) for a in articles)
    cfg = _config(opts["model"])
    pipe = Pipeline(cfg)
    stages = [s for s in cfg.stages if s in pipe.nlp.pipe_names]
    list(pipe.pipe(articles[: opts["warmup"]], batch_size=opts["batch_size"]))
    rows = []
    t0 = time.perf_counter()
    with pipe.nlp.select_pipes(disable=stages):
        docs = list(pipe.nlp.pipe((pipe._make_doc(a) for a in articles),
                                  batch_size=opts["batch_size"]))
    rows.append(("spaCy model", time.perf_counter() - t0))
    for name in stages:
        component = pipe.nlp.get_pipe(name)
        t0 = time.perf_counter()
        docs = [component(doc) for doc in docs]
        rows.append((name, time.perf_counter() - t0))
    t0 = time.perf_counter()
    [doc_to_result(doc, pipe.version) for doc in docs]
    rows.append(("result assembly", time.perf_counter() - t0))
    total = sum(sec for _, sec in rows)
    return dict(articles=len(articles), words=words, total_s=round(total, 3),
                stages=[dict(stage=name, seconds=round(sec, 3), share=round(sec / total, 4))
                        for name, sec in rows])


def _rss_mb() -> float:
    """Current resident memory (Linux); the peak would include the interpreter start-up."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_rss_mb()


def measure_kb(opts: dict) -> dict:
    """Load the gazetteer and the actor KB the way a worker process does, in a fresh
    process, and report seconds and memory added by each (the on-disk indexes are built
    once; a run that had to build them says so and is repeated warm)."""
    from eventlens.kb import places as kb_places
    from eventlens.kb.actors import default_kb

    cached = any(kb_places.cache_dir().glob("gazetteer-*.marshal"))
    rows = {}
    rss = _rss_mb()
    for name, load in (("gazetteer", kb_places.gazetteer), ("actor KB", default_kb)):
        t0 = time.perf_counter()
        loaded = load()
        seconds = time.perf_counter() - t0
        now = _rss_mb()
        rows[name] = dict(seconds=round(seconds, 3), rss_added_mb=round(now - rss, 1),
                          records=len(loaded.records) if hasattr(loaded, "records") else len(loaded))
        rss = now
    return dict(warm=cached, loads=rows)


MEASURES = {"bare": measure_bare, "full": measure_full, "stages": measure_stages, "kb": measure_kb}


def _child(kind: str, opts: dict, conn) -> None:
    try:
        conn.send(("ok", MEASURES[kind](opts)))
    except BaseException as exc:  # report any failure to the parent instead of dying silently
        conn.send(("error", f"{exc.__class__.__name__}: {exc}"))
        raise
    finally:
        conn.close()


def run_isolated(kind: str, opts: dict) -> dict:
    """Run one measurement in a fresh process (spawned, not forked: no inherited memory)."""
    ctx = mp.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(kind, opts, send), name=f"bench-{kind}")
    proc.start()
    send.close()
    try:
        status, value = receive.recv()
    except EOFError:  # the child died without a word (killed, crashed interpreter)
        status, value = "error", "measurement process died"
    proc.join()
    if status != "ok":
        raise RuntimeError(f"{value} (exit code {proc.exitcode})")
    return value


def print_report(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    # A fixed width keeps the tables readable when output is piped (make, CI logs).
    console = Console(width=None if sys.stdout.isatty() else 110)
    corpus = report["corpus"]
    console.print(f"[bold]eventlens benchmark[/]: {corpus['articles']} generated articles, "
                  f"{corpus['words']:,} words (seed {corpus['seed']}), model "
                  f"{report['model']}, batch size {report['batch_size']}, "
                  f"{report['machine']['cpus']} CPUs")
    table = Table(title="Throughput (model load and warm-up excluded)")
    for col in ("run", "load s", "warm-up s", "time s", "CPU s", "articles/s", "words/s",
                "peak RSS MB"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for label, key in (("bare spaCy", "bare"), ("eventlens pipeline", "full")):
        r = report.get(key)
        if r:
            table.add_row(label, f"{r['load_s']:.2f}", f"{r['warmup_s']:.2f}", f"{r['seconds']:.2f}",
                          f"{r['cpu_seconds']:.2f}", f"{r['articles_per_s']:.1f}", f"{r['words_per_s']:,.0f}",
                          f"{r['peak_rss_mb']:,.0f}")
    console.print(table)
    if report.get("ratio_full_to_bare") is not None:
        console.print(f"full / bare time ratio: [bold]{report['ratio_full_to_bare']:.2f}x[/] "
                      f"(CPU time: {report['cpu_ratio_full_to_bare']:.2f}x; load average at start "
                      f"{report['machine']['load_average']})")
    full = report.get("full")
    if full:
        console.print("found: " + ", ".join(f"{v:,} {k}" for k, v in full["found"].items())
                      + f"; {full['coded']} of {full['articles']} articles coded"
                      + f"; building the articles (ingest cleaning) took {full['ingest_s']:.2f}s")
    kb = report.get("kb")
    if kb:
        console.print("knowledge-base load per process ("
                      + ("warm index" if kb["warm"] else "index built on this run") + "): "
                      + "; ".join(f"{name} {r['seconds']:.2f}s, +{r['rss_added_mb']:.0f} MB, "
                                  f"{r['records']:,} records" for name, r in kb["loads"].items()))
    stages = report.get("stages")
    if stages:
        t = Table(title=f"Time per stage ({stages['articles']} articles, "
                        f"{stages['total_s']:.2f}s total)")
        t.add_column("stage")
        t.add_column("seconds", justify="right")
        t.add_column("% of total", justify="right")
        for row in stages["stages"]:
            t.add_row(row["stage"], f"{row['seconds']:.2f}", f"{100 * row['share']:.1f}")
        console.print(t)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles to generate (default 500)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="bench-out", help="folder for bench.json")
    parser.add_argument("--model", default=None, help="spaCy model (default: eventlens config)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=8, help="warm-up articles (untimed)")
    parser.add_argument("--stage-n", type=int, default=60,
                        help="articles for the per-stage breakdown (0 to skip)")
    args = parser.parse_args(argv)

    opts = dict(n=args.n, seed=args.seed, model=args.model, batch_size=args.batch_size,
                warmup=args.warmup, stage_n=min(args.stage_n, args.n))
    corpus = generate_corpus(args.n, args.seed)
    report: dict = dict(
        date=dt.datetime.now().isoformat(timespec="seconds"),
        corpus=dict(articles=len(corpus), seed=args.seed,
                    words=sum(a["words"] for a in corpus),
                    min_words=min(a["words"] for a in corpus),
                    max_words=max(a["words"] for a in corpus)),
        batch_size=args.batch_size,
        machine=dict(python=platform.python_version(), platform=platform.platform(),
                     cpus=os.cpu_count(),
                     # other work on the machine skews wall times; recorded to judge a run
                     load_average=[round(x, 2) for x in os.getloadavg()]),
    )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    kinds = ["kb", "bare", "full"] + (["stages"] if opts["stage_n"] > 0 else [])
    for kind in kinds:
        try:
            report[kind] = run_isolated(kind, opts)
            if kind == "kb" and not report[kind]["warm"]:  # that run built the index: time a warm one
                report[kind] = run_isolated(kind, opts)
        except Exception as exc:  # one failed measurement must not lose the others
            report[kind] = None
            report.setdefault("errors", {})[kind] = f"{exc.__class__.__name__}: {exc}"
        if report.get("bare") and report.get("full"):
            report["ratio_full_to_bare"] = round(
                report["full"]["seconds"] / report["bare"]["seconds"], 3)
            report["cpu_ratio_full_to_bare"] = round(
                report["full"]["cpu_seconds"] / report["bare"]["cpu_seconds"], 3)
        report["wall_s"] = round(time.perf_counter() - started, 1)
        # written after every measurement so a long run that is interrupted keeps its numbers
        (out / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    report["model"] = (report.get("bare") or {}).get("model") or opts["model"]
    (out / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_report(report)
    print(f"wrote {out / 'bench.json'} (wall time {report['wall_s']}s)")
    for kind, error in report.get("errors", {}).items():
        print(f"{kind} measurement failed: {error}", file=sys.stderr)
    if report.get("errors"):
        raise SystemExit(1)
    return report


if __name__ == "__main__":
    main()
