#!/usr/bin/env bash
# Restores a backup of the embedded store (made by ops/backup.sh) into a data directory:
#   ops/restore.sh <backup file> [data dir]     (default $PARLEY_DATA_DIR or .parley/data)
# Parley must be stopped. What the data directory held (the store file, its write-ahead log and
# the search index, which would still find messages the restore took away) is kept aside in
# <data dir>/before-restore-<time>/, never deleted. Start Parley again after: it rebuilds the index.
set -euo pipefail
cd "$(dirname "$0")/.."
backup="${1:?usage: ops/restore.sh <backup file> [data dir]}"
data="${2:-${PARLEY_DATA_DIR:-$PWD/.parley/data}}"
[[ -f "$backup" ]] || { echo "No backup file $backup" >&2; exit 2; }
mkdir -p "$data"
# A running Parley holds the store file open: refuse rather than swap it under it.
store="$(cd "$data" && pwd)/parley.mv"
if [[ -f "$store" ]] && { find /proc/[0-9]*/fd -lname "$store" 2>/dev/null || true; } | grep -q .; then
  echo "$store is open (Parley is running): stop Parley first." >&2
  exit 3
fi
aside="$data/before-restore-$(date -u +%Y%m%d-%H%M%S)"
for item in parley.mv wal search-index; do
  if [[ -e "$data/$item" ]]; then
    mkdir -p "$aside"
    mv "$data/$item" "$aside/"
  fi
done
cp "$backup" "$data/parley.mv.part"
sync "$data/parley.mv.part" 2>/dev/null || sync
mv "$data/parley.mv.part" "$data/parley.mv"
echo "Restored $backup into $data/parley.mv."
[[ -d "$aside" ]] && echo "What was there before is in $aside."
echo "Start Parley again; it rebuilds the search index from the store."
