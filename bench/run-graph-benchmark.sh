#!/usr/bin/env bash
# Graph load and validate benchmark (BENCHMARKS.md, issue 2): builds the bench module and the modules it needs,
# then times define+load+validate, two selections and the heap for 1k, 10k and 100k synthetic assets, one fresh
# JVM per size. Usage: bench/run-graph-benchmark.sh [sizes…]   (default: 1000 10000 100000)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then
    sizes=(1000 10000 100000)
fi

echo "Building with $JAVA_HOME ..." >&2
# maven.test.skip, not just skipTests: the benchmark needs no test classes, and not compiling them keeps the run
# independent of tests someone is editing in the modules it builds.
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench -am package -Dmaven.test.skip=true) >&2

java_opts=(-Xmx2g)
classpath="$root/bench/target/classes:$root/bench/target/lib/*"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); options: ${java_opts[*]}" >&2

rows=()
for size in "${sizes[@]}"; do
    echo "== $size assets (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    rows+=("$("$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" dev.martello.bench.GraphLoadBenchmark "$size")")
done

echo
"$JAVA_HOME/bin/java" -cp "$classpath" dev.martello.bench.GraphLoadBenchmark --header
printf '%s\n' "${rows[@]}"
