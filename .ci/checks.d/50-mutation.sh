# shellcheck shell=bash
# Sourced by .ci/run: the pacts' mutation score (contracts/Harness.Mutation). Every spec-forbidden drift of every HTTP
# interaction is served from the in-process sandbox and judged by the verifier; contracts/MUTATION.md must equal what the
# run writes (like COVERAGE.md), and no drift may survive unless contracts/mutation-allow.json lists it with a reason.
# After the tests (they rewrite contracts/pacts), not beside them: tried as a check_early on a copy of the pacts, it took
# 83 s instead of 30 and the tests 23 s more, for 3 s less in all (fresh clone, 2026-12-01): the cores are the limit.
mutation_score() (
  set -uo pipefail
  local out=${out:-.ci/out}
  # The verifier prints every interaction it checks; keep that in the log and show the tool's own lines. The Debug
  # build's dll runs directly (no MSBuild evaluation).
  timeout 900 dotnet "contracts/Harness.Mutation/bin/${CONFIGURATION:-Debug}/net10.0/Harness.Mutation.dll" \
    --write "$out/MUTATION.md" >"$out/mutation.log" 2>&1
  local rc=$?
  grep -E '^(SURVIVED|Allow-list|\*\*Total|Run time|airline-partner|[A-Z].* fail)' "$out/mutation.log"
  if [ "$rc" -ne 0 ]; then
    echo "The mutation run exited $rc (1: a drift survived that contracts/mutation-allow.json does not list; 2: it could not run). Log: $out/mutation.log" >&2
    [ "$rc" -eq 1 ] || tail -n 20 "$out/mutation.log" >&2
  fi
  if ! diff -u contracts/MUTATION.md "$out/MUTATION.md"; then
    echo "contracts/MUTATION.md is out of date: run 'dotnet run --project contracts/Harness.Mutation -- --write contracts/MUTATION.md' and commit it" >&2
    return 1
  fi
  [ "$rc" -eq 0 ]
)
check "contracts/MUTATION.md is up to date and every surviving drift is in contracts/mutation-allow.json" mutation_score
