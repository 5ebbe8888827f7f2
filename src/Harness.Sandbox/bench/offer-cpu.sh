#!/usr/bin/env bash
# The offer path's own cost, in process: CPU time, allocation and collections per offer, with no sockets and no load
# generator on the same cores (Program.cs --bench-offers; OfferBench.cs). The stores are filled first, so every
# measured offer also evicts one. CPU per offer moves far less on a busy machine than wrk.sh's rates do: compare two
# builds on it, side by side, in alternating rounds.
# Usage: src/Harness.Sandbox/bench/offer-cpu.sh [seconds] [Harness.Sandbox.dll ...]   (ROUNDS=1)
#   With no dll: builds this tree's Release sandbox and measures it. With several: measures each in turn, ROUNDS times.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
SECONDS_MEASURED="${1:-10}"
shift || true
DLLS=("$@")
if [ "${#DLLS[@]}" -eq 0 ]; then
  dotnet build -c Release "$ROOT/src/Harness.Sandbox" > /dev/null
  DLLS=("$ROOT/src/Harness.Sandbox/bin/Release/net10.0/Harness.Sandbox.dll")
fi
. "$HERE/bench-body.sh"
for round in $(seq 1 "${ROUNDS:-1}"); do
  for dll in "${DLLS[@]}"; do
    echo "round $round, $dll: $(dotnet "$dll" --bench-offers "$SECONDS_MEASURED")"
  done
done
