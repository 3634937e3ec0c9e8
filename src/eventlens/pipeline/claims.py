"""Placeholder for the claims stage (being written)."""
from spacy.language import Language


class Stage:
    attr = "claims"

    def __call__(self, doc):
        setattr(doc._, self.attr, [])
        return doc


@Language.factory("eventlens_claims")
def make_stage(nlp, name):
    return Stage()
