"""`check`'s second stage: the candidates the retrieval index found, ranked again by a finer
closeness to the claim checked.

The index ranks by the cosine of weighted term sets, which favours short claims: a fragment
such as "the Chinese balloon" shares two of the query's terms and little else, so it outranks
"it was a Chinese spy balloon without a doubt". A fact-checker's query is a whole proposition;
what answers it is a stored claim that says most of what the query says. So the candidates are
ranked by how much of the query's weighted words they cover, then how much of their own words
the query covers (words as the analysis compares them: stems, aliases and paraphrases resolved),
plus the actors and amounts they share (numbers compared as values: "1,200" and "1.2 thousand"
agree). Each word weighs its inverse document frequency over the database (`WordWeights`), so
a shared rare word tells more than a shared common one. Pure: values in, values out.
"""

from __future__ import annotations

from dataclasses import dataclass

# How much the query's own words weigh against the stored claim's in the closeness: above 0.5
# a claim that covers the query beats a fragment the query covers.
QUERY_COVERAGE_WEIGHT = 0.8
# A stored claim with fewer content words than this is a fragment ("the balloon", "strong
# dissatisfaction") rather than a statement: its closeness is scaled down in proportion.
MIN_STATEMENT_WORDS = 3
# Shared actors (Jaccard, 0-1) and an agreeing amount count as this much of a shared word mass.
ACTOR_SHARE = 0.3
AMOUNT_SHARE = 0.1
# The index cosine keeps this share of the closeness: it still orders claims the finer
# measures cannot tell apart.
COSINE_SHARE = 0.2


@dataclass(frozen=True)
class Closeness:
    """How close a stored claim is to the query (0-1) and what it rests on."""

    score: float
    covered: float                  # the weighted share of the query's words the claim holds
    shared: tuple[str, ...]         # the shared words, weightiest first


def _weighted(words: frozenset[str], weights) -> dict[str, float]:
    """Word -> its weight (inverse document frequency over the database, 0-1)."""
    return {w: weights.weight(w) for w in words}


def closeness(query, stored, cosine: float, weights) -> Closeness:
    """How close the `stored` profile is to the `query` profile: the weighted share of the
    query's words it holds and of its own words the query holds, with shared actors and agreeing
    amounts, scaled down for a fragment; `cosine` is their similarity in the index."""
    from factcheck.analysis.amounts import compare_amounts

    q = _weighted(query.words | query.text_words, weights)
    c = _weighted(stored.words | stored.text_words, weights)
    shared = set(q) & set(c)
    covered_q = sum(q[w] for w in shared) / (sum(q.values()) or 1.0)
    covered_c = sum(c[w] for w in shared) / (sum(c.values()) or 1.0)
    score = covered_q ** QUERY_COVERAGE_WEIGHT * covered_c ** (1 - QUERY_COVERAGE_WEIGHT)
    actors = query.actors | stored.actors
    if actors:
        score += ACTOR_SHARE * len(query.actors & stored.actors) / len(actors)
    agreeing, _ = compare_amounts(query.amounts, stored.amounts)
    if agreeing:
        score += AMOUNT_SHARE
    score = (1 - COSINE_SHARE) * score + COSINE_SHARE * cosine
    size = len(c)
    if size < MIN_STATEMENT_WORDS:
        score *= (size + 1) / (MIN_STATEMENT_WORDS + 1)
    return Closeness(min(1.0, score), covered_q, tuple(sorted(shared, key=lambda w: (-q[w], w))))
