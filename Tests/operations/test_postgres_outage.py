"""PostgreSQL under the portal, on a cluster of the test's own.

Stopped and started again:
while it is down, uploads are answered 503 within the deadline (never waiting out the
outage), /health says 503; once it is back the portal recovers by itself, without a restart;
every upload answered 201 is stored, and every stored version has its review event, upload
record and audit line (uploads go in by INSERT: a COPY cut off by the server going away
stopped the whole process, a fatal error in PostgresNIO).

A COMMIT whose answer is lost (a proxy between the portal and the server cuts the connection
just after passing the COMMIT of an upload on, or just before): the portal asks the server
whether the transaction committed (txid_status) and answers 201 when it did, 503 when not; the
answer and the store agree either way.

Needs Debian's postgresql server binaries; skipped without them unless FUNDWATCH_REQUIRE_POSTGRES=1.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/operations
"""
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import pytest

from portal import BIN, EXAMPLE, city_token, free_port, serve, upload

PG = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
if not PG or not os.path.exists(os.path.join(PG[-1], "initdb")):
    if os.environ.get("FUNDWATCH_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("FUNDWATCH_REQUIRE_POSTGRES=1 but the PostgreSQL server binaries are not installed")
    pytest.skip("no PostgreSQL server binaries", allow_module_level=True)
PG = PG[-1]
DEADLINE = 3


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
        token = city_token(cluster.url)
        config = tmp_path / "fundwatch.conf"
        config.write_text(f"[store]\ndeadline_seconds = {DEADLINE}\ncall_seconds = 5\n[portal]\nshutdown_grace_seconds = 5\n",
                          encoding="utf-8")
        server, base = serve(cluster.url, tmp_path / "serve.log", config)

        def health():
            try:
                with urllib.request.urlopen(base + "/health", timeout=10) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code
            except Exception:
                return None

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
                started = time.time()
                status, _ = upload(base, token, county, example.replace("990101", county).encode(), timeout=60)
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
        # Nobody waits out the outage: a 503 comes within the deadline (and a margin for the
        # request itself) — but for an upload whose COMMIT was sent as the server stopped (one
        # per uploader at most), which waits for the server to say whether it committed.
        late = [d for _, s, d in results if s == 503 and d >= DEADLINE + 5]
        assert len(late) <= 4 and max(d for _, _, d in results) < 60 + DEADLINE + 5, late
        slowest = max(d for _, s, d in results if s == 503 and d < DEADLINE + 5)
        accepted = sorted(c for c, s, _ in results if s == 201)

        def sql(query):
            out = subprocess.run(["psql", cluster.url, "-At", "-c", query], check=True, capture_output=True, text=True).stdout
            return [line.split("|") for line in out.strip().splitlines() if line]

        stored = sorted(r[0] for r in sql("SELECT county_code FROM submissions"))
        answered = {c: (s, round(d, 1)) for c, s, d in results}
        assert stored == accepted, ("every 201 is stored, and nothing else",
                                    {c: answered.get(c) for c in set(stored) ^ set(accepted)})
        # Every stored version is whole, whatever its answer: nothing stored half.
        for vid, digest in sql("SELECT id, digest FROM submissions"):
            assert sql(f"SELECT COUNT(*) FROM review_events WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM uploads WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM audit WHERE detail LIKE '%{digest}%'") == [["1"]]
        assert subprocess.run([BIN, "check", "--db", cluster.url], capture_output=True).returncode == 0
        print(f"{len(accepted)} uploads answered 201 and stored, {statuses.count(503)} answered 503, slowest 503 {slowest:.1f} s, "
              f"{len(late)} answered 503 after the outage (their COMMIT in doubt), slowest 201 {max(d for _, s, d in results if s == 201):.1f} s")
        # After the outage, SIGTERM still stops the portal within its grace period.
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=5 + 10) == 0
        server = None
    finally:
        if server:
            server.kill()
            server.wait(timeout=30)
        cluster.remove()


class CommitCutter:
    """A TCP proxy in front of the cluster which, once armed, cuts the first connection that
    sends the COMMIT of a transaction that inserted a submission: either just after passing
    the COMMIT on (the server commits; its answer is lost) or instead of passing it on (the
    server never sees it and rolls back)."""

    def __init__(self, target_port, after_passing):
        self.target_port, self.after_passing = target_port, after_passing
        self.armed = threading.Event()
        self.cut = threading.Event()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            muted = threading.Event()       # set once this connection's COMMIT is cut: nothing more reaches the portal
            threading.Thread(target=self.pipe, args=(server, client, False, muted), daemon=True).start()
            threading.Thread(target=self.pipe, args=(client, server, True, muted), daemon=True).start()

    def pipe(self, source, sink, from_client, muted):
        inserting = False
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if from_client and self.armed.is_set() and not self.cut.is_set():
                    inserting = inserting or b"INSERT INTO submissions" in data
                    if inserting and b"COMMIT\x00" in data:
                        muted.set()
                        self.cut.set()
                        if self.after_passing:
                            sink.sendall(data)       # the server gets the COMMIT and makes it...
                            time.sleep(0.05)
                        cut(source)                  # ...but the portal never hears back
                        time.sleep(1.0)
                        cut(sink)
                        return
                if muted.is_set():
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            cut(source)
            cut(sink)


def cut(connection):
    """Ends a TCP connection for both ends at once (a close alone waits for a thread reading it)."""
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    connection.close()


@pytest.mark.parametrize("after_passing", [True, False], ids=["committed-answer-lost", "cut-before-commit"])
def test_a_commit_whose_answer_is_lost(tmp_path, after_passing):
    cluster = Cluster()
    server = None
    try:
        token = city_token(cluster.url)
        cutter = CommitCutter(cluster.port, after_passing)
        proxied = cluster.url.replace(f":{cluster.port}/", f":{cutter.port}/")
        config = tmp_path / "fundwatch.conf"
        config.write_text(f"[store]\ndeadline_seconds = {DEADLINE}\ncall_seconds = {DEADLINE}\n", encoding="utf-8")
        server, base = serve(proxied, tmp_path / "serve.log", config)
        cutter.armed.set()
        body = open(EXAMPLE, encoding="utf-8").read().encode()
        started = time.time()
        status, answer = upload(base, token, "990101", body, timeout=90)
        took = time.time() - started
        assert cutter.cut.is_set(), "the proxy cut the upload's COMMIT"

        def sql(query):
            out = subprocess.run(["psql", cluster.url, "-At", "-c", query], check=True, capture_output=True, text=True).stdout
            return [line.split("|") for line in out.strip().splitlines() if line]

        stored = sql("SELECT id, digest FROM submissions")
        print(f"after_passing={after_passing}: answered {status} in {took:.1f} s; stored {len(stored)}")
        if after_passing:
            assert status == 201 and len(stored) == 1, (status, stored)
            (vid, digest), = stored
            assert answer["version"] == 1 and answer["state"] == "received", answer
            assert sql(f"SELECT COUNT(*) FROM review_events WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM uploads WHERE submission_id = {vid}") == [["1"]]
            assert sql(f"SELECT COUNT(*) FROM audit WHERE detail LIKE '%{digest}%'") == [["1"]]
        else:
            assert status == 503 and stored == [], (status, stored)
            assert sql("SELECT COUNT(*) FROM review_events") == [["0"]] and sql("SELECT COUNT(*) FROM uploads") == [["0"]]
        assert took < DEADLINE + 5, took
        # The portal goes on: the same return sent again is stored once.
        status, again = upload(base, token, "990101", body)
        assert status in (200, 201) and again["version"] == 1, (status, again)
        assert len(sql("SELECT id FROM submissions")) == 1
    finally:
        if server:
            server.kill()
            server.wait(timeout=30)
        cluster.remove()
