#!/usr/bin/env bash
# Serves the built demo portal for the end-to-end tests: the AWS emulator with
# the demo organization and the backend on :7007 serving the built app
# (packages/app/dist). Started by Playwright's webServer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
start_demo_emulator
cd "$ROOT/packages/backend"
yarn start --config ../../app-config.yaml --config ../../app-config.e2e.yaml
