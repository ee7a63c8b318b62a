# tests/checklist/mkevidence.sh DIR: small valid evidence files for base.xml
# and the init skeletons (sourced by checklist.test and init.test).
mkevidence() {
    mkdir -p "$1/photos" "$1/mail"
    convert -size 8x8 xc:red "$1/photo.jpg"
    cp "$1/photo.jpg" "$1/photos/1.jpg"
    convert -size 8x8 xc:blue "$1/screen.png"
    cp "$1/screen.png" "$1/tracking.png"
    cp "$1/screen.png" "$1/statement.png"
    img2pdf -o "$1/invoice.pdf" "$1/screen.png" 2>/dev/null
    cp "$1/invoice.pdf" "$1/other.pdf"
    cp "$1/invoice.pdf" "$1/report.pdf"
    printf 'From: Seller <seller@example.com>\nTo: Jelle <jelle@example.nl>\nSubject: Your order\nDate: Tue, 28 Oct 2025 14:02:00 +0100\nMessage-ID: <1@example.com>\n\nWe are sorry to hear about the problem.\n' >"$1/seller.eml"
    cp "$1/seller.eml" "$1/mail/seller.eml"
}
