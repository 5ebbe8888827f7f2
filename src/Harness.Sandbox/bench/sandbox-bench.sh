# Shared by wrk.sh and profile.sh (sourced, not run): builds the Release sandbox, starts it on 127.0.0.1:$PORT with
# any SANDBOX_ENV settings (e.g. perf maps), waits for it, stops it on exit, and exports the bench's bearer token
# (BENCH_TOKEN) and offer body (BENCH_BODY, from bench-body.sh), both read by cfar_offer.lua. Callers set PORT first.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
BASE="http://127.0.0.1:$PORT"
# The sandbox's public test credentials: SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET.
. "$ROOT/src/Harness.ApiFacts/sandbox-credentials.env"

if ! command -v wrk > /dev/null; then
  # A fresh machine's package lists may be empty: refresh them once if the first install cannot find wrk.
  apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
fi

dotnet build -c Release "$ROOT/src/Harness.Sandbox" > /dev/null
env ${SANDBOX_ENV:-} dotnet "$ROOT/src/Harness.Sandbox/bin/Release/net10.0/Harness.Sandbox.dll" --port "$PORT" --quiet > /dev/null &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2> /dev/null || true' EXIT

for _ in $(seq 1 60); do
  curl -sf "$BASE/_admin/ping" > /dev/null && break
  sleep 0.5
done
curl -sf "$BASE/_admin/ping" > /dev/null || { echo "sandbox did not start on $BASE" >&2; exit 1; }

BENCH_TOKEN="$(curl -sf -X POST "$BASE/airline/v1.1/auth" -H 'Content-Type: application/json' \
  -d "{\"client_id\":\"$SANDBOX_CLIENT_ID\",\"client_secret\":\"$SANDBOX_CLIENT_SECRET\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
export BENCH_TOKEN

. "$HERE/bench-body.sh"
