"""``eventlens train events LABELLED.csv``: fit an ACLED event classifier to the user's own export.

A spaCy ``textcat`` (exclusive classes; bag-of-words n-grams by default, no vectors, CPU)
learns the label column (ACLED ``sub_event_type`` by default) from the text column
(``notes``). The event type follows from the sub-type through ACLED's fixed hierarchy, read
off the training rows themselves (the ``event_type`` most rows of each sub-type carry), so
the model always agrees with the schema of the export it learned from.

Saved layout, loaded by the ``eventlens_event_classifier`` stage:

    OUT/model/           the spaCy pipeline (``nlp.to_disk``)
    OUT/eventlens.json   labels, hierarchy, columns, row counts, held-out scores, date
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ..evaluate.metrics import accuracy, f1_report

# The stage module (``eventlens.pipeline.event_classifier``) owns the saved layout and the text
# cleaning; it is imported inside functions because importing the pipeline package loads
# spaCy and every stage, which the other CLI commands should not pay for.

DEFAULT_OUT = "models/events"
TEXT_COLUMN, LABEL_COLUMN, PARENT_COLUMN = "notes", "sub_event_type", "event_type"

# Bag-of-words unigrams+bigrams: trains in seconds per epoch on a few thousand notes.
BOW_MODEL = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
             "no_output_layer": False, "length": 262144}
# BOW plus a small CNN over hashed word features (no pretrained vectors): slower, sometimes better.
ENSEMBLE_MODEL = {
    "@architectures": "spacy.TextCatEnsemble.v2", "nO": None,
    "linear_model": BOW_MODEL,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
                   "maxout_pieces": 3, "depth": 2},
    },
}
ARCHITECTURES = {"bow": BOW_MODEL, "ensemble": ENSEMBLE_MODEL}
# spaCy's usual schedule: small batches first. On ACLED notes it beat fixed batches of 16-64
# (held-out accuracy 0.875 vs 0.857-0.862); fixed 64 trains about 5x faster.
BATCH_START, BATCH_STOP = 4.0, 32.0


class TrainingError(ValueError):
    """A problem with the labelled file or the options (reported, not a traceback)."""


@dataclass
class LabelledRow:
    text: str
    label: str
    parent: Optional[str] = None  # the event_type of a sub_event_type label


@dataclass
class LabelledData:
    rows: list[LabelledRow]
    read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> rows


def read_labelled(path: str | Path, text_column: str = TEXT_COLUMN, label_column: str = LABEL_COLUMN,
                  parent_column: Optional[str] = PARENT_COLUMN) -> LabelledData:
    """Rows with text and label; rows missing either are counted in ``skipped``, not fatal."""
    from ..pipeline.event_classifier import clean_text
    path = Path(path)
    if not path.is_file():
        raise TrainingError(f"{path}: no such file")
    data = LabelledData(rows=[])
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            columns = reader.fieldnames or []
            missing = [c for c in (text_column, label_column) if c not in columns]
            if missing:
                raise TrainingError(f"{path}: no column {', '.join(map(repr, missing))} "
                                    f"(columns: {', '.join(columns) or 'none'})")
            use_parent = parent_column in columns and parent_column != label_column
            for row in reader:
                data.read += 1
                text = clean_text(row.get(text_column) or "")
                label = (row.get(label_column) or "").strip()
                if not text:
                    data.skipped[f"no {text_column}"] += 1
                elif not label:
                    data.skipped[f"no {label_column}"] += 1
                else:
                    parent = (row.get(parent_column) or "").strip() or None if use_parent else None
                    data.rows.append(LabelledRow(text, label, parent))
    except UnicodeDecodeError as exc:
        raise TrainingError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except csv.Error as exc:
        raise TrainingError(f"{path}: not a readable CSV file ({exc})") from exc
    return data


def split_rows(rows: list[LabelledRow], dev_fraction: float, seed: int) -> tuple[list, list]:
    """(train, held-out), stratified by label so rare labels appear on both sides when they
    can; a label seen once stays in training."""
    if not 0 <= dev_fraction < 1:
        raise TrainingError("--dev-fraction must be at least 0 and below 1")
    rng = random.Random(seed)
    by_label: dict[str, list[LabelledRow]] = defaultdict(list)
    for r in rows:
        by_label[r.label].append(r)
    train, dev = [], []
    for label in sorted(by_label):
        items = list(by_label[label])
        rng.shuffle(items)
        k = min(round(len(items) * dev_fraction), len(items) - 1)
        dev += items[:k]
        train += items[k:]
    rng.shuffle(train)
    return train, dev


def hierarchy(rows: list[LabelledRow]) -> dict[str, str]:
    """Label -> the parent (event_type) most of its rows carry."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r.parent:
            votes[r.label][r.parent] += 1
    return {label: c.most_common(1)[0][0] for label, c in sorted(votes.items())}


def make_nlp(labels: list[str], architecture: str = "bow"):
    import spacy
    if architecture not in ARCHITECTURES:
        raise TrainingError(f"--arch must be one of {', '.join(ARCHITECTURES)}")
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": ARCHITECTURES[architecture]})
    for label in labels:
        textcat.add_label(label)
    return nlp


def fit(nlp, rows: list[LabelledRow], epochs: int, seed: int, dropout: float = 0.2,
        batch_size: Optional[int] = None, on_epoch: Optional[Callable[[int, float], None]] = None):
    """Train ``nlp``'s textcat on ``rows`` in place (deterministic for a seed)."""
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch
    fix_random_seed(seed)
    labels = nlp.get_pipe("textcat").labels
    examples = [Example.from_dict(nlp.make_doc(r.text), {"cats": {lab: float(lab == r.label) for lab in labels}})
                for r in rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        sizes = batch_size or compounding(BATCH_START, BATCH_STOP, 1.001)
        for batch in minibatch(examples, size=sizes):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        if on_epoch:
            on_epoch(epoch, losses.get("textcat", 0.0))
    return nlp


def predict(nlp, texts: list[str], batch_size: int = 64) -> list[tuple[str, float]]:
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        label = max(doc.cats, key=doc.cats.get)
        out.append((label, float(doc.cats[label])))
    return out


def held_out_scores(nlp, rows: list[LabelledRow], parents: dict[str, str]) -> dict:
    predicted = [label for label, _ in predict(nlp, [r.text for r in rows])]
    pairs = [(r.label, p) for r, p in zip(rows, predicted)]
    report = f1_report(pairs)
    scores = {"rows": len(rows), "accuracy": accuracy(pairs), "macro_f1": report["macro_f1"],
              "weighted_f1": report["weighted_f1"],
              "per_label": {k: {m: round(v, 4) for m, v in d.items()} for k, d in sorted(report["per_label"].items())}}
    parent_pairs = [(r.parent, parents.get(p)) for r, p in zip(rows, predicted) if r.parent]
    if parent_pairs:
        scores["parent_accuracy"] = accuracy(parent_pairs)
    return scores


def train_events(path: str | Path, out: str | Path = DEFAULT_OUT, epochs: int = 10, dev_fraction: float = 0.2,
                 text_column: str = TEXT_COLUMN, label_column: str = LABEL_COLUMN,
                 parent_column: Optional[str] = PARENT_COLUMN, seed: int = 0, architecture: str = "bow",
                 batch_size: Optional[int] = None, on_epoch: Optional[Callable[[int, float], None]] = None) -> dict:
    """Read, split, fit, score on the held-out part, save. Returns the saved meta."""
    from ..pipeline.event_classifier import META_FILE, MODEL_DIR
    if epochs < 1:
        raise TrainingError("--epochs must be at least 1")
    data = read_labelled(path, text_column, label_column, parent_column)
    labels = sorted({r.label for r in data.rows})
    if len(labels) < 2:
        raise TrainingError(f"{path}: need rows of at least two {label_column} values, found {len(labels)}")
    train, dev = split_rows(data.rows, dev_fraction, seed)
    parents = hierarchy(data.rows)
    nlp = make_nlp(labels, architecture)
    fit(nlp, train, epochs, seed, batch_size=batch_size, on_epoch=on_epoch)
    meta = {
        "kind": "eventlens-event-classifier",
        "predicts": "event_type" if label_column == parent_column else "sub_event_type",
        "labels": labels,
        "hierarchy": parents,
        "text_column": text_column, "label_column": label_column, "parent_column": parent_column,
        "architecture": architecture, "epochs": epochs, "batch_size": batch_size, "seed": seed,
        "dev_fraction": dev_fraction,
        "rows": {"read": data.read, "skipped": dict(data.skipped), "train": len(train), "held_out": len(dev)},
        "label_counts": dict(sorted(Counter(r.label for r in data.rows).items())),
        # how long a text the model is used to (the stage reads longer articles sentence-wise)
        "text_chars_p95": sorted(len(r.text) for r in data.rows)[int(0.95 * (len(data.rows) - 1))],
        "scores": held_out_scores(nlp, dev, parents) if dev else None,
        "source": Path(path).name,
        "trained_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out / MODEL_DIR)
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


# --------------------------------------------------------------------------- command line

def register(app) -> None:
    """Add ``events`` to the ``eventlens train`` app."""
    import typer
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)

    @app.command("events")
    def train_events_command(
            path: str = typer.Argument(..., help="labelled CSV (an ACLED export: notes, event_type, sub_event_type)"),
            out: Path = typer.Option(Path(DEFAULT_OUT), "--out", help="directory for the model and its meta"),
            epochs: int = typer.Option(10, help="passes over the training rows"),
            dev_fraction: float = typer.Option(0.2, help="share of rows held out for scoring (0: train on all)"),
            text_column: str = typer.Option(TEXT_COLUMN, help="column with the event text"),
            label_column: str = typer.Option(LABEL_COLUMN, help="column with the label to learn"),
            seed: int = typer.Option(0, help="random seed (split, initialisation, order)"),
            arch: str = typer.Option("bow", help="bow (fast) or ensemble (bow + small CNN)"),
            batch_size: int = typer.Option(0, help="rows per update; 0: growing from 4 to 32 (slower, a bit better)")):
        """Fit an ACLED event classifier; use it with EVENTLENS_EVENT_MODEL=OUT or eventlens.toml."""
        def progress(epoch: int, loss: float) -> None:
            console.print(f"epoch {epoch}/{epochs}  loss {loss:.3f}", highlight=False)
        try:
            meta = train_events(path, out, epochs=epochs, dev_fraction=dev_fraction, text_column=text_column,
                                label_column=label_column, seed=seed, architecture=arch,
                                batch_size=batch_size or None, on_epoch=progress)
        except TrainingError as exc:
            console.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2)
        rows = meta["rows"]
        skipped = ", ".join(f"{n} {why}" for why, n in rows["skipped"].items()) or "none"
        console.print(f"{rows['read']} rows read, skipped: {skipped}; {rows['train']} trained on, "
                      f"{rows['held_out']} held out; {len(meta['labels'])} labels", highlight=False)
        unparented = [lab for lab in meta["labels"] if lab not in meta["hierarchy"]]
        if meta["predicts"] == "sub_event_type" and unparented:
            console.print(f"[yellow]note[/yellow]: no event_type for {', '.join(unparented)}; "
                          "the pipeline will not use the model for these", highlight=False)
        scores = meta["scores"]
        if scores:
            table = Table(title=f"held-out {meta['label_column']} ({scores['rows']} rows)")
            table.add_column("metric")
            table.add_column("value", justify="right")
            for key in ("accuracy", "macro_f1", "weighted_f1", "parent_accuracy"):
                if scores.get(key) is not None:
                    table.add_row(key if key != "parent_accuracy" else f"{meta['parent_column']} accuracy",
                                  f"{scores[key]:.3f}")
            console.print(table)
        console.print(f"saved {out} (set EVENTLENS_EVENT_MODEL={out} to use it)", highlight=False)
