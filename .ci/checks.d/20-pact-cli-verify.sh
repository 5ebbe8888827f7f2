# shellcheck shell=bash
# Sourced by .ci/run: the consumer pacts in contracts/pacts verified by the official pact CLI against the sandbox
# (a second verifier beside the in-process one in tests/Harness.Verification.Tests). One check.

# A subshell function: its EXIT trap stops the sandbox however the check ends, without touching .ci/run's traps.
. .ci/sandbox.sh
pact_cli_verify() (
  set -uo pipefail
  local cli=${PACT_CLI:-tools/pact/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
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
  # A snapshot, so a concurrent contract-test run rewriting contracts/pacts cannot change the files mid-verification.
  local snapshot
  snapshot=$(mktemp -d)
  sandbox_cleanup=$snapshot
  cp "${pacts[@]}" "$snapshot"/

  # The pacts are written for ContractReference.Now (src/Harness.TestData/ContractReference.cs): start the clock there.
  start_sandbox "$out/pact-cli-sandbox.log" --clock 2030-01-01T00:00:00Z || return 1
  local port=${sandbox_url##*:}

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
