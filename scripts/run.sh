#!/usr/bin/env bash
# Run NewsQA with its embedded defaults: builds the jar when it is missing or older than the
# sources, then serves on http://localhost:8080 with the sample archive loaded into ./data.
# Arguments go to the jar: scripts/run.sh serve --port 9090, scripts/run.sh ask "...".
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/newsqa.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar (first run takes a few minutes: Maven downloads the dependencies)..."
  ./mvnw -B -q -DskipTests package
fi
exec java -jar "$jar" "$@"
