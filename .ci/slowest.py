#!/usr/bin/env python3
"""Prints the slowest tests and each test assembly's time from TRX files: .ci/slowest.py [TRX_DIR] [N].

TRX_DIR defaults to .ci/out/trx (what .ci/run writes); N to 10. An assembly's time is its TRX's run window
(Times start → finish), i.e. its test host's wall clock, not the sum of its tests."""
import glob
import os
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def seconds(duration):  # "00:00:01.2345678"
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def instant(text):  # "2026-11-30T14:20:01.1234567+00:00": Python wants at most 6 fraction digits
    head, _, rest = text.partition(".")
    if not rest:
        return datetime.fromisoformat(text)
    digits = "".join(c for c in rest if c.isdigit())
    zone = rest[len(digits):]
    return datetime.fromisoformat(f"{head}.{digits[:6]}{zone}")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else ".ci/out/trx"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    files = glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)
    if not files:
        sys.exit(f"no TRX file under {folder}: run `dotnet test Harness.sln --no-build --logger trx --results-directory {folder}` (or .ci/run) first")
    tests, assemblies = [], []
    for path in files:
        root = ET.parse(path).getroot()
        storage = {}
        for unit in root.iter(NS + "UnitTest"):
            method = unit.find(NS + "TestMethod")
            storage[unit.get("id")] = os.path.basename(method.get("codeBase", "")).removesuffix(".dll") if method is not None else "?"
        results = list(root.iter(NS + "UnitTestResult"))
        for r in results:
            if r.get("duration"):
                tests.append((seconds(r.get("duration")), storage.get(r.get("testId"), "?"), r.get("testName"), r.get("outcome")))
        times = root.find(NS + "Times")
        assembly = next(iter(storage.values()), os.path.basename(path))
        if times is not None and times.get("start") and times.get("finish"):
            window = (instant(times.get("finish")) - instant(times.get("start"))).total_seconds()
            assemblies.append((window, assembly, len(results)))
    tests.sort(reverse=True)
    print(f"slowest {count} tests:")
    for s, assembly, name, outcome in tests[:count]:
        print(f"  {s:7.2f} s  {assembly}  {name}{'' if outcome == 'Passed' else '  [' + str(outcome) + ']'}")
    print("test assemblies (test host wall clock):")
    for s, assembly, n in sorted(assemblies, reverse=True):
        print(f"  {s:7.2f} s  {assembly} ({n} tests)")
    print(f"  {sum(a[0] for a in assemblies):7.2f} s  in all (sum; in parallel the suite takes less)")


if __name__ == "__main__":
    main()
