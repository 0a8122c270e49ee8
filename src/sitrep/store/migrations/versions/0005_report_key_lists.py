"""dedup: each report's own keys in one row (report_key_lists); dedup_keys loses its report_id index

Revision ID: 0005_report_key_lists
Revises: 0004_dedup
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_report_key_lists"
down_revision = "0004_dedup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_key_lists",
        sa.Column("report_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_report_key_lists_report_id_reports")),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_key_lists")),
    )
    # The lists of the reports already linked, read through the index before it goes.
    if op.get_bind().dialect.name == "postgresql":
        listed = "string_agg(key::text, ' ' ORDER BY key)"
    else:
        listed = "group_concat(key, ' ')"
    op.execute(
        f"INSERT INTO report_key_lists (report_id, keys) SELECT report_id, {listed} FROM dedup_keys GROUP BY report_id"
    )
    op.drop_index("ix_dedup_keys_report_id", table_name="dedup_keys")


def downgrade() -> None:
    op.create_index("ix_dedup_keys_report_id", "dedup_keys", ["report_id"])
    op.drop_table("report_key_lists")
