#!/usr/bin/env bash
# The merge step of a distributed load test: every agent's folder under OUT_ROOT (OUT_ROOT/agent-K/agent.json) merged
# into one report for the whole test. The same command runs in the workflow's merge job (.github/workflows/load.yml)
# and in the Kubernetes merge Job (load/deploy/k8s/merge-job.yaml).
#
# Environment:
#   OUT_ROOT       the folder holding agent-0 … agent-(N-1) (default load/reports/dist)
#   MERGED         where the merged reports go (default load/reports/merged)
#   AGENTS         with WAIT_SECONDS: how many agent folders to wait for
#   WAIT_SECONDS   wait up to this long for AGENTS agents' agent.json (a merge Job started beside the agents); default 0
#   BASELINE       a saved summary.json to compare the merged result with (optional)
#   SAVE_BASELINE  write the merged summary here as a baseline (optional)
#   LOAD_CLI       how to call the load CLI (default: dotnet run --project load/Harness.Load.Airline -c Release --no-build --)
#
# Exit: the merge's, as for `run`: 0 pass, 1 a threshold or the baseline failed, 2 the folders are not one test
# (different scenarios, versions, a duplicated or missing agent), 3 the agents together missed the target rate.
# With GITHUB_STEP_SUMMARY set, report.md is appended to it.
set -euo pipefail

root="${OUT_ROOT:-load/reports/dist}"
merged="${MERGED:-load/reports/merged}"
read -r -a cli <<< "${LOAD_CLI:-dotnet run --project load/Harness.Load.Airline -c Release --no-build --}"

if [ "${WAIT_SECONDS:-0}" -gt 0 ]; then
  : "${AGENTS:?set AGENTS (how many agent folders to wait for) with WAIT_SECONDS}"
  deadline=$(( $(date +%s) + WAIT_SECONDS ))
  while :; do
    done_count=$(find "$root" -mindepth 2 -maxdepth 2 -path "$root/agent-*/agent.json" 2>/dev/null | wc -l)
    [ "$done_count" -ge "$AGENTS" ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "error: after ${WAIT_SECONDS}s only $done_count of $AGENTS agents wrote $root/agent-K/agent.json" >&2
      break   # merge what is there: it names the missing agents
    fi
    sleep 5
  done
fi

# Every agent's folder: agent-K as agent.sh names them (a CI artifact download keeps that name), never the merged one.
dirs=()
for f in "$root"/agent-*/agent.json; do
  [ -e "$f" ] && dirs+=("$(dirname "$f")")
done
if [ "${#dirs[@]}" -eq 0 ]; then
  echo "error: no agent output under $root: each agent writes $root/agent-K/agent.json (load/deploy/agent.sh)" >&2
  exit 2
fi

args=(merge "${dirs[@]}" --out "$merged")
[ -n "${BASELINE:-}" ] && args+=(--baseline "$BASELINE")
[ -n "${SAVE_BASELINE:-}" ] && args+=(--save-baseline "$SAVE_BASELINE")

rc=0
"${cli[@]}" "${args[@]}" || rc=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$merged/report.md" ]; then
  cat "$merged/report.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit "$rc"
