#!/usr/bin/env bash
# The fault scenarios of docs/reference/operations.md ("Faults"), run as their tests, then one table:
# scenario | expectation | measured | pass. Everything stays on this machine (loopback servers, a
# private throwaway PostgreSQL cluster for the outage; the shared one on 5432 is never stopped).
#
#   scripts/faults.sh            all scenarios (about 6-10 minutes on 2 cores)
#   FAULTS_TESTS='DatabaseOutageTest' scripts/faults.sh     a subset (surefire -Dtest syntax)
#
# Needs what scripts/test.sh provisions (PostgreSQL + pgvector; runs it when missing). Exit code:
# Maven's (non-zero when a scenario failed). scripts/reliability.sh calls this.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEWSQA_TEST_DB_URL=${NEWSQA_TEST_DB_URL:-jdbc:postgresql://localhost:5432/newsqa_test}
export NEWSQA_TEST_DB_USER=${NEWSQA_TEST_DB_USER:-newsqa}
export NEWSQA_TEST_DB_PASSWORD=${NEWSQA_TEST_DB_PASSWORD:-newsqa}
scripts/provision-postgres.sh >/dev/null || { echo "[faults] PostgreSQL could not be provisioned" >&2; exit 2; }

tests=${FAULTS_TESTS:-'DatabaseOutageTest,GracefulShutdownTest,IngestFaultsTest,ProviderAnswerTest#aProviderTooSlow*+aProviderRefusing*,TelegramBotTest#throughTooMany*+afterA429*'}
rm -rf target/faults
log=target/faults-maven.log
mkdir -p target
echo "[faults] running: $tests (log: $log)"
nice -n 10 ./mvnw -B test -Dnewsqa.excludedTestGroups=none -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
status=$?
grep -E "Tests run:|FAIL|ERROR\]" "$log" | grep -v "^\[INFO\] *$" | tail -n 12

printf '\n%-30s | %-75s | %-110s | %s\n' scenario expectation measured pass
printf '%s\n' "$(printf '%.0s-' {1..230})"
if compgen -G 'target/faults/*.tsv' >/dev/null; then
  cat target/faults/*.tsv | while IFS=$'\t' read -r scenario expectation measured pass; do
    printf '%-30s | %-75s | %-110s | %s\n' "$scenario" "$expectation" "$measured" "$pass"
  done
else
  echo "(no scenario recorded a measurement: see $log)"
fi
echo
echo "[faults] machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); Maven exit $status"
exit $status
