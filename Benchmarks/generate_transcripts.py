#!/usr/bin/env python3
"""Generates a cohort of transcripts for the grading benchmark.

Usage: generate_transcripts.py ATTUNE_BINARY OUTPUT_FOLDER COUNT [SEED]

Plays a few dozen real sessions of the bundled scenarios through `attune play` (seeded random
choices, both modes, some stopped early), then copies them under COUNT file names with a
different trainee id in each header. The trainee id is not part of what verification replays,
so every copy verifies like its original. Deterministic for a given SEED.
"""
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = ["fee-change", "late-start", "after-the-disclosure", "facts-not-feelings"]


def play(binary, scenario, mode, seed, choices, path):
    script = "".join(f"{choice}\n" for choice in choices)
    env = dict(os.environ, NO_COLOR="1")
    subprocess.run(
        [binary, "play", scenario, "--mode", mode, "--seed", str(seed), "--trainee", "t",
         "--transcript", path],
        input=script, text=True, capture_output=True, env=env)


def main():
    binary, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(folder, exist_ok=True)
    originals = []
    work = os.path.join(folder, ".originals")
    os.makedirs(work, exist_ok=True)
    for index in range(32):
        scenario = SCENARIOS[index % len(SCENARIOS)]
        mode = "practice" if index % 2 == 0 else "assessment"
        length = 60 if index % 8 else 3  # every eighth session stops early
        choices = [rng.randint(1, 4) for _ in range(length)]
        path = os.path.join(work, f"{index}.jsonl")
        if os.path.exists(path):
            os.remove(path)
        play(binary, scenario, mode, rng.randint(1, 1 << 40), choices, path)
        with open(path, encoding="utf-8") as handle:
            originals.append(handle.read().splitlines(keepends=True))
    for number in range(count):
        lines = originals[number % len(originals)]
        header = json.loads(lines[0])
        header["trainee"] = f"trainee-{number // 8:05d}"
        text = json.dumps(header, sort_keys=True, separators=(",", ":")) + "\n" + "".join(lines[1:])
        sub = os.path.join(folder, f"cohort-{number // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"session-{number:05d}.jsonl"), "w", encoding="utf-8") as out:
            out.write(text)
    for name in os.listdir(work):
        os.remove(os.path.join(work, name))
    os.rmdir(work)


if __name__ == "__main__":
    main()
