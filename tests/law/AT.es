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
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho austriaco, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (§ 7a KSchG). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida. El riesgo de pérdida de los bienes solo se me transmite cuando adquiero su posesión material (§ 7b KSchG).
== late-delivery
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho austriaco, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (§ 7a KSchG). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida. El riesgo de pérdida de los bienes solo se me transmite cuando adquiero su posesión material (§ 7b KSchG).
== billing
== refund-missing
Fundamento jurídico
Si el reembolso se debe a mi desistimiento del contrato en los 14 días siguientes a la recepción de los bienes (§ 11 FAGG), debe reembolsarme todos los pagos recibidos, incluidos los costes de la entrega estándar, sin demora indebida y a más tardar en los 14 días siguientes a la fecha en que se le informó del desistimiento; solo puede retener el reembolso hasta haber recibido los bienes o la prueba de su devolución (Directiva 2011/83/UE, art. 13, tal como se ha incorporado al Derecho austriaco). Si se debe a la resolución del contrato porque los bienes no se entregaron, se me debe reembolsar todo lo que he pagado sin demora indebida (Directiva 2011/83/UE, art. 18, tal como se ha incorporado al Derecho austriaco). Si se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según los §§ 10 ff. VGG (Ley austriaca de garantía para consumidores), el comerciante responde de los defectos que tengan los bienes en el momento de la entrega; el plazo de garantía es de dos años desde la entrega (§ 10 VGG). Por ello le pido que subsane el defecto sin coste alguno mediante reparación o sustitución.
== escalation
Fundamento jurídico
Presenté primero una reclamación por escrito al comerciante, el 30 de octubre de 2026, sin resultado, y ningún tribunal ni otro órgano de resolución de litigios está tratando este litigio. La Internet Ombudsstelle ayuda gratuitamente tras un intento de acuerdo con el comerciante y mientras no haya un proceso judicial pendiente. Para un comerciante de otro país de la UE (Amazon EU S.à r.l., por ejemplo, está establecida en Luxemburgo), el Europäisches Verbraucherzentrum Österreich ayuda gratuitamente en este litigio.
== reminder
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho austriaco, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (§ 7a KSchG). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida. El riesgo de pérdida de los bienes solo se me transmite cuando adquiero su posesión material (§ 7b KSchG).
