== defective
Fundamento jurídico
Según las sections 15 to 26 of the Consumer Rights Act 2022, los bienes deben ser conformes con el contrato. Se presume que toda falta de conformidad que se manifieste en el plazo de un año desde la entrega ya existía en ese momento (section 22 of the Consumer Rights Act 2022). Tengo derecho a la reparación o sustitución de los bienes (s. 25) y, en su defecto, a una reducción del precio o a la resolución del contrato (s. 26).
== damaged
Fundamento jurídico
Según las sections 15 to 26 of the Consumer Rights Act 2022, los bienes deben ser conformes con el contrato. Se presume que toda falta de conformidad que se manifieste en el plazo de un año desde la entrega ya existía en ese momento (section 22 of the Consumer Rights Act 2022). Tengo derecho a la reparación o sustitución de los bienes (s. 25) y, en su defecto, a una reducción del precio o a la resolución del contrato (s. 26).
== wrong-item
Fundamento jurídico
Según las sections 15 to 26 of the Consumer Rights Act 2022, los bienes deben ser conformes con el contrato. Se presume que toda falta de conformidad que se manifieste en el plazo de un año desde la entrega ya existía en ese momento (section 22 of the Consumer Rights Act 2022). Tengo derecho a la reparación o sustitución de los bienes (s. 25) y, en su defecto, a una reducción del precio o a la resolución del contrato (s. 26).
== not-received
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho irlandés, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (s. 36). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado en un plazo de 14 días (s. 31).
== late-delivery
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho irlandés, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (s. 36). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado en un plazo de 14 días (s. 31).
== billing
== refund-missing
Fundamento jurídico
Si el reembolso se debe a mi desistimiento del contrato en los 14 días siguientes a la recepción de los bienes (Directiva 2011/83/UE, art. 9, tal como se ha incorporado al Derecho irlandés), debe reembolsarme todos los pagos recibidos, incluidos los costes de la entrega estándar, sin demora indebida y a más tardar en los 14 días siguientes a la fecha en que se le informó del desistimiento; solo puede retener el reembolso hasta haber recibido los bienes o la prueba de su devolución (Directiva 2011/83/UE, art. 13, tal como se ha incorporado al Derecho irlandés). Si se debe a la resolución del contrato, se debe en un plazo de 14 días (s. 31). Si se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según las sections 15 to 26 of the Consumer Rights Act 2022, los bienes deben ser conformes con el contrato. Se presume que toda falta de conformidad que se manifieste en el plazo de un año desde la entrega ya existía en ese momento (section 22 of the Consumer Rights Act 2022). Tengo derecho a la reparación o sustitución de los bienes (s. 25) y, en su defecto, a una reducción del precio o a la resolución del contrato (s. 26).
== escalation
Fundamento jurídico
Presenté primero una reclamación por escrito al comerciante, el 30 de octubre de 2026, sin resultado, y ningún tribunal ni otro órgano de resolución de litigios está tratando este litigio. Las reclamaciones de hasta 2.000 € pueden presentarse en el procedimiento de escasa cuantía de la District Court si ambas partes están en Irlanda; de lo contrario, el proceso europeo de escasa cuantía está abierto para reclamaciones de hasta 5.000 €. Para un comerciante de otro país de la UE (Amazon EU S.à r.l., por ejemplo, está establecida en Luxemburgo), el ECC Ireland ayuda gratuitamente en este litigio.
== reminder
Fundamento jurídico
Según la Directiva 2011/83/UE sobre los derechos de los consumidores, tal como se ha incorporado al Derecho irlandés, el comerciante debe entregar los bienes en el momento acordado o, si no se acordó ninguno, sin demora indebida y a más tardar en un plazo de 30 días desde la celebración del contrato (s. 36). Por la presente le concedo un plazo adicional hasta el 30 de noviembre de 2026 para entregarlos. Si para entonces no se han entregado, tengo derecho a resolver el contrato, y se me debe reembolsar todo lo que he pagado en un plazo de 14 días (s. 31).
