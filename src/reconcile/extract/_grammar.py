"""The clause around a cue: who is its subject (appositives, relative clauses, passives,
groups with a phrase after their head), what object follows it, and whether the words
after a cue of attitude or evidence frame a statement."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from reconcile.extract._sentence import (
    _DETERMINERS,
    _EVIDENCE,
    _PREPOSITIONS,
    _QUANTIFIERS,
    _SPEECH_VERBS,
    _SUBJECT_PRONOUNS,
    _TITLES,
    _WHEN_WORDS,
    _adverb,
    _is_name,
    _noun_phrase_left,
    _noun_phrase_right,
    _noun_reading,
    _Sentence,
)
from reconcile.extract._spans import (
    Attribution,
    Span,
    _trim,
)
from reconcile.extract.lexicon import (
    ATTITUDE_CUES,
    AUXILIARIES,
    INFINITIVE_CUES,
    NP_STOP,
    PRONOUNS,
    SPEECH_CUES,
)

__all__ = [
    "_ADJECTIVAL",
    "_CLAUSE_BREAKS",
    "_CLAUSE_SUBJECTS",
    "_CLAUSE_VERBS",
    "_ISSUING",
    "_OPENING",
    "_OUTLET_NOUNS",
    "_POSTMODIFIERS",
    "_STATEMENT_FORMS",
    "_appositive",
    "_attitude_frame",
    "_clause_subject",
    "_evidence_shows",
    "_object_end",
    "_object_then",
    "_passive",
    "_postmodified_subject",
    "_question_put",
    "_reduced_passive",
    "_relative_head",
    "_statement_issued",
    "_subject",
    "_subject_at",
    "_talk_topic",
]
_OPENING = frozenset('“"')
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
_TIME_SPANS = frozenset(
    "minute minutes hour hours day days week weeks month months year years".split()
)
_ISSUING = frozenset("posted published released issued broadcast aired shared carried".split())
# verbs that follow a clause's subject: 'warned the dam could fail' has no object
_CLAUSE_VERBS = AUXILIARIES
# words that open a clause as its subject, besides pronouns, determiners and names
# (not 'all', 'most', 'each', 'no': 'knew all about', 'felt most keenly', 'doubted
# each other', 'believed no matter how')
_CLAUSE_OPENERS = frozenset(
    "some several many few there everyone everybody nobody someone somebody".split()
)
_CLAUSE_SUBJECTS = _SUBJECT_PRONOUNS | {"it"}  # a word that opens a clause as its subject


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
_OBJECT_STARTS = _DETERMINERS | frozenset(("him", "them", "us", "it", "himself", "herself"))


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


# endings of capitalised adjectives ('Democratic', 'Republican', 'British', 'Chinese')
_ADJECTIVAL = ("ic", "an", "ish", "ese")


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
        lead == 0
        and j > 4
        and s.lower[1] in _TIME_SPANS | {"few"}
        and (later := next((k for k in range(2, 4) if s.lower[k] in ("later", "earlier")), 0))
    ):
        # 'A few minutes later they reversed themselves(, rushed in) and said ...'
        lead = later + 1 + (s.words[later + 1] == ",")
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
            if s.lower[k] in ("who", "which") or (
                s.lower[k] == "that" and k > 0 and s.words[k - 1][0].isalpha()
            ):
                spoken = False  # ('the project that encourages libertarians to ...')
            else:
                spoken = spoken or (s.lower[k] in _SPEECH_VERBS and not _noun_reading(s, k))
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
    if s.words[after] == "." and left[0] > 0 and s.words[left[0] - 1] == ",":
        return True  # the finding before it: '..., a study by the council found.'
    # what it shows: a clause or a finding ('Photos showed mourners crouched ...'), or
    # a share ('Polls show as many as 30 percent ...')
    return s.words[after].isalnum() and (
        nxt not in NP_STOP or nxt in PRONOUNS or nxt in _AMOUNT_OPENERS
    )


# words that open an amount: 'as many as', 'more than', 'nearly half', 'at least'
_AMOUNT_OPENERS = frozenset("as more fewer less about nearly almost only just roughly at".split())


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
        # 'agreed with the President that ...', 'agree with his assessment'
        for k in range(after + 1, min(after + 10, len(s.words))):
            if s.lower[k] == "that":
                return True
            if s.words[k] in _CLAUSE_BREAKS:
                break
        return after + 1 < len(s.words) and (
            _is_name(s.words[after + 1])
            or s.lower[after + 1] in _DETERMINERS
            or s.lower[after + 1] in ("him", "her", "them")
        )
    if low in ("consider", "considers") and s.lower[after - 2] != "to":
        # a judgment of someone: 'Cruz supporters consider him a phony', '30 percent
        # consider Clinton honest' (not 'consider Jeb Bush's proposal')
        k = after + 1 if nxt in ("him", "her", "them", "it") else after
        while k < len(s.words) and _is_name(s.words[k]) and not s.lower[k].endswith("s"):
            k += 1
        return (
            after < k < len(s.words)
            and s.words[k].isalpha()
            and s.words[k].islower()
            and s.lower[k] not in _PREPOSITIONS
            and s.lower[k] not in ("and", "or", "for", "as", "to", "of")
        )
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
        if s.words[after] in (",", "—", "–"):
            # between commas: 'Such efforts, they believe, will fail'; 'Such a move could
            # alienate his backers, Clinton allies believe — backers she will need'
            return "," in s.words[max(0, after - 5) : after - 1]
        if nxt in _GAP_VERBS and not low.endswith("ing") and s.lower[after - 2] != "no":
            # the clause's subject moved before the speaker: 'a move that the kingdom
            # hopes will shatter ...', 'what scientists think is necessary'
            return True
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


_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "?", "!", "—", "–", "(", ")", '"', "''", "“", "”"})
# a finite verb right after a verb of thinking, its clause's subject having gone before
_GAP_VERBS = frozenset("will would could can might should is are was were".split())
