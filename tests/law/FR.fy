== defective
Juridyske grûnslach
Neffens de articles L217-3 et suivants du Code de la consommation stiet de ferkeaper yn foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt. Fan in gebrek oan oerienstimming dat binnen 24 moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (article L217-7 du Code de la consommation). Ik kin kieze tusken reparaasje en ferfanging (articles L217-8 et L217-9); it guod moat fergees yn oerienstimming brocht wurde, sûnder slimme oerlêst foar my en binnen in reedlike termyn fan op syn heechst tritich dagen nei myn fersyk (article L217-10 du Code de la consommation). Oars haw ik rjocht op priisferleging of ûntbining fan de oerienkomst.
== damaged
Juridyske grûnslach
Neffens de articles L217-3 et suivants du Code de la consommation stiet de ferkeaper yn foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt. Fan in gebrek oan oerienstimming dat binnen 24 moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (article L217-7 du Code de la consommation). Ik kin kieze tusken reparaasje en ferfanging (articles L217-8 et L217-9); it guod moat fergees yn oerienstimming brocht wurde, sûnder slimme oerlêst foar my en binnen in reedlike termyn fan op syn heechst tritich dagen nei myn fersyk (article L217-10 du Code de la consommation). Oars haw ik rjocht op priisferleging of ûntbining fan de oerienkomst.
== wrong-item
Juridyske grûnslach
Neffens de articles L217-3 et suivants du Code de la consommation stiet de ferkeaper yn foar elk gebrek oan oerienstimming dat der by de levering al is en binnen twa jier dêrnei oan it ljocht komt. Fan in gebrek oan oerienstimming dat binnen 24 moanne nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (article L217-7 du Code de la consommation). Ik kin kieze tusken reparaasje en ferfanging (articles L217-8 et L217-9); it guod moat fergees yn oerienstimming brocht wurde, sûnder slimme oerlêst foar my en binnen in reedlike termyn fan op syn heechst tritich dagen nei myn fersyk (article L217-10 du Code de la consommation). Oars haw ik rjocht op priisferleging of ûntbining fan de oerienkomst.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
