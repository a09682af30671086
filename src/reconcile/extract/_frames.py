"""Rules that read past one cue: headlines with a colon, signed quotations, polls,
quoted paragraphs, a claim named by a noun before 'that', and the passes that trim or
join attributions found one cue at a time."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from reconcile.extract._content import (
    _CLAIM_NOUNS,
    _quote_run,
)
from reconcile.extract._grammar import (
    _OPENING,
    _OUTLET_NOUNS,
    _STATEMENT_FORMS,
    _subject_at,
)
from reconcile.extract._sentence import (
    _DETERMINERS,
    _SAYERS,
    _SUBJECT_PRONOUNS,
    WINDOW,
    _is_name,
    _Sentence,
)
from reconcile.extract._spans import (
    Attribution,
    Span,
    _inside,
    _Marks,
    _quote_at,
    _trim,
)
from reconcile.extract.lexicon import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    DOCUMENT_NOUNS,
    NP_STOP,
    OBJECT_CUES,
    PASSIVE_REPORT,
    POLLS,
    REPORTED_ADVERBS,
    SPEECH_CUES,
)

__all__ = [
    "_AFTER_COMMA_WHO",
    "_about",
    "_asked",
    "_colon_quotes",
    "_cut_before",
    "_end_of_relative",
    "_headline_colons",
    "_nested_view",
    "_nominal_that",
    "_opening_polls",
    "_polls_within",
    "_quoted_paragraphs",
    "_reported_without_speaker",
    "_signed_quotes",
]
_NAMED_CLAIM = re.compile(
    r",\s+((?:a|an)\s+(?:" + "|".join(sorted(_CLAIM_NOUNS)) + r"))\s+$", re.IGNORECASE
)


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
    if text[a.cue[1] : start].strip(" \t\n,") not in ("", "at", "against", "with"):
        # words between: not the verb's object ('praised him, saying ...'); but the
        # target of 'lashed out at', 'railed against', 'agreed with' is one
        return a
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
    # an interview printed as questions and answers ('Q: ...', 'A: ...'): each is a
    # turn, the interviewer's or the one interviewed
    interview = turns["Q"] >= 2 and turns["A"] >= 2
    for index, m in enumerate(matches):
        name = m.group(1)
        words = name.split()
        turn = name.isupper() and (turns[words[-1]] >= 2 or index in within)
        if (name.isupper() and not turn) or (
            all(len(w) < 2 for w in words) and not (interview and name in ("Q", "A"))
        ):
            continue  # labels ('UPDATE', 'BYLINE', a lone 'A:')
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


# a colon with a quotation opening right after it: '..., Rubio fired back: “...”'
_COLON_OPENS_QUOTE = re.compile(r":[ \t\xa0]*[“\"]")
# what may speak in such a clause besides a name or a pronoun: 'The letter continues:'
_COLON_SPEAKERS = (
    _SAYERS
    | _OUTLET_NOUNS
    | frozenset("headline campaign spokesman spokeswoman footnote report".split())
)


def _colon_quotes(text: str, marks: _Marks, found: Sequence[Attribution]) -> list[Attribution]:
    """A clause ending in a colon before a quotation, with no cue of its own, names
    who is quoted: 'In an interview, Trump went even further: “...”', 'The letter
    continues: “...”', 'More from the report: “...”'. Its subject (a name, a pronoun or
    a writing) speaks; the colon is the cue."""
    out: list[Attribution] = []
    cues = sorted(a.cue[0] for a in found)
    for m in _COLON_OPENS_QUOTE.finditer(text):
        colon = m.start()
        q = bisect.bisect_right(marks.quote_starts, m.end()) - 1
        if (
            q < 0
            or marks.quotes[q][0] != m.end()
            or _inside(marks.quotes, marks.quote_starts, colon)
        ):
            continue
        k = bisect.bisect_right(marks.sentence_starts, colon) - 1
        if k < 0 or colon >= marks.sentences[k][1]:
            continue
        start = marks.sentences[k][0]
        c = bisect.bisect_left(cues, max(start, colon - 120))
        if c < len(cues) and cues[c] <= colon:
            # a cue of its own before the colon, or the colon a headline's or a
            # transcript's: another rule took the quotation
            continue
        s = _Sentence(text, start, marks.sentences[k][1], colon)
        j = s.index(colon)
        if j >= len(s.words) or s.starts[j] != colon or j == 0:
            continue
        # the clause: back to the last break before the colon
        b = j
        while b > 0 and s.words[b - 1] not in (",", ";", "—", "–", "(", "”", '"', "''"):
            b -= 1
        if j - b > 12 or b == j:
            continue
        source_named = s.lower[b] in ("more", "from") and "from" in s.lower[b : b + 2]
        if source_named:
            b += 1 + (s.lower[b] == "more")  # 'More from Jones:', 'From the report:'
        # (after 'from', all up to the colon names the source)
        subject = (b, j) if source_named and j - b <= 6 else _subject_at(s, b)
        if subject is None or subject[0] >= subject[1]:
            continue
        words = s.words[subject[0] : subject[1]]
        if not (
            s.lower[subject[0]] in _SUBJECT_PRONOUNS
            or (
                s.lower[subject[0]] not in _DETERMINERS
                and all(_is_name(w) or w == "." for w in words)
            )
            or (len(words) > 1 and s.lower[subject[1] - 1] in _COLON_SPEAKERS)
        ):
            continue  # ('The rules are simple: “...”', 'His final assessment: “...”')
        content = _quote_run(text, marks.quotes, q)
        if not content:
            continue
        out.append(Attribution(cue=(colon, colon + 1),
                               source=(s.starts[subject[0]], s.ends[subject[1] - 1]),
                               content=tuple(content), quote=True,
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
