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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
