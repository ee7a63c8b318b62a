#!/usr/bin/env python3
"""tests/spelling/unknown.py LIST: the words of built letters no dictionary knows.

LIST has one letter a line, tab-separated: NAME, DICTIONARY, CLAIM.xml, TEXT,
INDEX.
DICTIONARY is a hunspell dictionary name (en_GB, de_DE, ...) or a word list
file (one word a line, compared in lower case: the Frisian list). TEXT is the
pack's text as pdftotext writes it; the letter is its pages before the
first that holds INDEX, the heading of the evidence index. Allowed without a dictionary: the words
of the claim itself (names, addresses, the consumer's own sentences), codes
(words with a digit or in capitals only, also with 's) and the names and
abbreviations in names.txt beside this script and the citations (cite=,
cite-LANG=) of data/law/*.xml (whole phrases, taken out of the text before it is split
into words). Prints NAME TAB the unknown words (sorted, space-separated) for
every letter, an empty list when all are known. Each dictionary is opened
once for all its letters."""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# A word: letters and digits, with apostrophes and hyphens inside (Frisian
# dêr't, the French l'article, Bluetooth-lûdsprekker, "§ 1666j" a code), and
# the full stop that may follow it: the dictionaries know abbreviations only
# with theirs ("Abs.").
WORD = re.compile(r"\w+(?:['’-]\w+)*\.?")


def words(text):
    return WORD.findall(text.replace("\u00ad", ""))


def unknown_of(ws, unknown):
    """The words of ws that are not known: neither with a final full stop
    (an abbreviation) nor without it."""
    return {w for w in ws if w.rstrip(".") in unknown and (not w.endswith(".") or w in unknown)}


def claim_words(path):
    out = set()
    for el in ET.parse(path).iter():
        for s in [el.text or "", el.tail or ""] + list(el.attrib.values()):
            for w in words(s):
                w = w.rstrip(".")
                parts = re.split(r"['’-]", w)
                out.add(w)
                out.update(parts)
                # pdftotext joins a word hyphenated at a line end:
                # Bluetooth-speaker across two lines comes out whole.
                out.add("".join(re.split(r"-", w)))
    return out


def is_code(w):
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    return any(c.isdigit() for c in w) or (len(w) > 1 and w.upper() == w)


def hunspell(dic, ws):
    """The words of ws that hunspell's dictionary dic does not know."""
    if not ws:
        return set()
    r = subprocess.run(["hunspell", "-i", "UTF-8", "-d", dic, "-L"],
                       input="\n".join(sorted(ws)) + "\n", capture_output=True,
                       text=True, encoding="utf-8", check=False)
    if r.returncode != 0 or r.stderr.strip():
        sys.exit("hunspell -d %s failed: %s" % (dic, r.stderr.strip()))
    return set(r.stdout.split("\n")) - {""}


def in_list(path, ws):
    with open(path, encoding="utf-8") as f:
        known = {line.strip().lower() for line in f}

    def ok(w):
        w = w.lower().replace("’", "'")
        return w in known or all(p in known for p in w.split("-"))
    return {w for w in ws if not ok(w)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "names.txt"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    # The citations of data/law/ are laws by their own name too, written
    # as the country writes them whatever the letter's language.
    n_listed = len(names)
    law = os.path.join(here, "..", "..", "data", "law")
    for f in sorted(os.listdir(law)):
        if f.endswith(".xml"):
            names += [" ".join(v.split())
                      for e in ET.parse(os.path.join(law, f)).iter("fact")
                      for k, v in e.attrib.items() if k == "cite" or k.startswith("cite-")]
    cite_words = {w.rstrip(".") for n in names[n_listed:] for w in words(n)}
    # Longest first, so that a name inside a longer one does not split it.
    names.sort(key=len, reverse=True)
    letters = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            name, dic, claim, text, index = line.rstrip("\n").split("\t")
            with open(text, encoding="utf-8") as t:
                pages = t.read().split("\f")
            letter = []
            for page in pages:
                if index in page:
                    break
                letter.append(page)
            flat = " ".join("\n".join(letter).split())
            for n in names:
                flat = re.sub(r"(?<!\w)" + re.escape(n) + (r"(?!\w)" if n[-1].isalnum() else ""),
                              " ", flat)
            ws = set(words(flat))
            # A citation broken by a page break is no longer one phrase:
            # its words count as names too.
            own = claim_words(claim) | cite_words
            ws = {w for w in ws if w.rstrip(".") not in own and not is_code(w.rstrip("."))}
            letters.append((name, dic, ws))
    unknown = {}
    for dic in sorted({d for _, d, _ in letters}):
        ws = set().union(*(w for _, d, w in letters if d == dic))
        ws |= {w.rstrip(".") for w in ws}
        unknown[dic] = in_list(dic, ws) if os.sep in dic else hunspell(dic, ws)
    for name, dic, ws in letters:
        print("%s\t%s" % (name, " ".join(sorted({w.rstrip(".") for w in unknown_of(ws, unknown[dic])}))))


main()
