#!/usr/bin/env sh
# Runs the consensus simulation tools outside the test suite.
#   consensus/sim.sh bench [rounds [validators]]      decided heights/s and messages/s at 4, 16, 64, 128 validators
#   consensus/sim.sh soak [--seeds N] [--from S]      random scenarios, prints progress and every failing seed
#   consensus/sim.sh soak --seed S                    replays one seed and prints what happened
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl consensus -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="consensus/target/test-classes:consensus/target/classes:$(cat consensus/target/test-classpath.txt)"
tool="$1"; shift
case "$tool" in
  bench) exec java -cp "$CP" io.gridchain.consensus.sim.SimulationBenchmark "$@" ;;
  soak)  exec java -cp "$CP" io.gridchain.consensus.sim.SimulationSoak "$@" ;;
  *) echo "usage: consensus/sim.sh bench|soak [args]" >&2; exit 2 ;;
esac
