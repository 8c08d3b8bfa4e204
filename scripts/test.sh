#!/usr/bin/env bash
# The whole test suite, from a fresh clone on a fresh machine: installs what
# is missing (Node 22, dependencies, Chromium, PostgreSQL when none answers),
# then runs prettier, lint, the import-cycle check, type-check, every unit
# and integration test (on SQLite and a real PostgreSQL), the publishing
# checks, the end-to-end tests in headless Chromium against the built portal
# and the adopter test (the packed packages in an app outside the repo). Exits non-zero when anything
# fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"
export CI="${CI:-true}"

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [[ -n "$apt_updated" ]] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL: the one this machine runs, else one from Debian's packages.
PG_URL="${AWS_ORGS_TEST_POSTGRES_URL:-postgresql://postgres:postgres@127.0.0.1:5432}"
pg_answers() { node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query('select 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
" "$PG_URL"; }
ensure_postgres() {
  if pg_answers; then log "PostgreSQL answers at 127.0.0.1:5432"; return; fi
  log "no PostgreSQL at 127.0.0.1:5432: installing and starting Debian's"
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n1)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 && break
    sleep 1
  done
  pg_answers || { echo "PostgreSQL did not come up" >&2; exit 1; }
}

# --- Chromium from Debian's packages (never a browser download).
ensure_chromium() {
  if [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then return; fi
  log "installing Chromium from Debian's packages"
  apt_install chromium fonts-liberation
}

ensure_postgres
ensure_chromium
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"
export AWS_ORGS_REQUIRE_POSTGRES=1

RESULTS="$ROOT/node_modules/.cache/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_steps=()
step() {
  local name="$1"; shift
  log "step: $name"
  local start=$SECONDS
  if "$@"; then
    log "step: $name passed in $((SECONDS - start)) s"
  else
    log "step: $name FAILED after $((SECONDS - start)) s"
    failed_steps+=("$name")
  fi
}

step prettier yarn prettier:check
step lint yarn lint:all
# No module imports itself back through others (scripts/checkImportCycles.js).
step import-cycles yarn lint:cycles
# From scratch: declarations emitted incrementally can print a union's
# members in another order than a fresh build, and the API reports (checked
# below, written by a fresh build) must not depend on what an earlier run
# left in dist-types.
rm -rf dist-types
step type-check yarn tsc
# Publishing: the packages build, their metadata is what `backstage-cli repo
# fix --publish` writes, their type dependencies and peer dependencies are
# declared as Backstage's repo tools want, the API and knip reports are up to
# date (regenerate them with `yarn build:reports`) and a release can version
# them.
step build-packages yarn backstage-cli repo build
step package-metadata yarn lint:packages
step api-reports yarn build:api-reports:only --ci
step knip-reports yarn build:knip-reports --ci
step release-versions yarn check:release
step unit-and-integration yarn test --json --outputFile="$RESULTS/jest.json"
step build-app yarn workspace app build --config ../../app-config.yaml --config ../../app-config.e2e.yaml
step e2e yarn test:e2e
# The packed packages installed into a create-app app outside the repo, as
# their READMEs say (adopter-test/README.md).
step adopter bash adopter-test/run.sh

node scripts/test-summary.js "$RESULTS/jest.json" "$ROOT/node_modules/.cache/e2e-results.json" "$RESULTS/adopter.json" || failed_steps+=("summary")

if ((${#failed_steps[@]})); then
  echo "FAILED steps: ${failed_steps[*]}" >&2
  exit 1
fi
echo "All steps passed in $SECONDS s"
