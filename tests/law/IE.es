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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
