#!/usr/bin/env bash
# Install, migrate, load the demo content, make sure an admin account exists and
# serve the site on http://127.0.0.1:${PORT:-8000}/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
export BASE_URL=${BASE_URL:-http://127.0.0.1:${PORT:-8000}}
.venv/bin/python manage.py migrate --verbosity 0
.venv/bin/python manage.py load_demo
.venv/bin/python manage.py ensure_admin
exec .venv/bin/python manage.py runserver "127.0.0.1:${PORT:-8000}"
