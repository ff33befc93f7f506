"""The tip-off register (举报线索台账) in a real browser: the county's March return carries five
tip-offs around the Spring Festival (the working-day calendar in the configuration); the
clerk's page lists the steps in hand with the overdue one first, the city's dashboard lists
the overdue step, the reports page offers the register; no reporter is on any page, and none
is in the server's log."""
import os
import shutil
import subprocess

from selenium.webdriver.common.by import By

from conftest import FIXTURES, PASSWORDS, binary, start_portal
from test_portal import login, logout, main_text, upload

TIPOFFS = os.path.join(FIXTURES, "tipoffs")
SECRETS = ["李某某", "13900000000", "王某", "赵某某"]


def test_tipoffs(browser, tmp_path, screenshots):
    folder = str(tmp_path)
    db = os.path.join(folder, "tipoffs.sqlite")
    fw = binary()
    for name, role, county in [("clerk", "county", "990101"), ("statistician", "city", None)]:
        args = [fw, "user", "add", name, "--role", role, "--db", db] + (["--county", county] if county else [])
        subprocess.run(args, input=PASSWORDS[name] + "\n", text=True, check=True, capture_output=True)
    march = os.path.join(folder, "990101-2026-03-csv")
    shutil.copytree(os.path.join(FIXTURES, "990101-2026-03-csv"), march)
    shutil.copy(os.path.join(TIPOFFS, "tipoffs.csv"), march)
    archive = shutil.make_archive(os.path.join(folder, "990101-2026-03"), "zip", folder, "990101-2026-03-csv")
    for name in ("fundwatch.conf", "holidays.csv"):
        shutil.copy(os.path.join(TIPOFFS, name), folder)
    server, base = start_portal(db, folder, "--today", "2026-03-31", "--config", os.path.join(folder, "fundwatch.conf"))
    pages = []
    try:
        login(browser, base, "clerk")
        upload(browser, base, archive)
        pages.append(main_text(browser, "已接收"))
        browser.get(base + "/counties/990101")
        body = main_text(browser, "举报线索办理期限")
        pages.append(body)
        section = body[body.index("举报线索办理期限"):]
        rows = [line for line in section.splitlines() if line.startswith("JB-")]
        # Most urgent first: JB-2026-003's decision was due on 11 March (the Spring Festival
        # block did not count) and is 14 working days over.
        assert rows[0].startswith("JB-2026-003") and "已超期 14 个工作日" in rows[0] and "2026-03-11" in rows[0], rows
        assert any(r.startswith("JB-2026-004") and "剩 8 个工作日" in r for r in rows), rows
        heading = browser.find_element(By.XPATH, "//h2[contains(., '举报线索办理期限')]")
        browser.execute_script("arguments[0].scrollIntoView()", heading)
        browser.save_screenshot(os.path.join(screenshots, "26-county-tipoffs.png"))
        logout(browser)

        login(browser, base, "statistician")
        browser.get(base + "/dashboard?year=2026")
        body = main_text(browser, "举报线索:超期与 3 个工作日内到期")
        pages.append(body)
        assert "JB-2026-003" in body and "JB-2026-004" not in body
        heading = browser.find_element(By.XPATH, "//h2[contains(., '举报线索:超期')]")
        browser.execute_script("arguments[0].scrollIntoView()", heading)
        browser.save_screenshot(os.path.join(screenshots, "27-dashboard-tipoffs.png"))
        browser.get(base + "/reports")
        body = main_text(browser, "举报线索办理台账")
        assert "fundwatch tipoffs --db" in body
        heading = browser.find_element(By.XPATH, "//h2[contains(., '举报线索办理台账')]")
        browser.execute_script("arguments[0].scrollIntoView()", heading)
        browser.save_screenshot(os.path.join(screenshots, "28-reports-tipoffs.png"))
        logout(browser)
    finally:
        server.terminate()
        server.wait(timeout=10)
    log = "".join(open(os.path.join(folder, f), encoding="utf-8", errors="replace").read()
                  for f in os.listdir(folder) if f.startswith("serve-"))
    for text in pages + [log]:
        for secret in SECRETS:
            assert secret not in text, secret
