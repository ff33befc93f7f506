"""`fundwatch backup` and `fundwatch check`, checked from outside with Python's sqlite3:

- a backup taken while an import is writing passes `check` and holds a consistent prefix of
  the source's versions (the same ids and digests); once the writing is done, a backup gives
  byte-identical reports to the source store;
- a backup taken while `serve` receives uploads and an import writes at once passes `check`,
  and gives byte-identical reports to the source store as it was at the backup's moment (the
  source afterwards, cut back to the versions the backup holds: versions are only ever added);
- `check` finds each kind of damage it claims to, each in its own copy of a sound store: a
  row deleted from a register, a stored value changed, a version whose digest no longer
  matches, a review event naming no stored version, a truncated file; and it changes nothing.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import concurrent.futures
import filecmp
import os
import sqlite3
import subprocess
import threading

import pytest

from portal import BIN, EXAMPLE, ROOT, city_token, serve, upload

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
    try:
        backups = backups_while(writer, source, tmp_path, most=20)
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


def backups_while(writer, source, folder, most):
    """Backups of `source` into `folder`, one after another while process `writer` runs (at most `most`)."""
    backups = []
    while writer.poll() is None and len(backups) < most:
        out = str(folder / f"backup-{len(backups)}.sqlite")
        r = run("backup", "--db", source, "--out", out)
        assert "checked sound" in r.stderr
        backups.append(out)
    return backups


def same_reports(a, b, folder):
    """Reports for the year to October from stores `a` and `b` are byte-identical."""
    for db, name in [(a, "a"), (b, "b")]:
        run("report", "--db", db, "--from", "2026-01", "--to", "2026-10", "--as-of", "2026-11-05",
            "--out", os.path.join(folder, name))
    names = sorted(os.listdir(os.path.join(folder, "a")))
    assert names == sorted(os.listdir(os.path.join(folder, "b"))) and "table7.csv" in names and "report.xml" in names
    match, mismatch, errors = filecmp.cmpfiles(os.path.join(folder, "a"), os.path.join(folder, "b"), names, shallow=False)
    assert mismatch == [] and errors == [] and match == names, mismatch


def cut_back(store, last_id, path):
    """A copy of `store` holding only the versions up to `last_id`, with their rows and records."""
    con = sqlite3.connect(store)
    con.execute("VACUUM INTO ?", (path,))
    con.close()
    con = sqlite3.connect(path)
    tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if "submission_id" in [c[1] for c in con.execute(f"PRAGMA table_info({table})")]:
            con.execute(f"DELETE FROM {table} WHERE submission_id > ?", (last_id,))
    con.execute("DELETE FROM submissions WHERE id > ?", (last_id,))
    con.commit()
    con.close()
    return path


def test_backup_while_uploads_and_an_import_write(tmp_path):
    source = str(tmp_path / "source.sqlite")
    token = city_token(source)
    server, base = serve(source, tmp_path / "serve.log")
    example = open(EXAMPLE, encoding="utf-8").read()
    stop = threading.Event()

    def uploader(worker):
        answers = []
        n = 0
        while not stop.is_set():
            county = f"99{4000 + worker * 100 + n % 40}"
            # Each county's month again and again, each time prepared by another name: a new version.
            answers.append(upload(base, token, county, example.replace("990101", county).replace("王晓", f"王晓{n}").encode())[0])
            n += 1
        return answers

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            uploaders = [pool.submit(uploader, w) for w in range(3)]
            importer = subprocess.Popen([BIN, "import", "--db", source, CITY], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            try:
                backups = backups_while(importer, source, tmp_path, most=12)
            finally:
                importer.wait(timeout=300)
                stop.set()
            answers = [a for f in uploaders for a in f.result()]
    finally:
        server.terminate()
        assert server.wait(timeout=40) == 0
    assert importer.returncode == 0, importer.stderr
    assert answers and set(answers) <= {200, 201}, sorted(set(answers))
    print(f"{len(backups)} backups while {answers.count(201)} uploads were stored and the city was imported")
    assert len(backups) >= 2
    final = versions(source)
    con = sqlite3.connect(source)
    uploaded = {i for (i,) in con.execute("SELECT submission_id FROM uploads")}
    con.close()
    mixed = 0
    for n, out in enumerate(backups):
        assert run("check", "--db", out).returncode == 0
        held = versions(out)
        ids = {i for i, _ in held}
        mixed += bool(ids & uploaded and ids - uploaded and len(held) < len(final))
        assert held == final[:len(held)], "a backup holds a consistent prefix of the source's versions"
        at_moment = cut_back(source, held[-1][0], str(tmp_path / f"at-moment-{n}.sqlite"))
        same_reports(out, at_moment, str(tmp_path / f"reports-{n}"))
    assert mixed, "a backup taken in the middle holds versions of both writers"


def test_check_finds_a_flipped_byte(sound, tmp_path):
    """One byte of a stored institution name flipped in the file itself, as a failing disk would."""
    damaged = copy_of(sound, str(tmp_path))
    con = sqlite3.connect(damaged)
    (name,) = con.execute("SELECT name FROM institutions WHERE submission_id = 4 AND row_no = 1").fetchone()
    con.close()
    data = bytearray(open(damaged, "rb").read())
    needle = name.encode()
    at = data.find(needle)
    assert at >= 0, "the name is in the file (a copy made by VACUUM INTO has no free pages: this is a live row)"
    data[at + 2] ^= 0x01          # the last byte of the first character: still UTF-8, another character
    open(damaged, "wb").write(bytes(data))
    r = run("check", "--db", damaged, check=False)
    assert r.returncode == 1 and "store.digest" in r.stdout, (r.stdout, r.stderr)


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
