#!/usr/bin/env bash
# Run NewsQA with its embedded defaults: builds the jar when it is missing or older than the
# sources, then serves on http://localhost:8080 with the sample archive loaded into ./data.
# Arguments go to the jar: scripts/run.sh serve --port 9090, scripts/run.sh ask "...".
#
# Started this way the application starts faster than with `java -jar target/newsqa.jar`:
# - the jar is unpacked once per build (Spring Boot's `extract`), so classes load from plain jars;
# - class data sharing: the first run of each command after a build (or a JDK update) records the
#   classes it loaded into target/newsqa-app/COMMAND.jsa when it exits, and later runs of that
#   command map them instead of loading and verifying them again;
# - `ask` compiles with the quick JIT compiler only: the optimising one spends seconds of CPU on
#   code that a single question runs for a moment.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/newsqa.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  # On standard error, like everything but a command's result.
  echo "Building $jar (first run takes a few minutes: Maven downloads the dependencies)..." >&2
  ./mvnw -B -q -DskipTests package >&2
fi

app=target/newsqa-app
if [ ! -f "$app/newsqa.jar" ] || [ "$jar" -nt "$app/newsqa.jar" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
fi

command=serve
for arg in "$@"; do
  case "$arg" in -*) ;; *) command=$arg; break ;; esac
done
jvm=()
if [[ "$command" =~ ^[a-z][a-z-]*$ ]]; then
  jsa=$app/$command.jsa
  if [ -f "$jsa" ] && [ ! "$(readlink -f "$(command -v java)")" -nt "$jsa" ]; then
    jvm+=(-XX:SharedArchiveFile="$jsa")
  else
    rm -f "$jsa"
    jvm+=(-XX:ArchiveClassesAtExit="$jsa")
  fi
fi
# The JVM's own warnings go to standard error (standard output is the command's result), except
# the list of classes the archive cannot hold, written when it is recorded.
jvm+=(-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off:stderr)
if [ "$command" = ask ]; then
  jvm+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
fi
# JAVA_OPTS: more JVM options, e.g. JAVA_OPTS=-Xmx3g for a large ingest.
exec java "${jvm[@]}" ${JAVA_OPTS:-} -jar "$app/newsqa.jar" "$@"
