#!/usr/bin/env bash
# A throwaway single-node OpenSearch 2.x on loopback for tests and development.
#   scripts/opensearch.sh start   install (first time), start, wait until healthy; prints SEARCH_URL
#   scripts/opensearch.sh stop    stop it
#   scripts/opensearch.sh url     print SEARCH_URL
# Built from Maven Central with the machine's Java (17): the integ-test-zip distribution (core and
# the transport-netty4 module) plus the analysis-common module (language analyzers such as finnish
# and swedish, stemmers, asciifolding, ngram tokenizers). Maven keeps the downloads in ~/.m2, so a
# new checkout unpacks them again without downloading. No security plugin, no painless scripting.
# Lives in $TARJOTIN_OS_DIR (default var/opensearch); HTTP port $TARJOTIN_OS_PORT (9201), transport
# port one hundred above it; heap $TARJOTIN_OS_HEAP (512m).
set -euo pipefail
cd "$(dirname "$0")/.."

version=2.19.6
os_dir=${TARJOTIN_OS_DIR:-$PWD/var/opensearch}
port=${TARJOTIN_OS_PORT:-9201}
heap=${TARJOTIN_OS_HEAP:-512m}
home=$os_dir/opensearch-$version
conf=$os_dir/config
pidfile=$os_dir/opensearch.pid
log=$os_dir/logs/tarjotin.log
url="opensearch://127.0.0.1:${port}"
http="http://127.0.0.1:${port}"
user=opensearch

as_owner() {
    # OpenSearch refuses to run as root; as root, run it as the system user 'opensearch'.
    if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

running_pid() {
    local pid
    pid=$(cat "$pidfile" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(ps -o comm= -p "$pid")" = java ] && echo "$pid"
}

healthy() {
    curl -fsS -m 5 "$http/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

mvn_copy() {
    # Copy one artifact into $2: from ~/.m2 if Maven already has it, otherwise download it.
    local args=(-B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$1" -DoutputDirectory="$2")
    mvn -o "${args[@]}" >>"$2/mvn.log" 2>&1 || mvn "${args[@]}" >>"$2/mvn.log" 2>&1 || {
        echo "Could not fetch $1 with Maven; its output:" >&2
        cat "$2/mvn.log" >&2
        exit 1
    }
}

ensure_installed() {
    [ -f "$home/modules/analysis-common/plugin-descriptor.properties" ] && return
    for tool in mvn unzip curl; do
        if ! command -v "$tool" >/dev/null; then
            echo "OpenSearch needs '$tool' (Debian packages: maven, unzip, curl)." >&2
            exit 1
        fi
    done
    mkdir -p "$os_dir"
    rm -rf "$os_dir"/install.*
    local tmp
    tmp=$(mktemp -d "$os_dir/install.XXXXXX")
    mvn_copy "org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" "$tmp"
    mvn_copy "org.opensearch.plugin:analysis-common:$version:jar" "$tmp"
    unzip -q "$tmp/opensearch-$version.zip" -d "$tmp"
    local module=$tmp/opensearch-$version/modules/analysis-common
    mkdir -p "$module"
    cp "$tmp/analysis-common-$version.jar" "$module/"
    # The jar lacks the descriptor that the module's zip would carry. Without lang-painless, the
    # module extends no plugin: its painless whitelist simply goes unused.
    cat >"$module/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$version
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$version
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
    rm -rf "$home"
    mv "$tmp/opensearch-$version" "$home"
    rm -rf "$tmp"
}

ensure_user() {
    [ "$(id -u)" = 0 ] || return 0
    if ! id -u "$user" >/dev/null 2>&1; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
    fi
    chown -R "$user:$user" "$os_dir"
    if ! runuser -u "$user" -- test -x "$home/bin/opensearch"; then
        echo "The '$user' user cannot reach $home; make its parent directories searchable (chmod o+x)." >&2
        exit 1
    fi
}

write_config() {
    mkdir -p "$conf/jvm.options.d" "$os_dir/data" "$os_dir/logs"
    # The main log is logs/tarjotin.log; no copy of it on the console (logs/startup.out).
    sed '/appenderRef.console/d' "$home/config/log4j2.properties" >"$conf/log4j2.properties"
    # The distribution's JVM options, with a small heap that is not touched in advance (the
    # launcher's -XX:+AlwaysPreTouch would make all of it resident at once), no GC log and no
    # heap dumps, and crash files in logs/.
    sed -e "s|^-Xms.*|-Xms$heap|" -e "s|^-Xmx.*|-Xmx$heap|" -e '/-Xlog:gc/d' -e '/HeapDump/d' \
        -e "s|ErrorFile=logs/|ErrorFile=$os_dir/logs/|" "$home/config/jvm.options" >"$conf/jvm.options"
    echo "-XX:-AlwaysPreTouch" >>"$conf/jvm.options"
    cat >"$conf/opensearch.yml" <<EOF
cluster.name: tarjotin
node.name: tarjotin
path.data: $os_dir/data
path.logs: $os_dir/logs
network.host: 127.0.0.1
http.port: $port
transport.port: $((port + 100))
discovery.type: single-node
# Tests must not see indices turn read-only because the disk is nearly full.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

start() {
    if running_pid >/dev/null; then
        wait_healthy
        echo "$url"
        return
    fi
    if curl -s -m 2 -o /dev/null "$http/"; then
        echo "Port $port already answers, but not as this OpenSearch; set TARJOTIN_OS_PORT." >&2
        exit 1
    fi
    ensure_installed
    write_config
    ensure_user
    rm -f "$pidfile"
    if [ -f "$log" ]; then mv -f "$log" "$log.previous"; fi
    if [ -z "${JAVA_HOME:-}" ] && ! command -v java >/dev/null; then
        echo "OpenSearch needs Java 11 or newer (Debian package: openjdk-17-jre-headless)." >&2
        exit 1
    fi
    local java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
    # In its own session, so that it outlives this shell; bin/opensearch looks for
    # bin/opensearch-keystore relative to the working directory. The launcher must not keep this
    # script's stdout open, or $(scripts/opensearch.sh start) would wait for OpenSearch to exit.
    (cd "$home" && as_owner setsid -w env JAVA_HOME="$java_home" OPENSEARCH_PATH_CONF="$conf" \
        bin/opensearch -p "$pidfile" >"$os_dir/logs/startup.out" 2>&1 </dev/null) >/dev/null 2>&1 &
    launcher=$!
    wait_healthy
    echo "$url"
}

wait_healthy() {
    local timeout=${TARJOTIN_OS_TIMEOUT:-120}
    local deadline=$((SECONDS + timeout))
    until healthy; do
        if ! kill -0 "${launcher:-$(running_pid)}" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
            if kill -0 "${launcher:-$(running_pid)}" 2>/dev/null; then
                echo "OpenSearch did not become healthy on $http within $timeout s (it is still" \
                    "running: '$0 stop' stops it); log tail:" >&2
            else
                echo "OpenSearch exited during startup; log tail:" >&2
            fi
            tail -n 40 "$os_dir/logs/startup.out" "$log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 1
    done
}

stop() {
    local pid
    pid=$(running_pid) || return 0
    kill -TERM "$pid"
    for _ in $(seq 60); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
        sleep 1
    done
    echo "OpenSearch (pid $pid) ignored SIGTERM for 60 s; killing it." >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$url" ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
