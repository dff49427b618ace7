#!/usr/bin/env bash
# bash scripts/backup.sh DIR: see README, *Backup and restore*.
# DATABASE_URL and MEDIA_ROOT or MEDIA_STORAGE_URL (parsed in cms/env.py) say what to back up.
# A relative DIR is taken from the current folder.
set -euo pipefail
umask 077  # a backup holds password hashes and email addresses
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/.venv/bin/python" "$root/manage.py" backup "$@"
