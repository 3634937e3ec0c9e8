"""Offline knowledge bases: actors (``kb.actors``) and places (``kb.places``)."""
from .actors import (ActorKB, ActorRecord, KBError, Title, default_kb, demonym_index, demonyms,
                     name_key, name_tokens, normalise)

__all__ = ["ActorKB", "ActorRecord", "KBError", "Title", "default_kb", "demonym_index", "demonyms",
           "name_key", "name_tokens", "normalise"]
