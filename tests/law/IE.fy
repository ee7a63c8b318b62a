== defective
Juridyske grûnslach
Neffens sections 15 to 26 of the Consumer Rights Act 2022 moat it guod oan de oerienkomst foldwaan. Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (section 22 of the Consumer Rights Act 2022). Ik haw rjocht op reparaasje of ferfanging (s. 25), en oars op priisferleging of ûntbining fan de oerienkomst (s. 26).
== damaged
Juridyske grûnslach
Neffens sections 15 to 26 of the Consumer Rights Act 2022 moat it guod oan de oerienkomst foldwaan. Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (section 22 of the Consumer Rights Act 2022). Ik haw rjocht op reparaasje of ferfanging (s. 25), en oars op priisferleging of ûntbining fan de oerienkomst (s. 26).
== wrong-item
Juridyske grûnslach
Neffens sections 15 to 26 of the Consumer Rights Act 2022 moat it guod oan de oerienkomst foldwaan. Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (section 22 of the Consumer Rights Act 2022). Ik haw rjocht op reparaasje of ferfanging (s. 25), en oars op priisferleging of ûntbining fan de oerienkomst (s. 26).
== not-received
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Ierske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (s. 36). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw binnen 14 dagen (s. 31) werombetelle wurde.
== late-delivery
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Ierske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (s. 36). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw binnen 14 dagen (s. 31) werombetelle wurde.
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (Rjochtline 2011/83/EU, kêst 9, sa't dy yn it Ierske rjocht omset is), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (Rjochtline 2011/83/EU, kêst 13, sa't dy yn it Ierske rjocht omset is). As se folget op it ûntbinen fan de oerienkomst, moat se binnen 14 dagen dien wurde (s. 31). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens sections 15 to 26 of the Consumer Rights Act 2022 moat it guod oan de oerienkomst foldwaan. Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (section 22 of the Consumer Rights Act 2022). Ik haw rjocht op reparaasje of ferfanging (s. 25), en oars op priisferleging of ûntbining fan de oerienkomst (s. 26).
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. Easken oant €2.000 kinne nei de proseduere foar lytse easken fan de District Court as beide partijen yn Ierlân binne; oars stiet de Europeeske proseduere foar lytse easken iepen foar easken oant €5.000. Foar in hanneler yn in oar lân fan de EU (Amazon EU S.à r.l. is bygelyks yn Lúksemboarch fêstige) helpt ECC Ireland fergees by it skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Ierske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (s. 36). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw binnen 14 dagen (s. 31) werombetelle wurde.
