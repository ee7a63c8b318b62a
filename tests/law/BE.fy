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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
