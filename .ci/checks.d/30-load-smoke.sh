# Sourced by .ci/run. Load smoke: `offers` at 100/s for 5 s against the sandbox started in-process; reports under
# .ci/out/load/. The check fails when the run's verdict fails (exit code != 0: thresholds, sanity or usage). It runs
# alone (check_alone): its verdict reads the clock (achieved rate, the p99 threshold).
# The build's own dll (Debug; `dotnet build Harness.sln` above built load/Harness.Load.Airline, the built-in scenarios and
# the CLI on the Harness.Load library), run directly: no second (Release) build, no `dotnet run` project evaluation.
load_smoke() {
  local out=.ci/out/load/offers
  local cli=load/Harness.Load.Airline/bin/${CONFIGURATION:-Debug}/net10.0/Harness.Load.Airline.dll
  [ -f "$cli" ] || { echo "$cli is missing: run 'dotnet build Harness.sln' first" >&2; return 1; }
  mkdir -p "$out"
  timeout 120 dotnet "$cli" \
    run offers --rate 100 --duration 5s --warmup 2s --out "$out" --quiet > .ci/out/load/offers.md
  local rc=$?
  cat .ci/out/load/offers.md
  [ "$rc" -eq 0 ]
}
check_alone "load smoke: offers 100/s for 5 s on the in-process sandbox" load_smoke
