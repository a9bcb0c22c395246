#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md, one after the other, for a quiet machine (nothing else running: the figures are
# only as good as the machine's calm). Output goes to the terminal and to bench/target/all-<UTC time>.txt.
# Usage: bench/run-all.sh      (about 30 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/bench/target"
log="$root/bench/target/all-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "== $(date -u) on $(nproc) CPUs, $(grep MemTotal /proc/meminfo | tr -s ' '); load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$root/bench/run-graph-benchmark.sh"
    "$root/bench/run-engine-benchmark.sh" dag chain wide --runs 5
    "$root/bench/run-engine-benchmark.sh" demo --scale 10 --runs 3
    "$root/bench/run-engine-benchmark.sh" events h2 postgres
    "$root/bench/run-automation-benchmark.sh" 10000
    "$root/bench/run-scheduler-benchmark.sh"
    "$root/bench/run-ui-benchmarks.sh"
    if command -v wrk >/dev/null; then "$root/bench/run-api-wrk.sh" 1000 30; fi
    echo "== done $(date -u); load $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$log"
