#!/usr/bin/env bash
# Runs the whole test suite: format check, unit tests, the Arquillian in-container test, the
# integration tests against a started Liberty server with the embedded MongoDB-wire store and
# Hazelcast, the Selenium tests in Debian's Chromium, the three-node failover test behind nginx,
# the Kubernetes manifest checks and the coverage gate.
set -euo pipefail
cd "$(dirname "$0")/.."
ops/install-deps.sh --tests
exec mvn -B -ntp clean verify "$@"
