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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
