"""Candidate pairs: which claims are worth comparing, without comparing every pair.

Claims are grouped into blocks that a same-proposition pair must share: the document they stand
in, or an actor they are about. Inside a block every pair is scored at once with rapidfuzz's
`process.cdist` (token_set_ratio over content words). An actor block too large to score whole
(a head of state in a year of news) is split by each claim's rarest content words, and a split
still too large is scored in overlapping windows ordered by date (the sorted-neighbourhood
method), so the cost grows with the size of the largest block, not with the square of the
database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from factcheck.analysis.profile import Profile

# A block this large costs a million comparisons, about a second of token_set_ratio on one core.
MAX_BLOCK_CLAIMS = 1000
# How many of its rarest content words a claim of an oversized block is filed under.
RARE_WORDS_PER_CLAIM = 3
# rapidfuzz 0-100: pairs scoring below this on both quote and text are not candidates; every rule
# that links claims by content asks for more.
CANDIDATE_MIN_SIMILARITY = 55
# Claims this many sentences apart in one document are neighbours, compared whatever their words
# ("Russia says it is civilian, while Washington calls it military"; "... Nevertheless, ...").
NEIGHBOUR_SENTENCES = 1

Pair = tuple[int, int]


def _windows(members: list[int], profiles: Sequence[Profile]) -> Iterator[list[int]]:
    """Overlapping windows of a date-ordered block, half a window apart."""
    ordered = sorted(members, key=lambda i: (profiles[i].period or (10**9, 0, 0))[0])
    step = MAX_BLOCK_CLAIMS // 2
    for start in range(0, max(1, len(ordered) - step), step):
        yield ordered[start:start + MAX_BLOCK_CLAIMS]


def _split(members: list[int], profiles: Sequence[Profile], df: Counter) -> Iterator[list[int]]:
    if len(members) <= MAX_BLOCK_CLAIMS:
        yield members
        return
    by_word: dict[str, list[int]] = defaultdict(list)
    for i in members:
        rarest = sorted(profiles[i].words, key=lambda w: (df[w], w))[:RARE_WORDS_PER_CLAIM]
        for word in rarest:
            by_word[word].append(i)
    for group in by_word.values():
        if len(group) > MAX_BLOCK_CLAIMS:
            yield from _windows(group, profiles)
        elif len(group) > 1:
            yield group


def find_blocks(profiles: Sequence[Profile]) -> Iterator[list[int]]:
    """Groups of claim indices to compare pairwise; a pair may fall in several."""
    df = Counter(w for p in profiles for w in p.words)
    by_doc: dict[str, list[int]] = defaultdict(list)
    by_actor: dict[str, list[int]] = defaultdict(list)
    loose: list[int] = []
    for p in profiles:
        by_doc[p.claim.document].append(p.index)
        for actor in p.actors:
            by_actor[actor].append(p.index)
        if not p.actors:
            loose.append(p.index)
    seen: set[tuple[int, ...]] = set()
    # claims about no actor meet across documents only in their own block
    groups = [*by_doc.values(), *by_actor.values(), loose]
    for members in groups:
        for block in _split(members, profiles, df):
            signature = tuple(block)
            if len(block) > 1 and signature not in seen:
                seen.add(signature)
                yield block


def _score_block(block: list[int], keys: list[str], found: dict[Pair, int]) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process

    if sum(1 for k in keys if k) < 2:
        return
    matrix = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                           score_cutoff=CANDIDATE_MIN_SIMILARITY, workers=-1)
    rows, cols = np.nonzero(np.triu(matrix, 1))
    for r, c in zip(rows.tolist(), cols.tolist()):
        a, b = block[r], block[c]
        pair = (a, b) if a < b else (b, a)
        score = int(matrix[r, c])
        if score > found.get(pair, 0):
            found[pair] = score


def similar_pairs(profiles: Sequence[Profile]) -> dict[Pair, int]:
    """Candidate pairs (i < j) with their best similarity (0-100) over quote and text."""
    found: dict[Pair, int] = {}
    for block in find_blocks(profiles):
        _score_block(block, [profiles[i].key for i in block], found)
        texts = [profiles[i].text_key for i in block]
        if sum(1 for t in texts if t) > 1:
            _score_block(block, texts, found)
    return found


def neighbour_pairs(profiles: Sequence[Profile]) -> set[Pair]:
    """Pairs of claims in the same or adjacent sentences of one document."""
    by_doc: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        by_doc[p.claim.document].append(p)
    pairs: set[Pair] = set()
    for members in by_doc.values():
        members.sort(key=lambda p: (p.claim.sentence, p.claim.start))
        for k, a in enumerate(members):
            for b in members[k + 1:]:
                if b.claim.sentence - a.claim.sentence > NEIGHBOUR_SENTENCES:
                    break
                pairs.add((min(a.index, b.index), max(a.index, b.index)))
    return pairs
