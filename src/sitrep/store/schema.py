"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Alembic migrations in ``store/migrations`` create them; this module is the reference the
query functions use. Full-text search lives beside the tables: an FTS5 table ``reports_fts``
on SQLite and a ``search_tsv`` tsvector column with a GIN index on PostgreSQL (both created
by the migrations, see ``store/fts.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# A channel or a web site. Collection health lives here too.
sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("handle", String(512), nullable=False),
    Column("title", Text),
    Column("language", String(8)),
    Column("cursor", String(128)),  # last seen message id (watcher) or feed state
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("kind", "handle", name="uq_sources_kind_handle"),
)

# Every raw item exactly as fetched, content-addressed. Never updated, never deleted.
raw_items = Table(
    "raw_items",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("media_type", String(128), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("origin", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("external_id", String(1024)),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)

# Archived media files (the bytes live in data_dir/archive/<aa>/<sha256>).
media_files = Table(
    "media_files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("file_name", Text),
    Column("mime_type", String(128)),
    Column("path", Text, nullable=False),
    Column("archived_at", DateTime(timezone=True), nullable=False),
)

# One post or article. Its current text is the newest version; older ones are in report_versions.
reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("external_id", String(1024), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published_at", DateTime(timezone=True)),
    Column("edited_at", DateTime(timezone=True)),
    Column("forwarded_from", Text),
    Column("forwarded_from_id", String(128)),
    Column("reply_to", String(128)),
    Column("views", BigInteger),
    Column("media", JSON),
    Column("entities", JSON),
    Column("lang", String(8)),
    Column("text", Text, nullable=False),
    Column("norm_text", Text, nullable=False),
    Column("search_body", Text, nullable=False),  # lemmas + surface forms, what FTS indexes
    Column("raw_sha256", String(64), ForeignKey("raw_items.sha256"), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True)),  # noticed missing (watcher); the copy is kept
    Column("dup_of", Integer),  # near-duplicate group representative (dedup stage)
    # The version the extractor last read: reports where it differs from `version` are pending,
    # so a run killed between storing and extracting picks them up again.
    Column("extracted_version", Integer),
    UniqueConstraint("source_id", "external_id", name="uq_reports_source_external"),
)
Index("ix_reports_published_at", reports.c.published_at)
Index("ix_reports_raw_sha256", reports.c.raw_sha256)

# Every version of a report's text, oldest first (version 1 is the first one seen).
report_versions = Table(
    "report_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("raw_sha256", String(64), ForeignKey("raw_items.sha256"), nullable=False),
    Column("text", Text, nullable=False),
    Column("edited_at", DateTime(timezone=True)),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("report_id", "version", name="uq_report_versions_report_version"),
)

# Items that could not be read: where, which stage, why.
failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("position", String(256), nullable=False),
    Column("stage", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw_sha256", String(64)),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
    Column("count", Integer, nullable=False, default=1),
    Column("key", String(64), nullable=False, unique=True),  # sha256(origin, position, stage, reason)
)

# Codebook events, merged across reports.
events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", String(32), nullable=False),
    Column("grievances", JSON, nullable=False),
    Column("event_date", String(10)),
    Column("date_precision", String(8)),
    Column("units", JSON, nullable=False),
    Column("places", JSON, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", Text),
    Column("people_count", Integer),
    Column("count_low", Integer),
    Column("count_best", Integer),
    Column("count_high", Integer),
    Column("count_precision", String(16)),
    Column("via", Text),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("status", String(16), nullable=False, default="new"),  # new confirmed rejected merged
    Column("codebook_version", String(32), nullable=False),
    Column("merged_into", String(32)),
    Column("first_report_id", Integer, ForeignKey("reports.id")),
    Column("first_published_at", DateTime(timezone=True)),
    Column("locked", Boolean, nullable=False, default=False),  # an analyst decided: reruns keep it
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_events_status", events.c.status)
Index("ix_events_event_date", events.c.event_date)

# Event <-> report, with the evidence spans and the candidate as read from that report.
mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False),
    Column("candidate_index", Integer, nullable=False),
    Column("is_first_source", Boolean, nullable=False, default=False),
    Column("candidate", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("people_count", Integer),
    Column("report_version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("report_id", "candidate_index", name="uq_mentions_report_candidate"),
)
Index("ix_mentions_event_id", mentions.c.event_id)

# Facet values of an event (type, grievance, unit, place, ...) for counted filters.
event_facets = Table(
    "event_facets",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("facet", String(32), nullable=False),
    Column("value", String(512), nullable=False),
    UniqueConstraint("event_id", "facet", "value", name="uq_event_facets_all"),
)
Index("ix_event_facets_facet_value", event_facets.c.facet, event_facets.c.value)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(128), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # viewer analyst admin
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True)),
)

# Every change to an event, by whom, before and after.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(32), nullable=False),
    Column("actor", String(128), nullable=False),  # username, or "pipeline"
    Column("action", String(32), nullable=False),  # create update confirm reject merge split correction
    Column("field", String(64)),
    Column("before", JSON),
    Column("after", JSON),
    Column("note", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_audit_log_event_id", audit_log.c.event_id)

# Corrections suggested by readers (or analysts), and their review decision.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("field", String(64)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("quote", Text, nullable=False),
    Column("comment", Text),
    Column("client_key", String(64)),  # hashed client address, for rate limits
    Column("submitted_by", String(128)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False, default="pending"),  # pending accepted rejected
    Column("decided_by", String(128)),
    Column("decided_at", DateTime(timezone=True)),
    Column("audit_id", Integer),
)
Index("ix_corrections_status", corrections.c.status)

# Ingest runs: what was given, when, the summary.
ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),
    Column("summary", JSON),
)

# --- continuous collection (sitrep.watch; migration 0002_watch) ---------------------------------

# Resolved Telegram channels, so a restart does not resolve every username again (resolving is
# rate-limited hard by Telegram). No secret here: ids and access hashes are per-account handles.
telegram_peers = Table(
    "telegram_peers",
    metadata,
    Column("handle", String(256), primary_key=True),  # username (lower case) or numeric id as typed
    Column("channel_id", BigInteger, nullable=False),
    Column("access_hash", BigInteger),
    Column("username", String(256)),
    Column("title", Text),
    Column("resolved_at", DateTime(timezone=True), nullable=False),
)
Index("ix_telegram_peers_channel_id", telegram_peers.c.channel_id)

# Conditional-request state of every URL the feed poller fetches (feeds and articles).
http_state = Table(
    "http_state",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", String(512)),
    Column("last_modified", String(128)),
    Column("entry_updated", String(64)),  # the feed entry's updated/published stamp last seen
    Column("content_sha256", String(64)),
    Column("checked_at", DateTime(timezone=True), nullable=False),
    Column("status", Integer),
)

# Saved alert rules: a query and codebook filters, and where to send matches.
alert_rules = Table(
    "alert_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(256), nullable=False, unique=True),
    Column("on_kind", String(16), nullable=False),  # "report" or "event"
    Column("query", Text),
    Column("filters", JSON, nullable=False),  # {"event_type", "grievance", "unit", "place", "channel"}
    Column("webhook_url", Text),
    Column("telegram_chat_id", String(128)),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Items created at or before this are never alerted (no flood of old matches on creation).
    Column("watermark_at", DateTime(timezone=True), nullable=False),
)

# One row per (rule, item, channel): the unique key makes every alert go out once.
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rule_id", Integer, ForeignKey("alert_rules.id"), nullable=False),
    Column("item_kind", String(16), nullable=False),  # report, event
    Column("item_id", String(64), nullable=False),
    Column("channel", String(16), nullable=False),  # webhook, telegram
    Column("status", String(16), nullable=False),  # pending sent failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    UniqueConstraint("rule_id", "item_kind", "item_id", "channel", name="uq_alert_deliveries_key"),
)
Index("ix_alert_deliveries_status", alert_deliveries.c.status)

# Extraction results waiting for the merge (team mode on PostgreSQL, see store/claims.py): workers
# extract claimed batches in parallel and stage them here; one merger applies them in id order.
extraction_staging = Table(
    "extraction_staging",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),  # the report version that was read
    Column("codebook_version", String(32), nullable=False),
    Column("result", JSON),  # the Extraction as JSON; null: nothing extracted (extractor off or failed)
    Column("staged_at", DateTime(timezone=True), nullable=False),
)
# Album members that are not the album's key message (an album is one report keyed by its
# captioned message): `sitrep sources` does not count their ids as missing.
telegram_album_ids = Table(
    "telegram_album_ids",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id"), primary_key=True, autoincrement=False),
    Column("message_id", BigInteger, primary_key=True, autoincrement=False),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False),
)
_pending = reports.c.extracted_version.is_(None) | (reports.c.extracted_version != reports.c.version)
Index("ix_reports_pending", reports.c.id, postgresql_where=_pending, sqlite_where=_pending)

# -- dedup (issue 4): persistent indexes for incremental near-duplicate and event lookup -----
# Keys of a report: its MinHash LSH bands, canonical article URL and Telegram post address
# (64-bit hashes, see dedup/neardup.py). "Which stored reports may repeat this one?" is one
# indexed lookup on `key`, whatever the number of reports stored.
# On SQLite a WITHOUT ROWID table: the rows are the (key, report_id) B-tree itself, so a lookup
# reads one contiguous range and the table is half the size (16 rows per report).
dedup_keys = Table(
    "dedup_keys",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)
# Each report's own keys, as one row (migration 0005): relinking a report (a new version) reads
# and deletes its old rows in ``dedup_keys`` by primary key from this list, so ``dedup_keys``
# needs no second index on report_id — one B-tree entry fewer for each of its ~17 rows per
# report (0.45 of 1.9 CPU-s of key writes on the 22k-post stream). Space-separated signed
# integers; a report without keys has no row.
report_key_lists = Table(
    "report_key_lists",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True, autoincrement=False),
    Column("keys", Text, nullable=False),
)

# How a report relates to an earlier one: "dup" (near-duplicate text or same article URL),
# "forward" (a Telegram forward of that post). Gives the repost/forward chain of an event.
report_links = Table(
    "report_links",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True, autoincrement=False),
    Column("kind", String(16), primary_key=True),
    Column("target_id", Integer, ForeignKey("reports.id"), nullable=False),
    Column("score", Float),
)
Index("ix_report_links_target_id", report_links.c.target_id)

# Lookup keys of an event (event type + unit number / unit name / place), see dedup/merge.py,
# with the days the event spans (date.toordinal() of its earliest / latest event date or
# publication): a new candidate looks only at events within the merge window of its own days,
# through the covering index (key, day_hi, day_lo, event_id).
event_keys = Table(
    "event_keys",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("day_lo", Integer, nullable=False),
    Column("day_hi", Integer, nullable=False),
)
Index("ix_event_keys_event_id", event_keys.c.event_id)
Index("ix_event_keys_window", event_keys.c.key, event_keys.c.day_hi, event_keys.c.day_lo, event_keys.c.event_id)
# Members of a near-duplicate group (reports.dup_of is written by the dedup stage).
Index("ix_reports_dup_of", reports.c.dup_of)
# Optional text embeddings of relevant reports (settings.dedup_embeddings; dedup/embed.py):
# float16 bytes, the cross-language evidence of the merge rules.
report_vectors = Table(
    "report_vectors",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id"), primary_key=True, autoincrement=False),
    Column("vector", LargeBinary, nullable=False),
)

# -- web reads (area: web performance) --------------------------------------------------------
# Event pages list the events merged into this one and the corrections about it: without these
# indexes both scanned their whole table on every page view. The related-events lookup reads
# event ids per (facet, value) from the index alone.
Index("ix_events_merged_into", events.c.merged_into)
Index("ix_corrections_event_id", corrections.c.event_id)
Index("ix_event_facets_value_event", event_facets.c.facet, event_facets.c.value, event_facets.c.event_id)
