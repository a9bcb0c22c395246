#!/usr/bin/env bash
# Engine benchmarks of issue 3 (BENCHMARKS.md): builds bench and marts with the modules they need, then runs one
# benchmark per fresh JVM.
#   bench/run-engine-benchmark.sh dag [chain|wide …] [--size N] [--runs N]   synthetic DAG vs the same SQL (default: chain wide, 1000, 5)
#   bench/run-engine-benchmark.sh demo [--scale S] [--runs N]                demo workspace vs its SQL run directly (default: 10, 3)
#   bench/run-engine-benchmark.sh events [h2|postgres …]                     event-log write throughput (default: h2 postgres)
# Extra JVM options: BENCH_JAVA_OPTS, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=dag.jfr,settings=profile
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
command="$1"
shift

echo "Building with $JAVA_HOME ..." >&2
# marts too: the demo workspace loads its classes from marts/target/classes.
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench,marts -am package -DskipTests) >&2

classpath="$root/bench/target/classes:$root/bench/target/lib/*"
# Quiet the JDK's native-access warning (DuckDB's driver loads its library); keep the benchmarks' own output.
java_opts=(-Xmx6g --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-})
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); options: ${java_opts[*]}; $(nproc) CPUs" >&2

bench() {
    "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" "$@" 2> >(grep -v -e '^SLF4J' -e 'flywaydb' -e '^INFO:' >&2)
}

case "$command" in
    dag)
        shapes=() size=1000 runs=5
        while [[ $# -gt 0 ]]; do
            case "$1" in
                --size) size="$2"; shift 2 ;;
                --runs) runs="$2"; shift 2 ;;
                chain|wide) shapes+=("$1"); shift ;;
                *) usage ;;
            esac
        done
        [[ ${#shapes[@]} -gt 0 ]] || shapes=(chain wide)
        for shape in "${shapes[@]}"; do
            bench dev.martello.bench.EngineDagBenchmark "$shape" "$size" --runs "$runs"
        done
        ;;
    demo)
        scale=10 runs=3
        while [[ $# -gt 0 ]]; do
            case "$1" in
                --scale) scale="$2"; shift 2 ;;
                --runs) runs="$2"; shift 2 ;;
                *) usage ;;
            esac
        done
        bench dev.martello.bench.DemoBenchmark "$root/workspaces/demo" "$scale" --runs "$runs"
        ;;
    events)
        stores=("$@")
        [[ ${#stores[@]} -gt 0 ]] || stores=(h2 postgres)
        for store in "${stores[@]}"; do
            bench dev.martello.bench.EventLogBenchmark "$store"
        done
        ;;
    *) usage ;;
esac
