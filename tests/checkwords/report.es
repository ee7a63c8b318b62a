# es ES
claim.xml: reclamación por un producto defectuoso

Lista de comprobación:
  presente     Nombre del reclamante
  presente     Correo electrónico o teléfono del reclamante
  presente     Número de pedido
  presente     Fecha del pedido
  presente     Producto
  presente     Resumen del problema
  presente     Al menos un hecho
  presente     Solución solicitada
  falta        Prueba de compra
               añada <document kind="proof-of-purchase" file="..."> a <evidence>: Amazon: mis pedidos › factura, o el correo de confirmación del pedido
  presente     Foto o captura de pantalla
  recomendado  Correspondencia con el vendedor
               añada <document kind="correspondence" file="..."> a <evidence>: muestra que intentó un acuerdo amistoso (su bandeja de entrada: busque el nombre del vendedor; Amazon: su cuenta › centro de mensajes)
  presente     Informe técnico

Pruebas:
  photo.jpg: imagen JPEG, 8×8
  screen.png: imagen PNG, 8×8
  other.pdf: documento PDF, 1 página
  tracking.png: imagen PNG, 8×8
  report.pdf: documento PDF, 1 página

Plazos:
  aviso        2025-11-03  Derecho de desistimiento (14 días después de la entrega; sin dar motivos; hasta 12 meses más si el vendedor no le informó de este derecho): vencido
  aviso        2025-11-19  Plazo de devolución de Amazon (política de Amazon, no ley) (30 días después de la entrega; para la mayoría de los artículos)
  correcto     2026-01-03  Garantía de la A a la Z de Amazon (90 días después de la última fecha de entrega prevista)
  correcto     2027-10-20  Presunción de que el defecto existía en la entrega (2 años después de la entrega)
  correcto     2028-10-20  Garantía legal (art. 120 TRLGDCU) (3 años después de la entrega)
