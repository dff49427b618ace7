#!/usr/bin/env bash
# Install everything and run the test suite. Extra arguments go to pytest.
# DATABASE_URL selects the database (SQLite by default; see scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m pytest "$@"
