#!/usr/bin/env bash
# Soak bench (a script, not a test): the generator's memory over a long open-model run. The sandbox runs standalone (its
# own process, on a free port) and the built-in cfar_offer_fixed scenario loads it at RATE/s for DURATION; the
# generator's RSS is sampled from /proc every SAMPLE seconds and printed as a table, then first/peak/last and the run's
# verdict. Memory is flat when the last samples stay near the first ones after warm-up (the series is bounded at
# 1 200 buckets, the histograms are fixed-size, nothing is kept per iteration).
# Usage: load/bench/soak.sh            (RATE=500 DURATION=10m SAMPLE=10)
#        DURATION=2m load/bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PACT_DO_NOT_TRACK=true DOTNET_CLI_TELEMETRY_OPTOUT=1

RATE=${RATE:-500}
DURATION=${DURATION:-10m}
SAMPLE=${SAMPLE:-10}
OUT="load/bench/out/soak-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

dotnet build load/Harness.Load.Airline -c Release -v quiet -nologo >/dev/null
BIN_DIR=load/Harness.Load.Airline/bin/Release/net10.0
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
URL="http://127.0.0.1:${PORT}"

dotnet "$BIN_DIR/Harness.Sandbox.dll" --port "$PORT" --quiet >"$OUT/sandbox.log" 2>&1 &
SANDBOX_PID=$!
stop_sandbox() { # SIGTERM, then SIGKILL if it has not stopped within 5 s: the bench must not leave a server behind
  kill "$SANDBOX_PID" 2>/dev/null || return 0
  for _ in $(seq 1 25); do kill -0 "$SANDBOX_PID" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$SANDBOX_PID" 2>/dev/null || true
}
trap stop_sandbox EXIT
for _ in $(seq 1 100); do curl -fsS "$URL/_admin/ping" >/dev/null 2>&1 && break; sleep 0.2; done

"$BIN_DIR/Harness.Load.Airline" run cfar_offer_fixed --target "$URL" --rate "$RATE" --duration "$DURATION" --warmup 5s \
  --out "$OUT/run" --quiet >"$OUT/run.md" 2>"$OUT/run.log" &
RUN_PID=$!
echo "| elapsed s | generator RSS MiB |" | tee "$OUT/rss.md"
echo "|---:|---:|" | tee -a "$OUT/rss.md"
start=$(date +%s); first=0; peak=0; last=0
while kill -0 "$RUN_PID" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$RUN_PID/status" 2>/dev/null || echo 0)
  if [ "${rss:-0}" -gt 0 ]; then
    [ "$first" -eq 0 ] && [ $(( $(date +%s) - start )) -ge 10 ] && first=$rss
    [ "$rss" -gt "$peak" ] && peak=$rss
    last=$rss
    echo "| $(( $(date +%s) - start )) | $((rss / 1024)) |" | tee -a "$OUT/rss.md"
  fi
  sleep "$SAMPLE"
done
rc=0; wait "$RUN_PID" || rc=$?
python3 - "$OUT/run/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); c = s["latency_ms"]["corrected"]
print(f'run: {s["verdict"]}, {s["requests"]["total"]} iterations, achieved {s["achieved_rate"]:.0f}/{s["target_rate"]:.0f} per s, '
      f'p99 corrected {c["p99"]:.2f} ms, late {s["late"]}, dropped {s["dropped"]}, errors {s["requests"]["fail"]}')
PY
echo "generator RSS at ${RATE}/s for ${DURATION}: first sample after 10 s $((first / 1024)) MiB, peak $((peak / 1024)) MiB, last $((last / 1024)) MiB (exit $rc)" | tee -a "$OUT/rss.md"
echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$OUT/rss.md"
echo "soak output: $OUT"
