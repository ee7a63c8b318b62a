== defective
Juridyske grûnslach
Neffens de artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen trije jier nei de levering oan it ljocht komt (artículo 120 del TRLGDCU). Fan in gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artículo 121 del TRLGDCU). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== damaged
Juridyske grûnslach
Neffens de artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen trije jier nei de levering oan it ljocht komt (artículo 120 del TRLGDCU). Fan in gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artículo 121 del TRLGDCU). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== wrong-item
Juridyske grûnslach
Neffens de artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007) is de ferkeaper oanspraaklik foar elk gebrek oan oerienstimming dat binnen trije jier nei de levering oan it ljocht komt (artículo 120 del TRLGDCU). Fan in gebrek oan oerienstimming dat binnen twa jier nei de levering oan it ljocht komt, wurdt oannommen dat it der by de levering al wie (artículo 121 del TRLGDCU). Ik freegje jo it guod fergees en binnen in reedlike termyn yn oerienstimming te bringen troch reparaasje of ferfanging.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
