"""Small, dependency-free metrics shared by the evaluators."""
from __future__ import annotations

import math
from collections import Counter, defaultdict


def accuracy(pairs) -> float | None:
    pairs = list(pairs)
    return sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else None


def f1_report(pairs) -> dict:
    """Per-label precision/recall/F1 plus macro and support-weighted F1 over gold labels."""
    pairs = list(pairs)
    tp, fp, fn, support = Counter(), Counter(), Counter(), Counter()
    for gold, pred in pairs:
        support[gold] += 1
        if gold == pred:
            tp[gold] += 1
        else:
            fn[gold] += 1
            fp[pred] += 1
    per = {}
    for label in support:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / support[label]
        per[label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                      "support": support[label]}
    total = sum(support.values())
    return {
        "per_label": per,
        "macro_f1": sum(v["f1"] for v in per.values()) / len(per) if per else None,
        "weighted_f1": sum(v["f1"] * v["support"] for v in per.values()) / total if total else None,
    }


def confusion(pairs) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for gold, pred in pairs:
        table[gold][pred] += 1
    return table


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
