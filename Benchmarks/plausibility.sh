#!/usr/bin/env bash
# What the plausibility checks (核实性审核, issue 25) cost an import at national scale.
#
#   Benchmarks/plausibility.sh [--runs N] [--counties N] [--data DIR]
#
# Builds the release binary and generates 2,800 counties × 360 institutions with each
# county's previous month (`sample-data --previous`). A base SQLite store holds the
# previous months (imported with the checks off). Each round copies the base store and
# times, with /usr/bin/time (wall seconds, peak RSS), importing the October returns into
# the copy with the checks on and with them off, alternating; each keeps its median. With
# the checks on every return is compared with its county's September from the store and
# the import reports the warnings. Writes Benchmarks/RESULTS-plausibility.md. The goal is
# an import with the checks at most 1.3 × the import without them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=3
counties=2800
per_county=360
data=${FUNDWATCH_BENCH_DATA:-/tmp/fundwatch-bench}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --counties) counties=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--counties N] [--data DIR]" >&2; exit 2 ;;
  esac
done

echo "== building (release)"
swift build -c release --product fundwatch 2>&1 | tail -n 1
fw="$root/.build/release/fundwatch"
dir="$data/plausibility-$counties"
mkdir -p "$data"
work=$(mktemp -d /tmp/fundwatch-plausibility.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ ! -d "$dir" ]; then
  echo "== generating $counties counties with their previous month"
  /usr/bin/time -f "   generated in %e s" "$fw" sample-data --counties "$counties" --per-county "$per_county" \
    --seed 7 --previous --out "$dir" >/dev/null
fi
printf '[plausibility]\nenabled = 1\n' > "$work/on.conf"
printf '[plausibility]\nenabled = 0\n' > "$work/off.conf"
echo "== the base store: every county's September"
/usr/bin/time -f "   imported in %e s" "$fw" import --db "$work/base.sqlite" --config "$work/off.conf" "$dir/previous" >/dev/null 2>&1
current=$(find "$dir" -maxdepth 1 -mindepth 1 -type d ! -name previous | sort)

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
declare -A times mems wall rss
for r in $(seq "$runs"); do
  for mode in on off; do
    rm -f "$work"/copy.sqlite*
    cp "$work/base.sqlite" "$work/copy.sqlite"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$work/time" "$fw" import --db "$work/copy.sqlite" --config "$work/$mode.conf" $current \
      >"$work/out-$mode" 2>&1 || { echo "FAILED: import with checks $mode"; tail "$work/out-$mode" >&2; exit 1; }
    read -r e k < "$work/time"
    times[$mode]="${times[$mode]:-} $e"; mems[$mode]="${mems[$mode]:-} $k"
  done
done
for mode in on off; do
  wall[$mode]=$(printf '%s\n' ${times[$mode]} | median)
  rss[$mode]=$(printf '%s\n' ${mems[$mode]} | median)
  printf '  import, checks %-4s %8s s  %6s MB  (runs:%s)\n' "$mode" "${wall[$mode]}" "$(( ${rss[$mode]%.*} / 1024 ))" "${times[$mode]}"
done
ratio=$(awk -v a="${wall[on]}" -v b="${wall[off]}" 'BEGIN {printf "%.2f", a / b}')
warnings=$(grep -c "warning plausibility\." "$work/out-on" || true)
met=$(awk -v r="$ratio" 'BEGIN {print (r <= 1.3) ? "met" : "**missed**"}')
echo "  ratio $ratio ($met); $warnings warning lines"

{
  echo "# What the plausibility checks cost an import"
  echo
  echo "Written by \`Benchmarks/plausibility.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(git rev-parse --short HEAD))."
  echo "$counties counties × $per_county institutions (seed 7): each county's October return imported into a SQLite"
  echo "store that already holds every county's September, median of $runs alternating runs."
  echo
  echo "| import | wall | peak RSS |"
  echo "|---|---:|---:|"
  echo "| checks on (\`[plausibility] enabled = 1\`) | ${wall[on]} s | $(( ${rss[on]%.*} / 1024 )) MB |"
  echo "| checks off (\`enabled = 0\`) | ${wall[off]} s | $(( ${rss[off]%.*} / 1024 )) MB |"
  echo
  echo "Ratio on/off: **$ratio** — goal ≤ 1.3: $met. Warnings reported with the checks on: $warnings."
} > "$root/Benchmarks/RESULTS-plausibility.md"
echo "== wrote Benchmarks/RESULTS-plausibility.md"
