#!/usr/bin/env bash
# The load generator, against a running Parley (one node, or several behind a proxy).
#   ops/load/run.sh --scenario chat    --url https://localhost:9443 --rooms 50 --members 20 --rate 250 --seconds 30
#   ops/load/run.sh --scenario storm   (chat, then every client drops and reconnects at once)
#   ops/load/run.sh --scenario idle    --sockets 10000 --sockets-per-user 10 --seconds 30
#   ops/load/run.sh --scenario history --requests 2000 --concurrency 4   (seed first: ops/load/seed.sh)
# Start the server for it with ops/load/server.sh (the run command with limits wide enough for
# thousands of clients from one address). Figures go to the console and target/load/report.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compile (without the build's npm steps, which a running server from this folder may be using),
# then run from the test classpath.
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true test-compile
# Each argument single-quoted, so values with spaces (a --label) stay one argument.
args=""
for a in "$@"; do args+="'${a//\'/}' "; done
exec mvn -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parley.load.LoadGenerator \
  -Dexec.args="$args"
