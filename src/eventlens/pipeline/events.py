"""Placeholder for the events stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "events"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_events")
def make_stage(nlp, name):
    return Stage()
