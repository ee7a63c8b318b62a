== defective
Fundamento jurídico
Según los articles L217-3 et suivants du Code de la consommation, el vendedor responde de toda falta de conformidad que exista en el momento de la entrega y se manifieste en un plazo de dos años desde esta. Se presume que toda falta de conformidad que se manifieste en los 24 meses siguientes a la entrega ya existía en ese momento (article L217-7 du Code de la consommation). Puedo elegir entre la reparación y la sustitución (articles L217-8 et L217-9); los bienes deben ponerse en conformidad sin coste alguno, sin inconvenientes importantes para mí y en un plazo razonable que no puede superar los treinta días desde mi solicitud (article L217-10 du Code de la consommation). En su defecto, tengo derecho a una reducción del precio o a la resolución del contrato.
== damaged
Fundamento jurídico
Según los articles L217-3 et suivants du Code de la consommation, el vendedor responde de toda falta de conformidad que exista en el momento de la entrega y se manifieste en un plazo de dos años desde esta. Se presume que toda falta de conformidad que se manifieste en los 24 meses siguientes a la entrega ya existía en ese momento (article L217-7 du Code de la consommation). Puedo elegir entre la reparación y la sustitución (articles L217-8 et L217-9); los bienes deben ponerse en conformidad sin coste alguno, sin inconvenientes importantes para mí y en un plazo razonable que no puede superar los treinta días desde mi solicitud (article L217-10 du Code de la consommation). En su defecto, tengo derecho a una reducción del precio o a la resolución del contrato.
== wrong-item
Fundamento jurídico
Según los articles L217-3 et suivants du Code de la consommation, el vendedor responde de toda falta de conformidad que exista en el momento de la entrega y se manifieste en un plazo de dos años desde esta. Se presume que toda falta de conformidad que se manifieste en los 24 meses siguientes a la entrega ya existía en ese momento (article L217-7 du Code de la consommation). Puedo elegir entre la reparación y la sustitución (articles L217-8 et L217-9); los bienes deben ponerse en conformidad sin coste alguno, sin inconvenientes importantes para mí y en un plazo razonable que no puede superar los treinta días desde mi solicitud (article L217-10 du Code de la consommation). En su defecto, tengo derecho a una reducción del precio o a la resolución del contrato.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
