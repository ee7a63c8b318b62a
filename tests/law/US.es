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
Según la Mail, Internet, or Telephone Order Merchandise Rule de la FTC, 16 CFR Part 435 (§§ 435.1, 435.2), un vendedor debe enviar un pedido en el plazo que indicó o, si no indicó ninguno, en un plazo de 30 días (50 días si le solicité un crédito para pagarlo). Si no puede, debe comunicármelo y dejarme elegir entre aceptar el retraso o cancelar el pedido con un reembolso rápido: en 7 días hábiles o, en una compra a crédito, en un ciclo de facturación. Le ruego que envíe el pedido o me reembolse a más tardar el 30 de noviembre de 2026.
== late-delivery
Fundamento jurídico
Según la Mail, Internet, or Telephone Order Merchandise Rule de la FTC, 16 CFR Part 435 (§§ 435.1, 435.2), un vendedor debe enviar un pedido en el plazo que indicó o, si no indicó ninguno, en un plazo de 30 días (50 días si le solicité un crédito para pagarlo). Si no puede, debe comunicármelo y dejarme elegir entre aceptar el retraso o cancelar el pedido con un reembolso rápido: en 7 días hábiles o, en una compra a crédito, en un ciclo de facturación. Le ruego que envíe el pedido o me reembolse a más tardar el 30 de noviembre de 2026.
== billing
Fundamento jurídico
Esta carta se dirige a usted, el vendedor. Si el cargo se hizo en una tarjeta de crédito, la Fair Credit Billing Act (15 U.S.C. § 1666) me protege solo mediante una notificación escrita aparte que el emisor de mi tarjeta debe recibir en su dirección para consultas de facturación dentro de los 60 días siguientes al envío del primer extracto con el error; esta carta no es esa notificación, y la envío por separado al emisor de mi tarjeta.
== refund-missing
Fundamento jurídico
Si cancelé el pedido porque usted no pudo enviarlo a tiempo, la Mail, Internet, or Telephone Order Merchandise Rule, 16 CFR Part 435 (§§ 435.1, 435.2), exige un reembolso rápido: en 7 días hábiles o, en una compra a crédito, en un ciclo de facturación. Si el reembolso se debe a una devolución conforme a su propia política de devoluciones, se debe el reembolso que esa política promete.
== appeal
Fundamento jurídico
Según el UCC § 2-314 (implied warranty of merchantability), tal como lo ha adoptado mi estado, los bienes que vende un comerciante deben ser comerciables: aptos para los usos ordinarios de esos bienes y debidamente envasados y etiquetados. Esta carta es mi notificación del incumplimiento según el UCC § 2-607(3)(a), hecha en un plazo razonable desde que lo descubrí. Si se dio una garantía escrita, el proveedor no puede excluir las garantías implícitas, y el consumidor puede demandar por incumplimiento y recuperar los honorarios de abogado (Magnuson-Moss Warranty Act, 15 U.S.C. §§ 2308, 2310(d)).
== escalation
== reminder
Fundamento jurídico
Según la Mail, Internet, or Telephone Order Merchandise Rule de la FTC, 16 CFR Part 435 (§§ 435.1, 435.2), un vendedor debe enviar un pedido en el plazo que indicó o, si no indicó ninguno, en un plazo de 30 días (50 días si le solicité un crédito para pagarlo). Si no puede, debe comunicármelo y dejarme elegir entre aceptar el retraso o cancelar el pedido con un reembolso rápido: en 7 días hábiles o, en una compra a crédito, en un ciclo de facturación. Le ruego que envíe el pedido o me reembolse a más tardar el 30 de noviembre de 2026.
