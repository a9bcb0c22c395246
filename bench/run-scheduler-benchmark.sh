#!/usr/bin/env bash
# Scheduler benchmarks (BENCHMARKS.md, issue 4): trigger-to-first-step latency (manual and scheduled, p50/p99) and
# a 2,000-partition backfill on the embedded default. Usage: bench/run-scheduler-benchmark.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
echo "Building with $JAVA_HOME ..." >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench -am package -Dmaven.test.skip=true) >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xmx2g -cp "$root/bench/target/classes:$root/bench/target/lib/*" \
    dev.martello.bench.SchedulerBenchmark 2> >(grep -v -e WARNING -e SLF4J -e flywaydb >&2)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
