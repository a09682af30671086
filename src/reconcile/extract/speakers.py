"""Who is speaking: source mentions normalised to one source per speaker.

"U.S. Secretary of State Mike Pompeo", later "Pompeo" and then "he" are one source;
"unnamed Taliban sources" and "a Taliban source" are one anonymous source.

Examples
--------
>>> text = "Secretary of State Mike Pompeo spoke. Later Pompeo said so."
>>> book = Speakers(text)
>>> book.resolve("U.S. Secretary of State Mike Pompeo").id
'Mike Pompeo'
>>> book.resolve("Pompeo").id, book.resolve("he").id
('Mike Pompeo', 'Mike Pompeo')
>>> s = book.resolve("unnamed Taliban sources")
>>> s.id, s.kind.value
('Taliban sources', 'anonymous')
>>> book.resolve("a Taliban source").id
'Taliban sources'
"""

from __future__ import annotations

import functools
import re

from reconcile.extract.lexicon import (
    ANONYMOUS_HEADS,
    ANONYMOUS_MARKERS,
    DOCUMENT_NOUNS,
    OUTLETS,
    POLLS,
    PRONOUNS,
    ROLE_WORDS,
    STATEMENT_NOUNS,
)
from reconcile.model import Source, SourceKind

__all__ = ["Speakers", "is_outlet"]

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’./&-][^\W_]+)*\.?|\d+", re.UNICODE)
# 'Six in 10', 'four of 10': a share of the people asked, who stay unnamed
_SHARE = re.compile(r"(?:\w+\s+)?\w+\s+(?:in|of)\s+(?:10|ten|\d+)$", re.IGNORECASE)
_PLURAL = {"source": "sources", "official": "officials", "aide": "aides",
           "insider": "insiders", "diplomat": "diplomats", "witness": "witnesses",
           "resident": "residents", "observer": "observers", "person": "people",
           **{w: w + "s" for w in ("engineer", "doctor", "worker", "investigator", "scientist",
                                   "researcher", "expert", "analyst", "inspector", "rescuer",
                                   "medic")}}  # fmt: skip
_LEADING = frozenset("the a an".split())
# Runs of capitalised words: candidate full names ('Zalmay Khalilzad'). (The capital
# comes first and the word boundary before it is checked behind it: a pattern that
# opens with a character class is scanned for in C, twice as fast as one opening with
# a boundary test.)
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,4}\b")
_SPOKES = frozenset(
    "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative "
    "representatives lawyer lawyers attorney attorneys".split()
)
# last words of organisations' names: 'Korven Power' is no person
_ORG_HEADS = frozenset(
    """
    power energy inc corp corporation company co ltd llc group party ministry council
    agency department office commission committee bank university institute institution
    foundation association union airlines airline authority police army navy court
    government campaign administration club league federation network services
    systems partners holdings industries hospital school board church house bureau
    service center centre organization organisation society fund watch nations
    """.split()
)
_POSSESSIVE = re.compile(r"['’]s?$")
# what follows a noun phrase's head: a preposition, 'close to', 'familiar with', a
# relative pronoun
_AFTER_HEAD = frozenset(
    "in of from at for with on near across inside outside over under about among within "
    "close familiar who that which whose".split()
)
_PLACED = frozenset("at in from near inside outside across within on".split())
# a party and state tag after a name: 'R-Fla.', 'D-N.Y.'
_PARTY = re.compile(r"^[RDI]-[A-Z]")
# lower-case parts of names: 'Bill de Blasio', 'Ludwig van Beethoven'
_NAME_PARTICLES = frozenset("de da di del della van von der den la le bin al el ibn".split())
# runs of lower-case letters: the words written in lower case (and the odd piece of a
# word, 'oliceman' of 'Policeman', which no capitalised mention lower-cases to); a
# pattern opening with a character class is scanned for in C
_LOWER_WORD = re.compile(r"[a-z]+")
# role words that name a person ('the minister', 'the envoy'), for pointing back
# ('the president', 'the leader' and 'the chief' are left out: they often mean someone
# the text never names, the head of state of its readers)
_ROLE_HEADS = frozenset(
    """
    secretary minister spokesman spokeswoman spokesperson envoy senator governor mayor
    ambassador commissioner chairman chairwoman commander colonel lieutenant sergeant
    captain professor judge attorney congressman congresswoman candidate nominee admiral
    pastor bishop rabbi imam
    """.split()
)
_ROLE_AFTER_NAME = re.compile(
    r", (?:the|a|an) (?:[\w'’.-]+ ){0,4}?(" + "|".join(sorted(_ROLE_HEADS)) + r")\b(?=[,.])"
)
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})$")
# words that open a sentence before its subject: 'Later the minister added'
_SENTENCE_ADVERBS = frozenset(
    "later earlier meanwhile then now also however still separately afterwards instead "
    "again yesterday today".split()
)
_TITLED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_WHO_CONTRACTED = re.compile(r"\bwho['’]\w+")  # "leaders who'd rather ..."
_RELATIVE = re.compile(r"\s(?:who|whom|which)\b")
_ASIDE = re.compile(r"\([^()]*\)")
_ALL_LETTERS = re.compile(r"[A-Z]+(?:['’-][A-Z]+)*")
_FIRST_SECOND = frozenset("i me my we us our you your".split())
# how many of a group: 'a number of', 'a lot of', 'dozens of'
_PARTITIVE_HEADS = frozenset(
    "number lot lots majority handful couple dozens hundreds thousands millions group".split()
)
# words that count or point, capitalised at a sentence's start: 'One of the men'
_COUNTED = frozenset(
    "one this that some many most several few each all both any none others".split()
)
# words that open a sentence with a capital: no part of a name that follows them
_OPENERS = frozenset(
    "but and or so yet when while if as after before since although though then now also "
    "still however meanwhile in on at for from by with of to".split()
)


def _person_before_place(words: list[str], lower: list[str]) -> str:
    """The full name before 'of'/'from'/'in'/'at' ('Sen. Bernie Sanders of Vermont',
    'Darran Whiting of Liberty Baptist Church in Marion'), or ''. Two capitalised words
    at least, no role and no organisation's word: 'Bank of America' is no person."""
    at = next((k for k in range(1, len(words) - 1)
               if lower[k] in ("of", "from", "in", "at") and words[k].islower()), 0)  # fmt: skip
    run: list[str] = []
    for k in range(at - 1, -1, -1):
        w, lw = words[k], lower[k].rstrip(".")
        if not w[:1].isupper() or lw in ROLE_WORDS or lw in _ORG_HEADS:
            break
        run.append(_POSSESSIVE.sub("", w))
    return " ".join(reversed(run)) if len(run) >= 2 else ""


@functools.lru_cache(maxsize=1 << 14)
def _source(name: str, kind: SourceKind) -> Source:
    # sources are frozen: the mentions of one speaker share one object, built once
    return Source(name, kind=kind)


def is_outlet(mention: str) -> bool:
    """Whether `mention` names a news outlet ('Reuters', 'RFE/RL', 'The Post')."""
    words = [w.lower().rstrip(".") for w in _WORD.findall(mention)]
    return bool(words) and (words[-1] in OUTLETS or " ".join(words) in OUTLETS)


class Speakers:
    """Resolves source mentions in one document, in reading order.

    Parameters
    ----------
    text : str
        The whole document: full names are collected from it up front, so a surname
        that is a speaker before the full name appears still resolves.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._surnames: dict[str, str] | None = None
        self._lowercase: set[str] | None = None
        self._titled: set[str] | None = None
        self._roles: dict[str, str] = {}
        self._cache: dict[tuple[str, bool], Source] = {}
        self._last_person: Source | None = None
        self._last: Source | None = None

    def _lower_words(self) -> set[str]:
        """The words written in lower case somewhere in the text (read once)."""
        if self._lowercase is None:
            self._lowercase = set(_LOWER_WORD.findall(self._text))
        return self._lowercase

    def full_name(self, surname: str) -> str:
        """The first full name in the text ending with `surname`, else `surname`.

        The text's capitalised runs are collected once, on the first call: one
        regular-expression pass, whatever the number of surnames looked up.
        """
        if self._surnames is None:
            self._read_names()
        assert self._surnames is not None
        return self._surnames.get(surname, surname)

    def _read_names(self) -> None:
        """Collect the text's full names by surname, and the people each role names."""
        self._surnames = {}
        roles: dict[str, set[str]] = {}
        for run in _NAME_RUN.findall(self._text):
            last = run.rsplit(None, 1)[-1]
            if (_POSSESSIVE.sub("", last) if last[-1] in "s'’" else last) in self._surnames:
                continue  # the first full name ending in this word is known
            words: list[str] = []
            role = ""
            for w in reversed(run.split()):
                if w.lower().rstrip(".") in ROLE_WORDS or w.lower() in _OPENERS:
                    # 'Water Minister Anna Brekke': the name follows the role; 'But
                    # Josh reassures him': a sentence's first word is no first name
                    role = w.lower().rstrip(".")
                    break
                words.append(_POSSESSIVE.sub("", w) if w[-1] in "s'’" else w)
            if len(words) >= 2:
                full = " ".join(reversed(words))
                self._surnames.setdefault(words[0], full)
                if full.isupper():  # a transcript's 'JAKE TAPPER', later 'TAPPER'
                    full = self._uncapitalised(full)
                    self._surnames.setdefault(full.rsplit(None, 1)[-1], full)
                if role in _ROLE_HEADS:
                    roles.setdefault(role, set()).add(full)
        # 'Mitch McConnell, the Senate majority leader,': the role after the name (found
        # from the comma and article, which are rarer than the capitals a name opens with)
        for m in _ROLE_AFTER_NAME.finditer(self._text):
            name = _NAME_BEFORE.search(self._text, max(0, m.start() - 80), m.start())
            if name is not None:
                roles.setdefault(m.group(1).lower(), set()).add(name.group(1))
        # a role names a person only where the text gives it to one person
        self._roles = {role: next(iter(names)) for role, names in roles.items() if len(names) == 1}

    def role_holder(self, role: str) -> str | None:
        """The one person the text names with `role` ('minister'), or None."""
        if self._surnames is None:
            self._read_names()
        return self._roles.get(role)

    def resolve(self, mention: str, *, outlet_hint: bool = False) -> Source:
        """The source a mention refers to; pronouns point back to the last speaker.

        Parameters
        ----------
        mention : str
            The source words as they appear in the text.
        outlet_hint : bool
            The mention reports ('X reported'), so a bare organisation name is an outlet.
        """
        key = (mention.strip(), outlet_hint)
        source = self._cache.get(key)
        if source is None:
            source = self._resolve(*key)
            # a name resolves the same way every time; a pronoun (or a statement noun)
            # does not, even when it found nobody to point back to
            pointing = source is self._last or source is self._last_person
            if not pointing and key[0].lower() not in PRONOUNS:
                self._cache[key] = source
        self._last = source
        if source.kind is SourceKind.PERSON:
            self._last_person = source
        return source

    def _uncapitalised(self, mention: str) -> str:
        """A name written in capitals, as a transcript writes its speakers, in title
        case: 'JAKE TAPPER' is Jake Tapper where the text writes 'Jake' and 'Tapper'
        elsewhere. Other words stay as written: acronyms ('AFP', 'MSNBC', 'RFE/RL')."""
        if not mention.isupper():
            return mention
        return " ".join(
            w.title() if _ALL_LETTERS.fullmatch(w) and self._written_titled(w.title()) else w
            for w in mention.split()
        )

    def _written_titled(self, word: str) -> bool:
        """Whether the text writes `word` (in title case) as a word of its own. The
        text's title-case words are collected in one pass, on the first call (a search
        of the text per word would make a text of many such words quadratic)."""
        if self._titled is None:
            self._titled = set(_TITLED_WORD.findall(self._text))
        return word in self._titled

    def _resolve(self, mention: str, outlet_hint: bool) -> Source:
        mention = _WHO_CONTRACTED.sub("who", self._uncapitalised(mention))
        if "(" in mention:  # an aside names nobody: 'Murphy (a Democrat so boyish he ...)'
            mention = _ASIDE.sub(" ", mention).strip() or mention
        relative = _RELATIVE.search(mention)
        if relative is not None:
            # a relative clause is no part of the speaker: 'officials who say', 'local
            # leaders who'd rather be working for Ben Carson' are the leaders, not Carson
            mention = mention[: relative.start()]
        words = _WORD.findall(mention)
        lower = [w.lower() for w in words]
        if words and lower[-1].isdigit() and _SHARE.fullmatch(mention.strip()):
            return _source(" ".join(lower), SourceKind.ANONYMOUS)
        if not words:
            return _source(mention or "unknown", SourceKind.UNKNOWN)
        if len(words) > 1 and lower[0] in _SENTENCE_ADVERBS:
            # 'Later the minister added': the adverb is no part of the speaker
            return self._resolve(mention.split(None, 1)[1], outlet_hint)
        if (
            len(words) <= 4
            and words[-1].islower()
            and lower[-1] in _ROLE_HEADS
            and lower[0] in ("the", "a")
            and (holder := self.role_holder(lower[-1])) is not None
        ):
            # 'the minister' after 'Water Minister Anna Brekke': the one minister named
            return _source(holder, SourceKind.PERSON)
        if len(words) == 1 and lower[0] in PRONOUNS:
            if lower[0] in _FIRST_SECOND:
                # outside a quotation 'I' and 'we' are the writer, 'you' the reader:
                # nobody spoken of before
                return _source("I" if lower[0] == "i" else lower[0], SourceKind.UNKNOWN)
            person = lower[0] in ("he", "she", "his", "her")
            # 'he' is the last named person, else whoever spoke last if that can be a
            # person ('the mayor', 'a source'; not 'the new report')
            last = self._last
            if person and last is not None and last.kind is not SourceKind.PERSON:
                # 'he' is no organisation, outlet or group; of the others, only a role
                # ('the mayor') can be meant
                role = last.kind is SourceKind.UNKNOWN and last.id.split()[-1].lower() in ROLE_WORDS
                last = last if role else None
            if person and last is not None and last.id.split()[-1] in POLLS:
                last = None  # a poll is no 'he'
            back = (self._last_person or last) if person else self._last
            if back is not None:
                return back
            return _source(lower[0], SourceKind.UNKNOWN)  # one id for 'He' and 'he'
        said = next((k for k, lw in enumerate(lower[:-2]) if lw in DOCUMENT_NOUNS), -1)
        if said >= 0 and lower[said + 1] in ("from", "by"):
            # 'a statement from the harbour office', 'a tally by AFP': the office, AFP
            return self._resolve(" ".join(words[said + 2 :]), outlet_hint)
        if lower[-1] in STATEMENT_NOUNS and self._last is not None and words[-1].islower():
            return self._last  # 'the statement added' (not 'The Post')
        poll = next((k for k, lw in enumerate(lower) if lw in POLLS), -1)
        if poll >= 0:
            # 'a new Fox News poll released Thursday': the Fox News poll; 'most
            # surveys': polls nobody names
            named: list[str] = []
            for w, lw in zip(reversed(words[:poll]), reversed(lower[:poll])):
                if w[:1].isupper() and lw not in _LEADING:
                    named.append(w)
                elif named or lw in _LEADING:
                    break  # (a word like 'opinion' between the pollster and 'poll')
            if named:
                return _source(" ".join([*reversed(named), lower[poll]]), SourceKind.ORGANISATION)
            unnamed = [lw for lw in lower[: poll + 1] if lw not in _LEADING]
            return _source(" ".join(unnamed), SourceKind.ANONYMOUS)
        if is_outlet(mention) or (outlet_hint and words[-1][:1].isupper()):
            outlet = " ".join(w for w, lw in zip(words, lower) if lw not in _LEADING)
            return _source(outlet, SourceKind.OUTLET)
        for k, lw in enumerate(lower[:-1]):
            # 'a spokeswoman for Korven Power': the organisation speaks
            if lw in _SPOKES and lower[k + 1] in ("for", "of") and k + 2 < len(words):
                org = " ".join(
                    w for w, x in zip(words[k + 2 :], lower[k + 2 :]) if x not in _LEADING
                )
                return _source(org, SourceKind.ORGANISATION)
        of = lower.index("of") if "of" in lower[1:3] else 0
        if of and lower[of - 1] in _PARTITIVE_HEADS and of + 1 < len(words):
            # 'A number of Twitter users', 'a lot of men': the users, the men
            return self._resolve(" ".join(words[of + 1 :]), outlet_hint)
        if lower[0] in _COUNTED and (len(words) == 1 or lower[1] == "of"):
            # 'One of the men', 'Some of them', 'This': somebody not named
            counted = " ".join(
                lw if k == 0 else w
                for k, (w, lw) in enumerate(zip(words, lower))
                if lw not in _LEADING
            )
            return _source(counted, SourceKind.ANONYMOUS if len(words) > 1 else SourceKind.UNKNOWN)
        # (lower case only: 'the WHO' is no relative pronoun)
        cut = next((k for k in range(1, len(words)) if words[k].islower() and (
                    lower[k] in _AFTER_HEAD or (k > 1 and lower[k].endswith(("ing", "ed"))))),
                   0)  # fmt: skip
        if (
            cut
            and lower[cut - 1].isalpha()
            and (
                not words[cut - 1][:1].isupper()
                or (cut == 1 and lower[0] in _COUNTED)
                # a sentence's first word before where it is ('Engineers at the site',
                # 'Doctors in Kabul'; not 'Bank of America', 'Those close to him')
                or (cut == 1 and lower[1] in _PLACED)
            )
        ):
            # the head comes before what follows it: 'a group monitoring the war in Syria'
            # is a group, 'officials in Nicaragua' officials, not Syria or Nicaragua
            return self._resolve(" ".join(words[:cut]), outlet_hint)
        head = lower[-1]
        # (a capitalised head is part of a name, 'The Charlotte Observer', unless it
        # opens the sentence alone: 'Officials said')
        if (
            (head in ANONYMOUS_HEADS or head in _PLURAL.values())
            and (words[-1].islower() or len(words) == 1)
            # (one person's: 'the candidate's former doctor' is somebody in particular)
            and not (head in _PLURAL and any(w.endswith(("'s", "’s")) for w in lower))
        ):
            kept = [w for w, lw in zip(words, lower)
                    if lw not in ANONYMOUS_MARKERS and lw not in _LEADING]  # fmt: skip
            if not any(w[:1].isupper() and w.lower() not in ROLE_WORDS for w in kept[:-1]) or (
                len(kept) <= 2
            ):
                kept[-1] = _PLURAL.get(kept[-1].lower(), kept[-1].lower())
                return _source(" ".join(kept), SourceKind.ANONYMOUS)
        if (
            lower[-1].isalpha()
            and words[-1].islower()
            and lower[-1] not in ROLE_WORDS
            # (not a verb the span took in by mistake: 'Mr. Obama scrutinized', 'Kaine
            # defended people')
            and not any(
                w.islower() and w.endswith(("ed", "ing")) and words[k - 1][:1].isupper()
                for k, w in enumerate(words[1:], 1)
            )
        ):
            # a common noun is the head: 'British media', 'the Trump campaign'; the
            # capitalised word before it is no name of the speaker
            plain = " ".join(w for w, lw in zip(words, lower) if lw not in _LEADING)
            kind = SourceKind.ORGANISATION if lower[-1] in _ORG_HEADS else SourceKind.UNKNOWN
            return _source(plain, kind)
        if len(words) == 1 and words[0][1:].islower() and lower[0] in self._lower_words():
            # a common noun capitalised at a sentence's start ('Police said'): the same
            # source as 'police' elsewhere
            kind = SourceKind.ORGANISATION if lower[0] in _ORG_HEADS else SourceKind.UNKNOWN
            return _source(lower[0], kind)
        placed = _person_before_place(words, lower)
        if placed:
            return _source(placed, SourceKind.PERSON)
        # a name: the trailing capitalised words that are not titles or roles (but an
        # organisation's name keeps them: 'the State Department')
        # (a role word last is no title before a name: 'the Islamic State')
        organisation = lower[-1] in _ORG_HEADS or lower[-1].rstrip(".") in ROLE_WORDS
        name: list[str] = []
        titled = False  # a person's title before the name: 'President Obama'
        for k in range(len(words) - 1, -1, -1):
            w, lw = words[k], lower[k]
            if _PARTY.match(w):
                continue  # 'Sen. Marco Rubio (R-Fla.)': the party tag is no name
            if (
                w[:1].isupper()
                and lw not in _LEADING
                and (organisation or lw.rstrip(".") not in ROLE_WORDS)
            ):
                name.append(_POSSESSIVE.sub("", w))
            elif (
                name
                and k > 0
                and words[k - 1][:1].isupper()
                and (lw == "of" or (lw in _NAME_PARTICLES and not organisation))
            ):
                name.append(w)  # 'Bank of America', 'Bill de Blasio'
            elif name:
                titled = lw.rstrip(".") in ROLE_WORDS and lw not in _LEADING and not organisation
                break
        name.reverse()
        if name:
            full = " ".join(name)
            longer = self.full_name(name[-1])
            if len(name) == 1 or longer.endswith(" " + full):
                full = longer  # 'Clinton' and 'Paler Lin' are 'Josh Paler Lin' named before
            parts = full.split()
            person = (
                (len(parts) >= 2 or titled)
                and not organisation
                and "of" not in parts
                and not any(p.lower() in _ORG_HEADS for p in parts)
            )
            kind = SourceKind.PERSON if person else SourceKind.ORGANISATION
            return _source(full, kind)
        plain = " ".join(w for w, lw in zip(words, lower) if lw not in _LEADING)
        return _source(plain or mention, SourceKind.UNKNOWN)
