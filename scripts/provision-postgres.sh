#!/usr/bin/env bash
# Makes sure PostgreSQL with the pgvector extension answers where the tests look for it
# (NEWSQA_TEST_DB_URL, default jdbc:postgresql://localhost:5432/newsqa_test), with
#
#   role newsqa (password newsqa, LOGIN), databases newsqa and newsqa_test owned by it (UTF8),
#   extension vector created in both.
#
# Idempotent: when the server already answers with all of that, it does nothing (well under a
# second). Otherwise, in this order of preference:
#   1. a Docker engine runs: `docker compose up -d db` (the pgvector/pgvector image);
#   2. Debian/Ubuntu as root: PostgreSQL from the distribution, pgvector from the distribution
#      when packaged (Debian 13, Ubuntu), else built from Debian 13's *source* package against
#      the installed server (Debian 12 has no pgvector package; Debian 13's binary packages are
#      never installed, they would drag in a newer libc); then the cluster is started and the
#      role, databases and extension are created.
set -euo pipefail

say() { echo "[postgres] $*"; }
fail() { echo "[postgres] ERROR: $*" >&2; exit 1; }
cd "$(dirname "$0")/.."
# shellcheck source=SCRIPTDIR/lib/apt.sh
. scripts/lib/apt.sh

DB_URL=${NEWSQA_TEST_DB_URL:-jdbc:postgresql://localhost:5432/newsqa_test}
DB_USER=${NEWSQA_TEST_DB_USER:-newsqa}
DB_PASSWORD=${NEWSQA_TEST_DB_PASSWORD:-newsqa}
url_pattern='^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)'
[[ $DB_URL =~ $url_pattern ]] || fail "cannot read host, port and database from NEWSQA_TEST_DB_URL=$DB_URL (expected jdbc:postgresql://HOST:PORT/DATABASE)"
HOST=${BASH_REMATCH[1]}
PORT=${BASH_REMATCH[3]:-5432}
DB=${BASH_REMATCH[4]}

# Prints the pgvector version when the test database answers, has the extension and is UTF8.
vector_version() {
  command -v psql >/dev/null 2>&1 || return 1
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=3 psql -h "$HOST" -p "$PORT" -U "$DB_USER" -d "$DB" -XtAq -c \
    "SELECT e.extversion FROM pg_extension e, pg_database d
      WHERE e.extname = 'vector' AND d.datname = current_database()
        AND pg_encoding_to_char(d.encoding) = 'UTF8'" 2>/dev/null | grep .
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

if version=$(vector_version); then
  say "ready: $DB_USER@$HOST:$PORT/$DB with pgvector $version (nothing to do)"
  exit 0
fi

case $HOST in
  localhost | 127.0.0.1) ;;
  *) fail "$DB_USER@$HOST:$PORT/$DB does not answer with the vector extension, and this script only sets up a server on this machine: fix the server, or unset NEWSQA_TEST_DB_URL to use localhost" ;;
esac
if [ "$DB_USER" != newsqa ] || [ "$DB" != newsqa_test ]; then
  fail "$DB_USER@$HOST:$PORT/$DB does not answer with the vector extension; this script only creates role newsqa and database newsqa_test: create yours by hand, or unset NEWSQA_TEST_DB_USER/NEWSQA_TEST_DB_URL"
fi

# --- 1. Docker --------------------------------------------------------------------------------
# Only when nothing listens on the port yet (the compose file publishes the database on 5432).
if [ "$PORT" = 5432 ] && ! port_open && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  # The Compose plugin (docker compose), or the older standalone docker-compose.
  if docker compose version >/dev/null 2>&1; then compose() { docker compose "$@"; }
  elif command -v docker-compose >/dev/null 2>&1; then compose() { docker-compose "$@"; }
  else fail "a Docker engine runs but Docker Compose is missing: install the docker-compose-plugin package"
  fi
  say "Docker engine found: docker compose up -d db"
  compose up -d db
  say "waiting for the db container"
  ready=""
  for _ in $(seq 1 60); do
    if compose exec -T db pg_isready -U newsqa -d newsqa >/dev/null 2>&1; then ready=yes; break; fi
    sleep 1
  done
  [ -n "$ready" ] || fail "the db container did not become ready in 60 s: see 'docker compose logs db'"
  in_container() { compose exec -T db psql -U newsqa -v ON_ERROR_STOP=1 -XqtA "$@"; }
  if ! in_container -d newsqa -c "SELECT 1 FROM pg_database WHERE datname = 'newsqa_test'" | grep -q 1; then
    say "creating database newsqa_test"
    in_container -d newsqa -c "CREATE DATABASE newsqa_test OWNER newsqa"
  fi
  for db in newsqa newsqa_test; do
    in_container -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector"
  done
  version=$(vector_version) || fail "the db container runs but newsqa@$HOST:$PORT/newsqa_test cannot use pgvector"
  say "ready: newsqa@$HOST:$PORT/newsqa_test with pgvector $version, in Docker (${SECONDS}s)"
  exit 0
fi

# --- 2. Distribution packages -------------------------------------------------------------------
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 \
    || fail "no PostgreSQL with pgvector on $HOST:$PORT, no Docker engine and no apt-get: install PostgreSQL 15+ with pgvector 0.8 and create the role and databases as docs/reference/operations-setup.md describes"
  apt_ensure postgresql postgresql-client
fi

# The cluster that serves the wanted port decides the server version; else the newest installed.
cluster_line=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PORT" '$3 == port {print; exit}')
if [ -n "$cluster_line" ]; then
  PG_VERSION=$(echo "$cluster_line" | awk '{print $1}')
  CLUSTER=$(echo "$cluster_line" | awk '{print $2}')
else
  PG_VERSION=$(find /usr/lib/postgresql -path '*/bin/postgres' | sort -V | tail -n 1 | cut -d/ -f5)
  CLUSTER=""
fi
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
[ -x "$PG_BIN/postgres" ] || fail "cluster on port $PORT is PostgreSQL $PG_VERSION, whose server is not installed: apt-get install postgresql-$PG_VERSION"
SHAREDIR=/usr/share/postgresql/$PG_VERSION
say "PostgreSQL $PG_VERSION"

install_pgvector_from_debian_source() {
  apt_ensure "postgresql-server-dev-$PG_VERSION" make gcc
  # Only the source of Debian 13's package is used; its binaries are never installed.
  local added_source=""
  if ! apt-cache showsrc pgvector 2>/dev/null | grep -q '^Package: pgvector'; then
    [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] \
      || fail "pgvector is not packaged for this distribution and Debian's archive key is missing: install pgvector 0.8 for PostgreSQL $PG_VERSION by hand (https://github.com/pgvector/pgvector#installation)"
    say "adding Debian 13 (trixie) source packages to apt (sources only)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      > /etc/apt/sources.list.d/newsqa-trixie-src.sources
    added_source=yes
    apt_lists_changed
    apt_update
  fi
  local build
  build=$(mktemp -d)
  say "building pgvector from Debian's source package in $build"
  (
    cd "$build"
    apt-get source --download-only pgvector >/dev/null 2>&1 \
      || fail "could not download the pgvector source package (apt-get source --download-only pgvector)"
    tar xf pgvector_*.orig.tar.*
    cd pgvector-*/
    # OPTFLAGS="": no -march=native, so the library also runs on other CPUs than the builder's.
    make -s PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS="" >/dev/null 2>build.log || { cat build.log >&2; fail "building pgvector failed"; }
    make -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  )
  rm -rf "$build"
  # The source entry was only needed for this download; later apt-get updates need not fetch it.
  if [ -n "$added_source" ]; then rm -f /etc/apt/sources.list.d/newsqa-trixie-src.sources; fi
}

if [ ! -f "$SHAREDIR/extension/vector.control" ]; then
  need_root_for "to install pgvector"
  if has_candidate "postgresql-$PG_VERSION-pgvector" || { apt_update && has_candidate "postgresql-$PG_VERSION-pgvector"; }; then
    apt_ensure "postgresql-$PG_VERSION-pgvector"
  else
    install_pgvector_from_debian_source
  fi
  [ -f "$SHAREDIR/extension/vector.control" ] || fail "pgvector was installed but $SHAREDIR/extension/vector.control is still missing"
  say "pgvector installed for PostgreSQL $PG_VERSION"
fi

if [ -z "$CLUSTER" ]; then
  need_root_for "to create a PostgreSQL cluster on port $PORT"
  # 'main' is the name Debian tools expect; a second cluster on another port gets its own name.
  if pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {found=1} END {exit !found}'; then
    CLUSTER=newsqa$PORT
  else
    CLUSTER=main
  fi
  say "creating cluster $PG_VERSION/$CLUSTER on port $PORT"
  pg_createcluster --locale C.UTF-8 --port "$PORT" "$PG_VERSION" "$CLUSTER" >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" {found=1} END {exit !found}'; then
  need_root_for "to start PostgreSQL $PG_VERSION/$CLUSTER"
  # A server that was killed (not stopped) leaves its socket lock file behind. PostgreSQL
  # ignores it once that process is gone, but refuses to start while the process is still
  # exiting, or when its process id now belongs to another program: remove it in that case.
  socket_lock=/var/run/postgresql/.s.PGSQL.$PORT.lock
  if [ -f "$socket_lock" ]; then
    lock_pid=$(head -n 1 "$socket_lock")
    if [ "$(cat "/proc/$lock_pid/comm" 2>/dev/null)" != postgres ]; then
      rm -f "$socket_lock"
    fi
  fi
  say "starting cluster $PG_VERSION/$CLUSTER"
  started=""
  for attempt in 1 2 3 4 5; do
    if start_output=$(pg_ctlcluster "$PG_VERSION" "$CLUSTER" start 2>&1); then started=yes; break; fi
    [ "$attempt" -eq 5 ] || { say "not started yet, retrying in 2 s"; sleep 2; }
  done
  [ -n "$started" ] || { echo "$start_output" >&2; fail "pg_ctlcluster $PG_VERSION $CLUSTER start failed: see /var/log/postgresql/postgresql-$PG_VERSION-$CLUSTER.log"; }
fi

# client_min_messages: no "already exists, skipping" notices on every run.
as_postgres() { PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -XqtA "$@"; }
ready=""
for _ in $(seq 1 30); do
  if as_postgres -c 'SELECT 1' >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || fail "PostgreSQL $PG_VERSION/$CLUSTER did not accept connections in 30 s: see /var/log/postgresql/postgresql-$PG_VERSION-$CLUSTER.log"

need_root_for "to create the newsqa role and databases"
# Sets the password every time: a role left from elsewhere with another password would make the
# fast check above fail on every run.
as_postgres -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsqa') THEN
    CREATE ROLE newsqa LOGIN PASSWORD 'newsqa';
  ELSE
    ALTER ROLE newsqa LOGIN PASSWORD 'newsqa';
  END IF;
END
$$;
SQL
for db in newsqa newsqa_test; do
  if ! as_postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    say "creating database $db"
    # Explicit UTF8: a cluster made under a C/POSIX locale would default to SQL_ASCII.
    as_postgres -d postgres -c "CREATE DATABASE $db OWNER newsqa ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
  fi
  as_postgres -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector"
done

version=$(vector_version) \
  || fail "PostgreSQL runs but newsqa@$HOST:$PORT/newsqa_test cannot use pgvector over TCP (is the database UTF8? does pg_hba.conf allow password logins from $HOST?)"
say "ready: newsqa@$HOST:$PORT/newsqa_test with pgvector $version (${SECONDS}s)"
