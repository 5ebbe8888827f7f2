-- wrk script: POST /airline/v1.1/cfar_offers with a realistic CFAR offer body and a bearer token.
-- BENCH_BODY and BENCH_TOKEN come from wrk.sh. No response() hook: running Lua per response would load wrk, not the
-- sandbox, and skew the comparison with ping; wrk itself reports any answer that is not 2xx.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
