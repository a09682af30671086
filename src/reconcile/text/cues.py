"""Cue lexicons and the per-text analysis linking reads: negation, denial, hedging,
antonyms, numbers and dates.

A :class:`Cues` record is computed once per text (or per clause) and reused for every
pair the text is in, which keeps pairwise work to array arithmetic.

Examples
--------
>>> c = analyse("Reports of a cease-fire deal are not true, the spokesman said")
>>> c.negations, c.denials
(('not true',), ())
>>> analyse("Police reportedly arrested 17 people on Monday").hedges
('reportedly',)
>>> analyse("Police reportedly arrested 17 people on Monday").numbers
((17.0, 'people'),)
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import attrs

from reconcile.text.tokens import STOP_WORDS, stem, tokens

__all__ = [
    "DENIAL_WORDS",
    "HEDGE_PHRASES",
    "HEDGE_WORDS",
    "NEGATION_PHRASES",
    "NEGATION_WORDS",
    "REPORT_WORDS",
    "Cues",
    "analyse",
    "antonym_pairs",
    "clauses",
]

NEGATION_WORDS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "nowhere",
        "n't",
    ]
)
# Multi-word negations, matched on the lower-cased text before single words.
NEGATION_PHRASES = ("not true", "no longer", "no evidence", "not the case", "did not happen")
_CONTRACTIONS = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|wo|would|could|should|ca|must|need)n[’']t\b"
)

DENIAL_WORDS = frozenset(
    [
        "deny",
        "denies",
        "denied",
        "denying",
        "denial",
        "refute",
        "refutes",
        "refuted",
        "refuting",
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "dismiss",
        "dismisses",
        "dismissed",
        "debunk",
        "debunks",
        "debunked",
        "debunking",
        "false",
        "fake",
        "hoax",
        "untrue",
        "baseless",
        "unfounded",
        "fabricated",
        "fabrication",
        "bogus",
        "nonsense",
        "myth",
        "misleading",
        "exaggerated",
        "erroneous",
        "fabricating",
        "phony",
        "spoof",
        "retract",
        "retracted",
        "retraction",
        "wrong",
        "doubts",
        "doubt",
    ]
)

# Speculation and distance: the usual hedging vocabulary of news writing and of the
# hedging literature (appear, estimate, likely, perhaps, suggest, suspect ...). A
# rumour is an unverified report, so a hedge: "rumours of his death" does not deny the
# death ("rumours ... debunked" denies it through "debunked").
HEDGE_WORDS = frozenset(
    """
    reportedly allegedly alleged alleges allege purportedly purported apparently possibly
    perhaps maybe may might could unconfirmed unverified rumored rumoured rumour rumor
    rumours rumors predicts predicted
    claimed suspected suspect suspects supposedly believed believe likely unlikely
    probably probable possible presumably unclear uncertain speculation speculated
    speculate suggests suggested suggest appears appear seems seem estimate estimated
    expected considering mulls weighs eyes poised
    """.split()
)
# Attribution words: a text full of them relays what others say (a report) more than
# it asserts; they are not hedges on their own ("reports ... are not true").
REPORT_WORDS = frozenset(
    [
        "report",
        "reports",
        "reported",
        "claim",
        "claims",
        "according",
        "said",
        "says",
        "told",
        "source",
        "sources",
        "statement",
        "stated",
        "tweeted",
        "wrote",
    ]
)

# "NYT: Apple Watch ..." or "... in Somalia: sources" (headline attribution)
_COLON_ATTRIBUTION = re.compile(r"^[^:]{1,25}:\s|:\s*[^:]{1,25}$")

HEDGE_PHRASES = (
    "sources say", "sources said", "is said to", "are said to", "was said to",
    "according to", "it is believed", "could not be confirmed", "could not be verified",
    "not yet confirmed", "has not been confirmed",
)  # fmt: skip

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
    "thousand": 1000,
}  # fmt: skip
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNIT_SKIP = frozenset({"of", "more", "than", "over", "about", "around", "nearly", "some", "the"})
_CLAUSE = re.compile(
    r"[,;:]?\s+(?:but|although|though|while|whereas|however)\s+|[;:,—–]\s+", re.IGNORECASE
)


@attrs.frozen
class Cues:
    """What linking needs to know about one text, found once."""

    terms: frozenset[str]
    """Stemmed content terms."""
    negations: tuple[str, ...]
    """Negation cues found ("not", "never", "not true")."""
    denials: tuple[str, ...]
    """Denial and refutation cues ("denied", "hoax", "false")."""
    hedges: tuple[str, ...]
    """Hedging cues ("reportedly", "sources say")."""
    numbers: tuple[tuple[float, str], ...]
    """Quantities as (value, unit word); the unit is '' when none follows."""
    dates: tuple[str, ...]
    """Weekday and month names mentioned."""
    reports: int = 0
    """How many attribution words ("reported", "according", "said") the text uses,
    counting a headline's "NYT: ..." or "...: sources" as one."""
    questions: int = 0
    """How many question marks: a headline that asks does not assert."""

    polarity: int = attrs.field(init=False)
    """+1 for an affirmative text, -1 when negated or denied an odd number of times."""

    @polarity.default
    def _polarity(self) -> int:
        return -1 if (len(self.negations) + len(self.denials)) % 2 else 1


def _number_value(token: str) -> float | None:
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    value = _NUMBER_WORDS.get(token)
    return None if value is None else float(value)


_NOT_COUNTS = frozenset({"no", "any", "every", "some", "each", "which", "this", "that", "the"})


def _numbers(words: list[str]) -> tuple[tuple[float, str], ...]:
    found = []
    i = 0
    while i < len(words):
        value = _number_value(words[i])
        if value is None or (words[i] == "one" and i > 0 and words[i - 1] in _NOT_COUNTS):
            # 'no one', 'any one' are pronouns, not counts
            i += 1
            continue
        j = i + 1
        while j < len(words) and words[j] in _SCALES:
            value *= _SCALES[words[j]]
            j += 1
        if j < len(words) and words[j] in ("percent", "per"):
            unit = "percent"
        elif words[j : j + 2] in (["a", "m"], ["p", "m"]) or words[j : j + 1] in (["am"], ["pm"]):
            unit = "o'clock"
        else:
            k = j
            while k < len(words) and words[k] in _UNIT_SKIP:
                k += 1
            nxt = words[k] if k < len(words) else ""
            is_unit = nxt and nxt not in STOP_WORDS and _number_value(nxt) is None
            unit = nxt if is_unit else ""
        # years written as numbers are dates, not counts; keep them with the unit 'year'
        if unit == "" and 1900 <= value <= 2100 and float(value).is_integer() and i > 0:
            unit = "year"
        found.append((value, unit))
        i = j
    return tuple(found)


def _phrases(lowered: str, phrases: tuple[str, ...]) -> list[str]:
    return [p for p in phrases if p in lowered]


@lru_cache(maxsize=100_000)
def analyse(text: str) -> Cues:
    """Find the cues in `text` (cached: the same text is analysed once)."""
    lowered = text.lower().replace("’", "'")
    words = tokens(lowered.replace("%", " percent"))
    negations = _phrases(lowered, NEGATION_PHRASES)
    covered = {w for p in negations for w in p.split()}
    negations += [m.group(0) for m in _CONTRACTIONS.finditer(lowered)]
    negations += [w for w in words if w in NEGATION_WORDS and w not in covered]
    # "n't" is tokenised as "t"; the contraction pattern above found it already
    denials = [w for w in words if w in DENIAL_WORDS]
    hedges = _phrases(lowered, HEDGE_PHRASES)
    hedges += [w for w in words if w in HEDGE_WORDS]
    return Cues(
        terms=frozenset(stem(w) for w in words if w not in STOP_WORDS),
        negations=tuple(negations),
        denials=tuple(denials),
        hedges=tuple(hedges),
        numbers=_numbers(words),
        dates=tuple(w for w in words if w in _WEEKDAYS or (w in _MONTHS and w != "may")),
        reports=sum(w in REPORT_WORDS for w in words) + bool(_COLON_ATTRIBUTION.search(text)),
        questions=text.count("?"),
    )


def clauses(text: str) -> list[str]:
    """Split a sentence into clauses at punctuation and contrastive conjunctions.

    Examples
    --------
    >>> clauses("There was progress, but a cease-fire was not agreed")
    ['There was progress', 'a cease-fire was not agreed']
    """
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]


@lru_cache(maxsize=1)
def antonym_pairs() -> frozenset[frozenset[str]]:
    """The shipped antonym lexicon, as a set of stemmed word pairs."""
    text = resources.files("reconcile.text").joinpath("antonyms.txt").read_text("utf-8")
    pairs = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        a, b = line.split()
        pairs.add(frozenset((stem(a), stem(b))))
    return frozenset(pairs)
