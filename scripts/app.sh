#!/usr/bin/env bash
# One command: install what is missing, then start Autograd Lab on the lesson example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec "${PYTHON:-python3}" scripts/serve.py "$@"
