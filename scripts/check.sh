#!/usr/bin/env bash
# `npm test`: every check the project has, in order — lint, typecheck, the test suites (scripts/test.sh: on PGlite,
# then on PostgreSQL), the web build, the browser tests. Each step runs even when an earlier one failed, so one run
# shows every problem; the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

steps=(
  "lint|npm run lint"
  "typecheck|npm run typecheck"
  "tests (PGlite, PostgreSQL)|bash scripts/test.sh"
  "web build|npm run build -w @onewindow/web"
  "browser tests|npm run test:browser"
)

started=$SECONDS
results=()
failures=0
for step in "${steps[@]}"; do
  name=${step%%|*}
  command=${step#*|}
  printf '\n==== check: %s  (%s) ====\n' "$name" "$command"
  step_started=$SECONDS
  if bash -c "$command"; then outcome=ok; else outcome="FAILED (exit $?)"; failures=$((failures + 1)); fi
  took=$((SECONDS - step_started))
  printf -- '---- %s: %s in %ss\n' "$name" "$outcome" "$took"
  results+=("$(printf '%-28s %-18s %5ss' "$name" "$outcome" "$took")")
done

printf '\n==== checks summary ====\n'
for line in "${results[@]}"; do printf '  %s\n' "$line"; done
printf '  %-28s %-18s %5ss\n' "total" "" "$((SECONDS - started))"
if [ "$failures" -gt 0 ]; then
  echo "checks: $failures of ${#steps[@]} steps failed"
  exit 1
fi
echo "checks: all ${#steps[@]} steps succeeded"
