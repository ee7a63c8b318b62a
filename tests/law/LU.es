== defective
Fundamento jurídico
Según los articles L.212-1 et suivants du Code de la consommation (Luxemburgo), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega; se presume que la que se manifieste en los doce meses siguientes a la entrega ya existía en ese momento. Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución. El plazo se interrumpe mientras negociamos, por lo que le ruego que me responda por escrito.
== damaged
Fundamento jurídico
Según los articles L.212-1 et suivants du Code de la consommation (Luxemburgo), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega; se presume que la que se manifieste en los doce meses siguientes a la entrega ya existía en ese momento. Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución. El plazo se interrumpe mientras negociamos, por lo que le ruego que me responda por escrito.
== wrong-item
Fundamento jurídico
Según los articles L.212-1 et suivants du Code de la consommation (Luxemburgo), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega; se presume que la que se manifieste en los doce meses siguientes a la entrega ya existía en ese momento. Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución. El plazo se interrumpe mientras negociamos, por lo que le ruego que me responda por escrito.
== not-received
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho luxemburgués, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
== late-delivery
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho luxemburgués, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
== billing
== refund-missing
Fundamento jurídico
Si el reembolso se debe a mi desistimiento del contrato en los 14 días siguientes a la recepción de los bienes (Directiva 2011/83/UE, art. 9, tal como se ha incorporado al Derecho luxemburgués), debe reembolsarme todos los pagos recibidos, incluidos los costes de la entrega estándar, sin demora indebida y a más tardar en los 14 días siguientes a la fecha en que se le informó del desistimiento; solo puede retener el reembolso hasta haber recibido los bienes o la prueba de su devolución (Directiva 2011/83/UE, art. 13, tal como se ha incorporado al Derecho luxemburgués). Si se debe a la resolución del contrato porque los bienes no se entregaron, se me debe reembolsar todo lo que he pagado sin demora indebida (Directiva 2011/83/UE, art. 18, tal como se ha incorporado al Derecho luxemburgués). Si se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según los articles L.212-1 et suivants du Code de la consommation (Luxemburgo), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega; se presume que la que se manifieste en los doce meses siguientes a la entrega ya existía en ese momento. Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución. El plazo se interrumpe mientras negociamos, por lo que le ruego que me responda por escrito.
== escalation
Fundamento jurídico
Presenté primero una reclamación por escrito al comerciante, el 30 de octubre de 2026, sin resultado, y ningún tribunal ni otro órgano de resolución de litigios está tratando este litigio. El Médiateur de la consommation tramita reclamaciones sobre comerciantes establecidos en Luxemburgo de consumidores de cualquier país de la UE, tras una reclamación al comerciante y en el plazo de un año desde esta, gratuitamente; Amazon EU S.à r.l. está establecida en Luxemburgo. El CEC Luxembourg ayuda en los litigios con comerciantes de otros países de la UE.
== reminder
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho luxemburgués, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
