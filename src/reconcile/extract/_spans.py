"""Spans and the attribution record the rules fill in; lookups in sorted quotation spans."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

__all__ = ["Attribution", "Span", "_Marks", "_inside", "_quote_at", "_trim"]

Span = tuple[int, int]


@attrs.frozen
class Attribution:
    """One attributed statement found in a text, as character spans into that text.

    Attributes
    ----------
    cue : tuple of int
        The span of the cue ('said', 'according to', 'told').
    source : tuple of int or None
        The span of the source mention ('the mayor', 'he'); None when the text names
        nobody ('Trump is expected to speak', 'the plan appears to fail'), and then no
        claim is made of it.
    content : tuple of spans
        What was said; two spans for a quote split around its attribution.
    quote : bool
        True when the content is a direct quotation.
    sentence : tuple of int
        The span of the sentence holding the cue.
    relay : tuple of int or None
        The outlet that relayed the source in this sentence ('sources quoted by
        Reuters'), when the text says so.
    question : bool
        True when the content is a question: put to someone ('Asked whether he would
        run, ...'), indirect ('declined to say whether ...', 'asked if ...') or quoted
        ('"Will it last?" she asked').
        Reported, but not a statement of fact, so no claim is made of it.
    nominal : bool
        True when a noun names the statement ("Trump's claim that ..."). Its content
        runs to the end of the sentence and may take in the sentence's own verb
        ('... was rigged drew scorn'), so no claim is made of it either.
    topic : bool
        True when the content is what was talked about, not what was said ('spoke
        about the drug crisis'), or only the object of a verb of praise, blame or
        mention ('endorsed Clinton', 'criticized the plan'); no claim is made of it.
    """

    cue: Span
    source: Span | None
    content: tuple[Span, ...]
    quote: bool = False
    sentence: Span = (0, 0)
    relay: Span | None = None
    question: bool = False
    nominal: bool = False
    topic: bool = False

    def cue_text(self, text: str) -> str:
        """The cue words as they appear in `text`."""
        return text[self.cue[0] : self.cue[1]]

    def source_text(self, text: str) -> str | None:
        """The source mention as it appears in `text` (None without one)."""
        return None if self.source is None else text[self.source[0] : self.source[1]]

    def content_text(self, text: str) -> str:
        """The content spans of `text`, joined by a space."""
        return " ".join(text[s:e] for s, e in self.content)


@attrs.frozen
class _Marks:
    """Where a text's quotations and sentences are, for the rules that read past one
    cue; each list sorted, with the starts of its spans beside it for bisecting."""

    quotes: Sequence[Span]
    quote_starts: Sequence[int]
    sentences: Sequence[Span]
    sentence_starts: Sequence[int]


def _quote_at(quotes: Sequence[Span], starts: Sequence[int], pos: int, end: int) -> int:
    """Index of the first quote starting in [pos, end), or -1."""
    q = bisect.bisect_left(starts, pos)
    return q if q < len(quotes) and quotes[q][0] < end else -1


def _inside(quotes: Sequence[Span], starts: Sequence[int], pos: int) -> bool:
    q = bisect.bisect_right(starts, pos) - 1
    return q >= 0 and quotes[q][0] <= pos < quotes[q][1]


def _trim(text: str, start: int, end: int) -> Span | None:
    """`start`-`end` without surrounding spaces, commas and quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”'‘’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-\"“”'‘’."):
        end -= 1
    return (start, end) if end - start >= 2 else None
