#!/usr/bin/env bash
# The embedded store in a process of its own (io.parley.load.StandaloneStore), to measure a node
# apart from its store, as with a MongoDB on another machine:
#   ops/load/store.sh /tmp/store 27019      # terminal 1, until Ctrl-C
#   MONGO_URI=mongodb://127.0.0.1:27019/parley ops/load/server.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true test-compile
exec mvn -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parley.load.StandaloneStore \
  -Dexec.args="${1:-target/standalone-store} ${2:-27019}"
