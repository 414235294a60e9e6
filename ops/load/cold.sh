#!/usr/bin/env bash
# A freshly started server's first minute under load: starts the load server (ops/load/server.sh)
# on an empty data directory, waits for "ready" (/health/ready answers 200), then at once runs the
# chat load with p99 per 10 s window (ops/load/run.sh --scenario cold), and stops the server.
#   ops/load/cold.sh [--rooms 50 --members 20 --rate 250 ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d)
log=target/load/cold-server.log
mkdir -p target/load
# Compile the generator first, so its build does not run while the server starts.
mvn -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -Dexec.skip=true test-compile
t0=$(date +%s.%N)
PARLEY_DATA_DIR="$data" PARLEY_METRICS_PASSWORD=${PARLEY_METRICS_PASSWORD:-bench} \
  setsid ops/load/server.sh >"$log" 2>&1 &
server=$!
stop() {
  target/liberty/wlp/bin/server stop parley >/dev/null 2>&1 || true
  kill -- -"$server" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
until curl -fsS -o /dev/null http://localhost:9080/health/ready 2>/dev/null; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "the server did not start; see $log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "ready after $(echo "$(date +%s.%N) - $t0" | bc) s (from the start command)"
ops/load/run.sh --scenario cold --url http://localhost:9080 "$@"
