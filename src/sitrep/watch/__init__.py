"""Continuous collection: channels and sites in → posts through the spine, alerts and queued work out.

- ``telegram``: Telethon watcher (backfill to a date, then live new posts, edits, deletions) behind a
  small client seam, so tests drive it with real Telethon ``Message`` objects and no network;
- ``feeds``: RSS/Atom feeds, sitemaps and URL lists polled politely (robots.txt, per-host rate limit,
  ETag/Last-Modified), article edits kept as versions;
- ``alerts``: saved rules notifying on new matching reports or events (webhook, Telegram bot), each
  alert sent once;
- ``queue``: procrastinate tasks on PostgreSQL so many ``sitrep worker`` processes share the work.

Everything collected goes through ``sitrep.pipeline.ingest_posts``; channel health goes to ``sources``.
"""
