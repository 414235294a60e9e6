#!/usr/bin/env bash
# Installs what Parley's build and tests need on Debian, idempotently: a JDK 17, Maven, Node.js
# with npm (htmx's WebSocket extension comes from the npm registry at build time) and, with
# --tests, what the test suite drives: Debian's chromium and chromium-driver (Selenium), nginx
# (the load balancer of the cluster test), yamllint (the Kubernetes manifests) and curl (the
# webhook test posts with it).
# Runs apt-get update once, and only when something is missing.
set -euo pipefail

want_tests=false
[[ "${1:-}" == "--tests" ]] && want_tests=true

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if $want_tests; then
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
