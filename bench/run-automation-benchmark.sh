#!/usr/bin/env bash
# The automation tick benchmark (issue 4): builds bench and what it needs, then runs each size in its own JVM.
# Usage: bench/run-automation-benchmark.sh [SIZE ...]   (default: 10000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000)
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench -am package -Dmaven.test.skip=true) >&2
classpath="$root/bench/target/classes:$root/bench/target/lib/*"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); options: -Xmx2g" >&2
echo "| assets | first tick ms | idle tick median ms | idle min ms | dirty tick median ms | dirty min ms | judged per dirty tick | requests per dirty tick |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
    echo "== $size assets (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" dev.martello.bench.AutomationTickBenchmark "$size"
done
