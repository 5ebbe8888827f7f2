# shellcheck shell=bash
# Sourced by .ci/run: the README's curl walk (src/Harness.Sandbox/examples/cfar-purchase.sh) against the standalone
# sandbox, so the walk a newcomer follows cannot rot. One check; check_early: it reads nothing the tests write, so it
# starts beside them (.ci/run; CHECKS_EARLY=0 keeps it for after).
. .ci/sandbox.sh
sandbox_curl_walk() (
  set -uo pipefail
  local out=${out:-.ci/out}
  mkdir -p "$out"
  start_sandbox "$out/curl-walk-sandbox.log" || return 1
  RECEIPT="$out/cfar-receipt.pdf" src/Harness.Sandbox/examples/cfar-purchase.sh "$sandbox_url" || return 1
  [ "$(head -c 5 "$out/cfar-receipt.pdf")" = "%PDF-" ]
)
check_early "README curl walk: CFAR purchase, exercise and receipt on the standalone sandbox" sandbox_curl_walk
