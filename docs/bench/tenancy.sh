#!/usr/bin/env bash
# Issue 19: what the number of districts costs one node. For each count N (default: 2 100 500) it generates N tenant
# files (empty districts, no demo data) and, on a fresh embedded PostgreSQL data dir, starts the packaged jar and
# measures: the first start to the first HTTP answer, then to every district migrated (district schemas migrate in
# the background after start, decision 0026: readiness's "districts" details count them), the Prometheus scrapes
# (the first, then five more) once they are, the resident memory, and the same again after a restart on the migrated
# data.
#
#   ./mvnw -B -ntp -DskipTests package        # the jar under target/
#   docs/bench/tenancy.sh [N ...]             # writes docs/bench/tenancy.json (OUT=... to change)
#
# Needs bash, curl, awk, ps. Nothing else may listen on PORT (18090) or MPORT (18091). Runs one node at a time.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=$(ls target/cascade-*.jar 2>/dev/null | head -1)
[ -n "$JAR" ] || { echo "no target/cascade-*.jar: run ./mvnw -B -ntp -DskipTests package first" >&2; exit 1; }
JAVA=${JAVA:-java}
OUT=${OUT:-docs/bench/tenancy.json}
PORT=${PORT:-18090}
MPORT=${MPORT:-18091}
[ $# -gt 0 ] || set -- 2 100 500

now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }

# start LABEL WORKDIR: starts the jar (PID), waits for its first HTTP answer; ELAPSED: the seconds it took
start() {
    local label=$1 work=$2 t0
    t0=$(now)
    CASCADE_TENANTS_DIR="$work/tenants" CASCADE_DATA_DIR="$work/pg" CASCADE_DEMO_DATA=false \
        CASCADE_MANAGEMENT_PORT=$MPORT "$JAVA" -jar "$JAR" --server.port=$PORT > "$work/$label.log" 2>&1 &
    PID=$!
    until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
        kill -0 "$PID" 2>/dev/null || { echo "the app stopped: see $work/$label.log" >&2; exit 1; }
        sleep 0.2
    done
    ELAPSED=$(minus "$(now)" "$t0")
}

# migrated T0: waits until readiness says no district still migrates; MIGRATED: seconds since T0
migrated() {
    local t0=$1 body
    until body=$(curl -s "http://127.0.0.1:$MPORT/actuator/health/readiness") \
        && grep -q '"migrating":0' <<< "$body"; do
        kill -0 "$PID" 2>/dev/null || { echo "the app stopped" >&2; exit 1; }
        sleep 0.2
    done
    grep -q '"unavailable"' <<< "$body" && echo "some districts are unavailable: $body" >&2
    MIGRATED=$(minus "$(now)" "$t0")
}

# stop WORKDIR: stops the app and waits for its embedded PostgreSQL to finish shutting down (its checkpoint grows with
# the districts: a restart timed while the old postmaster still runs measures the previous node's shutdown)
stop() {
    local work=$1 i
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    for i in $(seq 1 300); do
        [ -f "$work/pg/postmaster.pid" ] || break
        sleep 0.2
    done
}

# scrapes: "first max-of-the-next-five bytes", in milliseconds, once the management port answers
scrapes() {
    local first rest=() s
    until curl -s -o /dev/null "http://127.0.0.1:$MPORT/actuator/health"; do sleep 0.2; done
    first=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "http://127.0.0.1:$MPORT/actuator/prometheus")
    for _ in 1 2 3 4 5; do
        s=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$MPORT/actuator/prometheus")
        rest+=("$s")
    done
    awk -v f="$first" -v r="${rest[*]}" 'BEGIN { split(f, a, " "); n = split(r, b, " "); m = 0;
        for (i = 1; i <= n; i++) if (b[i] > m) m = b[i];
        printf "%.0f %.0f %d", a[1] * 1000, m * 1000, a[2] }'
}

rss_mb() { ps -o rss= -p "$PID" | awk '{ printf "%.0f", $1 / 1024 }'; }

rows=()
for n in "$@"; do
    work=$(mktemp -d "${TMPDIR:-/tmp}/cascade-tenancy-$n-XXXX")
    mkdir -p "$work/tenants"
    for i in $(seq 1 "$n"); do
        id=$(printf 't%03d' "$i")
        cat > "$work/tenants/$id.yml" <<EOF
id: $id
displayName: District $id
schema: district_$id
organization: $id
timeZone: UTC
batchReporting: true
notificationSender: noreply@$id.example
EOF
    done
    t0=$(now)
    start first "$work"
    first=$ELAPSED
    migrated "$t0"
    first_migrated=$MIGRATED
    read -r scrape_first scrape_max scrape_bytes <<< "$(scrapes)"
    rss=$(rss_mb)
    stop "$work"
    t0=$(now)
    start restart "$work"
    restart=$ELAPSED
    migrated "$t0"
    restart_migrated=$MIGRATED
    read -r rscrape_first rscrape_max _ <<< "$(scrapes)"
    rrss=$(rss_mb)
    stop "$work"
    echo "districts $n: first start ${first} s (all migrated ${first_migrated} s), restart ${restart} s" \
        "(${restart_migrated} s), scrape first ${scrape_first} ms / then max" \
        "${scrape_max} ms (${scrape_bytes} bytes), after the restart ${rscrape_first} / ${rscrape_max} ms," \
        "RSS ${rss} / ${rrss} MB"
    rows+=("{\"districts\": $n, \"firstStartSeconds\": $first, \"firstStartAllMigratedSeconds\": $first_migrated, \"restartSeconds\": $restart, \"restartAllMigratedSeconds\": $restart_migrated, \"scrapeFirstMs\": $scrape_first, \"scrapeMaxOfNextFiveMs\": $scrape_max, \"scrapeBytes\": $scrape_bytes, \"scrapeAfterRestartFirstMs\": $rscrape_first, \"scrapeAfterRestartMaxMs\": $rscrape_max, \"rssMb\": $rss, \"rssAfterRestartMb\": $rrss}")
    rm -rf "$work"
done

{
    printf '{\n  "at": "%s",\n  "jar": "%s",\n  "cpus": %s,\n  "runs": [\n' "$(date -u +%FT%TZ)" "$(basename "$JAR")" \
        "$(nproc)"
    for i in "${!rows[@]}"; do
        printf '    %s%s\n' "${rows[$i]}" "$([ "$i" -lt $((${#rows[@]} - 1)) ] && echo ,)"
    done
    printf '  ]\n}\n'
} > "$OUT"
echo "wrote $OUT"
