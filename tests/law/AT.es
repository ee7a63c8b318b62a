== defective
Fundamento jurídico
Según los §§ 10 ff. VGG (Ley austriaca de garantía para consumidores), el comerciante responde de los defectos que tengan los bienes en el momento de la entrega; el plazo de garantía es de dos años desde la entrega (§ 10 VGG). Por ello le pido que subsane el defecto sin coste alguno mediante reparación o sustitución.
== damaged
Fundamento jurídico
Según los §§ 10 ff. VGG (Ley austriaca de garantía para consumidores), el comerciante responde de los defectos que tengan los bienes en el momento de la entrega; el plazo de garantía es de dos años desde la entrega (§ 10 VGG). Por ello le pido que subsane el defecto sin coste alguno mediante reparación o sustitución. El riesgo solo se me transmitió cuando obtuve la posesión de los bienes (§ 7b KSchG).
== wrong-item
Fundamento jurídico
Según los §§ 10 ff. VGG (Ley austriaca de garantía para consumidores), el comerciante responde de los defectos que tengan los bienes en el momento de la entrega; el plazo de garantía es de dos años desde la entrega (§ 10 VGG). Por ello le pido que subsane el defecto sin coste alguno mediante reparación o sustitución.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
