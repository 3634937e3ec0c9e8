"""Paragraph boundaries as sentence starts, set before the parser runs.

News text is stored one paragraph per block; headings and list items carry no
final punctuation, so the statistical parser would join them to the next
paragraph's sentence and give every later stage wrong subjects and spans.
The parser keeps sentence starts that are already set.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBoundaries:
    def __call__(self, doc: Doc) -> Doc:
        for token in self.find(doc):
            token.is_sent_start = True
        return doc

    @staticmethod
    def find(doc: Doc):
        """Tokens that follow a line break (whitespace tokens holding a newline)."""
        prev_break = False
        for i, token in enumerate(doc):
            if i > 0 and prev_break and not token.is_space:
                yield token
                prev_break = False
            if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
                prev_break = True


@Language.factory("eventlens_paragraphs")
def make_paragraph_boundaries(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()
