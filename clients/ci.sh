#!/usr/bin/env bash
# The client checks for CI, run after `dotnet test` (which holds the staleness tests of the generated client):
#   - installs Debian's Chromium when it is missing (if that fails, the browser test skips itself);
#   - clients/typescript: npm ci, tsc --strict, the node:test contract suite against the API on loopback;
#   - clients/web: npm ci, tsc --strict, the node:test suite (page build up to date, browser test in Chromium).
# Both suites start the API themselves (dotnet run --no-build over a temporary demo database).
# Ends with one line "N passed, N failed, N skipped" summed over both node suites; exits non-zero on any failure.
set -euo pipefail
clients="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$clients")"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_progress=false

results="$(mktemp -d)"
started=$SECONDS

# The summary is printed whatever happens: a step that fails before its tests ran counts as one failure.
# node's TAP ends with "# pass N", "# fail N", "# skipped N".
count() {
  local n
  n="$(sed -n "s/^# $1 \([0-9]*\)\$/\1/p" "$2" | tail -n 1)"
  echo "${n:-0}"
}
summary() {
  local status=$? passed=0 failed=0 skipped=0 file
  for file in "$results"/*.tap; do
    [ -f "$file" ] || continue
    passed=$((passed + $(count pass "$file")))
    failed=$((failed + $(count fail "$file")))
    skipped=$((skipped + $(count skipped "$file")))
  done
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
  fi
  rm -rf "$results"
  echo "clients/ci.sh took $((SECONDS - started)) s"
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$failed" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=1
  fi
  exit "$status"
}
trap summary EXIT

# ---- Chromium for the browser test -------------------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium (apt-get install -y chromium)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; }; then
    echo "Chromium could not be installed; the browser test will be skipped." >&2
  fi
fi

# ---- The API, built once for both suites --------------------------------------------------------------------
echo "==> dotnet build src/Api"
dotnet build src/Api --nologo -v q
export CAMPAIGN_API_NO_BUILD=1

# One node:test run: the spec reporter on the console, TAP into a file for the summary.
suite() {
  local name=$1 directory=$2
  shift 2
  echo "==> node --test ($name)"
  (cd "$directory" && node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/$name.tap" \
    "$@")
}

failures=0

# ---- The generated TypeScript client ------------------------------------------------------------------------
echo "==> clients/typescript: npm ci, tsc --strict"
(cd clients/typescript && npm ci && npm run build)
suite contract clients/typescript dist/test/contract.test.js || failures=$((failures + 1))

# ---- The dashboard page -------------------------------------------------------------------------------------
echo "==> clients/web: npm ci, tsc --strict"
(cd clients/web && npm ci && npm run typecheck)
suite web clients/web test/ || failures=$((failures + 1))

[ "$failures" -eq 0 ]
