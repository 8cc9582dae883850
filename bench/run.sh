#!/usr/bin/env bash
# One command for the benchmarks: builds the service jar and the bench, then prints the tables.
#   bash bench/run.sh [capture|verify|lineage|lineage-scale|lineage-fabric|fabric|all] [seconds-per-measurement | runs]
set -euo pipefail
cd "$(dirname "$0")/.."
which_bench="${1:-all}"
seconds="${2:-10}"

# One reactor build: the bench's class path names the sibling modules' jars built in this same run,
# so nothing needs to be installed into ~/.m2 first (a fresh clone works).
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl service,bench \
  package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
jar="$(ls service/target/service-*.jar | grep -v original | head -1)"

case "$which_bench" in
  capture) java -Xmx512m -cp "$cp" io.heitu.bench.CaptureBench "$jar" "$seconds" ;;
  verify) java -Xmx512m -cp "$cp" io.heitu.bench.VerifyBench "$jar" "$seconds" ;;
  # Here the second argument is the number of timed runs per scenario (default 30).
  # Needs the network up (bash network/up.sh); the seconds are per measurement (default 20 here).
  fabric) java -Xmx512m -cp "$cp" io.heitu.bench.FabricBench "$jar" "${2:-20}" ;;
  lineage) java -Xmx512m -cp "$cp" io.heitu.bench.LineageBench "$jar" "${2:-30}" ;;
  # The graph at scale, written straight into the ledger: [lots] [events] [samples]. The defaults are
  # what fits this machine (about 40 min, 15 GB of data); the issue's 1,000,000 / 10,000,000 do not (README).
  lineage-scale) java -Xmx512m -cp "$cp" io.heitu.bench.ScaleBench "$jar" "${2:-200000}" "${3:-400000}" "${4:-300}" ;;
  lineage-fabric) java -Xmx512m -cp "$cp" io.heitu.bench.LineageBench "$jar" "${2:-30}" fabric ;;
  all)
    java -Xmx512m -cp "$cp" io.heitu.bench.CaptureBench "$jar" "$seconds"
    java -Xmx512m -cp "$cp" io.heitu.bench.VerifyBench "$jar" "$seconds" ;;
  *) echo "usage: bash bench/run.sh [capture|verify|lineage|lineage-scale|lineage-fabric|fabric|all] [seconds|runs]" >&2; exit 2 ;;
esac
