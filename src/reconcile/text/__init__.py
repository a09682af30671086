"""Text processing for linking: tokens, stems, cue lexicons, numbers and dates."""

from reconcile.text.cues import Cues, analyse, antonym_pairs, clauses
from reconcile.text.tokens import STOP_WORDS, content_terms, sentences, stem, tokens

__all__ = [
    "STOP_WORDS",
    "Cues",
    "analyse",
    "antonym_pairs",
    "clauses",
    "content_terms",
    "sentences",
    "stem",
    "tokens",
]
