"""Placeholder for the places stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "places"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_places")
def make_stage(nlp, name):
    return Stage()
