== defective
Fundamento jurídico
Según los articles 1649bis et suivants de l'ancien Code civil (Bélgica), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega (art. 1649quater ancien C. civ.); se presume que la que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (article 1649quater, § 4, de l'ancien Code civil). Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución, en un plazo razonable.
== damaged
Fundamento jurídico
Según los articles 1649bis et suivants de l'ancien Code civil (Bélgica), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega (art. 1649quater ancien C. civ.); se presume que la que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (article 1649quater, § 4, de l'ancien Code civil). Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución, en un plazo razonable.
== wrong-item
Fundamento jurídico
Según los articles 1649bis et suivants de l'ancien Code civil (Bélgica), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega (art. 1649quater ancien C. civ.); se presume que la que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (article 1649quater, § 4, de l'ancien Code civil). Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución, en un plazo razonable.
== not-received
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho belga, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
== late-delivery
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho belga, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
== billing
== refund-missing
Fundamento jurídico
Si el reembolso se debe a mi desistimiento del contrato en los 14 días siguientes a la recepción de los bienes (article VI.47 du Code de droit économique), debe reembolsarme todos los pagos recibidos, incluidos los costes de la entrega estándar, sin demora indebida y a más tardar en los 14 días siguientes a la fecha en que se le informó del desistimiento; solo puede retener el reembolso hasta haber recibido los bienes o la prueba de su devolución (Directiva 2011/83/UE, art. 13, tal como se ha incorporado al Derecho belga). Si se debe a la resolución del contrato porque los bienes no se entregaron, se me debe reembolsar todo lo que he pagado sin demora indebida (Directiva 2011/83/UE, art. 18, tal como se ha incorporado al Derecho belga). Si se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según los articles 1649bis et suivants de l'ancien Code civil (Bélgica), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de dos años desde la entrega (art. 1649quater ancien C. civ.); se presume que la que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (article 1649quater, § 4, de l'ancien Code civil). Le pido que ponga los bienes en conformidad sin coste alguno mediante reparación o sustitución, en un plazo razonable.
== escalation
Fundamento jurídico
Presenté primero una reclamación por escrito al comerciante, el 30 de octubre de 2026, sin resultado, y ningún tribunal ni otro órgano de resolución de litigios está tratando este litigio. El Service de Médiation pour le Consommateur tramita una reclamación sobre un comerciante establecido en Bélgica tras una reclamación escrita a ese comerciante, en un plazo de 12 meses y gratuitamente, salvo que un tribunal o un árbitro conozca del asunto. Para un comerciante de otro país de la UE (Amazon EU S.à r.l., por ejemplo, está establecida en Luxemburgo), el CEC Belgique ayuda gratuitamente en este litigio.
== reminder
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho belga, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (art. 18). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado sin demora indebida.
