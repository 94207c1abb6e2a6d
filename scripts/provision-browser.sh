#!/usr/bin/env bash
# Installs Chromium and ChromeDriver from the distribution (Debian packages chromium and
# chromium-driver) for the browser tests: /usr/bin/chromium and /usr/bin/chromedriver.
# Test tools must not download browsers of their own; this machine's network refuses them.
# A font with Arabic glyphs (DejaVu) makes the screenshots of Arabic conversations readable.
# Does nothing when all are already installed.
set -euo pipefail

say() { echo "[browser] $*"; }
fail() { echo "[browser] ERROR: $*" >&2; exit 1; }
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib/apt.sh
. scripts/lib/apt.sh

apt_ensure chromium chromium-driver fonts-dejavu-core
for binary in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$binary" ] || fail "$binary is missing although its package is installed: reinstall it (apt-get install --reinstall chromium chromium-driver)"
done
say "ready: $(/usr/bin/chromium --version 2>/dev/null | head -n 1), /usr/bin/chromedriver"
