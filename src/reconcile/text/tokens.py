"""Tokenising, stemming and stop words: the shared vocabulary of linking.

Examples
--------
>>> tokens("The Taliban's talks weren't agreed: 17 years, U.S.-led!")
['the', 'taliban', 's', 'talks', 'weren', 't', 'agreed', '17', 'years', 'u', 's', 'led']
>>> content_terms("The talks were making significant progress")
['talk', 'mak', 'significant', 'progress']
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["STOP_WORDS", "content_terms", "sentences", "stem", "tokens"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")

# Words that carry no topic: function words, and negations and modals, which are cues
# (see reconcile.text.cues) rather than subject matter. tokens() keeps them all;
# content_terms() drops them.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves s t d ll m re ve said says say told tells according
    not no never none nobody nothing neither nor cannot may might could must shall
    """.split()
)


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt capt maj prof inc corp co ltd jr sr vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens of `text`."""
    return _TOKEN.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'talks'/'talk' and 'agreed'/'agree'.

    It never touches numbers and keeps at least three letters of a word.
    """
    if word[0].isdigit() or len(word) <= 3:
        return word
    base, verbal = word, False
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            base = word[: -len(suffix)] + repl
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz"
            if suffix in ("ing", "ed") and doubled:
                base = base[:-1]  # 'stopped' -> 'stop'
            verbal = suffix in ("ing", "ed")
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            base = word[:-1]
    # A final 'e' goes too, so 'agree', 'agreed' and 'agrees' meet at 'agre'.
    if not verbal and len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of `text` without stop words, in order (repeats kept)."""
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS]


def sentences(text: str) -> list[str]:
    """Split `text` into sentences at ., ! or ? followed by a capital, or a blank line.

    A period after a single letter ("U.S.", "6 a.m.") or a title ("Mr.", "Gen.") does
    not end a sentence.

    Examples
    --------
    >>> sentences("He said no. The U.S. agreed at 6 a.m. Tuesday! Mr. Khan left.")
    ['He said no.', 'The U.S. agreed at 6 a.m. Tuesday!', 'Mr. Khan left.']
    """
    out = []
    start = 0
    for match in _SENTENCE.finditer(text):
        end = match.start()
        before = text[start:end].rstrip("\"'”’)")
        if before.endswith("."):
            word = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
            last = word.rsplit(".", 1)[-1]
            if len(last) <= 1 or last.lower() in _ABBREVIATIONS:
                continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
