"""The layout rules a reader relies on. The map of targets in README.md is what Package.swift says: a target's dependencies that
stop matching the map fail here (run `python3 scripts/target-map.py --write` after changing them)."""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def test_readme_map_matches_package_swift():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "target-map.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_the_portal_holds_no_table_access_but_session_and_user_lookups():
    """The portal is a front door: the return cycle's tables are touched only where a request's
    session or login is looked up; everything else goes through FundWatchReturns."""
    portal = os.path.join(ROOT, "Sources", "FundWatchPortal")
    touching = []
    for folder, _, files in os.walk(portal):
        for name in files:
            if name.endswith(".swift"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                if "returns.tables" in text or "import FundWatchStores" in text or "import FundWatchSQLite" in text:
                    touching.append(name)
    assert sorted(touching) == ["AccessMiddleware.swift", "SessionRoutes.swift"], touching


def test_view_models_are_typed():
    """Pages and documents hand their templates typed models (TemplateModel structs), never
    `[String: Any]`: a misspelt property fails the build. Only the templating engine itself
    still accepts dictionaries (the Mustache specification's tests are JSON)."""
    loose = []
    for folder, _, files in os.walk(os.path.join(ROOT, "Sources")):
        if os.path.basename(folder) == "FundWatchTemplating":
            continue
        for name in files:
            if name.endswith(".swift") and "String: Any]" in open(os.path.join(folder, name), encoding="utf-8").read():
                loose.append(name)
    assert loose == [], loose
