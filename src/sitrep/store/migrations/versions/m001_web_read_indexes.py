"""web reads: indexes for event pages (merged events, corrections) and related-event lookups

Revision ID: m001_web_read_indexes
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "m001_web_read_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_merged_into", "events", ["merged_into"])
    op.create_index("ix_corrections_event_id", "corrections", ["event_id"])
    op.create_index("ix_event_facets_value_event", "event_facets", ["facet", "value", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_facets_value_event", table_name="event_facets")
    op.drop_index("ix_corrections_event_id", table_name="corrections")
    op.drop_index("ix_events_merged_into", table_name="events")
