#!/usr/bin/env bash
# The test command: provisions what the tests talk to (PostgreSQL + pgvector), then runs every
# test, unit and integration, through the Maven wrapper. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision-postgres.sh
bash scripts/provision-dictionaries.sh

export NEWSQA_TEST_DB_URL=${NEWSQA_TEST_DB_URL:-jdbc:postgresql://localhost:5432/newsqa_test}
export NEWSQA_TEST_DB_USER=${NEWSQA_TEST_DB_USER:-newsqa}
export NEWSQA_TEST_DB_PASSWORD=${NEWSQA_TEST_DB_PASSWORD:-newsqa}

exec ./mvnw -B verify "$@"
