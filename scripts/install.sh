#!/usr/bin/env bash
# Install everything Tarjotin needs into .venv: pinned Python packages, and the
# compiled interface translations. Safe to run again; fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin=$(command -v python3.11 || command -v python3)
if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    echo "Tarjotin needs Python 3.11; found $("$python_bin" --version)." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    "$python_bin" -m venv .venv
fi
stamp=.venv/.requirements.lock.installed
if ! cmp -s requirements.lock "$stamp" 2>/dev/null; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
    cp requirements.lock "$stamp"
fi

# Finnish search analysis needs Voikko: Debian's library and its Finnish dictionary
# (the Python package 'libvoikko' only wraps the library); Swedish and English compounds are
# split against Debian's Hunspell word lists (search/compounds.py). The referral list's PDF
# (WeasyPrint) needs Pango and HarfBuzz's subsetter, and DejaVu fonts (they cover Arabic).
system_missing=""
for package in libvoikko1 voikko-fi hunspell-sv hunspell-en-us libpango-1.0-0 \
    libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
    case "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" in
        *"ok installed") ;;
        *) system_missing="$system_missing $package" ;;
    esac
done
if [ -n "$system_missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $system_missing >/dev/null
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $system_missing >/dev/null
    else
        echo "System packages are missing: sudo apt-get install$system_missing" >&2
        exit 1
    fi
fi

# gettext's msgfmt compiles the .po catalogues; Debian ships it as 'gettext'.
if ! command -v msgfmt >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq gettext >/dev/null
    else
        echo "msgfmt is missing: install Debian's 'gettext' package (sudo apt-get install gettext)." >&2
        exit 1
    fi
fi
.venv/bin/python manage.py compilemessages --ignore=.venv --verbosity 0
