"""`fundwatch backup` and `fundwatch check`, checked from outside with Python's sqlite3:

- a backup taken while an import is writing passes `check` and holds a consistent prefix of
  the source's versions (the same ids and digests); once the writing is done, a backup gives
  byte-identical reports to the source store;
- `check` finds each kind of damage it claims to, each in its own copy of a sound store: a
  row deleted from a register, a stored value changed, a version whose digest no longer
  matches, a review event naming no stored version, a truncated file; and it changes nothing.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import filecmp
import os
import shutil
import sqlite3
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
CITY = os.path.join(ROOT, "samples", "city")


def run(*args, check=True):
    r = subprocess.run([BIN, *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError(f"fundwatch {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    """A store holding the sample city, checked sound."""
    db = str(tmp_path_factory.mktemp("sound") / "city.sqlite")
    run("import", "--db", db, CITY)
    r = run("check", "--db", db)
    assert r.stdout == "" and "sound: 71 version(s)" in r.stderr, r.stderr
    return db


def copy_of(store, folder):
    path = os.path.join(folder, "damaged.sqlite")
    con = sqlite3.connect(store)
    con.execute("VACUUM INTO ?", (path,))
    con.close()
    return path


def dump(db):
    con = sqlite3.connect(db)
    text = "\n".join(con.iterdump())
    con.close()
    return text


def versions(db):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, digest FROM submissions ORDER BY id").fetchall()
    con.close()
    return rows


def test_backup_while_an_import_writes_then_reports_identical(tmp_path):
    source = str(tmp_path / "source.sqlite")
    run("import", "--db", source, os.path.join(CITY, "990201-东湖区"))
    writer = subprocess.Popen([BIN, "import", "--db", source, CITY], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    backups = []
    try:
        while writer.poll() is None and len(backups) < 20:
            out = str(tmp_path / f"backup-{len(backups)}.sqlite")
            r = run("backup", "--db", source, "--out", out)
            assert "checked sound" in r.stderr
            backups.append(out)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0 and backups, "at least one backup was taken while the import was writing"
    final = versions(source)
    for out in backups:
        assert not [f for f in os.listdir(tmp_path) if ".partial-" in f], "no temporary file left"
        assert run("check", "--db", out).returncode == 0
        held = versions(out)
        assert held == final[:len(held)], "a backup holds a consistent prefix of the source's versions"
    # Once the writing is done: the same reports, byte for byte.
    last = str(tmp_path / "last.sqlite")
    run("backup", "--db", source, "--out", last)
    for db, folder in [(source, "from-source"), (last, "from-backup")]:
        run("report", "--db", db, "--to", "2026-10", "--out", str(tmp_path / folder))
    names = sorted(os.listdir(tmp_path / "from-source"))
    assert names == sorted(os.listdir(tmp_path / "from-backup")) and "table7.csv" in names and "report.xml" in names
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "from-source", tmp_path / "from-backup", names, shallow=False)
    assert mismatch == [] and errors == [] and match == names


DAMAGES = [
    ("a row deleted from a register", "DELETE FROM inspections WHERE submission_id = 3 AND row_no = 0", ["store.rows", "store.digest"]),
    ("a stored value changed", "UPDATE cases SET amount_involved = amount_involved + 1 WHERE submission_id = 5 AND row_no = 0", ["store.digest"]),
    ("a date made unreadable", "UPDATE cases SET opened_on = '2026-13-01' WHERE submission_id = 6 AND row_no = 0", ["store.damaged"]),
    ("a digest that no longer matches", "UPDATE submissions SET digest = 'f' || substr(digest, 2) WHERE id = 7", ["store.digest"]),
    ("a review event naming no stored version",
     "INSERT INTO review_events (county_code, period, seq, state, submission_id, reason, actor, at) VALUES ('990201', '2026-10', 99, 'approved', 9999, '', 'x', 0)",
     ["store.review"]),
]


@pytest.mark.parametrize("what,sql,kinds", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_check_finds_the_damage(sound, tmp_path, what, sql, kinds):
    damaged = copy_of(sound, str(tmp_path))
    con = sqlite3.connect(damaged)
    con.execute(sql)
    con.commit()
    con.close()
    before = dump(damaged)
    r = run("check", "--db", damaged, check=False)
    assert r.returncode == 1, (what, r.stdout, r.stderr)
    found = [line.split(":")[0] for line in r.stdout.splitlines()]
    assert sorted(set(found)) == sorted(kinds), (what, r.stdout)
    # Each line names the county, month and version.
    for line in r.stdout.splitlines():
        assert " version #" in line and " 20" in line, line
    assert dump(damaged) == before, "check changes nothing (opening may switch the file to WAL mode; the data stay)"
    # A backup of a damaged store is refused and leaves nothing.
    out = str(tmp_path / "backup.sqlite")
    b = run("backup", "--db", damaged, "--out", out, check=False)
    assert b.returncode == 1 and not os.path.exists(out) and not [f for f in os.listdir(tmp_path) if ".partial-" in f], b.stderr


def test_check_finds_a_truncated_file(sound, tmp_path):
    damaged = copy_of(sound, str(tmp_path))
    size = os.path.getsize(damaged)
    with open(damaged, "r+b") as f:
        f.truncate(size // 2)
    r = run("check", "--db", damaged, check=False)
    assert r.returncode == 1 and (r.stdout or r.stderr), r


def test_check_of_a_missing_store_creates_nothing(tmp_path):
    missing = str(tmp_path / "none.sqlite")
    r = run("check", "--db", missing, check=False)
    assert r.returncode == 1 and not os.path.exists(missing)
