#!/usr/bin/env bash
# The embedded store's growth-and-reopen check: ops/load/reopen.sh [dir] [messages] [rooms]
# (default target/reopen-check, 1,000,000 messages, 1,000 rooms). Seeds through the store's own
# write path, stops cleanly, reopens, reads the newest and oldest pages and counts. Takes ~15-30 min
# for a million messages on 2 cores and a few GB of disk.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true test-compile
args=""
for a in "$@"; do args+="'${a//\'/}' "; done
exec mvn -B -q -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.parley.load.StoreReopenCheck \
  -Dexec.args="$args"
