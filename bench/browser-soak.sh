#!/usr/bin/env bash
# Runs the whole browser suite (every *BrowserTests journey, under Surefire with the shared test context)
# N times in a row, default 10,
# and says how many runs passed and how long each took. A run counts as passed only when Maven succeeds
# and every journey ran (none skipped). CI=true, so a missing Chromium fails instead of skipping.
#
#   bench/browser-soak.sh [runs] [extra Maven arguments, e.g. -o]
#
# Each run's Maven output is kept in target/browser-soak/run-N.log; a failing journey leaves its screenshot
# and page source in target/browser-failures/ (named in the log). Not part of .ci/run: it takes a while.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
shift || true
out=target/browser-soak
rm -rf "$out"
mkdir -p "$out"
export CI=true

passed=0
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s)
  rm -f target/surefire-reports/TEST-*BrowserTests.xml
  ./mvnw -B "$@" test -Dtest='*BrowserTests' >"$out/run-$i.log" 2>&1
  status=$?
  seconds=$(($(date +%s) - start))
  # Journeys run and skipped, added up over the classes' Surefire reports.
  read -r completed skipped < <(cat target/surefire-reports/TEST-*BrowserTests.xml 2>/dev/null | awk '
    /^<testsuite / { match($0, / tests="[0-9]+"/); t += substr($0, RSTART + 8, RLENGTH - 9);
                     match($0, / skipped="[0-9]+"/); s += substr($0, RSTART + 10, RLENGTH - 11) }
    END { print t + 0, s + 0 }')
  if [[ $status -eq 0 && ${completed:-0} -gt 0 && ${skipped:-1} -eq 0 ]]; then
    passed=$((passed + 1))
    verdict=passed
  else
    verdict="FAILED (see $out/run-$i.log)"
    grep -E 'Browser journey failed|screenshot:|page source:|Tests run:.*Fail' "$out/run-$i.log" | sed 's/^/    /' | head -20
  fi
  printf 'run %d/%d: %s, %s journeys, %d s\n' "$i" "$runs" "$verdict" "${completed:-0}" "$seconds" | tee -a "$out/summary.txt"
done
printf 'browser suite: %d of %d runs passed\n' "$passed" "$runs" | tee -a "$out/summary.txt"
[[ $passed -eq $runs ]]
