#!/usr/bin/env python3
"""What tomllib reads from tricky.toml, and which of invalid.txt's lines it refuses (both
committed; the tests compare FundWatch's reader with them). Run from this folder."""
import json, tomllib
json.dump(tomllib.load(open("tricky.toml", "rb")), open("tricky.expected.json", "w"), ensure_ascii=False, indent=1)
for line in open("invalid.txt", encoding="utf-8").read().split("\n"):
    if not line:
        continue
    document = line.replace("\\n", "\n")
    try:
        tomllib.loads(document)
        raise SystemExit(f"tomllib accepts {line!r}: not an invalid case")
    except tomllib.TOMLDecodeError:
        pass
print("tomllib refuses every line of invalid.txt")
