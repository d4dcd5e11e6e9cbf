#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, checks format, lint and types,
# builds the web app, starts a throw-away PostgreSQL server, runs unit, store (PGlite and
# PostgreSQL) and browser tests, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\n== %s\n' "$*"; }
as_root() { [ "$(id -u)" = 0 ]; }

# 1. npm packages (exactly the lockfile's).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  # npm ci would refuse: the registry here serves only some platforms of optional native packages,
  # so the lockfile cannot list them all; npm install keeps to the lockfile for everything it has.
  npm install --no-audit --no-fund --loglevel=error || { echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# 2. System packages: Chromium for browser tests, PostgreSQL for the store suite.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if as_root && command -v apt-get >/dev/null; then
    say "installing ${need[*]} from Debian packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/tmp/baton-apt.log 2>&1 \
      || { cat /tmp/baton-apt.log; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "The tests need: ${need[*]}. Install them (Debian: sudo apt-get install -y ${need[*]}) and run again."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
export BATON_CHROMIUM_PATH="${BATON_CHROMIUM_PATH:-$(command -v chromium)}"

failed_checks=0
say "format and lint (biome)"
npx biome ci . || failed_checks=$((failed_checks + 1))
say "types (tsc)"
npx tsc --noEmit -p tsconfig.json || failed_checks=$((failed_checks + 1))
say "building the web app"
npx vite build --config web/vite.config.ts --logLevel warn || failed_checks=$((failed_checks + 1))

say "tests (unit, store on PGlite and PostgreSQL, browser)"
report="$(mktemp -d)/vitest.json"
bash scripts/with-postgres.sh npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
vitest_status=$?

node scripts/test-summary.mjs "$report" "$failed_checks" "$vitest_status"
