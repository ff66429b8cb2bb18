#!/usr/bin/env python3
"""Checks tests/data/news/expected.json against the article files beside it.

Every .txt has exactly one entry and every entry a file; dates are ISO at year, month or day
precision; event types are those of the scheme; each evidence phrase occurs exactly once in its
article (typographic apostrophes and non-breaking spaces folded, as tst_newsarticles does).
With --weekdays, prints the weekday of every day-precision date, to check "mardi", "hier"...
Exit status 1 when something is wrong.
"""
import datetime
import json
import os
import re
import sys

TYPES = {"meeting", "visit", "statement", "agreement", "military", "economic", "sanction", "conflict", "other"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def fold(text):
    return text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")


def valid_iso(value):
    if value is None:
        return True
    if not isinstance(value, str) or not ISO.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "tests", "data", "news")
    weekdays = "--weekdays" in sys.argv
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    errors = []
    files = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    listed = [e["file"] for e in expected]
    for name in sorted(set(files) - set(listed)):
        errors.append(f"{name}: no entry")
    for name in sorted(set(listed) - set(files)):
        errors.append(f"{name}: no such file")
    if len(listed) != len(set(listed)):
        errors.append("a file is listed twice")
    events = 0
    for entry in expected:
        name = entry["file"]
        if name not in files:
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = fold(f.read())
        for key in ("published", "published_after"):
            if not valid_iso(entry.get(key)):
                errors.append(f"{name}: bad {key} {entry.get(key)!r}")
        if weekdays and entry.get("published") and len(entry["published"]) == 10:
            day = datetime.date.fromisoformat(entry["published"])
            print(f"{name}: published {day} {day.strftime('%A')}")
        for event in entry["events"]:
            events += 1
            if event["type"] not in TYPES:
                errors.append(f"{name}: bad type {event['type']!r}")
            if not valid_iso(event["date"]):
                errors.append(f"{name}: bad date {event['date']!r}")
            if not event["actors"]:
                errors.append(f"{name}: an event without actors")
            count = text.count(fold(event["evidence"]))
            if count != 1:
                errors.append(f"{name}: evidence found {count} times: {event['evidence']!r}")
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(expected)} files, {events} expected events, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
