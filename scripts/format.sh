#!/usr/bin/env bash
# The Swift code's layout, by swift-format (part of the toolchain) with .swift-format
# (Hummingbird's line length, 150; four-space indents):
#
#   scripts/format.sh          rewrites every Swift file in place
#   scripts/format.sh --check  changes nothing; lists each line that differs and fails (scripts/test runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests report-templates)
if [ "${1:-}" = "--check" ]; then
  if ! swift format lint --strict --recursive --parallel "${paths[@]}"; then
    echo "format: the lines above differ from .swift-format; run scripts/format.sh and commit" >&2
    exit 1
  fi
  echo "format: every Swift file matches .swift-format"
else
  swift format format --in-place --recursive --parallel "${paths[@]}"
fi
