#!/usr/bin/env python3
"""Table 1 (campaign progress by county, 本期 and 累计) with DuckDB from the same CSV folders
FundWatch reads — what a user who outgrew FundWatch would write. Used by Benchmarks/run.sh.
Usage: duckdb_table1.py DATA_DIR FROM_MONTH TO_MONTH OUT.csv   (months YYYY-MM, 2 threads)"""
import sys, duckdb

data, frm, to, out = sys.argv[1:5]
year = to[:4]
con = duckdb.connect()
con.execute("SET threads TO 2")

def src(name):
    # Every value as text, like a careful loader: codes, dates and money are parsed in SQL.
    return (f"(SELECT *, regexp_extract(filename, '/([0-9]{{6}})-[0-9]{{4}}-[0-9]{{2}}-csv/', 1) AS county "
            f"FROM read_csv('{data}/*/{name}.csv', header=true, all_varchar=true, filename=true))")

def window(col, lo, hi):
    return f"({col} >= '{lo}-01' AND {col} <= '{hi}-31')"

def measures(lo, hi, tag):
    w_open = window("c.opened_on", lo, hi)
    return f"""
    SELECT d.county,
      d.designated AS designated_{tag},
      coalesce(i.inspected, 0) AS inspected_{tag},
      round(100.0 * coalesce(i.inspected, 0) / nullif(d.designated, 0), 1) AS coverage_{tag},
      coalesce(i.random_sampled, 0) AS random_{tag},
      coalesce(i.self_inspected, 0) AS self_{tag},
      coalesce(k.handled_institutions, 0) AS handled_inst_{tag}, coalesce(k.handled_cases, 0) AS handled_cases_{tag},
      coalesce(k.closed, 0) AS closed_{tag}, coalesce(k.involved, 0) AS involved_{tag}, coalesce(k.refused_recovered, 0) AS rr_{tag},
      coalesce(k.damages_fines, 0) AS df_{tag}, coalesce(k.voluntary, 0) AS vr_{tag}, coalesce(k.suspensions, 0) AS susp_{tag},
      coalesce(k.terminations, 0) AS term_{tag}, coalesce(e.police, 0) AS police_{tag}, coalesce(e.discipline, 0) AS disc_{tag},
      coalesce(e.exposures, 0) AS expo_{tag}, coalesce(k.rewards, 0) AS rewards_{tag}
    FROM (SELECT county, count(*) FILTER (WHERE agreement_status IN ('active','suspended','正常','暂停')) AS designated
          FROM inst GROUP BY county) d
    LEFT JOIN (SELECT s.county,
                 count(DISTINCT s.institution_code) FILTER (WHERE s.method NOT IN ('self','自查自纠')) AS inspected,
                 count(DISTINCT s.institution_code) FILTER (WHERE s.method IN ('random','双随机抽查')) AS random_sampled,
                 count(DISTINCT s.institution_code) FILTER (WHERE s.method IN ('self','自查自纠')) AS self_inspected
               FROM insp s JOIN inst n ON n.county = s.county AND n.code = s.institution_code
               WHERE n.agreement_status IN ('active','suspended','正常','暂停') AND {window("s.inspected_on", lo, hi)}
               GROUP BY s.county) i ON i.county = d.county
    LEFT JOIN (SELECT c.county, count(DISTINCT c.institution_code) AS handled_institutions, count(*) AS handled_cases,
                 count(*) FILTER (WHERE coalesce(c.closed_on, '') <> '') AS closed,
                 sum(cast(coalesce(c.amount_involved, '0') AS DECIMAL(18,2))) AS involved,
                 sum(cast(coalesce(c.amount_refused, '0') AS DECIMAL(18,2)) + cast(coalesce(c.amount_recovered, '0') AS DECIMAL(18,2))) AS refused_recovered,
                 sum(cast(coalesce(c.damages, '0') AS DECIMAL(18,2)) + cast(coalesce(c.fine, '0') AS DECIMAL(18,2))) AS damages_fines,
                 sum(cast(coalesce(c.voluntary_refund, '0') AS DECIMAL(18,2))) AS voluntary,
                 count(DISTINCT c.institution_code) FILTER (WHERE list_contains(string_split(coalesce(c.actions, ''), ';'), 'suspend')) AS suspensions,
                 count(DISTINCT c.institution_code) FILTER (WHERE list_contains(string_split(coalesce(c.actions, ''), ';'), 'terminate')) AS terminations,
                 sum(cast(coalesce(c.reward_paid, '0') AS DECIMAL(18,2))) AS rewards
               FROM cases c WHERE {w_open} GROUP BY c.county) k ON k.county = d.county
    LEFT JOIN (SELECT c.county,
                 count(*) FILTER (WHERE {window("c.police_transfer_on", lo, hi)}) AS police,
                 count(*) FILTER (WHERE {window("c.discipline_transfer_on", lo, hi)}) AS discipline,
                 count(*) FILTER (WHERE {window("c.exposed_on", lo, hi)}) AS exposures
               FROM cases c GROUP BY c.county) e ON e.county = d.county
    """

con.execute(f"CREATE TEMP TABLE inst AS SELECT * FROM {src('institutions')}")
con.execute(f"CREATE TEMP TABLE insp AS SELECT * FROM {src('inspections')}")
con.execute(f"CREATE TEMP TABLE cases AS SELECT * FROM {src('cases')}")
query = f"""
COPY (SELECT * FROM ({measures(frm, to, 'period')}) p JOIN ({measures(year + '-01', to, 'ytd')}) y USING (county) ORDER BY county)
TO '{out}' (HEADER, DELIMITER ',')"""
con.execute(query)
rows = con.execute(f"SELECT count(*) FROM read_csv('{out}')").fetchone()[0]
print(f"duckdb {duckdb.__version__}: table 1 for {rows} counties -> {out}")
