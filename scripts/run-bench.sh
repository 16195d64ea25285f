#!/usr/bin/env bash
# Runs one of the harnesses in src/bench/java (JDK only, no build step of its own) against the application jar:
#   scripts/run-bench.sh CrashTest|IngestBenchmark [options]
# Builds the jar first if it is missing and no --jar is given. Options are passed through; --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
program="$1"
shift
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/ceasefire-monitor-0.1.0-SNAPSHOT.jar
uses_own_jar=false
for arg in "$@"; do [[ "$arg" == "--jar" ]] && uses_own_jar=true; done
if [[ "$uses_own_jar" == false && ! -f "$JAR" ]]; then
    echo "Building $JAR ..." >&2
    mvn -B -q -DskipTests package
fi
exec "$JAVA" "src/bench/java/$program.java" "$@"
