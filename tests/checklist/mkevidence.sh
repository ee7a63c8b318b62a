# tests/checklist/mkevidence.sh DIR: small valid evidence files for base.xml
# and the init skeletons (sourced by checklist.test and init.test), copied
# from tests/fixtures/evidence (see the README there).
mkevidence() {
    _fx="$top_srcdir/tests/fixtures/evidence"
    mkdir -p "$1/photos" "$1/mail" || return 1
    for _f in photo.jpg photos/1.jpg screen.png tracking.png statement.png invoice.pdf other.pdf \
              report.pdf seller.eml mail/seller.eml; do
        case $_f in
        *.jpg) _src=photo.jpg ;;
        *.png) _src=screen.png ;;
        *.pdf) _src=invoice.pdf ;;
        *.eml) _src=seller.eml ;;
        esac
        cp "$_fx/$_src" "$1/$_f" || return 1
    done
}
