== defective
Juridyske grûnslach
Neffens de Consumer Rights Act 2015, ss. 9–11 moat guod fan in befredigjende kwaliteit wêze, geskikt foar it doel en sa't it beskreaun is. Binnen 30 dagen, te rekkenjen fan de dei nei de levering ôf, mei ik guod dat net oan de oerienkomst foldocht wegerje (s. 22); de hanneler moat it jild binnen 14 dagen weromjaan nei't er erkend hat dat ik dêr rjocht op haw (s. 20(15)). Ynplak dêrfan mei ik reparaasje of ferfanging easkje, binnen in reedlike termyn en sûnder slimme oerlêst foar my (s. 23); as ien reparaasje of ferfanging mislearret, mei ik priisferleging freegje of it guod foar altyd wegerje (s. 24). Foar reparaasje of ferfanging en foar dy lettere rjochten jildt: fan guod dat binnen seis moanne nei de levering net oan de oerienkomst foldocht, wurdt oannommen dat it by de levering al net foldie, útsein as de hanneler it tsjindiel bewiist (s. 19(14)–(15)); dat jildt net foar it wegerjen binnen 30 dagen.
== damaged
Juridyske grûnslach
Neffens de Consumer Rights Act 2015, ss. 9–11 moat guod fan in befredigjende kwaliteit wêze, geskikt foar it doel en sa't it beskreaun is. Binnen 30 dagen, te rekkenjen fan de dei nei de levering ôf, mei ik guod dat net oan de oerienkomst foldocht wegerje (s. 22); de hanneler moat it jild binnen 14 dagen weromjaan nei't er erkend hat dat ik dêr rjocht op haw (s. 20(15)). Ynplak dêrfan mei ik reparaasje of ferfanging easkje, binnen in reedlike termyn en sûnder slimme oerlêst foar my (s. 23); as ien reparaasje of ferfanging mislearret, mei ik priisferleging freegje of it guod foar altyd wegerje (s. 24). Foar reparaasje of ferfanging en foar dy lettere rjochten jildt: fan guod dat binnen seis moanne nei de levering net oan de oerienkomst foldocht, wurdt oannommen dat it by de levering al net foldie, útsein as de hanneler it tsjindiel bewiist (s. 19(14)–(15)); dat jildt net foar it wegerjen binnen 30 dagen. It guod bleau foar risiko fan de hanneler oant ik it fysyk yn besit krige (s. 29).
== wrong-item
Juridyske grûnslach
Neffens de Consumer Rights Act 2015, ss. 9–11 moat guod fan in befredigjende kwaliteit wêze, geskikt foar it doel en sa't it beskreaun is. Binnen 30 dagen, te rekkenjen fan de dei nei de levering ôf, mei ik guod dat net oan de oerienkomst foldocht wegerje (s. 22); de hanneler moat it jild binnen 14 dagen weromjaan nei't er erkend hat dat ik dêr rjocht op haw (s. 20(15)). Ynplak dêrfan mei ik reparaasje of ferfanging easkje, binnen in reedlike termyn en sûnder slimme oerlêst foar my (s. 23); as ien reparaasje of ferfanging mislearret, mei ik priisferleging freegje of it guod foar altyd wegerje (s. 24). Foar reparaasje of ferfanging en foar dy lettere rjochten jildt: fan guod dat binnen seis moanne nei de levering net oan de oerienkomst foldocht, wurdt oannommen dat it by de levering al net foldie, útsein as de hanneler it tsjindiel bewiist (s. 19(14)–(15)); dat jildt net foar it wegerjen binnen 30 dagen.
== not-received
Juridyske grûnslach
Neffens de Consumer Rights Act 2015 moat de hanneler, útsein as der wat oars ôfpraat is, it guod sûnder ûnnedige fertraging en yn alle gefallen binnen 30 dagen nei it sluten fan de oerienkomst leverje (kêst 28), en bliuwt it guod foar syn risiko oant ik it fysyk yn besit krigen haw (kêst 29).
== late-delivery
Juridyske grûnslach
Neffens de Consumer Rights Act 2015 moat de hanneler, útsein as der wat oars ôfpraat is, it guod sûnder ûnnedige fertraging en yn alle gefallen binnen 30 dagen nei it sluten fan de oerienkomst leverje (kêst 28), en bliuwt it guod foar syn risiko oant ik it fysyk yn besit krigen haw (kêst 29).
== billing
== refund-missing
== appeal
== escalation
