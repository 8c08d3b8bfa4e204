#!/usr/bin/env bash
# Serves the built demo portal for the end-to-end tests: the backend on :7007
# with the built app (packages/app/dist). Started by Playwright's webServer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/packages/backend"
exec yarn start --config ../../app-config.yaml --config ../../app-config.e2e.yaml
