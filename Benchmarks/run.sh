#!/usr/bin/env bash
# FundWatch at national scale, against DuckDB, on the same data, in one run.
#
#   Benchmarks/run.sh [--runs N] [--scales "1 2 4"] [--data DIR] [--no-heavy] [--no-portal] [--no-postgres] [--quick]
#
# Builds the release binary, generates the data (scale 1 = 2,800 counties × 360
# institutions ≈ 1 M institutions, 1.6 M inspections, 260 k cases, ≈ 220 MB of CSV;
# scale k = k × 2,800 counties), installs DuckDB from PyPI (pinned) if missing, then times
# with /usr/bin/time (wall seconds, peak RSS) the median of N runs of:
#   report from CSV (all tables, all formats) · the same from XML · import into SQLite ·
#   report from SQLite · DuckDB computing table 1 from the CSVs with 2 threads · cat (I/O floor)
# and, at scale 1, the report and DuckDB again on the "heavy register" mix (`sample-data
# --mix heavy`: 4× the major cases, long case texts), then the portal (Benchmarks/portal.py),
# and writes Benchmarks/RESULTS.md. --quick: 100 counties, one run (a smoke test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

args=("$@")
runs=3
scales="1 2 4"
data=${FUNDWATCH_BENCH_DATA:-/tmp/fundwatch-bench}
per_county=360
base_counties=2800
quick=0
heavy=1
portal=1
postgres=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --scales) scales=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --quick) quick=1; runs=1; scales="1"; base_counties=100; shift ;;
    --no-heavy) heavy=0; shift ;;
    --no-portal) portal=0; shift ;;
    --no-postgres) postgres=0; shift ;;
    *) echo "usage: $0 [--runs N] [--scales \"1 2 4\"] [--data DIR] [--no-heavy] [--no-portal] [--no-postgres] [--quick]" >&2; exit 2 ;;
  esac
done
# PostgreSQL at national scale: with Debian's server installed, the whole run goes under a
# throw-away cluster on loopback (scripts/with-postgres.sh), and scale 1 also measures
# import into it and the report from it.
if [ "$postgres" = 1 ] && [ -z "${FUNDWATCH_TEST_POSTGRES_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exec "$root/scripts/with-postgres.sh" "$0" "${args[@]}"
fi
pg=${FUNDWATCH_TEST_POSTGRES_URL:-}
[ "$postgres" = 1 ] || pg=""
duckdb_version=1.4.2
month=2026-10

echo "== building (release)"
swift build -c release --product fundwatch 2>&1 | tail -n 1
fw="$root/.build/release/fundwatch"
python3 -c "import duckdb, sys; sys.exit(0 if duckdb.__version__ == '$duckdb_version' else 1)" 2>/dev/null \
  || pip install -q "duckdb==$duckdb_version"

mkdir -p "$data"
work=$(mktemp -d /tmp/fundwatch-bench-run.XXXXXX)
trap 'rm -rf "$work"' EXIT

# median of a list of numbers
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# measure NAME SETUP COMMAND...: runs SETUP (a shell snippet, untimed) then COMMAND, RUNS times.
declare -A wall rss
measure() {
  local name=$1 setup=$2; shift 2
  local w=() m=()
  for _ in $(seq "$runs"); do
    bash -c "$setup"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { echo "FAILED: $name"; cat "$work/stderr" >&2; exit 1; }
    read -r e k < "$work/time"
    w+=("$e"); m+=("$k")
  done
  wall[$name]=$(printf '%s\n' "${w[@]}" | median)
  rss[$name]=$(printf '%s\n' "${m[@]}" | median)
  printf '  %-28s %8s s  %8s MB  (runs: %s)\n' "$name" "${wall[$name]}" "$(( ${rss[$name]%.*} / 1024 ))" "${w[*]}"
}

for scale in $scales; do
  counties=$(( base_counties * scale ))
  csv="$data/csv-$counties"
  if [ ! -d "$csv" ]; then
    echo "== generating $counties counties (CSV)"
    /usr/bin/time -f "   generated in %e s" "$fw" sample-data --counties "$counties" --per-county "$per_county" --seed 7 --out "$csv"
  fi
  bytes=$(du -sb "$csv" | cut -f1)
  echo "== scale $scale: $counties counties, $(( bytes / 1000000 )) MB of CSV"
  measure "report-csv-$scale" "rm -rf $work/out" "$fw" report --to $month --out "$work/out" "$csv"
  measure "duckdb-$scale" "" python3 "$root/Benchmarks/duckdb_table1.py" "$csv" $month $month "$work/duck.csv"
  measure "cat-$scale" "" bash -c "find $csv -name '*.csv' -exec cat {} + > /dev/null"
  size[$scale]=$bytes
  if [ "$scale" = 1 ]; then
    xml="$data/xml-$counties"
    if [ ! -d "$xml" ]; then
      echo "== generating $counties counties (XML)"
      "$fw" sample-data --counties "$counties" --per-county "$per_county" --seed 7 --xml --out "$xml" >/dev/null
    fi
    measure "report-xml-1" "rm -rf $work/out" "$fw" report --to $month --out "$work/out" "$xml"
    measure "import-sqlite-1" "rm -f $work/bench.sqlite*" "$fw" import --db "$work/bench.sqlite" "$csv"
    measure "report-db-1" "rm -rf $work/out" "$fw" report --to $month --db "$work/bench.sqlite" --out "$work/out"
    notices_standard=$(( $(wc -l < "$work/out/table5.csv") ))
    if [ -n "$pg" ]; then
      bench_pg="${pg%/*}/fundwatch_bench"
      fresh="psql -q '$pg' -c 'DROP DATABASE IF EXISTS fundwatch_bench' -c 'CREATE DATABASE fundwatch_bench'"
      measure "import-pg-1" "$fresh" "$fw" import --db "$bench_pg" "$csv"
      measure "report-pg-1" "rm -rf $work/out" "$fw" report --to $month --db "$bench_pg" --out "$work/out"
    fi
    if [ "$heavy" = 1 ]; then
      hcsv="$data/csv-heavy-$counties"
      if [ ! -d "$hcsv" ]; then
        echo "== generating $counties counties (CSV, heavy register mix)"
        "$fw" sample-data --counties "$counties" --per-county "$per_county" --seed 7 --mix heavy --out "$hcsv" >/dev/null
      fi
      hbytes=$(du -sb "$hcsv" | cut -f1)
      echo "== heavy mix: $(( hbytes / 1000000 )) MB of CSV"
      measure "report-csv-heavy" "rm -rf $work/out" "$fw" report --to $month --out "$work/out" "$hcsv"
      notices_heavy=$(( $(wc -l < "$work/out/table5.csv") ))
      measure "duckdb-heavy" "" python3 "$root/Benchmarks/duckdb_table1.py" "$hcsv" $month $month "$work/duck.csv"
    fi
  fi
done
if [ "$portal" = 1 ]; then
  echo "== portal"
  python3 "$root/Benchmarks/portal.py" --bin "$fw" --out "$work/portal.md" >/dev/null
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
mb() { echo $(( ${1%.*} / 1024 )); }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo "# Benchmark results"
  echo
  echo "Made by \`Benchmarks/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(uname -sr), Swift $(swift --version 2>/dev/null | head -1 | sed 's/.*version \([0-9.]*\).*/\1/'), DuckDB $duckdb_version (Python, 2 threads)."
  echo "Median of $runs run(s); wall seconds and peak RSS from \`/usr/bin/time\`. Data: \`fundwatch sample-data --counties N --per-county $per_county --seed 7\`, one October return per county."
  echo
  echo "## Scale 1: $base_counties counties ($(( ${size[1]} / 1000000 )) MB of CSV)"
  echo
  echo "| what | wall s | peak RSS MB | ÷ DuckDB wall | target |"
  echo "|---|---:|---:|---:|---|"
  d=${wall[duckdb-1]}
  echo "| \`fundwatch report\` from CSV (6 tables × HTML, XML, CSV) | ${wall[report-csv-1]} | $(mb ${rss[report-csv-1]}) | $(ratio ${wall[report-csv-1]} $d) | ≤ 0.25 × DuckDB, ≤ 200 MB |"
  echo "| \`fundwatch report\` from XML | ${wall[report-xml-1]} | $(mb ${rss[report-xml-1]}) | $(ratio ${wall[report-xml-1]} $d) | ≤ 2 × report from CSV ($(ratio ${wall[report-xml-1]} ${wall[report-csv-1]})×) |"
  echo "| \`fundwatch import\` into SQLite | ${wall[import-sqlite-1]} | $(mb ${rss[import-sqlite-1]}) | $(ratio ${wall[import-sqlite-1]} $d) | ≤ 2 × report from CSV ($(ratio ${wall[import-sqlite-1]} ${wall[report-csv-1]})×) |"
  echo "| \`fundwatch report --db\` (SQLite) | ${wall[report-db-1]} | $(mb ${rss[report-db-1]}) | $(ratio ${wall[report-db-1]} $d) | ≤ report from CSV ($(ratio ${wall[report-db-1]} ${wall[report-csv-1]})×) |"
  if [ -n "$pg" ]; then
    echo "| \`fundwatch import\` into PostgreSQL (loopback) | ${wall[import-pg-1]} | $(mb ${rss[import-pg-1]}) | $(ratio ${wall[import-pg-1]} $d) | ≤ 2 × report from CSV ($(ratio ${wall[import-pg-1]} ${wall[report-csv-1]})×) |"
    echo "| \`fundwatch report --db postgres://…\` | ${wall[report-pg-1]} | $(mb ${rss[report-pg-1]}) | $(ratio ${wall[report-pg-1]} $d) | ≤ 1.5 × report from CSV ($(ratio ${wall[report-pg-1]} ${wall[report-csv-1]})×) |"
  fi
  echo "| DuckDB, table 1 from the CSVs | $d | $(mb ${rss[duckdb-1]}) | 1.00 | |"
  echo "| \`cat\` of the CSVs (I/O floor) | ${wall[cat-1]} | $(mb ${rss[cat-1]}) | $(ratio ${wall[cat-1]} $d) | |"
  echo
  echo "## Growth with the data"
  echo
  echo "| scale | counties | CSV MB | report from CSV s | per MB ms | report peak RSS MB | DuckDB s | cat s |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for scale in $scales; do
    c=$(( base_counties * scale ))
    per=$(awk -v w="${wall[report-csv-$scale]}" -v b="${size[$scale]}" 'BEGIN { printf "%.1f", 1000 * w / (b / 1000000) }')
    echo "| ${scale}× | $c | $(( ${size[$scale]} / 1000000 )) | ${wall[report-csv-$scale]} | $per | $(mb ${rss[report-csv-$scale]}) | ${wall[duckdb-$scale]} | ${wall[cat-$scale]} |"
  done
  if [ "$heavy" = 1 ]; then
    echo
    echo "## The mix: default and heavy register (scale 1)"
    echo
    echo "The heavy mix (\`sample-data --mix heavy\`): the same counties and registers with four times the share of major cases and case texts of at least 120 characters."
    echo
    echo "| mix | CSV MB | table 5 lines | report from CSV s | peak RSS MB | DuckDB s | ÷ DuckDB | goal |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    echo "| default | $(( ${size[1]} / 1000000 )) | $notices_standard | ${wall[report-csv-1]} | $(mb ${rss[report-csv-1]}) | ${wall[duckdb-1]} | $(ratio ${wall[report-csv-1]} ${wall[duckdb-1]}) | ≤ 1 × DuckDB, ≤ 150 MB |"
    echo "| heavy register | $(( hbytes / 1000000 )) | $notices_heavy | ${wall[report-csv-heavy]} | $(mb ${rss[report-csv-heavy]}) | ${wall[duckdb-heavy]} | $(ratio ${wall[report-csv-heavy]} ${wall[duckdb-heavy]}) | ≤ 1 × DuckDB, ≤ 150 MB |"
  fi
  if [ "$portal" = 1 ]; then
    echo
    cat "$work/portal.md"
  fi
} > "$work/RESULTS.md"
if [ "$quick" = 1 ]; then
  cat "$work/RESULTS.md"
  echo "(quick run: Benchmarks/RESULTS.md left unchanged)"
else
  cp "$work/RESULTS.md" "$root/Benchmarks/RESULTS.md"
  cat "$root/Benchmarks/RESULTS.md"
fi
