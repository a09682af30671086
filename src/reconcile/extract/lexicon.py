"""Word lists the attribution rules read: cue verbs, speaker words, outlets, platforms.

Verbs are listed by lemma and expanded to their inflections once, at import.

Examples
--------
>>> "cautioned" in SPEECH_CUES and "says" in SPEECH_CUES
True
>>> "thinks" in ATTITUDE_CUES
True
"""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_HEADS",
    "ANONYMOUS_MARKERS",
    "ATTITUDE_CUES",
    "AUXILIARIES",
    "DENIAL_CUES",
    "DOCUMENT_NOUNS",
    "HEDGE_CUES",
    "INFINITIVE_CUES",
    "MONTHS",
    "NP_STOP",
    "OBJECT_CUES",
    "OUTLETS",
    "PLATFORMS",
    "POLLS",
    "PRONOUNS",
    "REPORTED_ADVERBS",
    "REPORT_NOUNS",
    "ROLE_WORDS",
    "SKIP_BEFORE_CUE",
    "SPEECH_CUES",
    "STATEMENT_NOUNS",
    "WEEKDAYS",
]

# Irregular past forms; everything else is inflected by rule.
_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "find": ("found",),
    "know": ("knew", "known"),
    "feel": ("felt",),
    "seek": ("sought",),
    "speak": ("spoke", "spoken"),
    "see": ("saw", "seen"),
    "understand": ("understood",),
    "show": ("shown",),
    "hold": ("held",),
    "foresee": ("foresaw", "foreseen"),
    "forecast": ("forecast",),
    "predict": (),
}


def _inflect(lemma: str) -> set[str]:
    forms = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms.add(lemma + "s")
        # words stressed on a final consonant-vowel-consonant double it: 'quip', 'admit'
        doubles = lemma in ("admit", "refer", "regret", "commit", "prefer", "rebut")
        cvc = lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou"
        if doubles or (len(lemma) <= 4 and cvc):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        else:
            forms |= {lemma + "ed", lemma + "ing"}
    return forms


def _expand(lemmas: str) -> frozenset[str]:
    return frozenset(form for lemma in lemmas.split() for form in _inflect(lemma))


# Verbs of saying and reporting: a cue wherever they have a speaker.
SPEECH_CUES = (
    _expand(
        """
    say tell add note write tweet post announce declare state explain argue claim insist
    warn caution acknowledge admit concede confirm deny suggest recall reply respond ask
    urge vow pledge promise predict estimate conclude contend assert allege emphasize
    emphasise stress remark complain boast joke quip reiterate testify mention describe
    criticize criticise accuse praise hail cite quote reveal disclose indicate hint
    report announce insist counter retort lament concede observe propose recommend
    demand threaten charge blame dismiss reject question challenge defend condemn
    denounce applaud welcome thank congratulate advise inform assure brief reassure
    predict forecast project speculate surmise posit theorize theorise muse wonder
    acknowledge point clarify elaborate specify detail outline summarize summarise
    call continue refer endorse oppose decry admit blast mock discuss answer invoke
    echo recount express identify lambast slam tout assail chide scold rebuke fault
    shout yell exclaim scream whisper refute rebut disavow dispute debunk characterize
    characterise bemoan portray downplay protest rule herald remind encourage plead liken
    recite apologize apologise eviscerate brag proclaim interject deride underscore
    reaffirm opine vouch allude satirize satirise revile tease confess confide convey
    notify swear grumble mutter murmur sneer grouse gripe concur scoff taunt preach marvel
    fume seethe ridicule denigrate castigate berate upbraid reprimand chastise admonish
    deplore lampoon laud extol commend corroborate retract recant implore beseech entreat
    exhort prophesy
    """
    )
    # past forms only: 'attacks', 'brands' and 'orders' are nouns as often
    | frozenset(
        "attacked lashed ripped branded labeled labelled dubbed ordered offered repeated "
        "railed voiced signaled signalled referenced referencing emailed requested championed "
        "chanted retweeted articulated knocked repeating pounced scoffed balked uttered jabbed "
        "insulted trumpeted trumpeting bashed trashed complimented highlighted highlighting "
        "highlights coined".split()
    )
) - {"encouraging"}  # an adjective as often: 'encouraging signs'
# Verbs of thinking and wanting: a cue only with a clause, a quote or 'to' after them.
ATTITUDE_CUES = _expand(
    """
    think believe hope expect fear feel want plan seek refuse decline agree seem appear
    worry doubt know understand assume suspect consider intend prefer wish
    find show suggest indicate reveal conclude support back see like view regard
    maintain reckon realize realise recognize recognise imply envision contemplate mull
    convince persuade embrace promote resist interpret dislike presume suppose anticipate
    regret fret dread
    """
)
# Attitude verbs that take an infinitive ('refused to', 'wants to') as their content.
INFINITIVE_CUES = _expand(
    "want hope expect plan seek refuse decline agree seem appear intend prefer wish "
    "vow pledge promise threaten urge ask demand propose like offer"
)
# Verbs whose object, when no clause follows them, is what they are about rather than
# a statement: 'criticized the plan', 'endorsed Clinton' (not 'called the report
# false', 'described it as a mistake', 'demanded the minister resign': those state).
OBJECT_CUES = _expand(
    """
    criticize criticise praise hail endorse support back oppose outline disclose detail
    clarify defend condemn denounce applaud welcome thank congratulate mock blast slam
    lambast assail chide scold rebuke fault attack cite quote discuss mention echo
    invoke express recount identify tout answer lament decry summarize summarise
    specify bemoan downplay herald deride ridicule castigate berate upbraid reprimand
    chastise admonish deplore lampoon laud extol commend revile satirize satirise eviscerate
    taunt apologize apologise plead agree disagree
    """
) | frozenset(
    "attacked lashed ripped ordered offered repeated railed knocked trashed bashed "
    "championed referenced retweeted complimented requested".split()
)
# Cue verbs that make the statement a denial of their content.
DENIAL_CUES = _expand("deny reject dismiss refute rebut disavow dispute debunk")
# What a poll is called ('a new Fox News poll', 'in most surveys').
POLLS = frozenset("poll polls survey surveys".split())
# Adverbs by which the writer passes on what nobody named says ('has reportedly
# collapsed'), and the nouns for such reports when someone answers them ('denied
# reports that ...').
REPORTED_ADVERBS = ("reportedly", "allegedly", "purportedly")
REPORT_NOUNS = frozenset("reports report claims claim".split())
# The passive that passes on what nobody named says, as those adverbs do: 'Priebus was
# said to be furious' (a regular expression over lower-case text)
PASSIVE_REPORT = r"\b(?:is|was|are|were)\s+(?:widely\s+)?(?:said|rumou?red)\s+to\b"
# Cue verbs that report without endorsing, and verbs of belief short of knowing
# ('officials believe the fire was set': not yet established).
HEDGE_CUES = _expand(
    "allege claim speculate rumor rumour think believe suspect suppose assume guess reckon "
    "fear hope expect"
)

# Between a speaker and the verb: auxiliaries and adverbs ('has also repeatedly said').
SKIP_BEFORE_CUE = (
    frozenset(
        """
    has have had also later previously repeatedly then recently once again publicly
    reportedly initially further quickly flatly would will did does do is was were are
    has just even never not n't already first last earlier privately openly reportedly
    apparently since often frequently had been being may might could should must can
    so far long seldom rarely well sometimes always usually occasionally
    """.split()
    )
    | frozenset(  # negated auxiliaries, with either apostrophe: 'he doesn't want'
        f"{aux}n{mark}t"
        for aux in "do does did would could should is was are were has have had".split()
        for mark in "'’"
    )
    | frozenset(f"{w}{mark}t" for w in ("won", "can") for mark in "'’")
)
# Words that end a speaker noun phrase when read leftwards from the cue.
NP_STOP = frozenset(
    """
    that which who whom whose and but while because when if after before as since though
    although where so than or then said says say told what how why whether until unless
    once yet nor for to in on at by with from of into about over under during against
    is was were are be been being has have had do does did will would can could may
    might shall should must not also
    """.split()
)
PRONOUNS = frozenset("he she they we i you it his her their our".split())
# Heads of a speaker phrase that name nobody in particular.
ANONYMOUS_HEADS = frozenset(
    """
    source sources official officials aide aides insider insiders person people
    diplomat diplomats witness witnesses resident residents observer observers
    engineer engineers doctor doctors worker workers investigator investigators
    scientist scientists researcher researchers expert experts analyst analysts
    inspector inspectors rescuer rescuers medic medics
    """.split()
)
ANONYMOUS_MARKERS = frozenset(
    "unnamed anonymous unidentified a an one some several senior other another two three "
    "many few".split()
)
# Titles and roles that precede a name ('U.S. Secretary of State Mike Pompeo').
ROLE_WORDS = frozenset(
    """
    u.s. us u.k. uk un eu secretary state president vice prime minister foreign
    spokesman spokeswoman spokesperson envoy special representative senator sen rep
    gov governor mayor general gen chief director ambassador deputy commissioner
    chairman chairwoman chair leader commander colonel col lieutenant lt sergeant sgt
    captain capt major maj professor prof dr mr mrs ms sir lord judge justice attorney
    head minister's official officer treasury defense defence interior finance
    congressman congresswoman house senate white the a an former acting veteran
    democratic republican democrat gop candidate nominee admiral rear brigadier corporal
    pastor rev reverend bishop rabbi imam sheikh pope cardinal father
    """.split()
)
# Nouns that stand for a statement rather than a speaker ('the statement added').
STATEMENT_NOUNS = frozenset("statement release communique communiqué post tweet memo".split())
# What a speaker issues and speaks through ('a statement from the office', 'a tally by
# AFP', 'a statement posted on Telegram').
DOCUMENT_NOUNS = STATEMENT_NOUNS | frozenset(
    """
    report reports tally count study analysis estimate estimates review investigation
    letter email filing audit remarks comments message video interview speech
    """.split()
)
# Verbs that open a clause after its subject ('the dam could fail', 'that was wrong').
AUXILIARIES = frozenset(
    "will would could can may might should must is are was were has have had".split()
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month names and their news abbreviations ('Jan.', 'Sept.'), by month number.
MONTHS = {
    name: number
    for number, full in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
    for name in {full, full[:3], *(("sept",) if number == 9 else ())}
}
# News organisations recognised as outlets by name (lower case).
OUTLETS = frozenset(
    """
    reuters ap afp bbc cnn nbc abc cbs fox bloomberg xinhua tass ria interfax rfe/rl
    al-jazeera aljazeera politico axios npr pbs guardian times post journal telegraph
    independent dpa efe ansa kyodo yonhap anadolu tolonews pajhwok observer gazette
    herald tribune chronicle inquirer examiner mail press news
    """.split()
)
# Platforms a statement is posted on ('on Twitter', 'in a tweet').
PLATFORMS = {
    "twitter": "Twitter",
    "tweet": "Twitter",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "telegram": "Telegram",
    "youtube": "YouTube",
    "x": "X",
    "truth social": "Truth Social",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
}
