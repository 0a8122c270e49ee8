"""sitrep: collect, preserve, extract, deduplicate, review and publish reports about soldiers.

The spine is :mod:`sitrep.pipeline`; every entry point (CLI, watcher, workers, tests) goes
through it.
"""

__version__ = "0.1.0"
