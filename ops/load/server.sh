#!/usr/bin/env bash
# The run command with limits wide enough for a load test: thousands of clients sign in and
# connect from this one address. Everything else as ops/run.sh (same ports, data in .parley/data
# unless PARLEY_DATA_DIR says otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PARLEY_LIMITS_HANDSHAKES_BURST=${PARLEY_LIMITS_HANDSHAKES_BURST:-100000}
export PARLEY_LIMITS_HANDSHAKES_PER_MINUTE=${PARLEY_LIMITS_HANDSHAKES_PER_MINUTE:-1000000}
export PARLEY_LIMITS_API_BURST=${PARLEY_LIMITS_API_BURST:-100000}
export PARLEY_LIMITS_API_PER_MINUTE=${PARLEY_LIMITS_API_PER_MINUTE:-1000000}
export PARLEY_LIMITS_SOCKETS_PER_USER=${PARLEY_LIMITS_SOCKETS_PER_USER:-1000}
export PARLEY_LIMITS_MESSAGES_BURST=${PARLEY_LIMITS_MESSAGES_BURST:-1000}
export PARLEY_LIMITS_MESSAGES_PER_MINUTE=${PARLEY_LIMITS_MESSAGES_PER_MINUTE:-60000}
# Plain HTTP is served too (as behind a TLS-ending proxy), so the generator can measure the
# engine without TLS on both ends of one machine; use the https URL to include it.
export PARLEY_HTTPS_REDIRECT=${PARLEY_HTTPS_REDIRECT:-false}
# The embedded store on a fixed loopback port, so ops/load/seed.sh can fill it (it listens on a
# random one by default).
export PARLEY_EMBEDDED_MONGO_PORT=${PARLEY_EMBEDDED_MONGO_PORT:-27018}
exec ops/run.sh
