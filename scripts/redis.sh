#!/usr/bin/env bash
# A throwaway Redis on loopback, for the shared cache (CACHE_URL) in tests and development.
#   scripts/redis.sh start   install Debian's redis-server if missing (as root), start; prints CACHE_URL
#   scripts/redis.sh stop    stop it
#   scripts/redis.sh restart stop it, saving what it holds (buffered counts), and start it again
# The log, and a restart's snapshot until the new server has read it, live in
# $TARJOTIN_REDIS_DIR (default var/redis);
# port $TARJOTIN_REDIS_PORT (63790).
set -euo pipefail
cd "$(dirname "$0")/.."

redis_dir=${TARJOTIN_REDIS_DIR:-$PWD/var/redis}
port=${TARJOTIN_REDIS_PORT:-63790}

start() {
    if ! command -v redis-server >/dev/null; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
        else
            echo "Redis is missing: sudo apt-get install redis-server" >&2
            exit 1
        fi
    fi
    mkdir -p "$redis_dir"
    if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
        redis-server --bind 127.0.0.1 --port "$port" --dir "$redis_dir" --save "" --appendonly no \
            --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
        for _ in $(seq 50); do
            redis-cli -p "$port" ping >/dev/null 2>&1 && break
            sleep 0.1
        done
    fi
    echo "redis://127.0.0.1:${port}/0"
}

stop() {
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    rm -f "$redis_dir/dump.rdb"
}

restart() {
    # SHUTDOWN SAVE writes a snapshot into $redis_dir, which the new server reads at start
    # (--save "" only turns off the periodic snapshots).
    redis-cli -p "$port" shutdown save >/dev/null 2>&1 || true
    for _ in $(seq 50); do
        redis-cli -p "$port" ping >/dev/null 2>&1 || break
        sleep 0.1
    done
    start
    rm -f "$redis_dir/dump.rdb"  # read: a later start begins empty, as the first did
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    restart) restart ;;
    *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
