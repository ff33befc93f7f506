"""`fundwatch serve` stops cleanly on SIGTERM: while 300 uploads of different counties are
in flight, the server is sent SIGTERM; it stops accepting, lets the requests in flight finish,
closes the store and exits 0. Afterwards every upload answered 201 is stored whole — its
version, review event, upload record and audit line — and nothing else is stored.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import concurrent.futures
import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example", "990101-2026-03.xml")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sigterm_during_uploads(tmp_path):
    db = str(tmp_path / "portal.sqlite")
    subprocess.run([BIN, "user", "add", "city", "--role", "city", "--db", db], input="city-password-22\n", text=True,
                   check=True, capture_output=True)
    token = subprocess.run([BIN, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([BIN, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.05)
    example = open(EXAMPLE, encoding="utf-8").read()
    counties = [f"99{3000 + i}" for i in range(300)]

    def send(i):
        body = example.replace("990101", counties[i]).encode()
        request = urllib.request.Request(base + f"/api/v1/submissions?filename={counties[i]}.xml", data=body, method="POST",
                                         headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return counties[i], r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return counties[i], e.code, None
        except Exception as e:          # refused or cut: the server was stopping
            return counties[i], None, str(e)

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(send, i) for i in range(len(counties))]
        # Once some uploads have been answered, stop the server in the middle of the rest.
        while sum(f.done() for f in futures) < 10:
            time.sleep(0.01)
        server.send_signal(signal.SIGTERM)
        results = [f.result() for f in futures]
    assert server.wait(timeout=40) == 0, "serve exits 0 after SIGTERM"
    log.close()
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
