"""`fundwatch tipoffs` checked against an independent implementation of the working-day rule.

The rule (docs/FORMAT.md, "Tip-offs"): a working day is Monday to Friday unless the calendar
lists it as a holiday, or any day it lists as a workday (调休). A deadline of N working days
from day D is the N-th working day after D (D not counted). On the as-of day a step is
pending (its start has not happened), due with days_left (working days after the as-of day
up to and including the due day), overdue with days_over (working days after the due day up
to and including the as-of day), on_time or late (done after the due day; days_over up to
the day it was done), or not_applicable.

This file re-implements that in a few lines of Python with `datetime` only, generates a
register of tip-offs received around the 2026 Spring Festival block and the Qingming
holiday, and compares every step of every tip-off on several as-of days (dates after the
as-of day count as not yet happened).

    FUNDWATCH_BIN=.build/debug/fundwatch python3 -m pytest -q Tests/tipoffs
"""
import csv
import datetime as dt
import json
import os
import random
import shutil
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FUNDWATCH_BIN", os.path.join(ROOT, ".build", "debug", "fundwatch"))
EXAMPLE = os.path.join(ROOT, "Tests", "FundWatchTestSupport", "Fixtures", "example")
CALENDAR = os.path.join(EXAMPLE, "tipoffs", "holidays.csv")
DAYS = {"decide": 15, "inform": 5, "close": 60, "feedback": 15}
SECRETS = ["举报人甲", "13700000000"]


def load_calendar(path):
    holidays, workdays = set(), set()
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    for row in list(csv.DictReader(rows)):
        day = dt.date.fromisoformat(row["date"])
        (holidays if row["kind"] == "holiday" else workdays).add(day)
    return holidays, workdays


HOLIDAYS, WORKDAYS = load_calendar(CALENDAR)


def working(day):
    if day in WORKDAYS:
        return True
    if day in HOLIDAYS:
        return False
    return day.weekday() < 5


def nth_working_day_after(start, n):
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if working(day):
            n -= 1
    return day


def working_days_between(after, through):
    return sum(1 for k in range(1, (through - after).days + 1) if working(after + dt.timedelta(days=k)))


def expected_step(start, end, applies, n, as_of):
    if not applies:
        return ("not_applicable", None, None, None)
    if start is None:
        return ("pending", None, None, None)
    due = nth_working_day_after(start, n)
    if end is not None:
        if end <= due:
            return ("on_time", due, None, None)
        return ("late", due, None, working_days_between(due, end))
    if as_of <= due:
        return ("due", due, working_days_between(as_of, due), None)
    return ("overdue", due, None, working_days_between(due, as_of))


def expected(t, as_of):
    def known(day):
        return day if day is not None and day <= as_of else None

    decided = known(t["decided_on"])
    decision = t["decision"] if decided else None
    closed = known(t["closed_on"])
    filed = None if decision is None else decision == "file"
    steps = {
        "decide": (known(t["received_on"]), decided, True),
        "inform": (decided, known(t["informed_on"]), t["real_name"]),
        "close": (decided, closed, True if filed is None else filed),
        "feedback": (closed, known(t["feedback_on"]), t["real_name"] and (True if filed is None else filed)),
    }
    return {step: expected_step(*steps[step], DAYS[step], as_of) for step in DAYS}


def generate(seed=26, count=60):
    """Tip-offs received from January to March 2026, each step taking a random number of
    calendar days (some long enough to be late), some steps not yet taken."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        received = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(0, 85))
        real_name = rng.random() < 0.7
        t = {"tipoff_id": f"JB-{i:03d}", "received_on": received, "real_name": real_name, "decided_on": None,
             "decision": None, "informed_on": None, "closed_on": None, "feedback_on": None}
        last = dt.date(2026, 3, 31)
        if rng.random() < 0.8:
            decided = received + dt.timedelta(days=rng.randrange(0, 35))
            if decided <= last:
                t["decided_on"], t["decision"] = decided, rng.choice(["file", "file", "reject", "transfer"])
                if real_name and rng.random() < 0.8:
                    informed = decided + dt.timedelta(days=rng.randrange(0, 12))
                    t["informed_on"] = informed if informed <= last else None
                if t["decision"] == "file" and rng.random() < 0.6:
                    closed = decided + dt.timedelta(days=rng.randrange(1, 40))
                    if closed <= last:
                        t["closed_on"] = closed
                        if real_name and rng.random() < 0.7:
                            feedback = closed + dt.timedelta(days=rng.randrange(0, 30))
                            t["feedback_on"] = feedback if feedback <= last else None
        out.append(t)
    return out


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tipoffs") / "990101-2026-03-csv"
    shutil.copytree(os.path.join(EXAMPLE, "990101-2026-03-csv"), folder)
    tipoffs = generate()
    fields = ["tipoff_id", "received_on", "channel", "real_name", "subject_type", "decided_on", "decision", "informed_on",
              "closed_on", "feedback_on", "reporter"]
    with open(folder / "tipoffs.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for t in tipoffs:
            w.writerow([t["tipoff_id"], t["received_on"], "hotline", "true" if t["real_name"] else "false", "insured",
                        t["decided_on"] or "", t["decision"] or "", t["informed_on"] or "", t["closed_on"] or "",
                        t["feedback_on"] or "", ",".join(SECRETS) if t["real_name"] else ""])
    config = folder.parent / "fundwatch.conf"
    shutil.copy(CALENDAR, folder.parent / "holidays.csv")
    config.write_text("[tipoffs]\n" + "".join(f"{k}_days = {v}\n" for k, v in DAYS.items()) + "[calendar]\nfile = \"holidays.csv\"\n",
                      encoding="utf-8")
    return folder, config, tipoffs


# The return is March's: as-of days from its first day (the register is the month's own
# return or the latest earlier one) to after the Qingming holiday and past most deadlines.
@pytest.mark.parametrize("as_of", ["2026-03-02", "2026-03-09", "2026-03-20", "2026-03-31", "2026-04-07", "2026-04-20", "2026-05-29"])
def test_every_step_as_the_independent_rule_says(county, as_of):
    folder, config, tipoffs = county
    r = subprocess.run([BIN, "tipoffs", "--config", str(config), "--as-of", as_of, "--format", "json", str(folder)],
                       capture_output=True, text=True)
    assert r.returncode in (0, 3), r.stderr
    for secret in SECRETS:
        assert secret not in r.stdout and secret not in r.stderr
    doc = json.loads(r.stdout)
    day = dt.date.fromisoformat(as_of)
    by_id = {t["tipoff_id"]: t for t in doc["tipoffs"]}
    received = [t for t in tipoffs if t["received_on"] <= day]
    assert sorted(by_id) == sorted(t["tipoff_id"] for t in received)
    compared = 0
    for t in received:
        want = expected(t, day)
        got = {d["step"]: d for d in by_id[t["tipoff_id"]]["deadlines"]}
        for step, (status, due, left, over) in want.items():
            g = got[step]
            assert (g["status"], g["due"], g["days_left"], g["days_over"]) == (
                status, due.isoformat() if due else None, left, over), (t["tipoff_id"], step, as_of)
            compared += 1
    overdue = any(s == "overdue" for t in received for (s, *_ ) in expected(t, day).values())
    assert r.returncode == (3 if overdue else 0)
    assert compared >= 4 * len(received)
