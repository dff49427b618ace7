#!/usr/bin/env bash
# The static files for the production settings (WhiteNoise serves them from var/static, by the
# names of their hashed copies): scripts/e2e.sh and scripts/production.sh run this.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=${SECRET_KEY:-collectstatic-only} \
    .venv/bin/python manage.py collectstatic --noinput --verbosity 0
