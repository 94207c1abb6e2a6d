#!/usr/bin/env bash
# The test command (README, and what CI runs through .ci/run): makes sure what the tests talk
# to is there, then runs every unit and integration test of the product and of the tools module
# through the Maven wrapper.
#
#   - PostgreSQL + pgvector with role/databases for the tests   scripts/provision-postgres.sh
#   - FreeDict English<->Arabic dictionaries                    scripts/provision-dictionaries.sh
#   - Chromium + ChromeDriver for the browser tests             scripts/provision-browser.sh
#   - docker-compose, to validate docker-compose.yml (no engine) scripts/provision-compose.sh
#
# Each provision script does nothing when its part is already there; installing needs root
# (run once with sudo). Extra arguments go to Maven: scripts/test.sh -Dtest='Lucene*'.
set -euo pipefail
cd "$(dirname "$0")/.."

# The provision scripts read these too: a server elsewhere is used as it is, never installed.
export NEWSQA_TEST_DB_URL=${NEWSQA_TEST_DB_URL:-jdbc:postgresql://localhost:5432/newsqa_test}
export NEWSQA_TEST_DB_USER=${NEWSQA_TEST_DB_USER:-newsqa}
export NEWSQA_TEST_DB_PASSWORD=${NEWSQA_TEST_DB_PASSWORD:-newsqa}

scripts/provision-postgres.sh
scripts/provision-dictionaries.sh
scripts/provision-browser.sh
scripts/provision-compose.sh

# The compose file as Compose reads it (services, healthchecks, variables); no engine needed.
echo "[test] docker-compose config"
docker-compose -f docker-compose.yml config --quiet

# Every suite, the slow ones included (the developer loop ./mvnw test leaves those out); the
# minutes-long fault scenarios stay with scripts/faults.sh. The product first: `install` puts its
# classes and test support in the local Maven repository, which the tools module (tools/pom.xml,
# a build of its own) compiles against. A -Dtest filter may match nothing in one of the two.
echo "[test] ./mvnw -B install -Dnewsqa.excludedTestGroups=slow-fault $*"
./mvnw -B install -Dnewsqa.excludedTestGroups=slow-fault -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "[test] ./mvnw -B -f tools/pom.xml verify -Dnewsqa.excludedTestGroups=slow-fault $*"
exec ./mvnw -B -f tools/pom.xml verify -Dnewsqa.excludedTestGroups=slow-fault -Dsurefire.failIfNoSpecifiedTests=false "$@"
