#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback for tests and development.
#   scripts/postgres.sh start   initialise (first time) and start; prints DATABASE_URL
#   scripts/postgres.sh stop    stop it
#   scripts/postgres.sh url     print DATABASE_URL
# Data lives in $TARJOTIN_PG_DIR (default var/postgres); port $TARJOTIN_PG_PORT (54329).
set -euo pipefail
cd "$(dirname "$0")/.."

pg_dir=${TARJOTIN_PG_DIR:-$PWD/var/postgres}
port=${TARJOTIN_PG_PORT:-54329}
bin=/usr/lib/postgresql/15/bin
url="postgres://tarjotin@127.0.0.1:${port}/tarjotin"

as_owner() {
    # PostgreSQL refuses to run as root; as root, run it as the 'postgres' user.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_installed() {
    [ -x "$bin/initdb" ] && return
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    else
        echo "PostgreSQL 15 is missing: sudo apt-get install postgresql-15" >&2
        exit 1
    fi
}

start() {
    ensure_installed
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
    if [ ! -f "$pg_dir/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$pg_dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    fi
    psql_cmd=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [ -z "$("${psql_cmd[@]}" -c "select 1 from pg_roles where rolname='tarjotin'")" ]; then
        "${psql_cmd[@]}" -c "create role tarjotin login superuser"
    fi
    if [ -z "$("${psql_cmd[@]}" -c "select 1 from pg_database where datname='tarjotin'")" ]; then
        "${psql_cmd[@]}" -c "create database tarjotin owner tarjotin"
    fi
    echo "$url"
}

stop() {
    if [ -f "$pg_dir/PG_VERSION" ]; then
        as_owner "$bin/pg_ctl" -D "$pg_dir" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$url" ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
