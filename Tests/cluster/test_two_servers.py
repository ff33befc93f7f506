"""Two `fundwatch serve` processes on one PostgreSQL behave as one: a session made on one
works on the other, failed logins count across both, and 50 concurrent uploads of different
counties through both all land, exactly once. Needs FUNDWATCH_TEST_POSTGRES_URL
(scripts/with-postgres.sh sets it); skipped without it unless FUNDWATCH_REQUIRE_POSTGRES=1."""
import concurrent.futures
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example", "990101-2026-03.xml")
BASE_URL = os.environ.get("FUNDWATCH_TEST_POSTGRES_URL")
FW = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))

if not BASE_URL:
    if os.environ.get("FUNDWATCH_REQUIRE_POSTGRES") == "1":
        raise RuntimeError("FUNDWATCH_REQUIRE_POSTGRES=1 but FUNDWATCH_TEST_POSTGRES_URL is not set")
    pytest.skip("no PostgreSQL (run under scripts/with-postgres.sh)", allow_module_level=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def call(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def servers():
    parts = urllib.parse.urlsplit(BASE_URL)
    name = "portal_two_%d" % os.getpid()
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    subprocess.run(["psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True)
    db = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    for user, role, county in [("city", "city", None), ("clerk", "county", "990101"), ("burst", "county", "990101")]:
        args = [FW, "user", "add", user, "--role", role, "--db", db] + (["--county", county] if county else [])
        subprocess.run(args, input="two-servers-password\n", text=True, check=True, capture_output=True)
    procs, bases = [], []
    log = tempfile.TemporaryDirectory()
    for i in range(2):
        port = free_port()
        procs.append(subprocess.Popen([FW, "serve", "--db", db, "--port", str(port)], stdout=open(os.path.join(log.name, f"{i}.log"), "w"),
                                      stderr=subprocess.STDOUT))
        bases.append(f"http://127.0.0.1:{port}")
    for base in bases:
        for _ in range(300):
            try:
                if call(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("a portal did not start")
    yield bases, db
    for p in procs:
        p.terminate()
        p.wait(timeout=10)
    log.cleanup()


def login(base, name, password="two-servers-password"):
    body = urllib.parse.urlencode({"name": name, "password": password}).encode()
    return call(base + "/login", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})


def test_a_session_made_on_one_works_on_the_other(servers):
    (a, b), _ = servers
    status, headers, _ = login(a, "city")
    assert status == 303
    cookie = headers["Set-Cookie"].split(";")[0]
    assert call(b + "/dashboard", headers={"Cookie": cookie})[0] == 200
    # Logging out on B ends it on A too.
    page = call(b + "/dashboard", headers={"Cookie": cookie})[2].decode()
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    assert call(b + "/logout", data=urllib.parse.urlencode({"csrf": csrf}).encode(),
                headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})[0] == 303
    assert call(a + "/dashboard", headers={"Cookie": cookie})[0] == 303


def test_failed_logins_count_across_both(servers):
    (a, b), _ = servers
    for i in range(5):
        assert login(a if i % 2 else b, "clerk", "wrong-password-x")[0] == 401
    assert login(a, "clerk")[0] == 429
    assert login(b, "clerk")[0] == 429


def test_fifty_concurrent_uploads_land_exactly_once(servers):
    (a, b), db = servers
    token = subprocess.run([FW, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    example = open(EXAMPLE, encoding="utf-8").read()
    counties = [f"99{2000 + i}" for i in range(50)]

    def send(i):
        body = example.replace("990101", counties[i]).encode()
        base = a if i % 2 else b
        started = time.time()
        status, _, answer = call(base + f"/api/v1/submissions?filename={counties[i]}.xml", data=body,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"}, method="POST")
        return status, json.loads(answer), time.time() - started

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(send, range(50)))
    assert [r[0] for r in results] == [201] * 50, [r[1] for r in results if r[0] != 201][:2]
    assert sorted(r[1]["county_code"] for r in results) == counties
    listed = json.loads(call(a + "/api/v1/submissions", headers={"Authorization": "Bearer " + token})[2])["submissions"]
    assert sorted(v["county_code"] for v in listed) == counties
    # Sent again through the other server: unchanged, nothing doubled.
    again = [call((b if i % 2 else a) + "/api/v1/submissions", data=example.replace("990101", counties[i]).encode(),
                  headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"}, method="POST")[0] for i in range(0, 50, 10)]
    assert again == [200] * 5
    assert len(json.loads(call(b + "/api/v1/submissions", headers={"Authorization": "Bearer " + token})[2])["submissions"]) == 50
    times = sorted(r[2] for r in results)
    print(f"50 concurrent uploads: p50 {times[24]:.3f} s, p95 {times[47]:.3f} s, max {times[-1]:.3f} s")


def test_a_burst_of_logins_through_both_gets_at_most_five_password_checks(servers):
    """Attempts are reserved in the shared store before bcrypt: 40 wrong and one right password
    at once, through both servers, get at most lock_after_failures (5) checks; the rest are 429."""
    (a, b), _ = servers
    passwords = ["wrong-password-%d" % i for i in range(40)]
    passwords.insert(30, "two-servers-password")
    with concurrent.futures.ThreadPoolExecutor(max_workers=41) as pool:
        statuses = list(pool.map(lambda ip: login(a if ip[0] % 2 else b, "burst", ip[1])[0], enumerate(passwords)))
    checked = sum(1 for s in statuses if s in (401, 303))
    assert checked <= 5, statuses
    assert statuses.count(429) == len(statuses) - checked


def test_twenty_versions_of_one_month_at_once_each_stored_with_its_records(servers):
    """Twenty versions of one county-month sent at once through both servers: every stored
    version has its 待审核 event, upload record and audit line (one transaction each), the
    events numbered without gaps; an answer that is not 201 stored nothing."""
    (a, b), db = servers
    token = subprocess.run([FW, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    example = open(EXAMPLE, encoding="utf-8").read().replace("990101", "991999")

    def send(i):
        body = example.replace("<submitted_on>2026-04-03</submitted_on>", f"<submitted_on>2026-04-{10 + i}</submitted_on>")
        body = body.replace("<prepared_by>王晓</prepared_by>", f"<prepared_by>王晓{i}</prepared_by>").encode()
        status, _, answer = call((a if i % 2 else b) + "/api/v1/submissions", data=body,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"}, method="POST")
        return status, json.loads(answer)

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(send, range(20)))
    created = [r for r in results if r[0] == 201]

    def sql(query):
        out = subprocess.run(["psql", db, "-At", "-c", query], check=True, capture_output=True, text=True).stdout
        return [line.split("|") for line in out.strip().splitlines() if line]

    versions = sql("SELECT id, digest FROM submissions WHERE county_code = '991999' ORDER BY id")
    assert len(versions) == len(created) and created, [r[0] for r in results]
    assert sorted(r[1]["version"] for r in created) == list(range(1, len(created) + 1))
    # Each answer names its own stored version's number: the one `history` gives it (id order).
    number_of = {digest: n for n, (_, digest) in enumerate(versions, start=1)}
    assert all(r[1]["version"] == number_of[r[1]["digest"]] for r in created), [(r[1]["version"], r[1]["digest"][:8]) for r in created]
    for vid, digest in versions:
        assert sql(f"SELECT COUNT(*) FROM review_events WHERE submission_id = {vid} AND state = 'received'") == [["1"]]
        assert sql(f"SELECT COUNT(*) FROM uploads WHERE submission_id = {vid}") == [["1"]]
        assert sql(f"SELECT COUNT(*) FROM audit WHERE detail LIKE '%{digest}%'") == [["1"]]
    seqs = [int(r[0]) for r in sql("SELECT seq FROM review_events WHERE county_code = '991999' ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
