#!/usr/bin/env bash
# Dashboard benchmark: starts the application (jar) on its own embedded PostgreSQL with generated data,
# signs in as the demo province reviewer, loads the dashboard and the login page with wrk in the same
# run, and prints requests per second, p50 and p95 for each, their ratio, and what the dashboard's first
# load transfers (gzip).
#
#   bench/run.sh [lai-chau|national] [wrk duration, default 10s] [connections, default 8]
#   bench/run.sh churn [lai-chau|national] [wrk duration, default 60s] [connections, default 4]
#
# churn: the last days of a reporting window. While wrk reads the dashboard (and then the login page),
# a steady stream of changes lands, CHURN_PER_SECOND a second (default 1), in turn: a reporter's draft
# saved and submitted (SQL on a generated report, through the same triggers as the application), and
# the province reviewer approving a submitted report (POST /review/{id}/approve through the
# application). Every change but the saved text raises the data version, so kept dashboards go stale
# as they do then. Prints dashboard p50/p95 and login p95 of the same run, and the changes made.
#
# PAGE_CACHE_MB=0 turns off the kept rendered dashboards, so that every request computes and renders
# the dashboard (the cost after each change to the data); by default the application's setting applies.
#
# Data is generated once per scale into data/bench-<scale>/ and reused. Everything listens on 127.0.0.1.
set -euo pipefail

MODE=measure
if [[ "${1:-}" == "churn" ]]; then
    MODE=churn
    shift
fi
SCALE=${1:-lai-chau}
if [[ "$MODE" == "churn" ]]; then
    DURATION=${2:-60s}
    CONNECTIONS=${3:-4}
else
    DURATION=${2:-10s}
    CONNECTIONS=${3:-8}
fi
CHURN_PER_SECOND=${CHURN_PER_SECOND:-1}
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
# On a machine busy with other work the start takes longer: START_TIMEOUT seconds (default 120).
for _ in $(seq 1 "${START_TIMEOUT:-120}"); do
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

if [[ "$MODE" == "churn" ]]; then
    CSRF=$(curl -s -H "Cookie: SESSION=$SESSION" "$BASE/review?year=$YEAR" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    [[ -n "$CSRF" ]] || { echo "no CSRF token on the review page"; exit 1; }
    BENCH_AGENCIES="(select id from agency where code like 'BENCH-A%')"
    churn() {  # one change every 1/CHURN_PER_SECOND s until killed; counts in $WORK/churn
        local n=0 submitted=0 approved=0 failed=0 last_draft=0 last_submitted=0 id code pause
        pause=$(awk -v r="$CHURN_PER_SECOND" 'BEGIN { printf "%.3f", 1 / r }')
        while true; do
            local started
            started=$(date +%s.%N)
            if (( n % 2 == 0 )); then
                # A reporter saves a draft's text, then submits it (two statements, one transaction).
                id=$("${PSQL[@]}" -tAc "select id from progress_report where year = $YEAR and status in ('DRAFT', 'RETURNED') and id > $last_draft and agency_id in $BENCH_AGENCIES order by id limit 1")
                if [[ -n "$id" ]]; then
                    last_draft=$id
                    if "${PSQL[@]}" -1 -c "update progress_report set results = results || ' Cập nhật.' where id = $id" \
                            -c "update progress_report set status = 'SUBMITTED', first_submitted_at = coalesce(first_submitted_at, now()), submitted_at = now(), version = version + 1 where id = $id" >/dev/null 2>&1; then
                        submitted=$((submitted + 1))
                    else
                        failed=$((failed + 1))
                    fi
                fi
            else
                # The province reviewer approves a submitted report, confirmed, through the application.
                id=$("${PSQL[@]}" -tAc "select id from progress_report where year = $YEAR and status = 'SUBMITTED' and id > $last_submitted and agency_id in $BENCH_AGENCIES order by id limit 1")
                if [[ -n "$id" ]]; then
                    last_submitted=$id
                    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$SESSION" -X POST "$BASE/review/$id/approve" \
                        --data-urlencode confirmed=1 --data-urlencode "_csrf=$CSRF" || echo 000)
                    # A refused approval also answers with a redirect: the report's status says what happened.
                    if [[ "$code" == "302" && "$("${PSQL[@]}" -tAc "select status from progress_report where id = $id")" == "APPROVED" ]]; then approved=$((approved + 1)); else failed=$((failed + 1)); echo "approve $id: $code" >>"$WORK/churn-failures"; fi
                fi
            fi
            n=$((n + 1))
            echo "$submitted $approved $failed" >"$WORK/churn"
            sleep "$(awk -v s="$started" -v p="$pause" -v now="$(date +%s.%N)" 'BEGIN { w = p - (now - s); printf "%.3f", (w > 0 ? w : 0) }')"
        done
    }
    VERSION_BEFORE=$("${PSQL[@]}" -tAc "select version from dashboard_version")
    churn &
    CHURN_PID=$!
    trap 'kill "$CHURN_PID" 2>/dev/null || true; rm -rf "$WORK"; if [[ -n "${APP_PID:-}" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi' EXIT
    echo "== churn: $CHURN_PER_SECOND change(s) a second (submit by SQL, approve through the application), while:"
fi

echo "== wrk -t2 -c$CONNECTIONS -d$DURATION: dashboard (year $YEAR), then login page"
D=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/p95.lua -H "Cookie: SESSION=$SESSION" -H 'Accept-Encoding: gzip' "$DASHBOARD" | grep RESULT)
L=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/p95.lua -H 'Accept-Encoding: gzip' "$BASE/login" | grep RESULT)
echo "dashboard: ${D#RESULT }"
echo "login:     ${L#RESULT }"
DR=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$D")
LR=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$L")
awk -v d="$DR" -v l="$LR" 'BEGIN { printf "ratio dashboard/login: %.2f (target >= 0.5 at Lai Chau scale)\n", d / l }'
if [[ "$MODE" == "measure" ]]; then
    # A browser's repeat view: the same session sends the tag it holds and gets a 304.
    TAG=$(curl -s -o /dev/null -D - -H "Cookie: SESSION=$SESSION" "$DASHBOARD" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }')
    if [[ -n "$TAG" ]]; then
        R=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s bench/p95.lua -H "Cookie: SESSION=$SESSION" \
            -H 'Accept-Encoding: gzip' -H "If-None-Match: $TAG" "$DASHBOARD" | grep RESULT)
        echo "dashboard repeat view (304): ${R#RESULT }"
    fi
fi
if [[ "$MODE" == "churn" ]]; then
    kill "$CHURN_PID" 2>/dev/null || true
    wait "$CHURN_PID" 2>/dev/null || true
    read -r SUBMITTED APPROVED FAILED <"$WORK/churn"
    VERSION_AFTER=$("${PSQL[@]}" -tAc "select version from dashboard_version")
    echo "churn: $SUBMITTED submitted, $APPROVED approved, $FAILED failed; data version raised $((VERSION_AFTER - VERSION_BEFORE)) times"
    [[ -f "$WORK/churn-failures" ]] && sed 's/^/   failed: /' "$WORK/churn-failures"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -sr)"
