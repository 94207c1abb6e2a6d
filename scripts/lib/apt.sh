# shellcheck shell=bash
# Shared by the provision-*.sh scripts (sourced, not run): install Debian/Ubuntu packages only
# when they are missing, refresh the package lists only when apt cannot find what it needs.
# The caller defines say() and fail().

export DEBIAN_FRONTEND=noninteractive

# Other engineers (and unattended upgrades) may hold the dpkg lock: wait for it rather than fail.
APT_OPTS=(-o DPkg::Lock::Timeout=300 -q -y --no-install-recommends)
apt_lists_fresh=""

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# True when apt knows a version of the package it could install (needs current lists).
has_candidate() {
  local candidate
  candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

apt_update() {
  [ -n "$apt_lists_fresh" ] && return 0
  say "apt-get update"
  apt-get -o DPkg::Lock::Timeout=300 -qq update >/dev/null || fail "apt-get update failed; check the network and /etc/apt/sources.list*"
  apt_lists_fresh=yes
}

# The lists must be refreshed after a source is added, even if they were refreshed before.
apt_lists_changed() { apt_lists_fresh=""; }

# need_root_for "to do what": fails, saying how to get root, unless running as root.
need_root_for() {
  [ "$(id -u)" -eq 0 ] && return 0
  fail "root is needed $1: run 'sudo scripts/test.sh' once (or 'sudo $0')"
}

# apt_ensure PKG...: installs those of the packages that are not installed yet.
apt_ensure() {
  local missing=() pkg
  for pkg in "$@"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root_for "to install ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 \
    || fail "${missing[*]} must be installed, and there is no apt-get here: install them with your package manager"
  for pkg in "${missing[@]}"; do
    has_candidate "$pkg" || { apt_update; break; }
  done
  say "apt-get install ${missing[*]}"
  if ! apt_quiet install "${missing[@]}"; then
    # Stale lists point at files the mirror no longer has: refresh once and retry.
    [ -z "$apt_lists_fresh" ] || fail "apt-get install ${missing[*]} failed (its output is above)"
    apt_update
    apt_quiet install "${missing[@]}" || fail "apt-get install ${missing[*]} failed (its output is above)"
  fi
}

# Runs apt-get, showing its (long) output only when it fails.
apt_quiet() {
  local log status=0
  log=$(mktemp)
  apt-get "${APT_OPTS[@]}" "$@" >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || cat "$log" >&2
  rm -f "$log"
  return "$status"
}
