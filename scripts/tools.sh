#!/usr/bin/env bash
# The measuring tools of the tools/ module (eval, bench-ingest, bench-search, bench-stories, load):
# builds tools/target/newsqa-tools.jar when it is missing or older than the sources, then runs it.
# Paths are read from the repository's root.
#
#   scripts/tools.sh eval ../shared/eval/xquad/xquad.ar.json --split dev --archive embedded
#   JAVA_OPTS=-Xmx3g scripts/tools.sh eval ...     # JAVA_OPTS: options for the JVM
set -euo pipefail
cd "$(dirname "$0")/.."

jar=tools/target/newsqa-tools.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml prompts tools/src/main tools/pom.xml -newer "$jar" -print -quit)" ]; then
  # The tools compile against the product's classes in the local Maven repository: install them first.
  echo "Building $jar (the product first)..." >&2
  ./mvnw -B -q -DskipTests install >&2
  ./mvnw -B -q -DskipTests -f tools/pom.xml package >&2
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
