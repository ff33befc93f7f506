#!/usr/bin/env bash
# Installs what FundWatch needs and this machine lacks, then returns. Idempotent and quiet
# when everything is present; a clear message and exit status 1 when it cannot install.
#   scripts/install-needs.sh run    to build and run `fundwatch` (Debian's -dev libraries)
#   scripts/install-needs.sh test   for every test as well (PostgreSQL, Chromium, LibreOffice,
#                                   the PyPI test tools)
# Used by scripts/fundwatch and scripts/test; a reader never has to run it by hand.
# With `test`, it prints the Python interpreter to use (the last line of its standard output).
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-run}
case "$what" in run|test) ;; *) echo "usage: scripts/install-needs.sh run|test" >&2; exit 2 ;; esac

say() { printf 'install-needs: %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------------------
# The build: the C libraries the Swift targets link (Package.swift's .systemLibrary targets).
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
pc libxml-2.0 || need+=(libxml2-dev)
pc sqlite3 || need+=(libsqlite3-dev)
pc minizip || need+=(libminizip-dev)
pc xlsxwriter || need+=(libxlsxwriter-dev)

no_recommends=()
if [ "$what" = test ]; then
  # A throw-away PostgreSQL cluster (scripts/with-postgres.sh) and its client.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  # The browser test: Chromium, its driver, and CJK fonts so Chinese renders.
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "Noto Sans CJK"; } || need+=(fonts-noto-cjk)
  # Python for the pytest suites, with venv in case its pip refuses global installs.
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  python3 -c "import venv, ensurepip" >/dev/null 2>&1 || need+=(python3-venv)
  # LibreOffice Calc without a GUI: a second reader of the workbooks (Tests/excel).
  command -v soffice >/dev/null 2>&1 || no_recommends+=(libreoffice-calc-nogui)
fi

apt_install() { # apt_install [--no-install-recommends] PACKAGE...
  local sudo=() names
  names=$(printf "%s " "${@/#--no-install-recommends/}" | xargs)
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      say "these Debian packages are missing: $names"
      say "run this as root (or with sudo) once, or install them yourself: apt-get install $*"
      exit 1
    fi
  fi
  say "installing from Debian: $names"
  local log
  log=$(mktemp)
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    say "could not install $names (apt-get's words are above: no network to the Debian mirror, or not a Debian system?)"
    exit 1
  fi
  rm -f "$log"
}

[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
[ ${#no_recommends[@]} -eq 0 ] || apt_install --no-install-recommends "${no_recommends[@]}"

[ "$what" = test ] || exit 0

# --- PyPI test tools ----------------------------------------------------------------------
# The interpreter that has them: this machine's python3 if it already does, else a virtual
# environment under .build/ (created once; Debian's python3 refuses global pip installs).
modules="pytest selenium schemathesis openpyxl"
has_modules() { "$1" -c "import pytest, selenium, schemathesis, openpyxl" >/dev/null 2>&1; }
python=$(command -v python3)
if ! has_modules "$python"; then
  venv="$PWD/.build/python-tools"
  python="$venv/bin/python3"
  if ! has_modules "$python"; then
    say "installing from PyPI into $venv: $modules"
    mkdir -p .build
    [ -x "$python" ] || python3 -m venv "$venv" >&2
    if ! "$python" -m pip install -q --disable-pip-version-check $modules >&2; then
      say "could not install $modules from PyPI (no network to PyPI?)"
      exit 1
    fi
  fi
fi
echo "$python"
