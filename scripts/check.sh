#!/usr/bin/env bash
# `npm test`: every check the project has, in order — lint, typecheck, the test suites (scripts/test.sh: on PGlite,
# then on PostgreSQL), the web unit tests, the web build, the browser tests. Each step runs even when an earlier one failed, so one run
# shows every problem; the exit code is non-zero if any step failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/run-steps.sh

run_steps checks \
  "lint|npm run lint" \
  "typecheck|npm run typecheck" \
  "tests (PGlite, PostgreSQL)|bash scripts/test.sh" \
  "web unit tests|npm test -w @onewindow/web" \
  "web build|npm run build -w @onewindow/web" \
  "browser tests|npm run test:browser"
