"""Candidate pairs: which claims are worth comparing, without comparing every pair.

Claims are grouped into blocks that a related pair must share: an actor they are both about (a
claim about no actor meets the rest of its document and the other claims about no actor). Inside
a block every pair is scored at once with rapidfuzz's
`process.cdist` (token_set_ratio over content words). An actor block too large to score whole
(a head of state in a year of news) is split by each claim's rarest content words, and a split
still too large is scored in overlapping windows ordered by date (the sorted-neighbourhood
method), so the cost grows with the size of the largest block, not with the square of the
database.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from factcheck.analysis.profile import Profile

# A block this large costs 62,500 comparisons, some 60 ms of token_set_ratio on one core; larger
# blocks are split by rare words.
MAX_BLOCK_CLAIMS = 250
# How many of its rarest content words a claim of an oversized block is filed under.
RARE_WORDS_PER_CLAIM = 3
# Blocks with fewer pairs than this are scored on one thread: starting threads for a small block
# costs more than it saves (measured: 64k blocks took 30 s on all cores, 9 s on one).
PARALLEL_MIN_PAIRS = 50_000
# rapidfuzz 0-100: pairs scoring below this on both quote and text are not candidates; every rule
# that links claims by content asks for more.
CANDIDATE_MIN_SIMILARITY = 55
# A block of this many pairs or more scores only the pairs its caller wants (`Wanted`), when it
# says which: finding them through an index of words costs less than scoring every pair.
SPARSE_MIN_PAIRS = 1000
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


Block = tuple[list[int], list[int]]         # (rows, columns): compare every row with every column


def find_blocks(profiles: Sequence[Profile]) -> Iterator[Block]:
    """Groups of claims to compare pairwise; a pair may fall in several. Claims about an actor
    meet in that actor's block; claims about none meet each other in their own block and the
    other claims of their document in a document block (rows: the claims about no actor)."""
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
    for members in [*by_actor.values(), loose]:
        for block in _split(members, profiles, df):
            signature = tuple(block)
            if len(block) > 1 and signature not in seen:
                seen.add(signature)
                yield block, block
    for members in by_doc.values():
        rows = [i for i in members if not profiles[i].actors]
        if rows and len(members) > 1:
            yield rows, members
    # a named source restating itself in one article may name different actors each time
    # ("spying on its neighbours, especially Israel" / "Tehran will use it to spy on ...")
    by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p in profiles:
        if not p.is_author:
            by_speaker[(p.claim.document, p.identity)].append(p.index)
    for members in by_speaker.values():
        if 1 < len(members) <= MAX_BLOCK_CLAIMS and tuple(members) not in seen:
            yield members, members


def _score_block(rows: list[int], cols: list[int], keys: dict[int, str], found: dict[Pair, int]) -> None:
    import numpy as np
    from rapidfuzz import fuzz, process

    # token_set_ratio gives 0 when either side is empty: claims without words need no scoring.
    square = rows is cols
    rows = [i for i in rows if keys[i]]
    cols = rows if square else [i for i in cols if keys[i]]
    if not rows or not cols:
        return
    row_keys = [keys[i] for i in rows]
    # the same list on both sides lets rapidfuzz score each pair of a symmetric scorer once
    col_keys = row_keys if square else [keys[i] for i in cols]
    workers = -1 if len(rows) * len(cols) >= PARALLEL_MIN_PAIRS else 1
    matrix = process.cdist(row_keys, col_keys, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                           score_cutoff=CANDIDATE_MIN_SIMILARITY, workers=workers)
    hits_r, hits_c = np.nonzero(matrix)
    for r, c in zip(hits_r.tolist(), hits_c.tolist()):
        a, b = rows[r], cols[c]
        if a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        score = int(matrix[r, c])
        if score > found.get(pair, 0):
            found[pair] = score


@dataclass(frozen=True)
class Wanted:
    """The pairs a caller needs scores for; it ignores the others, whatever they score: pairs of
    claims that share `min_shared_words` content words (on their quotes, or on their texts), the
    pairs in `pairs`, and pairs of claims that both state amounts."""

    min_shared_words: int
    pairs: set[Pair] = field(default_factory=set)


def similar_pairs(profiles: Sequence[Profile], focus: set[int] | None = None,
                  wanted: Wanted | None = None) -> dict[Pair, int]:
    """Candidate pairs (i < j) with their best similarity (0-100) over quote and text; with
    `focus`, only the pairs that involve one of those claims (the blocks stay those of all).
    With `wanted`, a block of SPARSE_MIN_PAIRS pairs or more scores only the wanted pairs, found
    through an index of its words: in large blocks few pairs share two words."""
    found: dict[Pair, int] = {}
    keys = {p.index: p.key for p in profiles}
    texts = {p.index: p.text_key for p in profiles}
    own_texts = {p.index for p in profiles if p.text_key and p.text_key != p.key}
    partners: dict[int, list[int]] = defaultdict(list)     # the wanted pairs, from either claim
    for a, b in wanted.pairs if wanted is not None else ():
        partners[a].append(b)
        partners[b].append(a)
    for rows, cols in find_blocks(profiles):
        for part_rows, part_cols in _focused(rows, cols, focus):
            if wanted is not None and len(part_rows) * len(part_cols) >= SPARSE_MIN_PAIRS:
                _score_wanted(part_rows, part_cols, profiles, wanted.min_shared_words, partners, own_texts, found)
                continue
            _score_block(part_rows, part_cols, keys, found)
            for text_rows, text_cols in _text_parts(part_rows, part_cols, own_texts):
                _score_block(text_rows, text_cols, texts, found)
    return found


def _score_wanted(rows: list[int], cols: list[int], profiles: Sequence[Profile], min_shared_words: int,
                  partners: dict[int, list[int]], own_texts: set[int], found: dict[Pair, int]) -> None:
    """Score the wanted pairs of a block one by one, as `_score_block` would score them."""
    from rapidfuzz.fuzz import token_set_ratio

    square = rows is cols
    members = set(cols)
    by_word: dict[str, list[int]] = defaultdict(list)
    by_text_word: dict[str, list[int]] = defaultdict(list)
    for j in cols:
        for w in profiles[j].words:
            by_word[w].append(j)
        for w in profiles[j].text_words:
            by_text_word[w].append(j)
    counted = [j for j in cols if profiles[j].amounts]
    for i in rows:
        p = profiles[i]
        shared = Counter(j for w in p.words for j in by_word.get(w, ()))
        chosen = {j for j, n in shared.items() if n >= min_shared_words}
        if p.text_words:
            shared = Counter(j for w in p.text_words for j in by_text_word.get(w, ()))
            chosen.update(j for j, n in shared.items() if n >= min_shared_words)
        if p.amounts:
            chosen.update(counted)
        chosen.update(j for j in partners.get(i, ()) if j in members)
        for j in chosen:
            if j != i and not (square and j < i):
                _score_pair(profiles[i], profiles[j], i in own_texts or j in own_texts, found, token_set_ratio)


def _score_pair(a: Profile, b: Profile, texts: bool, found: dict[Pair, int], ratio) -> None:
    # as process.cdist with dtype uint8 gives it: the score_cutoff on the exact score, then
    # rounded half up
    score = ratio(a.key, b.key, score_cutoff=CANDIDATE_MIN_SIMILARITY) if a.key and b.key else 0
    if texts and a.text_key and b.text_key:
        score = max(score, ratio(a.text_key, b.text_key, score_cutoff=CANDIDATE_MIN_SIMILARITY))
    if score:
        pair = (a.index, b.index) if a.index < b.index else (b.index, a.index)
        score = math.floor(score + 0.5)
        if score > found.get(pair, 0):
            found[pair] = score


def _text_parts(rows: list[int], cols: list[int], own_texts: set[int]) -> list[Block]:
    """The parts of a block that hold every pair with a claim whose text has words its quote
    lacks. Most texts have their quote's words ("Russia says ..." -> "Russia says ...."): a
    pair of two such claims scores on its texts what it scored on its quotes."""
    text_rows = [i for i in rows if i in own_texts]
    parts = [(text_rows, cols)] if text_rows else []
    if rows is not cols:
        text_cols = [i for i in cols if i in own_texts]
        if text_cols:
            parts.append((rows, text_cols))
    return parts


def _focused(rows: list[int], cols: list[int], focus: set[int] | None) -> list[Block]:
    """The parts of a block that hold every pair involving a focus claim: focus rows against all
    columns, other rows against focus columns."""
    if focus is None:
        return [(rows, cols)]
    new_rows = [i for i in rows if i in focus]
    old_rows = [i for i in rows if i not in focus]
    new_cols = [i for i in cols if i in focus]
    parts = [(new_rows, cols)] if new_rows else []
    if old_rows and new_cols and rows is not cols:
        parts.append((old_rows, new_cols))
    return parts


def measure_pairs(profiles: Sequence[Profile]) -> set[Pair]:
    """Pairs that count the same thing about the same actor, whatever their other words: "no
    Americans were harmed in the attack" and "34 US service members were diagnosed with brain
    injuries" meet here, not on wording."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p in profiles:
        measures = {"casualties" if a.casualty else a.unit for a in p.amounts} - {None}
        for actor in p.actors:
            for measure in measures:
                groups[(actor, measure)].append(p.index)
    pairs: set[Pair] = set()
    for members in groups.values():
        blocks = _windows(members, profiles) if len(members) > MAX_BLOCK_CLAIMS else [members]
        for block in blocks:
            for k, a in enumerate(block):
                pairs.update((min(a, b), max(a, b)) for b in block[k + 1:])
    return pairs


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
