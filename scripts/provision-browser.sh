#!/usr/bin/env bash
# Makes sure headless Chromium and its WebDriver are installed for the browser tests of the chat
# widget (Debian's own packages: chromium, chromium-driver). Idempotent: when both answer, it
# only says so. The tests use /usr/bin/chromium and /usr/bin/chromedriver explicitly, so
# Selenium never tries to download a browser or a driver. A font with Arabic glyphs (DejaVu)
# makes the screenshots of Arabic conversations readable.
set -euo pipefail

say() { echo "[browser] $*"; }
fail() { echo "[browser] ERROR: $*" >&2; exit 1; }

installed() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && /usr/bin/chromedriver --version >/dev/null 2>&1 \
    && fc-list :lang=ar 2>/dev/null | grep -q .
}

if installed; then
  say "ready: $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 \
  || fail "chromium and chromedriver are missing and this is not a Debian/Ubuntu system: install them so that /usr/bin/chromium and /usr/bin/chromedriver exist"
[ "$(id -u)" -eq 0 ] || fail "installing chromium and chromium-driver needs root: run as root, or install them yourself"

say "installing chromium, chromium-driver and an Arabic-capable font (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core fontconfig >/dev/null
installed || fail "chromium-driver was installed but /usr/bin/chromedriver does not run"
say "ready: $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
