"""The tables, as SQLModel classes; queries use their Core `__table__` for batched statements.

Rows never leave `store/`: `records.py` maps them to and from the dataclasses of `factcheck.models`.
Column types are the portable ones (Integer, Float, Boolean, String, Text) so the same
definitions serve SQLite and PostgreSQL. What the analysis keeps of a claim (its profile, index
terms and pair findings) references the claim and is deleted with it (ON DELETE CASCADE; the store
also deletes it explicitly). Reviews and relations hold claim ids without a foreign key on
purpose: reviews and manual links must outlive a document's claims being replaced on re-ingest
(they come back with the same text), and SQLite enforces every declared key (foreign_keys = ON),
so a key would either refuse the delete or take the user's work with it.
"""

from sqlalchemy import Text
from sqlmodel import Field, SQLModel


class MetaRow(SQLModel, table=True):
    """Key-value facts about the database itself: `application` marker and `schema_version`."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class DocumentRow(SQLModel, table=True):
    __tablename__ = "document"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    path: str = Field(unique=True)
    sha256: str = Field(index=True)
    text: str = Field(sa_type=Text)
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    warnings: str = "[]"            # JSON list of strings
    chars: int = 0
    ingested_at: str                # ISO 8601 UTC


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claim"
    id: str = Field(primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    start: int
    end: int
    quote: str = Field(sa_type=Text)
    text: str = Field(sa_type=Text)
    kind: str
    source: str = Field(index=True)
    source_type: str
    source_start: int | None = None
    source_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    certainty: str
    polarity: str
    status: str
    when: str | None = None
    # `when` as comparable bounds, so --since/--until run in SQL: a range "A/B" overlaps a
    # filter when when_end >= since and when_start <= until. See records.when_bounds.
    when_start: str | None = None
    when_end: str | None = None
    numbers: str = "[]"             # JSON list of Quantity objects
    paragraph: int = 0
    sentence: int = 0
    context_start: int | None = None
    context_end: int | None = None
    hedges: str = "[]"              # JSON list of strings
    denial: bool = False
    trace: str = "[]"               # JSON list of strings
    relay: str | None = None        # the outlet carrying the source's words (schema 4)
    score: float | None = None      # set by analysis (Assessment)
    grade: int | None = None
    explanation: str | None = Field(default=None, sa_type=Text)


class ActorRow(SQLModel, table=True):
    __tablename__ = "actor"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    type: str | None = None


class AliasRow(SQLModel, table=True):
    __tablename__ = "alias"
    id: int | None = Field(default=None, primary_key=True)
    alias: str = Field(unique=True)  # lowercased
    actor: str = Field(foreign_key="actor.name")
    origin: str = "user"            # user | auto


class ClaimActorRow(SQLModel, table=True):
    __tablename__ = "claim_actor"
    claim_id: str = Field(foreign_key="claim.id", primary_key=True)
    actor: str = Field(foreign_key="actor.name", primary_key=True, index=True)
    position: int = 0               # keeps Claim.actors in the order the pipeline gave


class RelationRow(SQLModel, table=True):
    __tablename__ = "relation"
    id: int | None = Field(default=None, primary_key=True)
    relation: str                   # one of models.RELATIONS, or UNLINK for a suppressed pair
    source_id: str = Field(index=True)
    target_id: str = Field(index=True)
    reason: str = Field(sa_type=Text)
    score: float = 1.0
    origin: str = "auto"            # auto | manual
    created_at: str


class ReviewRow(SQLModel, table=True):
    __tablename__ = "review"
    id: int | None = Field(default=None, primary_key=True)
    claim_id: str = Field(index=True)
    verdict: str
    note: str | None = Field(default=None, sa_type=Text)
    by: str | None = None
    at: str                         # ISO 8601 UTC


class ProfileRow(SQLModel, table=True):
    """What the analysis keeps of a claim between runs (opaque text written by the analysis)."""

    __tablename__ = "claim_profile"
    claim_id: str = Field(primary_key=True, foreign_key="claim.id", ondelete="CASCADE")
    data: str = Field(sa_type=Text)


class TermRow(SQLModel, table=True):
    """The analysis' retrieval index, kept: one row per term of a claim (opaque strings written
    by the analysis), so that a look-up reads only the postings of the terms it asks for;
    removed with the claim."""

    __tablename__ = "claim_term"
    term: str = Field(primary_key=True)
    claim_id: str = Field(primary_key=True, index=True, foreign_key="claim.id", ondelete="CASCADE")


class FindingRow(SQLModel, table=True):
    """A pair finding of the analysis (models.Finding), kept so later runs need not compare the
    pair again; removed with either claim."""

    __tablename__ = "finding"
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    source_id: str = Field(index=True, foreign_key="claim.id", ondelete="CASCADE")
    target_id: str = Field(index=True, foreign_key="claim.id", ondelete="CASCADE")
    reason: str = Field(sa_type=Text)
    score: float


METADATA = SQLModel.metadata
META = MetaRow.__table__
DOCUMENT = DocumentRow.__table__
CLAIM = ClaimRow.__table__
ACTOR = ActorRow.__table__
ALIAS = AliasRow.__table__
CLAIM_ACTOR = ClaimActorRow.__table__
RELATION = RelationRow.__table__
REVIEW = ReviewRow.__table__
PROFILE = ProfileRow.__table__
FINDING = FindingRow.__table__
TERM = TermRow.__table__
