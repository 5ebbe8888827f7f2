#!/usr/bin/env bash
# Where the offer path's time goes, at the steady state: starts the Release sandbox with perf maps, warms it up as
# wrk.sh does (WARMUP=20 s of offers), then samples it with `perf record -g` for SECONDS_SAMPLED (8) while wrk keeps
# POSTing offers, and prints one table: the share of all samples by where they land (the JIT'd code, the runtime with its
# collector, the kernel, the JIT itself) and the inclusive share of the offer path's own steps.
# Usage: src/Harness.Sandbox/bench/profile.sh   (needs perf and wrk; BENCH_PORT=5198 WARMUP=20 SECONDS_SAMPLED=8)
set -euo pipefail

PORT="${BENCH_PORT:-5198}"
WARMUP="${WARMUP:-20}"
SAMPLED="${SECONDS_SAMPLED:-8}"
command -v perf > /dev/null || { echo "perf is not installed (apt-get install linux-tools-generic)" >&2; exit 2; }
OUT="${KEEP_OUT:-$(mktemp -d)}"
# Perf maps name the JIT'd methods; W^X off keeps their code at the addresses the maps give.
SANDBOX_ENV="DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0"
. "$(dirname "${BASH_SOURCE[0]}")/sandbox-bench.sh"
trap 'kill "$SANDBOX_PID" 2> /dev/null || true; [ -n "${KEEP_OUT:-}" ] || rm -rf "$OUT"' EXIT

wrk -t2 -c32 -d"${WARMUP}s" -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers" > /dev/null
wrk -t2 -c32 -d"$((SAMPLED + 2))s" -s "$HERE/cfar_offer.lua" "$BASE/airline/v1.1/cfar_offers" > "$OUT/wrk.txt" &
WRK_PID=$!
sleep 1
perf record -F 499 -g -p "$SANDBOX_PID" -o "$OUT/perf.data" -- sleep "$SAMPLED" > /dev/null 2>&1
wait "$WRK_PID"

perf report -i "$OUT/perf.data" --no-children --sort dso --stdio -g none 2> /dev/null > "$OUT/dso.txt"
perf report -i "$OUT/perf.data" --children --sort sym --stdio -g none 2> /dev/null > "$OUT/children.txt"
python3 - "$OUT/dso.txt" "$OUT/children.txt" "$OUT/wrk.txt" <<'PY'
import re, sys
dso, children, wrk = (open(p).read() for p in sys.argv[1:4])
def share(pattern, text, column=0):
    for line in text.splitlines():
        numbers = re.findall(r"([0-9.]+)%", line)
        if numbers and re.search(pattern, line):
            return float(numbers[column])
    return 0.0
jit_code = sum(float(m) for m in re.findall(r"([0-9.]+)%\s+\[JIT\]", dso))
rows = [
    ("where the samples land", None),
    ("JIT-compiled code (the sandbox, Kestrel, System.Text.Json)", jit_code),
    ("runtime: libcoreclr (the garbage collector, allocation and cast helpers)", share(r"libcoreclr", dso)),
    ("kernel (sockets, scheduling, page faults)", share(r"kernel", dso)),
    ("the JIT compiler itself (libclrjit)", share(r"libclrjit", dso)),
    ("the offer path's steps, inclusive", None),
    ("whole request in the sandbox's endpoint (SandboxEndpoints.ExecuteAsync)", share(r"SandboxEndpoints\+<ExecuteAsync>", children)),
    ("  read the body: parse + validate (ReadBodyAsync)", share(r"SandboxEndpoints\+<ReadBodyAsync>", children)),
    ("    parse (JsonDocument.Parse)", share(r"JsonDocument::Parse\(valuetype \[System.Runtime\]System.ReadOnlyMemory", children)),
    ("    validate against the spec (SchemaValidator.Walk)", share(r"SchemaValidator::Walk\(", children)),
    ("  price and write the offers (OfferHandlers.Post)", share(r"OfferHandlers::Post", children)),
    ("    write one offer (OfferHandlers.WriteOffer)", share(r"OfferHandlers::WriteOffer", children)),
    ("    read the itinerary's facts (Pricing.Read)", share(r"Pricing::Read", children)),
    ("    copy the request's itinerary into the offer (JsonText.WriteMinified)", share(r"JsonText::WriteMinified", children)),
    ("    keep the answer (KeptBytes.Keep)", share(r"KeptBytes::Keep", children)),
    ("  write the answer (WriteResultAsync)", share(r"SandboxEndpoints\+<WriteResultAsync>", children)),
]
rate = re.search(r"Requests/sec:\s*([0-9.]+)", wrk)
print(f"| share of samples (perf, {rate.group(1) if rate else '?'} offers/s while sampled) | % |")
print("|---|---:|")
for name, value in rows:
    print(f"| **{name}** | |" if value is None else f"| {name} | {value:.1f} |")
PY
