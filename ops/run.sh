#!/usr/bin/env bash
# Runs Parley on this machine: Open Liberty with the embedded MongoDB-wire store (data kept in
# .parley/data, or $PARLEY_DATA_DIR) and an embedded one-member Hazelcast, with the development
# sign-in on. Set MONGO_URI to use a real MongoDB instead. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
ops/install-deps.sh
export PARLEY_DATA_DIR="${PARLEY_DATA_DIR:-$PWD/.parley/data}"
mkdir -p "$PARLEY_DATA_DIR"
echo "Parley will answer at https://localhost:${HTTPS_PORT:-9443}/ once the server reports it is ready"
echo "(plain http://localhost:${HTTP_PORT:-9080}/ redirects there; the browser asks you to accept"
echo " Liberty's generated development certificate once)."
exec mvn -B -ntp -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true package liberty:run
