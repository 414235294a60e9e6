#!/usr/bin/env bash
# Parley as a cluster for the load generator: one store, N nodes (default 2) and nginx in front at
# http://localhost:9300, with limits wide enough for thousands of clients from one address.
#   ops/load/cluster.sh 2          # terminal 1, until Ctrl-C
#   ops/load/run.sh --url http://localhost:9300 --scenario chat --rooms 50 --members 20 --rate 250
# Needs the built server (mvn verify, or ops/run.sh once) for its Liberty installation.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true -DskipTests package
exec mvn -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parley.cluster.LoadCluster \
  -Dparley.wlp.dir="$PWD/target/liberty/wlp" -Dparley.cluster.dir="$PWD/target/cluster" \
  -Dexec.args="${1:-2}"
