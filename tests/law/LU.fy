== defective
Juridyske grûnslach
Neffens de articles L.212-1 et suivants du Code de la consommation (Lúksemboarch) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen tolve moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie. Ik freegje jo it guod fergees yn oerienstimming te bringen troch reparaasje of ferfanging. De termyn stiet stil salang't wy ûnderhannelje; antwurdzje my dêrom skriftlik.
== damaged
Juridyske grûnslach
Neffens de articles L.212-1 et suivants du Code de la consommation (Lúksemboarch) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen tolve moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie. Ik freegje jo it guod fergees yn oerienstimming te bringen troch reparaasje of ferfanging. De termyn stiet stil salang't wy ûnderhannelje; antwurdzje my dêrom skriftlik.
== wrong-item
Juridyske grûnslach
Neffens de articles L.212-1 et suivants du Code de la consommation (Lúksemboarch) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen tolve moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie. Ik freegje jo it guod fergees yn oerienstimming te bringen troch reparaasje of ferfanging. De termyn stiet stil salang't wy ûnderhannelje; antwurdzje my dêrom skriftlik.
== not-received
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Lúksemboarchske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== late-delivery
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Lúksemboarchske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (Rjochtline 2011/83/EU, kêst 9, sa't dy yn it Lúksemboarchske rjocht omset is), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (Rjochtline 2011/83/EU, kêst 13, sa't dy yn it Lúksemboarchske rjocht omset is). As se folget op it ûntbinen fan de oerienkomst om't it guod net levere is, moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde (Rjochtline 2011/83/EU, kêst 18, sa't dy yn it Lúksemboarchske rjocht omset is). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens de articles L.212-1 et suivants du Code de la consommation (Lúksemboarch) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt; fan in gebrek dat binnen tolve moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie. Ik freegje jo it guod fergees yn oerienstimming te bringen troch reparaasje of ferfanging. De termyn stiet stil salang't wy ûnderhannelje; antwurdzje my dêrom skriftlik.
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. De Médiateur de la consommation behannelet klachten oer hannelers dy't yn Lúksemboarch fêstige binne fan konsuminten út elk lân fan de EU, nei in klacht by de hanneler en binnen ien jier dêrnei, fergees; Amazon EU S.à r.l. is yn Lúksemboarch fêstige. CEC Luxembourg helpt by skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Lúksemboarchske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (kêst 18). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde.
