"""PostgreSQL stopped under the portal and started again, on a cluster of the test's own:
while it is down, uploads are answered 503 within the deadline (never waiting out the
outage), /health says 503; once it is back the portal recovers by itself, without a restart;
every upload answered 201 is stored, and every stored version has its review event, upload
record and audit line (uploads go in by INSERT: a COPY cut off by the server going away
stopped the whole process, a fatal error in PostgresNIO). Needs Debian's postgresql server binaries; skipped without them
unless FUNDWATCH_REQUIRE_POSTGRES=1.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import concurrent.futures
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example", "990101-2026-03.xml")
PG = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
if not PG or not os.path.exists(os.path.join(PG[-1], "initdb")):
    if os.environ.get("FUNDWATCH_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("FUNDWATCH_REQUIRE_POSTGRES=1 but the PostgreSQL server binaries are not installed")
    pytest.skip("no PostgreSQL server binaries", allow_module_level=True)
PG = PG[-1]
DEADLINE = 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A throw-away PostgreSQL cluster of this test's own, which the test stops and starts."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="fundwatch-outage-")
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self.start()
        self.run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-q",
                 "-c", "CREATE ROLE fundwatch LOGIN CREATEDB PASSWORD 'fundwatch'", "-c", "CREATE DATABASE fundwatch OWNER fundwatch")
        self.url = f"postgres://fundwatch:fundwatch@127.0.0.1:{self.port}/fundwatch"

    @property
    def data(self):
        return os.path.join(self.dir, "data")

    def run(self, tool, *args):
        env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
        subprocess.run(self.as_user + [os.path.join(PG, tool), *args], check=True, capture_output=True, env=env)

    def start(self):
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "server.log"), "-w", "-t", "60",
                 "-o", f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off", "start")

    def stop(self):
        self.run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def test_postgres_stopped_and_started_under_the_portal(tmp_path):
    cluster = Cluster()
    server = None
    try:
        subprocess.run([BIN, "user", "add", "city", "--role", "city", "--db", cluster.url], input="city-password-22\n", text=True,
                       check=True, capture_output=True)
        token = subprocess.run([BIN, "user", "token", "city", "--db", cluster.url], check=True, capture_output=True, text=True).stdout.strip()
        config = tmp_path / "fundwatch.conf"
        config.write_text(f"[store]\ndeadline_seconds = {DEADLINE}\n[portal]\nshutdown_grace_seconds = 5\n", encoding="utf-8")
        port = free_port()
        log = open(tmp_path / "serve.log", "w")
        server = subprocess.Popen([BIN, "serve", "--db", cluster.url, "--host", "127.0.0.1", "--port", str(port), "--config", str(config)],
                                  stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"

        def health():
            try:
                with urllib.request.urlopen(base + "/health", timeout=10) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code
            except Exception:
                return None

        for _ in range(300):
            if health() == 200:
                break
            time.sleep(0.1)
        example = open(EXAMPLE, encoding="utf-8").read()
        counter = iter(range(10_000))
        lock = threading.Lock()
        results = []
        stop = threading.Event()

        def uploader():
            while not stop.is_set():
                with lock:
                    i = next(counter)
                county = f"99{4000 + i}"
                request = urllib.request.Request(base + f"/api/v1/submissions?filename={county}.xml",
                                                 data=example.replace("990101", county).encode(), method="POST",
                                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"})
                started = time.time()
                try:
                    with urllib.request.urlopen(request, timeout=60) as r:
                        status = r.status
                except urllib.error.HTTPError as e:
                    status = e.code
                except Exception:
                    status = None
                with lock:
                    results.append((county, status, time.time() - started))

        threads = [threading.Thread(target=uploader) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        cluster.stop()
        time.sleep(DEADLINE * 2 + 2)
        during = health()
        cluster.start()
        recovered = None
        for _ in range(200):
            if health() == 200:
                recovered = True
                break
            time.sleep(0.1)
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        assert during == 503, "health says 503 while the database is down"
        assert recovered, "the portal recovers without a restart"
        statuses = [s for _, s, _ in results]
        assert 201 in statuses and 503 in statuses, sorted(set(map(str, statuses)))
        # Nobody waits out the outage: a 503 comes within the deadline (and a margin for the request itself).
        slowest = max(d for _, s, d in results if s == 503)
        assert slowest < DEADLINE + 5, slowest
        accepted = sorted(c for c, s, _ in results if s == 201)

        def sql(query):
            out = subprocess.run(["psql", cluster.url, "-At", "-c", query], check=True, capture_output=True, text=True).stdout
            return [line.split("|") for line in out.strip().splitlines() if line]

        stored = sorted(r[0] for r in sql("SELECT county_code FROM submissions"))
        assert set(accepted) <= set(stored), "every 201 is stored"
        # Not yet asserted: a COMMIT the server made just before it stopped can reach the client as
        # a lost connection, answered 503 although stored (whole, see below). The stop note of
        # 2026-12-05 says what is left: answer such an upload from the store once it is back.
        in_doubt = sorted(set(stored) - set(accepted))
        # Every stored version is whole, whatever its answer: nothing stored half.
        for vid, digest in sql("SELECT id, digest FROM submissions"):
            assert sql(f"SELECT COUNT(*) FROM review_events WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM uploads WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM audit WHERE detail LIKE '%{digest}%'") == [["1"]]
        assert subprocess.run([BIN, "check", "--db", cluster.url], capture_output=True).returncode == 0
        print(f"{len(accepted)} uploads answered 201 and stored, {statuses.count(503)} answered 503, slowest 503 {slowest:.1f} s; "
              f"stored although not answered 201: {in_doubt}")
        # Not asserted yet: after an outage, SIGTERM does not stop serve within the grace period
        # (a service of its group never finishes; the stop note of 2026-12-05 says what is left).
    finally:
        if server:
            server.kill()
            server.wait(timeout=30)
        cluster.remove()
