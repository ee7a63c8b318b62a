== defective
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== damaged
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB). It risiko is pas op my oergien doe't it guod oan my oerlange waard (§ 475 Abs. 2, § 446 BGB).
== wrong-item
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== not-received
Juridyske grûnslach
Neffens § 475 Abs. 1 BGB moat de hanneler, as der gjin tiid ôfpraat is, daliks leverje en uterlik binnen 30 dagen nei it sluten fan de oerienkomst. Ik jou jo hjirby in reedlike termyn oant 30 novimber 2026 om it guod te leverjen. As dy ferrint sûnder levering, ûntbyn ik de oerienkomst (§ 323 Abs. 1 BGB). It risiko giet pas op my oer as it guod oan my oerlange is (§ 475 Abs. 2, § 446 BGB).
== late-delivery
Juridyske grûnslach
Neffens § 475 Abs. 1 BGB moat de hanneler, as der gjin tiid ôfpraat is, daliks leverje en uterlik binnen 30 dagen nei it sluten fan de oerienkomst. Ik jou jo hjirby in reedlike termyn oant 30 novimber 2026 om it guod te leverjen. As dy ferrint sûnder levering, ûntbyn ik de oerienkomst (§ 323 Abs. 1 BGB). It risiko giet pas op my oer as it guod oan my oerlange is (§ 475 Abs. 2, § 446 BGB).
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (§ 312g Abs. 1, § 355, § 356 Abs. 2 BGB), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (§ 357 Abs. 1 BGB). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. De Universalschlichtungsstelle des Bundes bemiddelet fergees foar de konsumint, as de hanneler meidocht, wat foar him frijwillich is. Foar in hanneler yn in oar lân fan de EU (Amazon EU S.à r.l. is bygelyks yn Lúksemboarch fêstige) helpt Europäisches Verbraucherzentrum Deutschland (EVZ) fergees by it skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens § 475 Abs. 1 BGB moat de hanneler, as der gjin tiid ôfpraat is, daliks leverje en uterlik binnen 30 dagen nei it sluten fan de oerienkomst. Ik jou jo hjirby in reedlike termyn oant 30 novimber 2026 om it guod te leverjen. As dy ferrint sûnder levering, ûntbyn ik de oerienkomst (§ 323 Abs. 1 BGB). It risiko giet pas op my oer as it guod oan my oerlange is (§ 475 Abs. 2, § 446 BGB).
