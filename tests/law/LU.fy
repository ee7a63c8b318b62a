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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
