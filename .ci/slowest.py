#!/usr/bin/env python3
"""Prints the slowest tests, each test assembly's time and the slowest test classes from TRX files:
.ci/slowest.py [TRX_DIR] [N] [--classes M]

TRX_DIR defaults to .ci/out/trx (what .ci/run writes); N to 10; M (classes shown) to N. An assembly's time is its TRX's
run window (Times start → finish), i.e. its test host's wall clock, not the sum of its tests; "outside tests" is the
part of that window no test was running in: host start, discovery, and class/collection fixtures (their setup and
disposal are in no test's duration). A class's window runs from its first test's start to its last test's end; its
"gap before" is the time from the assembly's start (or, in a collection that runs after another, nothing better is
known) to its first test — where its class fixture's setup shows up."""
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


def covered(intervals):  # seconds covered by the union of (start, end) intervals
    total, end = 0.0, None
    for a, b in sorted(intervals):
        if end is None or a > end:
            total += b - a
            end = b
        elif b > end:
            total += b - end
            end = b
    return total


def main():
    args = [a for a in sys.argv[1:]]
    classes_count = None
    if "--classes" in args:
        i = args.index("--classes")
        classes_count = int(args[i + 1])
        del args[i:i + 2]
    folder = args[0] if len(args) > 0 else ".ci/out/trx"
    count = int(args[1]) if len(args) > 1 else 10
    classes_count = count if classes_count is None else classes_count
    files = glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)
    if not files:
        sys.exit(f"no TRX file under {folder}: run `dotnet test Harness.sln --no-build --logger trx --results-directory {folder}` (or .ci/run) first")
    tests, assemblies, classes = [], [], []
    for path in files:
        root = ET.parse(path).getroot()
        storage, class_of = {}, {}
        for unit in root.iter(NS + "UnitTest"):
            method = unit.find(NS + "TestMethod")
            storage[unit.get("id")] = os.path.basename(method.get("codeBase", "")).removesuffix(".dll") if method is not None else "?"
            class_of[unit.get("id")] = method.get("className", "?") if method is not None else "?"
        results = list(root.iter(NS + "UnitTestResult"))
        intervals, per_class = [], {}
        for r in results:
            if r.get("duration"):
                tests.append((seconds(r.get("duration")), storage.get(r.get("testId"), "?"), r.get("testName"), r.get("outcome")))
            if r.get("startTime") and r.get("endTime"):
                a, b = instant(r.get("startTime")), instant(r.get("endTime"))
                intervals.append((a, b))
                entry = per_class.setdefault(class_of.get(r.get("testId"), "?"), [a, b, 0.0, 0])
                entry[0], entry[1] = min(entry[0], a), max(entry[1], b)
                entry[2] += seconds(r.get("duration") or "0:0:0")
                entry[3] += 1
        times = root.find(NS + "Times")
        assembly = next(iter(storage.values()), os.path.basename(path))
        if times is not None and times.get("start") and times.get("finish"):
            start, finish = instant(times.get("start")), instant(times.get("finish"))
            window = (finish - start).total_seconds()
            busy = covered([((a - start).total_seconds(), (b - start).total_seconds()) for a, b in intervals])
            assemblies.append((window, assembly, len(results), window - busy))
            for name, (a, b, summed, n) in per_class.items():
                classes.append(((b - a).total_seconds(), assembly, name.rsplit(".", 1)[-1], n, summed, (a - start).total_seconds()))
    tests.sort(reverse=True)
    print(f"slowest {count} tests:")
    for s, assembly, name, outcome in tests[:count]:
        print(f"  {s:7.2f} s  {assembly}  {name}{'' if outcome == 'Passed' else '  [' + str(outcome) + ']'}")
    print("test assemblies (test host wall clock):")
    for s, assembly, n, idle in sorted(assemblies, reverse=True):
        print(f"  {s:7.2f} s  {assembly} ({n} tests; {idle:.2f} s of it outside tests: host start, discovery, fixtures)")
    print(f"  {sum(a[0] for a in assemblies):7.2f} s  in all (sum; in parallel the suite takes less)")
    if classes_count:
        print(f"slowest {classes_count} test classes (first test's start → last test's end; sum of test durations; first start after the assembly's):")
        for window, assembly, name, n, summed, first in sorted(classes, reverse=True)[:classes_count]:
            print(f"  {window:7.2f} s  {assembly}  {name} ({n} tests, {summed:.2f} s summed, first at +{first:.2f} s)")


if __name__ == "__main__":
    main()
