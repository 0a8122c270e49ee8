"""Full-text index DDL and query building, per backend.

SQLite: an external-content FTS5 table over ``reports.search_body`` kept in step by triggers.
PostgreSQL: a generated ``tsvector`` column (``simple`` configuration: the lemmas are already
computed by sitrep, so no stemming dictionary is wanted) with a GIN index.
"""

from __future__ import annotations

SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS reports_fts USING fts5("
    "search_body, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_ai AFTER INSERT ON reports BEGIN "
    "INSERT INTO reports_fts(rowid, search_body) VALUES (new.id, new.search_body); END",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_ad AFTER DELETE ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, search_body) VALUES ('delete', old.id, old.search_body); END",
    "CREATE TRIGGER IF NOT EXISTS reports_fts_au AFTER UPDATE OF search_body ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, search_body) VALUES ('delete', old.id, old.search_body); "
    "INSERT INTO reports_fts(rowid, search_body) VALUES (new.id, new.search_body); END",
]

POSTGRES_DDL = [
    "ALTER TABLE reports ADD COLUMN IF NOT EXISTS search_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_body)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_reports_search_tsv ON reports USING GIN (search_tsv)",
]


# A query word of at most this many letters that the Russian or Ukrainian dictionary knows gets
# no prefix arm. Its inflected forms are found through its lemma (the index holds each word's
# lemma), and as a prefix it matched mostly other words ("пока" → "показал", "день" →
# "деньги", "про" → "проблема") at the cost of merging the index entries of every word it
# begins: on 1M generated posts "про" took 368 ms of CPU with the arm, 3.6 ms without. Longer
# words keep the arm: it finds their derivatives ("контракт" → "контрактники", "дезертир" →
# "дезертирство", "вагнер" → "вагнеровцы"), costs little, and leaves the ranking as it was.
# Unknown words (names the dictionary lacks, Latin words, cut-off words such as "мобилиз")
# keep it at any length of at least 3.
SHORT_KNOWN_WORD = 4
MIN_PREFIX = 3


def _known_word(word: str) -> bool:
    if not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return False
    from sitrep.enrich.lemmas import _morph  # the process's dictionaries, loaded once

    return bool(_morph("ru").word_is_known(word) or _morph("uk").word_is_known(word))


def prefix_arm(word: str) -> bool:
    """Whether the query word also matches indexed words it begins ("мобилиз" → "мобилизация")."""
    if len(word) < MIN_PREFIX:
        return False
    return len(word) > SHORT_KNOWN_WORD or not _known_word(word)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def sqlite_match(groups: list[set[str]], prefixes: list[str]) -> str:
    """FTS5 MATCH expression: every query word must match one of its lemmas or (see
    ``prefix_arm``) its prefix.

    Each term is a quoted string, so no FTS syntax from user input survives.
    """
    parts = []
    for alts, prefix in zip(groups, prefixes, strict=True):
        options = [_quote(a) for a in sorted(alts)]
        if prefix_arm(prefix):
            options.append(_quote(prefix) + "*")
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def _pg_lexeme(term: str) -> str:
    # to_tsquery syntax: quote as a literal lexeme; ' is doubled inside.
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def postgres_tsquery(groups: list[set[str]], prefixes: list[str]) -> str:
    """to_tsquery('simple', ...) text built from quoted lexemes (never raw user syntax); the same
    terms and prefix arms as ``sqlite_match``."""
    parts = []
    for alts, prefix in zip(groups, prefixes, strict=True):
        options = [_pg_lexeme(a) for a in sorted(alts)]
        if prefix_arm(prefix):
            options.append(_pg_lexeme(prefix) + ":*")
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)
