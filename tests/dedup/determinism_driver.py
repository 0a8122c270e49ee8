"""Subprocess driver for ``test_determinism``: steps 5–6 over a store, optionally killed midway.

Usage: ``python determinism_driver.py DB_URL BATCH_SIZE DIE_AFTER``. Runs
``pipeline.process_pending`` with the codebook extractor; with ``DIE_AFTER`` > 0 the process
ends with ``os._exit`` (no commit, no cleanup: what SIGKILL does) when the merge reaches its
``DIE_AFTER``-th report, usually in the middle of a batch's transaction.
"""

from __future__ import annotations

import os
import sys

from sitrep.pipeline import process_pending
from sitrep.settings import load_settings
from sitrep.store import events as store_events
from sitrep.store import open_store


def main() -> None:
    url, batch_size, die_after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    settings = load_settings(batch_size=batch_size)
    if die_after > 0:
        real = store_events.store_extraction
        calls = [0]

        def dying(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[0] += 1
            if calls[0] >= die_after:
                os._exit(9)
            return real(*args, **kwargs)

        store_events.store_extraction = dying  # type: ignore[assignment]
    process_pending(settings, open_store(url))


if __name__ == "__main__":
    main()
