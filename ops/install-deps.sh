#!/usr/bin/env bash
# Installs what Parley's build and tests need on Debian, idempotently: a JDK 17, Maven, Node.js
# with npm (htmx's WebSocket extension comes from the npm registry at build time) and, with
# --browser, Debian's chromium and chromium-driver for the Selenium tests.
# Runs apt-get update once, and only when something is missing.
set -euo pipefail

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if $want_browser; then
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
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
