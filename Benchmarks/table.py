#!/usr/bin/env python3
"""Prints the JSON lines of the benchmarks as a table."""
import json
import sys

rows = [json.loads(line) for line in sys.stdin if line.strip()]
for row in rows:
    name = row.pop("benchmark")
    target = row.pop("target", "")
    details = ", ".join(f"{key} {value}" for key, value in row.items() if value != "")
    print(f"{name:<32} {details}  (target {target})")
