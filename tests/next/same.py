#!/usr/bin/env python3
"""tests/next/same.py EARLIER NEXT TYPE: what init --from must carry over.

Prints one line per difference, nothing when NEXT is EARLIER carried over:
the same <claim> attributes but type= (now TYPE) and date= (gone), the same
claimant, recipient, order, problem (with a first letter's type as its
type=), resolution and evidence (attributes,
text and comments, in order), the history's events kept in front, and
every comment of EARLIER still there (the one naming the type, with the
new type's name). An escalation after another letter goes to a body: its
<recipient> is the body's (tests/next.test checks it), the order takes the
earlier recipient's name as seller= when it had none and may say where
the seller is (seller-country=), and the skeleton's comment on the
recipient gives way to the one on the body."""
import sys
import xml.etree.ElementTree as ET

CARRIED = ("claimant", "recipient", "order", "problem", "resolution", "evidence")


def parse(path):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    with open(path, "rb") as f:
        return ET.fromstring(f.read(), parser=parser)


def flat(el):
    """The element as (tag, attributes, text, children) without white space."""
    tag = "#comment" if el.tag is ET.Comment else el.tag
    return (tag, sorted(el.attrib.items()), (el.text or "").strip(),
            [flat(k) for k in el])


def comments(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out, i = [], 0
    while (i := text.find("<!--", i)) >= 0:
        j = text.index("-->", i)
        out.append(text[i:j + 3])
        i = j + 3
    return out


def recipient_comments(path):
    """The comments on and in <recipient>: the one just before it and
    those inside it."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    i, j = text.find("<recipient"), text.find("</recipient>")
    if i < 0:
        return []
    head = text[:i].rstrip()
    start = head.rindex("<!--") if head.endswith("-->") else i
    part, out, k = text[start:j if j > 0 else i], [], 0
    while (k := part.find("<!--", k)) >= 0:
        e = part.index("-->", k)
        out.append(part[k:e + 3])
        k = e + 3
    return out


def main():
    earlier, nxt, typ = sys.argv[1:4]
    a, b = parse(earlier), parse(nxt)
    diffs = []
    want = dict(a.attrib)
    want.pop("date", None)
    want["type"] = typ
    if dict(b.attrib) != want:
        diffs.append("claim attributes %s, expected %s" % (sorted(b.attrib.items()), sorted(want.items())))
    first = a.get("type") not in ("appeal", "escalation", "reminder")
    to_body = typ == "escalation" and a.get("type") != "escalation"
    if to_body:
        o, r = a.find("order"), a.find("recipient")
        if o is not None:
            if "seller" not in o.attrib and r is not None and (r.findtext("name") or "").strip():
                o.set("seller", r.findtext("name").strip())
            bo = b.find("order")
            if bo is not None and "seller-country" in bo.attrib and "seller-country" not in o.attrib:
                o.set("seller-country", bo.get("seller-country"))
    for name in CARRIED:
        if to_body and name == "recipient":
            continue
        x, y = a.find(name), b.find(name)
        if name == "problem" and first and x is not None and "type" not in x.attrib:
            # a first letter's type becomes the problem's type
            x.set("type", a.get("type"))
        if (x is None) != (y is None) or (x is not None and flat(x) != flat(y)):
            diffs.append("<%s> not carried over as it was" % name)
    ha, hb = a.find("history"), b.find("history")
    ev_a = [flat(e) for e in ha.iter("event")] if ha is not None else []
    ev_b = [flat(e) for e in hb.iter("event")] if hb is not None else []
    if ev_b[:len(ev_a)] != ev_a:
        diffs.append("the history's events are not kept in front")
    if len(b.findall("previous-claim")) != 1:
        diffs.append("%d <previous-claim>" % len(b.findall("previous-claim")))
    # The skeleton's first comment names the type: it names the new one.
    have, old = comments(nxt), a.get("type")
    skipped = recipient_comments(earlier) if to_body else []
    for c in comments(earlier):
        if c in skipped:
            continue
        if c not in have and c.replace(": %s." % old, ": %s." % typ) not in have:
            diffs.append("comment lost: %s" % c[:60])
    print("\n".join(diffs))


main()
