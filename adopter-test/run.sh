#!/usr/bin/env bash
# The adopter test: installs this repo's packages, packed as they would be
# published, into a Backstage app that is not part of this repo (the fixture
# adopter-test/app, copied to a folder outside the repo so nothing resolves
# from the repo's node_modules), wires and configures them only as the
# READMEs say, starts it against the AWS emulator run from its own tarball,
# and checks health, the first sync, the catalog entities and an account page
# in headless Chromium (adopter-test/e2e). See adopter-test/README.md.
#
# Binds :7007 and :4566: run it under `flock /tmp/ports.lock`.
# ADOPTER_TEST_DIR=<dir> reuses a work folder (faster installs);
# ADOPTER_TEST_KEEP=1 keeps it after a successful run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/bootstrap.sh"
cd "$ROOT"

WORK="${ADOPTER_TEST_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/aws-governance-adopter.XXXXXX")}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
if [[ "$WORK/" == "$ROOT/"* ]]; then
  echo "ADOPTER_TEST_DIR must be outside the repository ($ROOT)" >&2
  exit 1
fi
APP="$WORK/app"
BACKEND_URL=http://localhost:7007
TOKEN="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))')"

timings=()
phase_start=$SECONDS
phase() {
  local now=$SECONDS
  [[ -n "${phase_name:-}" ]] && timings+=("$phase_name $((now - phase_start)) s")
  phase_name="$1"
  phase_start=$now
  log "adopter test: $1"
}

server_groups=()
passed=""
cleanup() {
  for group in "${server_groups[@]}"; do
    kill -TERM -- "-$group" 2>/dev/null || true
  done
  for group in "${server_groups[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 -- "-$group" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
  if [[ -n "$passed" && -z "${ADOPTER_TEST_KEEP:-}" && -z "${ADOPTER_TEST_DIR:-}" ]]; then
    rm -rf "$WORK"
  elif [[ -z "$passed" ]]; then
    echo "adopter test FAILED; its app, tarballs and logs are in $WORK" >&2
    for logfile in "$APP/emulator.log" "$APP/backend.log"; do
      [[ -f "$logfile" ]] && { echo "--- tail of $logfile" >&2; tail -n 40 "$logfile" >&2; }
    done
  fi
}
trap cleanup EXIT

# Waits until `url` answers 2xx, failing early when the server's process
# group is gone.
wait_for() {
  local url="$1" group="$2" seconds="$3"
  for _ in $(seq 1 "$((seconds * 2))"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 -- "-$group" 2>/dev/null || { echo "the server for $url exited" >&2; return 1; }
    sleep 0.5
  done
  echo "$url did not answer within $seconds s" >&2
  return 1
}

for port in 7007 4566; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "something already listens on :$port (run the adopter test under flock /tmp/ports.lock, with no portal running)" >&2
    exit 1
  fi
done

phase "build the packages (tsc, backstage-cli repo build)"
yarn tsc
yarn backstage-cli repo build

phase "pack, check the tarballs, apply the README steps to the fixture app"
node adopter-test/prepare.js "$WORK"

cd "$APP"
phase "yarn install of the app with the tarballs"
yarn install --no-immutable >"$APP/install.log" 2>&1 || { tail -n 40 "$APP/install.log" >&2; exit 1; }

phase "build the app (frontend)"
yarn workspace app build --config ../../app-config.yaml --config ../../app-config.adopter-test.yaml

phase "start the emulator from its tarball (README command)"
mapfile -t emulator_command < <(node -e 'for (const w of require("./adopter-test-steps.json").emulator.command) console.log(w)')
emulator_url="$(node -p 'require("./adopter-test-steps.json").emulator.url')"
setsid "${emulator_command[@]}" >"$APP/emulator.log" 2>&1 &
server_groups+=($!)
wait_for "$emulator_url/_emulator/stats" "${server_groups[-1]}" 120

phase "start the backend with the README config"
config_args=(--config ../../app-config.yaml)
while read -r file; do config_args+=(--config "../../$file"); done < <(node -e 'for (const c of require("./adopter-test-steps.json").configs) console.log(c)')
config_args+=(--config ../../app-config.adopter-test.yaml)
(cd packages/backend && AWS_ORGANIZATIONS_SCRIPTS_TOKEN="$TOKEN" exec setsid yarn start "${config_args[@]}") >"$APP/backend.log" 2>&1 &
server_groups+=($!)
wait_for "$BACKEND_URL/api/aws-organizations/health" "${server_groups[-1]}" 300

phase "checks: API and an account page in headless Chromium"
(cd "$ROOT" && ADOPTER_URL="$BACKEND_URL" ADOPTER_TOKEN="$TOKEN" yarn playwright test -c adopter-test/playwright.config.ts)

phase "done"
passed=1
log "adopter test passed in $SECONDS s: ${timings[*]/%/;}"
