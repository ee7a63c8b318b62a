== defective
Juridyske grûnslach
Neffens UCC § 2-314 (implied warranty of merchantability), sa't dy yn myn steat oernommen is, moat guod dat in hanneler ferkeapet geskikt wêze foar it gewoane gebrûk fan sok guod, en goed ferpakt en fan in etiket foarsjoen wêze. Dizze brief is myn melding fan it tekoart neffens UCC § 2-607(3)(a), dien binnen in reedlike termyn nei't ik it fûn. As der in skriftlike garânsje jûn is, mei de leveransier de stilswijende garânsjes net útslute, en kin in konsumint in rjochtsaak begjinne en de kosten fan de advokaat weromkrije (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== damaged
Juridyske grûnslach
Neffens UCC § 2-314 (implied warranty of merchantability), sa't dy yn myn steat oernommen is, moat guod dat in hanneler ferkeapet geskikt wêze foar it gewoane gebrûk fan sok guod, en goed ferpakt en fan in etiket foarsjoen wêze. Dizze brief is myn melding fan it tekoart neffens UCC § 2-607(3)(a), dien binnen in reedlike termyn nei't ik it fûn. As der in skriftlike garânsje jûn is, mei de leveransier de stilswijende garânsjes net útslute, en kin in konsumint in rjochtsaak begjinne en de kosten fan de advokaat weromkrije (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== wrong-item
Juridyske grûnslach
Neffens UCC § 2-314 (implied warranty of merchantability), sa't dy yn myn steat oernommen is, moat guod dat in hanneler ferkeapet geskikt wêze foar it gewoane gebrûk fan sok guod, en goed ferpakt en fan in etiket foarsjoen wêze. Dizze brief is myn melding fan it tekoart neffens UCC § 2-607(3)(a), dien binnen in reedlike termyn nei't ik it fûn. As der in skriftlike garânsje jûn is, mei de leveransier de stilswijende garânsjes net útslute, en kin in konsumint in rjochtsaak begjinne en de kosten fan de advokaat weromkrije (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== not-received
Juridyske grûnslach
Neffens de Mail, Internet, or Telephone Order Merchandise Rule fan de FTC, 16 CFR Part 435 (§§ 435.1, 435.2), moat in ferkeaper in bestelling ferstjoere binnen de termyn dy't er opjûn hat of, as er gjin termyn opjûn hat, binnen 30 dagen (50 dagen as ik by jo kredyt oanfrege haw om te beteljen). As dat net slagget, moat er my dat witte litte en my kieze litte tusken ynstimmen mei de fertraging of de bestelling annulearje mei in flugge werombetelling: binnen 7 wurkdagen, of by in oankeap op kredyt binnen ien perioade fan de faktuer. Ferstjoer de bestelling of betelje my werom uterlik op 30 novimber 2026.
== late-delivery
Juridyske grûnslach
Neffens de Mail, Internet, or Telephone Order Merchandise Rule fan de FTC, 16 CFR Part 435 (§§ 435.1, 435.2), moat in ferkeaper in bestelling ferstjoere binnen de termyn dy't er opjûn hat of, as er gjin termyn opjûn hat, binnen 30 dagen (50 dagen as ik by jo kredyt oanfrege haw om te beteljen). As dat net slagget, moat er my dat witte litte en my kieze litte tusken ynstimmen mei de fertraging of de bestelling annulearje mei in flugge werombetelling: binnen 7 wurkdagen, of by in oankeap op kredyt binnen ien perioade fan de faktuer. Ferstjoer de bestelling of betelje my werom uterlik op 30 novimber 2026.
== billing
Juridyske grûnslach
Dizze brief is rjochte oan jo, de ferkeaper. As it bedrach op in kredytkaart boekt is, beskermet de Fair Credit Billing Act (15 U.S.C. § 1666) my allinnich troch in aparte skriftlike melding dy't de útjouwer fan myn kaart ûntfange moat op syn adres foar fragen oer faktueren binnen 60 dagen nei't er it earste oersjoch mei de flater ferstjoerd hat; dizze brief is dy melding net, en ik stjoer dy melding apart nei de útjouwer fan myn kaart.
== refund-missing
Juridyske grûnslach
As ik de bestelling annulearre haw om't jo dy net op 'e tiid ferstjoere koene, easket de Mail, Internet, or Telephone Order Merchandise Rule, 16 CFR Part 435 (§§ 435.1, 435.2), in flugge werombetelling: binnen 7 wurkdagen, of by in oankeap op kredyt binnen ien perioade fan de faktuer. As de werombetelling folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens UCC § 2-314 (implied warranty of merchantability), sa't dy yn myn steat oernommen is, moat guod dat in hanneler ferkeapet geskikt wêze foar it gewoane gebrûk fan sok guod, en goed ferpakt en fan in etiket foarsjoen wêze. Dizze brief is myn melding fan it tekoart neffens UCC § 2-607(3)(a), dien binnen in reedlike termyn nei't ik it fûn. As der in skriftlike garânsje jûn is, mei de leveransier de stilswijende garânsjes net útslute, en kin in konsumint in rjochtsaak begjinne en de kosten fan de advokaat weromkrije (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== escalation
== reminder
Juridyske grûnslach
Neffens de Mail, Internet, or Telephone Order Merchandise Rule fan de FTC, 16 CFR Part 435 (§§ 435.1, 435.2), moat in ferkeaper in bestelling ferstjoere binnen de termyn dy't er opjûn hat of, as er gjin termyn opjûn hat, binnen 30 dagen (50 dagen as ik by jo kredyt oanfrege haw om te beteljen). As dat net slagget, moat er my dat witte litte en my kieze litte tusken ynstimmen mei de fertraging of de bestelling annulearje mei in flugge werombetelling: binnen 7 wurkdagen, of by in oankeap op kredyt binnen ien perioade fan de faktuer. Ferstjoer de bestelling of betelje my werom uterlik op 30 novimber 2026.
