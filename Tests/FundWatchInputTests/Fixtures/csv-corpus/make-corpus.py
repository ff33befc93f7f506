#!/usr/bin/env python3
"""Writes the CSV corpus of CSVTokenizerTests and, for each file, what Python's csv module
reads from it (NAME.expected.json: the encoding and the records, blank lines left out, as
FORMAT.md skips them). Run from this folder and commit the outputs; CI never runs it.
"""
import csv, io, json, random

def write(name, data, encoding="utf-8"):
    raw = data if isinstance(data, bytes) else data.encode(encoding)
    open(name + ".csv", "wb").write(raw)
    text = raw.decode(encoding)
    rows = [r for r in csv.reader(io.StringIO(text, newline=""), strict=True) if r != []]
    json.dump({"encoding": encoding, "records": rows}, open(name + ".expected.json", "w"), ensure_ascii=False, indent=0)

write("simple", "a,b,c\r\n1,2,3\r\n")
write("quoted-commas", 'name,address\r\n"Smith, John","1 Main St, Apt 2"\r\n')
write("doubled-quotes", 'a,b\r\n"he said ""hi""",""""\r\n"""",x\r\n')
write("embedded-lf", 'a,b\r\n"line one\nline two",x\r\n')
write("embedded-crlf", 'a,b\r\n"line one\r\nline two",x\r\ny,"\r\n"\r\n')
write("lf-only", "a,b\n1,2\n3,4\n")
write("cr-only", "a,b\r1,2\r3,4\r")
write("mixed-line-ends", "a,b\r\n1,2\n3,4\r5,6\r\n")
write("no-final-newline", "a,b\r\n1,2")
write("empty-fields", 'a,b,c\r\n,,\r\n"","",""\r\n,"",\r\n')
write("blank-lines", "a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n")
write("spaces", 'a,b\r\n  x  ," y "\r\n\t,\t\r\n')
write("multibyte", 'name,note\r\n示例区人民医院,"多字节, 字符"\r\n"康宁药店😀",€—“引号”\r\n')
write("gb18030", 'name,note\r\n示例区人民医院,"城南, 东街"\r\n百姓大药房(城南店),“全角”€\r\n', encoding="gb18030")
write("long-field", "a,b\r\n\"" + ("长字段,\"\"引号\"\"\r\n换行" * 4000) + "\",end\r\n")
write("only-header", "institution_code,inspected_on,method,problems_found\r\n")
write("single-field", "x\r\n\"\"\r\ny\r\n")

# Random files as Python's writer makes them (every field it quotes, it quotes correctly).
rng = random.Random(2026)
alphabet = ["a", "b", "1", " ", ",", '"', "\r", "\n", "\r\n", "示", "例", "😀", "€", "\t", "'", ";"]
for n in range(12):
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator=rng.choice(["\r\n", "\n"]))
    width = rng.randint(1, 6)
    for _ in range(rng.randint(1, 40)):
        w.writerow(["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(width)])
    write(f"random-{n:02d}", out.getvalue())
