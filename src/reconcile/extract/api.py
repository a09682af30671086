"""`extract_claims`: a news article in, attributed claims out.

Examples
--------
>>> text = ('KABUL (Wire) — The minister said the bridge had reopened, the Herald reported. '
...         'Unnamed officials told the Herald that repairs would take a year. '
...         '"Reports of a collapse are not true," a spokesman said in a tweet.')
>>> for claim in extract_claims(text):
...     print(claim.source.id, '|', claim.via, '|', claim.stance.value, '|', claim.text)
minister | ('Herald', 'Wire') | asserts | the bridge had reopened
Herald | ('Wire',) | asserts | The minister said the bridge had reopened
officials | ('Herald', 'Wire') | hedged | repairs would take a year
spokesman | ('Twitter', 'Herald', 'Wire') | denies | a collapse
unnamed reports | ('Herald', 'Wire') | hedged | a collapse
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs

from reconcile.collection import Claims
from reconcile.errors import ReconcileError
from reconcile.extract.attribution import Attribution, find_attributions
from reconcile.extract.lexicon import (
    AUXILIARIES,
    DENIAL_CUES,
    HEDGE_CUES,
    MONTHS,
    PASSIVE_REPORT,
    PLATFORMS,
    REPORT_NOUNS,
    REPORTED_ADVERBS,
    WEEKDAYS,
)
from reconcile.extract.segment import blank_markup
from reconcile.extract.speakers import Speakers, is_outlet
from reconcile.model import Claim, Source, SourceKind, Stance

__all__ = ["ExtractionError", "extract_claims"]


class ExtractionError(ReconcileError, TypeError):
    """The input to extraction is not text."""


# 'KABUL (Reuters) —', 'HARBOUR TOWN, Norway (AP) —': the place, then the outlet
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,40}(?:,[ \t]*[A-Z][A-Za-z .'-]{1,30})?[ \t]*\(([^()\n]{2,40})\)"
    r"\s*[—–-]+\s*",
    re.M,
)
_PLATFORM = re.compile(
    r"\b(?:on|via|in\s+an?)\s+(twitter|tweet|facebook|instagram|telegram|youtube|linkedin|"
    r"tiktok|truth\s+social|x)\b",
    re.IGNORECASE,
)
# whom a speaker told or gave an interview: 'told Reuters', 'in an interview with the BBC',
# 'told state broadcaster NRK' (a word for a news outlet makes any name one)
_TOLD = re.compile(
    r"\b(?:told|interview\s+with)\s+(?:the\s+)?(?P<kind>(?:(?:state|public|local|national)\s+)?"
    r"(?:broadcaster|newspaper|news\s+agency|daily|weekly|radio|television|channel|magazine|"
    r"news\s+site|website)\s+)?(?P<name>(?:The\s+)?[A-Z][\w/.&'-]*(?:\s+[A-Z][\w/.&'-]*){0,3})"
)
_QUOTING = re.compile(r"^\s*,?\s*(?:quoting|citing)\s+([^,.;:()]{2,60})", re.I)
_HEDGE = re.compile(r"\b(?:" + "|".join(REPORTED_ADVERBS) + r"|rumou?red|unconfirmed)\b", re.I)
# 'appeared to suggest', 'seems to believe': the writer's reading of the speaker
_SEEMED = re.compile(r"\b(?:appear|appears|appeared|seem|seems|seemed)\s+to\b", re.I)
_DENIAL_FRAME = re.compile(
    r"^(?:the\s+)?(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|stories)\s+"
    r"(?:of|that|about)\s+(?P<prop>.+?)\s+(?:are|is|were|was)\s+(?:not\s+true|untrue|false|"
    r"baseless|groundless|fake|incorrect|wrong|unfounded|fabricated|lies|a\s+lie)\W*$",
    re.IGNORECASE | re.DOTALL,
)
# ... and opening a statement: 'it is not true that X', 'there is no truth to reports of X'
_DENIED_OPENING = re.compile(
    r"^(?:it\s+(?:is|was|'s|’s)\s+(?:not\s+true|untrue|false)\s+that"
    r"|there\s+(?:is|was|'s|’s)\s+no\s+truth\s+(?:to|in)\s+(?:the\s+)?"
    r"(?P<noun>reports?|claims?|rumou?rs?|allegations?|suggestions?|stories)\s+(?:of|that|about))"
    r"\s+(?P<prop>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# what a denial calls what it denies, ending the content ('... as baseless')
_AS_FALSE = re.compile(
    r"\s+as\s+(?:\w+\s+){0,2}(?:baseless|groundless|unfounded|false|untrue|nonsense|"
    r"fake(?:\s+news)?|lies|a\s+lie|rumou?rs?|speculation|fabricated|fabrications?|absurd|"
    r"ridiculous|motivated)\W*$",
    re.IGNORECASE,
)
# a cheap test that lets most contents skip the full pattern
_DENIAL_ENDINGS = ("true", "false", "baseless", "groundless", "fake", "incorrect", "wrong",
                   "unfounded", "fabricated", "lies", "lie")  # fmt: skip
_CONCESSIVE = re.compile(r"^(?:while|although|though|even\s+though)\s+(.+?),\s+(.+)$", re.I | re.S)
_THAT_SUBJECT = re.compile(r"(?:" + "|".join(sorted(AUXILIARIES)) + r")\b", re.I)
# 'and that' joining a second 'that' clause to the first, unless 'that' is the
# subject of what follows ('and that was that')
_AND_THAT = re.compile(
    r",?\s+(?:and|but)\s+that\s+(?!" + _THAT_SUBJECT.pattern + r"|'s|’s|of\b|in\b|for\b|to\b)",
    re.I,
)
_DATE = re.compile(
    r"\bon\s+("
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    + r")\.?\s+(\d{1,2})\b(?:,?\s+(\d{4}))?"
)
_SLACK = timedelta(days=1)  # a date a day past publication: time zones, not last year
# a day named by its place in the week or next to the publication day
_DAY = re.compile(r"\b(" + "|".join((*WEEKDAYS, "yesterday", "today")) + r")\b")


# a content that only points back at what was said before ('said as much in an
# interview', 'said so', 'said the same of Trump'): no proposition of its own
# ('So, when ...' opens a statement; a colon or a quotation after the pro-form brings
# one: 'said the same thing at every stop: It is not about me')
_PRO_FORM = re.compile(
    r"(?:as much|so|the same(?: thing| way)?)(?:$|[.;]|(?<!so),|\s+(?:in|on|at|after|"
    r"before|during|of|about|for|when|while|to|with|last|this|earlier|again)\b)"
    r"(?!.*(?::|''))",
    re.IGNORECASE,
)
# what a refusal to speak refused: states nothing ('declined to comment on ...')
_REFUSED = re.compile(
    r"to (?:comment|elaborate|speculate|say|answer|respond|discuss|confirm|specify|name|"
    r"identify|disclose|provide|give)\b",
    re.IGNORECASE,
)
_PLATFORM_NAMES = frozenset(PLATFORMS.values())
# words one of which a sentence naming a platform must hold: the regex is slow where it
# fails, and 'x' alone would let through any sentence with an 'x' in a word ('next')
_PLATFORM_HINTS = (*(p.split()[0] for p in PLATFORMS if p != "x"), " x")
_REPORTS = Source("unnamed reports", kind=SourceKind.ANONYMOUS)
_INTERVIEW = {"Q": Source("interviewer"), "A": Source("interviewee")}
_WRITER = frozenset(("I", "we"))
# cues of a statement by nobody named: 'has reportedly collapsed', 'denied reports that'
_UNNAMED_CUES = frozenset(REPORTED_ADVERBS) | REPORT_NOUNS
_PASSIVE_REPORT = re.compile(PASSIVE_REPORT)  # 'was said to be furious'


def _as_text(text: object) -> str:
    if isinstance(text, str):
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as err:
                raise ExtractionError(
                    f"is not valid Unicode text (a lone surrogate at position {err.start})",
                    field="text",
                ) from None
        return text
    if isinstance(text, (bytes, bytearray)):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise ExtractionError(
                f"bytes are not UTF-8 (byte {err.start}); decode them first", field="text"
            ) from None
    raise ExtractionError(f"must be a string, got {type(text).__name__}", field="text")


def _clean(text: str) -> str:
    # three replaces: translate() with a table looks up every character in Python
    text = " ".join(text.replace('"', "").replace("“", "").replace("”", "").split())
    dateline = _DATELINE.match(text) if "(" in text[:48] else None
    if dateline is not None:
        text = text[dateline.end() :]
    text = text.strip(" ,;:—–-\"“”'‘’")
    if text.endswith(")") and text.count(")") > text.count("("):
        # the parenthesis opened before the statement: '(... she said, as they do.)'
        text = text[:-1].rstrip(" .")
    # the second half of a parenthesis: '..., according to the office, and the top 10
    # percent paid ...' states that the top 10 percent paid
    text = text[4:] if text.startswith(("and ", "but ")) else text
    if text[:5].lower() == "that " and not _THAT_SUBJECT.match(text, 5):
        return text[5:]
    return text  # ('that would be a mistake': 'that' is what the statement is about)


def _date(text: str, published: datetime | None) -> datetime | None:
    """The day a sentence says its statement was made: a date ('on Jan. 26', 'on
    January 26, 2019'), or, counted back from `published`, a weekday ('on Monday',
    'said Monday') or 'yesterday' / 'today'. A date without a year is the latest such
    day not after `published` (a December date in a January article is last year's)."""
    match = _DATE.search(text) if "on " in text else None
    if match is not None:
        month = MONTHS[match.group(1).lower()]
        day = int(match.group(2))
        if match.group(3):
            year = int(match.group(3))
        elif published is not None:
            year = published.year
        else:
            return None  # no year to read it in
        try:
            when = datetime(year, month, day, tzinfo=timezone.utc)
            if published is not None and not match.group(3) and when > published + _SLACK:
                when = when.replace(year=year - 1)
        except ValueError:
            return None  # no such day ('Feb. 29' of a common year)
        return when
    if published is None:
        return None
    low = text.lower()
    named = _DAY.search(low) if "day" in low else None
    if named is None:
        return None
    midnight = published.replace(hour=0, minute=0, second=0, microsecond=0)
    word = named.group(1)
    if word in WEEKDAYS:
        back = (midnight.weekday() - WEEKDAYS.index(word)) % 7
    else:
        back = 1 if word == "yesterday" else 0
    return midnight - timedelta(days=back)


def _without_appositive(text: str, a: Attribution, outside: str) -> str:
    """`outside` (the sentence of `a`) with what stands between the speaker and the cue
    blanked when it is set off by a comma: 'Ilves, who inspected the wall on Wednesday,
    said ...' says when he inspected it, not when he spoke."""
    if (
        a.source is None
        or not a.sentence[0] <= a.source[1] < a.cue[0] <= a.sentence[1]
        or len(outside) != a.sentence[1] - a.sentence[0]  # (a quotation running on)
    ):
        return outside
    between = text[a.source[1] : a.cue[0]]
    if not between.lstrip().startswith((",", "—", "–", "(")):
        return outside
    start, end = a.source[1] - a.sentence[0], a.cue[0] - a.sentence[0]
    return outside[:start] + " " * (end - start) + outside[end:]


def _passed_on(text: str, found: list[Attribution]) -> dict[tuple[int, int], tuple[int, int]]:
    """The cue of each attribution whose whole statement another passes on, mapped to
    that other's cue: 'The agency said it would send inspectors, according to a
    spokesman' (the agency speaks, via the spokesman)."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for k, a in enumerate(found):
        if a.source is None or a.quote or not a.content:
            continue
        if text[a.cue[0] : a.cue[1]].lower() != "according to":
            continue
        for b in found[max(0, k - 3) : k]:
            if (
                b.sentence == a.sentence
                and b.source is not None
                and a.content[0][0] <= b.source[0]
                and b.content
                and b.content[-1][1] <= a.content[-1][1]
            ):
                out[b.cue] = a.cue
    return out


def _outside(text: str, a: Attribution) -> str:
    """The sentence of `a` with its content blanked out (where cues about it live)."""
    s, e = a.sentence
    parts, at = [], s
    for cs, ce in sorted(a.content):
        cs, ce = max(cs, at), min(ce, e)
        if cs < ce:
            parts.append(text[at:cs])
            parts.append(" " * (ce - cs))
            at = ce
    parts.append(text[at:e])
    return "".join(parts)


def _statements(content: str, quote: bool = False) -> list[tuple[str, bool, bool]]:
    """The propositions of a content, whether each is denied by its wording, and
    whether that wording says others report it ('reports that X are false')."""
    match = _CONCESSIVE.match(content) if content[:1] in "WTAEwtae" else None
    parts = [match.group(1), match.group(2)] if match else [content]
    if not quote and " that " in content:
        # 'said the quay was safe and that the ferry would run': two statements (in a
        # quotation 'and that' opens a clause as often: '... and that is enough')
        parts = [p for part in parts for p in _AND_THAT.split(part)]
    out = []
    for part in parts:
        part = _clean(part)
        tail = part[-40:].rstrip(" .!?'\"”’").lower()
        denial = _DENIAL_FRAME.match(part) if tail.endswith(_DENIAL_ENDINGS) else None
        if denial is not None:
            out.append((_clean(denial.group("prop")), True, True))
        elif part[:3].lower() in ("it ", "the") and (denial := _DENIED_OPENING.match(part)):
            # 'it is not true that X', 'there was no truth to reports of X'
            out.append((_clean(denial.group("prop")), True, denial.group("noun") is not None))
        elif part:
            out.append((part, False, False))
    return out


def extract_claims(
    text: str | bytes,
    *,
    outlet: str | None = None,
    published: datetime | str | None = None,
    document: str | None = None,
    progress: bool = False,
) -> list[Claim]:
    """Attributed statements of a news text, as claims.

    Parameters
    ----------
    text : str or bytes
        The article. Bytes must be UTF-8; HTML tags are read as spaces.
    outlet : str, optional
        Who published the article; the last link of every claim's `via`. When omitted,
        a dateline such as ``KABUL (Agency) —`` names it.
    published : datetime or ISO 8601 str, optional
        When the article appeared: gives the year of dates like "on Jan. 26" (the
        latest such day not after it) and the day of "on Monday", "yesterday" and
        "today" in the sentence around a statement. A date without a time zone is
        read as UTC.
    document : str, optional
        An identifier for the article, stored on every claim.
    progress : bool
        Show a progress bar over the text (needs ``reconcile[progress]``): for long
        texts such as a whole feed in one string.

    Returns
    -------
    list of Claim
        In reading order. Each claim's `meta["attribution"]` holds the character spans
        of its cue, source mention and content, the mention itself and whether the
        content is a direct quote.

    Raises
    ------
    ExtractionError
        When `text` is not a string or UTF-8 bytes.
    """
    body = _as_text(text)
    if isinstance(published, str):
        given = published
        try:
            published = datetime.fromisoformat(given.strip())
        except ValueError:
            raise ExtractionError(
                f"is not an ISO 8601 date: {given[:40]!r}", field="published"
            ) from None
    if isinstance(published, datetime) and published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)  # a bare date: read as UTC
    if published is not None and not isinstance(published, datetime):
        raise ExtractionError(
            f"must be a datetime or ISO 8601 string, got {type(published).__name__}",
            field="published",
        )
    if not body.strip():
        return []
    clean = blank_markup(body)
    # a question put to someone is reported speech but states nothing, nor does talk
    # about a topic; a statement named by a noun has no clear end; and a view nobody
    # holds ('is expected to') is nobody's claim
    # ... but what 'reportedly' passes on, or the reports someone denies, is a report
    # of unnamed origin
    found = [a for a in find_attributions(clean, progress=progress)
             if not (a.question or a.nominal or a.topic)
             and (a.source is not None or a.cue_text(clean).lower() in _UNNAMED_CUES
                  or _PASSIVE_REPORT.fullmatch(a.cue_text(clean).lower()))]  # fmt: skip
    if outlet is None:
        dateline = _DATELINE.search(clean, 0, 600)
        outlet = dateline.group(1).strip() if dateline else None
    speakers = Speakers(clean)
    passed_on = _passed_on(clean, found)
    passing = set(passed_on.values())
    passers = {a.cue: a for a in found if a.cue in passing}
    resolved: list[tuple[Attribution, Source, list[str], str, str]] = []
    for a in found:
        if a.cue in passers:
            continue  # its statement is another's, passed on: a link of that one's chain
        if resolved and resolved[-1][0].cue == a.cue:
            # a quotation running on in its own paragraph: same speaker, same chain
            resolved.append((a, *resolved[-1][1:]))
            continue
        mention = a.source_text(clean) or ""
        cue = a.cue_text(clean).lower()
        outside = _outside(clean, a)
        if a.source is None:
            resolved.append((a, _REPORTS, [], outside, cue))
            continue
        relays: list[str] = []
        by = passers.get(passed_on[a.cue]) if a.cue in passed_on else None
        if by is not None and by.source is not None:
            relays.append(speakers.resolve(clean[by.source[0] : by.source[1]]).id)
        if a.relay is not None:
            relays.append(speakers.resolve(clean[a.relay[0] : a.relay[1]], outlet_hint=True).id)
        rest = clean[a.cue[1] : a.cue[1] + 80]
        quoting = _QUOTING.match(rest) if "quoting" in rest or "citing" in rest else None
        source = speakers.resolve(mention, outlet_hint=cue.startswith("report"))
        if cue == ":" and mention in _INTERVIEW:
            # a question-and-answer interview: the outlet's interviewer asks ('Q: ...'),
            # the one interviewed, named only in the introduction, answers ('A: ...')
            source = (
                Source(outlet, kind=SourceKind.OUTLET)
                if mention == "Q" and outlet is not None
                else _INTERVIEW[mention]
            )
        if outlet is not None and source.kind is SourceKind.UNKNOWN and source.id in _WRITER:
            # 'I'/'we' outside a quotation: the writer, who speaks for the publisher (not
            # one source 'I' for every article's writer)
            source = Source(outlet, kind=SourceKind.OUTLET)
        if quoting is not None and source.kind is SourceKind.OUTLET:
            relays.append(source.id)  # 'Reuters reported quoting Taliban sources'
            source = speakers.resolve(quoting.group(1))
        told = _TOLD.search(outside) if "told" in outside or "interview" in outside else None
        if told is not None and (told.group("kind") or is_outlet(told.group("name"))):
            name = told.group("name")
            if name.endswith(".") and "." not in name.rsplit(None, 1)[-1][:-1]:
                name = name[:-1]  # the sentence's full stop: 'told The Associated Press.'
            relays.append(speakers.resolve(name, outlet_hint=True).id)
        low = outside.lower()
        platform = _PLATFORM.search(outside) if any(p in low for p in _PLATFORM_HINTS) else None
        chain = [PLATFORMS[" ".join(platform.group(1).lower().split())]] if platform else []
        if not chain and cue.startswith("tweet"):
            chain = [PLATFORMS["tweet"]]  # 'Mujahid tweeted that ...'
        resolved.append((a, source, [*chain, *relays], outside, cue))
    # an outlet reporting the opening sentence relays the whole article
    relay = None
    first_sentence = found[0].sentence if found else None
    for a, source, *_ in resolved:
        if a.sentence == first_sentence and source.kind is SourceKind.OUTLET:
            relay = source.id
            break
    hedging = [
        source.kind is SourceKind.ANONYMOUS or cue in HEDGE_CUES
        or ("ly" in outside and _HEDGE.search(outside) is not None)
        or "nconfirmed" in outside  # ('Unconfirmed reports said', 'unconfirmed')
        or "rumo" in outside
        or ("to " in outside and _SEEMED.search(outside) is not None)
        for a, source, chain, outside, cue in resolved
    ]  # fmt: skip
    reporters = _reporters(resolved)
    claims: list[Claim] = []
    times: dict[tuple[int, int], datetime | None] = {}
    seen: set[str] = set()
    repeats: dict[str, int] = {}
    for k, (a, source, chain, outside, cue) in enumerate(resolved):
        hedged = hedging[k]
        outer = reporters.get(k)
        if outer is not None:
            # a statement reported inside another's ('Taliban sources said the group had
            # offered assurances that ...'): it reaches us through that speaker, and is
            # no surer than that report
            _, reporter, outer_chain, _, _ = resolved[outer]
            # (what its sentence says of the outer report, 'told Reuters', is the outer's)
            chain = [*(c for c in chain if c not in outer_chain), reporter.id, *outer_chain]
            hedged = hedged or hedging[outer]
        via = _chain([*chain, relay, outlet], source.id)
        if a.cue not in times:  # (a quotation running on: its first sentence's time)
            times[a.cue] = _date(_without_appositive(clean, a, outside), published)
        when = times[a.cue]
        record: dict[str, Any] = {  # tuples: what freezing would make of lists
            "cue": a.cue,
            "source": a.source,
            "content": tuple(a.content),
            "quote": a.quote,
            "mention": a.source_text(clean),
        }
        for proposition, denied, reported in _statements(a.content_text(clean), a.quote):
            if not proposition or (not a.quote and _PRO_FORM.match(proposition)):
                continue
            if cue.startswith(("declin", "refus")) and _REFUSED.match(proposition):
                continue  # 'declined to comment', 'refused to answer questions'
            if " as " in proposition and (cue in DENIAL_CUES or cue in REPORT_NOUNS):
                # 'dismissed reports that X as baseless': what is denied, and reported, is X
                proposition = _AS_FALSE.sub("", proposition) or proposition
            if denied or cue in DENIAL_CUES:
                stance = Stance.DENIES
            else:
                stance = Stance.HEDGED if hedged else Stance.ASSERTS
            claim = Claim(proposition, source=source, via=via, stance=stance, time=when,
                          document=document, meta={"attribution": record})  # fmt: skip
            if claim.id in seen:
                # the same statement again (a repeated quote): its own claim, numbered
                # on from the last copy, so a text of many repeats stays linear
                base = claim.id
                repeats[base] = n = repeats.get(base, 1) + 1
                while f"{base}-{n}" in seen:
                    repeats[base] = n = n + 1
                claim = attrs.evolve(claim, id=f"{base}-{n}")
            seen.add(claim.id)
            claims.append(claim)
            if reported:
                # 'reports of X are not true': the text attests that reports say X;
                # they become a hedged claim of unnamed origin for the denial to answer
                relayed = tuple(v for v in via if v not in _PLATFORM_NAMES)
                report = Claim(proposition, source=_REPORTS, via=relayed, stance=Stance.HEDGED,
                               document=document, meta={"attribution": record})  # fmt: skip
                if report.id not in seen:
                    seen.add(report.id)
                    claims.append(report)
    return Claims(claims)


def _reporters(
    resolved: Sequence[tuple[Attribution, Source, list[str], str, str]],
) -> dict[int, int]:
    """For each attribution whose cue lies in the content of another in its sentence
    (not a quotation: a quoted speaker's own 'he said' is theirs), the index of that
    other: 'X said Y claimed Z' makes Y's claim reach us through X. Only near
    neighbours are looked at, so a sentence of many cues stays linear."""
    out: dict[int, int] = {}
    for k, (a, *_) in enumerate(resolved):
        around = []
        for m in range(max(0, k - 4), min(len(resolved), k + 5)):
            b = resolved[m][0]
            if m == k or b.sentence != a.sentence or b.quote or b.cue == a.cue:
                continue
            if b.source is not None and any(s <= a.cue[0] < e for s, e in b.content):
                around.append(m)
        if not around or any(resolved[m][1] is resolved[k][1] for m in around):
            continue  # the speaker going on with their own statement: not passed on
        # the innermost report around it: the one whose content starts last
        out[k] = max(around, key=lambda m: resolved[m][0].content[0][0])
    return out


def _chain(links: Iterable[str | None], speaker: str) -> tuple[str, ...]:
    """The relay chain: the given links in order, each once, without the speaker."""
    return tuple(dict.fromkeys(x for x in links if x and x != speaker))
