#!/usr/bin/env bash
# Briefing benchmark: PDF cold and warm, DOCX and XLSX warm for a week of ~19,000 reports of the dashboard benchmark's
# million (target/dashboard-bench-data), then the CSV of a week holding a million reports (generated once into
# target/briefing-bench-csv-data) with the server's memory.
exec "$(dirname "$0")/run-bench.sh" BriefingBenchmark "$@"
