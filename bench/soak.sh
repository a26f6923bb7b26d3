#!/usr/bin/env bash
# Soak: starts the application (jar) with the demo profile on its own embedded PostgreSQL, signs in as
# the demo province reviewer and keeps a steady load for a fixed time (default 10 minutes): the plan,
# the dashboard and the review list in turn, a few requests per second, one at a time. Every 30 s it
# prints the resident memory (RSS) of the JVM and of all PostgreSQL processes of its folder, and the
# number of errors (any answer but 200) so far; at the end, the totals. Everything listens on 127.0.0.1.
#
#   bench/soak.sh [seconds, default 600] [requests per second, default 5]
set -euo pipefail

SECONDS_TOTAL=${1:-600}
RATE=${2:-5}
HTTP_PORT=18083
PG_PORT=15433
YEAR=${YEAR:-2025}

cd "$(dirname "$0")/.."
DATA_DIR="data/soak"
BASE="http://127.0.0.1:$HTTP_PORT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; if [[ -n "${APP_PID:-}" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi' EXIT

JAR=$(ls target/tracker-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" ]]; then
    ./mvnw -q -B -DskipTests package
    JAR=$(ls target/tracker-*.jar | grep -v original | head -1)
fi

mkdir -p data
echo "== starting $JAR on $BASE, data in $DATA_DIR, ${SECONDS_TOTAL}s at ${RATE} requests/s"
java -Xms256m -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
    --app.embedded-database.data-dir="$DATA_DIR" --app.embedded-database.port="$PG_PORT" \
    --logging.level.root=WARN >"$DATA_DIR.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA_DIR.log"; exit 1; }
    sleep 1
done
curl -sf "$BASE/actuator/health" >/dev/null

curl -s -c "$WORK/jar" "$BASE/login" -o "$WORK/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null -X POST "$BASE/login" \
    --data-urlencode username=demo.tinh --data-urlencode password=Demo@LaiChau2024 --data-urlencode "_csrf=$CSRF"
SESSION=$(awk '$6 == "SESSION" { print $7 }' "$WORK/jar" | tail -1)

rss_kb() {  # the JVM's RSS, then the sum over the postmaster of our folder and its children
    local jvm pg pids
    jvm=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    pg=0
    if [[ -f "$DATA_DIR/postmaster.pid" ]]; then
        local pm
        pm=$(head -1 "$DATA_DIR/postmaster.pid")
        pids="$pm $(pgrep -P "$pm" || true)"
        for p in $pids; do
            pg=$((pg + $(awk '/VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0)))
        done
    fi
    echo "$jvm $pg"
}

PAGES=("/plan" "/dashboard?year=$YEAR" "/review?year=$YEAR")
REQUESTS=0
ERRORS=0
START=$(date +%s)
NEXT_REPORT=$((START + 30))
read -r JVM0 PG0 < <(rss_kb)
printf '%6s %8s %10s %10s %8s\n' "time" "requests" "JVM MB" "PG MB" "errors"
printf '%6s %8d %10d %10d %8d\n' "0s" 0 $((JVM0 / 1024)) $((PG0 / 1024)) 0
while (( $(date +%s) - START < SECONDS_TOTAL )); do
    for page in "${PAGES[@]}"; do
        CODE=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: SESSION=$SESSION" "$BASE$page" || echo 000)
        REQUESTS=$((REQUESTS + 1))
        [[ "$CODE" == "200" ]] || ERRORS=$((ERRORS + 1))
        sleep "$(awk -v r="$RATE" 'BEGIN { printf "%.3f", 1 / r }')"
    done
    NOW=$(date +%s)
    if (( NOW >= NEXT_REPORT )); then
        read -r JVM PG < <(rss_kb)
        printf '%6s %8d %10d %10d %8d\n' "$((NOW - START))s" "$REQUESTS" $((JVM / 1024)) $((PG / 1024)) "$ERRORS"
        NEXT_REPORT=$((NOW + 30))
    fi
done
read -r JVM PG < <(rss_kb)
echo "== $REQUESTS requests in ${SECONDS_TOTAL}s, $ERRORS errors; RSS JVM $((JVM0 / 1024)) → $((JVM / 1024)) MB, PostgreSQL $((PG0 / 1024)) → $((PG / 1024)) MB"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -sr)"
[[ "$ERRORS" == "0" ]]
