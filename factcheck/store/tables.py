"""The tables, as SQLAlchemy Core tables (the statements are Core throughout).

Rows never leave `store/`: `records.py` maps them to and from the dataclasses of `factcheck.models`.
Column types are the portable ones (Integer, Float, Boolean, String, Text) so the same
definitions serve SQLite and PostgreSQL. Core declares the same DDL that SQLModel classes did,
without importing SQLModel, pydantic and the ORM at every start. What the analysis keeps of a
claim (its profile, index terms and pair findings) references the claim and is deleted with it
(ON DELETE CASCADE; the store also deletes it explicitly). Reviews and relations hold claim ids without a foreign key on
purpose: reviews and manual links must outlive a document's claims being replaced on re-ingest
(they come back with the same text), and SQLite enforces every declared key (foreign_keys = ON),
so a key would either refuse the delete or take the user's work with it.
"""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

METADATA = MetaData()

# Short strings (names, paths, ids, kinds) compare byte by byte on PostgreSQL too ("C"), as SQLite
# compares text, so that listings sort alike on both whatever the server's locale ("a_b.txt"
# before "ab.txt"). Quotes and texts (Text), a source, and an actor's name keep the database's
# collation, whose case folding `--search`, `--source` and actor look-ups use (ILIKE, lower()).
KEY = String().with_variant(String(collation="C"), "postgresql")


def _text(name: str, *, nullable: bool = False, folded: bool = False, **options) -> Column:
    return Column(name, String if folded else KEY, nullable=nullable, **options)


# Key-value facts about the database itself: `application` marker and `schema_version`.
META = Table("meta", METADATA, _text("key", primary_key=True), _text("value"))

DOCUMENT = Table(
    "document", METADATA,
    Column("id", Integer, primary_key=True),
    _text("name", index=True), _text("path", unique=True), _text("sha256", index=True),
    Column("text", Text, nullable=False),
    *(_text(name, nullable=True) for name in ("title", "author", "publisher", "url", "published")),
    Column("published_inferred", Boolean, nullable=False, default=False),
    _text("warnings", default="[]"),                 # JSON list of strings
    Column("chars", Integer, nullable=False, default=0),
    _text("ingested_at"),                            # ISO 8601 UTC
)

CLAIM = Table(
    "claim", METADATA,
    _text("id", primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False), Column("text", Text, nullable=False),
    _text("kind"), _text("source", index=True, folded=True), _text("source_type"),
    Column("source_start", Integer), Column("source_end", Integer),
    _text("cue", nullable=True), Column("cue_start", Integer), Column("cue_end", Integer),
    _text("certainty"), _text("polarity"), _text("status"), _text("when", nullable=True),
    # `when` as comparable bounds, so --since/--until run in SQL: a range "A/B" overlaps a
    # filter when when_end >= since and when_start <= until. See records.when_bounds.
    _text("when_start", nullable=True), _text("when_end", nullable=True),
    _text("numbers", default="[]"),                  # JSON list of Quantity objects
    Column("paragraph", Integer, nullable=False, default=0),
    Column("sentence", Integer, nullable=False, default=0),
    Column("context_start", Integer), Column("context_end", Integer),
    _text("hedges", default="[]"),                   # JSON list of strings
    Column("denial", Boolean, nullable=False, default=False),
    _text("trace", default="[]"),                    # JSON list of strings
    _text("relay", nullable=True),                   # the outlet carrying the source's words (schema 5)
    Column("score", Float),                          # set by analysis (Assessment)
    Column("grade", Integer),
    Column("explanation", Text),
)

ACTOR = Table("actor", METADATA, Column("id", Integer, primary_key=True), _text("name", unique=True, folded=True),
              _text("type", nullable=True))

ALIAS = Table(
    "alias", METADATA,
    Column("id", Integer, primary_key=True),
    _text("alias", unique=True),                     # lowercased
    Column("actor", String, ForeignKey("actor.name"), nullable=False),
    _text("origin", default="user"),                 # user | auto
)

CLAIM_ACTOR = Table(
    "claim_actor", METADATA,
    Column("claim_id", KEY, ForeignKey("claim.id"), primary_key=True),
    Column("actor", String, ForeignKey("actor.name"), primary_key=True, index=True),
    Column("position", Integer, nullable=False, default=0),   # keeps Claim.actors in the pipeline's order
)

RELATION = Table(
    "relation", METADATA,
    Column("id", Integer, primary_key=True),
    _text("relation"),                               # one of models.RELATIONS, or UNLINK for a suppressed pair
    _text("source_id", index=True), _text("target_id", index=True),
    Column("reason", Text, nullable=False),
    Column("score", Float, nullable=False, default=1.0),
    _text("origin", default="auto"),                 # auto | manual
    _text("created_at"),
)

REVIEW = Table(
    "review", METADATA,
    Column("id", Integer, primary_key=True),
    _text("claim_id", index=True), _text("verdict"), Column("note", Text), _text("by", nullable=True),
    _text("at"),                                     # ISO 8601 UTC
)

# What the analysis keeps of a claim between runs (opaque text written by the analysis).
PROFILE = Table(
    "claim_profile", METADATA,
    Column("claim_id", KEY, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True),
    Column("data", Text, nullable=False),
)

# The analysis' retrieval index, kept: one row per term of a claim (opaque strings written by the
# analysis), so that a look-up reads only the postings of the terms it asks for; removed with the claim.
TERM = Table(
    "claim_term", METADATA,
    _text("term", primary_key=True),
    Column("claim_id", KEY, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# A pair finding of the analysis (models.Finding), kept so later runs need not compare the pair
# again; removed with either claim.
FINDING = Table(
    "finding", METADATA,
    Column("id", Integer, primary_key=True),
    _text("kind"),
    Column("source_id", KEY, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("target_id", KEY, ForeignKey("claim.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("score", Float, nullable=False),
)
