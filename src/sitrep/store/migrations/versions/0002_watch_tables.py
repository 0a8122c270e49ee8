"""watch: resolved Telegram peers, HTTP conditional-request state, alert rules and deliveries,
extraction staging (team mode), album member ids, the pending-reports index

Revision ID: 0002_watch
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_watch"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_peers",
        sa.Column("handle", sa.String(length=256), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("access_hash", sa.BigInteger(), nullable=True),
        sa.Column("username", sa.String(length=256), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("handle", name=op.f("pk_telegram_peers")),
    )
    op.create_index("ix_telegram_peers_channel_id", "telegram_peers", ["channel_id"])
    op.create_table(
        "http_state",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("etag", sa.String(length=512), nullable=True),
        sa.Column("last_modified", sa.String(length=128), nullable=True),
        sa.Column("entry_updated", sa.String(length=64), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_http_state")),
    )
    op.create_table(
        "alert_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("on_kind", sa.String(length=16), nullable=False),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("webhook_url", sa.Text(), nullable=True),
        sa.Column("telegram_chat_id", sa.String(length=128), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("watermark_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_rules")),
        sa.UniqueConstraint("name", name=op.f("uq_alert_rules_name")),
    )
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["rule_id"], ["alert_rules.id"], name=op.f("fk_alert_deliveries_rule_id_alert_rules")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_deliveries")),
        sa.UniqueConstraint("rule_id", "item_kind", "item_id", "channel", name="uq_alert_deliveries_key"),
    )
    op.create_index("ix_alert_deliveries_status", "alert_deliveries", ["status"])
    op.create_table(
        "extraction_staging",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("codebook_version", sa.String(length=32), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("staged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_extraction_staging_report_id_reports")),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_extraction_staging")),
    )
    op.create_table(
        "telegram_album_ids",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_telegram_album_ids_source_id_sources")),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_telegram_album_ids_report_id_reports")),
        sa.PrimaryKeyConstraint("source_id", "message_id", name=op.f("pk_telegram_album_ids")),
    )
    # Pending reports (extraction behind the current version) are found by a partial index, so the
    # claim and merge queries stay cheap however many extracted reports the store holds.
    pending = sa.text("extracted_version IS NULL OR extracted_version != version")
    op.create_index("ix_reports_pending", "reports", ["id"], postgresql_where=pending, sqlite_where=pending)


def downgrade() -> None:
    op.drop_index("ix_reports_pending", table_name="reports")
    op.drop_table("telegram_album_ids")
    op.drop_table("extraction_staging")
    op.drop_index("ix_alert_deliveries_status", table_name="alert_deliveries")
    op.drop_table("alert_deliveries")
    op.drop_table("alert_rules")
    op.drop_table("http_state")
    op.drop_index("ix_telegram_peers_channel_id", table_name="telegram_peers")
    op.drop_table("telegram_peers")
