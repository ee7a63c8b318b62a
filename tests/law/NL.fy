== defective
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== damaged
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== wrong-item
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== not-received
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Nederlânske Boargerlik Wetboek omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== late-delivery
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Nederlânske Boargerlik Wetboek omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (art. 6:230o BW), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (Rjochtline 2011/83/EU, kêst 13, sa't dy yn it Nederlânske Boargerlik Wetboek omset is). As se folget op it ûntbinen fan de oerienkomst om't it guod net levere is, moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde (Rjochtline 2011/83/EU, kêst 18, sa't dy yn it Nederlânske Boargerlik Wetboek omset is). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. De Geschillencommissie Thuiswinkel nimt in klacht yn behanneling as de webwinkel fjouwer wiken de tiid hân hat om te antwurdzjen, en binnen 12 moanne nei de klacht by de webwinkel. Foar in hanneler yn in oar lân fan de EU (Amazon EU S.à r.l. is bygelyks yn Lúksemboarch fêstige) helpt ECC Nederland fergees by it skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Nederlânske Boargerlik Wetboek omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
