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
source scripts/run-steps.sh

vitest_args=''
[ $# -gt 0 ] && printf -v vitest_args ' %q' "$@"

# Each entry: a label, then the command. Add further suites here.
run_steps tests \
  "PGlite (embedded)|env TEST_DB=pglite npx vitest run$vitest_args" \
  "PostgreSQL|env TEST_DB=postgres npx vitest run$vitest_args"
