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
== late-delivery
== billing
== refund-missing
== appeal
== escalation
