#!/usr/bin/env python3
"""Makes the zip fixtures of FundWatchZipTests (and the truncated one several targets read, written to
Tests/FundWatchTestSupport/Fixtures/) with
Python's zipfile, an implementation independent of minizip. Run from this folder:

    python3 make-fixtures.py /path/to/990101-2026-03-csv

and commit the outputs; the tests never run this script (CI needs no Python for them).
"""
import json, os, struct, sys, zipfile, zlib

example = sys.argv[1]
names = ["submission.csv", "institutions.csv", "inspections.csv", "cases.csv"]
files = {n: open(os.path.join(example, n), "rb").read() for n in names}

def crc(b):
    return zlib.crc32(b) & 0xFFFFFFFF

# 1. An ordinary archive as zipfile writes it: deflated and stored entries, a folder entry,
#    UTF-8 names; its listing and contents are written next to it as the expected answer.
with zipfile.ZipFile("python-made.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("990101-2026-03-csv/"), b"")
    for n in names:
        z.writestr("990101-2026-03-csv/" + n, files[n], compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("说明.txt", "示例区 2026年3月\n".encode(), compress_type=zipfile.ZIP_STORED)
with zipfile.ZipFile("python-made.zip") as z:
    json.dump([{"name": i.filename, "size": i.file_size, "crc": i.CRC} for i in z.infolist()],
              open("python-made.json", "w"), ensure_ascii=False, indent=1)

# 2. The last entry's deflate stream is a non-final stored block claiming 65,535 bytes of
#    which only 10 follow: a reader that keeps inflating past the entry never ends
#    (ZIPFoundation 0.9.20 spins at the end of the file; the folder name is chosen so that
#    the bytes after the entry hold no quote or line end, which a CSV reader would stop at).
def raw_zip(entries, flags=0x800):
    """entries: (name, method, compressed bytes, crc, uncompressed size); written by hand."""
    out, central = b"", b""
    for name, method, data, c, size in entries:
        n = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, c, len(data), size, len(n), 0) + n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0, 0x21, c, len(data), size,
                               len(n), 0, 0, 0, 0, 0, offset) + n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return out + central + end

def deflated(b):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(b) + c.flush()

folder = "990101-2026-03/"
entries = [(folder + n, 8, deflated(files[n]), crc(files[n]), len(files[n])) for n in names[:3]]
cut = bytes([0x00, 0xFF, 0xFF, 0x00, 0x00]) + files["cases.csv"][:10]
entries.append((folder + "cases.csv", 8, cut, crc(files["cases.csv"]), len(files["cases.csv"])))
open("../../FundWatchTestSupport/Fixtures/truncated-deflate.zip", "wb").write(raw_zip(entries))

# 3. A deflate stream that inflates to more than the size the entry declares.
big = files["cases.csv"]
open("understated-size.zip", "wb").write(raw_zip([("cases.csv", 8, deflated(big), crc(big), 100)]))

# 4. A wrong CRC.
open("bad-crc.zip", "wb").write(raw_zip([("cases.csv", 8, deflated(big), crc(big) ^ 1, len(big))]))

# 5. Entries a reader must refuse: a symbolic link, an encrypted entry, a duplicate name,
#    an absolute path, a parent folder.
def one(name, **attributes):
    with zipfile.ZipFile(name, "w") as z:
        info = zipfile.ZipInfo(attributes.pop("entry", "a.csv"))
        for k, v in attributes.items():
            setattr(info, k, v)
        z.writestr(info, b"x")
one("symlink.zip", entry="link.csv", create_system=3, external_attr=(0o120777 << 16))
# zipfile clears flag bits it did not set, so the encrypted entry is written by hand
# (traditional PKWARE encryption: flag bit 0; the 12-byte header and data are random).
secret = os.urandom(13)
open("encrypted.zip", "wb").write(raw_zip([("a.csv", 0, secret, 0, 1)], flags=0x801))
one("absolute.zip", entry="/etc/passwd")
one("parent.zip", entry="csv/../../escape.csv")
import warnings
warnings.simplefilter("ignore")
with zipfile.ZipFile("duplicate.zip", "w") as z:
    z.writestr("a.csv", b"1")
    z.writestr("a.csv", b"2")
open("not-a-zip.zip", "wb").write(b"PK\x03\x04 this is not really a zip archive")
