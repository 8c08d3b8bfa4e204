#!/usr/bin/env bash
# Starts the demo portal on its embedded defaults: frontend on :3000, backend
# on :7007, SQLite in memory, the AWS emulator with the demo organization on
# :4566. Installs what this machine lacks first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"
start_demo_emulator
log "starting the portal: http://localhost:3000 (backend http://localhost:7007)"
yarn start
