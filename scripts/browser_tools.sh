#!/usr/bin/env bash
# Sourced by the scripts that drive a browser (e2e.sh, lighthouse.sh): Debian's Chromium in
# $CHROMIUM (Playwright's and Lighthouse's own browser downloads are not possible here), and
# `npm_tools FOLDER` installs the npm packages FOLDER/package-lock.json pins, once per lock.

as_admin() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else echo "Needs root: $*" >&2; exit 1
    fi
}

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
    as_admin apt-get update -qq
    as_admin env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

npm_tools() {
    local stamp=$1/node_modules/.installed-lock
    if ! cmp -s "$1/package-lock.json" "$stamp" 2>/dev/null; then
        (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$1/package-lock.json" "$stamp"
    fi
}
