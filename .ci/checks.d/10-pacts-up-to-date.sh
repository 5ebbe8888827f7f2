# shellcheck shell=bash
# Sourced by .ci/run after the tests: the consumer tests have just rewritten contracts/pacts (and the coverage test reads
# them). The committed pact files and COVERAGE.md must be exactly what the tests produce — pacts are deterministic for
# the fixed seed and reference date, so a diff means a contract changed without its pact being committed.
pacts_up_to_date() {
  git diff --exit-code --stat -- contracts/pacts contracts/COVERAGE.md &&
    [ -z "$(git ls-files --others --exclude-standard -- contracts/pacts)" ]
}
check "committed pacts and COVERAGE.md equal what the contract tests write" pacts_up_to_date
