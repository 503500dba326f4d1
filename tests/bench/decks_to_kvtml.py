#!/usr/bin/python3
"""Writes the bundled decks as one KDE Parley (KVTML 2) collection, one lesson per deck, so
that Parley can be timed opening the same 234 cards. Used by compare.sh; needs python3-yaml.

    decks_to_kvtml.py DECKS_DIR OUT.kvtml
"""
import glob
import os
import sys
from xml.sax.saxutils import escape

import yaml


def main(decks_dir, out_path):
    entries, lessons = [], []
    for path in sorted(glob.glob(os.path.join(decks_dir, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            deck = yaml.safe_load(f)
        ids = []
        for card in deck.get("cards", []):
            n = len(entries)
            entries.append(
                f'  <entry id="{n}">\n'
                f'   <translation id="0"><text>{escape(card["front"].strip())}</text></translation>\n'
                f'   <translation id="1"><text>{escape(card["back"].strip())}</text></translation>\n'
                f"  </entry>\n")
            ids.append(n)
        lessons.append(
            f"  <container>\n   <name>{escape(deck.get('title', os.path.basename(path)))}</name>\n"
            "   <inpractice>true</inpractice>\n"
            + "".join(f'   <entry id="{i}"/>\n' for i in ids) + "  </container>\n")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<!DOCTYPE kvtml PUBLIC "kvtml2.dtd" "http://edu.kde.org/kvtml/kvtml2.dtd">\n'
                  '<kvtml version="2.0">\n'
                  " <information><generator>k8s-flashcards compare.sh</generator>"
                  "<title>K8s Flashcards</title></information>\n"
                  " <identifiers>\n"
                  '  <identifier id="0"><name>Question</name><locale>en</locale></identifier>\n'
                  '  <identifier id="1"><name>Answer</name><locale>en</locale></identifier>\n'
                  " </identifiers>\n <entries>\n" + "".join(entries) + " </entries>\n"
                  " <lessons>\n" + "".join(lessons) + " </lessons>\n</kvtml>\n")
    print(f"{len(entries)} cards in {len(lessons)} lessons -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
