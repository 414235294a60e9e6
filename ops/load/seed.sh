#!/usr/bin/env bash
# Fills the running server's embedded store with history: ops/load/seed.sh [mongo-uri] [rooms] [messages]
# (default mongodb://127.0.0.1:27018, 1000 rooms, 1,000,000 messages).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Compile (without the build's npm steps, which a running server from this folder may be using),
# then run from the test classpath.
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true test-compile
# Each argument single-quoted, so values with spaces (a --label) stay one argument.
args=""
for a in "$@"; do args+="'${a//\'/}' "; done
exec mvn -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parley.load.HistorySeed \
  -Dexec.args="$args"
