#!/usr/bin/env python3
"""Skill-free players: play every bundled scenario in assessment mode through the binary, reading
only the screen, and report the mean headline each strategy reaches.

Usage: skill_free_players.py ATTUNE_BINARY [SCENARIO_FOLDER] [--seeds N] [--json]

Each player sees what a trainee sees (the client's line and the numbered options, in the order
the seeded shuffle draws) and picks by a surface feature: position, length, question marks,
give-away words, words shared with the client. None reads the codes, the alliance or the
feedback. A valid assessment keeps every such player at or below 50 on every scenario and
random play below 45 (issue #11); the script exits 1 when one is above.

It complements the cue analysis of `attune check`, which computes the same kind of figures
exactly inside the engine: this script checks them from outside, through the screen, with
players written independently of the analysis.
"""
import json
import os
import random
import re
import statistics
import sys
import tempfile

import pexpect.popen_spawn

OPTION = re.compile(r"^  (\d+)\. (.*)$")
CLIENT = re.compile(r"^[^ ].*?: \u201c(.*)$")
SCORE = re.compile(r"Alliance repair score: (\d+) / 100")


def words(text):
    return {w for w in re.findall(r"[a-z']+", text.lower()) if len(w) >= 4}


def parse(screen):
    """The client's words and the available options of the last turn on the screen."""
    lines = screen.split("\n")
    start = max((i for i, line in enumerate(lines) if line.startswith("\u2500\u2500 turn")),
                default=0)
    said, options, current = "", [], None
    for line in lines[start:]:
        match = OPTION.match(line)
        if match:
            current = {"number": int(match.group(1)), "text": match.group(2), "available": True}
            options.append(current)
        elif current and line.startswith("     ") and "(unavailable:" in line:
            current["available"] = False
        elif current and line.startswith("     "):
            current["text"] += " " + line.strip()
        elif not options and CLIENT.match(line):
            said = CLIENT.match(line).group(1)
        elif not options and said and line and not line.startswith("  ("):
            said += " " + line
    return said, [o for o in options if o["available"]]


def chooser(name, rng):
    def pick(said, options):
        if name == "first":
            return options[0]
        if name == "last":
            return options[-1]
        if name == "second":
            return options[min(1, len(options) - 1)]
        if name == "random":
            return rng.choice(options)
        key = {
            "longest": lambda o: len(o["text"]),
            "shortest": lambda o: -len(o["text"]),
            "most-questions": lambda o: o["text"].count("?"),
            "no-questions": lambda o: -o["text"].count("?"),
            "most-you": lambda o: len(re.findall(r"\byou(r|'re)?\b", o["text"].lower())),
            "most-i": lambda o: len(re.findall(r"\bi('m|'ve)?\b", o["text"].lower())),
            "echo": lambda o: len(words(o["text"]) & words(said)),
            "feeling-words": lambda o: len(re.findall(
                r"\b(feel|feeling|felt|hurt|sounds|hear|wonder|sense|understand|sorry)\b",
                o["text"].lower())),
        }[name]
        best = max(key(o) for o in options)
        return rng.choice([o for o in options if key(o) == best])
    return pick


PLAYERS = ["first", "second", "last", "random", "longest", "shortest", "most-questions",
           "no-questions", "most-you", "most-i", "echo", "feeling-words"]


def play(binary, scenario, player, seed, folder):
    transcript = os.path.join(folder, f"{os.path.basename(scenario)}-{player}-{seed}.jsonl")
    child = pexpect.popen_spawn.PopenSpawn(
        [binary, "play", scenario, "--mode", "assessment", "--seed", str(seed), "--trainee",
         player, "--transcript", transcript],
        encoding="utf-8", timeout=20,
        env={"NO_COLOR": "1", "COLUMNS": "100", "HOME": folder, "PATH": "/usr/bin:/bin"})
    rng = random.Random(seed * 7919 + PLAYERS.index(player))
    pick = chooser(player, rng)
    for _ in range(400):
        index = child.expect(["assessment \u203a ", pexpect.EOF])
        if index == 1:
            break
        said, options = parse(child.before)
        if not options:
            child.sendline(":quit")
            child.sendline("y")
            continue
        child.sendline(str(pick(said, options)["number"]))
    match = SCORE.search(child.before or "")
    return int(match.group(1)) if match else None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 12
    if "--seeds" in sys.argv:
        args.remove(str(seeds))
    binary = args[0]
    folder = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..",
                                                        "Scenarios")
    scenarios = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                       if f.endswith(".json") and f != "scenario.schema.json")
    results, failed = {}, False
    with tempfile.TemporaryDirectory() as work:
        for scenario in scenarios:
            name = os.path.basename(scenario)[:-5]
            results[name] = {}
            for player in PLAYERS:
                scores = [play(binary, scenario, player, seed, work) for seed in range(1, seeds + 1)]
                scores = [s for s in scores if s is not None]
                mean = round(statistics.mean(scores), 1) if scores else None
                results[name][player] = mean
                limit = 45 if player == "random" else 50
                if mean is not None and mean > limit:
                    failed = True
    if "--json" in sys.argv:
        print(json.dumps(results, indent=2))
    else:
        print("scenario".ljust(24) + "".join(p[:9].rjust(10) for p in PLAYERS))
        for name, row in results.items():
            print(name.ljust(24) + "".join(
                ("-" if row[p] is None else str(row[p])).rjust(10) for p in PLAYERS))
        print(f"(mean headline over {seeds} seeds; limits: random 45, others 50)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
