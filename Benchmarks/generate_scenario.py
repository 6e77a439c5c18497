#!/usr/bin/env python3
"""Writes a valid Attune scenario of 2,000 turns with more than 10^30 distinct playthroughs.

A chain of layers, each turn offering 2 or 3 options that all reconverge on the next turn; a
flag variable is set in some layers and tested in others, and every 20th layer moves the bond,
so that the analysis has real states to tell apart. Usage: generate_scenario.py OUT [TURNS]
"""
import json
import sys


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "large-scenario.json"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    turns = []
    for i in range(count):
        nxt = f"t{i + 1}" if i + 1 < count else None
        turn = {"id": f"t{i}", "says": f"Client turn {i}.", "options": []}
        if i == count - 10:
            turn["marker"] = {"type": "withdrawal", "subtype": "minimal-response", "salience": 2}
        if i == count - 6:
            turn["stage"] = "explored"
        if i == count - 3:
            turn["stage"] = "collaboration-restored"
        width = 3 if i % 3 == 0 else 2
        for k in range(width):
            option = {
                "id": f"t{i}-o{k}",
                "text": f"Answer {k} to turn {i}.",
                "codes": ["simple-reflection" if k == 0 else "open-question" if k == 1 else "affirm"],
                "feedback": "Generated option.",
            }
            if i % 100 == 0 and k < 2:
                option["alliance"] = {"bond": 1 if k == 0 else -1}
            if i % 50 == 0 and k == 0:
                option["set"] = {"flag": (i // 50) % 2 == 0}
            if i % 50 == 25 and k == 2:
                option["if"] = "flag or bond >= 50"
            if nxt is None:
                option["next"] = [{"if": "bond >= 50", "to": "good"}, {"to": "poor"}]
            else:
                option["next"] = nxt
            turn["options"].append(option)
        turns.append(turn)
    scenario = {
        "format": 1,
        "id": "benchmark-chain",
        "title": "Benchmark chain",
        "version": "1.0.0",
        "authors": ["generator"],
        "summary": "A generated chain of layers for timing attune check.",
        "difficulty": "advanced",
        "client": {
            "name": "Generated",
            "concern": "none",
            "background": "none",
            "attachment": {"anxiety": 3, "avoidance": 3},
            "reactance": "low",
        },
        "alliance": {"bond": 50, "task": 50, "goal": 50},
        "variables": {"flag": False},
        "fit": False,
        "turns": turns,
        "endings": [
            {"id": "good", "title": "Good", "outcome": "repaired", "debrief": "Generated."},
            {"id": "poor", "title": "Poor", "outcome": "unrepaired", "debrief": "Generated."},
        ],
    }
    with open(out, "w") as handle:
        json.dump(scenario, handle, indent=1)


if __name__ == "__main__":
    main()
