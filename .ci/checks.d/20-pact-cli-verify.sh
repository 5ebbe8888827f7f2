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

  timeout 300 "$cli" verifier \
    --dir "$snapshot" \
    --provider-name hts-airlines-api \
    --hostname 127.0.0.1 --port "$port" \
    --state-change-url "http://127.0.0.1:$port/_pact/provider-states" --state-change-teardown \
    --request-timeout 10000 \
    --no-colour 2>&1 | tee "$out/pact-cli-verify.log"
)

check "pact CLI verifies contracts/pacts against the sandbox" pact_cli_verify
