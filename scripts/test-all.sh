#!/usr/bin/env bash
# Every test FundWatch has: the Swift tests, then the ones that need the built command and
# a running portal: the real-browser test (Chromium), two portals on one PostgreSQL, and the
# API against openapi.yaml (schemathesis). Run it under scripts/with-postgres.sh to include
# PostgreSQL (CI does: .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product fundwatch
swift test
export FUNDWATCH_BIN="$PWD/.build/debug/fundwatch"
python3 -m pytest -q Tests/browser Tests/cluster
scripts/api-check.sh
echo "test-all: every suite passed"
