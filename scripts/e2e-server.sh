#!/usr/bin/env bash
# Serves the built demo portal for the end-to-end tests: the AWS emulator with
# the demo organization and the backend on :7007 serving the built app
# (packages/app/dist). Started by Playwright's webServer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
start_demo_emulator
# The SQS module reads the emulator's events queue with the SDK's default
# credentials: the emulator's demo keys unless the environment has some.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-AKIAEMULATORDEMO0000}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-emulator-demo-secret-not-a-real-key}"
cd "$ROOT/packages/backend"
yarn start --config ../../app-config.yaml --config ../../app-config.e2e.yaml
