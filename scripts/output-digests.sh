#!/usr/bin/env bash
# Prints the SHA-256 of every output FundWatch makes from the bundled samples (and, with
# --national DIR, from a national-scale data set: CSV folders in DIR/csv, XML in DIR/xml),
# one line per output, so a refactoring can be checked byte for byte:
#
#   scripts/output-digests.sh > /tmp/before.txt     # on the old commit
#   scripts/output-digests.sh | diff /tmp/before.txt -
#
# FUNDWATCH names the binary (default .build/release/fundwatch). Outputs that carry the
# time of an import (history) are left out; everything else is deterministic.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fw=${FUNDWATCH:-$root/.build/release/fundwatch}
national=
[ "${1:-}" = "--national" ] && national=$2
work=$(mktemp -d /tmp/fundwatch-digests.XXXXXX)
trap 'rm -rf "$work"' EXIT
city=$root/samples/city
example=$root/samples/example

# out NAME COMMAND...: the digest of the command's standard output and exit status.
out() {
  local name=$1; shift
  local status
  "$@" > "$work/stdout" 2>/dev/null
  status=$?
  printf '%s  %s (exit %s)\n' "$(sha256sum < "$work/stdout" | cut -c1-64)" "$name" "$status"
}
# dir NAME FOLDER: the digest of every file the command wrote into FOLDER.
dir() {
  local name=$1 folder=$2
  (cd "$folder" && find . -type f | LC_ALL=C sort | while read -r f; do
    printf '%s  %s/%s\n' "$(sha256sum < "$f" | cut -c1-64)" "$name" "${f#./}"
  done)
  rm -rf "$folder"
}

suite() {
  local tag=$1; shift   # the rest: the source arguments (PATHs or --db URL)
  "$fw" report --to 2026-10 --out "$work/r1" "$@" >/dev/null 2>&1; dir "$tag/report-2026-10" "$work/r1"
  "$fw" report --from 2026-01 --to 2026-10 --as-of 2026-11-20 --out "$work/r2" "$@" >/dev/null 2>&1; dir "$tag/report-ytd" "$work/r2"
  "$fw" report --to 2026-03 --out "$work/r3" "$@" >/dev/null 2>&1; dir "$tag/report-2026-03" "$work/r3"
  for f in table json html xml csv; do out "$tag/notices-$f" "$fw" notices --format $f "$@"; done
  out "$tag/notices-asof" "$fw" notices --as-of 2026-04-01 --format json "$@"
  "$fw" notice --county 990201 --case 2025-005 --out "$work/n1" "$@" >/dev/null 2>&1; dir "$tag/notice-990201" "$work/n1"
  "$fw" notice --county 990205 --case 2026-005 --out "$work/n2" "$@" >/dev/null 2>&1; dir "$tag/notice-990205" "$work/n2"
  "$fw" timeliness --to 2026-10 --out "$work/t1" "$@" >/dev/null 2>&1; dir "$tag/timeliness" "$work/t1"
  "$fw" evaluate --from 2026-01 --to 2026-10 --out "$work/e1" "$@" >/dev/null 2>&1; dir "$tag/evaluate" "$work/e1"
  "$fw" bulletin --period 2026-10 --out "$work/b1" "$@" >/dev/null 2>&1; dir "$tag/bulletin" "$work/b1"
  out "$tag/metrics-json" "$fw" metrics --to 2026-10 --json "$@"
  out "$tag/metrics-ytd-json" "$fw" metrics --from 2026-01 --to 2026-10 --json "$@"
  out "$tag/metrics-text" "$fw" metrics --to 2026-10 "$@"
  "$fw" draw --period 2026-07 --seed "2026-07-01 福彩3D第2026175期 203" --inspectors samples/inspectors.csv --items samples/draw-items.csv \
    --risk samples/risk.csv --out "$work/d1" "$@" >/dev/null 2>&1
  "$fw" draw-results --plan "$work/d1" --to 2026-10 --out "$work/d2" "$@" >/dev/null 2>&1
  dir "$tag/draw-plan" "$work/d1"; dir "$tag/draw-results" "$work/d2"
}

cd "$root"
suite city "$city"
out example/metrics-json "$fw" metrics --from 2026-01 --to 2026-03 --json "$example/990101-2026-03-csv"
out example/metrics-json-xml "$fw" metrics --from 2026-01 --to 2026-03 --json "$example/990101-2026-03.xml"
"$fw" report --from 2026-01 --to 2026-03 --out "$work/x1" "$example/990101-2026-03.xml" >/dev/null 2>&1; dir example/report "$work/x1"
"$fw" notice --county 990101 --case 2026-002 --out "$work/x2" "$example/990101-2026-03-csv" >/dev/null 2>&1; dir example/notice "$work/x2"
out example/notices-json "$fw" notices --format json "$example/990101-2026-03-csv"
out validate-json "$fw" validate --json samples/city samples/example
out validate-text "$fw" validate samples/example
db=$work/store.sqlite
out import "$fw" import --db "$db" "$city"
suite store "--db" "$db"

if [ -n "$national" ]; then
  "$fw" report --to 2026-10 --out "$work/nc" "$national/csv" >/dev/null 2>&1; dir national/csv "$work/nc"
  "$fw" report --to 2026-10 --out "$work/nx" "$national/xml" >/dev/null 2>&1; dir national/xml "$work/nx"
  "$fw" import --db "$work/national.sqlite" "$national/csv" >/dev/null 2>&1
  "$fw" report --to 2026-10 --out "$work/ns" --db "$work/national.sqlite" >/dev/null 2>&1; dir national/store "$work/ns"
fi
