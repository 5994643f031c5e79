"""Sentence -> attributions: who says what, in which words (source span, cue span, content span).

Constructions handled (each names its rule in `Attribution.rule`, shown by `explain`):
  verb        "Russia says it is civilian", "Sullivan alleged that ...", "X told reporters that ..."
  inverted    "It is civilian, Russia says." / "“...,” said the minister."
  coordinated "X has denied this and asserted that ..." (the second cue shares X)
  participle  "..., calling them a rumour" (the main clause's source)
  passive-by  "..., as described by the Iranian government"
  asked       "Asked whether he would run, ...", "..., she said when asked about the merger"
Cues that are not verbs ('according to', a colon, nouns) are found in `nominal.py`.
"""

from __future__ import annotations

from factcheck.models import Attribution
from factcheck.pipeline.attribution.content import (
    closed_quote_before,
    content_after,
    content_before,
    content_stop,
    ends_clause,
    only_adjunct,
    only_time,
    quote_resumes,
    quoted_title_before,
)
from factcheck.pipeline.attribution.cues import PASSIVE_HEARSAY, after_quote_comma, find_cues, is_passive
from factcheck.pipeline.attribution.frame import Cue, make_attribution
from factcheck.pipeline.attribution.nested import drop_nested_duplicates
from factcheck.pipeline.attribution.nominal import find_frames
from factcheck.pipeline.attribution.opening import opening_participles
from factcheck.pipeline.attribution.speakers import looks_like_source
from factcheck.pipeline.attribution.subjects import (
    clause_subject,
    is_manner_adverb,
    left_subject,
    needs_animate,
    passive_agent,
    right_source,
    walk_left,
)
from factcheck.pipeline.words.tokens import (
    ADVERBIAL_PREPOSITIONS,
    NOUN_LIKE_AFTER_DET,
    PREPOSITIONS,
    PRONOUNS,
    Token,
    closes_quotation,
    tokenize,
)

QUESTION_AUXILIARIES = frozenset("do does did would could will can should".split())
MAX_INNER_SUBJECT_TOKENS = 5    # "He says the former senator believes ...": the inner speaker
RAISING = frozenset({"seem", "appear"})     # "X appears to ...": evidence without a speaker
# "Asked whether ...", "when asked about ...": the question put to a speaker
QUESTION_WORDS = frozenset("whether if about why how what who which whom where when".split())
ASKED_OPENERS = frozenset("when after before while once".split())
CONNECTIVE_OPENERS = frozenset("but and yet still so instead however".split())   # "But, said Lee, “...”"
MAX_ASKED_GAP = 8            # "Asked at a briefing Monday in Washington about ..."


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Attributions in one sentence `text` that starts at document offset `offset`."""
    tokens = tokenize(text, offset)
    if not tokens:
        return []
    end = len(tokens)
    while end > 0 and tokens[end - 1].text in ".!?":
        end -= 1
    found: list[Attribution] = []
    cues = find_cues(tokens)
    previous_source: tuple[int, int] | None = None
    for n, cue in enumerate(cues):
        attribution, source = _attribute_cue(tokens, cues, n, end, previous_source)
        if attribution:
            found.append(attribution)
        # "X said all signs pointed to a leak, adding that ...": a cue inside what X said, whose
        # subject cannot speak, leaves X the speaker a participle or 'and' after it goes back to
        if not (attribution and source and _inside_earlier(attribution, found[:-1])
                and not looks_like_source(tokens[source[0]:source[1]], strict=True)):
            previous_source = source
    found.extend(opening_participles(tokens, cues, found))
    found.extend(find_frames(tokens, end, found))
    return [_with_source_text(a, text, offset) for a in drop_nested_duplicates(found, tokens)]


def colon_frame(text: str, offset: int = 0) -> Attribution | None:
    """'He said:' / 'Lee continued:' ending a sentence: the speaker and cue of the quotation that
    follows it. Its content is the colon until `quotes.py` moves it onto that quotation."""
    tokens = tokenize(text, offset)
    if len(tokens) < 2 or tokens[-1].text != ":":
        return None
    cues = [c for c in find_cues(tokens) if c.kind in ("speech", "denial") and c.last < len(tokens) - 1]
    subject = left_subject(tokens, cues[-1]) if cues else None
    if subject is None:
        return None
    cue = cues[-1]
    colon = tokens[-1]
    attribution = Attribution(content=(colon.start, colon.end), source=None,
                              source_span=(tokens[subject[0]].start, tokens[subject[1] - 1].end),
                              cue=" ".join(t.text for t in tokens[cue.first:cue.last + 1]),
                              cue_span=(tokens[cue.first].start, tokens[cue.last].end),
                              rule=f"colon-frame:{cue.lemma}:{cue.kind}:{cue.certainty}")
    return _with_source_text(attribution, text, offset)


def _inside_earlier(attribution: Attribution, found: list[Attribution]) -> bool:
    return bool(attribution.cue_span) and any(a.content[0] <= attribution.cue_span[0] < a.content[1] for a in found)


def _with_source_text(attribution: Attribution, text: str, offset: int) -> Attribution:
    """The source phrase exactly as written ('Sen. Marco Rubio, R-Fla.'), not re-joined tokens."""
    if not attribution.source_span:
        return attribution
    s, e = attribution.source_span
    phrase = text[s - offset:e - offset]
    return Attribution(attribution.content, phrase, attribution.source_span, attribution.cue,
                       attribution.cue_span, attribution.rule)


def _attribute_passive(tokens, cue, cue_span, cue_text_):
    agent = passive_agent(tokens, cue)
    if not agent:
        return _hearsay(tokens, cue, cue_span, cue_text_)
    before = cue.first - 1 if cue.first > 0 and tokens[cue.first - 1].low == "as" else cue.first
    content = content_before(tokens, before)
    return make_attribution(tokens, content, agent, cue_span, cue_text_, "passive-by", cue) if content else None


def _hearsay(tokens, cue, cue_span, cue_text_, stop: int | None = None) -> Attribution | None:
    """'Trump is expected to speak', 'he was reported to have left': a passive cue with no speaker."""
    after = cue.last + 1
    if after >= len(tokens) or cue.lemma not in RAISING and (cue.lemma not in PASSIVE_HEARSAY
                                                              or tokens[after].low not in ("to", "that")):
        return None
    lo = walk_left(tokens, cue.first)
    if lo >= cue.first or tokens[lo].low == "it":
        lo = after + 1 if tokens[after].low == "that" else lo
    end = len(tokens) if stop is None else stop
    while end > 0 and tokens[end - 1].text in ".!?":
        end -= 1
    if end - lo < 2:
        return None
    span = (tokens[lo].start, tokens[end - 1].end)
    rule = "evidential" if cue.lemma in RAISING else "passive"
    return Attribution(content=span, source=None, source_span=None, cue=cue_text_, cue_span=cue_span,
                       rule=f"{rule}:{cue.lemma}:{cue.kind}:{cue.certainty}")


def _subjectless(tokens, cues, n, end, cue_span, cue_text_) -> tuple[bool, Attribution | None]:
    """Cues read without looking for a subject: the question put to a speaker, a passive, and
    'appear'/'seem' (a hedge, or a verb of presence that reports nothing); (False, None) otherwise."""
    cue = cues[n]
    passive = is_passive(tokens, cue)
    asked = _asked_question(tokens, cue, end) if tokens[cue.verb].low == "asked" \
        and (cue.first == cue.verb or passive) else None
    if asked:
        return True, asked
    if passive:
        return True, _attribute_passive(tokens, cue, cue_span, cue_text_)
    if cue.lemma in RAISING and _raised(tokens, cues, cue):
        return True, _hearsay(tokens, cue, cue_span, cue_text_, content_stop(tokens, cues, n, end))
    if cue.lemma in RAISING and (cue.last + 1 >= end or tokens[cue.last + 1].low not in ("to", "that")):
        return True, None                   # "Lee appeared at the rally": a verb of presence, not a hedge
    return False, None


def _cue_subject(tokens, cues, n, previous_source) -> tuple[tuple[int, int] | None, str]:
    """The cue's speaker and the rule that found it: its own subject, else the previous speaker or
    the clause's subject for a coordinated or participle cue."""
    cue = cues[n]
    subject = _after_outer_cue(tokens, cues, n, left_subject(tokens, cue), previous_source)
    if subject is None and _coordinated(tokens, cue):
        return previous_source or clause_subject(tokens, cue.first, needs_animate(cue)), "coordinated"
    if subject is None and _participle(tokens, cue):
        return previous_source or clause_subject(tokens, cue.first, needs_animate(cue)), "participle"
    return subject, "verb"


def _attribute_cue(tokens, cues, n, end, previous_source):
    cue = cues[n]
    cue_span = (tokens[cue.first].start, tokens[cue.last].end)
    cue_text_ = " ".join(t.text for t in tokens[cue.first:cue.last + 1])
    handled, attribution = _subjectless(tokens, cues, n, end, cue_span, cue_text_)
    if handled:
        return attribution, previous_source
    subject, rule = _cue_subject(tokens, cues, n, previous_source)
    if subject and subject[0] > 0 and tokens[subject[0] - 1].low in ("whether", "if"):
        return None, previous_source    # "Asked whether he would back X, ...": a question, a condition
    if subject and _puts_no_claim(tokens, subject, cue):
        return None, previous_source
    stop = content_stop(tokens, cues, n, end)
    if subject and subject[0] > 0 and tokens[subject[0] - 1].low == "with":
        # "With polls showing a tight race, Smith ...": the absolute phrase ends at its comma
        stop = next((j for j in range(cue.last + 1, stop) if tokens[j].text == ","), stop)
    start = content_after(tokens, cue, stop)
    if subject is None and cue.kind == "speech" and (cue.first == 0 or cue.first == 2 and tokens[1].text == ","
                                                     and tokens[0].low in CONNECTIVE_OPENERS):
        return _fronted(tokens, cue, cue_span, cue_text_, end), previous_source
    if subject is None:
        right = right_source(tokens, cue) if _can_invert(tokens, cue) else None
        if right and ends_clause(tokens, right[1], end):
            content = content_before(tokens, cue.first, _earlier_inverted_end(tokens, cues, n))
            if content:
                return make_attribution(tokens, content, right, cue_span, cue_text_, "inverted", cue), right
        return None, previous_source
    if start is not None and _comment_after(tokens, cue, subject, start):
        content = content_before(tokens, subject[0], _earlier_inverted_end(tokens, cues, n))
        if content:
            return make_attribution(tokens, content, subject, cue_span, cue_text_, "inverted", cue), subject
    # a quotation closed before the subject is what its own verb reports ('"...," X said'); a
    # participle or coordinated cue after that verb ('X said, adding that ...') reports what follows
    if start is None or start >= stop or only_adjunct(tokens, start, stop, subject[0], cue) \
            or only_time(tokens, start, stop) \
            or rule == "verb" and closed_quote_before(tokens, subject[0]) and not quote_resumes(tokens, cue.last + 1) \
            and not quoted_title_before(tokens, subject[0]):
        after_break = subject[0] > 0 and tokens[subject[0] - 1].text in (",", "”", '"', "''", "—", "–")
        content = content_before(tokens, subject[0], _earlier_inverted_end(tokens, cues, n)) if after_break else None
        if not content:
            return None, subject            # "..., but her rival has not conceded": nothing reported
        return make_attribution(tokens, content, subject, cue_span, cue_text_, "inverted", cue), subject
    if cue.kind == "denial":
        # "the agency has denied this": the denial itself is the claim, speaker included
        start, stop = subject[0], content_stop(tokens, cues, n, end, keep_participles=True)
    return make_attribution(tokens, (start, stop), subject, cue_span, cue_text_, rule, cue), subject


def _comment_after(tokens, cue, subject, start) -> bool:
    """'Sales were strong, he said, wiping his brow' / 'Rents will fall, Lee said, a promise that ...' /
    '..., she said, on condition of anonymity': after a clause, the speaker and a comma, a participle,
    an indefinite noun with a relative clause or the terms of speaking describe the report, and the
    clause before is what is said."""
    after = cue.last + 2
    if subject[0] == 0 or tokens[subject[0] - 1].text != "," or start < after or tokens[cue.last + 1].text != ",":
        return False
    word = tokens[after]
    if word.text.islower() and word.low.endswith("ing") and len(word.low) > 5:
        return True
    following = [t.low for t in tokens[after + 1:after + 6]]
    return word.low in ("a", "an") and any(w in ("that", "which", "who") for w in following) \
        or word.low == "on" and following[:1] == ["condition"]


def _earlier_inverted_end(tokens, cues, n) -> int:
    """Where the quotation of an inverted cue may start: after an earlier cue that closed a quotation
    of its own in the sentence ('“X,” she said, but ..., “Y,” said Kunin'), else the sentence start."""
    for earlier in reversed(cues[:n]):
        if closes_quotation(tokens, earlier.first) or earlier.first > 0 and closes_quotation(tokens, earlier.first - 1):
            return earlier.last + 1
    return 0


def _after_outer_cue(tokens, cues, n, subject, previous_source):
    """'He says he believes ...', 'Aides said the senator denied ...': a subject that runs over an
    earlier finite cue is only what follows that cue; the earlier cue reports the whole inner
    attribution. A participle's subject that runs over one ('Lee endorsed Ruiz in June, telling ...')
    is that earlier cue's speaker."""
    if subject is None:
        return None
    lo, hi = subject
    outer = next((c for c in reversed(cues[:n]) if lo <= c.verb < hi), None)
    if outer is None or tokens[outer.verb].low.endswith("ing"):
        return subject
    if tokens[cues[n].verb].low.endswith("ing"):
        return previous_source or subject
    inner = outer.last + 1 + (outer.last + 1 < hi and tokens[outer.last + 1].low == "that")
    if inner < hi and hi - inner <= MAX_INNER_SUBJECT_TOKENS and looks_like_source(tokens[inner:hi], strict=False):
        return inner, hi
    return subject


def _puts_no_claim(tokens, subject, cue) -> bool:
    """'Do you think he will win?', 'How do you think ...': a question puts no claim; nor does 'it is
    safe to say'. ('You know, ...' as a filler is no cue at all: cues.DISCOURSE_FILLERS.)"""
    lo, hi = subject
    if tokens[lo].low in ("how", "why", "what", "who", "where", "when") and hi - lo >= 3:
        lo += 1
    if tokens[lo].low in QUESTION_AUXILIARIES and hi - lo >= 2 and (tokens[lo + 1].low in PRONOUNS
                                                                     or tokens[lo + 1].low in NOUN_LIKE_AFTER_DET):
        return True                     # "Would you say ...?", "Does the candidate say the wrong thing?"
    if tokens[cue.first - 1].low == "to" and tokens[lo].low in ("it", "it's", "it’s"):
        return True                     # "it's fair to say that ...": the writer's own hedge
    return False


def _asked_question(tokens, cue, end) -> Attribution | None:
    """'Asked whether he would run, Lee said ...', '..., she said when asked about the merger', 'Lee
    was asked, “Why?”': the question put to the speaker, by whoever 'by' names, or by someone unnamed."""
    if cue.first == cue.verb and cue.first > 0 and tokens[cue.first - 1].low not in ASKED_OPENERS \
            and tokens[cue.first - 1].text != ",":
        return None
    agent = passive_agent(tokens, cue)
    if agent:                               # "Asked by Lee at a forum about ...": the asker ends at 'at'
        agent = (agent[0], next((j for j in range(agent[0] + 1, agent[1]) if tokens[j].low in QUESTION_WORDS
                                 or tokens[j].low in PREPOSITIONS), agent[1]))
    at = agent[1] if agent else cue.last + 1
    start = next((j for j in range(at, min(end, at + MAX_ASKED_GAP))
                  if tokens[j].low in QUESTION_WORDS or tokens[j].text in ",.;:“\""), None)
    quoted = start is not None and cue.first < cue.verb and tokens[start].text in (",", ":") \
        and start + 1 < end and tokens[start + 1].text in ("“", '"')
    if start is None or tokens[start].low not in QUESTION_WORDS and not quoted:
        return None
    if quoted:                              # "Lee was asked, “What is the most dangerous place?”"
        start, stop = start + 1, len(tokens)
    else:
        stop = next((j for j in range(start + 1, end) if tokens[j].text in (",", ";", ":", "—", "–")), end)
    if stop - start < 2:
        return None
    cue_span = (tokens[cue.first].start, tokens[cue.last].end)
    rule = f"asked:{cue.lemma}:{cue.kind}:{cue.certainty}"
    if agent:
        return make_attribution(tokens, (start, stop), agent, cue_span, tokens[cue.verb].text, "asked", cue)
    return Attribution(content=(tokens[start].start, tokens[stop - 1].end), source=None, source_span=None,
                       cue=tokens[cue.verb].text, cue_span=cue_span, rule=rule)


def _fronted(tokens, cue, cue_span, cue_text_, end) -> Attribution | None:
    """'Said Comey, “The thought ... is painful.”': a sentence-opening cue, its speaker, a comma and
    what was said (from the quotation, when an aside about the speaker comes first)."""
    right = right_source(tokens, cue)
    if not right or right[1] >= end or tokens[right[1]].text != "," or \
            not (tokens[right[0]].text[:1].isupper() or tokens[right[0]].low in NOUN_LIKE_AFTER_DET):
        return None                                 # "Said differently, ..."
    start = next((j for j in range(right[1] + 1, end) if tokens[j].text in ("“", '"')), right[1] + 1)
    return make_attribution(tokens, (start, end), right, cue_span, cue_text_, "inverted", cue)


def _can_invert(tokens: list[Token], cue: Cue) -> bool:
    """'..., said Beck' / '..., say experts': finite speech verbs only, never 'show' or 'indicates'."""
    word = tokens[cue.verb].low
    after_break = cue.first > 0 and tokens[cue.first - 1].text in (",", "”", '"', "—", "–")
    return after_break and cue.kind in ("speech", "denial") and (word != cue.lemma or word == "say") \
        and not word.endswith("ing")


def _raised(tokens, cues, cue) -> bool:
    """'Ben Carson appears to be slipping', 'it seems that ...': the writer's own hedged report, with
    no speaker; but in 'Trump seemed to suggest that ...' the verb after 'to' is the cue."""
    after = cue.last + 1
    if after >= len(tokens):
        return False
    nxt = tokens[after]
    if nxt.low == "that":
        return after + 1 < len(tokens) and cue.first > 0 and tokens[cue.first - 1].low == "it"
    if nxt.low != "to":                 # "seemed taken aback", "appears closer": a complement
        return nxt.text.isalpha() and nxt.text.islower() and nxt.low not in PREPOSITIONS \
            and nxt.low not in ("as", "like", "and", "but", "or") and cue.first > 0
    return after + 1 < len(tokens) and not any(other.first == after + 1 or other.verb == after + 1 for other in cues)


def _coordinated(tokens, cue) -> bool:
    return cue.first > 0 and tokens[cue.first - 1].low in ("and", "but", "or")


def _participle(tokens, cue) -> bool:
    # "..., flatly denying that ...": a manner adverb may stand between the comma and the participle
    first = cue.first - 1 if cue.first > 1 and is_manner_adverb(tokens[cue.first - 1]) else cue.first
    return tokens[cue.verb].low.endswith("ing") and first > 0 and (
        tokens[first - 1].text == "," or tokens[first - 1].low in ADVERBIAL_PREPOSITIONS
        or after_quote_comma(tokens, first))
