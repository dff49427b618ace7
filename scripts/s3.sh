#!/usr/bin/env bash
# A throwaway S3-compatible server (s3proxy on its file-system store) on loopback, for the media
# storage (MEDIA_STORAGE_URL) in tests and development.
#   scripts/s3.sh start   fetch s3proxy from Maven Central if missing (Java 17 and Maven, from
#                         Debian as root), start it with an empty bucket; prints MEDIA_STORAGE_URL
#   scripts/s3.sh stop    stop it
# Objects, the settings and the log live in $TARJOTIN_S3_DIR (default var/s3); the server's jar
# is kept in var/s3proxy; port $TARJOTIN_S3_PORT (63900).
set -euo pipefail
cd "$(dirname "$0")/.."

version=2.6.0
s3_dir=${TARJOTIN_S3_DIR:-$PWD/var/s3}
port=${TARJOTIN_S3_PORT:-63900}
jar=$PWD/var/s3proxy/s3proxy-$version-jar-with-dependencies.jar
bucket=tarjotin-media
# Only for this loopback server: a real bucket has keys of its own.
identity=tarjotin
credential=tarjotin-local-secret

answers() {
    curl -s -o /dev/null "http://127.0.0.1:$port/"
}

start() {
    if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven \
                >/dev/null
        else
            echo "Java or Maven is missing: sudo apt-get install openjdk-17-jre-headless maven" >&2
            exit 1
        fi
    fi
    if [ ! -f "$jar" ]; then
        mvn -q dependency:copy \
            -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" \
            -DoutputDirectory="$(dirname "$jar")" >&2
    fi
    mkdir -p "$s3_dir/objects/$bucket"  # on the file-system store a bucket is a folder
    if ! answers; then
        cat >"$s3_dir/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$s3_dir/objects
CONF
        nohup java -jar "$jar" --properties "$s3_dir/s3proxy.conf" >"$s3_dir/s3proxy.log" 2>&1 &
        echo $! >"$s3_dir/s3proxy.pid"
        for _ in $(seq 100); do
            answers && break
            sleep 0.2
        done
        if ! answers; then
            echo "s3proxy did not start; see $s3_dir/s3proxy.log" >&2
            exit 1
        fi
    fi
    echo "s3://$identity:$credential@$bucket?endpoint=http://127.0.0.1:$port&region=us-east-1"
}

stop() {
    if [ -f "$s3_dir/s3proxy.pid" ]; then
        pid=$(cat "$s3_dir/s3proxy.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do  # the port is free when it has gone
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        rm -f "$s3_dir/s3proxy.pid"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
