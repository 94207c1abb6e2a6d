#!/usr/bin/env bash
# Load scenarios of issue 7, one table: for each archive, a NewsQA server is started with a fixed
# heap, `newsqa-tools load` (scripts/tools.sh) puts CLIENTS concurrent clients on /api/search and
# on /api/ask (extractive: no language model) for DURATION seconds each, and the server is stopped. Then scripts/faults.sh runs
# when it exists. Exit code 1 when any request failed or a scenario could not run.
#
#   scripts/reliability.sh                      # embedded archive in ./data, 32 clients, 60 s
#   ARCHIVES="embedded postgres" EMBEDDED_DIR=/work/bench-data/embedded \
#     PG_URL=jdbc:postgresql://localhost:5432/newsqa_bench scripts/reliability.sh
#
# Settings (environment): ARCHIVES (embedded and/or postgres), EMBEDDED_DIR, PG_URL, PG_SCHEMA,
# CLIENTS (32), DURATION (60 seconds per endpoint), HEAP (1g, the server's -Xmx), PORT (18080), QUESTIONS (a file, one
# question per line; default: the headlines of the SaudiNewsNet days in DUMPS), DUMPS (day ZIPs),
# NEWSQA_JAR (target/newsqa.jar, built when missing), FAULTS (1; 0 skips scripts/faults.sh, for load figures alone),
# WARMUP (15 seconds of unmeasured load per endpoint first, so that the JIT has compiled the request
# path: the first seconds under 32 clients on 2 cores are several times slower; 0 for none).
# Before the load, one Arabic and one English question warm the server up: the first question of a
# language builds the cross-lingual name index from the archive's vocabulary (10-20 s at 20k chunks,
# a full scan), which would otherwise fall into the measured minute. The machine's load average is
# printed before and after each run: the figures mean little without it on a shared machine.
# The server's per-address limits are switched off or raised (question and search rate limits,
# requests in progress): all clients come from one address and would otherwise get 429 after 20
# questions or 120 searches a minute, or past 20 requests at once.
set -euo pipefail
cd "$(dirname "$0")/.."

ARCHIVES=${ARCHIVES:-embedded}
EMBEDDED_DIR=${EMBEDDED_DIR:-data}
PG_URL=${PG_URL:-}
PG_SCHEMA=${PG_SCHEMA:-public}
CLIENTS=${CLIENTS:-32}
DURATION=${DURATION:-60}
HEAP=${HEAP:-1g}
FAULTS=${FAULTS:-1}
WARMUP=${WARMUP:-15}
PORT=${PORT:-18080}
DUMPS=${DUMPS:-../shared/bench/saudinewsnet/2015-07-2*.zip}
jar=${NEWSQA_JAR:-target/newsqa.jar}

if [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests package
fi
# The load generator's jar, built now rather than while a server waits.
scripts/tools.sh --version > /dev/null

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 1" INT TERM

questions=${QUESTIONS:-$work/questions.txt}
if [ -z "${QUESTIONS:-}" ]; then
  # shellcheck disable=SC2086 # DUMPS is a glob
  python3 - $DUMPS > "$questions" <<'PY'
import json, sys, zipfile
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            for item in json.loads(z.read(name)):
                title = (item.get("title") or "").strip()
                if title:
                    print(title.replace("\n", " "))
PY
fi
echo "questions: $(wc -l < "$questions") lines from ${QUESTIONS:-$DUMPS}"

failed=0
tables=""
for archive in $ARCHIVES; do
  env_args=(NEWSQA_WEB_RATE_LIMIT_REQUESTS=0 NEWSQA_WEB_SEARCH_RATE_LIMIT_REQUESTS=0
            NEWSQA_WEB_MAX_REQUESTS_PER_CLIENT=256 NEWSQA_TELEGRAM_TOKEN= NEWSQA_LLM_PROVIDER=none)
  case $archive in
    embedded) env_args+=(NEWSQA_DATA_DIR="$EMBEDDED_DIR" NEWSQA_DB_URL=) ;;
    postgres)
      if [ -z "$PG_URL" ]; then echo "postgres: set PG_URL" >&2; failed=1; continue; fi
      env_args+=(NEWSQA_DB_URL="$PG_URL" NEWSQA_DB_SCHEMA="$PG_SCHEMA" NEWSQA_DATA_DIR="$work/pg-side") ;;
    *) echo "unknown archive $archive (embedded or postgres)" >&2; failed=1; continue ;;
  esac
  env "${env_args[@]}" java "-Xmx$HEAP" -jar "$jar" serve --no-sample --port "$PORT" > "$work/server-$archive.log" 2>&1 &
  server_pid=$!
  ready=0
  for _ in $(seq 1 180); do
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi  # it stopped: no use waiting
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; then ready=1; break; fi
    sleep 1
  done
  if [ $ready = 0 ]; then
    echo "$archive: the server did not become ready within 180 s; the end of its log:" >&2
    grep -m5 'Caused by\|ERROR' "$work/server-$archive.log" | cut -c1-300 >&2
    failed=1
  else
    for warm in "ما آخر أخبار الرياض" "What is the latest news from Riyadh"; do
      curl -fsS -G --max-time 600 "http://127.0.0.1:$PORT/api/search" --data-urlencode "q=$warm" > /dev/null || true
    done
    if [ "$WARMUP" -gt 0 ]; then
      JAVA_OPTS= scripts/tools.sh load --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$WARMUP" \
        --questions "$questions" > /dev/null 2>&1 || true
    fi
    before="$(uptime | sed 's/.*load average: //')"
    echo "== $archive archive, server -Xmx$HEAP, $CLIENTS clients, $DURATION s per endpoint; load average before: $before"
    if ! JAVA_OPTS= scripts/tools.sh load --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --seconds "$DURATION" \
        --questions "$questions" | tee "$work/load-$archive.txt"; then
      failed=1
    fi
    after="$(uptime | sed 's/.*load average: //')"
    tables+="$archive: $(head -1 "$work/load-$archive.txt"); load average before $before, after $after"$'\n'
    tables+="$(grep '^|' "$work/load-$archive.txt")"$'\n'
  fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
done

if [ "$FAULTS" != 0 ] && [ -f scripts/faults.sh ]; then
  echo "== fault scenarios (scripts/faults.sh)"
  bash scripts/faults.sh || failed=1
fi

echo
echo "== load ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%s' "$tables"
exit $failed
