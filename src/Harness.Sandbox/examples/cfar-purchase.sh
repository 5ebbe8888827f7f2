#!/usr/bin/env bash
# A CFAR purchase and exercise walked with curl against a running sandbox — the README's walk, runnable.
#   dotnet run --project src/Harness.Sandbox &          # http://127.0.0.1:5180
#   src/Harness.Sandbox/examples/cfar-purchase.sh [BASE_URL]
# Needs curl and jq. Each step prints what it sent and the key fields of the answer; any unexpected status stops it.
set -euo pipefail
B=${1:-http://127.0.0.1:5180}/airline/v1.1
# The sandbox's public test credentials: SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET.
. "$(dirname "${BASH_SOURCE[0]}")/../../Harness.ApiFacts/sandbox-credentials.env"

call() { # METHOD PATH EXPECTED_STATUS [BODY] [EXTRA CURL ARGS...]
  local method=$1 path=$2 expected=$3 body=${4:-}; shift 4 || shift $#
  local args=(-sS -o /tmp/sandbox-walk.$$ -w '%{http_code}' -X "$method" "$B$path" -H 'Content-Type: application/json')
  [ -n "${TOKEN:-}" ] && args+=(-H "Authorization: Bearer $TOKEN")
  [ -n "$body" ] && args+=(-d "$body")
  local status; status=$(curl "${args[@]}" "$@")
  echo "$method $path -> $status" >&2
  if [ "$status" != "$expected" ]; then echo "expected $expected; body: $(cat /tmp/sandbox-walk.$$)" >&2; exit 1; fi
  cat /tmp/sandbox-walk.$$; rm -f /tmp/sandbox-walk.$$
}

departure=$(date -u -d '+40 days' +%Y-%m-%dT10:00:00)
arrival=$(date -u -d '+40 days' +%Y-%m-%dT17:00:00)
itinerary=$(jq -n --arg d "$departure" --arg a "$arrival" '{
  currency: "CAD",
  passenger_pricing: [{passenger_count: {count: 2, type: "adult"}, individual_price: "300.00"}],
  slices: [{segments: [{origin_airport: "YUL", destination_airport: "CDG", departure_date_time: $d,
    arrival_date_time: $a, flight_number: "AC870", validating_carrier_code: "AC", fare_class: "economy"}]}]}')

# 1. Token (spec: 201). The sandbox's public test credentials.
TOKEN=$(call POST /auth 201 "$(jq -n --arg id "$SANDBOX_CLIENT_ID" --arg secret "$SANDBOX_CLIENT_SECRET" '{client_id: $id, client_secret: $secret}')" | jq -r .access_token)

# 2. A purchase session: its id goes in HC-Session-ID on the calls that take it.
SESSION=$(call POST /sessions 201 '{"flow_type":"purchase","language":"en","point_of_sale":"CA"}' | jq -r .id)

# 3. CFAR offers for the itinerary; pick the first.
offers=$(call POST /cfar_offers 201 "$(jq -n --argjson i "$itinerary" '{itinerary: [$i], request_type: "fare", ext_attributes: {}}')" \
  -H "HC-Session-ID: $SESSION")
OFFER=$(jq -r '.[0].id' <<<"$offers")
echo "offer $OFFER: premium $(jq -r '.[0].premium' <<<"$offers") $(jq -r '.[0].currency' <<<"$offers")" >&2

# 4. A contract from that offer, with the same itinerary (else 422 itinerary_mismatch).
CONTRACT=$(call POST /cfar_contracts 201 "$(jq -n --arg o "$OFFER" --argjson i "$itinerary" '{offer_ids: [$o], itinerary: $i, ext_attributes: {}}')" | jq -r .id)

# 5. The airline took the payment (airline is merchant of record): confirm with the PNR.
call PUT "/cfar_contracts/$CONTRACT/update_status" 200 '{"status":"confirmed","pnr_reference":"PNR123"}' | jq -r '"status: " + .status' >&2

# 6. Read it back.
call GET "/cfar_contracts/$CONTRACT" 200 | jq '{id, status, premium, coverage, currency}'

# 7. The traveller cancels for any reason: an exercise session, then the exercise on the booked segment.
EXSESSION=$(call POST /sessions 201 '{"flow_type":"exercise","product":"cfar","language":"en","point_of_sale":"CA"}' | jq -r .id)
exercise=$(call POST /cfar_contract_exercises 201 "$(jq -n --arg c "$CONTRACT" --argjson i "$itinerary" \
  '{contract_id: $c, pnr_reference: "PNR123", ext_attributes: {}, itinerary: {slices: $i.slices}}')" -H "HC-Session-ID: $EXSESSION")
jq '{id, cash_refund_allowance, ftc_refund_allowance}' <<<"$exercise"
EXERCISE=$(jq -r .id <<<"$exercise")
CODE=$(jq -r .redirection_token <<<"$exercise")

# 8. The airline refunded the traveller: mark the exercise completed (once; a second time is 422).
call PUT "/cfar_contract_exercises/$EXERCISE/mark_completed" 200 \
  "$(jq -n --arg r "$(jq -r .cash_refund_allowance <<<"$exercise")" '{refund_amount: $r, refund_method: "cash"}')" \
  -H "HC-Session-ID: $EXSESSION" | jq -r '"exercise status: " + (.status // "completed")' >&2

# 9. The payout receipt, a PDF, found by the exercise's redirection token (no bearer token: the spec makes it public).
receipt=${RECEIPT:-cfar-receipt.pdf}
curl -fsS "$B/customer/cfar/payout/receipt" -H "verification-code: $CODE" -o "$receipt"
echo "GET /customer/cfar/payout/receipt -> $receipt ($(head -c 8 "$receipt"))" >&2
