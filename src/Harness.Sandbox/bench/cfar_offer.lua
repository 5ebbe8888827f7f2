-- wrk script: POST /airline/v1.1/cfar_offers with a realistic CFAR offer body and a bearer token.
-- BENCH_BODY and BENCH_TOKEN come from wrk.sh; every non-201 answer is counted and reported.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

local unexpected = 0

function response(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("offers answered other than 201 (last thread): %d\n", unexpected))
end
