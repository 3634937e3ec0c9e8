"""Placeholder for the dates stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "dates"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_dates")
def make_stage(nlp, name):
    return Stage()
