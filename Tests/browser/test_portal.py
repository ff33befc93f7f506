"""A county clerk and a city statistician work a return through the portal in a real browser."""
import glob
import os
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import FIXTURES, PASSWORDS, binary

EXAMPLE = os.path.join(FIXTURES, "990101-2026-03.xml")


def login(browser, base, name):
    browser.get(base + "/login")
    browser.find_element(By.NAME, "name").send_keys(name)
    browser.find_element(By.NAME, "password").send_keys(PASSWORDS[name])
    browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    # A click may return before the browser has followed the redirect: wait for it.
    WebDriverWait(browser, 20).until(lambda d: "/login" not in d.current_url)


def logout(browser):
    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    WebDriverWait(browser, 20).until(lambda d: "/login" in d.current_url)


def main_text(browser, *needles):
    """The page's main text once it holds every needle: a click may return before the
    browser has loaded the next page, and an element of the old page then goes stale."""
    found = {}

    def ready(d):
        text = d.find_element(By.TAG_NAME, "main").text
        found["text"] = text
        return all(n in text for n in needles)

    try:
        # While the next page loads, Chromium may also answer "node does not belong to the
        # document" (a plain WebDriverException) for an element of the old one: retry too.
        WebDriverWait(browser, 20, ignored_exceptions=[StaleElementReferenceException, WebDriverException]).until(ready)
    except TimeoutException:
        pass  # the caller's assertion names what is missing
    return found.get("text", "")


def click(browser, css):
    """Clicks the element `css` names once the current page shows it."""
    WebDriverWait(browser, 20, ignored_exceptions=[StaleElementReferenceException, WebDriverException]).until(
        expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, css))).click()


def upload(browser, base, path, note=""):
    browser.get(base + "/counties/990101")
    browser.find_element(By.NAME, "file").send_keys(path)
    if note:
        browser.find_element(By.NAME, "note").send_keys(note)
    browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button").click()


def write(workdir, name, text):
    path = os.path.join(workdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def test_return_cycle(portal, browser, workdir, downloads, screenshots):
    base, db = portal
    example = open(EXAMPLE, encoding="utf-8").read()
    lines = example.split("\n")
    bad_line = next(i for i, l in enumerate(lines) if "<inspected_on>2026-01-15</inspected_on>" in l) + 1
    broken = write(workdir, "990101-2026-03.xml", example.replace("<inspected_on>2026-01-15</inspected_on>", "<inspected_on>2026-13-15</inspected_on>", 1))

    # The clerk sends a broken return and sees the finding with its line.
    login(browser, base, "clerk")
    assert "/counties/990101" in browser.current_url
    assert "2026-03 月报截止日期:2026-04-05" in main_text(browser, "距截止还有 3 天")
    assert "距截止还有 3 天" in browser.page_source
    browser.save_screenshot(os.path.join(screenshots, "01-county-page.png"))
    upload(browser, base, broken)
    body = main_text(browser, "未通过校验,未保存")
    assert "未通过校验,未保存" in body
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table.findings tbody td")]
    assert str(bad_line) in cells, cells
    assert "inspections.inspected_on.format" in cells
    browser.save_screenshot(os.path.join(screenshots, "02-rejected.png"))

    # The corrected one is accepted and waits for review.
    good = write(workdir, "good", example)
    os.replace(good, broken)
    upload(browser, base, broken)
    body = main_text(browser, "已接收(新报表)", "待审核")
    assert "已接收(新报表)" in body and "待审核" in body
    browser.save_screenshot(os.path.join(screenshots, "03-accepted.png"))
    logout(browser)

    # The city returns it with a reason.
    login(browser, base, "statistician")
    assert "/dashboard" in browser.current_url
    browser.save_screenshot(os.path.join(screenshots, "04-dashboard.png"))
    browser.get(base + "/counties/990101")
    browser.find_element(By.CSS_SELECTOR, "input[name='reason']").send_keys("第2号案件追回金额与凭证不符")
    browser.find_element(By.CSS_SELECTOR, "form input[value='return'] ~ button").click()
    assert "已退回" in main_text(browser, "已退回")
    logout(browser)

    # The clerk sees the reason and re-sends.
    login(browser, base, "clerk")
    body = main_text(browser, "第2号案件追回金额与凭证不符")
    assert "第2号案件追回金额与凭证不符" in body
    browser.save_screenshot(os.path.join(screenshots, "05-returned.png"))
    write(workdir, "990101-2026-03.xml", example.replace("<submitted_on>2026-04-03</submitted_on>", "<submitted_on>2026-04-09</submitted_on>"))
    upload(browser, base, broken)
    body = main_text(browser, "已接收(新版本)", "与上一版相比")
    assert "已接收(新版本)" in body and "与上一版相比" in body
    browser.save_screenshot(os.path.join(screenshots, "06-new-version.png"))
    logout(browser)

    # The city approves and downloads the report: the same bytes as `fundwatch report --db`.
    login(browser, base, "statistician")
    browser.get(base + "/counties/990101")
    browser.find_element(By.CSS_SELECTOR, "form input[value='approve'] ~ button").click()
    assert "已审核" in main_text(browser, "已审核", "撤销审核并退回")
    browser.save_screenshot(os.path.join(screenshots, "07-approved.png"))
    # Every headline figure leads to the counties, and a county's figure to its rows.
    browser.get(base + "/dashboard?year=2026")
    browser.save_screenshot(os.path.join(screenshots, "08-dashboard-approved.png"))
    click(browser, "a.figure[href^='/figures/amount_involved']")
    click(browser, "a[href^='/counties/990101/figures/amount_involved']")
    body = main_text(browser, "涉及金额:构成明细", "案件(")
    assert "涉及金额:构成明细" in body and "案件(" in body
    browser.save_screenshot(os.path.join(screenshots, "09-drill-down.png"))
    browser.get(base + "/reports")
    browser.save_screenshot(os.path.join(screenshots, "10-reports.png"))
    browser.get(base + "/reports/download?from=2026-01&to=2026-03&as_of=2026-04-30&format=html")
    deadline = time.time() + 20
    files = []
    while time.time() < deadline:
        files = [f for f in glob.glob(os.path.join(downloads, "*.html"))]
        if files and not glob.glob(os.path.join(downloads, "*.crdownload")):
            break
        time.sleep(0.2)
    assert files, "the report was not downloaded"
    out = os.path.join(workdir, "cli-report")
    subprocess.run([binary(), "report", "--db", db, "--from", "2026-01", "--to", "2026-03", "--as-of", "2026-04-30", "--format", "html",
                    "--out", out], check=True, capture_output=True)
    assert open(files[0], "rb").read() == open(os.path.join(out, "report.html"), "rb").read()
    # The 双随机 page: the form to run a draw, and no draw yet.
    browser.get(base + "/draws")
    body = main_text(browser, "新的抽取", "尚未抽取")
    assert "随机种子" in body
    browser.save_screenshot(os.path.join(screenshots, "11-draws.png"))
    logout(browser)
