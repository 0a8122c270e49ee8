"""Store: reports, raw items, events and their history in SQLite or PostgreSQL.

Input: enriched ``Report`` objects, ``Failure`` records, event rows. Output: named query
functions for the CLI and web app. Knows nothing of the web, CLI or sources.
"""

from sitrep.store.sql import SaveOutcome, Store, open_store

__all__ = ["Store", "SaveOutcome", "open_store"]
