#!/usr/bin/env python3
"""tests/checkwords/words.py CHECKLIST PHRASES-DIR OUT-DIR: the words of
`claimpack check`, per language (tests/channels.test gives it
data/channels.xml for CHECKLIST: the same rule holds for its texts).

Checks that every <label>, <hint>, <note>, <message> and <step> of the
checklist rules is there in English (no lang=) and exactly once in each of nl fy es de
fr, beside it (a message of placeholders and punctuation only is the same in
every language and needs none), and that every check.* phrase of
templates/en/phrases is in every language's phrases. Prints one line per
gap, nothing when there is none.

Writes OUT-DIR/LANG.txt: the texts of that language with what is not prose
taken out (the claim format's <element> and attribute="..." names, the
{placeholders}), one a line, for tests/spelling/unknown.py."""
import os
import re
import sys
import xml.etree.ElementTree as ET

LANGS = ["en", "nl", "fy", "es", "de", "fr"]
TAGS = ("label", "hint", "note", "message", "step")


def neutral(text):
    return not re.search(r"[^\W\d_]", re.sub(r"\{[^}]*\}", "", text))


def prose(text):
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"[\w.-]+=\"[^\"]*\"", " ", text)
    return re.sub(r"\{[^}]*\}", " ", text)


def main():
    rules, phrases, out = sys.argv[1:4]
    gaps = []
    texts = {l: [] for l in LANGS}
    root = ET.parse(rules).getroot()
    for parent in root.iter():
        groups = {}
        for el in parent:
            if el.tag in TAGS:
                groups.setdefault((el.tag, el.get("id")), []).append(el)
        for (tag, id_), els in groups.items():
            where = "<%s%s> in <%s id=\"%s\"> (line %s)" % (
                tag, ' id="%s"' % id_ if id_ else "", parent.tag, parent.get("id", ""),
                getattr(els[0], "sourceline", "?"))
            en = [e for e in els if e.get("lang") is None]
            if len(en) != 1:
                gaps.append("%s: %d English texts" % (where, len(en)))
                continue
            texts["en"].append(en[0].text or "")
            if neutral(en[0].text or ""):
                continue
            for l in LANGS[1:]:
                mine = [e for e in els if e.get("lang") == l]
                if len(mine) != 1:
                    gaps.append("%s: %d texts in %s" % (where, len(mine), l))
                else:
                    texts[l].append(mine[0].text or "")
    keys = {}
    for l in LANGS:
        keys[l] = {}
        with open(os.path.join(phrases, l, "phrases"), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"\s*(check\.[\w.-]+)\s*=\s*(.*)$", line)
                if m:
                    keys[l][m.group(1)] = m.group(2).strip().strip('"')
    for l in LANGS[1:]:
        for k in sorted(set(keys["en"]) - set(keys[l])):
            gaps.append("templates/%s/phrases lacks %s" % (l, k))
    for l in LANGS:
        with open(os.path.join(out, l + ".txt"), "w", encoding="utf-8") as f:
            for t in texts[l] + list(keys[l].values()):
                f.write(prose(t) + "\n")
    for g in gaps:
        print(g)


main()
