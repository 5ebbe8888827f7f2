# shellcheck shell=bash
# Sourced by .ci/run: the consumer pacts in contracts/pacts verified by the official pact CLI against the sandbox, the way
# a partner (or Hopper, or a PactFlow webhook) runs it: DEFAULT flags (a --state-change-url and no
# --state-change-teardown). One check, one sandbox process for all of it:
#   round 1: every HTTP pact in file order, then the same pacts with their interactions in a seeded shuffled order;
#   round 2: both again on the same sandbox, without a restart (the shuffle with the next seed).
# The seed is printed; PACT_SHUFFLE_SEED=N replays it. Missing contracts/pacts, or a provider without a pact, fails.
# Standalone: `bash .ci/checks.d/20-pact-cli-verify.sh` (after a build) runs the same and exits with its status.

# A subshell function: its EXIT trap stops the sandbox however the check ends, without touching .ci/run's traps.
. .ci/sandbox.sh
pact_cli_verify() (
  set -uo pipefail
  local cli=${PACT_CLI:-tools/pact/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
  local out=${out:-.ci/out}
  local write_pacts="run 'dotnet test contracts/Harness.Contracts' to write them"
  mkdir -p "$out"

  if [ ! -d contracts/pacts ]; then
    echo "contracts/pacts does not exist: $write_pacts" >&2
    return 1
  fi
  shopt -s nullglob
  local pacts=(contracts/pacts/*.json)
  if [ ${#pacts[@]} -eq 0 ]; then
    echo "contracts/pacts holds no pact file: $write_pacts" >&2
    return 1
  fi
  if [ ! -x "$cli" ]; then
    echo "The pact CLI is not at $cli: build a project with UsesPact=true (npm ci in tools/pact) or set PACT_CLI" >&2
    return 1
  fi

  local seed=${PACT_SHUFFLE_SEED:-$((RANDOM * 32768 + RANDOM))}
  echo "Shuffle seed: $seed (PACT_SHUFFLE_SEED=$seed replays these orders)"
  # A snapshot in one work folder, so a concurrent contract-test run rewriting contracts/pacts cannot change the files
  # mid-verification: work/<run>/<provider>/ holds that run's copies, shuffled where the run says so.
  local work
  work=$(mktemp -d)
  sandbox_cleanup=$work
  # One run per HTTP provider the sandbox serves: the airline API and Atlas under /atlas. The webhook message pact
  # (provider atlas-notifications) has no HTTP interactions; tests/Harness.Verification.Tests checks it instead.
  python3 - "$work" "$seed" "${pacts[@]}" <<'PY' || return 1
import json, os, random, sys
work, seed, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
providers = ["hts-airlines-api", "atlas-notifications-api"]
runs = [("1-file-order", None), ("1-shuffled", seed), ("2-file-order", None), ("2-shuffled", seed + 1)]
pacts = {p: [] for p in providers}
for path in files:
    with open(path, encoding="utf-8") as f:
        pact = json.load(f)
    if pact["provider"]["name"] in pacts:
        pacts[pact["provider"]["name"]].append((os.path.basename(path), pact))
missing = [p for p in providers if not pacts[p]]
if missing:
    sys.exit(f"No pact for provider {', '.join(missing)} in contracts/pacts: run 'dotnet test contracts/Harness.Contracts' to write it")
for run, run_seed in runs:
    for provider in providers:
        folder = os.path.join(work, run, provider)
        os.makedirs(folder)
        for name, pact in pacts[provider]:
            copy = dict(pact)
            interactions = list(pact["interactions"])
            if run_seed is not None:
                random.Random(f"{run_seed}:{name}").shuffle(interactions)
            copy["interactions"] = interactions
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                json.dump(copy, f)
PY

  # The pacts are written for ContractReference.Now (src/Harness.TestData/ContractReference.cs): start the clock there.
  start_sandbox "$out/pact-cli-sandbox.log" --clock 2030-01-01T00:00:00Z || return 1
  local port=${sandbox_url##*:}

  local run provider status=0 rc failed total log summary=""
  for run in 1-file-order 1-shuffled 2-file-order 2-shuffled; do
    for provider in hts-airlines-api atlas-notifications-api; do
      log="$out/pact-cli-verify-$run-$provider.log"
      echo "::: pact verifier, run $run, provider $provider (default flags: no --state-change-teardown)"
      # The verifier talks plain HTTP to 127.0.0.1 only; with the system's trust store it would read ~300 certificate
      # files for every request (eng/loopback-tls/loopback-only.pem says why).
      SSL_CERT_FILE="$PWD/eng/loopback-tls/loopback-only.pem" SSL_CERT_DIR="$PWD/eng/loopback-tls" timeout 300 "$cli" verifier \
        --dir "$work/$run/$provider" \
        --provider-name "$provider" \
        --hostname 127.0.0.1 --port "$port" \
        --state-change-url "http://127.0.0.1:$port/_pact/provider-states" \
        --request-timeout 10000 \
        --no-colour >"$log" 2>&1
      rc=$?
      total=$(python3 -c 'import glob, json, sys; print(sum(len(json.load(open(p))["interactions"]) for p in glob.glob(sys.argv[1] + "/*.json")))' "$work/$run/$provider")
      failed=$(sed -n 's/^There were \([0-9]*\) pact failures.*/\1/p' "$log" | tail -1)
      if [ "$rc" -ne 0 ]; then
        status=1
        tail -40 "$log"
        [ -n "$failed" ] || failed="? (exit $rc, see $log)"
      else
        failed=0
      fi
      summary+="$(printf '%-14s %-26s %4s interactions, %s failed' "$run" "$provider" "$total" "$failed")"$'\n'
    done
  done
  echo "pact verifier with default flags against one sandbox (seed $seed):"
  printf '%s' "$summary"
  return $status
)

if declare -F check >/dev/null; then
  check "pact CLI verifies contracts/pacts (airline and Atlas HTTP) with default flags, in file and shuffled order, twice on one sandbox" pact_cli_verify
else
  pact_cli_verify
  exit $?
fi
