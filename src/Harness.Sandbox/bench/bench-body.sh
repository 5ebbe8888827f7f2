# The benches' offer body (sourced, not run), exported as BENCH_BODY: a realistic 3-passenger round trip with an inline
# session, departing in 40 days. Read by cfar_offer.lua (wrk.sh, profile.sh) and by the sandbox's --bench-offers
# (offer-cpu.sh).
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
