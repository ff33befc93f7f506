"""FundWatch's workbooks checked by an independent program, openpyxl:

- the fill-in template, filled by openpyxl from the worked example's rows, gives the
  expected figures through `fundwatch metrics --json`; so does a workbook openpyxl writes
  from scratch in the documented layout;
- the template's structure (sheets, hidden and protected ones, dropdowns from defined
  names, formats, the hidden key row, the prefilled institutions);
- report.xlsx: merged header ranges, table 1's 合计 row with the example's numbers as
  numbers, the print setup, frozen headers; two runs give identical bytes.

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/excel
"""
import glob
import json
import os
import re
import subprocess
import sys
import zipfile

import openpyxl
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example")
CSV = os.path.join(EXAMPLE, "990101-2026-03-csv")
FILL = os.path.join(ROOT, "scripts", "xlsx-from-csv.py")


def run(*args, check=True):
    r = subprocess.run([BIN, *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError(f"fundwatch {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def expected_q1():
    with open(os.path.join(EXAMPLE, "expected-metrics-Q1.json"), encoding="utf-8") as f:
        return json.load(f)


def assert_metrics_equal(path):
    actual = json.loads(run("metrics", "--from", "2026-01", "--to", "2026-03", "--json", path).stdout)
    expected = expected_q1()
    assert (actual["from"], actual["to"]) == (expected["from"], expected["to"])
    got = {c["county_code"]: c["metrics"] for c in actual["counties"]}
    for county in expected["counties"]:
        for key, value in county["metrics"].items():
            assert got[county["county_code"]][key] == value, (county["county_code"], key)
    for key, value in expected["city"]["metrics"].items():
        assert actual["city"]["metrics"][key] == value, ("city", key)


@pytest.fixture
def template(tmp_path):
    path = str(tmp_path / "template.xlsx")
    run("template", "--county", "990101", "--period", "2026-03", "--out", path, CSV)
    return path


def test_filled_template_gives_the_expected_figures(template, tmp_path):
    filled = str(tmp_path / "filled.xlsx")
    subprocess.run([sys.executable, FILL, CSV, filled, "--typed", "--fill", template], check=True)
    run("validate", filled)
    assert_metrics_equal(filled)


def test_workbook_written_from_scratch_gives_the_expected_figures(tmp_path):
    for typed in (True, False):
        path = str(tmp_path / f"scratch-{typed}.xlsx")
        subprocess.run([sys.executable, FILL, CSV, path] + (["--typed"] if typed else []), check=True)
        assert_metrics_equal(path)


def test_broken_workbooks_name_sheet_and_cell(tmp_path):
    for how, rule, cell in [("text-amount", "cases.amount_involved.format", "案件!G6"),
                            ("dotted-date", "inspections.inspected_on.format", "检查!B7"),
                            ("formula", "xlsx.formula", "案件!H5")]:
        path = str(tmp_path / f"{how}.xlsx")
        subprocess.run([sys.executable, FILL, CSV, path, "--typed", "--break", how], check=True)
        r = run("validate", "--json", path, check=False)
        assert r.returncode == 1
        findings = json.loads(r.stdout)["submissions"][0]["findings"]
        assert any(f["rule"] == rule and f["cell"] == cell for f in findings), findings


def test_template_structure(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["填报说明", "报送信息", "定点医药机构", "检查", "案件", "举报线索", "核实说明", "代码表", "_fundwatch"]
    assert [wb[n].sheet_state for n in ("代码表", "_fundwatch")] == ["hidden", "hidden"]
    explain = wb["核实说明"]
    assert [c.value for c in explain[3]] == ["规则", "提示对象", "说明"]
    assert [c.value for c in explain[4]] == ["rule", "key", "text"] and explain.row_dimensions[4].hidden
    rules = {str(v.sqref): v.formula1 for v in explain.data_validations.dataValidation}
    assert rules == {"A5:A2004": "list_plausibility_rule"}
    assert "代码表" in wb.defined_names["list_plausibility_rule"].attr_text
    assert explain.protection.sheet and not explain.column_dimensions["C"].protection.locked and explain.cell(1, 1).protection.locked
    meta = {row[0]: row[1] for row in wb["_fundwatch"].iter_rows(values_only=True)}
    assert meta["template_id"] == "fundwatch-return" and meta["template_version"] == "1"
    assert meta["county_code"] == "990101" and meta["period"] == "2026-03"
    header = {row[1]: row[2] for row in wb["报送信息"].iter_rows(min_row=3, values_only=True)}
    assert header["county_code"] == "990101" and header["period"] == "2026-03" and header["county_name"] == "示例区"
    institutions = wb["定点医药机构"]
    assert institutions.protection.sheet
    assert [c.value for c in institutions[3]] == ["机构编码", "机构名称", "机构类别", "协议状态"]
    assert [c.value for c in institutions[4]] == ["code", "name", "category", "agreement_status"]
    assert institutions.row_dimensions[4].hidden
    assert institutions.freeze_panes == "B5"
    # Prefilled from the example's five institutions, unlocked, codes as text, labels for codes.
    codes = [institutions.cell(r, 1).value for r in range(5, 11)]
    assert codes == ["H99010100001", "H99010100002", "H99010100003", "P99010100001", "P99010100002", None]
    assert institutions.cell(9, 2).value == "康宁药店, 东街" and institutions.cell(9, 4).value == "解除"
    assert institutions.cell(5, 1).number_format == "@" and not institutions.cell(5, 1).protection.locked
    assert institutions.cell(1, 1).protection.locked
    names = set(wb.defined_names.keys())
    assert {"list_category", "list_agreement_status", "list_method", "list_source", "list_violations", "list_actions", "list_flag"} <= names
    assert "代码表" in wb.defined_names["list_category"].attr_text
    validations = {str(v.sqref): v for v in institutions.data_validations.dataValidation}
    assert validations["C5:C2009"].formula1 == "list_category" and validations["C5:C2009"].type == "list"
    cases = wb["案件"]
    keys = [c.value for c in cases[4]]
    col = {k: i + 1 for i, k in enumerate(keys)}
    # Empty input rows take the column's format and stay unlocked (Excel applies a column's style to what is typed).
    letter = openpyxl.utils.get_column_letter
    assert cases.column_dimensions[letter(col["opened_on"])].number_format == "yyyy-mm-dd"
    assert cases.column_dimensions[letter(col["amount_involved"])].number_format == "0.00"
    assert cases.column_dimensions[letter(col["case_id"])].number_format == "@"
    assert not cases.column_dimensions[letter(col["case_id"])].protection.locked
    multi = [v for v in cases.data_validations.dataValidation if v.formula1 == "list_violations"][0]
    assert multi.errorStyle == "warning", "several violations may be typed, ;-separated"
    guide = "\n".join(str(c.value) for c in wb["填报说明"]["A"] if c.value)
    assert "2026-04-05" in guide and "违规类型" in guide


@pytest.fixture
def report(tmp_path):
    paths = []
    for run_number in (1, 2):
        out = str(tmp_path / f"r{run_number}")
        run("report", "--from", "2026-01", "--to", "2026-03", "--as-of", "2026-03-31", "--format", "xlsx", "--out", out, CSV)
        paths.append(os.path.join(out, "report.xlsx"))
    return paths


def test_report_workbook_is_reproducible(report):
    first, second = (open(p, "rb").read() for p in report)
    assert first == second


def test_report_workbook_tables(report):
    wb = openpyxl.load_workbook(report[0])
    assert wb.sheetnames == ["表1", "表2", "表3", "表4", "表5", "表6", "表7", "数据来源"]
    t1 = wb["表1"]
    merged = {str(r) for r in t1.merged_cells.ranges}
    assert {"A6:A7", "B6:C6", "F6:G6"} <= merged
    assert t1["A6"].value == "县(区)" and t1["B6"].value.startswith("定点医药机构数")
    assert (t1["B7"].value, t1["C7"].value) == ("本期", "累计")
    rows = {r[0].value: r for r in t1.iter_rows(min_row=8) if r[0].value}
    total = rows["合计"]
    heads = [t1.cell(6, c).value or t1.cell(6, c - 1).value for c in range(1, t1.max_column + 1)]
    def value(group):
        return total[next(i for i, h in enumerate(heads) if h and h.startswith(group))].value
    assert value("定点医药机构数") == 4 and value("已检查机构数") == 3
    assert value("检查覆盖率") == pytest.approx(0.75) and t1.cell(total[0].row, 6).number_format == "0.0%"
    assert value("涉及金额") == pytest.approx(18.68) and t1.cell(total[0].row, 20).number_format == "0.00"
    assert value("拒付及追回金额") == pytest.approx(13.86)
    assert all(isinstance(c.value, (int, float)) for c in total[1:])
    assert total[0].font.b and total[1].font.b
    assert t1.page_setup.orientation == "landscape" and int(t1.page_setup.paperSize) == 9
    assert t1.sheet_properties.pageSetUpPr.fitToPage and t1.page_setup.fitToHeight == 0
    assert t1.print_title_rows == "$6:$7" and t1.freeze_panes == "B8"
    texts = [c.value for row in t1.iter_rows() for c in row if isinstance(c.value, str)]
    for label in ("表    号:", "制表机关:", "批准文号:", "有效期至:", "金额单位:万元", "单位负责人:", "统计负责人:", "填表人:", "报出日期:2026-03-31"):
        assert any(t.startswith(label) for t in texts), label
    assert any(t.startswith("填报单位:") for t in texts)


def soffice():
    import shutil
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        if os.environ.get("FUNDWATCH_REQUIRE_LIBREOFFICE"):
            raise AssertionError("LibreOffice (soffice) is required here: apt-get install libreoffice-calc-nogui")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    return found


def convert(path, target, out):
    # A private profile, so parallel or repeated runs never share LibreOffice's user folder.
    profile = "file://" + os.path.join(out, "lo-profile")
    r = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", out, path],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr


def test_libreoffice_prints_the_report_and_reads_the_template(report, template, tmp_path):
    """A second real consumer: LibreOffice turns report.xlsx into a PDF and the template into CSV."""
    out = str(tmp_path / "lo")
    os.makedirs(out)
    convert(report[0], "pdf", out)
    pdf = open(os.path.join(out, "report.pdf"), "rb").read()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 7
    # CSV of the first sheet in UTF-8 (filter options: comma, double quote, UTF-8).
    convert(template, 'csv:Text - txt - csv (StarCalc):44,34,76', out)
    text = open(os.path.join(out, "template.csv"), encoding="utf-8").read()
    assert "医保基金监管台账填报说明" in text and "2026-04-05" in text


# --- Numbers as spreadsheets store them, on a city FundWatch was never tuned on -----------

@pytest.fixture(scope="module")
def held_out_city(tmp_path_factory):
    """The CSV folders of a sample city made with a seed no other test uses."""
    city = tmp_path_factory.mktemp("held-out") / "city"
    run("sample-data", "--seed", "4711", "--out", str(city))
    folders = sorted(glob.glob(str(city / "*" / "*-csv")))
    assert len(folders) >= 30
    return folders


def city_figures(paths):
    """metrics --json of every month the returns cover (each county's digest included)."""
    months = [("2025-11", "2025-12")] + [("2026-01", f"2026-{m:02d}") for m in range(1, 11)]
    return [json.loads(run("metrics", "--from", a, "--to", b, "--json", *paths).stdout) for a, b in months]


def stored_numbers(path):
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    return [v for xml in sheets for v in re.findall(r"<v>(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)</v>", xml)]


def significant_digits(number):
    return len(number.split("e")[0].split("E")[0].replace("-", "").replace(".", "").strip("0"))


@pytest.mark.parametrize("how", ["openpyxl-tails", "excel-formulas", "libreoffice-formulas"])
def test_held_out_city_filled_as_spreadsheets_store_numbers(held_out_city, tmp_path, how):
    """Amounts stored with binary tails (openpyxl's floats, formulas' results) or as formulas with
    the values Excel or LibreOffice stored beside them give exactly the CSV's figures and digests."""
    books = []
    for folder in held_out_city:
        out = str(tmp_path / (os.path.basename(folder) + ".xlsx"))
        args = ["--typed", "--amounts", "tails" if how == "openpyxl-tails" else "formulas"]
        if how == "excel-formulas":
            args.append("--store-values")
        subprocess.run([sys.executable, FILL, folder, out, *args], check=True)
        books.append(out)
    if how == "libreoffice-formulas":
        saved = str(tmp_path / "saved")
        os.makedirs(saved)
        profile = "file://" + os.path.join(saved, "lo-profile")
        r = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--calc", "--convert-to", "xlsx",
                            "--outdir", saved, *books], capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        books = [os.path.join(saved, os.path.basename(b)) for b in books]
    numbers = [n for b in books for n in stored_numbers(b)]
    # What the test is about is really in the files: values a clerk never typed.
    if how != "libreoffice-formulas":
        assert any(significant_digits(n) >= 16 for n in numbers), "no stored value with a binary tail"
    if how != "openpyxl-tails":
        assert sum(zipfile.ZipFile(b).read("xl/worksheets/sheet4.xml").count(b"<f") for b in books) > 100
    assert city_figures(books) == city_figures(held_out_city)


def test_formulas_without_values_and_real_third_decimals_are_refused_as_the_clerk_sees_them(tmp_path):
    uncomputed = str(tmp_path / "uncomputed.xlsx")
    subprocess.run([sys.executable, FILL, CSV, uncomputed, "--typed", "--amounts", "formulas"], check=True)
    r = run("validate", "--json", uncomputed, check=False)
    assert r.returncode == 1
    findings = json.loads(r.stdout)["submissions"][0]["findings"]
    assert {f["rule"] for f in findings} == {"xlsx.formula"}
    assert any(f["cell"] == "案件!G5" for f in findings)
    assert all(f["expected"].startswith("在 Excel 或 WPS 中打开") for f in findings)
    # 125000.505 is stored as 125000.505 (15 significant digits shown): still three decimals.
    three = str(tmp_path / "three.xlsx")
    subprocess.run([sys.executable, FILL, CSV, three, "--typed", "--break", "three-decimals"], check=True)
    r = run("validate", "--json", three, check=False)
    found = [f for f in json.loads(r.stdout)["submissions"][0]["findings"] if f["rule"] == "cases.amount_involved.format"]
    assert found and found[0]["cell"] == "案件!G5" and "「125000.505」" in found[0]["message"], found


def test_explanations_sheet_is_read(template, tmp_path):
    """Rows openpyxl writes into 核实说明 come back; a row naming no plausibility rule is a
    warning at its cell, and the return stays valid."""
    filled = str(tmp_path / "filled.xlsx")
    subprocess.run([sys.executable, FILL, CSV, filled, "--typed", "--fill", template], check=True)
    wb = openpyxl.load_workbook(filled)
    sheet = wb["核实说明"]
    sheet["A5"], sheet["B5"], sheet["C5"] = "plausibility.row.missing", "2026-002", "已移送公安机关"
    sheet["A6"], sheet["B6"], sheet["C6"] = "cases.amount_involved.format", "2026-001", "不是核实性审核规则"
    wb.save(filled)
    r = run("validate", "--json", filled)
    findings = json.loads(r.stdout)["submissions"][0]["findings"]
    bad = [f for f in findings if f["rule"] == "xlsx.explanation"]
    assert len(bad) == 1 and bad[0]["cell"] == "核实说明!A6" and bad[0]["severity"] == "warning", findings


def test_tipoff_sheet_reads_as_the_csv_register(template, tmp_path):
    """The template's 举报线索 sheet, filled by openpyxl with typed cells (dates, booleans,
    numbers) from the fixture's tipoffs.csv, gives the same tip-off register as the CSV
    folder; the sheet has its dropdowns; the reporter shows nowhere."""
    folder = tmp_path / "990101-2026-03-csv"
    import shutil
    shutil.copytree(CSV, folder)
    shutil.copy(os.path.join(EXAMPLE, "tipoffs", "tipoffs.csv"), folder / "tipoffs.csv")
    filled = str(tmp_path / "filled.xlsx")
    subprocess.run([sys.executable, FILL, str(folder), filled, "--typed", "--fill", template], check=True)
    config = os.path.join(EXAMPLE, "tipoffs", "fundwatch.conf")
    args = ["tipoffs", "--config", config, "--as-of", "2026-03-31", "--format", "json"]
    from_xlsx = run(*args, filled, check=False)
    from_csv = run(*args, str(folder), check=False)
    assert from_xlsx.returncode == 3 and from_csv.returncode == 3, from_xlsx.stderr + from_csv.stderr
    assert json.loads(from_xlsx.stdout) == json.loads(from_csv.stdout)
    assert [t["tipoff_id"] for t in json.loads(from_xlsx.stdout)["tipoffs"]][0] == "JB-2026-003"
    for secret in ("李某某", "13900000000", "王某"):
        assert secret not in from_xlsx.stdout
    wb = openpyxl.load_workbook(template)
    sheet = wb["举报线索"]
    keys = [sheet.cell(4, c).value for c in range(1, sheet.max_column + 1)]
    assert keys[:5] == ["tipoff_id", "received_on", "channel", "real_name", "subject_type"]
    validations = {str(v.sqref).split(":")[0][:1]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert any("channel" in (f or "") for f in validations.values()), validations
