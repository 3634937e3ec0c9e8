"""Placeholder for the statements stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "statements"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_statements")
def make_stage(nlp, name):
    return Stage()
