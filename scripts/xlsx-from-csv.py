#!/usr/bin/env python3
"""Writes an .xlsx return in the layout docs/FORMAT.md documents ("Excel workbooks"),
from scratch with openpyxl, from a CSV return folder: an independent writer to check
FundWatch's reader against (it shares no code with FundWatch).

    python3 scripts/xlsx-from-csv.py CSV_FOLDER OUT.xlsx [--typed] [--break RULE]

--typed   writes dates as Excel dates, amounts and counts as numbers, flags as booleans
          (as a clerk's Excel would store them); otherwise every value is text.
--break   spoils one cell or sheet, to check a finding: text-amount, dotted-date, formula,
          na-error, missing-sheet, renamed-header, extra-sheet, three-decimals.
--fill TEMPLATE  fills FundWatch's own template (keeping its sheets, styles, validations
          and hidden sheets) instead of writing a workbook from scratch.
--amounts tails     (with --typed) each amount with decimals as the binary double next to it,
          as sums and openpyxl leave them: 8944.72 is stored as 8944.720000000001 or
          8944.719999999999 (a spreadsheet shows 8944.72).
--amounts formulas  (with --typed) each amount above 1 yuan as a formula adding two parts,
          =a+b, which openpyxl stores without a value (a spreadsheet computes it on opening).
--store-values      after writing, store each =a+b formula's value beside it as Excel does,
          the double's shortest repr (up to 17 significant digits).
"""
import math
import re
import zipfile
import argparse
import csv
import datetime
import decimal
import os

import openpyxl

SHEETS = {"submission": "报送信息", "institutions": "定点医药机构", "inspections": "检查", "cases": "案件", "tipoffs": "举报线索"}
DATES = {"inspected_on", "opened_on", "closed_on", "police_transfer_on", "discipline_transfer_on", "exposed_on",
         "notice_submitted_on", "submitted_on", "received_on", "decided_on", "informed_on", "feedback_on", "reward_paid_on"}
AMOUNTS = {"amount_involved", "amount_refused", "amount_recovered", "damages", "fine", "voluntary_refund", "reward_paid"}
FLAGS = {"problems_found", "public_attention", "real_name", "substantiated"}
KEY_ROW, FIRST_DATA_ROW = 4, 5


def rows(folder, name):
    path = os.path.join(folder, name + ".csv")
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))
    except UnicodeDecodeError:     # saved by Excel on a Chinese system: GBK
        with open(path, encoding="gb18030", newline="") as f:
            return list(csv.reader(f))


AMOUNT_STYLE = None
_tail_sign = [1]


def amount(text):
    """An amount as --amounts stores it (text is the CSV's decimal)."""
    d = decimal.Decimal(text)
    if AMOUNT_STYLE == "tails" and d != d.to_integral_value():
        _tail_sign[0] = -_tail_sign[0]
        return math.nextafter(float(text), _tail_sign[0] * math.inf)
    if AMOUNT_STYLE == "formulas" and d > 1:
        a = (d * 2 / 3).quantize(decimal.Decimal("0.1"))
        return f"={a}+{d - a}"
    return int(d) if d == d.to_integral_value() else float(text)


def store_values(path):
    """Writes each =a+b formula's value into the package beside it, as Excel would."""
    def value(m):
        total = sum(float(part) for part in m.group(2).split("+"))
        return f"{m.group(1)}<f>{m.group(2)}</f><v>{total!r}</v></c>"
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(r"(<c [^>]*>)<f>([0-9.+]+)</f>(?:<v\s*/>|<v></v>)?</c>", value, data.decode()).encode()
            z.writestr(info, data)


def typed(key, text):
    if text == "":
        return None
    if key in DATES:
        return datetime.date.fromisoformat(text)
    if key in AMOUNTS:
        return amount(text)
    if key == "suspension_months":
        return int(text)
    if key in FLAGS:
        return text.lower() in ("true", "是")
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--typed", action="store_true")
    ap.add_argument("--break", dest="spoil")
    ap.add_argument("--fill")
    ap.add_argument("--amounts", choices=["tails", "formulas"])
    ap.add_argument("--store-values", action="store_true")
    args = ap.parse_args()
    global AMOUNT_STYLE
    AMOUNT_STYLE = args.amounts
    value = (lambda k, t: typed(k, t)) if args.typed else (lambda k, t: t if t != "" else None)

    if args.fill:
        wb = openpyxl.load_workbook(args.fill)
    else:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
    # 报送信息: label (A), key (B), value (C) from row 3.
    header = rows(args.folder, "submission")[1:]
    ws = wb[SHEETS["submission"]] if args.fill else wb.create_sheet(SHEETS["submission"])
    if not args.fill:
        ws["A1"] = "报送信息"
    by_key = {}
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 2).value:
            by_key[ws.cell(r, 2).value] = r
    next_row = 3
    for key, text in header:
        r = by_key.get(key, next_row)
        next_row = max(next_row, r) + 1
        ws.cell(r, 2, key)
        ws.cell(r, 3, value(key, text))
        if args.typed and key in DATES:
            ws.cell(r, 3).number_format = "yyyy-mm-dd"
    for register in ("institutions", "inspections", "cases", "tipoffs"):
        if register == "tipoffs" and not os.path.exists(os.path.join(args.folder, "tipoffs.csv")):
            continue        # the tip-off register is optional
        data = rows(args.folder, register)
        keys = data[0]
        ws = wb[SHEETS[register]] if args.fill else wb.create_sheet(SHEETS[register])
        if args.fill:
            template_keys = [ws.cell(KEY_ROW, c).value for c in range(1, ws.max_column + 1)]
            columns = {k: template_keys.index(k) + 1 for k in keys}
            # The template's prefilled rows are replaced by the return's.
            for r in range(FIRST_DATA_ROW, ws.max_row + 1):
                for c in range(1, ws.max_column + 1):
                    ws.cell(r, c).value = None
        else:
            ws["A1"] = SHEETS[register]
            ws["A2"] = "填报单位:示例区    金额单位:元"
            columns = {k: i + 1 for i, k in enumerate(keys)}
            for k, c in columns.items():
                ws.cell(3, c, k)        # a program may put keys in the label row too
                ws.cell(KEY_ROW, c, k)
        for i, record in enumerate(data[1:]):
            for k, text in zip(keys, record):
                cell = ws.cell(FIRST_DATA_ROW + i, columns[k], value(k, text))
                if args.typed and k in DATES and text:
                    cell.number_format = "yyyy-mm-dd"
    spoil(wb, args.spoil)
    wb.save(args.out)
    if args.store_values:
        store_values(args.out)


def spoil(wb, how):
    cases, inspections = wb[SHEETS["cases"]], wb[SHEETS["inspections"]]
    keys = {cases.cell(KEY_ROW, c).value: c for c in range(1, cases.max_column + 1)}
    if how is None:
        return
    if how == "text-amount":
        cases.cell(FIRST_DATA_ROW + 1, keys["amount_involved"], "四万八千")
    elif how == "dotted-date":
        ikeys = {inspections.cell(KEY_ROW, c).value: c for c in range(1, inspections.max_column + 1)}
        inspections.cell(FIRST_DATA_ROW + 2, ikeys["inspected_on"], "2026.3.5")
    elif how == "formula":
        cases.cell(FIRST_DATA_ROW, keys["amount_refused"], "=1000*20")
    elif how == "na-error":
        cases.cell(FIRST_DATA_ROW, keys["fine"], "#N/A")
        cases.cell(FIRST_DATA_ROW, keys["fine"]).data_type = "e"
    elif how == "three-decimals":
        cases.cell(FIRST_DATA_ROW, keys["amount_involved"], 125000.505)
    elif how == "missing-sheet":
        del wb[SHEETS["inspections"]]
    elif how == "renamed-header":
        cases.cell(KEY_ROW, keys["amount_involved"], "amount")
        cases.cell(3, keys["amount_involved"], "金额")
    elif how == "extra-sheet":
        wb.create_sheet("我的草稿")["A1"] = "草稿"
    else:
        raise SystemExit("unknown --break " + how)


if __name__ == "__main__":
    main()
