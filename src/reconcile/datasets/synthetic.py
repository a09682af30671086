"""A generator of claim sets with planted truth, for benchmarks and property tests.

Each *question* is an event ("the ferry at Varnholt sank with 17 passengers on
Monday"). Sources have a reliability: a reliable source states the true version, an
unreliable one a false variant (another number, another day, a negation or an
antonym). Some sources *copy* another source's statements (its errors included);
some statements reach us *relayed* through outlets; wording varies by paraphrase.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence

import attrs

from reconcile.model import Claim

__all__ = ["Synthetic", "synthetic"]

_SYLLABLES = (
    "var nol tam bri sek dor lum fen gar hal ost pir qua ren sul tor ulm vek wyn zab "
    "kor mel nas pek rud"
).split()
_EVENTS = (
    # (noun, true verb, antonym verb, unit)
    ("ferry", "sank", "stayed afloat", "passengers"),
    ("factory", "closed", "opened", "workers"),
    ("bridge", "collapsed", "held", "vehicles"),
    ("election", "was won", "was lost", "votes"),
    ("strike", "began", "ended", "staff"),
    ("storm", "hit", "missed", "homes"),
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TEMPLATES = (
    "The {noun} at {place} {verb} with {n} {unit} on {day}",
    "On {day} the {noun} in {place} {verb}, with {n} {unit}",
    "{place} {noun} {verb} on {day} with {n} {unit} involved",
)
_OUTLETS = tuple(f"outlet-{i}" for i in range(40))


@attrs.frozen
class Synthetic:
    """A generated claim set and what was planted in it."""

    claims: list[Claim]
    truth: dict[str, str]
    """Per question (the claim's ``meta['question']``): the true value token."""
    reliability: dict[str, float]
    """Per source: the probability it states the truth (copiers: their original's)."""
    copies: dict[str, str]
    """Per copying source: the source it copies."""

    def is_true(self, claim: Claim) -> bool:
        """Whether a generated claim states its question's true version."""
        return bool(claim.meta["value"] == self.truth[claim.meta["question"]])


def _place(i: int) -> str:
    # A unique, pronounceable name per question (rare terms make blocking selective):
    # i in base 24, one syllable a digit, at least three. (A digit suffix would be cut
    # off by the tokenizer, and the name shared by every 13,824th question.)
    parts: list[str] = []
    while len(parts) < 3 or i:
        i, r = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
    return "".join(parts).capitalize()


def synthetic(
    n_claims: int = 1_000,
    *,
    n_sources: int = 100,
    claims_per_question: int = 8,
    reliability: tuple[float, float] = (0.55, 0.95),
    copy_rate: float = 0.1,
    relay_rate: float = 0.3,
    structured: bool = False,
    seed: int = 0,
) -> Synthetic:
    """Generate about `n_claims` claims on ``n_claims // claims_per_question`` questions.

    Parameters
    ----------
    n_claims : int
        How many claims to make.
    n_sources : int
        How many sources speak.
    claims_per_question : int
        Average claims per question (the size of each story).
    reliability : (float, float)
        Source reliabilities are drawn uniformly from this range.
    copy_rate : float
        Share of sources that copy another source instead of observing.
    relay_rate : float
        Share of claims that reach us through one or two outlets.
    structured : bool
        Make structured claims (subject = question, predicate "count", value = number)
        instead of sentences.
    seed : int
        The random seed: the same arguments give the same claims.

    Examples
    --------
    >>> data = synthetic(200, n_sources=20, seed=1)
    >>> len(data.claims), len(data.truth)
    (200, 25)
    >>> 0.5 < sum(map(data.is_true, data.claims)) / 200 < 1
    True
    """
    rng = random.Random(seed)
    n_questions = max(n_claims // max(claims_per_question, 1), 1)
    sources = [f"source-{i}" for i in range(n_sources)]
    rel = {s: rng.uniform(*reliability) for s in sources}
    copies: dict[str, str] = {}
    copier_idx: list[int] = []  # ascending: sources are visited in order
    for i in range(1, n_sources):
        if rng.random() < copy_rate:
            # the k-th source that is neither this one nor a copier, drawn as
            # rng.choice over that list would draw it, without building the list
            k = rng.randrange(n_sources - 1 - len(copier_idx))
            excluded = [*copier_idx, i]
            x = k
            while (nxt := k + bisect.bisect_right(excluded, x)) != x:
                x = nxt
            copies[sources[i]] = sources[x]
            copier_idx.append(i)
    for s, original in copies.items():
        rel[s] = rel[original]
    truth: dict[str, str] = {}
    facts: list[tuple[str, str, int, int, int]] = []
    for q in range(n_questions):
        event = q % len(_EVENTS)
        n, day = rng.randrange(2, 400), rng.randrange(7)
        question = f"q{q}"
        truth[question] = f"{n}|{day}|+"
        facts.append((question, _place(q), event, n, day))
    # what each observing source says about each question, so copiers can copy it
    said: dict[tuple[str, str], tuple[int, int, str]] = {}
    claims: list[Claim] = []
    for k in range(n_claims):
        question, place, event, n, day = facts[k % n_questions]
        source = sources[rng.randrange(n_sources)]
        origin = copies.get(source, source)
        if (origin, question) not in said:
            if rng.random() < rel[origin]:
                said[origin, question] = (n, day, "+")
            else:
                kind = rng.randrange(3)
                if kind == 0:
                    said[origin, question] = (n + rng.randrange(1, 30), day, "+")
                elif kind == 1:
                    said[origin, question] = (n, (day + rng.randrange(1, 7)) % 7, "+")
                else:
                    said[origin, question] = (n, day, "-")
        value_n, value_day, polarity = said[origin, question]
        noun, verb, antonym, unit = _EVENTS[event]
        via: Sequence[str] = ()
        if rng.random() < relay_rate:
            via = tuple(rng.sample(_OUTLETS, rng.randrange(1, 3)))
        value = f"{value_n}|{value_day}|{polarity}"
        meta = {"question": question, "value": value, "copied_from": copies.get(source)}
        if structured:
            number = value_n if polarity == "+" else -value_n
            claims.append(Claim(subject=question, predicate="count", value=number,
                                source=source, via=via, meta=meta, id=f"s{k}"))  # fmt: skip
            continue
        text = rng.choice(_TEMPLATES).format(
            noun=noun, place=place, verb=verb if polarity == "+" else antonym,
            n=value_n, unit=unit, day=_DAYS[value_day],
        )  # fmt: skip
        claims.append(Claim(text, source=source, via=via, meta=meta, id=f"t{k}"))
    return Synthetic(claims=claims, truth=truth, reliability=rel, copies=copies)
