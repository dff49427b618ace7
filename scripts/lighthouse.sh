#!/usr/bin/env bash
# Lighthouse's scores of every public page type in Finnish and Arabic (tests/e2e/test_lighthouse.py):
# installs Lighthouse (pinned in tests/lighthouse/package-lock.json), then runs that test the way
# scripts/e2e.sh runs the end-to-end tests (gunicorn with the production settings, the demo on
# PostgreSQL). Reports land in $LIGHTHOUSE_OUTPUT (default test-output/lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/browser_tools.sh
npm_tools tests/lighthouse
export LIGHTHOUSE_OUTPUT=${LIGHTHOUSE_OUTPUT:-$PWD/test-output/lighthouse}
rm -rf "$LIGHTHOUSE_OUTPUT"
exec bash scripts/e2e.sh -m lighthouse tests/e2e/test_lighthouse.py "$@"
