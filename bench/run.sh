#!/usr/bin/env bash
# Dashboard benchmark: starts the application (jar) on its own embedded PostgreSQL with generated data,
# signs in as the demo province reviewer, loads the dashboard and the login page with wrk in the same
# run, and prints requests per second, p50 and p95 for each, their ratio, and what the dashboard's first
# load transfers (gzip).
#
#   bench/run.sh [lai-chau|national] [wrk duration, default 10s] [connections, default 8]
#
# PAGE_CACHE_MB=0 turns off the kept rendered dashboards, so that every request computes and renders
# the dashboard (the cost after each change to the data); by default the application's setting applies.
#
# Data is generated once per scale into data/bench-<scale>/ and reused. Everything listens on 127.0.0.1.
set -euo pipefail

SCALE=${1:-lai-chau}
DURATION=${2:-10s}
CONNECTIONS=${3:-8}
case "$SCALE" in
    lai-chau) AGENCIES=90; REGIONS=0; HTTP_PORT=18081; PG_PORT=15431 ;;
    national) AGENCIES=10000; REGIONS=63; HTTP_PORT=18082; PG_PORT=15432 ;;
    *) echo "scale must be lai-chau or national" >&2; exit 2 ;;
esac
YEARS_WITH_REPORTS=${YEARS_WITH_REPORTS:-7}
YEAR=${YEAR:-2026}
PAGE_CACHE_MB=${PAGE_CACHE_MB:-32}
# Long enough for the JIT compiler to settle on both pages before either is measured.
WARMUP=${WARMUP:-20s}

cd "$(dirname "$0")/.."
DATA_DIR="data/bench-$SCALE"
BASE="http://127.0.0.1:$HTTP_PORT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; if [[ -n "${APP_PID:-}" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi' EXIT

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null; }
command -v psql >/dev/null || { echo "installing the PostgreSQL client"; apt-get install -y postgresql-client >/dev/null; }

JAR=$(ls target/tracker-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" ]]; then
    ./mvnw -q -B -DskipTests package
    JAR=$(ls target/tracker-*.jar | grep -v original | head -1)
fi

mkdir -p data
echo "== starting $JAR ($SCALE) on $BASE, data in $DATA_DIR"
java -Xms512m -Xmx1g -jar "$JAR" --spring.profiles.active=demo --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
    --app.embedded-database.data-dir="$DATA_DIR" --app.embedded-database.port="$PG_PORT" \
    --app.dashboard.page-cache-mb="$PAGE_CACHE_MB" \
    --logging.level.root=WARN >"$DATA_DIR.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA_DIR.log"; exit 1; }
    sleep 1
done
curl -sf "$BASE/actuator/health" >/dev/null

PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tracker)
if [[ "$("${PSQL[@]}" -tAc "select count(*) from agency where code like 'BENCH-A%'")" == "0" ]]; then
    echo "== generating $AGENCIES agencies × 16 tasks × 7 years (reports for $YEARS_WITH_REPORTS years)"
    "${PSQL[@]}" -v agencies="$AGENCIES" -v regions="$REGIONS" -v years_with_reports="$YEARS_WITH_REPORTS" \
        -f bench/generate.sql | grep -v '^Time:' || true
fi
"${PSQL[@]}" -tAc "select 'data: ' || (select count(*) from agency) || ' agencies, ' || (select count(*) from obligation) || ' obligations, ' || (select count(*) from progress_report) || ' reports, ' || (select count(*) from report_indicator_value) || ' indicator values'"

echo "== signing in as demo.tinh (province reviewer)"
curl -s -c "$WORK/jar" "$BASE/login" -o "$WORK/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null -X POST "$BASE/login" \
    --data-urlencode username=demo.tinh --data-urlencode password=Demo@LaiChau2024 --data-urlencode "_csrf=$CSRF"
SESSION=$(awk '$6 == "SESSION" { print $7 }' "$WORK/jar" | tail -1)
DASHBOARD="$BASE/dashboard?year=$YEAR"
RESULT=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: SESSION=$SESSION" "$DASHBOARD")
STATUS=${RESULT% *}
FIRST=${RESULT#* }
[[ "$STATUS" == "200" ]] || { echo "dashboard answered $STATUS after sign-in"; tail -50 "$DATA_DIR.log"; exit 1; }
awk -v t="$FIRST" 'BEGIN { printf "first dashboard request after start (computed and rendered): %.0f ms\n", t * 1000 }'
echo "kept rendered dashboards: ${PAGE_CACHE_MB} MB (0 = off)"

echo "== first load of the dashboard, gzip as a browser asks for it"
curl -s --compressed -H "Cookie: SESSION=$SESSION" "$DASHBOARD" -o "$WORK/dashboard.html"
TOTAL=0
for path in "/dashboard?year=$YEAR" $(grep -oE '(href|src)="/(css|js|webjars)/[^"]+"' "$WORK/dashboard.html" | sed -E 's/^(href|src)="//; s/"$//'); do
    BYTES=$(curl -s -H 'Accept-Encoding: gzip' -H "Cookie: SESSION=$SESSION" -o /dev/null -w '%{size_download}' "$BASE$path")
    printf '   %8d B  %s\n' "$BYTES" "$path"
    TOTAL=$((TOTAL + BYTES))
done
printf '   %8d B  total (%d KB)\n' "$TOTAL" $((TOTAL / 1024))

echo "== warm-up ($WARMUP each, both pages)"
wrk -t2 -c2 -d"$WARMUP" -H "Cookie: SESSION=$SESSION" -H 'Accept-Encoding: gzip' "$DASHBOARD" >/dev/null
wrk -t2 -c2 -d"$WARMUP" -H 'Accept-Encoding: gzip' "$BASE/login" >/dev/null

echo "== wrk -t2 -c$CONNECTIONS -d$DURATION: dashboard (year $YEAR), then login page"
D=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/p95.lua -H "Cookie: SESSION=$SESSION" -H 'Accept-Encoding: gzip' "$DASHBOARD" | grep RESULT)
L=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/p95.lua -H 'Accept-Encoding: gzip' "$BASE/login" | grep RESULT)
echo "dashboard: ${D#RESULT }"
echo "login:     ${L#RESULT }"
DR=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$D")
LR=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$L")
awk -v d="$DR" -v l="$LR" 'BEGIN { printf "ratio dashboard/login: %.2f (target >= 0.5 at Lai Chau scale)\n", d / l }'
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -sr)"
