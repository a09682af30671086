"""The tokens of a sentence around a cue, and the word-level tests the rules share: names,
dashes, adverbs and the noun phrases either side of a token."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reconcile.extract.lexicon import (
    ATTITUDE_CUES,
    NP_STOP,
    PRONOUNS,
    REPORT_NOUNS,
    SPEECH_CUES,
    WEEKDAYS,
)
from reconcile.extract.segment import closes_like_right_mark

__all__ = [
    "WINDOW",
    "_DETERMINERS",
    "_EVIDENCE",
    "_MAKE",
    "_NOUNLIKE",
    "_NOUNLIKE_VERBS",
    "_PREPOSITIONS",
    "_QUANTIFIERS",
    "_SAYERS",
    "_SPEECH_VERBS",
    "_SUBJECT_PRONOUNS",
    "_TITLES",
    "_WHEN_WORDS",
    "_Sentence",
    "_adverb",
    "_adverb_at",
    "_is_name",
    "_name_run_start",
    "_noun_phrase_left",
    "_noun_phrase_right",
    "_noun_reading",
    "_spaced_hyphen",
    "_typed_dash",
]

# two apostrophes are one quotation mark (''like this'', as some newspapers print it)
# (possessive quantifiers: what follows each part can never be matched by giving some of
# it back, so the engine keeps no backtracking state; the same tokens, a fifth faster)
_TOKEN = re.compile(r"\w++(?:['’/&-]\w++)*+(?:\.(?:\w\.)++)?+|''|[^\w\s]")
_PREPOSITIONS = frozenset(
    "on in at during via through with to from after before over outside inside near behind "
    "beside across under".split()
)
# when, said right after the cue ('said Friday', 'said last week'): not what was said
_WHEN_WORDS = frozenset(WEEKDAYS) | frozenset(
    "today yesterday tonight then recently earlier later previously again".split()
)
_DETERMINERS = frozenset("the a an this that these those his her their its our my".split())
# Before a participle cue whose speaker is the sentence's subject: 'by saying that'
# who speaks for an organisation named after 'for' or 'of'
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative "
    "representatives lawyer lawyers attorney attorneys".split()
)
_QUANTIFIERS = frozenset("one two three another some several many most few".split())
# Base forms that are far more often nouns ('the State Department', '22 points').
_NOUNLIKE = frozenset(
    "state states post posts point points question questions challenge challenges charge "
    "charges plan plans brief briefs remark remarks report quote quotes project "
    "projects detail details outline outlines welcome demand demands estimate estimates "
    "hint hints threat counter mention challenge defend praise tweet tweets claim call calls "
    "continue continues view views rules protests ridicule taunts".split()
)
_MAKE = frozenset(("made", "make", "makes", "making"))
# Of the words in _NOUNLIKE, verbs of saying where a 'that' clause follows: 'The Tax
# Policy Center estimates that ...' (not 'the estimates that', 'his claim that').
# ('states that' is a noun too often: 'the states that voted'; 'plans to' tells of an
# intention, not a statement.)
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
# words whose "'s" is 'has' or 'is', not a possessive: "who's called for", "it's said"
_CONTRACTING = PRONOUNS | {"who", "what", "that", "there", "here", "where", "which"}
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ful", "ary")
# speech verbs that are not also common nouns ('state', 'call', 'report' are)
_SPEECH_VERBS = SPEECH_CUES - _NOUNLIKE


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
        if "“" in self.words:
            # a “ typed where ” belongs reads as one, as quote_spans pairs it
            for k, w in enumerate(self.words):
                if w == "“" and closes_like_right_mark(text, self.starts[k]):
                    self.words[k] = "”"
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
_CLAUSE_EDGE = frozenset((",", "”", '"', "''", "—", "–", ";", ":"))
# the second of two speakers: 'he and Mr. Allen', 'she and a colleague', 'she and two aides'
_SECOND_SPEAKER = _SUBJECT_PRONOUNS | _DETERMINERS | _QUANTIFIERS


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


def _noun_reading(s: _Sentence, i: int) -> bool:
    """Whether the cue word at token `i` (not the first) is a noun or an adjective here,
    by the word before it: "Trump's claims", "Lund's repeated assurances", 'expected
    answers', 'any criminal charges that', 'in biographical disputes', 'new estimates
    that', a plural before the sentence's verb ('filed reports show that'), and a
    gerund after a possessive or modifying a noun ('a creative writing professor')."""
    low, before = s.lower[i], s.lower[i - 1]
    # (not "who's called for", where the 's is 'has')
    possessive = before.endswith(("'s", "’s")) and before[:-2] not in _CONTRACTING
    # the word before an adjective before it: 'any criminal charges', 'in biographical
    # disputes' (a determiner there counts only before a verb that is a noun as often:
    # 'the executive says' is a speaker)
    # (a capitalised word is a name or a month, no adjective: 'a poll in January shows')
    adjective_after = (
        s.lower[i - 2]
        if i > 1 and before.endswith(_ADJECTIVE_ENDINGS) and s.words[i - 1].islower()
        else None
    )
    participle = s.words[i - 1].islower() and before.endswith(("ed", "ing"))
    if low in _NOUNLIKE_VERBS and (
        possessive
        or adjective_after in _BEFORE_ADJECTIVE
        or participle  # the object of a verb: 'made claims that', 'announced charges'
        or (before in _BEFORE_NOUN and before not in ("not", "never", "n't", "to"))
        or before.endswith(("s'", "s’"))
        or not s.words[i - 1][0].isalnum()
    ):
        return True
    if low.endswith("ed"):
        return possessive
    if low.endswith("ing") and possessive:
        return True  # "the party's continuing ability", "Lund's saying so"
    if low.endswith("ing") and i + 2 < len(s.words):
        # a gerund before the noun it modifies, in a phrase that ends there (an
        # appositive, or a subject before its verb): 'Sexton, a creative writing
        # professor, said' (not 'a statement reassuring voters that', 'a story detailing
        # four reports')
        after = s.words[i + 1]
        return (
            after.isalpha()
            and after.islower()
            and after not in _NOT_MODIFIED
            and (s.words[i + 2] in (",", ")", "—", "–") or s.lower[i + 2] in _SPEECH_VERBS)
            and (
                before in _DETERMINERS
                or (
                    i > 1
                    and s.lower[i - 2] in _DETERMINERS
                    and s.words[i - 1].isalpha()
                    and s.words[i - 1].islower()
                    and not before.endswith(("ed", "ing", "ly"))
                )
            )
        )
    if not low.endswith("s"):
        return False
    if i + 1 < len(s.words) and s.lower[i + 1] in _VERBS_AFTER_NOUN:
        return True
    # ('denied reports that ...' are reports by nobody named: see _attribute)
    return low not in REPORT_NOUNS and (
        possessive or adjective_after in _PREPOSITIONS or (participle and before.endswith("ed"))
    )


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


_TITLES = frozenset("mr mrs ms dr sen gov rep gen prof st lt col sgt".split())
# what polls and studies are called: their 'show' needs no 'that' ('polls show Trump
# losing ground'), where 'the map shows the route' is no statement
_EVIDENCE = frozenset(
    "poll polls survey surveys study studies data figures numbers results research "
    "analysis count records filings documents emails report reports video footage "
    "review audit investigation article polling photos photo images outcome tallies "
    "tally memo memos transcript transcripts statistics estimates projections findings".split()
)
# writings that say something; with the evidence, what 'that found' can follow
_WRITINGS = frozenset("paper papers letter letters memo memos book ad ads statement".split())
_SAYERS = _EVIDENCE | _WRITINGS
# the unions the cue tests use, made once (a union in a test is built on every call)
_OF_HEADS = _PARTITIVES | _SAYERS  # heads of a phrase that runs on through 'of'
_VERBS_AFTER_NOUN = _SPEECH_VERBS | ATTITUDE_CUES
# words after a gerund that make it a verb with an object or a clause, not a modifier
_NOT_MODIFIED = (
    NP_STOP
    | _DETERMINERS
    | _PREPOSITIONS
    | PRONOUNS
    | {"that", "about", "of", "him", "them", "us", "me", "himself", "herself", "themselves"}
)
_BEFORE_NOUN = _NOUN_MODIFIERS | NP_STOP | _MAKE
_BEFORE_ADJECTIVE = _DETERMINERS | _NOUN_MODIFIERS | {"any"}
