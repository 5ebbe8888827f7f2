#!/usr/bin/env bash
# Bench (a script, not a test): Harness.Load against wrk and hey on the same loopback endpoint, the open model at
# 1k/2k/5k rps, and the RSS of a 60 s run at 2k rps. The endpoint is the hidden `serve-echo` verb (GET /_admin/ping)
# until the sandbox is wired in. Figures go to load/bench/out/<stamp>/ and a table to stdout; copy them to load/README.md.
# Usage: load/bench/bench.sh            (CONN=64 PORT=5099 SECONDS_EACH=10 to change the defaults)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PACT_DO_NOT_TRACK=true DOTNET_CLI_TELEMETRY_OPTOUT=1

CONN=${CONN:-64}
PORT=${PORT:-5099}
EACH=${SECONDS_EACH:-10}
URL="http://127.0.0.1:${PORT}"
OUT="load/bench/out/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

dotnet build load/Harness.Load -c Release -v quiet -nologo >/dev/null
BIN=load/Harness.Load/bin/Release/net10.0/Harness.Load

"$BIN" serve-echo --port "$PORT" --for 15m 2>"$OUT/echo.log" &
ECHO_PID=$!
trap 'kill "$ECHO_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fsS "$URL/_admin/ping" >/dev/null 2>&1 && break; sleep 0.2; done

summary() { # dir label -> one table row from summary.json
  python3 - "$1/summary.json" "$2" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); c = s["latency_ms"]["corrected"]; v = s["latency_ms"]["service"]
target = f'{s["target_rate"]:.0f}' if s.get("target_rate") else "-"
print(f'| {sys.argv[2]} | {target} | {s["achieved_rate"]:.0f} | {c["p50"]:.2f} | {c["p99"]:.2f} | {v["p99"]:.2f} | {s["lateness_ms"]["p99"]:.2f} | {s["late"]} | {s["dropped"]} | {s["requests"]["error_rate_pct"]} | {s["verdict"]} |')
PY
}

echo "## Closed model, ${CONN} connections, ${EACH}s" | tee "$OUT/table.md"
if command -v wrk >/dev/null; then
  wrk -t2 -c"$CONN" -d"${EACH}s" --latency "$URL/_admin/ping" >"$OUT/wrk.txt"
  echo "wrk: $(grep -E 'Requests/sec' "$OUT/wrk.txt"), p50 $(awk '/ 50%/{print $2}' "$OUT/wrk.txt"), p99 $(awk '/ 99%/{print $2}' "$OUT/wrk.txt")" | tee -a "$OUT/table.md"
else
  echo "wrk: not installed" | tee -a "$OUT/table.md"
fi
if command -v hey >/dev/null; then
  hey -z "${EACH}s" -c "$CONN" "$URL/_admin/ping" >"$OUT/hey.txt"
  echo "hey: $(grep -E 'Requests/sec' "$OUT/hey.txt" | xargs), $(grep -E '(50|99)% in' "$OUT/hey.txt" | xargs)" | tee -a "$OUT/table.md"
else
  echo "hey: not installed" | tee -a "$OUT/table.md"
fi

{
  echo
  echo "| run | target/s | achieved/s | p50 ms | p99 corrected ms | p99 service ms | lateness p99 ms | late | dropped | error % | verdict |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} | tee -a "$OUT/table.md"
"$BIN" run ping --target "$URL" --concurrency "$CONN" --max-connections "$CONN" --duration "${EACH}s" --warmup 2s --out "$OUT/closed" --quiet >/dev/null 2>"$OUT/closed.log" || true
summary "$OUT/closed" "Harness.Load closed, ${CONN} copies" | tee -a "$OUT/table.md"

for rate in 1000 2000 5000; do
  "$BIN" run ping --target "$URL" --rate "$rate" --duration "${EACH}s" --warmup 2s --out "$OUT/open-$rate" --quiet >/dev/null 2>"$OUT/open-$rate.log" || true
  summary "$OUT/open-$rate" "Harness.Load open ${rate}/s" | tee -a "$OUT/table.md"
done

# Peak and final RSS of a 60 s open run at 2k rps, sampled once a second from /proc.
"$BIN" run ping --target "$URL" --rate 2000 --duration 60s --warmup 2s --out "$OUT/rss-2000" --quiet >/dev/null 2>"$OUT/rss-2000.log" &
RUN_PID=$!
peak=0; last=0
while kill -0 "$RUN_PID" 2>/dev/null; do
  last=$(awk '/VmRSS/{print $2}' "/proc/$RUN_PID/status" 2>/dev/null || echo 0)
  [ "${last:-0}" -gt "$peak" ] && peak=$last
  sleep 1
done
wait "$RUN_PID" || true
summary "$OUT/rss-2000" "Harness.Load open 2000/s, 60 s" | tee -a "$OUT/table.md"
echo "RSS of the 60 s run at 2000/s: peak $((peak / 1024)) MiB, last sample $((last / 1024)) MiB" | tee -a "$OUT/table.md"
echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$OUT/table.md"
echo "bench output: $OUT"
