"""Writes every condition (the value of an "if" field) of the given scenario files into FOLDER,
one file per distinct condition, as seeds for the expression fuzz target.

Usage: python3 Fuzz/extract_conditions.py FOLDER SCENARIO.json...
"""

import hashlib
import json
import os
import sys


def conditions(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "if" and isinstance(item, str):
                yield item
            else:
                yield from conditions(item)
    elif isinstance(value, list):
        for item in value:
            yield from conditions(item)


def main():
    folder, files = sys.argv[1], sys.argv[2:]
    found = set()
    for name in files:
        with open(name, encoding="utf-8") as file:
            found.update(conditions(json.load(file)))
    for condition in found:
        data = condition.encode("utf-8")
        path = os.path.join(folder, "if-" + hashlib.sha1(data).hexdigest()[:16])
        with open(path, "wb") as file:
            file.write(data)


main()
