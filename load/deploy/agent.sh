#!/usr/bin/env bash
# One agent of a distributed load test. The same command runs on a GitHub Actions matrix runner
# (.github/workflows/load.yml) and in a pod of the Kubernetes Indexed Job (load/deploy/k8s/agents-job.yaml).
#
# Environment:
#   PROFILE    built-in scenario: ping, offers, events, journey, cfar_offer_fixed           (required)
#   AGENTS     how many agents the test has, N                                                 (required)
#   the agent's index K (0..N-1): JOB_COMPLETION_INDEX (set by Kubernetes on an Indexed Job's pods), else
#              HARNESS_AGENT_INDEX (set by the workflow's matrix)                              (required)
#   OUT_ROOT   where agent K writes its folder, OUT_ROOT/agent-K (default load/reports/dist)
#   RATE, DURATION, WARMUP   the WHOLE test's load (each agent runs its exact share); unset: the scenario's JSON
#   START_AT   UTC instant every agent starts at (ISO 8601, e.g. 2026-01-01T12:00:00Z); unset: start at once
#   TARGET     the API to load; unset: each agent starts the sandbox in-process on 127.0.0.1
#   EXTRA_ARGS more `run` flags, e.g. "--allow-remote --max-rate 2000 --seed 7"
#   LOAD_CLI   how to call the load CLI (default: dotnet run --project load/Harness.Load.Airline -c Release --no-build --)
#
# Exit: 0 when the agent ran its shard and wrote its output (its own verdict is not the test's: the merge decides);
# the CLI's code otherwise (2 usage error, 130 stopped).
set -euo pipefail

: "${PROFILE:?set PROFILE to a built-in scenario (ping, offers, events, journey, cfar_offer_fixed)}"
: "${AGENTS:?set AGENTS to the number of agents of the test}"
index="${JOB_COMPLETION_INDEX:-${HARNESS_AGENT_INDEX:-}}"
if [ -z "$index" ]; then
  echo "error: no agent index: set JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or HARNESS_AGENT_INDEX (CI matrix)" >&2
  exit 2
fi
out="${OUT_ROOT:-load/reports/dist}/agent-$index"
read -r -a cli <<< "${LOAD_CLI:-dotnet run --project load/Harness.Load.Airline -c Release --no-build --}"
read -r -a extra <<< "${EXTRA_ARGS:-}"

args=(run "$PROFILE" --agents "$AGENTS" --agent-index "$index" --out "$out" --quiet)
[ -n "${RATE:-}" ] && args+=(--rate "$RATE")
[ -n "${DURATION:-}" ] && args+=(--duration "$DURATION")
[ -n "${WARMUP:-}" ] && args+=(--warmup "$WARMUP")
[ -n "${START_AT:-}" ] && args+=(--start-at "$START_AT")
[ -n "${TARGET:-}" ] && args+=(--target "$TARGET")
args+=("${extra[@]}")

echo "agent $index of $AGENTS: ${cli[*]} ${args[*]}" >&2
rc=0
"${cli[@]}" "${args[@]}" || rc=$?
echo "$rc" > "$out/exit-code" 2>/dev/null || true
case "$rc" in
  0|1|3) exit 0 ;;   # pass, threshold/baseline fail, sanity fail: the shard's output is written; merge decides
  *) exit "$rc" ;;
esac
