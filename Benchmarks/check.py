#!/usr/bin/env python3
"""Times `attune check` (release build) on the generated 2,000-turn scenario.

Prints one JSON line: the median of several runs, in seconds, and its ratio to the 1 s target.
Set ATTUNE_BINARY to use another binary.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    binary = os.environ.get("ATTUNE_BINARY", os.path.join(ROOT, ".build", "release", "attune"))
    runs = int(os.environ.get("RUNS", "5"))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "large.json")
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "Benchmarks", "generate_scenario.py"), path, "2000"],
            check=True)
        times = []
        output = ""
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run([binary, "check", path], capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            output = result.stdout
        median = statistics.median(times)
        playthroughs = ""
        for line in output.splitlines():
            if "distinct playthroughs" in line:
                playthroughs = line.split(":", 1)[1].strip()
        print(json.dumps({
            "benchmark": "check-2000-turns",
            "median_seconds": round(median, 4),
            "target_seconds": 1.0,
            "ratio_to_target": round(median / 1.0, 4),
            "runs": runs,
            "playthroughs": playthroughs,
            "exit_status": result.returncode,
        }))


if __name__ == "__main__":
    main()
