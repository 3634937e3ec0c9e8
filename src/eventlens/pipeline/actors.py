"""Placeholder for the actors stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "actors"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_actors")
def make_stage(nlp, name):
    return Stage()
