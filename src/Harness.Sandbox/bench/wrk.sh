#!/usr/bin/env bash
# Benchmark: POST /airline/v1.1/cfar_offers (auth, schema validation, pricing, state) against GET /_admin/ping
# (the bare HTTP floor) on the same Release sandbox, one run. Goal (issue 17): offers reach at least 0.6 of the ping rate.
# Usage: src/Harness.Sandbox/bench/wrk.sh [seconds] [connections]
set -euo pipefail

DURATION="${1:-10}"
CONNECTIONS="${2:-32}"
PORT="${BENCH_PORT:-5199}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
BASE="http://127.0.0.1:$PORT"
# The sandbox's public test credentials: SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET.
. "$ROOT/src/Harness.ApiFacts/sandbox-credentials.env"

if ! command -v wrk > /dev/null; then
  apt-get install -y wrk > /dev/null
fi

dotnet build -c Release "$ROOT/src/Harness.Sandbox" > /dev/null
dotnet "$ROOT/src/Harness.Sandbox/bin/Release/net10.0/Harness.Sandbox.dll" --port "$PORT" --quiet > /dev/null &
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

OUT="$(date -u -d '+40 days' +%Y-%m-%d)"
BACK="$(date -u -d '+47 days' +%Y-%m-%d)"
BENCH_BODY=$(cat <<JSON
{"itinerary":[{"currency":"CAD","total_price":"1200.00",
 "passenger_pricing":[{"passenger_count":{"count":2,"type":"adult"},"individual_price":"500.00"},
                      {"passenger_count":{"count":1,"type":"child"},"individual_price":"200.00"}],
 "passengers":[{"passenger_reference":"P1","passenger_type":"adult"},{"passenger_reference":"P2","passenger_type":"adult"},
               {"passenger_reference":"P3","passenger_type":"child"}],
 "slices":[{"segments":[{"origin_airport":"YUL","destination_airport":"CDG","departure_date_time":"${OUT}T18:30:00",
   "arrival_date_time":"${OUT}T23:55:00","flight_number":"AC870","validating_carrier_code":"AC","fare_class":"economy","fare_brand":"flex"}]},
  {"segments":[{"origin_airport":"CDG","destination_airport":"YUL","departure_date_time":"${BACK}T10:15:00",
   "arrival_date_time":"${BACK}T12:05:00","flight_number":"AC871","validating_carrier_code":"AC","fare_class":"economy"}]}],
 "fare_rules":[{"modification_type":"cancellation","modification_time":"before_departure","allowed":true,"fee":"150.00","refund_method":"ftc"}]}],
 "request_type":"fare","ext_attributes":{"source":"bench"},
 "session":{"language":"fr","point_of_sale":"CA"}}
JSON
)
export BENCH_BODY

# Warm up both paths (JIT, tiered compilation) before measuring.
wrk -t2 -c"$CONNECTIONS" -d3s "$BASE/_admin/ping" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d3s -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers" > /dev/null

PING_OUT="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/_admin/ping")"
OFFER_OUT="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers")"

rate() { awk '/Requests\/sec:/ {print $2}' <<< "$1"; }
p99() { awk '$1 == "99%" {print $2}' <<< "$1"; }
PING_RATE="$(rate "$PING_OUT")"
OFFER_RATE="$(rate "$OFFER_OUT")"
RATIO="$(awk -v o="$OFFER_RATE" -v p="$PING_RATE" 'BEGIN {printf "%.2f", o / p}')"

echo "$OFFER_OUT" | grep -E 'Non-2xx|Socket errors' || true
echo "GET  /_admin/ping              : $PING_RATE req/s (p99 $(p99 "$PING_OUT"))"
echo "POST /airline/v1.1/cfar_offers : $OFFER_RATE req/s (p99 $(p99 "$OFFER_OUT"))"
echo "ratio offers/ping              : $RATIO (goal >= 0.6; ${DURATION}s, $CONNECTIONS connections, 2 wrk threads)"
awk -v r="$RATIO" 'BEGIN {exit !(r >= 0.6)}' || { echo "BELOW GOAL" >&2; exit 1; }
