"""Page furniture at the top of a news article: the headline, the standfirst under it and the
dateline that opens the first paragraph ("WASHINGTON (AP) — ...", "JERUSALEM: ...").

None of them is a claim: a headline and its standfirst restate the story in a telegraphic style,
and a dateline says where the story was filed, not who says what (read as a speaker,
"JERUSALEM: The army denied ..." made the city the source of the sentence).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.lexicon import load_table

MIN_TITLE_PREFIX_WORDS = 4     # "Apple CEO Cook says Bloomberg needs to": a title cut short
MAX_TITLE_SUFFIX_WORDS = 6     # "... | The Verge": a title with the site's name after it
MAX_STANDFIRST_WORDS = 60
MAX_DATELINE_PARAGRAPH = 4     # a dateline opens one of the first paragraphs, never a later one
BLANK_LINE_SHARE = 0.5         # of the gaps between paragraphs, for a text parted by blank lines
SENTENCE_END_RE = re.compile(r"(?:[.!?:;…]|[.!?][”\"’']+)\)?$")

# "WASHINGTON —", "WASHINGTON (AP) —", "GENEVA,  (Reuters) –", "NEW YORK, Feb. 5 (Reuters) -",
# "SAN DIEGO, Calif. —", "JERUSALEM:": a place in capitals, perhaps its state or a date, perhaps
# the agency in brackets, then a dash or a colon and the first sentence.
DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][a-z]{1,9}\.?(?: [A-Z][a-z]{1,9}\.?)?(?: \d{1,2})?)?"
    r"(?P<agency>,?\s*\([A-Za-z][A-Za-z .&-]{1,30}\))?"
    r"\s*(?P<mark>—|–|--|-|:)\s+(?=[\"“‘'(]?[A-Z0-9])")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[‘’`´]", "'", re.sub(r"[“”«»]", '"', text))
    return re.sub(r"\s+", " ", text).strip(" .")


def matches_title(line: str, title: str | None) -> bool:
    """True when the line is the given title: the same words, the title cut short
    (at least MIN_TITLE_PREFIX_WORDS words), or the title with a site's name after it."""
    if not title or not title.strip():
        return False
    line, title = _plain(line), _plain(title)
    if not line:
        return False
    if line == title:
        return True
    if title.startswith(line) and len(line.split()) >= MIN_TITLE_PREFIX_WORDS:
        return True
    rest = line[len(title):] if line.startswith(title) else None
    return bool(rest) and rest[0] in " |-–—:" and len(rest.split()) <= MAX_TITLE_SUFFIX_WORDS


def is_unterminated(line: str) -> bool:
    """A line that ends without a sentence's closing mark, as headlines and standfirsts do."""
    return not SENTENCE_END_RE.search(line.strip())


def is_standfirst(line: str) -> bool:
    """A line under the headline, before the story begins, that ends without a full stop."""
    return is_unterminated(line) and len(line.split()) <= MAX_STANDFIRST_WORDS


def blank_line_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """True when most paragraphs are parted by a blank line, as the story's are in a text whose
    headline block alone keeps its lines together."""
    gaps = [text[end:start].replace("\r", "") for (_, end), (start, _) in zip(paragraphs, paragraphs[1:])]
    return bool(gaps) and sum("\n\n" in gap for gap in gaps) >= BLANK_LINE_SHARE * len(gaps)


def is_one_sentence(line: str) -> bool:
    """A single sentence short enough for a standfirst."""
    words = line.split()
    return len(words) <= MAX_STANDFIRST_WORDS and not re.search(r"[.!?][”\"’']?\s+[A-Z“\"]", line.strip())


def is_bracketed(line: str) -> bool:
    """A paragraph wholly in square brackets: a link to a related story, an editor's aside."""
    stripped = line.strip()
    return stripped.startswith("[") and stripped.endswith("]") and "]" not in stripped[1:-1]


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries, capitals and places of the gazetteer, lowercased: what a colon dateline may name."""
    names = set()
    for name, kind, *aliases in load_table("actors.txt"):
        if kind.split("/")[0] in ("country", "place"):
            names.update(n.lower() for n in (name, *aliases))
    return frozenset(names)


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the first sentence begins after a dateline opening text[start:end], or None.

    A dash or an agency in brackets marks a dateline whatever the place; a bare colon only after a
    place the gazetteer knows, since "SMITH: We will ..." opens a transcript's turn."""
    match = DATELINE_RE.match(text, start, end)
    if not match:
        return None
    place = match.group("place")
    if not any(len(word.strip(".'’-")) >= 2 for word in place.split()):
        return None
    if match.group("mark") == ":" and not match.group("agency") and place.lower() not in _place_names():
        return None
    return match.end()
