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
Neffens de Mail, Internet, or Telephone Order Merchandise Rule fan de FTC (16 CFR Part 435) moat in ferkeaper in bestelling ferstjoere binnen de termyn dy't er neamd hat of, as er gjin termyn neamde, binnen 30 dagen. Slagget dat net, dan moat er my dat witte litte en my kieze litte tusken ynstimmen mei de fertraging en annulearjen mei in flugge werombetelling.
== late-delivery
Juridyske grûnslach
Neffens de Mail, Internet, or Telephone Order Merchandise Rule fan de FTC (16 CFR Part 435) moat in ferkeaper in bestelling ferstjoere binnen de termyn dy't er neamd hat of, as er gjin termyn neamde, binnen 30 dagen. Slagget dat net, dan moat er my dat witte litte en my kieze litte tusken ynstimmen mei de fertraging en annulearjen mei in flugge werombetelling.
== billing
Juridyske grûnslach
As it bedrach fan in kredytkaart ôfskreaun is, kin ik it by de útjouwer fan de kaart bestride op grûn fan de Fair Credit Billing Act (15 U.S.C. §§ 1666–1666j), dy't konsuminten beskermet tsjin flaters yn de ôfrekkening fan kredytkaarten.
== refund-missing
== appeal
== escalation
