#!/usr/bin/env bash
# Builds capacity-registry (and chain-core) and runs the settlement benchmark once, in one JVM.
# Usage: capacity-registry/bench.sh [nodes] [leases]     (defaults: 10000 100000)
# Nothing is installed into ~/.m2: the classpath is the reactor's target directories.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl capacity-registry -am test-compile
./mvnw -B -q -pl chain-core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="capacity-registry/target/test-classes:capacity-registry/target/classes"
CP="$CP:chain-core/target/test-classes:chain-core/target/classes:$(cat chain-core/target/bench.classpath)"
exec java -Xmx6g -cp "$CP" io.gridchain.capacity.SettlementBenchmark "$@"
