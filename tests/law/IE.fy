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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
