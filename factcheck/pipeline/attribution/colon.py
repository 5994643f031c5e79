"""'Name: statement': a speaker, poll or outlet named before a colon, and what it said after it.

  name-colon   "Sanders: Trade deal would cost jobs in Ohio."   "Poll: Cruz Leads Rubio in Texas."
               "SMITH: We will not raise taxes."   "EXCLUSIVE – Roger Stone: Don't Trust the Machines."
               "Clinton to Union Members: Jobs Come First."

Labels ("UPDATE:", "Editor's Note:", "The Latest:"; lexicon/en/colon_labels.txt), times ("9:42 p.m."),
lists ("Ingredients: flour, ...") and a colon inside a sentence ("He had one goal: to win.") name no
speaker. A cue inside the statement is the speaker's own words, like a cue inside a quotation
(`attribute._drop_nested_duplicates`). A quotation after a colon that ends a clause ("X was blunt:
“...”") is `nominal._colon_quote`'s.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.lexicon import load_list, load_table
from factcheck.models import Attribution
from factcheck.pipeline.attribution.frame import Cue, make_attribution
from factcheck.pipeline.names.roles import role_table
from factcheck.pipeline.words.tokens import ASIDE_DASHES, SOURCE_NOUNS, TIME_WORDS, Token
from factcheck.pipeline.words.verbs import verb_forms

MAX_SPEAKER_TOKENS = 5      # "McCain Challenger Kelli Ward", "Dr. Ben Carson"
MAX_TOPIC_TOKENS = 8        # "Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts:"
MAX_HEADLINE_TOKENS = MAX_SPEAKER_TOKENS + 1 + MAX_TOPIC_TOKENS
TOPIC_PREPOSITIONS = frozenset({"on", "to", "at"})     # a headline's "X on Y:", "X to Y:", "X at Y:"
MIN_CONTENT_WORDS = 3       # shorter, it is a list's value: "Carson: A miracle.", "Age: 27 years"
MIN_ROLL_COMMAS = 3         # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a roll of names
MIN_NAME_CHARS = 2          # a single letter is a transcript's Q or A, or a list item
NAME_JOINERS = frozenset({".", "&", "and"})     # "Dr. Ben Carson", "Blumenthal and Cohen"


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(_plain(label) for label in load_list("colon_labels.txt"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_list("numbers_function_words.txt")) - {"and"}


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Inflected verbs ('Endorses', 'Revealed', 'Says'): a title-case headline's verb, not a name.
    Base forms are left out: they are given names too ('Mark', 'Bill')."""
    reporting = {form for lemma, inflected, *_ in load_table("reporting_verbs.txt")
                 for form in inflected.split() if form != lemma}
    return frozenset(verb_forms() - set(load_list("common_verbs.txt"))) | reporting


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def find_speaker_colon(tokens: list[Token], end: int, found: list[Attribution]) -> list[Attribution]:
    """'Poll: Cruz leads in Texas.' -> source 'Poll', cue ':', content 'Cruz leads in Texas'."""
    colon = next((i for i, tok in enumerate(tokens[:end]) if tok.text == ":"), None)
    if colon is None or any(a.cue_span and a.cue_span[0] <= tokens[colon].start < a.cue_span[1] for a in found):
        return []
    speaker = _speaker(tokens, colon)
    if speaker is None or not _says_something(tokens[colon + 1:end]):
        return []
    lo, hi = speaker
    if hi - lo == 1 and not _source_noun(tokens[lo]) and any(t.text == tokens[lo].low for t in tokens[colon:end]):
        return []                   # "Superdelegates: ... 520 superdelegates ...": a common noun, no name
    cue = Cue(colon, colon, colon, "colon", "speech", "certain")
    made = make_attribution(tokens, (colon + 1, end), speaker, (tokens[colon].start, tokens[colon].end),
                            ":", "name-colon", cue)
    return [made] if made else []


def _speaker(tokens: list[Token], colon: int) -> tuple[int, int] | None:
    """The speaker's token range before the colon. It opens the sentence or follows a label and a
    dash ('EXCLUSIVE – Roger Stone:'), and may be followed by whom or what it spoke to or about
    ('Clinton to Planned Parenthood:', 'CNN President On Trump:')."""
    dash = next((j for j in range(colon - 1, max(0, colon - MAX_HEADLINE_TOKENS - 1), -1)
                 if tokens[j].text in ASIDE_DASHES), None)
    lo = dash + 1 if dash is not None else 0
    if not 0 < colon - lo <= MAX_HEADLINE_TOKENS:
        return None
    if colon - lo <= MAX_SPEAKER_TOKENS and _reads_as_speaker(tokens[lo:colon]):
        return lo, colon
    last = min(colon, lo + MAX_SPEAKER_TOKENS + 1)
    at = next((k for k in range(lo + 1, last) if tokens[k].low in TOPIC_PREPOSITIONS), None)
    if at is None or at + 1 == colon or colon - at - 1 > MAX_TOPIC_TOKENS:
        return None
    topic = all(t.text[:1].isupper() or t.text == "." for t in tokens[at + 1:colon])
    return (lo, at) if topic and _reads_as_speaker(tokens[lo:at]) else None


def _reads_as_speaker(words: list[Token]) -> bool:
    """'Sanders', 'Gov. Mary Fallin', 'JAKE TAPPER', 'NY Post', 'Poll', 'IG report': a name or a
    source noun; not a label ('UPDATE', "Editor's Note", 'The Latest'), a phrase with a function
    word ('Here goes', 'FIX IS IN') or a title-case headline's verb ('Clinton Wades In')."""
    lows = [_plain(w.text).removesuffix("'s") for w in words]
    if not words[0].text[:1].isupper() or _plain(_as_written(words)) in _labels() \
            or any(low in _labels() or low in _verb_forms() for low in lows):
        return False
    # a function or time word is no name, but a longer name may end in a month's: "Theresa May"
    if any(low in _function_words() or low in TIME_WORDS for low in lows[:-1]) or lows[-1] in _function_words() \
            and (len(lows) == 1 or lows[-1] not in TIME_WORDS):
        return False
    names = [w for w in words if w.text not in NAME_JOINERS]
    if not all(w.text[:1].isupper() and w.text.replace("-", "").isalpha() for w in names[:-1]):
        return False
    head = names[-1]
    if len(words) == 1 and len(head.text) < MIN_NAME_CHARS:
        return False                                # "Q:", "A:" in an interview transcript
    return _source_noun(head) or head.text[:1].isupper() and head.text.replace("-", "").isalpha()


def _source_noun(word: Token) -> bool:
    """'poll', 'report', 'campaign', 'historians': a noun that names a source by what it is."""
    return word.low in SOURCE_NOUNS or word.low in _role_words()


def _says_something(content: list[Token]) -> bool:
    """What follows the colon opens a sentence of its own, with a capital, a number or a quotation
    mark, and has words: not a list ('Ingredients: flour, ...'), a roll of names, a handle or a link."""
    words = [t for t in content if t.text[:1].isalpha()]
    first = content[0].text[:1] if content else ""
    if sum(t.text == "," for t in content) >= MIN_ROLL_COMMAS and all(w.text[:1].isupper() for w in words):
        return False
    return (first.isupper() or first.isdigit() or first in "“‘\"'") and len(words) >= MIN_CONTENT_WORDS


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(phrase for phrase, (kind, _) in role_table()[1].items() if " " not in phrase and kind != "pronoun")


def _as_written(words: list[Token]) -> str:
    """The tokens' text with the spaces between them as in the sentence: 'Dr. Ben Carson'."""
    out = words[0].text
    for before, word in zip(words, words[1:]):
        out += (" " if word.start > before.end else "") + word.text
    return out
