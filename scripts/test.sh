#!/usr/bin/env bash
# The test suites (Vitest: domain unit specs and the server's integration specs), run twice: on PGlite, then on
# PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; each test file creates and drops
# a database of its own there). Both runs always happen; the exit code is non-zero if either failed. A PostgreSQL that
# does not answer fails the second run loudly (test/global-setup.ts), it is never skipped.
#
# Arguments go to Vitest, e.g. `bash scripts/test.sh packages/server/test/org.test.ts` or `-t 'lock'`.
# Lint, typecheck, the web build and the browser tests are separate steps: scripts/check.sh (`npm test`) runs them all.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Each entry: a label, then the command. Add further suites here.
suites=(
  "PGlite (embedded)|env TEST_DB=pglite npx vitest run"
  "PostgreSQL|env TEST_DB=postgres npx vitest run"
)

started=$SECONDS
results=()
failures=0
for suite in "${suites[@]}"; do
  label=${suite%%|*}
  command=${suite#*|}
  printf '\n==== tests on %s ====\n' "$label"
  suite_started=$SECONDS
  if $command "$@"; then outcome=passed; else outcome="FAILED (exit $?)"; failures=$((failures + 1)); fi
  results+=("$(printf '%-20s %-16s %5ss' "$label" "$outcome" "$((SECONDS - suite_started))")")
done

printf '\n==== test runs ====\n'
for line in "${results[@]}"; do printf '  %s\n' "$line"; done
printf '  %-20s %-16s %5ss\n' "total" "" "$((SECONDS - started))"
if [ "$failures" -gt 0 ]; then
  echo "tests: $failures of ${#suites[@]} database runs failed"
  exit 1
fi
echo "tests: passed on every database"
