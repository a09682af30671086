"""Where a news text's sentences and quotations are, read once over the whole text.

Offsets are kept: HTML is blanked rather than removed, so every span found here is a
span of the text as given.

Examples
--------
>>> t = 'Mr. Khan left. "It is over," he said.'
>>> [t[s:e] for s, e in sentence_spans(t)]
['Mr. Khan left.', '"It is over," he said.']
>>> [t[s:e] for s, e in quote_spans(t)]
['It is over,']
"""

from __future__ import annotations

import html
import re

__all__ = [
    "MAX_SENTENCE",
    "blank_markup",
    "closes_like_right_mark",
    "quote_spans",
    "sentence_spans",
]

Span = tuple[int, int]

# A sentence ends at . ! ? (and any closing quote) before a capital, or at a blank line.
# (It opens with one character class, as _QUOTE_CHARS opens with literals only: the
# engine then skips to the next such character in C, where a pattern opening with
# alternatives of classes is tried at every position, two to three times slower.)
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=\n)[ \t]*\n"
    r"|(?<=[.!?])\s*\n)"
)
_NOT_ENDING = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt capt maj prof inc corp co ltd jr sr vs no "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Longest stretch read as one sentence: text without punctuation is cut into pieces so
# the rules stay linear in its length.
MAX_SENTENCE = 1500
_QUOTE_CHARS = re.compile(r"“|”|\"|''")
_TAG = re.compile(r"<[^<>]{0,2000}>")


def blank_markup(text: str) -> str:
    """`text` read as plain text, every character at its place (offsets survive).

    HTML tags become spaces, and a block tag (paragraph, line break, heading, list
    item, cell) a paragraph break; a character entity ("&quot;", "&#8220;") becomes its
    character after spaces.

    Examples
    --------
    >>> blank_markup("<p>He said &quot;no&quot;.</p><p>Yes.</p>")
    '   He said      "no     ".  \\n\\n   Yes.  \\n\\n'
    """
    if "<" in text:
        text = _TAG.sub(_blank_tag, text)
    if "&" in text:
        text = _ENTITY.sub(_blank_entity, text)
    return text


_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article)\b",
                    re.IGNORECASE)  # fmt: skip
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def _blank_tag(match: re.Match[str]) -> str:
    tag = match.group()
    if len(tag) >= 4 and _BLOCK.match(tag):
        return " " * (len(tag) - 2) + "\n\n"
    return " " * len(tag)


def _blank_entity(match: re.Match[str]) -> str:
    entity = match.group()
    char = html.unescape(entity)
    if len(char) != 1 or char == entity:
        return entity  # unknown: left as written
    # the spaces go first, so an opening quotation mark still touches its first word
    return " " * (len(entity) - 1) + (" " if char == "\xa0" else char)


def sentence_spans(text: str) -> list[Span]:
    """Character spans of the sentences of `text`, each at most ``MAX_SENTENCE`` long.

    Examples
    --------
    >>> t = "Mr. Khan left. The U.S. agreed!"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Mr. Khan left.', 'The U.S. agreed!']
    """
    spans: list[Span] = []
    start = 0
    size = len(text)
    for match in _SENTENCE_END.finditer(text):
        p = match.start()
        ch = text[p]
        # five letters before the point are a long word ('agreement.'), never an
        # abbreviation: most points are settled by that one test
        if ch == "." and not (p - start >= 5 and text[p - 5 : p].isalpha()):
            words = text[max(start, p - 6) : p].split()
            last = words[-1].rsplit(".", 1)[-1].lower() if words else ""
            abbreviation = (len(last) <= 1 and last.isalpha()) or last in _NOT_ENDING
            # an abbreviation ends no sentence, but a paragraph break after it does
            # ('... at 12:05 a.m.' then a new paragraph), and so does a line break after
            # one that is no title ('... into the U.S.' then the next line; not 'Mr.')
            breaks = text.count("\n", p, match.end())
            if abbreviation and breaks < 2 and (breaks == 0 or last in _NOT_ENDING):
                continue
        if ch in ".!?":
            end = p + 1
            while end < size and text[end] in "\"'”’)]":
                end += 1
        else:
            end = p
        _add_sentence(text, start, end, spans)
        start = match.end()
    _add_sentence(text, start, size, spans)
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[Span]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def closes_like_right_mark(text: str, pos: int) -> bool:
    """Whether the “ at `pos` stands where ” belongs: right after a word and before a
    space, punctuation or the end ('“Not so,“ he said', as some feeds print it).

    Examples
    --------
    >>> t = '“Not so,“ he said.'
    >>> closes_like_right_mark(t, 0), closes_like_right_mark(t, 8)
    (False, True)
    """
    end = pos + 1
    return (
        pos > 0
        and not text[pos - 1].isspace()
        and (end == len(text) or text[end].isspace() or text[end] in ".,;:!?)")
    )


def quote_spans(text: str) -> list[Span]:
    """Spans of the direct quotations of `text`, quotation marks excluded.

    Curly marks pair as opening and closing; a straight mark opens after a space or an
    opening bracket and closes otherwise. A quote left open at the end of a paragraph
    continues when the next paragraph opens with a quotation mark (the newspaper
    convention), else it ends there.

    Examples
    --------
    >>> t = '"A," he said, "B." And “C\\n\\n“D.”'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['A,', 'B.', 'C', 'D.']
    >>> t = '“Not so,“ he said.'  # a “ where ” belongs, as some feeds print it
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['Not so,']
    """
    spans: list[Span] = []
    open_at = -1
    scanned = 0  # each character is searched for a paragraph break once
    for match in _QUOTE_CHARS.finditer(text):
        pos, char = match.start(), match.group()
        before = text[pos - 1] if pos else " "
        straight = char in ('"', "''")
        after = text[match.end()] if match.end() < len(text) else " "
        opening = (
            # (a “ typed where ” belongs closes an open quotation)
            char == "“" and not (open_at >= 0 and closes_like_right_mark(text, pos))
        ) or (straight and (before.isspace() or before in "([—-") and not after.isspace())
        if open_at >= 0:
            # a paragraph break inside an open quote ends that paragraph's part
            brk = text.find("\n", max(open_at, scanned), pos)
            scanned = pos
            if brk >= 0:
                spans.append((open_at, brk))
                open_at = -1
        if opening and open_at < 0:
            open_at = match.end()
        elif not opening and open_at >= 0:
            spans.append((open_at, pos))
            open_at = -1
    if open_at >= 0:
        end = text.find("\n", open_at)
        spans.append((open_at, len(text) if end < 0 else end))
    return [(s, e) for s, e in spans if e > s]
