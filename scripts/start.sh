#!/usr/bin/env bash
# Starts the demo portal on its embedded defaults: frontend on :3000, backend
# on :7007, SQLite in memory, the AWS emulator with the demo organization on
# :4566. Installs what this machine lacks first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"
start_demo_emulator
# The SQS module reads the emulator's events queue with the SDK's default
# credentials: the emulator's demo keys unless the environment has some.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-AKIAEMULATORDEMO0000}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-emulator-demo-secret-not-a-real-key}"
log "starting the portal: http://localhost:3000 (backend http://localhost:7007)"
yarn start
