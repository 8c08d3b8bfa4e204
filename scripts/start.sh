#!/usr/bin/env bash
# Starts the demo portal on its embedded defaults: frontend on :3000, backend
# on :7007, SQLite in memory. Installs what this machine lacks first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"
log "starting the portal: http://localhost:3000 (backend http://localhost:7007)"
exec yarn start
