#!/usr/bin/env python3
"""Writes a libFuzzer dictionary: every French date word of resources/dates-fr.json, so that the
dictionary follows the tagger's own tables, plus the markers the article reader looks for."""
import json
import sys

# Header line, encodings, line ends and datelines: what ArticleReader and PublicationDateFinder test for.
READER_MARKERS = [" date ", "https://", "www.", "\ufeff", "\r\n", "Publié le ", "Mis à jour le ", " (AFP) - ",
                  "1er", "/", "-", " h ", "« ", " »", "… "]


def words(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from words(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("_"):
                continue  # comments
            yield key
            yield from words(value)


def escaped(word):
    return "".join(chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\' else "\\x%02X" % b for b in word.encode("utf-8"))


def main(resource, output):
    with open(resource, encoding="utf-8") as f:
        tables = json.load(f)
    table_contents = [table for name, table in tables.items() if not name.startswith("_")]  # not the tables' names
    entries = dict.fromkeys(list(words(table_contents)) + READER_MARKERS)  # ordered, without repeats
    with open(output, "w", encoding="ascii") as f:
        for word in entries:
            if word.strip():
                f.write('"%s"\n' % escaped(word))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
