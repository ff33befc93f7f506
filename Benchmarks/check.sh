#!/usr/bin/env bash
# What `fundwatch check` and `fundwatch backup` cost on a national store (issue 27: "fast
# enough to run nightly on a national store").
#
#   Benchmarks/check.sh [--counties N] [--data DIR]
#
# Builds the release binary, generates 2,800 counties × 360 institutions (one month each,
# `sample-data`, seed 7), imports them into a fresh SQLite store, then times `check` and
# `backup` (which checks its copy) with /usr/bin/time: wall seconds and peak RSS, median of 3.
# Writes Benchmarks/RESULTS-check.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

counties=2800
per_county=360
data=${FUNDWATCH_BENCH_DATA:-/tmp/fundwatch-bench}
while [ $# -gt 0 ]; do
  case "$1" in
    --counties) counties=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    *) echo "usage: $0 [--counties N] [--data DIR]" >&2; exit 2 ;;
  esac
done

echo "== building (release)"
swift build -c release --product fundwatch 2>&1 | tail -n 1
fw="$root/.build/release/fundwatch"
dir="$data/check-$counties"
work=$(mktemp -d /tmp/fundwatch-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ ! -d "$dir" ]; then
  echo "== generating $counties counties"
  "$fw" sample-data --counties "$counties" --per-county "$per_county" --seed 7 --out "$dir" >/dev/null
fi
echo "== importing"
/usr/bin/time -f "   imported in %e s" "$fw" import --db "$work/store.sqlite" "$dir" >/dev/null 2>&1
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times mems
for r in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$fw" check --db "$work/store.sqlite" 2>"$work/check.err"
  read -r e k < "$work/time"; times[check]="${times[check]:-} $e"; mems[check]="${mems[check]:-} $k"
  rm -f "$work/backup.sqlite"
  /usr/bin/time -f "%e %M" -o "$work/time" "$fw" backup --db "$work/store.sqlite" --out "$work/backup.sqlite" 2>"$work/backup.err"
  read -r e k < "$work/time"; times[backup]="${times[backup]:-} $e"; mems[backup]="${mems[backup]:-} $k"
done
summary=$(tail -n 1 "$work/check.err")
size=$(du -m "$work/store.sqlite" | cut -f1)
{
  echo "# What check and backup cost on a national store"
  echo
  echo "Written by \`Benchmarks/check.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(git rev-parse --short HEAD))."
  echo "$counties counties × $per_county institutions (seed 7), one month each, in a SQLite store of $size MB; median of 3."
  echo "check says: $summary"
  echo
  echo "| command | wall | peak RSS |"
  echo "|---|---:|---:|"
  for c in check backup; do
    w=$(printf '%s\n' ${times[$c]} | median); m=$(printf '%s\n' ${mems[$c]} | median)
    echo "| \`$c\` | $w s | $(( m / 1024 )) MB |"
    printf '  %-7s %6s s  %5s MB  (runs:%s)\n' "$c" "$w" "$(( m / 1024 ))" "${times[$c]}" >&2
  done
} > "$root/Benchmarks/RESULTS-check.md"
echo "== wrote Benchmarks/RESULTS-check.md"
