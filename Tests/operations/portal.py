"""What the operations tests share: a `fundwatch serve` on a store, a city user's API token,
and an upload through the API.

FUNDWATCH_BIN names the binary (default .build/debug/fundwatch)."""
import json
import os
import socket
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


def city_token(db):
    """Adds a city user to store `db` and returns an API token of it."""
    subprocess.run([BIN, "user", "add", "city", "--role", "city", "--db", db], input="city-password-22\n", text=True,
                   check=True, capture_output=True)
    return subprocess.run([BIN, "user", "token", "city", "--db", db], check=True, capture_output=True, text=True).stdout.strip()


def serve(db, log_path, config=None):
    """Starts `fundwatch serve` on `db`, logging to `log_path`; returns the process and its
    base URL once /health answers 200."""
    port = free_port()
    log = open(log_path, "w")
    args = [BIN, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)] + (["--config", str(config)] if config else [])
    server = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(base + "/health", timeout=5) as r:
                if r.status == 200:
                    break
        except Exception:
            time.sleep(0.1)
    return server, base


def upload(base, token, county, body, timeout=30):
    """POSTs `body` (XML) as county `county`'s file; returns the status and the JSON answer
    (None for an error status), or (None, the error) when the connection was refused or cut."""
    request = urllib.request.Request(base + f"/api/v1/submissions?filename={county}.xml", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/xml"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception as e:
        return None, str(e)
