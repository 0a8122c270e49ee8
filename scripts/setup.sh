#!/usr/bin/env bash
# Set up sitrep on a fresh machine: system packages (Chromium for the browser tests), a virtual
# environment in .venv with sitrep and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
"$PY" -c 'import sys; assert sys.version_info >= (3, 11), "sitrep needs Python 3.11 or newer"'

# Debian's chromium drives the browser tests (Playwright is given its path; no browser download).
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing chromium (browser tests)..."
  $SUDO apt-get update -qq || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || echo "warning: could not install chromium; browser tests will be skipped (fail under CI=true)"
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade "pip>=24" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import sitrep, sqlalchemy, trafilatura, natasha, lingua" \
  || { echo "error: the installation is incomplete; rerun scripts/setup.sh and read pip's output"; exit 1; }
echo "sitrep is installed in .venv (run .venv/bin/sitrep --help)"
