#!/usr/bin/env python3
"""Does receiving a return cost more as a county's history grows? Measured from outside.

    python3 Benchmarks/history.py [--bin PATH] [--db URL] [--versions N] [--uploaders K] [--out FILE]

`serve` on a fresh store (SQLite in a temporary folder, or --db postgres://…); K uploaders
(default 4), each sending version after version of its own county's month through the API (the
sample return of Tests/…/990101-2026-03.xml, each time prepared by another name: a new version
every time). Prints uploads/s of all uploaders together for each window of 50 versions per
county — the first window against an empty history, the last against N−50 earlier versions —
and the ratio of the first to the last. A Markdown table for Benchmarks/RESULTS-history.md.
"""
import argparse
import os
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example", "990101-2026-03.xml")
WINDOW = 50


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "fundwatch"))
    ap.add_argument("--db")
    ap.add_argument("--versions", type=int, default=800)
    ap.add_argument("--uploaders", type=int, default=4)
    ap.add_argument("--out")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="fundwatch-history-bench-")
    db = args.db or os.path.join(work, "bench.sqlite")
    fw = args.bin
    subprocess.run([fw, "user", "add", "city", "--role", "city", "--db", db], input="benchmark-password\n", text=True,
                   check=True, capture_output=True)
    token = subprocess.run([fw, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    config = os.path.join(work, "fundwatch.conf")
    with open(config, "w") as f:
        f.write("[portal]\nlog_level = \"warning\"\n")
    server = subprocess.Popen([fw, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), "--config", config],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health", timeout=2)
            break
        except Exception:
            time.sleep(0.1)
    example = open(EXAMPLE, encoding="utf-8").read()
    # finished[w][n]: when uploader w's n-th version was answered.
    finished = [[0.0] * args.versions for _ in range(args.uploaders)]
    failures = []

    def uploader(w):
        county = f"99{5000 + w}"
        for n in range(args.versions):
            body = example.replace("990101", county).replace("王晓", f"王晓{n}").encode()
            request = urllib.request.Request(base + f"/api/v1/submissions?filename={county}.xml", data=body, method="POST",
                                             headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"})
            try:
                with urllib.request.urlopen(request, timeout=120) as r:
                    if r.status != 201:
                        failures.append(r.status)
            except urllib.error.HTTPError as e:
                failures.append(e.code)
            finished[w][n] = time.monotonic()

    started = time.monotonic()
    threads = [threading.Thread(target=uploader, args=(w,)) for w in range(args.uploaders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server.terminate()
    server.wait(timeout=60)
    assert not failures, f"uploads not answered 201: {sorted(set(failures))}"
    kind = "PostgreSQL" if db.startswith("postgres") else "SQLite"
    lines = [f"### {kind}: {args.uploaders} uploaders, {args.versions} versions each ({fw.split('/')[-2]} build)", "",
             "| versions already stored per county | uploads/s (all uploaders) | ms per upload (p50 of the window) |", "|---|---|---|"]
    rates = []
    for start in range(0, args.versions, WINDOW):
        end = min(start + WINDOW, args.versions)
        begin = started if start == 0 else max(finished[w][start - 1] for w in range(args.uploaders))
        stop = max(finished[w][end - 1] for w in range(args.uploaders))
        rate = args.uploaders * (end - start) / (stop - begin)
        gaps = sorted(finished[w][n] - finished[w][n - 1] for w in range(args.uploaders) for n in range(max(start, 1), end))
        rates.append(rate)
        lines.append(f"| {start}–{end - 1} | {rate:.0f} | {1000 * gaps[len(gaps) // 2]:.0f} |")
    lines += ["", f"First window to last: {rates[0] / rates[-1]:.2f}× ({rates[0]:.0f} → {rates[-1]:.0f} uploads/s).", ""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
