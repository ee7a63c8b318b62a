#!/bin/sh
# make-evidence.sh: regenerate every evidence file of the examples.
#
# The examples' photos, screenshots, invoices, reports and e-mails are made
# here, by us, so they can be shipped and changed freely. Running the script
# again gives the same bytes (seeded noise, one ImageMagick thread, no dates
# in PNG or JPEG, PDFs written by make-pdf.py). Needs ImageMagick 6 with the
# DejaVu fonts, python3 and awk. Usage: examples/make-evidence.sh
set -eu
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8
# Random noise differs between thread counts; one thread keeps it seeded.
export MAGICK_THREAD_LIMIT=1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/make-evidence.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pdf() { python3 make-pdf.py "$1"; }
jpeg_opts="-strip -sampling-factor 2x2 -quality 85"
png_opts="-strip -define png:exclude-chunks=date,time -define png:color-type=2"

# arc CX CY RX RY FROM TO: points of an elliptic arc (degrees, y down) for a
# "polyline": ImageMagick strokes the chord of its own arcs, a polyline not.
arc() {
    awk -v cx="$1" -v cy="$2" -v rx="$3" -v ry="$4" -v a0="$5" -v a1="$6" 'BEGIN {
        for (a = a0; a <= a1; a += 3) {
            t = a * 3.14159265 / 180
            printf "%.1f,%.1f ", cx + rx * cos(t), cy + ry * sin(t)
        }
    }'
}

# wood W H SEED OUT: a table top seen from above.
wood() {
    convert -size $(($1 / 4 + 40))x"$2" -seed "$3" xc:gray50 +noise Random -colorspace gray \
        -blur 0x1 -resize $(($1 + 160))x"$2"\! -motion-blur 0x30+0 -gravity center \
        -crop "$1x$2+0+0" +repage -auto-level -sigmoidal-contrast 3x50% \
        +level-colors '#6b4226,#c48e5e' "$4"
}

# cardboard W H SEED OUT: brown corrugated board.
cardboard() {
    convert -size "$1x$2" -seed "$3" plasma:gray50-gray60 -colorspace gray -blur 0x3 \
        -auto-level +level-colors '#9c7446,#c9a274' "$4"
}

# shot OUT W H < MVG: a screenshot, drawn from ImageMagick vector commands.
shot() {
    convert -size "$2x$3" xc:white -draw "$(cat)" $png_opts "$1"
}

# Text lines of an e-mail body, encoded for its Content-Transfer-Encoding.
qp() { python3 -c 'import quopri, sys; sys.stdout.buffer.write(quopri.encodestring(sys.stdin.buffer.read()))'; }
b64() { base64 -w 76; }
crlf() { sed 's/$/\r/'; }

###########################################################################
# headphones: defective, en, EU (amazon.nl). The README's main example.
###########################################################################
d=headphones
mkdir -p $d/photos $d/mail

wood 800 600 7 "$tmp/wood1.png"
band=$(arc 400 330 185 225 180 360)
band2=$(arc 400 330 172 212 183 357)
convert "$tmp/wood1.png" \
    \( -size 800x600 xc:none -fill 'rgba(0,0,0,0.4)' -draw 'ellipse 400 490 270 40 0 360' -blur 0x14 \) -composite \
    -fill none -stroke '#1c1c1e' -strokewidth 30 -draw "polyline $band" \
    -stroke '#4a4a50' -strokewidth 5 -draw "polyline $band2" -stroke none \
    -fill '#2a2a2d' -draw 'roundrectangle 150,310 280,490 40,40' -draw 'roundrectangle 520,310 650,490 40,40' \
    -fill '#111113' -draw 'roundrectangle 255,325 300,475 18,18' -draw 'roundrectangle 500,325 545,475 18,18' \
    -fill '#55555a' -draw 'circle 215,400 215,360' -draw 'circle 585,400 585,360' \
    -fill '#d8d8d8' -font DejaVu-Sans-Bold -pointsize 22 -annotate +207+408 L -annotate +577+408 R \
    -fill '#c8c8c8' -font DejaVu-Sans -pointsize 15 -annotate +350+128 'SONIQ WH-900' \
    -seed 1 -attenuate 0.3 +noise Gaussian $jpeg_opts $d/photos/1-overview.jpg

# The close-up is taken with the phone held upright: stored turned a quarter
# to the left with EXIF orientation 6, as phones do; the PDF must show it upright.
wood 600 800 8 "$tmp/wood2.png"
convert "$tmp/wood2.png" \
    \( -size 600x800 xc:none -fill 'rgba(0,0,0,0.45)' -draw 'roundrectangle 110,170 530,700 120,120' -blur 0x18 \) -composite \
    -fill '#2a2a2d' -draw 'roundrectangle 90,140 510,670 120,120' \
    -fill '#111113' -draw 'roundrectangle 430,170 560,640 50,50' \
    -fill '#4d4d52' -draw 'circle 280,405 280,265' \
    -fill '#3b3b40' -draw 'circle 280,405 280,320' \
    -fill '#d8d8d8' -font DejaVu-Sans-Bold -pointsize 60 -annotate +260+428 L \
    \( -size 300x130 xc:'#f3e36a' -fill '#1d3b8c' -font DejaVu-Sans-Bold -pointsize 30 \
       -annotate +18+55 'LEFT: NO SOUND' -font DejaVu-Sans -pointsize 22 -annotate +20+100 'since 26 Oct 2026' \
       -background none -rotate -6 \) -geometry +140+560 -composite \
    -seed 2 -attenuate 0.3 +noise Gaussian -rotate -90 $jpeg_opts $d/photos/2-left-cup.jpg
python3 jpeg-exif.py $d/photos/2-left-cup.jpg 6 Fairphone FP4 "2026:10:26 18:42:07"

cardboard 800 600 3 "$tmp/board1.png"
convert "$tmp/board1.png" \
    -fill white -draw 'rectangle 140,130 660,470' \
    -fill black -font DejaVu-Sans-Bold -pointsize 34 -annotate +170+190 'SONIQ WH-900' \
    -font DejaVu-Sans -pointsize 22 -annotate +170+228 'Wireless headphones, black' \
    -annotate +170+270 'S/N: SQ9A2611-04417' -annotate +170+306 'Made in China  2026-08' \
    -draw "$(awk 'BEGIN { srand(9); x = 170
        while (x < 560) { w = 2 + int(rand() * 4); printf "rectangle %d,330 %d,420 ", x, x + w - 1; x += w + 2 + int(rand() * 4) } }')" \
    -pointsize 20 -annotate +210+450 '8 712345 678906' \
    -seed 3 -attenuate 0.25 +noise Gaussian $jpeg_opts $d/photos/3-serial-label.jpg

pdf $d/invoice.pdf <<'EOF'
info Title Invoice 404-1234567-1234567
info Author Amazon EU S.à r.l.
info Creator make-pdf.py
info CreationDate D:20261005120000Z
page
gray 0.14
box 0 792 595 50
gray 1
font B 20
text 50 810 amazon.nl
font R 10
text 420 812 Invoice / Factuur
gray 0
font B 16
text 50 750 Invoice
font R 9.5
text 50 728 Sold by: Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg
text 50 715 VAT number: NL 8267 90 123 B01 (Dutch establishment)
font B 10
text 50 680 Billing and delivery address
font R 10
text 50 665 Jelle de Vries
text 50 652 Nieuwestad 12
text 50 639 8911 CN Leeuwarden
text 50 626 Netherlands
font B 10
text 340 680 Invoice details
font R 10
text 340 665 Invoice number: NL6A8B2C3D4E5F
text 340 652 Invoice date: 5 October 2026
text 340 639 Order number: 404-1234567-1234567
text 340 626 Order date: 2 October 2026
text 340 613 Payment: Visa ending in 4417
gray 0.9
box 50 560 495 20
gray 0
font B 9.5
text 56 566 Description
text 330 566 Qty
text 380 566 Unit price
text 490 566 Amount
font R 9.5
text 56 540 SONIQ WH-900 Wireless headphones, black
text 56 527 ASIN B0CX9WH900
font M 9.5
right 345 540 1
right 445 540 € 349.00
right 545 540 € 349.00
font R 9.5
text 56 505 Delivery (PostNL, tracking 3SABCD1234567)
font M 9.5
right 345 505 1
right 445 505 € 0.00
right 545 505 € 0.00
line 50 490 545 490
font R 10
text 330 470 Subtotal excl. VAT
font M 10
right 545 470 € 288.43
font R 10
text 330 455 VAT 21%
font M 10
right 545 455 € 60.57
line 330 445 545 445
font B 11
text 330 428 Total
font M 11
right 545 428 € 349.00
font I 9
text 50 380 Paid in full on 2 October 2026. Delivered on 5 October 2026.
text 50 367 This item is covered by the 2-year legal guarantee for consumers in the European Union.
font R 8
gray 0.4
text 50 60 Amazon EU S.à r.l. · RCS Luxembourg B 101818 · amazon.nl/contact-us · Page 1 of 1
EOF

pdf $d/report.pdf <<'EOF'
info Title Repair report AF-2026-1043
info Author AudioFix Leeuwarden
info Creator make-pdf.py
info CreationDate D:20261030160000Z
page
outline Diagnosis
rgb 0.05 0.35 0.45
box 0 782 595 60
gray 1
font B 22
text 50 805 AudioFix
font R 10
text 170 808 Audio repair and diagnostics · Tweebaksmarkt 31 · 8911 KW Leeuwarden
gray 0
font B 16
text 50 740 Repair report AF-2026-1043
font R 10
text 50 718 Date: 30 October 2026                    Technician: Pieter Hoekstra
text 50 704 Customer: Jelle de Vries, jelle@example.nl
text 50 690 Device: SONIQ WH-900 wireless headphones, serial SQ9A2611-04417
text 50 676 Purchased: 2 October 2026 (amazon.nl, order 404-1234567-1234567)
line 50 664 545 664
font B 12
text 50 640 Complaint
font R 10
text 50 622 No sound from the left ear cup, over Bluetooth and over the 3.5 mm cable.
font B 12
text 50 594 Findings
font R 10
text 50 576 - Right driver: 32.1 ohm, normal. Left driver: open circuit (no continuity).
text 50 562 - The flex cable to the left driver has a cold solder joint at the driver pad;
text 50 548    the joint was never properly wetted (dull, cracked ring around the pin).
text 50 534 - No sign of impact, moisture, corrosion or earlier opening of the housing.
text 50 520 - Firmware 2.4.1 (current). A factory reset does not change the symptom.
font B 12
text 50 492 Conclusion
font R 10
text 50 474 The fault is a manufacturing defect in the left driver connection. It was present
text 50 460 at delivery and is not caused by use, a fall or liquid. The device was not repaired
text 50 446 so that the seller can inspect it; a repair would void the manufacturer's seal.
font R 8
gray 0.4
text 50 60 AudioFix · KvK 01234567 · info@audiofix.example · Page 1 of 2
page
outline Measurements
sub Driver resistance
sub Photos of the solder joint
gray 0
font B 14
text 50 780 Measurements
gray 0.9
box 50 740 495 20
gray 0
font B 9.5
text 56 746 Test
text 260 746 Left
text 360 746 Right
text 460 746 Expected
font M 9.5
text 56 722 DC resistance driver
text 260 722 open
text 360 722 32.1 ohm
text 460 722 32 ohm ±10%
text 56 706 Sweep 20 Hz-20 kHz
text 260 706 no output
text 360 706 pass
text 460 706 ±3 dB
text 56 690 Bluetooth (AAC)
text 260 690 silent
text 360 690 pass
text 460 690 audio
text 56 674 3.5 mm cable
text 260 674 silent
text 360 674 pass
text 460 674 audio
font B 12
text 50 630 Solder joint, left driver pad (magnified 20x)
gray 0.85
box 50 420 230 190
box 315 420 230 190
gray 0.3
box 140 490 50 50
gray 0.55
box 405 490 50 50
gray 0
font I 9
text 50 405 Left: cracked, unwetted joint (defective).
text 315 405 Right: normal joint, for comparison.
font R 8
gray 0.4
text 50 60 AudioFix · KvK 01234567 · info@audiofix.example · Page 2 of 2
EOF

{
cat <<'EOF'
Return-Path: <cs-reply@amazon.nl>
Message-ID: <0102019a2b3c4d5e-7f8a9b0c-1d2e-4f3a-9b8c-7d6e5f4a3b2c-000000@eu-west-1.amazonses.com>
Date: Thu, 29 Oct 2026 09:17:44 +0000
From: "Amazon.nl Customer Service" <cs-reply@amazon.nl>
To: Jelle de Vries <jelle@example.nl>
Subject: Your Amazon.nl enquiry about order 404-1234567-1234567
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="----=_Part_4417_20261029.1793266664"

------=_Part_4417_20261029.1793266664
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

EOF
qp <<'EOF'
Hello Jelle,

Thank you for contacting Amazon.nl about your SONIQ WH-900 headphones (order 404-1234567-1234567).

We are sorry that the left ear cup has stopped working. Unfortunately a replacement is not available for this item: it is currently out of stock with no restock date.

As the item is covered by the manufacturer's warranty, we recommend contacting SONIQ directly for a repair. Their service centre usually returns repaired headphones within 4–6 weeks.

We hope this helps.

Kind regards,
Ayşe
Amazon.nl Customer Service
EOF
cat <<'EOF'

------=_Part_4417_20261029.1793266664
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

EOF
qp <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Amazon.nl</title></head>
<body style="font-family:Arial,sans-serif;color:#111">
<table width="600" cellpadding="0" cellspacing="0"><tr><td style="background:#232f3e;color:#fff;padding:12px;font-size:20px">amazon.nl</td></tr>
<tr><td style="padding:16px">
<p>Hello Jelle,</p>
<p>Thank you for contacting Amazon.nl about your <b>SONIQ WH-900</b> headphones (order <a href="https://www.amazon.nl/gp/your-account/order-details?orderID=404-1234567-1234567">404-1234567-1234567</a>).</p>
<p>We are sorry that the left ear cup has stopped working. Unfortunately a replacement is not available for this item: it is currently out of stock with no restock date.</p>
<p>As the item is covered by the manufacturer&#39;s warranty, we recommend contacting SONIQ directly for a repair. Their service centre usually returns repaired headphones within 4&ndash;6 weeks.</p>
<p>We hope this helps.</p>
<p>Kind regards,<br>Ayşe<br>Amazon.nl Customer Service</p>
</td></tr></table>
</body></html>
EOF
cat <<'EOF'

------=_Part_4417_20261029.1793266664--
EOF
} >$d/mail/seller.eml

###########################################################################
# parcel: not-received, nl, EU (bol.com marketplace seller, PostNL).
###########################################################################
d=parcel
mkdir -p $d/mail

shot $d/tracking.png 1280 800 <<'EOF'
fill "#ff6200" rectangle 0,0 1280,70
font "DejaVu-Sans-Bold" font-size 30 fill "#ffffff" text 40,47 "PostNL"
font "DejaVu-Sans" font-size 17 text 960,44 "Inloggen   |   Zakelijk   |   Help"
fill "#f2f2f2" rectangle 0,70 1280,118
fill "#555555" font-size 15 text 40,100 "https://jouw.postnl.nl/track-and-trace/3SBOL0123456789-NL-3511NK"
fill "#111111" font "DejaVu-Sans-Bold" font-size 32 text 40,175 "Track & Trace"
font "DejaVu-Sans" font-size 20 fill "#333333"
text 40,215 "Zending 3SBOL0123456789  ·  van TechDeal Benelux B.V.  ·  naar S. Bakker, 3511 NK Utrecht"
fill "#e8f5e9" stroke "#2e7d32" stroke-width 2 roundrectangle 40,245 1240,330 10,10
stroke none fill "#2e7d32" font "DejaVu-Sans-Bold" font-size 26 text 70,285 "Bezorgd"
font "DejaVu-Sans" font-size 19 fill "#1b1b1b" text 70,315 "Dinsdag 14 oktober 2026 om 14:32  —  Afgeleverd bij de voordeur (brievenbus)"
fill "#111111" font "DejaVu-Sans-Bold" font-size 22 text 40,385 "Verloop van je zending"
font "DejaVu-Sans" font-size 18
fill "#ff6200" circle 60,425 60,433 circle 60,485 60,493 circle 60,545 60,553 circle 60,605 60,613 circle 60,665 60,673
fill "#cccccc" rectangle 59,433 61,657
fill "#222222"
text 90,431 "14-10-2026 14:32   Zending is bezorgd  (geen handtekening, geen foto)"
text 90,491 "14-10-2026 08:05   Bezorger is onderweg, verwacht tussen 13:45 en 15:45"
text 90,551 "13-10-2026 23:10   Zending is gesorteerd in sorteercentrum Nieuwegein"
text 90,611 "13-10-2026 17:41   Zending is door PostNL ontvangen"
text 90,671 "12-10-2026 19:02   Zending is aangemeld door de afzender"
fill "#fff3e0" stroke "#ff6200" stroke-width 1 rectangle 40,715 1240,775
stroke none fill "#333333" font-size 17
text 60,752 "Niet ontvangen? Je melding 7731-2026-1015 is op 15-10-2026 geregistreerd. Neem contact op met de afzender."
EOF

pdf $d/factuur.pdf <<'EOF'
info Title Factuur F2026-104377
info Author TechDeal Benelux B.V.
info Creator make-pdf.py
info CreationDate D:20261012193000Z
page
font B 20
text 50 780 TechDeal Benelux B.V.
font R 9
text 50 765 Industrieweg 40 · 5145 PV Waalwijk · KvK 76543210 · BTW NL 8612 34 567 B01
text 50 753 verkoop via bol.com · klantenservice@techdeal.example
font B 16
text 400 700 FACTUUR
font R 10
text 50 700 Sanne Bakker
text 50 687 Oudegracht 201
text 50 674 3511 NK Utrecht
text 400 680 Factuurnummer: F2026-104377
text 400 667 Factuurdatum: 12-10-2026
text 400 654 Bestelnummer bol.com: 1187442095
text 400 641 Besteldatum: 12-10-2026
gray 0.9
box 50 590 495 20
gray 0
font B 9.5
text 56 596 Omschrijving
text 330 596 Aantal
text 390 596 Prijs
text 470 596 Bedrag
font R 9.5
text 56 570 Elektrische tandenborstel SonicPro 7, wit
text 56 557 EAN 8719876543210
font M 9.5
right 355 570 1
right 450 570 € 89,95
right 545 570 € 89,95
font R 9.5
text 56 535 Verzending PostNL (3SBOL0123456789)
font M 9.5
right 355 535 1
right 450 535 € 0,00
right 545 535 € 0,00
line 50 520 545 520
font R 10
text 330 500 Totaal excl. btw
font M 10
right 545 500 € 74,34
font R 10
text 330 485 Btw 21%
font M 10
right 545 485 € 15,61
line 330 475 545 475
font B 11
text 330 458 Totaal te betalen
font M 11
right 545 458 € 89,95
font I 9
text 50 410 Betaald via iDEAL op 12-10-2026. Verwachte levering: 14-10-2026.
font R 8
gray 0.4
text 50 60 Op al onze leveringen zijn de algemene voorwaarden van TechDeal Benelux B.V. van toepassing.
EOF

# Outlook-style: CRLF line ends, base64 body, RFC 2047 subject.
{
cat <<'EOF'
Message-ID: <AM9PR04MB8421E3F1C2B0A5D6E7F8A9B0C1D2@AM9PR04MB8421.eurprd04.prod.outlook.com>
Date: Tue, 20 Oct 2026 11:03:12 +0200
From: TechDeal Benelux Klantenservice <klantenservice@techdeal.example>
To: Sanne Bakker <sanne.bakker@example.nl>
Subject: =?UTF-8?Q?RE:_Pakket_niet_ontvangen_=E2=80=93_bestelling_1187442095?=
In-Reply-To: <5f0e7d6c-bol-1187442095@example.nl>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

EOF
b64 <<'EOF'
Beste mevrouw Bakker,

Bedankt voor uw bericht van 16 oktober over bestelling 1187442095
(elektrische tandenborstel SonicPro 7).

Wij hebben de zending nagevraagd bij PostNL. Volgens de track-and-trace
is het pakket op 14 oktober om 14:32 bezorgd bij de voordeur. Daarmee is
de bestelling voor ons afgerond en kunnen wij helaas geen nieuw exemplaar
sturen of het bedrag terugbetalen.

Wij raden u aan bij uw buren na te vragen of zij het pakket hebben
aangenomen, en anders een klacht in te dienen bij PostNL.

Met vriendelijke groet,

Daniëlle Verhoeven
Klantenservice TechDeal Benelux B.V.

-----Oorspronkelijk bericht-----
Van: Sanne Bakker <sanne.bakker@example.nl>
Verzonden: vrijdag 16 oktober 2026 09:12
Onderwerp: Pakket niet ontvangen – bestelling 1187442095

Geachte heer/mevrouw,

Volgens PostNL is mijn pakket (3SBOL0123456789) op 14 oktober bezorgd,
maar ik heb het niet ontvangen. Er zat geen kaartje in de bus en mijn
buren hebben niets aangenomen. Ik heb op 15 oktober een melding gedaan bij
PostNL (7731-2026-1015). Wilt u een nieuw exemplaar sturen of het bedrag
terugbetalen?

Met vriendelijke groet,
Sanne Bakker
EOF
} | crlf >$d/mail/verkoper.eml

###########################################################################
# refund: refund-missing, fr, EU (amazon.fr, Colissimo return).
###########################################################################
d=refund
mkdir -p $d/mail

pdf $d/facture.pdf <<'EOF'
info Title Facture FR5T2U8V1W4X
info Author Amazon EU S.à r.l.
info Creator make-pdf.py
info CreationDate D:20261003100000Z
page
gray 0.14
box 0 792 595 50
gray 1
font B 20
text 50 810 amazon.fr
font R 10
text 470 812 Facture
gray 0
font B 16
text 50 750 Facture
font R 9.5
text 50 728 Vendu par : Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg
text 50 715 N° TVA : FR 12 487773327 (établissement français)
font B 10
text 50 680 Adresse de facturation et de livraison
font R 10
text 50 665 Camille Martin
text 50 652 14 rue des Capucins
text 50 639 69001 Lyon
text 50 626 France
font B 10
text 340 680 Détails
font R 10
text 340 665 Numéro de facture : FR5T2U8V1W4X
text 340 652 Date de facture : 3 octobre 2026
text 340 639 Numéro de commande : 171-2345678-9012345
text 340 626 Date de commande : 1 octobre 2026
text 340 613 Paiement : carte Mastercard se terminant par 2207
gray 0.9
box 50 560 495 20
gray 0
font B 9.5
text 56 566 Description
text 320 566 Qté
text 370 566 Prix unitaire TTC
text 490 566 Total TTC
font R 9.5
text 56 540 Machine à expresso avec broyeur, inox
text 56 527 Réf. BARISTA-E9, ASIN B0DE9ESPRS
font M 9.5
right 335 540 1
right 465 540 279,00 €
right 545 540 279,00 €
font R 9.5
text 56 505 Livraison Colissimo
font M 9.5
right 335 505 1
right 465 505 0,00 €
right 545 505 0,00 €
line 50 490 545 490
font R 10
text 330 470 Total HT
font M 10
right 545 470 232,50 €
font R 10
text 330 455 TVA 20 %
font M 10
right 545 455 46,50 €
line 330 445 545 445
font B 11
text 330 428 Total TTC
font M 11
right 545 428 279,00 €
font I 9
text 50 380 Payé le 1 octobre 2026. Livré le 3 octobre 2026.
text 50 367 Vous disposez d'un délai de rétractation de 30 jours à compter de la livraison.
font R 8
gray 0.4
text 50 60 Amazon EU S.à r.l. · RCS Luxembourg B 101818 · amazon.fr/contact-us · Page 1 sur 1
EOF

shot $d/suivi-retour.png 1280 720 <<'EOF'
fill "#ffd400" rectangle 0,0 1280,72
font "DejaVu-Sans-Bold" font-size 30 fill "#1f1f1f" text 40,48 "Colissimo"
font "DejaVu-Sans" font-size 17 text 900,45 "Envoyer   Recevoir   Suivre un colis"
fill "#f3f3f3" rectangle 0,72 1280,118
fill "#555555" font-size 15 text 40,101 "https://www.laposte.fr/outils/suivre-vos-envois?code=6A23456789012"
fill "#111111" font "DejaVu-Sans-Bold" font-size 32 text 40,178 "Suivi de votre colis"
font "DejaVu-Sans" font-size 20 fill "#333333"
text 40,218 "Colis n° 6A23456789012  ·  Retour Amazon, commande 171-2345678-9012345"
fill "#e7f3ea" stroke "#1d7a3a" stroke-width 2 roundrectangle 40,248 1240,338 10,10
stroke none fill "#1d7a3a" font "DejaVu-Sans-Bold" font-size 26 text 70,290 "Votre colis a été livré"
font "DejaVu-Sans" font-size 19 fill "#1b1b1b" text 70,322 "Mardi 13 octobre 2026 à 10:47  —  Remis au destinataire : AMAZON FRANCE LOGISTIQUE, Saran (45)"
fill "#111111" font "DejaVu-Sans-Bold" font-size 22 text 40,392 "Étapes de livraison"
font "DejaVu-Sans" font-size 18 fill "#222222"
text 60,440 "13/10/2026 10:47   Votre colis a été livré à son destinataire. Signature : M. LEROY"
text 60,490 "13/10/2026 06:20   Votre colis est en cours de livraison"
text 60,540 "12/10/2026 21:05   Votre colis est arrivé sur son site de distribution (Orléans)"
text 60,590 "09/10/2026 16:38   Votre colis a été déposé au bureau de poste Lyon Terreaux"
fill "#cccccc" rectangle 40,620 1240,622
fill "#555555" font-size 16 text 40,660 "Preuve de livraison disponible sur demande pendant 90 jours."
EOF

shot $d/releve.png 1280 800 <<'EOF'
fill "#00483a" rectangle 0,0 1280,72
font "DejaVu-Sans-Bold" font-size 28 fill "#ffffff" text 40,47 "Banque Rhône-Alpes en ligne"
font "DejaVu-Sans" font-size 16 text 930,44 "Mme Camille Martin   |   Déconnexion"
fill "#111111" font "DejaVu-Sans-Bold" font-size 28 text 40,132 "Compte courant n° ••• 5531 — Opérations"
font "DejaVu-Sans" font-size 18 fill "#444444"
text 40,168 "Période du 01/10/2026 au 06/11/2026   ·   Solde au 06/11/2026 : 1 284,16 €"
fill "#e6efec" rectangle 40,195 1240,235
fill "#00483a" font "DejaVu-Sans-Bold" font-size 17
text 55,221 "Date" text 200,221 "Libellé" text 900,221 "Débit" text 1080,221 "Crédit"
font "DejaVu-Sans" font-size 17 fill "#222222"
text 55,271 "05/11/2026" text 200,271 "PRLV SEPA EDF ELECTRICITE ECH 11/2026" text 900,271 "-68,00 €"
text 55,316 "02/11/2026" text 200,316 "CB CARREFOUR CITY LYON 1  31/10" text 900,316 "-42,37 €"
text 55,361 "27/10/2026" text 200,361 "VIR SALAIRE OCTOBRE 2026" text 1080,361 "+2 140,00 €"
text 55,406 "20/10/2026" text 200,406 "CB BOULANGERIE DU PLATRE LYON 19/10" text 900,406 "-8,60 €"
text 55,451 "09/10/2026" text 200,451 "CB PHARMACIE DES TERREAUX LYON 08/10" text 900,451 "-12,40 €"
text 55,496 "05/10/2026" text 200,496 "PRLV SEPA FREE MOBILE" text 900,496 "-19,99 €"
fill "#fff4d6" rectangle 40,518 1240,558
fill "#222222"
text 55,544 "02/10/2026" text 200,544 "CB AMAZON EU SARL AMAZON.FR 01/10  CDE 171-2345678-9012345" text 900,544 "-279,00 €"
text 55,591 "01/10/2026" text 200,591 "PRLV SEPA LOYER OCTOBRE" text 900,591 "-640,00 €"
fill "#cccccc" rectangle 40,615 1240,617
fill "#555555" font-size 16
text 40,655 "Opérations en attente : aucune."
text 40,690 "Document imprimé le 06/11/2026 à 18:12 depuis l'espace client."
EOF

{
cat <<'EOF'
Return-Path: <retours@amazon.fr>
Message-ID: <0102019a1f2e3d4c-retour-171-2345678-9012345@eu-west-1.amazonses.com>
Date: Wed, 14 Oct 2026 08:31:05 +0200
From: "Amazon.fr" <retours@amazon.fr>
To: Camille Martin <camille.martin@example.fr>
Subject: =?UTF-8?Q?Nous_avons_re=C3=A7u_votre_retour_=E2=80=93_commande_171-2345678-9012345?=
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

EOF
qp <<'EOF'
Bonjour Camille,

Nous avons bien reçu le 13 octobre 2026 l'article que vous avez retourné :

  Machine à expresso avec broyeur, inox
  Commande n° 171-2345678-9012345
  Numéro de suivi du retour : 6A23456789012 (Colissimo)

Votre remboursement de 279,00 € sera effectué sur votre carte Mastercard se terminant par 2207 dans un délai de 14 jours. Selon votre banque, le crédit peut apparaître sous 3 à 5 jours ouvrés supplémentaires.

Nous espérons vous revoir bientôt sur Amazon.fr.

Cordialement,
Le service client d'Amazon.fr
EOF
} >$d/mail/retour.eml

###########################################################################
# appeal: appeal, en, UK (amazon.co.uk A-to-z claim rejected).
###########################################################################
d=appeal
mkdir -p $d/photos

cardboard 800 600 21 "$tmp/board2.png"
wood 800 600 22 "$tmp/wood3.png"
convert "$tmp/wood3.png" \
    \( "$tmp/board2.png" -resize 560x400\! \) -geometry +120+110 -composite \
    -fill '#7a5634' -draw 'polygon 420,110 520,110 470,230 430,200' \
    -fill '#5e4026' -draw 'polygon 600,300 680,260 680,420 620,400' \
    -fill 'rgba(170,140,90,0.85)' -draw 'rectangle 120,270 680,300' \
    -fill white -draw 'rectangle 160,150 380,250' \
    -fill black -font DejaVu-Sans-Bold -pointsize 20 -annotate +172+178 'KitchenPro UK' \
    -font DejaVu-Sans -pointsize 14 -annotate +172+202 'Stand mixer 5.5 L, silver' \
    -annotate +172+224 'FRAGILE - THIS WAY UP' \
    -fill '#c62828' -font DejaVu-Sans-Bold -pointsize 40 -annotate +190+420 'FRAGILE' \
    -seed 4 -attenuate 0.3 +noise Gaussian $jpeg_opts $d/photos/1-box.jpg

crack=$(awk 'BEGIN { srand(5); x = 330; y = 250
    while (y < 430) { printf "%d,%d ", x, y; x += int(rand() * 30) - 12; y += 12 + int(rand() * 10) } }')
wood 800 600 23 "$tmp/wood4.png"
convert "$tmp/wood4.png" \
    \( -size 800x600 xc:none -fill 'rgba(0,0,0,0.4)' -draw 'ellipse 410 470 230 40 0 360' -blur 0x14 \) -composite \
    -fill '#b9bcc0' -draw 'polygon 200,220 600,220 540,460 260,460' \
    -fill '#dfe2e5' -draw 'ellipse 400,220 200,50 0 360' \
    -fill '#8d9095' -draw 'ellipse 400,225 170,38 0 360' \
    -fill '#eef0f2' -draw 'polygon 230,250 260,250 300,440 275,440' \
    -fill none -stroke '#2b2b2b' -strokewidth 3 -draw "polyline $crack" -stroke none \
    -fill '#f3e36a' -draw 'rectangle 470,90 700,170' \
    -fill '#1d3b8c' -font DejaVu-Sans-Bold -pointsize 22 -annotate +484+124 'CRACKED BOWL' \
    -font DejaVu-Sans -pointsize 17 -annotate +484+154 'unpacked 7 Oct 2026' \
    -seed 6 -attenuate 0.3 +noise Gaussian $jpeg_opts $d/photos/2-bowl.jpg

pdf $d/invoice.pdf <<'EOF'
info Title VAT invoice KP-UK-2026-08815
info Author KitchenPro UK Ltd
info Creator make-pdf.py
info CreationDate D:20261003150000Z
page
font B 20
text 50 780 KitchenPro UK Ltd
font R 9
text 50 765 Unit 7, Riverside Trading Estate, Leicester LE4 9HA · VAT GB 123 4567 89 · Company no. 09876543
text 50 753 Sold on amazon.co.uk · support@kitchenpro.example
font B 16
text 400 700 VAT INVOICE
font R 10
text 50 700 Oliver Bennett
text 50 687 42 Mill Lane
text 50 674 York YO31 7ET
text 50 661 United Kingdom
text 400 680 Invoice no: KP-UK-2026-08815
text 400 667 Invoice date: 3 October 2026
text 400 654 Amazon order: 205-7654321-7654321
text 400 641 Order date: 3 October 2026
gray 0.9
box 50 590 495 20
gray 0
font B 9.5
text 56 596 Description
text 330 596 Qty
text 380 596 Unit price
text 480 596 Amount
font R 9.5
text 56 570 Stand mixer 5.5 L, silver (model KP-550S)
font M 9.5
right 345 570 1
right 445 570 £229.99
right 545 570 £229.99
font R 9.5
text 56 548 Delivery (Evri, tracking H01HYA0012345678)
font M 9.5
right 345 548 1
right 445 548 £0.00
right 545 548 £0.00
line 50 530 545 530
font R 10
text 330 510 Net
font M 10
right 545 510 £191.66
font R 10
text 330 495 VAT at 20%
font M 10
right 545 495 £38.33
line 330 485 545 485
font B 11
text 330 468 Total paid
font M 11
right 545 468 £229.99
font I 9
text 50 420 Paid by Amazon Pay on 3 October 2026. Estimated delivery 7 October 2026.
EOF

{
cat <<'EOF'
Message-ID: <0102019a4b5c6d7e-a2z-uk-5521907@eu-west-1.amazonses.com>
Date: Tue, 20 Oct 2026 16:45:30 +0100
From: "Amazon.co.uk" <a-to-z-claims@amazon.co.uk>
To: Oliver Bennett <oliver.bennett@example.co.uk>
Subject: Update on your A-to-z Guarantee claim A2Z-UK-5521907
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1_a2z_5521907"

--b1_a2z_5521907
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Dear Oliver Bennett,

We have reviewed your A-to-z Guarantee claim A2Z-UK-5521907 for order
205-7654321-7654321 (Stand mixer 5.5 L, silver), sold by KitchenPro UK Ltd.

We are unable to approve this claim. We asked you on 14 October to provide
photos of the damaged item and packaging within 3 days and did not receive
them. The seller states that the item left their warehouse undamaged.

If you have new information, you can appeal this decision within 30 days
by replying to this message.

Amazon.co.uk
--b1_a2z_5521907
Content-Type: text/html; charset=us-ascii
Content-Transfer-Encoding: 7bit

<html><body style="font-family:Arial,sans-serif">
<div style="background:#232f3e;color:#ffffff;padding:10px;font-size:18px">amazon.co.uk</div>
<p>Dear Oliver Bennett,</p>
<p>We have reviewed your A-to-z Guarantee claim <b>A2Z-UK-5521907</b> for order
<a href="https://www.amazon.co.uk/gp/your-account/order-details?orderID=205-7654321-7654321">205-7654321-7654321</a>
(Stand mixer 5.5 L, silver), sold by KitchenPro UK Ltd.</p>
<p><b>We are unable to approve this claim.</b> We asked you on 14 October to provide
photos of the damaged item and packaging within 3 days and did not receive
them. The seller states that the item left their warehouse undamaged.</p>
<p>If you have new information, you can appeal this decision within 30 days
by replying to this message.</p>
<p>Amazon.co.uk</p>
</body></html>
--b1_a2z_5521907--
EOF
} >$d/decision.eml

cat >$d/seller-messages.txt <<'EOF'
Amazon buyer-seller messages, order 205-7654321-7654321 (copied on 4 November 2026)

From: Oliver Bennett
Date: 7 October 2026, 19:20
The mixer arrived today in a crushed box and the glass-effect steel bowl is
cracked from the rim down. Please send a replacement bowl or a new mixer.
I have kept all the packaging.

From: KitchenPro UK Ltd
Date: 9 October 2026, 10:02
Hello Oliver, our items are checked and packed with care and left our
warehouse in perfect condition. Damage in transit is the courier's
responsibility. Please contact Evri.

From: Oliver Bennett
Date: 9 October 2026, 12:47
The contract is with you, not with Evri: under the Consumer Rights Act the
goods remain at your risk until they reach me. I am asking you again for a
replacement or a full refund of £229.99.

From: KitchenPro UK Ltd
Date: 11 October 2026, 09:15
We are sorry but we cannot accept responsibility. Case closed.
EOF

###########################################################################
# lamp: damaged, en, US (amazon.com): US letter paper by default.
###########################################################################
d=lamp
mkdir -p $d/photos

# Shot with the phone turned the other way: stored a quarter turn to the
# right with EXIF orientation 8.
wood 600 800 31 "$tmp/wood5.png"
shards=$(awk 'BEGIN { srand(7)
    for (i = 0; i < 9; i++) { x = 120 + int(rand() * 360); y = 560 + int(rand() * 150)
        printf "polygon %d,%d %d,%d %d,%d ", x, y, x + 20 + int(rand() * 40), y + int(rand() * 20) - 10, x + int(rand() * 30), y + 25 + int(rand() * 30) } }')
convert "$tmp/wood5.png" \
    \( -size 600x800 xc:none -fill 'rgba(0,0,0,0.4)' -draw 'ellipse 300 520 150 30 0 360' -blur 0x12 \) -composite \
    -fill '#b08d57' -draw 'polygon 270,260 330,260 345,500 255,500' \
    -fill '#8c6d3f' -draw 'ellipse 300,505 120,25 0 360' \
    -fill 'rgba(235,240,245,0.85)' -draw 'polygon 190,90 410,90 460,270 140,270' \
    -fill '#4a4a4a' -stroke '#4a4a4a' -strokewidth 3 -draw 'line 300,90 300,270' -stroke none \
    -fill '#d0d6dc' -draw 'polygon 340,140 460,270 380,270' \
    -fill 'rgba(210,225,235,0.9)' -draw "$shards" \
    -fill '#f3e36a' -draw 'rectangle 40,40 260,100' \
    -fill '#1d3b8c' -font DejaVu-Sans-Bold -pointsize 20 -annotate +52+68 'AS DELIVERED' \
    -font DejaVu-Sans -pointsize 16 -annotate +52+90 'Oct 22, 2026' \
    -seed 8 -attenuate 0.3 +noise Gaussian -rotate 90 $jpeg_opts $d/photos/broken-shade.jpg
python3 jpeg-exif.py $d/photos/broken-shade.jpg 8 Apple "iPhone 15" "2026:10:22 17:05:31"

pdf $d/order-summary.pdf <<'EOF'
info Title Amazon.com order 112-3456789-0123456
info Author Amazon.com Services LLC
info Creator make-pdf.py
info CreationDate D:20261022210000Z
page letter
font B 18
text 54 740 Final Details for Order #112-3456789-0123456
font R 10
text 54 718 Order Placed: October 19, 2026
text 54 704 Amazon.com order number: 112-3456789-0123456
text 54 690 Order Total: $97.98
gray 0.9
box 54 640 504 20
gray 0
font B 10
text 60 646 Shipped on October 20, 2026
font R 10
text 60 620 Items Ordered
text 470 620 Price
text 60 604 1 of: Luma Arc table lamp, brass base, frosted glass shade
text 60 590 Sold by: Amazon.com Services LLC
font M 10
right 558 604 $89.99
font B 10
text 60 560 Shipping Address:
font R 10
text 60 546 Maria Gonzalez
text 60 532 350 W 42nd St Apt 12B
text 60 518 New York, NY 10036
text 60 504 United States
text 320 560 Shipping Speed: One-Day Shipping
text 320 546 Carrier: UPS, tracking 1Z999AA10123456784
text 320 532 Delivered: October 22, 2026
line 54 480 558 480
font B 10
text 60 460 Payment information
font R 10
text 60 444 Visa ending in 9012
text 330 444 Item(s) Subtotal:
font M 10
right 558 444 $89.99
font R 10
text 330 430 Shipping & Handling:
font M 10
right 558 430 $0.00
font R 10
text 330 416 Estimated tax to be collected:
font M 10
right 558 416 $7.99
font B 10
text 330 398 Grand Total:
font M 10
right 558 398 $97.98
font R 8
gray 0.4
text 54 40 Conditions of Use | Privacy Notice (c) 1996-2026, Amazon.com, Inc. or its affiliates
EOF

echo "examples: evidence regenerated"
