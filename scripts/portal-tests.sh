#!/usr/bin/env bash
# The tests that need the built command (and a running portal), after `swift test`: the
# real-browser test (Chromium), two portals on one PostgreSQL, the workbooks checked by
# independent programs (openpyxl; LibreOffice when installed, required under .ci/run), the
# map of targets against Package.swift (Tests/layout), the tip-off deadlines against an
# independent Python implementation of the working-day rule (Tests/tipoffs), backup and check
# against damage made with Python's sqlite3 (Tests/operations), and
# the API against openapi.yaml (schemathesis). Run it under scripts/with-postgres.sh to include PostgreSQL:
#   scripts/with-postgres.sh bash -c 'swift test && scripts/portal-tests.sh'   (the README's test command; .ci/run runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product fundwatch
export FUNDWATCH_BIN="$PWD/.build/debug/fundwatch"
python3 -m pytest -q Tests/browser Tests/cluster Tests/excel Tests/layout Tests/tipoffs Tests/operations
scripts/api-check.sh
echo "portal-tests: every suite passed"
