#!/usr/bin/env python3
"""The portal's speed, measured from outside with public tools (urllib, wrk).

    python3 Benchmarks/portal.py [--bin PATH] [--uploads N] [--out FILE]

On a fresh SQLite store with 30 counties (one 360-institution return each, from
`fundwatch sample-data --counties 30`) and a city user:
  1. upload + validate + store of a 360-institution return through the API, one at a time
     (each a new version: its submitted_on moves a day): p50 / p95;
  2. the city dashboard (30 counties × 12 months) under wrk, 2 threads, 32 connections,
     10 s: requests/s and p95 latency;
  3. 50 concurrent uploads of 50 different counties: all stored, p50 / p95.
Prints a Markdown section for Benchmarks/RESULTS.md (and writes it to --out)."""
import argparse
import concurrent.futures
import json
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def call(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "fundwatch"))
    ap.add_argument("--uploads", type=int, default=40)
    ap.add_argument("--out")
    args = ap.parse_args()
    fw = args.bin
    work = tempfile.mkdtemp(prefix="fundwatch-portal-bench-")
    db = os.path.join(work, "bench.sqlite")
    data = os.path.join(work, "data")
    subprocess.run([fw, "sample-data", "--counties", "30", "--per-county", "360", "--xml", "--out", data], check=True, capture_output=True)
    subprocess.run([fw, "import", "--db", db, data], check=True, capture_output=True)
    subprocess.run([fw, "user", "add", "city", "--role", "city", "--db", db], input="benchmark-password\n", text=True, check=True, capture_output=True)
    token = subprocess.run([fw, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(data) for f in fs if f.endswith(".xml"))
    template = open(files[0], encoding="utf-8").read()
    county = re.search(r"<county_code>(\d{6})</county_code>", template).group(1)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([fw, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if call(base + "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        auth = {"Authorization": "Bearer " + token, "Content-Type": "application/xml"}

        # 1. One upload at a time, each a new version.
        submitted = re.search(r"<submitted_on>(\d{4}-\d{2}-\d{2})</submitted_on>", template).group(1)
        times = []
        for i in range(args.uploads):
            day = time.strftime("%Y-%m-%d", time.gmtime(time.mktime(time.strptime(submitted, "%Y-%m-%d")) + 86400 * (i + 1) + 43200))
            body = template.replace(f"<submitted_on>{submitted}</submitted_on>", f"<submitted_on>{day}</submitted_on>", 1)
            body = body.replace("<prepared_by>", f"<prepared_by>v{i}", 1).encode()
            t = time.perf_counter()
            status, answer = call(base + f"/api/v1/submissions?filename={county}.xml", data=body, headers=auth, method="POST")
            times.append(time.perf_counter() - t)
            assert status in (200, 201), (status, answer[:300])
        size_kib = len(template.encode()) // 1024

        # 2. The dashboard under wrk.
        body = urllib.parse.urlencode({"name": "city", "password": "benchmark-password"}).encode()
        opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *a, **k: None}))
        try:
            opener.open(urllib.request.Request(base + "/login", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}))
            cookie = None
        except urllib.error.HTTPError as e:
            cookie = e.headers["Set-Cookie"].split(";")[0]
        assert cookie, "login failed"
        lua = os.path.join(work, "p95.lua")
        with open(lua, "w") as f:
            f.write('done = function(s, latency, r) io.write(string.format("P95_US %d\\n", latency:percentile(95))) end\n')
        wrk = subprocess.run(["wrk", "-t2", "-c32", "-d10s", "-s", lua, "-H", "Cookie: " + cookie, base + "/dashboard?year=2026"],
                             check=True, capture_output=True, text=True).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
        p95_dash = int(re.search(r"P95_US (\d+)", wrk).group(1)) / 1000
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)

        # 3. 50 concurrent uploads of different counties.
        def send(i):
            text = template.replace(county, f"98{1000 + i}")
            t = time.perf_counter()
            status, _ = call(base + f"/api/v1/submissions?filename=98{1000 + i}.xml", data=text.encode(), headers=auth, method="POST")
            return status, time.perf_counter() - t
        with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(send, range(50)))
        stored = sum(1 for s, _ in results if s == 201)
        listed = json.loads(call(base + "/api/v1/submissions", headers={"Authorization": "Bearer " + token})[1])["submissions"]
        landed = len({v["county_code"] for v in listed if v["county_code"].startswith("98")})
        concurrent_times = [t for _, t in results]
    finally:
        server.terminate()
        server.wait(timeout=10)

    report = f"""## Portal (`Benchmarks/portal.py`, binary `{os.path.relpath(fw, ROOT)}`)

| measurement | result | goal |
|---|---|---|
| upload + validate + store, {size_kib} KiB XML of 360 institutions, {args.uploads} sequential (each a new version) | p50 {pct(times, 50)*1000:.0f} ms, p95 {pct(times, 95)*1000:.0f} ms | p95 < 300 ms |
| city dashboard, 30 counties × 12 months, wrk 2 threads × 32 connections, 10 s | {rps:.0f} requests/s, p95 {p95_dash:.1f} ms{'' if not non2xx else ', ' + non2xx.group(1) + ' non-2xx'} | ≥ 1,000 requests/s, p95 < 50 ms |
| 50 concurrent uploads of 50 counties | {stored} answered 201, {landed} stored; p50 {pct(concurrent_times, 50):.2f} s, p95 {pct(concurrent_times, 95):.2f} s | all stored, p95 < 2 s |
"""
    print(report)
    if args.out:
        with open(args.out, "w") as f:
            f.write(report)


if __name__ == "__main__":
    main()
