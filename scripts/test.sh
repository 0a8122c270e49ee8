#!/usr/bin/env bash
# Run sitrep's checks: ruff, mypy and the test suite (PostgreSQL and Chromium tests included
# when the services are present; under CI=true their absence is a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/pytest ] || ./scripts/setup.sh
.venv/bin/ruff check src tests bench scripts
.venv/bin/ruff format --check src tests bench scripts
.venv/bin/mypy
# pytest exits 5 when it collects no tests: set -e makes that a failure, never a silent pass.
.venv/bin/pytest -q "$@"
