# Sourced by scripts/check.sh and scripts/test.sh: runs labelled steps in order, each even when an earlier one failed
# (so one run shows every problem), times them, prints a summary, and returns non-zero if any step failed.
#
#   run_steps <heading> "label|command" …     (each command runs under bash -c)
run_steps() {
  local heading=$1
  shift
  local started=$SECONDS failures=0 results=() step label command step_started outcome took
  for step in "$@"; do
    label=${step%%|*}
    command=${step#*|}
    printf '\n==== %s: %s ====\n' "$heading" "$label"
    step_started=$SECONDS
    if bash -c "$command"; then outcome=ok; else outcome="FAILED (exit $?)"; failures=$((failures + 1)); fi
    took=$((SECONDS - step_started))
    printf -- '---- %s: %s in %ss\n' "$label" "$outcome" "$took"
    results+=("$(printf '%-28s %-18s %5ss' "$label" "$outcome" "$took")")
  done
  printf '\n==== %s: summary ====\n' "$heading"
  for step in "${results[@]}"; do printf '  %s\n' "$step"; done
  printf '  %-28s %-18s %5ss\n' "total" "" "$((SECONDS - started))"
  if [ "$failures" -gt 0 ]; then
    echo "$heading: $failures of $# steps failed"
    return 1
  fi
  echo "$heading: all $# steps succeeded"
}
