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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
