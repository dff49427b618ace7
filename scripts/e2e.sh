#!/usr/bin/env bash
# End-to-end journeys and accessibility checks in a real browser: install everything
# (Python packages, Debian's Chromium, axe-core from npm, PostgreSQL), then run
# tests/e2e against the site served by gunicorn from a PostgreSQL test database.
# Extra arguments go to pytest. Screenshots and logs land in $E2E_OUTPUT
# (default test-output/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

as_admin() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else echo "Needs root: $*" >&2; exit 1
    fi
}

# Debian's Chromium: Playwright drives it (its own browser downloads are not possible here).
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    as_admin apt-get update -qq
    as_admin env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# axe-core, injected into pages by the accessibility tests.
stamp=tests/e2e/node_modules/.installed-lock
if ! cmp -s tests/e2e/package-lock.json "$stamp" 2>/dev/null; then
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/e2e/package-lock.json "$stamp"
fi

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
DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=collectstatic-only \
    .venv/bin/python manage.py collectstatic --noinput --verbosity 0

# Without arguments: everything under tests/e2e; otherwise what they select (files, -k …).
[ $# -gt 0 ] || set -- tests/e2e
.venv/bin/python -m pytest -m e2e "$@"
