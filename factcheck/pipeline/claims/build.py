"""Sentences and attributions -> claims: atomic split, source, kind, certainty, polarity, actors, dates
(kind, certainty and polarity are read by `labels.py`).

Each body sentence yields the attributed contents its reporting cues introduce, and the author's
own claims in what is left over. Both are cut into atomic parts (`split.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.lexicon import load_list
from factcheck.models import CERTAINTY_RANK, Attribution, Claim, Document, Sentence, claim_id
from factcheck.patterns import compile_fast
from factcheck.pipeline import numbers as number_stage
from factcheck.pipeline.attribution.attribute import find_attributions
from factcheck.pipeline.attribution.quotes import link_quotes, outside_quotation
from factcheck.pipeline.claims import relays
from factcheck.pipeline.claims.continued import continue_speakers
from factcheck.pipeline.claims.credit import Context, relays_apart, resolve_source, with_antecedent
from factcheck.pipeline.claims.embedded import embedded_events
from factcheck.pipeline.claims.labels import certainty_of, kind_of, polarity_of
from factcheck.pipeline.claims.places import incident_place, with_place
from factcheck.pipeline.claims.split import Part, split_parts
from factcheck.pipeline.names import reference
from factcheck.pipeline.names.named import named_actors
from factcheck.pipeline.names.sources import canonical_source
from factcheck.pipeline.segment import credit_of
from factcheck.pipeline.when import ADVERBIAL_OPENERS, claim_when, incident_dates, sentence_dates
from factcheck.pipeline.words.tokens import ADVERBIAL_PREPOSITIONS, Token, tokenize

MIN_AUTHOR_WORDS = 4          # a leftover shorter than this ("In parallel with this") is no claim
LEADING_FILLER = frozenset("and but so yet however meanwhile moreover furthermore still nevertheless also "
                           "then thus".split())
BORROWED_SUBJECT = ("participle:", "coordinated:")     # rules whose speaker is another clause's subject
PAIR_RE = compile_fast(r"\b(?:the two (?:countries|sides|parties|nations|states|governments|capitals)|"
                       r"both (?:countries|sides|nations)|each other)\b", re.I)
MAX_OPENER_WORDS = 3


@dataclass(frozen=True)
class Inherited:
    """What a part takes from the head of the span it was cut from."""

    certainty: str = "certain"
    hedges: tuple[str, ...] = ()
    kind: str | None = None
    actors: tuple[str, ...] = ()
    fixed_kind: str | None = None     # a presupposed event is a fact whatever its words
    nested: tuple[tuple[int, int], ...] = ()   # spans of presupposed events inside the part
    shares_subject: bool = False      # a coordinated predicate or participle: the head's subject acts


MINED_ROLES = ("body", "caption", "question")
# Finding a cue's speaker and content scans the sentence around each cue, so a sentence's cost
# grows with the square of its length; a 46 KB "sentence" of 2,000 clauses took minutes. News
# sentences stay far below this (the longest of 941 PolNeAR, crossdoc and seed articles: 1,094
# characters); a longer one is a list, a table or a hostile file, and yields no claims.
MAX_SENTENCE_CHARS = 2_000


def overlong(sentence: Sentence) -> bool:
    return sentence.end - sentence.start > MAX_SENTENCE_CHARS


def overlong_warnings(document: Document, sentences: list[Sentence]) -> list[str]:
    """One warning per sentence left out for its length."""
    return [f"{document.name}: sentence {s.index + 1} at character {s.start} is "
            f"{s.end - s.start:,} characters long, over the limit of {MAX_SENTENCE_CHARS:,}; "
            "no claims taken from it" for s in sentences if s.role in MINED_ROLES and overlong(s)]


def build_claims(document: Document, sentences: list[Sentence], extra_aliases: dict[str, str]) -> list[Claim]:
    """Every claim of the document, in text order, with stable ids."""
    context = Context(document, extra_aliases, tuple(sorted(extra_aliases.items())))
    claims: dict[tuple[int, int], Claim] = {}
    mined = [s for s in sentences if s.role in MINED_ROLES and not overlong(s)]
    context.named = named_actors([(s.start, s.text) for s in mined if s.role != "question"])
    found = [find_attributions(s.text, s.start) for s in mined]
    linked = link_quotes(mined, found)
    for sentence, own, extra in zip(mined, found, linked):
        n = sentence.index
        credit = _caption_credit(sentences, n) if sentence.role == "caption" else None
        if sentence.paragraph != context.paragraph:
            context.paragraph, context.dates = sentence.paragraph, []
        context.dates.extend(sentence_dates(sentence, context.document.published))
        for noun, day in incident_dates(sentence, context.document.published):
            context.incidents.setdefault(noun, day)      # the first day the text gives an incident
        context.refs = reference.read_sentence(sentence.text, sentence.start, document.published,
                                               context.discourse, extra_aliases, context.named)
        context.place = context.place or incident_place(context.refs, sentence.text, sentence.start)
        for claim in _sentence_claims(sentence, context, credit, extra + outside_quotation(own, extra)):
            claims.setdefault((claim.start, claim.end), claim)
        context.discourse.note(context.refs)
    return continue_speakers(sorted(claims.values(), key=lambda c: (c.start, c.end)), document.text)


def _caption_credit(sentences: list[Sentence], n: int) -> str | None:
    for later in sentences[n + 1:n + 4]:
        if later.paragraph != sentences[n].paragraph:
            break
        if later.role == "credit":
            return credit_of(later)
    return None


def _sentence_claims(sentence: Sentence, context: Context, credit: str | None,
                     attributions: list[Attribution]) -> list[Claim]:
    text = context.document.text
    out: list[Claim] = []
    for attribution, relay_phrase in relays_apart(attributions, text, context):
        source, source_type = resolve_source(with_antecedent(attribution, sentence), context)
        relay = canonical_source(relay_phrase, context.extra_aliases)[0] if relay_phrase else None
        start = len(out)
        regions = [attribution.content]
        if _is_attitude(attribution):           # "Moscow agreed to build ...": the author asserts it,
            source, source_type = "author", "author"    # except what a source inside is credited with
            regions = _uncovered(attribution.content, [a for a in attributions if not _is_attitude(a)])
        elif _is_stance(attribution) and attribution.source_span:   # "Mr Lee has since backed the plan":
            regions = [(min(attribution.source_span[0], attribution.content[0]), attribution.content[1])]
        for region in regions:
            out.extend(_claims_in(region, sentence, context, attribution, source, source_type))
        if relay and relay != source:
            out[start:] = [replace(claim, relay=relay) for claim in out[start:]]
    if sentence.role == "question":             # a question asserts nothing of its own
        return out
    author = ("author", "author") if not credit else (credit, "media")
    for region in _leftovers(sentence, attributions, text):
        out.extend(_claims_in(region, sentence, context, None, *author))
    return out


def _uncovered(span: tuple[int, int], attributions: list[Attribution],
               also: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Stretches of `span` that none of the attributions' source, cue or content (nor `also`) covers."""
    taken = sorted([part for a in attributions for part in (a.content, a.source_span, a.cue_span) if part]
                   + list(also))
    regions, cursor = [], span[0]
    for s, e in taken + [(span[1], span[1])]:
        if s > cursor:
            regions.append((cursor, min(s, span[1])))
        cursor = max(cursor, e)
    return regions


def _leftovers(sentence: Sentence, attributions: list[Attribution], text: str) -> list[tuple[int, int]]:
    """Stretches of the sentence that no attribution covers: the author's own claims."""
    out = []
    # "told the committee on Tuesday that ...": what stands between a cue and its content is its
    # addressee or circumstance, not a claim of the author's
    gaps = [(a.cue_span[1], a.content[0]) for a in attributions if a.cue_span and a.cue_span[1] < a.content[0]]
    gaps += _quoted_after_cues(attributions, text)
    # "The nurse sued, claiming ...": the participle's speaker is the main clause's subject, which
    # stays in the author's claim "The nurse sued"
    own = [a if not a.rule.startswith(BORROWED_SUBJECT) else
           Attribution(a.content, a.source, None, a.cue, a.cue_span, a.rule) for a in attributions]
    for s, e in _uncovered((sentence.start, sentence.end), own, gaps):
        chunk = text[s:e]
        words = re.findall(r"[A-Za-z0-9][\w’'-]*", chunk)
        if len(words) < MIN_AUTHOR_WORDS or (attributions and words[0].lower() in ADVERBIAL_OPENERS
                                              and len(words) < 2 * MIN_AUTHOR_WORDS):
            continue
        out.append((s, e))
    return out


def _quoted_after_cues(attributions: list[Attribution], text: str) -> list[tuple[int, int]]:
    """'"...," NBC cited the officials as saying.': who was quoted, after the cue, is no claim."""
    spans = []
    for a in attributions:
        if a.cue_span and a.cue_span[0] >= a.content[1] and (a.cue or "").lower() in relays.QUOTING_CUES:
            quoted = relays.quoted_after(text[a.cue_span[1]:a.cue_span[1] + 100])
            if quoted:
                spans.append((a.cue_span[1], a.cue_span[1] + quoted[2]))
    return spans


def _claims_in(span, sentence, context, attribution, source, source_type) -> list[Claim]:
    text = context.document.text
    tokens = _strip_edges([t for t in tokenize(sentence.text, sentence.start)
                           if span[0] <= t.start and t.end <= span[1]])
    if not tokens:
        return []
    if attribution and _is_denial(attribution):
        split = _denied_report(tokens)
        if split is not None:
            return _denial_and_report(tokens, split, sentence, context, attribution, source, source_type)
    parts = split_parts(tokens) if not (attribution and _is_denial(attribution)) else None
    if not parts:
        parts = [Part(0, len(tokens), "head", False)]
    head_text = text[tokens[parts[0].lo].start:tokens[parts[0].hi - 1].end]
    head_level, head_hedges = certainty_of(head_text)
    head_kind = kind_of(head_text)
    head_actors = reference.names_of(context.refs.refs, tokens[parts[0].lo].start, tokens[parts[0].hi - 1].end)
    denial = bool(attribution and _is_denial(attribution))
    events = [] if denial else embedded_events(tokens)
    nested = tuple((tokens[lo].start, tokens[hi - 1].end) for lo, hi, _ in events)
    out = []
    for part in parts:
        piece = _strip_edges(tokens[part.lo:part.hi])
        if not _asserts(piece, attribution, tokens):
            continue
        start, end = piece[0].start, piece[-1].end
        # "a satellite intended for spying": the purpose is the object's, not the subject's;
        # "Soleimani, who was ...": a 'who' clause is about the name before it
        inherited = Inherited(head_level, head_hedges, head_kind, head_actors, nested=nested,
                              shares_subject=part.rule != "purpose") if part.inherits \
            else Inherited(nested=nested, shares_subject=part.rule == "relative" and tokens[part.lo].low == "who")
        out.append(_claim(context, sentence, start, end, attribution, source, source_type, part.rule, inherited))
    # what the span takes for granted ("the agreement signed in 2018"), stated by the same source
    for lo, hi, rule in events:
        start, end = tokens[lo].start, tokens[hi - 1].end
        out.append(_claim(context, sentence, start, end, attribution, source, source_type, f"embedded-{rule}",
                          Inherited(fixed_kind="fact")))
    return out


def _denied_report(tokens: list[Token]) -> int | None:
    """Where a denial names what it denies as a report with its content: "deny a report that
    they were spied on", "refuted a Bloomberg story that their systems contained chips". The
    position of the report noun, when a clause of at least MIN_AUTHOR_WORDS words follows its
    "that"; else None."""
    nouns = _report_nouns()
    for k in range(1, len(tokens) - MIN_AUTHOR_WORDS - 1):
        if tokens[k].low in nouns and tokens[k + 1].low == "that" and tokens[k + 2].text[:1].isalnum():
            return k
    return None


def _denial_and_report(tokens: list[Token], k: int, sentence: Sentence, context: Context, attribution: Attribution,
                       source: str, source_type: str) -> list[Claim]:
    """Two claims: the denial up to the report it denies ("X denied a report"), and what the
    report says ("that P"), credited to the report's owner when the text names one ("a Bloomberg
    story", "Bloomberg's report") and to the report otherwise, for the analysis to place."""
    start, end = tokens[0].start, tokens[k].end
    denial = _claim(context, sentence, start, end, attribution, source, source_type, "denial", Inherited())
    content = _strip_edges(tokens[k + 2:])
    if not content:
        return [denial]
    owner = _report_owner(tokens, k)
    phrase = context.document.text[owner[0]:owner[1]] if owner else tokens[k].text
    report = Attribution((content[0].start, content[-1].end), phrase, owner, tokens[k].text,
                         (tokens[k].start, tokens[k].end), "nominal:report-that")
    report_source, report_type = resolve_source(report, context)
    if not owner and report_source.lower() in ("report", "reports", "story", "article"):
        report_source, report_type = "unnamed reports", "media"
    said = _claim(context, sentence, content[0].start, content[-1].end, report, report_source, report_type,
                  "denied-report", Inherited())
    return [denial, said]


def _report_owner(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The span of the capitalised name between a report noun's determiner and the noun ("a
    Bloomberg story"), or before its possessive ("Bloomberg's report")."""
    lo = k
    while lo > 0 and (tokens[lo - 1].text[:1].isupper() or tokens[lo - 1].text in ("'s", "’s", "'", "’")
                      or tokens[lo - 1].low in ("news", "times", "post")):
        lo -= 1
    names = [t for t in tokens[lo:k] if t.text[:1].isupper()]
    if not names:
        return None
    return names[0].start, names[-1].end


@lru_cache(maxsize=1)
def _report_nouns() -> frozenset[str]:
    return frozenset(load_list("denied_report_nouns.txt"))


def _asserts(piece: list[Token], attribution: Attribution | None, tokens: list[Token]) -> bool:
    """A piece of at least two words that is more than an opener; or one word a speaker said
    ('75 percent said yes', '“Really,” she added')."""
    if len(piece) >= 2:
        return not _only_opener(piece)
    if not piece or not attribution or not attribution.source_span or not piece[0].text[:1].isalpha():
        return False
    quoted = tokens[0].text in ("“", '"')
    return quoted or not _only_opener(piece)


def _only_opener(piece: list[Token]) -> bool:
    """'On one hand', 'most notably': a short adverbial that asserts nothing by itself."""
    words = [t for t in piece if t.text[:1].isalnum()]
    if not words:
        return True
    return len(words) <= MAX_OPENER_WORDS and (words[0].low in ADVERBIAL_OPENERS or words[0].low in
                                               ("most", "more", "first", "second", "finally", "still"))


def _strip_edges(tokens: list[Token]) -> list[Token]:
    """Drop leading connectives and dangling punctuation so quotes start on the proposition."""
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].low in LEADING_FILLER or tokens[lo].text in ",;:—–-"):
        lo += 1
    while hi > lo and (tokens[hi - 1].text in ",;:—–-(." or tokens[hi - 1].low in ADVERBIAL_PREPOSITIONS
                       or tokens[hi - 1].low in ("and", "but", "or")):
        hi -= 1                                 # "Trump closed the rally by [saying ...]", "... and [said ...]"
    piece = tokens[lo:hi]
    if piece and piece[-1].text in ("”", ")") and not any(t.text in ("“", "(") for t in piece[:-1]):
        piece = piece[:-1]
    if piece and piece[0].text in ("“", "(") and not any(t.text in ("”", ")") for t in piece[1:]):
        piece = piece[1:]
    return piece


def _is_attitude(attribution: Attribution) -> bool:
    return attribution.rule.split(":")[2:3] == ["attitude"]


def _is_stance(attribution: Attribution) -> bool:
    """A side taken on what others say: the holder's own claim, the clause holder and all."""
    return attribution.rule.split(":")[2:3] == ["stance"]


def _is_denial(attribution: Attribution) -> bool:
    return attribution.rule.split(":")[2:3] == ["denial"]


def _claim(context, sentence, start, end, attribution, source, source_type, split_rule, inherited) -> Claim:
    document = context.document
    quote = document.text[start:end]
    level, hedges = certainty_of(quote)
    cue_level = attribution.rule.split(":")[3] if attribution and attribution.rule.count(":") >= 3 else "certain"
    for candidate in (inherited.certainty, cue_level):
        if CERTAINTY_RANK[candidate] > CERTAINTY_RANK[level]:
            level = candidate
    hedges = hedges + inherited.hedges
    denial = bool(attribution and _is_denial(attribution))
    # a coordinated predicate or participle shares its head's modality: "would shift, triggering ..."
    kind = "fact" if denial else ("prediction" if inherited.kind == "prediction" else inherited.fixed_kind
                                  or kind_of(quote))
    polarity = "negative" if denial else polarity_of(quote)
    actors = reference.claim_actors(context.refs, start, end, inherited.shares_subject, inherited.actors,
                                    (sentence.start, sentence.end), source)
    if source in context.named.values() and not any(
            canonical == source and alias in quote for alias, canonical in context.named.items()):
        actors = tuple(a for a in actors if a != source)   # a speaker the text names is not what it says
    actors = with_place(actors, quote, context.place)
    when = claim_when(quote, start, context.dates, document.published, kind, inherited.nested, context.incidents)
    trace = (attribution.rule if attribution else "author", f"split:{split_rule}")
    return Claim(
        id=claim_id(document.sha256, start, end), document=document.name, start=start, end=end, quote=quote,
        text=_standalone(quote, reference.pair_in(context.refs, start, end)), kind=kind, source=source,
        source_type=source_type, source_span=attribution.source_span if attribution else None,
        cue=attribution.cue if attribution else None, cue_span=attribution.cue_span if attribution else None,
        certainty=level, polarity=polarity, actors=actors, when=when,
        numbers=number_stage.find_quantities(quote, start), paragraph=sentence.paragraph,
        sentence=sentence.index, context=(sentence.start, sentence.end), hedges=tuple(dict.fromkeys(hedges)),
        denial=denial, trace=trace)


def _standalone(quote: str, pair: tuple[str, ...]) -> str:
    text = quote.strip().strip("“”\"")
    if len(pair) >= 2:
        text = PAIR_RE.sub(f"{pair[0]} and {pair[1]}", text, count=1)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”")) else text + "."


