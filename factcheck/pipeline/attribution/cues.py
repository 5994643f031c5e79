"""Reporting verbs in a sentence's tokens: 'said', 'has long denied', 'went on to say', with their
lemma, kind (speech, thought, evidence, denial) and certainty from `reporting_verbs.txt`; and, in a
sentence with none of those, the verb that follows a quotation and its speaker ('“...,” Lee fumed').
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.lexicon import load_list, load_table
from factcheck.pipeline.attribution.frame import Cue
from factcheck.pipeline.attribution.subjects import passive_agent
from factcheck.pipeline.words.tokens import (
    ADVERBIAL_PREPOSITIONS,
    AUX_WORDS,
    BEFORE_NOUN,
    CLAUSE_WORDS,
    IRREGULAR_PAST,
    NOUN_LIKE_AFTER_DET,
    PERIOD_WORDS,
    PRONOUNS,
    SOURCE_NOUNS,
    TIME_WORDS,
    Token,
    closes_quotation,
    contracted_subject,
    quote_depths,
    relative_that,
)

PASSIVE_HEARSAY = frozenset({"expect", "believe", "report", "say", "think", "estimate", "allege", "claim"})
BE_WORDS = frozenset("is was were are be been being am".split())
# a reporting verb and particle that make a verb of doing, not saying
NOT_REPORTING = frozenset({("back", "down"), ("back", "off"), ("back", "away"), ("back", "out"), ("call", "off"),
                           ("write", "off"), ("write", "down")})
DISCOURSE_FILLERS = frozenset({("you", "know"), ("you", "see"), ("i", "mean")})
MAX_WITH_SUBJECT_TOKENS = 6   # "with most of the party's voters saying ..."
MAX_FRAME_NAME_TOKENS = 3     # "“...,” Sen. Lee fumed": the speaker between a quotation and its verb
OBJECT_PRONOUNS = frozenset("it him her them us me".split())
FINITE_AUXILIARIES = frozenset("have are were will would can could should may might must do did".split())
MIN_TITLE_WORDS = 4           # a headline in title case has at least this many words ...
TITLE_SHARE = 0.75            # ... and at least this share of them capitalised
PREPOSITIONS_BEFORE_GERUND = frozenset("of in by for without about after before while when as from".split())
NAMING_PARTICIPLES = frozenset("called dubbed labeled labelled".split())
INDEFINITE_PRONOUNS = frozenset("something one another anything".split())
MAX_NAMED_NOUN_TOKENS = 6     # "a group of disaffected exiles called ..."
# "a survey of insiders shows that ...": before 'that' these are verbs, not nouns ("reports that ..." may be either)
FINDING_VERBS = frozenset("shows finds".split())
AMBIGUOUS_NOUNS = frozenset("questions reports claims calls notes states fears shows hopes answers comments charges "
                            "stresses promises quotes estimates remarks cites finds".split())


@lru_cache(maxsize=1)
def _verb_forms() -> dict[tuple[str, ...], tuple[str, str, str]]:
    forms: dict[tuple[str, ...], tuple[str, str, str]] = {}
    for lemma, spelled, kind, certainty in load_table("reporting_verbs.txt"):
        for form in _split_forms(lemma, spelled):
            forms[tuple(form.split())] = (lemma, kind, certainty)
    return forms


def _split_forms(lemma: str, spelled: str) -> list[str]:
    """'say says said' -> forms; multiword lemmas ('point out') list forms as 'points out'."""
    words = spelled.split()
    width = len(lemma.split())
    return [" ".join(words[i:i + width]) for i in range(0, len(words), width)]


def title_case(tokens: list[Token]) -> bool:
    """'Trump Says He Will Win The Nomination': a headline whose words are capitalised, where a capital
    marks no name."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    return len(words) >= MIN_TITLE_WORDS and sum(t.text[:1].isupper() for t in words) >= TITLE_SHARE * len(words)


def _is_nounish_use(tokens: list[Token], i: int, titled: bool = False) -> bool:
    """'the report', 'raised questions', 'of describing': a verb form used as a noun or gerund."""
    if _plural_before_verb(tokens, i):
        return True        # "farm advocates say ...": a plural noun, the subject of the cue after it
    if i == 0:
        return False
    word, before = tokens[i], tokens[i - 1]
    if word.low.endswith("ing") and before.low in ADVERBIAL_PREPOSITIONS and word.text.islower():
        return False                                  # "..., before insisting he had ...": a participle clause
    if word.text[:1].isupper() and not titled:        # "the Commonwealth of Independent States"
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before.text[:1].isdigit() and word.low.endswith("ed") and after is not None \
            and after.text.isalpha() and after.text.islower() and after.low not in ("that", "to"):
        return True                                   # "by 271 pledged delegates": a modifier
    if before.low in NOUN_LIKE_AFTER_DET or before.low in BEFORE_NOUN and before.low != "to" \
            and not relative_that(tokens, i) \
            or before.low.endswith(("’s", "'s")) and not contracted_subject(before.low):
        return True
    if word.low.endswith("s") and not word.low.endswith("ss") and i + 1 < len(tokens) \
            and tokens[i + 1].low in FINITE_AUXILIARIES and before.low not in PRONOUNS \
            and (i == 1 or titled or before.text.islower() and before.low not in SOURCE_NOUNS
                 and before.low not in CLAUSE_WORDS):
        return True        # "rights advocates have pushed": a plural noun; not "which he believes will ..."
    if word.low.endswith("s") and word.low in AMBIGUOUS_NOUNS:
        # "Washington questions ...": a verb only right after a name, pronoun or source noun, or
        # before an object pronoun ("the first lady calls it her ...")
        after = tokens[i + 1].low if i + 1 < len(tokens) else ""
        return not (before.text[:1].isupper() or before.low in PRONOUNS or before.low in SOURCE_NOUNS
                    or after in OBJECT_PRONOUNS or word.low in FINDING_VERBS and _finding(tokens, i))
    after_comma = before.text == "," or i > 1 and tokens[i - 2].text == "," and _manner_adverb(before)
    if word.low.endswith("ing") and not after_comma and before.low not in BE_WORDS \
            and not after_quote_comma(tokens, i) and not (before.text[:1].isupper() and i > 1) \
            and not _with_subject(tokens, i) and not contracted_subject(before.low) \
            and not _second_participle(tokens, i) and not _noun_saying(tokens, i):         # "She’s describing"
        return True                                   # "discourse calling for": a modifier, not a cue
    return False


def _manner_adverb(word: Token) -> bool:
    """'..., flatly denying that ...': an -ly adverb before a participle after a comma."""
    return word.text.islower() and word.low.endswith("ly") and len(word.low) > 4 and word.low.isalpha()


def _plural_before_verb(tokens: list[Token], i: int) -> bool:
    """'Farm advocates say they ...', 'Party leaders warned ...': an -s form right before a reporting
    verb that is not itself an -s or -ing form is a plural noun, the subject of that verb."""
    word, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or not word.low.endswith("s") or word.low.endswith("ss") \
            or i > 0 and tokens[i - 1].low in PRONOUNS:
        return False
    return (after.low,) in _verb_forms() and not after.low.endswith(("s", "ing"))


def _finding(tokens: list[Token], i: int) -> bool:
    """'A survey of insiders shows that ...', 'a poll out this week shows Lee ahead', 'an email from
    2011 shows ...': before 'that' or a name, or after a date, 'shows' is what a document does."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1]
    return after is not None and (after.low == "that" or after.text[:1].isupper() and after.text.isalpha()) \
        or before.text[:1].isdigit() or before.low in PERIOD_WORDS or before.low in TIME_WORDS


def _noun_saying(tokens: list[Token], i: int) -> bool:
    """'a statement saying the country cannot vet ...', '62 percent of voters saying ...': 'saying'
    after a noun reports what that text or group says."""
    before = tokens[i - 1]
    return tokens[i].low == "saying" and (before.text.isalpha() and before.text.islower() or before.low == "percent") \
        and before.low not in PREPOSITIONS_BEFORE_GERUND and before.low not in PRONOUNS


def _second_participle(tokens: list[Token], i: int) -> bool:
    """'..., saying she is qualified but suggesting that ...', '..., noting X, and suggesting Y': an
    -ing form after 'and' or 'but' continues a participle clause that a comma opened before it."""
    at = i - 1
    while at > 0 and tokens[at].low in ("and", "but", "also", "then", ","):
        at -= 1
    if at == i - 1 or tokens[i - 1].low not in ("and", "but", "also", "then"):
        return False
    return any(tokens[k].low.endswith("ing") and tokens[k].text.islower() and tokens[k - 1].text == ","
               for k in range(1, at + 1))


def _with_subject(tokens: list[Token], i: int) -> bool:
    """'..., with 22 percent of voters saying ...': the participle's subject follows 'with'."""
    lo = i - 1
    while lo > 0 and i - lo <= MAX_WITH_SUBJECT_TOKENS and tokens[lo].text[:1].isalnum() \
            and tokens[lo].low != "with":
        lo -= 1
    return tokens[lo].low == "with" and lo < i - 1 and (lo == 0 or tokens[lo - 1].text == ","
                                                         or tokens[lo - 1].low in ("and", "but"))


def after_quote_comma(tokens: list[Token], at: int) -> bool:
    """'... “had a crazy policy,” adding ...': a word right after a quotation closed by a comma."""
    return at >= 2 and tokens[at - 1].text in ("”", '"') and tokens[at - 2].text == ","


def _aspectual(tokens: list[Token], cue: Cue) -> bool:
    """'prices continued to rise': 'continue' reports speech only when no verb follows it ('Lee
    continued:' before a quotation in the next paragraph);
    'the state added 40,000 jobs': a number right after 'add' is what was added, not what was said;
    'the club backed down': a particle can make a verb of doing."""
    nxt = tokens[cue.last + 1].low if cue.last + 1 < len(tokens) else ""
    if cue.lemma == "add" and nxt[:1].isdigit():
        return True
    if (cue.lemma, nxt) in NOT_REPORTING:               # "backed down", "called off"
        return True
    quoted = any(t.text in ("“", "”", '"') for t in tokens)
    return cue.lemma == "continue" and (nxt not in ("", ",", ".", ":", "“", '"') or not quoted and nxt != ":")


def is_passive(tokens: list[Token], cue: Cue) -> bool:
    """'is denied to', 'should be noted that', 'as described by': a passive cue (its speaker, if any,
    follows 'by')."""
    if cue.verb == 0 or not tokens[cue.verb].low.endswith(("ed", "wn", "id")):
        return False
    before = tokens[cue.verb - 1].low
    if before in ("not", "n't", "widely", "originally", "also", "still", "generally") and cue.verb >= 2:
        before = tokens[cue.verb - 2].low       # "is not expected to", "is widely expected to"
    after = tokens[cue.last + 1].low if cue.last + 1 < len(tokens) else ""
    return before in BE_WORDS or before == "as" and after == "by"


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(key[0] for key in _verb_forms())


def _filler(tokens: list[Token], i: int) -> bool:
    """'You know, when I became governor ...', '..., I mean, ...': a speaker's filler before a pause
    reports nothing."""
    after = tokens[i + 1].text if i + 1 < len(tokens) else "."
    return i > 0 and (tokens[i - 1].low, tokens[i].low) in DISCOURSE_FILLERS and after in (",", ".", "—", "–", "?")


def find_cues(tokens: list[Token]) -> list[Cue]:
    """Reporting verbs outside quotations (speech quoted inside a quote is the quoted speaker's)."""
    cues, forms, firsts = [], _verb_forms(), _first_words()
    depths = quote_depths(tokens)
    titled = title_case(tokens)
    i = 0
    while i < len(tokens):
        if tokens[i].low not in firsts or depths[i]:
            i += 1
            continue
        match = None
        for width in (3, 2, 1):
            key = tuple(t.low for t in tokens[i:i + width])
            if len(key) == width and key in forms:
                match = (width, forms[key])
                break
        if match and not _is_nounish_use(tokens, i, titled) and not _is_attributive(tokens, i) \
                and not _filler(tokens, i):
            width, (lemma, kind, certainty) = match
            first = _cue_start(tokens, i)
            cue = Cue(first, i, i + width - 1, lemma, kind, certainty)
            # "he was asked whether ...": the question put to him, with or without the asker
            passive_ok = passive_agent(tokens, cue) or lemma in PASSIVE_HEARSAY or tokens[i].low == "asked"
            if (not is_passive(tokens, cue) or passive_ok) and not _aspectual(tokens, cue):
                cues.append(cue)
                if titled:
                    break                               # a headline has one verb; later ones are nouns
            i += width
            continue
        i += 1
    return cues or _quote_frame_cue(tokens)


def _quote_frame_cue(tokens: list[Token]) -> list[Cue]:
    """'“...,” Lee fumed.', '“...?” she snapped on Tuesday': after a quotation closed by a comma, ?
    or !, a name or pronoun and a past-tense verb ending the sentence or before an adjunct, the verb
    tells how the quotation was spoken, whatever verb it is."""
    for i in range(3, len(tokens)):
        word = tokens[i]
        if not (word.text.islower() and (word.low.endswith("ed") or word.low in IRREGULAR_PAST)):
            continue
        lo = i - 2 if tokens[i - 1].low in PRONOUNS else i - 1
        while lo > 0 and i - lo <= MAX_FRAME_NAME_TOKENS and tokens[lo].text[:1].isupper():
            lo -= 1
        after = tokens[i + 1].low if i + 1 < len(tokens) else "."
        if lo < i - 1 and closes_quotation(tokens, lo + 1) and after in (".", ",", ";", "on", "at", "in", "back"):
            last = i + 1 if after == "back" else i          # '“...,” Lee shot back'
            return [Cue(i, i, last, word.low, "speech", "certain")]
    return []


@lru_cache(maxsize=1)
def _cue_prefixes() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(p.split()) for p in load_list("cue_prefixes.txt")), key=len, reverse=True))


def _cue_start(tokens: list[Token], i: int) -> int:
    """The cue's first token: auxiliaries ('has long said') and a prefix ('went on to say') join it."""
    first = i
    while first > 0 and (tokens[first - 1].low in AUX_WORDS and tokens[first - 1].low not in ("not", "n't")
                         or _perfect_since(tokens, first - 1)):
        first -= 1
    for prefix in _cue_prefixes():
        lo = first - len(prefix)
        if lo >= 0 and tuple(t.low for t in tokens[lo:first]) == prefix:
            return _cue_start(tokens, lo) if lo > 0 and tokens[lo - 1].low in AUX_WORDS else lo
    return first


def _perfect_since(tokens: list[Token], at: int) -> bool:
    """'Cruz has since said ...': 'since' after a perfect auxiliary is an adverb inside the cue."""
    return tokens[at].low == "since" and at > 0 and tokens[at - 1].low in ("has", "have", "had")


def _names_a_thing(tokens: list[Token], i: int) -> bool:
    """'a company called Harmony Enterprises', 'something called a tax', 'one PAC dubbed Stop X': a
    participle that gives the name of the indefinite noun before it, not a speaker's words."""
    if tokens[i].low not in NAMING_PARTICIPLES or i == 0 or i + 1 >= len(tokens):
        return False
    if tokens[i - 1].low in INDEFINITE_PRONOUNS:
        return True
    nxt = tokens[i + 1].text
    if not (nxt[:1].isupper() or nxt in ("“", '"', "#")) or not tokens[i - 1].text.isalpha() \
            or tokens[i - 1].low in PRONOUNS or tokens[i - 1].low in AUX_WORDS:
        return False
    for k in range(i - 1, max(-1, i - 1 - MAX_NAMED_NOUN_TOKENS), -1):
        if tokens[k].low in ("a", "an", "one", "another"):
            return True
        if not (tokens[k].text.isalpha() or tokens[k].text == "-") or tokens[k].low in CLAUSE_WORDS:
            return False
    return False


def _is_attributive(tokens: list[Token], i: int) -> bool:
    """'the so-called', 'a well-known': skip forms that modify a following noun with no clause."""
    if _names_a_thing(tokens, i):
        return True
    word = tokens[i].low
    if word in ("called", "reported", "found", "quoted", "shown", "declared", "stated"):
        prev = tokens[i - 1].low if i else ""
        if prev in ("so", "so-called", "is", "was", "are", "were", "be", "been", "being") and word != "reported":
            return True
        if word in ("found", "shown", "stated", "declared") and prev in ("was", "were", "is", "are", "been"):
            return True
    if word == "called" and i + 1 < len(tokens) and tokens[i + 1].low in ("off", "up", "in"):
        return True
    if word == "told" and i > 0 and tokens[i - 1].low == "all":
        return True                                     # "All told, 5 million people could qualify"
    return False

