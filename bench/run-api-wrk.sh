#!/usr/bin/env bash
# The API under 100 concurrent clients on loopback, driven by wrk (Debian package 'wrk'), so that the load
# generator's CPU is not the server JVM's: the mix of ApiLoadBenchmark over N synthetic assets, 10 s warm-up, then
# the measured run with wrk's latency distribution. Usage: bench/run-api-wrk.sh [assets] [seconds]  (1000 30)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets="${1:-1000}" seconds="${2:-30}"
command -v wrk >/dev/null || { echo "Needs wrk: apt-get install wrk" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"
(cd "$root" && mvn -q -B -Dstyle.color=never -pl bench -am package -Dmaven.test.skip=true) >&2
info="$root/bench/target/api-server.txt"
rm -f "$info"
"$JAVA_HOME/bin/java" -Xmx2g -cp "$root/bench/target/classes:$root/bench/target/lib/*" dev.martello.bench.ApiServer \
    "$assets" "$info" 2> >(grep -v -e WARNING -e SLF4J -e flywaydb >&2) &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [[ -f "$info" ]] && break; sleep 0.1; done
mapfile -t lines < "$info"
base="${lines[0]%/}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c100 -d10s -s "$root/bench/wrk-mix.lua" "$base" -- "${lines[@]:1}" > /dev/null
wrk -t2 -c100 -d"${seconds}s" --latency -s "$root/bench/wrk-mix.lua" "$base" -- "${lines[@]:1}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
