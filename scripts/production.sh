#!/usr/bin/env bash
# A production-like stack on one machine, on loopback: Varnish (scripts/varnish/tarjotin.vcl) in
# front of gunicorn (production settings, WhiteNoise for static files), Redis as the shared cache,
# PostgreSQL, the task worker (manage.py db_worker, TASKS_BACKEND=database), OpenSearch when
# SEARCH_URL=local, and an S3-compatible bucket for uploads (scripts/s3.sh) when
# MEDIA_STORAGE_URL=local. The README's "Production" section describes each part.
#   scripts/production.sh start    install what is missing, migrate, load the demo (first time)
#                                  and start everything; prints the site's URL
#   scripts/production.sh stop     stop what start started
#   scripts/production.sh status   what /healthz and /readyz answer through Varnish
#   scripts/production.sh manage …  a manage.py command with the stack's settings
#   scripts/production.sh python …  a Python script with the stack's settings (bench/load.py)
#   scripts/production.sh restart web|worker|redis
#                                  one gunicorn worker process (its master starts another), the
#                                  task worker, or the stack's own Redis (keeping its data)
# DATABASE_URL, CACHE_URL, SEARCH_URL and MEDIA_STORAGE_URL naming servers of their own are used
# as they are.
# Ports: $TARJOTIN_CACHE_PORT (Varnish, 6081), $TARJOTIN_APP_PORT (gunicorn, 8001); gunicorn runs
# $TARJOTIN_WORKERS processes (2). Pids, logs and the secret key live in
# $TARJOTIN_PRODUCTION_DIR (default var/production).
set -euo pipefail
cd "$(dirname "$0")/.."

state=${TARJOTIN_PRODUCTION_DIR:-$PWD/var/production}
cache_port=${TARJOTIN_CACHE_PORT:-6081}
app_port=${TARJOTIN_APP_PORT:-8001}
workers=${TARJOTIN_WORKERS:-2}
url="http://127.0.0.1:${cache_port}"

install_varnish() {
    command -v varnishd >/dev/null && return
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
    else
        echo "Varnish is missing: sudo apt-get install varnish" >&2
        exit 1
    fi
}

# The servers this stack starts itself are recorded in $state/started, so that stop leaves
# the others alone. A server that does not start stops the script (set -e): never a silent
# fallback to the media folder or the database search.
started() { was_started "$1" || echo "$1" >>"$state/started"; }
# A server the stack started with "local" is used again by restart, manage and python.
was_started() { grep -qx "$1" "$state/started" 2>/dev/null; }

environment() {
    mkdir -p "$state"
    export DJANGO_SETTINGS_MODULE=cms.settings.production
    if [ -z "${DATABASE_URL:-}" ]; then
        DATABASE_URL=$(bash scripts/postgres.sh start)
        started postgres
    fi
    if [ -z "${CACHE_URL:-}" ]; then
        CACHE_URL=$(bash scripts/redis.sh start)
        started redis
    fi
    if [ "${SEARCH_URL:-}" = local ] || { [ -z "${SEARCH_URL:-}" ] && was_started opensearch; }; then
        SEARCH_URL=$(bash scripts/opensearch.sh start)
        started opensearch
    fi
    if [ "${MEDIA_STORAGE_URL:-}" = local ] || { [ -z "${MEDIA_STORAGE_URL:-}" ] && was_started s3; }; then
        export TARJOTIN_S3_DIR=${TARJOTIN_S3_DIR:-$state/s3}
        MEDIA_STORAGE_URL=$(bash scripts/s3.sh start)
        started s3
    fi
    [ -s "$state/secret_key" ] || .venv/bin/python -c \
        "import secrets; print(secrets.token_urlsafe(50))" >"$state/secret_key"
    SECRET_KEY=${SECRET_KEY:-$(cat "$state/secret_key")}
    export DATABASE_URL CACHE_URL SEARCH_URL MEDIA_STORAGE_URL SECRET_KEY
    export FRONTEND_CACHE_URL=${FRONTEND_CACHE_URL:-$url}
    # Uploads' text, previews and index updates wait for the worker, not in the request.
    export TASKS_BACKEND=${TASKS_BACKEND:-database}
    export BASE_URL=${BASE_URL:-$url}
    export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
    # Varnish passes the visitor's address in X-Forwarded-For (login and comment rate limits).
    export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
    # Plain http on loopback: TLS ends in front of Varnish on a real server.
    export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
    export SECURE_COOKIES=${SECURE_COOKIES:-false}
    export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0}
}

wait_for() {
    for _ in $(seq 120); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return
        sleep 0.5
    done
    echo "$2 did not answer $1; see $state" >&2
    exit 1
}

# The task worker (django-tasks-db), as its own process.
start_worker() {
    nohup .venv/bin/python manage.py db_worker >>"$state/worker.log" 2>&1 &
    echo $! >"$state/worker.pid"
}

start() {
    install_varnish
    mkdir -p "$state"
    : >"$state/started"
    (  # install.sh reads the settings, and a "local" server is started only below
        [ "${SEARCH_URL:-}" = local ] && unset SEARCH_URL
        [ "${MEDIA_STORAGE_URL:-}" = local ] && unset MEDIA_STORAGE_URL
        bash scripts/install.sh
    )
    environment
    .venv/bin/python manage.py migrate --verbosity 0
    # The demo content (its app is in the development settings only), once, whole (its files'
    # text read) before the stack answers; nothing is cached yet, so nothing is purged.
    if [ ! -f "$state/demo-loaded" ]; then
        DJANGO_SETTINGS_MODULE=cms.settings.dev FRONTEND_CACHE_URL='' TASKS_BACKEND=immediate \
            .venv/bin/python manage.py load_demo && touch "$state/demo-loaded"
    fi
    bash scripts/collect_static.sh

    .venv/bin/python -m gunicorn cms.wsgi_media --bind "127.0.0.1:$app_port" \
        --workers "$workers" --threads 4 --timeout 120 --daemon --pid "$state/gunicorn.pid" \
        --access-logfile "$state/gunicorn-access.log" --error-logfile "$state/gunicorn.log"
    wait_for "http://127.0.0.1:$app_port/healthz" gunicorn

    start_worker

    sed "s/\.port = \"8000\";/.port = \"$app_port\";/" scripts/varnish/tarjotin.vcl >"$state/tarjotin.vcl"
    # -j none: no privilege separation, so that the working folder may stay under var/.
    varnishd -j none -a "127.0.0.1:$cache_port" -f "$state/tarjotin.vcl" -n "$state/varnish" \
        -P "$state/varnish.pid" -s malloc,256m
    wait_for "$url/readyz" "The stack (database, cache, storage, worker)"
    echo "$url"
}

stop_pid() {
    local pidfile=$state/$1.pid
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
    fi
    rm -f "$pidfile"
}

stop() {
    stop_pid varnish
    stop_pid worker
    stop_pid gunicorn
    if [ -f "$state/started" ]; then
        was_started opensearch && bash scripts/opensearch.sh stop
        was_started s3 && TARJOTIN_S3_DIR=${TARJOTIN_S3_DIR:-$state/s3} bash scripts/s3.sh stop
        was_started redis && bash scripts/redis.sh stop
        was_started postgres && bash scripts/postgres.sh stop
        rm -f "$state/started"
    fi
    return 0
}

restart() {
    case "${1:-}" in
        web)
            local child
            child=$(pgrep -P "$(cat "$state/gunicorn.pid")" | head -n 1)
            kill -TERM "$child"
            ;;
        worker)
            environment
            stop_pid worker
            start_worker
            ;;
        redis)
            if ! was_started redis; then
                echo "Redis is not this stack's own (CACHE_URL): restart it yourself" >&2
                exit 1
            fi
            bash scripts/redis.sh restart >/dev/null
            ;;
        *) echo "usage: $0 restart web|worker|redis" >&2; exit 2 ;;
    esac
}

status() {
    local code
    printf 'healthz: '
    curl -sS --max-time 10 "$url/healthz" || true
    printf '\nreadyz:  '
    code=$(curl -sS --max-time 30 -o "$state/readyz.json" -w '%{http_code}' "$url/readyz" || true)
    cat "$state/readyz.json" 2>/dev/null || true
    echo
    [ "$code" = 200 ]
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) restart "${2:-}" ;;
    manage) shift; environment; exec .venv/bin/python manage.py "$@" ;;
    python) shift; environment; exec .venv/bin/python "$@" ;;
    *) echo "usage: $0 start|stop|status|restart|manage <command>|python <script>" >&2; exit 2 ;;
esac
