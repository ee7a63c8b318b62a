== defective
Juridyske grûnslach
Neffens §§ 10 ff. VGG (Eastenrykske wet op de garânsje foar konsuminten) is de hanneler oanspraaklik foar gebrekken dy't it guod by it oerlangjen hat; de garânsjetermyn is twa jier nei it oerlangjen (§ 10 VGG). Ik freegje jo dêrom it gebrek fergees te ferhelpen troch reparaasje of ferfanging.
== damaged
Juridyske grûnslach
Neffens §§ 10 ff. VGG (Eastenrykske wet op de garânsje foar konsuminten) is de hanneler oanspraaklik foar gebrekken dy't it guod by it oerlangjen hat; de garânsjetermyn is twa jier nei it oerlangjen (§ 10 VGG). Ik freegje jo dêrom it gebrek fergees te ferhelpen troch reparaasje of ferfanging. It risiko is pas op my oergien doe't ik it guod yn besit krige (§ 7b KSchG).
== wrong-item
Juridyske grûnslach
Neffens §§ 10 ff. VGG (Eastenrykske wet op de garânsje foar konsuminten) is de hanneler oanspraaklik foar gebrekken dy't it guod by it oerlangjen hat; de garânsjetermyn is twa jier nei it oerlangjen (§ 10 VGG). Ik freegje jo dêrom it gebrek fergees te ferhelpen troch reparaasje of ferfanging.
== not-received
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Eastenrykske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (§ 7a KSchG). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde. It risiko fan ferlies fan it guod giet pas op my oer as ik it fysyk yn besit krigen haw (§ 7b KSchG).
== late-delivery
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Eastenrykske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (§ 7a KSchG). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde. It risiko fan ferlies fan it guod giet pas op my oer as ik it fysyk yn besit krigen haw (§ 7b KSchG).
== billing
== refund-missing
Juridyske grûnslach
As de werombetelling folget op it werroppen fan de oerienkomst troch my binnen 14 dagen nei't ik it guod krigen haw (§ 11 FAGG), moatte jo alle betellingen dy't jo fan my krigen hawwe, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen nei it berjocht oer it werroppen werombetelje; jo meie de werombetelling allinnich útstelle oant jo it guod werom hawwe of in bewiis dat ik it weromstjoerd haw (Rjochtline 2011/83/EU, kêst 13, sa't dy yn it Eastenrykske rjocht omset is). As se folget op it ûntbinen fan de oerienkomst om't it guod net levere is, moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde (Rjochtline 2011/83/EU, kêst 18, sa't dy yn it Eastenrykske rjocht omset is). As se folget op it weromstjoeren neffens jo eigen belied foar weromstjoeren, moatte jo de werombetelling dwaan dy't dat belied taseit.
== appeal
Juridyske grûnslach
Neffens §§ 10 ff. VGG (Eastenrykske wet op de garânsje foar konsuminten) is de hanneler oanspraaklik foar gebrekken dy't it guod by it oerlangjen hat; de garânsjetermyn is twa jier nei it oerlangjen (§ 10 VGG). Ik freegje jo dêrom it gebrek fergees te ferhelpen troch reparaasje of ferfanging.
== escalation
Juridyske grûnslach
Ik haw earst skriftlik by de hanneler klage, op 30 oktober 2026, sûnder resultaat, en gjin rjochter of oare ynstânsje foar skeel behannelet dit skeel. De Internet Ombudsstelle helpt fergees nei in besykjen ta in skikking mei de hanneler en salang't der gjin rjochtsaak is. Foar in hanneler yn in oar lân fan de EU (Amazon EU S.à r.l. is bygelyks yn Lúksemboarch fêstige) helpt Europäisches Verbraucherzentrum Österreich fergees by it skeel oer de grins hinne.
== reminder
Juridyske grûnslach
Neffens Rjochtline 2011/83/EU oer konsuminterjochten, sa't dy yn it Eastenrykske rjocht omset is, moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst (§ 7a KSchG). Ik jou jo hjirby in ekstra termyn oant 30 novimber 2026 om it te leverjen. As it guod dan net levere is, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde. It risiko fan ferlies fan it guod giet pas op my oer as ik it fysyk yn besit krigen haw (§ 7b KSchG).
