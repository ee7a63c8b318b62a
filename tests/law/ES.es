== defective
Fundamento jurídico
Según los artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de tres años desde la entrega (artículo 120 del TRLGDCU). Se presume que toda falta de conformidad que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (artículo 121 del TRLGDCU). Le pido que ponga los bienes en conformidad mediante reparación o sustitución, sin coste alguno y en un plazo razonable.
== damaged
Fundamento jurídico
Según los artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de tres años desde la entrega (artículo 120 del TRLGDCU). Se presume que toda falta de conformidad que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (artículo 121 del TRLGDCU). Le pido que ponga los bienes en conformidad mediante reparación o sustitución, sin coste alguno y en un plazo razonable.
== wrong-item
Fundamento jurídico
Según los artículos 114 y siguientes del TRLGDCU (Real Decreto Legislativo 1/2007), el vendedor responde de cualquier falta de conformidad que se manifieste en un plazo de tres años desde la entrega (artículo 120 del TRLGDCU). Se presume que toda falta de conformidad que se manifieste en los dos años siguientes a la entrega ya existía en ese momento (artículo 121 del TRLGDCU). Le pido que ponga los bienes en conformidad mediante reparación o sustitución, sin coste alguno y en un plazo razonable.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
