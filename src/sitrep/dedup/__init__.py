"""Dedup: reports and their event candidates → near-duplicate groups and merged events.

Input: enriched ``Report`` objects and the extractor's ``Extraction`` for each. Output:
near-duplicate keys (``neardup``), canonical article URLs (``urls``), the same-event rules
(``merge``) and, for a batch, event ids per report (``cluster_documents``). Pure: the store's
incremental path (``store.events``) uses the same keys and rules over SQL.
"""

from sitrep.dedup.cluster import cluster_documents, event_id_for, report_key
from sitrep.dedup.urls import canonical_url

__all__ = ["canonical_url", "cluster_documents", "event_id_for", "report_key"]
