"""What was said: the content span after or before a cue, the quotations that run on
from it, the times that follow a cue, and the 'according to' and 'as X said' frames."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reconcile.extract._grammar import (
    _CLAUSE_BREAKS,
    _CLAUSE_SUBJECTS,
    _CLAUSE_VERBS,
    _ISSUING,
    _object_end,
)
from reconcile.extract._sentence import (
    _DETERMINERS,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _SPEECH_VERBS,
    _SUBJECT_PRONOUNS,
    _WHEN_WORDS,
    _adverb,
    _is_name,
    _noun_phrase_right,
    _Sentence,
)
from reconcile.extract._spans import (
    Attribution,
    Span,
    _quote_at,
    _trim,
)
from reconcile.extract.lexicon import (
    ATTITUDE_CUES,
    DENIAL_CUES,
    DOCUMENT_NOUNS,
    INFINITIVE_CUES,
    MONTHS,
    NP_STOP,
    OBJECT_CUES,
    PRONOUNS,
    REPORT_NOUNS,
    SPEECH_CUES,
    WEEKDAYS,
)

__all__ = [
    "_BEFORE_ASKED",
    "_CLAIM_NOUNS",
    "_SPEECH_OBJECT",
    "_WRITERS_CLAUSE",
    "_according",
    "_as_frame",
    "_content_after_comma",
    "_content_left",
    "_content_right",
    "_past_when",
    "_quote_after_colon",
    "_quote_run",
]
_SPEECH_OBJECT = frozenset(SPEECH_CUES & {"told", "tell", "tells", "telling", "informed",
                                         "assured", "asked", "urged", "briefed", "reassured",
                                         "warned", "reminded", "advised"})  # fmt: skip
_WHEN_AFTER = frozenset(("last", "this", "next", "earlier", "late"))
_WHEN_UNITS = frozenset(
    "week month year night morning afternoon evening weekend spring summer fall autumn "
    "winter".split()
)
# nouns for what someone says, heading a clause that names the speaker ('a charge the
# campaign denies')
_CLAIM_NOUNS = frozenset(
    "claim charge allegation assertion accusation contention notion view characterization "
    "characterisation description".split()
)
# nouns a 'that' clause completes ('reports that ...', 'the claim that ...')
_CONTENT_NOUNS = (
    REPORT_NOUNS
    | _CLAIM_NOUNS
    | frozenset("rumor rumors rumour rumours allegations suggestion suggestions story stories "
                "fact idea news accusations charges".split())
)  # fmt: skip


_WORD = re.compile(r"[A-Za-z]+")
_CONTRACTED_SUBJECT = re.compile(r"(?:i|you|he|she|it|we|they|there)['’]\w")


_MODALS = frozenset("would will could can did had might should".split())
_AS_OPENERS = frozenset("but and so yet still indeed of course now then however again also".split())


def _content_after_comma(text: str, s: _Sentence, comma: int) -> list[Span]:
    """'She said, if elected, she would ...', 'said, among other things, that ...':
    with nothing quoted before the cue, the clause after its comma is what was said
    (not a participle or the writer's own clause: 'said, smiling', 'said, and left')."""
    n = len(s.words)
    first = s.lower[comma + 1]
    if first in _WRITERS_CLAUSE or first.endswith("ing") or not first[0].isalpha():
        return []
    start = comma + 1
    for k in range(comma + 1, min(comma + 12, n - 1)):
        if s.lower[k] == "that" and s.words[k - 1] == ",":
            start = k + 1  # 'said, among other things, that ...'
            break
    span = _trim(text, s.starts[start], s.end)
    return [span] if span else []


def _as_frame(
    text: str,
    s: _Sentence,
    np_start: int,
    after: int,
    low: str,
    quotes: Sequence[Span],
    quote_starts: Sequence[int],
) -> tuple[int, list[Span], bool] | tuple[()] | None:
    """'As the Post reported, <statement>' and '<statement>, as she said.': the speaker
    sits in an 'as' clause and the statement is the main clause around it.

    Returns the speaker's first token (a sentence's capitalised 'As' may have been read
    as part of a name), the content and whether it is a quotation; an empty tuple for
    an 'as' clause that states nothing ('As he said he would, ...'); None where there
    is no such clause ('as soon as', 'said he would go, as ...').
    """
    n = len(s.words)
    if s.lower[np_start] == "as" and np_start + 1 < after:
        as_at, named = np_start, np_start + 1  # 'As The Washington Post reported'
    elif np_start > 0 and s.lower[np_start - 1] == "as":
        as_at, named = np_start - 1, np_start
    else:
        return None
    if as_at > 0 and s.words[as_at - 1] not in (",", "—", "–", ";", "”", '"', "''"):
        return None
    # what may stand between the cue and the comma: 'put it', 'told reporters',
    # 'said Friday', 'wrote in a blog post'
    k = after
    if k < n and s.lower[k] == "it":
        k += 1
    if low in _SPEECH_OBJECT and k < n:
        k = _object_end(s, k)
    if k + 2 < n and s.lower[k] in PRONOUNS and s.lower[k + 1] in _MODALS and s.words[k + 2] == ",":
        return ()
    k = _past_when(s, k, low)
    if k < n and s.lower[k] in _PREPOSITIONS:
        stop = min(k + 7, n)
        while k < stop and s.words[k] not in _CLAUSE_BREAKS:
            k += 1
    ends = k >= n or s.words[k] in (".", "!", "?")
    if not ends and s.words[k] != ",":
        return None
    content: list[Span] = []
    quote = False
    if as_at > 0:
        # '"...," as she put it' gives the quotation
        content, quote = _content_left(text, s, s.starts[as_at], quotes, quote_starts)
        # not a lone opener: 'But, as Sykes said, ...', 'Of course, as ...'
        words = [w for a, b in content for w in _WORD.findall(text[a:b].lower())]
        if not quote and all(w in _AS_OPENERS for w in words):
            content = []
    if not ends and k + 1 < n:
        q = _quote_at(quotes, quote_starts, s.starts[k + 1], s.starts[k + 1] + 2)
        if q >= 0 and not content:
            return named, _quote_run(text, quotes, q), True
        # the rest of the main clause, round the 'as' clause: 'The plant, as Smith
        # said, will close' (not after a whole statement: '..., as she put it on
        # Wednesday in Raleigh, N.C., where she also ...')
        said_before = sum(len(text[a:b].split()) for a, b in content)
        if quote or said_before > 5:
            return named, content, quote
        rest = _trim(text, s.starts[k + 1], s.end)
        if rest is not None:
            content.append(rest)
    return (named, content, quote) if content else None


# what opens the writer's own clause after 'X said,': not the statement's remainder
_WRITERS_CLAUSE = frozenset("and but while so as because although though whereas".split())
# 'Asked whether ...' opens a sentence or follows these: 'when asked if', ', asked about'
_BEFORE_ASKED = frozenset(("when", "after", "once", "if", ",", "—", "–"))


def _quote_run(text: str, quotes: Sequence[Span], q: int) -> list[Span]:
    """Quotation `q` and those it runs on into (the next sentences or paragraphs)."""
    spans = []
    qs, qe = quotes[q]
    trimmed = _trim(text, qs, qe)
    if trimmed:
        spans.append(trimmed)
    while q + 1 < len(quotes) and _continues(text, qe, quotes[q + 1][0]):
        q += 1
        qs, qe = quotes[q]
        trimmed = _trim(text, qs, qe)
        if trimmed:
            spans.append(trimmed)
    return spans


def _quote_after_colon(
    text: str, end: int, quotes: Sequence[Span], quote_starts: Sequence[int]
) -> list[Span]:
    """'The mayor said:' closing its sentence, the quotation opening the next paragraph."""
    colon = end
    while colon < len(text) and colon - end < 3 and text[colon] in " \t":
        colon += 1
    if colon >= len(text) or text[colon] != ":":
        return []
    q = _quote_at(quotes, quote_starts, colon + 1, colon + 12)
    if q < 0 or text[colon + 1 : quotes[q][0]].strip(" \t\r\n\"“”'‘’«»"):
        return []
    return _quote_run(text, quotes, q)


def _content_right(
    text: str,
    s: _Sentence,
    after: int,
    quotes: Sequence[Span],
    quote_starts: Sequence[int],
    low: str,
) -> tuple[list[Span], bool]:
    """What follows the cue: a quotation, a 'that' clause or the rest of the sentence."""
    n = len(s.words)
    cue_end, after = after, _past_when(s, after, low)
    if low in DENIAL_CUES and after < n:
        # 'denied (the) reports of a leak': what is denied is a leak
        k = after + (s.lower[after] in ("the", "any"))
        if k + 2 < n and s.lower[k] in _CONTENT_NOUNS and s.lower[k + 1] in ("of", "about"):
            after = k + 2
    elif low in REPORT_NOUNS and after + 1 < n and s.lower[after] in ("of", "about"):
        after += 1  # '(denied) reports of a leak': what is reported is a leak
    if after > cue_end and after + 1 < n and s.words[after] == "," and s.lower[after + 1] == "that":
        after += 1  # 'said on Jan. 26, 2019, that ...' (not a parenthesis: 'X, he said, that')
    if after >= n:
        return [], False
    # a quotation opening within a few words ('said on Twitter: "...')
    window_end = s.starts[min(after + 8, n - 1)] + 1
    q = _quote_at(quotes, quote_starts, s.starts[after], window_end)
    if q < 0 and s.lower[after] in ("at", "against") and low in OBJECT_CUES and after + 1 < n:
        # whom the words were aimed at, to the clause's end: 'lashed out at the board',
        # 'railed against the provisions that pock the code, (he's sought ...)'
        stop = after + 1
        while stop < n and s.words[stop] not in _CLAUSE_BREAKS:
            stop += 1
        span = _trim(text, s.starts[after + 1], s.ends[stop - 1])
        return ([span] if span else []), False
    that = -1
    for k in range(after, min(after + 10, n)):
        if s.lower[k] == "that":
            if k + 1 < n and s.lower[k + 1] in _CLAUSE_VERBS:
                break  # 'that' as the subject: 'said that was wrong', '... and that was all'
            if k > after + 1 and s.lower[k - 1] in ("and", "but"):
                break  # a second clause: 'said the plan failed and that the ferry ...'
            if (
                k > after
                and s.lower[k - 1] in _CONTENT_NOUNS
                and low not in DENIAL_CUES  # 'denied reports that ...' denies what follows
                and not low.startswith("call")
            ):
                break  # 'said reports that ... were false': the reports are the subject
            that = k
            break
        if s.words[k] in (",", ".", ";") or (
            s.lower[k] in _SPEECH_VERBS  # not 'on the same call that': a noun
            and k > after
            and s.lower[k - 1] not in _DETERMINERS
        ):
            break
        if (
            s.lower[k] in _SUBJECT_PRONOUNS
            or (k > after and s.lower[k] in _CLAUSE_VERBS)
            or _CONTRACTED_SUBJECT.match(s.lower[k])
        ):
            # the clause began without 'that': 'said he had not seen a check like that',
            # 'said it's important that ...'
            break
    if q >= 0 and (that < 0 or quotes[q][0] < s.starts[that]):
        gap = text[s.starts[after] : quotes[q][0] - 1]
        if len(gap) < 60 and not _has_clause(gap) and not _inside_clause(text, gap, quotes[q]):
            return _quote_run(text, quotes, q), True
    if that >= 0 and that + 1 < n:
        span = _trim(text, s.starts[that + 1], s.end)
        return ([span] if span else []), False
    first = s.words[after]
    if after + 1 < n and s.lower[after + 1] == "asked" and s.lower[after] in _BEFORE_ASKED:
        return [], False  # 'said when asked whether ...': the question is not the answer
    if first in (",", ".", ";", "!", "?", "”", '"', "''") or s.lower[after] in _PREPOSITIONS:
        if s.lower[after] == "to" and (
            low in INFINITIVE_CUES
            # speech kept up: 'continued to insist that ...' (not 'continued to grow')
            or (
                low.startswith("continu")
                and after + 1 < n
                and (s.lower[after + 1] in SPEECH_CUES or s.lower[after + 1] in ATTITUDE_CUES)
            )
        ):
            span = _trim(text, s.starts[after], s.end)
            return ([span] if span else []), False
        if s.lower[after] == "with" and low.startswith(("agree", "disagree")) and after + 1 < n:
            # whom or what one sides with: 'agree with his assessment'
            span = _trim(text, s.starts[after + 1], s.end)
            return ([span] if span else []), False
        if s.lower[after] in _PREPOSITIONS:
            # where or when, then the clause: 'said in Madison, Wisconsin, that ...'
            for k in range(after + 1, min(after + 14, n - 1)):
                if s.lower[k] == "that":
                    if s.lower[k + 1] in _CLAUSE_VERBS:
                        break  # 'said at a meeting that was held ...': the place's clause
                    span = _trim(text, s.starts[k + 1], s.end)
                    return ([span] if span else []), False
                if s.words[k] in (".", ";", ":", "“", '"', "''") or (
                    s.lower[k] in SPEECH_CUES
                    and not (s.lower[k] in _ISSUING and s.lower[k - 1] in DOCUMENT_NOUNS)
                ):
                    break  # (not 'in a statement posted on Telegram that ...')
        return [], False
    span = _trim(text, s.starts[after], s.end)
    return ([span] if span else []), False


def _date_end(s: _Sentence, k: int) -> int:
    """The token after a date opening at token `k` ('July 8', 'Jan. 5', 'in December',
    'on Jan. 5'), or `k`. A month alone needs 'in' or 'on' before it ('May' is a verb
    as often)."""
    n = len(s.words)
    at = k + 1 if s.lower[k] in ("in", "on") else k
    if at >= n or s.lower[at].rstrip(".") not in MONTHS:
        return k
    end = at + 1
    if end < n and s.words[end] == ".":
        end += 1  # 'Jan .' where the full stop is a token of its own
    if end < n and s.words[end].isdigit():
        end += 1
        if end + 1 < n and s.words[end] == "," and len(s.words[end + 1]) == 4:
            end += 2 if s.words[end + 1].isdigit() else 0  # 'Jan. 26, 2019'
        return end
    return end if at > k else k


def _after_occasion(s: _Sentence, k: int) -> int:
    """The token of the pronoun opening a clause after a short phrase of occasion at
    token `k` ('after the vote he ...', 'during a rally she ...'), or `k`. Only a
    pronoun marks where the phrase ends: 'said after the vote the plan ...' is read
    no further."""
    if s.lower[k] not in ("after", "before", "during", "at") or k + 2 >= len(s.words):
        return k
    if s.lower[k + 1] not in _DETERMINERS:
        return k
    for m in range(k + 2, min(k + 5, len(s.words))):
        if s.lower[m] in _SUBJECT_PRONOUNS:
            return m if m > k + 2 else k
        if not s.words[m].isalpha() or s.lower[m] in NP_STOP:
            return k
    return k


# what a statement is given in: 'said in a statement', 'told CNN in an interview'
_OCCASIONS = DOCUMENT_NOUNS | frozenset(
    "statements interviews tweets e-mail op-ed briefing call podcast broadcast".split()
)
# a participle saying where a statement was given or sent: 'in a statement released ...'
_GIVEN = frozenset("released posted provided published issued sent emailed read".split())


def _after_statement(s: _Sentence, k: int) -> int:
    """The token opening the clause after 'in a statement' at token `k`, with what
    follows that phrase ('in an interview with CNN', 'in a statement released Thursday
    night'), or `k` where no clause opens after it."""
    n = len(s.words)
    if s.lower[k] != "in" or k + 3 >= n:
        return k
    m = k + 1 + (s.lower[k + 1] in _DETERMINERS)
    if m + 1 < n and s.lower[m] not in _OCCASIONS and s.words[m].isalpha():
        m += 1  # one adjective: 'a written statement', 'a joint statement'
    if m >= n or s.lower[m] not in _OCCASIONS:
        return k
    m += 1
    if m < n and s.lower[m] in _GIVEN:
        m += 1  # 'released', 'provided to POLITICO'
    m = _past_when(s, m, "") if m < n else m  # 'released on January 26'
    if m < n and s.lower[m] in ("with", "on", "to", "by"):
        m = _after_whom(s, m)
        if m < 0:
            return k
    m = _past_when(s, m, "") if m < n else m
    return m if _clause_opens(s, m) else k


def _after_whom(s: _Sentence, k: int) -> int:
    """The token after 'to', 'with', 'on' or 'by' at token `k` and whom or where it
    names ('to reporters', 'with CNN', 'on Twitter', 'to The New York Times'), or -1."""
    n = len(s.words)
    m = k + 1
    m += m < n and s.lower[m] in _DETERMINERS
    start = m
    while m < n and m - start < 4 and (_is_name(s.words[m]) or s.words[m] == "."):
        m += 1
    if (
        m == start
        and m < n
        and s.words[m].isalpha()
        and s.words[m].islower()
        and (m > k + 1 or (s.lower[m].endswith("s") and not s.lower[m].endswith("ss")))
    ):
        m += 1  # 'to reporters', 'with the board' (not a verb: 'continued to affirm')
    return -1 if m == start else m


# what opens the clause of a statement besides a subject: 'explained to CBS why ...'
_WH = frozenset("why how what whether when where who".split())


def _clause_opens(s: _Sentence, m: int) -> bool:
    """Whether a clause (or 'that' before one) opens at token `m`."""
    if m + 1 >= len(s.words) or s.words[m + 1] in (".", "!", "?"):
        return False  # one word before the sentence ends is no clause ('... on January 26.')
    word = s.lower[m]
    return (
        word == "that"
        or word in _WH
        or word in _SUBJECT_PRONOUNS
        or word in _DETERMINERS
        or word in _QUANTIFIERS
        or _is_name(s.words[m])
        or s.words[m][0].isdigit()
    )


def _after_addressee(s: _Sentence, k: int, low: str) -> int:
    """The token opening the clause after whom a statement was made to at token `k`
    ('explained to CBS why ...', 'said to reporters the plan ...'), or `k`."""
    if (
        s.lower[k] != "to"
        or low not in _SPEECH_VERBS
        or low in _SPEECH_OBJECT
        or low in INFINITIVE_CUES  # 'vowed to eliminate ...': what was vowed
        or s.title_case()  # ('Vows To Eliminate Tax Breaks': every word a capital)
    ):
        return k
    m = _after_whom(s, k)
    return m if m > 0 and _clause_opens(s, m) else k


def _past_when(s: _Sentence, k: int, low: str) -> int:
    """The token after the words that say when or how right after a cue: 'said Friday
    morning', 'told The Post earlier this year', 'said sarcastically', 'said of Trump'
    (whom it was about, where the statement is the quotation before the cue), and a
    phrase of occasion or addressee before a clause ('said in a statement Thursday the
    ...', 'explained to CBS why ...')."""
    n = len(s.words)
    start = k
    while k < n:
        word = s.lower[k]
        if word in _WHEN_WORDS or (k > start and word in _WHEN_UNITS):
            k += 1  # 'Friday', 'Friday morning', 'earlier'
        elif word == "on" and k + 1 < n and s.lower[k + 1] in WEEKDAYS:
            k += 2  # 'said on Monday the quay ...'
        elif k + 1 < n and word in _WHEN_AFTER and s.lower[k + 1] in _WHEN_UNITS:
            k += 2  # 'last week', 'this year'
        elif (date := _date_end(s, k)) > k:
            k = date  # 'said July 8', 'said Jan. 5', 'said in December'
        elif word.endswith("ly") and _adverb(word) and k + 1 < n and s.words[k + 1] in ".,;":
            k += 1  # 'said sarcastically.' (not 'said only five ...')
        elif (pronoun := _after_occasion(s, k)) > k:
            k = pronoun  # 'said after the vote he would ...'
        elif (clause := _after_statement(s, k)) > k:
            k = clause  # 'said in a statement Thursday the plan ...'
        elif (clause := _after_addressee(s, k, low)) > k:
            k = clause  # 'explained to CBS why ...'
        else:
            break
    if k < n and s.lower[k] in ("of", "about") and low in _SAID:
        # 'she said of Trump.': a short phrase ending the sentence says whom it was
        # about (not 'said of gay couples: "..."', not 'said about half of ...')
        rest = s.words[k + 1 : k + 6]
        if "." in rest and not any(w in (":", ",", "“", '"', "''") for w in rest):
            return n
    return k


def _inside_clause(text: str, gap: str, quote: Span) -> bool:
    """Whether a quotation sits inside the clause that is the statement: words before
    it with a subject ('said he saw “cord-cutting” accelerate', 'said it exposed Isis
    as the “caliphate of barbarism”') or words going on after it ('called the article
    “false” Monday'), not a quotation the cue hands over to ('said: “...”')."""
    if not gap.strip(" ,:—–-\n"):
        return False
    if any(w in _CLAUSE_SUBJECTS for w in _WORD.findall(gap.lower())):
        return True
    rest = text[quote[1] : quote[1] + 3].lstrip(" ”\"'’")
    return rest[:1].isalnum()


def _has_clause(gap: str) -> bool:
    """Whether the words between a cue and a quotation hold a clause of their own
    ('said he would, and added “...”', 'dismissed those reports as “...”') rather than a
    phrase of place or time ('said in a tweet, “...”', 'said at one point, “...”': there
    a cue word after a determiner or number is a noun)."""
    words = _WORD.findall(gap.lower())
    phrase = bool(words) and words[0] in _PREPOSITIONS
    return any(
        w in ("and", "but", "because", "which", "who")
        or (w in SPEECH_CUES and not (phrase and k and words[k - 1] in _NOUN_BEFORE))
        for k, w in enumerate(words)
    )


# words after which a cue word is a noun: 'a tweet', 'one point', 'his post'
_NOUN_BEFORE = _DETERMINERS | _QUANTIFIERS


def _continues(text: str, end: int, next_start: int) -> bool:
    """Whether a quote left open at a paragraph end (`end`) goes on at `next_start`."""
    return end < len(text) and text[end] == "\n" and not text[end:next_start].strip(' \n\t“"')


def _content_left(
    text: str,
    s: _Sentence,
    head: int,
    quotes: Sequence[Span],
    quote_starts: Sequence[int],
) -> tuple[list[Span], bool]:
    """What precedes a speaker that follows its statement ('"...," he said')."""
    lead = text[max(0, s.start - 4) : head] if s.start < head + 1 else ""
    before = text[s.start : head].rstrip()
    # a quotation ending in '?' or '!' closes the previous "sentence": '"Why?" he asked.'
    stripped = lead.rstrip()
    if not before and stripped and stripped[-1] in "”“\"'":
        end = head - (len(lead) - len(stripped))
    elif (
        not before
        or (
            before[-1] not in ",”“\"—–'"  # (“ where ” belongs: quote_spans)
            # a single mark closing a quotation, not an apostrophe: 'Crisis,’ Dean tells'
            and not (before[-1] == "’" and before[-2:-1] in (",", ".", "?", "!"))
        )
    ):
        return [], False
    else:
        end = s.start + len(before)
    q = bisect.bisect_right(quote_starts, end) - 1
    if q >= 0 and quotes[q][1] >= end - 3 and quotes[q][1] <= end:
        spans = []
        qi = q
        # a quotation that opened in earlier paragraphs and runs up to here
        while qi > 0 and _continues(text, quotes[qi - 1][1], quotes[qi][0]):
            qi -= 1
        if qi == q and len(text[s.start : quotes[q][0]].split()) >= 2:
            # a quoted phrase closing a paraphrase: 'Washington is working with the
            # government and "all interested parties," he added' states the whole
            span = _trim(text, s.start, end)
            return ([span] if span else []), False
        for qs, qe in quotes[qi : q + 1]:
            trimmed = _trim(text, qs, qe)
            if trimmed:
                spans.append(trimmed)
        return spans, True
    span = _trim(text, s.start, end)
    return ([span] if span else []), False


_ACCORDING_REACH = 30
"""How many tokens after 'according to' its source may run before a clause break."""


# 'say' whose 'of X' or 'about X' may name whom a quotation was about
_SAID = frozenset(("said", "says", "say", "saying"))
# words after 'according to X,' that go on with the writer's own sentence
_GOES_ON = frozenset(("and", "but", "while", "which", "though", "although", "so", "as"))


def _according(
    text: str, s: _Sentence, i: int, quotes: Sequence[Span], quote_starts: Sequence[int]
) -> Attribution | None:
    n = len(s.words)
    if i + 2 >= n:
        return None
    # the source is everything up to the clause break ('according to early results of
    # exit polls conducted for the AP by Edison Research, ...'), when one comes soon;
    # else the noun phrase
    k = i + 2
    while k < n and k - i < _ACCORDING_REACH and s.words[k] not in _CLAUSE_BREAKS:
        k += 1
    closed = k - i < _ACCORDING_REACH and (k < n or s.hi == s.end)
    source_tokens = (i + 2, k) if closed and k > i + 2 else _noun_phrase_right(s, i + 2)
    if source_tokens is None:
        return None
    cue = (s.starts[i], s.ends[i + 1])
    source = (s.starts[source_tokens[0]], s.ends[source_tokens[1] - 1])
    # the statement is the rest of the sentence on the other side of the phrase
    k = source_tokens[1]
    before = _trim(text, s.start, cue[0])
    # '..., according to the office, and the top routes rose': the writer goes on after
    # the phrase; what the office says is before it
    goes_on = k + 1 < n and s.lower[k + 1] in _GOES_ON and before is not None
    if k < n and s.words[k] == ":" and before is None:
        # 'According to the Post: "..."': the quotation after the colon
        quoted = _quote_after_colon(text, s.ends[k - 1], quotes, quote_starts)
        if quoted:
            return Attribution(cue=cue, source=source, content=tuple(quoted), quote=True)
        span = _trim(text, s.ends[k], s.end)
    elif (
        k < n
        and s.words[k] == ","
        and not goes_on
        and not (
            # '..., according to Remco Breuker, professor of ...': who the source is
            before is not None and text[before[1] : cue[0]].strip() == ","
        )
    ):
        span = _trim(text, s.starts[k], s.end)
    else:
        span = before
    if span is None:
        return None
    return Attribution(cue=cue, source=source, content=(span,), quote=False)
