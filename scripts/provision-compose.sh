#!/usr/bin/env bash
# Installs Debian's docker-compose (the Python implementation), which parses and validates
# docker-compose.yml with `docker-compose config` without a Docker engine; scripts/test.sh runs
# that check. Does nothing when a compose parser is already there.
set -euo pipefail

say() { echo "[compose] $*"; }
fail() { echo "[compose] ERROR: $*" >&2; exit 1; }
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib/apt.sh
. scripts/lib/apt.sh

if ! command -v docker-compose >/dev/null 2>&1; then
  apt_ensure docker-compose
fi
command -v docker-compose >/dev/null 2>&1 || fail "docker-compose is installed but not on the PATH"
say "ready: $(docker-compose version --short 2>/dev/null || echo docker-compose)"
