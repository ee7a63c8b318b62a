== defective
Juridyske grûnslach
Neffens Rjochtline (EU) 2019/771 oer de ferkeap fan guod, sa't dy yn it nasjonale rjocht omset is, is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt; it nasjonale rjocht kin in langere termyn jaan (kêst 10). Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie; it nasjonale rjocht kin twa jier jaan (kêst 11). Ik haw rjocht derop dat it guod fergees yn oerienstimming brocht wurdt troch reparaasje of ferfanging, nei myn kar en binnen in reedlike termyn nei't de ferkeaper it witten hat (kêst 14, lid 1), en oars op priisferleging of ûntbining fan de oerienkomst (kêst 13, 15 en 16).
== damaged
Juridyske grûnslach
Neffens Rjochtline (EU) 2019/771 oer de ferkeap fan guod, sa't dy yn it nasjonale rjocht omset is, is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt; it nasjonale rjocht kin in langere termyn jaan (kêst 10). Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie; it nasjonale rjocht kin twa jier jaan (kêst 11). Ik haw rjocht derop dat it guod fergees yn oerienstimming brocht wurdt troch reparaasje of ferfanging, nei myn kar en binnen in reedlike termyn nei't de ferkeaper it witten hat (kêst 14, lid 1), en oars op priisferleging of ûntbining fan de oerienkomst (kêst 13, 15 en 16). Boppedat giet it risiko fan ferlies of skea pas op my oer as ik it guod fysyk yn besit krigen haw (Rjochtline 2011/83/EU, kêst 20, sa't dy yn it nasjonale rjocht omset is).
== wrong-item
Juridyske grûnslach
Neffens Rjochtline (EU) 2019/771 oer de ferkeap fan guod, sa't dy yn it nasjonale rjocht omset is, is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt; it nasjonale rjocht kin in langere termyn jaan (kêst 10). Fan in gebrek oan oerienstimming dat binnen ien jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie; it nasjonale rjocht kin twa jier jaan (kêst 11). Ik haw rjocht derop dat it guod fergees yn oerienstimming brocht wurdt troch reparaasje of ferfanging, nei myn kar en binnen in reedlike termyn nei't de ferkeaper it witten hat (kêst 14, lid 1), en oars op priisferleging of ûntbining fan de oerienkomst (kêst 13, 15 en 16).
== not-received
Juridyske grûnslach
Neffens kêst 18 fan Rjochtline 2011/83/EU oer konsuminterjochten moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst. As it guod net levere wurdt binnen in ekstra termyn dy't by de omstannichheden past, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde. It risiko fan ferlies giet pas op my oer as ik it guod fysyk yn besit krigen haw (kêst 20).
== late-delivery
Juridyske grûnslach
Neffens kêst 18 fan Rjochtline 2011/83/EU oer konsuminterjochten moat de hanneler it guod op it ôfpraat momint leverje of, as der neat ôfpraat is, sûnder ûnnedige fertraging en uterlik binnen 30 dagen nei it sluten fan de oerienkomst. As it guod net levere wurdt binnen in ekstra termyn dy't by de omstannichheden past, mei ik de oerienkomst ûntbine en moat alles wat ik betelle haw sûnder ûnnedige fertraging werombetelle wurde. It risiko fan ferlies giet pas op my oer as ik it guod fysyk yn besit krigen haw (kêst 20).
== billing
== refund-missing
Juridyske grûnslach
Neffens kêst 13 fan Rjochtline 2011/83/EU oer konsuminterjochten moat de hanneler nei it werroppen fan in oerienkomst op ôfstân alle ûntfongen betellingen, ynklusyf de kosten fan de standert levering, sûnder ûnnedige fertraging en uterlik binnen 14 dagen werombetelje nei't er oer it werroppen ynformearre is. De hanneler mei de werombetelling allinnich útstelle oant er it guod werom krigen hat of ik oantoand haw dat ik it weromstjoerd haw.
== appeal
== escalation
