"""核实说明 in a real browser: April arrives without two of March's cases, as a workbook whose
核实说明 sheet explains one of them. The return is accepted and 待说明; the clerk explains the
other on the page, the city sees both explanations and who gave them on its /warnings list,
and approves without a note of its own."""
import csv
import os
import shutil
import subprocess
import sys

import openpyxl
from selenium.webdriver.common.by import By

from conftest import FIXTURES, PASSWORDS, ROOT, binary, start_portal
from test_portal import click, login, logout, main_text, upload

MARCH_XML = os.path.join(FIXTURES, "990101-2026-03.xml")
MARCH_CSV = os.path.join(FIXTURES, "990101-2026-03-csv")
FILL = os.path.join(ROOT, "scripts", "xlsx-from-csv.py")


def april_workbook(folder):
    """April's workbook: March's registers without cases 2026-002 and 2026-003, filled into
    the template by openpyxl, with one 核实说明 row for 2026-002."""
    april = os.path.join(folder, "990101-2026-04-csv")
    shutil.copytree(MARCH_CSV, april)
    header = os.path.join(april, "submission.csv")
    text = open(header, encoding="utf-8").read()
    text = text.replace("period,2026-03", "period,2026-04").replace("submitted_on,2026-04-03", "submitted_on,2026-05-01")
    open(header, "w", encoding="utf-8").write(text)
    cases = os.path.join(april, "cases.csv")
    with open(cases, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    kept = [r for r in rows if r[0] not in ("2026-002", "2026-003")]
    assert len(kept) == len(rows) - 2
    with open(cases, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(kept)
    template = os.path.join(folder, "template.xlsx")
    subprocess.run([binary(), "template", "--county", "990101", "--period", "2026-04", "--out", template, april],
                   check=True, capture_output=True)
    path = os.path.join(folder, "990101-2026-04.xlsx")
    subprocess.run([sys.executable, FILL, april, path, "--typed", "--fill", template], check=True)
    wb = openpyxl.load_workbook(path)
    sheet = wb["核实说明"]
    sheet["A5"], sheet["B5"], sheet["C5"] = "plausibility.row.missing", "2026-002", "2026-002 号案件已移送公安机关,按规定移出本台账"
    wb.save(path)
    return path


def test_explanations(browser, tmp_path, screenshots):
    folder = str(tmp_path)
    db = os.path.join(folder, "explain.sqlite")
    fw = binary()
    for name, role, county in [("clerk", "county", "990101"), ("statistician", "city", None)]:
        args = [fw, "user", "add", name, "--role", role, "--db", db] + (["--county", county] if county else [])
        subprocess.run(args, input=PASSWORDS[name] + "\n", text=True, check=True, capture_output=True)
    subprocess.run([fw, "import", "--db", db, MARCH_XML], check=True, capture_output=True)
    workbook = april_workbook(folder)
    server, base = start_portal(db, folder, "--today", "2026-05-02")
    try:
        # The clerk uploads April: accepted, one warning explained by the workbook, one open.
        login(browser, base, "clerk")
        upload(browser, base, workbook)
        body = main_text(browser, "已接收(新报表)", "待说明")
        assert "已接收(新报表)" in body and "本报表有 1 条核实性审核提示尚待说明" in body, body
        browser.save_screenshot(os.path.join(screenshots, "21-upload-to-explain.png"))
        browser.get(base + "/counties/990101#2026-04")
        body = main_text(browser, "核实性审核提示", "1 条待说明")
        assert "2026-002 号案件已移送公安机关,按规定移出本台账" in body
        assert "查处台账 案件编号 2026-003" in body
        assert browser.find_element(By.CSS_SELECTOR, "h3 .state.explain").text == "待说明"
        boxes = browser.find_elements(By.CSS_SELECTOR, "table.explain textarea")
        assert len(boxes) == 1, "only 2026-003 is left to explain"
        browser.save_screenshot(os.path.join(screenshots, "22-county-to-explain.png"))
        boxes[0].send_keys("2026-003 号案件系重复录入,已删除")
        click(browser, "form[action$='/explanations'] button")
        body = main_text(browser, "均已说明")
        assert "2026-003 号案件系重复录入,已删除" in body and "均已说明" in body
        assert not browser.find_elements(By.CSS_SELECTOR, "table.explain textarea")
        browser.save_screenshot(os.path.join(screenshots, "23-county-explained.png"))
        logout(browser)

        # The city: the to-do list shows April explained by the clerk; the review page shows
        # both explanations; approving needs no note of the city's own.
        login(browser, base, "statistician")
        browser.get(base + "/dashboard?year=2026")
        body = main_text(browser, "核实性审核")
        assert "1 份报表有核实性审核提示,其中 0 份待县区说明" in body, body
        browser.save_screenshot(os.path.join(screenshots, "24-dashboard-warnings.png"))
        click(browser, "a[href='/warnings']")
        main_text(browser, "共 1 份报表有提示")
        body = main_text(browser, "核实性审核")
        rows = [tr.text for tr in browser.find_elements(By.CSS_SELECTOR, "table tbody tr")]
        april = [r for r in rows if "2026-04" in r]
        assert len(april) == 1 and "clerk" in april[0], rows
        browser.save_screenshot(os.path.join(screenshots, "24-city-warnings-list.png"))
        browser.get(base + "/counties/990101")
        body = main_text(browser, "2026-003 号案件系重复录入,已删除")
        assert "2026-002 号案件已移送公安机关,按规定移出本台账" in body
        assert "审核意见(尚有提示未说明" not in body
        browser.save_screenshot(os.path.join(screenshots, "25-city-review.png"))
        click(browser, "[id='2026-04'] form input[value='approve'] ~ button")
        main_text(browser, "撤销审核并退回")
        assert browser.find_element(By.CSS_SELECTOR, "[id='2026-04'] h3 .state").text == "已审核"
        logout(browser)
    finally:
        server.terminate()
        server.wait(timeout=10)
