#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster on a loopback port, then stops it.
#   scripts/with-postgres.sh COMMAND [ARG...]
# The command sees FUNDWATCH_TEST_POSTGRES_URL=postgres://fundwatch:fundwatch@127.0.0.1:PORT/fundwatch.
# Uses Debian's postgresql package (the server binaries under /usr/lib/postgresql/*/bin);
# without it, the command runs without a server and says so.
set -euo pipefail
# runuser lives in /usr/sbin, which a root shell's PATH may lack (a chroot, a container).
export PATH="$PATH:/usr/sbin:/sbin"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: PostgreSQL is NOT installed (apt-get install postgresql): running without it;" \
       "the PostgreSQL tests will be reported as skipped." >&2
  exec "$@"
fi
port=${FUNDWATCH_PG_PORT:-54329}
dir=$(mktemp -d /tmp/fundwatch-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: use the postgres system user.
  chown postgres "$dir"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 2; }
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 2; }
"${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE fundwatch LOGIN CREATEDB PASSWORD 'fundwatch'" -c "CREATE DATABASE fundwatch OWNER fundwatch" >/dev/null

export FUNDWATCH_TEST_POSTGRES_URL="postgres://fundwatch:fundwatch@127.0.0.1:$port/fundwatch"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
set +e
"$@"
status=$?
set -e
exit $status
