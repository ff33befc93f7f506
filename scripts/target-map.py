#!/usr/bin/env python3
"""The map of FundWatch's targets, made from Package.swift itself (`swift package
dump-package`), so it cannot drift from the code:

    python3 scripts/target-map.py            prints the map
    python3 scripts/target-map.py --write    puts it into README.md between its markers
    python3 scripts/target-map.py --check    exit 1 when README.md's map is not what Package.swift says

Layers: a target's layer is one more than the highest layer of the project targets it uses,
so data flows downwards through the table; "uses" lists its direct project dependencies
without those it already reaches through another (the arrows of a drawing), and "outside"
the packages it links.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
README = os.path.join(ROOT, "README.md")
BEGIN = "<!-- target-map: made by scripts/target-map.py from Package.swift; Tests/layout checks it -->"
END = "<!-- target-map end -->"


def targets():
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    out = {}
    for t in package["targets"]:
        if t["type"] == "test" or t["name"].endswith("TestSupport"):
            continue
        uses, outside = [], []
        for d in t["dependencies"]:
            if "byName" in d:
                uses.append(d["byName"][0])
            elif "target" in d:
                uses.append(d["target"][0])
            elif "product" in d:
                outside.append(f"{d['product'][1]}:{d['product'][0]}")
        out[t["name"]] = (uses, outside)
    return out


def table(all_targets):
    names = set(all_targets)
    reach = {}

    def reached(name):
        if name not in reach:
            reach[name] = set()
            for u in all_targets[name][0]:
                if u in names:
                    reach[name] |= {u} | reached(u)
        return reach[name]

    layer = {}

    def level(name):
        if name not in layer:
            inside = [u for u in all_targets[name][0] if u in names]
            layer[name] = 1 + max((level(u) for u in inside), default=-1)
        return layer[name]

    rows = []
    for name in sorted(all_targets, key=lambda n: (level(n), n)):
        inside = [u for u in all_targets[name][0] if u in names]
        direct = sorted(u for u in inside if not any(u in reached(v) for v in inside if v != u))
        rows.append(f"| {level(name)} | `{name}` | {', '.join(f'`{u}`' for u in direct) or '—'} | "
                    f"{', '.join(sorted(all_targets[name][1])) or '—'} |")
    return "\n".join([BEGIN, "", "| layer | target | uses (direct, not reached through another) | outside packages |", "|---|---|---|---|",
                      *rows, "", END])


def main():
    text = table(targets())
    if len(sys.argv) == 1:
        print(text)
        return 0
    readme = open(README, encoding="utf-8").read()
    if BEGIN not in readme or END not in readme:
        print("README.md has no target map markers", file=sys.stderr)
        return 1
    start, end = readme.index(BEGIN), readme.index(END) + len(END)
    if sys.argv[1] == "--write":
        open(README, "w", encoding="utf-8").write(readme[:start] + text + readme[end:])
        return 0
    if readme[start:end] != text:
        print("README.md's target map differs from Package.swift; run python3 scripts/target-map.py --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
