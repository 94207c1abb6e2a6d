#!/usr/bin/env bash
# Installs what offline cross-lingual search reads at run time: the FreeDict English<->Arabic
# dictionaries (dictd format, /usr/share/dictd) and Debian's iso-codes (country names with their
# Arabic translations). Both are GPL/LGPL data, read from the system, never copied into the
# repository or the jar. Idempotent: when all three packages are installed it only says so.
set -euo pipefail

PACKAGES=(dict-freedict-eng-ara dict-freedict-ara-eng iso-codes)
say() { echo "[dictionaries] $*"; }

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  say "installed (${PACKAGES[*]})"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[dictionaries] ERROR: ${missing[*]} missing and this system has no apt-get;" \
       "install the FreeDict eng-ara/ara-eng dictd files and set newsqa.translation.dictionary-dir" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[dictionaries] ERROR: ${missing[*]} not installed and installing needs root:" \
       "run 'sudo apt-get install ${missing[*]}' (or this script as root)" >&2
  exit 1
fi

say "installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
say "installed (${PACKAGES[*]})"
