#!/bin/sh
# make-inputs.sh DIR: generate the benchmark inputs into DIR.
#
#   DIR/photos/photo-NN.jpg        40 phone-like photos, 4000x3000, ~5 MB each
#                                  (quality 92, EXIF like a phone; every fourth
#                                  one stored on its side with orientation 6)
#   DIR/screenshots/shot-NN.png    10 screenshots, 2560x1440 RGB without alpha
#   DIR/invoice.pdf                a one-page invoice
#   DIR/claim.xml                  a "defective" claim referencing all of them
#
# The files are not committed (about 200 MB). Fractal noise plus grain keeps
# the photos from compressing to nothing, as real photos do. Seeded, so the
# same machine makes the same files. Runs two ImageMagick jobs at a time
# (JOBS=N to change). Needs ImageMagick 6, python3 and xargs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../examples
JOBS=${JOBS:-2}
export MAGICK_THREAD_LIMIT=1   # one thread per job; xargs runs the jobs in parallel

photo() {   # photo DIR N
    n=$(printf %02d "$2")
    out=$1/photos/photo-$n.jpg
    # Vary the scene: colour of the fractal, an object, its place and size.
    hue=$(( ($2 * 37) % 200 ))
    x=$(( 400 + ($2 * 211) % 1400 ))
    y=$(( 500 + ($2 * 157) % 1200 ))
    w=$(( 900 + ($2 * 53) % 700 ))
    # A portrait shot: drawn upright at 3000x4000, stored as the sensor reads
    # it (4000x3000, turned a quarter left) with EXIF orientation 6.
    if [ $(($2 % 4)) -eq 3 ]; then orient=6 W=3000 H=4000; else orient=1 W=4000 H=3000; fi
    convert -size $((W / 4))x$((H / 4)) -seed "$((1000 + $2))" plasma:fractal -blur 0x1 \
        -modulate 100,80,$((hue)) -resize "${W}x${H}!" \
        -fill 'rgba(30,30,34,0.92)' -draw "roundrectangle $x,$y $((x + w)),$((y + w * 2 / 3)) 120,120" \
        -fill 'rgba(200,200,205,0.9)' -draw "circle $((x + w / 2)),$((y + w / 3)) $((x + w / 2)),$((y + w / 8))" \
        -fill white -stroke black -strokewidth 3 -font DejaVu-Sans-Bold -pointsize 150 \
        -annotate +180+$((H - 200)) "IMG_20261026_18$n" \
        -stroke none -pointsize 90 -annotate +180+300 "claimpack benchmark photo $n" \
        -seed "$((2000 + $2))" -attenuate 0.3 +noise Gaussian \
        $( [ $orient -eq 6 ] && echo -rotate -90 ) \
        -strip -quality 92 "$out"
    python3 "$examples/jpeg-exif.py" "$out" "$orient" Fairphone FP4 "2026:10:26 18:$n:00"
}

shot() {   # shot DIR N
    n=$(printf %02d "$2")
    out=$1/screenshots/shot-$n.png
    order="404-1234567-1234567"
    # A product picture in the page: photographic pixels, so the PNG is as
    # heavy as a real screenshot of a shop page rather than a few flat colours.
    convert -size 2560x1440 xc:white \
        \( -size 300x300 -seed "$((3000 + $2))" plasma:fractal -resize 720x720\! \
           -seed "$((4000 + $2))" -attenuate 0.4 +noise Gaussian \) -geometry +120+420 -composite \
        -draw "$(cat <<EOF
fill "#232f3e" rectangle 0,0 2560,120
font "DejaVu-Sans-Bold" font-size 56 fill "#ffffff" text 60,82 "shop.example"
font "DejaVu-Sans" font-size 32 text 1900,76 "Hello, Jelle   |   Returns & Orders"
fill "#f2f2f2" rectangle 0,120 2560,200
fill "#555555" font-size 28 text 60,170 "https://shop.example/your-orders/order-details?orderID=$order"
fill "#111111" font "DejaVu-Sans-Bold" font-size 64 text 120,310 "Order details  (screen $n of 10)"
font "DejaVu-Sans" font-size 36 fill "#333333"
text 120,375 "Ordered on 2 October 2026   ·   Order number $order"
fill "#111111" font "DejaVu-Sans-Bold" font-size 44 text 940,480 "SONIQ WH-900 Wireless headphones, black"
font "DejaVu-Sans" font-size 36 fill "#333333"
text 940,550 "Sold by: Amazon EU S.a r.l.     Price: EUR 349.00     Qty: 1"
text 940,610 "Delivered 5 October 2026 by PostNL, tracking 3SABCD1234567"
fill "#fff4d6" stroke "#e0a800" stroke-width 3 roundrectangle 940,660 2440,860 20,20
stroke none fill "#7a5200" font "DejaVu-Sans-Bold" font-size 40 text 980,730 "Return window closes on 4 November 2026"
font "DejaVu-Sans" font-size 34 text 980,800 "Item eligible for replacement or refund. Problem reported on 27 October 2026."
fill "#febd69" roundrectangle 940,920 1500,1010 16,16 fill "#111111" font-size 36 text 990,978 "Return or replace items"
fill "#e7e9ec" roundrectangle 1560,920 2120,1010 16,16 fill "#111111" text 1610,978 "Problem with order"
fill "#cccccc" rectangle 120,1200 2440,1203
fill "#555555" font-size 30
text 120,1270 "Payment: Visa ending in 4417   ·   Item subtotal EUR 288.43   ·   VAT EUR 60.57   ·   Grand total EUR 349.00"
text 120,1330 "Conditions of use   Privacy notice   Cookies   Interest-based ads   (c) 2026 shop.example"
EOF
)" -strip -define png:exclude-chunks=date,time -define png:color-type=2 "$out"
}

case "${1-}" in
--photo) photo "$2" "$3"; exit ;;
--shot) shot "$2" "$3"; exit ;;
""|-*) echo "usage: $0 DIR" >&2; exit 2 ;;
esac

dir=$1
mkdir -p "$dir/photos" "$dir/screenshots"
start=$(date +%s)
{
    for i in $(seq 1 40); do echo --photo "$dir" "$i"; done
    for i in $(seq 1 10); do echo --shot "$dir" "$i"; done
} | xargs -P "$JOBS" -L 1 sh "$0"

python3 "$examples/make-pdf.py" "$dir/invoice.pdf" <<'EOF'
info Title Invoice 404-1234567-1234567
info Author Amazon EU S.à r.l.
info CreationDate D:20261005120000Z
page
font B 20
text 50 790 Invoice
font R 10
text 50 760 Sold by: Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg
text 50 730 Jelle de Vries, Nieuwestad 12, 8911 CN Leeuwarden, Netherlands
text 50 700 Order number: 404-1234567-1234567      Order date: 2 October 2026
text 50 660 SONIQ WH-900 Wireless headphones, black
font M 10
right 545 660 EUR 349.00
font R 10
text 330 620 Subtotal excl. VAT
font M 10
right 545 620 EUR 288.43
font R 10
text 330 605 VAT 21%
font M 10
right 545 605 EUR 60.57
font B 11
text 330 585 Total
font M 11
right 545 585 EUR 349.00
EOF

cat >"$dir/claim.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Benchmark claim: made by bench/make-inputs.sh. -->
<claim version="1" type="defective" lang="en" jurisdiction="EU" date="2026-11-02">
  <claimant>
    <name>Jelle de Vries</name>
    <address>Nieuwestad 12
8911 CN Leeuwarden
Netherlands</address>
    <email>jelle@example.nl</email>
  </claimant>
  <recipient>
    <name>Amazon EU S.à r.l.</name>
    <department>Customer Service</department>
    <address>38 avenue John F. Kennedy
L-1855 Luxembourg</address>
  </recipient>
  <order number="404-1234567-1234567" placed="2026-10-02" expected="2026-10-06"
         delivered="2026-10-05" seller="Amazon EU S.à r.l." marketplace="amazon.nl">
    <product price="349.00" currency="EUR">SONIQ WH-900 wireless headphones, black</product>
    <tracking carrier="PostNL">3SABCD1234567</tracking>
  </order>
  <problem noticed="2026-10-26">
    <summary>The left ear cup stopped producing sound three weeks after delivery.</summary>
    <fact>The left speaker is silent on every source, Bluetooth and cable.</fact>
  </problem>
  <resolution kind="replacement" amount="349.00" currency="EUR">Please send a new unit.</resolution>
  <evidence>
    <document kind="proof-of-purchase" file="invoice.pdf">Invoice for the order</document>
    <document kind="photo" file="photos/*.jpg">Photos of the headphones</document>
    <document kind="screenshot" file="screenshots/*.png">The order page</document>
    <document kind="correspondence" title="Chat with customer service">
      <message from="Jelle de Vries" date="2026-10-28T14:02">Hello, my headphones have no sound on the left.</message>
      <message from="Amazon" date="2026-10-28T14:05">I am sorry to hear that. I have passed your request on.</message>
    </document>
  </evidence>
</claim>
EOF

end=$(date +%s)
photos=$(cat "$dir"/photos/*.jpg | wc -c)
shots=$(cat "$dir"/screenshots/*.png | wc -c)
echo "photos: 40 files, $((photos / 1048576)) MiB ($photos bytes)"
echo "screenshots: 10 files, $((shots / 1048576)) MiB ($shots bytes)"
echo "made in $((end - start)) s: $dir/claim.xml"
