== defective
Juridyske grûnslach
Neffens de artikelen 1649bis e.v. van het oud Burgerlijk Wetboek (België) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artikel 1649quater, § 4, oud BW). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== damaged
Juridyske grûnslach
Neffens de artikelen 1649bis e.v. van het oud Burgerlijk Wetboek (België) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artikel 1649quater, § 4, oud BW). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== wrong-item
Juridyske grûnslach
Neffens de artikelen 1649bis e.v. van het oud Burgerlijk Wetboek (België) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artikel 1649quater, § 4, oud BW). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== not-received
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Belgyske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== late-delivery
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Belgyske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (artikel VI.47 WER), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (Rjochtline 2011/83/EU, kêst 13, sa't dy yn it Belgyske rjocht omset is). As se folget op it ûntbinen fan de oerienkomst om't it guod net levere is, moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde (Rjochtline 2011/83/EU, kêst 18, sa't dy yn it Belgyske rjocht omset is). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens de artikelen 1649bis e.v. van het oud Burgerlijk Wetboek (België) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artikel 1649quater, § 4, oud BW). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. De Consumentenombudsdienst behannelet in klacht oer in hanneler dy't yn België fêstige is nei in skriftlike klacht by dy hanneler, binnen 12 moanne en fergees, útsein as in rjochter of skiedsrjochter de saak behannelet. Foar in hanneler yn in oar lân fan de EU (Amazon EU S.à r.l. is bygelyks yn Lúksemboarch fêstige) helpt ECC België fergees by it skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Belgyske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
