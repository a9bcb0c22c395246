#!/usr/bin/env bash
# Web UI benchmarks (BENCHMARKS.md, issue 5): lineage API server time at 10k assets, the lineage page's first
# interactive paint at 5k assets in Debian's headless Chromium, the API's latency under 100 concurrent clients, and
# the cost of the background state refresh at 10k assets.
# Usage: bench/run-ui-benchmarks.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
echo "Building with $JAVA_HOME ..." >&2
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench -am package -Dmaven.test.skip=true) >&2
cp=("$root/bench/target/classes:$root/bench/target/lib/*")
run() { "$JAVA_HOME/bin/java" -Xmx2g -cp "${cp[@]}" "$@" 2> >(grep -v -e WARNING -e SLF4J >&2); }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| assets | nodes | layout+JSON median ms | min ms | first HTTP ms (cold) | cached HTTP median ms | min ms | body |"
run dev.martello.bench.LineageApiBenchmark 10000
echo "| assets | first load ms (cold cache) | median ms | min ms | max ms |"
run dev.martello.bench.LineagePageBenchmark 5000 7
echo "| clients | assets | requests | p50 ms | p99 ms | max ms | req/s | errors |"
run dev.martello.bench.ApiLoadBenchmark 100 1000 200
echo "| assets | state refresh median ms | min ms | max ms |"
run dev.martello.bench.StateRefreshBenchmark 10000
