"""`fundwatch serve` stops cleanly on SIGTERM: while 300 uploads of different counties are
in flight, the server is sent SIGTERM; it stops accepting, lets the requests in flight finish,
closes the store and exits 0. Afterwards every upload answered 201 is stored whole — its
version, review event, upload record and audit line — and nothing else is stored.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import concurrent.futures
import signal
import sqlite3
import subprocess
import time

from portal import BIN, EXAMPLE, city_token, serve, upload


def test_sigterm_during_uploads(tmp_path):
    db = str(tmp_path / "portal.sqlite")
    token = city_token(db)
    server, base = serve(db, tmp_path / "serve.log")
    example = open(EXAMPLE, encoding="utf-8").read()
    counties = [f"99{3000 + i}" for i in range(300)]

    def send(i):
        return (counties[i], *upload(base, token, counties[i], example.replace("990101", counties[i]).encode()))

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(send, i) for i in range(len(counties))]
        # Once some uploads have been answered, stop the server in the middle of the rest.
        while sum(f.done() for f in futures) < 10:
            time.sleep(0.01)
        server.send_signal(signal.SIGTERM)
        results = [f.result() for f in futures]
    assert server.wait(timeout=40) == 0, "serve exits 0 after SIGTERM"
    accepted = sorted(c for c, status, _ in results if status == 201)
    print(f"{len(accepted)} of {len(results)} uploads answered 201 before the server stopped; the others: "
          f"{sorted(set(str(s) for _, s, _ in results if s != 201))}")
    assert accepted and len(accepted) < len(results), "some uploads were answered, and some came too late"
    con = sqlite3.connect(db)
    stored = sorted(r[0] for r in con.execute("SELECT county_code FROM submissions"))
    assert stored == accepted, "every 201 is stored and nothing else"
    for county in accepted:
        (version,) = con.execute("SELECT id FROM submissions WHERE county_code = ?", (county,)).fetchone()
        assert con.execute("SELECT COUNT(*) FROM review_events WHERE submission_id = ?", (version,)).fetchone()[0] == 1
        assert con.execute("SELECT COUNT(*) FROM uploads WHERE submission_id = ?", (version,)).fetchone()[0] == 1
        assert con.execute("SELECT COUNT(*) FROM audit WHERE action = 'upload' AND detail LIKE ?", (f"% {county} %",)).fetchone()[0] == 1
        rows = con.execute("SELECT institution_count, inspection_count, case_count FROM submissions WHERE id = ?", (version,)).fetchone()
        counted = [con.execute(f"SELECT COUNT(*) FROM {t} WHERE submission_id = ?", (version,)).fetchone()[0]
                   for t in ("institutions", "inspections", "cases")]
        assert list(rows) == counted
    con.close()
    assert subprocess.run([BIN, "check", "--db", db], capture_output=True).returncode == 0
    assert "the store is closed" in open(tmp_path / "serve.log").read()
