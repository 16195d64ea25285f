#!/usr/bin/env bash
# Crash test: 16 clients, kill -9 mid-stream, restart, every acknowledged report there exactly once.
exec "$(dirname "$0")/run-bench.sh" CrashTest "$@"
