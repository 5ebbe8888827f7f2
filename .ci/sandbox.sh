# shellcheck shell=bash
# Shared by the checks in .ci/checks.d: start the built standalone sandbox on a free loopback port and stop it when the
# calling (sub)shell exits. Usage, inside a subshell function: start_sandbox LOG [SANDBOX ARGS...]; then use $sandbox_url.

start_sandbox() {
  local log=$1; shift
  # SANDBOX_DLL runs another build of the sandbox (e.g. an older commit's, to compare).
  local dll=${SANDBOX_DLL:-src/Harness.Sandbox/bin/${CONFIGURATION:-Debug}/net10.0/Harness.Sandbox.dll}
  if [ ! -f "$dll" ]; then
    dotnet build src/Harness.Sandbox -c "${CONFIGURATION:-Debug}" -v quiet --nologo >/dev/null || return 1
  fi
  # Port 0: the kernel picks a free port as the sandbox binds it, and the sandbox prints it ("listening on URL"). A port
  # picked first and bound later could be taken in between by anything else on the machine — the tests run beside the
  # early checks, and they start sandboxes of their own, which would answer this check's ping.
  dotnet "$dll" --port 0 --quiet "$@" >"$log" 2>&1 &
  sandbox_pid=$!
  sandbox_url=""
  # TERM first; 5 s to stop before KILL, so a sandbox that ignores TERM cannot hang CI.
  trap stop_sandbox EXIT
  for _ in $(seq 1 60); do # at most ~30 s
    [ -n "$sandbox_url" ] || sandbox_url=$(sed -n 's#^Harness sandbox listening on \(http://127\.0\.0\.1:[0-9]*\)/$#\1#p' "$log" | head -1)
    if [ -n "$sandbox_url" ] && curl -fsS -o /dev/null "$sandbox_url/_admin/ping" 2>/dev/null; then return 0; fi
    kill -0 "$sandbox_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "The sandbox did not answer${sandbox_url:+ on $sandbox_url}; its log:" >&2
  cat "$log" >&2
  return 1
}

stop_sandbox() {
  if [ -n "${sandbox_pid:-}" ] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$sandbox_pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$sandbox_pid" 2>/dev/null
  fi
  [ -n "${sandbox_cleanup:-}" ] && rm -rf "$sandbox_cleanup"
  return 0
}
