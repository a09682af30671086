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
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from reconcile._progress import progress_bar
from reconcile.extract._content import (
    _BEFORE_ASKED,
    _CLAIM_NOUNS,
    _SPEECH_OBJECT,
    _WRITERS_CLAUSE,
    _according,
    _as_frame,
    _content_after_comma,
    _content_left,
    _content_right,
    _past_when,
    _quote_after_colon,
)
from reconcile.extract._frames import (
    _AFTER_COMMA_WHO,
    _about,
    _asked,
    _colon_quotes,
    _cut_before,
    _end_of_relative,
    _headline_colons,
    _nested_view,
    _nominal_that,
    _opening_polls,
    _polls_within,
    _quoted_paragraphs,
    _reported_without_speaker,
    _signed_quotes,
)
from reconcile.extract._grammar import (
    _ADJECTIVAL,
    _CLAUSE_BREAKS,
    _CLAUSE_VERBS,
    _ISSUING,
    _OPENING,
    _POSTMODIFIERS,
    _appositive,
    _attitude_frame,
    _clause_subject,
    _evidence_shows,
    _object_end,
    _object_then,
    _passive,
    _postmodified_subject,
    _question_put,
    _reduced_passive,
    _relative_head,
    _statement_issued,
    _subject,
    _subject_at,
    _talk_topic,
)
from reconcile.extract._sentence import (
    _ADJECTIVE_ENDINGS,
    _DETERMINERS,
    _MAKE,
    _NOUNLIKE,
    _NOUNLIKE_VERBS,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _SAYERS,
    _SUBJECT_PRONOUNS,
    _adverb_at,
    _is_name,
    _name_run_start,
    _noun_phrase_left,
    _noun_phrase_right,
    _noun_reading,
    _Sentence,
    _spaced_hyphen,
    _typed_dash,
)
from reconcile.extract._spans import (
    Attribution,
    Span,
    _inside,
    _Marks,
    _trim,
)
from reconcile.extract.lexicon import (
    ATTITUDE_CUES,
    DOCUMENT_NOUNS,
    PRONOUNS,
    REPORT_NOUNS,
    SKIP_BEFORE_CUE,
    SPEECH_CUES,
    WEEKDAYS,
)
from reconcile.extract.segment import blank_markup, quote_spans, sentence_spans

__all__ = ["Attribution", "find_attributions"]
# Between a comma and a participle cue: '", claiming', ', while adding'
_AFTER_COMMA = frozenset(("”", '"', "'", "''", "while", "and", "before"))
_REPORT_VERBS = frozenset(("reported", "reports", "report"))
_BEFORE_PARTICIPLE = frozenset(("by", "after", "before", "while", "without", "—", "–"))
# talking about something: the topic, not a statement ('spoke about the drug crisis')
_TALK = frozenset("speak speaks spoke speaking talk talks talked talking".split())
# ... and discussing something ('flew back to discuss the talks'), unless a clause,
# a colon or a quotation follows
_DISCUSS = frozenset("discuss discusses discussed discussing".split())
_ADD_OPENERS = frozenset(("that", ":", ",", '"', "“", "'", "‘"))
"""What may follow 'add' when it says something ('I would add that ...')."""
_ATTEMPT = frozenset(
    "try tries tried trying attempt attempts attempted attempting effort efforts decision "
    "decided process soon fail fails failed unable ready hesitancy persuaded "
    "determined".split()
)
"""Words before 'to' and a cue that make the statement one not (yet) made."""
_AMOUNT_STARTS = frozenset("0123456789$€£")
# verbs that speak only with their particle: 'fired back', 'chimed in', 'weighed in'
_PHRASAL = {
    **dict.fromkeys("fired fires shot shoots hit hits pushed pushes".split(), "back"),
    **dict.fromkeys("chimed chimes weighed weighs".split(), "in"),
}
_CUE_WORDS = (SPEECH_CUES | ATTITUDE_CUES | _TALK | {"according", "put", "clear"}) - _NOUNLIKE | {
    "calls",
    "points",  # only before 'out' (see _NEEDS_AFTER)
    *_NOUNLIKE_VERBS,
    *_PHRASAL,
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
_RELATIVE_EDGE = frozenset((",", "—", "–", "-"))  # what sets off a relative clause


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
    extra += _colon_quotes(text, marks, [*found, *extra])
    extra += _opening_polls(text, marks, found)
    extra += _polls_within(text, marks, found)
    extra += _reported_without_speaker(text, lowered, marks, found)
    extra += _nominal_that(text, lowered, marks, found)
    if extra:
        found = sorted([*found, *extra], key=lambda a: a.cue)
    found = _quoted_paragraphs(text, marks, found)
    return [_about(text, _asked(text, a)) for a in found]


_NOUN_AFTER = re.compile(r"\s*(?:as|about|of|on|in|for|against|and|were|are|[–—.;)])(?!\w)")
_LETS = ("let's ", "let’s ", "let us ")
_OFFERED_WORDS = re.compile(
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:defen[cs]e|response|thoughts|prayers|condolences|praise|"
    r"apology|explanation|assessment|evaluation|advice|view|views|criticism|critique|"
    r"remarks|comments?|words|statement|tribute|assurances?|argument|rebuttal|"
    r"prediction|warning|descriptions?|slogan|olive branch|support|endorsement|promise|"
    r"pledge|vow|claim|call|charge|accusation|assertion|demand|threat|positions?|stance|"
    r"refrain|mantra|pitch)\b"
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
    **{w: _starts_with(particle) for w, particle in _PHRASAL.items()},
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
    "knocked": lambda lowered, end: not lowered.startswith(" out", end),  # 'knocked out'
    # 'offered' or 'repeated' words, not goods or acts: 'offered a defense of the bill',
    # 'offered his thoughts', 'repeated his promise to ...'
    # (and an offer to act, a promise: 'has offered to cover the cost')
    "offered": lambda lowered, end: (
        lowered.startswith(" to ", end) or _OFFERED_WORDS.match(lowered, end) is not None
    ),
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


def _object_then_saying(s: _Sentence, i: int) -> bool:
    """Whether a short object after the verb at token `i` is followed by a comma and a
    participle of speech: 'attacked Romney, calling him ...'."""
    for k in range(i + 2, min(i + 8, len(s.words) - 1)):
        if s.words[k] == ",":
            nxt = s.lower[k + 1]
            return nxt.endswith("ing") and nxt in SPEECH_CUES
        if not s.words[k][0].isalnum() and s.words[k] != ".":
            return False
    return False


def _label_after(s: _Sentence, k: int) -> int:
    """The token after the object that opens at token `k` ('called [Trump] "the orange
    prince"', 'called [the report] a smear'), or the sentence's length when no object
    opens there."""
    n = len(s.words)
    if k >= n:
        return n
    if s.lower[k] in ("it", "him", "her", "them"):
        return k + 1
    if _is_name(s.words[k]):
        while k < n and (_is_name(s.words[k]) or s.words[k] == "."):
            k += 1
        return k
    if s.lower[k] in _DETERMINERS - {"a", "an"}:
        # the object's head within three words, before anything but a plain word
        for t in range(k + 1, min(n, k + 4)):
            if not (s.words[t].isalpha() and s.words[t].islower()) or s.lower[t] in ("a", "an"):
                return t if t > k + 1 else n
        return n
    return n


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
        # (but a relative clause's subject calls it so: 'what officials called a hate
        # crime', 'a bill that critics called anti-gay')
        and not (i > 1 and s.lower[i - 2] in _RELATIVES | {"what"} and s.lower[i - 1].endswith("s"))
        # (nor one that names an object and then what it called it: 'one lawmaker called
        # Trump "the orange prince"', 'the campaign called the report a smear')
        and not (
            not s.lower[i - 1].endswith(("ed", "ing"))
            and (label := _label_after(s, i + 1)) < n
            and (
                s.words[label] in _OPENING
                or s.words[label] == "''"
                or s.lower[label] in ("a", "an")
            )
        )
    ):
        return None  # naming, not speech: 'a program called Sandy Hook Promise'
    if (
        low in ("note", "notes")
        and (i + 1 >= n or s.lower[i + 1] != "that")
        and not (
            i > 0
            and (
                _is_name(s.words[i - 1])
                or s.lower[i - 1] in PRONOUNS
                # a noun after its determiner, a clause after the verb: 'the paper notes
                # the government ...' (not 'struck the same notes, hitting ...')
                or (
                    low == "notes"
                    and 1 < i < n - 1
                    and s.lower[i - 2] in _DETERMINERS
                    and s.words[i - 1].isalpha()
                    and s.words[i - 1].islower()
                    and s.lower[i - 1] not in _DETERMINERS
                    and (s.lower[i + 1] in _DETERMINERS or s.lower[i + 1] in _SUBJECT_PRONOUNS)
                )
            )
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
            # 'Calderon calls the wall stupid', 'the campaign calls this a false
            # narrative': a subject labelling something (not 'what he calls corruption',
            # a label the writer quotes and does not report)
            and not (
                i > 0
                and s.words[i + 1][0].isalnum()
                and (
                    _is_name(s.words[i - 1])
                    or (
                        s.words[i - 1].isalpha()
                        and s.words[i - 1].islower()
                        and s.lower[i - 1] not in _DETERMINERS | _RELATIVES | PRONOUNS
                        and (i < 2 or s.lower[i - 2] != "what")
                        and not s.lower[i - 1].endswith(("ed", "ing", *_ADJECTIVE_ENDINGS))
                        and (s.lower[i + 1] in _LABELLED or _is_name(s.words[i + 1]))
                    )
                )
            )
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
    if (
        i > 0
        and s.lower[i - 1] in ("will", "ll", "would", "could")
        and s.words[i - 1] != "Will"
        # (a stance is held now: 'would like to', 'would support a ban')
        and not (low in _WOULD_HOLD and s.lower[i - 1] == "would")
    ):
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
    if (
        low == "back"
        and i > 0
        and (
            s.lower[i - 1].endswith("ed")
            or s.lower[i - 1] in _PHRASAL
            or s.lower[i - 1] in ("came", "went", "got", "fought")
        )
    ):
        return None  # a particle, not backing someone: 'fired back', 'came back'
    if low == "told" and i == 1 and s.lower[0] == "all":
        return None  # 'All told, ...': in all
    if low in ("attacked", "ripped") and not (
        i + 1 < n
        and (
            s.words[i + 1] in (":", "“", '"', "''")
            or any(_object_then(s, i, w) for w in ("for", "over", "as"))
            or _object_then_saying(s, i)
        )
    ):
        return None  # words only with a charge: 'attacked Clinton over her emails' or
        # ', saying ...', not 'the rebels attacked the town at dawn'
    if low == "warning" and i > 0 and s.lower[i - 1] == "without":
        return None  # 'Without warning, ...'
    if low in ("elaborate", "briefing") or (
        low == "like"
        and not (i > 0 and s.lower[i - 1] == "would" and s.lower[i + 1 : i + 2] == ["to"])
    ):
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
        "poin", "call", "wrot", "writ", "lash",
    ):  # fmt: skip
        last += 1
    elif low in _PHRASAL:
        last += 1  # 'fired back', 'chimed in' (_NEEDS_AFTER saw the particle)
    elif last + 1 < n and low.startswith("refer") and s.lower[last + 1] == "to":
        last += 1  # '..., referring to the convention': what was meant
    elif low == "put":
        last += 1  # 'put it'
    elif topic_at > 0:
        last = topic_at  # 'spoke briefly about', 'talked up'
    elif clear_at > 0:
        last = clear_at
    cue = (s.starts[i], s.ends[last])
    speech = low in SPEECH_CUES or low in _PHRASAL or low == "put" or topic_at > 0 or clear_at > 0
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
        while dash > max(0, j - 24) and s.words[dash] != s.words[j - 1]:
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
    if left is None and j > 3 and s.words[j - 1] in ("”", '"') and s.words[j - 2] == ",":
        # a quoted word closing an appositive: 'Humphrey, who calls Trump a “sociopath,”
        # said' (not '"We won," said Lund': that quotation opens its clause)
        o = next((k for k in range(j - 3, max(0, j - 12), -1) if s.words[k] in _OPENING), 0)
        if o > 1 and s.words[o - 1][0].isalnum() and "," in s.words[max(0, o - 30) : o]:
            left = _appositive(s, j - 2)

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


_RELATIVES = frozenset(("who", "whom", "which", "that"))
# stances held now though put with 'would': 'would support a ban', 'would like to'
_WOULD_HOLD = frozenset("support back oppose prefer favor agree like welcome".split())
# what a label's object opens with: 'calls this a false narrative', 'calls the plan a
# mistake', 'calls it a witch hunt'
_LABELLED = _DETERMINERS | frozenset(("it", "him", "her", "them"))
# an indirect question, alone or after an infinitive: 'whether ...', 'to say whether ...'
_WHETHER = re.compile(r"(?:to \w+ )?whether\b")


# 'on Tuesday', 'last month', 'at the time', 'in the past' between speaker and verb
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(
    "week month year time past night morning afternoon evening weekend day".split()
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME_OPENERS = frozenset("on at in last this earlier late during".split())
_BE = frozenset("is are was were be been being".split())


# words before a participle that make it no reduced relative ('he was then asked by')
_NOT_NOUNS = (
    PRONOUNS
    | _DETERMINERS
    | SKIP_BEFORE_CUE
    | _BE
    | frozenset("and or but not who which that to than also".split())
)


# a pronoun with its verb contracted onto it: 'He’s predicting', 'they've said'
_CONTRACTED = re.compile(r"(?i)(i|you|he|she|it|we|they|who|that)['’](?:s|re|m|ve|d|ll)\b")
_TIES = _POSTMODIFIERS | {"and"}
