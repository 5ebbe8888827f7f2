# shellcheck shell=bash
# Sourced by .ci/run: the consumer pacts in contracts/pacts verified by the official pact CLI against the sandbox
# (a second verifier beside the in-process one in tests/Harness.Verification.Tests). One check.

# A subshell function: its EXIT trap stops the sandbox however the check ends, without touching .ci/run's traps.
pact_cli_verify() (
  set -uo pipefail
  local cli=${PACT_CLI:-tools/pact/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
  local sandbox_dll=src/Harness.Sandbox/bin/${CONFIGURATION:-Debug}/net10.0/Harness.Sandbox.dll
  local out=${out:-.ci/out}
  mkdir -p "$out"

  if [ ! -d contracts/pacts ]; then
    echo "contracts/pacts does not exist yet (no consumer contract tests have run): nothing to verify"
    return 0
  fi
  shopt -s nullglob
  local pacts=(contracts/pacts/*.json)
  if [ ${#pacts[@]} -eq 0 ]; then
    echo "contracts/pacts holds no pact file: run 'dotnet test contracts/Harness.Contracts'" >&2
    return 1
  fi
  if [ ! -x "$cli" ]; then
    echo "The pact CLI is not at $cli: build a project with UsesPact=true (npm ci in tools/pact) or set PACT_CLI" >&2
    return 1
  fi
  if [ ! -f "$sandbox_dll" ]; then
    dotnet build src/Harness.Sandbox -c "${CONFIGURATION:-Debug}" -v quiet --nologo >/dev/null || return 1
  fi

  # A snapshot, so a concurrent contract-test run rewriting contracts/pacts cannot change the files mid-verification.
  local snapshot sandbox_pid=""
  snapshot=$(mktemp -d)
  # TERM first; the sandbox gets 5 s to stop before KILL, so a sandbox that ignores TERM cannot hang CI.
  stop_sandbox() {
    if [ -n "$sandbox_pid" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
      kill "$sandbox_pid" 2>/dev/null
      for _ in $(seq 1 20); do kill -0 "$sandbox_pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$sandbox_pid" 2>/dev/null
    fi
    rm -rf "$snapshot"
  }
  trap stop_sandbox EXIT
  cp "${pacts[@]}" "$snapshot"/

  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  dotnet "$sandbox_dll" --port "$port" --quiet >"$out/pact-cli-sandbox.log" 2>&1 &
  sandbox_pid=$!

  local ready=""
  for _ in $(seq 1 60); do # at most ~30 s
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/_admin/ping" 2>/dev/null; then ready=1; break; fi
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "The sandbox did not answer on 127.0.0.1:$port; its log:" >&2
    cat "$out/pact-cli-sandbox.log" >&2
    return 1
  fi

  # One run per HTTP provider the sandbox serves: the airline API and Atlas under /atlas. The webhook message pact
  # (provider atlas-notifications) has no HTTP interactions; tests/Harness.Verification.Tests checks it instead.
  local provider status=0 selected
  for provider in hts-airlines-api atlas-notifications-api; do
    selected=$(mktemp -d)
    for pact in "$snapshot"/*.json; do
      if python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["provider"]["name"] == sys.argv[2] else 1)' "$pact" "$provider"; then
        cp "$pact" "$selected"/
      fi
    done
    local found=("$selected"/*.json)
    if [ ${#found[@]} -eq 0 ]; then
      echo "No pact for provider $provider in contracts/pacts: skipped"
      rm -rf "$selected"
      continue
    fi
    timeout 300 "$cli" verifier \
      --dir "$selected" \
      --provider-name "$provider" \
      --hostname 127.0.0.1 --port "$port" \
      --state-change-url "http://127.0.0.1:$port/_pact/provider-states" --state-change-teardown \
      --request-timeout 10000 \
      --no-colour 2>&1 | tee "$out/pact-cli-verify-$provider.log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
    rm -rf "$selected"
  done
  return $status
)

check "pact CLI verifies contracts/pacts (airline and Atlas HTTP) against the sandbox" pact_cli_verify
