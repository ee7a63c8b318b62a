== defective
Fundamento jurídico
Según el art. 7:17 BW (Código Civil neerlandés), los bienes deben tener las propiedades que puedo esperar conforme al contrato, también para su uso normal. Este derecho no tiene un plazo fijo: los bienes deben durar lo que razonablemente puedo esperar. Esta carta es mi notificación según el art. 7:23 BW; la notificación en un plazo de dos meses desde que se descubre la falta de conformidad es oportuna. Tengo derecho a la reparación o sustitución (art. 7:21, 7:22 BW), en un plazo razonable y sin inconvenientes graves para mí (art. 7:21 lid 3 BW), o, en su defecto, a la resolución del contrato o a una reducción del precio.
== damaged
Fundamento jurídico
Según el art. 7:17 BW (Código Civil neerlandés), los bienes deben tener las propiedades que puedo esperar conforme al contrato, también para su uso normal. Este derecho no tiene un plazo fijo: los bienes deben durar lo que razonablemente puedo esperar. Esta carta es mi notificación según el art. 7:23 BW; la notificación en un plazo de dos meses desde que se descubre la falta de conformidad es oportuna. Tengo derecho a la reparación o sustitución (art. 7:21, 7:22 BW), en un plazo razonable y sin inconvenientes graves para mí (art. 7:21 lid 3 BW), o, en su defecto, a la resolución del contrato o a una reducción del precio.
== wrong-item
Fundamento jurídico
Según el art. 7:17 BW (Código Civil neerlandés), los bienes deben tener las propiedades que puedo esperar conforme al contrato, también para su uso normal. Este derecho no tiene un plazo fijo: los bienes deben durar lo que razonablemente puedo esperar. Esta carta es mi notificación según el art. 7:23 BW; la notificación en un plazo de dos meses desde que se descubre la falta de conformidad es oportuna. Tengo derecho a la reparación o sustitución (art. 7:21, 7:22 BW), en un plazo razonable y sin inconvenientes graves para mí (art. 7:21 lid 3 BW), o, en su defecto, a la resolución del contrato o a una reducción del precio.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
