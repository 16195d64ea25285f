#!/usr/bin/env bash
# Dashboard benchmark: the six dashboards read over HTTP against a million generated reports (the first run generates
# them into target/dashboard-bench-data, which later runs reuse); 30 warm-up + 200 measured requests each, sequential.
exec "$(dirname "$0")/run-bench.sh" DashboardBenchmark "$@"
