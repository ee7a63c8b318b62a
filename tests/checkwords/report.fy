# fy NL
claim.xml: eask oer in produkt mei in brek

Kontrôle:
  oanwêzich          Namme fan de easker
  oanwêzich          E-mailadres of telefoannûmer fan de easker
  oanwêzich          Nûmer fan de bestelling
  oanwêzich          Datum fan de bestelling
  oanwêzich          Produkt
  oanwêzich          Gearfetting fan it probleem
  oanwêzich          Teminsten ien feit
  oanwêzich          Frege oplossing
  ûntbrekt           Bewiis fan oankeap
                     set <document kind="proof-of-purchase" file="..."> yn <evidence>: Amazon: jo bestellingen › faktuer, of de e-mail dy't de bestelling befêstiget
  oanwêzich          Foto of ôfbylding fan it skerm
  oanrekommandearre  Korrespondinsje mei de ferkeaper
                     set <document kind="correspondence" file="..."> yn <evidence>: it lit sjen dat jo it yn goed oerlis besocht hawwe (jo e-mail: sykje op de namme fan de ferkeaper; Amazon: jo account › berjochten)
  oanwêzich          Technysk rapport

Bewiisstikken:
  photo.jpg: JPEG-ôfbylding, 8×8
  screen.png: PNG-ôfbylding, 8×8
  other.pdf: pdf-dokumint, 1 side
  tracking.png: PNG-ôfbylding, 8×8
  report.pdf: pdf-dokumint, 1 side

Termyn:
  tink derom         2025-11-03  Rjocht fan ôfsjen (14 dagen nei de levering; sûnder opjefte fan redenen; oant 12 moannen langer as de ferkeaper jo net oer dit rjocht ynformearre hat): ferrûn
  tink derom         2025-11-19  Termyn foar weromstjoeren by Amazon (belied fan Amazon, gjin wet) (30 dagen nei de levering; foar de measte artikels)
  yn oarder          2025-12-26  Melding fan it brek oan de ferkeaper (art. 7:23 BW) (2 moannen neidat jo it brek ûntdutsen; in melding binnen dizze tiid is altyd op 'e tiid, in lettere melding is net fansels te let; der is gjin fêste garânsjetermyn: it produkt moat sa lang meigean as jo ferwachtsje meie)
  yn oarder          2026-01-03  A-tot-z-garantie fan Amazon (90 dagen nei de lêste ferwachte datum fan levering)
  yn oarder          2026-10-20  Fermoeden dat it brek der by de levering al wie (1 jier nei de levering)
  yn oarder          2027-11-16  Eask by de rjochter nei jo melding (art. 7:23 BW) (2 jier nei dizze brief; mei dizze brief as melding)
