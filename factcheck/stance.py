"""A claim put to the database: read like a sentence of an article, then weighed against each
stored claim the retrieval index finds for it.

The query is a one-sentence document run through the extraction pipeline, so that "Iran sold
300 drones to Russia in 2022" carries its actors, its number, its date and its polarity as any
stored claim does; its profile is built as the analysis builds a stored claim's
(`analysis/profile.py`). A stored claim then stands toward it in one of these ways, decided by
the analysis' own rules, never by new ones:

  states       the same proposition (`corroborate.same_proposition`)
  denies       a denial whose own words name what the query says (`denial_cues.detect_denial`)
  contradicts  a conflicting number, date, polarity or characterisation (`contradict.find_conflict`)
  reports      states it, but only as what others say ("reports that ...", "the allegation that ...")
  related      about the same thing in the index, with nothing decided either way

Pure: values in, values out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.models import Claim, Document

QUERY_DOCUMENT = "the claim checked"
QUERY_STORY = -2                # stored profiles are read without their story (-1)
ONE_STORY = 0                   # the story a query and a stored claim share when told of one
STATES, DENIES, CONTRADICTS, REPORTS, RELATED = "states", "denies", "contradicts", "reports", "related"
STANCES = (STATES, DENIES, CONTRADICTS, REPORTS, RELATED)
# A denial must share this many content words with the query to deny what it says.
DENIAL_MIN_SHARED_WORDS = 2
# A query this close (`check_rank`, 0-1) to a stored claim is taken to be told of its story, so
# that two counts of one toll or two figures of one event are compared as the analysis compares
# claims of one story.
STORY_MIN_CLOSENESS = 0.4
# Index similarity at or above which two claims that both name who did an incident are read as
# speaking of one incident: they share its words ("the blast at the hospital") if little else.
BLAME_MIN_COSINE = 0.1
# A claim of the other polarity contradicts the query when it holds this weighted share of the
# query's words (and at least DENIAL_MIN_SHARED_WORDS of them).
OPPOSITE_MIN_COVERAGE = 0.75
# The words that say "not so" outright. Other negation cues also make a claim negative
# ("without", "unlikely"), but "it was a spy balloon without a doubt" asserts what it says.
_PLAIN_NOT = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor)\b|n['’]t\b", re.I)
# "reports that ...", "the allegation that ...": what follows is told as another's statement.
_REPORTED_FRAME = r"\b(?:{nouns})\s+(?:that|of)\b"


@dataclass(frozen=True)
class Stance:
    stance: str                 # one of STANCES
    reason: str                 # why, in words: the rule and what it compared


def query_document(text: str, published: str | None = None) -> Document:
    """The query as a document of its own: one sentence, dated when the user says when."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(name=QUERY_DOCUMENT, path=QUERY_DOCUMENT, sha256=digest, text=text, published=published)


def query_claim(text: str, source: str | None = None, published: str | None = None,
                aliases: dict[str, str] | None = None) -> Claim:
    """The query as one claim: what the extraction finds in it (its parts merged into one span,
    with all their actors and numbers), else the whole text as the author's own statement.
    `source` names who made the claim when the text itself does not ("X said ...")."""
    from factcheck.pipeline import extract
    from factcheck.pipeline.names.sources import canonical_source

    text = " ".join(text.split())
    claims: tuple[Claim, ...] = ()
    for attempt in (text, text if text.endswith((".", "!", "?", "\"", "”")) else text + "."):
        claims = extract(query_document(attempt, published), aliases).claims
        if claims:
            text = attempt
            break
    document = query_document(text, published)
    if claims:
        main = claims[0]
        start, end = min(c.start for c in claims), max(c.end for c in claims)
        claim = replace(main, start=start, end=end, quote=text[start:end],
                        text=_unattributed(text, claims),
                        actors=tuple(dict.fromkeys(a for c in claims for a in c.actors)),
                        numbers=tuple(n for c in claims for n in c.numbers))
    else:
        claim = Claim(id=document.sha256[:12], document=QUERY_DOCUMENT, start=0, end=len(text),
                      quote=text, text=text, when=published)
    if source and claim.source == "author":
        name, kind = canonical_source(source, aliases)
        claim = replace(claim, source=name, source_type=kind)
    return claim


def _unattributed(text: str, claims: tuple[Claim, ...]) -> str:
    """The query without who says it: the words of its sources blanked out ("The Pentagon said
    that the balloon carried sensors" -> "said that the balloon carried sensors"), the rest kept
    whole, so that words the extraction read as a cue or left out of the claim ("After
    verification, China informed the US about the airship") still count when it is looked up."""
    kept = list(text)
    for c in claims:
        span = c.source_span
        if span is not None:
            kept[span[0]:span[1]] = " " * (span[1] - span[0])
    return " ".join("".join(kept).split())


def query_profile(claim: Claim):
    """The query's analysis profile, with its origin as its identity (a query made by no one
    named is nobody's restatement of a stored claim)."""
    from factcheck.analysis.origins import origin_of
    from factcheck.analysis.profile import build_profile

    profile = build_profile(-1, claim)
    origin = origin_of(claim, None)
    # no stored document tells the query's story: it is matched as from another story would be
    return replace(profile, identity=origin, speaker=profile.identity, story=QUERY_STORY)


def wording_score(a, b) -> int:
    """rapidfuzz token_set_ratio (0-100) of two profiles' content words, on their quotes or on
    their specific texts, whichever is higher (as the analysis compares a pair)."""
    from rapidfuzz.fuzz import token_set_ratio

    score = token_set_ratio(a.key, b.key) if a.key and b.key else 0
    if a.text_key and b.text_key and (a.text_key != a.key or b.text_key != b.key):
        score = max(score, token_set_ratio(a.text_key, b.text_key))
    return int(score + 0.5)


def stance_of(query, stored, cue, weights, cosine: float, near=None) -> Stance:
    """How the `stored` profile stands toward the `query` profile; `cue` is the stored claim's
    denial cue (None when it denies nothing), `cosine` their similarity in the index, `near`
    their closeness (`check_rank.Closeness`) when known."""
    from factcheck.analysis.contradict import find_conflict
    from factcheck.analysis.corroborate import same_proposition

    similarity = wording_score(query, stored)
    query_words = query.words | query.text_words
    if cue is not None and not query.claim.denial:
        shared = cue.content & query_words
        if len(shared) >= DENIAL_MIN_SHARED_WORDS:
            return Stance(DENIES, f"denies: '{cue.word}' what the claim says (shared: {', '.join(sorted(shared)[:5])})")
        return Stance(RELATED, f"a denial of something else ('{cue.word}'), alike in the index ({cosine:.2f})")
    blamed = _blamed(query, stored, cosine)
    if blamed is not None:
        return blamed
    conflict = find_conflict(*_told(query, stored, near), similarity, False, weights)
    if conflict is not None and conflict.kind != "revision":
        return Stance(CONTRADICTS, conflict.reason)
    opposite = _opposite(query, stored, near)
    if opposite is not None:
        return opposite
    same = same_proposition(query, stored, similarity, weights, cosine)
    if same is not None:
        reason = same[1].split(": ", 1)[-1]
        if _reported(stored.claim.quote):
            return Stance(REPORTS, f"reports it as what others say: {reason}")
        if cue is not None and query.claim.denial:
            return Stance(STATES, f"denies it too: {reason}")
        return Stance(STATES, f"states it: {reason}")
    if query.claim.denial and cue is None and stored.claim.polarity == "positive":
        shared = _denied_words(query) & (stored.words | stored.text_words)
        if len(shared) >= DENIAL_MIN_SHARED_WORDS and cosine >= 0.3:
            return Stance(CONTRADICTS, f"states what the claim denies (shared: {', '.join(sorted(shared)[:5])})")
    return Stance(RELATED, f"about the same thing (index similarity {cosine:.2f}, wording {similarity})")


def _blamed(query, stored, cosine: float) -> Stance | None:
    """Both name who did an incident (`analysis/blame.py`): a stored claim alike in the index,
    among the query's candidates, is read as told of the query's story, so that "Israel was to
    blame for the blast" and "the blast was caused by a misfired rocket launched by X" meet."""
    from factcheck.analysis.blame import blame_relation

    if cosine < BLAME_MIN_COSINE:
        return None
    found = blame_relation(replace(query, story=ONE_STORY), replace(stored, story=ONE_STORY))
    if found is None:
        return None
    kind, reason = found
    if kind == "contradicts":
        return Stance(CONTRADICTS, reason)
    if query.claim.polarity != stored.claim.polarity:
        return None
    return Stance(STATES, f"states it: {reason}")


def _told(query, stored, near) -> tuple:
    """The two profiles as compared for a conflict: a query close enough to the stored claim is
    told of its story (stored profiles are read without their story, so both take one)."""
    if near is None or near.score < STORY_MIN_CLOSENESS:
        return query, stored
    return replace(query, story=ONE_STORY), replace(stored, story=ONE_STORY)


def _opposite(query, stored, near) -> Stance | None:
    """The stored claim says what the query says, but for a "not": "the balloon did not gather
    intelligence" against "the balloon gathered intelligence from several sites". It must hold
    most of the query's weighted words, about the same actors."""
    if near is None or query.claim.polarity == stored.claim.polarity or near.covered < OPPOSITE_MIN_COVERAGE:
        return None
    if len(near.shared) < DENIAL_MIN_SHARED_WORDS or (query.actors and stored.actors
                                                     and not query.actors & stored.actors):
        return None
    said, unsaid = (stored, query) if stored.claim.polarity == "positive" else (query, stored)
    if not _PLAIN_NOT.search(unsaid.claim.quote):
        return None
    return Stance(CONTRADICTS, f"polarity: '{_short(said.claim.quote)}' vs not so, '{_short(unsaid.claim.quote)}' "
                               f"(shared: {', '.join(near.shared[:5])})")


def _short(quote: str, size: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= size else quote[:size - 3].rstrip() + "..."


def _denied_words(query) -> frozenset[str]:
    from factcheck.analysis.denial_cues import detect_denial

    cue = detect_denial(query)
    return cue.content if cue is not None else query.words


@lru_cache(maxsize=1)
def _reported_frame() -> re.Pattern:
    from factcheck.lexicon import load_list

    nouns = sorted(load_list("analysis_report_nouns.txt"), key=len, reverse=True)
    return re.compile(_REPORTED_FRAME.format(nouns="|".join(re.escape(n) for n in nouns)), re.I)


def _reported(quote: str) -> bool:
    """The quote tells its proposition as what a report or an allegation says."""
    return bool(_reported_frame().search(quote))
