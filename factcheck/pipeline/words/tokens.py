"""Words and punctuation marks with their document offsets, and the closed-class words the attribution
modules (`attribute.py`, `cues.py`, `subjects.py`, `content.py`, `nominal.py`) share, and the verb
forms the clause readers (`clauses.py`, `embedded.py`) share.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[^\W_][^\W_’'.\-]*(?:[’'.\-]+[^\W_]+)*|''|[^\w\s]|_")
AUXILIARIES = frozenset("is are was were has have had will would can could may might must should "
                        "shall been be being do does did".split())
IRREGULAR_PARTICIPLES = frozenset("made held built taken given shot hit led brought sent sold bought fought won "
                                  "seen written struck driven thrown shown known drawn begun set put paid "
                                  "laid run spent lost kept left found told sought caught taught".split())
IRREGULAR_PAST = IRREGULAR_PARTICIPLES | frozenset("took gave drove threw showed knew drew began ran wrote saw "
                                                   "met flew went came said became grew rose fell thought "
                                                   "spoke felt".split())
BOUNDARY_PUNCT = set(",;:()[]“”\"—–") | {"--"}
# Words that open a clause: relative pronouns, subordinators and the coordinators (FANBOYS but the
# ambiguous "for" and the rare "nor"); a subject or a noun phrase does not run across them.
CLAUSE_WORDS = frozenset("that which who whom whose whether while when as because since if although though and but or "
                         "after before where than whereas until unless so yet".split())
AUX_WORDS = frozenset("has have had is was were are be been will would could should may might must can did does do "
                      "also previously repeatedly reportedly recently once later then often again publicly "
                      "already still further privately quickly openly never not n't just even".split())
# Articles, demonstratives, possessives and quantifiers: the words that open a noun phrase.
DETERMINERS = frozenset("the a an this that these those my your his her its our their some any no every each".split())
# The commonest prepositions; after one of them, as after a determiner, a word is read as a noun
# ("for comment", "in response") rather than a verb.
NOUN_PREPOSITIONS = frozenset("of in on at for to with from by".split())
BEFORE_NOUN = DETERMINERS | NOUN_PREPOSITIONS
PRONOUNS = frozenset("he she they it we i you who".split())
# "by saying ...", "before insisting ...": a gerund clause whose subject is the main clause's
ADVERBIAL_PREPOSITIONS = frozenset("by before after while without upon".split())
PREPOSITIONS = frozenset("in on at to during after before since for with from by over under amid within "
                         "following last this next".split())
SOURCE_NOUNS = frozenset(
    "sources source officials official observers analysts analyst experts expert spokesman spokeswoman "
    "spokesperson ministry agency government report reports study survey poll polls police authorities "
    "union unions party company firm board lawyers lawyer voters workers members activists protesters "
    "students parents families senators governors candidates candidate association coalition opposition "
    "rebels militants organizers organisers officers prosecutors judge judges aides aide adviser advisers "
    "advisor advisors economists scholars historians doctors residents citizens americans "
    "critics supporters lawmakers leaders leader diplomats diplomat minister president senator statement "
    "campaign people residents witnesses researchers scientists group committee council department office "
    "administration military army navy commission court newspaper website media documents document "
    "records results emails filings investigation inquiry analysis statistics figures estimates studies "
    "polling audit review transcript testimony research email emails memo letter video footage average "
    "projection tally".split())
PERIOD_WORDS = frozenset("week month year morning afternoon evening night weekend spring summer autumn fall "
                         "winter".split())
DASHES = frozenset({"—", "–", "--"})
ASIDE_DASHES = DASHES | {"-"}       # with a spaced hyphen, as some outlets write a dash
NOUN_LIKE_AFTER_DET = frozenset("the a an his her its their our this these those".split())
# after these, 'that' opens a clause ('said that', 'so that'), not a relative clause about a noun
NOT_ANTECEDENTS = frozenset("said say says so now such is was were are be been believe believes think thinks "
                            "know knows noted added argued".split())
TIME_WORDS = frozenset("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday today yesterday".split())


def relative_that(tokens: list[Token], i: int) -> bool:
    """'a video that accuses ...', 'a paper that found ...': 'that' after a noun, then a finite verb,
    is a relative pronoun (not the determiner of 'that report')."""
    if i < 2 or tokens[i - 1].low != "that" or not tokens[i - 2].text.isalpha() or tokens[i - 2].text[:1].isupper():
        return False
    word = tokens[i].low                            # a reporting verb's past or present-tense form
    finite = word.endswith(("ed", "s")) or word in IRREGULAR_PAST
    return finite and tokens[i - 2].low not in NOT_ANTECEDENTS


def closes_quotation(tokens, at: int) -> bool:
    """'“We will win,” Smith said', '“... ‘I hope so,’” Lee said': a quotation closed by a comma (or
    ? or !, or the ellipsis or dash of words broken off: '“We are like a bridge over…” he said')
    right before token `at`, after a nested quotation's mark too."""
    if at < 2 or tokens[at - 1].text not in ("”", '"'):
        return False
    before = at - 3 if tokens[at - 2].text in ("'", "’") and at >= 3 else at - 2
    return tokens[before].text in (",", "?", "!", "…", "...", "—", "--")


def contracted_subject(low: str) -> str | None:
    """"he's", "she’s", "it's", "that's", "who's": a subject with a contracted 'has' or 'is', not a
    possessive; the subject alone, or None."""
    base = low[:-2] if low.endswith(("'s", "’s")) else ""
    return base if base in PRONOUNS or base in ("that", "there", "what") else None


class Token(NamedTuple):
    """A word or punctuation mark with its document offsets (a tuple: made by the thousand)."""

    text: str
    start: int
    end: int
    low: str


@lru_cache(maxsize=256)
def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    # Tokens cover every character but whitespace, so each one starts where its text is first
    # found after the one before: str.find is cheaper than a match object per token.
    tokens, at = [], 0
    for word in TOKEN_RE.findall(text):
        start = text.find(word, at)
        at = start + len(word)
        # Two apostrophes are a straight double quotation mark in some newspapers' text: ''Like this,''
        if word == "''":
            word = '"'
        elif word == "“" and _typed_as_closing(text, start, at):
            word = "”"
        tokens.append(Token(word, start + offset, at + offset, word.lower()))
    return tuple(tokens)


def _typed_as_closing(text: str, start: int, end: int) -> bool:
    """'“Apparently not,“ he said.': an opening curly mark typed for a closing one, a common slip; it
    touches the comma or stop that ends the quoted words and a space or the end follows it, where an
    opening mark touches the word it opens."""
    return start > 0 and text[start - 1] in ",.?!" and (end == len(text) or text[end].isspace())


def quote_depths(tokens: list[Token]) -> list[int]:
    """How deep each token stands inside quotation marks. A closing mark with no opening one means
    the sentence began inside a quotation that an earlier sentence opened. A straight mark closes
    when it touches the word before it ('done," he said') or a quotation is open, since a quotation
    inside a quotation takes single marks ("... say, 'Well done,' " she said), or when it follows a
    nested quotation's closing mark, and opens otherwise."""
    depth, out = 0, []
    for n, tok in enumerate(tokens):
        closing = tok.text == "”" or tok.text == '"' and n > 0 and (
            tokens[n - 1].end == tok.start and tokens[n - 1].text not in ("(", "[", "—") or depth > 0
            or n > 1 and tokens[n - 1].text in ("'", "’") and tokens[n - 2].text in (",", ".", "?", "!"))
        if tok.text in ("“", '"') and not closing:
            out.append(depth)
            depth += 1
            continue
        if closing:
            if depth == 0:
                out = [d + 1 for d in out]
            depth = max(0, depth - 1)
        out.append(depth)
    return out


MAX_ANTECEDENT_TOKENS = 6    # "Sen. Ann Lee of Ohio, who"


def antecedent(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at `at` stands for: a name ('Sen. Ann Lee, who'), or a noun
    with its determiner and modifiers ('a 2014 paper that')."""
    hi = at - 1 if at > 0 and tokens[at - 1].text == "," else at
    lo = hi
    while lo > 0 and hi - lo < MAX_ANTECEDENT_TOKENS and (
            tokens[lo - 1].text[:1].isupper() or tokens[lo - 1].text == "."
            or tokens[lo - 1].low in ("of", "’s", "'s") and lo - 1 > 0 and tokens[lo - 2].text[:1].isupper()):
        lo -= 1
    if lo < hi and tokens[lo].text[:1].isupper():
        return lo, hi
    lo = hi
    while lo > 0 and hi - lo < MAX_ANTECEDENT_TOKENS and tokens[lo - 1].text[:1].isalnum() \
            and tokens[lo - 1].low not in PREPOSITIONS and tokens[lo - 1].low not in CLAUSE_WORDS:
        lo -= 1
        if tokens[lo].low in NOUN_LIKE_AFTER_DET:
            break
    return (lo, hi) if lo < hi and tokens[lo].low in NOUN_LIKE_AFTER_DET else None
