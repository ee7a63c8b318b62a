== defective
Fundamento jurídico
Según el UCC § 2-314 (implied warranty of merchantability), tal como lo ha adoptado mi estado, los bienes que vende un comerciante deben ser comerciables: aptos para los usos ordinarios de esos bienes y debidamente envasados y etiquetados. Esta carta es mi notificación del incumplimiento según el UCC § 2-607(3)(a), hecha en un plazo razonable desde que lo descubrí. Si se dio una garantía escrita, el proveedor no puede excluir las garantías implícitas, y el consumidor puede demandar por incumplimiento y recuperar los honorarios de abogado (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== damaged
Fundamento jurídico
Según el UCC § 2-314 (implied warranty of merchantability), tal como lo ha adoptado mi estado, los bienes que vende un comerciante deben ser comerciables: aptos para los usos ordinarios de esos bienes y debidamente envasados y etiquetados. Esta carta es mi notificación del incumplimiento según el UCC § 2-607(3)(a), hecha en un plazo razonable desde que lo descubrí. Si se dio una garantía escrita, el proveedor no puede excluir las garantías implícitas, y el consumidor puede demandar por incumplimiento y recuperar los honorarios de abogado (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== wrong-item
Fundamento jurídico
Según el UCC § 2-314 (implied warranty of merchantability), tal como lo ha adoptado mi estado, los bienes que vende un comerciante deben ser comerciables: aptos para los usos ordinarios de esos bienes y debidamente envasados y etiquetados. Esta carta es mi notificación del incumplimiento según el UCC § 2-607(3)(a), hecha en un plazo razonable desde que lo descubrí. Si se dio una garantía escrita, el proveedor no puede excluir las garantías implícitas, y el consumidor puede demandar por incumplimiento y recuperar los honorarios de abogado (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== not-received
Fundamento jurídico
Según la Mail, Internet, or Telephone Order Merchandise Rule de la FTC (16 CFR Part 435), el vendedor debe enviar el pedido en el plazo que indicó o, si no indicó ninguno, en un plazo de 30 días. Si no puede hacerlo, debe comunicármelo y dejarme elegir entre aceptar el retraso y cancelar el pedido con un reembolso rápido.
== late-delivery
Fundamento jurídico
Según la Mail, Internet, or Telephone Order Merchandise Rule de la FTC (16 CFR Part 435), el vendedor debe enviar el pedido en el plazo que indicó o, si no indicó ninguno, en un plazo de 30 días. Si no puede hacerlo, debe comunicármelo y dejarme elegir entre aceptar el retraso y cancelar el pedido con un reembolso rápido.
== billing
Fundamento jurídico
Si el cargo se hizo en una tarjeta de crédito, puedo impugnarlo ante el emisor de la tarjeta conforme a la Fair Credit Billing Act (15 U.S.C. §§ 1666–1666j), que protege a los consumidores frente a errores de facturación en las cuentas de tarjetas de crédito.
== refund-missing
== appeal
== escalation
