"""Fixtures of the browser test: a built fundwatch, a fresh store with two users, the portal
running on 127.0.0.1, and headless Chromium through Debian's chromedriver."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example")
PASSWORDS = {"clerk": "clerk-password-1", "statistician": "city-password-22"}
TODAY = "2026-04-02"


def binary():
    path = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
    assert os.path.exists(path), f"build fundwatch first (swift build): {path}"
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def workdir():
    with tempfile.TemporaryDirectory(prefix="fundwatch-browser-") as d:
        yield d


@pytest.fixture(scope="session")
def portal(workdir):
    """The portal on a fresh SQLite store: (base URL, store path)."""
    db = os.path.join(workdir, "portal.sqlite")
    fw = binary()
    for name, role, county in [("clerk", "county", "990101"), ("statistician", "city", None)]:
        args = [fw, "user", "add", name, "--role", role, "--db", db] + (["--county", county] if county else [])
        subprocess.run(args, input=PASSWORDS[name] + "\n", text=True, check=True, capture_output=True)
    # The portal's clock starts on TODAY (the test never depends on the day it runs): the
    # example's month 2026-03 is due on 2026-04-05, three days later.
    server, base = start_portal(db, workdir, "--today", TODAY)
    yield base, db
    server.terminate()
    server.wait(timeout=10)


def start_portal(db, folder, *options):
    """`fundwatch serve` on `db` on a free loopback port, once /health answers: (process, base URL)."""
    port = free_port()
    log_path = os.path.join(folder, f"serve-{port}.log")
    server = subprocess.Popen([binary(), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port), *options],
                              stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return server, base
        except Exception:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the portal did not start: " + open(log_path).read())


@pytest.fixture(scope="session")
def downloads(workdir):
    path = os.path.join(workdir, "downloads")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser(downloads):
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800", "--lang=zh-CN"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshots():
    path = os.environ.get("FUNDWATCH_SCREENSHOTS", os.path.join(tempfile.gettempdir(), "fundwatch-screenshots"))
    os.makedirs(path, exist_ok=True)
    return path
