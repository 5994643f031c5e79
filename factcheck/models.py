"""Frozen values passed between the stages: no SQL, no Rich, no I/O.

Every span is a pair of character offsets into `Document.text` as read, so that
`document.text[start:end]` is always the quoted text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

KINDS = ("fact", "assessment", "prediction")
CERTAINTIES = ("certain", "probable", "possible")
CERTAINTY_RANK = {certainty: rank for rank, certainty in enumerate(CERTAINTIES)}   # higher is less sure
POLARITIES = ("positive", "negative")
STATUSES = ("uncontested", "contested", "denied")
SOURCE_TYPES = ("author", "official", "government", "media", "anonymous", "expert", "other")
RELATIONS = ("denies", "contradicts", "corroborates", "repeats")
# The stored path of an article read from standard input: this prefix and its document name. It
# names no file, so `verify` checks its quotes against the stored text but no source file.
PIPED_PATH_PREFIX = "stdin:"
VERDICTS = ("true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable")  # review log
# How the analysis opens a contradiction's reason ("numeric: 12 vs 30 ..."), see analysis/contradict.py.
CONFLICT_TYPES = ("numeric", "date", "polarity", "stance", "responsibility", "counter-assertion")
# --type values: a denial, each kind of conflict, the user's own links, and reasons of any other shape.
CONTRADICTION_TYPES = ("denies", *CONFLICT_TYPES, "manual", "other")

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """A text as read from disk, with its metadata."""

    name: str                       # file name, e.g. "000_7e3b5f370e2f62cc.txt"
    path: str                       # path as given to ingest, resolved; PIPED_PATH_PREFIX + name for stdin
    sha256: str                     # of the file's bytes
    text: str                       # decoded text after front matter; all offsets point here
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None    # ISO date, partial allowed ("2022-08")
    published_inferred: bool = False  # True when `published` was guessed from dates in the text
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence (or heading, list item, caption) with its place in the document."""

    start: int
    end: int
    text: str
    paragraph: int                  # 0-based paragraph index
    index: int                      # 0-based sentence index in the document
    role: str = "body"              # body | heading | boilerplate | caption | question | credit


@dataclass(frozen=True)
class Attribution:
    """Who says what, in which words: the spans of one reported-speech relation."""

    content: Span
    source: str | None = None       # source phrase as written ("US National Security Advisor Jake Sullivan")
    source_span: Span | None = None
    cue: str | None = None          # reporting expression as written ("alleged", "according to")
    cue_span: Span | None = None
    rule: str = "author"            # which rule produced it, for `explain`


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as stated ("about 2,000 kilometers")."""

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    qualifier: str | None = None    # about | at least | at most | up to | more than | less than


@dataclass(frozen=True)
class Claim:
    """One proposition, with its provenance and how it is stated."""

    id: str
    document: str                   # Document.name
    start: int                      # content span
    end: int
    quote: str                      # == document.text[start:end]
    text: str                       # standalone sentence
    kind: str = "fact"
    source: str = "author"          # canonical name, or "author"
    source_type: str = "author"
    source_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    certainty: str = "certain"
    polarity: str = "positive"
    status: str = "uncontested"
    actors: tuple[str, ...] = ()
    when: str | None = None         # ISO date, partial or range "2020-01/2020-02"
    numbers: tuple[Quantity, ...] = ()
    paragraph: int = 0
    sentence: int = 0
    context: Span | None = None     # the sentence the claim stands in
    hedges: tuple[str, ...] = ()    # the words that set certainty
    denial: bool = False            # the claim denies or rejects something
    trace: tuple[str, ...] = ()     # the rules that produced the claim, for `explain`
    relay: str | None = None        # the outlet that carries the source's words ("Reuters"), if named


@dataclass(frozen=True)
class Relation:
    """A directed link between two claims, with the reason it was made."""

    relation: str                   # one of RELATIONS
    source_id: str                  # from
    target_id: str                  # to
    reason: str
    score: float = 1.0
    origin: str = "auto"            # auto | manual


@dataclass(frozen=True)
class Finding:
    """What comparing two claims' words found, before manual links and inferences are applied:
    kept with the claims so that a later analysis compares only pairs that involve new claims."""

    kind: str                       # contradicts | repeats | corroborates | revision
    source_id: str                  # the earlier claim of the pair, in reading order
    target_id: str
    reason: str
    score: float                    # similarity 0-1 of the pair's words


@dataclass(frozen=True)
class Assessment:
    """A claim's standing after analysis: status, corroboration score and Admiralty grade."""

    claim_id: str
    status: str
    score: float                    # corroboration in [0, 1]
    grade: int                      # Admiralty credibility 1..6
    explanation: str


@dataclass(frozen=True)
class Extraction:
    """What the pipeline produced for one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[str, ...] = field(default=())


def claims_digest(text: str, claims) -> str:
    """What `verify` checks a document's stored claims against: their number, a hash of what
    extraction set in each (span, quote, text, source, cue, how it is stated) and a hash of the
    document's text, as "count:claims-hash:text-hash"."""
    digest = hashlib.sha256()
    for claim in sorted(claims, key=lambda c: c.id):
        fields = (claim.id, claim.start, claim.end, claim.quote, claim.text, claim.kind, claim.source,
                  claim.source_type, claim.source_span, claim.cue, claim.cue_span, claim.certainty,
                  claim.polarity)
        digest.update(repr(tuple(list(f) if isinstance(f, tuple) else f for f in fields)).encode())
    text_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{len(claims)}:{digest.hexdigest()}:{text_hash}"


def claim_id(document_sha256: str, start: int, end: int) -> str:
    """Stable claim id from the document's hash and the content span."""
    digest = hashlib.sha1(f"{document_sha256}:{start}:{end}".encode()).hexdigest()
    return digest[:12]


def is_piped(path: str) -> bool:
    """Whether a document's path names no file: its text was read from standard input."""
    return path.startswith(PIPED_PATH_PREFIX)


def contradiction_type(relation: Relation) -> str:
    """The kind of opposition a denies/contradicts relation records, read off its reason.

    Every denial is "denies" ("denies by reference: ...", "denies by anaphora: ..."); a conflict
    is typed by the reason's opening word ("numeric: ...", "stance (purpose): ..."); a manual
    contradiction carries the user's note, so it is "manual".
    """
    if relation.relation == "denies":
        return "denies"
    if relation.origin == "manual":
        return "manual"
    head = relation.reason.split(":", 1)[0].split("(", 1)[0].strip().lower()
    return head if head in CONFLICT_TYPES else "other"
