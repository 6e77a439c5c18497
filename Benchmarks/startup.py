#!/usr/bin/env python3
"""Start-up and memory benchmarks of `attune play`.

Start-up: time from starting the process to the first prompt on the largest bundled scenario,
as a ratio to a hello-world program that imports Foundation, both measured in this one run,
alternating, median of N runs each. Memory: peak resident set size of a whole scripted
session of the largest scenario (the largest resident set size of any child, which is that
session's: it runs last and longest).

Usage: startup.py ATTUNE HELLO SCENARIOS_DIR [RUNS]
Prints one JSON object per benchmark.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ATTUNE, HELLO, SCENARIOS = sys.argv[1:4]
RUNS = int(sys.argv[4]) if len(sys.argv) > 4 else 21
PROMPT = "› ".encode()


def largest_scenario():
    files = [os.path.join(SCENARIOS, f) for f in os.listdir(SCENARIOS)
             if f.endswith(".json") and not f.endswith(".schema.json")]
    return max(files, key=os.path.getsize)


def time_to_output(argv, marker, env):
    """Seconds from spawning `argv` until `marker` appears on its standard output."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env)
    seen = b""
    while marker not in seen:
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        seen += chunk
    elapsed = time.perf_counter() - start
    process.stdin.close()
    process.wait()
    if marker not in seen:
        raise SystemExit(f"{argv[0]} never printed {marker!r}")
    return elapsed


def main():
    scenario = largest_scenario()
    workdir = tempfile.mkdtemp(prefix="attune-bench-")
    env = dict(os.environ, NO_COLOR="1", HOME=workdir, ATTUNE_TRANSCRIPTS=workdir)
    attune_times, hello_times = [], []
    for run in range(RUNS):
        hello_times.append(time_to_output([HELLO], b"hello", env))
        attune_times.append(time_to_output(
            [ATTUNE, "play", scenario, "--seed", "1", "--transcript",
             os.path.join(workdir, f"t{run}.jsonl")], PROMPT, env))
    hello, attune = statistics.median(hello_times), statistics.median(attune_times)
    print(json.dumps({
        "benchmark": "start-up to first prompt",
        "scenario": os.path.basename(scenario),
        "attune_ms": round(attune * 1000, 2), "baseline_ms": round(hello * 1000, 2),
        "ratio": round(attune / hello, 2), "target": "<= 2.0", "runs": RUNS,
    }))

    # Peak memory of a whole session: answer "1" until the session ends.
    answers = "1\n" * 400
    subprocess.run([ATTUNE, "play", scenario, "--seed", "1", "--transcript",
                    os.path.join(workdir, "memory.jsonl")], input=answers.encode(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "benchmark": "peak memory of a session",
        "scenario": os.path.basename(scenario),
        "peak_mib": round(peak_kib / 1024, 1), "target": "<= 30 MiB",
    }))


if __name__ == "__main__":
    main()
