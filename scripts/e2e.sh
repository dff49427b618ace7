#!/usr/bin/env bash
# End-to-end journeys and accessibility checks in a real browser: install everything
# (Python packages, Debian's Chromium, axe-core from npm, PostgreSQL), then run
# tests/e2e against the site served by gunicorn from a PostgreSQL test database.
# Extra arguments go to pytest. Screenshots and logs land in $E2E_OUTPUT
# (default test-output/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

# Debian's Chromium, which Playwright drives, and axe-core, injected into pages by the
# accessibility tests.
source scripts/browser_tools.sh
npm_tools tests/e2e

# PostgreSQL, unless DATABASE_URL already names one.
case "${DATABASE_URL:-}" in
    postgres://*|postgresql://*) ;;
    *) DATABASE_URL=$(bash scripts/postgres.sh start); export DATABASE_URL ;;
esac

export E2E_OUTPUT=${E2E_OUTPUT:-$PWD/test-output/e2e}
mkdir -p "$E2E_OUTPUT"
# Uploaded files: shared by the test process and the server, new for every run.
MEDIA_ROOT=$(mktemp -d)
export MEDIA_ROOT
trap 'rm -rf "$MEDIA_ROOT"' EXIT

# The server runs the production settings, so static files come from collectstatic.
bash scripts/collect_static.sh

# Without arguments: everything under tests/e2e; otherwise what they select (files, -k …).
[ $# -gt 0 ] || set -- tests/e2e
# The Lighthouse scores have a script of their own (scripts/lighthouse.sh).
.venv/bin/python -m pytest -m "e2e and not lighthouse" "$@"
