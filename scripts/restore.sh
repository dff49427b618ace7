#!/usr/bin/env bash
# bash scripts/restore.sh DIR [--force]: see README, *Backup and restore*.
# DATABASE_URL and MEDIA_ROOT or MEDIA_STORAGE_URL (parsed in cms/env.py) say what to restore.
# A relative DIR is taken from the current folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/.venv/bin/python" "$root/manage.py" restore "$@"
