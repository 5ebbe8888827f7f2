# Shared by wrk.sh and profile.sh (sourced, not run): builds the Release sandbox, starts it on 127.0.0.1:$PORT with
# any SANDBOX_ENV settings (e.g. perf maps), waits for it, stops it on exit, and exports the bench's bearer token
# (BENCH_TOKEN) and offer body (BENCH_BODY: a realistic 3-passenger round trip with an inline session), both read by
# cfar_offer.lua. Callers set PORT first.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
BASE="http://127.0.0.1:$PORT"
# The sandbox's public test credentials: SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET.
. "$ROOT/src/Harness.ApiFacts/sandbox-credentials.env"

if ! command -v wrk > /dev/null; then
  apt-get install -y wrk > /dev/null
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

OUT_DATE="$(date -u -d '+40 days' +%Y-%m-%d)"
BACK_DATE="$(date -u -d '+47 days' +%Y-%m-%d)"
BENCH_BODY=$(cat <<JSON
{"itinerary":[{"currency":"CAD","total_price":"1200.00",
 "passenger_pricing":[{"passenger_count":{"count":2,"type":"adult"},"individual_price":"500.00"},
                      {"passenger_count":{"count":1,"type":"child"},"individual_price":"200.00"}],
 "passengers":[{"passenger_reference":"P1","passenger_type":"adult"},{"passenger_reference":"P2","passenger_type":"adult"},
               {"passenger_reference":"P3","passenger_type":"child"}],
 "slices":[{"segments":[{"origin_airport":"YUL","destination_airport":"CDG","departure_date_time":"${OUT_DATE}T18:30:00",
   "arrival_date_time":"${OUT_DATE}T23:55:00","flight_number":"AC870","validating_carrier_code":"AC","fare_class":"economy","fare_brand":"flex"}]},
  {"segments":[{"origin_airport":"CDG","destination_airport":"YUL","departure_date_time":"${BACK_DATE}T10:15:00",
   "arrival_date_time":"${BACK_DATE}T12:05:00","flight_number":"AC871","validating_carrier_code":"AC","fare_class":"economy"}]}],
 "fare_rules":[{"modification_type":"cancellation","modification_time":"before_departure","allowed":true,"fee":"150.00","refund_method":"ftc"}]}],
 "request_type":"fare","ext_attributes":{"source":"bench"},
 "session":{"language":"fr","point_of_sale":"CA"}}
JSON
)
export BENCH_BODY
