"""Rules that find attributed statements in news text: cue, source and content spans.

The scan is linear in the text: sentences and quotation marks are found by regular
expressions over the whole text, cue words by one compiled alternation, and only the
sentence around each cue is tokenised. No model is loaded.

Examples
--------
>>> text = 'Officials said the bridge would reopen. "It is safe," the mayor told reporters.'
>>> for a in find_attributions(text):
...     print(repr(a.cue_text(text)), repr(a.source_text(text)), repr(a.content_text(text)))
'said' 'Officials' 'the bridge would reopen'
'told' 'the mayor' 'It is safe'
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from reconcile._progress import progress_bar
from reconcile.extract.lexicon import (
    ANONYMOUS_HEADS,
    ATTITUDE_CUES,
    AUXILIARIES,
    DENIAL_CUES,
    DOCUMENT_NOUNS,
    INFINITIVE_CUES,
    MONTHS,
    NP_STOP,
    OBJECT_CUES,
    PASSIVE_REPORT,
    POLLS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORTED_ADVERBS,
    SKIP_BEFORE_CUE,
    SPEECH_CUES,
    WEEKDAYS,
)
from reconcile.extract.segment import blank_markup, quote_spans, sentence_spans

__all__ = ["Attribution", "find_attributions"]

Span = tuple[int, int]

# two apostrophes are one quotation mark (''like this'', as some newspapers print it)
# (possessive quantifiers: what follows each part can never be matched by giving some of
# it back, so the engine keeps no backtracking state; the same tokens, a fifth faster)
_TOKEN = re.compile(r"\w++(?:['’/&-]\w++)*+(?:\.(?:\w\.)++)?+|''|[^\w\s]")
_OPENING = frozenset('“"')
_SPEECH_OBJECT = frozenset(SPEECH_CUES & {"told", "tell", "tells", "telling", "informed",
                                         "assured", "asked", "urged", "briefed", "reassured",
                                         "warned", "reminded", "advised"})  # fmt: skip
_CLAUSE_ATTITUDE = frozenset(
    w
    for w in ATTITUDE_CUES
    if w.startswith(
        (
            "think",
            "thought",
            "believ",
            "feel",
            "felt",
            "know",
            "knew",
            "fear",
            "hope",
            "expect",
            "doubt",
            "understand",
            "understood",
            "suspect",
            "assum",
            "wish",
            "worr",
            "agree",
        )
    )
)
_PREPOSITIONS = frozenset(
    "on in at during via through with to from after before over outside inside near behind "
    "beside across under".split()
)
# when, said right after the cue ('said Friday', 'said last week'): not what was said
_WHEN_WORDS = frozenset(WEEKDAYS) | frozenset(
    "today yesterday tonight then recently earlier later previously again".split()
)
_TIME_SPANS = frozenset(
    "minute minutes hour hours day days week weeks month months year years".split()
)
_WHEN_AFTER = frozenset(("last", "this", "next", "earlier", "late"))
_WHEN_UNITS = frozenset(
    "week month year night morning afternoon evening weekend spring summer fall autumn "
    "winter".split()
)
_DETERMINERS = frozenset("the a an this that these those his her their its our my".split())
# Between a comma and a participle cue: '", claiming', ', while adding'
_AFTER_COMMA = frozenset(("”", '"', "'", "''", "while", "and", "before"))
# nouns for what someone says, heading a clause that names the speaker ('a charge the
# campaign denies')
_CLAIM_NOUNS = frozenset(
    "claim charge allegation assertion accusation contention notion view characterization "
    "characterisation description".split()
)
_NAMED_CLAIM = re.compile(
    r",\s+((?:a|an)\s+(?:" + "|".join(sorted(_CLAIM_NOUNS)) + r"))\s+$", re.IGNORECASE
)
_REPORT_VERBS = frozenset(("reported", "reports", "report"))
_ISSUING = frozenset("posted published released issued broadcast aired shared carried".split())
# nouns a 'that' clause completes ('reports that ...', 'the claim that ...')
_CONTENT_NOUNS = (
    REPORT_NOUNS
    | _CLAIM_NOUNS
    | frozenset("rumor rumors rumour rumours allegations suggestion suggestions story stories "
                "fact idea news accusations charges".split())
)  # fmt: skip
# Before a participle cue whose speaker is the sentence's subject: 'by saying that'
# who speaks for an organisation named after 'for' or 'of'
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative "
    "representatives lawyer lawyers attorney attorneys".split()
)
_BEFORE_PARTICIPLE = frozenset(("by", "after", "before", "while", "without", "—", "–"))
_QUANTIFIERS = frozenset("one two three another some several many most few".split())
# verbs that follow a clause's subject: 'warned the dam could fail' has no object
_CLAUSE_VERBS = AUXILIARIES
# words that open a clause as its subject, besides pronouns, determiners and names
# (not 'all', 'most', 'each', 'no': 'knew all about', 'felt most keenly', 'doubted
# each other', 'believed no matter how')
_CLAUSE_OPENERS = frozenset(
    "some several many few there everyone everybody nobody someone somebody".split()
)


_WORD = re.compile(r"[A-Za-z]+")
# Base forms that are far more often nouns ('the State Department', '22 points').
_NOUNLIKE = frozenset(
    "state states post posts point points question questions challenge challenges charge "
    "charges plan plans brief briefs remark remarks report quote quotes project "
    "projects detail details outline outlines welcome demand demands estimate estimates "
    "hint hints threat counter mention challenge defend praise tweet tweets claim call calls "
    "continue continues view views rules protests".split()
)
# talking about something: the topic, not a statement ('spoke about the drug crisis')
_TALK = frozenset("speak speaks spoke speaking talk talks talked talking".split())
# ... and discussing something ('flew back to discuss the talks'), unless a clause,
# a colon or a quotation follows
_DISCUSS = frozenset("discuss discusses discussed discussing".split())
_MAKE = frozenset(("made", "make", "makes", "making"))
_ADD_OPENERS = frozenset(("that", ":", ",", '"', "“", "'", "‘"))
"""What may follow 'add' when it says something ('I would add that ...')."""
_ATTEMPT = frozenset(
    "try tries tried trying attempt attempts attempted attempting effort efforts decision "
    "decided process soon fail fails failed unable ready hesitancy persuaded "
    "determined".split()
)
"""Words before 'to' and a cue that make the statement one not (yet) made."""
# Of those, verbs of saying where a 'that' clause follows: 'The Tax Policy Center
# estimates that ...' (not 'the estimates that', 'his claim that'). ('states that' is
# a noun too often: 'the states that voted'; 'plans to' tells of an intention, not a
# statement.)
_NOUNLIKE_VERBS = dict.fromkeys(
    "estimate estimates claim charge charges report hint hints mention project projects "
    "counter".split(),
    "that ",
)
# words before such a verb that make it a noun: 'new estimates that', 'no claim that'
_NOUN_MODIFIERS = frozenset(
    "new latest recent early earlier initial official previous such other own first last "
    "many some most several few more no any false baseless unfounded debunked".split()
)
_AMOUNT_STARTS = frozenset("0123456789$€£")
# words whose "'s" is 'has' or 'is', not a possessive: "who's called for", "it's said"
_CONTRACTING = PRONOUNS | {"who", "what", "that", "there", "here", "where", "which"}
_CONTRACTED_SUBJECT = re.compile(r"(?:i|you|he|she|it|we|they|there)['’]\w")
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ful", "ary")
_CUE_WORDS = (SPEECH_CUES | ATTITUDE_CUES | _TALK | {"according", "put", "clear"}) - _NOUNLIKE | {
    "calls",
    "points",  # only before 'out' (see _NEEDS_AFTER)
    *_NOUNLIKE_VERBS,
}


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` nested by shared prefixes ('sa(?:id|ys)').

    The regex engine tries alternatives one by one; nested, it tests a few letters
    per position instead of every word, so one pass over a text finds all the words
    faster than collecting the text's words and looking each up in a set.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here and longer ones go on
            return ("(?:" + group + ")?") if len(alts) == 1 else group + "?"
        return group

    return branch(tree)


# a cue word between non-letters ('said,' and 'said2' both count)
_CUE = re.compile(r"(?<![a-z])" + _trie_pattern(_CUE_WORDS) + r"(?![a-z])")
# speech verbs that are not also common nouns ('state', 'call', 'report' are)
_SPEECH_VERBS = SPEECH_CUES - _NOUNLIKE


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


# The rules read at most a few dozen tokens either side of a cue, so a long sentence
# is tokenised only this many characters around it.
WINDOW = 160


class _Sentence:
    """The tokens of one sentence near a cue: starts, ends, surface and lower forms.

    `start` and `end` bound the sentence; the tokens cover [`lo`, `hi`), which is the
    whole sentence unless it is long.
    """

    __slots__ = ("end", "ends", "hi", "lo", "lower", "start", "starts", "words")

    def __init__(self, text: str, start: int, end: int, pos: int) -> None:
        self.start, self.end = start, end
        lo, hi = max(start, pos - WINDOW), min(end, pos + WINDOW)
        if lo > start:
            lo = text.find(" ", lo, pos) + 1 or pos
        if hi < end:
            hi = text.rfind(" ", pos, hi) if text.rfind(" ", pos, hi) > pos else hi
        self.lo, self.hi = lo, hi
        # map over the unbound Match methods: C loops, not a Python frame per token
        matches = list(_TOKEN.finditer(text, lo, hi))
        self.starts: Sequence[int] = list(map(re.Match.start, matches))
        self.ends: Sequence[int] = list(map(re.Match.end, matches))
        self.words = list(map(re.Match.group, matches))
        # tokens hold no spaces: one join, one lower() and one split instead of a loop
        self.lower = " ".join(self.words).lower().split(" ") if matches else []

    def title_case(self) -> bool:
        """Whether the tokens are a title-cased line (a headline), where a capital
        letter says nothing about a word being a name: most words of four letters
        or more start with one."""
        long = [w for w in self.words if len(w) >= 4 and w[0].isalpha()]
        return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)

    def covers(self, pos: int) -> bool:
        """Whether the tokens reach far enough either side of `pos` for the rules."""
        margin = WINDOW // 2
        return (self.lo == self.start or pos - self.lo >= margin) and (
            self.hi == self.end or self.hi - pos >= margin
        )

    def index(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)


def _is_name(word: str) -> bool:
    return word[:1].isupper()


# a part or a number of a group, before 'of': 'a number of economists', 'most of them'
_PARTITIVES = frozenset(
    """array number group majority minority lot lots dozens hundreds thousands
    millions handful host couple series range variety panel coalition bunch half
    third quarter most many some several few all none both each one two three
    members leaders""".split()
)


_SUBJECT_PRONOUNS = frozenset(("i", "he", "she", "we", "they", "you"))
_RELATIVE_EDGE = frozenset((",", "—", "–", "-"))  # what sets off a relative clause
_CLAUSE_EDGE = frozenset((",", "”", '"', "''", "—", "–", ";", ":"))
# the second of two speakers: 'he and Mr. Allen', 'she and a colleague', 'she and two aides'
_SECOND_SPEAKER = _SUBJECT_PRONOUNS | _DETERMINERS | _QUANTIFIERS
_CLAUSE_SUBJECTS = _SUBJECT_PRONOUNS | {"it"}  # a word that opens a clause as its subject


def _name_run_start(s: _Sentence, start: int, end: int) -> int:
    """Where the name ending the tokens [start, end) begins, with its determiner and
    role ('the former senator Mitch Lund'), past a verb the noun phrase took in ('He
    met Lund', 'It angered Lund')."""
    k = end
    while k > start and (
        _is_name(s.words[k - 1])
        or s.words[k - 1] in (".", "'", "’")
        or (s.lower[k - 1] in ("of", "de", "van", "von") and k - 1 > start)
    ):
        k -= 1
    for d in range(k - 1, max(start, k - 4) - 1, -1):
        if s.lower[d] in _DETERMINERS:
            return d
        if not s.words[d].isalpha():
            break
    return k if k < end else start


def _spaced_hyphen(s: _Sentence, k: int) -> bool:
    """Token `k` is a hyphen with a space either side: a dash typed as '-'."""
    return (
        s.words[k] == "-"
        and 0 < k < len(s.words) - 1
        and s.ends[k - 1] < s.starts[k]
        and s.ends[k] < s.starts[k + 1]
    )


def _typed_dash(s: _Sentence, k: int) -> bool:
    """Token `k` ends a dash typed as ' - ' or '--' (newswire text has no '—')."""
    if _spaced_hyphen(s, k):
        return True
    return (
        k > 0
        and s.words[k] == "-"
        and s.words[k - 1] == "-"
        and s.ends[k - 1] == s.starts[k]  # '--', not '- -'
        and (k + 1 >= len(s.words) or s.ends[k] < s.starts[k + 1])
    )


# capitalised words before an article that keep the phrase going ('All the officials')
_BEFORE_ARTICLE = frozenset(("all", "both", "half"))


def _noun_phrase_left(s: _Sentence, i: int) -> tuple[int, int] | None:
    """Token range [j, i) of the noun phrase ending just before token `i`."""
    j = i
    aside = 0  # tokens in parentheses, which do not count toward the phrase's length
    # (a long title and name runs on: 'Senate Minority Leader Harry M. Reid (D-Nev.)')
    while j > 0 and (i - j - aside < 9 or (i - j - aside < 14 and _is_name(s.words[j - 1]))):
        w, low = s.words[j - 1], s.lower[j - 1]
        if w == ")":
            # 'Sen. Marco Rubio (R-Fla.)': a parenthesis after a name is part of it, even
            # a long one ('Sen. Chris Murphy (a Connecticut Democrat so boyish ...)')
            p = j - 2
            while p > max(0, j - 30) and s.words[p] not in ("(", ")"):
                p -= 1
            if p < 1 or s.words[p] != "(":
                break
            aside += j - p
            j = p
            continue
        if low in NP_STOP and not (_is_name(w) and j - 1 > 0 and low not in ("the", "a")):
            if (
                low in ("of",)
                and j - 2 >= 0
                and (_is_name(s.words[j - 2]) or s.lower[j - 2] in _OF_HEADS)
            ):
                # 'Secretary of State', 'a wide array of economists', 'an analysis of
                # the filings' (the analysis speaks, not the filings)
                j -= 1
                continue
            if (
                low == "and"
                and j < i
                and j - 2 >= 0
                and (_is_name(s.words[j - 2]) or s.lower[j - 2] in _SUBJECT_PRONOUNS)
                and (_is_name(s.words[j]) or s.lower[j] in _SECOND_SPEAKER)
            ):
                j -= 1  # 'he and Mr. Allen said', 'she and another reporter said'
                continue
            if (
                low == "and"
                and j < i
                and j - 2 >= 0
                and s.lower[j - 2].isalpha()
                and s.lower[j - 2] not in NP_STOP
                and (j - 3 < 0 or s.words[j - 3] in _CLAUSE_EDGE)
            ):
                j -= 2  # one word and the rest from a clause's edge: '..., current and
                continue  # former officials said', '..., teachers and union officials told'
            if low in ("for", "of") and j - 2 >= 0 and s.lower[j - 2] in _SPEAKS_FOR:
                j -= 1  # 'a spokeswoman for Korven Power': the organisation speaks
                continue
            if low in ("in", "of") and j < i and s.words[j][0].isdigit() and j - 2 >= 0:
                j -= 1  # 'Six in 10', 'four of 10'
                continue
            break
        if not (w[0].isalnum() or w in ("'", "’", "&", "-", "/", ".", "(", ")", "%")):
            break
        if w == "-" and _typed_dash(s, j - 1):
            break  # a hyphen between spaces is a dash: 'RANGOON, Burma - Aung San Suu Kyi'
        if (
            w == "."
            and not (j - 2 >= 0 and len(s.words[j - 2]) <= 4)
            and not (
                # a full stop inside a word: 'Boston.com', 'Foxnews.es'
                j - 2 >= 0 and s.ends[j - 2] == s.starts[j - 1] and s.ends[j - 1] == s.starts[j]
            )
        ):
            break
        j -= 1
        if (
            low in ("the", "a", "an")
            and j > 0
            and _is_name(s.words[j - 1])
            and s.lower[j - 1] not in _BEFORE_ARTICLE
        ):
            break  # an article after a name opens the phrase: 'told Reuters the group ...'
    while j < i and s.words[j] in ("'", "’", "-", "/", ".", "(", ")"):
        j += 1
    return (j, i) if j < i else None


def _noun_phrase_right(s: _Sentence, i: int) -> tuple[int, int] | None:
    """Token range [i, k) of a noun phrase starting at token `i`."""
    k = i
    while k < len(s.words) and k - i < 9:
        w, low = s.words[k], s.lower[k]
        if not (w[0].isalnum() or w in ("'", "’", "&", "-", "/")) and not (
            w == "."
            and k > i
            # 'Gov. Jim Doyle', 'Steven M. Ekovich'
            and (
                s.lower[k - 1] in _TITLES or (len(s.words[k - 1]) == 1 and s.words[k - 1].isupper())
            )
        ):
            break
        if (
            low in NP_STOP
            and not (low == "of" and k > i and _is_name(s.words[k - 1]))
            # a first name that is also a word: 'said Will Doyle', 'said May Lund'
            and not (w[0].isupper() and k + 1 < len(s.words) and _is_name(s.words[k + 1]))
        ):
            break
        if low in SPEECH_CUES and k > i and not _is_name(w):  # (not 'the Post')
            break
        if low in _WHEN_WORDS and k > i:
            break  # 'said Smith Tuesday': when, not who
        k += 1
    return (i, k) if k > i else None


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


def _noun_reading(s: _Sentence, i: int) -> bool:
    """Whether the cue word at token `i` (not the first) is a noun or an adjective here,
    by the word before it: "Trump's claims", "Lund's repeated assurances", 'expected
    answers', 'any criminal charges that', 'in biographical disputes', 'new estimates
    that', and a plural before the sentence's verb ('filed reports show that')."""
    low, before = s.lower[i], s.lower[i - 1]
    # (not "who's called for", where the 's is 'has')
    possessive = before.endswith(("'s", "’s")) and before[:-2] not in _CONTRACTING
    # the word before an adjective before it: 'any criminal charges', 'in biographical
    # disputes' (a determiner there counts only before a verb that is a noun as often:
    # 'the executive says' is a speaker)
    adjective_after = s.lower[i - 2] if i > 1 and before.endswith(_ADJECTIVE_ENDINGS) else None
    participle = s.words[i - 1].islower() and before.endswith(("ed", "ing"))
    if low in _NOUNLIKE_VERBS and (
        possessive
        or adjective_after in _BEFORE_ADJECTIVE
        or participle  # the object of a verb: 'made claims that', 'announced charges'
        or before in _BEFORE_NOUN
        or before.endswith(("s'", "s’"))
        or not s.words[i - 1][0].isalnum()
    ):
        return True
    if low.endswith("ed"):
        return possessive
    if not low.endswith("s"):
        return False
    if i + 1 < len(s.words) and s.lower[i + 1] in _VERBS_AFTER_NOUN:
        return True
    # ('denied reports that ...' are reports by nobody named: see _attribute)
    return low not in REPORT_NOUNS and (
        possessive or adjective_after in _PREPOSITIONS or (participle and before.endswith("ed"))
    )


def find_attributions(text: str, *, progress: bool = False) -> list[Attribution]:
    """Every attributed statement in `text`, in reading order.

    Parameters
    ----------
    text : str
        News text. HTML tags are read as spaces.
    progress : bool
        Show a progress bar over the characters read (needs ``reconcile[progress]``).

    Returns
    -------
    list of Attribution
        Spans into `text` for each cue found with its source and content.
    """
    text = blank_markup(text)
    sentences = sentence_spans(text)
    sentence_starts = [s for s, _ in sentences]
    quotes = quote_spans(text)
    quote_starts = [s for s, _ in quotes]
    cache: dict[int, _Sentence] = {}
    found: list[Attribution] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    bar = progress_bar(len(text), progress, "extracting", "char")
    done = 0
    for start, end in _cue_positions(lowered):
        if bar is not None and start - done >= 65536:
            bar.update(start - done)
            done = start
        needs = _NEEDS_AFTER.get(lowered[start:end])
        if needs is not None and not needs(lowered, end):
            continue  # a cue only before certain words ('made clear that'): not here
        k = bisect.bisect_right(sentence_starts, start) - 1
        if k < 0 or start >= sentences[k][1]:
            continue
        if _inside(quotes, quote_starts, start):
            continue  # speech inside a quotation belongs to the quoted speaker
        sent = cache.get(k)
        if sent is None or not sent.covers(start):
            cache.clear()
            sent = cache[k] = _Sentence(text, *sentences[k], start)
        i = sent.index(start)
        if i >= len(sent.words) or sent.starts[i] != start:
            continue
        noun_like = i > 0 and (
            (sent.words[i][0].isupper() and not sent.title_case())
            or (
                sent.lower[i - 1] in _DETERMINERS
                # 'a paper that found': a relative pronoun, not a determiner
                and not (i > 1 and sent.lower[i - 1] == "that" and sent.lower[i - 2] in _SAYERS)
            )
            # a number before the cue is a noun ('2015 reports') unless it is a share
            # of people ('4 in 10 say')
            or (
                sent.words[i - 1][0].isdigit() and not (i > 2 and sent.lower[i - 2] in ("in", "of"))
            )
            or _noun_reading(sent, i)
        )
        if i == 0 and sent.words[0] == "Say":
            continue  # the imperative: 'Say Mexico demanded ...'
        if noun_like and sent.lower[i] != "according":  # 'According' is never a name
            continue  # a noun or a name: 'the State Department', 'his claims'
        previous = found[-1] if found and found[-1].sentence == sentences[k] else None
        found_one = _attribute(text, sent, i, quotes, quote_starts, previous)
        if found_one is None:
            continue
        if previous is not None and _nested_view(text, previous, found_one):
            continue
        if (
            found_one.source is not None
            and (
                _AFTER_COMMA_WHO.search(text, found_one.source[0], found_one.source[1])
                # a participle set off after its subject: 'Obama, making it clear that ...,
                # stood beside him'
                or (
                    found_one.source[1] < found_one.cue[0]
                    and text[found_one.source[1] : found_one.cue[0]].strip() == ","
                )
            )
        ):
            found_one = _end_of_relative(text, found_one)
        object.__setattr__(found_one, "sentence", sentences[k])  # fresh, not yet shared
        back = len(found) - 1
        # statements nest a few deep at most; the bound keeps a sentence of thousands of
        # cues (text without punctuation) linear
        stop = max(-1, back - 8)
        while back > stop and found[back].sentence == sentences[k]:
            found[back] = _cut_before(text, found[back], found_one)
            back -= 1
        found.append(found_one)
    if bar is not None:
        bar.update(len(text) - done)
        bar.close()
    marks = _Marks(quotes, quote_starts, sentences, sentence_starts)
    extra = _headline_colons(text, marks)
    extra += _signed_quotes(text, marks, found)
    extra += _opening_polls(text, marks, found)
    extra += _polls_within(text, marks, found)
    extra += _reported_without_speaker(text, lowered, marks, found)
    extra += _nominal_that(text, lowered, marks, found)
    if extra:
        found = sorted([*found, *extra], key=lambda a: a.cue)
    found = _quoted_paragraphs(text, marks, found)
    return [_about(text, _asked(text, a)) for a in found]


# words that make a clause of a content ('the plan was flawed', 'it could fail')
_FINITE = AUXILIARIES | frozenset("be been being am shall do does did".split())


def _about(text: str, a: Attribution) -> Attribution:
    """`a`, flagged as a topic when its content is only the object of a verb like
    'criticized' or 'endorsed': what the speaker's words were about, not what they
    stated ('endorsed Clinton', 'outlined his plan'). A clause ('criticized the plan,
    which he said was flawed') or a quotation keeps its statement."""
    if a.quote or a.topic or a.question or a.nominal or len(a.content) != 1:
        return a
    cue = text[a.cue[0] : a.cue[1]].lower().split()
    if not cue or cue[0] not in OBJECT_CUES:
        return a
    start, end = a.content[0]
    if text[a.cue[1] : start].strip(" \t\n,"):
        return a  # words between: not the verb's object ('praised him, saying ...')
    words = text[start:end].lower().replace("’", "'").split()
    if not words or len(words) > 10 or words[0] == "to" or "as" in words:
        return a  # 'attacked her as unreliable' states what she is
    if any(w in _FINITE or w.endswith("n't") or (len(w) > 4 and w.endswith("ed")) for w in words):
        return a
    return attrs.evolve(a, topic=True)


# a speaker in a relative clause set off by commas: 'Lund, who said ..., left early'
_RELATIVE_END = re.compile(r"\b(?:who|which|that)$")  # a speaker that is a relative pronoun
_AFTER_COMMA_WHO = re.compile(r"(?:,|--|[—–-])\s*wh(?:o|ich)$")
_DASHED = re.compile(r"\s(?:--|[—–-])\s")  # the dash closing a clause a dash opened
# where the sentence's own verb comes back after that clause: ', left early', ', is making'
_MAIN_VERB_AGAIN = re.compile(
    r",\s+(?=(?:" + "|".join(sorted(AUXILIARIES)) + r"|does|did|plans|"
    r"left|went|came|made|took|gave|says|said|told|met|held|won|lost|ran|kept|began|"
    r"became|got|stood|spent|sent|built|paid|[a-z]+n['’]t|[a-z]{3,}ed)\b)"
)


def _end_of_relative(text: str, a: Attribution) -> Attribution:
    """`a`, its content ending where the sentence's own verb follows the relative
    clause it sits in ('Lund, who said the quay was unsafe, left early')."""
    if a.quote or len(a.content) != 1:
        return a
    start, end = a.content[0]
    edge = None if a.source is None else _AFTER_COMMA_WHO.search(text, *a.source)
    if edge is not None and edge.group().startswith(("-", "—", "–")):
        # opened by a dash ('the study -- which notes that ...'): it ends at the next
        verb = _DASHED.search(text, start, end)
    else:
        verb = _MAIN_VERB_AGAIN.search(text, start, end)
    if verb is None:
        return a
    cut = _trim(text, start, verb.start())
    return attrs.evolve(a, content=(cut,)) if cut is not None else a


# a quotation of one sentence that ends in a question mark ('"Will it last?" he asked')
_ONE_QUESTION = re.compile(r"[^.!?]*\?")


def _asked(text: str, a: Attribution) -> Attribution:
    """`a`, flagged as a question when it quotes one question and nothing else: it
    asks, and states nothing. A quotation that goes on past it keeps its statements."""
    if not a.quote or a.question or not a.content or text[a.content[-1][1] - 1] != "?":
        return a
    if _ONE_QUESTION.fullmatch(" ".join(text[s:e] for s, e in a.content)) is None:
        return a
    return attrs.evolve(a, question=True)


# 'John McCain: Populist Anger Appeals to ...' at the start of a line: a headline's
# way of saying who said it. One to six capitalised words (a few lower-case joiners).
# Before the name may come a tag: 'EXCLUSIVE – Roger Stone: ...', or the quotation
# mark that opens each paragraph of a transcript quoted whole ('"WALLACE: ...').
_HEADLINE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z]{3,}[ \t]*[–—-][ \t]*|[\"“][ \t]*(?=[A-Z]{2}))?"
    r"((?:[A-Z][\w.’'&-]*)(?:[ \t]+(?:[A-Z][\w.’'&-]*|of|the|and|de|van|von)){0,5})"
    r"[ \t]*(:)[ \t]+(?=\S)"
)
# 'RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “...”', 'Pollsters agree - Carl
# Bialik: “...”': a newsletter's headline, a dash, then who is quoted below it. Only
# where a quotation follows the colon.
_TITLE_DASH_NAME = re.compile(
    r"(?m)^[^\n:.!?“\"]{3,120}?[ \t](?:-|–|—|--)[ \t]*"
    r"((?:[A-Z][\w.’'&-]*)(?:[ \t]+(?:[A-Z][\w.’'&-]*|of|the|and|de|van|von)){0,5})"
    r"[ \t]*(:)[ \t\xa0]*(?=[“\"])"
)
_COLON_QUOTE = re.compile(r":[ \t\xa0]*[“\"]")  # what that pattern needs somewhere
_CAPITALISED = re.compile(r"[A-Z][\w.’'&-]*")
_POSSESSIVE_END = re.compile(r"['’]s?\.?$")
_NOT_SPEAKERS = frozenset({
    "breaking", "by", "byline", "contributing", "credit", "editor's note", "editor’s note", "email",
    "image", "name", "note", "paid notice", "photo", "posted", "published", "read more",
    "related", "revealed", "see also", "share", "source", "sources", "tags", "the latest",
    "topics", "twitter", "update", "updated", "video", "watch", "wow", "more", "photos",
    "fact", "from", "uploaded by", "correction", "opinion", "last update", "read", "story",
    "via", "claim", "example", "origins", "analysis", "disclosure", "warning", "images",
    "leaked", "just in", "exclusive", "daily", "podcast", "live",
})  # fmt: skip


# nouns that speak in a headline before a colon: 'Report: ...', 'Insiders: ...'
_LABEL_SPEAKERS = (
    POLLS
    | {"report", "newspaper"}
    | {w for w in ANONYMOUS_HEADS if w.endswith("s") and w != "sources"}
)


def _headline_colons(
    text: str,
    marks: _Marks,
) -> list[Attribution]:
    out = []
    matches = list(_HEADLINE.finditer(text))
    if _COLON_QUOTE.search(text) is not None:
        matches = sorted([*matches, *_TITLE_DASH_NAME.finditer(text)], key=lambda m: m.start(2))
    # a name in capitals is a speaker where it speaks more than once, as in a
    # transcript ('TAPPER: ...', 'FALLIN: ...'); once, it is a label ('ABSTRACT').
    # A transcript names a speaker in full once, then by surname ('JAKE TAPPER: ...',
    # 'TAPPER: ...'): the turns are counted by the last word.
    turns = Counter(m.group(1).split()[-1] for m in matches if m.group(1).isupper())
    # within a transcript (between the turns of speakers who take more than one), a
    # name in capitals that speaks once is a speaker too ('(BEGIN VIDEO CLIP) TRUMP:')
    taking = [k for k, m in enumerate(matches)
              if m.group(1).isupper() and turns[m.group(1).split()[-1]] >= 2
              and m.group(1).lower() not in _NOT_SPEAKERS]  # fmt: skip
    within = range(taking[0] + 1, taking[-1]) if taking else range(0)
    # how often each one-word label occurs in the text, counted in one pass (a count
    # per label would make a text of many labels quadratic)
    single = {m.group(1) for m in matches if " " not in m.group(1)}
    seen: Counter[str] = Counter()
    if single:
        for w in _CAPITALISED.findall(text):
            # as the name occurs in the word: "Kasich's", 'Kasich.', "O'Rourke"
            for form in (w, w.rstrip("."), _POSSESSIVE_END.sub("", w)):
                if form in single:
                    seen[form] += 1
                    break
    for index, m in enumerate(matches):
        name = m.group(1)
        words = name.split()
        turn = name.isupper() and (turns[words[-1]] >= 2 or index in within)
        if (name.isupper() and not turn) or all(len(w) < 2 for w in words):
            continue  # labels ('UPDATE', 'BYLINE') and interview turns ('Q', 'A')
        if name.lower() in _NOT_SPEAKERS or {words[0].lower(), words[-1].lower()} & _NOT_SPEAKERS:
            continue
        if (
            len(words) == 1
            and not name.isupper()
            and seen[name] < 2
            and name.lower() not in _LABEL_SPEAKERS
        ):
            continue  # a caption's label ('Aging: Ben Affleck is cast as ...'), not a
            # speaker named elsewhere in the text ('Kasich: ...') or a noun for one
            # ('Poll: ...', 'Insiders: ...')
        colon = m.span(2)
        q = bisect.bisect_right(marks.quote_starts, colon[0]) - 1
        opened = q >= 0 and marks.quotes[q][0] == m.start(1) and m.start(1) > m.start()
        if name != name.upper() and m.start(1) > m.start() and text[m.start(1) - 1] in '"“':
            continue  # only a transcript's turn opens with a quotation mark
        if not opened and _inside(marks.quotes, marks.quote_starts, colon[0]):
            continue
        k = bisect.bisect_right(marks.sentence_starts, colon[0]) - 1
        if k < 0 or colon[0] >= marks.sentences[k][1]:
            continue
        end = marks.sentences[k][1]
        if turn:  # a speaker's turn runs to the end of its paragraph
            line_end = text.find("\n", colon[1])
            end = max(end, len(text) if line_end < 0 else line_end)
            if opened:
                end = min(end, max(marks.sentences[k][1], marks.quotes[q][1]))
        content = _trim(text, colon[1], end)
        if content is None or not any(ch.isalpha() for ch in text[content[0] : content[1]]):
            continue  # a tally ('Clinton: 1,769'), not a statement
        # a transcript's turn is the speaker's own words, as is a quotation after the colon
        quoted = turn or text[colon[1] : colon[1] + 4].lstrip(" \t\xa0")[:1] in _OPENING
        out.append(Attribution(cue=colon, source=m.span(1), content=(content,), quote=quoted,
                               sentence=marks.sentences[k]))  # fmt: skip
    return out


# A quotation signed with a dash and its speaker's name, as under a pull quote or a
# reader's comment ('"..." ― Ana Ruiz', '"..."\n\n- Sanders.'), or a post signed with
# the name and handle of its writer, as an embedded tweet is ('... — Ana Ruiz
# (@anaruiz) July 5, 2016'). The name ends its line or is followed by a comma (a
# role), a full stop or the handle.
_SIGNATURE = re.compile(
    r"(?m)(―|—|–|--|-)[ \t\xa0]*"
    r"([A-Z][\w.’'&-]*(?:[ \t\xa0]+(?:[A-Z][\w.’'&-]*|of|de|del|la|van|von)){0,5})"
    r"[ \t\xa0]*(?=[.,]|\(@|$)"
)
_NOT_SIGNERS = frozenset("The A An And But Or So This That It He She They We I".split())
_CLOSING_MARKS = frozenset("”\"’'")


def _signed_quotes(
    text: str,
    marks: _Marks,
    found: Sequence[Attribution],
) -> list[Attribution]:
    if "-" not in text and "—" not in text and "―" not in text and "–" not in text:
        return []
    covered = {span[0] for a in found for span in a.content}
    out = []
    for m in _SIGNATURE.finditer(text):
        dash, (ns, ne) = m.span(1), m.span(2)
        words = text[ns:ne].split()
        if words[0] in _NOT_SIGNERS:
            continue
        last = words[-1].lower()
        if last.endswith(".") and len(last) > 2 and last not in ("jr.", "sr."):
            ne -= 1  # the sentence's full stop: '- Sanders.' (not 'Ana B.', 'Al Ruiz Jr.')
        before = dash[0]
        while before > 0 and text[before - 1] in " \t\xa0\n" and dash[0] - before < 8:
            before -= 1
        content: Span | None = None
        quote = False
        if before > 0 and text[before - 1] in _CLOSING_MARKS:
            q = bisect.bisect_right(marks.quote_starts, before) - 1
            if (
                q >= 0
                and before - 3 <= marks.quotes[q][1] < before
                and marks.quotes[q][0] not in covered
            ):
                content = _trim(text, *marks.quotes[q])
                quote = True
        elif text.startswith("(@", m.end()) and before == dash[0] - 1:
            # a signed post: its text is its paragraph's, up to the dash
            line = text.rfind("\n", max(0, dash[0] - 4 * WINDOW), dash[0]) + 1
            if line > 0 or dash[0] < 4 * WINDOW:
                content = _trim(text, line, before)
        if content is None or not any(ch.isalpha() for ch in text[content[0] : content[1]]):
            continue
        k = max(bisect.bisect_right(marks.sentence_starts, dash[0]) - 1, 0)
        sentence = marks.sentences[k] if marks.sentences else (0, len(text))
        out.append(Attribution(cue=dash, source=(ns, ne), content=(content,), quote=quote,
                               sentence=sentence))  # fmt: skip
    return out


# A statement named by a noun, its content in a 'that' clause: "Trump's claim that ...",
# 'her remark that ...'. Only with a possessor, who is the source: 'the accusations
# that ...' names nobody and is often the writer's report of a falsehood.
_STATEMENT_NOUNS = (
    "claim allegation accusation assertion suggestion insistence argument warning promise "
    "pledge assurance remark comment statement declaration contention complaint charge "
    "admission prediction belief view concern fear hope recognition acknowledgment "
    "acknowledgement notion insinuation implication boast threat vow announcement finding "
    "conclusion estimate worry demand proposal message reminder theory"
).split()
_STATEMENT_FORMS = frozenset(_STATEMENT_NOUNS) | {w + "s" for w in _STATEMENT_NOUNS}
# found from ' that ', which is rarer than the positions an alternation of nouns would try
_THAT = re.compile(r" that (?=\S)")
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their", "its", "our", "my"))
# after 'that', a verb with no subject: a relative clause ('the claim that was made')
_RELATIVE_AFTER = frozenset("is was are were had will would could can might should did".split())


def _nominal_that(
    text: str,
    lowered: str,
    marks: _Marks,
    found: Sequence[Attribution],
) -> list[Attribution]:
    out: list[Attribution] = []
    cues = sorted(a.cue for a in found)
    for m in _THAT.finditer(lowered):
        if not lowered[m.start() - 1 : m.start()].isalpha():
            continue
        begin = lowered.rfind(" ", max(0, m.start() - 20), m.start()) + 1
        if lowered[begin : m.start()] not in _STATEMENT_FORMS:
            continue
        noun = (begin, m.start())
        if _inside(marks.quotes, marks.quote_starts, noun[0]):
            continue
        c = bisect.bisect_right(cues, (noun[1],)) - 1
        if c >= 0 and cues[c][1] > noun[0]:
            continue  # already a cue
        k = bisect.bisect_right(marks.sentence_starts, noun[0]) - 1
        if k < 0 or noun[0] >= marks.sentences[k][1]:
            continue
        sent = _Sentence(text, *marks.sentences[k], noun[0])
        i = sent.index(noun[0])
        if i + 2 >= len(sent.words) or sent.starts[i] != noun[0]:
            continue
        if sent.lower[i + 2] in _RELATIVE_AFTER:
            continue  # a relative clause: 'the claim that was made'
        # the possessor, past at most two modifiers: "Trump's repeated claim that"
        j = i
        while j > max(0, i - 2) and sent.lower[j - 1].isalpha() and sent.words[j - 1].islower() \
                and sent.lower[j - 1] not in _POSSESSIVE_PRONOUNS | _DETERMINERS:  # fmt: skip
            j -= 1
        if j == 0:
            continue
        before = sent.lower[j - 1]
        if before in _POSSESSIVE_PRONOUNS:
            source: Span = (sent.starts[j - 1], sent.ends[j - 1])
        elif before.endswith(("'s", "’s")) and len(before) > 2 and sent.words[j - 1][0].isupper():
            # the name that owns it: the run of capitalised words ending in "'s"
            first = j - 1
            while first > max(0, j - 5) and sent.words[first - 1][:1].isupper():
                first -= 1
            source = (sent.starts[first], sent.ends[j - 1] - 2)
        else:
            continue
        q = _quote_at(marks.quotes, marks.quote_starts, sent.starts[i + 2], sent.starts[i + 2] + 2)
        if q >= 0:
            spans, quote = _quote_run(text, marks.quotes, q), True
        else:
            content = _trim(text, sent.starts[i + 2], marks.sentences[k][1])
            if content is None:
                continue
            spans, quote = [content], False
        out.append(Attribution(cue=noun, source=source, content=tuple(spans), quote=quote,
                               sentence=marks.sentences[k], nominal=True))  # fmt: skip
    return out


def _nested_view(text: str, outer: Attribution, inner: Attribution) -> bool:
    """'Voters say they think she could win': a view held by the speaker of the
    statement it sits in (a pronoun pointing back) is part of that statement."""
    if inner.source is None or not any(s <= inner.cue[0] < e for s, e in outer.content):
        return False
    cue = text[inner.cue[0] : inner.cue[1]].lower()
    # the last word of the mention, without a contraction ('he’d support')
    words = text[inner.source[0] : inner.source[1]].lower().replace("’", "'").split()
    last = words[-1].split("'")[0] if words else ""
    return cue not in SPEECH_CUES and last in ("they", "he", "she", "we", "it")


# 'In a CNN poll released Monday, 52 percent ...': an opening phrase naming the poll
# that the sentence reports ('For Republicans, ...' was tried: as often 'as for')
_POLL_OPENING = re.compile(r"(In)[ \t]+([^,.;:!?“”\"\n]{2,90}?),[ \t]+(?=\S)")
_IN_SOURCES = POLLS | frozenset(("study", "studies"))
# 'a statement released by X', 'his letter from X': what someone issued, and the issuer
_DOCUMENT_BY = re.compile(
    r"(?:a|an|the|his|her|its|their)[ \t]+(?:[\w-]+[ \t]+)?(?:"
    + "|".join(sorted(DOCUMENT_NOUNS))
    + r")[ \t]+(?:[\w-]+[ \t]+)?(?:by|from)[ \t]+(\S.*)"
)


# '... leads among Republicans in a new Fox News poll released Thursday': the poll
# reports what the clause before it says
_POLL_WITHIN = re.compile(
    r"[ \t](in)[ \t]+((?:[\w/’'&-]+[ \t]+){0,8}?(?:polls?|surveys?)\b"
    r"(?:[ \t]+[\w’'-]+){0,6}?)(?=[ \t]*(?:[,.;:!?]|$))"
)


def _one_phrase(m: re.Match[str]) -> bool:
    """The words up to the poll are one noun phrase ('the RealClearPolitics average of
    New Hampshire polls'), not a clause ('in Florida to take advantage of ... polls')."""
    words = m.group(2).lower().split()
    head = next(k for k, w in enumerate(words) if w in POLLS)
    return not any(w in NP_STOP and w != "of" for w in words[:head])


def _polls_within(
    text: str,
    marks: _Marks,
    found: Sequence[Attribution],
) -> list[Attribution]:
    """A sentence whose clause ends 'in [a poll]': the poll speaks, the clause before
    it is the content (the marks.sentences no other rule has taken)."""
    out: list[Attribution] = []
    taken = {a.sentence for a in found}
    for start, end in marks.sentences:
        if (start, end) in taken or (
            text.find(" poll", start, end) < 0 and text.find(" survey", start, end) < 0
        ):
            continue
        m = None
        at = text.find(" in ", start, end)
        while at >= 0 and m is None:
            # each ' in ' in turn: a match may start inside an earlier one
            m = _POLL_WITHIN.match(text, at, end)
            if m is not None and not _one_phrase(m):
                m = None
            at = text.find(" in ", at + 1, end)
        if m is None or _inside(marks.quotes, marks.quote_starts, m.start(1)):
            continue
        content = _trim(text, start, m.start())
        if content is None or len(text[content[0] : content[1]].split()) < 3:
            continue
        out.append(Attribution(cue=m.span(1), source=m.span(2), content=(content,),
                               sentence=(start, end)))  # fmt: skip
    return out


def _opening_polls(
    text: str,
    marks: _Marks,
    found: Sequence[Attribution],
) -> list[Attribution]:
    out: list[Attribution] = []
    taken = {a.sentence for a in found}
    for start, end in marks.sentences:
        if not text.startswith("In ", start) or (start, end) in taken:
            continue
        m = _POLL_OPENING.match(text, start, end)
        if m is None or _inside(marks.quotes, marks.quote_starts, start):
            continue
        source = m.span(2)
        issued = _DOCUMENT_BY.match(text, *source)
        if issued is not None:
            # 'In a statement released by the harbour office, ...': the issuer speaks
            source = issued.span(1)
        elif not any(w.lower() in _IN_SOURCES for w in m.group(2).split()):
            continue  # 'In 2015, ...', 'In New York, ...', 'In other words, ...'
        content = _trim(text, m.end(), end)
        if content is None:
            continue
        out.append(Attribution(cue=m.span(1), source=source, content=(content,),
                               sentence=(start, end)))  # fmt: skip
    return out


# 'The dam has reportedly cracked': the writer passes on what nobody named says
# ... and the passive that does the same: 'Priebus was said to be furious'
_REPORTEDLY = re.compile(r"\b(?:" + "|".join(REPORTED_ADVERBS) + r")\b|" + PASSIVE_REPORT)
# substrings one of which a text must hold for that regex to match (tested first: the
# regex scans every position, the substring tests run in C)
_REPORTED_HINTS = (*REPORTED_ADVERBS, " said to ", " rumored to ", " rumoured to ")


def _reported_without_speaker(
    text: str,
    lowered: str,
    marks: _Marks,
    found: Sequence[Attribution],
) -> list[Attribution]:
    """A sentence with 'reportedly' (or 'allegedly', 'purportedly', 'was said to') and
    no attribution of its own: the sentence is a report by nobody named."""
    out: list[Attribution] = []
    if not any(word in lowered for word in _REPORTED_HINTS):
        return out  # (three substring tests cost a fraction of the regex's scan)
    taken = {a.sentence for a in found}
    for m in _REPORTEDLY.finditer(lowered):
        k = bisect.bisect_right(marks.sentence_starts, m.start()) - 1
        if k < 0 or m.start() >= marks.sentences[k][1] or marks.sentences[k] in taken:
            continue
        if _inside(marks.quotes, marks.quote_starts, m.start()):
            continue
        content = _trim(text, *marks.sentences[k])
        if content is None:
            continue
        taken.add(marks.sentences[k])
        out.append(Attribution(cue=m.span(), source=None, content=(content,),
                               sentence=marks.sentences[k]))  # fmt: skip
    return out


_NOUN_AFTER = re.compile(r"\s*(?:as|about|of|on|in|for|against|and|were|are|[–—.;)])(?!\w)")
_LETS = ("let's ", "let’s ", "let us ")
_OFFERED_WORDS = re.compile(
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:defen[cs]e|response|thoughts|prayers|condolences|praise|"
    r"apology|explanation|assessment|evaluation|advice|view|views|criticism|critique|"
    r"remarks|comments?|words|statement|tribute|assurances?|argument|rebuttal|"
    r"prediction|warning|descriptions?|slogan|olive branch|support|endorsement|promise|"
    r"pledge|vow|claim|call|charge|accusation|assertion|demand|threat)\b"
)
_LABEL_NEXT = (' "', " “", " '", " ‘", " as ", " it ")


def _starts_with(*words: str) -> Callable[[str, int], bool]:
    return lambda lowered, end: lowered[end : end + 40].lstrip().startswith(words)


def _mentions(*words: str) -> Callable[[str, int], bool]:
    return lambda lowered, end: any(w in lowered[end : end + 300] for w in words)


# What must follow a cue word that is a cue only before certain words (a cheap test
# on the text, before the sentence is tokenised; _attribute makes the exact one)
_NEEDS_AFTER: dict[str, Callable[[str, int], bool]] = {
    "clear": _starts_with("that"),
    "put": _starts_with("it"),
    **dict.fromkeys(_TALK, _mentions("about", "of", "up")),
    "points": _starts_with("out"),  # 'as Trump points out', not '20 points'
    **{w: _starts_with(after) for w, after in _NOUNLIKE_VERBS.items()},
    # a ruling or a protest states its 'that' clause ('the court ruled that ...', 'his
    # campaign protested that ...'); otherwise they are acts ('ruled out', 'protested
    # the decision') or nouns (and 'rules', 'protests' are nouns: see _NOUNLIKE)
    **dict.fromkeys(
        "rule ruled ruling protest protested protesting".split(), _starts_with("that ")
    ),
    # a label for someone, given to an object first: 'branded the plan a fraud' (not 'a
    # box labeled "medical problem"', where the participle modifies the noun before it)
    **dict.fromkeys(
        ("branded", "labeled", "labelled", "dubbed"),
        lambda lowered, end: not lowered.startswith(_LABEL_NEXT, end),
    ),
    # not a noun's use: 'Republican claims as false', 'claims about', 'claims of'
    "claims": lambda lowered, end: not _NOUN_AFTER.match(lowered, end),
    "thanks": lambda lowered, end: not lowered.startswith(" to ", end),  # 'thanks to him'
    # 'offered' or 'repeated' words, not goods or acts: 'offered a defense of the bill',
    # 'offered his thoughts', 'repeated his promise to ...'
    "offered": lambda lowered, end: _OFFERED_WORDS.match(lowered, end) is not None,
    "repeated": lambda lowered, end: (
        lowered.startswith(" that ", end) or _OFFERED_WORDS.match(lowered, end) is not None
    ),
    # not the idioms 'Let's say ...', 'having said that, ...'
    "say": lambda lowered, end: not lowered[max(0, end - 9) : end - 3].endswith(_LETS),
    "said": lambda lowered, end: (
        not (lowered.startswith("having", max(0, end - 11)) and lowered.startswith(" that,", end))
    ),
}


def _cue_positions(lowered: str) -> list[Span]:
    """Sorted spans of the cue words in lower-cased text, not inside longer words."""
    n = len(lowered)
    spans = []
    for match in _CUE.finditer(lowered):
        start, end = match.span()
        # the regex looks at ASCII letters either side, a class it tests fast; any
        # other letter ('naïvesaid') is caught here, on the few words it finds
        if (start and lowered[start - 1].isalpha()) or (end < n and lowered[end].isalpha()):
            continue
        spans.append((start, end))
    return spans


# verbs after whose paraphrase a bare quotation goes on with the same speaker's words
_RUNS_ON = frozenset(
    "said says told tells added adds wrote writes explained explains continued noted argued "
    "insisted warned".split()
)


def _quoted_paragraphs(
    text: str,
    marks: _Marks,
    found: list[Attribution],
) -> list[Attribution]:
    """Add paragraphs that are one bare quotation, spoken by the quote just before.

    News style lets a speaker's quote run on in the next paragraph without repeating
    'he said'; such a paragraph belongs to the previous paragraph's quoted speaker.
    """
    if not found or not marks.quotes:
        return found
    covered = sorted(span[0] for a in found for span in a.content)
    out: list[Attribution] = []
    k = 0
    for qs, qe in marks.quotes:
        while k < len(found) and found[k].cue[0] < qs:
            out.append(found[k])
            k += 1
        last = out[-1] if out else None
        c = bisect.bisect_left(covered, qs)
        if last is None or (c < len(covered) and covered[c] < qe):
            continue
        sentence_k = bisect.bisect_right(marks.sentence_starts, qs) - 1
        if not last.quote and not (
            last.source is not None
            and not (last.question or last.topic or last.nominal)
            and text[last.cue[0] : last.cue[1]].lower() in _RUNS_ON
        ):
            continue  # (a quotation after what someone mocked or backed is not theirs)
        if last.sentence[1] <= qs and not text[last.sentence[1] : qs].strip(" \t“\"'‘"):
            # the next sentence of the same paragraph, a quotation and nothing else:
            # '"We will reopen," she said. "The storm is over."'
            ss, se = marks.sentences[max(sentence_k, 0)]
            span = _trim(text, qs, qe)
            if span is not None and (_trim(text, ss, se) or span) == span:
                out.append(attrs.evolve(last, content=(span,), sentence=(ss, se)))
            continue
        reach = max(0, qs - 4 * WINDOW)
        para_start = text.rfind("\n", reach, qs) + 1
        if para_start == 0 and reach > 0:
            continue  # a long paragraph: more than the quotation
        para_end = text.find("\n", qe)
        para_end = len(text) if para_end < 0 else para_end
        inside = text[para_start:para_end].strip(' \t“”".,!?')
        if inside != text[qs:qe].strip(' \t“”".,!?'):
            continue  # more than the quotation in this paragraph
        if para_start - last.sentence[1] > 16:
            continue  # only directly after the attributed paragraph
        between = text[last.sentence[1] : para_start]
        if between.count("\n") > 3 or between.strip():
            continue  # only directly after the attributed paragraph
        span = _trim(text, qs, qe)
        if span is None:
            continue
        out.append(attrs.evolve(last, content=(span,),
                                sentence=marks.sentences[max(sentence_k, 0)]))  # fmt: skip
    out.extend(found[k:])
    return out


def _cut_before(text: str, a: Attribution, b: Attribution) -> Attribution:
    """`a` with its content ending where a later coordinated attribution `b` starts.

    'X insisted that ..., claiming that ...' and '"...," he said, adding that ...':
    the second statement is not part of the first. A nested one ('hailed what he
    called "progress"') is left inside.
    """
    if (
        b.source is not None
        and a.source is not None
        and b.source[0] == a.source[0]  # the same head: 'Voters who' and 'Voters who backed'
        and a.cue[0] < b.source[1]
        and _RELATIVE_END.search(text, a.source[0], a.source[1]) is not None
        # (not an infinitive a reports: 'who told his staff never to speak of')
        and not text[: b.source[1]].endswith(" to")
    ):
        # a is in b's subject, a relative clause: 'Voters who backed Lund in 2015 say
        # ...' (what the voters backed ends where their verb begins)
        kept = [_trim(text, cs, min(ce, b.cue[0])) for cs, ce in a.content if cs < b.cue[0]]
        content = [c for c in kept if c is not None]
        return attrs.evolve(a, content=tuple(content)) if content else a
    start = b.cue[0]
    own = False  # b's speaker inside a's content
    if b.source is not None and any(cs <= b.source[0] < ce for cs, ce in a.content):
        own = True
        start = min(start, b.source[0])  # (not a speaker before both: 'X, noting ..., said')
        named = _NAMED_CLAIM.search(text, max(0, start - 40), start)
        if named is not None:
            start = named.start(1)  # '..., a claim officials rejected': not a's words
    if all(ce <= start or cs >= start for cs, ce in a.content):
        return a  # b is not inside a's content: nothing to cut
    before = text[a.content[0][0] : start].rstrip()
    # a verb sharing a's speaker ('called on it to act and said ...', 'denounced it -
    # saying ...') ends a's content without a comma; a speaker of its own ('said the
    # plan failed and aides said ...') may be part of what a reports
    joined = not own and before.endswith((" and", " but", "—", "–", " -", "--"))
    if not before.endswith((",", ", and", ", but")) and not joined:
        return a
    content = []
    for cs, ce in a.content:
        if cs >= start:
            continue
        trimmed = _trim(text, cs, min(ce, start))
        while trimmed and text[trimmed[0] : trimmed[1]].endswith((" and", " but", " while")):
            trimmed = _trim(text, trimmed[0], text.rindex(" ", *trimmed))
        if trimmed:
            content.append(trimmed)
    return attrs.evolve(a, content=tuple(content)) if content else a


def _attribute(
    text: str,
    s: _Sentence,
    i: int,
    quotes: Sequence[Span],
    quote_starts: Sequence[int],
    previous: Attribution | None,
) -> Attribution | None:
    low = s.lower[i]
    n = len(s.words)
    if low == "according":
        return _according(text, s, i, quotes, quote_starts)
    if low == "asked" and (i == 0 or s.lower[i - 1] in _BEFORE_ASKED):
        put = _question_put(text, s, i)
        if put is not None:
            return put
    if (
        low == "called"
        and i > 0
        and (i + 1 >= n or s.lower[i + 1] not in ("for", "on"))  # 'the senator called for'
        and s.words[i - 1][0].islower()
        and s.lower[i - 1] not in PRONOUNS | _RELATIVES | SKIP_BEFORE_CUE
        and s.lower[i - 1] not in ("and", "but", "publicly", "once", "recently")
    ):
        return None  # naming, not speech: 'a program called Sandy Hook Promise'
    if (
        low in ("note", "notes")
        and (i + 1 >= n or s.lower[i + 1] != "that")
        and not (
            i > 0
            and (_is_name(s.words[i - 1]) or s.lower[i - 1] in PRONOUNS)
            and not s.lower[i - 1].endswith(("'s", "’s"))
            and (i + 1 >= n or s.words[i + 1] != ":")
        )
    ):
        # a verb before 'that' or after a name or pronoun ('Viguerie notes'); not
        # 'left notes on the desk' or "Editor's note:"
        return None
    if low == "calls" and (
        i + 1 >= n
        or (
            s.lower[i + 1] not in ("for", "on")
            # 'Calderon calls the wall stupid': a name labelling something
            and not (i > 0 and _is_name(s.words[i - 1]) and s.words[i + 1][0].isalnum())
        )
        or (i > 0 and s.lower[i - 1] in _DETERMINERS)
        or (i > 1 and s.lower[i - 2] in _DETERMINERS and _is_name(s.words[i - 1]))
        or (i > 0 and s.lower[i - 1].endswith(("'s", "’s")))
        or (i > 0 and s.words[i - 1][0].isupper() and s.lower[i - 1].endswith(_ADJECTIVAL))
    ):
        # a verb in 'the mayor calls for calm', 'Lund calls the plan a mistake'; a
        # noun in 'the Obama calls for', "Mr. Obama's calls for", 'renewed Republican
        # calls for'
        return None
    clear_at = -1
    if low == "clear":
        # 'made clear that', 'has made it clear that': the cue opens at 'made'
        m = i - 2 if i > 1 and s.lower[i - 1] == "it" else i - 1
        if m < 0 or s.lower[m] not in _MAKE or i + 1 >= n or s.lower[i + 1] != "that":
            return None
        clear_at, i = i, m
        low = s.lower[i]  # the verb decides the rest: ', making it clear that' is a participle
    topic_at = -1
    if low in _TALK:
        topic_at = _talk_topic(s, i)
        if (
            topic_at < 0
            or (i > 0 and s.lower[i - 1] in _DETERMINERS)
            or (low == "talks" and i > 0 and not _is_name(s.words[i - 1])
                and s.lower[i - 1] not in PRONOUNS)
        ):  # fmt: skip
            return None  # 'speaking to reporters, ...', 'the peace talks about'
    elif low in _DISCUSS and 0 < i < n - 1 and s.lower[i + 1] not in _ADD_OPENERS:
        topic_at = i
    if low == "put" and (
        i + 1 >= n or s.lower[i + 1] != "it" or (i + 2 < n and s.lower[i + 2] in _ADVERB_PARTICLES)
    ):
        return None  # only 'as she put it', 'put it bluntly: ...'; not 'put it down'
    if low == "add" and (i + 1 >= n or s.lower[i + 1] not in _ADD_OPENERS):
        return None  # a sum, not speech: 'would add $84 billion', 'add momentum to'
    if (
        low.startswith(("add", "claim"))
        and i + 1 < n
        and s.words[i + 1][0] in _AMOUNT_STARTS
        # (a clause may open with a number: 'claimed 2,000 jobs were lost')
        and not (
            low.startswith("claim")
            and any(w in _CLAUSE_VERBS or w.endswith("ed") for w in s.lower[i + 2 : i + 7])
        )
    ):
        return None  # a count, not speech: 'have added 1 million jobs', 'claiming 41 percent'
    if i > 0 and s.lower[i - 1] in ("will", "ll", "would", "could") and s.words[i - 1] != "Will":
        return None  # not said (yet): 'he will tell the voters that ...', 'could argue'
    if i > 1 and s.lower[i - 1] == "to" and s.lower[i - 2] in _ATTEMPT:
        return None  # tried, not done: 'efforts to reject the plan', 'decided to tell'
    if low == "called" and 0 < i < n - 1 and s.lower[i - 1] in _BE and s.lower[i + 1] == "for":
        return None  # a race decided: 'Texas was called for Cruz'
    if (
        low in _ISSUING
        and i > 0
        and s.lower[i - 1] in DOCUMENT_NOUNS
        and i + 1 < n
        and (s.lower[i + 1] in _PREPOSITIONS or s.lower[i + 1] == "online")
    ):
        return None  # what describes a statement: 'in a statement posted on Telegram'
    if low in REPORT_NOUNS and i + 1 < n and s.lower[i + 1] in SPEECH_CUES:
        return None  # a noun, the subject of the verb after it: 'Unconfirmed reports said'
    if i > 0 and s.lower[i - 1] in ("neither", "nor"):
        return None  # 'would neither confirm nor deny': neither said
    # a noun after a verb of its own: 'denied reports that ...' reports by nobody named
    unnamed = (
        low in REPORT_NOUNS
        and i > 0
        and s.words[i - 1].islower()  # (not 'The New York Post reports')
        and (s.lower[i - 1] in SPEECH_CUES or s.lower[i - 1] in ATTITUDE_CUES)
    )
    if low == "told" and i == 1 and s.lower[0] == "all":
        return None  # 'All told, ...': in all
    if low in ("attacked", "ripped") and not (
        i + 1 < n
        and (
            s.words[i + 1] in (":", "“", '"', "''")
            or any(_object_then(s, i, w) for w in ("for", "over", "as"))
        )
    ):
        return None  # words only with a charge: 'attacked Clinton over her emails', not
        # 'the rebels attacked the town at dawn'
    if low == "warning" and i > 0 and s.lower[i - 1] == "without":
        return None  # 'Without warning, ...'
    if low in ("elaborate", "briefing", "like"):
        return None  # 'did not elaborate', 'a security briefing', 'words like "maybe"'
    if low == "pledged" and i + 1 < n and s.lower[i + 1] in ("delegate", "delegates"):
        return None  # an adjective: 'pledged delegates'
    if low == "reporting" and i + 1 < n and s.lower[i + 1] == "by":
        return None  # a credit line: '(Additional reporting by ...; Editing by ...)'
    if low in ("quoted", "cited") and i + 1 < n and s.lower[i + 1] in ("by", "as"):
        return None  # 'sources quoted by Reuters said', 'was quoted as saying': not here
    if low in ("quoting", "citing") and (
        (i + 1 < n and s.lower[i + 1] == "from")
        or (i > 0 and s.lower[i - 1] in SPEECH_CUES)
        or (i > 1 and s.words[i - 1] == "," and s.lower[i - 2] in _REPORT_VERBS)
    ):
        # 'reported quoting sources', 'reported, citing officials', 'told Reuters,
        # quoting from the draft': whom the report passes on, not a statement (but
        # 'said, citing low growth' gives the speaker's grounds)
        return None

    last = i
    # 'pointed out', 'called for', 'went on'
    if last + 1 < n and s.lower[last + 1] == "on" and low[:4] == "call":
        last += 1  # 'called on Congress to act'
    elif last + 1 < n and s.lower[last + 1] in ("out", "for", "back") and low[:4] in (
        "poin", "call", "hit", "fire", "shot", "push", "wrot", "writ", "lash",
    ):  # fmt: skip
        last += 1
    elif last + 1 < n and low.startswith("refer") and s.lower[last + 1] == "to":
        last += 1  # '..., referring to the convention': what was meant
    elif low == "put":
        last += 1  # 'put it'
    elif topic_at > 0:
        last = topic_at  # 'spoke briefly about', 'talked up'
    elif clear_at > 0:
        last = clear_at
    cue = (s.starts[i], s.ends[last])
    speech = low in SPEECH_CUES or low == "put" or topic_at > 0 or clear_at > 0
    # the speaker: before the cue (past auxiliaries and adverbs), or after it
    j = i
    while j > 0:
        if (
            s.lower[j - 1] in SKIP_BEFORE_CUE
            or (s.lower[j - 1] in _ASPECT and low.endswith("ing"))  # 'have begun urging'
            # 'the source was quoted as saying': the subject speaks
            or (low == "saying" and s.lower[j - 1] in ("as", "quoted", "cited"))
            or _adverb_at(s, j - 1)
            or (s.lower[j - 1] == "and" and j > 1 and _adverb_at(s, j - 2))
        ):
            j -= 1
        elif s.lower[j - 1] in _TIME_WORDS and j > 1:
            # 'Police had last month charged', 'Trump at the time said'
            p = j - 2
            while p > max(0, j - 4) and s.lower[p] not in _TIME_OPENERS:
                p -= 1
            if s.lower[p] not in _TIME_OPENERS:
                break
            j = p
        elif j > 2 and s.lower[j - 2] == "in" and _YEAR.fullmatch(s.lower[j - 1]):
            j -= 2  # 'McConnell, who in 2010 said'
        else:
            break
    issued = _statement_issued(s, j) if low.endswith("ing") else -1
    if issued >= 0:
        # 'Trump issued a statement saying ...': the issuer speaks, and the cue runs
        # from the verb that issued it
        cue, j = (s.starts[issued], cue[1]), issued
        while j > 0 and (s.lower[j - 1] in SKIP_BEFORE_CUE or _adverb_at(s, j - 1)):
            j -= 1
    left = _noun_phrase_left(s, j)
    named_claim = -1
    if (
        left is not None
        and left[1] - left[0] > 2
        and s.lower[left[0]] in ("a", "an")
        and s.lower[left[0] + 1] in _CLAIM_NOUNS
    ):
        # '..., a claim election officials rejected': what comes before the claim is
        # what they rejected, and they are the speaker
        named_claim = s.starts[left[0]]
        left = (left[0] + 2, left[1])
    if (
        left is not None
        and left[0] > 2
        and s.lower[left[0] - 1] in ("to", "with")
        and s.lower[left[0] - 2] in ("speaking", "talking")
    ):
        # 'another source speaking to Fox News said': the one speaking, not the outlet
        speaker = _noun_phrase_left(s, left[0] - 2)
        if speaker is not None:
            left = speaker
    if left is None and j > 2 and (s.words[j - 1] in ("—", "–") or _typed_dash(s, j - 1)):
        # 'Jason Sims — a teacher from Mount Pleasant — says'
        wide = int(not _spaced_hyphen(s, j - 1) and s.words[j - 1] == "-")  # '--'
        dash = j - 2 - wide
        while dash > max(0, j - 16) and s.words[dash] != s.words[j - 1]:
            dash -= 1
        if dash > wide and s.words[dash] == s.words[j - 1]:
            named = _noun_phrase_left(s, dash - wide)
            if named is not None and (
                any(_is_name(s.words[t]) for t in range(*named)) or s.words[dash] == "-"
            ):
                left = named
            else:
                # a group with a phrase after its head: 'Many speakers at the service —
                # including Muslims, Christians — said'
                left = _postmodified_subject(s, dash - wide)
    if left is None and j > 3 and s.words[j - 1] == "," and s.words[j - 2] == ")":
        # 'Gov. John Kasich (R-OH), said': the name before a parenthesised tag
        opened = next((k for k in range(j - 3, max(0, j - 10), -1) if s.words[k] == "("), -1)
        named = _noun_phrase_left(s, opened) if opened > 0 else None
        if named is not None and any(_is_name(s.words[t]) for t in range(*named)):
            left = (named[0], j - 1)
    if (
        left is None
        and j > 1
        and s.words[j - 1] == ","
        and (not low.endswith("ing") or issued >= 0)
    ):
        # (', calling ...' after a comma is the clause's subject's, found below)
        left = _appositive(s, j - 1)

    if (
        left is None
        and j > 2
        and s.lower[j - 1] in ("who", "which")
        and (s.words[j - 2] in _RELATIVE_EDGE)
    ):
        # 'Lynch, who told Congress', 'Trump - who said', 'the Saudi government, which has
        # denied', 'the study -- which notes that' ('Dunwoody, who worked for Obama, said'
        # is handled above): what the relative clause is about speaks, and the span runs
        # to the pronoun
        edge = j - 3 if s.words[j - 2] == "-" and s.words[j - 3] == "-" else j - 2
        named = _noun_phrase_left(s, edge) if edge > 0 else None
        if named is not None and any(_is_name(s.words[t]) for t in range(*named)):
            left = (_name_run_start(s, *named), j)
        elif named is not None and (
            # 'a young child, who said': somebody unnamed
            s.lower[named[0]] in _DETERMINERS | _QUANTIFIERS
            or (s.lower[j - 1] == "which" and s.lower[named[1] - 1] in _SAYERS)
        ):
            left = (named[0], j)
    if left is None and j > 1 and s.lower[j - 1] in ("that", "which") and s.lower[j - 2] in _SAYERS:
        # 'a 2014 paper that found ...': the writing speaks; the span runs to the pronoun
        # from its determiner ('cited a study which shows': not 'cited')
        writing = _noun_phrase_left(s, j - 1)
        if writing is not None:
            first = next((t for t in range(j - 2, writing[0] - 1, -1)
                          if s.lower[t] in _DETERMINERS), j - 2)  # fmt: skip
            left = (first, j)
    if (
        left is None
        and j > 1
        and s.lower[j - 1] == "who"
        and (s.words[j - 2][0].isalnum() or s.words[j - 2] == "%")  # 'four in 10 who said'
    ):
        # 'business leaders who say', 'those who said': the group speaks; the span runs
        # from it to the pronoun
        group = _noun_phrase_left(s, j - 1)
        if group is not None:
            left = (group[0], j)
    # 'making a pitch to New York voters saying ...': after a preposition, the noun
    # phrase is an object, and the participle is the clause subject's
    object_before = (
        left is not None
        and low.endswith("ing")
        and left[0] > 1
        and s.lower[left[0] - 1] in _PREPOSITIONS - {"with"}  # 'with Gorka noting': Gorka
    )
    if object_before:
        left = None
    if left is not None:
        left = _subject(s, left)
    # (only where the noun phrase stopped at a word that ties a phrase to a head: the
    # scan back to the clause's start is not made for every cue)
    if (
        not object_before
        and not low.endswith("ing")
        and (left is None or (left[0] > 0 and s.lower[left[0] - 1] in _TIES))
    ):
        modified = _postmodified_subject(s, j)
        if modified is not None and (left is None or modified[0] < left[0]):
            left = modified
    if j > 2:
        # 'the groups who wrote to her on Thursday say': a relative clause between the
        # speaker and the verb; the span runs from the speaker to the cue
        relative = _relative_head(s, j)
        if relative is not None:
            left = relative
    if (
        (speech or low.endswith("ed") or low == "seen")  # 'was rejected by', 'seen by'
        and last + 2 < n
        and s.lower[last + 1] == "by"
        and any(w in _BE for w in s.lower[j:i])
    ):
        passive = _passive(text, s, j, (s.starts[i], s.ends[last]), last)
        if passive is not None:
            return passive
    if (
        j == i
        and i > 0
        and last + 2 < n
        and s.lower[last + 1] == "by"
        and (low.endswith("ed") or low == "seen")
        and (s.lower[i - 1] == "as" or (s.words[i - 1].isalpha() and s.words[i - 1].islower()
                                        and s.lower[i - 1] not in _NOT_NOUNS))
    ):  # fmt: skip
        # no auxiliary: 'a call echoed by Japan', '..., as reported by the Gazette'
        reduced = _reduced_passive(text, s, i, (s.starts[i], s.ends[last]), last)
        if reduced is not None:
            return reduced
    if left is not None and s.lower[left[0]] in ("it",) and j < i:
        left = None  # 'it was decided', 'it is expected'
    relay = None
    if (
        left is not None
        and left[0] >= 2
        and s.lower[left[0] - 1] == "by"
        and s.lower[left[0] - 2] in _PASSED_ON
    ):
        # 'sources quoted by Reuters said', 'a letter obtained by the AP warns': the
        # sources speak, Reuters relays
        origin = _noun_phrase_left(s, left[0] - 2)
        if origin is not None:
            relay = (s.starts[left[0]], s.ends[left[1] - 1])
            left = origin
    source_tokens = left
    inverted = False
    if (
        left is None
        and (i == 0 or s.words[i - 1] in (",", "”", '"', "—", "'", "''"))
        and not (i > 0 and low.endswith("ing"))  # ', adding ...': the subject speaks
    ):
        right = _noun_phrase_right(s, last + 1)
        if (
            right is not None
            and s.lower[right[0]] != "it"  # 'said it is important': the statement's subject
            # a pronoun after the cue opens the statement ('said he doesn't believe ...')
            # unless the clause ends with it ('"...," said he.')
            and not (
                s.lower[right[0]] in PRONOUNS
                and right[0] + 1 < len(s.words)
                and s.words[right[0] + 1][0].isalnum()
            )
            and (
                _is_name(s.words[right[0]])
                or s.lower[right[0]] in _DETERMINERS | PRONOUNS | _QUANTIFIERS
                # a role before the name: 'said pollster Frank Luntz', 'said former Gov. Jim
                # Doyle'
                # ('said 9/11 widow Terry Strada')
                or (
                    s.words[right[0]][0].isalnum()
                    and any(map(_is_name, s.words[right[0] + 1 : right[1]]))
                )
            )
        ):
            source_tokens, inverted = right, True
    participle = False
    linking_word = j > 1 and s.words[j - 2] == "," and s.lower[j - 1] in _AFTER_COMMA
    comma = j > 0 and (s.words[j - 1] == "," or linking_word)
    # 'Trump called on her to resign and said ...': a second verb of the same subject
    coordinated = j > 1 and (
        (s.lower[j - 1] in ("and", "but") and s.words[j - 2] != ",")
        or s.lower[j - 1] == "but"
        # 'offered him a job, then says ...'
        or (s.words[j - 1] == "," and j < i and s.lower[j] == "then")
        or (s.lower[j - 1] == "and" and s.words[j - 2] == ",")
    )
    # 'by saying', 'after claiming', '– saying': a participle of the subject's speech
    led = j > 0 and (s.lower[j - 1] in _BEFORE_PARTICIPLE or _typed_dash(s, j - 1))
    # 'went on Twitter to applaud', 'are more likely to say': the subject's infinitive
    infinitive = j > 0 and s.lower[j - 1] == "to"
    opening_end = -1
    source_span: Span | None = None
    if (j == 0 and low.endswith("ing")) or (
        j == 1
        and (s.lower[0] == "having" or (s.lower[0] in _BEFORE_OPENING and low.endswith("ing")))
    ):
        # 'Rattling off promises, Clinton said ...', 'Having announced that ..., the
        # judge ...': the opening participle is the main clause's subject's
        comma_at = next((k for k in range(i + 1, min(i + 30, n)) if s.words[k] == ","), -1)
        subject = _subject_at(s, comma_at + 1) if 0 < comma_at < n - 1 else None
        if subject is None or s.lower[subject[0]] in _QUANTIFIERS:
            return None
        opening_end = s.starts[comma_at]
        source_span = (s.starts[subject[0]], s.ends[subject[1] - 1])
        participle = True
        source_tokens = (j, j)
        left = None
    elif source_tokens is None and (
        (low.endswith("ing") and (comma or led or object_before)) or coordinated or infinitive
    ):
        # ', claiming that ...': the speaker is the subject of the sentence
        if previous is not None and previous.source is not None:
            source_span = previous.source
        else:
            subject = _clause_subject(s, j, comma)
            source_span = (
                None if subject is None else (s.starts[subject[0]], s.ends[subject[1] - 1])
            )
        if source_span is None:
            return None
        participle = True
        source_tokens = (j, j)
    if source_tokens is None:
        return None
    after = source_tokens[1] if inverted else last + 1
    if not speech:
        if not _attitude_frame(s, after, low) and not _evidence_shows(s, left, after, low):
            return None
    elif low in ("reported", "reports", "report") and not inverted:
        # 'Ms. Lund reported', 'the agency reported', '..., state media reported': not
        # 'companies reported earnings'
        if left is None or (
            not _is_name(s.words[left[0]])
            and s.lower[left[0]] not in _DETERMINERS
            and not (
                # the statement before it: '..., state media reported on Sunday.'
                low == "reported"
                and left[0] > 0
                and s.words[left[0] - 1] in (",", "”", '"', "''")
                and last + 1 < n
                and (end := _past_when(s, last + 1 + (s.lower[last + 1] == "on"), low)) < n
                and s.words[end] in (".", ",", ";")
            )
        ):
            return None
    elif low in ("called", "calls", "call", "described", "describes", "mentioned"):
        pass
    if participle:
        source = source_span
    else:
        source = (s.starts[source_tokens[0]], s.ends[source_tokens[1] - 1])
    if topic_at > 0:
        stop = topic_at + 1
        while stop < n and s.words[stop] not in _CLAUSE_BREAKS:
            stop += 1
        about = _trim(text, s.starts[min(topic_at + 1, n - 1)], s.ends[stop - 1])
        if about is None or topic_at + 1 >= n:
            return None
        return Attribution(cue=cue, source=source, content=(about,), relay=relay, topic=True)
    if left is not None and not inverted and not participle and low in _AS_VERBS:
        framed = _as_frame(text, s, left[0], after, low, quotes, quote_starts)
        if framed == ():
            return None  # 'As he said he would, ...': a promise kept, nothing stated
        if framed:
            first, content, quote = framed
            return Attribution(cue=cue, source=(s.starts[first], s.ends[left[1] - 1]),
                               content=tuple(content), quote=quote, relay=relay)  # fmt: skip
    # a told/asked object: 'told Reuters', 'told reporters'
    if not inverted and low in _SPEECH_OBJECT and after < n:
        after = _object_end(s, after)
    if after + 1 < n and s.lower[after] in ("quoting", "citing"):
        obj = _noun_phrase_right(s, after + 1)
        after = obj[1] if obj is not None else after
    elif (
        low in _REPORT_VERBS
        and after + 2 < n
        and s.words[after] == ","
        and s.lower[after + 1] in ("quoting", "citing")
    ):
        # 'reported, citing two sources, that ...': what the sources say follows
        obj = _noun_phrase_right(s, after + 2)
        if obj is not None and obj[1] + 1 < n and s.words[obj[1]] == ",":
            after = obj[1] + 1
    content, quote = _content_right(text, s, after, quotes, quote_starts, low)
    head = cue[0] if inverted or participle or source is None else source[0]
    if named_claim >= 0 and not inverted:
        head = named_claim
    # before 'X who said' comes whom the clause is about, not what X said
    antecedent = source_tokens is not None and s.lower[source_tokens[1] - 1] in _RELATIVES
    left_content, left_quote = ([], False) if participle or antecedent else _content_left(
        text, s, head, quotes, quote_starts)  # fmt: skip
    # after an inverted speaker comes what describes them ('said Mr. Kamin, who ...',
    # 'said Rep. Joseph Crowley (D-N.Y.), a ...'), not what they said
    if left_content and (not content or (quote and left_quote) or inverted):
        content = [*left_content, *(content if quote and left_quote else [])]
        quote = left_quote
        if not quote and not inverted and after + 1 < n and s.words[after] == ",":
            # a parenthesis: 'The quay, officials said, will reopen': both sides
            rest = _trim(text, s.starts[after + 1], s.end)
            if (
                rest is not None
                and s.lower[after + 1] not in _WRITERS_CLAUSE
                and not s.lower[after + 1].endswith("ing")  # ', adding that ...': its own
            ):
                content.append(rest)
    if (
        named_claim >= 0
        and left_content
        and previous is not None
        and previous.content
        and left_content[0][0] <= previous.content[0][0] < named_claim
    ):
        # '..., a claim the Taliban denied': the claim is what the sentence's first
        # speaker stated (up to the claim: that content is not cut yet)
        stated = [_trim(text, cs, min(ce, named_claim)) for cs, ce in previous.content
                  if cs < named_claim]  # fmt: skip
        if all(stated):
            content, quote = [c for c in stated if c is not None], previous.quote
    if not content and not left_content and after + 2 < n and s.words[after] == ",":
        content = _content_after_comma(text, s, after)
    if not content and all(w == ":" for w in s.words[after:]):
        content = _quote_after_colon(text, s.ends[last], quotes, quote_starts)
        quote = bool(content)
    if not content:
        return None
    # an indirect question states nothing: 'declined to say whether', 'asked if'
    opening = text[content[0][0] : content[0][0] + 30].lower()
    question = not quote and (
        _WHETHER.match(opening) is not None
        or (low.startswith("ask") and opening.startswith(("if ", "what ", "who ", "how ", "why ")))
    )
    if opening_end > 0:
        # the opening phrase ends at its comma, where the main clause begins
        content = [(a, min(b, opening_end)) for a, b in content if a < opening_end]
        content = [c for c in (_trim(text, a, b) for a, b in content) if c is not None]
        if not content:
            return None
    in_passive = any(w in _BE for w in s.lower[j:i])  # 'is expected', 'was asked'
    then_to = after < n and s.lower[after] == "to"
    if (
        not inverted
        and (not participle or coordinated)  # '... but is not expected to meet'
        and after < n
        and (
            (then_to and (low in _IMPRESSIONS or (low in _PASSIVE_TO and in_passive)))
            # 'Sanders was asked ...', 'I was told that ...': the subject heard it from
            # someone unnamed
            or (low in _SPEECH_OBJECT and in_passive and (j == i or s.lower[i - 1] in _BE))
            # 'Hairy beasts have been reported the world over': reported by nobody named
            or (low in _REPORTED and in_passive)
            # any passive without its agent: 'the quay was declared safe', 'the plan was
            # criticized as costly' (the subject is what was spoken of)
            or (in_passive and low.endswith("ed") and (j == i or s.lower[i - 1] in _BE))
        )
    ):
        # 'Trump is expected to speak', 'the plan appears to fail': nobody named holds
        # the view ('is expected' by whom?), and the subject is what it is about
        source = None
    if unnamed:
        source = None
    if source is not None:
        contracted = _CONTRACTED.match(text, *source)
        if contracted is not None and contracted.end() == source[1]:
            source = (source[0], contracted.end(1))  # 'He’s predicting', "I've asked"
    return Attribution(cue=cue, source=source, content=tuple(content), quote=quote, relay=relay,
                       question=question)  # fmt: skip


_REPORTED = frozenset("reported rumored rumoured alleged announced confirmed claimed".split())
# what makes 'put it' a phrasal verb: 'put it down', 'put it back'
_ADVERB_PARTICLES = frozenset(
    "down up on off in out back away aside together forward there here".split()
)
_ASPECT = frozenset("begun began begin begins started start starts kept keep keeps".split())
# how a relay passes a statement on: 'quoted by Reuters', 'obtained by the AP'
_PASSED_ON = frozenset("quoted cited obtained seen reviewed published released".split())
# 'Despite challenging ..., Cruz', 'After announcing ..., the mayor'
_BEFORE_OPENING = frozenset(("despite", "after", "before", "while", "when", "since", "by"))
_OBJECT_STARTS = _DETERMINERS | frozenset(("him", "them", "us", "it", "himself", "herself"))
_PASSIVE_TO = frozenset("expected believed intended thought considered said known".split())
_IMPRESSIONS = frozenset("appear appears appeared appearing".split())

# verbs of a statement: 'as the Post reported' gives a source; 'as the crowd cheered'
# and 'as Freddy joked' are more often 'while'
_AS_VERBS = frozenset(
    """said says say noted notes reported reports observed observes wrote writes put
    pointed told tells explained explains argued argues suggested suggests speculated
    revealed stated states acknowledged acknowledges admitted admits mentioned recalled
    recalls warned warns predicted claimed claims announced indicated conceded confirmed
    confirms insisted emphasized points""".split()
)


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


def _relative_head(s: _Sentence, j: int) -> tuple[int, int] | None:
    """Tokens from the noun phrase before 'who' to token `j` (the verb), when a
    relative clause with no break in it runs up to the verb: 'the groups who wrote
    to her on Thursday say'; None otherwise."""
    if s.words[j - 1] in _CLAUSE_BREAKS:
        return None  # 'a pilot who argued ..., said': an appositive, closed by its comma
    for r in range(j - 2, max(0, j - 12), -1):
        if s.words[r] in _CLAUSE_BREAKS:
            return None
        if s.lower[r] == "who" or s.lower[r].startswith(("who'", "who’")):  # (and "who'd")
            head = _noun_phrase_left(s, r) if s.words[r - 1] != "," else None
            return None if head is None else (head[0], j)
    return None


def _talk_topic(s: _Sentence, i: int) -> int:
    """The word that opens what was talked about ('spoke about', 'spoke briefly about',
    'spoke favorably of', 'talked up', 'spoke to reporters about'), or -1."""
    n = len(s.words)
    k = i + 1
    if k < n and _adverb(s.lower[k]):
        k += 1
    if k < n and (s.lower[k] in ("about", "of") or (s.lower[k] == "up" and "talk" in s.lower[i])):
        return k
    if k < n and s.lower[k] in _PREPOSITIONS:  # 'spoke at the White House on Tuesday about'
        for m in range(k + 1, min(k + 12, n)):
            if s.lower[m] == "about":
                return m
            if s.words[m] in _CLAUSE_BREAKS:
                break
    return -1


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


_RELATIVES = frozenset(("who", "whom", "which", "that"))
# an indirect question, alone or after an infinitive: 'whether ...', 'to say whether ...'
_WHETHER = re.compile(r"(?:to \w+ )?whether\b")
# what opens the writer's own clause after 'X said,': not the statement's remainder
_WRITERS_CLAUSE = frozenset("and but while so as because although though whereas".split())
# 'Asked whether ...' opens a sentence or follows these: 'when asked if', ', asked about'
_BEFORE_ASKED = frozenset(("when", "after", "once", "if", ",", "—", "–"))
# what follows 'asked' when a question was put: 'asked whether', 'asked about'
_QUESTION_WORDS = frozenset(
    "if whether what who whom whose which how why when where about to".split()
)


def _question_put(text: str, s: _Sentence, i: int) -> Attribution | None:
    """'Asked whether he would run, she said no': the question put, as an attribution.

    The source is the asker when named ('asked by reporters'), else None; the content
    is the question, to the next comma.
    """
    n = len(s.words)
    k = i + 1
    source = None
    if k + 1 < n and s.lower[k] == "by":
        asker = _noun_phrase_right(s, k + 1)
        if asker is None:
            return None
        source = (s.starts[asker[0]], s.ends[asker[1] - 1])
        k = asker[1]
    elif k + 1 < n and s.lower[k] in ("on", "in", "during", "at", "later"):
        # 'Asked on Fox News who leads the party': past a short place or time
        stop = min(n, k + 5)
        while k < stop and s.lower[k] not in _QUESTION_WORDS and s.words[k] != ",":
            k += 1
    if k >= n or s.lower[k] not in _QUESTION_WORDS:
        return None
    first = k + 1 if s.lower[k] == "about" else k
    end = first
    while end < n and s.words[end] not in (",", ";", ".", "?", "!"):
        end += 1
    if end <= first:
        return None
    span = _trim(text, s.starts[first], s.ends[end - 1])
    if span is None:
        return None
    cue = (s.starts[i], s.ends[i])
    return Attribution(cue=cue, source=source, content=(span,), question=True)


# words that open a sentence before its subject: 'However, he held his fire'
_OPENERS = frozenset(
    "however instead meanwhile still later then now also but and yet so earlier "
    "afterward afterwards nevertheless moreover indeed last first more most again "
    "separately overall already today yesterday".split()
)


# 'on Tuesday', 'last month', 'at the time', 'in the past' between speaker and verb
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(
    "week month year time past night morning afternoon evening weekend day".split()
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME_OPENERS = frozenset("on at in last this earlier late during".split())
_BE = frozenset("is are was were be been being".split())


def _passive(text: str, s: _Sentence, j: int, cue: Span, last: int) -> Attribution | None:
    """'The move was first reported by MSNBC': the agent after 'by' is the source and
    what the sentence is about, before the verb, the content."""
    agent = _noun_phrase_right(s, last + 2)
    if agent is not None and agent[1] + 1 < len(s.words) and s.lower[agent[1]] == "that":
        # 'The minister was told by aides that ...': what the agent said follows
        said = _trim(text, s.starts[agent[1] + 1], s.end)
        if said is None:
            return None
        return Attribution(cue=cue, source=(s.starts[agent[0]], s.ends[agent[1] - 1]),
                           content=(said,))  # fmt: skip
    if agent is None or not (
        _is_name(s.words[agent[0]])
        or s.lower[agent[0]] in _DETERMINERS | _QUANTIFIERS | _CLAUSE_OPENERS
        or s.words[agent[0]][0].isdigit()  # '64 percent of the electorate'
    ):
        return None
    content = _trim(text, s.start, s.starts[j]) if j > 0 else None
    if content is None:
        return None
    return Attribution(
        cue=cue, source=(s.starts[agent[0]], s.ends[agent[1] - 1]), content=(content,)
    )


# words before a participle that make it no reduced relative ('he was then asked by')
_NOT_NOUNS = (
    PRONOUNS
    | _DETERMINERS
    | SKIP_BEFORE_CUE
    | _BE
    | frozenset("and or but not who which that to than also".split())
)


def _reduced_passive(text: str, s: _Sentence, i: int, cue: Span, last: int) -> Attribution | None:
    """A passive without its auxiliary: 'a call echoed by Japan', 'a sentiment endorsed
    by the crowd' (what the noun before names is the content), and 'As reported by the
    Gazette, ...' or '..., as reported by the Gazette.' (the statement round it)."""
    found = _passive(text, s, i, cue, last)  # the agent, with a placeholder content
    if found is None:
        return None
    n = len(s.words)
    if s.lower[i - 1] == "as":
        agent_end = _noun_phrase_right(s, last + 2)
        k = agent_end[1] if agent_end is not None else last + 2
        while k < n and s.words[k] not in _CLAUSE_BREAKS:
            k += 1
        if i - 1 == 0 and k + 1 < n and s.words[k] == ",":
            content = _trim(text, s.starts[k + 1], s.end)
        elif i > 1 and s.words[i - 2] == ",":
            content = _trim(text, s.start, s.starts[i - 2])
        else:
            return None
    else:
        named = _noun_phrase_left(s, i)
        content = None if named is None else _trim(text, s.starts[named[0]], s.starts[i])
        if content is not None:
            # a noun names the statement ('a call'): no claim, as with "Trump's claim"
            return attrs.evolve(found, content=(content,), nominal=True)
    if content is None:
        return None
    return attrs.evolve(found, content=(content,))


def _adverb(low: str) -> bool:
    """'basically', 'falsely', 'now': between a speaker and the verb, never the speaker."""
    return (len(low) > 4 and low.endswith("ly") and low not in _NOT_ADVERBS) or low in (
        "now", "still", "just", "always", "once", "first", "again", "all", "both", "only",
    )  # fmt: skip


def _adverb_at(s: _Sentence, k: int) -> bool:
    """Token `k` is an adverb before a verb: a capitalised word in -ly is a name
    ('Rep. Jolly said', 'Jolly said') unless it opens the sentence before a comma."""
    low = s.lower[k]
    if not _adverb(low) or (k == 0 and low in ("both", "all")):  # 'Both think ...'
        return False
    return not (low.endswith("ly") and _is_name(s.words[k])) or (
        k == 0 and len(s.words) > 1 and s.words[1] == ","
    )


# words in -ly that are names or nouns, not adverbs
_NOT_ADVERBS = frozenset("italy kelly sally holly emily reilly daily family ally".split())


# endings of capitalised adjectives ('Democratic', 'Republican', 'British', 'Chinese')
_ADJECTIVAL = ("ic", "an", "ish", "ese")


_TITLES = frozenset("mr mrs ms dr sen gov rep gen prof st lt col sgt".split())


def _clause_subject(s: _Sentence, j: int, comma: bool) -> tuple[int, int] | None:
    """The subject of the clause a participle or second verb at token `j` belongs to.

    'Speaking in Salem, Trump went after Bush, calling him ...': the clause just
    before the participle's comma, when it opens with a noun phrase; else the
    sentence's, past an opening phrase ('In his speech, Obama praised her and said').
    """
    starts = []
    if comma:
        before = [k for k in range(j - 1) if s.words[k] == ","]
        if before:
            starts.append(before[-1] + 1)
    lead = 0
    if s.words and s.words[0] in _OPENING:
        # a sentence that opens with a quotation: the clause begins after it
        close = next((k for k in range(1, j) if s.words[k] in ("”", '"')), -1)
        if close > 0:
            lead = close + 1
    while lead < j and not s.words[lead][0].isalnum():
        lead += 1
    # a dateline: 'Washington (AFP) – Democrat Hillary Clinton has ...'
    dash = next((k for k in range(lead, min(lead + 10, j)) if s.words[k] in ("–", "—", "-")), -1)
    if dash > 0 and ")" in s.words[lead:dash]:
        lead = dash + 1
    if lead < j - 1 and s.lower[lead] in ("and", "but", "yet", "so"):
        lead += 1  # 'But Obama, making it clear that ...': the subject follows
    elif (
        lead < j
        and (
            s.lower[lead] in NP_STOP
            or s.lower[lead] in _OPENERS
            # an opening participle or adverb: 'Continuing to explain his view, Carson
            # rejected ...', 'Ultimately, Mr. Yanukovych refused ...'
            or (lead == 0 and s.lower[lead].endswith(("ing", "ly")))
            # a time: 'Two weeks after Scalia died, Thomas ...'
            or (lead == 0 and any(w in _TIME_SPANS for w in s.lower[1:4]))
        )
        and ("," in s.words[lead:j])
    ):
        lead = s.words.index(",", lead) + 1
    elif (
        lead == 0
        and j > 4
        and s.lower[1] in _TIME_SPANS | {"few"}
        and (later := next((k for k in range(2, 4) if s.lower[k] in ("later", "earlier")), 0))
    ):
        lead = later + 1  # 'A few minutes later they reversed themselves and said ...'
    starts.append(lead)
    for start in starts:
        if start < j - 1 and s.lower[start] in ("and", "but"):
            start += 1  # '..., and the ACLU has sued the city, saying ...'
        if start >= j or s.lower[start] in _OPENERS:
            continue
        if (
            start > 1
            and s.words[start - 1] == ","
            and _is_name(s.words[start - 2])
            and j - 1 - start <= 2
            and all(_is_name(w) or w == "." for w in s.words[start : j - 1])
        ):
            continue  # a place's state, no clause: 'Trump was in Bangor, Maine, promising'

        subject = _subject_at(s, start)
        if subject is not None:
            return subject
    return None


# irregular past forms that end a determiner's noun phrase as "-ed" forms do ('the
# harbour master flew to Oslo'); forms that are as often nouns or present forms ('put',
# 'set', 'cut', 'rose', 'saw') are left out
_IRREGULAR_PAST = frozenset(
    "flew went came ran took gave sent spent sold told said spoke wrote drove grew knew "
    "threw broke chose held kept brought bought thought taught caught fought sought began "
    "became stood sat lost paid left meant built struck met won fell led found got".split()
)


def _subject_at(s: _Sentence, start: int) -> tuple[int, int] | None:
    """The subject noun phrase opening at token `start`, cut where the verb begins, or
    None when the token cannot open one."""
    first, low = s.words[start], s.lower[start]
    if low in PRONOUNS:
        return (start, start + 1)
    if not (_is_name(first) or low in _DETERMINERS or low in _QUANTIFIERS):
        return None
    subject = _noun_phrase_right(s, start)
    if subject is None:
        return None
    if low in _DETERMINERS:
        # 'the pilot sighed', 'the mayor left the meeting': a past form after the
        # noun, or a word followed by an object, is the clause's verb
        end = subject[0] + 1
        while end < subject[1] and not (
            (
                end > subject[0] + 1
                and (s.lower[end].endswith("ed") or s.lower[end] in _IRREGULAR_PAST)
            )
            or (end + 1 < len(s.words) and s.lower[end + 1] in _OBJECT_STARTS)
        ):
            end += 1
        return (subject[0], end)
    if _is_name(first) and low not in _QUANTIFIERS:
        # a name ends at its first lower-case word: 'Bolton distanced himself';
        # a capitalised adjective takes its noun: 'Democratic voters are'
        end = subject[0] + 1
        while end < subject[1] and not s.words[end][0].islower():
            end += 1
        while (
            end + 1 < len(s.words)
            and s.words[end] == "."
            and s.lower[end - 1] in _TITLES
            and _is_name(s.words[end + 1])
        ):
            end += 2  # 'Mrs. Clinton'
            while end < len(s.words) and _is_name(s.words[end]):
                end += 1
        if end == subject[0] + 1 and end < subject[1] and low.endswith(_ADJECTIVAL):
            end += 1
        subject = (subject[0], end)
    return subject


_OUTLET_NOUNS = frozenset(
    "newspaper paper magazine broadcaster network channel station website agency tabloid "
    "radio television daily weekly outlet".split()
)


def _object_end(s: _Sentence, k: int) -> int:
    """The token after the object of 'told': 'Reuters', 'reporters', 'the AP', 'him'."""
    n = len(s.words)
    if s.lower[k] == "that":
        return k  # 'warned that ...': no object ('that' opens the clause)
    if (
        s.lower[k] == "her"
        and k + 1 < n
        and s.lower[k + 1] in PRONOUNS | _DETERMINERS  # (not 'told her Senate colleagues')
    ):
        return k + 1  # 'told her he had ...', 'told her the quay ...': 'her' is the object
    if s.lower[k] in _DETERMINERS and k + 1 < n:
        if k + 2 < n and s.lower[k + 2] in _CLAUSE_VERBS:
            return k  # 'warned the dam could fail': the subject of the clause
        k += 1
    if _is_name(s.words[k]) or s.lower[k] in _OUTLET_NOUNS:
        while k < n and _is_name(s.words[k]):
            k += 1
        # 'told Australian newspaper NT News', 'told the broadcaster ABC'
        if k < n and s.lower[k] in _OUTLET_NOUNS:
            k += 1
            while k < n and _is_name(s.words[k]):
                k += 1
        return k
    # 'asked if ...', 'told that ...': no object, the clause follows at once
    return k + 1 if s.words[k][0].isalpha() and s.lower[k] not in NP_STOP else k


_CLAUSE_JOINS = frozenset(("but", "yet", "because"))  # (not "and": a list; "though": an aside)


def _clause_piece(words: Sequence[str]) -> bool:
    """Whether comma-separated words open as a clause of their own (a conjunction or a
    subject pronoun: 'but it is under pressure') rather than an appositive ('a former
    aide who is now ...', 'whose finish was seen as a disappointment')."""
    return bool(words) and (words[0] in _CLAUSE_JOINS or words[0] in _SUBJECT_PRONOUNS)


def _appositive(s: _Sentence, comma: int) -> tuple[int, int] | None:
    """The name before an appositive: 'Khalilzad, the veteran U.S. diplomat, said'.

    Up to five comma-separated pieces are passed over ('Clinton, 35, the daughter of
    ..., said'; 'Anne Richards, assistant secretary for population, refugees, and
    migration, said'), and a piece that is itself a name speaks ('a spokeswoman, Anna
    White, said').
    """
    for hop in range(5):
        k = comma - 1
        spoken = False
        while k > max(0, comma - 30) and s.words[k] != ",":
            if s.words[k] in (";", ":"):
                return None
            # a verb of speech, not a noun of the same spelling ('the state of Vermont'),
            # unless a relative clause holds it ('a former governor who argued with ...')
            if s.lower[k] in ("who", "which"):
                spoken = False
            else:
                spoken = spoken or s.lower[k] in _SPEECH_VERBS
            k -= 1
        if k <= 0 or s.words[k] != ",":
            return None
        relative = s.lower[k + 1] in ("who", "which") or s.lower[k + 1].endswith("ing")
        if spoken and not relative:
            # (a participle is an appositive: 'Durbin, noting the size of the list, said')
            return None  # a clause, not an appositive: '"...," Trump said, adding'
        if not relative and _clause_piece(s.lower[k + 1 : comma]):
            # a clause of its own: '..., but it is under pressure from imports, said the
            # chief executive' (the speaker comes after the verb)
            return None
        piece = range(k + 1, comma)
        if (
            len(piece) == 1
            and hop == 0
            and _is_name(s.words[k + 1])
            and k > 2
            and _is_name(s.words[k - 1])
            and s.lower[k - 2] in ("in", "of", "from")
        ):
            comma = k  # a place's state in full: '... in Columbus, Ohio, said'
            continue
        if s.lower[k + 1] in _PREPOSITIONS:
            # a phrase of time or place: 'Clinton, during a town hall in Columbus, said';
            # the speaker is the name before it
            named = _noun_phrase_left(s, k)
            if named is not None and any(_is_name(s.words[t]) for t in range(*named)):
                return named
            return None
        if (
            len(piece) <= 2
            and s.words[k + 1][0].isupper()
            and len(s.words[k + 1]) <= 5
            and "-" not in s.words[k + 1]  # a party and state: 'McConnell, R-Ky., said'
            and s.words[comma - 1] == "."
            and _is_name(s.words[k - 1])
        ):
            comma = k  # a place's state: 'a teacher in Allentown, Pa., said'
            continue
        if (
            hop == 0
            and len(piece) >= 2
            and all(_is_name(s.words[t]) or s.words[t] == "." for t in piece)
        ):
            # the name and what it is: 'a spokeswoman, Anna White'
            role = _noun_phrase_left(s, k)
            return (role[0] if role is not None else k + 1, comma)
        name = _noun_phrase_left(s, k)
        if name is not None and any(_is_name(s.words[t]) for t in range(*name)):
            return name
        comma = k
    return None


# a pronoun with its verb contracted onto it: 'He’s predicting', 'they've said'
_CONTRACTED = re.compile(r"(?i)(i|you|he|she|it|we|they|who|that)['’](?:s|re|m|ve|d|ll)\b")

# verbs that put a statement out: 'issued a statement saying ...'
_ISSUE = frozenset("issued issues released releases posted posts published publishes".split())
_ISSUE_OUT = frozenset("put puts sent sends".split())  # with 'out': 'put out a statement'
_PART_OF_DAY = frozenset("morning afternoon evening night".split())
_MESSAGES = frozenset("tweet tweets letter letters note email e-mail video post".split())
_ISSUED_BY = frozenset(("a", "an", "its", "his", "her", "their"))  # 'a statement'


def _statement_issued(s: _Sentence, j: int) -> int:
    """The token of the verb in 'issued a statement [Tuesday][,]' ending at token `j`
    (a participle follows), or -1."""
    k = j
    if k > 0 and s.words[k - 1] == ",":
        k -= 1
    while k > 0 and j - k < 4 and (s.lower[k - 1] in _WHEN_WORDS | _PART_OF_DAY):
        k -= 1  # 'released a statement Thursday night, saying'
    if k < 3 or s.lower[k - 1] not in _STATEMENT_FORMS | _MESSAGES:
        return -1
    k -= 1
    if s.lower[k - 1] not in _ISSUED_BY:
        k -= 1  # one adjective: 'a formal statement', 'a joint statement'
    if k < 2 or s.lower[k - 1] not in _ISSUED_BY:
        return -1
    k -= 1
    if s.lower[k - 1] in _ISSUE or (s.lower[k - 1] in _ISSUE_OUT and s.lower[k] != "out"):
        return k - 1  # 'issued a statement', 'sent a tweet'
    if s.lower[k - 1] == "out" and k > 1 and s.lower[k - 2] in _ISSUE_OUT:
        return k - 2
    return -1


# what a subject ends at, looking left from its verb
_SUBJECT_BOUNDARY = frozenset((",", "”", '"', "''", ";", ":", "—", "–", "("))
# heads of a group that speaks without a determiner: 'people close to the mayor say'
_GROUP_HEADS = frozenset(
    "people sources officials aides advisers analysts experts voters residents members "
    "those engineers doctors workers police witnesses officers investigators scientists "
    "researchers lawmakers diplomats protesters activists leaders observers inspectors "
    "authorities rescuers firefighters journalists reporters critics supporters "
    "opponents economists".split()
)
# words that tie a phrase to the head before it: 'a source close to him', 'people
# familiar with the talks', 'those over 60'
_POSTMODIFIERS = _PREPOSITIONS | frozenset(("of", "for", "close", "familiar"))
_TIES = _POSTMODIFIERS | {"and"}
# words that open a clause or are verbs: a stretch holding one is no noun phrase
_NOT_IN_PHRASE = NP_STOP - _POSTMODIFIERS - frozenset(("about", "into", "under", "against"))


def _postmodified_subject(s: _Sentence, j: int) -> tuple[int, int] | None:
    """The noun phrase from a clause boundary to token `j` when its head has a phrase
    after it ('a source close to him said', 'people familiar with the talks said',
    'those over 60 say'), or None."""
    p = j
    while p > 0 and s.words[p - 1] not in _SUBJECT_BOUNDARY:
        p -= 1
        if j - p > 8:
            return None
    if j - p < 3 or s.lower[p] not in _DETERMINERS | _QUANTIFIERS | _GROUP_HEADS:
        return None
    inner = s.lower[p + 1 : j]
    tie = next((k for k, w in enumerate(inner[:3]) if w in _POSTMODIFIERS), -1)
    if tie < 0 and s.lower[p] in _DETERMINERS and "and" in inner[:3]:
        # two roles of one person: 'the Florida senator and presidential candidate'
        tie = inner.index("and")
        if tie + 1 < len(inner) and inner[tie + 1] in _DETERMINERS | _SUBJECT_PRONOUNS:
            return None  # two clauses: 'the dam held and the mayor said'
        inner = inner[:tie] + inner[tie + 1 :]
    if tie < 0 or tie == len(inner) - 1:
        return None
    if any(w.endswith(("ed", "ing")) and w not in _ISSUING for w in inner[:tie]) or any(
        w in _NOT_IN_PHRASE or (w in SPEECH_CUES and w not in _ISSUING) or w in _CLAUSE_SUBJECTS
        for w in inner
    ):  # fmt: skip
        return None  # a verb or a clause: 'the school declined to comment on reports'
    return (p, j)


def _subject(s: _Sentence, np: tuple[int, int]) -> tuple[int, int] | None:
    """Trim a leftward noun phrase to a plausible subject, or None."""
    start, end = np
    if end - start == 1 and start > 0 and s.lower[start - 1] == "to" and s.words[start].islower():
        return None  # a verb after 'to', no subject: 'to lay blame for'
    # 'countries he said': the pronoun is the speaker (not one in parentheses, 'Murphy
    # (a Democrat so boyish he has been mistaken for a staffer) says')
    depth = 0
    for k in range(end - 1, start, -1):
        depth += (s.words[k] == ")") - (s.words[k] == "(")
        if depth > 0 or s.words[k] == "(":
            continue
        if s.lower[k] in PRONOUNS and s.lower[k] not in ("his", "her", "their", "our", "its"):
            start = k
            break
    head = s.words[end - 1]
    share = end - start >= 3 and s.lower[end - 2] in ("in", "of")  # 'Six in 10'
    if (head[0].isdigit() and not share) or s.lower[end - 1] in (*_DETERMINERS, "you"):
        return None
    return (start, end)


# attitude verbs that take an object and 'as': 'sees the piece as a return to ...'
_SEE_AS = frozenset(("see", "sees", "saw", "seen", "seeing", "view", "views", "viewed",
                     "regard", "regards", "regarded"))  # fmt: skip
# attitude verbs whose content is whom or what they side with: 'supported Sanders'
_STANCE_TOWARD = frozenset(
    w for w in ATTITUDE_CUES if w.startswith(("support", "backed", "backing", "prefer"))
) | frozenset(("endorse", "endorses", "endorsed", "endorsing"))  # not 'beat back'

# attitude verbs whose content can be someone doing something: 'wants Trump to lose'
_WANT = frozenset(("want", "wants", "wanted", "expect", "expects", "expected"))
# what polls and studies are called: their 'show' needs no 'that' ('polls show Trump
# losing ground'), where 'the map shows the route' is no statement
_EVIDENCE = frozenset(
    "poll polls survey surveys study studies data figures numbers results research "
    "analysis count records filings documents emails report reports video footage "
    "review audit investigation article polling photos photo images outcome tallies "
    "tally memo memos transcript transcripts statistics estimates projections".split()
)
# writings that say something; with the evidence, what 'that found' can follow
_WRITINGS = frozenset("paper papers letter letters memo memos book ad ads statement".split())
_SAYERS = _EVIDENCE | _WRITINGS
# the unions the cue tests use, made once (a union in a test is built on every call)
_OF_HEADS = _PARTITIVES | _SAYERS  # heads of a phrase that runs on through 'of'
_VERBS_AFTER_NOUN = _SPEECH_VERBS | ATTITUDE_CUES
_BEFORE_NOUN = _NOUN_MODIFIERS | NP_STOP | _MAKE
_BEFORE_ADJECTIVE = _DETERMINERS | _NOUN_MODIFIERS | {"any"}


def _evidence_shows(s: _Sentence, left: tuple[int, int] | None, after: int, low: str) -> bool:
    """'A poll showed Clinton ahead': a poll, record or study shows a clause."""
    if left is None or after >= len(s.words):
        return False
    if not low.startswith(("show", "suggest", "indicat", "found", "find")):
        return False
    # an evidence word in the clause before the verb: 'new polls released Sunday',
    # 'a CNN poll of South Carolina released on Tuesday'
    k = after - 1
    stop = max(0, left[0] - 8)
    while k > stop and s.words[k - 1] not in _CLAUSE_BREAKS:
        k -= 1
    if not any(w in _EVIDENCE for w in s.lower[min(k, left[0]) : after]):
        return False
    nxt = s.lower[after]
    if s.words[after] == ",":
        return True  # '..., F.A.A. records show, the Cessna has flown ...'
    # what it shows: a clause or a finding ('Photos showed mourners crouched ...')
    return s.words[after].isalnum() and (nxt not in NP_STOP or nxt in PRONOUNS)


def _object_then(s: _Sentence, after: int, word: str) -> bool | None:
    """Whether a short object after the verb is followed by `word`: True when it is,
    False when the clause ends first, None when the words run out undecided."""
    for k in range(after + 1, min(after + 8, len(s.words))):
        if s.lower[k] == word:
            return True
        if s.words[k] == "." and (s.lower[k - 1] in _TITLES or len(s.words[k - 1]) == 1):
            continue  # the full stop of a title or an initial: 'expect Mr. Kim to be'
        if not s.words[k][0].isalnum() or s.lower[k] in ("that", "and", "but"):
            return False
    return None


def _attitude_frame(s: _Sentence, after: int, low: str) -> bool:
    """Whether an attitude verb at the token before `after` introduces a statement."""
    if after >= len(s.words) or s.words[after] in (".", "!", "?"):
        # closing its sentence, after the statement: '..., a new poll shows.'
        return after >= 3 and "," in s.words[max(0, after - 12) : after - 1]
    nxt = s.lower[after]
    if nxt == "that" or s.words[after] in ("“", '"', "''", ":"):
        return True
    if nxt == "to" and low in INFINITIVE_CUES:
        return True
    if nxt == "with" and low.startswith(("agree", "disagree")):
        # 'agreed with the President that ...'
        for k in range(after + 1, min(after + 10, len(s.words))):
            if s.lower[k] == "that":
                return True
            if s.words[k] in _CLAUSE_BREAKS:
                break
    # 'voters see Clinton as the stronger candidate': a view of someone; 'wants voters
    # to know', 'want all immigrants ... to be deported': someone doing something
    word = "as" if low in _SEE_AS else "to" if low in _WANT else None
    if word is not None and after + 1 < len(s.words):
        found = _object_then(s, after, word)
        if found is not None:
            return found
    if low in _CLAUSE_ATTITUDE:
        # the subject of a clause: 'thinks he', 'thought the', 'thought some of them',
        # 'know they’re', 'think [the] reform'
        bare = nxt.replace("’", "'").split("'")[0]
        if (bare in PRONOUNS or nxt in _DETERMINERS or nxt in _CLAUSE_OPENERS
                or _is_name(s.words[after]) or s.words[after] == "["):  # fmt: skip
            return True
        if s.words[after] == ",":
            # between commas: 'Such efforts, they believe, will fail'
            return "," in s.words[max(0, after - 5) : after - 1]
        # a clause whose verb comes within a few words: 'believe other senators would
        # help', 'think women are likely to', 'believe if they can do that, ...'
        opener = nxt in ("if", "when")
        if (nxt in NP_STOP and not opener) or not s.words[after].isalpha():
            return False
        for k in range(after + 1, min(after + 7, len(s.words))):
            if s.lower[k] in _CLAUSE_VERBS:
                return True
            if not opener and (s.words[k] in _CLAUSE_BREAKS or s.lower[k] in _NOT_IN_PHRASE):
                return False  # 'assuming office since it is': no subject before the verb
        return False
    if low in _STANCE_TOWARD:
        # 'voters supported Sanders', 'a group backing Bush': a stance toward someone
        # or something named; 'support for' and the like are left to the nouns
        return (
            _is_name(s.words[after])
            or nxt in _DETERMINERS
            or nxt in ("him", "her", "them")
            or (nxt.endswith("ing") and len(nxt) > 5)
            or (  # 'support temporarily banning'
                _adverb(nxt)
                and after + 1 < len(s.words)
                and s.lower[after + 1].endswith("ing")
                and len(s.lower[after + 1]) > 5
            )
        )
    return False


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
        if low in INFINITIVE_CUES and s.lower[after] == "to":
            span = _trim(text, s.starts[after], s.end)
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


def _past_when(s: _Sentence, k: int, low: str) -> int:
    """The token after the words that say when or how right after a cue: 'said Friday
    morning', 'told The Post earlier this year', 'said sarcastically', 'said of Trump'
    (whom it was about, where the statement is the quotation before the cue)."""
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
    if not before and stripped and stripped[-1] in "”\"'":
        end = head - (len(lead) - len(stripped))
    elif not before or before[-1] not in ",”\"—–'":
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
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "?", "!", "—", "–", "(", ")", '"', "''", "“", "”"})


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
