#!/usr/bin/env bash
# Backs up the embedded store of a running Parley, without stopping it:
#   ops/backup.sh [server URL]          (default https://localhost:${HTTPS_PORT:-9443})
# The copy is written on the server's machine to <data dir>/backups/parley-<UTC time>.mv and its
# path printed. Needs an administrator's token in PARLEY_TOKEN (from your IdP); on a server with
# the development sign-in (ops/run.sh) and no PARLEY_TOKEN, it signs in as the administrator
# "backup" itself. Restore with ops/restore.sh. On a real MongoDB use mongodump instead.
set -euo pipefail
url="${1:-https://localhost:${HTTPS_PORT:-9443}}"
url="${url%/}"
curl_opts=(-sS --max-time 600)
# Liberty's development certificate is self-signed: trust it only on this machine.
case "$url" in https://localhost*|https://127.0.0.1*) curl_opts+=(-k) ;; esac
token="${PARLEY_TOKEN:-}"
if [[ -z "$token" ]]; then
  token=$(curl "${curl_opts[@]}" -o /dev/null -D - -X POST --data 'name=backup&role=admin' \
    "$url/sign-in" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: parley_token=\([^;]*\).*/\1/p')
  if [[ -z "$token" ]]; then
    echo "No PARLEY_TOKEN given and $url has no development sign-in: set PARLEY_TOKEN to an" >&2
    echo "administrator's token from your identity provider." >&2
    exit 2
  fi
fi
response=$(curl "${curl_opts[@]}" -w '\n%{http_code}' -X POST \
  -H "Authorization: Bearer $token" "$url/api/admin/store/backup")
status="${response##*$'\n'}"
body="${response%$'\n'*}"
if [[ "$status" != 200 ]]; then
  echo "Backup failed ($status): $body" >&2
  exit 1
fi
echo "$body"
