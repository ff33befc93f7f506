#!/usr/bin/env bash
# FundWatch at national scale, against DuckDB, on the same data, in one run.
#
#   Benchmarks/run.sh [--runs N] [--scales "1 2 4"] [--data DIR] [--no-heavy] [--no-portal] [--no-postgres] [--quick]
#
# Builds the release binary, generates the data (scale 1 = 2,800 counties × 360
# institutions ≈ 1 M institutions, 1.6 M inspections, 260 k cases, ≈ 220 MB of CSV;
# scale k = k × 2,800 counties), installs DuckDB from PyPI (pinned) if missing, then times
# with /usr/bin/time (wall seconds, peak RSS) the median of N alternating runs of, at
# each scale: the report from CSV (all six tables, every default format), DuckDB computing
# table 1 from the same CSVs with 2 threads, cat (the I/O floor), and the same report and
# DuckDB on the "heavy register" mix (`sample-data --mix heavy`: 4× the major cases, long
# case texts); at scale 1 also the report from XML, import into SQLite and the report from
# it, and (with Debian's PostgreSQL installed) import into a throw-away loopback cluster
# and the report from it; then the portal (Benchmarks/portal.py). Writes
# Benchmarks/RESULTS.md with each goal of issue 16 and whether it is met.
# --quick: 100 counties, one run (a smoke test; RESULTS.md is left alone).
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

# A measurement is a name with a setup (a shell snippet, untimed) and a command (a shell
# line). `round NAME...` runs the named ones RUNS times, alternating (A B C A B C …), so a
# slow minute of the machine falls on all of them, not on one; each keeps its median.
declare -A wall rss cmd setup times mems
add() { setup[$1]=$2; cmd[$1]=$3; }
round() {
  for r in $(seq "$runs"); do
    for name in "$@"; do
      bash -c "${setup[$name]}"
      /usr/bin/time -f "%e %M" -o "$work/time" bash -c "${cmd[$name]}" >/dev/null 2>"$work/stderr" \
        || { echo "FAILED: $name"; cat "$work/stderr" >&2; exit 1; }
      read -r e k < "$work/time"
      times[$name]="${times[$name]:-} $e"; mems[$name]="${mems[$name]:-} $k"
    done
  done
  for name in "$@"; do
    wall[$name]=$(printf '%s\n' ${times[$name]} | median)
    rss[$name]=$(printf '%s\n' ${mems[$name]} | median)
    printf '  %-28s %8s s  %8s MB  (runs:%s)\n' "$name" "${wall[$name]}" "$(( ${rss[$name]%.*} / 1024 ))" "${times[$name]}"
  done
}

# generate DIR WHAT [ARG...]: the sample data of this scale's counties into DIR, unless it is there.
generate() {
  local dir=$1 what=$2; shift 2
  [ -d "$dir" ] && return
  echo "== generating $counties counties ($what)"
  /usr/bin/time -f "   generated in %e s" "$fw" sample-data --counties "$counties" --per-county "$per_county" --seed 7 "$@" --out "$dir" >/dev/null
}

declare -A size hsize lines5 hlines5
for scale in $scales; do
  counties=$(( base_counties * scale ))
  csv="$data/csv-$counties"
  generate "$csv" CSV
  size[$scale]=$(du -sb "$csv" | cut -f1)
  names=("report-csv-$scale" "duckdb-$scale" "cat-$scale")
  add "report-csv-$scale" "rm -rf $work/out" "'$fw' report --to $month --out '$work/out' '$csv'"
  add "duckdb-$scale" "" "python3 '$root/Benchmarks/duckdb_table1.py' '$csv' $month $month '$work/duck.csv'"
  add "cat-$scale" "" "find '$csv' -name '*.csv' -exec cat {} + > /dev/null"
  if [ "$heavy" = 1 ]; then
    hcsv="$data/csv-heavy-$counties"
    generate "$hcsv" "CSV, heavy register mix" --mix heavy
    hsize[$scale]=$(du -sb "$hcsv" | cut -f1)
    names+=("report-heavy-$scale" "duckdb-heavy-$scale")
    add "report-heavy-$scale" "rm -rf $work/out" "'$fw' report --to $month --out '$work/out' '$hcsv'"
    add "duckdb-heavy-$scale" "" "python3 '$root/Benchmarks/duckdb_table1.py' '$hcsv' $month $month '$work/duck.csv'"
  fi
  if [ "$scale" = 1 ]; then
    xml="$data/xml-$counties"
    generate "$xml" XML --xml
    names+=("report-xml-1" "import-sqlite-1" "report-db-1")
    add "report-xml-1" "rm -rf $work/out" "'$fw' report --to $month --out '$work/out' '$xml'"
    add "import-sqlite-1" "rm -f $work/bench.sqlite*" "'$fw' import --db '$work/bench.sqlite' '$csv'"
    # The report from the store reads what the import just wrote (the import runs first in each round).
    add "report-db-1" "rm -rf $work/out-db" "'$fw' report --to $month --db '$work/bench.sqlite' --out '$work/out-db'"
    if [ -n "$pg" ]; then
      bench_pg="${pg%/*}/fundwatch_bench"
      names+=("import-pg-1" "report-pg-1")
      add "import-pg-1" "psql -q '$pg' -c 'DROP DATABASE IF EXISTS fundwatch_bench' -c 'CREATE DATABASE fundwatch_bench'" "'$fw' import --db '$bench_pg' '$csv'"
      add "report-pg-1" "rm -rf $work/out-pg" "'$fw' report --to $month --db '$bench_pg' --out '$work/out-pg'"
    fi
  fi
  echo "== scale $scale: $counties counties, $(( ${size[$scale]} / 1000000 )) MB of CSV${hsize[$scale]:+, heavy mix $(( ${hsize[$scale]} / 1000000 )) MB}"
  round "${names[@]}"
  # Table 5's length on each mix, and the stores' reports checked against the files'.
  rm -rf "$work/out" && "$fw" report --to $month --out "$work/out" "$csv" >/dev/null 2>&1
  lines5[$scale]=$(wc -l < "$work/out/table5.csv")
  if [ "$scale" = 1 ]; then
    diff -r "$work/out" "$work/out-db" >/dev/null || { echo "FAILED: the report from SQLite differs from the report from the files"; exit 1; }
    if [ -n "$pg" ]; then
      diff -r "$work/out" "$work/out-pg" >/dev/null || { echo "FAILED: the report from PostgreSQL differs from the report from the files"; exit 1; }
    fi
  fi
  if [ "$heavy" = 1 ]; then
    rm -rf "$work/out" && "$fw" report --to $month --out "$work/out" "$hcsv" >/dev/null 2>&1
    hlines5[$scale]=$(wc -l < "$work/out/table5.csv")
  fi
done
if [ "$portal" = 1 ]; then
  echo "== portal"
  python3 "$root/Benchmarks/portal.py" --bin "$fw" --out "$work/portal.md" >/dev/null
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
mb() { echo $(( ${1%.*} / 1024 )); }
# verdict VALUE LIMIT: "met" when VALUE ≤ LIMIT.
verdict() { awk -v v="$1" -v l="$2" 'BEGIN { print ((v + 0 <= l + 0) ? "**met**" : "**missed**") }'; }
permb() { awk -v w="$1" -v b="$2" 'BEGIN { printf "%.1f", 1000 * w / (b / 1000000) }'; }
# spread of per-MB times: largest ÷ smallest
spread() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END { printf "%.2f", a[NR] / a[1] }'; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
d=${wall[duckdb-1]}
csv1=${wall[report-csv-1]}
{
  echo "# Benchmark results"
  echo
  echo "Made by \`Benchmarks/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(uname -sr), Swift $(swift --version 2>/dev/null | head -1 | sed 's/.*version \([0-9.]*\).*/\1/'), DuckDB $duckdb_version (Python, 2 threads)."
  echo "Median of $runs runs, the measurements of a scale alternating (A B C A B C …); wall seconds and peak RSS from \`/usr/bin/time\`."
  echo "Data: \`fundwatch sample-data --counties N --per-county $per_county --seed 7\` (and \`--mix heavy\`), one October return per county."
  echo "The reports from SQLite and PostgreSQL were checked byte for byte against the report from the files."
  echo
  echo "## The goals (issue 16)"
  echo
  echo "| # | goal | measured | verdict |"
  echo "|---|---|---|---|"
  if [ "$heavy" = 1 ]; then
    h=${rss[report-heavy-1]}; n=${rss[report-csv-1]}
    echo "| 1 | peak RSS ≤ 150 MB on both mixes | default $(mb $n) MB, heavy $(mb $h) MB | $(verdict $(( $(mb $n) > $(mb $h) ? $(mb $n) : $(mb $h) )) 150) |"
    echo "| 1 | memory flat as table 5 grows (heavy ≤ 1.25 × default, table 5 ${hlines5[1]} vs ${lines5[1]} lines) | $(ratio $h $n)× | $(verdict $(ratio $h $n) 1.25) |"
    echo "| 2 | report ≤ DuckDB's table 1, default mix | $(ratio $csv1 $d)× | $(verdict $(ratio $csv1 $d) 1) |"
    echo "| 2 | report ≤ DuckDB's table 1, heavy mix | $(ratio ${wall[report-heavy-1]} ${wall[duckdb-heavy-1]})× | $(verdict $(ratio ${wall[report-heavy-1]} ${wall[duckdb-heavy-1]}) 1) |"
  else
    echo "| 2 | report ≤ DuckDB's table 1 | $(ratio $csv1 $d)× | $(verdict $(ratio $csv1 $d) 1) |"
  fi
  echo "| 3 | report from XML ≤ 1.5 × from CSV | $(ratio ${wall[report-xml-1]} $csv1)× | $(verdict $(ratio ${wall[report-xml-1]} $csv1) 1.5) |"
  echo "| 4 | import into SQLite ≤ 2 × report | $(ratio ${wall[import-sqlite-1]} $csv1)× | $(verdict $(ratio ${wall[import-sqlite-1]} $csv1) 2) |"
  if [ -n "$pg" ]; then
    echo "| 4 | import into PostgreSQL ≤ 2 × report | $(ratio ${wall[import-pg-1]} $csv1)× | $(verdict $(ratio ${wall[import-pg-1]} $csv1) 2) |"
    echo "| 5 | \`report --db postgres://…\` ≤ 1.5 × from files | $(ratio ${wall[report-pg-1]} $csv1)× | $(verdict $(ratio ${wall[report-pg-1]} $csv1) 1.5) |"
  else
    echo "| 4, 5 | PostgreSQL | not measured (no server: run with Debian's postgresql installed) | — |"
  fi
  pm=(); hpm=()
  for scale in $scales; do
    pm+=("$(permb ${wall[report-csv-$scale]} ${size[$scale]})")
    [ "$heavy" = 1 ] && hpm+=("$(permb ${wall[report-heavy-$scale]} ${hsize[$scale]})")
  done
  echo "| 6 | time per MB flat over scales $scales (largest ÷ smallest ≤ 1.3), default mix | ${pm[*]} ms/MB: $(spread "${pm[@]}")× | $(verdict $(spread "${pm[@]}") 1.3) |"
  if [ "$heavy" = 1 ]; then
    echo "| 6 | the same, heavy mix | ${hpm[*]} ms/MB: $(spread "${hpm[@]}")× | $(verdict $(spread "${hpm[@]}") 1.3) |"
  fi
  if [ "$portal" = 1 ]; then
    echo "| 7 | portal figures | below | measured |"
  fi
  echo
  echo "## Scale 1: $base_counties counties ($(( ${size[1]} / 1000000 )) MB of CSV)"
  echo
  echo "| what | wall s | peak RSS MB | ÷ report from CSV | ÷ DuckDB |"
  echo "|---|---:|---:|---:|---:|"
  row() { echo "| $1 | ${wall[$2]} | $(mb ${rss[$2]}) | $(ratio ${wall[$2]} $csv1) | $(ratio ${wall[$2]} $d) |"; }
  row "\`fundwatch report\` from CSV (6 tables as HTML, XML and CSV)" report-csv-1
  row "\`fundwatch report\` from XML" report-xml-1
  row "\`fundwatch import\` into SQLite" import-sqlite-1
  row "\`fundwatch report --db\` (SQLite)" report-db-1
  if [ -n "$pg" ]; then
    row "\`fundwatch import\` into PostgreSQL (loopback, fsync off)" import-pg-1
    row "\`fundwatch report --db postgres://…\`" report-pg-1
  fi
  row "DuckDB, table 1 from the CSVs" duckdb-1
  row "\`cat\` of the CSVs (I/O floor)" cat-1
  echo
  echo "## Growth with the data"
  echo
  echo "| scale | counties | mix | CSV MB | table 5 lines | report s | per MB ms | peak RSS MB | DuckDB s | ÷ DuckDB |"
  echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for scale in $scales; do
    c=$(( base_counties * scale ))
    echo "| ${scale}× | $c | default | $(( ${size[$scale]} / 1000000 )) | ${lines5[$scale]} | ${wall[report-csv-$scale]} | $(permb ${wall[report-csv-$scale]} ${size[$scale]}) | $(mb ${rss[report-csv-$scale]}) | ${wall[duckdb-$scale]} | $(ratio ${wall[report-csv-$scale]} ${wall[duckdb-$scale]}) |"
    if [ "$heavy" = 1 ]; then
      echo "| ${scale}× | $c | heavy | $(( ${hsize[$scale]} / 1000000 )) | ${hlines5[$scale]} | ${wall[report-heavy-$scale]} | $(permb ${wall[report-heavy-$scale]} ${hsize[$scale]}) | $(mb ${rss[report-heavy-$scale]}) | ${wall[duckdb-heavy-$scale]} | $(ratio ${wall[report-heavy-$scale]} ${wall[duckdb-heavy-$scale]}) |"
    fi
  done
  echo
  echo "The heavy mix (\`sample-data --mix heavy\`): the same counties and registers with four times the share of major cases and case texts of at least 120 characters."
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
