#!/usr/bin/env bash
# Benchmark: POST /airline/v1.1/cfar_offers (auth, schema validation, pricing, state) against GET /_admin/ping
# (the bare HTTP floor) on the same Release sandbox, one run. Goal (issue 17): offers reach at least 0.6 of the ping rate.
# Usage: src/Harness.Sandbox/bench/wrk.sh [seconds] [connections]     (WARMUP=20 ROUNDS=3)
# The sandbox is first brought to its steady state: WARMUP seconds of offers (default 20), which is long enough on
# 2 cores for tiered compilation to finish (with a 3 s warm-up the JIT still took 13 % of the measured samples) and for
# the 200,000-entry stores to fill, so that every measured offer also evicts one, as in a long load run. Then ROUNDS
# rounds each measure ping, offers and the offer-sized echo (POST /_admin/echo: the same request, an answer of an
# offer's size, no work) back to back; each round's ratio is printed, and the median decides; echo/ping is the ceiling
# of that ratio. Beside each rate: the sandbox's CPU time per request (user + system from /proc), which a busy machine
# disturbs far less than the rate.
set -euo pipefail

DURATION="${1:-10}"
CONNECTIONS="${2:-32}"
WARMUP="${WARMUP:-20}"
ROUNDS="${ROUNDS:-3}"
PORT="${BENCH_PORT:-5199}"
. "$(dirname "${BASH_SOURCE[0]}")/sandbox-bench.sh"

# Warm up both paths to the steady state (see the top of this file) before measuring.
wrk -t2 -c"$CONNECTIONS" -d3s "$BASE/_admin/ping" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers" > /dev/null
# The HTTP floor for an exchange of an offer's size: POST /_admin/echo takes the same request (body and headers) and
# answers 201 with as many bytes as an offer answer, doing nothing else. echo/ping is the ceiling of offers/ping: what
# Kestrel and the sockets alone allow, whatever the offer path does.
ANSWER_BYTES="$(curl -sf -o /dev/null -w '%{size_download}' -X POST "$BASE/airline/v1.1/cfar_offers" \
  -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' --data-binary "$BENCH_BODY")"
wrk -t2 -c"$CONNECTIONS" -d3s -s "$HERE/cfar_offer.lua" "$BASE/_admin/echo?bytes=$ANSWER_BYTES" > /dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SANDBOX_PID/stat"; }
TICKS="$(getconf CLK_TCK)"
# measure NAME wrk-args...: runs wrk, prints "rate p99 cpu_us_per_request non2xx" on one line.
measure() {
  local before after out
  before="$(cpu_ticks)"
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")"
  after="$(cpu_ticks)"
  awk -v b="$before" -v a="$after" -v hz="$TICKS" '
    /Requests\/sec:/ {rate = $2} $1 == "99%" {p99 = $2} /requests in/ {n = $1} /Non-2xx/ {bad = $NF}
    END {printf "%s %s %.1f %d\n", rate, p99, (a - b) / hz * 1e6 / n, bad}' <<< "$out"
}

RATIOS=(); CEILINGS=()
for round in $(seq 1 "$ROUNDS"); do
  read -r PING_RATE PING_P99 PING_CPU _ <<< "$(measure "$BASE/_admin/ping")"
  read -r OFFER_RATE OFFER_P99 OFFER_CPU OFFER_BAD <<< "$(measure -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers")"
  read -r ECHO_RATE _ ECHO_CPU ECHO_BAD <<< "$(measure -s "$HERE/cfar_offer.lua" "$BASE/_admin/echo?bytes=$ANSWER_BYTES")"
  RATIO="$(awk -v o="$OFFER_RATE" -v p="$PING_RATE" 'BEGIN {printf "%.2f", o / p}')"
  CEILING="$(awk -v e="$ECHO_RATE" -v p="$PING_RATE" 'BEGIN {printf "%.2f", e / p}')"
  RATIOS+=("$RATIO"); CEILINGS+=("$CEILING")
  echo "round $round: ping $PING_RATE req/s (p99 $PING_P99, $PING_CPU us CPU/req) | cfar_offers $OFFER_RATE req/s (p99 $OFFER_P99, $OFFER_CPU us CPU/req) | ratio $RATIO | offer-sized echo ($ANSWER_BYTES bytes back) $ECHO_RATE req/s ($ECHO_CPU us CPU/req): echo/ping $CEILING"
  [ "${ECHO_BAD:-0}" -eq 0 ] || echo "round $round: $ECHO_BAD echo answers were not 2xx" >&2
  [ "${OFFER_BAD:-0}" -eq 0 ] || echo "round $round: $OFFER_BAD offer answers were not 2xx" >&2
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; } # one number per line on stdin
MEDIAN="$(printf '%s\n' "${RATIOS[@]}" | median)"
echo "ratio offers/ping, median of $ROUNDS rounds: $MEDIAN (goal >= 0.6; ${WARMUP}s warm-up, ${DURATION}s each, $CONNECTIONS connections, 2 wrk threads, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "ceiling echo/ping, median of $ROUNDS rounds: $(printf '%s\n' "${CEILINGS[@]}" | median) (an offer-sized exchange with no work behind it)"
awk -v r="$MEDIAN" 'BEGIN {exit !(r >= 0.6)}' || { echo "BELOW GOAL" >&2; exit 1; }
