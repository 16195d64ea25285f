#!/usr/bin/env bash
# Ingest benchmark: 20 clients, single and batch, against the raw H2 commit rate.
exec "$(dirname "$0")/run-bench.sh" IngestBenchmark "$@"
