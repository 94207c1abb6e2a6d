#!/usr/bin/env bash
# Makes sure PostgreSQL with the pgvector extension answers on localhost, with the role and the
# databases NewsQA and its tests use. Idempotent: each step is skipped when already done, so a
# second run takes about a second.
#
#   role newsqa (password newsqa), databases newsqa and newsqa_test, extension vector in both.
#
# Order of preference: a server that already answers with pgvector available; Docker
# (docker compose up -d db) where an engine runs; else Debian/Ubuntu packages, with pgvector
# built from Debian's own source package (it is not packaged for Debian 12).
set -euo pipefail

PG_HOST=${NEWSQA_PG_HOST:-localhost}
PG_PORT=${NEWSQA_PG_PORT:-5432}
say() { echo "[postgres] $*"; }
fail() { echo "[postgres] ERROR: $*" >&2; exit 1; }

answers_with_pgvector() {
  PGPASSWORD=newsqa PGCONNECT_TIMEOUT=3 psql -h "$PG_HOST" -p "$PG_PORT" -U newsqa -d newsqa_test -tAc \
    "SELECT 1 FROM pg_extension WHERE extname = 'vector'" 2>/dev/null | grep -q 1
}

if command -v psql >/dev/null 2>&1 && answers_with_pgvector; then
  say "ready on $PG_HOST:$PG_PORT (role newsqa, database newsqa_test, extension vector)"
  exit 0
fi

cd "$(dirname "$0")/.."

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  say "starting the pgvector container (docker compose up -d db)"
  docker compose up -d db
  for _ in $(seq 1 60); do
    if docker compose exec -T db pg_isready -U newsqa >/dev/null 2>&1; then break; fi
    sleep 1
  done
  docker compose exec -T db psql -U newsqa -d newsqa -c "SELECT 1" >/dev/null \
    || fail "the db container did not become ready"
  docker compose exec -T db psql -U newsqa -d newsqa -tAc "SELECT 1 FROM pg_database WHERE datname='newsqa_test'" | grep -q 1 \
    || docker compose exec -T db psql -U newsqa -d newsqa -c "CREATE DATABASE newsqa_test"
  for db in newsqa newsqa_test; do
    docker compose exec -T db psql -U newsqa -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
  done
  say "ready in Docker on localhost:5432"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || fail "PostgreSQL with pgvector is not reachable and installing it needs root: run 'sudo $0'"
command -v apt-get >/dev/null 2>&1 || fail "no PostgreSQL with pgvector on $PG_HOST:$PG_PORT, no Docker engine and no apt-get: install PostgreSQL 15+ with pgvector 0.8 yourself and create role/databases as described in docs/setup.md"

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=yes
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt_install postgresql postgresql-client
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
PG_CONFIG=/usr/lib/postgresql/$PG_VERSION/bin/pg_config
say "PostgreSQL $PG_VERSION"

SHAREDIR=$("$PG_CONFIG" --sharedir)
if [ ! -f "$SHAREDIR/extension/vector.control" ]; then
  # pg_config comes with the client; the build files (PGXS) with the server dev package.
  if [ ! -f "$("$PG_CONFIG" --pgxs 2>/dev/null)" ] || ! command -v make >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1; then
    apt_install "postgresql-server-dev-$PG_VERSION" make gcc
  fi
  # Debian 12 has no pgvector package; Debian 13's *source* package builds against PG 15.
  # Only the source is taken from trixie, never a binary package (that would upgrade libc).
  src_list=/etc/apt/sources.list.d/newsqa-trixie-src.sources
  if [ ! -f "$src_list" ] && ! apt-cache showsrc pgvector >/dev/null 2>&1; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$src_list"
    apt_updated=""
  fi
  if [ -z "$apt_updated" ]; then say "apt-get update"; apt-get update -qq; apt_updated=yes; fi
  build=$(mktemp -d)
  say "building pgvector from source in $build"
  (
    cd "$build"
    apt-get source --download-only pgvector >/dev/null 2>&1 || fail "could not download the pgvector source package"
    tar xzf pgvector_*.orig.tar.gz
    cd pgvector-*/
    make -s PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null
    make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
  )
  rm -rf "$build"
fi

if ! pg_lsclusters -h | grep -q .; then
  say "creating cluster $PG_VERSION/main"
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if ! pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online; then
  say "starting cluster $cluster"
  pg_ctlcluster $cluster start
fi
for _ in $(seq 1 30); do
  if su postgres -c "psql -tAc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }
as_postgres "-c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsqa') THEN CREATE ROLE newsqa LOGIN PASSWORD 'newsqa'; END IF; END \\\$\\\$\""
for db in newsqa newsqa_test; do
  if ! as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = '$db'\"" | grep -q 1; then
    say "creating database $db"
    as_postgres "-c \"CREATE DATABASE $db OWNER newsqa\""
  fi
  as_postgres "-d $db -c \"CREATE EXTENSION IF NOT EXISTS vector\""
done

answers_with_pgvector || fail "PostgreSQL is running but newsqa@$PG_HOST:$PG_PORT/newsqa_test cannot use pgvector; see /var/log/postgresql"
say "ready on $PG_HOST:$PG_PORT (role newsqa, database newsqa_test, extension vector $(PGPASSWORD=newsqa psql -h "$PG_HOST" -p "$PG_PORT" -U newsqa -d newsqa_test -tAc "SELECT extversion FROM pg_extension WHERE extname='vector'"))"
