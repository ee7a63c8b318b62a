#!/usr/bin/env python3
"""links.py PDF: where the link annotations and bookmarks of PDF go, read
from qpdf's JSON (qpdf --json=2). Prints one line per link, "link P -> Q"
(the pages it is on and goes to, from 1), "link P -> nowhere" for a link
whose destination is not a page of the file, and one per bookmark,
"bookmark Q TITLE", nested ones indented."""
import json
import subprocess
import sys

pdf = sys.argv[1]
d = json.loads(subprocess.run(["qpdf", "--json=2", pdf], check=True,
                              capture_output=True).stdout)
objs = d["qpdf"][1]
pages = [p["object"] for p in d["pages"]]
for n, p in enumerate(d["pages"], 1):
    page = objs["obj:" + p["object"]]["value"]
    annots = page.get("/Annots", [])
    if isinstance(annots, str):
        annots = objs["obj:" + annots]["value"]
    for a in annots:
        v = objs["obj:" + a]["value"] if isinstance(a, str) else a
        if v.get("/Subtype") != "/Link":
            continue
        dest = v.get("/Dest")
        to = dest[0] if isinstance(dest, list) and dest else None
        print("link %d -> %s" % (n, pages.index(to) + 1 if to in pages else "nowhere"))


def walk(items, depth):
    for o in items:
        print("%sbookmark %s %s" % ("  " * depth, o["destpageposfrom1"] or "nowhere",
                                     o["title"]))
        walk(o["kids"], depth + 1)


walk(d["outlines"], 0)
