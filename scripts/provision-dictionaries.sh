#!/usr/bin/env bash
# Installs the FreeDict English<->Arabic dictionaries and iso-codes (translated country names), which the
# cross-language tests read from /usr/share/dictd/freedict-{eng-ara,ara-eng}.{index,dict.dz}.
# Does nothing when they are already installed.
set -euo pipefail

say() { echo "[dictionaries] $*"; }
fail() { echo "[dictionaries] ERROR: $*" >&2; exit 1; }
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib/apt.sh
. scripts/lib/apt.sh

apt_ensure dict-freedict-eng-ara dict-freedict-ara-eng iso-codes
for file in /usr/share/dictd/freedict-eng-ara.index /usr/share/dictd/freedict-ara-eng.index; do
  [ -f "$file" ] || fail "$file is missing although its package is installed: reinstall it (apt-get install --reinstall dict-freedict-eng-ara dict-freedict-ara-eng)"
done
say "ready: /usr/share/dictd/freedict-eng-ara and freedict-ara-eng"
