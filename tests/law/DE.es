== defective
Fundamento jurídico
Según los §§ 434, 437, 439 BGB (Código Civil alemán), tengo derecho en primer lugar al cumplimiento posterior, mediante reparación o entrega de un bien nuevo, a mi elección. Debe realizarse en un plazo razonable desde que le informé del defecto y sin inconvenientes importantes para mí (§ 475 Abs. 5 BGB). Transcurrido ese plazo, puedo resolver el contrato sin fijar un plazo (§ 475d Abs. 1 BGB) o reducir el precio. Se presume que un defecto que se manifiesta en el plazo de un año desde la entrega ya existía en ese momento (§ 477 Abs. 1 BGB); mis derechos prescriben a los dos años de la entrega (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== damaged
Fundamento jurídico
Según los §§ 434, 437, 439 BGB (Código Civil alemán), tengo derecho en primer lugar al cumplimiento posterior, mediante reparación o entrega de un bien nuevo, a mi elección. Debe realizarse en un plazo razonable desde que le informé del defecto y sin inconvenientes importantes para mí (§ 475 Abs. 5 BGB). Transcurrido ese plazo, puedo resolver el contrato sin fijar un plazo (§ 475d Abs. 1 BGB) o reducir el precio. Se presume que un defecto que se manifiesta en el plazo de un año desde la entrega ya existía en ese momento (§ 477 Abs. 1 BGB); mis derechos prescriben a los dos años de la entrega (§ 438 Abs. 1 Nr. 3, § 475e BGB). El riesgo solo se me transmitió cuando se me entregaron los bienes (§ 475 Abs. 2, § 446 BGB).
== wrong-item
Fundamento jurídico
Según los §§ 434, 437, 439 BGB (Código Civil alemán), tengo derecho en primer lugar al cumplimiento posterior, mediante reparación o entrega de un bien nuevo, a mi elección. Debe realizarse en un plazo razonable desde que le informé del defecto y sin inconvenientes importantes para mí (§ 475 Abs. 5 BGB). Transcurrido ese plazo, puedo resolver el contrato sin fijar un plazo (§ 475d Abs. 1 BGB) o reducir el precio. Se presume que un defecto que se manifiesta en el plazo de un año desde la entrega ya existía en ese momento (§ 477 Abs. 1 BGB); mis derechos prescriben a los dos años de la entrega (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== not-received
Fundamento jurídico
Según el § 475 Abs. 1 BGB, si no se acordó un momento, el comerciante debe entregar de inmediato y a más tardar en un plazo de 30 días desde la celebración del contrato. Por la presente le fijo un plazo razonable hasta el 30 de noviembre de 2026 para entregar los bienes. Si transcurre sin entrega, resolveré el contrato (§ 323 Abs. 1 BGB). El riesgo solo se me transmite cuando se me entregan los bienes (§ 475 Abs. 2, § 446 BGB).
== late-delivery
Fundamento jurídico
Según el § 475 Abs. 1 BGB, si no se acordó un momento, el comerciante debe entregar de inmediato y a más tardar en un plazo de 30 días desde la celebración del contrato. Por la presente le fijo un plazo razonable hasta el 30 de noviembre de 2026 para entregar los bienes. Si transcurre sin entrega, resolveré el contrato (§ 323 Abs. 1 BGB). El riesgo solo se me transmite cuando se me entregan los bienes (§ 475 Abs. 2, § 446 BGB).
== billing
== refund-missing
Fundamento jurídico
Si el reembolso se debe a mi desistimiento del contrato en los 14 días siguientes a la recepción de los bienes (§ 312g Abs. 1, § 355, § 356 Abs. 2 BGB), debe reembolsarme todos los pagos recibidos, incluidos los costes de la entrega estándar, sin demora indebida y a más tardar en los 14 días siguientes a la fecha en que se le informó del desistimiento; solo puede retener el reembolso hasta haber recibido los bienes o la prueba de su devolución (§ 357 Abs. 1 BGB). Si se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según los §§ 434, 437, 439 BGB (Código Civil alemán), tengo derecho en primer lugar al cumplimiento posterior, mediante reparación o entrega de un bien nuevo, a mi elección. Debe realizarse en un plazo razonable desde que le informé del defecto y sin inconvenientes importantes para mí (§ 475 Abs. 5 BGB). Transcurrido ese plazo, puedo resolver el contrato sin fijar un plazo (§ 475d Abs. 1 BGB) o reducir el precio. Se presume que un defecto que se manifiesta en el plazo de un año desde la entrega ya existía en ese momento (§ 477 Abs. 1 BGB); mis derechos prescriben a los dos años de la entrega (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== escalation
Fundamento jurídico
Presenté primero una reclamación por escrito al comerciante, el 30 de octubre de 2026, sin resultado, y ningún tribunal ni otro órgano de resolución de litigios está tratando este litigio. La Universalschlichtungsstelle des Bundes media gratuitamente para el consumidor, si el comerciante participa, lo que para él es voluntario. Para un comerciante de otro país de la UE (Amazon EU S.à r.l., por ejemplo, está establecida en Luxemburgo), el Europäisches Verbraucherzentrum Deutschland (EVZ) ayuda gratuitamente en este litigio.
== reminder
Fundamento jurídico
Según el § 475 Abs. 1 BGB, si no se acordó un momento, el comerciante debe entregar de inmediato y a más tardar en un plazo de 30 días desde la celebración del contrato. Por la presente le fijo un plazo razonable hasta el 30 de noviembre de 2026 para entregar los bienes. Si transcurre sin entrega, resolveré el contrato (§ 323 Abs. 1 BGB). El riesgo solo se me transmite cuando se me entregan los bienes (§ 475 Abs. 2, § 446 BGB).
