# shellcheck shell=bash
# Sourced by .ci/run: every byte the harness sends and the sandbox answers, validated by an independent tool, Stoplight
# Prism (pinned in tools/prism), running as a validating proxy in front of the standalone sandbox:
#   prism proxy <the repo spec, paths under its server's base path /airline/v1.1> <sandbox URL> --errors
# The harness runs through it in REAL-TARGET mode (a URL and credentials, not the in-process sandbox: the path a partner
# takes against Hopper's staging): the journey suite (scenarios/, RealTargetTests), the README's curl walk
# (src/Harness.Sandbox/examples/cfar-purchase.sh) and a 5 s load smoke of `offers` and `events`, all four at the same
# time (standalone on the quiet machine: 33 s one after the other, 22 s together), reported in that order.
# Only the Airline API goes through Prism: the Atlas API is not in the OpenAPI spec (contracts/spec/atlas-notifications.md).
# With --errors Prism answers a violation with an error (500 for a response, 422/401 for a request) and logs only
# "Request terminated with error"; tools/prism/prism_check.py taps the exchanges in front of Prism and keeps Prism's list
# of violations. Any violation fails the check, named by operation, direction (request/response) and Prism's message.
# Logs: .ci/out/prism/. Standalone, after a build: `bash .ci/checks.d/60-prism.sh` (PRISM_STEPS="journeys curl load"
# picks the parts). The second check proves the first can fail: the curl walk against a sandbox whose response-break
# hook drops a required field, and a request outside the spec, must both be reported by the summariser (logs:
# .ci/out/prism-break/). It runs on the SAME stack (sandbox, Prism, tap), after the first check's traffic and verdict:
# one Prism and one sandbox start instead of two. The second check only waits for and reports that verdict.
# Both are check_early: they read nothing the tests write, so they start beside the tests (.ci/run; CHECKS_EARLY=0 keeps
# them for after).
# The Debug build's dlls run directly (`dotnet X.dll`, `dotnet test X.dll`): no MSBuild evaluation per step.
. .ci/sandbox.sh

# The load project the smoke runs (built by `dotnet build Harness.sln`; --no-build, the build's configuration).
PRISM_LOAD_PROJECT=load/Harness.Load.Airline
PRISM_DIR=tools/prism
PRISM_SPEC=contracts/spec/hopper-airlines-openapi.yml
# Real-target mode needs credentials: the sandbox's public, documented test pair, from its one definition.
. src/Harness.ApiFacts/sandbox-credentials.env
PRISM_CREDENTIALS=(HARNESS_CLIENT_ID="$SANDBOX_CLIENT_ID" HARNESS_CLIENT_SECRET="$SANDBOX_CLIENT_SECRET")

# wait_port LOG SED_PATTERN PID SECONDS: prints the port a process bound to port 0 announced in LOG, on the line
# matching SED_PATTERN (its first group is the port), polled for SECONDS while PID lives.
wait_port() {
  local deadline=$((SECONDS + $4)) port
  while [ "$SECONDS" -lt "$deadline" ]; do
    port=$(sed -n "s#.*$2.*#\\1#p" "$1" 2>/dev/null | head -1)
    [ -n "$port" ] && { echo "$port"; return 0; }
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# wait_http URL PID SECONDS: any HTTP answer from URL within SECONDS (polled), while PID lives.
wait_http() {
  local deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null)" != "000" ] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

stop_pid() { # TERM, 5 s, then KILL
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null
  return 0
}

stop_prism_stack() {
  stop_pid "${prism_tap_pid:-}"
  stop_pid "${prism_pid:-}"
  stop_sandbox
}

# prism_install: npm ci in tools/prism when Prism is not installed. .ci/run starts it in the background before the build
# (check_prepare below): it waits on the network, not on the cores. One npm ci at a time (flock): whoever comes second
# waits for the first and finds it done.
prism_install() {
  (
    flock 9
    if [ ! -x "$PRISM_DIR/node_modules/.bin/prism" ]; then
      echo "Installing Prism (npm ci in $PRISM_DIR)..."
      (cd "$PRISM_DIR" && SCARF_ANALYTICS=false timeout 300 npm ci --no-audit --no-fund --loglevel=error) || {
        echo "npm ci in $PRISM_DIR failed" >&2; exit 1; }
    fi
  ) 9>"${TMPDIR:-/tmp}/harness-prism-npm-ci.lock"
}

# prism_up LOGDIR: sandbox, Prism in front of it, the tap in front of Prism; sets $prism_url (what clients use, the
# tap's root) and $prism_base (the Airline API base under it). Everything stops when the calling subshell exits.
prism_up() {
  local logs=$1
  mkdir -p "$logs"
  : >"$logs/exchanges.jsonl"
  prism_install || return 1
  start_sandbox "$logs/sandbox.log" || return 1
  trap stop_prism_stack EXIT
  python3 "$PRISM_DIR/prism_check.py" spec "$PRISM_SPEC" "$logs/spec.yml" || return 1

  # Prism and the tap bind port 0 and print the port they got (see start_sandbox: a port picked before binding could be
  # taken in between by the tests running beside this check).
  local prism_port
  SCARF_ANALYTICS=false "$PRISM_DIR/node_modules/.bin/prism" proxy "$logs/spec.yml" "$sandbox_url" --errors \
    -h 127.0.0.1 -p 0 >"$logs/prism.log" 2>&1 &
  prism_pid=$!
  if ! prism_port=$(wait_port "$logs/prism.log" 'Prism is listening on http://127\.0\.0\.1:\([0-9]*\).*' "$prism_pid" 120) ||
     ! wait_http "http://127.0.0.1:$prism_port/_prism-ready" "$prism_pid" 30; then
    echo "Prism did not start listening within 120 s; its log:" >&2
    tail -30 "$logs/prism.log" >&2
    return 1
  fi

  python3 "$PRISM_DIR/prism_check.py" tap 0 "http://127.0.0.1:$prism_port" "$logs/exchanges.jsonl" \
    >"$logs/tap.log" 2>&1 &
  prism_tap_pid=$!
  local tap_port
  if ! tap_port=$(wait_port "$logs/tap.log" 'prism tap listening on http://127\.0\.0\.1:\([0-9]*\)' "$prism_tap_pid" 30) ||
     ! wait_http "http://127.0.0.1:$tap_port/_prism-ready" "$prism_tap_pid" 30; then
    echo "The Prism tap did not start listening; its log:" >&2
    cat "$logs/tap.log" >&2
    return 1
  fi
  prism_url="http://127.0.0.1:$tap_port"
  prism_base="$prism_url$(python3 "$PRISM_DIR/prism_check.py" base "$PRISM_SPEC")/"
  echo "Prism $(cat "$PRISM_DIR/node_modules/@stoplight/prism-cli/package.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])') validating $sandbox_url; clients use $prism_base"
}

prism_summary() { # LOGDIR: the violations Prism reported (exit 1 when any)
  python3 "$PRISM_DIR/prism_check.py" summarise "$PRISM_SPEC" "$1/exchanges.jsonl" "$1/prism.log"
}

# The harness through Prism, then the probe on the same stack. Each part runs bounded (timeout); a part that fails is
# named, and the summary of Prism's violations is printed whatever happened. The probe's verdict goes to
# prism-break/verdict.{log,rc} for the second check; it is written however this function ends.
prism_validating_proxy() (
  set -uo pipefail
  local probe=${out:-.ci/out}/prism-break status
  rm -rf "$probe"; mkdir -p "$probe"
  _prism_run "$probe"; status=$?
  if [ ! -f "$probe/verdict.rc" ]; then
    echo "The probe did not run: the Prism stack stopped first (see the first Prism check's output)" >"$probe/verdict.log"
    echo 1 >"$probe/verdict.rc"
  fi
  return $status
)

_prism_run() ( # PROBE_DIR; a subshell: its EXIT trap stops the stack before the caller looks at the probe's verdict
  set -uo pipefail
  local probe=$1 logs=${out:-.ci/out}/prism steps=${PRISM_STEPS:-journeys curl load} status=0 started=$SECONDS
  local config=${CONFIGURATION:-Debug}
  local journeys=scenarios/Harness.Scenarios.Tests/bin/$config/net10.0/Harness.Scenarios.Tests.dll
  local load="$PRISM_LOAD_PROJECT/bin/$config/net10.0/Harness.Load.Airline.dll" built
  for built in "$journeys" "$load"; do
    [ -f "$built" ] || { echo "$built is missing: run 'dotnet build Harness.sln' first" >&2; return 1; }
  done
  prism_up "$logs" || return 1

  # The parts run at the same time, each through the same Prism (it validates every exchange whoever sends it), and
  # are reported in this order when all have finished: journeys, curl walk, then each load smoke.
  local curl_pid="" profile rc
  local -A load_pids=()
  if [[ " $steps " == *" curl "* ]]; then
    RECEIPT="$logs/cfar-receipt.pdf" timeout 120 src/Harness.Sandbox/examples/cfar-purchase.sh "$prism_url" >"$logs/curl-walk.log" 2>&1 &
    curl_pid=$!
  fi
  if [[ " $steps " == *" load "* ]]; then
    for profile in offers events; do
      env "${PRISM_CREDENTIALS[@]}" timeout 180 dotnet "$load" \
        run "$profile" --target "$prism_base" --rate 10 --duration 5s --warmup 1s \
        --out "$logs/load-$profile" --quiet >"$logs/load-$profile.md" 2>&1 &
      load_pids[$profile]=$!
    done
  fi

  if [[ " $steps " == *" journeys "* ]]; then
    echo "::: through Prism: the journey suite in real-target mode (RealTargetTests)"
    env "${PRISM_CREDENTIALS[@]}" HARNESS_TARGET_URL="$prism_base" HARNESS_ALLOW_PAID_JOURNEYS=true \
      timeout 600 dotnet test "$journeys" \
      --filter "FullyQualifiedName~RealTargetTests" --logger "console;verbosity=normal" >"$logs/journeys.log" 2>&1 ||
      { status=1; echo "The journeys failed through Prism (log: $logs/journeys.log):"; grep -E "Failed|failed at step|Expected" "$logs/journeys.log" | head -20; }
    grep -E "Total tests|^ +(Passed|Failed): " "$logs/journeys.log" | tail -3
  fi

  if [ -n "$curl_pid" ]; then
    echo "::: through Prism: the README's curl walk"
    wait "$curl_pid" || { status=1; echo "The curl walk failed through Prism:"; tail -5 "$logs/curl-walk.log"; }
  fi

  for profile in offers events; do
    [ -n "${load_pids[$profile]:-}" ] || continue
    echo "::: through Prism: load smoke '$profile', 10/s for 5 s"
    wait "${load_pids[$profile]}"; rc=$?
    # 0 pass, 1 a threshold failed: judged below (Prism's own latency is in every request, so the profile's latency
    # thresholds are not this check's); anything else (usage, sanity, timeout) fails.
    if [ "$rc" -gt 1 ] || ! python3 "$PRISM_DIR/prism_check.py" load "$logs/load-$profile/summary.json"; then
      status=1; echo "The '$profile' load smoke failed through Prism (exit $rc):"; tail -25 "$logs/load-$profile.md"
    fi
  done

  prism_summary "$logs" || status=1
  echo "Prism check: $((SECONDS - started)) s"

  local probe_started=$SECONDS probe_rc
  prism_catches_a_violation "$logs" "$probe" >"$probe/verdict.log" 2>&1; probe_rc=$?
  echo "(the probe on the same stack: $((SECONDS - probe_started)) s)" >>"$probe/verdict.log"
  echo "$probe_rc" >"$probe/verdict.rc"
  return $status
)

# The check above must be able to fail: the sandbox's response-break hook drops `premium`, which the spec requires in
# postCfar_contracts's 201; the curl walk through Prism must stop, and the summariser must name that operation, the
# response direction and Prism's message. Likewise for a request outside the spec (postSessions, request direction).
# LOGDIR is the running stack's (its exchanges so far are the first check's); only what this probe sends is judged:
# the lines the tap and Prism add from here on are copied to PROBE_DIR and summarised there. The break is cleared after.
prism_catches_a_violation() { # LOGDIR PROBE_DIR
  local logs=$1 probe=$2 exchanges_before prism_before
  exchanges_before=$(wc -l <"$logs/exchanges.jsonl")
  prism_before=$(wc -l <"$logs/prism.log")
  curl -fsS -o /dev/null -X POST "$sandbox_url/_admin/break" -H 'Content-Type: application/json' \
    -d '{"operation_id":"postCfar_contracts","field":"premium"}' || return 1
  local walk_rc=0
  RECEIPT="$probe/cfar-receipt.pdf" timeout 120 src/Harness.Sandbox/examples/cfar-purchase.sh "$prism_url" >"$probe/curl-walk.log" 2>&1 || walk_rc=$?
  # And a request that breaks the spec (flow_type outside its enum): Prism must refuse it before the sandbox sees it.
  curl -sS -o /dev/null --max-time 30 -X POST "$prism_base"sessions -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer prism-check' -d '{"flow_type":"browse","language":"en","point_of_sale":"CA"}'
  curl -fsS -o /dev/null -X DELETE "$sandbox_url/_admin/break" || { echo "DELETE /_admin/break failed" >&2; return 1; }
  tail -n +"$((exchanges_before + 1))" "$logs/exchanges.jsonl" >"$probe/exchanges.jsonl"
  tail -n +"$((prism_before + 1))" "$logs/prism.log" >"$probe/prism.log"
  if [ "$walk_rc" -eq 0 ]; then
    echo "The curl walk passed although the sandbox dropped a required field: Prism did not stop it" >&2
    return 1
  fi
  local summary rc
  summary=$(prism_summary "$probe"); rc=$?
  echo "$summary"
  [ "$rc" -eq 1 ] || { echo "The summariser exited $rc, not 1" >&2; return 1; }
  grep -qE "VIOLATION postCfar_contracts response .*premium" <<<"$summary" ||
    { echo "The summary does not name postCfar_contracts, response, premium" >&2; return 1; }
  grep -qE "VIOLATION postSessions request .*flow_type" <<<"$summary" ||
    { echo "The summary does not name postSessions, request, flow_type" >&2; return 1; }
}

# The second check: the probe's verdict, written by the first check when its traffic is done (at most 20 minutes).
prism_probe_verdict() {
  local probe=${out:-.ci/out}/prism-break deadline=$((SECONDS + 1200))
  while [ ! -f "$probe/verdict.rc" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "No verdict from the probe in $probe within 20 minutes" >&2; return 1; }
    sleep 1
  done
  cat "$probe/verdict.log"
  return "$(cat "$probe/verdict.rc")"
}

if declare -F check >/dev/null; then
  check_prepare prism_install
  check_early "Prism validating proxy: journeys, curl walk and load smoke (offers, events) in real-target mode, 0 violations" prism_validating_proxy
  check_early "Prism check fails on a violation: a dropped response field and a request outside the spec are reported (operation, direction, message)" prism_probe_verdict
else
  prism_validating_proxy; rc=$?
  echo "::: the probe: a dropped response field and a request outside the spec must be reported"
  prism_probe_verdict || rc=1
  exit $rc
fi
