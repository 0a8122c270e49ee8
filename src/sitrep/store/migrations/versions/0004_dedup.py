"""dedup: near-duplicate keys of reports, report links (dup/forward), event lookup keys + day window,
optional report text vectors

Revision ID: 0004_dedup
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_dedup"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dedup_keys",
        sa.Column("key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("report_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_dedup_keys_report_id_reports")),
        sa.PrimaryKeyConstraint("key", "report_id", name=op.f("pk_dedup_keys")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_dedup_keys_report_id", "dedup_keys", ["report_id"])
    op.create_table(
        "report_links",
        sa.Column("report_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_report_links_report_id_reports")),
        sa.ForeignKeyConstraint(["target_id"], ["reports.id"], name=op.f("fk_report_links_target_id_reports")),
        sa.PrimaryKeyConstraint("report_id", "kind", name=op.f("pk_report_links")),
    )
    op.create_index("ix_report_links_target_id", "report_links", ["target_id"])
    op.create_table(
        "event_keys",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("day_lo", sa.Integer(), nullable=False),
        sa.Column("day_hi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_keys_event_id_events")),
        sa.PrimaryKeyConstraint("key", "event_id", name=op.f("pk_event_keys")),
    )
    op.create_index("ix_event_keys_event_id", "event_keys", ["event_id"])
    op.create_index("ix_event_keys_window", "event_keys", ["key", "day_hi", "day_lo", "event_id"])
    op.create_index("ix_reports_dup_of", "reports", ["dup_of"])
    op.create_table(
        "report_vectors",
        sa.Column("report_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_report_vectors_report_id_reports")),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_vectors")),
    )


def downgrade() -> None:
    op.drop_table("report_vectors")
    op.drop_index("ix_reports_dup_of", table_name="reports")
    op.drop_index("ix_event_keys_window", table_name="event_keys")
    op.drop_index("ix_event_keys_event_id", table_name="event_keys")
    op.drop_table("event_keys")
    op.drop_index("ix_report_links_target_id", table_name="report_links")
    op.drop_table("report_links")
    op.drop_index("ix_dedup_keys_report_id", table_name="dedup_keys")
    op.drop_table("dedup_keys")
