#!/usr/bin/env bash
# One command: install what is missing (Python packages, graphviz, chromium, a CJK font), then run
# every test: lint, core unit tests, Streamlit AppTest tests and real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
python="${PYTHON:-python3}"
echo "test: ruff"
"$python" -m ruff check .
echo "test: pytest"
mkdir -p test-artifacts
# Test files run in parallel, one process per core (a file's tests stay together). Each process
# serves the app once and starts one Chromium for its browser-test files, and runs the longest files
# first (tests/conftest.py), so both processes finish together.
exec "$python" -m pytest -n "${PYTEST_WORKERS:-auto}" --dist loadfile "$@"
