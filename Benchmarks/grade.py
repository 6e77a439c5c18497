#!/usr/bin/env python3
"""Times `attune grade` over 10,000 generated transcripts against `jq -c .` merely parsing the
same files, in one run, and checks that peak memory stays flat from 1,000 to 10,000
transcripts.

Prints one JSON line. Set ATTUNE_BINARY to use another binary, RUNS for the number of timed
runs (the median is kept), COUNT for the cohort size.
"""
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_kib(command):
    """Peak resident memory of `command`, in KiB, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main():
    binary = os.environ.get("ATTUNE_BINARY", os.path.join(ROOT, ".build", "release", "attune"))
    runs = int(os.environ.get("RUNS", "3"))
    count = int(os.environ.get("COUNT", "10000"))
    if shutil.which("jq") is None:
        print(json.dumps({"benchmark": "grade-vs-jq", "skipped": "jq is not installed"}))
        return
    with tempfile.TemporaryDirectory() as folder:
        cohort = os.path.join(folder, "cohort")
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_transcripts.py"),
                        binary, cohort, str(count)], check=True)
        files = sorted(glob.glob(os.path.join(cohort, "*", "*.jsonl")))
        size = sum(os.path.getsize(path) for path in files)
        grade = [binary, "grade", cohort, "--format", "csv"]
        jq = ["jq", "-c", "."] + files
        attune_seconds = timed(grade, runs)
        jq_seconds = timed(jq, runs)
        small = os.path.join(cohort, "cohort-00")
        peak_small = peak_kib([binary, "grade", small, "--format", "csv"])
        peak_large = peak_kib(grade)
        print(json.dumps({
            "benchmark": "grade-vs-jq",
            "transcripts": len(files),
            "megabytes": round(size / 1e6, 1),
            "attune_seconds": round(attune_seconds, 3),
            "jq_seconds": round(jq_seconds, 3),
            "ratio": round(attune_seconds / jq_seconds, 3),
            "peak_mib_1000": round(peak_small / 1024, 1),
            "peak_mib_all": round(peak_large / 1024, 1),
            "peak_growth": round(peak_large / peak_small, 3),
            "runs": runs,
            "target": "ratio <= 1.0, peak flat",
        }))


if __name__ == "__main__":
    main()
